//! Writes to the shared database. Input is validated with SQLite's own functions first, so a
//! bad value gets the same sentence on both backends; the server then applies its own rules
//! (row security, guard triggers) and appends the audit events itself, as the login.

use chrono::Utc;
use postgres::{Client, GenericClient, Statement, Transaction};

use super::drafts::{SAVE_ACTION, SAVE_STATES};
use super::read;
use super::refused;
use crate::import::role_file;
use crate::model::{
    AssessorId, AssessorRole, Campaign, CampaignId, CampaignState, CandidateId, Decision,
    IndicatorMark, PanelId, Role, RoleId, Score, ScoreInput, ScoreStatus, Scorecard, ScorecardId,
};
use crate::scoring::data::CampaignData;
use crate::store::campaigns::{require_state, required_text};
use crate::store::decisions::{check_criterion, check_decided_value};
use crate::store::people::{check_candidate_fields, resolve_rows, PEOPLE_STATES};
use crate::store::scores::check_draft;
use crate::store::{timestamp, NewCandidate, StoredScorecard};
use crate::{Error, Result};

fn now() -> String {
    timestamp(Utc::now())
}

/// Runs one statement that returns the new row's id (of whichever entity's id type the caller
/// wants).
fn insert_returning_id<C: GenericClient, I: for<'a> postgres::types::FromSql<'a>>(
    client: &mut C,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> Result<I> {
    Ok(client.query_one(sql, params).map_err(refused)?.get(0))
}

pub(super) fn create_role(client: &mut Client, role: &Role) -> Result<RoleId> {
    role_file::check(role).map_err(|(field, msg)| Error::invalid(field, msg))?;
    insert_returning_id(
        client,
        "INSERT INTO roles (title, grade, reference, source_name, source_sha256, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        &[
            &role.title,
            &role.grade,
            &role.reference,
            &role.source.as_ref().map(|s| &s.name),
            &role.source.as_ref().map(|s| &s.sha256),
            &role_file::to_string(role),
            &now(),
        ],
    )
}

pub(super) fn create_scorecard(
    client: &mut Client,
    role_id: Option<RoleId>,
    scorecard: &Scorecard,
) -> Result<ScorecardId> {
    scorecard
        .validate()
        .map_err(|(field, msg)| Error::invalid(format!("scorecard.{field}"), msg))?;
    let mut tx = client.transaction().map_err(refused)?;
    let at = now();
    let id = insert_returning_id(
        &mut tx,
        "INSERT INTO scorecards (role_id, title, created_at) VALUES ($1, $2, $3) RETURNING id",
        &[&role_id, &scorecard.title, &at],
    )?;
    tx.execute(
        "INSERT INTO scorecard_versions (scorecard_id, version, body, created_at)
         VALUES ($1, 1, $2, $3)",
        &[
            &id,
            &serde_json::to_string(scorecard).expect("scorecard serialises"),
            &at,
        ],
    )
    .map_err(refused)?;
    tx.commit().map_err(refused)?;
    Ok(id)
}

pub(super) fn create_campaign(
    client: &mut Client,
    name: &str,
    stored: &StoredScorecard,
) -> Result<CampaignId> {
    let name = required_text("campaign.name", name)?;
    insert_returning_id(
        client,
        "INSERT INTO campaigns (name, scorecard_id, scorecard_version, scorecard, state, created_at)
         VALUES ($1, $2, $3, $4, 'setup', $5) RETURNING id",
        &[
            &name,
            &stored.id,
            &stored.version,
            &serde_json::to_string(&stored.scorecard).expect("scorecard serialises"),
            &now(),
        ],
    )
}

fn set_state<C: GenericClient>(
    client: &mut C,
    campaign: &Campaign,
    to: CampaignState,
) -> Result<()> {
    client
        .execute(
            "UPDATE campaigns SET state = $2 WHERE id = $1",
            &[&campaign.id, &to.as_str()],
        )
        .map_err(refused)?;
    Ok(())
}

