//! Personal data on the shared database: the audit log holds commitments, never a candidate's
//! name, email, slot or any text written about them; erasure (HR administrators only) blanks
//! the texts and deletes the candidate's secret, the chain still verifies, the results stay
//! computable, and after VACUUM FULL, ANALYZE and a checkpoint no byte of the texts is left in
//! the database's files. Tried with raw SQL and real logins as well as through the session.

mod common;
mod pg_support;
#[path = "pg_support/shared_desk.rs"]
mod shared_desk;

use panelmark::model::Mark;
use std::path::{Path, PathBuf};

use common::Cast;
use panelmark::model::{CandidateId, Decision, ScoreInput};
use panelmark::store::postgres::audit_chain::{self, ChainCheck};
use panelmark::store::NewCandidate;
use pg_support::refusal;
use postgres::Client;
use shared_desk::shared_desk;

/// The texts about the candidate who is erased; each appears nowhere else in the campaign.
const NAME: &str = "Marguerite Quennell-Zapata";
const EMAIL: &str = "m.quennell@example.org";
const SLOT: &str = "Tuesday 10:30, room Ystradgynlais";
const EVIDENCE: &str = "Quennell rebuilt the Llanfairfechan deployment pipeline";
const RATIONALE: &str = "Agreed: the Llanfairfechan rebuild meets level 5";
const ADJUSTMENTS: &str = "Quennell needs a hearing loop in the room";
const TEXTS: [&str; 6] = [NAME, EMAIL, SLOT, EVIDENCE, RATIONALE, ADJUSTMENTS];

/// Adds the candidate to panel A with every personal field, has both members score and submit
/// with evidence, the chair agree with a rationale and HR note adjustments. Returns their id.
fn candidate_with_texts(desk: &mut common::Desk, cast: &Cast) -> CandidateId {
    let id = desk
        .as_("hr")
        .add_candidate(
            cast.campaign,
            &NewCandidate {
                reference: "C-004".into(),
                name: NAME.into(),
                email: Some(EMAIL.into()),
                panel_id: Some(cast.panel_a),
                slot: Some(SLOT.into()),
            },
        )
        .unwrap();
    desk.as_("hr")
        .set_adjustments(cast.campaign, id, ADJUSTMENTS)
        .unwrap();
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    for who in [cast.chair_a, cast.member_a] {
        for key in ["c1", "c2", "c3"] {
            let input = ScoreInput {
                evidence: format!("{EVIDENCE} ({key})"),
                ..common::score(id, who, key, 5, if key == "c3" { 0 } else { 2 })
            };
            desk.by(who).save_score(cast.campaign, &input).unwrap();
        }
        desk.by(who).submit_scores(cast.campaign, id).unwrap();
    }
    for key in ["c1", "c2", "c3"] {
        let decision = Decision {
            candidate_id: id,
            criterion_key: key.into(),
            mark: Mark::Point(5).into(),
            text: RATIONALE.into(),
            by: cast.chair_a,
        };
        desk.by(cast.chair_a)
            .agree_score(cast.campaign, &decision)
            .unwrap();
    }
    id
}

/// Every text of the audit log (as the superuser sees it), one string.
fn whole_log(admin: &mut Client) -> String {
    admin
        .query_one(
            "SELECT string_agg(coalesce(before, '') || coalesce(after, ''), E'\\n' ORDER BY seq)
             FROM panelmark.audit_log",
            &[],
        )
        .unwrap()
        .get(0)
}

fn intact(admin: &mut Client) {
    match audit_chain::verify(admin).unwrap() {
        ChainCheck::Intact { events, .. } => assert!(events > 0),
        broken => panic!("the chain no longer verifies: {broken:?}"),
    }
}

