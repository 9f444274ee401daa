//! The data against the log. A hash chain proves the log was not rewritten; it says nothing of
//! the rows beside it, which anyone holding the file can edit. So `verify` also replays the
//! events that set the rows a result is made of — scores (value, "not assessed", evidence,
//! indicator marks, draft or submitted), agreed scores and moderations, and the erasures that
//! blank their texts — and compares what the log says each row holds with what is stored. The
//! first row that differs is named, with what it holds, what the log says, and the event.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

use crate::Result;

/// What erasure leaves in place of a text about the erased candidate.
const ERASED_TEXT: &str = "[erased on request]";

/// A stored row that is not what the log says it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The row, in the words a user knows: "score C-0011 / Alex Chair / c2".
    pub row: String,
    /// What differs, what is stored and what the log says:
    /// "value is 7, the log says 3 (event 412)".
    pub problem: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.row, self.problem)
    }
}

/// One row's fields as the log or the table has them, each with the event that set it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Fields {
    /// Field name and value, in a fixed order, as text ("—" for none).
    values: Vec<(&'static str, String)>,
    /// The event that last set the row (0 for a stored row).
    seq: i64,
}

impl Fields {
    fn get(&self, name: &str) -> Option<&String> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    fn set(&mut self, name: &'static str, value: String) {
        match self.values.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name, value)),
        }
    }
}

/// Which table a row is in, and its key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum RowKey {
    Score {
        candidate: i64,
        assessor: i64,
        criterion: String,
    },
    Agreed {
        candidate: i64,
        criterion: String,
    },
    Moderation {
        candidate: i64,
        criterion: String,
    },
}

impl RowKey {
    fn candidate(&self) -> i64 {
        match self {
            RowKey::Score { candidate, .. }
            | RowKey::Agreed { candidate, .. }
            | RowKey::Moderation { candidate, .. } => *candidate,
        }
    }
}

/// The first stored row that differs from what the log says, or None when every row the log
/// sets is stored as it says and no such row exists without an event.
pub fn first_mismatch(conn: &Connection) -> Result<Option<Mismatch>> {
    let expected = match replay(conn)? {
        Ok(rows) => rows,
        Err(unreadable) => return Ok(Some(unreadable)),
    };
    let stored = stored_rows(conn)?;
    let names = Names::load(conn)?;
    for (key, want) in &expected {
        let Some(have) = stored.get(key) else {
            return Ok(Some(Mismatch {
                row: names.row(key),
                problem: format!(
                    "is missing: the log says it was recorded (event {})",
                    want.seq
                ),
            }));
        };
        for (field, value) in &want.values {
            let held = have.get(field).cloned().unwrap_or_default();
            if &held != value {
                return Ok(Some(Mismatch {
                    row: names.row(key),
                    problem: format!(
                        "{field} is {}, the log says {} (event {})",
                        shown(&held),
                        shown(value),
                        want.seq
                    ),
                }));
            }
        }
    }
    if let Some(key) = stored.keys().find(|k| !expected.contains_key(k)) {
        return Ok(Some(Mismatch {
            row: names.row(key),
            problem: "is stored but no event in the log records it".into(),
        }));
    }
    Ok(None)
}

/// A value as a message shows it: texts quoted and cut short.
fn shown(value: &str) -> String {
    if value.parse::<i64>().is_ok() || matches!(value, "—" | "true" | "false") {
        return value.to_owned();
    }
    let cut: String = value.chars().take(60).collect();
    if cut.len() < value.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

fn point(value: &Value) -> String {
    value
        .as_i64()
        .map(|v| v.to_string())
        .unwrap_or_else(|| "—".into())
}

fn flag(value: &Value) -> String {
    value.as_bool().unwrap_or(false).to_string()
}

/// The mark an event records: its point and whether it is "not assessed".
fn mark(after: &Value) -> Vec<(&'static str, String)> {
    vec![
        ("value", point(&after["value"])),
        ("not assessed", flag(&after["not_assessed"])),
    ]
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// The ids in an entity path ("campaign/1/candidate/2/assessor/3/criterion/c1").
fn entity_part<'a>(entity: &'a str, name: &str) -> Option<&'a str> {
    let parts: Vec<&str> = entity.split('/').collect();
    parts
        .iter()
        .position(|p| *p == name)
        .and_then(|i| parts.get(i + 1))
        .copied()
}

