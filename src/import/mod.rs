//! Importers: job descriptions into role drafts, role files, candidate lists, score sheets.
//! Every importer is all-or-nothing: it returns a complete value or an error that names the
//! file and the line or field at fault, and stores nothing itself.

pub mod candidates;
mod error;
pub mod jd;
pub mod role_file;
pub mod scores;
mod table;
pub mod text;

pub use error::{ImportError, RowError};

/// A job description read from disk: the draft and the source text it came from (for the
/// side-by-side review).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct JobDescriptionImport {
    /// The extracted draft.
    pub draft: crate::model::RoleDraft,
    /// The document's text.
    pub source_text: String,
}

/// Reads a file the user chose, naming it in any error.
pub fn read_file(path: &std::path::Path) -> crate::Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).map_err(|e| crate::Error::io(path, e))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((name, bytes))
}

/// Reads and parses a job description file.
pub fn job_description_file(path: &std::path::Path) -> crate::Result<JobDescriptionImport> {
    let (name, bytes) = read_file(path)?;
    Ok(job_description(&name, &bytes)?)
}

/// Parses a job description the user handed over as bytes (dropped on the window, not read
/// from a path): exactly what [`job_description_file`] does once it has read the file.
///
/// `file_name` is the name the document was given; only its last path component is kept
/// (names every error and the draft's source).
///
/// # Errors
/// As [`jd::parse_job_description`]: empty, binary or non-UTF-8 content, or no role found.
///
/// # Example
/// ```
/// let md = "# Data Analyst\n\n## Behaviours\n* Working Together\n";
/// let import = panelmark::import::job_description("analyst.md", md.as_bytes()).unwrap();
/// assert_eq!(import.draft.role.title, "Data Analyst");
/// assert_eq!(import.source_text, md);
/// ```
pub fn job_description(file_name: &str, bytes: &[u8]) -> Result<JobDescriptionImport, ImportError> {
    let name = base_name(file_name);
    let (draft, source_text) = jd::parse_with_text(name, bytes)?;
    Ok(JobDescriptionImport { draft, source_text })
}

/// The last component of a file name that may carry a folder (either separator); a name with
/// nothing left is called "unnamed file".
fn base_name(file_name: &str) -> &str {
    match file_name.rsplit(['/', '\\']).next().map(str::trim) {
        Some(base) if !base.is_empty() => base,
        _ => "unnamed file",
    }
}

/// Reads and validates a role file.
pub fn role_file_at(path: &std::path::Path) -> crate::Result<crate::model::Role> {
    let (name, bytes) = read_file(path)?;
    Ok(role_file::parse(&name, &bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const JD: &str =
        "# Data Analyst\n\nGrade: HEO\n\n## Behaviours\n* Working Together\n* Delivering at Pace\n";

    #[test]
    fn a_markdown_job_description_imports_from_bytes_like_from_a_file() {
        let import = job_description("analyst.md", JD.as_bytes()).unwrap();
        assert_eq!(import.draft.role.title, "Data Analyst");
        let names: Vec<&str> = import
            .draft
            .role
            .criteria
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["Working Together", "Delivering at Pace"]);
        assert_eq!(import.source_text, JD);
        assert_eq!(
            import.draft.role.source.as_ref().unwrap().name,
            "analyst.md"
        );

        let dir = std::env::temp_dir().join(format!("panelmark-jd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("analyst.md");
        std::fs::write(&path, JD).unwrap();
        let from_file = job_description_file(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(from_file.draft, import.draft);
        assert_eq!(from_file.source_text, import.source_text);
    }

    #[test]
    fn an_empty_drop_is_refused_naming_the_file() {
        let err = job_description("blank.md", b" \n\n").unwrap_err();
        assert_eq!(
            err,
            ImportError::Empty {
                file: "blank.md".into()
            }
        );
        assert_eq!(err.to_string(), "blank.md: the file is empty");
    }

    #[test]
    fn a_binary_drop_is_refused_naming_the_file() {
        let err = job_description("photo.png", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("photo.png: this is not a text document"),
            "{err}"
        );
    }

    #[test]
    fn non_utf8_and_roleless_drops_name_the_file() {
        let err = job_description("cafe.md", b"# Caf\xE9").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cafe.md: the file is not UTF-8"),
            "{err}"
        );
        let err = job_description("notes.txt", b"just some words").unwrap_err();
        assert!(
            err.to_string().starts_with("notes.txt: no job title"),
            "{err}"
        );
    }

    #[test]
    fn only_the_last_component_of_a_given_name_is_kept() {
        assert_eq!(base_name("analyst.md"), "analyst.md");
        assert_eq!(base_name("/home/a/analyst.md"), "analyst.md");
        assert_eq!(base_name("C:\\jd\\analyst.md"), "analyst.md");
        assert_eq!(base_name(""), "unnamed file");
        assert_eq!(base_name("dir/"), "unnamed file");
        let err = job_description("../../x/blank.md", b"").unwrap_err();
        assert_eq!(err.to_string(), "blank.md: the file is empty");
    }
}
