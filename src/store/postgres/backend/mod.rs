//! The shared backend: [`PgStore`] implements [`Storage`] on a PostgreSQL server set up with
//! `server init`.
//!
//! It is a thin client on purpose. The server enforces who may read and write each row (row
//! security on `session_user`), the campaign's phases (guard triggers) and writes the audit
//! chain itself; this side validates input with the same functions as SQLite (so a bad value
//! gets the same sentence) and turns the server's refusals into the same typed errors. The
//! acting login passed to each write is not used: the server records the authenticated one.
//!
//! Every part of [`Storage`] is here: users and sign-in, roles, scorecards (and their
//! versions), campaigns and their phases, panels, assessors, candidates, withdrawal,
//! reasonable adjustments, flag thresholds, conflicts of interest, scores, agreed scores,
//! moderation, sign-off and reopening, erasure and retention, the audit log as the login may
//! read it, verify and anchors (the server's verdict), exports, and everything computed from
//! [`CampaignData`] (results, flags, statistics, the board). Only adding a user answers
//! [`Error::NotShared`]: a user of a shared database is a login, which the server's
//! administrator creates with `user add`.
//!
//! The `postgres` crate is synchronous and panics on a tokio runtime thread: a [`PgStore`] is
//! used from plain threads only.

mod changes;
mod drafts;
mod pinned;
mod prepared;
mod read;
mod rows;
pub mod transfer;
mod write;

use std::cell::RefCell;
use std::path::Path;

use postgres::Client;

use super::connect::Target;
use super::{PgError, SCHEMA};
use crate::anchor::{Anchor, AnchorCheck};
use crate::export::{ExportOptions, ExportSummary};
use crate::model::{
    AgreedScore, Assessor, AssessorId, AssessorRole, AuditEvent, Campaign, CampaignId, Candidate,
    CandidateId, Decision, Moderation, OwnProgress, Panel, PanelId, Role, RoleId, Score,
    ScoreInput, Scorecard, ScorecardId, User,
};
use crate::scoring::data::CampaignData;
use crate::scoring::flags::FlagSettings;
use crate::store::audit::AuditRef;
use crate::store::conflicts::ConflictStatus;
use crate::store::retention::{self, RetentionStatus};
use crate::store::{
    AuditFilter, ConflictDeclaration, NewCandidate, SignOff, Storage, StoredRole, StoredScorecard,
    Verification,
};
use crate::{Error, Result};

/// A signed-in connection to a shared Panelmark database.
pub struct PgStore {
    client: RefCell<Client>,
    /// The authenticated login (`session_user`): the identity of everything done here.
    login: String,
    /// Acting as each change's actor (`SET SESSION AUTHORIZATION`), for the demo built by a
    /// superuser; never otherwise.
    impersonating: bool,
    /// An impersonated change has ended: the next use of the connection goes back to the
    /// superuser first (see [`Acting`]).
    reset_pending: std::cell::Cell<bool>,
    /// Where to connect again when the connection drops (a network drop in the interview
    /// room); `None` for a connection opened by the caller.
    target: Option<Target>,
    /// When a new connection was last tried, so a dead network is not hammered.
    last_reconnect: std::cell::Cell<Option<std::time::Instant>>,
    /// The key of the installation (app or CLI) this connection runs in: it signs the heads
    /// handed out from here, as it does from a local file.
    installation_key: Option<std::sync::Arc<crate::anchor::InstallationKey>>,
    /// Campaigns read outside setup, for their pinned scorecards (never their state).
    pinned: pinned::PinnedCampaigns,
    /// The hot paths' statements, prepared on this connection.
    prepared: prepared::Prepared,
}

/// The shortest time between two attempts to connect again.
const RECONNECT_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("login", &self.login)
            .finish_non_exhaustive()
    }
}

impl PgStore {
    /// Connects to `url` (see [`Target::parse`]) and checks that the server has this build's
    /// schema.
    pub fn connect(url: &str) -> Result<PgStore> {
        Self::open(&Target::parse(url)?)
    }

