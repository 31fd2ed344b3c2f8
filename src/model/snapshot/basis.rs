//! The documents' bases ([`Basis`]) as segments of their own, after the snapshot's: a
//! cache reads them only to rebuild a changed corpus, never to open an unchanged one.

use super::input::{Damaged, Input};
use super::wire::{Wire, put_slice, record};
use crate::model::packed::PackedStrs;
use crate::model::rebuild::Basis;
use crate::model::source::FileStamp;
use rayon::prelude::*;

/// Bases per segment.
const PER_SEGMENT: usize = 256;
/// The first byte of a basis segment (the snapshot's own kinds are 0 to 2).
const BASIS: u8 = 3;

record!(FileStamp {
    size,
    modified_ns,
    changed_ns,
});

record!(Basis { file, words, asked });

/// Written as a list of (word, value) pairs, as the boxed words it replaced were.
impl<T: Wire + Copy> Wire for PackedStrs<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for (word, value) in self.iter() {
            word.len().put(out);
            out.extend_from_slice(word.as_bytes());
            value.put(out);
        }
    }
    fn take(input: &mut Input<'_>) -> Result<PackedStrs<T>, Damaged> {
        let n = input.length()?;
        let mut table = PackedStrs::new();
        for _ in 0..n {
            let word = input.str()?;
            table.push(word, T::take(input)?);
        }
        table.shrink_to_fit();
        Ok(table)
    }
}

/// How many segments [`write_each`] cuts `bases` into.
pub fn segment_count(bases: &[Basis]) -> usize {
    bases.len().div_ceil(PER_SEGMENT)
}

/// Gives the segments of `bases` to `sink` in order, a few rendered at a time on every core.
pub fn write_each<E>(
    bases: &[Basis],
    mut sink: impl FnMut(Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let runs: Vec<&[Basis]> = bases.chunks(PER_SEGMENT).collect();
    for batch in runs.chunks(super::SEGMENTS_AT_ONCE) {
        let rendered: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|run| {
                let mut out = vec![BASIS];
                put_slice(run, &mut out);
                out
            })
            .collect();
        for segment in rendered {
            sink(segment)?;
        }
    }
    Ok(())
}

/// Reads the bases written by [`write_each`] from their `count` segments (`segment(i)`
/// yields the bytes of segment `i`, on every core), or says why they cannot be used.
pub fn read<F>(count: usize, segment: F) -> Result<Vec<Basis>, String>
where
    F: Fn(usize) -> Result<Vec<u8>, String> + Sync,
{
    let runs: Vec<Vec<Basis>> = (0..count)
        .into_par_iter()
        .map(|i| parse(&segment(i)?).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    Ok(runs.into_iter().flatten().collect())
}

fn parse(bytes: &[u8]) -> Result<Vec<Basis>, Damaged> {
    let input = &mut Input::new(bytes);
    if input.byte()? != BASIS {
        return Err(Damaged("an unknown kind of segment"));
    }
    let bases: Vec<Basis> = Wire::take(input)?;
    if input.is_empty() {
        Ok(bases)
    } else {
        Err(Damaged("bytes after the end of a segment"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(n: usize) -> Vec<Basis> {
        (0..n)
            .map(|i| Basis {
                file: (i % 3 != 0).then_some(FileStamp {
                    size: i as u64 * 977,
                    modified_ns: 1_700_000_000_000_000_000 + i as u64,
                    changed_ns: u64::MAX - i as u64,
                }),
                words: [(format!("zz{i}").as_str(), i as u32 + 1)]
                    .into_iter()
                    .collect(),
                asked: [("navyforces", i % 2 == 0), ("qq", true)]
                    .into_iter()
                    .collect(),
            })
            .collect()
    }

    fn segments(bases: &[Basis]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let written: Result<(), std::convert::Infallible> = write_each(bases, |s| {
            out.push(s);
            Ok(())
        });
        let Ok(()) = written;
        out
    }

    #[test]
    fn a_word_table_is_written_as_a_list_of_pairs() {
        let pairs: Vec<(Box<str>, u32)> =
            vec![("zzyzx".into(), 3), ("".into(), 0), ("ạb".into(), 300)];
        let table: PackedStrs<u32> = pairs.iter().map(|(w, n)| (&**w, *n)).collect();
        let (mut as_pairs, mut as_table) = (Vec::new(), Vec::new());
        pairs.put(&mut as_pairs);
        table.put(&mut as_table);
        assert_eq!(as_table, as_pairs);
        let back: PackedStrs<u32> = Wire::take(&mut Input::new(&as_pairs)).unwrap();
        assert_eq!(back, table);
    }

    #[test]
    fn bases_come_back_across_segments() {
        for n in [0, 1, PER_SEGMENT, PER_SEGMENT + 1, 3 * PER_SEGMENT + 7] {
            let bases = sample(n);
            let segs = segments(&bases);
            assert_eq!(segs.len(), segment_count(&bases));
            let back = read(segs.len(), |i| Ok(segs[i].clone())).unwrap();
            assert_eq!(back, bases);
        }
    }

    #[test]
    fn damaged_segments_are_refused() {
        let segs = segments(&sample(40));
        let whole = &segs[0];
        for cut in (0..whole.len()).step_by(37) {
            assert!(parse(&whole[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = whole.clone();
        longer.push(0);
        assert!(parse(&longer).is_err());
        let mut other = whole.clone();
        other[0] = 1;
        assert!(parse(&other).is_err());
    }
}
