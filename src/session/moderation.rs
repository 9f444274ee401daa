//! What only a campaign's moderators may do: the board, results, statistics, exports,
//! moderation, tie orders, sign-off and reopening.

use std::path::Path;
use std::sync::Arc;

use super::Session;
use crate::cancel::Progress;
use crate::export::{ExportOptions, ExportSummary};
use crate::model::{AgreedScore, CampaignId, CandidateId, Decision, Moderation, Score};
use crate::scoring::board_window::{BoardKey, BoardView};
use crate::scoring::results_window::{ResultsKey, ResultsView};
use crate::scoring::{board, flags, report, results};
use crate::store::SignOff;
use crate::Result;

impl Session {
    /// The moderation board: results and flags from one load.
    pub fn board(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<board::Board> {
        self.require_moderator(campaign_id, "see the moderation board")?;
        self.store.board(campaign_id, settings)
    }

    /// The moderation board packed for the screen.
    pub fn packed_board(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<board::PackedBoard> {
        self.require_moderator(campaign_id, "see the moderation board")?;
        self.store.packed_board(campaign_id, settings)
    }

    /// The moderation board to serve a window at a time: `cached` when it was computed for
    /// this user from the same campaign, thresholds and audit head (nothing was written
    /// since), else computed afresh. The head is read before the board, so a write that
    /// lands in between leaves the new board looking older than it is (computed again next
    /// time), never newer.
    pub fn board_view(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
        cached: Option<Arc<BoardView>>,
    ) -> Result<Arc<BoardView>> {
        self.require_moderator(campaign_id, "see the moderation board")?;
        let key = BoardKey {
            campaign_id,
            settings: *settings,
            audit_head: self.store.audit_head()?,
            viewer: self.actor().to_owned(),
        };
        match cached {
            Some(view) if *view.key() == key => Ok(view),
            _ => Ok(Arc::new(self.store.board_view(key)?)),
        }
    }

    /// The results and statistics to serve the Results screen a window at a time: `cached`
    /// when they were computed for this user from the same campaign and audit head (nothing
    /// was written since), else computed afresh (the head read first, as for the board).
    pub fn results_view(
        &self,
        campaign_id: CampaignId,
        cached: Option<Arc<ResultsView>>,
    ) -> Result<Arc<ResultsView>> {
        self.require_moderator(campaign_id, "see the results")?;
        let key = ResultsKey {
            campaign_id,
            audit_head: self.store.audit_head()?,
            viewer: self.actor().to_owned(),
        };
        match cached {
            Some(view) if *view.key() == key => Ok(view),
            _ => Ok(Arc::new(self.store.results_view(key)?)),
        }
    }

    /// Results in merit order.
    pub fn results(&self, campaign_id: CampaignId) -> Result<Vec<results::CandidateResult>> {
        self.require_moderator(campaign_id, "see the results")?;
        self.store.results(campaign_id)
    }

    /// The campaign's flag thresholds (an HR administrator or a moderator): what the board,
    /// the command line and the exports flag with unless told otherwise.
    pub fn flag_settings(&self, campaign_id: CampaignId) -> Result<flags::FlagSettings> {
        self.require_hr_or_moderator(campaign_id, "see the flag thresholds")?;
        self.store.flag_settings(campaign_id)
    }

    /// Sets the campaign's flag thresholds (an HR administrator or a moderator; audited).
    pub fn set_flag_settings(
        &mut self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<()> {
        self.require_hr_or_moderator(campaign_id, "change the flag thresholds")?;
        let actor = self.actor().to_owned();
        self.store.set_flag_settings(&actor, campaign_id, settings)
    }

    /// Flags with the given thresholds.
    pub fn flags(
        &self,
        campaign_id: CampaignId,
        settings: &flags::FlagSettings,
    ) -> Result<Vec<flags::Flag>> {
        self.require_moderator(campaign_id, "see the flags")?;
        self.store.flags(campaign_id, settings)
    }

    /// Statistics.
    pub fn stats(&self, campaign_id: CampaignId) -> Result<report::CampaignStats> {
        self.require_moderator(campaign_id, "see the statistics")?;
        self.store.stats(campaign_id)
    }

    /// Every submitted score of the campaign, with evidence.
    pub fn submitted_scores(&self, campaign_id: CampaignId) -> Result<Vec<Score>> {
        self.require_moderator(campaign_id, "read every submitted score")?;
        self.store.submitted_scores(campaign_id)
    }

    /// Every agreed score and moderation of the campaign.
    pub fn decisions(
        &self,
        campaign_id: CampaignId,
    ) -> Result<(Vec<AgreedScore>, Vec<Moderation>)> {
        self.require_moderator(campaign_id, "read every decision")?;
        self.store.decisions(campaign_id)
    }

    /// Sets a candidate's score on a criterion as the user's moderator record
    /// (`decision.by` is set by the session: whatever the caller sent is ignored).
    pub fn moderate_score(
        &mut self,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<Moderation> {
        let moderator = self.require_moderator(campaign_id, "moderate scores")?;
        let decision = Decision {
            by: moderator.id,
            ..decision.clone()
        };
        let actor = self.actor().to_owned();
        self.store.moderate_score(&actor, campaign_id, &decision)
    }

    /// A candidate's moderations.
    pub fn moderations(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Vec<Moderation>> {
        self.require_moderator(campaign_id, "see moderations")?;
        self.store.candidate(campaign_id, candidate_id)?;
        self.store.moderations(candidate_id)
    }

    /// Signs the results off, locking the campaign.
    pub fn sign_off(&mut self, campaign_id: CampaignId) -> Result<()> {
        let moderator = self.require_moderator(campaign_id, "sign off")?;
        let actor = self.actor().to_owned();
        self.store.sign_off(&actor, campaign_id, moderator.id)
    }

    /// Reopens signed-off results, with a reason.
    pub fn reopen(&mut self, campaign_id: CampaignId, reason: &str) -> Result<()> {
        let moderator = self.require_moderator(campaign_id, "reopen signed-off results")?;
        let actor = self.actor().to_owned();
        self.store.reopen(&actor, campaign_id, moderator.id, reason)
    }

    /// Sign-off history.
    pub fn signoffs(&self, campaign_id: CampaignId) -> Result<Vec<SignOff>> {
        self.require_part(campaign_id, "see the sign-off history")?;
        self.store.signoffs(campaign_id)
    }

    /// Separates tied candidates in the given order, with a reason.
    pub fn order_tie(
        &mut self,
        campaign_id: CampaignId,
        ordered: &[CandidateId],
        reason: &str,
    ) -> Result<()> {
        let moderator = self.require_moderator(campaign_id, "separate tied candidates")?;
        let actor = self.actor().to_owned();
        self.store
            .order_tie(&actor, campaign_id, moderator.id, ordered, reason)
    }

    /// Writes the chosen exports of a campaign into `dir` (see [`crate::export`]); `progress`
    /// hears (done, total) as PDF packs are written.
    pub fn export_campaign(
        &self,
        campaign_id: CampaignId,
        dir: &Path,
        options: &ExportOptions,
        progress: impl FnMut(usize, usize),
    ) -> Result<ExportSummary> {
        self.export_campaign_with(
            campaign_id,
            dir,
            options,
            &mut Progress::reporting(progress),
        )
    }

    /// [`Session::export_campaign`] that `progress` may cancel between files and packs: a
    /// cancelled (or failed) export leaves no file in `dir`.
    pub fn export_campaign_with(
        &self,
        campaign_id: CampaignId,
        dir: &Path,
        options: &ExportOptions,
        progress: &mut Progress<'_>,
    ) -> Result<ExportSummary> {
        self.require_moderator(campaign_id, "export the campaign")?;
        self.store
            .export_campaign(campaign_id, dir, options, progress)
    }
}
