//! Strings with a small value each, packed end to end in one string: a document's
//! paragraphs ([`super::paragraphs`]), its share of the vocabulary and the answers its
//! cleaning got ([`super::basis`]). A `String` or `Box<str>` apiece cost a 24- or 16-byte
//! header and a heap block each, tens of megabytes at 100,000 documents; here a string
//! costs the 4 bytes of its end and its value.

/// Strings in insertion order, each with a value, in one string and one list of ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedStrs<T> {
    /// The strings, end to end.
    text: String,
    /// Where each string ends in `text`, and its value.
    ends: Vec<(u32, T)>,
}

impl<T: Copy> PackedStrs<T> {
    /// None yet.
    pub fn new() -> PackedStrs<T> {
        PackedStrs {
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Appends `s` with `value`. A string that would end past `u32::MAX` bytes is not
    /// kept: no text dossier reads is that long ([`crate::model::source::MAX_FILE_BYTES`]).
    pub fn push(&mut self, s: &str, value: T) {
        let Ok(end) = u32::try_from(self.text.len() + s.len()) else {
            return;
        };
        self.text.push_str(s);
        self.ends.push((end, value));
    }

    /// The number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no string.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Where string `i` starts in `text` (`i` is in range).
    fn start(&self, i: usize) -> usize {
        match i {
            0 => 0,
            _ => self.ends[i - 1].0 as usize,
        }
    }

    /// String `i` and its value, if there is one.
    pub fn get(&self, i: usize) -> Option<(&str, T)> {
        let &(end, value) = self.ends.get(i)?;
        Some((self.text.get(self.start(i)..end as usize)?, value))
    }

    /// String `i`; past the end is a caller's bug and panics, as indexing a `Vec` does.
    pub fn str_at(&self, i: usize) -> &str {
        &self.text[self.start(i)..self.ends[i].0 as usize]
    }

    /// The last string and its value, to update in place.
    pub fn last_mut(&mut self) -> Option<(&str, &mut T)> {
        let last = self.ends.len().checked_sub(1)?;
        let start = self.start(last);
        let (end, value) = &mut self.ends[last];
        Some((&self.text[start..*end as usize], value))
    }

    /// The strings and their values, in order.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            packed: self,
            next: 0,
            end: self.len(),
        }
    }

    /// Gives back spare capacity once the strings are complete.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The strings of a [`PackedStrs`] and their values, in order.
#[derive(Debug, Clone)]
pub struct Iter<'a, T> {
    packed: &'a PackedStrs<T>,
    next: usize,
    end: usize,
}

impl<'a, T: Copy> Iterator for Iter<'a, T> {
    type Item = (&'a str, T);
    fn next(&mut self) -> Option<(&'a str, T)> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        self.packed.get(self.next - 1)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl<T: Copy> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.packed.get(self.end)
    }
}

impl<T: Copy> ExactSizeIterator for Iter<'_, T> {}

impl<'a, T: Copy> IntoIterator for &'a PackedStrs<T> {
    type Item = (&'a str, T);
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T> AsRef<PackedStrs<T>> for PackedStrs<T> {
    fn as_ref(&self) -> &PackedStrs<T> {
        self
    }
}

impl<S: AsRef<str>, T: Copy> FromIterator<(S, T)> for PackedStrs<T> {
    /// Allocates the string once, at its final size.
    fn from_iter<I: IntoIterator<Item = (S, T)>>(items: I) -> PackedStrs<T> {
        let items: Vec<(S, T)> = items.into_iter().collect();
        let mut packed = PackedStrs {
            text: String::with_capacity(items.iter().map(|(s, _)| s.as_ref().len()).sum()),
            ends: Vec::with_capacity(items.len()),
        };
        for (s, value) in &items {
            packed.push(s.as_ref(), *value);
        }
        packed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_last_string_is_updated_in_place() {
        let mut t = PackedStrs::new();
        assert_eq!(t.last_mut(), None);
        t.push("zzyzx", 1u32);
        t.push("qwv", 1);
        if let Some((word, n)) = t.last_mut() {
            assert_eq!(word, "qwv");
            *n += 2;
        }
        assert_eq!(t.iter().collect::<Vec<_>>(), [("zzyzx", 1), ("qwv", 3)]);
        assert_eq!(
            t.iter().rev().collect::<Vec<_>>(),
            [("qwv", 3), ("zzyzx", 1)]
        );
        assert_eq!((t.get(2), t.str_at(0)), (None, "zzyzx"));
    }

    proptest! {
        #[test]
        fn holds_what_was_pushed(items in proptest::collection::vec((".{0,8}", any::<bool>()), 0..12)) {
            let packed: PackedStrs<bool> = items.iter().map(|(s, b)| (s, *b)).collect();
            prop_assert_eq!(packed.len(), items.len());
            let back: Vec<(String, bool)> = packed.iter().map(|(s, b)| (s.to_owned(), b)).collect();
            prop_assert_eq!(back, items);
        }
    }
}
