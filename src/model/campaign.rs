use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{CampaignId, Scorecard, ScorecardId};

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
    pub id: CampaignId,
    /// Name, e.g. "DevOps SEO, November 2026".
    pub name: String,
    /// The scorecard template it was started from.
    pub scorecard_id: ScorecardId,
    /// Which version of that template.
    pub scorecard_version: i64,
    /// The exact scorecard the campaign runs on: later template edits do not change it.
    pub scorecard: std::sync::Arc<Scorecard>,
    /// The scorecard as it is scored ([`Scorecard::assessed`]): one entry per exercise and
    /// criterion when there are several exercises, else the scorecard itself. Score keys,
    /// flags and statistics refer to its entries.
    pub assessed: std::sync::Arc<Scorecard>,
    /// Current state.
    pub state: CampaignState,
    /// When the campaign was created (RFC 3339, UTC).
    pub created_at: String,
}

/// A campaign's pinned scorecard with the scorecard as scored derived from it once (both are
/// fixed for the campaign's life, so stores cache this pair).
#[derive(Debug, Clone)]
pub struct PinnedScorecard {
    /// The scorecard as built.
    pub scorecard: std::sync::Arc<Scorecard>,
    /// [`Scorecard::assessed`], shared with `scorecard` when there is one exercise.
    pub assessed: std::sync::Arc<Scorecard>,
}

impl PinnedScorecard {
    /// Derives the scorecard as scored.
    pub fn new(scorecard: Scorecard) -> Self {
        let scorecard = std::sync::Arc::new(scorecard);
        let assessed = if scorecard.has_several_exercises() {
            std::sync::Arc::new(scorecard.assessed())
        } else {
            std::sync::Arc::clone(&scorecard)
        };
        PinnedScorecard {
            scorecard,
            assessed,
        }
    }
}

impl Campaign {
    /// A campaign read from storage.
    pub fn new(
        id: CampaignId,
        name: String,
        (scorecard_id, scorecard_version): (ScorecardId, i64),
        pinned: PinnedScorecard,
        state: CampaignState,
        created_at: String,
    ) -> Self {
        Campaign {
            id,
            name,
            scorecard_id,
            scorecard_version,
            scorecard: pinned.scorecard,
            assessed: pinned.assessed,
            state,
            created_at,
        }
    }
}
