//! Fair edge cases through the library: a tie across the last post, "not assessed" never
//! acting as a zero, weights other than 1 on a 0–4 scale through results, flags, statistics
//! and exports, and interview questions in the packs.

mod common;

use panelmark::export::ExportOptions;
use panelmark::model::Mark;
use panelmark::model::{CampaignId, CandidateId, Scale, ScalePoint};
use panelmark::scoring::flags::{FlagKind, FlagSettings};
use panelmark::scoring::results::Outcome;
use panelmark::session::Session;
use panelmark::store::{AuditFilter, NewCandidate, Store};
use panelmark::Error;

/// Adds a candidate to panel A, as HR.
fn add(desk: &mut common::Desk, cast: &common::Cast, reference: &str, name: &str) -> CandidateId {
    desk.as_("hr")
        .add_candidate(
            cast.campaign,
            &NewCandidate {
                reference: reference.into(),
                name: name.into(),
                panel_id: Some(cast.panel_a),
                ..Default::default()
            },
        )
        .unwrap()
}

/// Nine candidates, seven posts, in moderation: totals 21, 20, …, 16 for the first six, then
/// C-007 and C-008 equal on 15 (and on the tie-break) — a tie for the seventh post — and
/// C-009 on 12 (a pass, beyond the posts).
fn tie_for_the_last_post() -> (common::Desk, common::Cast, CandidateId, CandidateId) {
    tie_for_the_last_post_on(common::desk())
}

/// [`tie_for_the_last_post`] on `desk` (one on a file, for tests that edit it with raw SQL).
fn tie_for_the_last_post_on(
    mut desk: common::Desk,
) -> (common::Desk, common::Cast, CandidateId, CandidateId) {
    let cast = common::campaign(&mut desk);
    desk.as_("hr")
        .set_posts(cast.campaign, Some(7), None)
        .unwrap();
    let more: Vec<CandidateId> = (4..=9)
        .map(|n| {
            add(
                &mut desk,
                &cast,
                &format!("C-00{n}"),
                &format!("Candidate {n}"),
            )
        })
        .collect();
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    let candidates = [cast.zoe, cast.siobhan, cast.oyvind]
        .into_iter()
        .chain(more.iter().copied());
    let scores = [
        [7, 7, 7],
        [7, 7, 6],
        [7, 6, 6],
        [6, 6, 6],
        [6, 6, 5],
        [6, 5, 5],
        [5, 5, 5],
        [5, 5, 5],
        [4, 4, 4],
    ];
    for (candidate, values) in candidates.zip(scores) {
        common::score_and_agree(&mut desk, &cast, candidate, values.map(Some));
    }
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    (desk, cast, more[3], more[4])
}

