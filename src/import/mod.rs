//! Importers: job descriptions into role drafts, role files, candidate lists.
//! Every importer is all-or-nothing: it returns a complete value or an error that names the
//! file and the line or field at fault, and stores nothing itself.

pub mod candidates;
mod error;
pub mod jd;
pub mod role_file;
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
    let draft = jd::parse_job_description(&name, &bytes)?;
    let source_text = text::decode(&name, &bytes)?.to_owned();
    Ok(JobDescriptionImport { draft, source_text })
}

/// Reads and validates a role file.
pub fn role_file_at(path: &std::path::Path) -> crate::Result<crate::model::Role> {
    let (name, bytes) = read_file(path)?;
    Ok(role_file::parse(&name, &bytes)?)
}
