//! Decisions after individual scoring: the panel's agreed scores, moderation, tie orders,
//! sign-off and reopening.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use super::campaigns::{require_state, required_text, set_state};
use super::people::{load_assessor, load_candidate};
use super::personal::committed;
use super::scores::{check_mark, decision_row_of, has_submitted, mark_at};
use super::{Store, Tx};
use crate::model::{
    AgreedScore, Assessor, AssessorId, AssessorRole, AuditAction, Campaign, CampaignId,
    CampaignState, CandidateId, Decision, Mark, Moderation, PanelId,
};
use crate::{Error, Result};

fn require_moderator(
    conn: &Connection,
    campaign_id: CampaignId,
    moderator_id: AssessorId,
) -> Result<Assessor> {
    let moderator = load_assessor(conn, campaign_id, moderator_id)?;
    if moderator.role != AssessorRole::Moderator {
        return Err(Error::Forbidden(format!(
            "{} is not a moderator of this campaign",
            moderator.name
        )));
    }
    Ok(moderator)
}

pub(crate) fn check_criterion<'a>(
    campaign: &'a Campaign,
    key: &str,
) -> Result<&'a crate::model::ScorecardCriterion> {
    campaign.assessed.criterion(key).ok_or_else(|| {
        Error::invalid(
            "criterion_key",
            format!("'{key}' is not a criterion of this scorecard"),
        )
    })
}

/// A decision (agreed or moderated) must be a point of the scale or "not assessed"; unlike a
/// draft it cannot be left undecided.
pub(crate) fn check_decided_value(campaign: &Campaign, d: &Decision, field: &str) -> Result<Mark> {
    check_mark(&campaign.assessed, d.mark, field)?;
    d.mark
        .mark()
        .ok_or_else(|| Error::invalid(field, "choose a score or 'not assessed'"))
}

pub(crate) fn load_agreed(
    conn: &Connection,
    candidate_id: CandidateId,
    key: &str,
) -> Result<Option<AgreedScore>> {
    Ok(conn
        .prepare_cached(
            "SELECT candidate_id, criterion_key, value, not_assessed, rationale, agreed_by, agreed_at
             FROM agreed_scores WHERE candidate_id = ?1 AND criterion_key = ?2",
        )?
        .query_row(params![candidate_id, key], agreed_from_row)
        .optional()?)
}

pub(crate) fn agreed_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AgreedScore> {
    Ok(AgreedScore {
        candidate_id: r.get(0)?,
        criterion_key: r.get(1)?,
        mark: mark_at(r, 2, || decision_row_of("agreed score", r))?,
        rationale: r.get(4)?,
        agreed_by: r.get(5)?,
        agreed_at: r.get(6)?,
    })
}

pub(crate) fn moderation_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Moderation> {
    Ok(Moderation {
        candidate_id: r.get(0)?,
        criterion_key: r.get(1)?,
        mark: mark_at(r, 2, || decision_row_of("moderated score", r))?,
        reason: r.get(4)?,
        moderator_id: r.get(5)?,
        moderated_at: r.get(6)?,
    })
}

fn load_moderation(
    conn: &Connection,
    candidate_id: CandidateId,
    key: &str,
) -> Result<Option<Moderation>> {
    Ok(conn
        .query_row(
            "SELECT candidate_id, criterion_key, value, not_assessed, reason, moderator_id, moderated_at
             FROM moderations WHERE candidate_id = ?1 AND criterion_key = ?2",
            params![candidate_id, key],
            moderation_from_row,
        )
        .optional()?)
}

