//! SQLite storage: connections, migrations, transactions and the audit chain. No rule about
//! who may do what lives here: every caller outside the crate goes through a
//! [`crate::session::Session`], which owns those rules.
//!
//! [`Store`] owns one connection. Every user action goes through `Store::write`, which runs
//! it in one transaction together with its audit events: both commit or neither does.

mod adjustments;
pub mod audit;
mod board;
mod campaigns;
mod conflicts;
pub mod connection;
mod decisions;
mod flag_settings;
mod people;
pub mod personal;
mod placements;
pub mod postgres;
pub mod replay;
pub mod retention;
mod roles;
mod scores;
mod storage;
pub mod users;
mod withdrawal;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, Transaction};
use serde_json::Value;

use crate::{Error, Result};

pub use audit::{AuditFilter, Verification};
pub use board::BOARD_SCORES_SQL;
pub use campaigns::StoredScorecard;
pub use conflicts::ConflictDeclaration;
pub use decisions::SignOff;
pub use people::NewCandidate;
pub use roles::StoredRole;
pub use scores::MAX_EVIDENCE_CHARS;
pub use storage::Database;
pub(crate) use storage::Storage;

/// Source of the current time; tests and the demo substitute a fixed one.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Formats a time the way every stored timestamp is written: RFC 3339, UTC, seconds.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A Panelmark database.
pub struct Store {
    conn: Connection,
    clock: Clock,
    scorecards: campaigns::ScorecardCache,
    installation_key: Option<Arc<crate::anchor::InstallationKey>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish_non_exhaustive()
    }
}

/// One user action in progress: the open transaction, who is acting, and the time the
/// action is stamped with.
pub(crate) struct Tx<'a> {
    tx: Transaction<'a>,
    actor: &'a str,
    now: String,
    scorecards: &'a campaigns::ScorecardCache,
    installation_key: Option<&'a crate::anchor::InstallationKey>,
}

impl Tx<'_> {
    /// The connection, for queries inside the transaction.
    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// The action's timestamp (RFC 3339, UTC).
    pub(crate) fn now(&self) -> &str {
        &self.now
    }

    /// A campaign, read inside this transaction.
    pub(crate) fn campaign(&self, id: crate::model::CampaignId) -> Result<crate::model::Campaign> {
        campaigns::load_campaign(&self.tx, self.scorecards, id)
    }

    /// Records an audit event for this action, in the same transaction.
    pub(crate) fn audit(
        &self,
        action: crate::model::AuditAction,
        entity: &str,
        before: Option<Value>,
        after: Option<Value>,
    ) -> Result<()> {
        audit::append(
            &self.tx,
            &self.now,
            self.actor,
            action.as_str(),
            entity,
            before,
            after,
        )?;
        Ok(())
    }

    /// Records the chain's head as it stands before this event, signed when the store has an
    /// installation key, in an `anchor.recorded` event about `entity`: the moment (`sign_off`,
    /// `import`, …) a head was handed out. Returns the anchor.
    pub(crate) fn record_anchor(
        &self,
        moment: &str,
        entity: &str,
    ) -> Result<crate::anchor::Anchor> {
        let mut anchor = crate::anchor::Anchor::head(&self.tx)?;
        if let Some(key) = self.installation_key {
            anchor = anchor.signed(key);
        }
        self.audit(
            crate::model::AuditAction::AnchorRecorded,
            entity,
            None,
            Some(serde_json::json!({ "moment": moment, "anchor": anchor.to_string() })),
        )?;
        Ok(anchor)
    }
}

