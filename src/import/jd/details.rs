//! Finding the role's title, grade and reference.
//!
//! These are written as key–value pairs in many places: a table row (`| Grade: | SEO |`), a
//! line (`Grade: B3`, `**Reference number:** 12345`), a list item or a heading. The first
//! filled value wins; a different value later is reported, as the user must choose. The
//! title falls back to the document's first heading that is not a section heading, with
//! template words such as "Role Definition" dropped.

use super::classify::Section;
use super::classify::{
    classify_title, ends_in_a_post_noun, fold, is_placeholder, names_a_post, post_after_a_topic,
    priority_marker,
};
use super::outline::{collapse, Block, BlockKind, PSEUDO_LEVEL};

/// What was found, with warnings about conflicts.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Details {
    pub title: Option<String>,
    pub grade: Option<String>,
    pub reference: Option<String>,
    pub warnings: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Key {
    Title,
    Grade,
    Reference,
    /// A page's metadata title (front matter): used only when the document has no title of
    /// its own.
    PageTitle,
}

/// Which detail a key names, if any.
fn key_of(raw: &str) -> Option<Key> {
    let k = fold(raw);
    let k = k
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_owned();
    let k = collapse(&k);
    match k.as_str() {
        "job title" | "title" | "role title" | "post title" | "role" | "position" | "job role"
        | "post" | "vacancy title" | "position title"
        // Local government's word for the post's title (Royal Borough of Greenwich).
        | "position designation" | "post designation" | "designation" => Some(Key::Title),
        "page title" => Some(Key::PageTitle),
        "grade"
        | "band"
        | "grade/band"
        | "grade or band"
        | "pay band"
        | "pay grade"
        | "job grade"
        | "civil service grade"
        | "banding"
        | "grade and band"
        | "payband"
        // A US federal posting's "Series & Grade: 0301-14".
        | "series & grade"
        | "series and grade"
        | "series/grade" => Some(Key::Grade),
        "reference"
        | "reference number"
        | "reference no"
        | "ref"
        | "ref no"
        | "ref number"
        | "vacancy reference"
        | "vacancy reference number"
        | "job reference"
        | "job reference number"
        | "vacancy number"
        | "job id"
        | "vacancy id"
        | "requisition number" => Some(Key::Reference),
        _ => None,
    }
}

/// Whether a label names a detail the importer reads (title, grade, reference): the plain-text
/// reader uses it to tell a saved advert's label-over-value lines from a list of names.
pub(crate) fn is_detail_key(raw: &str) -> bool {
    key_of(raw).is_some()
}

/// Tidies a value: emphasis markers and separators dropped. A template's placeholder
/// ("[Insert Number]", "[Oleeo number]") is no value.
fn clean_value(v: &str) -> Option<String> {
    let v =
        collapse(v.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ':' | '|')));
    let placeholder = v.starts_with('[') && v.ends_with(']') && !v[1..].contains('[');
    (!v.is_empty() && !placeholder && v.chars().any(char::is_alphanumeric)).then_some(v)
}

/// Civil Service grades written out, and the short form a panel uses.
const GRADE_NAMES: &[(&str, &str)] = &[
    ("administrative assistant", "AA"),
    ("administrative officer", "AO"),
    ("executive officer", "EO"),
    ("higher executive officer", "HEO"),
    ("senior executive officer", "SEO"),
    ("senior civil service", "SCS"),
];

/// Short grade names that stand alone ("SEO", "G7", "Grade 6", "SCS1").
fn is_grade_code(text: &str) -> bool {
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    if GRADE_NAMES.iter().any(|(_, code)| *code == upper) {
        return true;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if let Some(n) = upper.strip_prefix("GRADE ") {
        return digits(n.trim());
    }
    if let Some(n) = upper.strip_prefix("SCS") {
        return n.is_empty() || digits(n.trim());
    }
    upper.strip_prefix('G').is_some_and(digits)
}

/// A pay band written as a letter and a digit ("B2", "C1"), as some departments name grades.
fn is_band(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('A'..='F'), Some('1'..='9'), None)
    )
}

/// A grade as a panel writes it: "Senior Executive Officer (SEO)" and "Higher Executive
/// Officer" become "SEO" and "HEO"; a bare "6" after "Grade:" becomes "Grade 6"; anything
/// else (a band such as "B3", "Grade 7") stays as written.
pub(crate) fn normalise_grade(value: &str) -> String {
    let v = value.trim();
    if let Some(gs) = general_schedule_grade(v) {
        return gs;
    }
    if let Some(open) = v.rfind('(') {
        if let Some(inner) = v[open + 1..].strip_suffix(')') {
            if is_grade_code(inner) {
                return inner.trim().to_owned();
            }
        }
    }
    let folded = fold(v);
    if let Some((_, code)) = GRADE_NAMES.iter().find(|(name, _)| folded == *name) {
        return (*code).to_owned();
    }
    if !v.is_empty() && v.len() <= 2 && v.chars().all(|c| c.is_ascii_digit()) {
        return format!("Grade {v}");
    }
    v.to_owned()
}

/// "0301-14" (a US occupational series and a General Schedule grade, as "Series & Grade"
/// gives them): the grade as a panel names it, "GS-14"; the series is not a grade.
fn general_schedule_grade(value: &str) -> Option<String> {
    let (series, grade) = value.trim().split_once('-')?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    (digits(series, 4..=4) && digits(grade, 1..=2)).then(|| format!("GS-{grade}"))
}

