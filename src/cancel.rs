//! Stopping long work part-way: exports, imports and the demo take a [`Progress`], which
//! reports how far they got and carries a [`Cancel`] token another thread (the app's Cancel
//! button) can set. The work checks the token between steps (a file, a pack, a row, a
//! candidate) and stops with [`Error::Cancelled`]; what a cancel leaves behind is each
//! operation's business (an import rolls back, an export removes what it wrote).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::{Error, Result};

/// A flag shared between the work and whoever may stop it. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A token not cancelled yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the work to stop at its next check.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`Cancel::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// `Err(Error::Cancelled)` once cancelled, so the work can stop with `?`.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Cancelled(
                "stopped by the user before it finished".into(),
            ))
        } else {
            Ok(())
        }
    }
}

/// How a long operation reports `(done, total)` and learns that it should stop.
pub struct Progress<'a> {
    cancel: Cancel,
    report: Box<dyn FnMut(usize, usize) + 'a>,
}

impl<'a> Progress<'a> {
    /// Reports to `report`, stops when `cancel` is cancelled.
    pub fn new(cancel: Cancel, report: impl FnMut(usize, usize) + 'a) -> Self {
        Progress {
            cancel,
            report: Box::new(report),
        }
    }

    /// Reports to `report` and is never cancelled (the command line, tests).
    pub fn reporting(report: impl FnMut(usize, usize) + 'a) -> Self {
        Self::new(Cancel::new(), report)
    }

    /// Reports nowhere and is never cancelled.
    pub fn none() -> Progress<'static> {
        Progress::new(Cancel::new(), |_, _| {})
    }

    /// The token, for work that checks it on other threads.
    pub fn token(&self) -> &Cancel {
        &self.cancel
    }

    /// Stops with [`Error::Cancelled`] once cancelled.
    pub fn check(&self) -> Result<()> {
        self.cancel.check()
    }

    /// Reports `done` of `total` without checking the token.
    pub fn report(&mut self, done: usize, total: usize) {
        (self.report)(done, total);
    }

    /// Reports `done` of `total`, then stops with [`Error::Cancelled`] if cancelled.
    pub fn step(&mut self, done: usize, total: usize) -> Result<()> {
        self.report(done, total);
        self.check()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_stops_the_work_at_the_next_step_after_it_is_cancelled() {
        let token = Cancel::new();
        let stopper = token.clone();
        let mut seen = Vec::new();
        let mut progress = Progress::new(token, |done, _| {
            seen.push(done);
            if done == 2 {
                stopper.cancel();
            }
        });
        let steps: Vec<bool> = (1..=4).map(|i| progress.step(i, 4).is_ok()).collect();
        drop(progress);
        assert_eq!(steps, [true, false, false, false]);
        assert_eq!(seen, [1, 2, 3, 4], "progress is still reported");
        let err = Cancel::new();
        err.cancel();
        assert_eq!(err.check().unwrap_err().code(), "cancelled");
    }
}
