//! The writer for the crash trials (`make crash-trials`, scripts/crash-trials.sh).
//!
//! `crash_writer setup DB` creates a campaign in scoring with one panel of two assessors,
//! 2,000 candidates and five criteria: 20,000 score slots. `crash_writer write DB START`
//! saves draft scores through the library into slot START, START+1, … and prints `ack N`
//! after each save returns, until it is killed. `crash_writer check DB ACKS` checks that every
//! slot named in the ACKS file holds its score, that `PRAGMA integrity_check` is ok and that
//! the audit chain verifies.

use std::io::Write;
use std::path::Path;

use panelmark::model::{
    AssessorId, AssessorRole, CampaignId, CandidateId, Criterion, CriterionKind, Mark, Priority,
    Role, Scale, ScoreInput, Scorecard,
};
use panelmark::session::Session;
use panelmark::store::{Store, Verification};

const CANDIDATES: i64 = 2_000;
const ASSESSORS: i64 = 2;
const CRITERIA: i64 = 5;
/// The file's first user, so its HR administrator, who sets the campaign up.
const ACTOR: &str = "crash-writer";
/// The assessors' logins, in assessor id order (1, 2).
const ASSESSOR_LOGINS: [&str; ASSESSORS as usize] = ["chair", "member"];
const CAMPAIGN: CampaignId = CampaignId(1);

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn role() -> Role {
    Role {
        title: "Crash trial".into(),
        grade: None,
        reference: None,
        source: None,
        criteria: (1..=CRITERIA)
            .map(|i| Criterion {
                kind: CriterionKind::Behaviour,
                name: format!("Criterion {i}"),
                group: None,
                priority: Priority::Essential,
                code: None,
                level: None,
                indicators: Vec::new(),
            })
            .collect(),
    }
}

fn setup(db: &Path) -> Result<()> {
    let mut hr = Session::sign_in(Store::open(db)?, ACTOR, None)?;
    let role = role();
    let role_id = hr.create_role(&role)?;
    let card = Scorecard::from_role("Crash trial", &role, Scale::civil_service(), Some(4));
    let card_id = hr.create_scorecard(Some(role_id), &card)?;
    let campaign = hr.create_campaign("Crash trial", card_id)?;
    assert_eq!(campaign, CAMPAIGN, "setup needs a new database");
    let panel = hr.add_panel(campaign, "Panel")?;
    for (login, role) in ASSESSOR_LOGINS
        .into_iter()
        .zip([AssessorRole::Chair, AssessorRole::Member])
    {
        hr.add_person(campaign, login, login, role, Some(panel))?;
    }
    let mut csv = String::from("reference,name,panel\n");
    for i in 0..CANDIDATES {
        csv.push_str(&format!("T-{i:05},Candidate {i},Panel\n"));
    }
    hr.import_candidates(campaign, "trial.csv", csv.as_bytes())?;
    hr.start_scoring(campaign)?;
    Ok(())
}

/// Slot `n`'s candidate id, assessor id, criterion key and value (ids as `setup` made them).
fn slot(n: i64) -> (CandidateId, AssessorId, String, i32) {
    let candidate = n / (ASSESSORS * CRITERIA) + 1;
    let assessor = (n / CRITERIA) % ASSESSORS + 1;
    let key = format!("c{}", n % CRITERIA + 1);
    (
        CandidateId(candidate),
        AssessorId(assessor),
        key,
        (n % 7 + 1) as i32,
    )
}

fn write(db: &Path, start: i64) -> Result<()> {
    // Each assessor saves their own scores, as in the app: one session (and connection) each.
    let mut sessions = ASSESSOR_LOGINS
        .into_iter()
        .map(|login| Ok(Session::sign_in(Store::open(db)?, login, None)?))
        .collect::<Result<Vec<_>>>()?;
    let mut out = std::io::stdout().lock();
    for n in start..CANDIDATES * ASSESSORS * CRITERIA {
        let (candidate_id, assessor_id, criterion_key, value) = slot(n);
        sessions[(assessor_id.0 - 1) as usize].save_score(
            CAMPAIGN,
            &ScoreInput {
                candidate_id,
                assessor_id,
                criterion_key,
                mark: Mark::Point(value).into(),
                evidence: format!("Trial save {n}"),
                indicators: Vec::new(),
            },
        )?;
        // Only now is the save acknowledged, as the UI would show it saved.
        writeln!(out, "ack {n}")?;
        out.flush()?;
    }
    Ok(())
}

fn check(db: &Path, acks: &Path) -> Result<()> {
    // The rows are read with plain SQL: the check trusts nothing of the library but the chain.
    let conn = rusqlite::Connection::open(db)?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(format!("integrity_check: {integrity}").into());
    }
    let mut checked = 0;
    for line in std::fs::read_to_string(acks)?.lines() {
        let Some(n) = line
            .strip_prefix("ack ")
            .and_then(|n| n.parse::<i64>().ok())
        else {
            continue;
        };
        let (candidate, assessor, key, value) = slot(n);
        let stored: Option<i32> = conn
            .query_row(
                "SELECT value FROM scores WHERE candidate_id = ?1 AND assessor_id = ?2 AND criterion_key = ?3",
                rusqlite::params![candidate, assessor, key],
                |r| r.get(0),
            )
            .ok();
        if stored != Some(value) {
            return Err(
                format!("acknowledged save {n} lost: stored {stored:?}, saved {value}").into(),
            );
        }
        checked += 1;
    }
    match Session::sign_in(Store::open(db)?, ACTOR, None)?.verify()? {
        Verification::Intact { events, .. } => {
            println!("ok: {checked} acknowledged saves present, integrity ok, chain intact ({events} events)");
            Ok(())
        }
        Verification::Broken { seq, problem } => {
            Err(format!("audit chain broken at {seq}: {problem}").into())
        }
        Verification::DataDiffers { row, problem, .. } => {
            Err(format!("data differs from the log after a crash: {row} {problem}").into())
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[1..] {
        ["setup", db] => setup(Path::new(db)),
        ["write", db, start] => start
            .parse()
            .map_err(|e| format!("START: {e}").into())
            .and_then(|s| write(Path::new(db), s)),
        ["check", db, acks] => check(Path::new(db), Path::new(acks)),
        _ => Err("usage: crash_writer setup DB | write DB START | check DB ACKS".into()),
    };
    if let Err(e) = result {
        eprintln!("crash_writer: {e}");
        std::process::exit(1);
    }
}
