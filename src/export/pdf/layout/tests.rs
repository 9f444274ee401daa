//! Layout tests: measuring, wrapping and pagination, with the real fonts and no PDF.

use super::*;
use crate::export::pdf::{Column, Table};

fn fonts() -> &'static Fonts {
    Fonts::get().expect("the bundled DejaVu fonts load")
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "Test".into(),
        header: vec![
            "Policy Adviser · Spring campaign".into(),
            "Candidate: Siobhán Ó Briain".into(),
        ],
        footer: "Audit chain head: 3fa9c0de".into(),
        document_id: "test".into(),
        created: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        blocks,
    }
}

fn lay(blocks: Vec<Block>) -> Layout {
    layout(&doc(blocks), fonts()).expect("lays out")
}

/// Text runs of a page's body.
fn runs(page: &Page) -> impl Iterator<Item = &TextRun> {
    page.body.iter().filter_map(|i| match i {
        Item::Text(t) => Some(t),
        _ => None,
    })
}

/// Words of the body in reading order (pages, then top to bottom, then left to right).
fn body_words(l: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    for page in &l.pages {
        let mut rs: Vec<&TextRun> = runs(page).collect();
        rs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
        for r in rs {
            out.extend(r.text.split(' ').map(str::to_owned));
        }
    }
    out
}

/// `n` words of varied length, numbered so order can be checked.
fn words(n: usize, prefix: &str) -> Vec<String> {
    const FILL: [&str; 8] = [
        "evidence",
        "the",
        "panel",
        "considered",
        "a",
        "well-structured",
        "answer",
        "of",
    ];
    (0..n)
        .map(|i| format!("{prefix}{i}{}", FILL[i % FILL.len()]))
        .collect()
}

/// Every body item lies inside the frame: nothing above the header rule's gap, nothing
/// reaching into the footer, nothing past the side margins.
fn assert_inside_frame(l: &Layout) {
    let f = fonts();
    for (p, page) in l.pages.iter().enumerate() {
        for item in &page.body {
            match item {
                Item::Text(t) => {
                    let top = t.baseline - f.ascent(t.size);
                    let bottom = t.baseline + f.descent(t.size);
                    let right = t.x + f.width(t.face, &t.text, t.size);
                    assert!(
                        top >= l.frame.top - EPS,
                        "page {}: {:?} above the frame",
                        p + 1,
                        t.text
                    );
                    assert!(
                        bottom <= l.frame.bottom + EPS,
                        "page {}: {:?} reaches into the footer ({bottom} > {})",
                        p + 1,
                        t.text,
                        l.frame.bottom
                    );
                    assert!(
                        t.x >= l.frame.left - EPS,
                        "page {}: {:?} left of the margin",
                        p + 1,
                        t.text
                    );
                    assert!(
                        right <= l.frame.right + EPS,
                        "page {}: {:?} past the margin",
                        p + 1,
                        t.text
                    );
                }
                Item::Rule { x1, x2, y, .. } => {
                    assert!(
                        *y >= l.frame.top - EPS && *y <= l.frame.bottom + EPS,
                        "page {}: rule at {y}",
                        p + 1
                    );
                    assert!(*x1 >= l.frame.left - EPS && *x2 <= l.frame.right + EPS);
                }
                Item::Fill { y, h, .. } => {
                    assert!(
                        *y >= l.frame.top - EPS && y + h <= l.frame.bottom + EPS,
                        "page {}: fill",
                        p + 1
                    );
                }
            }
        }
    }
}

#[test]
fn a_500_word_paragraph_wraps_within_the_width_and_keeps_every_word() {
    let text = words(500, "w").join(" ");
    let width = 300.0;
    let lines = wrap(fonts(), Face::Regular, 10.0, &text, width);
    assert!(
        lines.len() > 20,
        "500 words in 300 pt make many lines, got {}",
        lines.len()
    );
    for line in &lines {
        let w = fonts().width(Face::Regular, line, 10.0);
        assert!(w <= width + EPS, "{line:?} is {w} pt wide");
        assert!(!line.starts_with(' ') && !line.ends_with(' '));
    }
    // Greedy: the first word of each line would not have fitted on the line before.
    for pair in lines.windows(2) {
        let joined = format!("{} {}", pair[0], pair[1].split(' ').next().unwrap());
        assert!(fonts().width(Face::Regular, &joined, 10.0) > width);
    }
    let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
    assert_eq!(rejoined, text.split(' ').collect::<Vec<_>>());
}

