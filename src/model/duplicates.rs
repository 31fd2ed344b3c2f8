//! Content hashes of corpus files, and the exact copies they reveal: a file saved twice is
//! one report, not two outlets' reports of the same event.

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::fmt;

/// The SHA-256 of a file's decoded text: equal for byte-identical files, different (in
/// practice) for any edit. It also keys saved state to a document's content.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub [u8; 32]);

impl ContentHash {
    /// The hash of `text`.
    pub fn of(text: &str) -> ContentHash {
        ContentHash(Sha256::digest(text.as_bytes()).into())
    }

    /// Parses the 64 lower-case hex digits that `Display` writes.
    pub fn parse(hex: &str) -> Option<ContentHash> {
        if hex.len() != 64 || !hex.is_ascii() {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(ContentHash(out))
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({self})")
    }
}

/// Which documents are exact copies of an earlier one (in load order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duplicates {
    /// Per document, the index of the first document with the same content, when it is a copy.
    original: Vec<Option<usize>>,
}

impl Duplicates {
    /// Finds the copies among documents with these hashes (same index).
    pub fn find(hashes: &[ContentHash]) -> Duplicates {
        let mut first: FxHashMap<&ContentHash, usize> = FxHashMap::default();
        let original = hashes
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let seen = *first.entry(h).or_insert(i);
                (seen != i).then_some(seen)
            })
            .collect();
        Duplicates { original }
    }

    /// The document that `doc` is an exact copy of, when it is one.
    pub fn original(&self, doc: usize) -> Option<usize> {
        self.original.get(doc).copied().flatten()
    }

    /// Every `(original, copy)` pair, copies in load order.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.original
            .iter()
            .enumerate()
            .filter_map(|(copy, o)| o.map(|o| (o, copy)))
    }

    /// The copies of document `doc`, in load order.
    pub fn copies(&self, doc: usize) -> impl Iterator<Item = usize> + '_ {
        self.pairs().filter(move |&(o, _)| o == doc).map(|(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip_through_hex() {
        let h = ContentHash::of("Hà Nội, 3 May");
        let hex = h.to_string();
        assert_eq!(hex.len(), 64);
        assert_eq!(ContentHash::parse(&hex), Some(h));
        assert_eq!(ContentHash::parse("zz"), None);
        assert_ne!(h, ContentHash::of("Hà Nội, 3 May."));
        // The SHA-256 of the empty string, a published test vector.
        assert!(
            ContentHash::of("")
                .to_string()
                .starts_with("e3b0c44298fc1c149afbf4c8996fb924")
        );
    }

    #[test]
    fn copies_point_at_the_first_of_their_content() {
        let [a, b] = [ContentHash::of("a"), ContentHash::of("b")];
        let d = Duplicates::find(&[a, b, a, a]);
        assert_eq!(d.original(0), None);
        assert_eq!(d.original(1), None);
        assert_eq!(d.original(2), Some(0));
        assert_eq!(d.original(3), Some(0));
        assert_eq!(d.original(9), None);
        assert_eq!(d.pairs().collect::<Vec<_>>(), [(0, 2), (0, 3)]);
        assert_eq!(d.copies(0).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(d.copies(1).count(), 0);
    }
}
