//! Every format a job description arrives in, read into the Markdown the one rule set
//! understands: Markdown itself (as written), plain text (headings and lists found from the
//! layout), HTML pages (page furniture dropped), Word .docx, OpenDocument .odt, and PDF with
//! a text layer.
//!
//! The format is decided by the content (a zip package, `%PDF`, an OLE container, HTML) as
//! well as the name; when the two disagree the file is refused with a sentence saying so,
//! since a renamed file is usually the wrong file.

mod docx;
mod html;
mod odt;
mod parts;
mod pdf;
mod plain;
mod xml;
mod zipped;

use std::borrow::Cow;

use self::parts::Part;
use self::zipped::{Package, ZipProblem, MAX_UNPACKED};
use super::super::text::decode;
use super::super::ImportError;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Markdown,
    Text,
    Html,
    Docx,
    Odt,
    Pdf,
}

impl Format {
    /// What the user calls it, for messages.
    fn noun(self) -> &'static str {
        match self {
            Format::Markdown => "a Markdown document",
            Format::Text => "a text file",
            Format::Html => "an HTML page",
            Format::Docx => "a Word document (.docx)",
            Format::Odt => "an OpenDocument text (.odt)",
            Format::Pdf => "a PDF",
        }
    }

    /// The same, without the article.
    fn kind(self) -> &'static str {
        let noun = self.noun();
        noun.strip_prefix("an ")
            .or_else(|| noun.strip_prefix("a "))
            .unwrap_or(noun)
    }

    fn is_text(self) -> bool {
        matches!(self, Format::Markdown | Format::Text | Format::Html)
    }
}

/// The format a file name claims, by its extension.
fn by_name(file: &str) -> Option<Format> {
    let ext = file.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "md" | "markdown" | "mdown" => Format::Markdown,
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "docx" => Format::Docx,
        "odt" => Format::Odt,
        "pdf" => Format::Pdf,
        _ => return None,
    })
}

/// What the bytes are, whatever the name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Zip,
    Pdf,
    /// An OLE compound file: an old .doc, or an encrypted Office document.
    Ole,
    Html,
    Text,
}

fn by_content(bytes: &[u8]) -> Content {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Content::Zip;
    }
    // PDF readers accept the header anywhere in the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Content::Pdf;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Content::Ole;
    }
    let start = String::from_utf8_lossy(&head[..head.len().min(512)]).to_ascii_lowercase();
    let start = start.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Content::Html;
    }
    Content::Text
}

/// Why a binary document could not be read (the format is added when it is reported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    Damaged(String),
    TooLarge,
    Encrypted,
    NoTextLayer,
}

impl From<ZipProblem> for Problem {
    fn from(p: ZipProblem) -> Self {
        match p {
            ZipProblem::Corrupt(reason) => Problem::Damaged(reason),
            ZipProblem::TooLarge => Problem::TooLarge,
        }
    }
}

fn report(file: &str, format: Format, problem: Problem) -> ImportError {
    let file = file.to_owned();
    let kind = format.kind().to_owned();
    match problem {
        Problem::Damaged(reason) => ImportError::Damaged { file, kind, reason },
        Problem::TooLarge => ImportError::TooLarge {
            file,
            kind,
            limit_mb: MAX_UNPACKED / (1024 * 1024),
        },
        Problem::Encrypted => ImportError::Encrypted { file, kind },
        Problem::NoTextLayer => ImportError::NoTextLayer { file },
    }
}

/// The Markdown text of a job description in any format: the file's own text for Markdown,
/// the rendering of its structure otherwise.
///
/// # Errors
/// As [`decode`] for text files; for binary ones a damaged, encrypted, oversized or
/// textless document, or a name that says one format for content of another.
pub(crate) fn read<'a>(file: &str, bytes: &'a [u8]) -> Result<Cow<'a, str>, ImportError> {
    let named = by_name(file);
    let content = by_content(bytes);
    let format = match (content, named) {
        (Content::Ole, _) => return Err(ole(file, bytes)),
        (Content::Pdf, None | Some(Format::Pdf)) => Format::Pdf,
        (Content::Zip, None | Some(Format::Docx | Format::Odt)) => zip_format(file, bytes)?,
        (Content::Pdf, Some(named)) => return Err(mismatch(file, named, Format::Pdf)),
        (Content::Zip, Some(named)) => {
            let actual = zip_format(file, bytes)?;
            return Err(mismatch(file, named, actual));
        }
        (Content::Html, None | Some(Format::Markdown | Format::Text | Format::Html)) => {
            Format::Html
        }
        (Content::Text, None) => Format::Markdown,
        (Content::Text, Some(named)) if named.is_text() => named,
        (Content::Html | Content::Text, Some(named)) => {
            // A "document" that is text: say which, unless it is not text either.
            decode(file, bytes)?;
            return Err(mismatch(file, named, Format::Text));
        }
    };
    let parts = match format {
        Format::Markdown => return decode(file, bytes).map(Cow::Borrowed),
        Format::Text => return Ok(Cow::Owned(plain::to_markdown(decode(file, bytes)?))),
        Format::Html => html::read(decode(file, bytes)?),
        Format::Docx => read_docx(bytes).map_err(|p| report(file, format, p))?,
        Format::Odt => read_odt(bytes).map_err(|p| report(file, format, p))?,
        Format::Pdf => pdf::read(bytes).map_err(|p| report(file, format, p))?,
    };
    let markdown = parts::to_markdown(&parts);
    if markdown.trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(Cow::Owned(markdown))
}

