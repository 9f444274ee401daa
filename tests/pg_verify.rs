//! Verify and anchors on the shared database, tried as whoever controls the server would: a
//! superuser with the triggers switched off (`session_replication_role = replica`) changes,
//! deletes and adds rows without events, rewrites the log with fresh hashes, and cuts it
//! short. Each attack is caught, by `verify` (the data against the log) or by an anchor
//! handed out before it, and named.

mod common;
mod pg_support;
#[path = "pg_support/shared_desk.rs"]
mod shared_desk;

use common::{Cast, Desk};
use panelmark::anchor::{Anchor, AnchorCheck};
use panelmark::store::Verification;
use postgres::Client;
use shared_desk::shared_desk;

/// A scored, agreed candidate on a shared database.
fn scored(suite: &str) -> Option<(Desk, std::sync::Arc<pg_support::Db>, Cast)> {
    let (mut desk, db) = shared_desk(suite)?;
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(6), None]);
    Some((desk, db, cast))
}

/// Runs `sql` as the superuser with every ordinary trigger off: no event, no guard.
fn behind_the_log(admin: &mut Client, sql: &str) {
    admin
        .batch_execute(&format!(
            "BEGIN; SET LOCAL session_replication_role = replica; SET LOCAL search_path = panelmark;
             {sql}; COMMIT;"
        ))
        .unwrap();
}

fn differs(v: Verification) -> (String, String) {
    match v {
        Verification::DataDiffers { row, problem, .. } => (row, problem),
        other => panic!("expected the data to differ from the log, got {other:?}"),
    }
}

#[test]
fn verify_on_a_shared_database_finds_rows_changed_deleted_or_added_behind_the_log() {
    let Some((mut desk, db, cast)) = scored("pg_verify_data") else {
        return;
    };
    let head = match desk.as_("tomasz").verify().unwrap() {
        Verification::Intact { events, head } => (events, head),
        other => panic!("a fresh story verifies: {other:?}"),
    };
    assert!(head.0 > 20, "{head:?}");
    assert_eq!(
        desk.as_("hr").anchor().unwrap().short(),
        format!("{}:{}", head.0, head.1)
    );

    // A submitted score changed from 6 to 2.
    let mut admin = db.superuser();
    let score = format!("scores/{}/{}/c2", cast.zoe, cast.member_a);
    behind_the_log(
        &mut admin,
        &format!(
            "UPDATE scores SET value = 2 WHERE candidate_id = {} AND assessor_id = {} AND criterion_key = 'c2'",
            cast.zoe, cast.member_a
        ),
    );
    let (row, problem) = differs(desk.as_("hr").verify().unwrap());
    assert_eq!(row, score);
    assert!(
        problem.starts_with("value is 2, the log says 6 (event "),
        "{problem}"
    );
    // A member is told that a row differs, not which (it could be a score they may not read).
    let (row, problem) = differs(desk.as_("tomasz").verify().unwrap());
    assert_eq!(row, "a stored row");
    assert!(!problem.contains('6'), "{problem}");
    behind_the_log(
        &mut admin,
        &format!(
            "UPDATE scores SET value = 6 WHERE candidate_id = {} AND assessor_id = {} AND criterion_key = 'c2'",
            cast.zoe, cast.member_a
        ),
    );
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::Intact { .. }
    ));

    // An agreed score deleted.
    behind_the_log(
        &mut admin,
        &format!(
            "DELETE FROM agreed_scores WHERE candidate_id = {} AND criterion_key = 'c1'",
            cast.zoe
        ),
    );
    let (row, problem) = differs(desk.as_("helen").verify().unwrap());
    assert_eq!(row, format!("agreed_scores/{}/c1", cast.zoe));
    assert!(
        problem.starts_with("is missing: the log says it exists"),
        "{problem}"
    );

    // A moderation added with no event (on a fresh story, so the deletion above is not first).
    let Some((mut desk, db, cast)) = scored("pg_verify_added") else {
        return;
    };
    let mut admin = db.superuser();
    behind_the_log(
        &mut admin,
        &format!(
            "INSERT INTO moderations (candidate_id, criterion_key, value, reason, moderator_id, moderated_at)
             VALUES ({}, 'c1', 7, 'x', {}, '2026-12-01T00:00:00Z')",
            cast.zoe, cast.moderator
        ),
    );
    let (row, problem) = differs(desk.as_("hr").verify().unwrap());
    assert_eq!(row, format!("moderations/{}/c1", cast.zoe));
    assert!(problem.contains("added behind the log's back"), "{problem}");
}

