//! `candidates import|place|withdraw|erase`: candidate lists, the panel a candidate sits each
//! exercise before, withdrawal and data-protection erasure.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use panelmark::model::CampaignId;

use crate::{read_file, Ctx};

#[derive(Subcommand)]
pub enum CandidatesCommand {
    /// Erase a candidate's personal data on a data-protection request (audited; needs a reason).
    Erase {
        /// The candidate's reference.
        reference: String,
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Why, kept in the audit log in clear: the request's reference, not the person's name.
        #[arg(long)]
        reason: String,
    },
    /// Withdraw a candidate, with a reason, before sign-off (HR administrators and moderators):
    /// they leave the merit list and no longer hold up sign-off.
    Withdraw(crate::people::WithdrawArgs),
    /// Place a candidate's exercise before another panel of the campaign (a central marking
    /// team for the written test, say); `--own-panel` puts it back before their own panel (HR
    /// administrators; not once they have been scored in it).
    Place {
        #[command(flatten)]
        who: crate::people::CandidateArgs,
        /// The exercise (its key, e.g. e2, or its name).
        #[arg(long)]
        exercise: String,
        /// The panel's name.
        #[arg(
            long,
            required_unless_present = "own_panel",
            conflicts_with = "own_panel"
        )]
        panel: Option<String>,
        /// Back before the candidate's own panel.
        #[arg(long)]
        own_panel: bool,
    },
    /// Import candidates from CSV (reference,name[,email][,panel][,slot]); all rows or none.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
    },
}

pub fn run(ctx: &Ctx, command: &CandidatesCommand) -> Result<()> {
    match command {
        CandidatesCommand::Withdraw(args) => crate::people::withdraw(ctx.open()?, args)?,
        CandidatesCommand::Import { file, campaign } => {
            let (name, bytes) = read_file(file)?;
            let mut session = ctx.open_signing()?;
            let added = session.import_candidates(*campaign, &name, &bytes)?;
            outln!("imported {added} candidates into campaign {campaign}");
            outln!("audit chain head: {}", session.anchor()?);
        }
        CandidatesCommand::Place {
            who,
            exercise,
            panel,
            own_panel: _,
        } => {
            let mut session = ctx.open()?;
            let candidate = session.candidate_by_reference(who.campaign, &who.candidate)?;
            let panel = match panel {
                None => None,
                Some(name) => Some(crate::panel::named(&session, who.campaign, name)?),
            };
            session.place_candidate(
                who.campaign,
                candidate.id,
                exercise,
                panel.as_ref().map(|p| p.id),
            )?;
            outln!(
                "candidate {} sits exercise {exercise} before {} (campaign {})",
                who.candidate,
                panel.map_or("their own panel".to_owned(), |p| p.name),
                who.campaign
            );
        }
        CandidatesCommand::Erase {
            reference,
            campaign,
            reason,
        } => {
            let mut session = ctx.open()?;
            let candidate = session.candidate_by_reference(*campaign, reference)?;
            session.erase_candidate(*campaign, candidate.id, reason)?;
            outln!("erased the personal data of candidate {reference} in campaign {campaign}");
        }
    }
    Ok(())
}
