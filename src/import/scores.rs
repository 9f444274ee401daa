//! Score sheets from CSV: `assessor,candidate,criterion,value,evidence,indicators`, header
//! row required (columns in any order; `indicators` may be left out).
//!
//! - `assessor`: the assessor's login; `candidate`: the candidate's reference;
//!   `criterion`: the scorecard key (`c1`) or the criterion's name.
//! - `value`: a point of the scale, or `NA` for "not assessed" (never a zero).
//! - `evidence`: free text; quoted, it may hold commas, quotes (doubled) and line breaks.
//! - `indicators`: one code per behaviour indicator, in order: `s` shown, `-` not shown,
//!   `x` negative, `?` unmarked (spaces ignored); empty leaves them all unmarked by the sheet.
//!
//! This module checks the file's own shape (columns, values that cannot be right in any
//! campaign, duplicates); the session checks each row against the campaign (see
//! `Session::import_scores`). Every bad row is reported with its line number, and nothing is
//! returned unless every row is good.

use std::collections::HashMap;

use super::table::Table;
use super::{ImportError, RowError};
use crate::model::{IndicatorMark, Mark};

/// One score row, checked for shape only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    /// Line in the file where the row starts (the header is line 1).
    pub line: u64,
    /// The assessor's login.
    pub assessor: String,
    /// The candidate's reference.
    pub candidate: String,
    /// The criterion's key or name.
    pub criterion: String,
    /// The point given, or `NA`: deliberately not assessed.
    pub mark: Mark,
    /// Evidence notes.
    pub evidence: String,
    /// The indicator marks; empty when the column is empty or absent.
    pub indicators: Vec<IndicatorMark>,
}

const COLUMNS: [&str; 6] = [
    "assessor",
    "candidate",
    "criterion",
    "value",
    "evidence",
    "indicators",
];
const REQUIRED: [&str; 5] = ["assessor", "candidate", "criterion", "value", "evidence"];

/// Reads a `value` cell (or a `--value` argument): an integer, or `NA` for not assessed
/// (`None`). Spellings that mean "not assessed" but are not `NA` are refused by name, so a
/// sheet never stores them as something else. The error starts with "value: ".
pub fn parse_value(cell: &str) -> Result<Mark, String> {
    if cell.is_empty() {
        return Err("value: is empty; write a point of the scale, or NA for not assessed".into());
    }
    if cell.eq_ignore_ascii_case("na") {
        return Ok(Mark::NotAssessed);
    }
    if let Ok(v) = cell.parse::<i32>() {
        return Ok(Mark::Point(v));
    }
    let squashed: String = cell
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if matches!(
        squashed.as_str(),
        "na" | "notassessed" | "none" | "nil" | "n"
    ) {
        return Err(format!(
            "value: '{cell}' is not how to write not assessed; write NA"
        ));
    }
    Err(format!(
        "value: '{cell}' is not a whole number or NA (not assessed)"
    ))
}

/// Reads the `indicators` cell: one code per indicator.
fn parse_indicators(cell: &str) -> Result<Vec<IndicatorMark>, String> {
    cell.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            's' | 'S' => Ok(IndicatorMark::Shown),
            '-' => Ok(IndicatorMark::NotShown),
            'x' | 'X' => Ok(IndicatorMark::Negative),
            '?' => Ok(IndicatorMark::Unmarked),
            other => Err(format!(
                "indicators: '{other}' is not a mark; use s (shown), - (not shown), x (negative) or ? (unmarked), one per indicator"
            )),
        })
        .collect()
}

/// A score sheet read row by row: the rows of a good shape, and a problem for every other.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// Rows with a good shape, to be checked against the campaign.
    pub rows: Vec<ScoreRow>,
    /// The rows that are wrong whatever the campaign, by line.
    pub problems: Vec<RowError>,
}

/// Parses a score sheet, all or nothing. `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<ScoreRow>, ImportError> {
    let sheet = read(file, bytes)?;
    if !sheet.problems.is_empty() {
        return Err(ImportError::rejected_rows(file, sheet.problems));
    }
    Ok(sheet.rows)
}

