//! `agree`, `moderate` and `tie order`: the panel chair's agreed scores and the moderator's
//! decisions, each with its written reason.

use anyhow::{anyhow, Context, Result};
use clap::Subcommand;
use panelmark::import::scores::parse_value;
use panelmark::model::{AssessorId, CampaignId, Decision};
use panelmark::session::Session;

use crate::Ctx;

/// One decision on one candidate's criterion.
#[derive(clap::Args)]
pub struct DecisionArgs {
    /// Campaign id.
    #[arg(long)]
    campaign: CampaignId,
    /// The candidate's reference.
    #[arg(long, value_name = "REF")]
    candidate: String,
    /// The criterion: its key (c1) or its name.
    #[arg(long)]
    criterion: String,
    /// A point of the scale, or NA (not assessed).
    #[arg(long, value_name = "N|NA", allow_hyphen_values = true)]
    value: String,
}

#[derive(Subcommand)]
pub enum TieCommand {
    /// Separate candidates with equal totals, in the order given, with a reason (a moderator).
    Order {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Why this order.
        #[arg(long)]
        reason: String,
        /// The tied candidates' references, highest first.
        #[arg(required = true, num_args = 2.., value_name = "REF")]
        candidates: Vec<String>,
    },
}

/// The decision the arguments describe, `by` left for the session to set.
fn decision(session: &Session, args: &DecisionArgs, text: &str) -> Result<Decision> {
    let campaign = session.campaign(args.campaign)?;
    let key = campaign
        .assessed
        .criterion_named(&args.criterion)
        .map(|c| c.key.clone())
        .with_context(|| {
            format!(
                "--criterion '{}': not a criterion of campaign {}'s scorecard ({})",
                args.criterion,
                args.campaign,
                campaign
                    .assessed
                    .criteria
                    .iter()
                    .map(|c| format!("{} {}", c.key, c.criterion.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
    let mark = parse_value(args.value.trim()).map_err(|e| anyhow!("--{e}"))?;
    let candidate = session.candidate_by_reference(args.campaign, &args.candidate)?;
    Ok(Decision {
        candidate_id: candidate.id,
        criterion_key: key,
        mark: mark.into(),
        text: text.to_owned(),
        by: AssessorId(0),
    })
}

/// `agree`: the chair records the panel's agreed score with its rationale.
pub fn agree(ctx: &Ctx, args: &DecisionArgs, rationale: &str) -> Result<()> {
    let mut session = ctx.open()?;
    let decision = decision(&session, args, rationale)?;
    let agreed = session.agree_score(args.campaign, &decision)?;
    outln!(
        "agreed {} for {} on {}",
        agreed.mark,
        args.candidate,
        agreed.criterion_key
    );
    Ok(())
}

/// `moderate`: the moderator sets a candidate's score on a criterion, with a reason.
pub fn moderate(ctx: &Ctx, args: &DecisionArgs, reason: &str) -> Result<()> {
    let mut session = ctx.open()?;
    let decision = decision(&session, args, reason)?;
    let moderated = session.moderate_score(args.campaign, &decision)?;
    outln!(
        "moderated {} on {} to {}",
        args.candidate,
        moderated.criterion_key,
        moderated.mark
    );
    Ok(())
}

pub fn tie(ctx: &Ctx, command: &TieCommand) -> Result<()> {
    match command {
        TieCommand::Order {
            campaign,
            reason,
            candidates,
        } => {
            let mut session = ctx.open()?;
            let ids = candidates
                .iter()
                .map(|r| Ok(session.candidate_by_reference(*campaign, r)?.id))
                .collect::<Result<Vec<_>>>()?;
            session.order_tie(*campaign, &ids, reason)?;
            outln!("ordered {} in campaign {campaign}", candidates.join(" > "));
        }
    }
    Ok(())
}
