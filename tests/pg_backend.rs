//! The shared backend through the same session as the app and the CLI: the story of
//! tests/common built on a PostgreSQL server, each person signed in with their own login on
//! their own connection, gives byte-for-byte the results, flags and statistics the local file
//! gives; independence and conflicts of interest hold through the session and underneath it.

mod cli_support;
mod common;
mod pg_support;
#[path = "pg_support/shared_desk.rs"]
mod shared_desk;

use common::{Cast, Desk};
use panelmark::model::Decision;
use panelmark::model::Mark;
use panelmark::scoring::flags::FlagSettings;
use panelmark::session::Session;
use panelmark::store::postgres::PgStore;
use panelmark::store::AuditFilter;
use panelmark::Error;
use pg_support::{Db, PASSWORD};
use shared_desk::shared_desk;

/// Scores and agrees all three candidates, moderates one score, and returns the moderator's
/// results, flags and statistics as JSON.
fn run_story(desk: &mut Desk) -> (Cast, [String; 3]) {
    let cast = common::campaign(desk);
    desk.as_("hr")
        .set_posts(cast.campaign, Some(1), None)
        .unwrap();
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    common::score_and_agree(desk, &cast, cast.zoe, [Some(5), Some(6), None]);
    common::score_and_agree(desk, &cast, cast.siobhan, [Some(4), Some(3), Some(5)]);
    common::score_and_agree(desk, &cast, cast.oyvind, [Some(6), Some(4), Some(2)]);
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    let moderator = desk.as_("helen");
    moderator
        .moderate_score(
            cast.campaign,
            &Decision {
                candidate_id: cast.siobhan,
                criterion_key: "c2".into(),
                mark: Mark::Point(4).into(),
                text: "The evidence on pace meets the level 4 descriptor".into(),
                by: cast.moderator,
            },
        )
        .unwrap();
    let json = |v: serde_json::Result<String>| v.unwrap();
    let out = [
        json(serde_json::to_string(
            &moderator.results(cast.campaign).unwrap(),
        )),
        json(serde_json::to_string(
            &moderator
                .flags(cast.campaign, &FlagSettings::DEFAULT)
                .unwrap(),
        )),
        json(serde_json::to_string(
            &moderator.stats(cast.campaign).unwrap(),
        )),
    ];
    (cast, out)
}

#[test]
fn the_story_gives_the_same_results_flags_and_statistics_on_both_backends() {
    let Some((mut shared, _db)) = shared_desk("pg_backend_same") else {
        return;
    };
    let mut local = common::desk();
    let (_, on_file) = run_story(&mut local);
    let (cast, on_server) = run_story(&mut shared);
    for (what, (file, server)) in ["results", "flags", "statistics"]
        .iter()
        .zip(on_file.iter().zip(&on_server))
    {
        assert_eq!(file, server, "{what} differ between SQLite and PostgreSQL");
    }
    // Not vacuous: the results hold the moderated score and rank the three.
    let results = shared.as_("helen").results(cast.campaign).unwrap();
    assert_eq!(results.len(), 3);
    assert!(on_server[0].contains("\"moderated\""), "{}", on_server[0]);
    // Sign-off on the server: every result decided, one post, no tie across it.
    shared.as_("helen").sign_off(cast.campaign).unwrap();
    assert_eq!(
        shared
            .as_("hr")
            .campaign(cast.campaign)
            .unwrap()
            .state
            .as_str(),
        "signed_off"
    );
}

