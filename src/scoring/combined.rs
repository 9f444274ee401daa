//! A criterion assessed in several exercises, its exercises' scores combined into one as the
//! scorecard says (sum or weighted mean). The weighted total is already the combination (see
//! [`crate::model::Scorecard::assessed`]); this is the per-criterion view shown beside it.

use serde::Serialize;

use super::results::CriterionResult;
use crate::model::{Combine, Mark, MaybeMark, Scorecard};

/// One exercise's score that counts on a criterion.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExerciseScore {
    /// Exercise key.
    pub exercise: String,
    /// Exercise name.
    pub exercise_name: String,
    /// The mark that counts in that exercise (moderated, else agreed); none while undecided.
    /// Sent as `value` and `not_assessed`.
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: MaybeMark,
}

/// A criterion's scores across its exercises and their combination.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CombinedCriterion {
    /// Scorecard criterion key.
    pub key: String,
    /// Criterion name.
    pub name: String,
    /// One per exercise assessing it, in the scorecard's exercise order.
    pub exercises: Vec<ExerciseScore>,
    /// The combination over the exercises that assessed it (never counting "not assessed"
    /// as a zero); `None` while any exercise is undecided or none assessed it.
    pub value: Option<f64>,
    /// Every exercise marked it "not assessed".
    pub not_assessed: bool,
}

/// Combines `results` (one per entry of `scorecard.assessed()`, in its order) per criterion of
/// `scorecard`. Empty for a scorecard with one exercise: there is nothing to combine.
pub fn combine(scorecard: &Scorecard, results: &[CriterionResult]) -> Vec<CombinedCriterion> {
    if !scorecard.has_several_exercises() {
        return Vec::new();
    }
    scorecard
        .criteria
        .iter()
        .map(|criterion| {
            let mut exercises = Vec::new();
            let mut weighted = 0.0;
            let mut weights = 0.0;
            let mut undecided = false;
            for exercise in scorecard
                .exercises
                .iter()
                .filter(|e| e.assesses(&criterion.key))
            {
                let key = crate::model::slot_key(&criterion.key, &exercise.key);
                let result = results.iter().find(|r| r.key == key);
                let mark = result.map_or(MaybeMark::NONE, |r| r.mark);
                match mark.mark() {
                    Some(Mark::Point(v)) => {
                        weighted += exercise.weight() * f64::from(v);
                        weights += exercise.weight();
                    }
                    Some(Mark::NotAssessed) => {}
                    None => undecided = true,
                }
                exercises.push(ExerciseScore {
                    exercise: exercise.key.clone(),
                    exercise_name: exercise.name.clone(),
                    mark,
                });
            }
            let not_assessed = !undecided && weights == 0.0;
            let value = (!undecided && weights > 0.0).then(|| match scorecard.combine {
                Combine::Sum => weighted,
                Combine::Mean => weighted / weights,
            });
            CombinedCriterion {
                key: criterion.key.clone(),
                name: criterion.criterion.name.clone(),
                exercises,
                value,
                not_assessed,
            }
        })
        .collect()
}
