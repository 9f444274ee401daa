//! PDF with a text layer (lopdf underneath): the pages' text drawn back into lines, and the
//! lines into parts.
//!
//! A PDF has no structure, only glyphs at positions, so: glyphs on one baseline make a line
//! (a wide gap splits it into cells); a line in a larger font than the body text is a
//! heading (the largest size level 1, and so on); a line starting with a bullet is a list
//! item (deeper when indented further) and the lines under it continue it; consecutive lines
//! of several cells make a table; a vertical gap ends a paragraph. Bold comes from the font's
//! name or weight. Page numbers on their own line are dropped.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object};

use super::parts::{Part, Run};
use super::zipped::MAX_UNPACKED;
use super::Problem;

/// Pages beyond this are not read: no job description is this long.
const MAX_PAGES: usize = 200;

/// Text-space operations beyond this per page are not followed.
const MAX_OPERATIONS: usize = 500_000;

/// Reads a PDF's text into parts.
///
/// lopdf is a large parser of hostile input; should it panic on some malformed file, the
/// panic is caught here and reported as a damaged document (the importer never panics).
pub(super) fn read(bytes: &[u8]) -> Result<Vec<Part>, Problem> {
    std::panic::catch_unwind(|| read_unguarded(bytes)).unwrap_or_else(|_| {
        Err(Problem::Damaged(
            "the PDF reader could not make sense of it".to_owned(),
        ))
    })
}

fn read_unguarded(bytes: &[u8]) -> Result<Vec<Part>, Problem> {
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    let options = LoadOptions::with_max_decompressed_size(MAX_UNPACKED as usize);
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(_) if encrypted => return Err(Problem::Encrypted),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(Problem::TooLarge)
        }
        Err(e) => return Err(Problem::Damaged(e.to_string())),
    };
    if doc.is_encrypted() {
        return Err(Problem::Encrypted);
    }
    let mut lines = Vec::new();
    for (index, (_, page_id)) in doc.get_pages().into_iter().take(MAX_PAGES).enumerate() {
        let glyphs = page_glyphs(&doc, page_id)?;
        lines.extend(into_lines(index, glyphs));
    }
    lines.retain(|l| !is_page_number(&l.text()));
    if lines.is_empty() {
        return Err(Problem::NoTextLayer);
    }
    Ok(into_parts(&lines))
}

/// A font as far as text extraction needs it.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    two_byte: bool,
    /// The codes are glyph indices in the Macintosh standard order, read as such because the
    /// font's Unicode map gives nothing (see [`glyph_index_text`]).
    glyph_indices: bool,
    widths: BTreeMap<u32, f64>,
    default_width: f64,
    bold: bool,
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn array<'a>(doc: &'a Document, o: Option<&'a Object>) -> &'a [Object] {
    o.map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
        .map_or(&[], Vec::as_slice)
}

