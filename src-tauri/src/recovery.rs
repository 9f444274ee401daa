//! When the page's process dies, the window gets its page back. WebKitGTK draws the page in a
//! process of its own; if that process ends (a crash, the system killing it for memory), the
//! window stays blank until something loads the page again, and nothing does by default. The
//! app's state is in this process (the open database, who is signed in) and a panel member's
//! unsaved notes are kept in the page's storage, so loading the page again brings the user back
//! to a working app with nothing lost. Each termination is written to standard error with its
//! reason, so a support log says what happened.
//!
//! A page that dies every time it loads (a broken graphics driver, say) must not reload
//! forever: at most [`MAX_RELOADS`] within [`RELOAD_WINDOW`], then the window is left as it is.

use std::time::{Duration, Instant};

/// Reloads allowed within [`RELOAD_WINDOW`].
pub const MAX_RELOADS: usize = 3;
/// The span over which reloads are counted.
pub const RELOAD_WINDOW: Duration = Duration::from_secs(60);

/// The reloads made so far, to keep a page that keeps dying from reloading forever.
#[derive(Debug, Default)]
pub struct Reloads {
    at: Vec<Instant>,
}

impl Reloads {
    /// Whether to reload now, recording it if so: fewer than [`MAX_RELOADS`] in the last
    /// [`RELOAD_WINDOW`].
    pub fn allow(&mut self, now: Instant) -> bool {
        self.at
            .retain(|t| now.saturating_duration_since(*t) < RELOAD_WINDOW);
        if self.at.len() >= MAX_RELOADS {
            return false;
        }
        self.at.push(now);
        true
    }
}

/// Reloads the webview's page when its process ends, within [`Reloads`]' limit.
#[cfg(target_os = "linux")]
pub fn reload_when_the_page_dies(webview: &tauri::WebviewWindow) -> tauri::Result<()> {
    webview.with_webview(|platform| {
        use std::cell::{Cell, RefCell};
        use std::rc::Rc;
        use webkit2gtk::{LoadEvent, WebProcessTerminationReason as Reason, WebViewExt};
        let reloads = RefCell::new(Reloads::default());
        // Set from the reload until its page has loaded, to say so once.
        let reloading = Rc::new(Cell::new(false));
        let view = platform.inner();
        let loaded = Rc::clone(&reloading);
        view.connect_load_changed(move |_, event| {
            if event == LoadEvent::Finished && loaded.replace(false) {
                eprintln!("panelmark: the page is loaded again");
            }
        });
        view.connect_web_process_terminated(move |view, reason| {
            let why = match reason {
                Reason::Crashed => "it crashed or was killed",
                Reason::ExceededMemoryLimit => "it exceeded WebKit's memory limit",
                Reason::TerminatedByApi => "it was ended by the app",
                _ => "of an unknown reason",
            };
            if reloads.borrow_mut().allow(Instant::now()) {
                eprintln!("panelmark: the page's process ended ({why}); loading the page again");
                reloading.set(true);
                view.reload();
            } else {
                let (times, secs) = (MAX_RELOADS + 1, RELOAD_WINDOW.as_secs());
                eprintln!(
                    "panelmark: the page's process ended ({why}), the {times}th time \
                     within {secs} s; not loading it again"
                );
            }
        });
    })
}

/// Elsewhere the webview is not WebKitGTK's; nothing to do.
#[cfg(not(target_os = "linux"))]
pub fn reload_when_the_page_dies(_webview: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reloads_are_allowed_until_the_limit_within_the_window() {
        let start = Instant::now();
        let mut reloads = Reloads::default();
        for i in 0..MAX_RELOADS {
            assert!(
                reloads.allow(start + Duration::from_secs(i as u64)),
                "reload {i}"
            );
        }
        assert!(
            !reloads.allow(start + Duration::from_secs(10)),
            "one more within the minute is refused"
        );
        assert!(
            !reloads.allow(start + Duration::from_secs(59)),
            "and still refused: the refusals are not counted"
        );
    }

    #[test]
    fn old_reloads_stop_counting_once_the_window_has_passed() {
        let start = Instant::now();
        let mut reloads = Reloads::default();
        for _ in 0..MAX_RELOADS {
            assert!(reloads.allow(start));
        }
        assert!(!reloads.allow(start + RELOAD_WINDOW - Duration::from_millis(1)));
        assert!(
            reloads.allow(start + RELOAD_WINDOW),
            "a minute on, the first reloads no longer count"
        );
        assert!(reloads.allow(start + RELOAD_WINDOW));
        assert!(reloads.allow(start + RELOAD_WINDOW));
        assert!(!reloads.allow(start + RELOAD_WINDOW));
    }
}
