//! `campaign`: campaigns in the database.

use anyhow::Result;
use clap::Subcommand;

use crate::Ctx;

#[derive(Subcommand)]
pub enum CampaignCommand {
    /// List campaigns.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
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
    }
    Ok(())
}
