//! Erasure that erases: after a candidate is erased on a data-protection request, no byte of
//! their name, email, slot, or any evidence, rationale or moderation reason about them is left
//! in the database file, beside it (the WAL), or in a later export (the audit CSV included),
//! and `verify` still finds the chain whole and the data what the log says.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use panelmark::model::CandidateId;
use rusqlite::Connection;

/// Runs the CLI as the file's HR administrator (the first to sign in: the demo's maker).
fn run(dir: &Path, args: &[&str]) -> Output {
    run_as(dir, "hr", args)
}

/// Runs the CLI signed in as `login`.
fn run_as(dir: &Path, login: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_panelmark"))
        .env("PANELMARK_CONFIG_DIR", dir.join("config"))
        .arg("--db")
        .arg(dir.join("p.db"))
        .args(["--as", login])
        .args(args)
        .output()
        .unwrap()
}

/// Exports are the campaign moderator's to make.
const MODERATOR: &str = panelmark::demo::MODERATOR_LOGIN;

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every file the database is made of, and every file of an export folder.
fn files(dir: &Path, export: Option<&Path>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["p.db", "p.db-wal", "p.db-journal"]
        .iter()
        .map(|f| dir.join(f))
        .filter(|p| p.exists())
        .collect();
    if let Some(folder) = export {
        for entry in std::fs::read_dir(folder).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files
}

/// The files among `files` that hold `text`'s UTF-8 bytes.
fn holding(files: &[PathBuf], text: &str) -> Vec<String> {
    files
        .iter()
        .filter(|f| {
            let bytes = std::fs::read(f).unwrap();
            bytes.windows(text.len()).any(|w| w == text.as_bytes())
        })
        .map(|f| f.display().to_string())
        .collect()
}

/// The personal texts of candidate `id`: their name, email and slot, and every evidence note,
/// rationale and reason about them that no other candidate's record also holds (the demo
/// reuses phrases).
fn personal_texts(db: &Path, id: CandidateId) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let (name, email, slot): (String, String, String) = conn
        .query_row(
            "SELECT name, email, slot FROM candidates WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let mut texts = vec![name, email, slot];
    for (table, column) in [
        ("scores", "evidence"),
        ("agreed_scores", "rationale"),
        ("moderations", "reason"),
    ] {
        let sql = format!(
            "SELECT DISTINCT {column} FROM {table} t WHERE candidate_id = ?1 AND {column} <> ''
             AND NOT EXISTS (SELECT 1 FROM scores WHERE candidate_id <> ?1 AND evidence = t.{column})
             AND NOT EXISTS (SELECT 1 FROM agreed_scores WHERE candidate_id <> ?1 AND rationale = t.{column})
             AND NOT EXISTS (SELECT 1 FROM moderations WHERE candidate_id <> ?1 AND reason = t.{column})"
        );
        let mut stmt = conn.prepare(&sql).unwrap();
        let found = stmt.query_map([id], |r| r.get::<_, String>(0)).unwrap();
        texts.extend(found.map(Result::unwrap));
    }
    texts
}

#[test]
fn an_erased_candidate_leaves_no_personal_text_in_the_file_the_wal_or_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    ok(run(dir, &["demo", "--candidates", "6", "--seed", "3"]));
    let (id, reference): (CandidateId, String) = Connection::open(dir.join("p.db"))
        .unwrap()
        .query_row(
            // The candidate with a moderation, so a reason is among the texts.
            "SELECT c.id, c.reference FROM candidates c JOIN moderations m ON m.candidate_id = c.id
             ORDER BY c.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let texts = personal_texts(&dir.join("p.db"), id);
    assert!(
        texts.len() >= 5,
        "name, email, slot and at least two notes: {texts:?}"
    );

    // Before: the texts are in the database (the scan finds them), but not in the audit CSV.
    let before = dir.join("before");
    ok(run_as(
        dir,
        MODERATOR,
        &[
            "export",
            "--campaign",
            "1",
            "--csv",
            "--out",
            before.to_str().unwrap(),
        ],
    ));
    for text in &texts {
        let found = holding(&files(dir, None), text);
        assert!(
            !found.is_empty(),
            "the scan does not find {text:?} before erasure"
        );
        assert!(
            holding(&[before.join("audit.csv")], text).is_empty(),
            "the audit log holds {text:?} in clear"
        );
    }

    ok(run(
        dir,
        &[
            "candidates",
            "erase",
            "--campaign",
            "1",
            "--reason",
            "Data-protection request DP-77 from the candidate",
            &reference,
        ],
    ));
    let after = dir.join("after");
    ok(run_as(
        dir,
        MODERATOR,
        &[
            "export",
            "--campaign",
            "1",
            "--out",
            after.to_str().unwrap(),
        ],
    ));
    for text in &texts {
        let found = holding(&files(dir, Some(&after)), text);
        assert!(found.is_empty(), "{text:?} is still in {found:?}");
    }
    // Why the data was erased stays on the record.
    assert!(!holding(&[after.join("audit.csv")], "DP-77").is_empty());

    let said = ok(run(dir, &["verify"]));
    assert!(said.contains("audit chain intact"), "{said}");
    assert!(said.contains("data matches the log"), "{said}");
}

#[test]
fn a_commitment_in_the_log_still_catches_a_changed_text() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    ok(run(dir, &["demo", "--candidates", "4", "--seed", "3"]));
    Connection::open(dir.join("p.db"))
        .unwrap()
        .execute(
            "UPDATE candidates SET email = 'someone.else@example.org' WHERE reference = 'C-0003'",
            [],
        )
        .unwrap();
    let out = run(dir, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(
            "data DIFFERS from the log: candidate C-0003 email is \"someone.else@example.org\", \
             not the text the log records (event"
        ),
        "{said}"
    );
}
