//! Folding text for matching: case, diacritics and punctuation (`fold_words`), and US
//! spellings turned into UK ones where a word starts with them (`Spellings`).

use crate::model::text::fold_char;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;

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
    pub fn apply(&self, folded: String) -> String {
        let Some(m) = &self.matcher else {
            return folded;
        };
        let bytes = folded.as_bytes();
        let mut out: Option<String> = None;
        let mut at = 0;
        for hit in m.find_iter(&folded) {
            if hit.start() > 0 && bytes[hit.start() - 1] != b' ' {
                continue;
            }
            let o = out.get_or_insert_with(|| String::with_capacity(folded.len() + 8));
            o.push_str(&folded[at..hit.start()]);
            o.push_str(&self.uk[hit.pattern().as_usize()]);
            at = hit.end();
        }
        match out {
            Some(mut o) => {
                o.push_str(&folded[at..]);
                o
            }
            None => folded,
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

/// [`fold_words_into`] char by char.
pub(super) fn fold_unicode_words(s: &str, out: &mut String) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            fold_char(c)
        };
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
