//! Exports into a folder the user chose, with progress, and opening that folder.

use std::path::Path;

use panelmark::export::{ExportOptions, ExportSummary};
use panelmark::model::Id;
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
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

/// Progress of a running export.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportProgress {
    /// Documents written so far.
    pub done: usize,
    /// Documents in all.
    pub total: usize,
}

#[tauri::command(async)]
pub fn export_campaign(
    state: State<'_, AppState>,
    campaign_id: Id,
    dir: String,
    request: ExportRequest,
    on_progress: Channel<ExportProgress>,
) -> IpcResult<ExportSummary> {
    let options = ExportOptions {
        pdf: request.pdf,
        csv: request.csv,
        raw: request.raw,
        candidate: request.candidate,
        // The campaign's own thresholds, the ones its board shows.
        flag_settings: None,
    };
    // On a connection of its own: a long export holds up no other command.
    state.with_own_session(|session| {
        session.export_campaign(campaign_id, Path::new(&dir), &options, |done, total| {
            // A closed channel (the window went away) must not stop the export.
            let _ = on_progress.send(ExportProgress { done, total });
        })
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
