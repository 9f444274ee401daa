//! Word-level judgements about a piece of text: what sort of section a heading opens, whether
//! a line is a priority marker, a requirement, an introduction or a pointer to an external
//! framework. Everything here is a pure function of one string, so each rule is tested on its
//! own; the extractor decides what to do with the answers.

use super::sentence;
use crate::model::{CriterionKind, Priority};

/// What a heading says its section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Criteria of one kind.
    Criteria(CriterionKind),
    /// SFIA skills with codes and levels.
    Sfia,
    /// About the organisation, the role, duties, benefits, how to apply: never criteria.
    Narrative,
    /// Key facts such as grade and reference (an appendix).
    Details,
}

/// Lowercases and folds typographic apostrophes and dashes, so keywords match however the
/// document was typed.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// Phrases that settle a heading as narrative even if it also mentions skills.
const NARRATIVE_FIRST: &[&str] = &[
    "about the",
    "about us",
    "about this",
    "about digital",
    "about our",
    "what you'll do",
    "what you will do",
    "what you will be doing",
    "day-to-day",
    "day to day",
    "who you'll work with",
    "who you will work with",
    "duties",
    "responsibilities",
    "main purpose",
    "job purpose",
    "purpose of",
    "benefits",
    "how to apply",
    "things you need to know",
    "selection process",
    "what we offer",
    "why join",
    // "You'll need to accomplish the following things:": what the post holder will achieve,
    // the work, however much it says "you'll need".
    "accomplish",
    // "We'll evaluate you based on:", "General process information": how the selection is
    // run, not what it looks for.
    "evaluate you",
    "process information",
    // "Key Requirements", "Employment Requirements" (a US federal posting's fields):
    // citizenship, a background investigation, a trial period, direct deposit; conditions
    // of employment, which no panel assesses.
    "key requirements",
    "employment requirement",
    "conditions of employment",
    // "Objective #3: Model the behaviors we want to see partners adopt": what the post
    // holder will achieve, however it names behaviours.
    "objective",
    // "We’re looking for someone who will:" over "Make sure our documentation…", "Develop
    // content plans…": what the person sought will do, the duties, however it says
    // "looking for".
    "someone who will",
];

/// Words for narrative headings, checked after the criteria keywords.
const NARRATIVE_LATER: &[&str] = &[
    "overview",
    "summary",
    "the role",
    "the team",
    "our team",
    "background",
    "context",
    "salary",
    "location",
    "working pattern",
    "security",
    "nationality",
    "contact",
    "feedback",
    "further information",
    "equality",
    "diversity",
    "inclusion",
    "reasonable adjustment",
    "pension",
    "learning and development",
    "key tasks",
    "main tasks",
    "objectives",
    "accountabilit",
    "working arrangements",
    "terms and conditions",
    "closing date",
    "job description",
    "apply",
    // "Reporting lines": whom the post reports to, a fact about the post, never a criterion.
    "reporting line",
];

const DETAILS: &[&str] = &[
    "appendix",
    "key details",
    "job details",
    "vacancy details",
    "role details",
    "post details",
    "at a glance",
];

/// Words that name a generic requirements section without saying what kind.
const WEAK: &[&str] = &[
    "criteria",
    "skills",
    "requirements",
    "requirement",
    "abilities",
];

const EXPERIENCE: &[&str] = &[
    "experience",
    "person specification",
    "person spec",
    "qualification",
    "knowledge",
    "about you",
    "looking for",
    "you will have",
    "you'll have",
    "you will need",
    "you'll need",
    // "An excellent candidate will be able to:", "The ideal candidate": the person sought.
    "excellent candidate",
    "ideal candidate",
    // "A great candidate will demonstrate:", "A great candidate will be able to demonstrate
    // that they can:": the candidate sought, as "excellent candidate" says.
    "great candidate",
    "candidate will be able to",
    // "We're interested in people who:": the people sought, as "looking for" says.
    "interested in people",
    // "The right candidate for this position is:", "You should possess the following:":
    // the person sought and what they must bring.
    "right candidate",
    "should possess",
    "must possess",
    // "You’ll fit right in if:": the person who fits, what they bring.
    "fit right in",
    // "You will be able to:" (after "What we’re looking for"): what the applicant can do, as
    // "An excellent candidate will be able to:" says.
    "you will be able to",
    "you'll be able to",
];

/// "We’ll evaluate you based on:", "All candidates will be evaluated on:": a heading that says
/// what the applicant is evaluated on. Over prose ("We will be looking at your experience,
/// career history…") it says how the selection is run, narrative (see [`NARRATIVE_FIRST`]);
/// over a list the list is what they are evaluated on, the criteria (the extractor decides).
pub(crate) fn says_what_applicants_are_evaluated_on(text: &str) -> bool {
    let t = fold(text);
    ["evaluate you", "evaluated on", "evaluated based on"]
        .iter()
        .any(|w| t.contains(w))
}

/// What a heading's text says about the section it opens, and any priority it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleClass {
    /// The section, when a specific keyword settles it.
    pub section: Option<Section>,
    /// Only generic words ("skills", "criteria") matched: a requirements section of no
    /// particular kind.
    pub weak: bool,
    /// "Essential" or "Desirable" in the title.
    pub priority: Option<Priority>,
}

/// Classifies a heading's text.
pub(crate) fn classify_title(text: &str) -> TitleClass {
    let t = fold(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    let priority = priority_in(&t).or_else(|| preferred_first(&t));
    let section = if has(NARRATIVE_FIRST) || about_something_else(&t) {
        Some(Section::Narrative)
    } else if t.contains("sfia") || t.contains("skills framework for the information age") {
        Some(Section::Sfia)
    } else if t.contains("strength") {
        Some(Section::Criteria(CriterionKind::Strength))
    } else if has(&[
        "behaviour",
        "behavior",
        "competenc",
        "personal qualities",
        "personal attributes",
    ]) || (t.contains("someone who") && !t.contains("looking for"))
    {
        // "You will be someone who" lists qualities; "We're looking for someone who" is what
        // the employer looks for, the person specification (experience, below).
        Some(Section::Criteria(CriterionKind::Behaviour))
    } else if has(&[
        "technical",
        "specialist",
        "professional skills",
        "skills they need",
        // "Skills and expertise": named professional skills, where "skills and experience"
        // is a person specification.
        "expertise",
        // "Job specific skills" beside "Leadership" (the Senior Civil Service's applicant
        // packs): the skills of this post, as Success Profiles' technical element.
        "job specific",
        "job-specific",
        "role specific",
        "role-specific",
    ]) || names_knowledge_or_abilities(&t)
        || names_skills_by_priority(&t)
        || names_skills_and_stack(&t)
    {
        Some(Section::Criteria(CriterionKind::Technical))
    } else if has(EXPERIENCE) || names_education(&t) {
        Some(Section::Criteria(CriterionKind::Experience))
    } else if has(DETAILS) {
        Some(Section::Details)
    } else if has(NARRATIVE_LATER) {
        Some(Section::Narrative)
    } else {
        None
    };
    let weak = section.is_none() && words(&t).iter().any(|w| WEAK.contains(&w.as_str()));
    TitleClass {
        section,
        weak,
        priority,
    }
}

/// "About CDS", "About your team": a heading about something other than the candidate opens
/// narrative, where "About you" (and "About yourself") is the person specification.
fn about_something_else(folded: &str) -> bool {
    let Some(rest) = folded.trim_start().strip_prefix("about ") else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !next.is_empty() && next != "you" && next != "yourself"
}

/// "Competencies and Experience Required": a heading over the named competencies and, under
/// or beside them, the experience listed by priority ("Essential Criteria", "Desirable").
/// The competencies are the behaviours; a list a priority heading opens there is experience.
pub(crate) fn names_behaviours_and_experience(text: &str) -> bool {
    classify_title(text).section == Some(Section::Criteria(CriterionKind::Behaviour))
        && fold(text).contains("experience")
}

/// A person specification's "Knowledge" or "Skills and Abilities" (the local-government and
/// NHS layout: Qualifications, Knowledge, Skills and Abilities, Experience): a heading made
/// only of these words names specialist knowledge and skills, where "Experience" beside it
/// names experience. "Skills" alone stays a generic requirements heading.
fn names_knowledge_or_abilities(folded: &str) -> bool {
    made_only_of(
        folded,
        &[
            "knowledge",
            "skills",
            "skill",
            "abilities",
            "ability",
            "and",
        ],
        &["knowledge", "abilities", "ability"],
    )
}

/// Whether folded text is made only of `allowed` words, one of them a `key`.
fn made_only_of(folded: &str, allowed: &[&str], keys: &[&str]) -> bool {
    let w = words(folded);
    w.iter().any(|w| keys.contains(&w.as_str())) && w.iter().all(|w| allowed.contains(&w.as_str()))
}

/// "Education", "And Education" (after "Experience"), "Education and training": a heading
/// made only of these words names the education required, a qualification, as "Qualifications"
/// does; "Department for Education" or a post ("Senior Education Data Analyst") does not.
fn names_education(folded: &str) -> bool {
    made_only_of(
        folded,
        &[
            "and",
            "education",
            "training",
            "qualifications",
            "qualification",
        ],
        &["education"],
    )
}

/// "PREFERRED SKILLS" beside "REQUIREMENTS": the skills preferred name the skills of the
/// post, as "Skills and Abilities" does; "Skills" alone stays a generic requirements heading,
/// and "Essential skills" / "Desirable skills" priority markers whose kind carries on from
/// the section beside them.
fn names_skills_by_priority(folded: &str) -> bool {
    matches!(
        words(folded).iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["preferred" | "preferable", "skills"]
    )
}

/// "Skills Required / Tech Stack": skills named beside the technologies the team uses are
/// the post's technical skills. "TECH STACK" alone says what the team uses, no requirement,
/// and "Skills" alone stays a generic requirements heading.
fn names_skills_and_stack(folded: &str) -> bool {
    let w = words(folded);
    w.iter().any(|w| w == "skills" || w == "skill") && folded.contains("tech stack")
}

/// The words of folded text: runs of letters and digits.
pub(crate) fn words(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// "Compensation: Up to $125,000 (depending on experience)", "Salary: …": a label that names
/// only the post's pay, a fact about the post and never a criterion, whatever its value says.
pub(crate) fn names_pay(text: &str) -> bool {
    const PAY: &[&str] = &[
        "compensation",
        "salary",
        "pay",
        "remuneration",
        "range",
        "base",
        "annual",
        "proposed",
    ];
    let w = words(&fold(text));
    w.iter().any(|w| {
        matches!(
            w.as_str(),
            "compensation" | "salary" | "pay" | "remuneration"
        )
    }) && w.iter().all(|w| PAY.contains(&w.as_str()))
}

/// "Preferred Technical Experience, Skills and Abilities", "Preferred qualifications": a
/// heading that starts by calling what it lists preferred names what is welcome, not required
/// (as "Minimum qualifications" beside it would name what is).
fn preferred_first(folded: &str) -> Option<Priority> {
    let w = words(folded);
    matches!(
        w.first().map(String::as_str),
        Some("preferred" | "preferable")
    )
    .then_some(Priority::Desirable)
}

/// "essential" or "desirable" as a word in already-folded text; `None` if both or neither.
fn priority_in(folded: &str) -> Option<Priority> {
    let w = words(folded);
    let essential = w.iter().any(|w| w == "essential");
    let desirable = w.iter().any(|w| w == "desirable");
    match (essential, desirable) {
        (true, false) => Some(Priority::Essential),
        (false, true) => Some(Priority::Desirable),
        _ => None,
    }
}

/// Filler words allowed around a priority word in a marker line.
const MARKER_FILLER: &[&str] = &[
    "other",
    "skills",
    "skill",
    "criteria",
    "criterion",
    "requirements",
    "requirement",
    "and",
    "experience",
    "the",
    "following",
    "are",
    "is",
    "also",
    "additional",
    "qualifications",
    "knowledge",
    "attributes",
    "e",
    "d",
];

/// "Must Haves" over what is required, "Able to Learn" (or "Nice to have") over what the
/// post holder may learn or is welcome to bring: a priority said without "essential" or
/// "desirable", the whole of a heading or line.
fn priority_phrase(words: &[String]) -> Option<Priority> {
    match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["must", "have" | "haves"] => Some(Priority::Essential),
        ["nice", "to", "have" | "haves"] | ["able" | "willing", "to", "learn"] => {
            Some(Priority::Desirable)
        }
        _ => None,
    }
}

/// Whether the whole text is a priority marker ("Essential", "Desirable criteria:",
/// "Other desirable skills", "Must Haves"), and which.
pub(crate) fn priority_marker(text: &str) -> Option<Priority> {
    let t = fold(text);
    let w = words(&t);
    if w.is_empty() || w.len() > 6 {
        return None;
    }
    if let Some(p) = priority_phrase(&w) {
        return Some(p);
    }
    let p = priority_in(&t)?;
    w.iter()
        .all(|w| w == "essential" || w == "desirable" || MARKER_FILLER.contains(&w.as_str()))
        .then_some(p)
}

/// Further words a heading may add around a priority and still say nothing but it: "Essential
/// skills and expertise for this role are:", "Desirable skills and experience".
const MARKER_TITLE_FILLER: &[&str] = &[
    "expertise",
    "for",
    "this",
    "role",
    "are",
    "we",
    "will",
    "assess",
    "you",
    "against",
    "of",
    "your",
    "post",
];

/// Whether a heading only states a priority (with generic words), so it gives its section no
/// group of its own. Longer than a [`priority_marker`], which may stand alone on a line.
pub(crate) fn is_marker_title(text: &str) -> bool {
    if priority_marker(text).is_some() {
        return true;
    }
    let t = fold(text);
    let w = words(&t);
    priority_in(&t).is_some()
        && w.len() <= 10
        && w.iter().all(|w| {
            w == "essential"
                || w == "desirable"
                || MARKER_FILLER.contains(&w.as_str())
                || MARKER_TITLE_FILLER.contains(&w.as_str())
        })
}

/// A priority stated in a sentence that introduces a list: "It is desirable that you can
/// demonstrate the following:", "the following skills would be an advantage, but are not
/// essential:", "In addition, the following essential criteria will also need…". Only
/// introductions count (they end with a colon or speak of "the following"), so a note about
/// how desirable criteria are used decides nothing.
pub(crate) fn prose_priority(text: &str) -> Option<Priority> {
    let t = fold(text);
    if words(&t).len() > 50 || !is_intro(text) {
        return None;
    }
    let desirable = [
        "desirable",
        "not essential",
        "an advantage",
        "preferable",
        "nice to have",
    ];
    // "The preferred candidate should possess…" is the candidate the employer would prefer;
    // "The successful candidate should possess…" the one appointed, who must.
    if desirable.iter().any(|d| t.contains(d)) || t.contains("preferred candidate") {
        Some(Priority::Desirable)
    } else if words(&t).iter().any(|w| w == "essential") || t.contains("successful candidate") {
        Some(Priority::Essential)
    } else {
        None
    }
}

/// The Civil Service behaviours (Success Profiles), folded, with the variants documents use.
const BEHAVIOURS: &[&str] = &[
    "seeing the big picture",
    "seeing the bigger picture",
    "changing and improving",
    "making effective decisions",
    "leadership",
    "communicating and influencing",
    "working together",
    "developing self and others",
    "managing a quality service",
    "delivering at pace",
];

/// The text as a behaviour's name, when it names one of the Civil Service behaviours
/// ("Delivering at Pace", "delivering at pace.", "Seeing the Bigger Picture"); `None` for
/// anything else, so a list read from a sentence never yields an invented criterion.
pub(crate) fn behaviour_name(text: &str) -> Option<String> {
    let name = text.trim().trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | '…' | '*' | '"')
    });
    let folded = fold(name).replace('&', "and");
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    BEHAVIOURS
        .contains(&folded.as_str())
        .then(|| name.to_owned())
}

