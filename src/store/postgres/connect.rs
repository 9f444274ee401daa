//! Connecting: libpq-style URLs (`postgres://` / `postgresql://`, host, port, dbname, user,
//! `host=/socket/dir`, `sslmode`), the password from the URL, `PGPASSWORD` or the password file
//! (`PGPASSFILE`, else `~/.pgpass`, ignored unless private to its owner, as libpq does), and one
//! clear sentence for each way a connection fails.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use postgres::config::Host;
use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};

use super::{PgError, PgResult};

/// How long to wait for a server that does not answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A server to connect to, parsed from a URL, with its password resolved.
#[derive(Clone)]
pub struct Target {
    config: Config,
}

impl std::fmt::Debug for Target {
    // Never print the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("where", &self.describe())
            .finish_non_exhaustive()
    }
}

impl Target {
    /// Reads a `postgres://` or `postgresql://` URL. Anything the URL leaves out follows libpq:
    /// `PGUSER` (else the operating-system user), `PGPASSWORD`, then the password file.
    pub fn parse(url: &str) -> PgResult<Target> {
        if !super::is_url(url) {
            return Err(PgError::BadUrl(format!(
                "'{}' does not start with postgres:// or postgresql://",
                redact(url)
            )));
        }
        let mut config =
            Config::from_str(url).map_err(|e| PgError::BadUrl(error_chain_text(&e)))?;
        if config.get_user().is_none() {
            if let Ok(user) = std::env::var("PGUSER") {
                config.user(&user);
            }
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("panelmark");
        let mut target = Target { config };
        if target.config.get_password().is_none() {
            if let Some(password) = std::env::var("PGPASSWORD")
                .ok()
                .or_else(|| target.password_from_file())
            {
                target.config.password(&password);
            }
        }
        Ok(target)
    }

    /// The same server with `password` instead of any the URL, `PGPASSWORD` or the password
    /// file gave (the app's password field; it is kept in memory only).
    pub fn with_password(mut self, password: &str) -> Target {
        self.config.password(password);
        self
    }

    /// The same server and settings, on the database `dbname` (the benchmark works in a
    /// scratch database of its own).
    pub fn on_database(&self, dbname: &str) -> Target {
        let mut config = self.config.clone();
        config.dbname(dbname);
        Target { config }
    }

    /// The same server, database and settings, signed in as `login` with `password`.
    pub fn as_login(&self, login: &str, password: &str) -> Target {
        let mut config = self.config.clone();
        config.user(login).password(password);
        Target { config }
    }

    /// The login the URL names (or the default one).
    pub fn user(&self) -> String {
        self.config
            .get_user()
            .map(str::to_owned)
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_default()
    }

    /// The first host: a name, or "localhost" for a unix socket (as the password file and
    /// libpq's messages name it).
    fn host_name(&self) -> String {
        match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => name.clone(),
            _ => "localhost".into(),
        }
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    fn dbname(&self) -> String {
        self.config
            .get_dbname()
            .map_or_else(|| self.user(), str::to_owned)
    }

    /// "database D on HOST:PORT" (or "on the socket in DIR"), for messages.
    pub fn describe(&self) -> String {
        let place = match self.config.get_hosts().first() {
            Some(Host::Tcp(name)) => format!("{name}:{}", self.port()),
            Some(Host::Unix(dir)) => {
                format!("the socket in {} (port {})", dir.display(), self.port())
            }
            None => format!("localhost:{}", self.port()),
        };
        format!("database '{}' on {place}", self.dbname())
    }

    fn password_from_file(&self) -> Option<String> {
        let path = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass")))?;
        if !is_private(&path) {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        pgpass_lookup(
            &text,
            &self.host_name(),
            self.port(),
            &self.dbname(),
            &self.user(),
        )
    }

    /// Opens a connection. TLS follows `sslmode`: `disable` never; `prefer` (the default) when
    /// the server offers it, without checking its certificate (as libpq does); `require`
    /// always, with the certificate checked against the system's roots and the host name
    /// (stricter than libpq's `require`, which checks nothing).
    pub fn connect(&self) -> PgResult<Client> {
        use postgres::config::SslMode;
        let fail = |e: postgres::Error| classify(&e, self).unwrap_or(PgError::Sql(e));
        let verify = match self.config.get_ssl_mode() {
            SslMode::Disable => return self.config.connect(NoTls).map_err(fail),
            SslMode::Require => true,
            _ => false,
        };
        let tls = native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(!verify)
            .danger_accept_invalid_hostnames(!verify)
            .build()
            .map_err(|e| PgError::BadUrl(format!("TLS cannot be set up on this machine: {e}")))?;
        self.config
            .connect(postgres_native_tls::MakeTlsConnector::new(tls))
            .map_err(fail)
    }
}

/// Parses `url` and connects.
pub fn connect(url: &str) -> PgResult<Client> {
    Target::parse(url)?.connect()
}

/// The URL with any password replaced by `***`, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let auth = &url[scheme + 3..at];
            match auth.find(':') {
                Some(colon) => format!("{}***{}", &url[..scheme + 3 + colon + 1], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// The URL with any password taken out, both `user:password@` and a `password=` parameter,
/// so it can be remembered (the app's recent connections) without one.
pub fn without_password(url: &str) -> String {
    let mut url = url.to_owned();
    // The user part ends at the last '@' before the query (a raw '@' may be in the password).
    let before_query = url.find('?').unwrap_or(url.len());
    if let (Some(scheme), Some(at)) = (url.find("://"), url[..before_query].rfind('@')) {
        if let Some(colon) = url[scheme + 3..at].find(':') {
            url.replace_range(scheme + 3 + colon..at, "");
        }
    }
    let Some(question) = url.find('?') else {
        return url;
    };
    let kept: Vec<&str> = url[question + 1..]
        .split('&')
        .filter(|pair| !pair.starts_with("password="))
        .collect();
    let base = &url[..question];
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

#[cfg(unix)]
fn is_private(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn is_private(path: &Path) -> bool {
    path.is_file()
}

/// The password for the first matching `host:port:database:user:password` line of a password
/// file (`*` matches anything; `\:` and `\\` escape), as libpq reads it.
pub fn pgpass_lookup(
    text: &str,
    host: &str,
    port: u16,
    dbname: &str,
    user: &str,
) -> Option<String> {
    let port = port.to_string();
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#') && !line.trim().is_empty())
        .find_map(|line| {
            let fields = split_pgpass_line(line);
            let [h, p, d, u, password] = <[String; 5]>::try_from(fields).ok()?;
            let matches = |pattern: &str, value: &str| pattern == "*" || pattern == value;
            (matches(&h, host) && matches(&p, &port) && matches(&d, dbname) && matches(&u, user))
                .then_some(password)
        })
}

fn split_pgpass_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    fields.last_mut().expect("never empty").push(next);
                }
            }
            // The password is the rest of the line, colons and all.
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("never empty").push(c),
        }
    }
    fields
}

/// Turns a failed connection into one sentence naming what to fix, when the cause is known.
fn classify(err: &postgres::Error, target: &Target) -> Option<PgError> {
    let user = target.user();
    let place = target.describe();
    if let Some(db) = err.as_db_error() {
        let code = db.code();
        return Some(if *code == SqlState::INVALID_PASSWORD {
            PgError::WrongPassword(format!(
                "the server refused the password for login '{user}' on {place}: check the password \
                 in the URL, PGPASSWORD or ~/.pgpass"
            ))
        } else if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            PgError::PermissionRefused(format!(
                "the server does not let login '{user}' in to {place} ({}): ask its administrator \
                 to create the login or allow it in pg_hba.conf",
                db.message()
            ))
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            PgError::PermissionRefused(format!(
                "there is no {place}: check the database name in the URL, or create it first"
            ))
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            PgError::PermissionRefused(format!(
                "login '{user}' may not connect to {place} ({}): ask its administrator for access",
                db.message()
            ))
        } else if *code == SqlState::CANNOT_CONNECT_NOW || *code == SqlState::TOO_MANY_CONNECTIONS {
            PgError::ServerDown(format!(
                "the server for {place} is not accepting connections now ({}): try again shortly",
                db.message()
            ))
        } else {
            return None;
        });
    }
    let text = error_chain_text(err as &(dyn std::error::Error + 'static));
    if text.contains("server does not support TLS") {
        return Some(PgError::PermissionRefused(format!(
            "{place} does not offer TLS but the URL says sslmode=require: enable ssl on the server, \
             or use sslmode=prefer on a trusted network"
        )));
    }
    if text.contains("error performing TLS handshake") {
        return Some(PgError::PermissionRefused(format!(
            "the TLS certificate of {place} is not trusted here ({text}): install its CA on this \
             machine, or check the host name"
        )));
    }
    if text.contains("password missing") {
        return Some(PgError::WrongPassword(format!(
            "the server asks login '{user}' for a password on {place} and none was given: put it in \
             the URL, PGPASSWORD or ~/.pgpass"
        )));
    }
    let io = std::iter::successors(std::error::Error::source(err), |e| e.source())
        .find_map(|e| e.downcast_ref::<std::io::Error>());
    if text.contains("lookup address")
        || text.contains("Name or service not known")
        || text.contains("No address associated")
        || text.contains("nodename nor servname")
    {
        return Some(PgError::UnknownHost(format!(
            "the host '{}' is unknown: check the host name in the URL",
            target.host_name()
        )));
    }
    if err.to_string().contains("timeout")
        || io.is_some_and(|e| e.kind() == std::io::ErrorKind::TimedOut)
    {
        return Some(PgError::ServerDown(format!(
            "no answer from {place} within {} s: the server is down, or a firewall is in the way",
            CONNECT_TIMEOUT.as_secs()
        )));
    }
    if let Some(io) = io {
        use std::io::ErrorKind::{ConnectionRefused, NotFound};
        if matches!(io.kind(), ConnectionRefused | NotFound) {
            return Some(PgError::ServerDown(format!(
                "nothing answers at {place}: the server is down, or the host or port is wrong"
            )));
        }
    }
    None
}

/// The error and its sources, joined with ": " (the driver's own message is often generic).
fn error_chain_text(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgpass_matches_the_first_fitting_line_with_wildcards_and_escapes() {
        let file = "# comment\n\
                    db.example:5432:other:ann:nope\n\
                    db.example:5432:panelmark:ann:s3cr\\:et:with colon\n\
                    *:*:*:bob:bobs\n";
        assert_eq!(
            pgpass_lookup(file, "db.example", 5432, "panelmark", "ann").as_deref(),
            Some("s3cr:et:with colon")
        );
        assert_eq!(
            pgpass_lookup(file, "elsewhere", 6000, "x", "bob").as_deref(),
            Some("bobs")
        );
        assert_eq!(
            pgpass_lookup(file, "db.example", 5433, "panelmark", "ann"),
            None
        );
    }

    #[test]
    fn urls_parse_with_socket_dirs_and_passwords_never_print() {
        let target =
            Target::parse("postgresql://ann:pw@/panelmark?host=/tmp/sock&port=5999").unwrap();
        assert_eq!(target.user(), "ann");
        assert_eq!(
            target.describe(),
            "database 'panelmark' on the socket in /tmp/sock (port 5999)"
        );
        assert!(!format!("{target:?}").contains("pw"));
        assert_eq!(
            redact("postgres://ann:pw@db:5432/x"),
            "postgres://ann:***@db:5432/x"
        );
        assert_eq!(redact("postgres://ann@db/x"), "postgres://ann@db/x");
    }

    #[test]
    fn a_url_can_be_kept_without_its_password() {
        assert_eq!(
            without_password("postgresql://ann:s3cr%40t@db.example.org:5433/panelmark"),
            "postgresql://ann@db.example.org:5433/panelmark"
        );
        assert_eq!(
            without_password("postgresql://ann@/pm?host=/run/pg&password=pw&sslmode=require"),
            "postgresql://ann@/pm?host=/run/pg&sslmode=require"
        );
        assert_eq!(
            without_password("postgres://db/pm?password=pw"),
            "postgres://db/pm"
        );
        assert_eq!(
            without_password("postgres://ann@db/pm"),
            "postgres://ann@db/pm"
        );
    }

    #[test]
    fn a_path_or_a_bad_url_is_refused_with_the_reason() {
        let err = Target::parse("/tmp/panelmark.db").unwrap_err();
        assert_eq!(err.code(), "pg.bad_url");
        let err = Target::parse("postgres://ann@db/x?sslmode=sometimes").unwrap_err();
        assert!(err.to_string().contains("sslmode"), "{err}");
    }
}
