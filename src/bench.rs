//! The benchmark behind `panelmark bench`: builds a large campaign in a temporary database
//! and measures each operation beside the bare SQLite floor it stands on, in the same run.

mod formats;
pub mod shared;

use crate::model::Mark;
use std::time::{Duration, Instant};

use rusqlite::params;
use serde::Serialize;

use crate::cancel::{Cancel, Progress};
use crate::model::{
    AssessorId, AssessorRole, CampaignId, CandidateId, Criterion, CriterionKind, Decision,
    IndicatorMark, Priority, Role, Scale, ScoreInput, Scorecard,
};
use crate::scoring::flags::FlagSettings;
use crate::store::{Storage, Store};
use crate::{Error, Result};

/// Size of the benchmark campaign.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Candidates (default 5,000).
    pub candidates: usize,
    /// Assessors per panel (3).
    pub assessors_per_panel: usize,
    /// Criteria (8).
    pub criteria: usize,
    /// Indicators per criterion (5).
    pub indicators: usize,
    /// Candidates per panel (500).
    pub candidates_per_panel: usize,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            candidates: 5_000,
            assessors_per_panel: 3,
            criteria: 8,
            indicators: 5,
            candidates_per_panel: 500,
        }
    }
}

/// Measured figures (milliseconds unless named otherwise).
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Candidates in the campaign.
    pub candidates: usize,
    /// Individual scores in the campaign.
    pub scores: usize,
    /// Median time of one score save through the library (validation, audit event, commit).
    pub save_score_p50_ms: f64,
    /// 99th percentile of the same.
    pub save_score_p99_ms: f64,
    /// Median score save with `synchronous=NORMAL` (commits durable at checkpoints only).
    pub save_score_sync_normal_p50_ms: f64,
    /// 99th percentile of the same.
    pub save_score_sync_normal_p99_ms: f64,
    /// Median score save with `synchronous=FULL` (every commit synced: the app's setting).
    pub save_score_sync_full_p50_ms: f64,
    /// 99th percentile of the same.
    pub save_score_sync_full_p99_ms: f64,
    /// Median of a bare INSERT + commit of a same-sized row, same pragmas.
    pub bare_insert_p50_ms: f64,
    /// 99th percentile of the same.
    pub bare_insert_p99_ms: f64,
    /// Scores saved per second in bulk (1,000 per transaction, each validated and audited).
    pub bulk_scores_per_s: f64,
    /// Computing the moderation board: loading the campaign, every result and every flag.
    pub board_ms: f64,
    /// Computing the board packed whole and encoding it as JSON, as the app once sent it.
    pub packed_board_ms: f64,
    /// Size of that JSON.
    pub packed_board_json_bytes: usize,
    /// Opening the board as the app now does: computing and keeping it, then its summary and
    /// first window of rows ([`BOARD_FIRST_WINDOW`]) encoded as JSON.
    pub board_summary_ms: f64,
    /// Size of that JSON.
    pub board_summary_json_bytes: usize,
    /// A further window of rows from the kept board (mid-board), encoded as JSON.
    pub board_window_ms: f64,
    /// Size of that JSON.
    pub board_window_json_bytes: usize,
    /// One candidate's flag reasons from the kept board, encoded as JSON.
    pub board_flags_ms: f64,
    /// A bare SELECT of every score row of the campaign.
    pub bare_scan_ms: f64,
    /// Audit events written.
    pub audit_events: i64,
    /// Verifying the whole audit chain.
    pub verify_ms: f64,
    /// Evidence-pack pages written per second (every candidate's pack, all cores).
    pub pdf_pages_per_s: f64,
    /// Evidence-pack pages written.
    pub pdf_pages: usize,
    /// Writing results.csv, scores.csv and audit.csv, in seconds.
    pub csv_all_s: f64,
    /// Job-description import time per format.
    pub import: Vec<formats::FormatTiming>,
    /// Peak resident memory of the process.
    pub peak_rss_mb: f64,
    /// Whether each target holds.
    pub targets: Vec<(String, bool)>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (samples.len() as f64 - 1.0)).round() as usize;
    samples.get(rank).copied().unwrap_or(f64::NAN)
}

