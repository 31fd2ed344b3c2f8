//! Finding a corpus folder's article files and reading them safely: only regular files
//! are opened, never more than the size limit is read, and everything left out is
//! reported with the reason.

use super::decode::{byte_count, megabytes};
use super::problem::Problem;
use super::stamp::FileStamp;
use crate::model::text::is_unsafe;
use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Files larger than this are skipped: no article of the beat comes close.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// How deep `--corpus` folders are searched: files 16 folders down are read, deeper
/// folders are reported and left out.
pub const MAX_DEPTH: usize = 16;

/// An article file to read.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// The path relative to the corpus root (lossily decoded).
    pub rel: String,
    /// The full path, as the file system spells it.
    pub full: PathBuf,
    /// Why its name will look different in dossier's output, if it will.
    pub odd_name: Option<&'static str>,
}

/// The `.txt` and `.md` files under `root` (hidden entries skipped). Symbolic links to
/// files are followed; symbolic links to folders are not (they can loop), and neither
/// are folders deeper than [`MAX_DEPTH`]: both are reported in `problems`, as are
/// article-named entries that are not regular files (FIFOs, devices, sockets).
pub fn find(root: &Path, problems: &mut Vec<Problem>) -> io::Result<Vec<Found>> {
    let mut out = Vec::new();
    walk(root, "", 0, &mut out, problems)?;
    Ok(out)
}

/// Walks `dir`, whose path relative to the corpus root is `rel_dir` ("" for the root).
fn walk(
    dir: &Path,
    rel_dir: &str,
    depth: usize,
    out: &mut Vec<Found>,
    problems: &mut Vec<Problem>,
) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        if name_text.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Built from the names walked, not by cutting the root off each path: a large
        // folder's walk is part of every start, warm ones included.
        let rel = if rel_dir.is_empty() {
            name_text.clone().into_owned()
        } else {
            format!("{rel_dir}/{name_text}")
        };
        let article = is_article_name(&name_text);
        let mut skip = |reason: String| problems.push(Problem::skipped(rel.clone(), reason));
        let (kind, linked) = match entry.file_type() {
            Err(e) => {
                skip(e.to_string());
                continue;
            }
            Ok(ft) if ft.is_symlink() => match fs::metadata(&path) {
                Ok(target) => (target.file_type(), true),
                Err(e) if article => {
                    skip(format!("a broken symbolic link ({e})"));
                    continue;
                }
                Err(_) => continue,
            },
            Ok(ft) => (ft, false),
        };
        if kind.is_dir() {
            if linked {
                skip("a symbolic link to a folder (not followed)".into());
            } else if depth >= MAX_DEPTH {
                skip(format!(
                    "a folder nested more than {MAX_DEPTH} levels deep (not searched)"
                ));
            } else if let Err(e) = walk(&path, &rel, depth + 1, out, problems) {
                problems.push(Problem::skipped(rel, format!("cannot read folder: {e}")));
            }
        } else if article && kind.is_file() {
            out.push(Found {
                rel,
                full: path,
                odd_name: odd_name(&name),
            });
        } else if article {
            let link = if linked { "a symbolic link to " } else { "" };
            skip(format!(
                "not a regular file ({link}{}): never opened",
                describe(kind)
            ));
        }
    }
    Ok(())
}

/// Whether a file name or path names an article: it ends in `.txt` or `.md`, in any
/// case (`A.TXT` too, as the embedded seeds are chosen in build.rs).
pub fn is_article_name(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Why a file name will look different in dossier's output, if it will.
fn odd_name(name: &std::ffi::OsStr) -> Option<&'static str> {
    match name.to_str() {
        None => Some("the file name is not valid UTF-8 (its id shows U+FFFD for the bad bytes)"),
        Some(n) if n.chars().any(is_unsafe) => {
            Some("the file name holds control or format characters, shown as spaces")
        }
        Some(_) => None,
    }
}

