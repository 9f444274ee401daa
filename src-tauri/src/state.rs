//! What the running app holds: the open database, who is signed in to it, and where the
//! shell's settings live. Commands reach it through `State<'_, AppState>`.
//!
//! The database is a local file or a shared PostgreSQL server. Signed in, the app holds two
//! sessions of the same user on two connections: one for changes, one for reads, so a read
//! (a board, a list) never waits behind a long change, and each sits behind its own lock. An
//! export opens a third connection of its own for its whole run. On a file, identity changes
//! only when the user signs in as someone else; on a server, it is the login the server
//! authenticated, from the moment of connecting.
//!
//! Every method that touches a database runs through [`off_runtime`]: commands run on Tauri's
//! tokio workers, where the PostgreSQL driver would panic.

use std::sync::Arc;

use crate::live::{ChangesSince, LiveChanges};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use panelmark::anchor::InstallationKey;
use panelmark::model::User;
use panelmark::session::{self, Session};
use panelmark::store::postgres::connect::{without_password, Target};
use panelmark::store::postgres::PgStore;
use panelmark::store::{Database, Store};
use serde::Serialize;
use ts_rs::TS;

use crate::blocking::off_runtime;
use crate::error::{IpcError, IpcResult};
use crate::settings::Settings;
use crate::timing::Timing;
use std::panic::Location;

/// Which kind of database is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum DatabaseKind {
    /// A local SQLite file: one person's, who says who they are.
    File,
    /// A shared PostgreSQL database: the server signs each person in.
    Server,
}

/// The open database as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DatabaseInfo {
    /// A file or a server.
    pub kind: DatabaseKind,
    /// The file's path, as opened; for a server, its URL without any password. It names the
    /// database: the recent lists hold the same text.
    pub path: String,
    /// For a server, where it is in words ("database 'panelmark' on db.example.org:5432").
    pub server: Option<String>,
}

/// The open database: the store alone until someone signs in, then their session.
enum Who {
    Nobody(Database),
    Signed(Session),
}

/// Where the open database is, to open more connections to it (the reader, an export's).
#[derive(Clone)]
enum Source {
    File(PathBuf),
    /// The server, with the password resolved when connecting (kept in memory only).
    Server(Box<Target>),
}

impl Source {
    fn open(&self) -> IpcResult<Database> {
        Ok(match self {
            Source::File(path) => open_store(path)?.into(),
            Source::Server(target) => connect_store(target)?.into(),
        })
    }
}

struct OpenDatabase {
    info: DatabaseInfo,
    source: Source,
    who: Option<Who>,
}

/// The app's state, managed by Tauri.
pub struct AppState {
    db: Mutex<Option<OpenDatabase>>,
    /// The signed-in user's second session, for reads.
    reader: Mutex<Option<Session>>,
    settings: Mutex<Settings>,
    settings_path: PathBuf,
    /// Why the database named at start-up could not be opened, if it could not.
    pub startup_error: Option<IpcError>,
    /// When the process started running our code (for the start-up measurement).
    pub started: Instant,
    /// On a shared database: the changes other desks make, heard as they commit.
    live: Mutex<Option<Arc<LiveChanges>>>,
}

/// Locks `m`, recovering the value if a panicking command poisoned it: every change runs in a
/// transaction that a panic rolls back, so what is inside is still consistent.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Opens a connection to the database at `path`. Every connection carries this
/// installation's key: exports and sign-offs sign the chain head they hand out with it,
/// whichever of the app's sessions runs them.
fn open_store(path: &Path) -> IpcResult<Store> {
    Ok(Store::open(path)?.with_installation_key(InstallationKey::installation()?))
}

/// Opens a connection to a shared server (checking that it has this build's schema).
fn connect_store(target: &Target) -> IpcResult<PgStore> {
    Ok(PgStore::open(target)?.with_installation_key(InstallationKey::installation()?))
}

impl AppState {
    /// State with no database open, settings read from `settings_path`.
    pub fn new(settings_path: PathBuf, started: Instant) -> Self {
        let settings = Settings::load(&settings_path);
        AppState {
            db: Mutex::new(None),
            reader: Mutex::new(None),
            settings: Mutex::new(settings),
            settings_path,
            startup_error: None,
            started,
            live: Mutex::new(None),
        }
    }

