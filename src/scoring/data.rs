//! Everything about a campaign that results, flags and statistics are computed from, loaded
//! once and indexed by candidate.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{AgreedScore, Assessor, Campaign, Candidate, Id, Moderation, Panel, Score};

/// A moderator's recorded ordering of candidates with equal totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TieOrder {
    /// Candidate.
    pub candidate_id: Id,
    /// 1 = first among the tied.
    pub rank: i64,
    /// The written reason for separating them.
    pub reason: String,
}

/// A campaign's data as stored.
#[derive(Debug, Clone)]
pub struct CampaignData {
    /// The campaign, with its pinned scorecard.
    pub campaign: Campaign,
    /// Number of posts to fill, if set: passes beyond it form the reserve list.
    pub posts: Option<u32>,
    /// Panels.
    pub panels: Vec<Panel>,
    /// Assessors and moderators.
    pub assessors: Vec<Assessor>,
    /// Candidates (erased ones excluded), in reference order.
    pub candidates: Vec<Candidate>,
    /// Submitted individual scores (drafts are private to their author and never computed on).
    pub scores: Vec<Score>,
    /// Agreed scores.
    pub agreed: Vec<AgreedScore>,
    /// Moderations.
    pub moderations: Vec<Moderation>,
    /// Tie orders.
    pub tie_orders: Vec<TieOrder>,
}

/// What is known about one candidate, by reference into [`CampaignData`].
#[derive(Debug, Default)]
pub struct CandidateView<'a> {
    /// Submitted scores, any criterion, any assessor.
    pub scores: Vec<&'a Score>,
    /// Agreed scores by criterion key.
    pub agreed: HashMap<&'a str, &'a AgreedScore>,
    /// Moderations by criterion key.
    pub moderated: HashMap<&'a str, &'a Moderation>,
}

impl<'a> CandidateView<'a> {
    /// Submitted scores for one criterion.
    pub fn scores_for<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'a Score> + 's {
        self.scores
            .iter()
            .copied()
            .filter(move |s| s.criterion_key == key)
    }
}

/// Per-candidate index over a [`CampaignData`].
#[derive(Debug)]
pub struct Index<'a> {
    /// By candidate id.
    pub by_candidate: HashMap<Id, CandidateView<'a>>,
}

impl CampaignData {
    /// Groups scores, agreed scores and moderations by candidate.
    pub fn index(&self) -> Index<'_> {
        let mut by_candidate: HashMap<Id, CandidateView<'_>> = self
            .candidates
            .iter()
            .map(|c| (c.id, CandidateView::default()))
            .collect();
        for s in &self.scores {
            if let Some(v) = by_candidate.get_mut(&s.candidate_id) {
                v.scores.push(s);
            }
        }
        for a in &self.agreed {
            if let Some(v) = by_candidate.get_mut(&a.candidate_id) {
                v.agreed.insert(&a.criterion_key, a);
            }
        }
        for m in &self.moderations {
            if let Some(v) = by_candidate.get_mut(&m.candidate_id) {
                v.moderated.insert(&m.criterion_key, m);
            }
        }
        Index { by_candidate }
    }

    /// An assessor by id.
    pub fn assessor(&self, id: Id) -> Option<&Assessor> {
        self.assessors.iter().find(|a| a.id == id)
    }

    /// A panel's name.
    pub fn panel_name(&self, id: Option<Id>) -> Option<&str> {
        id.and_then(|id| self.panels.iter().find(|p| p.id == id))
            .map(|p| p.name.as_str())
    }
}
