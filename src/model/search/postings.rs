//! The byte format of a posting list and a cursor over it.
//!
//! A term's postings in one chunk of documents are two streams of LEB128 varints. The
//! unit stream has, per unit that contains the term (units ascending): the unit's
//! distance from the previous one (from the chunk's first unit for the first), the
//! term's count in the unit, and the byte length of its positions. The position stream
//! has each unit's positions as ascending gaps. Ranking reads only the small unit
//! stream; phrase matching also decodes the positions it needs.

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

/// Encodes one posting: unit gap and count into `units`, the positions (ascending,
/// absolute in the unit) into `positions`.
pub fn put_posting(units: &mut Vec<u8>, positions: &mut Vec<u8>, gap: u32, at: &[u32]) {
    let before = positions.len();
    let mut prev = 0;
    for &p in at {
        put(positions, p - prev);
        prev = p;
    }
    put(units, gap);
    put(units, u32::try_from(at.len()).unwrap_or(u32::MAX));
    put(
        units,
        u32::try_from(positions.len() - before).unwrap_or(u32::MAX),
    );
}

/// One decoded posting: the unit, the term's count in it, and where its positions are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The unit (document × 2, + 1 for its related-news tail).
    pub unit: u32,
    /// How many times the term occurs in the unit.
    pub count: u32,
    /// Byte range of the encoded positions in the position stream.
    pub positions: (usize, usize),
}

/// Walks the postings of one segment.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    units: &'a [u8],
    positions: &'a [u8],
    at: usize,
    pos_at: usize,
    unit: u32,
}

impl<'a> Cursor<'a> {
    /// A cursor over a segment's two streams, whose first gap counts from `base`.
    pub fn new(units: &'a [u8], positions: &'a [u8], base: u32) -> Cursor<'a> {
        Cursor {
            units,
            positions,
            at: 0,
            pos_at: 0,
            unit: base,
        }
    }

    /// The positions of a posting this cursor returned, decoded into `out`.
    pub fn positions(&self, p: &Posting, out: &mut Vec<u32>) {
        out.clear();
        let (mut at, end) = p.positions;
        let mut pos = 0;
        while at < end {
            pos += get(self.positions, &mut at);
            out.push(pos);
        }
    }
}

impl Iterator for Cursor<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.units.len() {
            return None;
        }
        self.unit = self.unit.wrapping_add(get(self.units, &mut self.at));
        let count = get(self.units, &mut self.at);
        let len = get(self.units, &mut self.at) as usize;
        let start = self.pos_at;
        self.pos_at = (start + len).min(self.positions.len());
        Some(Posting {
            unit: self.unit,
            count,
            positions: (start, self.pos_at),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_postings() {
        let (mut units, mut pos) = (Vec::new(), Vec::new());
        put_posting(&mut units, &mut pos, 0, &[0, 5, 300]);
        put_posting(&mut units, &mut pos, 7, &[1_000_000]);
        put_posting(&mut units, &mut pos, 200, &[2, 3]);
        let mut c = Cursor::new(&units, &pos, 10);
        let got: Vec<Posting> = c.clone().collect();
        assert_eq!(
            got.iter().map(|p| (p.unit, p.count)).collect::<Vec<_>>(),
            [(10, 3), (17, 1), (217, 2)]
        );
        let mut out = Vec::new();
        let first = c.next().unwrap();
        c.positions(&first, &mut out);
        assert_eq!(out, [0, 5, 300]);
        c.positions(&got[1], &mut out);
        assert_eq!(out, [1_000_000]);
        c.positions(&got[2], &mut out);
        assert_eq!(out, [2, 3]);
    }

    #[test]
    fn garbage_never_panics() {
        let junk = [0xff_u8, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80];
        let c = Cursor::new(&junk, &junk, 0);
        assert!(c.take(10).count() <= 10);
        let mut at = 0;
        get(&[], &mut at);
    }
}