#[test]
fn a_tie_for_the_last_post_is_flagged_and_sign_off_waits_until_it_is_separated() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.db");
    let (mut desk, cast, seventh, eighth) = tie_for_the_last_post_on(common::desk_in(&file));
    let helen = desk.as_("helen");
    let results = helen.results(cast.campaign).unwrap();
    let row = |reference: &str| results.iter().find(|r| r.reference == reference).unwrap();
    assert_eq!(
        (row("C-007").position, row("C-008").position),
        (Some(7), Some(7))
    );
    assert!(row("C-007").boundary_tie && row("C-008").boundary_tie);
    assert!(
        !row("C-006").boundary_tie && !row("C-009").boundary_tie,
        "only the tied group across the last post is marked"
    );
    assert!(row("C-009").reserve);
    assert_eq!(
        row("C-007").tie_note.as_deref(),
        Some(
            "tied for the last post: 2 candidates share position 7 for 1 remaining post(s) of 7; \
             separate them with a reason or change the number of posts with a reason"
        )
    );

    let flags = helen.flags(cast.campaign, &FlagSettings::DEFAULT).unwrap();
    let tie_flags: Vec<(Option<CandidateId>, &str)> = flags
        .iter()
        .filter(|f| f.kind == FlagKind::BoundaryTie)
        .map(|f| (f.candidate_id, f.reason.as_str()))
        .collect();
    assert_eq!(
        tie_flags,
        [
            (
                Some(seventh),
                "tied with C-008 at position 7 across the last of 7 post(s): separate them with \
                 a reason or change the number of posts with a reason"
            ),
            (
                Some(eighth),
                "tied with C-007 at position 7 across the last of 7 post(s): separate them with \
                 a reason or change the number of posts with a reason"
            ),
        ]
    );
    let board = helen.board(cast.campaign, &FlagSettings::DEFAULT).unwrap();
    assert_eq!(
        board.flags, flags,
        "the board and the flags command raise the same flags"
    );

    let err = helen.sign_off(cast.campaign).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(
        err.to_string(),
        "2 candidates are tied at position 7, across the last post: C-007 (Candidate 7), \
         C-008 (Candidate 8); separate them with a reason (tie order) or change the number of \
         posts with a reason before signing off"
    );
    // The campaign summary says so above the merit list.
    let exported = common::export(helen, cast.campaign, both());
    if let Some(summary) = common::pdf_text(&exported.path().join("campaign-summary.pdf")) {
        let summary = squash(&summary);
        assert!(summary.contains("Posts 7"), "{summary}");
        let waits = summary
            .find(
                "Sign-off waits: 2 candidates are tied at position 7, across the last post: \
                 C-007 (Candidate 7), C-008 (Candidate 8); separate them with a reason (tie order) \
                 or change the number of posts with a reason before signing off.",
            )
            .unwrap_or_else(|| panic!("no sign-off note in the summary:\n{summary}"));
        let merit = summary.find("Merit list").unwrap();
        let flags = summary.find("Flags (").unwrap();
        assert!(merit < waits && waits < flags, "{merit} {waits} {flags}");
    }

    helen
        .order_tie(
            cast.campaign,
            &[eighth, seventh],
            "C-008 gave the stronger evidence on the tie-break behaviour's indicators",
        )
        .unwrap();
    let results = helen.results(cast.campaign).unwrap();
    assert!(results.iter().all(|r| !r.boundary_tie));
    let c007 = results.iter().find(|r| r.reference == "C-007").unwrap();
    assert_eq!((c007.position, c007.reserve), (Some(8), true));
    helen.sign_off(cast.campaign).unwrap();

    // The tie order, the posts and the sign-off are what the log says; edited behind the
    // library's back, each is named by verify.
    assert!(matches!(
        helen.verify().unwrap(),
        panelmark::store::Verification::Intact { .. }
    ));
    let differs = |session: &panelmark::session::Session| match session.verify().unwrap() {
        panelmark::store::Verification::DataDiffers { row, problem, .. } => {
            format!("{row} {problem}")
        }
        other => panic!("tampering not detected: {other:?}"),
    };
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute("UPDATE tie_orders SET rank = 3 - rank", [])
        .unwrap();
    let said = differs(helen);
    assert!(
        said.starts_with("tie order of C-007 in campaign 1 ("),
        "{said}"
    );
    assert!(said.contains("rank is 1, the log says 2 (event "), "{said}");
    conn.execute("UPDATE tie_orders SET rank = 3 - rank", [])
        .unwrap();
    conn.execute("UPDATE campaigns SET state = 'moderation'", [])
        .unwrap();
    assert!(differs(helen).contains("state is \"moderation\", the log says \"signed_off\""));
    conn.execute("UPDATE campaigns SET state = 'signed_off', posts = 9", [])
        .unwrap();
    assert!(differs(helen).contains("posts is 9, the log says 7"));
    conn.execute("UPDATE campaigns SET posts = 7", []).unwrap();
    conn.execute("DELETE FROM signoffs", []).unwrap();
    let said = differs(helen);
    assert!(
        said.starts_with("sign-off record 1 of campaign 1 ("),
        "{said}"
    );
    assert!(
        said.contains("is missing: the log says it was recorded"),
        "{said}"
    );
}

