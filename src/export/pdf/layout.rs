//! Pure layout: blocks in, positioned text, rules and fills per page out. No PDF here.
//!
//! Coordinates are in points with the origin at the page's top-left corner and `y` growing
//! downwards; the drawing step flips them. Every line of text occupies a line box of its
//! leading; a line is placed only where its whole box fits above the body's bottom edge,
//! so nothing overlaps the footer and no line is ever cut.
//!
//! Layout is two-pass: the body is paginated first, then the header, footer and
//! "Page X of Y" are added to every page once the page count is known.

use unicode_normalization::UnicodeNormalization;

use super::fonts::{Face, Fonts};
use super::{Align, Block, Document, PdfError, Table};

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.276;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margin (20 mm).
pub const MARGIN_X: f32 = 56.693;
/// Distance from the top edge to the top of the header (12 mm).
const MARGIN_TOP: f32 = 34.016;
/// Distance from the bottom edge to the bottom of the footer (12 mm).
const MARGIN_BOTTOM: f32 = 34.016;

/// Tolerance for comparing positions built from sums of floats.
const EPS: f32 = 0.01;

/// Size, leading and colour of one kind of text.
#[derive(Debug, Clone, Copy)]
struct Style {
    face: Face,
    size: f32,
    leading: f32,
    grey: f32,
}

const INK: f32 = 0.0;
const BODY: Style = Style {
    face: Face::Regular,
    size: 10.0,
    leading: 14.0,
    grey: INK,
};
const TITLE: Style = Style {
    face: Face::Bold,
    size: 18.0,
    leading: 23.0,
    grey: INK,
};
const HEADING: Style = Style {
    face: Face::Bold,
    size: 13.0,
    leading: 17.0,
    grey: INK,
};
const SUBHEADING: Style = Style {
    face: Face::Bold,
    size: 10.5,
    leading: 14.0,
    grey: INK,
};
const NOTE: Style = Style {
    face: Face::Regular,
    size: 8.5,
    leading: 11.5,
    grey: 0.35,
};
const LABEL: Style = Style {
    face: Face::Bold,
    size: 9.5,
    leading: 14.0,
    grey: 0.2,
};
const CELL: Style = Style {
    face: Face::Regular,
    size: 9.0,
    leading: 12.0,
    grey: INK,
};
const CELL_HEAD: Style = Style {
    face: Face::Bold,
    size: 9.0,
    leading: 12.0,
    grey: INK,
};
const HEADER_FIRST: Style = Style {
    face: Face::Bold,
    size: 8.5,
    leading: 11.0,
    grey: 0.15,
};
const HEADER: Style = Style {
    face: Face::Regular,
    size: 8.5,
    leading: 11.0,
    grey: 0.3,
};
const FOOTER: Style = Style {
    face: Face::Regular,
    size: 7.5,
    leading: 10.0,
    grey: 0.35,
};

/// Horizontal padding inside a table cell.
const CELL_PAD_X: f32 = 4.0;
/// Vertical padding inside a table cell.
const CELL_PAD_Y: f32 = 3.0;
/// Indent of a bullet's text from the bullet's left edge.
const BULLET_INDENT: f32 = 16.0;
/// Gap between a key/value label column and its value column.
const LABEL_GAP: f32 = 12.0;
/// Widest the label column of a key/value list may get, as a share of the text width.
const LABEL_MAX_SHARE: f32 = 0.38;
/// Space above a table.
const TABLE_BEFORE: f32 = 4.0;
/// Rule colour and thickness under the page header and above the footer.
const FURNITURE_RULE: (f32, f32) = (0.6, 0.5);
/// The widest page label the footer reserves room for.
const PAGE_LABEL_RESERVE: &str = "Page 9999 of 9999";

/// A run of text on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge of the run.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub baseline: f32,
    /// Font size in points.
    pub size: f32,
    /// Regular or bold.
    pub face: Face,
    /// Grey level of the ink: 0 is black, 1 white.
    pub grey: f32,
    /// The text (NFC, no control characters).
    pub text: String,
}

