//! People during a campaign (issue 13 §2): withdrawals, conflicts of interest and reasonable
//! adjustments, each acted out by the person who would do it, checked in the results, the
//! board's lists, sign-off, the exports and `verify`'s replay of the log.

mod common;

use common::{campaign, desk, desk_in, score, score_and_agree, Cast, Desk};
use panelmark::export::ExportOptions;
use panelmark::model::AssessorRole;
use panelmark::model::Mark;
use panelmark::store::Verification;
use panelmark::Error;
use rusqlite::Connection;

/// The fixture campaign with everyone on panel A scored and agreed, in scoring.
fn scoring(desk: &mut Desk) -> Cast {
    let cast = campaign(desk);
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    cast
}

fn message(err: Error) -> String {
    err.to_string()
}

fn pdf_options() -> ExportOptions {
    ExportOptions {
        pdf: true,
        csv: true,
        ..Default::default()
    }
}

fn references(candidates: &[panelmark::model::Candidate]) -> Vec<&str> {
    candidates.iter().map(|c| c.reference.as_str()).collect()
}

#[test]
fn a_withdrawn_candidate_leaves_the_results_and_sign_off_does_not_wait_for_them() {
    let mut desk = desk();
    let cast = scoring(&mut desk);
    score_and_agree(&mut desk, &cast, cast.zoe, [Some(6), Some(5), Some(4)]);
    score_and_agree(&mut desk, &cast, cast.siobhan, [Some(4), Some(4), Some(4)]);
    // Øyvind (panel B) withdraws before anyone scores him; a member may not record it.
    let refused = desk
        .as_("gareth")
        .withdraw_candidate(cast.campaign, cast.oyvind, "Accepted another offer")
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden", "{refused}");
    let empty = desk
        .as_("hr")
        .withdraw_candidate(cast.campaign, cast.oyvind, "  ")
        .unwrap_err();
    assert_eq!(empty.code(), "invalid");
    desk.as_("hr")
        .withdraw_candidate(cast.campaign, cast.oyvind, "Accepted another offer")
        .unwrap();
    let again = desk
        .as_("hr")
        .withdraw_candidate(cast.campaign, cast.oyvind, "twice")
        .unwrap_err();
    assert!(message(again).contains("already withdrawn"));

    // The panel can no longer score him.
    let late = desk
        .as_("priya")
        .save_score(cast.campaign, &score(cast.oyvind, cast.chair_b, "c1", 5, 2))
        .unwrap_err();
    assert!(
        message(late).contains("C-003 has withdrawn"),
        "the refusal says why"
    );

    // The moderator still sees him, marked, with the reason; his panel sees only the mark.
    let seen = desk.as_("helen").candidates(cast.campaign).unwrap();
    assert_eq!(references(&seen), ["C-001", "C-002", "C-003"]);
    let withdrawal = seen[2].withdrawal.clone().expect("marked withdrawn");
    assert_eq!(withdrawal.reason, "Accepted another offer");
    let panel_view = desk.as_("priya").candidates(cast.campaign).unwrap();
    assert_eq!(references(&panel_view), ["C-003"]);
    assert_eq!(panel_view[0].withdrawal.as_ref().unwrap().reason, "");

    desk.as_("helen").start_moderation(cast.campaign).unwrap();
    let results = desk.as_("helen").results(cast.campaign).unwrap();
    let ranked: Vec<(&str, Option<u32>)> = results
        .iter()
        .map(|r| (r.reference.as_str(), r.position))
        .collect();
    assert_eq!(ranked, [("C-001", Some(1)), ("C-002", Some(2))]);
    // Sign-off waits for nobody: Øyvind has no scores and needs none.
    desk.as_("helen").sign_off(cast.campaign).unwrap();
    let csv_only = ExportOptions {
        csv: true,
        ..Default::default()
    };
    let dir = common::export(desk.as_("helen"), cast.campaign, csv_only);
    let rows = common::read_csv(&dir.path().join("results.csv"));
    assert_eq!(rows[0][2], "reference");
    let exported: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(exported, ["C-001", "C-002"]);

    // After sign-off a withdrawal needs the results reopened first.
    let locked = desk
        .as_("hr")
        .withdraw_candidate(cast.campaign, cast.siobhan, "Withdrew after the interview")
        .unwrap_err();
    assert_eq!(locked.code(), "locked");
    assert!(message(locked).contains("reopen"));

    // His data stays, and the log replays to what is stored.
    let verified = desk.as_("hr").verify().unwrap();
    assert!(
        matches!(verified, Verification::Intact { .. }),
        "{verified:?}"
    );
}

