//! Changes to what is already on the shared database: editing roles, scorecards (a new
//! version) and candidates, withdrawal, reasonable adjustments, flag thresholds, reopening.
//! Checked with SQLite's own functions first; the server's grants, policies and guard
//! triggers decide who may, and its triggers write the audit events.

use chrono::Utc;
use postgres::Client;

use super::refused;
use crate::import::role_file;
use crate::model::{
    AssessorId, Campaign, CampaignId, CampaignState, CandidateId, PanelId, Role, RoleId, Scorecard,
    ScorecardId,
};
use crate::scoring::flags::FlagSettings;
use crate::store::adjustments::checked_note;
use crate::store::campaigns::{check_scorecard, require_state, required_text, BEFORE_SIGN_OFF};
use crate::store::people::{check_candidate_fields, PEOPLE_STATES};
use crate::store::retention::{check_months, check_purge, RetentionStatus};
use crate::store::{timestamp, NewCandidate};
use crate::{Error, Result};

/// Fails with "not found" when an update touched no row: the row does not exist, or row
/// security hides it from this login.
fn touched(rows: u64, entity: &'static str, id: impl ToString) -> Result<()> {
    if rows == 0 {
        return Err(Error::not_found(entity, id));
    }
    Ok(())
}

pub(super) fn update_role(client: &mut Client, id: RoleId, role: &Role) -> Result<()> {
    role_file::check(role).map_err(|(field, msg)| Error::invalid(field, msg))?;
    let rows = client
        .execute(
            "UPDATE roles SET title = $2, grade = $3, reference = $4, body = $5 WHERE id = $1",
            &[
                &id,
                &role.title,
                &role.grade,
                &role.reference,
                &role_file::to_string(role),
            ],
        )
        .map_err(refused)?;
    touched(rows, "role", id)
}

/// Saves an edited scorecard as its next version; campaigns already running keep theirs.
pub(super) fn update_scorecard(
    client: &mut Client,
    id: ScorecardId,
    scorecard: &Scorecard,
) -> Result<i64> {
    check_scorecard(scorecard)?;
    let mut tx = client.transaction().map_err(refused)?;
    let rows = tx
        .execute(
            "UPDATE scorecards SET title = $2 WHERE id = $1",
            &[&id, &scorecard.title],
        )
        .map_err(refused)?;
    touched(rows, "scorecard", id)?;
    let version: i64 = tx
        .query_one(
            "INSERT INTO scorecard_versions (scorecard_id, version, body, created_at)
             SELECT $1, max(version) + 1, $2, $3 FROM scorecard_versions WHERE scorecard_id = $1
             RETURNING version",
            &[
                &id,
                &serde_json::to_string(scorecard).expect("scorecard serialises"),
                &timestamp(Utc::now()),
            ],
        )
        .map_err(refused)?
        .get(0);
    tx.commit().map_err(refused)?;
    Ok(version)
}

/// Places the candidate's exercise before a panel, with the local file's checks; the server's
/// trigger and policies hold the same rules against any client.
pub(super) fn place_candidate(
    client: &mut Client,
    campaign: &Campaign,
    candidate_id: CandidateId,
    exercise: &str,
    panel: Option<PanelId>,
) -> Result<()> {
    use crate::store::placements::{check_placement, placement_change, scored_already};
    let exercise = check_placement(campaign, exercise)?;
    let mut tx = client.transaction().map_err(refused)?;
    let candidate = super::read::candidates(&mut tx, campaign.id, Some(candidate_id))?
        .pop()
        .ok_or_else(|| Error::not_found("candidate", candidate_id))?;
    if let Some(panel) = panel {
        if !super::read::panels(&mut tx, campaign.id)?
            .iter()
            .any(|p| p.id == panel)
        {
            return Err(Error::invalid(
                "placement.panel",
                format!("panel {panel} is not a panel of campaign {}", campaign.id),
            ));
        }
    }
    let Some((_, panel)) = placement_change(&candidate, &exercise, panel) else {
        return Ok(());
    };
    let scored = tx
        .query_opt(
            "SELECT pm_exercise_scored($1, $2)",
            &[&candidate_id, &exercise],
        )
        .map_err(refused)?
        .and_then(|r| r.get::<_, Option<bool>>(0))
        .unwrap_or(false);
    if scored {
        return Err(scored_already(&candidate, &exercise));
    }
    let changed = match panel {
        Some(panel) => tx.execute(
            "INSERT INTO candidate_exercise_panels (candidate_id, exercise, panel_id)
             VALUES ($1, $2, $3)
             ON CONFLICT (candidate_id, exercise) DO UPDATE SET panel_id = excluded.panel_id",
            &[&candidate_id, &exercise, &panel],
        ),
        None => tx.execute(
            "DELETE FROM candidate_exercise_panels WHERE candidate_id = $1 AND exercise = $2",
            &[&candidate_id, &exercise],
        ),
    }
    .map_err(refused)?;
    if changed == 0 {
        return Err(Error::Forbidden(
            "only an HR administrator may place a candidate before a panel".into(),
        ));
    }
    tx.commit().map_err(refused)
}

