//! HR administration (users, roles, scorecards, campaigns, panels, people, phases, erasure)
//! and the reads every screen needs to find its way.

use std::path::Path;

use super::Session;
use crate::cancel::Progress;
use crate::model::{
    Assessor, AssessorId, AssessorRole, Campaign, CampaignId, Candidate, CandidateId, Panel,
    PanelId, Role, RoleId, Scorecard, ScorecardId, User,
};
use crate::store::{NewCandidate, StoredRole, StoredScorecard};
use crate::{Error, Result};

impl Session {
    /// Every user of the database.
    pub fn users(&self) -> Result<Vec<User>> {
        self.store.users()
    }

    /// Adds a user (HR administrators only).
    pub fn add_user(&mut self, login: &str, name: &str, hr_admin: bool) -> Result<User> {
        self.require_hr_admin("add users")?;
        let actor = self.actor().to_owned();
        self.store.add_user(&actor, login.trim(), name, hr_admin)
    }

    /// Saves a role (HR administrators only).
    pub fn create_role(&mut self, role: &Role) -> Result<RoleId> {
        self.require_hr_admin("save roles")?;
        let actor = self.actor().to_owned();
        self.store.create_role(&actor, role)
    }

    /// Replaces a role's content (HR administrators only).
    pub fn update_role(&mut self, id: RoleId, role: &Role) -> Result<()> {
        self.require_hr_admin("change roles")?;
        let actor = self.actor().to_owned();
        self.store.update_role(&actor, id, role)
    }

    /// One role (templates hold no personal data: anyone signed in may read them).
    pub fn role(&self, id: RoleId) -> Result<StoredRole> {
        self.store.role(id)
    }

    /// Every role.
    pub fn roles_list(&self) -> Result<Vec<StoredRole>> {
        self.store.roles()
    }

    /// Saves a new scorecard template (HR administrators only).
    pub fn create_scorecard(
        &mut self,
        role_id: Option<RoleId>,
        scorecard: &Scorecard,
    ) -> Result<ScorecardId> {
        self.require_hr_admin("build scorecards")?;
        let actor = self.actor().to_owned();
        self.store.create_scorecard(&actor, role_id, scorecard)
    }

    /// Saves an edited scorecard as a new version (HR administrators only).
    pub fn update_scorecard(&mut self, id: ScorecardId, scorecard: &Scorecard) -> Result<i64> {
        self.require_hr_admin("change scorecards")?;
        let actor = self.actor().to_owned();
        self.store.update_scorecard(&actor, id, scorecard)
    }

    /// A scorecard template.
    pub fn scorecard(&self, id: ScorecardId) -> Result<StoredScorecard> {
        self.store.scorecard(id)
    }

    /// Every scorecard template.
    pub fn scorecards(&self) -> Result<Vec<StoredScorecard>> {
        self.store.scorecards()
    }

    /// Starts a campaign (HR administrators only).
    pub fn create_campaign(&mut self, name: &str, scorecard_id: ScorecardId) -> Result<CampaignId> {
        self.require_hr_admin("create campaigns")?;
        let actor = self.actor().to_owned();
        self.store.create_campaign(&actor, name, scorecard_id)
    }

    /// A campaign the user takes part in (every campaign for an HR administrator).
    pub fn campaign(&self, id: CampaignId) -> Result<Campaign> {
        self.require_part(id, "open this campaign")?;
        self.store.campaign(id)
    }

    /// The campaigns the user takes part in (every campaign for an HR administrator).
    pub fn campaigns(&self) -> Result<Vec<Campaign>> {
        let all = self.store.campaigns()?;
        if self.user.hr_admin {
            return Ok(all);
        }
        let mine: std::collections::HashSet<CampaignId> = self
            .store
            .all_records_of(&self.user.login)?
            .iter()
            .map(|a| a.campaign_id)
            .collect();
        Ok(all.into_iter().filter(|c| mine.contains(&c.id)).collect())
    }

