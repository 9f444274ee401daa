//! Reads from the shared database. Row security on the server decides which rows a login sees;
//! these queries ask for everything and get what the login may read, ordered as SQLite
//! orders them so both backends list the same things the same way.

use std::collections::HashMap;

use postgres::{Client, GenericClient};

use super::prepared::Prepared;
use super::refused;
use super::rows::{
    self, AGREED_COLUMNS, ASSESSOR_COLUMNS, CANDIDATE_COLUMNS, MODERATION_COLUMNS, SCORE_COLUMNS,
};
use crate::model::{
    AgreedScore, Assessor, AssessorId, Campaign, CampaignId, CampaignState, Candidate, CandidateId,
    Moderation, OwnProgress, Panel, PinnedScorecard, Role, RoleId, Score, Scorecard, ScorecardId,
    User,
};
use crate::scoring::data::{CampaignData, DecidedScore, ScoreFact, TieOrder};
use crate::scoring::flags::FlagSettings;
use crate::store::conflicts::ConflictStatus;
use crate::store::retention::RetentionRow;
use crate::store::{ConflictDeclaration, SignOff, StoredRole, StoredScorecard, Verification};
use crate::{Error, Result};

/// Runs a query and maps its rows; a refusal becomes the core's error.
pub(super) fn all<C: GenericClient, T>(
    client: &mut C,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
    map: impl Fn(&postgres::Row) -> T,
) -> Result<Vec<T>> {
    Ok(client
        .query(sql, params)
        .map_err(refused)?
        .iter()
        .map(map)
        .collect())
}

/// As [`all`], for rows whose reading can fail (a stored value the model's types cannot hold).
pub(super) fn try_all<C: GenericClient, T>(
    client: &mut C,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
    map: impl Fn(&postgres::Row) -> Result<T>,
) -> Result<Vec<T>> {
    client
        .query(sql, params)
        .map_err(refused)?
        .iter()
        .map(map)
        .collect()
}

fn parse_json<T: serde::de::DeserializeOwned>(what: String, body: &str) -> Result<T> {
    serde_json::from_str(body)
        .map_err(|e| Error::invalid(what, format!("stored body is unreadable: {e}")))
}

/// Every login with a Panelmark user row, or the one named; HR administrators are the members
/// of the group.
pub(super) fn users(client: &mut Client, login: Option<&str>) -> Result<Vec<User>> {
    all(
        client,
        "SELECT coalesce(r.oid::bigint, 0), u.login, u.display_name,
                coalesce(pg_has_role(u.login, 'panelmark_hr_admin', 'MEMBER'), false)
         FROM users u LEFT JOIN pg_roles r ON r.rolname = u.login
         WHERE $1::text IS NULL OR u.login = $1 ORDER BY u.login",
        &[&login],
        |r| User {
            id: r.get(0),
            login: r.get(1),
            name: r.get(2),
            hr_admin: r.get(3),
        },
    )
}

pub(super) fn records_of(
    client: &mut Client,
    prepared: &Prepared,
    login: &str,
    campaign_id: Option<CampaignId>,
) -> Result<Vec<Assessor>> {
    let statement = prepared.get(
        client,
        &format!(
            "SELECT {ASSESSOR_COLUMNS} FROM assessors
             WHERE login = $1 AND ($2::bigint IS NULL OR campaign_id = $2) ORDER BY campaign_id, id"
        ),
    )?;
    Ok(client
        .query(&statement, &[&login, &campaign_id])
        .map_err(refused)?
        .iter()
        .map(rows::assessor)
        .collect())
}

pub(super) fn has_submitted(
    client: &mut Client,
    candidate_id: CandidateId,
    assessor_id: AssessorId,
) -> Result<bool> {
    Ok(client
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM scores WHERE candidate_id = $1 AND assessor_id = $2
                                                 AND status = 'submitted')",
            &[&candidate_id, &assessor_id],
        )
        .map_err(refused)?
        .get(0))
}

