//! CSV exports: results, every individual score, the audit log. UTF-8, RFC 4180 quoting,
//! and — unless `raw` — every cell a spreadsheet would run as a formula neutralised.
//!
//! Writers are generic over `io::Write` so tests write into a `Vec<u8>`.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use super::CampaignRecord;
use crate::model::{key_exercise, CandidateId, IndicatorMark, Mark};
use crate::scoring::flags::FlagKind;
use crate::scoring::results::fmt_num;
use crate::store::audit::AuditRef;
use crate::{Error, Result};

/// Makes a cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab or
/// carriage return is prefixed with `'`, which spreadsheets show as text and never evaluate.
/// Plain numbers (e.g. `-1`, `+2.5`) are left as they are: they are values, not formulas.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().map_or(true, |n| !n.is_finite()) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes rows of cells, neutralising each cell unless `raw`.
struct SafeWriter<W: Write> {
    inner: ::csv::Writer<W>,
    raw: bool,
}

impl<W: Write> SafeWriter<W> {
    fn new(w: W, raw: bool) -> Self {
        SafeWriter {
            inner: ::csv::WriterBuilder::new()
                .terminator(::csv::Terminator::CRLF)
                .buffer_capacity(1 << 16)
                .from_writer(w),
            raw,
        }
    }

    fn row<I, S>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Field by field, borrowing each cell: the audit log alone is ~100 MB at 5,000
        // candidates, and copying every cell first doubled the time to write it.
        for cell in cells {
            let cell = cell.as_ref();
            let written = if self.raw {
                self.inner.write_field(cell)
            } else {
                self.inner.write_field(neutralise(cell).as_bytes())
            };
            written.map_err(|e| Error::Export(format!("writing CSV: {e}")))?;
        }
        self.inner
            .write_record(None::<&[u8]>)
            .map_err(|e| Error::Export(format!("writing CSV: {e}")))
    }

    fn finish(mut self) -> Result<()> {
        self.inner
            .flush()
            .map_err(|e| Error::Export(format!("writing CSV: {e}")))
    }
}

