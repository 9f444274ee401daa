//! The `panelmark` command line: a thin layer over the core library. Errors print one clear
//! line to standard error and exit non-zero.

mod print;
mod progress;
mod server;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use panelmark::anchor::{self, Anchor, AnchorCheck, InstallationKey};
use panelmark::import::{jd, role_file};
use panelmark::scoring::flags::FlagSettings;
use panelmark::store::{AuditFilter, Store, Verification};

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
    /// Who is making changes, as recorded in the audit log (default: $USER).
    #[arg(long = "as", global = true, value_name = "NAME")]
    actor: Option<String>,
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
    Role(RoleCommand),
    /// Campaigns in the database.
    #[command(subcommand)]
    Campaign(CampaignCommand),
    /// Candidate lists.
    #[command(subcommand)]
    Candidates(CandidatesCommand),
    /// How long each campaign keeps personal data; with no subcommand, every campaign, those
    /// past their period marked.
    Retention {
        #[command(subcommand)]
        command: Option<RetentionCommand>,
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
    /// Print the audit log.
    Audit {
        /// Only events of this campaign.
        #[arg(long)]
        campaign: Option<i64>,
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
    },
    /// Results in merit order.
    Results(CampaignArgs),
    /// Moderation flags with their reasons.
    Flags {
        #[command(flatten)]
        args: CampaignArgs,
        #[command(flatten)]
        thresholds: FlagArgs,
    },
    /// Inter-rater reliability, per-criterion spread and assessor leniency.
    Stats(CampaignArgs),
    /// Write evidence packs (PDF) and results, scores and audit CSVs into a folder.
    Export {
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
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
    /// Logins on a shared PostgreSQL server.
    #[command(subcommand)]
    User(server::UserCommand),
    /// Measure speed and memory on a large campaign in a temporary database.
    Bench {
        /// Number of candidates.
        #[arg(long, default_value_t = 5000)]
        candidates: usize,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Flag thresholds; the defaults are the core's [`FlagSettings::DEFAULT`], the same as the
/// app's board and the exports.
#[derive(clap::Args)]
struct FlagArgs {
    /// Flag member scores that differ by at least this many points.
    #[arg(long, default_value_t = FlagSettings::DEFAULT.spread_threshold)]
    spread: i32,
    /// Flag panels whose mean differs from the campaign mean by more than this.
    #[arg(long, default_value_t = FlagSettings::DEFAULT.panel_mean_threshold)]
    panel_mean: f64,
}

impl From<&FlagArgs> for FlagSettings {
    fn from(args: &FlagArgs) -> Self {
        FlagSettings {
            spread_threshold: args.spread,
            panel_mean_threshold: args.panel_mean,
        }
    }
}

#[derive(clap::Args)]
struct CampaignArgs {
    /// Campaign id.
    #[arg(long)]
    campaign: i64,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum RoleCommand {
    /// Import a role file (schemas/role.schema.json).
    Import {
        /// The role file.
        file: PathBuf,
    },
    /// Print a role as a role file.
    Export {
        /// Role id.
        id: i64,
    },
    /// List roles.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CampaignCommand {
    /// List campaigns.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Change how many months a campaign keeps personal data after sign-off (audited).
    Set {
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
        /// Months (1 to 120).
        #[arg(long)]
        months: i64,
        /// Why it changes.
        #[arg(long)]
        reason: String,
    },
    /// Erase every candidate's personal data and evidence in a campaign past its retention
    /// period, in one audited action; scores, results and statistics stay, anonymised.
    Purge {
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
        /// Why (e.g. the retention schedule's reference).
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
enum CandidatesCommand {
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
    /// Import candidates from CSV (reference,name[,email][,panel][,slot]); all rows or none.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
    },
}

/// `println!` through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => {
        emit(&format!("{}\n", format_args!($($arg)*)))
    };
}

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

fn open_store(db: Option<&Path>) -> Result<Store> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => Store::default_path()?,
    };
    Store::open(&path).with_context(|| format!("{}: cannot open the database", path.display()))
}

/// The store, signing the anchors it hands out with this installation's key (created on
/// first use in the configuration folder).
fn signing_store(db: Option<&Path>) -> Result<Store> {
    let key =
        InstallationKey::installation().context("cannot read or create the installation key")?;
    Ok(open_store(db)?.with_installation_key(key))
}

/// `panelmark verify`: the chain against itself, then against every anchor given.
fn verify(db: Option<&Path>, texts: &[String], files: &[PathBuf]) -> Result<ExitCode> {
    let mut anchors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        anchors.push(Anchor::parse(text, &format!("--anchor #{}", i + 1))?);
    }
    for file in files {
        let (name, bytes) = read_file(file)?;
        anchors.extend(anchor::file::parse(&name, &bytes)?);
    }
    let store = open_store(db)?;
    // A data mismatch fails verify, but the anchors are still checked and reported: a
    // shortened chain shows up as both.
    let mut data_differs = false;
    match store.verify()? {
        Verification::Intact { events, head } => {
            outln!("audit chain intact: {events} events, head {events}:{head}");
            outln!("data matches the log: every campaign, panel, assessor, candidate, score, agreed score, moderation, tie order and sign-off");
        }
        Verification::DataDiffers {
            events,
            head,
            row,
            problem,
        } => {
            outln!("audit chain intact: {events} events, head {events}:{head}");
            eprintln!("data DIFFERS from the log: {row} {problem}");
            data_differs = true;
        }
        Verification::Broken { seq, problem } => {
            eprintln!("audit chain BROKEN at event {seq}: {problem}");
            return Ok(ExitCode::from(1));
        }
    }
    let own_key = InstallationKey::load(&InstallationKey::default_dir()?)
        .ok()
        .flatten()
        .map(|k| k.fingerprint());
    let mut failed = 0;
    for a in &anchors {
        match anchor::check(store.conn(), a)? {
            AnchorCheck::Held { anchor, signed_by } => {
                let by = match signed_by {
                    Some(fp) if Some(&fp) == own_key.as_ref() => {
                        format!(", signed by this installation's key {fp}")
                    }
                    Some(fp) => format!(", signed by key {fp} (not this installation's)"),
                    None => String::new(),
                };
                outln!("anchor {anchor} holds{by}");
            }
            AnchorCheck::Failed { anchor, problem } => {
                eprintln!("anchor {anchor} FAILED: {problem}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "audit chain does NOT hold {failed} of {} anchor(s): it was rewritten or cut short",
            anchors.len()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if data_differs {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn actor(cli: &Cli) -> String {
    cli.actor
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "cli".into())
}

fn run(cli: Cli) -> Result<ExitCode> {
    let actor = actor(&cli);
    let db = cli.db.as_deref();
    match &cli.command {
        Command::Server(command) => return server::run_server(db, command),
        Command::User(command) => return server::run_user(db, command),
        Command::ImportJd { file, json, save } => {
            let (name, bytes) = read_file(file)?;
            let draft = jd::parse_job_description(&name, &bytes)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&draft)?);
            } else {
                emit(&print::draft(&draft));
            }
            if *save {
                let id = open_store(db)?.create_role(&actor, &draft.role)?;
                eprintln!("saved as role {id}");
            }
        }
        Command::Role(RoleCommand::Import { file }) => {
            let (name, bytes) = read_file(file)?;
            let role = role_file::parse(&name, &bytes)?;
            let id = open_store(db)?.create_role(&actor, &role)?;
            outln!("imported role {id}: {}", role.title);
        }
        Command::Role(RoleCommand::Export { id }) => {
            print!("{}", role_file::to_string(&open_store(db)?.role(*id)?.role));
        }
        Command::Role(RoleCommand::List { json }) => {
            let roles = open_store(db)?.roles()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&roles)?);
            } else {
                emit(&print::roles(&roles));
            }
        }
        Command::Campaign(CampaignCommand::List { json }) => {
            let campaigns = open_store(db)?.campaigns()?;
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
        Command::Candidates(CandidatesCommand::Import { file, campaign }) => {
            let (name, bytes) = read_file(file)?;
            let mut store = signing_store(db)?;
            let added = store.import_candidates(&actor, *campaign, &name, &bytes)?;
            outln!("imported {added} candidates into campaign {campaign}");
            outln!("audit chain head: {}", store.anchor()?);
        }
        Command::Candidates(CandidatesCommand::Erase {
            reference,
            campaign,
            reason,
        }) => {
            let mut store = open_store(db)?;
            let candidate = store.candidate_by_reference(*campaign, reference)?;
            store.erase_candidate(&actor, *campaign, candidate.id, reason)?;
            outln!("erased the personal data of candidate {reference} in campaign {campaign}");
        }
        Command::Retention { command: None } => {
            let store = open_store(db)?;
            let campaigns = store.retention()?;
            if campaigns.is_empty() {
                outln!("no campaigns");
            }
            for r in campaigns {
                let standing = match (&r.purged_at, r.past) {
                    (Some(at), _) => format!("purged {}", &at[..10.min(at.len())]),
                    (None, true) => "PAST its retention: purge it".into(),
                    (None, false) => "kept".into(),
                };
                outln!(
                    "campaign {} ({}): {} months from {}, due {}: {standing}",
                    r.campaign_id,
                    r.name,
                    r.months,
                    r.from,
                    &r.due[..10.min(r.due.len())]
                );
            }
        }
        Command::Retention {
            command:
                Some(RetentionCommand::Set {
                    campaign,
                    months,
                    reason,
                }),
        } => {
            let mut store = open_store(db)?;
            store.set_retention(&actor, *campaign, *months, reason)?;
            let r = store.campaign_retention(*campaign)?;
            outln!(
                "campaign {campaign} keeps personal data {months} months from {}: until {}",
                r.from,
                &r.due[..10.min(r.due.len())]
            );
        }
        Command::Retention {
            command: Some(RetentionCommand::Purge { campaign, reason }),
        } => {
            let mut store = open_store(db)?;
            let erased = store.purge_campaign(&actor, *campaign, reason)?;
            outln!("purged campaign {campaign}: the personal data of {erased} candidates erased; scores and results kept");
        }
        Command::Verify {
            anchors,
            anchor_files,
        } => return verify(db, anchors, anchor_files),
        Command::Head => outln!("{}", signing_store(db)?.anchor()?),
        Command::Audit {
            campaign,
            limit,
            json,
        } => {
            let filter = AuditFilter {
                entity_prefix: campaign.map(|c| format!("campaign/{c}")),
                limit: *limit,
                ..Default::default()
            };
            let events = open_store(db)?.audit_events(&filter)?;
            if *json {
                for e in events {
                    outln!("{}", serde_json::to_string(&e)?);
                }
            } else {
                for e in events {
                    outln!(
                        "{:>6}  {}  {:<14} {:<18} {}",
                        e.seq,
                        e.at,
                        e.actor,
                        e.action,
                        e.entity
                    );
                }
            }
        }
        Command::Demo { candidates, seed } => {
            let mut store = open_store(db)?;
            let id = panelmark::demo::build(
                &mut store,
                &actor,
                &panelmark::demo::DemoOptions {
                    candidates: *candidates,
                    seed: *seed,
                },
            )?;
            let campaign = store.campaign(id)?;
            eprintln!(
                "demo campaign '{}' with {candidates} candidates, state {}",
                campaign.name,
                campaign.state.as_str()
            );
            outln!("{id}");
        }
        Command::Results(args) => {
            let results = open_store(db)?.results(args.campaign)?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&results)?);
            } else {
                emit(&print::results(&results));
            }
        }
        Command::Flags { args, thresholds } => {
            let store = open_store(db)?;
            let flags = store.flags(args.campaign, &thresholds.into())?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&flags)?);
            } else {
                emit(&print::flags(&store, args.campaign, &flags)?);
            }
        }
        Command::Stats(args) => {
            let stats = open_store(db)?.stats(args.campaign)?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                emit(&print::stats(&stats));
            }
        }
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
                flag_settings: thresholds.into(),
            };
            let store = signing_store(db)?;
            let bar = progress::Bar::new("writing evidence packs");
            let summary = panelmark::export::export_campaign(
                &store,
                *campaign,
                out,
                &options,
                |done, total| bar.set(done, total),
            )?;
            bar.finish();
            outln!(
                "wrote {} files ({} PDF pages) to {}",
                summary.files.len(),
                summary.pdf_pages,
                out.display()
            );
        }
        Command::Bench { candidates, json } => {
            let options = panelmark::bench::BenchOptions {
                candidates: *candidates,
                ..Default::default()
            };
            let report = panelmark::bench::run(&options, |phase| eprintln!("bench: {phase}…"))?;
            if *json {
                outln!("{}", serde_json::to_string(&report)?);
            } else {
                outln!("{}", serde_json::to_string_pretty(&report)?);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
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
