//! Word (.docx) documents: `word/document.xml` read with the styles of `word/styles.xml`.
//!
//! Headings come from the paragraph's style (a style named "Title" or "Heading N", or with an
//! outline level, followed through `basedOn`) or a direct outline level; list items from
//! numbering (`numPr`, direct or from the style; bullets and numbers alike); bold from the
//! run, its character style or the paragraph style; tables row by row. Deleted text, field
//! codes and the fallback copies of drawings are skipped.

use std::collections::HashMap;

use super::parts::{Inline, Part, Run};
use super::xml::{parse, Xml};
use super::{style_chain, Problem, TableBuilder};

/// What a style sets, before inheritance.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    list_level: Option<usize>,
    bold: Option<bool>,
}

/// The styles of a document, by id.
#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(events: &[Xml]) -> Styles {
        let mut styles = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        for event in events {
            match event {
                Xml::Open { name, .. } if name == "style" => {
                    current = event
                        .attr("styleId")
                        .map(|id| (id.to_owned(), Style::default()));
                }
                Xml::Close(name) if name == "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                }
                Xml::Open { name, .. } => {
                    let Some((_, style)) = current.as_mut() else {
                        continue;
                    };
                    let val = event.attr("val");
                    match name.as_str() {
                        "name" => style.name = val.unwrap_or_default().to_owned(),
                        "basedOn" => style.based_on = val.map(str::to_owned),
                        "outlineLvl" => style.outline = val.and_then(|v| v.parse().ok()),
                        "ilvl" => style.list_level = val.and_then(|v| v.parse().ok()),
                        "numId" if style.list_level.is_none() && val != Some("0") => {
                            style.list_level = Some(0);
                        }
                        "b" => style.bold = Some(on(val)),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Styles(styles)
    }

    /// The chain of a style and the styles it is based on.
    fn chain<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Style> + 'a {
        style_chain(&self.0, id, |s| s.based_on.as_deref()).map(|(_, s)| s)
    }

    /// The heading level a paragraph style gives (1 for a title), if any.
    fn heading_level(&self, id: &str) -> Option<u8> {
        for style in self.chain(id) {
            if let Some(level) = heading_level_of_name(&style.name) {
                return Some(level);
            }
            if let Some(outline) = style.outline {
                return outline_level(outline);
            }
        }
        heading_level_of_name(id)
    }

    fn list_level(&self, id: &str) -> Option<usize> {
        self.chain(id).find_map(|s| s.list_level)
    }

    fn bold(&self, id: &str) -> Option<bool> {
        self.chain(id).find_map(|s| s.bold)
    }
}

/// "Title" → 1, "Heading 3" / "heading3" → 3.
pub(super) fn heading_level_of_name(name: &str) -> Option<u8> {
    let folded: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if folded == "title" {
        return Some(1);
    }
    let n: u8 = folded.strip_prefix("heading")?.parse().ok()?;
    (1..=9).contains(&n).then_some(n.min(6))
}

/// A 0-based outline level (9 is body text) as a heading level.
fn outline_level(outline: u8) -> Option<u8> {
    (outline < 9).then_some((outline + 1).min(6))
}

/// Whether a toggle property's `val` switches it on (absent means on).
fn on(val: Option<&str>) -> bool {
    !matches!(val, Some("0" | "false" | "off" | "none"))
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    outline: Option<u8>,
    list_level: Option<usize>,
    numbered: Option<bool>,
    runs: Inline,
}

/// A run being read.
#[derive(Default)]
struct RunState {
    bold: Option<bool>,
    style: Option<String>,
}

/// Reads a .docx document's structure.
pub(super) fn read(document: &[u8], styles: Option<&[u8]>) -> Result<Vec<Part>, Problem> {
    let styles = match styles {
        Some(bytes) => Styles::read(&parse(bytes).map_err(Problem::Damaged)?),
        None => Styles::default(),
    };
    let events = parse(document).map_err(Problem::Damaged)?;
    let mut out = TableBuilder::default();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut run = RunState::default();
    let (mut in_ppr, mut in_rpr, mut in_text) = (false, false, false);
    // Depth inside content that is not document text (deleted text, field codes, fallbacks).
    let mut skipping = 0usize;
    for event in &events {
        match event {
            Xml::Open { name, .. } => {
                if skipping > 0
                    || matches!(name.as_str(), "del" | "instrText" | "Fallback" | "delText")
                {
                    skipping += 1;
                    continue;
                }
                let val = event.attr("val");
                match name.as_str() {
                    "p" => paragraphs.push(Paragraph::default()),
                    "pPr" => in_ppr = true,
                    "r" => run = RunState::default(),
                    "rPr" if !in_ppr => in_rpr = true,
                    "t" => in_text = true,
                    "tab" if !in_ppr => push(&mut paragraphs, &run, &styles, " "),
                    "br" | "cr" => push(&mut paragraphs, &run, &styles, "\n"),
                    "tbl" => out.open_table(),
                    "tr" => out.open_row(),
                    "tc" => out.open_cell(),
                    _ => {}
                }
                if in_ppr {
                    if let Some(p) = paragraphs.last_mut() {
                        match name.as_str() {
                            "pStyle" => p.style = val.map(str::to_owned),
                            "outlineLvl" => p.outline = val.and_then(|v| v.parse().ok()),
                            "ilvl" => p.list_level = val.and_then(|v| v.parse().ok()),
                            "numId" => p.numbered = Some(val != Some("0")),
                            _ => {}
                        }
                    }
                } else if in_rpr {
                    match name.as_str() {
                        "b" => run.bold = Some(on(val)),
                        "rStyle" => run.style = val.map(str::to_owned),
                        _ => {}
                    }
                }
            }
            Xml::Close(name) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                match name.as_str() {
                    "pPr" => in_ppr = false,
                    "rPr" => in_rpr = false,
                    "t" => in_text = false,
                    "p" => {
                        if let Some(p) = paragraphs.pop() {
                            if let Some(part) = finish(p, &styles) {
                                out.push(part);
                            }
                        }
                    }
                    "tbl" => out.close_table(),
                    _ => {}
                }
            }
            Xml::Text(text) => {
                if in_text && skipping == 0 {
                    push(&mut paragraphs, &run, &styles, text);
                }
            }
        }
    }
    Ok(out.finish())
}