#[test]
fn a_member_sees_only_their_own_scores_until_they_submit_on_the_shared_database() {
    let Some((mut desk, db)) = shared_desk("pg_backend_independence") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    let campaign = cast.campaign;
    // Tomasz drafts a score for Zoë; Amara, on the same panel, sees none of it.
    desk.by(cast.member_a)
        .save_score(
            campaign,
            &common::score(cast.zoe, cast.member_a, "c1", 6, 2),
        )
        .unwrap();
    let seen = desk
        .by(cast.chair_a)
        .visible_scores(campaign, cast.zoe)
        .unwrap();
    assert!(
        seen.iter().all(|s| s.assessor_id == cast.chair_a),
        "{seen:?}"
    );
    // Not even with raw SQL on her own login.
    let mut amara = db.connect_as("amara");
    let rows: i64 = amara
        .query_one(
            "SELECT count(*) FROM scores WHERE assessor_id = $1",
            &[&cast.member_a],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        rows, 0,
        "a member's draft is invisible to the rest of the panel"
    );
    // Nor through the audit log: the server wrote the event as Tomasz's login, and shows it to
    // him, not to Amara.
    let tomasz_login = db.login("tomasz");
    let drafts_of_tomasz = |events: Vec<panelmark::model::AuditEvent>| {
        events
            .into_iter()
            .filter(|e| e.actor == tomasz_login && e.action.starts_with("scores."))
            .count()
    };
    let all = AuditFilter::default();
    assert_eq!(
        drafts_of_tomasz(desk.by(cast.member_a).audit_events(&all).unwrap()),
        1
    );
    assert_eq!(
        drafts_of_tomasz(desk.by(cast.chair_a).audit_events(&all).unwrap()),
        0
    );
    // Amara scores and submits: still no draft of Tomasz's.
    for (key, marks) in [("c1", 2), ("c2", 2), ("c3", 0)] {
        desk.by(cast.chair_a)
            .save_score(
                campaign,
                &common::score(cast.zoe, cast.chair_a, key, 5, marks),
            )
            .unwrap();
    }
    desk.by(cast.chair_a)
        .submit_scores(campaign, cast.zoe)
        .unwrap();
    let seen = desk
        .by(cast.chair_a)
        .visible_scores(campaign, cast.zoe)
        .unwrap();
    assert_eq!(
        seen.len(),
        3,
        "her own three, none of Tomasz's draft: {seen:?}"
    );
    // The chair cannot agree before every member has submitted.
    let decision = Decision {
        candidate_id: cast.zoe,
        criterion_key: "c1".into(),
        mark: Mark::Point(5).into(),
        text: "Agreed".into(),
        by: cast.chair_a,
    };
    let refused = desk
        .by(cast.chair_a)
        .agree_score(campaign, &decision)
        .unwrap_err();
    assert!(matches!(refused, Error::Forbidden(_)), "{refused}");
    // Tomasz submits; now Amara sees his submitted scores, and may agree.
    for (key, marks) in [("c2", 2), ("c3", 0)] {
        desk.by(cast.member_a)
            .save_score(
                campaign,
                &common::score(cast.zoe, cast.member_a, key, 4, marks),
            )
            .unwrap();
    }
    desk.by(cast.member_a)
        .submit_scores(campaign, cast.zoe)
        .unwrap();
    let seen = desk
        .by(cast.chair_a)
        .visible_scores(campaign, cast.zoe)
        .unwrap();
    assert_eq!(seen.len(), 6, "{seen:?}");
    desk.by(cast.chair_a)
        .agree_score(campaign, &decision)
        .unwrap();
    // A submitted score is final, through the session as through SQL.
    let changed = desk
        .by(cast.member_a)
        .save_score(
            campaign,
            &common::score(cast.zoe, cast.member_a, "c1", 1, 2),
        )
        .unwrap_err();
    assert!(
        matches!(changed, Error::Conflict(_) | Error::Forbidden(_)),
        "{changed}"
    );
    // The panel cannot read the board; the session says who may.
    let board = desk.by(cast.member_a).results(campaign).unwrap_err();
    assert!(board.to_string().contains("moderator"), "{board}");
}

#[test]
fn a_declared_conflict_hides_the_candidate_on_the_shared_database() {
    let Some((mut desk, db)) = shared_desk("pg_backend_conflict") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    desk.by(cast.member_a)
        .declare_conflict(cast.campaign, cast.siobhan, "She reported to me until 2025")
        .unwrap();
    let listed: Vec<_> = desk
        .by(cast.member_a)
        .candidates(cast.campaign)
        .unwrap()
        .into_iter()
        .map(|c| c.reference)
        .collect();
    assert_eq!(listed, ["C-001"], "Siobhán is hidden from Tomasz");
    // The server refuses his score for her even when the session is bypassed.
    let mut tomasz = db.connect_as("tomasz");
    let insert = tomasz.execute(
        "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, status, created_at,
                             updated_at)
         VALUES ($1, $2, 'c1', 4, 'draft', 'now', 'now')",
        &[&cast.siobhan, &cast.member_a],
    );
    let err = insert.unwrap_err();
    assert!(
        err.as_db_error()
            .is_some_and(|e| e.message().contains("row-level security")),
        "{err}"
    );
    // HR and the moderator see the declaration; the other panel member does not.
    let declared = desk.as_("helen").conflicts(cast.campaign).unwrap();
    assert_eq!(declared.len(), 1);
    assert_eq!(declared[0].reason, "She reported to me until 2025");
    let mut amara = db.connect_as("amara");
    let seen: i64 = amara
        .query_one("SELECT count(*) FROM conflicts", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        seen, 0,
        "another member's declaration is between them, HR and moderators"
    );
}

