//! Tests of eight ASCII bytes at once, in one 64-bit word: the hot loops that pass
//! over lower-case text (folding, looking for capitals) take a word per step.

/// The end of the run of ASCII bytes at `at`, eight bytes at a time.
pub fn ascii_end(src: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = src.get(at..at + 8) {
        if word(chunk) & HIGH != 0 {
            break;
        }
        at += 8;
    }
    while src.get(at).is_some_and(u8::is_ascii) {
        at += 1;
    }
    at
}

/// Eight bytes as one little-endian word (the first byte lowest).
pub fn word(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))
}

/// A one in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `w` (all ASCII) that is at least `n` (at most 0x80):
/// no sum carries into the next byte.
pub const fn at_least(w: u64, n: u8) -> u64 {
    w.wrapping_add(ONES * (0x80 - n as u64)) & HIGH
}

/// The high bit of every byte of `w` (all ASCII) equal to `c`.
pub const fn equal(w: u64, c: u8) -> u64 {
    at_least(w, c) & !at_least(w, c + 1)
}

/// The offset of the first byte at or after `at` that is an ASCII capital or not
/// ASCII (the length when there is none): where a capitalised word may start.
pub fn next_capital_or_wide(b: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = b.get(at..at + 8) {
        let w = word(chunk);
        if (w & HIGH) != 0 || (at_least(w, b'A') & !at_least(w, b'Z' + 1)) != 0 {
            break;
        }
        at += 8;
    }
    while let Some(&x) = b.get(at) {
        if !x.is_ascii() || x.is_ascii_uppercase() {
            return at;
        }
        at += 1;
    }
    b.len().min(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_compare_every_byte() {
        let w = word(b"aZ0.{ @`");
        // At least 'a': the 'a' and the '{' ('`' is just below 'a').
        assert_eq!(at_least(w, b'a'), 0x80 | 0x80 << 32);
        assert_eq!(equal(w, b'.'), 0x80 << 24);
        assert_eq!(equal(w, b' '), 0x80 << 40);
    }

    #[test]
    fn ascii_runs_end_at_the_first_wide_byte() {
        let s = "plain words then Hà Nội".as_bytes();
        assert_eq!(ascii_end(s, 0), "plain words then H".len());
        assert_eq!(ascii_end(b"short", 0), 5);
        assert_eq!(ascii_end(b"", 0), 0);
    }

    #[test]
    fn capitals_and_wide_bytes_are_found_past_lower_case() {
        let s = "all lower case words here and then Vietnam".as_bytes();
        assert_eq!(next_capital_or_wide(s, 0), s.len() - "Vietnam".len());
        let s = "nothing to find in this line".as_bytes();
        assert_eq!(next_capital_or_wide(s, 0), s.len());
        let s = "lower đi".as_bytes();
        assert_eq!(next_capital_or_wide(s, 0), 6);
        assert_eq!(next_capital_or_wide(b"aB", 5), 2);
    }
}
