//! The `panelmark` command line: a thin layer over the core library. Errors print one clear
//! line to standard error and exit non-zero.

mod print;
mod progress;
mod server;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use panelmark::anchor::InstallationKey;
use panelmark::model::CampaignId;
use panelmark::scoring::flags::FlagSettings;
use panelmark::session::Session;
use panelmark::store::postgres::PgStore;
use panelmark::store::{Database, Store};

#[derive(Parser)]
#[command(
    name = "panelmark",
    version,
    about = "Structured interview assessment: scorecards, panel scoring, moderation and evidence exports"
)]
struct Cli {
    /// Database file (default: panelmark.db in the operating system's data folder), or a
    /// postgres:// URL for a shared server (server and user commands).
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<PathBuf>,
    /// Who you are: a user's login (default: $USER). In a new file the first login used
    /// becomes its HR administrator; after that only its users may sign in.
    #[arg(long = "as", global = true, value_name = "LOGIN")]
    login: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract a role draft from a job description (Markdown or HTML-in-Markdown) and print it.
    ImportJd {
        /// The job description.
        file: PathBuf,
        /// Print the role-file JSON plus "warnings" instead of a summary.
        #[arg(long)]
        json: bool,
        /// Also save the draft as a role in the database.
        #[arg(long)]
        save: bool,
    },
    /// Role files: import, export, list.
    #[command(subcommand)]
    Role(role::RoleCommand),
    /// Scorecards: build one from a role, list them.
    #[command(subcommand)]
    Scorecard(scorecard::ScorecardCommand),
    /// Exercises of a scorecard (interview, presentation, written, technical test) and the
    /// criteria each assesses.
    #[command(subcommand)]
    Exercise(exercise::ExerciseCommand),
    /// Campaigns: create, move through setup → scoring → moderation → signed off, list.
    #[command(subcommand)]
    Campaign(campaign::CampaignCommand),
    /// The panels of a campaign.
    #[command(subcommand)]
    Panel(panel::PanelCommand),
    /// Your own scores: import a CSV score sheet as drafts, submit a candidate's.
    #[command(subcommand)]
    Score(score::ScoreCommand),
    /// Record the panel's agreed score on one criterion, with its rationale (the panel's chair).
    Agree {
        #[command(flatten)]
        decision: decide::DecisionArgs,
        /// Why the panel settled on this score.
        #[arg(long)]
        rationale: String,
    },
    /// Set a candidate's score on one criterion (a moderator); a reason is required when it
    /// differs from the agreed score.
    Moderate {
        #[command(flatten)]
        decision: decide::DecisionArgs,
        /// Why.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Ties in the merit list.
    #[command(subcommand)]
    Tie(decide::TieCommand),
    /// Candidate lists.
    #[command(subcommand)]
    Candidates(candidates::CandidatesCommand),
    /// How long each campaign keeps personal data; with no subcommand, every campaign, those
    /// past their period marked.
    Retention {
        #[command(subcommand)]
        command: Option<retention::RetentionCommand>,
    },
    /// Recompute the audit chain and check it against anchors handed out earlier; exit 1
    /// naming the first broken event or every anchor the chain no longer holds.
    Verify {
        /// An anchor `SEQ:HASH` (optionally `key=… sig=…`) the chain must still hold.
        #[arg(long = "anchor", value_name = "SEQ:HASH")]
        anchors: Vec<String>,
        /// A file of anchors, one per line, or a previous export's receipt.txt.
        #[arg(long = "anchors", value_name = "FILE")]
        anchor_files: Vec<PathBuf>,
    },
    /// Print the chain's current head as an anchor `SEQ:HASH`, signed with the installation key.
    Head,
    /// Users: of a local file (HR administrators add them), or logins on a shared PostgreSQL
    /// server (--db postgres://...).
    #[command(subcommand)]
    User(user::UserCommand),
    /// People in a campaign: link a user as member, chair or moderator.
    #[command(subcommand)]
    Assessor(assessor::AssessorCommand),
    /// Conflicts of interest: declare one, confirm none, list them.
    #[command(subcommand)]
    Conflict(people::ConflictCommand),
    /// A candidate's reasonable adjustments, for their panel.
    #[command(subcommand)]
    Adjustments(people::AdjustmentsCommand),
    /// Print the audit log.
    Audit {
        /// Only events of this campaign.
        #[arg(long)]
        campaign: Option<CampaignId>,
        /// Only the newest N events.
        #[arg(long)]
        limit: Option<usize>,
        /// JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Build a realistic demo campaign from the job description embedded in the binary.
    Demo {
        /// Number of candidates.
        #[arg(long, default_value_t = 24)]
        candidates: usize,
        /// Random seed: the same seed gives the same campaign.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Exercises: 1, an interview of every criterion; 2, also a technical test of the
        /// technical and SFIA skills, with its own panel members, combined as a mean.
        #[arg(long, default_value_t = 1)]
        exercises: usize,
    },
    /// Results in merit order.
    Results(CampaignArgs),
    /// Moderation flags with their reasons.
    Flags {
        #[command(flatten)]
        args: CampaignArgs,
        #[command(flatten)]
        thresholds: FlagArgs,
        /// Keep the thresholds given as the campaign's own, for the app's board and the
        /// exports too (an HR administrator or a moderator; audited).
        #[arg(long)]
        save: bool,
    },
    /// Inter-rater reliability, per-criterion spread and assessor leniency.
    Stats(CampaignArgs),
    /// Write evidence packs (PDF) and results, scores and audit CSVs into a folder.
    Export {
        /// Campaign id.
        #[arg(long)]
        campaign: CampaignId,
        /// Folder to write into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Write PDF evidence packs and the campaign summary (default: PDF and CSV).
        #[arg(long)]
        pdf: bool,
        /// Write results.csv, scores.csv and audit.csv (default: PDF and CSV).
        #[arg(long)]
        csv: bool,
        /// Only this candidate's own pack and rows (by reference), naming no other candidate.
        #[arg(long, value_name = "REF")]
        candidate: Option<String>,
        /// Write CSV cells exactly as stored, for programs rather than spreadsheets: cells
        /// starting with = + - @ tab or CR are NOT neutralised, so a spreadsheet may run them.
        #[arg(long)]
        raw: bool,
        #[command(flatten)]
        thresholds: FlagArgs,
    },
    /// A shared PostgreSQL server: set up, verify.
    #[command(subcommand)]
    Server(server::ServerCommand),
    /// Measure speed and memory on a large campaign in a temporary database. With --db
    /// postgres://URL: the shared backend beside the same server's floor (saves with 1 and
    /// with --writers at once, the moderation board, the audit chain after the load) in a
    /// scratch database it creates and drops; the URL's login must be a superuser.
    Bench {
        /// Number of candidates.
        #[arg(long, default_value_t = 5000)]
        candidates: usize,
        /// Writers at once, each a panel member with their own login (shared server only).
        #[arg(long, default_value_t = 30)]
        writers: usize,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Flag thresholds. Each left out is the campaign's own (what the app's board and the exports
/// use), which is the core's [`FlagSettings::DEFAULT`] until someone changes it.
#[derive(clap::Args)]
pub(crate) struct FlagArgs {
    /// Flag member scores that differ by at least this many points [default: the campaign's].
    #[arg(long)]
    spread: Option<i32>,
    /// Flag panels whose mean differs from the campaign mean by more than this [default: the
    /// campaign's].
    #[arg(long)]
    panel_mean: Option<f64>,
}

impl FlagArgs {
    /// The thresholds asked for, the campaign's `stored` ones filling what was left out.
    pub(crate) fn over(&self, stored: FlagSettings) -> FlagSettings {
        FlagSettings {
            spread_threshold: self.spread.unwrap_or(stored.spread_threshold),
            panel_mean_threshold: self.panel_mean.unwrap_or(stored.panel_mean_threshold),
        }
    }
}

#[derive(clap::Args)]
struct CampaignArgs {
    /// Campaign id.
    #[arg(long)]
    campaign: CampaignId,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `println!` through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::emit(&format!("{}\n", format_args!($($arg)*)))
    };
}

// After the macro, so that they can use `outln!`.
mod assessor;
mod campaign;
mod candidates;
mod decide;
mod exercise;
mod panel;
mod people;
mod report;
mod retention;
mod role;
mod score;
mod scorecard;
mod user;
mod verify;

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn read_file(path: &Path) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}

/// The shared database `db` names, when it is a `postgres://` URL.
fn shared_url(db: Option<&Path>) -> Option<&str> {
    db.and_then(Path::to_str)
        .filter(|db| panelmark::store::postgres::is_url(db))
}

/// Connects to the shared database at `url`, signed in as its login.
fn connect_shared(url: &str) -> Result<PgStore> {
    let redacted = panelmark::store::postgres::connect::redact(url);
    PgStore::connect(url).with_context(|| format!("{redacted}: cannot open the shared database"))
}

/// Opens the database `--db` names: a SQLite file (the default one when none is named), or a
/// shared PostgreSQL database, signed in as the URL's login.
fn open_store(db: Option<&Path>) -> Result<Database> {
    if let Some(url) = shared_url(db) {
        return Ok(connect_shared(url)?.into());
    }
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => Store::default_path()?,
    };
    Ok(Store::open(&path)
        .with_context(|| format!("{}: cannot open the database", path.display()))?
        .into())
}

/// The store, signing the anchors it hands out with this installation's key (created on
/// first use in the configuration folder), on a local file or a shared database.
fn signing_store(db: Option<&Path>) -> Result<Database> {
    let key =
        InstallationKey::installation().context("cannot read or create the installation key")?;
    if let Some(url) = shared_url(db) {
        return Ok(connect_shared(url)?.with_installation_key(key).into());
    }
    let store = open_store(db)?
        .into_local()
        .expect("a path names a local file");
    Ok(store.with_installation_key(key).into())
}

/// Who the user is: `--as`, else the operating system's user name.
fn login(cli: &Cli) -> String {
    cli.login
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "cli".into())
}

