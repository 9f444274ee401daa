//! OpenDocument text (.odt): `content.xml` read with the styles of `content.xml` and
//! `styles.xml`.
//!
//! Headings are `text:h` (with their outline level) or paragraphs whose style is a title or
//! has a default outline level, followed through parent styles; list items are paragraphs
//! inside `text:list` (depth by nesting); bold comes from the span's or paragraph's style
//! (`fo:font-weight`); tables row by row. Tracked deletions, annotations and note citations
//! are skipped.

use std::collections::HashMap;

use super::docx::heading_level_of_name;
use super::parts::{Part, Run};
use super::xml::{parse, Xml};
use super::{style_chain, Problem, TableBuilder};

/// What a style sets, before inheritance.
#[derive(Debug, Default, Clone)]
struct Style {
    display_name: Option<String>,
    parent: Option<String>,
    outline: Option<u8>,
    bold: Option<bool>,
}

#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn add(&mut self, events: &[Xml]) {
        let mut current: Option<(String, Style)> = None;
        for event in events {
            match event {
                Xml::Open { name, .. } if name == "style" => {
                    current = event.attr("name").map(|n| {
                        (
                            n.to_owned(),
                            Style {
                                display_name: event.attr("display-name").map(str::to_owned),
                                parent: event.attr("parent-style-name").map(str::to_owned),
                                outline: event
                                    .attr("default-outline-level")
                                    .and_then(|v| v.parse().ok()),
                                bold: None,
                            },
                        )
                    });
                }
                Xml::Open { name, .. } if name == "text-properties" => {
                    if let (Some((_, style)), Some(weight)) =
                        (current.as_mut(), event.attr("font-weight"))
                    {
                        style.bold = Some(is_bold_weight(weight));
                    }
                }
                Xml::Close(name) if name == "style" => {
                    if let Some((n, style)) = current.take() {
                        self.0.insert(n, style);
                    }
                }
                _ => {}
            }
        }
    }

    fn chain<'a>(&'a self, name: &str) -> impl Iterator<Item = (&'a str, &'a Style)> + 'a {
        style_chain(&self.0, name, |s| s.parent.as_deref())
    }

    fn heading_level(&self, name: &str) -> Option<u8> {
        for (n, style) in self.chain(name) {
            let shown = style
                .display_name
                .clone()
                .unwrap_or_else(|| n.replace("_20_", " "));
            if let Some(level) = heading_level_of_name(&shown) {
                return Some(level);
            }
            if let Some(outline) = style.outline.filter(|&o| o >= 1) {
                return Some(outline.min(6));
            }
        }
        None
    }

    fn bold(&self, name: &str) -> Option<bool> {
        self.chain(name).find_map(|(_, s)| s.bold)
    }
}

fn is_bold_weight(weight: &str) -> bool {
    weight == "bold" || weight.parse::<u16>().is_ok_and(|w| w >= 600)
}

/// A paragraph or heading being read.
struct Paragraph {
    heading: Option<u8>,
    style_bold: bool,
    runs: Vec<Run>,
}

/// Reads an .odt document's structure.
pub(super) fn read(content: &[u8], styles: Option<&[u8]>) -> Result<Vec<Part>, Problem> {
    let mut known = Styles::default();
    if let Some(bytes) = styles {
        known.add(&parse(bytes).map_err(Problem::Damaged)?);
    }
    let events = parse(content).map_err(Problem::Damaged)?;
    known.add(&events);
    let mut out = TableBuilder::default();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    // Bold of each open span, innermost last.
    let mut spans: Vec<Option<bool>> = Vec::new();
    let mut list_depth = 0usize;
    // Whether the innermost open list item already gave an item (later paragraphs join it).
    let mut item_started: Vec<bool> = Vec::new();
    let mut skipping = 0usize;
    let mut in_body = false;
    for event in &events {
        match event {
            Xml::Open { name, .. } => {
                if skipping > 0
                    || matches!(
                        name.as_str(),
                        "tracked-changes" | "annotation" | "note-citation" | "sequence-decls"
                    )
                {
                    skipping += 1;
                    continue;
                }
                match name.as_str() {
                    "body" => in_body = true,
                    "h" | "p" if in_body => {
                        let style = event.attr("style-name").unwrap_or_default();
                        let heading = if name == "h" {
                            Some(
                                event
                                    .attr("outline-level")
                                    .and_then(|v| v.parse::<u8>().ok())
                                    .unwrap_or(1)
                                    .clamp(1, 6),
                            )
                        } else {
                            known.heading_level(style)
                        };
                        paragraphs.push(Paragraph {
                            heading,
                            style_bold: known.bold(style).unwrap_or(false),
                            runs: Vec::new(),
                        });
                    }
                    "span" => spans.push(event.attr("style-name").and_then(|s| known.bold(s))),
                    "s" => {
                        let count = event
                            .attr("c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1)
                            .min(8);
                        push(&mut paragraphs, &spans, &" ".repeat(count));
                    }
                    "tab" => push(&mut paragraphs, &spans, " "),
                    "line-break" => push_raw(&mut paragraphs, &spans, "\n".to_owned()),
                    "list" => list_depth += 1,
                    "list-item" | "list-header" => item_started.push(false),
                    "table" => out.open_table(),
                    "table-row" => out.open_row(),
                    "table-cell" => out.open_cell(),
                    _ => {}
                }
            }
            Xml::Close(name) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                match name.as_str() {
                    "h" | "p" => {
                        if let Some(p) = paragraphs.pop() {
                            finish(p, list_depth, &mut item_started, &mut out);
                        }
                    }
                    "span" => {
                        spans.pop();
                    }
                    "list" => list_depth = list_depth.saturating_sub(1),
                    "list-item" | "list-header" => {
                        item_started.pop();
                    }
                    "table" => out.close_table(),
                    _ => {}
                }
            }
            Xml::Text(text) => {
                if skipping == 0 {
                    push(&mut paragraphs, &spans, text);
                }
            }
        }
    }
    Ok(out.finish())
}