/// Setup → scoring, with SQLite's checks: at least one candidate, each exercise of each
/// before a panel with a member or chair who assesses it.
pub(super) fn start_scoring(client: &mut Client, campaign: &Campaign) -> Result<()> {
    require_state(campaign, &[CampaignState::Setup], "starting scoring")?;
    let candidates = read::candidates(client, campaign.id, None)?;
    if candidates.is_empty() {
        return Err(Error::Conflict(
            "add at least one candidate before scoring starts".into(),
        ));
    }
    let assessors = read::assessors(client, campaign.id)?;
    crate::store::placements::check_every_exercise_assessed(campaign, &candidates, &assessors)?;
    set_state(client, campaign, CampaignState::Scoring)
}

pub(super) fn start_moderation(client: &mut Client, campaign: &Campaign) -> Result<()> {
    require_state(campaign, &[CampaignState::Scoring], "starting moderation")?;
    set_state(client, campaign, CampaignState::Moderation)
}

pub(super) fn set_posts(
    client: &mut Client,
    campaign: &Campaign,
    posts: Option<u32>,
    reason: Option<&str>,
) -> Result<()> {
    require_state(
        campaign,
        &[
            CampaignState::Setup,
            CampaignState::Scoring,
            CampaignState::Moderation,
        ],
        "changing the number of posts",
    )?;
    if posts == Some(0) {
        return Err(Error::invalid("posts", "must be at least 1, or unset"));
    }
    if campaign.state != CampaignState::Setup {
        required_text("posts.reason", reason.unwrap_or(""))?;
    }
    client
        .execute(
            "UPDATE campaigns SET posts = $2 WHERE id = $1",
            &[&campaign.id, &posts.map(i64::from)],
        )
        .map_err(refused)?;
    Ok(())
}

pub(super) fn add_panel(client: &mut Client, campaign: &Campaign, name: &str) -> Result<PanelId> {
    require_state(
        campaign,
        &[CampaignState::Setup, CampaignState::Scoring],
        "adding a panel",
    )?;
    let name = required_text("panel.name", name)?;
    insert_returning_id(
        client,
        "INSERT INTO panels (campaign_id, name) VALUES ($1, $2) RETURNING id",
        &[&campaign.id, &name],
    )
}

pub(super) fn add_assessor(
    client: &mut Client,
    campaign: &Campaign,
    name: &str,
    role: AssessorRole,
    panel_id: Option<PanelId>,
    login: &str,
) -> Result<AssessorId> {
    require_state(
        campaign,
        &[CampaignState::Setup, CampaignState::Scoring],
        "adding an assessor",
    )?;
    let name = required_text("assessor.name", name)?;
    if role.scores() && panel_id.is_none() {
        return Err(Error::invalid(
            "assessor.panel",
            "a member or chair sits on a panel",
        ));
    }
    let login = (!login.trim().is_empty()).then(|| login.trim());
    insert_returning_id(
        client,
        "INSERT INTO assessors (campaign_id, name, role, panel_id, login)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        &[&campaign.id, &name, &role.as_str(), &panel_id, &login],
    )
}

/// As SQLite's: the same checks first, then the server's trigger repeats them.
pub(super) fn set_assessor_exercise(
    client: &mut Client,
    campaign: &Campaign,
    assessor_id: AssessorId,
    exercise: Option<&str>,
) -> Result<()> {
    require_state(campaign, PEOPLE_STATES, "changing an assessor's exercise")?;
    let assessor = read::assessors(client, campaign.id)?
        .into_iter()
        .find(|a| a.id == assessor_id)
        .ok_or_else(|| Error::not_found("assessor", assessor_id))?;
    crate::store::people::check_assessor_exercise(campaign, &assessor, exercise)?;
    if assessor.exercise.as_deref() == exercise {
        return Ok(());
    }
    let updated = client
        .execute(
            "UPDATE assessors SET exercise = $2 WHERE id = $1",
            &[&assessor_id, &exercise],
        )
        .map_err(refused)?;
    if updated == 0 {
        return Err(Error::Forbidden(
            "only an HR administrator may change an assessor's exercise".into(),
        ));
    }
    Ok(())
}

