//! Moderation flags. Each rule is one named function that returns its flags with the reason
//! in words; [`compute`] runs them all.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::data::ScoreFact;
use super::data::{CampaignData, CandidateView, Index};
use super::results::{self, CandidateResult};
use super::stats;
use crate::model::{
    AssessorId, CampaignState, Candidate, CandidateId, PanelId, Scale, ScorecardCriterion,
};

/// Which rule raised a flag.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FlagKind {
    /// Members' scores differ by at least the spread threshold.
    WideSpread,
    /// The agreed score lies outside the range of the members' scores.
    AgreedOutsideRange,
    /// A score was submitted with no evidence.
    NoEvidence,
    /// The indicator marks contradict the score.
    IndicatorsAtOdds,
    /// Members fall on opposite sides of the criterion's pass mark.
    PassMarkSplit,
    /// A criterion has no agreed or moderated score.
    Unscored,
    /// A panel's mean differs from the campaign mean by more than the threshold.
    PanelOutlier,
    /// Candidates tied, not separated, across the last post (more look appointable than
    /// there are posts); sign-off waits until they are separated or the posts change.
    BoundaryTie,
    /// A criterion assessed in several exercises got decided scores (agreed or moderated, the
    /// ones its combination uses) at least the spread threshold apart between exercises.
    ExercisesDisagree,
}

impl FlagKind {
    /// The snake_case name used in filters and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::WideSpread => "wide_spread",
            FlagKind::AgreedOutsideRange => "agreed_outside_range",
            FlagKind::NoEvidence => "no_evidence",
            FlagKind::IndicatorsAtOdds => "indicators_at_odds",
            FlagKind::PassMarkSplit => "pass_mark_split",
            FlagKind::Unscored => "unscored",
            FlagKind::PanelOutlier => "panel_outlier",
            FlagKind::BoundaryTie => "boundary_tie",
            FlagKind::ExercisesDisagree => "exercises_disagree",
        }
    }

    /// How much a flag of this kind matters to a moderator, so the board can put first what
    /// could change a result or shows a record that cannot be right (the screen's "needs
    /// attention" filter), and let routine disagreement wait. The UI's badges rank alike
    /// (`ui/src/screens/moderation/severity.ts`; a test of the shell checks they agree).
    pub fn severity(self) -> Severity {
        match self {
            // The panel agreed a score none of its members gave, a criterion has no agreed
            // score (no result without it), or a tie straddles the last post (sign-off waits).
            FlagKind::AgreedOutsideRange | FlagKind::Unscored | FlagKind::BoundaryTie => {
                Severity::High
            }
            // Members far apart, a panel scoring unlike the others, a score with no evidence,
            // exercises that saw a criterion very differently (the combination hides it).
            FlagKind::WideSpread
            | FlagKind::PanelOutlier
            | FlagKind::NoEvidence
            | FlagKind::ExercisesDisagree => Severity::Medium,
            // One member's score either side of a pass mark (routinely settled when the panel
            // agrees), indicator marks that do not match the score.
            FlagKind::PassMarkSplit | FlagKind::IndicatorsAtOdds => Severity::Low,
        }
    }

    /// Every kind, in declaration order.
    pub const ALL: [FlagKind; 9] = [
        FlagKind::WideSpread,
        FlagKind::AgreedOutsideRange,
        FlagKind::NoEvidence,
        FlagKind::IndicatorsAtOdds,
        FlagKind::PassMarkSplit,
        FlagKind::Unscored,
        FlagKind::PanelOutlier,
        FlagKind::BoundaryTie,
        FlagKind::ExercisesDisagree,
    ];
}

/// How much a flag matters, most severe first (the order sorts by it).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// Needs attention before sign-off.
    High,
    /// Worth a check.
    Medium,
    /// Minor.
    Low,
}

