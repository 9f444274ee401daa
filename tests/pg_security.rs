//! The rules, enforced by PostgreSQL itself: each test signs in as a real login (SCRAM password)
//! and tries raw SQL, not the app, then asserts the exact refusal (SQLSTATE and message) or the
//! exact rows it gets back.

mod pg_support;

use panelmark::store::postgres::audit_chain::{self, ChainCheck};
use pg_support::{campaign, refusal, save_draft, score_and_submit};

const SUITE: &str = "pg_security";

fn count(
    client: &mut postgres::Client,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> i64 {
    client.query_one(sql, params).unwrap().get(0)
}

#[test]
fn a_member_reads_only_their_own_draft_until_they_submit_then_only_their_panel() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    let (mut a, mut b, mut e) = (db.connect_as("a"), db.connect_as("b"), db.connect_as("e"));
    save_draft(&mut a, story.x1, story.a, "c1", 4, "A-secret-evidence");

    let scores_of_a = "SELECT count(*) FROM scores WHERE assessor_id = $1";
    assert_eq!(
        count(&mut a, scores_of_a, &[&story.a]),
        1,
        "A reads their own draft"
    );
    assert_eq!(
        count(&mut b, scores_of_a, &[&story.a]),
        0,
        "B must not read A's draft"
    );
    let events_of_a =
        "SELECT count(*) FROM audit_log WHERE source_table = 'scores' AND assessor_id = $1";
    assert_eq!(
        count(&mut a, events_of_a, &[&story.a]),
        1,
        "A reads their own draft's event"
    );
    assert_eq!(
        count(&mut b, events_of_a, &[&story.a]),
        0,
        "B must not read A's draft through the audit log"
    );
    // And the event holds a commitment to the evidence, never the text (schema 5).
    let texts = "SELECT count(*) FROM audit_log WHERE coalesce(after, '') || coalesce(before, '') LIKE '%A-secret%'";
    assert_eq!(count(&mut a, texts, &[]), 0, "the log holds the evidence");

    // B submits: A's draft is still not B's to read.
    score_and_submit(&mut b, story.x1, story.b, 3);
    assert_eq!(count(&mut b, scores_of_a, &[&story.a]), 0);

    // A submits: now B (submitted, same panel) reads A's submitted scores, and the submit events,
    // but still not the draft-save events.
    score_and_submit(&mut a, story.x1, story.a, 4);
    assert_eq!(count(&mut b, scores_of_a, &[&story.a]), 2);
    let draft_events = "SELECT count(*) FROM audit_log WHERE source_table = 'scores' AND assessor_id = $1 AND draft";
    assert_eq!(
        count(&mut a, draft_events, &[&story.a]),
        3,
        "c1 saved twice, c2 once"
    );
    assert_eq!(count(&mut b, draft_events, &[&story.a]), 0);
    let submit_events =
        "SELECT count(*) FROM audit_log WHERE action = 'scores.submit' AND assessor_id = $1";
    assert_eq!(count(&mut b, submit_events, &[&story.a]), 2);

    // Another panel's member never reads panel 1's scores, even after submitting their own.
    score_and_submit(&mut e, story.x2, story.e, 2);
    assert_eq!(
        count(
            &mut e,
            "SELECT count(*) FROM scores WHERE candidate_id = $1",
            &[&story.x1]
        ),
        0
    );
    assert_eq!(
        count(
            &mut e,
            "SELECT count(*) FROM audit_log WHERE candidate_id = $1",
            &[&story.x1]
        ),
        0
    );
    assert_eq!(
        count(
            &mut e,
            "SELECT count(*) FROM candidates WHERE id = $1",
            &[&story.x1]
        ),
        0
    );
}

#[test]
fn nobody_inserts_changes_or_deletes_an_audit_event() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    let mut b = db.connect_as("b");
    save_draft(&mut b, story.x1, story.b, "c1", 2, "");
    let attempts = [
        ("INSERT INTO audit_log (seq, at, actor, action, entity, prev_hash, hash, source_table) VALUES (999, 'x', 'x', 'x', 'x', 'x', 'x', 'scores')", "permission denied for table audit_log"),
        ("UPDATE audit_log SET actor = 'someone else'", "permission denied for table audit_log"),
        ("DELETE FROM audit_log", "permission denied for table audit_log"),
        ("TRUNCATE audit_log", "permission denied for table audit_log"),
        ("UPDATE audit_head SET seq = 0", "permission denied for table audit_head"),
    ];
    for (sql, message) in attempts {
        let (code, got) = refusal(b.batch_execute(sql));
        assert_eq!((code.as_str(), got.as_str()), ("42501", message), "{sql}");
    }
    // Not even the owner's privileges help: the trigger refuses a superuser's edit too.
    let mut admin = db.superuser();
    let (code, message) =
        refusal(admin.batch_execute("UPDATE panelmark.audit_log SET actor = 'x'"));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("42501", "the audit log is append-only")
    );
    let (_, message) = refusal(admin.batch_execute("DELETE FROM panelmark.audit_log"));
    assert_eq!(message, "the audit log is append-only");
    // And the one event B caused is attributed to B's login.
    let actor: String = admin
        .query_one(
            "SELECT actor FROM panelmark.audit_log WHERE source_table = 'scores'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(actor, db.login("b"));
}

