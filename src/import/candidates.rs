//! Candidate lists from CSV: `reference,name[,email][,panel][,slot]`, header row required.
//!
//! Every bad row is reported with its line number and nothing is returned unless every row
//! is good, so a caller can apply the whole list or none of it.

use std::collections::HashMap;

use super::table::Table;
use super::{ImportError, RowError};

/// One candidate row, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    /// Line in the file (header is line 1).
    pub line: u64,
    /// Campaign reference, unique in the file.
    pub reference: String,
    /// Full name.
    pub name: String,
    /// Email, if given.
    pub email: Option<String>,
    /// Panel name, if given.
    pub panel: Option<String>,
    /// Interview slot, if given.
    pub slot: Option<String>,
}

const COLUMNS: [&str; 5] = ["reference", "name", "email", "panel", "slot"];

/// A plausible email: one `@`, something before it, a dot in the domain, no spaces.
fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

/// Parses a candidate CSV. `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<CandidateRow>, ImportError> {
    let text = super::text::decode(file, bytes)?;
    let table = Table::read(file, text, &COLUMNS, &["reference", "name"], true)?;
    let mut rows = Vec::new();
    let mut problems = table.problems.clone();
    let mut first_seen: HashMap<String, u64> = HashMap::new();
    for (line, record) in &table.records {
        let line = *line;
        let field =
            |name: &str| Some(table.cell(record, name).to_owned()).filter(|v| !v.is_empty());
        let mut row_problems = Vec::new();
        let reference = field("reference");
        let name = field("name");
        if reference.is_none() {
            row_problems.push("reference is empty".to_owned());
        }
        if name.is_none() {
            row_problems.push("name is empty".to_owned());
        }
        let email = field("email");
        if let Some(email) = &email {
            if !is_plausible_email(email) {
                row_problems.push(format!("email '{email}' is not a valid address"));
            }
        }
        if let Some(reference) = &reference {
            let key = reference.to_lowercase();
            if let Some(first) = first_seen.get(&key) {
                row_problems.push(format!("reference '{reference}' duplicates line {first}"));
            } else {
                first_seen.insert(key, line);
            }
        }
        if row_problems.is_empty() {
            rows.push(CandidateRow {
                line,
                reference: reference.unwrap_or_default(),
                name: name.unwrap_or_default(),
                email,
                panel: field("panel"),
                slot: field("slot"),
            });
        } else {
            problems.push(RowError {
                line,
                message: row_problems.join("; "),
            });
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::rejected_rows(file, problems));
    }
    if rows.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_gives_every_row_with_its_line() {
        let csv = "Reference,Name,Email,Panel\nC-001,Zoë Łukasiewicz,zoe@example.org,Panel A\nC-002,\"Ó Briain, Siobhán\",,Panel B\n";
        let rows = parse("c.csv", csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Zoë Łukasiewicz");
        assert_eq!(rows[0].email.as_deref(), Some("zoe@example.org"));
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].name, "Ó Briain, Siobhán");
        assert_eq!(rows[1].email, None);
        assert_eq!(rows[1].panel.as_deref(), Some("Panel B"));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_number() {
        let csv = "reference,name,email\nC-1,Ann,ann@example.org\n,Bob,\nC-3,,carol@\nc-1,Dup,\n";
        let err = parse("bad.csv", csv.as_bytes()).unwrap_err();
        let ImportError::Rows { rows, .. } = &err else {
            panic!("{err:?}")
        };
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4, 5], "{err}");
        let text = err.to_string();
        assert!(
            text.starts_with("bad.csv: 3 row(s) rejected, nothing imported"),
            "{text}"
        );
        assert!(text.contains("line 3: reference is empty"), "{text}");
        assert!(
            text.contains("line 4: name is empty; email 'carol@' is not a valid address"),
            "{text}"
        );
        assert!(
            text.contains("line 5: reference 'c-1' duplicates line 2"),
            "{text}"
        );
    }

    #[test]
    fn a_header_without_name_or_with_unknown_columns_is_rejected() {
        let err = parse("h.csv", b"reference,full name\nC-1,Ann\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 1: unknown column 'full name'"), "{err}");
        assert!(err.contains("the header has no 'name' column"), "{err}");
    }

    #[test]
    fn a_row_with_too_many_fields_is_rejected() {
        let err = parse("x.csv", b"reference,name\nC-1,Ann,extra\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 2: 3 fields, but the header has 2"),
            "{err}"
        );
    }

    #[test]
    fn a_header_only_file_is_empty() {
        assert_eq!(
            parse("e.csv", b"reference,name\n").unwrap_err(),
            ImportError::Empty {
                file: "e.csv".into()
            }
        );
    }
}
