//! Shared fixtures for the core's integration tests.
#![allow(dead_code)]

use panelmark::model::Mark;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use panelmark::model::{
    AssessorId, AssessorRole, CampaignId, CandidateId, Criterion, CriterionKind, Decision,
    IndicatorMark, PanelId, Priority, Role, Scale, ScoreInput, Scorecard,
};
use panelmark::session::Session;
use panelmark::store::{NewCandidate, Store};

/// An in-memory store whose clock starts at 2026-11-23 09:00 UTC and ticks a second per action.
pub fn store() -> Store {
    with_test_clock(Store::open_in_memory().unwrap())
}

/// `store` on the tests' clock: 2026-11-23 09:00 UTC, a second more per action.
pub fn with_test_clock(store: Store) -> Store {
    let tick = Arc::new(AtomicI64::new(0));
    store.with_clock(Arc::new(move || {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
            + chrono::Duration::seconds(tick.fetch_add(1, Ordering::SeqCst))
    }))
}

/// One database and whoever is signed in to it: tests switch person explicitly, as a user
/// does on the Start screen. On a shared database each person has their own connection, as
/// each would on their own laptop.
pub struct Desk {
    session: Option<Session>,
    shared: Option<Shared>,
    /// Each assessor record's person (the short name used in [`Desk::as_`]), for [`Desk::by`].
    logins: HashMap<AssessorId, String>,
}

/// A shared database: how a person signs in, and their sessions so far.
struct Shared {
    /// The database login of a person.
    login: Box<dyn Fn(&str) -> String>,
    /// Signs a person in on their own connection.
    connect: Box<dyn Fn(&str) -> Session>,
    sessions: HashMap<String, Session>,
}

impl Desk {
    /// A desk on a shared database: `login` names each person's database login, `connect`
    /// signs them in on a connection of their own. Their users must exist already.
    pub fn shared(
        login: impl Fn(&str) -> String + 'static,
        connect: impl Fn(&str) -> Session + 'static,
    ) -> Desk {
        Desk {
            session: None,
            shared: Some(Shared {
                login: Box::new(login),
                connect: Box::new(connect),
                sessions: HashMap::new(),
            }),
            logins: HashMap::new(),
        }
    }

    /// The database login of the person `who` (the same on a local file).
    pub fn login(&self, who: &str) -> String {
        match &self.shared {
            Some(shared) => (shared.login)(who),
            None => who.to_owned(),
        }
    }

    /// Signed in as `who` (switching if someone else was).
    pub fn as_(&mut self, who: &str) -> &mut Session {
        if let Some(shared) = &mut self.shared {
            let connect = &shared.connect;
            return shared
                .sessions
                .entry(who.to_owned())
                .or_insert_with(|| connect(who));
        }
        if self.session.as_ref().is_some_and(|s| s.user().login != who) {
            let store = self.session.take().unwrap().sign_out();
            self.session = Some(Session::sign_in(store, who, None).unwrap());
        }
        self.session.as_mut().unwrap()
    }

    /// Signed in as the person whose assessor record is `assessor`.
    pub fn by(&mut self, assessor: AssessorId) -> &mut Session {
        let who = self.logins[&assessor].clone();
        self.as_(&who)
    }
}

/// The people of [`campaign`]: HR's `hr` (the file's first user, so its HR administrator),
/// then the panels' and the moderator's logins with their names.
pub const PEOPLE: [(&str, &str); 5] = [
    ("amara", "Amara Okafor"),
    ("tomasz", "Tomasz Wiśniewski"),
    ("priya", "Priya Raman"),
    ("gareth", "Gareth Llewellyn"),
    ("helen", "Helen Marsh"),
];

/// A fresh database (see [`store`]) with HR signed in and the people of [`PEOPLE`] added.
pub fn desk() -> Desk {
    desk_on(store())
}

/// [`desk`] on a database file, for tests that look at the file with raw SQL.
pub fn desk_in(path: &std::path::Path) -> Desk {
    desk_on(with_test_clock(Store::open(path).unwrap()))
}