pub(super) fn add_candidate(
    client: &mut Client,
    campaign: &Campaign,
    candidate: &NewCandidate,
) -> Result<CandidateId> {
    require_state(campaign, PEOPLE_STATES, "adding a candidate")?;
    check_candidate_fields(candidate)?;
    insert_candidate(client, campaign.id, candidate)
}

fn insert_candidate<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
    candidate: &NewCandidate,
) -> Result<CandidateId> {
    insert_returning_id(
        client,
        "INSERT INTO candidates (campaign_id, reference, name, email, panel_id, slot)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        &[
            &campaign_id,
            &candidate.reference.trim(),
            &candidate.name.trim(),
            &candidate.email,
            &candidate.panel_id,
            &candidate.slot,
        ],
    )
}

/// Imports a candidate file, every row or none, with SQLite's parser and checks.
pub(super) fn import_candidates(
    client: &mut Client,
    campaign: &Campaign,
    file: &str,
    bytes: &[u8],
    progress: &mut crate::cancel::Progress<'_>,
) -> Result<usize> {
    let rows = crate::import::candidates::parse(file, bytes)?;
    require_state(campaign, PEOPLE_STATES, "importing candidates")?;
    let mut tx = client.transaction().map_err(refused)?;
    let pairs = |tx: &mut Transaction<'_>, sql: &str| -> Result<Vec<(String, String)>> {
        read::all(tx, sql, &[&campaign.id], |r| (r.get(0), r.get(1)))
    };
    let panels = pairs(
        &mut tx,
        "SELECT lower(name), id::text FROM panels WHERE campaign_id = $1",
    )?
    .into_iter()
    .map(|(name, id)| (name, id.parse().expect("a bigint's text is a number")))
    .collect();
    let existing = pairs(
        &mut tx,
        "SELECT lower(reference), reference FROM candidates WHERE campaign_id = $1",
    )?
    .into_iter()
    .collect();
    let resolved = resolve_rows(file, &rows, &panels, &existing)?;
    // A cancel returns before the commit: dropping `tx` rolls every row back.
    for (done, candidate) in resolved.iter().enumerate() {
        insert_candidate(&mut tx, campaign.id, candidate)?;
        progress.step(done + 1, resolved.len())?;
    }
    tx.commit().map_err(refused)?;
    Ok(resolved.len())
}

fn before_sign_off(campaign: &Campaign, action: &str) -> Result<()> {
    require_state(
        campaign,
        &[
            CampaignState::Setup,
            CampaignState::Scoring,
            CampaignState::Moderation,
        ],
        action,
    )
}

/// Declares a conflict; returns the reason as stored and the time.
pub(super) fn declare_conflict(
    client: &mut Client,
    campaign: &Campaign,
    assessor_id: AssessorId,
    candidate_id: CandidateId,
    reason: &str,
) -> Result<(String, String)> {
    before_sign_off(campaign, "declaring a conflict of interest")?;
    let reason = required_text("conflict.reason", reason)?;
    let at = now();
    client
        .execute(
            "INSERT INTO conflicts (assessor_id, candidate_id, reason, declared_at)
             VALUES ($1, $2, $3, $4)",
            &[&assessor_id, &candidate_id, &reason, &at],
        )
        .map_err(refused)?;
    Ok((reason.to_owned(), at))
}