#[test]
fn a_login_without_a_panelmark_user_is_told_who_adds_it() {
    let Some(db) = Db::create("pg_backend_no_user") else {
        return;
    };
    let mut admin = db.superuser();
    let login = db.login("stranger");
    admin
        .batch_execute(&format!(
            "CREATE ROLE \"{login}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE panelmark_assessor"
        ))
        .unwrap();
    let store = PgStore::from_client(db.connect_as("stranger")).unwrap();
    let err = Session::sign_in(store, "anyone", None).unwrap_err();
    assert!(err.to_string().contains("user add"), "{err}");
}

#[test]
fn the_command_line_on_a_url_prints_the_same_results_as_on_a_file() {
    let Some((mut shared, db)) = shared_desk("pg_backend_cli") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The installation key of the command line's runs on the server.
    let config = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.db");
    let mut local = common::desk_in(&file);
    let (cast, _) = run_story(&mut local);
    drop(local);
    run_story(&mut shared);
    let campaign = cast.campaign.to_string();
    let args = ["results", "--campaign", campaign.as_str(), "--json"];
    let on_file = cli_support::panelmark_as(&file, "helen", &args);
    assert!(on_file.status.success(), "{on_file:?}");
    // On the server, the URL's login is who the command runs as (`--as` is not used).
    let url = db.url_for(&db.login("helen"), Some(PASSWORD));
    let on_server = cli_support::panelmark_on_server(&url, config.path(), &args);
    assert!(on_server.status.success(), "{on_server:?}");
    assert!(!on_file.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&on_file.stdout),
        String::from_utf8_lossy(&on_server.stdout),
        "`results --json` differs between the file and the server"
    );
    // A member asking on the server is refused by the session, in one sentence naming who may.
    let url = db.url_for(&db.login("tomasz"), Some(PASSWORD));
    let refused = cli_support::panelmark_on_server(&url, config.path(), &args);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("moderator"), "{message}");
}

#[test]
fn adjustments_withdrawal_thresholds_phases_and_reopening_work_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_changes") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let campaign = cast.campaign;
    desk.as_("hr")
        .set_adjustments(
            campaign,
            cast.zoe,
            "Extra 15 minutes for the written exercise",
        )
        .unwrap();
    let note = desk
        .by(cast.member_a)
        .adjustments(campaign, cast.zoe)
        .unwrap();
    assert_eq!(
        note.as_deref(),
        Some("Extra 15 minutes for the written exercise")
    );
    // The moderator withdraws Øyvind (their grant covers the withdrawal columns only).
    desk.as_("helen")
        .withdraw_candidate(campaign, cast.oyvind, "Accepted another offer")
        .unwrap();
    let again = desk
        .as_("helen")
        .withdraw_candidate(campaign, cast.oyvind, "twice")
        .unwrap_err();
    assert!(again.to_string().contains("already withdrawn"), "{again}");
    // A member may not change thresholds; the moderator may.
    let settings = FlagSettings {
        spread_threshold: 3,
        panel_mean_threshold: 1.0,
    };
    assert!(desk
        .by(cast.member_a)
        .set_flag_settings(campaign, &settings)
        .is_err());
    desk.as_("helen")
        .set_flag_settings(campaign, &settings)
        .unwrap();
    assert_eq!(desk.as_("helen").flag_settings(campaign).unwrap(), settings);
    desk.as_("hr").start_scoring(campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(5), Some(5)]);
    common::score_and_agree(&mut desk, &cast, cast.siobhan, [Some(4), Some(4), Some(4)]);
    desk.as_("hr").start_moderation(campaign).unwrap();
    // Back to scoring needs a reason, which the server's audit event of the change carries.
    assert!(desk.as_("hr").return_to_scoring(campaign, " ").is_err());
    desk.as_("hr")
        .return_to_scoring(campaign, "Panel A rescores C-002 after a complaint")
        .unwrap();
    let events = desk
        .as_("hr")
        .audit_events(&AuditFilter::default())
        .unwrap();
    let change = events
        .iter()
        .rev()
        .find(|e| e.action == "campaigns.update")
        .unwrap();
    assert_eq!(
        change.after.as_ref().unwrap()["state_reason"],
        "Panel A rescores C-002 after a complaint"
    );
    desk.as_("hr").start_moderation(campaign).unwrap();
    let results = desk.as_("helen").results(campaign).unwrap();
    let ranked: Vec<_> = results.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(
        ranked,
        ["C-001", "C-002"],
        "the withdrawn candidate leaves the merit list"
    );
    desk.as_("helen").sign_off(campaign).unwrap();
    let locked = desk
        .by(cast.chair_a)
        .set_adjustments(campaign, cast.zoe, "late");
    assert!(locked.is_err());
    desk.as_("helen")
        .reopen(
            campaign,
            "A panel note was filed against the wrong candidate",
        )
        .unwrap();
    let history = desk.as_("helen").signoffs(campaign).unwrap();
    let actions: Vec<_> = history.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(actions, ["sign_off", "reopen"]);
    assert_eq!(
        history[1].reason.as_deref(),
        Some("A panel note was filed against the wrong candidate")
    );
}

