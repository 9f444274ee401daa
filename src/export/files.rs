//! Writing a campaign's export files into a folder.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use super::record::Parts;
use super::{csv, CampaignRecord};
use crate::cancel::Progress;
use crate::model::CampaignId;
use crate::scoring::flags::FlagSettings;
use crate::store::audit::AuditRef;
use crate::store::Storage;
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
    /// Thresholds for the flags in the campaign summary and `results.csv`; `None` (the usual
    /// case) takes the campaign's own, the same the board and the command line show.
    pub flag_settings: Option<FlagSettings>,
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

/// The result of a writer thread; a panic there becomes an error here.
fn join(handle: std::thread::ScopedJoinHandle<'_, Result<PathBuf>>) -> Result<PathBuf> {
    handle
        .join()
        .unwrap_or_else(|_| Err(Error::Export("a CSV writer panicked".into())))
}

/// Writes the chosen exports of a campaign into `dir` (created if missing). `progress` hears
/// (done, total) as PDF packs are written, and may cancel between files and packs.
///
/// Everything is written into a hidden folder inside `dir` first and moved into `dir` only
/// when the whole export is written: an export that fails or is cancelled leaves no file in
/// `dir` (and removes `dir` itself if it created it and it is empty), and files of the same
/// name from an earlier export are replaced only by a complete new set.
pub(crate) fn export_campaign(
    store: &dyn Storage,
    campaign_id: CampaignId,
    dir: &Path,
    options: &ExportOptions,
    progress: &mut Progress<'_>,
) -> Result<ExportSummary> {
    let created = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".panelmark-export-")
        .tempdir_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    let written = write_all(store, campaign_id, staging.path(), options, progress)
        .and_then(|summary| publish(summary, dir));
    // On success the staging folder is empty; on failure this removes what it holds.
    let closed = staging.close().map_err(|e| Error::io(dir, e));
    match written {
        Ok(summary) => closed.map(|()| summary),
        Err(e) => {
            if created {
                // Only if empty: never anything the user put there meanwhile.
                let _ = std::fs::remove_dir(dir);
            }
            Err(e.if_cancelled(|| format!("nothing was written to {}", dir.display())))
        }
    }
}

/// Moves the files of a complete export from the staging folder into `dir`, replacing files
/// of the same name, and returns the summary with their new paths.
fn publish(summary: ExportSummary, dir: &Path) -> Result<ExportSummary> {
    let mut files = Vec::with_capacity(summary.files.len());
    for staged in &summary.files {
        let staged = Path::new(staged);
        let name = staged
            .file_name()
            .ok_or_else(|| Error::Export(format!("{} has no file name", staged.display())))?;
        let target = dir.join(name);
        std::fs::rename(staged, &target).map_err(|e| Error::io(&target, e))?;
        files.push(target.display().to_string());
    }
    Ok(ExportSummary { files, ..summary })
}

/// Writes every file of the export into `dir` (the staging folder).
fn write_all(
    store: &dyn Storage,
    campaign_id: CampaignId,
    dir: &Path,
    options: &ExportOptions,
    progress: &mut Progress<'_>,
) -> Result<ExportSummary> {
    let cancel = progress.token().clone();
    cancel.check()?;
    // One read transaction for the whole export on a local file, so every file shows the same
    // moment even if someone writes meanwhile. It only reads; dropping it ends it. (On a
    // shared database each part reads in its own snapshot, and the audit log is bounded by
    // the head read first, so no file holds an event the receipt's anchor does not cover.)
    let local = store.as_local();
    let _snapshot = local
        .map(|s| s.conn().unchecked_transaction())
        .transpose()?;
    let only_candidate = match &options.candidate {
        Some(reference) => Some(store.candidate_by_reference(campaign_id, reference)?.id),
        None => None,
    };
    let prefix = options
        .candidate
        .as_deref()
        .map(|r| format!("{}-", safe_file_stem(r)))
        .unwrap_or_default();
    let write_file = |name: &str, write: &dyn Fn(&mut BufWriter<File>) -> Result<()>| {
        cancel.check()?;
        let (path, mut w) = create(dir, &format!("{prefix}{name}"))?;
        write(&mut w)?;
        std::io::Write::flush(&mut w).map_err(|e| Error::io(&path, e))?;
        Ok::<PathBuf, Error>(path)
    };
    // The audit log is most of the CSV bytes. Bounded by the head this snapshot sees, it can
    // be streamed from a second connection on its own thread while the rest is loaded here.
    let anchor = store.anchor()?;
    let through_seq = anchor.seq;
    let thresholds = match options.flag_settings {
        Some(settings) => settings,
        None => store.flag_settings(campaign_id)?,
    };
    // `events` calls its argument with each event of the campaign through `through_seq`.
    type Events<'e> = &'e dyn Fn(&mut dyn FnMut(AuditRef<'_>) -> Result<()>) -> Result<()>;
    let write_audit = |events: Events<'_>| {
        write_file("audit.csv", &|w| {
            let mut out = csv::AuditCsv::new(w, options.raw)?;
            // The audit log is the longest file: a cancel stops it between events.
            events(&mut |e| match only_candidate {
                Some(id) if e.candidate_id != Some(id) => Ok(()),
                _ => cancel.check().and_then(|()| out.event(e)),
            })?;
            out.finish()
        })
    };
    let reader = match local {
        Some(local) if options.csv => local.reader()?,
        _ => None,
    };
    let mut summary = ExportSummary::default();
    let record = std::thread::scope(|scope| -> Result<CampaignRecord> {
        let audit_job = reader.map(|conn| {
            scope.spawn(move || {
                write_audit(&|each| {
                    crate::store::audit::for_each_campaign_record(
                        &conn,
                        campaign_id,
                        Some(through_seq),
                        each,
                    )
                })
            })
        });
        let with_summary = options.pdf && options.candidate.is_none();
        let parts = Parts {
            summary: with_summary,
            flags: (with_summary || options.csv).then_some(thresholds),
            audit: options.pdf,
        };
        let mut record = CampaignRecord::load(store, campaign_id, parts)?;
        if let Some(reference) = &options.candidate {
            record = record.only_candidate(reference)?;
        }
        if options.csv {
            let (results, scores) = std::thread::scope(|inner| {
                let record = &record;
                let results = inner.spawn(move || {
                    write_file("results.csv", &|w| {
                        csv::write_results(record, w, options.raw)
                    })
                });
                let scores =
                    write_file("scores.csv", &|w| csv::write_scores(record, w, options.raw));
                (join(results), scores)
            });
            let audit = match audit_job {
                Some(job) => join(job),
                None => {
                    write_audit(&|each| store.campaign_audit(campaign_id, Some(through_seq), each))
                }
            };
            for path in [results, scores, audit] {
                summary.files.push(path?.display().to_string());
            }
        }
        Ok(record)
    })?;
    if options.pdf {
        super::packs::write_packs(
            &record,
            dir,
            options.candidate.is_none(),
            &mut summary,
            &mut |done, total| progress.report(done, total),
            &cancel,
        )?;
    }
    cancel.check()?;
    // Last, so it covers every file above; the anchor is the head this snapshot saw.
    let written: Vec<PathBuf> = summary.files.iter().map(PathBuf::from).collect();
    let receipt = super::receipt::write(
        dir,
        &format!("{prefix}receipt.txt"),
        campaign_id,
        &anchor,
        &written,
    )?;
    summary.files.push(receipt.display().to_string());
    Ok(summary)
}
