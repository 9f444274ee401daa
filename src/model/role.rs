use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What sort of thing a criterion assesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum CriterionKind {
    /// A Success Profiles behaviour or a competency-framework competency.
    Behaviour,
    /// A technical or specialist skill.
    Technical,
    /// A SFIA skill with a code and a level.
    Sfia,
    /// Experience or a person-specification criterion.
    Experience,
    /// A Success Profiles strength.
    Strength,
}

impl CriterionKind {
    /// The lowercase name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionKind::Behaviour => "behaviour",
            CriterionKind::Technical => "technical",
            CriterionKind::Sfia => "sfia",
            CriterionKind::Experience => "experience",
            CriterionKind::Strength => "strength",
        }
    }

    /// Every kind, in display order.
    pub const ALL: [CriterionKind; 5] = [
        CriterionKind::Behaviour,
        CriterionKind::Technical,
        CriterionKind::Sfia,
        CriterionKind::Experience,
        CriterionKind::Strength,
    ];
}

/// Whether a criterion must be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Priority {
    /// Must be met to pass.
    #[default]
    Essential,
    /// Counts towards the total but is not required.
    Desirable,
}

impl Priority {
    /// The lowercase name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Essential => "essential",
            Priority::Desirable => "desirable",
        }
    }
}

/// One thing a candidate is assessed against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Criterion {
    /// What sort of criterion this is.
    pub kind: CriterionKind,
    /// Its name, e.g. "Seeing the Big Picture" or "Systems Design".
    pub name: String,
    /// The cluster or section it sits under, e.g. "Setting Direction".
    pub group: Option<String>,
    /// Essential or desirable.
    pub priority: Priority,
    /// SFIA code, e.g. "DESN".
    pub code: Option<String>,
    /// SFIA level, 1–7.
    pub level: Option<u8>,
    /// Behaviour indicators, one line each.
    #[serde(default)]
    pub indicators: Vec<String>,
}

/// The document a role was extracted from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SourceDocument {
    /// File name as imported.
    pub name: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

/// A role: what a scorecard is built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Role {
    /// Job title.
    pub title: String,
    /// Grade or band, e.g. "SEO".
    pub grade: Option<String>,
    /// Vacancy or role reference.
    pub reference: Option<String>,
    /// Where the role came from, if imported from a document.
    pub source: Option<SourceDocument>,
    /// The criteria, in document order.
    pub criteria: Vec<Criterion>,
}

/// What the job-description importer produces: a role for the user to review, and what it
/// saw but could not place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleDraft {
    /// The extracted role.
    #[serde(flatten)]
    pub role: Role,
    /// Lines the importer could not place, each naming where it saw them.
    pub warnings: Vec<String>,
}
