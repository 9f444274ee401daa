//! How the webview draws. WebKitGTK (Tauri's webview on Linux) composites pages on the GPU by
//! default; where there is no GPU (a virtual machine, a remote desktop, Xvfb) it runs that GL
//! on the CPU (Mesa's llvmpipe), and setting it up makes the first frame wait: measured here,
//! a bare WebKitGTK page took 142–435 ms from navigation to its first painted frame with
//! compositing and 29–46 ms without. Panelmark's screens are forms and tables, drawn as well
//! without it, so the app switches compositing off unless told otherwise (README,
//! "Performance"). The switch is WebKitGTK's own environment variable, read by the web
//! process it spawns, so it must be set before the first webview exists.

use std::ffi::OsStr;

/// WebKitGTK's switch: `1` turns accelerated compositing off.
pub const WEBKIT_SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Panelmark's own switch: `1` keeps WebKitGTK's GPU compositing (its default).
pub const KEEP_GPU_SWITCH: &str = "PANELMARK_GPU_COMPOSITING";

/// Whether to switch compositing off, given the two variables as the user set them. A value
/// the user gave WebKitGTK's own variable is theirs and is left alone.
pub fn turn_compositing_off(webkit_switch: Option<&OsStr>, keep_gpu: Option<&OsStr>) -> bool {
    webkit_switch.is_none() && keep_gpu != Some(OsStr::new("1"))
}

/// Applies [`turn_compositing_off`] to this process's environment. Call it first in `main`,
/// before any thread or webview starts (the environment is not safe to change once other
/// threads may read it).
pub fn choose_before_any_webview() {
    let off = turn_compositing_off(
        std::env::var_os(WEBKIT_SWITCH).as_deref(),
        std::env::var_os(KEEP_GPU_SWITCH).as_deref(),
    );
    if off {
        std::env::set_var(WEBKIT_SWITCH, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(s: &str) -> Option<&OsStr> {
        Some(OsStr::new(s))
    }

    #[test]
    fn compositing_is_off_unless_the_user_asked_for_the_gpu_or_set_webkits_own_switch() {
        assert!(turn_compositing_off(None, None));
        assert!(turn_compositing_off(None, os("0")));
        assert!(turn_compositing_off(None, os("")));
        assert!(!turn_compositing_off(None, os("1")));
        // The user's own WebKitGTK setting wins, whatever its value.
        assert!(!turn_compositing_off(os("1"), None));
        assert!(!turn_compositing_off(os("0"), None));
    }
}
