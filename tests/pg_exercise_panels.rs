//! A candidate before a different named panel per exercise, on the local file and on the
//! shared database alike. Zoë sits the interview before Panel A and the written test before
//! Panel B: each panel sees her, scores only its own exercise, reads only its own members'
//! scores, and agrees only its own exercise's entries; nobody waits for the other panel. On
//! the server the same rules hold against raw SQL from real logins; on the file, a placement
//! written behind the app's back is caught by `verify`.

mod common;
mod pg_support;
#[path = "pg_support/shared_desk.rs"]
mod shared_desk;

use common::{Cast, Desk};
use panelmark::model::Mark;
use panelmark::model::{AssessorId, CandidateId, Decision, ExerciseKind, ScoreInput, SubjectKind};
use panelmark::store::{AuditFilter, Verification};
use panelmark::Error;
use shared_desk::shared_desk;

/// The interview (e1) assesses c1, c2 and c3; the written test (e2) c2 only.
fn two_exercises(desk: &mut Desk) -> Cast {
    common::campaign_with(desk, |card| {
        card.add_exercise(
            "Written test",
            ExerciseKind::Written,
            None,
            vec!["c2".into()],
        );
    })
}

fn input(candidate: CandidateId, assessor: AssessorId, key: &str, value: i32) -> ScoreInput {
    // c3 has no indicators; c1 and c2 two each.
    let indicators = if key.starts_with("c3") { 0 } else { 2 };
    common::score(candidate, assessor, key, value, indicators)
}

fn save(
    desk: &mut Desk,
    cast: &Cast,
    candidate: CandidateId,
    assessor: AssessorId,
    keys: &[&str],
    value: i32,
) {
    for key in keys {
        desk.by(assessor)
            .save_score(cast.campaign, &input(candidate, assessor, key, value))
            .unwrap_or_else(|e| panic!("assessor {assessor} saving {key}: {e}"));
    }
    desk.by(assessor)
        .submit_scores(cast.campaign, candidate)
        .unwrap_or_else(|e| panic!("assessor {assessor} submitting: {e}"));
}

fn agree(
    desk: &mut Desk,
    cast: &Cast,
    chair: AssessorId,
    key: &str,
    value: i32,
) -> panelmark::Result<()> {
    let decision = Decision {
        candidate_id: cast.zoe,
        criterion_key: key.into(),
        mark: Mark::Point(value).into(),
        text: "Agreed on the evidence".into(),
        by: chair,
    };
    desk.by(chair)
        .agree_score(cast.campaign, &decision)
        .map(|_| ())
}

fn forbidden(result: panelmark::Result<impl std::fmt::Debug>, expected: &str) {
    match result {
        Err(Error::Forbidden(message)) => {
            assert!(message.contains(expected), "“{expected}” not in: {message}")
        }
        other => panic!("expected a refusal naming “{expected}”, got {other:?}"),
    }
}

const INTERVIEW: [&str; 3] = ["c1@e1", "c2@e1", "c3@e1"];