pub(super) fn roles(client: &mut Client, id: Option<RoleId>) -> Result<Vec<StoredRole>> {
    all(
        client,
        "SELECT id, body, created_at FROM roles WHERE $1::bigint IS NULL OR id = $1 ORDER BY id",
        &[&id],
        |r| {
            (
                r.get::<_, RoleId>(0),
                r.get::<_, String>(1),
                r.get::<_, String>(2),
            )
        },
    )?
    .into_iter()
    .map(|(id, body, created_at)| {
        Ok(StoredRole {
            id,
            role: parse_json::<Role>(format!("role {id}"), &body)?,
            created_at,
        })
    })
    .collect()
}

pub(super) fn scorecards(
    client: &mut Client,
    id: Option<ScorecardId>,
) -> Result<Vec<StoredScorecard>> {
    all(
        client,
        "SELECT DISTINCT ON (s.id) s.id, s.role_id, v.version, v.body
         FROM scorecards s JOIN scorecard_versions v ON v.scorecard_id = s.id
         WHERE $1::bigint IS NULL OR s.id = $1 ORDER BY s.id, v.version DESC",
        &[&id],
        |r| {
            (
                r.get::<_, ScorecardId>(0),
                r.get(1),
                r.get(2),
                r.get::<_, String>(3),
            )
        },
    )?
    .into_iter()
    .map(|(id, role_id, version, body)| {
        Ok(StoredScorecard {
            id,
            role_id,
            version,
            scorecard: parse_json::<Scorecard>(format!("scorecard {id}"), &body)?,
        })
    })
    .collect()
}

fn campaigns_where(client: &mut Client, id: Option<CampaignId>) -> Result<Vec<Campaign>> {
    all(
        client,
        "SELECT id, name, scorecard_id, scorecard_version, scorecard, state, created_at
         FROM campaigns WHERE $1::bigint IS NULL OR id = $1 ORDER BY id",
        &[&id],
        |r| {
            (
                r.get::<_, CampaignId>(0),
                r.get::<_, String>(1),
                r.get::<_, ScorecardId>(2),
                r.get::<_, i64>(3),
                r.get::<_, String>(4),
                r.get::<_, String>(5),
                r.get::<_, String>(6),
            )
        },
    )?
    .into_iter()
    .map(
        |(id, name, scorecard_id, scorecard_version, body, state, created_at)| {
            Ok(Campaign::new(
                id,
                name,
                (scorecard_id, scorecard_version),
                PinnedScorecard::new(parse_json(format!("campaign {id}"), &body)?),
                CampaignState::parse(&state).ok_or_else(|| {
                    Error::invalid(format!("campaign {id}"), format!("unknown state '{state}'"))
                })?,
                created_at,
            ))
        },
    )
    .collect()
}

/// One campaign; one the login takes no part in is "not found", as row security hides it.
pub(super) fn campaign(client: &mut Client, id: CampaignId) -> Result<Campaign> {
    campaigns_where(client, Some(id))?
        .pop()
        .ok_or_else(|| Error::not_found("campaign", id))
}

pub(super) fn campaigns(client: &mut Client) -> Result<Vec<Campaign>> {
    campaigns_where(client, None)
}

pub(super) fn posts(client: &mut Client, campaign_id: CampaignId) -> Result<Option<u32>> {
    let row = client
        .query_opt("SELECT posts FROM campaigns WHERE id = $1", &[&campaign_id])
        .map_err(refused)?
        .ok_or_else(|| Error::not_found("campaign", campaign_id))?;
    Ok(row.get::<_, Option<i64>>(0).map(|p| p as u32))
}

pub(super) fn flag_settings(client: &mut Client, campaign_id: CampaignId) -> Result<FlagSettings> {
    let row = client
        .query_opt(
            "SELECT flag_spread, flag_panel_mean FROM campaigns WHERE id = $1",
            &[&campaign_id],
        )
        .map_err(refused)?
        .ok_or_else(|| Error::not_found("campaign", campaign_id))?;
    Ok(FlagSettings::stored(row.get(0), row.get(1)))
}

pub(super) fn panels<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
) -> Result<Vec<Panel>> {
    all(
        client,
        "SELECT id, campaign_id, name FROM panels WHERE campaign_id = $1 ORDER BY id",
        &[&campaign_id],
        rows::panel,
    )
}