/// The panel's scoring members (members and chairs) who have not yet submitted for the
/// candidate, among those who score `exercise` (limited to it, or to none); `None`: all.
fn members_yet_to_submit(
    conn: &Connection,
    panel_id: PanelId,
    candidate_id: CandidateId,
    exercise: Option<&str>,
) -> Result<Vec<String>> {
    let members: Vec<(AssessorId, String)> = conn
        // A member who declared a conflict with the candidate never scores them: not waited for.
        // Nor does one who scores another exercise: each exercise agrees on its own scorers.
        .prepare_cached("SELECT id, name FROM assessors a WHERE panel_id = ?1 AND role IN ('member', 'chair')
                           AND NOT EXISTS (SELECT 1 FROM conflicts f WHERE f.assessor_id = a.id AND f.candidate_id = ?2)
                           AND (?3 IS NULL OR a.exercise IS NULL OR a.exercise = ?3)
                         ORDER BY id")?
        .query_map(params![panel_id, candidate_id, exercise], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut waiting = Vec::new();
    for (id, name) in members {
        if !has_submitted(conn, candidate_id, id)? {
            waiting.push(name);
        }
    }
    Ok(waiting)
}

fn record_agreed(tx: &Tx<'_>, campaign: &Campaign, d: &Decision) -> Result<AgreedScore> {
    let criterion = check_criterion(campaign, &d.criterion_key)?;
    let mark = check_decided_value(campaign, d, "agreed.value")?;
    let rationale = required_text("agreed.rationale", &d.text)?;
    let candidate = load_candidate(tx.conn(), campaign.id, d.candidate_id)?;
    let recorder = load_assessor(tx.conn(), campaign.id, d.by)?;
    let exercise = criterion.exercise.as_deref();
    crate::store::scores::check_seat(campaign, &recorder, &candidate, Some(&d.criterion_key))?;
    let panel_id = candidate
        .panel_for(exercise)
        .expect("checked above: the recorder sits on the panel for this exercise");
    let waiting = members_yet_to_submit(tx.conn(), panel_id, candidate.id, exercise)?;
    if !waiting.is_empty() {
        return Err(Error::Conflict(format!(
            "the panel can agree a score for {} only after every member has submitted; waiting for {}",
            candidate.reference,
            waiting.join(", ")
        )));
    }
    let before = load_agreed(tx.conn(), candidate.id, &d.criterion_key)?;
    let agreed = AgreedScore {
        candidate_id: candidate.id,
        criterion_key: d.criterion_key.clone(),
        mark,
        rationale: rationale.to_owned(),
        agreed_by: recorder.id,
        agreed_at: tx.now().to_owned(),
    };
    tx.conn().execute(
        "INSERT INTO agreed_scores (candidate_id, criterion_key, value, not_assessed, rationale, agreed_by, agreed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (candidate_id, criterion_key) DO UPDATE SET value = excluded.value,
           not_assessed = excluded.not_assessed, rationale = excluded.rationale,
           agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at",
        params![agreed.candidate_id, agreed.criterion_key, agreed.mark.point(), agreed.mark.is_not_assessed(), agreed.rationale, agreed.agreed_by, agreed.agreed_at],
    )?;
    tx.audit(
        AuditAction::AgreedSet,
        &format!("campaign/{}/candidate/{}/criterion/{}", campaign.id, candidate.id, criterion.key),
        before
            .map(|b| -> Result<_> { Ok(json!({ "value": b.mark.point(), "not_assessed": b.mark.is_not_assessed(), "rationale": committed(tx.conn(), candidate.id, "rationale", Some(&b.rationale))? })) })
            .transpose()?,
        Some(json!({ "value": agreed.mark.point(), "not_assessed": agreed.mark.is_not_assessed(), "rationale": committed(tx.conn(), candidate.id, "rationale", Some(&agreed.rationale))? })),
    )?;
    Ok(agreed)
}

impl Store {
    /// Records the panel's agreed score, with its rationale, once every member of the
    /// candidate's panel has submitted.
    pub(crate) fn agree_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<AgreedScore> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Scoring], "agreeing a score")?;
            record_agreed(tx, &campaign, decision)
        })
    }

    /// Records many agreed scores in one transaction; all or none.
    pub(crate) fn agree_scores(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decisions: &[Decision],
    ) -> Result<usize> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Scoring], "agreeing scores")?;
            for d in decisions {
                record_agreed(tx, &campaign, d)?;
            }
            Ok(decisions.len())
        })
    }

    /// The agreed scores of a candidate.
    pub(crate) fn agreed_scores(&self, candidate_id: CandidateId) -> Result<Vec<AgreedScore>> {
        let mut stmt = self.conn().prepare(
            "SELECT candidate_id, criterion_key, value, not_assessed, rationale, agreed_by, agreed_at
             FROM agreed_scores WHERE candidate_id = ?1 ORDER BY criterion_key",
        )?;
        let rows = stmt.query_map([candidate_id], agreed_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A moderator sets a candidate's score on a criterion. The reason is required whenever
    /// the score differs from the panel's agreed score (or there is none).
    pub(crate) fn moderate_score(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        decision: &Decision,
    ) -> Result<Moderation> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Moderation], "moderating a score")?;
            let moderator = require_moderator(tx.conn(), campaign_id, decision.by)?;
            let criterion = check_criterion(&campaign, &decision.criterion_key)?;
            let mark = check_decided_value(&campaign, decision, "moderation.value")?;
            let candidate = load_candidate(tx.conn(), campaign_id, decision.candidate_id)?;
            let agreed = load_agreed(tx.conn(), candidate.id, &criterion.key)?;
            let same_as_agreed = agreed
                .as_ref()
                .is_some_and(|a| a.mark == mark);
            let reason = decision.text.trim();
            if !same_as_agreed && reason.is_empty() {
                return Err(Error::invalid(
                    "moderation.reason",
                    "a reason is required when the moderated score differs from the panel's agreed score",
                ));
            }
            let before = load_moderation(tx.conn(), candidate.id, &criterion.key)?;
            let moderation = Moderation {
                candidate_id: candidate.id,
                criterion_key: criterion.key.clone(),
                mark,
                reason: reason.to_owned(),
                moderator_id: moderator.id,
                moderated_at: tx.now().to_owned(),
            };
            tx.conn().execute(
                "INSERT INTO moderations (candidate_id, criterion_key, value, not_assessed, reason, moderator_id, moderated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (candidate_id, criterion_key) DO UPDATE SET value = excluded.value,
                   not_assessed = excluded.not_assessed, reason = excluded.reason,
                   moderator_id = excluded.moderator_id, moderated_at = excluded.moderated_at",
                params![moderation.candidate_id, moderation.criterion_key, moderation.mark.point(), moderation.mark.is_not_assessed(), moderation.reason, moderation.moderator_id, moderation.moderated_at],
            )?;
            tx.audit(
                AuditAction::ModerationSet,
                &format!("campaign/{campaign_id}/candidate/{}/criterion/{}", candidate.id, criterion.key),
                Some(json!({
                    "agreed": agreed.as_ref().map(|a| a.mark.json()),
                    "moderated": before.as_ref().map(|b| -> Result<_> { Ok(json!({ "value": b.mark.point(), "not_assessed": b.mark.is_not_assessed(), "reason": committed(tx.conn(), candidate.id, "reason", Some(&b.reason))? })) }).transpose()?,
                })),
                Some(json!({ "value": moderation.mark.point(), "not_assessed": moderation.mark.is_not_assessed(), "reason": committed(tx.conn(), candidate.id, "reason", Some(&moderation.reason))? })),
            )?;
            Ok(moderation)
        })
    }

    /// The moderations of a candidate.
    pub(crate) fn moderations(&self, candidate_id: CandidateId) -> Result<Vec<Moderation>> {
        let mut stmt = self.conn().prepare(
            "SELECT candidate_id, criterion_key, value, not_assessed, reason, moderator_id, moderated_at
             FROM moderations WHERE candidate_id = ?1 ORDER BY criterion_key",
        )?;
        let rows = stmt.query_map([candidate_id], moderation_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A moderator signs the results off: the campaign locks, and every write fails until a
    /// moderator reopens it. Refused while any candidate has a criterion with no agreed or
    /// moderated score (or "not assessed"), and while candidates are tied, not separated,
    /// across the last post.
    pub(crate) fn sign_off(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
    ) -> Result<()> {
        let tie = self.boundary_tie(campaign_id)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Moderation], "signing off")?;
            let moderator = require_moderator(tx.conn(), campaign_id, moderator_id)?;
            let undecided = undecided_results(tx.conn(), &campaign)?;
            if !undecided.is_empty() {
                let shown: Vec<String> = undecided.iter().take(5).cloned().collect();
                return Err(Error::Conflict(format!(
                    "{} result(s) have no agreed or moderated score yet, e.g. {}; decide them before signing off",
                    undecided.len(),
                    shown.join("; ")
                )));
            }
            tie.refuse(tx.conn())?;
            tx.conn().execute(
                "INSERT INTO signoffs (campaign_id, action, moderator_id, reason, at) VALUES (?1, 'sign_off', ?2, NULL, ?3)",
                params![campaign_id, moderator.id, tx.now()],
            )?;
            // The head the moderator signed off on, signed with the installation key.
            tx.record_anchor("sign_off", &format!("campaign/{campaign_id}"))?;
            set_state(tx, &campaign, CampaignState::SignedOff, None)
        })
    }

    /// The results' tie across the last post, if any, read before the sign-off's transaction
    /// (results are computed from a whole load of the campaign).
    fn boundary_tie(&self, campaign_id: CampaignId) -> Result<BoundaryTie> {
        // The head first: a write after it, even one before the results were read, makes the
        // check refuse rather than pass on stale results.
        let (_, seen_at) = crate::store::audit::head(self.conn())?;
        let results = crate::scoring::results::compute(&self.campaign_data(campaign_id)?);
        Ok(BoundaryTie {
            unseparated: crate::scoring::results::unseparated_boundary_tie(&results),
            seen_at,
        })
    }

    /// A moderator reopens signed-off results, with a reason, back into moderation.
    pub(crate) fn reopen(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
        reason: &str,
    ) -> Result<()> {
        let reason = required_text("reopen.reason", reason)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            if campaign.state != CampaignState::SignedOff {
                return Err(Error::WrongState {
                    campaign_id,
                    state: campaign.state.as_str(),
                    action: "reopening".into(),
                    allowed: CampaignState::SignedOff.as_str().into(),
                });
            }
            let moderator = require_moderator(tx.conn(), campaign_id, moderator_id)?;
            tx.conn().execute(
                "INSERT INTO signoffs (campaign_id, action, moderator_id, reason, at) VALUES (?1, 'reopen', ?2, ?3, ?4)",
                params![campaign_id, moderator.id, reason, tx.now()],
            )?;
            set_state(tx, &campaign, CampaignState::Moderation, Some(reason))
        })
    }

    /// Sign-off history, oldest first.
    pub(crate) fn signoffs(&self, campaign_id: CampaignId) -> Result<Vec<SignOff>> {
        let mut stmt = self.conn().prepare(
            "SELECT s.action, a.name, s.reason, s.at FROM signoffs s JOIN assessors a ON a.id = s.moderator_id
             WHERE s.campaign_id = ?1 ORDER BY s.id",
        )?;
        let rows = stmt.query_map([campaign_id], |r| {
            Ok(SignOff {
                action: r.get(0)?,
                moderator: r.get(1)?,
                reason: r.get(2)?,
                at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One sign-off or reopening.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SignOff {
    /// "sign_off" or "reopen".
    pub action: String,
    /// The moderator's name.
    pub moderator: String,
    /// The reason (for a reopening).
    pub reason: Option<String>,
    /// When.
    pub at: String,
}

/// "REF: criterion" for every candidate × criterion with neither an agreed nor a moderated score.
/// Withdrawn candidates have nothing left to decide, so they are not waited for.
fn undecided_results(conn: &Connection, campaign: &Campaign) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT c.reference FROM ranked_candidates c WHERE c.campaign_id = ?1
           AND NOT EXISTS (SELECT 1 FROM agreed_scores g WHERE g.candidate_id = c.id AND g.criterion_key = ?2)
           AND NOT EXISTS (SELECT 1 FROM moderations m WHERE m.candidate_id = c.id AND m.criterion_key = ?2)
         ORDER BY c.reference",
    )?;
    let mut undecided = Vec::new();
    for criterion in &campaign.assessed.criteria {
        let refs = stmt.query_map(params![campaign.id, criterion.key], |r| {
            r.get::<_, String>(0)
        })?;
        for reference in refs {
            undecided.push(format!("{}: {}", reference?, criterion.criterion.name));
        }
    }
    Ok(undecided)
}

impl Store {
    /// Every agreed score and moderation of a campaign (for exports).
    pub(crate) fn decisions(
        &self,
        campaign_id: CampaignId,
    ) -> Result<(Vec<AgreedScore>, Vec<Moderation>)> {
        let agreed = self
            .conn()
            .prepare(
                "SELECT g.candidate_id, g.criterion_key, g.value, g.not_assessed, g.rationale, g.agreed_by, g.agreed_at
                 FROM agreed_scores g JOIN ranked_candidates c ON c.id = g.candidate_id
                 WHERE c.campaign_id = ?1 ORDER BY c.reference, g.criterion_key",
            )?
            .query_map([campaign_id], agreed_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let moderations = self
            .conn()
            .prepare(
                "SELECT m.candidate_id, m.criterion_key, m.value, m.not_assessed, m.reason, m.moderator_id, m.moderated_at
                 FROM moderations m JOIN ranked_candidates c ON c.id = m.candidate_id
                 WHERE c.campaign_id = ?1 ORDER BY c.reference, m.criterion_key",
            )?
            .query_map([campaign_id], moderation_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok((agreed, moderations))
    }
}
/// Whether a tie across the last post blocks sign-off: more candidates share a place than
/// posts are left, so someone must separate them (tie order) or change the posts first.
struct BoundaryTie {
    /// Why sign-off waits, naming the tied candidates, if it must.
    unseparated: Option<String>,
    /// The audit head when the results were read.
    seen_at: String,
}

impl BoundaryTie {
    /// Inside the sign-off's transaction: refuses while the tie stands, or if anything was
    /// written since the results were read (a moderation could have made a new tie).
    fn refuse(&self, conn: &Connection) -> Result<()> {
        if let Some(tie) = &self.unseparated {
            return Err(Error::Conflict(tie.clone()));
        }
        if crate::store::audit::head(conn)?.1 != self.seen_at {
            return Err(Error::Conflict(
                "the results changed while signing off; look at them again and sign off again"
                    .to_owned(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_off_waits_for_a_boundary_tie_and_for_results_read_before_a_later_write() {
        let store = Store::open_in_memory().unwrap();
        let (_, head) = crate::store::audit::head(store.conn()).unwrap();
        let check = |unseparated: Option<&str>, seen_at: &str| {
            BoundaryTie {
                unseparated: unseparated.map(str::to_owned),
                seen_at: seen_at.to_owned(),
            }
            .refuse(store.conn())
            .map_err(|e| e.to_string())
        };
        assert_eq!(check(None, &head), Ok(()));
        assert_eq!(
            check(Some("2 candidates are tied at position 7"), &head),
            Err("2 candidates are tied at position 7".to_owned())
        );
        assert_eq!(
            check(None, "an older head"),
            Err(
                "the results changed while signing off; look at them again and sign off again"
                    .to_owned()
            )
        );
    }
}