#[test]
fn a_withdrawal_during_moderation_lets_sign_off_go_ahead_without_their_decisions() {
    let mut desk = desk();
    let cast = scoring(&mut desk);
    score_and_agree(&mut desk, &cast, cast.zoe, [Some(6), Some(5), Some(4)]);
    score_and_agree(&mut desk, &cast, cast.siobhan, [Some(4), Some(4), Some(4)]);
    desk.as_("helen").start_moderation(cast.campaign).unwrap();
    let waiting = desk.as_("helen").sign_off(cast.campaign).unwrap_err();
    assert!(
        message(waiting).contains("C-003"),
        "sign-off waits for Øyvind's decisions"
    );
    desk.as_("helen")
        .withdraw_candidate(cast.campaign, cast.oyvind, "Withdrew on the day")
        .unwrap();
    desk.as_("helen").sign_off(cast.campaign).unwrap();
}

#[test]
fn a_conflicted_assessor_neither_sees_nor_scores_the_candidate() {
    let mut desk = desk();
    let cast = scoring(&mut desk);
    // Tomasz (panel A) knows Siobhán.
    let declared = desk
        .as_("tomasz")
        .declare_conflict(cast.campaign, cast.siobhan, "Former line manager")
        .unwrap();
    assert_eq!(declared.assessor, "Tomasz Wiśniewski");
    assert_eq!(declared.candidate, "C-002");

    let listed = desk.as_("tomasz").candidates(cast.campaign).unwrap();
    assert_eq!(
        references(&listed),
        ["C-001"],
        "Siobhán is gone from Tomasz's list"
    );
    assert_eq!(
        desk.as_("tomasz")
            .candidate(cast.campaign, cast.siobhan)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let attempt = desk
        .as_("tomasz")
        .save_score(
            cast.campaign,
            &score(cast.siobhan, cast.member_a, "c1", 5, 2),
        )
        .unwrap_err();
    assert_eq!(attempt.code(), "forbidden");
    assert!(
        message(attempt).contains("Amara Okafor may score them instead"),
        "the refusal names who scores instead"
    );
    assert_eq!(
        desk.as_("tomasz")
            .visible_scores(cast.campaign, cast.siobhan)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    // The rest of the panel scores and agrees without waiting for him.
    let amara_scores = |desk: &mut Desk| {
        for (key, n) in [("c1", 2), ("c2", 2), ("c3", 0)] {
            desk.as_("amara")
                .save_score(cast.campaign, &score(cast.siobhan, cast.chair_a, key, 5, n))
                .unwrap();
        }
        desk.as_("amara")
            .submit_scores(cast.campaign, cast.siobhan)
            .unwrap();
    };
    amara_scores(&mut desk);
    for key in ["c1", "c2", "c3"] {
        let decision = panelmark::model::Decision {
            candidate_id: cast.siobhan,
            criterion_key: key.into(),
            mark: Mark::Point(5).into(),
            text: "Agreed on the chair's evidence".into(),
            by: cast.chair_a,
        };
        desk.as_("amara")
            .agree_score(cast.campaign, &decision)
            .unwrap();
    }
    // The moderator and HR see every declaration; Gareth (panel B) sees none of them.
    assert_eq!(desk.as_("helen").conflicts(cast.campaign).unwrap().len(), 1);
    assert!(desk
        .as_("gareth")
        .conflicts(cast.campaign)
        .unwrap()
        .is_empty());
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::Intact { .. }
    ));
}

