//! Users: the people who use a database, by login. Who may do what is the session's
//! business (`crate::session`); this module only reads and writes the rows.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::json;
use unicode_normalization::UnicodeNormalization;

use super::Tx;
use crate::model::{AuditAction, User, UserId};
use crate::{Error, Result};

const USER_COLUMNS: &str = "id, login, name, hr_admin";

fn user_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        login: r.get(1)?,
        name: r.get(2)?,
        hr_admin: r.get(3)?,
    })
}

/// Checks a login: 1–63 characters of lowercase ASCII letters, digits, `.`, `_` or `-`,
/// starting with a letter. The same login must work as a PostgreSQL role name in a shared
/// database, hence the narrow alphabet and length.
pub fn check_login(login: &str) -> Result<()> {
    let ok = !login.is_empty()
        && login.len() <= 63
        && login.starts_with(|c: char| c.is_ascii_lowercase())
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "user.login",
            format!(
                "'{login}' is not a login: use 1–63 lowercase letters, digits, '.', '_' or '-', \
                 starting with a letter (e.g. 'helen.marsh')"
            ),
        ))
    }
}

/// The login derived from a person's name, for records made before logins existed:
/// accents dropped (Zoë → zoe), a few letters with no decomposition spelled out
/// (Ł → l, Ø → o, Æ → ae, ß → ss), lowercase, every run of anything else one `.`, at most
/// 63 characters; `user` when nothing is left, and a leading `u.` when it would start with
/// a digit. "Helen Marsh (HR)" → `helen.marsh.hr`.
pub fn login_from_name(name: &str) -> String {
    let mut login = String::new();
    for c in name.nfd().flat_map(char::to_lowercase) {
        let spelled = match c {
            'ł' => "l",
            'ø' => "o",
            'æ' => "ae",
            'œ' => "oe",
            'ß' => "ss",
            'đ' | 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            c if c.is_ascii_alphanumeric() => {
                login.push(c);
                continue;
            }
            // Combining accents left by the decomposition go; anything else separates words.
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            _ => {
                if !login.is_empty() && !login.ends_with('.') {
                    login.push('.');
                }
                continue;
            }
        };
        login.push_str(spelled);
    }
    let mut login = login.trim_end_matches('.').to_owned();
    if login.is_empty() {
        login = "user".into();
    } else if login.starts_with(|c: char| c.is_ascii_digit()) {
        login.insert_str(0, "u.");
    }
    login.truncate(63);
    login.trim_end_matches('.').to_owned()
}

/// Every user, by login.
pub(crate) fn users(conn: &Connection) -> Result<Vec<User>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY login"))?;
    let rows = stmt.query_map([], user_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The user with this login, if there is one.
pub(crate) fn user(conn: &Connection, login: &str) -> Result<Option<User>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {USER_COLUMNS} FROM users WHERE login = ?1"
        ))?
        .query_row([login], user_from_row)
        .optional()?)
}

/// Adds a user (login checked, unique) and records it in the audit log.
pub(crate) fn insert_user(tx: &Tx<'_>, login: &str, name: &str, hr_admin: bool) -> Result<User> {
    check_login(login)?;
    if user(tx.conn(), login)?.is_some() {
        return Err(Error::invalid(
            "user.login",
            format!("'{login}' is already a user of this database"),
        ));
    }
    tx.conn().execute(
        "INSERT INTO users (login, name, hr_admin, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![login, name, hr_admin, tx.now()],
    )?;
    tx.audit(
        AuditAction::UserCreate,
        &format!("user/{login}"),
        None,
        Some(json!({ "login": login, "name": name, "hr_admin": hr_admin })),
    )?;
    Ok(User {
        id: UserId(tx.conn().last_insert_rowid()),
        login: login.to_owned(),
        name: name.to_owned(),
        hr_admin,
    })
}

/// A login not yet taken: `base`, else `base-2`, `base-3`, …
fn free_login(tx: &Transaction<'_>, base: &str) -> rusqlite::Result<String> {
    let mut candidate = base.to_owned();
    let mut n = 1;
    loop {
        let taken: Option<i64> = tx
            .query_row("SELECT 1 FROM users WHERE login = ?1", [&candidate], |r| {
                r.get(0)
            })
            .optional()?;
        if taken.is_none() {
            return Ok(candidate);
        }
        n += 1;
        candidate = format!("{base}-{n}");
    }
}

