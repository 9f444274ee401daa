//! What the log says every checked row holds: the events replayed in order.

use std::ops::Bound::{Excluded, Included};
use std::str::FromStr;

use rusqlite::Connection;
use serde_json::Value;

use super::{Fields, Mismatch, RowKey, Rows, NONE};
use crate::model::{AssessorId, AuditAction, CampaignId, CandidateId, ScorecardId};
use crate::scoring::flags::FlagSettings;
use crate::Result;

/// What erasure leaves in place of a text about the erased candidate.
const ERASED_TEXT: &str = "[erased on request]";
/// What erasure leaves in place of the candidate's name.
const ERASED_NAME: &str = "Erased candidate";
/// Below every assessor id: where a candidate's range of keyed-by-assessor rows starts.
const FIRST_ASSESSOR: AssessorId = AssessorId(i64::MIN);

/// The actions that set a checked row, as an SQL list; every other event (users, roles,
/// anchors) leaves these rows alone.
fn checked_actions() -> String {
    AuditAction::ALL
        .iter()
        .filter(|a| a.sets_checked_row())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

type Outcome<T> = std::result::Result<T, Mismatch>;

/// Replays the log. An event that cannot be read is returned as the mismatch: it is hashed into
/// the chain as it is, so the app wrote it so or someone re-hashed the chain, and either way
/// nothing after it can be checked.
pub(super) fn replay(conn: &Connection) -> Result<Outcome<Rows>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, action, entity, before, after FROM audit_log WHERE action IN ({}) ORDER BY seq",
        checked_actions()
    ))?;
    let events = stmt.query_map([], |r| {
        Ok(Event {
            seq: r.get(0)?,
            action: r.get(1)?,
            entity: r.get(2)?,
            before: r.get(3)?,
            after: r.get(4)?,
        })
    })?;
    let mut rows = Rows::new();
    for event in events {
        if let Err(mismatch) = event?.apply(&mut rows) {
            return Ok(Err(mismatch));
        }
    }
    Ok(Ok(rows))
}

struct Event {
    seq: i64,
    action: String,
    entity: String,
    before: Option<String>,
    after: Option<String>,
}

impl Event {
    fn unreadable(&self, problem: String) -> Mismatch {
        Mismatch {
            row: format!("event {} ({})", self.seq, self.action),
            problem,
        }
    }

    fn json(&self, payload: &Option<String>) -> Outcome<Value> {
        match payload {
            Some(text) => serde_json::from_str(text)
                .map_err(|e| self.unreadable(format!("has a payload that is not JSON: {e}"))),
            None => Ok(Value::Null),
        }
    }

    /// The part of the entity path after `name` ("campaign/1/candidate/2": candidate → "2").
    fn part(&self, name: &str) -> Outcome<&str> {
        let parts: Vec<&str> = self.entity.split('/').collect();
        parts
            .iter()
            .position(|p| *p == name)
            .and_then(|i| parts.get(i + 1))
            .copied()
            .ok_or_else(|| {
                self.unreadable(format!("names no {name} in its entity {}", self.entity))
            })
    }

    /// The number after `name` in the entity path, as the id (or version) it is there.
    fn id<I: FromStr>(&self, name: &str) -> Outcome<I> {
        let part = self.part(name)?;
        part.parse().map_err(|_| {
            self.unreadable(format!("has {name} \"{part}\" in its entity, not a number"))
        })
    }

