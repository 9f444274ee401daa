//! Scoring rules: totals, outcomes, ranking, flags and statistics.

pub mod stats;
