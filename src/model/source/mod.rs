//! Reading corpus files: the embedded seeds or a folder of `.txt`/`.md` files.
//! Broken files are reported and skipped; the rest loads. Nothing is ever written.

mod decode;
mod problem;
mod stamp;
mod walk;

pub use decode::{MAX_LINE_BYTES, decode, decode_owned};
pub use problem::Problem;
pub use stamp::FileStamp;
pub use walk::{MAX_DEPTH, MAX_FILE_BYTES, is_article_name};

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// A corpus file read into memory and decoded.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// The file stem, made unique within the corpus.
    pub id: String,
    /// The path relative to the corpus root.
    pub path: String,
    /// The decoded text.
    pub text: String,
    /// Non-fatal problems (e.g. lossy decoding).
    pub warnings: Vec<String>,
    /// What the file looked like when read (none for the embedded seeds).
    pub stamp: Option<FileStamp>,
}

/// A file of a folder walk: read, or kept from an earlier build without reading it.
#[derive(Debug, Clone)]
pub enum Entry {
    /// Read and decoded now.
    Read(RawFile),
    /// Not read: the caller has this file's document from an earlier build.
    Kept {
        /// The file stem, made unique within the corpus (as [`RawFile::id`]).
        id: String,
        /// The path relative to the corpus root.
        path: String,
    },
}

/// Why a corpus folder could not be used at all (callers branch on these).
#[derive(Debug)]
pub enum CorpusError {
    /// The folder does not exist or cannot be read.
    Unreadable(PathBuf, std::io::Error),
    /// The path is a file, not a folder.
    NotADirectory(PathBuf),
    /// The folder holds no `.txt` or `.md` file.
    NoArticles(PathBuf),
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Unreadable(p, e) => {
                write!(f, "cannot read corpus folder {}: {e}", p.display())
            }
            CorpusError::NotADirectory(p) => write!(f, "{} is not a folder", p.display()),
            CorpusError::NoArticles(p) => write!(f, "no .txt or .md files under {}", p.display()),
        }
    }
}

impl std::error::Error for CorpusError {}

/// The embedded seed corpus.
pub fn seeds() -> (Vec<RawFile>, Vec<Problem>) {
    let (entries, problems) = decode_all(
        embedded::SEEDS
            .iter()
            .map(|(name, bytes)| Read {
                path: format!("seeds/{name}"),
                decoded: Decoded::Read(decode(bytes).map(|(t, w)| (t, w, None))),
                note: None,
            })
            .collect(),
    );
    (only_read(entries), problems)
}

/// Every `.txt` and `.md` file under `dir` (recursively, hidden entries skipped; see
/// `walk::find` for what else is left out and reported).
pub fn read_dir(dir: &Path) -> Result<(Vec<RawFile>, Vec<Problem>), CorpusError> {
    read_dir_observed(dir, &super::load::Quiet)
}

/// [`read_dir`], telling `observer` how many files have been read.
pub fn read_dir_observed(
    dir: &Path,
    observer: &dyn super::load::Observer,
) -> Result<(Vec<RawFile>, Vec<Problem>), CorpusError> {
    let (entries, problems) = read_dir_keeping(dir, observer, &|_| None)?;
    Ok((only_read(entries), problems))
}

/// The files of `entries` that were read (all of them when nothing was kept).
fn only_read(entries: Vec<Entry>) -> Vec<RawFile> {
    entries
        .into_iter()
        .filter_map(|e| match e {
            Entry::Read(f) => Some(f),
            Entry::Kept { .. } => None,
        })
        .collect()
}

/// [`read_dir_observed`], except that a file `keep` knows is not read: `keep(path)`
/// gives the warnings its earlier reading had (they are reported again) when the caller
/// still has its document, and the file becomes an [`Entry::Kept`].
pub fn read_dir_keeping(
    dir: &Path,
    observer: &dyn super::load::Observer,
    keep: &(dyn Fn(&str) -> Option<Vec<String>> + Sync),
) -> Result<(Vec<Entry>, Vec<Problem>), CorpusError> {
    let (paths, mut problems) = found_paths(dir)?;
    let ticker = super::load::Ticker::new(paths.len(), observer, super::load::reading);
    use rayon::prelude::*;
    let read: Vec<Read> = paths
        .into_par_iter()
        .map(|f| {
            let decoded = match keep(&f.rel) {
                Some(warnings) => Decoded::Kept(warnings),
                None => Decoded::Read(read_file(&f.full).map(|(text, w, s)| (text, w, Some(s)))),
            };
            let read = Read {
                decoded,
                path: f.rel,
                note: f.odd_name,
            };
            ticker.tick();
            read
        })
        .collect();
    let (entries, more) = decode_all(read);
    problems.extend(more);
    // The folder walk meets entries in the file system's order.
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((entries, problems))
}