    /// Opens (creating and migrating if needed) the database at `path`, replacing the open
    /// one (and signing out), and puts it first in the recent list.
    pub fn open(&self, path: &Path) -> IpcResult<DatabaseInfo> {
        off_runtime(|| {
            let store = open_store(path)?;
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
            let info = DatabaseInfo {
                kind: DatabaseKind::File,
                path: path.display().to_string(),
                server: None,
            };
            self.replace(
                OpenDatabase {
                    info: info.clone(),
                    source: Source::File(path),
                    who: Some(Who::Nobody(store.into())),
                },
                None,
            );
            self.update_settings(|s| s.remember(&info.path));
            Ok(info)
        })
    }

    /// Connects to the shared database at `url` (libpq conventions; `password`, when given and
    /// not empty, wins over one in the URL, `PGPASSWORD` or `~/.pgpass`) and signs in at once
    /// as the login the server authenticated: there is no one to choose. Replaces the open
    /// database only when all of that worked, and puts the URL, without any password, first
    /// in the recent connections.
    pub fn connect(&self, url: &str, password: Option<&str>) -> IpcResult<DatabaseInfo> {
        off_runtime(|| {
            let url = url.trim();
            let mut target = Target::parse(url).map_err(panelmark::Error::from)?;
            if let Some(password) = password.filter(|p| !p.is_empty()) {
                target = target.with_password(password);
            }
            // The server names the login; the name passed here is not used.
            let session = Session::sign_in(connect_store(&target)?, "", None)?;
            let reader = Session::sign_in(connect_store(&target)?, "", None)?;
            let info = DatabaseInfo {
                kind: DatabaseKind::Server,
                path: without_password(url),
                server: Some(target.describe()),
            };
            let live = LiveChanges::start(target.clone());
            self.replace(
                OpenDatabase {
                    info: info.clone(),
                    source: Source::Server(Box::new(target)),
                    who: Some(Who::Signed(session)),
                },
                Some(reader),
            );
            *lock(&self.live) = Some(Arc::new(live));
            self.update_settings(|s| s.remember_connection(&info.path));
            Ok(info)
        })
    }

    /// Opens `db`: a shared database when it is a `postgres://` or `postgresql://` URL (with
    /// the password from the URL, `PGPASSWORD` or `~/.pgpass`), else the file at that path.
    pub fn open_or_connect(&self, db: &str) -> IpcResult<DatabaseInfo> {
        if panelmark::store::postgres::is_url(db) {
            self.connect(db, None)
        } else {
            self.open(Path::new(db))
        }
    }

    /// Puts `db` in place of the open database (closing its connections) with its reader.
    fn replace(&self, db: OpenDatabase, reader: Option<Session>) {
        *lock(&self.live) = None;
        *lock(&self.reader) = None;
        *lock(&self.db) = Some(db);
        *lock(&self.reader) = reader;
    }

    /// The changes other desks made after `after` (see [`LiveChanges::wait`]), waiting up to
    /// `timeout` for one; on a local file, none and `live: false`.
    pub fn wait_changes(&self, after: u64, timeout: std::time::Duration) -> ChangesSince {
        let live = lock(&self.live).clone();
        match live {
            Some(live) => off_runtime(|| live.wait(after, timeout)),
            None => ChangesSince {
                changes: Vec::new(),
                cursor: after,
                missed: false,
                live: false,
            },
        }
    }

    /// The open database, if any.
    pub fn current(&self) -> Option<DatabaseInfo> {
        lock(&self.db).as_ref().map(|db| db.info.clone())
    }

    /// The users of the open database (signed in or not: the local file's "who are you").
    pub fn users(&self) -> IpcResult<Vec<User>> {
        off_runtime(|| {
            let guard = lock(&self.db);
            let db = guard.as_ref().ok_or_else(IpcError::no_database)?;
            Ok(match db.who.as_ref().ok_or_else(IpcError::no_database)? {
                Who::Nobody(store) => session::users(store)?,
                Who::Signed(session) => session.users()?,
            })
        })
    }

