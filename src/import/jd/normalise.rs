//! Text-level clean-up before the Markdown parser sees the document.
//!
//! Job descriptions reach us after several copy-and-paste and format conversions, which glue
//! structure together in ways no Markdown parser can undo: a heading runs into the next
//! heading or into a bullet (`Direction#### Seeing`), a line of bullets loses its line breaks
//! (`* one* two* three`), a priority word is glued to the text before it
//! (`Seeing the Big PictureEssential`), a heading swallows the paragraph after it
//! (`# Web OpsThe applicant must…`), spaces become non-breaking spaces. This module is the one
//! place that repairs such things, by splitting lines and replacing characters only. It never
//! joins lines, so every output line remembers the source line it came from, which is how
//! warnings can name lines of the file the user has.

use unicode_normalization::UnicodeNormalization;

/// A line of normalised text and the 1-based line of the source it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub source_line: usize,
    pub text: String,
}

/// The normalised document: its lines, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalised {
    pub lines: Vec<Line>,
}

impl Normalised {
    /// The whole text, lines joined with `\n`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }

    /// The source line of the normalised line at 0-based index `index` (clamped).
    pub fn source_line(&self, index: usize) -> usize {
        self.lines
            .get(index)
            .or(self.lines.last())
            .map_or(1, |l| l.source_line)
    }
}

/// Normalises `text` line by line. See the module documentation for what changes.
pub(crate) fn normalise(text: &str) -> Normalised {
    let mut lines = Vec::new();
    let mut in_fence = false;
    let raw_lines: Vec<&str> = text.split('\n').collect();
    let front = front_matter_end(&raw_lines);
    for (i, raw) in raw_lines.iter().enumerate() {
        let cleaned = clean_chars(raw);
        if i <= front.unwrap_or(0) && front.is_some() {
            // Page metadata: only its title is the document's; the rest (layout, weight,
            // breadcrumbs) must not reach the outline, where it would be glued into a
            // heading. Each kept key stands alone, so it is read as "Title: …".
            lines.push(Line {
                source_line: i + 1,
                text: front_matter_line(&cleaned),
            });
            continue;
        }
        let cleaned = close_line_emphasis(&space_after_hashes(&cleaned));
        let trimmed = cleaned.trim_start();
        // Fenced code is quoted text: leave it exactly as written.
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            lines.push(Line {
                source_line: i + 1,
                text: cleaned,
            });
            continue;
        }
        if in_fence {
            lines.push(Line {
                source_line: i + 1,
                text: cleaned,
            });
            continue;
        }
        for piece in split_line(&cleaned) {
            lines.push(Line {
                source_line: i + 1,
                text: piece,
            });
        }
    }
    pad_table_headers(&mut lines);
    indent_introduced_items(&mut lines);
    Normalised {
        lines: separate_priority_lines(lines),
    }
}

/// The 0-based index of the line closing a YAML front-matter block (`---` … `---`) that
/// opens the document, if there is one. Every line inside must read as YAML (`key: value`,
/// `key:`, an indented or `- ` continuation, or blank), so a thematic break that opens a
/// document is not mistaken for metadata.
fn front_matter_end(lines: &[&str]) -> Option<usize> {
    const MAX_LINES: usize = 80;
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    if lines[first].trim_end() != "---" {
        return None;
    }
    let mut keys = 0;
    for (i, line) in lines.iter().enumerate().skip(first + 1).take(MAX_LINES) {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return (keys > 0).then_some(i);
        }
        if t.trim().is_empty() || t.starts_with([' ', '\t']) || t.starts_with("- ") {
            continue;
        }
        let is_key = t.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        });
        if !is_key {
            return None;
        }
        keys += 1;
    }
    None
}

/// A front-matter line as the outline should see it: a top-level `title:` becomes a
/// "Page title: …" line of its own (a page's navigation label, which the document's own
/// heading overrides); everything else becomes a blank line (keeping line numbers).
fn front_matter_line(line: &str) -> String {
    if line.starts_with([' ', '\t']) {
        return String::new();
    }
    match line.split_once(':') {
        Some((key, value)) if key.trim().eq_ignore_ascii_case("title") => {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            if value.is_empty() {
                String::new()
            } else {
                format!("Page title: {value}")
            }
        }
        _ => String::new(),
    }
}

