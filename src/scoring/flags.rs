//! Moderation flags. Each rule is one named function that returns its flags with the reason
//! in words; [`compute`] runs them all.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::data::{CampaignData, CandidateView};
use super::stats;
use crate::model::{CampaignState, Candidate, Id, IndicatorMark, Scale, Score, ScorecardCriterion};

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
        }
    }
}

/// One flag with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Flag {
    /// The rule.
    pub kind: FlagKind,
    /// Candidate concerned, if the flag is about one.
    pub candidate_id: Option<Id>,
    /// Criterion key concerned, if any.
    pub criterion_key: Option<String>,
    /// Assessor concerned, if any.
    pub assessor_id: Option<Id>,
    /// Panel concerned, if any.
    pub panel_id: Option<Id>,
    /// Why, in words a moderator can act on.
    pub reason: String,
}

/// Thresholds for the flags.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FlagSettings {
    /// Flag when the highest and lowest member scores differ by at least this (default 2).
    pub spread_threshold: i32,
    /// Flag a panel whose mean score differs from the campaign mean by more than this (default 0.5).
    pub panel_mean_threshold: f64,
}

impl Default for FlagSettings {
    fn default() -> Self {
        FlagSettings {
            spread_threshold: 2,
            panel_mean_threshold: 1.0,
        }
    }
}

fn values(scores: &[&Score]) -> Vec<i32> {
    scores.iter().filter_map(|s| s.value).collect()
}

fn flag(kind: FlagKind, candidate: &Candidate, key: &str, reason: String) -> Flag {
    Flag {
        kind,
        candidate_id: Some(candidate.id),
        criterion_key: Some(key.to_owned()),
        assessor_id: None,
        panel_id: candidate.panel_id,
        reason,
    }
}

/// Members' scores on a criterion differ by `threshold` points or more.
pub fn wide_spread(
    candidate: &Candidate,
    criterion: &ScorecardCriterion,
    scores: &[&Score],
    threshold: i32,
) -> Option<Flag> {
    let v = values(scores);
    let (min, max) = (*v.iter().min()?, *v.iter().max()?);
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
    scores: &[&Score],
    agreed: Option<i32>,
) -> Option<Flag> {
    let agreed = agreed?;
    let v = values(scores);
    let (min, max) = (*v.iter().min()?, *v.iter().max()?);
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
    score: &Score,
    assessor: &str,
) -> Option<Flag> {
    (score.value.is_some() && score.evidence.trim().is_empty()).then(|| Flag {
        assessor_id: Some(score.assessor_id),
        ..flag(
            FlagKind::NoEvidence,
            candidate,
            &criterion.key,
            format!(
                "{assessor} scored {} on {} with no evidence",
                score.value.unwrap_or_default(),
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
    score: &Score,
    scale: &Scale,
    assessor: &str,
) -> Option<Flag> {
    let value = score.value?;
    let n = score.indicators.len();
    if n == 0 {
        return None;
    }
    let shown = score
        .indicators
        .iter()
        .filter(|m| **m == IndicatorMark::Shown)
        .count();
    let negative = score
        .indicators
        .iter()
        .filter(|m| **m == IndicatorMark::Negative)
        .count();
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
    scores: &[&Score],
) -> Option<Flag> {
    let mark = criterion.pass_mark?;
    let v = values(scores);
    let above = v.iter().filter(|x| **x >= mark).count();
    let below = v.len() - above;
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
    view: &CandidateView<'_>,
    due: bool,
) -> Option<Flag> {
    let decided = view.agreed.contains_key(criterion.key.as_str())
        || view.moderated.contains_key(criterion.key.as_str());
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

/// Panels whose mean submitted score differs from the campaign mean by more than `threshold`.
pub fn panel_outliers(data: &CampaignData, threshold: f64) -> Vec<Flag> {
    let panel_of: HashMap<Id, Option<Id>> =
        data.candidates.iter().map(|c| (c.id, c.panel_id)).collect();
    let mut by_panel: HashMap<Id, Vec<f64>> = HashMap::new();
    let mut all = Vec::new();
    for s in &data.scores {
        if let (Some(v), Some(Some(panel))) = (s.value, panel_of.get(&s.candidate_id)) {
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

/// Runs every rule over the campaign.
pub fn compute(data: &CampaignData, settings: &FlagSettings) -> Vec<Flag> {
    let scorecard = &data.campaign.scorecard;
    let index = data.index();
    let names: HashMap<Id, &str> = data
        .assessors
        .iter()
        .map(|a| (a.id, a.name.as_str()))
        .collect();
    let members_per_panel: HashMap<Id, usize> = data
        .assessors
        .iter()
        .filter(|a| a.role.scores())
        .fold(HashMap::new(), |mut m, a| {
            if let Some(p) = a.panel_id {
                *m.entry(p).or_default() += 1;
            }
            m
        });
    let past_scoring = matches!(
        data.campaign.state,
        CampaignState::Moderation | CampaignState::SignedOff
    );
    let empty = CandidateView::default();
    let mut flags = Vec::new();
    for candidate in &data.candidates {
        let view = index.by_candidate.get(&candidate.id).unwrap_or(&empty);
        let submitters = {
            let mut ids: Vec<Id> = view.scores.iter().map(|s| s.assessor_id).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        let all_submitted = candidate
            .panel_id
            .and_then(|p| members_per_panel.get(&p))
            .is_some_and(|n| submitters >= *n);
        for criterion in &scorecard.criteria {
            let scores: Vec<&Score> = view.scores_for(&criterion.key).collect();
            let agreed = view
                .agreed
                .get(criterion.key.as_str())
                .and_then(|a| a.value);
            flags.extend(wide_spread(
                candidate,
                criterion,
                &scores,
                settings.spread_threshold,
            ));
            flags.extend(agreed_outside_range(candidate, criterion, &scores, agreed));
            flags.extend(pass_mark_split(candidate, criterion, &scores));
            for score in &scores {
                let name = names
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
                view,
                past_scoring || all_submitted,
            ));
        }
    }
    flags.extend(panel_outliers(data, settings.panel_mean_threshold));
    flags
}