#[test]
fn changing_the_number_of_posts_after_scoring_needs_a_reason_and_clears_the_tie() {
    let (mut desk, cast, _, _) = tie_for_the_last_post();
    let hr = desk.as_("hr");
    match hr.set_posts(cast.campaign, Some(8), None) {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "posts.reason"),
        other => panic!("a change without a reason must be refused, got {other:?}"),
    }
    match hr.set_posts(cast.campaign, Some(8), Some("  ")) {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "posts.reason"),
        other => panic!("a blank reason is no reason, got {other:?}"),
    }
    hr.set_posts(
        cast.campaign,
        Some(8),
        Some("A second team approved an eighth post"),
    )
    .unwrap();
    let events = hr
        .audit_events(&AuditFilter {
            action_prefix: Some("campaign.posts".into()),
            ..Default::default()
        })
        .unwrap();
    let last = events.last().unwrap();
    assert_eq!(
        last.after,
        Some(serde_json::json!({ "posts": 8, "reason": "A second team approved an eighth post" }))
    );
    assert_eq!(last.before, Some(serde_json::json!({ "posts": 7 })));
    let helen = desk.as_("helen");
    let results = helen.results(cast.campaign).unwrap();
    assert!(results.iter().all(|r| !r.boundary_tie));
    assert!(
        results.iter().filter(|r| r.tied).count() == 2,
        "the tie is still shown, it no longer decides who is appointed"
    );
    assert!(helen
        .flags(cast.campaign, &FlagSettings::DEFAULT)
        .unwrap()
        .iter()
        .all(|f| f.kind != FlagKind::BoundaryTie));
    helen.sign_off(cast.campaign).unwrap();
}

#[test]
fn flag_thresholds_are_the_campaign_s_own_checked_audited_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.db");
    let (mut desk, cast, seventh, eighth) = tie_for_the_last_post_on(common::desk_in(&file));
    assert_eq!(
        desk.as_("helen").flag_settings(cast.campaign).unwrap(),
        FlagSettings::DEFAULT,
        "a campaign that never chose flags with the defaults"
    );
    let looser = FlagSettings {
        spread_threshold: 3,
        panel_mean_threshold: 0.75,
    };
    match desk.as_("amara").set_flag_settings(cast.campaign, &looser) {
        Err(Error::Forbidden(why)) => assert!(why.contains("change the flag thresholds"), "{why}"),
        other => panic!("a panel member may not change the thresholds, got {other:?}"),
    }
    let helen = desk.as_("helen");
    for (bad, field) in [
        (
            FlagSettings {
                spread_threshold: 0,
                ..looser
            },
            "flag_settings.spread_threshold",
        ),
        (
            FlagSettings {
                panel_mean_threshold: f64::NAN,
                ..looser
            },
            "flag_settings.panel_mean_threshold",
        ),
    ] {
        match helen.set_flag_settings(cast.campaign, &bad) {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{bad:?} must be refused, got {other:?}"),
        }
    }
    // Panel B (C-003 alone: 7, 6, 6) averages 6.33 against the campaign's 153 / 27 = 5.67:
    // 0.67 apart, beyond the default 0.5, within the campaign's own 0.75 once set.
    let panel_flags = |s: &Session| -> usize {
        let settings = s.flag_settings(cast.campaign).unwrap();
        s.flags(cast.campaign, &settings)
            .unwrap()
            .iter()
            .filter(|f| f.kind == FlagKind::PanelOutlier)
            .count()
    };
    assert_eq!(panel_flags(helen), 1);
    helen.set_flag_settings(cast.campaign, &looser).unwrap();
    assert_eq!(helen.flag_settings(cast.campaign).unwrap(), looser);
    assert_eq!(panel_flags(helen), 0);
    let events = helen
        .audit_events(&AuditFilter {
            action_prefix: Some("campaign.flag_settings".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].before,
        Some(serde_json::json!({ "spread_threshold": 2, "panel_mean_threshold": 0.5 }))
    );
    assert_eq!(
        events[0].after,
        Some(serde_json::json!({ "spread_threshold": 3, "panel_mean_threshold": 0.75 }))
    );
    assert!(matches!(
        helen.verify().unwrap(),
        panelmark::store::Verification::Intact { .. }
    ));
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute("UPDATE campaigns SET flag_spread = 4", [])
        .unwrap();
    match helen.verify().unwrap() {
        panelmark::store::Verification::DataDiffers { problem, .. } => assert!(
            problem.contains(
                "flag thresholds is \"spread ≥ 4, panel mean ± 0.75\", the log says \"spread ≥ 3, panel mean ± 0.75\""
            ),
            "{problem}"
        ),
        other => panic!("edited thresholds not detected: {other:?}"),
    }
    conn.execute("UPDATE campaigns SET flag_spread = 3", [])
        .unwrap();

    // Signed off, the summary's flags stay what they were.
    helen
        .order_tie(
            cast.campaign,
            &[seventh, eighth],
            "C-007 led on the tie-break evidence",
        )
        .unwrap();
    helen.sign_off(cast.campaign).unwrap();
    match helen.set_flag_settings(cast.campaign, &FlagSettings::DEFAULT) {
        Err(Error::Locked { .. }) => {}
        other => panic!("thresholds changed after sign-off: {other:?}"),
    }
    assert_eq!(helen.flag_settings(cast.campaign).unwrap(), looser);
}

