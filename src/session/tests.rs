//! Every permission rule of the session, each allowed and refused, and independence through
//! every read a member has (scores, agreed scores, candidates, the audit log).

use super::*;
use crate::model::Mark;
use crate::model::{
    AssessorId, AssessorRole, CampaignId, CandidateId, Criterion, CriterionKind, Decision,
    IndicatorMark, PanelId, Priority, Role, Scale, ScoreInput, Scorecard,
};
use crate::scoring::flags::FlagSettings;
use crate::store::{AuditFilter, NewCandidate, Store};

/// The campaign of the story: HR (`hr`) sets up; Alex (chair) and Bo (member) on panel A,
/// Cy (chair) on panel B; Helen moderates. Candidates: C-1 on panel A, C-2 on panel B.
struct World {
    session: Option<Session>,
    campaign: CampaignId,
    alex: AssessorId,
    bo: AssessorId,
    helen: AssessorId,
    c1: CandidateId,
    c2: CandidateId,
}

impl World {
    fn new() -> World {
        let mut hr =
            Session::sign_in(Store::open_in_memory().unwrap(), "hr", Some("Harriet (HR)")).unwrap();
        for (login, name) in [
            ("alex", "Alex Chair"),
            ("bo", "Bo Member"),
            ("cy", "Cy Chair"),
            ("helen", "Helen Marsh"),
        ] {
            hr.add_user(login, name, false).unwrap();
        }
        let role = Role {
            title: "Analyst".into(),
            grade: None,
            reference: None,
            source: None,
            criteria: vec![Criterion {
                kind: CriterionKind::Behaviour,
                name: "Working Together".into(),
                group: None,
                priority: Priority::Essential,
                code: None,
                level: None,
                indicators: vec!["Builds trust".into()],
            }],
        };
        let role_id = hr.create_role(&role).unwrap();
        let card =
            Scorecard::from_role("Analyst interview", &role, Scale::civil_service(), Some(4));
        let card_id = hr.create_scorecard(Some(role_id), &card).unwrap();
        let campaign = hr.create_campaign("Analysts 2026", card_id).unwrap();
        let panel_a = hr.add_panel(campaign, "Panel A").unwrap();
        let panel_b = hr.add_panel(campaign, "Panel B").unwrap();
        let alex = hr
            .add_assessor(campaign, "alex", AssessorRole::Chair, Some(panel_a))
            .unwrap();
        let bo = hr
            .add_assessor(campaign, "bo", AssessorRole::Member, Some(panel_a))
            .unwrap();
        hr.add_assessor(campaign, "cy", AssessorRole::Chair, Some(panel_b))
            .unwrap();
        let helen = hr
            .add_assessor(campaign, "helen", AssessorRole::Moderator, None)
            .unwrap();
        let add = |hr: &mut Session, reference: &str, panel: PanelId| {
            hr.add_candidate(
                campaign,
                &NewCandidate {
                    reference: reference.into(),
                    name: format!("Candidate {reference}"),
                    panel_id: Some(panel),
                    ..Default::default()
                },
            )
            .unwrap()
        };
        let c1 = add(&mut hr, "C-1", panel_a);
        let c2 = add(&mut hr, "C-2", panel_b);
        hr.start_scoring(campaign).unwrap();
        let mut world = World {
            session: Some(hr),
            campaign,
            alex,
            bo,
            helen,
            c1,
            c2,
        };
        // Everyone who scores states, before scoring, that they have no conflicts.
        for login in ["alex", "bo", "cy"] {
            world.as_(login).confirm_no_conflicts(campaign).unwrap();
        }
        world.as_("hr");
        world
    }

    /// Switches the one session to `login` (as the Start screen does) and returns it.
    fn as_(&mut self, login: &str) -> &mut Session {
        let store = self.session.take().unwrap().sign_out();
        self.session = Some(Session::sign_in(store, login, None).unwrap());
        self.session.as_mut().unwrap()
    }

    fn score(&self, assessor: AssessorId, value: i32) -> ScoreInput {
        ScoreInput {
            candidate_id: self.c1,
            assessor_id: assessor,
            criterion_key: "c1".into(),
            mark: Mark::Point(value).into(),
            evidence: format!("scored {value}"),
            indicators: vec![IndicatorMark::Shown],
        }
    }

