//! The moderation board: every result and every flag, computed from one load.

use std::collections::HashMap;

use serde::Serialize;

use super::combined::CombinedCriterion;
use super::data::CampaignData;
use super::flags::{self, Flag, FlagKind, FlagSettings};
use super::results::{self, CandidateResult, ResultSource};
use super::results_window::ResultRow;
use crate::model::{AssessorId, CandidateId};

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
    let index = &data.index();
    std::thread::scope(|scope| {
        let flags = scope.spawn(|| flags::compute_indexed(data, index, settings));
        let results = results::compute_indexed(data, index);
        let mut flags = flags
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        flags.extend(flags::boundary_ties(data, &results));
        Board { results, flags }
    })
}

/// The board as it travels to the screen: the same facts as [`Board`], packed. Criteria are
/// named once and then by index, a candidate's flags travel with the candidate, and cells and
/// flags are arrays rather than objects, so 5,000 candidates are ~4 MB of JSON instead of
/// ~12 MB (the screen's parse time follows the size).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PackedBoard {
    /// Criterion keys: the entries of the scorecard as assessed, in order (cells follow them),
    /// then, with several exercises, the criteria of the scorecard as built (a flag about a
    /// criterion as combined, such as its exercises disagreeing, refers to one of these).
    /// Flags refer to criteria by index here.
    pub criteria: Vec<String>,
    /// One row per candidate, in merit order.
    pub rows: Vec<PackedRow>,
    /// Flags about no one candidate (panel outliers), whole.
    pub panel_flags: Vec<Flag>,
}

/// One candidate's row: the result without its per-criterion objects, the cells, the flags.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PackedRow {
    /// Everything but the flags (the moderation board's window sends it with flags that
    /// leave their reasons out: see [`super::board_window`]).
    #[serde(flatten)]
    #[ts(flatten)]
    pub result: RowResult,
    /// The candidate's flags, in the order the rules raised them.
    pub flags: Vec<PackedFlag>,
}

/// A candidate's row without its flags.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RowResult {
    /// The result as the lists show it.
    #[serde(flatten)]
    #[ts(flatten)]
    pub row: ResultRow,
    /// Per criterion, in scorecard order.
    pub cells: Vec<PackedCell>,
    /// With several exercises: each criterion's exercises' scores and their combination (what
    /// the board shows per criterion); empty, and left out, with one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CombinedCriterion>>", optional)]
    pub combined: Vec<CombinedCriterion>,
}

/// A [`CriterionResult`](super::results::CriterionResult) without its key (its position says which):
/// `[agreed, moderated, value, not_assessed, source, meets_pass_mark]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PackedCell(
    pub Option<i32>,
    pub Option<i32>,
    pub Option<i32>,
    pub bool,
    pub ResultSource,
    pub Option<bool>,
);

/// A candidate's [`Flag`]: `[kind, criterion index, assessor id, reason]`.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PackedFlag(
    pub FlagKind,
    pub Option<u32>,
    pub Option<AssessorId>,
    pub String,
);

impl Board {
    /// Packs the board for the screen. `criteria` are the keys flags and cells refer to (see
    /// [`PackedBoard::criteria`]).
    pub fn pack(self, criteria: Vec<String>) -> PackedBoard {
        let position: HashMap<&str, u32> = criteria
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i as u32))
            .collect();
        let mut by_candidate: HashMap<CandidateId, Vec<PackedFlag>> = HashMap::new();
        let mut panel_flags = Vec::new();
        for flag in self.flags {
            let Some(candidate) = flag.candidate_id else {
                panel_flags.push(flag);
                continue;
            };
            let criterion = flag
                .criterion_key
                .as_deref()
                .and_then(|k| position.get(k).copied());
            by_candidate.entry(candidate).or_default().push(PackedFlag(
                flag.kind,
                criterion,
                flag.assessor_id,
                flag.reason,
            ));
        }
        let rows = self
            .results
            .into_iter()
            .map(|r| PackedRow {
                flags: by_candidate.remove(&r.candidate_id).unwrap_or_default(),
                result: RowResult {
                    cells: r
                        .criteria
                        .iter()
                        .map(|c| {
                            PackedCell(
                                c.agreed,
                                c.moderated,
                                c.mark.point(),
                                c.mark.is_not_assessed(),
                                c.source,
                                c.meets_pass_mark,
                            )
                        })
                        .collect(),
                    row: ResultRow::from(&r),
                    combined: r.combined,
                },
            })
            .collect();
        PackedBoard {
            criteria,
            rows,
            panel_flags,
        }
    }
}
