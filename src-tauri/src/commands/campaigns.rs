//! Campaigns and their people.

use std::path::Path;

use panelmark::model::{Assessor, AssessorRole, Campaign, Candidate, Id, Panel};
use panelmark::store::NewCandidate;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn list_campaigns(state: State<'_, AppState>) -> IpcResult<Vec<Campaign>> {
    state.with_store(|store| store.campaigns())
}

#[tauri::command]
pub fn get_campaign(state: State<'_, AppState>, id: Id) -> IpcResult<Campaign> {
    state.with_store(|store| store.campaign(id))
}

#[tauri::command]
pub fn create_campaign(
    state: State<'_, AppState>,
    name: String,
    scorecard_id: Id,
) -> IpcResult<Campaign> {
    state.change(|store, actor| {
        let id = store.create_campaign(actor, &name, scorecard_id)?;
        store.campaign(id)
    })
}

#[tauri::command]
pub fn create_demo_campaign(
    state: State<'_, AppState>,
    candidates: usize,
    seed: u64,
) -> IpcResult<Campaign> {
    state.change(|store, actor| {
        let id = panelmark::demo::build(
            store,
            actor,
            &panelmark::demo::DemoOptions { candidates, seed },
        )?;
        store.campaign(id)
    })
}

#[tauri::command]
pub fn start_scoring(state: State<'_, AppState>, id: Id) -> IpcResult<Campaign> {
    state.change(|store, actor| {
        store.start_scoring(actor, id)?;
        store.campaign(id)
    })
}

#[tauri::command]
pub fn start_moderation(state: State<'_, AppState>, id: Id) -> IpcResult<Campaign> {
    state.change(|store, actor| {
        store.start_moderation(actor, id)?;
        store.campaign(id)
    })
}

#[tauri::command]
pub fn return_to_scoring(
    state: State<'_, AppState>,
    id: Id,
    reason: String,
) -> IpcResult<Campaign> {
    state.change(|store, actor| {
        store.return_to_scoring(actor, id, &reason)?;
        store.campaign(id)
    })
}

#[tauri::command]
pub fn set_posts(
    state: State<'_, AppState>,
    id: Id,
    posts: Option<u32>,
    reason: Option<String>,
) -> IpcResult<()> {
    state.change(|store, actor| store.set_posts(actor, id, posts, reason.as_deref()))
}

/// The campaign's number of posts, if set (read through the core's campaign data).
#[tauri::command]
pub fn get_posts(state: State<'_, AppState>, id: Id) -> IpcResult<Option<u32>> {
    state.with_store(|store| Ok(store.campaign_data(id)?.posts))
}

#[tauri::command]
pub fn list_panels(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<Panel>> {
    state.with_store(|store| store.panels(campaign_id))
}

#[tauri::command]
pub fn add_panel(state: State<'_, AppState>, campaign_id: Id, name: String) -> IpcResult<Id> {
    state.change(|store, actor| store.add_panel(actor, campaign_id, &name))
}

#[tauri::command]
pub fn list_assessors(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<Assessor>> {
    state.with_store(|store| store.assessors(campaign_id))
}

#[tauri::command]
pub fn add_assessor(
    state: State<'_, AppState>,
    campaign_id: Id,
    name: String,
    role: AssessorRole,
    panel_id: Option<Id>,
) -> IpcResult<Id> {
    state.change(|store, actor| store.add_assessor(actor, campaign_id, &name, role, panel_id))
}

#[tauri::command]
pub fn list_candidates(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<Candidate>> {
    state.with_store(|store| store.candidates(campaign_id))
}

#[tauri::command]
pub fn add_candidate(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate: NewCandidate,
) -> IpcResult<Id> {
    state.change(|store, actor| store.add_candidate(actor, campaign_id, &candidate))
}

#[tauri::command]
pub fn update_candidate(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
    candidate: NewCandidate,
) -> IpcResult<()> {
    state
        .change(|store, actor| store.update_candidate(actor, campaign_id, candidate_id, &candidate))
}

#[tauri::command]
pub fn import_candidates(
    state: State<'_, AppState>,
    campaign_id: Id,
    path: String,
) -> IpcResult<usize> {
    state.change(|store, actor| store.import_candidates_file(actor, campaign_id, Path::new(&path)))
}
