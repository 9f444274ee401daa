use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AssessorId, CandidateId, Mark, MaybeMark};

/// How an assessor marked one behaviour indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IndicatorMark {
    /// Not marked yet (the default): the assessor has not said either way. Kept apart from
    /// "not shown" so an indicator nobody touched is never saved as a judgement.
    #[default]
    Unmarked,
    /// Looked for and not seen.
    NotShown,
    /// Positive evidence seen.
    Shown,
    /// Negative evidence seen.
    Negative,
}

impl IndicatorMark {
    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorMark::Unmarked => "unmarked",
            IndicatorMark::NotShown => "not_shown",
            IndicatorMark::Shown => "shown",
            IndicatorMark::Negative => "negative",
        }
    }

    /// One-character code used in storage and CSV: `s` shown, `-` not shown, `x` negative,
    /// `?` unmarked.
    pub fn code(self) -> char {
        match self {
            IndicatorMark::Unmarked => '?',
            IndicatorMark::NotShown => '-',
            IndicatorMark::Shown => 's',
            IndicatorMark::Negative => 'x',
        }
    }

    /// Reads a one-character code; unknown characters read as not shown, as they always
    /// have (data stored before `?` existed reads exactly as before).
    pub fn from_code(c: char) -> Self {
        match c {
            's' => IndicatorMark::Shown,
            'x' => IndicatorMark::Negative,
            '?' => IndicatorMark::Unmarked,
            _ => IndicatorMark::NotShown,
        }
    }

    /// Encodes marks as a string of codes, one per indicator.
    pub fn encode(marks: &[IndicatorMark]) -> String {
        marks.iter().map(|m| m.code()).collect()
    }

    /// Decodes a string of codes.
    pub fn decode(codes: &str) -> Vec<IndicatorMark> {
        codes.chars().map(IndicatorMark::from_code).collect()
    }
}

/// Whether an assessor's score is still theirs to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ScoreStatus {
    /// Saved, still editable, invisible to others.
    Draft,
    /// Final for this assessor.
    Submitted,
}

/// One assessor's score for one candidate on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Score {
    /// Candidate scored.
    pub candidate_id: CandidateId,
    /// Who scored.
    pub assessor_id: AssessorId,
    /// Scorecard criterion key.
    pub criterion_key: String,
    /// A point of the scale or "not assessed"; none while undecided. Sent and stored as
    /// `value` and `not_assessed`.
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: MaybeMark,
    /// Evidence notes.
    pub evidence: String,
    /// One mark per indicator of the criterion, in order.
    pub indicators: Vec<IndicatorMark>,
    /// Draft or submitted.
    pub status: ScoreStatus,
    /// First saved (RFC 3339, UTC).
    pub created_at: String,
    /// Last saved (RFC 3339, UTC).
    pub updated_at: String,
    /// When submitted, if it has been.
    pub submitted_at: Option<String>,
}

/// How far a scorer is with one candidate, as one of their scoring records: what the Scoring
/// screen's list shows before a candidate is opened, counted up by the store (the scores
/// themselves, with their evidence, are read when the candidate is opened).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnProgress {
    /// The candidate.
    pub candidate_id: CandidateId,
    /// The scorer's record (their seat on the candidate's panel).
    pub assessor_id: AssessorId,
    /// Criteria given a mark (a point or "not assessed").
    pub marked: u32,
    /// Whether these scores are submitted.
    pub submitted: bool,
}

impl Score {
    /// A draft as saved from `input`, with the indicator marks stored for it.
    pub fn draft(
        input: &ScoreInput,
        indicators: Vec<IndicatorMark>,
        created_at: String,
        updated_at: String,
    ) -> Score {
        Score {
            candidate_id: input.candidate_id,
            assessor_id: input.assessor_id,
            criterion_key: input.criterion_key.clone(),
            mark: input.mark,
            evidence: input.evidence.clone(),
            indicators,
            status: ScoreStatus::Draft,
            created_at,
            updated_at,
            submitted_at: None,
        }
    }
}

/// The panel's agreed score for a candidate on a criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreedScore {
    /// Candidate.
    pub candidate_id: CandidateId,
    /// Scorecard criterion key.
    pub criterion_key: String,
    /// The agreed point, or "not assessed" (sent and stored as `value` and `not_assessed`).
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: Mark,
    /// Why the panel settled on this score.
    pub rationale: String,
    /// The assessor (usually the chair) who recorded it.
    pub agreed_by: AssessorId,
    /// When (RFC 3339, UTC).
    pub agreed_at: String,
}

/// A moderator's change to an agreed score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Moderation {
    /// Candidate.
    pub candidate_id: CandidateId,
    /// Scorecard criterion key.
    pub criterion_key: String,
    /// The moderated point, or "not assessed" (sent and stored as `value` and `not_assessed`).
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: Mark,
    /// Why; required whenever it differs from the agreed score.
    pub reason: String,
    /// The moderator.
    pub moderator_id: AssessorId,
    /// When (RFC 3339, UTC).
    pub moderated_at: String,
}

/// What an assessor enters for one criterion: saved as a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScoreInput {
    /// Candidate scored.
    pub candidate_id: CandidateId,
    /// Who is scoring.
    pub assessor_id: AssessorId,
    /// Scorecard criterion key.
    pub criterion_key: String,
    /// A point of the scale or "not assessed"; none while undecided. Sent as `value` and
    /// `not_assessed`.
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: MaybeMark,
    /// Evidence notes.
    pub evidence: String,
    /// One mark per indicator; empty means none marked yet.
    pub indicators: Vec<IndicatorMark>,
}

/// A score decided by the panel or a moderator: a point, or "not assessed".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Decision {
    /// Candidate.
    pub candidate_id: CandidateId,
    /// Scorecard criterion key.
    pub criterion_key: String,
    /// The point or "not assessed" (sent as `value` and `not_assessed`); one must be chosen:
    /// the store refuses none, naming the field.
    #[serde(flatten)]
    #[ts(flatten)]
    pub mark: MaybeMark,
    /// The panel's rationale, or the moderator's reason.
    pub text: String,
    /// The chair/member recording an agreed score, or the moderator.
    pub by: AssessorId,
}

#[cfg(test)]
mod indicator_mark_tests {
    use super::IndicatorMark;

    #[test]
    fn a_new_mark_is_unmarked_and_round_trips_through_its_code() {
        assert_eq!(IndicatorMark::default(), IndicatorMark::Unmarked);
        let marks = [
            IndicatorMark::Unmarked,
            IndicatorMark::NotShown,
            IndicatorMark::Shown,
            IndicatorMark::Negative,
        ];
        let codes = IndicatorMark::encode(&marks);
        assert_eq!(codes, "?-sx");
        assert_eq!(IndicatorMark::decode(&codes), marks);
    }

    #[test]
    fn data_stored_before_unmarked_existed_reads_as_before() {
        assert_eq!(
            IndicatorMark::decode("s-x*"),
            [
                IndicatorMark::Shown,
                IndicatorMark::NotShown,
                IndicatorMark::Negative,
                IndicatorMark::NotShown
            ]
        );
    }
}
