//! `panelmark --db postgres://… bench`: the shared backend measured beside the same server's
//! floor, in the same run.
//!
//! In a scratch database of its own (module `scratch`) it sets up a campaign as its HR
//! administrator would, with one login per panel member, and loads it through the real paths:
//! every member saves, submits and (chairs) agrees through their own [`Session`] on their own
//! connection, so every row passes the server's row security, guard triggers and audit chain.
//! Then it measures:
//! - saving one score (`Session::save_score` through `PgStore`) with 1 writer and with
//!   `writers` writers at once, each its own login and panel member record, beside the floor: a
//!   bare `INSERT` + commit of a same-sized row into a plain table (no triggers, no row
//!   security) on the same server with the same concurrency; then the same writers at a
//!   person's pace (each save at least the app's autosave debounce after their last), beside
//!   the floor at the same pace;
//! - the moderator's board (`Session::board_view`: the moderator check, the audit head, every
//!   row of the campaign in one snapshot, results and flags) beside a bare scan of the same
//!   score rows read into Rust;
//! - the audit chain after the load, recomputed in Rust: a broken chain fails the run.
//!
//! It needs a superuser login: it creates a database and logins, and drops them at the end.

mod scratch;
mod writers;

use crate::model::Mark;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{bench_role, ms, peak_rss_mb, percentile, score_for, EVIDENCE};
use crate::model::{
    AssessorId, AssessorRole, CampaignId, CandidateId, Decision, Scale, ScoreInput, Scorecard,
};
use crate::session::Session;
use crate::store::postgres::audit_chain::{self, ChainCheck};
use crate::store::postgres::users::AppRole;
use crate::store::postgres::PgError;
use crate::{Error, Result};
use scratch::Scratch;
use writers::Pace;

/// The targets the issue sets.
const SAVE_P99_MAX_MS: f64 = 10.0;
const SAVE_TO_FLOOR_MAX: f64 = 2.0;
const BOARD_TO_SCAN_MAX: f64 = 3.0;

/// Drafts per transaction while loading the campaign (ten candidates' worth).
const LOAD_BATCH: usize = 80;
/// Candidates per submission transaction of a member.
const SUBMIT_BATCH: usize = 10;
/// Candidates per agreement transaction of a chair.
const AGREE_BATCH: usize = 10;
/// Runs of the board and of each scan; the median is reported.
const BOARD_RUNS: usize = 5;
/// The least gap between one person's saves: the app sends a criterion's save after 400 ms
/// without a change (`ui/src/lib/components/scoring/autosave.ts`).
const PERSON_MIN_GAP_MS: u64 = 400;

/// Size of the shared benchmark.
#[derive(Debug, Clone)]
pub struct SharedBenchOptions {
    /// Candidates (5,000).
    pub candidates: usize,
    /// Assessors per panel (3).
    pub assessors_per_panel: usize,
    /// Criteria (8).
    pub criteria: usize,
    /// Indicators per criterion (5).
    pub indicators: usize,
    /// Candidates per panel (500); more panels are made when `writers` needs them.
    pub candidates_per_panel: usize,
    /// Writers at once in the concurrent measurement (30), each a panel member of its own.
    pub writers: usize,
    /// Timed saves of the single writer (1,000).
    pub single_saves: usize,
    /// Timed saves of each concurrent writer (100), as fast as they go and again at a
    /// person's pace.
    pub saves_each: usize,
    /// The least gap between one paced writer's saves (400 ms, the app's autosave debounce;
    /// up to half as much again at random); a test makes it shorter.
    pub pace_min_gap_ms: u64,
}

impl Default for SharedBenchOptions {
    fn default() -> Self {
        SharedBenchOptions {
            candidates: 5_000,
            assessors_per_panel: 3,
            criteria: 8,
            indicators: 5,
            candidates_per_panel: 500,
            writers: 30,
            single_saves: 1_000,
            saves_each: 100,
            pace_min_gap_ms: PERSON_MIN_GAP_MS,
        }
    }
}

/// The server measured (its settings decide what a commit costs).
#[derive(Debug, Clone, Serialize)]
pub struct ServerFacts {
    /// `server_version`.
    pub version: String,
    /// `fsync`: whether commits reach the disk.
    pub fsync: String,
    /// `synchronous_commit`.
    pub synchronous_commit: String,
}

