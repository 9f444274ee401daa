//! Interview scoring and the panel's agreed scores.

use panelmark::model::{AgreedScore, Decision, Id, Score, ScoreInput};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn visible_scores(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
) -> IpcResult<Vec<Score>> {
    state.read(|store| store.visible_scores(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn save_score(
    state: State<'_, AppState>,
    campaign_id: Id,
    input: ScoreInput,
) -> IpcResult<Score> {
    state.change(|store| store.save_score(campaign_id, &input))
}

#[tauri::command(async)]
pub fn submit_scores(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
) -> IpcResult<Vec<Score>> {
    state.change(|store| store.submit_scores(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn agreed_scores(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
) -> IpcResult<Vec<AgreedScore>> {
    state.read(|store| store.agreed_scores(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn agree_score(
    state: State<'_, AppState>,
    campaign_id: Id,
    decision: Decision,
) -> IpcResult<AgreedScore> {
    state.change(|store| store.agree_score(campaign_id, &decision))
}
