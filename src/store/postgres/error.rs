//! Errors of the PostgreSQL side, each with a stable code and a sentence that says what to fix.

/// A failure talking to, or setting up, a PostgreSQL server.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// The `--db` URL cannot be read.
    #[error("the database URL is not valid: {0}")]
    BadUrl(String),
    /// The server refused the password (or asked for one and none was found).
    #[error("{0}")]
    WrongPassword(String),
    /// The host name does not resolve.
    #[error("{0}")]
    UnknownHost(String),
    /// Nothing answers at that address: the server is down or the address is wrong.
    #[error("{0}")]
    ServerDown(String),
    /// The server does not let this login in, or not to this database, or not to do this.
    #[error("{0}")]
    PermissionRefused(String),
    /// The server's schema is newer than this build.
    #[error("the server's Panelmark schema is version {found}, newer than this build understands ({supported}); use a newer Panelmark")]
    NewerSchema {
        /// Version on the server.
        found: i32,
        /// Latest version this build has.
        supported: i32,
    },
    /// A value given by the user is not acceptable; `field` names it.
    #[error("{field}: {message}")]
    Invalid {
        /// The argument or field.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The connection to the server dropped (a network drop, a restarted server).
    #[error("the connection to the shared database was lost before this request was confirmed; Panelmark connects again by itself: look again or try again in a few seconds")]
    ConnectionLost(#[source] postgres::Error),
    /// Any other error from the server or the driver.
    #[error("PostgreSQL: {0}")]
    Sql(#[source] postgres::Error),
}

impl From<postgres::Error> for PgError {
    /// A dropped connection is told apart: the app keeps such changes and tries them again.
    fn from(e: postgres::Error) -> Self {
        if connection_lost(&e) {
            PgError::ConnectionLost(e)
        } else {
            PgError::Sql(e)
        }
    }
}

/// Whether the connection itself failed: closed, a socket error, or the server ending it
/// (an administrator, a restart).
fn connection_lost(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.is_closed()
        || std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>())
        || e.code().is_some_and(|c| {
            *c == SqlState::ADMIN_SHUTDOWN
                || *c == SqlState::CRASH_SHUTDOWN
                || *c == SqlState::CANNOT_CONNECT_NOW
        })
}

impl PgError {
    /// A stable, machine-readable code for the kind of failure.
    pub fn code(&self) -> &'static str {
        match self {
            PgError::BadUrl(_) => "pg.bad_url",
            PgError::WrongPassword(_) => "pg.wrong_password",
            PgError::UnknownHost(_) => "pg.unknown_host",
            PgError::ServerDown(_) => "pg.server_down",
            PgError::PermissionRefused(_) => "pg.permission_refused",
            PgError::NewerSchema { .. } => "pg.newer_schema",
            PgError::Invalid { .. } => "pg.invalid",
            PgError::ConnectionLost(_) => "pg.connection_lost",
            PgError::Sql(_) => "pg.sql",
        }
    }
}

/// Result of the PostgreSQL side.
pub type PgResult<T> = std::result::Result<T, PgError>;
