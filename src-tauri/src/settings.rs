//! The shell's own small settings file (`settings.json` in the app's config folder): the
//! recently opened databases and shared connections, and the last name the user chose. Not domain data: losing it
//! loses nothing but convenience, so an unreadable file is reported and replaced.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent databases are kept.
pub const MAX_RECENT: usize = 8;

/// What `settings.json` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Database paths, most recently opened first, without duplicates.
    pub recent: Vec<String>,
    /// The name last chosen on the Start screen.
    pub last_user: Option<String>,
    /// Shared database URLs, most recently connected first, never with a password.
    pub recent_connections: Vec<String>,
}

impl Settings {
    /// Reads the settings; a missing file gives the defaults, an unreadable one gives the
    /// defaults and a warning on stderr.
    pub fn load(path: &Path) -> Self {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                eprintln!(
                    "panelmark: ignoring unreadable settings {}: {e}",
                    path.display()
                );
                Settings::default()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(e) => {
                eprintln!("panelmark: cannot read settings {}: {e}", path.display());
                Settings::default()
            }
        }
    }

    /// Writes the settings (to a temporary file, then renamed over the old one).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp: PathBuf = path.with_extension("json.tmp");
        let mut text = serde_json::to_string_pretty(self).expect("settings serialise");
        text.push('\n');
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)
    }

    /// Puts `db` first in the recent list, dropping an older entry for it and the oldest
    /// entries beyond [`MAX_RECENT`].
    pub fn remember(&mut self, db: &str) {
        put_first(&mut self.recent, db);
    }

    /// Puts the server `url` first in the recent connections, with any password taken out
    /// here, whatever the caller passed: the settings file is plain text.
    pub fn remember_connection(&mut self, url: &str) {
        put_first(
            &mut self.recent_connections,
            &panelmark::store::postgres::connect::without_password(url),
        );
    }
}

fn put_first(list: &mut Vec<String>, item: &str) {
    list.retain(|p| p != item);
    list.insert(0, item.to_owned());
    list.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_keeps_newest_first_without_duplicates_and_is_bounded() {
        let mut s = Settings::default();
        for i in 0..10 {
            s.remember(&format!("/db/{i}.db"));
        }
        s.remember("/db/5.db");
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], "/db/5.db", "reopened goes to the top");
        assert_eq!(s.recent[1], "/db/9.db");
        assert_eq!(s.recent.iter().filter(|p| *p == "/db/5.db").count(), 1);
        assert!(!s.recent.contains(&"/db/0.db".to_owned()), "oldest dropped");
    }

    #[test]
    fn connections_are_remembered_without_their_password() {
        let mut s = Settings::default();
        s.remember_connection("postgresql://ann:hunter2@db.example.org/panelmark");
        s.remember_connection("postgresql://ann@db.example.org/panelmark?password=hunter2");
        assert_eq!(
            s.recent_connections,
            ["postgresql://ann@db.example.org/panelmark"],
            "both are the same server once the password is out"
        );
        assert!(s.recent.is_empty(), "files and servers are kept apart");
    }

    #[test]
    fn saves_and_loads_and_survives_a_corrupt_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/settings.json");
        assert_eq!(Settings::load(&path), Settings::default(), "missing file");
        let mut s = Settings::default();
        s.remember("/a.db");
        s.last_user = Some("Ada".into());
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path), s);
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(Settings::load(&path), Settings::default());
    }
}
