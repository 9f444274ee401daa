//! Walks the outline section by section and turns what sits in criteria sections into
//! criteria, and what it cannot place into warnings.
//!
//! The rules, in the order a reader meets them:
//! - A heading that names a kind of section (behaviours, technical skills, SFIA, experience,
//!   about the role, appendix…) opens that section. A heading deeper than the section's own
//!   (or emphasised text standing in for one) stays inside it: if deeper headings follow, it
//!   is a group (a competency cluster such as "Setting Direction"); otherwise it names a
//!   criterion and the lines under it are its indicators.
//! - In a criteria section with no criterion heading, each list item is a criterion; deeper
//!   items are its indicators. Behaviours and strengths written "Name – description" are
//!   split into the name and an indicator.
//! - "Essential" / "Desirable" on their own (a line, a heading, "Desirable criteria:") set
//!   the priority of what follows in the section; right after a criterion heading they set
//!   that criterion's. Written into a criterion ("(desirable)") they set its own.
//! - A line with a SFIA code and level is a SFIA skill wherever it appears. In a SFIA section,
//!   other short lines are categories: a line on its own is the group, a list item is a
//!   subcategory and is skipped.
//! - A conditional qualifier ("(if managing others)") is split off the name, kept as an
//!   indicator "Qualifier: …" so assessors see it, and reported as a warning.
//! - The same criterion named twice (a list of behaviours, then each described) is merged.
//! - Narrative and appendix sections give nothing. In a section the importer does not
//!   recognise, lines that read like requirements are reported. A criteria section that
//!   yields nothing is reported, saying so when it points to an external framework.

use super::classify::{
    about_the_application, announces_behaviours, asks_of_the_applicant, behaviour_name,
    classify_title, competency_kind, describes_the_role, ends_in_a_post_noun, fold,
    introduces_competencies, is_competency_cluster, is_footnote, is_intro, is_marker_title,
    is_placeholder, is_work_authorisation, looks_like_requirement, names_a_post,
    names_behaviours_and_experience, names_pay, preferences, priority_marker, prose_priority,
    refers_elsewhere, says_what_applicants_are_evaluated_on, split_cluster, split_lead_in,
    split_lead_sentence_under, split_name_description, stated_requirements, states_a_requirement,
    strip_priority, strip_qualifier, tidy_group, without_joint_or_mark, without_stray_quote, words,
    Section,
};
use super::details::is_detail_key;
use super::outline::{Block, BlockKind, Cell, PSEUDO_LEVEL};
use super::sentence::{self, sentences};
use super::sfia;
use crate::model::{Criterion, CriterionKind, Priority};

/// What the walk produced.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub criteria: Vec<Criterion>,
    pub warnings: Vec<String>,
}

/// What the current section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Criteria(CriterionKind),
    Sfia,
    Narrative,
    Details,
    /// A heading the importer does not recognise (including the document's title).
    Unknown,
}

impl Mode {
    fn holds_criteria(self) -> bool {
        matches!(self, Mode::Criteria(_) | Mode::Sfia)
    }
}

#[derive(Debug)]
struct SectionState {
    title: String,
    /// Whether the title is only a priority marker ("Essential criteria"), so no group.
    title_is_marker: bool,
    line: usize,
    level: u8,
    mode: Mode,
    priority: Priority,
    /// Whether a priority heading inside the section ("### Desirable:") set `priority`, which
    /// is then that heading's list's, not the section's.
    marked: bool,
    found: usize,
    /// The section was opened by a plain line standing in for a heading ("What we’re looking
    /// for:"), not by a heading or a bold line.
    from_label: bool,
    /// Lines seen in the section that were neither introductions nor references.
    content: usize,
    refers: Vec<String>,
    links: Vec<String>,
}

/// How the current criterion was introduced, which decides what attaches to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// A heading: everything up to the next heading is its indicators.
    Heading,
    /// A list item at this depth: only deeper items are its indicators.
    Item(usize),
    /// A paragraph led by its name ("***Improving Performance*** - You will…"): what follows
    /// is its indicators, until a paragraph led by a name of its own.
    Lead,
}

impl Origin {
    /// Whether the lines after the criterion are its indicators.
    fn takes_lines(self) -> bool {
        matches!(self, Origin::Heading | Origin::Lead)
    }
}

#[derive(Debug, Clone, Copy)]
struct Current {
    index: usize,
    origin: Origin,
    /// Nothing has followed the heading yet (a priority line here is its own).
    fresh: bool,
}

struct Extractor<'a> {
    blocks: &'a [Block],
    section: SectionState,
    group: Option<(String, u8)>,
    current: Option<Current>,
    /// A plain line ("Specialist skills and expertise:") switched the kind of what follows
    /// inside the section, until the next heading.
    sub_kind: Option<CriterionKind>,
    /// After "Desirable" under a criterion that already has indicators: its indicators from
    /// here on carry that priority.
    indicator_priority: Option<Priority>,
    /// A sentence promised a list of behaviours ("we'll assess you against these
    /// behaviours:"); list lines naming one are behaviours, whatever section they are in.
    behaviour_list: bool,
    /// A sentence introduced the role's duties ("As a DevOps Engineer you will:"): the list
    /// after it is what the job holder does, not what they are assessed on, until the next
    /// heading or paragraph.
    duties_list: bool,
    /// A sub-heading's explanation before the introduction of its list ("The successful
    /// candidate will be an exceptional leader…", then "We are looking for a candidate with
    /// the ability to:"): prose about the requirements, not one of them.
    prose_before_list: bool,
    seen_heading: bool,
    /// The level of the heading that named the current criterion.
    criterion_level: Option<u8>,
    /// The last real heading (not a bold line standing in for one): its text and level.
    last_heading: Option<(String, u8)>,
    /// The section lists the competencies applicants are scored on, each typed by its name
    /// (a general competency a behaviour, a discipline's craft a technical skill).
    competencies: bool,
    /// The level of a criteria heading whose parts are headings of their own ("## Criteria"
    /// over "### Knowledge", "### Experience"), while those parts last, and that heading's
    /// priority, which a part naming none keeps ("### PREFERRED SKILLS" over "#### KNOWLEDGE").
    parts_of: Option<(u8, Priority)>,
    /// The document's title, its first heading when that names a post: a later heading that
    /// repeats it is read as the title is, no section.
    doc_title: Option<String>,
    /// The last list item ended with a colon: the deeper items after it are its own.
    item_introduces: bool,
    out: Extracted,
}

/// Extracts criteria and warnings from the outline.
pub(crate) fn extract(blocks: &[Block]) -> Extracted {
    let mut x = Extractor {
        blocks,
        section: SectionState {
            title: String::new(),
            title_is_marker: false,
            line: 1,
            level: 0,
            mode: Mode::Unknown,
            priority: Priority::Essential,
            marked: false,
            found: 0,
            from_label: false,
            content: 0,
            refers: Vec::new(),
            links: Vec::new(),
        },
        group: None,
        current: None,
        sub_kind: None,
        indicator_priority: None,
        behaviour_list: false,
        duties_list: false,
        prose_before_list: false,
        seen_heading: false,
        criterion_level: None,
        last_heading: None,
        competencies: false,
        parts_of: None,
        doc_title: None,
        item_introduces: false,
        out: Extracted::default(),
    };
    for (i, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Heading { level, text } => {
                x.behaviour_list = false;
                x.duties_list = false;
                x.prose_before_list = false;
                let first = !std::mem::replace(&mut x.seen_heading, true);
                if *level < PSEUDO_LEVEL {
                    x.last_heading = Some((text.clone(), *level));
                }
                if first && *level == 1 && (names_a_post(text) || ends_in_a_post_noun(text)) {
                    // The document's title ("Senior accessibility specialist") is not a
                    // section, even when a word in it ("specialist") names one, nor when it
                    // is the noun of a post after words that would ("Customer Experience
                    // Analyst").
                    x.open_section(text, 1, block.line, Mode::Unknown, Priority::Essential);
                    x.doc_title = Some(fold(text).split_whitespace().collect());
                } else {
                    x.heading(i, *level, text, block.line);
                }
            }
            BlockKind::Paragraph { text, lines, links } => {
                x.duties_list = introduces_duties(text);
                x.paragraph_block(i, text, lines, links, block.line)
            }
            BlockKind::Item { depth, text } => {
                // "2. To be appointed to Assignment Level II and above, candidates must have:"
                // over a list of alternatives: an item that introduces what candidates must
                // have is a sentence over the items after it, no criterion; they are criteria
                // of their own, not its indicators.
                let introduces_list = introduces_candidates_abilities(text) && x.is_item_at(i + 1);
                if introduces_list {
                    x.current = None;
                } else {
                    x.item(*depth, text, block.line);
                }
                x.item_introduces = text.trim_end().ends_with(':');
            }
            BlockKind::Row { cells, header } => {
                if !header {
                    x.row(cells, block.line)
                }
            }
        }
    }
    x.close_section();
    x.out
}

/// Whether a paragraph introduces the abilities asked of candidates ("We are looking for a
/// candidate with the ability to:", "The successful applicant will be able to:"): an
/// introduction that names who is sought, so the list after it is the requirements
/// themselves, not a competency's indicators ("At this level you will:").
fn introduces_candidates_abilities(text: &str) -> bool {
    let t = fold(text);
    is_intro(text)
        && priority_marker(text).is_none()
        && ["candidate", "applicant", "looking for"]
            .iter()
            .any(|w| t.contains(w))
}

/// A competency's name and description, "User experience (UX) writing: Plan, write…": a
/// name of up to six words before a colon (or a dash), capitalised, with no sentence
/// punctuation; brackets are allowed, as a competency's name spells out its abbreviation.
fn competency_name(text: &str) -> Option<(String, String)> {
    if let Some(split) = split_name_description(text) {
        return Some(split);
    }
    let (name, description) = text.split_once(": ")?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    ((1..=6).contains(&words)
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.contains(['.', ',', ';'])
        && !description.trim().is_empty())
    .then(|| (name.to_owned(), description.trim().to_owned()))
}

/// A description that runs on into another competency, "…technical architecture. 18F Core
/// Values Alignment: The ability…": the description up to that sentence, and the
/// competency after it.
fn run_on_competency(description: &str) -> Option<(String, String)> {
    sentence::splits(description).find_map(|(before, next)| {
        let next = next.trim();
        let (name, _) = competency_name(next)?;
        // The next sentence is a name, not a sentence with a colon in it ("Note: …" is one
        // word, a name of a competency at least two).
        (name.split_whitespace().count() >= 2).then(|| (before.to_owned(), next.to_owned()))
    })
}

/// Whether a table row holds the table's column labels though it is written as an ordinary
/// row: a Word table whose header row is drawn by the table's style (not bold runs), an HTML
/// table without `<th>`, a PDF's table. Its cells are all short, and one names both priorities
/// — the priority column's label, where a criterion's row gives one value ("Essential or
/// desirable", "E/D") — or the first is a generic word for the rows ("Criteria"), which no
/// criterion is called.
fn column_labels(filled: &[&Cell]) -> bool {
    const ROW_WORDS: &[&str] = &[
        "criteria",
        "criterion",
        "requirement",
        "requirements",
        "skills",
        "competencies",
        "competences",
        "behaviours",
        "behaviors",
        "attributes",
        "skills and experience",
        "experience and skills",
        "knowledge skills and experience",
        "person specification",
        "selection criteria",
    ];
    let short = |c: &&Cell| {
        c.items.is_empty()
            && c.text.split_whitespace().count() <= 5
            && !c.text.trim_end().ends_with('.')
    };
    let words_of = |c: &Cell| words(&fold(&c.text));
    let names_both = |c: &&Cell| {
        let w = words_of(c);
        let has = |x: &str| w.iter().any(|v| v == x);
        (has("essential") && has("desirable")) || w == ["e", "d"] || w == ["e", "or", "d"]
    };
    let generic_first = ROW_WORDS.contains(&words_of(filled[0]).join(" ").as_str());
    filled.len() >= 2
        && filled.iter().all(short)
        && (generic_first || filled.iter().any(names_both))
}

/// Whether a paragraph introduces a list of duties: it ends "you will:" ("As a DevOps
/// Engineer you will:", "In this role, you'll:"). "You will have:" or "you will need:"
/// introduce requirements instead, so only the bare verb counts.
fn introduces_duties(text: &str) -> bool {
    let t = text.trim_end().to_lowercase().replace('’', "'");
    let Some(lead) = t.strip_suffix(':') else {
        return false;
    };
    let lead = lead.trim_end();
    lead.ends_with("you will") || lead.ends_with("you'll")
}

/// Whether a paragraph line reads as a label standing in for a heading: short, no sentence
/// punctuation, capitalised.
fn label_like(text: &str) -> bool {
    const SENTENCE_STARTS: &[&str] = &[
        "We", "You", "Your", "Our", "It", "This", "These", "Please", "If", "I",
    ];
    let t = text.trim();
    if t.split_whitespace()
        .next()
        .is_some_and(|w| SENTENCE_STARTS.contains(&w))
    {
        return false;
    }
    let words = t.split_whitespace().count();
    (1..=6).contains(&words)
        && !t
            .trim_end_matches(':')
            .contains(['.', ',', ';', '?', '!', '(', '['])
        && t.chars().next().is_some_and(char::is_uppercase)
}

/// A plain line standing in for a heading that is not a priority marker ("Essential").
fn is_label_line(text: &str) -> bool {
    label_like(text) && priority_marker(text).is_none()
}

