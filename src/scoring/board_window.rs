//! The moderation board served a window of rows at a time.
//!
//! A 5,000-candidate board is about 6.6 MB of JSON whole (2 MB of it flag reasons), and the
//! screen shows some 18 rows. So the board is computed once per campaign, thresholds and
//! audit head ([`BoardKey`]) and kept as a [`BoardView`] by whoever serves the screen; the
//! screen then asks for a [`BoardSummary`] (counts for the filters, the panel flags, the
//! ties, and the first window), for further windows of the rows that pass its
//! [`BoardFilter`], in merit order, and for a candidate's flag reasons when a flag is opened.
//! Filtering happens here, beside the rows, so the screen never needs every row.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::board::{PackedBoard, PackedFlag, PackedRow, RowResult};
use super::flags::{Flag, FlagKind, FlagSettings, Severity};
use super::results::Outcome;
use crate::model::{AssessorId, CampaignId, CandidateId};
use crate::{Error, Result};

/// The most rows (or candidates' flags) one request may ask for: a screenful many times
/// over, and a bound on what one answer can carry.
pub const MAX_WINDOW: u32 = 500;

/// What a computed board was computed from. A board whose key differs from the one a request
/// would compute is stale: any write moves the audit head.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardKey {
    /// The campaign.
    pub campaign_id: CampaignId,
    /// The flag thresholds.
    pub settings: FlagSettings,
    /// The audit chain's head when the board was read (read before the board, so a write in
    /// between makes the key older than the rows, never newer).
    pub audit_head: String,
    /// Who asked (the signed-in login): a board is never served to someone else.
    pub viewer: String,
}

/// Which candidates the board shows.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct BoardFilter {
    /// By flags.
    pub flag: FlagFilter,
    /// By panel.
    pub panel: PanelFilter,
    /// By outcome (`None`: every outcome).
    pub outcome: Option<Outcome>,
}

/// The flag filter.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FlagFilter {
    /// Every candidate.
    #[default]
    All,
    /// A candidate with a high-severity flag of their own.
    Attention,
    /// A flag of their own, or their panel's.
    Any,
    /// No flag of their own nor their panel's.
    None,
    /// A flag of this kind (for a panel outlier: their panel's).
    Kind(FlagKind),
}

/// The panel filter.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PanelFilter {
    /// Every panel.
    #[default]
    All,
    /// Candidates on no panel.
    NoPanel,
    /// The panel of this name.
    Named(String),
}

/// A candidate's flag without its reason: `[kind, criterion index, assessor id]`. The reason
/// comes on request ([`BoardView::flags_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FlagMark(pub FlagKind, pub Option<u32>, pub Option<AssessorId>);

/// A row of the board as a window sends it: the row with its flags' marks.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BoardRow {
    /// Everything but the flags.
    #[serde(flatten)]
    #[ts(flatten)]
    pub result: RowResult,
    /// The candidate's flags, in the order the rules raised them, without their reasons.
    pub flags: Vec<FlagMark>,
}

/// Rows `[offset, offset + rows.len())` of those that pass a filter, in merit order.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BoardWindow {
    /// Index of the first row among those that pass the filter.
    pub offset: u32,
    /// How many rows pass the filter.
    pub matching: u32,
    /// The rows.
    pub rows: Vec<BoardRow>,
}

/// A candidate's flags with their reasons.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CandidateFlags {
    /// The candidate.
    pub candidate_id: CandidateId,
    /// The flags, in the order the window's marks list them.
    pub flags: Vec<PackedFlag>,
}

/// How many flags of one kind the board has (candidates' and panels').
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FlagCount {
    /// The kind.
    pub kind: FlagKind,
    /// Its severity.
    pub severity: Severity,
    /// How many.
    pub count: u32,
}

/// Candidates by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OutcomeCounts {
    /// Passed.
    pub pass: u32,
    /// Failed.
    pub fail: u32,
    /// Not yet decidable.
    pub incomplete: u32,
}

/// What the board's screen needs before any row: the filters' counts and options, the panel
/// flags, the ties and the flags still open (for sign-off), and the first window.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BoardSummary {
    /// Criterion keys in scorecard order; cells and flag marks refer to criteria by index.
    pub criteria: Vec<String>,
    /// Candidates on the board (every row, whatever the filter).
    pub candidates: u32,
    /// Candidates by outcome.
    pub outcomes: OutcomeCounts,
    /// Candidates with a flag of their own.
    pub flagged: u32,
    /// Candidates with a high-severity flag of their own.
    pub attention: u32,
    /// Flags by kind (the kinds that occur), most severe first.
    pub flag_counts: Vec<FlagCount>,
    /// Panel names of the rows, sorted.
    pub panels: Vec<String>,
    /// Some candidate is on no panel.
    pub has_no_panel: bool,
    /// Flags about no one candidate (panel outliers), whole.
    pub panel_flags: Vec<Flag>,
    /// Merit positions shared by more than one candidate, ascending.
    pub tied_positions: Vec<u32>,
    /// The first window of the rows that pass the filter asked with the summary.
    pub first: BoardWindow,
}

/// A computed board, kept so that windows and reasons are served from it without computing
/// it again.
#[derive(Debug)]
pub struct BoardView {
    key: BoardKey,
    board: PackedBoard,
    /// Panels (by name) that carry a panel flag: a panel-outlier filter keeps their
    /// candidates.
    flagged_panels: HashSet<String>,
    /// Row index by candidate.
    row_of: HashMap<CandidateId, usize>,
}

