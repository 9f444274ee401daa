//! A scorer's own scores for their whole panel in one call (the scoring screen's progress),
//! on the local file and on the shared database alike: only their own rows, drafts and
//! submitted, never another member's draft or submitted score, nothing of another panel and
//! nothing of a candidate they declared a conflict of interest with.

mod common;
mod pg_support;
#[path = "pg_support/shared_desk.rs"]
mod shared_desk;

use common::{Cast, Desk};
use panelmark::model::{AssessorId, CandidateId, ScoreStatus};
use panelmark::Error;
use shared_desk::shared_desk;

/// (candidate, assessor, criterion, submitted) of each score, as the call returns them.
fn rows(scores: &[panelmark::model::Score]) -> Vec<(CandidateId, AssessorId, String, bool)> {
    scores
        .iter()
        .map(|s| {
            (
                s.candidate_id,
                s.assessor_id,
                s.criterion_key.clone(),
                s.status == ScoreStatus::Submitted,
            )
        })
        .collect()
}

/// Panel A: Amara drafts Zoë and submits Siobhán; Tomasz drafts Siobhán, then declares a
/// conflict with her, and scores and submits Zoë. Gareth drafts Øyvind on panel B.
fn scored_panels(desk: &mut Desk) -> Cast {
    let cast = common::campaign(desk);
    let campaign = cast.campaign;
    desk.as_("hr").start_scoring(campaign).unwrap();
    let save =
        |desk: &mut Desk, candidate: CandidateId, assessor: AssessorId, key: &str, value: i32| {
            let n = if key == "c3" { 0 } else { 2 };
            desk.by(assessor)
                .save_score(campaign, &common::score(candidate, assessor, key, value, n))
                .unwrap();
        };
    // Every criterion at `value`, then submitted.
    let submit = |desk: &mut Desk, candidate: CandidateId, assessor: AssessorId, value: i32| {
        for key in ["c1", "c2", "c3"] {
            save(desk, candidate, assessor, key, value);
        }
        desk.by(assessor)
            .submit_scores(campaign, candidate)
            .unwrap();
    };
    save(desk, cast.zoe, cast.chair_a, "c1", 5);
    submit(desk, cast.siobhan, cast.chair_a, 4);
    save(desk, cast.siobhan, cast.member_a, "c2", 3);
    desk.by(cast.member_a)
        .declare_conflict(campaign, cast.siobhan, "She reported to me until 2025")
        .unwrap();
    submit(desk, cast.zoe, cast.member_a, 6);
    save(desk, cast.oyvind, cast.member_b, "c1", 2);
    cast
}

/// The rules, on whichever backend `desk` is on.
fn own_panel_scores_follow_the_rules(desk: &mut Desk) {
    let cast = scored_panels(desk);
    let campaign = cast.campaign;

    // Tomasz: his three submitted scores for Zoë and nothing else: not Amara's draft for Zoë,
    // not her submitted scores for Siobhán, not his own draft for Siobhán (he declared a
    // conflict with her since), nothing of panel B.
    let tomasz = rows(&desk.by(cast.member_a).own_panel_scores(campaign).unwrap());
    let expected: Vec<_> = ["c1", "c2", "c3"]
        .iter()
        .map(|k| (cast.zoe, cast.member_a, k.to_string(), true))
        .collect();
    assert_eq!(tomasz, expected);

    // Amara: her draft for Zoë and her submitted scores for Siobhán, by candidate then
    // criterion, none of Tomasz's (though he submitted Zoë's).
    let amara = rows(&desk.by(cast.chair_a).own_panel_scores(campaign).unwrap());
    let mut expected = vec![(cast.zoe, cast.chair_a, "c1".to_owned(), false)];
    expected.extend(
        ["c1", "c2", "c3"]
            .iter()
            .map(|k| (cast.siobhan, cast.chair_a, k.to_string(), true)),
    );
    assert_eq!(amara, expected);

    // The same own rows visible_scores gives, candidate by candidate.
    for who in [cast.chair_a, cast.chair_b, cast.member_b] {
        let session = desk.by(who);
        let whole = rows(&session.own_panel_scores(campaign).unwrap());
        let mut one_by_one = Vec::new();
        for c in session.candidates(campaign).unwrap() {
            let seen = session.visible_scores(campaign, c.id).unwrap();
            one_by_one.extend(rows(&seen).into_iter().filter(|r| r.1 == who));
        }
        assert_eq!(whole, one_by_one, "assessor {who}");
    }

    // Gareth on panel B: his draft for Øyvind only; Priya, his chair, none of it.
    assert_eq!(
        rows(&desk.by(cast.member_b).own_panel_scores(campaign).unwrap()),
        [(cast.oyvind, cast.member_b, "c1".to_owned(), false)]
    );
    assert!(desk
        .by(cast.chair_b)
        .own_panel_scores(campaign)
        .unwrap()
        .is_empty());

    // A moderator and HR score nowhere: refused, not an empty list.
    for who in ["helen", "hr"] {
        match desk.as_(who).own_panel_scores(campaign) {
            Err(Error::Forbidden(message)) => {
                assert!(message.contains("member or chair"), "{message}")
            }
            other => panic!("{who}: {other:?}"),
        }
    }
}

#[test]
fn own_panel_scores_follow_the_rules_on_a_local_file() {
    own_panel_scores_follow_the_rules(&mut common::desk());
}

#[test]
fn own_panel_scores_follow_the_rules_on_the_shared_database() {
    let Some((mut desk, _db)) = shared_desk("pg_panel_scores") else {
        return;
    };
    own_panel_scores_follow_the_rules(&mut desk);
}
