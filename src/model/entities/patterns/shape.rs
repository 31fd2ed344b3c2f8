//! Capitalised words ([`super::CAP`]) matched by hand rather than by a regex: a regex
//! over the big Unicode classes costs millions of instructions to compile and many
//! lazy-DFA states to run, while most text is ASCII and a word is a few bytes.
//!
//! The classes are the regex syntax's own (`\p{Lu}`, `[\p{L}\p{M}\d]`), so a word
//! matched here is exactly a word the regex would match.

use regex_syntax::hir::{Class, HirKind};
use std::sync::OnceLock;

/// The non-ASCII ranges of one class, sorted.
type Ranges = Vec<(char, char)>;

/// `\p{Lu}`, `[\p{L}\p{M}\d]` and `\d`, as the regex syntax defines them.
struct Classes {
    upper: Ranges,
    word: Ranges,
    digit: Ranges,
    letter: Ranges,
    lower_or_mark: Ranges,
}

fn ranges(pattern: &str) -> Ranges {
    let hir = regex_syntax::parse(pattern).expect("a class pattern parses");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => c.iter().map(|r| (r.start(), r.end())).collect(),
        _ => Vec::new(),
    }
}

fn classes() -> &'static Classes {
    static C: OnceLock<Classes> = OnceLock::new();
    C.get_or_init(|| Classes {
        upper: ranges(r"\p{Lu}"),
        word: ranges(r"[\p{L}\p{M}\d]"),
        digit: ranges(r"\d"),
        letter: ranges(r"\p{L}"),
        lower_or_mark: ranges(r"[\p{Ll}\p{M}]"),
    })
}

fn in_ranges(r: &Ranges, c: char) -> bool {
    let i = r.partition_point(|&(_, end)| end < c);
    r.get(i).is_some_and(|&(start, _)| start <= c)
}

/// Whether `c` is in a class: by `ascii` for ASCII (most text), else by its ranges.
#[inline]
fn in_class(c: char, ascii: fn(&char) -> bool, class: fn(&Classes) -> &Ranges) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        in_ranges(class(classes()), c)
    }
}

/// True for a character of `\p{Lu}`.
pub fn is_upper(c: char) -> bool {
    in_class(c, char::is_ascii_uppercase, |k| &k.upper)
}

/// True for a character of `[\p{L}\p{M}\d]`.
pub fn is_word(c: char) -> bool {
    in_class(c, char::is_ascii_alphanumeric, |k| &k.word)
}

/// True for a character of `\d` (any decimal digit, as the regex syntax has it).
pub fn is_digit(c: char) -> bool {
    in_class(c, char::is_ascii_digit, |k| &k.digit)
}

/// True for a character of `\p{L}`.
pub fn is_letter(c: char) -> bool {
    in_class(c, char::is_ascii_alphabetic, |k| &k.letter)
}

/// True for a character of `[\p{Ll}\p{M}]`.
pub fn is_lower_or_mark(c: char) -> bool {
    in_class(c, char::is_ascii_lowercase, |k| &k.lower_or_mark)
}

/// The character at byte `i` of `text` (a char boundary).
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// The end of the run of word characters at `i`.
fn word_run(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| is_word(c)) {
        i += c.len_utf8();
    }
    i
}

/// The end of the capitalised word at `at` as the regex [`super::CAP`] matches it
/// greedily: a capital, word characters, parts joined by "-", "'" or "’", and a
/// final apostrophe. No shorter match of it can end before a space, and no longer one
/// exists.
pub fn cap_end(text: &str, at: usize) -> Option<usize> {
    let first = char_at(text, at).filter(|&c| is_upper(c))?;
    let mut i = word_run(text, at + first.len_utf8());
    loop {
        let Some(j) = char_at(text, i).filter(|c| matches!(c, '-' | '\'' | '’')) else {
            return Some(i);
        };
        let after = i + j.len_utf8();
        let end = word_run(text, after);
        if end == after {
            // A joiner with nothing after it: an apostrophe still ends the word.
            return Some(if j == '-' { i } else { after });
        }
        i = end;
    }
}

/// The offset after the run of whitespace (`\s+`) at `at`; `None` when there is none.
pub fn space_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let n = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
    (n > 0).then_some(at + n)
}

/// The offset after `word` and the whitespace after it (`word\s+`) at `at`.
pub fn word_then_space(text: &str, at: usize, word: &str) -> Option<usize> {
    text.get(at..)?
        .starts_with(word)
        .then(|| space_end(text, at + word.len()))?
}

/// True at an ASCII word boundary (`(?-u:\b)`) at byte `i`.
pub fn ascii_boundary(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let is_word = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    is_word(i.checked_sub(1).and_then(|p| b.get(p))) != is_word(b.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the regex finds: the greedy match of CAP at the start.
    fn by_regex(text: &str) -> Option<usize> {
        let r = regex::Regex::new(&format!("^(?:{})", super::super::CAP)).unwrap();
        r.find(text).map(|m| m.end())
    }

    #[test]
    fn words_end_where_the_regex_ends_them() {
        for (text, end) in [
            ("Hanoi said", Some(5)),
            ("People's Army", Some(8)),
            ("Defence’s", Some(11)),
            ("Ministers’ Meeting", Some(12)),
            ("Level-2 Field", Some(7)),
            ("Shangri-La.", Some(10)),
            ("Dato'' x", Some(5)),
            ("Ab- c", Some(2)),
            ("Đà Nẵng", Some(4)),
            ("army", None),
            ("", None),
            ("(CMC)", None),
        ] {
            assert_eq!(cap_end(text, 0), end, "{text:?}");
            assert_eq!(by_regex(text), end, "{text:?}");
        }
    }

    #[test]
    fn classes_are_the_regex_classes() {
        type Test = fn(char) -> bool;
        let classes: [(&str, Test); 5] = [
            (r"\p{Lu}", is_upper),
            (r"[\p{L}\p{M}\d]", is_word),
            (r"\d", is_digit),
            (r"\p{L}", is_letter),
            (r"[\p{Ll}\p{M}]", is_lower_or_mark),
        ];
        for (class, test) in classes {
            let r = regex::Regex::new(&format!("^{class}$")).unwrap();
            for c in [
                'A', 'Z', 'a', '0', 'Đ', 'Ắ', 'ắ', 'Ω', 'ω', '\u{301}', '٣', 'Ⅳ', 'ª', '_', '-',
                ' ',
            ] {
                assert_eq!(test(c), r.is_match(&c.to_string()), "{class} {c:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn cap_ends_agree_with_the_regex(s in "([A-Za-z0-9ĐđÀàẮắΩω\u{301}Ⅳ٣'’\\- .]){0,12}") {
            for (i, _) in s.char_indices() {
                prop_assert_eq!(cap_end(&s, i), by_regex(&s[i..]).map(|e| i + e), "{:?} at {}", s, i);
            }
        }
    }
}
