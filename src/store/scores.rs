//! Individual scores: drafts, submission, and the independent-scoring view.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::campaigns::require_state;
use super::people::{load_assessor, load_candidate};
use super::{Store, Tx};
use crate::model::{
    Assessor, AssessorId, AssessorRole, AuditAction, Campaign, CampaignId, CampaignState,
    Candidate, CandidateId, FromStoredPair, IndicatorMark, MaybeMark, OwnProgress, PanelId, Score,
    ScoreInput, ScoreStatus, Scorecard,
};
use crate::{Error, Result};

/// Longest evidence note accepted, in characters: far beyond any real note, short of abuse.
pub const MAX_EVIDENCE_CHARS: usize = 50_000;

/// Whether a text has anything but spaces, tabs and newlines in it, as SQL applied to the
/// value before it. The stored `has_evidence` column is always set with this test (here and in
/// migration 002), so the board can read it from an index instead of the evidence text.
pub(crate) const HAS_TEXT_SQL: &str = "GLOB ('*[^ ' || char(9, 10) || ']*')";

/// A scorer's own score rows (`?2`) in campaign `?1`: for listed candidates they declared no
/// conflict with, in the exercises the candidate sits before the scorer's panel (a record that
/// does not score has none). The `coalesce` is the panel that assesses the candidate of a row
/// in the row's exercise (the part of its key after '@'; none: the candidate's own panel), as
/// `Candidate::panel_for`.
const OWN_PANEL_ROWS: &str = "assessor_id = ?2 AND candidate_id IN (
        SELECT id FROM candidates
        WHERE campaign_id = ?1 AND erased_at IS NULL
          AND id NOT IN (SELECT candidate_id FROM conflicts WHERE assessor_id = ?2))
    AND coalesce(
        (SELECT e.panel_id FROM candidate_exercise_panels e
         WHERE e.candidate_id = scores.candidate_id AND instr(scores.criterion_key, '@') > 0
           AND e.exercise = substr(scores.criterion_key, instr(scores.criterion_key, '@') + 1)),
        (SELECT c.panel_id FROM candidates c WHERE c.id = scores.candidate_id))
      = (SELECT panel_id FROM assessors
         WHERE id = ?2 AND campaign_id = ?1 AND role IN ('member', 'chair'))";

const SCORE_COLUMNS: &str =
    "candidate_id, assessor_id, criterion_key, value, not_assessed, evidence, indicators, \
                             status, created_at, updated_at, submitted_at";

pub(crate) fn score_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Score> {
    let status: String = r.get(7)?;
    Ok(Score {
        candidate_id: r.get(0)?,
        assessor_id: r.get(1)?,
        criterion_key: r.get(2)?,
        mark: mark_at(r, 3, || score_row_of("score", r))?,
        evidence: r.get(5)?,
        indicators: IndicatorMark::decode(&r.get::<_, String>(6)?),
        status: if status == "submitted" {
            ScoreStatus::Submitted
        } else {
            ScoreStatus::Draft
        },
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
        submitted_at: r.get(10)?,
    })
}

fn score_entity(
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    assessor_id: AssessorId,
    key: &str,
) -> String {
    format!(
        "campaign/{campaign_id}/candidate/{candidate_id}/assessor/{assessor_id}/criterion/{key}"
    )
}

/// The mark in columns `at` (`value`) and `at + 1` (`not_assessed`) of a row. The scores
/// table's CHECK refuses both at once; a pair the mark cannot hold (a file edited by hand: a
/// score that is both, a decision that is neither) reads as an error naming `row`.
pub(crate) fn mark_at<M: FromStoredPair>(
    r: &rusqlite::Row<'_>,
    at: usize,
    row: impl FnOnce() -> String,
) -> rusqlite::Result<M> {
    M::from_pair(r.get(at)?, r.get(at + 1)?).map_err(|e| unreadable(at, row(), e))
}

/// "submitted score of candidate 3 by assessor 2 on c1": a score's row in an error, on either
/// backend (`what`: "score", "submitted score").
pub(crate) fn score_row(
    what: &str,
    candidate: CandidateId,
    assessor: AssessorId,
    key: &str,
) -> String {
    format!("{what} of candidate {candidate} by assessor {assessor} on {key}")
}

/// "agreed score of candidate 3 on c1": a decision's row in an error, on either backend.
pub(crate) fn decision_row(what: &str, candidate: CandidateId, key: &str) -> String {
    format!("{what} of candidate {candidate} on {key}")
}

