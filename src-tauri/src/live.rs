//! Live changes from a shared database for the window. A thread LISTENs on a connection of its
//! own and numbers each change it hears; the window long-polls `wait_changes(after)` and gets
//! what came after its own cursor, so the board and the panel view each re-read what changed
//! (under their login's row security) without polling the database. A local file has none:
//! only this app writes to it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use panelmark::model::{CampaignId, CandidateId};
use panelmark::store::postgres::connect::Target;
use panelmark::store::postgres::listen::{Change, Listener};
use serde::Serialize;

/// How many changes are kept for a window that polls late; one further behind re-reads all.
const KEPT: usize = 1000;
/// How long the listening thread waits between looks at its stop flag.
const TICK: Duration = Duration::from_millis(500);
/// How long to wait before listening again after the connection dropped.
const RETRY: Duration = Duration::from_secs(3);

/// One announced change, numbered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LiveChange {
    /// Increases by one per change heard since connecting.
    pub seq: u64,
    /// The campaign it belongs to.
    pub campaign_id: Option<CampaignId>,
    /// The candidate it is about, if any.
    pub candidate_id: Option<CandidateId>,
    /// The table that changed.
    pub table: String,
}

/// What `wait_changes` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ChangesSince {
    /// The changes after the cursor, oldest first.
    pub changes: Vec<LiveChange>,
    /// The cursor to pass next time.
    pub cursor: u64,
    /// Changes were dropped before the caller read them: re-read everything.
    pub missed: bool,
    /// Listening at all (a shared database is open).
    pub live: bool,
}

#[derive(Default)]
struct Log {
    changes: VecDeque<LiveChange>,
    last: u64,
}

impl Log {
    fn push(&mut self, change: Change) {
        self.last += 1;
        self.changes.push_back(LiveChange {
            seq: self.last,
            campaign_id: change.campaign_id,
            candidate_id: change.candidate_id,
            table: change.table,
        });
        while self.changes.len() > KEPT {
            self.changes.pop_front();
        }
    }

    fn since(&self, after: u64) -> ChangesSince {
        let oldest = self.changes.front().map_or(self.last + 1, |c| c.seq);
        ChangesSince {
            changes: self
                .changes
                .iter()
                .filter(|c| c.seq > after)
                .cloned()
                .collect(),
            cursor: self.last,
            missed: after + 1 < oldest && after < self.last,
            live: true,
        }
    }
}

/// The listening thread and its log; dropping it stops the thread.
pub struct LiveChanges {
    shared: Arc<(Mutex<Log>, Condvar)>,
    stop: Arc<AtomicBool>,
}

impl LiveChanges {
    /// Starts listening on the server `target` names (reconnecting after a drop).
    pub fn start(target: Target) -> LiveChanges {
        let shared = Arc::new((Mutex::new(Log::default()), Condvar::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (thread_shared, thread_stop) = (Arc::clone(&shared), Arc::clone(&stop));
        std::thread::Builder::new()
            .name("panelmark-live".into())
            .spawn(move || listen(&target, &thread_shared, &thread_stop))
            .expect("a thread can be started");
        LiveChanges { shared, stop }
    }

    /// The changes after `after`, waiting up to `timeout` for one when there are none yet.
    pub fn wait(&self, after: u64, timeout: Duration) -> ChangesSince {
        let (log, arrived) = &*self.shared;
        let deadline = Instant::now() + timeout;
        let mut guard = log.lock().unwrap_or_else(|p| p.into_inner());
        while guard.last <= after && !self.stop.load(Ordering::Relaxed) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            guard = arrived
                .wait_timeout(guard, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        guard.since(after)
    }
}

impl Drop for LiveChanges {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.shared.1.notify_all();
    }
}

fn listen(target: &Target, shared: &(Mutex<Log>, Condvar), stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        let mut listener = match target.connect().map(Listener::on) {
            Ok(Ok(listener)) => listener,
            _ => {
                std::thread::sleep(RETRY);
                continue;
            }
        };
        while !stop.load(Ordering::Relaxed) {
            match listener.wait(TICK) {
                Ok(changes) if changes.is_empty() => {}
                Ok(changes) => {
                    let mut log = shared.0.lock().unwrap_or_else(|p| p.into_inner());
                    for change in changes {
                        log.push(change);
                    }
                    shared.1.notify_all();
                }
                // The connection dropped: listen again on a new one (changes in between are
                // missed; the window re-reads when it comes back, as after any gap).
                Err(_) => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(candidate: CandidateId) -> Change {
        serde_json::from_value(serde_json::json!({
            "campaign": 1, "candidate": candidate, "table": "scores"
        }))
        .unwrap()
    }

    #[test]
    fn each_reader_gets_what_came_after_its_cursor() {
        let mut log = Log::default();
        log.push(change(CandidateId(7)));
        log.push(change(CandidateId(8)));
        let all = log.since(0);
        assert_eq!(all.cursor, 2);
        assert_eq!(
            all.changes
                .iter()
                .map(|c| c.candidate_id)
                .collect::<Vec<_>>(),
            [Some(CandidateId(7)), Some(CandidateId(8))]
        );
        assert!(!all.missed);
        let later = log.since(1);
        assert_eq!(later.changes.len(), 1);
        assert_eq!(later.changes[0].seq, 2);
        assert!(log.since(2).changes.is_empty());
    }

    #[test]
    fn a_reader_too_far_behind_is_told_to_re_read_everything() {
        let mut log = Log::default();
        for i in 0..(KEPT as i64 + 5) {
            log.push(change(CandidateId(i)));
        }
        let behind = log.since(2);
        assert!(behind.missed);
        assert_eq!(behind.changes.len(), KEPT);
        assert!(
            !log.since(5).missed,
            "the oldest kept change is the next one it needs"
        );
    }
}
