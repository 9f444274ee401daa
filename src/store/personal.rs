//! Personal data and the audit log. The log is append-only and hash-chained, so whatever it
//! holds it holds for ever; UK GDPR requires that an erased candidate's personal data is gone.
//! So the log never holds a text about a candidate (name, email, slot, evidence, rationale,
//! reason): each event holds a commitment to it instead, HMAC-SHA256 under a secret kept per
//! candidate in `candidate_secrets`. `verify` recomputes the commitment from the stored text;
//! erasure deletes the secret with the texts, and what is left in the log leads to nothing.

use hmac::{Hmac, Mac};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use sha2::Sha256;

use crate::model::CandidateId;
use crate::Result;

/// How a commitment starts in an event's payload, so it is never mistaken for the text.
pub const COMMITMENT_PREFIX: &str = "hmac-sha256:";

/// Gives a new candidate their secret.
pub(crate) fn create_secret(conn: &Connection, candidate_id: CandidateId) -> Result<()> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| {
        crate::Error::Conflict(format!("no randomness for a candidate's secret: {e}"))
    })?;
    conn.execute(
        "INSERT INTO candidate_secrets (candidate_id, secret) VALUES (?1, ?2)",
        params![candidate_id, secret.as_slice()],
    )?;
    Ok(())
}

/// The candidate's secret, or None once they are erased.
pub(crate) fn secret(conn: &Connection, candidate_id: CandidateId) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT secret FROM candidate_secrets WHERE candidate_id = ?1")?
        .query_row([candidate_id], |r| r.get(0))
        .optional()?)
}

/// Deletes the candidate's secret: their commitments can no longer be tied to any text.
pub(crate) fn forget(conn: &Connection, candidate_id: CandidateId) -> Result<()> {
    conn.execute(
        "DELETE FROM candidate_secrets WHERE candidate_id = ?1",
        [candidate_id],
    )?;
    Ok(())
}

/// The commitment to `text` as the value of `field`. The field is part of the message, so the
/// same words as a name and as evidence commit differently.
pub fn commitment(secret: &[u8], field: &str, text: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(field.as_bytes());
    mac.update(&[0]);
    mac.update(text.as_bytes());
    format!(
        "{COMMITMENT_PREFIX}{}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// What an event records for a text about a candidate: its commitment; null for no text, an
/// empty string for an empty one.
/// A candidate without a secret (erased, or stored before secrets existed and since erased)
/// gets the text's absence recorded, never the text.
pub(crate) fn committed(
    conn: &Connection,
    candidate_id: CandidateId,
    field: &str,
    text: Option<&str>,
) -> Result<Value> {
    let Some(text) = text else {
        return Ok(Value::Null);
    };
    if text.is_empty() {
        // Nothing personal in no text; and erasure must see it was empty (it leaves it so).
        return Ok(Value::String(String::new()));
    }
    Ok(match secret(conn, candidate_id)? {
        Some(secret) => Value::String(commitment(&secret, field, text)),
        None => Value::Null,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commitment_depends_on_the_secret_the_field_and_the_text() {
        let a = commitment(&[1; 32], "name", "Zoë Łukasiewicz");
        assert!(a.starts_with(COMMITMENT_PREFIX));
        assert_eq!(a.len(), COMMITMENT_PREFIX.len() + 64);
        assert_eq!(a, commitment(&[1; 32], "name", "Zoë Łukasiewicz"));
        assert_ne!(a, commitment(&[2; 32], "name", "Zoë Łukasiewicz"));
        assert_ne!(a, commitment(&[1; 32], "evidence", "Zoë Łukasiewicz"));
        assert_ne!(a, commitment(&[1; 32], "name", "Zoe Lukasiewicz"));
        assert!(!a.contains("Zo"));
    }
}
