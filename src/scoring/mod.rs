//! Scoring rules: totals, outcomes, ranking, flags and statistics.
