//! Text utilities shared by the model: folding for matching, sanitising for display.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds case and diacritics so that "Hoàng Xuân Chiến" matches "hoang xuan chien"
/// and "HÀ NỘI" matches "ha noi". Vietnamese đ/Đ fold to d.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Folds one character (first char of its folding), for per-character position maps.
pub fn fold_char(c: char) -> char {
    match c {
        'đ' | 'Đ' => 'd',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            let base = std::iter::once(c)
                .nfd()
                .find(|&d| !is_combining_mark(d))
                .unwrap_or(c);
            base.to_lowercase().next().unwrap_or(base)
        }
    }
}

/// Replaces every character [`is_unsafe`] finds with a space, so text from documents,
/// file names, ids and error messages can never drive the terminal. This is the one
/// sanitiser for terminal output (stdout, stderr and the interface); JSON output escapes
/// the same characters instead (`model::export::write_json`).
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    // Most text is printable ASCII: checked byte by byte before decoding characters.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) || !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { ' ' } else { c })
            .collect(),
    )
}

/// True for characters that must not reach a terminal raw: controls (C0 including tab
/// and newline, DEL, C1), bidi marks, embeddings, overrides and isolates, every other
/// format character (zero-width, soft hyphen, tags, ...) and the line and paragraph
/// separators. Any of them can hide or reorder what is shown, or start an escape.
pub fn is_unsafe(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control() || is_format(c)
}

/// Unicode's format characters (general category Cf) and the separators U+2028/U+2029.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

/// `s` cut to at most `max` characters, an ellipsis marking the cut, so a long id or
/// query is not echoed in full.
pub fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", &s[..end]))
        }
    }
}

/// `text` without `word` at its end (a whole word, in any ASCII case), trimmed.
pub fn strip_last_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let cut = text.len().checked_sub(word.len())?;
    let (head, tail) = (text.get(..cut)?, &text[cut..]);
    let whole = !head.ends_with(char::is_alphanumeric);
    (whole && tail.eq_ignore_ascii_case(word)).then(|| head.trim_end())
}

/// `text` without `word` at its start (a whole word, in any ASCII case), trimmed.
pub fn strip_first_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let (head, tail) = (text.get(..word.len())?, &text[word.len()..]);
    let whole = !tail.starts_with(char::is_alphanumeric);
    (whole && head.eq_ignore_ascii_case(word)).then(|| tail.trim_start())
}

/// An English ordinal: "1st", "2nd", "9th", "11th", "22nd".
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_stripped_from_either_end() {
        assert_eq!(strip_last_word("The Year", "year"), Some("The"));
        assert_eq!(strip_last_word("the yesteryear", "year"), None);
        assert_eq!(
            strip_first_word("Frigate HQ-011", "frigate"),
            Some("HQ-011")
        );
        assert_eq!(strip_first_word("frigates", "frigate"), None);
        assert_eq!(strip_first_word("Đi", "frigate"), None);
    }

    #[test]
    fn folds_vietnamese_and_case() {
        assert_eq!(fold("Hoàng Xuân Chiến"), "hoang xuan chien");
        assert_eq!(fold("HÀ NỘI"), "ha noi");
        assert_eq!(fold("Việt Nam"), "viet nam");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold_char('Ế'), 'e');
        assert_eq!(fold_char('Đ'), 'd');
    }

    #[test]
    fn writes_ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }

    #[test]
    fn sanitizes_escape_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mb\u{7}c\td"), "a [31mb c d");
        assert!(matches!(
            sanitize("plain Việt"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(sanitize("x\u{9b}y\u{202e}z"), "x y z");
    }

    #[test]
    fn sanitizes_bidi_and_format_characters() {
        // Arabic letter mark, LRM/RLM, embeddings and overrides, isolates, zero width,
        // BOM, a tag character, the line separator, DEL and the C1 range's ends.
        for c in [
            '\u{61c}',
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{200b}',
            '\u{feff}',
            '\u{e0041}',
            '\u{2028}',
            '\u{7f}',
            '\u{80}',
            '\u{9f}',
        ] {
            assert!(is_unsafe(c), "{c:?} passes");
            assert_eq!(sanitize(&format!("a{c}b")), "a b");
        }
        for c in ['a', 'ệ', 'Đ', '–', '“', '\u{a0}', '\u{301}', '中'] {
            assert!(!is_unsafe(c), "{c:?} is stopped");
        }
    }

    #[test]
    fn shortens_with_an_ellipsis() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "ab…");
        assert_eq!(shorten("Việt Nam", 4), "Việ…");
        assert_eq!(shorten(&"x".repeat(100_000), 40).chars().count(), 40);
        assert_eq!(shorten("", 0), "");
    }
}
