//! The built model saved between runs, so that an unchanged corpus opens at once.
//!
//! One file per corpus in `$XDG_CACHE_HOME/dossier/` (never inside the corpus). It is
//! keyed by dossier's version, the embedded data (assets and seeds) and the model's
//! code, the user's overrides and every article file's path, size, modification and change times (what `git status`
//! trusts), and by what the folder walk left out. When only files differ, the documents
//! of unchanged files are kept (with what they were built from, [`Basis`]) and
//! only new and changed files are read and cleaned; entities and events, being
//! corpus-wide, are built again (`reuse`). A cache that cannot be read, from another
//! version, truncated or damaged
//! (each segment of its snapshot carries an XXH3-128 checksum) is ignored with one note
//! and written anew. Cache files no corpus has used for a month are deleted.

use super::corpus_source::CorpusSource;
use super::paths;
use crate::model::corpus::{BuildOptions, Corpus};
use crate::model::load::Stopwatch;
use crate::model::rebuild::Basis;
use crate::model::snapshot::{self, Segments, basis};
use crate::model::source::{self, CorpusError, FileStamp};
use header::header;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use table::Table;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

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
    let file = cache.dir.join(file_name(source));
    let (base, hash) = Stamp::base(options);
    // The saved snapshot is read while the folder is walked and its files looked at:
    // which of its parts are wanted is known only from the key, but the walk leaves a
    // core idle, and the cache is nearly always of this corpus or an earlier state of it.
    let (stamp, saved) = rayon::join(
        || Stamp::of(source, base.clone(), hash),
        || Saved::read(&file, &base),
    );
    let stamp = stamp?;
    let found = saved.lookup(&file, &stamp);
    clock.lap("cache key (file times and sizes) and reading the cache");
    let mut note = None;
    let earlier = match found {
        Lookup::Hit(corpus) => {
            prune::mark_used(&file);
            return Ok(*corpus);
        }
        Lookup::Miss => None,
        Lookup::Earlier(old) => Some(old),
        Lookup::Damaged(why) => {
            note = Some(format!(
                "the cache {} was not used ({why}); it is rebuilt",
                file.display()
            ));
            None
        }
    };
    let mut corpus = match (earlier, source) {
        (Some(old), CorpusSource::Folder(dir)) => {
            let files = stamp
                .files
                .iter()
                .map(|(rel, s)| (rel.as_str(), *s))
                .collect();
            reuse::rebuild(dir, *old, &files, options)?
        }
        _ => build(source, options)?,
    };
    let mut clock = Stopwatch::start(options.observer);
    let bases = corpus.take_basis();
    if stamp.settled
        && let Err(e) = write(&file, &stamp, &corpus, &bases)
    {
        let why = format!("the cache {} could not be written: {e}", file.display());
        note = Some(note.map_or(why.clone(), |n| format!("{n}; {why}")));
    }
    drop(bases);
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
    /// No cache, or one of another build (other overrides or another dossier binary).
    Miss,
    /// The model of this corpus before some of its files changed.
    Earlier(Box<reuse::Earlier>),
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

/// The key of a corpus as it is now, and whether its files have settled.
struct Stamp {
    /// Everything the model is built from.
    key: String,
    /// What the model depends on besides the article files: dossier, its data and the
    /// user's overrides. A cache of the same base but another key is of the same
    /// corpus before some files changed.
    base: String,
    /// Each article file's stamp, by its path relative to the corpus root.
    files: Vec<(String, FileStamp)>,
    settled: bool,
}

impl Stamp {
    /// The base (see [`Stamp::base`]'s field) and the key's hash so far.
    fn base(options: BuildOptions<'_>) -> (String, Sha256) {
        let mut hash = Sha256::new();
        hash.update(header());
        if let Some(o) = options.overrides {
            hash.update(o.fingerprint());
        }
        // A rebuilt dossier may build another model from the same files. Its change time
        // is left out: a new hard link to the same binary changes it.
        if let Ok(exe) = std::env::current_exe() {
            let stamp = FileStamp::of(&exe);
            hash.update(
                FileStamp {
                    changed_ns: 0,
                    ..stamp
                }
                .bytes(),
            );
        }
        (hex(&hash.clone().finalize()), hash)
    }

