//! Plain text (a job advert saved or pasted as text): its structure found from the layout.
//!
//! A text file has no markup, only lines and blank lines, so:
//! - the first line, when short, is the title;
//! - a short line standing alone is a heading: a real section heading ("Behaviours",
//!   "Essential criteria:") when the section rules know its words, otherwise a name in Title
//!   Case ("Seeing the Big Picture"), which is written bold, the way such names are marked in
//!   Markdown, so that the lines under it stay its indicators instead of becoming criteria;
//! - lines that start with a bullet, and the lines of a block that follows a colon or a name,
//!   are list items; a line starting in lower case continues the line before;
//! - other blocks are paragraphs;
//! - a saved Civil Service Jobs advert puts each detail's label on one line and its value on
//!   the next ("Job grade" / "Higher Executive Officer"): such a block becomes "Label: value"
//!   items, so the details are read as they are from a table;
//! - text copied out of a PDF often loses the blank line before a heading: a section heading
//!   line right after a finished sentence starts a block of its own.
//!
//! Text that already uses Markdown (`#` headings, `**bold**`, `* ` bullets) is left as it is.

use super::super::classify::{classify_title, priority_marker};
use super::super::details::is_detail_key;
use super::parts::{to_markdown as render, Part, Run};

/// Most words a heading line has.
const HEADING_WORDS: usize = 10;

/// Characters that start a bulleted line in text saved from Word, a browser or a PDF.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '●', '○', '■', '□', '‣', '·', '-', '–', '—', '*', '✓', '\u{F0B7}',
];

/// The text as Markdown: unchanged when it already is Markdown.
pub(super) fn to_markdown(text: &str) -> String {
    if looks_like_markdown(text) {
        return text.to_owned();
    }
    render(&parts(text))
}

/// Whether the text already marks its structure in Markdown.
fn looks_like_markdown(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim_start();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        (1..=6).contains(&hashes)
            && t[hashes..]
                .chars()
                .next()
                .is_some_and(|c| c == ' ' || c.is_alphabetic())
            || t.starts_with("**") && t[2..].contains("**")
            || t.starts_with("|") && t.ends_with('|')
            || t.starts_with("<table")
    })
}

/// What a line looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A section heading the rules recognise, or a priority marker.
    Section,
    /// A priority marker ("Essential criteria:"), written bold as in Markdown.
    Marker,
    /// A short Title Case name.
    Name,
    Other,
}

fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// "Grade: SEO" — a key, a colon and a value.
fn is_key_value(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(k, v)| !v.trim().is_empty() && words(k).len() <= 5)
}

fn starts_upper(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Words every capitalised name may leave in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "&", "-", "–", "your", "our",
];

fn title_case(line: &str) -> bool {
    let ws = words(line);
    let significant: Vec<&&str> = ws
        .iter()
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    !significant.is_empty()
        && significant.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
}

fn shape(line: &str) -> Shape {
    let n = words(line).len();
    if n == 0 || n > HEADING_WORDS || bullet(line).is_some() || !starts_upper(line) {
        return Shape::Other;
    }
    let last = line.trim_end().chars().last().unwrap_or(' ');
    if matches!(last, '.' | ',' | ';' | '!' | '?') || is_key_value(line) {
        return Shape::Other;
    }
    if priority_marker(line).is_some() {
        return Shape::Marker;
    }
    if last == ':' {
        return Shape::Other;
    }
    let class = classify_title(line);
    if class.section.is_some() || class.weak {
        return Shape::Section;
    }
    if title_case(line) {
        Shape::Name
    } else {
        Shape::Other
    }
}

/// The text after a bullet, and the bullet's indent, when the line is bulleted.
fn bullet(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    let first = t.chars().next()?;
    let rest = &t[first.len_utf8()..];
    let bulleted = BULLETS.contains(&first) && rest.starts_with(char::is_whitespace)
        || (first == 'o'
            && rest.starts_with(['\t', ' '])
            && rest.trim_start().starts_with(char::is_uppercase));
    bulleted.then(|| (indent, rest.trim()))
}

fn text_run(text: &str, bold: bool) -> Vec<Run> {
    vec![Run {
        text: text.trim().to_owned(),
        bold,
    }]
}

/// Blocks of lines separated by blank lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut blocks = vec![Vec::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            if blocks.last().is_some_and(|b| !b.is_empty()) {
                blocks.push(Vec::new());
            }
        } else {
            let block = blocks.last_mut().expect("never empty");
            match run_in_name(line.trim_end()) {
                Some((intro, name)) => block.extend([intro, name]),
                None => block.push(line.trim_end()),
            }
        }
    }
    blocks.retain(|b| !b.is_empty());
    blocks.into_iter().flat_map(split_at_headings).collect()
}