pub(super) fn update_candidate(
    client: &mut Client,
    campaign: &Campaign,
    candidate_id: CandidateId,
    candidate: &NewCandidate,
) -> Result<()> {
    check_candidate_fields(candidate)?;
    require_state(campaign, PEOPLE_STATES, "changing a candidate")?;
    let rows = client
        .execute(
            "UPDATE candidates SET reference = $3, name = $4, email = $5, panel_id = $6, slot = $7
             WHERE id = $1 AND campaign_id = $2 AND erased_at IS NULL",
            &[
                &candidate_id,
                &campaign.id,
                &candidate.reference.trim(),
                &candidate.name.trim(),
                &candidate.email,
                &candidate.panel_id,
                &candidate.slot,
            ],
        )
        .map_err(refused)?;
    touched(rows, "candidate", candidate_id)
}

pub(super) fn withdraw_candidate(
    client: &mut Client,
    campaign: &Campaign,
    candidate_id: CandidateId,
    reason: &str,
) -> Result<()> {
    let reason = required_text("withdrawal.reason", reason)?;
    require_state(campaign, BEFORE_SIGN_OFF, "withdrawing a candidate")?;
    let candidate = super::read::candidates(client, campaign.id, Some(candidate_id))?
        .pop()
        .ok_or_else(|| Error::not_found("candidate", candidate_id))?;
    if let Some(withdrawal) = &candidate.withdrawal {
        return Err(Error::Conflict(format!(
            "{} was already withdrawn on {}",
            candidate.reference, withdrawal.at
        )));
    }
    let rows = client
        .execute(
            "UPDATE candidates SET withdrawn_at = $2, withdrawal_reason = $3
             WHERE id = $1 AND withdrawn_at IS NULL",
            &[&candidate_id, &timestamp(Utc::now()), &reason],
        )
        .map_err(refused)?;
    touched(rows, "candidate", candidate_id)
}

/// Erases a candidate's personal data (see `pm_erase_candidate` in 005_personal.sql: the
/// server checks the role and the phase again, blanks the texts and deletes the candidate's
/// secret in one statement, so it happens whole or not at all).
pub(super) fn erase_candidate(
    client: &mut Client,
    campaign: &Campaign,
    candidate_id: CandidateId,
    reason: &str,
) -> Result<()> {
    let reason = required_text("erase.reason", reason)?;
    require_state(campaign, BEFORE_SIGN_OFF, "erasing a candidate")?;
    super::read::candidates(client, campaign.id, Some(candidate_id))?
        .pop()
        .ok_or_else(|| Error::not_found("candidate", candidate_id))?;
    client
        .execute(
            "SELECT pm_erase_candidate($1, $2)",
            &[&candidate_id, &reason],
        )
        .map_err(refused)?;
    Ok(())
}

/// Changes how long a campaign keeps personal data, with the reason (the server refuses a
/// change without a new one, and anyone but an HR administrator).
pub(super) fn set_retention(
    client: &mut Client,
    campaign_id: CampaignId,
    months: i64,
    reason: &str,
) -> Result<()> {
    check_months(months)?;
    let reason = required_text("retention.reason", reason)?;
    let rows = client
        .execute(
            "UPDATE campaigns SET retention_months = $2, retention_reason = $3 WHERE id = $1",
            &[&campaign_id, &months, &reason],
        )
        .map_err(refused)?;
    touched(rows, "campaign", campaign_id)
}

/// Purges a campaign whose retention has ended (see `pm_purge_campaign` in
/// 006_retention.sql, which checks the date again by the server's clock). Returns how many
/// candidates it erased.
pub(super) fn purge_campaign(
    client: &mut Client,
    status: &RetentionStatus,
    reason: &str,
) -> Result<usize> {
    let reason = required_text("purge.reason", reason)?;
    check_purge(status)?;
    let erased: i64 = client
        .query_one(
            "SELECT pm_purge_campaign($1, $2)",
            &[&status.campaign_id, &reason],
        )
        .map_err(refused)?
        .get(0);
    Ok(erased as usize)
}

