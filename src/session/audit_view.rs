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
use crate::model::{Assessor, AssessorRole, AuditEvent, Id};
use crate::store::{AuditFilter, Verification};
use crate::Result;

/// The ids an entity path names: `campaign/C[/candidate/Y][/assessor/Z]…`.
#[derive(Debug, Default, PartialEq, Eq)]
struct EntityIds {
    campaign: Option<Id>,
    candidate: Option<Id>,
    assessor: Option<Id>,
}

fn entity_ids(entity: &str) -> EntityIds {
    let mut ids = EntityIds::default();
    let mut parts = entity.split('/');
    while let (Some(kind), Some(id)) = (parts.next(), parts.next()) {
        let id = id.parse().ok();
        match kind {
            "campaign" => ids.campaign = id,
            "candidate" => ids.candidate = id,
            "assessor" => ids.assessor = id,
            _ => {}
        }
    }
    ids
}

/// Everything about the reader that deciding on an event needs, read once per request; the
/// per-candidate facts (panel, own submission) are read on first use.
struct Reader<'s> {
    session: &'s Session,
    records: Vec<Assessor>,
    own_ids: HashSet<Id>,
    /// candidate → (panel, whether the reader has submitted for them, if the reader scores them)
    candidates: HashMap<Id, (Option<Id>, Option<bool>)>,
    /// assessor → their panel, for the campaigns read so far.
    assessor_panels: HashMap<Id, Option<Id>>,
}

impl<'s> Reader<'s> {
    fn new(session: &'s Session) -> Result<Self> {
        let records = session.store.all_records_of(&session.user.login)?;
        let own_ids = records.iter().map(|a| a.id).collect();
        Ok(Reader {
            session,
            records,
            own_ids,
            candidates: HashMap::new(),
            assessor_panels: HashMap::new(),
        })
    }

    fn moderates(&self, campaign: Id) -> bool {
        self.records
            .iter()
            .any(|a| a.campaign_id == campaign && a.role == AssessorRole::Moderator)
    }

    fn scores_in(&self, campaign: Id) -> bool {
        self.records
            .iter()
            .any(|a| a.campaign_id == campaign && a.role.scores())
    }

    /// The panel an assessor of the campaign sits on.
    fn panel_of(&mut self, campaign: Id, assessor: Id) -> Result<Option<Id>> {
        if !self.assessor_panels.contains_key(&assessor) {
            for a in self.session.store.assessors(campaign)? {
                self.assessor_panels.insert(a.id, a.panel_id);
            }
        }
        Ok(self.assessor_panels.get(&assessor).copied().flatten())
    }

    /// The reader's panel for the candidate (the one that assesses them, else the
    /// candidate's own), and whether the reader (assessing them in some exercise) has
    /// submitted.
    fn candidate(&mut self, campaign: Id, candidate: Id) -> Result<(Option<Id>, Option<bool>)> {
        if let Some(known) = self.candidates.get(&candidate) {
            return Ok(*known);
        }
        let store = &self.session.store;
        let found = store.candidate(campaign, candidate).ok();
        let exercises = match found {
            Some(_) => store.campaign(campaign)?.scorecard.scored_exercises(),
            None => Vec::new(),
        };
        let scorer = found.as_ref().and_then(|c| {
            self.records
                .iter()
                .find(|a| a.campaign_id == campaign && c.assessed_in_any(a, &exercises))
        });
        let panel = scorer
            .and_then(|a| a.panel_id)
            .or(found.and_then(|c| c.panel_id));
        let submitted = match scorer {
            Some(a) => Some(store.has_submitted(candidate, a.id)?),
            None => None,
        };
        self.candidates.insert(candidate, (panel, submitted));
        Ok((panel, submitted))
    }

    fn may_read(&mut self, event: &AuditEvent) -> Result<bool> {
        let ids = entity_ids(&event.entity);
        let (Some(campaign), own_action) = (ids.campaign, event.actor == self.session.user.login)
        else {
            return Ok(self.session.user.hr_admin || event.actor == self.session.user.login);
        };
        let about_candidate = match ids.candidate {
            Some(candidate) if self.scores_in(campaign) => {
                Some(self.candidate(campaign, candidate)?)
            }
            _ => None,
        };
        // Independence first: another assessor's score for a candidate the reader scores and
        // has not yet submitted for.
        if let (Some(assessor), Some((_, Some(false)))) = (ids.assessor, about_candidate) {
            if !self.own_ids.contains(&assessor) && !own_action {
                return Ok(false);
            }
        }
        if own_action || self.session.user.hr_admin || self.moderates(campaign) {
            return Ok(true);
        }
        // Another member's conflict statements are between them, HR and the moderators.
        if !self.scores_in(campaign) || event.action.starts_with("conflict.") {
            return Ok(false);
        }
        Ok(match (ids.candidate, about_candidate) {
            // The campaign's own events (state, panels, people).
            (None, _) => true,
            // A candidate the reader assesses: their details at once, their panel's scores
            // and the decisions after the reader's own submission.
            (Some(_), Some((panel, Some(submitted)))) => {
                if event.action.starts_with("candidate.") {
                    true
                } else if !submitted {
                    false
                } else {
                    // Scores of the reader's own panel only: a panel that assesses the
                    // candidate in another exercise keeps its scores to itself.
                    match ids.assessor {
                        Some(assessor) => self.panel_of(campaign, assessor)? == panel,
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
        if self.user.hr_admin && !reader.records.iter().any(|a| a.role.scores()) {
            return self.store.audit_events(filter);
        }
        let all = self.store.audit_events(&AuditFilter {
            limit: None,
            ..filter.clone()
        })?;
        let mut visible = Vec::new();
        for event in all {
            if reader.may_read(&event)? {
                visible.push(event);
            }
        }
        if let Some(limit) = filter.limit {
            let skip = visible.len().saturating_sub(limit);
            visible.drain(..skip);
        }
        Ok(visible)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_paths_name_their_campaign_candidate_and_assessor() {
        assert_eq!(
            entity_ids("campaign/3/candidate/7/assessor/2/criterion/c1"),
            EntityIds {
                campaign: Some(3),
                candidate: Some(7),
                assessor: Some(2)
            }
        );
        assert_eq!(
            entity_ids("campaign/3/candidate/7/criterion/c1"),
            EntityIds {
                campaign: Some(3),
                candidate: Some(7),
                assessor: None
            }
        );
        assert_eq!(entity_ids("role/4"), EntityIds::default());
    }
}
