//! A cheap stand-in for the skim score, used to pick which matches are worth scoring
//! exactly when only the top hits are wanted: a whole-word or contiguous occurrence of
//! a term beats a scattered one, word starts count, gaps cost. On ASCII text it also
//! decides whether a term matches at all (0 means it is not a subsequence).

use memchr::memchr;
use memchr::memmem::Finder;

/// One folded term, with its substring searcher built once per query.
#[derive(Debug, Clone)]
pub(super) struct Term {
    /// The term's bytes.
    bytes: Vec<u8>,
    /// A SIMD substring searcher for them.
    finder: Finder<'static>,
}

impl Term {
    /// Prepares a folded term.
    pub fn new(term: &str) -> Term {
        Term {
            bytes: term.as_bytes().to_vec(),
            finder: Finder::new(term.as_bytes()).into_owned(),
        }
    }

    /// The proxy score of this term in `hay` (folded bytes); 0 when its bytes are not a
    /// subsequence of `hay`.
    pub fn score(&self, hay: &[u8]) -> i64 {
        let len = self.bytes.len() as i64;
        let Some(&first) = self.bytes.first() else {
            return 0;
        };
        // Contiguous occurrences: a word-start one is best, any other next best.
        let mut contiguous = false;
        for at in self.finder.find_iter(hay) {
            if word_start(hay, at) {
                return 100 + 10 * len;
            }
            contiguous = true;
        }
        if contiguous {
            return 60 + 10 * len;
        }
        // Scattered: greedy from the first occurrence, which also decides whether it
        // matches at all (one pass; word starts earn, gaps cost).
        memchr(first, hay)
            .and_then(|s| self.scattered(hay, s))
            .unwrap_or(0)
    }

    /// The greedy scattered score starting with the first byte at `start`.
    fn scattered(&self, hay: &[u8], start: usize) -> Option<i64> {
        let len = self.bytes.len() as i64;
        let (mut i, mut starts, mut last) = (start, 0i64, start);
        for &t in &self.bytes {
            last = i + memchr(t, hay.get(i..)?)?;
            starts += i64::from(word_start(hay, last));
            i = last + 1;
        }
        let gaps = (last - start + 1) as i64 - len;
        Some((10 * len + 5 * starts - gaps).max(1))
    }
}

/// True when byte `i` of `hay` starts a word (first byte, or after a non-alphanumeric).
fn word_start(hay: &[u8], i: usize) -> bool {
    i == 0 || hay.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_beat_inner_and_scattered_matches() {
        let s = |h: &str, t: &str| Term::new(t).score(h.as_bytes());
        assert!(s("the border post", "border") > s("neighborder", "border"));
        assert!(s("neighborder", "border") > s("b o r d e r", "border"));
        assert!(s("b o r d e r", "border") > s("bxxoxxrxxdxxexxr", "border"));
        assert_eq!(s("abc", "d"), 0);
        assert_eq!(s("", "d"), 0);
        assert_eq!(s("abc", ""), 0);
    }

    #[test]
    fn zero_exactly_when_not_a_subsequence() {
        let s = |h: &str, t: &str| Term::new(t).score(h.as_bytes());
        // The word-start attempt fails ("b" at a word start is too late), the leftmost works.
        assert!(s("xbord bxx", "bord") > 0);
        assert!(s("abxoxrxd", "bord") > 0);
        assert_eq!(s("drob", "bord"), 0);
    }
}