/// Something placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(TextRun),
    /// A horizontal line from `x1` to `x2` at `y`.
    Rule {
        /// Left end.
        x1: f32,
        /// Right end.
        x2: f32,
        /// Position from the top of the page.
        y: f32,
        /// Stroke width.
        thickness: f32,
        /// Grey level: 0 is black, 1 white.
        grey: f32,
    },
    /// A filled rectangle, e.g. a table header's background.
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge, from the top of the page.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Grey level: 0 is black, 1 white.
        grey: f32,
    },
}

/// The region of a page that body content may occupy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left edge of the text.
    pub left: f32,
    /// Right edge of the text.
    pub right: f32,
    /// Top of the body, below the header.
    pub top: f32,
    /// Bottom of the body, above the footer: no body item reaches below it.
    pub bottom: f32,
}

impl Frame {
    /// Width available to text.
    pub fn width(&self) -> f32 {
        self.right - self.left
    }
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// The body's items, inside the frame.
    pub body: Vec<Item>,
    /// Header, footer and page label.
    pub furniture: Vec<Item>,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The body's frame, the same on every page.
    pub frame: Frame,
    /// The pages, in order; there is always at least one.
    pub pages: Vec<Page>,
}

/// Lays `doc` out: body first, then header, footer and "Page X of Y" on every page.
pub fn layout(doc: &Document, fonts: &Fonts) -> Result<Layout, PdfError> {
    validate(&doc.blocks)?;
    let furniture = Furniture::new(&doc.header, &doc.footer, fonts);
    let frame = Frame {
        left: MARGIN_X,
        right: PAGE_WIDTH - MARGIN_X,
        top: furniture.body_top,
        bottom: furniture.body_bottom,
    };
    if frame.bottom - frame.top < PAGE_HEIGHT / 3.0 {
        return Err(PdfError::Invalid(
            "the header and footer are so long they leave less than a third of the page".into(),
        ));
    }
    let mut flow = Flow::new(fonts, frame, frame.bottom);
    flow.blocks(&doc.blocks, None);
    if flow.overflow {
        return Err(PdfError::Invalid(
            "a table's header row is too tall to leave room for a line of its rows".into(),
        ));
    }
    // A page break (or spacer) at the very end leaves an empty page: drop it.
    if flow.at_top && flow.pages.len() > 1 {
        flow.pages.pop();
    }
    let bodies = flow.pages;
    let total = bodies.len();
    let pages = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| Page {
            body,
            furniture: furniture.items(fonts, i + 1, total),
        })
        .collect();
    Ok(Layout { frame, pages })
}

/// Rejects what cannot be laid out faithfully.
fn validate(blocks: &[Block]) -> Result<(), PdfError> {
    for block in blocks {
        match block {
            Block::Table(t) => validate_table(t)?,
            Block::KeepTogether(inner) => validate(inner)?,
            Block::Spacer(h) if !h.is_finite() || *h < 0.0 => {
                return Err(PdfError::Invalid(format!(
                    "a spacer must be a finite, non-negative height, not {h}"
                )))
            }
            _ => {}
        }
    }
    Ok(())
}

fn validate_table(t: &Table) -> Result<(), PdfError> {
    if t.columns.is_empty() {
        return Err(PdfError::Invalid(
            "a table needs at least one column".into(),
        ));
    }
    if let Some(c) = t
        .columns
        .iter()
        .find(|c| !c.width.is_finite() || c.width <= 0.0)
    {
        return Err(PdfError::Invalid(format!(
            "table column \"{}\" has width {}: widths must be positive",
            c.title, c.width
        )));
    }
    if let Some((i, row)) = t
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() > t.columns.len())
    {
        return Err(PdfError::Invalid(format!(
            "table row {} has {} cells but the table has {} columns",
            i + 1,
            row.len(),
            t.columns.len()
        )));
    }
    Ok(())
}

/// Header and footer lines, wrapped once per document and stamped on every page.
struct Furniture {
    /// Header lines with their style.
    header: Vec<(Style, String)>,
    /// Footer lines.
    footer: Vec<String>,
    /// Where the body starts.
    body_top: f32,
    /// Where the body ends.
    body_bottom: f32,
}

