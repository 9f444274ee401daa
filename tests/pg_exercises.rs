//! Exercises on the shared database, enforced by PostgreSQL itself: real logins try raw SQL.
//! A member limited to one exercise cannot store scores of another, nor submit an incomplete set;
//! a chair agrees only their own exercise's keys; nobody stores a key the scorecard does not
//! score; an assessor's exercise is one of the campaign's, set by HR only, and fixed once they
//! have scored.

mod cli_support;
mod pg_support;

use cli_support::exercise_flow::{two_exercise_campaign, HR, PEOPLE};
use cli_support::{Cli, Server};
use panelmark::model::{AssessorId, CampaignId, CandidateId, PanelId, ScorecardId};
use panelmark::store::postgres::users::AppRole;
use pg_support::{one, refusal, save_draft, Db};

const SUITE: &str = "pg_exercises";

/// Criteria c1 and c2; the interview (e1) assesses both, the presentation (e2) c2 only.
const SCORECARD: &str = r#"{"title":"T","criteria":[{"key":"c1"},{"key":"c2"}],
  "exercises":[{"key":"e1","name":"Interview","kind":"interview","criteria":["c1","c2"]},
               {"key":"e2","name":"Presentation","kind":"presentation","criteria":["c2"]}],
  "combine":"mean"}"#;

struct Ids {
    campaign: CampaignId,
    /// Member (exercise e1), chair (e1), chair of the presentation (e2), moderator.
    a: AssessorId,
    c: AssessorId,
    p: AssessorId,
    m: AssessorId,
    x: CandidateId,
}

/// A campaign in scoring with one panel: a (member, e1), c (chair, e1), p (chair, e2); m
/// moderates; one candidate. Every row goes in as the HR administrator, through the rules.
fn set_up(db: &Db) -> Ids {
    db.add_user("hr", AppRole::HrAdmin);
    for who in ["a", "c", "p"] {
        db.add_user(who, AppRole::Assessor);
    }
    db.add_user("m", AppRole::Moderator);
    let mut hr = db.connect_as("hr");
    let t = "2026-12-02T09:00:00Z";
    let sc: ScorecardId = one(
        &mut hr,
        "INSERT INTO scorecards (title, created_at) VALUES ('T', $1) RETURNING id",
        &[&t],
    );
    hr.execute(
        "INSERT INTO scorecard_versions (scorecard_id, version, body, created_at) VALUES ($1, 1, $2, $3)",
        &[&sc, &SCORECARD, &t],
    )
    .unwrap();
    let campaign = one(
        &mut hr,
        "INSERT INTO campaigns (name, scorecard_id, scorecard_version, scorecard, state, created_at)
         VALUES ('Two exercises', $1, 1, $2, 'setup', $3) RETURNING id",
        &[&sc, &SCORECARD, &t],
    );
    let panel: PanelId = one(
        &mut hr,
        "INSERT INTO panels (campaign_id, name) VALUES ($1, 'P') RETURNING id",
        &[&campaign],
    );
    let mut person = |who: &str, role: &str, panel: Option<PanelId>, exercise: Option<&str>| {
        one(
            &mut hr,
            "INSERT INTO assessors (campaign_id, name, role, panel_id, login, exercise)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[&campaign, &who, &role, &panel, &db.login(who), &exercise],
        )
    };
    let a = person("a", "member", Some(panel), Some("e1"));
    let c = person("c", "chair", Some(panel), Some("e1"));
    let p = person("p", "chair", Some(panel), Some("e2"));
    let m = person("m", "moderator", None, None);
    let x = one(
        &mut hr,
        "INSERT INTO candidates (campaign_id, reference, name, panel_id) VALUES ($1, 'X', 'Candidate X', $2) RETURNING id",
        &[&campaign, &panel],
    );
    hr.execute(
        "UPDATE campaigns SET state = 'scoring' WHERE id = $1",
        &[&campaign],
    )
    .unwrap();
    Ids {
        campaign,
        a,
        c,
        p,
        m,
        x,
    }
}

fn submit(
    client: &mut postgres::Client,
    candidate: CandidateId,
    assessor: AssessorId,
) -> Result<u64, postgres::Error> {
    client.execute(
        "UPDATE scores SET status = 'submitted', submitted_at = 't' WHERE candidate_id = $1 AND assessor_id = $2",
        &[&candidate, &assessor],
    )
}

fn agree(
    client: &mut postgres::Client,
    candidate: CandidateId,
    key: &str,
    by: AssessorId,
) -> Result<u64, postgres::Error> {
    client.execute(
        "INSERT INTO agreed_scores (candidate_id, criterion_key, value, rationale, agreed_by, agreed_at)
         VALUES ($1, $2, 5, 'agreed', $3, 't')",
        &[&candidate, &key, &by],
    )
}

