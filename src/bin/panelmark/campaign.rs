//! `campaign`: create campaigns, move them through their phases, list them.
//!
//! The phases: setup → scoring → moderation → signed off. `start-scoring` on a campaign in
//! moderation sends it back to scoring (a reason is required); `reopen` takes signed-off
//! results back to moderation (a reason is required).

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use panelmark::model::{CampaignId, CampaignState, ScorecardId};

use crate::Ctx;

#[derive(Subcommand)]
pub enum CampaignCommand {
    /// List campaigns.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Start a campaign from a scorecard (HR administrators only). Prints its id.
    Create {
        /// Scorecard id (see `scorecard list`).
        #[arg(long)]
        scorecard: ScorecardId,
        /// The campaign's name.
        #[arg(long)]
        name: String,
        /// Number of posts: the merit list marks the first N passing candidates appointable.
        #[arg(long, value_name = "N")]
        posts: Option<u32>,
        /// How long personal data is kept after sign-off: months (`18`, `18m`, `18 months`)
        /// or years (`2y`, `2 years`), 1 to 120 months.
        #[arg(long, value_name = "DURATION")]
        retention: Option<String>,
        /// Print `{"id", "name", "state", "scorecard_id", "posts", "retention_months"}`.
        #[arg(long)]
        json: bool,
    },
    /// Setup → scoring (HR administrators); or moderation → back to scoring, with --reason
    /// (an HR administrator or a moderator).
    StartScoring(PhaseArgs),
    /// Scoring → moderation (an HR administrator or a moderator).
    StartModeration(PhaseArgs),
    /// Sign the results off, locking the campaign (a moderator).
    SignOff(PhaseArgs),
    /// Reopen signed-off results, with --reason (a moderator).
    Reopen(PhaseArgs),
    /// Change the number of posts; once scoring has started, with --reason (an HR
    /// administrator or a moderator).
    Posts {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// The new number of posts.
        #[arg(long, value_name = "N")]
        posts: u32,
        /// Why it changes.
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(clap::Args)]
pub struct PhaseArgs {
    /// Campaign id.
    #[arg(long)]
    campaign: CampaignId,
    /// Why (required to send a campaign back to scoring and to reopen).
    #[arg(long)]
    reason: Option<String>,
}

/// Parses a retention period into months: `18`, `18m`, `18 months`, `2y`, `2 years`.
fn retention_months(text: &str) -> Result<i64> {
    let t = text.trim().to_lowercase();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let unit = t[digits.len()..].trim();
    let n: i64 = digits
        .parse()
        .with_context(|| format!("--retention '{text}': start with a number, e.g. 24m or 2y"))?;
    let months = match unit {
        "" | "m" | "mo" | "month" | "months" => n,
        "y" | "yr" | "year" | "years" => n * 12,
        _ => bail!("--retention '{text}': use months (24m) or years (2y)"),
    };
    if !(1..=120).contains(&months) {
        bail!("--retention '{text}': {months} months is outside 1 to 120");
    }
    Ok(months)
}

fn required_reason<'a>(reason: &'a Option<String>, action: &str) -> Result<&'a str> {
    reason
        .as_deref()
        .filter(|r| !r.trim().is_empty())
        .with_context(|| format!("--reason: {action} needs a reason"))
}

pub fn run(ctx: &Ctx, command: &CampaignCommand) -> Result<()> {
    match command {
        CampaignCommand::List { json } => {
            let campaigns = ctx.open()?.campaigns()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&campaigns)?);
            } else {
                for c in campaigns {
                    outln!(
                        "{:>4}  {:<11} {}  ({})",
                        c.id,
                        c.state.as_str(),
                        c.name,
                        c.scorecard.title
                    );
                }
            }
        }
        CampaignCommand::Create {
            scorecard,
            name,
            posts,
            retention,
            json,
        } => {
            // Checked before anything is written, so a bad value leaves no half-made campaign.
            let months = retention.as_deref().map(retention_months).transpose()?;
            if *posts == Some(0) {
                bail!("--posts: at least 1");
            }
            let mut session = ctx.open()?;
            let id = session.create_campaign(name, *scorecard)?;
            if posts.is_some() {
                session.set_posts(id, *posts, None)?;
            }
            if let Some(months) = months {
                session.set_retention(id, months, "set when the campaign was created")?;
            }
            let campaign = session.campaign(id)?;
            let months = session.campaign_retention(id)?.months;
            if *json {
                let out = serde_json::json!({
                    "id": id,
                    "name": campaign.name,
                    "state": campaign.state.as_str(),
                    "scorecard_id": campaign.scorecard_id,
                    "posts": posts,
                    "retention_months": months,
                });
                outln!("{}", serde_json::to_string_pretty(&out)?);
            } else {
                outln!(
                    "created campaign {id}: {} (scorecard {}, {}, personal data kept {months} months after sign-off)",
                    campaign.name,
                    campaign.scorecard_id,
                    posts.map_or("no number of posts".into(), |n| format!("{n} posts")),
                );
            }
        }
        CampaignCommand::StartScoring(args) => {
            let mut session = ctx.open()?;
            if session.campaign(args.campaign)?.state == CampaignState::Moderation {
                let reason = required_reason(&args.reason, "sending a campaign back to scoring")?;
                session.return_to_scoring(args.campaign, reason)?;
                outln!("campaign {} is back in scoring", args.campaign);
            } else {
                session.start_scoring(args.campaign)?;
                outln!("campaign {} is in scoring", args.campaign);
            }
        }
        CampaignCommand::StartModeration(args) => {
            ctx.open()?.start_moderation(args.campaign)?;
            outln!("campaign {} is in moderation", args.campaign);
        }
        CampaignCommand::SignOff(args) => {
            let mut session = ctx.open()?;
            session.sign_off(args.campaign)?;
            outln!(
                "campaign {} is signed off; audit chain head: {}",
                args.campaign,
                session.anchor()?
            );
        }
        CampaignCommand::Reopen(args) => {
            let reason = required_reason(&args.reason, "reopening signed-off results")?;
            ctx.open()?.reopen(args.campaign, reason)?;
            outln!("campaign {} is reopened for moderation", args.campaign);
        }
        CampaignCommand::Posts {
            campaign,
            posts,
            reason,
        } => {
            ctx.open()?
                .set_posts(*campaign, Some(*posts), reason.as_deref())?;
            outln!("campaign {campaign} has {posts} posts");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::retention_months;

    #[test]
    fn retention_reads_months_and_years_and_refuses_the_rest() {
        assert_eq!(retention_months("18").unwrap(), 18);
        assert_eq!(retention_months("24m").unwrap(), 24);
        assert_eq!(retention_months("6 months").unwrap(), 6);
        assert_eq!(retention_months("2y").unwrap(), 24);
        assert_eq!(retention_months("10 Years").unwrap(), 120);
        assert!(retention_months("11y").is_err());
        assert!(retention_months("0m").is_err());
        assert!(retention_months("2w").is_err());
        assert!(retention_months("long").is_err());
    }
}
