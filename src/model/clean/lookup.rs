//! Small lookup structures of the lexicon, built once and read for every word and line.

/// A set of 64-bit hashes in one flat table, probed linearly from the slot its top bits
/// name: a lookup reads one cache line, where a general hash set reads its control bytes
/// and its slot apart (the word list is larger than the caches, so that is the cost).
#[derive(Debug, Default)]
pub struct HashTable {
    /// The hashes; 0 marks an empty slot (a hash of 0 is kept in `has_zero`).
    slots: Box<[u64]>,
    /// 64 minus the log2 of the number of slots.
    shift: u32,
    has_zero: bool,
}

impl HashTable {
    /// The table of `hashes` (repeats are held once). Sized from the count with repeats,
    /// so the hashes are stored straight into their slots without a set to count them.
    pub fn new(hashes: impl Iterator<Item = u64>) -> HashTable {
        let hashes: Vec<u64> = hashes.collect();
        // At most two thirds full, so that a probe ends within a few slots.
        let size = (hashes.len() * 3 / 2).next_power_of_two().max(2);
        let mut t = HashTable {
            slots: vec![0; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            has_zero: false,
        };
        for h in hashes {
            if h == 0 {
                t.has_zero = true;
                continue;
            }
            let mut i = t.home(h);
            while t.slots[i] != 0 && t.slots[i] != h {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] = h;
        }
        t
    }

    /// The number of hashes held.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count() + usize::from(self.has_zero)
    }

    fn home(&self, h: u64) -> usize {
        (h >> self.shift) as usize
    }

    /// Whether `h` is held.
    pub fn contains(&self, h: u64) -> bool {
        if h == 0 || self.slots.is_empty() {
            return h == 0 && self.has_zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            match self.slots[i] {
                s if s == h => return true,
                0 => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// The bytes, in either ASCII case, that a list of phrases starts with: a line that
/// starts with none of them is passed over without comparing it with every phrase.
#[derive(Debug)]
pub struct FirstBytes([bool; 256]);

impl Default for FirstBytes {
    fn default() -> FirstBytes {
        FirstBytes([false; 256])
    }
}

impl FirstBytes {
    /// The first bytes of `phrases`.
    pub fn of(phrases: &[String]) -> FirstBytes {
        let mut t = [false; 256];
        for p in phrases {
            match p.as_bytes().first() {
                Some(&b) => {
                    t[usize::from(b.to_ascii_lowercase())] = true;
                    t[usize::from(b.to_ascii_uppercase())] = true;
                }
                // An empty phrase starts every line.
                None => return FirstBytes([true; 256]),
            }
        }
        FirstBytes(t)
    }

    /// False when no phrase of the list can start `s` (an empty `s` is left to the
    /// phrases, since an empty phrase starts it).
    pub fn may_start(&self, s: &str) -> bool {
        s.as_bytes().first().is_none_or(|&b| self.0[usize::from(b)])
    }
}

/// The entries of a word list: one per line, trimmed, `#` starts a comment line. Read
/// byte by byte, trimming only a line that starts or ends with a space or a non-ASCII
/// byte: the lists hold 130,000 short lines, and `lines()` with `trim()` on each took
/// three times as long as this.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    let bytes = list.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start <= bytes.len() {
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| start + i);
            let line = &list[start..end];
            start = end + 1;
            let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
            let word = if plain(line.as_bytes().first()) && plain(line.as_bytes().last()) {
                line
            } else {
                line.trim()
            };
            if !word.is_empty() && !word.starts_with('#') {
                return Some(word);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_table_holds_what_it_was_given() {
        // Hashes sharing their top bits probe past each other; 0 is held apart.
        let given = [0, 7, 7 | 1 << 63, 8 | 1 << 63, 9 | 1 << 63, u64::MAX, 7];
        let t = HashTable::new(given.into_iter());
        assert_eq!(t.len(), 6);
        for h in given {
            assert!(t.contains(h), "{h}");
        }
        for h in [1, 6, 0xa | 1 << 63, u64::MAX - 1] {
            assert!(!t.contains(h), "{h}");
        }
        let empty = HashTable::default();
        assert!(!empty.contains(0) && !empty.contains(7));
        assert!(!HashTable::new([7].into_iter()).contains(0));
    }

    #[test]
    fn first_bytes_in_either_case() {
        let f = FirstBytes::of(&["Photo".to_owned(), "image".to_owned()]);
        for s in ["photo", "PHOTO", "Image", "i", ""] {
            assert!(f.may_start(s), "{s}");
        }
        assert!(!f.may_start("Source") && !f.may_start(" photo"));
        assert!(FirstBytes::of(&[String::new()]).may_start("anything"));
        assert!(!FirstBytes::default().may_start("x"));
    }

    #[test]
    fn entries_are_trimmed_lines_without_comments() {
        let reference = |l: &'static str| {
            l.lines()
                .map(str::trim)
                .filter(|w| !w.is_empty() && !w.starts_with('#'))
                .collect::<Vec<_>>()
        };
        for list in [
            "",
            "\n",
            "a",
            "# c\n a \r\n\r\nb\u{a0}\n\u{2003}c\n\x0bd\x0b\n#\nlast",
            "x\n\n",
        ] {
            assert_eq!(
                entries(list).collect::<Vec<_>>(),
                reference(list),
                "{list:?}"
            );
        }
    }
}