    /// The stamp of `source`, whose `base` and key's hash so far [`Stamp::base`] made.
    fn of(source: &CorpusSource, base: String, mut hash: Sha256) -> Result<Stamp, CorpusError> {
        let mut settled = true;
        let mut files = Vec::new();
        if let CorpusSource::Folder(dir) = source {
            let (paths, problems) = source::article_paths(dir)?;
            files.reserve_exact(paths.len());
            let stamps: Vec<FileStamp> = paths.par_iter().map(|(_, p)| FileStamp::of(p)).collect();
            let now = SystemTime::now();
            // The files' part of the key goes through XXH3 first: SHA-256 over the paths
            // and stamps of 100,000 files is some 70 ms on one core.
            let mut each = Xxh3::new();
            for ((rel, _), stamp) in paths.into_iter().zip(stamps) {
                each.update(rel.as_bytes());
                each.update(&[0]);
                each.update(&stamp.bytes());
                settled &= stamp.older_than(SETTLING, now);
                files.push((rel, stamp));
            }
            hash.update(each.digest128().to_le_bytes());
            for p in &problems {
                hash.update(format!("\0{}\0{}", p.path, p.reason));
            }
        }
        let key = hex(&hash.finalize());
        Ok(Stamp {
            key,
            base,
            files,
            settled,
        })
    }
}

/// A cache file as read before its key is compared: its table and its snapshot's
/// segments, parsed on every core.
enum Saved {
    /// No cache file, or one of another base (see [`Stamp`]).
    Missing,
    /// A file that is not a usable cache, and why.
    Damaged(String),
    /// A cache file and its snapshot, or why the snapshot could not be parsed.
    Found(Box<Table>, Result<Segments, String>),
}

impl Saved {
    /// Reads a cache file: the header line, `KEY BASE COUNT BASES`, one `LENGTH CHECKSUM`
    /// line per segment (the snapshot's COUNT, then the documents' BASES), then the
    /// segments back to back (each read and parsed on a worker).
    fn read(file: &Path, base: &str) -> Saved {
        let opened = match fs::File::open(file) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Saved::Missing,
            Err(e) => return Saved::Damaged(format!("unreadable: {e}")),
        };
        let table = match Table::read(opened, base) {
            Ok(Some(table)) => table,
            Ok(None) => return Saved::Missing,
            Err(why) => return Saved::Damaged(why),
        };
        let parsed = snapshot::parse(table.snapshot, |i| table.segment(file, i));
        Saved::Found(Box::new(table), parsed)
    }

    /// What the file holds for the corpus of `stamp`.
    fn lookup(self, file: &Path, stamp: &Stamp) -> Lookup {
        let (table, parsed) = match self {
            Saved::Missing => return Lookup::Miss,
            Saved::Damaged(why) => return Lookup::Damaged(why),
            Saved::Found(table, parsed) => (table, parsed),
        };
        if table.key == stamp.key {
            return match parsed.and_then(Segments::corpus) {
                Ok(corpus) => Lookup::Hit(Box::new(corpus)),
                Err(why) => Lookup::Damaged(why),
            };
        }
        if table.bases == 0 {
            return Lookup::Miss;
        }
        let earlier = parsed.and_then(|segments| {
            let (docs, hashes) = segments.documents();
            let bases = basis::read(table.bases, |i| table.segment(file, table.snapshot + i))?;
            reuse::Earlier::new(docs, hashes, bases)
        });
        match earlier {
            Ok(earlier) => Lookup::Earlier(Box::new(earlier)),
            Err(why) => Lookup::Damaged(why),
        }
    }
}

/// Writes a cache file whole or not at all (a temporary file renamed into place): the
/// snapshot of `corpus`, then the documents' `bases` when there is one per document.
fn write(file: &Path, stamp: &Stamp, corpus: &Corpus, bases: &[Basis]) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let bases = if bases.len() == corpus.documents.len() {
        bases
    } else {
        &[]
    };
    let (count, based) = (snapshot::segment_count(corpus), basis::segment_count(bases));
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        writeln!(out, "{}", header())?;
        writeln!(out, "{} {} {count} {based}", stamp.key, stamp.base)?;
        // The table is written last, over room kept for it: its lengths are padded to a
        // fixed width, so the segments can go to the file as they are made.
        let table_at = out.stream_position()?;
        out.write_all(&vec![b'\n'; (count + based) * TABLE_LINE])?;
        let mut table = Vec::with_capacity(count + based);
        let mut sink = |segment: Vec<u8>| {
            table.push((segment.len(), xxh3_128(&segment)));
            out.write_all(&segment)
        };
        snapshot::write_each(corpus, &mut sink)?;
        basis::write_each(bases, &mut sink)?;
        if table.len() != count + based {
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

mod header;
mod prune;
mod reuse;
mod table;
#[cfg(test)]
mod tests;