/// One flag with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Flag {
    /// The rule.
    pub kind: FlagKind,
    /// Candidate concerned, if the flag is about one.
    pub candidate_id: Option<CandidateId>,
    /// Criterion key concerned, if any.
    pub criterion_key: Option<String>,
    /// Assessor concerned, if any.
    pub assessor_id: Option<AssessorId>,
    /// Panel concerned, if any.
    pub panel_id: Option<PanelId>,
    /// Why, in words a moderator can act on.
    pub reason: String,
}

/// Thresholds for the flags. Each campaign keeps its own (set by its moderators or an HR
/// administrator, audited); a campaign that never set them uses [`FlagSettings::DEFAULT`], the
/// one place the defaults live. The command line (`flags`, `results`, `export`), the app's
/// board and the PDF and CSV exports all read the campaign's thresholds, so the same campaign
/// shows the same flags in each.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FlagSettings {
    /// Flag when the highest and lowest member scores differ by at least this (default 2);
    /// also when a criterion's decided scores in two exercises do
    /// ([`FlagKind::ExercisesDisagree`]): one threshold for "a criterion scored too far apart".
    pub spread_threshold: i32,
    /// Flag a panel whose mean score differs from the campaign mean by more than this (default 0.5).
    pub panel_mean_threshold: f64,
}

impl FlagSettings {
    /// The default thresholds: a spread of 2 points, a panel 0.5 from the campaign mean.
    pub const DEFAULT: FlagSettings = FlagSettings {
        spread_threshold: 2,
        panel_mean_threshold: 0.5,
    };
}

impl FlagSettings {
    /// The campaign's stored thresholds, each `None` (never set) falling back to the default.
    pub fn stored(spread_threshold: Option<i32>, panel_mean_threshold: Option<f64>) -> Self {
        FlagSettings {
            spread_threshold: spread_threshold.unwrap_or(Self::DEFAULT.spread_threshold),
            panel_mean_threshold: panel_mean_threshold
                .unwrap_or(Self::DEFAULT.panel_mean_threshold),
        }
    }

    /// Refuses thresholds that would flag everything or nothing by mistake: a spread below 1
    /// (every score "spread"), a negative or not-a-number panel threshold.
    pub fn check(&self) -> crate::Result<()> {
        if self.spread_threshold < 1 {
            return Err(crate::Error::invalid(
                "flag_settings.spread_threshold",
                format!(
                    "the spread threshold must be at least 1 point, not {}",
                    self.spread_threshold
                ),
            ));
        }
        if !(self.panel_mean_threshold.is_finite() && self.panel_mean_threshold >= 0.0) {
            return Err(crate::Error::invalid(
                "flag_settings.panel_mean_threshold",
                format!(
                    "the panel mean threshold must be a number of at least 0, not {}",
                    self.panel_mean_threshold
                ),
            ));
        }
        Ok(())
    }
}

impl std::fmt::Display for FlagSettings {
    /// The words the summary and the audit check use: "spread ≥ 2, panel mean ± 0.5".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "spread ≥ {}, panel mean ± {}",
            self.spread_threshold,
            results::fmt_num(self.panel_mean_threshold)
        )
    }
}

impl Default for FlagSettings {
    fn default() -> Self {
        FlagSettings::DEFAULT
    }
}

/// The points scored (not "not assessed").
fn values<'a>(scores: &'a [&ScoreFact]) -> impl Iterator<Item = i32> + 'a {
    scores.iter().filter_map(|s| s.mark.point())
}

/// Lowest and highest point scored, if any.
fn range(scores: &[&ScoreFact]) -> Option<(i32, i32)> {
    values(scores).fold(None, |range, v| match range {
        None => Some((v, v)),
        Some((min, max)) => Some((min.min(v), max.max(v))),
    })
}

/// A flag on one of the candidate's entries, with the panel that assessed that entry (the
/// candidate may sit its exercise before another panel).
fn flag(kind: FlagKind, candidate: &Candidate, key: &str, reason: String) -> Flag {
    Flag {
        kind,
        candidate_id: Some(candidate.id),
        criterion_key: Some(key.to_owned()),
        assessor_id: None,
        panel_id: candidate.panel_for(crate::model::key_exercise(key)),
        reason,
    }
}

