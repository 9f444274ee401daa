//! The append-only, hash-chained audit log.
//!
//! Each event's hash is SHA-256 over a canonical JSON encoding of its fields (keys sorted at
//! every depth, no insignificant white space) that includes the previous event's hash, so
//! changing, removing or reordering any event breaks every hash after it.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::model::{AuditEvent, AuditSubject, CampaignId, CandidateId, SubjectKind};
use crate::Result;

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Writes `value` as JSON with object keys sorted at every depth and no white space.
pub fn canonical_json(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical_json(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_json(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The hash an event must carry, computed from its other fields.
pub fn event_hash(event: &AuditEvent) -> String {
    let body = serde_json::json!({
        "seq": event.seq,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "before": event.before,
        "after": event.after,
        "prev_hash": event.prev_hash,
    });
    let mut canonical = String::new();
    canonical_json(&body, &mut canonical);
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

/// The newest event's sequence number and hash, or (0, genesis) for an empty log.
pub fn head(conn: &Connection) -> Result<(i64, String)> {
    let row = conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(row.unwrap_or((0, GENESIS_HASH.to_owned())))
}

/// Appends one event after the current head. Call inside the transaction that makes the
/// change, so the change and its record commit or roll back together.
pub fn append(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    before: Option<Value>,
    after: Option<Value>,
) -> Result<AuditEvent> {
    let (last_seq, prev_hash) = head(conn)?;
    let mut event = AuditEvent {
        seq: last_seq + 1,
        at: at.to_owned(),
        actor: actor.to_owned(),
        action: action.to_owned(),
        entity: entity.to_owned(),
        before,
        after,
        prev_hash,
        hash: String::new(),
        subject: subject_of(action, entity),
    };
    event.hash = event_hash(&event);
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, action, entity, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        event.seq,
        event.at,
        event.actor,
        event.action,
        event.entity,
        event.before.as_ref().map(Value::to_string),
        event.after.as_ref().map(Value::to_string),
        event.prev_hash,
        event.hash,
    ])?;
    Ok(event)
}

fn parse_json_column(
    text: Option<String>,
    seq: i64,
    column: &str,
) -> rusqlite::Result<Option<Value>> {
    text.map(|t| {
        serde_json::from_str(&t).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("audit event {seq}: column {column} is not JSON: {e}").into(),
            )
        })
    })
    .transpose()
}

fn event_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEvent> {
    let seq: i64 = r.get(0)?;
    let action: String = r.get(3)?;
    let entity: String = r.get(4)?;
    Ok(AuditEvent {
        seq,
        at: r.get(1)?,
        subject: subject_of(&action, &entity),
        actor: r.get(2)?,
        action,
        entity,
        before: parse_json_column(r.get(5)?, seq, "before")?,
        after: parse_json_column(r.get(6)?, seq, "after")?,
        prev_hash: r.get(7)?,
        hash: r.get(8)?,
    })
}

/// What a local file's event is about: the ids its entity path names
/// (`campaign/C[/candidate/Y][/assessor/Z]…`) and the kind of record its action names.
pub(crate) fn subject_of(action: &str, entity: &str) -> AuditSubject {
    AuditSubject {
        kind: match action.split_once('.').map_or(action, |(kind, _)| kind) {
            "candidate" => SubjectKind::CandidateDetails,
            "score" => SubjectKind::Score,
            "conflict" => SubjectKind::Conflict,
            _ => SubjectKind::Other,
        },
        ..entity_ids(entity)
    }
}

/// The campaign, candidate and assessor ids a local entity path names, of kind `Other`.
fn entity_ids(entity: &str) -> AuditSubject {
    let mut subject = AuditSubject::default();
    let mut parts = entity.split('/');
    while let (Some(kind), Some(id)) = (parts.next(), parts.next()) {
        match kind {
            "campaign" => subject.campaign_id = id.parse().ok(),
            "candidate" => subject.candidate_id = id.parse().ok(),
            "assessor" => subject.assessor_id = id.parse().ok(),
            _ => {}
        }
    }
    subject
}

/// The entity of campaign `id` itself; its records' entities are this or start with it and `/`.
fn campaign_entity(id: CampaignId) -> String {
    format!("campaign/{id}")
}

/// SQL true for the events of the campaign whose entity ([`campaign_entity`]) is bound to
/// parameter `param` (or for every event when it is NULL): its own and those under it, so
/// that campaign 1 does not take campaign 12's.
fn in_campaign(param: &str) -> String {
    format!("({param} IS NULL OR entity = {param} OR substr(entity, 1, length({param}) + 1) = {param} || '/')")
}

