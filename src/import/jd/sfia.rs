//! Reading one SFIA skill line: "Systems Design (DESN) – Level 3" and the ways people vary it
//! ("Programming/software development (PROG) - level 4", "DESN: Systems design, level 5",
//! "Systems design DESN L4", "Incident Management (USUP) – Levels 3-4").
//!
//! Only the name, code and level are read: SFIA's skill descriptions are licensed and are
//! never shipped or invented here.

/// A SFIA skill as written in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SfiaLine {
    /// The skill's name as written, e.g. "Systems Design".
    pub name: String,
    /// The skill code, e.g. "DESN".
    pub code: String,
    /// The level, if one is written; a range gives its lower end.
    pub level: Option<u32>,
    /// The level was written as a range ("Levels 3-4").
    pub range: bool,
    /// Text after the level, such as "(if managing others)".
    pub qualifier: Option<String>,
}

/// A code in parentheses: "(DESN)". SFIA codes are four capitals; three to five are
/// accepted so older and misspelt codes are still seen.
fn paren_code(text: &str) -> Option<(usize, usize, String)> {
    let mut search = 0;
    while let Some(rel) = text.get(search..)?.find('(') {
        let open = search + rel;
        let rest = text.get(open + 1..)?;
        let close = rest.find(')')?;
        let inner = rest.get(..close)?.trim();
        if (3..=5).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase()) {
            return Some((open, open + 1 + close + 1, inner.to_owned()));
        }
        search = open + 1;
    }
    None
}

/// A bare four-capital token ("DESN"), accepted only when a level is also written.
fn bare_code(text: &str) -> Option<(usize, usize, String)> {
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let token = text.get(s..i)?;
            if token.len() == 4 && token.chars().all(|c| c.is_ascii_uppercase()) {
                return Some((s, i, token.to_owned()));
            }
        }
    }
    None
}

/// Finds "level 3", "Level: 3", "levels 3-4", "L3" or "lvl 3"; returns (start, end, level,
/// range). Byte offsets into `text`.
fn level_phrase(text: &str) -> Option<(usize, usize, u32, bool)> {
    let lower = text.to_ascii_lowercase();
    for word in ["levels", "level", "lvl", "l"] {
        let mut search = 0;
        while let Some(rel) = lower.get(search..).and_then(|s| s.find(word)) {
            let at = search + rel;
            search = at + word.len();
            // The word must start a token ("level", not "toplevel").
            let before_ok = lower
                .get(..at)
                .and_then(|s| s.chars().last())
                .map_or(true, |c| !c.is_ascii_alphabetic());
            if !before_ok {
                continue;
            }
            let after = lower.get(at + word.len()..).unwrap_or_default();
            let skipped = after.len() - after.trim_start_matches([' ', ':', '.', '-']).len();
            if word == "l" && skipped > 0 {
                continue; // "L 3" is too loose; only "L3".
            }
            let digits_at = at + word.len() + skipped;
            if let Some((level, end, range)) = number_or_range(&lower, digits_at) {
                return Some((at, end, level, range));
            }
        }
    }
    None
}

/// Reads "3", "3-4", "3–4" or "3 to 4" at `at`; returns (first, end offset, was range).
fn number_or_range(text: &str, at: usize) -> Option<(u32, usize, bool)> {
    let rest = text.get(at..)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let first: u32 = digits.parse().ok()?;
    let mut end = at + digits.len();
    let after = text.get(end..).unwrap_or_default();
    for sep in ["-", "–", "—", " - ", " – ", " to "] {
        if let Some(tail) = after.strip_prefix(sep) {
            let more: String = tail.chars().take_while(char::is_ascii_digit).collect();
            if !more.is_empty() && more.len() <= 2 {
                end += sep.len() + more.len();
                return Some((first, end, true));
            }
        }
    }
    Some((first, end, false))
}

