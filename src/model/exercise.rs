//! Exercises: the interview, presentation, written or technical test in which a campaign
//! assesses its criteria (the Success Profiles matrix), and how a criterion's scores from
//! several exercises combine.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What sort of exercise it is (shown to the panel and in the packs; no rule depends on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExerciseKind {
    /// A structured interview.
    Interview,
    /// A presentation to the panel.
    Presentation,
    /// A written exercise.
    Written,
    /// A technical test.
    TechnicalTest,
    /// Anything else (a role play, a group exercise…).
    Other,
}

impl ExerciseKind {
    /// Every kind, in the order menus offer them.
    pub const ALL: [ExerciseKind; 5] = [
        ExerciseKind::Interview,
        ExerciseKind::Presentation,
        ExerciseKind::Written,
        ExerciseKind::TechnicalTest,
        ExerciseKind::Other,
    ];

    /// The snake_case name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ExerciseKind::Interview => "interview",
            ExerciseKind::Presentation => "presentation",
            ExerciseKind::Written => "written",
            ExerciseKind::TechnicalTest => "technical_test",
            ExerciseKind::Other => "other",
        }
    }

    /// Parses a name as a person types it ("technical test", "Technical-Test", …).
    pub fn parse(s: &str) -> Option<Self> {
        let wanted = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL.into_iter().find(|k| k.as_str() == wanted)
    }
}

/// How a criterion assessed in several exercises gets its one score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Combine {
    /// The exercises' scores added up (each times the exercise's weight).
    #[default]
    Sum,
    /// The exercises' weighted mean: the criterion keeps the scale's range.
    Mean,
}

impl Combine {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Combine::Sum => "sum",
            Combine::Mean => "mean",
        }
    }

    /// How it is said in a sentence ("the sum of…", "the weighted mean of…").
    pub fn words(self) -> &'static str {
        match self {
            Combine::Sum => "sum",
            Combine::Mean => "weighted mean",
        }
    }

    /// Parses "sum" or "mean".
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sum" => Some(Combine::Sum),
            "mean" => Some(Combine::Mean),
            _ => None,
        }
    }
}

/// One exercise of a scorecard and the criteria it assesses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Exercise {
    /// Stable key within the scorecard (e.g. "e1"); scores in it refer to it.
    pub key: String,
    /// Name, e.g. "Interview" or "Presentation: a service you improved".
    pub name: String,
    /// What sort of exercise.
    pub kind: ExerciseKind,
    /// Multiplier on this exercise's scores when a criterion's exercises are combined
    /// (1 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub weight: Option<f64>,
    /// Keys of the scorecard criteria it assesses, in the order the panel meets them.
    pub criteria: Vec<String>,
}

impl Exercise {
    /// The weight, 1 when none is set.
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// Whether it assesses the criterion with this key.
    pub fn assesses(&self, criterion_key: &str) -> bool {
        self.criteria.iter().any(|k| k == criterion_key)
    }

    /// The exercise a scorecard without a list of exercises has: one interview assessing
    /// every criterion (every campaign made before exercises existed runs on it, unchanged).
    pub fn implicit(criteria: Vec<String>) -> Self {
        Exercise {
            key: IMPLICIT_KEY.to_owned(),
            name: "Interview".to_owned(),
            kind: ExerciseKind::Interview,
            weight: None,
            criteria,
        }
    }
}

/// Whether someone limited to exercise `limit` (`None`: every exercise) scores what belongs to
/// `exercise` (`None`: to no one exercise, as every entry of a one-exercise scorecard).
pub fn covers(limit: Option<&str>, exercise: Option<&str>) -> bool {
    match (limit, exercise) {
        (Some(limit), Some(exercise)) => limit == exercise,
        _ => true,
    }
}

/// Key of the one exercise of a scorecard that lists none.
pub const IMPLICIT_KEY: &str = "e1";

/// Separates the criterion from the exercise in the key of a criterion as assessed in one
/// exercise ("c2@e1"); neither key may contain it.
pub const SLOT_SEPARATOR: char = '@';

/// The key under which scores of `criterion` in `exercise` are stored.
pub fn slot_key(criterion: &str, exercise: &str) -> String {
    format!("{criterion}{SLOT_SEPARATOR}{exercise}")
}

/// The exercise of a stored key (`criterion@exercise`); `None` for a key of a scorecard with
/// one exercise.
pub fn key_exercise(key: &str) -> Option<&str> {
    key.split_once(SLOT_SEPARATOR).map(|(_, exercise)| exercise)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_as_people_type_them() {
        assert_eq!(
            ExerciseKind::parse("Technical test"),
            Some(ExerciseKind::TechnicalTest)
        );
        assert_eq!(
            ExerciseKind::parse("technical-test"),
            Some(ExerciseKind::TechnicalTest)
        );
        assert_eq!(
            ExerciseKind::parse(" WRITTEN "),
            Some(ExerciseKind::Written)
        );
        assert_eq!(ExerciseKind::parse("exam"), None);
        for kind in ExerciseKind::ALL {
            assert_eq!(ExerciseKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn combine_parses_and_defaults_to_sum() {
        assert_eq!(Combine::default(), Combine::Sum);
        assert_eq!(Combine::parse("Mean"), Some(Combine::Mean));
        assert_eq!(Combine::parse("median"), None);
    }
}
