//! How the webview draws. WebKitGTK (Tauri's webview on Linux) composites pages on the GPU by
//! default; where there is no GPU (a virtual machine, a remote desktop, Xvfb) it runs that GL
//! on the CPU (Mesa's llvmpipe), which costs memory: measured on the build machine, switching
//! compositing off took the app's process tree from 319–324 MB to 233–234 MB (proportional
//! set size) and a bare WebKitGTK page's first frame from 142–435 ms to 29–46 ms after
//! navigation. It is not the default: with it, WebKitWebDriver's snapshot of the role editor
//! never returned (twice, at the same step of the end-to-end story), and until that is
//! understood the configuration the tests prove is the one users get. `PANELMARK_GPU_COMPOSITING=0`
//! switches it off (README, "Performance"). The switch is WebKitGTK's own environment
//! variable, read by the web process it spawns, so it is set before the first webview exists.

use std::ffi::OsStr;

/// WebKitGTK's switch: `1` turns accelerated compositing off.
pub const WEBKIT_SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Panelmark's own switch: `0` turns WebKitGTK's GPU compositing off; unset or anything else
/// keeps WebKitGTK's default.
pub const GPU_SWITCH: &str = "PANELMARK_GPU_COMPOSITING";

/// Whether to switch compositing off, given the two variables as the user set them. A value
/// the user gave WebKitGTK's own variable is theirs and is left alone.
pub fn turn_compositing_off(webkit_switch: Option<&OsStr>, gpu: Option<&OsStr>) -> bool {
    webkit_switch.is_none() && gpu == Some(OsStr::new("0"))
}

/// Applies [`turn_compositing_off`] to this process's environment. Call it first in `main`,
/// before any thread or webview starts (the environment is not safe to change once other
/// threads may read it).
pub fn choose_before_any_webview() {
    let off = turn_compositing_off(
        std::env::var_os(WEBKIT_SWITCH).as_deref(),
        std::env::var_os(GPU_SWITCH).as_deref(),
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
    fn compositing_goes_off_only_when_asked_and_never_over_webkits_own_switch() {
        assert!(!turn_compositing_off(None, None));
        assert!(!turn_compositing_off(None, os("1")));
        assert!(!turn_compositing_off(None, os("")));
        assert!(turn_compositing_off(None, os("0")));
        // The user's own WebKitGTK setting wins, whatever its value.
        assert!(!turn_compositing_off(os("1"), os("0")));
        assert!(!turn_compositing_off(os(""), os("0")));
    }
}
