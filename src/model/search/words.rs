//! The words of a text, folded the way the rest of dossier folds (case and diacritics,
//! [`fold_char`]; combining marks dropped), each with its byte range in the original.
//! Reader search, the corpus index and the filters all split text here, so a word
//! found by one is found by all.

use crate::model::text::fold_char;
use unicode_normalization::char::is_combining_mark;

/// One word: where its folded form sits in [`Words::folded`] and where the word sits
/// in the original text (byte ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Start of the folded form in the folded buffer.
    pub folded_start: u32,
    /// End of the folded form.
    pub folded_end: u32,
    /// Start of the word in the original text.
    pub start: u32,
    /// End of the word in the original text.
    pub end: u32,
}

/// A text split into folded words; reusable to spare allocations ([`Words::fill`]).
#[derive(Debug, Clone, Default)]
pub struct Words {
    folded: String,
    words: Vec<Word>,
}

impl Words {
    /// The words of `text`.
    pub fn new(text: &str) -> Words {
        let mut w = Words::default();
        w.fill(text);
        w
    }

    /// Replaces the content with the words of `text`.
    pub fn fill(&mut self, text: &str) {
        self.folded.clear();
        self.words.clear();
        if text.is_ascii() {
            self.fill_ascii(text);
        } else {
            self.fill_unicode(text);
        }
    }

    fn fill_ascii(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let fs = self.folded.len();
            self.folded.extend(
                bytes[start..i]
                    .iter()
                    .map(|b| b.to_ascii_lowercase() as char),
            );
            self.push(fs, start, i);
        }
    }

    fn fill_unicode(&mut self, text: &str) {
        // (folded start, original start) of the word being read.
        let mut open: Option<(usize, usize)> = None;
        let mut last_end = 0;
        for (at, c) in text.char_indices() {
            if is_combining_mark(c) {
                // Part of the word it follows (decomposed text), folded away.
                if open.is_some() {
                    last_end = at + c.len_utf8();
                }
                continue;
            }
            let f = fold_char(c);
            if f.is_alphanumeric() {
                if open.is_none() {
                    open = Some((self.folded.len(), at));
                }
                self.folded.push(f);
                last_end = at + c.len_utf8();
            } else if let Some((fs, s)) = open.take() {
                self.push(fs, s, last_end);
            }
        }
        if let Some((fs, s)) = open {
            self.push(fs, s, last_end);
        }
    }

    fn push(&mut self, folded_start: usize, start: usize, end: usize) {
        let c = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.words.push(Word {
            folded_start: c(folded_start),
            folded_end: c(self.folded.len()),
            start: c(start),
            end: c(end),
        });
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the text has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Word `i` (panics when out of range, like slice indexing).
    pub fn word(&self, i: usize) -> Word {
        self.words[i]
    }

    /// The folded form of word `i`.
    pub fn folded(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.folded[w.folded_start as usize..w.folded_end as usize]
    }

    /// Every word with its folded form, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Word)> + '_ {
        self.words.iter().map(|&w| {
            let f = &self.folded[w.folded_start as usize..w.folded_end as usize];
            (f, w)
        })
    }
}

/// The folded words of `text`, owned (for queries and small texts).
pub fn folded_words(text: &str) -> Vec<String> {
    let w = Words::new(text);
    w.iter().map(|(f, _)| f.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(String, &str)> {
        let w = Words::new(text);
        w.iter()
            .map(|(f, r)| (f.to_owned(), &text[r.start as usize..r.end as usize]))
            .collect()
    }

    #[test]
    fn folds_case_and_diacritics_and_keeps_original_ranges() {
        let got = split("Hoàng Xuân CHIẾN, Đà Nẵng's Level-2");
        let folded: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            folded,
            ["hoang", "xuan", "chien", "da", "nang", "s", "level", "2"]
        );
        assert_eq!(got[2].1, "CHIẾN");
        assert_eq!(got[4].1, "Nẵng");
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        let nfd = "Vie\u{302}\u{323}t Nam";
        let got = split(nfd);
        assert_eq!(got[0].0, "viet");
        assert_eq!(got[0].1, "Vie\u{302}\u{323}t");
        assert_eq!(folded_words("Việt Nam"), folded_words(nfd));
    }

    #[test]
    fn matches_the_model_fold() {
        for s in ["Hoàng Xuân Chiến", "HÀ NỘI", "Đà Nẵng", "Quốc phòng"] {
            let joined = folded_words(s).join(" ");
            assert_eq!(joined, crate::model::text::fold(s));
        }
    }

    #[test]
    fn odd_text_has_no_words_or_odd_words() {
        assert!(Words::new("").is_empty());
        assert_eq!(folded_words(" ,.-–— \u{1b}[31m "), ["31m"]);
        assert_eq!(folded_words("\u{301}abc"), ["abc"]);
        assert_eq!(folded_words("a💮b"), ["a", "b"]);
    }
}
