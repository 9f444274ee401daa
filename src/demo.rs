//! Realistic demo campaigns: a role imported from the job description embedded in the binary,
//! three-person panels, candidates with varied names, scores with evidence, disagreements,
//! flags and some moderation. The same seed gives the same campaign.

use crate::model::Mark;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::cancel::Progress;
use crate::import::jd;
use crate::model::{
    covers, AssessorId, AssessorRole, CampaignId, Combine, CriterionKind, Decision, ExerciseKind,
    IndicatorMark, Scale, ScoreInput, Scorecard,
};
use crate::store::{NewCandidate, Storage};
use crate::Result;

/// The job description the demo imports (also a test fixture).
pub const DEMO_JOB_DESCRIPTION: &str = include_str!("../tests/fixtures/jd/demo-role.md");

/// Candidates per panel in the demo.
const CANDIDATES_PER_PANEL: usize = 8;

/// How big a demo to build.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Number of candidates.
    pub candidates: usize,
    /// Random seed.
    pub seed: u64,
}

const FIRST_NAMES: &[&str] = &[
    "Zoë",
    "Siobhán",
    "Øyvind",
    "Łucja",
    "Chloé",
    "José",
    "Aoife",
    "Ngozi",
    "Thảo",
    "Björn",
    "Saoirse",
    "Eóin",
    "Răzvan",
    "Ștefan",
    "Zuzana",
    "Søren",
    "Inês",
    "Mateo",
    "Aarav",
    "Fatima",
    "Kwame",
    "Yusuf",
    "Mei",
    "Oluwaseun",
    "Dafydd",
    "Ffion",
    "Niamh",
    "Padraig",
    "Amélie",
    "Jürgen",
    "Agnieszka",
    "Tomás",
    "Priya",
    "Hamish",
    "Rhiannon",
    "Chidi",
    "Anaïs",
    "Ülkü",
    "Cáit",
    "Seren",
];
const SURNAMES: &[&str] = &[
    "Łukasiewicz",
    "Ó Briain",
    "Ærø",
    "Dvořák",
    "Müller",
    "García",
    "Çelik",
    "Schröder",
    "Kowalczyk",
    "O'Connor",
    "Nguyễn",
    "Þórsdóttir",
    "Adébáyọ̀",
    "Mac Giolla Phádraig",
    "Novák",
    "Jensen",
    "Patel",
    "Okonkwo",
    "Ahmed",
    "Williams",
    "Llewellyn",
    "Ní Mhaoláin",
    "Fernández",
    "Kaur",
    "Van der Berg",
    "Szabó",
    "Rossi",
    "MacLeod",
    "Hughes",
    "Evans",
    "Öztürk",
    "Lefèvre",
    "Pereira",
    "Mensah",
    "Bianchi",
    "Jónsson",
];
const ASSESSORS: &[&str] = &[
    "Amara Okafor",
    "Tomasz Wiśniewski",
    "Eilidh Fraser",
    "Priya Raman",
    "Gareth Llewellyn",
    "Mairéad Ní Bhriain",
    "Oluwadamilare Bello",
    "Sinéad Kavanagh",
    "Jakub Nowak",
    "Hannah Clarke",
    "Rashid Karim",
    "Ceri Morgan",
];

const STRONG: &[&str] = &[
    "Gave a detailed STAR example: led the move of {topic} to a new approach, set out the options, chose one with the team and measured the result (build times down by half).",
    "Clear, specific evidence on {topic}: explained their own actions rather than the team's, anticipated risks and described what they would do differently.",
    "Described coaching two junior colleagues through {topic}; evidence of exceeding the level expected, with outcomes quantified.",
];
const MIDDLE: &[&str] = &[
    "Example on {topic} was relevant but mostly described what the team did; some evidence of personal contribution when probed.",
    "Adequate answer on {topic}: identified the main issue and a reasonable response, limited detail on impact.",
    "Gave a recent example on {topic}; structure was clear, outcome stated but not measured.",
];
const WEAK: &[&str] = &[
    "Struggled to give an example on {topic}; answer stayed hypothetical even after a follow-up question.",
    "Example on {topic} did not show the behaviour at this level; limited positive evidence.",
];

