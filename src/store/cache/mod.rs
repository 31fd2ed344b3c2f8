//! The built model saved between runs, so that an unchanged corpus opens at once.
//!
//! One file per corpus in `$XDG_CACHE_HOME/dossier/` (never inside the corpus). It is
//! keyed by dossier's version, the embedded data (assets and seeds), the user's overrides
//! and every article file's path, size, modification and change times (what `git status`
//! trusts), and by what the folder walk left out. Any difference rebuilds the whole model:
//! cleaning reads a corpus-wide vocabulary, so one new file can change how another is
//! cleaned. A cache that cannot be read, from another version, truncated or damaged
//! (each segment of its snapshot carries an XXH3-128 checksum) is ignored with one note
//! and written anew. Cache files no corpus has used for a month are deleted.

use super::corpus_source::CorpusSource;
use super::paths;
use crate::model::corpus::{BuildOptions, Corpus};
use crate::model::load::Stopwatch;
use crate::model::snapshot;
use crate::model::source::{self, CorpusError};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use xxhash_rust::xxh3::xxh3_128;

/// The first word of every cache file.
const MAGIC: &str = "dossier-cache";
/// The layout of the file and of the snapshot in it; bump when either changes.
const FORMAT: u32 = 3;
/// The bytes of one line of the segment table: a length of 20 digits, a space, a
/// checksum of 32 hex digits and the newline.
const TABLE_LINE: usize = 20 + 1 + 32 + 1;
/// Files changed this recently are not trusted to be finished: a second edit within the
/// file system's timestamp granularity would go unseen, so no cache is written.
const SETTLING: Duration = Duration::from_secs(2);

/// Where the cache files live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache in `dir`.
    pub fn at(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// `$XDG_CACHE_HOME/dossier` (default `~/.cache/dossier`), when a home is known.
    pub fn default_dir() -> Option<PathBuf> {
        paths::default_cache_dir()
    }

    /// The cache's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Loads `source` through `cache` when there is one: an unchanged corpus comes back from
/// the cache, anything else is built and saved for next time.
pub fn load(
    source: &CorpusSource,
    options: BuildOptions<'_>,
    cache: Option<&Cache>,
) -> Result<Corpus, CorpusError> {
    let cache = cache.filter(|c| match source {
        CorpusSource::Folder(dir) => !paths::is_inside(&c.dir, dir),
        CorpusSource::Seeds => true,
    });
    let Some(cache) = cache else {
        return build(source, options);
    };
    let mut clock = Stopwatch::start(options.observer);
    let stamp = Stamp::of(source, options)?;
    clock.lap("cache key (file times and sizes)");
    let file = cache.dir.join(file_name(source));
    let mut note = None;
    let found = read(&file, &stamp.key);
    clock.lap("reading the cache");
    match found {
        Lookup::Hit(corpus) => {
            prune::mark_used(&file);
            return Ok(*corpus);
        }
        Lookup::Miss => {}
        Lookup::Damaged(why) => {
            note = Some(format!(
                "the cache {} was not used ({why}); it is rebuilt",
                file.display()
            ));
        }
    }
    let mut corpus = build(source, options)?;
    let mut clock = Stopwatch::start(options.observer);
    if stamp.settled
        && let Err(e) = write(&file, &stamp.key, &corpus)
    {
        let why = format!("the cache {} could not be written: {e}", file.display());
        note = Some(note.map_or(why.clone(), |n| format!("{n}; {why}")));
    }
    prune::prune(&cache.dir, &file, SystemTime::now());
    clock.lap("writing the cache");
    corpus.cache_note = note.map(String::into_boxed_str);
    Ok(corpus)
}

fn build(source: &CorpusSource, options: BuildOptions<'_>) -> Result<Corpus, CorpusError> {
    match source {
        CorpusSource::Seeds => Ok(Corpus::seeds_with(options)),
        CorpusSource::Folder(dir) => Corpus::load_dir_with(dir, options),
    }
}

/// What a cache file was found to hold.
enum Lookup {
    /// The model of this very corpus.
    Hit(Box<Corpus>),
    /// No cache, or one of the corpus as it was before a change.
    Miss,
    /// A file that is not a usable cache, and why.
    Damaged(String),
}

/// The cache file's name: one per corpus folder.
fn file_name(source: &CorpusSource) -> String {
    match source {
        CorpusSource::Seeds => "seeds.cache".into(),
        CorpusSource::Folder(dir) => {
            let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
            let digest = Sha256::digest(dir.as_os_str().as_encoded_bytes());
            format!("corpus-{}.cache", hex(&digest[..12]))
        }
    }
}

/// The line that says which dossier wrote a cache file.
fn header() -> String {
    format!(
        "{MAGIC} {FORMAT} {} {}",
        env!("CARGO_PKG_VERSION"),
        env!("DOSSIER_DATA_HASH")
    )
}

/// The key of a corpus as it is now, and whether its files have settled.
struct Stamp {
    key: String,
    settled: bool,
}

impl Stamp {
    fn of(source: &CorpusSource, options: BuildOptions<'_>) -> Result<Stamp, CorpusError> {
        let mut hash = Sha256::new();
        hash.update(header());
        if let Some(o) = options.overrides {
            hash.update(o.fingerprint());
        }
        // A rebuilt dossier may build another model from the same files. Its change time
        // is left out: a new hard link to the same binary changes it.
        if let Ok(exe) = std::env::current_exe() {
            let stat = FileStat::of(&exe);
            hash.update(
                FileStat {
                    changed_ns: 0,
                    ..stat
                }
                .bytes(),
            );
        }
        let mut settled = true;
        if let CorpusSource::Folder(dir) = source {
            let (files, problems) = source::article_paths(dir)?;
            let stats: Vec<FileStat> = files.par_iter().map(|(_, p)| FileStat::of(p)).collect();
            let now = SystemTime::now();
            for ((rel, _), stat) in files.iter().zip(&stats) {
                hash.update(rel.as_bytes());
                hash.update([0]);
                hash.update(stat.bytes());
                settled &= stat.settled(now);
            }
            for p in &problems {
                hash.update(format!("\0{}\0{}", p.path, p.reason));
            }
        }
        let key = hex(&hash.finalize());
        Ok(Stamp { key, settled })
    }
}

/// What the key records of one file.
struct FileStat {
    size: u64,
    modified: Option<SystemTime>,
    changed_ns: i128,
}

impl FileStat {
    fn of(path: &Path) -> FileStat {
        match fs::metadata(path) {
            Ok(m) => FileStat {
                size: m.len(),
                modified: m.modified().ok(),
                changed_ns: changed_ns(&m),
            },
            Err(_) => FileStat {
                size: u64::MAX,
                modified: None,
                changed_ns: 0,
            },
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let since = |t: SystemTime| t.duration_since(SystemTime::UNIX_EPOCH).ok();
        let modified = self.modified.and_then(since).map_or(0, |d| d.as_nanos());
        let mut out = Vec::with_capacity(40);
        out.extend(self.size.to_le_bytes());
        out.extend(modified.to_le_bytes());
        out.extend(self.changed_ns.to_le_bytes());
        out
    }

    fn settled(&self, now: SystemTime) -> bool {
        self.modified
            .is_some_and(|m| now.duration_since(m).is_ok_and(|age| age >= SETTLING))
    }
}

#[cfg(unix)]
fn changed_ns(m: &fs::Metadata) -> i128 {
    use std::os::unix::fs::MetadataExt;
    i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec())
}

#[cfg(not(unix))]
fn changed_ns(_: &fs::Metadata) -> i128 {
    0
}

/// Reads a cache file: the header line, `KEY COUNT`, one `LENGTH CHECKSUM` line per
/// snapshot segment, then the segments back to back (each read and parsed on a worker).
fn read(file: &Path, key: &str) -> Lookup {
    let opened = match fs::File::open(file) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lookup::Miss,
        Err(e) => return Lookup::Damaged(format!("unreadable: {e}")),
    };
    let table = match Table::read(opened, key) {
        Ok(Some(table)) => table,
        Ok(None) => return Lookup::Miss,
        Err(why) => return Lookup::Damaged(why),
    };
    let segment = |i: usize| table.segment(file, i);
    match snapshot::read(table.segments.len(), segment) {
        Ok(corpus) => Lookup::Hit(Box::new(corpus)),
        Err(why) => Lookup::Damaged(why),
    }
}