    /// Signs in as `login` (see [`Session::sign_in`]: in a new file the first user becomes
    /// its HR administrator), replacing whoever was signed in, and remembers the login.
    pub fn sign_in(&self, login: &str, name: Option<&str>) -> IpcResult<User> {
        off_runtime(|| self.sign_in_here(login, name))
    }

    fn sign_in_here(&self, login: &str, name: Option<&str>) -> IpcResult<User> {
        let mut guard = lock(&self.db);
        let db = guard.as_mut().ok_or_else(IpcError::no_database)?;
        let store = match db.who.take().ok_or_else(IpcError::no_database)? {
            Who::Nobody(store) => store,
            Who::Signed(session) => session.sign_out(),
        };
        match Session::sign_in(store, login, name) {
            Ok(session) => {
                let user = session.user().clone();
                let reader = db.source.open().and_then(|store| {
                    Session::sign_in(store, &user.login, None).map_err(IpcError::from)
                });
                db.who = Some(Who::Signed(session));
                *lock(&self.reader) = reader.ok();
                drop(guard);
                self.update_settings(|s| s.last_user = Some(user.login.clone()));
                Ok(user)
            }
            Err(e) => {
                // A refused sign-in leaves nobody signed in: never the previous person behind
                // the user's back.
                *lock(&self.reader) = None;
                db.who = Some(Who::Nobody(db.source.open()?));
                Err(e.into())
            }
        }
    }

    /// Who is signed in, if anyone.
    pub fn user(&self) -> Option<User> {
        match lock(&self.db).as_ref()?.who.as_ref()? {
            Who::Signed(session) => Some(session.user().clone()),
            Who::Nobody(_) => None,
        }
    }

    /// Runs a change as the signed-in user, or fails with `no_database` or `no_user`.
    #[track_caller]
    pub fn change<T: Send>(
        &self,
        f: impl FnOnce(&mut Session) -> panelmark::Result<T> + Send,
    ) -> IpcResult<T> {
        let mut timing = Timing::start("change", Location::caller());
        off_runtime(|| {
            let mut guard = lock(&self.db);
            timing.connected();
            let db = guard.as_mut().ok_or_else(IpcError::no_database)?;
            match db.who.as_mut() {
                Some(Who::Signed(session)) => Ok(f(session)?),
                _ => Err(IpcError::no_user()),
            }
        })
    }

    /// Runs a read as the signed-in user on the read connection (on the change connection
    /// when there is no second one), or fails with `no_database` or `no_user`.
    #[track_caller]
    pub fn read<T: Send>(
        &self,
        f: impl FnOnce(&Session) -> panelmark::Result<T> + Send,
    ) -> IpcResult<T> {
        self.read_from(Location::caller(), f)
    }

    /// [`AppState::read`] on behalf of `caller` (named in the timings).
    pub fn read_from<T: Send>(
        &self,
        caller: &'static Location<'static>,
        f: impl FnOnce(&Session) -> panelmark::Result<T> + Send,
    ) -> IpcResult<T> {
        let mut timing = Timing::start("read", caller);
        off_runtime(|| {
            if let Some(reader) = lock(&self.reader).as_ref() {
                timing.connected();
                return Ok(f(reader)?);
            }
            let guard = lock(&self.db);
            timing.connected();
            let db = guard.as_ref().ok_or_else(IpcError::no_database)?;
            match db.who.as_ref() {
                Some(Who::Signed(session)) => Ok(f(session)?),
                _ => Err(IpcError::no_user()),
            }
        })
    }

    /// Runs `f` with a session of the signed-in user on a connection of its own, for a long
    /// read (an export) that should hold up no other command; the connection closes after.
    pub fn with_own_session<T: Send>(
        &self,
        f: impl FnOnce(&Session) -> panelmark::Result<T> + Send,
    ) -> IpcResult<T> {
        off_runtime(|| {
            let (source, login) = {
                let guard = lock(&self.db);
                let db = guard.as_ref().ok_or_else(IpcError::no_database)?;
                match db.who.as_ref() {
                    Some(Who::Signed(session)) => (db.source.clone(), session.user().login.clone()),
                    _ => return Err(IpcError::no_user()),
                }
            };
            // Connecting happens outside the lock: other commands go on meanwhile.
            Ok(f(&Session::sign_in(source.open()?, &login, None)?)?)
        })
    }