/// Reads a SFIA line. `None` when there is no code; a line with a code but no level comes
/// back with `level: None` so the caller can warn about it.
pub(crate) fn parse(text: &str) -> Option<SfiaLine> {
    let text = text.trim();
    let level = level_phrase(text);
    let (code_start, code_end, code) = match paren_code(text) {
        Some(found) => found,
        None => {
            let found = bare_code(text)?;
            level?;
            found
        }
    };
    // A bare trailing number after the code: "Systems Design (DESN) – 3".
    let level = level.or_else(|| {
        let after = text.get(code_end..)?;
        let skipped = after.len() - after.trim_start_matches([' ', '-', '–', '—', ':']).len();
        let (l, end, range) = number_or_range(text, code_end + skipped)?;
        let tail = text.get(end..)?.trim();
        (tail.is_empty() || tail.starts_with('(')).then_some((code_end, end, l, range))
    });
    let before = text.get(..code_start).unwrap_or_default();
    let mut name = clean_name(before);
    if name.is_empty() {
        // "DESN: Systems design – level 5": the name follows the code.
        let until = level
            .map(|(s, ..)| s)
            .filter(|&s| s >= code_end)
            .unwrap_or(text.len());
        name = clean_name(text.get(code_end..until).unwrap_or_default());
    }
    let qualifier = level.and_then(|(_, end, ..)| {
        let tail = text.get(end..)?.trim();
        let tail = tail
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .unwrap_or(tail);
        let tail = tail.trim();
        (!tail.is_empty()).then(|| tail.to_owned())
    });
    Some(SfiaLine {
        name,
        code,
        level: level.map(|(_, _, l, _)| l),
        range: level.is_some_and(|(.., r)| r),
        qualifier,
    })
}

/// Strips separators, a leading "SFIA" and a trailing "level" word from a name.
fn clean_name(text: &str) -> String {
    let mut t = text.trim();
    for prefix in ["SFIA skill:", "SFIA:", "SFIA -", "SFIA –", "SFIA"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest;
        }
    }
    let trim = |s: &str| {
        s.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | ',' | '(' | ')')
        })
        .to_owned()
    };
    trim(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(text: &str) -> (String, String, Option<u32>) {
        let s = parse(text).unwrap_or_else(|| panic!("no SFIA skill in {text:?}"));
        (s.name, s.code, s.level)
    }

    #[test]
    fn the_usual_forms() {
        let want = |n: &str, c: &str, l: u32| (n.to_owned(), c.to_owned(), Some(l));
        assert_eq!(
            skill("Systems Design (DESN) – Level 3"),
            want("Systems Design", "DESN", 3)
        );
        assert_eq!(
            skill("Programming/Software Development (PROG) - level 4"),
            want("Programming/Software Development", "PROG", 4)
        );
        assert_eq!(
            skill("DESN: Systems design – level 5"),
            want("Systems design", "DESN", 5)
        );
        assert_eq!(
            skill("Systems design DESN L4"),
            want("Systems design", "DESN", 4)
        );
        assert_eq!(
            skill("Systems Design (DESN) – 3"),
            want("Systems Design", "DESN", 3)
        );
        assert_eq!(
            skill("SFIA: Incident management (USUP), level: 2"),
            want("Incident management", "USUP", 2)
        );
    }

    #[test]
    fn a_qualifier_after_the_level_is_kept() {
        let s = parse("Performance Management (PEMT) – Level 6 (if managing others)").unwrap();
        assert_eq!(s.level, Some(6));
        assert_eq!(s.qualifier.as_deref(), Some("if managing others"));
        assert_eq!(s.name, "Performance Management");
    }

    #[test]
    fn a_range_gives_its_lower_end() {
        let s = parse("Incident Management (USUP) – Levels 3-4").unwrap();
        assert_eq!((s.level, s.range), (Some(3), true));
    }

    #[test]
    fn a_code_without_a_level_is_reported_as_such() {
        let s = parse("Systems Design (DESN)").unwrap();
        assert_eq!((s.name.as_str(), s.level), ("Systems Design", None));
    }

    #[test]
    fn ordinary_text_is_not_sfia() {
        for text in [
            "Familiarity with network protocols - TCP/IP, HTTP, SSL, etc.",
            "Systems Development",
            "Knowledge of data protection law (GDPR)", // a code-like word, but read by the caller only in SFIA context
            "Experience at a senior level",
        ] {
            let parsed = parse(text);
            assert!(
                parsed.as_ref().map_or(true, |s| s.level.is_none()),
                "{text}: {parsed:?}"
            );
        }
        assert_eq!(parse("Familiarity with HTTP, SSL"), None);
    }
}