/// A sentence that runs into the first name of its list, as a saved advert has it ("We'll
/// assess you against these behaviours during the selection process: Delivering at Pace"):
/// the sentence (with its colon) and the name, as two lines.
fn run_in_name(line: &str) -> Option<(&str, &str)> {
    if bullet(line).is_some() {
        return None;
    }
    let colon = line.find(':')?;
    let (intro, name) = (&line[..=colon], line[colon + 1..].trim());
    let sentence = words(intro).len() >= 5;
    let a_name = !name.is_empty()
        && words(name).len() <= 6
        && starts_upper(name)
        && title_case(name)
        && !name.ends_with(['.', ',', ';', ':', '!', '?']);
    (sentence && a_name).then_some((intro, name))
}

/// Splits a block where a section heading follows a finished sentence with no blank line
/// between them ("…Prometheus, Grafana." / "Person specification").
fn split_at_headings(block: Vec<&str>) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for (i, line) in block.iter().enumerate() {
        let after_sentence = i > 0
            && block[i - 1].trim_end().ends_with(['.', '!', '?'])
            && bullet(block[i - 1]).is_none();
        if after_sentence && shape(line) == Shape::Section {
            out.push(Vec::new());
        }
        out.last_mut().expect("never empty").push(line);
    }
    out
}

/// A saved advert's details, each label on its own line above its value: "Label: value" for
/// each pair. Only when the lines pair up, every label is short, and at least one label is a
/// detail the importer knows (so a list of behaviour names is never paired up).
fn stacked_details(lines: &[&str]) -> Option<Vec<String>> {
    if lines.len() < 4 || lines.len() % 2 != 0 {
        return None;
    }
    let labels: Vec<&str> = lines.iter().step_by(2).map(|l| l.trim()).collect();
    let label_like = |l: &str| {
        words(l).len() <= 5
            && starts_upper(l)
            && !l.contains(':')
            && !l.ends_with(['.', ',', ';', '!', '?'])
            && bullet(l).is_none()
    };
    if !labels.iter().all(|l| label_like(l)) || !labels.iter().any(|l| is_detail_key(l)) {
        return None;
    }
    Some(
        lines
            .chunks(2)
            .map(|pair| format!("{}: {}", pair[0].trim(), pair[1].trim()))
            .collect(),
    )
}

fn heading_part(line: &str, shape: Shape) -> Part {
    match shape {
        Shape::Section => Part::Heading {
            level: 2,
            text: text_run(line, false),
        },
        _ => Part::Paragraph(text_run(line, true)),
    }
}

/// Lines as list items: bulleted lines at their indent, lower-case lines joined to the item
/// before.
fn items(lines: &[&str], parts: &mut Vec<Part>) {
    let base = lines
        .iter()
        .filter_map(|l| bullet(l).map(|b| b.0))
        .min()
        .unwrap_or(0);
    for line in lines {
        let (depth, text) = match bullet(line) {
            Some((indent, text)) => ((indent.saturating_sub(base) / 2).min(8), text),
            None => (0, line.trim()),
        };
        if bullet(line).is_none() && text.ends_with(':') && words(text).len() >= 4 {
            // An introduction between the items ("We only ask for evidence of these
            // behaviours on your application form:") stays a sentence, not an item.
            parts.push(Part::Paragraph(text_run(text, false)));
            continue;
        }
        if !starts_upper(text) && bullet(line).is_none() {
            if let Some(Part::Item { text: previous, .. }) = parts.last_mut() {
                if let Some(run) = previous.last_mut() {
                    run.text.push(' ');
                    run.text.push_str(text);
                    continue;
                }
            }
        }
        parts.push(Part::Item {
            depth,
            text: text_run(text, false),
        });
    }
}