#[test]
fn two_candidates_alike_but_for_a_criterion_not_assessed_pass_and_rank_alike() {
    // Weights 2, 1, 1 (all weights 4) and an overall pass mark of 16. Zoë is not assessed on
    // the desirable c3: her total is 2×5 + 5 = 15 over assessed weights 3, scaled to 20, the
    // same as Siobhán's 2×5 + 5 + 5. Counted as a zero, 15 < 16 would have failed her.
    let mut desk = common::desk();
    let cast = common::campaign_with(&mut desk, |card| {
        card.criteria[0].weight = 2.0;
        card.overall_pass_mark = 16.0;
    });
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(5), None]);
    common::score_and_agree(&mut desk, &cast, cast.siobhan, [Some(5), Some(5), Some(5)]);
    // Øyvind scored 4 on c3 where Zoë was not assessed: a real low score still counts.
    common::score_and_agree(&mut desk, &cast, cast.oyvind, [Some(5), Some(5), Some(1)]);
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    let row = |id: CandidateId| results.iter().find(|r| r.candidate_id == id).unwrap();
    let (zoe, siobhan, oyvind) = (row(cast.zoe), row(cast.siobhan), row(cast.oyvind));
    assert_eq!((zoe.total, zoe.scaled_total), (15.0, 20.0));
    assert_eq!((siobhan.total, siobhan.scaled_total), (20.0, 20.0));
    assert_eq!(
        (zoe.outcome, siobhan.outcome),
        (Outcome::Pass, Outcome::Pass)
    );
    assert_eq!(
        (zoe.position, siobhan.position, zoe.tied, siobhan.tied),
        (Some(1), Some(1), true, true),
        "same scores on what was assessed: the same place, shown as a tie"
    );
    assert_eq!((oyvind.total, oyvind.scaled_total), (16.0, 16.0));
    assert_eq!(oyvind.position, Some(3));
}

#[test]
fn nothing_weighted_assessed_is_incomplete_not_a_zero() {
    // Only c3 carries weight and it was not assessed: there is no total to compare.
    let mut desk = common::desk();
    let cast = common::campaign_with(&mut desk, |card| {
        card.criteria[0].weight = 0.0;
        card.criteria[1].weight = 0.0;
        card.overall_pass_mark = 4.0;
    });
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(5), None]);
    let zoe = desk
        .as_("helen")
        .results(cast.campaign)
        .unwrap()
        .into_iter()
        .find(|r| r.candidate_id == cast.zoe)
        .unwrap();
    assert_eq!(zoe.outcome, Outcome::Incomplete);
    assert_eq!(
        zoe.outcome_reason,
        "no criterion that carries weight was assessed"
    );
}

/// The 0–4 scale used below.
fn zero_to_four() -> Scale {
    Scale {
        name: "Evidence 0–4".into(),
        points: ["None", "Limited", "Adequate", "Good", "Excellent"]
            .iter()
            .enumerate()
            .map(|(v, label)| ScalePoint {
                value: v as i32,
                label: (*label).into(),
                descriptor: format!("{label} evidence"),
            })
            .collect(),
    }
}

