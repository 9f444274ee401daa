//! Everything an export needs about a campaign, loaded once: full scores with evidence,
//! agreed scores with rationales, moderations with reasons, results, flags, statistics,
//! sign-offs and the audit chain's head.

use std::collections::HashMap;

use crate::model::{
    AgreedScore, Assessor, AssessorId, Campaign, CampaignId, Candidate, CandidateId, Moderation,
    Panel, PanelId, Score,
};
use crate::scoring::flags::{self, Flag, FlagSettings};
use crate::scoring::report::{self, CampaignStats};
use crate::scoring::results::{self, CandidateResult};
use crate::store::audit::AuditRecord;
use crate::store::{SignOff, Storage};
use crate::Result;

fn index_by_candidate(events: &[AuditRecord]) -> HashMap<CandidateId, Vec<usize>> {
    let mut index: HashMap<CandidateId, Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if let Some(id) = e.candidate_id {
            index.entry(id).or_default().push(i);
        }
    }
    index
}

/// A campaign as exported.
#[derive(Debug, Clone)]
pub struct CampaignRecord {
    /// The campaign with its pinned scorecard.
    pub campaign: Campaign,
    /// Panels.
    pub panels: Vec<Panel>,
    /// The number of posts, if set: passes beyond it form the reserve list.
    pub posts: Option<u32>,
    /// Assessors and moderators.
    pub assessors: Vec<Assessor>,
    /// Candidates in reference order.
    pub candidates: Vec<Candidate>,
    /// Submitted scores with evidence, by candidate id.
    pub scores: HashMap<CandidateId, Vec<Score>>,
    /// Agreed scores by candidate id.
    pub agreed: HashMap<CandidateId, Vec<AgreedScore>>,
    /// Moderations by candidate id.
    pub moderations: HashMap<CandidateId, Vec<Moderation>>,
    /// Results in merit order.
    pub results: Vec<CandidateResult>,
    /// Flags, with the thresholds in [`Parts::flags`]; empty unless asked for.
    pub flags: Vec<Flag>,
    /// The thresholds the flags were computed with (the default when none were).
    pub flag_settings: FlagSettings,
    /// Statistics; only loaded for the campaign summary.
    pub stats: Option<CampaignStats>,
    /// Sign-offs and reopenings.
    pub signoffs: Vec<SignOff>,
    /// The campaign's audit events (empty unless loaded with [`Parts::audit`]).
    pub audit: Vec<AuditRecord>,
    /// Indexes into `audit` of the events about each candidate, by candidate id.
    pub audit_by_candidate: HashMap<CandidateId, Vec<usize>>,
    /// Hash of the newest event in the whole chain when the record was loaded.
    pub audit_head: String,
    /// Sequence number of that event (the anchor is `audit_seq:audit_head`).
    pub audit_seq: i64,
    /// Fingerprint of the installation key that signs this export's anchor, if any.
    pub key_fingerprint: Option<String>,
    /// How long the campaign keeps personal data, and until when.
    pub retention: crate::store::retention::RetentionStatus,
    /// The conflicts of interest declared in the campaign (the summary lists them).
    pub conflicts: Vec<crate::store::ConflictDeclaration>,
    /// Each candidate's reasonable adjustments, where set (their own pack prints them).
    pub adjustments: HashMap<CandidateId, String>,
}

/// The optional parts of a [`CampaignRecord`]: each costs time and memory on large campaigns,
/// so they are loaded only for the exports that show them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Parts {
    /// Statistics, for the campaign summary.
    pub summary: bool,
    /// Flags with these thresholds, for the campaign summary and `results.csv`.
    pub flags: Option<FlagSettings>,
    /// The audit events, for the evidence packs (`audit.csv` streams them instead).
    pub audit: bool,
}

