//! Importing a score sheet (CSV) as the signed-in assessor.
//!
//! Who may import: each member or chair imports their own scores, signed in as themself.
//! The sheet's `assessor` column must name them on every row. An HR administrator cannot
//! import on an assessor's behalf: HR never sees individual scores (README, "Who may do
//! what"), and a score saved in someone else's name would make the audit log say the
//! assessor scored when they did not. Paper sheets are typed up by, or handed back to, the
//! assessor who wrote them.
//!
//! The rows are checked against the campaign before anything is written, and every bad row
//! is reported with its line and field; then all rows are saved as drafts in one transaction
//! (the same save the app uses), or none. Submitting stays a separate, deliberate step
//! (`Session::submit_scores`).

use std::collections::HashMap;

use super::Session;
use crate::cancel::Progress;
use crate::import::{scores as score_csv, ImportError, RowError};
use crate::model::{AssessorId, CampaignId, Candidate, CandidateId, ScoreInput};
use crate::Result;

/// How many draft scores an import saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ScoreImport {
    /// Scores saved (as drafts).
    pub scores: usize,
    /// Distinct candidates they are for.
    pub candidates: usize,
}

impl Session {
    /// Imports a score sheet of the user's own scores as drafts, all rows or none (see the
    /// module docs for who may import and [`crate::import::scores`] for the format).
    pub fn import_scores(
        &mut self,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
    ) -> Result<ScoreImport> {
        self.import_scores_with(campaign_id, file, bytes, &mut Progress::none())
    }

    /// [`Session::import_scores`] reporting each score saved to `progress`, which may cancel:
    /// a cancelled import saves nothing.
    pub fn import_scores_with(
        &mut self,
        campaign_id: CampaignId,
        file: &str,
        bytes: &[u8],
        progress: &mut Progress<'_>,
    ) -> Result<ScoreImport> {
        let score_csv::Sheet { rows, mut problems } = score_csv::read(file, bytes)?;
        let roles = self.roles(campaign_id)?;
        if !roles.scores() {
            return Err(self.refuse(
                "a member or chair of this campaign, for their own scores,",
                "import a score sheet",
            ));
        }
        let campaign = self.store.campaign(campaign_id)?;
        let scorecard = &campaign.assessed;
        let candidates: HashMap<String, Candidate> = self
            .store
            .candidates(campaign_id)?
            .into_iter()
            .map(|c| (c.reference.to_lowercase(), c))
            .collect();
        let login = self.user.login.clone();
        let criteria_list = scorecard
            .criteria
            .iter()
            .map(|c| format!("{} {}", c.key, c.criterion.name))
            .collect::<Vec<_>>()
            .join(", ");

        let mut inputs = Vec::with_capacity(rows.len());
        let mut first_seen: HashMap<(CandidateId, AssessorId, String), u64> = HashMap::new();
        let mut submitted: HashMap<(CandidateId, AssessorId), bool> = HashMap::new();
        for row in &rows {
            let mut row_problems = Vec::new();
            let is_me = row.assessor.eq_ignore_ascii_case(&login);
            if !is_me {
                row_problems.push(format!(
                    "assessor: '{}' is not you ({login}); each assessor imports their own scores",
                    row.assessor
                ));
            }
            // The same answer for a reference that does not exist and one on another panel,
            // so an import does not tell a member who else is interviewed.
            let candidate = candidates
                .get(&row.candidate.to_lowercase())
                .filter(|c| roles.scorer_of(c).is_some());
            let scorer = candidate.and_then(|c| roles.scorer_of(c));
            if candidate.is_none() {
                row_problems.push(format!(
                    "candidate: '{}' is not a candidate of your panel in this campaign",
                    row.candidate
                ));
            }
            let criterion = scorecard.criterion_named(&row.criterion);
            match criterion {
                None => row_problems.push(format!(
                    "criterion: '{}' is not a criterion of the scorecard ({criteria_list})",
                    row.criterion
                )),
                Some(c) => {
                    let count = c.criterion.indicators.len();
                    if !row.indicators.is_empty() && row.indicators.len() != count {
                        row_problems.push(format!(
                            "indicators: {} marks, but '{}' has {count} indicators",
                            row.indicators.len(),
                            c.criterion.name
                        ));
                    }
                }
            }
            if let Some(v) = row.mark.point() {
                if scorecard.scale.point(v).is_none() {
                    row_problems.push(format!(
                        "value: {v} is not a point of the scale '{}' ({}–{})",
                        scorecard.scale.name,
                        scorecard.scale.min(),
                        scorecard.scale.max()
                    ));
                }
            }
            if row.evidence.chars().count() > crate::store::MAX_EVIDENCE_CHARS {
                row_problems.push(format!(
                    "evidence: is longer than {} characters",
                    crate::store::MAX_EVIDENCE_CHARS
                ));
            }
            // Submitted and duplicate rows only for the user's own rows (others are refused above).
            if let (Some(candidate), Some(scorer), true) = (candidate, scorer, is_me) {
                let key = (candidate.id, scorer.id);
                let done = match submitted.get(&key) {
                    Some(done) => *done,
                    None => {
                        let done = self.store.has_submitted(candidate.id, scorer.id)?;
                        submitted.insert(key, done);
                        done
                    }
                };
                if done {
                    row_problems.push(format!(
                        "candidate: you have submitted your scores for {}; they are final",
                        candidate.reference
                    ));
                }
                if let Some(c) = criterion {
                    let seen = (candidate.id, scorer.id, c.key.clone());
                    match first_seen.get(&seen) {
                        Some(first) => row_problems.push(format!(
                            "criterion: {} on '{}' is scored already on line {first}",
                            candidate.reference, c.criterion.name
                        )),
                        None => {
                            first_seen.insert(seen, row.line);
                        }
                    }
                }
            }
            match (candidate, scorer, criterion) {
                (Some(candidate), Some(scorer), Some(c)) if row_problems.is_empty() => {
                    inputs.push(ScoreInput {
                        candidate_id: candidate.id,
                        assessor_id: scorer.id,
                        criterion_key: c.key.clone(),
                        mark: row.mark.into(),
                        evidence: row.evidence.clone(),
                        indicators: row.indicators.clone(),
                    })
                }
                _ => problems.push(RowError {
                    line: row.line,
                    message: row_problems.join("; "),
                }),
            }
        }
        if !problems.is_empty() {
            return Err(ImportError::rejected_rows(file, problems).into());
        }
        let scores = self
            .save_scores_with(campaign_id, &inputs, progress)
            .map_err(|e| e.if_cancelled(|| format!("nothing was imported from {file}")))?;
        let candidates = inputs
            .iter()
            .map(|i| i.candidate_id)
            .collect::<std::collections::HashSet<_>>()
            .len();
        Ok(ScoreImport { scores, candidates })
    }
}
