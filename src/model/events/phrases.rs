//! Cue phrases matched with one automaton per list, as whole words on folded text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

/// A list of phrases compiled into one Aho-Corasick automaton, so a sentence is
/// scanned once per list rather than once per phrase.
pub(super) struct PhraseSet {
    automaton: Option<AhoCorasick>,
    count: usize,
}

impl PhraseSet {
    /// Compiles `phrases`; pattern ids are their positions in the list.
    pub(super) fn new<S: AsRef<str>>(phrases: &[S]) -> PhraseSet {
        PhraseSet {
            // Only an absurdly large list could fail to build; it then matches nothing.
            automaton: AhoCorasick::new(phrases.iter().map(AsRef::as_ref)).ok(),
            count: phrases.len(),
        }
    }

    /// Every whole-word occurrence in `folded` as (phrase index, byte offset), ordered
    /// by where each ends. Per phrase this is what `str::match_indices` would find and
    /// the word-boundary filter keep: occurrences overlapping an earlier one of the
    /// same phrase are skipped, as there.
    pub(super) fn find_all(&self, folded: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.scan(folded, |p, at| {
            out.push((p, at));
            false
        });
        out
    }

    /// True when any phrase occurs in `folded` as whole words.
    pub(super) fn any(&self, folded: &str) -> bool {
        let mut found = false;
        self.scan(folded, |_, _| {
            found = true;
            true
        });
        found
    }

    /// Calls `hit(phrase, offset)` for each whole-word occurrence until it returns true.
    fn scan(&self, folded: &str, mut hit: impl FnMut(usize, usize) -> bool) {
        let Some(ac) = &self.automaton else {
            return;
        };
        // Where the next occurrence of each phrase may start (non-overlapping per phrase).
        let mut next = vec![0usize; self.count];
        for m in ac.find_overlapping_iter(folded) {
            let p = m.pattern().as_usize();
            let Some(allowed) = next.get_mut(p) else {
                continue;
            };
            if m.start() < *allowed {
                continue;
            }
            *allowed = m.end().max(m.start() + 1);
            if whole_word(folded, m.start(), m.end()) && hit(p, m.start()) {
                return;
            }
        }
    }
}

/// A quick test that a text cannot hold any phrase of some lists: the phrases searched
/// as plain substrings, without word boundaries (and, if asked, in any ASCII case, so
/// unfolded ASCII text can be tested). Whole-word occurrences are such substrings, so
/// `false` is a safe answer that the exact [`PhraseSet`] scan would find none either.
pub(super) struct Prefilter(Option<AhoCorasick>);

impl Prefilter {
    /// Compiles the phrases of all `lists` into one automaton.
    pub(super) fn new<S: AsRef<str>>(lists: &[&[S]], any_case: bool) -> Prefilter {
        let phrases = lists.iter().flat_map(|l| l.iter().map(AsRef::as_ref));
        Prefilter(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(any_case)
                .build(phrases)
                .ok(),
        )
    }

    /// False only when no phrase occurs in `text` (in any ASCII case if so built). Without an
    /// automaton (it failed to build) it cannot rule anything out and says true.
    pub(super) fn may_occur(&self, text: &str) -> bool {
        self.0.as_ref().is_none_or(|ac| ac.is_match(text))
    }
}

/// True when `folded[start..end]` has no letter or digit right before or after it.
fn whole_word(folded: &str, start: usize, end: usize) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    let before = folded[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word(c));
    let after = folded[end..].chars().next().is_none_or(|c| !is_word(c));
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_of_every_phrase() {
        let set = PhraseSet::new(&["chair", "chaired", "presided over", "presided"]);
        assert_eq!(set.find_all("the chairman chaired it"), vec![(1, 13)]);
        assert_eq!(
            set.find_all("he presided over it; chair"),
            vec![(3, 3), (2, 3), (0, 21)]
        );
        assert!(set.any("x chair"));
        assert!(!set.any("chairs"));
        assert!(!PhraseSet::new::<&str>(&[]).any("anything"));
    }

    #[test]
    fn prefilter_rules_out_only_texts_without_any_phrase() {
        let p = Prefilter::new(&[&["chair", "presided over"][..], &["review"][..]], true);
        assert!(p.may_occur("He PRESIDED OVER it"));
        assert!(p.may_occur("the Chairman spoke"));
        let folded = Prefilter::new(&[&["chair"][..]], false);
        assert!(folded.may_occur("the chairman") && !folded.may_occur("the Chairman"));
        assert!(p.may_occur("previews"));
        assert!(!p.may_occur("presided, over"));
        assert!(!p.may_occur(""));
        // No phrases: nothing can occur, as the exact scan of empty lists finds nothing.
        assert!(!Prefilter::new::<&str>(&[], true).may_occur("x"));
    }

    #[test]
    fn occurrences_of_one_phrase_do_not_overlap() {
        // As `match_indices`: "ab ab" at 1 (not a whole word) hides the one at 4.
        let set = PhraseSet::new(&["ab ab"]);
        assert_eq!(set.find_all("xab ab ab"), Vec::<(usize, usize)>::new());
        assert_eq!(set.find_all("ab ab ab ab"), vec![(0, 0), (0, 6)]);
    }
}
