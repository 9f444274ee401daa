//! Exports into a folder the user chose, with progress and a Cancel (a cancelled export
//! leaves no file in the folder), and opening that folder.

use std::path::Path;

use panelmark::cancel::Progress;
use panelmark::export::{ExportOptions, ExportSummary};
use panelmark::model::CampaignId;
use serde::Deserialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::jobs::{sender, JobProgress, Jobs};
use crate::state::AppState;

/// What the export screen asks for.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ExportRequest {
    /// PDF evidence packs and the campaign summary.
    pub pdf: bool,
    /// results.csv, scores.csv, audit.csv.
    pub csv: bool,
    /// CSV without formula neutralising (for programs).
    pub raw: bool,
    /// Only this candidate's own pack.
    pub candidate: Option<String>,
}

/// Exports as run `job_id` (see `cancel_job`); progress counts PDF documents.
#[tauri::command(async)]
pub fn export_campaign(
    state: State<'_, AppState>,
    jobs: State<'_, Jobs>,
    campaign_id: CampaignId,
    dir: String,
    request: ExportRequest,
    job_id: u32,
    on_progress: Channel<JobProgress>,
) -> IpcResult<ExportSummary> {
    let options = ExportOptions {
        pdf: request.pdf,
        csv: request.csv,
        raw: request.raw,
        candidate: request.candidate,
        // The campaign's own thresholds, the ones its board shows.
        flag_settings: None,
    };
    let job = jobs.start(job_id)?;
    let token = job.token();
    // On a connection of its own: a long export holds up no other command.
    state.with_own_session(move |session| {
        let mut progress = Progress::new(token, sender(on_progress));
        session.export_campaign_with(campaign_id, Path::new(&dir), &options, &mut progress)
    })
}

/// Opens a folder in the system's file manager. Only folders that exist are opened.
#[tauri::command(async)]
pub fn open_folder(path: String) -> IpcResult<()> {
    let dir = Path::new(&path);
    if !dir.is_dir() {
        return Err(panelmark::Error::invalid("folder", format!("{path} is not a folder")).into());
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(dir)
        .spawn()
        .map_err(|e| panelmark::Error::io(dir, e))?;
    Ok(())
}