pub(super) fn assessors<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
) -> Result<Vec<Assessor>> {
    all(
        client,
        &format!("SELECT {ASSESSOR_COLUMNS} FROM assessors WHERE campaign_id = $1 ORDER BY id"),
        &[&campaign_id],
        rows::assessor,
    )
}

/// Which candidates a campaign lists (a condition on `candidates`): those not erased, and in a
/// purged campaign all of them (it keeps its anonymised results and statistics), as SQLite's
/// `listed_candidates` view.
const LISTED: &str =
    "(erased_at IS NULL OR campaign_id IN (SELECT id FROM campaigns WHERE purged_at IS NOT NULL))";

/// The campaign's listed candidates (see [`LISTED`]), or one of them, in reference order.
pub(super) fn candidates<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
    candidate_id: Option<CandidateId>,
) -> Result<Vec<Candidate>> {
    let mut candidates = all(
        client,
        &format!(
            "SELECT {CANDIDATE_COLUMNS} FROM candidates
             WHERE campaign_id = $1 AND {LISTED} AND ($2::bigint IS NULL OR id = $2)
             ORDER BY reference COLLATE \"C\""
        ),
        &[&campaign_id, &candidate_id],
        rows::candidate,
    )?;
    attach_placements(client, campaign_id, candidate_id, &mut candidates)?;
    Ok(candidates)
}

/// Fills in the candidates' placements (see `model::placement`), of the campaign's or of one
/// candidate (`candidate_id`), in one query.
fn attach_placements<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
    candidate_id: Option<CandidateId>,
    candidates: &mut [Candidate],
) -> Result<()> {
    let mut placed: HashMap<CandidateId, Vec<crate::model::ExercisePanel>> = HashMap::new();
    for row in client
        .query(
            "SELECT e.candidate_id, e.exercise, e.panel_id FROM candidate_exercise_panels e
             JOIN candidates c ON c.id = e.candidate_id
             WHERE c.campaign_id = $1 AND ($2::bigint IS NULL OR c.id = $2)
             ORDER BY e.candidate_id, e.exercise",
            &[&campaign_id, &candidate_id],
        )
        .map_err(refused)?
    {
        placed
            .entry(row.get(0))
            .or_default()
            .push(crate::model::ExercisePanel {
                exercise: row.get(1),
                panel_id: row.get(2),
            });
    }
    for candidate in candidates {
        candidate.exercise_panels = placed.remove(&candidate.id).unwrap_or_default();
    }
    Ok(())
}

pub(super) fn adjustments(
    client: &mut Client,
    campaign_id: CampaignId,
    candidate_id: CandidateId,
) -> Result<Option<String>> {
    let row = client
        .query_opt(
            "SELECT adjustments FROM candidates WHERE id = $1 AND campaign_id = $2",
            &[&candidate_id, &campaign_id],
        )
        .map_err(refused)?
        .ok_or_else(|| Error::not_found("candidate", candidate_id))?;
    Ok(row.get(0))
}

pub(super) fn campaign_of(client: &mut Client, candidate_id: CandidateId) -> Result<CampaignId> {
    Ok(client
        .query_opt(
            "SELECT campaign_id FROM candidates WHERE id = $1",
            &[&candidate_id],
        )
        .map_err(refused)?
        .ok_or_else(|| Error::not_found("candidate", candidate_id))?
        .get(0))
}

pub(super) fn conflicts(
    client: &mut Client,
    campaign_id: CampaignId,
) -> Result<Vec<ConflictDeclaration>> {
    all(
        client,
        "SELECT f.assessor_id, a.name, f.candidate_id, c.reference, f.reason, f.declared_at
         FROM conflicts f JOIN assessors a ON a.id = f.assessor_id
                          JOIN candidates c ON c.id = f.candidate_id
         WHERE a.campaign_id = $1 ORDER BY c.reference COLLATE \"C\", a.id",
        &[&campaign_id],
        |r| ConflictDeclaration {
            assessor_id: r.get(0),
            assessor: r.get(1),
            candidate_id: r.get(2),
            candidate: r.get(3),
            reason: r.get(4),
            declared_at: r.get(5),
        },
    )
}

