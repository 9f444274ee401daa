//! What the tables hold, in the same shape as the replayed log.

use rusqlite::{Connection, Row};

use super::{Fields, RowKey, Rows, NONE};
use crate::model::CandidateId;
use crate::scoring::flags::FlagSettings;
use crate::Result;

/// Every checked row as stored.
pub(super) fn rows(conn: &Connection) -> Result<Rows> {
    let mut rows = Rows::new();
    read(
        conn,
        &mut rows,
        "SELECT scorecard_id, version, body FROM scorecard_versions",
        |r| {
            Ok((
                RowKey::ScorecardVersion {
                    scorecard: r.get(0)?,
                    version: r.get(1)?,
                },
                vec![("body", super::scorecard_digest(&r.get::<_, String>(2)?))],
            ))
        },
    )?;
    read(
        conn,
        &mut rows,
        "SELECT id, name, scorecard_id, scorecard_version, state, posts, retention_months, purged_at IS NOT NULL, flag_spread, flag_panel_mean, scorecard FROM campaigns",
        |r| {
            Ok((
                RowKey::Campaign(r.get(0)?),
                vec![
                    ("name", r.get(1)?),
                    (
                        "scorecard",
                        format!("{} v{}", r.get::<_, i64>(2)?, r.get::<_, i64>(3)?),
                    ),
                    (
                        "pinned scorecard",
                        super::scorecard_digest(&r.get::<_, String>(10)?),
                    ),
                    ("state", r.get(4)?),
                    ("posts", number(r.get(5)?)),
                    (
                        "flag thresholds",
                        FlagSettings::stored(r.get(8)?, r.get(9)?).to_string(),
                    ),
                    ("retention months", r.get::<_, i64>(6)?.to_string()),
                    ("purged", r.get::<_, bool>(7)?.to_string()),
                ],
            ))
        },
    )?;
    read(
        conn,
        &mut rows,
        "SELECT id, campaign_id, name FROM panels",
        |r| {
            Ok((
                RowKey::Panel(r.get(0)?),
                vec![
                    ("campaign", r.get::<_, i64>(1)?.to_string()),
                    ("name", r.get(2)?),
                ],
            ))
        },
    )?;
    read(
        conn,
        &mut rows,
        "SELECT id, campaign_id, name, role, panel_id, conflicts_confirmed_at IS NOT NULL, coalesce(exercise, '') FROM assessors",
        |r| {
            Ok((
                RowKey::Assessor(r.get(0)?),
                vec![
                    ("campaign", r.get::<_, i64>(1)?.to_string()),
                    ("name", r.get(2)?),
                    ("role", r.get(3)?),
                    ("panel", number(r.get(4)?)),
                    ("exercise", r.get(6)?),
                    ("conflicts confirmed", r.get::<_, bool>(5)?.to_string()),
                ],
            ))
        },
    )?;
    read(
        conn,
        &mut rows,
        "SELECT id, campaign_id, reference, name, email, panel_id, slot, erased_at IS NOT NULL,
                withdrawn_at IS NOT NULL, withdrawal_reason, adjustments FROM candidates",
        |r| {
            Ok((
                RowKey::Candidate(r.get(0)?),
                vec![
                    ("campaign", r.get::<_, i64>(1)?.to_string()),
                    ("reference", r.get(2)?),
                    ("name", r.get(3)?),
                    ("email", optional_text(r.get(4)?)),
                    ("panel", number(r.get(5)?)),
                    ("slot", optional_text(r.get(6)?)),
                    ("erased", r.get::<_, bool>(7)?.to_string()),
                    ("withdrawn", r.get::<_, bool>(8)?.to_string()),
                    ("withdrawal reason", optional_text(r.get(9)?)),
                    ("adjustments", optional_text(r.get(10)?)),
                ],
            ))
        },
    )?;
    read(
        conn,
        &mut rows,
        "SELECT candidate_id, assessor_id, reason FROM conflicts",
        |r| {
            Ok((
                RowKey::Conflict {
                    candidate: r.get(0)?,
                    assessor: r.get(1)?,
                },
                vec![("reason", r.get(2)?)],
            ))
        },
    )?;
    read(
        conn,
        &mut rows,
        "SELECT candidate_id, exercise, panel_id FROM candidate_exercise_panels",
        |r| {
            Ok((
                RowKey::ExercisePanel {
                    candidate: r.get(0)?,
                    exercise: r.get(1)?,
                },
                vec![("panel", r.get::<_, i64>(2)?.to_string())],
            ))
        },
    )?;
    read(conn, &mut rows,
        "SELECT candidate_id, assessor_id, criterion_key, value, not_assessed, evidence, indicators, status FROM scores",
        |r| {
            let key = RowKey::Score { candidate: r.get(0)?, assessor: r.get(1)?, criterion: r.get(2)? };
            let mut values = mark(r, 3)?;
            values.extend([("evidence", r.get(5)?), ("indicators", r.get(6)?), ("status", r.get(7)?)]);
            Ok((key, values))
        })?;
    // Agreed scores and moderations: the same shape, a rationale or a reason.
    let decisions: [(&str, &'static str, DecisionKey); 2] = [
        ("agreed_scores", "rationale", |candidate, criterion| {
            RowKey::Agreed {
                candidate,
                criterion,
            }
        }),
        ("moderations", "reason", |candidate, criterion| {
            RowKey::Moderation {
                candidate,
                criterion,
            }
        }),
    ];
    for (table, why, key) in decisions {
        let sql =
            format!("SELECT candidate_id, criterion_key, value, not_assessed, {why} FROM {table}");
        read(conn, &mut rows, &sql, |r| {
            let mut values = mark(r, 2)?;
            values.push((why, r.get(4)?));
            Ok((key(r.get(0)?, r.get(1)?), values))
        })?;
    }
    read(
        conn,
        &mut rows,
        "SELECT campaign_id, candidate_id, rank, reason FROM tie_orders",
        |r| {
            Ok((
                RowKey::TieOrder {
                    campaign: r.get(0)?,
                    candidate: r.get(1)?,
                },
                vec![
                    ("rank", r.get::<_, i64>(2)?.to_string()),
                    ("reason", r.get(3)?),
                ],
            ))
        },
    )?;
    // Sign-offs are numbered in the order they were made, per campaign.
    read(conn, &mut rows,
        "SELECT campaign_id, row_number() OVER (PARTITION BY campaign_id ORDER BY id), action, reason FROM signoffs",
        |r| Ok((RowKey::Signoff { campaign: r.get(0)?, n: r.get::<_, i64>(1)? as usize }, vec![
            ("action", r.get(2)?),
            ("reason", optional_text(r.get(3)?)),
        ])))?;
    Ok(rows)
}

type Read = (RowKey, Vec<(&'static str, String)>);

/// Builds a decision's key from its candidate and criterion.
type DecisionKey = fn(CandidateId, String) -> RowKey;

fn read(
    conn: &Connection,
    rows: &mut Rows,
    sql: &str,
    row: impl Fn(&Row<'_>) -> rusqlite::Result<Read>,
) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    for read in stmt.query_map([], |r| row(r))? {
        let (key, values) = read?;
        rows.insert(key, Fields::new(values, 0));
    }
    Ok(())
}

/// A mark's point and "not assessed" flag, from two columns starting at `at`.
fn mark(r: &Row<'_>, at: usize) -> rusqlite::Result<Vec<(&'static str, String)>> {
    Ok(vec![
        ("value", number(r.get(at)?)),
        ("not assessed", r.get::<_, bool>(at + 1)?.to_string()),
    ])
}

fn number(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_else(|| NONE.into())
}

fn optional_text(value: Option<String>) -> String {
    value.unwrap_or_else(|| NONE.into())
}
