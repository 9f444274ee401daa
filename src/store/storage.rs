//! The storage interface the rules layer ([`crate::session`]) works on, and [`Database`], an
//! open database of either kind.
//!
//! Two backends implement [`Storage`]: the local SQLite file ([`Store`]) and, being built, the
//! shared PostgreSQL database. Everything a backend must answer is here; the rules about who
//! may do what live above it, in the session, and hold whichever backend is underneath. What
//! results, flags, statistics and the board compute from ([`CampaignData`]) is read by the
//! backend; the computing itself is shared (the provided methods), so both backends give the
//! same answers from the same rows.
//!
//! Write methods take the acting login: SQLite records it in the audit event it appends in
//! the same transaction; PostgreSQL ignores it and records the authenticated login itself.

use std::path::Path;

use crate::anchor::{Anchor, AnchorCheck, InstallationKey};
use crate::export::{ExportOptions, ExportSummary};
use crate::model::{
    AgreedScore, Assessor, AssessorId, AssessorRole, AuditEvent, Campaign, CampaignId, Candidate,
    CandidateId, Decision, Moderation, OwnProgress, Panel, PanelId, Role, RoleId, Score,
    ScoreInput, Scorecard, ScorecardId, User,
};
use crate::scoring::data::CampaignData;
use crate::scoring::{board, flags, report, results};
use crate::Result;

use super::audit::AuditRef;
use super::conflicts::ConflictStatus;
use super::retention::RetentionStatus;
use super::{
    AuditFilter, ConflictDeclaration, NewCandidate, SignOff, Store, StoredRole, StoredScorecard,
    Verification,
};

/// What the rules layer needs from a database. Implementations check the campaign state
/// machine and validate input inside their transactions; they do not check who may act.
pub(crate) trait Storage: Send {
    /// The login the database itself authenticated, when it did (a shared database): then
    /// that is who signs in, whatever name is asked for. `None` for a local file.
    fn signed_in_login(&self) -> Option<&str> {
        None
    }

    // Users.
    fn users(&self) -> Result<Vec<User>>;
    fn user(&self, login: &str) -> Result<Option<User>>;
    fn add_user(&mut self, actor: &str, login: &str, name: &str, hr_admin: bool) -> Result<User>;
    fn records_of(&self, login: &str, campaign_id: CampaignId) -> Result<Vec<Assessor>>;
    fn all_records_of(&self, login: &str) -> Result<Vec<Assessor>>;
    fn has_submitted(&self, candidate_id: CandidateId, assessor_id: AssessorId) -> Result<bool>;

    // Roles and scorecards.
    fn create_role(&mut self, actor: &str, role: &Role) -> Result<RoleId>;
    fn update_role(&mut self, actor: &str, id: RoleId, role: &Role) -> Result<()>;
    fn role(&self, id: RoleId) -> Result<StoredRole>;
    fn roles(&self) -> Result<Vec<StoredRole>>;
    fn create_scorecard(
        &mut self,
        actor: &str,
        role_id: Option<RoleId>,
        scorecard: &Scorecard,
    ) -> Result<ScorecardId>;
    fn update_scorecard(
        &mut self,
        actor: &str,
        id: ScorecardId,
        scorecard: &Scorecard,
    ) -> Result<i64>;
    fn scorecard(&self, id: ScorecardId) -> Result<StoredScorecard>;
    fn scorecards(&self) -> Result<Vec<StoredScorecard>>;

