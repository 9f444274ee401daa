//! The data against the log. A hash chain proves the log was not rewritten; it says nothing of
//! the rows beside it, which anyone holding the file can edit. So `verify` also replays the
//! events and compares what the log says each row holds with what is stored: the campaign
//! (name, pinned scorecard version, state, posts), its panels, assessors and candidates
//! (erasures, withdrawals and reasonable adjustments included), declared conflicts of
//! interest and each assessor's confirmation of none, every score (value, "not assessed", evidence, indicator marks, draft or
//! submitted), agreed score and moderation, tie orders and sign-offs. The first row that
//! differs is named, with what it holds, what the log says, and the event.

mod events;
mod names;
mod stored;

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::personal::{commitment, COMMITMENT_PREFIX};
use crate::model::{AssessorId, CampaignId, CandidateId, PanelId, ScorecardId};
use crate::Result;

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

/// Which table a row is in, and its key. The order is the order rows are checked in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum RowKey {
    /// A scorecard version's body (what every campaign pinned from it scores by).
    ScorecardVersion {
        scorecard: ScorecardId,
        version: i64,
    },
    Campaign(CampaignId),
    Panel(PanelId),
    Assessor(AssessorId),
    Candidate(CandidateId),
    Score {
        candidate: CandidateId,
        assessor: AssessorId,
        criterion: String,
    },
    Agreed {
        candidate: CandidateId,
        criterion: String,
    },
    Moderation {
        candidate: CandidateId,
        criterion: String,
    },
    TieOrder {
        campaign: CampaignId,
        candidate: CandidateId,
    },
    /// A declared conflict of interest (keyed candidate first, so erasure finds a
    /// candidate's declarations as one range).
    Conflict {
        candidate: CandidateId,
        assessor: AssessorId,
    },
    /// One exercise of a candidate placed before a panel other than their own.
    ExercisePanel {
        candidate: CandidateId,
        exercise: String,
    },
    /// The campaign's n-th sign-off or reopening (from 1).
    Signoff {
        campaign: CampaignId,
        n: usize,
    },
}

impl RowKey {
    /// The candidate a row is about, whose secret commits to its texts.
    fn candidate(&self) -> Option<CandidateId> {
        match self {
            RowKey::Candidate(candidate)
            | RowKey::Score { candidate, .. }
            | RowKey::Agreed { candidate, .. }
            | RowKey::Moderation { candidate, .. }
            | RowKey::TieOrder { candidate, .. }
            | RowKey::Conflict { candidate, .. }
            | RowKey::ExercisePanel { candidate, .. } => Some(*candidate),
            _ => None,
        }
    }
}

/// "No value", as a message shows it.
const NONE: &str = "—";

/// A scorecard as the check compares it: its JSON read into the current [`Scorecard`] type and
/// written out again (so fields added later with defaults compare equal), shown as a short
/// SHA-256 digest; text that does not read as a scorecard is digested as it is.
///
/// [`Scorecard`]: crate::model::Scorecard
fn scorecard_digest(json: &str) -> String {
    use sha2::{Digest, Sha256};
    let canonical = serde_json::from_str::<crate::model::Scorecard>(json)
        .ok()
        .and_then(|card| serde_json::to_string(&card).ok())
        .unwrap_or_else(|| json.to_owned());
    let digest = Sha256::digest(canonical.as_bytes());
    format!("sha256 {}", &hex::encode(digest)[..16])
}

/// One row's fields as the log or the table has them, with the event that last set it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Fields {
    /// Field name and value as text ([`NONE`] for none), in a fixed order.
    values: Vec<(&'static str, String)>,
    /// The event that last set the row (0 for a stored row).
    seq: i64,
}

impl Fields {
    fn new(values: Vec<(&'static str, String)>, seq: i64) -> Self {
        Fields { values, seq }
    }

    fn get(&self, name: &str) -> Option<&String> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    fn set(&mut self, name: &'static str, value: String, seq: i64) {
        match self.values.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name, value)),
        }
        self.seq = seq;
    }
}

type Rows = BTreeMap<RowKey, Fields>;

/// The first stored row that differs from what the log says, or None when every row is
/// stored as the log says and no row exists that the log does not record.
pub fn first_mismatch(conn: &Connection) -> Result<Option<Mismatch>> {
    let expected = match events::replay(conn)? {
        Ok(rows) => rows,
        Err(unreadable) => return Ok(Some(unreadable)),
    };
    let stored = stored::rows(conn)?;
    let names = names::Names::load(conn)?;
    let secrets: BTreeMap<CandidateId, Vec<u8>> = conn
        .prepare("SELECT candidate_id, secret FROM candidate_secrets")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
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
            let problem = if value.starts_with(COMMITMENT_PREFIX) {
                // The log holds a commitment to the text: the stored text must commit to it.
                match key.candidate().and_then(|c| secrets.get(&c)) {
                    Some(secret) if &commitment(secret, field, &held) == value => continue,
                    Some(_) => format!(
                        "{field} is {}, not the text the log records (event {})",
                        shown(&held),
                        want.seq
                    ),
                    None => format!(
                        "{field} cannot be checked: the candidate's secret is gone though the \
                         log records no erasure (event {})",
                        want.seq
                    ),
                }
            } else if &held != value {
                format!(
                    "{field} is {}, the log says {} (event {})",
                    shown(&held),
                    shown(value),
                    want.seq
                )
            } else {
                continue;
            };
            return Ok(Some(Mismatch {
                row: names.row(key),
                problem,
            }));
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

/// A value as a message shows it: numbers and flags bare, texts quoted and cut short.
fn shown(value: &str) -> String {
    if value.parse::<i64>().is_ok() || matches!(value, NONE | "true" | "false") {
        return value.to_owned();
    }
    let cut: String = value.chars().take(60).collect();
    if cut.len() < value.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_shown_bare_or_quoted_and_cut() {
        assert_eq!(shown("7"), "7");
        assert_eq!(shown(NONE), NONE);
        assert_eq!(shown("false"), "false");
        assert_eq!(shown("Good example"), "\"Good example\"");
        let long = "x".repeat(61);
        assert_eq!(shown(&long), format!("\"{}…\"", "x".repeat(60)));
    }
}