impl CampaignRecord {
    /// Loads a campaign for export, with the optional `parts` asked for.
    pub(crate) fn load(store: &dyn Storage, campaign_id: CampaignId, parts: Parts) -> Result<Self> {
        let data = store.campaign_data(campaign_id)?;
        let index = data.index();
        let results = results::compute_indexed(&data, &index);
        let flags = match &parts.flags {
            Some(settings) => {
                let mut flags = flags::compute_indexed(&data, &index, settings);
                flags.extend(flags::boundary_ties(&data, &results));
                flags
            }
            None => Vec::new(),
        };
        let stats = parts.summary.then(|| report::compute(&data));
        let mut scores: HashMap<CandidateId, Vec<Score>> = HashMap::new();
        for s in store.submitted_scores(campaign_id)? {
            scores.entry(s.candidate_id).or_default().push(s);
        }
        let mut agreed: HashMap<CandidateId, Vec<AgreedScore>> = HashMap::new();
        let mut moderations: HashMap<CandidateId, Vec<Moderation>> = HashMap::new();
        let (all_agreed, all_moderations) = store.decisions(campaign_id)?;
        for a in all_agreed {
            agreed.entry(a.candidate_id).or_default().push(a);
        }
        for m in all_moderations {
            moderations.entry(m.candidate_id).or_default().push(m);
        }
        let mut campaign_events = Vec::new();
        if parts.audit {
            store.campaign_audit(campaign_id, None, &mut |e| {
                campaign_events.push(AuditRecord::from(e));
                Ok(())
            })?;
        }
        let head = store.anchor()?;
        let (audit_seq, audit_head) = (head.seq, head.hash);
        let mut adjustments = HashMap::new();
        for c in &data.candidates {
            if let Some(note) = store.adjustments(campaign_id, c.id)? {
                adjustments.insert(c.id, note);
            }
        }
        Ok(CampaignRecord {
            conflicts: store.conflicts(campaign_id)?,
            adjustments,
            signoffs: store.signoffs(campaign_id)?,
            audit_head,
            audit_seq,
            key_fingerprint: store.installation_key().map(|k| k.fingerprint()),
            retention: store.campaign_retention(campaign_id)?,
            campaign: data.campaign,
            panels: data.panels,
            posts: data.posts,
            assessors: data.assessors,
            candidates: data.candidates,
            scores,
            agreed,
            moderations,
            results,
            flags,
            flag_settings: parts.flags.unwrap_or_default(),
            stats,
            audit_by_candidate: index_by_candidate(&campaign_events),
            audit: campaign_events,
        })
    }

    /// The audit events about one candidate, oldest first.
    pub fn candidate_events(
        &self,
        candidate_id: CandidateId,
    ) -> impl Iterator<Item = &AuditRecord> {
        self.audit_by_candidate
            .get(&candidate_id)
            .into_iter()
            .flatten()
            .map(|&i| &self.audit[i])
    }

    /// An assessor's name.
    pub fn assessor_name(&self, id: AssessorId) -> &str {
        self.assessors
            .iter()
            .find(|a| a.id == id)
            .map_or("(unknown assessor)", |a| a.name.as_str())
    }

    /// A panel's name.
    pub fn panel_name(&self, id: Option<PanelId>) -> &str {
        id.and_then(|id| self.panels.iter().find(|p| p.id == id))
            .map_or("", |p| p.name.as_str())
    }

    /// A criterion's name by key.
    pub fn criterion_name<'a>(&'a self, key: &'a str) -> &'a str {
        self.campaign
            .assessed
            .criterion(key)
            .map_or(key, |c| c.criterion.name.as_str())
    }
}

impl CampaignRecord {
    /// The record reduced to one candidate, for their own pack (appeal or subject-access
    /// request): no other candidate's name, scores, results or audit events remain, and the
    /// merit list, flags and campaign statistics (which describe others) are dropped.
    pub fn only_candidate(mut self, reference: &str) -> Result<Self> {
        let candidate = self
            .candidates
            .iter()
            .find(|c| c.reference == reference)
            .cloned()
            .ok_or_else(|| crate::Error::not_found("candidate", reference))?;
        let id = candidate.id;
        self.candidates = vec![candidate];
        self.scores.retain(|k, _| *k == id);
        self.agreed.retain(|k, _| *k == id);
        self.moderations.retain(|k, _| *k == id);
        self.adjustments.retain(|k, _| *k == id);
        // Declarations are the assessors' statements, and name other candidates.
        self.conflicts.clear();
        self.results.retain(|r| r.candidate_id == id);
        for r in &mut self.results {
            // Position and tie notes come from comparison with others; tie notes may quote
            // reasons that discuss them.
            r.tie_note = None;
        }
        self.flags.retain(|f| f.candidate_id == Some(id));
        // Statistics describe every candidate and assessor: not part of one candidate's pack.
        self.stats = None;
        self.audit.retain(|e| e.candidate_id == Some(id));
        self.audit_by_candidate = index_by_candidate(&self.audit);
        Ok(self)
    }
}