/// The rules, on whichever backend `desk` is on.
fn each_exercise_is_its_panels(desk: &mut Desk) {
    let cast = two_exercises(desk);
    let campaign = cast.campaign;

    // Only HR places, only a real exercise, only a panel of the campaign.
    forbidden(
        desk.by(cast.chair_a)
            .place_candidate(campaign, cast.zoe, "e2", Some(cast.panel_b)),
        "only an HR administrator may place a candidate before a panel",
    );
    match desk
        .as_("hr")
        .place_candidate(campaign, cast.zoe, "e9", Some(cast.panel_b))
    {
        Err(Error::Invalid { field, message }) => {
            assert_eq!(field, "placement.exercise");
            assert!(message.contains("e2 (Written test)"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    desk.as_("hr")
        .place_candidate(campaign, cast.zoe, "Written test", Some(cast.panel_b))
        .unwrap();
    let zoe = desk.as_("hr").candidate(campaign, cast.zoe).unwrap();
    assert_eq!(zoe.panel_for(Some("e2")), Some(cast.panel_b));
    assert_eq!(zoe.panel_for(Some("e1")), Some(cast.panel_a));
    desk.as_("hr").start_scoring(campaign).unwrap();

    // Both panels see her; Panel B's chair and member see her beside their own candidate.
    for who in [cast.member_a, cast.member_b] {
        let seen: Vec<CandidateId> = desk
            .by(who)
            .candidates(campaign)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        assert!(seen.contains(&cast.zoe), "assessor {who}: {seen:?}");
    }

    // Each panel scores its own exercise only.
    forbidden(
        desk.by(cast.member_b)
            .save_score(campaign, &input(cast.zoe, cast.member_b, "c1@e1", 5)),
        "Interview",
    );
    forbidden(
        desk.by(cast.member_a)
            .save_score(campaign, &input(cast.zoe, cast.member_a, "c2@e2", 5)),
        "Written test",
    );
    // A submission covers what the seat assesses for her: Panel A three entries, B one.
    save(desk, &cast, cast.zoe, cast.member_a, &INTERVIEW, 5);
    save(desk, &cast, cast.zoe, cast.member_b, &["c2@e2"], 3);

    // Independence per panel: after submitting, a member reads their own panel's submitted
    // scores, never the other panel's.
    let keys_of = |desk: &mut Desk, who: AssessorId| -> Vec<(AssessorId, String)> {
        desk.by(who)
            .visible_scores(campaign, cast.zoe)
            .unwrap()
            .into_iter()
            .map(|s| (s.assessor_id, s.criterion_key))
            .collect()
    };
    assert!(keys_of(desk, cast.member_a)
        .iter()
        .all(|(who, _)| *who == cast.member_a));
    save(desk, &cast, cast.zoe, cast.chair_a, &INTERVIEW, 6);
    save(desk, &cast, cast.zoe, cast.chair_b, &["c2@e2"], 4);
    let tomasz = keys_of(desk, cast.member_a);
    assert_eq!(tomasz.len(), 6, "{tomasz:?}");
    assert!(tomasz
        .iter()
        .all(|(who, key)| [cast.member_a, cast.chair_a].contains(who) && key.ends_with("@e1")));
    let gareth = keys_of(desk, cast.member_b);
    assert_eq!(
        gareth,
        [
            (cast.chair_b, "c2@e2".to_owned()),
            (cast.member_b, "c2@e2".to_owned())
        ]
    );
    // The audit log tells Tomasz no more than the scores do: his own panel's score events,
    // none of Gareth's (the local log's "score.…", the server's "scores.…").
    let gareth_login = desk.login("gareth");
    let events = desk
        .by(cast.member_a)
        .audit_events(&Default::default())
        .unwrap();
    let scored = |actor: &str| {
        events
            .iter()
            .filter(|e| e.action.starts_with("score") && e.actor == actor)
            .count()
    };
    assert!(scored(&desk.login("amara")) > 0, "Tomasz reads his chair's");
    assert_eq!(
        scored(&gareth_login),
        0,
        "Tomasz reads Gareth's score events"
    );
    // The campaign's events as the Audit screen asks for them, on either backend: the
    // campaign's own (set-up, people), Zoe's details and the panel's scores; nothing else.
    let campaign_events = desk
        .by(cast.member_a)
        .audit_events(&AuditFilter {
            campaign: Some(campaign),
            ..AuditFilter::default()
        })
        .unwrap();
    assert!(campaign_events
        .iter()
        .all(|e| e.subject.campaign_id == Some(campaign)));
    let kinds = |kind: SubjectKind| {
        campaign_events
            .iter()
            .filter(|e| e.subject.kind == kind)
            .count()
    };
    assert!(
        campaign_events
            .iter()
            .any(|e| e.subject.candidate_id.is_none() && e.actor == desk.login("hr")),
        "Tomasz reads the campaign's set-up"
    );
    assert!(
        campaign_events
            .iter()
            .any(|e| e.subject.kind == SubjectKind::CandidateDetails
                && e.subject.candidate_id == Some(cast.zoe)),
        "Tomasz reads the details of the candidate he assesses"
    );
    assert_eq!(
        kinds(SubjectKind::Score),
        scored(&desk.login("amara")) + scored(&desk.login("tomasz")),
        "Tomasz reads his panel's score events and no one else's"
    );
    // Read back a page at a time (the Audit screen's "Show older events"), the pages are the
    // same events, on either backend.
    let mut pages = Vec::new();
    let mut before_seq = None;
    loop {
        let page = desk
            .by(cast.member_a)
            .audit_events(&AuditFilter {
                campaign: Some(campaign),
                before_seq,
                limit: Some(3),
                ..AuditFilter::default()
            })
            .unwrap();
        let Some(oldest) = page.first() else { break };
        before_seq = Some(oldest.seq);
        pages.splice(0..0, page);
    }
    let seqs =
        |events: &[panelmark::model::AuditEvent]| events.iter().map(|e| e.seq).collect::<Vec<_>>();
    assert_eq!(seqs(&pages), seqs(&campaign_events));

    // Each chair agrees their own exercise's entries, waiting for nobody on the other panel.
    forbidden(agree(desk, &cast, cast.chair_a, "c2@e2", 4), "Written test");
    forbidden(agree(desk, &cast, cast.chair_b, "c2@e1", 4), "Interview");
    agree(desk, &cast, cast.chair_a, "c2@e1", 5).unwrap();
    agree(desk, &cast, cast.chair_b, "c2@e2", 4).unwrap();

    // Both panels' own scores in one call, each their own exercise.
    let own: Vec<String> = desk
        .by(cast.member_b)
        .own_panel_scores(campaign)
        .unwrap()
        .into_iter()
        .filter(|s| s.candidate_id == cast.zoe)
        .map(|s| s.criterion_key)
        .collect();
    assert_eq!(own, ["c2@e2"]);

    // Once scored in an exercise, her panel for it is fixed; another exercise's too.
    for (exercise, panel) in [("e2", None), ("e1", Some(cast.panel_b))] {
        match desk
            .as_("hr")
            .place_candidate(campaign, cast.zoe, exercise, panel)
        {
            Err(Error::Conflict(message)) => {
                assert!(message.contains("scored in exercise"), "{message}")
            }
            other => panic!("moving {exercise}: {other:?}"),
        }
    }

    // The record holds what happened.
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::Intact { .. }
    ));
}

#[test]
fn each_exercise_is_its_panels_on_a_local_file() {
    each_exercise_is_its_panels(&mut common::desk());
}

#[test]
fn each_exercise_is_its_panels_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_exercise_panels") else {
        return;
    };
    each_exercise_is_its_panels(&mut desk);
}

