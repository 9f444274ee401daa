//! A campaign's flag thresholds: one stored source for the board, the command line and the
//! exports (migration 005). Unset thresholds read as [`FlagSettings::DEFAULT`].

use rusqlite::{params, Connection};
use serde_json::json;

use super::campaigns::require_state;
use super::Store;
use crate::model::{AuditAction, CampaignId, CampaignState};
use crate::scoring::flags::FlagSettings;
use crate::Result;

impl Store {
    /// The thresholds the campaign flags with.
    pub(crate) fn flag_settings(&self, campaign_id: CampaignId) -> Result<FlagSettings> {
        self.campaign(campaign_id)?;
        read(self.conn(), campaign_id)
    }

    /// Sets the campaign's thresholds (audited as `campaign.flag_settings`, before and after).
    /// Refused once signed off: the signed-off summary's flags must stay what they were.
    pub(crate) fn set_flag_settings(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        settings: &FlagSettings,
    ) -> Result<()> {
        settings.check()?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            let before = read(tx.conn(), campaign_id)?;
            require_state(
                &campaign,
                &[
                    CampaignState::Setup,
                    CampaignState::Scoring,
                    CampaignState::Moderation,
                ],
                "changing the flag thresholds",
            )?;
            tx.conn().execute(
                "UPDATE campaigns SET flag_spread = ?2, flag_panel_mean = ?3 WHERE id = ?1",
                params![
                    campaign_id,
                    settings.spread_threshold,
                    settings.panel_mean_threshold
                ],
            )?;
            tx.audit(
                AuditAction::CampaignFlagSettings,
                &format!("campaign/{campaign_id}"),
                Some(json!(before)),
                Some(json!(settings)),
            )
        })
    }
}

fn read(conn: &Connection, campaign_id: CampaignId) -> Result<FlagSettings> {
    Ok(conn.query_row(
        "SELECT flag_spread, flag_panel_mean FROM campaigns WHERE id = ?1",
        [campaign_id],
        |r| Ok(FlagSettings::stored(r.get(0)?, r.get(1)?)),
    )?)
}
