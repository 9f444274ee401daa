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

#[tauri::command(async)]
pub fn board(
    state: State<'_, AppState>,
    campaign_id: Id,
    settings: FlagSettings,
) -> IpcResult<PackedBoard> {
    state.read(|store| store.packed_board(campaign_id, &settings))
}

/// The campaign's flag thresholds, the same the command line and the exports use.
#[tauri::command(async)]
pub fn flag_settings(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<FlagSettings> {
    state.read(|store| store.flag_settings(campaign_id))
}

/// Keeps new flag thresholds as the campaign's own (audited), so the exports flag alike.
#[tauri::command(async)]
pub fn set_flag_settings(
    state: State<'_, AppState>,
    campaign_id: Id,
    settings: FlagSettings,
) -> IpcResult<()> {
    state.change(|store| store.set_flag_settings(campaign_id, &settings))
}

#[tauri::command(async)]
pub fn moderate_score(
    state: State<'_, AppState>,
    campaign_id: Id,
    decision: Decision,
) -> IpcResult<Moderation> {
    state.change(|store| store.moderate_score(campaign_id, &decision))
}

#[tauri::command(async)]
pub fn moderations(
    state: State<'_, AppState>,
    campaign_id: Id,
    candidate_id: Id,
) -> IpcResult<Vec<Moderation>> {
    state.read(|store| store.moderations(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn sign_off(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<()> {
    state.change(|store| store.sign_off(campaign_id))
}

#[tauri::command(async)]
pub fn reopen(state: State<'_, AppState>, campaign_id: Id, reason: String) -> IpcResult<()> {
    state.change(|store| store.reopen(campaign_id, &reason))
}

#[tauri::command(async)]
pub fn signoffs(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<SignOff>> {
    state.read(|store| store.signoffs(campaign_id))
}

#[tauri::command(async)]
pub fn order_tie(
    state: State<'_, AppState>,
    campaign_id: Id,
    ordered: Vec<Id>,
    reason: String,
) -> IpcResult<()> {
    state.change(|store| store.order_tie(campaign_id, &ordered, &reason))
}

#[tauri::command(async)]
pub fn results(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<Vec<CandidateResult>> {
    state.read(|store| store.results(campaign_id))
}

#[tauri::command(async)]
pub fn stats(state: State<'_, AppState>, campaign_id: Id) -> IpcResult<CampaignStats> {
    state.read(|store| store.stats(campaign_id))
}
