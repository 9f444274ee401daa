//! What the GL tests look at: the EGL drivers mapped into this process, and a display asked of
//! libglvnd the way WebKitGTK's UI side asks for one.
#![allow(unsafe_code)] // C calls into libEGL, as the app's rendering.rs makes
#![allow(dead_code)] // shared by two test binaries; each uses part of it

use std::ffi::{c_char, c_void};

/// The EGL drivers (libglvnd's vendors, `libEGL_<vendor>.so`) mapped into this process.
pub fn egl_drivers_loaded() -> Vec<String> {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("read /proc/self/maps");
    let mut found: Vec<String> = maps
        .lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .filter_map(|path| path.rsplit('/').next())
        .filter(|name| name.starts_with("libEGL_"))
        .map(str::to_owned)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The EGL driver files libglvnd finds by itself (its search path, system then admin).
pub fn vendor_files() -> Vec<String> {
    let mut files = Vec::new();
    for dir in ["/etc/glvnd/egl_vendor.d", "/usr/share/glvnd/egl_vendor.d"] {
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut here: Vec<String> = entries
                .flatten()
                .map(|e| e.path().to_string_lossy().into_owned())
                .filter(|p| p.ends_with(".json"))
                .collect();
            here.sort();
            files.extend(here);
        }
    }
    files
}

/// Asks libglvnd for the default display (`eglGetDisplay(EGL_DEFAULT_DISPLAY)`), which makes it
/// load its drivers if it has not; returns whether the answer was `EGL_NO_DISPLAY`.
pub fn default_display_is_none() -> bool {
    type GetDisplay = unsafe extern "C" fn(*mut c_void) -> *mut c_void;
    // SAFETY: NUL-terminated names; the symbol is libEGL's `EGLDisplay eglGetDisplay(
    // EGLNativeDisplayType)`, called with EGL_DEFAULT_DISPLAY (null); the display it may return
    // is only compared with null, never initialised or used.
    unsafe {
        let lib = libc::dlopen(c"libEGL.so.1".as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
        assert!(!lib.is_null(), "libEGL.so.1 not found");
        let symbol = libc::dlsym(lib, c"eglGetDisplay".as_ptr());
        assert!(!symbol.is_null(), "eglGetDisplay not found");
        let get_display = std::mem::transmute::<*mut c_void, GetDisplay>(symbol);
        get_display(std::ptr::null_mut::<c_char>().cast()).is_null()
    }
}
