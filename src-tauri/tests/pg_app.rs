//! The app on a shared PostgreSQL database, through the state its commands use: connecting
//! signs in as the login the server authenticated, each person sees what the database lets
//! them see, failures come back as one sentence, the settings file never holds a password,
//! and all of it works from Tauri's async runtime, where the synchronous driver would panic.
//!
//! Needs PANELMARK_TEST_PG (`make test-pg` starts a throwaway server); skips without it.

#[path = "../../tests/pg_support/mod.rs"]
mod pg_support;

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use panelmark::model::{
    AssessorRole, CampaignId, Criterion, CriterionKind, Priority, Role, Scale, Scorecard,
};
use panelmark::store::postgres::users::AppRole;
use panelmark::store::postgres::PgStore;
use panelmark_app::state::{AppState, DatabaseKind};
use pg_support::{Db, PASSWORD};

const SUITE: &str = "pg_app";

fn state(dir: &Path) -> AppState {
    AppState::new(dir.join("settings.json"), Instant::now())
}

/// Sets up, through the app signed in as the HR administrator "hr", two campaigns: "Story",
/// with the assessor "a" on its panel, and "Other", which "a" is not on. Returns hr's state.
fn two_campaigns(db: &Db, dir: &Path) -> AppState {
    db.add_user("hr", AppRole::HrAdmin);
    db.add_user("a", AppRole::Assessor);
    let hr = AppState::new(dir.join("hr-settings.json"), Instant::now());
    hr.connect(&db.url_for(&db.login("hr"), Some(PASSWORD)), None)
        .unwrap();
    let member = db.login("a");
    hr.change(|session| {
        let role = Role {
            title: "Analyst".into(),
            grade: None,
            reference: None,
            source: None,
            criteria: vec![Criterion {
                kind: CriterionKind::Behaviour,
                name: "Working Together".into(),
                group: None,
                priority: Priority::Essential,
                code: None,
                level: None,
                indicators: vec![],
            }],
        };
        let role_id = session.create_role(&role)?;
        let card =
            Scorecard::from_role("Analyst interview", &role, Scale::civil_service(), Some(4));
        let card_id = session.create_scorecard(Some(role_id), &card)?;
        let story = session.create_campaign("Story", card_id)?;
        let panel = session.add_panel(story, "Panel A")?;
        session.add_assessor(story, &member, AssessorRole::Member, Some(panel))?;
        session.create_campaign("Other", card_id)?;
        Ok(())
    })
    .unwrap();
    hr
}

fn campaign_names(state: &AppState) -> Vec<String> {
    let mut names: Vec<String> = state
        .read(|session| session.campaigns())
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    names
}

#[test]
fn a_member_connects_signed_in_as_their_login_and_sees_only_their_campaigns() {
    let db = require_pg!(SUITE);
    let dir = tempfile::tempdir().unwrap();
    let hr = two_campaigns(&db, dir.path());

    let member = state(dir.path());
    let info = member
        .connect(&db.url_for(&db.login("a"), None), Some(PASSWORD))
        .unwrap();
    assert_eq!(info.kind, DatabaseKind::Server);
    assert_eq!(info.path, db.url_for(&db.login("a"), None));
    let server = info.server.clone().unwrap();
    assert!(
        server.starts_with(&format!("database '{}' on the socket in ", db.name)),
        "{server}"
    );
    assert_eq!(member.current(), Some(info));
    let user = member.user().expect("signed in at once, no one to choose");
    assert_eq!(user.login, db.login("a"));
    assert_eq!(user.name, "a");
    assert!(!user.hr_admin);
    assert_eq!(campaign_names(&member), ["Story"], "only the member's own");
    // Asking for someone else on a server changes nothing: the server said who this is.
    let again = member.sign_in(&db.login("hr"), None).unwrap();
    assert_eq!(again.login, db.login("a"));

    // The HR administrator (password in the URL) sees both campaigns.
    assert_eq!(campaign_names(&hr), ["Other", "Story"]);
    let exported = hr
        .with_own_session(|session| Ok(session.user().login.clone()))
        .unwrap();
    assert_eq!(
        exported,
        db.login("hr"),
        "an export's own connection is hr's too"
    );
}

#[test]
fn a_wrong_password_is_one_sentence_and_leaves_the_open_database_alone() {
    let db = require_pg!(SUITE);
    db.add_user("a", AppRole::Assessor);
    let dir = tempfile::tempdir().unwrap();
    let s = state(dir.path());
    let file = s.open(&dir.path().join("mine.db")).unwrap();

    let err = s
        .connect(&db.url_for(&db.login("a"), None), Some("not the password"))
        .unwrap_err();
    assert_eq!(err.code, "pg.wrong_password", "{err}");
    assert!(
        err.message.starts_with(&format!(
            "the server refused the password for login '{}' on database '{}'",
            db.login("a"),
            db.name
        )),
        "{}",
        err.message
    );
    assert_eq!(s.current(), Some(file), "the file stays open");
    assert!(s.settings().recent_connections.is_empty());

    let nowhere = dir.path().join("no-server-here");
    let err = s
        .connect(
            &format!("postgresql://a@/x?host={}", nowhere.display()),
            None,
        )
        .unwrap_err();
    assert_eq!(err.code, "pg.server_down", "{err}");
    assert!(err.message.starts_with("nothing answers at"), "{err}");
    let err = s.connect("/not/a/url.db", None).unwrap_err();
    assert_eq!(err.code, "pg.bad_url", "{err}");
}

