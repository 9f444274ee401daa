//! The signed-in user's roles, and the checks that refuse an action with a sentence saying
//! who may do it.

use super::Session;
use crate::model::{Assessor, AssessorRole, CampaignId, Candidate, CandidateId};
use crate::{Error, Result};

/// What the signed-in user is in one campaign: HR administrator or not, and their assessor
/// records there (the roles member, chair and moderator).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Roles {
    /// The campaign.
    pub campaign_id: CampaignId,
    /// Whether the user is an HR administrator (of the whole database).
    pub hr_admin: bool,
    /// The user's assessor records in the campaign.
    pub records: Vec<Assessor>,
    /// The candidates the user declared a conflict of interest with: they neither see nor
    /// score them.
    pub conflicts: Vec<CandidateId>,
    /// Whether every panel the user scores on has had their conflicts stated (declared, or
    /// confirmed none); scoring waits for it.
    pub conflicts_stated: bool,
    /// The exercises scores are kept under ([`crate::model::Scorecard::scored_exercises`]):
    /// which of them a candidate sits before the user's panel decides what the user scores.
    pub exercises: Vec<Option<String>>,
}

impl Roles {
    /// The user's moderator record, if they moderate the campaign.
    pub fn moderator(&self) -> Option<&Assessor> {
        self.records
            .iter()
            .find(|a| a.role == AssessorRole::Moderator)
    }

    /// The user's scoring record (member or chair) that assesses the candidate in at least one
    /// exercise (the panel the candidate sits it before, within the record's own limit).
    pub fn scorer_of(&self, candidate: &Candidate) -> Option<&Assessor> {
        self.records
            .iter()
            .find(|a| candidate.assessed_in_any(a, &self.exercises))
    }

    /// The user's scoring record that assesses the candidate in `exercise`.
    pub fn scorer_in(&self, candidate: &Candidate, exercise: Option<&str>) -> Option<&Assessor> {
        self.records
            .iter()
            .find(|a| candidate.assessed_by(a, exercise))
    }

    /// Whether the user scores anywhere in the campaign.
    pub fn scores(&self) -> bool {
        self.records.iter().any(|a| a.role.scores())
    }

    /// Whether the user has any part in the campaign (a record, or HR administration).
    pub fn takes_part(&self) -> bool {
        self.hr_admin || !self.records.is_empty()
    }

    /// Whether the user declared a conflict of interest with the candidate.
    pub fn conflicted(&self, candidate_id: CandidateId) -> bool {
        self.conflicts.contains(&candidate_id)
    }

    /// Whether the user may see this candidate: HR administrators and moderators see every
    /// candidate; members and chairs those they assess in some exercise, but for those they
    /// declared a conflict of interest with.
    pub fn sees(&self, candidate: &Candidate) -> bool {
        self.hr_admin
            || self.moderator().is_some()
            || (self.scorer_of(candidate).is_some() && !self.conflicted(candidate.id))
    }
}

impl Session {
    /// The signed-in user's roles in a campaign.
    pub fn roles(&self, campaign_id: CampaignId) -> Result<Roles> {
        let conflicts = self.store.conflict_status(&self.user.login, campaign_id)?;
        let records = self.store.records_of(&self.user.login, campaign_id)?;
        // Only a scorer's rules depend on the exercises: the scorecard is read for them alone
        // (a kept copy on a server).
        let exercises = if records.iter().any(|a| a.role.scores()) {
            self.store
                .pinned_campaign(campaign_id)?
                .scorecard
                .scored_exercises()
        } else {
            Vec::new()
        };
        Ok(Roles {
            campaign_id,
            hr_admin: self.user.hr_admin,
            records,
            conflicts: conflicts.conflicted,
            conflicts_stated: conflicts.unstated.is_empty(),
            exercises,
        })
    }

    /// "…; you are working as NAME (login)", the tail of every refusal.
    pub(super) fn refuse(&self, who_may: &str, action: &str) -> Error {
        Error::Forbidden(format!(
            "only {who_may} may {action}; you are working as {} ({})",
            self.user.name, self.user.login
        ))
    }

    /// Fails unless the user is an HR administrator.
    pub(super) fn require_hr_admin(&self, action: &str) -> Result<()> {
        if self.user.hr_admin {
            Ok(())
        } else {
            Err(self.refuse("an HR administrator", action))
        }
    }

    /// The user's moderator record in the campaign, or a refusal.
    pub(super) fn require_moderator(
        &self,
        campaign_id: CampaignId,
        action: &str,
    ) -> Result<Assessor> {
        self.roles(campaign_id)?
            .moderator()
            .cloned()
            .ok_or_else(|| self.refuse("a moderator of this campaign", action))
    }

    /// The user's roles, or a refusal when they have no part in the campaign.
    pub(super) fn require_part(&self, campaign_id: CampaignId, action: &str) -> Result<Roles> {
        let roles = self.roles(campaign_id)?;
        if roles.takes_part() {
            Ok(roles)
        } else {
            Err(self.refuse(
                "an HR administrator or someone on this campaign's panels",
                action,
            ))
        }
    }

    /// The user's roles, if they are an HR administrator or moderate the campaign.
    pub(super) fn require_hr_or_moderator(
        &self,
        campaign_id: CampaignId,
        action: &str,
    ) -> Result<Roles> {
        let roles = self.roles(campaign_id)?;
        if roles.hr_admin || roles.moderator().is_some() {
            Ok(roles)
        } else {
            Err(self.refuse(
                "an HR administrator or a moderator of this campaign",
                action,
            ))
        }
    }

    /// The candidate, if the user may see them (see [`Roles::sees`]).
    pub(super) fn visible_candidate(
        &self,
        roles: &Roles,
        candidate_id: CandidateId,
    ) -> Result<Candidate> {
        let candidate = self.store.candidate(roles.campaign_id, candidate_id)?;
        if roles.sees(&candidate) {
            Ok(candidate)
        } else {
            Err(self.refuse(
                "a panel that assesses the candidate, a moderator or an HR administrator",
                &format!("see candidate {}", candidate.reference),
            ))
        }
    }
}
