//! Withdrawal: a candidate leaves the campaign before sign-off. They leave the merit list,
//! results, statistics and exports (the view `ranked_candidates`, migration 006) and no longer
//! hold up sign-off; their data stays, like everyone's, until retention.

use rusqlite::params;
use serde_json::json;

use super::campaigns::{require_state, required_text, BEFORE_SIGN_OFF};
use super::people::load_candidate;
use super::personal::committed;
use super::Store;
use crate::model::{AuditAction, CampaignId, CandidateId};
use crate::{Error, Result};

impl Store {
    /// Withdraws a candidate, with a reason. The reason is text about the candidate, so the
    /// audit event holds a commitment to it (see [`super::personal`]); erasure blanks it.
    pub(crate) fn withdraw_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()> {
        let reason = required_text("withdrawal.reason", reason)?.to_owned();
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, BEFORE_SIGN_OFF, "withdrawing a candidate")?;
            let candidate = load_candidate(tx.conn(), campaign_id, candidate_id)?;
            if let Some(withdrawal) = &candidate.withdrawal {
                return Err(Error::Conflict(format!(
                    "{} was already withdrawn on {}",
                    candidate.reference, withdrawal.at
                )));
            }
            tx.conn().execute(
                "UPDATE candidates SET withdrawn_at = ?2, withdrawal_reason = ?3 WHERE id = ?1",
                params![candidate_id, tx.now(), reason],
            )?;
            tx.audit(
                AuditAction::CandidateWithdraw,
                &format!("campaign/{campaign_id}/candidate/{candidate_id}"),
                Some(json!({ "reference": candidate.reference, "state": campaign.state.as_str() })),
                Some(json!({
                    "reference": candidate.reference,
                    "reason": committed(tx.conn(), candidate_id, WITHDRAWAL_REASON, Some(&reason))?,
                })),
            )
        })
    }
}

/// The field name a withdrawal reason is committed under (and replayed as).
pub(crate) const WITHDRAWAL_REASON: &str = "withdrawal reason";
