//! Writing a campaign's export files into a folder.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use super::{csv, CampaignRecord};
use crate::model::Id;
use crate::store::Store;
use crate::{Error, Result};

/// What to export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Write the PDF evidence packs and the campaign summary.
    pub pdf: bool,
    /// Write results.csv, scores.csv and audit.csv.
    pub csv: bool,
    /// Write CSV cells exactly as stored, without neutralising formulas (for programs).
    pub raw: bool,
    /// Only this candidate (by reference): their own pack, naming no other candidate.
    pub candidate: Option<String>,
}

/// What was written.
#[derive(Debug, Clone, Default, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportSummary {
    /// Files written, in order.
    pub files: Vec<String>,
    /// PDF pages written.
    pub pdf_pages: usize,
}

fn create(dir: &Path, name: &str) -> Result<(PathBuf, BufWriter<File>)> {
    let path = dir.join(name);
    let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
    Ok((path, BufWriter::new(file)))
}

/// A file name safe on every platform, from a candidate reference.
pub fn safe_file_stem(reference: &str) -> String {
    let stem: String = reference
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "candidate".to_owned()
    } else {
        stem
    }
}

/// Writes the chosen exports of a campaign into `dir` (created if missing). `progress` is
/// called with (done, total) as PDF packs are written.
pub fn export_campaign(
    store: &Store,
    campaign_id: Id,
    dir: &Path,
    options: &ExportOptions,
    mut progress: impl FnMut(usize, usize),
) -> Result<ExportSummary> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let with_summary = options.pdf && options.candidate.is_none();
    let mut record = CampaignRecord::load(store, campaign_id, with_summary)?;
    if let Some(reference) = &options.candidate {
        record = record.only_candidate(reference)?;
    }
    let mut summary = ExportSummary::default();
    let prefix = options
        .candidate
        .as_deref()
        .map(|r| format!("{}-", safe_file_stem(r)))
        .unwrap_or_default();
    if options.csv {
        type Writer = fn(&CampaignRecord, &mut BufWriter<File>, bool) -> Result<()>;
        let writers: [(&str, Writer); 3] = [
            ("results.csv", |r, w, raw| csv::write_results(r, w, raw)),
            ("scores.csv", |r, w, raw| csv::write_scores(r, w, raw)),
            ("audit.csv", |r, w, raw| csv::write_audit(r, w, raw)),
        ];
        // The three files are independent: write them side by side.
        let record = &record;
        let written: Vec<Result<PathBuf>> = std::thread::scope(|scope| {
            let handles: Vec<_> = writers
                .into_iter()
                .map(|(name, write)| {
                    let name = format!("{prefix}{name}");
                    scope.spawn(move || -> Result<PathBuf> {
                        let (path, mut w) = create(dir, &name)?;
                        write(record, &mut w, options.raw)?;
                        std::io::Write::flush(&mut w).map_err(|e| Error::io(&path, e))?;
                        Ok(path)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(Error::Export("a CSV writer panicked".into())))
                })
                .collect()
        });
        for path in written {
            summary.files.push(path?.display().to_string());
        }
    }
    if options.pdf {
        super::packs::write_packs(
            &record,
            dir,
            options.candidate.is_none(),
            &mut summary,
            &mut progress,
        )?;
    }
    Ok(summary)
}
