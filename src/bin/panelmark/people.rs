//! `candidates withdraw`, `conflict declare|confirm-none|list` and `adjustments set|show`:
//! what happens to people during a campaign, through the signed-in session (`--as LOGIN`)
//! like every other command.

use anyhow::Result;
use clap::{Args, Subcommand};
use panelmark::model::CampaignId;
use panelmark::session::Session;

use crate::emit;

/// A candidate of a campaign, by reference.
#[derive(Args)]
pub struct CandidateArgs {
    /// Campaign id.
    #[arg(long)]
    pub campaign: CampaignId,
    /// The candidate's reference.
    #[arg(long, value_name = "REF")]
    pub candidate: String,
}

/// `candidates withdraw`.
#[derive(Args)]
pub struct WithdrawArgs {
    #[command(flatten)]
    pub who: CandidateArgs,
    /// Why they withdrew (shown to HR administrators and moderators; audited as a commitment).
    #[arg(long)]
    pub reason: String,
}

#[derive(Subcommand)]
pub enum ConflictCommand {
    /// Declare a conflict of interest with a candidate of your panel (you then neither see
    /// nor score them).
    Declare {
        #[command(flatten)]
        who: CandidateArgs,
        /// Why (e.g. "former line manager").
        #[arg(long)]
        reason: String,
    },
    /// Confirm you have no (further) conflicts of interest in the campaign; needed before you
    /// score, unless you declared one.
    ConfirmNone {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
    },
    /// The declarations you may see: all of them for HR administrators and moderators.
    List {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum AdjustmentsCommand {
    /// Set a candidate's reasonable adjustments, for their panel (HR administrators only); an
    /// empty note clears them.
    Set {
        #[command(flatten)]
        who: CandidateArgs,
        /// The note (e.g. "extra 15 minutes; step-free room").
        #[arg(long)]
        note: String,
    },
    /// Print a candidate's reasonable adjustments (their panel and HR administrators).
    Show {
        #[command(flatten)]
        who: CandidateArgs,
    },
}

/// `candidates withdraw`.
pub fn withdraw(mut session: Session, args: &WithdrawArgs) -> Result<()> {
    let CandidateArgs {
        campaign,
        candidate,
    } = &args.who;
    let found = session.candidate_by_reference(*campaign, candidate)?;
    session.withdraw_candidate(*campaign, found.id, &args.reason)?;
    emit(&format!(
        "withdrew candidate {candidate} from campaign {campaign}: they leave the merit list\n"
    ));
    Ok(())
}

/// `conflict …`.
pub fn conflict(mut session: Session, command: &ConflictCommand) -> Result<()> {
    match command {
        ConflictCommand::Declare { who, reason } => {
            let found = session.candidate_by_reference(who.campaign, &who.candidate)?;
            let declared = session.declare_conflict(who.campaign, found.id, reason)?;
            emit(&format!(
                "{} declared a conflict of interest with {} (campaign {})\n",
                declared.assessor, declared.candidate, who.campaign
            ));
        }
        ConflictCommand::ConfirmNone { campaign } => {
            session.confirm_no_conflicts(*campaign)?;
            emit(&format!(
                "{} confirmed no conflicts of interest in campaign {campaign}\n",
                session.user().name
            ));
        }
        ConflictCommand::List { campaign, json } => {
            let declarations = session.conflicts(*campaign)?;
            if *json {
                emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&declarations)?
                ));
            } else if declarations.is_empty() {
                emit("no conflicts of interest declared\n");
            } else {
                for d in declarations {
                    emit(&format!(
                        "{}  {}  {}  {}\n",
                        d.candidate, d.assessor, d.declared_at, d.reason
                    ));
                }
            }
        }
    }
    Ok(())
}

/// `adjustments …`.
pub fn adjustments(mut session: Session, command: &AdjustmentsCommand) -> Result<()> {
    match command {
        AdjustmentsCommand::Set { who, note } => {
            let found = session.candidate_by_reference(who.campaign, &who.candidate)?;
            session.set_adjustments(who.campaign, found.id, note)?;
            let done = if note.trim().is_empty() {
                "cleared"
            } else {
                "set"
            };
            emit(&format!(
                "{done} the reasonable adjustments of {}\n",
                who.candidate
            ));
        }
        AdjustmentsCommand::Show { who } => {
            let found = session.candidate_by_reference(who.campaign, &who.candidate)?;
            match session.adjustments(who.campaign, found.id)? {
                Some(note) => emit(&format!("{note}\n")),
                None => emit("none\n"),
            }
        }
    }
    Ok(())
}