/// Migration 003's data step, for files made before users existed:
/// - every distinct assessor name becomes one user, with the login [`login_from_name`]
///   derives from it, and every assessor record of that name is linked to that login (so one
///   person on several campaigns is one user);
/// - every actor in the audit log whose name is no assessor's becomes a user too, as an HR
///   administrator: whoever set campaigns up so far was doing HR's work.
///
/// The migration itself is not audited (it changes no assessment data and the log records
/// user actions); the users it made show in `user list`.
pub(crate) fn fill_from_existing(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let now: String = tx
        .query_row("SELECT max(at) FROM audit_log", [], |r| {
            r.get::<_, Option<String>>(0)
        })?
        .unwrap_or_default();
    let names: Vec<String> = tx
        .prepare("SELECT name FROM assessors GROUP BY name ORDER BY min(id)")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        let login = free_login(tx, &login_from_name(&name))?;
        tx.execute(
            "INSERT INTO users (login, name, hr_admin, created_at) VALUES (?1, ?2, 0, ?3)",
            params![login, name, now],
        )?;
        tx.execute(
            "UPDATE assessors SET login = ?1 WHERE name = ?2",
            params![login, name],
        )?;
    }
    let actors: Vec<String> = tx
        .prepare(
            "SELECT actor FROM audit_log WHERE actor NOT IN (SELECT name FROM assessors)
             GROUP BY actor ORDER BY min(seq)",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for actor in actors {
        let login = free_login(tx, &login_from_name(&actor))?;
        tx.execute(
            "INSERT INTO users (login, name, hr_admin, created_at) VALUES (?1, ?2, 1, ?3)",
            params![login, actor, now],
        )?;
    }
    Ok(())
}

impl super::Store {
    /// Every user, by login.
    pub(crate) fn users(&self) -> Result<Vec<User>> {
        users(self.conn())
    }

    /// The user with this login, if any.
    pub(crate) fn user(&self, login: &str) -> Result<Option<User>> {
        user(self.conn(), login)
    }

    /// Adds a user.
    pub(crate) fn add_user(
        &mut self,
        actor: &str,
        login: &str,
        name: &str,
        hr_admin: bool,
    ) -> Result<User> {
        let name = super::campaigns::required_text("user.name", name)?.to_owned();
        self.write(actor, |tx| insert_user(tx, login, &name, hr_admin))
    }

    /// The assessor records that make `login` a member, chair or moderator of a campaign.
    pub(crate) fn records_of(
        &self,
        login: &str,
        campaign_id: crate::model::CampaignId,
    ) -> Result<Vec<crate::model::Assessor>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, campaign_id, name, role, panel_id, login, exercise FROM assessors
             WHERE login = ?1 AND campaign_id = ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(
            params![login, campaign_id],
            super::people::assessor_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every assessor record of `login`, in every campaign.
    pub(crate) fn all_records_of(&self, login: &str) -> Result<Vec<crate::model::Assessor>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, campaign_id, name, role, panel_id, login, exercise FROM assessors
             WHERE login = ?1 ORDER BY campaign_id, id",
        )?;
        let rows = stmt.query_map([login], super::people::assessor_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl super::Store {
    /// Whether the assessor has submitted their scores for the candidate.
    pub(crate) fn has_submitted(
        &self,
        candidate_id: crate::model::CandidateId,
        assessor_id: crate::model::AssessorId,
    ) -> Result<bool> {
        super::scores::has_submitted(self.conn(), candidate_id, assessor_id)
    }

    /// The campaign's number of posts, if set.
    pub(crate) fn posts(&self, campaign_id: crate::model::CampaignId) -> Result<Option<u32>> {
        self.campaign(campaign_id)?;
        Ok(self.conn().query_row(
            "SELECT posts FROM campaigns WHERE id = ?1",
            [campaign_id],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_from_names_are_lowercase_ascii_words_joined_by_dots() {
        for (name, login) in [
            ("Helen Marsh (HR)", "helen.marsh.hr"),
            ("Zoë Łukasiewicz", "zoe.lukasiewicz"),
            ("Siobhán Ó Briain", "siobhan.o.briain"),
            ("Øyvind Ærø", "oyvind.aero"),
            ("  Tomasz   Wiśniewski ", "tomasz.wisniewski"),
            ("42nd Street", "u.42nd.street"),
            ("李", "user"),
        ] {
            assert_eq!(login_from_name(name), login, "{name}");
            check_login(login).unwrap();
        }
    }

    #[test]
    fn a_login_is_checked_for_the_alphabet_a_database_role_accepts() {
        for good in ["a", "helen.marsh", "bo_2", "x-y"] {
            check_login(good).unwrap();
        }
        for bad in ["", "Helen", "1abc", "helen marsh", ".a", &"a".repeat(64)] {
            let err = check_login(bad).unwrap_err();
            assert!(err.to_string().contains("not a login"), "{bad}: {err}");
        }
    }
}