/// A campaign on a 0–4 scale with weights 2, 1.5 and 0.5, pass mark 2 on the two essential
/// criteria, overall pass mark 8, and interview questions on c1. Scored, agreed and in
/// moderation:
/// - Zoë: members c1 4/3 (agreed 4), c2 3/3, c3 2/2: total 2×4 + 1.5×3 + 0.5×2 = 13.5;
/// - Siobhán: c1 2/2, c2 4/4, c3 4/0 (agreed 2; a spread of 4): total 4 + 6 + 1 = 11;
/// - Øyvind: c1 1/1 (below the pass mark 2), c2 4/4, c3 4/4: total 2 + 6 + 2 = 10, fail.
fn weighted_zero_to_four() -> (common::Desk, common::Cast) {
    use panelmark::model::Decision;
    let mut desk = common::desk();
    let cast = common::campaign_with(&mut desk, |card| {
        card.scale = zero_to_four();
        for (c, weight) in card.criteria.iter_mut().zip([2.0, 1.5, 0.5]) {
            c.weight = weight;
        }
        card.criteria[0].pass_mark = Some(2);
        card.criteria[1].pass_mark = Some(2);
        card.criteria[0].questions = vec![
            "Tell us about a time you built trust with a team that doubted you.".into(),
            "How do you share what you know with people new to the work?".into(),
        ];
        card.overall_pass_mark = 8.0;
    });
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    // Per criterion: (chair's score, member's score, agreed score).
    type Criteria = [(i32, i32, i32); 3];
    let plan: [(CandidateId, Criteria); 3] = [
        (cast.zoe, [(4, 3, 4), (3, 3, 3), (2, 2, 2)]),
        (cast.siobhan, [(2, 2, 2), (4, 4, 4), (4, 0, 2)]),
        (cast.oyvind, [(1, 1, 1), (4, 4, 4), (4, 4, 4)]),
    ];
    for (candidate, criteria) in plan {
        let (chair, member) = if candidate == cast.oyvind {
            (cast.chair_b, cast.member_b)
        } else {
            (cast.chair_a, cast.member_a)
        };
        for (who, pick) in [(chair, 0), (member, 1)] {
            for (key, values) in ["c1", "c2", "c3"].iter().zip(criteria) {
                let value = if pick == 0 { values.0 } else { values.1 };
                let indicators = if *key == "c3" { 0 } else { 2 };
                let input = common::score(candidate, who, key, value, indicators);
                desk.by(who).save_score(cast.campaign, &input).unwrap();
            }
            desk.by(who)
                .submit_scores(cast.campaign, candidate)
                .unwrap();
        }
        for (key, values) in ["c1", "c2", "c3"].iter().zip(criteria) {
            let decision = Decision {
                candidate_id: candidate,
                criterion_key: key.to_string(),
                mark: Mark::Point(values.2).into(),
                text: "Agreed on the evidence".into(),
                by: chair,
            };
            desk.by(chair)
                .agree_score(cast.campaign, &decision)
                .unwrap();
        }
    }
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    (desk, cast)
}

