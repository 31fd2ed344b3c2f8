//! Cheap measures of a line (byte scans that stop early), used on every paragraph.

/// Bytes counted at a time: a fixed-size count compiles to vector code, and the scan
/// still stops soon after the `n`th space.
const COUNT_CHUNK: usize = 64;

/// True when `s` has more than `n` space-separated words.
pub fn more_words_than(s: &str, n: usize) -> bool {
    let mut spaces = 0;
    for chunk in s.as_bytes().chunks(COUNT_CHUNK) {
        spaces += chunk.iter().filter(|&&b| b == b' ').count();
        if spaces >= n {
            return true;
        }
    }
    false
}

/// The last `n` space-separated words of `s` (all of `s` when it has fewer).
pub fn last_words(s: &str, n: usize) -> &str {
    let mut seen = 0;
    for (i, b) in s.bytes().enumerate().rev() {
        if b == b' ' {
            seen += 1;
            if seen == n {
                return &s[i + 1..];
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_tails() {
        assert!(!more_words_than("a b c", 3));
        assert!(more_words_than("a b c d", 3));
        assert!(!more_words_than("", 0));
        assert!(more_words_than("a", 0));
        let long = "word ".repeat(100);
        assert!(more_words_than(&long, 99) && more_words_than(&long, 100));
        assert!(!more_words_than(&long, 101));
        assert_eq!(last_words("a b c d", 2), "c d");
        assert_eq!(last_words("a b", 5), "a b");
    }
}
