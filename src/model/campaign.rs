use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, Scorecard};

/// Where a campaign is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CampaignState {
    /// Candidates, assessors and panels are being set up.
    Setup,
    /// Panels are interviewing and scoring.
    Scoring,
    /// HR is reviewing and moderating.
    Moderation,
    /// Results are signed off and locked.
    SignedOff,
}

impl CampaignState {
    /// The snake_case name stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignState::Setup => "setup",
            CampaignState::Scoring => "scoring",
            CampaignState::Moderation => "moderation",
            CampaignState::SignedOff => "signed_off",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "setup" => CampaignState::Setup,
            "scoring" => CampaignState::Scoring,
            "moderation" => CampaignState::Moderation,
            "signed_off" => CampaignState::SignedOff,
            _ => return None,
        })
    }
}

/// A recruitment campaign: one scorecard, its candidates, assessors and panels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Campaign {
    /// Database id.
    pub id: Id,
    /// Name, e.g. "DevOps SEO, November 2026".
    pub name: String,
    /// The scorecard template it was started from.
    pub scorecard_id: Id,
    /// Which version of that template.
    pub scorecard_version: i64,
    /// The exact scorecard the campaign runs on: later template edits do not change it.
    pub scorecard: std::sync::Arc<Scorecard>,
    /// Current state.
    pub state: CampaignState,
    /// When the campaign was created (RFC 3339, UTC).
    pub created_at: String,
}
