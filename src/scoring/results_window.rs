//! The Results screen served a summary first and then a window of rows at a time.
//!
//! At 2,000 candidates every result whole is about 4.9 MB of JSON (each carries every
//! criterion's agreed, moderated and combined scores), and the screen shows a few dozen rows.
//! So the results and statistics are computed once per campaign and audit head
//! ([`ResultsKey`]) and kept as a [`ResultsView`] by whoever serves the screen (as the
//! moderation board is, see [`super::board_window`]). The screen asks for a
//! [`ResultsSummary`] (counts per outcome, posts in effect, every tied group, and the first
//! window of each list), for further windows of one [`ResultsList`] as it scrolls, for the
//! statistics, and for a candidate's criteria and combined scores when they are opened.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::board_window::{check_limit, count, OutcomeCounts};
use super::combined::CombinedCriterion;
use super::data::CampaignData;
use super::report::{self, CampaignStats};
use super::results::{self, CandidateResult, CriterionResult, Outcome};
use crate::model::{CampaignId, CandidateId};
use crate::{Error, Result};

/// What kept results were computed from. Results whose key differs from the one a request
/// would compute are stale: any write moves the audit head.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsKey {
    /// The campaign.
    pub campaign_id: CampaignId,
    /// The audit chain's head when the results were read (read before them, so a write in
    /// between makes the key older than the results, never newer).
    pub audit_head: String,
    /// Who asked (the signed-in login): results are never served to someone else.
    pub viewer: String,
}

/// One of the screen's lists, each in merit order (the core's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResultsList {
    /// Passed candidates: the merit list.
    Merit,
    /// Passed beyond the number of posts.
    Reserve,
    /// Failed or incomplete: "Did not pass".
    Others,
}

impl ResultsList {
    fn holds(self, r: &CandidateResult) -> bool {
        match self {
            ResultsList::Merit => r.outcome == Outcome::Pass,
            ResultsList::Reserve => r.outcome == Outcome::Pass && r.reserve,
            ResultsList::Others => r.outcome != Outcome::Pass,
        }
    }
}

/// A candidate's result as a list shows it: without the per-criterion scores, which come on
/// request ([`ResultsView::details_of`]).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultRow {
    /// Candidate id.
    pub candidate_id: CandidateId,
    /// Reference.
    pub reference: String,
    /// Name.
    pub name: String,
    /// Panel name.
    pub panel: Option<String>,
    /// See [`CandidateResult::total`].
    pub total: f64,
    /// See [`CandidateResult::scaled_total`].
    pub scaled_total: f64,
    /// Pass, fail or incomplete.
    pub outcome: Outcome,
    /// Why, in words.
    pub outcome_reason: String,
    /// Merit position among passes (ties share a position), if passed.
    pub position: Option<u32>,
    /// Shares its position with another candidate.
    pub tied: bool,
    /// How equal totals were separated, if they were.
    pub tie_note: Option<String>,
    /// Tied, not separated, across the last post (sign-off waits).
    pub boundary_tie: bool,
    /// On the reserve list.
    pub reserve: bool,
}

impl From<&CandidateResult> for ResultRow {
    fn from(r: &CandidateResult) -> Self {
        ResultRow {
            candidate_id: r.candidate_id,
            reference: r.reference.clone(),
            name: r.name.clone(),
            panel: r.panel.clone(),
            total: r.total,
            scaled_total: r.scaled_total,
            outcome: r.outcome,
            outcome_reason: r.outcome_reason.clone(),
            position: r.position,
            tied: r.tied,
            tie_note: r.tie_note.clone(),
            boundary_tie: r.boundary_tie,
            reserve: r.reserve,
        }
    }
}

/// Rows `[offset, offset + rows.len())` of one list.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultsWindow {
    /// Index of the first row in the list.
    pub offset: u32,
    /// How many rows the list has.
    pub matching: u32,
    /// The rows.
    pub rows: Vec<ResultRow>,
}

/// Candidates sharing one merit position, not separated.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TiedGroup {
    /// The shared position.
    pub position: u32,
    /// Some of them are tied across the last post.
    pub boundary: bool,
    /// The candidates, in the core's order.
    pub candidates: Vec<ResultRow>,
}

/// What opening the Results screen needs before any further row.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultsSummary {
    /// Every candidate.
    pub candidates: u32,
    /// Candidates by outcome.
    pub outcomes: OutcomeCounts,
    /// Passes on the reserve list.
    pub reserve: u32,
    /// The number of posts in effect, if set.
    pub posts: Option<u32>,
    /// Candidates tied across the last post (sign-off waits until they are separated).
    pub boundary_tied: u32,
    /// Every tied position, ascending.
    pub ties: Vec<TiedGroup>,
    /// With several exercises, the criteria whose exercises are combined, by name in the
    /// scorecard's order (empty with one exercise).
    pub combined: Vec<String>,
    /// The first window of the merit list.
    pub merit: ResultsWindow,
    /// The first window of the reserve list.
    pub reserve_first: ResultsWindow,
    /// The first window of those who did not pass.
    pub others: ResultsWindow,
}

