//! Which panel a candidate sits each exercise before (see `model::placement`), in the local
//! file; the rule every backend applies before a placement changes.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::campaigns::require_state;
use super::people::{check_panel, load_candidate, PEOPLE_STATES};
use super::Store;
use crate::model::{
    AuditAction, Campaign, CampaignId, Candidate, CandidateId, ExercisePanel, PanelId,
};
use crate::{Error, Result};

/// The placements of every candidate of a campaign, by candidate.
pub(crate) fn placements_of_campaign(
    conn: &Connection,
    campaign_id: CampaignId,
) -> Result<HashMap<CandidateId, Vec<ExercisePanel>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.candidate_id, e.exercise, e.panel_id FROM candidate_exercise_panels e
         JOIN candidates c ON c.id = e.candidate_id WHERE c.campaign_id = ?1
         ORDER BY e.candidate_id, e.exercise",
    )?;
    let mut placed: HashMap<CandidateId, Vec<ExercisePanel>> = HashMap::new();
    let rows = stmt.query_map([campaign_id], |r| {
        Ok((
            r.get::<_, CandidateId>(0)?,
            ExercisePanel {
                exercise: r.get(1)?,
                panel_id: r.get(2)?,
            },
        ))
    })?;
    for row in rows {
        let (candidate, placement) = row?;
        placed.entry(candidate).or_default().push(placement);
    }
    Ok(placed)
}

/// Fills in each candidate's placements.
pub(crate) fn attach(
    conn: &Connection,
    campaign_id: CampaignId,
    candidates: &mut [Candidate],
) -> Result<()> {
    let mut placed = placements_of_campaign(conn, campaign_id)?;
    for candidate in candidates {
        candidate.exercise_panels = placed.remove(&candidate.id).unwrap_or_default();
    }
    Ok(())
}

