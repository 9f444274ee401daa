//! Cancelling a long command (see `crate::jobs`).

use tauri::State;

use crate::error::IpcResult;
use crate::jobs::Jobs;

/// Asks the run `job_id` (an export, an import, the demo) to stop at its next step; false
/// when it is no longer running. The run's own command then fails with code `cancelled`,
/// saying what was left.
#[tauri::command(async)]
pub fn cancel_job(jobs: State<'_, Jobs>, job_id: u32) -> IpcResult<bool> {
    Ok(jobs.cancel(job_id))
}