const EVENT_COLUMNS: &str = "seq, at, actor, action, entity, before, after, prev_hash, hash";

/// Filters for browsing the log. Every field is optional (absent means "any"), so the UI can
/// send `{}` for the whole log.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(export, optional_fields)]
pub struct AuditFilter {
    /// Only events of this campaign: its own and everything in it (on either backend, where
    /// an entity prefix would name the local file's paths only).
    pub campaign: Option<CampaignId>,
    /// Only events whose entity starts with this prefix (e.g. "campaign/3").
    pub entity_prefix: Option<String>,
    /// Only events whose action starts with this prefix (e.g. "score.").
    pub action_prefix: Option<String>,
    /// Only events by this actor.
    pub actor: Option<String>,
    /// Only events older than this sequence number: the next page back from the oldest
    /// event of the last one.
    pub before_seq: Option<i64>,
    /// At most this many events (newest first when set).
    pub limit: Option<usize>,
}

/// Events matching `filter`, oldest first (or the newest `limit`, still oldest first).
pub fn events(conn: &Connection, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM audit_log
         WHERE (?1 IS NULL OR substr(entity, 1, length(?1)) = ?1)
           AND (?2 IS NULL OR substr(action, 1, length(?2)) = ?2)
           AND (?3 IS NULL OR actor = ?3)
           AND {}
           AND (?6 IS NULL OR seq < ?6)
         ORDER BY seq DESC LIMIT ?4",
        in_campaign("?5")
    );
    let limit = filter.limit.map_or(-1, |l| l as i64);
    let campaign = filter.campaign.map(campaign_entity);
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt
        .query_map(
            params![
                filter.entity_prefix,
                filter.action_prefix,
                filter.actor,
                limit,
                campaign,
                filter.before_seq
            ],
            event_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.reverse();
    Ok(rows)
}

/// What [`verify`] found. Serialised with a `status` tag: `{"status": "intact", "events": 3,
/// "head": "…"}`, `{"status": "data_differs", …, "row": "…", "problem": "…"}` or
/// `{"status": "broken", "seq": 2, "problem": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
pub enum Verification {
    /// Every link holds.
    Intact {
        /// Number of events checked.
        #[ts(type = "number")]
        events: i64,
        /// Hash of the newest event (genesis for an empty log).
        head: String,
    },
    /// The chain holds, but a stored row is not what the log says it is: it was changed,
    /// added or removed behind the app's back.
    DataDiffers {
        /// Number of events checked.
        #[ts(type = "number")]
        events: i64,
        /// Hash of the newest event.
        head: String,
        /// The first row that differs ("score C-0011 / Alex Chair / c2").
        row: String,
        /// What it holds and what the log says ("value is 7, the log says 3 (event 412)").
        problem: String,
    },
    /// The first event whose link is broken, and how.
    Broken {
        /// Its sequence number.
        #[ts(type = "number")]
        seq: i64,
        /// What is wrong.
        problem: String,
    },
}

/// The hash of an event whose before/after are stored as written — compact JSON with sorted
/// keys, which is exactly [`canonical_json`] of them (serde_json's maps are sorted) — computed
/// by splicing the stored text into the canonical body instead of parsing it. `buf` is reused.
fn stored_event_hash(e: &AuditRef<'_>, buf: &mut String) -> String {
    use std::fmt::Write;
    let text = |s: &str| Value::String(s.to_owned()).to_string();
    buf.clear();
    let _ = write!(
        buf,
        "{{\"action\":{},\"actor\":{},\"after\":{},\"at\":{},\"before\":{},\"entity\":{},\"prev_hash\":{},\"seq\":{}}}",
        text(e.action),
        text(e.actor),
        e.after.unwrap_or("null"),
        text(e.at),
        e.before.unwrap_or("null"),
        text(e.entity),
        text(e.prev_hash),
        e.seq
    );
    hex::encode(Sha256::digest(buf.as_bytes()))
}