#[test]
fn a_candidate_file_imports_whole_or_not_at_all_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_import") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let hr = desk.as_("hr");
    let bad = "reference,name,panel\nC-010,Ada Byrne,Panel A\nC-011,Bo Chen,Panel Z\n";
    let err = hr
        .import_candidates(cast.campaign, "late.csv", bad.as_bytes())
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("late.csv") && message.contains("line 3"),
        "{message}"
    );
    assert!(message.contains("Panel Z"), "{message}");
    assert_eq!(
        hr.candidates(cast.campaign).unwrap().len(),
        3,
        "nothing was stored"
    );
    let good = "reference,name,panel\nC-010,Ada Byrne,Panel A\nC-011,Bo Chen,panel b\n";
    assert_eq!(
        hr.import_candidates(cast.campaign, "late.csv", good.as_bytes())
            .unwrap(),
        2
    );
    let panels: Vec<_> = hr
        .candidates(cast.campaign)
        .unwrap()
        .into_iter()
        .filter(|c| c.reference.starts_with("C-01"))
        .map(|c| c.panel_id)
        .collect();
    assert_eq!(panels, [Some(cast.panel_a), Some(cast.panel_b)]);
    // A member may not import: the session refuses, naming who may.
    let refused = desk
        .by(cast.member_a)
        .import_candidates(cast.campaign, "late.csv", good.as_bytes())
        .unwrap_err();
    assert!(
        refused.to_string().contains("HR administrator"),
        "{refused}"
    );
}

#[test]
fn a_candidate_import_cancelled_part_way_stores_nothing_on_the_shared_database() {
    use panelmark::cancel::{Cancel, Progress};
    let Some((mut desk, _db)) = shared_desk("pg_backend_import_cancel") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let hr = desk.as_("hr");
    let file = "reference,name,panel\nC-010,Ada Byrne,Panel A\nC-011,Bo Chen,Panel B\n\
                C-012,Cai Dune,Panel A\n";
    let token = Cancel::new();
    let stop = token.clone();
    // Cancelled once the first row is in the open transaction.
    let mut progress = Progress::new(token, move |done, _| {
        if done == 1 {
            stop.cancel()
        }
    });
    let err = hr
        .import_candidates_with(cast.campaign, "late.csv", file.as_bytes(), &mut progress)
        .unwrap_err();
    assert_eq!(err.code(), "cancelled", "{err}");
    assert_eq!(
        hr.candidates(cast.campaign).unwrap().len(),
        3,
        "the row inserted before the cancel was rolled back"
    );
    assert_eq!(
        hr.import_candidates(cast.campaign, "late.csv", file.as_bytes())
            .unwrap(),
        3
    );
}

#[test]
fn a_tie_across_the_last_post_blocks_sign_off_until_ordered_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_tie") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let campaign = cast.campaign;
    desk.as_("hr").set_posts(campaign, Some(1), None).unwrap();
    desk.as_("hr").start_scoring(campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(5), Some(5)]);
    common::score_and_agree(&mut desk, &cast, cast.siobhan, [Some(5), Some(5), Some(5)]);
    common::score_and_agree(&mut desk, &cast, cast.oyvind, [Some(3), Some(3), Some(3)]);
    desk.as_("hr").start_moderation(campaign).unwrap();
    let refused = desk.as_("helen").sign_off(campaign).unwrap_err();
    assert!(
        refused.to_string().contains("tied at position 1"),
        "{refused}"
    );
    let wrong = desk
        .as_("helen")
        .order_tie(campaign, &[cast.siobhan, cast.oyvind], "Not the tied pair")
        .unwrap_err();
    assert!(wrong.to_string().contains("tie.candidates"), "{wrong}");
    desk.as_("helen")
        .order_tie(
            campaign,
            &[cast.siobhan, cast.zoe],
            "Stronger evidence on Working Together at the presentation",
        )
        .unwrap();
    let order: Vec<_> = desk
        .as_("helen")
        .results(campaign)
        .unwrap()
        .into_iter()
        .map(|r| (r.reference, r.position))
        .collect();
    assert_eq!(
        order,
        [
            ("C-002".to_string(), Some(1)),
            ("C-001".to_string(), Some(2)),
            // Below the pass marks: no place in the merit list.
            ("C-003".to_string(), None)
        ]
    );
    desk.as_("helen").sign_off(campaign).unwrap();
}