/// A candidate's scores, asked for when opened.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ResultDetails {
    /// The candidate.
    pub candidate_id: CandidateId,
    /// Per criterion (with several exercises, per exercise and criterion).
    pub criteria: Vec<CriterionResult>,
    /// With several exercises: each criterion's exercise scores and their combination.
    pub combined: Vec<CombinedCriterion>,
}

/// Computed results, kept with the campaign's data so that summaries, windows, details and
/// the statistics are served without reading or computing them again.
#[derive(Debug)]
pub struct ResultsView {
    key: ResultsKey,
    data: CampaignData,
    results: Vec<CandidateResult>,
    /// Computed on the first request (after the summary: the screen's content does not wait
    /// for them).
    stats: OnceLock<CampaignStats>,
    /// Index in `results` by candidate.
    index_of: HashMap<CandidateId, usize>,
}

impl ResultsView {
    /// Computes the results of `data` (in merit order), read as `key` says, and keeps `data`
    /// for the statistics.
    pub fn compute(key: ResultsKey, data: CampaignData) -> Self {
        let results = results::compute(&data);
        let index_of = results
            .iter()
            .enumerate()
            .map(|(i, r)| (r.candidate_id, i))
            .collect();
        ResultsView {
            key,
            data,
            results,
            stats: OnceLock::new(),
            index_of,
        }
    }

    /// What it was computed from.
    pub fn key(&self) -> &ResultsKey {
        &self.key
    }

    /// The statistics (computed once, on the first request).
    pub fn stats(&self) -> &CampaignStats {
        self.stats.get_or_init(|| report::compute(&self.data))
    }

