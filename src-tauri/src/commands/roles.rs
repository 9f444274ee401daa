//! Roles, job-description import and scorecards.

use std::path::Path;

use panelmark::import::{self, JobDescriptionImport};
use panelmark::model::{Role, RoleId, Scale, Scorecard, ScorecardId};
use panelmark::store::{StoredRole, StoredScorecard};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn import_job_description(path: String) -> IpcResult<JobDescriptionImport> {
    Ok(import::job_description_file(Path::new(&path))?)
}

/// A job description dropped on the window: the UI read the file and sends its name and
/// bytes; the core imports them exactly as it does a file read from a path.
#[tauri::command(async)]
pub fn import_job_description_bytes(
    file_name: String,
    bytes: Vec<u8>,
) -> IpcResult<JobDescriptionImport> {
    Ok(import::job_description(&file_name, &bytes).map_err(panelmark::Error::from)?)
}

#[tauri::command(async)]
pub fn save_role(state: State<'_, AppState>, role: Role) -> IpcResult<StoredRole> {
    state.change(|store| {
        let id = store.create_role(&role)?;
        store.role(id)
    })
}

#[tauri::command(async)]
pub fn update_role(state: State<'_, AppState>, id: RoleId, role: Role) -> IpcResult<StoredRole> {
    state.change(|store| {
        store.update_role(id, &role)?;
        store.role(id)
    })
}

#[tauri::command(async)]
pub fn get_role(state: State<'_, AppState>, id: RoleId) -> IpcResult<StoredRole> {
    state.read(|store| store.role(id))
}

#[tauri::command(async)]
pub fn export_role_file(state: State<'_, AppState>, id: RoleId, path: String) -> IpcResult<()> {
    state.read(|store| {
        let text = import::role_file::to_string(&store.role(id)?.role);
        std::fs::write(&path, text).map_err(|e| panelmark::Error::io(&path, e))
    })
}

#[tauri::command(async)]
pub fn civil_service_scale() -> Scale {
    Scale::civil_service()
}

#[tauri::command(async)]
pub fn draft_scorecard(
    state: State<'_, AppState>,
    role_id: RoleId,
    title: String,
) -> IpcResult<Scorecard> {
    state.read(|store| {
        let role = store.role(role_id)?.role;
        Ok(Scorecard::from_role(
            &title,
            &role,
            Scale::civil_service(),
            Some(4),
        ))
    })
}

#[tauri::command(async)]
pub fn list_scorecards(state: State<'_, AppState>) -> IpcResult<Vec<StoredScorecard>> {
    state.read(|store| store.scorecards())
}

#[tauri::command(async)]
pub fn create_scorecard(
    state: State<'_, AppState>,
    role_id: Option<RoleId>,
    scorecard: Scorecard,
) -> IpcResult<StoredScorecard> {
    state.change(|store| {
        let id = store.create_scorecard(role_id, &scorecard)?;
        store.scorecard(id)
    })
}

#[tauri::command(async)]
pub fn update_scorecard(
    state: State<'_, AppState>,
    id: ScorecardId,
    scorecard: Scorecard,
) -> IpcResult<StoredScorecard> {
    state.change(|store| {
        store.update_scorecard(id, &scorecard)?;
        store.scorecard(id)
    })
}
