//! HTML pages (a saved GOV.UK or Civil Service Jobs advert): the page's main content, without
//! its navigation, header, footer, cookie banner, scripts and forms, read into parts. A
//! `<dl>` summary list ("Grade" / "SEO") becomes "Grade: SEO" lines, the form the details
//! rules read everywhere else.

use scraper::{ElementRef, Html, Node, Selector};

use super::super::outline::is_inline;
use super::parts::{Inline, Part, Run};

/// Nesting beyond this is not followed (a hostile page must not exhaust the stack).
const MAX_DEPTH: usize = 64;

/// Reads an HTML page into parts.
pub(super) fn read(html: &str) -> Vec<Part> {
    let page = Html::parse_document(html);
    let main = ["main", "[role=main]", "#main-content", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|s| page.select(&s).next())
        .unwrap_or_else(|| page.root_element());
    let mut parts = Vec::new();
    container(main, &mut parts, 0);
    parts
}

/// Elements that are page furniture or not text at all.
fn is_furniture(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "svg"
            | "iframe"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "select"
            | "input"
            | "hr"
    ) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        el.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "search")
    ) {
        return true;
    }
    el.classes().any(|c| {
        let c = c.to_ascii_lowercase();
        [
            "skip-link",
            "cookie",
            "breadcrumb",
            "govuk-header",
            "govuk-footer",
            "phase-banner",
            "visually-hidden",
            "share",
        ]
        .iter()
        .any(|f| c.contains(f))
    })
}

fn push_text(inline: &mut Inline, text: &str, bold: bool) {
    match inline.last_mut() {
        Some(last) if last.bold == bold => last.text.push_str(text),
        _ => inline.push(Run {
            text: text.to_owned(),
            bold,
        }),
    }
}

/// Gathers the running text of an inline element.
fn inline(el: ElementRef, out: &mut Inline, bold: bool, depth: usize) {
    if depth > MAX_DEPTH || is_furniture(el.value()) {
        return;
    }
    let name = el.value().name();
    if name == "br" {
        push_text(out, "\n", bold);
        return;
    }
    let bold = bold || matches!(name, "strong" | "b");
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_text(out, t, bold),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    inline(c, out, bold, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn has_text(inline: &Inline) -> bool {
    inline.iter().any(|r| !r.text.trim().is_empty())
}

fn flush(inline: &mut Inline, parts: &mut Vec<Part>) {
    let taken = std::mem::take(inline);
    if has_text(&taken) {
        parts.push(Part::Paragraph(taken));
    }
}

/// An element whose children are blocks, or running text between blocks.
fn container(el: ElementRef, parts: &mut Vec<Part>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let mut running = Inline::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_text(&mut running, t, false),
            Node::Element(e) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_furniture(e) {
                    continue;
                }
                if is_inline(e.name()) {
                    inline(c, &mut running, false, depth + 1);
                } else {
                    flush(&mut running, parts);
                    block(c, parts, depth + 1);
                }
            }
            _ => {}
        }
    }
    flush(&mut running, parts);
}

fn block(el: ElementRef, parts: &mut Vec<Part>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let name = el.value().name();
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let mut text = Inline::new();
            inline(el, &mut text, false, depth);
            if has_text(&text) {
                parts.push(Part::Heading {
                    level: name[1..].parse().unwrap_or(6),
                    text,
                });
            }
        }
        "p" => {
            let mut text = Inline::new();
            inline(el, &mut text, false, depth);
            flush(&mut text, parts);
        }
        "ul" | "ol" | "menu" => list(el, parts, 0, depth),
        "table" => table(el, parts, depth),
        "dl" => summary_list(el, parts, depth),
        _ => container(el, parts, depth),
    }
}

fn list(el: ElementRef, parts: &mut Vec<Part>, level: usize, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children().filter_map(ElementRef::wrap) {
        if is_furniture(child.value()) {
            continue;
        }
        match child.value().name() {
            "li" => item(child, parts, level, depth + 1),
            "ul" | "ol" => list(child, parts, level + 1, depth + 1),
            _ => block(child, parts, depth + 1),
        }
    }
}