/// What the login has stated about conflicts in the campaign: one row per record of theirs
/// there, in one round trip (checked before each of their saves).
pub(super) fn conflict_status(
    client: &mut Client,
    prepared: &Prepared,
    login: &str,
    campaign_id: CampaignId,
) -> Result<ConflictStatus> {
    let statement = prepared.get(
        client,
        "SELECT a.id,
                ARRAY(SELECT f.candidate_id FROM conflicts f WHERE f.assessor_id = a.id),
                a.role IN ('member', 'chair') AND a.conflicts_confirmed_at IS NULL
         FROM assessors a WHERE a.login = $1 AND a.campaign_id = $2 ORDER BY a.id",
    )?;
    let mut status = ConflictStatus::default();
    for row in client
        .query(&statement, &[&login, &campaign_id])
        .map_err(refused)?
    {
        let declared: Vec<CandidateId> = row.get(1);
        if declared.is_empty() && row.get::<_, bool>(2) {
            status.unstated.push(row.get(0));
        }
        status.conflicted.extend(declared);
    }
    status.conflicted.sort_unstable();
    Ok(status)
}

/// Scores of the campaign's listed candidates (or one of them), as far as row security lets
/// this login see them; `submitted_only` leaves drafts out.
pub(super) fn scores<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
    candidate_id: Option<CandidateId>,
    submitted_only: bool,
) -> Result<Vec<Score>> {
    try_all(
        client,
        &format!(
            "SELECT {SCORE_COLUMNS} FROM scores
             WHERE candidate_id IN (SELECT id FROM candidates WHERE campaign_id = $1 AND {LISTED}
                                      AND ($2::bigint IS NULL OR id = $2))
               AND (NOT $3 OR status = 'submitted')
             ORDER BY candidate_id, assessor_id, criterion_key COLLATE \"C\""
        ),
        &[&campaign_id, &candidate_id, &submitted_only],
        rows::score,
    )
}

/// The scores of each (candidate, assessor) pair of `pairs`, of the campaign's listed
/// candidates, in [`scores`]' order: what [`scores`] reads for one candidate, filtered to one
/// assessor, for many pairs in one query.
pub(super) fn scores_of_pairs<C: GenericClient>(
    client: &mut C,
    campaign_id: CampaignId,
    pairs: &[(CandidateId, AssessorId)],
) -> Result<Vec<Score>> {
    let (candidates, assessors): (Vec<CandidateId>, Vec<AssessorId>) =
        pairs.iter().copied().unzip();
    try_all(
        client,
        &format!(
            "SELECT {SCORE_COLUMNS} FROM scores
             WHERE (candidate_id, assessor_id) IN (SELECT * FROM unnest($2::bigint[], $3::bigint[]))
               AND candidate_id IN (SELECT id FROM candidates WHERE campaign_id = $1 AND {LISTED})
             ORDER BY candidate_id, assessor_id, criterion_key COLLATE \"C\""
        ),
        &[&campaign_id, &candidates, &assessors],
        rows::score,
    )
}

/// A scorer's own score rows (`$2`) in campaign `$1`: for every listed candidate but those they
/// declared a conflict with, in the exercises the candidate sits before the scorer's panel, as
/// SQLite's `OWN_PANEL_ROWS`. Row security would hide a conflicted candidate's rows anyway; the
/// conditions say so here too, so both backends answer alike.
fn own_panel_rows() -> String {
    format!(
        "assessor_id = $2 AND candidate_id IN (
             SELECT id FROM candidates
             WHERE campaign_id = $1 AND {LISTED}
               AND id NOT IN (SELECT candidate_id FROM conflicts WHERE assessor_id = $2))
           AND coalesce(
                 (SELECT e.panel_id FROM candidate_exercise_panels e
                  WHERE e.candidate_id = scores.candidate_id
                    AND e.exercise = pm_key_exercise(scores.criterion_key)),
                 (SELECT c.panel_id FROM candidates c WHERE c.id = scores.candidate_id))
             = (SELECT panel_id FROM assessors
                WHERE id = $2 AND campaign_id = $1 AND role IN ('member', 'chair'))"
    )
}

