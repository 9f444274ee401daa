//! `exercise add|assess|list`: the exercises of a scorecard and the criteria each assesses
//! (the Success Profiles matrix). Each change saves a new version of the scorecard; a campaign
//! runs on the version it was created with.

use anyhow::{Context, Result};
use clap::Subcommand;
use panelmark::model::{Combine, ExerciseKind, Scorecard, ScorecardId};

use crate::Ctx;

#[derive(Subcommand)]
pub enum ExerciseCommand {
    /// Add an exercise to a scorecard (HR administrators only). A scorecard without exercises
    /// has one, an interview assessing every criterion (e1); the first exercise added comes
    /// beside it.
    Add {
        /// Scorecard id (see `scorecard list`).
        #[arg(long)]
        scorecard: ScorecardId,
        /// The exercise's name, e.g. "Presentation".
        #[arg(long)]
        name: String,
        /// interview, presentation, written, technical-test or other.
        #[arg(long, default_value = "interview")]
        kind: String,
        /// The criteria it assesses, by key or name, separated by commas (default: all).
        #[arg(long, value_delimiter = ',')]
        criteria: Vec<String>,
        /// Multiplier on its scores when a criterion's exercises are combined (default 1).
        #[arg(long)]
        weight: Option<f64>,
        /// How a criterion's exercise scores combine: sum (default) or mean.
        #[arg(long, value_name = "sum|mean")]
        combine: Option<String>,
    },
    /// Choose which criteria an exercise assesses (HR administrators only).
    Assess {
        /// Scorecard id.
        #[arg(long)]
        scorecard: ScorecardId,
        /// The exercise's key (e1, e2, …) or name.
        #[arg(long)]
        exercise: String,
        /// The criteria, by key or name, separated by commas.
        #[arg(long, value_delimiter = ',', required = true)]
        criteria: Vec<String>,
    },
    /// The exercises of a scorecard and what each assesses.
    List {
        /// Scorecard id.
        #[arg(long)]
        scorecard: ScorecardId,
        /// Print the exercises as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Criterion keys from keys or names as typed; all criteria when none are given.
fn criterion_keys(card: &Scorecard, named: &[String]) -> Result<Vec<String>> {
    if named.is_empty() {
        return Ok(card.criteria.iter().map(|c| c.key.clone()).collect());
    }
    named
        .iter()
        .map(|n| {
            card.criterion_named(n)
                .map(|c| c.key.clone())
                .with_context(|| {
                    let known: Vec<String> = card
                        .criteria
                        .iter()
                        .map(|c| format!("{} ({})", c.key, c.criterion.name))
                        .collect();
                    format!(
                        "--criteria '{}': no such criterion; the scorecard has {}",
                        n.trim(),
                        known.join(", ")
                    )
                })
        })
        .collect()
}

pub fn run(ctx: &Ctx, command: &ExerciseCommand) -> Result<()> {
    match command {
        ExerciseCommand::Add {
            scorecard,
            name,
            kind,
            criteria,
            weight,
            combine,
        } => {
            let kind = ExerciseKind::parse(kind).with_context(|| {
                format!(
                    "--kind '{kind}': use interview, presentation, written, technical-test or other"
                )
            })?;
            let combine = combine
                .as_deref()
                .map(|c| {
                    Combine::parse(c).with_context(|| format!("--combine '{c}': use sum or mean"))
                })
                .transpose()?;
            let mut session = ctx.open()?;
            let mut card = session.scorecard(*scorecard)?.scorecard;
            let keys = criterion_keys(&card, criteria)?;
            let key = card.add_exercise(name, kind, *weight, keys);
            if let Some(combine) = combine {
                card.combine = combine;
            }
            let version = session.update_scorecard(*scorecard, &card)?;
            outln!(
                "added exercise {key} '{}' to scorecard {scorecard} (version {version}); {} exercises, combined by {}",
                name.trim(),
                card.exercises.len(),
                card.combine.as_str()
            );
        }
        ExerciseCommand::Assess {
            scorecard,
            exercise,
            criteria,
        } => {
            let mut session = ctx.open()?;
            let mut card = session.scorecard(*scorecard)?.scorecard;
            let keys = criterion_keys(&card, criteria)?;
            if card.exercises.is_empty() {
                card.exercises = card.exercise_list();
            }
            let wanted = exercise.trim();
            let target = card
                .exercises
                .iter_mut()
                .find(|e| e.key == wanted || e.name.eq_ignore_ascii_case(wanted))
                .with_context(|| {
                    format!("--exercise '{wanted}': no such exercise on scorecard {scorecard}")
                })?;
            target.criteria = keys;
            let version = session.update_scorecard(*scorecard, &card)?;
            outln!("scorecard {scorecard} saved as version {version}");
        }
        ExerciseCommand::List { scorecard, json } => {
            let card = ctx.open()?.scorecard(*scorecard)?.scorecard;
            let exercises = card.exercise_list();
            if *json {
                outln!("{}", serde_json::to_string_pretty(&exercises)?);
            } else {
                for e in exercises {
                    let names: Vec<&str> = e
                        .criteria
                        .iter()
                        .filter_map(|k| card.criterion(k))
                        .map(|c| c.criterion.name.as_str())
                        .collect();
                    outln!(
                        "{:<4} {:<30} {:<15} weight {:<4} {}",
                        e.key,
                        e.name,
                        e.kind.as_str(),
                        e.weight(),
                        names.join(", ")
                    );
                }
                outln!(
                    "criteria assessed in several exercises combine by their {}",
                    card.combine.as_str()
                );
            }
        }
    }
    Ok(())
}