/// The folder of the server's files for the connected database (readable when the tests run
/// as root or as the server's own user, as `make test` does).
fn database_files(admin: &mut Client) -> PathBuf {
    let (data_dir, db_oid): (String, u32) = admin
        .query_one(
            "SELECT current_setting('data_directory'), oid FROM pg_database
             WHERE datname = current_database()",
            &[],
        )
        .map(|r| (r.get(0), r.get(1)))
        .unwrap();
    let dir = Path::new(&data_dir).join("base").join(db_oid.to_string());
    assert!(
        files_under(&dir).len() > 10,
        "cannot read the server's files at {}",
        dir.display()
    );
    dir
}

/// The files under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// The texts among [`TEXTS`] whose UTF-8 bytes some file under `dir` holds, with the file.
fn texts_in_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for file in files_under(dir) {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        for text in TEXTS {
            if bytes.windows(text.len()).any(|w| w == text.as_bytes()) {
                found.push(format!("{text:?} in {}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_shared_audit_log_holds_commitments_not_the_texts_about_a_candidate() {
    let Some((mut desk, db)) = shared_desk("pg_privacy_log") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    candidate_with_texts(&mut desk, &cast);
    let mut admin = db.superuser();
    let log = whole_log(&mut admin);
    for text in TEXTS {
        assert!(!log.contains(text), "the log holds {text:?}");
    }
    // Each text is there as its commitment: the same HMAC the local file's log uses.
    let secret: Vec<u8> = admin
        .query_one(
            "SELECT secret FROM panelmark.candidate_secrets s
             JOIN panelmark.candidates c ON c.id = s.candidate_id WHERE c.reference = 'C-004'",
            &[],
        )
        .unwrap()
        .get(0);
    for (field, text) in [("name", NAME), ("email", EMAIL), ("slot", SLOT)] {
        let commitment = panelmark::store::personal::commitment(&secret, field, text);
        assert!(log.contains(&commitment), "no commitment to the {field}");
    }
    let evidence =
        panelmark::store::personal::commitment(&secret, "evidence", &format!("{EVIDENCE} (c1)"));
    assert!(log.contains(&evidence), "no commitment to the evidence");
    intact(&mut admin);

    // Nobody signs in to the secrets: not a member, not HR.
    for who in ["tomasz", "hr"] {
        let (code, _) = refusal(
            db.connect_as(who)
                .query("SELECT secret FROM candidate_secrets", &[]),
        );
        assert_eq!(code, "42501", "{who} read the secrets");
    }
}

#[test]
fn erasure_on_the_shared_database_leaves_no_text_and_the_chain_whole() {
    let Some((mut desk, db)) = shared_desk("pg_privacy_erase") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let erased = candidate_with_texts(&mut desk, &cast);
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(6), None]);

    // Only an HR administrator erases: a member is refused by the session and by the server.
    let refused = desk
        .by(cast.member_a)
        .erase_candidate(cast.campaign, erased, "DSAR-2026-114")
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "{refused}");
    let (code, _) = refusal(
        db.connect_as("tomasz")
            .execute("SELECT pm_erase_candidate($1, 'DSAR')", &[&erased]),
    );
    assert_eq!(code, "42501");
    // A reason is required.
    let no_reason = desk
        .as_("hr")
        .erase_candidate(cast.campaign, erased, "  ")
        .unwrap_err();
    assert!(no_reason.to_string().contains("reason"), "{no_reason}");

    // Erasing blanks evidence on submitted scores only for an erased candidate: the same
    // update on anyone else's submitted score is refused, even for the superuser.
    let mut admin = db.superuser();
    let (code, message) = refusal(admin.execute(
        "UPDATE panelmark.scores SET evidence = '[erased on request]' WHERE candidate_id = $1",
        &[&cast.zoe],
    ));
    assert_eq!(code, "42501", "{message}");

    // The search below finds the texts while they are stored (it would not pass by reading
    // nothing).
    admin.batch_execute("CHECKPOINT").unwrap();
    let database_files = database_files(&mut admin);
    let before = texts_in_files(&database_files);
    assert!(
        before.iter().any(|f| f.starts_with(&format!("{NAME:?}"))),
        "{before:?}"
    );

    desk.as_("hr")
        .erase_candidate(cast.campaign, erased, "DSAR-2026-114")
        .unwrap();

    // The rows hold no text, the secret is gone, the log says who erased them and why.
    let row = admin
        .query_one(
            "SELECT name, email, slot, adjustments, erasure_reason, erased_at IS NOT NULL
             FROM panelmark.candidates WHERE id = $1",
            &[&erased],
        )
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "Erased candidate");
    assert_eq!(row.get::<_, Option<String>>(1), None);
    assert_eq!(row.get::<_, Option<String>>(2), None);
    assert_eq!(row.get::<_, Option<String>>(3), None);
    assert_eq!(row.get::<_, String>(4), "DSAR-2026-114");
    assert!(row.get::<_, bool>(5));
    let secrets: i64 = admin
        .query_one(
            "SELECT count(*) FROM panelmark.candidate_secrets WHERE candidate_id = $1",
            &[&erased],
        )
        .unwrap()
        .get(0);
    assert_eq!(secrets, 0);
    let (actor, after): (String, String) = admin
        .query_one(
            "SELECT actor, after FROM panelmark.audit_log
             WHERE source_table = 'candidates' AND candidate_id = $1 ORDER BY seq DESC LIMIT 1",
            &[&erased],
        )
        .map(|r| (r.get(0), r.get(1)))
        .unwrap();
    assert_eq!(actor, db.login("hr"));
    assert!(after.contains("DSAR-2026-114"), "{after}");
    let leftover: i64 = admin
        .query_one(
            "SELECT count(*) FROM panelmark.scores WHERE candidate_id = $1
               AND evidence <> '[erased on request]'",
            &[&erased],
        )
        .unwrap()
        .get(0);
    assert_eq!(leftover, 0);
    let log = whole_log(&mut admin);
    for text in TEXTS {
        assert!(!log.contains(text), "the log holds {text:?}");
    }
    intact(&mut admin);

    // Results stay computable without them, and they are gone from every list.
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    assert!(results.iter().all(|r| r.reference != "C-004"));
    assert!(results.iter().any(|r| r.reference == "C-001"));
    let listed = desk.as_("hr").candidates(cast.campaign).unwrap();
    assert!(listed.iter().all(|c| c.id != erased));
    // Erased once: a second erasure finds no one.
    assert!(desk
        .as_("hr")
        .erase_candidate(cast.campaign, erased, "again")
        .is_err());

    // The files: after VACUUM FULL (old row versions are dead tuples until then), ANALYZE
    // (pg_statistic may sample a name) and a checkpoint, no file of the database holds a text.
    // (One statement at a time: several in one batch run as one transaction, and VACUUM
    // refuses to run inside one.)
    for statement in [
        "VACUUM FULL panelmark.candidates, panelmark.scores, panelmark.agreed_scores,
                     panelmark.moderations, panelmark.conflicts, panelmark.audit_log",
        "ANALYZE",
        "CHECKPOINT",
    ] {
        admin.batch_execute(statement).unwrap();
    }
    let found = texts_in_files(&database_files);
    assert!(found.is_empty(), "left in the database's files: {found:?}");
}