    /// Setup → scoring (HR administrators only).
    pub fn start_scoring(&mut self, campaign_id: CampaignId) -> Result<()> {
        self.require_hr_admin("start scoring")?;
        let actor = self.actor().to_owned();
        self.store.start_scoring(&actor, campaign_id)
    }

    /// Scoring → moderation (an HR administrator or a moderator of the campaign).
    pub fn start_moderation(&mut self, campaign_id: CampaignId) -> Result<()> {
        self.require_hr_or_moderator(campaign_id, "start moderation")?;
        let actor = self.actor().to_owned();
        self.store.start_moderation(&actor, campaign_id)
    }

    /// Moderation → scoring, with a reason (an HR administrator or a moderator).
    pub fn return_to_scoring(&mut self, campaign_id: CampaignId, reason: &str) -> Result<()> {
        self.require_hr_or_moderator(campaign_id, "return a campaign to scoring")?;
        let actor = self.actor().to_owned();
        self.store.return_to_scoring(&actor, campaign_id, reason)
    }

    /// Sets the number of posts (an HR administrator or a moderator); once scoring has
    /// started a change needs a reason (see the store's `set_posts`).
    pub fn set_posts(
        &mut self,
        campaign_id: CampaignId,
        posts: Option<u32>,
        reason: Option<&str>,
    ) -> Result<()> {
        self.require_hr_or_moderator(campaign_id, "set the number of posts")?;
        let actor = self.actor().to_owned();
        self.store.set_posts(&actor, campaign_id, posts, reason)
    }

    /// The number of posts (an HR administrator or a moderator).
    pub fn posts(&self, campaign_id: CampaignId) -> Result<Option<u32>> {
        self.require_hr_or_moderator(campaign_id, "see the number of posts")?;
        self.store.posts(campaign_id)
    }

    /// Adds a panel (HR administrators only).
    pub fn add_panel(&mut self, campaign_id: CampaignId, name: &str) -> Result<PanelId> {
        self.require_hr_admin("add panels")?;
        let actor = self.actor().to_owned();
        self.store.add_panel(&actor, campaign_id, name)
    }

    /// The campaign's panels (anyone taking part).
    pub fn panels(&self, campaign_id: CampaignId) -> Result<Vec<Panel>> {
        self.require_part(campaign_id, "see this campaign's panels")?;
        self.store.panels(campaign_id)
    }

    /// Makes the user `login` a member, chair or moderator of a campaign (HR administrators
    /// only). Members and chairs sit on a panel, moderators on none, and nobody moderates a
    /// campaign in which they score.
    pub fn add_assessor(
        &mut self,
        campaign_id: CampaignId,
        login: &str,
        role: AssessorRole,
        panel_id: Option<PanelId>,
    ) -> Result<AssessorId> {
        self.require_hr_admin("add people to a campaign")?;
        let login = login.trim();
        let user = self.store.user(login)?.ok_or_else(|| {
            Error::invalid(
                "assessor.login",
                format!("'{login}' is not a user of this database; add the user first"),
            )
        })?;
        let existing = self.store.records_of(login, campaign_id)?;
        let clash = existing.iter().find(|a| match role {
            AssessorRole::Moderator => a.role.scores(),
            _ => a.role == AssessorRole::Moderator,
        });
        if let Some(clash) = clash {
            return Err(Error::Conflict(format!(
                "{} is a {} in this campaign; nobody moderates a campaign in which they score",
                user.name,
                clash.role.as_str()
            )));
        }
        let actor = self.actor().to_owned();
        self.store
            .add_assessor(&actor, campaign_id, &user.name, role, panel_id, login)
    }

    /// Adds a person to a campaign in one step (HR administrators only): the user `login`
    /// (added, named `name`, when the database has no such user yet) as member, chair or
    /// moderator (see [`Session::add_assessor`]).
    pub fn add_person(
        &mut self,
        campaign_id: CampaignId,
        login: &str,
        name: &str,
        role: AssessorRole,
        panel_id: Option<PanelId>,
    ) -> Result<AssessorId> {
        self.require_hr_admin("add people to a campaign")?;
        if self.store.user(login.trim())?.is_none() {
            self.add_user(login, name, false)?;
        }
        self.add_assessor(campaign_id, login, role, panel_id)
    }