#[test]
fn over_long_words_are_broken_and_hard_breaks_kept() {
    let hash = "3fa9c0de".repeat(16);
    let lines = wrap(
        fonts(),
        Face::Regular,
        10.0,
        &format!("head {hash} tail"),
        120.0,
    );
    assert!(
        lines.len() >= 4,
        "a 128-character hash needs several 120 pt lines: {lines:?}"
    );
    for line in &lines {
        assert!(
            fonts().width(Face::Regular, line, 10.0) <= 120.0 + EPS,
            "{line:?}"
        );
    }
    assert_eq!(lines.concat().replace(' ', ""), format!("head{hash}tail"));

    let lines = wrap(
        fonts(),
        Face::Regular,
        10.0,
        "one\n\ntwo  three\nfour",
        400.0,
    );
    assert_eq!(lines, ["one", "", "two three", "four"]);
}

#[test]
fn breaking_a_word_never_separates_a_combining_mark_from_its_letter() {
    // 'a' + COMBINING ACUTE has no precomposed form after 'q', so it stays decomposed.
    let word = "q\u{301}".repeat(40);
    for line in wrap(fonts(), Face::Regular, 10.0, &word, 50.0) {
        assert!(!line.starts_with('\u{301}'), "{line:?}");
    }
}

#[test]
fn text_is_normalised_and_stripped_of_controls() {
    assert_eq!(
        clean("Sio\u{0062}ha\u{301}n\r\nÓ\tBriain\u{7}"),
        "Siobhán\nÓ Briain"
    );
}

#[test]
fn long_text_flows_across_pages_without_touching_the_footer() {
    let text = words(3000, "w").join(" ");
    let l = lay(vec![
        Block::Title("Notes".into()),
        Block::Paragraph(text.clone()),
    ]);
    assert!(
        l.pages.len() >= 4,
        "3,000 words fill several pages, got {}",
        l.pages.len()
    );
    assert_inside_frame(&l);
    let got = body_words(&l);
    assert_eq!(got[0], "Notes");
    assert_eq!(got[1..], text.split(' ').collect::<Vec<_>>()[..]);
    // Pages are used to the bottom: the last line of a full page is within one line of it.
    let f = fonts();
    for page in &l.pages[..l.pages.len() - 1] {
        let last = runs(page)
            .map(|t| t.baseline + f.descent(t.size))
            .fold(0.0, f32::max);
        assert!(
            l.frame.bottom - last < BODY.leading,
            "page ends {} pt early",
            l.frame.bottom - last
        );
    }
}

fn numbered_table(rows: usize, tall_every: usize) -> Table {
    Table {
        columns: vec![
            Column::new("Criterion", 2.0, Align::Left),
            Column::new("Evidence noted by the panel", 5.0, Align::Left),
            Column::new("Score", 1.0, Align::Right),
        ],
        rows: (0..rows)
            .map(|i| {
                let evidence = if i % tall_every == 0 {
                    words(60, &format!("r{i}e")).join(" ")
                } else {
                    format!("r{i}e short note")
                };
                vec![format!("r{i}c criterion"), evidence, format!("{}", i % 7)]
            })
            .collect(),
    }
}

/// The page each token appears on.
fn pages_of(l: &Layout, token_prefix: &str) -> Vec<usize> {
    let mut pages = Vec::new();
    for (p, page) in l.pages.iter().enumerate() {
        for t in runs(page) {
            if t.text.split(' ').any(|w| w.starts_with(token_prefix)) {
                pages.push(p);
            }
        }
    }
    pages
}

