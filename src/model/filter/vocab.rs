//! A sorted vocabulary of folded words, each with the (item, field) pairs it occurs
//! in: the word filters match a term against the few thousand distinct words once,
//! instead of against every item's text.

use super::ladder::{self, Class, SCATTERED_MIN, SHORT};
use memchr::memmem;
use rustc_hash::FxHashMap;

/// Where a word occurs: the item and which of its fields.
pub type Place = (u32, u8);

/// Words and their places, built by merging per-chunk maps in item order.
#[derive(Debug, Default)]
pub struct Vocab {
    /// The words in sorted order, each followed by '\n'.
    text: String,
    /// `ends[i]`: end of word `i` in `text` (before its '\n').
    ends: Vec<u32>,
    /// `post_ends[i]`: end of word `i`'s places in `places`.
    post_ends: Vec<u32>,
    places: Vec<Place>,
}

/// Words of a chunk of items and their places.
pub type ChunkWords = FxHashMap<String, Vec<Place>>;

impl Vocab {
    /// Merges chunk maps (in item order) into one sorted vocabulary.
    pub fn from_chunks(chunks: Vec<ChunkWords>) -> Vocab {
        let mut all: ChunkWords = FxHashMap::default();
        for chunk in chunks {
            for (w, places) in chunk {
                all.entry(w).or_default().extend(places);
            }
        }
        let mut words: Vec<(String, Vec<Place>)> = all.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut v = Vocab::default();
        for (w, mut places) in words {
            places.dedup();
            v.text.push_str(&w);
            v.ends.push(v.text.len() as u32);
            v.text.push('\n');
            v.places.extend(places);
            v.post_ends.push(v.places.len() as u32);
        }
        v
    }

    /// The number of distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Word `i`.
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.ends[i - 1] as usize + 1
        };
        &self.text[start..self.ends[i] as usize]
    }

    /// The places of word `i`.
    pub fn places(&self, i: usize) -> &[Place] {
        let start = if i == 0 {
            0
        } else {
            self.post_ends[i - 1] as usize
        };
        &self.places[start..self.post_ends[i] as usize]
    }

    /// Words starting with `prefix`: a range of word ids.
    fn starting_with(&self, prefix: &str) -> std::ops::Range<usize> {
        let from = partition(self.len(), |i| self.word(i) < prefix);
        let to = from
            + partition(self.len() - from, |i| {
                self.word(from + i).starts_with(prefix)
            });
        from..to
    }

    /// Every word `term` matches, with the class of match. `whole_words` allows only
    /// whole words and (for terms of 3+ letters) word starts.
    pub fn matching(&self, term: &str, whole_words: bool) -> Vec<(usize, Class)> {
        let n = term.chars().count();
        let mut out: Vec<(usize, Class)> = self
            .starting_with(term)
            .map(|i| {
                let class = if self.word(i) == term {
                    Class::Exact
                } else {
                    Class::Prefix
                };
                (i, class)
            })
            .filter(|&(_, c)| !whole_words || c == Class::Exact || n >= SHORT)
            .collect();
        if whole_words || n < SHORT {
            return out;
        }
        let prefixed = out.len();
        for at in memmem::find_iter(self.text.as_bytes(), term.as_bytes()) {
            let i = partition(self.len(), |i| (self.ends[i] as usize) < at + term.len());
            let start = self.ends[i] as usize - self.word(i).len();
            if at > start && out.last().is_none_or(|&(j, _)| j != i) {
                out.push((i, Class::Infix));
            }
        }
        if n >= SCATTERED_MIN
            && let Some(first) = term.chars().next()
        {
            let mut buf = [0u8; 4];
            let infix: rustc_hash::FxHashSet<usize> = out[prefixed..].iter().map(|m| m.0).collect();
            for i in self.starting_with(first.encode_utf8(&mut buf)) {
                let w = self.word(i);
                if !w.starts_with(term)
                    && !infix.contains(&i)
                    && ladder::scattered(term, w).is_some()
                {
                    out.push((i, Class::Scattered));
                }
            }
        }
        out
    }
}

/// The first index in `0..n` where `below` turns false (`below` is true then false).
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = usize::midpoint(lo, hi);
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> Vocab {
        let mut m: ChunkWords = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            m.entry((*w).to_owned()).or_default().push((i as u32, 0));
        }
        Vocab::from_chunks(vec![m])
    }

    fn found(v: &Vocab, t: &str, whole: bool) -> Vec<(String, Class)> {
        let mut got: Vec<(String, Class)> = v
            .matching(t, whole)
            .into_iter()
            .map(|(i, c)| (v.word(i).to_owned(), c))
            .collect();
        got.sort();
        got
    }

    #[test]
    fn finds_each_class_once() {
        let v = vocab(&[
            "border",
            "borders",
            "neighborder",
            "bxorxdxer",
            "order",
            "unit",
        ]);
        let s = |w: &str| w.to_owned();
        assert_eq!(
            found(&v, "border", false),
            [
                (s("border"), Class::Exact),
                (s("borders"), Class::Prefix),
                (s("bxorxdxer"), Class::Scattered),
                (s("neighborder"), Class::Infix)
            ]
        );
        assert_eq!(found(&v, "bord", false).len(), 3);
        assert_eq!(found(&v, "border", true).len(), 2);
        assert_eq!(found(&v, "un", false), [(s("unit"), Class::Prefix)]);
        assert_eq!(found(&v, "un", true), []);
        assert_eq!(v.places(0), [(0, 0)]);
        assert_eq!(found(&v, "zzz", false), []);
    }
}