#[test]
fn a_login_without_a_panelmark_user_is_told_who_adds_it() {
    let db = require_pg!(SUITE);
    let login = db.login("stranger");
    db.superuser()
        .batch_execute(&format!(
            "CREATE ROLE \"{login}\" LOGIN NOBYPASSRLS PASSWORD '{PASSWORD}';
             GRANT {} TO \"{login}\";",
            AppRole::Assessor.group_role()
        ))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let s = state(dir.path());
    let err = s
        .connect(&db.url_for(&login, None), Some(PASSWORD))
        .unwrap_err();
    assert_eq!(err.code, "not_signed_in", "{err}");
    assert_eq!(
        err.message,
        format!(
            "the login '{login}' has no Panelmark role on this server; its administrator adds \
             one with `panelmark --db URL user add {login} --role ROLE`"
        )
    );
    assert_eq!(s.current(), None);
}

#[test]
fn the_settings_file_never_holds_a_password() {
    let db = require_pg!(SUITE);
    db.add_user("a", AppRole::Assessor);
    let dir = tempfile::tempdir().unwrap();
    let s = state(dir.path());
    let bare = db.url_for(&db.login("a"), None);
    // The password in the URL, then typed in the field.
    s.connect(&db.url_for(&db.login("a"), Some(PASSWORD)), None)
        .unwrap();
    s.connect(&bare, Some(PASSWORD)).unwrap();
    let text = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    for form in [PASSWORD, &PASSWORD.replace(' ', "%20")] {
        assert!(!text.contains(form), "{form:?} in {text}");
    }
    assert_eq!(
        state(dir.path()).settings().recent_connections,
        [bare],
        "remembered once, without the password"
    );
}

/// What a command does on Tauri's runtime: connect, read, change, export, sign in, all on a
/// worker of `tauri::async_runtime`, where the commands' wrappers run them.
#[test]
fn commands_run_on_tauris_async_runtime_without_the_driver_panicking() {
    let db = require_pg!(SUITE);
    let dir = tempfile::tempdir().unwrap();
    drop(two_campaigns(&db, dir.path()));
    let s = Arc::new(state(dir.path()));
    let url = db.url_for(&db.login("hr"), Some(PASSWORD));

    // The reason for the guard: the bare driver panics there.
    let bare_url = url.clone();
    let bare = tauri::async_runtime::block_on(tauri::async_runtime::spawn(async move {
        PgStore::connect(&bare_url).map(|_| ())
    }));
    assert!(bare.is_err(), "the driver on a worker panics");

    let on_worker = Arc::clone(&s);
    let (names, created) =
        tauri::async_runtime::block_on(tauri::async_runtime::spawn(async move {
            on_worker.connect(&url, None).unwrap();
            let created = on_worker
                .change(|session| {
                    let scorecard = session.campaigns()?[0].scorecard_id;
                    session.create_campaign("Third", scorecard)
                })
                .unwrap();
            let names = campaign_names(&on_worker);
            on_worker
                .with_own_session(|session| session.campaigns())
                .unwrap();
            on_worker.sign_in("ignored", None).unwrap();
            // Connecting again drops the first connections, on the worker too.
            on_worker.connect(&url, None).unwrap();
            (names, created)
        }))
        .unwrap();
    assert_eq!(names, ["Other", "Story", "Third"]);
    assert!(created.0 > 0, "{created:?}");

    // The same on a single-threaded runtime, and the state dropped on it (closing connections).
    let single = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let users = single.block_on(async move {
        let users = s.users().unwrap().len();
        drop(s);
        users
    });
    assert_eq!(users, 2, "hr and a");
}

#[test]
fn a_change_another_desk_commits_reaches_the_window_through_wait_changes() {
    let Some(db) = pg_support::Db::create(SUITE) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let hr = two_campaigns(&db, dir.path());
    // Nothing yet: the wait ends at its timeout, live, with the cursor where it was.
    let quiet = hr.wait_changes(0, std::time::Duration::from_millis(300));
    assert!(quiet.live && quiet.changes.is_empty() && quiet.cursor == 0);

    // Another desk's transaction commits a change the server announces (a phase moves).
    let story: CampaignId = db
        .superuser()
        .query_one(
            "SELECT id FROM panelmark.campaigns WHERE name = 'Story'",
            &[],
        )
        .unwrap()
        .get(0);
    let waiting = std::thread::spawn({
        let hr = Arc::new(hr);
        let reader = Arc::clone(&hr);
        move || {
            (
                reader.wait_changes(0, std::time::Duration::from_secs(20)),
                hr,
            )
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut other = db.connect_as("hr");
    other
        .execute(
            "UPDATE campaigns SET state = 'scoring' WHERE id = $1",
            &[&story],
        )
        .unwrap();
    let (heard, hr) = waiting.join().unwrap();
    assert_eq!(heard.changes.len(), 1, "{heard:?}");
    let change = &heard.changes[0];
    assert_eq!(
        (change.seq, change.campaign_id, change.table.as_str()),
        (1, Some(story), "campaigns")
    );
    // The next wait starts after it.
    let after = hr.wait_changes(heard.cursor, std::time::Duration::from_millis(200));
    assert!(after.changes.is_empty() && !after.missed);

    // A local file listens to nothing.
    let local = state(dir.path());
    local.open(&dir.path().join("local.db")).unwrap();
    assert!(
        !local
            .wait_changes(0, std::time::Duration::from_millis(10))
            .live
    );
}
