//! Where a sentence ends. The importer asks this of a paragraph or an item in several places
//! (a first sentence that names a criterion, whether a requirement is one sentence, a
//! paragraph's sentences one by one); they all ask here, so that an abbreviation or a decimal
//! cannot end a sentence in one place and not in another, and a fix made here reaches them
//! all.
//!
//! A sentence ends at a full stop when:
//! - whitespace follows it, perhaps after closing brackets or quotes ("… in some way.) Most
//!   importantly"): a full stop inside a word or a number ("2.5 years", "U.S.", "node.js")
//!   ends nothing;
//! - the next word starts with a capital letter or a digit, perhaps after opening brackets or
//!   quotes ("… thing. (This …", "… said. “We …", "… architecture. 18F Core Values
//!   Alignment: …", tts-consulting-software-engineer-gs14.md): a full stop before a small
//!   letter ("etc. and", "U.S. federal") is an abbreviation's, mid-sentence;
//! - the word it closes is no abbreviation that is followed by a name, a capitalised word or
//!   a number of the same sentence: "e.g. Python", "i.e. The", "Dr. Smith", "Mr. Jones",
//!   "St. John's", "approx. 5 years", "No. 10", nor initials ("J. Smith", "U.S.
//!   Government"), which are single letters each closed by a full stop. The price: a
//!   sentence that ends in a one-letter word ("… on Plan B. We …") runs on into the next,
//!   which none of the corpus's Markdown, text or HTML postings does.
//!
//! "etc." is not among those abbreviations: it ends a list, and where a capital follows it
//! ("Java, Python, etc. You will …") the sentence has ended with the list.
//!
//! Only the full stop ends a sentence: the postings' items are statements, and a question
//! mark or exclamation ("Why join us? We …") stands in headings and narrative that are read
//! whole.

/// Abbreviations (folded to lower case, without their last full stop) that a capitalised
/// word of the same sentence follows: a full stop after one ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "cf", "viz", "vs", "approx", "incl", "esp", "dr", "mr", "mrs", "ms",
    "prof", "st", "no", "nos", "jr", "sr",
];

/// The byte ranges between which the sentences of a text end and the next begins: for each
/// break, the end of the sentence (just after its full stop and any closing brackets or
/// quotes) and the start of the next sentence (its first character after the whitespace).
fn breaks(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.match_indices('.').filter_map(move |(at, _)| {
        let after = &text[at + 1..];
        let closed = after.trim_start_matches([')', ']', '"', '\'', '\u{201D}', '\u{2019}']);
        let end = text.len() - closed.len();
        let next = closed.trim_start();
        if next.len() == closed.len() || next.is_empty() {
            return None;
        }
        let start = text.len() - next.len();
        let capital = next
            .trim_start_matches(['(', '[', '"', '\'', '\u{201C}', '\u{2018}'])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        (capital && !abbreviation(&text[..at])).then_some((end, start))
    })
}

/// Whether the word that ends `before` (the text up to a full stop) is an abbreviation or an
/// initial, whose full stop ends no sentence.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201C}'))
        .next()
        .unwrap_or("");
    let folded = word.to_lowercase();
    // Initials: "J", "U.S", single letters each closed by a full stop.
    let initials = !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    initials || ABBREVIATIONS.contains(&folded.as_str())
}

