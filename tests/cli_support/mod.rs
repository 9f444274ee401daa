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

/// The command line on one database file in a fresh folder, as whoever is named; each runner
/// asserts the outcome and returns what a test reads.
#[allow(dead_code)] // Each test binary uses part of it.
pub struct Cli {
    pub dir: tempfile::TempDir,
}

#[allow(dead_code)]
impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
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
        panelmark_as(&self.db(), login, args)
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
