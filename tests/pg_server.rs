//! `server init`, `user add` / `user list` and connection failures, against a real server.

mod pg_support;

use std::io::Write;
use std::process::{Command, Stdio};

use panelmark::store::postgres::{connect, init, users, users::AppRole, PgError};

const SUITE: &str = "pg_server";

#[test]
fn init_is_idempotent_and_every_earlier_version_migrates_to_the_latest() {
    let db = require_pg!(SUITE);
    let again = init::init_server(&mut db.superuser()).unwrap();
    assert_eq!(
        (
            again.from_version,
            again.to_version,
            again.created_roles.len()
        ),
        (init::SCHEMA_VERSION, init::SCHEMA_VERSION, 0)
    );
    for start in 0..init::SCHEMA_VERSION {
        let Some(old) = pg_support::Db::create_at_version(SUITE, start) else {
            return;
        };
        let mut admin = old.superuser();
        assert_eq!(init::schema_version(&mut admin).unwrap(), start);
        let report = init::init_server(&mut admin).unwrap();
        assert_eq!(
            (report.from_version, report.to_version),
            (start, init::SCHEMA_VERSION)
        );
        let versions: Vec<i32> = admin
            .query(
                "SELECT version FROM panelmark.schema_version ORDER BY version",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(versions, (1..=init::SCHEMA_VERSION).collect::<Vec<_>>());
    }
    // Every table forces row security; no Panelmark role bypasses it except the NOLOGIN owner.
    let mut admin = db.superuser();
    let unforced: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'panelmark' AND c.relkind = 'r'
               AND NOT (c.relrowsecurity AND c.relforcerowsecurity)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(unforced, 0);
    let bypassing: Vec<String> = admin
        .query(
            "SELECT rolname::text FROM pg_roles WHERE rolname LIKE 'panelmark\\_%' AND (rolbypassrls OR rolcanlogin)",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(bypassing, ["panelmark_owner"]);
    let owner_logs_in: bool = admin
        .query_one(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'panelmark_owner'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(!owner_logs_in);
}

#[test]
fn a_newer_schema_and_a_non_superuser_are_refused_in_one_sentence() {
    let db = require_pg!(SUITE);
    let mut admin = db.superuser();
    admin
        .batch_execute("INSERT INTO panelmark.schema_version VALUES (99, 'future', 'x')")
        .unwrap();
    let err = init::init_server(&mut admin).unwrap_err();
    assert_eq!(err.code(), "pg.newer_schema");
    assert!(
        err.to_string()
            .contains("version 99, newer than this build"),
        "{err}"
    );

    db.add_user("hr", AppRole::HrAdmin);
    let err = init::init_server(&mut db.connect_as("hr")).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "server init needs a superuser login (the server's administrator); '{}' is not one",
            db.login("hr")
        )
    );
}

#[test]
fn user_add_gives_a_scram_login_its_role_and_user_list_shows_it() {
    let db = require_pg!(SUITE);
    let login = db.login("ann");
    let mut admin = db.superuser();
    assert!(users::add_user(
        &mut admin,
        &login,
        AppRole::Assessor,
        Some("Ann"),
        Some("pw-ann-123")
    )
    .unwrap());
    assert!(!users::add_user(&mut admin, &login, AppRole::Moderator, None, None).unwrap());
    let listed = users::list_users(&mut admin).unwrap();
    let ann = listed
        .iter()
        .find(|u| u.login == login)
        .expect("ann is listed");
    assert_eq!(
        (ann.display_name.as_str(), ann.roles.clone(), ann.can_login),
        ("Ann", vec![AppRole::Assessor, AppRole::Moderator], true)
    );
    let stored: String = admin
        .query_one(
            "SELECT rolpassword FROM pg_authid WHERE rolname = $1",
            &[&login],
        )
        .unwrap()
        .get(0);
    assert!(stored.starts_with("SCRAM-SHA-256$"), "{stored}");
    // The login signs in with that password through a URL, as the app will.
    let mut client = connect::connect(&db.url_for(&login, Some("pw-ann-123"))).unwrap();
    let who: String = client
        .query_one("SELECT session_user::text", &[])
        .unwrap()
        .get(0);
    assert_eq!(who, login);
    // A superuser is never made a Panelmark login.
    let err = users::add_user(&mut admin, "panel", AppRole::Assessor, None, None).unwrap_err();
    assert!(err.to_string().contains("is a superuser"), "{err}");
}

#[test]
fn each_connection_failure_is_one_sentence_naming_what_to_fix() {
    let db = require_pg!(SUITE);
    let login = db.add_user("bob", AppRole::Assessor);
    let fail = |url: &str| -> PgError { connect::connect(url).map(|_| ()).unwrap_err() };

    let err = fail(&db.url_for(&login, Some("wrong password")));
    assert_eq!(err.code(), "pg.wrong_password");
    assert!(
        err.to_string().starts_with(&format!(
            "the server refused the password for login '{login}'"
        )),
        "{err}"
    );

    std::env::remove_var("PGPASSWORD");
    std::env::set_var("PGPASSFILE", "/nonexistent/pgpass");
    let err = fail(&db.url_for(&login, None));
    assert_eq!(err.code(), "pg.wrong_password");
    assert!(
        err.to_string().contains("asks login") && err.to_string().contains("none was given"),
        "{err}"
    );

    let socket_dir = db.url_for(&login, Some("x"));
    let socket_dir = socket_dir
        .split("host=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let down = db
        .url_for(&login, Some("x"))
        .replace(socket_dir, "/nonexistent-socket-dir");
    let err = fail(&down);
    assert_eq!(err.code(), "pg.server_down");
    assert!(
        err.to_string().starts_with("nothing answers at database"),
        "{err}"
    );

    let err = fail(&format!(
        "postgres://{login}:x@no-such-host.invalid:5432/{}",
        db.name
    ));
    assert_eq!(err.code(), "pg.unknown_host");
    assert_eq!(
        err.to_string(),
        "the host 'no-such-host.invalid' is unknown: check the host name in the URL"
    );

    // The test server has no TLS (unix socket): `prefer` (every connection above) falls back;
    // `require` is refused in one sentence.
    let err = fail(&format!(
        "{}&sslmode=require",
        db.url_for(&login, Some(pg_support::PASSWORD))
    ));
    assert_eq!(err.code(), "pg.permission_refused");
    assert!(
        err.to_string()
            .contains("does not offer TLS but the URL says sslmode=require"),
        "{err}"
    );

    db.superuser()
        .batch_execute(&format!(
            "REVOKE CONNECT ON DATABASE {} FROM PUBLIC",
            db.name
        ))
        .unwrap();
    let err = fail(&db.url_for(&login, Some(pg_support::PASSWORD)));
    assert_eq!(err.code(), "pg.permission_refused");
    assert!(
        err.to_string().contains("may not connect to database"),
        "{err}"
    );
}

#[test]
fn the_cli_inits_the_server_adds_users_and_lists_them() {
    let db = require_pg!(SUITE);
    let admin_url = db
        .url_for("panel", None)
        .replace("panel@", &format!("{}@", admin_user()));
    let panelmark = |args: &[&str], stdin: Option<&str>| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_panelmark"))
            .args(["--db", &admin_url])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.unwrap_or("").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, out, _) = panelmark(&["server", "init"], None);
    assert_eq!(
        (code, out.as_str()),
        (
            Some(0),
            format!(
                "schema already at version {}; nothing to do\n",
                init::SCHEMA_VERSION
            )
            .as_str()
        )
    );
    let login = db.login("cli");
    let (code, out, err) = panelmark(
        &[
            "user",
            "add",
            &login,
            "--role",
            "moderator",
            "--name",
            "Cli User",
            "--password-prompt",
        ],
        Some("a long password\n"),
    );
    assert_eq!(
        (code, out.clone()),
        (
            Some(0),
            format!("created login {login} with role moderator\n")
        ),
        "{err}"
    );
    let (_, out, _) = panelmark(&["user", "list"], None);
    assert!(
        out.lines()
            .any(|l| l == format!("{login}\tCli User\tmoderator")),
        "{out}"
    );
    connect::connect(&db.url_for(&login, Some("a long password"))).expect("the new login signs in");
    let (code, _, err) = panelmark(&["user", "add", "Bad Name", "--role", "assessor"], None);
    assert_eq!(code, Some(2));
    assert!(err.contains("'Bad Name' is not a usable login"), "{err}");
    let (code, _, err) = panelmark(&["server", "verify"], None);
    assert_eq!(code, Some(0), "{err}");
}

fn admin_user() -> String {
    let url = std::env::var("PANELMARK_TEST_PG").unwrap();
    let config: postgres::Config = url.parse().unwrap();
    config.get_user().unwrap().to_owned()
}

#[test]
fn a_dropped_connection_is_reported_as_lost_then_restored_by_itself() {
    let db = require_pg!(SUITE);
    let login = db.add_user("hr", AppRole::HrAdmin);
    let url = db.url_for(&login, Some(pg_support::PASSWORD));
    let store = panelmark::store::postgres::PgStore::connect(&url).unwrap();
    let session = panelmark::session::Session::sign_in(store, "", None).unwrap();
    let before = session.users().unwrap();

    // The network drops: the server ends the app's connection.
    let ended: i64 = db
        .superuser()
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = $1",
            &[&login],
        )
        .unwrap()
        .get(0);
    assert_eq!(ended, 1);

    // The call that meets the dead connection (if it does not notice it first) says so with
    // the code the app keeps changes for; the next one has connected again, as the same login.
    if let Err(e) = session.users() {
        assert_eq!(e.code(), "pg.connection_lost", "{e}");
    }
    assert_eq!(session.users().unwrap(), before);
    let now_connected: i64 = db
        .superuser()
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = $1",
            &[&login],
        )
        .unwrap()
        .get(0);
    assert_eq!(now_connected, 1, "one new connection, as the same login");
}
