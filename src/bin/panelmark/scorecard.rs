//! `scorecard create|list`: scorecard templates built from a saved role.

use std::path::Path;

use anyhow::{Context, Result};
use clap::Subcommand;
use panelmark::model::{RoleId, Scale, Scorecard};

use crate::{read_file, Ctx};

#[derive(Subcommand)]
pub enum ScorecardCommand {
    /// Build a scorecard from a saved role: every criterion in the role's order, weight 1
    /// (HR administrators only).
    Create {
        /// Role id (see `role list`).
        #[arg(long)]
        role: RoleId,
        /// `civil-service` (the 1–7 Civil Service Jobs metric), or a JSON file
        /// `{"name": …, "points": [{"value": 1, "label": …, "descriptor": …}, …]}`.
        #[arg(
            long,
            value_name = "civil-service|FILE",
            default_value = "civil-service"
        )]
        scale: String,
        /// The pass mark on every criterion; the overall pass mark is this times the number
        /// of criteria. Without it, no criterion has a pass mark and the overall one is 0.
        #[arg(long, value_name = "N")]
        pass_mark: Option<i32>,
        /// The scorecard's name (default: the role's title).
        #[arg(long)]
        title: Option<String>,
        /// Print `{"id", "title", "criteria", "scale", "overall_pass_mark"}`.
        #[arg(long)]
        json: bool,
    },
    /// List scorecards.
    List {
        /// Print JSON: each scorecard as `{"id", "role_id", "version", "scorecard"}`.
        #[arg(long)]
        json: bool,
    },
}

/// The scale `--scale` names: the built-in Civil Service metric, or a JSON file.
fn scale(arg: &str) -> Result<Scale> {
    if arg == "civil-service" {
        return Ok(Scale::civil_service());
    }
    let (name, bytes) = read_file(Path::new(arg))?;
    let scale: Scale = serde_json::from_slice(&bytes).with_context(|| {
        format!("{name}: not a scale file ({{\"name\", \"points\": [{{\"value\", \"label\", \"descriptor\"}}]}})")
    })?;
    scale
        .validate()
        .map_err(|problem| anyhow::anyhow!("{name}: {problem}"))?;
    Ok(scale)
}

pub fn run(ctx: &Ctx, command: &ScorecardCommand) -> Result<()> {
    match command {
        ScorecardCommand::Create {
            role,
            scale: scale_arg,
            pass_mark,
            title,
            json,
        } => {
            let scale = scale(scale_arg)?;
            let mut session = ctx.open()?;
            let stored = session.role(*role)?;
            let title = title.as_deref().unwrap_or(&stored.role.title);
            let card = Scorecard::from_role(title, &stored.role, scale, *pass_mark);
            let id = session.create_scorecard(Some(*role), &card)?;
            if *json {
                let out = serde_json::json!({
                    "id": id,
                    "title": card.title,
                    "criteria": card.criteria.len(),
                    "scale": card.scale.name,
                    "overall_pass_mark": card.overall_pass_mark,
                });
                outln!("{}", serde_json::to_string_pretty(&out)?);
            } else {
                outln!(
                    "created scorecard {id}: {} ({} criteria, scale '{}', overall pass mark {})",
                    card.title,
                    card.criteria.len(),
                    card.scale.name,
                    card.overall_pass_mark
                );
            }
        }
        ScorecardCommand::List { json } => {
            let cards = ctx.open()?.scorecards()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&cards)?);
            } else if cards.is_empty() {
                outln!("no scorecards yet");
            } else {
                for c in cards {
                    outln!(
                        "{:>4}  v{:<3} {:<40} {:>3} criteria  scale '{}'",
                        c.id,
                        c.version,
                        c.scorecard.title,
                        c.scorecard.criteria.len(),
                        c.scorecard.scale.name
                    );
                }
            }
        }
    }
    Ok(())
}
