//! How the webview draws. WebKitGTK (Tauri's webview on Linux) composites pages with GL by
//! default. Where the machine has no GPU (a virtual machine, a remote desktop, Xvfb) that GL
//! runs on the CPU through Mesa's llvmpipe: it does nothing a GPU-less machine needs and costs
//! memory and time. Measured on the build machine (no GPU, README "Performance"): with
//! WebKitGTK's GL compositing off, the app's process tree took 224–234 MB (proportional set
//! size) instead of 313–326 MB, and the Start screen's first frame was drawn 30–70 ms sooner.
//!
//! So compositing goes off by default where there is no GPU to composite with: no DRM render
//! node (`/dev/dri/renderD*`), the device every GL driver that uses a GPU opens on Linux.
//! Where there is one, WebKitGTK's default stands. `PANELMARK_GPU_COMPOSITING=0` turns it off
//! anyway and `=1` keeps WebKitGTK's default anyway; a value the user gave WebKitGTK's own
//! variable is theirs and is never overridden. The switch is an environment variable read by
//! the web process WebKitGTK spawns, so it is set before the first webview exists.
//!
//! (Non-composited, WebKitWebDriver's screenshot waits for the page's next frame, which an idle
//! page never draws; the end-to-end tests draw one first: `tests/e2e/lib.mjs`, `screenshot`.)
//!
//! With compositing off, the app's own process draws no GL at all: the web process paints the
//! page on the CPU and hands the app an image. Yet two probes there still load the whole GL
//! stack, and on a machine without a GPU that is Mesa's software driver and libLLVM (44 MB of
//! the app's 160 MB resident): GTK probing GLX when it opens the X display, and WebKitGTK's UI
//! side opening an EGL display to learn what buffers it could share. So on X11, with compositing
//! off, neither probe finds a driver in this process ([`keep_gl_out_of_this_process`]): GTK is
//! told not to use GL (`GDK_GL=disable`), and libglvnd, which loads EGL drivers once per process
//! from a list it reads at its first call, is made to read an empty list. The web process, which
//! WebKit cannot start without EGL, is spawned with the environment as the user had it and
//! finds its driver as before. Measured on the build machine (Xvfb, README "Performance"): the
//! app process 102–106 MB resident instead of 158–159, the page drawn the same.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch: `1` turns accelerated compositing off.
pub const WEBKIT_SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Panelmark's own switch: `0` turns GL compositing off, `1` keeps WebKitGTK's default; unset
/// (or anything else), the machine decides: off where it has no GPU.
pub const GPU_SWITCH: &str = "PANELMARK_GPU_COMPOSITING";

/// Where Linux lists the GPU devices a GL driver can render with.
const DRI_DIR: &str = "/dev/dri";

/// Whether to switch compositing off, given the two variables as the user set them and whether
/// the machine has a GPU render node.
pub fn turn_compositing_off(
    webkit_switch: Option<&OsStr>,
    gpu: Option<&OsStr>,
    has_gpu: bool,
) -> bool {
    if webkit_switch.is_some() {
        return false;
    }
    match gpu.and_then(OsStr::to_str) {
        Some("0") => true,
        Some("1") => false,
        _ => !has_gpu,
    }
}

