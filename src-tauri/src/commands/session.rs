//! The IPC commands: each takes the app state, calls the core and maps its error into the
//! one `{ code, message }` shape. No domain logic lives here.

use std::path::Path;

use panelmark::anchor::{Anchor, AnchorCheck};
use panelmark::import::role_file;
use panelmark::model::{AuditEvent, CampaignId, User};
use panelmark::session::Roles;
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
    /// Who is signed in, if anyone.
    pub user: Option<User>,
    /// The login signed in last time, to offer again (never signed in automatically).
    pub last_user: Option<String>,
}

#[tauri::command(async)]
pub fn startup_info(state: State<'_, AppState>) -> StartupInfo {
    StartupInfo {
        database: state.current(),
        database_error: state.startup_error.clone(),
        user: state.user(),
        last_user: state.settings().last_user,
    }
}

#[tauri::command(async)]
pub fn open_database(state: State<'_, AppState>, path: String) -> IpcResult<DatabaseInfo> {
    state.open(Path::new(&path))
}

/// What connecting to a shared database gives: the database and the login the server
/// signed in (there is no one to choose).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Connected {
    /// The server, its URL without any password.
    pub database: DatabaseInfo,
    /// The signed-in user: the server's login.
    pub user: User,
}

/// Connects to the shared database at `url` (`postgres://` or `postgresql://`), with
/// `password` when given (else the URL's, `PGPASSWORD` or `~/.pgpass`), signed in as the login
/// the server authenticates. The password is used for this connection only, never stored.
#[tauri::command(async)]
pub fn connect_shared(
    state: State<'_, AppState>,
    url: String,
    password: Option<String>,
) -> IpcResult<Connected> {
    let database = state.connect(&url, password.as_deref())?;
    let user = state.user().ok_or_else(IpcError::no_user)?;
    Ok(Connected { database, user })
}

/// The changes other desks made on the shared database after `after` (a cursor from the last
/// answer; 0 at first), waiting up to `timeout_ms` (at most 30 s) for one. The board and the
/// panel view call it in a loop and re-read what changed.
#[tauri::command(async)]
pub fn wait_changes(
    state: State<'_, AppState>,
    after: u64,
    timeout_ms: u32,
) -> crate::live::ChangesSince {
    let timeout = std::time::Duration::from_millis(u64::from(timeout_ms.min(30_000)));
    state.wait_changes(after, timeout)
}

/// The shared databases connected to lately, most recent first, without passwords.
#[tauri::command(async)]
pub fn recent_connections(state: State<'_, AppState>) -> Vec<String> {
    state.settings().recent_connections
}

#[tauri::command(async)]
pub fn current_database(state: State<'_, AppState>) -> Option<DatabaseInfo> {
    state.current()
}

#[tauri::command(async)]
pub fn default_database_path() -> IpcResult<String> {
    Ok(panelmark::store::Store::default_path()?
        .display()
        .to_string())
}

#[tauri::command(async)]
pub fn recent_databases(state: State<'_, AppState>) -> Vec<String> {
    state.settings().recent
}

/// The users of the open database, to choose from on Start (before anyone signs in).
#[tauri::command(async)]
pub fn list_users(state: State<'_, AppState>) -> IpcResult<Vec<User>> {
    state.users()
}

/// Signs in as `login`; in a new file (no users yet) this creates the first user, named
/// `name`, as the file's HR administrator.
#[tauri::command(async)]
pub fn sign_in(state: State<'_, AppState>, login: String, name: Option<String>) -> IpcResult<User> {
    state.sign_in(&login, name.as_deref())
}

#[tauri::command(async)]
pub fn current_user(state: State<'_, AppState>) -> Option<User> {
    state.user()
}

/// Adds a user (HR administrators only).
#[tauri::command(async)]
pub fn add_user(
    state: State<'_, AppState>,
    login: String,
    name: String,
    hr_admin: bool,
) -> IpcResult<User> {
    state.change(|session| session.add_user(&login, &name, hr_admin))
}

/// What the signed-in user is in a campaign (HR administrator, member, chair, moderator).
#[tauri::command(async)]
pub fn my_roles(state: State<'_, AppState>, campaign_id: CampaignId) -> IpcResult<Roles> {
    state.read(|session| session.roles(campaign_id))
}

#[tauri::command(async)]
pub fn list_roles(state: State<'_, AppState>) -> IpcResult<Vec<StoredRole>> {
    state.read(|store| store.roles_list())
}

#[tauri::command(async)]
pub fn import_role_file(state: State<'_, AppState>, path: String) -> IpcResult<StoredRole> {
    let path = Path::new(&path);
    let bytes = std::fs::read(path).map_err(|e| panelmark::Error::io(path, e))?;
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    let role = role_file::parse(&name, &bytes).map_err(panelmark::Error::from)?;
    state.change(|store| {
        let id = store.create_role(&role)?;
        store.role(id)
    })
}

#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> IpcResult<Verification> {
    state.read(|store| store.verify())
}

/// The chain's current head as an anchor (`SEQ:HASH key=… sig=…`), to write down elsewhere.
#[tauri::command(async)]
pub fn audit_anchor(state: State<'_, AppState>) -> IpcResult<String> {
    state.read(|session| Ok(session.anchor()?.to_string()))
}

/// Checks a pasted anchor against the chain; the chain's own links are checked by `verify_audit`.
#[tauri::command(async)]
pub fn check_anchor(state: State<'_, AppState>, anchor: String) -> IpcResult<AnchorCheck> {
    let anchor = Anchor::parse(&anchor, "anchor")?;
    state.read(|session| session.check_anchor(&anchor))
}

#[tauri::command(async)]
pub fn list_audit_events(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> IpcResult<Vec<AuditEvent>> {
    state.read(|store| store.audit_events(&filter))
}

/// The UI calls this once after its first paint, with three of the page's own clock readings
/// (milliseconds since the page's navigation began): when its script started running, when
/// the app was mounted, and the paint. With `PANELMARK_STARTUP_LOG=1` the shell prints one JSON line with the time since
/// `main` started and that split, for `tests/e2e/measure.mjs`: the shell and the webview's
/// start until the page loads, the page's HTML and script until its first line runs, mounting,
/// and the first frame.
#[tauri::command(async)]
pub fn ui_ready(
    state: State<'_, AppState>,
    script_ms: Option<f64>,
    mounted_ms: Option<f64>,
    paint_ms: Option<f64>,
) {
    if std::env::var_os("PANELMARK_STARTUP_LOG").is_some_and(|v| v == "1") {
        let ms = state.started.elapsed().as_secs_f64() * 1000.0;
        let [script, mounted, paint] = [script_ms, mounted_ms, paint_ms].map(|t| t.unwrap_or(-1.0));
        println!(
            "{{\"event\":\"ui_ready\",\"since_main_ms\":{ms:.1},\"page_script_ms\":{script:.1},\"page_mounted_ms\":{mounted:.1},\"page_paint_ms\":{paint:.1}}}"
        );
    }
}
