//! Cheap measures of a line (byte scans that stop early), used on every paragraph.

/// Bytes counted at a time: a fixed-size count compiles to vector code, and the scan
/// still stops soon after the `n`th space.
const COUNT_CHUNK: usize = 64;

/// The spaces in `b`. Summed in a byte (`b` is at most `COUNT_CHUNK` long) so that the
/// compiler counts a whole vector of bytes per instruction.
fn spaces_in(b: &[u8]) -> usize {
    usize::from(b.iter().fold(0u8, |a, &c| a + u8::from(c == b' ')))
}

/// True when `s` has more than `n` space-separated words.
pub fn more_words_than(s: &str, n: usize) -> bool {
    let mut spaces = 0;
    // Exact chunks: a count of known length vectorises, one of any length does not.
    let chunks = s.as_bytes().chunks_exact(COUNT_CHUNK);
    let rest = chunks.remainder();
    for chunk in chunks {
        spaces += spaces_in(chunk);
        if spaces >= n {
            return true;
        }
    }
    spaces + spaces_in(rest) >= n && !s.is_empty()
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

/// True when the line ends like a sentence (or a quotation that closes one).
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', ';', '…'])
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
        // Across chunk ends: counts agree with a plain count at every length.
        let text = "ab c  d ".repeat(40);
        for len in 0..text.len() {
            let s = &text[..len];
            let spaces = s.bytes().filter(|&b| b == b' ').count();
            for n in [0, 1, 9, 31, 32, 33, 64, 65, 100] {
                assert_eq!(
                    more_words_than(s, n),
                    spaces >= n && !s.is_empty(),
                    "{len} {n}"
                );
            }
        }
        assert_eq!(last_words("a b c d", 2), "c d");
        assert_eq!(last_words("a b", 5), "a b");
    }
}
