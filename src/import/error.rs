/// One rejected row of a tabular import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number in the file (the header is line 1).
    pub line: u64,
    /// What is wrong with the row.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Why an import was rejected. Every message starts with the file's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file has no content.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// The file is not text (NUL bytes or other binary content).
    #[error("{file}: this is not a text document (binary content at byte {offset})")]
    Binary {
        /// File name.
        file: String,
        /// Offset of the first binary byte.
        offset: usize,
    },
    /// The file is text but not UTF-8.
    #[error("{file}: the file is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again")]
    Encoding {
        /// File name.
        file: String,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// Nothing role-like was found.
    #[error("{file}: {message}")]
    NoRole {
        /// File name.
        file: String,
        /// What was missing.
        message: String,
    },
    /// A binary document (Word, OpenDocument, PDF) is damaged: not a readable package, or
    /// its content is malformed.
    #[error("{file}: this {kind} is damaged and cannot be read ({reason}); open it, save it again and try again")]
    Damaged {
        /// File name.
        file: String,
        /// What the document is ("Word document (.docx)", "PDF", …).
        kind: String,
        /// What the reader found wrong.
        reason: String,
    },
    /// A packaged document unpacks to more than the importer allows (a zip bomb, or not a
    /// job description).
    #[error("{file}: this {kind} unpacks to more than {limit_mb} MB, so it was refused (a job description is far smaller)")]
    TooLarge {
        /// File name.
        file: String,
        /// What the document is.
        kind: String,
        /// The cap, in MiB.
        limit_mb: u64,
    },
    /// The document is password-protected.
    #[error("{file}: this {kind} is password-protected; save a copy without the password and import that")]
    Encrypted {
        /// File name.
        file: String,
        /// What the document is.
        kind: String,
    },
    /// A PDF whose pages are images only.
    #[error("{file}: this PDF has no text layer: it looks scanned; import the original document, or a PDF saved from it")]
    NoTextLayer {
        /// File name.
        file: String,
    },
    /// The file's name says one format and its content is another.
    #[error("{file}: the name says this is {named}, but the file is {actual}; rename it or save it again in the right format")]
    WrongType {
        /// File name.
        file: String,
        /// The format the extension names ("a Word document (.docx)").
        named: String,
        /// The format the content is ("a PDF").
        actual: String,
    },
    /// A kind of file the importer does not read.
    #[error("{file}: {what}; save it as .docx, .odt, .pdf or text and import that")]
    Unsupported {
        /// File name.
        file: String,
        /// What the file is.
        what: String,
    },
    /// The JSON could not be parsed.
    #[error("{file}: line {line}, column {column}: invalid JSON: {message}")]
    Json {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Parser message.
        message: String,
    },
    /// The JSON does not match the schema; one entry per violation, each naming a JSON pointer.
    #[error("{file}: does not match the role schema:\n{}", .problems.join("\n"))]
    Schema {
        /// File name.
        file: String,
        /// "`/pointer`: problem" lines.
        problems: Vec<String>,
    },
    /// Rows of a CSV were rejected; nothing was imported.
    #[error("{file}: {} row(s) rejected, nothing imported:\n{}", .rows.len(), .rows.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("\n"))]
    Rows {
        /// File name.
        file: String,
        /// Each bad row.
        rows: Vec<RowError>,
    },
}

impl ImportError {
    /// Rows of `file` rejected, reported in line order.
    pub fn rejected_rows(file: &str, mut rows: Vec<RowError>) -> Self {
        rows.sort_by_key(|r| r.line);
        ImportError::Rows {
            file: file.to_owned(),
            rows,
        }
    }
}