/// The three clusters of the Civil Service Competency Framework (2012–2019), under which
/// older job descriptions group their competencies ("SETTING DIRECTION" over "Seeing the Big
/// Picture" and "Changing and Improving").
const CLUSTERS: &[&str] = &["setting direction", "engaging people", "delivering results"];

/// Whether the text is only the name of a competency cluster ("SETTING DIRECTION").
pub(crate) fn is_competency_cluster(text: &str) -> bool {
    let folded = fold(text.trim().trim_end_matches(':'));
    CLUSTERS.contains(
        &folded
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    )
}

/// "Setting Direction – Changing and Improving": a cluster and a competency written on one
/// line, split into the two (as written); `None` unless the left part is a cluster.
pub(crate) fn split_cluster(text: &str) -> Option<(String, String)> {
    [" – ", " — ", " - ", ": "].iter().find_map(|sep| {
        let (cluster, rest) = text.split_once(sep)?;
        (is_competency_cluster(cluster) && !rest.trim().is_empty())
            .then(|| (cluster.trim().to_owned(), rest.trim().to_owned()))
    })
}

/// The general competencies of a competency list that mixes them with a discipline's own
/// (a US federal posting's "Communication", "Teamwork & Collaboration", "Core Values
/// Alignment" beside "Content strategy" and "Research Methods"), folded: ways of working.
const GENERAL_COMPETENCIES: &[&str] = &[
    "communication",
    "collaboration",
    "teamwork",
    "leadership",
    "problem solving",
    "innovation",
    "customer service",
    "coaching",
    "mentoring",
    "values",
    "integrity",
    "interpersonal",
    "influencing",
    "decision making",
    "accountability",
    "flexibility",
    "resilience",
];

/// The kind of a competency named in a list of competencies the document scores applicants
/// on: a general competency (a way of working) is a behaviour, any other (a discipline's
/// craft: "Content strategy", "Research Methods", "Recruiting Craft") a technical skill.
pub(crate) fn competency_kind(name: &str) -> CriterionKind {
    let padded = format!(" {} ", words(&fold(name)).join(" "));
    let general = GENERAL_COMPETENCIES
        .iter()
        .any(|g| padded.contains(&format!(" {g} ")));
    if general {
        CriterionKind::Behaviour
    } else {
        CriterionKind::Technical
    }
}

/// Whether a sentence introduces the competencies applicants are scored on ("You will be
/// scored …, measuring your possession of each of the following competencies:").
pub(crate) fn introduces_competencies(text: &str) -> bool {
    let t = fold(text);
    t.contains("competencies")
        && ["the following", "each of", "listed below", "below"]
            .iter()
            .any(|c| t.contains(c))
}

/// Whether a paragraph is about the application itself rather than the post: what to put in
/// a résumé ("For each job on your resume, provide:", "Qualification determinations cannot
/// be made when resumes do not include the required information…"). Neither it nor the list
/// it introduces is a criterion.
pub(crate) fn about_the_application(text: &str) -> bool {
    let t = fold(text);
    ["resume", "résumé"].iter().any(|w| t.contains(w))
}

/// Whether a line promises a list of behaviours: "We'll assess you against these behaviours
/// during the selection process:", "…assessing the following behaviours, along with…".
pub(crate) fn announces_behaviours(text: &str) -> bool {
    let t = fold(text);
    (t.contains("behaviours") || t.contains("behaviors"))
        && [
            "assess",
            "the following",
            "against these",
            "these behaviours",
        ]
        .iter()
        .any(|c| t.contains(c))
}

/// Splits a criterion led by its name: "Agile working. You have experience of…" (a bold
/// lead-in once the bold is gone), "Modern standard approach - You can use…". The lead must
/// be a short capitalised phrase with no punctuation of its own, and what follows a full
/// stop must be a new sentence of a few words, so "Familiarity with network protocols -
/// TCP/IP" and one-sentence requirements stay whole.
pub(crate) fn split_lead_in(text: &str) -> Option<(String, String)> {
    // Not a sentence question (so not `sentence::split_first`): ". " here is one of the marks
    // that may end a lead-in name, whichever of them comes first, and a name holds no full
    // stop at all (`clean` below), so an abbreviation ("e.g.", "U.S.") never makes one.
    let (name, rest) = split_at_first(text, &[". ", " – ", " — ", " - ", ": "])?;
    let name_words = name.split_whitespace().count();
    let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
    // Commas only between the words of a short list ("Coaching, mentoring, and learning").
    let listed = name
        .split(',')
        .all(|part| (1..=2).contains(&part.split_whitespace().count()));
    let clean = !name.contains([';', '(', ')', '.', ':']) && (!name.contains(',') || listed);
    // "Recruiting for disciplines including: design (visual, UX…)": a colon that introduces
    // examples ends no name.
    let introduces_examples = {
        let last = fold(name);
        let last = last.split_whitespace().last().unwrap_or("");
        matches!(
            last,
            "including" | "include" | "includes" | "as" | "like" | "e.g" | "e.g."
        )
    };
    let clean = clean && !introduces_examples;
    // The description is a sentence: a capitalised word, then an ordinary one ("You know…",
    // "Work with data"), not a list of acronyms ("TCP/IP, HTTP, SSL").
    let mut rest_words_iter = rest.split_whitespace();
    let sentence = rest_words_iter.next().is_some_and(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.first().is_some_and(|c| c.is_uppercase())
            && (letters.len() == 1 || letters[1..].iter().all(|c| c.is_lowercase()))
    }) && rest_words_iter
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    let rest_words = rest.split_whitespace().count();
    // "Excellent organizational skills: regularly managing multiple research projects…": after
    // a colon the description may run on in lower case, the colon alone marking the name; so
    // may it after a spaced dash ("Comfortable with ambiguity - working on projects that
    // might not have a predefined solution"), the dash marking it.
    // A dash before examples or a qualification ("… protocols - including TCP/IP", "- such
    // as", "- ideally in Go") continues the phrase and ends no name.
    let separator = text.trim_start()[name.len()..].trim_start();
    let after_colon = separator.starts_with(':');
    let first_after = rest.split_whitespace().next().unwrap_or("");
    let continues = matches!(
        fold(first_after).trim_end_matches([',', ':']),
        "including"
            | "includes"
            | "include"
            | "such"
            | "like"
            | "e.g"
            | "e.g."
            | "i.e"
            | "i.e."
            | "especially"
            | "particularly"
            | "preferably"
            | "ideally"
            | "for"
            | "with"
            | "and"
            | "or"
    );
    let after_dash = separator.starts_with(['-', '–', '—']) && !continues;
    let runs_on = (after_colon || after_dash)
        && first_after
            .chars()
            .all(|c| c.is_lowercase() || !c.is_alphabetic());
    // "The willingness and desire to both lead and “do”: as a leading member of a small
    // team, you’ll…": a name run on after its colon may be a longer phrase, the colon and
    // the lower case after it marking where it ends.
    let longest = if runs_on && after_colon { 10 } else { 5 };
    // "Ability to prototype in different ways: on paper, in static code or in conversation":
    // a list of short phrases in lower case after the colon spells out the name's last
    // words, no description of it; the item stays whole.
    let spells_out = runs_on && after_colon && short_enumeration(rest);
    ((1..=longest).contains(&name_words)
        && !spells_out
        && starts_upper
        && clean
        && (sentence || runs_on)
        && rest_words >= 4)
        .then(|| (name.to_owned(), rest.to_owned()))
}