impl Furniture {
    fn new(header_lines: &[String], footer_text: &str, fonts: &Fonts) -> Furniture {
        let width = PAGE_WIDTH - 2.0 * MARGIN_X;
        let mut header = Vec::new();
        for (i, line) in header_lines.iter().enumerate() {
            let style = if i == 0 { HEADER_FIRST } else { HEADER };
            for l in wrap(fonts, style.face, style.size, &clean(line), width) {
                header.push((style, l));
            }
        }
        let height: f32 = header.iter().map(|(s, _)| s.leading).sum();
        let body_top = if header.is_empty() {
            MARGIN_TOP
        } else {
            MARGIN_TOP + height + 6.0 + 16.0
        };

        let reserve = fonts.width(FOOTER.face, PAGE_LABEL_RESERVE, FOOTER.size) + 18.0;
        let footer_width = width - reserve;
        let mut footer = wrap(
            fonts,
            FOOTER.face,
            FOOTER.size,
            &clean(footer_text),
            footer_width,
        );
        footer.retain(|l| !l.is_empty());
        let footer_lines = footer.len().max(1) as f32;
        let rule = PAGE_HEIGHT - MARGIN_BOTTOM - footer_lines * FOOTER.leading - 5.0;
        Furniture {
            header,
            footer,
            body_top,
            body_bottom: rule - 14.0,
        }
    }

    /// Header, footer and page label for page `n` of `total`.
    fn items(&self, fonts: &Fonts, n: usize, total: usize) -> Vec<Item> {
        let mut items = Vec::with_capacity(self.header.len() + self.footer.len() + 3);
        let mut y = MARGIN_TOP;
        for (style, line) in &self.header {
            if !line.is_empty() {
                items.push(text(fonts, *style, MARGIN_X, y, line.clone()));
            }
            y += style.leading;
        }
        if !self.header.is_empty() {
            items.push(rule_at(y + 6.0, FURNITURE_RULE));
        }
        let rule = self.body_bottom + 14.0;
        items.push(rule_at(rule, FURNITURE_RULE));
        let mut y = rule + 5.0;
        for line in &self.footer {
            items.push(text(fonts, FOOTER, MARGIN_X, y, line.clone()));
            y += FOOTER.leading;
        }
        let label = format!("Page {n} of {total}");
        let x = PAGE_WIDTH - MARGIN_X - fonts.width(FOOTER.face, &label, FOOTER.size);
        items.push(text(fonts, FOOTER, x, rule + 5.0, label));
        items
    }
}

fn rule_at(y: f32, (grey, thickness): (f32, f32)) -> Item {
    Item::Rule {
        x1: MARGIN_X,
        x2: PAGE_WIDTH - MARGIN_X,
        y,
        thickness,
        grey,
    }
}

/// A text item for a line box whose top is at `top`.
fn text(fonts: &Fonts, style: Style, x: f32, top: f32, text: String) -> Item {
    Item::Text(TextRun {
        x,
        baseline: top + baseline_offset(fonts, style),
        size: style.size,
        face: style.face,
        grey: style.grey,
        text,
    })
}

/// Distance from the top of a line box to its baseline: the glyphs' ascent plus half the
/// leading left over, so the glyphs sit centred in the box and never leave it.
fn baseline_offset(fonts: &Fonts, style: Style) -> f32 {
    let glyphs = fonts.ascent(style.size) + fonts.descent(style.size);
    (style.leading - glyphs).max(0.0) / 2.0 + fonts.ascent(style.size)
}

/// Normalises text for setting: NFC, CRLF and CR to LF, tabs to spaces, other control
/// characters dropped.
pub fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.nfc()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            // Soft hyphen and zero-width characters would only confuse measuring.
            '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// Combining marks stay with the character before them when a word is broken.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Wraps `text` (already [`clean`]ed) into lines no wider than `width` points.
///
/// Lines break at spaces; runs of spaces collapse to one; `'\n'` forces a break (an empty
/// line between two `'\n'`s is kept as an empty line). A word wider than the line is broken
/// between characters. Always returns at least one line.
pub fn wrap(fonts: &Fonts, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
    // Work in thousandths of an em: exact integer sums, one comparison per word.
    let limit = (width.max(0.0) * 1000.0 / size) as u32;
    let space = fonts.char_units(face, ' ');
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut line = String::new();
        let mut line_units = 0u32;
        for word in hard.split(' ').filter(|w| !w.is_empty()) {
            let units = fonts.units(face, word);
            if !line.is_empty() && line_units + space + units <= limit {
                line.push(' ');
                line.push_str(word);
                line_units += space + units;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if units <= limit {
                line.push_str(word);
                line_units = units;
                continue;
            }
            // Break an over-long word between characters; the last piece starts the next
            // line so following words may join it.
            line_units = 0;
            for c in word.chars() {
                let cu = fonts.char_units(face, c);
                if !line.is_empty() && line_units + cu > limit && !is_combining(c) {
                    lines.push(std::mem::take(&mut line));
                    line_units = 0;
                }
                line.push(c);
                line_units += cu;
            }
        }
        lines.push(line);
    }
    lines
}