    /// The summary, with the first `limit` rows of each list.
    pub fn summary(&self, limit: u32) -> Result<ResultsSummary> {
        let mut outcomes = OutcomeCounts::default();
        let (mut reserve, mut boundary_tied) = (0, 0);
        let mut tied: Vec<(u32, &CandidateResult)> = Vec::new();
        for r in &self.results {
            match r.outcome {
                Outcome::Pass => outcomes.pass += 1,
                Outcome::Fail => outcomes.fail += 1,
                Outcome::Incomplete => outcomes.incomplete += 1,
            }
            reserve += u32::from(r.reserve);
            boundary_tied += u32::from(r.boundary_tie);
            if let (true, Some(p)) = (r.tied, r.position) {
                tied.push((p, r));
            }
        }
        // Stable: a group keeps the core's order within its position.
        tied.sort_by_key(|&(p, _)| p);
        let mut ties: Vec<TiedGroup> = Vec::new();
        for (position, r) in tied {
            match ties.last_mut() {
                Some(g) if g.position == position => {
                    g.boundary |= r.boundary_tie;
                    g.candidates.push(r.into());
                }
                _ => ties.push(TiedGroup {
                    position,
                    boundary: r.boundary_tie,
                    candidates: vec![r.into()],
                }),
            }
        }
        ties.retain(|g| g.candidates.len() > 1);
        let combined = self
            .results
            .iter()
            .find(|r| !r.combined.is_empty())
            .map(|r| r.combined.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default();
        Ok(ResultsSummary {
            candidates: count(self.results.len()),
            outcomes,
            reserve,
            posts: self.data.posts,
            boundary_tied,
            ties,
            combined,
            merit: self.window(ResultsList::Merit, 0, limit)?,
            reserve_first: self.window(ResultsList::Reserve, 0, limit)?,
            others: self.window(ResultsList::Others, 0, limit)?,
        })
    }

    /// Rows `[offset, offset + limit)` of `list`, in merit order (fewer at the end; none past
    /// it).
    pub fn window(&self, list: ResultsList, offset: u32, limit: u32) -> Result<ResultsWindow> {
        check_limit("limit", limit)?;
        let mut matching = 0u32;
        let mut rows = Vec::new();
        for r in self.results.iter().filter(|r| list.holds(r)) {
            if matching >= offset && rows.len() < limit as usize {
                rows.push(r.into());
            }
            matching += 1;
        }
        Ok(ResultsWindow {
            offset,
            matching,
            rows,
        })
    }

    /// The scores of each candidate asked for, in the order asked.
    pub fn details_of(&self, candidates: &[CandidateId]) -> Result<Vec<ResultDetails>> {
        check_limit("candidate_ids", count(candidates.len()))?;
        candidates
            .iter()
            .map(|&id| {
                let i = self.index_of.get(&id).ok_or_else(|| Error::NotFound {
                    entity: "candidate in the results",
                    id: id.to_string(),
                })?;
                let r = &self.results[*i];
                Ok(ResultDetails {
                    candidate_id: id,
                    criteria: r.criteria.clone(),
                    combined: r.combined.clone(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Combine, PanelId};
    use crate::scoring::board_window::MAX_WINDOW;
    use crate::scoring::fixtures::{campaign, candidate, decided, one_exercise, two_exercises};

    fn key() -> ResultsKey {
        ResultsKey {
            campaign_id: CampaignId(1),
            audit_head: "head".into(),
            viewer: "moderator".into(),
        }
    }

    /// Six candidates, two posts, a pass mark of 6: C-1 first (10), C-2 and C-3 tied second
    /// (8) across the last post, C-6 fourth (7); C-4 fails (4) and C-5 is not scored.
    fn six() -> CampaignData {
        let mut card = one_exercise();
        card.overall_pass_mark = 6.0;
        let totals = [(1, 5, 5), (2, 4, 4), (3, 4, 4), (4, 2, 2), (6, 3, 4)];
        let agreed = totals
            .iter()
            .flat_map(|&(id, a, b)| {
                [
                    decided(CandidateId(id), 0, a),
                    decided(CandidateId(id), 1, b),
                ]
            })
            .collect();
        let mut data = campaign(
            card,
            (1..=6)
                .map(|id| candidate(CandidateId(id), Some(PanelId(1 + id % 2))))
                .collect(),
            agreed,
        );
        data.posts = Some(2);
        data
    }

    fn refs(window: &ResultsWindow) -> Vec<&str> {
        window.rows.iter().map(|r| r.reference.as_str()).collect()
    }

    #[test]
    fn the_summary_counts_each_outcome_groups_the_ties_and_opens_each_list() {
        let view = ResultsView::compute(key(), six());
        let summary = view.summary(60).unwrap();
        assert_eq!(summary.candidates, 6);
        assert_eq!(
            summary.outcomes,
            OutcomeCounts {
                pass: 4,
                fail: 1,
                incomplete: 1
            }
        );
        assert_eq!(summary.posts, Some(2));
        assert_eq!(refs(&summary.merit), ["C-1", "C-2", "C-3", "C-6"]);
        assert_eq!(summary.merit.matching, 4);
        assert_eq!(refs(&summary.others).len(), 2);
        assert!(refs(&summary.others).contains(&"C-4") && refs(&summary.others).contains(&"C-5"));
        assert_eq!(summary.ties.len(), 1, "{:?}", summary.ties);
        let tie = &summary.ties[0];
        assert_eq!(tie.position, 2);
        assert!(tie.boundary, "tied across the second and last post");
        let mut tied: Vec<&str> = tie
            .candidates
            .iter()
            .map(|c| c.reference.as_str())
            .collect();
        tied.sort_unstable();
        assert_eq!(tied, ["C-2", "C-3"]);
        assert_eq!(summary.boundary_tied, 2);
        // The reserve list is the core's: the passes it marks, in merit order.
        let reserve: Vec<String> = results::compute(&six())
            .into_iter()
            .filter(|r| r.reserve)
            .map(|r| r.reference)
            .collect();
        assert_eq!(summary.reserve as usize, reserve.len());
        assert_eq!(refs(&summary.reserve_first), reserve);
        assert!(
            summary.combined.is_empty(),
            "one exercise: nothing combined"
        );
    }

    #[test]
    fn a_window_is_a_slice_of_one_list_in_merit_order() {
        let view = ResultsView::compute(key(), six());
        let window = view.window(ResultsList::Merit, 1, 2).unwrap();
        assert_eq!((window.offset, window.matching), (1, 4));
        assert_eq!(refs(&window), ["C-2", "C-3"]);
        let past = view.window(ResultsList::Merit, 10, 5).unwrap();
        assert!(past.rows.is_empty());
        assert_eq!(past.matching, 4);
        for limit in [0, MAX_WINDOW + 1] {
            assert!(view.window(ResultsList::Others, 0, limit).is_err());
        }
    }

    #[test]
    fn a_candidates_scores_come_on_request_and_match_the_results() {
        let data = campaign(
            two_exercises(Combine::Sum),
            vec![
                candidate(CandidateId(1), Some(PanelId(1))),
                candidate(CandidateId(2), Some(PanelId(1))),
            ],
            vec![
                decided(CandidateId(1), 0, 5),
                decided(CandidateId(1), 1, 4),
                decided(CandidateId(1), 2, 6),
                decided(CandidateId(2), 0, 3),
                decided(CandidateId(2), 1, 3),
                decided(CandidateId(2), 2, 3),
            ],
        );
        let view = ResultsView::compute(key(), data.clone());
        let summary = view.summary(10).unwrap();
        assert_eq!(summary.combined, ["Working Together", "Data Analysis"]);
        let details = view.details_of(&[CandidateId(2), CandidateId(1)]).unwrap();
        let full = results::compute(&data);
        let of = |id: CandidateId| full.iter().find(|r| r.candidate_id == id).unwrap();
        assert_eq!(details[0].candidate_id, CandidateId(2));
        assert_eq!(details[0].combined, of(CandidateId(2)).combined);
        assert_eq!(details[1].criteria, of(CandidateId(1)).criteria);
        assert_eq!(details[1].combined[1].value, Some(10.0));
        assert!(matches!(
            view.details_of(&[CandidateId(99)]),
            Err(Error::NotFound { .. })
        ));
    }

    #[test]
    fn the_statistics_are_the_campaigns() {
        let data = six();
        let view = ResultsView::compute(key(), data.clone());
        assert_eq!(*view.stats(), report::compute(&data));
        assert!(std::ptr::eq(view.stats(), view.stats()), "computed once");
    }
}
