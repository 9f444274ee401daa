use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One point of a rating scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScalePoint {
    /// The number recorded and summed.
    pub value: i32,
    /// Short label shown on the score button, e.g. "Good Demonstration".
    pub label: String,
    /// What the point means, shown to assessors.
    pub descriptor: String,
}

/// An ordered rating scale. Points are kept in ascending order of value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scale {
    /// Name shown in the scorecard builder.
    pub name: String,
    /// Points in ascending order of value, values unique.
    pub points: Vec<ScalePoint>,
}

impl Scale {
    /// The Civil Service Jobs 1–7 metric used for behaviours, strengths and technical skills.
    pub fn civil_service() -> Self {
        const POINTS: [(i32, &str, &str); 7] = [
            (1, "Not Demonstrated", "No positive evidence"),
            (2, "Minimal Demonstration", "Limited positive evidence"),
            (3, "Moderate Demonstration", "Moderate positive evidence"),
            (4, "Acceptable Demonstration", "Adequate positive evidence"),
            (5, "Good Demonstration", "Substantial positive evidence"),
            (
                6,
                "Strong Demonstration",
                "Substantial positive evidence, with some evidence of exceeding expectations",
            ),
            (
                7,
                "Outstanding Demonstration",
                "Wholly exceeds expectation at this level",
            ),
        ];
        Scale {
            name: "Civil Service 1–7".to_owned(),
            points: POINTS
                .iter()
                .map(|(value, label, descriptor)| ScalePoint {
                    value: *value,
                    label: (*label).to_owned(),
                    descriptor: (*descriptor).to_owned(),
                })
                .collect(),
        }
    }

    /// The point with this value, if the scale has one.
    pub fn point(&self, value: i32) -> Option<&ScalePoint> {
        self.points.iter().find(|p| p.value == value)
    }

    /// Lowest value on the scale.
    pub fn min(&self) -> i32 {
        self.points.first().map_or(0, |p| p.value)
    }

    /// Highest value on the scale.
    pub fn max(&self) -> i32 {
        self.points.last().map_or(0, |p| p.value)
    }

    /// Checks the invariants a custom scale must hold; returns the first problem found.
    pub fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("scale name is empty".into());
        }
        if self.points.len() < 2 {
            return Err(format!("scale '{}' needs at least two points", self.name));
        }
        for pair in self.points.windows(2) {
            if pair[1].value <= pair[0].value {
                return Err(format!(
                    "scale '{}': point values must rise strictly ({} then {})",
                    self.name, pair[0].value, pair[1].value
                ));
            }
        }
        if let Some(p) = self.points.iter().find(|p| p.label.trim().is_empty()) {
            return Err(format!(
                "scale '{}': point {} has no label",
                self.name, p.value
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_service_scale_has_the_published_labels() {
        let scale = Scale::civil_service();
        assert_eq!(scale.points.len(), 7);
        assert_eq!(scale.point(1).unwrap().label, "Not Demonstrated");
        assert_eq!(scale.point(4).unwrap().label, "Acceptable Demonstration");
        assert_eq!(scale.point(7).unwrap().label, "Outstanding Demonstration");
        assert_eq!((scale.min(), scale.max()), (1, 7));
        scale.validate().expect("built-in scale is valid");
    }

    #[test]
    fn a_scale_whose_values_do_not_rise_is_rejected() {
        let mut scale = Scale::civil_service();
        scale.points.swap(2, 3);
        let err = scale.validate().unwrap_err();
        assert!(err.contains("must rise strictly"), "{err}");
    }
}
