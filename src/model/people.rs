use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AssessorId, CampaignId, CandidateId, PanelId, UserId};

/// What an assessor may do in a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum AssessorRole {
    /// Scores candidates on their panel.
    Member,
    /// Scores, and records the panel's agreed score.
    Chair,
    /// HR: moderates, signs off and reopens. Does not score.
    Moderator,
}

impl AssessorRole {
    /// The lowercase name stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            AssessorRole::Member => "member",
            AssessorRole::Chair => "chair",
            AssessorRole::Moderator => "moderator",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "member" => AssessorRole::Member,
            "chair" => AssessorRole::Chair,
            "moderator" => AssessorRole::Moderator,
            _ => return None,
        })
    }

    /// Whether this role scores candidates.
    pub fn scores(self) -> bool {
        matches!(self, AssessorRole::Member | AssessorRole::Chair)
    }
}

/// A group of assessors who interview the same candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Panel {
    /// Database id.
    pub id: PanelId,
    /// Campaign it belongs to.
    pub campaign_id: CampaignId,
    /// Name, e.g. "Panel A".
    pub name: String,
}

/// A person who assesses or moderates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Assessor {
    /// Database id.
    pub id: AssessorId,
    /// Campaign it belongs to.
    pub campaign_id: CampaignId,
    /// Full name.
    pub name: String,
    /// Member, chair or moderator.
    pub role: AssessorRole,
    /// The panel they sit on; moderators sit on none.
    pub panel_id: Option<PanelId>,
    /// The user (see [`User`]) this record makes a member, chair or moderator.
    pub login: String,
    /// The one exercise (key) a member or chair assesses, when the campaign's exercises have
    /// panels of their own; `None`: every exercise of the scorecard.
    pub exercise: Option<String>,
}

/// A person who uses Panelmark: their identity (the login) and whether they administer.
/// What else they may do comes from their assessor records, campaign by campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct User {
    /// Database id.
    pub id: UserId,
    /// The identity: unique, lowercase, no spaces (in a shared database, the database login).
    pub login: String,
    /// The name shown.
    pub name: String,
    /// An HR administrator sets up roles, scorecards, campaigns, panels and people, moves a
    /// campaign between phases, and erases candidates on request.
    pub hr_admin: bool,
}

/// A candidate in a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Candidate {
    /// Database id.
    pub id: CandidateId,
    /// Campaign it belongs to.
    pub campaign_id: CampaignId,
    /// The campaign's reference for the candidate (unique within the campaign).
    pub reference: String,
    /// Full name.
    pub name: String,
    /// Contact email, if given.
    pub email: Option<String>,
    /// The panel that interviews them.
    pub panel_id: Option<PanelId>,
    /// Interview slot, free text (e.g. "2026-11-24 10:00"), if set.
    pub slot: Option<String>,
    /// Set once the candidate has withdrawn: they leave the merit list and results, and no
    /// longer hold up sign-off; their data stays until retention.
    pub withdrawal: Option<Withdrawal>,
    /// The exercises they sit before a panel other than their own (see
    /// [`Candidate::panel_for`]); empty: every exercise before `panel_id`.
    #[serde(default)]
    pub exercise_panels: Vec<super::ExercisePanel>,
}

/// A candidate's withdrawal from a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Withdrawal {
    /// Why (shown to HR administrators and moderators; empty for anyone else).
    pub reason: String,
    /// When it was recorded.
    pub at: String,
}