/// The parts of a text.
fn parts(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    // Whether the block before asks for a list (it ended with a colon, or was a name).
    let mut list_follows = false;
    for (index, block) in blocks(text).iter().enumerate() {
        let mut lines: &[&str] = block;
        if index == 0 && lines.len() <= 2 {
            // The title alone, or the title over its organisation ("Ministry of Defence").
            let title = lines[0].trim();
            let short_line = |l: &str| {
                words(l).len() <= 14 && starts_upper(l) && !is_key_value(l) && !l.ends_with('.')
            };
            if short_line(title) && lines[1..].iter().all(|l| short_line(l.trim())) {
                parts.push(Part::Heading {
                    level: 1,
                    text: text_run(title, false),
                });
                if let Some(organisation) = lines.get(1) {
                    parts.push(Part::Paragraph(text_run(organisation, false)));
                }
                continue;
            }
        }
        if let Some(details) = stacked_details(lines) {
            for detail in details {
                parts.push(Part::Item {
                    depth: 0,
                    text: text_run(&detail, false),
                });
            }
            list_follows = false;
            continue;
        }
        let shapes: Vec<Shape> = lines.iter().map(|l| shape(l)).collect();
        let all_names = lines.len() > 1 && shapes.iter().all(|&s| s == Shape::Name);
        if !list_follows && !all_names && shapes[0] != Shape::Other {
            parts.push(heading_part(lines[0], shapes[0]));
            list_follows = shapes[0] != Shape::Section;
            lines = &lines[1..];
            if lines.is_empty() {
                continue;
            }
        }
        let bulleted = lines
            .iter()
            .all(|l| bullet(l).is_some() || !starts_upper(l));
        let each_a_line =
            lines.len() > 1 && lines.iter().all(|l| starts_upper(l) || bullet(l).is_some());
        if bulleted || list_follows || each_a_line || all_names {
            items(lines, &mut parts);
        } else {
            let runs = text_run(&lines.join("\n"), false);
            parts.push(Part::Paragraph(runs));
        }
        list_follows = lines.last().is_some_and(|l| l.trim_end().ends_with(':'));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_civil_service_jobs_advert_in_text_gets_its_structure() {
        let text = "Policy Officer\n\nReference number: 1234\nGrade: HEO\n\nBehaviours\n\nWe'll assess you against these behaviours:\n\nSeeing the Big Picture\nWorking Together\n\nSeeing the Big Picture\n\nUnderstand how your work supports\nthe organisation\nKeep up to date\n\nEssential criteria:\n\nExperience of working in a government digital team\n\nBenefits\n\nA pension. And leave.\n";
        assert_eq!(
            to_markdown(text),
            "# Policy Officer\n\n* Reference number: 1234\n* Grade: HEO\n\n## Behaviours\n\nWe'll assess you against these behaviours:\n\n* Seeing the Big Picture\n* Working Together\n\n**Seeing the Big Picture**\n\n* Understand how your work supports the organisation\n* Keep up to date\n\n**Essential criteria:**\n\n* Experience of working in a government digital team\n\n## Benefits\n\nA pension. And leave.\n"
        );
    }

    #[test]
    fn bullets_and_prose() {
        let text =
            "Title\n\nSome prose that wraps\nonto a second line.\n\n• one\n  ◦ deeper\n• two\n";
        assert_eq!(
            to_markdown(text),
            "# Title\n\nSome prose that wraps\nonto a second line.\n\n* one\n  * deeper\n* two\n"
        );
    }

    #[test]
    fn a_saved_advert_title_organisation_and_stacked_details() {
        let text = "DIO - People Team Data Analyst\nMinistry of Defence\n\nReference number\n286947\nJob grade\nHigher Executive Officer\n\nBehaviours\n";
        assert_eq!(
            to_markdown(text),
            "# DIO - People Team Data Analyst\n\nMinistry of Defence\n\n* Reference number: 286947\n* Job grade: Higher Executive Officer\n\n## Behaviours\n"
        );
    }

    #[test]
    fn names_in_a_block_are_not_paired_as_details() {
        let text = "Title\n\nBehaviours\n\nSeeing the Big Picture\nWorking Together\nDelivering at Pace\nMaking Effective Decisions\n";
        assert!(!to_markdown(text).contains(": "), "{}", to_markdown(text));
    }

    #[test]
    fn a_heading_after_a_finished_sentence_starts_a_section() {
        let text = "Title\n\nWe use Terraform,\nPrometheus, Grafana.\nPerson specification\n\nEssential criteria:\n\nExperience of Linux\n";
        let md = to_markdown(text);
        assert!(
            md.contains("Prometheus, Grafana.\n\n## Person specification\n"),
            "{md}"
        );
    }

    #[test]
    fn a_name_run_into_its_introduction_is_a_line_of_its_own() {
        assert_eq!(
            run_in_name("We'll assess you against these behaviours during the selection process: Delivering at Pace"),
            Some(("We'll assess you against these behaviours during the selection process:", "Delivering at Pace"))
        );
        assert_eq!(run_in_name("Grade: Higher Executive Officer"), None);
        assert_eq!(
            run_in_name("We will look at the following: how you work with others"),
            None
        );
    }

    #[test]
    fn markdown_in_a_text_file_is_left_alone() {
        let md = "# Title\n\n* one\n";
        assert_eq!(to_markdown(md), md);
        assert!(!looks_like_markdown("Title\n\n#1 priority is people\n"));
    }
}
