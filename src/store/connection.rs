//! The one place a connection is opened and configured.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

/// The schema version this build writes (the number of migrations below).
pub const SCHEMA_VERSION: usize = 8;

/// Every schema version, oldest first. Never edit a released migration: add a new one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("migrations/001_initial.sql")),
        M::up(include_str!("migrations/002_board_index.sql")),
        M::up_with_hook(
            include_str!("migrations/003_users.sql"),
            |tx: &rusqlite::Transaction<'_>| Ok(super::users::fill_from_existing(tx)?),
        ),
        M::up(include_str!("migrations/004_personal_data.sql")),
        M::up(include_str!("migrations/005_fair_flag_settings.sql")),
        M::up(include_str!("migrations/006_people.sql")),
        M::up(include_str!("migrations/007_exercises.sql")),
        M::up(include_str!("migrations/008_exercise_panels.sql")),
    ])
}

/// The `synchronous` level every connection uses. FULL: in WAL mode SQLite then syncs the
/// WAL file at every commit, so a commit that has returned (a score the UI shows as saved)
/// survives the machine losing power. NORMAL syncs only at checkpoints: it survives the
/// process being killed, but power loss can roll back the last commits, which would undo a
/// saved score and the audit event that recorded it. `panelmark bench` reports the cost
/// (save p99 under both levels).
pub const SYNCHRONOUS: &str = "FULL";

/// Sets the pragmas every connection needs: WAL so readers never block the writer,
/// [`SYNCHRONOUS`] so every commit is durable, enforced foreign keys, secure delete (deleted
/// and overwritten content is zeroed, so an erased candidate's text does not linger in free
/// space), and a busy timeout so a second window waits rather than failing.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "synchronous", SYNCHRONOUS)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Opens (creating if needed) the database at `path`, configured and migrated.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Opens a second, read-only connection to the database file at `path`, for reading on
/// another thread while the main connection is busy (exports). Its schema is the main
/// connection's, so it neither migrates nor writes.
pub fn open_reader(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // A fresh connection has a cold page cache; reading through a memory map instead of
    // copying every page in keeps its first (and only) big read as fast as a warm one.
    conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
    Ok(conn)
}

/// Opens a private in-memory database, configured and migrated (for tests and benchmarks).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Brings the schema up to [`SCHEMA_VERSION`]; refuses a database from a newer build.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let current = current as usize;
    if current > SCHEMA_VERSION {
        return Err(Error::Migration(format!(
            "the database is at schema version {current}, newer than this build of Panelmark \
             understands ({SCHEMA_VERSION}); use a newer Panelmark"
        )));
    }
    migrations()
        .to_latest(conn)
        .map_err(|e| Error::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_version_counts_every_migration() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version as usize, SCHEMA_VERSION);
    }

    #[test]
    fn migration_3_makes_users_of_assessors_and_hr_admins_of_other_actors() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        migrations().to_version(&mut conn, 2).unwrap();
        conn.execute_batch(
            "INSERT INTO assessors (id, campaign_id, name, role, panel_id) VALUES
               (1, 1, 'Zoë Ward', 'member', 1), (2, 1, 'Helen Marsh', 'moderator', NULL),
               (3, 2, 'Zoë Ward', 'chair', 3), (4, 2, 'zoe ward', 'member', 3);
             INSERT INTO audit_log (at, actor, action, entity, prev_hash, hash) VALUES
               ('2026-01-01T09:00:00Z', 'Sam (HR)', 'campaign.create', 'campaign/1', '', 'h1'),
               ('2026-01-02T09:00:00Z', 'Zoë Ward', 'score.save', 'campaign/1', 'h1', 'h2');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let users: Vec<(String, String, bool)> = conn
            .prepare("SELECT login, name, hr_admin FROM users ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            users,
            [
                ("zoe.ward".into(), "Zoë Ward".into(), false),
                ("helen.marsh".into(), "Helen Marsh".into(), false),
                ("zoe.ward-2".into(), "zoe ward".into(), false),
                ("sam.hr".into(), "Sam (HR)".into(), true),
            ],
            "one user per distinct name, clashing logins numbered, other actors HR admins"
        );
        let links: Vec<(i64, String)> = conn
            .prepare("SELECT id, login FROM assessors ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            links,
            [
                (1, "zoe.ward".into()),
                (2, "helen.marsh".into()),
                (3, "zoe.ward".into()),
                (4, "zoe.ward-2".into())
            ]
        );
    }

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration applies cleanly");
    }

    #[test]
    fn every_earlier_version_migrates_to_the_latest() {
        for start in 0..SCHEMA_VERSION {
            let mut conn = Connection::open_in_memory().unwrap();
            migrations().to_version(&mut conn, start).unwrap();
            migrate(&mut conn).unwrap();
            let version: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version as usize, SCHEMA_VERSION, "from version {start}");
        }
    }

    #[test]
    fn migration_2_records_which_existing_scores_have_evidence() {
        // A version-1 database; foreign keys off so the score rows need no campaign around them.
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        migrations().to_version(&mut conn, 1).unwrap();
        for (assessor, evidence) in [
            (1, "Gave a clear example."),
            (2, " \t\n"),
            (3, ""),
            (4, "\n x"),
        ] {
            conn.execute(
                "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, evidence, status, created_at, updated_at)
                 VALUES (1, ?1, 'c1', 4, ?2, 'submitted', 't', 't')",
                rusqlite::params![assessor, evidence],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        let flags: Vec<(i64, bool)> = conn
            .prepare("SELECT assessor_id, has_evidence FROM scores ORDER BY assessor_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(flags, [(1, true), (2, false), (3, false), (4, true)]);
    }

    #[test]
    fn the_board_reads_scores_from_its_covering_index_alone() {
        let conn = open_in_memory().unwrap();
        let plan: Vec<String> = conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN {}",
                crate::store::BOARD_SCORES_SQL
            ))
            .unwrap()
            .query_map([1, i64::MIN, i64::MAX], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|step| step.contains("USING COVERING INDEX scores_board")),
            "{plan:?}"
        );
    }

    #[test]
    fn a_database_from_a_newer_build_is_refused() {
        let mut conn = open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION as i64 + 1)
            .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(err.to_string().contains("newer than this build"), "{err}");
    }

    #[test]
    fn a_file_database_syncs_every_commit_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("d.db")).unwrap();
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(
            (mode.as_str(), sync),
            ("wal", 2),
            "WAL with synchronous=FULL (2)"
        );
    }

    #[test]
    fn connections_enforce_foreign_keys() {
        let conn = open_in_memory().unwrap();
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }
}
