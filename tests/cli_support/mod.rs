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