/// One candidate's placements.
pub(crate) fn placements_of(
    conn: &Connection,
    candidate_id: CandidateId,
) -> Result<Vec<ExercisePanel>> {
    let mut stmt = conn.prepare_cached(
        "SELECT exercise, panel_id FROM candidate_exercise_panels WHERE candidate_id = ?1 ORDER BY exercise",
    )?;
    let rows = stmt.query_map([candidate_id], |r| {
        Ok(ExercisePanel {
            exercise: r.get(0)?,
            panel_id: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What every backend checks before placing a candidate's exercise: the campaign still takes
/// changes to its people, has several exercises, and `exercise` is one of them. Returns the
/// exercise's key as the scorecard spells it.
pub(crate) fn check_placement(campaign: &Campaign, exercise: &str) -> Result<String> {
    require_state(
        campaign,
        PEOPLE_STATES,
        "placing a candidate before a panel",
    )?;
    if !campaign.scorecard.has_several_exercises() {
        return Err(Error::invalid(
            "placement.exercise",
            "this campaign has one exercise: the candidate sits it before their own panel",
        ));
    }
    let exercise = exercise.trim();
    campaign
        .scorecard
        .exercises
        .iter()
        .find(|e| e.key == exercise || e.name.eq_ignore_ascii_case(exercise))
        .map(|e| e.key.clone())
        .ok_or_else(|| {
            let known: Vec<String> = campaign
                .scorecard
                .exercises
                .iter()
                .map(|e| format!("{} ({})", e.key, e.name))
                .collect();
            Error::invalid(
                "placement.exercise",
                format!(
                    "'{exercise}' is not an exercise of this campaign; it has {}",
                    known.join(", ")
                ),
            )
        })
}

/// What placing `exercise` before `panel` changes, as (the placed panel before, after);
/// `None` (and after `None`) is the candidate's own panel, so placing an exercise before the
/// candidate's own panel removes its placement. Nothing when it changes nothing.
pub(crate) fn placement_change(
    candidate: &Candidate,
    exercise: &str,
    panel: Option<PanelId>,
) -> Option<(Option<PanelId>, Option<PanelId>)> {
    let after = panel.filter(|p| Some(*p) != candidate.panel_id);
    let before = candidate
        .exercise_panels
        .iter()
        .find(|p| p.exercise == exercise)
        .map(|p| p.panel_id);
    (before != after).then_some((before, after))
}

/// The refusal when the candidate has been scored in the exercise already: their scores
/// would stay with a panel that no longer assesses them.
pub(crate) fn scored_already(candidate: &Candidate, exercise: &str) -> Error {
    Error::Conflict(format!(
        "{} has been scored in exercise {exercise} already: the panel that assesses them there \
         cannot change",
        candidate.reference
    ))
}

impl Store {
    /// Places the candidate's `exercise` before `panel` (`None`, or their own panel: back
    /// before their own panel). Refused once anyone has scored them in that exercise.
    pub(crate) fn place_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        exercise: &str,
        panel: Option<PanelId>,
    ) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            let exercise = check_placement(&campaign, exercise)?;
            check_panel(tx.conn(), campaign_id, panel, "placement.panel")?;
            let mut candidate = load_candidate(tx.conn(), campaign_id, candidate_id)?;
            candidate.exercise_panels = placements_of(tx.conn(), candidate_id)?;
            let Some((before, panel)) = placement_change(&candidate, &exercise, panel) else {
                return Ok(());
            };
            let scored: Option<i64> = tx
                .conn()
                .query_row(
                    "SELECT 1 FROM scores WHERE candidate_id = ?1
                       AND substr(criterion_key, instr(criterion_key, '@') + 1) = ?2
                       AND instr(criterion_key, '@') > 0 LIMIT 1",
                    params![candidate_id, exercise],
                    |r| r.get(0),
                )
                .optional()?;
            if scored.is_some() {
                return Err(scored_already(&candidate, &exercise));
            }
            match panel {
                Some(panel) => tx.conn().execute(
                    "INSERT INTO candidate_exercise_panels (candidate_id, exercise, panel_id)
                     VALUES (?1, ?2, ?3)
                     ON CONFLICT (candidate_id, exercise) DO UPDATE SET panel_id = excluded.panel_id",
                    params![candidate_id, exercise, panel],
                )?,
                None => tx.conn().execute(
                    "DELETE FROM candidate_exercise_panels WHERE candidate_id = ?1 AND exercise = ?2",
                    params![candidate_id, exercise],
                )?,
            };
            tx.audit(
                AuditAction::CandidateExercisePanel,
                &format!("campaign/{campaign_id}/candidate/{candidate_id}/exercise/{exercise}"),
                Some(json!({ "panel_id": before })),
                Some(json!({ "panel_id": panel })),
            )
        })
    }
}

/// Setup → scoring on every backend: each candidate still in the campaign sits each exercise
/// before a panel with a member or chair who assesses it (a panel of seats all limited to the
/// interview cannot take a candidate's written test).
pub(crate) fn check_every_exercise_assessed(
    campaign: &Campaign,
    candidates: &[Candidate],
    assessors: &[crate::model::Assessor],
) -> Result<()> {
    let exercises = campaign.scorecard.scored_exercises();
    let mut unassessed = Vec::new();
    // A withdrawn candidate needs no more scores.
    for candidate in candidates.iter().filter(|c| c.withdrawal.is_none()) {
        for exercise in &exercises {
            let exercise = exercise.as_deref();
            if !assessors.iter().any(|a| candidate.assessed_by(a, exercise)) {
                unassessed.push(
                    match exercise.and_then(|e| campaign.scorecard.exercise(e)) {
                        Some(e) => format!("{} ({})", candidate.reference, e.name),
                        None => candidate.reference.clone(),
                    },
                );
            }
        }
        if unassessed.len() >= 5 {
            break;
        }
    }
    if unassessed.is_empty() {
        return Ok(());
    }
    unassessed.truncate(5);
    Err(Error::Conflict(format!(
        "every candidate needs, for each exercise, a panel with at least one scoring member who \
         assesses it; not yet: {}",
        unassessed.join(", ")
    )))
}