    /// Limits a member or chair to one exercise of the campaign, or (`None`) lets them score
    /// every exercise (HR administrators only; not once they have scored).
    pub fn set_assessor_exercise(
        &mut self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        exercise: Option<&str>,
    ) -> Result<()> {
        self.require_hr_admin("choose which exercise an assessor scores")?;
        let exercise = exercise.map(str::trim).filter(|e| !e.is_empty());
        let actor = self.actor().to_owned();
        self.store
            .set_assessor_exercise(&actor, campaign_id, assessor_id, exercise)
    }

    /// The campaign's assessors and moderators (anyone taking part).
    pub fn assessors(&self, campaign_id: CampaignId) -> Result<Vec<Assessor>> {
        self.require_part(campaign_id, "see this campaign's people")?;
        self.store.assessors(campaign_id)
    }

    /// Adds a candidate (HR administrators only).
    pub fn add_candidate(
        &mut self,
        campaign_id: CampaignId,
        candidate: &NewCandidate,
    ) -> Result<CandidateId> {
        self.require_hr_admin("add candidates")?;
        let actor = self.actor().to_owned();
        self.store.add_candidate(&actor, campaign_id, candidate)
    }

    /// Changes a candidate's details (HR administrators only).
    pub fn update_candidate(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        candidate: &NewCandidate,
    ) -> Result<()> {
        self.require_hr_admin("change candidates")?;
        let actor = self.actor().to_owned();
        self.store
            .update_candidate(&actor, campaign_id, candidate_id, candidate)
    }

    /// Places the candidate's `exercise` (key or name) before `panel`, a panel of the campaign
    /// other than their own — a central marking team for the written test, say; `None` puts
    /// it back before their own panel. HR administrators only, while people may change, and
    /// not once anyone has scored the candidate in that exercise.
    pub fn place_candidate(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        exercise: &str,
        panel: Option<PanelId>,
    ) -> Result<()> {
        self.require_hr_admin("place a candidate before a panel")?;
        let actor = self.actor().to_owned();
        self.store
            .place_candidate(&actor, campaign_id, candidate_id, exercise, panel)
    }

    /// Imports a candidate CSV, all rows or none (HR administrators only).
    pub fn import_candidates(
        &mut self,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
    ) -> Result<usize> {
        self.import_candidates_with(campaign_id, file, bytes, &mut Progress::none())
    }

    /// [`Session::import_candidates`] reporting each row stored to `progress`, which may
    /// cancel: a cancelled import stores nothing.
    pub fn import_candidates_with(
        &mut self,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
        progress: &mut Progress<'_>,
    ) -> Result<usize> {
        self.require_hr_admin("import candidates")?;
        let actor = self.actor().to_owned();
        self.store
            .import_candidates(&actor, campaign_id, file, bytes, progress)
            .map_err(|e| e.if_cancelled(|| format!("nothing was imported from {file}")))
    }

    /// Imports a candidate CSV file (see [`Session::import_candidates_with`]).
    pub fn import_candidates_file(
        &mut self,
        campaign_id: CampaignId,
        path: &Path,
        progress: &mut Progress<'_>,
    ) -> Result<usize> {
        let (name, bytes) = crate::import::read_file(path)?;
        self.import_candidates_with(campaign_id, &name, &bytes, progress)
    }

    /// The candidates the user may see: all for HR administrators and moderators, their own
    /// panels' for members and chairs (but those they declared a conflict with). Withdrawn
    /// candidates are listed, marked; only HR administrators and moderators read why.
    pub fn candidates(&self, campaign_id: CampaignId) -> Result<Vec<Candidate>> {
        let roles = self.require_part(campaign_id, "see this campaign's candidates")?;
        let all = self.store.candidates(campaign_id)?;
        Ok(all
            .into_iter()
            .filter(|c| roles.sees(c))
            .map(|c| withdrawal_as_seen(&roles, c))
            .collect())
    }

