//! The whole story through the library: set up a campaign, score it independently, agree,
//! moderate with reasons, sign off, fail to edit, reopen, verify the audit chain.

mod common;

use panelmark::model::Mark;
use panelmark::model::{AssessorId, CampaignState, CandidateId, Decision, ScoreStatus};
use panelmark::scoring::flags::{FlagKind, FlagSettings};
use panelmark::scoring::results::{Outcome, ResultSource};
use panelmark::store::Verification;
use panelmark::Error;

fn agreed(candidate: CandidateId, key: &str, value: i32, by: AssessorId) -> Decision {
    Decision {
        candidate_id: candidate,
        criterion_key: key.into(),
        mark: Mark::Point(value).into(),
        text: format!("Panel settled on {value} after discussion"),
        by,
    }
}

#[test]
fn a_campaign_from_setup_to_sign_off_and_reopening() {
    let key = panelmark::anchor::InstallationKey::from_secret([9; 32]);
    let fingerprint = key.fingerprint();
    let mut desk = common::desk_on(common::store().with_installation_key(key));
    let cast = common::campaign(&mut desk);
    let c = cast.campaign;

    // Scoring cannot happen during setup.
    let err = desk
        .as_("amara")
        .save_score(c, &common::score(cast.zoe, cast.chair_a, "c1", 5, 2))
        .unwrap_err();
    assert!(matches!(err, Error::WrongState { .. }), "{err}");
    desk.as_("hr").start_scoring(c).unwrap();

    // Independent scoring: Amara scores Zoë; Tomasz sees only his own until he submits.
    for (key, value, n) in [("c1", 6, 2), ("c2", 5, 2), ("c3", 4, 0)] {
        desk.as_("amara")
            .save_score(c, &common::score(cast.zoe, cast.chair_a, key, value, n))
            .unwrap();
    }
    desk.as_("amara").submit_scores(c, cast.zoe).unwrap();
    desk.as_("tomasz")
        .save_score(c, &common::score(cast.zoe, cast.member_a, "c1", 3, 2))
        .unwrap();
    let seen = desk.by(cast.member_a).visible_scores(c, cast.zoe).unwrap();
    assert!(
        seen.iter().all(|s| s.assessor_id == cast.member_a),
        "Tomasz must not see Amara's scores before submitting"
    );
    assert_eq!(seen.len(), 1);

    // The panel cannot agree before every member submits.
    let err = desk
        .as_("amara")
        .agree_score(c, &agreed(cast.zoe, "c1", 5, cast.chair_a))
        .unwrap_err();
    assert!(
        err.to_string().contains("waiting for Tomasz Wiśniewski"),
        "{err}"
    );

    // A bad score is rejected and the stored draft stays as it was.
    let err = desk
        .as_("tomasz")
        .save_score(c, &common::score(cast.zoe, cast.member_a, "c1", 9, 2))
        .unwrap_err();
    assert!(
        err.to_string().contains("9 is not a point of the scale"),
        "{err}"
    );
    let kept = desk.by(cast.member_a).visible_scores(c, cast.zoe).unwrap();
    assert_eq!(
        kept[0].mark,
        Mark::Point(3).into(),
        "the rejected save left the draft untouched"
    );

    // Submitting with a criterion unscored is refused.
    let err = desk.as_("tomasz").submit_scores(c, cast.zoe).unwrap_err();
    assert!(
        err.to_string()
            .contains("missing: Delivering at Pace, Infrastructure as code"),
        "{err}"
    );
    desk.as_("tomasz")
        .save_score(c, &common::score(cast.zoe, cast.member_a, "c2", 5, 2))
        .unwrap();
    let mut no_evidence = common::score(cast.zoe, cast.member_a, "c3", 4, 0);
    no_evidence.evidence = "  ".into();
    desk.as_("tomasz").save_score(c, &no_evidence).unwrap();
    desk.as_("tomasz").submit_scores(c, cast.zoe).unwrap();

    // Now Tomasz sees both members' submitted scores, and can no longer change his own.
    let seen = desk.by(cast.member_a).visible_scores(c, cast.zoe).unwrap();
    assert_eq!(seen.len(), 6);
    assert!(seen.iter().all(|s| s.status == ScoreStatus::Submitted));
    let err = desk
        .as_("tomasz")
        .save_score(c, &common::score(cast.zoe, cast.member_a, "c1", 4, 2))
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");

    // The panel agrees Zoë's scores.
    for (key, value) in [("c1", 5), ("c2", 5), ("c3", 4)] {
        desk.as_("amara")
            .agree_score(c, &agreed(cast.zoe, key, value, cast.chair_a))
            .unwrap();
    }

    // Siobhán (panel A) and Øyvind (panel B) are scored and agreed too; both 4/4/4 → total 12.
    for (cand, chair, member) in [
        (cast.siobhan, cast.chair_a, cast.member_a),
        (cast.oyvind, cast.chair_b, cast.member_b),
    ] {
        for who in [chair, member] {
            for (key, n) in [("c1", 2), ("c2", 2), ("c3", 0)] {
                desk.by(who)
                    .save_score(c, &common::score(cand, who, key, 4, n))
                    .unwrap();
            }
            desk.by(who).submit_scores(c, cand).unwrap();
        }
        for key in ["c1", "c2", "c3"] {
            desk.by(chair)
                .agree_score(c, &agreed(cand, key, 4, chair))
                .unwrap();
        }
    }

    // Flags: Zoë's c1 spread of 3 (6 vs 3) and the members on both sides of the pass mark;
    // Tomasz's empty evidence on c3.
    let flags = desk
        .as_("helen")
        .flags(c, &FlagSettings::default())
        .unwrap();
    let zoe_flags: Vec<FlagKind> = flags
        .iter()
        .filter(|f| f.candidate_id == Some(cast.zoe))
        .map(|f| f.kind)
        .collect();
    assert!(zoe_flags.contains(&FlagKind::WideSpread), "{flags:#?}");
    assert!(zoe_flags.contains(&FlagKind::PassMarkSplit), "{flags:#?}");
    let evidence = flags
        .iter()
        .find(|f| f.kind == FlagKind::NoEvidence)
        .expect("empty evidence is flagged");
    assert_eq!(evidence.assessor_id, Some(cast.member_a));
    assert!(
        evidence
            .reason
            .contains("Tomasz Wiśniewski scored 4 on Infrastructure as code with no evidence"),
        "{}",
        evidence.reason
    );

    // Results: Zoë 14 passes first; Siobhán and Øyvind tie on 12 with equal tie-break → shared 2nd.
    let results = desk.as_("helen").results(c).unwrap();
    let summary: Vec<(&str, f64, Outcome, Option<u32>, bool)> = results
        .iter()
        .map(|r| (r.reference.as_str(), r.total, r.outcome, r.position, r.tied))
        .collect();
    assert_eq!(
        summary,
        [
            ("C-001", 14.0, Outcome::Pass, Some(1), false),
            ("C-002", 12.0, Outcome::Pass, Some(2), true),
            ("C-003", 12.0, Outcome::Pass, Some(2), true)
        ]
    );

    // Moderation: changing a score needs a reason.
    desk.as_("hr").start_moderation(c).unwrap();
    let mut change = agreed(cast.oyvind, "c2", 3, cast.moderator);
    change.text = String::new();
    let err = desk.as_("helen").moderate_score(c, &change).unwrap_err();
    assert!(
        err.to_string()
            .contains("moderation.reason: a reason is required"),
        "{err}"
    );
    change.text = "Evidence recorded supports limited prioritisation only; consistent with Panel A's calibration".into();
    desk.as_("helen").moderate_score(c, &change).unwrap();
    let results = desk.as_("helen").results(c).unwrap();
    let oyvind = results.iter().find(|r| r.reference == "C-003").unwrap();
    assert_eq!(oyvind.criteria[1].source, ResultSource::Moderated);
    assert_eq!(
        (oyvind.total, oyvind.outcome),
        (11.0, Outcome::Fail),
        "3 on an essential criterion is below the pass mark 4"
    );
    assert!(
        oyvind
            .outcome_reason
            .contains("Delivering at Pace (3 below 4)"),
        "{}",
        oyvind.outcome_reason
    );

    // A panel member cannot moderate.
    let err = desk
        .as_("amara")
        .moderate_score(c, &agreed(cast.zoe, "c1", 6, cast.chair_a))
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err}");

    // Sign-off locks everything, and records the head it signed off on, signed.
    let head_before = desk.as_("helen").anchor().unwrap();
    desk.as_("helen").sign_off(c).unwrap();
    let recorded = desk
        .as_("hr")
        .audit_events(&panelmark::store::AuditFilter {
            action_prefix: Some("anchor.recorded".into()),
            ..Default::default()
        })
        .unwrap();
    let signed_off = recorded.last().unwrap();
    assert_eq!(signed_off.after.as_ref().unwrap()["moment"], "sign_off");
    let text = signed_off.after.as_ref().unwrap()["anchor"]
        .as_str()
        .unwrap();
    assert_eq!(
        text,
        head_before.to_string(),
        "the head before sign-off, signed"
    );
    let anchor = panelmark::anchor::Anchor::parse(text, "sign-off").unwrap();
    assert_eq!(
        desk.as_("helen").check_anchor(&anchor).unwrap(),
        panelmark::anchor::AnchorCheck::Held {
            anchor: head_before.short(),
            signed_by: Some(fingerprint)
        }
    );
    assert_eq!(
        desk.as_("hr").campaign(c).unwrap().state,
        CampaignState::SignedOff
    );
    let err = desk
        .as_("helen")
        .moderate_score(c, &agreed(cast.zoe, "c1", 6, cast.moderator))
        .unwrap_err();
    assert!(matches!(err, Error::Locked { .. }), "{err}");
    assert!(err.to_string().contains("signed off and locked"), "{err}");
    let err = desk.as_("helen").reopen(c, "   ").unwrap_err();
    assert!(err.to_string().contains("reopen.reason"), "{err}");

    // Reopen with a reason; edits work again.
    desk.as_("helen")
        .reopen(c, "Appeal from C-003 received 2026-12-01")
        .unwrap();
    assert_eq!(
        desk.as_("hr").campaign(c).unwrap().state,
        CampaignState::Moderation
    );
    desk.as_("helen")
        .moderate_score(
            c,
            &Decision {
                text: "Appeal upheld: evidence re-read".into(),
                ..agreed(cast.oyvind, "c2", 4, cast.moderator)
            },
        )
        .unwrap();
    let history = desk.as_("helen").signoffs(c).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[1].reason.as_deref(),
        Some("Appeal from C-003 received 2026-12-01")
    );

    // The audit chain holds and recorded the story.
    match desk.as_("hr").verify().unwrap() {
        Verification::Intact { events, head } => {
            assert!(events > 40, "every write was audited ({events} events)");
            assert_eq!(head, desk.as_("hr").audit_head().unwrap());
        }
        broken => panic!("chain broken: {broken:?}"),
    }
    let reopen = desk
        .as_("hr")
        .audit_events(&panelmark::store::AuditFilter {
            action_prefix: Some("campaign.state".into()),
            ..Default::default()
        })
        .unwrap();
    let last = reopen.last().unwrap();
    assert_eq!(
        last.after.as_ref().unwrap()["reason"],
        "Appeal from C-003 received 2026-12-01"
    );
}

