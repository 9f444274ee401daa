//! Shared fixtures for the core's integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use panelmark::model::{
    AssessorRole, Criterion, CriterionKind, Decision, Id, IndicatorMark, Priority, Role, Scale,
    ScoreInput, Scorecard,
};
use panelmark::store::{NewCandidate, Store};

/// An in-memory store whose clock starts at 2026-11-23 09:00 UTC and ticks a second per action.
pub fn store() -> Store {
    let tick = Arc::new(AtomicI64::new(0));
    Store::open_in_memory()
        .unwrap()
        .with_clock(Arc::new(move || {
            Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
                + chrono::Duration::seconds(tick.fetch_add(1, Ordering::SeqCst))
        }))
}

fn criterion(
    kind: CriterionKind,
    name: &str,
    priority: Priority,
    indicators: &[&str],
) -> Criterion {
    Criterion {
        kind,
        name: name.into(),
        group: None,
        priority,
        code: None,
        level: None,
        indicators: indicators.iter().map(|s| s.to_string()).collect(),
    }
}

/// A small role: two essential behaviours and a desirable technical skill.
pub fn role() -> Role {
    Role {
        title: "Senior DevOps Engineer".into(),
        grade: Some("SEO".into()),
        reference: Some("HO-2026-117".into()),
        source: None,
        criteria: vec![
            criterion(
                CriterionKind::Behaviour,
                "Working Together",
                Priority::Essential,
                &["Builds trust", "Shares knowledge"],
            ),
            criterion(
                CriterionKind::Behaviour,
                "Delivering at Pace",
                Priority::Essential,
                &["Sets clear priorities", "Stays calm under pressure"],
            ),
            criterion(
                CriterionKind::Technical,
                "Infrastructure as code",
                Priority::Desirable,
                &[],
            ),
        ],
    }
}

/// Ids of the people in [`campaign`].
pub struct Cast {
    pub campaign: Id,
    pub panel_a: Id,
    pub panel_b: Id,
    pub chair_a: Id,
    pub member_a: Id,
    pub chair_b: Id,
    pub member_b: Id,
    pub moderator: Id,
    pub zoe: Id,
    pub siobhan: Id,
    pub oyvind: Id,
}

/// A campaign in setup with two panels of two, a moderator and three candidates
/// (two on panel A, one on panel B). Pass mark 4 on each criterion, overall 12.
pub fn campaign(store: &mut Store) -> Cast {
    campaign_with(store, |_| {})
}

/// [`campaign`] with its scorecard changed by `customise` before the campaign pins it.
pub fn campaign_with(store: &mut Store, customise: impl FnOnce(&mut Scorecard)) -> Cast {
    let role_id = store.create_role("hr", &role()).unwrap();
    let mut card = Scorecard::from_role(
        "Senior DevOps interview",
        &role(),
        Scale::civil_service(),
        Some(4),
    );
    card.criteria[2].pass_mark = None;
    card.overall_pass_mark = 12.0;
    card.tie_break = Some("c1".into());
    customise(&mut card);
    let card_id = store.create_scorecard("hr", Some(role_id), &card).unwrap();
    let campaign = store
        .create_campaign("hr", "Senior DevOps, November 2026", card_id)
        .unwrap();
    let panel_a = store.add_panel("hr", campaign, "Panel A").unwrap();
    let panel_b = store.add_panel("hr", campaign, "Panel B").unwrap();
    let chair_a = store
        .add_assessor(
            "hr",
            campaign,
            "Amara Okafor",
            AssessorRole::Chair,
            Some(panel_a),
        )
        .unwrap();
    let member_a = store
        .add_assessor(
            "hr",
            campaign,
            "Tomasz Wiśniewski",
            AssessorRole::Member,
            Some(panel_a),
        )
        .unwrap();
    let chair_b = store
        .add_assessor(
            "hr",
            campaign,
            "Priya Raman",
            AssessorRole::Chair,
            Some(panel_b),
        )
        .unwrap();
    let member_b = store
        .add_assessor(
            "hr",
            campaign,
            "Gareth Llewellyn",
            AssessorRole::Member,
            Some(panel_b),
        )
        .unwrap();
    let moderator = store
        .add_assessor("hr", campaign, "Helen Marsh", AssessorRole::Moderator, None)
        .unwrap();
    let add = |store: &mut Store, reference: &str, name: &str, panel: Id| {
        store
            .add_candidate(
                "hr",
                campaign,
                &NewCandidate {
                    reference: reference.into(),
                    name: name.into(),
                    panel_id: Some(panel),
                    ..Default::default()
                },
            )
            .unwrap()
    };
    let zoe = add(store, "C-001", "Zoë Łukasiewicz", panel_a);
    let siobhan = add(store, "C-002", "Siobhán Ó Briain", panel_a);
    let oyvind = add(store, "C-003", "Øyvind Ærø", panel_b);
    Cast {
        campaign,
        panel_a,
        panel_b,
        chair_a,
        member_a,
        chair_b,
        member_b,
        moderator,
        zoe,
        siobhan,
        oyvind,
    }
}

/// A draft score with evidence and every indicator shown.
pub fn score(candidate: Id, assessor: Id, key: &str, value: i32, indicators: usize) -> ScoreInput {
    ScoreInput {
        candidate_id: candidate,
        assessor_id: assessor,
        criterion_key: key.into(),
        value: Some(value),
        not_assessed: false,
        evidence: format!("Described a concrete example; scored {value}."),
        indicators: vec![IndicatorMark::Shown; indicators],
    }
}

/// Scores every member of each candidate's panel with `values` (per criterion) and agrees them.
pub fn score_and_agree(store: &mut Store, cast: &Cast, candidate: Id, values: [Option<i32>; 3]) {
    let (chair, member) = if candidate == cast.oyvind {
        (cast.chair_b, cast.member_b)
    } else {
        (cast.chair_a, cast.member_a)
    };
    for who in [chair, member] {
        for (key, value) in ["c1", "c2", "c3"].iter().zip(values) {
            let n = if *key == "c3" { 0 } else { 2 };
            let mut input: ScoreInput = score(candidate, who, key, value.unwrap_or(4), n);
            if value.is_none() {
                input.value = None;
                input.not_assessed = true;
            }
            store.save_score("panel", cast.campaign, &input).unwrap();
        }
        store
            .submit_scores("panel", cast.campaign, candidate, who)
            .unwrap();
    }
    for (key, value) in ["c1", "c2", "c3"].iter().zip(values) {
        let decision = Decision {
            candidate_id: candidate,
            criterion_key: key.to_string(),
            value,
            not_assessed: value.is_none(),
            text: "Agreed on the evidence".into(),
            by: chair,
        };
        store
            .agree_score("chair", cast.campaign, &decision)
            .unwrap();
    }
}

/// The rows of a CSV file, header included.
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Text of a PDF via pdftotext; `None` (with a note) when poppler is missing, except in CI.
pub fn pdf_text(path: &Path) -> Option<String> {
    match Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
    {
        Ok(out) if out.status.success() => Some(String::from_utf8(out.stdout).unwrap()),
        other => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "pdftotext is needed in CI: {other:?}"
            );
            eprintln!("note: pdftotext unavailable ({other:?}); PDF text checks skipped");
            None
        }
    }
}

/// Exports a campaign with `options` into a new temporary folder, returned (kept until dropped).
pub fn export(
    store: &Store,
    campaign: Id,
    options: panelmark::export::ExportOptions,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    panelmark::export::export_campaign(store, campaign, dir.path(), &options, |_, _| {}).unwrap();
    dir
}
