//! A parsed query: folded terms and the char-set mask an item must cover.

use super::proxy::Term;
use crate::model::text::fold_char;

/// Bit 63 of an item's mask marks a folded text that is not pure ASCII.
pub(super) const NON_ASCII: u64 = 1 << 63;

/// The mask bit of one folded char: exact for a–z and 0–9, hashed for the rest.
pub(super) fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_whitespace() => 0,
        c => 1 << (36 + c as u32 % 27),
    }
}

/// The mask of a folded text: one bit per char class present, plus [`NON_ASCII`].
pub(super) fn mask_of(folded: &str) -> u64 {
    let bits = folded.chars().fold(0, |m, c| m | char_bit(c));
    if folded.is_ascii() {
        bits
    } else {
        bits | NON_ASCII
    }
}

/// A query split into folded terms.
#[derive(Debug, Clone, Default)]
pub(super) struct Query {
    /// The folded terms, in order.
    pub terms: Vec<String>,
    /// Every char of every term, as mask bits.
    pub mask: u64,
    /// True when every term is ASCII (the fast subsequence scan applies).
    pub ascii: bool,
    /// The terms prepared for the proxy score.
    pub proxies: Vec<Term>,
}

impl Query {
    /// Splits on white space and folds each term the way items were folded.
    pub fn parse(query: &str) -> Query {
        let terms: Vec<String> = query
            .split_whitespace()
            .map(|t| t.chars().map(fold_char).collect())
            .collect();
        let mask = terms.iter().fold(0, |m, t| m | (mask_of(t) & !NON_ASCII));
        let ascii = terms.iter().all(|t| t.is_ascii());
        let proxies = terms.iter().map(|t| Term::new(t)).collect();
        Query {
            terms,
            mask,
            ascii,
            proxies,
        }
    }

    /// True when there is nothing to match.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// True when `needle` is a subsequence of `hay`, char by char.
pub(super) fn is_subsequence(hay: &str, needle: &str) -> bool {
    let mut chars = hay.chars();
    needle.chars().all(|n| chars.any(|h| h == n))
}