pub(super) fn confirm_no_conflicts(
    client: &mut Client,
    campaign: &Campaign,
    assessor_id: AssessorId,
) -> Result<()> {
    before_sign_off(campaign, "confirming no conflicts of interest")?;
    let changed = client
        .execute(
            "UPDATE assessors SET conflicts_confirmed_at = $2
             WHERE id = $1 AND campaign_id = $3 AND conflicts_confirmed_at IS NULL",
            &[&assessor_id, &now(), &campaign.id],
        )
        .map_err(refused)?;
    if changed > 0 {
        return Ok(());
    }
    // Nothing changed: already confirmed, or a record this login may not confirm for (row
    // security hid it from the update).
    let row = client
        .query_opt(
            "SELECT conflicts_confirmed_at IS NOT NULL FROM assessors WHERE id = $1 AND campaign_id = $2",
            &[&assessor_id, &campaign.id],
        )
        .map_err(refused)?;
    match row.map(|r| r.get::<_, bool>(0)) {
        None => Err(Error::not_found("assessor", assessor_id)),
        Some(true) => Ok(()),
        Some(false) => Err(Error::Forbidden(
            "only the panel member themselves may confirm their conflicts of interest".into(),
        )),
    }
}

/// Saves one draft, inside the caller's transaction, validated as SQLite validates it;
/// `upsert` is [`UPSERT_DRAFT`](super::drafts::UPSERT_DRAFT) prepared on the connection.
pub(super) fn save_score(
    tx: &mut Transaction<'_>,
    upsert: &Statement,
    campaign: &Campaign,
    input: &ScoreInput,
) -> Result<()> {
    require_state(campaign, SAVE_STATES, SAVE_ACTION)?;
    let (_, marks) = check_draft(campaign, input)?;
    let at = now();
    tx.execute(
        upsert,
        &[
            &input.candidate_id,
            &input.assessor_id,
            &input.criterion_key,
            &input.mark.point(),
            &input.mark.is_not_assessed(),
            &input.evidence,
            &IndicatorMark::encode(&marks),
            &at,
        ],
    )
    .map_err(refused)?;
    Ok(())
}

/// Submits every draft of one assessor for one candidate, whole (the server checks that too).
pub(super) fn submit_scores(
    client: &mut Client,
    campaign: &Campaign,
    candidate_id: CandidateId,
    assessor_id: AssessorId,
) -> Result<Vec<Score>> {
    require_state(campaign, &[CampaignState::Scoring], "submitting scores")?;
    let mut tx = client.transaction().map_err(refused)?;
    let drafts: Vec<Score> = read::scores(&mut tx, campaign.id, Some(candidate_id), false)?
        .into_iter()
        .filter(|s| s.assessor_id == assessor_id)
        .collect();
    if drafts.iter().any(|s| s.status == ScoreStatus::Submitted) {
        return Err(Error::Conflict(format!(
            "scores for candidate {candidate_id} are already submitted"
        )));
    }
    let candidate = read::candidates(&mut tx, campaign.id, Some(candidate_id))?
        .pop()
        .ok_or_else(|| Error::not_found("candidate", candidate_id))?;
    let assessor = read::assessors(&mut tx, campaign.id)?
        .into_iter()
        .find(|a| a.id == assessor_id)
        .ok_or_else(|| Error::not_found("assessor", assessor_id))?;
    crate::store::scores::check_whole_submission(campaign, &assessor, &candidate, &drafts)?;
    tx.execute(
        "UPDATE scores SET status = 'submitted', submitted_at = $3
         WHERE candidate_id = $1 AND assessor_id = $2",
        &[&candidate_id, &assessor_id, &now()],
    )
    .map_err(refused)?;
    let submitted = read::scores(&mut tx, campaign.id, Some(candidate_id), false)?
        .into_iter()
        .filter(|s| s.assessor_id == assessor_id)
        .collect();
    tx.commit().map_err(refused)?;
    Ok(submitted)
}