/// The sentences of a text, each trimmed, with its full stop.
pub(crate) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (end, next) in breaks(text) {
        out.push(text[start..end].trim());
        start = next;
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// The first sentence of a text (with its full stop) and the rest, or `None` where the text
/// is one sentence.
pub(crate) fn split_first(text: &str) -> Option<(&str, &str)> {
    let (end, next) = breaks(text).next()?;
    Some((text[..end].trim(), text[next..].trim()))
}

/// The first sentence of a text (the whole text where it is one sentence).
pub(crate) fn first(text: &str) -> &str {
    split_first(text).map_or(text.trim(), |(first, _)| first)
}

/// Whether a text is a single sentence.
pub(crate) fn is_one(text: &str) -> bool {
    breaks(text).next().is_none()
}

/// Each break between two sentences of a text, first to last: the text up to and including
/// the sentence that ends there, and the rest from the next sentence on.
pub(crate) fn splits(text: &str) -> impl Iterator<Item = (&str, &str)> + '_ {
    breaks(text).map(move |(end, next)| (text[..end].trim(), &text[next..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_stop_before_a_capital_ends_a_sentence() {
        assert_eq!(
            sentences("One (e.g. this) thing. Two things. and three"),
            vec!["One (e.g. this) thing.", "Two things. and three"]
        );
        // cds-head-of-design.md
        assert_eq!(
            split_first("You apply the right tools to solve problems. You have experience working in lean, agile, or other fast-moving environments."),
            Some((
                "You apply the right tools to solve problems.",
                "You have experience working in lean, agile, or other fast-moving environments."
            ))
        );
        assert!(is_one(
            "You are passionate about making Canada a better place."
        ));
    }

    #[test]
    fn abbreviations_end_no_sentence() {
        // tts-strategist-gs15.md: the old rule (a capital after ". ") cut this after "e.g.".
        let text = "If you have volunteered your service through a National Service program (e.g. Peace Corps, Americorps), we encourage you to apply and include this experience on your resume.";
        assert!(is_one(text));
        assert!(is_one("Work with Dr. Smith and Mr. Jones."));
        assert!(is_one("Knowledge of U.S. federal procurement."));
        assert!(is_one("Experience in the U.S. Government is welcome."));
        assert!(is_one(
            "Approx. 5 years of experience, approx. Five teams, No. 10."
        ));
        assert!(is_one("Some languages, i.e. Python and Go."));
        assert!(is_one("Some languages, i.e. The ones we use."));
        // Before a small letter an abbreviation is mid-sentence, even "etc."
        // (tts-product-manager.md).
        assert!(is_one(
            "Explore new tools, methodologies, processes, etc. and share lessons with other product leads."
        ));
        assert!(is_one(
            "Tools such as Jira, Trello, etc. and their plugins."
        ));
        // "etc." before a capital ends its list and the sentence.
        assert_eq!(
            sentences("Java, Python, etc. You will learn more."),
            vec!["Java, Python, etc.", "You will learn more."]
        );
    }

    #[test]
    fn initials_end_no_sentence() {
        // tts-strategist-gs15.md: the old rule (a capital after ". ") cut this at "U.S.".
        assert!(is_one(
            "You must be a U.S. Citizen or National (residents of American Samoa and Swains Islands)"
        ));
        assert!(is_one("Reports to J. R. Smith, head of design."));
        assert_eq!(
            first("Reports to J. Smith. You will lead."),
            "Reports to J. Smith."
        );
        // The price of the rule: a one-letter word is read as an initial.
        assert!(is_one("Fall back on Plan B. We will help."));
    }

    #[test]
    fn decimals_end_no_sentence() {
        assert!(is_one("At least 2.5 years of experience with node.js."));
        // A sentence may open with a number.
        assert_eq!(
            sentences("Grade 7. 5 years of experience."),
            vec!["Grade 7.", "5 years of experience."]
        );
        // ca-usability-tester.md
        assert_eq!(
            sentences("They test for accessibility to ensure WCAG 2.0 compliance. The Usability Tester reports bugs for the product team and engineering to address."),
            vec![
                "They test for accessibility to ensure WCAG 2.0 compliance.",
                "The Usability Tester reports bugs for the product team and engineering to address."
            ]
        );
        assert_eq!(
            sentences("At least 2.5 years. Version 3.1 preferred."),
            vec!["At least 2.5 years.", "Version 3.1 preferred."]
        );
    }

    #[test]
    fn a_sentence_may_end_in_a_closing_bracket_or_quote() {
        // cds-design-researcher.md
        assert_eq!(
            sentences("You’ll help your fellow CDS team members become better researchers as well, (We believe every CDS team member is a researcher in some way.) Most importantly, you will advocate for the people who use services provided by the Government of Canada; Canadians from all walks of life."),
            vec![
                "You’ll help your fellow CDS team members become better researchers as well, (We believe every CDS team member is a researcher in some way.)",
                "Most importantly, you will advocate for the people who use services provided by the Government of Canada; Canadians from all walks of life."
            ]
        );
        assert_eq!(
            sentences("They said “ship it.” Then “We did.”"),
            vec!["They said “ship it.”", "Then “We did.”"]
        );
        // An opening bracket or quote before the capital.
        assert_eq!(
            sentences("One thing. (Two things.)"),
            vec!["One thing.", "(Two things.)"]
        );
    }

    #[test]
    fn splits_give_each_break() {
        let all: Vec<_> = splits("One two. Three four. Five").collect();
        assert_eq!(
            all,
            vec![
                ("One two.", "Three four. Five"),
                ("One two. Three four.", "Five")
            ]
        );
        // tts-consulting-software-engineer-gs14.md: a description run on into the next
        // competency, whose name opens with a number.
        let text = "The ability to advise on technical strategy, agile development, software tools, and technical architecture. 18F Core Values Alignment: The ability to work with integrity, transparency and resiliency in civic minded or high impact environment.";
        assert_eq!(
            splits(text).next(),
            Some((
                "The ability to advise on technical strategy, agile development, software tools, and technical architecture.",
                "18F Core Values Alignment: The ability to work with integrity, transparency and resiliency in civic minded or high impact environment."
            ))
        );
    }
}
