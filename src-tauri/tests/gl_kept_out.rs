//! The app's process keeps the GL driver out (rendering.rs, `keep_gl_out_of_this_process`):
//! afterwards libglvnd answers EGL calls in this process without loading a driver, and the
//! variable it read is back as it was, for the web process WebKit spawns. Each test binary is
//! its own process, which libglvnd's once-per-process driver list needs; the control, that the
//! same probe without the switch does load a driver here, is `gl_control.rs`.
#![cfg(target_os = "linux")]

mod gl_probe;

use panelmark_app::rendering::{keep_gl_out_of_this_process, EGL_VENDORS, GDK_GL};

#[test]
fn no_egl_driver_is_loaded_and_the_environment_is_as_before() {
    // The user names the machine's own drivers, so that what is kept out is a driver that
    // would otherwise load (`gl_control.rs` shows the probe loading one).
    let drivers = gl_probe::vendor_files().join(":");
    assert!(!drivers.is_empty(), "no EGL driver is installed");
    std::env::set_var(EGL_VENDORS, &drivers);
    std::env::remove_var(GDK_GL);
    assert!(
        gl_probe::egl_drivers_loaded().is_empty(),
        "nothing loaded a driver before the test"
    );

    assert!(keep_gl_out_of_this_process(), "libEGL.so.1 was reached");
    assert_eq!(
        std::env::var_os(EGL_VENDORS).as_deref(),
        Some(std::ffi::OsStr::new(&drivers)),
        "the user's driver list is back for the web process"
    );
    assert_eq!(
        std::env::var_os(GDK_GL).as_deref(),
        Some(std::ffi::OsStr::new("disable"))
    );

    // What WebKitGTK's UI side does: ask for a display. libglvnd has no driver to ask.
    assert!(gl_probe::default_display_is_none());
    assert_eq!(gl_probe::egl_drivers_loaded(), Vec::<String>::new());
}