/// Adds document text; XML line breaks in it are only source formatting (ODF marks its
/// spaces and line breaks with elements).
fn push(paragraphs: &mut [Paragraph], spans: &[Option<bool>], text: &str) {
    push_raw(paragraphs, spans, text.replace(['\n', '\r', '\t'], " "));
}

fn push_raw(paragraphs: &mut [Paragraph], spans: &[Option<bool>], text: String) {
    let Some(p) = paragraphs.last_mut() else {
        return;
    };
    let bold = spans.iter().rev().find_map(|b| *b).unwrap_or(p.style_bold);
    match p.runs.last_mut() {
        Some(last) if last.bold == bold => last.text.push_str(&text),
        _ => p.runs.push(Run { text, bold }),
    }
}

fn finish(p: Paragraph, list_depth: usize, item_started: &mut [bool], out: &mut TableBuilder) {
    if p.runs.iter().all(|r| r.text.trim().is_empty()) {
        return;
    }
    if let Some(level) = p.heading {
        out.push(Part::Heading {
            level,
            text: p.runs,
        });
        return;
    }
    match item_started.last_mut() {
        Some(started) if list_depth > 0 => {
            if *started {
                out.push(Part::Paragraph(p.runs));
            } else {
                *started = true;
                out.push(Part::Item {
                    depth: (list_depth - 1).min(8),
                    text: p.runs,
                });
            }
        }
        _ => out.push(Part::Paragraph(p.runs)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::jd::formats::parts::run;

    const STYLES: &[u8] = br#"<office:document-styles xmlns:office="o" xmlns:style="s" xmlns:fo="f"><office:styles>
<style:style style:name="Heading" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
<style:style style:name="Strong_20_Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles></office:document-styles>"#;

    fn doc(body: &str) -> Vec<Part> {
        let xml = format!(
            r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:fo="f" xmlns:table="b"><office:automatic-styles><style:style style:name="P1" style:parent-style-name="Heading_20_2"/><style:style style:name="T1"><style:text-properties fo:font-weight="700"/></style:style></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        read(xml.as_bytes(), Some(STYLES)).unwrap()
    }

    #[test]
    fn headings_from_elements_and_inherited_styles() {
        let got = doc(
            r#"<text:p text:style-name="Title">Data Analyst</text:p><text:h text:outline-level="3">Skills</text:h><text:p text:style-name="P1">Behaviours</text:p>"#,
        );
        let levels: Vec<u8> = got
            .iter()
            .map(|p| match p {
                Part::Heading { level, .. } => *level,
                other => panic!("expected a heading, got {other:?}"),
            })
            .collect();
        assert_eq!(levels, [1, 3, 2]);
    }

    #[test]
    fn lists_spans_spaces_and_tables() {
        let got = doc(
            r#"<text:list><text:list-item><text:p>one<text:s text:c="2"/>two</text:p><text:list><text:list-item><text:p>deep</text:p></text:list-item></text:list></text:list-item></text:list><text:p><text:span text:style-name="Strong_20_Emphasis">Lead</text:span> then <text:span text:style-name="T1">bold</text:span><text:line-break/>next<office:annotation><text:p>a comment</text:p></office:annotation></text:p><table:table><table:table-row><table:table-cell><text:p>Grade:</text:p></table:table-cell><table:table-cell><text:p>G7</text:p></table:table-cell></table:table-row></table:table>"#,
        );
        assert_eq!(
            got,
            vec![
                Part::Item {
                    depth: 0,
                    text: vec![run("one  two", false)]
                },
                Part::Item {
                    depth: 1,
                    text: vec![run("deep", false)]
                },
                Part::Paragraph(vec![
                    run("Lead", true),
                    run(" then ", false),
                    run("bold", true),
                    run("\nnext", false)
                ]),
                Part::Table(vec![vec![
                    vec![Part::Paragraph(vec![run("Grade:", false)])],
                    vec![Part::Paragraph(vec![run("G7", false)])],
                ]]),
            ]
        );
    }
}