#[test]
fn weights_and_a_zero_to_four_scale_through_results_flags_and_statistics() {
    let (mut desk, cast) = weighted_zero_to_four();
    let helen = desk.as_("helen");
    let results = helen.results(cast.campaign).unwrap();
    let summary: Vec<(&str, f64, Outcome, Option<u32>)> = results
        .iter()
        .map(|r| (r.reference.as_str(), r.total, r.outcome, r.position))
        .collect();
    assert_eq!(
        summary,
        [
            ("C-001", 13.5, Outcome::Pass, Some(1)),
            ("C-002", 11.0, Outcome::Pass, Some(2)),
            ("C-003", 10.0, Outcome::Fail, None),
        ]
    );
    assert_eq!(
        results[2].outcome_reason,
        "below the pass mark on Working Together (1 below 2)"
    );

    let flags = helen.flags(cast.campaign, &FlagSettings::DEFAULT).unwrap();
    let kinds: Vec<(FlagKind, Option<CandidateId>, Option<&str>)> = flags
        .iter()
        .map(|f| (f.kind, f.candidate_id, f.criterion_key.as_deref()))
        .collect();
    assert!(
        kinds.contains(&(FlagKind::WideSpread, Some(cast.siobhan), Some("c3"))),
        "4 against 0 on a 0–4 scale is a spread of 4: {kinds:?}"
    );
    let spread = flags
        .iter()
        .find(|f| f.kind == FlagKind::WideSpread)
        .unwrap();
    assert_eq!(
        spread.reason,
        "members scored Infrastructure as code from 0 to 4 (spread 4 ≥ 2)"
    );
    // Siobhán's c3 scorer gave 0 (the scale's bottom) with no indicators to mark: not at odds.
    assert_eq!(
        kinds.iter().filter(|k| k.0 == FlagKind::WideSpread).count(),
        1,
        "{kinds:?}"
    );
    // Zoë's members split 4/3 on c1 with pass mark 2: same side, no pass-mark split.
    assert!(!kinds.contains(&(FlagKind::PassMarkSplit, Some(cast.zoe), Some("c1"))));

    let stats = helen.stats(cast.campaign).unwrap();
    let c1 = stats.criteria.iter().find(|c| c.key == "c1").unwrap();
    assert_eq!(c1.scores, 6);
    assert!(
        (c1.mean.unwrap() - 13.0 / 6.0).abs() < 1e-9,
        "{:?}",
        c1.mean
    );
    let c3 = stats.criteria.iter().find(|c| c.key == "c3").unwrap();
    assert_eq!(c3.max_spread, Some(4.0));
    assert!(
        (c3.mean.unwrap() - 16.0 / 6.0).abs() < 1e-9,
        "{:?}",
        c3.mean
    );
    // Tomasz (member, panel A) gave 3 where the agreed c1 was 4 and 0 where the agreed c3 was
    // 2; every other score of his equals the agreed one: (−1 − 2) / 6 = −0.5.
    let tomasz = stats
        .leniency
        .iter()
        .find(|l| l.assessor_id == cast.member_a)
        .unwrap();
    assert_eq!(tomasz.compared, 6);
    assert!((tomasz.mean_difference.unwrap() + 0.5).abs() < 1e-9);
}

#[test]
fn weights_and_a_zero_to_four_scale_in_the_csv_and_pdf_exports() {
    let (mut desk, cast) = weighted_zero_to_four();
    let dir = common::export(desk.as_("helen"), cast.campaign, both());
    let rows = common::read_csv(&dir.path().join("results.csv"));
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let pick = |row: &Vec<String>, names: &[&str]| -> Vec<String> {
        names.iter().map(|n| row[col(n)].clone()).collect()
    };
    let columns = [
        "reference",
        "weighted_total",
        "scaled_total",
        "outcome",
        "position",
        "flags",
    ];
    assert_eq!(
        rows[1..]
            .iter()
            .map(|r| pick(r, &columns))
            .collect::<Vec<_>>(),
        [
            ["C-001", "13.50", "13.50", "pass", "1", ""],
            ["C-002", "11", "11", "pass", "2", "wide_spread (1)"],
            ["C-003", "10", "10", "fail", "", ""],
        ]
        .map(|r| r.map(String::from).to_vec())
    );
    let scores = common::read_csv(&dir.path().join("scores.csv"));
    let header = &scores[0];
    let value = header.iter().position(|h| h == "value").unwrap();
    let label = header.iter().position(|h| h == "scale_label").unwrap();
    assert!(
        scores.iter().any(|r| r[value] == "0" && r[label] == "None"),
        "a 0 on the 0–4 scale is exported as the point 0, labelled"
    );

    let Some(pack) = common::pdf_text(&dir.path().join("C-001-evidence-pack.pdf")) else {
        return;
    };
    let pack = squash(&pack);
    for expected in [
        "Scale Evidence 0–4 (0–4)",
        "Weighted total 13.50 (overall pass mark 8)",
        "weight 2",
        "weight 1.50",
        "weight 0.50",
        "4 – Excellent",
    ] {
        assert!(
            pack.contains(expected),
            "{expected:?} not in the pack:\n{pack}"
        );
    }
    let summary = squash(&common::pdf_text(&dir.path().join("campaign-summary.pdf")).unwrap());
    for expected in [
        "Overall pass mark 8",
        "C-001 Zoë Łukasiewicz Panel A 13.50 pass",
    ] {
        assert!(
            summary.contains(expected),
            "{expected:?} not in the summary:\n{summary}"
        );
    }
}

