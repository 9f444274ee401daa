//! Results rules through the library: ties, tie orders with reasons, the reserve list,
//! "not assessed", and campaigns keeping their scorecard version.

mod common;

use panelmark::scoring::results::Outcome;
use panelmark::Error;

#[test]
fn not_assessed_is_left_out_of_the_total_and_never_counts_as_zero() {
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    // c3 (desirable) not assessed for Zoë: her total is 5 + 5, not 5 + 5 + 0. The overall pass
    // mark (12 over three criteria of weight 1) is compared with her total scaled to every
    // weight: 10 × 3 / 2 = 15, so the missing criterion does not fail her as a zero would.
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(5), Some(5), None]);
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    let zoe = results.iter().find(|r| r.candidate_id == cast.zoe).unwrap();
    assert_eq!(zoe.total, 10.0);
    assert_eq!(zoe.scaled_total, 15.0);
    assert!(zoe.criteria[2].mark.is_not_assessed());
    assert_eq!(zoe.outcome, Outcome::Pass);
    assert_eq!(
        zoe.outcome_reason,
        "meets every essential pass mark and the overall pass mark 12 with a total of 15 \
         (scaled from 10 over the assessed criteria' weights)"
    );
    let stats = desk.as_("helen").stats(cast.campaign).unwrap();
    let c3 = stats.criteria.iter().find(|c| c.key == "c3").unwrap();
    assert_eq!(
        (c3.scores, c3.mean),
        (0, None),
        "not assessed is not averaged as a score"
    );
}

#[test]
fn an_essential_criterion_not_assessed_makes_the_result_incomplete() {
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [None, Some(6), Some(6)]);
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    let zoe = results.iter().find(|r| r.candidate_id == cast.zoe).unwrap();
    assert_eq!(zoe.outcome, Outcome::Incomplete);
    assert_eq!(
        zoe.outcome_reason,
        "essential criteria not assessed: Working Together"
    );
    assert_eq!(zoe.position, None);
}

#[test]
fn ties_stay_visible_until_a_moderator_separates_them_with_a_reason() {
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    desk.as_("hr")
        .set_posts(cast.campaign, Some(1), None)
        .unwrap();
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    for candidate in [cast.zoe, cast.siobhan, cast.oyvind] {
        common::score_and_agree(&mut desk, &cast, candidate, [Some(5), Some(5), Some(4)]);
    }
    let positions = |desk: &mut common::Desk| -> Vec<(String, Option<u32>, bool, bool)> {
        desk.as_("helen")
            .results(cast.campaign)
            .unwrap()
            .into_iter()
            .map(|r| (r.reference, r.position, r.tied, r.reserve))
            .collect()
    };
    assert_eq!(
        positions(&mut desk),
        [
            ("C-001".into(), Some(1), true, false),
            ("C-002".into(), Some(1), true, false),
            ("C-003".into(), Some(1), true, false)
        ],
        "equal totals and equal tie-break: one shared position, none on the reserve list"
    );
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    let err = desk
        .as_("helen")
        .order_tie(cast.campaign, &[cast.oyvind, cast.zoe, cast.siobhan], " ")
        .unwrap_err();
    assert!(err.to_string().contains("tie.reason"), "{err}");
    let err = desk
        .as_("helen")
        .order_tie(cast.campaign, &[cast.oyvind, cast.zoe], "partial")
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("name exactly the candidates who share one tied position"),
        "{err}"
    );
    let err = desk
        .as_("amara")
        .order_tie(cast.campaign, &[cast.oyvind, cast.zoe, cast.siobhan], "x")
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err}");

    let reason = "Panel chair's written assessment of the work sample ranks them in this order";
    desk.as_("helen")
        .order_tie(
            cast.campaign,
            &[cast.oyvind, cast.zoe, cast.siobhan],
            reason,
        )
        .unwrap();
    assert_eq!(
        positions(&mut desk),
        [
            ("C-003".into(), Some(1), false, false),
            ("C-001".into(), Some(2), false, true),
            ("C-002".into(), Some(3), false, true)
        ],
        "separated in the recorded order; one post, so the others are reserves in merit order"
    );
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    assert!(results[0].tie_note.as_deref().unwrap().ends_with(reason));
}

#[test]
fn the_tie_break_criterion_separates_equal_totals_and_says_so() {
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    // Same total (10), different c1 (the named tie-break).
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(4), Some(6), Some(4)]);
    common::score_and_agree(&mut desk, &cast, cast.siobhan, [Some(6), Some(4), Some(4)]);
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    assert_eq!(
        (results[0].reference.as_str(), results[0].position),
        ("C-002", Some(1))
    );
    assert_eq!(
        (results[1].reference.as_str(), results[1].position),
        ("C-001", Some(2))
    );
    assert_eq!(
        results[0].tie_note.as_deref(),
        Some("equal total separated by the tie-break criterion 'Working Together'")
    );
}

#[test]
fn a_campaign_keeps_its_scorecard_version_when_the_template_changes() {
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    let campaign = desk.as_("hr").campaign(cast.campaign).unwrap();
    let mut edited = (*campaign.scorecard).clone();
    edited.criteria[0].pass_mark = Some(6);
    edited.overall_pass_mark = 15.0;
    let version = desk
        .as_("hr")
        .update_scorecard(campaign.scorecard_id, &edited)
        .unwrap();
    assert_eq!(version, 2);
    let after = desk.as_("hr").campaign(cast.campaign).unwrap();
    assert_eq!(after.scorecard_version, 1);
    assert_eq!(
        after.scorecard.criteria[0].pass_mark,
        Some(4),
        "the running campaign is unchanged"
    );
    assert_eq!(
        desk.as_("hr")
            .scorecard(campaign.scorecard_id)
            .unwrap()
            .scorecard
            .overall_pass_mark,
        15.0
    );
}

