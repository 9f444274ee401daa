//! The structure every document format is read into, and its rendering as Markdown.
//!
//! Word, OpenDocument, PDF, HTML pages and plain text are each read into a list of [`Part`]s
//! (headings, paragraphs with their bold runs, list items, tables). The parts are then written
//! out as Markdown (tables as compact HTML, which the outline reads with lists inside cells),
//! and that text goes through the one Markdown path: normalise, outline, classify, extract.
//! So there is one set of rules for every format, and the review screen can show the text the
//! rules saw, with warnings naming its lines.

/// A stretch of text, bold or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    pub text: String,
    pub bold: bool,
}

/// Running text: runs in order. A `'\n'` inside a run is a line break.
pub(crate) type Inline = Vec<Run>;

/// One structural piece of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// A heading, `level` 1–6.
    Heading { level: u8, text: Inline },
    /// A paragraph.
    Paragraph(Inline),
    /// A list item; `depth` 0 for a top-level item.
    Item { depth: usize, text: Inline },
    /// A table: rows of cells, each cell its own parts (paragraphs and items).
    Table(Vec<Vec<Vec<Part>>>),
}

/// The plain text of runs (bold dropped).
pub(crate) fn plain(inline: &Inline) -> String {
    inline.iter().map(|r| r.text.as_str()).collect()
}