/// The text of the file at `path` relative to `dir`, its warnings and its stamp, or why
/// it cannot be read (for a kept file that must be built again after all).
pub fn read_again(dir: &Path, path: &str) -> Result<(String, Vec<String>, FileStamp), String> {
    read_file(&dir.join(path))
}

/// The text of the file at `full` (a path as the walk found it), its warnings and stamp,
/// or why it cannot be read.
pub fn read_file(full: &Path) -> Result<(String, Vec<String>, FileStamp), String> {
    let (bytes, stamp) = walk::read_capped(full)?;
    let (text, warnings) = decode_owned(bytes)?;
    Ok((text, warnings, stamp))
}

/// Article files as (path relative to the corpus root, full path).
pub type ArticlePaths = Vec<(String, PathBuf)>;

/// The article files under `dir`, sorted, and the entries left out; no file is opened.
pub fn article_paths(dir: &Path) -> Result<(ArticlePaths, Vec<Problem>), CorpusError> {
    let (found, problems) = found_paths(dir)?;
    Ok((
        found.into_iter().map(|f| (f.rel, f.full)).collect(),
        problems,
    ))
}

/// The article files under `dir`, sorted, with what the walk noticed about each.
fn found_paths(dir: &Path) -> Result<(Vec<walk::Found>, Vec<Problem>), CorpusError> {
    let meta = fs::metadata(dir).map_err(|e| CorpusError::Unreadable(dir.to_path_buf(), e))?;
    if !meta.is_dir() {
        return Err(CorpusError::NotADirectory(dir.to_path_buf()));
    }
    let mut problems = Vec::new();
    let mut paths = walk::find(dir, &mut problems)
        .map_err(|e| CorpusError::Unreadable(dir.to_path_buf(), e))?;
    if paths.is_empty() && problems.is_empty() {
        return Err(CorpusError::NoArticles(dir.to_path_buf()));
    }
    paths.sort();
    Ok((paths, problems))
}

/// A file as read and decoded (on the worker that read it), or why it could not be.
struct Read {
    path: String,
    decoded: Decoded,
    /// A problem to report if the file loads (an odd file name).
    note: Option<&'static str>,
}

/// What became of one file of the walk.
enum Decoded {
    /// Its text, warnings and stamp, or why it could not be read.
    Read(Result<(String, Vec<String>, Option<FileStamp>), String>),
    /// Kept from an earlier build, with the warnings its reading had then.
    Kept(Vec<String>),
}

fn decode_all(read: Vec<Read>) -> (Vec<Entry>, Vec<Problem>) {
    let mut entries: Vec<Entry> = Vec::with_capacity(read.len());
    let mut problems = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for Read {
        path,
        decoded,
        note,
    } in read
    {
        let (text, warnings, stamp) = match decoded {
            Decoded::Read(Err(reason)) => {
                problems.push(Problem::skipped(path, reason));
                continue;
            }
            Decoded::Read(Ok((text, warnings, stamp))) => (Some(text), warnings, stamp),
            Decoded::Kept(warnings) => (None, warnings, None),
        };
        if let Some(note) = note {
            problems.push(Problem::loaded(path.clone(), note.into()));
        }
        for w in &warnings {
            problems.push(Problem::loaded(path.clone(), w.clone()));
        }
        let id = unique_id(&path, &mut seen);
        entries.push(match text {
            Some(text) => Entry::Read(RawFile {
                id,
                path,
                text,
                warnings,
                stamp,
            }),
            None => Entry::Kept { id, path },
        });
    }
    (entries, problems)
}

/// The file stem, or the relative path without extension when two stems clash.
fn unique_id(path: &str, seen: &mut rustc_hash::FxHashSet<String>) -> String {
    let p = Path::new(path);
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut id = stem.clone();
    if seen.contains(&id) {
        id = p.with_extension("").to_string_lossy().replace('\\', "/");
        let mut n = 2;
        while seen.contains(&id) {
            id = format!("{stem}~{n}");
            n += 1;
        }
    }
    seen.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_unique() {
        let mut seen = Default::default();
        assert_eq!(unique_id("a/x.txt", &mut seen), "x");
        assert_eq!(unique_id("b/x.md", &mut seen), "b/x");
        assert_eq!(unique_id("b/x.txt", &mut seen), "x~2");
    }

    #[test]
    fn embeds_the_seeds() {
        let (files, problems) = seeds();
        assert!(files.len() >= 5, "seeds/ holds the five articles");
        assert!(problems.is_empty());
        assert!(files.iter().all(|f| !f.id.contains('/')));
    }
}
