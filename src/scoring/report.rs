//! Campaign statistics: per-criterion spread, inter-rater reliability and assessor leniency.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::data::CampaignData;
use super::stats::{self, Metric};
use crate::model::{AssessorId, CandidateId, PanelId};

/// Spread of members' scores on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CriterionStats {
    /// Criterion key.
    pub key: String,
    /// Criterion name.
    pub name: String,
    /// Mean of every submitted score.
    pub mean: Option<f64>,
    /// Mean over candidates of (highest − lowest member score).
    pub mean_spread: Option<f64>,
    /// Largest spread for any candidate.
    pub max_spread: Option<f64>,
    /// Number of submitted scores with a value.
    pub scores: usize,
}

/// One assessor's leniency: how far their scores sit from the panel's agreed scores.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AssessorLeniency {
    /// Assessor id.
    pub assessor_id: AssessorId,
    /// Name.
    pub name: String,
    /// Panel name.
    pub panel: Option<String>,
    /// Mean of (their score − agreed score); positive is lenient, negative severe.
    pub mean_difference: Option<f64>,
    /// Number of scores compared.
    pub compared: usize,
}

/// Reliability within one panel.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PanelStats {
    /// Panel id.
    pub panel_id: PanelId,
    /// Name.
    pub name: String,
    /// ICC(2,1) over the panel's candidate × criterion units scored by every member.
    pub icc: Option<f64>,
    /// Mean submitted score.
    pub mean: Option<f64>,
}

/// A criterion's combined scores (the combination of its exercises' decided scores) among one
/// panel's candidates.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CombinedPanelStats {
    /// Panel id.
    pub panel_id: PanelId,
    /// Panel name.
    pub name: String,
    /// Mean combined score.
    pub mean: Option<f64>,
    /// Highest − lowest combined score.
    pub spread: Option<f64>,
    /// Candidates with a combined score.
    pub candidates: usize,
}

/// A criterion's combined scores, per panel and over the campaign (several exercises only).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CombinedStats {
    /// Criterion key (of the scorecard as built).
    pub key: String,
    /// Criterion name.
    pub name: String,
    /// Mean combined score over every candidate with one.
    pub mean: Option<f64>,
    /// Highest − lowest combined score over the campaign.
    pub spread: Option<f64>,
    /// Per panel, in panel order (panels with no combined score left out).
    pub panels: Vec<CombinedPanelStats>,
}

/// A campaign's statistics.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CampaignStats {
    /// ICC(2,1) (Shrout & Fleiss) for the campaign: units are candidate × criterion, raters
    /// are the seats of a panel (panels of the most common size), units every seat scored.
    pub icc: Option<f64>,
    /// Units in the ICC.
    pub icc_units: usize,
    /// Krippendorff's alpha (ordinal) over every candidate × criterion unit and every
    /// assessor, missing values allowed.
    pub krippendorff_alpha: Option<f64>,
    /// Units with at least two values in alpha.
    pub alpha_units: usize,
    /// Per panel.
    pub panels: Vec<PanelStats>,
    /// Per assessor.
    pub leniency: Vec<AssessorLeniency>,
    /// Per criterion; with several exercises, per exercise and criterion (the entries of the
    /// scorecard as assessed).
    pub criteria: Vec<CriterionStats>,
    /// With several exercises: per criterion of the scorecard as built, its combined scores
    /// (empty, and left out of the JSON, with one exercise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<CombinedStats>>", optional)]
    pub combined: Vec<CombinedStats>,
}

