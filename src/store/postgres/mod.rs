//! PostgreSQL for shared campaigns: the server side that the PostgreSQL backend sits on.
//!
//! The database enforces the rules itself (grants, row-level security on `session_user`,
//! guard triggers, an audit chain written by triggers), so they hold against raw SQL too:
//! - [`connect`]: libpq-style URLs, password look-up, one clear sentence per connection failure;
//! - [`init`]: `server init`, the versioned schema migrations (embedded .sql files), group roles;
//! - [`users`]: logins and their roles (`user add`, `user list`);
//! - [`listen`]: live changes announced by the server (ids only), for boards that update;
//! - [`audit_chain`]: the chain's hash encoding, recomputed here to verify what the server wrote.
//!
//! The `postgres` crate is synchronous and panics when called on a tokio runtime thread: call
//! these from a plain thread (or `spawn_blocking`), never from an async task.

pub mod audit_chain;
mod backend;
pub mod connect;
mod error;
pub mod init;
pub mod listen;
pub mod users;

pub use backend::transfer::{self, ImportReport, ImportedCampaign};
pub use backend::PgStore;
pub use error::{PgError, PgResult};

/// The schema every Panelmark object lives in.
pub const SCHEMA: &str = "panelmark";

/// Whether `db` names a PostgreSQL server (a `postgres://` or `postgresql://` URL) rather than
/// a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}
