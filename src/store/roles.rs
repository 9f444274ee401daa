//! Stored roles.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{Store, Tx};
use crate::import::role_file;
use crate::model::{AuditAction, Role, RoleId};
use crate::{Error, Result};

/// A role as stored, with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct StoredRole {
    /// Database id.
    pub id: RoleId,
    /// The role.
    pub role: Role,
    /// When it was saved.
    pub created_at: String,
}

fn insert_role(tx: &Tx<'_>, role: &Role) -> Result<RoleId> {
    role_file::check(role).map_err(|(field, msg)| Error::invalid(field, msg))?;
    let body = role_file::to_string(role);
    tx.conn().execute(
        "INSERT INTO roles (title, grade, reference, source_name, source_sha256, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            role.title,
            role.grade,
            role.reference,
            role.source.as_ref().map(|s| &s.name),
            role.source.as_ref().map(|s| &s.sha256),
            body,
            tx.now(),
        ],
    )?;
    let id = RoleId(tx.conn().last_insert_rowid());
    tx.audit(
        AuditAction::RoleCreate,
        &format!("role/{id}"),
        None,
        Some(serde_json::to_value(role).expect("role serialises")),
    )?;
    Ok(id)
}

impl Store {
    /// Saves a role (reviewed draft or imported role file) and returns its id.
    pub(crate) fn create_role(&mut self, actor: &str, role: &Role) -> Result<RoleId> {
        self.write(actor, |tx| insert_role(tx, role))
    }

    /// Replaces a stored role's content (after the user's review edits).
    pub(crate) fn update_role(&mut self, actor: &str, id: RoleId, role: &Role) -> Result<()> {
        role_file::check(role).map_err(|(field, msg)| Error::invalid(field, msg))?;
        self.write(actor, |tx| {
            let before = get_role(tx.conn(), id)?;
            tx.conn().execute(
                "UPDATE roles SET title = ?2, grade = ?3, reference = ?4, body = ?5 WHERE id = ?1",
                params![
                    id,
                    role.title,
                    role.grade,
                    role.reference,
                    role_file::to_string(role)
                ],
            )?;
            tx.audit(
                AuditAction::RoleUpdate,
                &format!("role/{id}"),
                Some(serde_json::to_value(&before.role).expect("role serialises")),
                Some(serde_json::to_value(role).expect("role serialises")),
            )
        })
    }

    /// One role.
    pub(crate) fn role(&self, id: RoleId) -> Result<StoredRole> {
        get_role(self.conn(), id)
    }

    /// Every role, oldest first.
    pub(crate) fn roles(&self) -> Result<Vec<StoredRole>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, body, created_at FROM roles ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, RoleId>(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })?;
        rows.map(|row| {
            let (id, body, created_at) = row?;
            Ok(StoredRole {
                id,
                role: parse_body(id, &body)?,
                created_at,
            })
        })
        .collect()
    }
}

fn parse_body(id: RoleId, body: &str) -> Result<Role> {
    serde_json::from_str(body).map_err(|e| {
        Error::invalid(
            format!("role {id}"),
            format!("stored body is unreadable: {e}"),
        )
    })
}

pub(crate) fn get_role(conn: &rusqlite::Connection, id: RoleId) -> Result<StoredRole> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT body, created_at FROM roles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (body, created_at) = row.ok_or_else(|| Error::not_found("role", id))?;
    Ok(StoredRole {
        id,
        role: parse_body(id, &body)?,
        created_at,
    })
}
