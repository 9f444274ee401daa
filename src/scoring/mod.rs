//! Scoring rules: totals, outcomes, ranking, flags and statistics. Pure functions over a
//! campaign's loaded data ([`data::CampaignData`]); the store loads it, nothing here does I/O.

pub mod board;
pub mod board_window;
pub mod combined;
pub mod data;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod flags;
pub mod report;
pub mod results;
pub mod results_window;
pub mod stats;
