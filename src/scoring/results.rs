//! Results: weighted totals, pass / fail against the pass marks, merit order with the named
//! tie-break, visible ties, ties at the last post, and the reserve list.
//!
//! "Not assessed" is never a zero. A criterion not assessed adds nothing to the weighted
//! total, and the total is then compared on the weights that were assessed: the
//! **scaled total** is `total × Σ all weights ÷ Σ assessed weights` (the same total when every
//! criterion was assessed). The overall pass mark and the merit order use the scaled total,
//! so two candidates with the same scores, one of whom was not assessed on a criterion, pass
//! or fail alike and rank alike. An essential criterion not assessed still makes the result
//! incomplete (its pass mark cannot be checked), and so does a result with no weighted
//! criterion assessed at all.

use serde::Serialize;

use super::data::{CampaignData, CandidateView, Index, TieOrder};
use crate::model::{CandidateId, MaybeMark, Scorecard};

/// Where a candidate's final score on a criterion came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResultSource {
    /// The panel's agreed score.
    Agreed,
    /// A moderator's score.
    Moderated,
    /// Nothing decided yet.
    Undecided,
}

/// A candidate's final score on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CriterionResult {
    /// Scorecard criterion key.
    pub key: String,
    /// The agreed score, if any.
    pub agreed: Option<i32>,
    /// The moderated score, if any.
    pub moderated: Option<i32>,
    /// The mark that counts: moderated if moderated, else agreed; none while undecided. Sent
    /// as `value` and `not_assessed`.
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: MaybeMark,
    /// Where the mark came from.
    pub source: ResultSource,
    /// Whether the pass mark is met (`None` when the criterion has no pass mark or no score).
    pub meets_pass_mark: Option<bool>,
}

/// Pass, fail, or not yet decidable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    /// Every essential criterion meets its pass mark and the total meets the overall mark.
    Pass,
    /// Some essential criterion or the total falls short.
    Fail,
    /// A criterion is undecided, or an essential one was not assessed.
    Incomplete,
}

impl Outcome {
    /// The name shown and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Incomplete => "incomplete",
        }
    }
}

/// One candidate's result.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CandidateResult {
    /// Candidate id.
    pub candidate_id: CandidateId,
    /// Reference.
    pub reference: String,
    /// Name.
    pub name: String,
    /// Panel name.
    pub panel: Option<String>,
    /// Per criterion, in scorecard order; with several exercises, per exercise and criterion
    /// (the entries of the scorecard as assessed).
    pub criteria: Vec<CriterionResult>,
    /// With several exercises: each criterion's exercise scores and their combination.
    pub combined: Vec<super::combined::CombinedCriterion>,
    /// Σ weight × score over the criteria that were assessed ("not assessed" adds nothing and
    /// is never counted as zero in averages).
    pub total: f64,
    /// The total scaled to every criterion's weight: `total × Σ all weights ÷ Σ assessed
    /// weights`; equal to `total` when every criterion was assessed. The overall pass mark and
    /// the merit order use it, so "not assessed" never acts as a zero.
    pub scaled_total: f64,
    /// Pass, fail or incomplete.
    pub outcome: Outcome,
    /// Why the outcome is what it is, in words.
    pub outcome_reason: String,
    /// Merit position among passes (ties share a position), if passed.
    pub position: Option<u32>,
    /// Shares its position with another candidate.
    pub tied: bool,
    /// How equal totals were separated, if they were (tie-break criterion or recorded reason).
    pub tie_note: Option<String>,
    /// Tied, not separated, across the last post: the tied group starts at or before the
    /// number of posts and ends after it. Sign-off is refused while any result has this.
    pub boundary_tie: bool,
    /// On the reserve list (passed, beyond the number of posts).
    pub reserve: bool,
}

fn criterion_result(
    scorecard: &Scorecard,
    index: usize,
    view: &CandidateView<'_>,
) -> CriterionResult {
    let agreed = view.agreed.get(index).copied().flatten();
    let moderated = view.moderated.get(index).copied().flatten();
    let (mark, source) = match (moderated, agreed) {
        (Some(m), _) => (MaybeMark::from(m.mark), ResultSource::Moderated),
        (None, Some(a)) => (MaybeMark::from(a.mark), ResultSource::Agreed),
        (None, None) => (MaybeMark::NONE, ResultSource::Undecided),
    };
    let criterion = &scorecard.criteria[index];
    CriterionResult {
        key: criterion.key.clone(),
        agreed: agreed.and_then(|a| a.mark.point()),
        moderated: moderated.and_then(|m| m.mark.point()),
        mark,
        source,
        meets_pass_mark: criterion
            .pass_mark
            .zip(mark.point())
            .map(|(pass, v)| v >= pass),
    }
}

