//! Running the `panelmark` binary from the integration tests.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the command line on `db`, signed in as `login`. The installation key that signing
/// commands create goes into a private folder beside the database (`PANELMARK_CONFIG_DIR`),
/// never into the configuration of whoever runs the tests.
pub fn panelmark_as(db: &Path, login: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_panelmark"))
        .env("PANELMARK_CONFIG_DIR", db.with_extension("config"))
        .arg("--db")
        .arg(db)
        .arg("--as")
        .arg(login)
        .args(args)
        .output()
        .unwrap()
}

/// Runs the command line on the shared database at `url`, as the URL's login (`--as` is not
/// used there). A URL is no folder to keep a key beside: the installation key goes into
/// `config`, a folder of the test's own.
#[allow(dead_code)] // Only the PostgreSQL suites use it.
pub fn panelmark_on_server(url: &str, config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_panelmark"))
        .env("PANELMARK_CONFIG_DIR", config)
        .arg("--db")
        .arg(url)
        .args(args)
        .output()
        .unwrap()
}

/// The command line on one database file in a fresh folder, as whoever is named; each runner
/// asserts the outcome and returns what a test reads.
#[allow(dead_code)] // Each test binary uses part of it.
pub struct Cli {
    pub dir: tempfile::TempDir,
    /// On a shared database: each person's URL and their login there.
    server: Option<Server>,
}

/// How a person reaches a shared database: the URL that signs them in, and their login.
pub struct Server {
    pub url_for: Box<dyn Fn(&str) -> String>,
    pub login_for: Box<dyn Fn(&str) -> String>,
}

#[allow(dead_code)]
impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
            server: None,
        }
    }

    /// The command line on a shared database, each person signed in by their own URL.
    pub fn on_server(server: Server) -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
            server: Some(server),
        }
    }

    /// The login of the person a test calls `who` (on a server, logins are prefixed).
    pub fn login(&self, who: &str) -> String {
        match &self.server {
            Some(server) => (server.login_for)(who),
            None => who.to_owned(),
        }
    }

    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("campaign.db")
    }

    /// Writes a file into the folder; its path.
    pub fn file(&self, name: &str, content: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path.to_str().unwrap().to_owned()
    }

    pub fn try_as(&self, login: &str, args: &[&str]) -> Output {
        match &self.server {
            Some(server) => panelmark_on_server(
                &(server.url_for)(login),
                &self.dir.path().join("config"),
                args,
            ),
            None => panelmark_as(&self.db(), login, args),
        }
    }

    /// Runs a command that must succeed; its standard output.
    pub fn run_as(&self, login: &str, args: &[&str]) -> String {
        let out = self.try_as(login, args);
        assert!(
            out.status.success(),
            "panelmark --as {login} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail; its standard error.
    pub fn refused_as(&self, login: &str, args: &[&str]) -> String {
        let out = self.try_as(login, args);
        assert!(
            !out.status.success(),
            "panelmark --as {login} {} succeeded",
            args.join(" ")
        );
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn json_as(&self, login: &str, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.run_as(login, args)).unwrap()
    }
}

#[allow(dead_code)]
pub mod exercise_flow;