/// Computes the campaign's statistics from submitted scores and agreed scores.
pub fn compute(data: &CampaignData) -> CampaignStats {
    let scorecard = &data.campaign.assessed;
    let candidate_of: HashMap<CandidateId, &crate::model::Candidate> =
        data.candidates.iter().map(|c| (c.id, c)).collect();
    // unit (candidate, criterion) → assessor → value
    let mut units: BTreeMap<(CandidateId, usize), BTreeMap<AssessorId, f64>> = BTreeMap::new();
    for s in &data.scores {
        if let (Some(v), true) = (s.mark.point(), candidate_of.contains_key(&s.candidate_id)) {
            units
                .entry((s.candidate_id, s.criterion))
                .or_default()
                .insert(s.assessor_id, f64::from(v));
        }
    }

    // Rater groups: a panel's members in id order; with members limited to one exercise, a
    // group per exercise (those limited to it and those who score every exercise), so each
    // exercise's units are rated by the seats that score it.
    let exercise_of = |criterion: usize| {
        scorecard
            .criteria
            .get(criterion)
            .and_then(|c| c.exercise.as_deref())
    };
    let limited: std::collections::HashSet<PanelId> = data
        .assessors
        .iter()
        .filter(|a| a.role.scores() && a.exercise.is_some())
        .filter_map(|a| a.panel_id)
        .collect();
    let group_of = |panel: PanelId, criterion: usize| -> (PanelId, Option<&str>) {
        (
            panel,
            exercise_of(criterion).filter(|_| limited.contains(&panel)),
        )
    };
    let members_of = |panel: PanelId, exercise: Option<&str>| -> Vec<AssessorId> {
        data.assessors
            .iter()
            .filter(|a| a.role.scores() && a.panel_id == Some(panel))
            .filter(|a| crate::model::covers(a.exercise.as_deref(), exercise))
            .map(|a| a.id)
            .collect()
    };
    // The exercises scored apart (none when the scorecard has one).
    let built = &data.campaign.scorecard;
    let exercise_keys: Vec<&str> = if built.has_several_exercises() {
        built.exercises.iter().map(|e| e.key.as_str()).collect()
    } else {
        Vec::new()
    };
    let mut groups: BTreeMap<(PanelId, Option<&str>), Vec<AssessorId>> = BTreeMap::new();
    for panel in &data.panels {
        let keys: Vec<Option<&str>> = if limited.contains(&panel.id) && !exercise_keys.is_empty() {
            exercise_keys.iter().map(|k| Some(*k)).collect()
        } else {
            vec![None]
        };
        for key in keys {
            let members = members_of(panel.id, key);
            if !members.is_empty() {
                groups.insert((panel.id, key), members);
            }
        }
    }
    let rows_for_group = |key: (PanelId, Option<&str>)| -> Vec<Vec<f64>> {
        let Some(members) = groups.get(&key) else {
            return Vec::new();
        };
        units
            .iter()
            .filter(|((cand, criterion), _)| {
                // The panel the candidate sat this entry's exercise before.
                candidate_of
                    .get(cand)
                    .and_then(|c| c.panel_for(exercise_of(*criterion)))
                    .is_some_and(|panel| group_of(panel, *criterion) == key)
            })
            .filter_map(|(_, by)| {
                members
                    .iter()
                    .map(|m| by.get(m).copied())
                    .collect::<Option<Vec<f64>>>()
            })
            .collect()
    };
    let mut size_count: HashMap<usize, usize> = HashMap::new();
    for members in groups.values() {
        *size_count.entry(members.len()).or_default() += 1;
    }
    let modal_size = size_count
        .iter()
        .max_by_key(|(size, n)| (**n, **size))
        .map(|(s, _)| *s);
    let exercise_name = |key: &str| built.exercise(key).map_or(key.to_owned(), |e| e.name);
    let mut pooled = Vec::new();
    let mut panels = Vec::new();
    for panel in &data.panels {
        for (&key, members) in groups.iter().filter(|((p, _), _)| *p == panel.id) {
            let rows = rows_for_group(key);
            let values: Vec<f64> = rows.iter().flatten().copied().collect();
            panels.push(PanelStats {
                panel_id: panel.id,
                name: match key.1 {
                    Some(exercise) => format!("{} ({})", panel.name, exercise_name(exercise)),
                    None => panel.name.clone(),
                },
                icc: stats::icc_2_1(&rows),
                mean: stats::mean(&values),
            });
            if Some(members.len()) == modal_size {
                pooled.extend(rows);
            }
        }
    }

    let alpha_units: Vec<Vec<Option<f64>>> = units
        .values()
        .filter(|by| by.len() >= 2)
        .map(|by| by.values().map(|v| Some(*v)).collect())
        .collect();

    let agreed: HashMap<(CandidateId, usize), i32> = data
        .agreed
        .iter()
        .filter_map(|a| a.mark.point().map(|v| ((a.candidate_id, a.criterion), v)))
        .collect();
    let leniency = data
        .assessors
        .iter()
        .filter(|a| a.role.scores())
        .map(|a| {
            let pairs: Vec<(f64, f64)> = data
                .scores
                .iter()
                .filter(|s| s.assessor_id == a.id)
                .filter_map(|s| {
                    Some((
                        f64::from(s.mark.point()?),
                        f64::from(*agreed.get(&(s.candidate_id, s.criterion))?),
                    ))
                })
                .collect();
            AssessorLeniency {
                assessor_id: a.id,
                name: a.name.clone(),
                panel: data.panel_name(a.panel_id).map(str::to_owned),
                mean_difference: stats::leniency(pairs.iter().copied()),
                compared: pairs.len(),
            }
        })
        .collect();

    let criteria = scorecard
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let per_unit: Vec<Vec<f64>> = units
                .iter()
                .filter(|((_, criterion), _)| *criterion == i)
                .map(|(_, by)| by.values().copied().collect())
                .collect();
            let all: Vec<f64> = per_unit.iter().flatten().copied().collect();
            let spreads: Vec<f64> = per_unit
                .iter()
                .filter(|v| v.len() >= 2)
                .filter_map(|v| stats::spread(v))
                .collect();
            CriterionStats {
                key: c.key.clone(),
                name: c.criterion.name.clone(),
                mean: stats::mean(&all),
                mean_spread: stats::mean(&spreads),
                max_spread: spreads.iter().copied().reduce(f64::max),
                scores: all.len(),
            }
        })
        .collect();

    CampaignStats {
        icc: stats::icc_2_1(&pooled),
        icc_units: pooled.len(),
        krippendorff_alpha: stats::krippendorff_alpha(&alpha_units, Metric::Ordinal),
        alpha_units: alpha_units.len(),
        panels,
        leniency,
        criteria,
        combined: combined(data, &super::results::compute(data)),
    }
}

