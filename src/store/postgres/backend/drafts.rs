//! A panel member's draft saves: the hot path of a shared campaign.
//!
//! A save, of one draft or of a batch, is one statement run on its own (autocommit): it reads
//! the campaign's state and scorecard key and writes the drafts only if the campaign is
//! scoring on the scorecard this connection validated them against
//! ([`PinnedCampaigns`](super::pinned)). One round trip, no JSON parsed; and the audit
//! chain's head row, which the audit trigger locks as each row's event is appended, is
//! released by the commit that ends the same statement, not one or more client round trips
//! later (in a transaction of its own, the lock was held across the COMMIT's round trip, or
//! a batch's every further statement, while every other writer queued behind it). Every rule
//! stays the server's: row security decides whose rows they may be, the guard triggers what
//! may change, the audit trigger records each; the state check here only turns "not
//! scoring" into the same sentence as SQLite's, from the state read in that statement.

use chrono::Utc;
use postgres::Row;

use super::{read, refused, PgStore};
use crate::model::{
    Campaign, CampaignId, CampaignState, IndicatorMark, Score, ScoreInput, ScorecardId,
};
use crate::store::campaigns::require_state;
use crate::store::scores::check_draft;
use crate::store::timestamp;
use crate::{Error, Result};

/// What saving a draft requires of its campaign.
pub(super) const SAVE_STATES: &[CampaignState] = &[CampaignState::Scoring];
pub(super) const SAVE_ACTION: &str = "saving a score";

/// Saves drafts (one per element of the arrays $4 to $10, in order) if campaign $1 is scoring
/// on scorecard ($2, $3); returns the campaign's state and scorecard key, and the saved rows'
/// `created_at` in order (none when nothing was written).
const SAVE_DRAFTS: &str = "WITH campaign AS (
        SELECT state, scorecard_id, scorecard_version FROM campaigns WHERE id = $1
    ), saved AS (
        INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, not_assessed,
                            evidence, indicators, status, created_at, updated_at)
        SELECT d.candidate_id, d.assessor_id, d.criterion_key, d.value, d.not_assessed,
               d.evidence, d.indicators, 'draft', $11::text, $11::text
        FROM campaign,
             unnest($4::bigint[], $5::bigint[], $6::text[], $7::integer[], $8::boolean[],
                    $9::text[], $10::text[]) WITH ORDINALITY
               AS d(candidate_id, assessor_id, criterion_key, value, not_assessed, evidence,
                    indicators, n)
        WHERE state = 'scoring' AND scorecard_id = $2::bigint AND scorecard_version = $3::bigint
        ORDER BY d.n
        ON CONFLICT (candidate_id, assessor_id, criterion_key) DO UPDATE SET
          value = excluded.value, not_assessed = excluded.not_assessed,
          evidence = excluded.evidence, indicators = excluded.indicators,
          updated_at = excluded.updated_at
        RETURNING created_at
    )
    SELECT state, scorecard_id, scorecard_version, ARRAY(SELECT created_at FROM saved)
    FROM campaign";

/// A campaign's state and scorecard key, fresh.
const CAMPAIGN_STATE: &str =
    "SELECT state, scorecard_id, scorecard_version FROM campaigns WHERE id = $1";

/// Saving a draft in one transaction of many: the statement [`write::save_score`] runs.
///
/// [`write::save_score`]: super::write::save_score
pub(super) const UPSERT_DRAFT: &str =
    "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, not_assessed,
                         evidence, indicators, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $8)
     ON CONFLICT (candidate_id, assessor_id, criterion_key) DO UPDATE SET
       value = excluded.value, not_assessed = excluded.not_assessed,
       evidence = excluded.evidence, indicators = excluded.indicators,
       updated_at = excluded.updated_at";

/// A draft as saved: its indicator marks and `created_at`.
type SavedDraft = (Vec<IndicatorMark>, String);

/// The state and scorecard key of a row of [`SAVE_DRAFT`] or [`CAMPAIGN_STATE`].
fn state_and_key(
    campaign_id: CampaignId,
    row: &Row,
) -> Result<(CampaignState, (ScorecardId, i64))> {
    let state: String = row.get(0);
    let state = CampaignState::parse(&state).ok_or_else(|| {
        Error::invalid(
            format!("campaign {campaign_id}"),
            format!("unknown state '{state}'"),
        )
    })?;
    Ok((state, (row.get(1), row.get(2))))
}

impl PgStore {
    /// Reads campaign `id` whole (its scorecard parsed) and keeps it if it has left setup.
    fn pin(&self, id: CampaignId) -> Result<Campaign> {
        let campaign = read::campaign(&mut self.client(), id)?;
        self.pinned.keep(&campaign);
        Ok(campaign)
    }

