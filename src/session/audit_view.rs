//! The audit log as the signed-in user may read it.
//!
//! | reader | sees |
//! |---|---|
//! | HR administrator | every event |
//! | moderator | every event of the campaigns they moderate |
//! | member, chair | their own actions; their campaign's set-up events; events about their panel's candidates, the scores and decisions among them only once they have submitted their own scores for that candidate; never another member's conflict-of-interest statements |
//!
//! and above all of these, independence: an event about another assessor's score for a
//! candidate whom the reader scores is hidden until the reader has submitted for that
//! candidate, whoever the reader is (an HR administrator who also sits on a panel included).

use std::collections::{HashMap, HashSet};

use super::Session;
use crate::anchor::{Anchor, AnchorCheck};
use crate::model::{
    Assessor, AssessorId, AssessorRole, AuditEvent, CampaignId, Candidate, CandidateId, PanelId,
    SubjectKind,
};
use crate::store::{AuditFilter, Verification};
use crate::Result;

/// The fewest events read at once when paging back through the log for a filtered reader.
pub(super) const MIN_PAGE: usize = 1_000;

/// What deciding on events about one campaign needs, read once per campaign.
struct CampaignFacts {
    /// The campaign's candidates by id (those the reader may read).
    candidates: HashMap<CandidateId, Candidate>,
    /// The scorecard's scored exercises (`None`: a scorecard without exercises).
    exercises: Vec<Option<String>>,
    /// Assessor → their panel.
    assessor_panels: HashMap<AssessorId, Option<PanelId>>,
}

/// Everything about the reader that deciding on an event needs, read once per request; the
/// per-campaign and per-candidate facts on first use.
struct Reader<'s> {
    session: &'s Session,
    records: Vec<Assessor>,
    own_ids: HashSet<AssessorId>,
    campaigns: HashMap<CampaignId, CampaignFacts>,
    /// candidate → (panel, whether the reader has submitted for them, if the reader scores them)
    candidates: HashMap<CandidateId, (Option<PanelId>, Option<bool>)>,
}

impl<'s> Reader<'s> {
    fn new(session: &'s Session) -> Result<Self> {
        let records = session.store.all_records_of(&session.user.login)?;
        let own_ids = records.iter().map(|a| a.id).collect();
        Ok(Reader {
            session,
            records,
            own_ids,
            campaigns: HashMap::new(),
            candidates: HashMap::new(),
        })
    }

    fn moderates(&self, campaign: CampaignId) -> bool {
        self.records
            .iter()
            .any(|a| a.campaign_id == campaign && a.role == AssessorRole::Moderator)
    }

    fn scores_in(&self, campaign: CampaignId) -> bool {
        self.records
            .iter()
            .any(|a| a.campaign_id == campaign && a.role.scores())
    }

    /// The campaign's facts, read on first use.
    fn campaign(&mut self, campaign: CampaignId) -> Result<&CampaignFacts> {
        if !self.campaigns.contains_key(&campaign) {
            let store = &self.session.store;
            let facts = CampaignFacts {
                candidates: store
                    .candidates(campaign)?
                    .into_iter()
                    .map(|c| (c.id, c))
                    .collect(),
                exercises: store
                    .pinned_campaign(campaign)?
                    .scorecard
                    .scored_exercises(),
                assessor_panels: store
                    .assessors(campaign)?
                    .into_iter()
                    .map(|a| (a.id, a.panel_id))
                    .collect(),
            };
            self.campaigns.insert(campaign, facts);
        }
        Ok(&self.campaigns[&campaign])
    }

    /// The reader's panel for the candidate (the one that assesses them, else the
    /// candidate's own), and whether the reader (assessing them in some exercise) has
    /// submitted.
    fn candidate(
        &mut self,
        campaign: CampaignId,
        candidate: CandidateId,
    ) -> Result<(Option<PanelId>, Option<bool>)> {
        if let Some(known) = self.candidates.get(&candidate) {
            return Ok(*known);
        }
        self.campaign(campaign)?;
        let facts = &self.campaigns[&campaign];
        let found = facts.candidates.get(&candidate);
        let scorer = found.and_then(|c| {
            self.records
                .iter()
                .find(|a| a.campaign_id == campaign && c.assessed_in_any(a, &facts.exercises))
        });
        let panel = scorer
            .and_then(|a| a.panel_id)
            .or(found.and_then(|c| c.panel_id));
        let scorer = scorer.map(|a| a.id);
        let submitted = match scorer {
            Some(assessor) => Some(self.session.store.has_submitted(candidate, assessor)?),
            None => None,
        };
        self.candidates.insert(candidate, (panel, submitted));
        Ok((panel, submitted))
    }

