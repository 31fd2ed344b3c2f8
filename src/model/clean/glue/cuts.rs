//! Where a piece holding capitals, digits or an apostrophe is cut: after a possessive,
//! between a number and a word, before a capital, and after a period between sentences.

use super::segmentation::segmentation;
use crate::model::clean::lexicon::{Lexicon, strip_possessive};

/// Shortest word split off a number ("100countries"); shorter ones are units ("10km").
const MIN_AFTER_NUMBER: usize = 3;
/// Shortest word a number is split off ("April14", "Rotation4"); "H1", "G20" stay.
const MIN_BEFORE_NUMBER: usize = 3;

/// "talks.The": a lowercase word, a period, a capitalised word.
pub(super) fn is_sentence_glue(left: &str, right: &str, lex: &Lexicon) -> bool {
    let word_end = right
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(right.len());
    let right = &right[..word_end];
    left.len() >= 3
        && right.len() >= 3
        && left.bytes().all(|b| b.is_ascii_lowercase())
        && is_capitalised(right)
        && lex.is_word(left)
        && lex.is_word(right)
}

/// "People'sArmy", "nation’sdevelopment": a possessive glued to the next word.
pub(super) fn possessive_cut(p: &str, lex: &Lexicon) -> Option<usize> {
    let (i, len) = p
        .find("'s")
        .map(|i| (i, 2))
        .or_else(|| p.find("’s").map(|i| (i, "’s".len())))?;
    let cut = i + len;
    let right = &p[cut..];
    let ok = i > 0
        && (is_capitalised_word(right)
            || right.bytes().all(|b| b.is_ascii_lowercase())
                && right.len() >= 3
                && (lex.is_word(right) || segmentation(right, lex).is_some()));
    ok.then_some(cut)
}

/// "April14", "Rotation4", "100countries", "19pandemic"; never "19th", "1990s", "H1",
/// "G20", "5G", "10km", "MK2".
pub(super) fn number_cut(p: &str, lex: &Lexicon) -> Option<usize> {
    let b = p.as_bytes();
    for i in 1..b.len() {
        let (prev, cur) = (b[i - 1], b[i]);
        if prev.is_ascii_digit() && cur.is_ascii_lowercase() {
            let end = b[i..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .map_or(b.len(), |n| i + n);
            let word = &p[i..end];
            if word.len() >= MIN_AFTER_NUMBER
                && word.bytes().all(|c| c.is_ascii_lowercase())
                && !lex.is_number_suffix(word)
                && (lex.is_word(word) || segmentation(word, lex).is_some())
            {
                return Some(i);
            }
        } else if prev.is_ascii_alphabetic() && cur.is_ascii_digit() {
            let word = &p[..i];
            if word.len() >= MIN_BEFORE_NUMBER
                && word.bytes().all(|c| c.is_ascii_alphabetic())
                && (is_capitalised(word) || word.bytes().all(|c| c.is_ascii_lowercase()))
                && lex.is_word(word)
            {
                return Some(i);
            }
        }
    }
    None
}

/// "ofNational", "theMinistry", "SecurityCouncil", "andASEAN": a known word, then a
/// capitalised word (or capitals after a lowercase word).
pub(super) fn camel_cut(p: &str, lex: &Lexicon) -> Option<usize> {
    let b = p.as_bytes();
    let i = (1..b.len()).find(|&i| b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase())?;
    let (left, right) = (&p[..i], &p[i..]);
    // A capital and at least one lowercase letter ("Ministry", "Army's").
    let capitalised = right.len() >= 2 && right.as_bytes()[1].is_ascii_lowercase();
    let acronym = right.len() >= 2
        && right.bytes().all(|c| c.is_ascii_uppercase())
        && left.bytes().all(|c| c.is_ascii_lowercase());
    let left_ok = left.bytes().all(|c| c.is_ascii_alphabetic())
        && (is_capitalised(left) || left.bytes().all(|c| c.is_ascii_lowercase()))
        && lex.is_word(left);
    (left_ok && (capitalised || acronym)).then_some(i)
}

/// "Ministry": a capital then lowercase ASCII letters.
fn is_capitalised(s: &str) -> bool {
    let b = s.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase)
}

/// A capitalised word of at least two letters, possibly possessive ("Army", "Army's").
fn is_capitalised_word(s: &str) -> bool {
    let s = strip_possessive(s);
    s.len() >= 2 && is_capitalised(s)
}
