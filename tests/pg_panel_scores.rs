//! A scorer's own scores for their whole panel in one call (the scoring screen's progress),
//! on the local file and on the shared database alike: only their own rows, drafts and
//! submitted, never another member's draft or submitted score, nothing of another panel and
//! nothing of a candidate they declared a conflict of interest with. And the same rows
//! counted up per candidate by the store (the Scoring list's progress), under the same rule.

mod common;
mod pg_support;
#[path = "pg_support/shared_desk.rs"]
mod shared_desk;

use common::{Cast, Desk};
use panelmark::model::{
    AssessorId, CandidateId, IndicatorMark, Mark, MaybeMark, OwnProgress, Score, ScoreInput,
    ScoreStatus,
};
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

/// The progress `scores` add up to, as the Scoring list shows it: per candidate and record, in
/// order, the criteria marked and whether submitted (what the store's count must agree with).
fn counted(scores: &[Score]) -> Vec<OwnProgress> {
    let mut progress: Vec<OwnProgress> = Vec::new();
    for s in scores {
        let same =
            |p: &OwnProgress| p.candidate_id == s.candidate_id && p.assessor_id == s.assessor_id;
        if !progress.last().is_some_and(same) {
            progress.push(OwnProgress {
                candidate_id: s.candidate_id,
                assessor_id: s.assessor_id,
                marked: 0,
                submitted: false,
            });
        }
        let last = progress.last_mut().unwrap();
        last.marked += u32::from(s.mark.is_marked());
        last.submitted |= s.status == ScoreStatus::Submitted;
    }
    progress
}

/// Panel A: Amara drafts Zoë and submits Siobhán; Tomasz drafts Siobhán, then declares a
/// conflict with her, and scores and submits Zoë. Gareth drafts Øyvind on panel B: a point,
/// "not assessed", and notes with no mark yet.
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
    for (key, mark) in [("c2", Mark::NotAssessed.into()), ("c3", MaybeMark::NONE)] {
        let input = ScoreInput {
            candidate_id: cast.oyvind,
            assessor_id: cast.member_b,
            criterion_key: key.into(),
            mark,
            evidence: "Notes so far".into(),
            indicators: if key == "c3" {
                vec![]
            } else {
                vec![IndicatorMark::Unmarked; 2]
            },
        };
        desk.by(cast.member_b).save_score(campaign, &input).unwrap();
    }
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

    // Gareth on panel B: his drafts for Øyvind only; Priya, his chair, none of it.
    assert_eq!(
        rows(&desk.by(cast.member_b).own_panel_scores(campaign).unwrap()),
        ["c1", "c2", "c3"].map(|k| (cast.oyvind, cast.member_b, k.to_owned(), false))
    );
    assert!(desk
        .by(cast.chair_b)
        .own_panel_scores(campaign)
        .unwrap()
        .is_empty());

    // The progress is those same rows counted up by the store: Tomasz's Zoë (3 marked,
    // submitted), Amara's two, Gareth's Øyvind with a point and "not assessed" marked and the
    // notes without a mark not; nothing for Priya.
    let progress =
        |desk: &mut Desk, who: AssessorId| desk.by(who).own_panel_progress(campaign).unwrap();
    let entry = |candidate_id, assessor_id, marked, submitted| OwnProgress {
        candidate_id,
        assessor_id,
        marked,
        submitted,
    };
    assert_eq!(
        progress(desk, cast.member_a),
        [entry(cast.zoe, cast.member_a, 3, true)]
    );
    assert_eq!(
        progress(desk, cast.chair_a),
        [
            entry(cast.zoe, cast.chair_a, 1, false),
            entry(cast.siobhan, cast.chair_a, 3, true)
        ]
    );
    assert_eq!(
        progress(desk, cast.member_b),
        [entry(cast.oyvind, cast.member_b, 2, false)]
    );
    assert!(progress(desk, cast.chair_b).is_empty());
    for who in [cast.chair_a, cast.member_a, cast.member_b] {
        let scores = desk.by(who).own_panel_scores(campaign).unwrap();
        assert_eq!(progress(desk, who), counted(&scores), "assessor {who}");
    }

    // A moderator and HR score nowhere: refused, not an empty list, for either read.
    for who in ["helen", "hr"] {
        let session = desk.as_(who);
        let refusals = [
            session.own_panel_scores(campaign).map(|_| ()),
            session.own_panel_progress(campaign).map(|_| ()),
        ];
        for refused in refusals {
            match refused {
                Err(Error::Forbidden(message)) => {
                    assert!(message.contains("member or chair"), "{message}")
                }
                other => panic!("{who}: {other:?}"),
            }
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
