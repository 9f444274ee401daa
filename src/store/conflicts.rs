//! Conflicts of interest. Before a panel member or chair scores in a campaign they state their
//! conflicts: they declare each candidate they have a conflict with (with a reason), or
//! confirm they have none. A conflicted assessor neither sees nor scores that candidate, and
//! the panel agrees that candidate's scores without waiting for them.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use super::campaigns::{require_state, required_text, BEFORE_SIGN_OFF};
use super::people::{load_assessor, load_candidate};
use super::personal::committed;
use super::{Store, Tx};
use crate::model::{Assessor, AssessorId, AuditAction, CampaignId, Candidate, CandidateId};
use crate::{Error, Result};

/// One declared conflict of interest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ConflictDeclaration {
    /// The declaring assessor record.
    pub assessor_id: AssessorId,
    /// Their name.
    pub assessor: String,
    /// The candidate.
    pub candidate_id: CandidateId,
    /// The candidate's reference.
    pub candidate: String,
    /// Why (text about the candidate: audited as a commitment, blanked by erasure).
    pub reason: String,
    /// When it was declared.
    pub declared_at: String,
}

/// The field name a conflict's reason is committed under (and replayed as).
pub(crate) const CONFLICT_REASON: &str = "reason";

/// What one user has stated about conflicts in one campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ConflictStatus {
    /// The candidates any of their records declared a conflict with.
    pub conflicted: Vec<CandidateId>,
    /// Their scoring records that have not yet stated their conflicts.
    pub unstated: Vec<AssessorId>,
}

