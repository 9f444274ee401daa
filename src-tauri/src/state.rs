//! What the running app holds: the open database (none until one is opened), who the user
//! said they are, and where the shell's settings live. Commands reach it through
//! `State<'_, AppState>`.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use panelmark::anchor::InstallationKey;
use panelmark::store::Store;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::settings::Settings;

/// The open database as the UI sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DatabaseInfo {
    /// Its path, as opened.
    pub path: String,
}

struct OpenDatabase {
    store: Store,
    info: DatabaseInfo,
}

/// The app's state, managed by Tauri.
pub struct AppState {
    db: Mutex<Option<OpenDatabase>>,
    user: Mutex<Option<String>>,
    settings: Mutex<Settings>,
    settings_path: PathBuf,
    /// Why the database named at start-up could not be opened, if it could not.
    pub startup_error: Option<IpcError>,
    /// When the process started running our code (for the start-up measurement).
    pub started: Instant,
}

/// Locks `m`, recovering the value if a panicking command poisoned it: every change runs in a
/// transaction that a panic rolls back, so what is inside is still consistent.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// State with no database open, settings read from `settings_path`.
    pub fn new(settings_path: PathBuf, started: Instant) -> Self {
        let settings = Settings::load(&settings_path);
        AppState {
            db: Mutex::new(None),
            user: Mutex::new(None),
            settings: Mutex::new(settings),
            settings_path,
            startup_error: None,
            started,
        }
    }

    /// Opens (creating and migrating if needed) the database at `path`, replacing the open
    /// one, and puts it first in the recent list.
    pub fn open(&self, path: &Path) -> IpcResult<DatabaseInfo> {
        // Exports and sign-offs sign the chain head with this installation's key.
        let store = Store::open(path)?.with_installation_key(InstallationKey::installation()?);
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let info = DatabaseInfo {
            path: path.display().to_string(),
        };
        *lock(&self.db) = Some(OpenDatabase {
            store,
            info: info.clone(),
        });
        self.update_settings(|s| s.remember(&info.path));
        Ok(info)
    }

    /// The open database, if any.
    pub fn current(&self) -> Option<DatabaseInfo> {
        lock(&self.db).as_ref().map(|db| db.info.clone())
    }

    /// Runs `f` on the open store, or fails with `no_database`.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> panelmark::Result<T>,
    ) -> IpcResult<T> {
        let mut guard = lock(&self.db);
        let db = guard.as_mut().ok_or_else(IpcError::no_database)?;
        Ok(f(&mut db.store)?)
    }

    /// Runs a change on the open store as the current user, or fails with `no_database` or
    /// `no_user`.
    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut Store, &str) -> panelmark::Result<T>,
    ) -> IpcResult<T> {
        let user = self.user().ok_or_else(IpcError::no_user)?;
        self.with_store(|store| f(store, &user))
    }

    /// Sets who the user is (trimmed; must not be empty) and remembers it for next time.
    pub fn set_user(&self, name: &str) -> IpcResult<String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(panelmark::Error::invalid("name", "enter your name").into());
        }
        *lock(&self.user) = Some(name.to_owned());
        self.update_settings(|s| s.last_user = Some(name.to_owned()));
        Ok(name.to_owned())
    }

    /// Who the user is, if they have said.
    pub fn user(&self) -> Option<String> {
        lock(&self.user).clone()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn state(dir: &Path) -> AppState {
        AppState::new(dir.join("config/settings.json"), Instant::now())
    }

    #[test]
    fn nothing_works_on_the_store_until_a_database_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        assert_eq!(s.current(), None);
        let err = s.with_store(|st| st.roles()).unwrap_err();
        assert_eq!(err.code, "no_database");
    }

    #[test]
    fn opening_creates_the_database_and_remembers_it() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        let info = s.open(&dir.path().join("data/new.db")).unwrap();
        assert!(info.path.ends_with("data/new.db"), "{}", info.path);
        assert!(Path::new(&info.path).exists());
        assert_eq!(s.current(), Some(info.clone()));
        assert_eq!(s.with_store(|st| st.roles()).unwrap(), vec![]);
        let reloaded = state(dir.path());
        assert_eq!(reloaded.settings().recent, vec![info.path], "persisted");
    }

    #[test]
    fn changes_need_a_user_and_record_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let s = state(dir.path());
        s.open(&dir.path().join("a.db")).unwrap();
        let err = s.change(|_, _| Ok(())).unwrap_err();
        assert_eq!(err.code, "no_user");
        assert_eq!(s.set_user("   ").unwrap_err().code, "invalid");
        assert_eq!(s.set_user("  Ada Lovelace ").unwrap(), "Ada Lovelace");
        let actor = s.change(|_, actor| Ok(actor.to_owned())).unwrap();
        assert_eq!(actor, "Ada Lovelace");
        assert_eq!(
            state(dir.path()).settings().last_user.as_deref(),
            Some("Ada Lovelace")
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
