//! Moderation board, moderation, sign-off, results and statistics.

use panelmark::model::{CampaignId, CandidateId, Decision, Moderation};
use panelmark::scoring::board_window::{BoardFilter, BoardSummary, BoardWindow, CandidateFlags};
use panelmark::scoring::flags::FlagSettings;
use panelmark::scoring::report::CampaignStats;
use panelmark::scoring::results::CandidateResult;
use panelmark::scoring::results_window::{
    ResultDetails, ResultsList, ResultsSummary, ResultsWindow,
};
use panelmark::store::SignOff;
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;
use crate::view_cache::{BoardCache, ResultsCache};

/// The moderation board's summary (counts, options, panel flags, ties) and its first
/// `limit` rows that pass `filter`: what opening the board needs, not the whole board.
#[tauri::command(async)]
pub fn board_summary(
    state: State<'_, AppState>,
    cache: State<'_, BoardCache>,
    campaign_id: CampaignId,
    settings: FlagSettings,
    filter: BoardFilter,
    limit: u32,
) -> IpcResult<BoardSummary> {
    let view = cache.view(&state, campaign_id, &settings)?;
    Ok(view.summary(&filter, limit)?)
}

/// Computes the moderation board (with the campaign's own thresholds) and the Results
/// screen's results, and keeps them, before either screen asks: called, not awaited, when a
/// moderator picks a campaign. At 2,000 candidates each takes the core 50-200 ms, which was
/// most of opening those screens the first time; a screen opened meanwhile waits for the
/// view under way instead of computing it again (see `ViewCache`), and its other reads go on.
/// Nothing for anyone who is not the campaign's moderator.
#[tauri::command(async)]
pub fn prepare_views(
    state: State<'_, AppState>,
    board: State<'_, BoardCache>,
    results: State<'_, ResultsCache>,
    campaign_id: CampaignId,
) -> IpcResult<()> {
    let moderates = state.read(|session| Ok(session.roles(campaign_id)?.moderator().is_some()))?;
    if !moderates {
        return Ok(());
    }
    let settings = state.read(|session| session.flag_settings(campaign_id))?;
    crate::view_cache::prepare(&state, (&board, &results), campaign_id, &settings)
}

/// Rows `[offset, offset + limit)` of those that pass `filter`, in merit order, as of now
/// (a write since the last request shows).
#[tauri::command(async)]
pub fn board_rows(
    state: State<'_, AppState>,
    cache: State<'_, BoardCache>,
    campaign_id: CampaignId,
    settings: FlagSettings,
    filter: BoardFilter,
    offset: u32,
    limit: u32,
) -> IpcResult<BoardWindow> {
    let view = cache.view(&state, campaign_id, &settings)?;
    Ok(view.window(&filter, offset, limit)?)
}

/// The flags of the given candidates with their reasons (the rows carry the flags without).
#[tauri::command(async)]
pub fn board_flags(
    state: State<'_, AppState>,
    cache: State<'_, BoardCache>,
    campaign_id: CampaignId,
    settings: FlagSettings,
    candidate_ids: Vec<CandidateId>,
) -> IpcResult<Vec<CandidateFlags>> {
    let view = cache.view(&state, campaign_id, &settings)?;
    Ok(view.flags_of(&candidate_ids)?)
}