/// Submits each (candidate, assessor) pair's drafts, whole, as [`submit_scores`] does one, in
/// one transaction: the drafts of every pair in one read, each pair checked in turn with the
/// same checks and sentences, then one `UPDATE` of them all (the server's row security,
/// guard and whole-submission triggers and audit events apply to each row as before).
/// Returns the scores made final.
pub(super) fn submit_scores_for(
    client: &mut Client,
    campaign: &Campaign,
    submissions: &[(CandidateId, AssessorId)],
) -> Result<usize> {
    require_state(campaign, &[CampaignState::Scoring], "submitting scores")?;
    let mut tx = client.transaction().map_err(refused)?;
    let mut drafts: std::collections::HashMap<(CandidateId, AssessorId), Vec<Score>> =
        Default::default();
    for score in read::scores_of_pairs(&mut tx, campaign.id, submissions)? {
        drafts
            .entry((score.candidate_id, score.assessor_id))
            .or_default()
            .push(score);
    }
    let candidates: std::collections::HashMap<CandidateId, crate::model::Candidate> =
        read::candidates(&mut tx, campaign.id, None)?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let assessors = read::assessors(&mut tx, campaign.id)?;
    let mut done = std::collections::HashSet::new();
    for &(candidate_id, assessor_id) in submissions {
        let own = drafts
            .get(&(candidate_id, assessor_id))
            .map_or(&[][..], |d| d);
        // A pair named twice: the second finds the first submitted, as one by one.
        if !done.insert((candidate_id, assessor_id))
            || own.iter().any(|s| s.status == ScoreStatus::Submitted)
        {
            return Err(Error::Conflict(format!(
                "scores for candidate {candidate_id} are already submitted"
            )));
        }
        let candidate = candidates
            .get(&candidate_id)
            .ok_or_else(|| Error::not_found("candidate", candidate_id))?;
        let assessor = assessors
            .iter()
            .find(|a| a.id == assessor_id)
            .ok_or_else(|| Error::not_found("assessor", assessor_id))?;
        crate::store::scores::check_whole_submission(campaign, assessor, candidate, own)?;
    }
    let (candidate_ids, assessor_ids): (Vec<CandidateId>, Vec<AssessorId>) =
        submissions.iter().copied().unzip();
    let updated = tx
        .execute(
            "UPDATE scores SET status = 'submitted', submitted_at = $3
             WHERE (candidate_id, assessor_id) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))",
            &[&candidate_ids, &assessor_ids, &now()],
        )
        .map_err(refused)?;
    tx.commit().map_err(refused)?;
    Ok(updated as usize)
}

/// Which decision a [`decide`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Decided {
    /// The panel's agreed score (the chair, in scoring).
    Agreed,
    /// A moderator's score (in moderation).
    Moderated,
}

/// Records an agreed or moderated score inside the caller's transaction.
pub(super) fn decide(
    tx: &mut Transaction<'_>,
    campaign: &Campaign,
    d: &Decision,
    kind: Decided,
) -> Result<()> {
    check_criterion(campaign, &d.criterion_key)?;
    let (field, text_field, state, action, sql) = match kind {
        Decided::Agreed => (
            "agreed.value",
            "agreed.rationale",
            CampaignState::Scoring,
            "recording an agreed score",
            "INSERT INTO agreed_scores (candidate_id, criterion_key, value, not_assessed, rationale,
                                        agreed_by, agreed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (candidate_id, criterion_key) DO UPDATE SET value = excluded.value,
               not_assessed = excluded.not_assessed, rationale = excluded.rationale,
               agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at",
        ),
        Decided::Moderated => (
            "moderation.value",
            "moderation.reason",
            CampaignState::Moderation,
            "moderating a score",
            "INSERT INTO moderations (candidate_id, criterion_key, value, not_assessed, reason,
                                      moderator_id, moderated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (candidate_id, criterion_key) DO UPDATE SET value = excluded.value,
               not_assessed = excluded.not_assessed, reason = excluded.reason,
               moderator_id = excluded.moderator_id, moderated_at = excluded.moderated_at",
        ),
    };
    require_state(campaign, &[state], action)?;
    let mark = check_decided_value(campaign, d, field)?;
    let text = required_text(text_field, &d.text)?;
    tx.execute(
        sql,
        &[
            &d.candidate_id,
            &d.criterion_key,
            &mark.point(),
            &mark.is_not_assessed(),
            &text,
            &d.by,
            &now(),
        ],
    )
    .map_err(refused)?;
    Ok(())
}

