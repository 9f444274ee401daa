use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}

impl ScorecardCriterion {
    /// Whether missing the pass mark on this criterion fails the candidate.
    pub fn is_essential(&self) -> bool {
        self.criterion.priority == Priority::Essential
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
        }
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