/// A scorer's own scores, by candidate then criterion (see `own_panel_rows`).
pub(super) fn own_panel_scores(
    client: &mut Client,
    campaign_id: CampaignId,
    assessor_id: AssessorId,
) -> Result<Vec<Score>> {
    try_all(
        client,
        &format!(
            "SELECT {SCORE_COLUMNS} FROM scores WHERE {}
             ORDER BY candidate_id, criterion_key COLLATE \"C\"",
            own_panel_rows()
        ),
        &[&campaign_id, &assessor_id],
        rows::score,
    )
}

/// `own_panel_scores` counted up per candidate, by candidate, as SQLite's.
pub(super) fn own_panel_progress(
    client: &mut Client,
    campaign_id: CampaignId,
    assessor_id: AssessorId,
) -> Result<Vec<OwnProgress>> {
    try_all(
        client,
        &format!(
            "SELECT candidate_id, count(value) + count(*) FILTER (WHERE not_assessed),
                    bool_or(status = 'submitted')
             FROM scores WHERE {}
             GROUP BY candidate_id ORDER BY candidate_id",
            own_panel_rows()
        ),
        &[&campaign_id, &assessor_id],
        |r| {
            let marked: i64 = r.get(1);
            Ok(OwnProgress {
                candidate_id: r.get(0),
                assessor_id,
                marked: u32::try_from(marked)
                    .map_err(|_| Error::invalid("own progress", "more marks than a u32"))?,
                submitted: r.get(2),
            })
        },
    )
}

pub(super) fn agreed_scores(
    client: &mut Client,
    candidate_id: CandidateId,
) -> Result<Vec<AgreedScore>> {
    try_all(
        client,
        &format!(
            "SELECT {AGREED_COLUMNS} FROM agreed_scores WHERE candidate_id = $1 ORDER BY criterion_key"
        ),
        &[&candidate_id],
        rows::agreed,
    )
}

pub(super) fn campaign_agreed_scores(
    client: &mut Client,
    campaign_id: CampaignId,
) -> Result<Vec<AgreedScore>> {
    try_all(
        client,
        &format!(
            "SELECT {AGREED_COLUMNS} FROM agreed_scores
             WHERE candidate_id IN (SELECT id FROM candidates WHERE campaign_id = $1)
             ORDER BY candidate_id, criterion_key"
        ),
        &[&campaign_id],
        rows::agreed,
    )
}

pub(super) fn moderations(
    client: &mut Client,
    candidate_id: Option<CandidateId>,
    campaign_id: CampaignId,
) -> Result<Vec<Moderation>> {
    try_all(
        client,
        &format!(
            "SELECT {MODERATION_COLUMNS} FROM moderations
             WHERE candidate_id IN (SELECT id FROM candidates WHERE campaign_id = $1
                                     AND ($2::bigint IS NULL OR id = $2))
             ORDER BY candidate_id, criterion_key"
        ),
        &[&campaign_id, &candidate_id],
        rows::moderation,
    )
}

pub(super) fn signoffs(client: &mut Client, campaign_id: CampaignId) -> Result<Vec<SignOff>> {
    all(
        client,
        "SELECT s.action, a.name, s.reason, s.at FROM signoffs s
         JOIN assessors a ON a.id = s.moderator_id WHERE s.campaign_id = $1 ORDER BY s.id",
        &[&campaign_id],
        |r| SignOff {
            action: r.get(0),
            moderator: r.get(1),
            reason: r.get(2),
            at: r.get(3),
        },
    )
}

/// The newest event of the chain: (seq, hash).
pub(super) fn audit_head(client: &mut Client) -> Result<(i64, String)> {
    // The server's function, not the newest event this login may read: the head names no
    // data, and an anchor must be the chain's real head.
    let row = client
        .query_one("SELECT seq, hash FROM audit_head()", &[])
        .map_err(refused)?;
    Ok((row.get(0), row.get(1)))
}