#[test]
fn retention_on_the_shared_database_is_changed_with_a_reason_and_purged_only_when_due() {
    let Some((mut desk, db)) = shared_desk("pg_privacy_retention") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let erased = candidate_with_texts(&mut desk, &cast);
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(6), None]);
    let status = desk.as_("hr").campaign_retention(cast.campaign).unwrap();
    assert_eq!(
        (status.months, status.from, status.past),
        (24, "creation", false)
    );

    // Not yet due: refused, naming the date; by the session and by the server.
    let early = desk
        .as_("hr")
        .purge_campaign(cast.campaign, "Retention schedule")
        .unwrap_err();
    assert!(early.to_string().contains(&status.due), "{early}");
    let mut hr = db.connect_as("hr");
    let (code, message) = refusal(hr.query_one(
        "SELECT pm_purge_campaign($1, 'Retention schedule')",
        &[&cast.campaign],
    ));
    assert_eq!(code, "23514", "{message}");
    assert!(message.contains("keeps personal data until"), "{message}");

    // The period changes only with a reason, only by HR, and nobody marks a campaign purged.
    let no_reason = desk
        .as_("hr")
        .set_retention(cast.campaign, 1, "")
        .unwrap_err();
    assert!(no_reason.to_string().contains("reason"), "{no_reason}");
    let member = desk
        .by(cast.member_a)
        .set_retention(cast.campaign, 1, "Shorter")
        .unwrap_err();
    assert_eq!(member.code(), "forbidden");
    for (who, sql) in [
        (
            "tomasz",
            "UPDATE campaigns SET retention_months = 1, retention_reason = 'x' WHERE id = $1",
        ),
        (
            "hr",
            "UPDATE campaigns SET retention_months = 2 WHERE id = $1",
        ),
        (
            "hr",
            "UPDATE campaigns SET purged_at = '2026-01-01T00:00:00Z' WHERE id = $1",
        ),
        ("tomasz", "SELECT pm_purge_campaign($1, 'x')"),
    ] {
        let result = db.connect_as(who).execute(sql, &[&cast.campaign]);
        let (code, message) = refusal(result);
        assert!(
            ["42501", "23514"].contains(&code.as_str()),
            "{who}: {sql}: {code} {message}"
        );
    }

    // HR backdates the campaign (audited) and shortens the period with a reason: now due.
    hr.execute(
        "UPDATE campaigns SET created_at = '2020-01-31T09:00:00Z' WHERE id = $1",
        &[&cast.campaign],
    )
    .unwrap();
    desk.as_("hr")
        .set_retention(cast.campaign, 1, "Shortened under the 2026 schedule")
        .unwrap();
    let due = desk.as_("hr").campaign_retention(cast.campaign).unwrap();
    assert_eq!((due.months, due.past), (1, true));
    assert_eq!(
        due.due, "2020-02-29T09:00:00Z",
        "a month after 31 January, as SQLite counts"
    );
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    let results_before = desk.as_("helen").results(cast.campaign).unwrap();

    let purged = desk
        .as_("hr")
        .purge_campaign(cast.campaign, "Retention schedule RS-7")
        .unwrap();
    assert_eq!(purged, 4, "every candidate of the campaign");
    let mut admin = db.superuser();
    let left: i64 = admin
        .query_one(
            "SELECT count(*) FROM panelmark.candidates WHERE campaign_id = $1
               AND (erased_at IS NULL OR name <> 'Erased candidate')",
            &[&cast.campaign],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0);
    let secrets: i64 = admin
        .query_one("SELECT count(*) FROM panelmark.candidate_secrets", &[])
        .unwrap()
        .get(0);
    assert_eq!(secrets, 0);
    let log = whole_log(&mut admin);
    for text in TEXTS {
        assert!(!log.contains(text), "the log holds {text:?}");
    }
    assert!(
        log.contains("Retention schedule RS-7"),
        "the purge's reason is in the log"
    );
    intact(&mut admin);

    // The anonymised results stay: the same marks, the same order, no names.
    let results_after = desk.as_("helen").results(cast.campaign).unwrap();
    let marks = |r: &[panelmark::scoring::results::CandidateResult]| {
        r.iter()
            .map(|c| (c.reference.clone(), c.total.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(marks(&results_before), marks(&results_after));
    assert!(results_after.iter().any(|r| r.candidate_id == erased));
    let again = desk
        .as_("hr")
        .purge_campaign(cast.campaign, "again")
        .unwrap_err();
    assert!(again.to_string().contains("already purged"), "{again}");
}