fn evidence(rng: &mut ChaCha8Rng, value: i32, topic: &str) -> String {
    let pool = match value {
        6.. => STRONG,
        4..=5 => MIDDLE,
        _ => WEAK,
    };
    pool.choose(rng)
        .expect("pools are not empty")
        .replace("{topic}", &topic.to_lowercase())
}

fn names(rng: &mut ChaCha8Rng, count: usize) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let name = format!(
            "{} {}",
            FIRST_NAMES.choose(rng).expect("names"),
            SURNAMES.choose(rng).expect("names")
        );
        // Beyond the distinct combinations, add a middle initial rather than loop forever.
        let name = if seen.contains(&name) {
            format!("{name} {}.", (b'A' + (out.len() % 26) as u8) as char)
        } else {
            name
        };
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out
}

fn clamp_round(x: f64, scale: &Scale) -> i32 {
    (x.round() as i32).clamp(scale.min(), scale.max())
}

/// The demo campaign's moderator; their login is [`MODERATOR_LOGIN`].
pub const MODERATOR: &str = "Helen Marsh (HR)";

/// The login of the demo's moderator, who alone may read its results (`--as helen.marsh.hr`).
pub const MODERATOR_LOGIN: &str = "helen.marsh.hr";

/// The login of the user called `name`, added (not an HR administrator) when there is none.
fn person(store: &mut dyn Storage, actor: &str, name: &str) -> Result<String> {
    let login = crate::store::users::login_from_name(name);
    if store.user(&login)?.is_none() {
        store.add_user(actor, &login, name, false)?;
    }
    Ok(login)
}

/// The HR administrator who sets up a demo on a shared server.
pub const SERVER_DEMO_HR_LOGIN: &str = "demo.hr";

/// Builds the demo campaign, with `exercises` exercises (1: the interview; 2: also a technical test), on
/// the shared server `client` is a superuser's connection to: its people become logins
/// without passwords (the server's administrator gives one to each who should sign in), and
/// each change is made as its actor, so the server's rules and audit see them, not the
/// superuser. Returns the campaign's id.
pub fn build_on_server(
    client: postgres::Client,
    options: &DemoOptions,
    exercises: usize,
) -> Result<CampaignId> {
    use crate::store::postgres::PgStore;
    let mut store = PgStore::impersonating(client)?;
    store.add_user("", SERVER_DEMO_HR_LOGIN, "Demo HR", true)?;
    build_with_exercises(
        &mut store,
        SERVER_DEMO_HR_LOGIN,
        options,
        exercises,
        &mut Progress::none(),
    )
}

/// `error`, or, when it is a cancel, one that says what stays of campaign `campaign`: the
/// demo makes many changes, each its own audited transaction, so what was made is kept.
fn kept(error: crate::Error, campaign: CampaignId, stage: &str) -> crate::Error {
    error.if_cancelled(|| format!("the demo stopped part-way; campaign {campaign} is kept {stage}"))
}

/// The second demo exercise's panel seats: a chair and a member per panel (names apart from
/// [`ASSESSORS`], as one person sits once in a campaign).
const TEST_ASSESSORS: &[&str] = &[
    "Ffion Pritchard",
    "Dmitri Volkov",
    "Aisling Byrne",
    "Kofi Asante",
    "Morag Sutherland",
    "Wiktor Zieliński",
    "Leilani Kahale",
    "Iain Drummond",
];

/// The most exercises a demo has: an interview, and a technical test.
pub const MAX_DEMO_EXERCISES: usize = 2;

/// A panel seat: the assessor, how lenient they are, their login, and the exercise they are
/// limited to (none: every exercise).
struct Seat {
    id: AssessorId,
    bias: f64,
    login: String,
    chair: bool,
    exercise: Option<String>,
}

