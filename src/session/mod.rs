//! The rules layer: who is signed in, and what they may read and do.
//!
//! Every read and write of the command line and the app goes through a [`Session`]. It knows
//! the signed-in [`User`] and derives their roles campaign by campaign from their assessor
//! records (member, chair, moderator); being an HR administrator is a flag on the user. No
//! public function anywhere takes a "viewer" or an "actor" from its caller: the viewer is
//! the session's user, and so is the actor every audit event records.
//!
//! Local file (SQLite): the identity is the person chosen (`--as LOGIN`, or the Start
//! screen); the file is one person's and anyone who can open it may choose. The first user
//! of a new file is its HR administrator. Shared database (PostgreSQL, later): the identity is
//! the database login, authenticated by the server.
//!
//! What this layer checks: the table of who may do what (README, "Who may do what"),
//! "nobody moderates a campaign in which they score", and independence (scores and audit
//! events). The campaign state machine, input validation and the audit payloads are still
//! checked inside the store's transactions (see the module docs of `crate::store`).

mod access;
mod audit_view;
mod moderation;
mod people;
mod score_import;
mod scoring;
mod setup;

use crate::model::User;
use crate::store::{Database, Storage};
use crate::{Error, Result};

pub use access::Roles;
pub use score_import::ScoreImport;

/// A signed-in user working on one database.
pub struct Session {
    store: Box<dyn Storage>,
    user: User,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("user", &self.user.login)
            .finish_non_exhaustive()
    }
}

/// The users of a database, before anyone signs in (the local file's "who are you" list).
pub fn users(db: &Database) -> Result<Vec<User>> {
    db.users()
}

impl Session {
    /// Signs in as `login`. On a shared database the server has already authenticated a
    /// login, and the session is that login's (`login` is not used). In a new file with no users yet, the first sign-in creates that
    /// user (named `name`, or the login when none is given) as the file's HR administrator;
    /// after that only existing users may sign in, and an HR administrator adds the others.
    pub fn sign_in(db: impl Into<Database>, login: &str, name: Option<&str>) -> Result<Session> {
        let mut store = db.into().0;
        if let Some(authenticated) = store.signed_in_login() {
            // A shared database: the server authenticated the login, and that is who this is.
            let authenticated = authenticated.to_owned();
            return match store.user(&authenticated)? {
                Some(user) => Ok(Session { store, user }),
                None => Err(Error::NotSignedIn(format!(
                    "the login '{authenticated}' has no Panelmark role on this server; its \
                     administrator adds one with `panelmark --db URL user add {authenticated} \
                     --role ROLE`"
                ))),
            };
        }
        let login = login.trim();
        if let Some(user) = store.user(login)? {
            return Ok(Session { store, user });
        }
        let users = store.users()?;
        if users.is_empty() {
            crate::store::users::check_login(login)?;
            let name = name
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or(login);
            let user = store.add_user(login, login, name, true)?;
            return Ok(Session { store, user });
        }
        let known: Vec<&str> = users.iter().map(|u| u.login.as_str()).take(8).collect();
        Err(Error::NotSignedIn(format!(
            "'{login}' is not a user of this database (users: {}{}); an HR administrator adds \
             users with `panelmark user add LOGIN --name NAME`",
            known.join(", "),
            if users.len() > known.len() {
                ", …"
            } else {
                ""
            }
        )))
    }

    /// The signed-in user.
    pub fn user(&self) -> &User {
        &self.user
    }

    /// Signs out, giving the database back (to sign in as someone else).
    pub fn sign_out(self) -> Database {
        Database(self.store)
    }

    /// The audit actor for this user's changes.
    fn actor(&self) -> &str {
        &self.user.login
    }
}

#[cfg(test)]
mod tests;
