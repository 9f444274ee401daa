//! The story's desk (tests/common) on a fresh shared database, for the suites that run the
//! story on a server. Include it with `#[path = "pg_support/shared_desk.rs"] mod shared_desk;`
//! beside `mod common; mod pg_support;`.

use std::sync::Arc;

use crate::common::{Desk, PEOPLE};
use crate::pg_support::{Db, PASSWORD};
use panelmark::session::Session;
use panelmark::store::postgres::users::{self, AppRole};
use panelmark::store::postgres::PgStore;

/// A desk on a fresh shared database with the people of the story as logins: HR an HR
/// administrator, Helen a moderator, the panels' people assessors. Their display names are
/// the local story's, so both backends hold the same names.
pub fn shared_desk(suite: &str) -> Option<(Desk, Arc<Db>)> {
    let db = Arc::new(Db::create(suite)?);
    let mut admin = db.superuser();
    let people = std::iter::once(("hr", "HR Admin")).chain(PEOPLE);
    for (who, name) in people {
        let role = match who {
            "hr" => AppRole::HrAdmin,
            "helen" => AppRole::Moderator,
            _ => AppRole::Assessor,
        };
        users::add_user(&mut admin, &db.login(who), role, Some(name), Some(PASSWORD)).unwrap();
    }
    let (for_login, for_connect) = (Arc::clone(&db), Arc::clone(&db));
    let desk = Desk::shared(
        move |who| for_login.login(who),
        move |who| {
            let store = PgStore::from_client(for_connect.connect_as(who)).unwrap();
            // The server authenticated the login: the name asked for is not used.
            Session::sign_in(store, "ignored", None).unwrap()
        },
    );
    Some((desk, db))
}
