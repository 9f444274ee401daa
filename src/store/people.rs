//! Panels, assessors and candidates of a campaign.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::campaigns::{require_state, required_text, BEFORE_SIGN_OFF};
use super::{Store, Tx};
use crate::import::{candidates as candidate_csv, ImportError, RowError};
use crate::model::{
    Assessor, AssessorId, AssessorRole, AuditAction, CampaignId, CampaignState, Candidate,
    CandidateId, Panel, PanelId, Withdrawal,
};
use crate::{Error, Result};

/// People may be added or changed while the campaign is being set up or scored (late
/// additions happen), never once moderation has begun.
pub(crate) const PEOPLE_STATES: &[CampaignState] = &[CampaignState::Setup, CampaignState::Scoring];

/// A candidate as entered in the setup screen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct NewCandidate {
    /// Campaign reference (unique in the campaign).
    pub reference: String,
    /// Full name.
    pub name: String,
    /// Email, if known.
    pub email: Option<String>,
    /// Panel that interviews them.
    pub panel_id: Option<PanelId>,
    /// Interview slot.
    pub slot: Option<String>,
}

fn candidate_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Candidate> {
    Ok(Candidate {
        id: r.get(0)?,
        campaign_id: r.get(1)?,
        reference: r.get(2)?,
        name: r.get(3)?,
        email: r.get(4)?,
        panel_id: r.get(5)?,
        slot: r.get(6)?,
        withdrawal: match r.get::<_, Option<String>>(7)? {
            Some(at) => Some(Withdrawal {
                reason: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                at,
            }),
            None => None,
        },
        // Filled in by the caller from candidate_exercise_panels (store::placements).
        exercise_panels: Vec::new(),
    })
}

const CANDIDATE_COLUMNS: &str =
    "id, campaign_id, reference, name, email, panel_id, slot, withdrawn_at, withdrawal_reason";

pub(crate) fn load_candidate(
    conn: &Connection,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> Result<Candidate> {
    conn.prepare_cached(&format!(
        "SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE id = ?1 AND campaign_id = ?2 AND erased_at IS NULL"
    ))?
    .query_row(params![candidate_id, campaign_id], candidate_from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("candidate", candidate_id))
    .and_then(|mut candidate| {
        candidate.exercise_panels = super::placements::placements_of(conn, candidate_id)?;
        Ok(candidate)
    })
}

/// The campaign's listed candidates (erased ones left out), in reference order, with their
/// placements.
pub(crate) fn load_candidates(
    conn: &Connection,
    campaign_id: CampaignId,
) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CANDIDATE_COLUMNS} FROM listed_candidates WHERE campaign_id = ?1 ORDER BY reference"
    ))?;
    let rows = stmt.query_map([campaign_id], candidate_from_row)?;
    let mut candidates: Vec<Candidate> = rows.collect::<rusqlite::Result<_>>()?;
    super::placements::attach(conn, campaign_id, &mut candidates)?;
    Ok(candidates)
}