/// Recomputes the whole chain and names the first broken link. Each event is first hashed
/// from its stored text (spliced into the canonical body); only when that does not match is it parsed
/// and canonicalised ([`event_hash`]), which decides.
pub fn verify(conn: &Connection) -> Result<Verification> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS} FROM audit_log ORDER BY seq"
    ))?;
    let mut rows = stmt.query([])?;
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS_HASH.to_owned();
    let mut buf = String::new();
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(row.get_ref(i)?.as_str()?) };
        let optional =
            |i: usize| -> rusqlite::Result<Option<&str>> { Ok(row.get_ref(i)?.as_str_or_null()?) };
        let stored = AuditRef {
            seq,
            at: text(1)?,
            actor: text(2)?,
            action: text(3)?,
            entity: text(4)?,
            candidate_id: None,
            before: optional(5)?,
            after: optional(6)?,
            prev_hash: text(7)?,
            hash: text(8)?,
        };
        if seq != expected_seq {
            return Ok(Verification::Broken {
                seq: expected_seq,
                problem: format!("event {expected_seq} is missing (next stored is {seq})"),
            });
        }
        if stored.prev_hash != prev_hash {
            return Ok(Verification::Broken {
                seq,
                problem: format!(
                    "its previous-hash {} does not match event {}'s hash {}",
                    stored.prev_hash,
                    seq - 1,
                    prev_hash
                ),
            });
        }
        if stored_event_hash(&stored, &mut buf) != stored.hash {
            let event = match event_from_row(row) {
                Ok(e) => e,
                Err(e) => {
                    return Ok(Verification::Broken {
                        seq,
                        problem: e.to_string(),
                    })
                }
            };
            let recomputed = event_hash(&event);
            if recomputed != event.hash {
                return Ok(Verification::Broken {
                    seq,
                    problem: format!(
                        "its content does not match its hash (stored {}, recomputed {recomputed}): \
                         the event was altered after it was written",
                        event.hash
                    ),
                });
            }
        }
        prev_hash = stored.hash.to_owned();
        expected_seq += 1;
    }
    Ok(Verification::Intact {
        events: expected_seq - 1,
        head: prev_hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AssessorId;
    use crate::store::connection::open_in_memory;
    use serde_json::json;

    #[test]
    fn a_local_event_names_its_campaign_candidate_assessor_and_kind() {
        let score = subject_of("score.save", "campaign/3/candidate/7/assessor/2");
        assert_eq!(
            score,
            AuditSubject {
                campaign_id: Some(CampaignId(3)),
                candidate_id: Some(CandidateId(7)),
                assessor_id: Some(AssessorId(2)),
                kind: SubjectKind::Score,
            }
        );
        let placed = subject_of(
            "candidate.exercise_panel",
            "campaign/3/candidate/7/exercise/e2",
        );
        assert_eq!(
            (placed.candidate_id, placed.assessor_id, placed.kind),
            (Some(CandidateId(7)), None, SubjectKind::CandidateDetails)
        );
        let conflict = subject_of("conflict.confirm_none", "campaign/3/assessor/2");
        assert_eq!(
            (conflict.campaign_id, conflict.assessor_id, conflict.kind),
            (
                Some(CampaignId(3)),
                Some(AssessorId(2)),
                SubjectKind::Conflict
            )
        );
        let agreed = subject_of("agreed.set", "campaign/3/candidate/7/criterion/c1");
        assert_eq!(agreed.kind, SubjectKind::Other);
        assert_eq!(subject_of("role.create", "role/4"), AuditSubject::default());
    }

    #[test]
    fn a_campaign_filter_keeps_its_own_events_and_those_under_it_only() {
        let conn = open_in_memory().unwrap();
        for entity in [
            "campaign/1",
            "campaign/1/candidate/2",
            "campaign/12",
            "role/1",
        ] {
            append(&conn, "t", "hr", "x.y", entity, None, None).unwrap();
        }
        let filter = AuditFilter {
            campaign: Some(CampaignId(1)),
            ..AuditFilter::default()
        };
        let entities: Vec<String> = events(&conn, &filter)
            .unwrap()
            .into_iter()
            .map(|e| e.entity)
            .collect();
        assert_eq!(entities, ["campaign/1", "campaign/1/candidate/2"]);
    }

    fn append_three(conn: &Connection) {
        for i in 1..=3 {
            append(
                conn,
                "2026-11-23T10:00:00Z",
                "tester",
                "test.write",
                &format!("thing/{i}"),
                None,
                Some(json!({"n": i})),
            )
            .unwrap();
        }
    }

    #[test]
    fn the_hash_from_stored_text_is_the_canonical_hash() {
        let conn = open_in_memory().unwrap();
        let tricky = json!({"z": [1, {"b": "é \"quoted\"\n", "a": null}], "a": -2.5, "m": true});
        let event = append(
            &conn,
            "2026-11-23T10:00:00Z",
            "Zoë \"Z\" Ł",
            "score.save",
            "campaign/1/candidate/2",
            Some(tricky.clone()),
            Some(json!({"evidence": "tab\there", "value": 7})),
        )
        .unwrap();
        let (before, after) = (
            event.before.as_ref().map(Value::to_string),
            event.after.as_ref().map(Value::to_string),
        );
        let stored = AuditRef {
            seq: event.seq,
            at: &event.at,
            actor: &event.actor,
            action: &event.action,
            entity: &event.entity,
            candidate_id: None,
            before: before.as_deref(),
            after: after.as_deref(),
            prev_hash: &event.prev_hash,
            hash: &event.hash,
        };
        assert_eq!(stored_event_hash(&stored, &mut String::new()), event.hash);
        // Text that is not the canonical form misses the fast path; verify then decides on
        // the parsed value.
        conn.execute_batch("DROP TRIGGER audit_log_no_update")
            .unwrap();
        conn.execute(
            "UPDATE audit_log SET before = ?1 WHERE seq = 1",
            [r#"{ "m": true, "a": -2.5, "z": [1, {"a": null, "b": "é \"quoted\"\n"}] }"#],
        )
        .unwrap();
        assert!(matches!(
            verify(&conn).unwrap(),
            Verification::Intact { .. }
        ));
        conn.execute(
            "UPDATE audit_log SET before = '{\"m\":false}' WHERE seq = 1",
            [],
        )
        .unwrap();
        assert!(matches!(
            verify(&conn).unwrap(),
            Verification::Broken { seq: 1, .. }
        ));
    }

    #[test]
    fn a_campaigns_records_are_its_own_and_stop_at_the_sequence_asked_for() {
        let conn = open_in_memory().unwrap();
        for entity in [
            "campaign/1",
            "campaign/10/candidate/3",
            "campaign/1/candidate/2",
            "role/1",
            "campaign/1/panel/4",
        ] {
            append(
                &conn,
                "2026-11-23T10:00:00Z",
                "t",
                "test.write",
                entity,
                None,
                None,
            )
            .unwrap();
        }
        let seqs = |through: Option<i64>| {
            let mut seen = Vec::new();
            for_each_campaign_record(&conn, CampaignId(1), through, |e| {
                seen.push((e.seq, e.entity.to_owned()));
                Ok(())
            })
            .unwrap();
            seen
        };
        assert_eq!(
            seqs(None),
            [
                (1, "campaign/1".to_owned()),
                (3, "campaign/1/candidate/2".to_owned()),
                (5, "campaign/1/panel/4".to_owned())
            ]
        );
        assert_eq!(seqs(Some(3)).len(), 2);
        let owned = campaign_records(&conn, CampaignId(1)).unwrap();
        assert_eq!(owned[1].entity, "campaign/1/candidate/2");
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let mut out = String::new();
        canonical_json(
            &json!({"b": 1, "a": {"d": [2, {"z": 0, "y": "é"}], "c": null}}),
            &mut out,
        );
        assert_eq!(out, r#"{"a":{"c":null,"d":[2,{"y":"é","z":0}]},"b":1}"#);
    }

    #[test]
    fn an_intact_chain_verifies_and_reports_its_head() {
        let conn = open_in_memory().unwrap();
        append_three(&conn);
        let (seq, head_hash) = head(&conn).unwrap();
        assert_eq!(seq, 3);
        assert_eq!(
            verify(&conn).unwrap(),
            Verification::Intact {
                events: 3,
                head: head_hash
            }
        );
    }

    #[test]
    fn the_log_refuses_updates_and_deletes() {
        let conn = open_in_memory().unwrap();
        append_three(&conn);
        let err = conn
            .execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2", [])
            .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
        let err = conn
            .execute("DELETE FROM audit_log WHERE seq = 2", [])
            .unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }

    #[test]
    fn verify_names_an_edited_event() {
        let conn = open_in_memory().unwrap();
        append_three(&conn);
        conn.execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = '{\"n\":99}' WHERE seq = 2").unwrap();
        match verify(&conn).unwrap() {
            Verification::Broken { seq, problem } => {
                assert_eq!(seq, 2, "the edited event is the first broken link");
                assert!(problem.contains("altered"), "{problem}");
            }
            other => panic!("tampering went unnoticed: {other:?}"),
        }
    }

    #[test]
    fn the_filter_reads_from_the_ui_with_every_field_optional() {
        let none: AuditFilter = serde_json::from_str("{}").unwrap();
        assert_eq!(
            none,
            AuditFilter::default(),
            "an empty object means the whole log"
        );
        let some: AuditFilter =
            serde_json::from_str(r#"{"action_prefix": "role.", "limit": 5}"#).unwrap();
        assert_eq!(some.action_prefix.as_deref(), Some("role."));
        assert_eq!(some.limit, Some(5));
        assert_eq!(some.entity_prefix, None);
    }

    #[test]
    fn verification_is_sent_to_the_ui_with_a_status_tag() {
        let intact = serde_json::to_value(Verification::Intact {
            events: 3,
            head: "ab".into(),
        })
        .unwrap();
        assert_eq!(
            intact,
            json!({"status": "intact", "events": 3, "head": "ab"})
        );
        let broken = serde_json::to_value(Verification::Broken {
            seq: 2,
            problem: "altered".into(),
        })
        .unwrap();
        assert_eq!(
            broken,
            json!({"status": "broken", "seq": 2, "problem": "altered"})
        );
    }

    #[test]
    fn verify_names_a_removed_event() {
        let conn = open_in_memory().unwrap();
        append_three(&conn);
        conn.execute_batch("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2")
            .unwrap();
        assert!(matches!(
            verify(&conn).unwrap(),
            Verification::Broken { seq: 2, .. }
        ));
    }
}

/// An audit event exactly as stored, its before/after JSON kept as text (for exports, which
/// copy it out unchanged and need not parse it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// Position in the chain.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// What it concerned.
    pub entity: String,
    /// The candidate it is about, if any.
    pub candidate_id: Option<CandidateId>,
    /// State before, as stored JSON text.
    pub before: Option<String>,
    /// State after, as stored JSON text.
    pub after: Option<String>,
    /// Previous event's hash.
    pub prev_hash: String,
    /// This event's hash.
    pub hash: String,
}

/// An audit event as read from its row, borrowed: for streaming the log out without copying
/// it (the log of a 5,000-candidate campaign is ~100 MB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditRef<'a> {
    /// Position in the chain.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: &'a str,
    /// Who.
    pub actor: &'a str,
    /// What.
    pub action: &'a str,
    /// What it concerned.
    pub entity: &'a str,
    /// The candidate it is about, if any.
    pub candidate_id: Option<CandidateId>,
    /// State before, as stored JSON text.
    pub before: Option<&'a str>,
    /// State after, as stored JSON text.
    pub after: Option<&'a str>,
    /// Previous event's hash.
    pub prev_hash: &'a str,
    /// This event's hash.
    pub hash: &'a str,
}

impl From<AuditRef<'_>> for AuditRecord {
    fn from(e: AuditRef<'_>) -> Self {
        AuditRecord {
            seq: e.seq,
            at: e.at.to_owned(),
            actor: e.actor.to_owned(),
            action: e.action.to_owned(),
            entity: e.entity.to_owned(),
            candidate_id: e.candidate_id,
            before: e.before.map(str::to_owned),
            after: e.after.map(str::to_owned),
            prev_hash: e.prev_hash.to_owned(),
            hash: e.hash.to_owned(),
        }
    }
}

/// Calls `each` with every event about campaign `campaign_id` (its own entity and everything
/// under it), oldest first, as stored, up to and including event `through_seq` if given;
/// stops at the first error. The log is append-only, so bounding by sequence gives the same
/// events from any connection that has seen that event.
pub fn for_each_campaign_record(
    conn: &Connection,
    campaign_id: CampaignId,
    through_seq: Option<i64>,
    mut each: impl FnMut(AuditRef<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS} FROM audit_log WHERE {} AND (?2 IS NULL OR seq <= ?2) ORDER BY seq",
        in_campaign("?1")
    ))?;
    let mut rows = stmt.query(params![campaign_entity(campaign_id), through_seq])?;
    while let Some(r) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str()?) };
        let optional =
            |i: usize| -> rusqlite::Result<Option<&str>> { Ok(r.get_ref(i)?.as_str_or_null()?) };
        let entity = text(4)?;
        each(AuditRef {
            seq: r.get(0)?,
            at: text(1)?,
            actor: text(2)?,
            action: text(3)?,
            entity,
            candidate_id: entity_ids(entity).candidate_id,
            before: optional(5)?,
            after: optional(6)?,
            prev_hash: text(7)?,
            hash: text(8)?,
        })?;
    }
    Ok(())
}

/// The events about campaign `campaign_id` (its own entity and everything under it), oldest
/// first, as stored.
pub fn campaign_records(conn: &Connection, campaign_id: CampaignId) -> Result<Vec<AuditRecord>> {
    let mut records = Vec::new();
    for_each_campaign_record(conn, campaign_id, None, |e| {
        records.push(AuditRecord::from(e));
        Ok(())
    })?;
    Ok(records)
}
