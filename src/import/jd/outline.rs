//! Reads the normalised document into a flat outline of blocks: headings, paragraphs, list
//! items and table rows, each with the source line it starts on.
//!
//! Job descriptions mix Markdown with raw HTML (whole `<table>`s with `<ul><li>` inside), so
//! the Markdown is rendered to HTML by pulldown-cmark and the one resulting HTML document is
//! read by html5ever (through scraper): one walker sees Markdown and HTML structure alike.
//! Line numbers survive the trip as `<!--line:N-->` comments placed before each Markdown block
//! and before each line of raw HTML that starts a new tag.
//!
//! Emphasis-only text (a `**bold**` paragraph, an underlined line, a table's one-cell header
//! row) is how these documents mark headings when they have no real ones, so such short text
//! comes out as a heading at [`PSEUDO_LEVEL`].

use pulldown_cmark::{Event, Options, Parser};
use scraper::{ElementRef, Html, Node};

use super::normalise::Normalised;

/// The level given to text that only looks like a heading: deeper than any real one.
pub(crate) const PSEUDO_LEVEL: u8 = 7;

/// Nesting beyond this is not followed: nobody writes it, and a hostile file must not be able
/// to exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A table cell: its text (without any lists in it) and the list items inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Cell {
    pub text: String,
    pub items: Vec<String>,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A heading; `level` 1–6 for real headings, [`PSEUDO_LEVEL`] for emphasised text.
    Heading { level: u8, text: String },
    /// A paragraph; `lines` keeps its line breaks, `links` the targets of its links.
    Paragraph {
        text: String,
        lines: Vec<String>,
        links: Vec<String>,
    },
    /// A list item; `depth` 0 for a top-level item.
    Item { depth: usize, text: String },
    /// A table row with two or more cells.
    Row { cells: Vec<Cell>, header: bool },
}

/// One block of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// 1-based line in the source file.
    pub line: usize,
    pub kind: BlockKind,
}

impl Block {
    /// The block's main text (a row's cells joined).
    pub fn text(&self) -> String {
        match &self.kind {
            BlockKind::Heading { text, .. }
            | BlockKind::Paragraph { text, .. }
            | BlockKind::Item { text, .. } => text.clone(),
            BlockKind::Row { cells, .. } => cells
                .iter()
                .map(|c| c.text.as_str())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" | "),
        }
    }
}

/// Builds the outline of a normalised document.
pub(crate) fn outline(doc: &Normalised) -> Vec<Block> {
    let html = to_html(doc);
    let fragment = Html::parse_fragment(&html);
    let mut walker = Walker {
        line: 1,
        blocks: Vec::new(),
    };
    walker.container(fragment.root_element(), 0);
    walker.blocks
}

/// Renders the Markdown to HTML with line-marker comments.
fn to_html(doc: &Normalised) -> String {
    let text = doc.text();
    let mut line_starts = vec![0usize];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let line_of = |offset: usize| {
        let index = line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        doc.source_line(index)
    };
    let mut events: Vec<Event> = Vec::new();
    let mut last_marked = 0usize;
    let mut html_at_tag_boundary = true;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        let line = line_of(range.start);
        let mark = match &event {
            Event::Start(_) => true,
            // Raw HTML arrives a line at a time; a marker may only go between tags, never
            // inside one that spans lines.
            Event::Html(raw) => {
                let starts_tag = raw.trim_start().starts_with('<');
                let ok = html_at_tag_boundary && starts_tag;
                html_at_tag_boundary = raw.trim_end().ends_with('>') || raw.trim().is_empty();
                ok
            }
            _ => false,
        };
        if mark && line != last_marked {
            events.push(Event::Html(format!("<!--line:{line}-->").into()));
            last_marked = line;
        }
        events.push(event);
    }
    let mut html = String::with_capacity(text.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Elements whose content is read as running text.
pub(crate) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "strong"
            | "b"
            | "em"
            | "i"
            | "u"
            | "span"
            | "sup"
            | "sub"
            | "code"
            | "small"
            | "big"
            | "mark"
            | "abbr"
            | "s"
            | "del"
            | "ins"
            | "font"
            | "label"
            | "cite"
            | "q"
            | "kbd"
            | "time"
            | "br"
            | "img"
    )
}

/// Elements whose content is never document text.
fn is_ignored(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "head" | "title" | "meta" | "link" | "template" | "noscript" | "hr"
    )
}

