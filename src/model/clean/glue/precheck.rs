//! The pre-check of the glued-word splitter: a look at a token's byte pairs that passes
//! over most tokens without reading them piece by piece.

use crate::model::clean::tokens::may_hold_piece;

/// False when `token` certainly holds no glue. Every cut, and every count looked up,
/// needs one of: a lowercase piece to segment (`may_hold_piece`), a lowercase letter
/// before a capital (camel case), a digit next to a letter (numbers), "'s" or "’s"
/// (possessives), or a period before a capital (sentence glue). Pieces are parts of the
/// token, so neighbours in a piece are neighbours in the token. Most capitalised words
/// and numbers ("Ministry", "2025,", "(VNA)") have none of them and are passed over.
pub(super) fn may_cut(token: &[u8]) -> bool {
    token
        .windows(2)
        .any(|w| FOLLOWS[usize::from(w[0])] & MARKS[usize::from(w[1])] != 0)
        || may_hold_piece(token)
}

/// Marks of a byte for `may_cut`: what it is as the second byte of a pair.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const S: u8 = 8;

/// The marks of each byte.
static MARKS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b's' {
            LOWER | S
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// For each byte, the marks of a next byte that make the pair one of `may_cut`'s: a
/// capital or a digit after a lowercase letter, a digit after a capital, a letter after
/// a digit, an "s" after an apostrophe (the last byte of "’" too), a capital after a period.
static FOLLOWS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            UPPER | DIGIT
        } else if c.is_ascii_uppercase() {
            DIGIT
        } else if c.is_ascii_digit() {
            LOWER | UPPER
        } else if c == b'\'' || c == 0x99 {
            S
        } else if c == b'.' {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_tables_are_the_pairs_named() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let named = a.is_ascii_lowercase() && b.is_ascii_uppercase()
                    || a.is_ascii_digit() && b.is_ascii_alphabetic()
                    || a.is_ascii_alphabetic() && b.is_ascii_digit()
                    || b == b's' && (a == b'\'' || a == 0x99)
                    || a == b'.' && b.is_ascii_uppercase();
                let table = FOLLOWS[usize::from(a)] & MARKS[usize::from(b)] != 0;
                assert_eq!(table, named, "{a:#x} {b:#x}");
            }
        }
    }

    #[test]
    fn tokens_without_glue_marks_are_passed_over() {
        for (token, may) in [
            ("Ministry", false),
            ("2025,", false),
            ("(VNA)", false),
            ("ofNational", true),
            ("April14", true),
            ("100countries", true),
            ("People's", true),
            ("nation’s", true),
            ("talks.The", true),
            ("forces,", true),
            ("U.N", true),
        ] {
            assert_eq!(may_cut(token.as_bytes()), may, "{token}");
        }
    }
}
