//! Interview scoring and the panel's agreed scores.

use panelmark::model::{AgreedScore, Decision, Id, Score, ScoreInput};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn visible_scores(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
    viewer_id: Id,
) -> IpcResult<Vec<Score>> {
    state.with_store(|store| store.visible_scores(campaign_id, candidate_id, viewer_id))
}

#[tauri::command]
pub fn save_score(
    state: State<'_, AppState>,
    campaign_id: Id,
    input: ScoreInput,
) -> IpcResult<Score> {
    state.change(|store, actor| store.save_score(actor, campaign_id, &input))
}

#[tauri::command]
pub fn submit_scores(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
    assessor_id: Id,
) -> IpcResult<Vec<Score>> {
    state.change(|store, actor| store.submit_scores(actor, campaign_id, candidate_id, assessor_id))
}

#[tauri::command]
pub fn agreed_scores(state: State<'_, AppState>, candidate_id: Id) -> IpcResult<Vec<AgreedScore>> {
    state.with_store(|store| store.agreed_scores(candidate_id))
}

#[tauri::command]
pub fn agree_score(
    state: State<'_, AppState>,
    campaign_id: Id,
    decision: Decision,
) -> IpcResult<AgreedScore> {
    state.change(|store, actor| store.agree_score(actor, campaign_id, &decision))
}
