//! Loading a campaign's data for results, flags, statistics and exports, and the decisions
//! that depend on results (posts, tie orders).

use rusqlite::params;
use serde_json::json;

use super::campaigns::{require_state, required_text, BEFORE_SIGN_OFF};
use std::collections::HashMap;

use super::scores::{decision_row_of, mark_at, score_row_of};
use super::Store;
use crate::model::{AssessorId, AssessorRole, AuditAction, CampaignId, CampaignState, CandidateId};
use crate::scoring::data::{CampaignData, DecidedScore, ScoreFact, TieOrder};
use crate::scoring::results;
use crate::{Error, Result};

/// The submitted scores of a campaign, reduced to what the rules need, read from the covering
/// index `scores_board` alone (migration 002). The benchmark's bare scan runs this same
/// statement without the library around it.
pub const BOARD_SCORES_SQL: &str =
    "SELECT candidate_id, assessor_id, criterion_key, value, not_assessed, has_evidence, indicators
 FROM scores INDEXED BY scores_board
 WHERE candidate_id IN (SELECT id FROM ranked_candidates WHERE campaign_id = ?1 AND id BETWEEN ?2 AND ?3)
   AND status = 'submitted'";

/// From this many candidates, the board's scores are read in two halves on two connections at
/// once (the scan is most of the board's time); below it, a second connection costs more.
const SPLIT_SCAN_FROM_CANDIDATES: usize = 1000;

