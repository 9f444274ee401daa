//! The control for `gl_kept_out.rs`: without `keep_gl_out_of_this_process`, the same probe
//! makes libglvnd load an EGL driver into this process, so the other test's empty list means
//! something. (Every machine that can run WebKitGTK has one: its web process aborts without.)
#![cfg(target_os = "linux")]

mod gl_probe;

#[test]
fn without_the_switch_the_probe_loads_a_driver() {
    assert!(gl_probe::egl_drivers_loaded().is_empty());
    gl_probe::default_display_is_none();
    let loaded = gl_probe::egl_drivers_loaded();
    assert!(
        !loaded.is_empty(),
        "asking libglvnd for a display loaded no EGL driver"
    );
}
