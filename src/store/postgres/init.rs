//! `server init`: creates or migrates the schema, the group roles, grants and policies. Safe to
//! run again at any time (it applies only what is missing) and from two places at once (an
//! advisory lock queues them). Needs a superuser login: it creates roles and an owner that
//! bypasses row security, which nobody can log in as.

use postgres::Client;

use super::{PgError, PgResult, SCHEMA};

/// One schema version: forward only. Never edit a released migration: add a new one.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Its version number, from 1 with no gaps.
    pub version: i32,
    /// What it does, recorded in `schema_version`.
    pub name: &'static str,
    sql: &'static str,
}

/// Every schema version, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "tables",
        sql: include_str!("migrations/001_tables.sql"),
    },
    Migration {
        version: 2,
        name: "rules: row security, policies, guards, grants",
        sql: include_str!("migrations/002_rules.sql"),
    },
    Migration {
        version: 3,
        name: "audit chain written by the database",
        sql: include_str!("migrations/003_audit.sql"),
    },
    Migration {
        version: 4,
        name: "people: flag thresholds, withdrawal, adjustments, conflicts of interest",
        sql: include_str!("migrations/004_people.sql"),
    },
    Migration {
        version: 5,
        name: "personal data: commitments in the audit log, erasure",
        sql: include_str!("migrations/005_personal.sql"),
    },
    Migration {
        version: 6,
        name: "retention: periods, purges",
        sql: include_str!("migrations/006_retention.sql"),
    },
    Migration {
        version: 7,
        name: "verify: the data against the log, anchors",
        sql: include_str!("migrations/007_verify.sql"),
    },
    Migration {
        version: 8,
        name: "live changes: notifications with ids only",
        sql: include_str!("migrations/008_notify.sql"),
    },
    Migration {
        version: 9,
        name: "imports: campaigns moved in from local files, with their history",
        sql: include_str!("migrations/009_imports.sql"),
    },
    Migration {
        version: 10,
        name: "read rules as sets computed once per query",
        sql: include_str!("migrations/010_read_sets.sql"),
    },
    Migration {
        version: 11,
        name: "exercises: assessors limited to one, every score key checked",
        sql: include_str!("migrations/011_exercises.sql"),
    },
    Migration {
        version: 12,
        name: "audit event hash in one call",
        sql: include_str!("migrations/012_audit_hash.sql"),
    },
    Migration {
        version: 13,
        name: "exercise panels: a candidate before another panel per exercise",
        sql: include_str!("migrations/013_exercise_panels.sql"),
    },
    Migration {
        version: 14,
        name: "conflict-of-interest events read as the declarations are",
        sql: include_str!("migrations/014_conflict_events.sql"),
    },
    Migration {
        version: 15,
        name: "a draft save's row security per row, the audit chain's lock shorter",
        sql: include_str!("migrations/015_save_path.sql"),
    },
    Migration {
        version: 16,
        name: "a decision is a point or not assessed, exactly one",
        sql: include_str!("migrations/016_decided_marks.sql"),
    },
    Migration {
        version: 17,
        name: "the keys a seat scores, planned once per session",
        sql: include_str!("migrations/017_seat_keys.sql"),
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Owns every object. NOLOGIN and BYPASSRLS: the SECURITY DEFINER helpers run as it so that
/// policies never recurse, and nobody can sign in as it.
pub const OWNER_ROLE: &str = "panelmark_owner";
/// HR administrators: roles, scorecards, campaigns, panels, people, phases.
pub const HR_ADMIN_ROLE: &str = "panelmark_hr_admin";
/// Panel members and chairs.
pub const ASSESSOR_ROLE: &str = "panelmark_assessor";
/// Moderators.
pub const MODERATOR_ROLE: &str = "panelmark_moderator";
/// The group roles logins are made members of.
pub const GROUP_ROLES: [&str; 3] = [HR_ADMIN_ROLE, ASSESSOR_ROLE, MODERATOR_ROLE];

/// Any fixed number: two `server init` runs at once take turns on it.
const INIT_LOCK: i64 = 0x7061_6e65_6c6d_6b31;

/// What `server init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitReport {
    /// Schema version found (0: none).
    pub from_version: i32,
    /// Schema version now.
    pub to_version: i32,
    /// Group roles that did not exist before.
    pub created_roles: Vec<String>,
}

