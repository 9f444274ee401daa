//! Loading a campaign's data for results, flags, statistics and exports, and the decisions
//! that depend on results (posts, tie orders).

use rusqlite::params;
use serde_json::json;

use super::campaigns::{require_state, required_text};
use std::collections::HashMap;

use super::Store;
use crate::model::{AssessorRole, CampaignState, Id};
use crate::scoring::data::{CampaignData, DecidedScore, ScoreFact, TieOrder};
use crate::scoring::{flags, report, results};
use crate::{Error, Result};

/// The submitted scores of a campaign, reduced to what the rules need, read from the covering
/// index `scores_board` alone (migration 002). The benchmark's bare scan runs this same
/// statement without the library around it.
pub const BOARD_SCORES_SQL: &str =
    "SELECT candidate_id, assessor_id, criterion_key, value, not_assessed, has_evidence, indicators
 FROM scores INDEXED BY scores_board
 WHERE candidate_id IN (SELECT id FROM candidates WHERE campaign_id = ?1 AND erased_at IS NULL)
   AND status = 'submitted'";

impl Store {
    /// Everything results, flags and statistics are computed from.
    pub fn campaign_data(&self, campaign_id: Id) -> Result<CampaignData> {
        let conn = self.conn();
        let campaign = self.campaign(campaign_id)?;
        let posts: Option<u32> = conn.query_row(
            "SELECT posts FROM campaigns WHERE id = ?1",
            [campaign_id],
            |r| r.get(0),
        )?;
        let criterion_index: HashMap<&str, usize> = campaign
            .scorecard
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.as_str(), i))
            .collect();
        let criterion_of = |r: &rusqlite::Row<'_>, col: usize| -> rusqlite::Result<usize> {
            let key = r.get_ref(col)?.as_str()?;
            criterion_index.get(key).copied().ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    col,
                    rusqlite::types::Type::Text,
                    format!("unknown criterion key '{key}'").into(),
                )
            })
        };
        let scores = conn
            .prepare_cached(BOARD_SCORES_SQL)?
            .query_map([campaign_id], |r| {
                let marks = r.get_ref(6)?.as_str()?;
                let count = |c: char| marks.chars().filter(|m| *m == c).count() as u16;
                Ok(ScoreFact {
                    candidate_id: r.get(0)?,
                    assessor_id: r.get(1)?,
                    criterion: criterion_of(r, 2)?,
                    value: r.get(3)?,
                    not_assessed: r.get(4)?,
                    has_evidence: r.get(5)?,
                    shown: count('s'),
                    negative: count('x'),
                    indicators: marks.chars().count() as u16,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let decided = |sql: &str| -> Result<Vec<DecidedScore>> {
            Ok(conn
                .prepare_cached(sql)?
                .query_map([campaign_id], |r| {
                    Ok(DecidedScore {
                        candidate_id: r.get(0)?,
                        criterion: criterion_of(r, 1)?,
                        value: r.get(2)?,
                        not_assessed: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let agreed = decided(
            "SELECT candidate_id, criterion_key, value, not_assessed FROM agreed_scores
             WHERE candidate_id IN (SELECT id FROM candidates WHERE campaign_id = ?1 AND erased_at IS NULL)",
        )?;
        let moderated = decided(
            "SELECT candidate_id, criterion_key, value, not_assessed FROM moderations
             WHERE candidate_id IN (SELECT id FROM candidates WHERE campaign_id = ?1 AND erased_at IS NULL)",
        )?;
        let tie_orders = conn
            .prepare_cached("SELECT candidate_id, rank, reason FROM tie_orders WHERE campaign_id = ?1 ORDER BY rank")?
            .query_map([campaign_id], |r| Ok(TieOrder { candidate_id: r.get(0)?, rank: r.get(1)?, reason: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(CampaignData {
            campaign,
            posts,
            panels: self.panels(campaign_id)?,
            assessors: self.assessors(campaign_id)?,
            candidates: self.candidates(campaign_id)?,
            scores,
            agreed,
            moderated,
            tie_orders,
        })
    }

    /// The moderation board: results and flags from one load.
    pub fn board(
        &self,
        campaign_id: Id,
        settings: &flags::FlagSettings,
    ) -> Result<crate::scoring::board::Board> {
        Ok(crate::scoring::board::compute(
            &self.campaign_data(campaign_id)?,
            settings,
        ))
    }

    /// The moderation board packed for the screen (see [`PackedBoard`]).
    ///
    /// [`PackedBoard`]: crate::scoring::board::PackedBoard
    pub fn packed_board(
        &self,
        campaign_id: Id,
        settings: &flags::FlagSettings,
    ) -> Result<crate::scoring::board::PackedBoard> {
        let data = self.campaign_data(campaign_id)?;
        let keys = data
            .campaign
            .scorecard
            .criteria
            .iter()
            .map(|c| c.key.clone())
            .collect();
        Ok(crate::scoring::board::compute(&data, settings).pack(keys))
    }

    /// Results in merit order.
    pub fn results(&self, campaign_id: Id) -> Result<Vec<results::CandidateResult>> {
        Ok(results::compute(&self.campaign_data(campaign_id)?))
    }

    /// Flags with the given thresholds.
    pub fn flags(
        &self,
        campaign_id: Id,
        settings: &flags::FlagSettings,
    ) -> Result<Vec<flags::Flag>> {
        Ok(flags::compute(&self.campaign_data(campaign_id)?, settings))
    }

    /// Statistics.
    pub fn stats(&self, campaign_id: Id) -> Result<report::CampaignStats> {
        Ok(report::compute(&self.campaign_data(campaign_id)?))
    }

    /// Sets the number of posts; passes beyond it in merit order form the reserve list.
    pub fn set_posts(&mut self, actor: &str, campaign_id: Id, posts: Option<u32>) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(
                &campaign,
                &[
                    CampaignState::Setup,
                    CampaignState::Scoring,
                    CampaignState::Moderation,
                ],
                "setting the number of posts",
            )?;
            let before: Option<u32> = tx.conn().query_row(
                "SELECT posts FROM campaigns WHERE id = ?1",
                [campaign_id],
                |r| r.get(0),
            )?;
            tx.conn().execute(
                "UPDATE campaigns SET posts = ?2 WHERE id = ?1",
                params![campaign_id, posts],
            )?;
            tx.audit(
                "campaign.posts",
                &format!("campaign/{campaign_id}"),
                Some(json!({ "posts": before })),
                Some(json!({ "posts": posts })),
            )
        })
    }

    /// A moderator separates candidates who are tied in the merit list, in the given order,
    /// with a written reason. Every candidate named must currently share one tied position,
    /// and the whole tied group must be named.
    pub fn order_tie(
        &mut self,
        actor: &str,
        campaign_id: Id,
        moderator_id: Id,
        ordered: &[Id],
        reason: &str,
    ) -> Result<()> {
        let reason = required_text("tie.reason", reason)?;
        let current = self.results(campaign_id)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Moderation], "separating tied candidates")?;
            let moderator = super::people::load_assessor(tx.conn(), campaign_id, moderator_id)?;
            if moderator.role != AssessorRole::Moderator {
                return Err(Error::Forbidden(format!("{} is not a moderator of this campaign", moderator.name)));
            }
            let named: Vec<&results::CandidateResult> = ordered
                .iter()
                .map(|id| current.iter().find(|r| r.candidate_id == *id).ok_or_else(|| Error::not_found("candidate", id)))
                .collect::<Result<_>>()?;
            let position = named.first().and_then(|r| r.position);
            let group: Vec<Id> = current.iter().filter(|r| r.tied && r.position == position).map(|r| r.candidate_id).collect();
            let mut named_ids: Vec<Id> = ordered.to_vec();
            named_ids.sort_unstable();
            let mut group_sorted = group.clone();
            group_sorted.sort_unstable();
            if position.is_none() || group.len() < 2 || named_ids != group_sorted {
                return Err(Error::invalid(
                    "tie.candidates",
                    "name exactly the candidates who share one tied position in the merit list, in the order to place them",
                ));
            }
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
                "tie.order",
                &format!("campaign/{campaign_id}"),
                None,
                Some(json!({ "order": ordered, "reason": reason, "position": position })),
            )
        })
    }
}