#[test]
fn a_submitted_score_is_final_and_a_member_writes_only_their_own_in_the_scoring_phase() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    let (mut a, mut b) = (db.connect_as("a"), db.connect_as("b"));
    score_and_submit(&mut a, story.x1, story.a, 4);
    let change = "UPDATE scores SET value = 1 WHERE candidate_id = $1 AND assessor_id = $2 AND criterion_key = 'c1'";
    let (code, message) = refusal(a.execute(change, &[&story.x1, &story.a]));
    assert_eq!(code, "42501");
    assert!(
        message.starts_with("a submitted score cannot be changed"),
        "{message}"
    );
    let revert = "UPDATE scores SET status = 'draft' WHERE candidate_id = $1 AND assessor_id = $2";
    let (_, message) = refusal(a.execute(revert, &[&story.x1, &story.a]));
    assert!(
        message.starts_with("a submitted score cannot be changed"),
        "{message}"
    );
    let (code, message) =
        refusal(a.execute("DELETE FROM scores WHERE assessor_id = $1", &[&story.a]));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("42501", "permission denied for table scores")
    );
    // Adding a score after submitting is refused too.
    let (code, message) = refusal(a.execute(
        "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, status, created_at, updated_at)
         VALUES ($1, $2, 'c3', 1, 'draft', 't', 't')",
        &[&story.x1, &story.a],
    ));
    assert_eq!(
        (code.as_str(), message.as_str()),
        (
            "42501",
            "new row violates row-level security policy for table \"scores\""
        )
    );

    // B changes nothing of A's: the row is not B's to update (0 rows), nor to insert as.
    assert_eq!(b.execute(change, &[&story.x1, &story.a]).unwrap(), 0);
    let (code, message) = refusal(b.execute(
        "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, status, created_at, updated_at)
         VALUES ($1, $2, 'c1', 1, 'draft', 't', 't')",
        &[&story.x2, &story.b],
    ));
    assert_eq!(
        (code.as_str(), message.as_str()),
        (
            "42501",
            "new row violates row-level security policy for table \"scores\""
        ),
        "not B's panel"
    );

    // A partial submission (to read the panel's scores, then finish one's own) fails at commit.
    save_draft(&mut b, story.x1, story.b, "c1", 2, "");
    save_draft(&mut b, story.x1, story.b, "c2", 2, "");
    let (code, message) = refusal(b.execute(
        "UPDATE scores SET status = 'submitted' WHERE candidate_id = $1 AND assessor_id = $2 AND criterion_key = 'c1'",
        &[&story.x1, &story.b],
    ));
    assert_eq!(code, "23514");
    assert!(message.contains("missing: c2"), "{message}");

    // Outside the scoring phase nobody writes a score.
    db.connect_as("hr")
        .execute(
            "UPDATE campaigns SET state = 'moderation' WHERE id = $1",
            &[&story.id],
        )
        .unwrap();
    assert_eq!(
        b.execute(
            "UPDATE scores SET value = 3 WHERE assessor_id = $1",
            &[&story.b]
        )
        .unwrap(),
        0
    );
    let (code, _) = refusal(b.execute(
        "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, status, created_at, updated_at)
         VALUES ($1, $2, 'c9', 1, 'draft', 't', 't')",
        &[&story.x1, &story.b],
    ));
    assert_eq!(code, "42501");
}