/// Every exercise needs a panel with someone who assesses it before scoring starts: placing
/// the written test before a panel whose only seats are limited to the interview is caught.
#[test]
fn scoring_waits_for_every_exercise_to_have_an_assessor() {
    let mut desk = common::desk();
    let cast = two_exercises(&mut desk);
    let campaign = cast.campaign;
    let hr = desk.as_("hr");
    let marking = hr.add_panel(campaign, "Marking team").unwrap();
    let seat = hr
        .add_assessor(
            campaign,
            "priya",
            panelmark::model::AssessorRole::Member,
            Some(marking),
        )
        .unwrap();
    hr.set_assessor_exercise(campaign, seat, Some("e1"))
        .unwrap();
    hr.place_candidate(campaign, cast.oyvind, "e2", Some(marking))
        .unwrap();
    match hr.start_scoring(campaign) {
        Err(Error::Conflict(message)) => {
            assert!(message.contains("C-003 (Written test)"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    hr.set_assessor_exercise(campaign, seat, Some("e2"))
        .unwrap();
    hr.start_scoring(campaign).unwrap();
}

/// A placement written into the file behind the app's back moves a candidate's exercise to
/// another panel without an event: `verify` names it.
#[test]
fn a_placement_edited_into_the_file_is_caught_by_verify() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut desk = common::desk_in(&path);
    let cast = two_exercises(&mut desk);
    desk.as_("hr")
        .place_candidate(cast.campaign, cast.zoe, "e2", Some(cast.panel_b))
        .unwrap();
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::Intact { .. }
    ));
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE candidate_exercise_panels SET panel_id = ?1 WHERE candidate_id = ?2",
            rusqlite::params![cast.panel_a, cast.zoe],
        )
        .unwrap();
    match desk.as_("hr").verify().unwrap() {
        Verification::DataDiffers { row, problem, .. } => {
            assert!(row.contains("for exercise e2"), "{row}");
            assert!(problem.contains("panel"), "{problem}");
        }
        other => panic!("{other:?}"),
    }
}