/// The weights of every criterion and of the criteria with a score (not "not assessed").
fn weights(scorecard: &Scorecard, criteria: &[CriterionResult]) -> (f64, f64) {
    scorecard
        .criteria
        .iter()
        .zip(criteria)
        .fold((0.0, 0.0), |(all, assessed), (c, r)| {
            (
                all + c.weight,
                assessed
                    + if r.mark.point().is_some() {
                        c.weight
                    } else {
                        0.0
                    },
            )
        })
}

/// `total` scaled from the assessed weights to every weight (see the module's header); `None`
/// when nothing weighted was assessed although some criterion carries weight.
pub fn scaled_total(total: f64, all_weights: f64, assessed_weights: f64) -> Option<f64> {
    if all_weights <= 0.0 {
        Some(total)
    } else if assessed_weights <= 0.0 {
        None
    } else {
        Some(total * all_weights / assessed_weights)
    }
}

fn decide(
    scorecard: &Scorecard,
    criteria: &[CriterionResult],
    total: f64,
    scaled: Option<f64>,
) -> (Outcome, String) {
    let name = |key: &str| {
        scorecard
            .criterion(key)
            .map_or(key.to_owned(), |c| c.criterion.name.clone())
    };
    let undecided: Vec<String> = criteria
        .iter()
        .filter(|c| c.source == ResultSource::Undecided)
        .map(|c| name(&c.key))
        .collect();
    if !undecided.is_empty() {
        return (
            Outcome::Incomplete,
            format!("no agreed score yet for {}", undecided.join(", ")),
        );
    }
    let essential = |key: &str| scorecard.criterion(key).is_some_and(|c| c.is_essential());
    let unassessed: Vec<String> = criteria
        .iter()
        .filter(|c| c.mark.is_not_assessed() && essential(&c.key))
        .map(|c| name(&c.key))
        .collect();
    if !unassessed.is_empty() {
        return (
            Outcome::Incomplete,
            format!("essential criteria not assessed: {}", unassessed.join(", ")),
        );
    }
    let below: Vec<String> = criteria
        .iter()
        .filter(|c| essential(&c.key) && c.meets_pass_mark == Some(false))
        .map(|c| {
            format!(
                "{} ({} below {})",
                name(&c.key),
                c.mark.point().unwrap_or_default(),
                scorecard
                    .criterion(&c.key)
                    .and_then(|s| s.pass_mark)
                    .unwrap_or_default()
            )
        })
        .collect();
    if !below.is_empty() {
        return (
            Outcome::Fail,
            format!("below the pass mark on {}", below.join(", ")),
        );
    }
    let Some(scaled) = scaled else {
        return (
            Outcome::Incomplete,
            "no criterion that carries weight was assessed".to_owned(),
        );
    };
    // Said when the scaled total differs from the total, so the reader sees why.
    let scaled_words = if same_total(scaled, total) {
        String::new()
    } else {
        format!(
            " (scaled from {} over the assessed criteria' weights)",
            fmt_num(total)
        )
    };
    if scaled + 1e-9 < scorecard.overall_pass_mark {
        return (
            Outcome::Fail,
            format!(
                "total {}{scaled_words} is below the overall pass mark {}",
                fmt_num(scaled),
                fmt_num(scorecard.overall_pass_mark)
            ),
        );
    }
    (
        Outcome::Pass,
        format!(
            "meets every essential pass mark and the overall pass mark {}{}",
            fmt_num(scorecard.overall_pass_mark),
            if scaled_words.is_empty() {
                String::new()
            } else {
                format!(" with a total of {}{scaled_words}", fmt_num(scaled))
            }
        ),
    )
}

/// Formats a total without a trailing ".0" for whole numbers.
pub fn fmt_num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.2}")
    }
}

/// Computes every candidate's result and the merit order.
pub fn compute(data: &CampaignData) -> Vec<CandidateResult> {
    compute_indexed(data, &data.index())
}

/// [`compute`] with the campaign's index already built (the board builds it once for results
/// and flags).
pub fn compute_indexed(data: &CampaignData, index: &Index<'_>) -> Vec<CandidateResult> {
    let scorecard = &data.campaign.assessed;
    let mut results: Vec<CandidateResult> = data
        .candidates
        .iter()
        .zip(&index.views)
        .map(|(candidate, view)| {
            let criteria: Vec<CriterionResult> = (0..scorecard.criteria.len())
                .map(|i| criterion_result(scorecard, i, view))
                .collect();
            let total = criteria
                .iter()
                .zip(&scorecard.criteria)
                .filter_map(|(r, c)| r.mark.point().map(|v| c.weight * f64::from(v)))
                .sum();
            let (all_weights, assessed_weights) = weights(scorecard, &criteria);
            let scaled = scaled_total(total, all_weights, assessed_weights);
            let (outcome, outcome_reason) = decide(scorecard, &criteria, total, scaled);
            CandidateResult {
                candidate_id: candidate.id,
                reference: candidate.reference.clone(),
                name: candidate.name.clone(),
                panel: data.panel_name(candidate.panel_id).map(str::to_owned),
                combined: super::combined::combine(&data.campaign.scorecard, &criteria),
                criteria,
                total,
                scaled_total: scaled.unwrap_or(total),
                outcome,
                outcome_reason,
                position: None,
                tied: false,
                tie_note: None,
                boundary_tie: false,
                reserve: false,
            }
        })
        .collect();
    rank(data, &mut results);
    results
}