/// The campaign's assessors and moderators, by id.
pub(crate) fn load_assessors(conn: &Connection, campaign_id: CampaignId) -> Result<Vec<Assessor>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, campaign_id, name, role, panel_id, login, exercise FROM assessors WHERE campaign_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([campaign_id], assessor_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn load_assessor(
    conn: &Connection,
    campaign_id: CampaignId,
    assessor_id: AssessorId,
) -> Result<Assessor> {
    conn.prepare_cached(
        "SELECT id, campaign_id, name, role, panel_id, login, exercise FROM assessors WHERE id = ?1 AND campaign_id = ?2",
    )?
    .query_row(params![assessor_id, campaign_id], assessor_from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("assessor", assessor_id))
}

pub(crate) fn assessor_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Assessor> {
    let role: String = r.get(3)?;
    Ok(Assessor {
        id: r.get(0)?,
        campaign_id: r.get(1)?,
        name: r.get(2)?,
        role: AssessorRole::parse(&role).unwrap_or(AssessorRole::Member),
        panel_id: r.get(4)?,
        login: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
        exercise: r.get(6)?,
    })
}

pub(crate) fn check_panel(
    conn: &Connection,
    campaign_id: CampaignId,
    panel_id: Option<PanelId>,
    field: &str,
) -> Result<()> {
    if let Some(panel_id) = panel_id {
        let found: Option<i64> = conn
            .query_row(
                "SELECT 1 FROM panels WHERE id = ?1 AND campaign_id = ?2",
                params![panel_id, campaign_id],
                |r| r.get(0),
            )
            .optional()?;
        if found.is_none() {
            return Err(Error::invalid(
                field,
                format!("panel {panel_id} is not a panel of campaign {campaign_id}"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn check_candidate_fields(c: &NewCandidate) -> Result<()> {
    required_text("candidate.reference", &c.reference)?;
    required_text("candidate.name", &c.name)?;
    Ok(())
}

fn insert_candidate(tx: &Tx<'_>, campaign_id: CampaignId, c: &NewCandidate) -> Result<CandidateId> {
    let clash: Option<String> = tx
        .conn()
        .query_row(
            "SELECT reference FROM candidates WHERE campaign_id = ?1 AND lower(reference) = lower(?2)",
            params![campaign_id, c.reference.trim()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(existing) = clash {
        return Err(Error::invalid(
            "candidate.reference",
            format!("'{existing}' is already used in this campaign"),
        ));
    }
    tx.conn().execute(
        "INSERT INTO candidates (campaign_id, reference, name, email, panel_id, slot) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![campaign_id, c.reference.trim(), c.name.trim(), c.email, c.panel_id, c.slot],
    )?;
    let id = CandidateId(tx.conn().last_insert_rowid());
    super::personal::create_secret(tx.conn(), id)?;
    let stored = load_candidate(tx.conn(), campaign_id, id)?;
    tx.audit(
        AuditAction::CandidateCreate,
        &format!("campaign/{campaign_id}/candidate/{id}"),
        None,
        Some(candidate_json(tx.conn(), &stored)?),
    )?;
    Ok(id)
}

/// A candidate as an audit event records them: the reference and panel as they are, the
/// name, email and slot only as commitments (see [`super::personal`]).
fn candidate_json(conn: &Connection, c: &Candidate) -> Result<serde_json::Value> {
    use super::personal::committed;
    Ok(json!({
        "reference": c.reference,
        "panel_id": c.panel_id,
        "name": committed(conn, c.id, "name", Some(&c.name))?,
        "email": committed(conn, c.id, "email", c.email.as_deref())?,
        "slot": committed(conn, c.id, "slot", c.slot.as_deref())?,
    }))
}

impl Store {
    /// Adds a panel.
    pub(crate) fn add_panel(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        name: &str,
    ) -> Result<PanelId> {
        let name = required_text("panel.name", name)?.to_owned();
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, PEOPLE_STATES, "adding a panel")?;
            tx.conn()
                .execute(
                    "INSERT INTO panels (campaign_id, name) VALUES (?1, ?2)",
                    params![campaign_id, name],
                )
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        Error::invalid(
                            "panel.name",
                            format!("'{name}' already exists in this campaign"),
                        )
                    }
                    e => e.into(),
                })?;
            let id = PanelId(tx.conn().last_insert_rowid());
            tx.audit(
                AuditAction::PanelCreate,
                &format!("campaign/{campaign_id}/panel/{id}"),
                None,
                Some(json!({ "name": name })),
            )?;
            Ok(id)
        })
    }

    /// The campaign's panels.
    pub(crate) fn panels(&self, campaign_id: CampaignId) -> Result<Vec<Panel>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, campaign_id, name FROM panels WHERE campaign_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([campaign_id], |r| {
            Ok(Panel {
                id: r.get(0)?,
                campaign_id: r.get(1)?,
                name: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an assessor. Members and chairs sit on a panel; moderators on none.
    pub(crate) fn add_assessor(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        name: &str,
        role: AssessorRole,
        panel_id: Option<PanelId>,
        login: &str,
    ) -> Result<AssessorId> {
        let name = required_text("assessor.name", name)?.to_owned();
        match (role.scores(), panel_id) {
            (true, None) => {
                return Err(Error::invalid(
                    "assessor.panel",
                    "a panel member or chair must sit on a panel",
                ))
            }
            (false, Some(_)) => {
                return Err(Error::invalid(
                    "assessor.panel",
                    "a moderator sits on no panel",
                ))
            }
            _ => {}
        }
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, PEOPLE_STATES, "adding an assessor")?;
            check_panel(tx.conn(), campaign_id, panel_id, "assessor.panel")?;
            tx.conn().execute(
                "INSERT INTO assessors (campaign_id, name, role, panel_id, login) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![campaign_id, name, role.as_str(), panel_id, login],
            )?;
            let id = AssessorId(tx.conn().last_insert_rowid());
            tx.audit(
                AuditAction::AssessorCreate,
                &format!("campaign/{campaign_id}/assessor/{id}"),
                None,
                Some(json!({ "name": name, "role": role.as_str(), "panel_id": panel_id, "login": login })),
            )?;
            Ok(id)
        })
    }

    /// Limits a member or chair to one exercise of the scorecard (`None`: every exercise).
    /// Refused once they have saved a score: their scores would fall outside it.
    pub(crate) fn set_assessor_exercise(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        exercise: Option<&str>,
    ) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, PEOPLE_STATES, "changing an assessor's exercise")?;
            let assessor = load_assessor(tx.conn(), campaign_id, assessor_id)?;
            check_assessor_exercise(&campaign, &assessor, exercise)?;
            if assessor.exercise.as_deref() == exercise {
                return Ok(());
            }
            let scored: bool = tx.conn().query_row(
                "SELECT EXISTS (SELECT 1 FROM scores WHERE assessor_id = ?1)",
                [assessor_id],
                |r| r.get(0),
            )?;
            if scored {
                return Err(Error::Conflict(format!(
                    "{} has scored already: their exercise cannot change",
                    assessor.name
                )));
            }
            tx.conn().execute(
                "UPDATE assessors SET exercise = ?2 WHERE id = ?1",
                params![assessor_id, exercise],
            )?;
            tx.audit(
                AuditAction::AssessorExercise,
                &format!("campaign/{campaign_id}/assessor/{assessor_id}"),
                Some(json!({ "exercise": assessor.exercise })),
                Some(json!({ "exercise": exercise })),
            )?;
            Ok(())
        })
    }

    /// The campaign's assessors and moderators.
    pub(crate) fn assessors(&self, campaign_id: CampaignId) -> Result<Vec<Assessor>> {
        load_assessors(self.conn(), campaign_id)
    }

    /// Adds one candidate.
    pub(crate) fn add_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate: &NewCandidate,
    ) -> Result<CandidateId> {
        check_candidate_fields(candidate)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, PEOPLE_STATES, "adding a candidate")?;
            check_panel(
                tx.conn(),
                campaign_id,
                candidate.panel_id,
                "candidate.panel",
            )?;
            insert_candidate(tx, campaign_id, candidate)
        })
    }

    /// Changes a candidate's details.
    pub(crate) fn update_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        candidate: &NewCandidate,
    ) -> Result<()> {
        check_candidate_fields(candidate)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, PEOPLE_STATES, "changing a candidate")?;
            check_panel(tx.conn(), campaign_id, candidate.panel_id, "candidate.panel")?;
            let before = load_candidate(tx.conn(), campaign_id, candidate_id)?;
            let clash: Option<CandidateId> = tx
                .conn()
                .query_row(
                    "SELECT id FROM candidates WHERE campaign_id = ?1 AND lower(reference) = lower(?2) AND id <> ?3",
                    params![campaign_id, candidate.reference.trim(), candidate_id],
                    |r| r.get(0),
                )
                .optional()?;
            if clash.is_some() {
                return Err(Error::invalid("candidate.reference", format!("'{}' is already used in this campaign", candidate.reference.trim())));
            }
            tx.conn().execute(
                "UPDATE candidates SET reference = ?2, name = ?3, email = ?4, panel_id = ?5, slot = ?6 WHERE id = ?1",
                params![candidate_id, candidate.reference.trim(), candidate.name.trim(), candidate.email, candidate.panel_id, candidate.slot],
            )?;
            let after = load_candidate(tx.conn(), campaign_id, candidate_id)?;
            tx.audit(
                AuditAction::CandidateUpdate,
                &format!("campaign/{campaign_id}/candidate/{candidate_id}"),
                Some(candidate_json(tx.conn(), &before)?),
                Some(candidate_json(tx.conn(), &after)?),
            )
        })
    }

    /// The campaign's candidates (erased ones left out), in reference order.
    pub(crate) fn candidates(&self, campaign_id: CampaignId) -> Result<Vec<Candidate>> {
        load_candidates(self.conn(), campaign_id)
    }

    /// One candidate.
    pub(crate) fn candidate(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Candidate> {
        load_candidate(self.conn(), campaign_id, candidate_id)
    }

    /// A candidate by their reference.
    pub(crate) fn candidate_by_reference(
        &self,
        campaign_id: CampaignId,
        reference: &str,
    ) -> Result<Candidate> {
        self.conn()
            .query_row(
                &format!("SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE campaign_id = ?1 AND reference = ?2 AND erased_at IS NULL"),
                params![campaign_id, reference],
                candidate_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("candidate", reference))
            .and_then(|mut candidate| {
                candidate.exercise_panels =
                    super::placements::placements_of(self.conn(), candidate.id)?;
                Ok(candidate)
            })
    }

    /// Imports a candidate CSV (see [`crate::import::candidates`]) into a campaign: every row
    /// is checked — including that its panel exists and its reference is new to the campaign —
    /// and either all are added or, on any bad row, none is. Returns the number added.
    pub(crate) fn import_candidates(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize> {
        let rows = candidate_csv::parse(file, bytes)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, PEOPLE_STATES, "importing candidates")?;
            let panels: HashMap<String, PanelId> = tx
                .conn()
                .prepare("SELECT lower(name), id FROM panels WHERE campaign_id = ?1")?
                .query_map([campaign_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let existing: HashMap<String, String> = tx
                .conn()
                .prepare(
                    "SELECT lower(reference), reference FROM candidates WHERE campaign_id = ?1",
                )?
                .query_map([campaign_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let resolved = resolve_rows(file, &rows, &panels, &existing)?;
            // The head before the import, so the import can be checked against it later.
            tx.record_anchor("import", &format!("campaign/{campaign_id}"))?;
            // A cancel returns an error here, so the whole transaction rolls back.
            for (done, candidate) in resolved.iter().enumerate() {
                insert_candidate(tx, campaign_id, candidate)?;
                progress.step(done + 1, resolved.len())?;
            }
            Ok(resolved.len())
        })
    }
}

/// The rows of a candidate file as candidates of a campaign whose panels (by lower-case name)
/// and references (lower-case to as written) are given; every row's problems at once, or none.
/// The same on every backend.
pub(crate) fn resolve_rows(
    file: &str,
    rows: &[candidate_csv::CandidateRow],
    panels: &HashMap<String, PanelId>,
    existing: &HashMap<String, String>,
) -> Result<Vec<NewCandidate>> {
    let mut problems = Vec::new();
    let mut resolved = Vec::with_capacity(rows.len());
    for row in rows {
        let mut row_problems = Vec::new();
        if let Some(existing) = existing.get(&row.reference.to_lowercase()) {
            row_problems.push(format!(
                "reference '{}' is already in this campaign ('{existing}')",
                row.reference
            ));
        }
        let panel_id = match &row.panel {
            None => None,
            Some(name) => match panels.get(&name.to_lowercase()) {
                Some(id) => Some(*id),
                None => {
                    row_problems.push(format!("panel '{name}' does not exist in this campaign"));
                    None
                }
            },
        };
        if row_problems.is_empty() {
            resolved.push(NewCandidate {
                reference: row.reference.clone(),
                name: row.name.clone(),
                email: row.email.clone(),
                panel_id,
                slot: row.slot.clone(),
            });
        } else {
            problems.push(RowError {
                line: row.line,
                message: row_problems.join("; "),
            });
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Rows {
            file: file.to_owned(),
            rows: problems,
        }
        .into());
    }
    Ok(resolved)
}

/// Replaces a candidate's name, email and slot, blanks every text about them (a text that had
/// something in it; a rationale always has), and deletes their secret. The caller records why.
pub(crate) fn erase_personal_data(
    conn: &Connection,
    candidate_id: CandidateId,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE candidates SET name = 'Erased candidate', email = NULL, slot = NULL, erased_at = ?2,
           withdrawal_reason = CASE WHEN withdrawal_reason IS NULL THEN NULL ELSE '[erased on request]' END,
           adjustments = NULL
         WHERE id = ?1",
        params![candidate_id, now],
    )?;
    conn.execute(
        "UPDATE conflicts SET reason = '[erased on request]' WHERE candidate_id = ?1",
        [candidate_id],
    )?;
    conn.execute("UPDATE scores SET evidence = '[erased on request]' WHERE candidate_id = ?1 AND evidence <> ''", [candidate_id])?;
    conn.execute(
        "UPDATE agreed_scores SET rationale = '[erased on request]' WHERE candidate_id = ?1",
        [candidate_id],
    )?;
    conn.execute("UPDATE moderations SET reason = '[erased on request]' WHERE candidate_id = ?1 AND reason <> ''", [candidate_id])?;
    super::personal::forget(conn, candidate_id)
}

impl Store {
    /// Erases a candidate's personal data on a data-protection request: name, email and slot,
    /// and the free text written about them (evidence, rationales, moderation reasons). The
    /// reference and the scores stay (other candidates' results and the statistics depend on
    /// them), the candidate leaves every list, result and export, and the erasure is audited
    /// with its reason. The audit log holds only commitments to the texts (see
    /// [`super::personal`]); the candidate's secret is deleted, so they lead to nothing, and the
    /// chain still verifies. Secure delete zeroes the old text in the file, and the WAL is
    /// checkpointed and truncated so no copy of an old page stays beside it. Events written
    /// before version 4 of the schema held the texts themselves and still do.
    pub(crate) fn erase_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()> {
        let reason = required_text("erase.reason", reason)?.to_owned();
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, BEFORE_SIGN_OFF, "erasing a candidate")?;
            let candidate = load_candidate(tx.conn(), campaign_id, candidate_id)?;
            erase_personal_data(tx.conn(), candidate_id, tx.now())?;
            // The reason stays in the log in clear: why data was erased is part of the record
            // (the CLI and the app ask for a request number, not the person's name).
            tx.audit(
                AuditAction::CandidateErase,
                &format!("campaign/{campaign_id}/candidate/{candidate_id}"),
                Some(json!({ "reference": candidate.reference })),
                Some(json!({ "reference": candidate.reference, "reason": reason })),
            )
        })?;
        self.checkpoint()
    }
}

/// An assessor's exercise must be one of the campaign's, and only members and chairs have
/// one; the same check on every backend (the server's trigger repeats it).
pub(crate) fn check_assessor_exercise(
    campaign: &crate::model::Campaign,
    assessor: &Assessor,
    exercise: Option<&str>,
) -> Result<()> {
    let Some(key) = exercise else {
        return Ok(());
    };
    if !assessor.role.scores() {
        return Err(Error::invalid(
            "assessor.exercise",
            "a moderator assesses no exercise",
        ));
    }
    if campaign.scorecard.exercise(key).is_none() {
        let known: Vec<String> = campaign
            .scorecard
            .exercise_list()
            .into_iter()
            .map(|e| format!("{} ({})", e.key, e.name))
            .collect();
        return Err(Error::invalid(
            "assessor.exercise",
            format!(
                "'{key}' is not an exercise of this campaign; it has {}",
                known.join(", ")
            ),
        ));
    }
    Ok(())
}