impl Store {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Self::from_connection(connection::open(path)?))
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Ok(Self::from_connection(connection::open_in_memory()?))
    }

    /// A second, read-only connection to this store's database file, for reading on another
    /// thread; `None` for an in-memory store, which no other connection can see.
    pub(crate) fn reader(&self) -> Result<Option<Connection>> {
        match self.conn.path().filter(|p| !p.is_empty()) {
            Some(path) => Ok(Some(connection::open_reader(Path::new(path))?)),
            None => Ok(None),
        }
    }

    fn from_connection(conn: Connection) -> Self {
        Store {
            conn,
            clock: Arc::new(Utc::now),
            scorecards: Default::default(),
            installation_key: None,
        }
    }

    /// Signs the anchors this store hands out (exports, sign-offs, imports) with `key`.
    pub fn with_installation_key(mut self, key: crate::anchor::InstallationKey) -> Self {
        self.installation_key = Some(Arc::new(key));
        self
    }

    /// The key that signs this store's anchors, if any.
    pub fn installation_key(&self) -> Option<&crate::anchor::InstallationKey> {
        self.installation_key.as_deref()
    }

    /// The current head as an anchor, signed when the store has an installation key.
    pub(crate) fn anchor(&self) -> Result<crate::anchor::Anchor> {
        let anchor = crate::anchor::Anchor::head(&self.conn)?;
        Ok(match self.installation_key() {
            Some(key) => anchor.signed(key),
            None => anchor,
        })
    }

    /// Replaces the clock (tests and reproducible demo data).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The default database: `panelmark.db` in the operating system's data folder.
    pub fn default_path() -> Result<PathBuf> {
        directories::ProjectDirs::from("org", "Panelmark", "Panelmark")
            .map(|dirs| dirs.data_dir().join("panelmark.db"))
            .ok_or_else(|| Error::invalid("database", "no home folder found; pass --db PATH"))
    }

    /// The underlying connection, for read queries.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The current time as the store stamps it.
    pub(crate) fn now(&self) -> String {
        timestamp((self.clock)())
    }

    /// Runs one user action in a transaction: commits when `action` returns `Ok`, rolls back
    /// (leaving every row and the audit log as they were) when it returns `Err`.
    pub(crate) fn write<T>(
        &mut self,
        actor: &str,
        action: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        if actor.trim().is_empty() {
            return Err(Error::invalid(
                "actor",
                "every change must name who made it",
            ));
        }
        let now = timestamp((self.clock)());
        let tx = Tx {
            tx: self.conn.transaction()?,
            actor,
            now,
            scorecards: &self.scorecards,
            installation_key: self.installation_key.as_deref(),
        };
        let value = action(&tx)?;
        tx.tx.commit()?;
        Ok(value)
    }

    /// Copies every committed page from the WAL into the database file and truncates the WAL,
    /// so the file beside the database holds no older copy of a page (after an erasure).
    /// A reader in another connection holds the WAL for the length of one read: waits up to
    /// five seconds for it.
    pub(crate) fn checkpoint(&self) -> Result<()> {
        for _ in 0..100 {
            let busy: i64 = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy == 0 {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Err(crate::Error::Conflict(
            "the change is saved, but another window kept reading this database, so the old \
             text is still in its write-ahead log (the -wal file beside it); close other \
             windows and Panelmark clears it when the database is next opened"
                .into(),
        ))
    }

    /// Recomputes the audit chain and replays it against every stored row it describes (see
    /// [`replay`]). On a file the two run at once, the chain on a second connection; each
    /// reads in one snapshot, and if a change committed between the two snapshots (the
    /// heads differ) they run again one after the other in one.
    pub(crate) fn verify(&self) -> Result<Verification> {
        if let Some(reader) = self.reader()? {
            let (chain, data) = std::thread::scope(|scope| {
                let chain = scope.spawn(move || -> Result<Verification> {
                    let snapshot = reader.unchecked_transaction()?;
                    audit::verify(&snapshot)
                });
                let data = self.replay_in_snapshot();
                let chain = chain.join().unwrap_or_else(|_| {
                    Err(Error::Conflict("verify's chain check panicked".into()))
                });
                (chain, data)
            });
            let (chain, (seen_seq, mismatch)) = (chain?, data?);
            match chain {
                Verification::Intact { events, .. } if events != seen_seq => {}
                Verification::Intact { events, head } => {
                    return Ok(with_data(events, head, mismatch));
                }
                broken => return Ok(broken),
            }
        }
        let _snapshot = self.conn.unchecked_transaction()?;
        let chain = audit::verify(&self.conn)?;
        let Verification::Intact { events, head } = chain else {
            return Ok(chain);
        };
        Ok(with_data(events, head, replay::first_mismatch(&self.conn)?))
    }

    /// The head's sequence number and the first row that differs from the log, read in one
    /// snapshot.
    fn replay_in_snapshot(&self) -> Result<(i64, Option<replay::Mismatch>)> {
        let _snapshot = self.conn.unchecked_transaction()?;
        let (seq, _) = audit::head(&self.conn)?;
        Ok((seq, replay::first_mismatch(&self.conn)?))
    }

    /// The audit log, filtered.
    pub(crate) fn audit_events(
        &self,
        filter: &AuditFilter,
    ) -> Result<Vec<crate::model::AuditEvent>> {
        audit::events(&self.conn, filter)
    }

    /// Hash of the newest audit event (the chain's head).
    pub(crate) fn audit_head(&self) -> Result<String> {
        Ok(audit::head(&self.conn)?.1)
    }
}

/// An intact chain's verdict with the data check's.
fn with_data(events: i64, head: String, mismatch: Option<replay::Mismatch>) -> Verification {
    match mismatch {
        None => Verification::Intact { events, head },
        Some(mismatch) => Verification::DataDiffers {
            events,
            head,
            row: mismatch.row,
            problem: mismatch.problem,
        },
    }
}
