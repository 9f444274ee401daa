//! CSV tables with a header row of known column names, as the candidate and score importers
//! read them: the header checked whole, then each record with the line it starts on.

use std::collections::HashMap;

use super::{ImportError, RowError};

/// A table's checked header and its records, each with its line (the header is line 1; a
/// quoted line break makes a record span lines, and the next starts lower).
pub(crate) struct Table {
    /// Column name → position in each record.
    index: HashMap<&'static str, usize>,
    /// Readable, non-blank records of no more fields than the header, with their lines.
    pub records: Vec<(u64, csv::StringRecord)>,
    /// The records that could not be read, or have more fields than the header.
    pub problems: Vec<RowError>,
}

impl Table {
    /// Reads `text` (the file `file`): the header must name only `columns`, each once, and
    /// every one of `required`. With `trim`, cells lose surrounding spaces. Blank records are
    /// layout, not data, and are skipped.
    pub fn read(
        file: &str,
        text: &str,
        columns: &[&'static str],
        required: &[&str],
        trim: bool,
    ) -> Result<Table, ImportError> {
        let header_error = |message: String| ImportError::Rows {
            file: file.to_owned(),
            rows: vec![RowError { line: 1, message }],
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(if trim {
                csv::Trim::All
            } else {
                csv::Trim::None
            })
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| header_error(e.to_string()))?
            .clone();
        let mut index = HashMap::new();
        let mut header_problems = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let h = h.trim().to_lowercase();
            match columns.iter().find(|c| **c == h) {
                Some(c) if index.insert(*c, i).is_some() => {
                    header_problems.push(format!("column '{c}' appears twice"))
                }
                Some(_) => {}
                None => header_problems.push(format!(
                    "unknown column '{h}' (expected {})",
                    columns.join(", ")
                )),
            }
        }
        for required in required {
            if !index.contains_key(required) {
                header_problems.push(format!("the header has no '{required}' column"));
            }
        }
        if !header_problems.is_empty() {
            return Err(header_error(header_problems.join("; ")));
        }
        let mut records = Vec::new();
        let mut problems = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(RowError {
                        line,
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() > headers.len() {
                problems.push(RowError {
                    line,
                    message: format!(
                        "{} fields, but the header has {}",
                        record.len(),
                        headers.len()
                    ),
                });
                continue;
            }
            records.push((line, record));
        }
        Ok(Table {
            index,
            records,
            problems,
        })
    }

    /// The cell of column `name` in `record`: empty when the column or the cell is missing.
    pub fn cell<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.index
            .get(name)
            .and_then(|&i| record.get(i))
            .unwrap_or_default()
    }
}