/// Peak resident set size in MiB (Linux `VmHWM`; 0 elsewhere).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn bench_role(options: &BenchOptions) -> Role {
    Role {
        title: "Benchmark role".into(),
        grade: Some("SEO".into()),
        reference: None,
        source: None,
        criteria: (0..options.criteria)
            .map(|i| Criterion {
                kind: if i % 2 == 0 {
                    CriterionKind::Behaviour
                } else {
                    CriterionKind::Technical
                },
                name: format!("Criterion {}", i + 1),
                group: None,
                priority: if i < options.criteria - 2 {
                    Priority::Essential
                } else {
                    Priority::Desirable
                },
                code: None,
                level: None,
                indicators: (0..options.indicators)
                    .map(|k| format!("Indicator {} of criterion {}", k + 1, i + 1))
                    .collect(),
            })
            .collect(),
    }
}

const EVIDENCE: &str = "Gave a specific example of leading a release under pressure; set priorities with the \
                        team, kept stakeholders informed and reviewed afterwards. Outcome measured.";

/// A deterministic, realistic score: each candidate has a level (2–6) and members mostly
/// agree with it, one point either side now and then (about one unit in five ends up with a
/// spread of two points, as in real panels).
fn score_for(
    candidate: CandidateId,
    assessor: AssessorId,
    key: &str,
    criterion: usize,
    indicators: usize,
) -> ScoreInput {
    let (c, a) = (candidate.0 as usize, assessor.0 as usize);
    let level = 2 + (c * 7 % 5) as i32;
    let offset = match (c * 131 + a * 17 + criterion * 7) % 10 {
        0 | 1 => -1,
        2 => 1,
        _ => 0,
    };
    let value = (level + offset).clamp(1, 7);
    ScoreInput {
        candidate_id: candidate,
        assessor_id: assessor,
        criterion_key: key.to_owned(),
        mark: Mark::Point(value).into(),
        evidence: EVIDENCE.to_owned(),
        indicators: (0..indicators)
            .map(|k| {
                if (k as i32) < value - 1 {
                    IndicatorMark::Shown
                } else {
                    IndicatorMark::NotShown
                }
            })
            .collect(),
    }
}