/// Whether the assessor has declared a conflict with the candidate.
pub(crate) fn is_conflicted(
    conn: &Connection,
    assessor_id: AssessorId,
    candidate_id: CandidateId,
) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM conflicts WHERE assessor_id = ?1 AND candidate_id = ?2")?
        .query_row(params![assessor_id, candidate_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Fails when the assessor declared a conflict with the candidate, naming who scores instead.
pub(crate) fn check_not_conflicted(
    conn: &Connection,
    assessor: &Assessor,
    candidate: &Candidate,
) -> Result<()> {
    if !is_conflicted(conn, assessor.id, candidate.id)? {
        return Ok(());
    }
    let others: Vec<String> = conn
        .prepare_cached(
            "SELECT a.name FROM assessors a WHERE a.panel_id = ?1 AND a.id <> ?2
               AND a.role IN ('member', 'chair')
               AND NOT EXISTS (SELECT 1 FROM conflicts f WHERE f.assessor_id = a.id AND f.candidate_id = ?3)
             ORDER BY a.id",
        )?
        .query_map(params![assessor.panel_id, assessor.id, candidate.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let instead = if others.is_empty() {
        "nobody else on the panel is free to: an HR administrator must move the candidate to another panel".to_owned()
    } else {
        format!("{} may score them instead", others.join(", "))
    };
    Err(Error::Forbidden(format!(
        "{} declared a conflict of interest with {}; {instead}",
        assessor.name, candidate.reference
    )))
}

fn require_scorer(
    tx: &Tx<'_>,
    campaign_id: CampaignId,
    assessor_id: AssessorId,
) -> Result<Assessor> {
    let assessor = load_assessor(tx.conn(), campaign_id, assessor_id)?;
    if !assessor.role.scores() {
        return Err(Error::Forbidden(format!(
            "{} is a {} and does not score, so has no conflicts to state",
            assessor.name,
            assessor.role.as_str()
        )));
    }
    Ok(assessor)
}

impl Store {
    /// The assessor declares a conflict of interest with a candidate of their panel, with a
    /// reason. Refused once they have submitted scores for the candidate (a moderator then
    /// decides what to do with those).
    pub(crate) fn declare_conflict(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<ConflictDeclaration> {
        let reason = required_text("conflict.reason", reason)?.to_owned();
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, BEFORE_SIGN_OFF, "declaring a conflict of interest")?;
            let assessor = require_scorer(tx, campaign_id, assessor_id)?;
            let candidate = load_candidate(tx.conn(), campaign_id, candidate_id)?;
            super::scores::check_seat(&campaign, &assessor, &candidate, None)?;
            if is_conflicted(tx.conn(), assessor.id, candidate.id)? {
                return Err(Error::Conflict(format!(
                    "{} has already declared a conflict of interest with {}",
                    assessor.name, candidate.reference
                )));
            }
            if super::scores::has_submitted(tx.conn(), candidate.id, assessor.id)? {
                return Err(Error::Conflict(format!(
                    "{} has already submitted scores for {}; tell a moderator, who decides what \
                     happens to them",
                    assessor.name, candidate.reference
                )));
            }
            tx.conn().execute(
                "INSERT INTO conflicts (assessor_id, candidate_id, reason, declared_at) VALUES (?1, ?2, ?3, ?4)",
                params![assessor.id, candidate.id, reason, tx.now()],
            )?;
            tx.audit(
                AuditAction::ConflictDeclare,
                &format!("campaign/{campaign_id}/candidate/{}/assessor/{}", candidate.id, assessor.id),
                None,
                Some(json!({
                    "assessor": assessor.name,
                    "reference": candidate.reference,
                    "reason": committed(tx.conn(), candidate.id, CONFLICT_REASON, Some(&reason))?,
                })),
            )?;
            Ok(ConflictDeclaration {
                assessor_id: assessor.id,
                assessor: assessor.name,
                candidate_id: candidate.id,
                candidate: candidate.reference,
                reason,
                declared_at: tx.now().to_owned(),
            })
        })
    }

    /// The assessor confirms they have no (further) conflicts of interest in the campaign.
    pub(crate) fn confirm_no_conflicts(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(
                &campaign,
                BEFORE_SIGN_OFF,
                "confirming no conflicts of interest",
            )?;
            let assessor = require_scorer(tx, campaign_id, assessor_id)?;
            let declared: i64 = tx.conn().query_row(
                "SELECT count(*) FROM conflicts WHERE assessor_id = ?1",
                [assessor.id],
                |r| r.get(0),
            )?;
            tx.conn().execute(
                "UPDATE assessors SET conflicts_confirmed_at = ?2 WHERE id = ?1",
                params![assessor.id, tx.now()],
            )?;
            tx.audit(
                AuditAction::ConflictConfirmNone,
                &format!("campaign/{campaign_id}/assessor/{}", assessor.id),
                None,
                Some(json!({ "assessor": assessor.name, "declared": declared })),
            )
        })
    }

    /// Every conflict declared in a campaign, by candidate reference then assessor.
    pub(crate) fn conflicts(&self, campaign_id: CampaignId) -> Result<Vec<ConflictDeclaration>> {
        let mut stmt = self.conn().prepare(
            "SELECT f.assessor_id, a.name, f.candidate_id, c.reference, f.reason, f.declared_at
             FROM conflicts f JOIN assessors a ON a.id = f.assessor_id
                              JOIN candidates c ON c.id = f.candidate_id
             WHERE a.campaign_id = ?1 ORDER BY c.reference, a.id",
        )?;
        let rows = stmt.query_map([campaign_id], |r| {
            Ok(ConflictDeclaration {
                assessor_id: r.get(0)?,
                assessor: r.get(1)?,
                candidate_id: r.get(2)?,
                candidate: r.get(3)?,
                reason: r.get(4)?,
                declared_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the user `login` has stated about conflicts in the campaign.
    pub(crate) fn conflict_status(
        &self,
        login: &str,
        campaign_id: CampaignId,
    ) -> Result<ConflictStatus> {
        let conn = self.conn();
        let conflicted = conn
            .prepare_cached(
                "SELECT f.candidate_id FROM conflicts f JOIN assessors a ON a.id = f.assessor_id
                 WHERE a.login = ?1 AND a.campaign_id = ?2 ORDER BY f.candidate_id",
            )?
            .query_map(params![login, campaign_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let unstated = conn
            .prepare_cached(
                "SELECT a.id FROM assessors a WHERE a.login = ?1 AND a.campaign_id = ?2
                   AND a.role IN ('member', 'chair') AND a.conflicts_confirmed_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM conflicts f WHERE f.assessor_id = a.id)
                 ORDER BY a.id",
            )?
            .query_map(params![login, campaign_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ConflictStatus {
            conflicted,
            unstated,
        })
    }
}