fn opt_num(v: Option<i32>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

/// Each candidate's flags as "kind (count)" in the rules' order, e.g.
/// `wide_spread (2); no_evidence (1)`.
fn flags_by_candidate(record: &CampaignRecord) -> HashMap<CandidateId, String> {
    let mut counts: HashMap<CandidateId, BTreeMap<FlagKind, usize>> = HashMap::new();
    for f in &record.flags {
        if let Some(id) = f.candidate_id {
            *counts.entry(id).or_default().entry(f.kind).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(id, kinds)| {
            let text: Vec<String> = kinds
                .iter()
                .map(|(kind, n)| format!("{} ({n})", kind.as_str()))
                .collect();
            (id, text.join("; "))
        })
        .collect()
}

/// `results.csv`: one row per candidate in merit order.
pub fn write_results<W: Write>(record: &CampaignRecord, w: W, raw: bool) -> Result<()> {
    let mut out = SafeWriter::new(w, raw);
    let criteria = &record.campaign.assessed.criteria;
    let mut header: Vec<String> = ["position", "tied", "reference", "name", "panel"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for c in criteria {
        header.push(format!("{} agreed", c.criterion.name));
        header.push(format!("{} moderated", c.criterion.name));
    }
    // With several exercises, each criterion's combination across them (the same for every
    // row, so the names come from the scorecard, not from a row).
    let card = &record.campaign.scorecard;
    if card.has_several_exercises() {
        for c in &card.criteria {
            header.push(format!("{} combined", c.criterion.name));
        }
    }
    header.extend(
        [
            "weighted_total",
            "scaled_total",
            "outcome",
            "outcome_reason",
            "reserve",
            "tie_note",
            "flags",
        ]
        .map(String::from),
    );
    out.row(&header)?;
    let flags = flags_by_candidate(record);
    for r in &record.results {
        let mut row = vec![
            r.position.map_or_else(String::new, |p| p.to_string()),
            if r.tied { "yes" } else { "no" }.to_owned(),
            r.reference.clone(),
            r.name.clone(),
            r.panel.clone().unwrap_or_default(),
        ];
        for c in &r.criteria {
            let agreed = if c.mark.is_not_assessed() && c.moderated.is_none() && c.agreed.is_none()
            {
                "not assessed".to_owned()
            } else {
                opt_num(c.agreed)
            };
            row.push(agreed);
            row.push(opt_num(c.moderated));
        }
        for c in &r.combined {
            row.push(match (c.value, c.not_assessed) {
                (Some(v), _) => fmt_num(v),
                (None, true) => "not assessed".to_owned(),
                (None, false) => String::new(),
            });
        }
        row.push(fmt_num(r.total));
        row.push(fmt_num(r.scaled_total));
        row.push(r.outcome.as_str().to_owned());
        row.push(r.outcome_reason.clone());
        row.push(if r.reserve { "yes" } else { "no" }.to_owned());
        row.push(r.tie_note.clone().unwrap_or_default());
        row.push(flags.get(&r.candidate_id).cloned().unwrap_or_default());
        out.row(&row)?;
    }
    out.finish()
}

/// `scores.csv`: one row per submitted individual score, with evidence.
pub fn write_scores<W: Write>(record: &CampaignRecord, w: W, raw: bool) -> Result<()> {
    let mut out = SafeWriter::new(w, raw);
    out.row([
        "candidate_reference",
        "candidate_name",
        "panel",
        "assessor",
        "criterion_key",
        "criterion",
        "value",
        "scale_label",
        "indicators",
        "evidence",
        "submitted_at",
    ])?;
    let scorecard = &record.campaign.assessed;
    for candidate in &record.candidates {
        let Some(scores) = record.scores.get(&candidate.id) else {
            continue;
        };
        for s in scores {
            let criterion = scorecard.criterion(&s.criterion_key);
            let indicators: Vec<String> = s
                .indicators
                .iter()
                .enumerate()
                .map(|(i, mark)| {
                    let text = criterion
                        .and_then(|c| c.criterion.indicators.get(i))
                        .map_or("?", String::as_str);
                    format!("{}: {text}", mark_label(*mark))
                })
                .collect();
            let (value, label) = match s.mark.mark() {
                Some(Mark::Point(v)) => (
                    v.to_string(),
                    scorecard
                        .scale
                        .point(v)
                        .map_or(String::new(), |p| p.label.clone()),
                ),
                Some(Mark::NotAssessed) => ("not assessed".to_owned(), String::new()),
                None => (String::new(), String::new()),
            };
            out.row([
                candidate.reference.as_str(),
                candidate.name.as_str(),
                record.panel_name(candidate.panel_for(key_exercise(&s.criterion_key))),
                record.assessor_name(s.assessor_id),
                s.criterion_key.as_str(),
                record.criterion_name(&s.criterion_key),
                value.as_str(),
                label.as_str(),
                indicators.join("\n").as_str(),
                s.evidence.as_str(),
                s.submitted_at.as_deref().unwrap_or_default(),
            ])?;
        }
    }
    out.finish()
}

fn mark_label(mark: IndicatorMark) -> &'static str {
    match mark {
        IndicatorMark::Shown => "shown",
        IndicatorMark::NotShown => "not shown",
        IndicatorMark::Negative => "negative",
        IndicatorMark::Unmarked => "unmarked",
    }
}

/// `audit.csv`: the campaign's audit events with their hashes, written one event at a time
/// so the log can be streamed straight from the database.
pub struct AuditCsv<W: Write>(SafeWriter<W>);

impl<W: Write> AuditCsv<W> {
    /// Starts the file with its header row.
    pub fn new(w: W, raw: bool) -> Result<Self> {
        let mut out = SafeWriter::new(w, raw);
        out.row([
            "seq",
            "at",
            "actor",
            "action",
            "entity",
            "before",
            "after",
            "prev_hash",
            "hash",
        ])?;
        Ok(AuditCsv(out))
    }

    /// Writes one event.
    pub fn event(&mut self, e: AuditRef<'_>) -> Result<()> {
        let seq = e.seq.to_string();
        self.0.row([
            seq.as_str(),
            e.at,
            e.actor,
            e.action,
            e.entity,
            e.before.unwrap_or_default(),
            e.after.unwrap_or_default(),
            e.prev_hash,
            e.hash,
        ])
    }

    /// Flushes what is buffered.
    pub fn finish(self) -> Result<()> {
        self.0.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_prefix_is_neutralised_and_survives_a_round_trip() {
        let risky = [
            "=SUM(A1:A2)",
            "+44 20 7946 0000",
            "-rm -rf",
            "@cmd",
            "\tx",
            "\r=1",
        ];
        let mut buf = Vec::new();
        {
            let mut out = SafeWriter::new(&mut buf, false);
            out.row(risky).unwrap();
            out.finish().unwrap();
        }
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&buf[..]);
        let row = reader.records().next().unwrap().unwrap();
        for (cell, original) in row.iter().zip(risky) {
            assert_eq!(
                cell,
                format!("'{original}"),
                "each risky cell reads back as text with a leading quote"
            );
        }
    }

    #[test]
    fn raw_mode_writes_cells_untouched() {
        let mut buf = Vec::new();
        {
            let mut out = SafeWriter::new(&mut buf, true);
            out.row(["=1+1", "@x"]).unwrap();
            out.finish().unwrap();
        }
        assert_eq!(String::from_utf8(buf).unwrap(), "=1+1,@x\r\n");
    }

    #[test]
    fn numbers_and_ordinary_text_are_left_alone() {
        for cell in ["-1", "+2.5", "4", "Zoë Łukasiewicz", "a=b", ""] {
            assert_eq!(neutralise(cell), cell);
        }
        assert_eq!(neutralise("-inf"), "'-inf");
    }

    #[test]
    fn commas_quotes_and_newlines_are_quoted_per_rfc_4180() {
        let mut buf = Vec::new();
        {
            let mut out = SafeWriter::new(&mut buf, false);
            out.row(["said \"yes\", then paused", "line one\nline two"])
                .unwrap();
            out.finish().unwrap();
        }
        assert_eq!(
            String::from_utf8(buf.clone()).unwrap(),
            "\"said \"\"yes\"\", then paused\",\"line one\nline two\"\r\n"
        );
        let row = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&buf[..])
            .records()
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(&row[1], "line one\nline two");
    }
}
