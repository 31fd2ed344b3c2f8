//! Where a filter query matched inside a shown text (a title, a name), as byte ranges
//! to highlight. Computed for the rows on screen only, from the same ladder.

use super::fields::FilterQuery;
use super::ladder::{self, Class, SHORT};
use crate::model::search::words::Words;
use unicode_normalization::char::is_combining_mark;

/// Byte ranges of `text` matched by any term of `query`, ascending and disjoint.
/// `text_mode` matches whole words and word starts only (as text fields are).
pub fn marks(text: &str, query: &FilterQuery, text_mode: bool) -> Vec<(usize, usize)> {
    let words = Words::new(text);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for term in &query.terms {
        let n = term.chars().count();
        for (i, (folded, w)) in words.iter().enumerate() {
            let original = &text[w.start as usize..w.end as usize];
            let at = |c: usize| w.start as usize + char_offset(original, c);
            let class = ladder::classify(term, folded).filter(|c| {
                !text_mode || *c == Class::Exact || (*c == Class::Prefix && n >= SHORT)
            });
            match class {
                Some(Class::Exact | Class::Prefix) => out.push((at(0), at(n))),
                Some(Class::Infix) => {
                    let c0 = folded
                        .find(term.as_str())
                        .map_or(0, |b| folded[..b].chars().count());
                    out.push((at(c0), at(c0 + n)));
                }
                Some(Class::Scattered) => {
                    for b in ladder::scattered(term, folded).unwrap_or_default() {
                        let c = folded[..b].chars().count();
                        out.push((at(c), at(c + 1)));
                    }
                }
                Some(Class::Initials) | None => {
                    if !text_mode && n >= 2 {
                        out.extend(initials_at(text, &words, i, term));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The first chars of the words from `i` on when their initials spell `term`.
fn initials_at(text: &str, words: &Words, i: usize, term: &str) -> Vec<(usize, usize)> {
    let n = term.chars().count();
    if i + n > words.len() {
        return Vec::new();
    }
    let spelled = (i..i + n)
        .zip(term.chars())
        .all(|(k, c)| words.folded(k).starts_with(c));
    if !spelled {
        return Vec::new();
    }
    (i..i + n)
        .map(|k| {
            let w = words.word(k);
            let word = &text[w.start as usize..w.end as usize];
            (w.start as usize, w.start as usize + char_offset(word, 1))
        })
        .collect()
}

/// The byte offset in `word` after its first `chars` chars, combining marks riding
/// on the char before them (folding drops them).
fn char_offset(word: &str, chars: usize) -> usize {
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if is_combining_mark(c) {
            continue;
        }
        if seen == chars {
            return i;
        }
        seen += 1;
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(text: &'a str, q: &str, text_mode: bool) -> Vec<&'a str> {
        marks(text, &FilterQuery::parse(q), text_mode)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn marks_words_prefixes_pieces_and_initials() {
        assert_eq!(
            marked("9th Việt Nam border", "viet bord", false),
            ["Việt", "bord"]
        );
        assert_eq!(marked("Hoàng Xuân Chiến", "chie", false), ["Chiế"]);
        assert_eq!(marked("neighborder", "order", false), ["order"]);
        assert_eq!(
            marked("Xiangshan Forum", "xngshn", false),
            ["X", "ngsh", "n"]
        );
        assert_eq!(marked("United Nations", "un", false), ["Un"]);
        assert_eq!(marked("the United Nations", "tun", false), ["t", "U", "N"]);
        assert_eq!(marked("United Nations", "un", true), Vec::<&str>::new());
        assert_eq!(marked("Engineering Unit Rotation", "un", false), ["Un"]);
        assert!(marked("", "x", false).is_empty());
    }
}