/// "GS-14": a US General Schedule grade as written.
fn is_general_schedule(text: &str) -> bool {
    text.strip_prefix("GS-")
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()))
}

/// A line that is nothing but a grade ("Grade 7", "Higher Executive Officer").
fn standalone_grade(text: &str) -> Option<String> {
    let t = text.trim().trim_matches(|c: char| matches!(c, '*' | '_'));
    let folded = fold(t);
    (is_grade_code(t) || GRADE_NAMES.iter().any(|(name, _)| folded == *name))
        .then(|| normalise_grade(t))
}

/// "The role is SCS pay band 2, which ranges from …": a sentence that says which grade the
/// post is, as the terms of an applicant pack do. Only "The role/post/position/job is" and
/// a grade straight after it (or after "at" or "in"), up to a comma or full stop; a Senior
/// Civil Service pay band is written as a panel writes it ("SCS2").
fn grade_in_sentence(text: &str) -> Option<String> {
    let text = text.trim();
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` slice `text`.
    let lower = text.to_ascii_lowercase();
    let leads = [
        "the role is ",
        "the post is ",
        "the position is ",
        "the job is ",
        "this role is ",
        "this post is ",
    ];
    let mut at = leads.iter().find(|l| lower.starts_with(*l))?.len();
    for word in ["at ", "in ", "the "] {
        if lower[at..].starts_with(word) {
            at += word.len();
        }
    }
    let rest = &text[at..];
    let phrase = rest.split([',', '.', ';', '(']).next()?.trim();
    let phrase = phrase
        .strip_suffix(" grade")
        .or_else(|| phrase.strip_suffix(" Grade"))
        .unwrap_or(phrase)
        .trim();
    let folded = fold(phrase);
    for band in [
        "scs pay band ",
        "scs payband ",
        "scs band ",
        "senior civil service pay band ",
    ] {
        if let Some(n) = folded.strip_prefix(band) {
            let n = n.trim();
            if !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()) {
                return Some(format!("SCS{n}"));
            }
        }
    }
    standalone_grade(phrase)
}

/// "This role is … classified as an IT-04 or IT-05 in the Computer Systems group": the post's
/// classification (an occupational group and level, as the Government of Canada grades
/// posts, "EC-04", "AS-05"; or a grade such as "Grade 7") stated anywhere in a sentence,
/// kept as written, alternatives and all. A link around it is no part of it.
fn grade_as_classified(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("classified as ")? + "classified as ".len();
    let mut rest = text[at..].trim_start();
    for article in ["an ", "a ", "the "] {
        if rest.to_ascii_lowercase().starts_with(article) {
            rest = &rest[article.len()..];
        }
    }
    let rest = rest.trim_start_matches(['[', '*', '_']);
    let end = rest
        .find("](")
        .into_iter()
        .chain(
            [" in ", ".", "(", ";", "*"]
                .iter()
                .filter_map(|s| rest.find(s)),
        )
        .min()
        .unwrap_or(rest.len());
    let level = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("or ").unwrap_or(s);
        let code = s.split_once('-').is_some_and(|(group, n)| {
            (2..=3).contains(&group.len())
                && group.chars().all(|c| c.is_ascii_uppercase())
                && (1..=2).contains(&n.len())
                && n.chars().all(|c| c.is_ascii_digit())
        });
        code || standalone_grade(s).is_some()
    };
    // "CS-03, CS-04 or CS-05": levels listed with commas are alternatives as "or" joins them;
    // a comma before anything else ("IT-02, will report to…") ends the classification.
    let mut phrase = "";
    let mut from = 0;
    for part in rest[..end].split_inclusive(',') {
        let to = from + part.len();
        if !part.trim_end_matches(',').trim().split(" or ").all(level) {
            break;
        }
        phrase = rest[..to].trim().trim_end_matches(',');
        from = to;
    }
    (!phrase.is_empty()).then(|| phrase.to_owned())
}

/// Names of the document itself, written under its title on a cover page ("Chief Digital
/// Officer", then "Applicant Information Pack").
const DOCUMENT_NAMES: &[&str] = &[
    "applicant information pack",
    "applicant pack",
    "candidate information pack",
    "candidate pack",
    "information pack",
    "recruitment pack",
    "job description",
    "job description and person specification",
    "role profile",
];

/// A cover page: the document opens with short lines (a logo's placeholder, the department,
/// the post, the document's name), and the line just above the document's name is the post.
/// A placeholder ("[Department]") or a section's name is never the title. Only the opening
/// run of short blocks is a cover page.
fn cover_title(blocks: &[Block]) -> Option<String> {
    let short = |b: &Block| -> Option<String> {
        let text = match &b.kind {
            BlockKind::Heading { text, .. } => text.clone(),
            BlockKind::Paragraph { lines, .. } if lines.len() == 1 => lines[0].clone(),
            _ => return None,
        };
        let text = collapse(text.trim().trim_matches(|c: char| matches!(c, '*' | '_')));
        let words = text.split_whitespace().count();
        (words > 0 && words <= 8 && !text.ends_with(['.', ':'])).then_some(text)
    };
    let cover: Vec<String> = blocks.iter().map_while(short).collect();
    cover.windows(2).find_map(|pair| {
        let names_document = DOCUMENT_NAMES.contains(&fold(&pair[1]).trim());
        let candidate = pair[0].as_str();
        if !names_document || is_placeholder(candidate) {
            return None;
        }
        let title = clean_title(candidate)?;
        let class = classify_title(&title);
        (class.section.is_none() && !class.weak && priority_marker(&title).is_none())
            .then_some(title)
    })
}

/// A grade written at the end of a title, "Lead Service Designer (G6)": the title without
/// it, and the grade.
pub(crate) fn grade_in_title(title: &str) -> Option<(String, String)> {
    let t = title.trim_end();
    // "Consulting Software Engineer GS-14": a US General Schedule grade after the post.
    if let Some((rest, last)) = t.rsplit_once(' ') {
        if is_general_schedule(last) && !rest.trim().is_empty() {
            return Some((rest.trim_end().to_owned(), last.to_owned()));
        }
    }
    // "Business Analyst – B2": a grade or pay band after a dash.
    for sep in [" – ", " — ", " - "] {
        if let Some((rest, tail)) = t.rsplit_once(sep) {
            let tail = tail.trim();
            let grade = standalone_grade(tail).or_else(|| is_band(tail).then(|| tail.to_owned()));
            if let Some(grade) = grade.filter(|_| !rest.trim().is_empty()) {
                return Some((rest.trim_end().to_owned(), grade));
            }
        }
    }
    let open = t.rfind('(')?;
    let inner = t[open + 1..].strip_suffix(')')?;
    let grade = standalone_grade(inner)?;
    let rest = t[..open]
        .trim_end()
        .trim_end_matches(['-', '–', ','])
        .trim_end();
    (!rest.is_empty()).then(|| (rest.to_owned(), grade))
}

/// Whether text starts with another field's label in capitals ("UNIT/DIVISION: …").
fn starts_with_label(text: &str) -> bool {
    let Some((label, _)) = text.trim_start().split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '/' | '&' | '-'))
}

/// Splits "Key: value" text.
fn key_value(text: &str) -> Option<(Key, &str)> {
    let colon = text.find(':')?;
    let key = key_of(text.get(..colon)?)?;
    Some((key, text.get(colon + 1..)?))
}

/// Template words that are not part of a job title.
const TITLE_NOISE: &[&str] = &[
    "role definition",
    "job description",
    "role description",
    "role profile",
    "job profile",
    "person specification",
    "job advert",
    "advert",
    // The name of an applicant pack, on its cover under the post ("Applicant Information
    // Pack"), longest first.
    "applicant information pack",
    "candidate information pack",
    "applicant pack",
    "candidate pack",
    "recruitment pack",
    "information pack",
];

/// A heading's text as a job title, template words dropped; `None` if nothing is left.
pub(crate) fn clean_title(text: &str) -> Option<String> {
    let mut t = collapse(text);
    if let Some((Key::Title, rest)) = key_value(&t) {
        t = rest.trim().to_owned();
    }
    loop {
        let lower = t.to_ascii_lowercase();
        let before = t.len();
        for noise in TITLE_NOISE {
            if lower.ends_with(noise) {
                t = t[..t.len() - noise.len()].to_owned();
                break;
            }
            if let Some(rest) = lower.strip_prefix(noise) {
                if rest.starts_with([':', ' ', '-', '–', '—']) || rest.is_empty() {
                    t = t[noise.len()..].to_owned();
                    break;
                }
            }
        }
        t = t
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | '*')
            })
            .to_owned();
        if t.len() == before {
            break;
        }
    }
    (!t.is_empty() && t.chars().any(char::is_alphanumeric)).then_some(t)
}

/// Finds title, grade and reference in the outline.
pub(crate) fn find(blocks: &[Block]) -> Details {
    let mut found: Vec<(Key, String, usize)> = Vec::new();
    // Grades that stand alone on a line ("Grade 7" under the title): used when no line
    // names the grade.
    let mut loose_grades: Vec<(String, usize)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        match &b.kind {
            BlockKind::Row { cells, .. } => {
                let first = cells.first().map_or("", |c| c.text.as_str());
                // "PAYBAND: UNIT/DIVISION: LOCATION: …" beside "SCS1": a form's labels run
                // into one cell (a PDF's lines drawn back into a table, the later fields
                // empty); the first label's value is the one beside it.
                let run_together = || {
                    key_value(first)
                        .filter(|(_, rest)| starts_with_label(rest))
                        .map(|(k, _)| k)
                };
                if let Some(key) = key_of(first).or_else(run_together) {
                    if let Some(v) = cells[1..].iter().find_map(|c| clean_value(&c.text)) {
                        found.push((key, v, b.line));
                    }
                }
            }
            BlockKind::Paragraph { lines, .. } => {
                for (j, l) in lines.iter().enumerate() {
                    if let Some((key, v)) = key_value(l) {
                        if let Some(v) = clean_value(v) {
                            found.push((key, v, b.line));
                        } else if matches!(key, Key::Grade | Key::Reference) {
                            // "**Series & Grade:**", its value on the next line.
                            let next = lines.get(j + 1).cloned().or_else(|| label_value(blocks, i));
                            if let Some(v) = next.as_deref().and_then(clean_value) {
                                found.push((key, v, b.line));
                            }
                        }
                    } else if let Some(key) = label_key(l) {
                        // "Job grade" on one line, its value on the next (a saved advert).
                        let next = lines.get(j + 1).cloned().or_else(|| label_value(blocks, i));
                        if let Some(v) = next.as_deref().and_then(clean_value) {
                            found.push((key, v, b.line));
                        }
                    } else if let Some(g) = standalone_grade(l)
                        .or_else(|| grade_in_sentence(l))
                        .or_else(|| grade_as_classified(l))
                    {
                        loose_grades.push((g, b.line));
                    }
                }
            }
            BlockKind::Item { text, .. } => {
                if let Some((key, v)) = key_value(text) {
                    if let Some(v) = clean_value(v) {
                        found.push((key, v, b.line));
                    }
                }
            }
            BlockKind::Heading { text, .. } => {
                if let Some((key, v)) = key_value(text) {
                    if let Some(v) = clean_value(v) {
                        found.push((key, v, b.line));
                    }
                } else if let Some(key) = label_key(text) {
                    // A GOV.UK summary list or advert: "Job grade" as a heading or term, the
                    // value in the block after it.
                    if let Some(v) = label_value(blocks, i).as_deref().and_then(clean_value) {
                        found.push((key, v, b.line));
                    }
                } else if let Some(g) = standalone_grade(text) {
                    // "**G7**" in bold under the title of a Word file: a grade alone on a
                    // line, whether the line is plain or a heading.
                    loose_grades.push((g, b.line));
                }
            }
        }
    }
    let mut details = Details::default();
    let mut page_title = None;
    for want in [Key::Title, Key::Grade, Key::Reference, Key::PageTitle] {
        let mut values = found.iter().filter(|(k, ..)| *k == want);
        let Some((_, first, first_line)) = values.next() else {
            continue;
        };
        let first = if want == Key::Grade {
            normalise_grade(first)
        } else {
            first.clone()
        };
        for (_, other, line) in values {
            let other = if want == Key::Grade {
                normalise_grade(other)
            } else {
                other.clone()
            };
            if other != first {
                let name = match want {
                    Key::Title | Key::PageTitle => "job title",
                    Key::Grade => "grade",
                    Key::Reference => "reference",
                };
                details.warnings.push(format!(
                    "line {line}: {name} \"{other}\" differs from \"{first}\" (line {first_line}); used \"{first}\""
                ));
            }
        }
        match want {
            Key::Title => details.title = clean_title(&first),
            Key::Grade => details.grade = Some(first),
            Key::Reference => details.reference = Some(first),
            Key::PageTitle => page_title = clean_title(&first).map(|t| (t, *first_line)),
        }
    }
    if details.title.is_none() {
        details.title = cover_title(blocks)
            .or_else(|| title_from_headings(blocks))
            .or_else(|| first_line_title(blocks));
        // "## CX Team", "## Provide product management leadership:" over a page whose
        // metadata names the post ("Research Operations Coordinator"): a heading that does
        // not itself name a post is a section's, and the metadata's title is the post's.
        if let (Some(title), Some((page, _))) = (&details.title, &page_title) {
            if !names_the_post(title, page) {
                details.title = Some(page.clone());
            }
        }
        if let (Some(title), Some((page, line))) = (&details.title, &page_title) {
            if !title.eq_ignore_ascii_case(page) {
                details.warnings.push(format!(
                    "line {line}: the page's metadata calls it \"{page}\", its heading \"{title}\"; used \"{title}\""
                ));
            }
        }
        if details.title.is_none() {
            details.title = page_title.map(|(t, _)| t);
        }
    }
    // "Lead Service Designer (G6)": the grade is part of the title only as a label.
    if let Some((title, grade)) = details.title.as_deref().and_then(grade_in_title) {
        details.title = Some(title);
        details.grade.get_or_insert(grade);
    }
    if details.grade.is_none() {
        details.grade = loose_grades.into_iter().next().map(|(g, _)| g);
    }
    if let Some(title) = details.title.take() {
        let title = post_before_official_title(blocks, &title).unwrap_or(title);
        details.title = Some(post_after_employer(blocks, &title).unwrap_or(title));
    }
    details
}

/// "Innovation Specialist is the official government title for this Content Designer
/// position": the official title and the post the document advertises.
fn official_title_note(text: &str) -> Option<(String, String)> {
    let t = text.trim().trim_matches(|c: char| matches!(c, '*' | '_'));
    let lower = t.to_ascii_lowercase();
    // Written "offical" too.
    let at = ["is the official ", "is the offical "]
        .iter()
        .find_map(|m| lower.find(m))?;
    let official = t[..at].rsplit(':').next()?.trim();
    let from = lower[at..].find("title for this ")? + at + "title for this ".len();
    let to = lower[from..].find(" position")? + from;
    let post = t[from..to].trim();
    (!official.is_empty() && !post.is_empty()).then(|| (official.to_owned(), post.to_owned()))
}

/// The post a note names beside its official title, when the title found is that official
/// title ("Job Title: Innovation Specialist") or the post with an employer's name before it
/// ("18F Product Manager"): the post is what the document advertises and a panel assesses.
fn post_before_official_title(blocks: &[Block], title: &str) -> Option<String> {
    let (official, post) = blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Paragraph { lines, .. } => lines.iter().find_map(|l| official_title_note(l)),
        BlockKind::Heading { text, .. } => official_title_note(text),
        _ => None,
    })?;
    let t = title.to_lowercase();
    let p = post.to_lowercase();
    (t == official.to_lowercase() || t.ends_with(&format!(" {p}"))).then_some(post)
}

/// "TTS Talent Acquisition Specialist", "Office of Acquisition Design Lead" (a page's title)
/// over a heading "Talent Acquisition Specialist", "Design Lead GS-14": words before the
/// post a heading names are the employer's name when they are initials ("TTS", "18F") or
/// an office "of" something; the post is the heading's.
fn post_after_employer(blocks: &[Block], title: &str) -> Option<String> {
    blocks.iter().find_map(|b| {
        let BlockKind::Heading { text, .. } = &b.kind else {
            return None;
        };
        let heading = clean_title(text)?;
        let post = grade_in_title(&heading).map_or(heading, |(t, _)| t);
        let prefix = title
            .to_lowercase()
            .strip_suffix(&format!(" {}", post.to_lowercase()))?
            .len();
        let employer = &title[..prefix];
        let initials = employer.split_whitespace().all(|w| {
            w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        });
        let office = employer.contains(" of ");
        ((initials || office) && (ends_in_a_post_noun(&post) || names_a_post(&post)))
            .then_some(post)
    })
}

/// Whether a heading names the post a page's metadata names: it ends in a post's noun
/// ("Lead Solution Architect" for "Solution Architect") or in the same last word as the
/// metadata's title.
fn names_the_post(heading: &str, page: &str) -> bool {
    let last = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    ends_in_a_post_noun(heading) || (last(heading).is_some() && last(heading) == last(page))
}

/// A line that is only a detail's name ("Job grade", "Reference number"), as saved adverts
/// and summary lists write them above their value.
fn label_key(text: &str) -> Option<Key> {
    let t = text.trim();
    if t.split_whitespace().count() > 4 || t.ends_with('.') {
        return None;
    }
    key_of(t).filter(|k| matches!(k, Key::Grade | Key::Reference))
}

/// The first line of the block after `i`, when it is a short paragraph (a label's value).
fn label_value(blocks: &[Block], i: usize) -> Option<String> {
    match &blocks.get(i + 1)?.kind {
        BlockKind::Paragraph { lines, .. } => lines
            .first()
            .filter(|l| l.split_whitespace().count() <= 8)
            .cloned(),
        _ => None,
    }
}

/// A document with no usable heading often opens with its title as a plain line ("Quality
/// Engineer", then "Location: National"). Only a short first line that names no section and
/// is not a sentence counts.
fn first_line_title(blocks: &[Block]) -> Option<String> {
    let BlockKind::Paragraph { lines, .. } = &blocks.first()?.kind else {
        return None;
    };
    let line = lines.first()?;
    let words = line.split_whitespace().count();
    let capitalised = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if words == 0
        || words > 10
        || !capitalised
        || line.ends_with(['.', ':', '?', '!'])
        || key_value(line).is_some()
    {
        return None;
    }
    let title = clean_title(line)?;
    let c = classify_title(&title);
    let named =
        c.section.is_none() || (names_a_post(&title) && c.section != Some(Section::Narrative));
    (named && !c.weak && priority_marker(&title).is_none()).then_some(title)
}

/// Whether text is one of the post's details written "Label: value" ("Division: Digital
/// Public Services", "Location: Edinburgh", "Closing date: CLOSED"): a short capitalised
/// label of plain words before the colon, a value after it. "Job title: …" is read as the
/// title before this is asked.
fn labelled_detail(text: &str) -> bool {
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let label = label.trim();
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !value.trim().is_empty()
        && key_of(label) != Some(Key::Title)
        && !TITLE_NOISE.contains(&label.to_ascii_lowercase().as_str())
}

/// The first level-one heading, else the first heading of any kind, that names no section.
fn title_from_headings(blocks: &[Block]) -> Option<String> {
    let headings = blocks.iter().filter_map(|b| match &b.kind {
        BlockKind::Heading { level, text } => Some((*level, text.as_str())),
        _ => None,
    });
    // Judged after template words go: "Job description: Data Analyst" is a title, while
    // "Job description" alone names a section.
    let usable = |title: &str| {
        let c = classify_title(title);
        c.section.is_none()
            && !c.weak
            && priority_marker(title).is_none()
            && key_value(title).is_none()
    };
    // Documents with no level-one heading (Word files styled "Heading 6" throughout) start
    // at their own top level.
    let top = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut first_any = None;
    // Once a top-level heading has opened a section ("# The Role"), later top-level headings
    // are sections too ("# Our Tech Stack"), never the title; and a heading under a section
    // ("### Application" under "## Selection process") belongs to it.
    let mut after_section = false;
    let mut section_level = u8::MAX;
    for (n, (level, text)) in headings.enumerate() {
        // "### Division: Digital Public Services", "### Salary: £46,424": a detail of the
        // post written as a heading is neither its title nor a section.
        if labelled_detail(text) {
            continue;
        }
        let Some(title) = clean_title(text) else {
            after_section |= level == 1;
            section_level = section_level.min(level);
            continue;
        };
        // A template's "[Department]" stands for a name still to be written.
        if is_placeholder(&title) {
            continue;
        }
        // The document's first heading names the post ("# Technical architect") unless it
        // is made of section words.
        let narrative = matches!(
            classify_title(&title).section,
            Some(Section::Narrative | Section::Details)
        );
        if n == 0
            && (level == 1 || (level == top && level < PSEUDO_LEVEL))
            && (!narrative || post_after_a_topic(&title))
            && (names_a_post(&title) || ends_in_a_post_noun(&title))
            && priority_marker(&title).is_none()
        {
            return Some(title);
        }
        if !usable(&title) {
            after_section |= level == 1;
            section_level = section_level.min(level);
            continue;
        }
        // Bold text after a section's heading at its level is the body's ("**Coaching and
        // transformation**" under "**Person specification**"), never the title.
        if level > section_level || (level == PSEUDO_LEVEL && section_level == PSEUDO_LEVEL) {
            continue;
        }
        if level == 1 {
            if after_section {
                continue;
            }
            return Some(title);
        }
        first_any.get_or_insert(title);
    }
    first_any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::jd::{normalise::normalise, outline::outline};

    fn details(src: &str) -> Details {
        find(&outline(&normalise(src)))
    }

    #[test]
    fn appendix_table_with_an_empty_reference() {
        let d = details("**DevOps Role Definition**\n\n| **Appendix** |\n| --- | --- |\n| Reference number: | |\n| Grade: | SEO |\n");
        assert_eq!(d.title.as_deref(), Some("DevOps"));
        assert_eq!(d.grade.as_deref(), Some("SEO"));
        assert_eq!(d.reference, None, "an empty cell is no reference");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn grade_and_reference_lines() {
        let d = details("# Policy Officer\n\nGrade: B3\n\n**Reference number:** SG-2291\n");
        assert_eq!(d.title.as_deref(), Some("Policy Officer"));
        assert_eq!(d.grade.as_deref(), Some("B3"));
        assert_eq!(d.reference.as_deref(), Some("SG-2291"));
    }

    #[test]
    fn a_job_title_line_beats_headings() {
        let d =
            details("# Job description\n\nJob title: Senior Data Engineer\n\n* Grade: Grade 7\n");
        assert_eq!(d.title.as_deref(), Some("Senior Data Engineer"));
        assert_eq!(d.grade.as_deref(), Some("Grade 7"));
    }

    #[test]
    fn a_position_designation_is_the_title() {
        // rbg-policy-and-relationship-manager.md: the designation above, a differing "Job
        // Title" in the person specification below (reported).
        let d = details(">Grade: PO6\n>Position Designation: Policy and Relationship Manager\n\n## Person Specification\nJob Title: Policy and Relationship Management\nGrade: PO6\n");
        assert_eq!(d.title.as_deref(), Some("Policy and Relationship Manager"));
        assert_eq!(d.grade.as_deref(), Some("PO6"));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("\"Policy and Relationship Management\" differs")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn details_written_as_headings_are_not_the_title() {
        // sg-front-end-developer.md: every heading "###", the post's details among them, the
        // title only in the page's metadata.
        let d = details("---\nlayout: job-description\ntitle:  \"Front End Developer\"\n---\n\n### Division: Digital Public Services\n### Grade: C1\n### Location: Edinburgh\n\n### Overview\n\nText.\n");
        assert_eq!(d.title.as_deref(), Some("Front End Developer"));
        assert_eq!(d.grade.as_deref(), Some("C1"));
        // A title with a template word before the colon is still a title.
        let d = details("# Job description: Data Analyst\n");
        assert_eq!(d.title.as_deref(), Some("Data Analyst"));
    }

    #[test]
    fn a_first_heading_that_ends_in_a_post_is_the_title() {
        // sg-user-experience-lead.md: "experience" would name a section; "Lead" names a post.
        let d = details("# User Experience Lead\n\nText.\n\n## Main Duties\n* Lead.\n");
        assert_eq!(d.title.as_deref(), Some("User Experience Lead"));
        // A section's heading is still no title.
        let d = details("# Skills and experience\n\n* One\n");
        assert_eq!(d.title, None);
    }

    #[test]
    fn conflicting_grades_are_reported() {
        let d = details("# X\n\nGrade: SEO\n\nGrade: HEO\n");
        assert_eq!(d.grade.as_deref(), Some("SEO"));
        assert_eq!(
            d.warnings,
            vec!["line 5: grade \"HEO\" differs from \"SEO\" (line 3); used \"SEO\"".to_owned()]
        );
    }

    #[test]
    fn section_headings_are_not_titles() {
        let d = details("## Behaviours\n\n## Senior Analyst\n");
        assert_eq!(d.title.as_deref(), Some("Senior Analyst"));
        let d = details("# Job description: Senior Education Data Analyst\n");
        assert_eq!(d.title.as_deref(), Some("Senior Education Data Analyst"));
    }

    #[test]
    fn title_noise() {
        assert_eq!(
            clean_title("Principal DevOps Role Definition").as_deref(),
            Some("Principal DevOps")
        );
        assert_eq!(
            clean_title("Job description: Data Analyst").as_deref(),
            Some("Data Analyst")
        );
        assert_eq!(clean_title("Job Description"), None);
    }

    #[test]
    fn grades_as_a_panel_writes_them() {
        assert_eq!(normalise_grade("Senior Executive Officer (SEO)"), "SEO");
        // mod-dio-people-data-analyst.txt, moj-laa-lead-technical-architect.md
        assert_eq!(normalise_grade("Higher Executive Officer"), "HEO");
        assert_eq!(normalise_grade("6"), "Grade 6");
        assert_eq!(normalise_grade("B3"), "B3");
        assert_eq!(normalise_grade("Grade 7"), "Grade 7");
        // dfe-lead-service-designer.md
        assert_eq!(
            grade_in_title("Lead Service Designer (G6)"),
            Some(("Lead Service Designer".into(), "G6".into()))
        );
        assert_eq!(grade_in_title("Developer (Ruby)"), None);
    }

    #[test]
    fn grade_in_the_title_or_on_its_own_line() {
        let d = details("# Service Designer (SEO)\n\nIt’s an exciting time.\n");
        assert_eq!(d.title.as_deref(), Some("Service Designer"));
        assert_eq!(d.grade.as_deref(), Some("SEO"));
        // dfe-senior-developer.md
        let d = details("# Senior C#/Ruby Developer\n\nGrade 7\n\n## You will:\n");
        assert_eq!(d.grade.as_deref(), Some("Grade 7"));
    }

    #[test]
    fn a_band_after_a_dash_and_a_title_at_the_documents_top_level() {
        let d = details(
            "Business Analyst – B2\n\nTo be effective you will be familiar with services.\n",
        );
        assert_eq!(d.title.as_deref(), Some("Business Analyst"));
        assert_eq!(d.grade.as_deref(), Some("B2"));
        let d = details("###### Technical Architect\n\n###### We want to expand our team.\n\n###### PERSON SPECIFICATION\n");
        assert_eq!(d.title.as_deref(), Some("Technical Architect"));
        // A hyphenated word is not a dash: no grade.
        assert_eq!(grade_in_title("Front-end developer - remote"), None);
    }

    #[test]
    fn a_cover_page_names_the_post_above_the_documents_name() {
        // gds-cdo-applicant-pack.docx: bold lines on a cover page, a heading styled "Heading
        // 1" only for "Equal Opportunities" near the end.
        let d = details("[Department logo]\n\n**[Department]**\n\n**Chief Digital Officer**\n\n**Applicant Information Pack**\n\n**Contents**\n\nWelcome\n\nDear Applicant,\n\nThank you for expressing interest in the post of the department.\n\n# Equal Opportunities\n\nText.\n");
        assert_eq!(d.title.as_deref(), Some("Chief Digital Officer"));
        // The department's placeholder above the post is never the title.
        let d =
            details("**[Department]**\n\n**Applicant Information Pack**\n\n## Technology Lead\n");
        assert_eq!(d.title.as_deref(), Some("Technology Lead"));
    }

    #[test]
    fn a_grade_alone_in_bold_under_the_title() {
        // dfe-ddt-senior-content-designer.docx: the grade is a bold line of its own.
        let d = details(
            "**Senior Content Designer Job description**\n\n**G7**\n\n### Summary\n\nText.\n",
        );
        assert_eq!(d.title.as_deref(), Some("Senior Content Designer"));
        assert_eq!(d.grade.as_deref(), Some("G7"));
    }

    #[test]
    fn a_forms_labels_run_into_one_cell() {
        // gds-service-manager-job-description.pdf: the form's labels drawn back into one cell.
        let d = details("| POST TITLE: | Service Manager |\n| --- | --- |\n| PAYBAND: UNIT/DIVISION: LOCATION: TYPE OF POSTING: 24 Month Fixed Term | SCS1 |\n");
        assert_eq!(d.title.as_deref(), Some("Service Manager"));
        assert_eq!(d.grade.as_deref(), Some("SCS1"));
    }

    #[test]
    fn a_grade_in_a_sentence_of_the_terms() {
        // gds-cdo-applicant-pack.docx's "Reward".
        let d = details("# Chief Digital Officer\n\n**Reward**\nThe role is SCS pay band 2, which ranges from £82,900 to £162,500.\n");
        assert_eq!(d.grade.as_deref(), Some("SCS2"));
        assert_eq!(
            grade_in_sentence("The post is Grade 7."),
            Some("Grade 7".into())
        );
        assert_eq!(grade_in_sentence("The role is based in Leeds."), None);
        assert_eq!(
            grade_in_sentence("The role is exciting, SCS pay band 2"),
            None
        );
    }

    #[test]
    fn a_label_above_its_value() {
        // mod-dio-people-data-analyst.txt, a saved Civil Service Jobs advert.
        let d = details("DIO -  People Team Data Analyst\nMinistry of Defence\n\nReference number\n286947\nJob grade\nHigher Executive Officer\n");
        assert_eq!(d.title.as_deref(), Some("DIO - People Team Data Analyst"));
        assert_eq!(d.grade.as_deref(), Some("HEO"));
        assert_eq!(d.reference.as_deref(), Some("286947"));
        // A GOV.UK summary list: the term, then its value.
        let d = details("# Analyst\n\n<dl><dt>Grade</dt><dd>HEO</dd></dl>\n");
        assert_eq!(d.grade.as_deref(), Some("HEO"));
    }

    #[test]
    fn placeholders_are_not_values() {
        // moj-devops-engineer.md
        let d = details("# DevOps Engineer\n**Grade:** SEO\n*Vacancy Number:** [Insert Number]\n");
        assert_eq!(d.grade.as_deref(), Some("SEO"));
        assert_eq!(d.reference, None);
    }

    #[test]
    fn page_metadata_titles_only_when_the_page_has_none() {
        // dfe-senior-technical-architect.md: no heading of its own.
        let d = details("---\ntitle: Senior Technical Architect\nweight: 10\n---\n\n## The role\n");
        assert_eq!(d.title.as_deref(), Some("Senior Technical Architect"));
        // dfe-junior-sre.md: the heading wins over the navigation label.
        let d = details("---\ntitle: Junior SRE\n---\n\n# Junior Site Reliability Engineer\n");
        assert_eq!(d.title.as_deref(), Some("Junior Site Reliability Engineer"));
        assert!(d.warnings[0].contains("\"Junior SRE\""), "{:?}", d.warnings);
    }

    #[test]
    fn a_title_on_the_first_line_and_sections_after_it() {
        // moj-laa-lead-technical-architect.md: top-level headings are all sections.
        let d = details(
            "Lead Technical Architect\n\nGrade: 6\n\n# The Role\n\ntext\n\n# Our Tech Stack\n",
        );
        assert_eq!(d.title.as_deref(), Some("Lead Technical Architect"));
        assert_eq!(d.grade.as_deref(), Some("Grade 6"));
        // A heading under a section is not the title.
        let d = details("## Selection process\n\n### Application\n");
        assert_eq!(d.title, None);
    }

    #[test]
    fn page_metadata_title_over_a_heading_that_names_no_post() {
        let cases = [
            // cds-research-operations-coordinator.md: the first heading is a team's, the post
            // is named only in the page's metadata.
            (
                "---\nlayout: job-posting\ntitle: 'Research Operations Coordinator'\n---\n\n## CX Team \n**About the Canadian Digital Service**\n\nText.\n",
                "Research Operations Coordinator",
            ),
            // cds-product-manager.md
            (
                "---\ntitle: Product Manager\n---\nText.\n\n## Provide product management leadership:\n\n* Planning.\n",
                "Product Manager",
            ),
            // A heading that names the post still wins (dfe-lead-solution-architect.md).
            (
                "---\ntitle: Solution Architect\n---\n\n# Lead Solution Architect\n",
                "Lead Solution Architect",
            ),
        ];
        for (src, title) in cases {
            assert_eq!(details(src).title.as_deref(), Some(title), "{src}");
        }
    }

    #[test]
    fn grade_as_the_sentence_classifying_the_post_gives_it() {
        let cases = [
            // cds-team-lead-gc-notify.md: the Government of Canada's group and level, kept as
            // written, alternatives and link text and all.
            ("This role is a 2 year-term position and is classified as an [IT-04 or IT-05](https://www.tbs-sct.canada.ca/agreements-conventions/view-visualiser-eng.aspx?id=1#toc12259212260/) in the Computer Systems group. CDS is a fully distributed team.", Some("IT-04 or IT-05")),
            // cds-research-operations-coordinator.md: in bold.
            ("**This role is a 2 year-term position and is classified as an [EC-04](https://www.tbs-sct.canada.ca/x?id=4) in the Economics and Social Science Services (EC) group.**", Some("EC-04")),
            // cds-technical-operations-analyst.md: no article.
            ("This position is classified as [IT-02](https://x.example/) in the Computer Systems group, will report to the Team Lead.", Some("IT-02")),
            // cds-full-stack-developer-partnerships.md: levels listed with commas, then "or".
            ("Based on your level of experience developers are classified as [CS-03, CS-04 or CS-05](https://www.tbs-sct.gc.ca/agreements-conventions/view-visualiser-eng.aspx?id=1#toc12259212260/) in the Computer Systems group.", Some("CS-03, CS-04 or CS-05")),
            // The same without the link, and with a comma before the "or".
            ("Developers are classified as CS-03, CS-04, or CS-05 in the Computer Systems group.", Some("CS-03, CS-04, or CS-05")),
            // Classified as something that is no grade gives none.
            ("The data is classified as official-sensitive in most cases.", None),
        ];
        for (line, grade) in cases {
            let d = details(&format!("# Team\n\n{line}\n"));
            assert_eq!(d.grade.as_deref(), grade, "{line}");
        }
    }

    /// A US federal posting (18F, 2017): the page's title with the employer's initials and
    /// the grade, "Job Title:" the official title, a note naming the post, the grade as
    /// "Series & Grade:" over "0301-14".
    #[test]
    fn a_us_postings_post_and_general_schedule_grade() {
        let src = "---\ntitle: 18F Consulting Software Engineer GS-14 \n---\n\n\
**Please note: Innovation Specialist is the offical government title for this Consulting Software Engineer position.**\n\n\
## Role Summary: \n\n### Consulting Software Engineer GS-14\n\nText.\n\n\
## Basic Information\n\n**Job Title:** Innovation Specialist\n\n**Series & Grade:** \n0301-14\n";
        let d = details(src);
        assert_eq!(d.title.as_deref(), Some("Consulting Software Engineer"));
        assert_eq!(d.grade.as_deref(), Some("GS-14"));
    }

    /// "TTS Talent Acquisition Specialist", "Office of Acquisition Design Lead" over a heading
    /// naming the post alone: the words before it name the employer.
    #[test]
    fn an_employers_name_before_the_post_a_heading_names() {
        for (page, heading, want) in [
            (
                "TTS Talent Acquisition Specialist",
                "Talent Acquisition Specialist",
                "Talent Acquisition Specialist",
            ),
            (
                "Office of Acquisition Design Lead",
                "Design Lead GS-14",
                "Design Lead",
            ),
            // "Senior" is no employer: the page's title stands.
            (
                "Senior Content Designer",
                "Content Designer",
                "Senior Content Designer",
            ),
        ] {
            let src =
                format!("---\ntitle: {page}\n---\n\n## Role Summary\n\n### {heading}\n\nText.\n");
            assert_eq!(details(&src).title.as_deref(), Some(want), "{page}");
        }
        assert_eq!(normalise_grade("0301-15"), "GS-15");
        assert_eq!(
            grade_in_title("Strategist GS-15"),
            Some(("Strategist".to_owned(), "GS-15".to_owned()))
        );
    }

    #[test]
    fn a_post_named_after_a_topic_word_is_the_title() {
        // The State of California's security-engineer.md: "Security" would make the heading
        // a narrative one.
        let d = details("\n\n# Security Engineer    \nA Security Engineer serves as the security engineer of complex technology implementations.\n\n## Experience\nThis classification must have a minimum of ten (10) years of experience.\n");
        assert_eq!(d.title.as_deref(), Some("Security Engineer"));
    }
}
