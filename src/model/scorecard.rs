use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::exercise::{slot_key, Combine, Exercise, SLOT_SEPARATOR};
use super::{Criterion, Priority, Scale};

/// A criterion as it stands on a scorecard: the role's criterion plus how it is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScorecardCriterion {
    /// Stable key within the scorecard (e.g. "c1"); scores refer to it.
    pub key: String,
    /// The criterion itself, copied from the role so later role edits change nothing here.
    pub criterion: Criterion,
    /// Multiplier applied to the score in the weighted total.
    pub weight: f64,
    /// Lowest score that meets this criterion, if it has a pass mark.
    pub pass_mark: Option<i32>,
    /// Questions the panel may ask for this criterion.
    pub questions: Vec<String>,
    /// On a scorecard as assessed ([`Scorecard::assessed`]) with several exercises: the
    /// exercise in which this entry is scored. Absent on the scorecard as built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub exercise: Option<String>,
}

impl ScorecardCriterion {
    /// Whether missing the pass mark on this criterion fails the candidate.
    pub fn is_essential(&self) -> bool {
        self.criterion.priority == Priority::Essential
    }

    /// The key of the scorecard criterion this entry assesses: its own key, or on a
    /// scorecard as assessed in several exercises the part before the exercise.
    pub fn base_key(&self) -> &str {
        match self.exercise {
            Some(_) => self
                .key
                .split_once(SLOT_SEPARATOR)
                .map_or(self.key.as_str(), |(base, _)| base),
            None => &self.key,
        }
    }
}

/// A role's chosen criteria with a scale, weights and pass marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scorecard {
    /// Name of the scorecard, e.g. "DevOps SEO — sift and interview".
    pub title: String,
    /// Title of the role it was built from.
    pub role_title: String,
    /// Grade of the role it was built from.
    pub role_grade: Option<String>,
    /// The rating scale used for every criterion.
    pub scale: Scale,
    /// Criteria in the order the panel meets them.
    pub criteria: Vec<ScorecardCriterion>,
    /// Lowest weighted total that passes.
    pub overall_pass_mark: f64,
    /// Key of the criterion that orders equal totals in the merit list, if any.
    pub tie_break: Option<String>,
    /// The exercises and the criteria each assesses; empty means one interview assessing
    /// every criterion ([`Scorecard::exercise_list`]).
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// How a criterion's scores from several exercises combine.
    #[serde(default)]
    pub combine: Combine,
}

