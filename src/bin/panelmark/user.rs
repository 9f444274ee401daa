//! `user add|list`: one command for both kinds of database. On a local file (SQLite) a user is
//! a row of its users table, added by a signed-in HR administrator; on a shared server
//! (`--db postgres://...`) a user is a PostgreSQL login with a group role, added by a
//! superuser. Which kind is decided by whether `--db` is a URL.

use std::path::Path;

use anyhow::{bail, Result};
use clap::Subcommand;
use panelmark::store::postgres::{self, users::AppRole};

use crate::server;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user. Local file: HR administrators only. Shared server: creates or extends a
    /// PostgreSQL login (as a superuser).
    Add {
        /// The login: lowercase letters, digits, '.', '_' or '-' (e.g. helen.marsh).
        #[arg(value_name = "LOGIN")]
        new_login: String,
        /// The name shown in the app (default: the login).
        #[arg(long)]
        name: Option<String>,
        /// hr-admin, assessor or moderator. Shared server: required, the login's group role.
        /// Local file: hr-admin makes an HR administrator; assessor and moderator add a plain
        /// user (what they do in a campaign is set with `assessor add`).
        #[arg(long)]
        role: Option<AppRole>,
        /// Make the user an HR administrator (the same as --role hr-admin).
        #[arg(long, conflicts_with = "role")]
        hr_admin: bool,
        /// Shared server only: ask for the new login's password (read from standard input
        /// when it is not a terminal). Without it the login signs in however pg_hba.conf says
        /// (LDAP, Kerberos...).
        #[arg(long)]
        password_prompt: bool,
    },
    /// List the users.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

impl UserCommand {
    /// The role asked for: `--hr-admin` is `--role hr-admin`.
    fn role(&self) -> Option<AppRole> {
        match self {
            UserCommand::Add { hr_admin: true, .. } => Some(AppRole::HrAdmin),
            UserCommand::Add { role, .. } => *role,
            UserCommand::List { .. } => None,
        }
    }
}

/// Runs `user` on the database `--db` names, signing in as `login` for a local file.
pub fn run(db: Option<&Path>, login: &str, command: &UserCommand) -> Result<()> {
    let shared = db.and_then(Path::to_str).is_some_and(postgres::is_url);
    if shared {
        run_shared(db, command)
    } else {
        run_local(db, login, command)
    }
}

fn run_shared(db: Option<&Path>, command: &UserCommand) -> Result<()> {
    match command {
        UserCommand::Add {
            new_login,
            name,
            password_prompt,
            ..
        } => {
            let Some(role) = command.role() else {
                bail!("--role: a shared server needs the login's role: hr-admin, assessor or moderator");
            };
            server::add_login(db, new_login, role, name.as_deref(), *password_prompt)
        }
        UserCommand::List { json } => server::list_logins(db, *json),
    }
}

fn run_local(db: Option<&Path>, login: &str, command: &UserCommand) -> Result<()> {
    match command {
        UserCommand::Add {
            new_login,
            name,
            password_prompt,
            ..
        } => {
            if *password_prompt {
                bail!(
                    "--password-prompt: a local file has no passwords (whoever opens the file \
                     chooses who they are); passwords are for a shared server (--db postgres://...)"
                );
            }
            let hr_admin = command.role() == Some(AppRole::HrAdmin);
            let name = name.as_deref().unwrap_or(new_login);
            let user = crate::open_session(db, login)?.add_user(new_login, name, hr_admin)?;
            outln!(
                "added user {} ({}){}",
                user.login,
                user.name,
                if user.hr_admin {
                    ", HR administrator"
                } else {
                    ""
                }
            );
        }
        UserCommand::List { json } => {
            let users = crate::open_session(db, login)?.users()?;
            if *json {
                outln!("{}", serde_json::to_string_pretty(&users)?);
            } else {
                for u in users {
                    outln!(
                        "{:<24} {}{}",
                        u.login,
                        u.name,
                        if u.hr_admin {
                            "  (HR administrator)"
                        } else {
                            ""
                        }
                    );
                }
            }
        }
    }
    Ok(())
}
