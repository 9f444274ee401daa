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

/// Applies [`turn_compositing_off`] to this process's environment. Call it first in `main`,
/// before any thread or webview starts (the environment is not safe to change once other
/// threads may read it).
pub fn choose_before_any_webview() {
    let off = turn_compositing_off(
        std::env::var_os(WEBKIT_SWITCH).as_deref(),
        std::env::var_os(GPU_SWITCH).as_deref(),
        !cfg!(target_os = "linux") || has_render_node(Path::new(DRI_DIR)),
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