/// Runs the benchmark. `progress` is told what phase is running.
pub fn run(options: &BenchOptions, mut progress: impl FnMut(&str)) -> Result<BenchReport> {
    let dir = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let mut store = Store::open(&dir.path().join("bench.db"))?;
    let actor = "bench";

    progress("setting up the campaign");
    let role = bench_role(options);
    let role_id = store.create_role(actor, &role)?;
    let card = Scorecard::from_role(
        "Benchmark scorecard",
        &role,
        Scale::civil_service(),
        Some(4),
    );
    let card_id = store.create_scorecard(actor, Some(role_id), &card)?;
    let campaign = store.create_campaign(actor, "Benchmark campaign", card_id)?;
    let panel_count = options
        .candidates
        .div_ceil(options.candidates_per_panel)
        .max(1);
    let mut panel_members: Vec<Vec<AssessorId>> = Vec::new();
    for p in 0..panel_count {
        let name = format!("Panel {}", p + 1);
        let panel = store.add_panel(actor, campaign, &name)?;
        let members = (0..options.assessors_per_panel)
            .map(|s| {
                let role = if s == 0 {
                    AssessorRole::Chair
                } else {
                    AssessorRole::Member
                };
                let name = format!("Assessor {}.{}", p + 1, s + 1);
                let login = crate::store::users::login_from_name(&name);
                store.add_user(actor, &login, &name, false)?;
                let id = store.add_assessor(actor, campaign, &name, role, Some(panel), &login)?;
                // Every assessor states their conflicts (none) before scoring, as the app asks.
                store.confirm_no_conflicts(&login, campaign, id)?;
                Ok(id)
            })
            .collect::<Result<Vec<_>>>()?;
        panel_members.push(members);
    }
    let mut csv = String::from("reference,name,email,panel\n");
    for i in 0..options.candidates {
        csv.push_str(&format!(
            "B-{i:05},Candidate Ł{i},c{i}@example.org,Panel {}\n",
            i / options.candidates_per_panel + 1
        ));
    }
    store.import_candidates(
        actor,
        campaign,
        "bench.csv",
        csv.as_bytes(),
        &mut Progress::none(),
    )?;
    store.start_scoring(actor, campaign)?;
    let candidates: Vec<(CandidateId, usize)> = store
        .candidates(campaign)?
        .into_iter()
        .map(|c| {
            (
                c.id,
                c.reference[2..].parse::<usize>().unwrap_or(0) / options.candidates_per_panel,
            )
        })
        .collect();
    let keys: Vec<String> = card.criteria.iter().map(|c| c.key.clone()).collect();

    // Bulk saves for all but the last few candidates; those are saved one at a time below.
    let single_count = (options.candidates / 20).clamp(2, 250);
    let (bulk_part, single_part) = candidates.split_at(candidates.len() - single_count);
    progress("bulk saving scores");
    let mut batch = Vec::with_capacity(1000);
    let mut bulk_saved = 0usize;
    let bulk_start = Instant::now();
    for &(candidate, panel) in bulk_part {
        for &assessor in &panel_members[panel] {
            for (k, key) in keys.iter().enumerate() {
                batch.push(score_for(candidate, assessor, key, k, options.indicators));
            }
        }
        if batch.len() >= 1000 {
            bulk_saved += store.save_scores(actor, campaign, &batch, &mut Progress::none())?;
            batch.clear();
        }
    }
    bulk_saved += store.save_scores(actor, campaign, &batch, &mut Progress::none())?;
    let bulk_elapsed = bulk_start.elapsed();

    // One save at a time, timed through the session signed in as each assessor in turn, as
    // the app saves (the figure includes the session's permission check): the first half of
    // these candidates under synchronous=NORMAL, the rest under the setting the app uses
    // (FULL), to show what durable commits cost.
    progress("saving scores one at a time");
    let (normal_part, full_part) = single_part.split_at(single_part.len() / 2);
    let mut save_samples = Vec::new();
    let mut normal_samples = Vec::new();
    let logins: std::collections::HashMap<AssessorId, String> = store
        .assessors(campaign)?
        .into_iter()
        .map(|a| (a.id, a.login))
        .collect();
    for (part, level, samples) in [
        (normal_part, "NORMAL", &mut normal_samples),
        (
            full_part,
            crate::store::connection::SYNCHRONOUS,
            &mut save_samples,
        ),
    ] {
        store.conn().pragma_update(None, "synchronous", level)?;
        for &(candidate, panel) in part {
            for &assessor in &panel_members[panel] {
                let mut session =
                    crate::session::Session::sign_in(store, &logins[&assessor], None)?;
                for (k, key) in keys.iter().enumerate() {
                    let input = score_for(candidate, assessor, key, k, options.indicators);
                    let t = Instant::now();
                    session.save_score(campaign, &input)?;
                    samples.push(ms(t.elapsed()));
                }
                store = session
                    .sign_out()
                    .into_local()
                    .expect("the benchmark signed in to its own SQLite file");
            }
        }
    }

    progress("bare inserts");
    store.conn().execute_batch(
        "CREATE TABLE bench_bare (candidate_id INTEGER, assessor_id INTEGER, criterion_key TEXT, value INTEGER,
         not_assessed INTEGER, evidence TEXT, indicators TEXT, status TEXT, created_at TEXT, updated_at TEXT,
         submitted_at TEXT, PRIMARY KEY (candidate_id, assessor_id, criterion_key)) WITHOUT ROWID",
    )?;
    let mut bare_samples = Vec::with_capacity(save_samples.len());
    let now = store.now();
    for i in 0..save_samples.len() {
        let t = Instant::now();
        store.conn().execute_batch("BEGIN")?;
        store
            .conn()
            .prepare_cached("INSERT INTO bench_bare VALUES (?1, ?2, ?3, ?4, 0, ?5, '-----', 'draft', ?6, ?6, NULL)")?
            .execute(params![i as i64, 1, "c1", 4, EVIDENCE, now])?;
        store.conn().execute_batch("COMMIT")?;
        bare_samples.push(ms(t.elapsed()));
    }

    progress("submitting and agreeing");
    for &(candidate, panel) in &candidates {
        for &assessor in &panel_members[panel] {
            store.submit_scores(actor, campaign, candidate, assessor)?;
        }
        let decisions: Vec<Decision> = keys
            .iter()
            .map(|k| Decision {
                candidate_id: candidate,
                criterion_key: k.clone(),
                mark: Mark::Point(4).into(),
                text: "Agreed after discussion".into(),
                by: panel_members[panel][0],
            })
            .collect();
        store.agree_scores(actor, campaign, &decisions)?;
    }
    store.start_moderation(actor, campaign)?;

    progress("moderation board");
    let settings = FlagSettings::default();
    let mut board_samples = Vec::new();
    let mut scan_samples = Vec::new();
    let mut rows_scanned = 0;
    for _ in 0..5 {
        let t = Instant::now();
        // The floor: the board's own statement, rows read into plain owned values.
        let mut stmt = store
            .conn()
            .prepare_cached(crate::store::BOARD_SCORES_SQL)?;
        #[allow(clippy::type_complexity)]
        let rows: Vec<(i64, i64, String, Option<i32>, bool, bool, String)> = stmt
            .query_map(
                params![campaign, CandidateId(i64::MIN), CandidateId(i64::MAX)],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        scan_samples.push(ms(t.elapsed()));
        rows_scanned = rows.len();
        drop(rows);

        let t = Instant::now();
        let board = store.board(campaign, &settings)?;
        board_samples.push(ms(t.elapsed()));
        std::hint::black_box((board.results.len(), board.flags.len()));
    }

    progress("moderation board, whole and a window at a time");
    let board_open = bench_board_open(&store, campaign, &settings)?;

    progress("writing all CSVs");
    let out_dir = dir.path().join("export");
    let t = Instant::now();
    let csv_options = crate::export::ExportOptions {
        csv: true,
        ..Default::default()
    };
    crate::export::export_campaign(
        &store,
        campaign,
        &out_dir,
        &csv_options,
        &mut Progress::none(),
    )?;
    let csv_all_s = t.elapsed().as_secs_f64();

    progress("writing every evidence pack");
    let record = crate::export::CampaignRecord::load(
        &store,
        campaign,
        crate::export::Parts {
            audit: true,
            ..Default::default()
        },
    )?;
    let t = Instant::now();
    let mut written = crate::export::ExportSummary::default();
    crate::export::packs::write_packs(
        &record,
        &out_dir,
        false,
        &mut written,
        &mut |_, _| {},
        &Cancel::new(),
    )?;
    let pdf_elapsed = t.elapsed().as_secs_f64();
    drop(record);

    progress("verifying the audit chain");
    let t = Instant::now();
    let audit_events = match store.verify()? {
        crate::store::Verification::Intact { events, .. } => events,
        crate::store::Verification::Broken { seq, problem } => {
            return Err(Error::Conflict(format!(
                "benchmark audit chain broken at {seq}: {problem}"
            )))
        }
        crate::store::Verification::DataDiffers { row, problem, .. } => {
            return Err(Error::Conflict(format!(
                "benchmark data differs from its log: {row} {problem}"
            )))
        }
    };
    let verify_ms = ms(t.elapsed());

    progress("importing job descriptions in every format");
    let import = formats::run();

    let normal_p50 = percentile(&mut normal_samples.clone(), 50.0);
    let normal_p99 = percentile(&mut normal_samples, 99.0);
    let save_p50 = percentile(&mut save_samples.clone(), 50.0);
    let save_p99 = percentile(&mut save_samples, 99.0);
    let bare_p50 = percentile(&mut bare_samples.clone(), 50.0);
    let bare_p99 = percentile(&mut bare_samples, 99.0);
    let board_ms = percentile(&mut board_samples, 50.0);
    let bare_scan_ms = percentile(&mut scan_samples, 50.0);
    let targets = vec![
        (
            "save_score_p99 <= 2x bare_insert_p99".to_owned(),
            save_p99 <= 2.0 * bare_p99,
        ),
        ("save_score_p99 <= 5 ms".to_owned(), save_p99 <= 5.0),
        (
            "board <= 3x bare_scan".to_owned(),
            board_ms <= 3.0 * bare_scan_ms,
        ),
        ("board <= 50 ms".to_owned(), board_ms <= 50.0),
        (
            "pdf_pages_per_s >= 500".to_owned(),
            written.pdf_pages as f64 / pdf_elapsed >= 500.0,
        ),
        ("csv_all <= 0.5 s".to_owned(), csv_all_s <= 0.5),
    ];
    let targets = targets
        .into_iter()
        .chain(import.iter().map(|f| {
            (
                format!("import {} <= {} ms", f.document, f.target_ms),
                f.ms <= f.target_ms,
            )
        }))
        .collect();
    Ok(BenchReport {
        candidates: options.candidates,
        scores: rows_scanned,
        save_score_p50_ms: save_p50,
        save_score_p99_ms: save_p99,
        save_score_sync_normal_p50_ms: normal_p50,
        save_score_sync_normal_p99_ms: normal_p99,
        save_score_sync_full_p50_ms: save_p50,
        save_score_sync_full_p99_ms: save_p99,
        bare_insert_p50_ms: bare_p50,
        bare_insert_p99_ms: bare_p99,
        bulk_scores_per_s: bulk_saved as f64 / bulk_elapsed.as_secs_f64(),
        board_ms,
        packed_board_ms: board_open.packed_ms,
        packed_board_json_bytes: board_open.packed_bytes,
        board_summary_ms: board_open.summary_ms,
        board_summary_json_bytes: board_open.summary_bytes,
        board_window_ms: board_open.window_ms,
        board_window_json_bytes: board_open.window_bytes,
        board_flags_ms: board_open.flags_ms,
        bare_scan_ms,
        audit_events,
        verify_ms,
        pdf_pages_per_s: written.pdf_pages as f64 / pdf_elapsed,
        pdf_pages: written.pdf_pages,
        csv_all_s,
        import,
        peak_rss_mb: peak_rss_mb(),
        targets,
    })
}

