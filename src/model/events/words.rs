//! The content words of review articles, and the overlap test that tells whether two
//! reports are of one conference.

use crate::model::document::Document;
use crate::model::text::fold;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// Share of the smaller article's content words the other must contain (besides the
/// same kind, period and chair) for two reports to be of one conference.
const MIN_OVERLAP: f64 = 0.3;

/// Hashes of the words that carry content (five letters or more, folded), sorted and
/// deduplicated, so two articles' shared words are counted by one merge pass. A 64-bit
/// hash collision could count two different words as one; with a few thousand words
/// per article that is vanishingly rare and would only nudge an overlap score.
pub(super) fn content_words(doc: &Document) -> Vec<u64> {
    let mut folded: Vec<u8> = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    let mut add = |folded: &[u8]| {
        let mut h = FxHasher::default();
        h.write(folded);
        words.push(h.finish());
    };
    for p in &doc.body {
        each_word(p, |w, shape| {
            if shape & OTHER != 0 {
                if w.chars().count() >= 5 {
                    add(fold(w).as_bytes());
                }
            } else if w.len() < 5 {
                // In ASCII a word's length is its letters.
            } else if shape & CAPITAL == 0 {
                add(w.as_bytes());
            } else {
                folded.clear();
                folded.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
                add(&folded);
            }
        });
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// What a byte is to [`each_word`], as bits a word's bytes are or-ed into: not part
/// of a word (none), an ASCII letter or digit that folds to itself, an ASCII capital,
/// or a byte of some other char (which is decoded to tell).
const SEPARATOR: u8 = 0;
const LOWER: u8 = 1;
const CAPITAL: u8 = 2;
const OTHER: u8 = 4;

/// [`SEPARATOR`], [`LOWER`], [`CAPITAL`] or [`OTHER`] for every byte.
const CLASS: [u8; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if !b.is_ascii() {
            OTHER
        } else if b.is_ascii_uppercase() {
            CAPITAL
        } else if b.is_ascii_alphanumeric() {
            LOWER
        } else {
            SEPARATOR
        };
        i += 1;
    }
    table
};

/// Calls `word(w, shape)` for each word of `text` (a longest run of letters and
/// digits), `shape` the or of its bytes' classes: the words `text.split(|c: char|
/// !c.is_alphanumeric())` gives, found with a table lookup per byte and decoding only
/// the chars that are not ASCII (a paragraph has a name or a dash here and there).
fn each_word(text: &str, mut word: impl FnMut(&str, u8)) {
    let bytes = text.as_bytes();
    let (mut start, mut shape, mut i) = (0, SEPARATOR, 0);
    while let Some(&b) = bytes.get(i) {
        let mut class = CLASS[usize::from(b)];
        let mut len = 1;
        if class == OTHER {
            // `i` is always at a char's start, so there is a char.
            let c = text.get(i..).and_then(|t| t.chars().next());
            len = c.map_or(1, char::len_utf8);
            if !c.is_some_and(char::is_alphanumeric) {
                class = SEPARATOR;
            }
        }
        if class == SEPARATOR {
            if i > start {
                word(text.get(start..i).unwrap_or(""), shape);
            }
            (start, shape) = (i + len, SEPARATOR);
        } else {
            shape |= class;
        }
        i += len;
    }
    if bytes.len() > start {
        word(text.get(start..).unwrap_or(""), shape);
    }
}

/// The fewest shared words for lists of `a` and `b` words to overlap enough (by the
/// stated float test on the smaller size); `None` when no count is (an empty list).
fn needed(a: usize, b: usize) -> Option<usize> {
    let small = a.min(b);
    let enough = |shared: usize| shared as f64 / small as f64 >= MIN_OVERLAP;
    if small == 0 || !enough(small) {
        return None;
    }
    let mut need = (MIN_OVERLAP * small as f64).ceil() as usize;
    while need > 0 && enough(need - 1) {
        need -= 1;
    }
    while !enough(need) {
        need += 1;
    }
    Some(need)
}

/// The word lists of one bucket of reports, each word a small number of the bucket's
/// own, with one list (the probe) held as a bit set. Testing another list against the
/// probe is then one bit lookup per word, where two sorted lists of hashes took a
/// merge pass with a comparison per step of either: a bucket of a large corpus tests
/// millions of pairs, most of which overlap.
pub(super) struct WordSets {
    lists: Vec<Vec<u32>>,
    /// One bit per word of the bucket: set for the probe's words.
    bits: Vec<u64>,
    /// Which list is the probe.
    probe: Option<usize>,
}

impl WordSets {
    /// Numbers the words of the lists of `parts` (each deduplicated, as [`content_words`]
    /// gives) in order, each part as it comes, so that only one part's hashed words are
    /// in memory at a time.
    pub(super) fn from_parts(parts: impl IntoIterator<Item = Vec<Vec<u64>>>) -> WordSets {
        let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut numbered: Vec<Vec<u32>> = Vec::new();
        for lists in parts {
            numbered.extend(lists.into_iter().map(|l| {
                l.into_iter()
                    .map(|w| {
                        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                        *ids.entry(w).or_insert(next)
                    })
                    .collect()
            }));
        }
        WordSets {
            lists: numbered,
            bits: vec![0; ids.len().div_ceil(64)],
            probe: None,
        }
    }

    /// Makes list `k` the probe.
    pub(super) fn probe(&mut self, k: usize) {
        let empty: &[u32] = &[];
        if let Some(old) = self.probe.take() {
            for &w in self.lists.get(old).map_or(empty, Vec::as_slice) {
                if let Some(b) = self.bits.get_mut(w as usize / 64) {
                    *b = 0;
                }
            }
        }
        for &w in self.lists.get(k).map_or(empty, Vec::as_slice) {
            if let Some(b) = self.bits.get_mut(w as usize / 64) {
                *b |= 1 << (w % 64);
            }
        }
        self.probe = Some(k);
    }

    /// True when list `j` and the probe share enough words: the overlap coefficient
    /// (shared words over the smaller list's size) reaches [`MIN_OVERLAP`]. Stops as
    /// soon as the answer is known either way.
    pub(super) fn overlaps_probe(&self, j: usize) -> bool {
        let (Some(list), Some(probe)) = (
            self.lists.get(j),
            self.probe.and_then(|k| self.lists.get(k)),
        ) else {
            return false;
        };
        let Some(need) = needed(list.len(), probe.len()) else {
            return false;
        };
        let mut shared = 0;
        for (i, &w) in list.iter().enumerate() {
            if shared >= need {
                return true;
            }
            // The list can still share at most its remaining words.
            if shared + (list.len() - i) < need {
                return false;
            }
            let bit = self
                .bits
                .get(w as usize / 64)
                .map_or(0, |b| (b >> (w % 64)) & 1);
            shared += bit as usize;
        }
        shared >= need
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synth::Rng;

    /// Overlap by the definition: shared words over the smaller list's size.
    fn by_definition(a: &[u64], b: &[u64]) -> bool {
        let small = a.len().min(b.len());
        let shared = a.iter().filter(|w| b.contains(w)).count();
        small > 0 && shared as f64 / small as f64 >= MIN_OVERLAP
    }

    fn sets_of(lists: &[Vec<u64>]) -> WordSets {
        WordSets::from_parts([lists.to_vec()])
    }

    #[test]
    fn lists_numbered_in_parts_are_numbered_as_in_one() {
        let lists = vec![vec![7, 3, 9], vec![3, 11], vec![], vec![9, 12, 7], vec![13]];
        let whole = WordSets::from_parts([lists.clone()]);
        for at in 0..=lists.len() {
            let (a, b) = lists.split_at(at);
            let parts = WordSets::from_parts([a.to_vec(), b.to_vec()]);
            assert_eq!(parts.lists, whole.lists);
            assert_eq!(parts.bits.len(), whole.bits.len());
        }
        // Six distinct words, numbered in first-seen order.
        assert_eq!(
            whole.lists,
            [vec![0, 1, 2], vec![1, 3], vec![], vec![2, 4, 0], vec![5]]
        );
    }

    #[test]
    fn overlap_is_judged_on_the_smaller_list() {
        let lists: Vec<Vec<u64>> = vec![
            (0..10).collect(),
            vec![1, 5, 9],
            vec![1, 5, 9, 100, 200],
            vec![1, 100, 200, 300],
            (7..40).collect(),
            (8..40).collect(),
            Vec::new(),
        ];
        let mut sets = sets_of(&lists);
        sets.probe(0);
        let got: Vec<bool> = (1..lists.len()).map(|j| sets.overlaps_probe(j)).collect();
        assert_eq!(got, [true, true, false, true, false, false]);
        // The probe can move, and the empty list overlaps nothing, itself included.
        sets.probe(6);
        assert!(!sets.overlaps_probe(0) && !sets.overlaps_probe(6));
        // Against three words one shared word is enough (1/3 ≥ 0.3).
        sets.probe(1);
        assert!(sets.overlaps_probe(0) && sets.overlaps_probe(2) && sets.overlaps_probe(5));
        assert!(!sets.overlaps_probe(6));
    }

    #[test]
    fn agrees_with_the_definition_on_random_lists() {
        let mut rng = Rng::new(5);
        let lists: Vec<Vec<u64>> = (0..60)
            .map(|_| {
                let mut l: Vec<u64> = (0..rng.below(40))
                    .map(|_| (rng.below(90) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
                    .collect();
                l.sort_unstable();
                l.dedup();
                l
            })
            .collect();
        let mut sets = sets_of(&lists);
        let mut yes = 0;
        for k in 0..lists.len() {
            sets.probe(k);
            for j in 0..lists.len() {
                let want = by_definition(&lists[j], &lists[k]);
                assert_eq!(sets.overlaps_probe(j), want, "{j} against {k}");
                yes += usize::from(want);
            }
        }
        // Both answers occur, so the test tells them apart.
        assert!(yes > 100 && yes < 3000, "{yes}");
    }

    /// The content words by their definition: split at every char not a letter or
    /// digit, counted in chars, folded.
    fn by_chars(body: &str) -> Vec<u64> {
        let mut words: Vec<u64> = body
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 5)
            .map(|w| {
                let mut h = FxHasher::default();
                h.write(fold(w).as_bytes());
                h.finish()
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    proptest::proptest! {
        #[test]
        fn words_are_found_as_by_their_definition(s in "(Ab|ĐỒ|Huế|ệ|xyz|ab|\\.| |–|’|中|𝔸|٣){0,14}") {
            let doc = Document { body: vec![s.clone()].into(), ..Document::default() };
            proptest::prop_assert_eq!(content_words(&doc), by_chars(&s));
        }
    }

    #[test]
    fn content_words_fold_and_skip_short_words() {
        let doc = |body: &str| Document {
            body: [body].into_iter().collect(),
            ..Document::default()
        };
        let a = content_words(&doc("Defence DEFENCE defence, Huế army: training"));
        let b = content_words(&doc("defence training"));
        assert_eq!(a, b);
        assert_eq!(
            content_words(&doc("Đà Nẵng hosts")),
            content_words(&doc("da nang hosts"))
        );
        let c = content_words(&doc("Thành phố: Hải Phòng hosted talks"));
        let d = content_words(&doc("thanh pho hai phong HOSTED talks"));
        assert_eq!(c, d);
        assert!(content_words(&doc("the army met")).is_empty());
    }
}