/// Brings the server to [`SCHEMA_VERSION`].
pub fn init_server(client: &mut Client) -> PgResult<InitReport> {
    init_to_version(client, SCHEMA_VERSION)
}

/// Brings the server to `target` (for tests of each migration step); refuses a newer schema.
pub fn init_to_version(client: &mut Client, target: i32) -> PgResult<InitReport> {
    require_superuser(client, "server init")?;
    let encoding: String = client.query_one("SHOW server_encoding", &[])?.get(0);
    if encoding != "UTF8" {
        return Err(PgError::Invalid {
            field: "server_encoding",
            message: format!(
                "the database uses {encoding}; Panelmark needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8')"
            ),
        });
    }
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])?;
    let mut created_roles = Vec::new();
    for role in std::iter::once(OWNER_ROLE).chain(GROUP_ROLES) {
        let bypass = role == OWNER_ROLE;
        let found = tx.query_opt(
            "SELECT NOT rolcanlogin AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole
                    AND rolbypassrls = $2
             FROM pg_roles WHERE rolname = $1",
            &[&role, &bypass],
        )?;
        if found.is_none() {
            // Roles belong to the whole cluster: an init of another database may create the
            // same role at the same moment, which is fine.
            tx.batch_execute(&format!(
                "DO $$ BEGIN CREATE ROLE {role} NOLOGIN;
                 EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            ))?;
            created_roles.push(role.to_owned());
        }
        // A hand-edited role is put back; one that is right is left alone (an ALTER would
        // collide with another database's init altering the same cluster-wide role).
        if !found.as_ref().is_some_and(|row| row.get::<_, bool>(0)) {
            let bypass = if bypass { "BYPASSRLS" } else { "NOBYPASSRLS" };
            tx.batch_execute(&format!(
                "ALTER ROLE {role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE {bypass}"
            ))?;
        }
    }
    tx.batch_execute(&format!(
        "CREATE SCHEMA IF NOT EXISTS {SCHEMA} AUTHORIZATION {OWNER_ROLE};
         SET LOCAL ROLE {OWNER_ROLE};
         SET LOCAL search_path = {SCHEMA}, pg_catalog;
         CREATE TABLE IF NOT EXISTS schema_version (
             version    INTEGER PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
         );"
    ))?;
    let from_version: i32 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])?
        .get(0);
    if from_version > SCHEMA_VERSION {
        return Err(PgError::NewerSchema {
            found: from_version,
            supported: SCHEMA_VERSION,
        });
    }
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > from_version && m.version <= target)
    {
        tx.batch_execute(migration.sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at)
             VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
            &[&migration.version, &migration.name],
        )?;
    }
    tx.batch_execute("RESET ROLE")?;
    tx.commit()?;
    Ok(InitReport {
        from_version,
        to_version: from_version.max(target.min(SCHEMA_VERSION)),
        created_roles,
    })
}

/// The schema version on the server (0 when Panelmark was never set up there).
pub fn schema_version(client: &mut Client) -> PgResult<i32> {
    let exists = client
        .query_one(
            "SELECT to_regclass($1) IS NOT NULL",
            &[&format!("{SCHEMA}.schema_version")],
        )?
        .get::<_, bool>(0);
    if !exists {
        return Ok(0);
    }
    Ok(client
        .query_one(
            &format!("SELECT coalesce(max(version), 0) FROM {SCHEMA}.schema_version"),
            &[],
        )?
        .get(0))
}

/// Refuses, in one sentence, when the connected login is not a superuser.
pub(crate) fn require_superuser(client: &mut Client, what: &str) -> PgResult<()> {
    let row = client.query_one(
        "SELECT current_user::text, rolsuper FROM pg_roles WHERE rolname = current_user",
        &[],
    )?;
    let (login, superuser): (String, bool) = (row.get(0), row.get(1));
    if superuser {
        Ok(())
    } else {
        Err(PgError::PermissionRefused(format!(
            "{what} needs a superuser login (the server's administrator); '{login}' is not one"
        )))
    }
}
