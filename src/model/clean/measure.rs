//! Cheap measures of a line (byte scans that stop early), used on every paragraph.

/// True when `s` has more than `n` space-separated words.
pub fn more_words_than(s: &str, n: usize) -> bool {
    s.bytes().filter(|&b| b == b' ').take(n).count() >= n && !s.is_empty()
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
        assert_eq!(last_words("a b c d", 2), "c d");
        assert_eq!(last_words("a b", 5), "a b");
    }
}
