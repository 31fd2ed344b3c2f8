//! A document's paragraphs (or captions) in one string. A `String` per paragraph cost a
//! 24-byte header and a heap block each (about 37 MB over the 935,000 paragraphs of
//! 100,000 articles); here a paragraph costs the 4 bytes of its end.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Paragraphs in order, end to end in one string.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Paragraphs {
    /// The paragraphs, end to end.
    text: String,
    /// Where each paragraph ends in `text`.
    ends: Vec<u32>,
}

impl Paragraphs {
    /// No paragraphs.
    pub fn new() -> Paragraphs {
        Paragraphs::default()
    }

    /// Appends a paragraph. A paragraph that would end past `u32::MAX` bytes is not kept:
    /// no text dossier reads is that long ([`crate::model::source::MAX_FILE_BYTES`]).
    pub fn push(&mut self, paragraph: &str) {
        let Ok(end) = u32::try_from(self.text.len() + paragraph.len()) else {
            return;
        };
        self.text.push_str(paragraph);
        self.ends.push(end);
    }

    /// The number of paragraphs.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no paragraph.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Paragraph `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        self.text.get(start..end)
    }

    /// The first paragraph, if any.
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    /// The last paragraph, if any.
    pub fn last(&self) -> Option<&str> {
        self.get(self.len().checked_sub(1)?)
    }

    /// The paragraphs in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            paragraphs: self,
            next: 0,
            end: self.len(),
        }
    }

    /// Keeps only the paragraphs `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        *self = self.iter().filter(|p| keep(p)).collect();
    }

    /// The paragraphs joined with `separator` between them.
    pub fn join(&self, separator: &str) -> String {
        self.iter().collect::<Vec<_>>().join(separator)
    }

    /// Gives back spare capacity once the paragraphs are complete.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The paragraphs of a [`Paragraphs`], in order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    paragraphs: &'a Paragraphs,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        self.paragraphs.get(self.next - 1)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.paragraphs.get(self.end)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = &'a str;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl std::ops::Index<usize> for Paragraphs {
    type Output = str;
    /// Paragraph `i`; past the end is a caller's bug and panics, as a `Vec` does.
    fn index(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

impl<S: AsRef<str>> FromIterator<S> for Paragraphs {
    /// Allocates the string once, at its final size.
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Paragraphs {
        let items: Vec<S> = items.into_iter().collect();
        let mut out = Paragraphs {
            text: String::with_capacity(items.iter().map(|p| p.as_ref().len()).sum()),
            ends: Vec::with_capacity(items.len()),
        };
        for p in &items {
            out.push(p.as_ref());
        }
        out
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Paragraphs {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Paragraphs {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Paragraphs {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl From<Vec<String>> for Paragraphs {
    fn from(paragraphs: Vec<String>) -> Paragraphs {
        paragraphs.into_iter().collect()
    }
}

impl fmt::Debug for Paragraphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Written as a list of strings, as the `Vec<String>` it replaced was.
impl Serialize for Paragraphs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Paragraphs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Paragraphs, D::Error> {
        Vec::<String>::deserialize(deserializer).map(Paragraphs::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_paragraphs_keep_their_place() {
        let p: Paragraphs = ["One.", "", "Three."].into_iter().collect();
        assert_eq!(p.len(), 3);
        assert_eq!(p.get(1), Some(""));
        assert_eq!(&p[2], "Three.");
        assert_eq!(p.get(3), None);
        assert_eq!(p.iter().rev().collect::<Vec<_>>(), ["Three.", "", "One."]);
    }

    #[test]
    fn json_is_a_list_of_strings() {
        let p: Paragraphs = ["a \"b\"", "ç"].into_iter().collect();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"["a \"b\"","ç"]"#);
        assert_eq!(serde_json::from_str::<Paragraphs>(&json).unwrap(), p);
    }

    proptest! {
        #[test]
        fn holds_what_a_vec_holds(items in proptest::collection::vec(".{0,10}", 0..10), drop in ".?") {
            let mut p: Paragraphs = items.iter().collect();
            prop_assert_eq!(p.iter().collect::<Vec<_>>(), items.iter().map(String::as_str).collect::<Vec<_>>());
            prop_assert_eq!(p.join("\n"), items.join("\n"));
            let mut kept = items.clone();
            kept.retain(|s| *s != drop);
            p.retain(|s| s != drop);
            prop_assert_eq!(p, Paragraphs::from(kept));
        }
    }
}