/// The board's score facts of the candidates with ids in `ids`, read through `conn`.
fn score_facts(
    conn: &rusqlite::Connection,
    campaign_id: CampaignId,
    ids: (CandidateId, CandidateId),
    criterion_index: &HashMap<&str, usize>,
) -> Result<Vec<ScoreFact>> {
    let facts = conn
        .prepare_cached(BOARD_SCORES_SQL)?
        .query_map(params![campaign_id, ids.0, ids.1], |r| {
            let criterion = criterion_at(r, 2, criterion_index)?;
            let marks = r.get_ref(6)?.as_str()?;
            let count = |c: char| marks.chars().filter(|m| *m == c).count() as u16;
            Ok(ScoreFact {
                candidate_id: r.get(0)?,
                assessor_id: r.get(1)?,
                criterion,
                mark: mark_at(r, 3, || score_row_of("submitted score", r))?,
                has_evidence: r.get(5)?,
                shown: count('s'),
                negative: count('x'),
                indicators: marks.chars().count() as u16,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(facts)
}

/// The scorecard index of the criterion key in column `col`.
fn criterion_at(
    r: &rusqlite::Row<'_>,
    col: usize,
    criterion_index: &HashMap<&str, usize>,
) -> rusqlite::Result<usize> {
    let key = r.get_ref(col)?.as_str()?;
    criterion_index.get(key).copied().ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Text,
            format!("unknown criterion key '{key}'").into(),
        )
    })
}

/// A campaign's decisions, as [`CampaignData`] holds them.
struct Decisions {
    agreed: Vec<DecidedScore>,
    moderated: Vec<DecidedScore>,
    tie_orders: Vec<TieOrder>,
    posts: Option<u32>,
}

/// The sequence number of the newest audit event this connection sees. Every write appends
/// one, so two read transactions that see the same head see the same data.
fn seen_head(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(super::audit::head(conn)?.0)
}

impl Store {
    /// Everything results, flags and statistics are computed from.
    pub(crate) fn campaign_data(&self, campaign_id: CampaignId) -> Result<CampaignData> {
        self.campaign_data_split(campaign_id, SPLIT_SCAN_FROM_CANDIDATES)
    }

    /// [`Store::campaign_data`], read in one snapshot. From `split_from` candidates, in a
    /// database file, the scores of the lower three fifths of the candidates (most of the
    /// reading) are read on a second connection on another thread while everything else is
    /// read here. That connection's
    /// read transaction must see the same audit head as this one (every write appends an
    /// event, so the same head means the same data); if a write slipped in between, that share
    /// is read here after all.
    fn campaign_data_split(
        &self,
        campaign_id: CampaignId,
        split_from: usize,
    ) -> Result<CampaignData> {
        let conn = self.conn();
        // Inside a transaction already (an export's snapshot), that view is the one to keep.
        let snapshot = if conn.is_autocommit() {
            Some(conn.unchecked_transaction()?)
        } else {
            None
        };
        let campaign = self.campaign(campaign_id)?;
        let criterion_index: HashMap<&str, usize> = campaign
            .assessed
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.as_str(), i))
            .collect();
        let criterion_index = &criterion_index;
        // The merit list ranks only candidates who have not withdrawn.
        let candidates: Vec<_> = self
            .candidates(campaign_id)?
            .into_iter()
            .filter(|c| c.withdrawal.is_none())
            .collect();
        // The second connection and the first candidate id of this connection's share.
        let split = match snapshot {
            Some(_) if candidates.len() >= split_from && !candidates.is_empty() => {
                self.reader()?.map(|reader| {
                    let mut ids: Vec<CandidateId> = candidates.iter().map(|c| c.id).collect();
                    ids.sort_unstable();
                    // The other thread reads only scores; this one also reads the decisions,
                    // so the other takes the larger share of the candidates.
                    (reader, ids[ids.len() * 3 / 5])
                })
            }
            _ => None,
        };
        let upper = split.as_ref().map_or(
            (CandidateId(i64::MIN), CandidateId(i64::MAX)),
            |(_, middle)| (*middle, CandidateId(i64::MAX)),
        );
        let head = seen_head(conn)?;
        let (lower, rest) = std::thread::scope(|scope| {
            let other = split.map(|(reader, middle)| {
                let lower = (CandidateId(i64::MIN), CandidateId(middle.0 - 1));
                let job = scope.spawn(move || -> Result<Option<Vec<ScoreFact>>> {
                    let tx = reader.unchecked_transaction()?;
                    if seen_head(&tx)? != head {
                        return Ok(None);
                    }
                    score_facts(&tx, campaign_id, lower, criterion_index).map(Some)
                });
                (lower, job)
            });
            let rest =
                score_facts(conn, campaign_id, upper, criterion_index).and_then(|upper_facts| {
                    Ok((
                        upper_facts,
                        self.decided_facts(campaign_id, criterion_index)?,
                    ))
                });
            let lower = other.map(|(range, job)| {
                let facts = job.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                (range, facts)
            });
            (lower, rest)
        });
        let (upper_facts, decisions) = rest?;
        let mut scores = match lower {
            Some((range, facts)) => match facts? {
                Some(facts) => facts,
                None => score_facts(conn, campaign_id, range, criterion_index)?,
            },
            None => Vec::new(),
        };
        scores.extend(upper_facts);
        let data = CampaignData {
            posts: decisions.posts,
            panels: self.panels(campaign_id)?,
            assessors: self.assessors(campaign_id)?,
            candidates,
            scores,
            agreed: decisions.agreed,
            moderated: decisions.moderated,
            tie_orders: decisions.tie_orders,
            campaign,
        };
        drop(snapshot);
        Ok(data)
    }

    /// The decisions on a campaign's candidates: agreed and moderated scores, tie orders, posts.
    fn decided_facts(
        &self,
        campaign_id: CampaignId,
        criterion_index: &HashMap<&str, usize>,
    ) -> Result<Decisions> {
        let conn = self.conn();
        let decided = |sql: &str, what: &str| -> Result<Vec<DecidedScore>> {
            Ok(conn
                .prepare_cached(sql)?
                .query_map([campaign_id], |r| {
                    Ok(DecidedScore {
                        candidate_id: r.get(0)?,
                        criterion: criterion_at(r, 1, criterion_index)?,
                        mark: mark_at(r, 2, || decision_row_of(what, r))?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let agreed = decided(
            "SELECT candidate_id, criterion_key, value, not_assessed FROM agreed_scores
             WHERE candidate_id IN (SELECT id FROM ranked_candidates WHERE campaign_id = ?1)",
            "agreed score",
        )?;
        let moderated = decided(
            "SELECT candidate_id, criterion_key, value, not_assessed FROM moderations
             WHERE candidate_id IN (SELECT id FROM ranked_candidates WHERE campaign_id = ?1)",
            "moderated score",
        )?;
        let tie_orders = conn
            .prepare_cached("SELECT candidate_id, rank, reason FROM tie_orders WHERE campaign_id = ?1 ORDER BY rank")?
            .query_map([campaign_id], |r| Ok(TieOrder { candidate_id: r.get(0)?, rank: r.get(1)?, reason: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let posts: Option<u32> = conn.query_row(
            "SELECT posts FROM campaigns WHERE id = ?1",
            [campaign_id],
            |r| r.get(0),
        )?;
        Ok(Decisions {
            agreed,
            moderated,
            tie_orders,
            posts,
        })
    }

    /// Sets the number of posts; passes beyond it in merit order form the reserve list. Once
    /// scoring has started a change moves people between appointable and reserve, so it needs
    /// a written reason, recorded in the audit event.
    pub(crate) fn set_posts(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        posts: Option<u32>,
        reason: Option<&str>,
    ) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, BEFORE_SIGN_OFF, "setting the number of posts")?;
            let before: Option<u32> = tx.conn().query_row(
                "SELECT posts FROM campaigns WHERE id = ?1",
                [campaign_id],
                |r| r.get(0),
            )?;
            let reason = match reason {
                Some(text) if !text.trim().is_empty() => Some(text.trim()),
                _ if campaign.state != CampaignState::Setup && before != posts => {
                    return Err(Error::invalid(
                        "posts.reason",
                        "changing the number of posts after scoring has started needs a reason",
                    ))
                }
                _ => None,
            };
            tx.conn().execute(
                "UPDATE campaigns SET posts = ?2 WHERE id = ?1",
                params![campaign_id, posts],
            )?;
            tx.audit(
                AuditAction::CampaignPosts,
                &format!("campaign/{campaign_id}"),
                Some(json!({ "posts": before })),
                Some(json!({ "posts": posts, "reason": reason })),
            )
        })
    }

    /// A moderator separates candidates who are tied in the merit list, in the given order,
    /// with a written reason. Every candidate named must currently share one tied position,
    /// and the whole tied group must be named.
    pub(crate) fn order_tie(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        moderator_id: AssessorId,
        ordered: &[CandidateId],
        reason: &str,
    ) -> Result<()> {
        let reason = required_text("tie.reason", reason)?;
        let current = results::compute(&self.campaign_data(campaign_id)?);
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Moderation], "separating tied candidates")?;
            let moderator = super::people::load_assessor(tx.conn(), campaign_id, moderator_id)?;
            if moderator.role != AssessorRole::Moderator {
                return Err(Error::Forbidden(format!("{} is not a moderator of this campaign", moderator.name)));
            }
            let position = check_tie_order(&current, ordered)?;
            for (rank, id) in ordered.iter().enumerate() {
                tx.conn().execute(
                    "INSERT INTO tie_orders (campaign_id, candidate_id, rank, reason, decided_by, decided_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (campaign_id, candidate_id) DO UPDATE SET rank = excluded.rank,
                       reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                    params![campaign_id, id, rank as i64 + 1, reason, moderator_id, tx.now()],
                )?;
            }
            tx.audit(
                AuditAction::TieOrder,
                &format!("campaign/{campaign_id}"),
                None,
                Some(json!({ "order": ordered, "reason": reason, "position": position })),
            )
        })
    }
}