    fn may_read(&mut self, event: &AuditEvent) -> Result<bool> {
        let subject = &event.subject;
        let (Some(campaign), own_action) =
            (subject.campaign_id, event.actor == self.session.user.login)
        else {
            return Ok(self.session.user.hr_admin || event.actor == self.session.user.login);
        };
        let about_candidate = match subject.candidate_id {
            Some(candidate) if self.scores_in(campaign) => {
                Some(self.candidate(campaign, candidate)?)
            }
            _ => None,
        };
        // Independence first: another assessor's score for a candidate the reader scores and
        // has not yet submitted for.
        if let (Some(assessor), Some((_, Some(false)))) = (subject.assessor_id, about_candidate) {
            if !self.own_ids.contains(&assessor) && !own_action {
                return Ok(false);
            }
        }
        if own_action || self.session.user.hr_admin || self.moderates(campaign) {
            return Ok(true);
        }
        // Another member's conflict statements are between them, HR and the moderators.
        if !self.scores_in(campaign) || subject.kind == SubjectKind::Conflict {
            return Ok(false);
        }
        Ok(match (subject.candidate_id, about_candidate) {
            // The campaign's own events (state, panels, people).
            (None, _) => true,
            // A candidate the reader assesses: their details at once, their panel's scores
            // and the decisions after the reader's own submission.
            (Some(_), Some((panel, Some(submitted)))) => {
                if subject.kind == SubjectKind::CandidateDetails {
                    true
                } else if !submitted {
                    false
                } else {
                    // Scores of the reader's own panel only: a panel that assesses the
                    // candidate in another exercise keeps its scores to itself.
                    match subject.assessor_id {
                        Some(assessor) => {
                            let panels = &self.campaign(campaign)?.assessor_panels;
                            panels.get(&assessor).copied().flatten() == panel
                        }
                        None => true,
                    }
                }
            }
            // A candidate of another panel.
            _ => false,
        })
    }
}

impl Session {
    /// The audit log, filtered, as the user may read it (see the module docs). A `limit`
    /// counts the events the user may read.
    pub fn audit_events(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
        let mut reader = Reader::new(self)?;
        if filter.limit == Some(0) {
            return Ok(Vec::new());
        }
        if self.user.hr_admin && !reader.records.iter().any(|a| a.role.scores()) {
            return self.store.audit_events(filter);
        }
        // Read backwards a page at a time until `limit` readable events are found: a member
        // may read few of a large log's events, and reading all of them to keep the newest
        // few cost ~0.8 s and ~200 MB on a 2,000-candidate campaign.
        let page = filter.limit.map(|l| l.saturating_mul(4).max(MIN_PAGE));
        let mut newest_first = Vec::new();
        let mut before_seq = filter.before_seq;
        'pages: loop {
            let batch = self.store.audit_events(&AuditFilter {
                limit: page,
                before_seq,
                ..filter.clone()
            })?;
            let complete = !page.is_some_and(|p| batch.len() >= p);
            before_seq = batch.first().map(|e| e.seq);
            for event in batch.into_iter().rev() {
                if reader.may_read(&event)? {
                    newest_first.push(event);
                    if Some(newest_first.len()) == filter.limit {
                        break 'pages;
                    }
                }
            }
            if complete {
                break;
            }
        }
        newest_first.reverse();
        Ok(newest_first)
    }

    /// Recomputes the audit chain (anyone: the answer names no data, only counts and hashes).
    pub fn verify(&self) -> Result<Verification> {
        self.store.verify()
    }

    /// Hash of the newest audit event.
    pub fn audit_head(&self) -> Result<String> {
        self.store.audit_head()
    }

    /// The chain's current head as an anchor `SEQ:HASH`, signed when the store has an
    /// installation key (anyone: like [`Session::verify`], it names no data).
    pub fn anchor(&self) -> Result<Anchor> {
        self.store.anchor()
    }

    /// Checks an anchor handed out earlier against the chain (anyone, as for
    /// [`Session::verify`]).
    pub fn check_anchor(&self, anchor: &Anchor) -> Result<AnchorCheck> {
        self.store.check_anchor(anchor)
    }
}