    /// Connects to `target`, and connects again by itself when the connection drops: the
    /// call that finds it dead fails with `pg.connection_lost`, a later one (at most every
    /// few seconds) signs in afresh as the same login.
    pub fn open(target: &Target) -> Result<PgStore> {
        let mut store = Self::from_client(target.connect()?)?;
        store.target = Some(target.clone());
        Ok(store)
    }

    /// Wraps an open connection (tests sign in with their own settings).
    pub fn from_client(mut client: Client) -> Result<PgStore> {
        client
            .batch_execute(&format!("SET search_path = {SCHEMA}"))
            .map_err(PgError::from)?;
        let found = super::init::schema_version(&mut client)?;
        if found < super::init::SCHEMA_VERSION {
            return Err(PgError::PermissionRefused(format!(
                "the shared database's Panelmark schema is version {found}; this build needs {}: \
                 ask its administrator to run `panelmark --db URL server init`",
                super::init::SCHEMA_VERSION
            ))
            .into());
        }
        let login: String = client
            .query_one("SELECT session_user::text", &[])
            .map_err(PgError::from)?
            .get(0);
        Ok(PgStore {
            client: RefCell::new(client),
            login,
            impersonating: false,
            reset_pending: std::cell::Cell::new(false),
            target: None,
            last_reconnect: std::cell::Cell::new(None),
            installation_key: None,
            pinned: Default::default(),
            prepared: Default::default(),
        })
    }

    /// A store on a superuser's connection that makes each change as its actor would
    /// (`SET SESSION AUTHORIZATION` to the actor's login for the change, then back): the
    /// server's rules and audit see the demo's people, not the superuser. Adding a user creates
    /// a login without a password (it cannot sign in until given one), a member of the
    /// assessor and moderator groups (the campaign's records decide what each does).
    pub fn impersonating(client: Client) -> Result<PgStore> {
        let mut store = Self::from_client(client)?;
        super::init::require_superuser(store.client.get_mut(), "building a demo on a server")?;
        store.impersonating = true;
        Ok(store)
    }

    /// While the returned guard lives, the connection acts as `actor` (when impersonating).
    fn acting_as(&self, actor: &str) -> Result<Acting<'_>> {
        if self.impersonating && actor != self.login {
            let mut client = self.client();
            let statement: String = client
                .query_one(
                    "SELECT format('SET SESSION AUTHORIZATION %I', $1::text)",
                    &[&actor],
                )
                .map_err(refused)?
                .get(0);
            client.batch_execute(&statement).map_err(refused)?;
            return Ok(Acting(Some(self)));
        }
        Ok(Acting(None))
    }

    /// Signs the anchors this store hands out (exports, `head`) with this installation's key.
    pub fn with_installation_key(mut self, key: crate::anchor::InstallationKey) -> Self {
        self.installation_key = Some(std::sync::Arc::new(key));
        self
    }

    /// The authenticated login.
    pub fn login(&self) -> &str {
        &self.login
    }

    /// Replaces a dead connection with a new one to the same server, as the same login; on
    /// failure leaves it dead (the statement then fails with `pg.connection_lost`).
    fn reconnect(&self, client: &mut Client) {
        let Some(target) = &self.target else { return };
        let now = std::time::Instant::now();
        if self
            .last_reconnect
            .get()
            .is_some_and(|at| now.duration_since(at) < RECONNECT_EVERY)
        {
            return;
        }
        self.last_reconnect.set(Some(now));
        let Ok(mut fresh) = target.connect() else {
            return;
        };
        let same_login = fresh
            .query_one("SELECT session_user::text", &[])
            .is_ok_and(|r| r.get::<_, String>(0) == self.login);
        if same_login
            && fresh
                .batch_execute(&format!("SET search_path = {SCHEMA}"))
                .is_ok()
        {
            *client = fresh;
            // A new connection starts as the login itself: nothing to reset; and the
            // statements prepared on the old one do not exist on it.
            self.reset_pending.set(false);
            self.prepared.clear();
        }
    }

    fn client(&self) -> std::cell::RefMut<'_, Client> {
        let mut client = self.client.borrow_mut();
        if client.is_closed() {
            self.reconnect(&mut client);
        }
        if self.reset_pending.replace(false) {
            // RESET cannot fail on a live connection; on a dead one the next statement fails.
            let _ = client.batch_execute("RESET SESSION AUTHORIZATION");
        }
        client
    }
}

