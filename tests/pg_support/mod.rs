//! Shared set-up for the PostgreSQL suites (tests/pg_*.rs).
//!
//! They run against the server named by PANELMARK_TEST_PG (a superuser URL; `make test-pg`
//! starts a throwaway cluster and sets it). Without it they print "skipped: ..." and pass,
//! except under CI=true, where a missing server is a failure. `make test-core` sets
//! PANELMARK_TEST_PG_SKIP because `make test-pg` runs them. Each test gets its own database
//! and its own logins (roles are cluster-wide, so login names carry the database's name).
#![allow(dead_code)]

use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use panelmark::model::{AssessorId, CampaignId, CandidateId, PanelId, ScorecardId};
use panelmark::store::postgres::{init, users, users::AppRole};
use postgres::{Client, Config, NoTls};

/// The superuser URL, or None (after printing why) when the suites are skipped locally.
pub fn admin_url(suite: &str) -> Option<String> {
    if let Ok(reason) = std::env::var("PANELMARK_TEST_PG_SKIP") {
        say_skipped(&format!("skipped: {suite} ({reason})"));
        return None;
    }
    match std::env::var("PANELMARK_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("{suite}: PANELMARK_TEST_PG is not set under CI=true; run `make test-pg`")
        }
        _ => {
            say_skipped(&format!(
                "skipped: {suite} (PANELMARK_TEST_PG is not set; `make test-pg` starts a throwaway server)"
            ));
            None
        }
    }
}

/// Prints once per suite, straight to stderr: the test harness hides eprintln! of passing tests.
fn say_skipped(message: &str) {
    use std::io::Write;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = writeln!(std::io::stderr(), "{message}");
    });
}

/// Returns early from a test (which then passes) when no server is configured.
#[macro_export]
macro_rules! require_pg {
    ($suite:expr) => {
        match pg_support::Db::create($suite) {
            Some(db) => db,
            None => return,
        }
    };
}

// `server init` re-asserts cluster-wide roles; two at once in one process would race on them.
static INIT: Mutex<()> = Mutex::new(());
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A fresh database with the Panelmark schema, and the means to sign in to it.
pub struct Db {
    admin: Config,
    /// Its name; also the prefix of its logins.
    pub name: String,
}

/// The password every test login gets.
pub const PASSWORD: &str = "correct horse";

impl Db {
    /// A new database, initialised with `server init`.
    pub fn create(suite: &str) -> Option<Db> {
        Self::create_at_version(suite, init::SCHEMA_VERSION)
    }

    /// A new database migrated to `version` only.
    pub fn create_at_version(suite: &str, version: i32) -> Option<Db> {
        let url = admin_url(suite)?;
        let admin = Config::from_str(&url).expect("PANELMARK_TEST_PG is a valid URL");
        let name = format!(
            "t{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst),
            suite.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        )
        .to_lowercase();
        let mut server = admin
            .connect(NoTls)
            .expect("the test server accepts the superuser");
        server
            .batch_execute(&format!(
                "CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"
            ))
            .unwrap();
        let db = Db { admin, name };
        let _guard = INIT.lock().unwrap_or_else(|e| e.into_inner());
        init::init_to_version(&mut db.superuser(), version).expect("server init");
        Some(db)
    }

    /// The connection settings of the superuser, for this database.
    pub fn admin_config(&self) -> Config {
        let mut config = self.admin.clone();
        config.dbname(&self.name);
        config
    }

    /// The URL of this database for `login` with `password` (libpq form, socket dir as host=).
    pub fn url_for(&self, login: &str, password: Option<&str>) -> String {
        let config = self.admin_config();
        let auth = match password {
            Some(p) => format!("{login}:{}", p.replace(' ', "%20")),
            None => login.to_owned(),
        };
        let (host, port) = host_and_port(&config);
        format!("postgresql://{auth}@/{}?host={host}&port={port}", self.name)
    }

