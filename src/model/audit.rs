use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One entry of the append-only, hash-chained audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditEvent {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who did it.
    pub actor: String,
    /// What was done, e.g. "score.submit".
    pub action: String,
    /// What it was done to, e.g. "campaign/3/candidate/17/criterion/c2".
    pub entity: String,
    /// State before, as JSON, if there was one.
    #[ts(type = "unknown")]
    pub before: Option<serde_json::Value>,
    /// State after, as JSON, if there is one.
    #[ts(type = "unknown")]
    pub after: Option<serde_json::Value>,
    /// Hash of the previous event (64 zeros for the first).
    pub prev_hash: String,
    /// SHA-256 over the canonical encoding of this event and `prev_hash`.
    pub hash: String,
}
