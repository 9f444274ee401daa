//! Withdrawals, conflicts of interest and reasonable adjustments.

use panelmark::model::{CampaignId, CandidateId};
use panelmark::store::ConflictDeclaration;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn withdraw_candidate(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    reason: String,
) -> IpcResult<()> {
    state.change(|session| session.withdraw_candidate(campaign_id, candidate_id, &reason))
}

#[tauri::command(async)]
pub fn declare_conflict(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    reason: String,
) -> IpcResult<ConflictDeclaration> {
    state.change(|session| session.declare_conflict(campaign_id, candidate_id, &reason))
}

#[tauri::command(async)]
pub fn confirm_no_conflicts(state: State<'_, AppState>, campaign_id: CampaignId) -> IpcResult<()> {
    state.change(|session| session.confirm_no_conflicts(campaign_id))
}

#[tauri::command(async)]
pub fn list_conflicts(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<Vec<ConflictDeclaration>> {
    state.read(|session| session.conflicts(campaign_id))
}

#[tauri::command(async)]
pub fn set_adjustments(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    note: String,
) -> IpcResult<()> {
    state.change(|session| session.set_adjustments(campaign_id, candidate_id, &note))
}

#[tauri::command(async)]
pub fn get_adjustments(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> IpcResult<Option<String>> {
    state.read(|session| session.adjustments(campaign_id, candidate_id))
}