#[test]
fn verify_names_the_first_event_edited_behind_the_librarys_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.db");
    let mut desk = common::desk_in(&file);
    common::campaign(&mut desk);
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::Intact { .. }
    ));
    // Someone with the database file and sqlite3 rewrites history, bypassing the guard trigger.
    rusqlite::Connection::open(&file)
        .unwrap()
        .execute_batch("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;")
        .unwrap();
    match desk.as_("hr").verify().unwrap() {
        Verification::Broken { seq, problem } => {
            assert_eq!(seq, 5);
            assert!(problem.contains("altered"), "{problem}");
        }
        intact => panic!("tampering not detected: {intact:?}"),
    }
}

#[test]
fn a_rejected_action_leaves_no_trace_in_the_audit_log() {
    let mut desk = common::desk();
    let cast = common::campaign(&mut desk);
    let before = desk
        .as_("hr")
        .audit_events(&Default::default())
        .unwrap()
        .len();
    let err = desk
        .as_("hr")
        .add_panel(cast.campaign, "Panel A")
        .unwrap_err();
    assert!(
        err.to_string().contains("'Panel A' already exists"),
        "{err}"
    );
    assert_eq!(
        desk.as_("hr")
            .audit_events(&Default::default())
            .unwrap()
            .len(),
        before
    );
}

