//! The audit chain the server writes (migration 003), recomputed here.
//!
//! Encoding, as documented in `003_audit.sql`: the UTF-8 bytes of
//! `panelmark-audit-v1` LF f(seq) LF f(at) LF f(actor) LF f(action) LF f(entity) LF f(before)
//! LF f(after) LF f(prev_hash), where f(NULL) is `-` and f(text) is its length in bytes, a
//! colon, then the text. The hash is the lower-hex SHA-256 of that; the first event's
//! `prev_hash` is 64 zeros. The fields are the stored text, so nothing needs re-serialising.

use postgres::Client;
use sha2::{Digest, Sha256};

use super::{PgResult, SCHEMA};

/// The `prev_hash` of the first event (the same as SQLite's chain).
pub const GENESIS_HASH: &str = crate::store::audit::GENESIS_HASH;

/// One event as stored in `audit_log` (the hashed fields only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEvent {
    /// Position in the chain, from 1, no gaps.
    pub seq: i64,
    /// Server time, RFC 3339 UTC with microseconds.
    pub at: String,
    /// The login that made the change (`session_user`).
    pub actor: String,
    /// `<table>.insert|update|delete`, or `scores.submit`.
    pub action: String,
    /// `<table>/<key>/...`.
    pub entity: String,
    /// The row before, as jsonb text.
    pub before: Option<String>,
    /// The row after, as jsonb text.
    pub after: Option<String>,
    /// The previous event's hash.
    pub prev_hash: String,
    /// This event's hash.
    pub hash: String,
}

/// The bytes an event's hash covers.
pub fn encode(event: &ChainEvent) -> Vec<u8> {
    fn field(out: &mut Vec<u8>, value: Option<&str>) {
        out.push(b'\n');
        match value {
            None => out.push(b'-'),
            Some(text) => {
                out.extend_from_slice(text.len().to_string().as_bytes());
                out.push(b':');
                out.extend_from_slice(text.as_bytes());
            }
        }
    }
    let mut out = b"panelmark-audit-v1".to_vec();
    let seq = event.seq.to_string();
    for value in [
        Some(seq.as_str()),
        Some(&event.at),
        Some(&event.actor),
        Some(&event.action),
        Some(&event.entity),
        event.before.as_deref(),
        event.after.as_deref(),
        Some(&event.prev_hash),
    ] {
        field(&mut out, value);
    }
    out
}

/// The hash an event must carry.
pub fn event_hash(event: &ChainEvent) -> String {
    hex::encode(Sha256::digest(encode(event)))
}

/// The outcome of checking a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every event links to the one before and carries its own hash; the head matches.
    Intact {
        /// Number of events.
        events: i64,
        /// The newest event's hash (the genesis hash for an empty log).
        head_hash: String,
    },
    /// The first event that does not hold, and why.
    Broken {
        /// Its sequence number.
        seq: i64,
        /// What is wrong, in one sentence.
        reason: String,
    },
}

/// Checks events given oldest first, then that the recorded head is the last of them.
pub fn check_events(events: impl IntoIterator<Item = ChainEvent>, head: (i64, &str)) -> ChainCheck {
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS_HASH.to_owned();
    for event in events {
        if event.seq != expected_seq {
            return ChainCheck::Broken {
                seq: expected_seq,
                reason: format!(
                    "event {expected_seq} is missing (next found: {})",
                    event.seq
                ),
            };
        }
        if event.prev_hash != prev_hash {
            return ChainCheck::Broken {
                seq: event.seq,
                reason: format!(
                    "event {} does not link to event {}",
                    event.seq,
                    event.seq - 1
                ),
            };
        }
        let computed = event_hash(&event);
        if computed != event.hash {
            return ChainCheck::Broken {
                seq: event.seq,
                reason: format!(
                    "event {} was altered: its content hashes to {computed}, it records {}",
                    event.seq, event.hash
                ),
            };
        }
        expected_seq += 1;
        prev_hash = event.hash;
    }
    let last = expected_seq - 1;
    if head != (last, prev_hash.as_str()) {
        return ChainCheck::Broken {
            seq: head.0.max(last),
            reason: format!(
                "the chain ends at event {last} but its head records event {} ({}): events were removed",
                head.0, head.1
            ),
        };
    }
    ChainCheck::Intact {
        events: last,
        head_hash: prev_hash,
    }
}

/// Reads the whole log and checks it. Row security shows each login only the events it may
/// read, so run this as a login that sees them all (the server's administrator).
pub fn verify(client: &mut Client) -> PgResult<ChainCheck> {
    let head = client.query_one(&format!("SELECT seq, hash FROM {SCHEMA}.audit_head"), &[])?;
    let (head_seq, head_hash): (i64, String) = (head.get(0), head.get(1));
    let rows = client.query(
        &format!(
            "SELECT seq, at, actor, action, entity, before, after, prev_hash, hash
             FROM {SCHEMA}.audit_log ORDER BY seq"
        ),
        &[],
    )?;
    let events = rows.iter().map(|r| ChainEvent {
        seq: r.get(0),
        at: r.get(1),
        actor: r.get(2),
        action: r.get(3),
        entity: r.get(4),
        before: r.get(5),
        after: r.get(6),
        prev_hash: r.get(7),
        hash: r.get(8),
    });
    Ok(check_events(events, (head_seq, &head_hash)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: i64, prev_hash: &str, after: Option<&str>) -> ChainEvent {
        let mut e = ChainEvent {
            seq,
            at: "2026-12-01T08:00:00.000001Z".into(),
            actor: "ann".into(),
            action: "scores.insert".into(),
            entity: "scores/1/2/c1".into(),
            before: None,
            after: after.map(str::to_owned),
            prev_hash: prev_hash.into(),
            hash: String::new(),
        };
        e.hash = event_hash(&e);
        e
    }

    #[test]
    fn the_encoding_is_length_prefixed_and_tells_null_from_empty() {
        let e = event(7, GENESIS_HASH, Some("é"));
        let text = String::from_utf8(encode(&e)).unwrap();
        assert_eq!(
            text,
            format!(
                "panelmark-audit-v1\n1:7\n27:2026-12-01T08:00:00.000001Z\n3:ann\n13:scores.insert\n\
                 13:scores/1/2/c1\n-\n2:é\n64:{GENESIS_HASH}"
            )
        );
        assert_ne!(
            event_hash(&event(7, GENESIS_HASH, Some(""))),
            event_hash(&event(7, GENESIS_HASH, None))
        );
    }

    #[test]
    fn a_changed_missing_or_cut_event_is_named() {
        let first = event(1, GENESIS_HASH, Some("{}"));
        let second = event(2, &first.hash, Some("{\"value\": 3}"));
        let third = event(3, &second.hash, None);
        let head = (3, third.hash.as_str());
        assert_eq!(
            check_events([first.clone(), second.clone(), third.clone()], head),
            ChainCheck::Intact {
                events: 3,
                head_hash: third.hash.clone()
            }
        );
        let mut altered = second.clone();
        altered.after = Some("{\"value\": 4}".into());
        assert!(matches!(
            check_events([first.clone(), altered, third.clone()], head),
            ChainCheck::Broken { seq: 2, .. }
        ));
        assert!(matches!(
            check_events([first.clone(), third.clone()], head),
            ChainCheck::Broken { seq: 2, .. }
        ));
        let ChainCheck::Broken { seq, reason } = check_events([first, second], head) else {
            panic!("a cut chain passed");
        };
        assert_eq!(seq, 3);
        assert!(reason.contains("removed"), "{reason}");
    }
}
