//! `candidates import|erase`: candidate lists and data-protection erasure.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;

use crate::{read_file, Ctx};

#[derive(Subcommand)]
pub enum CandidatesCommand {
    /// Erase a candidate's personal data on a data-protection request (audited; needs a reason).
    Erase {
        /// The candidate's reference.
        reference: String,
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
        /// Why, kept in the audit log in clear: the request's reference, not the person's name.
        #[arg(long)]
        reason: String,
    },
    /// Withdraw a candidate, with a reason, before sign-off (HR administrators and moderators):
    /// they leave the merit list and no longer hold up sign-off.
    Withdraw(crate::people::WithdrawArgs),
    /// Import candidates from CSV (reference,name[,email][,panel][,slot]); all rows or none.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
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