    /// One candidate the user may see.
    pub fn candidate(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Candidate> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.visible_candidate(&roles, candidate_id)?;
        Ok(withdrawal_as_seen(&roles, candidate))
    }

    /// A candidate the user may see, by reference.
    pub fn candidate_by_reference(
        &self,
        campaign_id: CampaignId,
        reference: &str,
    ) -> Result<Candidate> {
        let found = self.store.candidate_by_reference(campaign_id, reference)?;
        self.candidate(campaign_id, found.id)
    }

    /// Erases a candidate's personal data on request, with a reason (HR administrators only).
    pub fn erase_candidate(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()> {
        self.require_hr_admin("erase a candidate's personal data")?;
        let actor = self.actor().to_owned();
        self.store
            .erase_candidate(&actor, campaign_id, candidate_id, reason)
    }

    /// Every campaign's retention period and where it stands (HR administrators only).
    pub fn retention(&self) -> Result<Vec<crate::store::retention::RetentionStatus>> {
        self.require_hr_admin("see the retention of campaigns")?;
        self.store.retention()
    }

    /// One campaign's retention (HR administrators only).
    pub fn campaign_retention(
        &self,
        campaign_id: CampaignId,
    ) -> Result<crate::store::retention::RetentionStatus> {
        self.require_hr_admin("see the retention of campaigns")?;
        self.store.campaign_retention(campaign_id)
    }

    /// Changes how long a campaign keeps personal data, with a reason (HR administrators only).
    pub fn set_retention(
        &mut self,
        campaign_id: CampaignId,
        months: i64,
        reason: &str,
    ) -> Result<()> {
        self.require_hr_admin("change how long a campaign keeps personal data")?;
        let actor = self.actor().to_owned();
        self.store
            .set_retention(&actor, campaign_id, months, reason)
    }

    /// Erases every candidate's personal data in a campaign past its retention period
    /// (HR administrators only); returns how many candidates were erased.
    pub fn purge_campaign(&mut self, campaign_id: CampaignId, reason: &str) -> Result<usize> {
        self.require_hr_admin("purge a campaign's personal data")?;
        let actor = self.actor().to_owned();
        self.store.purge_campaign(&actor, campaign_id, reason)
    }

    /// Builds the demo campaign (HR administrators only; see [`crate::demo`]).
    pub fn demo(&mut self, options: &crate::demo::DemoOptions) -> Result<CampaignId> {
        self.demo_with(options, 1, &mut Progress::none())
    }

    /// Builds the demo campaign with `exercises` exercises: 1 is [`Session::demo`]'s, 2 adds
    /// a technical test (HR administrators only; see [`crate::demo`]).
    pub fn demo_with_exercises(
        &mut self,
        options: &crate::demo::DemoOptions,
        exercises: usize,
    ) -> Result<CampaignId> {
        self.demo_with(options, exercises, &mut Progress::none())
    }

    /// [`Session::demo_with_exercises`] reporting each candidate added and scored to
    /// `progress`, which may cancel between candidates (what was made by then is kept, as the
    /// error says).
    pub fn demo_with(
        &mut self,
        options: &crate::demo::DemoOptions,
        exercises: usize,
        progress: &mut Progress<'_>,
    ) -> Result<CampaignId> {
        self.require_hr_admin("build a demo campaign")?;
        let actor = self.actor().to_owned();
        crate::demo::build_with_exercises(self.store.as_mut(), &actor, options, exercises, progress)
    }
}

/// The candidate with the reason for any withdrawal left out, unless the user is an HR
/// administrator or a moderator (the panel needs to know only that they withdrew).
fn withdrawal_as_seen(roles: &super::Roles, mut candidate: Candidate) -> Candidate {
    if !(roles.hr_admin || roles.moderator().is_some()) {
        if let Some(withdrawal) = &mut candidate.withdrawal {
            withdrawal.reason.clear();
        }
    }
    candidate
}
