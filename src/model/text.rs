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

/// Replaces control characters (C0, C1, DEL) and escape sequences' introducers with
/// spaces, so document text can never drive the terminal. Tabs become a space.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { ' ' } else { c })
            .collect(),
    )
}

/// True for characters that must not reach a terminal.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
}