#[test]
fn only_the_panels_chair_agrees_and_only_once_everyone_has_submitted() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    let (mut a, mut b, mut c) = (db.connect_as("a"), db.connect_as("b"), db.connect_as("c"));
    let (mut d, mut e) = (db.connect_as("d"), db.connect_as("e"));
    let agree = "INSERT INTO agreed_scores (candidate_id, criterion_key, value, rationale, agreed_by, agreed_at)
                 VALUES ($1, 'c1', 3, 'agreed', $2, 't')";
    let rls = (
        "42501".to_owned(),
        "new row violates row-level security policy for table \"agreed_scores\"".to_owned(),
    );
    score_and_submit(&mut a, story.x1, story.a, 4);
    score_and_submit(&mut c, story.x1, story.c, 3);
    assert_eq!(
        refusal(c.execute(agree, &[&story.x1, &story.c])),
        rls,
        "B has not submitted yet"
    );
    score_and_submit(&mut b, story.x1, story.b, 2);
    score_and_submit(&mut d, story.x2, story.d, 2);
    score_and_submit(&mut e, story.x2, story.e, 2);
    assert_eq!(
        refusal(a.execute(agree, &[&story.x1, &story.a])),
        rls,
        "a member is not the chair"
    );
    assert_eq!(
        refusal(c.execute(agree, &[&story.x2, &story.c])),
        rls,
        "panel 2's candidate"
    );
    assert_eq!(
        refusal(c.execute(agree, &[&story.x1, &story.d])),
        rls,
        "as panel 2's chair"
    );
    // The chair, now allowed, still cannot store a decision that is neither a point nor "not
    // assessed", or both (schema 16): the app's `Mark` could not read it back.
    let check = |name: &str| {
        (
            "23514".to_owned(),
            format!("new row for relation \"agreed_scores\" violates check constraint \"{name}\""),
        )
    };
    for (value, not_assessed) in [(None, false), (Some(3), true)] {
        assert_eq!(
            refusal(c.execute(
                "INSERT INTO agreed_scores (candidate_id, criterion_key, value, not_assessed, rationale, agreed_by, agreed_at)
                 VALUES ($1, 'c1', $3, $4, 'agreed', $2, 't')",
                &[&story.x1, &story.c, &value, &not_assessed],
            )),
            check("agreed_scores_one_mark"),
            "{value:?} / not assessed {not_assessed}"
        );
    }
    assert_eq!(c.execute(agree, &[&story.x1, &story.c]).unwrap(), 1);
    assert_eq!(d.execute(agree, &[&story.x2, &story.d]).unwrap(), 1);
    // Panel 1 sees its own agreed score only.
    assert_eq!(count(&mut a, "SELECT count(*) FROM agreed_scores", &[]), 1);
}

#[test]
fn only_the_campaigns_moderators_read_the_board_and_moderate() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    let (mut a, mut b, mut m) = (db.connect_as("a"), db.connect_as("b"), db.connect_as("m"));
    score_and_submit(&mut a, story.x1, story.a, 4);
    save_draft(&mut b, story.x1, story.b, "c1", 1, "B draft");
    for view in ["board_scores", "export_scores"] {
        let (code, message) = refusal(b.query(&format!("SELECT * FROM {view}"), &[]));
        assert_eq!(
            (code.as_str(), message.as_str()),
            (
                "42501",
                format!("permission denied for view {view}").as_str()
            )
        );
    }
    // The moderator's board: submitted scores only (A's two), never B's draft.
    assert_eq!(
        count(
            &mut m,
            "SELECT count(*) FROM board_scores WHERE campaign_id = $1",
            &[&story.id]
        ),
        2
    );
    assert_eq!(
        count(
            &mut m,
            "SELECT count(*) FROM scores WHERE assessor_id = $1",
            &[&story.b]
        ),
        0
    );

    // Nor through the audit log: the moderator reads A's submit events, no draft event; HR,
    // who sets campaigns up, reads no score event at all.
    let draft_events = "SELECT count(*) FROM audit_log WHERE source_table = 'scores' AND draft";
    assert_eq!(count(&mut m, draft_events, &[]), 0);
    assert_eq!(
        count(
            &mut m,
            "SELECT count(*) FROM audit_log WHERE action = 'scores.submit'",
            &[]
        ),
        2
    );
    let mut hr = db.connect_as("hr");
    assert_eq!(
        count(
            &mut hr,
            "SELECT count(*) FROM audit_log WHERE source_table = 'scores'",
            &[]
        ),
        0
    );
    let (code, message) = refusal(hr.query("SELECT * FROM scores", &[]));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("42501", "permission denied for table scores")
    );

    let moderate = "INSERT INTO moderations (candidate_id, criterion_key, value, reason, moderator_id, moderated_at)
                    VALUES ($1, 'c1', 3, 'calibration', $2, 't')";
    let (code, message) = refusal(b.execute(moderate, &[&story.x1, &story.b]));
    assert_eq!(
        (code.as_str(), message.as_str()),
        ("42501", "permission denied for table moderations")
    );
    let rls = (
        "42501".to_owned(),
        "new row violates row-level security policy for table \"moderations\"".to_owned(),
    );
    assert_eq!(
        refusal(m.execute(moderate, &[&story.x1, &story.m])),
        rls,
        "not in the moderation phase yet"
    );
    hr.execute(
        "UPDATE campaigns SET state = 'moderation' WHERE id = $1",
        &[&story.id],
    )
    .unwrap();
    assert_eq!(m.execute(moderate, &[&story.x1, &story.m]).unwrap(), 1);

    // Nobody moderates a campaign in which they score.
    let (code, message) = refusal(hr.execute(
        "INSERT INTO assessors (campaign_id, name, role, login) VALUES ($1, 'a', 'moderator', $2)",
        &[&story.id, &db.login("a")],
    ));
    assert_eq!(code, "23514");
    assert_eq!(
        message,
        format!(
            "{} cannot both score and moderate in campaign {}",
            db.login("a"),
            story.id
        )
    );
    // Only a moderator signs off; HR cannot.
    let (code, message) = refusal(hr.execute(
        "UPDATE campaigns SET state = 'signed_off' WHERE id = $1",
        &[&story.id],
    ));
    assert_eq!(
        (code.as_str(), message.as_str()),
        (
            "42501",
            "only a moderator of the campaign moves it moderation->signed_off"
        )
    );
    assert_eq!(
        m.execute(
            "UPDATE campaigns SET state = 'signed_off' WHERE id = $1",
            &[&story.id]
        )
        .unwrap(),
        1
    );
}

