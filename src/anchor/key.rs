//! The installation key: an ed25519 key pair that signs the chain heads this installation
//! hands out, so an anchor can be shown to come from it. The private key lives in the user's
//! configuration folder (readable only by the user), never in the database: whoever holds a
//! copy of the database file cannot sign a forged head.

use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The key file's name inside the configuration folder.
pub const KEY_FILE: &str = "installation-key";

/// Environment variable that overrides the configuration folder (tests, portable installs).
pub const CONFIG_DIR_ENV: &str = "PANELMARK_CONFIG_DIR";

/// The message a signature covers: a fixed context, so a signature made for an anchor can be
/// used for nothing else, then `SEQ:HASH`.
pub fn signed_message(seq: i64, hash: &str) -> Vec<u8> {
    format!("panelmark anchor v1\n{seq}:{hash}").into_bytes()
}

/// Short, readable fingerprint of a public key: `SHA256:` and the first 128 bits of its
/// digest in groups of four hex digits.
pub fn fingerprint(key: &VerifyingKey) -> String {
    let digest = hex::encode(Sha256::digest(key.as_bytes()));
    let groups: Vec<&str> = (0..32).step_by(4).map(|i| &digest[i..i + 4]).collect();
    format!("SHA256:{}", groups.join(":"))
}

/// Whether `signature` is `key`'s signature of the anchor `seq:hash`.
pub fn signature_holds(key: &VerifyingKey, seq: i64, hash: &str, signature: &Signature) -> bool {
    key.verify(&signed_message(seq, hash), signature).is_ok()
}

/// This installation's signing key.
pub struct InstallationKey {
    signing: SigningKey,
}

impl std::fmt::Debug for InstallationKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the private half.
        f.debug_struct("InstallationKey")
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

impl InstallationKey {
    /// The folder the key lives in: `$PANELMARK_CONFIG_DIR`, else the operating system's
    /// configuration folder for Panelmark.
    pub fn default_dir() -> Result<PathBuf> {
        if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("org", "Panelmark", "Panelmark")
            .map(|dirs| dirs.config_dir().to_path_buf())
            .ok_or_else(|| Error::invalid("installation key", "no home folder found"))
    }

    /// This installation's key: the one in [`Self::default_dir`], created on first use.
    pub fn installation() -> Result<Self> {
        Self::load_or_create(&Self::default_dir()?)
    }

    /// A key from its 32 secret bytes (tests).
    pub fn from_secret(secret: [u8; 32]) -> Self {
        InstallationKey {
            signing: SigningKey::from_bytes(&secret),
        }
    }

    /// Reads the key in `dir`, or `None` if there is none yet.
    pub fn load(dir: &Path) -> Result<Option<Self>> {
        let path = dir.join(KEY_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let secret: [u8; 32] = hex::decode(text.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| {
                Error::invalid(
                    path.display().to_string(),
                    "not an installation key (expected 64 hex digits)",
                )
            })?;
        Ok(Some(Self::from_secret(secret)))
    }

    /// Reads the key in `dir`, creating a new random one (file mode 0600) if there is none.
    /// Two processes (or threads) creating it at the same moment get the same key: the first
    /// to put its file in place wins, and the other reads that file.
    pub fn load_or_create(dir: &Path) -> Result<Self> {
        if let Some(key) = Self::load(dir)? {
            return Ok(key);
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret)
            .map_err(|e| Error::invalid("installation key", format!("no randomness: {e}")))?;
        let path = dir.join(KEY_FILE);
        if write_private_once(dir, &path, &hex::encode(secret))? {
            return Ok(Self::from_secret(secret));
        }
        Self::load(dir)?.ok_or_else(|| {
            Error::invalid(
                path.display().to_string(),
                "the installation key was removed while it was being created",
            )
        })
    }

    /// The public half.
    pub fn public(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    /// The public key's fingerprint (see [`fingerprint`]).
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public())
    }

    /// Signs the anchor `seq:hash`.
    pub fn sign(&self, seq: i64, hash: &str) -> Signature {
        self.signing.sign(&signed_message(seq, hash))
    }
}

/// Puts `text` at `path`, readable and writable by its owner only, whole or not at all: it is
/// written and synced in a temporary file beside it, then linked into place, which refuses to
/// replace an existing file. `false`: another process got there first (its file is complete).
fn write_private_once(dir: &Path, path: &Path, text: &str) -> Result<bool> {
    use std::io::Write;
    // A temporary file is created with mode 0600 on Unix.
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| Error::io(file.path(), e))?;
    match file.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io(path, e.error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_is_private_to_its_owner_and_loads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let key = InstallationKey::load_or_create(dir.path()).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let again = InstallationKey::load_or_create(dir.path()).unwrap();
        assert_eq!(key.public(), again.public());
        assert!(key.fingerprint().starts_with("SHA256:"));
        assert_eq!(key.fingerprint().len(), "SHA256:".len() + 32 + 7);
    }

    #[test]
    fn a_signature_holds_for_its_anchor_only() {
        let key = InstallationKey::from_secret([7; 32]);
        let sig = key.sign(12, "ab");
        assert!(signature_holds(&key.public(), 12, "ab", &sig));
        assert!(!signature_holds(&key.public(), 13, "ab", &sig));
        let other = InstallationKey::from_secret([8; 32]);
        assert!(!signature_holds(&other.public(), 12, "ab", &sig));
    }

    #[test]
    fn keys_created_at_the_same_moment_are_one_key() {
        // Test threads of one process each opening their first store on a new machine: each
        // used to find no key, and all but one failed with "File exists" or read a file not
        // yet written.
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let barrier = std::sync::Barrier::new(8);
            let keys: Vec<String> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..8)
                    .map(|_| {
                        s.spawn(|| {
                            barrier.wait();
                            InstallationKey::load_or_create(dir.path())
                                .unwrap()
                                .fingerprint()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");
            let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
            assert_eq!(files.len(), 1, "no temporary file left behind");
        }
    }

    #[test]
    fn a_damaged_key_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(KEY_FILE), "not hex").unwrap();
        let err = InstallationKey::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains(KEY_FILE), "{err}");
    }
}