/// Whether an element marks its text as emphasised the way headings are faked.
fn is_emphasis(el: &scraper::node::Element) -> bool {
    match el.name() {
        "strong" | "b" | "u" => true,
        "span" => {
            el.classes()
                .any(|c| c.contains("underline") || c.contains("bold"))
                || el.attr("style").is_some_and(|s| {
                    let s = s.to_ascii_lowercase();
                    s.contains("underline") || s.contains("bold")
                })
        }
        _ => false,
    }
}

/// Running text gathered from inline content.
#[derive(Default)]
struct Inline {
    text: String,
    emphasised: usize,
    plain: usize,
    links: Vec<String>,
    /// Visible characters before the first line break, emphasised and plain.
    first_line: (usize, usize),
    broken: bool,
}

impl Inline {
    fn push_text(&mut self, s: &str, emphasised: bool) {
        // The first line with text on it (a loose item's paragraph starts after a break).
        for c in s.chars() {
            if self.broken {
                break;
            }
            match c {
                '\n' => self.broken = self.first_line != (0, 0),
                c if c.is_whitespace() => {}
                _ if emphasised => self.first_line.0 += 1,
                _ => self.first_line.1 += 1,
            }
        }
        let visible = s.chars().filter(|c| !c.is_whitespace()).count();
        if emphasised {
            self.emphasised += visible;
        } else {
            self.plain += visible;
        }
        self.text.push_str(s);
    }

    /// The lines of the text, each with whitespace collapsed; empty lines dropped.
    fn lines(&self) -> Vec<String> {
        self.text
            .split('\n')
            .map(collapse)
            .filter(|l| !l.is_empty())
            .collect()
    }

    fn is_empty(&self) -> bool {
        self.emphasised + self.plain == 0
    }

    fn push_break(&mut self) {
        self.broken |= self.first_line != (0, 0);
        self.text.push('\n');
    }

    /// "**Self-Awareness**" alone on the first line, its description on the lines below:
    /// the text as "Self-Awareness – Responsible for…", the name set apart as a writer sets
    /// it apart on one line, so the rules read a name and its description.
    fn name_over_description(&self) -> Option<String> {
        let lines = self.lines();
        let (name, rest) = lines.split_first()?;
        let named = self.broken && self.first_line.0 > 0 && self.first_line.1 == 0;
        (named && !rest.is_empty() && heading_like(name))
            .then(|| format!("{} – {}", name.trim_end_matches([':', '.']), rest.join(" ")))
    }

    fn all_emphasised(&self) -> bool {
        self.plain == 0 && self.emphasised > 0
    }
}

/// Collapses runs of whitespace (non-breaking spaces included) to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether emphasised text is short and plain enough to be a heading in disguise.
fn heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=14).contains(&words) && !text.trim_end().ends_with('.')
}

struct Walker {
    line: usize,
    blocks: Vec<Block>,
}

impl Walker {
    fn note_comment(&mut self, comment: &str) {
        if let Some(n) = comment
            .strip_prefix("line:")
            .and_then(|n| n.parse::<usize>().ok())
        {
            self.line = n;
        }
    }

    /// Emits gathered inline content as a paragraph, or as a pseudo-heading when it is all
    /// emphasised and short.
    fn flush(&mut self, inline: &mut Inline, line: usize) {
        let taken = std::mem::take(inline);
        if taken.is_empty() {
            return;
        }
        let lines = taken.lines();
        let text = lines.join(" ");
        if text.is_empty() {
            return;
        }
        let kind = if taken.all_emphasised() && heading_like(&text) {
            BlockKind::Heading {
                level: PSEUDO_LEVEL,
                text,
            }
        } else {
            BlockKind::Paragraph {
                text,
                lines,
                links: taken.links,
            }
        };
        self.blocks.push(Block { line, kind });
    }