    fn decision(&self, value: i32) -> Decision {
        Decision {
            candidate_id: self.c1,
            criterion_key: "c1".into(),
            mark: Mark::Point(value).into(),
            text: "agreed after discussion".into(),
            by: AssessorId(0),
        }
    }
}

fn refusal<T: std::fmt::Debug>(result: Result<T>) -> String {
    match result.unwrap_err() {
        Error::Forbidden(message) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_first_user_of_a_new_file_is_its_hr_admin_and_strangers_are_refused_after() {
    let first =
        Session::sign_in(Store::open_in_memory().unwrap(), "sam", Some("Sam Jones")).unwrap();
    assert_eq!(first.user().login, "sam");
    assert_eq!(first.user().name, "Sam Jones");
    assert!(first.user().hr_admin, "the first user administers the file");
    let store = first.sign_out();
    let err = Session::sign_in(store, "mallory", None).unwrap_err();
    assert_eq!(err.code(), "not_signed_in");
    assert!(err.to_string().contains("users: sam"), "{err}");
}

#[test]
fn a_bad_login_is_refused_even_for_the_first_user() {
    let err = Session::sign_in(Store::open_in_memory().unwrap(), "Sam Jones", None).unwrap_err();
    assert_eq!(err.code(), "invalid", "{err}");
}

#[test]
fn only_hr_admins_set_up_and_the_refusal_says_who_may() {
    let mut w = World::new();
    let campaign = w.campaign;
    let bo = w.as_("bo");
    assert_eq!(
        refusal(bo.add_user("eve", "Eve", true)),
        "only an HR administrator may add users; you are working as Bo Member (bo)"
    );
    assert!(refusal(bo.add_panel(campaign, "Panel C"))
        .starts_with("only an HR administrator may add panels"));
    assert!(refusal(bo.add_candidate(
        campaign,
        &NewCandidate {
            reference: "X".into(),
            name: "X".into(),
            ..Default::default()
        }
    ))
    .contains("HR administrator"));
    assert!(refusal(bo.start_scoring(campaign)).contains("HR administrator"));
    assert!(
        refusal(bo.erase_candidate(campaign, CandidateId(1), "request"))
            .contains("HR administrator")
    );
    assert!(
        refusal(bo.add_assessor(campaign, "cy", AssessorRole::Member, None))
            .contains("HR administrator")
    );
    let hr = w.as_("hr");
    hr.add_user("eve", "Eve", false).expect("HR adds users");
    assert_eq!(hr.users().unwrap().len(), 6);
}

#[test]
fn nobody_moderates_a_campaign_in_which_they_score() {
    let mut w = World::new();
    let campaign = w.campaign;
    let hr = w.as_("hr");
    let err = hr
        .add_assessor(campaign, "bo", AssessorRole::Moderator, None)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("nobody moderates a campaign in which they score"),
        "{err}"
    );
    let panel_a = hr.panels(campaign).unwrap()[0].id;
    let err = hr
        .add_assessor(campaign, "helen", AssessorRole::Member, Some(panel_a))
        .unwrap_err();
    assert!(
        err.to_string().contains("Helen Marsh is a moderator"),
        "{err}"
    );
    let err = hr
        .add_assessor(campaign, "nobody", AssessorRole::Member, Some(panel_a))
        .unwrap_err();
    assert!(err.to_string().contains("'nobody' is not a user"), "{err}");
}

#[test]
fn members_save_and_submit_only_their_own_scores_for_their_own_panel() {
    let mut w = World::new();
    let (campaign, alex, c1, c2) = (w.campaign, w.alex, w.c1, w.c2);
    let input_for_alex = w.score(alex, 5);
    let bo = w.as_("bo");
    assert!(refusal(bo.save_score(campaign, &input_for_alex)).contains("another assessor's name"));
    assert!(refusal(bo.submit_scores(campaign, c2)).contains("only a member or chair of the panel that interviews the candidate may submit scores for C-2"));
    let hr_input = w.score(w.bo, 4);
    let hr = w.as_("hr");
    assert!(
        refusal(hr.save_score(campaign, &hr_input)).contains("another assessor's name"),
        "HR does not score"
    );
    let own = w.score(w.bo, 4);
    let bo = w.as_("bo");
    let saved = bo.save_score(campaign, &own).unwrap();
    assert_eq!(saved.mark.point(), Some(4));
    let submitted = bo.submit_scores(campaign, c1).unwrap();
    assert_eq!(submitted.len(), 1);
    assert_eq!(
        submitted[0].assessor_id, w.bo,
        "submitted as Bo's own record"
    );
}

#[test]
fn a_member_never_sees_another_members_draft_by_any_session_call() {
    let mut w = World::new();
    let (campaign, c1, alex, bo_id) = (w.campaign, w.c1, w.alex, w.bo);
    let alex_draft = w.score(alex, 6);
    w.as_("alex").save_score(campaign, &alex_draft).unwrap();
    let bo_draft = w.score(bo_id, 3);
    let bo = w.as_("bo");
    bo.save_score(campaign, &bo_draft).unwrap();

    // Scores: only Bo's own.
    let seen = bo.visible_scores(campaign, c1).unwrap();
    assert_eq!(
        seen.iter().map(|s| s.assessor_id).collect::<Vec<_>>(),
        [bo_id]
    );
    // Agreed scores: not before Bo has submitted.
    assert!(refusal(bo.agreed_scores(campaign, c1)).contains("once you have submitted"));
    // The audit log: Alex's save is not there, under any filter.
    for filter in [
        AuditFilter::default(),
        AuditFilter {
            action_prefix: Some("score.".into()),
            ..Default::default()
        },
        AuditFilter {
            actor: Some("alex".into()),
            ..Default::default()
        },
        AuditFilter {
            entity_prefix: Some(format!(
                "campaign/{campaign}/candidate/{c1}/assessor/{alex}"
            )),
            ..Default::default()
        },
        AuditFilter {
            limit: Some(1),
            ..Default::default()
        },
    ] {
        let events = bo.audit_events(&filter).unwrap();
        assert!(
            !events
                .iter()
                .any(|e| e.actor == "alex" || e.entity.contains(&format!("/assessor/{alex}/"))),
            "{filter:?}: {events:?}"
        );
    }
    let own: Vec<String> = bo
        .audit_events(&AuditFilter {
            action_prefix: Some("score.".into()),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| e.actor)
        .collect();
    assert_eq!(own, ["bo"], "Bo reads their own save");
    // Results and the board are a moderator's, not a member's.
    assert!(refusal(bo.results(campaign))
        .starts_with("only a moderator of this campaign may see the results"));
    assert!(refusal(bo.packed_board(campaign, &FlagSettings::default())).contains("moderator"));
    assert!(refusal(bo.submitted_scores(campaign)).contains("moderator"));

    // Once Bo submits, Bo reads Alex's history in the log, but still not Alex's draft score.
    bo.submit_scores(campaign, c1).unwrap();
    let seen = bo.visible_scores(campaign, c1).unwrap();
    assert_eq!(
        seen.iter().map(|s| s.assessor_id).collect::<Vec<_>>(),
        [bo_id],
        "Alex has not submitted"
    );
    let events = bo
        .audit_events(&AuditFilter {
            action_prefix: Some("score.save".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        events.iter().map(|e| e.actor.as_str()).collect::<Vec<_>>(),
        ["alex", "bo"]
    );
    // Alex, still drafting, does not see Bo's submitted score or Bo's events.
    let alex_session = w.as_("alex");
    let seen = alex_session.visible_scores(campaign, c1).unwrap();
    assert_eq!(
        seen.iter().map(|s| s.assessor_id).collect::<Vec<_>>(),
        [alex]
    );
    let events = alex_session.audit_events(&AuditFilter::default()).unwrap();
    assert!(!events.iter().any(|e| e.actor == "bo"), "{events:?}");
}

#[test]
fn members_see_only_their_own_panels_candidates_and_events() {
    let mut w = World::new();
    let (campaign, c1, c2) = (w.campaign, w.c1, w.c2);
    let cy = w.as_("cy");
    let refs: Vec<String> = cy
        .candidates(campaign)
        .unwrap()
        .into_iter()
        .map(|c| c.reference)
        .collect();
    assert_eq!(refs, ["C-2"]);
    assert!(refusal(cy.candidate(campaign, c1)).contains("see candidate C-1"));
    assert!(refusal(cy.visible_scores(campaign, c1)).contains("see the scores for C-1"));
    assert!(cy.candidate(campaign, c2).is_ok());
    let events = cy.audit_events(&AuditFilter::default()).unwrap();
    assert!(
        events
            .iter()
            .all(|e| !e.entity.contains(&format!("candidate/{c1}"))),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.entity == format!("campaign/{campaign}/candidate/{c2}")),
        "own panel's candidate shows"
    );
    assert!(
        !events.iter().any(|e| e.entity.starts_with("role/")),
        "templates' history is HR's"
    );
    // A user with no part in the campaign sees none of it.
    w.as_("hr").add_user("zed", "Zed", false).unwrap();
    let zed = w.as_("zed");
    assert!(zed.campaigns().unwrap().is_empty());
    assert!(refusal(zed.campaign(campaign)).contains("open this campaign"));
    assert!(zed
        .audit_events(&AuditFilter::default())
        .unwrap()
        .iter()
        .all(|e| e.actor == "zed"));
}

#[test]
fn only_the_panels_chair_records_the_agreed_score_as_their_own_record() {
    let mut w = World::new();
    let (campaign, c1, alex, bo) = (w.campaign, w.c1, w.alex, w.bo);
    let (s_alex, s_bo) = (w.score(alex, 5), w.score(bo, 3));
    w.as_("alex").save_score(campaign, &s_alex).unwrap();
    w.as_("alex").submit_scores(campaign, c1).unwrap();
    w.as_("bo").save_score(campaign, &s_bo).unwrap();
    w.as_("bo").submit_scores(campaign, c1).unwrap();
    let decision = Decision {
        by: bo,
        ..w.decision(4)
    };
    let bo_session = w.as_("bo");
    assert!(refusal(bo_session.agree_score(campaign, &decision)).starts_with(
        "only the chair of the panel that interviews the candidate may record the agreed score for C-1"
    ));
    assert!(refusal(w.as_("cy").agree_score(campaign, &decision)).contains("chair of the panel"));
    let agreed = w.as_("alex").agree_score(campaign, &decision).unwrap();
    assert_eq!(
        agreed.agreed_by, alex,
        "recorded as the chair, whatever `by` said"
    );
    assert_eq!(
        w.as_("bo").agreed_scores(campaign, c1).unwrap().len(),
        1,
        "after submitting"
    );
}

#[test]
fn only_a_moderator_of_the_campaign_moderates_signs_off_and_reads_results() {
    let mut w = World::new();
    let (campaign, c1, c2, alex, bo, helen) = (w.campaign, w.c1, w.c2, w.alex, w.bo, w.helen);
    let (s_alex, s_bo) = (w.score(alex, 5), w.score(bo, 5));
    w.as_("alex").save_score(campaign, &s_alex).unwrap();
    w.as_("alex").submit_scores(campaign, c1).unwrap();
    w.as_("bo").save_score(campaign, &s_bo).unwrap();
    w.as_("bo").submit_scores(campaign, c1).unwrap();
    let agreed = w.decision(5);
    w.as_("alex").agree_score(campaign, &agreed).unwrap();
    w.as_("helen")
        .start_moderation(campaign)
        .expect("a moderator moves to moderation");
    let hr = w.as_("hr");
    assert_eq!(
        refusal(hr.sign_off(campaign)),
        "only a moderator of this campaign may sign off; you are working as Harriet (HR) (hr)"
    );
    assert!(refusal(hr.results(campaign)).contains("only a moderator"));
    assert!(refusal(hr.results_view(campaign, None)).contains("only a moderator"));
    assert!(
        refusal(hr.visible_scores(campaign, c1)).contains("the candidate's panel or a moderator")
    );
    let dir = tempfile::tempdir().unwrap();
    assert!(
        refusal(hr.export_campaign(campaign, dir.path(), &Default::default(), |_, _| {}))
            .contains("export")
    );
    let alex_session = w.as_("alex");
    assert!(refusal(alex_session.moderate_score(campaign, &agreed)).contains("may moderate scores"));
    assert!(refusal(alex_session.order_tie(campaign, &[c1, c2], "r")).contains("separate tied"));

    let helen_session = w.as_("helen");
    let moderation = helen_session
        .moderate_score(
            campaign,
            &Decision {
                text: "calibrated".into(),
                mark: Mark::Point(4).into(),
                by: alex,
                ..agreed
            },
        )
        .unwrap();
    assert_eq!(
        moderation.moderator_id, helen,
        "recorded as Helen's own record"
    );
    assert_eq!(
        helen_session.visible_scores(campaign, c1).unwrap().len(),
        2,
        "every submitted score"
    );
    assert_eq!(helen_session.results(campaign).unwrap().len(), 2);
    assert_eq!(helen_session.moderations(campaign, c1).unwrap().len(), 1);
    let signed = helen_session.sign_off(campaign);
    assert!(signed.is_err(), "C-2 is undecided: {signed:?}");
    let not_interviewed = Decision {
        candidate_id: c2,
        text: "not interviewed".into(),
        mark: Mark::NotAssessed.into(),
        ..w.decision(0)
    };
    let helen_session = w.as_("helen");
    helen_session
        .moderate_score(campaign, &not_interviewed)
        .unwrap();
    helen_session.sign_off(campaign).unwrap();
    assert_eq!(
        helen_session.signoffs(campaign).unwrap()[0].moderator,
        "Helen Marsh"
    );
    helen_session.reopen(campaign, "appeal upheld").unwrap();
}

#[test]
fn every_change_is_audited_under_the_signed_in_login() {
    let mut w = World::new();
    let hr = w.as_("hr");
    let actors: std::collections::BTreeSet<String> = hr
        .audit_events(&AuditFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.actor)
        .collect();
    // HR set everything up; each scorer stated their conflicts themself.
    assert_eq!(
        actors.into_iter().collect::<Vec<_>>(),
        ["alex", "bo", "cy", "hr"]
    );
}

#[test]
fn a_score_sheet_is_imported_by_its_own_assessor_only_and_every_bad_line_is_named() {
    let mut w = World::new();
    let (campaign, c1) = (w.campaign, w.c1);
    let sheet = "assessor,candidate,criterion,value,evidence,indicators\n\
                 bo,C-1,Working Together,5,\"Led, then\nshared\",s\n";
    // HR never sees individual scores, so HR cannot save them in an assessor's name either.
    assert!(refusal(
        w.as_("hr")
            .import_scores(campaign, "s.csv", sheet.as_bytes())
    )
    .starts_with(
        "only a member or chair of this campaign, for their own scores, may import a score sheet"
    ));
    // A moderator does not score.
    assert!(refusal(
        w.as_("helen")
            .import_scores(campaign, "s.csv", sheet.as_bytes())
    )
    .starts_with("only a member or chair"));
    // Alex may import only Alex's rows; C-2 is on panel B, so not Bo's to score.
    let mixed = format!("{sheet}alex,C-1,c1,4,x,s\nbo,C-2,c1,4,x,s\nbo,C-1,c1,NA,x,s\n");
    let err = w
        .as_("bo")
        .import_scores(campaign, "s.csv", mixed.as_bytes())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "s.csv: 3 row(s) rejected, nothing imported:\n\
         line 4: assessor: 'alex' is not you (bo); each assessor imports their own scores\n\
         line 5: candidate: 'C-2' is not a candidate of your panel in this campaign\n\
         line 6: criterion: C-1 on 'Working Together' is scored already on line 2"
    );
    assert!(w.as_("bo").visible_scores(campaign, c1).unwrap().is_empty());

    let imported = w
        .as_("bo")
        .import_scores(campaign, "s.csv", sheet.as_bytes())
        .unwrap();
    assert_eq!(
        imported,
        ScoreImport {
            scores: 1,
            candidates: 1
        }
    );
    let scores = w.as_("bo").visible_scores(campaign, c1).unwrap();
    assert_eq!(scores.len(), 1);
    assert_eq!(scores[0].assessor_id, w.bo);
    assert_eq!(scores[0].mark, Mark::Point(5).into());
    assert_eq!(scores[0].evidence, "Led, then\nshared");
    assert_eq!(scores[0].indicators, [IndicatorMark::Shown]);
    // The audit log names Bo as the one who saved it.
    let events = w.as_("hr").audit_events(&AuditFilter::default()).unwrap();
    let saved = events
        .iter()
        .rev()
        .find(|e| e.action.starts_with("score"))
        .unwrap();
    assert_eq!(saved.actor, "bo");

    // Once submitted, a sheet for the same candidate is refused on its line.
    w.as_("bo").submit_scores(campaign, c1).unwrap();
    let err = w
        .as_("bo")
        .import_scores(campaign, "s.csv", sheet.as_bytes())
        .unwrap_err();
    assert!(
        err.to_string()
            .ends_with("line 2: candidate: you have submitted your scores for C-1; they are final"),
        "{err}"
    );
}

/// Progress that cancels its own token once `after` steps are reported, as a user pressing
/// Cancel part-way would.
fn cancelled_after(after: usize) -> crate::cancel::Progress<'static> {
    let token = crate::cancel::Cancel::new();
    let stop = token.clone();
    crate::cancel::Progress::new(token, move |done, _| {
        if done >= after {
            stop.cancel();
        }
    })
}

#[test]
fn a_candidate_import_cancelled_part_way_stores_nothing() {
    let mut w = World::new();
    let campaign = w.campaign;
    let hr = w.as_("hr");
    let events = hr.audit_events(&AuditFilter::default()).unwrap().len();
    let file = "reference,name,panel\nC-10,Ada Byrne,Panel A\nC-11,Bo Chen,Panel B\n\
                C-12,Cai Dune,Panel A\nC-13,Di Eve,Panel B\n";
    let err = hr
        .import_candidates_with(
            campaign,
            "late.csv",
            file.as_bytes(),
            &mut cancelled_after(2),
        )
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(
        err.to_string(),
        "cancelled: nothing was imported from late.csv"
    );
    assert_eq!(
        hr.candidates(campaign).unwrap().len(),
        2,
        "the two rows inserted before the cancel were rolled back"
    );
    assert_eq!(
        hr.audit_events(&AuditFilter::default()).unwrap().len(),
        events,
        "and no audit event was kept"
    );
    let mut seen = Vec::new();
    let added = hr
        .import_candidates_with(
            campaign,
            "late.csv",
            file.as_bytes(),
            &mut crate::cancel::Progress::reporting(|done, total| seen.push((done, total))),
        )
        .unwrap();
    assert_eq!(added, 4);
    assert_eq!(seen, [(1, 4), (2, 4), (3, 4), (4, 4)]);
    assert_eq!(hr.candidates(campaign).unwrap().len(), 6);
}

#[test]
fn a_score_sheet_import_cancelled_before_its_commit_saves_nothing() {
    let mut w = World::new();
    let (campaign, c1) = (w.campaign, w.c1);
    let sheet = "assessor,candidate,criterion,value,evidence,indicators\n\
                 bo,C-1,Working Together,5,Led the team,s\n";
    let err = w
        .as_("bo")
        .import_scores_with(campaign, "s.csv", sheet.as_bytes(), &mut cancelled_after(1))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.to_string().as_str()),
        ("cancelled", "cancelled: nothing was imported from s.csv")
    );
    assert!(
        w.as_("bo").visible_scores(campaign, c1).unwrap().is_empty(),
        "the score written before the cancel was rolled back"
    );
}

