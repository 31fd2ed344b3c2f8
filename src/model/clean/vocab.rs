//! The corpus vocabulary: how often each out-of-dictionary lowercase word occurs, so
//! that real words missing from the word list are not split as glued words.

use super::lexicon::Lexicon;
use super::table::WordTable;
use super::tokens::lowercase_pieces;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Texts (or their word counts) summed per parallel task.
const CHUNK: usize = 64;

/// The out-of-dictionary lowercase tokens of one text and how often each occurs, sorted:
/// a text's share of the [`Vocabulary`], kept so that a later build can sum the shares
/// of files it does not read again.
pub type Words = WordTable<u32>;

/// Counts of out-of-dictionary lowercase tokens over the whole corpus.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    counts: FxHashMap<Box<str>, u32>,
}

impl Vocabulary {
    /// Counts the out-of-dictionary lowercase words of every raw text. Only tokens the
    /// word list lacks are stored, so the map stays small.
    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let texts: Vec<&str> = texts.collect();
        let words: Vec<Words> = texts.par_iter().map(|t| words_of(t)).collect();
        Vocabulary::from_words(&words)
    }

    /// The vocabulary of texts whose [`Words`] these are.
    pub fn from_words<W: AsRef<Words> + Sync>(words: &[W]) -> Vocabulary {
        let counts = words
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut counts: FxHashMap<Box<str>, u32> = FxHashMap::default();
                for (word, n) in chunk.iter().flat_map(|w| w.as_ref().iter()) {
                    match counts.get_mut(word) {
                        Some(total) => *total += n,
                        None => {
                            counts.insert(word.into(), n);
                        }
                    }
                }
                counts
            })
            .reduce(FxHashMap::default, |mut a, b| {
                for (k, n) in b {
                    *a.entry(k).or_insert(0) += n;
                }
                a
            });
        Vocabulary { counts }
    }

    /// How often the corpus has the lowercase token `word` (0 for dictionary words).
    pub fn count(&self, word: &str) -> u32 {
        self.counts.get(word).copied().unwrap_or(0)
    }

    /// The number of distinct out-of-dictionary tokens counted.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

/// The out-of-dictionary lowercase tokens of `text`, counted.
pub fn words_of(text: &str) -> Words {
    let lex = Lexicon::embedded();
    let mut pieces: Vec<&str> = Vec::new();
    lowercase_pieces(text, |p| {
        if !lex.is_lowercase_word(p) {
            pieces.push(p);
        }
    });
    pieces.sort_unstable();
    let mut words = Words::new();
    for p in pieces {
        match words.last_mut() {
            Some((last, n)) if last == p => *n += 1,
            _ => words.push(p, 1),
        }
    }
    words.shrink_to_fit();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_unknown_lowercase_words() {
        let v = Vocabulary::from_texts(
            [
                "The zzyzx road, zzyzx-way and zzyzx.",
                "Zzyzx ZZYZX defence diplomacyin",
            ]
            .into_iter(),
        );
        assert_eq!(v.count("zzyzx"), 3);
        assert_eq!(v.count("defence"), 0);
        assert_eq!(v.count("diplomacyin"), 1);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn the_shares_of_texts_sum_to_their_vocabulary() {
        let a = words_of("zzyzx and qwvxzk, then zzyzx again");
        assert_eq!(a.iter().collect::<Vec<_>>(), [("qwvxzk", 1), ("zzyzx", 2)]);
        let b = words_of("one more zzyzx");
        let v = Vocabulary::from_words(&[a, b, Words::new()]);
        assert_eq!(v.count("zzyzx"), 3);
        assert_eq!(v.count("qwvxzk"), 1);
        assert_eq!(v.len(), 2);
    }
}
