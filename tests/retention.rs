//! Retention: a campaign keeps personal data for its retention period after sign-off (or after
//! creation, if never signed off); past it, a purge erases every candidate's personal data and
//! evidence in one audited action and keeps the anonymised results. A clock the test moves
//! stands in for the months passing.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use panelmark::demo::{DemoOptions, MODERATOR_LOGIN};
use panelmark::session::Session;
use panelmark::store::{AuditFilter, Store, Verification};

const DAY: i64 = 24 * 60 * 60;

/// A store on `file` whose clock starts at 2026-12-01 09:00 UTC, moved on by `offset` seconds.
fn store_with_clock(file: &std::path::Path) -> (Store, Arc<AtomicI64>) {
    let offset = Arc::new(AtomicI64::new(0));
    let clock = offset.clone();
    let store = Store::open(file).unwrap().with_clock(Arc::new(move || {
        Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
            + chrono::Duration::seconds(clock.load(Ordering::SeqCst))
    }));
    (store, offset)
}

#[test]
fn a_campaign_past_its_retention_is_listed_and_purged_keeping_anonymised_results() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.db");
    let (store, offset) = store_with_clock(&file);
    let mut hr = Session::sign_in(store, "hr", Some("HR Admin")).unwrap();
    let campaign = hr
        .demo(&DemoOptions {
            candidates: 5,
            seed: 4,
        })
        .unwrap();
    // Results and statistics are the moderator's to read.
    let moderator = |hr: Session| Session::sign_in(hr.sign_out(), MODERATOR_LOGIN, None).unwrap();
    let hr_again = |m: Session| Session::sign_in(m.sign_out(), "hr", None).unwrap();
    let helen = moderator(hr);
    let results_before = helen.results(campaign).unwrap();
    let stats_before_purge = helen.stats(campaign).unwrap();
    let mut store = hr_again(helen);

    let status = store.campaign_retention(campaign).unwrap();
    assert_eq!(
        (status.months, status.from, status.due.as_str(), status.past),
        (24, "creation", "2028-12-01T09:00:00Z", false)
    );
    // Before the period ends a purge is refused, naming the date; nothing changes.
    let err = store.purge_campaign(campaign, "schedule R-12").unwrap_err();
    assert_eq!(
        err.to_string(),
        "campaign 1 keeps personal data until 2028-12-01T09:00:00Z (24 months from creation); \
         erase single candidates on request, or shorten the retention with a reason"
    );

    // Shortening needs a reason and a sane number of months.
    assert!(store
        .set_retention(campaign, 6, "  ")
        .unwrap_err()
        .to_string()
        .contains("retention.reason"));
    assert!(store
        .set_retention(campaign, 0, "typo")
        .unwrap_err()
        .to_string()
        .contains("0 is not between 1 and 120 months"));
    store
        .set_retention(
            campaign,
            6,
            "Local schedule: six months for unsuccessful rounds",
        )
        .unwrap();

    offset.store(183 * DAY, Ordering::SeqCst);
    let listed = store.retention().unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].past, "{listed:?}");
    assert_eq!(listed[0].due, "2027-06-01T09:00:00Z");

    let erased = store
        .purge_campaign(campaign, "Retention schedule R-12")
        .unwrap();
    assert_eq!(erased, 5);
    // Every candidate's name, evidence, rationale and reason gone; listed anonymised.
    let candidates = store.candidates(campaign).unwrap();
    let raw = rusqlite::Connection::open(&file).unwrap();
    assert_eq!(
        candidates.len(),
        5,
        "a purged campaign still lists its candidates"
    );
    assert!(candidates
        .iter()
        .all(|c| c.name == "Erased candidate" && c.email.is_none()));
    let texts: Vec<String> = raw
        .prepare(
            "SELECT name FROM candidates UNION ALL SELECT evidence FROM scores WHERE evidence <> ''
             UNION ALL SELECT rationale FROM agreed_scores UNION ALL SELECT reason FROM moderations",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        texts
            .iter()
            .all(|t| t == "Erased candidate" || t == "[erased on request]"),
        "{texts:?}"
    );
    let secrets: i64 = raw
        .query_row("SELECT count(*) FROM candidate_secrets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(secrets, 0);
    let totals = |rs: &[panelmark::scoring::results::CandidateResult]| {
        rs.iter()
            .map(|r| (r.candidate_id, r.total))
            .collect::<Vec<_>>()
    };
    let helen = moderator(store);
    let after = helen.results(campaign).unwrap();
    assert_eq!(
        totals(&after),
        totals(&results_before),
        "the results stay, anonymised"
    );
    assert!(after.iter().all(|r| r.name == "Erased candidate"));
    let stats_before = stats_before_purge;
    let stats_after = helen.stats(campaign).unwrap();
    let mut store = hr_again(helen);
    assert_eq!(
        (
            stats_after.icc_units,
            stats_after.alpha_units,
            stats_after.icc
        ),
        (
            stats_before.icc_units,
            stats_before.alpha_units,
            stats_before.icc
        ),
        "statistics stay computable from the anonymised scores"
    );

    // One audited action, and the record still verifies against the data.
    let purge = store
        .audit_events(&AuditFilter {
            action_prefix: Some("campaign.purge".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(purge.len(), 1);
    assert_eq!(
        purge[0].after.as_ref().unwrap()["reason"],
        "Retention schedule R-12"
    );
    assert!(matches!(
        store.verify().unwrap(),
        Verification::Intact { .. }
    ));
    assert_eq!(
        store
            .campaign_retention(campaign)
            .unwrap()
            .purged_at
            .as_deref(),
        Some("2027-06-02T09:00:00Z")
    );
    assert!(store
        .purge_campaign(campaign, "again")
        .unwrap_err()
        .to_string()
        .contains("already purged on 2027-06-02T09:00:00Z"));
}