    /// A copy of the settings.
    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    fn update_settings(&self, f: impl FnOnce(&mut Settings)) {
        let mut settings = lock(&self.settings);
        f(&mut settings);
        if let Err(e) = settings.save(&self.settings_path) {
            // Settings are a convenience; failing to save them must not fail the action.
            eprintln!(
                "panelmark: cannot save settings {}: {e}",
                self.settings_path.display()
            );
        }
    }
}

impl Drop for AppState {
    /// Closing a shared database's connections blocks too: off the runtime, like the rest.
    fn drop(&mut self) {
        let db = lock(&self.db).take();
        let reader = lock(&self.reader).take();
        off_runtime(move || drop((db, reader)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(dir: &Path) -> AppState {
        AppState::new(dir.join("config/settings.json"), Instant::now())
    }

    #[test]
    fn nothing_works_until_a_database_is_open_and_someone_signs_in() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        assert_eq!(s.current(), None);
        assert_eq!(
            s.read(|st| st.roles_list()).unwrap_err().code,
            "no_database"
        );
        s.open(&dir.path().join("a.db")).unwrap();
        assert_eq!(s.read(|st| st.roles_list()).unwrap_err().code, "no_user");
        assert_eq!(s.change(|st| st.roles_list()).unwrap_err().code, "no_user");
    }

    #[test]
    fn opening_creates_the_database_and_remembers_it() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        let info = s.open(&dir.path().join("data/new.db")).unwrap();
        assert!(info.path.ends_with("data/new.db"), "{}", info.path);
        assert_eq!(
            (info.kind, info.server.as_deref()),
            (DatabaseKind::File, None)
        );
        assert!(Path::new(&info.path).exists());
        assert_eq!(s.current(), Some(info.clone()));
        assert_eq!(s.users().unwrap(), vec![], "a new file has no users yet");
        let reloaded = state(dir.path());
        assert_eq!(reloaded.settings().recent, vec![info.path], "persisted");
    }

    #[test]
    fn the_first_sign_in_makes_the_hr_admin_and_identity_changes_only_by_signing_in() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        s.open(&dir.path().join("a.db")).unwrap();
        assert_eq!(s.sign_in("Ada Lovelace", None).unwrap_err().code, "invalid");
        let ada = s.sign_in("ada", Some("Ada Lovelace")).unwrap();
        assert!(ada.hr_admin);
        s.change(|st| st.add_user("bo", "Bo Member", false))
            .unwrap();
        assert_eq!(
            s.read(|st| st.users()).unwrap().len(),
            2,
            "the reader sees the change"
        );
        let bo = s.sign_in("bo", None).unwrap();
        assert_eq!(s.user(), Some(bo));
        let err = s.change(|st| st.add_user("cy", "Cy", false)).unwrap_err();
        assert_eq!(err.code, "forbidden", "Bo is no HR admin: {err:?}");
        assert_eq!(
            s.sign_in("mallory", None).unwrap_err().code,
            "not_signed_in"
        );
        assert_eq!(
            s.user(),
            None,
            "a refused sign-in signs the previous user out"
        );
        assert_eq!(
            state(dir.path()).settings().last_user.as_deref(),
            Some("bo")
        );
    }

    #[test]
    fn a_database_that_cannot_be_opened_reports_a_core_error() {
        let dir = tempfile::tempdir().unwrap();
        let not_a_db = dir.path().join("notes.db");
        std::fs::write(
            &not_a_db,
            "this is not SQLite, just text long enough to have a header",
        )
        .unwrap();
        let s = state(dir.path());
        let err = s.open(&not_a_db).unwrap_err();
        assert_eq!(err.code, "database", "{err}");
        assert_eq!(s.current(), None, "a failed open leaves nothing open");
    }
}
