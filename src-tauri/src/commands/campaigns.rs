//! Campaigns and their people.

use std::path::Path;

use panelmark::cancel::Progress;
use panelmark::model::{
    Assessor, AssessorId, AssessorRole, Campaign, CampaignId, Candidate, CandidateId, Panel,
    PanelId, ScorecardId,
};
use panelmark::store::NewCandidate;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::IpcResult;
use crate::jobs::{sender, JobProgress, Jobs};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_campaigns(state: State<'_, AppState>) -> IpcResult<Vec<Campaign>> {
    state.read(|store| store.campaigns())
}

#[tauri::command(async)]
pub fn get_campaign(state: State<'_, AppState>, id: CampaignId) -> IpcResult<Campaign> {
    state.read(|store| store.campaign(id))
}

#[tauri::command(async)]
pub fn create_campaign(
    state: State<'_, AppState>,
    name: String,
    scorecard_id: ScorecardId,
) -> IpcResult<Campaign> {
    state.change(|store| {
        let id = store.create_campaign(&name, scorecard_id)?;
        store.campaign(id)
    })
}

/// Builds a demo campaign with `exercises` exercises (1: an interview; 2: also a technical
/// test, each with its own seats on every panel) as run `job_id` (see `cancel_job`); progress
/// counts candidates added, then scored.
#[tauri::command(async)]
pub fn create_demo_campaign(
    state: State<'_, AppState>,
    jobs: State<'_, Jobs>,
    candidates: usize,
    seed: u64,
    exercises: usize,
    job_id: u32,
    on_progress: Channel<JobProgress>,
) -> IpcResult<Campaign> {
    let job = jobs.start(job_id)?;
    let token = job.token();
    state.change(move |session| {
        let mut progress = Progress::new(token, sender(on_progress));
        let id = session.demo_with(
            &panelmark::demo::DemoOptions { candidates, seed },
            exercises,
            &mut progress,
        )?;
        session.campaign(id)
    })
}

#[tauri::command(async)]
pub fn start_scoring(state: State<'_, AppState>, id: CampaignId) -> IpcResult<Campaign> {
    state.change(|store| {
        store.start_scoring(id)?;
        store.campaign(id)
    })
}

#[tauri::command(async)]
pub fn start_moderation(state: State<'_, AppState>, id: CampaignId) -> IpcResult<Campaign> {
    state.change(|store| {
        store.start_moderation(id)?;
        store.campaign(id)
    })
}

#[tauri::command(async)]
pub fn return_to_scoring(
    state: State<'_, AppState>,
    id: CampaignId,
    reason: String,
) -> IpcResult<Campaign> {
    state.change(|store| {
        store.return_to_scoring(id, &reason)?;
        store.campaign(id)
    })
}

#[tauri::command(async)]
pub fn set_posts(
    state: State<'_, AppState>,
    id: CampaignId,
    posts: Option<u32>,
    reason: Option<String>,
) -> IpcResult<()> {
    state.change(|session| session.set_posts(id, posts, reason.as_deref()))
}

/// The campaign's number of posts, if set.
#[tauri::command(async)]
pub fn get_posts(state: State<'_, AppState>, id: CampaignId) -> IpcResult<Option<u32>> {
    state.read(|store| store.posts(id))
}

#[tauri::command(async)]
pub fn list_panels(state: State<'_, AppState>, campaign_id: CampaignId) -> IpcResult<Vec<Panel>> {
    state.read(|store| store.panels(campaign_id))
}

#[tauri::command(async)]
pub fn add_panel(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    name: String,
) -> IpcResult<PanelId> {
    state.change(|store| store.add_panel(campaign_id, &name))
}

#[tauri::command(async)]
pub fn list_assessors(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<Vec<Assessor>> {
    state.read(|store| store.assessors(campaign_id))
}

#[tauri::command(async)]
pub fn add_assessor(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    login: String,
    name: String,
    role: AssessorRole,
    panel_id: Option<PanelId>,
) -> IpcResult<AssessorId> {
    state.change(|store| store.add_person(campaign_id, &login, &name, role, panel_id))
}

/// Limits a member or chair to one exercise (`None`: every exercise); HR administrators
/// only, refused once the assessor has scored.
#[tauri::command(async)]
pub fn set_assessor_exercise(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    assessor_id: AssessorId,
    exercise: Option<String>,
) -> IpcResult<()> {
    state.change(|store| store.set_assessor_exercise(campaign_id, assessor_id, exercise.as_deref()))
}

#[tauri::command(async)]
pub fn list_candidates(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<Vec<Candidate>> {
    state.read(|store| store.candidates(campaign_id))
}

#[tauri::command(async)]
pub fn add_candidate(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate: NewCandidate,
) -> IpcResult<CandidateId> {
    state.change(|store| store.add_candidate(campaign_id, &candidate))
}

#[tauri::command(async)]
pub fn update_candidate(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    candidate: NewCandidate,
) -> IpcResult<()> {
    state.change(|store| store.update_candidate(campaign_id, candidate_id, &candidate))
}

#[tauri::command(async)]
pub fn place_candidate(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
    exercise: String,
    panel_id: Option<PanelId>,
) -> IpcResult<()> {
    state.change(|store| store.place_candidate(campaign_id, candidate_id, &exercise, panel_id))
}

/// Imports a candidate file as run `job_id` (see `cancel_job`): all rows, or none when a
/// row is bad or the run is cancelled.
#[tauri::command(async)]
pub fn import_candidates(
    state: State<'_, AppState>,
    jobs: State<'_, Jobs>,
    campaign_id: CampaignId,
    path: String,
    job_id: u32,
    on_progress: Channel<JobProgress>,
) -> IpcResult<usize> {
    let job = jobs.start(job_id)?;
    let token = job.token();
    state.change(move |store| {
        let mut progress = Progress::new(token, sender(on_progress));
        store.import_candidates_file(campaign_id, Path::new(&path), &mut progress)
    })
}