    /// Campaign `id` for a write: its state read fresh, its pinned scorecard parsed once per
    /// connection. One short query when the campaign is kept.
    pub(super) fn campaign_for_write(&self, id: CampaignId) -> Result<Campaign> {
        let mut client = self.client();
        let statement = self.prepared.get(&mut client, CAMPAIGN_STATE)?;
        let row = client
            .query_opt(&statement, &[&id])
            .map_err(refused)?
            .ok_or_else(|| Error::not_found("campaign", id))?;
        drop(client);
        let (state, key) = state_and_key(id, &row)?;
        match self.pinned.fresh(id, key, state) {
            Some(campaign) => Ok(campaign),
            None => self.pin(id),
        }
    }

    /// Saves one draft (see [`PgStore::save_drafts`]).
    pub(super) fn save_draft(&self, campaign_id: CampaignId, input: &ScoreInput) -> Result<Score> {
        let (mut saved, at) = self.save_drafts(campaign_id, std::slice::from_ref(input))?;
        let (marks, created_at) = saved.pop().expect("one draft saved for one input");
        Ok(Score::draft(input, marks, created_at, at))
    }

    /// Saves drafts, all or none, in one statement (see the module's comment), validated as
    /// SQLite validates them, in SQLite's order (the campaign's state first, then each
    /// input). Returns each draft's indicator marks and `created_at`, and the time saved.
    /// Inputs for one score twice are the caller's to save one by one (a statement writes a
    /// row once).
    pub(super) fn save_drafts(
        &self,
        campaign_id: CampaignId,
        inputs: &[ScoreInput],
    ) -> Result<(Vec<SavedDraft>, String)> {
        let mut campaign = match self.pinned.get(campaign_id) {
            Some(kept) => kept,
            None => self.pin(campaign_id)?,
        };
        // Twice at most: a second pass only after the scorecard key differed, which the
        // campaigns guard allows in setup alone (where nothing is saved).
        for _ in 0..2 {
            let marks = match inputs
                .iter()
                .map(|input| check_draft(&campaign, input).map(|(_, marks)| marks))
                .collect::<Result<Vec<_>>>()
            {
                Ok(marks) => marks,
                Err(invalid) => {
                    // A wrong state outranks bad input, as in SQLite: ask the server.
                    require_state(
                        &self.campaign_for_write(campaign_id)?,
                        SAVE_STATES,
                        SAVE_ACTION,
                    )?;
                    return Err(invalid);
                }
            };
            let column = |f: fn(&ScoreInput) -> &str| inputs.iter().map(f).collect::<Vec<_>>();
            let at = timestamp(Utc::now());
            let row = {
                let mut client = self.client();
                let statement = self.prepared.get(&mut client, SAVE_DRAFTS)?;
                client
                    .query_opt(
                        &statement,
                        &[
                            &campaign_id,
                            &campaign.scorecard_id,
                            &campaign.scorecard_version,
                            &inputs.iter().map(|i| i.candidate_id).collect::<Vec<_>>(),
                            &inputs.iter().map(|i| i.assessor_id).collect::<Vec<_>>(),
                            &column(|i| &i.criterion_key),
                            &inputs.iter().map(|i| i.mark.point()).collect::<Vec<_>>(),
                            &inputs
                                .iter()
                                .map(|i| i.mark.is_not_assessed())
                                .collect::<Vec<_>>(),
                            &column(|i| &i.evidence),
                            &marks
                                .iter()
                                .map(|m| IndicatorMark::encode(m))
                                .collect::<Vec<_>>(),
                            &at,
                        ],
                    )
                    .map_err(refused)?
                    .ok_or_else(|| Error::not_found("campaign", campaign_id))?
            };
            let (state, key) = state_and_key(campaign_id, &row)?;
            let created: Vec<String> = row.get(3);
            // Nothing is written outside scoring, nor against another scorecard.
            campaign.state = state;
            require_state(&campaign, SAVE_STATES, SAVE_ACTION)?;
            if key != (campaign.scorecard_id, campaign.scorecard_version) {
                // The input was checked against a scorecard that is not the campaign's:
                // read it again and check once more.
                campaign = self.pin(campaign_id)?;
                continue;
            }
            if created.len() != inputs.len() {
                // The server's rules refuse with an error; they never skip a row silently.
                return Err(Error::Conflict(format!(
                    "the shared database wrote {} of {} drafts; check them and save again",
                    created.len(),
                    inputs.len()
                )));
            }
            return Ok((marks.into_iter().zip(created).collect(), at));
        }
        Err(Error::Conflict(format!(
            "campaign {campaign_id}'s scorecard changed while saving; save again"
        )))
    }
}
