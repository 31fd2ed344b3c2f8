//! The byte format of a posting list and a cursor over it.
//!
//! A term's postings in one chunk of documents are, per unit that contains it (units
//! ascending): the unit's distance from the previous one (from the chunk's first unit
//! for the first), the term's count in the unit, the byte length of the positions, and
//! the positions as ascending gaps; all LEB128 varints. Term-at-a-time scoring skips
//! the positions by their length; phrase matching decodes them.

/// Appends `v` as a LEB128 varint.
pub fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, advancing it; 0 past the end (never panics).
#[inline]
pub fn get(buf: &[u8], at: &mut usize) -> u32 {
    let mut v: u32 = 0;
    let mut shift = 0;
    while let Some(&b) = buf.get(*at) {
        *at += 1;
        if shift < 32 {
            v |= u32::from(b & 0x7f) << shift;
        }
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

/// Encodes one posting: unit gap, count, positions (ascending, absolute in the unit).
pub fn put_posting(out: &mut Vec<u8>, gap: u32, positions: &[u32], scratch: &mut Vec<u8>) {
    scratch.clear();
    let mut prev = 0;
    for &p in positions {
        put(scratch, p - prev);
        prev = p;
    }
    put(out, gap);
    put(out, u32::try_from(positions.len()).unwrap_or(u32::MAX));
    put(out, u32::try_from(scratch.len()).unwrap_or(u32::MAX));
    out.extend_from_slice(scratch);
}

/// One decoded posting: the unit, the term's count in it, and where its positions are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The unit (document × 2, + 1 for its related-news tail).
    pub unit: u32,
    /// How many times the term occurs in the unit.
    pub count: u32,
    /// Byte range of the encoded positions in the segment.
    pub positions: (usize, usize),
}

/// Walks the postings of one segment.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    buf: &'a [u8],
    at: usize,
    unit: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor over `buf`, whose first gap counts from `base`.
    pub fn new(buf: &'a [u8], base: u32) -> Cursor<'a> {
        Cursor {
            buf,
            at: 0,
            unit: base,
        }
    }

    /// The encoded positions of a posting this cursor returned, decoded.
    pub fn positions(&self, p: &Posting, out: &mut Vec<u32>) {
        out.clear();
        let (mut at, end) = p.positions;
        let mut pos = 0;
        while at < end {
            pos += get(self.buf, &mut at);
            out.push(pos);
        }
    }
}

impl Iterator for Cursor<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.buf.len() {
            return None;
        }
        self.unit = self.unit.wrapping_add(get(self.buf, &mut self.at));
        let count = get(self.buf, &mut self.at);
        let len = get(self.buf, &mut self.at) as usize;
        let start = self.at;
        self.at = (self.at + len).min(self.buf.len());
        Some(Posting {
            unit: self.unit,
            count,
            positions: (start, self.at),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_postings() {
        let mut buf = Vec::new();
        let mut scratch = Vec::new();
        put_posting(&mut buf, 0, &[0, 5, 300], &mut scratch);
        put_posting(&mut buf, 7, &[1_000_000], &mut scratch);
        put_posting(&mut buf, 200, &[2, 3], &mut scratch);
        let mut c = Cursor::new(&buf, 10);
        let got: Vec<Posting> = c.clone().collect();
        assert_eq!(
            got.iter().map(|p| (p.unit, p.count)).collect::<Vec<_>>(),
            [(10, 3), (17, 1), (217, 2)]
        );
        let mut pos = Vec::new();
        let first = c.next().unwrap();
        c.positions(&first, &mut pos);
        assert_eq!(pos, [0, 5, 300]);
        c.positions(&got[1], &mut pos);
        assert_eq!(pos, [1_000_000]);
    }

    #[test]
    fn garbage_never_panics() {
        let junk = [0xff_u8, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80];
        let c = Cursor::new(&junk, 0);
        assert!(c.take(10).count() <= 10);
        let mut at = 0;
        get(&[], &mut at);
    }
}
