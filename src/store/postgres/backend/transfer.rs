//! `server import --from FILE.db`: moves campaigns from a local file into a shared database,
//! with their history, verified on both sides.
//!
//! Before: the file must verify (its chain and its data against the log), and every login its
//! campaigns name must already be a user of the server. Then, in one transaction, as a
//! superuser: the pinned scorecard, the campaign in its phase, panels, assessors, candidates
//! (erased ones stay erased), the exercises they sit before other panels, scores (drafts and
//! submitted), agreed scores, moderations, tie orders, sign-offs and conflicts, each row
//! audited by the server; the campaign's events from the file's log, verbatim with their
//! hashes, in `imported_events`; and an `imports` row with
//! the file's anchor. Before committing, the results the server now computes for each
//! campaign are compared with the file's (ids mapped): any difference rolls everything back.

use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;

use postgres::{Client, Transaction};
use rusqlite::Connection;

use super::read::campaign_data_in;
use super::refused;
use crate::model::{AssessorId, Campaign, CampaignId, CandidateId, PanelId, ScorecardId};
use crate::scoring::results;
use crate::store::audit::{self, Verification};
use crate::store::postgres::init::require_superuser;
use crate::store::Store;
use crate::{Error, Result};

/// What an import moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCampaign {
    /// The campaign's id in the file.
    pub local_id: CampaignId,
    /// Its id on the server.
    pub server_id: CampaignId,
    /// Its name.
    pub name: String,
    /// Candidates moved (erased ones included).
    pub candidates: usize,
    /// Score rows moved (drafts and submitted).
    pub scores: usize,
    /// Events of its history kept beside it.
    pub events: usize,
}

/// What `server import` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// The file's chain head when it was read, `SEQ:HASH`, recorded on the server.
    pub source_anchor: String,
    /// The campaigns moved.
    pub campaigns: Vec<ImportedCampaign>,
}

/// A file checked for import: it verifies, and these are its campaigns with the results it
/// gives for each. Everything the import reads from the file before it touches the server.
#[derive(Debug)]
pub struct CheckedSource {
    /// The file's chain head when it was read, `SEQ:HASH`.
    pub anchor: String,
    /// The campaigns to move, each with the results the file computes for it.
    pub campaigns: Vec<(Campaign, Vec<results::CandidateResult>)>,
}

/// Checks the file `source` (named `source_name` in errors) for an import of the campaigns
/// `only` (every campaign when empty): its chain and its data against the log must verify,
/// and each campaign's results are computed from it. Needs no server, so a hostile file can
/// be tried on it alone (the `transfer_source` fuzz target).
pub fn check_source(
    source: &Store,
    source_name: &str,
    only: &[CampaignId],
) -> Result<CheckedSource> {
    match source.verify()? {
        Verification::Intact { .. } => {}
        Verification::DataDiffers { row, problem, .. } => {
            return Err(Error::Conflict(format!(
                "{source_name} does not verify ({row} {problem}): nothing was imported"
            )))
        }
        Verification::Broken { seq, problem } => {
            return Err(Error::Conflict(format!(
                "{source_name} does not verify (event {seq}: {problem}): nothing was imported"
            )))
        }
    }
    let anchor = source.anchor()?.short();
    let campaigns: Vec<Campaign> = if only.is_empty() {
        source.campaigns()?
    } else {
        only.iter()
            .map(|id| source.campaign(*id))
            .collect::<Result<_>>()?
    };
    let campaigns = campaigns
        .into_iter()
        .map(|campaign| {
            let on_file = results::compute(&source.campaign_data(campaign.id)?);
            Ok((campaign, on_file))
        })
        .collect::<Result<_>>()?;
    Ok(CheckedSource { anchor, campaigns })
}