fn same_total(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Orders passes by total, then by the named tie-break criterion; candidates still equal
/// share a position unless a moderator recorded an order for all of them, with a reason.
/// Fails and incompletes follow, unranked.
fn rank(data: &CampaignData, results: &mut [CandidateResult]) {
    // The tie-break names a criterion of the scorecard as built: with several exercises it
    // compares the criterion's combined score.
    let scorecard = &data.campaign.scorecard;
    let tie_break = scorecard.tie_break.as_deref();
    let tie_break_name = tie_break
        .and_then(|k| scorecard.criterion(k))
        .map(|c| c.criterion.name.as_str());
    let tie_break_value = |r: &CandidateResult| -> Option<f64> {
        let key = tie_break?;
        match r.combined.iter().find(|c| c.key == key) {
            Some(combined) => combined.value,
            None => r
                .criteria
                .iter()
                .find(|c| c.key == key)
                .and_then(|c| c.mark.point())
                .map(f64::from),
        }
    };
    let by_tie_break = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        _ => a.is_some().cmp(&b.is_some()),
    };
    let same_tie_break = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => same_total(a, b),
        _ => a.is_none() && b.is_none(),
    };
    let outcome_order = |o: Outcome| match o {
        Outcome::Pass => 0,
        Outcome::Fail => 1,
        Outcome::Incomplete => 2,
    };
    results.sort_by(|a, b| {
        outcome_order(a.outcome)
            .cmp(&outcome_order(b.outcome))
            .then(b.scaled_total.total_cmp(&a.scaled_total))
            .then(by_tie_break(tie_break_value(b), tie_break_value(a)))
            .then(a.reference.cmp(&b.reference))
    });
    let passes = results
        .iter()
        .take_while(|r| r.outcome == Outcome::Pass)
        .count();
    let equal = |a: &CandidateResult, b: &CandidateResult| {
        same_total(a.scaled_total, b.scaled_total)
            && same_tie_break(tie_break_value(a), tie_break_value(b))
    };
    let mut start = 0;
    while start < passes {
        let mut end = start + 1;
        while end < passes && equal(&results[end], &results[start]) {
            end += 1;
        }
        // Did the tie-break criterion separate this group from a neighbour with the same total?
        let separated = tie_break_name.is_some()
            && ((start > 0
                && same_total(results[start - 1].scaled_total, results[start].scaled_total))
                || (end < passes
                    && same_total(results[end].scaled_total, results[start].scaled_total)));
        let orders: Option<Vec<&TieOrder>> = results[start..end]
            .iter()
            .map(|r| {
                data.tie_orders
                    .iter()
                    .find(|t| t.candidate_id == r.candidate_id)
            })
            .collect();
        let group = &mut results[start..end];
        match orders {
            Some(mut orders) if group.len() > 1 => {
                orders.sort_by_key(|t| t.rank);
                group.sort_by_key(|r| orders.iter().position(|t| t.candidate_id == r.candidate_id));
                for (offset, r) in group.iter_mut().enumerate() {
                    r.position = Some((start + offset) as u32 + 1);
                    let reason = &orders[offset].reason;
                    r.tie_note = Some(format!(
                        "equal scores separated by a recorded decision: {reason}"
                    ));
                }
            }
            _ => {
                let tied = group.len() > 1;
                for r in group.iter_mut() {
                    r.position = Some(start as u32 + 1);
                    r.tied = tied;
                    r.tie_note = if tied {
                        Some("tied: equal total and tie-break, not separated".to_owned())
                    } else if separated {
                        Some(format!(
                            "equal total separated by the tie-break criterion '{}'",
                            tie_break_name.unwrap_or_default()
                        ))
                    } else {
                        None
                    };
                }
            }
        }
        start = end;
    }
    if let Some(posts) = data.posts {
        for r in results.iter_mut().filter(|r| r.outcome == Outcome::Pass) {
            r.reserve = r.position.is_some_and(|p| p > posts);
        }
        mark_boundary_tie(&mut results[..passes], posts);
    }
}

