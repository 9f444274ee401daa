//! The attacks anchors catch, done as someone holding the database file would do them: an
//! ordinary SQLite connection, the append-only triggers dropped, the public hash algorithm
//! re-run. The chain then verifies against itself; an anchor handed out before (an export's
//! receipt) must make `panelmark verify` fail, naming the anchor and what the chain holds.

mod cli_support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use panelmark::model::AuditEvent;
use panelmark::store::audit::event_hash;
use rusqlite::Connection;

use cli_support::panelmark_as;

struct Install {
    dir: tempfile::TempDir,
}

impl Install {
    /// A demo database and a private configuration folder (for the installation key).
    fn new() -> Self {
        let install = Install {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = install.run(&["demo", "--candidates", "4", "--seed", "3"]);
        assert!(out.status.success(), "{}", stderr(&out));
        install
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("p.db")
    }

    /// Runs the command line as `tester`, the file's first user and so its HR administrator.
    fn run(&self, args: &[&str]) -> Output {
        self.run_as("tester", args)
    }

    fn run_as(&self, login: &str, args: &[&str]) -> Output {
        panelmark_as(&self.db(), login, args)
    }

    /// Exports campaign 1 as its moderator (with `only`, e.g. `--csv`) into a new folder and returns it.
    fn export(&self, folder: &str, only: &[&str]) -> PathBuf {
        let out_dir = self.dir.path().join(folder);
        let mut args = vec![
            "export",
            "--campaign",
            "1",
            "--out",
            out_dir.to_str().unwrap(),
        ];
        args.extend(only);
        // Only the campaign's moderator exports it.
        let out = self.run_as(panelmark::demo::MODERATOR_LOGIN, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        out_dir
    }

    /// Exports the CSVs of campaign 1 and returns the receipt's path.
    fn export_receipt(&self) -> PathBuf {
        self.export("export", &["--csv"]).join("receipt.txt")
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The attacker's connection: plain SQLite, none of Panelmark's settings, triggers dropped.
fn attacker(db: &Path) -> Connection {
    let conn = Connection::open(db).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(!triggers.is_empty(), "the log has append-only triggers");
    for t in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {t}")).unwrap();
    }
    conn
}

fn json(text: Option<String>) -> Option<serde_json::Value> {
    text.map(|t| serde_json::from_str(&t).unwrap())
}

/// Changes event `seq`'s actor and recomputes its hash and every later one.
fn rewrite_and_rehash(conn: &Connection, seq: i64, actor: &str) {
    let mut events: Vec<AuditEvent> = conn
        .prepare(
            "SELECT seq, at, actor, action, entity, before, after, prev_hash, hash
             FROM audit_log WHERE seq >= ?1 ORDER BY seq",
        )
        .unwrap()
        .query_map([seq], |r| {
            Ok(AuditEvent {
                seq: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                before: json(r.get(5)?),
                after: json(r.get(6)?),
                prev_hash: r.get(7)?,
                hash: r.get(8)?,
                subject: Default::default(),
            })
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    events[0].actor = actor.to_owned();
    let mut prev = events[0].prev_hash.clone();
    for e in &mut events {
        e.prev_hash = prev;
        e.hash = event_hash(e);
        conn.execute(
            "UPDATE audit_log SET actor = ?2, prev_hash = ?3, hash = ?4 WHERE seq = ?1",
            rusqlite::params![e.seq, e.actor, e.prev_hash, e.hash],
        )
        .unwrap();
        prev = e.hash.clone();
    }
}

fn head_seq(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_event_rewritten_with_every_later_hash_recomputed_fails_the_receipt_anchor() {
    let install = Install::new();
    let receipt = install.export_receipt();
    let before = install.run(&["verify", "--anchors", receipt.to_str().unwrap()]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(stdout(&before).contains("signed by this installation's key SHA256:"));

    let head = head_seq(&install.db());
    let target = head / 2;
    rewrite_and_rehash(&attacker(&install.db()), target, "mallory");

    // The chain agrees with itself: this is the attack verify alone cannot see.
    let alone = install.run(&["verify"]);
    assert!(alone.status.success(), "{}", stderr(&alone));
    let anchored = install.run(&["verify", "--anchors", receipt.to_str().unwrap()]);
    assert_eq!(anchored.status.code(), Some(1));
    let err = stderr(&anchored);
    let new_hash: String = Connection::open(install.db())
        .unwrap()
        .query_row("SELECT hash FROM audit_log WHERE seq = ?1", [head], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(err.contains(&format!("anchor {head}:")), "{err}");
    assert!(
        err.contains(&format!(
            "the chain holds event {head} with hash {new_hash} instead"
        )),
        "{err}"
    );
    assert!(err.contains("rewritten"), "{err}");
}

#[test]
fn deleting_the_newest_events_fails_an_anchor_given_on_the_command_line() {
    let install = Install::new();
    let anchor = stdout(&install.run(&["head"])).trim().to_owned();
    let head = head_seq(&install.db());
    assert!(anchor.starts_with(&format!("{head}:")), "{anchor}");

    attacker(&install.db())
        .execute("DELETE FROM audit_log WHERE seq > ?1", [head - 3])
        .unwrap();

    // The shortened chain is consistent in itself; what the deleted events recorded may
    // still be in the data (verify then says so too), but only an anchor proves events are gone.
    let plain = install.run(&["verify"]);
    assert!(
        stdout(&plain).contains(&format!("audit chain intact: {} events", head - 3)),
        "{}",
        stdout(&plain)
    );
    let out = install.run(&["verify", "--anchor", &anchor]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("the chain ends at event {}", head - 3)),
        "{err}"
    );
    assert!(err.contains(&format!("event {head} is gone")), "{err}");
}

#[test]
fn an_altered_signature_or_anchor_in_a_receipt_is_reported_as_a_bad_signature() {
    let install = Install::new();
    let receipt = install.export_receipt();
    let text = std::fs::read_to_string(&receipt).unwrap();
    let head_line = text.lines().find(|l| l.starts_with("head: ")).unwrap();
    // Claim an earlier event under the real head's signature.
    let (seq, rest) = head_line["head: ".len()..].split_once(':').unwrap();
    let earlier: String = Connection::open(install.db())
        .unwrap()
        .query_row("SELECT hash FROM audit_log WHERE seq = 2", [], |r| r.get(0))
        .unwrap();
    let forged = format!("head: 2:{earlier}{}", &rest[64..]);
    assert_ne!(seq, "2");
    let forged_path = install.dir.path().join("forged.txt");
    std::fs::write(&forged_path, text.replace(head_line, &forged)).unwrap();
    let out = install.run(&["verify", "--anchors", forged_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("anchor 2:"), "{err}");
    assert!(err.contains("bad signature"), "{err}");
}

#[test]
fn the_receipt_lists_every_file_with_its_sha256() {
    let install = Install::new();
    let receipt = install.export_receipt();
    let text = std::fs::read_to_string(&receipt).unwrap();
    let dir = receipt.parent().unwrap();
    let mut named = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("head:"))
    {
        let (digest, name) = line.split_once("  ").unwrap();
        let bytes = std::fs::read(dir.join(name)).unwrap();
        use sha2::Digest;
        assert_eq!(digest, hex::encode(sha2::Sha256::digest(&bytes)), "{name}");
        named.push(name.to_owned());
    }
    named.sort();
    assert_eq!(named, ["audit.csv", "results.csv", "scores.csv"]);
}

#[test]
fn a_bad_anchor_on_the_command_line_is_a_usage_error_naming_it() {
    let install = Install::new();
    let out = install.run(&["verify", "--anchor", "12:abc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--anchor #1: 'abc' is not a hash"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_campaign_summary_prints_the_key_fingerprint_and_every_footer_the_anchor() {
    let install = Install::new();
    let out_dir = install.export("pdf", &[]);
    let anchor = stdout(&install.run(&["head"])).trim().to_owned();
    let (short, signature) = anchor.split_once(' ').unwrap();
    let receipt = std::fs::read_to_string(out_dir.join("receipt.txt")).unwrap();
    assert!(
        receipt.contains(&format!("head: {short} {signature}")),
        "{receipt}"
    );
    let fingerprint = receipt
        .lines()
        .find_map(|l| l.strip_prefix("# Signed by installation key "))
        .unwrap();
    let Ok(text) = Command::new("pdftotext")
        .arg(out_dir.join("campaign-summary.pdf"))
        .arg("-")
        .output()
    else {
        panic!("pdftotext is needed (poppler-utils; make deps-core installs it)")
    };
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(fingerprint),
        "summary names the key {fingerprint}"
    );
    assert!(
        text.contains(&format!("Audit chain head: {short}")),
        "footer anchor"
    );
    // The retention period sits beside them: 24 months from creation (never signed off).
    let due = chrono::Utc::now()
        .checked_add_months(chrono::Months::new(24))
        .unwrap()
        .format("%Y-%m-%d")
        .to_string();
    assert!(
        text.contains(&format!("24 months from creation, until {due}")),
        "summary shows the retention: {text}"
    );
}