/// Builds a demo campaign with `exercises` exercises (1 to [`MAX_DEMO_EXERCISES`]) and leaves
/// it in moderation; returns its id. Each assessor acts under their own login (users made
/// from their names), `actor` does the set-up. One exercise is the interview
/// of every criterion (the demo as it always was: the same seed builds the same campaign);
/// two add a technical test of the technical and SFIA skills, which the interview assesses
/// too, combined as their mean. Each exercise then has its own seats on every panel (members
/// limited to it) and its own chair, and candidates do better in one exercise than the
/// other now and then, so the exercises sometimes disagree. `progress` hears each candidate
/// added, then each scored (twice the candidates in all), and may cancel between them.
pub(crate) fn build_with_exercises(
    store: &mut dyn Storage,
    actor: &str,
    options: &DemoOptions,
    exercises: usize,
    progress: &mut Progress<'_>,
) -> Result<CampaignId> {
    if !(1..=MAX_DEMO_EXERCISES).contains(&exercises) {
        return Err(crate::Error::invalid(
            "exercises",
            format!("a demo has 1 to {MAX_DEMO_EXERCISES} exercises, not {exercises}"),
        ));
    }
    let two = exercises == 2;
    progress
        .check()
        .map_err(|e| e.if_cancelled(|| "no demo campaign was made".into()))?;
    let steps = options.candidates * 2;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let draft = jd::parse_job_description("demo-role.md", DEMO_JOB_DESCRIPTION.as_bytes())?;
    let role = draft.role;
    let role_id = store.create_role(actor, &role)?;
    let mut card = Scorecard::from_role(
        &format!(
            "{} — {}",
            role.title,
            if two {
                "interview and technical test"
            } else {
                "interview"
            }
        ),
        &role,
        Scale::civil_service(),
        Some(4),
    );
    for c in &mut card.criteria {
        if !c.is_essential() {
            c.pass_mark = None;
        }
        c.questions = vec![format!(
            "Tell us about a time you showed {}.",
            c.criterion.name.to_lowercase()
        )];
    }
    let essential = card.criteria.iter().filter(|c| c.is_essential()).count();
    card.overall_pass_mark =
        4.0 * essential as f64 + 3.0 * (card.criteria.len() - essential) as f64;
    card.tie_break = card.criteria.first().map(|c| c.key.clone());
    if two {
        let technical: Vec<String> = card
            .criteria
            .iter()
            .filter(|c| {
                matches!(
                    c.criterion.kind,
                    CriterionKind::Technical | CriterionKind::Sfia
                )
            })
            .map(|c| c.key.clone())
            .collect();
        card.combine = Combine::Mean;
        card.add_exercise(
            "Technical test",
            ExerciseKind::TechnicalTest,
            None,
            technical,
        );
    }
    let card_id = store.create_scorecard(actor, Some(role_id), &card)?;
    let campaign = store.create_campaign(
        actor,
        &format!("{} (demo, seed {})", role.title, options.seed),
        card_id,
    )?;
    let exercise_keys: Vec<String> = card.exercises.iter().map(|e| e.key.clone()).collect();

    let panel_count = options
        .candidates
        .div_ceil(CANDIDATES_PER_PANEL)
        .clamp(1, 4);
    let mut panels = Vec::new();
    let mut seats: Vec<Vec<Seat>> = Vec::new();
    for p in 0..panel_count {
        let panel = store.add_panel(
            actor,
            campaign,
            &format!("Panel {}", (b'A' + p as u8) as char),
        )?;
        // The interview's three seats (every exercise's when there is one), then with two
        // exercises the technical test's two.
        let mut layout: Vec<(&str, bool, Option<&String>)> = (0..3)
            .map(|seat| {
                (
                    ASSESSORS[(p * 3 + seat) % ASSESSORS.len()],
                    seat == 0,
                    exercise_keys.first(),
                )
            })
            .collect();
        if two {
            layout.extend((0..2).map(|seat| {
                (
                    TEST_ASSESSORS[(p * 2 + seat) % TEST_ASSESSORS.len()],
                    seat == 0,
                    exercise_keys.get(1),
                )
            }));
        }
        let mut members = Vec::new();
        for (name, chair, exercise) in layout {
            let role = if chair {
                AssessorRole::Chair
            } else {
                AssessorRole::Member
            };
            // One panel is lenient by design, so the panel-outlier flag has something to find.
            let bias = if p == 1 {
                1.0
            } else {
                rng.random_range(-0.4..0.4)
            };
            let login = person(store, actor, name)?;
            let id = store.add_assessor(actor, campaign, name, role, Some(panel), &login)?;
            if let Some(exercise) = exercise {
                store.set_assessor_exercise(actor, campaign, id, Some(exercise.as_str()))?;
            }
            // Each member states, as the app asks before scoring, that they have no conflicts.
            store.confirm_no_conflicts(&login, campaign, id)?;
            members.push(Seat {
                id,
                bias,
                login,
                chair,
                exercise: exercise.cloned(),
            });
        }
        panels.push(panel);
        seats.push(members);
    }
    let moderator_login = person(store, actor, MODERATOR)?;
    let moderator = store.add_assessor(
        actor,
        campaign,
        MODERATOR,
        AssessorRole::Moderator,
        None,
        &moderator_login,
    )?;
    store.set_posts(
        actor,
        campaign,
        Some((options.candidates / 4).max(1) as u32),
        None,
    )?;

    let names = names(&mut rng, options.candidates);
    let mut candidates = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let panel = i % panel_count;
        let email = format!("candidate{:04}@example.org", i + 1);
        let id = store.add_candidate(
            actor,
            campaign,
            &NewCandidate {
                reference: format!("C-{:04}", i + 1),
                name: name.clone(),
                email: Some(email),
                panel_id: Some(panels[panel]),
                slot: Some(format!(
                    "2026-11-{:02} {:02}:00",
                    24 + (i / 24) % 5,
                    9 + (i % 8)
                )),
            },
        )?;
        candidates.push((id, panel, rng.random_range(2.8..6.2)));
        progress
            .step(i + 1, steps)
            .map_err(|e| kept(e, campaign, "in set-up, with the candidates added so far"))?;
    }
    store.start_scoring(actor, campaign)?;

    let scale = card.scale.clone();
    // The entries scored: with one exercise the criteria themselves.
    let assessed = card.assessed();
    let mut outside_range_done = false;
    for (scored, &(candidate, panel, ability)) in candidates.iter().enumerate() {
        // How much better (or worse) the candidate does in the technical test.
        let test_offset = if two {
            rng.random_range(-1.8..1.8)
        } else {
            0.0
        };
        let mut member_values: Vec<Vec<i32>> = vec![Vec::new(); assessed.criteria.len()];
        for seat in &seats[panel] {
            let mut inputs = Vec::new();
            for (ci, c) in assessed.criteria.iter().enumerate() {
                if !covers(seat.exercise.as_deref(), c.exercise.as_deref()) {
                    continue;
                }
                let in_test =
                    two && c.exercise.as_deref() == exercise_keys.get(1).map(String::as_str);
                let offset = if in_test { test_offset } else { 0.0 };
                let noise: f64 = rng.random_range(-1.0..1.0) + rng.random_range(-0.6..0.6);
                let value = clamp_round(ability + offset + seat.bias + noise, &scale);
                member_values[ci].push(value);
                let n = c.criterion.indicators.len();
                let shown = ((f64::from(value - 1) / 6.0) * n as f64).round() as usize;
                let mut marks: Vec<IndicatorMark> = (0..n)
                    .map(|k| {
                        if k < shown {
                            IndicatorMark::Shown
                        } else {
                            IndicatorMark::NotShown
                        }
                    })
                    .collect();
                if value <= 2 && n > 0 && rng.random_bool(0.5) {
                    marks[n - 1] = IndicatorMark::Negative;
                }
                // Now and then an assessor scores high but forgets to tick indicators.
                if value >= 5 && rng.random_bool(0.03) {
                    marks.iter_mut().for_each(|m| *m = IndicatorMark::NotShown);
                }
                let topic = card
                    .criterion(c.base_key())
                    .map_or(c.criterion.name.as_str(), |b| b.criterion.name.as_str());
                let text = if rng.random_bool(0.03) {
                    String::new()
                } else {
                    evidence(&mut rng, value, topic)
                };
                inputs.push(ScoreInput {
                    candidate_id: candidate,
                    assessor_id: seat.id,
                    criterion_key: c.key.clone(),
                    mark: Mark::Point(value).into(),
                    evidence: text,
                    indicators: marks,
                });
            }
            store.save_scores(&seat.login, campaign, &inputs, &mut Progress::none())?;
            store.submit_scores(&seat.login, campaign, candidate, seat.id)?;
        }
        // Each exercise's chair agrees the entries of their exercise (with one exercise, the
        // panel's chair agrees every criterion).
        for chair in seats[panel].iter().filter(|s| s.chair) {
            let decisions: Vec<Decision> = assessed
                .criteria
                .iter()
                .zip(&member_values)
                .filter(|(c, _)| covers(chair.exercise.as_deref(), c.exercise.as_deref()))
                .map(|(c, values)| {
                    let mut sorted = values.clone();
                    sorted.sort_unstable();
                    let median = sorted[sorted.len() / 2];
                    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
                    // One panel goes above every member's score on one criterion: a flag to find.
                    if !outside_range_done && c.base_key() == "c2" && max < scale.max() && min >= 4 {
                        outside_range_done = true;
                        let value = max + 1;
                        let text = format!("Members scored {min}–{max}; the answer to the follow-up question showed more than anyone recorded, so the panel agreed {value}.");
                        return Decision { candidate_id: candidate, criterion_key: c.key.clone(), mark: Mark::Point(value).into(), text, by: chair.id };
                    }
                    let text = if min == max {
                        format!("All members scored {median}; evidence consistent.")
                    } else {
                        format!("Members scored {min}–{max}; discussed the evidence and agreed {median} as the best fit to the descriptors.")
                    };
                    Decision { candidate_id: candidate, criterion_key: c.key.clone(), mark: Mark::Point(median).into(), text, by: chair.id }
                })
                .collect();
            store.agree_scores(&chair.login, campaign, &decisions)?;
        }
        progress
            .step(options.candidates + scored + 1, steps)
            .map_err(|e| kept(e, campaign, "in scoring, with the candidates scored so far"))?;
    }
    store.start_moderation(actor, campaign)?;

    // The moderator revisits the widest disagreements.
    let flags = store.flags(campaign, &store.flag_settings(campaign)?)?;
    let mut moderated = 0;
    for f in flags
        .iter()
        .filter(|f| f.kind == crate::scoring::flags::FlagKind::WideSpread)
    {
        if moderated >= (options.candidates / 10).max(1) {
            break;
        }
        let (Some(candidate), Some(key)) = (f.candidate_id, f.criterion_key.clone()) else {
            continue;
        };
        let agreed = store
            .agreed_scores(candidate)?
            .into_iter()
            .find(|a| a.criterion_key == key);
        let Some(value) = agreed.and_then(|a| a.mark.point()) else {
            continue;
        };
        let new_value = (value - 1).max(scale.min());
        store.moderate_score(
            &moderator_login,
            campaign,
            &Decision {
                candidate_id: candidate,
                criterion_key: key,
                mark: Mark::Point(new_value).into(),
                text: "Evidence recorded supports the lower descriptor; brought into line with the other panels' calibration.".into(),
                by: moderator,
            },
        )?;
        moderated += 1;
    }
    Ok(campaign)
}
