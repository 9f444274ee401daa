//! What happens to people during a campaign: withdrawals, conflicts of interest and
//! reasonable adjustments.

use super::Session;
use crate::model::{AssessorId, CampaignId, CandidateId};
use crate::store::ConflictDeclaration;
use crate::{Error, Result};

impl Session {
    /// Withdraws a candidate with a reason, at any stage before sign-off (an HR administrator
    /// or a moderator of the campaign). They leave the merit list and results and no longer
    /// hold up sign-off; their data stays until retention.
    pub fn withdraw_candidate(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()> {
        self.require_hr_or_moderator(campaign_id, "withdraw a candidate")?;
        let actor = self.actor().to_owned();
        self.store
            .withdraw_candidate(&actor, campaign_id, candidate_id, reason)
    }

    /// The user declares a conflict of interest with a candidate of their panel, with a
    /// reason. From then on they neither see nor score that candidate.
    pub fn declare_conflict(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<ConflictDeclaration> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.store.candidate(campaign_id, candidate_id)?;
        let record = roles.scorer_of(&candidate).cloned().ok_or_else(|| {
            self.refuse(
                "a member or chair of the panel that interviews the candidate",
                &format!(
                    "declare a conflict of interest with {}",
                    candidate.reference
                ),
            )
        })?;
        let actor = self.actor().to_owned();
        self.store
            .declare_conflict(&actor, campaign_id, record.id, candidate_id, reason)
    }

    /// The user confirms they have no (further) conflicts of interest with the campaign's
    /// candidates, for every panel they sit on there.
    pub fn confirm_no_conflicts(&mut self, campaign_id: CampaignId) -> Result<()> {
        let roles = self.roles(campaign_id)?;
        let records: Vec<AssessorId> = roles
            .records
            .iter()
            .filter(|a| a.role.scores())
            .map(|a| a.id)
            .collect();
        if records.is_empty() {
            return Err(self.refuse(
                "a member or chair of one of this campaign's panels",
                "confirm no conflicts of interest",
            ));
        }
        let actor = self.actor().to_owned();
        for record in records {
            self.store
                .confirm_no_conflicts(&actor, campaign_id, record)?;
        }
        Ok(())
    }

    /// The conflicts declared in a campaign: every one for an HR administrator or a moderator,
    /// the user's own for a member or chair.
    pub fn conflicts(&self, campaign_id: CampaignId) -> Result<Vec<ConflictDeclaration>> {
        let roles = self.require_part(campaign_id, "see declared conflicts of interest")?;
        let all = self.store.conflicts(campaign_id)?;
        if roles.hr_admin || roles.moderator().is_some() {
            return Ok(all);
        }
        Ok(all
            .into_iter()
            .filter(|d| roles.records.iter().any(|a| a.id == d.assessor_id))
            .collect())
    }

    /// Sets a candidate's reasonable adjustments (HR administrators only); an empty note
    /// clears them.
    pub fn set_adjustments(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        note: &str,
    ) -> Result<()> {
        self.require_hr_admin("set reasonable adjustments")?;
        let actor = self.actor().to_owned();
        self.store
            .set_adjustments(&actor, campaign_id, candidate_id, note)
    }

    /// A candidate's reasonable adjustments: for an HR administrator, and for the members and
    /// chair of the candidate's panel (not a conflicted one). Moderators do not need them to
    /// moderate, and they are never part of the results.
    pub fn adjustments(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Option<String>> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.visible_candidate(&roles, candidate_id)?;
        let on_panel = roles.scorer_of(&candidate).is_some();
        if !(roles.hr_admin || on_panel) {
            return Err(self.refuse(
                "the candidate's panel or an HR administrator",
                &format!("see the reasonable adjustments for {}", candidate.reference),
            ));
        }
        self.store.adjustments(campaign_id, candidate_id)
    }

    /// Fails unless every one of the user's scoring records among `assessors` has stated its
    /// conflicts of interest (declared one, or confirmed none).
    pub(super) fn require_conflicts_stated(
        &self,
        campaign_id: CampaignId,
        assessors: &[AssessorId],
    ) -> Result<()> {
        let status = self.store.conflict_status(&self.user.login, campaign_id)?;
        if assessors.iter().any(|a| status.unstated.contains(a)) {
            return Err(Error::Conflict(format!(
                "{}, before you score in this campaign, confirm you have no conflicts of \
                 interest with its candidates, or declare the ones you have",
                self.user.name
            )));
        }
        Ok(())
    }
}
