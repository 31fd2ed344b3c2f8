//! General patterns that find candidate mentions: persons with titles, organisations
//! by head noun, events, laws and acronym definitions. Each works on one field's text.

pub mod acronyms;
pub mod credits;
pub mod events;
pub mod laws;
pub mod names;
pub mod numbered;
pub mod orgs;
pub mod persons;
pub mod places;
pub mod sessions;
pub mod shape;
pub mod triggers;
pub mod units;
pub mod words;

/// A capitalised word, hyphenated parts and a possessive included ("People's", "Level-2").
pub const CAP: &str = r"\p{Lu}[\p{L}\p{M}\d]*(?:[-'’][\p{L}\p{M}\d]+)*['’]?";
/// A capitalised word without apostrophes ("Shangri-La").
pub const PLAIN_CAP: &str = r"\p{Lu}[\p{L}\p{M}\d]*(?:-[\p{L}\p{M}\d]+)*";
/// An ordinal: "9th", "first", "Third".
pub const ORDINAL: &str = r"\d{1,3}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)";

/// Compiles a pattern with a lazy-DFA cache large enough that the big Unicode
/// classes are determinised once, not again and again per document.
pub fn build_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(64 << 20)
        .size_limit(64 << 20)
        .build()
}

/// The start of the run of up to `max` capitalised words (joined by spaces, or by
/// dashes and the connectors "of/on/for/and" when `loose`) that ends right before `at`.
pub fn run_start(text: &str, at: usize, max: usize, loose: bool) -> usize {
    let mut start = at;
    let mut words = 0;
    let mut pos = at;
    while words < max {
        let before = &text[..pos];
        let trimmed = before
            .trim_end_matches(|c: char| c.is_whitespace() || loose && matches!(c, '-' | '–' | '—'));
        if trimmed.len() == before.len() {
            break;
        }
        let word_start = trimmed
            .rfind(|c: char| c.is_whitespace() || loose && matches!(c, '-' | '–' | '—'))
            .map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &trimmed[word_start..];
        if ends_clause(word) {
            break;
        }
        let capitalised = word.starts_with(char::is_uppercase);
        let connector = loose && matches!(word, "of" | "on" | "for" | "and");
        if word.is_empty() || !(capitalised || connector) {
            break;
        }
        pos = word_start;
        if capitalised {
            start = word_start;
        }
        words += 1;
    }
    start
}

/// True when `word` closes a clause or sentence ("Monday.", "Hanoi,"): a name never runs
/// across it. Short words and dotted ones ("Gen.", "U.S.") are abbreviations.
fn ends_clause(word: &str) -> bool {
    word.ends_with([',', ';', ':', '!', '?'])
        || word
            .strip_suffix('.')
            .is_some_and(|w| w.chars().count() > 3 && !w.contains('.'))
}

/// Words that open a capitalised run without belonging to the name after them.
const LEADING: &[&str] = &[
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "This",
    "That",
    "Under",
    "Its",
    "Their",
    "His",
    "Her",
    "For",
    "Both",
    "All",
    "And",
    "Of",
    "During",
    "After",
    "Before",
    "Meanwhile",
    "Also",
    "According",
    "With",
    "By",
    "From",
    "To",
    "As",
    "While",
    "When",
    "Since",
];

/// True for a word that opens a capitalised run without belonging to it ("The").
pub fn is_leading(word: &str) -> bool {
    LEADING.contains(&word)
}

/// The byte offset after the leading words of `s` that are not part of a name.
pub fn skip_leading(s: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &s[at..];
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if word_end == rest.len() || !LEADING.contains(&&rest[..word_end]) {
            return at;
        }
        let next = rest[word_end..]
            .find(|c: char| !c.is_whitespace())
            .map_or(rest.len(), |n| word_end + n);
        at += next;
    }
}

/// Drops trailing lower-case connectors and apostrophes ("Law on X in" → "Law on X").
pub fn trim_trailing(s: &str) -> &str {
    let mut s = s.trim_end_matches(['\'', '’']).trim_end();
    loop {
        let Some(sp) = s.rfind(char::is_whitespace) else {
            return s;
        };
        let last = &s[sp + 1..];
        if matches!(last, "of" | "the" | "and" | "in" | "on" | "for") {
            s = s[..sp].trim_end();
        } else {
            return s;
        }
    }
}

/// Ordinal words, first to twentieth (index + 1 is the number).
pub const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// Parses an ordinal ("9th", "third") to its number.
pub fn parse_ordinal(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let lower = s.to_ascii_lowercase();
    ORDINAL_WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|i| i as u32 + 1)
}

/// The patterns' compiled parts, one job each (see `entities::prepare`).
pub fn preparations() -> [fn(); 5] {
    [
        persons::prepare,
        sessions::prepare,
        events::prepare,
        laws::prepare,
        || {
            triggers::Triggers::embedded();
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_capitalised_words_end_at_a_head() {
        let t = "the Việt Nam Military History Museum";
        let at = t.find("Museum").unwrap_or(0);
        assert_eq!(
            &t[run_start(t, at, 5, false)..],
            "Việt Nam Military History Museum"
        );
        let t = "at the ASEAN–Japan Vice-Ministerial Defence Meeting";
        let at = t.find("Meeting").unwrap_or(0);
        assert_eq!(
            &t[run_start(t, at, 8, true)..],
            "ASEAN–Japan Vice-Ministerial Defence Meeting"
        );
        // A run never reaches back over the end of a sentence or clause.
        let t = "They met on Monday. The Laos–Thailand Defense Policy Talks";
        let at = t.find("Talks").unwrap_or(0);
        assert_eq!(
            &t[run_start(t, at, 12, true)..],
            "The Laos–Thailand Defense Policy Talks"
        );
        let t = "In Hanoi, Senior Officials' Meeting";
        let at = t.find("Meeting").unwrap_or(0);
        assert_eq!(
            &t[run_start(t, at, 12, true)..],
            "Senior Officials' Meeting"
        );
        let t = "the U.S. Indo-Pacific Command";
        let at = t.find("Command").unwrap_or(0);
        assert_eq!(
            &t[run_start(t, at, 12, true)..],
            "U.S. Indo-Pacific Command"
        );
    }

    #[test]
    fn ordinals_parse() {
        assert_eq!(parse_ordinal("9th"), Some(9));
        assert_eq!(parse_ordinal("Third"), Some(3));
        assert_eq!(parse_ordinal("first"), Some(1));
        assert_eq!(parse_ordinal("many"), None);
    }

    #[test]
    fn leading_and_trailing_words_are_trimmed() {
        assert_eq!(skip_leading("The Department of X"), 4);
        assert_eq!(skip_leading("Department"), 0);
        assert_eq!(trim_trailing("Law on Defence in the"), "Law on Defence");
    }
}