/// Members' scores on a criterion differ by `threshold` points or more.
pub fn wide_spread(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    scores: &[&ScoreFact],
    threshold: i32,
) -> Option<Flag> {
    let (min, max) = range(scores)?;
    (max - min >= threshold).then(|| {
        flag(
            FlagKind::WideSpread,
            candidate,
            &criterion.key,
            format!(
                "members scored {} from {min} to {max} (spread {} ≥ {threshold})",
                criterion.criterion.name,
                max - min
            ),
        )
    })
}

/// The panel's agreed score lies outside the range of the members' scores.
pub fn agreed_outside_range(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    scores: &[&ScoreFact],
    agreed: Option<i32>,
) -> Option<Flag> {
    let agreed = agreed?;
    let (min, max) = range(scores)?;
    (agreed < min || agreed > max).then(|| {
        flag(
            FlagKind::AgreedOutsideRange,
            candidate,
            &criterion.key,
            format!(
                "agreed {agreed} on {} is outside the members' range {min}–{max}",
                criterion.criterion.name
            ),
        )
    })
}

/// A submitted score has no evidence notes.
pub fn no_evidence(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    score: &ScoreFact,
    assessor: &str,
) -> Option<Flag> {
    (score.mark.point().is_some() && !score.has_evidence).then(|| Flag {
        assessor_id: Some(score.assessor_id),
        ..flag(
            FlagKind::NoEvidence,
            candidate,
            &criterion.key,
            format!(
                "{assessor} scored {} on {} with no evidence",
                score.mark.point().unwrap_or_default(),
                criterion.criterion.name
            ),
        )
    })
}

/// The indicator marks contradict the score: a high score (top third of the scale) with no
/// indicator shown or more negative than positive marks, or a low score (bottom sixth) with
/// at least half the indicators shown and none negative.
pub fn indicators_at_odds(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    score: &ScoreFact,
    scale: &Scale,
    assessor: &str,
) -> Option<Flag> {
    let value = score.mark.point()?;
    let (n, shown, negative) = (
        usize::from(score.indicators),
        usize::from(score.shown),
        usize::from(score.negative),
    );
    if n == 0 {
        return None;
    }
    let range = scale.max() - scale.min();
    let high = scale.min() + (2 * range + 2) / 3;
    let low = scale.min() + range / 6;
    let problem = if value >= high && shown == 0 {
        Some(format!(
            "scored {value} but marked none of the {n} indicators as shown"
        ))
    } else if value >= high && negative > shown {
        Some(format!(
            "scored {value} but marked {negative} indicators negative and only {shown} shown"
        ))
    } else if value <= low && negative == 0 && shown * 2 >= n {
        Some(format!(
            "scored {value} but marked {shown} of {n} indicators as shown"
        ))
    } else {
        None
    };
    problem.map(|p| Flag {
        assessor_id: Some(score.assessor_id),
        ..flag(
            FlagKind::IndicatorsAtOdds,
            candidate,
            &criterion.key,
            format!("{assessor} {p} on {}", criterion.criterion.name),
        )
    })
}

/// Members fall on both sides of the criterion's pass mark.
pub fn pass_mark_split(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    scores: &[&ScoreFact],
) -> Option<Flag> {
    let mark = criterion.pass_mark?;
    let above = values(scores).filter(|x| *x >= mark).count();
    let below = values(scores).count() - above;
    (above > 0 && below > 0).then(|| {
        flag(
            FlagKind::PassMarkSplit,
            candidate,
            &criterion.key,
            format!(
                "{above} member(s) at or above the pass mark {mark} on {}, {below} below",
                criterion.criterion.name
            ),
        )
    })
}