#[test]
fn erasing_a_candidate_is_explicit_audited_and_removes_their_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.db");
    let mut desk = common::desk_in(&file);
    let cast = common::campaign(&mut desk);
    let c = cast.campaign;
    desk.as_("hr").start_scoring(c).unwrap();
    desk.as_("amara")
        .save_score(c, &common::score(cast.zoe, cast.chair_a, "c1", 5, 2))
        .unwrap();
    let err = desk.as_("hr").erase_candidate(c, cast.zoe, "").unwrap_err();
    assert!(err.to_string().contains("erase.reason"), "{err}");
    desk.as_("hr")
        .erase_candidate(c, cast.zoe, "Subject erasure request DPA-2026-044")
        .unwrap();

    assert!(
        desk.as_("hr")
            .candidates(c)
            .unwrap()
            .iter()
            .all(|x| x.id != cast.zoe),
        "gone from lists"
    );
    assert!(
        desk.as_("helen")
            .results(c)
            .unwrap()
            .iter()
            .all(|r| r.candidate_id != cast.zoe),
        "gone from results"
    );
    let raw = rusqlite::Connection::open(&file).unwrap();
    let name: String = raw
        .query_row(
            "SELECT name FROM candidates WHERE id = ?1",
            [cast.zoe],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "Erased candidate");
    let evidence: String = raw
        .query_row(
            "SELECT evidence FROM scores WHERE candidate_id = ?1",
            [cast.zoe],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(evidence, "[erased on request]");
    let events = desk
        .as_("hr")
        .audit_events(&panelmark::store::AuditFilter {
            action_prefix: Some("candidate.erase".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].after.as_ref().unwrap()["reason"],
        "Subject erasure request DPA-2026-044"
    );
    assert!(
        !events[0]
            .after
            .as_ref()
            .unwrap()
            .to_string()
            .contains("Zoë"),
        "the erasure record names no one"
    );
    assert!(matches!(
        desk.as_("hr").verify().unwrap(),
        Verification::Intact { .. }
    ));
}

#[test]
fn batches_of_submissions_and_agreed_scores_follow_the_one_by_one_rules() {
    common::batch_story(&mut common::desk());
}