/// [`score_row`] of a row whose first columns are the candidate, the assessor and the key.
pub(crate) fn score_row_of(what: &str, r: &rusqlite::Row<'_>) -> String {
    score_row(
        what,
        r.get(0).unwrap_or_default(),
        r.get(1).unwrap_or_default(),
        &r.get::<_, String>(2).unwrap_or_default(),
    )
}

/// [`decision_row`] of a row whose first columns are the candidate and the key.
pub(crate) fn decision_row_of(what: &str, r: &rusqlite::Row<'_>) -> String {
    decision_row(
        what,
        r.get(0).unwrap_or_default(),
        &r.get::<_, String>(1).unwrap_or_default(),
    )
}

fn unreadable(at: usize, row: String, problem: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        at,
        rusqlite::types::Type::Integer,
        Box::new(crate::error::UnreadableRow {
            row,
            problem: problem.to_string(),
        }),
    )
}

/// Checks a point against the scorecard's scale; `field` names the input in the error.
pub(crate) fn check_mark(scorecard: &Scorecard, mark: MaybeMark, field: &str) -> Result<()> {
    match mark.point() {
        Some(v) if scorecard.scale.point(v).is_none() => Err(Error::invalid(
            field,
            format!(
                "{v} is not a point of the scale '{}' ({}–{})",
                scorecard.scale.name,
                scorecard.scale.min(),
                scorecard.scale.max()
            ),
        )),
        _ => Ok(()),
    }
}

/// The scorer may score this candidate: a member or chair of the candidate's panel, with no
/// conflict of interest declared, and the candidate has not withdrawn.
fn check_scorer(
    conn: &Connection,
    campaign: &Campaign,
    assessor: &Assessor,
    candidate: &Candidate,
    key: Option<&str>,
) -> Result<()> {
    if candidate.withdrawal.is_some() {
        return Err(Error::Conflict(format!(
            "{} has withdrawn from the campaign: their scores are no longer needed",
            candidate.reference
        )));
    }
    check_seat(campaign, assessor, candidate, key)?;
    super::conflicts::check_not_conflicted(conn, assessor, candidate)
}

/// The assessor is a member or chair of the panel the candidate sits `key`'s exercise before
/// (no key: some exercise of theirs); the same on every backend.
pub(crate) fn check_seat(
    campaign: &Campaign,
    assessor: &Assessor,
    candidate: &Candidate,
    key: Option<&str>,
) -> Result<()> {
    if !assessor.role.scores() {
        return Err(Error::Forbidden(format!(
            "{} is a {} and does not score",
            assessor.name,
            assessor.role.as_str()
        )));
    }
    let assesses = match key {
        Some(key) => {
            let exercise = campaign
                .assessed
                .criterion(key)
                .and_then(|c| c.exercise.as_deref());
            candidate.assessed_by(assessor, exercise)
        }
        None => candidate.assessed_in_any(assessor, &campaign.scorecard.scored_exercises()),
    };
    if !assesses {
        return Err(Error::Forbidden(format!(
            "{} is not on the panel that assesses {}{}",
            assessor.name,
            candidate.reference,
            match key {
                Some(key) => format!(" in '{key}'"),
                None => String::new(),
            }
        )));
    }
    Ok(())
}

pub(crate) fn load_score(
    conn: &Connection,
    candidate_id: CandidateId,
    assessor_id: AssessorId,
    key: &str,
) -> Result<Option<Score>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {SCORE_COLUMNS} FROM scores WHERE candidate_id = ?1 AND assessor_id = ?2 AND criterion_key = ?3"
        ))?
        .query_row(params![candidate_id, assessor_id, key], score_from_row)
        .optional()?)
}