#[test]
fn a_member_imports_their_own_score_sheet_on_the_shared_database() {
    let Some((mut desk, db)) = shared_desk("pg_backend_sheet") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    let (tomasz, amara) = (db.login("tomasz"), db.login("amara"));
    let sheet = format!(
        "assessor,candidate,criterion,value,evidence,indicators\n\
         {tomasz},C-001,c1,5,\"Led the migration, and said why\",s-\n\
         {tomasz},C-001,Delivering at Pace,4,Prioritised well,ss\n\
         {tomasz},C-001,c3,NA,,\n"
    );
    let imported = desk
        .by(cast.member_a)
        .import_scores(cast.campaign, "tomasz.csv", sheet.as_bytes())
        .unwrap();
    assert_eq!(imported.scores, 3, "{imported:?}");
    let drafts = desk
        .by(cast.member_a)
        .visible_scores(cast.campaign, cast.zoe)
        .unwrap();
    assert_eq!(drafts.len(), 3);
    assert!(drafts
        .iter()
        .any(|s| s.evidence == "Led the migration, and said why"));
    // Someone else's row refuses the whole sheet, naming the line; nothing more is stored.
    let other = format!(
        "assessor,candidate,criterion,value,evidence\n{tomasz},C-002,c1,4,ok\n{amara},C-002,c1,4,ok\n"
    );
    let err = desk
        .by(cast.member_a)
        .import_scores(cast.campaign, "mixed.csv", other.as_bytes())
        .unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
    let siobhan = desk
        .by(cast.member_a)
        .visible_scores(cast.campaign, cast.siobhan)
        .unwrap();
    assert!(siobhan.is_empty(), "{siobhan:?}");
}