impl BoardView {
    /// Keeps `board`, computed from `key`. `flagged_panels` names the panels of its panel
    /// flags.
    pub fn new(key: BoardKey, board: PackedBoard, flagged_panels: HashSet<String>) -> Self {
        let row_of = board
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.result.row.candidate_id, i))
            .collect();
        BoardView {
            key,
            board,
            flagged_panels,
            row_of,
        }
    }

    /// What it was computed from.
    pub fn key(&self) -> &BoardKey {
        &self.key
    }

    /// The whole board.
    pub fn packed(&self) -> &PackedBoard {
        &self.board
    }

    /// The summary, with the first `limit` rows that pass `filter`.
    pub fn summary(&self, filter: &BoardFilter, limit: u32) -> Result<BoardSummary> {
        let first = self.window(filter, 0, limit)?;
        let rows = &self.board.rows;
        let mut outcomes = OutcomeCounts::default();
        let (mut flagged, mut attention) = (0, 0);
        let mut by_kind: HashMap<FlagKind, u32> = HashMap::new();
        let mut panels = BTreeSet::new();
        let mut has_no_panel = false;
        let mut positions: HashMap<u32, u32> = HashMap::new();
        for row in rows {
            let r = &row.result.row;
            match r.outcome {
                Outcome::Pass => outcomes.pass += 1,
                Outcome::Fail => outcomes.fail += 1,
                Outcome::Incomplete => outcomes.incomplete += 1,
            }
            if !row.flags.is_empty() {
                flagged += 1;
            }
            if needs_attention(row) {
                attention += 1;
            }
            for f in &row.flags {
                *by_kind.entry(f.0).or_default() += 1;
            }
            match &r.panel {
                Some(p) => {
                    panels.insert(p.clone());
                }
                None => has_no_panel = true,
            }
            if let (true, Some(p)) = (r.tied, r.position) {
                *positions.entry(p).or_default() += 1;
            }
        }
        for f in &self.board.panel_flags {
            *by_kind.entry(f.kind).or_default() += 1;
        }
        let mut flag_counts: Vec<FlagCount> = FlagKind::ALL
            .iter()
            .filter_map(|&kind| {
                by_kind.get(&kind).map(|&count| FlagCount {
                    kind,
                    severity: kind.severity(),
                    count,
                })
            })
            .collect();
        flag_counts.sort_by_key(|c| c.severity);
        let mut tied_positions: Vec<u32> = positions.into_keys().collect();
        tied_positions.sort_unstable();
        Ok(BoardSummary {
            criteria: self.board.criteria.clone(),
            candidates: count(rows.len()),
            outcomes,
            flagged,
            attention,
            flag_counts,
            panels: panels.into_iter().collect(),
            has_no_panel,
            panel_flags: self.board.panel_flags.clone(),
            tied_positions,
            first,
        })
    }

    /// Rows `[offset, offset + limit)` of those that pass `filter`, in merit order (fewer at
    /// the end; none past it).
    pub fn window(&self, filter: &BoardFilter, offset: u32, limit: u32) -> Result<BoardWindow> {
        check_limit("limit", limit)?;
        let mut matching = 0u32;
        let mut rows = Vec::new();
        for row in self.board.rows.iter().filter(|r| self.passes(r, filter)) {
            if matching >= offset && rows.len() < limit as usize {
                rows.push(BoardRow {
                    result: row.result.clone(),
                    flags: row.flags.iter().map(|f| FlagMark(f.0, f.1, f.2)).collect(),
                });
            }
            matching += 1;
        }
        Ok(BoardWindow {
            offset,
            matching,
            rows,
        })
    }

    /// The flags, with their reasons, of each candidate asked for, in the order asked.
    pub fn flags_of(&self, candidates: &[CandidateId]) -> Result<Vec<CandidateFlags>> {
        if !candidates.is_empty() {
            check_limit("candidate_ids", count(candidates.len()))?;
        }
        candidates
            .iter()
            .map(|&id| {
                let row = self.row_of.get(&id).ok_or_else(|| Error::NotFound {
                    entity: "candidate on the board",
                    id: id.to_string(),
                })?;
                Ok(CandidateFlags {
                    candidate_id: id,
                    flags: self.board.rows[*row].flags.clone(),
                })
            })
            .collect()
    }

    fn passes(&self, row: &PackedRow, filter: &BoardFilter) -> bool {
        let r = &row.result.row;
        if filter.outcome.is_some_and(|o| o != r.outcome) {
            return false;
        }
        let panel_ok = match &filter.panel {
            PanelFilter::All => true,
            PanelFilter::NoPanel => r.panel.is_none(),
            PanelFilter::Named(name) => r.panel.as_deref() == Some(name.as_str()),
        };
        if !panel_ok {
            return false;
        }
        let panel_flagged = || {
            r.panel
                .as_ref()
                .is_some_and(|p| self.flagged_panels.contains(p))
        };
        match filter.flag {
            FlagFilter::All => true,
            FlagFilter::Attention => needs_attention(row),
            FlagFilter::Any => !row.flags.is_empty() || panel_flagged(),
            FlagFilter::None => row.flags.is_empty() && !panel_flagged(),
            FlagFilter::Kind(FlagKind::PanelOutlier) => panel_flagged(),
            FlagFilter::Kind(kind) => row.flags.iter().any(|f| f.0 == kind),
        }
    }
}

/// A candidate with a high-severity flag of their own.
fn needs_attention(row: &PackedRow) -> bool {
    row.flags.iter().any(|f| f.0.severity() == Severity::High)
}

/// `n` as a count on the wire (saturating).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Refuses a window of none or of more than [`MAX_WINDOW`].
pub(crate) fn check_limit(field: &str, n: u32) -> Result<()> {
    if n == 0 || n > MAX_WINDOW {
        return Err(Error::Invalid {
            field: field.to_owned(),
            message: format!("ask for 1 to {MAX_WINDOW} at a time, not {n}"),
        });
    }
    Ok(())
}