/// Ends an impersonated change: the connection goes back to the superuser at its next use
/// (not here: the change's own borrow of the connection may still be alive when this drops).
struct Acting<'a>(Option<&'a PgStore>);

impl Drop for Acting<'_> {
    fn drop(&mut self) {
        if let Some(store) = self.0 {
            store.reset_pending.set(true);
        }
    }
}

/// Turns a server error into the core's: a refusal by row security or a guard trigger is
/// [`Error::Forbidden`] with the server's sentence, a phase or uniqueness conflict is
/// [`Error::Conflict`]; anything else stays a [`PgError`].
pub(crate) fn refused(e: postgres::Error) -> Error {
    use postgres::error::SqlState;
    let Some(db) = e.as_db_error() else {
        return PgError::from(e).into();
    };
    let code = db.code();
    if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        Error::Forbidden(format!(
            "the shared database refused this: {}",
            db.message()
        ))
    } else if *code == SqlState::RAISE_EXCEPTION
        || *code == SqlState::CHECK_VIOLATION
        || *code == SqlState::UNIQUE_VIOLATION
    {
        Error::Conflict(db.message().to_owned())
    } else {
        PgError::from(e).into()
    }
}

impl Storage for PgStore {
    fn signed_in_login(&self) -> Option<&str> {
        Some(&self.login)
    }

    fn users(&self) -> Result<Vec<User>> {
        read::users(&mut self.client(), None)
    }
    fn user(&self, login: &str) -> Result<Option<User>> {
        Ok(read::users(&mut self.client(), Some(login))?.pop())
    }
    fn add_user(&mut self, _: &str, login: &str, name: &str, hr_admin: bool) -> Result<User> {
        if !self.impersonating {
            return Err(Error::NotShared(
                "users of a shared database are its logins: the server's administrator adds \
                 them with `panelmark --db URL user add LOGIN --role ROLE`"
                    .into(),
            ));
        }
        use super::users::{add_user, AppRole};
        let roles: &[AppRole] = if hr_admin {
            &[AppRole::HrAdmin]
        } else {
            &[AppRole::Assessor, AppRole::Moderator]
        };
        for role in roles {
            add_user(&mut self.client(), login, *role, Some(name), None)?;
        }
        self.user(login)?
            .ok_or_else(|| Error::not_found("user", login.to_owned()))
    }
    fn records_of(&self, login: &str, campaign_id: CampaignId) -> Result<Vec<Assessor>> {
        read::records_of(&mut self.client(), &self.prepared, login, Some(campaign_id))
    }
    fn all_records_of(&self, login: &str) -> Result<Vec<Assessor>> {
        read::records_of(&mut self.client(), &self.prepared, login, None)
    }
    fn has_submitted(&self, candidate_id: CandidateId, assessor_id: AssessorId) -> Result<bool> {
        read::has_submitted(&mut self.client(), candidate_id, assessor_id)
    }