/// Mean and spread of each criterion's combined scores, per panel and over the campaign, from
/// `results` (the campaign's, which carry the combinations); empty with one exercise.
pub fn combined(
    data: &CampaignData,
    results: &[super::results::CandidateResult],
) -> Vec<CombinedStats> {
    let built = &data.campaign.scorecard;
    if !built.has_several_exercises() {
        return Vec::new();
    }
    let panel_of: HashMap<CandidateId, PanelId> = data
        .candidates
        .iter()
        .filter_map(|c| Some((c.id, c.panel_id?)))
        .collect();
    built
        .criteria
        .iter()
        .enumerate()
        .map(|(i, criterion)| {
            // (panel, combined score) of every candidate with one on this criterion.
            let scored: Vec<(Option<PanelId>, f64)> = results
                .iter()
                .filter_map(|r| {
                    let value = r.combined.get(i)?.value?;
                    Some((panel_of.get(&r.candidate_id).copied(), value))
                })
                .collect();
            let all: Vec<f64> = scored.iter().map(|(_, v)| *v).collect();
            let panels = data
                .panels
                .iter()
                .filter_map(|panel| {
                    let values: Vec<f64> = scored
                        .iter()
                        .filter(|(p, _)| *p == Some(panel.id))
                        .map(|(_, v)| *v)
                        .collect();
                    (!values.is_empty()).then(|| CombinedPanelStats {
                        panel_id: panel.id,
                        name: panel.name.clone(),
                        mean: stats::mean(&values),
                        spread: stats::spread(&values),
                        candidates: values.len(),
                    })
                })
                .collect();
            CombinedStats {
                key: criterion.key.clone(),
                name: criterion.criterion.name.clone(),
                mean: stats::mean(&all),
                spread: stats::spread(&all),
                panels,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Combine;
    use crate::scoring::fixtures::{self, candidate, decided};

    #[test]
    fn combined_scores_per_panel_beside_the_exercises() {
        // Entries as assessed: c1@e1, c2@e1, c2@e2. Data Analysis (c2) is the mean of the
        // interview and the technical test; Working Together (c1) is in the interview only.
        let data = fixtures::campaign(
            fixtures::two_exercises(Combine::Mean),
            vec![
                candidate(CandidateId(1), Some(PanelId(1))),
                candidate(CandidateId(2), Some(PanelId(1))),
                candidate(CandidateId(3), Some(PanelId(2))),
                candidate(CandidateId(4), Some(PanelId(2))),
            ],
            vec![
                // Panel A: Data Analysis 6 & 2 → 4, 5 & 4 → 4.5.
                decided(CandidateId(1), 0, 4),
                decided(CandidateId(1), 1, 6),
                decided(CandidateId(1), 2, 2),
                decided(CandidateId(2), 0, 5),
                decided(CandidateId(2), 1, 5),
                decided(CandidateId(2), 2, 4),
                // Panel B: 3 & 3 → 3; candidate 4 has no technical test score yet.
                decided(CandidateId(3), 0, 2),
                decided(CandidateId(3), 1, 3),
                decided(CandidateId(3), 2, 3),
                decided(CandidateId(4), 0, 6),
                decided(CandidateId(4), 1, 6),
            ],
        );
        let stats = compute(&data);
        assert_eq!(
            stats
                .criteria
                .iter()
                .map(|c| c.key.as_str())
                .collect::<Vec<_>>(),
            ["c1@e1", "c2@e1", "c2@e2"],
            "the per-exercise figures stay"
        );
        let analysis = &stats.combined[1];
        assert_eq!(
            (analysis.key.as_str(), analysis.name.as_str()),
            ("c2", "Data Analysis")
        );
        assert_eq!(analysis.mean, Some((4.0 + 4.5 + 3.0) / 3.0));
        assert_eq!(analysis.spread, Some(1.5));
        let panels: Vec<(&str, Option<f64>, Option<f64>, usize)> = analysis
            .panels
            .iter()
            .map(|p| (p.name.as_str(), p.mean, p.spread, p.candidates))
            .collect();
        assert_eq!(
            panels,
            [
                ("Panel A", Some(4.25), Some(0.5), 2),
                ("Panel B", Some(3.0), Some(0.0), 1)
            ]
        );
        // Working Together, one exercise: its combination is its one score.
        let together = &stats.combined[0];
        assert_eq!((together.mean, together.spread), (Some(4.25), Some(4.0)));
        assert_eq!(together.panels[1].mean, Some(4.0));
    }

    #[test]
    fn no_combined_figures_with_one_exercise() {
        let data = fixtures::campaign(
            fixtures::one_exercise(),
            vec![candidate(CandidateId(1), Some(PanelId(1)))],
            vec![decided(CandidateId(1), 0, 4), decided(CandidateId(1), 1, 5)],
        );
        assert!(compute(&data).combined.is_empty());
    }
}
