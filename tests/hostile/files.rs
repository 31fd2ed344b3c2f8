//! Entries that are not article files: a FIFO, symbolic links to /dev/zero, /dev/urandom
//! and /dev/tty, a socket, a symlinked folder (a loop), a folder 17 levels deep, files of
//! only whitespace or punctuation, an over-long line and an over-large file. Each is
//! reported in one line with its reason, nothing hangs, and the rest loads.

use super::{article, assert_clean, run, write};
use std::os::unix::fs::symlink;
use std::path::Path;

/// Every warning line on stderr that names `needle`.
fn lines_about<'a>(err: &'a str, needle: &str) -> Vec<&'a str> {
    err.lines().filter(|l| l.contains(needle)).collect()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo").arg(path).status();
    assert!(ok.is_ok_and(|s| s.success()), "mkfifo (coreutils) runs");
}

#[test]
fn non_regular_files_and_deep_or_linked_folders_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", article(0));
    write(d, "sub/also.md", article(1));
    mkfifo(&d.join("fifo.txt"));
    symlink("/dev/zero", d.join("zero.txt")).unwrap();
    symlink("/dev/urandom", d.join("random.md")).unwrap();
    symlink("/dev/tty", d.join("tty.txt")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(d.join("socket.txt")).unwrap();
    symlink(d, d.join("sub/loop")).unwrap();
    symlink(d.join("good.txt"), d.join("alias.txt")).unwrap();
    let mut deep = d.to_path_buf();
    for level in 1..=17 {
        deep.push(format!("d{level}"));
    }
    write(&deep, "too_deep.txt", article(2));
    write(deep.parent().unwrap(), "deep_enough.txt", article(3));

    let r = run(["--corpus".as_ref(), d.as_os_str(), "list".as_ref()]);
    assert_eq!(r.code, Some(0), "{}", r.err());
    let err = r.err();
    for (name, reason) in [
        ("fifo.txt", "not a regular file (a FIFO)"),
        (
            "zero.txt",
            "not a regular file (a symbolic link to a character device)",
        ),
        (
            "random.md",
            "not a regular file (a symbolic link to a character device)",
        ),
        ("socket.txt", "not a regular file (a socket)"),
        ("sub/loop", "a symbolic link to a folder (not followed)"),
        (
            "d16/d17",
            "a folder nested more than 16 levels deep (not searched)",
        ),
    ] {
        let about = lines_about(&err, name);
        assert_eq!(about.len(), 1, "one warning for {name}:\n{err}");
        assert!(about[0].starts_with("dossier: warning: "), "{}", about[0]);
        assert!(about[0].contains(reason), "{name}: {}", about[0]);
        assert!(about[0].ends_with("(skipped)"), "{}", about[0]);
    }
    // /dev/tty may not exist where the tests run; if it does, it is never read.
    let tty = lines_about(&err, "tty.txt");
    assert_eq!(tty.len(), 1, "{err}");
    assert!(tty[0].contains("a broken symbolic link") || tty[0].contains("character device"));
    // The symbolic link to good.txt is a second copy of it, which is noted, not warned of.
    let warnings = err.lines().filter(|l| l.contains(": warning: ")).count();
    assert_eq!(warnings, 7, "nothing else is warned of:\n{err}");
    assert_eq!(lines_about(&err, "is an exact copy of").len(), 1, "{err}");
    assert_eq!(err.lines().count(), 8, "nothing else is reported:\n{err}");
    let out = r.out();
    assert_eq!(
        out.lines().count(),
        1 + 4,
        "good, alias, also, deep_enough:\n{out}"
    );
    assert!(out.contains("deep_enough"), "16 levels down is read");
    assert!(!out.contains("too_deep"), "17 levels down is not");
}

#[test]
fn text_that_is_not_an_article_is_reported_with_a_precise_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", article(0));
    write(
        d,
        "vertical.txt",
        "\x0b\x0c \n\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\n",
    );
    write(
        d,
        "spaces.txt",
        "\u{3000}\u{2003}\u{a0}\n\u{2029}".repeat(30),
    );
    write(d, "punct.txt", " …… — !! «» ?? ** -- \n".repeat(30));
    write(d, "furniture.txt", "Related news\n\nE-paper\n");
    let mut line = vec![b'w'; 1024 * 1024 + 5];
    line.push(b'\n');
    write(d, "line.txt", &line);
    let big = std::fs::File::create(d.join("big.txt")).unwrap();
    big.set_len(16 * 1024 * 1024 + 3).unwrap();

    let r = run(["--corpus".as_ref(), d.as_os_str(), "list".as_ref()]);
    assert_eq!(r.code, Some(0), "{}", r.err());
    let err = r.err();
    for (name, reason) in [
        ("vertical.txt", "empty (only whitespace)"),
        ("spaces.txt", "empty (only whitespace)"),
        (
            "punct.txt",
            "no letters or digits, only spaces, punctuation or symbols",
        ),
        (
            "line.txt",
            "a single line of 1,048,581 bytes (over the 1 MB limit)",
        ),
        (
            "big.txt",
            "too large: 16,777,219 bytes (over the 16 MB limit)",
        ),
    ] {
        let about = lines_about(&err, name);
        assert_eq!(about.len(), 1, "one warning for {name}:\n{err}");
        assert!(about[0].contains(reason), "{name}: {}", about[0]);
    }
    let furniture = lines_about(&err, "furniture.txt");
    assert_eq!(furniture.len(), 1, "{err}");
    assert!(
        furniture[0].ends_with("no article text left after cleaning (loaded)"),
        "{err}"
    );
    assert!(
        !err.contains("binary"),
        "whitespace is not binary data:\n{err}"
    );
    assert_eq!(
        r.out().lines().count(),
        3,
        "good.txt and furniture.txt load"
    );
}

#[test]
fn a_corpus_of_only_unreadable_entries_says_why_then_fails() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    mkfifo(&d.join("only.txt"));
    let r = run(["--corpus".as_ref(), d.as_os_str(), "list".as_ref()]);
    assert_eq!(r.code, Some(1));
    let err = r.err();
    assert!(
        err.contains("only.txt: not a regular file (a FIFO)"),
        "{err}"
    );
    assert!(
        err.contains("dossier: error: no readable articles"),
        "{err}"
    );
    assert_clean("stderr", &r.stderr);
}
