//! What results, flags and statistics are computed from: a campaign's decisions reduced to
//! the facts the rules need (no evidence text, criteria as indexes), loaded once and indexed
//! by candidate, so the moderation board stays fast at thousands of candidates.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{
    Assessor, AssessorId, Campaign, Candidate, CandidateId, Mark, MaybeMark, Panel, PanelId,
};

/// A moderator's recorded ordering of candidates with equal totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TieOrder {
    /// Candidate.
    pub candidate_id: CandidateId,
    /// 1 = first among the tied.
    pub rank: i64,
    /// The written reason for separating them.
    pub reason: String,
}

/// The facts of one submitted individual score that the rules use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreFact {
    /// Candidate.
    pub candidate_id: CandidateId,
    /// Assessor.
    pub assessor_id: AssessorId,
    /// Index of the criterion in the campaign's scorecard.
    pub criterion: usize,
    /// The point or "not assessed"; none if the criterion was left unmarked.
    pub mark: MaybeMark,
    /// The evidence notes contain something other than white space.
    pub has_evidence: bool,
    /// Indicators marked shown.
    pub shown: u16,
    /// Indicators marked negative.
    pub negative: u16,
    /// Indicators marked in all.
    pub indicators: u16,
}

/// An agreed or moderated score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecidedScore {
    /// Candidate.
    pub candidate_id: CandidateId,
    /// Index of the criterion in the campaign's scorecard.
    pub criterion: usize,
    /// The point, or "not assessed".
    pub mark: Mark,
}

/// A campaign's data as the rules see it.
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
    pub scores: Vec<ScoreFact>,
    /// The panels' agreed scores.
    pub agreed: Vec<DecidedScore>,
    /// Moderators' scores.
    pub moderated: Vec<DecidedScore>,
    /// Tie orders.
    pub tie_orders: Vec<TieOrder>,
}

/// What is known about one candidate, by reference into [`CampaignData`].
#[derive(Debug, Default)]
pub struct CandidateView<'a> {
    /// Submitted scores, any criterion, any assessor.
    pub scores: Vec<&'a ScoreFact>,
    /// Agreed score per criterion index.
    pub agreed: Vec<Option<&'a DecidedScore>>,
    /// Moderated score per criterion index.
    pub moderated: Vec<Option<&'a DecidedScore>>,
}

impl<'a> CandidateView<'a> {
    fn new(criteria: usize) -> Self {
        CandidateView {
            scores: Vec::new(),
            agreed: vec![None; criteria],
            moderated: vec![None; criteria],
        }
    }

    /// Submitted scores for one criterion.
    pub fn scores_for(&self, criterion: usize) -> impl Iterator<Item = &'a ScoreFact> + '_ {
        self.scores
            .iter()
            .copied()
            .filter(move |s| s.criterion == criterion)
    }

    /// The score that counts on a criterion: moderated if moderated, else agreed.
    pub fn decided(&self, criterion: usize) -> Option<&'a DecidedScore> {
        self.moderated
            .get(criterion)
            .copied()
            .flatten()
            .or_else(|| self.agreed.get(criterion).copied().flatten())
    }
}

/// Per-candidate index over a [`CampaignData`], in the order of `CampaignData::candidates`.
#[derive(Debug)]
pub struct Index<'a> {
    /// One view per candidate, same order as the candidates.
    pub views: Vec<CandidateView<'a>>,
}

impl CampaignData {
    /// Groups scores, agreed scores and moderations by candidate.
    pub fn index(&self) -> Index<'_> {
        let criteria = self.campaign.assessed.criteria.len();
        let position: HashMap<CandidateId, usize> = self
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let mut views: Vec<CandidateView<'_>> = (0..self.candidates.len())
            .map(|_| CandidateView::new(criteria))
            .collect();
        for s in &self.scores {
            if let Some(&i) = position.get(&s.candidate_id) {
                views[i].scores.push(s);
            }
        }
        for (list, moderated) in [(&self.agreed, false), (&self.moderated, true)] {
            for d in list {
                if let (Some(&i), true) = (position.get(&d.candidate_id), d.criterion < criteria) {
                    let slot = if moderated {
                        &mut views[i].moderated
                    } else {
                        &mut views[i].agreed
                    };
                    slot[d.criterion] = Some(d);
                }
            }
        }
        Index { views }
    }

    /// An assessor by id.
    pub fn assessor(&self, id: AssessorId) -> Option<&Assessor> {
        self.assessors.iter().find(|a| a.id == id)
    }

    /// A panel's name.
    pub fn panel_name(&self, id: Option<PanelId>) -> Option<&str> {
        id.and_then(|id| self.panels.iter().find(|p| p.id == id))
            .map(|p| p.name.as_str())
    }
}
