//! Moderation board, moderation, sign-off, results and statistics.

use panelmark::model::{Decision, Id, Moderation};
use panelmark::scoring::board::PackedBoard;
use panelmark::scoring::flags::FlagSettings;
use panelmark::scoring::report::CampaignStats;
use panelmark::scoring::results::CandidateResult;
use panelmark::store::SignOff;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command]
pub fn board(
    state: State<'_, AppState>,
    campaign_id: Id,
    settings: FlagSettings,
) -> IpcResult<PackedBoard> {
    state.with_store(|store| store.packed_board(campaign_id, &settings))
}

/// The default flag thresholds, so the board starts from the same [`FlagSettings::DEFAULT`]
/// as the command line and the exports.
#[tauri::command]
pub fn flag_settings() -> FlagSettings {
    FlagSettings::DEFAULT
}

#[tauri::command]
pub fn moderate_score(
    state: State<'_, AppState>,
    campaign_id: Id,
    decision: Decision,
) -> IpcResult<Moderation> {
    state.change(|store, actor| store.moderate_score(actor, campaign_id, &decision))
}

#[tauri::command]
pub fn moderations(state: State<'_, AppState>, candidate_id: Id) -> IpcResult<Vec<Moderation>> {
    state.with_store(|store| store.moderations(candidate_id))
}

#[tauri::command]
pub fn sign_off(state: State<'_, AppState>, campaign_id: Id, moderator_id: Id) -> IpcResult<()> {
    state.change(|store, actor| store.sign_off(actor, campaign_id, moderator_id))
}

#[tauri::command]
pub fn reopen(
    state: State<'_, AppState>,
    campaign_id: Id,
    moderator_id: Id,
    reason: String,
) -> IpcResult<()> {
    state.change(|store, actor| store.reopen(actor, campaign_id, moderator_id, &reason))
}

#[tauri::command]
pub fn signoffs(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<SignOff>> {
    state.with_store(|store| store.signoffs(campaign_id))
}

#[tauri::command]
pub fn order_tie(
    state: State<'_, AppState>,
    campaign_id: Id,
    moderator_id: Id,
    ordered: Vec<Id>,
    reason: String,
) -> IpcResult<()> {
    state
        .change(|store, actor| store.order_tie(actor, campaign_id, moderator_id, &ordered, &reason))
}

#[tauri::command]
pub fn results(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<CandidateResult>> {
    state.with_store(|store| store.results(campaign_id))
}

#[tauri::command]
pub fn stats(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<CampaignStats> {
    state.with_store(|store| store.stats(campaign_id))
}
