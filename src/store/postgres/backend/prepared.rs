//! The statements of the hot paths (a panel member's save and the checks before it), prepared
//! once per connection. `Client::query` with SQL text prepares the statement again on every
//! call: a round trip to the server before the one that runs it. A statement kept here is
//! run in one round trip, and the server plans it once (row security stays in its plan; the
//! server re-plans it if the acting role or the schema changes).

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::{Client, Statement};

use super::refused;
use crate::Result;

/// Prepared statements of one connection, by their SQL text.
#[derive(Default)]
pub(super) struct Prepared(RefCell<HashMap<String, Statement>>);

impl Prepared {
    /// The statement for `sql`, prepared on `client` the first time it is asked for.
    pub(super) fn get(&self, client: &mut Client, sql: &str) -> Result<Statement> {
        if let Some(statement) = self.0.borrow().get(sql) {
            return Ok(statement.clone());
        }
        let statement = client.prepare(sql).map_err(refused)?;
        self.0
            .borrow_mut()
            .insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

impl Prepared {
    /// Forgets every statement: they belonged to a connection that is gone.
    pub(super) fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}
