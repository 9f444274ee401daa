//! Interview scoring and the panel's agreed scores.

use std::path::Path;

use panelmark::cancel::{Cancel, Progress};
use panelmark::model::{
    AgreedScore, CampaignId, CandidateId, Decision, OwnProgress, Score, ScoreInput,
};
use panelmark::session::ScoreImport;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::IpcResult;
use crate::jobs::{sender, JobProgress, Jobs};
use crate::state::AppState;

#[tauri::command(async)]
pub fn visible_scores(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> IpcResult<Vec<Score>> {
    state.read(|store| store.visible_scores(campaign_id, candidate_id))
}

/// The signed-in scorer's own scores for every candidate of their panel, in one call (the
/// scoring screen's progress; one `visible_scores` call per candidate was 500 round trips).
#[tauri::command(async)]
pub fn own_panel_scores(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<Vec<Score>> {
    state.read(|store| store.own_panel_scores(campaign_id))
}

/// The signed-in scorer's progress with each candidate of their panel, counted up by the
/// store. The list needs no more, and the whole panel's scores with their evidence (5,000 at
/// 500 candidates) took most of the screen's opening to read, send and parse; a candidate's
/// own scores are read when they are opened (`visible_scores`).
#[tauri::command(async)]
pub fn own_panel_progress(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
) -> IpcResult<Vec<OwnProgress>> {
    state.read(|store| store.own_panel_progress(campaign_id))
}

#[tauri::command(async)]
pub fn save_score(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    input: ScoreInput,
) -> IpcResult<Score> {
    state.change(|store| store.save_score(campaign_id, &input))
}

/// Imports a score sheet as run `job_id` (see `cancel_job`).
#[tauri::command(async)]
pub fn import_scores(
    state: State<'_, AppState>,
    jobs: State<'_, Jobs>,
    campaign_id: CampaignId,
    path: String,
    job_id: u32,
    on_progress: Channel<JobProgress>,
) -> IpcResult<ScoreImport> {
    let job = jobs.start(job_id)?;
    import_score_sheet(
        &state,
        campaign_id,
        Path::new(&path),
        job.token(),
        sender(on_progress),
    )
}

/// Reads the sheet at `path` (an I/O error names the file) and imports it as the signed-in
/// user's draft scores, all rows or none (none when `token` is cancelled). The file is read
/// before the session is locked, so a slow disk does not hold up other changes.
fn import_score_sheet(
    state: &AppState,
    campaign_id: CampaignId,
    path: &Path,
    token: Cancel,
    report: impl FnMut(usize, usize) + Send,
) -> IpcResult<ScoreImport> {
    let (name, bytes) = panelmark::import::read_file(path)?;
    state.change(move |session| {
        let mut progress = Progress::new(token, report);
        session.import_scores_with(campaign_id, &name, &bytes, &mut progress)
    })
}

#[tauri::command(async)]
pub fn submit_scores(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> IpcResult<Vec<Score>> {
    state.change(|store| store.submit_scores(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn agreed_scores(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> IpcResult<Vec<AgreedScore>> {
    state.read(|store| store.agreed_scores(campaign_id, candidate_id))
}

#[tauri::command(async)]
pub fn agree_score(
    state: State<'_, AppState>,
    campaign_id: CampaignId,
    decision: Decision,
) -> IpcResult<AgreedScore> {
    state.change(|store| store.agree_score(campaign_id, &decision))
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use panelmark::model::{AssessorRole, Scale, Scorecard};
    use panelmark::store::NewCandidate;

    use super::*;

    /// A SQLite file with a campaign in scoring: Bo, a member of panel A, scores C-1 and C-2
    /// on "Working Together" (one indicator). Returns the state, signed in as Bo, and the
    /// campaign.
    fn campaign_bo_scores(dir: &Path) -> (AppState, CampaignId) {
        let state = AppState::new(dir.join("settings.json"), Instant::now());
        state.open(&dir.join("panel.db")).unwrap();
        state.sign_in("hr", Some("Harriet (HR)")).unwrap();
        let campaign = state
            .change(|hr| {
                hr.add_user("bo", "Bo Member", false)?;
                let md = "# Analyst\n\n## Behaviours\n* Working Together\n  * Builds trust\n";
                let role = panelmark::import::job_description("analyst.md", md.as_bytes())
                    .map_err(panelmark::Error::from)?
                    .draft
                    .role;
                let role_id = hr.create_role(&role)?;
                let card = Scorecard::from_role("Analyst", &role, Scale::civil_service(), Some(4));
                let card_id = hr.create_scorecard(Some(role_id), &card)?;
                let campaign = hr.create_campaign("Analysts 2026", card_id)?;
                let panel = hr.add_panel(campaign, "Panel A")?;
                hr.add_assessor(campaign, "bo", AssessorRole::Member, Some(panel))?;
                for reference in ["C-1", "C-2"] {
                    let candidate = NewCandidate {
                        reference: reference.into(),
                        name: format!("Candidate {reference}"),
                        panel_id: Some(panel),
                        ..Default::default()
                    };
                    hr.add_candidate(campaign, &candidate)?;
                }
                hr.start_scoring(campaign)?;
                Ok(campaign)
            })
            .unwrap();
        state.sign_in("bo", None).unwrap();
        state
            .change(|bo| bo.confirm_no_conflicts(campaign))
            .unwrap();
        (state, campaign)
    }

    /// Bo's drafts, as (candidate reference, value) pairs.
    fn drafts(state: &AppState, campaign: CampaignId) -> Vec<(String, Option<i32>)> {
        state
            .read(|bo| {
                let mut out = Vec::new();
                for c in bo.candidates(campaign)? {
                    for s in bo.visible_scores(campaign, c.id)? {
                        out.push((c.reference.clone(), s.mark.point()));
                    }
                }
                Ok(out)
            })
            .unwrap()
    }

    #[test]
    fn a_sheet_on_disk_is_imported_whole_or_refused_with_its_lines() {
        let dir = tempfile::tempdir().unwrap();
        let (state, campaign) = campaign_bo_scores(dir.path());
        let header = "assessor,candidate,criterion,value,evidence,indicators\n";

        let refused = dir.path().join("refused.csv");
        std::fs::write(
            &refused,
            format!(
                "{header}bo,C-1,Working Together,5,Led well,s\nbo,C-9,Working Together,4,x,s\n"
            ),
        )
        .unwrap();
        let err =
            import_score_sheet(&state, campaign, &refused, Cancel::new(), |_, _| {}).unwrap_err();
        assert_eq!(err.code, "import");
        assert_eq!(
            err.message,
            "refused.csv: 1 row(s) rejected, nothing imported:\n\
             line 3: candidate: 'C-9' is not a candidate of your panel in this campaign"
        );
        assert_eq!(drafts(&state, campaign), [], "a refused sheet saves no row");

        let accepted = dir.path().join("accepted.csv");
        std::fs::write(
            &accepted,
            format!("{header}bo,C-1,Working Together,5,Led well,s\nbo,C-2,Working Together,NA,,\n"),
        )
        .unwrap();
        let imported =
            import_score_sheet(&state, campaign, &accepted, Cancel::new(), |_, _| {}).unwrap();
        assert_eq!(
            imported,
            ScoreImport {
                scores: 2,
                candidates: 2
            }
        );
        assert_eq!(
            drafts(&state, campaign),
            [("C-1".to_owned(), Some(5)), ("C-2".to_owned(), None)]
        );
    }

    #[test]
    fn the_panels_progress_counts_each_candidates_marks_and_submission() {
        let dir = tempfile::tempdir().unwrap();
        let (state, campaign) = campaign_bo_scores(dir.path());
        let sheet = dir.path().join("sheet.csv");
        std::fs::write(
            &sheet,
            "assessor,candidate,criterion,value,evidence,indicators\n\
             bo,C-1,Working Together,5,Led well,s\n",
        )
        .unwrap();
        import_score_sheet(&state, campaign, &sheet, Cancel::new(), |_, _| {}).unwrap();
        let (c1, c2, bo_id, key) = state
            .read(|bo| {
                let c = bo.candidates(campaign)?;
                let me = bo.roles(campaign)?.records[0].id;
                let key = bo.campaign(campaign)?.assessed.criteria[0].key.clone();
                Ok((c[0].id, c[1].id, me, key))
            })
            .unwrap();
        // C-2: notes taken, no mark yet.
        let notes = ScoreInput {
            candidate_id: c2,
            assessor_id: bo_id,
            criterion_key: key,
            evidence: "Notes so far".into(),
            ..Default::default()
        };
        state.change(|bo| bo.save_score(campaign, &notes)).unwrap();
        state.change(|bo| bo.submit_scores(campaign, c1)).unwrap();

        let progress = |candidate_id, marked, submitted| OwnProgress {
            candidate_id,
            assessor_id: bo_id,
            marked,
            submitted,
        };
        assert_eq!(
            state.read(|bo| bo.own_panel_progress(campaign)).unwrap(),
            [progress(c1, 1, true), progress(c2, 0, false)],
            "C-1 marked and submitted; C-2 a draft with notes and no mark yet"
        );
    }

    #[test]
    fn a_sheet_that_cannot_be_read_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let (state, campaign) = campaign_bo_scores(dir.path());
        let err = import_score_sheet(
            &state,
            campaign,
            &dir.path().join("missing.csv"),
            Cancel::new(),
            |_, _| {},
        )
        .unwrap_err();
        assert_eq!(err.code, "io");
        assert!(err.message.contains("missing.csv"), "{}", err.message);
    }
}