/// Where each snapshot segment sits in a cache file, and its checksum.
struct Table {
    /// `(offset, length, checksum)` per segment.
    segments: Vec<(u64, usize, u128)>,
}

impl Table {
    /// The table of a cache file of this `key`; `None` when the file is of another key.
    fn read(file: fs::File, key: &str) -> Result<Option<Table>, String> {
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
        let (saved_key, count) = second.split_once(' ').ok_or("its second line is damaged")?;
        if saved_key != key {
            return Ok(None);
        }
        let count: usize = count.parse().map_err(|_| "its second line is damaged")?;
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
        Ok(Some(Table { segments }))
    }

    /// The bytes of segment `i` of `file`, checked against their checksum.
    fn segment(&self, file: &Path, i: usize) -> Result<Vec<u8>, String> {
        let &(offset, len, sum) = self.segments.get(i).ok_or("truncated or damaged")?;
        let unreadable = |e: std::io::Error| format!("unreadable: {e}");
        let mut f = fs::File::open(file).map_err(unreadable)?;
        f.seek(SeekFrom::Start(offset)).map_err(unreadable)?;
        let mut bytes = vec![0; len];
        f.read_exact(&mut bytes).map_err(unreadable)?;
        if xxh3_128(&bytes) != sum {
            return Err("truncated or damaged".into());
        }
        Ok(bytes)
    }
}

/// Writes a cache file whole or not at all (a temporary file renamed into place).
fn write(file: &Path, key: &str, corpus: &Corpus) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let count = snapshot::segment_count(corpus);
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        writeln!(out, "{}", header())?;
        writeln!(out, "{key} {count}")?;
        // The table is written last, over room kept for it: its lengths are padded to a
        // fixed width, so the segments can go to the file as they are made.
        let table_at = out.stream_position()?;
        out.write_all(&vec![b'\n'; count * TABLE_LINE])?;
        let mut table = Vec::with_capacity(count);
        snapshot::write_each(corpus, |segment| {
            table.push((segment.len(), xxh3_128(&segment)));
            out.write_all(&segment)
        })?;
        if table.len() != count {
            return Err(std::io::Error::other(
                "the snapshot has another number of segments",
            ));
        }
        out.seek(SeekFrom::Start(table_at))?;
        for (len, sum) in table {
            writeln!(out, "{len:020} {sum:032x}")?;
        }
        out.flush()?;
    }
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

mod prune;
#[cfg(test)]
mod tests;
