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
use panelmark::model::AssessorRole;
use panelmark::scoring::flags::FlagSettings;
use panelmark::session::Session;
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
    /// Users: of a local file (HR administrators add them), or logins on a shared PostgreSQL
    /// server (--db postgres://...).
    #[command(subcommand)]
    User(user::UserCommand),
    /// People in a campaign: link a user as member, chair or moderator.
    #[command(subcommand)]
    Assessor(AssessorCommand),
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
enum AssessorCommand {
    /// Make a user a member, chair or moderator of a campaign (HR administrators only).
    Add {
        /// Campaign id.
        #[arg(long)]
        campaign: i64,
        /// The user's login.
        #[arg(long = "login", value_name = "LOGIN")]
        user: String,
        /// member, chair or moderator.
        #[arg(long)]
        role: String,
        /// The panel's name (members and chairs).
        #[arg(long)]
        panel: Option<String>,
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
    /// Withdraw a candidate, with a reason, before sign-off (HR administrators and moderators):
    /// they leave the merit list and no longer hold up sign-off.
    Withdraw(people::WithdrawArgs),
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

// After the macro, so that it can use `outln!`.
mod people;
mod user;

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
fn verify(session: &Session, texts: &[String], files: &[PathBuf]) -> Result<ExitCode> {
    let mut anchors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        anchors.push(Anchor::parse(text, &format!("--anchor #{}", i + 1))?);
    }
    for file in files {
        let (name, bytes) = read_file(file)?;
        anchors.extend(anchor::file::parse(&name, &bytes)?);
    }
    // A data mismatch fails verify, but the anchors are still checked and reported: a
    // shortened chain shows up as both.
    let mut data_differs = false;
    match session.verify()? {
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
        match session.check_anchor(a)? {
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

/// Opens the database with the installation key (see [`signing_store`]) and signs in: for
/// the commands that hand out anchors (imports, exports, `head`).
fn open_signing_session(db: Option<&Path>, login: &str) -> Result<Session> {
    Ok(Session::sign_in(signing_store(db)?, login, None)?)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let login = login(&cli);
    let db = cli.db.as_deref();
    let open = || open_session(db, &login);
    let open_signing = || open_signing_session(db, &login);
    match &cli.command {
        Command::Server(command) => return server::run_server(db, command),
        Command::User(command) => user::run(db, &login, command)?,
        Command::ImportJd { file, json, save } => {
            let (name, bytes) = read_file(file)?;
            let draft = jd::parse_job_description(&name, &bytes)?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&draft)?);
            } else {
                emit(&print::draft(&draft));
            }
            if *save {
                let id = open()?.create_role(&draft.role)?;
                eprintln!("saved as role {id}");
            }
        }
        Command::Role(RoleCommand::Import { file }) => {
            let (name, bytes) = read_file(file)?;
            let role = role_file::parse(&name, &bytes)?;
            let id = open()?.create_role(&role)?;
            outln!("imported role {id}: {}", role.title);
        }
        Command::Role(RoleCommand::Export { id }) => {
            print!("{}", role_file::to_string(&open()?.role(*id)?.role));
        }
        Command::Role(RoleCommand::List { json }) => {
            let roles = open()?.roles_list()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&roles)?);
            } else {
                emit(&print::roles(&roles));
            }
        }
        Command::Campaign(CampaignCommand::List { json }) => {
            let campaigns = open()?.campaigns()?;
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
            let mut session = open_signing()?;
            let added = session.import_candidates(*campaign, &name, &bytes)?;
            outln!("imported {added} candidates into campaign {campaign}");
            outln!("audit chain head: {}", session.anchor()?);
        }
        Command::Candidates(CandidatesCommand::Erase {
            reference,
            campaign,
            reason,
        }) => {
            let mut session = open()?;
            let candidate = session.candidate_by_reference(*campaign, reference)?;
            session.erase_candidate(*campaign, candidate.id, reason)?;
            outln!("erased the personal data of candidate {reference} in campaign {campaign}");
        }
        Command::Candidates(CandidatesCommand::Withdraw(args)) => people::withdraw(open()?, args)?,
        Command::Conflict(command) => people::conflict(open()?, command)?,
        Command::Adjustments(command) => people::adjustments(open()?, command)?,
        Command::Retention { command: None } => {
            let campaigns = open()?.retention()?;
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
            let mut session = open()?;
            session.set_retention(*campaign, *months, reason)?;
            let r = session.campaign_retention(*campaign)?;
            outln!(
                "campaign {campaign} keeps personal data {months} months from {}: until {}",
                r.from,
                &r.due[..10.min(r.due.len())]
            );
        }
        Command::Retention {
            command: Some(RetentionCommand::Purge { campaign, reason }),
        } => {
            let erased = open()?.purge_campaign(*campaign, reason)?;
            outln!("purged campaign {campaign}: the personal data of {erased} candidates erased; scores and results kept");
        }
        Command::Verify {
            anchors,
            anchor_files,
        } => return verify(&open()?, anchors, anchor_files),
        Command::Head => outln!("{}", open_signing()?.anchor()?),
        Command::Assessor(AssessorCommand::Add {
            campaign,
            user: who,
            role,
            panel,
        }) => {
            let mut session = open()?;
            let role = AssessorRole::parse(role)
                .with_context(|| format!("--role '{role}': use member, chair or moderator"))?;
            let panel_id = match panel {
                None => None,
                Some(name) => Some(
                    session
                        .panels(*campaign)?
                        .into_iter()
                        .find(|p| p.name.eq_ignore_ascii_case(name))
                        .with_context(|| {
                            format!("--panel '{name}': no such panel in campaign {campaign}")
                        })?
                        .id,
                ),
            };
            let id = session.add_assessor(*campaign, who, role, panel_id)?;
            outln!(
                "{who} is now a {} in campaign {campaign} (assessor {id})",
                role.as_str()
            );
        }
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
            let events = open()?.audit_events(&filter)?;
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
            let mut session = open()?;
            let id = session.demo(&panelmark::demo::DemoOptions {
                candidates: *candidates,
                seed: *seed,
            })?;
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
        Command::Results(args) => {
            let results = open()?.results(args.campaign)?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&results)?);
            } else {
                emit(&print::results(&results));
            }
        }
        Command::Flags { args, thresholds } => {
            let session = open()?;
            let flags = session.flags(args.campaign, &thresholds.into())?;
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&flags)?);
            } else {
                emit(&print::flags(&session, args.campaign, &flags)?);
            }
        }
        Command::Stats(args) => {
            let stats = open()?.stats(args.campaign)?;
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
            let session = open_signing()?;
            let bar = progress::Bar::new("writing evidence packs");
            let summary = session
                .export_campaign(*campaign, out, &options, |done, total| bar.set(done, total))?;
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