/// Which zip-packaged document this is.
fn zip_format(file: &str, bytes: &[u8]) -> Result<Format, ImportError> {
    let mut package = Package::open(bytes).map_err(|p| {
        let named = by_name(file)
            .filter(|f| !f.is_text())
            .unwrap_or(Format::Docx);
        report(file, named, p.into())
    })?;
    if package.has("word/document.xml") {
        return Ok(Format::Docx);
    }
    let mimetype = package.read("mimetype").ok().flatten().unwrap_or_default();
    if mimetype.starts_with(b"application/vnd.oasis.opendocument.text")
        || (mimetype.is_empty() && package.has("content.xml"))
    {
        return Ok(Format::Odt);
    }
    let what = if package.has("xl/workbook.xml") || mimetype.ends_with(b"spreadsheet") {
        "a spreadsheet"
    } else if package.has("ppt/presentation.xml") || mimetype.ends_with(b"presentation") {
        "a presentation"
    } else {
        "a zip archive"
    };
    Err(ImportError::Unsupported {
        file: file.to_owned(),
        what: format!("this is {what}, not a text document"),
    })
}

fn read_docx(bytes: &[u8]) -> Result<Vec<Part>, Problem> {
    let mut package = Package::open(bytes)?;
    let document = package
        .read("word/document.xml")?
        .ok_or_else(|| Problem::Damaged("word/document.xml is missing".into()))?;
    let styles = package.read("word/styles.xml")?;
    docx::read(&document, styles.as_deref())
}

fn read_odt(bytes: &[u8]) -> Result<Vec<Part>, Problem> {
    let mut package = Package::open(bytes)?;
    if package.has("META-INF/manifest.xml") {
        let manifest = package.read("META-INF/manifest.xml")?.unwrap_or_default();
        if manifest
            .windows(b"encryption-data".len())
            .any(|w| w == b"encryption-data")
        {
            return Err(Problem::Encrypted);
        }
    }
    let content = package
        .read("content.xml")?
        .ok_or_else(|| Problem::Damaged("content.xml is missing".into()))?;
    let styles = package.read("styles.xml")?;
    odt::read(&content, styles.as_deref())
}

/// An OLE compound file: an encrypted Office document (it holds an `EncryptedPackage`
/// stream) or an old binary .doc.
fn ole(file: &str, bytes: &[u8]) -> ImportError {
    let marker: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
        return ImportError::Encrypted {
            file: file.to_owned(),
            kind: "Office document".to_owned(),
        };
    }
    ImportError::Unsupported {
        file: file.to_owned(),
        what: "this is an old-style Office file (such as a Word .doc), which cannot be read"
            .to_owned(),
    }
}

fn mismatch(file: &str, named: Format, actual: Format) -> ImportError {
    ImportError::WrongType {
        file: file.to_owned(),
        named: named.noun().to_owned(),
        actual: actual.noun().to_owned(),
    }
}

/// How far style inheritance (`basedOn`, `parent-style-name`) is followed: real documents go
/// three or four deep; a loop must end.
const MAX_INHERITANCE: usize = 16;

/// A style and the styles it inherits from, nearest first, each with its name.
pub(crate) fn style_chain<'a, S>(
    styles: &'a std::collections::HashMap<String, S>,
    name: &str,
    parent: fn(&S) -> Option<&str>,
) -> impl Iterator<Item = (&'a str, &'a S)> + 'a {
    let mut next = styles.get_key_value(name);
    std::iter::from_fn(move || {
        let (n, style) = next?;
        next = parent(style).and_then(|p| styles.get_key_value(p));
        Some((n.as_str(), style))
    })
    .take(MAX_INHERITANCE)
}

/// Builds parts from a reader's open and close events: the body, and tables whose cells
/// hold parts (nested tables end up inside their cell).
#[derive(Default)]
pub(crate) struct TableBuilder {
    body: Vec<Part>,
    tables: Vec<Vec<Vec<Vec<Part>>>>,
}

impl TableBuilder {
    pub fn push(&mut self, part: Part) {
        if let Some(table) = self.tables.last_mut() {
            if table.is_empty() {
                table.push(Vec::new());
            }
            let row = table.last_mut().expect("a row was just ensured");
            if row.is_empty() {
                row.push(Vec::new());
            }
            row.last_mut().expect("a cell was just ensured").push(part);
        } else {
            self.body.push(part);
        }
    }

    pub fn open_table(&mut self) {
        self.tables.push(Vec::new());
    }

    pub fn open_row(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            table.push(Vec::new());
        }
    }

    pub fn open_cell(&mut self) {
        if let Some(table) = self.tables.last_mut() {
            if table.is_empty() {
                table.push(Vec::new());
            }
            if let Some(row) = table.last_mut() {
                row.push(Vec::new());
            }
        }
    }

    pub fn close_table(&mut self) {
        if let Some(rows) = self.tables.pop() {
            self.push(Part::Table(rows));
        }
    }

    /// The parts read, any table left open closed.
    pub fn finish(mut self) -> Vec<Part> {
        while !self.tables.is_empty() {
            self.close_table();
        }
        self.body
    }
}

#[cfg(test)]
mod tests;