/// A list item: its own text, then any lists inside it one level deeper.
fn item(el: ElementRef, parts: &mut Vec<Part>, level: usize, depth: usize) {
    let mut text = Inline::new();
    let mut nested = Vec::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => push_text(&mut text, t, false),
            Node::Element(e) => {
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                match e.name() {
                    "ul" | "ol" | "table" => nested.push(c),
                    _ if is_furniture(e) => {}
                    other => {
                        if !is_inline(other) && has_text(&text) {
                            push_text(&mut text, " ", false);
                        }
                        inline(c, &mut text, false, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
    if has_text(&text) {
        parts.push(Part::Item {
            depth: level.min(8),
            text,
        });
    }
    for n in nested {
        if n.value().name() == "table" {
            table(n, parts, depth + 1);
        } else {
            list(n, parts, level + 1, depth + 1);
        }
    }
}

fn table(el: ElementRef, parts: &mut Vec<Part>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let rows: Vec<Vec<Vec<Part>>> = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|r| r.value().name() == "tr")
        // Rows of a nested table are read inside their cell.
        .filter(|r| {
            r.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "table")
                .is_some_and(|t| t.id() == el.id())
        })
        .map(|r| {
            r.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| {
                    let mut cell = Vec::new();
                    container(c, &mut cell, depth + 1);
                    cell
                })
                .collect()
        })
        .collect();
    if !rows.is_empty() {
        parts.push(Part::Table(rows));
    }
}

/// `<dt>Grade</dt><dd>SEO</dd>` as the line "Grade: SEO" (the GOV.UK summary list, where
/// the key is often inside a `<div class="govuk-summary-list__row">`).
fn summary_list(el: ElementRef, parts: &mut Vec<Part>, depth: usize) {
    let mut key: Option<String> = None;
    let mut values: Vec<String> = Vec::new();
    let mut emit = |key: &mut Option<String>, values: &mut Vec<String>| {
        if let Some(k) = key.take() {
            let k = k.trim().trim_end_matches(':').trim().to_owned();
            let line = format!("{k}: {}", values.join("; "));
            parts.push(Part::Paragraph(vec![Run {
                text: line,
                bold: false,
            }]));
        }
        values.clear();
    };
    for d in el
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|d| matches!(d.value().name(), "dt" | "dd"))
    {
        if d.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_furniture(a.value()))
        {
            continue;
        }
        let mut text = Inline::new();
        inline(d, &mut text, false, depth + 1);
        let text = super::parts::plain(&text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if d.value().name() == "dt" {
            emit(&mut key, &mut values);
            key = Some(text);
        } else if !text.is_empty() {
            values.push(text);
        }
    }
    emit(&mut key, &mut values);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::jd::formats::parts::{plain, run};

    const PAGE: &str = r##"<!DOCTYPE html><html><head><title>x</title><script>var a = "<p>no</p>";</script></head>
<body><a class="govuk-skip-link" href="#main">Skip to main content</a>
<header class="govuk-header"><nav><ul><li>Home</li></ul></nav></header>
<div class="govuk-cookie-banner"><p>We use cookies</p></div>
<main id="main-content"><h1>Policy Officer</h1>
<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt>Grade</dt><dd>Higher Executive Officer (HEO)</dd></div>
<div class="govuk-summary-list__row"><dt>Reference number:</dt><dd>12345</dd></div></dl>
<h2>Behaviours</h2><p>We'll assess you against these behaviours:</p>
<ul><li>Seeing the Big Picture<ul><li>nested</li></ul></li><li><strong>Making</strong> Effective Decisions</li></ul>
</main><footer><p>Crown copyright</p></footer></body></html>"##;

    #[test]
    fn a_govuk_page_keeps_its_content_and_drops_its_furniture() {
        let parts = read(PAGE);
        let texts: Vec<String> = parts
            .iter()
            .map(|p| match p {
                Part::Heading { level, text } => format!("h{level} {}", plain(text)),
                Part::Paragraph(t) => format!("p {}", plain(t)),
                Part::Item { depth, text } => format!("li{depth} {}", plain(text)),
                Part::Table(_) => "table".into(),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "h1 Policy Officer",
                "p Grade: Higher Executive Officer (HEO)",
                "p Reference number: 12345",
                "h2 Behaviours",
                "p We'll assess you against these behaviours:",
                "li0 Seeing the Big Picture",
                "li1 nested",
                "li0 Making Effective Decisions",
            ]
        );
        assert_eq!(
            parts[7],
            Part::Item {
                depth: 0,
                text: vec![run("Making", true), run(" Effective Decisions", false)]
            }
        );
    }
}