/// Moves the campaigns `only` (every campaign when empty) of the file `source` (named
/// `source_name` in the record) into the server `client` is connected to, as described above.
pub fn import_file(
    client: &mut Client,
    source: &Store,
    source_name: &str,
    only: &[CampaignId],
) -> Result<ImportReport> {
    require_superuser(client, "server import")?;
    let checked = check_source(source, source_name, only)?;
    let conn = source.conn();
    let campaign_ids: Vec<CampaignId> = checked.campaigns.iter().map(|(c, _)| c.id).collect();
    check_logins(client, conn, &campaign_ids)?;
    let mut tx = client.transaction().map_err(refused)?;
    tx.batch_execute("SET LOCAL search_path = panelmark")
        .map_err(refused)?;
    let mut report = ImportReport {
        source_anchor: checked.anchor.clone(),
        campaigns: Vec::new(),
    };
    for (campaign, on_file) in &checked.campaigns {
        let moved = copy_campaign(&mut tx, conn, campaign, source_name, &checked.anchor)?;
        check_results(&mut tx, on_file, campaign, &moved)?;
        report.campaigns.push(moved.report);
    }
    tx.commit().map_err(refused)?;
    Ok(report)
}

/// Refuses, naming them, logins the file's campaigns `campaign_ids` use that the server has no
/// user for.
fn check_logins(client: &mut Client, conn: &Connection, campaign_ids: &[CampaignId]) -> Result<()> {
    let mut missing = Vec::new();
    for campaign_id in campaign_ids {
        let mut stmt = conn.prepare(
            "SELECT DISTINCT login FROM assessors WHERE campaign_id = ?1 AND login IS NOT NULL",
        )?;
        let logins: Vec<String> = stmt
            .query_map([campaign_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for login in logins {
            let known = client
                .query_opt("SELECT 1 FROM panelmark.users WHERE login = $1", &[&login])
                .map_err(refused)?
                .is_some();
            if !known && !missing.contains(&login) {
                missing.push(login);
            }
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::Conflict(format!(
        "the server has no user for {}: add each first with `panelmark --db URL user add LOGIN \
         --role ROLE` (the same login as in the file); nothing was imported",
        missing.join(", ")
    )))
}

/// A campaign as copied, with the server's id of each of its candidates by the file's (for
/// [`check_results`]).
struct Moved {
    report: ImportedCampaign,
    candidates: IdMap<CandidateId>,
}

/// The server's id of each row of one table by the file's: the file's id of a candidate maps
/// to the server's id of that candidate, never to another entity's.
type IdMap<I> = HashMap<I, I>;

/// Reads every row of `sql` (one parameter: the campaign id) from the file as text-or-null,
/// integer or real values, in column order.
fn rows(
    conn: &Connection,
    sql: &str,
    campaign_id: CampaignId,
) -> Result<Vec<Vec<rusqlite::types::Value>>> {
    let mut stmt = conn.prepare(sql)?;
    let width = stmt.column_count();
    let rows = stmt
        .query_map([campaign_id], |r| {
            (0..width)
                .map(|i| r.get(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn text(v: &rusqlite::types::Value) -> Option<String> {
    match v {
        rusqlite::types::Value::Text(t) => Some(t.clone()),
        _ => None,
    }
}

fn int(v: &rusqlite::types::Value) -> Option<i64> {
    match v {
        rusqlite::types::Value::Integer(i) => Some(*i),
        _ => None,
    }
}

fn real(v: &rusqlite::types::Value) -> Option<f64> {
    match v {
        rusqlite::types::Value::Real(r) => Some(*r),
        rusqlite::types::Value::Integer(i) => Some(*i as f64),
        _ => None,
    }
}

/// The file's id of type `I` in a column, wrapped from its integer (`wrap`: the id type's
/// constructor).
fn file_id<I>(v: &rusqlite::types::Value, wrap: fn(i64) -> I) -> Option<I> {
    int(v).map(wrap)
}

/// The server's id for the file's `id` in `map`; a row pointing nowhere is a broken file.
fn mapped<I: Copy + Eq + Hash + Display>(
    map: &IdMap<I>,
    id: Option<I>,
    what: &str,
) -> Result<Option<I>> {
    id.map(|id| {
        map.get(&id).copied().ok_or_else(|| {
            Error::invalid(
                what,
                format!("refers to {id}, which the campaign does not hold"),
            )
        })
    })
    .transpose()
}

fn insert_returning_id<I: for<'a> postgres::types::FromSql<'a>>(
    tx: &mut Transaction<'_>,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
) -> Result<I> {
    Ok(tx.query_one(sql, params).map_err(refused)?.get(0))
}

fn copy_campaign(
    tx: &mut Transaction<'_>,
    conn: &Connection,
    campaign: &Campaign,
    source_name: &str,
    anchor: &str,
) -> Result<Moved> {
    let local = campaign.id;
    // The scorecard, as pinned: its record and the pinned version.
    let card = &rows(
        conn,
        "SELECT s.title, s.created_at, v.version, v.body, v.created_at, c.scorecard, c.name,
                c.state, c.posts, c.created_at, c.retention_months, c.purged_at, c.flag_spread,
                c.flag_panel_mean
         FROM campaigns c JOIN scorecards s ON s.id = c.scorecard_id
         JOIN scorecard_versions v ON v.scorecard_id = c.scorecard_id AND v.version = c.scorecard_version
         WHERE c.id = ?1",
        local,
    )?
    .into_iter()
    .next()
    // A file that verifies has the campaign's pinned scorecard; say so plainly if not.
    .ok_or_else(|| {
        Error::Conflict(format!(
            "{source_name}: campaign {local} has no pinned scorecard version; nothing was imported"
        ))
    })?;
    let scorecard_id: ScorecardId = insert_returning_id(
        tx,
        "INSERT INTO scorecards (role_id, title, created_at) VALUES (NULL, $1, $2) RETURNING id",
        &[&text(&card[0]), &text(&card[1])],
    )?;
    tx.execute(
        "INSERT INTO scorecard_versions (scorecard_id, version, body, created_at) VALUES ($1, $2, $3, $4)",
        &[&scorecard_id, &int(&card[2]), &text(&card[3]), &text(&card[4])],
    )
    .map_err(refused)?;
    let server_id = insert_returning_id(
        tx,
        "INSERT INTO campaigns (name, scorecard_id, scorecard_version, scorecard, state, posts,
                                created_at, retention_months, purged_at, flag_spread, flag_panel_mean)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::int, $11) RETURNING id",
        &[
            &text(&card[6]),
            &scorecard_id,
            &int(&card[2]),
            &text(&card[5]),
            &text(&card[7]),
            &int(&card[8]),
            &text(&card[9]),
            &int(&card[10]),
            &text(&card[11]),
            &int(&card[12]).map(|v| v as i32),
            &real(&card[13]),
        ],
    )?;

    let mut panels: IdMap<PanelId> = HashMap::new();
    for r in rows(
        conn,
        "SELECT id, name FROM panels WHERE campaign_id = ?1 ORDER BY id",
        local,
    )? {
        let id = insert_returning_id(
            tx,
            "INSERT INTO panels (campaign_id, name) VALUES ($1, $2) RETURNING id",
            &[&server_id, &text(&r[1])],
        )?;
        panels.insert(file_id(&r[0], PanelId).unwrap_or_default(), id);
    }
    let mut assessors: IdMap<AssessorId> = HashMap::new();
    for r in rows(
        conn,
        "SELECT id, name, role, panel_id, login, conflicts_confirmed_at, exercise FROM assessors
         WHERE campaign_id = ?1 ORDER BY id",
        local,
    )? {
        let id = insert_returning_id(
            tx,
            "INSERT INTO assessors (campaign_id, name, role, panel_id, login, conflicts_confirmed_at,
                                    exercise)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            &[
                &server_id,
                &text(&r[1]),
                &text(&r[2]),
                &mapped(&panels, file_id(&r[3], PanelId), "assessors.panel_id")?,
                &text(&r[4]),
                &text(&r[5]),
                &text(&r[6]),
            ],
        )?;
        assessors.insert(file_id(&r[0], AssessorId).unwrap_or_default(), id);
    }
    let mut candidates: IdMap<CandidateId> = HashMap::new();
    for r in rows(
        conn,
        "SELECT id, reference, name, email, panel_id, slot, erased_at, withdrawn_at,
                withdrawal_reason, adjustments
         FROM candidates WHERE campaign_id = ?1 ORDER BY id",
        local,
    )? {
        let id = insert_returning_id(
            tx,
            "INSERT INTO candidates (campaign_id, reference, name, email, panel_id, slot, erased_at,
                                     withdrawn_at, withdrawal_reason, adjustments)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            &[
                &server_id,
                &text(&r[1]),
                &text(&r[2]),
                &text(&r[3]),
                &mapped(&panels, file_id(&r[4], PanelId), "candidates.panel_id")?,
                &text(&r[5]),
                &text(&r[6]),
                &text(&r[7]),
                &text(&r[8]),
                &text(&r[9]),
            ],
        )?;
        if text(&r[6]).is_some() {
            // Erased in the file: no secret here either, so nothing commits to their texts.
            tx.execute(
                "DELETE FROM candidate_secrets WHERE candidate_id = $1",
                &[&id],
            )
            .map_err(refused)?;
        }
        candidates.insert(file_id(&r[0], CandidateId).unwrap_or_default(), id);
    }
    let in_campaign = "candidate_id IN (SELECT id FROM candidates WHERE campaign_id = ?1)";
    // Placements before the scores: the server refuses to move an exercise already scored.
    for r in rows(
        conn,
        &format!(
            "SELECT candidate_id, exercise, panel_id FROM candidate_exercise_panels
             WHERE {in_campaign} ORDER BY candidate_id, exercise"
        ),
        local,
    )? {
        tx.execute(
            "INSERT INTO candidate_exercise_panels (candidate_id, exercise, panel_id)
             VALUES ($1, $2, $3)",
            &[
                &mapped(
                    &candidates,
                    file_id(&r[0], CandidateId),
                    "candidate_exercise_panels.candidate_id",
                )?,
                &text(&r[1]),
                &mapped(
                    &panels,
                    file_id(&r[2], PanelId),
                    "candidate_exercise_panels.panel_id",
                )?,
            ],
        )
        .map_err(refused)?;
    }
    let score_rows = rows(
        conn,
        &format!(
            "SELECT candidate_id, assessor_id, criterion_key, value, not_assessed, evidence,
                    indicators, status, created_at, updated_at, submitted_at
             FROM scores WHERE {in_campaign} ORDER BY candidate_id, assessor_id, criterion_key"
        ),
        local,
    )?;
    for r in &score_rows {
        tx.execute(
            "INSERT INTO scores (candidate_id, assessor_id, criterion_key, value, not_assessed,
                                 evidence, indicators, status, created_at, updated_at, submitted_at)
             VALUES ($1, $2, $3, $4::int, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &mapped(
                    &candidates,
                    file_id(&r[0], CandidateId),
                    "scores.candidate_id",
                )?,
                &mapped(&assessors, file_id(&r[1], AssessorId), "scores.assessor_id")?,
                &text(&r[2]),
                &int(&r[3]).map(|v| v as i32),
                &(int(&r[4]) == Some(1)),
                &text(&r[5]),
                &text(&r[6]),
                &text(&r[7]),
                &text(&r[8]),
                &text(&r[9]),
                &text(&r[10]),
            ],
        )
        .map_err(refused)?;
    }
    // Agreed and moderated scores have the same shape: a decision, its text, who, when.
    for (table, text_col, by_col, at_col) in [
        ("agreed_scores", "rationale", "agreed_by", "agreed_at"),
        ("moderations", "reason", "moderator_id", "moderated_at"),
    ] {
        for r in rows(
            conn,
            &format!(
                "SELECT candidate_id, criterion_key, value, not_assessed, {text_col}, {by_col}, {at_col}
                 FROM {table} WHERE {in_campaign} ORDER BY candidate_id, criterion_key"
            ),
            local,
        )? {
            tx.execute(
                &format!(
                    "INSERT INTO {table} (candidate_id, criterion_key, value, not_assessed, {text_col},
                                          {by_col}, {at_col})
                     VALUES ($1, $2, $3::int, $4, $5, $6, $7)"
                ),
                &[
                    &mapped(&candidates, file_id(&r[0], CandidateId), "candidate_id")?,
                    &text(&r[1]),
                    &int(&r[2]).map(|v| v as i32),
                    &(int(&r[3]) == Some(1)),
                    &text(&r[4]),
                    &mapped(&assessors, file_id(&r[5], AssessorId), by_col)?,
                    &text(&r[6]),
                ],
            )
            .map_err(refused)?;
        }
    }
    for r in rows(
        conn,
        "SELECT candidate_id, rank, reason, decided_by, decided_at FROM tie_orders
         WHERE campaign_id = ?1 ORDER BY rank",
        local,
    )? {
        tx.execute(
            "INSERT INTO tie_orders (campaign_id, candidate_id, rank, reason, decided_by, decided_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &server_id,
                &mapped(&candidates, file_id(&r[0], CandidateId), "tie_orders.candidate_id")?,
                &int(&r[1]),
                &text(&r[2]),
                &mapped(&assessors, file_id(&r[3], AssessorId), "tie_orders.decided_by")?,
                &text(&r[4]),
            ],
        )
        .map_err(refused)?;
    }
    for r in rows(
        conn,
        "SELECT action, moderator_id, reason, at FROM signoffs WHERE campaign_id = ?1 ORDER BY id",
        local,
    )? {
        tx.execute(
            "INSERT INTO signoffs (campaign_id, action, moderator_id, reason, at) VALUES ($1, $2, $3, $4, $5)",
            &[
                &server_id,
                &text(&r[0]),
                &mapped(&assessors, file_id(&r[1], AssessorId), "signoffs.moderator_id")?,
                &text(&r[2]),
                &text(&r[3]),
            ],
        )
        .map_err(refused)?;
    }
    for r in rows(
        conn,
        &format!("SELECT assessor_id, candidate_id, reason, declared_at FROM conflicts WHERE {in_campaign}"),
        local,
    )? {
        tx.execute(
            "INSERT INTO conflicts (assessor_id, candidate_id, reason, declared_at) VALUES ($1, $2, $3, $4)",
            &[
                &mapped(&assessors, file_id(&r[0], AssessorId), "conflicts.assessor_id")?,
                &mapped(&candidates, file_id(&r[1], CandidateId), "conflicts.candidate_id")?,
                &text(&r[2]),
                &text(&r[3]),
            ],
        )
        .map_err(refused)?;
    }

    // The history: the file's events about the campaign, as they are in its chain.
    let mut events = Vec::new();
    audit::for_each_campaign_record(conn, local, None, |e| {
        events.push(audit::AuditRecord::from(e));
        Ok(())
    })?;
    let import_id: i64 = insert_returning_id(
        tx,
        "INSERT INTO imports (source_name, source_anchor, local_campaign_id, campaign_id, events, imported_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        &[
            &source_name,
            &anchor,
            &local,
            &server_id,
            &(events.len() as i64),
            &crate::store::timestamp(chrono::Utc::now()),
        ],
    )?;
    let insert = tx
        .prepare(
            "INSERT INTO imported_events (import_id, seq, at, actor, action, entity, before, after,
                                          prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .map_err(refused)?;
    for e in &events {
        tx.execute(
            &insert,
            &[
                &import_id,
                &e.seq,
                &e.at,
                &e.actor,
                &e.action,
                &e.entity,
                &e.before,
                &e.after,
                &e.prev_hash,
                &e.hash,
            ],
        )
        .map_err(refused)?;
    }
    Ok(Moved {
        report: ImportedCampaign {
            local_id: local,
            server_id,
            name: campaign.name.clone(),
            candidates: candidates.len(),
            scores: score_rows.len(),
            events: events.len(),
        },
        candidates,
    })
}

/// The results the server computes for the copy, with the file's candidate ids put back, must
/// be the file's to the byte.
fn check_results(
    tx: &mut Transaction<'_>,
    on_file: &[results::CandidateResult],
    campaign: &Campaign,
    moved: &Moved,
) -> Result<()> {
    let mut copy = campaign.clone();
    copy.id = moved.report.server_id;
    let mut on_server = results::compute(&campaign_data_in(tx, copy)?);
    let back: IdMap<CandidateId> = moved.candidates.iter().map(|(l, s)| (*s, *l)).collect();
    for r in &mut on_server {
        r.candidate_id = back.get(&r.candidate_id).copied().unwrap_or(r.candidate_id);
    }
    let json = |r: &[results::CandidateResult]| serde_json::to_string(r).unwrap_or_default();
    if json(on_file) != json(&on_server) {
        return Err(Error::Conflict(format!(
            "campaign {} ({}) gives different results on the server than in the file; \
             nothing was imported",
            campaign.id, campaign.name
        )));
    }
    Ok(())
}