/// "on paper, in static code or in conversation": three or more phrases of at most three
/// words each, between commas and a last "or"/"and", with no sentence of their own.
fn short_enumeration(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ';']);
    if t.contains(['.', ';', ':']) {
        return false;
    }
    let parts: Vec<&str> = t
        .split(',')
        .flat_map(|p| p.split(" or "))
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.split_whitespace().count()))
}

/// "You apply the right tools to solve problems. You have experience working in lean…": an
/// item that states the requirement in a first sentence addressed to the candidate and
/// explains it in the sentences after, each again "You …". The first sentence names the
/// criterion, the rest describes it. Only a first sentence of plain words (no colon or
/// semicolon) of up to twenty words, followed by a second "You" sentence of a few words.
/// Where the first sentence ends is [`sentence::split_first`]'s answer.
pub(crate) fn split_lead_sentence(text: &str) -> Option<(String, String)> {
    lead_sentence(text, false)
}

/// As [`split_lead_sentence`], for an item under a lead-in that ends "able to" ("You will be
/// able to:", "An excellent candidate will be able to:"): the item's first sentence completes
/// that lead-in, so it is the candidate's whatever its first word ("Always be learning new
/// ways to be a better researcher. Aware of their own weaknesses…"), and names the
/// criterion the sentences after it describe.
pub(crate) fn split_lead_sentence_under(text: &str, lead_in: &str) -> Option<(String, String)> {
    let completes = fold(lead_in)
        .trim_end()
        .trim_end_matches(':')
        .trim_end()
        .ends_with("able to");
    if completes {
        lead_sentence(text, true)
    } else {
        split_lead_sentence(text)
    }
}

fn lead_sentence(text: &str, completes_lead_in: bool) -> Option<(String, String)> {
    let (first, rest) = sentence::split_first(text)?;
    let first = first.strip_suffix('.').unwrap_or(first);
    // "Your default mode is open collaboration. You listen…" is addressed as "You …" is.
    let addressed = |s: &str| {
        let f = fold(s);
        ["you ", "you're ", "you've ", "your "]
            .iter()
            .any(|y| f.starts_with(y))
    };
    // "Use open-source data analysis software. Examples include: R or Python with Pandas.":
    // a sentence of examples after the requirement describes it, whoever it is addressed to.
    // So does a sentence whose one noun "include(s)" a list ("Nice-to-haves include Docker,
    // Terraform, AWS." after "Creating and delivering software using … React, Typescript,
    // PHP, Wordpress, CSS."): what the requirement covers, or welcomes beside it. "should
    // include:" ("Methodologies should include: Agile, …") asks for them, part of the
    // requirement, and stays in its name.
    let examples = {
        let f = fold(rest);
        let lists = f
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| matches!(w.trim_end_matches(':'), "include" | "includes"));
        lists
            || ["for example", "for instance", "e.g."]
                .iter()
                .any(|e| f.starts_with(e))
    };
    let words = first.split_whitespace().count();
    let plain = !first.contains([':', ';']);
    let candidates = completes_lead_in || (addressed(first) && addressed(rest));
    ((examples || candidates) && (3..=20).contains(&words) && plain)
        .then(|| (first.trim().to_owned(), rest.trim().to_owned()))
        .filter(|(_, r)| r.split_whitespace().count() >= 4)
}

/// Whether the whole text is a template's placeholder ("[Essential Civil Service
/// Behaviours]", "[Insert Date]"): something to fill in, never a value or a criterion.
pub(crate) fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    t.len() > 2 && t.starts_with('[') && t.ends_with(']') && !t[1..t.len() - 1].contains(['[', ']'])
}

/// "Managing tight resource constraints … would be highly beneficial": one sentence that
/// ends by saying the requirement would help, not that it is needed. A last sentence of
/// several ("… processes. An understanding of X would be an advantage.") qualifies only
/// itself, and leaves the criterion as it is.
fn says_it_would_help(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "would be beneficial",
        "would be highly beneficial",
        "would be an advantage",
        "would be a distinct advantage",
        "would be advantageous",
        "would be desirable",
        // "… database management preferred.", "… is an asset." (Canadian postings' word
        // for what is welcome but not required).
        "preferred",
        "is preferable",
        "an asset",
        // "Prior knowledge of city practice, policy and procedures a plus" (with or without
        // "is": "Knowledge of front-end development is a plus").
        "a plus",
    ];
    let one_sentence = sentence::is_one(text);
    let t = fold(text);
    let t = t.trim_end_matches(['.', ';', ',', ' ']);
    one_sentence && ENDINGS.iter().any(|e| t.ends_with(e))
}

/// "*A pool of qualified persons resulting from this process MAY be created…": a paragraph
/// opened by a footnote's mark, never closed as emphasis, is a note under the posting, no
/// requirement, whatever it says of profiles or qualifications.
pub(crate) fn is_footnote(text: &str) -> bool {
    let t = text.trim();
    t.strip_prefix('*')
        .is_some_and(|rest| rest.starts_with(char::is_alphabetic) && !rest.contains('*'))
}

/// "You’re (ideally) fluent in both official languages": a bracketed "ideally" or
/// "preferably" qualifies the whole requirement, which is then welcome, not required; where
/// it qualifies a detail ("scripting, ideally with Ruby…") the requirement stays essential.
fn wished_for(text: &str) -> bool {
    let t = fold(text);
    t.contains("(ideally)") || t.contains("(preferably)")
}