/// One save measurement beside its floor (milliseconds).
#[derive(Debug, Clone, Serialize)]
pub struct SaveFigures {
    /// Writers at once.
    pub writers: usize,
    /// `None`: each writer saved again as soon as its last save returned. A number: each saved
    /// at a person's pace, this many ms apart on average (at least the app's autosave debounce),
    /// and each sample is from when the save was due.
    pub mean_gap_ms: Option<f64>,
    /// Timed saves (and as many floor inserts).
    pub samples: usize,
    /// Median `Session::save_score`.
    pub save_p50_ms: f64,
    /// Its 99th percentile.
    pub save_p99_ms: f64,
    /// Median bare INSERT + commit.
    pub floor_p50_ms: f64,
    /// Its 99th percentile.
    pub floor_p99_ms: f64,
    /// `save_p99_ms / floor_p99_ms`.
    pub p99_ratio: f64,
}

/// Measured figures of the shared backend.
#[derive(Debug, Clone, Serialize)]
pub struct SharedBenchReport {
    /// The server.
    pub server: ServerFacts,
    /// Candidates in the campaign.
    pub candidates: usize,
    /// Panel members (each a login of its own).
    pub assessors: usize,
    /// Criteria per candidate.
    pub criteria: usize,
    /// Submitted scores the board reads (candidates × panel members × criteria).
    pub scores: usize,
    /// Setting up: scratch database, `server init`, logins, the campaign (seconds).
    pub setup_s: f64,
    /// Loading the drafts through every member's session, all members at once (seconds).
    pub load_drafts_s: f64,
    /// Drafts per second while loading (each through row security and its audit event).
    pub load_drafts_per_s: f64,
    /// Every member submitting each of their candidates, all at once (seconds).
    pub submit_s: f64,
    /// Every chair recording the agreed scores, all at once (seconds).
    pub agree_s: f64,
    /// Saving one score with 1 writer, then with `writers` at once, then with `writers` at a
    /// person's pace.
    pub saves: Vec<SaveFigures>,
    /// Median of the moderator's board (`Session::board_view`).
    pub board_ms: f64,
    /// Median bare scan of the campaign's submitted scores as the superuser (no row
    /// security), read into Rust: the floor.
    pub bare_scan_ms: f64,
    /// The same scan as the moderator's login (through row security), for comparison.
    pub moderator_scan_ms: f64,
    /// `board_ms / bare_scan_ms`.
    pub board_ratio: f64,
    /// Events in the audit chain after the load.
    pub audit_events: i64,
    /// Recomputing the whole chain in Rust (it is intact, or the run failed).
    pub verify_ms: f64,
    /// The whole run, scratch database to verification (seconds).
    pub wall_s: f64,
    /// Peak resident memory of this process.
    pub peak_rss_mb: f64,
    /// Whether each target holds.
    pub targets: Vec<(String, bool)>,
}

/// A panel member of the benchmark campaign and what they save.
struct Writer {
    login: String,
    assessor: AssessorId,
    chair: bool,
    /// The candidates of their panel.
    candidates: Vec<CandidateId>,
    /// Drafts saved while loading.
    load: Vec<ScoreInput>,
    /// Saves timed with one writer (the first is the untimed warm-up); writer 0 only.
    single: Vec<ScoreInput>,
    /// Saves timed with every writer at once (the first is the warm-up).
    concurrent: Vec<ScoreInput>,
}