/// On the server, real logins try raw SQL: Panel A's member writes a written-test score for
/// Zoë, Panel B's reads Panel A's scores, a member places a candidate, HR moves an exercise
/// already scored. The database refuses or hides each.
#[test]
fn the_server_holds_the_rules_against_raw_sql() {
    let Some((mut desk, db)) = shared_desk("pg_exercise_panels_sql") else {
        return;
    };
    let cast = two_exercises(&mut desk);
    let campaign = cast.campaign;
    desk.as_("hr")
        .place_candidate(campaign, cast.zoe, "e2", Some(cast.panel_b))
        .unwrap();
    desk.as_("hr").start_scoring(campaign).unwrap();
    save(&mut desk, &cast, cast.zoe, cast.member_a, &INTERVIEW, 5);
    save(&mut desk, &cast, cast.zoe, cast.member_b, &["c2@e2"], 3);

    let mut tomasz = db.connect_as("tomasz");
    let (code, message) = pg_support::refusal(tomasz.execute(
        "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, evidence, status, created_at, updated_at)
         VALUES ($1, $2, 'c2@e2', 7, 'x', 'draft', 't', 't')",
        &[&cast.zoe, &cast.member_a],
    ));
    assert_eq!(code, "42501", "{message}");

    // Gareth has submitted: he reads his own panel's submitted scores for Zoë, not Panel A's.
    let mut gareth = db.connect_as("gareth");
    let read: Vec<(AssessorId, String)> = gareth
        .query(
            "SELECT assessor_id, criterion_key FROM scores WHERE candidate_id = $1",
            &[&cast.zoe],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(read, [(cast.member_b, "c2@e2".to_owned())]);
    let events: i64 = gareth
        .query_one(
            "SELECT count(*) FROM audit_log WHERE source_table = 'scores' AND assessor_id = $1",
            &[&cast.member_a],
        )
        .unwrap()
        .get(0);
    assert_eq!(events, 0, "Gareth reads Tomasz's score events");

    // A member cannot place anyone; HR cannot move an exercise already scored.
    let (code, _) = pg_support::refusal(gareth.execute(
        "UPDATE candidate_exercise_panels SET panel_id = $1 WHERE candidate_id = $2",
        &[&cast.panel_b, &cast.oyvind],
    ));
    assert_eq!(code, "42501");
    let mut hr = db.connect_as("hr");
    let (code, message) = pg_support::refusal(hr.execute(
        "DELETE FROM candidate_exercise_panels WHERE candidate_id = $1",
        &[&cast.zoe],
    ));
    assert_eq!(code, "23514", "{message}");
    assert!(message.contains("scored in exercise e2"), "{message}");
}

/// The placement alone decides which panel writes an exercise's keys. Before anyone has
/// submitted (so nothing else refuses the row), each panel's member writes a draft of the
/// exercise Zoë sits before their panel, raw, and the server refuses them the other's: row
/// security's write check (schema 15 asks it of the one row: seat, key's exercise, placement).
#[test]
fn the_server_takes_each_exercises_scores_from_its_panel_only() {
    let Some((mut desk, db)) = shared_desk("pg_exercise_panels_write") else {
        return;
    };
    let cast = two_exercises(&mut desk);
    desk.as_("hr")
        .place_candidate(cast.campaign, cast.zoe, "e2", Some(cast.panel_b))
        .unwrap();
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    let insert = "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, evidence,
                                      status, created_at, updated_at)
                  VALUES ($1, $2, $3, 3, 'x', 'draft', 't', 't')";
    for (login, assessor, own, other) in [
        ("tomasz", cast.member_a, "c2@e1", "c2@e2"),
        ("gareth", cast.member_b, "c2@e2", "c2@e1"),
    ] {
        let mut client = db.connect_as(login);
        client
            .execute(insert, &[&cast.zoe, &assessor, &own])
            .unwrap_or_else(|e| panic!("{login} writing {own}: {e}"));
        let (code, message) =
            pg_support::refusal(client.execute(insert, &[&cast.zoe, &assessor, &other]));
        assert_eq!(code, "42501", "{login} writing {other}: {message}");
    }
}