/// Places body content, page by page.
struct Flow<'f> {
    fonts: &'f Fonts,
    frame: Frame,
    /// The lowest a line box may reach; `f32::INFINITY` when only measuring.
    bottom: f32,
    pages: Vec<Vec<Item>>,
    /// Top of the next thing to place.
    y: f32,
    /// Nothing has been placed on the current page yet.
    at_top: bool,
    /// Bottom of the last thing placed (so trailing space is not measured).
    ink: f32,
    /// A table row could not be placed without overlapping the bottom edge.
    overflow: bool,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts, frame: Frame, bottom: f32) -> Self {
        Flow {
            fonts,
            frame,
            bottom,
            pages: vec![Vec::new()],
            y: frame.top,
            at_top: true,
            ink: frame.top,
            overflow: false,
        }
    }

    fn page_capacity(&self) -> f32 {
        self.bottom - self.frame.top
    }

    fn fits(&self, h: f32) -> bool {
        self.y + h <= self.bottom + EPS
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.frame.top;
        self.at_top = true;
    }

    /// Starts a new page unless `h` more points fit on this one (or this one is empty).
    fn ensure(&mut self, h: f32) {
        if !self.at_top && !self.fits(h) {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn space(&mut self, h: f32) {
        if !self.at_top {
            self.y += h;
        }
    }

    fn push(&mut self, item: Item) {
        self.pages
            .last_mut()
            .expect("a flow always has a page")
            .push(item);
        self.at_top = false;
    }

    /// One line box of `leading` holding `runs` (x, style, text), on a new page if needed.
    fn line(&mut self, leading: f32, runs: Vec<(f32, Style, String)>) {
        self.ensure(leading);
        // All runs of a line share one baseline: the one the largest type would have,
        // with its glyphs centred in the line box.
        let largest = runs
            .iter()
            .map(|(_, style, _)| *style)
            .max_by(|a, b| a.size.total_cmp(&b.size));
        if let Some(largest) = largest {
            let baseline = self.y + baseline_offset(self.fonts, Style { leading, ..largest });
            for (x, style, text) in runs {
                if !text.is_empty() {
                    self.push(Item::Text(TextRun {
                        x,
                        baseline,
                        size: style.size,
                        face: style.face,
                        grey: style.grey,
                        text,
                    }));
                }
            }
        }
        self.y += leading;
        self.at_top = false;
        self.ink = self.y;
    }

    fn wrap(&self, style: Style, s: &str, width: f32) -> Vec<String> {
        wrap(self.fonts, style.face, style.size, &clean(s), width)
    }

    /// Wrapped text in `style` across the frame, lines flowing over pages.
    fn text_block(&mut self, style: Style, s: &str, space_after: f32) {
        let x = self.frame.left;
        for line in self.wrap(style, s, self.frame.width()) {
            self.line(style.leading, vec![(x, style, line)]);
        }
        self.space(space_after);
    }

    /// A heading, kept on the same page as the first `lead_in` points of what follows it.
    fn heading(&mut self, kind: Heading, s: &str, lead_in: f32) {
        let Heading {
            style,
            before,
            after,
            underline,
        } = kind;
        self.space(before);
        let lines = self.wrap(style, s, self.frame.width());
        let own = lines.len() as f32 * style.leading + if underline { 4.0 } else { 0.0 };
        let keep = own + after + lead_in;
        if keep <= self.page_capacity() {
            self.ensure(keep);
        }
        let x = self.frame.left;
        for line in lines {
            self.line(style.leading, vec![(x, style, line)]);
        }
        if underline {
            self.y += 3.0;
            let item = Item::Rule {
                x1: self.frame.left,
                x2: self.frame.right,
                y: self.y,
                thickness: 0.6,
                grey: 0.55,
            };
            self.push(item);
            self.y += 1.0;
            self.ink = self.y;
        }
        self.space(after);
    }

    /// Places `blocks`; `after` is what follows them (for keeping a last heading with it).
    fn blocks(&mut self, blocks: &[Block], after: Option<&Block>) {
        for (i, block) in blocks.iter().enumerate() {
            self.block(block, blocks.get(i + 1).or(after));
        }
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        let lead_in = |flow: &Self| next.map_or(0.0, |b| flow.lead_in(b));
        match block {
            Block::Title(s) => self.heading(Heading::TITLE, s, lead_in(self)),
            Block::Heading(s) => self.heading(Heading::HEADING, s, lead_in(self)),
            Block::Subheading(s) => self.heading(Heading::SUBHEADING, s, lead_in(self)),
            Block::Paragraph(s) => self.text_block(BODY, s, 7.0),
            Block::Note(s) => self.text_block(NOTE, s, 7.0),
            Block::KeyValues(pairs) => self.key_values(pairs),
            Block::Bullets(items) => self.bullets(items),
            Block::Table(t) => self.table(t),
            Block::Spacer(h) => {
                if self.fits(*h) {
                    self.y += h;
                } else {
                    self.new_page();
                }
            }
            Block::Rule => {
                self.space(4.0);
                self.ensure(8.0);
                let item = Item::Rule {
                    x1: self.frame.left,
                    x2: self.frame.right,
                    y: self.y + 4.0,
                    thickness: 0.5,
                    grey: 0.6,
                };
                self.push(item);
                self.y += 8.0;
                self.ink = self.y;
                self.space(4.0);
            }
            Block::PageBreak => {
                if !self.at_top {
                    self.new_page();
                }
            }
            Block::KeepTogether(inner) => {
                let h = self.measure(inner);
                if !self.fits(h) && h <= self.page_capacity() {
                    self.ensure(h);
                }
                self.blocks(inner, next);
            }
        }
    }

    /// How much of `block` must fit under a heading for the heading to stay on its page:
    /// two lines of text, a list's or key/value list's first entry, a table's header and
    /// first row, or all of a kept-together group.
    fn lead_in(&self, block: &Block) -> f32 {
        let lines = |style: Style, s: &str, width: f32| {
            // Two lines never need more than the first 1,000 characters.
            let end = s.char_indices().nth(1000).map_or(s.len(), |(i, _)| i);
            self.wrap(style, &s[..end], width).len().min(2) as f32 * style.leading
        };
        match block {
            Block::Paragraph(s) => lines(BODY, s, self.frame.width()),
            Block::Note(s) => lines(NOTE, s, self.frame.width()),
            Block::Bullets(items) => items.first().map_or(0.0, |s| {
                lines(BODY, s, self.frame.right - self.frame.left - BULLET_INDENT)
            }),
            Block::KeyValues(pairs) => pairs.first().map_or(0.0, |(k, v)| {
                let (label_w, value_w) = self.key_value_widths(pairs);
                let n = self
                    .wrap(LABEL, k, label_w)
                    .len()
                    .max(self.wrap(BODY, v, value_w).len());
                n as f32 * BODY.leading
            }),
            Block::Table(t) => {
                let g = self.table_geometry(t);
                let first = t.rows.first().map(|r| self.table_cells(&g, r));
                TABLE_BEFORE + self.table_start(&g, first.as_deref())
            }
            Block::Title(s) => lines(Heading::TITLE.style, s, self.frame.width()),
            Block::Heading(s) => {
                Heading::HEADING.before + lines(Heading::HEADING.style, s, self.frame.width())
            }
            Block::Subheading(s) => {
                Heading::SUBHEADING.before + lines(Heading::SUBHEADING.style, s, self.frame.width())
            }
            Block::KeepTogether(inner) => {
                let h = self.measure(inner);
                if h <= self.page_capacity() {
                    h
                } else {
                    inner.first().map_or(0.0, |b| self.lead_in(b))
                }
            }
            Block::Spacer(_) | Block::Rule | Block::PageBreak => 0.0,
        }
    }

    /// Height `blocks` would take if placed here with no page break.
    fn measure(&self, blocks: &[Block]) -> f32 {
        let mut scratch = Flow::new(self.fonts, self.frame, f32::INFINITY);
        scratch.at_top = self.at_top;
        scratch.blocks(blocks, None);
        scratch.ink - self.frame.top
    }

    /// Widths of the label and value columns of a key/value list.
    fn key_value_widths(&self, pairs: &[(String, String)]) -> (f32, f32) {
        let widest = pairs
            .iter()
            .map(|(k, _)| self.fonts.width(LABEL.face, &clean(k), LABEL.size))
            .fold(0.0f32, f32::max);
        let label_w = widest.min(self.frame.width() * LABEL_MAX_SHARE);
        (label_w, self.frame.width() - label_w - LABEL_GAP)
    }

    fn key_values(&mut self, pairs: &[(String, String)]) {
        let (label_w, value_w) = self.key_value_widths(pairs);
        let value_x = self.frame.right - value_w;
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                self.space(3.0);
            }
            let labels = self.wrap(LABEL, k, label_w);
            let values = self.wrap(BODY, v, value_w);
            let n = labels.len().max(values.len());
            let h = n as f32 * BODY.leading;
            if h <= self.page_capacity() {
                self.ensure(h);
            }
            let mut labels = labels.into_iter();
            let mut values = values.into_iter();
            for _ in 0..n {
                let mut runs = Vec::with_capacity(2);
                if let Some(l) = labels.next() {
                    runs.push((self.frame.left, LABEL, l));
                }
                if let Some(v) = values.next() {
                    runs.push((value_x, BODY, v));
                }
                self.line(BODY.leading, runs);
            }
        }
        self.space(8.0);
    }

    fn bullets(&mut self, items: &[String]) {
        let x = self.frame.left + 4.0;
        let text_x = self.frame.left + BULLET_INDENT;
        let width = self.frame.right - text_x;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.space(2.0);
            }
            for (j, line) in self.wrap(BODY, item, width).into_iter().enumerate() {
                let mut runs = Vec::with_capacity(2);
                if j == 0 {
                    runs.push((x, BODY, "•".to_string()));
                }
                runs.push((text_x, BODY, line));
                self.line(BODY.leading, runs);
            }
        }
        self.space(7.0);
    }

    /// Column positions and the wrapped header row of `t`.
    fn table_geometry(&self, t: &Table) -> TableGeometry {
        let total: f32 = t.columns.iter().map(|c| c.width).sum();
        let mut xs = Vec::with_capacity(t.columns.len());
        let mut x = self.frame.left;
        for c in &t.columns {
            let w = self.frame.width() * c.width / total;
            xs.push((x, w));
            x += w;
        }
        let head: Vec<Vec<String>> = t
            .columns
            .iter()
            .zip(&xs)
            .map(|(c, &(_, w))| self.wrap(CELL_HEAD, &c.title, cell_width(w)))
            .collect();
        let head_h = row_height(&head);
        TableGeometry {
            xs,
            aligns: t.columns.iter().map(|c| c.align).collect(),
            head,
            head_h,
        }
    }

    /// A row's cells, wrapped within their columns (missing cells are blank).
    fn table_cells(&self, g: &TableGeometry, row: &[String]) -> Vec<Vec<String>> {
        g.xs.iter()
            .enumerate()
            .map(|(i, &(_, w))| {
                let s = row.get(i).map(String::as_str).unwrap_or("");
                self.wrap(CELL, s, cell_width(w))
            })
            .collect()
    }

    /// Room a table needs to start on a page: its header and its first row, or the first
    /// row's first line when that row is taller than a page anyway.
    fn table_start(&self, g: &TableGeometry, first: Option<&[Vec<String>]>) -> f32 {
        let first_h = first.map_or(0.0, row_height);
        if g.head_h + first_h <= self.page_capacity() {
            g.head_h + first_h
        } else {
            g.head_h + CELL.leading + 2.0 * CELL_PAD_Y
        }
    }

    fn table(&mut self, t: &Table) {
        let g = self.table_geometry(t);
        let rows: Vec<Vec<Vec<String>>> = t.rows.iter().map(|r| self.table_cells(&g, r)).collect();

        self.space(TABLE_BEFORE);
        // Never a header row alone at the foot of a page.
        self.ensure(self.table_start(&g, rows.first().map(Vec::as_slice)));
        self.table_header(&g);
        for cells in &rows {
            let n = cells.iter().map(Vec::len).max().unwrap_or(1);
            let row_h = row_height(cells);
            if !self.fits(row_h) && g.head_h + row_h <= self.page_capacity() {
                self.new_page();
                self.table_header(&g);
            }
            // Place the row, splitting it between lines only when it is taller than a page.
            let mut start = 0;
            while start < n {
                let room = self.bottom - self.y - 2.0 * CELL_PAD_Y + EPS;
                let fit = if room.is_finite() {
                    ((room / CELL.leading).floor().max(0.0) as usize).min(n - start)
                } else {
                    n - start
                };
                if fit == 0 {
                    if self.y <= self.frame.top + g.head_h + EPS {
                        // Only the header is on this fresh page and still no line fits.
                        self.overflow = true;
                        return;
                    }
                    self.new_page();
                    self.table_header(&g);
                    continue;
                }
                self.table_row(&g, cells, start..start + fit, CELL, 0.85, 0.4);
                start += fit;
                if start < n {
                    self.new_page();
                    self.table_header(&g);
                }
            }
        }
        self.space(10.0);
    }

    fn table_header(&mut self, g: &TableGeometry) {
        let (left, right) = (self.frame.left, self.frame.right);
        let item = Item::Fill {
            x: left,
            y: self.y,
            w: right - left,
            h: g.head_h,
            grey: 0.92,
        };
        self.push(item);
        let lines = g.head.iter().map(Vec::len).max().unwrap_or(1);
        self.table_row(g, &g.head, 0..lines, CELL_HEAD, 0.45, 0.6);
    }

    /// Lines `range` of a row's cells, padded, with a rule under them.
    fn table_row(
        &mut self,
        g: &TableGeometry,
        cells: &[Vec<String>],
        range: std::ops::Range<usize>,
        style: Style,
        rule_grey: f32,
        rule_thickness: f32,
    ) {
        let top = self.y + CELL_PAD_Y;
        for (col, lines) in cells.iter().enumerate() {
            let (x, w) = g.xs[col];
            for (k, line) in lines.iter().enumerate().take(range.end).skip(range.start) {
                if line.is_empty() {
                    continue;
                }
                let tw = self.fonts.width(style.face, line, style.size);
                let lx = match g.aligns[col] {
                    Align::Left => x + CELL_PAD_X,
                    Align::Right => x + w - CELL_PAD_X - tw,
                    Align::Center => x + (w - tw) / 2.0,
                };
                let line_top = top + (k - range.start) as f32 * style.leading;
                let item = text(self.fonts, style, lx, line_top, line.clone());
                self.push(item);
            }
        }
        self.y = top + range.len() as f32 * style.leading + CELL_PAD_Y;
        let item = Item::Rule {
            x1: self.frame.left,
            x2: self.frame.right,
            y: self.y,
            thickness: rule_thickness,
            grey: rule_grey,
        };
        self.push(item);
        self.ink = self.y;
    }
}

