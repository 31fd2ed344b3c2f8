//! Folding text for matching: case, diacritics and punctuation (`fold_words`), and US
//! spellings turned into UK ones where a word starts with them (`Spellings`).

use crate::model::text::fold_char;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// US spellings and their UK forms, replaced where a word starts with them.
#[derive(Debug)]
pub struct Spellings {
    matcher: Option<AhoCorasick>,
    uk: Vec<String>,
}

impl Spellings {
    pub fn new(map: BTreeMap<String, String>) -> anyhow::Result<Spellings> {
        let (us, uk): (Vec<String>, Vec<String>) = map.into_iter().unzip();
        let matcher = if us.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&us)?,
            )
        };
        Ok(Spellings { matcher, uk })
    }

    /// Applies the spellings to folded text (runs of letters separated by single spaces).
    pub fn apply(&self, mut folded: String) -> String {
        self.apply_in_place(&mut folded);
        folded
    }

    /// [`Spellings::apply`] on a text in place; it is only copied where a spelling changes.
    pub fn apply_in_place(&self, folded: &mut String) {
        let Some(m) = &self.matcher else {
            return;
        };
        let bytes = folded.as_bytes();
        let mut out: Option<String> = None;
        let mut at = 0;
        for hit in m.find_iter(folded.as_str()) {
            if hit.start() > 0 && bytes[hit.start() - 1] != b' ' {
                continue;
            }
            let o = out.get_or_insert_with(|| String::with_capacity(folded.len() + 8));
            o.push_str(&folded[at..hit.start()]);
            o.push_str(&self.uk[hit.pattern().as_usize()]);
            at = hit.end();
        }
        if let Some(mut o) = out {
            o.push_str(&folded[at..]);
            *folded = o;
        }
    }
}

/// Folds case and diacritics and turns every run of characters other than letters,
/// digits and '+' into one space; dots inside acronyms go ("U.N." → "un"), so
/// "ADMM-Plus" reads "admm plus". No leading or trailing space is added.
pub fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_words_into(s, &mut out);
    out
}

/// [`fold_words`] appending to `out` (which may end in a space).
pub fn fold_words_into(s: &str, out: &mut String) {
    let start = out.len();
    if s.is_ascii() {
        fold_ascii_words(s.as_bytes(), out);
    } else {
        fold_unicode_words(s, out);
    }
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// True when `out` ends in a letter or digit.
fn ends_alphanumeric(out: &str) -> bool {
    out.ends_with(|p: char| p.is_alphanumeric())
}

/// Code points below this are folded from a table ([`fold_table`]).
const TABLE_END: u32 = 0x2070;

/// [`fold_char`] of every code point from U+0080 to [`TABLE_END`] (Latin letters with
/// diacritics, the Vietnamese block, dashes and quotes), worked out once: decomposing
/// each letter of a long text again is most of the cost of folding it.
fn fold_table() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..TABLE_END)
            .map(|u| char::from_u32(u).map_or(' ', fold_char))
            .collect()
    })
}

/// [`fold_char`], from the table where it has the character.
fn fold_fast(c: char, table: &[char]) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        (c as u32)
            .checked_sub(0x80)
            .and_then(|i| table.get(i as usize))
            .copied()
            .unwrap_or_else(|| fold_char(c))
    }
}

/// [`fold_words_into`] char by char.
pub(super) fn fold_unicode_words(s: &str, out: &mut String) {
    let table = fold_table();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let c = fold_fast(c, table);
        if c.is_alphanumeric() || c == '+' {
            out.push(c);
        } else if c == '.'
            && ends_alphanumeric(out)
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            continue;
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
}

/// [`fold_words_into`] for ASCII text, byte by byte.
pub(super) fn fold_ascii_words(s: &[u8], out: &mut String) {
    for (i, &b) in s.iter().enumerate() {
        if b.is_ascii_alphanumeric() || b == b'+' {
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b == b'.'
            && ends_alphanumeric(out)
            && s.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_table_folds_as_fold_char_does() {
        let table = fold_table();
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(fold_fast(c, table), fold_char(c), "{c:?}");
        }
        assert_eq!(fold_words("Đà Nẵng – Hà Nội’s"), "da nang ha noi s");
    }

    #[test]
    fn spellings_apply_in_place_at_word_starts_only() {
        let map = [("defense", "defence"), ("center", "centre")]
            .map(|(a, b)| (a.to_owned(), b.to_owned()));
        let sp = Spellings::new(map.into_iter().collect()).unwrap();
        let mut s = " defense ministries x center epicenter ".to_owned();
        sp.apply_in_place(&mut s);
        assert_eq!(s, " defence ministries x centre epicenter ");
        assert_eq!(sp.apply(" none here ".to_owned()), " none here ");
    }
}
