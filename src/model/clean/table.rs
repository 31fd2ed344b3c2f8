//! Words with a small value each, packed into one string: a text's share of the
//! vocabulary and the answers its cleaning got. A build keeps one of each per document,
//! so a boxed string per word (a heap block and a 24-byte entry each) was tens of
//! megabytes at 100,000 documents.

/// Words in insertion order, each with a value, in one string and one list of ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordTable<T> {
    /// The words, end to end.
    text: String,
    /// Where each word ends in `text`, and its value.
    ends: Vec<(u32, T)>,
}

impl<T: Copy> WordTable<T> {
    /// An empty table.
    pub fn new() -> WordTable<T> {
        WordTable {
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Appends `word` with `value`. A word that would end past `u32::MAX` bytes is not
    /// kept: no text dossier reads is that long ([`crate::model::source::MAX_FILE_BYTES`]).
    pub fn push(&mut self, word: &str, value: T) {
        let Ok(end) = u32::try_from(self.text.len() + word.len()) else {
            return;
        };
        self.text.push_str(word);
        self.ends.push((end, value));
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The last word and its value, to update in place.
    pub fn last_mut(&mut self) -> Option<(&str, &mut T)> {
        let start = match self.ends.len() {
            0 | 1 => 0,
            n => self.ends[n - 2].0 as usize,
        };
        let (end, value) = self.ends.last_mut()?;
        Some((&self.text[start..*end as usize], value))
    }

    /// The words and their values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, T)> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&(end, value)| {
            let word = &self.text[start..end as usize];
            start = end as usize;
            (word, value)
        })
    }

    /// Gives back spare capacity once the table is complete.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

impl<T> AsRef<WordTable<T>> for WordTable<T> {
    fn as_ref(&self) -> &WordTable<T> {
        self
    }
}

impl<'a, T: Copy> FromIterator<(&'a str, T)> for WordTable<T> {
    fn from_iter<I: IntoIterator<Item = (&'a str, T)>>(items: I) -> WordTable<T> {
        let mut table = WordTable::new();
        for (word, value) in items {
            table.push(word, value);
        }
        table.shrink_to_fit();
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_last_word_is_updated_in_place() {
        let mut t = WordTable::new();
        assert_eq!(t.last_mut(), None);
        t.push("zzyzx", 1u32);
        t.push("qwv", 1);
        if let Some((word, n)) = t.last_mut() {
            assert_eq!(word, "qwv");
            *n += 2;
        }
        assert_eq!(t.iter().collect::<Vec<_>>(), [("zzyzx", 1), ("qwv", 3)]);
    }

    proptest! {
        #[test]
        fn holds_what_was_pushed(items in proptest::collection::vec((".{0,8}", any::<bool>()), 0..12)) {
            let table: WordTable<bool> = items.iter().map(|(w, b)| (w.as_str(), *b)).collect();
            prop_assert_eq!(table.len(), items.len());
            let back: Vec<(String, bool)> = table.iter().map(|(w, b)| (w.to_owned(), b)).collect();
            prop_assert_eq!(back, items);
        }
    }
}