/// Rows the board's screen asks for with the summary and in each further window
/// (`ui/src/screens/moderation/windows.ts`): a screenful and the rows either side of it.
pub const BOARD_FIRST_WINDOW: u32 = 60;

/// Medians of opening the board whole and a window at a time.
struct BoardOpen {
    packed_ms: f64,
    packed_bytes: usize,
    summary_ms: f64,
    summary_bytes: usize,
    window_ms: f64,
    window_bytes: usize,
    flags_ms: f64,
}

/// What opening the moderation board costs the core, whole (as the app once sent it) and a
/// window at a time (as it sends it now), JSON encoding included: the app's share of the
/// screen's wait, beside the size WebKit then moves and parses.
fn bench_board_open(
    store: &Store,
    campaign: CampaignId,
    settings: &FlagSettings,
) -> Result<BoardOpen> {
    use crate::scoring::board_window::{BoardFilter, BoardKey};
    let (mut packed, mut summary, mut window, mut flags) = (vec![], vec![], vec![], vec![]);
    let (mut packed_bytes, mut summary_bytes, mut window_bytes) = (0, 0, 0);
    let all = BoardFilter::default();
    for _ in 0..5 {
        let t = Instant::now();
        packed_bytes = json_len(&store.packed_board(campaign, settings)?)?;
        packed.push(ms(t.elapsed()));

        let t = Instant::now();
        let key = BoardKey {
            campaign_id: campaign,
            settings: *settings,
            audit_head: store.audit_head()?,
            viewer: "bench".into(),
        };
        let view = store.board_view(key)?;
        summary_bytes = json_len(&view.summary(&all, BOARD_FIRST_WINDOW)?)?;
        summary.push(ms(t.elapsed()));

        let t = Instant::now();
        let middle = view.packed().rows.len() as u32 / 2;
        window_bytes = json_len(&view.window(&all, middle, BOARD_FIRST_WINDOW)?)?;
        window.push(ms(t.elapsed()));

        let t = Instant::now();
        let first = view.packed().rows.iter().find(|r| !r.flags.is_empty());
        let ids: Vec<CandidateId> = first
            .map(|r| r.result.row.candidate_id)
            .into_iter()
            .collect();
        std::hint::black_box(json_len(&view.flags_of(&ids)?)?);
        flags.push(ms(t.elapsed()));
    }
    Ok(BoardOpen {
        packed_ms: percentile(&mut packed, 50.0),
        packed_bytes,
        summary_ms: percentile(&mut summary, 50.0),
        summary_bytes,
        window_ms: percentile(&mut window, 50.0),
        window_bytes,
        flags_ms: percentile(&mut flags, 50.0),
    })
}

/// The length of `value` as JSON, encoded as the app's IPC encodes it.
fn json_len<T: Serialize>(value: &T) -> Result<usize> {
    serde_json::to_vec(value)
        .map(|bytes| bytes.len())
        .map_err(|e| Error::Conflict(format!("benchmark board cannot be encoded: {e}")))
}
