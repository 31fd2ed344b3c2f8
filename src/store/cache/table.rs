//! The start of a cache file: which dossier wrote it, the corpus' key and where each
//! segment sits, with its checksum.

use super::header::{MAGIC, header};
use std::fs;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use xxhash_rust::xxh3::xxh3_128;

/// Where each segment sits in a cache file, and its checksum.
pub(super) struct Table {
    /// The key of the corpus the file holds.
    pub(super) key: String,
    /// `(offset, length, checksum)` per segment.
    segments: Vec<(u64, usize, u128)>,
    /// How many of the segments are the snapshot's (the first ones).
    pub(super) snapshot: usize,
    /// How many are the documents' bases (the rest).
    pub(super) bases: usize,
}

impl Table {
    /// The table of a cache file of this `base`; `None` when the file is of another.
    pub(super) fn read(file: fs::File, base: &str) -> Result<Option<Table>, String> {
        let size = file
            .metadata()
            .map_err(|e| format!("unreadable: {e}"))?
            .len();
        let mut lines = BufReader::new(file.take(1 << 24)).split(b'\n');
        let mut next = || -> Result<String, String> {
            match lines.next() {
                Some(Ok(line)) => Ok(String::from_utf8_lossy(&line).into_owned()),
                Some(Err(e)) => Err(format!("unreadable: {e}")),
                None => Err("truncated or damaged".into()),
            }
        };
        let first = next().map_err(|_| "not a dossier cache".to_owned())?;
        if !first.starts_with(MAGIC) {
            return Err("not a dossier cache".into());
        }
        if first != header() {
            return Err("written by another version of dossier or its data".into());
        }
        let second = next()?;
        let damaged = || "its second line is damaged".to_owned();
        let words: Vec<&str> = second.split(' ').collect();
        let [key, saved_base, snapshot, bases] = words[..] else {
            return Err(damaged());
        };
        if saved_base != base {
            return Ok(None);
        }
        let snapshot: usize = snapshot.parse().map_err(|_| damaged())?;
        let bases: usize = bases.parse().map_err(|_| damaged())?;
        let count = snapshot.checked_add(bases).ok_or_else(damaged)?;
        let mut offset = (first.len() + second.len() + 2) as u64;
        let mut lengths = Vec::with_capacity(count.min(1 << 16));
        for _ in 0..count {
            let line = next()?;
            offset += line.len() as u64 + 1;
            let (len, sum) = line.split_once(' ').ok_or("truncated or damaged")?;
            let len: usize = len.parse().map_err(|_| "truncated or damaged")?;
            let sum = u128::from_str_radix(sum, 16).map_err(|_| "truncated or damaged")?;
            lengths.push((len, sum));
        }
        let mut segments = Vec::with_capacity(lengths.len());
        for (len, sum) in lengths {
            segments.push((offset, len, sum));
            // Lengths that overflow cannot sum to the file's size: a damaged table.
            offset = offset
                .checked_add(len as u64)
                .ok_or("truncated or damaged")?;
        }
        if offset != size {
            return Err("truncated or damaged".into());
        }
        Ok(Some(Table {
            key: key.to_owned(),
            segments,
            snapshot,
            bases,
        }))
    }

    /// The bytes of segment `i` of `file`, checked against their checksum.
    pub(super) fn segment(&self, file: &Path, i: usize) -> Result<Vec<u8>, String> {
        let &(offset, len, sum) = self.segments.get(i).ok_or("truncated or damaged")?;
        let unreadable = |e: std::io::Error| format!("unreadable: {e}");
        let mut f = fs::File::open(file).map_err(unreadable)?;
        f.seek(SeekFrom::Start(offset)).map_err(unreadable)?;
        // Read into spare capacity: zeroing a buffer that is overwritten at once costs
        // a pass over every segment.
        let mut bytes = Vec::with_capacity(len);
        f.take(len as u64)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() != len {
            return Err("truncated or damaged".into());
        }
        if xxh3_128(&bytes) != sum {
            return Err("truncated or damaged".into());
        }
        Ok(bytes)
    }
}