/// Reads a score sheet, keeping the rows of a good shape and a problem for each other row,
/// so that a caller checking the rows further can report every bad line at once. Fails
/// whole when the file cannot be a sheet (not text, a bad header, no rows).
pub fn read(file: &str, bytes: &[u8]) -> Result<Sheet, ImportError> {
    let text = super::text::decode(file, bytes)?;
    // Not trimmed: evidence keeps its own spacing and line breaks; other cells are trimmed
    // where they are read.
    let table = Table::read(file, text, &COLUMNS, &REQUIRED, false)?;
    let mut rows = Vec::new();
    let mut problems = table.problems.clone();
    let mut first_seen: HashMap<(String, String, String), u64> = HashMap::new();
    for (line, record) in &table.records {
        let line = *line;
        let cell = |name: &str| table.cell(record, name);
        let mut row_problems = Vec::new();
        let mut required = |name: &str| {
            let value = cell(name).trim().to_owned();
            if value.is_empty() {
                row_problems.push(format!("{name}: is empty"));
            }
            value
        };
        let assessor = required("assessor");
        let candidate = required("candidate");
        let criterion = required("criterion");
        let mark = parse_value(cell("value").trim()).unwrap_or_else(|e| {
            row_problems.push(e);
            Mark::NotAssessed // not stored: the row has a problem
        });
        let indicators = parse_indicators(cell("indicators")).unwrap_or_else(|e| {
            row_problems.push(e);
            Vec::new()
        });
        let key = (
            assessor.to_lowercase(),
            candidate.to_lowercase(),
            criterion.to_lowercase(),
        );
        if !assessor.is_empty() && !candidate.is_empty() && !criterion.is_empty() {
            if let Some(first) = first_seen.get(&key) {
                row_problems.push(format!(
                    "{assessor} scores {candidate} on '{criterion}' already on line {first}"
                ));
            } else {
                first_seen.insert(key, line);
            }
        }
        if row_problems.is_empty() {
            rows.push(ScoreRow {
                line,
                assessor,
                candidate,
                criterion,
                mark,
                evidence: cell("evidence").to_owned(),
                indicators,
            });
        } else {
            problems.push(RowError {
                line,
                message: row_problems.join("; "),
            });
        }
    }
    problems.sort_by_key(|p| p.line);
    if rows.is_empty() && problems.is_empty() {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(Sheet { rows, problems })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(err: ImportError) -> Vec<String> {
        let ImportError::Rows { rows, .. } = err else {
            panic!("{err:?}")
        };
        rows.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn quoted_evidence_keeps_commas_quotes_and_line_breaks_and_lines_count_from_the_header() {
        let csv = "assessor,candidate,criterion,value,evidence,indicators\n\
                   bo,C-1,c1,5,\"Led the \"\"Alpha\"\" rollout,\nthen trained two teams\",s-\n\
                   bo,C-1,Working Together,na,,\n";
        let rows = parse("sheet.csv", csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].evidence,
            "Led the \"Alpha\" rollout,\nthen trained two teams"
        );
        assert_eq!(rows[0].mark, Mark::Point(5));
        assert_eq!(
            rows[0].indicators,
            [IndicatorMark::Shown, IndicatorMark::NotShown]
        );
        // The quoted line break makes the second row start on line 4, not 3.
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].mark, Mark::NotAssessed);
        assert!(rows[1].indicators.is_empty());
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_field() {
        let csv = "assessor,candidate,criterion,value,evidence,indicators\n\
                   bo,C-1,c1,N/A,x,\n\
                   bo,C-1,c2,five,x,\n\
                   ,C-1,c3,4,x,\n\
                   bo,C-2,c1,4,x,s!\n\
                   bo,C-1,C1,4,x,\n\
                   bo,C-3,c1,,x,\n";
        let rows = rows_of(parse("bad.csv", csv.as_bytes()).unwrap_err());
        assert_eq!(
            rows,
            [
                "line 2: value: 'N/A' is not how to write not assessed; write NA",
                "line 3: value: 'five' is not a whole number or NA (not assessed)",
                "line 4: assessor: is empty",
                "line 5: indicators: '!' is not a mark; use s (shown), - (not shown), x (negative) or ? (unmarked), one per indicator",
                "line 6: bo scores C-1 on 'C1' already on line 2",
                "line 7: value: is empty; write a point of the scale, or NA for not assessed",
            ]
        );
    }

    #[test]
    fn a_header_without_the_required_columns_is_refused_on_line_1() {
        let rows = rows_of(parse("h.csv", b"assessor,candidate,score\nbo,C-1,4\n").unwrap_err());
        assert_eq!(
            rows,
            ["line 1: unknown column 'score' (expected assessor, candidate, criterion, value, evidence, indicators); the header has no 'criterion' column; the header has no 'value' column; the header has no 'evidence' column"]
        );
    }

    #[test]
    fn a_header_alone_is_an_empty_file() {
        let err = parse("e.csv", b"assessor,candidate,criterion,value,evidence\n").unwrap_err();
        assert!(matches!(err, ImportError::Empty { .. }), "{err:?}");
    }
}