/// Runs the shared benchmark against the server `url` names (a superuser login). `progress`
/// is told each phase; the first names the scratch database.
pub fn run(
    url: &str,
    options: &SharedBenchOptions,
    mut progress: impl FnMut(&str),
) -> Result<SharedBenchReport> {
    if options.candidates < panel_count(options) || options.criteria == 0 {
        return Err(Error::invalid(
            "--candidates",
            format!(
                "the benchmark needs at least one candidate per panel ({} panels for {} writers) \
                 and at least one criterion",
                panel_count(options),
                options.writers
            ),
        ));
    }
    let started = Instant::now();
    let mut scratch = Scratch::create(url)?;
    progress(&format!(
        "scratch database {} (dropped at the end)",
        scratch.dbname
    ));
    let server = ServerFacts {
        version: scratch.setting("server_version")?,
        fsync: scratch.setting("fsync")?,
        synchronous_commit: scratch.setting("synchronous_commit")?,
    };

    progress("setting up the campaign as its HR administrator");
    let (campaign, mut writers, moderator, hr) = set_up(&mut scratch, options)?;
    let setup_s = started.elapsed().as_secs_f64();

    progress("loading drafts through every member's session");
    let t = Instant::now();
    writers::each(&writers, |w| {
        let mut session = sign_in(&scratch, &w.login)?;
        session.confirm_no_conflicts(campaign)?;
        for batch in w.load.chunks(LOAD_BATCH) {
            session.save_scores(campaign, batch)?;
        }
        Ok(())
    })?;
    let load_drafts_s = t.elapsed().as_secs_f64();
    let loaded: usize = writers.iter().map(|w| w.load.len()).sum();

    let concurrent = options.writers.min(writers.len()).max(1);
    let single_count = writers[0].single.len().saturating_sub(1);
    let each_count = writers[0].concurrent.len().saturating_sub(1);
    scratch.create_floor_table(&writers[..concurrent])?;
    // Up to half the least gap more at random keeps the writers out of step.
    let min_gap = Duration::from_millis(options.pace_min_gap_ms);
    let pace = Pace {
        min_gap,
        jitter: min_gap / 2,
    };
    let mut saves = Vec::new();
    for (count, per_writer, phase, pace) in [
        (1, single_count, Phase::Single, None),
        (concurrent, each_count, Phase::Concurrent, None),
        (concurrent, each_count, Phase::Paced, Some(pace)),
    ] {
        let how = match pace {
            None => format!("{count} at once"),
            Some(p) => format!("{count} at a person's pace ({} ms apart)", ms(p.mean_gap())),
        };
        progress(&format!("bare inserts, {how}"));
        let floor = time_floor(&scratch, &writers, count, per_writer, phase, pace)?;
        progress(&format!("saving scores, {how}"));
        let save = time_saves(&scratch, &writers, campaign, count, per_writer, phase, pace)?;
        saves.push(figures(count, pace, save, floor));
    }

    progress("submitting every member's scores");
    let t = Instant::now();
    writers::each(&writers, |w| {
        let mut session = sign_in(&scratch, &w.login)?;
        for batch in w.candidates.chunks(SUBMIT_BATCH) {
            session.submit_scores_for(campaign, batch)?;
        }
        Ok(())
    })?;
    let submit_s = t.elapsed().as_secs_f64();

    progress("recording the panels' agreed scores");
    let t = Instant::now();
    let keys = criterion_keys(options);
    writers.retain(|w| w.chair);
    writers::each(&writers, |w| {
        let mut session = sign_in(&scratch, &w.login)?;
        for batch in w.candidates.chunks(AGREE_BATCH) {
            let decisions: Vec<Decision> = batch
                .iter()
                .flat_map(|&candidate| {
                    keys.iter().map(move |key| Decision {
                        candidate_id: candidate,
                        criterion_key: key.clone(),
                        mark: Mark::Point(4).into(),
                        text: "Agreed after discussion".into(),
                        by: w.assessor,
                    })
                })
                .collect();
            session.agree_scores(campaign, &decisions)?;
        }
        Ok(())
    })?;
    let agree_s = t.elapsed().as_secs_f64();
    sign_in(&scratch, &hr)?.start_moderation(campaign)?;

    progress("moderation board beside a bare scan");
    let board = time_board(&scratch, campaign, &moderator)?;
    let expected = options.candidates * options.assessors_per_panel.max(1) * options.criteria;
    if board.rows != expected {
        return Err(Error::Conflict(format!(
            "the server holds {} submitted scores; the benchmark saved {expected}",
            board.rows
        )));
    }

    progress("verifying the audit chain");
    let t = Instant::now();
    let audit_events = match audit_chain::verify(&mut scratch.admin_client()?)? {
        ChainCheck::Intact { events, .. } => events,
        ChainCheck::Broken { seq, reason } => {
            return Err(Error::Conflict(format!(
                "the audit chain is BROKEN after the benchmark's load, at event {seq}: {reason}"
            )))
        }
    };
    let verify_ms = ms(t.elapsed());

    let board_ratio = board.board_ms / board.bare_scan_ms;
    let mut targets = Vec::new();
    for s in &saves {
        let who = match (s.writers, s.mean_gap_ms) {
            (1, _) => "1 writer".to_owned(),
            (n, None) => format!("{n} writers"),
            (n, Some(gap)) => format!("{n} writers saving {gap:.0} ms apart"),
        };
        targets.push((
            format!("save p99, {who} <= {SAVE_TO_FLOOR_MAX}x bare insert p99"),
            s.p99_ratio <= SAVE_TO_FLOOR_MAX,
        ));
        targets.push((
            format!("save p99, {who} <= {SAVE_P99_MAX_MS} ms"),
            s.save_p99_ms <= SAVE_P99_MAX_MS,
        ));
    }
    targets.push((
        format!("board <= {BOARD_TO_SCAN_MAX}x bare scan"),
        board_ratio <= BOARD_TO_SCAN_MAX,
    ));
    targets.push(("audit chain intact after the load".to_owned(), true));
    Ok(SharedBenchReport {
        server,
        candidates: options.candidates,
        assessors: writers_total(options),
        criteria: options.criteria,
        scores: board.rows,
        setup_s,
        load_drafts_s,
        load_drafts_per_s: loaded as f64 / load_drafts_s,
        submit_s,
        agree_s,
        saves,
        board_ms: board.board_ms,
        bare_scan_ms: board.bare_scan_ms,
        moderator_scan_ms: board.moderator_scan_ms,
        board_ratio,
        audit_events,
        verify_ms,
        wall_s: started.elapsed().as_secs_f64(),
        peak_rss_mb: peak_rss_mb(),
        targets,
    })
}