/// An event the replay cannot read: hashed into the chain as it is, so written so by the app
/// or by someone who re-hashed the chain; either way the data cannot be checked past it.
fn unreadable(seq: i64, problem: String) -> Mismatch {
    Mismatch {
        row: format!("event {seq}"),
        problem,
    }
}

fn entity_id(entity: &str, name: &str, seq: i64) -> std::result::Result<i64, Mismatch> {
    entity_part(entity, name)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| unreadable(seq, format!("names no {name} in its entity {entity}")))
}

fn entity_criterion(entity: &str, seq: i64) -> std::result::Result<String, Mismatch> {
    entity_part(entity, "criterion")
        .map(str::to_owned)
        .ok_or_else(|| unreadable(seq, format!("names no criterion in its entity {entity}")))
}

/// What the log says every score, agreed score and moderation row holds.
fn replay(conn: &Connection) -> Result<std::result::Result<BTreeMap<RowKey, Fields>, Mismatch>> {
    let mut stmt = conn.prepare(
        "SELECT seq, action, entity, after FROM audit_log
         WHERE action IN ('score.save', 'score.submit', 'agreed.set', 'moderation.set', 'candidate.erase')
         ORDER BY seq",
    )?;
    let events = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut rows = BTreeMap::new();
    for event in events {
        let (seq, action, entity, after) = event?;
        if let Err(mismatch) = apply(&mut rows, seq, &action, &entity, after.as_deref()) {
            return Ok(Err(mismatch));
        }
    }
    Ok(Ok(rows))
}

