//! Personal data: erasing a candidate on request, and each campaign's retention period and
//! purge. HR administrators only; the session refuses anyone else, naming who may.

use panelmark::model::{CampaignId, CandidateId};
use panelmark::store::retention::RetentionStatus;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Erases one candidate's personal data and the evidence about them (the scores stay,
/// anonymised). The reason is kept in the audit log in clear.
#[tauri::command(async)]
pub fn erase_candidate(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    reason: String,
) -> IpcResult<()> {
    state.change(|session| session.erase_candidate(campaign_id, candidate_id, &reason))
}

/// Every campaign's retention period and where it stands, oldest due first.
#[tauri::command(async)]
pub fn list_retention(state: State<'_, AppState>) -> IpcResult<Vec<RetentionStatus>> {
    state.read(|session| session.retention())
}

/// Changes how long a campaign keeps personal data; returns where it now stands.
#[tauri::command(async)]
pub fn set_retention(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    months: i64,
    reason: String,
) -> IpcResult<RetentionStatus> {
    state.change(|session| {
        session.set_retention(campaign_id, months, &reason)?;
        session.campaign_retention(campaign_id)
    })
}

/// Erases every candidate's personal data in a campaign past its retention period; returns
/// how many candidates were erased.
#[tauri::command(async)]
pub fn purge_campaign(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    reason: String,
) -> IpcResult<usize> {
    state.change(|session| session.purge_campaign(campaign_id, &reason))
}
