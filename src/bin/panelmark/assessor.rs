//! `assessor add`: people in a campaign.

use anyhow::{Context, Result};
use clap::Subcommand;
use panelmark::model::{AssessorRole, CampaignId};

use crate::Ctx;

#[derive(Subcommand)]
pub enum AssessorCommand {
    /// Make a user a member, chair or moderator of a campaign (HR administrators only).
    Add {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// The user's login.
        #[arg(long = "login", value_name = "LOGIN")]
        user: String,
        /// member, chair or moderator.
        #[arg(long)]
        role: String,
        /// The panel's name (members and chairs).
        #[arg(long)]
        panel: Option<String>,
        /// Limit a member or chair to one exercise (its key, e.g. e2, or its name); by
        /// default they score every exercise.
        #[arg(long)]
        exercise: Option<String>,
    },
}

pub fn run(ctx: &Ctx, command: &AssessorCommand) -> Result<()> {
    match command {
        AssessorCommand::Add {
            campaign,
            user: who,
            role,
            panel,
            exercise,
        } => {
            let mut session = ctx.open()?;
            let role = AssessorRole::parse(role)
                .with_context(|| format!("--role '{role}': use member, chair or moderator"))?;
            let panel_id = match panel {
                None => None,
                Some(name) => Some(crate::panel::named(&session, *campaign, name)?.id),
            };
            // Resolved before adding, so a wrong exercise adds nobody.
            let exercise = match exercise {
                None => None,
                Some(named) => {
                    let card = session.campaign(*campaign)?.scorecard;
                    let found = card
                        .exercise_list()
                        .into_iter()
                        .find(|e| {
                            e.key == named.trim() || e.name.eq_ignore_ascii_case(named.trim())
                        })
                        .with_context(|| {
                            format!("--exercise '{named}': no such exercise in campaign {campaign}")
                        })?;
                    Some(found)
                }
            };
            let id = session.add_assessor(*campaign, who, role, panel_id)?;
            if let Some(exercise) = &exercise {
                session.set_assessor_exercise(*campaign, id, Some(&exercise.key))?;
            }
            outln!(
                "{who} is now a {} in campaign {campaign} (assessor {id}){}",
                role.as_str(),
                exercise
                    .map(|e| format!(", scoring exercise {} ({})", e.key, e.name))
                    .unwrap_or_default()
            );
        }
    }
    Ok(())
}