pub(super) fn set_adjustments(
    client: &mut Client,
    campaign: &Campaign,
    candidate_id: CandidateId,
    note: &str,
) -> Result<()> {
    let note = checked_note(note)?;
    require_state(campaign, BEFORE_SIGN_OFF, "setting reasonable adjustments")?;
    let rows = client
        .execute(
            "UPDATE candidates SET adjustments = $3 WHERE id = $1 AND campaign_id = $2",
            &[&candidate_id, &campaign.id, &note],
        )
        .map_err(refused)?;
    touched(rows, "candidate", candidate_id)
}

pub(super) fn set_flag_settings(
    client: &mut Client,
    campaign: &Campaign,
    settings: &FlagSettings,
) -> Result<()> {
    settings.check()?;
    require_state(campaign, BEFORE_SIGN_OFF, "changing the flag thresholds")?;
    let rows = client
        .execute(
            "UPDATE campaigns SET flag_spread = $2, flag_panel_mean = $3 WHERE id = $1",
            &[
                &campaign.id,
                &settings.spread_threshold,
                &settings.panel_mean_threshold,
            ],
        )
        .map_err(refused)?;
    touched(rows, "campaign", campaign.id)
}

/// Signed off → moderation, with the moderator's reason in the sign-off history.
pub(super) fn reopen(
    client: &mut Client,
    campaign: &Campaign,
    moderator_id: AssessorId,
    reason: &str,
) -> Result<()> {
    let reason = required_text("reopen.reason", reason)?;
    if campaign.state != CampaignState::SignedOff {
        return Err(Error::WrongState {
            campaign_id: campaign.id,
            state: campaign.state.as_str(),
            action: "reopening".into(),
            allowed: CampaignState::SignedOff.as_str().into(),
        });
    }
    let mut tx = client.transaction().map_err(refused)?;
    tx.execute(
        "INSERT INTO signoffs (campaign_id, action, moderator_id, reason, at)
         VALUES ($1, 'reopen', $2, $3, $4)",
        &[&campaign.id, &moderator_id, &reason, &timestamp(Utc::now())],
    )
    .map_err(refused)?;
    tx.execute(
        "UPDATE campaigns SET state = 'moderation' WHERE id = $1",
        &[&campaign.id],
    )
    .map_err(refused)?;
    tx.commit().map_err(refused)
}

/// Places the candidates tied at one position in the given order, with a reason, checked
/// against the merit list the moderator sees (`data`).
pub(super) fn order_tie(
    client: &mut Client,
    data: &crate::scoring::data::CampaignData,
    moderator_id: AssessorId,
    ordered: &[CandidateId],
    reason: &str,
) -> Result<()> {
    let reason = required_text("tie.reason", reason)?;
    require_state(
        &data.campaign,
        &[CampaignState::Moderation],
        "separating tied candidates",
    )?;
    let current = crate::scoring::results::compute(data);
    crate::store::board::check_tie_order(&current, ordered)?;
    let at = timestamp(Utc::now());
    let mut tx = client.transaction().map_err(refused)?;
    for (rank, id) in ordered.iter().enumerate() {
        tx.execute(
            "INSERT INTO tie_orders (campaign_id, candidate_id, rank, reason, decided_by, decided_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (campaign_id, candidate_id) DO UPDATE SET rank = excluded.rank,
               reason = excluded.reason, decided_by = excluded.decided_by,
               decided_at = excluded.decided_at",
            &[&data.campaign.id, id, &(rank as i64 + 1), &reason, &moderator_id, &at],
        )
        .map_err(refused)?;
    }
    tx.commit().map_err(refused)
}

/// Moderation → scoring, when a panel must rescore; the reason is stored with the state, so
/// the server's audit event of the change carries it.
pub(super) fn return_to_scoring(
    client: &mut Client,
    campaign: &Campaign,
    reason: &str,
) -> Result<()> {
    let reason = required_text("reason", reason)?;
    require_state(
        campaign,
        &[CampaignState::Moderation],
        "returning to scoring",
    )?;
    let rows = client
        .execute(
            "UPDATE campaigns SET state = 'scoring', state_reason = $2 WHERE id = $1",
            &[&campaign.id, &reason],
        )
        .map_err(refused)?;
    touched(rows, "campaign", campaign.id)
}