/// Records agreed scores, each checked as [`decide`] checks one, in one statement run on its
/// own (autocommit): the server's row security, key trigger and audit events apply to each
/// row as for one, and the audit chain's head, locked by the first row's event, is released
/// by the commit that ends the statement rather than after a round trip per decision. The
/// decisions must name distinct (candidate, criterion) pairs: a statement writes a row once.
pub(super) fn agree_all(
    client: &mut Client,
    campaign: &Campaign,
    decisions: &[Decision],
) -> Result<usize> {
    let mut marks = Vec::with_capacity(decisions.len());
    let mut texts = Vec::with_capacity(decisions.len());
    for d in decisions {
        check_criterion(campaign, &d.criterion_key)?;
        require_state(
            campaign,
            &[CampaignState::Scoring],
            "recording an agreed score",
        )?;
        marks.push(check_decided_value(campaign, d, "agreed.value")?);
        texts.push(required_text("agreed.rationale", &d.text)?);
    }
    let written = client
        .execute(
            "INSERT INTO agreed_scores (candidate_id, criterion_key, value, not_assessed, rationale,
                                        agreed_by, agreed_at)
             SELECT d.candidate_id, d.criterion_key, d.value, d.not_assessed, d.rationale,
                    d.agreed_by, $7::text
             FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::boolean[], $5::text[],
                         $6::bigint[]) WITH ORDINALITY
               AS d(candidate_id, criterion_key, value, not_assessed, rationale, agreed_by, n)
             ORDER BY d.n
             ON CONFLICT (candidate_id, criterion_key) DO UPDATE SET value = excluded.value,
               not_assessed = excluded.not_assessed, rationale = excluded.rationale,
               agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at",
            &[
                &decisions.iter().map(|d| d.candidate_id).collect::<Vec<_>>(),
                &decisions
                    .iter()
                    .map(|d| d.criterion_key.as_str())
                    .collect::<Vec<_>>(),
                &marks.iter().map(|m| m.point()).collect::<Vec<_>>(),
                &marks.iter().map(|m| m.is_not_assessed()).collect::<Vec<_>>(),
                &texts,
                &decisions.iter().map(|d| d.by).collect::<Vec<_>>(),
                &now(),
            ],
        )
        .map_err(refused)?;
    Ok(written as usize)
}

/// Signs off, with SQLite's checks on the data the moderator sees: every result decided and
/// no tie left across the last post.
pub(super) fn sign_off(
    client: &mut Client,
    campaign: &Campaign,
    data: &CampaignData,
    moderator_id: AssessorId,
) -> Result<()> {
    require_state(campaign, &[CampaignState::Moderation], "signing off")?;
    let index = data.index();
    let mut undecided = Vec::new();
    for (candidate, view) in data.candidates.iter().zip(&index.views) {
        for (i, c) in campaign.assessed.criteria.iter().enumerate() {
            if view.decided(i).is_none() {
                undecided.push(format!("{}: {}", candidate.reference, c.criterion.name));
            }
        }
    }
    if !undecided.is_empty() {
        return Err(Error::Conflict(format!(
            "{} result(s) have no agreed or moderated score yet, e.g. {}; decide them before signing off",
            undecided.len(),
            undecided.iter().take(5).cloned().collect::<Vec<_>>().join("; ")
        )));
    }
    let results = crate::scoring::results::compute(data);
    if let Some(tied) = crate::scoring::results::unseparated_boundary_tie(&results) {
        return Err(Error::Conflict(tied));
    }
    let mut tx = client.transaction().map_err(refused)?;
    tx.execute(
        "INSERT INTO signoffs (campaign_id, action, moderator_id, reason, at)
         VALUES ($1, 'sign_off', $2, NULL, $3)",
        &[&campaign.id, &moderator_id, &now()],
    )
    .map_err(refused)?;
    set_state(&mut tx, campaign, CampaignState::SignedOff)?;
    tx.commit().map_err(refused)
}