    /// Walks an element whose children are blocks, or running text between blocks.
    fn container(&mut self, el: ElementRef, depth: usize) {
        let mut inline = Inline::default();
        let mut inline_line = self.line;
        for child in el.children() {
            match child.value() {
                Node::Comment(c) => self.note_comment(c),
                Node::Text(t) => {
                    if inline.is_empty() {
                        inline_line = self.line;
                    }
                    inline.push_text(t, false);
                }
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if is_ignored(name) {
                        continue;
                    }
                    if is_inline(name) {
                        if inline.is_empty() {
                            inline_line = self.line;
                        }
                        self.inline(child_el, &mut inline, false, depth + 1);
                        continue;
                    }
                    self.flush(&mut inline, inline_line);
                    self.block(child_el, depth + 1);
                }
                _ => {}
            }
        }
        self.flush(&mut inline, inline_line);
    }

    /// Walks one block-level element.
    fn block(&mut self, el: ElementRef, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let name = el.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let line = self.line;
                let mut inline = Inline::default();
                self.inline(el, &mut inline, false, depth);
                let text = inline.lines().join(" ");
                if !text.is_empty() {
                    let level = name[1..].parse().unwrap_or(PSEUDO_LEVEL);
                    self.blocks.push(Block {
                        line,
                        kind: BlockKind::Heading { level, text },
                    });
                }
            }
            "p" => {
                let line = self.line;
                let mut inline = Inline::default();
                self.inline(el, &mut inline, false, depth);
                self.flush(&mut inline, line);
            }
            "ul" | "ol" | "menu" => self.list(el, 0, depth),
            "li" => self.item(el, 0, depth),
            "table" => self.table(el, depth),
            "th" | "td" => self.container(el, depth),
            _ => self.container(el, depth),
        }
    }

    /// Gathers the running text of `el` into `inline`.
    fn inline(&mut self, el: ElementRef, inline: &mut Inline, emphasised: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let emphasised = emphasised || is_emphasis(el.value());
        if el.value().name() == "br" {
            inline.push_break();
            return;
        }
        if el.value().name() == "a" {
            if let Some(href) = el.value().attr("href") {
                inline.links.push(href.to_owned());
            }
        }
        for child in el.children() {
            match child.value() {
                Node::Comment(c) => self.note_comment(c),
                Node::Text(t) => inline.push_text(t, emphasised),
                Node::Element(e) => {
                    if is_ignored(e.name()) {
                        continue;
                    }
                    if let Some(child_el) = ElementRef::wrap(child) {
                        self.inline(child_el, inline, emphasised, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn list(&mut self, el: ElementRef, level: usize, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Comment(c) => self.note_comment(c),
                Node::Element(_) => {
                    if let Some(child_el) = ElementRef::wrap(child) {
                        match child_el.value().name() {
                            "li" => self.item(child_el, level, depth + 1),
                            "ul" | "ol" => self.list(child_el, level + 1, depth + 1),
                            _ => self.block(child_el, depth + 1),
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A list item: its own text (paragraphs inside it included) becomes one item; lists
    /// and tables inside it follow as deeper blocks.
    fn item(&mut self, el: ElementRef, level: usize, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let line = self.line;
        let mut inline = Inline::default();
        let mut nested = Vec::new();
        for child in el.children() {
            match child.value() {
                Node::Comment(c) => self.note_comment(c),
                Node::Text(t) => inline.push_text(t, false),
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    match e.name() {
                        "ul" | "ol" | "table" => nested.push(child_el),
                        name if is_ignored(name) => {}
                        name => {
                            // Paragraphs in a loose list item are part of its text, set apart
                            // by a space; inline elements (`3<sup>rd</sup>`) join directly.
                            if !is_inline(name) && !inline.text.is_empty() {
                                inline.text.push(' ');
                            }
                            self.inline(child_el, &mut inline, false, depth + 1);
                        }
                    }
                }
                _ => {}
            }
        }
        let text = inline
            .name_over_description()
            .unwrap_or_else(|| inline.lines().join(" "));
        if !text.is_empty() {
            self.blocks.push(Block {
                line,
                kind: BlockKind::Item { depth: level, text },
            });
        }
        for n in nested {
            if n.value().name() == "table" {
                self.table(n, depth + 1);
            } else {
                self.list(n, level + 1, depth + 1);
            }
        }
    }

    fn table(&mut self, el: ElementRef, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Comment(c) => self.note_comment(c),
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    match e.name() {
                        "thead" | "tbody" | "tfoot" => {
                            let header = e.name() == "thead";
                            for row in child_el.children() {
                                match row.value() {
                                    Node::Comment(c) => self.note_comment(c),
                                    Node::Element(r) if r.name() == "tr" => {
                                        if let Some(row_el) = ElementRef::wrap(row) {
                                            self.row(row_el, header, depth + 1);
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        "tr" => self.row(child_el, false, depth + 1),
                        "caption" => self.container(child_el, depth + 1),
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    /// A row with one filled cell is a heading or a block of content (the Home Office layout
    /// puts whole sections in one cell); a row with several cells is a row, and so is a
    /// `Key: | value` row whose value is empty.
    fn row(&mut self, el: ElementRef, in_head: bool, depth: usize) {
        let mut cells: Vec<(ElementRef, Cell, bool, usize)> = Vec::new();
        for child in el.children() {
            match child.value() {
                Node::Comment(c) => self.note_comment(c),
                Node::Element(e) if matches!(e.name(), "td" | "th") => {
                    if let Some(cell_el) = ElementRef::wrap(child) {
                        let line = self.line;
                        let cell = self.read_cell(cell_el, depth + 1);
                        cells.push((cell_el, cell, e.name() == "th", line));
                    }
                }
                _ => {}
            }
        }
        let filled: Vec<usize> = (0..cells.len())
            .filter(|&i| !cells[i].1.text.is_empty() || !cells[i].1.items.is_empty())
            .collect();
        let key_value = cells.len() >= 2 && cells[0].1.text.trim_end().ends_with(':');
        if filled.len() >= 2 || key_value {
            let header = in_head || cells.iter().all(|c| c.2);
            let line = cells.first().map_or(self.line, |c| c.3);
            self.blocks.push(Block {
                line,
                kind: BlockKind::Row {
                    cells: cells.into_iter().map(|c| c.1).collect(),
                    header,
                },
            });
            return;
        }
        if let Some(&i) = filled.first() {
            let (cell_el, is_th, line) = (cells[i].0, cells[i].2, cells[i].3);
            let after = self.line;
            // Re-read the cell from its own line; comments inside it move the line on.
            self.line = line;
            if is_th {
                let mut inline = Inline::default();
                self.inline(cell_el, &mut inline, true, depth + 1);
                self.flush(&mut inline, line);
            } else {
                self.container(cell_el, depth + 1);
            }
            self.line = self.line.max(after);
        }
    }

    /// The text and list items of a cell, without emitting blocks.
    fn read_cell(&mut self, el: ElementRef, depth: usize) -> Cell {
        let mut sub = Walker {
            line: self.line,
            blocks: Vec::new(),
        };
        sub.container(el, depth);
        self.line = sub.line;
        let mut cell = Cell::default();
        let mut texts = Vec::new();
        for b in sub.blocks {
            match b.kind {
                BlockKind::Item { text, .. } => cell.items.push(text),
                other => texts.push(
                    Block {
                        line: b.line,
                        kind: other,
                    }
                    .text(),
                ),
            }
        }
        cell.text = texts.join(" ");
        // "| -   An applied understanding… | E |": a Markdown table cell cannot hold a list,
        // so a bullet typed into one is only the author's list marker.
        if cell.items.is_empty() {
            if let Some(rest) = strip_cell_bullet(&cell.text) {
                cell.text = rest.to_owned();
            }
        }
        cell
    }
}

/// The text of a table cell after the bullet typed at its start: one marker ("- ", "* ",
/// "+ ", "• "), or the same marker doubled by a slip of the keyboard ("--   A knowledge of…",
/// rbg-data-scientist.md), followed by a space; `None` when the cell has none.
fn strip_cell_bullet(text: &str) -> Option<&str> {
    ['-', '*', '+', '•'].iter().find_map(|&m| {
        let rest = text.strip_prefix(m)?;
        let rest = rest.strip_prefix(m).unwrap_or(rest);
        rest.starts_with(char::is_whitespace)
            .then(|| rest.trim_start())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::jd::normalise::normalise;

    fn blocks(src: &str) -> Vec<(usize, BlockKind)> {
        outline(&normalise(src))
            .into_iter()
            .map(|b| (b.line, b.kind))
            .collect()
    }

    fn heading(level: u8, text: &str) -> BlockKind {
        BlockKind::Heading {
            level,
            text: text.into(),
        }
    }

    fn item(depth: usize, text: &str) -> BlockKind {
        BlockKind::Item {
            depth,
            text: text.into(),
        }
    }

    #[test]
    fn a_name_alone_on_an_items_first_line_is_set_apart() {
        // sg-content-designer.md: the competency in bold, its description on the next line.
        assert_eq!(
            blocks("* **Self-Awareness** \nResponsible for personal behaviour.\n* Plain item\nthat wraps\n* **Bold** start and more\n"),
            vec![
                (1, item(0, "Self-Awareness – Responsible for personal behaviour.")),
                (3, item(0, "Plain item that wraps")),
                (5, item(0, "Bold start and more")),
            ]
        );
        // The same in a loose list, each item a paragraph.
        assert_eq!(
            blocks("* **Self-Awareness** \nResponsible for behaviour.\n\n* **Leading Others**\nCommunicates a vision.\n"),
            vec![
                (1, item(0, "Self-Awareness – Responsible for behaviour.")),
                (4, item(0, "Leading Others – Communicates a vision.")),
            ]
        );
    }

    #[test]
    fn markdown_headings_items_and_lines() {
        let got = blocks("# Title\n\nIntro text.\n\n## Skills\n* one\n* two\n  * nested\n");
        assert_eq!(got[0], (1, heading(1, "Title")));
        assert!(matches!(&got[1], (3, BlockKind::Paragraph { text, .. }) if text == "Intro text."));
        assert_eq!(got[2], (5, heading(2, "Skills")));
        assert_eq!(got[3], (6, item(0, "one")));
        assert_eq!(got[4], (7, item(0, "two")));
        assert_eq!(got[5], (8, item(1, "nested")));
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn bold_and_underlined_lines_are_pseudo_headings() {
        let got = blocks(
            "**DevOps Role Definition**\n\n<p><span class=\"underline\">Other desirable skills</span></p>\n",
        );
        assert_eq!(got[0], (1, heading(PSEUDO_LEVEL, "DevOps Role Definition")));
        assert_eq!(got[1], (3, heading(PSEUDO_LEVEL, "Other desirable skills")));
    }

    #[test]
    fn html_tables_yield_headings_and_items_with_their_lines() {
        let src = "<table>\n<thead>\n<tr>\n<th><strong>About the role</strong></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><strong>You will be someone who</strong></td>\n</tr>\n<tr>\n<td><ul>\n<li><p>Puts users first.</p></li>\n<li></li>\n<li><p>Can navigate 3<sup>rd</sup> party suppliers.</p></li>\n</ul></td>\n</tr>\n</tbody>\n</table>\n";
        let got = blocks(src);
        assert_eq!(
            got,
            vec![
                (4, heading(PSEUDO_LEVEL, "About the role")),
                (9, heading(PSEUDO_LEVEL, "You will be someone who")),
                (13, item(0, "Puts users first.")),
                (15, item(0, "Can navigate 3rd party suppliers.")),
            ],
            "the empty <li> is dropped and <sup> joins its word"
        );
    }

    #[test]
    fn a_pandoc_key_value_table_gives_rows() {
        let got =
            blocks("| **Appendix** |\n| --- | --- |\n| Reference number: | |\n| Grade: | SEO |\n");
        assert_eq!(got[0].1, heading(PSEUDO_LEVEL, "Appendix"));
        let rows: Vec<Vec<String>> = got[1..]
            .iter()
            .map(|(_, k)| match k {
                BlockKind::Row { cells, .. } => cells.iter().map(|c| c.text.clone()).collect(),
                other => panic!("expected a row, got {other:?}"),
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["Reference number:".to_owned(), String::new()],
                vec!["Grade:".to_owned(), "SEO".to_owned()]
            ]
        );
        assert_eq!(
            got[2].0, 4,
            "row line numbers come from the Markdown source"
        );
    }

    #[test]
    fn table_cells_keep_their_lists() {
        let got = blocks("<table><tr><td>Seeing the Big Picture</td><td><ul><li>one</li><li>two</li></ul></td></tr></table>");
        match &got[0].1 {
            BlockKind::Row { cells, header } => {
                assert!(!header);
                assert_eq!(cells[0].text, "Seeing the Big Picture");
                assert_eq!(cells[1].items, vec!["one", "two"]);
            }
            other => panic!("expected a row, got {other:?}"),
        }
    }

    #[test]
    fn a_bullet_typed_into_a_table_cell_is_only_a_marker_even_doubled() {
        // rbg-data-scientist.md: "| --   A knowledge of the evolution… | D |" among "| - …" rows.
        let got = blocks("| Criteria | E/D |\n| --- | --- |\n| -   Keeps up with the industry | E |\n| --   A knowledge of the evolution of data practices | D |\n| - - not a doubled bullet | D |\n| -- | E |\n");
        let first_cells: Vec<String> = got
            .iter()
            .filter_map(|(_, k)| match k {
                BlockKind::Row {
                    cells,
                    header: false,
                } => Some(cells[0].text.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            first_cells,
            vec![
                "Keeps up with the industry",
                "A knowledge of the evolution of data practices",
                "- not a doubled bullet",
                "--",
            ]
        );
        assert_eq!(strip_cell_bullet("—- dash"), None);
        assert_eq!(strip_cell_bullet("-x"), None);
    }

    #[test]
    fn line_breaks_inside_a_paragraph_are_kept_as_lines() {
        let got = blocks("Grade: B3<br>Reference: SG-1\n");
        match &got[0].1 {
            BlockKind::Paragraph { lines, .. } => {
                assert_eq!(
                    lines,
                    &vec!["Grade: B3".to_owned(), "Reference: SG-1".to_owned()]
                )
            }
            other => panic!("expected a paragraph, got {other:?}"),
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let src = "<ul><li>".repeat(5000) + "x";
        let _ = blocks(&src);
        let src = "> ".repeat(2000) + "x";
        let _ = blocks(&src);
    }
}