/// The campaign's flag thresholds, the same the command line and the exports use.
#[tauri::command(async)]
pub fn flag_settings(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<FlagSettings> {
    state.read(|store| store.flag_settings(campaign_id))
}

/// Keeps new flag thresholds as the campaign's own (audited), so the exports flag alike.
#[tauri::command(async)]
pub fn set_flag_settings(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    settings: FlagSettings,
) -> IpcResult<()> {
    state.change(|store| store.set_flag_settings(campaign_id, &settings))
}

#[tauri::command(async)]
pub fn moderate_score(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    decision: Decision,
) -> IpcResult<Moderation> {
    state.change(|store| store.moderate_score(campaign_id, &decision))
}

#[tauri::command(async)]
pub fn moderations(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> IpcResult<Vec<Moderation>> {
    state.read(|store| store.moderations(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn sign_off(state: State<'_, AppState>, campaign_id: CampaignId) -> IpcResult<()> {
    state.change(|store| store.sign_off(campaign_id))
}

#[tauri::command(async)]
pub fn reopen(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    reason: String,
) -> IpcResult<()> {
    state.change(|store| store.reopen(campaign_id, &reason))
}

#[tauri::command(async)]
pub fn signoffs(state: State<'_, AppState>, campaign_id: CampaignId) -> IpcResult<Vec<SignOff>> {
    state.read(|store| store.signoffs(campaign_id))
}

#[tauri::command(async)]
pub fn order_tie(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    ordered: Vec<CandidateId>,
    reason: String,
) -> IpcResult<()> {
    state.change(|store| store.order_tie(campaign_id, &ordered, &reason))
}

/// The Results screen's summary (counts, posts in effect, ties) and the first `limit` rows of
/// each list: what opening the screen needs, not every result.
#[tauri::command(async)]
pub fn results_summary(
    state: State<'_, AppState>,
    cache: State<'_, ResultsCache>,
    campaign_id: CampaignId,
    limit: u32,
) -> IpcResult<ResultsSummary> {
    let view = cache.view(&state, campaign_id)?;
    Ok(view.summary(limit)?)
}

/// Rows `[offset, offset + limit)` of one of the Results screen's lists, in merit order, as of
/// now (a write since the last request shows).
#[tauri::command(async)]
pub fn results_rows(
    state: State<'_, AppState>,
    cache: State<'_, ResultsCache>,
    campaign_id: CampaignId,
    list: ResultsList,
    offset: u32,
    limit: u32,
) -> IpcResult<ResultsWindow> {
    let view = cache.view(&state, campaign_id)?;
    Ok(view.window(list, offset, limit)?)
}

/// The given candidates' scores per criterion and combined (the rows carry neither).
#[tauri::command(async)]
pub fn result_details(
    state: State<'_, AppState>,
    cache: State<'_, ResultsCache>,
    campaign_id: CampaignId,
    candidate_ids: Vec<CandidateId>,
) -> IpcResult<Vec<ResultDetails>> {
    let view = cache.view(&state, campaign_id)?;
    Ok(view.details_of(&candidate_ids)?)
}

/// The statistics, from the results kept for the screen (computed with them).
#[tauri::command(async)]
pub fn results_stats(
    state: State<'_, AppState>,
    cache: State<'_, ResultsCache>,
    campaign_id: CampaignId,
) -> IpcResult<CampaignStats> {
    let view = cache.view(&state, campaign_id)?;
    Ok(view.stats().clone())
}

#[tauri::command(async)]
pub fn results(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<Vec<CandidateResult>> {
    state.read(|store| store.results(campaign_id))
}

#[tauri::command(async)]
pub fn stats(state: State<'_, AppState>, campaign_id: CampaignId) -> IpcResult<CampaignStats> {
    state.read(|store| store.stats(campaign_id))
}

#[cfg(test)]
mod tests {
    use panelmark::scoring::flags::FlagKind;

    /// The core filters "needs attention" by its severity of each kind; the board's badges and
    /// the filter's labels use the UI's table. They must rank alike.
    #[test]
    fn the_ui_ranks_each_flag_kind_as_the_core_does() {
        let table = include_str!("../../../ui/src/screens/moderation/severity.ts");
        for kind in FlagKind::ALL {
            let severity = serde_json::to_value(kind.severity()).unwrap();
            let line = format!("  {}: '{}',", kind.as_str(), severity.as_str().unwrap());
            assert!(
                table.lines().any(|l| l == line),
                "severity.ts should say `{line}`"
            );
        }
    }
}