fn scores_of(
    conn: &Connection,
    candidate_id: CandidateId,
    assessor_id: Option<AssessorId>,
) -> Result<Vec<Score>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SCORE_COLUMNS} FROM scores WHERE candidate_id = ?1 AND (?2 IS NULL OR assessor_id = ?2)
         ORDER BY assessor_id, criterion_key"
    ))?;
    let rows = stmt.query_map(params![candidate_id, assessor_id], score_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the assessor has submitted their scores for the candidate.
pub(crate) fn has_submitted(
    conn: &Connection,
    candidate_id: CandidateId,
    assessor_id: AssessorId,
) -> Result<bool> {
    let submitted: Option<i64> = conn
        .prepare_cached(
            "SELECT 1 FROM scores WHERE candidate_id = ?1 AND assessor_id = ?2 AND status = 'submitted' LIMIT 1",
        )?
        .query_row(params![candidate_id, assessor_id], |r| r.get(0))
        .optional()?;
    Ok(submitted.is_some())
}

/// A submission covers every entry the assessor scores for the candidate (those of the
/// exercises the candidate sits before the assessor's panel, within the assessor's own
/// limit) with a
/// score or "not assessed", and nothing outside them; the same on every backend.
pub(crate) fn check_whole_submission(
    campaign: &Campaign,
    assessor: &Assessor,
    candidate: &Candidate,
    drafts: &[Score],
) -> Result<()> {
    let scored: Vec<&crate::model::ScorecardCriterion> =
        campaign.assessed.scored_by(assessor, candidate).collect();
    let outside: Vec<&str> = drafts
        .iter()
        .filter(|s| !scored.iter().any(|c| c.key == s.criterion_key))
        .map(|s| s.criterion_key.as_str())
        .collect();
    if !outside.is_empty() {
        return Err(Error::invalid(
            "submit",
            format!(
                "scores outside your exercise cannot be submitted: {}",
                outside.join(", ")
            ),
        ));
    }
    let missing: Vec<&str> = scored
        .iter()
        .filter(|c| {
            !drafts
                .iter()
                .any(|s| s.criterion_key == c.key && s.mark.is_marked())
        })
        .map(|c| c.criterion.name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(
            "submit",
            format!(
                "score or mark 'not assessed' for every criterion first; missing: {}",
                missing.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Checks a draft against the campaign's scorecard, the same on every backend: the criterion,
/// the value on the scale, one mark per indicator (none given: every indicator "not shown"),
/// the evidence's length. Returns the criterion and the marks to store.
pub(crate) fn check_draft<'a>(
    campaign: &'a Campaign,
    input: &ScoreInput,
) -> Result<(&'a crate::model::ScorecardCriterion, Vec<IndicatorMark>)> {
    let scorecard = &campaign.assessed;
    let criterion = scorecard.criterion(&input.criterion_key).ok_or_else(|| {
        Error::invalid(
            "score.criterion_key",
            format!(
                "'{}' is not a criterion of this scorecard",
                input.criterion_key
            ),
        )
    })?;
    check_mark(scorecard, input.mark, "score.value")?;
    let indicator_count = criterion.criterion.indicators.len();
    let marks = if input.indicators.is_empty() {
        vec![IndicatorMark::NotShown; indicator_count]
    } else if input.indicators.len() == indicator_count {
        input.indicators.clone()
    } else {
        return Err(Error::invalid(
            "score.indicators",
            format!(
                "{} marks given, but '{}' has {indicator_count} indicators",
                input.indicators.len(),
                criterion.criterion.name
            ),
        ));
    };
    if input.evidence.chars().count() > MAX_EVIDENCE_CHARS {
        return Err(Error::invalid(
            "score.evidence",
            format!("is longer than {MAX_EVIDENCE_CHARS} characters"),
        ));
    }
    Ok((criterion, marks))
}

fn save_draft(tx: &Tx<'_>, campaign: &Campaign, input: &ScoreInput) -> Result<Score> {
    let (criterion, marks) = check_draft(campaign, input)?;
    let candidate = load_candidate(tx.conn(), campaign.id, input.candidate_id)?;
    let assessor = load_assessor(tx.conn(), campaign.id, input.assessor_id)?;
    check_scorer(
        tx.conn(),
        campaign,
        &assessor,
        &candidate,
        Some(&input.criterion_key),
    )?;
    let before = load_score(
        tx.conn(),
        input.candidate_id,
        input.assessor_id,
        &input.criterion_key,
    )?;
    if let Some(before) = &before {
        if before.status == ScoreStatus::Submitted {
            return Err(Error::Conflict(format!(
                "{}'s score for {} on '{}' is submitted and final; the panel's agreed score or moderation is where it can change",
                assessor.name, candidate.reference, criterion.criterion.name
            )));
        }
    }
    let created_at = before
        .as_ref()
        .map_or_else(|| tx.now().to_owned(), |b| b.created_at.clone());
    let score = Score::draft(input, marks, created_at, tx.now().to_owned());
    tx.conn()
        .prepare_cached(&format!(
            "INSERT INTO scores ({SCORE_COLUMNS}, has_evidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, NULL, ?6 {HAS_TEXT_SQL})
             ON CONFLICT (candidate_id, assessor_id, criterion_key) DO UPDATE SET
               value = excluded.value, not_assessed = excluded.not_assessed, evidence = excluded.evidence,
               has_evidence = excluded.has_evidence, indicators = excluded.indicators,
               updated_at = excluded.updated_at"
        ))?
        .execute(params![
            score.candidate_id,
            score.assessor_id,
            score.criterion_key,
            score.mark.point(),
            score.mark.is_not_assessed(),
            score.evidence,
            IndicatorMark::encode(&score.indicators),
            score.created_at,
            score.updated_at,
        ])?;
    tx.audit(
        AuditAction::ScoreSave,
        &score_entity(
            campaign.id,
            score.candidate_id,
            score.assessor_id,
            &score.criterion_key,
        ),
        before.map(|b| score_json(tx.conn(), &b)).transpose()?,
        Some(score_json(tx.conn(), &score)?),
    )?;
    Ok(score)
}

/// A score as an audit event records it: the evidence only as a commitment (see
/// [`super::personal`]), so the log holds no note about the candidate.
fn score_json(conn: &Connection, s: &Score) -> Result<serde_json::Value> {
    let evidence = super::personal::committed(conn, s.candidate_id, "evidence", Some(&s.evidence))?;
    Ok(json!({
        "value": s.mark.point(),
        "not_assessed": s.mark.is_not_assessed(),
        "evidence": evidence,
        "indicators": IndicatorMark::encode(&s.indicators),
        "status": s.status,
    }))
}

/// Submits an assessor's drafts for a candidate inside `tx` (see [`Store::submit_scores`]).
fn submit_one(
    tx: &Tx<'_>,
    campaign: &Campaign,
    candidate_id: CandidateId,
    assessor_id: AssessorId,
) -> Result<Vec<Score>> {
    let campaign_id = campaign.id;
    require_state(campaign, &[CampaignState::Scoring], "submitting scores")?;
    let candidate = load_candidate(tx.conn(), campaign_id, candidate_id)?;
    let assessor = load_assessor(tx.conn(), campaign_id, assessor_id)?;
    check_scorer(tx.conn(), campaign, &assessor, &candidate, None)?;
    if has_submitted(tx.conn(), candidate_id, assessor_id)? {
        return Err(Error::Conflict(format!(
            "{} has already submitted scores for {}",
            assessor.name, candidate.reference
        )));
    }
    let drafts = scores_of(tx.conn(), candidate_id, Some(assessor_id))?;
    check_whole_submission(campaign, &assessor, &candidate, &drafts)?;
    tx.conn().execute(
        "UPDATE scores SET status = 'submitted', submitted_at = ?3 WHERE candidate_id = ?1 AND assessor_id = ?2",
        params![candidate_id, assessor_id, tx.now()],
    )?;
    let submitted = scores_of(tx.conn(), candidate_id, Some(assessor_id))?;
    tx.audit(
        AuditAction::ScoreSubmit,
        &format!("campaign/{campaign_id}/candidate/{candidate_id}/assessor/{assessor_id}"),
        None,
        Some(json!(submitted
            .iter()
            .map(|s| json!({ "criterion": s.criterion_key, "value": s.mark.point(), "not_assessed": s.mark.is_not_assessed() }))
            .collect::<Vec<_>>())),
    )?;
    Ok(submitted)
}

impl Store {
    /// Saves an assessor's draft score. Invalid input is rejected and the stored score stays
    /// as it was; a submitted score cannot be changed.
    pub(crate) fn save_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        input: &ScoreInput,
    ) -> Result<Score> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Scoring], "saving a score")?;
            save_draft(tx, &campaign, input)
        })
    }

    /// Saves many draft scores in one transaction (imports, demo data, benchmarks); all or none.
    pub(crate) fn save_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        inputs: &[ScoreInput],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Scoring], "saving scores")?;
            // A cancel returns an error here, so the whole transaction rolls back.
            for (done, input) in inputs.iter().enumerate() {
                save_draft(tx, &campaign, input)?;
                progress.step(done + 1, inputs.len())?;
            }
            Ok(inputs.len())
        })
    }

    /// Makes an assessor's scores for a candidate final. Every criterion must have a score or
    /// be marked not assessed. Only after this does the assessor see the others' scores.
    pub(crate) fn submit_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        assessor_id: AssessorId,
    ) -> Result<Vec<Score>> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            submit_one(tx, &campaign, candidate_id, assessor_id)
        })
    }

    /// Submits each (candidate, assessor) pair in turn, as [`Store::submit_scores`] does one,
    /// in one transaction: all or none. Returns the scores made final.
    pub(crate) fn submit_scores_for(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        submissions: &[(CandidateId, AssessorId)],
    ) -> Result<usize> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            let mut submitted = 0;
            for &(candidate_id, assessor_id) in submissions {
                submitted += submit_one(tx, &campaign, candidate_id, assessor_id)?.len();
            }
            Ok(submitted)
        })
    }

    /// The scores `viewer` may see for a candidate. Independent scoring is enforced here: a
    /// panel member sees only their own scores until they have submitted for the candidate,
    /// then every submitted score of their panel (never another member's draft, never
    /// another panel's). A moderator
    /// sees every submitted score.
    pub(crate) fn visible_scores(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        viewer_id: AssessorId,
    ) -> Result<Vec<Score>> {
        let candidate = load_candidate(self.conn(), campaign_id, candidate_id)?;
        let viewer = load_assessor(self.conn(), campaign_id, viewer_id)?;
        let all = scores_of(self.conn(), candidate_id, None)?;
        if viewer.role == AssessorRole::Moderator {
            return Ok(all
                .into_iter()
                .filter(|s| s.status == ScoreStatus::Submitted)
                .collect());
        }
        let campaign = self.campaign(campaign_id)?;
        check_seat(&campaign, &viewer, &candidate, None)?;
        super::conflicts::check_not_conflicted(self.conn(), &viewer, &candidate)?;
        let submitted = has_submitted(self.conn(), candidate_id, viewer_id)?;
        // After submitting, the viewer's own panel's submitted scores: never those of a
        // panel that assesses the candidate in another exercise.
        // (The panels of this candidate's scorers only, and only once they are needed.)
        let panel_of: std::collections::HashMap<AssessorId, Option<PanelId>> = if submitted {
            self.conn()
                .prepare_cached(
                    "SELECT id, panel_id FROM assessors
                     WHERE id IN (SELECT assessor_id FROM scores WHERE candidate_id = ?1)",
                )?
                .query_map([candidate_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            Default::default()
        };
        let same_panel = |s: &Score| panel_of.get(&s.assessor_id) == Some(&viewer.panel_id);
        Ok(all
            .into_iter()
            .filter(|s| {
                s.assessor_id == viewer_id
                    || (submitted && s.status == ScoreStatus::Submitted && same_panel(s))
            })
            .collect())
    }
}

impl Store {
    /// A scorer's own scores, drafts and submitted, for every candidate of their panel that
    /// they did not declare a conflict of interest with, by candidate then criterion: what
    /// [`Store::visible_scores`] gives them of their own, for the whole panel in one query.
    /// Nothing for a record that does not score.
    pub(crate) fn own_panel_scores(
        &self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<Vec<Score>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {SCORE_COLUMNS} FROM scores WHERE {OWN_PANEL_ROWS}
             ORDER BY candidate_id, criterion_key"
        ))?;
        let rows = stmt.query_map(params![campaign_id, assessor_id], score_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// [`Store::own_panel_scores`] counted up per candidate, by candidate: the Scoring list's
    /// progress without reading (or sending) 5,000 scores' evidence at 500 candidates.
    pub(crate) fn own_panel_progress(
        &self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<Vec<OwnProgress>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT candidate_id, count(value) + sum(not_assessed), max(status = 'submitted')
             FROM scores WHERE {OWN_PANEL_ROWS}
             GROUP BY candidate_id ORDER BY candidate_id"
        ))?;
        let rows = stmt.query_map(params![campaign_id, assessor_id], |r| {
            Ok(OwnProgress {
                candidate_id: r.get(0)?,
                assessor_id,
                marked: r.get(1)?,
                submitted: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every submitted score of a campaign, with evidence, by candidate reference then
    /// assessor then criterion order (for exports).
    pub(crate) fn submitted_scores(&self, campaign_id: CampaignId) -> Result<Vec<Score>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {} FROM scores s JOIN ranked_candidates c ON c.id = s.candidate_id
             WHERE c.campaign_id = ?1 AND s.status = 'submitted'
             ORDER BY c.reference, s.assessor_id, s.criterion_key",
            SCORE_COLUMNS
                .split(", ")
                .map(|c| format!("s.{}", c.trim()))
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
        let rows = stmt.query_map([campaign_id], score_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