    // Campaigns and their phases.
    fn create_campaign(
        &mut self,
        actor: &str,
        name: &str,
        scorecard_id: ScorecardId,
    ) -> Result<CampaignId>;
    fn campaign(&self, id: CampaignId) -> Result<Campaign>;
    /// The campaign for its pinned scorecard only: a backend may answer from a copy kept since
    /// the campaign left setup (when the scorecard became immutable), so its state may be
    /// stale. For rules that depend on the scorecard alone, without a round trip per write.
    fn pinned_campaign(&self, id: CampaignId) -> Result<Campaign> {
        self.campaign(id)
    }
    fn campaigns(&self) -> Result<Vec<Campaign>>;
    fn start_scoring(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()>;
    fn start_moderation(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()>;
    fn return_to_scoring(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        reason: &str,
    ) -> Result<()>;
    fn posts(&self, campaign_id: CampaignId) -> Result<Option<u32>>;
    fn set_posts(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        posts: Option<u32>,
        reason: Option<&str>,
    ) -> Result<()>;
    fn flag_settings(&self, campaign_id: CampaignId) -> Result<flags::FlagSettings>;
    fn set_flag_settings(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<()>;

    // Panels, assessors and candidates.
    fn add_panel(&mut self, actor: &str, campaign_id: CampaignId, name: &str) -> Result<PanelId>;
    fn panels(&self, campaign_id: CampaignId) -> Result<Vec<Panel>>;
    fn add_assessor(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        name: &str,
        role: AssessorRole,
        panel_id: Option<PanelId>,
        login: &str,
    ) -> Result<AssessorId>;
    fn assessors(&self, campaign_id: CampaignId) -> Result<Vec<Assessor>>;
    fn set_assessor_exercise(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        exercise: Option<&str>,
    ) -> Result<()>;
    fn add_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate: &NewCandidate,
    ) -> Result<CandidateId>;
    fn update_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        candidate: &NewCandidate,
    ) -> Result<()>;
    fn candidates(&self, campaign_id: CampaignId) -> Result<Vec<Candidate>>;
    fn candidate(&self, campaign_id: CampaignId, candidate_id: CandidateId) -> Result<Candidate>;
    fn candidate_by_reference(&self, campaign_id: CampaignId, reference: &str)
        -> Result<Candidate>;
    /// Places the candidate's `exercise` before `panel` (`None`: their own panel again);
    /// refused once they have been scored in it.
    fn place_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        exercise: &str,
        panel: Option<PanelId>,
    ) -> Result<()>;
    /// Imports a candidate CSV, all rows or none; `progress` hears each row stored and may
    /// cancel, which rolls the whole import back.
    fn import_candidates(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize>;
    fn withdraw_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()>;
    fn set_adjustments(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        note: &str,
    ) -> Result<()>;
    fn adjustments(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Option<String>>;

    // Conflicts of interest.
    fn declare_conflict(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<ConflictDeclaration>;
    fn confirm_no_conflicts(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<()>;
    fn conflicts(&self, campaign_id: CampaignId) -> Result<Vec<ConflictDeclaration>>;
    fn conflict_status(&self, login: &str, campaign_id: CampaignId) -> Result<ConflictStatus>;

    // Scores.
    fn save_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        input: &ScoreInput,
    ) -> Result<Score>;
    /// Saves many drafts in one transaction, all or none; `progress` hears each score saved
    /// (on PostgreSQL, where the batch is one statement, the whole batch at once) and may
    /// cancel before the commit, which saves none.
    fn save_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        inputs: &[ScoreInput],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize>;
    fn submit_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        assessor_id: AssessorId,
    ) -> Result<Vec<Score>>;
    /// Submits each (candidate, assessor) pair as [`Storage::submit_scores`] does one, in one
    /// transaction, all or none, with the same checks and audit events; returns the scores
    /// made final.
    fn submit_scores_for(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        submissions: &[(CandidateId, AssessorId)],
    ) -> Result<usize>;
    fn visible_scores(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        viewer_id: AssessorId,
    ) -> Result<Vec<Score>>;
    /// A scorer's own scores (drafts and submitted) for every candidate of their panel but
    /// those they declared a conflict of interest with, in one query: the scoring screen's
    /// progress for a whole panel. Nothing for a record that does not score.
    fn own_panel_scores(
        &self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<Vec<Score>>;
    /// [`Storage::own_panel_scores`] counted up per candidate (by candidate): how many are
    /// marked and whether they are submitted, without reading the scores' evidence.
    fn own_panel_progress(
        &self,
        campaign_id: CampaignId,
        assessor_id: AssessorId,
    ) -> Result<Vec<OwnProgress>>;
    fn submitted_scores(&self, campaign_id: CampaignId) -> Result<Vec<Score>>;

    // Decisions: agreed scores, moderation, ties, sign-off.
    fn agree_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<AgreedScore>;
    fn agree_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decisions: &[Decision],
    ) -> Result<usize>;
    fn agreed_scores(&self, candidate_id: CandidateId) -> Result<Vec<AgreedScore>>;
    fn moderate_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<Moderation>;
    fn moderations(&self, candidate_id: CandidateId) -> Result<Vec<Moderation>>;
    fn decisions(&self, campaign_id: CampaignId) -> Result<(Vec<AgreedScore>, Vec<Moderation>)>;
    fn order_tie(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
        ordered: &[CandidateId],
        reason: &str,
    ) -> Result<()>;
    fn sign_off(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
    ) -> Result<()>;
    fn reopen(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
        reason: &str,
    ) -> Result<()>;
    fn signoffs(&self, campaign_id: CampaignId) -> Result<Vec<SignOff>>;

    // Results, flags, statistics and the board: computed from one read of the campaign.
    fn campaign_data(&self, campaign_id: CampaignId) -> Result<CampaignData>;

    /// The moderation board: results and flags from one load.
    fn board(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<board::Board> {
        Ok(board::compute(&self.campaign_data(campaign_id)?, settings))
    }

    /// The moderation board packed for the screen.
    fn packed_board(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<board::PackedBoard> {
        Ok(packed(&self.campaign_data(campaign_id)?, settings))
    }

    /// The moderation board kept for serving a window at a time (see
    /// [`BoardView`](crate::scoring::board_window::BoardView)), computed from what `key` names.
    fn board_view(
        &self,
        key: crate::scoring::board_window::BoardKey,
    ) -> Result<crate::scoring::board_window::BoardView> {
        let data = self.campaign_data(key.campaign_id)?;
        let board = packed(&data, &key.settings);
        let flagged_panels = board
            .panel_flags
            .iter()
            .filter_map(|f| data.panels.iter().find(|p| Some(p.id) == f.panel_id))
            .map(|p| p.name.clone())
            .collect();
        Ok(crate::scoring::board_window::BoardView::new(
            key,
            board,
            flagged_panels,
        ))
    }

    /// The results and statistics kept for serving the Results screen a window at a time
    /// (see [`ResultsView`](crate::scoring::results_window::ResultsView)), computed from one
    /// read of what `key` names (the statistics from the same read, when first asked for).
    fn results_view(
        &self,
        key: crate::scoring::results_window::ResultsKey,
    ) -> Result<crate::scoring::results_window::ResultsView> {
        let data = self.campaign_data(key.campaign_id)?;
        Ok(crate::scoring::results_window::ResultsView::compute(
            key, data,
        ))
    }

    /// Results in merit order.
    fn results(&self, campaign_id: CampaignId) -> Result<Vec<results::CandidateResult>> {
        Ok(results::compute(&self.campaign_data(campaign_id)?))
    }

    /// Flags with the given thresholds.
    fn flags(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<Vec<flags::Flag>> {
        Ok(flags::compute(&self.campaign_data(campaign_id)?, settings))
    }

    /// Statistics.
    fn stats(&self, campaign_id: CampaignId) -> Result<report::CampaignStats> {
        Ok(report::compute(&self.campaign_data(campaign_id)?))
    }

    // Personal data and retention.
    fn erase_candidate(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
        reason: &str,
    ) -> Result<()>;
    fn retention(&self) -> Result<Vec<RetentionStatus>>;
    fn campaign_retention(&self, campaign_id: CampaignId) -> Result<RetentionStatus>;
    fn set_retention(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        months: i64,
        reason: &str,
    ) -> Result<()>;
    fn purge_campaign(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        reason: &str,
    ) -> Result<usize>;

    // The audit log and its anchors.
    fn audit_events(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>>;
    fn audit_head(&self) -> Result<String>;
    fn verify(&self) -> Result<Verification>;
    fn anchor(&self) -> Result<Anchor>;
    fn check_anchor(&self, anchor: &Anchor) -> Result<AnchorCheck>;
    /// Calls `each` with every audit event about the campaign that the signed-in user may
    /// read, oldest first, through event `through_seq` if given; stops at the first error.
    fn campaign_audit(
        &self,
        campaign_id: CampaignId,
        through_seq: Option<i64>,
        each: &mut dyn FnMut(AuditRef<'_>) -> Result<()>,
    ) -> Result<()>;
    /// The installation key that signs the heads this store hands out, if it has one.
    fn installation_key(&self) -> Option<&InstallationKey> {
        None
    }

    // Whole-campaign work.
    fn export_campaign(
        &self,
        campaign_id: CampaignId,
        dir: &Path,
        options: &ExportOptions,
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<ExportSummary>;

    /// The local SQLite store underneath, for the work only it does (benchmarks, transfers);
    /// `None` on a shared database.
    fn as_local(&self) -> Option<&Store> {
        None
    }

    /// The local SQLite store, taken back out of the box; `None` on a shared database.
    fn into_local(self: Box<Self>) -> Option<Store> {
        None
    }
}

/// The board computed from `data` and packed, criteria named by the scorecard's keys: its
/// entries as assessed, then with several exercises its criteria as built.
fn packed(data: &CampaignData, settings: &flags::FlagSettings) -> board::PackedBoard {
    let (built, assessed) = (&data.campaign.scorecard, &data.campaign.assessed);
    let combined = if built.has_several_exercises() {
        built.criteria.as_slice()
    } else {
        &[]
    };
    let keys = assessed
        .criteria
        .iter()
        .chain(combined)
        .map(|c| c.key.clone())
        .collect();
    board::compute(data, settings).pack(keys)
}

/// An open database of either kind: what a [`crate::session::Session`] signs in to, and what
/// signing out gives back.
pub struct Database(pub(crate) Box<dyn Storage>);

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.as_local() {
            Some(store) => store.fmt(f),
            None => f.write_str("Database(shared)"),
        }
    }
}

impl From<Store> for Database {
    fn from(store: Store) -> Self {
        Database(Box::new(store))
    }
}

impl From<super::postgres::PgStore> for Database {
    fn from(store: super::postgres::PgStore) -> Self {
        Database(Box::new(store))
    }
}

impl Database {
    /// The users of this database, before anyone signs in (the local file's "who are you"
    /// list).
    pub fn users(&self) -> Result<Vec<User>> {
        self.0.users()
    }

    /// The local SQLite store, if this is one.
    pub fn into_local(self) -> Option<Store> {
        self.0.into_local()
    }
}

/// Implements trait methods by calling the inherent methods of the same name on [`Store`].
macro_rules! delegate_to_store {
    () => {};
    (fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty; $($rest:tt)*) => {
        fn $name(&self $(, $arg: $ty)*) -> $ret {
            Store::$name(self $(, $arg)*)
        }
        delegate_to_store!($($rest)*);
    };
    (fn $name:ident(&mut self $(, $arg:ident: $ty:ty)*) -> $ret:ty; $($rest:tt)*) => {
        fn $name(&mut self $(, $arg: $ty)*) -> $ret {
            Store::$name(self $(, $arg)*)
        }
        delegate_to_store!($($rest)*);
    };
}

impl Storage for Store {
    delegate_to_store! {
        fn users(&self) -> Result<Vec<User>>;
        fn user(&self, login: &str) -> Result<Option<User>>;
        fn add_user(&mut self, actor: &str, login: &str, name: &str, hr_admin: bool) -> Result<User>;
        fn records_of(&self, login: &str, campaign_id: CampaignId) -> Result<Vec<Assessor>>;
        fn all_records_of(&self, login: &str) -> Result<Vec<Assessor>>;
        fn has_submitted(&self, candidate_id: CandidateId, assessor_id: AssessorId) -> Result<bool>;
        fn create_role(&mut self, actor: &str, role: &Role) -> Result<RoleId>;
        fn update_role(&mut self, actor: &str, id: RoleId, role: &Role) -> Result<()>;
        fn role(&self, id: RoleId) -> Result<StoredRole>;
        fn roles(&self) -> Result<Vec<StoredRole>>;
        fn create_scorecard(&mut self, actor: &str, role_id: Option<RoleId>, scorecard: &Scorecard) -> Result<ScorecardId>;
        fn update_scorecard(&mut self, actor: &str, id: ScorecardId, scorecard: &Scorecard) -> Result<i64>;
        fn scorecard(&self, id: ScorecardId) -> Result<StoredScorecard>;
        fn scorecards(&self) -> Result<Vec<StoredScorecard>>;
        fn create_campaign(&mut self, actor: &str, name: &str, scorecard_id: ScorecardId) -> Result<CampaignId>;
        fn campaign(&self, id: CampaignId) -> Result<Campaign>;
        fn campaigns(&self) -> Result<Vec<Campaign>>;
        fn start_scoring(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()>;
        fn start_moderation(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()>;
        fn return_to_scoring(&mut self, actor: &str, campaign_id: CampaignId, reason: &str) -> Result<()>;
        fn posts(&self, campaign_id: CampaignId) -> Result<Option<u32>>;
        fn set_posts(&mut self, actor: &str, campaign_id: CampaignId, posts: Option<u32>, reason: Option<&str>) -> Result<()>;
        fn flag_settings(&self, campaign_id: CampaignId) -> Result<flags::FlagSettings>;
        fn set_flag_settings(&mut self, actor: &str, campaign_id: CampaignId, settings: &flags::FlagSettings) -> Result<()>;
        fn add_panel(&mut self, actor: &str, campaign_id: CampaignId, name: &str) -> Result<PanelId>;
        fn panels(&self, campaign_id: CampaignId) -> Result<Vec<Panel>>;
        fn add_assessor(&mut self, actor: &str, campaign_id: CampaignId, name: &str, role: AssessorRole, panel_id: Option<PanelId>, login: &str) -> Result<AssessorId>;
        fn assessors(&self, campaign_id: CampaignId) -> Result<Vec<Assessor>>;
        fn set_assessor_exercise(&mut self, actor: &str, campaign_id: CampaignId, assessor_id: AssessorId, exercise: Option<&str>) -> Result<()>;
        fn add_candidate(&mut self, actor: &str, campaign_id: CampaignId, candidate: &NewCandidate) -> Result<CandidateId>;
        fn update_candidate(&mut self, actor: &str, campaign_id: CampaignId, candidate_id: CandidateId, candidate: &NewCandidate) -> Result<()>;
        fn candidates(&self, campaign_id: CampaignId) -> Result<Vec<Candidate>>;
        fn candidate(&self, campaign_id: CampaignId, candidate_id: CandidateId) -> Result<Candidate>;
        fn candidate_by_reference(&self, campaign_id: CampaignId, reference: &str) -> Result<Candidate>;
        fn place_candidate(&mut self, actor: &str, campaign_id: CampaignId, candidate_id: CandidateId, exercise: &str, panel: Option<PanelId>) -> Result<()>;
        fn import_candidates(&mut self, actor: &str, campaign_id: CampaignId, file: &str, bytes: &[u8], progress: &mut crate::cancel::Progress<'_>) -> Result<usize>;
        fn withdraw_candidate(&mut self, actor: &str, campaign_id: CampaignId, candidate_id: CandidateId, reason: &str) -> Result<()>;
        fn set_adjustments(&mut self, actor: &str, campaign_id: CampaignId, candidate_id: CandidateId, note: &str) -> Result<()>;
        fn adjustments(&self, campaign_id: CampaignId, candidate_id: CandidateId) -> Result<Option<String>>;
        fn declare_conflict(&mut self, actor: &str, campaign_id: CampaignId, assessor_id: AssessorId, candidate_id: CandidateId, reason: &str) -> Result<ConflictDeclaration>;
        fn confirm_no_conflicts(&mut self, actor: &str, campaign_id: CampaignId, assessor_id: AssessorId) -> Result<()>;
        fn conflicts(&self, campaign_id: CampaignId) -> Result<Vec<ConflictDeclaration>>;
        fn conflict_status(&self, login: &str, campaign_id: CampaignId) -> Result<ConflictStatus>;
        fn save_score(&mut self, actor: &str, campaign_id: CampaignId, input: &ScoreInput) -> Result<Score>;
        fn save_scores(&mut self, actor: &str, campaign_id: CampaignId, inputs: &[ScoreInput], progress: &mut crate::cancel::Progress<'_>) -> Result<usize>;
        fn submit_scores(&mut self, actor: &str, campaign_id: CampaignId, candidate_id: CandidateId, assessor_id: AssessorId) -> Result<Vec<Score>>;
        fn submit_scores_for(&mut self, actor: &str, campaign_id: CampaignId, submissions: &[(CandidateId, AssessorId)]) -> Result<usize>;
        fn visible_scores(&self, campaign_id: CampaignId, candidate_id: CandidateId, viewer_id: AssessorId) -> Result<Vec<Score>>;
        fn own_panel_scores(&self, campaign_id: CampaignId, assessor_id: AssessorId) -> Result<Vec<Score>>;
        fn own_panel_progress(&self, campaign_id: CampaignId, assessor_id: AssessorId) -> Result<Vec<OwnProgress>>;
        fn submitted_scores(&self, campaign_id: CampaignId) -> Result<Vec<Score>>;
        fn agree_score(&mut self, actor: &str, campaign_id: CampaignId, decision: &Decision) -> Result<AgreedScore>;
        fn agree_scores(&mut self, actor: &str, campaign_id: CampaignId, decisions: &[Decision]) -> Result<usize>;
        fn agreed_scores(&self, candidate_id: CandidateId) -> Result<Vec<AgreedScore>>;
        fn moderate_score(&mut self, actor: &str, campaign_id: CampaignId, decision: &Decision) -> Result<Moderation>;
        fn moderations(&self, candidate_id: CandidateId) -> Result<Vec<Moderation>>;
        fn decisions(&self, campaign_id: CampaignId) -> Result<(Vec<AgreedScore>, Vec<Moderation>)>;
        fn order_tie(&mut self, actor: &str, campaign_id: CampaignId, moderator_id: AssessorId, ordered: &[CandidateId], reason: &str) -> Result<()>;
        fn sign_off(&mut self, actor: &str, campaign_id: CampaignId, moderator_id: AssessorId) -> Result<()>;
        fn reopen(&mut self, actor: &str, campaign_id: CampaignId, moderator_id: AssessorId, reason: &str) -> Result<()>;
        fn signoffs(&self, campaign_id: CampaignId) -> Result<Vec<SignOff>>;
        fn campaign_data(&self, campaign_id: CampaignId) -> Result<CampaignData>;
        fn erase_candidate(&mut self, actor: &str, campaign_id: CampaignId, candidate_id: CandidateId, reason: &str) -> Result<()>;
        fn retention(&self) -> Result<Vec<RetentionStatus>>;
        fn campaign_retention(&self, campaign_id: CampaignId) -> Result<RetentionStatus>;
        fn set_retention(&mut self, actor: &str, campaign_id: CampaignId, months: i64, reason: &str) -> Result<()>;
        fn purge_campaign(&mut self, actor: &str, campaign_id: CampaignId, reason: &str) -> Result<usize>;
        fn audit_events(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>>;
        fn audit_head(&self) -> Result<String>;
        fn verify(&self) -> Result<Verification>;
        fn anchor(&self) -> Result<Anchor>;
    }

    fn check_anchor(&self, anchor: &Anchor) -> Result<AnchorCheck> {
        crate::anchor::check(self.conn(), anchor)
    }

    fn campaign_audit(
        &self,
        campaign_id: CampaignId,
        through_seq: Option<i64>,
        each: &mut dyn FnMut(AuditRef<'_>) -> Result<()>,
    ) -> Result<()> {
        super::audit::for_each_campaign_record(self.conn(), campaign_id, through_seq, each)
    }

    fn installation_key(&self) -> Option<&InstallationKey> {
        Store::installation_key(self)
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

    fn as_local(&self) -> Option<&Store> {
        Some(self)
    }

    fn into_local(self: Box<Self>) -> Option<Store> {
        Some(*self)
    }
}
