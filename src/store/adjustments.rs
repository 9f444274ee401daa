//! Reasonable adjustments: one note per candidate, set by an HR administrator, for the
//! candidate's panel (extra time, a step-free room, questions in writing…). It is never part
//! of the results or the merit list; the candidate's own pack prints it.

use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::campaigns::{require_state, BEFORE_SIGN_OFF};
use super::people::load_candidate;
use super::personal::committed;
use super::Store;
use crate::model::{AuditAction, CampaignId, CandidateId};
use crate::{Error, Result};

/// The field name the note is committed under (and replayed as).
pub(crate) const ADJUSTMENTS: &str = "adjustments";

/// The longest note accepted.
const MAX_ADJUSTMENTS_CHARS: usize = 2000;

/// The note to store: trimmed, at most [`MAX_ADJUSTMENTS_CHARS`], none when blank.
pub(crate) fn checked_note(note: &str) -> Result<Option<String>> {
    let note = note.trim();
    if note.chars().count() > MAX_ADJUSTMENTS_CHARS {
        return Err(Error::invalid(
            "adjustments.note",
            format!("is longer than {MAX_ADJUSTMENTS_CHARS} characters"),
        ));
    }
    Ok((!note.is_empty()).then(|| note.to_owned()))
}

impl Store {
    /// Sets (or, with an empty note, clears) a candidate's reasonable adjustments. The audit
    /// event holds a commitment to the note, never the note: it is often about health.
    pub(crate) fn set_adjustments(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        note: &str,
    ) -> Result<()> {
        let note = checked_note(note)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(
                &campaign,
                BEFORE_SIGN_OFF,
                "setting reasonable adjustments",
            )?;
            load_candidate(tx.conn(), campaign_id, candidate_id)?;
            let before = adjustments_of(tx.conn(), candidate_id)?;
            tx.conn().execute(
                "UPDATE candidates SET adjustments = ?2 WHERE id = ?1",
                params![candidate_id, note],
            )?;
            tx.audit(
                AuditAction::CandidateAdjustments,
                &format!("campaign/{campaign_id}/candidate/{candidate_id}"),
                Some(json!({ "adjustments": committed(tx.conn(), candidate_id, ADJUSTMENTS, before.as_deref())? })),
                Some(json!({ "adjustments": committed(tx.conn(), candidate_id, ADJUSTMENTS, note.as_deref())? })),
            )
        })
    }

    /// A candidate's reasonable adjustments, if any.
    pub(crate) fn adjustments(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Option<String>> {
        load_candidate(self.conn(), campaign_id, candidate_id)?;
        adjustments_of(self.conn(), candidate_id)
    }
}

fn adjustments_of(
    conn: &rusqlite::Connection,
    candidate_id: CandidateId,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT adjustments FROM candidates WHERE id = ?1",
            [candidate_id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}