/// The hash the chain holds for event `seq` (see `audit_event_hash` in 007_verify.sql).
pub(super) fn audit_event_hash(client: &mut Client, seq: i64) -> Result<Option<String>> {
    Ok(client
        .query_one("SELECT audit_event_hash($1)", &[&seq])
        .map_err(refused)?
        .get(0))
}

/// The server's verdict on the chain and on the data against it (`pm_verify` in
/// 007_verify.sql), as the local file's [`Verification`].
pub(super) fn verify(client: &mut Client) -> Result<Verification> {
    let row = client
        .query_one(
            "SELECT status, events, head, seq, row_name, problem FROM pm_verify()",
            &[],
        )
        .map_err(refused)?;
    let status: String = row.get(0);
    let text = |i: usize| row.get::<_, Option<String>>(i).unwrap_or_default();
    Ok(match status.as_str() {
        "intact" => Verification::Intact {
            events: row.get(1),
            head: text(2),
        },
        "data_differs" => Verification::DataDiffers {
            events: row.get(1),
            head: text(2),
            row: text(4),
            problem: text(5),
        },
        _ => Verification::Broken {
            seq: row.get::<_, Option<i64>>(3).unwrap_or_default(),
            problem: text(5),
        },
    })
}

/// Everything results, flags and statistics are computed from, read in one snapshot
/// (REPEATABLE READ), with the same rows as SQLite's `campaign_data`: ranked candidates only
/// (listed, not withdrawn), submitted scores, agreed and moderated scores, tie orders, posts.
pub(super) fn campaign_data(client: &mut Client, campaign: Campaign) -> Result<CampaignData> {
    let mut tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(refused)?;
    let data = campaign_data_in(&mut tx, campaign)?;
    tx.commit().map_err(refused)?;
    Ok(data)
}

/// [`campaign_data`] inside a transaction the caller holds (an import checks what it wrote
/// before it commits).
pub(crate) fn campaign_data_in<C: GenericClient>(
    tx: &mut C,
    campaign: Campaign,
) -> Result<CampaignData> {
    let id = campaign.id;
    let index: HashMap<String, usize> = campaign
        .assessed
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.clone(), i))
        .collect();
    let criterion = |key: &str| {
        index.get(key).copied().ok_or_else(|| {
            Error::invalid(
                format!("campaign {id}"),
                format!("unknown criterion key '{key}'"),
            )
        })
    };
    let ranked = format!(
        "SELECT id FROM candidates WHERE campaign_id = $1 AND {LISTED} AND withdrawn_at IS NULL"
    );
    let mut candidates: Vec<Candidate> = all(
        tx,
        &format!(
            "SELECT {CANDIDATE_COLUMNS} FROM candidates WHERE id IN ({ranked})
             ORDER BY reference COLLATE \"C\""
        ),
        &[&id],
        rows::candidate,
    )?;
    attach_placements(tx, id, None, &mut candidates)?;
    let mut scores = Vec::new();
    for r in tx
        .query(
            &format!(
                "SELECT candidate_id, assessor_id, criterion_key, value, not_assessed, has_evidence,
                        indicators
                 FROM scores WHERE status = 'submitted' AND candidate_id IN ({ranked})
                 ORDER BY candidate_id, assessor_id, criterion_key COLLATE \"C\""
            ),
            &[&id],
        )
        .map_err(refused)?
    {
        let marks: &str = r.get(6);
        let count = |c: char| marks.chars().filter(|m| *m == c).count() as u16;
        scores.push(ScoreFact {
            candidate_id: r.get(0),
            assessor_id: r.get(1),
            criterion: criterion(r.get(2))?,
            mark: rows::mark_at(&r, 3, || rows::score_row_of("submitted score", &r))?,
            has_evidence: r.get(5),
            shown: count('s'),
            negative: count('x'),
            indicators: marks.chars().count() as u16,
        });
    }
    let mut decided = |table: &str, what: &str| -> Result<Vec<DecidedScore>> {
        tx.query(
            &format!(
                "SELECT candidate_id, criterion_key, value, not_assessed FROM {table}
                 WHERE candidate_id IN ({ranked}) ORDER BY candidate_id, criterion_key COLLATE \"C\""
            ),
            &[&id],
        )
        .map_err(refused)?
        .iter()
        .map(|r| {
            Ok(DecidedScore {
                candidate_id: r.get(0),
                criterion: criterion(r.get(1))?,
                mark: rows::mark_at(r, 2, || rows::decision_row_of(what, r))?,
            })
        })
        .collect()
    };
    let agreed = decided("agreed_scores", "agreed score")?;
    let moderated = decided("moderations", "moderated score")?;
    let tie_orders = all(
        tx,
        "SELECT candidate_id, rank, reason FROM tie_orders WHERE campaign_id = $1 ORDER BY rank",
        &[&id],
        |r| TieOrder {
            candidate_id: r.get(0),
            rank: r.get(1),
            reason: r.get(2),
        },
    )?;
    let posts = tx
        .query_one("SELECT posts FROM campaigns WHERE id = $1", &[&id])
        .map_err(refused)?
        .get::<_, Option<i64>>(0)
        .map(|p| p as u32);
    let panels = panels(tx, id)?;
    let assessors = assessors(tx, id)?;
    Ok(CampaignData {
        campaign,
        posts,
        panels,
        assessors,
        candidates,
        scores,
        agreed,
        moderated,
        tie_orders,
    })
}

