//! The moderation board: every result and every flag, computed from one load.

use serde::Serialize;

use super::data::CampaignData;
use super::flags::{self, Flag, FlagSettings};
use super::results::{self, CandidateResult};

/// What the moderation board shows.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Board {
    /// Results in merit order (one row per candidate).
    pub results: Vec<CandidateResult>,
    /// Every flag with its reason.
    pub flags: Vec<Flag>,
}

/// Computes the board. Results and flags read the same data and share nothing, so they are
/// computed side by side.
pub fn compute(data: &CampaignData, settings: &FlagSettings) -> Board {
    std::thread::scope(|scope| {
        let flags = scope.spawn(|| flags::compute(data, settings));
        let results = results::compute(data);
        Board {
            results,
            flags: flags
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        }
    })
}