/// "a FIFO", "a character device", ...
fn describe(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// Reads a regular file, at most [`MAX_FILE_BYTES`] of it, or says why not. The file
/// is opened without blocking and its type checked on the open handle, so a FIFO or
/// device swapped in after the folder walk is still never read. The file's stamp is
/// taken from the open handle before reading, so a later edit gives another stamp.
pub fn read_capped(path: &Path) -> Result<(Vec<u8>, FileStamp), String> {
    let file = open_read_only(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!(
            "not a regular file ({})",
            describe(meta.file_type())
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(&byte_count(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // It grew while being read.
        return Err(too_large(&format!(
            "more than {}",
            byte_count(MAX_FILE_BYTES)
        )));
    }
    Ok((bytes, FileStamp::of_metadata(&meta)))
}

fn too_large(size: &str) -> String {
    format!(
        "too large: {size} (over the {} limit)",
        megabytes(MAX_FILE_BYTES)
    )
}

fn open_read_only(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading would otherwise wait for a writer; a terminal
        // must not become the controlling one.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

#[cfg(unix)]
#[cfg(test)]
mod tests {
    use super::*;

    /// The relative paths `find` returns, sorted.
    fn found_names(root: &Path, problems: &mut Vec<Problem>) -> Vec<String> {
        let mut found: Vec<String> = find(root, problems)
            .expect("the test folder is readable")
            .into_iter()
            .map(|f| f.rel)
            .collect();
        found.sort();
        found
    }

    fn reasons(problems: &[Problem]) -> Vec<(String, String)> {
        let mut v: Vec<_> = problems
            .iter()
            .map(|p| (p.path.clone(), p.reason.clone()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn skips_what_is_not_a_regular_file_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.txt"), "Article text.").unwrap();
        fs::create_dir(d.join("real")).unwrap();
        fs::write(d.join("real/b.md"), "More text.").unwrap();
        std::os::unix::fs::symlink(d.join("real"), d.join("linked")).unwrap();
        std::os::unix::fs::symlink("/dev/null", d.join("null.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("gone"), d.join("dangling.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("a.txt"), d.join("alias.txt")).unwrap();
        let mut problems = Vec::new();
        let found = found_names(d, &mut problems);
        assert_eq!(found, ["a.txt", "alias.txt", "real/b.md"]);
        let got = reasons(&problems);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].0 == "dangling.txt" && got[0].1.starts_with("a broken symbolic link"));
        assert_eq!(
            got[1],
            (
                "linked".into(),
                "a symbolic link to a folder (not followed)".into()
            )
        );
        assert_eq!(
            got[2],
            (
                "null.txt".into(),
                "not a regular file (a symbolic link to a character device): never opened".into()
            )
        );
        assert!(problems.iter().all(|p| p.skipped));
    }

    #[test]
    fn article_extensions_match_in_any_case() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["A.TXT", "b.Md", "c.txt.bak", "d.mdx", "txt", "e.markdown"] {
            fs::write(d.join(name), "Article text.").unwrap();
        }
        let mut problems = Vec::new();
        let found = found_names(d, &mut problems);
        assert_eq!(found, ["A.TXT", "b.Md"]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn reads_sixteen_levels_and_reports_the_seventeenth() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = dir.path().to_path_buf();
        for level in 1..=17 {
            p.push(format!("l{level}"));
            fs::create_dir(&p).unwrap();
            fs::write(p.join(format!("at{level}.txt")), "Text.").unwrap();
        }
        let mut problems = Vec::new();
        let found = find(dir.path(), &mut problems).unwrap();
        assert_eq!(found.len(), 16, "{found:?}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].path.ends_with("l16/l17"), "{:?}", problems[0]);
        assert!(problems[0].reason.contains("more than 16 levels deep"));
    }

    #[test]
    fn never_reads_past_the_limit() {
        let reason = read_capped(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(reason, "not a regular file (a character device)");
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        let f = File::create(&big).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert_eq!(
            read_capped(&big).unwrap_err(),
            "too large: 16,777,217 bytes (over the 16 MB limit)"
        );
        f.set_len(MAX_FILE_BYTES).unwrap();
        assert_eq!(read_capped(&big).unwrap().0.len() as u64, MAX_FILE_BYTES);
    }

    #[test]
    fn a_fifo_is_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo (coreutils) runs");
        let mut problems = Vec::new();
        assert!(find(dir.path(), &mut problems).unwrap().is_empty());
        assert_eq!(
            problems[0].reason,
            "not a regular file (a FIFO): never opened"
        );
        // Even asked directly, reading does not wait for a writer.
        assert_eq!(
            read_capped(&fifo).unwrap_err(),
            "not a regular file (a FIFO)"
        );
    }
}