    fn apply(&self, rows: &mut Rows) -> Outcome<()> {
        let after = self.json(&self.after)?;
        let seq = self.seq;
        match self.action.as_str() {
            "scorecard.create" | "scorecard.update" => {
                let key = RowKey::ScorecardVersion {
                    scorecard: self.id("scorecard")?,
                    version: self.id("version")?,
                };
                let body = self.after.as_deref().unwrap_or_default();
                rows.insert(
                    key,
                    Fields::new(vec![("body", super::scorecard_digest(body))], seq),
                );
            }
            "campaign.create" => {
                let scorecard = format!(
                    "{} v{}",
                    number(&after["scorecard_id"]),
                    number(&after["scorecard_version"])
                );
                // The copy the campaign scores by is the version's body as the log has it.
                let pinned = match (
                    after["scorecard_id"].as_i64().map(ScorecardId),
                    after["scorecard_version"].as_i64(),
                ) {
                    (Some(scorecard), Some(version)) => rows
                        .get(&RowKey::ScorecardVersion { scorecard, version })
                        .and_then(|f| f.get("body"))
                        .cloned()
                        .unwrap_or_else(|| NONE.into()),
                    _ => NONE.into(),
                };
                rows.insert(
                    RowKey::Campaign(self.id("campaign")?),
                    Fields::new(
                        vec![
                            ("name", text(&after["name"])),
                            ("scorecard", scorecard),
                            ("pinned scorecard", pinned),
                            ("state", "setup".into()),
                            ("posts", NONE.into()),
                            ("flag thresholds", FlagSettings::DEFAULT.to_string()),
                            // Campaigns created before retention existed got the default.
                            (
                                "retention months",
                                after["retention_months"]
                                    .as_i64()
                                    .unwrap_or(crate::store::retention::DEFAULT_MONTHS)
                                    .to_string(),
                            ),
                            ("purged", "false".into()),
                        ],
                        seq,
                    ),
                );
            }
            "campaign.state" => {
                let campaign: CampaignId = self.id("campaign")?;
                let before = self.json(&self.before)?;
                let to = text(&after["state"]);
                self.campaign(rows, campaign)?.set("state", to.clone(), seq);
                // Every sign-off and reopening is also a row of its own.
                let action = match (before["state"].as_str(), to.as_str()) {
                    (_, "signed_off") => Some(("sign_off", NONE.to_owned())),
                    (Some("signed_off"), _) => Some(("reopen", text(&after["reason"]))),
                    _ => None,
                };
                if let Some((action, reason)) = action {
                    let n = 1 + rows
                        .keys()
                        .filter(
                            |k| matches!(k, RowKey::Signoff { campaign: c, .. } if *c == campaign),
                        )
                        .count();
                    rows.insert(
                        RowKey::Signoff { campaign, n },
                        Fields::new(vec![("action", action.into()), ("reason", reason)], seq),
                    );
                }
            }
            "campaign.posts" => {
                let campaign = self.id("campaign")?;
                self.campaign(rows, campaign)?
                    .set("posts", number(&after["posts"]), seq);
            }
            "campaign.flag_settings" => {
                let campaign = self.id("campaign")?;
                let settings: FlagSettings = serde_json::from_value(after.clone())
                    .map_err(|e| self.unreadable(format!("holds no flag thresholds: {e}")))?;
                self.campaign(rows, campaign)?
                    .set("flag thresholds", settings.to_string(), seq);
            }
            "campaign.retention" => {
                let campaign = self.id("campaign")?;
                self.campaign(rows, campaign)?.set(
                    "retention months",
                    number(&after["months"]),
                    seq,
                );
            }
            "campaign.purge" => {
                let campaign = self.id("campaign")?;
                self.campaign(rows, campaign)?
                    .set("purged", "true".into(), seq);
                let ids = after["candidates"]
                    .as_array()
                    .ok_or_else(|| self.unreadable("lists no candidates".into()))?;
                for id in ids {
                    let candidate = id.as_i64().map(CandidateId).ok_or_else(|| {
                        self.unreadable(format!("lists {id}, not a candidate id"))
                    })?;
                    self.erase(rows, candidate);
                }
            }
            "panel.create" => {
                rows.insert(
                    RowKey::Panel(self.id("panel")?),
                    Fields::new(
                        vec![
                            ("campaign", self.part("campaign")?.to_owned()),
                            ("name", text(&after["name"])),
                        ],
                        seq,
                    ),
                );
            }
            "assessor.create" => {
                rows.insert(
                    RowKey::Assessor(self.id("assessor")?),
                    Fields::new(
                        vec![
                            ("campaign", self.part("campaign")?.to_owned()),
                            ("name", text(&after["name"])),
                            ("role", text(&after["role"])),
                            ("panel", number(&after["panel_id"])),
                            ("exercise", text(&after["exercise"])),
                            ("conflicts confirmed", "false".into()),
                        ],
                        seq,
                    ),
                );
            }
            "candidate.create" | "candidate.update" => {
                let key = RowKey::Candidate(self.id("candidate")?);
                // An update changes the details; a withdrawal and adjustments stay as they were.
                let kept = |field: &'static str| {
                    let old = rows.get(&key).and_then(|f| f.get(field)).cloned();
                    (field, old.unwrap_or_else(|| NONE.into()))
                };
                let withdrawn = rows
                    .get(&key)
                    .and_then(|f| f.get("withdrawn"))
                    .cloned()
                    .unwrap_or_else(|| "false".into());
                let values = vec![
                    ("campaign", self.part("campaign")?.to_owned()),
                    ("reference", text(&after["reference"])),
                    ("name", text(&after["name"])),
                    ("email", optional_text(&after["email"])),
                    ("panel", number(&after["panel_id"])),
                    ("slot", optional_text(&after["slot"])),
                    ("erased", "false".into()),
                    ("withdrawn", withdrawn),
                    kept("withdrawal reason"),
                    kept("adjustments"),
                ];
                rows.insert(key, Fields::new(values, seq));
            }
            "candidate.erase" => self.erase(rows, self.id("candidate")?),
            "candidate.withdraw" => {
                let candidate = self.id("candidate")?;
                let fields = self.candidate(rows, candidate)?;
                fields.set("withdrawn", "true".into(), seq);
                fields.set("withdrawal reason", optional_text(&after["reason"]), seq);
            }
            "candidate.adjustments" => {
                let candidate = self.id("candidate")?;
                self.candidate(rows, candidate)?.set(
                    "adjustments",
                    optional_text(&after["adjustments"]),
                    seq,
                );
            }
            "candidate.exercise_panel" => {
                let key = RowKey::ExercisePanel {
                    candidate: self.id("candidate")?,
                    exercise: self.part("exercise")?.to_owned(),
                };
                match after["panel_id"].as_i64() {
                    Some(panel) => {
                        rows.insert(key, Fields::new(vec![("panel", panel.to_string())], seq));
                    }
                    None => {
                        rows.remove(&key);
                    }
                }
            }
            "conflict.declare" => {
                rows.insert(
                    RowKey::Conflict {
                        candidate: self.id("candidate")?,
                        assessor: self.id("assessor")?,
                    },
                    Fields::new(vec![("reason", text(&after["reason"]))], seq),
                );
            }
            "assessor.exercise" => {
                let assessor: AssessorId = self.id("assessor")?;
                rows.get_mut(&RowKey::Assessor(assessor))
                    .ok_or_else(|| {
                        self.unreadable(format!(
                            "sets the exercise of assessor {assessor}, whom no event created"
                        ))
                    })?
                    .set("exercise", text(&after["exercise"]), seq);
            }
            "conflict.confirm_none" => {
                let assessor: AssessorId = self.id("assessor")?;
                rows.get_mut(&RowKey::Assessor(assessor))
                    .ok_or_else(|| {
                        self.unreadable(format!(
                            "confirms for assessor {assessor}, whom no event created"
                        ))
                    })?
                    .set("conflicts confirmed", "true".into(), seq);
            }
            "score.save" => {
                let key = RowKey::Score {
                    candidate: self.id("candidate")?,
                    assessor: self.id("assessor")?,
                    criterion: self.part("criterion")?.to_owned(),
                };
                let status = after["status"].as_str().unwrap_or("draft").to_owned();
                let mut values = mark(&after);
                values.extend([
                    ("evidence", text(&after["evidence"])),
                    ("indicators", text(&after["indicators"])),
                    ("status", status),
                ]);
                rows.insert(key, Fields::new(values, seq));
            }
            "score.submit" => {
                // Submission marks every score the member holds for the candidate.
                // Only that member's scores for that candidate: a range of the ordered keys,
                // not a scan of every row (a scan per submission took 90 s at 5,000).
                let (candidate, assessor): (CandidateId, AssessorId) =
                    (self.id("candidate")?, self.id("assessor")?);
                let from = RowKey::Score {
                    candidate,
                    assessor,
                    criterion: String::new(),
                };
                let to = RowKey::Score {
                    candidate,
                    assessor: AssessorId(assessor.0.saturating_add(1)),
                    criterion: String::new(),
                };
                for (_, fields) in rows.range_mut((Included(from), Excluded(to))) {
                    fields.set("status", "submitted".into(), seq);
                }
            }
            "agreed.set" | "moderation.set" => {
                let (candidate, criterion) =
                    (self.id("candidate")?, self.part("criterion")?.to_owned());
                let (key, why) = if self.action == "agreed.set" {
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
                let mut values = mark(&after);
                values.push((why, text(&after[why])));
                rows.insert(key, Fields::new(values, seq));
            }
            "tie.order" => {
                let campaign = self.id("campaign")?;
                let order = after["order"]
                    .as_array()
                    .ok_or_else(|| self.unreadable("has no order of candidates".into()))?;
                for (rank, id) in order.iter().enumerate() {
                    let candidate = id.as_i64().map(CandidateId).ok_or_else(|| {
                        self.unreadable(format!("orders {id}, not a candidate id"))
                    })?;
                    rows.insert(
                        RowKey::TieOrder {
                            campaign,
                            candidate,
                        },
                        Fields::new(
                            vec![
                                ("rank", (rank + 1).to_string()),
                                ("reason", text(&after["reason"])),
                            ],
                            seq,
                        ),
                    );
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn candidate<'r>(&self, rows: &'r mut Rows, id: CandidateId) -> Outcome<&'r mut Fields> {
        rows.get_mut(&RowKey::Candidate(id)).ok_or_else(|| {
            self.unreadable(format!("changes candidate {id}, whom no event created"))
        })
    }

    fn campaign<'r>(&self, rows: &'r mut Rows, id: CampaignId) -> Outcome<&'r mut Fields> {
        rows.get_mut(&RowKey::Campaign(id)).ok_or_else(|| {
            self.unreadable(format!("changes campaign {id}, which no event created"))
        })
    }