#[test]
fn interview_questions_are_in_the_pack_under_their_criterion_and_in_the_summary() {
    let (mut desk, cast) = weighted_zero_to_four();
    let dir = common::export(desk.as_("helen"), cast.campaign, both());
    let Some(pack) = common::pdf_text(&dir.path().join("C-002-evidence-pack.pdf")) else {
        return;
    };
    let pack = squash(&pack);
    let at = |text: &str| {
        pack.find(text)
            .unwrap_or_else(|| panic!("{text:?} not in the pack:\n{pack}"))
    };
    // The summary table names every criterion first; each criterion's section follows it.
    let after = |text: &str, from: usize| {
        pack[from..]
            .find(text)
            .map(|i| i + from)
            .unwrap_or_else(|| panic!("{text:?} not after {from} in the pack:\n{pack}"))
    };
    let table = at("1. Working Together");
    let section = after("1. Working Together", table + 1);
    let questions = after("Interview questions", section);
    let first = after(
        "Tell us about a time you built trust with a team that doubted you.",
        questions,
    );
    let second = after(
        "How do you share what you know with people new to the work?",
        first,
    );
    let scores = after("Individual scores", second);
    let next = after("2. Delivering at Pace", section);
    assert!(
        scores < next,
        "the questions come between c1's heading and its scores, before c2: \
         {section} {questions} {scores} {next}"
    );
    assert_eq!(
        pack.matches("Interview questions").count(),
        1,
        "only c1 has questions"
    );

    let summary = squash(&common::pdf_text(&dir.path().join("campaign-summary.pdf")).unwrap());
    let start = summary
        .find("Interview questions")
        .expect("a questions section");
    let section = &summary[start..];
    assert!(section.contains(
        "1. Working Together • Tell us about a time you built trust with a team that doubted you. \
         • How do you share what you know with people new to the work?"
    ), "{section}");
}

/// The three paths to a campaign's flags — the command line, the app's board and the PDF
/// summary — count the same flags on the demo campaign, with the one default.
#[test]
fn the_cli_the_app_board_and_the_pdf_summary_count_the_same_flags() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let campaign = {
        let mut hr = Session::sign_in(Store::open(&db).unwrap(), "hr", None).unwrap();
        hr.demo(&panelmark::demo::DemoOptions {
            candidates: 60,
            seed: 3,
        })
        .unwrap()
    };
    // The demo's moderator: the only one who reads its board, flags and exports.
    let moderator = panelmark::demo::MODERATOR_LOGIN;
    let mut helen = Session::sign_in(Store::open(&db).unwrap(), moderator, None).unwrap();

    let first = FlagCounts::of(&db, &helen, campaign);
    assert!(first.app > 100, "the demo raises flags: {first:?}");
    assert!(
        first.panel_outliers > 0,
        "the demo has a panel far from the mean at the default threshold, so a different \
         threshold on one path would show here"
    );
    first.agree();
    let Some(summary) = &first.summary else {
        return;
    };
    assert!(summary.contains(
        "Thresholds: member scores 2 or more points apart; a panel more than 0.50 from the campaign mean."
    ));
    // The same thresholds on every path: the old summary threshold flags fewer.
    let old = helen
        .flags(
            campaign,
            &FlagSettings {
                panel_mean_threshold: 1.0,
                ..FlagSettings::DEFAULT
            },
        )
        .unwrap();
    assert!(old.len() < first.app, "{} < {}", old.len(), first.app);

    // The moderator keeps other thresholds for the campaign (the app's board does this when
    // they are changed): every path follows, none told them separately.
    helen
        .set_flag_settings(
            campaign,
            &FlagSettings {
                spread_threshold: 3,
                panel_mean_threshold: 5.0,
            },
        )
        .unwrap();
    let kept = FlagCounts::of(&db, &helen, campaign);
    kept.agree();
    assert_eq!(kept.panel_outliers, 0, "no panel is 5 points from the mean");
    assert!(kept.app < first.app, "{kept:?} against {first:?}");
    assert!(kept.summary.as_ref().unwrap().contains(
        "Thresholds: member scores 3 or more points apart; a panel more than 5 from the campaign mean."
    ));

    // The command line can keep thresholds too: back to the defaults, for everyone.
    let said = panelmark_cli(
        &db,
        &[
            "flags",
            "--campaign",
            &campaign.to_string(),
            "--spread",
            "2",
            "--panel-mean",
            "0.5",
            "--save",
            "--json",
        ],
    );
    assert_eq!(said.len(), first.app);
    assert_eq!(
        helen.flag_settings(campaign).unwrap(),
        FlagSettings::DEFAULT
    );
    FlagCounts::of(&db, &helen, campaign).agree();
}