/// `<u>Desirable`: an emphasis tag that opens a line and is never closed on it. The author
/// meant that line, but an HTML parser keeps an unclosed formatting element open and wraps
/// every block after it (headings, lists, the rest of the document) in it. Closing it at the
/// end of its line keeps it to the line it was written on.
fn close_line_emphasis(line: &str) -> String {
    const TAGS: [&str; 5] = ["u", "b", "i", "em", "strong"];
    let t = line.trim_start();
    for tag in TAGS {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let starts = t
            .get(..open.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(&open));
        if starts && !t.to_ascii_lowercase().contains(&close) {
            return format!("{}{close}", line.trim_end());
        }
    }
    line.to_owned()
}

/// `##Competencies`: a heading written without the space after its hashes. Two to six `#`
/// followed by a letter always make a heading; one `#` only before a capital letter, with no
/// other `#` on the line, so a hashtag in running text or `C#` is left alone.
fn space_after_hashes(line: &str) -> String {
    let run = line.chars().take_while(|&c| c == '#').count();
    if run == 0 || run > 6 {
        return line.to_owned();
    }
    let rest = &line[run..];
    let Some(next) = rest.chars().next() else {
        return line.to_owned();
    };
    let heading = if run >= 2 {
        next.is_alphabetic()
    } else {
        next.is_uppercase() && !rest.contains('#') && rest.split_whitespace().count() <= 12
    };
    if heading {
        format!("{} {rest}", &line[..run])
    } else {
        line.to_owned()
    }
}

/// Whether a line is only a priority word ("Essential", "**Desirable:**").
fn is_priority_line(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | ':' | ' '))
        .to_ascii_lowercase();
    t == "essential" || t == "desirable"
}

/// Whether a line starts a Markdown list item.
fn is_item_line(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("* ")
        || t.starts_with("- ")
        || t.starts_with("+ ")
        // "1. Item": a numbered list's marker, not the end of a sentence.
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// "* Proficient in all areas of release management, including:" then " * Configuration
/// management;": items indented by less than their parent's text are siblings to a Markdown
/// parser, while the writer plainly meant the items the colon introduces. Items right after an
/// item that ends with a colon, indented more than its marker, are moved to its text's column.
fn indent_introduced_items(lines: &mut [Line]) {
    // The introducing item's marker indent and text column, while its items last.
    let mut parent: Option<(usize, usize)> = None;
    for line in lines.iter_mut() {
        if !is_item_line(&line.text) {
            if !line.text.trim().is_empty() {
                parent = None;
            }
            continue;
        }
        let indent = line.text.len() - line.text.trim_start().len();
        match parent {
            Some((marker, column)) if indent > marker && indent < column => {
                line.text = format!("{}{}", " ".repeat(column), line.text.trim_start());
                continue;
            }
            Some((marker, _)) if indent > marker => continue,
            _ => parent = None,
        }
        if line.text.trim_end().ends_with(':') {
            let marker_width = line.text.trim_start().find(' ').unwrap_or(1) + 1;
            parent = Some((indent, indent + marker_width));
        }
    }
}

/// A priority word on the line after a list item would be read as the end of that item
/// (a lazy continuation line); a blank line before it keeps it a line of its own.
fn separate_priority_lines(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        let after_item = out.last().is_some_and(|prev| is_item_line(&prev.text));
        if after_item && is_priority_line(&line.text) {
            out.push(Line {
                source_line: line.source_line,
                text: String::new(),
            });
        }
        out.push(line);
    }
    out
}

/// Character-level fixes: NFC, line-ending leftovers, invisible and non-breaking spaces.
fn clean_chars(line: &str) -> String {
    line.nfc()
        .filter_map(|c| match c {
            '\r' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                None
            }
            // Non-breaking and typographic spaces carry no meaning here; as plain spaces
            // the Markdown parser can see list markers and heading markers after them.
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => {
                Some(' ')
            }
            _ => Some(c),
        })
        .collect()
}

