//! `panel add|list`: the panels of a campaign.

use anyhow::{Context, Result};
use clap::Subcommand;
use panelmark::model::{CampaignId, Panel};
use panelmark::session::Session;

use crate::Ctx;

#[derive(Subcommand)]
pub enum PanelCommand {
    /// Add a panel to a campaign (HR administrators only).
    Add {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// The panel's name, unique in the campaign (e.g. "Panel A").
        #[arg(long)]
        name: String,
        /// Print `{"id", "campaign_id", "name"}`.
        #[arg(long)]
        json: bool,
    },
    /// List a campaign's panels.
    List {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Print JSON: `[{"id", "campaign_id", "name"}]`.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Ctx, command: &PanelCommand) -> Result<()> {
    match command {
        PanelCommand::Add {
            campaign,
            name,
            json,
        } => {
            let id = ctx.open()?.add_panel(*campaign, name)?;
            if *json {
                let out = serde_json::json!({ "id": id, "campaign_id": campaign, "name": name });
                outln!("{}", serde_json::to_string_pretty(&out)?);
            } else {
                outln!("added panel {id}: {name} to campaign {campaign}");
            }
        }
        PanelCommand::List { campaign, json } => {
            let panels = ctx.open()?.panels(*campaign)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&panels)?);
            } else {
                for p in panels {
                    outln!("{:>4}  {}", p.id, p.name);
                }
            }
        }
    }
    Ok(())
}

/// The campaign's panel with this name (any case), or an error naming the option.
pub fn named(session: &Session, campaign: CampaignId, name: &str) -> Result<Panel> {
    session
        .panels(campaign)?
        .into_iter()
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
        .with_context(|| format!("--panel '{name}': no such panel in campaign {campaign}"))
}
