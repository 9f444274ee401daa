//! Finding the role's title, grade and reference.
//!
//! These are written as key–value pairs in many places: a table row (`| Grade: | SEO |`), a
//! line (`Grade: B3`, `**Reference number:** 12345`), a list item or a heading. The first
//! filled value wins; a different value later is reported, as the user must choose. The
//! title falls back to the document's first heading that is not a section heading, with
//! template words such as "Role Definition" dropped.

use super::classify::{classify_title, fold, priority_marker};
use super::outline::{collapse, Block, BlockKind};

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
        | "post" | "vacancy title" | "position title" => Some(Key::Title),
        "grade"
        | "band"
        | "grade/band"
        | "grade or band"
        | "pay band"
        | "pay grade"
        | "job grade"
        | "civil service grade"
        | "banding"
        | "grade and band" => Some(Key::Grade),
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

/// Tidies a value: emphasis markers and separators dropped.
fn clean_value(v: &str) -> Option<String> {
    let v =
        collapse(v.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ':' | '|')));
    (!v.is_empty() && v.chars().any(char::is_alphanumeric)).then_some(v)
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
    for b in blocks {
        match &b.kind {
            BlockKind::Row { cells, .. } => {
                if let Some(key) = cells.first().and_then(|c| key_of(&c.text)) {
                    if let Some(v) = cells[1..].iter().find_map(|c| clean_value(&c.text)) {
                        found.push((key, v, b.line));
                    }
                }
            }
            BlockKind::Paragraph { lines, .. } => {
                for l in lines {
                    if let Some((key, v)) = key_value(l) {
                        if let Some(v) = clean_value(v) {
                            found.push((key, v, b.line));
                        }
                    }
                }
            }
            BlockKind::Item { text, .. } | BlockKind::Heading { text, .. } => {
                if let Some((key, v)) = key_value(text) {
                    if let Some(v) = clean_value(v) {
                        found.push((key, v, b.line));
                    }
                }
            }
        }
    }
    let mut details = Details::default();
    for want in [Key::Title, Key::Grade, Key::Reference] {
        let mut values = found.iter().filter(|(k, ..)| *k == want);
        let Some((_, first, first_line)) = values.next() else {
            continue;
        };
        for (_, other, line) in values {
            if other != first {
                let name = match want {
                    Key::Title => "job title",
                    Key::Grade => "grade",
                    Key::Reference => "reference",
                };
                details.warnings.push(format!(
                    "line {line}: {name} \"{other}\" differs from \"{first}\" (line {first_line}); used \"{first}\""
                ));
            }
        }
        let value = Some(first.clone());
        match want {
            Key::Title => details.title = value.and_then(|v| clean_title(&v)),
            Key::Grade => details.grade = value,
            Key::Reference => details.reference = value,
        }
    }
    if details.title.is_none() {
        details.title = title_from_headings(blocks);
    }
    details
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
    let mut first_any = None;
    for (level, text) in headings {
        let Some(title) = clean_title(text) else {
            continue;
        };
        if !usable(&title) {
            continue;
        }
        if level == 1 {
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
}