/// The audit events this login may read (the server's row security applies the same
/// visibility as to the rows themselves), filtered, newest `limit`, oldest first. Entities on
/// the server name the table and the row's key (`scores/12/4/c1`).
pub(super) fn audit_events(
    client: &mut Client,
    filter: &crate::store::AuditFilter,
) -> Result<Vec<crate::model::AuditEvent>> {
    let limit = filter.limit.map(|l| l as i64);
    let rows = client
        .query(
            "SELECT seq, at, actor, action, entity, before, after, prev_hash, hash,
                    source_table, campaign_id, candidate_id, assessor_id
             FROM audit_log
             WHERE ($1::text IS NULL OR starts_with(entity, $1))
               AND ($2::text IS NULL OR starts_with(action, $2))
               AND ($3::text IS NULL OR actor = $3)
               AND ($5::bigint IS NULL OR campaign_id = $5)
               AND ($6::bigint IS NULL OR seq < $6)
             ORDER BY seq DESC LIMIT $4",
            &[
                &filter.entity_prefix,
                &filter.action_prefix,
                &filter.actor,
                &limit,
                &filter.campaign,
                &filter.before_seq,
            ],
        )
        .map_err(refused)?;
    let json =
        |seq: i64, text: Option<String>, column: &str| -> Result<Option<serde_json::Value>> {
            text.map(|t| {
                serde_json::from_str(&t).map_err(|e| {
                    Error::invalid(
                        format!("audit event {seq}"),
                        format!("{column} is not JSON: {e}"),
                    )
                })
            })
            .transpose()
        };
    let mut events = rows
        .iter()
        .map(|r| {
            let seq: i64 = r.get(0);
            let entity: String = r.get(4);
            let subject = server_subject(r.get(9), &entity, r.get(10), r.get(11), r.get(12));
            Ok(crate::model::AuditEvent {
                seq,
                at: r.get(1),
                actor: r.get(2),
                action: r.get(3),
                entity,
                before: json(seq, r.get(5), "before")?,
                after: json(seq, r.get(6), "after")?,
                prev_hash: r.get(7),
                hash: r.get(8),
                subject,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    events.reverse();
    Ok(events)
}

/// What a server event is about, from the columns the audit trigger fills. The trigger
/// records an assessor only for scores; a conflict declaration's assessor is the first key of
/// its entity (`conflicts/ASSESSOR/CANDIDATE`), as the server's own read rule takes it.
fn server_subject(
    table: &str,
    entity: &str,
    campaign_id: Option<CampaignId>,
    candidate_id: Option<CandidateId>,
    assessor_id: Option<AssessorId>,
) -> crate::model::AuditSubject {
    use crate::model::SubjectKind;
    let kind = match table {
        "candidates" | "candidate_exercise_panels" => SubjectKind::CandidateDetails,
        "scores" => SubjectKind::Score,
        "conflicts" => SubjectKind::Conflict,
        _ => SubjectKind::Other,
    };
    let assessor_id = match kind {
        SubjectKind::Conflict => entity.split('/').nth(1).and_then(|id| id.parse().ok()),
        _ => assessor_id,
    };
    crate::model::AuditSubject {
        campaign_id,
        candidate_id,
        assessor_id,
        kind,
    }
}

/// What every campaign the login may see needs for its retention (see
/// [`crate::store::retention::status`]).
pub(super) fn retention(client: &mut Client) -> Result<Vec<RetentionRow>> {
    all(
        client,
        "SELECT c.id, c.name, c.retention_months, c.created_at, c.purged_at,
                (SELECT max(s.at) FROM signoffs s WHERE s.campaign_id = c.id AND s.action = 'sign_off')
         FROM campaigns c ORDER BY c.id",
        &[],
        |r| RetentionRow {
            campaign_id: r.get(0),
            name: r.get(1),
            months: r.get(2),
            created_at: r.get(3),
            purged_at: r.get(4),
            signed_off_at: r.get(5),
        },
    )
}

/// Calls `each` with every event about the campaign the login may read (row security
/// decides), oldest first, through `through_seq` if given.
pub(super) fn campaign_audit(
    client: &mut Client,
    campaign_id: CampaignId,
    through_seq: Option<i64>,
    each: &mut dyn FnMut(crate::store::audit::AuditRef<'_>) -> Result<()>,
) -> Result<()> {
    use postgres::fallible_iterator::FallibleIterator;
    use postgres::types::ToSql;
    // Streamed row by row (a large campaign's log does not fit comfortably in memory twice:
    // once as rows and once as the export written from them).
    let params: [&(dyn ToSql + Sync); 2] = [&campaign_id, &through_seq];
    let mut rows = client
        .query_raw(
            "SELECT seq, at, actor, action, entity, candidate_id, before, after, prev_hash, hash
             FROM audit_log WHERE campaign_id = $1 AND ($2::bigint IS NULL OR seq <= $2)
             ORDER BY seq",
            params,
        )
        .map_err(refused)?;
    while let Some(r) = rows.next().map_err(refused)? {
        each(crate::store::audit::AuditRef {
            seq: r.get(0),
            at: r.get(1),
            actor: r.get(2),
            action: r.get(3),
            entity: r.get(4),
            candidate_id: r.get(5),
            before: r.get(6),
            after: r.get(7),
            prev_hash: r.get(8),
            hash: r.get(9),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::server_subject;
    use crate::model::{AssessorId, CampaignId, CandidateId, SubjectKind};

    #[test]
    fn a_server_event_names_its_subject_from_the_trigger_columns() {
        let score = server_subject(
            "scores",
            "scores/7/2/c1",
            Some(CampaignId(3)),
            Some(CandidateId(7)),
            Some(AssessorId(2)),
        );
        assert_eq!(
            (
                score.campaign_id,
                score.candidate_id,
                score.assessor_id,
                score.kind
            ),
            (
                Some(CampaignId(3)),
                Some(CandidateId(7)),
                Some(AssessorId(2)),
                SubjectKind::Score
            )
        );
        let placed = server_subject(
            "candidate_exercise_panels",
            "candidate_exercise_panels/7/e2",
            Some(CampaignId(3)),
            Some(CandidateId(7)),
            None,
        );
        assert_eq!(placed.kind, SubjectKind::CandidateDetails);
        // The trigger records no assessor for a declaration: its entity's first key is the
        // declaring assessor.
        let declared = server_subject(
            "conflicts",
            "conflicts/2/7",
            Some(CampaignId(3)),
            Some(CandidateId(7)),
            None,
        );
        assert_eq!(
            (declared.assessor_id, declared.kind),
            (Some(AssessorId(2)), SubjectKind::Conflict)
        );
        let setup = server_subject("panels", "panels/5", Some(CampaignId(3)), None, None);
        assert_eq!(
            (setup.campaign_id, setup.candidate_id, setup.kind),
            (Some(CampaignId(3)), None, SubjectKind::Other)
        );
    }
}