/// "Preference will be given to bilingual (French and English) candidates…": what the
/// employer will prefer among applicants, welcome but not required.
fn given_preference(text: &str) -> bool {
    let t = fold(text);
    [
        "preference will be given to",
        "preference may be given to",
        "preference is given to",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// "This role differs from data scientist roles. It's focused on…": an item that speaks of
/// the role rather than of the person sought, and asks nothing of them in its first
/// sentence, is a note on the role among the criteria, no criterion. So is one that says how
/// the post's level will be set ("Level of seniority will be based on range of work…").
pub(crate) fn describes_the_role(text: &str) -> bool {
    let first = fold(sentence::first(text));
    let first = first.as_str();
    let about_the_role = [
        "this role ",
        "the role ",
        "this position ",
        "the position ",
        "level of seniority ",
    ]
    .iter()
    .any(|r| first.starts_with(r));
    let asks = [
        "require",
        "must",
        "need",
        "should",
        "expect",
        "essential",
        "candidate",
        "applicant",
    ]
    .iter()
    .any(|a| first.contains(a));
    about_the_role && !asks
}

/// "Must be eligible to work in the United States and be able to provide a social security
/// card…": a condition of being employed at all (work authorisation), listed among the
/// qualifications, is checked by the employer, not assessed at interview; no criterion.
pub(crate) fn is_work_authorisation(text: &str) -> bool {
    let t = fold(text);
    [
        "eligible to work in ",
        "authorized to work in ",
        "authorised to work in ",
        "right to work in ",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// "Bring significant experience in line management…", "Communicate in both English and
/// French (in government terms this position is Bilingual Imperative CBC/CBC).": an item
/// among the duties that asks something of the applicant, the experience they must bring or
/// the language profile the post requires, rather than naming work to be done.
pub(crate) fn asks_of_the_applicant(text: &str) -> bool {
    let t = fold(text);
    let t = t.trim_start();
    let brings_experience =
        (t.starts_with("bring ") || t.starts_with("brings ")) && t.contains("experience");
    let language_profile = t.contains("bilingual imperative")
        || (t.contains("in government terms") && t.contains("this position is"));
    brings_experience || language_profile
}

/// Whether a heading names something other than a section of criteria (the post, "Technical:"
/// over a list of duties): it has none of the words a criteria heading is made of.
pub(crate) fn names_a_post(text: &str) -> bool {
    const SECTION_WORDS: &[&str] = &[
        "skills",
        "criteria",
        "behaviours",
        "behaviors",
        "competencies",
        "competences",
        "experience",
        "requirements",
        // "### Minimum Qualifications:" under "## Minimum Qualifications, Substitutions,
        // Conditions of Employment & Appeal Rights": the qualifications required.
        "qualifications",
        "specification",
        "essential",
        "desirable",
        "strengths",
        "sfia",
    ];
    let t = text.to_lowercase();
    !t.split(|c: char| !c.is_alphanumeric())
        .any(|w| SECTION_WORDS.contains(&w))
}

/// "User Experience Lead", "Requirements Engineer": words that would name a section, then the
/// noun of a post. As a document's first heading it is the post's title, not a section.
pub(crate) fn ends_in_a_post_noun(text: &str) -> bool {
    const POST_NOUNS: &[&str] = &[
        "lead",
        "manager",
        "designer",
        "engineer",
        "developer",
        "architect",
        "analyst",
        "researcher",
        "officer",
        "scientist",
        "director",
        "administrator",
        "coordinator",
        "consultant",
        "adviser",
        "advisor",
        "assistant",
        "tester",
        "strategist",
    ];
    let t = text.to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2 && words.last().is_some_and(|w| POST_NOUNS.contains(w))
}

/// "Security Engineer", "Salary Administrator": a topic word that would make a heading
/// narrative ("Security", "Salary"), then the noun of a post. As a document's first heading it
/// is the post's title; "About the Lead" or "Duties of the Manager" is still narrative.
pub(crate) fn post_after_a_topic(text: &str) -> bool {
    let t = fold(text);
    ends_in_a_post_noun(text)
        && !NARRATIVE_FIRST.iter().any(|w| t.contains(w))
        && !about_something_else(&t)
}

/// Removes a priority written into a criterion ("X (desirable)", "X – Essential",
/// "Desirable: X") and returns it. A criterion of one sentence that says it "would be highly
/// beneficial" or "an advantage" is desirable, its name kept whole.
pub(crate) fn strip_priority(text: &str) -> (String, Option<Priority>) {
    let trimmed = text.trim();
    if says_it_would_help(trimmed) || wished_for(trimmed) || given_preference(trimmed) {
        return (tidy_name(trimmed), Some(Priority::Desirable));
    }
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` slice `trimmed`.
    let lower = trimmed.to_ascii_lowercase();
    for (word, p) in [
        ("essential", Priority::Essential),
        ("desirable", Priority::Desirable),
    ] {
        let mut suffixes = vec![
            format!("({word})"),
            format!("[{word}]"),
            format!(": {word}"),
        ];
        for dash in ['-', '–', '—'] {
            suffixes.push(format!("{dash} {word}"));
        }
        for suffix in &suffixes {
            if lower.ends_with(suffix.as_str()) {
                if let Some(head) = trimmed.get(..trimmed.len() - suffix.len()) {
                    let name = tidy_name(head);
                    if !name.is_empty() {
                        return (name, Some(p));
                    }
                }
            }
        }
        // A bare trailing "Essential" only when capitalised, as left by a glued heading
        // ("Seeing the Big Picture Essential"); "this is essential" is a sentence.
        let cap = format!(" {}{}", word[..1].to_uppercase(), &word[1..]);
        if let Some(head) = trimmed.strip_suffix(cap.as_str()) {
            let name = tidy_name(head);
            if !name.is_empty() {
                return (name, Some(p));
            }
        }
        let mut prefixes = vec![format!("{word}:")];
        for dash in ['-', '–', '—'] {
            prefixes.push(format!("{word} {dash}"));
        }
        for prefix in &prefixes {
            if lower.starts_with(prefix.as_str()) {
                if let Some(tail) = trimmed.get(prefix.len()..) {
                    let name = tidy_name(tail);
                    if !name.is_empty() {
                        return (name, Some(p));
                    }
                }
            }
        }
    }
    (trimmed.to_owned(), None)
}

/// Trims separators and whitespace a split leaves behind.
pub(crate) fn tidy_name(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | ',' | ';'))
        .to_owned()
}

/// A closing quotation mark left at the end of a name with none opening it ("Designing
/// content for transactional services\"", a slip in a Word file) is no part of the name.
pub(crate) fn without_stray_quote(name: &str) -> String {
    let t = name.trim_end();
    let stray = match t.chars().last() {
        Some('"') => t.matches('"').count() % 2 == 1,
        Some('”') => !t.contains('“'),
        _ => false,
    };
    if stray {
        t[..t.len() - t.chars().last().map_or(0, char::len_utf8)]
            .trim_end()
            .to_owned()
    } else {
        name.to_owned()
    }
}

/// What closes an item of a list of alternatives is no part of its name: the joint to the
/// next ("…done by a staff; or") and a footnote's mark ("NYC residency*", the note under the
/// list).
pub(crate) fn without_joint_or_mark(name: &str) -> String {
    let t = name.trim_end();
    let lower = t.to_lowercase();
    let t = ["; or", "; and"]
        .iter()
        .find(|j| lower.ends_with(*j))
        .map_or(t, |j| t[..t.len() - j.len()].trim_end());
    // "…Bilingual Imperative BBB/BBB)*.": the mark may come before the sentence's full stop.
    match t.strip_suffix("*.").or_else(|| t.strip_suffix('*')) {
        Some(rest) if !rest.contains('*') && !rest.ends_with(char::is_whitespace) => {
            rest.to_owned()
        }
        _ => t.to_owned(),
    }
}

/// Splits a trailing conditional qualifier off a criterion ("Performance Management (if
/// managing others)") so the name stays clean and the condition stays visible.
pub(crate) fn strip_qualifier(text: &str) -> (String, Option<String>) {
    let trimmed = text.trim();
    // "(If Ruby else delete) A good knowledge of…": an editor's condition written first.
    if let Some(inner_end) = trimmed.strip_prefix('(').and_then(|t| t.find(')')) {
        let inner = trimmed.get(1..=inner_end).unwrap_or_default().trim();
        let rest = tidy_name(trimmed.get(inner_end + 2..).unwrap_or_default());
        let lower = fold(inner);
        if (lower.starts_with("if ") || lower.starts_with("delete") || lower.starts_with("only "))
            && !rest.is_empty()
        {
            return (rest, Some(inner.to_owned()));
        }
    }
    // "… data sources (for engineering candidates).": the item's full stop after the bracket
    // still leaves the condition last.
    let body = trimmed.strip_suffix('.').unwrap_or(trimmed).trim_end();
    if !body.ends_with(')') {
        return (trimmed.to_owned(), None);
    }
    let Some(open) = body.rfind('(') else {
        return (trimmed.to_owned(), None);
    };
    let Some(inner) = body.get(open + 1..body.len() - 1).map(str::trim) else {
        return (trimmed.to_owned(), None);
    };
    let lower = fold(inner);
    const STARTS: &[&str] = &[
        "if ",
        "where ",
        "when ",
        "for ",
        "only ",
        "optional",
        "depending",
        "subject to",
        "applicable",
        "as required",
    ];
    // "(for example Spring, Django, Rails)" gives examples, which belong to the requirement;
    // "(for those managing staff)" is a condition.
    let examples = ["for example", "for instance", "for e.g"]
        .iter()
        .any(|e| lower.starts_with(e));
    if !examples && STARTS.iter().any(|s| lower.starts_with(s)) {
        let name = tidy_name(body.get(..open).unwrap_or_default());
        if !name.is_empty() {
            return (name, Some(inner.to_owned()));
        }
    }
    (trimmed.to_owned(), None)
}

/// Whether a line reads like something a candidate is assessed on.
pub(crate) fn looks_like_requirement(text: &str) -> bool {
    const CUES: &[&str] = &[
        "experience",
        "ability to",
        "able to",
        "knowledge of",
        "understanding of",
        "skills in",
        "skill in",
        "proficien",
        "familiarity",
        "proven",
        "demonstrable",
        "track record",
        "must have",
        "you will have",
        "you have",
        "you should have",
        "qualification",
        "degree",
        "certified",
        "certification",
        "expertise",
        "essential",
        "desirable",
    ];
    let t = fold(text);
    CUES.iter().any(|c| t.contains(c))
}

/// Whether a line introduces what follows rather than being a criterion
/// ("We'll assess you against these behaviours during the selection process:").
pub(crate) fn is_intro(text: &str) -> bool {
    const CUES: &[&str] = &[
        "assess you",
        "will be assessed",
        "assessed against",
        "we'll assess",
        "we will assess",
        "the following",
        "during the selection",
        "as part of the selection",
        "success profiles",
    ];
    let t = fold(text);
    t.trim_end().ends_with(':') || CUES.iter().any(|c| t.contains(c))
}

/// Whether a line sends the reader to another document instead of listing criteria.
pub(crate) fn refers_elsewhere(text: &str) -> bool {
    const CUES: &[&str] = &[
        "refer to",
        "please see",
        "see the",
        "framework",
        "available at",
        "can be found",
        "http://",
        "https://",
        "www.",
    ];
    let t = fold(text);
    CUES.iter().any(|c| t.contains(c))
}

/// The text before and after the earliest of the separators, both trimmed.
fn split_at_first<'a>(text: &'a str, seps: &[&str]) -> Option<(&'a str, &'a str)> {
    let (at, sep) = seps
        .iter()
        .filter_map(|s| text.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)?;
    Some((text[..at].trim(), text[at + sep.len()..].trim()))
}

/// Splits "Seeing the Big Picture – understand how your work fits" into a name and its
/// description. The name must be short, capitalised and free of sentence punctuation, so
/// "Familiarity with network protocols - TCP/IP" (a technical skill) is not split: callers
/// only use this for behaviours and strengths.
pub(crate) fn split_name_description(text: &str) -> Option<(String, String)> {
    let (name, rest) = split_at_first(text, &[" – ", " — ", " - ", ": "])?;
    let words = name.split_whitespace().count();
    // "18F Core Values Alignment": a name may open with an organisation's name in capitals
    // and digits.
    let first_word = name.split_whitespace().next().unwrap_or("");
    let starts_upper = name.chars().next().is_some_and(char::is_uppercase)
        || (first_word.starts_with(|c: char| c.is_ascii_digit())
            && first_word.chars().any(char::is_uppercase));
    let clean = !name.contains(['.', ',', ';', '(', ')']);
    if (1..=6).contains(&words) && starts_upper && clean && !rest.is_empty() {
        Some((name.to_owned(), rest.to_owned()))
    } else {
        None
    }
}

/// A group or section name as shown to the user: trailing colon dropped, and SHOUTED text
/// put in title case ("ENGAGING PEOPLE" → "Engaging People").
pub(crate) fn tidy_group(text: &str) -> String {
    let t = tidy_name(text);
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    // Two or more real words in capitals is shouting; "SQL" or "AWS EC2" are acronyms.
    let long_words = t
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .count();
    let shouted =
        (long_words >= 2 || letters.len() >= 7) && letters.iter().all(|c| c.is_uppercase());
    if !shouted {
        return t;
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "the", "of", "to", "in", "for", "on", "at", "by", "with", "or",
    ];
    const KEEP: &[&str] = &["SFIA", "IT", "UK", "GDS", "HR", "AI", "DDAT", "ICT", "CS"];
    t.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if KEEP.contains(&w) {
                return if w == "DDAT" {
                    "DDaT".to_owned()
                } else {
                    w.to_owned()
                };
            }
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut cs = lower.chars();
            match cs.next() {
                Some(first) => first.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a sentence states a minimum qualification the post requires ("This Classification
/// must have a minimum of five (5) years of experience…", "This classification requires the
/// possession of a bachelor's degree."): a verb of requiring and what is counted or held (a
/// minimum, years, a degree, possession). "The role requires an equal balance of technical
/// expertise…" explains the role and states none.
pub(crate) fn states_a_requirement(sentence: &str) -> bool {
    const VERBS: &[&str] = &[
        "must have",
        "must possess",
        "requires ",
        "is required",
        "are required",
    ];
    const HELD: &[&str] = &["minimum", "years", "degree", "possession of"];
    let t = fold(sentence);
    VERBS.iter().any(|c| t.contains(c)) && HELD.iter().any(|c| t.contains(c))
}

/// Whether a sentence after a stated requirement names a requirement of its own
/// ("Experience presenting to clients or other decision makers…"): it opens with what is
/// required, not a sentence about it ("Experience can include…", "At least three (3) years of
/// that experience…", "Additional qualifying experience may be substituted…").
fn opens_a_requirement(sentence: &str) -> bool {
    const NOUNS: &[&str] = &[
        "experience",
        "knowledge",
        "ability",
        "proficiency",
        "familiarity",
        "expertise",
        "understanding",
    ];
    const VERBS: &[&str] = &[
        "can", "could", "may", "might", "must", "should", "will", "would", "is", "are", "was",
        "includes", "include", "means",
    ];
    let w = words(&fold(sentence));
    matches!(&w[..], [first, second, ..]
        if NOUNS.contains(&first.as_str()) && !VERBS.contains(&second.as_str()))
}

/// A paragraph of several sentences that states the post's requirements, as classifications
/// written for contracting do under "Experience" or "Education": "This Classification must
/// have a minimum of five (5) years of experience applying analytical processes on IT
/// projects. At least three (3) years of that experience must have been in systems analysis
/// and design." Its first sentence states a requirement and each later sentence either
/// qualifies the one before (a part of it, a substitution) and belongs to its name, or names
/// a requirement of its own ("Experience presenting to clients…") and is one. Returns the
/// requirements, each named by its sentences as written, or `None` where the paragraph is not
/// of that shape (explanation, one sentence) or its first sentence runs past sixty words.
pub(crate) fn stated_requirements(text: &str) -> Option<Vec<String>> {
    let all = sentence::sentences(text);
    let (first, rest) = all.split_first()?;
    if rest.is_empty() || !states_a_requirement(first) || first.split_whitespace().count() > 60 {
        return None;
    }
    let mut out = vec![(*first).to_owned()];
    for s in rest {
        match out.last_mut() {
            Some(last) if !opens_a_requirement(s) => {
                last.push(' ');
                last.push_str(s);
            }
            _ => out.push((*s).to_owned()),
        }
    }
    Some(out)
}

/// "Experience with conflict resolution techniques, knowledge of diverse research practices
/// and low-code platform programming skills are also preferred.", "Knowledge in behavioral
/// data analysis preferred.": a sentence of prose that names what is preferred of the
/// applicant, each a desirable criterion. Returns the names (the list before "preferred",
/// split at its commas and its last "and"), or `None` where the sentence does not end so or
/// what it names reads as no requirement.
pub(crate) fn preferences(sentence: &str) -> Option<Vec<String>> {
    let t = sentence.trim().trim_end_matches('.');
    let subject = t.strip_suffix(" preferred")?;
    let subject = [
        " are also strongly",
        " is also strongly",
        " are also highly",
        " is also highly",
        " are strongly",
        " is strongly",
        " are highly",
        " is highly",
        " are also",
        " is also",
        " are",
        " is",
    ]
    .iter()
    .find_map(|v| subject.strip_suffix(v))
    .unwrap_or(subject);
    let required = looks_like_requirement(subject) || opens_a_requirement(subject);
    if !required || subject.contains([';', ':']) {
        return None;
    }
    let mut parts: Vec<&str> = subject.split(", ").map(str::trim).collect();
    if parts.len() > 1 {
        if let Some(last) = parts.pop() {
            let last = last.strip_prefix("and ").unwrap_or(last);
            match last.rsplit_once(" and ") {
                Some((a, b)) => parts.extend([a, b]),
                None => parts.push(last),
            }
        }
    }
    let names: Vec<String> = parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut cs = p.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        })
        .collect();
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CriterionKind::*;

    fn section(text: &str) -> Option<Section> {
        classify_title(text).section
    }

    #[test]
    fn headings_are_classified_by_their_words() {
        let cases = [
            ("Behaviours", Some(Section::Criteria(Behaviour))),
            (
                "PERSON SPECIFICATION - COMPETENCES/SKILLS REQUIRED",
                Some(Section::Criteria(Behaviour)),
            ),
            ("Competencies", Some(Section::Criteria(Behaviour))),
            (
                "You will be someone who",
                Some(Section::Criteria(Behaviour)),
            ),
            ("Strengths", Some(Section::Criteria(Strength))),
            ("Technical skills", Some(Section::Criteria(Technical))),
            (
                "Specialist skills and requirements",
                Some(Section::Criteria(Technical)),
            ),
            (
                "You will have the following skills and experience",
                Some(Section::Criteria(Experience)),
            ),
            ("Person specification", Some(Section::Criteria(Experience))),
            // A local-government person specification's parts (Royal Borough of Greenwich).
            ("Knowledge", Some(Section::Criteria(Technical))),
            ("Skills and Abilities", Some(Section::Criteria(Technical))),
            ("Knowledge and skills", Some(Section::Criteria(Technical))),
            ("Experience", Some(Section::Criteria(Experience))),
            (
                "Knowledge and experience",
                Some(Section::Criteria(Experience)),
            ),
            (
                "Skills Framework for the Information Age",
                Some(Section::Sfia),
            ),
            ("SFIA skills", Some(Section::Sfia)),
            ("About the role", Some(Section::Narrative)),
            ("What you’ll do day-to-day", Some(Section::Narrative)),
            ("Who you’ll work with", Some(Section::Narrative)),
            ("DUTIES & RESPONSIBILITIES", Some(Section::Narrative)),
            ("Appendix", Some(Section::Details)),
            ("Benefits", Some(Section::Narrative)),
            ("Web Ops", None),
            ("Setting Direction", None),
            // An SCS applicant pack's person specification.
            ("Job specific skills:", Some(Section::Criteria(Technical))),
            ("Reporting lines", Some(Section::Narrative)),
            // nyc-full-stack-web-developer.md: the skills preferred beside the requirements.
            ("PREFERRED SKILLS:", Some(Section::Criteria(Technical))),
        ];
        for (text, want) in cases {
            assert_eq!(section(text), want, "{text}");
        }
    }

    #[test]
    fn generic_requirement_headings_are_weak_and_carry_priority() {
        let c = classify_title("Essential criteria");
        assert_eq!((c.section, c.weak), (None, true));
        assert_eq!(c.priority, Some(Priority::Essential));
        assert_eq!(
            classify_title("Desirable skills and experience").priority,
            Some(Priority::Desirable)
        );
        assert_eq!(
            classify_title("Essential and desirable criteria").priority,
            None,
            "both words: no single priority"
        );
    }

    #[test]
    fn priority_markers() {
        assert_eq!(priority_marker("Essential"), Some(Priority::Essential));
        assert_eq!(
            priority_marker("Desirable criteria:"),
            Some(Priority::Desirable)
        );
        assert_eq!(
            priority_marker("Other desirable skills"),
            Some(Priority::Desirable)
        );
        assert_eq!(priority_marker("**Essential**"), Some(Priority::Essential));
        assert_eq!(priority_marker("Attention to detail is essential"), None);
        assert_eq!(priority_marker("Seeing the Big Picture"), None);
    }

    #[test]
    fn priorities_written_into_a_criterion_are_lifted_out() {
        assert_eq!(
            strip_priority("Configuration management tools (desirable)"),
            (
                "Configuration management tools".into(),
                Some(Priority::Desirable)
            )
        );
        assert_eq!(
            strip_priority("Seeing the Big Picture Essential"),
            ("Seeing the Big Picture".into(), Some(Priority::Essential))
        );
        assert_eq!(
            strip_priority("Desirable: a degree in computing"),
            ("a degree in computing".into(), Some(Priority::Desirable))
        );
        assert_eq!(
            strip_priority("Attention to detail is essential"),
            ("Attention to detail is essential".into(), None)
        );
        // gds-cto-applicant-pack.odt: the criterion says it would help, so it is desirable.
        let help = "Managing tight resource constraints and a dynamic programme would be highly beneficial";
        assert_eq!(
            strip_priority(help),
            (help.into(), Some(Priority::Desirable))
        );
        // A last sentence that would help qualifies only itself.
        let two = "Awareness of security issues. An understanding of HMG’s security policy framework would be an advantage.";
        assert_eq!(strip_priority(two).1, None);
    }

    #[test]
    fn a_stray_closing_quote_is_no_part_of_a_name() {
        // dfe-ddt-senior-content-designer.docx
        assert_eq!(
            without_stray_quote("Designing content for transactional services\""),
            "Designing content for transactional services"
        );
        assert_eq!(
            without_stray_quote("Knowledge of “agile”"),
            "Knowledge of “agile”"
        );
        assert_eq!(
            without_stray_quote("The \"Tell Us Once\""),
            "The \"Tell Us Once\""
        );
    }

    #[test]
    fn qualifiers_are_split_off() {
        for (item, name, condition) in [
            ("Performance Management (if managing others)", "Performance Management", "if managing others"),
            ("Line management (for those managing staff)", "Line management", "for those managing staff"),
            // co-technical-lead.md: the item's full stop after the condition.
            ("Familiarity with using Application Programming Interfaces to integrate systems or data sources (for engineering candidates).", "Familiarity with using Application Programming Interfaces to integrate systems or data sources", "for engineering candidates"),
        ] {
            assert_eq!(
                strip_qualifier(item),
                (name.to_owned(), Some(condition.to_owned())),
                "{item}"
            );
        }
        // Royal Borough of Greenwich, Junior Developer: examples are part of the requirement.
        let examples = "Awareness of the HTTP protocol and at least one web development framework (for example Spring, Django, Rails, Laravel, Razor, Classic ASP)";
        for item in [
            "Network protocols (TCP/IP)",
            "Network protocols (TCP/IP).",
            examples,
        ] {
            assert_eq!(strip_qualifier(item), (item.to_owned(), None), "{item}");
        }
    }

    #[test]
    fn name_and_description() {
        assert_eq!(
            split_name_description("Seeing the Big Picture – understand how your work fits"),
            Some((
                "Seeing the Big Picture".into(),
                "understand how your work fits".into()
            ))
        );
        assert_eq!(
            split_name_description("Has good communication skills, verbal and written - and more"),
            None
        );
        assert_eq!(split_name_description("Working Together"), None);
    }

    #[test]
    fn the_preferred_and_the_successful_candidate() {
        // nyc-design-lead.md and nyc-lead-content-designer.md, each under "### PREFERRED
        // SKILLS": the candidate preferred is desirable, the one who succeeds essential.
        assert_eq!(
            prose_priority("The preferred candidate should possess the following:"),
            Some(Priority::Desirable)
        );
        assert_eq!(
            prose_priority("The successful candidate should possess the following:"),
            Some(Priority::Essential)
        );
    }

    #[test]
    fn a_colon_before_a_short_list_ends_no_name() {
        // nyc-service-designer.md, under "SKILLS AND ABILITIES".
        assert_eq!(
            split_lead_in(
                "Ability to prototype in different ways: on paper, in static code or in conversation"
            ),
            None
        );
        // nj-communications-engagement-creative-lead.md: a description, which still splits.
        assert!(split_lead_in(
            "Patience and persistence: a strong desire to iterate, evolve, and work collaboratively with inside and outside expertise to help you create the best work product possible"
        )
        .is_some());
    }

    #[test]
    fn an_alternative_loses_its_joint_and_footnote_mark() {
        // nyc-lead-content-designer.md's minimum qualifications and nyc-product-manager.md's
        // requirements.
        assert_eq!(
            without_joint_or_mark("High school graduation or equivalent and two years of training in an approved technical school in oils, water colors, painting, design, black and white, layout and other art media and seven years full-time paid experience as a commercial artist, four years of which must have been in supervision and planning of art work done by a staff; or"),
            "High school graduation or equivalent and two years of training in an approved technical school in oils, water colors, painting, design, black and white, layout and other art media and seven years full-time paid experience as a commercial artist, four years of which must have been in supervision and planning of art work done by a staff"
        );
        assert_eq!(without_joint_or_mark("NYC residency*"), "NYC residency");
        assert_eq!(
            without_joint_or_mark("Experience of *both* design and research"),
            "Experience of *both* design and research"
        );
        assert_eq!(
            without_joint_or_mark("Rock and/or roll"),
            "Rock and/or roll"
        );
    }

    #[test]
    fn shouted_groups_become_title_case() {
        assert_eq!(tidy_group("ENGAGING PEOPLE"), "Engaging People");
        assert_eq!(tidy_group("DELIVERING RESULTS"), "Delivering Results");
        assert_eq!(
            tidy_group("Development and Implementation:"),
            "Development and Implementation"
        );
        assert_eq!(
            tidy_group("SETTING THE DIRECTION OF DDAT"),
            "Setting the Direction of DDaT"
        );
        assert_eq!(tidy_group("Setting Direction"), "Setting Direction");
        assert_eq!(tidy_group("SQL"), "SQL", "an acronym is not shouting");
        assert_eq!(tidy_group("AWS EC2"), "AWS EC2");
        assert_eq!(tidy_group("BEHAVIOURS"), "Behaviours");
    }

    #[test]
    fn requirement_intro_and_reference_cues() {
        assert!(looks_like_requirement(
            "Experience of running a Linux estate"
        ));
        assert!(!looks_like_requirement("Put user needs first"));
        assert!(is_intro(
            "We'll assess you against these behaviours during the selection process:"
        ));
        assert!(!is_intro(
            "Puts users first and can manage competing priorities."
        ));
        assert!(refers_elsewhere(
            "Please also refer to the Civil Service Competency Framework"
        ));
    }

    #[test]
    fn priority_in_prose_introductions() {
        // dfe-technical-architect.md, dfe-g7-enterprise-architect.md, dfe-interaction-designer.md
        assert_eq!(
            prose_priority("It is desirable that you demonstrate the following:"),
            Some(Priority::Desirable)
        );
        assert_eq!(
            prose_priority("As part of our continued drive to build capability across our teams, the following skills would be an advantage, but are not essential:"),
            Some(Priority::Desirable)
        );
        assert_eq!(
            prose_priority("In addition, the following essential criteria will also need to be demonstrated at the second interview stage:"),
            Some(Priority::Essential)
        );
        // A note about how desirable criteria are used introduces nothing.
        assert_eq!(
            prose_priority("Please note that desirable criteria will only be considered to make an informed decision in the event of a tie."),
            None
        );
    }

    #[test]
    fn competency_clusters_alone_or_before_a_competency() {
        assert!(is_competency_cluster("SETTING DIRECTION"));
        assert!(is_competency_cluster("Engaging People:"));
        assert!(!is_competency_cluster("Setting direction for the team"));
        assert_eq!(
            split_cluster("Setting Direction – Changing and Improving"),
            Some(("Setting Direction".into(), "Changing and Improving".into()))
        );
        assert_eq!(
            split_cluster("Delivering Results - Delivering at Pace"),
            Some(("Delivering Results".into(), "Delivering at Pace".into()))
        );
        assert_eq!(split_cluster("Service design – discovery"), None);
    }

    #[test]
    fn behaviours_are_matched_against_the_success_profiles_list() {
        // dfe-g7-enterprise-architect.md writes "Seeing the bigger picture".
        assert_eq!(
            behaviour_name("Seeing the bigger picture").as_deref(),
            Some("Seeing the bigger picture")
        );
        assert_eq!(
            behaviour_name(" Delivering at Pace…").as_deref(),
            Some("Delivering at Pace")
        );
        // moj-associate-quality-engineer.md: a placeholder is no behaviour.
        assert_eq!(behaviour_name("[Essential Civil Service Behaviours]"), None);
        assert_eq!(behaviour_name("Technical Skills"), None);
        assert!(announces_behaviours(
            "We'll assess you against these behaviours during the selection process: Delivering at Pace"
        ));
        assert!(!announces_behaviours("Behaviours"));
    }

    #[test]
    fn lead_in_names_are_split_from_their_description() {
        // dfe-ddt-lead-data-engineer.md: a name that is a short list.
        assert_eq!(
            split_lead_in("Coaching, mentoring, and learning. Coaching and mentoring junior members of the team."),
            Some((
                "Coaching, mentoring, and learning".into(),
                "Coaching and mentoring junior members of the team.".into()
            ))
        );
        assert_eq!(
            split_lead_in("Good communication, which you use every day. It matters to us a lot."),
            None
        );
        // dfe-service-designer.md, once the bold of "**Agile working**." is gone.
        assert_eq!(
            split_lead_in("Agile working. You have experience of working in agile, including an awareness of agile tools and how to use them."),
            Some((
                "Agile working".into(),
                "You have experience of working in agile, including an awareness of agile tools and how to use them.".into()
            ))
        );
        // dfe-senior-developer.md
        assert_eq!(
            split_lead_in("Programming and build - You can write clear, concise and maintainable code using standard tools")
                .map(|(n, _)| n)
                .as_deref(),
            Some("Programming and build")
        );
        // austin-project-manager.md: after a spaced dash the description runs on in lower case.
        assert_eq!(
            split_lead_in("Comfortable with ambiguity - working on projects that might not have a predefined solution and/or scope"),
            Some((
                "Comfortable with ambiguity".into(),
                "working on projects that might not have a predefined solution and/or scope".into()
            ))
        );
        // A hyphen within a word is no separator, and a dash before a qualification ends no
        // name.
        assert_eq!(
            split_lead_in("Experience with open-source tools and working in the open"),
            None
        );
        assert_eq!(
            split_lead_in(
                "Experience of at least one programming language - ideally Python, Ruby or Go"
            ),
            None
        );
        // web-ops sample: a list of acronyms is not a description; one sentence stays whole.
        assert_eq!(
            split_lead_in("Familiarity with network protocols - TCP/IP, HTTP, SSL, etc."),
            None
        );
        assert_eq!(
            split_lead_in("Experience using version control (ideally with Git)."),
            None
        );
    }

    #[test]
    fn placeholders_and_editorial_conditions() {
        assert!(is_placeholder("[Essential Civil Service Behaviours]"));
        assert!(!is_placeholder("[a] and [b]"));
        assert!(!is_placeholder("Grade 7"));
        // dfe-senior-developer.md
        assert_eq!(
            strip_qualifier("(If Ruby else delete) A good knowledge of Unix-like operating systems such as Linux and macOS."),
            (
                "A good knowledge of Unix-like operating systems such as Linux and macOS.".into(),
                Some("If Ruby else delete".into())
            )
        );
        assert_eq!(strip_qualifier("(ok)"), ("(ok)".into(), None));
    }

    #[test]
    fn headings_that_only_state_a_priority() {
        // dfe-service-designer.md: a section of named skills, with no group of its own.
        assert!(is_marker_title(
            "Essential skills and expertise for this role are:"
        ));
        assert_eq!(
            section("Essential skills and expertise for this role are:"),
            Some(Section::Criteria(Technical))
        );
        assert!(!is_marker_title("Specialist skills and expertise"));
        assert!(names_a_post("Senior accessibility specialist"));
        assert!(!names_a_post("Technical skills"));
        // co-product-manager.md, under "## Minimum Qualifications, Substitutions, Conditions
        // of Employment & Appeal Rights".
        assert!(!names_a_post("Minimum Qualifications:"));
        assert!(!names_a_post("Preferred Qualifications:"));
    }

    // The Canadian Digital Service's postings (cds-*.md, thirteenth held-out batch).
    #[test]
    fn a_heading_about_something_else_than_the_candidate_is_narrative() {
        // cds-technical-operations-analyst.md: "## About CDS", then "## About your team" over
        // "The areas of responsibility include:" and its list.
        assert_eq!(section("About CDS"), Some(Section::Narrative));
        assert_eq!(section("About your team"), Some(Section::Narrative));
        assert_eq!(section("About you"), Some(Section::Criteria(Experience)));
        assert_eq!(
            section("About yourself"),
            Some(Section::Criteria(Experience))
        );
    }

    #[test]
    fn what_the_post_holder_will_accomplish_and_how_they_are_evaluated_is_narrative() {
        // cds-senior-application-security-developer.md: bold lines as headings.
        assert_eq!(
            section("You’ll need to accomplish the following things:"),
            Some(Section::Narrative)
        );
        assert_eq!(
            section("We’ll evaluate you based on:"),
            Some(Section::Narrative)
        );
        // cds-research-operations-coordinator.md
        assert_eq!(
            section("General process information"),
            Some(Section::Narrative)
        );
        assert_eq!(section("You'll need"), Some(Section::Criteria(Experience)));
    }

    #[test]
    fn a_heading_on_what_applicants_are_evaluated_on_is_known_as_such() {
        // cds-full-stack-developer-partnerships.md, cds-full-stack-software-developer-mvp.md
        // and cds-senior-application-security-developer.md: narrative as a heading, which the
        // extractor turns to criteria over a list.
        assert!(says_what_applicants_are_evaluated_on(
            "We’ll evaluate you based on:"
        ));
        assert!(says_what_applicants_are_evaluated_on(
            "All candidates will be evaluated on:"
        ));
        assert!(!says_what_applicants_are_evaluated_on(
            "You’ll need to accomplish the following things:"
        ));
        assert!(!says_what_applicants_are_evaluated_on(
            "General process information"
        ));
    }

    #[test]
    fn the_people_or_candidate_sought_is_the_person_specification() {
        // cds-head-of-design.md, cds-senior-application-security-developer.md,
        // cds-team-lead-gc-notify.md
        for heading in [
            "An excellent candidate will be able to:",
            "We’re interested in people who:",
            "We’re looking for someone who",
        ] {
            assert_eq!(
                section(heading),
                Some(Section::Criteria(Experience)),
                "{heading}"
            );
        }
        // A list of qualities the candidate will be is still one of behaviours.
        assert_eq!(
            section("You will be someone who"),
            Some(Section::Criteria(Behaviour))
        );
    }

    #[test]
    fn what_the_candidate_should_possess_is_the_person_specification() {
        // nj-content-development-specialist.md, nj-future-of-work-policy-and-engagement-fellow.md
        for heading in [
            "You should possess the following:",
            "The right candidate for this position is:",
            "Candidates must possess",
        ] {
            assert_eq!(
                section(heading),
                Some(Section::Criteria(Experience)),
                "{heading}"
            );
        }
    }

    #[test]
    fn a_label_naming_only_pay_is_the_post_s_pay() {
        // nj-full-stack-software-engineer.md: "Compensation: Up to $125,000 (depending on
        // experience) + Full benefits" after the criteria.
        for label in [
            "Compensation",
            "Salary",
            "Proposed Salary Range",
            "Pay range",
        ] {
            assert!(names_pay(label), "{label}");
        }
        for name in ["Pay attention to detail", "Experience", "Range of skills"] {
            assert!(!names_pay(name), "{name}");
        }
    }

    #[test]
    fn a_heading_that_starts_preferred_is_desirable() {
        // nj-product-manager.md: "### Preferred Technical Experience, Skills and Abilities".
        let class = classify_title("Preferred Technical Experience, Skills and Abilities");
        assert_eq!(class.priority, Some(Priority::Desirable));
        assert_eq!(class.section, Some(Section::Criteria(Technical)));
        assert_eq!(
            classify_title("Preferred qualifications").priority,
            Some(Priority::Desirable)
        );
        // Only as the heading's first word: a heading that mentions it later decides nothing.
        assert_eq!(classify_title("Skills we have preferred").priority, None);
        assert_eq!(classify_title("Experience").priority, None);
    }

    #[test]
    fn preferred_or_an_asset_is_desirable() {
        // cds-research-operations-coordinator.md
        for item in [
            "Familiarity with scripting languages, analytics platforms, and database management preferred.",
            "Experience in UX research operations or a related role that involves research administration and coordination is an asset.",
        ] {
            assert_eq!(
                strip_priority(item),
                (item.to_owned(), Some(Priority::Desirable)),
                "{item}"
            );
        }
        assert_eq!(
            strip_priority(
                "Ability to comfortably work in a bilingual environment, English and French."
            )
            .1,
            None
        );
    }

    #[test]
    fn a_first_sentence_addressed_to_the_candidate_names_the_item() {
        // cds-head-of-design.md
        assert_eq!(
            split_lead_sentence("You apply the right tools to solve problems. You have experience working in lean, agile, or other fast-moving environments, where you’ve deployed open source and cloud technologies at scale."),
            Some((
                "You apply the right tools to solve problems".into(),
                "You have experience working in lean, agile, or other fast-moving environments, where you’ve deployed open source and cloud technologies at scale.".into()
            ))
        );
        // One sentence, or a second sentence not addressed to the candidate, stays whole.
        assert_eq!(
            split_lead_sentence("You are passionate about making Canada a better place."),
            None
        );
        assert_eq!(
            split_lead_sentence("strong development or scripting experience and skills. You're able to significantly and effectively contribute to the product and its security"),
            None
        );
        assert_eq!(
            split_lead_sentence("You know Python. Django and Flask are used here every day."),
            None
        );
        // The first sentence ends where the sentence module says: not at "e.g." (which once
        // cut "You know tools, e.g" from the rest).
        assert_eq!(
            split_lead_sentence(
                "You know tools, e.g. Python and Go. You use them every day at work."
            ),
            Some((
                "You know tools, e.g. Python and Go".into(),
                "You use them every day at work.".into()
            ))
        );
    }

    #[test]
    fn a_name_before_a_colon_may_run_on_in_lower_case() {
        // cds-research-operations-coordinator.md
        assert_eq!(
            split_lead_in("Excellent organizational skills: regularly managing multiple research projects and time-driven tasks at a time."),
            Some((
                "Excellent organizational skills".into(),
                "regularly managing multiple research projects and time-driven tasks at a time.".into()
            ))
        );
        // After a dash a lower-case run-on is no description ("… - TCP/IP").
        assert_eq!(
            split_lead_in("Familiarity with network protocols - including TCP/IP and HTTP stacks"),
            None
        );
        assert_eq!(split_lead_in("Cloud platforms: AWS and Azure"), None);
    }

    #[test]
    fn a_longer_name_run_on_after_its_colon_is_still_a_name() {
        // nj-communications-engagement-creative-lead.md
        assert_eq!(
            split_lead_in("The willingness and desire to both lead and “do”: as a leading member of a small team, you’ll be interfacing with principals"),
            Some((
                "The willingness and desire to both lead and “do”".into(),
                "as a leading member of a small team, you’ll be interfacing with principals".into()
            ))
        );
        // A long phrase before a dash or a full stop is no name: only the colon marks it.
        assert_eq!(
            split_lead_in("Working with a range of people across the whole organisation - including senior leaders and their teams"),
            None
        );
        // Nor is a phrase longer than ten words.
        assert_eq!(
            split_lead_in("Experience of working with a range of people across the whole of a large organisation: including senior leaders"),
            None
        );
    }

    #[test]
    fn a_us_postings_competencies_are_behaviours_or_a_disciplines_craft() {
        for general in [
            "Communication",
            "Teamwork & Collaboration",
            "Problem Solving",
            "18F Core Values Alignment",
            "Coaching and Mentoring",
            "Customer Service",
            "Innovation",
        ] {
            assert_eq!(competency_kind(general), Behaviour, "{general}");
        }
        for craft in [
            "Content strategy",
            "User experience (UX) writing",
            "Software Engineering Practices",
            "Technical Strategy",
            "Product experience",
            "Recruiting Craft",
            "Research Methods",
        ] {
            assert_eq!(competency_kind(craft), Technical, "{craft}");
        }
        assert!(introduces_competencies(
            "You will be scored based on a review of your application materials, measuring your possession of each of the following competencies:"
        ));
        assert!(!introduces_competencies("Competencies"));
    }

    #[test]
    fn conditions_of_employment_and_objectives_are_narrative() {
        for heading in [
            "Key Requirements",
            "Employment Requirements",
            "Objective #3: Model the behaviors we want to see partners adopt",
            "Key objective #3: Contribute to the continued success of the content team",
        ] {
            assert_eq!(section(heading), Some(Section::Narrative), "{heading}");
        }
    }

    #[test]
    fn what_to_put_in_a_resume_is_about_the_application() {
        assert!(about_the_application(
            "For each job on your resume, provide:"
        ));
        assert!(about_the_application(
            "Qualification determinations cannot be made when resumes do not include the required information"
        ));
        assert!(!about_the_application(
            "Experience leading projects in a consulting role."
        ));
    }

    #[test]
    fn a_colon_after_including_introduces_examples_not_a_description() {
        assert_eq!(
            split_lead_in(
                "Recruiting for disciplines including: design (visual, UX, front end or content) or engineering"
            ),
            None
        );
        assert!(split_lead_in(
            "Excellent organizational skills: regularly managing multiple research projects"
        )
        .is_some());
    }

    #[test]
    fn education_headings_name_qualifications() {
        // The State of California's classifications: "## Experience", then "## And Education"
        // (one "### And Education", a level down).
        for h in ["And Education", "Education", "Education and training"] {
            assert_eq!(section(h), Some(Section::Criteria(Experience)), "{h}");
        }
        assert_eq!(section("Department for Education"), None);
        assert!(section("Senior Education Data Analyst").is_none());
    }

    #[test]
    fn a_stated_requirement_keeps_the_sentences_that_qualify_it() {
        // ca-analyst.md: a minimum, then a part of it.
        let analyst = "This Classification must have a minimum of five (5) years of experience applying analytical processes on IT projects. At least three (3) years of that experience must have been in systems analysis and design.";
        assert_eq!(stated_requirements(analyst), Some(vec![analyst.to_owned()]));
        // ca-data-analyst.md: the degree, then what may stand in for it.
        let education = "This classification requires the possession of a bachelor’s degree, preferably in a field using quantitative methods such as economics. Additional qualifying experience may be substituted for the required education on a year-for-year basis.";
        assert_eq!(
            stated_requirements(education),
            Some(vec![education.to_owned()])
        );
        // ca-customer-experience-analyst.md: a second requirement of its own.
        let cx = "This Classification must have a minimum of two (2) years in a technical or functional consulting or research role or other relevant industry experience. Experience presenting to clients or other decision makers to lay out and advance ideas to various audiences (technical and non-technical).";
        assert_eq!(
            stated_requirements(cx),
            Some(vec![
                "This Classification must have a minimum of two (2) years in a technical or functional consulting or research role or other relevant industry experience.".to_owned(),
                "Experience presenting to clients or other decision makers to lay out and advance ideas to various audiences (technical and non-technical).".to_owned(),
            ])
        );
        // A sentence about experience, not one: it qualifies.
        let writer = "This Classification must have a minimum of two (2) years of experience performing IT technical writing. Experience can include being in a position as a specialist or research assistant in a technical field.";
        assert_eq!(stated_requirements(writer), Some(vec![writer.to_owned()]));
        // ca-senior-project-manager.md's second paragraph states no requirement first; one
        // sentence, or explanation, is not of this shape.
        assert_eq!(stated_requirements("Additional qualifying experience may be substituted for the required education on a year-for-year basis. The PMP certification is required and may not be substituted with additional experience."), None);
        assert_eq!(
            stated_requirements("This classification requires a degree."),
            None
        );
        assert_eq!(
            stated_requirements("We work in the open. You will join a team."),
            None
        );
        // gds-technical-architect.docx: the role explained, no minimum stated.
        assert_eq!(stated_requirements("The role requires an equal balance of technical expertise, gained through current, hands-on involvement in developing real-world systems. Candidates should ideally have experience in development of transformational digital services."), None);
    }

    #[test]
    fn what_prose_says_is_preferred() {
        // ca-customer-experience-analyst.md, in the description's prose.
        assert_eq!(
            preferences("Experience with conflict resolution techniques, knowledge of diverse research practices and low-code platform programming skills are also preferred."),
            Some(vec![
                "Experience with conflict resolution techniques".to_owned(),
                "Knowledge of diverse research practices".to_owned(),
                "Low-code platform programming skills".to_owned(),
            ])
        );
        assert_eq!(
            preferences("Knowledge in behavioral data analysis preferred."),
            Some(vec!["Knowledge in behavioral data analysis".to_owned()])
        );
        // Not a requirement, or not the sentence's end.
        assert_eq!(preferences("Remote work is preferred."), None);
        assert_eq!(
            preferences("Expertise in ETL/ELT is strongly preferred to design the experience."),
            None
        );
    }

    #[test]
    fn a_post_named_after_a_topic_word() {
        // The State of California's "# Security Engineer" (security-engineer.md).
        assert!(post_after_a_topic("Security Engineer"));
        assert!(post_after_a_topic("Salary Administrator"));
        assert!(!post_after_a_topic("About the Lead"));
        assert!(!post_after_a_topic("Duties of the Manager"));
        assert!(!post_after_a_topic("Security"));
    }

    #[test]
    fn a_stated_minimum_naming_frameworks_points_nowhere_else() {
        // The State of California's agile coach: "frameworks" is the field of experience.
        let coach = "This classification must have a minimum of six (6) years of experience in creating and implementing an agile culture utilizing agile methodologies and frameworks in complex teams and organizations.";
        assert!(refers_elsewhere(coach));
        assert!(states_a_requirement(coach));
        assert!(!states_a_requirement(
            "Please see the DDaT framework for the skills of this role."
        ));
    }

    #[test]
    fn fitting_right_in_and_being_able_name_the_person_where_someone_who_will_names_duties() {
        // The Canadian Digital Service's technical writer, policy analyst, quantitative design
        // researcher and internal communications advisor.
        for t in [
            "You’ll fit right in if:",
            "You will be able to:",
            "You'll be able to",
        ] {
            assert_eq!(
                classify_title(t).section,
                Some(Section::Criteria(Experience)),
                "{t}"
            );
        }
        for t in [
            "We’re looking for someone who will:",
            "We are looking for someone who will:",
        ] {
            assert_eq!(classify_title(t).section, Some(Section::Narrative), "{t}");
        }
        // What the employer looks for, and qualities, are as before.
        assert_eq!(
            classify_title("We’re looking for someone who").section,
            Some(Section::Criteria(Experience))
        );
        assert_eq!(
            classify_title("You will be someone who").section,
            Some(Section::Criteria(Behaviour))
        );
    }

    #[test]
    fn requirements_listed_among_the_duties_ask_of_the_applicant() {
        // cds-director-of-digital-practice.md, under "We are looking for someone who will:".
        for item in [
            "Bring significant experience in line management and leading teams responsible for software delivery (e.g., software development, design, research, product management, SRE);",
            "Communicate in both English and French (in government terms this position is Bilingual Imperative CBC/CBC).",
        ] {
            assert!(asks_of_the_applicant(item), "{item}");
        }
        // The duties beside them, and a bringing that is work, are none.
        for item in [
            "Advise and empower leaders throughout these teams;",
            "Communicate in both English and French with partners and stakeholders",
            "Bring teams together to deliver shared services",
            "Work with the CDS Talent team to define roles and consistent, explainable promotion criteria and progression frameworks;",
        ] {
            assert!(!asks_of_the_applicant(item), "{item}");
        }
    }

    #[test]
    fn an_item_completing_able_to_is_named_by_its_first_sentence() {
        // cds-design-researcher.md, under "## You will be able to:".
        let item = "Always be learning new ways to be a better researcher. Aware of their own weaknesses and seek help from others.";
        assert_eq!(
            split_lead_sentence_under(item, "You will be able to"),
            Some((
                "Always be learning new ways to be a better researcher".to_owned(),
                "Aware of their own weaknesses and seek help from others.".to_owned()
            ))
        );
        // Under another lead-in the item stays whole, as before.
        assert_eq!(
            split_lead_sentence_under(item, "What we’re looking for"),
            None
        );
        assert_eq!(split_lead_sentence(item), None);
        // One sentence, or a second too short to describe it, is still the whole item.
        assert_eq!(
            split_lead_sentence_under(
                "Design and validate survey questions using psychometric methods.",
                "You will be able to"
            ),
            None
        );
        assert_eq!(
            split_lead_sentence_under(
                "Lead teams through research. Always.",
                "You will be able to"
            ),
            None
        );
    }

    #[test]
    fn a_preference_among_candidates_is_desirable() {
        // cds-director-of-platform.md, the last item of what a great candidate can show.
        let item = "Preference will be given to bilingual (French and English) candidates and to Canadian citizens.";
        assert_eq!(strip_priority(item).1, Some(Priority::Desirable));
        assert_eq!(
            strip_priority(
                "Manage people, including giving and delivering feedback, even when it’s hard."
            )
            .1,
            None
        );
        // A preference stated in the middle of a requirement is left to the other rules.
        assert_eq!(
            strip_priority("Experience of hiring, with preference given to the public sector").1,
            None
        );
    }

    #[test]
    fn a_great_candidate_is_the_person_sought() {
        // cds-director-of-digital-practice.md, cds-director-of-platform.md: plain lines over
        // the lists of what the applicant must show.
        for t in [
            "A great candidate will demonstrate:",
            "A great candidate will be able to demonstrate that they can:",
        ] {
            assert_eq!(
                classify_title(t).section,
                Some(Section::Criteria(Experience)),
                "{t}"
            );
        }
    }

    #[test]
    fn skills_beside_the_tech_stack_are_technical_and_must_haves_a_priority() {
        // cds-temp-software-developer-notify.md: "## Skills Required / Tech Stack" over
        // "### Must Haves" and "### Able to Learn".
        assert_eq!(
            classify_title("Skills Required / Tech Stack").section,
            Some(Section::Criteria(Technical))
        );
        // The stack alone (nyc-full-stack-web-developer.md) and skills alone are not.
        assert_eq!(classify_title("TECH STACK:").section, None);
        assert_eq!(classify_title("Skills required").section, None);
        assert_eq!(priority_marker("Must Haves"), Some(Priority::Essential));
        assert_eq!(priority_marker("Must have:"), Some(Priority::Essential));
        assert_eq!(priority_marker("Able to Learn"), Some(Priority::Desirable));
        assert_eq!(priority_marker("Nice to haves"), Some(Priority::Desirable));
        assert!(is_marker_title("Must Haves"));
        // A requirement that says "must have" is no marker.
        assert_eq!(priority_marker("You must have a driving licence"), None);
        assert_eq!(priority_marker("Able to learn quickly"), None);
    }

    #[test]
    fn a_footnote_mark_before_the_full_stop_is_no_part_of_a_name() {
        // cds-people-operations-coordinator.md
        assert_eq!(
            without_joint_or_mark("Can communicate in both English and French (in government terms this position is Bilingual Imperative BBB/BBB)*."),
            "Can communicate in both English and French (in government terms this position is Bilingual Imperative BBB/BBB)"
        );
        assert_eq!(
            without_joint_or_mark("Rock *and* roll."),
            "Rock *and* roll."
        );
    }

    #[test]
    fn a_lead_sentence_addressed_by_your_or_followed_by_examples_names_the_item() {
        // cds-technical-writer.md and cds-quantitative-design-researcher.md
        assert_eq!(
            split_lead_sentence("Your default mode is open collaboration. You listen and make space for new ideas. Your secret power is making other people’s ideas better."),
            Some((
                "Your default mode is open collaboration".into(),
                "You listen and make space for new ideas. Your secret power is making other people’s ideas better.".into()
            ))
        );
        assert_eq!(
            split_lead_sentence("Select, design, conduct and present quantitative user experience research methods. Examples include: multivariate testing, benchmarking, large-scale surveys, card sorting, comment clustering."),
            Some((
                "Select, design, conduct and present quantitative user experience research methods".into(),
                "Examples include: multivariate testing, benchmarking, large-scale surveys, card sorting, comment clustering.".into()
            ))
        );
        // cds-full-stack-software-developer-mvp.md: a sentence of what a noun "include(s)".
        assert_eq!(
            split_lead_sentence("Creating and delivering software using modern web technologies and platforms such as React, Typescript, PHP, Wordpress, CSS. Nice-to-haves include Docker, Terraform, AWS. "),
            Some((
                "Creating and delivering software using modern web technologies and platforms such as React, Typescript, PHP, Wordpress, CSS".into(),
                "Nice-to-haves include Docker, Terraform, AWS.".into()
            ))
        );
        // sg-user-experience-lead.md: what "should include:" asks for is part of the
        // requirement; the item stays whole.
        assert_eq!(
            split_lead_sentence("Good knowledge of current Software Development Methodologies and ability to apply them to specific projects. Methodologies should include: Agile, Waterfall and Lean."),
            None
        );
        // Two sentences that are neither addressed nor examples stay whole.
        assert_eq!(
            split_lead_sentence(
                "Design and validate survey questions. Surveys are run quarterly across teams."
            ),
            None
        );
    }

    #[test]
    fn a_bracketed_ideally_makes_the_requirement_welcome() {
        // cds-policy-analyst.md
        assert_eq!(
            strip_priority("You’re (ideally) fluent in both official languages"),
            (
                "You’re (ideally) fluent in both official languages".into(),
                Some(Priority::Desirable)
            )
        );
        // "ideally" qualifying a detail leaves the requirement as it is (dfe-site-reliability-engineer.md).
        assert_eq!(
            strip_priority("Experience using version control (ideally with Git)").1,
            None
        );
    }

    #[test]
    fn a_note_on_the_role_and_a_footnote_are_no_requirements() {
        // cds-quantitative-design-researcher.md and cds-internal-communications-advisor.md
        assert!(describes_the_role("This role differs from data scientist roles. It's focused on applying data science tools to user experience problems. The best applicant wants to understand people’s needs, not only work with data."));
        assert!(!describes_the_role(
            "This role requires a security clearance."
        ));
        assert!(!describes_the_role(
            "This Classification must have a minimum of two (2) years of experience."
        ));
        assert!(!describes_the_role(
            "You help teams measure how well a product solves problems."
        ));
        assert!(is_footnote("*A pool of qualified persons resulting from this process MAY be created and MAY be used to fill similar position with linguistic profiles (english essential, bilingual imperative BBB/BBB)."));
        assert!(!is_footnote(
            "*NYC Residency is required within 90 days of appointment.*"
        ));
        assert!(!is_footnote("* Experience of agile delivery"));
        // austin-copywriter.md, austin-interaction-designer.md
        assert!(describes_the_role(
            "Level of seniority will be based on range of work and level of responsibility in experience"
        ));
        assert!(!describes_the_role("Seniority in a design team"));
    }

    #[test]
    fn work_authorisation_is_no_requirement() {
        // austin-operations-manager.md, austin-human-resources-coordinator.md
        assert!(is_work_authorisation("Must be eligible to work in the United States and be able to provide a social security card for city onboarding"));
        assert!(is_work_authorisation(
            "You must have the right to work in the UK"
        ));
        assert!(!is_work_authorisation(
            "Two years of relevant work experience with operations, office or project management"
        ));
        assert!(!is_work_authorisation("NYC residency"));
    }

    #[test]
    fn a_plus_is_desirable() {
        // austin-human-resources-coordinator.md
        assert_eq!(
            strip_priority("Prior knowledge of city practice, policy and procedures a plus"),
            (
                "Prior knowledge of city practice, policy and procedures a plus".to_owned(),
                Some(Priority::Desirable)
            )
        );
        assert_eq!(
            strip_priority("Knowledge of front-end development is a plus;").1,
            Some(Priority::Desirable)
        );
        assert_eq!(strip_priority("Experience as a plus-one").1, None);
    }
}
