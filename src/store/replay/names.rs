//! Rows named as a user knows them: candidate references, assessor and panel names.

use std::collections::BTreeMap;
use std::fmt;

use rusqlite::types::FromSql;
use rusqlite::Connection;

use super::RowKey;
use crate::model::{AssessorId, CampaignId, CandidateId, PanelId};
use crate::Result;

pub(super) struct Names {
    candidates: BTreeMap<CandidateId, String>,
    assessors: BTreeMap<AssessorId, String>,
    panels: BTreeMap<PanelId, String>,
    campaigns: BTreeMap<CampaignId, String>,
}

impl Names {
    pub(super) fn load(conn: &Connection) -> Result<Self> {
        Ok(Names {
            candidates: map(conn, "SELECT id, reference FROM candidates")?,
            assessors: map(conn, "SELECT id, name FROM assessors")?,
            panels: map(conn, "SELECT id, name FROM panels")?,
            campaigns: map(conn, "SELECT id, name FROM campaigns")?,
        })
    }

    fn name<I: Ord + fmt::Display>(map: &BTreeMap<I, String>, what: &str, id: I) -> String {
        map.get(&id)
            .cloned()
            .unwrap_or_else(|| format!("{what} #{id}"))
    }

    fn candidate(&self, id: CandidateId) -> String {
        Self::name(&self.candidates, "candidate", id)
    }

    fn campaign(&self, id: CampaignId) -> String {
        format!(
            "campaign {id} ({})",
            Self::name(&self.campaigns, "unnamed", id)
        )
    }

    pub(super) fn row(&self, key: &RowKey) -> String {
        match key {
            RowKey::ScorecardVersion { scorecard, version } => {
                format!("scorecard {scorecard} version {version}")
            }
            RowKey::Campaign(id) => self.campaign(*id),
            RowKey::Panel(id) => format!("panel {}", Self::name(&self.panels, "panel", *id)),
            RowKey::Assessor(id) => {
                format!("assessor {}", Self::name(&self.assessors, "assessor", *id))
            }
            RowKey::Candidate(id) => format!("candidate {}", self.candidate(*id)),
            RowKey::Score {
                candidate,
                assessor,
                criterion,
            } => format!(
                "score {} / {} / {criterion}",
                self.candidate(*candidate),
                Self::name(&self.assessors, "assessor", *assessor)
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
            RowKey::TieOrder {
                campaign,
                candidate,
            } => format!(
                "tie order of {} in {}",
                self.candidate(*candidate),
                self.campaign(*campaign)
            ),
            RowKey::Conflict {
                candidate,
                assessor,
            } => format!(
                "conflict of interest of {} with {}",
                Self::name(&self.assessors, "assessor", *assessor),
                self.candidate(*candidate)
            ),
            RowKey::ExercisePanel {
                candidate,
                exercise,
            } => format!(
                "panel of {} for exercise {exercise}",
                self.candidate(*candidate)
            ),
            RowKey::Signoff { campaign, n } => {
                format!("sign-off record {n} of {}", self.campaign(*campaign))
            }
        }
    }
}

/// Each row of `sql` (an id, then a name) by its id.
fn map<I: FromSql + Ord>(conn: &Connection, sql: &str) -> Result<BTreeMap<I, String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