#[test]
fn a_table_row_never_straddles_a_page_and_the_header_repeats() {
    let l = lay(vec![
        Block::Paragraph(words(120, "intro").join(" ")),
        Block::Table(numbered_table(60, 3)),
    ]);
    assert!(
        l.pages.len() >= 3,
        "60 rows, a third of them tall, span pages: {}",
        l.pages.len()
    );
    assert_inside_frame(&l);
    for i in 0..60 {
        let mut pages = pages_of(&l, &format!("r{i}c"));
        pages.extend(pages_of(&l, &format!("r{i}e")));
        assert!(!pages.is_empty(), "row {i} is missing");
        assert!(
            pages.iter().all(|&p| p == pages[0]),
            "row {i} is split over pages {pages:?} although it fits on one"
        );
    }
    // Every page the table is on starts with the header row, in bold, at the top of the frame.
    let first_table_page = pages_of(&l, "r0c")[0];
    for (p, page) in l.pages.iter().enumerate().skip(first_table_page) {
        let heads: Vec<&TextRun> = runs(page)
            .filter(|t| t.text == "Criterion" && t.face == Face::Bold)
            .collect();
        assert_eq!(heads.len(), 1, "page {} has the header row once", p + 1);
        if p > first_table_page {
            let first = runs(page).map(|t| t.baseline).fold(f32::INFINITY, f32::min);
            assert_eq!(
                heads[0].baseline,
                first,
                "page {}: header row comes first",
                p + 1
            );
        }
    }
    // Rows stay in order.
    let order: Vec<usize> = (0..60)
        .map(|i| pages_of(&l, &format!("r{i}c"))[0])
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_row_taller_than_a_page_is_split_between_lines_with_nothing_lost() {
    let huge = words(1500, "h").join(" ");
    let table = Table {
        columns: vec![
            Column::new("Item", 1.0, Align::Left),
            Column::new("Text", 4.0, Align::Left),
        ],
        rows: vec![
            vec!["first".into(), "before".into()],
            vec!["huge".into(), huge.clone()],
            vec!["last".into(), "after".into()],
        ],
    };
    let l = lay(vec![Block::Table(table)]);
    assert!(l.pages.len() >= 3);
    assert_inside_frame(&l);
    let text: Vec<String> = body_words(&l)
        .into_iter()
        .filter(|w| w.starts_with('h') && w != "huge")
        .collect();
    assert_eq!(text, huge.split(' ').collect::<Vec<_>>());
    for page in &l.pages {
        assert!(
            runs(page).any(|t| t.text == "Text" && t.face == Face::Bold),
            "header on every page"
        );
    }
}

#[test]
fn right_aligned_cells_end_at_the_column_edge() {
    let l = lay(vec![Block::Table(numbered_table(3, 100))]);
    let f = fonts();
    let right_edge = l.frame.right - CELL_PAD_X;
    let scores: Vec<&TextRun> = runs(&l.pages[0])
        .filter(|t| t.text.chars().all(|c| c.is_ascii_digit()) || t.text == "Score")
        .collect();
    assert_eq!(scores.len(), 4);
    for t in scores {
        let end = t.x + f.width(t.face, &t.text, t.size);
        assert!(
            (end - right_edge).abs() < 0.01,
            "{:?} ends at {end}, not {right_edge}",
            t.text
        );
    }
}

/// Paragraphs that fill the first page to within about `lines_left` lines of the bottom.
fn filler_leaving(lines_left: usize) -> Vec<Block> {
    // Find how many single-line paragraphs fit, then leave `lines_left` lines empty.
    let probe = lay(vec![Block::Paragraph("x".into()); 200]);
    let per_page = runs(&probe.pages[0]).count();
    vec![Block::Paragraph("filler".into()); per_page.saturating_sub(lines_left + 1)]
}

#[test]
fn keep_together_moves_a_group_to_the_next_page_when_it_does_not_fit() {
    let group = vec![
        Block::Subheading("Kept heading".into()),
        Block::Paragraph(words(120, "k").join(" ")),
    ];
    // Without KeepTogether the paragraph starts at the foot of page 1 ...
    let mut loose = filler_leaving(4);
    loose.extend(group.clone());
    let l = lay(loose);
    assert_eq!(
        pages_of(&l, "k0")[0],
        0,
        "control: the loose paragraph starts on page 1"
    );

    // ... with it, heading and paragraph move to page 2 together.
    let mut kept = filler_leaving(4);
    kept.push(Block::KeepTogether(group));
    let l = lay(kept);
    let heading_page = l
        .pages
        .iter()
        .position(|p| runs(p).any(|t| t.text == "Kept heading"))
        .unwrap();
    assert_eq!(heading_page, 1);
    assert!(pages_of(&l, "k").iter().all(|&p| p == 1));
    assert_inside_frame(&l);
}

#[test]
fn keep_together_taller_than_a_page_just_flows() {
    let mut blocks = filler_leaving(10);
    blocks.push(Block::KeepTogether(vec![Block::Paragraph(
        words(1500, "k").join(" "),
    )]));
    let l = lay(blocks);
    assert_eq!(
        pages_of(&l, "k0")[0],
        0,
        "no blank half page before an unkeepable group"
    );
}

#[test]
fn a_heading_is_never_the_last_thing_on_a_page() {
    let mut blocks = filler_leaving(1);
    blocks.push(Block::Heading("Section heading".into()));
    blocks.push(Block::Paragraph(words(40, "p").join(" ")));
    let l = lay(blocks);
    let heading_page = l
        .pages
        .iter()
        .position(|p| runs(p).any(|t| t.text == "Section heading"))
        .unwrap();
    assert_eq!(
        heading_page, 1,
        "the heading moved to the page its text starts on"
    );
    assert_eq!(pages_of(&l, "p0")[0], 1);
}

#[test]
fn every_page_has_header_footer_and_the_right_page_label() {
    let l = lay(vec![Block::Paragraph(words(2500, "w").join(" "))]);
    let n = l.pages.len();
    assert!(n >= 3);
    let f = fonts();
    for (i, page) in l.pages.iter().enumerate() {
        let texts: Vec<&TextRun> = page
            .furniture
            .iter()
            .filter_map(|it| match it {
                Item::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        let labels: Vec<&&TextRun> = texts
            .iter()
            .filter(|t| t.text.starts_with("Page "))
            .collect();
        assert_eq!(labels.len(), 1);
        assert_eq!(labels[0].text, format!("Page {} of {n}", i + 1));
        let label_end = labels[0].x + f.width(labels[0].face, &labels[0].text, labels[0].size);
        assert!(
            (label_end - l.frame.right).abs() < 0.01,
            "page label is flush right"
        );
        assert!(texts
            .iter()
            .any(|t| t.text == "Policy Adviser · Spring campaign" && t.face == Face::Bold));
        assert!(texts
            .iter()
            .any(|t| t.text == "Candidate: Siobhán Ó Briain"));
        let footer = texts
            .iter()
            .find(|t| t.text == "Audit chain head: 3fa9c0de")
            .unwrap();
        assert!(
            footer.baseline - f.ascent(footer.size) > l.frame.bottom,
            "footer below the body"
        );
        assert!(texts
            .iter()
            .filter(|t| t.text.starts_with("Policy"))
            .all(|t| t.baseline + f.descent(t.size) < l.frame.top));
        // The page label shares the footer's line and does not overlap it.
        assert_eq!(labels[0].baseline, footer.baseline);
        assert!(footer.x + f.width(footer.face, &footer.text, footer.size) < labels[0].x);
    }
}

#[test]
fn a_long_footer_wraps_and_the_body_makes_room() {
    let mut d = doc(vec![Block::Paragraph(words(2000, "w").join(" "))]);
    let short = layout(&d, fonts()).unwrap();
    d.footer = format!("Audit chain head: {}", "3fa9c0de".repeat(16));
    let long = layout(&d, fonts()).unwrap();
    assert!(long.frame.bottom < short.frame.bottom);
    assert_inside_frame(&long);
    let footer: String = long.pages[0]
        .furniture
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if !t.text.starts_with("Page ") && t.size == FOOTER.size => {
                Some(t.text.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        footer.replace(' ', ""),
        d.footer.replace(' ', ""),
        "the whole footer is there"
    );
}

#[test]
fn page_breaks_never_make_blank_pages() {
    let l = lay(vec![
        Block::PageBreak,
        Block::Paragraph("one".into()),
        Block::PageBreak,
        Block::PageBreak,
        Block::Paragraph("two".into()),
        Block::PageBreak,
    ]);
    assert_eq!(l.pages.len(), 2);
    assert!(l.pages.iter().all(|p| runs(p).count() == 1));
}

#[test]
fn key_values_align_in_two_columns_and_wrap_values() {
    let l = lay(vec![Block::KeyValues(vec![
        ("Candidate".into(), "Øyvind Ærø".into()),
        ("Campaign".into(), words(80, "v").join(" ")),
        ("Outcome".into(), "Appointable".into()),
    ])]);
    assert_inside_frame(&l);
    let page = &l.pages[0];
    let value_xs: Vec<f32> = runs(page)
        .filter(|t| t.face == Face::Regular)
        .map(|t| t.x)
        .collect();
    assert!(
        value_xs.len() > 5,
        "the long value wraps onto several lines"
    );
    assert!(
        value_xs.iter().all(|&x| x == value_xs[0]),
        "values share one left edge"
    );
    let label_xs: Vec<f32> = runs(page)
        .filter(|t| t.face == Face::Bold)
        .map(|t| t.x)
        .collect();
    assert_eq!(label_xs, vec![l.frame.left; 3]);
    for label in runs(page).filter(|t| t.face == Face::Bold) {
        assert!(
            runs(page).any(|v| v.face == Face::Regular && v.baseline == label.baseline),
            "label {:?} shares its value's baseline",
            label.text
        );
    }
    let f = fonts();
    let widest = ["Candidate", "Campaign", "Outcome"]
        .iter()
        .map(|s| f.width(Face::Bold, s, LABEL.size))
        .fold(0.0, f32::max);
    assert!(
        value_xs[0] >= l.frame.left + widest,
        "values start after the widest label"
    );
}

#[test]
fn bullets_hang_their_wrapped_lines() {
    let l = lay(vec![Block::Bullets(vec![
        words(60, "b").join(" "),
        "second".into(),
    ])]);
    let page = &l.pages[0];
    let bullets = runs(page).filter(|t| t.text == "•").count();
    assert_eq!(bullets, 2);
    let text_x: Vec<f32> = runs(page).filter(|t| t.text != "•").map(|t| t.x).collect();
    assert!(text_x.len() > 3 && text_x.iter().all(|&x| x == l.frame.left + BULLET_INDENT));
}

#[test]
fn invalid_documents_are_refused_with_a_reason() {
    let too_many = Block::Table(Table {
        columns: vec![Column::new("A", 1.0, Align::Left)],
        rows: vec![vec!["a".into(), "b".into()]],
    });
    let zero_width = Block::Table(Table {
        columns: vec![Column::new("A", 0.0, Align::Left)],
        rows: vec![],
    });
    let no_columns = Block::Table(Table {
        columns: vec![],
        rows: vec![],
    });
    for (block, reason) in [
        (too_many, "row 1 has 2 cells"),
        (zero_width, "widths must be positive"),
        (no_columns, "at least one column"),
        (Block::KeepTogether(vec![Block::Spacer(f32::NAN)]), "spacer"),
    ] {
        let err = layout(&doc(vec![block]), fonts()).unwrap_err();
        assert!(err.to_string().contains(reason), "{err}");
    }
    let mut d = doc(vec![]);
    d.header = vec!["header ".repeat(1000)];
    assert!(
        layout(&d, fonts()).is_err(),
        "a header that fills the page is refused"
    );
}

#[test]
fn an_empty_document_is_one_page_with_its_furniture() {
    let l = lay(vec![]);
    assert_eq!(l.pages.len(), 1);
    assert!(l.pages[0].body.is_empty());
    assert!(l.pages[0]
        .furniture
        .iter()
        .any(|i| matches!(i, Item::Text(t) if t.text == "Page 1 of 1")));
}

#[test]
fn a_heading_stays_with_the_table_after_it() {
    // Try every amount of space left at the foot of page 1: the heading is never left
    // there alone while its table starts on page 2.
    for lines_left in 0..6 {
        let mut blocks = filler_leaving(lines_left);
        blocks.push(Block::Subheading("Scores".into()));
        blocks.push(Block::Table(numbered_table(4, 100)));
        let l = lay(blocks);
        let heading_page = l
            .pages
            .iter()
            .position(|p| runs(p).any(|t| t.text == "Scores"))
            .unwrap();
        let table_page = pages_of(&l, "r0c")[0];
        assert_eq!(heading_page, table_page, "{lines_left} lines left");
        let header_page = l
            .pages
            .iter()
            .position(|p| runs(p).any(|t| t.text == "Criterion" && t.face == Face::Bold))
            .unwrap();
        assert_eq!(header_page, table_page, "the header row is not left alone");
    }
}