#[test]
fn a_login_without_a_panelmark_role_reads_nothing() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    score_and_submit(&mut db.connect_as("a"), story.x1, story.a, 4);
    let stranger = db.login("stranger");
    db.superuser()
        .batch_execute(&format!(
            "CREATE ROLE {stranger} LOGIN PASSWORD '{}'",
            pg_support::PASSWORD
        ))
        .unwrap();
    let mut client = db.connect_as("stranger");
    for table in [
        "scores",
        "audit_log",
        "candidates",
        "campaigns",
        "users",
        "board_scores",
    ] {
        let (code, message) =
            refusal(client.query(&format!("SELECT * FROM panelmark.{table}"), &[]));
        assert_eq!(
            (code.as_str(), message.as_str()),
            ("42501", "permission denied for schema panelmark"),
            "{table}"
        );
    }
    // "nobody" is an assessor by role but takes part in no campaign: zero rows everywhere.
    let mut nobody = db.connect_as("nobody");
    for table in [
        "scores",
        "audit_log",
        "candidates",
        "campaigns",
        "assessors",
        "agreed_scores",
    ] {
        assert_eq!(
            count(&mut nobody, &format!("SELECT count(*) FROM {table}"), &[]),
            0,
            "{table}"
        );
    }
}

#[test]
fn the_chain_written_by_the_database_verifies_in_rust_and_a_tampered_event_is_named() {
    let db = require_pg!(SUITE);
    let story = campaign(&db);
    score_and_submit(&mut db.connect_as("a"), story.x1, story.a, 4);
    let mut admin = db.superuser();
    let ChainCheck::Intact { events, .. } = audit_chain::verify(&mut admin).unwrap() else {
        panic!("the chain does not verify");
    };
    // users 8, scorecard 1+1, campaign 1, panels 2, assessors 6, candidates 2, state 1, scores 2+2.
    assert_eq!(events, 26);
    // The database's own hash function agrees with Rust's on every event.
    let mismatches: i64 = admin
        .query_one(
            "SELECT count(*) FROM panelmark.audit_log
             WHERE hash <> panelmark.pm_audit_hash(seq, at, actor, action, entity, before, after, prev_hash)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(mismatches, 0);
    // A superuser who switches the guard off and edits event 20 is caught.
    admin
        .batch_execute(
            "ALTER TABLE panelmark.audit_log DISABLE TRIGGER append_only;
             UPDATE panelmark.audit_log SET after = replace(after, '\"value\": 4', '\"value\": 1') WHERE seq = 25;
             ALTER TABLE panelmark.audit_log ENABLE TRIGGER append_only;",
        )
        .unwrap();
    let ChainCheck::Broken { seq, reason } = audit_chain::verify(&mut admin).unwrap() else {
        panic!("a tampered chain verified");
    };
    assert_eq!(seq, 25);
    assert!(reason.contains("altered"), "{reason}");
}
