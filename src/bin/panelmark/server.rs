//! `server`, and `user` on a shared server: administration of a shared PostgreSQL server
//! (`--db postgres://...`).

use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Result};
use clap::Subcommand;
use panelmark::model::CampaignId;
use panelmark::store::postgres::{self, audit_chain, init, users};

#[derive(Subcommand)]
pub enum ServerCommand {
    /// Create or migrate the schema, group roles, grants and policies (idempotent; needs a
    /// superuser login).
    Init,
    /// Recompute the server's audit chain (as a login that reads every event: the administrator).
    Verify,
    /// Move campaigns from a local file into this server, with their history (needs a
    /// superuser login). The file must verify and every login it names must be a user here;
    /// the results the server computes must equal the file's, or nothing is imported.
    Import {
        /// The local database file.
        #[arg(long = "from")]
        from: std::path::PathBuf,
        /// Only this campaign (repeatable); every campaign of the file when left out.
        #[arg(long = "campaign")]
        campaigns: Vec<CampaignId>,
    },
}

/// The `--db` URL, or an error saying a shared server is needed.
fn server_url(db: Option<&Path>) -> Result<String> {
    let url = db.and_then(Path::to_str).unwrap_or_default();
    if !postgres::is_url(url) {
        bail!("this command administers a shared server: pass --db postgres://USER@HOST/DATABASE");
    }
    Ok(url.to_owned())
}

fn connect(db: Option<&Path>) -> Result<::postgres::Client> {
    Ok(postgres::connect::connect(&server_url(db)?)?)
}

pub fn run_server(db: Option<&Path>, command: &ServerCommand) -> Result<ExitCode> {
    let mut client = connect(db)?;
    match command {
        ServerCommand::Init => {
            let report = init::init_server(&mut client)?;
            if report.from_version == report.to_version {
                println!(
                    "schema already at version {}; nothing to do",
                    report.to_version
                );
            } else {
                println!(
                    "schema migrated from version {} to {}",
                    report.from_version, report.to_version
                );
            }
            if !report.created_roles.is_empty() {
                println!("created roles: {}", report.created_roles.join(", "));
            }
        }
        ServerCommand::Import { from, campaigns } => {
            if !from.is_file() {
                bail!("{}: no such database file", from.display());
            }
            let source = panelmark::store::Store::open(from)?;
            let name = from
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| from.display().to_string());
            let report = postgres::transfer::import_file(&mut client, &source, &name, campaigns)?;
            for c in &report.campaigns {
                println!(
                    "imported campaign {} \"{}\" as campaign {}: {} candidates, {} scores, {} events of history; results checked equal",
                    c.local_id, c.name, c.server_id, c.candidates, c.scores, c.events
                );
            }
            println!(
                "{name} verified before import; its anchor {} is recorded on the server",
                report.source_anchor
            );
        }
        ServerCommand::Verify => match audit_chain::verify(&mut client)? {
            audit_chain::ChainCheck::Intact { events, head_hash } => {
                println!("audit chain intact: {events} events, head {head_hash}")
            }
            audit_chain::ChainCheck::Broken { seq, reason } => {
                eprintln!("audit chain BROKEN at event {seq}: {reason}");
                return Ok(ExitCode::from(1));
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// `user add` on a shared server: creates the login (or extends an existing one) with a
/// Panelmark role; needs a superuser login.
pub fn add_login(
    db: Option<&Path>,
    login: &str,
    role: users::AppRole,
    name: Option<&str>,
    password_prompt: bool,
) -> Result<()> {
    users::check_login(login)?;
    let password = if password_prompt {
        Some(read_new_password(login)?)
    } else {
        None
    };
    let mut client = connect(db)?;
    let created = users::add_user(&mut client, login, role, name, password.as_deref())?;
    let verb = if created {
        "created login"
    } else {
        "updated login"
    };
    println!("{verb} {login} with role {}", role.as_str());
    Ok(())
}

/// `user list` on a shared server: the logins with a Panelmark role, tab-separated (login,
/// name, roles), or JSON.
pub fn list_logins(db: Option<&Path>, json: bool) -> Result<()> {
    let mut client = connect(db)?;
    let logins = users::list_users(&mut client)?;
    if json {
        let rows: Vec<serde_json::Value> = logins
            .iter()
            .map(|u| {
                serde_json::json!({
                    "login": u.login,
                    "name": u.display_name,
                    "roles": u.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                    "can_login": u.can_login,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    for user in logins {
        let roles: Vec<&str> = user.roles.iter().map(|r| r.as_str()).collect();
        let login_note = if user.can_login {
            ""
        } else {
            "  (cannot sign in)"
        };
        println!(
            "{}\t{}\t{}{login_note}",
            user.login,
            user.display_name,
            roles.join(",")
        );
    }
    Ok(())
}

/// Asks twice on a terminal; reads one line from standard input otherwise (for scripts).
fn read_new_password(login: &str) -> Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("New password for {login}: "))?;
        let again = rpassword::prompt_password("Again: ")?;
        if first != again {
            bail!("the two passwords differ; nothing was changed");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if password.chars().count() < 8 {
        return Err(anyhow!("the password must have at least 8 characters"));
    }
    Ok(password)
}