/// Renders parts as Markdown. Blank lines separate blocks; items of one list stay together.
pub(crate) fn to_markdown(parts: &[Part]) -> String {
    let mut out = String::new();
    let mut previous_was_item = false;
    for part in parts {
        let is_item = matches!(part, Part::Item { .. });
        let continues_list = is_item && previous_was_item;
        if !out.is_empty() && !continues_list {
            out.push('\n');
        }
        match part {
            Part::Heading { level, text } => {
                let text = one_line(&plain(text));
                if text.is_empty() {
                    continue;
                }
                let level = usize::from((*level).clamp(1, 6));
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&escape_markdown(&text));
                out.push('\n');
            }
            Part::Paragraph(text) => {
                for line in markdown_lines(text) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            Part::Item { depth, text } => {
                let lines = markdown_lines(text);
                let indent = "  ".repeat((*depth).min(8));
                for (i, line) in lines.iter().enumerate() {
                    out.push_str(&indent);
                    out.push_str(if i == 0 { "* " } else { "  " });
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Part::Table(rows) => write_table(&mut out, rows),
        }
        previous_was_item = is_item;
    }
    out
}

/// Whitespace collapsed to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes `<`, so text is never taken for HTML. Markdown punctuation (`*`, `#`, `_`) is
/// left as written: a document pasted together from Markdown carries its damage into Word
/// or PDF (`## BEHAVIOURS### WORKING TOGETHER`), and the normalise stage can only repair
/// what it sees.
fn escape_markdown(s: &str) -> String {
    s.replace('<', "\\<")
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Runs merged where their weight is the same, then split into lines, each line's
/// whitespace collapsed.
fn lines_of_runs(inline: &Inline) -> Vec<Vec<Run>> {
    let mut lines: Vec<Vec<Run>> = vec![Vec::new()];
    for run in inline {
        for (i, piece) in run.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            let line = lines.last_mut().expect("never empty");
            let piece = piece.replace(char::is_whitespace, " ");
            match line.last_mut() {
                Some(last) if last.bold == run.bold => last.text.push_str(&piece),
                _ => line.push(Run {
                    text: piece,
                    bold: run.bold,
                }),
            }
        }
    }
    lines
}

/// One line of runs written with `wrap` around bold stretches. Whitespace at a bold run's
/// edges goes outside the markers (`** x**` is not emphasis); whitespace is collapsed.
fn write_runs(runs: &[Run], escape: fn(&str) -> String, open: &str, close: &str) -> String {
    let mut out = String::new();
    for run in runs {
        let text = run.text.as_str();
        if !run.bold || text.trim().is_empty() {
            out.push_str(&escape(text));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        out.push_str(lead);
        out.push_str(open);
        out.push_str(&escape(text.trim()));
        out.push_str(close);
        out.push_str(trail);
    }
    one_line(&out)
}

/// The Markdown lines of a paragraph; empty lines dropped.
fn markdown_lines(inline: &Inline) -> Vec<String> {
    lines_of_runs(inline)
        .iter()
        .map(|runs| write_runs(runs, escape_markdown, "**", "**"))
        .filter(|l| !l.is_empty())
        .collect()
}

/// A paragraph as HTML: lines joined with `<br>`.
fn html_inline(inline: &Inline) -> String {
    lines_of_runs(inline)
        .iter()
        .map(|runs| write_runs(runs, escape_html, "<strong>", "</strong>"))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A table as HTML, one tag per line and no blank line (so the Markdown parser keeps it as
/// one HTML block and the outline can number its rows). A first row whose every filled cell
/// is bold is the header row (Word, OpenDocument and PDF show `<th>` cells that way).
fn write_table(out: &mut String, rows: &[Vec<Vec<Part>>]) {
    let rows: Vec<(&Vec<Vec<Part>>, Vec<String>)> = rows
        .iter()
        .map(|row| (row, row.iter().map(|cell| html_cell(cell)).collect()))
        .filter(|(_, cells): &(_, Vec<String>)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return;
    }
    let header = rows.len() >= 2 && {
        let first = rows[0].0;
        let filled: Vec<&Vec<Part>> = first.iter().filter(|c| !c.is_empty()).collect();
        filled.len() >= 2 && filled.iter().all(|cell| all_bold(cell))
    };
    out.push_str("<table>\n");
    for (i, (_, cells)) in rows.iter().enumerate() {
        let (tag, open, close) = if header && i == 0 {
            ("th", "<thead>\n", "</thead>\n")
        } else {
            ("td", "", "")
        };
        out.push_str(open);
        out.push_str("<tr>\n");
        for cell in cells {
            let cell = if tag == "th" {
                cell.replace("<strong>", "").replace("</strong>", "")
            } else {
                cell.clone()
            };
            out.push_str(&format!("<{tag}>{cell}</{tag}>\n"));
        }
        out.push_str("</tr>\n");
        out.push_str(close);
    }
    out.push_str("</table>\n");
}

/// Whether all the text of a cell is bold.
fn all_bold(cell: &[Part]) -> bool {
    let runs: Vec<&Run> = cell
        .iter()
        .flat_map(|p| match p {
            Part::Paragraph(t) | Part::Heading { text: t, .. } | Part::Item { text: t, .. } => {
                t.iter().collect()
            }
            Part::Table(_) => Vec::new(),
        })
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    !runs.is_empty() && runs.iter().all(|r| r.bold)
}

/// A cell's parts as HTML: one paragraph plain, several as `<p>`s, items as a list (nested
/// tables are flattened into their text).
fn html_cell(parts: &[Part]) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush = |items: &mut Vec<String>, blocks: &mut Vec<String>| {
        if !items.is_empty() {
            blocks.push(format!("<ul>{}</ul>", items.concat()));
            items.clear();
        }
    };
    for part in parts {
        match part {
            Part::Item { text, .. } => {
                let html = html_inline(text);
                if !html.is_empty() {
                    items.push(format!("<li>{html}</li>"));
                }
            }
            Part::Heading { text, .. } => {
                flush(&mut items, &mut blocks);
                let html = html_inline(text);
                if !html.is_empty() {
                    blocks.push(format!("<p><strong>{html}</strong></p>"));
                }
            }
            Part::Paragraph(text) => {
                flush(&mut items, &mut blocks);
                let html = html_inline(text);
                if !html.is_empty() {
                    blocks.push(format!("<p>{html}</p>"));
                }
            }
            Part::Table(rows) => {
                flush(&mut items, &mut blocks);
                for row in rows {
                    for cell in row {
                        let html = html_cell(cell);
                        if !html.is_empty() {
                            blocks.push(format!("<p>{html}</p>"));
                        }
                    }
                }
            }
        }
    }
    flush(&mut items, &mut blocks);
    match blocks.as_slice() {
        [one] if one.starts_with("<p>") && !one[3..].contains("<p>") => one
            .trim_start_matches("<p>")
            .trim_end_matches("</p>")
            .to_owned(),
        _ => blocks.concat(),
    }
}

#[cfg(test)]
pub(crate) fn run(text: &str, bold: bool) -> Run {
    Run {
        text: text.to_owned(),
        bold,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_items_and_bold_are_markdown() {
        let parts = vec![
            Part::Heading {
                level: 1,
                text: vec![run("Data  Analyst", false)],
            },
            Part::Paragraph(vec![
                run("Seeing the Big Picture ", true),
                run("- see it", false),
            ]),
            Part::Item {
                depth: 0,
                text: vec![run("one", false)],
            },
            Part::Item {
                depth: 1,
                text: vec![run("two <three>", false)],
            },
        ];
        assert_eq!(
            to_markdown(&parts),
            "# Data Analyst\n\n**Seeing the Big Picture** - see it\n\n* one\n  * two \\<three>\n"
        );
    }

    #[test]
    fn tables_are_compact_html_with_lists_in_cells() {
        let cell = |parts: Vec<Part>| parts;
        let rows = vec![vec![
            cell(vec![Part::Paragraph(vec![run("Grade:", true)])]),
            cell(vec![
                Part::Item {
                    depth: 0,
                    text: vec![run("a < b", false)],
                },
                Part::Item {
                    depth: 0,
                    text: vec![run("c", false)],
                },
            ]),
        ]];
        assert_eq!(
            to_markdown(&[Part::Table(rows)]),
            "<table>\n<tr>\n<td><strong>Grade:</strong></td>\n<td><ul><li>a &lt; b</li><li>c</li></ul></td>\n</tr>\n</table>\n"
        );
    }
}