/// The files of an export folder, by name.
fn exported(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn exports_from_a_shared_database_hold_what_the_local_file_exports() {
    let Some((mut shared, _db)) = shared_desk("pg_backend_export") else {
        return;
    };
    let mut local = common::desk();
    let (cast, _) = run_story(&mut local);
    run_story(&mut shared);
    let options = panelmark::export::ExportOptions {
        pdf: true,
        csv: true,
        ..Default::default()
    };
    let on_file = common::export(local.as_("helen"), cast.campaign, options.clone());
    let on_server = common::export(shared.as_("helen"), cast.campaign, options);
    let (file, server) = (exported(on_file.path()), exported(on_server.path()));
    assert_eq!(
        file.keys().collect::<Vec<_>>(),
        server.keys().collect::<Vec<_>>(),
        "the same files"
    );
    // The merit list is the same bytes.
    assert_eq!(
        String::from_utf8_lossy(&file["results.csv"]),
        String::from_utf8_lossy(&server["results.csv"])
    );
    // The same scores, evidence and all (times differ: the two stories ran at different moments).
    let rows = |dir: &std::path::Path| {
        common::read_csv(&dir.join("scores.csv"))
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .filter(|cell| !cell.starts_with("20"))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(on_file.path()), rows(on_server.path()));
    // The audit CSV holds the server's events about the campaign, ending at the receipt's anchor.
    let audit = common::read_csv(&on_server.path().join("audit.csv"));
    assert!(audit.len() > 30, "{} rows", audit.len());
    let receipt = String::from_utf8_lossy(&server["receipt.txt"]).into_owned();
    let last_seq = &audit.last().unwrap()[0];
    assert!(
        receipt.contains(&format!("{}:", shared.as_("helen").anchor().unwrap().seq)),
        "{receipt}"
    );
    assert!(last_seq.parse::<i64>().unwrap() > 0);
    // A candidate's own pack from the server names nobody else.
    let pack = common::export(
        shared.as_("helen"),
        cast.campaign,
        panelmark::export::ExportOptions {
            pdf: true,
            candidate: Some("C-001".into()),
            ..Default::default()
        },
    );
    let pdf = std::fs::read_dir(pack.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a pack");
    if let Some(text) = common::pdf_text(&pdf) {
        assert!(text.contains("Łukasiewicz"), "the pack is Zoë's");
        for other in ["Siobhán", "Øyvind", "Ó Briain", "Ærø"] {
            assert!(!text.contains(other), "Zoë's pack names {other}");
        }
    }
}

#[test]
fn a_submission_is_announced_live_with_ids_only_and_a_draft_is_not() {
    use panelmark::store::postgres::listen::{Change, Listener};
    use std::time::Duration;
    let Some((mut desk, db)) = shared_desk("pg_backend_live") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    // The moderator's board listens on a connection of its own.
    let mut board = Listener::on(db.connect_as("helen")).unwrap();
    let member = cast.member_a;
    for key in ["c1", "c2", "c3"] {
        let n = if key == "c3" { 0 } else { 2 };
        desk.by(member)
            .save_score(cast.campaign, &common::score(cast.zoe, member, key, 5, n))
            .unwrap();
    }
    // Drafts are no one else's business: nothing is announced.
    assert_eq!(board.wait(Duration::from_millis(300)).unwrap(), vec![]);
    desk.by(member)
        .submit_scores(cast.campaign, cast.zoe)
        .unwrap();
    // The submission of three criteria is one change, naming ids only.
    let scores = Change {
        campaign_id: Some(cast.campaign),
        candidate_id: Some(cast.zoe),
        table: "scores".into(),
    };
    assert_eq!(
        board.wait(Duration::from_secs(10)).unwrap(),
        vec![scores.clone()]
    );
    // A payload anyone sends on the channel that is not Panelmark's is dropped.
    db.connect_as("tomasz")
        .batch_execute("NOTIFY panelmark_changes, 'reload everything'")
        .unwrap();
    // A phase change is announced for the campaign, with no candidate.
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    assert_eq!(
        board.wait(Duration::from_secs(10)).unwrap(),
        vec![Change {
            campaign_id: Some(cast.campaign),
            candidate_id: None,
            table: "campaigns".into(),
        }]
    );
}

#[test]
fn a_local_campaign_moves_to_the_server_with_its_history_verified_on_both_sides() {
    use panelmark::store::postgres::{transfer, users, users::AppRole};
    let Some(db) = Db::create("pg_backend_import") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("local.db");
    let mut local = common::desk_in(&file);
    let (cast, on_file) = run_story(&mut local);
    drop(local);
    let source = panelmark::store::Store::open(&file).unwrap();
    let mut admin = db.superuser();
    // The file's people are not users of the server yet: refused, naming them.
    let refused = transfer::import_file(&mut admin, &source, "local.db", &[]).unwrap_err();
    assert!(refused.to_string().contains("amara"), "{refused}");
    assert!(refused.to_string().contains("user add"), "{refused}");
    // (Logins are cluster-wide: the file's plain names are made here and dropped at the end.)
    let people: Vec<(&str, &str)> = std::iter::once(("hr", "HR Admin"))
        .chain(common::PEOPLE)
        .collect();
    for (who, name) in &people {
        let role = match *who {
            "hr" => AppRole::HrAdmin,
            "helen" => AppRole::Moderator,
            _ => AppRole::Assessor,
        };
        users::add_user(&mut admin, who, role, Some(name), Some(PASSWORD)).unwrap();
    }
    // A file changed behind its log is refused, and nothing is imported.
    let tampered = dir.path().join("tampered.db");
    std::fs::copy(&file, &tampered).unwrap();
    rusqlite::Connection::open(&tampered)
        .unwrap()
        .execute("UPDATE scores SET value = 7 WHERE value = 3", [])
        .unwrap();
    let bad = panelmark::store::Store::open(&tampered).unwrap();
    let err = transfer::import_file(&mut admin, &bad, "tampered.db", &[]).unwrap_err();
    assert!(err.to_string().contains("does not verify"), "{err}");
    let campaigns: i64 = admin
        .query_one("SELECT count(*) FROM panelmark.campaigns", &[])
        .unwrap()
        .get(0);
    assert_eq!(campaigns, 0);

    let report = transfer::import_file(&mut admin, &source, "local.db", &[]).unwrap();
    assert_eq!(report.campaigns.len(), 1);
    let moved = &report.campaigns[0];
    assert_eq!(
        (moved.local_id, moved.candidates, moved.scores),
        (cast.campaign, 3, 18)
    );
    assert!(moved.events > 30, "{moved:?}");

    // On the server, as its moderator: the same results, flags and statistics, to the byte;
    // the data verifies; the history and the file's anchor are there.
    let mut config = db.admin_config();
    config.user("helen").password(PASSWORD);
    let mut client = config.connect(postgres::NoTls).unwrap();
    client.batch_execute("SET search_path = panelmark").unwrap();
    let helen = Session::sign_in(PgStore::from_client(client).unwrap(), "helen", None).unwrap();
    let id = moved.server_id;
    let on_server = [
        serde_json::to_string(&helen.results(id).unwrap()).unwrap(),
        serde_json::to_string(&helen.flags(id, &FlagSettings::DEFAULT).unwrap()).unwrap(),
        serde_json::to_string(&helen.stats(id).unwrap()).unwrap(),
    ];
    assert_eq!(on_file, on_server);
    assert!(matches!(
        helen.verify().unwrap(),
        panelmark::store::Verification::Intact { .. }
    ));
    let history: (String, i64, i64) = admin
        .query_one(
            "SELECT i.source_anchor, i.events, (SELECT count(*) FROM panelmark.imported_events e
                                                 WHERE e.import_id = i.id)
             FROM panelmark.imports i",
            &[],
        )
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .unwrap();
    assert_eq!(history.0, report.source_anchor);
    assert_eq!(
        (history.1, history.2),
        (moved.events as i64, moved.events as i64)
    );
    let anchor = panelmark::anchor::Anchor::parse(&report.source_anchor, "anchor").unwrap();
    let file_session =
        Session::sign_in(panelmark::store::Store::open(&file).unwrap(), "helen", None).unwrap();
    assert!(file_session.check_anchor(&anchor).unwrap().held());

    for (who, _) in &people {
        let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS \"{who}\""));
    }
}

