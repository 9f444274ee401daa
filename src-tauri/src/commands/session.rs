//! The IPC commands: each takes the app state, calls the core and maps its error into the
//! one `{ code, message }` shape. No domain logic lives here.

use std::path::Path;

use panelmark::anchor::{self, Anchor, AnchorCheck};
use panelmark::import::role_file;
use panelmark::model::AuditEvent;
use panelmark::store::{AuditFilter, StoredRole, Verification};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::state::{AppState, DatabaseInfo};

/// What the UI needs to know when it starts.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StartupInfo {
    /// The database opened from `--db` / `PANELMARK_DB`, if any.
    pub database: Option<DatabaseInfo>,
    /// Why the database named at start-up could not be opened.
    pub database_error: Option<IpcError>,
    /// Who the user is, if already chosen in this session.
    pub user: Option<String>,
    /// The name chosen last time, to offer again.
    pub last_user: Option<String>,
}

#[tauri::command]
pub fn startup_info(state: State<'_, AppState>) -> StartupInfo {
    StartupInfo {
        database: state.current(),
        database_error: state.startup_error.clone(),
        user: state.user(),
        last_user: state.settings().last_user,
    }
}

#[tauri::command]
pub fn open_database(state: State<'_, AppState>, path: String) -> IpcResult<DatabaseInfo> {
    state.open(Path::new(&path))
}

#[tauri::command]
pub fn current_database(state: State<'_, AppState>) -> Option<DatabaseInfo> {
    state.current()
}

#[tauri::command]
pub fn default_database_path() -> IpcResult<String> {
    Ok(panelmark::store::Store::default_path()?
        .display()
        .to_string())
}

#[tauri::command]
pub fn recent_databases(state: State<'_, AppState>) -> Vec<String> {
    state.settings().recent
}

#[tauri::command]
pub fn set_current_user(state: State<'_, AppState>, name: String) -> IpcResult<String> {
    state.set_user(&name)
}

#[tauri::command]
pub fn current_user(state: State<'_, AppState>) -> Option<String> {
    state.user()
}

#[tauri::command]
pub fn list_roles(state: State<'_, AppState>) -> IpcResult<Vec<StoredRole>> {
    state.with_store(|store| store.roles())
}

#[tauri::command]
pub fn import_role_file(state: State<'_, AppState>, path: String) -> IpcResult<StoredRole> {
    let path = Path::new(&path);
    let bytes = std::fs::read(path).map_err(|e| panelmark::Error::io(path, e))?;
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    let role = role_file::parse(&name, &bytes).map_err(panelmark::Error::from)?;
    state.change(|store, actor| {
        let id = store.create_role(actor, &role)?;
        store.role(id)
    })
}

#[tauri::command]
pub fn verify_audit(state: State<'_, AppState>) -> IpcResult<Verification> {
    state.with_store(|store| store.verify())
}

/// The chain's current head as an anchor (`SEQ:HASH key=… sig=…`), to write down elsewhere.
#[tauri::command]
pub fn audit_anchor(state: State<'_, AppState>) -> IpcResult<String> {
    state.with_store(|store| Ok(store.anchor()?.to_string()))
}

/// Checks a pasted anchor against the chain; the chain's own links are checked by `verify_audit`.
#[tauri::command]
pub fn check_anchor(state: State<'_, AppState>, anchor: String) -> IpcResult<AnchorCheck> {
    let anchor = Anchor::parse(&anchor, "anchor")?;
    state.with_store(|store| anchor::check(store.conn(), &anchor))
}

#[tauri::command]
pub fn list_audit_events(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> IpcResult<Vec<AuditEvent>> {
    state.with_store(|store| store.audit_events(&filter))
}

/// The UI calls this once after its first paint. With `PANELMARK_STARTUP_LOG=1` the shell
/// prints one JSON line with the time since `main` started, for `tests/e2e/measure.mjs`.
#[tauri::command]
pub fn ui_ready(state: State<'_, AppState>) {
    if std::env::var_os("PANELMARK_STARTUP_LOG").is_some_and(|v| v == "1") {
        let ms = state.started.elapsed().as_secs_f64() * 1000.0;
        println!("{{\"event\":\"ui_ready\",\"since_main_ms\":{ms:.1}}}");
    }
}