impl<'a> Font<'a> {
    fn read(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let two_byte = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
        let base_font = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).to_lowercase())
            .unwrap_or_default();
        let mut widths = BTreeMap::new();
        let mut default_width = 500.0;
        let mut descriptor_font = dict;
        if two_byte {
            let descendant = array(doc, dict.get(b"DescendantFonts").ok())
                .first()
                .map(|d| deref(doc, d))
                .and_then(|d| d.as_dict().ok());
            if let Some(d) = descendant {
                descriptor_font = d;
                default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                read_cid_widths(doc, array(doc, d.get(b"W").ok()), &mut widths);
            }
        } else {
            let first = dict
                .get(b"FirstChar")
                .ok()
                .and_then(number)
                .unwrap_or(0.0)
                .max(0.0) as u32;
            for (i, w) in array(doc, dict.get(b"Widths").ok()).iter().enumerate() {
                if let Some(w) = number(deref(doc, w)) {
                    widths.insert(first + i as u32, w);
                }
            }
        }
        let descriptor = descriptor_font
            .get(b"FontDescriptor")
            .ok()
            .map(|d| deref(doc, d))
            .and_then(|d| d.as_dict().ok());
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(number)
            .unwrap_or(0.0);
        let force_bold = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(number)
            .is_some_and(|f| (f as i64) & (1 << 18) != 0);
        let bold = weight >= 600.0
            || force_bold
            || ["bold", "black", "heavy", "semibold", "demi"]
                .iter()
                .any(|w| base_font.contains(w));
        let encoding = dict
            .get_font_encoding_with_limit(doc, MAX_UNPACKED as usize)
            .ok();
        let embedded_truetype = descriptor.is_some_and(|d| d.has(b"FontFile2"));
        let glyph_indices = two_byte
            && embedded_truetype
            && identity_encoded(dict)
            && matches!(&encoding, Some(e) if map_gives_nothing(e));
        Font {
            encoding,
            two_byte,
            glyph_indices,
            widths,
            default_width,
            bold,
        }
    }

    fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| c.iter().fold(0u32, |a, &b| a * 256 + u32::from(b)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    fn decode(&self, bytes: &[u8]) -> String {
        if self.glyph_indices {
            return glyph_index_text(&self.codes(bytes));
        }
        let text = match &self.encoding {
            Some(encoding) => encoding.bytes_to_string(bytes).unwrap_or_default(),
            None => bytes.iter().map(|&b| char::from(b)).collect(),
        };
        text.chars()
            .map(|c| if c == '\u{a0}' { ' ' } else { c })
            .filter(|c| !c.is_control() && *c != '\u{fffd}')
            .collect()
    }
}

/// Whether a composite font's codes are its glyph indices (`/Encoding /Identity-H`).
fn identity_encoded(dict: &Dictionary) -> bool {
    dict.get(b"Encoding").and_then(Object::as_name).ok() == Some(b"Identity-H")
}

/// Whether a font's Unicode map gives no character for the codes running text is made of
/// (the space and the letters, as glyph indices or as themselves): the map is missing or
/// broken, and only the codes are left to read.
fn map_gives_nothing(encoding: &Encoding) -> bool {
    [3u8, 0x20, 0x44, 0x48, 0x61, 0x65].iter().all(|&code| {
        encoding.bytes_to_string(&[0, code]).map_or(true, |t| {
            t.chars().all(|c| c == '\u{fffd}' || c.is_control())
        })
    })
}

/// Text drawn in a TrueType font embedded by glyph index whose Unicode map is unreadable, as
/// Mac OS X's Quartz wrote PDFs printed from Chrome ("6HUYLFH" for "Service" to a reader that
/// takes the codes as characters): in the Macintosh standard glyph order glyph 3 is the
/// space and glyphs 3 to 97 are the printable ASCII characters, each 29 below its code
/// point. Other glyphs are left out, except one drawn on its own: that is how a bullet is
/// drawn (Word's list symbol, in a glyph past the ASCII range), and it reads as one.
fn glyph_index_text(codes: &[u32]) -> String {
    if let [lone] = codes {
        if !(3..=97).contains(lone) {
            return "•".to_owned();
        }
    }
    codes
        .iter()
        .filter(|&&g| (3..=97).contains(&g))
        .filter_map(|&g| char::from_u32(g + 29))
        .collect()
}