impl Scorecard {
    /// A first draft from a role: every criterion in the role's order, weight 1, the given
    /// pass mark on each, and an overall pass mark of that mark times the number of criteria.
    pub fn from_role(
        title: &str,
        role: &super::Role,
        scale: Scale,
        pass_mark: Option<i32>,
    ) -> Self {
        let criteria: Vec<ScorecardCriterion> = role
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| ScorecardCriterion {
                key: format!("c{}", i + 1),
                criterion: c.clone(),
                weight: 1.0,
                pass_mark,
                questions: Vec::new(),
                exercise: None,
            })
            .collect();
        let overall_pass_mark = f64::from(pass_mark.unwrap_or(0)) * criteria.len() as f64;
        Scorecard {
            title: title.to_owned(),
            role_title: role.title.clone(),
            role_grade: role.grade.clone(),
            scale,
            criteria,
            overall_pass_mark,
            tie_break: None,
            exercises: Vec::new(),
            combine: Combine::default(),
        }
    }

    /// The exercises, the implicit single interview when none are listed.
    pub fn exercise_list(&self) -> Vec<Exercise> {
        if self.exercises.is_empty() {
            vec![Exercise::implicit(
                self.criteria.iter().map(|c| c.key.clone()).collect(),
            )]
        } else {
            self.exercises.clone()
        }
    }

    /// Adds an exercise and returns its key (`e` and the next free number). A scorecard that
    /// listed none first gets its implicit interview (every criterion) as `e1`, so the new
    /// exercise comes beside it. [`Scorecard::validate`] checks the result.
    pub fn add_exercise(
        &mut self,
        name: &str,
        kind: super::ExerciseKind,
        weight: Option<f64>,
        criteria: Vec<String>,
    ) -> String {
        if self.exercises.is_empty() {
            self.exercises = self.exercise_list();
        }
        let next = self
            .exercises
            .iter()
            .filter_map(|e| e.key.strip_prefix('e')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let key = format!("e{next}");
        self.exercises.push(Exercise {
            key: key.clone(),
            name: name.trim().to_owned(),
            kind,
            weight,
            criteria,
        });
        key
    }

    /// Whether criteria are scored separately in more than one exercise.
    pub fn has_several_exercises(&self) -> bool {
        self.exercises.len() > 1
    }

    /// The exercise with this key.
    pub fn exercise(&self, key: &str) -> Option<Exercise> {
        self.exercise_list().into_iter().find(|e| e.key == key)
    }

    /// The scorecard as it is scored: with one exercise, the scorecard itself; with several,
    /// one entry per exercise and criterion it assesses (key `criterion@exercise`, name
    /// "Criterion (Exercise)", exercise by exercise in the order the panel meets them), each
    /// with the criterion's pass mark and the share of its weight that makes the weighted
    /// total the configured combination: for a sum, criterion weight × exercise weight; for
    /// a mean, that divided by the sum of the weights of the exercises assessing the
    /// criterion. Scores, agreed scores, moderations, flags and statistics all work on these
    /// entries, so every rule holds per exercise; [`crate::scoring`] combines them again per
    /// criterion for display.
    pub fn assessed(&self) -> Scorecard {
        if !self.has_several_exercises() {
            return self.clone();
        }
        let share = |criterion: &ScorecardCriterion, exercise: &Exercise| {
            let weight = criterion.weight * exercise.weight();
            match self.combine {
                Combine::Sum => weight,
                Combine::Mean => {
                    let all: f64 = self
                        .exercises
                        .iter()
                        .filter(|e| e.assesses(&criterion.key))
                        .map(Exercise::weight)
                        .sum();
                    if all > 0.0 {
                        weight / all
                    } else {
                        0.0
                    }
                }
            }
        };
        let mut criteria = Vec::new();
        for exercise in &self.exercises {
            for key in &exercise.criteria {
                let Some(criterion) = self.criterion(key) else {
                    continue;
                };
                let mut entry = criterion.clone();
                entry.key = slot_key(&criterion.key, &exercise.key);
                entry.criterion.name = format!("{} ({})", criterion.criterion.name, exercise.name);
                entry.weight = share(criterion, exercise);
                entry.exercise = Some(exercise.key.clone());
                criteria.push(entry);
            }
        }
        Scorecard {
            criteria,
            // The tie-break names a criterion: results apply it to the combined score.
            tie_break: None,
            ..self.clone()
        }
    }

    /// On a scorecard as assessed: the entries an assessor limited to `exercise` scores
    /// (`None`: every entry; with one exercise every entry belongs to it).
    pub fn scored_in<'a>(
        &'a self,
        exercise: Option<&'a str>,
    ) -> impl Iterator<Item = &'a ScorecardCriterion> + 'a {
        self.criteria
            .iter()
            .filter(move |c| super::exercise::covers(exercise, c.exercise.as_deref()))
    }

    /// On a scorecard as assessed: whether someone limited to `exercise` scores entry `key`.
    pub fn scores_in(&self, exercise: Option<&str>, key: &str) -> bool {
        self.scored_in(exercise).any(|c| c.key == key)
    }

    /// The criterion with this key.
    pub fn criterion(&self, key: &str) -> Option<&ScorecardCriterion> {
        self.criteria.iter().find(|c| c.key == key)
    }

    /// The criterion a person names: by key (`c1`) or by name, in any case (score sheets and
    /// the command line accept either).
    pub fn criterion_named(&self, named: &str) -> Option<&ScorecardCriterion> {
        let named = named.trim();
        self.criteria.iter().find(|c| {
            c.key.eq_ignore_ascii_case(named) || c.criterion.name.eq_ignore_ascii_case(named)
        })
    }

    /// Checks the scorecard's invariants; the error names the field at fault.
    pub fn validate(&self) -> Result<(), (String, String)> {
        let fail = |field: String, msg: String| Err((field, msg));
        if self.title.trim().is_empty() {
            return fail("title".into(), "is empty".into());
        }
        if let Err(msg) = self.scale.validate() {
            return fail("scale".into(), msg);
        }
        if self.criteria.is_empty() {
            return fail(
                "criteria".into(),
                "a scorecard needs at least one criterion".into(),
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            let field = format!("criteria[{i}]");
            if c.key.trim().is_empty() {
                return fail(format!("{field}.key"), "is empty".into());
            }
            if c.key.contains(SLOT_SEPARATOR) || c.key.contains('/') {
                return fail(
                    format!("{field}.key"),
                    format!("'{}' may not contain '{SLOT_SEPARATOR}' or '/'", c.key),
                );
            }
            if !seen.insert(c.key.as_str()) {
                return fail(format!("{field}.key"), format!("'{}' is used twice", c.key));
            }
            if c.criterion.name.trim().is_empty() {
                return fail(format!("{field}.name"), "is empty".into());
            }
            if !(c.weight.is_finite() && c.weight >= 0.0) {
                return fail(
                    format!("{field}.weight"),
                    format!("must be a number ≥ 0, got {}", c.weight),
                );
            }
            if let Some(mark) = c.pass_mark {
                if self.scale.point(mark).is_none() {
                    return fail(
                        format!("{field}.pass_mark"),
                        format!("{mark} is not a point of the scale '{}'", self.scale.name),
                    );
                }
            }
        }
        if !self.overall_pass_mark.is_finite() || self.overall_pass_mark < 0.0 {
            return fail("overall_pass_mark".into(), "must be a number ≥ 0".into());
        }
        self.validate_exercises()?;
        if let Some(key) = &self.tie_break {
            if self.criterion(key).is_none() {
                return fail(
                    "tie_break".into(),
                    format!("no criterion has the key '{key}'"),
                );
            }
        }
        Ok(())
    }
}