/// [`desk`] on `store` (a store with an installation key, say).
pub fn desk_on(store: Store) -> Desk {
    let mut hr = Session::sign_in(store, "hr", Some("HR Admin")).unwrap();
    for (login, name) in PEOPLE {
        hr.add_user(login, name, false).unwrap();
    }
    Desk {
        session: Some(hr),
        shared: None,
        logins: HashMap::new(),
    }
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
    pub campaign: CampaignId,
    pub panel_a: PanelId,
    pub panel_b: PanelId,
    pub chair_a: AssessorId,
    pub member_a: AssessorId,
    pub chair_b: AssessorId,
    pub member_b: AssessorId,
    pub moderator: AssessorId,
    pub zoe: CandidateId,
    pub siobhan: CandidateId,
    pub oyvind: CandidateId,
}

/// A campaign in setup with two panels of two, a moderator and three candidates
/// (two on panel A, one on panel B). Pass mark 4 on each criterion, overall 12.
/// Amara chairs and Tomasz sits on panel A; Priya chairs and Gareth sits on panel B; Helen
/// moderates.
pub fn campaign(desk: &mut Desk) -> Cast {
    campaign_with(desk, |_| {})
}

/// [`campaign`] with its scorecard changed by `customise` before the campaign pins it.
pub fn campaign_with(desk: &mut Desk, customise: impl FnOnce(&mut Scorecard)) -> Cast {
    let login: HashMap<&str, String> = PEOPLE
        .iter()
        .map(|(who, _)| (*who, desk.login(who)))
        .collect();
    let hr = desk.as_("hr");
    let role_id = hr.create_role(&role()).unwrap();
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
    let card_id = hr.create_scorecard(Some(role_id), &card).unwrap();
    let campaign = hr
        .create_campaign("Senior DevOps, November 2026", card_id)
        .unwrap();
    let panel_a = hr.add_panel(campaign, "Panel A").unwrap();
    let panel_b = hr.add_panel(campaign, "Panel B").unwrap();
    let mut seat = |who: &str, role: AssessorRole, panel: Option<PanelId>| {
        let id = hr.add_assessor(campaign, &login[who], role, panel).unwrap();
        (id, who.to_owned())
    };
    let people = [
        seat("amara", AssessorRole::Chair, Some(panel_a)),
        seat("tomasz", AssessorRole::Member, Some(panel_a)),
        seat("priya", AssessorRole::Chair, Some(panel_b)),
        seat("gareth", AssessorRole::Member, Some(panel_b)),
        seat("helen", AssessorRole::Moderator, None),
    ];
    let add = |hr: &mut Session, reference: &str, name: &str, panel: PanelId| {
        hr.add_candidate(
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
    let zoe = add(hr, "C-001", "Zoë Łukasiewicz", panel_a);
    let siobhan = add(hr, "C-002", "Siobhán Ó Briain", panel_a);
    let oyvind = add(hr, "C-003", "Øyvind Ærø", panel_b);
    // Before scoring, each member and chair states they have no conflicts of interest.
    for (_, login) in &people[..4] {
        desk.as_(login).confirm_no_conflicts(campaign).unwrap();
    }
    desk.as_("hr");
    desk.logins.extend(people.iter().cloned());
    Cast {
        campaign,
        panel_a,
        panel_b,
        chair_a: people[0].0,
        member_a: people[1].0,
        chair_b: people[2].0,
        member_b: people[3].0,
        moderator: people[4].0,
        zoe,
        siobhan,
        oyvind,
    }
}

/// A draft score with evidence and every indicator shown.
pub fn score(
    candidate: CandidateId,
    assessor: AssessorId,
    key: &str,
    value: i32,
    indicators: usize,
) -> ScoreInput {
    ScoreInput {
        candidate_id: candidate,
        assessor_id: assessor,
        criterion_key: key.into(),
        mark: Mark::Point(value).into(),
        evidence: format!("Described a concrete example; scored {value}."),
        indicators: vec![IndicatorMark::Shown; indicators],
    }
}

/// Scores every member of each candidate's panel with `values` (per criterion) and agrees them,
/// each signed in as themself.
pub fn score_and_agree(
    desk: &mut Desk,
    cast: &Cast,
    candidate: CandidateId,
    values: [Option<i32>; 3],
) {
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
                input.mark = Mark::NotAssessed.into();
            }
            desk.by(who).save_score(cast.campaign, &input).unwrap();
        }
        desk.by(who)
            .submit_scores(cast.campaign, candidate)
            .unwrap();
    }
    for (key, value) in ["c1", "c2", "c3"].iter().zip(values) {
        let decision = Decision {
            candidate_id: candidate,
            criterion_key: key.to_string(),
            mark: value.map_or(Mark::NotAssessed, Mark::Point).into(),
            text: "Agreed on the evidence".into(),
            by: chair,
        };
        desk.by(chair)
            .agree_score(cast.campaign, &decision)
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

/// Exports a campaign with `options`, as the signed-in `session` (a moderator), into a new
/// temporary folder, returned (kept until dropped).
pub fn export(
    session: &Session,
    campaign: CampaignId,
    options: panelmark::export::ExportOptions,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    session
        .export_campaign(campaign, dir.path(), &options, |_, _| {})
        .unwrap();
    dir
}

/// The batch paths beside the one-by-one ones, on whichever backend `desk` is: a member
/// submits two candidates at once (`Session::submit_scores_for`) where the chair submits the
/// same two one by one, then the chair agrees both in one batch (`Session::agree_scores`)
/// where the other panel's chair agrees one candidate decision by decision. A batch is
/// refused whole, with the sentence the one-by-one path gives, for a candidate of another
/// panel, an incomplete submission and a candidate named twice; it writes the same audit
/// events as the one-by-one path, one for one.
pub fn batch_story(desk: &mut Desk) {
    use panelmark::model::ScoreStatus;
    use panelmark::Error;
    let cast = campaign(desk);
    let campaign = cast.campaign;
    desk.as_("hr").start_scoring(campaign).unwrap();
    let draft = |desk: &mut Desk, who: AssessorId, candidate: CandidateId, keys: &[&str]| {
        for key in keys {
            let n = if *key == "c3" { 0 } else { 2 };
            desk.by(who)
                .save_score(campaign, &score(candidate, who, key, 4, n))
                .unwrap();
        }
    };
    for who in [cast.chair_a, cast.member_a] {
        draft(desk, who, cast.zoe, &["c1", "c2", "c3"]);
        draft(desk, who, cast.siobhan, &["c1", "c2"]);
    }
    let statuses = |desk: &mut Desk, who: AssessorId, candidate: CandidateId| {
        desk.by(who)
            .visible_scores(campaign, candidate)
            .unwrap()
            .into_iter()
            .filter(|s| s.assessor_id == who)
            .map(|s| s.status)
            .collect::<Vec<_>>()
    };
    // Refused whole: Øyvind is panel B's, Siobhán's submission lacks c3, Zoë named twice.
    // (A local file refuses her; a server's row security does not show her to Tomasz.)
    let one_other_panel = desk
        .by(cast.member_a)
        .submit_scores(campaign, cast.oyvind)
        .unwrap_err()
        .to_string();
    let other_panel = desk
        .by(cast.member_a)
        .submit_scores_for(campaign, &[cast.zoe, cast.oyvind])
        .unwrap_err();
    assert_eq!(other_panel.to_string(), one_other_panel);
    let one_incomplete = desk
        .by(cast.member_a)
        .submit_scores(campaign, cast.siobhan)
        .unwrap_err()
        .to_string();
    let incomplete = desk
        .by(cast.member_a)
        .submit_scores_for(campaign, &[cast.zoe, cast.siobhan])
        .unwrap_err();
    assert_eq!(incomplete.to_string(), one_incomplete);
    let twice = desk
        .by(cast.member_a)
        .submit_scores_for(campaign, &[cast.zoe, cast.zoe])
        .unwrap_err();
    assert!(matches!(twice, Error::Conflict(_)), "{twice}");
    assert_eq!(
        statuses(desk, cast.member_a, cast.zoe),
        [ScoreStatus::Draft; 3],
        "nothing of a refused batch is submitted"
    );
    // Whole: both at once for Tomasz, one by one for Amara.
    for who in [cast.chair_a, cast.member_a] {
        draft(desk, who, cast.siobhan, &["c3"]);
    }
    let submitted = desk
        .by(cast.member_a)
        .submit_scores_for(campaign, &[cast.zoe, cast.siobhan])
        .unwrap();
    assert_eq!(submitted, 6);
    for candidate in [cast.zoe, cast.siobhan] {
        desk.by(cast.chair_a)
            .submit_scores(campaign, candidate)
            .unwrap();
        assert_eq!(
            statuses(desk, cast.member_a, candidate),
            [ScoreStatus::Submitted; 3]
        );
    }
    let again = desk
        .by(cast.member_a)
        .submit_scores_for(campaign, &[cast.zoe])
        .unwrap_err();
    assert!(matches!(again, Error::Conflict(_)), "{again}");

    // Agreeing: a batch with a candidate of another panel, or a blank rationale, is refused
    // whole; then Amara agrees both candidates at once.
    let decision = |candidate: CandidateId, key: &str, by: AssessorId| Decision {
        candidate_id: candidate,
        criterion_key: key.into(),
        mark: Mark::Point(4).into(),
        text: "Agreed on the evidence".into(),
        by,
    };
    let both: Vec<Decision> = [cast.zoe, cast.siobhan]
        .iter()
        .flat_map(|&c| ["c1", "c2", "c3"].map(|k| decision(c, k, cast.chair_a)))
        .collect();
    let mut foreign = both.clone();
    foreign.push(decision(cast.oyvind, "c1", cast.chair_a));
    let one_foreign = desk
        .by(cast.chair_a)
        .agree_score(campaign, &foreign[6])
        .unwrap_err()
        .to_string();
    let refused = desk
        .by(cast.chair_a)
        .agree_scores(campaign, &foreign)
        .unwrap_err();
    assert_eq!(refused.to_string(), one_foreign);
    let mut blank = both.clone();
    blank[4].text = "  ".into();
    let refused = desk
        .by(cast.chair_a)
        .agree_scores(campaign, &blank)
        .unwrap_err();
    assert!(refused.to_string().contains("rationale"), "{refused}");
    assert!(desk.as_("helen").decisions(campaign).unwrap().0.is_empty());
    assert_eq!(
        desk.by(cast.chair_a).agree_scores(campaign, &both).unwrap(),
        6
    );
    // Panel B: Gareth and Priya submit Øyvind; Priya agrees decision by decision.
    for who in [cast.chair_b, cast.member_b] {
        draft(desk, who, cast.oyvind, &["c1", "c2", "c3"]);
        desk.by(who).submit_scores(campaign, cast.oyvind).unwrap();
    }
    for key in ["c1", "c2", "c3"] {
        desk.by(cast.chair_b)
            .agree_score(campaign, &decision(cast.oyvind, key, cast.chair_b))
            .unwrap();
    }
    for candidate in [cast.zoe, cast.siobhan, cast.oyvind] {
        let agreed = desk
            .as_("helen")
            .agreed_scores(campaign, candidate)
            .unwrap();
        assert_eq!(agreed.len(), 3, "{agreed:?}");
    }

    // The same audit events, one for one: per submission (SQLite) or per score (PostgreSQL),
    // and per agreed score.
    // Each reads their own (a server shows HR no one's scores).
    let mut actions_of = |who: &str, what: &str| {
        let login = desk.login(who);
        let mut actions: Vec<String> = desk
            .as_(who)
            .audit_events(&panelmark::store::AuditFilter::default())
            .unwrap()
            .into_iter()
            .filter(|e| e.actor == login && e.action.contains(what))
            .map(|e| e.action)
            .collect();
        actions.sort();
        actions
    };
    let (batch, one_by_one) = (
        actions_of("tomasz", "submit"),
        actions_of("amara", "submit"),
    );
    assert!(!batch.is_empty());
    assert_eq!(batch, one_by_one, "a batch submission audits as one by one");
    let (batch, one_by_one) = (actions_of("amara", "agree"), actions_of("priya", "agree"));
    assert_eq!(batch.len(), 6, "{batch:?}");
    assert_eq!(
        batch[..3],
        one_by_one[..],
        "a batch agreement audits as one by one"
    );
}
