//! Anchors: the audit chain's head written down outside the database as `SEQ:HASH`.
//!
//! A chain kept in the same file as the data can be rewritten whole (every hash recomputed)
//! or cut short by whoever holds the file, and it still verifies against itself. An anchor
//! handed out earlier (an export's receipt, a PDF footer, a sign-off) cannot be changed that
//! way: [`check`] fails when the chain no longer holds that event with that hash. Anchors may
//! carry the installation key's signature (`SEQ:HASH key=… sig=…`), so a forged anchor is
//! caught too.

pub mod file;
pub mod key;

use ed25519_dalek::{Signature, VerifyingKey};
use rusqlite::{Connection, OptionalExtension};

use crate::store::audit::{self, GENESIS_HASH};
use crate::{Error, Result};
pub use key::InstallationKey;

/// A chain head as handed out: event `seq` has hash `hash`; optionally signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The event's sequence number (0 for the empty chain).
    pub seq: i64,
    /// Its hash: 64 lower-case hex digits.
    pub hash: String,
    /// The installation key's signature of `seq:hash`, if signed.
    pub signature: Option<AnchorSignature>,
}

/// A signature over an anchor and the public key that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorSignature {
    /// The signer's public key.
    pub key: VerifyingKey,
    /// The signature of [`key::signed_message`].
    pub signature: Signature,
}

impl Anchor {
    /// The unsigned anchor of the current head (`0:000…` for an empty log).
    pub fn head(conn: &Connection) -> Result<Self> {
        let (seq, hash) = audit::head(conn)?;
        Ok(Anchor {
            seq,
            hash,
            signature: None,
        })
    }

    /// This anchor signed with `key`.
    pub fn signed(mut self, key: &InstallationKey) -> Self {
        self.signature = Some(AnchorSignature {
            key: key.public(),
            signature: key.sign(self.seq, &self.hash),
        });
        self
    }

    /// `SEQ:HASH`, without any signature.
    pub fn short(&self) -> String {
        format!("{}:{}", self.seq, self.hash)
    }

    /// Parses `SEQ:HASH`, optionally followed by ` key=HEX sig=HEX`. `field` names where the
    /// text came from, for the error.
    pub fn parse(text: &str, field: &str) -> Result<Self> {
        let bad = |message: String| Error::invalid(field, message);
        let mut words = text.split_whitespace();
        let head = words
            .next()
            .ok_or_else(|| bad("empty: expected SEQ:HASH".into()))?;
        let (seq, hash) = head
            .split_once(':')
            .ok_or_else(|| bad(format!("'{head}' is not SEQ:HASH (no colon)")))?;
        let seq: i64 = seq
            .parse()
            .ok()
            .filter(|s| *s >= 0)
            .ok_or_else(|| bad(format!("'{seq}' is not an event number")))?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(format!(
                "'{hash}' is not a hash (expected 64 hex digits)"
            )));
        }
        let mut key = None;
        let mut sig = None;
        for word in words {
            match word.split_once('=') {
                Some(("key", v)) if key.is_none() => key = Some(decode::<32>(v, "key", &bad)?),
                Some(("sig", v)) if sig.is_none() => sig = Some(decode::<64>(v, "sig", &bad)?),
                _ => return Err(bad(format!("unexpected '{word}' after the anchor"))),
            }
        }
        let signature = match (key, sig) {
            (None, None) => None,
            (Some(key), Some(sig)) => Some(AnchorSignature {
                key: VerifyingKey::from_bytes(&key)
                    .map_err(|_| bad("key= is not an ed25519 public key".into()))?,
                signature: Signature::from_bytes(&sig),
            }),
            _ => return Err(bad("a signed anchor needs both key= and sig=".into())),
        };
        Ok(Anchor {
            seq,
            hash: hash.to_ascii_lowercase(),
            signature,
        })
    }
}

fn decode<const N: usize>(
    value: &str,
    name: &str,
    bad: &dyn Fn(String) -> Error,
) -> Result<[u8; N]> {
    hex::decode(value)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| bad(format!("{name}= is not {} hex digits", N * 2)))
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)?;
        if let Some(s) = &self.signature {
            write!(
                f,
                " key={} sig={}",
                hex::encode(s.key.as_bytes()),
                hex::encode(s.signature.to_bytes())
            )?;
        }
        Ok(())
    }
}

/// What checking one anchor against the chain found. Serialised with a `status` tag.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
pub enum AnchorCheck {
    /// The chain holds the event with that hash (and the signature, if any, is good).
    Held {
        /// The anchor as `SEQ:HASH`.
        anchor: String,
        /// The signing key's fingerprint, when the anchor was signed.
        signed_by: Option<String>,
    },
    /// The chain no longer matches the anchor, or its signature is bad.
    Failed {
        /// The anchor as `SEQ:HASH`.
        anchor: String,
        /// What the chain holds instead, or what is wrong with the signature.
        problem: String,
    },
}

impl AnchorCheck {
    /// Whether the anchor held.
    pub fn held(&self) -> bool {
        matches!(self, AnchorCheck::Held { .. })
    }
}

/// Checks `anchor` against the chain in `conn`: its signature first (if any), then that the
/// chain still holds event `seq` with that hash. Pair with [`audit::verify`], which checks
/// every stored hash against its event: together they catch a chain rewritten with fresh
/// hashes and a chain cut short.
pub fn check(conn: &Connection, anchor: &Anchor) -> Result<AnchorCheck> {
    check_against(
        anchor,
        |seq| {
            Ok(if seq == 0 {
                Some(GENESIS_HASH.to_owned())
            } else {
                conn.prepare_cached("SELECT hash FROM audit_log WHERE seq = ?1")?
                    .query_row([seq], |r| r.get(0))
                    .optional()?
            })
        },
        || audit::head(conn),
    )
}

/// [`check`] on any backend: `stored(seq)` is the hash the chain holds for event `seq` (the
/// genesis hash for 0; `None` when there is no such event), `head()` the newest event.
pub fn check_against(
    anchor: &Anchor,
    stored: impl FnOnce(i64) -> Result<Option<String>>,
    head: impl FnOnce() -> Result<(i64, String)>,
) -> Result<AnchorCheck> {
    let failed = |problem: String| {
        Ok(AnchorCheck::Failed {
            anchor: anchor.short(),
            problem,
        })
    };
    if let Some(s) = &anchor.signature {
        if !key::signature_holds(&s.key, anchor.seq, &anchor.hash, &s.signature) {
            return failed(format!(
                "bad signature: key {} did not sign this anchor (the anchor or its signature was altered)",
                key::fingerprint(&s.key)
            ));
        }
    }
    match stored(anchor.seq)? {
        Some(hash) if hash == anchor.hash => Ok(AnchorCheck::Held {
            anchor: anchor.short(),
            signed_by: anchor
                .signature
                .as_ref()
                .map(|s| key::fingerprint(&s.key)),
        }),
        Some(hash) => failed(format!(
            "the chain holds event {} with hash {hash} instead: the log was rewritten at or before event {}",
            anchor.seq, anchor.seq
        )),
        None => {
            let (head_seq, head_hash) = head()?;
            failed(format!(
                "the chain ends at event {head_seq} (head {head_seq}:{head_hash}), so event {} is gone: \
                 events were deleted from the end of the log or the database was replaced by an older copy",
                anchor.seq
            ))
        }
    }
}

#[cfg(test)]
mod tests;