    /// A superuser connection to this database.
    pub fn superuser(&self) -> Client {
        self.admin_config().connect(NoTls).unwrap()
    }

    /// The login name for `who` in this database (roles are cluster-wide).
    pub fn login(&self, who: &str) -> String {
        format!("{}_{who}", self.name)
    }

    /// Creates the login `who` with `role` (via `user add`) and the test password.
    pub fn add_user(&self, who: &str, role: AppRole) -> String {
        let login = self.login(who);
        users::add_user(
            &mut self.superuser(),
            &login,
            role,
            Some(who),
            Some(PASSWORD),
        )
        .unwrap();
        login
    }

    /// Signs in as `who` with the test password (SCRAM), as a real client would.
    pub fn connect_as(&self, who: &str) -> Client {
        let mut config = self.admin_config();
        config.user(&self.login(who)).password(PASSWORD);
        let mut client = config.connect(NoTls).expect("the login signs in");
        client.batch_execute("SET search_path = panelmark").unwrap();
        client
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        // Leave the cluster clean when the test passed; the cluster itself is thrown away.
        if std::thread::panicking() {
            return;
        }
        if let Ok(mut server) = self.admin.connect(NoTls) {
            let _ = server.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
            let logins: Vec<String> = server
                .query(
                    "SELECT rolname::text FROM pg_roles WHERE rolname LIKE $1",
                    &[&format!("{}\\_%", self.name)],
                )
                .map(|rows| rows.iter().map(|r| r.get(0)).collect())
                .unwrap_or_default();
            for login in logins {
                let _ = server.batch_execute(&format!("DROP ROLE IF EXISTS \"{login}\""));
            }
        }
    }
}

fn host_and_port(config: &Config) -> (String, u16) {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Unix(dir)) => dir.display().to_string(),
        Some(postgres::config::Host::Tcp(name)) => name.clone(),
        None => "localhost".into(),
    };
    (host, config.get_ports().first().copied().unwrap_or(5432))
}

/// Ids of the story campaign built by [`campaign`].
#[derive(Debug, Clone, Copy)]
pub struct Campaign {
    pub id: CampaignId,
    pub panel1: PanelId,
    pub panel2: PanelId,
    /// Members of panel 1 (logins "a", "b"), its chair ("c").
    pub a: AssessorId,
    pub b: AssessorId,
    pub c: AssessorId,
    /// Chair ("d") and member ("e") of panel 2.
    pub d: AssessorId,
    pub e: AssessorId,
    /// The moderator ("m").
    pub m: AssessorId,
    /// A candidate of panel 1 and one of panel 2.
    pub x1: CandidateId,
    pub x2: CandidateId,
}

/// Criteria of the test scorecard.
pub const CRITERIA: [&str; 2] = ["c1", "c2"];