/// Applies one event to the rows the log describes.
fn apply(
    rows: &mut BTreeMap<RowKey, Fields>,
    seq: i64,
    action: &str,
    entity: &str,
    after: Option<&str>,
) -> std::result::Result<(), Mismatch> {
    let after: Value = match after {
        Some(json) => serde_json::from_str(json)
            .map_err(|e| unreadable(seq, format!("has a payload that is not JSON: {e}")))?,
        None => Value::Null,
    };
    let candidate = entity_id(entity, "candidate", seq)?;
    match action {
        "score.save" => {
            let key = RowKey::Score {
                candidate,
                assessor: entity_id(entity, "assessor", seq)?,
                criterion: entity_criterion(entity, seq)?,
            };
            let status = after["status"].as_str().unwrap_or("draft").to_owned();
            rows.insert(
                key,
                Fields {
                    values: [
                        mark(&after),
                        vec![
                            ("evidence", text(&after["evidence"])),
                            ("indicators", text(&after["indicators"])),
                            ("status", status),
                        ],
                    ]
                    .concat(),
                    seq,
                },
            );
        }
        "score.submit" => {
            // Submission marks every score the member holds for the candidate.
            let assessor = entity_id(entity, "assessor", seq)?;
            for (key, fields) in rows.iter_mut() {
                if matches!(key, RowKey::Score { candidate: c, assessor: a, .. } if *c == candidate && *a == assessor)
                {
                    fields.set("status", "submitted".into());
                    fields.seq = seq;
                }
            }
        }
        "agreed.set" | "moderation.set" => {
            let criterion = entity_criterion(entity, seq)?;
            let (key, why) = if action == "agreed.set" {
                (
                    RowKey::Agreed {
                        candidate,
                        criterion,
                    },
                    "rationale",
                )
            } else {
                (
                    RowKey::Moderation {
                        candidate,
                        criterion,
                    },
                    "reason",
                )
            };
            rows.insert(
                key,
                Fields {
                    values: [mark(&after), vec![(why, text(&after[why]))]].concat(),
                    seq,
                },
            );
        }
        "candidate.erase" => {
            for (key, fields) in rows.iter_mut().filter(|(k, _)| k.candidate() == candidate) {
                let field = match key {
                    RowKey::Score { .. } => "evidence",
                    RowKey::Agreed { .. } => "rationale",
                    RowKey::Moderation { .. } => "reason",
                };
                // Erasure blanks a text that had something in it (a rationale always has).
                let had_text = fields.get(field).is_some_and(|t| !t.is_empty());
                if had_text || matches!(key, RowKey::Agreed { .. }) {
                    fields.set(field, ERASED_TEXT.into());
                    fields.seq = seq;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Every score, agreed score and moderation row as stored.
fn stored_rows(conn: &Connection) -> Result<BTreeMap<RowKey, Fields>> {
    let mut rows = BTreeMap::new();
    let mut scores = conn.prepare(
        "SELECT candidate_id, assessor_id, criterion_key, value, not_assessed, evidence, indicators, status
         FROM scores",
    )?;
    let mut found = scores.query([])?;
    while let Some(r) = found.next()? {
        rows.insert(
            RowKey::Score {
                candidate: r.get(0)?,
                assessor: r.get(1)?,
                criterion: r.get(2)?,
            },
            Fields {
                values: vec![
                    ("value", column_point(r.get(3)?)),
                    ("not assessed", r.get::<_, bool>(4)?.to_string()),
                    ("evidence", r.get(5)?),
                    ("indicators", r.get(6)?),
                    ("status", r.get(7)?),
                ],
                seq: 0,
            },
        );
    }
    for (table, why) in [("agreed_scores", "rationale"), ("moderations", "reason")] {
        let mut stmt = conn.prepare(&format!(
            "SELECT candidate_id, criterion_key, value, not_assessed, {why} FROM {table}"
        ))?;
        let mut found = stmt.query([])?;
        while let Some(r) = found.next()? {
            let (candidate, criterion) = (r.get(0)?, r.get(1)?);
            let key = if table == "agreed_scores" {
                RowKey::Agreed {
                    candidate,
                    criterion,
                }
            } else {
                RowKey::Moderation {
                    candidate,
                    criterion,
                }
            };
            rows.insert(
                key,
                Fields {
                    values: vec![
                        ("value", column_point(r.get(2)?)),
                        ("not assessed", r.get::<_, bool>(3)?.to_string()),
                        (why, r.get(4)?),
                    ],
                    seq: 0,
                },
            );
        }
    }
    Ok(rows)
}

fn column_point(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
}

/// Candidate references and assessor names, so a mismatch names the row as a user knows it.
struct Names {
    candidates: BTreeMap<i64, String>,
    assessors: BTreeMap<i64, String>,
}

impl Names {
    fn load(conn: &Connection) -> Result<Self> {
        let map = |sql: &str| -> Result<BTreeMap<i64, String>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(Names {
            candidates: map("SELECT id, reference FROM candidates")?,
            assessors: map("SELECT id, name FROM assessors")?,
        })
    }

    fn candidate(&self, id: i64) -> String {
        self.candidates
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("candidate #{id}"))
    }

    fn row(&self, key: &RowKey) -> String {
        match key {
            RowKey::Score {
                candidate,
                assessor,
                criterion,
            } => format!(
                "score {} / {} / {criterion}",
                self.candidate(*candidate),
                self.assessors
                    .get(assessor)
                    .cloned()
                    .unwrap_or_else(|| format!("assessor #{assessor}"))
            ),
            RowKey::Agreed {
                candidate,
                criterion,
            } => {
                format!("agreed score {} / {criterion}", self.candidate(*candidate))
            }
            RowKey::Moderation {
                candidate,
                criterion,
            } => {
                format!(
                    "moderated score {} / {criterion}",
                    self.candidate(*candidate)
                )
            }
        }
    }
}