#[test]
fn an_anchor_catches_a_log_rewritten_with_fresh_hashes_or_cut_short() {
    let Some((mut desk, db, cast)) = scored("pg_verify_anchor") else {
        return;
    };
    let anchor = desk.as_("hr").anchor().unwrap();
    let held = desk.as_("tomasz").check_anchor(&anchor).unwrap();
    assert!(held.held(), "{held:?}");
    let text = anchor.to_string();
    assert_eq!(Anchor::parse(&text, "anchor").unwrap(), anchor);

    // The attacker changes a score, rewrites its newest event to match, and recomputes every
    // hash from there: verify alone finds nothing wrong...
    let mut admin = db.superuser();
    let (zoe, member) = (cast.zoe, cast.member_a);
    behind_the_log(
        &mut admin,
        &format!(
            "UPDATE scores SET value = 2 WHERE candidate_id = {zoe} AND assessor_id = {member} AND criterion_key = 'c2';
             UPDATE audit_log SET after = (to_jsonb(s) || jsonb_build_object('evidence', after::jsonb -> 'evidence'))::text
               FROM scores s
               WHERE s.candidate_id = {zoe} AND s.assessor_id = {member} AND s.criterion_key = 'c2'
                 AND audit_log.seq = (SELECT max(seq) FROM audit_log
                                      WHERE entity = 'scores/{zoe}/{member}/c2');
             DO $$
             DECLARE e record; prev text;
             BEGIN
               FOR e IN SELECT * FROM audit_log ORDER BY seq LOOP
                 IF prev IS NOT NULL THEN
                   UPDATE audit_log SET prev_hash = prev WHERE seq = e.seq;
                   e.prev_hash := prev;
                 END IF;
                 prev := pm_audit_hash(e.seq, e.at, e.actor, e.action, e.entity, e.before, e.after, e.prev_hash);
                 UPDATE audit_log SET hash = prev WHERE seq = e.seq;
               END LOOP;
               UPDATE audit_head SET hash = prev WHERE id = 1;
             END $$"
        ),
    );
    assert!(
        matches!(
            desk.as_("hr").verify().unwrap(),
            Verification::Intact { .. }
        ),
        "the rewrite is consistent"
    );
    // ...but the anchor handed out before it no longer holds.
    match desk.as_("hr").check_anchor(&anchor).unwrap() {
        AnchorCheck::Failed { problem, .. } => {
            assert!(problem.contains("the log was rewritten"), "{problem}")
        }
        held => panic!("the rewritten log still holds the anchor: {held:?}"),
    }

    // Cut short: the newest events deleted and the head moved back.
    let Some((mut desk, db, _)) = scored("pg_verify_cut") else {
        return;
    };
    let anchor = desk.as_("hr").anchor().unwrap();
    let mut admin = db.superuser();
    behind_the_log(
        &mut admin,
        &format!(
            "DELETE FROM audit_log WHERE seq > {};
             UPDATE audit_head SET seq = {}, hash = (SELECT hash FROM audit_log WHERE seq = {}) WHERE id = 1",
            anchor.seq - 3,
            anchor.seq - 3,
            anchor.seq - 3
        ),
    );
    match desk.as_("hr").check_anchor(&anchor).unwrap() {
        AnchorCheck::Failed { problem, .. } => assert!(problem.contains("is gone"), "{problem}"),
        held => panic!("a shortened log still holds the anchor: {held:?}"),
    }
    // (verify sees the agreed scores whose events were cut as rows not in the log.)
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::DataDiffers { .. }
    ));
}

#[test]
fn an_edited_event_breaks_the_chain_and_an_erasure_does_not() {
    let Some((mut desk, db, cast)) = scored("pg_verify_chain") else {
        return;
    };
    desk.as_("hr")
        .erase_candidate(cast.campaign, cast.zoe, "DSAR-7")
        .unwrap();
    match desk.as_("helen").verify().unwrap() {
        Verification::Intact { .. } => {}
        other => panic!("an erasure keeps the chain and the data whole: {other:?}"),
    }
    let mut admin = db.superuser();
    behind_the_log(
        &mut admin,
        "UPDATE audit_log SET actor = 'someone else' WHERE seq = 5",
    );
    match desk.as_("hr").verify().unwrap() {
        Verification::Broken { seq, problem } => {
            assert_eq!(seq, 5);
            assert!(
                problem.contains("changed after it was written"),
                "{problem}"
            );
        }
        other => panic!("an edited event must break the chain: {other:?}"),
    }
}
