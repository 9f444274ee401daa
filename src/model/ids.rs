//! One id type per kind of stored entity, so that one entity's id cannot be passed where
//! another's is wanted: the compiler refuses it.
//!
//! ```compile_fail,E0308
//! use panelmark::model::{CampaignId, CandidateId};
//!
//! fn open_campaign(_campaign: CampaignId) {}
//!
//! let candidate = CandidateId(2);
//! open_campaign(candidate);
//! ```
//!
//! Each id is still the bare number on every wire: JSON (IPC, `results --json`, audit
//! payloads), SQLite and PostgreSQL columns (`INTEGER` / `BIGINT`), and text (`Display` and
//! `FromStr`, so audit keys such as `campaign/1/candidate/2` and CLI arguments are unchanged).
//! The raw number is reached only at those edges: `.0` to read it, `Id(n)` to wrap one.

use std::error::Error;
use std::fmt;
use std::str::FromStr;

use bytes::BytesMut;
use postgres::types::{FromSql as PgFromSql, IsNull, ToSql as PgToSql, Type};
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! entity_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            Default,
            PartialOrd,
            Ord,
            ts_rs::TS,
        )]
        #[ts(export)]
        pub struct $name(pub i64);

        // By hand rather than `#[serde(transparent)]`, which ts-rs warns it cannot read: the
        // same bare number either way.
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                i64::deserialize(deserializer).map($name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                ToSql::to_sql(&self.0)
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        impl PgToSql for $name {
            fn to_sql(
                &self,
                ty: &Type,
                out: &mut BytesMut,
            ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
                PgToSql::to_sql(&self.0, ty, out)
            }

            fn accepts(ty: &Type) -> bool {
                <i64 as PgToSql>::accepts(ty)
            }

            postgres::types::to_sql_checked!();
        }

        impl<'a> PgFromSql<'a> for $name {
            fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn Error + Sync + Send>> {
                <i64 as PgFromSql>::from_sql(ty, raw).map($name)
            }

            fn accepts(ty: &Type) -> bool {
                <i64 as PgFromSql>::accepts(ty)
            }
        }
    };
}

entity_id!(
    /// A campaign's database id.
    CampaignId
);
entity_id!(
    /// A candidate's database id.
    CandidateId
);
entity_id!(
    /// The database id of a person's part in one campaign (member, chair or moderator): an
    /// assessor record, not the user's login.
    AssessorId
);
entity_id!(
    /// A panel's database id.
    PanelId
);
entity_id!(
    /// A scorecard template's database id (its versions share it).
    ScorecardId
);
entity_id!(
    /// A stored role's database id (the role a scorecard is built from).
    RoleId
);
entity_id!(
    /// A user's database id (a login in a local file; on a shared server the login itself is
    /// the identity).
    UserId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_the_bare_number_in_json_and_text() {
        let id = CampaignId(42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<CampaignId>("42").unwrap(), id);
        assert_eq!(id.to_string(), "42");
        assert_eq!("42".parse::<CampaignId>().unwrap(), id);
    }

    #[test]
    fn an_id_is_the_bare_number_in_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let (kind, back): (String, CampaignId) = conn
            .query_row("SELECT typeof(?1), ?1", [CampaignId(7)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((kind.as_str(), back), ("integer", CampaignId(7)));
    }
}