fn sign_in(scratch: &Scratch, login: &str) -> Result<Session> {
    Session::sign_in(scratch.store_as(login)?, login, None)
}

fn criterion_keys(options: &SharedBenchOptions) -> Vec<String> {
    scorecard(options)
        .criteria
        .iter()
        .map(|c| c.key.clone())
        .collect()
}

fn scorecard(options: &SharedBenchOptions) -> Scorecard {
    let role = bench_role(&super::BenchOptions {
        criteria: options.criteria,
        indicators: options.indicators,
        ..Default::default()
    });
    Scorecard::from_role(
        "Benchmark scorecard",
        &role,
        Scale::civil_service(),
        Some(4),
    )
}

/// Panels: enough for the candidates, and for the writers to each be a member of one.
fn panel_count(options: &SharedBenchOptions) -> usize {
    let per_panel = options.assessors_per_panel.max(1);
    options
        .candidates
        .div_ceil(options.candidates_per_panel.max(1))
        .max(options.writers.div_ceil(per_panel))
        .max(1)
}

fn writers_total(options: &SharedBenchOptions) -> usize {
    panel_count(options) * options.assessors_per_panel.max(1)
}

/// Creates the logins and, as the HR administrator, the campaign in its scoring phase: the
/// role, scorecard, panels, members (one login each), a moderator and the candidates spread
/// evenly over the panels. Returns the campaign, its writers, the moderator's login and HR's.
fn set_up(
    scratch: &mut Scratch,
    options: &SharedBenchOptions,
) -> Result<(CampaignId, Vec<Writer>, String, String)> {
    let per_panel = options.assessors_per_panel.max(1);
    let panels = panel_count(options);
    let hr_login = scratch.add_login("hr", AppRole::HrAdmin, "Benchmark HR")?;
    let moderator = scratch.add_login("mod", AppRole::Moderator, "Benchmark moderator")?;
    let mut hr = sign_in(scratch, &hr_login)?;
    let card = scorecard(options);
    let role = bench_role(&super::BenchOptions {
        criteria: options.criteria,
        indicators: options.indicators,
        ..Default::default()
    });
    let role_id = hr.create_role(&role)?;
    let card_id = hr.create_scorecard(Some(role_id), &card)?;
    let campaign = hr.create_campaign("Benchmark campaign", card_id)?;
    let mut members = Vec::new();
    for p in 0..panels {
        let panel = hr.add_panel(campaign, &format!("Panel {}", p + 1))?;
        for s in 0..per_panel {
            let login = scratch.add_login(
                &format!("a{}_{}", p + 1, s + 1),
                AppRole::Assessor,
                &format!("Assessor {}.{}", p + 1, s + 1),
            )?;
            let role = if s == 0 {
                AssessorRole::Chair
            } else {
                AssessorRole::Member
            };
            let id = hr.add_assessor(campaign, &login, role, Some(panel))?;
            members.push((login, id, s == 0, p));
        }
    }
    hr.add_assessor(campaign, &moderator, AssessorRole::Moderator, None)?;
    let panel_of = |i: usize| i * panels / options.candidates.max(1);
    let mut csv = String::from("reference,name,email,panel\n");
    for i in 0..options.candidates {
        csv.push_str(&format!(
            "B-{i:05},Candidate Ł{i},c{i}@example.org,Panel {}\n",
            panel_of(i) + 1
        ));
    }
    hr.import_candidates(campaign, "bench.csv", csv.as_bytes())?;
    hr.start_scoring(campaign)?;
    let mut by_panel: HashMap<usize, Vec<CandidateId>> = HashMap::new();
    for c in hr.candidates(campaign)? {
        let index: usize = c.reference[2..].parse().unwrap_or(0);
        by_panel.entry(panel_of(index)).or_default().push(c.id);
    }
    drop(hr);
    let keys = criterion_keys(options);
    let writers = members
        .into_iter()
        .enumerate()
        .map(|(w, (login, assessor, chair, panel))| {
            let candidates = by_panel.get(&panel).cloned().unwrap_or_default();
            let (single, concurrent) = (
                if w == 0 { options.single_saves + 1 } else { 0 },
                if w < options.writers {
                    options.saves_each + 1
                } else {
                    0
                },
            );
            let mut slots: Vec<ScoreInput> = candidates
                .iter()
                .flat_map(|&c| {
                    keys.iter()
                        .enumerate()
                        .map(move |(k, key)| score_for(c, assessor, key, k, options.indicators))
                })
                .collect();
            // The timed saves take the panel's last slots (over again, as updates, when a
            // small campaign has fewer than they need); loading saves the rest.
            let mut timed: Vec<ScoreInput> = slots
                .iter()
                .rev()
                .cycle()
                .take(if slots.is_empty() {
                    0
                } else {
                    single + concurrent
                })
                .cloned()
                .collect();
            slots.truncate(slots.len().saturating_sub(single + concurrent));
            let concurrent = timed.split_off(single.min(timed.len()));
            Writer {
                login,
                assessor,
                chair,
                candidates,
                load: slots,
                single: timed,
                concurrent,
            }
        })
        .collect();
    Ok((campaign, writers, moderator, hr_login))
}