#[test]
fn a_submission_covers_exactly_the_assessors_own_exercise() {
    let db = require_pg!(SUITE);
    let ids = set_up(&db);
    let mut a = db.connect_as("a");

    // Only half of the interview: refused, naming what is missing.
    save_draft(&mut a, ids.x, ids.a, "c1@e1", 5, "e");
    let (code, message) = refusal(submit(&mut a, ids.x, ids.a));
    assert_eq!(code, "23514");
    assert!(message.contains("missing: c2@e1"), "{message}");

    // A score in the presentation, which is not theirs: the server refuses the row itself
    // (schema 13; before, only the submission was refused).
    save_draft(&mut a, ids.x, ids.a, "c2@e1", 5, "e");
    let (code, message) = refusal(a.execute(
        "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, evidence, status, created_at, updated_at)
         VALUES ($1, $2, 'c2@e2', 7, 'e', 'draft', 't', 't')",
        &[&ids.x, &ids.a],
    ));
    assert_eq!(code, "42501", "{message}");

    // A member cannot delete a draft either; the whole interview then submits.
    let (code, _) = refusal(a.execute(
        "DELETE FROM scores WHERE candidate_id = $1 AND assessor_id = $2 AND criterion_key = 'c2@e1'",
        &[&ids.x, &ids.a],
    ));
    assert_eq!(code, "42501");
    assert_eq!(submit(&mut a, ids.x, ids.a).unwrap(), 2);
}

#[test]
fn chairs_agree_only_their_exercise_and_keys_must_be_the_scorecards() {
    let db = require_pg!(SUITE);
    let ids = set_up(&db);
    let (mut a, mut c, mut p) = (db.connect_as("a"), db.connect_as("c"), db.connect_as("p"));
    for (client, who, keys) in [
        (&mut a, ids.a, &["c1@e1", "c2@e1"][..]),
        (&mut c, ids.c, &["c1@e1", "c2@e1"][..]),
        (&mut p, ids.p, &["c2@e2"][..]),
    ] {
        for key in keys {
            save_draft(client, ids.x, who, key, 5, "e");
        }
        assert_eq!(submit(client, ids.x, who).unwrap(), keys.len() as u64);
    }
    // The interview's chair on the presentation's key: refused by the server.
    let (code, message) = refusal(agree(&mut c, ids.x, "c2@e2", ids.c));
    assert_eq!(code, "23514");
    assert!(message.contains("exercise e1"), "{message}");
    // A key the scorecard does not score at all.
    let (code, _) = refusal(agree(&mut c, ids.x, "c2", ids.c));
    assert_eq!(code, "23514");
    // Each chair on their own exercise's keys: stored.
    assert_eq!(agree(&mut c, ids.x, "c1@e1", ids.c).unwrap(), 1);
    assert_eq!(agree(&mut p, ids.x, "c2@e2", ids.p).unwrap(), 1);

    // A moderation on a key outside the scorecard is refused too.
    let mut hr = db.connect_as("hr");
    hr.execute(
        "UPDATE campaigns SET state = 'moderation' WHERE id = $1",
        &[&ids.campaign],
    )
    .unwrap();
    let mut m = db.connect_as("m");
    let moderate = |m: &mut postgres::Client, key: &str| {
        m.execute(
            "INSERT INTO moderations (candidate_id, criterion_key, value, reason, moderator_id, moderated_at)
             VALUES ($1, $2, 6, 'reason', $3, 't')",
            &[&ids.x, &key, &ids.m],
        )
    };
    let (code, _) = refusal(moderate(&mut m, "c1@e2"));
    assert_eq!(code, "23514", "the presentation does not assess c1");
    assert_eq!(moderate(&mut m, "c2@e2").unwrap(), 1);
}

