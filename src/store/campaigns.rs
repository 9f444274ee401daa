//! Scorecards (versioned templates) and campaigns (which pin one version) with their states.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

use super::{Store, Tx};
use crate::model::{
    AuditAction, Campaign, CampaignId, CampaignState, PinnedScorecard, RoleId, Scorecard,
    ScorecardId,
};
use crate::{Error, Result};

/// A scorecard template at its newest version.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct StoredScorecard {
    /// Database id.
    pub id: ScorecardId,
    /// The role it was built from, if any.
    pub role_id: Option<RoleId>,
    /// Newest version number, from 1.
    pub version: i64,
    /// The scorecard at that version.
    pub scorecard: Scorecard,
}

pub(crate) fn check_scorecard(scorecard: &Scorecard) -> Result<()> {
    scorecard
        .validate()
        .map_err(|(field, msg)| Error::invalid(format!("scorecard.{field}"), msg))
}

fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect("domain types always serialise")
}

/// Parsed campaign scorecards by campaign id. A campaign's scorecard is fixed when the
/// campaign is created and never changes, so a parsed copy can be reused for as long as the
/// store is open; this keeps JSON parsing off the score-saving path.
pub(crate) type ScorecardCache = std::cell::RefCell<HashMap<CampaignId, PinnedScorecard>>;

pub(crate) fn load_campaign(
    conn: &Connection,
    cache: &ScorecardCache,
    id: CampaignId,
) -> Result<Campaign> {
    let row = conn
        .prepare_cached("SELECT name, scorecard_id, scorecard_version, state, created_at FROM campaigns WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, ScorecardId>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?))
        })
        .optional()?;
    let (name, scorecard_id, scorecard_version, state, created_at) =
        row.ok_or_else(|| Error::not_found("campaign", id))?;
    let cached = cache.borrow().get(&id).cloned();
    let scorecard = match cached {
        Some(scorecard) => scorecard,
        None => {
            let body: String =
                conn.query_row("SELECT scorecard FROM campaigns WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            let parsed: Scorecard = serde_json::from_str(&body).map_err(|e| {
                Error::invalid(
                    format!("campaign {id}"),
                    format!("stored scorecard is unreadable: {e}"),
                )
            })?;
            let parsed = PinnedScorecard::new(parsed);
            cache.borrow_mut().insert(id, parsed.clone());
            parsed
        }
    };
    let state = CampaignState::parse(&state).ok_or_else(|| {
        Error::invalid(format!("campaign {id}"), format!("unknown state '{state}'"))
    })?;
    Ok(Campaign::new(
        id,
        name,
        (scorecard_id, scorecard_version),
        scorecard,
        state,
        created_at,
    ))
}

/// Fails unless the campaign is in one of `allowed` states. A signed-off campaign gives the
/// distinct `Locked` error so the user learns that a reopen, not a wait, is needed.
/// Every state before sign-off: what may still change about people (withdrawals, conflicts,
/// adjustments, erasure) and posts.
pub(crate) const BEFORE_SIGN_OFF: &[CampaignState] = &[
    CampaignState::Setup,
    CampaignState::Scoring,
    CampaignState::Moderation,
];

pub(crate) fn require_state(
    campaign: &Campaign,
    allowed: &[CampaignState],
    action: &str,
) -> Result<()> {
    if allowed.contains(&campaign.state) {
        return Ok(());
    }
    if campaign.state == CampaignState::SignedOff {
        return Err(Error::Locked {
            campaign_id: campaign.id,
            action: action.to_owned(),
        });
    }
    Err(Error::WrongState {
        campaign_id: campaign.id,
        state: campaign.state.as_str(),
        action: action.to_owned(),
        allowed: allowed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" or "),
    })
}

pub(crate) fn set_state(
    tx: &Tx<'_>,
    campaign: &Campaign,
    to: CampaignState,
    reason: Option<&str>,
) -> Result<()> {
    tx.conn().execute(
        "UPDATE campaigns SET state = ?2 WHERE id = ?1",
        params![campaign.id, to.as_str()],
    )?;
    tx.audit(
        AuditAction::CampaignState,
        &format!("campaign/{}", campaign.id),
        Some(json!({ "state": campaign.state.as_str() })),
        Some(json!({ "state": to.as_str(), "reason": reason })),
    )
}

impl Store {
    /// Saves a new scorecard template (version 1).
    pub(crate) fn create_scorecard(
        &mut self,
        actor: &str,
        role_id: Option<RoleId>,
        scorecard: &Scorecard,
    ) -> Result<ScorecardId> {
        check_scorecard(scorecard)?;
        self.write(actor, |tx| {
            if let Some(role_id) = role_id {
                super::roles::get_role(tx.conn(), role_id)?;
            }
            tx.conn().execute(
                "INSERT INTO scorecards (role_id, title, created_at) VALUES (?1, ?2, ?3)",
                params![role_id, scorecard.title, tx.now()],
            )?;
            let id = ScorecardId(tx.conn().last_insert_rowid());
            insert_version(tx, id, 1, scorecard)?;
            Ok(id)
        })
    }

    /// Saves an edited scorecard as a new version; campaigns already running keep theirs.
    pub(crate) fn update_scorecard(
        &mut self,
        actor: &str,
        id: ScorecardId,
        scorecard: &Scorecard,
    ) -> Result<i64> {
        check_scorecard(scorecard)?;
        self.write(actor, |tx| {
            let current = get_scorecard(tx.conn(), id)?;
            let version = current.version + 1;
            tx.conn().execute(
                "UPDATE scorecards SET title = ?2 WHERE id = ?1",
                params![id, scorecard.title],
            )?;
            insert_version(tx, id, version, scorecard)?;
            Ok(version)
        })
    }

