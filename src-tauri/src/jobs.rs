//! Long commands the user may cancel: exports, candidate and score imports, the demo. The UI
//! names each run with a job id of its choosing and passes it with the command; `cancel_job`
//! sets that run's token. The core checks the token between steps (a pack, a row, a
//! candidate) and decides what a cancel leaves (see `panelmark::cancel`); this only keeps
//! the tokens of the runs under way, and sends their progress to the window.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use panelmark::cancel::Cancel;
use serde::Serialize;
use tauri::ipc::Channel;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};

/// How far a long command has got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct JobProgress {
    /// Steps done so far (PDF documents, rows, candidates).
    pub done: usize,
    /// Steps in all.
    pub total: usize,
}

/// The tokens of the runs under way, by job id.
#[derive(Default)]
pub struct Jobs {
    running: Mutex<HashMap<u32, Cancel>>,
}

/// A run under way: registered until dropped, so a finished run can no longer be cancelled.
pub struct Job<'a> {
    jobs: &'a Jobs,
    id: u32,
    token: Cancel,
}

impl Jobs {
    fn running(&self) -> MutexGuard<'_, HashMap<u32, Cancel>> {
        self.running
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers run `id` until the returned guard is dropped; an id already under way is
    /// refused (the UI gives each run a new one).
    pub fn start(&self, id: u32) -> IpcResult<Job<'_>> {
        let mut running = self.running();
        if running.contains_key(&id) {
            return Err(IpcError::new(
                "invalid",
                format!("job: {id} is already running; start each run with a new job id"),
            ));
        }
        let token = Cancel::new();
        running.insert(id, token.clone());
        Ok(Job {
            jobs: self,
            id,
            token,
        })
    }

    /// Asks run `id` to stop at its next step; false when no such run is under way (it has
    /// finished, or never started).
    pub fn cancel(&self, id: u32) -> bool {
        match self.running().get(&id) {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }
}

impl Job<'_> {
    /// The run's token, for the core.
    pub fn token(&self) -> Cancel {
        self.token.clone()
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        self.jobs.running().remove(&self.id);
    }
}

/// Fewest milliseconds between two progress messages: an import reports every row, and the
/// window needs no more than a few updates a second.
const MIN_INTERVAL: Duration = Duration::from_millis(50);

/// A progress callback for the core that sends `(done, total)` to `channel`: the first step,
/// the last, and between them at most one message per `MIN_INTERVAL` (50 ms).
pub fn sender(channel: Channel<JobProgress>) -> impl FnMut(usize, usize) + Send + 'static {
    throttled(move |progress| {
        // A closed channel (the window went away) must not stop the work.
        let _ = channel.send(progress);
    })
}

fn throttled(mut send: impl FnMut(JobProgress) + Send) -> impl FnMut(usize, usize) + Send {
    let mut last: Option<Instant> = None;
    move |done, total| {
        let due = !matches!(last, Some(at) if at.elapsed() < MIN_INTERVAL);
        if due || done >= total {
            last = Some(Instant::now());
            send(JobProgress { done, total });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_can_be_cancelled_only_while_it_is_under_way() {
        let jobs = Jobs::default();
        let job = jobs.start(7).unwrap();
        assert_eq!(jobs.start(7).err().map(|e| e.code), Some("invalid".into()));
        assert!(!job.token().is_cancelled());
        assert!(jobs.cancel(7));
        assert!(job.token().is_cancelled(), "the core sees the cancel");
        assert!(!jobs.cancel(8), "no such run");
        drop(job);
        assert!(!jobs.cancel(7), "finished: nothing to cancel");
        assert!(jobs.start(7).is_ok(), "the id is free again");
    }

    #[test]
    fn progress_is_sent_first_last_and_at_most_every_interval_between() {
        let sent = std::sync::Arc::new(Mutex::new(Vec::new()));
        let into = sent.clone();
        let mut report = throttled(move |p| into.lock().unwrap().push((p.done, p.total)));
        for done in 1..=1000 {
            report(done, 1000);
        }
        let sent = sent.lock().unwrap();
        assert_eq!(sent.first(), Some(&(1, 1000)));
        assert_eq!(sent.last(), Some(&(1000, 1000)));
        assert!(sent.len() < 100, "{} messages for 1,000 steps", sent.len());
    }
}