/// How many flags each path shows for a campaign, each with its own defaults: the app's board
/// (with the thresholds the `flag_settings` command hands the screen), `panelmark flags`
/// without options, and the export without options (results.csv and the PDF summary).
#[derive(Debug)]
struct FlagCounts {
    app: usize,
    panel_outliers: usize,
    cli: usize,
    results_csv: usize,
    summary_count: Option<usize>,
    summary: Option<String>,
}

impl FlagCounts {
    fn of(db: &std::path::Path, moderator: &Session, campaign: CampaignId) -> Self {
        let settings = moderator.flag_settings(campaign).unwrap();
        let board = moderator.packed_board(campaign, &settings).unwrap();
        let app = board.rows.iter().map(|r| r.flags.len()).sum::<usize>() + board.panel_flags.len();
        let cli = panelmark_cli(
            db,
            &["flags", "--campaign", &campaign.to_string(), "--json"],
        )
        .len();
        let exported = common::export(moderator, campaign, both());
        let csv = common::read_csv(&exported.path().join("results.csv"));
        let flags_col = csv[0].iter().position(|h| h == "flags").unwrap();
        // "wide spread (2); no evidence (1)": the counts per kind, summed.
        let results_csv: usize = csv[1..]
            .iter()
            .flat_map(|r| {
                r[flags_col]
                    .split("; ")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .map(|s| {
                s.rsplit_once(" (")
                    .and_then(|(_, n)| n.trim_end_matches(')').parse::<usize>().ok())
                    .unwrap()
            })
            .sum();
        let summary =
            common::pdf_text(&exported.path().join("campaign-summary.pdf")).map(|t| squash(&t));
        let summary_count = summary.as_deref().map(|t| {
            let at = t.find("Flags (").expect("the summary has a flags section") + "Flags (".len();
            t[at..].split(')').next().unwrap().parse().unwrap()
        });
        FlagCounts {
            app,
            panel_outliers: board.panel_flags.len(),
            cli,
            results_csv,
            summary_count,
            summary,
        }
    }

    /// The command line, results.csv (which carries candidates' flags, not panels') and the
    /// summary count what the board shows.
    fn agree(&self) {
        assert_eq!(self.cli, self.app, "command line and app: {self:?}");
        assert_eq!(
            self.results_csv + self.panel_outliers,
            self.app,
            "results.csv and app: {self:?}"
        );
        if let Some(n) = self.summary_count {
            assert_eq!(n, self.app, "summary and app: {self:?}");
        }
    }
}

/// `panelmark --db DB --as <the demo's moderator> ARGS`, which must succeed, its JSON output
/// read as a list.
fn panelmark_cli(db: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_panelmark"))
        .arg("--db")
        .arg(db)
        .args(["--as", panelmark::demo::MODERATOR_LOGIN])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// PDF packs, the summary and the CSVs, with the campaign's flag thresholds.
fn both() -> ExportOptions {
    ExportOptions {
        pdf: true,
        csv: true,
        ..Default::default()
    }
}

/// pdftotext's layout text with runs of white space (line breaks, column padding) made one
/// space, so assertions read like the page.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
