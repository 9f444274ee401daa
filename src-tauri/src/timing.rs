//! Where a command's time goes in the shell, for tests/e2e/large.mjs: with `PANELMARK_TIMING`
//! set, each read or change prints to stderr the source line that asked for it, the time it
//! waited for its connection and the time the core took. Nothing is measured otherwise.

use std::panic::Location;
use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PANELMARK_TIMING").is_some_and(|v| !v.is_empty()))
}

/// A read or change under way: started when asked for, then given its connection.
pub struct Timing {
    kind: &'static str,
    asked: Option<(&'static Location<'static>, Instant)>,
    connected: Option<Instant>,
}

impl Timing {
    /// Started by a command's call of `kind` (`read`, `change`) at `caller`.
    pub fn start(kind: &'static str, caller: &'static Location<'static>) -> Self {
        Timing {
            kind,
            asked: enabled().then(|| (caller, Instant::now())),
            connected: None,
        }
    }

    /// The connection is this command's from now on.
    pub fn connected(&mut self) {
        if self.asked.is_some() {
            self.connected = Some(Instant::now());
        }
    }
}

impl Drop for Timing {
    fn drop(&mut self) {
        let Some((caller, asked)) = self.asked else {
            return;
        };
        let done = Instant::now();
        let connected = self.connected.unwrap_or(done);
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!(
            "panelmark timing: {} {}:{} waited {:.1} ms, core {:.1} ms",
            self.kind,
            caller.file(),
            caller.line(),
            ms(connected - asked),
            ms(done - connected)
        );
    }
}