/// Which timed saves a phase uses.
#[derive(Debug, Clone, Copy)]
enum Phase {
    Single,
    Concurrent,
    /// The concurrent writers' drafts saved again (as a person's edits are), at their pace.
    Paced,
}

impl Phase {
    fn inputs(self, writer: &Writer) -> &[ScoreInput] {
        match self {
            Phase::Single => &writer.single,
            Phase::Concurrent | Phase::Paced => &writer.concurrent,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Phase::Single => "one",
            Phase::Concurrent => "many",
            Phase::Paced => "paced",
        }
    }
}

/// `count` writers at once, each saving `per_writer` scores of their own through their own
/// session (after one untimed warm-up save), at `pace`.
fn time_saves(
    scratch: &Scratch,
    writers: &[Writer],
    campaign: CampaignId,
    count: usize,
    per_writer: usize,
    phase: Phase,
    pace: Option<Pace>,
) -> Result<Vec<f64>> {
    writers::timed(
        count,
        per_writer,
        pace,
        |w| {
            let mut session = sign_in(scratch, &writers[w].login)?;
            if let Some(first) = phase.inputs(&writers[w]).first() {
                session.save_score(campaign, first)?;
            }
            Ok(session)
        },
        |session, w, i| {
            let input = &phase.inputs(&writers[w])[i + 1];
            session.save_score(campaign, input).map(drop)
        },
    )
}

impl Scratch {
    /// The floor's table: a score-sized row with the scores' key, no triggers, no row
    /// security; `writers` may insert.
    fn create_floor_table(&self, writers: &[Writer]) -> Result<()> {
        let mut client = self.admin_client()?;
        client
            .batch_execute(
                "CREATE TABLE public.bench_floor (
                     candidate_id BIGINT, assessor_id BIGINT, criterion_key TEXT, value INTEGER,
                     not_assessed BOOLEAN, evidence TEXT, indicators TEXT, status TEXT,
                     created_at TEXT, updated_at TEXT,
                     PRIMARY KEY (candidate_id, assessor_id, criterion_key))",
            )
            .map_err(PgError::from)?;
        for w in writers {
            client
                .batch_execute(&format!(
                    "GRANT INSERT ON public.bench_floor TO \"{}\"",
                    w.login
                ))
                .map_err(PgError::from)?;
        }
        Ok(())
    }
}