#[test]
fn an_export_cancelled_part_way_leaves_no_file_in_the_folder() {
    let mut w = World::new();
    let campaign = w.campaign;
    let dir = tempfile::tempdir().unwrap();
    // An earlier export's file and the user's own: a cancelled export touches neither.
    std::fs::write(dir.path().join("results.csv"), "earlier export").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let options = crate::export::ExportOptions {
        pdf: true,
        csv: true,
        ..Default::default()
    };
    let helen = w.as_("helen");
    // The summary and two packs: cancelled after the summary, before any pack.
    let err = helen
        .export_campaign_with(campaign, dir.path(), &options, &mut cancelled_after(1))
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert_eq!(
        err.to_string(),
        format!("cancelled: nothing was written to {}", dir.path().display())
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["notes.txt", "results.csv"],
        "no partial file, no staging folder"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("results.csv")).unwrap(),
        "earlier export"
    );

    // A folder the export made for itself goes again when it is cancelled.
    let fresh = dir.path().join("new");
    helen
        .export_campaign_with(campaign, &fresh, &options, &mut cancelled_after(1))
        .unwrap_err();
    assert!(!fresh.exists());

    // Not cancelled, the same export replaces the earlier file and leaves only its own.
    let summary = helen
        .export_campaign(campaign, dir.path(), &options, |_, _| {})
        .unwrap();
    assert_eq!(
        summary.files.len(),
        3 + 3 + 1,
        "CSVs, summary and two packs, receipt"
    );
    assert!(summary
        .files
        .iter()
        .all(|f| std::path::Path::new(f).parent() == Some(dir.path())));
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 7 + 1, "the export's files and notes.txt");
    assert_ne!(
        std::fs::read_to_string(dir.path().join("results.csv")).unwrap(),
        "earlier export"
    );
}