/// Checks that `ordered` names exactly the candidates who share one tied position in the
/// merit list `current`; returns that position. The same on every backend.
pub(crate) fn check_tie_order(
    current: &[results::CandidateResult],
    ordered: &[CandidateId],
) -> Result<Option<u32>> {
    let named: Vec<&results::CandidateResult> = ordered
        .iter()
        .map(|id| {
            current
                .iter()
                .find(|r| r.candidate_id == *id)
                .ok_or_else(|| Error::not_found("candidate", id))
        })
        .collect::<Result<_>>()?;
    let position = named.first().and_then(|r| r.position);
    let mut group: Vec<CandidateId> = current
        .iter()
        .filter(|r| r.tied && r.position == position)
        .map(|r| r.candidate_id)
        .collect();
    let mut named_ids: Vec<CandidateId> = ordered.to_vec();
    named_ids.sort_unstable();
    group.sort_unstable();
    if position.is_none() || group.len() < 2 || named_ids != group {
        return Err(Error::invalid(
            "tie.candidates",
            "name exactly the candidates who share one tied position in the merit list, in the order to place them",
        ));
    }
    Ok(position)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_read_in_two_halves_on_two_connections_is_the_data_read_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("board.db")).unwrap();
        let options = crate::demo::DemoOptions {
            candidates: 40,
            seed: 7,
        };
        let progress = &mut crate::cancel::Progress::none();
        let campaign_id =
            crate::demo::build_with_exercises(&mut store, "test", &options, 1, progress).unwrap();
        let data = |split_from| store.campaign_data_split(campaign_id, split_from).unwrap();
        let (at_once, in_halves) = (data(usize::MAX), data(0));
        assert!(at_once.scores.len() > 40 * 8, "{}", at_once.scores.len());
        assert_eq!(in_halves.scores, at_once.scores);
        assert_eq!(in_halves.agreed, at_once.agreed);
        assert_eq!(in_halves.moderated, at_once.moderated);
        assert_eq!(in_halves.candidates, at_once.candidates);
    }
}
