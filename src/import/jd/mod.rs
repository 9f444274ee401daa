//! Job-description import: a Markdown (or HTML-in-Markdown) job description in, a
//! [`RoleDraft`] out, for the user to review before it becomes a role.
//!
//! The work is done in stages, each in its own module:
//! 1. `normalise` repairs text glued together by copy-and-paste (headings and bullets run
//!    into each other, priority words glued to headings, non-breaking spaces), keeping a map
//!    back to source lines;
//! 2. `outline` reads the Markdown with pulldown-cmark and the HTML (embedded tables with
//!    lists) with html5ever into one flat list of headings, paragraphs, items and rows;
//! 3. `classify` judges single strings: what section a heading opens, priority markers,
//!    requirement-like lines, qualifiers;
//! 4. `sfia` reads "Systems Design (DESN) – Level 3" lines;
//! 5. `extract` walks the outline section by section into criteria and warnings;
//! 6. `details` finds the title, grade and reference.
//!
//! The importer never guesses silently: whatever looks relevant but could not be placed is
//! returned as a warning that names the source line (or the section).

mod classify;
mod details;
mod extract;
mod formats;
mod normalise;
mod outline;
mod sentence;
mod sfia;

use sha2::{Digest, Sha256};

use super::ImportError;
use crate::model::{Role, RoleDraft, SourceDocument};

/// Reads a job description into a role draft.
///
/// `file_name` names the document in the draft's source and in errors; `bytes` is the file's
/// content, whose SHA-256 is recorded so the draft can be traced to the exact document.
///
/// # Errors
/// [`ImportError::Empty`], [`ImportError::Binary`] or [`ImportError::Encoding`] when the
/// file is not usable text, and [`ImportError::NoRole`] when it has neither a title nor any
/// criteria. Anything else that could not be read becomes a warning in the draft.
///
/// # Example
/// ```
/// let md = "# Data Analyst\n\n## Behaviours\n* Working Together\n";
/// let draft = panelmark::import::jd::parse_job_description("analyst.md", md.as_bytes()).unwrap();
/// assert_eq!(draft.role.title, "Data Analyst");
/// assert_eq!(draft.role.criteria[0].name, "Working Together");
/// ```
pub fn parse_job_description(file_name: &str, bytes: &[u8]) -> Result<RoleDraft, ImportError> {
    parse_with_text(file_name, bytes).map(|(draft, _)| draft)
}

/// As [`parse_job_description`], also returning the text the rules read: the file's own
/// text for Markdown and text files, the Markdown rendering of a Word, OpenDocument, PDF or
/// HTML document's structure otherwise (warnings name its lines).
///
/// # Errors
/// As [`parse_job_description`].
pub fn parse_with_text(file_name: &str, bytes: &[u8]) -> Result<(RoleDraft, String), ImportError> {
    let text = formats::read(file_name, bytes)?;
    let draft = parse_text(file_name, bytes, &text)?;
    Ok((draft, text.into_owned()))
}

/// The rules on a document's Markdown `text`; `bytes` are the file's, for its checksum.
fn parse_text(file_name: &str, bytes: &[u8], text: &str) -> Result<RoleDraft, ImportError> {
    let normalised = normalise::normalise(text);
    let blocks = outline::outline(&normalised);
    let found = details::find(&blocks);
    let extracted = extract::extract(&blocks);
    let mut warnings = found.warnings;
    warnings.extend(extracted.warnings);
    let title = match found.title {
        Some(title) => title,
        None if extracted.criteria.is_empty() => {
            return Err(ImportError::NoRole {
                file: file_name.to_owned(),
                message:
                    "no job title and no assessment criteria found; is this a job description?"
                        .to_owned(),
            })
        }
        None => {
            let stem = file_stem(file_name);
            warnings.insert(
                0,
                format!("no job title found; the file name \"{stem}\" was used"),
            );
            stem
        }
    };
    if extracted.criteria.is_empty() {
        warnings.push(
            "no assessment criteria were found; add them by hand or check the document's section headings"
                .to_owned(),
        );
    }
    Ok(RoleDraft {
        role: Role {
            title,
            grade: found.grade,
            reference: found.reference,
            source: Some(SourceDocument {
                name: file_name.to_owned(),
                sha256: hex::encode(Sha256::digest(bytes)),
            }),
            criteria: extracted.criteria,
        },
        warnings,
    })
}

/// The file name without its folder and extension.
fn file_stem(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.rfind('.') {
        Some(dot) if dot > 0 => &base[..dot],
        _ => base,
    };
    if stem.trim().is_empty() {
        "Untitled role".to_owned()
    } else if !stem.contains(' ') {
        // "Agile-coach.docx", "data_analyst.md": the words of a name written for a file system.
        stem.replace(['-', '_'], " ")
    } else {
        stem.to_owned()
    }
}