/// Whether a label is written in capitals ("SEEING THE BIG PICTURE").
fn shouted(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// Shortens text for a warning.
fn quote(text: &str) -> String {
    const MAX: usize = 90;
    if text.chars().count() <= MAX {
        format!("\"{text}\"")
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("\"{}…\"", cut.trim_end())
    }
}

impl Extractor<'_> {
    fn warn(&mut self, message: String) {
        self.out.warnings.push(message);
    }

    fn section_name(&self) -> String {
        if self.section.title.is_empty() {
            "the start of the document".to_owned()
        } else {
            format!("section \"{}\"", self.section.title)
        }
    }

    fn open_section(
        &mut self,
        title: &str,
        level: u8,
        line: usize,
        mode: Mode,
        priority: Priority,
    ) {
        self.close_section();
        self.section = SectionState {
            title: tidy_group(title),
            title_is_marker: is_marker_title(title),
            line,
            level,
            mode,
            priority,
            marked: false,
            found: 0,
            from_label: false,
            content: 0,
            refers: Vec::new(),
            links: Vec::new(),
        };
        self.group = None;
        self.current = None;
        self.sub_kind = None;
        self.indicator_priority = None;
        self.competencies = false;
    }

    /// "## Evaluations", "**Here’s how it will work:**", then "You will be scored …,
    /// measuring your possession of each of the following competencies:": a section the
    /// headings did not name lists the competencies applicants are scored on, grouped by the
    /// section's heading (the bold line is only a lead-in). Returns whether it opened one.
    fn open_competencies(&mut self, text: &str, line: usize) -> bool {
        if self.section.mode != Mode::Unknown || !introduces_competencies(text) {
            return false;
        }
        let (title, level) = self
            .last_heading
            .clone()
            .unwrap_or_else(|| (self.section.title.clone(), self.section.level));
        let mode = Mode::Criteria(CriterionKind::Behaviour);
        self.open_section(&title, level, line, mode, Priority::Essential);
        self.competencies = true;
        true
    }

    /// A competency of a scored list, "Research Methods: The knowledge and ability…": its
    /// name and description, typed by its name. `None` if the text is not so written.
    fn add_competency(&mut self, text: &str, line: usize) -> Option<usize> {
        let (name, description) = competency_name(text)?;
        // "- **Technical Strategy:** The ability to advise…" then "**18F Core Values
        // Alignment:** The ability…" on the next line without its bullet: Markdown runs the
        // line into the item, but it is a competency of its own.
        let (description, next) = match run_on_competency(&description) {
            Some((own, next)) => (own, Some(next)),
            None => (description, None),
        };
        let kind = competency_kind(&name);
        let priority = self.section.priority;
        let index = self.add(kind, &name, priority, vec![description], line);
        match next {
            Some(next) => self.add_competency(&next, line).or(index),
            None => index,
        }
    }

    /// "## Essential skills" or "## Selection criteria", then "(Essential) skills and expertise
    /// we will assess you against are:": a heading that gave only a priority or generic words
    /// leaves the kind of its criteria to the introduction, when that names one.
    fn kind_from_introduction(&mut self, text: &str) {
        let Mode::Criteria(_) = self.section.mode else {
            return;
        };
        let generic_title =
            self.section.title_is_marker || classify_title(&self.section.title).section.is_none();
        if generic_title && self.section.found == 0 && self.sub_kind.is_none() && is_intro(text) {
            if let Some(Section::Criteria(named)) = classify_title(text).section {
                self.section.mode = Mode::Criteria(named);
            }
        }
    }

    /// A competency cluster ("SETTING DIRECTION"): a behaviours section of its own name, so
    /// the competencies under it take it as their group.
    fn open_cluster(&mut self, name: &str, level: u8, line: usize) {
        let mode = Mode::Criteria(CriterionKind::Behaviour);
        self.open_section(name, level, line, mode, Priority::Essential);
    }

    /// Reports a criteria section that gave nothing.
    fn close_section(&mut self) {
        let s = &self.section;
        if !s.mode.holds_criteria() || s.found > 0 {
            return;
        }
        let refers = !(s.refers.is_empty() && s.links.is_empty());
        // A heading with nothing of its own ("Person specification" over "Competencies",
        // "Experience"…) is only a container: nothing to report.
        if !refers && s.content == 0 {
            return;
        }
        let message = if !refers {
            format!(
                "line {}: section \"{}\" looks like it should list criteria, but none could be read; add them by hand",
                s.line, s.title
            )
        } else {
            let mut m = format!(
                "line {}: section \"{}\" refers to an external framework instead of listing criteria ({})",
                s.line,
                s.title,
                quote(&s.refers.join(" "))
            );
            if !s.links.is_empty() {
                m.push_str(&format!("; links: {}", s.links.join(", ")));
            }
            m.push_str("; add those criteria by hand");
            m
        };
        self.warn(message);
    }

    /// Whether the section is behaviours under a heading that names experience too
    /// ("Competencies and Experience Required"): a priority heading in it or beside it lists
    /// the experience, not more behaviours.
    fn names_experience_beside_behaviours(&self) -> bool {
        self.section.mode == Mode::Criteria(CriterionKind::Behaviour)
            && names_behaviours_and_experience(&self.section.title)
    }

    /// Whether a deeper heading follows heading `i` before one at its own level or above.
    fn has_child_heading(&self, i: usize, level: u8) -> bool {
        if level >= PSEUDO_LEVEL {
            return false;
        }
        for b in self.blocks.iter().skip(i + 1) {
            if let BlockKind::Heading { level: l, text } = &b.kind {
                // "#### Essential" / "#### Desirable" under "### Seeing the big picture" sort
                // its indicators; they do not make it a group.
                if *l > level && priority_marker(text).is_some() {
                    continue;
                }
                return *l > level && *l < PSEUDO_LEVEL;
            }
        }
        false
    }

    /// "All about you" between "All about the user" and "All about us", in a document whose
    /// criteria have headings of their own ("Specialist skills required", "Competencies"):
    /// one part of the advert's pitch ("If you want to join us, you'll need to be able to:"),
    /// not what candidates are assessed on. Only a heading that names criteria by "about you"
    /// alone, in a series of "about" headings at its level whose others are narrative.
    fn pitch_about_you(&self, i: usize, level: u8) -> bool {
        let heading = |b: &Block| match &b.kind {
            BlockKind::Heading { level, text } => Some((*level, fold(text))),
            _ => None,
        };
        let Some((_, own)) = self.blocks.get(i).and_then(heading) else {
            return false;
        };
        let Some(at) = own.find("about you") else {
            return false;
        };
        let lead = own[..at].trim().to_owned() + " about ";
        let lead = lead.trim_start();
        let others: Vec<(usize, u8, String)> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .filter_map(|(j, b)| heading(b).map(|(l, t)| (j, l, t)))
            .collect();
        let in_series = others.iter().any(|(_, l, t)| {
            *l == level
                && t.starts_with(lead)
                && classify_title(t).section == Some(Section::Narrative)
        });
        let criteria_elsewhere = others.iter().any(|(_, _, t)| {
            !t.contains("about you")
                && matches!(
                    classify_title(t).section,
                    Some(Section::Criteria(_) | Section::Sfia)
                )
        });
        in_series && criteria_elsewhere
    }

    /// Whether what follows block `i` is a criterion of a list: an item, a priority line, or a
    /// table row (a one-cell "**Equal Opportunities**" row heads the rows under it).
    fn next_is_item(&self, i: usize) -> bool {
        self.blocks.get(i + 1).is_some_and(|b| {
            matches!(b.kind, BlockKind::Item { .. } | BlockKind::Row { header: false, .. })
                || matches!(&b.kind, BlockKind::Paragraph { text, .. } if priority_marker(text).is_some())
        })
    }

    fn heading(&mut self, i: usize, level: u8, text: &str, line: usize) {
        let inside = self.section.mode.holds_criteria()
            && (level == PSEUDO_LEVEL || level > self.section.level);
        if let Some(p) = priority_marker(text) {
            let under_criterion =
                level == PSEUDO_LEVEL || self.criterion_level.is_some_and(|l| level > l);
            if inside && under_criterion {
                // "**Essential**" right under a criterion is its own priority; "**Desirable**"
                // after its indicators marks the indicators that follow.
                if let Some(cur) = self.current.filter(|c| c.origin.takes_lines()) {
                    if cur.fresh {
                        if let Some(c) = self.out.criteria.get_mut(cur.index) {
                            c.priority = p;
                        }
                    } else {
                        self.indicator_priority = Some(p);
                    }
                    return;
                }
            }
            self.current = None;
            if level < PSEUDO_LEVEL {
                self.sub_kind = None;
                if self.group.as_ref().is_some_and(|(_, l)| level <= *l) {
                    self.group = None;
                }
            }
            if inside {
                self.section.priority = p;
                self.section.marked = true;
                if self.names_experience_beside_behaviours() {
                    self.sub_kind = Some(CriterionKind::Experience);
                }
            } else {
                // "Desirable skills" after "Essential skills and expertise": a priority says
                // nothing of the kind, which carries on from the section it sits beside.
                let mode = match self.section.mode {
                    m @ Mode::Criteria(_) if level == PSEUDO_LEVEL => m,
                    Mode::Criteria(k)
                        if level == self.section.level
                            && classify_title(text).section.is_none()
                            && !self.names_experience_beside_behaviours() =>
                    {
                        Mode::Criteria(k)
                    }
                    _ => Mode::Criteria(CriterionKind::Experience),
                };
                self.open_section(text, level, line, mode, p);
            }
            return;
        }
        self.current = None;
        self.indicator_priority = None;
        if level < PSEUDO_LEVEL {
            self.sub_kind = None;
            if self.parts_of.is_some_and(|(l, _)| level <= l) {
                self.parts_of = None;
            }
        }
        let (name, own_priority) = strip_priority(text);
        // "## Content Development Specialist" under "# Content Development Specialist": the
        // post named again over its summary is read as the title is, no section, even where
        // a word of it ("specialist") would name one; the headings under it open their own.
        if level < PSEUDO_LEVEL
            && self
                .doc_title
                .as_ref()
                .is_some_and(|t| *t == fold(&name).split_whitespace().collect::<String>())
        {
            self.open_section(&name, level, line, Mode::Unknown, Priority::Essential);
            return;
        }
        let mut class = classify_title(&name);
        // "## We’ll evaluate you based on:" straight over a list: what the applicant is
        // evaluated on, the criteria; over a paragraph it stays how the selection is run.
        if class.section == Some(Section::Narrative)
            && says_what_applicants_are_evaluated_on(&name)
            && self.next_is_item(i)
        {
            class.section = Some(Section::Criteria(CriterionKind::Experience));
        }
        // "#### We are seeking individuals with the following experience, skills, and
        // abilities:" under "### Preferred Technical Experience, Skills and Abilities": an
        // introduction one heading down, before any criterion, says what kind the list is
        // and no more; the section's heading stays its group and its priority.
        if inside && level < PSEUDO_LEVEL && self.section.found == 0 && is_intro(&name) {
            if let Some(Section::Criteria(kind)) = class.section {
                self.sub_kind = Some(kind);
                return;
            }
        }
        // "**Applicants applying for this job must meet the following requirements:**" over
        // the competencies: an introduction, neither a criterion nor a section.
        if inside && self.competencies && level == PSEUDO_LEVEL && is_intro(&name) {
            return;
        }
        // Older job descriptions group competencies under the framework's clusters, often as
        // bold lines at one level with the competencies under them. A cluster opens a
        // behaviours section of its own name, so it is their group and never a criterion,
        // whatever section it comes in (GDS templates put them after "Specialist skills").
        if class.section.is_none() && !self.has_child_heading(i, level) {
            if let Some((cluster, rest)) = split_cluster(&name) {
                // "Setting Direction – Changing and Improving": the competency sits inside.
                let outer = if level >= PSEUDO_LEVEL {
                    PSEUDO_LEVEL
                } else {
                    level - 1
                };
                self.open_cluster(&cluster, outer, line);
                self.heading(i, level, &rest, line);
                return;
            }
            if is_competency_cluster(&name) {
                self.open_cluster(&name, level, line);
                return;
            }
        }
        // "**You will have:**" under "Person specification": an introduction, not a new
        // section.
        // A bold sub-heading that names a topic ("**Agile and lean experience**") is a group.
        let introduces = is_intro(&name) || fold(&name).starts_with("you");
        if inside
            && level == PSEUDO_LEVEL
            && introduces
            && matches!((class.section, self.section.mode),
                (Some(Section::Criteria(a)), Mode::Criteria(b)) if a == b)
        {
            return;
        }
        // A group heading ends when a heading at its level or above comes.
        if self.group.as_ref().is_some_and(|(_, l)| level <= *l) {
            self.group = None;
        }
        // "### Technical:" over a list of duties stays in "Key responsibilities": a deeper
        // heading leaves a narrative section only when it plainly names criteria.
        // Nor does a topic that merely contains "experience" ("### Developer experience
        // (DevX)" over duties): only a heading that starts with it names a requirement.
        let topic = {
            let folded = name.to_lowercase();
            names_a_post(&folded.replace("experience", "")) && !folded.starts_with("experience")
        };
        if self.section.mode == Mode::Narrative
            && level > self.section.level
            && level < PSEUDO_LEVEL
            && matches!(class.section, Some(Section::Criteria(_)))
            && (names_a_post(&name) || topic)
        {
            return;
        }
        if matches!(class.section, Some(Section::Criteria(_))) && self.pitch_about_you(i, level) {
            let priority = Priority::Essential;
            self.open_section(&name, level, line, Mode::Narrative, priority);
            return;
        }
        if let Some(section) = class.section {
            let mode = match section {
                Section::Criteria(kind) => Mode::Criteria(kind),
                Section::Sfia => Mode::Sfia,
                Section::Narrative => Mode::Narrative,
                Section::Details => Mode::Details,
            };
            if inside && level < PSEUDO_LEVEL && matches!(mode, Mode::Criteria(_)) {
                let own = if self.section.marked {
                    Priority::default()
                } else {
                    self.section.priority
                };
                self.parts_of.get_or_insert((self.section.level, own));
            }
            // "#### KNOWLEDGE" under "### PREFERRED SKILLS": a part of a criteria section
            // that names no priority of its own keeps the section's.
            let inherited = match (self.parts_of, mode) {
                (Some((l, p)), Mode::Criteria(_)) if level > l && level < PSEUDO_LEVEL => p,
                _ => Priority::default(),
            };
            let priority = class.priority.or(own_priority).unwrap_or(inherited);
            self.open_section(&name, level, line, mode, priority);
            return;
        }
        if inside {
            if let Some(p) = class.priority {
                // "Other desirable skills": generic words with a priority.
                if class.weak {
                    self.section.priority = p;
                    return;
                }
            }
            match self.section.mode {
                Mode::Sfia => self.group = Some((tidy_group(&name), level)),
                Mode::Criteria(kind) => {
                    let kind = self.sub_kind.unwrap_or(kind);
                    let introduced = self.list_after_candidates_introduction(i);
                    let grouping = self.has_child_heading(i, level)
                        || (kind == CriterionKind::Experience && self.next_is_item(i))
                        || introduced;
                    if grouping {
                        self.group = Some((tidy_group(&name), level));
                        if introduced {
                            self.prose_before_list = true;
                            // "Leadership" is a Civil Service behaviour: the abilities listed
                            // under it are behaviours of a leader, whatever the section.
                            if behaviour_name(&name).is_some() {
                                self.sub_kind = Some(CriterionKind::Behaviour);
                            }
                        }
                    } else {
                        let priority = own_priority.unwrap_or(self.section.priority);
                        // A criterion heading in capitals reads better in title case.
                        let name = tidy_group(&name);
                        if let Some(index) = self.add(kind, &name, priority, Vec::new(), line) {
                            self.current = Some(Current {
                                index,
                                origin: Origin::Heading,
                                fresh: true,
                            });
                            self.criterion_level = Some(level);
                        }
                    }
                }
                _ => {}
            }
            return;
        }
        if class.weak || self.section.mode == Mode::Unknown || level <= self.section.level {
            // "### Equal Opportunities" beside "### Knowledge" and "### Experience" under
            // "## Criteria": a part of the criteria with a name the importer has no word for
            // still lists criteria, as a person specification's do.
            let part = level < PSEUDO_LEVEL && self.parts_of.is_some_and(|(l, _)| level > l);
            let mode = if class.weak || part {
                Mode::Criteria(CriterionKind::Experience)
            } else {
                Mode::Unknown
            };
            // A deeper unrecognised heading inside narrative text stays in it.
            if mode == Mode::Unknown
                && level > self.section.level
                && matches!(self.section.mode, Mode::Narrative | Mode::Details)
            {
                return;
            }
            let priority = class.priority.or(own_priority).unwrap_or_default();
            self.open_section(&name, level, line, mode, priority);
        }
    }

    /// A priority line: the fresh heading criterion's own, else the section's from here on.
    /// Returns false if the line is not a marker.
    fn priority_line(&mut self, text: &str, line: usize) -> bool {
        let Some(p) = priority_marker(text) else {
            return false;
        };
        if let Some(cur) = self.current.filter(|c| c.fresh && c.origin.takes_lines()) {
            if let Some(c) = self.out.criteria.get_mut(cur.index) {
                c.priority = p;
            }
            return true;
        }
        // "Desirable" as a plain line after a competency's "Essential" indicators sorts its
        // indicators, as the same word as a heading does ("Seeing the big picture",
        // "Essential", its list, "Desirable", its list).
        if let Some(cur) = self
            .current
            .filter(|c| !c.fresh && c.origin == Origin::Heading)
        {
            let competency =
                self.out.criteria.get(cur.index).is_some_and(|c| {
                    c.kind == CriterionKind::Behaviour && !c.indicators.is_empty()
                });
            if competency {
                self.indicator_priority = Some(p);
                return true;
            }
        }
        self.current = None;
        self.priority_from_here(p, line);
        true
    }

    /// A priority that applies to what follows in the section; under a heading the importer
    /// does not recognise it starts a requirements section. Returns false in narrative, where
    /// it decides nothing.
    fn priority_from_here(&mut self, p: Priority, line: usize) -> bool {
        match self.section.mode {
            Mode::Criteria(_) | Mode::Sfia => self.section.priority = p,
            Mode::Unknown => {
                // Requirements listed under a heading we do not recognise.
                let title = self.section.title.clone();
                let level = self.section.level;
                self.open_section(
                    &title,
                    level,
                    line,
                    Mode::Criteria(CriterionKind::Experience),
                    p,
                );
                self.section.title_is_marker = true;
            }
            Mode::Narrative | Mode::Details => return false,
        }
        true
    }

    /// Adds a SFIA line if it is one; warns about a code without a usable level. Returns
    /// whether the text was taken.
    fn sfia_line(&mut self, text: &str, line: usize, in_list: bool) -> bool {
        let Some(skill) = sfia::parse(text) else {
            return false;
        };
        let sfia_context =
            self.section.mode == Mode::Sfia || text.to_ascii_lowercase().contains("sfia");
        match skill.level {
            None if sfia_context => {
                self.warn(format!(
                    "line {line}: SFIA skill {} has no level; add it by hand",
                    quote(text)
                ));
                true
            }
            None => false,
            Some(level) if !(1..=7).contains(&level) => {
                self.warn(format!(
                    "line {line}: SFIA skill {} has level {level}, which is not 1–7; add it by hand",
                    quote(text)
                ));
                true
            }
            Some(level) => {
                if skill.range {
                    self.warn(format!(
                        "line {line}: SFIA skill {} gives a range of levels; level {level} was used",
                        quote(text)
                    ));
                }
                let (name, own_priority) = strip_priority(&skill.name);
                let name = if name.is_empty() {
                    skill.code.clone()
                } else {
                    name
                };
                let priority = own_priority.unwrap_or(self.section.priority);
                let mut indicators = Vec::new();
                if let Some(q) = &skill.qualifier {
                    let (_, p) = strip_priority(&format!("x ({q})"));
                    if p.is_none() {
                        indicators.push(format!("Qualifier: {q}"));
                        self.warn(format!(
                            "line {line}: \"{name}\" applies only \"{q}\"; kept as an indicator, check it applies to this post"
                        ));
                    }
                }
                if let Some(index) =
                    self.add(CriterionKind::Sfia, &name, priority, indicators, line)
                {
                    if let Some(c) = self.out.criteria.get_mut(index) {
                        c.code = Some(skill.code);
                        c.level = u8::try_from(level).ok();
                    }
                    self.current = in_list.then_some(Current {
                        index,
                        origin: Origin::Item(usize::MAX),
                        fresh: false,
                    });
                }
                true
            }
        }
    }

    /// Adds a criterion (or merges into one of the same kind and name); returns its index.
    fn add(
        &mut self,
        kind: CriterionKind,
        raw_name: &str,
        priority: Priority,
        mut indicators: Vec<String>,
        line: usize,
    ) -> Option<usize> {
        let (name, qualifier) = strip_qualifier(raw_name);
        let name = without_joint_or_mark(&without_stray_quote(&name));
        if name.is_empty() || is_placeholder(&name) {
            return None;
        }
        // "Job Title: Head of Data" heading a person specification is one of the post's
        // details (read as such), never a criterion, however it came here (a lead-in, a line
        // of a list pasted from a PDF).
        let key = name.split_once(':').map_or(name.as_str(), |(k, _)| k);
        if is_detail_key(key) || names_pay(key) {
            return None;
        }
        if let Some(q) = qualifier {
            indicators.insert(0, format!("Qualifier: {q}"));
            self.warn(format!(
                "line {line}: \"{name}\" applies only \"{q}\"; kept as an indicator, check it applies to this post"
            ));
        }
        let group = self.group.as_ref().map(|(g, _)| g.clone()).or_else(|| {
            (!self.section.title.is_empty() && !self.section.title_is_marker)
                .then(|| self.section.title.clone())
        });
        self.section.found += 1;
        // The same criterion named twice is merged (a list of behaviours, then each
        // described), unless it is a bare item listed again under another heading of criteria
        // ("Two years of professional in basic human resources…" under "What we’re looking
        // for" and again under "Minimum qualifications"): each list asks it, one criterion of
        // each group.
        let listed_again = |c: &Criterion| {
            indicators.is_empty()
                && c.indicators.is_empty()
                && group.is_some()
                && c.group.is_some()
                && c.group != group
        };
        if let Some(index) =
            self.out.criteria.iter().position(|c| {
                c.kind == kind && c.name.eq_ignore_ascii_case(&name) && !listed_again(c)
            })
        {
            if let Some(existing) = self.out.criteria.get_mut(index) {
                for ind in indicators {
                    if !existing.indicators.contains(&ind) {
                        existing.indicators.push(ind);
                    }
                }
            }
            return Some(index);
        }
        self.out.criteria.push(Criterion {
            kind,
            name,
            group,
            priority,
            code: None,
            level: None,
            indicators,
        });
        Some(self.out.criteria.len() - 1)
    }

    fn indicator(&mut self, index: usize, text: &str) {
        if let Some(c) = self.out.criteria.get_mut(index) {
            if !text.trim().is_empty() && !c.indicators.iter().any(|i| i == text) {
                c.indicators.push(text.trim().to_owned());
            }
        }
    }

    /// Whether the block after `i` starts a list: an item, or a priority marker over one.
    fn next_opens_list(&self, i: usize) -> bool {
        self.blocks.get(i + 1).is_some_and(|b| match &b.kind {
            BlockKind::Item { .. } => true,
            BlockKind::Paragraph { text, .. } | BlockKind::Heading { text, .. } => {
                priority_marker(text).is_some()
            }
            BlockKind::Row { .. } => false,
        })
    }

    /// Whether the label at `i` and its list are one of a run: a list ends just before it,
    /// or another label with its own list comes just after its list.
    fn label_list_repeats(&self, i: usize) -> bool {
        let is_item = |b: &Block| matches!(b.kind, BlockKind::Item { .. });
        let is_label = |b: &Block| {
            matches!(&b.kind, BlockKind::Paragraph { lines, .. }
                if lines.len() == 1 && is_label_line(&lines[0]))
        };
        if i > 0 && self.blocks.get(i - 1).is_some_and(is_item) {
            return true;
        }
        let mut after = self.blocks[i + 1..].iter().skip_while(|b| is_item(b));
        after.next().is_some_and(is_label) && after.next().is_some_and(is_item)
    }

    /// Whether the heading at `i` heads prose, then an introduction addressed to candidates,
    /// then a list (an applicant pack's "**Leadership**"): the list is of requirements the
    /// heading names, so the heading is their group rather than a criterion over indicators.
    fn list_after_candidates_introduction(&self, i: usize) -> bool {
        let mut rest = self.blocks.iter().skip(i + 1);
        while let Some(b) = rest.next() {
            match &b.kind {
                BlockKind::Paragraph { text, .. } if introduces_candidates_abilities(text) => {
                    return rest
                        .next()
                        .is_some_and(|n| matches!(n.kind, BlockKind::Item { .. }));
                }
                BlockKind::Paragraph { .. } => {}
                _ => return false,
            }
        }
        false
    }

    /// Whether the line at `i` is followed by a priority line and a list ("Seeing the big
    /// picture", "Essential", its indicators): the line names what the indicators are of,
    /// sorted by priority, even as the first of its run under a cluster's heading.
    fn priority_marker_over_list(&self, i: usize) -> bool {
        let marker = self.blocks.get(i + 1).is_some_and(|b| {
            matches!(&b.kind, BlockKind::Paragraph { text, .. } if priority_marker(text).is_some())
        });
        marker && self.is_item_at(i + 2)
    }

    /// Whether the block at `j` is a list item.
    fn is_item_at(&self, j: usize) -> bool {
        self.blocks
            .get(j)
            .is_some_and(|b| matches!(b.kind, BlockKind::Item { .. }))
    }

    /// Whether the line at `i` is an introduction that names what the list after it holds
    /// ("A great candidate will be able to demonstrate that they can:", "We are looking for
    /// someone who will:"): one line ending in its colon, no sentence before it, whose words
    /// settle a section (the person sought, or the duties), where generic words ("the
    /// following skills:") or behaviours promised in a sentence do not.
    fn introduction_over_list(&self, i: usize, text: &str) -> bool {
        let t = text.trim();
        let Some(lead) = t.strip_suffix(':') else {
            return false;
        };
        let short = (1..=15).contains(&lead.split_whitespace().count());
        let one_sentence = !lead.contains(['.', '?', '!', ';', ':']);
        let settled = matches!(
            classify_title(lead).section,
            Some(Section::Criteria(_) | Section::Narrative)
        );
        short
            && one_sentence
            && settled
            && !announces_behaviours(t)
            && !introduces_competencies(t)
            && self.is_item_at(i + 1)
    }

    /// Whether the section is a plain line's ("What we’re looking for:", "We are looking for
    /// someone who will:") that has had its list (criteria found, or the duties), so that
    /// another plain line over a list starts a section beside it rather than introducing
    /// more of the same.
    fn beside_a_label(&self) -> bool {
        let listed = match self.section.mode {
            Mode::Narrative => true,
            mode => {
                mode.holds_criteria()
                    && self.section.found > 0
                    && self.group.is_none()
                    && self.sub_kind.is_none()
            }
        };
        self.section.from_label && listed
    }

    fn next_is_intro(&self, i: usize) -> bool {
        self.blocks
            .get(i + 1)
            .is_some_and(|b| matches!(&b.kind, BlockKind::Paragraph { text, .. } if is_intro(text)))
    }

    /// A paragraph block: a plain line standing in for a heading (its first line, or its
    /// last when text pasted from a PDF ran it into the paragraph before), behaviours named in
    /// a sentence, or running text.
    fn paragraph_block(
        &mut self,
        i: usize,
        _text: &str,
        lines: &[String],
        links: &[String],
        line: usize,
    ) {
        // "An excellent candidate will be able to:", "We are looking for someone who will:":
        // a sentence of its own over a list, naming what the list holds, stands in for a
        // heading as a short label does.
        if let [only] = lines {
            let open = self.section.mode == Mode::Unknown || self.beside_a_label();
            if open && self.introduction_over_list(i, only) && self.label(i, only, line, false) {
                return;
            }
        }
        if let Some(first) = lines.first().filter(|l| is_label_line(l)) {
            let rest = &lines[1..];
            let names_section = classify_title(first.trim_end_matches(':'))
                .section
                .is_some();
            let alone = rest.is_empty() || first.trim_end().ends_with(':') || names_section;
            let rest_intro = rest.first().is_some_and(|l| is_intro(l));
            if alone && self.label(i, first, line, rest_intro) {
                if !rest.is_empty() {
                    self.paragraph_lines(rest, links, line);
                }
                return;
            }
        }
        if let Some((last, before)) = lines.split_last().filter(|(l, b)| {
            !b.is_empty()
                && is_label_line(l)
                && classify_title(l.trim_end_matches(':')).section.is_some()
        }) {
            self.paragraph_lines(before, links, line);
            self.label(i, last, line, false);
            return;
        }
        self.paragraph_lines(lines, links, line);
    }

    fn paragraph_lines(&mut self, lines: &[String], links: &[String], line: usize) {
        if self.behaviours_in_sentence(lines, line) {
            return;
        }
        self.paragraph(&lines.join(" "), lines, links, line);
    }

    /// "We'll assess you against these behaviours: Seeing the Big Picture, Delivering at
    /// Pace…": the sentence promises a list, and every name in it (after the colon, on the
    /// lines that follow, or in the list after it) that is a Civil Service behaviour becomes
    /// one. Returns whether the paragraph was taken.
    fn behaviours_in_sentence(&mut self, lines: &[String], line: usize) -> bool {
        let announces = lines.iter().any(|l| announces_behaviours(l));
        if !announces && !self.behaviour_list {
            return false;
        }
        let mut found = false;
        for l in lines {
            let tail = match l.rfind(':') {
                Some(at) => &l[at + 1..],
                None if announces_behaviours(l) => "",
                None => l.as_str(),
            };
            for piece in tail.split([',', ';']) {
                if let Some(name) = behaviour_name(piece) {
                    self.add_behaviour(&name, line);
                    found = true;
                }
            }
        }
        self.behaviour_list = announces || found;
        announces || found
    }

    /// Adds a behaviour read from a sentence or the list after it. In a behaviours section it
    /// takes that section's group; anywhere else ("How to apply") it has none.
    fn add_behaviour(&mut self, name: &str, line: usize) {
        let in_section = match self.section.mode {
            Mode::Criteria(kind) => self.sub_kind.unwrap_or(kind) == CriterionKind::Behaviour,
            _ => false,
        };
        let before = self.out.criteria.len();
        let priority = if in_section {
            self.section.priority
        } else {
            Priority::Essential
        };
        if let Some(index) = self.add(CriterionKind::Behaviour, name, priority, Vec::new(), line) {
            if index >= before && !in_section {
                if let Some(c) = self.out.criteria.get_mut(index) {
                    c.group = None;
                }
            }
        }
        self.current = None;
    }

    /// A plain line standing in for a heading ("Person Specification", "Selection Criteria:",
    /// "SEEING THE BIG PICTURE", "Specialist skills and expertise:"). Returns whether it was
    /// taken as one.
    fn label(&mut self, i: usize, text: &str, line: usize, rest_intro: bool) -> bool {
        let name = text.trim().trim_end_matches(':').trim();
        let class = classify_title(name);
        let colon = text.trim_end().ends_with(':');
        let lists = self.next_opens_list(i);
        // "Selection Criteria:": generic words name a requirements section.
        let section = class.section.or(class
            .weak
            .then_some(Section::Criteria(CriterionKind::Experience)));
        if self.section.mode == Mode::Sfia {
            // A SFIA section's plain lines are its categories, read there.
            return false;
        }
        match section {
            Some(Section::Criteria(kind))
                if class.section.is_some() && self.section.mode.holds_criteria() =>
            {
                if self.section.mode == Mode::Criteria(kind) && self.sub_kind.is_none() {
                    // "What we’re looking for:", its list, then "An excellent candidate will be
                    // able to:" and its own: plain lines one after another, each over its list,
                    // are sections side by side; under a real heading the line is only the
                    // introduction of its list.
                    if !self.beside_a_label() {
                        return false;
                    }
                    let priority = class.priority.unwrap_or_default();
                    self.open_section(name, PSEUDO_LEVEL, line, Mode::Criteria(kind), priority);
                    self.section.from_label = true;
                    return true;
                }
                // Another kind inside a criteria section: what follows is of that kind, until
                // the next heading.
                self.sub_kind = Some(kind);
                self.group = Some((tidy_group(name), PSEUDO_LEVEL));
                self.current = None;
                self.indicator_priority = None;
                self.section.priority = class.priority.unwrap_or_default();
                true
            }
            Some(section) => {
                let criteria = matches!(section, Section::Criteria(_) | Section::Sfia);
                // A criteria label must lead to something: a colon, a list or an
                // introduction. Narrative labels ("How to Apply") end whatever came before.
                if criteria && !(colon || lists || rest_intro || self.next_is_intro(i)) {
                    return false;
                }
                let mode = match section {
                    Section::Criteria(kind) => Mode::Criteria(kind),
                    Section::Sfia => Mode::Sfia,
                    Section::Narrative => Mode::Narrative,
                    Section::Details => Mode::Details,
                };
                let priority = class.priority.unwrap_or_default();
                self.open_section(name, PSEUDO_LEVEL, line, mode, priority);
                self.section.from_label = true;
                true
            }
            None => {
                if is_competency_cluster(name) || split_cluster(name).is_some() {
                    self.heading(i, PSEUDO_LEVEL, name, line);
                    return true;
                }
                let behaviours = matches!(
                    (self.sub_kind, self.section.mode),
                    (None, Mode::Criteria(CriterionKind::Behaviour))
                );
                // A competency named on a line of its own, its indicators listed under it:
                // marked by a colon or capitals, or plain but one of several written the same
                // way ("Leading and team working", its list, "Analysing evidence…", its list).
                let named = colon
                    || shouted(name)
                    || self.label_list_repeats(i)
                    || self.priority_marker_over_list(i);
                if behaviours && named && lists {
                    self.heading(i, PSEUDO_LEVEL, name, line);
                    return true;
                }
                false
            }
        }
    }

    fn paragraph(&mut self, text: &str, lines: &[String], links: &[String], line: usize) {
        if self.prose_before_list {
            self.prose_before_list = !introduces_candidates_abilities(text);
            return;
        }
        if self.open_competencies(text, line) {
            return;
        }
        // "For each job on your resume, provide:": what to write in the application, and
        // the list after it, are no criteria.
        if about_the_application(text) {
            self.duties_list = true;
            self.current = None;
            return;
        }
        if self.priority_line(text, line) {
            return;
        }
        self.kind_from_introduction(text);
        if let Some(cur) = self.current.as_mut() {
            cur.fresh = false;
        }
        if let Some(p) = prose_priority(text) {
            if self.priority_from_here(p, line) {
                self.current = None;
                return;
            }
        }
        if let Mode::Criteria(kind) = self.section.mode {
            if lines.len() > 1 && self.current.is_none() && self.lines_as_list(kind, lines, line) {
                return;
            }
        }
        match self.section.mode {
            Mode::Narrative | Mode::Details => {}
            Mode::Unknown => {
                if self.preferences_in_prose(text, line) {
                    return;
                }
                if looks_like_requirement(text) && !is_intro(text) {
                    let where_ = self.section_name();
                    self.warn(format!(
                        "line {line}: {} in {where_} reads like a requirement but is not under a criteria heading; add it by hand if it is assessed",
                        quote(text)
                    ));
                }
            }
            Mode::Sfia => {
                if self.sfia_line(text, line, false) {
                    return;
                }
                let words = text.split_whitespace().count();
                if refers_elsewhere(text) || !links.is_empty() {
                    self.section.refers.push(text.to_owned());
                    self.section.links.extend(links.iter().cloned());
                } else if words <= 8 && !text.ends_with('.') {
                    // "Development and Implementation:": a SFIA category.
                    self.group = Some((tidy_group(text), PSEUDO_LEVEL));
                    self.current = None;
                } else if !is_intro(text) {
                    self.warn(format!(
                        "line {line}: {} in the SFIA section is not a skill with a code and level",
                        quote(text)
                    ));
                }
            }
            Mode::Criteria(kind) => {
                if self.sfia_line(text, line, false) || is_footnote(text) {
                    return;
                }
                // Behaviours written as paragraphs one after another, each led by its name
                // ("***Improving Performance*** - You will…"): each is a behaviour of its own.
                let named_paragraph =
                    matches!(kind, CriterionKind::Behaviour | CriterionKind::Strength)
                        && split_name_description(text).is_some();
                if let Some(cur) = self
                    .current
                    .filter(|c| c.origin.takes_lines())
                    .filter(|c| !(c.origin == Origin::Lead && named_paragraph))
                {
                    self.indicator(cur.index, text);
                    return;
                }
                // "…experience in creating and implementing an agile culture utilizing agile
                // methodologies and frameworks…": a stated minimum qualification names its
                // field, and points to no framework elsewhere.
                if (refers_elsewhere(text) && !states_a_requirement(text)) || !links.is_empty() {
                    self.section.refers.push(text.to_owned());
                    self.section.links.extend(links.iter().cloned());
                    return;
                }
                // "…a minimum of three (5) years of relevant experience in one or more of the
                // following areas: business process modelling/mapping, …": a stated minimum
                // that names its areas after its colon introduces no list.
                let stated = states_a_requirement(text) && !text.trim_end().ends_with(':');
                if is_intro(text) && !stated {
                    return;
                }
                if matches!(kind, CriterionKind::Behaviour | CriterionKind::Strength) {
                    if let Some((name, description)) = split_name_description(text) {
                        let priority = self.section.priority;
                        if let Some(index) =
                            self.add(kind, &name, priority, vec![description], line)
                        {
                            self.current = Some(Current {
                                index,
                                origin: Origin::Lead,
                                fresh: false,
                            });
                        }
                        return;
                    }
                }
                // Prose in a criteria section: a short requirement is a criterion, a long one
                // is reported, anything else is explanation and is left out. A note about the
                // criteria ("desirable criteria will only be used in a tie") or several
                // sentences of explanation are never one.
                // "Shortlisting Criteria: Essential criteria assessed via application form…" is
                // such a note even when written as a lead-in.
                let about_criteria = {
                    let t = text.to_lowercase();
                    t.contains("criteria") || t.contains("criterion")
                };
                // "This Classification must have a minimum of five (5) years of experience…. At
                // least three (3) years of that experience must have been…": a requirement
                // stated in sentences, those that qualify it kept in its name.
                if let Some(requirements) = stated_requirements(text).filter(|_| !about_criteria) {
                    let kind = self.sub_kind.unwrap_or(kind);
                    let priority = self.section.priority;
                    self.section.content += 1;
                    for r in requirements {
                        self.add(kind, &r, priority, Vec::new(), line);
                    }
                    return;
                }
                if let Some((name, description)) = split_lead_in(text).filter(|_| !about_criteria) {
                    let kind = self.sub_kind.unwrap_or(kind);
                    let priority = self.section.priority;
                    self.add(kind, &name, priority, vec![description], line);
                    return;
                }
                if about_criteria || !sentence::is_one(text) {
                    return;
                }
                let kind = self.sub_kind.unwrap_or(kind);
                if looks_like_requirement(text) {
                    self.section.content += 1;
                    if text.split_whitespace().count() <= 60 {
                        let (name, own) = strip_priority(text);
                        let priority = own.unwrap_or(self.section.priority);
                        self.add(kind, &name, priority, Vec::new(), line);
                    } else {
                        let where_ = self.section_name();
                        self.warn(format!(
                            "line {line}: {} in {where_} reads like requirements but is too long to be one criterion; add it by hand",
                            quote(text)
                        ));
                    }
                }
            }
        }
    }

    /// "Experience with conflict resolution techniques, knowledge of diverse research
    /// practices and low-code platform programming skills are also preferred.": a sentence of
    /// prose outside any criteria heading (a classification's description) that names what is
    /// preferred of the applicant gives desirable criteria, of experience (no heading says
    /// they are skills or behaviours) and under no group (no heading names them). The rest of
    /// the paragraph is description. Returns whether any was taken.
    fn preferences_in_prose(&mut self, text: &str, line: usize) -> bool {
        let mut taken = false;
        for sentence in sentences(text) {
            for name in preferences(sentence).unwrap_or_default() {
                let before = self.out.criteria.len();
                let index = self.add(
                    CriterionKind::Experience,
                    &name,
                    Priority::Desirable,
                    Vec::new(),
                    line,
                );
                if let Some(c) = index.filter(|i| *i >= before) {
                    if let Some(c) = self.out.criteria.get_mut(c) {
                        c.group = None;
                    }
                }
                taken = true;
            }
        }
        if taken {
            self.current = None;
        }
        taken
    }

    /// A paragraph of several lines in a criteria section, as text pasted from a PDF gives
    /// a list: each line that reads as a requirement is a criterion, and a line starting in
    /// lower case continues the one before. Returns whether any line was taken.
    fn lines_as_list(&mut self, kind: CriterionKind, lines: &[String], line: usize) -> bool {
        // Competencies written as plain lines, "Research Methods: The knowledge…", one under
        // another: each line is one.
        if self.competencies && lines.iter().all(|l| split_name_description(l).is_some()) {
            for l in lines {
                self.add_competency(l, line);
            }
            self.section.content += 1;
            return true;
        }
        let mut merged: Vec<String> = Vec::new();
        for l in lines {
            let continues = l.chars().next().is_some_and(char::is_lowercase);
            match merged.last_mut() {
                Some(last) if continues => {
                    last.push(' ');
                    last.push_str(l);
                }
                _ => merged.push(l.clone()),
            }
        }
        let short = |l: &&String| l.split_whitespace().count() <= 40;
        if merged
            .iter()
            .filter(short)
            .filter(|l| looks_like_requirement(l))
            .count()
            < 2
        {
            return false;
        }
        // Enough lines read as requirements for this to be a list: every line of it is one,
        // except an introduction or a pointer elsewhere.
        let requirements: Vec<&String> = merged
            .iter()
            .filter(short)
            .filter(|l| !is_intro(l) && !refers_elsewhere(l))
            .collect();
        let kind = self.sub_kind.unwrap_or(kind);
        for r in requirements {
            let (name, own) = strip_priority(r);
            let priority = own.unwrap_or(self.section.priority);
            self.add(kind, &name, priority, Vec::new(), line);
        }
        self.section.content += 1;
        true
    }

    fn item(&mut self, depth: usize, text: &str, line: usize) {
        if self.priority_line(text, line) {
            self.duties_list = false;
            return;
        }
        if self.duties_list {
            return;
        }
        if let Some(cur) = self.current.as_mut() {
            cur.fresh = false;
        }
        if self.behaviour_list && self.section.mode != Mode::Criteria(CriterionKind::Behaviour) {
            if let Some(name) = behaviour_name(text) {
                self.add_behaviour(&name, line);
                return;
            }
            self.behaviour_list = is_placeholder(text);
            if self.behaviour_list {
                return;
            }
        }
        match self.section.mode {
            // "We are looking for someone who will:" over the duties and, among them, "Bring
            // significant experience in line management…": what the applicant must bring is
            // a criterion of that list, whatever the rest of it is.
            Mode::Narrative if asks_of_the_applicant(text) => {
                let (name, own) = strip_priority(text);
                let priority = own.unwrap_or(Priority::Essential);
                self.add(CriterionKind::Experience, &name, priority, Vec::new(), line);
                self.current = None;
            }
            Mode::Narrative | Mode::Details => {}
            Mode::Unknown => {
                if looks_like_requirement(text) {
                    let where_ = self.section_name();
                    self.warn(format!(
                        "line {line}: bullet {} in {where_} reads like a requirement, but that section is not recognised as criteria; add it by hand if it is assessed",
                        quote(text)
                    ));
                }
            }
            Mode::Sfia => {
                self.section.content += 1;
                if self.sfia_line(text, line, true) {
                    return;
                }
                // A subcategory ("Systems Development") is a label, not a skill; a longer
                // line may be a skill without a code.
                if text.split_whitespace().count() > 6 {
                    self.warn(format!(
                        "line {line}: {} in the SFIA section has no SFIA code and level; add it by hand if it is assessed",
                        quote(text)
                    ));
                }
            }
            Mode::Criteria(kind) => {
                let kind = self.sub_kind.unwrap_or(kind);
                self.section.content += 1;
                if self.sfia_line(text, line, true) {
                    return;
                }
                match self.current {
                    Some(cur) if cur.origin.takes_lines() => {
                        let text = match self.indicator_priority {
                            Some(Priority::Desirable) => format!("Desirable: {text}"),
                            _ => text.to_owned(),
                        };
                        self.indicator(cur.index, &text);
                        return;
                    }
                    Some(Current {
                        index,
                        origin: Origin::Item(d),
                        ..
                    }) if depth > d && d != usize::MAX && !self.stray_sub_item(index) => {
                        self.indicator(index, text);
                        return;
                    }
                    _ => {}
                }
                if self.competencies {
                    if let Some(index) = self.add_competency(text, line) {
                        self.current = Some(Current {
                            index,
                            origin: Origin::Item(depth),
                            fresh: false,
                        });
                        return;
                    }
                }
                if describes_the_role(text) || is_work_authorisation(text) {
                    return;
                }
                let (text, own) = strip_priority(text);
                // "Experience of web development using the following stack:" over the stack's
                // items: the colon introduces them and is no part of the criterion's name.
                let text = text.trim_end().trim_end_matches(':').trim_end().to_owned();
                let priority = own.unwrap_or(self.section.priority);
                let named = match kind {
                    CriterionKind::Behaviour | CriterionKind::Strength => {
                        split_name_description(&text).or_else(|| split_lead_in(&text))
                    }
                    _ => {
                        let lead_in = self.group.as_ref().map_or(&self.section.title, |(g, _)| g);
                        split_lead_in(&text).or_else(|| split_lead_sentence_under(&text, lead_in))
                    }
                };
                let (name, indicators) = match named {
                    Some((n, d)) => (n, vec![d]),
                    None => (text.clone(), Vec::new()),
                };
                if let Some(index) = self.add(kind, &name, priority, indicators, line) {
                    self.current = Some(Current {
                        index,
                        origin: Origin::Item(depth),
                        fresh: false,
                    });
                }
            }
        }
    }

    /// "Leveraging global web design standards" indented under "Communicating research
    /// findings… both verbally and visually": an item indented under an experience that is a
    /// whole item (no name split from a description) and introduces nothing (no colon) is a
    /// criterion of its own, indented by mistake, not that experience's indicator.
    fn stray_sub_item(&self, index: usize) -> bool {
        !self.item_introduces
            && self
                .out
                .criteria
                .get(index)
                .is_some_and(|c| c.kind == CriterionKind::Experience && c.indicators.is_empty())
    }

    fn row(&mut self, cells: &[Cell], line: usize) {
        if let Some(cur) = self.current.as_mut() {
            cur.fresh = false;
        }
        let text = cells
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        match self.section.mode {
            Mode::Narrative | Mode::Details => {}
            Mode::Unknown => {
                if looks_like_requirement(&text) {
                    let where_ = self.section_name();
                    self.warn(format!(
                        "line {line}: table row {} in {where_} reads like a requirement; add it by hand if it is assessed",
                        quote(&text)
                    ));
                }
            }
            Mode::Sfia => {
                let mut any = false;
                for c in cells {
                    for t in std::iter::once(&c.text).chain(c.items.iter()) {
                        any |= self.sfia_line(t, line, false);
                    }
                }
                if !any && !text.is_empty() {
                    self.warn(format!(
                        "line {line}: table row {} in the SFIA section has no SFIA code and level",
                        quote(&text)
                    ));
                }
            }
            Mode::Criteria(kind) => {
                self.section.content += 1;
                self.criteria_row(kind, cells, line)
            }
        }
    }

    /// A table row in a criteria section: the first filled cell names the criterion; a cell
    /// saying Essential/Desirable (or E/D) gives its priority; a cell of list items or longer
    /// text gives indicators; short cells ("Application", "Interview") are how it is
    /// assessed and are skipped. A row whose first cell is only a priority and whose other
    /// cell lists items gives one criterion per item.
    fn criteria_row(&mut self, kind: CriterionKind, cells: &[Cell], line: usize) {
        let filled: Vec<&Cell> = cells
            .iter()
            .filter(|c| !c.text.is_empty() || !c.items.is_empty())
            .collect();
        let Some(first) = filled.first() else {
            return;
        };
        if column_labels(&filled) {
            return;
        }
        let cell_priority = |c: &Cell| {
            priority_marker(&c.text).or(match c.text.trim() {
                "E" => Some(Priority::Essential),
                "D" => Some(Priority::Desirable),
                _ => None,
            })
        };
        if let Some(p) = cell_priority(first) {
            for c in &filled[1..] {
                let names: Vec<&String> = if c.items.is_empty() {
                    vec![&c.text]
                } else {
                    c.items.iter().collect()
                };
                for n in names {
                    if !self.sfia_line(n, line, false) {
                        self.add(kind, n, p, Vec::new(), line);
                    }
                }
            }
            return;
        }
        if self.sfia_line(&first.text, line, false) {
            return;
        }
        let mut priority = None;
        let mut indicators = Vec::new();
        for c in &filled[1..] {
            if let Some(p) = cell_priority(c) {
                priority = Some(p);
                continue;
            }
            indicators.extend(c.items.iter().cloned());
            if c.text.split_whitespace().count() > 3 {
                indicators.push(c.text.clone());
            }
        }
        let name = if first.text.is_empty() {
            match first.items.first() {
                Some(n) => n.clone(),
                None => return,
            }
        } else {
            first.text.clone()
        };
        let (name, own) = strip_priority(&name);
        let priority = own.or(priority).unwrap_or(self.section.priority);
        self.add(kind, &name, priority, indicators, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::jd::{normalise::normalise, outline::outline};

    fn run(src: &str) -> Extracted {
        extract(&outline(&normalise(src)))
    }

    fn brief(x: &Extracted) -> Vec<(CriterionKind, String, Priority)> {
        x.criteria
            .iter()
            .map(|c| (c.kind, c.name.clone(), c.priority))
            .collect()
    }

    use CriterionKind::*;
    use Priority::*;

    #[test]
    fn a_priority_line_after_a_criterion_heading_is_its_own() {
        let x = run("## Behaviours\n### A thing\nDesirable\n* ind\n### Another thing\n* ind\n");
        assert_eq!(
            brief(&x),
            vec![
                (Behaviour, "A thing".into(), Desirable),
                (Behaviour, "Another thing".into(), Essential)
            ],
            "the marker does not leak into the next criterion"
        );
    }

    #[test]
    fn a_priority_line_between_items_applies_from_there_on() {
        let x = run("## Essential criteria\n* one\n\n**Desirable criteria:**\n\n* two\n* three (essential)\n");
        assert_eq!(
            brief(&x),
            vec![
                (Experience, "one".into(), Essential),
                (Experience, "two".into(), Desirable),
                (Experience, "three".into(), Essential),
            ]
        );
        assert_eq!(x.criteria[0].group, None, "a marker heading is not a group");
    }

    #[test]
    fn name_and_description_items_and_nested_indicators() {
        let x = run(
            "## Behaviours\n* Working Together – helps others\n* Leadership\n  * sets direction\n",
        );
        assert_eq!(x.criteria[0].name, "Working Together");
        assert_eq!(x.criteria[0].indicators, vec!["helps others"]);
        assert_eq!(x.criteria[1].name, "Leadership");
        assert_eq!(x.criteria[1].indicators, vec!["sets direction"]);
    }

    #[test]
    fn competencies_and_experience_under_one_heading() {
        // sg-content-designer.md: the competencies, then the experience by priority under it.
        let x = run("## Competencies and Experience Required\n\n* Leading Others – Communicates a clear vision.\n\n### Essential Criteria\n* Experience writing for the web;\n\n### Desirable\n* Knowledge of agile.\n");
        assert_eq!(
            brief(&x),
            vec![
                (Behaviour, "Leading Others".into(), Essential),
                (
                    Experience,
                    "Experience writing for the web;".into(),
                    Essential
                ),
                (Experience, "Knowledge of agile.".into(), Desirable),
            ]
        );
        let group = Some("Competencies and Experience Required".to_owned());
        assert!(x.criteria.iter().all(|c| c.group == group), "{x:#?}");
        // sg-front-end-developer.md: the priority headings beside it, at its level.
        let x = run("### Competencies and Experience Required\n\n***Communications and Engagement*** - You will manage relationships.\n\n***Improving Performance*** - You will use relevant tools.\n\n### Essential Criteria\n\n* Experience of web development using the following stack:\n  - HTML5\n\n### Desirable Criteria\n* Awareness of open source.\n");
        assert_eq!(
            brief(&x),
            vec![
                (Behaviour, "Communications and Engagement".into(), Essential),
                (Behaviour, "Improving Performance".into(), Essential),
                (
                    Experience,
                    "Experience of web development using the following stack".into(),
                    Essential
                ),
                (Experience, "Awareness of open source.".into(), Desirable),
            ]
        );
        assert_eq!(x.criteria[2].indicators, vec!["HTML5"]);
        assert_eq!(x.criteria[2].group, None, "a marker heading is not a group");
        // A behaviours heading that names no experience keeps its kind beside it.
        let x = run("### Behaviours\n* Leadership\n### Desirable\n* Delivering at Pace\n");
        assert_eq!(x.criteria[1].kind, Behaviour);
    }

    #[test]
    fn a_criterion_named_twice_is_merged() {
        let x = run(
            "## Behaviours\n* Working Together\n\n**Working Together**\n\n* shares knowledge\n",
        );
        assert_eq!(x.criteria.len(), 1);
        assert_eq!(x.criteria[0].indicators, vec!["shares knowledge"]);
    }

    #[test]
    fn a_bare_item_listed_under_two_headings_is_two_criteria() {
        // austin-human-resources-coordinator.md
        let x = run("## What we’re looking for\n-   Two years of professional in basic human resources and/or training principles\n-   Excellent verbal, written, presentation, and interpersonal communications skills\n\n## Minimum qualifications\n-   Two years of professional in basic human resources and/or training principles\n-   Must be eligible to work in the United States and be able to provide a social security for city onboarding\n");
        let groups: Vec<_> = x
            .criteria
            .iter()
            .map(|c| (c.name.as_str(), c.group.as_deref()))
            .collect();
        let name = "Two years of professional in basic human resources and/or training principles";
        assert_eq!(
            groups,
            vec![
                (name, Some("What we’re looking for")),
                (
                    "Excellent verbal, written, presentation, and interpersonal communications skills",
                    Some("What we’re looking for")
                ),
                (name, Some("Minimum qualifications")),
            ]
        );
    }

    #[test]
    fn sfia_anywhere_and_sfia_problems_are_reported() {
        let x = run("## Technical skills\n* Systems design (DESN) level 4\n## SFIA\n* Testing (TEST)\n* Data Management (DATM) – Level 9\n* Solution Architecture (ARCH) – Levels 5-6\n");
        assert_eq!(
            x.criteria
                .iter()
                .map(|c| (c.kind, c.code.clone(), c.level))
                .collect::<Vec<_>>(),
            vec![
                (Sfia, Some("DESN".into()), Some(4)),
                (Sfia, Some("ARCH".into()), Some(5))
            ]
        );
        assert!(x.warnings[0].starts_with("line 4: SFIA skill \"Testing (TEST)\" has no level"));
        assert!(x.warnings[1].contains("level 9, which is not 1–7"));
        assert!(x.warnings[2].contains("range of levels; level 5 was used"));
    }

    #[test]
    fn a_section_that_only_points_elsewhere_is_reported() {
        let x = run("## Competencies\nPlease refer to the [framework](https://example.org/f).\n");
        assert!(x.criteria.is_empty());
        assert_eq!(
            x.warnings,
            vec!["line 1: section \"Competencies\" refers to an external framework instead of listing criteria (\"Please refer to the framework.\"); links: https://example.org/f; add those criteria by hand".to_owned()]
        );
    }

    #[test]
    fn narrative_is_silent_and_unknown_sections_report_requirements() {
        let x = run("## Responsibilities\n* Experience of nothing in particular\n## Miscellany\n* Experience of Go\n* Lunch is free\n");
        assert!(x.criteria.is_empty());
        assert_eq!(x.warnings.len(), 1, "{:?}", x.warnings);
        assert!(
            x.warnings[0]
                .starts_with("line 4: bullet \"Experience of Go\" in section \"Miscellany\""),
            "{:?}",
            x.warnings
        );
    }

    #[test]
    fn table_rows_with_a_priority_column() {
        let x = run("## Person specification\n| Criteria | E/D | Assessed |\n| --- | --- | --- |\n| Experience of X | E | Interview |\n| Knowledge of Y | D | Application |\n");
        assert_eq!(
            brief(&x),
            vec![
                (Experience, "Experience of X".into(), Essential),
                (Experience, "Knowledge of Y".into(), Desirable)
            ]
        );
        assert!(x.criteria.iter().all(|c| c.indicators.is_empty()));
    }

    #[test]
    fn a_header_row_written_as_an_ordinary_row_gives_no_criterion() {
        // dfe.md's person specification as a Word table whose header row is drawn by the
        // table's style, so it arrives as an ordinary row (as does an HTML table without <th>).
        let html = "<h2>Person specification</h2>\n<table>\n<tr><td>Criteria</td><td>Essential or desirable</td><td>Assessed at</td></tr>\n<tr><td>Experience of leading complex statistical analysis</td><td>Essential</td><td>Application and interview</td></tr>\n<tr><td>Experience of education data sets such as the school census</td><td>Desirable</td><td>Application</td></tr>\n</table>\n";
        assert_eq!(
            brief(&run(html)),
            vec![
                (
                    Experience,
                    "Experience of leading complex statistical analysis".into(),
                    Essential
                ),
                (
                    Experience,
                    "Experience of education data sets such as the school census".into(),
                    Desirable
                ),
            ]
        );
        // Labels without a priority column: the first names the rows.
        let x = run("<h2>Person specification</h2>\n<table>\n<tr><td>Requirements</td><td>How assessed</td></tr>\n<tr><td>Knowledge of Y</td><td>Interview</td></tr>\n</table>\n");
        assert_eq!(
            brief(&x),
            vec![(Experience, "Knowledge of Y".into(), Essential)]
        );
        // A criterion's own row with one priority and short cells stays a criterion.
        let x = run("<h2>Person specification</h2>\n<table>\n<tr><td>Technical knowledge</td><td>Essential</td><td>Interview</td></tr>\n<tr><td>Team leadership</td><td>E</td><td>Application</td></tr>\n</table>\n");
        assert_eq!(x.criteria.len(), 2, "{:?}", x.criteria);
    }

    fn full(x: &Extracted) -> Vec<(CriterionKind, String, Option<String>, Priority)> {
        x.criteria
            .iter()
            .map(|c| (c.kind, c.name.clone(), c.group.clone(), c.priority))
            .collect()
    }

    #[test]
    fn behaviours_named_in_a_sentence_outside_any_behaviours_section() {
        // moj-devops-engineer.md, under "How to Apply".
        let x = run("## How to Apply\n\nWe will assess your Experience, Technical Skills and the following Behaviours during the assessment process:\n\n- Delivering at Pace\n- Developing Self and Others\n- [Essential Civil Service Behaviours]\n\nYour application will be reviewed.\n\n- Working Together\n");
        assert_eq!(
            full(&x),
            vec![
                (Behaviour, "Delivering at Pace".into(), None, Essential),
                (
                    Behaviour,
                    "Developing Self and Others".into(),
                    None,
                    Essential
                ),
            ],
            "the placeholder and a list after other text are not behaviours"
        );
        // The issue's own example, all in one sentence.
        let x = run("We'll assess you against these behaviours: Seeing the Big Picture, Delivering at Pace…\n");
        assert_eq!(x.criteria.len(), 2, "{:?}", x.criteria);
    }

    #[test]
    fn plain_lines_standing_in_for_headings() {
        // moj-quality-engineer.txt: no Markdown at all.
        let x = run("Key Responsibilities:\n\n-   Work with others to satisfactorily resolve issues\n\nPerson Specification\n\nEssential\n\n-   Experience in test planning, design and execution.\n\nHow to Apply\n\n-   [Essential Civil Service Behaviours]\n");
        assert_eq!(
            full(&x),
            vec![(
                Experience,
                "Experience in test planning, design and execution.".into(),
                Some("Person Specification".into()),
                Essential
            )]
        );
    }

    #[test]
    fn competencies_named_in_capitals_with_their_indicators() {
        // gds-user-researcher.md
        let x = run("## Personal Specification - Competencies / Skills\n\nSEEING THE BIG PICTURE\n\n**Essential**\n\n* Building on the inter-dependencies\n\n**Desirable**\n\n* Familiarity with the public sector\n\nSPECIALIST SKILLS\n\n**Essential**\n\n* Proven experience of gathering user requirements\n");
        let group = Some("Personal Specification - Competencies / Skills".to_owned());
        assert_eq!(
            full(&x),
            vec![
                (Behaviour, "Seeing the Big Picture".into(), group, Essential),
                (
                    Technical,
                    "Proven experience of gathering user requirements".into(),
                    Some("Specialist Skills".into()),
                    Essential
                ),
            ]
        );
        assert_eq!(
            x.criteria[0].indicators,
            vec![
                "Building on the inter-dependencies",
                "Desirable: Familiarity with the public sector"
            ]
        );
    }

    #[test]
    fn competency_clusters_group_their_competencies_wherever_they_come() {
        // gds-developer.docx: bold lines at one level, the clusters after the skills.
        let x = run("**Specialist Skills**\n\n**Essential**\n\n* Experience of git\n\n**SETTING DIRECTION**\n\n**Changing and Improving**\n\n**Essential**\n\n* Spot warning signs\n\nEngaging People – Leading and Communicating\n\nDesirable\n\n* Be visible to staff\n");
        assert_eq!(
            full(&x),
            vec![
                (
                    Technical,
                    "Experience of git".into(),
                    Some("Specialist Skills".into()),
                    Essential
                ),
                (
                    Behaviour,
                    "Changing and Improving".into(),
                    Some("Setting Direction".into()),
                    Essential
                ),
                (
                    Behaviour,
                    "Leading and Communicating".into(),
                    Some("Engaging People".into()),
                    Desirable
                ),
            ]
        );
        assert_eq!(x.criteria[1].indicators, vec!["Spot warning signs"]);
    }

    #[test]
    fn an_introduction_names_the_kind_a_priority_heading_left_open() {
        // dfe-ddt-data-engineer.md
        let x = run("## Essential skills\n\nThe skills and expertise we will assess you against are:\n\n- **Agile working**. Experience of agile delivery.\n\n## Desirable skills\n\n- **Data Structures**. Experience with data models.\n");
        assert_eq!(
            brief(&x),
            vec![
                (Technical, "Agile working".into(), Essential),
                (Technical, "Data Structures".into(), Desirable),
            ]
        );
        // Generic words in the heading leave it open too (dfe-ddt-junior-user-researcher.md).
        let generic = run("## Selection criteria\n\nEssential skills and expertise we will assess you against are:\n\n- **Agile working**. Awareness of agile delivery methods.\n");
        assert_eq!(
            brief(&generic),
            vec![(Technical, "Agile working".into(), Essential)]
        );
        // Without such an introduction the kind stays experience.
        let plain = run("## Essential skills\n\n- Experience of agile delivery\n");
        assert_eq!(
            brief(&plain),
            vec![(Experience, "Experience of agile delivery".into(), Essential)]
        );
    }

    #[test]
    fn plain_competency_names_each_over_their_list() {
        // gds-content-designers.odt: names as plain lines, not bold, not in capitals.
        let x = run("## Competencies required\n\nLeading and team working\n\n* Building on relationships\n\nAnalysing evidence and thinking strategically\n\n* Probing evidence\n");
        assert_eq!(
            brief(&x),
            vec![
                (Behaviour, "Leading and team working".into(), Essential),
                (
                    Behaviour,
                    "Analysing evidence and thinking strategically".into(),
                    Essential
                ),
            ]
        );
        // One plain line over one list is an introduction, not a competency.
        let one = run("## Behaviours\n\nWe look for\n\n* Delivering at Pace\n");
        assert_eq!(
            brief(&one),
            vec![(Behaviour, "Delivering at Pace".into(), Essential)]
        );
    }

    #[test]
    fn about_you_in_the_adverts_pitch_is_not_the_criteria() {
        // gds-content-designers.odt: "All about you" sits in the pitch between "All about the
        // user" and "All about us"; the criteria come later under their own headings.
        let x = run("**All about the user**\n\nRule one for us is: always start with user needs.\n\n**All about you**\n\nIf you want to join us, you’ll need to be able to:\n\n* take complex language and processes and make them simple to understand\n\n**All about us**\n\nWe work together.\n\n## Specialist skills required\n\nWe need you to have:\n\n* extensive experience of writing for the web\n");
        assert_eq!(
            brief(&x),
            vec![(
                Technical,
                "extensive experience of writing for the web".into(),
                Essential
            )]
        );
        // Where "About you" is the only place the requirements are, they are the criteria.
        let x = run("**About the job**\n\nWe build services.\n\n**About you**\n\nYou’ll need:\n\n* experience of writing for the web\n");
        assert_eq!(
            brief(&x),
            vec![(
                Experience,
                "experience of writing for the web".into(),
                Essential
            )]
        );
    }

    #[test]
    fn a_person_specification_in_parts_with_underlined_markers() {
        // Royal Borough of Greenwich person specifications: "## Criteria" over "### Knowledge",
        // "### Skills and Abilities", "### Experience" and "### Equal Opportunities", priority
        // given by "<u>Desirable", and a shortlisting note written as a lead-in.
        let x = run("## Person Specification\nJob Title: Senior Developer\nGrade: PO6\n\nShortlisting Criteria: Essential criteria assessed via application form should be used to shortlist.\n\n## Criteria\n### Knowledge\n-   Deep knowledge of open-source technology    \n\n<u>Desirable\n-   Knowledge of GOV.UK Pay\n    \n### Skills and Abilities\n-   Ability to mentor and coach.\n\n### Experience\n<u>Essential\n-   Experience building complex services in code\n\n### Equal Opportunities\n-   Understanding of and commitment to the Council’s equal opportunities policies.\n");
        let k = Some("Knowledge".to_owned());
        assert_eq!(
            full(&x),
            vec![
                (Technical, "Deep knowledge of open-source technology".into(), k.clone(), Essential),
                (Technical, "Knowledge of GOV.UK Pay".into(), k, Desirable),
                (Technical, "Ability to mentor and coach.".into(), Some("Skills and Abilities".into()), Essential),
                (Experience, "Experience building complex services in code".into(), Some("Experience".into()), Essential),
                (Experience, "Understanding of and commitment to the Council’s equal opportunities policies.".into(), Some("Equal Opportunities".into()), Essential),
            ]
        );
        assert!(
            x.criteria.iter().all(|c| c.name != "Job Title"),
            "the post's details are not criteria"
        );
        let x = run("## Person Specification\nJob Title: Policy and Relationship Management\nGrade: PO6\nService/Section: Digital and Customer Services / Delivery\n");
        assert!(x.criteria.is_empty(), "{:?}", x.criteria);
        // A heading the importer has no word for, outside such parts, still says nothing.
        let x =
            run("## About the council\n### Our values\n- Understanding of the Council’s values\n");
        assert!(x.criteria.is_empty(), "{:?}", x.criteria);
    }

    #[test]
    fn a_person_specification_table_with_group_rows_and_typed_bullets() {
        // rbg-data-analyst.md: one-cell bold rows head the rows under them; each criterion
        // cell starts with the author's "- ".
        let x = run("## Person Specification\n\n| Criteria | Essential/Desirable |  \n| ----------- | ----------- |  \n| **Knowledge**  \n| -   Understanding of information governance principles | D |\n| **Experience** \n|-   Experience of delivering insights to senior stakeholders | E |\n| **Equal Opportunities** \n| - Understanding of and commitment to the Council’s staff values. | E |\n");
        assert_eq!(
            full(&x),
            vec![
                (
                    Technical,
                    "Understanding of information governance principles".into(),
                    Some("Knowledge".into()),
                    Desirable
                ),
                (
                    Experience,
                    "Experience of delivering insights to senior stakeholders".into(),
                    Some("Experience".into()),
                    Essential
                ),
                (
                    Experience,
                    "Understanding of and commitment to the Council’s staff values.".into(),
                    Some("Equal Opportunities".into()),
                    Essential
                ),
            ]
        );
    }

    #[test]
    fn skills_are_typed_by_their_section() {
        // dfe-senior-service-designer.md: "Desirable skills" carries on the named skills.
        let x = run("### Essential skills and expertise for this role are:\n\n-   **Prototyping.** You are experienced in using a variety of methods.\n\n### Desirable skills:\n\n- **Communication skills.** You can listen to the needs of stakeholders.\n");
        assert_eq!(
            full(&x),
            vec![
                (Technical, "Prototyping".into(), None, Essential),
                (Technical, "Communication skills".into(), None, Desirable),
            ]
        );
        // moj-devops-engineer.md: "### Technical:" over duties is not a skills section.
        let x = run("## Key Responsibilities:\n\n### Technical:\n- Use infrastructure as code to assist the team in managing multiple environments\n");
        assert!(x.criteria.is_empty(), "{:?}", x.criteria);
    }

    #[test]
    fn a_list_after_you_will_is_duties_not_criteria() {
        // dfe-seo-devops-engineer.txt: duties under "Person specification", then the criteria.
        let x = run("## Person specification\n\nAs a DevOps EngineerYou will:\n\n* Automate tasks, deployments, and tests by creating infrastructure as code.\n\n**Essential Criteria**\n\n* Experience of Linux\n");
        let names: Vec<&str> = x.criteria.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Experience of Linux"]);
        assert!(introduces_duties("In this role, you’ll:"));
        assert!(!introduces_duties("You will have:"));
        assert!(!introduces_duties("You will need:"));
    }

    #[test]
    fn duties_under_a_topic_heading_stay_duties() {
        // moj-principal-devops.md (held out): a topic of the key responsibilities.
        let x = run("## Key Responsibilities\n\n### Developer experience (DevX)\n\n- Lead the DevX team and set priorities for work that improves how engineers build, test, deploy and operate services\n\n## Person Specification\n\n### Essential\n\n- Experience influencing engineering practice across multiple teams\n");
        let names: Vec<&str> = x.criteria.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["Experience influencing engineering practice across multiple teams"]
        );
    }

    #[test]
    fn priority_headings_under_a_competency_sort_its_indicators() {
        // gds-service-manager.md (held out).
        let x = run("## PERSON SPECIFICATION - COMPETENCES/SKILLS REQUIRED\n\n### Seeing the big picture\n\n#### Essential\n* develop an in-depth insight into customers\n\n#### Desirable\n* identify and shape how own area fits\n\n### Delivering at pace\n\n#### Essential\n* take ownership of delivery\n");
        let names: Vec<(&str, Priority)> = x
            .criteria
            .iter()
            .map(|c| (c.name.as_str(), c.priority))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Seeing the big picture", Essential),
                ("Delivering at pace", Essential)
            ]
        );
        assert_eq!(
            x.criteria[0].indicators,
            vec![
                "develop an in-depth insight into customers",
                "Desirable: identify and shape how own area fits"
            ]
        );
    }

    #[test]
    fn a_list_pasted_from_a_pdf_as_lines() {
        // dfe-seo-devops-engineer.txt
        let x = run("## Person specification\n\nHelp design and implement resilient services.\nAutomate tasks by creating infrastructure as code.\n\nEssential Criteria\n\nExperience with setting up services in public cloud.\nKnowledge of Linux/Unix operating systems.\nEnthusiasm for sharing knowledge and working in a diverse and\ninclusive team.\nFurther information can be found at Skills They Need\n");
        let names: Vec<&str> = x.criteria.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Experience with setting up services in public cloud.",
                "Knowledge of Linux/Unix operating systems.",
                "Enthusiasm for sharing knowledge and working in a diverse and inclusive team."
            ],
            "duties and the pointer elsewhere are no criteria"
        );
    }

    #[test]
    fn a_list_introduced_to_candidates_under_a_sub_heading_is_its_groups() {
        // gds-cdo-applicant-pack.docx: "**Leadership**", prose, "We are looking for a
        // candidate with the ability to:" and the list; then "Job specific skills:" and the
        // "Reporting lines" that close the person specification.
        let src = "**Person Specification**\n\n**Leadership**\n\nThe successful candidate will be an exceptional leader. Watch the minister.\n\nPrevious experience of leadership in government is not required, but you will be expected to learn the department's culture quickly.\n\nWe are looking for a candidate with the ability to:\n\n* Shape, promote and exemplify the department's values\n* Build a performance culture that rewards delivery\n\n**Job specific skills:**\n\n* Experience of agile project management practices\n* Strong estimation skills would be highly beneficial\n\n**Reporting lines**\n\nThe post-holder will report to the Chief Operating Officer.\n";
        let lead = Some("Leadership".to_owned());
        let skills = Some("Job specific skills".to_owned());
        assert_eq!(
            full(&run(src)),
            vec![
                (
                    Behaviour,
                    "Shape, promote and exemplify the department's values".into(),
                    lead.clone(),
                    Essential
                ),
                (
                    Behaviour,
                    "Build a performance culture that rewards delivery".into(),
                    lead,
                    Essential
                ),
                (
                    Technical,
                    "Experience of agile project management practices".into(),
                    skills.clone(),
                    Essential
                ),
                (
                    Technical,
                    "Strong estimation skills would be highly beneficial".into(),
                    skills,
                    Desirable
                ),
            ]
        );
        // A competency over its indicators, with no introduction to candidates, stays a
        // criterion.
        let x = run("## Behaviours\n\n**Leadership**\n\nThis is about setting direction.\n\n* Lead by example\n");
        assert_eq!(brief(&x), vec![(Behaviour, "Leadership".into(), Essential)]);
    }

    #[test]
    fn plain_competency_lines_over_priority_lines_and_lists() {
        // gds-service-manager-job-description.pdf: under a cluster's heading, each competency
        // a plain line over "Essential", its list, "Desirable", its list.
        let x = run("## Setting Direction\n\nSeeing the big picture\n\nEssential\n\n* Develop an in-depth insight into customers\n\nDesirable\n\n* Anticipate the long term impact of developments\n\nChanging and improving\n\nEssential\n\n* Seek and encourage ideas\n");
        let group = Some("Setting Direction".to_owned());
        assert_eq!(
            full(&x),
            vec![
                (
                    Behaviour,
                    "Seeing the big picture".into(),
                    group.clone(),
                    Essential
                ),
                (Behaviour, "Changing and improving".into(), group, Essential),
            ]
        );
        assert_eq!(
            x.criteria[0].indicators,
            vec![
                "Develop an in-depth insight into customers".to_owned(),
                "Desirable: Anticipate the long term impact of developments".to_owned(),
            ]
        );
    }

    /// A US federal posting (18F, 2017): the competencies applicants are scored on under
    /// "## Evaluations", introduced after a bold "**Here’s how it will work:**", one of them
    /// run on without its bullet; the specialized experience under "## Qualifications", then
    /// what to put in the résumé; conditions of employment and objectives before them.
    #[test]
    fn a_us_postings_scored_competencies_and_specialized_experience() {
        let src = "## Key Objectives\n\n\
### Objective #3: Model the behaviors we want to see partners adopt\n\
- Teach agency teams how to take risks and validate ideas.\n\n\
## Key Requirements\n\n\
1. You must be a U.S. Citizen or National\n\
2. Suitable for Federal employment, determined by a background investigation.\n\n\
## Employment Requirements\n\
- Serve a one year trial period, if required.\n\n\
## Evaluations\n\
We will use a method called Category Rating to assess your application.\n\n\
**Here’s how it will work:**\n\n\
You will be scored based on a review of your application materials, measuring your possession of each of the following competencies: \n\n\
- **Content strategy:** Lead strategic content initiatives.\n\
- **User experience (UX) writing:** Plan, write, and edit content.\n\
- **Technical Strategy:** The ability to advise on technical architecture.\n\
**18F Core Values Alignment:** The ability to work with integrity.\n\n\
Your score will be used to place you in one of the 3 categories: Superior, Qualified, or Not Qualified.\n\n\
## Qualifications\n\n\
To qualify, you must have one year of specialized experience equivalent to the GS-13 in the Federal service. Specialized experience is:\n\
- Experience leading projects in a consulting role.\n\
- Recruiting for disciplines including: design (visual, UX, front end or content) or product managers.\n\n\
Qualification determinations cannot be made when resumes do not include the required information, so failure to provide this information may result in disqualification.\n\n\
For each job on your resume, provide:\n\
- the exact dates you held each job (from month/year to month/year)\n\
- number of hours per week you worked (if part time).\n";
        let x = run(src);
        let e = Some("Evaluations".to_owned());
        let q = Some("Qualifications".to_owned());
        assert_eq!(
            full(&x),
            vec![
                (Technical, "Content strategy".to_owned(), e.clone(), Essential),
                (Technical, "User experience (UX) writing".to_owned(), e.clone(), Essential),
                (Technical, "Technical Strategy".to_owned(), e.clone(), Essential),
                (Behaviour, "18F Core Values Alignment".to_owned(), e.clone(), Essential),
                (Experience, "Experience leading projects in a consulting role.".to_owned(), q.clone(), Essential),
                (
                    Experience,
                    "Recruiting for disciplines including: design (visual, UX, front end or content) or product managers.".to_owned(),
                    q,
                    Essential
                ),
            ]
        );
    }

    /// The competencies as plain lines of one paragraph ("Research Methods: The knowledge…"),
    /// and a bold requirement line over a list of them: each line is one, the bold line none.
    #[test]
    fn scored_competencies_as_plain_lines_or_under_a_bold_introduction() {
        let lines = "## Evaluations\n\
You will be scored based on a review of your application materials, measuring your possession of each of the following competencies: \n\n\
Research Methods: The knowledge and ability to apply user research tools and methodologies.\n\
Teamwork & Collaboration: The ability to work cooperatively with others.\n";
        assert_eq!(
            brief(&run(lines)),
            vec![
                (Technical, "Research Methods".to_owned(), Essential),
                (Behaviour, "Teamwork & Collaboration".to_owned(), Essential),
            ]
        );
        let bold = "## Evaluations\n\n\
You will be scored based on a review of your application materials, measuring your possession of each of the following competencies below. \n\n\
**Applicants applying for this job must meet the following requirements:**\n\
Have product management related experience demonstrating each of the five competencies listed below:\n\
- **Communication:** Ability to communicate effectively with a variety of audiences.\n\
- **Product experience:** Ability to deliver the right digital product.\n";
        assert_eq!(
            brief(&run(bold)),
            vec![
                (Behaviour, "Communication".to_owned(), Essential),
                (Technical, "Product experience".to_owned(), Essential),
            ]
        );
    }

    /// A US city's posting (nyc-design-lead.md, nyc-lead-content-designer.md,
    /// nyc-ux-designer.md): "PREFERRED SKILLS" over its parts, which keep its priority unless
    /// the sentence under it names the successful candidate's; an item introducing what
    /// candidates must have over the alternatives; the joint and the footnote's mark.
    #[test]
    fn a_city_postings_preferred_parts_and_requirements() {
        let src = "# Design Lead

### PREFERRED SKILLS
The preferred candidate should possess the following:

#### KNOWLEDGE
- Expert knowledge of user experience methods

#### EXPERIENCE
- Experience leading a community of practice

### REQUIREMENTS
1.  For Assignment Level I (only physical, biological and environmental sciences and public health) A master’s degree from an accredited college or university with a specialization in an appropriate field of physical, biological or environmental science or in public health.
2.  To be appointed to Assignment Level II and above, candidates must have:
-   A master’s degree from an accredited college or university with specialization in an appropriate field of physical, biological, environmental or social science and three years of responsible full-time research experience in the appropriate field of specialization; or
3.  NYC Residency*
";
        let got = brief(&run(src));
        assert_eq!(
            got,
            vec![
                (Technical, "Expert knowledge of user experience methods".to_owned(), Desirable),
                (Experience, "Experience leading a community of practice".to_owned(), Desirable),
                (Experience, "For Assignment Level I (only physical, biological and environmental sciences and public health) A master’s degree from an accredited college or university with a specialization in an appropriate field of physical, biological or environmental science or in public health.".to_owned(), Essential),
                (Experience, "A master’s degree from an accredited college or university with specialization in an appropriate field of physical, biological, environmental or social science and three years of responsible full-time research experience in the appropriate field of specialization".to_owned(), Essential),
                (Experience, "NYC Residency".to_owned(), Essential),
            ]
        );
        let successful = src.replace("The preferred", "The successful");
        assert!(brief(&run(&successful))
            .iter()
            .all(|(_, _, p)| *p == Essential));
        // dfe-ddt-senior-devops-engineer.md: "### Desirable:" marks its own list, not the
        // "### Technical skills:" after it, which keeps the section's own priority.
        let marked = "## You'll have:\n\n### Essential:\n- Experience with troubleshooting web applications\n\n### Desirable:\n- Experience of working in government\n\n### Technical skills:\n- Knowledge of Linux and public clouds\n";
        assert_eq!(
            brief(&run(marked)).last(),
            Some(&(
                Technical,
                "Knowledge of Linux and public clouds".to_owned(),
                Essential
            ))
        );
    }

    /// A US state's posting: the post named again as a heading over its summary (a word of it
    /// naming a section), what the candidate "should possess", a "Preferred …" section with
    /// its introduction one heading down, an item indented by mistake and the pay after the
    /// list.
    #[test]
    fn a_state_postings_sections_introduction_heading_and_pay() {
        let src = "# Content Development Specialist\n\n\
## Content Development Specialist\n\
The office is seeking to hire a content specialist.\n\n\
### As part of the Office of Innovation team, you will:\n\
- Craft thoughtful written content for web-based audiences\n\n\
### You should possess the following:\n\
- An impeccable attention to detail\n\n\
### Preferred Technical Experience, Skills and Abilities\n\
Applicants will be assessed based on an ability to excel at one or more disciplines.\n\n\
#### We are seeking individuals with the following experience, skills, and abilities:\n\
- Communicating research findings, design rationale, and goals both verbally and visually\n    - Leveraging global web design standards\n\
- Working with data:\n    - Python\n\n\
Compensation: Up to $125,000 (depending on experience) + Full benefits\n";
        let p = Some("You should possess the following".to_owned());
        let s = Some("Preferred Technical Experience, Skills and Abilities".to_owned());
        assert_eq!(
            full(&run(src)),
            vec![
                (Experience, "An impeccable attention to detail".to_owned(), p, Essential),
                (
                    Experience,
                    "Communicating research findings, design rationale, and goals both verbally and visually".to_owned(),
                    s.clone(),
                    Desirable
                ),
                (
                    Experience,
                    "Leveraging global web design standards".to_owned(),
                    s.clone(),
                    Desirable
                ),
                (Experience, "Working with data".to_owned(), s, Desirable),
            ]
        );
        let x = run(src);
        assert_eq!(
            x.criteria[3].indicators,
            vec!["Python".to_owned()],
            "{x:#?}"
        );
    }

    #[test]
    fn a_classification_states_its_minimum_qualifications_in_paragraphs() {
        // The State of California's classifications (ca-customer-experience-analyst.md and
        // ca-senior-project-manager.md, shortened): the post in a first heading whose words
        // would name a section ("Experience"), a description with preferences in its prose,
        // then "## Experience" and "## And Education" (or "### And Education", a level down),
        // each a paragraph of sentences.
        let src = "\n# Customer Experience Analyst    \nA Customer Experience Analyst gathers and interprets data on customer needs.\n\nA Customer Experience Analyst may also be involved in the identification of datasets. Experience with conflict resolution techniques, knowledge of diverse research practices and low-code platform programming skills are also preferred.\n\nA Customer Experience Analyst should be fluent in statistical methods. Knowledge in behavioral data analysis preferred.\n\n## Experience\nThis Classification must have a minimum of two (2) years in a consulting or research role. Experience presenting to clients or other decision makers.\n\n### And Education\nThis classification requires the possession of a bachelor’s degree. Additional qualifying experience may be substituted for the required education on a year-for-year basis.\n\nAdditional qualifying experience may be substituted for the required education on a year-for-year basis. The PMP certification is required and may not be substituted with additional experience.\n";
        let x = run(src);
        let want = |name: &str, group: Option<&str>, p: Priority| {
            (Experience, name.to_owned(), group.map(str::to_owned), p)
        };
        assert_eq!(
            full(&x),
            vec![
                want("Experience with conflict resolution techniques", None, Desirable),
                want("Knowledge of diverse research practices", None, Desirable),
                want("Low-code platform programming skills", None, Desirable),
                want("Knowledge in behavioral data analysis", None, Desirable),
                want("This Classification must have a minimum of two (2) years in a consulting or research role.", Some("Experience"), Essential),
                want("Experience presenting to clients or other decision makers.", Some("Experience"), Essential),
                want("This classification requires the possession of a bachelor’s degree. Additional qualifying experience may be substituted for the required education on a year-for-year basis.", Some("And Education"), Essential),
            ],
            "{x:#?}"
        );
    }

    #[test]
    fn a_stated_minimum_is_one_whatever_fields_or_areas_it_names() {
        // The State of California's agile coach and customer experience architect: a
        // minimum naming "frameworks" as its field, and one naming its areas after a colon.
        let src = "# Agile Coach\n\n## Experience\nThis classification must have a minimum of six (6) years of experience in creating and implementing an agile culture utilizing agile methodologies and frameworks in complex teams and organizations.\n\n## Experience of the architect\nThis Classification must have a minimum of three (5) years of relevant experience in one or more of the following areas: business process modelling/mapping, authoring service design, developing customer experience programs.\n";
        let x = run(src);
        assert_eq!(x.criteria.len(), 2, "{x:#?}");
        assert!(x.criteria[0]
            .name
            .ends_with("complex teams and organizations."));
        assert!(x.criteria[1]
            .name
            .ends_with("developing customer experience programs."));
        // A pointer elsewhere, or an introduction ending in its colon, is still one.
        let pointer = run("## Experience\nPlease see the DDaT framework for this role's skills.\n");
        assert!(pointer.criteria.is_empty(), "{pointer:#?}");
        let intro =
            run("## Requirements\nCandidates must have a minimum of one of the following:\n");
        assert!(intro.criteria.is_empty(), "{intro:#?}");
    }

    #[test]
    fn a_canadian_posting_s_fit_list_skills_by_must_haves_and_notes_among_criteria() {
        // The Canadian Digital Service's technical writer, temporary developer (Notify),
        // quantitative design researcher and internal communications advisor, shortened.
        let src = "---\ntitle: Technical Writer\n---\n## We’re looking for someone who will:\n* Make sure our documentation resonates with IT teams.\n* Develop content plans.\n\n## You’ll fit right in if:\n\n* You use metrics and user feedback to define and refine content.\n* You’re (ideally) fluent in both official languages\n\n## Skills Required / Tech Stack\n\n### Must Haves\n\n* Can read JSON and work with APIs\n* Has worked with Amazon Web Services\n  * Especially: CloudWatch, EKS, Alarms, SNS, SES, SQS\n\n### Able to Learn\n\n* Terraform\n\n## What we’re looking for:\n\n* You reflect on your research practice. You think about what could make your research more useful.\n* This role differs from data scientist roles. It's focused on applying data science tools to user experience problems.\n\n## You will be able to:\n\n* Use open-source data analysis software. Examples include: R or Python with Pandas.\n\nYou would join a team that currently includes 13 other members.\n\n*A pool of qualified persons resulting from this process MAY be created (english essential, bilingual imperative BBB/BBB).\n";
        let x = run(src);
        let fit = Some("You’ll fit right in if");
        let stack = Some("Skills Required / Tech Stack");
        let wlf = Some("What we’re looking for");
        let able = Some("You will be able to");
        let want = |kind, name: &str, group: Option<&str>, p: Priority| {
            (kind, name.to_owned(), group.map(str::to_owned), p)
        };
        assert_eq!(
            full(&x),
            vec![
                want(
                    Experience,
                    "You use metrics and user feedback to define and refine content.",
                    fit,
                    Essential
                ),
                want(
                    Experience,
                    "You’re (ideally) fluent in both official languages",
                    fit,
                    Desirable
                ),
                want(
                    Technical,
                    "Can read JSON and work with APIs",
                    stack,
                    Essential
                ),
                want(
                    Technical,
                    "Has worked with Amazon Web Services",
                    stack,
                    Essential
                ),
                want(Technical, "Terraform", stack, Desirable),
                want(
                    Experience,
                    "You reflect on your research practice",
                    wlf,
                    Essential
                ),
                want(
                    Experience,
                    "Use open-source data analysis software",
                    able,
                    Essential
                ),
            ],
            "{x:#?}"
        );
        // The sub-item is its item's indicator.
        assert_eq!(
            x.criteria[3].indicators,
            vec!["Especially: CloudWatch, EKS, Alarms, SNS, SES, SQS".to_owned()]
        );
    }

    #[test]
    fn introductions_over_lists_stand_for_headings_side_by_side() {
        // cds-creative-recruiter.md, cds-director-of-platform.md and
        // cds-director-of-digital-practice.md (shortened): plain lines ending in a colon over
        // their lists, one after another, the duties' among them.
        let recruiter = "---\ntitle: Creative Recruiter\n---\nThis role is classified as an AS-05 in the Administrative Services group.\n\nWhat we’re looking for:\n\n* You identify, qualify, and close exceptional candidates\n\nAn excellent candidate will be able to:\n\n* Manage full-cycle recruiting in a high-growth environment\n* Communicate in both French and English (in government terms, this position is CBC).\n";
        let platform = "---\ntitle: Director of Platform\n---\nWe are looking for someone who will:\n\n* Grow the Platform unit and its capabilities;\n* Set measurable goals for the product portfolio;\n\nA great candidate will be able to demonstrate that they can:\n\n* Lead multiple teams and delivery disciplines concurrently;\n* Preference will be given to bilingual (French and English) candidates and to Canadian citizens.\n";
        let practice = "---\ntitle: Director of Digital Practice\n---\nWe are looking for someone who will:\n\n* Bring significant experience in line management and leading teams responsible for software delivery (e.g., software development, design, research, product management, SRE);\n* Advise and empower leaders throughout these teams;\n* Communicate in both English and French (in government terms this position is Bilingual Imperative CBC/CBC).\n\nA great candidate will demonstrate:\n\n* Success leading initiatives that impact entire teams or business units;\n";
        let wlf = "What we’re looking for";
        let able = "An excellent candidate will be able to";
        let great = "A great candidate will be able to demonstrate that they can";
        let will = "We are looking for someone who will";
        let shows = "A great candidate will demonstrate";
        let cases = [
            (
                recruiter,
                vec![
                    ("You identify, qualify, and close exceptional candidates", wlf, Essential),
                    ("Manage full-cycle recruiting in a high-growth environment", able, Essential),
                    ("Communicate in both French and English (in government terms, this position is CBC).", able, Essential),
                ],
            ),
            (
                platform,
                vec![
                    ("Lead multiple teams and delivery disciplines concurrently;", great, Essential),
                    ("Preference will be given to bilingual (French and English) candidates and to Canadian citizens.", great, Desirable),
                ],
            ),
            (
                practice,
                vec![
                    ("Bring significant experience in line management and leading teams responsible for software delivery (e.g., software development, design, research, product management, SRE);", will, Essential),
                    ("Communicate in both English and French (in government terms this position is Bilingual Imperative CBC/CBC).", will, Essential),
                    ("Success leading initiatives that impact entire teams or business units;", shows, Essential),
                ],
            ),
        ];
        for (src, wanted) in cases {
            let x = run(src);
            let wanted: Vec<_> = wanted
                .into_iter()
                .map(|(n, g, p)| (Experience, n.to_owned(), Some(g.to_owned()), p))
                .collect();
            assert_eq!(full(&x), wanted, "{x:#?}");
        }
        // Under a real heading a plain line of the same kind is only its list's introduction.
        let heading = "## What we’re looking for\n\n* You identify, qualify, and close exceptional candidates\n\nAn excellent candidate will be able to:\n\n* Manage full-cycle recruiting in a high-growth environment\n";
        let x = run(heading);
        assert!(
            x.criteria.iter().all(|c| c.group.as_deref() == Some(wlf)),
            "{x:#?}"
        );
    }

    #[test]
    fn a_list_under_how_applicants_are_evaluated_is_the_criteria() {
        // cds-full-stack-developer-partnerships.md and cds-full-stack-software-developer-mvp.md
        // (shortened): "We’ll evaluate you based on:", a heading or a bold line, straight over
        // its list, after the duties.
        let partnerships = "---\ntitle: Full Stack Developer (Partnerships)\n---\n## You’ll need to accomplish the following things:\n\n1. Create and champion default practices within CDS.\n\n## We’ll evaluate you based on:\n\n- Securing systems and processes\n- Advising senior leaders and non-technical audiences\n";
        let mvp = "---\ntitle: Full Stack Software Developer (MVP)\n---\n**You’ll need to accomplish the following things:**\n\n- Create and champion default practices within CDS.\n\n**We’ll evaluate you based on:**\n\n- Securing systems and processes\n- Advising senior leaders and non-technical audiences\n";
        let group = Some("We’ll evaluate you based on".to_owned());
        for src in [partnerships, mvp] {
            let x = run(src);
            assert_eq!(
                full(&x),
                vec![
                    (
                        Experience,
                        "Securing systems and processes".to_owned(),
                        group.clone(),
                        Essential
                    ),
                    (
                        Experience,
                        "Advising senior leaders and non-technical audiences".to_owned(),
                        group.clone(),
                        Essential
                    ),
                ],
                "{x:#?}"
            );
        }
        // cds-senior-application-security-developer.md (shortened): over a paragraph it says
        // how the selection is run; the criteria are under "Essential Criteria" after it.
        let security = "**We’ll evaluate you based on:**\n\nWe will be looking at your experience, career history and achievements that are relevant to the specific job role.\n\n**Essential Criteria:**\n\n- strong understanding of the web's architecture\n";
        let x = run(security);
        assert_eq!(
            full(&x),
            vec![(
                Experience,
                "strong understanding of the web's architecture".to_owned(),
                None,
                Essential
            )],
            "{x:#?}"
        );
    }
}
