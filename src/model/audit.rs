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

/// Declares [`AuditAction`] from one list, so that a new action names its stored string and
/// says whether `verify` checks a row by it in one place, and [`AuditAction::ALL`] cannot
/// miss it.
macro_rules! audit_actions {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal, checked: $checked:literal;)*) => {
        /// Every action a local file's audit log records, one variant each, so that an action
        /// cannot be misspelt where it is written, the replay that `verify` runs knows which
        /// set a checked row, and the UI's words for each are checked by the type checker (the
        /// generated type is the union of the strings). A shared database names its actions in
        /// its audit trigger ("scores.update").
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum AuditAction {
            $($(#[doc = $doc])* #[serde(rename = $name)] $variant,)*
        }

        impl AuditAction {
            /// Every action, in the order the Audit screen's filter lists them.
            pub const ALL: &'static [AuditAction] = &[$(Self::$variant,)*];

            /// The action as the log stores and hashes it ("score.submit").
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// Whether the event sets a row that `verify` checks against the log (scores,
            /// candidates, the campaign's fields…); users, roles and anchors are in the chain
            /// but set no such row.
            pub const fn sets_checked_row(self) -> bool {
                match self {
                    $(Self::$variant => $checked,)*
                }
            }
        }
    };
}

audit_actions! {
    /// A user of the database added.
    UserCreate = "user.create", checked: false;
    /// A role created.
    RoleCreate = "role.create", checked: false;
    /// A role changed.
    RoleUpdate = "role.update", checked: false;
    /// A scorecard's first version.
    ScorecardCreate = "scorecard.create", checked: true;
    /// A scorecard's later version.
    ScorecardUpdate = "scorecard.update", checked: true;
    /// A campaign created.
    CampaignCreate = "campaign.create", checked: true;
    /// A campaign's stage changed (scoring, moderation, sign-off, reopening).
    CampaignState = "campaign.state", checked: true;
    /// The number of posts set.
    CampaignPosts = "campaign.posts", checked: true;
    /// The campaign's flag thresholds set.
    CampaignFlagSettings = "campaign.flag_settings", checked: true;
    /// How long the campaign's personal data is kept.
    CampaignRetention = "campaign.retention", checked: true;
    /// The campaign's personal data purged at the end of its retention.
    CampaignPurge = "campaign.purge", checked: true;
    /// A panel added.
    PanelCreate = "panel.create", checked: true;
    /// A person added to a campaign.
    AssessorCreate = "assessor.create", checked: true;
    /// The exercises a person assesses.
    AssessorExercise = "assessor.exercise", checked: true;
    /// A candidate added.
    CandidateCreate = "candidate.create", checked: true;
    /// A candidate's details changed.
    CandidateUpdate = "candidate.update", checked: true;
    /// A candidate's personal data erased.
    CandidateErase = "candidate.erase", checked: true;
    /// A candidate withdrawn.
    CandidateWithdraw = "candidate.withdraw", checked: true;
    /// A candidate's adjustments recorded.
    CandidateAdjustments = "candidate.adjustments", checked: true;
    /// A candidate placed before a panel for an exercise.
    CandidateExercisePanel = "candidate.exercise_panel", checked: true;
    /// A conflict of interest declared.
    ConflictDeclare = "conflict.declare", checked: true;
    /// A person confirmed no conflict of interest.
    ConflictConfirmNone = "conflict.confirm_none", checked: true;
    /// A draft score saved.
    ScoreSave = "score.save", checked: true;
    /// A person's scores for a candidate submitted.
    ScoreSubmit = "score.submit", checked: true;
    /// An agreed score recorded by the chair.
    AgreedSet = "agreed.set", checked: true;
    /// A score moderated.
    ModerationSet = "moderation.set", checked: true;
    /// A tie separated.
    TieOrder = "tie.order", checked: true;
    /// The chain's head handed out (at sign-off, an import…), signed when there is a key.
    AnchorRecorded = "anchor.recorded", checked: false;
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn every_action_is_listed_once_and_serialises_as_it_is_stored() {
        let mut seen = std::collections::HashSet::new();
        for &action in AuditAction::ALL {
            assert!(seen.insert(action.as_str()), "{action} listed twice");
            assert_eq!(
                serde_json::to_value(action).unwrap(),
                serde_json::Value::from(action.as_str())
            );
        }
    }
}