/// No agreed or moderated score although it is due: every member has submitted, or the
/// campaign is past scoring.
pub fn unscored(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    decided: bool,
    due: bool,
) -> Option<Flag> {
    (due && !decided).then(|| {
        flag(
            FlagKind::Unscored,
            candidate,
            &criterion.key,
            format!(
                "{} has no agreed or moderated score",
                criterion.criterion.name
            ),
        )
    })
}

/// A criterion's decided scores in its exercises (`scores`: exercise name and score, in the
/// scorecard's exercise order) lie `threshold` points or more apart; the reason names the
/// highest and the lowest, in exercise order. `criterion` is the scorecard's criterion (not
/// an entry per exercise), so the flag is about the criterion as combined.
pub fn exercises_disagree(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    scores: &[(&str, i32)],
    threshold: i32,
) -> Option<Flag> {
    let high = scores
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, v))| (*v, std::cmp::Reverse(*i)))?;
    let low = scores
        .iter()
        .enumerate()
        .min_by_key(|(i, (_, v))| (*v, *i))?;
    let gap = high.1 .1 - low.1 .1;
    if gap < threshold {
        return None;
    }
    let (first, second) = if high.0 < low.0 {
        (high.1, low.1)
    } else {
        (low.1, high.1)
    };
    Some(flag(
        FlagKind::ExercisesDisagree,
        candidate,
        &criterion.key,
        format!(
            "exercises disagree: {} scored {} in {} and {} in {} (gap {gap} ≥ {threshold})",
            criterion.criterion.name, first.1, first.0, second.1, second.0
        ),
    ))
}

/// Panels whose mean submitted score differs from the campaign mean by more than `threshold`.
/// A score counts for the panel of the assessor who gave it (a candidate may sit one exercise
/// before another panel).
pub fn panel_outliers(data: &CampaignData, threshold: f64) -> Vec<Flag> {
    let panel_of: HashMap<AssessorId, Option<PanelId>> =
        data.assessors.iter().map(|a| (a.id, a.panel_id)).collect();
    let mut by_panel: HashMap<PanelId, Vec<f64>> = HashMap::new();
    let mut all = Vec::new();
    for s in &data.scores {
        if let (Some(v), Some(Some(panel))) = (s.mark.point(), panel_of.get(&s.assessor_id)) {
            by_panel.entry(*panel).or_default().push(f64::from(v));
            all.push(f64::from(v));
        }
    }
    let Some(campaign_mean) = stats::mean(&all) else {
        return Vec::new();
    };
    let mut flags: Vec<Flag> = by_panel
        .into_iter()
        .filter_map(|(panel, v)| {
            let mean = stats::mean(&v)?;
            let diff = mean - campaign_mean;
            (diff.abs() > threshold).then(|| Flag {
                kind: FlagKind::PanelOutlier,
                candidate_id: None,
                criterion_key: None,
                assessor_id: None,
                panel_id: Some(panel),
                reason: format!(
                    "{} scores {:.2} on average, {:.2} {} the campaign mean {:.2} (threshold {threshold})",
                    data.panel_name(Some(panel)).unwrap_or("a panel"),
                    mean,
                    diff.abs(),
                    if diff > 0.0 { "above" } else { "below" },
                    campaign_mean
                ),
            })
        })
        .collect();
    flags.sort_by_key(|f| f.panel_id);
    flags
}

/// Candidates tied across the last post, one flag each (from the results, which mark them).
pub fn boundary_ties(data: &CampaignData, results: &[CandidateResult]) -> Vec<Flag> {
    let tied: Vec<&CandidateResult> = results.iter().filter(|r| r.boundary_tie).collect();
    tied.iter()
        .map(|r| {
            let others: Vec<&str> = tied
                .iter()
                .filter(|o| o.candidate_id != r.candidate_id)
                .map(|o| o.reference.as_str())
                .collect();
            Flag {
                kind: FlagKind::BoundaryTie,
                candidate_id: Some(r.candidate_id),
                criterion_key: None,
                assessor_id: None,
                panel_id: data
                    .candidates
                    .iter()
                    .find(|c| c.id == r.candidate_id)
                    .and_then(|c| c.panel_id),
                reason: format!(
                    "tied with {} at position {} across the last of {} post(s): separate them with \
                     a reason or change the number of posts with a reason",
                    others.join(", "),
                    r.position.unwrap_or_default(),
                    data.posts.unwrap_or_default()
                ),
            }
        })
        .collect()
}