/// Adds text to the paragraph being read, bold as its run, character style or paragraph
/// style says.
fn push(paragraphs: &mut [Paragraph], run: &RunState, styles: &Styles, text: &str) {
    let Some(p) = paragraphs.last_mut() else {
        return;
    };
    let bold = run
        .bold
        .or_else(|| run.style.as_deref().and_then(|s| styles.bold(s)))
        .or_else(|| p.style.as_deref().and_then(|s| styles.bold(s)))
        .unwrap_or(false);
    match p.runs.last_mut() {
        Some(last) if last.bold == bold => last.text.push_str(text),
        _ => p.runs.push(Run {
            text: text.to_owned(),
            bold,
        }),
    }
}

/// A finished paragraph as a part: heading, list item or paragraph; `None` when empty.
fn finish(p: Paragraph, styles: &Styles) -> Option<Part> {
    if p.runs.iter().all(|r| r.text.trim().is_empty()) {
        return None;
    }
    let style = p.style.as_deref().unwrap_or("Normal");
    let heading = p
        .outline
        .map_or_else(|| styles.heading_level(style), outline_level);
    if let Some(level) = heading {
        return Some(Part::Heading {
            level,
            text: p.runs,
        });
    }
    let list_level = match p.numbered {
        Some(false) => None,
        Some(true) => Some(p.list_level.unwrap_or(0)),
        None => p.list_level.or_else(|| styles.list_level(style)),
    };
    Some(match list_level {
        Some(depth) => Part::Item {
            depth: depth.min(8),
            text: p.runs,
        },
        None => Part::Paragraph(p.runs),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::jd::formats::parts::run;

    const STYLES: &[u8] = br#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Heading"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="H2x"><w:name w:val="heading 2"/><w:basedOn w:val="Heading"/></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Section"/><w:basedOn w:val="H2x"/></w:style>
<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="Big"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Bullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
</w:styles>"#;

    fn doc(body: &str) -> Vec<Part> {
        let xml = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
        read(xml.as_bytes(), Some(STYLES)).unwrap()
    }

    fn p(style: &str, runs: &str) -> String {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>"#)
    }

    #[test]
    fn heading_levels_come_through_style_inheritance_and_outline_levels() {
        let got = doc(&[
            p("Big", "<w:r><w:t>Data Analyst</w:t></w:r>"),
            p("Sub", "<w:r><w:t>Behaviours</w:t></w:r>"),
            p("Loop", "<w:r><w:t>Body</w:t></w:r>"),
        ]
        .concat());
        assert_eq!(
            got,
            vec![
                Part::Heading {
                    level: 1,
                    text: vec![run("Data Analyst", false)]
                },
                Part::Heading {
                    level: 2,
                    text: vec![run("Behaviours", true)]
                },
                Part::Paragraph(vec![run("Body", false)]),
            ]
        );
    }

    #[test]
    fn lists_bold_runs_tables_and_skipped_text() {
        let got = doc(&[
            p("Bullet", "<w:r><w:t>From the style</w:t></w:r>"),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>"#.into(),
            r#"<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">Lead </w:t></w:r><w:r><w:t>rest</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>.</w:t></w:r></w:p>"#.into(),
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Grade:</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>SEO</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.into(),
        ]
        .concat());
        assert_eq!(
            got[0],
            Part::Item {
                depth: 0,
                text: vec![run("From the style", false)]
            }
        );
        assert_eq!(
            got[1],
            Part::Item {
                depth: 1,
                text: vec![run("Direct", false)]
            }
        );
        assert_eq!(
            got[2],
            Part::Paragraph(vec![run("Lead ", true), run("rest.", false)])
        );
        assert_eq!(
            got[3],
            Part::Table(vec![vec![
                vec![Part::Paragraph(vec![run("Grade:", false)])],
                vec![Part::Paragraph(vec![run("SEO", false)])],
            ]])
        );
    }

    #[test]
    fn style_names_give_heading_levels() {
        assert_eq!(heading_level_of_name("Title"), Some(1));
        assert_eq!(heading_level_of_name("heading 3"), Some(3));
        assert_eq!(heading_level_of_name("Heading_20_2"), None);
        assert_eq!(heading_level_of_name("Heading"), None);
        assert_eq!(heading_level_of_name("Heading 9"), Some(6));
    }
}