impl Scorecard {
    /// The exercises' invariants: unique, well-formed keys, names, positive weights, known
    /// criteria, and every criterion assessed in at least one exercise.
    fn validate_exercises(&self) -> Result<(), (String, String)> {
        let fail = |field: String, msg: String| Err((field, msg));
        let mut keys = std::collections::HashSet::new();
        for (i, e) in self.exercises.iter().enumerate() {
            let field = format!("exercises[{i}]");
            if e.key.trim().is_empty() {
                return fail(format!("{field}.key"), "is empty".into());
            }
            if e.key.contains(SLOT_SEPARATOR) || e.key.contains('/') {
                return fail(
                    format!("{field}.key"),
                    format!("'{}' may not contain '{SLOT_SEPARATOR}' or '/'", e.key),
                );
            }
            if !keys.insert(e.key.as_str()) {
                return fail(format!("{field}.key"), format!("'{}' is used twice", e.key));
            }
            if e.name.trim().is_empty() {
                return fail(format!("{field}.name"), "is empty".into());
            }
            if let Some(w) = e.weight {
                if !(w.is_finite() && w > 0.0) {
                    return fail(
                        format!("{field}.weight"),
                        format!("must be a number > 0, got {w}"),
                    );
                }
            }
            if e.criteria.is_empty() {
                return fail(
                    format!("{field}.criteria"),
                    format!("exercise '{}' assesses no criterion", e.name),
                );
            }
            let mut seen = std::collections::HashSet::new();
            for (j, key) in e.criteria.iter().enumerate() {
                if self.criterion(key).is_none() {
                    return fail(
                        format!("{field}.criteria[{j}]"),
                        format!("no criterion has the key '{key}'"),
                    );
                }
                if !seen.insert(key.as_str()) {
                    return fail(
                        format!("{field}.criteria[{j}]"),
                        format!("'{key}' is listed twice"),
                    );
                }
            }
        }
        if !self.exercises.is_empty() {
            let unassessed: Vec<&str> = self
                .criteria
                .iter()
                .filter(|c| !self.exercises.iter().any(|e| e.assesses(&c.key)))
                .map(|c| c.criterion.name.as_str())
                .collect();
            if !unassessed.is_empty() {
                return fail(
                    "exercises".into(),
                    format!(
                        "no exercise assesses {}: tick it in at least one exercise",
                        unassessed.join(", ")
                    ),
                );
            }
        }
        Ok(())
    }
}
