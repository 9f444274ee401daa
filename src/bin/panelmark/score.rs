//! `score import|submit`: an assessor's own scores, from a score sheet (CSV), then made final.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use panelmark::model::CampaignId;

use crate::{read_file, Ctx};

#[derive(Subcommand)]
pub enum ScoreCommand {
    /// Save your own scores from a CSV score sheet as drafts, all rows or none
    /// (columns: assessor, candidate, criterion, value, evidence[, indicators]; see README).
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Print `{"scores", "candidates"}`.
        #[arg(long)]
        json: bool,
    },
    /// Make your scores for a candidate final: every criterion scored or NA.
    Submit {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// The candidate's reference.
        #[arg(long, value_name = "REF")]
        candidate: String,
    },
}

pub fn run(ctx: &Ctx, command: &ScoreCommand) -> Result<()> {
    match command {
        ScoreCommand::Import {
            file,
            campaign,
            json,
        } => {
            let (name, bytes) = read_file(file)?;
            let imported = ctx.open()?.import_scores(*campaign, &name, &bytes)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&imported)?);
            } else {
                outln!(
                    "saved {} draft scores for {} candidates in campaign {campaign}; submit each candidate with `score submit`",
                    imported.scores,
                    imported.candidates
                );
            }
        }
        ScoreCommand::Submit {
            campaign,
            candidate,
        } => {
            let mut session = ctx.open()?;
            let found = session.candidate_by_reference(*campaign, candidate)?;
            let scores = session.submit_scores(*campaign, found.id)?;
            outln!(
                "submitted {} scores for {} in campaign {campaign}",
                scores.len(),
                found.reference
            );
        }
    }
    Ok(())
}
