//! How well one typed term matches one folded word: the ladder the word filters rank
//! by. A whole word beats a word start, which beats the initials of a name, which beat
//! a piece inside a word, which beats the word's letters in order. A term of one or two
//! letters matches only word starts; letters in order count only from a word's first
//! letter and only for terms of four letters or more, so a query never matches letters
//! scattered over a long text.

/// A term that matches whole words only below this many chars (1–2 letters: word starts).
pub const SHORT: usize = 3;
/// The fewest chars of a term matched as letters in order inside one word.
pub const SCATTERED_MIN: usize = 4;

/// The kinds of match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// The term is the word.
    Exact,
    /// The word starts with the term.
    Prefix,
    /// The term is the initials of a name's words ("un", "mnd", "bdfe"): it names the
    /// whole thing, so it beats a mere word start.
    Initials,
    /// The term is inside the word (3 letters or more).
    Infix,
    /// The term's letters appear in order in the word, from its first letter.
    Scattered,
}

impl Class {
    /// Points out of 100 for a match of `term_chars` in a word of `word_chars`.
    pub fn points(self, term_chars: usize, word_chars: usize) -> u16 {
        let cover = (20 * term_chars / word_chars.max(1)).min(19) as u16;
        match self {
            Class::Exact => 100,
            Class::Prefix => 70 + cover,
            Class::Initials => 90,
            Class::Infix => 40 + cover / 2,
            Class::Scattered => 25,
        }
    }
}

/// The best class of match of folded `term` in folded `word`, if any.
pub fn classify(term: &str, word: &str) -> Option<Class> {
    if word == term {
        return Some(Class::Exact);
    }
    if word.starts_with(term) {
        return Some(Class::Prefix);
    }
    let n = term.chars().count();
    if n < SHORT {
        return None;
    }
    if word.contains(term) {
        return Some(Class::Infix);
    }
    (n >= SCATTERED_MIN && scattered(term, word).is_some()).then_some(Class::Scattered)
}

/// Byte offsets in `word` of the term's chars matched in order from the word's first
/// char, when the word is at most twice the term's length.
pub fn scattered(term: &str, word: &str) -> Option<Vec<usize>> {
    let (mut t, mut w) = (term.chars(), word.char_indices());
    let first = t.next()?;
    if word.chars().next()? != first || word.chars().count() > 2 * term.chars().count() {
        return None;
    }
    let mut at = vec![0];
    w.next();
    for c in t {
        let (i, _) = w.by_ref().find(|&(_, x)| x == c)?;
        at.push(i);
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn climbs_the_ladder() {
        assert_eq!(classify("border", "border"), Some(Class::Exact));
        assert_eq!(classify("bord", "border"), Some(Class::Prefix));
        assert_eq!(classify("order", "border"), Some(Class::Infix));
        assert_eq!(classify("xngshn", "xiangshan"), Some(Class::Scattered));
        assert_eq!(classify("un", "united"), Some(Class::Prefix));
        assert_eq!(classify("un", "rotation"), None);
        assert_eq!(classify("nit", "unit"), Some(Class::Infix));
        assert_eq!(classify("ni", "unit"), None);
        assert_eq!(classify("ngsh", "xiangshan"), Some(Class::Infix));
        // Letters in order must start at the word's start and stay close.
        assert_eq!(classify("iash", "xiangshan"), None);
        assert_eq!(classify("xian", "xylophonesandmoreandmore"), None);
    }

    #[test]
    fn better_classes_score_higher() {
        let p = |c: Class| c.points(4, 8);
        assert!(p(Class::Exact) > p(Class::Initials));
        assert!(p(Class::Initials) > p(Class::Prefix));
        assert!(p(Class::Prefix) > p(Class::Infix));
        assert!(p(Class::Infix) > p(Class::Scattered));
        assert!(Class::Prefix.points(7, 8) > Class::Prefix.points(2, 8));
    }
}