/// `W` of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
fn read_cid_widths(doc: &Document, w: &[Object], widths: &mut BTreeMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(deref(doc, &w[i])) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().take(65_536).enumerate() {
                    if let Some(v) = number(deref(doc, o)) {
                        widths.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) = (number(last), w.get(i + 2).and_then(number)) else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65_536));
                for c in first..=last {
                    widths.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// A 2-D affine matrix `[a b c d e f]`.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f64, ty: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// Text drawn at one place in one font.
#[derive(Debug, Clone)]
struct Glyphs {
    x: f64,
    x_end: f64,
    y: f64,
    size: f64,
    bold: bool,
    text: String,
}

/// The text state of a content stream being interpreted.
struct State {
    ctm: Matrix,
    tm: Matrix,
    tlm: Matrix,
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
}

fn page_glyphs(doc: &Document, page_id: lopdf::ObjectId) -> Result<Vec<Glyphs>, Problem> {
    let fonts: BTreeMap<Vec<u8>, Font> = doc
        .get_page_fonts(page_id)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| (name, Font::read(doc, dict)))
        .collect();
    let data = match doc.get_page_content_with_limit(page_id, MAX_UNPACKED as usize) {
        Ok(data) => data,
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(Problem::TooLarge)
        }
        Err(_) => return Ok(Vec::new()),
    };
    let Ok(content) = Content::decode(&data) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut s = State {
        ctm: IDENTITY,
        tm: IDENTITY,
        tlm: IDENTITY,
        font: None,
        size: 12.0,
        char_spacing: 0.0,
        word_spacing: 0.0,
        scale: 1.0,
        leading: 0.0,
    };
    let mut saved: Vec<Matrix> = Vec::new();
    for op in content.operations.iter().take(MAX_OPERATIONS) {
        let n = |i: usize| op.operands.get(i).and_then(number).unwrap_or(0.0);
        match op.operator.as_str() {
            "q" if saved.len() < 64 => saved.push(s.ctm),
            "Q" => s.ctm = saved.pop().unwrap_or(IDENTITY),
            "cm" => s.ctm = multiply(&[n(0), n(1), n(2), n(3), n(4), n(5)], &s.ctm),
            "BT" => {
                s.tm = IDENTITY;
                s.tlm = IDENTITY;
            }
            "Tf" => {
                s.font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                s.size = n(1);
            }
            "Tc" => s.char_spacing = n(0),
            "Tw" => s.word_spacing = n(0),
            "Tz" => s.scale = n(0) / 100.0,
            "TL" => s.leading = n(0),
            "Td" | "TD" => {
                if op.operator == "TD" {
                    s.leading = -n(1);
                }
                s.tlm = multiply(&translate(n(0), n(1)), &s.tlm);
                s.tm = s.tlm;
            }
            "Tm" => {
                s.tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                s.tm = s.tlm;
            }
            "T*" => next_line(&mut s),
            "Tj" | "'" | "\"" => {
                if op.operator != "Tj" {
                    next_line(&mut s);
                }
                if op.operator == "\"" {
                    s.word_spacing = n(0);
                    s.char_spacing = n(1);
                }
                if let Some(Object::String(bytes, _)) = op.operands.last() {
                    show(
                        &mut s,
                        &fonts,
                        &[Object::String(bytes.clone(), lopdf::StringFormat::Literal)],
                        &mut out,
                    );
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    show(&mut s, &fonts, items, &mut out);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn next_line(s: &mut State) {
    s.tlm = multiply(&translate(0.0, -s.leading), &s.tlm);
    s.tm = s.tlm;
}

/// Shows strings (and `TJ` adjustments), advancing the text matrix, as runs of glyphs; an
/// adjustment wider than a couple of spaces starts a new run (table cells are drawn so).
fn show(s: &mut State, fonts: &BTreeMap<Vec<u8>, Font>, items: &[Object], out: &mut Vec<Glyphs>) {
    let Some(font) = s.font.as_ref().and_then(|f| fonts.get(f)) else {
        return;
    };
    let mut start = multiply(&s.tm, &s.ctm);
    let mut text = String::new();
    for item in items {
        match item {
            Object::String(bytes, _) => {
                text.push_str(&font.decode(bytes));
                let mut advance = 0.0;
                for code in font.codes(bytes) {
                    advance += font.width(code) / 1000.0 * s.size + s.char_spacing;
                    if code == 32 && !font.two_byte {
                        advance += s.word_spacing;
                    }
                }
                s.tm = multiply(&translate(advance * s.scale, 0.0), &s.tm);
            }
            other => {
                let Some(adjust) = number(other) else {
                    continue;
                };
                if adjust < -1500.0 {
                    emit(s, font, start, std::mem::take(&mut text), out);
                } else if adjust < -200.0 && !text.ends_with(' ') && !text.is_empty() {
                    // A large negative adjustment is how some producers draw a space.
                    text.push(' ');
                }
                s.tm = multiply(&translate(-adjust / 1000.0 * s.size * s.scale, 0.0), &s.tm);
                if text.is_empty() {
                    start = multiply(&s.tm, &s.ctm);
                }
            }
        }
    }
    emit(s, font, start, text, out);
}

/// Records text drawn from `start` to the current text position.
fn emit(s: &State, font: &Font, start: Matrix, text: String, out: &mut Vec<Glyphs>) {
    if text.trim().is_empty() {
        return;
    }
    let end = multiply(&s.tm, &s.ctm);
    let size = (s.size * (start[2].powi(2) + start[3].powi(2)).sqrt()).abs();
    out.push(Glyphs {
        x: start[4],
        x_end: end[4],
        y: start[5],
        size: if size > 0.0 { size } else { s.size.abs() },
        bold: font.bold,
        text,
    });
}

/// One line of a page: its cells (split at wide gaps), each a list of runs.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    y: f64,
    x: f64,
    size: f64,
    cells: Vec<Vec<Run>>,
    /// Where each cell starts.
    cell_x: Vec<f64>,
}

impl Line {
    fn text(&self) -> String {
        self.cells
            .iter()
            .map(|c| c.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
            .trim()
            .to_owned()
    }
}

fn push_run(runs: &mut Vec<Run>, text: &str, bold: bool) {
    match runs.last_mut() {
        Some(last) if last.bold == bold || text.trim().is_empty() => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            bold,
        }),
    }
}

/// Glyph runs grouped into lines by baseline, left to right.
fn into_lines(page: usize, mut glyphs: Vec<Glyphs>) -> Vec<Line> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyphs>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= 0.4 * row[0].size.max(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = row
                .iter()
                .max_by_key(|g| g.text.trim().chars().count())
                .map_or(12.0, |g| g.size);
            let mut cells: Vec<Vec<Run>> = vec![Vec::new()];
            let mut cell_x = vec![row[0].x];
            let mut previous_end: Option<f64> = None;
            let mut previous_text = String::new();
            for g in &row {
                if let Some(end) = previous_end {
                    let gap = g.x - end;
                    let lone_bullet = cells.len() == 1 && is_bullet_text(previous_text.trim());
                    if gap > 0.7 * size && !lone_bullet {
                        cells.push(Vec::new());
                        cell_x.push(g.x);
                    } else if gap > 0.2 * size
                        && !previous_text.ends_with(' ')
                        && !g.text.starts_with(' ')
                    {
                        push_run(cells.last_mut().expect("never empty"), " ", g.bold);
                    }
                }
                push_run(cells.last_mut().expect("never empty"), &g.text, g.bold);
                previous_end = Some(g.x_end.max(g.x));
                previous_text.clone_from(&g.text);
            }
            let (cells, cell_x): (Vec<Vec<Run>>, Vec<f64>) = cells
                .into_iter()
                .zip(cell_x)
                .filter(|(c, _)| c.iter().any(|r| !r.text.trim().is_empty()))
                .unzip();
            Line {
                page,
                y: row[0].y,
                x: cell_x.first().copied().unwrap_or(row[0].x),
                size,
                cells,
                cell_x,
            }
        })
        .filter(|l| !l.cells.is_empty())
        .collect()
}