/// Column positions and the wrapped header row of a table being placed.
struct TableGeometry {
    /// Left edge and width of each column.
    xs: Vec<(f32, f32)>,
    aligns: Vec<Align>,
    head: Vec<Vec<String>>,
    head_h: f32,
}

/// Width for text inside a cell of a column `w` wide.
fn cell_width(w: f32) -> f32 {
    (w - 2.0 * CELL_PAD_X).max(1.0)
}

/// Height of a table row whose cells wrapped into `cells`, padding included.
fn row_height(cells: &[Vec<String>]) -> f32 {
    let n = cells.iter().map(Vec::len).max().unwrap_or(1);
    n as f32 * CELL.leading + 2.0 * CELL_PAD_Y
}

/// A kind of heading: its style, the space around it and whether it is underlined.
#[derive(Debug, Clone, Copy)]
struct Heading {
    style: Style,
    before: f32,
    after: f32,
    underline: bool,
}

impl Heading {
    const TITLE: Heading = Heading {
        style: TITLE,
        before: 0.0,
        after: 10.0,
        underline: false,
    };
    const HEADING: Heading = Heading {
        style: HEADING,
        before: 14.0,
        after: 6.0,
        underline: true,
    };
    const SUBHEADING: Heading = Heading {
        style: SUBHEADING,
        before: 8.0,
        after: 3.0,
        underline: false,
    };
}

#[cfg(test)]
mod tests;
