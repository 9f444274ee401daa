//! Live changes from a shared database: the server announces each change another desk must
//! see on the channel `panelmark_changes` (see `008_notify.sql`), with ids only, and a
//! [`Listener`] on its own connection hands them over so the board and the panel view can
//! re-read what changed under their own login's row security.
//!
//! Any login may NOTIFY on any channel, so a payload is only a hint to re-read: one that does
//! not parse is dropped, and nothing is ever taken from a payload but ids.

use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;

use super::PgResult;
use crate::model::{CampaignId, CandidateId};

/// The channel the server announces changes on.
pub const CHANNEL: &str = "panelmark_changes";

/// One announced change: which campaign, which candidate if any, and which table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Change {
    /// The campaign it belongs to.
    #[serde(rename = "campaign")]
    pub campaign_id: Option<CampaignId>,
    /// The candidate it is about, if any.
    #[serde(rename = "candidate")]
    pub candidate_id: Option<CandidateId>,
    /// The table that changed (`scores`, `agreed_scores`, `signoffs`, …).
    pub table: String,
}

/// A connection that listens for changes. LISTEN holds a connection of its own: the app
/// keeps one beside its sessions, on a plain thread.
pub struct Listener {
    client: Client,
}

impl Listener {
    /// Starts listening on `client` (a connection of its own).
    pub fn on(mut client: Client) -> PgResult<Listener> {
        client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
        Ok(Listener { client })
    }

    /// Connects to `url` and starts listening.
    pub fn connect(url: &str) -> PgResult<Listener> {
        Self::on(super::connect::connect(url)?)
    }

    /// Waits up to `timeout` for a change, then takes every other change already arrived;
    /// empty when none came. A dropped connection is an error (reconnect and re-read).
    pub fn wait(&mut self, timeout: Duration) -> PgResult<Vec<Change>> {
        let deadline = Instant::now() + timeout;
        let mut changes = Vec::new();
        let mut notifications = self.client.notifications();
        // Until a change of ours arrives (a stray payload does not end the wait) or time is up.
        while changes.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match notifications.timeout_iter(left).next()? {
                Some(n) => changes.extend(parse(n.payload())),
                None => return Ok(changes),
            }
        }
        let mut pending = notifications.iter();
        while let Some(more) = pending.next()? {
            changes.extend(parse(more.payload()));
        }
        Ok(changes)
    }
}

/// The change a payload announces, or None for one that is not Panelmark's.
fn parse(payload: &str) -> Option<Change> {
    serde_json::from_str(payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_gives_ids_and_anything_else_is_dropped() {
        assert_eq!(
            parse(r#"{"campaign": 3, "candidate": 17, "table": "scores"}"#),
            Some(Change {
                campaign_id: Some(CampaignId(3)),
                candidate_id: Some(CandidateId(17)),
                table: "scores".into()
            })
        );
        assert_eq!(
            parse(r#"{"campaign": 3, "candidate": null, "table": "signoffs"}"#)
                .map(|c| c.candidate_id),
            Some(None)
        );
        assert_eq!(parse("reload everything"), None);
        assert_eq!(parse(r#"{"campaign": "1; DROP TABLE"}"#), None);
    }
}
