//! Rows of the shared database as the model's types. The columns mirror SQLite's, so each
//! function reads the same columns in the same order as its SQLite twin.

use postgres::Row;

use crate::model::{
    AgreedScore, Assessor, AssessorRole, Candidate, FromStoredPair, IndicatorMark, Moderation,
    Panel, Score, ScoreStatus, Withdrawal,
};
use crate::store::scores::{decision_row, score_row};
use crate::{Error, Result};

/// The stored pair at columns `at` (`value`) and `at + 1` (`not_assessed`) as a mark, or an
/// error naming the row `what`. The schema's CHECKs refuse a score that is both and a decision
/// that is neither or both, so this fails only on a server whose schema was changed by hand.
pub(super) fn mark_at<M: FromStoredPair>(
    r: &Row,
    at: usize,
    what: impl FnOnce() -> String,
) -> Result<M> {
    M::from_pair(r.get(at), r.get(at + 1)).map_err(|e| Error::invalid(what(), e.to_string()))
}

/// [`score_row`] of a row whose first columns are the candidate, the assessor and the key.
pub(super) fn score_row_of(what: &str, r: &Row) -> String {
    score_row(what, r.get(0), r.get(1), r.get(2))
}

/// [`decision_row`] of a row whose first columns are the candidate and the key.
pub(super) fn decision_row_of(what: &str, r: &Row) -> String {
    decision_row(what, r.get(0), r.get(1))
}

/// Columns for [`candidate`].
pub(super) const CANDIDATE_COLUMNS: &str =
    "id, campaign_id, reference, name, email, panel_id, slot, withdrawn_at, withdrawal_reason";

pub(super) fn candidate(r: &Row) -> Candidate {
    Candidate {
        id: r.get(0),
        campaign_id: r.get(1),
        reference: r.get(2),
        name: r.get(3),
        email: r.get(4),
        panel_id: r.get(5),
        slot: r.get(6),
        withdrawal: r.get::<_, Option<String>>(7).map(|at| Withdrawal {
            reason: r.get::<_, Option<String>>(8).unwrap_or_default(),
            at,
        }),
        // Filled in by the reader from candidate_exercise_panels (read::candidates).
        exercise_panels: Vec::new(),
    }
}

/// Columns for [`assessor`].
pub(super) const ASSESSOR_COLUMNS: &str = "id, campaign_id, name, role, panel_id, login, exercise";

pub(super) fn assessor(r: &Row) -> Assessor {
    Assessor {
        id: r.get(0),
        campaign_id: r.get(1),
        name: r.get(2),
        role: AssessorRole::parse(r.get(3)).unwrap_or(AssessorRole::Member),
        panel_id: r.get(4),
        login: r.get::<_, Option<String>>(5).unwrap_or_default(),
        exercise: r.get(6),
    }
}

pub(super) fn panel(r: &Row) -> Panel {
    Panel {
        id: r.get(0),
        campaign_id: r.get(1),
        name: r.get(2),
    }
}

/// Columns for [`score`].
pub(super) const SCORE_COLUMNS: &str =
    "candidate_id, assessor_id, criterion_key, value, not_assessed, evidence, indicators, \
     status, created_at, updated_at, submitted_at";

pub(super) fn score(r: &Row) -> Result<Score> {
    Ok(Score {
        candidate_id: r.get(0),
        assessor_id: r.get(1),
        criterion_key: r.get(2),
        mark: mark_at(r, 3, || score_row_of("score", r))?,
        evidence: r.get(5),
        indicators: IndicatorMark::decode(r.get(6)),
        status: if r.get::<_, &str>(7) == "submitted" {
            ScoreStatus::Submitted
        } else {
            ScoreStatus::Draft
        },
        created_at: r.get(8),
        updated_at: r.get(9),
        submitted_at: r.get(10),
    })
}

/// Columns for [`agreed`] (from `agreed_scores`).
pub(super) const AGREED_COLUMNS: &str =
    "candidate_id, criterion_key, value, not_assessed, rationale, agreed_by, agreed_at";

pub(super) fn agreed(r: &Row) -> Result<AgreedScore> {
    Ok(AgreedScore {
        candidate_id: r.get(0),
        criterion_key: r.get(1),
        mark: mark_at(r, 2, || decision_row_of("agreed score", r))?,
        rationale: r.get(4),
        agreed_by: r.get(5),
        agreed_at: r.get(6),
    })
}

/// Columns for [`moderation`] (from `moderations`).
pub(super) const MODERATION_COLUMNS: &str =
    "candidate_id, criterion_key, value, not_assessed, reason, moderator_id, moderated_at";

pub(super) fn moderation(r: &Row) -> Result<Moderation> {
    Ok(Moderation {
        candidate_id: r.get(0),
        criterion_key: r.get(1),
        mark: mark_at(r, 2, || decision_row_of("moderated score", r))?,
        reason: r.get(4),
        moderator_id: r.get(5),
        moderated_at: r.get(6),
    })
}
