//! Logins and their Panelmark roles: `user add` and `user list`. A login is a PostgreSQL role
//! that can sign in (NOBYPASSRLS, never a superuser) and is a member of one or more group roles;
//! `users` keeps its display name. Which campaigns and panels a person scores or moderates is
//! data (`assessors.login`), set by HR, not a role.

use postgres::Client;

use super::init::{require_superuser, ASSESSOR_ROLE, HR_ADMIN_ROLE, MODERATOR_ROLE};
use super::{PgError, PgResult, SCHEMA};

/// A Panelmark role a login can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AppRole {
    /// Sets up roles, scorecards, campaigns, panels, people; moves phases.
    HrAdmin,
    /// Scores as a panel member or chair.
    Assessor,
    /// Moderates, reads the board, results, statistics and exports.
    Moderator,
}

impl AppRole {
    /// Every role, in display order.
    pub const ALL: [AppRole; 3] = [AppRole::HrAdmin, AppRole::Assessor, AppRole::Moderator];

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            AppRole::HrAdmin => "hr-admin",
            AppRole::Assessor => "assessor",
            AppRole::Moderator => "moderator",
        }
    }

    /// The PostgreSQL group role that carries its grants.
    pub fn group_role(self) -> &'static str {
        match self {
            AppRole::HrAdmin => HR_ADMIN_ROLE,
            AppRole::Assessor => ASSESSOR_ROLE,
            AppRole::Moderator => MODERATOR_ROLE,
        }
    }
}

impl std::str::FromStr for AppRole {
    type Err = PgError;
    fn from_str(s: &str) -> PgResult<AppRole> {
        AppRole::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| PgError::Invalid {
                field: "--role",
                message: format!("'{s}' is not a role; use hr-admin, assessor or moderator"),
            })
    }
}

/// A login as `user list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    /// The PostgreSQL login.
    pub login: String,
    /// The name shown in the app.
    pub display_name: String,
    /// Its Panelmark roles.
    pub roles: Vec<AppRole>,
    /// Whether the role may sign in at all.
    pub can_login: bool,
}

/// Checks a login name: lower-case letters, digits and `_ . @ -`, starting with a letter or
/// `_`, at most 63 bytes, and not a reserved prefix.
pub fn check_login(login: &str) -> PgResult<()> {
    let invalid = |message: String| PgError::Invalid {
        field: "LOGIN",
        message,
    };
    let first_ok = login
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = login
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.@-".contains(c));
    if !first_ok || !rest_ok || login.len() > 63 {
        return Err(invalid(format!(
            "'{login}' is not a usable login: use lower-case letters, digits and _ . @ -, starting \
             with a letter, at most 63 characters"
        )));
    }
    if login.starts_with("pg_") || login.starts_with("panelmark_") {
        return Err(invalid(format!(
            "'{login}' starts with a reserved prefix (pg_, panelmark_)"
        )));
    }
    Ok(())
}

/// Creates the login if needed (with `password`, stored as a SCRAM-SHA-256 verifier computed
/// here, so the password itself never reaches the server or its logs), grants the role, and
/// records the person in `users`. Returns whether the login was new. Needs a superuser.
pub fn add_user(
    client: &mut Client,
    login: &str,
    role: AppRole,
    display_name: Option<&str>,
    password: Option<&str>,
) -> PgResult<bool> {
    check_login(login)?;
    require_superuser(client, "user add")?;
    let mut tx = client.transaction()?;
    let existing = tx.query_opt(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
        &[&login],
    )?;
    if let Some(row) = &existing {
        if row.get::<_, bool>(0) {
            return Err(PgError::Invalid {
                field: "LOGIN",
                message: format!(
                    "'{login}' is a superuser, who bypasses every rule; give the person a separate login"
                ),
            });
        }
    }
    // Statements built by the server's format(%I), so any login name is quoted safely.
    let mut statements = Vec::new();
    if existing.is_none() {
        statements.push(
            "format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', $1::text, $2::text)",
        );
    }
    statements.push("format('ALTER ROLE %I NOBYPASSRLS', $1::text, $2::text)");
    statements.push("format('GRANT %2$I TO %1$I', $1::text, $2::text)");
    statements
        .push("format('ALTER ROLE %I SET search_path = panelmark, public', $1::text, $2::text)");
    for statement in statements {
        let sql: String = tx
            .query_one(
                &format!("SELECT {statement}"),
                &[&login, &role.group_role()],
            )?
            .get(0);
        tx.batch_execute(&sql)?;
    }
    if let Some(password) = password {
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        let sql: String = tx
            .query_one(
                "SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text)",
                &[&login, &verifier],
            )?
            .get(0);
        tx.batch_execute(&sql)?;
    }
    tx.execute(
        &format!(
            "INSERT INTO {SCHEMA}.users (login, display_name, hr_admin) VALUES ($1, coalesce($2, $1), $3)
             ON CONFLICT (login) DO UPDATE
             SET display_name = coalesce($2, users.display_name),
                 hr_admin = users.hr_admin OR EXCLUDED.hr_admin"
        ),
        &[&login, &display_name, &(role == AppRole::HrAdmin)],
    )?;
    tx.commit()?;
    Ok(existing.is_none())
}

/// Every login that holds a Panelmark role or is in `users`, by login.
pub fn list_users(client: &mut Client) -> PgResult<Vec<UserInfo>> {
    let rows = client.query(
        &format!(
            "WITH logins AS (
                 SELECT r.rolname::text AS login, r.rolcanlogin,
                        array_remove(ARRAY[
                            CASE WHEN pg_has_role(r.oid, '{HR_ADMIN_ROLE}', 'MEMBER') THEN 'hr-admin' END,
                            CASE WHEN pg_has_role(r.oid, '{ASSESSOR_ROLE}', 'MEMBER') THEN 'assessor' END,
                            CASE WHEN pg_has_role(r.oid, '{MODERATOR_ROLE}', 'MEMBER') THEN 'moderator' END
                        ], NULL) AS roles
                 FROM pg_roles r
                 WHERE r.rolname NOT LIKE 'pg\\_%' AND r.rolname NOT LIKE 'panelmark\\_%'
                   AND NOT r.rolsuper)
             SELECT l.login, coalesce(u.display_name, l.login), l.roles, l.rolcanlogin
             FROM logins l LEFT JOIN {SCHEMA}.users u ON u.login = l.login
             WHERE cardinality(l.roles) > 0 OR u.login IS NOT NULL
             ORDER BY l.login"
        ),
        &[],
    )?;
    rows.iter()
        .map(|r| {
            let roles: Vec<String> = r.get(2);
            Ok(UserInfo {
                login: r.get(0),
                display_name: r.get(1),
                roles: roles.iter().map(|s| s.parse()).collect::<PgResult<_>>()?,
                can_login: r.get(3),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_checked_before_reaching_the_server() {
        assert!(check_login("ann.smith@hr-team").is_ok());
        assert!(check_login("_svc").is_ok());
        for bad in [
            "",
            "Ann",
            "1ann",
            "ann smith",
            "ann\"; DROP",
            "pg_ann",
            "panelmark_owner",
        ] {
            let err = check_login(bad).unwrap_err();
            assert_eq!(err.code(), "pg.invalid", "{bad}");
        }
        assert_eq!("moderator".parse::<AppRole>().unwrap(), AppRole::Moderator);
        assert!("chair"
            .parse::<AppRole>()
            .unwrap_err()
            .to_string()
            .contains("hr-admin"));
    }
}
