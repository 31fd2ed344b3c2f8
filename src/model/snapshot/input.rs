//! Reading the snapshot's bytes back: the bytes still to read, taken a byte, a varint,
//! a string or a bounded length at a time, and why they could not be.

/// Why bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Damaged(pub &'static str);

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the snapshot is damaged ({})", self.0)
    }
}

/// The bytes still to read.
pub(super) struct Input<'a> {
    bytes: &'a [u8],
}

impl<'a> Input<'a> {
    /// Reading `bytes` from the start.
    pub(super) fn new(bytes: &'a [u8]) -> Input<'a> {
        Input { bytes }
    }

    /// True when every byte has been read.
    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The next byte.
    pub(super) fn byte(&mut self) -> Result<u8, Damaged> {
        let (&first, rest) = self.bytes.split_first().ok_or(Damaged("cut short"))?;
        self.bytes = rest;
        Ok(first)
    }

    /// The next `n` bytes.
    pub(super) fn bytes(&mut self, n: usize) -> Result<&'a [u8], Damaged> {
        if n > self.bytes.len() {
            return Err(Damaged("cut short"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    /// The next string (its length first), borrowed from the bytes.
    pub(super) fn str(&mut self) -> Result<&'a str, Damaged> {
        let n = self.usize()?;
        text(self.bytes(n)?)
    }

    /// The next varint.
    pub(super) fn varint(&mut self) -> Result<u64, Damaged> {
        // Most numbers (lengths, indices, small offsets) fit in one byte, and nearly all
        // the rest (offsets into a paragraph) in two.
        match *self.bytes {
            [first, ..] if first < 0x80 => {
                self.bytes = &self.bytes[1..];
                return Ok(u64::from(first));
            }
            [first, second, ..] if second < 0x80 => {
                self.bytes = &self.bytes[2..];
                return Ok(u64::from(first & 0x7f) | (u64::from(second) << 7));
            }
            _ => {}
        }
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(Damaged("a number too large"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Damaged("a number too long"))
    }

    /// The next varint, as a `usize`.
    pub(super) fn usize(&mut self) -> Result<usize, Damaged> {
        usize::try_from(self.varint()?).map_err(|_| Damaged("a number too large"))
    }

    /// The next length of a list, bounded by the bytes left: each item takes one byte
    /// at least, so a larger length cannot be honest.
    pub(super) fn length(&mut self) -> Result<usize, Damaged> {
        let n = self.usize()?;
        if n > self.bytes.len() {
            return Err(Damaged("a list longer than the bytes left"));
        }
        Ok(n)
    }
}

/// `bytes` as text. Validating UTF-8 is a warm start's largest single cost (every
/// paragraph passes here), so long texts go through the SIMD validator; short ones (names,
/// ids, dates) are checked faster by the standard one, which starts without set-up.
fn text(bytes: &[u8]) -> Result<&str, Damaged> {
    const SHORT: usize = 64;
    let valid = if bytes.len() < SHORT {
        std::str::from_utf8(bytes).ok()
    } else {
        simdutf8::basic::from_utf8(bytes).ok()
    };
    valid.ok_or(Damaged("a text that is not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// LEB128 read one byte at a time, as the specification states it.
    fn plain_varint(bytes: &[u8]) -> Option<(u64, usize)> {
        let mut value = 0u64;
        for (i, &byte) in bytes.iter().enumerate().take(10) {
            let bits = u64::from(byte & 0x7f);
            if i == 9 && bits > 1 {
                return None;
            }
            value |= bits << (7 * i);
            if byte & 0x80 == 0 {
                return Some((value, i + 1));
            }
        }
        None
    }

    proptest! {
        #[test]
        fn varints_read_as_the_plain_decoder_reads_them(
            bytes in proptest::collection::vec(any::<u8>(), 0..12),
        ) {
            let mut input = Input::new(&bytes);
            let fast = input.varint().ok().map(|v| (v, bytes.len() - input.bytes.len()));
            prop_assert_eq!(fast, plain_varint(&bytes));
        }
    }
}
