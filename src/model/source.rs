//! Reading corpus files: the embedded seeds or a folder of `.txt`/`.md` files.
//! Broken files are reported and skipped; the rest loads. Nothing is ever written.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Files larger than this are skipped: no article of the beat comes close.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// A line longer than this is not prose (minified data, a dump): the file is skipped.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// How deep `--corpus` folders are searched.
const MAX_DEPTH: usize = 16;

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
}

/// A file that was skipped or needed repair, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The path relative to the corpus root.
    pub path: String,
    /// What was wrong.
    pub reason: String,
    /// True when the file was left out of the corpus.
    pub skipped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.skipped { "skipped" } else { "loaded" };
        write!(f, "{}: {} ({what})", self.path, self.reason)
    }
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
    decode_all(
        embedded::SEEDS
            .iter()
            .map(|(name, bytes)| (format!("seeds/{name}"), Ok(bytes.to_vec())))
            .collect(),
    )
}

/// Every `.txt` and `.md` file under `dir` (recursively, hidden entries skipped).
pub fn read_dir(dir: &Path) -> Result<(Vec<RawFile>, Vec<Problem>), CorpusError> {
    read_dir_observed(dir, &super::load::Quiet)
}

/// [`read_dir`], telling `observer` how many files have been read.
pub fn read_dir_observed(
    dir: &Path,
    observer: &dyn super::load::Observer,
) -> Result<(Vec<RawFile>, Vec<Problem>), CorpusError> {
    let (paths, mut problems) = article_paths(dir)?;
    let ticker = super::load::Ticker::new(paths.len(), observer, super::load::reading);
    use rayon::prelude::*;
    let read: Vec<(String, std::io::Result<Vec<u8>>)> = paths
        .into_par_iter()
        .map(|(rel, full)| {
            let bytes = fs::metadata(&full).and_then(|m| {
                if m.len() > MAX_FILE_BYTES {
                    Err(std::io::Error::other(format!(
                        "too large ({} MB; the limit is {} MB)",
                        m.len() / (1024 * 1024),
                        MAX_FILE_BYTES / (1024 * 1024)
                    )))
                } else {
                    fs::read(&full)
                }
            });
            ticker.tick();
            (rel, bytes)
        })
        .collect();
    let (files, mut more) = decode_all(read);
    problems.append(&mut more);
    Ok((files, problems))
}

/// Article files as (path relative to the corpus root, full path).
pub type ArticlePaths = Vec<(String, PathBuf)>;

/// The article files under `dir`, sorted, and the entries that could not be read; no file
/// is opened.
pub fn article_paths(dir: &Path) -> Result<(ArticlePaths, Vec<Problem>), CorpusError> {
    let meta = fs::metadata(dir).map_err(|e| CorpusError::Unreadable(dir.to_path_buf(), e))?;
    if !meta.is_dir() {
        return Err(CorpusError::NotADirectory(dir.to_path_buf()));
    }
    let mut paths = Vec::new();
    let mut problems = Vec::new();
    walk(dir, dir, 0, &mut paths, &mut problems)
        .map_err(|e| CorpusError::Unreadable(dir.to_path_buf(), e))?;
    if paths.is_empty() {
        return Err(CorpusError::NoArticles(dir.to_path_buf()));
    }
    paths.sort();
    Ok((paths, problems))
}

fn walk(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut Vec<(String, PathBuf)>,
    problems: &mut Vec<Problem>,
) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        // Symlinked folders are not followed: they can loop.
        let ft = match entry.file_type() {
            Ok(ft) => ft,
            Err(e) => {
                problems.push(Problem {
                    path: rel,
                    reason: e.to_string(),
                    skipped: true,
                });
                continue;
            }
        };
        if ft.is_dir() {
            if depth < MAX_DEPTH
                && let Err(e) = walk(root, &path, depth + 1, out, problems)
            {
                problems.push(Problem {
                    path: rel,
                    reason: format!("cannot read folder: {e}"),
                    skipped: true,
                });
            }
        } else if name.ends_with(".txt") || name.ends_with(".md") {
            out.push((rel, path));
        }
    }
    Ok(())
}

fn decode_all(read: Vec<(String, std::io::Result<Vec<u8>>)>) -> (Vec<RawFile>, Vec<Problem>) {
    let mut files: Vec<RawFile> = Vec::with_capacity(read.len());
    let mut problems = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for (path, bytes) in read {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                problems.push(Problem {
                    path,
                    reason: e.to_string(),
                    skipped: true,
                });
                continue;
            }
        };
        match decode(&bytes) {
            Err(reason) => problems.push(Problem {
                path,
                reason,
                skipped: true,
            }),
            Ok((text, warnings)) => {
                for w in &warnings {
                    problems.push(Problem {
                        path: path.clone(),
                        reason: w.clone(),
                        skipped: false,
                    });
                }
                let id = unique_id(&path, &mut seen);
                files.push(RawFile {
                    id,
                    path,
                    text,
                    warnings,
                });
            }
        }
    }
    (files, problems)
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

/// Decodes a file's bytes, or says why it is not an article.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    if nul > 0 {
        return Err(format!("binary data ({nul} NUL bytes), not text"));
    }
    if let Some(len) = bytes
        .split(|&b| b == b'\n')
        .map(<[u8]>::len)
        .find(|&l| l > MAX_LINE_BYTES)
    {
        return Err(format!(
            "a single line of {} KB: not an article (limit {} KB)",
            len / 1024,
            MAX_LINE_BYTES / 1024
        ));
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let bad = s.matches('\u{fffd}').count();
            warnings.push(format!(
                "not valid UTF-8; decoded lossily ({bad} bad sequences replaced)"
            ));
            s
        }
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    // A few stray control characters are sanitised later; many mean it is not text.
    if controls >= 16 && controls * 20 > text.chars().count() {
        return Err(format!(
            "binary data ({controls} control characters), not text"
        ));
    }
    Ok((text, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_bad_bytes() {
        assert_eq!(decode(b"  \n\n").unwrap_err(), "empty file");
        assert!(decode(b"abc\0def").unwrap_err().contains("binary"));
        let (text, w) = decode(b"Vi\xe1t Nam").unwrap();
        assert!(text.contains('\u{fffd}') && w[0].contains("lossily"));
        assert!(decode(&[1u8; 100]).unwrap_err().contains("binary"));
        assert!(
            decode(b"a \x1b[2J b").is_ok(),
            "a few escapes are sanitised, not fatal"
        );
        let long = vec![b'a'; MAX_LINE_BYTES + 1];
        assert!(decode(&long).unwrap_err().contains("single line"));
        assert_eq!(decode("\u{feff}Hà Nội".as_bytes()).unwrap().0, "Hà Nội");
    }

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