/// Runs every rule over the campaign, the results-based ones included.
pub fn compute(data: &CampaignData, settings: &FlagSettings) -> Vec<Flag> {
    let index = data.index();
    let results = results::compute_indexed(data, &index);
    let mut flags = compute_indexed(data, &index, settings);
    flags.extend(boundary_ties(data, &results));
    flags
}

/// The rules over scores (every rule but [`boundary_ties`], which reads the results), with the
/// campaign's index already built: the board builds it once for results and flags, and adds
/// [`boundary_ties`] once both are done.
pub fn compute_indexed(
    data: &CampaignData,
    index: &Index<'_>,
    settings: &FlagSettings,
) -> Vec<Flag> {
    let context = Context::new(data, settings);
    let pairs: Vec<(&Candidate, &CandidateView<'_>)> =
        data.candidates.iter().zip(&index.views).collect();
    // Candidates are independent, so large campaigns are split across the cores; chunks are
    // joined in candidate order, so the list is the same however it was computed.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut flags = if threads > 1 && pairs.len() >= PARALLEL_FROM_CANDIDATES {
        let chunk = pairs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = pairs
                .chunks(chunk)
                .map(|part| scope.spawn(|| context.candidates(part)))
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    } else {
        context.candidates(&pairs)
    };
    flags.extend(panel_outliers(data, settings.panel_mean_threshold));
    flags
}

/// Below this many candidates, starting threads costs more than it saves.
const PARALLEL_FROM_CANDIDATES: usize = 500;

/// What every candidate's flags are computed against.
struct Context<'a> {
    data: &'a CampaignData,
    settings: &'a FlagSettings,
    names: HashMap<AssessorId, &'a str>,
    /// Every member and chair of the campaign.
    scorers: Vec<&'a crate::model::Assessor>,
    /// The exercises scores are kept under (see `Scorecard::scored_exercises`).
    exercises: Vec<Option<String>>,
    past_scoring: bool,
    /// Each criterion assessed in several exercises, with its entries in the scorecard as
    /// assessed: (exercise name, entry index), in exercise order.
    across_exercises: Vec<(&'a ScorecardCriterion, Vec<(&'a str, usize)>)>,
}

impl<'a> Context<'a> {
    fn new(data: &'a CampaignData, settings: &'a FlagSettings) -> Self {
        let names = data
            .assessors
            .iter()
            .map(|a| (a.id, a.name.as_str()))
            .collect();
        let scorers = data.assessors.iter().filter(|a| a.role.scores()).collect();
        let past_scoring = matches!(
            data.campaign.state,
            CampaignState::Moderation | CampaignState::SignedOff
        );
        Context {
            data,
            settings,
            names,
            scorers,
            exercises: data.campaign.scorecard.scored_exercises(),
            past_scoring,
            across_exercises: across_exercises(data),
        }
    }