/// Opens the database and signs in (see [`Session::sign_in`]).
fn open_session(db: Option<&Path>, login: &str) -> Result<Session> {
    Ok(Session::sign_in(open_store(db)?, login, None)?)
}

/// Where and as whom a command runs: the database `--db` names, signed in as `--as`.
pub struct Ctx<'a> {
    db: Option<&'a Path>,
    login: &'a str,
}

impl Ctx<'_> {
    /// Opens the database and signs in.
    pub fn open(&self) -> Result<Session> {
        open_session(self.db, self.login)
    }

    /// Opens the database with the installation key and signs in (see [`signing_store`]).
    pub fn open_signing(&self) -> Result<Session> {
        open_signing_session(self.db, self.login)
    }
}

/// Opens the database with the installation key (see [`signing_store`]) and signs in: for
/// the commands that hand out anchors (imports, exports, `head`).
fn open_signing_session(db: Option<&Path>, login: &str) -> Result<Session> {
    Ok(Session::sign_in(signing_store(db)?, login, None)?)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let login = login(&cli);
    let db = cli.db.as_deref();
    let ctx = Ctx { db, login: &login };
    match &cli.command {
        Command::Server(command) => return server::run_server(db, command),
        Command::User(command) => user::run(db, &login, command)?,
        Command::ImportJd { file, json, save } => role::import_jd(&ctx, file, *json, *save)?,
        Command::Role(command) => role::run(&ctx, command)?,
        Command::Scorecard(command) => scorecard::run(&ctx, command)?,
        Command::Exercise(command) => exercise::run(&ctx, command)?,
        Command::Campaign(command) => campaign::run(&ctx, command)?,
        Command::Panel(command) => panel::run(&ctx, command)?,
        Command::Score(command) => score::run(&ctx, command)?,
        Command::Agree {
            decision,
            rationale,
        } => decide::agree(&ctx, decision, rationale)?,
        Command::Moderate { decision, reason } => decide::moderate(&ctx, decision, reason)?,
        Command::Tie(command) => decide::tie(&ctx, command)?,
        Command::Candidates(command) => candidates::run(&ctx, command)?,
        Command::Retention { command } => retention::run(&ctx, command.as_ref())?,
        Command::Conflict(command) => people::conflict(ctx.open()?, command)?,
        Command::Adjustments(command) => people::adjustments(ctx.open()?, command)?,
        Command::Verify {
            anchors,
            anchor_files,
        } => return verify::verify(&ctx.open()?, anchors, anchor_files),
        Command::Head => outln!("{}", ctx.open_signing()?.anchor()?),
        Command::Assessor(command) => assessor::run(&ctx, command)?,
        Command::Audit {
            campaign,
            limit,
            json,
        } => report::audit(&ctx, *campaign, *limit, *json)?,
        Command::Demo {
            candidates,
            seed,
            exercises,
        } => {
            let options = panelmark::demo::DemoOptions {
                candidates: *candidates,
                seed: *seed,
            };
            if let Some(url) = shared_url(cli.db.as_deref()) {
                // On a server, as its superuser: the demo's people become its logins.
                let client = panelmark::store::postgres::connect::connect(url)?;
                let id = panelmark::demo::build_on_server(client, &options, *exercises)?;
                eprintln!(
                    "demo campaign with {candidates} candidates built on the server; its \
                     moderator's login is {} (no password: give it one with `user add`)",
                    panelmark::demo::MODERATOR_LOGIN
                );
                outln!("{id}");
                return Ok(ExitCode::SUCCESS);
            }
            let mut session = ctx.open()?;
            let id = session.demo_with_exercises(&options, *exercises)?;
            let campaign = session.campaign(id)?;
            eprintln!(
                "demo campaign '{}' with {candidates} candidates, state {}; its moderator reads \
                 the results: --as {}",
                campaign.name,
                campaign.state.as_str(),
                panelmark::demo::MODERATOR_LOGIN
            );
            outln!("{id}");
        }
        Command::Results(args) => report::results(&ctx, args)?,
        Command::Flags {
            args,
            thresholds,
            save,
        } => report::flags(&ctx, args, thresholds, *save)?,
        Command::Stats(args) => report::stats(&ctx, args)?,
        Command::Export {
            campaign,
            out,
            pdf,
            csv,
            candidate,
            raw,
            thresholds,
        } => {
            let both = !pdf && !csv;
            let options = panelmark::export::ExportOptions {
                pdf: *pdf || both,
                csv: *csv || both,
                raw: *raw,
                candidate: candidate.clone(),
                // Filled in by `report::export` from the campaign's own and any overrides.
                flag_settings: None,
            };
            report::export(
                &ctx,
                report::ExportArgs {
                    campaign: *campaign,
                    out,
                    options,
                    thresholds,
                },
            )?;
        }
        Command::Bench {
            candidates,
            writers,
            json,
        } => {
            let report = if let Some(url) = shared_url(db) {
                let options = panelmark::bench::shared::SharedBenchOptions {
                    candidates: *candidates,
                    writers: *writers,
                    ..Default::default()
                };
                let report = panelmark::bench::shared::run(url, &options, bench_progress())?;
                serde_json::to_value(report)?
            } else {
                let options = panelmark::bench::BenchOptions {
                    candidates: *candidates,
                    ..Default::default()
                };
                serde_json::to_value(panelmark::bench::run(&options, bench_progress())?)?
            };
            if *json {
                outln!("{}", serde_json::to_string(&report)?);
            } else {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints each benchmark phase to standard error with the time since the start.
fn bench_progress() -> impl FnMut(&str) {
    let started = std::time::Instant::now();
    move |phase| {
        eprintln!(
            "bench [{:6.1} s]: {phase}…",
            started.elapsed().as_secs_f64()
        )
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            // `{:#}` joins the context chain into one readable message; the core's messages
            // already name the file, line or field.
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
