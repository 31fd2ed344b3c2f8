//! Segmentation of a lowercase run that is not a word into the two (at most three) known
//! words it was glued from ("territorialsovereignty", "achievementsin").

use crate::model::clean::lexicon::{Lexicon, MAX_WORD};

/// The best split of a lowercase string into known words: fewest parts, then the
/// most function words split off ("achievements in" over "achievement sin"), then the
/// longest shortest part. Cut offsets (the second only for three parts).
pub(super) fn segmentation(p: &str, lex: &Lexicon) -> Option<(usize, Option<usize>)> {
    let n = p.len();
    if n > MAX_WORD * 2 || !p.is_ascii() {
        return None;
    }
    // `p` is lowercase ASCII (callers check), and so is every part of it.
    let w = |a: usize, b: usize| lex.is_lowercase_word(&p[a..b]);
    let f = |a: usize, b: usize| usize::from(lex.is_function_word(&p[a..b]));
    // Every split starts with a word ending at i and ends with a word starting at j:
    // those few offsets are found once, instead of trying every pair.
    let heads: Vec<usize> = (1..n).filter(|&i| w(0, i)).collect();
    let tails: Vec<usize> = (1..n).filter(|&j| w(j, n)).collect();
    let two = heads
        .iter()
        .copied()
        .filter(|i| tails.binary_search(i).is_ok())
        .max_by_key(|&i| (f(0, i) + f(i, n), i.min(n - i), i));
    if let Some(i) = two {
        return Some((i, None));
    }
    let mut best: Option<((usize, usize), usize, usize)> = None;
    for &i in heads.iter().filter(|&&i| i < n - 1) {
        for &j in tails.iter().filter(|&&j| j > i) {
            if w(i, j) {
                let score = (f(0, i) + f(i, j) + f(j, n), i.min(j - i).min(n - j));
                if best.is_none_or(|(s, _, _)| score > s) {
                    best = Some((score, i, j));
                }
            }
        }
    }
    best.map(|(_, i, j)| (i, Some(j)))
}
