//! `panelmark verify` compares the stored scores, agreed scores and moderations with what the
//! audit log says they hold. Each attack is done as someone holding the database file would do
//! it: an ordinary SQLite connection editing the rows, the log left alone (so the chain itself
//! still verifies). Every one must make `verify` fail, naming the row, what it holds, what the
//! log says and the event.

use std::path::PathBuf;
use std::process::{Command, Output};

use panelmark::model::{AssessorId, CandidateId};
use rusqlite::Connection;

struct Demo {
    dir: tempfile::TempDir,
}

impl Demo {
    /// A demo campaign in moderation: submitted scores, agreed scores, one moderation.
    fn new() -> Self {
        let demo = Demo {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = demo.run(&["demo", "--candidates", "4", "--seed", "3"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        demo
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("p.db")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_panelmark"))
            .env("PANELMARK_CONFIG_DIR", self.dir.path().join("config"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs SQL on the file behind the app's back.
    fn tamper(&self, sql: &str) {
        Connection::open(self.db())
            .unwrap()
            .execute_batch(sql)
            .unwrap();
    }

    /// `verify`'s exit success and its whole output.
    fn verify(&self) -> (bool, String) {
        let out = self.run(&["verify"]);
        (
            out.status.success(),
            format!("{}{}", text(&out.stdout), text(&out.stderr)),
        )
    }

    fn assert_differs(&self, expected: &str) {
        let (ok, said) = self.verify();
        assert!(!ok, "verify passed a tampered file:\n{said}");
        assert!(said.contains("audit chain intact"), "{said}");
        assert!(said.contains("data DIFFERS from the log: "), "{said}");
        assert!(said.contains(expected), "expected “{expected}” in:\n{said}");
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The event that last set a row, found the way an auditor would: in the log.
fn last_event(demo: &Demo, action: &str, entity_like: &str) -> i64 {
    Connection::open(demo.db())
        .unwrap()
        .query_row(
            "SELECT max(seq) FROM audit_log WHERE action = ?1 AND entity LIKE ?2",
            [action, entity_like],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn an_untouched_demo_and_an_erased_candidate_match_the_log() {
    let demo = Demo::new();
    let (ok, said) = demo.verify();
    assert!(ok, "{said}");
    assert!(
        said.contains("data matches the log: every campaign, panel, assessor, candidate, score, agreed score, moderation, tie order and sign-off"),
        "{said}"
    );
    let out = demo.run(&[
        "candidates",
        "erase",
        "--campaign",
        "1",
        "--reason",
        "Data-protection request 42",
        "C-0002",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (ok, said) = demo.verify();
    assert!(
        ok,
        "erasure is recorded, so the blanked texts match: {said}"
    );
}

#[test]
fn a_changed_score_is_named_with_both_values_and_the_event() {
    let demo = Demo::new();
    let (candidate, assessor, criterion, value): (CandidateId, AssessorId, String, i64) =
        Connection::open(demo.db())
            .unwrap()
            .query_row(
                "SELECT candidate_id, assessor_id, criterion_key, value FROM scores
                 WHERE value IS NOT NULL AND value < 7 ORDER BY 1, 2, 3 LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
    let (reference, name): (String, String) = Connection::open(demo.db())
        .unwrap()
        .query_row(
            "SELECT c.reference, a.name FROM candidates c, assessors a WHERE c.id = ?1 AND a.id = ?2",
            rusqlite::params![candidate, assessor],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // The score was submitted after it was saved: the submission is the row's last event.
    let event = last_event(
        &demo,
        "score.submit",
        &format!("campaign/1/candidate/{candidate}/assessor/{assessor}"),
    );
    demo.tamper(&format!(
        "UPDATE scores SET value = 7 WHERE candidate_id = {candidate} AND assessor_id = {assessor} AND criterion_key = '{criterion}'"
    ));
    demo.assert_differs(&format!(
        "score {reference} / {name} / {criterion} value is 7, the log says {value} (event {event})"
    ));
}

#[test]
fn a_changed_agreed_score_moderation_reason_or_evidence_is_named() {
    let demo = Demo::new();
    demo.tamper(
        "UPDATE agreed_scores SET value = 1 WHERE candidate_id = 3 AND criterion_key = 'c1'",
    );
    let event = last_event(&demo, "agreed.set", "campaign/1/candidate/3/criterion/c1");
    demo.assert_differs(&format!(
        "data DIFFERS from the log: agreed score C-0003 / c1 value is 1, the log says 3 (event {event})"
    ));

    let demo = Demo::new();
    demo.tamper("UPDATE moderations SET reason = 'no reason'");
    demo.assert_differs("reason is \"no reason\", not the text the log records (event");

    let demo = Demo::new();
    demo.tamper(
        "UPDATE scores SET evidence = 'invented' WHERE candidate_id = 1 AND criterion_key = 'c1'",
    );
    demo.assert_differs("evidence is \"invented\", not the text the log records (event");

    let demo = Demo::new();
    demo.tamper("UPDATE scores SET status = 'draft' WHERE candidate_id = 4");
    demo.assert_differs("status is \"draft\", the log says \"submitted\"");
}

#[test]
fn deleted_and_invented_rows_are_named() {
    let demo = Demo::new();
    demo.tamper("DELETE FROM scores WHERE candidate_id = 2");
    demo.assert_differs("score C-0002 / ");
    demo.assert_differs(" is missing: the log says it was recorded (event");

    let demo = Demo::new();
    demo.tamper("DELETE FROM moderations");
    demo.assert_differs("moderated score C-0001 / c2 is missing: the log says it was recorded");

    let demo = Demo::new();
    demo.tamper(
        "INSERT INTO moderations (candidate_id, criterion_key, value, not_assessed, reason, moderator_id, moderated_at)
         SELECT 4, 'c1', 1, 0, 'quiet change', id, '2026-11-30T10:00:00Z' FROM assessors WHERE role = 'moderator' LIMIT 1",
    );
    demo.assert_differs("moderated score C-0004 / c1 is stored but no event in the log records it");
}

#[test]
fn people_and_the_campaign_edited_behind_the_apps_back_are_named() {
    // A member made a moderator: the log says who was added with which role.
    let demo = Demo::new();
    let name: String = Connection::open(demo.db())
        .unwrap()
        .query_row(
            "SELECT name FROM assessors WHERE role = 'member' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    demo.tamper(&format!(
        "UPDATE assessors SET role = 'moderator' WHERE name = '{name}'"
    ));
    demo.assert_differs(&format!(
        "assessor {name} role is \"moderator\", the log says \"member\" (event"
    ));

    // A candidate moved to another panel, or renamed.
    let demo = Demo::new();
    demo.tamper("UPDATE candidates SET name = 'Someone Else' WHERE reference = 'C-0004'");
    demo.assert_differs(
        "candidate C-0004 name is \"Someone Else\", not the text the log records (event",
    );

    // The campaign set back to scoring, so panels could change their scores again.
    let demo = Demo::new();
    demo.tamper("UPDATE campaigns SET state = 'scoring'");
    demo.assert_differs("state is \"scoring\", the log says \"moderation\" (event");

    // A panel invented.
    let demo = Demo::new();
    demo.tamper("INSERT INTO panels (campaign_id, name) VALUES (1, 'Shadow panel')");
    demo.assert_differs("panel Shadow panel is stored but no event in the log records it");
}

#[test]
fn a_scorecard_edited_behind_the_apps_back_is_named() {
    // The campaign's pinned copy with every pass mark lowered to 1: the same scores would then
    // pass candidates the panels failed. The copy no longer matches the version the log records.
    let demo = Demo::new();
    demo.tamper("UPDATE campaigns SET scorecard = json_set(scorecard, '$.overall_pass_mark', 1.0)");
    let (ok, said) = demo.verify();
    assert!(!ok, "verify passed a tampered file:\n{said}");
    assert!(said.contains("pinned scorecard is \"sha256 "), "{said}");
    assert!(said.contains("the log says \"sha256 "), "{said}");
    assert!(said.contains("campaign 1 ("), "{said}");

    // A stored version's body changed (the next campaign pinned from it would score by it).
    let demo = Demo::new();
    demo.tamper("UPDATE scorecard_versions SET body = json_set(body, '$.overall_pass_mark', 1.0)");
    demo.assert_differs("scorecard 1 version 1 body is \"sha256 ");

    // Whitespace alone is not a change: the copy still reads as the same scorecard.
    let demo = Demo::new();
    demo.tamper("UPDATE campaigns SET scorecard = char(10) || scorecard || '  '");
    let (ok, said) = demo.verify();
    assert!(ok, "{said}");
}

#[test]
fn a_decision_edited_to_no_mark_is_named_by_every_read_and_by_verify() {
    let demo = Demo::new();
    demo.tamper(
        "UPDATE agreed_scores SET value = NULL WHERE candidate_id = 3 AND criterion_key = 'c1'",
    );
    let out = demo.run(&[
        "--as",
        "helen.marsh.hr",
        "export",
        "--campaign",
        "1",
        "--out",
        demo.dir.path().join("out").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert_eq!(
        text(&out.stderr).trim(),
        "error: agreed score of candidate 3 on c1: a decision needs a point of the scale or \
         \"not assessed\"; the file was changed outside Panelmark (`panelmark verify` names what \
         differs from the audit log)"
    );
    let event = last_event(&demo, "agreed.set", "campaign/1/candidate/3/criterion/c1");
    demo.assert_differs(&format!(
        "agreed score C-0003 / c1 value is —, the log says 3 (event {event})"
    ));
}
