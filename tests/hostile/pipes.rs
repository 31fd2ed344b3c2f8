//! A closed stdout is a quiet exit 0 in every output format; a closed, full or broken
//! stderr never turns warnings or errors into a panic.

use super::{article, command, write};
use std::process::{Output, Stdio};

/// Every output format of every subcommand on the seeds.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["list", "--format", "json"],
    &["show", "000"],
    &["show", "000", "--format", "json"],
    &["export"],
    &["entities"],
    &["entities", "--format", "json"],
    &["events"],
    &["events", "--format", "json"],
    &["compare", "004", "000"],
    &["compare", "004", "000", "--format", "json"],
    &["compare", "004", "000", "--format", "markdown"],
    &["compare", "--suggest", "--format", "json"],
    &["--help"],
];

/// Runs with stdout a pipe whose reading end is already closed, as after `| head` quit.
fn into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    command(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_closed_stdout_ends_every_format_quietly_with_exit_0() {
    for args in COMMANDS {
        let o = into_closed_pipe(args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            o.stderr.is_empty(),
            "{args:?} complains: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn export_into_head_stops_quietly() {
    let mut child = command(["export"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(&first[..1], b"{");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A corpus with a broken file, so that loading prints a warning.
fn corpus_with_a_warning() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", article(0));
    write(dir.path(), "empty.txt", "");
    dir
}

#[test]
fn a_full_closed_or_broken_stderr_never_panics() {
    let dir = corpus_with_a_warning();
    let corpus = dir.path().to_str().unwrap();
    for (args, code) in [
        (vec!["--corpus", corpus, "list"], 0),
        (vec!["--corpus", corpus, "show", "nothing-like-it"], 1),
        (vec!["--corpus", corpus, "show"], 2),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = command(&args)
            .stdout(Stdio::null())
            .stderr(full)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(code),
            "{args:?} with stderr on /dev/full"
        );

        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let o = command(&args)
            .stdout(Stdio::null())
            .stderr(writer)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(code),
            "{args:?} with stderr a closed pipe"
        );

        let mut shell = std::process::Command::new("sh");
        shell
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 2>&-")
            .arg(env!("CARGO_BIN_EXE_dossier"))
            .args(&args)
            .stdout(Stdio::null());
        let o = shell.output().unwrap();
        assert_eq!(o.status.code(), Some(code), "{args:?} with stderr closed");
    }
}