    /// What erasure does: the candidate's personal data replaced, every text about them blanked
    /// (a text that had something in it; a rationale always has).
    fn erase(&self, rows: &mut Rows, candidate: CandidateId) {
        let seq = self.seq;
        if let Some(fields) = rows.get_mut(&RowKey::Candidate(candidate)) {
            fields.set("name", ERASED_NAME.into(), seq);
            fields.set("email", NONE.into(), seq);
            fields.set("slot", NONE.into(), seq);
            fields.set("erased", "true".into(), seq);
            fields.set("adjustments", NONE.into(), seq);
            if fields.get("withdrawal reason").is_some_and(|r| r != NONE) {
                fields.set("withdrawal reason", ERASED_TEXT.into(), seq);
            }
        }
        // The candidate's scores, agreed scores, moderations and conflicts: ranges of the ordered
        // keys (a purge erases thousands of candidates; a scan each would be quadratic).
        let next = CandidateId(candidate.0.saturating_add(1));
        let ranges = [
            (
                RowKey::Score {
                    candidate,
                    assessor: FIRST_ASSESSOR,
                    criterion: String::new(),
                },
                RowKey::Score {
                    candidate: next,
                    assessor: FIRST_ASSESSOR,
                    criterion: String::new(),
                },
                "evidence",
                false,
            ),
            (
                RowKey::Agreed {
                    candidate,
                    criterion: String::new(),
                },
                RowKey::Agreed {
                    candidate: next,
                    criterion: String::new(),
                },
                "rationale",
                true,
            ),
            (
                RowKey::Moderation {
                    candidate,
                    criterion: String::new(),
                },
                RowKey::Moderation {
                    candidate: next,
                    criterion: String::new(),
                },
                "reason",
                false,
            ),
            (
                RowKey::Conflict {
                    candidate,
                    assessor: FIRST_ASSESSOR,
                },
                RowKey::Conflict {
                    candidate: next,
                    assessor: FIRST_ASSESSOR,
                },
                "reason",
                true,
            ),
        ];
        // (from, to, the text field, whether it always has text: a rationale and a conflict's
        // reason do)
        for (from, to, field, always) in ranges {
            for (_, fields) in rows.range_mut((Included(from), Excluded(to))) {
                let had_text = fields.get(field).is_some_and(|t| !t.is_empty());
                if had_text || always {
                    fields.set(field, ERASED_TEXT.into(), seq);
                }
            }
        }
    }
}

/// The mark an event records: its point and whether it is "not assessed".
fn mark(after: &Value) -> Vec<(&'static str, String)> {
    vec![
        ("value", number(&after["value"])),
        (
            "not assessed",
            after["not_assessed"].as_bool().unwrap_or(false).to_string(),
        ),
    ]
}

fn number(value: &Value) -> String {
    value
        .as_i64()
        .map(|v| v.to_string())
        .unwrap_or_else(|| NONE.into())
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

fn optional_text(value: &Value) -> String {
    value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| NONE.into())
}
