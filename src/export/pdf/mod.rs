//! A small, domain-free PDF document engine: a [`Document`] of [`Block`]s in, PDF bytes out.
//!
//! Pages are A4 portrait with header lines, a footer and "Page X of Y" on every page. Text is
//! set in DejaVu Sans (regular and bold), embedded and subset, so any Latin, Greek or Cyrillic
//! name renders and can be copied out of the PDF. Output is deterministic: the same
//! `Document` always gives the same bytes.
//!
//! The work is split in two:
//! - [`layout`] measures and wraps text with the font's glyph advances and paginates the
//!   blocks into positioned lines, rules and fills per page. It knows nothing of PDF.
//! - `draw` turns those pages into printpdf operations and serialises them.
//!
//! ```no_run
//! use panelmark::export::pdf::{render, Align, Block, Column, Document, Table};
//!
//! let doc = Document {
//!     title: "Evidence pack".into(),
//!     header: vec!["Policy Adviser · Spring 2026".into(), "Candidate: Zoë Łukasiewicz".into()],
//!     footer: "Audit chain head: 3fa9…".into(),
//!     document_id: "pack-42".into(),
//!     created: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
//!     blocks: vec![
//!         Block::Title("Evidence pack".into()),
//!         Block::KeyValues(vec![("Candidate".into(), "Zoë Łukasiewicz".into())]),
//!         Block::Table(Table {
//!             columns: vec![
//!                 Column::new("Criterion", 3.0, Align::Left),
//!                 Column::new("Score", 1.0, Align::Right),
//!             ],
//!             rows: vec![vec!["Communication".into(), "4".into()]],
//!         }),
//!     ],
//! };
//! let bytes = render(&doc)?;
//! # Ok::<(), panelmark::export::pdf::PdfError>(())
//! ```
//!
//! Speed: a 3-page document takes about 4–7 ms of one core in a release build (layout
//! ≈ 0.5 ms; printpdf's font subsetting ≈ 1.6 ms and lopdf's stream compression ≈ 1.9 ms
//! make up most of the rest), i.e. roughly 400–700 pages/s per core, 35 KB per document.
//! Measured on the shared 2-core build machine while others were compiling; two threads gave
//! 465–1,000 pages/s. Re-measure with
//! `cargo test --release --lib export::pdf::tests::render_speed -- --ignored --nocapture`.

mod draw;
mod fonts;
pub mod layout;

pub use fonts::{Face, Fonts};

/// A document to render: metadata, page furniture and the content blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title in the PDF's metadata (shown by viewers in the window title).
    pub title: String,
    /// Short lines at the top of every page; the first is set in bold. Long lines wrap.
    pub header: Vec<String>,
    /// Text at the bottom left of every page, beside "Page X of Y". Long text wraps.
    pub footer: String,
    /// A fixed identifier, written as the PDF's document id: same id, same bytes.
    pub document_id: String,
    /// Creation (and modification) date written into the metadata, at 00:00:00 UTC.
    pub created: chrono::NaiveDate,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// One piece of content. Text may contain any Unicode; it is normalised to NFC, tabs
/// become spaces and other control characters are dropped.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title: large and bold.
    Title(String),
    /// A section heading, bold with a light rule under it; kept with the lines after it.
    Heading(String),
    /// A sub-section heading, bold; kept with the lines after it.
    Subheading(String),
    /// Body text, wrapped at word boundaries; `'\n'` forces a line break.
    Paragraph(String),
    /// Smaller grey text, for explanations and caveats; `'\n'` forces a line break.
    Note(String),
    /// A two-column list of bold labels and their values; both wrap.
    KeyValues(Vec<(String, String)>),
    /// A bulleted list; each item wraps with a hanging indent.
    Bullets(Vec<String>),
    /// A table whose header row is repeated on every page it spans.
    Table(Table),
    /// Vertical space in points.
    Spacer(f32),
    /// A thin horizontal line across the text width.
    Rule,
    /// Starts a new page (ignored at the top of a page, so it never makes a blank page).
    PageBreak,
    /// Blocks moved together to the next page when they do not fit on this one (unless they
    /// are taller than a page, in which case they simply flow).
    KeepTogether(Vec<Block>),
}

/// A table: columns with relative widths and alignment, and rows of cells.
///
/// Cells wrap within their column. A row is never cut through a line of text: a row that
/// does not fit at the bottom of a page moves to the next one, and a row taller than a
/// whole page is split between two lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The columns, left to right; their titles form the header row.
    pub columns: Vec<Column>,
    /// The rows; a row may have fewer cells than there are columns (the rest are blank),
    /// never more.
    pub rows: Vec<Vec<String>>,
}

/// One table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Title shown in the header row.
    pub title: String,
    /// Width relative to the other columns' (e.g. 3.0 and 1.0 give 75% and 25%).
    pub width: f32,
    /// Horizontal alignment of the column's cells and title.
    pub align: Align,
}

impl Column {
    /// A column with a title, a relative width and an alignment.
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Self {
        Column {
            title: title.into(),
            width,
            align,
        }
    }
}

/// Horizontal alignment of text in a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right (e.g. numbers).
    Right,
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// The document breaks a rule (e.g. a table row with more cells than columns).
    #[error("invalid document: {0}")]
    Invalid(String),
    /// The embedded fonts could not be loaded.
    #[error("font could not be loaded: {0}")]
    Font(String),
    /// The PDF could not be produced.
    #[error("PDF could not be written: {0}")]
    Write(String),
}

impl From<PdfError> for crate::Error {
    fn from(e: PdfError) -> Self {
        crate::Error::Export(e.to_string())
    }
}

/// Renders `doc` to PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let mut out = Vec::with_capacity(64 * 1024);
    render_to(doc, &mut out)?;
    Ok(out)
}

/// Renders `doc` as PDF into `w`; returns the number of pages written.
pub fn render_to<W: std::io::Write>(doc: &Document, w: &mut W) -> Result<usize, PdfError> {
    let fonts = Fonts::get()?;
    let pages = layout::layout(doc, fonts)?;
    draw::write(doc, &pages, fonts, w)?;
    Ok(pages.pages.len())
}

#[cfg(test)]
mod tests;