/// Applies the splitting rules to one line, in an order where each can see the result of
/// the one before: headings first, then bullets, then trailing priority words, then a
/// heading that swallowed a sentence.
fn split_line(line: &str) -> Vec<String> {
    let line = bullet_glyph_to_marker(line);
    let mut out = Vec::new();
    for a in line.split('\n').flat_map(split_glued_headings) {
        for b in split_glued_bullets(&a) {
            for c in split_priority_suffix(&b) {
                out.extend(split_overlong_heading(&c));
            }
        }
    }
    out
}

/// Word processors paste bullets as glyphs; Markdown only knows `*`, `-` and `+`.
/// A glyph that starts a line becomes `* `; one in the middle of a line starts a new item.
fn bullet_glyph_to_marker(line: &str) -> String {
    const GLYPHS: [char; 6] = ['•', '◦', '▪', '‣', '●', '○'];
    let mut out = String::with_capacity(line.len());
    let mut seen_text = false;
    let mut after_glyph = false;
    for c in line.chars() {
        if after_glyph && c == ' ' {
            continue;
        }
        after_glyph = false;
        if GLYPHS.contains(&c) {
            after_glyph = true;
            if seen_text {
                let kept = out.trim_end().len();
                out.truncate(kept);
                out.push('\n');
                out.push_str("* ");
            } else {
                out.push_str("* ");
            }
            seen_text = true;
            continue;
        }
        if !c.is_whitespace() {
            seen_text = true;
        }
        out.push(c);
    }
    // Glyph followed by its own space gives "*  x": harmless for Markdown.
    out
}

/// Splits a line at heading markers glued to the text before them: `role.## DUTIES`,
/// `REQUIRED### Setting`. Two or more `#` are needed after a letter or digit (so `C# and F#`
/// survives); a single `#` only after sentence punctuation.
fn split_glued_headings(line: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut start = 0;
    let mut i = 1;
    while i < chars.len() {
        if chars[i] == '#' && chars[i - 1] != '#' && !chars[i - 1].is_whitespace() {
            let run = chars[i..].iter().take_while(|&&c| c == '#').count();
            let after = chars.get(i + run).copied();
            let next = chars.get(i + run + 1).copied();
            let prev = chars[i - 1];
            let glued = run <= 6
                && after == Some(' ')
                && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && prev != '\\'
                && prev != '&'
                && (run >= 2 || matches!(prev, '.' | '!' | '?' | ':' | ';' | ')'));
            // Only split when what precedes is not itself only `#`s and spaces, i.e. a real
            // heading marker at the start of the line is left alone.
            if glued && chars[start..i].iter().any(|c| !matches!(c, '#' | ' ')) {
                out.push(chars[start..i].iter().collect());
                start = i;
                i += run;
                continue;
            }
            i += run;
            continue;
        }
        i += 1;
    }
    out.push(chars[start..].iter().collect());
    out
}

/// Splits `* one* two* three` into three items. An asterisk followed by a space and glued to
/// the text before it starts a new item, unless it closes emphasis opened earlier on the
/// line (`*important* thing`).
fn split_glued_bullets(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    // How many emphasis runs are open; a run is one or more `*`.
    let mut open: Vec<usize> = Vec::new();
    // Skip the item marker at the start of the line, if any.
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let mut i = if chars.get(lead) == Some(&'*') && chars.get(lead + 1) == Some(&' ') {
        lead + 2
    } else {
        0
    };
    let mut in_code = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            i += 1;
            continue;
        }
        if c != '*' || in_code {
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '*').count();
        let before = if i == 0 { None } else { Some(chars[i - 1]) };
        let after = chars.get(i + run).copied();
        let before_space = before.map_or(true, char::is_whitespace);
        let after_space = after.map_or(true, char::is_whitespace);
        if before_space && !after_space {
            open.push(run);
        } else if !before_space && after_space {
            if open.last() == Some(&run) {
                open.pop();
            } else if run == 1 && after == Some(' ') && i > start {
                // A glued bullet: "stack* Building".
                let piece: String = chars[start..i].iter().collect();
                if !piece.trim().is_empty() {
                    out.push(piece.trim_end().to_owned());
                }
                start = i;
                open.clear();
            }
        } else if !before_space && !after_space {
            // `a**b`: intra-word emphasis; treat as toggling the innermost run.
            if open.last() == Some(&run) {
                open.pop();
            } else {
                open.push(run);
            }
        }
        i += run;
    }
    let rest: String = chars[start..].iter().collect();
    if !rest.trim().is_empty() || out.is_empty() {
        out.push(rest);
    }
    out
}