#[test]
fn an_assessors_exercise_is_the_campaigns_set_by_hr_and_fixed_once_they_score() {
    let db = require_pg!(SUITE);
    let ids = set_up(&db);
    let mut hr = db.connect_as("hr");
    let set = |client: &mut postgres::Client, who: AssessorId, exercise: &str| {
        client.execute(
            "UPDATE assessors SET exercise = $2 WHERE id = $1",
            &[&who, &exercise],
        )
    };
    let (code, message) = refusal(set(&mut hr, ids.c, "e9"));
    assert_eq!(code, "23514");
    assert!(message.contains("'e9' is not an exercise"), "{message}");
    let (code, message) = refusal(set(&mut hr, ids.m, "e1"));
    assert_eq!(code, "23514");
    assert!(message.contains("moderator"), "{message}");
    // A member cannot move themself to another exercise (HR's column, not theirs).
    let mut a = db.connect_as("a");
    let (code, _) = refusal(set(&mut a, ids.a, "e2"));
    assert_eq!(code, "42501");
    // HR can, until the member has scored.
    assert_eq!(set(&mut hr, ids.c, "e2").unwrap(), 1);
    assert_eq!(set(&mut hr, ids.c, "e1").unwrap(), 1);
    save_draft(&mut a, ids.x, ids.a, "c1@e1", 5, "e");
    let (code, message) = refusal(set(&mut hr, ids.a, "e2"));
    assert_eq!(code, "23514");
    assert!(message.contains("has scored already"), "{message}");
}

#[test]
fn the_two_exercise_campaign_from_the_cli_gives_the_same_results_on_a_file_and_a_server() {
    let db = std::sync::Arc::new(require_pg!(SUITE));
    let on_file = Cli::new();
    for (login, name) in PEOPLE {
        on_file.run_as(HR, &["user", "add", login, "--name", name]);
    }
    let (_, file_results) = two_exercise_campaign(&on_file);

    db.add_user(HR, AppRole::HrAdmin);
    for (who, _) in PEOPLE {
        let role = if who == "helen" {
            AppRole::Moderator
        } else {
            AppRole::Assessor
        };
        db.add_user(who, role);
    }
    let (urls, logins) = (std::sync::Arc::clone(&db), std::sync::Arc::clone(&db));
    let on_server = Cli::on_server(Server {
        url_for: Box::new(move |who| urls.url_for(&urls.login(who), Some(pg_support::PASSWORD))),
        login_for: Box::new(move |who| logins.login(who)),
    });
    let (_, server_results) = two_exercise_campaign(&on_server);
    // The head handed out from the server is signed by this installation, and verifies.
    let head = on_server.run_as("helen", &["head"]);
    let anchor = head.trim();
    assert!(
        anchor.contains(" key=") && anchor.contains(" sig="),
        "{anchor}"
    );
    let verified = on_server.run_as("helen", &["verify", "--anchor", anchor]);
    assert!(verified.contains("intact"), "{verified}");
    assert_eq!(
        serde_json::to_string_pretty(&file_results).unwrap(),
        serde_json::to_string_pretty(&server_results).unwrap(),
        "the merit list, totals and combined scores differ between the file and the server"
    );

    // The file's campaign moved to the server by `server import`: each assessor keeps the
    // exercise they score (the server checks the results are the file's before committing).
    use panelmark::store::postgres::{transfer, users};
    let mut admin = db.superuser();
    // (Logins are cluster-wide: the file's plain names are made here and dropped at the end.)
    for (who, name) in std::iter::once((HR, "HR")).chain(PEOPLE) {
        let role = match who {
            HR => AppRole::HrAdmin,
            "helen" => AppRole::Moderator,
            _ => AppRole::Assessor,
        };
        users::add_user(
            &mut admin,
            who,
            role,
            Some(name),
            Some(pg_support::PASSWORD),
        )
        .unwrap();
    }
    let source = panelmark::store::Store::open(&on_file.db()).unwrap();
    let imported = transfer::import_file(&mut admin, &source, "campaign.db", &[]);
    let exercises = |rows: Vec<(String, Option<String>)>| {
        let mut rows = rows;
        rows.sort();
        rows
    };
    let on_file_exercises = exercises(
        rusqlite::Connection::open(on_file.db())
            .unwrap()
            .prepare("SELECT login, exercise FROM assessors")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap(),
    );
    let moved = imported.as_ref().ok().map(|r| r.campaigns[0].server_id);
    let on_server_exercises = moved.map(|id| {
        exercises(
            admin
                .query(
                    "SELECT login, exercise FROM panelmark.assessors WHERE campaign_id = $1",
                    &[&id],
                )
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect(),
        )
    });
    for (who, _) in std::iter::once((HR, "")).chain(PEOPLE) {
        let _ = admin.batch_execute(&format!(
            "DROP OWNED BY \"{who}\"; DROP ROLE IF EXISTS \"{who}\""
        ));
    }
    if let Err(e) = imported {
        panic!("server import of the two-exercise file: {e}");
    }
    assert!(
        on_file_exercises.iter().any(|(_, e)| e.is_some()),
        "the flow limits someone to an exercise: {on_file_exercises:?}"
    );
    assert_eq!(on_server_exercises.unwrap(), on_file_exercises);
}