/// Whether `dri_dir` lists a DRM render node (`renderD128`, …).
fn has_render_node(dri_dir: &Path) -> bool {
    std::fs::read_dir(dri_dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Whether WebKitGTK will run with compositing off, given its switch as it stands when the
/// first webview is made (WebKitGTK reads any value but `0` as off).
pub fn compositing_is_off(webkit_switch: Option<&OsStr>) -> bool {
    webkit_switch.is_some_and(|v| v != "0")
}

/// Whether GTK will open an X11 display, given `GDK_BACKEND`, `WAYLAND_DISPLAY` and `DISPLAY`:
/// asked for by name, or the only display there is (GTK prefers Wayland when both are).
pub fn gtk_opens_x11(
    gdk_backend: Option<&OsStr>,
    wayland_display: Option<&OsStr>,
    display: Option<&OsStr>,
) -> bool {
    let set = |v: Option<&OsStr>| v.is_some_and(|v| !v.is_empty());
    match gdk_backend.and_then(OsStr::to_str) {
        Some(backend) if !backend.is_empty() && backend != "*" => backend.starts_with("x11"),
        _ => !set(wayland_display) && set(display),
    }
}

/// Whether to keep the GL stack out of the app's own process: only where compositing is off
/// (the app's process then draws without GL) and on X11, where that is what was tried (on
/// Wayland WebKitGTK may share the page's buffers through EGL even then; not tried, so left).
pub fn keep_gl_out(compositing_off: bool, x11: bool) -> bool {
    compositing_off && x11
}

/// Applies [`turn_compositing_off`] to this process's environment, then [`keep_gl_out`]. Call it
/// first in `main`, before any thread or webview starts (the environment is not safe to change
/// once other threads may read it).
pub fn choose_before_any_webview() {
    let off = turn_compositing_off(
        std::env::var_os(WEBKIT_SWITCH).as_deref(),
        std::env::var_os(GPU_SWITCH).as_deref(),
        !cfg!(target_os = "linux") || has_render_node(Path::new(DRI_DIR)),
    );
    if off {
        std::env::set_var(WEBKIT_SWITCH, "1");
    }
    let x11 = gtk_opens_x11(
        std::env::var_os("GDK_BACKEND").as_deref(),
        std::env::var_os("WAYLAND_DISPLAY").as_deref(),
        std::env::var_os("DISPLAY").as_deref(),
    );
    if cfg!(target_os = "linux")
        && keep_gl_out(
            compositing_is_off(std::env::var_os(WEBKIT_SWITCH).as_deref()),
            x11,
        )
    {
        keep_gl_out_of_this_process();
    }
}

/// GTK's GL switch: `disable` stops GDK probing GLX when it opens the display.
pub const GDK_GL: &str = "GDK_GL";

/// libglvnd's list of EGL driver files: when set, even empty, it replaces the search for them.
pub const EGL_VENDORS: &str = "__EGL_VENDOR_LIBRARY_FILENAMES";

/// Leaves this process without a GL driver, and its children's environment as it was. GTK's GL
/// is switched off unless the user set `GDK_GL` (it stays in the environment: the web process
/// does not draw with GDK). libglvnd is made to read its driver list once, now, while
/// [`EGL_VENDORS`] is empty (`eglQueryString` without a display does that and needs no display),
/// and the variable is then put back as it was, so the web process WebKit spawns later loads its
/// driver as usual; in this process every EGL display WebKit asks for is `EGL_NO_DISPLAY`,
/// which it takes as "share no buffers". Returns whether libglvnd was reached; without it (no
/// libEGL) WebKit would load no driver here anyway.
pub fn keep_gl_out_of_this_process() -> bool {
    if std::env::var_os(GDK_GL).is_none() {
        std::env::set_var(GDK_GL, "disable");
    }
    let before = std::env::var_os(EGL_VENDORS);
    std::env::set_var(EGL_VENDORS, "");
    let reached = egl::read_driver_list_now();
    match before {
        Some(value) => std::env::set_var(EGL_VENDORS, value),
        None => std::env::remove_var(EGL_VENDORS),
    }
    reached
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // the shell's one unsafe block: a C call no safe crate in the tree makes
mod egl {
    use std::ffi::{c_char, c_int, c_void};

    /// `EGL_EXTENSIONS`: asked of `EGL_NO_DISPLAY`, the client extensions, which libglvnd can
    /// only answer after reading its driver list.
    const EGL_EXTENSIONS: c_int = 0x3055;

    type QueryString = unsafe extern "C" fn(*mut c_void, c_int) -> *const c_char;

    /// Makes libglvnd's first call in this process. libEGL is opened by name rather than linked
    /// so that the app starts where it is missing (WebKitGTK links it in any case; the handle
    /// is never closed, the library stays loaded for WebKit).
    pub(super) fn read_driver_list_now() -> bool {
        // SAFETY: dlopen/dlsym get NUL-terminated names; the symbol, if found, is libEGL's
        // `const char *eglQueryString(EGLDisplay, EGLint)`, called with EGL_NO_DISPLAY (null),
        // which EGL 1.5 defines; the string it returns is not read.
        unsafe {
            let lib = libc::dlopen(c"libEGL.so.1".as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
            if lib.is_null() {
                return false;
            }
            let symbol = libc::dlsym(lib, c"eglQueryString".as_ptr());
            if symbol.is_null() {
                return false;
            }
            let query: QueryString = std::mem::transmute::<*mut c_void, QueryString>(symbol);
            query(std::ptr::null_mut(), EGL_EXTENSIONS);
            true
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod egl {
    pub(super) fn read_driver_list_now() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<&OsStr> {
        Some(OsStr::new(s))
    }

    #[test]
    fn with_a_gpu_compositing_stays_on_unless_asked_off() {
        assert!(!turn_compositing_off(None, None, true));
        assert!(!turn_compositing_off(None, os("1"), true));
        assert!(!turn_compositing_off(None, os(""), true));
        assert!(turn_compositing_off(None, os("0"), true));
    }

    #[test]
    fn without_a_gpu_compositing_goes_off_unless_asked_on() {
        assert!(turn_compositing_off(None, None, false));
        assert!(turn_compositing_off(None, os(""), false));
        assert!(turn_compositing_off(None, os("0"), false));
        assert!(!turn_compositing_off(None, os("1"), false));
    }

    #[test]
    fn webkits_own_switch_is_never_overridden() {
        for has_gpu in [true, false] {
            for gpu in [None, os("0"), os("1")] {
                assert!(!turn_compositing_off(os("1"), gpu, has_gpu));
                assert!(!turn_compositing_off(os("0"), gpu, has_gpu));
                assert!(!turn_compositing_off(os(""), gpu, has_gpu));
            }
        }
    }

    #[test]
    fn compositing_is_off_for_any_value_but_zero() {
        assert!(!compositing_is_off(None));
        assert!(!compositing_is_off(os("0")));
        assert!(compositing_is_off(os("1")));
        assert!(compositing_is_off(os("")));
        assert!(compositing_is_off(os("yes")));
    }

    #[test]
    fn x11_is_named_or_the_only_display() {
        let d = os(":99");
        let w = os("wayland-0");
        assert!(gtk_opens_x11(None, None, d));
        assert!(
            gtk_opens_x11(None, os(""), d),
            "an empty WAYLAND_DISPLAY is none"
        );
        assert!(
            !gtk_opens_x11(None, w, d),
            "GTK prefers Wayland when both are there"
        );
        assert!(!gtk_opens_x11(None, w, None));
        assert!(!gtk_opens_x11(None, None, None), "no display at all");
        assert!(gtk_opens_x11(os("x11"), w, d));
        assert!(gtk_opens_x11(os("x11,wayland"), w, d));
        assert!(!gtk_opens_x11(os("wayland"), None, d));
        assert!(!gtk_opens_x11(os("wayland,x11"), w, d));
        assert!(
            !gtk_opens_x11(os("*"), w, d),
            "any backend: GTK's own order"
        );
        assert!(gtk_opens_x11(os("*"), None, d));
    }

    #[test]
    fn gl_is_kept_out_only_with_compositing_off_on_x11() {
        assert!(keep_gl_out(true, true));
        assert!(!keep_gl_out(false, true));
        assert!(!keep_gl_out(true, false));
        assert!(!keep_gl_out(false, false));
    }

    #[test]
    fn a_render_node_is_found_by_its_name() {
        let dir = std::env::temp_dir().join(format!("panelmark-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "an empty folder has no render node");
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(
            !has_render_node(&dir),
            "a card node alone is not a render node"
        );
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_render_node(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "a missing folder has none");
    }
}