/// Marks the tied group that straddles the last post, if any: it shares a position at or
/// before `posts` and has more members than posts left from there, so more people look
/// appointable than there are posts.
fn mark_boundary_tie(passes: &mut [CandidateResult], posts: u32) {
    let Some(first) = passes
        .iter()
        .position(|r| r.tied && r.position.is_some_and(|p| p <= posts))
        .filter(|&i| {
            let position = passes[i].position;
            let size = passes.iter().filter(|r| r.position == position).count() as u32;
            position.is_some_and(|p| p + size - 1 > posts)
        })
    else {
        return;
    };
    let position = passes[first].position;
    let group: Vec<&mut CandidateResult> = passes
        .iter_mut()
        .filter(|r| r.position == position)
        .collect();
    let (size, at) = (group.len() as u32, position.unwrap_or_default());
    let left = posts + 1 - at;
    for r in group {
        r.boundary_tie = true;
        r.tie_note = Some(format!(
            "tied for the last post: {size} candidates share position {at} for {left} remaining \
             post(s) of {posts}; separate them with a reason or change the number of posts with a reason"
        ));
    }
}

/// Why sign-off must wait, if a tie across the last post is not separated: names the tied
/// candidates and the ways out.
pub fn unseparated_boundary_tie(results: &[CandidateResult]) -> Option<String> {
    let tied: Vec<String> = results
        .iter()
        .filter(|r| r.boundary_tie)
        .map(|r| format!("{} ({})", r.reference, r.name))
        .collect();
    let position = results.iter().find(|r| r.boundary_tie)?.position?;
    Some(format!(
        "{} candidates are tied at position {position}, across the last post: {}; separate them \
         with a reason (tie order) or change the number of posts with a reason before signing off",
        tied.len(),
        tied.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passes at the given positions; `tied` marks those sharing a position.
    fn passes(positions: &[(u32, bool)]) -> Vec<CandidateResult> {
        positions
            .iter()
            .enumerate()
            .map(|(i, &(position, tied))| CandidateResult {
                combined: Vec::new(),
                candidate_id: CandidateId(i as i64 + 1),
                reference: format!("C-{:03}", i + 1),
                name: format!("Candidate {}", i + 1),
                panel: None,
                criteria: Vec::new(),
                total: 10.0,
                scaled_total: 10.0,
                outcome: Outcome::Pass,
                outcome_reason: String::new(),
                position: Some(position),
                tied,
                tie_note: None,
                boundary_tie: false,
                reserve: false,
            })
            .collect()
    }

    fn marked(positions: &[(u32, bool)], posts: u32) -> Vec<String> {
        let mut results = passes(positions);
        mark_boundary_tie(&mut results, posts);
        results
            .into_iter()
            .filter(|r| r.boundary_tie)
            .map(|r| r.reference)
            .collect()
    }

    #[test]
    fn only_a_tie_reaching_past_the_last_post_is_a_boundary_tie() {
        let two_tied_seventh = [(5, false), (6, false), (7, true), (7, true), (9, false)];
        assert_eq!(marked(&two_tied_seventh, 7), ["C-003", "C-004"]);
        assert!(
            marked(&two_tied_seventh, 8).is_empty(),
            "both fit in 8 posts"
        );
        assert!(
            marked(&two_tied_seventh, 6).is_empty(),
            "both are beyond 6 posts: the reserve list, in a shared place"
        );
        let three_tied_sixth = [(5, false), (6, true), (6, true), (6, true)];
        assert_eq!(
            marked(&three_tied_sixth, 7),
            ["C-002", "C-003", "C-004"],
            "three for the two posts left at 6 and 7"
        );
        assert!(marked(&three_tied_sixth, 8).is_empty());
    }

    #[test]
    fn sign_off_is_told_who_is_tied_at_the_last_post() {
        let mut results = passes(&[(1, false), (2, true), (2, true)]);
        assert_eq!(unseparated_boundary_tie(&results), None);
        mark_boundary_tie(&mut results, 2);
        assert_eq!(
            unseparated_boundary_tie(&results).as_deref(),
            Some(
                "2 candidates are tied at position 2, across the last post: C-002 (Candidate 2), \
                 C-003 (Candidate 3); separate them with a reason (tie order) or change the \
                 number of posts with a reason before signing off"
            )
        );
    }

    #[test]
    fn the_scaled_total_compares_on_the_assessed_weights() {
        assert_eq!(scaled_total(15.0, 4.0, 3.0), Some(20.0));
        assert_eq!(scaled_total(20.0, 4.0, 4.0), Some(20.0));
        assert_eq!(
            scaled_total(0.0, 4.0, 0.0),
            None,
            "nothing weighted assessed"
        );
        assert_eq!(scaled_total(0.0, 0.0, 0.0), Some(0.0), "no weights at all");
    }
}
