//! The core's typed errors. Each has a stable `code()` the UI branches on; the `Display`
//! text is the readable message shown to the user.

use crate::import::ImportError;
use crate::model::CampaignId;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be imported; the message names the file and the line or field.
    #[error(transparent)]
    Import(#[from] ImportError),

    /// A value given by the user breaks a rule; `field` names it.
    #[error("{field}: {message}")]
    Invalid {
        /// The field, e.g. `score.value` or `criteria[2].weight`.
        field: String,
        /// What is wrong with it.
        message: String,
    },

    /// The entity asked for does not exist.
    #[error("{entity} {id} not found")]
    NotFound {
        /// Kind of entity, e.g. "campaign".
        entity: &'static str,
        /// Its id or reference as the user gave it.
        id: String,
    },

    /// The action is not allowed in the campaign's current state.
    #[error("campaign {campaign_id} is {state}: {action} is not allowed (allowed when {allowed})")]
    WrongState {
        /// The campaign.
        campaign_id: CampaignId,
        /// Its current state.
        state: &'static str,
        /// What was attempted.
        action: String,
        /// States in which it would be allowed.
        allowed: String,
    },

    /// The campaign is signed off: results are locked until a moderator reopens it.
    #[error("campaign {campaign_id} is signed off and locked: a moderator must reopen it, with a reason, before {action}")]
    Locked {
        /// The campaign.
        campaign_id: CampaignId,
        /// What was attempted.
        action: String,
    },

    /// The actor may not do this (wrong role, or not on the candidate's panel).
    #[error("not permitted: {0}")]
    Forbidden(String),

    /// Nobody is signed in as that login (unknown user).
    #[error("{0}")]
    NotSignedIn(String),

    /// The action conflicts with what is stored (e.g. a submitted score edited again).
    #[error("{0}")]
    Conflict(String),

    /// The database could not be read or written.
    #[error("database error: {0}")]
    Database(rusqlite::Error),

    /// The database's schema could not be brought up to date.
    #[error("database migration failed: {0}")]
    Migration(String),

    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// An export could not be produced.
    #[error("export failed: {0}")]
    Export(String),

    /// The shared PostgreSQL database failed or refused; its code says which (`pg.…`).
    #[error(transparent)]
    Shared(#[from] crate::store::postgres::PgError),

    /// Long work (an export, an import, the demo) was cancelled part-way; the message says
    /// what the cancel left (nothing written, nothing stored, or what was kept).
    #[error("cancelled: {0}")]
    Cancelled(String),

    /// Something the shared database does not do yet; the message says what and where to do it.
    #[error("{0}")]
    NotShared(String),
}

/// A stored row whose columns the model's types cannot hold (a file changed outside the app):
/// raised inside a row reader, where only a `rusqlite::Error` can be returned, and turned into
/// an [`Error::Invalid`] naming the row.
#[derive(Debug, thiserror::Error)]
#[error("{row}: {problem}")]
pub struct UnreadableRow {
    /// The row ("agreed score of candidate 3 on c1").
    pub row: String,
    /// What is wrong with it.
    pub problem: String,
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e {
            if let Some(bad) = inner.downcast_ref::<UnreadableRow>() {
                return Error::invalid(
                    bad.row.clone(),
                    format!(
                        "{}; the file was changed outside Panelmark (`panelmark verify` names what differs from the audit log)",
                        bad.problem
                    ),
                );
            }
        }
        Error::Database(e)
    }
}

impl Error {
    /// A stable machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Import(_) => "import",
            Error::Invalid { .. } => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::WrongState { .. } => "wrong_state",
            Error::Locked { .. } => "locked",
            Error::Forbidden(_) => "forbidden",
            Error::NotSignedIn(_) => "not_signed_in",
            Error::Conflict(_) => "conflict",
            Error::Database(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io { .. } => "io",
            Error::Export(_) => "export",
            Error::Shared(e) => e.code(),
            Error::NotShared(_) => "not_on_shared_database",
            Error::Cancelled(_) => "cancelled",
        }
    }

    /// Shorthand for an [`Error::Invalid`].
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Shorthand for an [`Error::NotFound`].
    pub fn not_found(entity: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            entity,
            id: id.to_string(),
        }
    }

    /// This error, or, when it is [`Error::Cancelled`], one that says what the cancel left
    /// (`outcome`, e.g. "nothing was imported").
    pub fn if_cancelled(self, outcome: impl FnOnce() -> String) -> Self {
        match self {
            Error::Cancelled(_) => Error::Cancelled(outcome()),
            other => other,
        }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