#[test]
fn nobody_scores_before_stating_their_conflicts() {
    let mut desk = desk();
    let cast = campaign(&mut desk);
    desk.as_("hr")
        .add_user("noor", "Noor Haddad", false)
        .unwrap();
    let noor = desk
        .as_("hr")
        .add_assessor(
            cast.campaign,
            "noor",
            AssessorRole::Member,
            Some(cast.panel_a),
        )
        .unwrap();
    desk.as_("hr").start_scoring(cast.campaign).unwrap();
    assert!(
        !desk
            .as_("noor")
            .roles(cast.campaign)
            .unwrap()
            .conflicts_stated
    );
    let early = desk
        .as_("noor")
        .save_score(cast.campaign, &score(cast.zoe, noor, "c1", 5, 2))
        .unwrap_err();
    assert_eq!(early.code(), "conflict");
    assert!(message(early).contains("confirm you have no conflicts of interest"));
    // A moderator has nothing to confirm.
    assert_eq!(
        desk.as_("helen")
            .confirm_no_conflicts(cast.campaign)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    desk.as_("noor")
        .confirm_no_conflicts(cast.campaign)
        .unwrap();
    assert!(
        desk.as_("noor")
            .roles(cast.campaign)
            .unwrap()
            .conflicts_stated
    );
    desk.as_("noor")
        .save_score(cast.campaign, &score(cast.zoe, noor, "c1", 5, 2))
        .unwrap();
    // The confirmation is in the log, as Noor's own action.
    let conn_events = desk
        .as_("hr")
        .audit_events(&panelmark::store::AuditFilter::default())
        .unwrap();
    assert!(conn_events
        .iter()
        .any(|e| e.action == "conflict.confirm_none" && e.actor == "noor"));
}

#[test]
fn reasonable_adjustments_reach_the_panel_and_the_candidates_own_pack_only() {
    let mut desk = desk();
    let cast = scoring(&mut desk);
    let note = "Extra 15 minutes; a step-free room";
    assert_eq!(
        desk.as_("amara")
            .set_adjustments(cast.campaign, cast.zoe, note)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    desk.as_("hr")
        .set_adjustments(cast.campaign, cast.zoe, note)
        .unwrap();
    assert_eq!(
        desk.as_("tomasz")
            .adjustments(cast.campaign, cast.zoe)
            .unwrap()
            .as_deref(),
        Some(note)
    );
    assert_eq!(
        desk.as_("tomasz")
            .adjustments(cast.campaign, cast.siobhan)
            .unwrap(),
        None
    );
    assert_eq!(
        desk.as_("priya")
            .adjustments(cast.campaign, cast.zoe)
            .unwrap_err()
            .code(),
        "forbidden",
        "another panel does not see them"
    );
    assert_eq!(
        desk.as_("helen")
            .adjustments(cast.campaign, cast.zoe)
            .unwrap_err()
            .code(),
        "forbidden",
        "the moderator does not need them"
    );
    score_and_agree(&mut desk, &cast, cast.zoe, [Some(6), Some(5), Some(4)]);
    score_and_agree(&mut desk, &cast, cast.siobhan, [Some(4), Some(4), Some(4)]);
    score_and_agree(&mut desk, &cast, cast.oyvind, [Some(5), Some(5), Some(5)]);
    let dir = common::export(desk.as_("helen"), cast.campaign, pdf_options());
    if let Some(zoe_pack) = common::pdf_text(&dir.path().join("C-001-evidence-pack.pdf")) {
        assert!(zoe_pack.contains("Reasonable adjustments"), "{zoe_pack}");
        assert!(zoe_pack.contains("Extra 15 minutes; a step-free room"));
        let siobhan_pack = common::pdf_text(&dir.path().join("C-002-evidence-pack.pdf")).unwrap();
        assert!(!siobhan_pack.contains("Extra 15 minutes"));
        let summary = common::pdf_text(&dir.path().join("campaign-summary.pdf")).unwrap();
        assert!(
            !summary.contains("Extra 15 minutes"),
            "never in the summary"
        );
    }
    let results = std::fs::read_to_string(dir.path().join("results.csv")).unwrap();
    assert!(results.contains("C-001") && !results.contains("Extra 15 minutes"));
}

#[test]
fn the_campaign_summary_lists_the_declarations() {
    let mut desk = desk();
    let cast = scoring(&mut desk);
    desk.as_("tomasz")
        .declare_conflict(cast.campaign, cast.siobhan, "Former line manager")
        .unwrap();
    desk.as_("gareth")
        .declare_conflict(cast.campaign, cast.oyvind, "Neighbour")
        .unwrap();
    let dir = common::export(desk.as_("helen"), cast.campaign, pdf_options());
    let Some(summary) = common::pdf_text(&dir.path().join("campaign-summary.pdf")) else {
        return;
    };
    assert!(summary.contains("Conflicts of interest"), "{summary}");
    let lines: Vec<&str> = summary
        .lines()
        .filter(|l| l.contains("Former line manager") || l.contains("Neighbour"))
        .collect();
    assert_eq!(lines.len(), 2, "{summary}");
    assert!(lines[0].contains("C-002") && lines[0].contains("Tomasz Wiśniewski"));
    assert!(lines[1].contains("C-003") && lines[1].contains("Gareth Llewellyn"));
}

/// Each new row the log records, changed behind the app's back, is named by `verify`.
#[test]
fn verify_replays_withdrawals_conflicts_confirmations_and_adjustments() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.db");
    let mut desk = desk_in(&file);
    let cast = scoring(&mut desk);
    desk.as_("hr")
        .set_adjustments(cast.campaign, cast.zoe, "Questions in writing")
        .unwrap();
    desk.as_("tomasz")
        .declare_conflict(cast.campaign, cast.siobhan, "Former line manager")
        .unwrap();
    desk.as_("hr")
        .withdraw_candidate(cast.campaign, cast.oyvind, "Accepted another offer")
        .unwrap();
    let verify = |desk: &mut Desk| desk.as_("hr").verify().unwrap();
    assert!(matches!(verify(&mut desk), Verification::Intact { .. }));

    let attacks = [
        (
            "UPDATE candidates SET withdrawn_at = NULL, withdrawal_reason = NULL WHERE reference = 'C-003'",
            "UPDATE candidates SET withdrawn_at = '2026-11-23T09:00:30Z', withdrawal_reason = 'Accepted another offer' WHERE reference = 'C-003'",
            "candidate C-003 withdrawn is false, the log says true",
        ),
        (
            "UPDATE candidates SET withdrawal_reason = 'Failed the interview' WHERE reference = 'C-003'",
            "UPDATE candidates SET withdrawal_reason = 'Accepted another offer' WHERE reference = 'C-003'",
            "candidate C-003 withdrawal reason is \"Failed the interview\", not the text the log records",
        ),
        (
            "UPDATE candidates SET adjustments = NULL WHERE reference = 'C-001'",
            "UPDATE candidates SET adjustments = 'Questions in writing' WHERE reference = 'C-001'",
            "candidate C-001 adjustments is —",
        ),
        (
            "UPDATE assessors SET conflicts_confirmed_at = NULL WHERE login = 'amara'",
            "UPDATE assessors SET conflicts_confirmed_at = '2026-11-23T09:00:20Z' WHERE login = 'amara'",
            "assessor Amara Okafor conflicts confirmed is false, the log says true",
        ),
        (
            "DELETE FROM conflicts",
            "",
            "conflict of interest of Tomasz Wiśniewski with C-002 is missing",
        ),
    ];
    for (attack, undo, expected) in attacks {
        Connection::open(&file)
            .unwrap()
            .execute_batch(attack)
            .unwrap();
        match verify(&mut desk) {
            Verification::DataDiffers { row, problem, .. } => {
                let said = format!("{row} {problem}");
                assert!(said.contains(expected), "expected “{expected}” in “{said}”");
            }
            other => panic!("verify passed `{attack}`: {other:?}"),
        }
        if undo.is_empty() {
            break;
        }
        Connection::open(&file)
            .unwrap()
            .execute_batch(undo)
            .unwrap();
        assert!(
            matches!(verify(&mut desk), Verification::Intact { .. }),
            "undoing `{attack}` restores the match"
        );
    }
}
