//! `panelmark --db postgres://… bench` at a small size: the same code as the full benchmark
//! (20 candidates, 3 writers), checking the report's structure, that the audit chain is
//! recomputed after the load, that a tampered chain fails the run, and that the scratch
//! database and its logins are gone afterwards. No timing is asserted here.

mod pg_support;

use std::str::FromStr;

use panelmark::bench::shared::{self, SharedBenchOptions};
use postgres::{Config, NoTls};

const SUITE: &str = "pg_bench";

fn small() -> SharedBenchOptions {
    SharedBenchOptions {
        candidates: 20,
        writers: 3,
        single_saves: 20,
        saves_each: 10,
        pace_min_gap_ms: 20,
        ..Default::default()
    }
}

/// The scratch database's name, from the first progress message.
fn scratch_name(phase: &str) -> Option<String> {
    phase
        .strip_prefix("scratch database ")
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
}

/// Databases and logins the benchmark left behind with this name.
fn leftovers(url: &str, dbname: &str) -> (i64, i64) {
    let mut server = Config::from_str(url).unwrap().connect(NoTls).unwrap();
    let logins = format!("pmb{}\\_%", &dbname["panelmark_bench".len()..]);
    let row = server
        .query_one(
            "SELECT (SELECT count(*) FROM pg_database WHERE datname = $1),
                    (SELECT count(*) FROM pg_roles WHERE rolname LIKE $2)",
            &[&dbname, &logins],
        )
        .unwrap();
    (row.get(0), row.get(1))
}

#[test]
fn a_small_run_reports_every_figure_and_verifies_the_chain() {
    let Some(url) = pg_support::admin_url(SUITE) else {
        return;
    };
    let mut phases = Vec::new();
    let report = shared::run(&url, &small(), |p| phases.push(p.to_owned())).unwrap();
    let dbname = scratch_name(&phases[0]).expect("the first phase names the scratch database");
    assert!(phases.iter().any(|p| p == "verifying the audit chain"));

    // One panel of three (a chair, two members), each their own login; 20 × 3 × 8 scores.
    assert_eq!((report.candidates, report.assessors), (20, 3));
    assert_eq!(report.scores, 20 * 3 * 8);
    let counts: Vec<(usize, usize)> = report
        .saves
        .iter()
        .map(|s| (s.writers, s.samples))
        .collect();
    assert_eq!(counts, [(1, 20), (3, 30), (3, 30)]);
    let paces: Vec<Option<f64>> = report.saves.iter().map(|s| s.mean_gap_ms).collect();
    // 20 ms at least, up to 10 ms more at random (the person's pace scaled down).
    assert_eq!(paces, [None, None, Some(25.0)]);
    for s in &report.saves {
        for figure in [s.save_p50_ms, s.save_p99_ms, s.floor_p50_ms, s.floor_p99_ms] {
            assert!(figure.is_finite() && figure > 0.0, "{s:?}");
        }
        assert!(s.save_p50_ms <= s.save_p99_ms && s.floor_p50_ms <= s.floor_p99_ms);
        assert_eq!(s.p99_ratio, s.save_p99_ms / s.floor_p99_ms);
    }
    for figure in [
        report.board_ms,
        report.bare_scan_ms,
        report.moderator_scan_ms,
    ] {
        assert!(figure.is_finite() && figure > 0.0, "{report:?}");
    }
    // Every draft, every submission (one event per score) and every agreed score is in the
    // chain that was recomputed, besides the set-up.
    assert!(
        report.audit_events > (480 + 480 + 20 * 8) as i64,
        "{report:?}"
    );
    assert!(report.verify_ms > 0.0);
    assert!(!report.server.fsync.is_empty());
    let names: Vec<&str> = report.targets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "save p99, 1 writer <= 2x bare insert p99",
            "save p99, 1 writer <= 10 ms",
            "save p99, 3 writers <= 2x bare insert p99",
            "save p99, 3 writers <= 10 ms",
            "save p99, 3 writers saving 25 ms apart <= 2x bare insert p99",
            "save p99, 3 writers saving 25 ms apart <= 10 ms",
            "board <= 3x bare scan",
            "audit chain intact after the load",
        ]
    );
    assert_eq!(
        leftovers(&url, &dbname),
        (0, 0),
        "the scratch database and logins are dropped"
    );
}

#[test]
fn a_tampered_chain_fails_the_run_loudly() {
    let Some(url) = pg_support::admin_url(SUITE) else {
        return;
    };
    let mut dbname = None;
    let result = shared::run(&url, &small(), |phase| {
        if let Some(name) = scratch_name(phase) {
            dbname = Some(name);
        }
        if phase == "verifying the audit chain" {
            // Someone with the server's superuser rewrites an event behind the triggers' back.
            let mut config = Config::from_str(&url).unwrap();
            config.dbname(dbname.as_deref().unwrap());
            let mut client = config.connect(NoTls).unwrap();
            client
                .batch_execute(
                    "ALTER TABLE panelmark.audit_log DISABLE TRIGGER append_only;
                     UPDATE panelmark.audit_log SET actor = 'someone_else' WHERE seq = 3;
                     ALTER TABLE panelmark.audit_log ENABLE TRIGGER append_only;",
                )
                .unwrap();
        }
    });
    let err = result.expect_err("a tampered chain fails the benchmark");
    let message = err.to_string();
    assert!(
        message.contains("BROKEN") && message.contains("event 3"),
        "{message}"
    );
    assert_eq!(leftovers(&url, &dbname.unwrap()), (0, 0));
}
