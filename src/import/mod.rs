//! Importers: job descriptions into role drafts, role files, candidate lists.
//! Every importer is all-or-nothing: it returns a complete value or an error that names the
//! file and the line or field at fault, and stores nothing itself.

pub mod candidates;
mod error;
pub mod jd;
pub mod role_file;
pub mod text;

pub use error::{ImportError, RowError};
