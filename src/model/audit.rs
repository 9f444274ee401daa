use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AssessorId, CampaignId, CandidateId};

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
    /// What the event is about, as ids (not part of the hash: derived from the stored event).
    #[serde(default)]
    pub subject: AuditSubject,
}

/// What an event is about, as ids the rules read whatever the backend: a local file's events
/// name them in their entity path (`campaign/3/candidate/17/assessor/2`), a shared database's
/// in the columns its audit trigger fills (its entities name a table and a key,
/// `scores/17/2/c1`, which says nothing of the campaign).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditSubject {
    /// The campaign, if the event belongs to one.
    pub campaign_id: Option<CampaignId>,
    /// The candidate, if the event is about one.
    pub candidate_id: Option<CandidateId>,
    /// The assessor whose score or conflict declaration it is, if any.
    pub assessor_id: Option<AssessorId>,
    /// What kind of record changed.
    pub kind: SubjectKind,
}

/// The kinds of record whose events are read under rules of their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SubjectKind {
    /// A candidate's own details: added, changed, placed, withdrawn, adjusted, erased.
    CandidateDetails,
    /// One assessor's score (a draft or submitted).
    Score,
    /// A conflict-of-interest declaration, or a confirmation of none.
    Conflict,
    /// Everything else: the campaign's set-up, agreed and moderated scores, ties, sign-off.
    #[default]
    Other,
}