#[test]
fn a_scorecard_with_a_pass_mark_off_the_scale_is_rejected_naming_the_field() {
    let mut desk = common::desk();
    let mut card = panelmark::model::Scorecard::from_role(
        "x",
        &common::role(),
        panelmark::model::Scale::civil_service(),
        Some(4),
    );
    card.criteria[1].pass_mark = Some(9);
    let err = desk.as_("hr").create_scorecard(None, &card).unwrap_err();
    assert_eq!(
        err.to_string(),
        "scorecard.criteria[1].pass_mark: 9 is not a point of the scale 'Civil Service 1–7'"
    );
}

#[test]
fn the_no_evidence_flag_follows_the_latest_save_of_the_evidence_note() {
    use panelmark::scoring::flags::{FlagKind, FlagSettings};
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    let save = |desk: &mut common::Desk, key: &str, evidence: &str| {
        let n = if key == "c3" { 0 } else { 2 };
        let mut input = common::score(cast.zoe, cast.member_a, key, 4, n);
        input.evidence = evidence.into();
        desk.as_("tomasz")
            .save_score(cast.campaign, &input)
            .unwrap();
    };
    // c1: written, then wiped to whitespace. c2: blank, then written. c3: tabs and newlines only.
    save(&mut desk, "c1", "Led the migration; named the trade-offs.");
    save(&mut desk, "c1", " \t\n ");
    save(&mut desk, "c2", "");
    save(&mut desk, "c2", "Explained the rollback plan.");
    save(&mut desk, "c3", "\n\t\n");
    desk.as_("tomasz")
        .submit_scores(cast.campaign, cast.zoe)
        .unwrap();

    let flags = desk
        .as_("helen")
        .flags(cast.campaign, &FlagSettings::default())
        .unwrap();
    let mut unevidenced: Vec<&str> = flags
        .iter()
        .filter(|f| f.kind == FlagKind::NoEvidence && f.assessor_id == Some(cast.member_a))
        .filter_map(|f| f.criterion_key.as_deref())
        .collect();
    unevidenced.sort_unstable();
    assert_eq!(unevidenced, ["c1", "c3"]);
}

#[test]
fn the_packed_board_carries_every_result_and_flag_of_the_board() {
    use panelmark::scoring::flags::FlagSettings;
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    common::score_and_agree(&mut desk, &cast, cast.zoe, [Some(6), Some(3), None]);
    common::score_and_agree(&mut desk, &cast, cast.oyvind, [Some(2), Some(7), Some(4)]);
    // Siobhán is left unscored, so she carries "unscored" flags once moderation starts.
    desk.as_("hr").start_moderation(cast.campaign).unwrap();
    // A tight threshold makes the panel means outliers too.
    let settings = FlagSettings {
        spread_threshold: 2,
        panel_mean_threshold: 0.05,
    };
    let board = desk.as_("helen").board(cast.campaign, &settings).unwrap();
    let packed = desk
        .as_("helen")
        .packed_board(cast.campaign, &settings)
        .unwrap();

    assert_eq!(packed.criteria, ["c1", "c2", "c3"]);
    assert_eq!(packed.rows.len(), board.results.len());
    for (row, result) in packed.rows.iter().zip(&board.results) {
        assert_eq!(
            (
                row.result.row.candidate_id,
                &row.result.row.reference,
                &row.result.row.name,
                row.result.row.total,
                row.result.row.outcome,
                row.result.row.position
            ),
            (
                result.candidate_id,
                &result.reference,
                &result.name,
                result.total,
                result.outcome,
                result.position
            )
        );
        for (cell, criterion) in row.result.cells.iter().zip(&result.criteria) {
            assert_eq!(
                (cell.0, cell.1, cell.2, cell.3, cell.4, cell.5),
                (
                    criterion.agreed,
                    criterion.moderated,
                    criterion.mark.point(),
                    criterion.mark.is_not_assessed(),
                    criterion.source,
                    criterion.meets_pass_mark
                )
            );
        }
        let expected: Vec<(String, Option<String>, String)> = board
            .flags
            .iter()
            .filter(|f| f.candidate_id == Some(row.result.row.candidate_id))
            .map(|f| {
                (
                    f.kind.as_str().to_owned(),
                    f.criterion_key.clone(),
                    f.reason.clone(),
                )
            })
            .collect();
        let got: Vec<(String, Option<String>, String)> = row
            .flags
            .iter()
            .map(|f| {
                let key = f.1.map(|i| packed.criteria[i as usize].clone());
                (f.0.as_str().to_owned(), key, f.3.clone())
            })
            .collect();
        assert_eq!(got, expected, "{}", row.result.row.reference);
    }
    let siobhan = packed
        .rows
        .iter()
        .find(|r| r.result.row.candidate_id == cast.siobhan)
        .unwrap();
    assert_eq!(siobhan.flags.len(), 3, "{:?}", siobhan.flags);
    assert!(!packed.panel_flags.is_empty());
    assert!(packed.panel_flags.iter().all(|f| f.candidate_id.is_none()));
    let per_candidate: usize = packed.rows.iter().map(|r| r.flags.len()).sum();
    assert_eq!(per_candidate + packed.panel_flags.len(), board.flags.len());
}