/// The words that mark whether a requirement must be met.
const PRIORITY_WORDS: [&str; 2] = ["Essential", "Desirable"];

/// Splits a priority word glued to the end of a line (`Seeing the Big PictureEssential`,
/// `SSL, etc.Desirable`) onto its own line, where the extractor reads it as a marker. Only
/// the capitalised word with no space before it counts, so "undesirable" is left alone.
fn split_priority_suffix(line: &str) -> Vec<String> {
    let trimmed = line.trim_end();
    for word in PRIORITY_WORDS {
        for tail in [word.to_owned(), format!("{word}:")] {
            if let Some(head) = trimmed.strip_suffix(tail.as_str()) {
                let glued = head
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ')' | ','));
                let has_text = head.chars().any(char::is_alphanumeric);
                if glued && has_text {
                    return vec![head.to_owned(), word.to_owned()];
                }
            }
        }
    }
    vec![line.to_owned()]
}

/// Words that commonly start the sentence a heading has swallowed.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "These",
    "That",
    "There",
    "We",
    "Our",
    "You",
    "Your",
    "As",
    "In",
    "If",
    "It",
    "Its",
    "An",
    "A",
    "At",
    "For",
    "With",
    "Within",
    "Are",
    "Do",
    "Is",
    "Join",
    "Applicants",
    "Candidates",
    "Successful",
    "Working",
    "Based",
    "Reporting",
];

/// `# Web OpsThe applicant must have…`: a heading line that is really a title glued to a
/// paragraph is split where a sentence starter is glued to the end of a word.
fn split_overlong_heading(line: &str) -> Vec<String> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 || !line[hashes..].starts_with(' ') {
        return vec![line.to_owned()];
    }
    let body = &line[hashes + 1..];
    let words = body.split_whitespace().count();
    let sentence_like =
        words > 10 || body.trim_end().ends_with('.') || !super::sentence::is_one(body);
    if !sentence_like {
        return vec![line.to_owned()];
    }
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for w in 1..chars.len() {
        let (_, prev) = chars[w - 1];
        let (at, c) = chars[w];
        if !(prev.is_lowercase() && c.is_uppercase()) {
            continue;
        }
        let rest = &body[at..];
        let first_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let followed_by_space = rest[first_word.len()..].starts_with(' ');
        if followed_by_space && SENTENCE_STARTERS.contains(&first_word.as_str()) {
            let head = &body[..at];
            if head.split_whitespace().count() <= 10 {
                return vec![format!("{} {}", &line[..hashes], head), rest.to_owned()];
            }
        }
    }
    vec![line.to_owned()]
}

/// Counts the cells of a pipe-table row (`| a | b |`), ignoring escaped pipes.
fn pipe_cells(line: &str) -> Option<usize> {
    let t = line.trim();
    if !t.starts_with('|') && !t.contains(" | ") {
        return None;
    }
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut count = 1;
    let mut prev = ' ';
    for c in inner.chars() {
        if c == '|' && prev != '\\' {
            count += 1;
        }
        prev = c;
    }
    Some(count)
}