/// `count` writers at once, each on its own login's connection, each running `per_writer`
/// bare INSERT + commit transactions (after one untimed warm-up), at `pace`.
fn time_floor(
    scratch: &Scratch,
    writers: &[Writer],
    count: usize,
    per_writer: usize,
    phase: Phase,
    pace: Option<Pace>,
) -> Result<Vec<f64>> {
    let now = crate::store::timestamp(chrono::Utc::now());
    let insert = |client: &mut postgres::Client,
                  statement: &postgres::Statement,
                  w: usize,
                  i: i64|
     -> Result<()> {
        let mut tx = client.transaction().map_err(PgError::from)?;
        tx.execute(
            statement,
            &[
                &i,
                &(w as i64),
                &phase.label(),
                &4i32,
                &false,
                &EVIDENCE,
                &"ssssn",
                &"draft",
                &now,
                &now,
            ],
        )
        .map_err(PgError::from)?;
        tx.commit().map_err(PgError::from)?;
        Ok(())
    };
    writers::timed(
        count,
        per_writer,
        pace,
        |w| {
            let mut client = scratch.client_as(&writers[w].login)?;
            let statement = client
                .prepare(
                    "INSERT INTO public.bench_floor VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .map_err(PgError::from)?;
            insert(&mut client, &statement, w, -1)?;
            Ok((client, statement))
        },
        |(client, statement), w, i| insert(client, statement, w, i as i64),
    )
}

fn figures(
    writers: usize,
    pace: Option<Pace>,
    mut save: Vec<f64>,
    mut floor: Vec<f64>,
) -> SaveFigures {
    let save_p99_ms = percentile(&mut save, 99.0);
    let floor_p99_ms = percentile(&mut floor, 99.0);
    SaveFigures {
        writers,
        mean_gap_ms: pace.map(|p| ms(p.mean_gap())),
        samples: save.len(),
        save_p50_ms: percentile(&mut save, 50.0),
        save_p99_ms,
        floor_p50_ms: percentile(&mut floor, 50.0),
        floor_p99_ms,
        p99_ratio: save_p99_ms / floor_p99_ms,
    }
}

/// Medians of the board and of the scans beside it.
struct BoardFigures {
    board_ms: f64,
    bare_scan_ms: f64,
    moderator_scan_ms: f64,
    rows: usize,
}

/// The campaign's submitted scores, joined to its candidates: the rows the board is built on.
const SCAN_SQL: &str =
    "SELECT s.candidate_id, s.assessor_id, s.criterion_key, s.value, s.not_assessed,
                               s.has_evidence, s.indicators
                        FROM panelmark.scores s JOIN panelmark.candidates c ON c.id = s.candidate_id
                        WHERE c.campaign_id = $1 AND s.status = 'submitted'";

#[allow(clippy::type_complexity)]
fn scan(client: &mut postgres::Client, campaign: CampaignId) -> Result<usize> {
    let rows: Vec<(
        CandidateId,
        AssessorId,
        String,
        Option<i32>,
        bool,
        bool,
        String,
    )> = client
        .query(SCAN_SQL, &[&campaign])
        .map_err(PgError::from)?
        .iter()
        .map(|r| {
            (
                r.get(0),
                r.get(1),
                r.get(2),
                r.get(3),
                r.get(4),
                r.get(5),
                r.get(6),
            )
        })
        .collect();
    Ok(std::hint::black_box(rows).len())
}

/// The moderator opens the board [`BOARD_RUNS`] times, each beside a bare scan as the
/// superuser and the same scan as the moderator's login.
fn time_board(scratch: &Scratch, campaign: CampaignId, moderator: &str) -> Result<BoardFigures> {
    let session = sign_in(scratch, moderator)?;
    let settings = session.flag_settings(campaign)?;
    let mut admin = scratch.admin_client()?;
    let mut as_moderator = scratch.client_as(moderator)?;
    let (mut board, mut bare, mut moderated) = (Vec::new(), Vec::new(), Vec::new());
    let mut rows = 0;
    for _ in 0..BOARD_RUNS {
        let t = Instant::now();
        rows = scan(&mut admin, campaign)?;
        bare.push(ms(t.elapsed()));

        let t = Instant::now();
        let seen = scan(&mut as_moderator, campaign)?;
        moderated.push(ms(t.elapsed()));
        if seen != rows {
            return Err(Error::Conflict(format!(
                "the moderator reads {seen} submitted scores, the server holds {rows}"
            )));
        }

        let t = Instant::now();
        let view = session.board_view(campaign, &settings, None)?;
        board.push(ms(t.elapsed()));
        std::hint::black_box(view.packed().rows.len());
    }
    Ok(BoardFigures {
        board_ms: percentile(&mut board, 50.0),
        bare_scan_ms: percentile(&mut bare, 50.0),
        moderator_scan_ms: percentile(&mut moderated, 50.0),
        rows,
    })
}