    fn create_role(&mut self, actor: &str, role: &Role) -> Result<RoleId> {
        let _acting = self.acting_as(actor)?;
        write::create_role(&mut self.client(), role)
    }
    fn update_role(&mut self, actor: &str, id: RoleId, role: &Role) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        changes::update_role(&mut self.client(), id, role)
    }
    fn role(&self, id: RoleId) -> Result<StoredRole> {
        read::roles(&mut self.client(), Some(id))?
            .pop()
            .ok_or_else(|| Error::not_found("role", id))
    }
    fn roles(&self) -> Result<Vec<StoredRole>> {
        read::roles(&mut self.client(), None)
    }
    fn create_scorecard(
        &mut self,
        actor: &str,
        role_id: Option<RoleId>,
        scorecard: &Scorecard,
    ) -> Result<ScorecardId> {
        let _acting = self.acting_as(actor)?;
        write::create_scorecard(&mut self.client(), role_id, scorecard)
    }
    fn update_scorecard(
        &mut self,
        actor: &str,
        id: ScorecardId,
        scorecard: &Scorecard,
    ) -> Result<i64> {
        let _acting = self.acting_as(actor)?;
        changes::update_scorecard(&mut self.client(), id, scorecard)
    }
    fn scorecard(&self, id: ScorecardId) -> Result<StoredScorecard> {
        read::scorecards(&mut self.client(), Some(id))?
            .pop()
            .ok_or_else(|| Error::not_found("scorecard", id))
    }
    fn scorecards(&self) -> Result<Vec<StoredScorecard>> {
        read::scorecards(&mut self.client(), None)
    }

    fn create_campaign(
        &mut self,
        actor: &str,
        name: &str,
        scorecard_id: ScorecardId,
    ) -> Result<CampaignId> {
        let _acting = self.acting_as(actor)?;
        let stored = self.scorecard(scorecard_id)?;
        write::create_campaign(&mut self.client(), name, &stored)
    }
    fn campaign(&self, id: CampaignId) -> Result<Campaign> {
        read::campaign(&mut self.client(), id)
    }
    fn pinned_campaign(&self, id: CampaignId) -> Result<Campaign> {
        if let Some(kept) = self.pinned.get(id) {
            return Ok(kept);
        }
        let campaign = read::campaign(&mut self.client(), id)?;
        self.pinned.keep(&campaign);
        Ok(campaign)
    }
    fn campaigns(&self) -> Result<Vec<Campaign>> {
        read::campaigns(&mut self.client())
    }
    fn start_scoring(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::start_scoring(&mut self.client(), &campaign)
    }
    fn start_moderation(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::start_moderation(&mut self.client(), &campaign)
    }
    fn return_to_scoring(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        reason: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::return_to_scoring(&mut self.client(), &campaign, reason)
    }
    fn posts(&self, campaign_id: CampaignId) -> Result<Option<u32>> {
        read::posts(&mut self.client(), campaign_id)
    }
    fn set_posts(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        posts: Option<u32>,
        reason: Option<&str>,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::set_posts(&mut self.client(), &campaign, posts, reason)
    }
    fn flag_settings(&self, campaign_id: CampaignId) -> Result<FlagSettings> {
        read::flag_settings(&mut self.client(), campaign_id)
    }
    fn set_flag_settings(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        settings: &FlagSettings,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::set_flag_settings(&mut self.client(), &campaign, settings)
    }

    fn add_panel(&mut self, actor: &str, campaign_id: CampaignId, name: &str) -> Result<PanelId> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::add_panel(&mut self.client(), &campaign, name)
    }
    fn panels(&self, campaign_id: CampaignId) -> Result<Vec<Panel>> {
        read::panels(&mut *self.client(), campaign_id)
    }
    fn add_assessor(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        name: &str,
        role: AssessorRole,
        panel_id: Option<PanelId>,
        login: &str,
    ) -> Result<AssessorId> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::add_assessor(&mut self.client(), &campaign, name, role, panel_id, login)
    }
    fn assessors(&self, campaign_id: CampaignId) -> Result<Vec<Assessor>> {
        read::assessors(&mut *self.client(), campaign_id)
    }
    fn set_assessor_exercise(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        exercise: Option<&str>,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::set_assessor_exercise(&mut self.client(), &campaign, assessor_id, exercise)
    }
    fn add_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate: &NewCandidate,
    ) -> Result<CandidateId> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::add_candidate(&mut self.client(), &campaign, candidate)
    }
    fn update_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        candidate: &NewCandidate,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::update_candidate(&mut self.client(), &campaign, candidate_id, candidate)
    }
    fn candidates(&self, campaign_id: CampaignId) -> Result<Vec<Candidate>> {
        read::candidates(&mut *self.client(), campaign_id, None)
    }
    fn candidate(&self, campaign_id: CampaignId, candidate_id: CandidateId) -> Result<Candidate> {
        read::candidates(&mut *self.client(), campaign_id, Some(candidate_id))?
            .pop()
            .ok_or_else(|| Error::not_found("candidate", candidate_id))
    }
    fn place_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        exercise: &str,
        panel: Option<PanelId>,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::place_candidate(&mut self.client(), &campaign, candidate_id, exercise, panel)
    }
    fn candidate_by_reference(
        &self,
        campaign_id: CampaignId,
        reference: &str,
    ) -> Result<Candidate> {
        self.candidates(campaign_id)?
            .into_iter()
            .find(|c| c.reference == reference)
            .ok_or_else(|| Error::not_found("candidate", reference))
    }
    fn import_candidates(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::import_candidates(&mut self.client(), &campaign, file, bytes, progress)
    }
    fn withdraw_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::withdraw_candidate(&mut self.client(), &campaign, candidate_id, reason)
    }
    fn set_adjustments(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        note: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::set_adjustments(&mut self.client(), &campaign, candidate_id, note)
    }
    fn adjustments(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Option<String>> {
        read::adjustments(&mut self.client(), campaign_id, candidate_id)
    }

    fn declare_conflict(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<ConflictDeclaration> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        // Read before declaring: once declared, row security hides the candidate from them.
        let candidate = self.candidate(campaign_id, candidate_id)?;
        let assessor = self
            .assessors(campaign_id)?
            .into_iter()
            .find(|a| a.id == assessor_id)
            .ok_or_else(|| Error::not_found("assessor", assessor_id))?;
        let (reason, declared_at) = write::declare_conflict(
            &mut self.client(),
            &campaign,
            assessor_id,
            candidate_id,
            reason,
        )?;
        Ok(ConflictDeclaration {
            assessor_id,
            assessor: assessor.name,
            candidate_id,
            candidate: candidate.reference,
            reason,
            declared_at,
        })
    }
    fn confirm_no_conflicts(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        write::confirm_no_conflicts(&mut self.client(), &campaign, assessor_id)
    }
    fn conflicts(&self, campaign_id: CampaignId) -> Result<Vec<ConflictDeclaration>> {
        read::conflicts(&mut self.client(), campaign_id)
    }
    fn conflict_status(&self, login: &str, campaign_id: CampaignId) -> Result<ConflictStatus> {
        read::conflict_status(&mut self.client(), &self.prepared, login, campaign_id)
    }

    fn save_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        input: &ScoreInput,
    ) -> Result<Score> {
        let _acting = self.acting_as(actor)?;
        self.save_draft(campaign_id, input)
    }
    fn save_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        inputs: &[ScoreInput],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize> {
        let _acting = self.acting_as(actor)?;
        let mut keys = std::collections::HashSet::new();
        if inputs
            .iter()
            .all(|i| keys.insert((i.candidate_id, i.assessor_id, &i.criterion_key)))
        {
            // One autocommit statement: a cancel can stop it only before it is sent.
            progress.check()?;
            let saved = self.save_drafts(campaign_id, inputs)?.0.len();
            progress.report(saved, inputs.len());
            return Ok(saved);
        }
        // The same score twice: one statement writes a row once, so one by one, in order.
        let campaign = self.campaign_for_write(campaign_id)?;
        let mut client = self.client();
        let upsert = self.prepared.get(&mut client, drafts::UPSERT_DRAFT)?;
        let mut tx = client.transaction().map_err(refused)?;
        // A cancel returns before the commit: dropping `tx` rolls every row back.
        for (done, input) in inputs.iter().enumerate() {
            write::save_score(&mut tx, &upsert, &campaign, input)?;
            progress.step(done + 1, inputs.len())?;
        }
        tx.commit().map_err(refused)?;
        Ok(inputs.len())
    }
    fn submit_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        assessor_id: AssessorId,
    ) -> Result<Vec<Score>> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign_for_write(campaign_id)?;
        write::submit_scores(&mut self.client(), &campaign, candidate_id, assessor_id)
    }
    fn submit_scores_for(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        submissions: &[(CandidateId, AssessorId)],
    ) -> Result<usize> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign_for_write(campaign_id)?;
        write::submit_scores_for(&mut self.client(), &campaign, submissions)
    }
    fn visible_scores(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        _: AssessorId,
    ) -> Result<Vec<Score>> {
        // The server's row security decides which of them this login sees.
        read::scores(&mut *self.client(), campaign_id, Some(candidate_id), false)
    }
    fn own_panel_scores(
        &self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<Vec<Score>> {
        read::own_panel_scores(&mut self.client(), campaign_id, assessor_id)
    }
    fn own_panel_progress(
        &self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<Vec<OwnProgress>> {
        read::own_panel_progress(&mut self.client(), campaign_id, assessor_id)
    }
    fn submitted_scores(&self, campaign_id: CampaignId) -> Result<Vec<Score>> {
        read::scores(&mut *self.client(), campaign_id, None, true)
    }

    fn agree_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<AgreedScore> {
        self.agree_scores(actor, campaign_id, std::slice::from_ref(decision))?;
        read::agreed_scores(&mut self.client(), decision.candidate_id)?
            .into_iter()
            .find(|a| a.criterion_key == decision.criterion_key)
            .ok_or_else(|| Error::not_found("agreed score", &decision.criterion_key))
    }
    fn agree_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decisions: &[Decision],
    ) -> Result<usize> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign_for_write(campaign_id)?;
        let mut keys = std::collections::HashSet::new();
        if decisions
            .iter()
            .all(|d| keys.insert((d.candidate_id, &d.criterion_key)))
        {
            write::agree_all(&mut self.client(), &campaign, decisions)?;
            return Ok(decisions.len());
        }
        // The same score twice: one statement writes a row once, so one by one, in order.
        let mut client = self.client();
        let mut tx = client.transaction().map_err(refused)?;
        for decision in decisions {
            write::decide(&mut tx, &campaign, decision, write::Decided::Agreed)?;
        }
        tx.commit().map_err(refused)?;
        Ok(decisions.len())
    }
    fn agreed_scores(&self, candidate_id: CandidateId) -> Result<Vec<AgreedScore>> {
        read::agreed_scores(&mut self.client(), candidate_id)
    }
    fn moderate_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<Moderation> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign_for_write(campaign_id)?;
        {
            let mut client = self.client();
            let mut tx = client.transaction().map_err(refused)?;
            write::decide(&mut tx, &campaign, decision, write::Decided::Moderated)?;
            tx.commit().map_err(refused)?;
        }
        read::moderations(&mut self.client(), Some(decision.candidate_id), campaign_id)?
            .into_iter()
            .find(|m| m.criterion_key == decision.criterion_key)
            .ok_or_else(|| Error::not_found("moderation", &decision.criterion_key))
    }
    fn moderations(&self, candidate_id: CandidateId) -> Result<Vec<Moderation>> {
        let campaign_id = read::campaign_of(&mut self.client(), candidate_id)?;
        read::moderations(&mut self.client(), Some(candidate_id), campaign_id)
    }
    fn decisions(&self, campaign_id: CampaignId) -> Result<(Vec<AgreedScore>, Vec<Moderation>)> {
        let mut client = self.client();
        Ok((
            read::campaign_agreed_scores(&mut client, campaign_id)?,
            read::moderations(&mut client, None, campaign_id)?,
        ))
    }
    fn order_tie(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
        ordered: &[CandidateId],
        reason: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let data = self.campaign_data(campaign_id)?;
        changes::order_tie(&mut self.client(), &data, moderator_id, ordered, reason)
    }
    fn sign_off(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        let data = self.campaign_data(campaign_id)?;
        write::sign_off(&mut self.client(), &campaign, &data, moderator_id)
    }
    fn reopen(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
        reason: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::reopen(&mut self.client(), &campaign, moderator_id, reason)
    }
    fn signoffs(&self, campaign_id: CampaignId) -> Result<Vec<SignOff>> {
        read::signoffs(&mut self.client(), campaign_id)
    }

    fn campaign_data(&self, campaign_id: CampaignId) -> Result<CampaignData> {
        let campaign = self.campaign(campaign_id)?;
        read::campaign_data(&mut self.client(), campaign)
    }

    fn erase_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        let campaign = self.campaign(campaign_id)?;
        changes::erase_candidate(&mut self.client(), &campaign, candidate_id, reason)
    }
    fn retention(&self) -> Result<Vec<RetentionStatus>> {
        let now = chrono::Utc::now();
        let mut statuses = read::retention(&mut self.client())?
            .into_iter()
            .map(|row| retention::status(row, now))
            .collect::<Result<Vec<_>>>()?;
        retention::sort(&mut statuses);
        Ok(statuses)
    }
    fn campaign_retention(&self, campaign_id: CampaignId) -> Result<RetentionStatus> {
        self.retention()?
            .into_iter()
            .find(|r| r.campaign_id == campaign_id)
            .ok_or_else(|| Error::not_found("campaign", campaign_id))
    }
    fn set_retention(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        months: i64,
        reason: &str,
    ) -> Result<()> {
        let _acting = self.acting_as(actor)?;
        changes::set_retention(&mut self.client(), campaign_id, months, reason)
    }
    fn purge_campaign(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        reason: &str,
    ) -> Result<usize> {
        let _acting = self.acting_as(actor)?;
        let status = self.campaign_retention(campaign_id)?;
        changes::purge_campaign(&mut self.client(), &status, reason)
    }

    fn audit_events(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
        read::audit_events(&mut self.client(), filter)
    }
    fn audit_head(&self) -> Result<String> {
        read::audit_head(&mut self.client()).map(|(_, hash)| hash)
    }
    fn verify(&self) -> Result<Verification> {
        read::verify(&mut self.client())
    }
    fn anchor(&self) -> Result<Anchor> {
        // The server's head, signed by the installation handing it out (when it has a key):
        // whoever checks it later knows which app or CLI vouched for it.
        let (seq, hash) = read::audit_head(&mut self.client())?;
        let anchor = Anchor {
            seq,
            hash,
            signature: None,
        };
        Ok(match &self.installation_key {
            Some(key) => anchor.signed(key),
            None => anchor,
        })
    }
    fn installation_key(&self) -> Option<&crate::anchor::InstallationKey> {
        self.installation_key.as_deref()
    }
    fn check_anchor(&self, anchor: &Anchor) -> Result<AnchorCheck> {
        crate::anchor::check_against(
            anchor,
            |seq| read::audit_event_hash(&mut self.client(), seq),
            || read::audit_head(&mut self.client()),
        )
    }
    fn campaign_audit(
        &self,
        campaign_id: CampaignId,
        through_seq: Option<i64>,
        each: &mut dyn FnMut(AuditRef<'_>) -> Result<()>,
    ) -> Result<()> {
        read::campaign_audit(&mut self.client(), campaign_id, through_seq, each)
    }
    fn export_campaign(
        &self,
        campaign_id: CampaignId,
        dir: &Path,
        options: &ExportOptions,
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<ExportSummary> {
        crate::export::export_campaign(self, campaign_id, dir, options, progress)
    }
}
