//! General patterns that find candidate mentions: persons with titles, organisations
//! by head noun, events, laws and acronym definitions. Each works on one field's text.

pub mod acronyms;
pub mod events;
pub mod laws;
pub mod orgs;
pub mod persons;

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

/// Words that open a capitalised run without belonging to the name after them.
const LEADING: &[&str] = &[
    "The", "A", "An", "On", "In", "At", "This", "That", "Under", "Its", "Their", "His", "Her",
    "For", "Both", "All", "And", "Of", "During", "After", "Before", "Meanwhile", "Also",
    "According", "With", "By", "From", "To", "As", "While", "When", "Since", "Images",
];

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

/// Parses an ordinal ("9th", "third") to its number.
pub fn parse_ordinal(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    const WORDS: [&str; 20] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];
    let lower = s.to_ascii_lowercase();
    WORDS.iter().position(|w| *w == lower).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

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