/// Creates the logins and, as the HR administrator "hr", a campaign in its scoring phase with
/// two panels: a, b (members) and c (chair) on panel 1; d (chair) and e (member) on panel 2;
/// m moderates. Every row goes in through the rules, as raw SQL from the signed-in login.
pub fn campaign(db: &Db) -> Campaign {
    db.add_user("hr", AppRole::HrAdmin);
    for who in ["a", "b", "c", "d", "e"] {
        db.add_user(who, AppRole::Assessor);
    }
    db.add_user("m", AppRole::Moderator);
    db.add_user("nobody", AppRole::Assessor);
    let mut hr = db.connect_as("hr");
    let t = "2026-12-01T09:00:00Z";
    let scorecard = r#"{"title":"T","criteria":[{"key":"c1"},{"key":"c2"}]}"#;
    let sc: ScorecardId = one(
        &mut hr,
        "INSERT INTO scorecards (title, created_at) VALUES ('T', $1) RETURNING id",
        &[&t],
    );
    hr.execute(
        "INSERT INTO scorecard_versions (scorecard_id, version, body, created_at) VALUES ($1, 1, $2, $3)",
        &[&sc, &scorecard, &t],
    )
    .unwrap();
    let id: CampaignId = one(
        &mut hr,
        "INSERT INTO campaigns (name, scorecard_id, scorecard_version, scorecard, state, created_at)
         VALUES ('Story', $1, 1, $2, 'setup', $3) RETURNING id",
        &[&sc, &scorecard, &t],
    );
    let panel1: PanelId = one(
        &mut hr,
        "INSERT INTO panels (campaign_id, name) VALUES ($1, 'P1') RETURNING id",
        &[&id],
    );
    let panel2: PanelId = one(
        &mut hr,
        "INSERT INTO panels (campaign_id, name) VALUES ($1, 'P2') RETURNING id",
        &[&id],
    );
    let mut person = |who: &str, role: &str, panel: Option<PanelId>| -> AssessorId {
        let login = db.login(who);
        one(
            &mut hr,
            "INSERT INTO assessors (campaign_id, name, role, panel_id, login) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[&id, &who, &role, &panel, &login],
        )
    };
    let (a, b, c) = (
        person("a", "member", Some(panel1)),
        person("b", "member", Some(panel1)),
        person("c", "chair", Some(panel1)),
    );
    let (d, e) = (
        person("d", "chair", Some(panel2)),
        person("e", "member", Some(panel2)),
    );
    let m = person("m", "moderator", None);
    let mut candidate = |reference: &str, panel: PanelId| -> CandidateId {
        one(
            &mut hr,
            "INSERT INTO candidates (campaign_id, reference, name, email, panel_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[&id, &reference, &format!("Candidate {reference}"), &format!("{reference}@example.org"), &panel],
        )
    };
    let (x1, x2) = (candidate("X1", panel1), candidate("X2", panel2));
    hr.execute(
        "UPDATE campaigns SET state = 'scoring' WHERE id = $1",
        &[&id],
    )
    .unwrap();
    Campaign {
        id,
        panel1,
        panel2,
        a,
        b,
        c,
        d,
        e,
        m,
        x1,
        x2,
    }
}

/// The one value `sql` returns, as the type asked for: the id an `INSERT ... RETURNING id`
/// gives, typed as the entity's id.
pub fn one<I: for<'a> postgres::types::FromSql<'a>>(
    client: &mut Client,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> I {
    client.query_one(sql, params).unwrap().get(0)
}

/// Saves a draft score as the signed-in client.
pub fn save_draft(
    client: &mut Client,
    candidate: CandidateId,
    assessor: AssessorId,
    key: &str,
    value: i32,
    evidence: &str,
) {
    client
        .execute(
            "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, evidence, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'draft', 't', 't')
             ON CONFLICT (candidate_id, assessor_id, criterion_key)
             DO UPDATE SET value = EXCLUDED.value, evidence = EXCLUDED.evidence",
            &[&candidate, &assessor, &key, &value, &evidence],
        )
        .unwrap();
}

/// Scores every criterion and submits, as the signed-in client, in one transaction.
pub fn score_and_submit(
    client: &mut Client,
    candidate: CandidateId,
    assessor: AssessorId,
    value: i32,
) {
    for key in CRITERIA {
        save_draft(
            client,
            candidate,
            assessor,
            key,
            value,
            &format!("evidence {key}"),
        );
    }
    client
        .execute(
            "UPDATE scores SET status = 'submitted', submitted_at = 't' WHERE candidate_id = $1 AND assessor_id = $2",
            &[&candidate, &assessor],
        )
        .unwrap();
}

/// The SQLSTATE and message of a refused statement.
pub fn refusal(result: Result<impl std::fmt::Debug, postgres::Error>) -> (String, String) {
    let err = result.expect_err("the statement was refused");
    let db = err
        .as_db_error()
        .unwrap_or_else(|| panic!("not a server error: {err}"));
    (db.code().code().to_owned(), db.message().to_owned())
}