/// "7", "Page 2", "Page 2 of 5", "2 of 5", "- 3 -".
fn is_page_number(text: &str) -> bool {
    let t = text.to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let t = t.strip_prefix("page").unwrap_or(t).trim();
    let mut words = t.split_whitespace();
    match (words.next(), words.next(), words.next(), words.next()) {
        (Some(a), None, None, None) => a.chars().all(|c| c.is_ascii_digit()),
        (Some(a), Some("of"), Some(b), None) => {
            a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

const BULLETS: &[char] = &[
    '•', '◦', '▪', '●', '○', '■', '□', '‣', '·', '–', '—', '-', '*', '✓', '\u{F0B7}', '\u{F0A7}',
    '\u{2219}',
];

fn is_bullet_text(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if BULLETS.contains(&c))
}

/// The line's runs without a leading bullet, when it has one.
fn strip_bullet(runs: &[Run]) -> Option<Vec<Run>> {
    let first = runs.first()?;
    let t = first.text.trim_start();
    let c = t.chars().next()?;
    let rest = &t[c.len_utf8()..];
    let numbered = {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits > 0
            && digits <= 2
            && t[digits..].starts_with(['.', ')'])
            && t[digits + 1..].starts_with(' ')
    };
    if !(BULLETS.contains(&c) && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        || numbered)
    {
        return None;
    }
    let skip = if numbered {
        t.find(' ').unwrap_or(t.len())
    } else {
        c.len_utf8()
    };
    let mut out = runs.to_vec();
    out[0].text = t[skip..].trim_start().to_owned();
    if out[0].text.is_empty() {
        out.remove(0);
    }
    Some(out)
}

/// The body text size: the size most of the text is set in.
fn body_size(lines: &[Line]) -> f64 {
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for l in lines {
        *counts.entry((l.size * 2.0).round() as i64).or_default() += l.text().chars().count();
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(12.0, |(size, _)| size as f64 / 2.0)
}

fn heading_levels(lines: &[Line], body: f64) -> Vec<i64> {
    let mut sizes: Vec<i64> = lines
        .iter()
        .filter(|l| l.size > body * 1.12 && l.text().split_whitespace().count() <= 20)
        .map(|l| (l.size * 2.0).round() as i64)
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    sizes
}

fn joined(cells: &[Vec<Run>]) -> Vec<Run> {
    let mut runs = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            push_run(&mut runs, " ", false);
        }
        for r in cell {
            push_run(&mut runs, &r.text, r.bold);
        }
    }
    runs
}

/// Adds a printed line to a paragraph or item: a line starting in lower case continues the
/// sentence (after a dash with no space: the line broke at the dash), any other starts a new
/// line of the paragraph.
fn append_line(runs: &mut Vec<Run>, line: &[Run]) {
    let starts_lower = line
        .first()
        .and_then(|r| r.text.trim_start().chars().next())
        .is_some_and(char::is_lowercase);
    let after_dash = runs
        .last()
        .is_some_and(|r| r.text.trim_end().ends_with(['–', '-', '—', '/']));
    let joint = match (starts_lower, after_dash) {
        (true, true) => "",
        (true, false) => " ",
        (false, _) => "\n",
    };
    if let Some(last) = runs.last_mut().filter(|_| after_dash && starts_lower) {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    push_run(runs, joint, false);
    for r in line {
        push_run(runs, &r.text, r.bold);
    }
}

fn all_bold(runs: &[Run]) -> bool {
    let mut filled = runs.iter().filter(|r| !r.text.trim().is_empty()).peekable();
    filled.peek().is_some() && filled.all(|r| r.bold)
}

/// Lines into parts.
fn into_parts(lines: &[Line]) -> Vec<Part> {
    let body = body_size(lines);
    let levels = heading_levels(lines, body);
    let mut parts: Vec<Part> = Vec::new();
    // Indents of the bullets of the list being read, shallowest first.
    let mut bullet_indents: Vec<f64> = Vec::new();
    let mut previous: Option<&Line> = None;
    // Where the columns of the table being read start.
    let mut table_columns: Option<Vec<f64>> = None;
    for line in lines {
        let gap = previous.map_or(f64::MAX, |p| {
            if p.page == line.page {
                p.y - line.y
            } else {
                f64::MAX
            }
        });
        let new_block = gap > 1.6 * line.size.max(previous.map_or(0.0, |p| p.size));
        let size_key = (line.size * 2.0).round() as i64;
        let heading = levels.iter().position(|&s| s == size_key);
        previous = Some(line);
        if let Some(level) = heading {
            let level = (level + 1).min(6) as u8;
            if let (false, Some(Part::Heading { level: l, text })) = (new_block, parts.last_mut()) {
                if *l == level {
                    push_run(text, " ", false);
                    text.extend(joined(&line.cells));
                    continue;
                }
            }
            bullet_indents.clear();
            parts.push(Part::Heading {
                level,
                text: joined(&line.cells),
            });
            continue;
        }
        // A line whose cells start at the columns of the table just above, close under it,
        // continues that table's last row (a cell's text wrapped onto more lines).
        if let (false, Some(columns), Some(Part::Table(rows))) =
            (new_block, table_columns.as_ref(), parts.last_mut())
        {
            let close = gap <= 1.3 * line.size;
            let fits: Option<Vec<usize>> = line
                .cell_x
                .iter()
                .map(|&x| columns.iter().position(|&c| (c - x).abs() < 2.0))
                .collect();
            if let (true, Some(fits)) = (close, fits) {
                if let Some(row) = rows.last_mut() {
                    for (cell, column) in line.cells.iter().zip(fits) {
                        if let Some(Part::Paragraph(text)) =
                            row.get_mut(column).and_then(|c| c.last_mut())
                        {
                            append_line(text, cell);
                            if let Some(last) =
                                text.iter_mut().rev().find(|r| r.text.contains('\n'))
                            {
                                last.text = last.text.replace('\n', " ");
                            }
                        }
                    }
                    continue;
                }
            }
        }
        if line.cells.len() >= 2 {
            bullet_indents.clear();
            table_columns = Some(line.cell_x.clone());
            let row: Vec<Vec<Part>> = line
                .cells
                .iter()
                .map(|c| vec![Part::Paragraph(c.clone())])
                .collect();
            match parts.last_mut() {
                Some(Part::Table(rows)) if !new_block => rows.push(row),
                _ => parts.push(Part::Table(vec![row])),
            }
            continue;
        }
        let runs = &line.cells[0];
        if let Some(item) = strip_bullet(runs) {
            let depth = match bullet_indents
                .iter()
                .position(|&x| (x - line.x).abs() < 3.0)
            {
                Some(d) => d,
                None => {
                    bullet_indents.retain(|&x| x < line.x);
                    bullet_indents.push(line.x);
                    bullet_indents.len() - 1
                }
            };
            bullet_indents.truncate(depth + 1);
            parts.push(Part::Item { depth, text: item });
            continue;
        }
        // A line all in bold is a heading or a name: it stands alone as a bold paragraph, and
        // so does the line after it, and the outline reads it as a heading below the real
        // ones — as it reads Word's bold lines. (Numbering bold lines as headings one level
        // under the last real one made a staircase of competency, "Essential" and the next
        // competency in PDFs exported from Word.)
        let bold = all_bold(runs);
        match parts.last_mut() {
            // A line under a bullet, indented past it, continues the item.
            Some(Part::Item { text, .. })
                if !new_block
                    && !bold
                    && bullet_indents.last().is_some_and(|&x| line.x > x + 1.0) =>
            {
                append_line(text, runs);
            }
            Some(Part::Paragraph(text)) if !new_block && !bold && !all_bold(text) => {
                append_line(text, runs);
            }
            _ => {
                bullet_indents.clear();
                parts.push(Part::Paragraph(runs.clone()));
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_indices_in_the_macintosh_order_read_as_text() {
        // gds-service-manager-job-description.pdf: "Service Manager" drawn as glyph indices.
        let codes = [
            0x36, 0x48, 0x55, 0x59, 0x4c, 0x46, 0x48, 0x03, 0x30, 0x44, 0x51,
        ];
        assert_eq!(glyph_index_text(&codes), "Service Man");
        // Glyphs past the ASCII range are left out of text, and one drawn alone is a bullet.
        assert_eq!(glyph_index_text(&[0x24, 0xb7, 0x25]), "AB");
        assert_eq!(glyph_index_text(&[0x142]), "•");
    }

    #[test]
    fn page_numbers_are_recognised() {
        for t in ["7", "Page 2", "page 2 of 5", "2 of 5", "- 3 -"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["Grade 7", "2 years", "Page two"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn bullets_and_numbers_are_stripped() {
        let runs = |t: &str| {
            vec![Run {
                text: t.into(),
                bold: false,
            }]
        };
        assert_eq!(strip_bullet(&runs("• one")), Some(runs("one")));
        assert_eq!(strip_bullet(&runs("12. twelve")), Some(runs("twelve")));
        assert_eq!(strip_bullet(&runs("2020. A year")), None);
        assert_eq!(strip_bullet(&runs("-5 degrees")), None);
    }

    #[test]
    fn matrices_compose_like_pdf() {
        let m = multiply(&translate(10.0, 5.0), &[2.0, 0.0, 0.0, 2.0, 100.0, 200.0]);
        assert_eq!(m, [2.0, 0.0, 0.0, 2.0, 120.0, 210.0]);
    }
}
