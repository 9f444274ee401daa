//! Retention: each campaign keeps its candidates' personal data for a set number of months
//! after its last sign-off (or after its creation, if it was never signed off). Campaigns past
//! that are listed (`panelmark retention`), and a purge erases every candidate's personal data
//! and evidence in one audited action, keeping the anonymised scores, results and statistics.

use chrono::{DateTime, Months, Utc};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use super::campaigns::required_text;
use super::people::erase_personal_data;
use super::Store;
use crate::model::{AuditAction, CampaignId, CandidateId};
use crate::{Error, Result};

/// Months a new campaign keeps personal data: two years after sign-off, a common schedule
/// for recruitment records, long enough for an appeal to a tribunal. Changed per campaign.
pub const DEFAULT_MONTHS: i64 = 24;
/// The longest retention accepted: ten years.
pub const MAX_MONTHS: i64 = 120;

/// Where a campaign stands against its retention period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RetentionStatus {
    /// The campaign.
    pub campaign_id: CampaignId,
    /// Its name.
    pub name: String,
    /// Months personal data is kept.
    pub months: i64,
    /// What the period runs from: "sign-off" or "creation".
    #[ts(type = "\"sign-off\" | \"creation\"")]
    pub from: &'static str,
    /// When the period ends (RFC 3339, UTC).
    pub due: String,
    /// Whether it has ended.
    pub past: bool,
    /// When the campaign's personal data was purged, if it was.
    pub purged_at: Option<String>,
}

fn parse(at: &str, what: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Error::invalid(what, format!("stored time '{at}' is not RFC 3339: {e}")))
}

/// What a campaign's retention is computed from, as either backend stores it.
pub(crate) struct RetentionRow {
    pub campaign_id: CampaignId,
    pub name: String,
    pub months: i64,
    pub created_at: String,
    pub purged_at: Option<String>,
    /// The latest sign-off, if any.
    pub signed_off_at: Option<String>,
}

/// Where the campaign of `row` stands at `now`.
pub(crate) fn status(row: RetentionRow, now: DateTime<Utc>) -> Result<RetentionStatus> {
    let (from, start) = match &row.signed_off_at {
        Some(at) => ("sign-off", parse(at, "signoffs.at")?),
        None => ("creation", parse(&row.created_at, "campaigns.created_at")?),
    };
    let due = start
        .checked_add_months(Months::new(row.months as u32))
        .ok_or_else(|| Error::invalid("retention.months", "the date is out of range"))?;
    Ok(RetentionStatus {
        campaign_id: row.campaign_id,
        name: row.name,
        months: row.months,
        from,
        due: super::timestamp(due),
        past: now >= due,
        purged_at: row.purged_at,
    })
}

/// Oldest due first.
pub(crate) fn sort(statuses: &mut [RetentionStatus]) {
    statuses.sort_by(|a, b| a.due.cmp(&b.due).then(a.campaign_id.cmp(&b.campaign_id)));
}

/// Refuses a purge of the campaign of `status` that was already purged or is not yet due,
/// naming the date.
pub(crate) fn check_purge(status: &RetentionStatus) -> Result<()> {
    let campaign_id = status.campaign_id;
    if let Some(at) = &status.purged_at {
        return Err(Error::Conflict(format!(
            "campaign {campaign_id} was already purged on {at}"
        )));
    }
    if !status.past {
        return Err(Error::Conflict(format!(
            "campaign {campaign_id} keeps personal data until {} ({} months from {}); \
             erase single candidates on request, or shorten the retention with a reason",
            status.due, status.months, status.from
        )));
    }
    Ok(())
}

pub(crate) fn check_months(months: i64) -> Result<()> {
    if !(1..=MAX_MONTHS).contains(&months) {
        return Err(Error::invalid(
            "retention.months",
            format!("{months} is not between 1 and {MAX_MONTHS} months"),
        ));
    }
    Ok(())
}

impl Store {
    /// Every campaign's retention, oldest due first.
    pub(crate) fn retention(&self) -> Result<Vec<RetentionStatus>> {
        let now = parse(&self.now(), "now")?;
        let mut stmt = self.conn().prepare(
            "SELECT c.id, c.name, c.retention_months, c.created_at, c.purged_at,
                    (SELECT max(s.at) FROM signoffs s WHERE s.campaign_id = c.id AND s.action = 'sign_off')
             FROM campaigns c ORDER BY c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RetentionRow {
                campaign_id: r.get(0)?,
                name: r.get(1)?,
                months: r.get(2)?,
                created_at: r.get(3)?,
                purged_at: r.get(4)?,
                signed_off_at: r.get(5)?,
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            out.push(status(row?, now)?);
        }
        sort(&mut out);
        Ok(out)
    }

    /// One campaign's retention.
    pub(crate) fn campaign_retention(&self, campaign_id: CampaignId) -> Result<RetentionStatus> {
        self.retention()?
            .into_iter()
            .find(|r| r.campaign_id == campaign_id)
            .ok_or_else(|| Error::not_found("campaign", campaign_id))
    }

    /// Changes how long a campaign keeps personal data, with the reason (audited).
    pub(crate) fn set_retention(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        months: i64,
        reason: &str,
    ) -> Result<()> {
        check_months(months)?;
        let reason = required_text("retention.reason", reason)?.to_owned();
        self.write(actor, |tx| {
            let before: i64 = tx
                .conn()
                .query_row(
                    "SELECT retention_months FROM campaigns WHERE id = ?1",
                    [campaign_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| Error::not_found("campaign", campaign_id))?;
            tx.conn().execute(
                "UPDATE campaigns SET retention_months = ?2 WHERE id = ?1",
                params![campaign_id, months],
            )?;
            tx.audit(
                AuditAction::CampaignRetention,
                &format!("campaign/{campaign_id}"),
                Some(json!({ "months": before })),
                Some(json!({ "months": months, "reason": reason })),
            )
        })
    }

    /// Erases the personal data and evidence of every candidate of a campaign past its
    /// retention period, in one audited action; the scores, results and statistics stay,
    /// anonymised. Refused before the period ends, naming the date. Returns how many
    /// candidates were erased.
    pub(crate) fn purge_campaign(
        &mut self,
        actor: &str,
        campaign_id: CampaignId,
        reason: &str,
    ) -> Result<usize> {
        let reason = required_text("purge.reason", reason)?.to_owned();
        let status = self.campaign_retention(campaign_id)?;
        check_purge(&status)?;
        let erased = self.write(actor, |tx| {
            let ids: Vec<CandidateId> = tx
                .conn()
                .prepare("SELECT id FROM candidates WHERE campaign_id = ?1 AND erased_at IS NULL ORDER BY id")?
                .query_map([campaign_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in &ids {
                erase_personal_data(tx.conn(), *id, tx.now())?;
            }
            tx.conn().execute(
                "UPDATE campaigns SET purged_at = ?2 WHERE id = ?1",
                params![campaign_id, tx.now()],
            )?;
            tx.audit(
                AuditAction::CampaignPurge,
                &format!("campaign/{campaign_id}"),
                None,
                Some(json!({ "candidates": ids, "reason": reason, "retention_due": status.due })),
            )?;
            Ok(ids.len())
        })?;
        self.checkpoint()?;
        Ok(erased)
    }
}