#[test]
fn the_demo_on_a_server_gives_the_same_results_as_on_a_file() {
    let Some(db) = Db::create("pg_backend_demo") else {
        return;
    };
    let demo = ["demo", "--seed", "11", "--candidates", "14"];
    let dir = tempfile::tempdir().unwrap();
    // The installation key of the command line's runs on the server.
    let config = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.db");
    let built = cli_support::panelmark_as(&file, "hr", &demo);
    assert!(built.status.success(), "{built:?}");
    // On the server, as its superuser: the demo's people become logins, each acting as itself.
    let admin = db.admin_config();
    let superuser = db.url_for(admin.get_user().unwrap(), None);
    let built = cli_support::panelmark_on_server(&superuser, config.path(), &demo);
    assert!(built.status.success(), "{built:?}");
    let moderator = panelmark::demo::MODERATOR_LOGIN;
    let mut server = db.superuser();
    server
        .batch_execute(&format!("ALTER ROLE \"{moderator}\" PASSWORD '{PASSWORD}'"))
        .unwrap();
    let actors: Vec<String> = server
        .query(
            "SELECT DISTINCT actor FROM panelmark.audit_log ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(actors.contains(&moderator.to_owned()), "{actors:?}");
    assert!(actors.contains(&"demo.hr".to_owned()), "{actors:?}");
    // The superuser only created the people (user rows); every change to the campaign is
    // made in the name of whoever made it in the story.
    let by_superuser: Vec<String> = server
        .query(
            "SELECT DISTINCT source_table FROM panelmark.audit_log WHERE actor = $1",
            &[&admin.get_user().unwrap()],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(by_superuser, ["users"]);

    let args = ["results", "--campaign", "1", "--json"];
    let on_file = cli_support::panelmark_as(&file, moderator, &args);
    assert!(on_file.status.success(), "{on_file:?}");
    let url = db.url_for(moderator, Some(PASSWORD));
    let on_server = cli_support::panelmark_on_server(&url, config.path(), &args);
    assert!(on_server.status.success(), "{on_server:?}");
    assert!(on_file.stdout.len() > 1000);
    assert_eq!(
        String::from_utf8_lossy(&on_file.stdout),
        String::from_utf8_lossy(&on_server.stdout),
        "`demo` then `results --json` differs between the file and the server"
    );
    let verified = cli_support::panelmark_on_server(&url, config.path(), &["verify"]);
    assert!(verified.status.success(), "{verified:?}");
}

/// A save reads the campaign's state from the server every time, though this connection
/// keeps the campaign's pinned scorecard: once HR (another login) has moved the campaign to
/// moderation, the member's next save is refused with the phase's sentence, bad input
/// included (the phase outranks it, as on a file), and once it is back in scoring, it saves.
#[test]
fn a_save_after_another_login_moved_the_campaign_on_is_refused_with_its_phase() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_fresh_state") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let campaign = cast.campaign;
    desk.as_("hr").start_scoring(campaign).unwrap();
    let draft = common::score(cast.zoe, cast.member_a, "c1", 5, 2);
    desk.by(cast.member_a).save_score(campaign, &draft).unwrap();
    desk.as_("hr").start_moderation(campaign).unwrap();

    let refused = desk
        .by(cast.member_a)
        .save_score(
            campaign,
            &common::score(cast.zoe, cast.member_a, "c2", 4, 2),
        )
        .unwrap_err();
    assert!(
        matches!(&refused, Error::WrongState { state: "moderation", action, .. } if action == "saving a score"),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("moderation"), "{refused}");
    let not_a_criterion = desk
        .by(cast.member_a)
        .save_score(
            campaign,
            &common::score(cast.zoe, cast.member_a, "zz", 4, 2),
        )
        .unwrap_err();
    assert!(
        matches!(
            not_a_criterion,
            Error::WrongState {
                state: "moderation",
                ..
            }
        ),
        "{not_a_criterion:?}"
    );
    let many = desk
        .by(cast.member_a)
        .save_scores(campaign, std::slice::from_ref(&draft))
        .unwrap_err();
    assert!(
        matches!(
            many,
            Error::WrongState {
                state: "moderation",
                ..
            }
        ),
        "{many:?}"
    );

    desk.as_("hr")
        .return_to_scoring(campaign, "One panel had not finished")
        .unwrap();
    let saved = desk
        .by(cast.member_a)
        .save_score(
            campaign,
            &common::score(cast.zoe, cast.member_a, "c2", 4, 2),
        )
        .unwrap();
    assert_eq!(
        (saved.criterion_key.as_str(), saved.mark.point()),
        ("c2", Some(4))
    );
}

/// Each campaign's own pinned scorecard validates its saves, though one connection saves
/// into both: a criterion of the first campaign's scorecard that the second's lacks is
/// refused in the second, and each keeps its own indicator count.
#[test]
fn a_kept_scorecard_validates_only_its_own_campaigns_saves() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_pinned_scorecards") else {
        return;
    };
    let first = common::campaign(&mut desk);
    let second = common::campaign_with(&mut desk, |card| {
        card.criteria.truncate(2);
        card.criteria[0].criterion.indicators.truncate(1);
        card.tie_break = None;
        card.overall_pass_mark = 8.0;
    });
    for campaign in [first.campaign, second.campaign] {
        desk.as_("hr").start_scoring(campaign).unwrap();
    }
    let tomasz = desk.by(first.member_a);
    tomasz
        .save_score(
            first.campaign,
            &common::score(first.zoe, first.member_a, "c3", 4, 0),
        )
        .unwrap();
    tomasz
        .save_score(
            first.campaign,
            &common::score(first.zoe, first.member_a, "c1", 4, 2),
        )
        .unwrap();

    let no_c3 = tomasz
        .save_score(
            second.campaign,
            &common::score(second.zoe, second.member_a, "c3", 4, 0),
        )
        .unwrap_err();
    assert!(
        no_c3.to_string().contains("'c3' is not a criterion"),
        "{no_c3}"
    );
    let two_marks = tomasz
        .save_score(
            second.campaign,
            &common::score(second.zoe, second.member_a, "c1", 4, 2),
        )
        .unwrap_err();
    assert!(
        two_marks.to_string().contains("2 marks given")
            && two_marks.to_string().contains("1 indicators"),
        "{two_marks}"
    );
    let saved = tomasz
        .save_score(
            second.campaign,
            &common::score(second.zoe, second.member_a, "c1", 4, 1),
        )
        .unwrap();
    assert_eq!(saved.indicators.len(), 1);
    // And the first campaign's scorecard still holds for the first campaign.
    tomasz
        .save_score(
            first.campaign,
            &common::score(first.zoe, first.member_a, "c2", 4, 2),
        )
        .unwrap();
}