    /// A scorecard template at its newest version.
    pub(crate) fn scorecard(&self, id: ScorecardId) -> Result<StoredScorecard> {
        get_scorecard(self.conn(), id)
    }

    /// Every scorecard template at its newest version.
    pub(crate) fn scorecards(&self) -> Result<Vec<StoredScorecard>> {
        let ids: Vec<ScorecardId> = self
            .conn()
            .prepare("SELECT id FROM scorecards ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| get_scorecard(self.conn(), id))
            .collect()
    }

    /// Starts a campaign on the newest version of a scorecard, in the setup state.
    pub(crate) fn create_campaign(
        &mut self,
        actor: &str,
        name: &str,
        scorecard_id: ScorecardId,
    ) -> Result<CampaignId> {
        if name.trim().is_empty() {
            return Err(Error::invalid("campaign.name", "is empty"));
        }
        self.write(actor, |tx| {
            let stored = get_scorecard(tx.conn(), scorecard_id)?;
            tx.conn().execute(
                "INSERT INTO campaigns (name, scorecard_id, scorecard_version, scorecard, state, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'setup', ?5)",
                params![
                    name.trim(),
                    scorecard_id,
                    stored.version,
                    serde_json::to_string(&stored.scorecard).expect("scorecard serialises"),
                    tx.now()
                ],
            )?;
            let id = CampaignId(tx.conn().last_insert_rowid());
            tx.audit(
                AuditAction::CampaignCreate,
                &format!("campaign/{id}"),
                None,
                Some(json!({
                    "name": name.trim(),
                    "scorecard_id": scorecard_id,
                    "scorecard_version": stored.version,
                    "retention_months": super::retention::DEFAULT_MONTHS,
                })),
            )?;
            Ok(id)
        })
    }

    /// One campaign.
    pub(crate) fn campaign(&self, id: CampaignId) -> Result<Campaign> {
        load_campaign(self.conn(), &self.scorecards, id)
    }

    /// Every campaign, oldest first.
    pub(crate) fn campaigns(&self) -> Result<Vec<Campaign>> {
        let ids: Vec<CampaignId> = self
            .conn()
            .prepare("SELECT id FROM campaigns ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.campaign(id)).collect()
    }

    /// Setup → scoring. Needs at least one candidate, each exercise of each before a panel
    /// with a member or chair who assesses it.
    pub(crate) fn start_scoring(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Setup], "starting scoring")?;
            let candidates: i64 = tx.conn().query_row(
                "SELECT count(*) FROM candidates WHERE campaign_id = ?1 AND erased_at IS NULL",
                [campaign_id],
                |r| r.get(0),
            )?;
            if candidates == 0 {
                return Err(Error::Conflict(
                    "add at least one candidate before scoring starts".into(),
                ));
            }
            super::placements::check_every_exercise_assessed(
                &campaign,
                &super::people::load_candidates(tx.conn(), campaign_id)?,
                &super::people::load_assessors(tx.conn(), campaign_id)?,
            )?;
            set_state(tx, &campaign, CampaignState::Scoring, None)
        })
    }

    /// Scoring → moderation: panels have finished; HR reviews.
    pub(crate) fn start_moderation(&mut self, actor: &str, campaign_id: CampaignId) -> Result<()> {
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(&campaign, &[CampaignState::Scoring], "starting moderation")?;
            set_state(tx, &campaign, CampaignState::Moderation, None)
        })
    }

    /// Moderation → scoring, when a panel must rescore; the reason is recorded.
    pub(crate) fn return_to_scoring(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        reason: &str,
    ) -> Result<()> {
        let reason = required_text("reason", reason)?;
        self.write(actor, |tx| {
            let campaign = tx.campaign(campaign_id)?;
            require_state(
                &campaign,
                &[CampaignState::Moderation],
                "returning to scoring",
            )?;
            set_state(tx, &campaign, CampaignState::Scoring, Some(reason))
        })
    }
}

/// Trims `text` and fails, naming `field`, when nothing is left.
pub(crate) fn required_text<'a>(field: &str, text: &'a str) -> Result<&'a str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "is required and cannot be blank"));
    }
    Ok(text)
}

fn insert_version(tx: &Tx<'_>, id: ScorecardId, version: i64, scorecard: &Scorecard) -> Result<()> {
    tx.conn().execute(
        "INSERT INTO scorecard_versions (scorecard_id, version, body, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, version, serde_json::to_string(scorecard).expect("scorecard serialises"), tx.now()],
    )?;
    tx.audit(
        if version == 1 {
            AuditAction::ScorecardCreate
        } else {
            AuditAction::ScorecardUpdate
        },
        &format!("scorecard/{id}/version/{version}"),
        None,
        Some(to_json(scorecard)),
    )
}

fn get_scorecard(conn: &Connection, id: ScorecardId) -> Result<StoredScorecard> {
    let row = conn
        .query_row(
            "SELECT s.role_id, v.version, v.body FROM scorecards s
             JOIN scorecard_versions v ON v.scorecard_id = s.id
             WHERE s.id = ?1 ORDER BY v.version DESC LIMIT 1",
            [id],
            |r| {
                Ok((
                    r.get::<_, Option<RoleId>>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    let (role_id, version, body) = row.ok_or_else(|| Error::not_found("scorecard", id))?;
    let scorecard = serde_json::from_str(&body).map_err(|e| {
        Error::invalid(
            format!("scorecard {id}"),
            format!("stored body is unreadable: {e}"),
        )
    })?;
    Ok(StoredScorecard {
        id,
        role_id,
        version,
        scorecard,
    })
}
