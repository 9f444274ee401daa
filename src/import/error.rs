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
