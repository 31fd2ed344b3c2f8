//! The corpus vocabulary: how often each out-of-dictionary lowercase word occurs, so
//! that real words missing from the word list are not split as glued words.

use super::lexicon::Lexicon;
use super::tokens::lowercase_pieces;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Texts counted per parallel task.
const CHUNK: usize = 64;

/// Counts of out-of-dictionary lowercase tokens over the whole corpus.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    counts: FxHashMap<Box<str>, u32>,
}

impl Vocabulary {
    /// Counts the out-of-dictionary lowercase words of every raw text. Only tokens the
    /// word list lacks are stored, so the map stays small.
    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let lex = Lexicon::embedded();
        let texts: Vec<&str> = texts.collect();
        let counts = texts
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut counts: FxHashMap<Box<str>, u32> = FxHashMap::default();
                for text in chunk {
                    lowercase_pieces(text, |p| {
                        if !lex.is_word(p) {
                            match counts.get_mut(p) {
                                Some(n) => *n += 1,
                                None => {
                                    counts.insert(p.into(), 1);
                                }
                            }
                        }
                    });
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
}