/// A batch of drafts is saved whole, in order: the same score twice keeps the later one, and
/// a batch with one bad draft saves none of them.
#[test]
fn a_batch_of_drafts_saves_in_order_and_whole_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_draft_batches") else {
        return;
    };
    let cast = common::campaign(&mut desk);
    let campaign = cast.campaign;
    desk.as_("hr").start_scoring(campaign).unwrap();
    let tomasz = desk.by(cast.member_a);
    let batch = [
        common::score(cast.zoe, cast.member_a, "c1", 3, 2),
        common::score(cast.zoe, cast.member_a, "c2", 4, 2),
        common::score(cast.zoe, cast.member_a, "c1", 6, 2),
    ];
    assert_eq!(tomasz.save_scores(campaign, &batch).unwrap(), 3);
    let values = |session: &mut Session| {
        let mut seen: Vec<(String, Option<i32>)> = session
            .visible_scores(campaign, cast.zoe)
            .unwrap()
            .into_iter()
            .map(|s| (s.criterion_key, s.mark.point()))
            .collect();
        seen.sort();
        seen
    };
    assert_eq!(
        values(tomasz),
        [("c1".to_owned(), Some(6)), ("c2".to_owned(), Some(4))]
    );
    let bad = [
        common::score(cast.zoe, cast.member_a, "c2", 2, 2),
        common::score(cast.zoe, cast.member_a, "c3", 99, 0),
    ];
    let refused = tomasz.save_scores(campaign, &bad).unwrap_err();
    assert!(refused.to_string().contains("score.value"), "{refused}");
    assert_eq!(
        values(tomasz),
        [("c1".to_owned(), Some(6)), ("c2".to_owned(), Some(4))]
    );
}

#[test]
fn batches_of_submissions_and_agreed_scores_follow_the_one_by_one_rules_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_backend_batches") else {
        return;
    };
    common::batch_story(&mut desk);
}
