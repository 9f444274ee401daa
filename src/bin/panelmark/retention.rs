//! `retention [set|purge]`: how long each campaign keeps personal data.

use anyhow::Result;
use clap::Subcommand;
use panelmark::model::CampaignId;

use crate::Ctx;

#[derive(Subcommand)]
pub enum RetentionCommand {
    /// Change how many months a campaign keeps personal data after sign-off (audited).
    Set {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Months (1 to 120).
        #[arg(long)]
        months: i64,
        /// Why it changes.
        #[arg(long)]
        reason: String,
    },
    /// Erase every candidate's personal data and evidence in a campaign past its retention
    /// period, in one audited action; scores, results and statistics stay, anonymised.
    Purge {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Why (e.g. the retention schedule's reference).
        #[arg(long)]
        reason: String,
    },
}

/// The first ten characters of an RFC 3339 time: its date.
fn date(at: &str) -> &str {
    &at[..10.min(at.len())]
}

pub fn run(ctx: &Ctx, command: Option<&RetentionCommand>) -> Result<()> {
    match command {
        None => {
            let campaigns = ctx.open()?.retention()?;
            if campaigns.is_empty() {
                outln!("no campaigns");
            }
            for r in campaigns {
                let standing = match (&r.purged_at, r.past) {
                    (Some(at), _) => format!("purged {}", date(at)),
                    (None, true) => "PAST its retention: purge it".into(),
                    (None, false) => "kept".into(),
                };
                outln!(
                    "campaign {} ({}): {} months from {}, due {}: {standing}",
                    r.campaign_id,
                    r.name,
                    r.months,
                    r.from,
                    date(&r.due)
                );
            }
        }
        Some(RetentionCommand::Set {
            campaign,
            months,
            reason,
        }) => {
            let mut session = ctx.open()?;
            session.set_retention(*campaign, *months, reason)?;
            let r = session.campaign_retention(*campaign)?;
            outln!(
                "campaign {campaign} keeps personal data {months} months from {}: until {}",
                r.from,
                date(&r.due)
            );
        }
        Some(RetentionCommand::Purge { campaign, reason }) => {
            let erased = ctx.open()?.purge_campaign(*campaign, reason)?;
            outln!("purged campaign {campaign}: the personal data of {erased} candidates erased; scores and results kept");
        }
    }
    Ok(())
}
