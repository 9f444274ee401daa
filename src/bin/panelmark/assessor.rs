//! `assessor add`: people in a campaign.

use anyhow::{Context, Result};
use clap::Subcommand;
use panelmark::model::AssessorRole;

use crate::Ctx;

#[derive(Subcommand)]
pub enum AssessorCommand {
    /// Make a user a member, chair or moderator of a campaign (HR administrators only).
    Add {
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
        /// The user's login.
        #[arg(long = "login", value_name = "LOGIN")]
        user: String,
        /// member, chair or moderator.
        #[arg(long)]
        role: String,
        /// The panel's name (members and chairs).
        #[arg(long)]
        panel: Option<String>,
    },
}

pub fn run(ctx: &Ctx, command: &AssessorCommand) -> Result<()> {
    match command {
        AssessorCommand::Add {
            campaign,
            user: who,
            role,
            panel,
        } => {
            let mut session = ctx.open()?;
            let role = AssessorRole::parse(role)
                .with_context(|| format!("--role '{role}': use member, chair or moderator"))?;
            let panel_id = match panel {
                None => None,
                Some(name) => Some(
                    session
                        .panels(*campaign)?
                        .into_iter()
                        .find(|p| p.name.eq_ignore_ascii_case(name))
                        .with_context(|| {
                            format!("--panel '{name}': no such panel in campaign {campaign}")
                        })?
                        .id,
                ),
            };
            let id = session.add_assessor(*campaign, who, role, panel_id)?;
            outln!(
                "{who} is now a {} in campaign {campaign} (assessor {id})",
                role.as_str()
            );
        }
    }
    Ok(())
}