/// Whether `line` is a pipe-table delimiter row such as `| --- | :--: |`.
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Pandoc writes a one-cell header over a two-column table (`| **Appendix** |` over
/// `| --- | --- |`); GitHub-flavoured Markdown then refuses to see a table at all. Pads the
/// header with empty cells so the rows (`| Grade: | SEO |`) are read as a table.
fn pad_table_headers(lines: &mut [Line]) {
    for i in 1..lines.len() {
        if !is_delimiter_row(&lines[i].text) {
            continue;
        }
        let (Some(want), Some(have)) = (pipe_cells(&lines[i].text), pipe_cells(&lines[i - 1].text))
        else {
            continue;
        };
        if have < want && lines[i - 1].text.trim().starts_with('|') {
            let mut header = lines[i - 1].text.trim_end().to_owned();
            if !header.ends_with('|') {
                header.push_str(" |");
            }
            for _ in have..want {
                header.push_str("  |");
            }
            lines[i - 1].text = header;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        normalise(input).lines.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn glued_headings_are_split_onto_their_own_lines() {
        assert_eq!(
            texts("## PERSON SPECIFICATION - SKILLS REQUIRED### Setting Direction#### Seeing the Big Picture"),
            vec![
                "## PERSON SPECIFICATION - SKILLS REQUIRED",
                "### Setting Direction",
                "#### Seeing the Big Picture"
            ]
        );
        assert_eq!(
            texts("of this role.## DUTIES"),
            vec!["of this role.", "## DUTIES"]
        );
    }

    #[test]
    fn hashes_that_are_not_headings_survive() {
        for line in [
            "Experience of C# and F# development",
            "See page.html#section for details",
            "# A real heading",
            "Item &#35; 3",
            "Use the C## compiler",
        ] {
            // "C## compiler" is followed by a lowercase word: not a heading.
            assert_eq!(texts(line), vec![line], "{line}");
        }
    }

    #[test]
    fn an_emphasis_tag_left_open_is_closed_on_its_line() {
        // Royal Borough of Greenwich person specifications: "<u>Desirable" over a list.
        assert_eq!(
            texts("<u>Desirable\n-   Knowledge of X"),
            vec!["<u>Desirable</u>", "-   Knowledge of X"]
        );
        assert_eq!(texts("<U>Essential  "), vec!["<U>Essential</u>"]);
        for line in [
            "<u>Desirable</u>",
            "Some <b>bold</b> text",
            "<b>open",
            "a <u>b",
            "We’re recruiting",
            "’",
        ] {
            let want = if line == "<b>open" {
                "<b>open</b>"
            } else {
                line
            };
            assert_eq!(texts(line), vec![want], "{line}");
        }
    }

    #[test]
    fn glued_bullets_become_separate_items() {
        assert_eq!(
            texts("* one thing* two things* three"),
            vec!["* one thing", "* two things", "* three"]
        );
        assert_eq!(
            texts("## DUTIES & RESPONSIBILITIES* Operational management* Sharing on-call"),
            vec![
                "## DUTIES & RESPONSIBILITIES",
                "* Operational management",
                "* Sharing on-call"
            ]
        );
    }

    #[test]
    fn emphasis_is_not_mistaken_for_a_bullet() {
        for line in [
            "* an *important* thing",
            "**Grade:** SEO",
            "**DevOps Role Definition**",
            "5 * 3 = 15",
            "`a* b`",
        ] {
            assert_eq!(texts(line), vec![line], "{line}");
        }
    }

    #[test]
    fn glued_priority_words_move_to_their_own_line() {
        assert_eq!(
            texts("#### Seeing the Big PictureEssential"),
            vec!["#### Seeing the Big Picture", "Essential"]
        );
        assert_eq!(
            texts("* Familiarity with network protocols - TCP/IP, HTTP, SSL, etc.Desirable"),
            vec![
                "* Familiarity with network protocols - TCP/IP, HTTP, SSL, etc.",
                "",
                "Desirable"
            ],
            "a blank line keeps the word out of the list item"
        );
        assert_eq!(
            texts("* last item\n**Desirable:**\n* next"),
            vec!["* last item", "", "**Desirable:**", "* next"]
        );
        assert_eq!(
            texts("#### Managing a Quality ServiceEssential* Ensure the offer"),
            vec![
                "#### Managing a Quality Service",
                "Essential",
                "* Ensure the offer"
            ]
        );
        // A word that merely ends in the same letters, or a spaced word, is left alone.
        assert_eq!(texts("This is undesirable"), vec!["This is undesirable"]);
        assert_eq!(texts("Essential"), vec!["Essential"]);
    }

    #[test]
    fn a_heading_that_swallowed_a_paragraph_is_split() {
        assert_eq!(
            texts("# Web OpsThe applicant must have demonstrable experience of Linux. More text."),
            vec![
                "# Web Ops",
                "The applicant must have demonstrable experience of Linux. More text."
            ]
        );
        // Camel case inside a product name is not a sentence boundary.
        assert_eq!(
            texts("# DevOpsThe team runs the platform for many services across government."),
            vec![
                "# DevOps",
                "The team runs the platform for many services across government."
            ]
        );
        // A short heading is never split.
        assert_eq!(texts("# DevOps Engineer"), vec!["# DevOps Engineer"]);
    }

    #[test]
    fn spaces_and_invisible_characters_are_cleaned() {
        assert_eq!(
            texts("Grade:\u{00A0}SEO\u{200B}\r"),
            vec!["Grade: SEO"],
            "nbsp becomes a space, zero-width space and CR go"
        );
        // NFC: e + combining acute becomes é.
        assert_eq!(texts("Cafe\u{0301}"), vec!["Café"]);
    }

    #[test]
    fn bullet_glyphs_become_markdown_items() {
        assert_eq!(
            texts("• first point • second point"),
            vec!["* first point", "* second point"]
        );
    }

    #[test]
    fn a_short_table_header_is_padded() {
        assert_eq!(
            texts("| **Appendix** |\n| --- | --- |\n| Grade: | SEO |"),
            vec!["| **Appendix** |  |", "| --- | --- |", "| Grade: | SEO |"]
        );
    }

    #[test]
    fn every_line_remembers_its_source_line() {
        let n = normalise("# A\n* one* two\n\n## B### C");
        let lines: Vec<(usize, &str)> = n
            .lines
            .iter()
            .map(|l| (l.source_line, l.text.as_str()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, "# A"),
                (2, "* one"),
                (2, "* two"),
                (3, ""),
                (4, "## B"),
                (4, "### C")
            ]
        );
        assert_eq!(n.source_line(99), 4, "past the end clamps to the last line");
    }

    #[test]
    fn front_matter_keeps_only_its_title() {
        // gds-content-designer.md (GDS service manual): page metadata, nested breadcrumbs.
        let src = "---\nlayout: detailed-guidance\ntitle: Content designer job description\nbreadcrumbs:\n  -\n    title: Home\n---\n\n##Job description\n";
        assert_eq!(
            texts(src),
            vec![
                "",
                "",
                "Page title: Content designer job description",
                "",
                "",
                "",
                "",
                "",
                "## Job description",
                ""
            ]
        );
        // A thematic break that opens a document is not metadata.
        assert_eq!(
            texts("---\nSome text here.\n---"),
            vec!["---", "Some text here.", "---"]
        );
    }

    #[test]
    fn hashes_without_a_space_still_make_headings() {
        assert_eq!(texts("###Essential"), vec!["### Essential"]);
        assert_eq!(
            texts("##Competencies/skills required"),
            vec!["## Competencies/skills required"]
        );
        assert_eq!(texts("#Roles at Deeson"), vec!["# Roles at Deeson"]);
        for line in [
            "#hashtag",
            "#1 priority",
            "#GovTech and #DigitalGov",
            "C# developer",
        ] {
            assert_eq!(texts(line), vec![line], "{line}");
        }
    }

    #[test]
    fn items_a_colon_introduces_are_indented_under_it() {
        // sg-release-manager.md: the introduced items indented by one space only.
        assert_eq!(
            texts("* Proficient in release management, including:\n * Configuration management;\n * Artefact management.\n* Proficient in build automation."),
            vec![
                "* Proficient in release management, including:",
                "  * Configuration management;",
                "  * Artefact management.",
                "* Proficient in build automation.",
            ]
        );
        // Without the colon the writer's indentation is left alone.
        assert_eq!(texts("* One\n * Two"), vec!["* One", " * Two"]);
    }

    #[test]
    fn fenced_code_is_left_alone() {
        assert_eq!(texts("```\n* a* b\n```"), vec!["```", "* a* b", "```"]);
    }
}
