//! What the app was started with: `--db PATH` (or `--db=PATH`) on the command line, else the
//! `PANELMARK_DB` environment variable; a `postgres://` URL there connects to a shared database. Tests use either to start on a fresh database.

use std::ffi::OsString;
use std::path::PathBuf;

/// Options read at start-up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// The database to open at start-up, if one was named.
    pub db: Option<PathBuf>,
    /// Arguments that were not understood (reported on stderr, otherwise ignored).
    pub ignored: Vec<OsString>,
}

impl Launch {
    /// Reads `args` (without the program name) and the value of `PANELMARK_DB`; the command
    /// line wins over the environment. An empty value means "not given".
    pub fn parse(args: impl IntoIterator<Item = OsString>, env_db: Option<OsString>) -> Self {
        let mut launch = Launch::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy();
            if text == "--db" {
                match args.next() {
                    Some(path) => launch.db = non_empty(path),
                    None => launch.ignored.push(arg),
                }
            } else if let Some(path) = text.strip_prefix("--db=") {
                launch.db = non_empty(path.into());
            } else {
                launch.ignored.push(arg);
            }
        }
        if launch.db.is_none() {
            launch.db = env_db.and_then(non_empty);
        }
        launch
    }
}

fn non_empty(value: OsString) -> Option<PathBuf> {
    (!value.is_empty()).then(|| PathBuf::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn db_flag_in_both_spellings() {
        let a = Launch::parse(args(&["--db", "/tmp/a.db"]), None);
        assert_eq!(a.db, Some(PathBuf::from("/tmp/a.db")));
        let b = Launch::parse(args(&["--db=/tmp/b.db"]), None);
        assert_eq!(b.db, Some(PathBuf::from("/tmp/b.db")));
        assert!(a.ignored.is_empty() && b.ignored.is_empty());
    }

    #[test]
    fn the_command_line_wins_over_the_environment() {
        let l = Launch::parse(args(&["--db", "/cli.db"]), Some("/env.db".into()));
        assert_eq!(l.db, Some(PathBuf::from("/cli.db")));
        let l = Launch::parse(args(&[]), Some("/env.db".into()));
        assert_eq!(l.db, Some(PathBuf::from("/env.db")));
        let l = Launch::parse(args(&[]), Some("".into()));
        assert_eq!(l.db, None, "an empty PANELMARK_DB is not a path");
    }

    #[test]
    fn unknown_arguments_and_a_dangling_flag_are_reported_not_fatal() {
        let l = Launch::parse(args(&["--verbose", "--db"]), None);
        assert_eq!(l.db, None);
        assert_eq!(l.ignored, args(&["--verbose", "--db"]));
    }
}