    /// Every per-candidate flag of these candidates, in their order.
    fn candidates(&self, pairs: &[(&Candidate, &CandidateView<'_>)]) -> Vec<Flag> {
        let scorecard = &self.data.campaign.assessed;
        let mut flags = Vec::new();
        let mut scores: Vec<&ScoreFact> = Vec::new();
        for (candidate, view) in pairs {
            let submitters = {
                let mut ids: Vec<AssessorId> = view.scores.iter().map(|s| s.assessor_id).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            };
            // Everyone who assesses the candidate in some exercise (on their panel, or on
            // the panel of an exercise placed elsewhere) has submitted.
            let assessing = self
                .scorers
                .iter()
                .filter(|a| candidate.assessed_in_any(a, &self.exercises))
                .count();
            let all_submitted = assessing > 0 && submitters >= assessing;
            for (i, criterion) in scorecard.criteria.iter().enumerate() {
                // One buffer for every cell: this loop runs for every candidate × criterion.
                scores.clear();
                scores.extend(view.scores_for(i));
                let agreed = view.agreed[i].and_then(|a| a.mark.point());
                flags.extend(wide_spread(
                    candidate,
                    criterion,
                    &scores,
                    self.settings.spread_threshold,
                ));
                flags.extend(agreed_outside_range(candidate, criterion, &scores, agreed));
                flags.extend(pass_mark_split(candidate, criterion, &scores));
                for score in &scores {
                    let name = self
                        .names
                        .get(&score.assessor_id)
                        .copied()
                        .unwrap_or("an assessor");
                    flags.extend(no_evidence(candidate, criterion, score, name));
                    flags.extend(indicators_at_odds(
                        candidate,
                        criterion,
                        score,
                        &scorecard.scale,
                        name,
                    ));
                }
                flags.extend(unscored(
                    candidate,
                    criterion,
                    view.decided(i).is_some(),
                    self.past_scoring || all_submitted,
                ));
            }
            for (criterion, entries) in &self.across_exercises {
                let decided: Vec<(&str, i32)> = entries
                    .iter()
                    .filter_map(|(exercise, i)| Some((*exercise, view.decided(*i)?.mark.point()?)))
                    .collect();
                flags.extend(exercises_disagree(
                    candidate,
                    criterion,
                    &decided,
                    self.settings.spread_threshold,
                ));
            }
        }
        flags
    }
}

/// The criteria of the campaign's scorecard assessed in more than one exercise, each with its
/// exercises' names and the index of its entry per exercise in the scorecard as assessed
/// (none with one exercise).
fn across_exercises(data: &CampaignData) -> Vec<(&ScorecardCriterion, Vec<(&str, usize)>)> {
    let (built, assessed) = (&data.campaign.scorecard, &data.campaign.assessed);
    if !built.has_several_exercises() {
        return Vec::new();
    }
    built
        .criteria
        .iter()
        .map(|criterion| {
            let entries = built
                .exercises
                .iter()
                .filter(|e| e.assesses(&criterion.key))
                .filter_map(|e| {
                    let key = crate::model::slot_key(&criterion.key, &e.key);
                    let index = assessed.criteria.iter().position(|c| c.key == key)?;
                    Some((e.name.as_str(), index))
                })
                .collect::<Vec<_>>();
            (criterion, entries)
        })
        .filter(|(_, entries)| entries.len() > 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CampaignId, Mark};

    fn candidate() -> Candidate {
        Candidate {
            id: CandidateId(7),
            campaign_id: CampaignId(1),
            reference: "C-7".into(),
            name: "Zoë".into(),
            email: None,
            panel_id: Some(PanelId(2)),
            slot: None,
            withdrawal: None,
            exercise_panels: Vec::new(),
        }
    }

    fn criterion(pass_mark: Option<i32>) -> ScorecardCriterion {
        ScorecardCriterion {
            pass_mark,
            ..crate::scoring::fixtures::criterion("c1", "Working Together")
        }
    }

    fn fact(
        assessor: AssessorId,
        value: i32,
        shown: u16,
        negative: u16,
        has_evidence: bool,
    ) -> ScoreFact {
        ScoreFact {
            candidate_id: CandidateId(7),
            assessor_id: assessor,
            criterion: 0,
            mark: Mark::Point(value).into(),
            has_evidence,
            shown,
            negative,
            indicators: 4,
        }
    }

    #[test]
    fn spread_is_flagged_at_the_threshold_and_not_below() {
        let (a, b) = (
            fact(AssessorId(1), 3, 2, 0, true),
            fact(AssessorId(2), 5, 3, 0, true),
        );
        let flag = wide_spread(&candidate(), &criterion(None), &[&a, &b], 2)
            .expect("3 vs 5 reaches a threshold of 2");
        assert_eq!(
            flag.reason,
            "members scored Working Together from 3 to 5 (spread 2 ≥ 2)"
        );
        assert!(wide_spread(&candidate(), &criterion(None), &[&a, &b], 3).is_none());
    }

    #[test]
    fn agreed_outside_the_members_range_is_flagged() {
        let (a, b) = (
            fact(AssessorId(1), 4, 2, 0, true),
            fact(AssessorId(2), 5, 3, 0, true),
        );
        assert!(agreed_outside_range(&candidate(), &criterion(None), &[&a, &b], Some(5)).is_none());
        let flag =
            agreed_outside_range(&candidate(), &criterion(None), &[&a, &b], Some(6)).unwrap();
        assert_eq!(
            flag.reason,
            "agreed 6 on Working Together is outside the members' range 4–5"
        );
    }

    #[test]
    fn a_score_without_evidence_names_the_assessor() {
        let flag = no_evidence(
            &candidate(),
            &criterion(None),
            &fact(AssessorId(3), 6, 3, 0, false),
            "Amara Okafor",
        )
        .unwrap();
        assert_eq!(
            (flag.assessor_id, flag.reason.as_str()),
            (
                Some(AssessorId(3)),
                "Amara Okafor scored 6 on Working Together with no evidence"
            )
        );
        assert!(no_evidence(
            &candidate(),
            &criterion(None),
            &fact(AssessorId(3), 6, 3, 0, true),
            "Amara"
        )
        .is_none());
    }

    #[test]
    fn indicator_marks_at_odds_with_the_score() {
        let scale = Scale::civil_service();
        let at_odds = |f: ScoreFact| {
            indicators_at_odds(&candidate(), &criterion(None), &f, &scale, "Tomasz")
                .map(|f| f.reason)
        };
        assert_eq!(
            at_odds(fact(AssessorId(1), 6, 0, 0, true)).unwrap(),
            "Tomasz scored 6 but marked none of the 4 indicators as shown on Working Together"
        );
        assert!(at_odds(fact(AssessorId(1), 5, 1, 2, true))
            .unwrap()
            .contains("2 indicators negative and only 1 shown"));
        assert!(at_odds(fact(AssessorId(1), 2, 2, 0, true))
            .unwrap()
            .contains("scored 2 but marked 2 of 4 indicators as shown"));
        assert!(
            at_odds(fact(AssessorId(1), 4, 0, 0, true)).is_none(),
            "a middling score with nothing shown is not a contradiction"
        );
        assert!(at_odds(fact(AssessorId(1), 6, 3, 0, true)).is_none());
    }

    #[test]
    fn members_either_side_of_the_pass_mark() {
        let (a, b) = (
            fact(AssessorId(1), 3, 1, 0, true),
            fact(AssessorId(2), 4, 2, 0, true),
        );
        let flag = pass_mark_split(&candidate(), &criterion(Some(4)), &[&a, &b]).unwrap();
        assert_eq!(
            flag.reason,
            "1 member(s) at or above the pass mark 4 on Working Together, 1 below"
        );
        assert!(pass_mark_split(&candidate(), &criterion(Some(3)), &[&a, &b]).is_none());
        assert!(pass_mark_split(&candidate(), &criterion(None), &[&a, &b]).is_none());
    }

    #[test]
    fn unscored_only_once_it_is_due() {
        assert!(unscored(&candidate(), &criterion(None), false, false).is_none());
        assert!(unscored(&candidate(), &criterion(None), true, true).is_none());
        assert_eq!(
            unscored(&candidate(), &criterion(None), false, true)
                .unwrap()
                .kind,
            FlagKind::Unscored
        );
    }

    #[test]
    fn exercises_disagree_at_the_threshold_and_not_below() {
        let criterion = crate::scoring::fixtures::criterion("c3", "Data Analysis");
        let flag = exercises_disagree(
            &candidate(),
            &criterion,
            &[("Interview", 6), ("Technical test", 2)],
            2,
        )
        .expect("6 and 2 are 4 apart, past a threshold of 2");
        assert_eq!(
            (flag.kind, flag.criterion_key.as_deref(), flag.reason.as_str()),
            (
                FlagKind::ExercisesDisagree,
                Some("c3"),
                "exercises disagree: Data Analysis scored 6 in Interview and 2 in Technical test (gap 4 ≥ 2)"
            )
        );
        let at = [("Interview", 3), ("Technical test", 5)];
        assert!(exercises_disagree(&candidate(), &criterion, &at, 2).is_some());
        assert!(
            exercises_disagree(&candidate(), &criterion, &at, 3).is_none(),
            "2 apart does not reach a threshold of 3"
        );
        assert!(exercises_disagree(&candidate(), &criterion, &[("Interview", 6)], 1).is_none());
        // With three exercises the reason names the highest and the lowest, in exercise order.
        let three = [("Interview", 4), ("Presentation", 2), ("Written", 5)];
        assert_eq!(
            exercises_disagree(&candidate(), &criterion, &three, 2)
                .unwrap()
                .reason,
            "exercises disagree: Data Analysis scored 2 in Presentation and 5 in Written (gap 3 ≥ 2)"
        );
    }

    fn disagreements(data: &CampaignData) -> Vec<String> {
        compute(data, &FlagSettings::DEFAULT)
            .into_iter()
            .filter(|f| f.kind == FlagKind::ExercisesDisagree)
            .map(|f| f.reason)
            .collect()
    }

    #[test]
    fn exercises_disagree_on_a_campaign_uses_the_decided_scores_and_never_one_exercise() {
        use crate::scoring::fixtures::{self, decided};
        let on = |card: crate::model::Scorecard, agreed: [(usize, i32); 3]| {
            fixtures::campaign(
                card,
                vec![fixtures::candidate(CandidateId(7), Some(PanelId(1)))],
                agreed
                    .iter()
                    .map(|&(i, v)| decided(CandidateId(7), i, v))
                    .collect(),
            )
        };
        let card = fixtures::two_exercises(crate::model::Combine::Mean);
        // Entries as assessed: c1@e1, c2@e1, c2@e2; Working Together (c1) is in one exercise.
        let data = on(card.clone(), [(0, 1), (1, 6), (2, 2)]);
        assert_eq!(
            disagreements(&data),
            ["exercises disagree: Data Analysis scored 6 in Interview and 2 in Technical test (gap 4 ≥ 2)"]
        );
        // A moderated score replaces the agreed one in the comparison.
        let mut moderated = on(card.clone(), [(0, 1), (1, 6), (2, 2)]);
        moderated.moderated.push(decided(CandidateId(7), 2, 5));
        assert!(disagreements(&moderated).is_empty(), "6 and 5 are 1 apart");
        assert!(disagreements(&on(card.clone(), [(0, 1), (1, 5), (2, 4)])).is_empty());
        // A threshold of 5 lets a gap of 4 pass.
        let wide = FlagSettings {
            spread_threshold: 5,
            ..FlagSettings::DEFAULT
        };
        assert!(!compute(&data, &wide)
            .iter()
            .any(|f| f.kind == FlagKind::ExercisesDisagree));
        // One exercise: c1 = 1 and c2 = 6 are different criteria, never a disagreement.
        let single = fixtures::campaign(
            fixtures::one_exercise(),
            vec![fixtures::candidate(CandidateId(7), Some(PanelId(1)))],
            vec![decided(CandidateId(7), 0, 1), decided(CandidateId(7), 1, 6)],
        );
        assert!(disagreements(&single).is_empty());
    }
}
