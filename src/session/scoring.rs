//! Scoring and the panel's agreed scores, as the signed-in member or chair.

use super::{Roles, Session};
use crate::model::{
    AgreedScore, Assessor, AssessorId, AssessorRole, CampaignId, Candidate, CandidateId, Decision,
    OwnProgress, Score, ScoreInput,
};
use crate::{Error, Result};
use std::collections::HashMap;

impl Session {
    /// The user's own scoring record on the candidate's panel, or a refusal (also when they
    /// declared a conflict of interest with the candidate).
    fn scorer_for(&self, roles: &Roles, candidate: &Candidate, action: &str) -> Result<Assessor> {
        if roles.conflicted(candidate.id) {
            return Err(Error::Forbidden(format!(
                "you declared a conflict of interest with {}, so you cannot {action} for them",
                candidate.reference
            )));
        }
        roles.scorer_of(candidate).cloned().ok_or_else(|| {
            self.refuse(
                "a member or chair of the panel that interviews the candidate",
                &format!("{action} for {}", candidate.reference),
            )
        })
    }

    /// Fails unless every input is a score of the user's own, on an entry they assess for
    /// that candidate (an exercise the candidate sits before their panel, within their limit).
    fn require_own_inputs(&self, campaign_id: CampaignId, inputs: &[ScoreInput]) -> Result<()> {
        let mine = self.store.records_of(&self.user.login, campaign_id)?;
        // The scorecard alone decides which exercise an entry belongs to (a kept copy on a
        // server: no round trip per save).
        let campaign = self.store.pinned_campaign(campaign_id)?;
        let mut candidates: std::collections::HashMap<CandidateId, Candidate> = Default::default();
        // A batch (a score sheet, an import) about several candidates of a several-exercise
        // campaign reads the campaign's candidates once rather than one by one.
        let several_candidates = inputs
            .iter()
            .any(|i| i.candidate_id != inputs[0].candidate_id);
        if several_candidates && campaign.scorecard.has_several_exercises() {
            candidates.extend(
                self.store
                    .candidates(campaign_id)?
                    .into_iter()
                    .map(|c| (c.id, c)),
            );
        }
        for input in inputs {
            let Some(record) = mine
                .iter()
                .find(|a| a.id == input.assessor_id && a.role.scores())
            else {
                return Err(self.refuse(
                    "the assessor themself",
                    "save a score in another assessor's name",
                ));
            };
            // An unknown key is the store's to name (with the scorecard's keys).
            let Some(entry) = campaign.assessed.criterion(&input.criterion_key) else {
                continue;
            };
            // With one exercise every entry is the candidate's panel's: the store checks the
            // seat (and the server's row security) without reading the candidate here.
            if !campaign.scorecard.has_several_exercises() {
                continue;
            }
            let candidate = match candidates.entry(input.candidate_id) {
                std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(self.store.candidate(campaign_id, input.candidate_id)?)
                }
            };
            let exercise = entry.exercise.as_deref();
            if !candidate.assessed_by(record, exercise) {
                let who = match exercise.and_then(|e| campaign.scorecard.exercise(e)) {
                    Some(e) => format!("the panel that assesses the candidate in {}", e.name),
                    None => "a member or chair of the panel that assesses the candidate".into(),
                };
                let limit = match record.exercise.as_deref() {
                    Some(limit) if Some(limit) != exercise => {
                        format!(" (you assess exercise {limit})")
                    }
                    _ => String::new(),
                };
                return Err(self.refuse(
                    &who,
                    &format!(
                        "score '{}' for {}{limit}",
                        input.criterion_key, candidate.reference
                    ),
                ));
            }
        }
        let assessors: Vec<AssessorId> = inputs.iter().map(|i| i.assessor_id).collect();
        self.require_conflicts_stated(campaign_id, &assessors)
    }

    /// The scores the user may see for a candidate. Independent scoring: a member or chair
    /// sees only their own until they have submitted for the candidate, then the panel's
    /// submitted scores (never another member's draft); a moderator sees every submitted
    /// score; nobody else sees any.
    pub fn visible_scores(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Vec<Score>> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.store.candidate(campaign_id, candidate_id)?;
        let viewer = match (roles.moderator(), roles.scorer_of(&candidate)) {
            (_, Some(_)) => self.scorer_for(&roles, &candidate, "see the scores")?.id,
            (Some(moderator), None) => moderator.id,
            (None, None) => {
                return Err(self.refuse(
                    "the candidate's panel or a moderator of this campaign",
                    &format!("see the scores for {}", candidate.reference),
                ))
            }
        };
        self.store.visible_scores(campaign_id, candidate_id, viewer)
    }

    /// The user's own scores, drafts and submitted, for every candidate of the panels they
    /// score on, in one read per scoring record (there is usually one): what
    /// [`Session::visible_scores`] shows them of their own, candidate by candidate, for the
    /// whole panel at once. A candidate they declared a conflict of interest with is left out
    /// (they neither see nor score them); refused to anyone who does not score here.
    pub fn own_panel_scores(&self, campaign_id: CampaignId) -> Result<Vec<Score>> {
        self.for_own_records(campaign_id, "see your own scores", |record| {
            self.store.own_panel_scores(campaign_id, record)
        })
    }

    /// How far the user is with each candidate of the panels they score on, one entry per
    /// candidate and scoring record with a score: [`Session::own_panel_scores`] counted up
    /// by the store, without the scores' evidence (the Scoring screen's list). The same rule.
    pub fn own_panel_progress(&self, campaign_id: CampaignId) -> Result<Vec<OwnProgress>> {
        self.for_own_records(campaign_id, "see your own progress", |record| {
            self.store.own_panel_progress(campaign_id, record)
        })
    }

    /// What `read` gives for each of the user's scoring records in the campaign, but of
    /// candidates they declared a conflict of interest with (the store leaves them out; the
    /// session's rule says so again); refused to anyone who does not score here, as `doing`.
    fn for_own_records<T: OfCandidate>(
        &self,
        campaign_id: CampaignId,
        doing: &str,
        read: impl Fn(AssessorId) -> Result<Vec<T>>,
    ) -> Result<Vec<T>> {
        let roles = self.roles(campaign_id)?;
        if !roles.scores() {
            return Err(self.refuse("a member or chair of one of this campaign's panels", doing));
        }
        let mut all = Vec::new();
        for record in roles.records.iter().filter(|a| a.role.scores()) {
            all.extend(
                read(record.id)?
                    .into_iter()
                    .filter(|row| !roles.conflicted(row.candidate())),
            );
        }
        Ok(all)
    }

    /// Saves one of the user's own draft scores.
    pub fn save_score(&mut self, campaign_id: CampaignId, input: &ScoreInput) -> Result<Score> {
        self.require_own_inputs(campaign_id, std::slice::from_ref(input))?;
        let actor = self.actor().to_owned();
        self.store.save_score(&actor, campaign_id, input)
    }

    /// Saves many of the user's own draft scores in one transaction; all or none.
    pub fn save_scores(&mut self, campaign_id: CampaignId, inputs: &[ScoreInput]) -> Result<usize> {
        self.save_scores_with(campaign_id, inputs, &mut crate::cancel::Progress::none())
    }

    /// [`Session::save_scores`] reporting each score saved to `progress`, which may cancel
    /// before the commit: then none is saved.
    pub fn save_scores_with(
        &mut self,
        campaign_id: CampaignId,
        inputs: &[ScoreInput],
        progress: &mut crate::cancel::Progress<'_>,
    ) -> Result<usize> {
        self.require_own_inputs(campaign_id, inputs)?;
        let actor = self.actor().to_owned();
        self.store
            .save_scores(&actor, campaign_id, inputs, progress)
    }

    /// Makes the user's scores for a candidate final.
    pub fn submit_scores(
        &mut self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Vec<Score>> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.store.candidate(campaign_id, candidate_id)?;
        let scorer = self.scorer_for(&roles, &candidate, "submit scores")?;
        self.require_conflicts_stated(campaign_id, &[scorer.id])?;
        let actor = self.actor().to_owned();
        self.store
            .submit_scores(&actor, campaign_id, candidate_id, scorer.id)
    }

    /// Makes the user's scores for each of `candidate_ids` final, in one transaction; all or
    /// none. The same rules and the same audit events as [`Session::submit_scores`] for each
    /// candidate in turn (the user's records, conflicts and stated conflicts read once for the
    /// batch, the candidates in one read when there are several). Returns the scores made
    /// final.
    pub fn submit_scores_for(
        &mut self,
        campaign_id: CampaignId,
        candidate_ids: &[CandidateId],
    ) -> Result<usize> {
        let roles = self.roles(campaign_id)?;
        let candidates = self.candidates_by_id(campaign_id, candidate_ids)?;
        let mut submissions = Vec::with_capacity(candidate_ids.len());
        for id in candidate_ids {
            let candidate = self.candidate_of(&candidates, campaign_id, *id)?;
            let scorer = self.scorer_for(&roles, &candidate, "submit scores")?;
            submissions.push((*id, scorer.id));
        }
        let scorers: Vec<AssessorId> = submissions.iter().map(|(_, a)| *a).collect();
        self.require_conflicts_stated(campaign_id, &scorers)?;
        let actor = self.actor().to_owned();
        self.store
            .submit_scores_for(&actor, campaign_id, &submissions)
    }

    /// The campaign's candidates by id, read once when `ids` names more than one candidate
    /// (else empty: [`Session::candidate_of`] reads the one).
    fn candidates_by_id(
        &self,
        campaign_id: CampaignId,
        ids: &[CandidateId],
    ) -> Result<HashMap<CandidateId, Candidate>> {
        if ids.iter().all(|id| *id == ids[0]) {
            return Ok(HashMap::new());
        }
        Ok(self
            .store
            .candidates(campaign_id)?
            .into_iter()
            .map(|c| (c.id, c))
            .collect())
    }

    /// Candidate `id` from `known` ([`Session::candidates_by_id`]), else read on its own.
    fn candidate_of(
        &self,
        known: &HashMap<CandidateId, Candidate>,
        campaign_id: CampaignId,
        id: CandidateId,
    ) -> Result<Candidate> {
        match known.get(&id) {
            Some(candidate) => Ok(candidate.clone()),
            None => self.store.candidate(campaign_id, id),
        }
    }

    /// A candidate's agreed scores: for a moderator, or for a member or chair of the panel
    /// once they have submitted their own scores for the candidate.
    pub fn agreed_scores(
        &self,
        campaign_id: CampaignId,
        candidate_id: CandidateId,
    ) -> Result<Vec<AgreedScore>> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.store.candidate(campaign_id, candidate_id)?;
        if roles.moderator().is_none() {
            let scorer = self.scorer_for(&roles, &candidate, "see the agreed scores")?;
            if !self.store.has_submitted(candidate_id, scorer.id)? {
                return Err(Error::Forbidden(format!(
                    "the panel's agreed scores for {} show once you have submitted your own",
                    candidate.reference
                )));
            }
        }
        self.store.agreed_scores(candidate_id)
    }

    /// The chair records the panel's agreed score (`decision.by` is set to the chair's own
    /// record: whatever the caller sent is ignored).
    pub fn agree_score(
        &mut self,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<AgreedScore> {
        let decision = self.as_chair(campaign_id, decision)?;
        let actor = self.actor().to_owned();
        self.store.agree_score(&actor, campaign_id, &decision)
    }

    /// Records many agreed scores in one transaction; all or none (the chair only).
    pub fn agree_scores(
        &mut self,
        campaign_id: CampaignId,
        decisions: &[Decision],
    ) -> Result<usize> {
        // The user's records once, the candidates in one read when there are several: the
        // same rules as `agree_score` for each decision.
        let roles = self.roles(campaign_id)?;
        let ids: Vec<CandidateId> = decisions.iter().map(|d| d.candidate_id).collect();
        let candidates = self.candidates_by_id(campaign_id, &ids)?;
        let decisions = decisions
            .iter()
            .map(|d| {
                let candidate = self.candidate_of(&candidates, campaign_id, d.candidate_id)?;
                self.as_chair_of(campaign_id, &roles, &candidate, d)
            })
            .collect::<Result<Vec<_>>>()?;
        let actor = self.actor().to_owned();
        self.store.agree_scores(&actor, campaign_id, &decisions)
    }

    fn as_chair(&self, campaign_id: CampaignId, decision: &Decision) -> Result<Decision> {
        let roles = self.roles(campaign_id)?;
        let candidate = self.store.candidate(campaign_id, decision.candidate_id)?;
        self.as_chair_of(campaign_id, &roles, &candidate, decision)
    }

    /// [`Session::as_chair`] with the user's roles and the decision's candidate read.
    fn as_chair_of(
        &self,
        campaign_id: CampaignId,
        roles: &Roles,
        candidate: &Candidate,
        decision: &Decision,
    ) -> Result<Decision> {
        // The chair of the panel the candidate sits this entry's exercise before (a chair
        // limited to one exercise agrees that exercise's scores only).
        let exercise = crate::model::key_exercise(&decision.criterion_key);
        let chair = roles
            .records
            .iter()
            .find(|a| a.role == AssessorRole::Chair && candidate.assessed_by(a, exercise))
            .ok_or_else(|| {
                let who = match exercise {
                    None => "the chair of the panel that interviews the candidate".to_owned(),
                    Some(key) => {
                        let name = self
                            .store
                            .campaign(campaign_id)
                            .ok()
                            .and_then(|c| c.scorecard.exercise(key))
                            .map_or_else(|| key.to_owned(), |e| e.name);
                        format!("the chair of the panel that assesses the candidate in {name}")
                    }
                };
                self.refuse(
                    &who,
                    &format!("record the agreed score for {}", candidate.reference),
                )
            })?;
        Ok(Decision {
            by: chair.id,
            ..decision.clone()
        })
    }
}

/// A row about one candidate (for [`Session::for_own_records`]'s conflict rule).
trait OfCandidate {
    fn candidate(&self) -> CandidateId;
}

impl OfCandidate for Score {
    fn candidate(&self) -> CandidateId {
        self.candidate_id
    }
}

impl OfCandidate for OwnProgress {
    fn candidate(&self) -> CandidateId {
        self.candidate_id
    }
}