#[test]
fn a_demo_cancelled_part_way_says_what_it_kept() {
    let mut w = World::new();
    let hr = w.as_("hr");
    let before = hr.campaigns().unwrap().len();
    let options = crate::demo::DemoOptions {
        candidates: 8,
        seed: 3,
    };
    let err = hr
        .demo_with(&options, 1, &mut cancelled_after(3))
        .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    let campaigns = hr.campaigns().unwrap();
    assert_eq!(campaigns.len(), before + 1);
    let demo = campaigns.iter().max_by_key(|c| c.id).unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "cancelled: the demo stopped part-way; campaign {} is kept in set-up, with the \
             candidates added so far",
            demo.id
        )
    );
    assert_eq!(hr.candidates(demo.id).unwrap().len(), 3);
    // Cancelled before it starts, nothing is made.
    let token = crate::cancel::Cancel::new();
    token.cancel();
    let err = hr
        .demo_with(
            &options,
            1,
            &mut crate::cancel::Progress::new(token, |_, _| {}),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "cancelled: no demo campaign was made");
    assert_eq!(hr.campaigns().unwrap().len(), before + 1);
}

#[test]
fn a_members_newest_events_are_found_past_pages_of_events_they_may_not_read() {
    let mut w = World::new();
    let (campaign, c1, c2) = (w.campaign, w.c1, w.c2);
    let panel_a = w.as_("alex").candidate(campaign, c1).unwrap().panel_id;
    // More of panel A's events than one page back through the log (see MIN_PAGE), none of
    // which Cy (panel B) may read, between Cy's older events and the newest.
    let hr = w.as_("hr");
    for i in 0..super::audit_view::MIN_PAGE + 200 {
        hr.add_candidate(
            campaign,
            &NewCandidate {
                reference: format!("A-{i}"),
                name: format!("Candidate A-{i}"),
                panel_id: panel_a,
                ..Default::default()
            },
        )
        .unwrap();
    }
    let cy = w.as_("cy");
    let all = cy.audit_events(&AuditFilter::default()).unwrap();
    assert!(
        all.iter()
            .any(|e| e.entity == format!("campaign/{campaign}/candidate/{c2}")),
        "C-2's creation, older than panel A's candidates, is Cy's to read"
    );
    let seqs =
        |events: &[crate::model::AuditEvent]| events.iter().map(|e| e.seq).collect::<Vec<_>>();
    for limit in [1, 2, 5, all.len(), all.len() + 10] {
        let newest = cy
            .audit_events(&AuditFilter {
                limit: Some(limit),
                ..Default::default()
            })
            .unwrap();
        let tail = &all[all.len().saturating_sub(limit)..];
        assert_eq!(seqs(&newest), seqs(tail), "limit {limit}");
    }
    // Page by page back from the newest, the pages are the whole log Cy may read.
    let mut pages = Vec::new();
    let mut before_seq = None;
    loop {
        let page = cy
            .audit_events(&AuditFilter {
                limit: Some(2),
                before_seq,
                ..Default::default()
            })
            .unwrap();
        let Some(first) = page.first() else { break };
        before_seq = Some(first.seq);
        pages.splice(0..0, page);
    }
    assert_eq!(seqs(&pages), seqs(&all));
    assert!(cy
        .audit_events(&AuditFilter {
            limit: Some(0),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
}
