//! Dossier never writes inside a corpus folder (issue 14): a whole TUI session (open,
//! star, mark read, tag, a note through `$EDITOR`, reload, write Markdown, quit) and then
//! the command line on the state it left change no file, size or modification time
//! there. What the session did is kept in the XDG data folder and shown on reopening.

mod common;

use common::files::{listing, scratch_env, write_corpus};
use common::pty::{PATIENCE, Session, reader_title};
use std::path::Path;
use std::process::Command;

/// Made-up articles in a few outlets' styles, one in a subfolder.
const ARTICLES: &[(&str, &str)] = &[
    (
        "cadet-exchange.md",
        "# Cadet exchange brings forty students to the academy\n\nNHA TRANG — Forty naval cadets from a partner country began a two-week stay at the naval academy on June 2, attending classes in navigation and seamanship.\n\nAcademy officials said the programme would run again next spring.\n",
    ),
    (
        "field-hospital.txt",
        "Field hospital team returns from mission\n\nHanoi, 14 July 2025 — A level-two field hospital team came home on Monday after a year with a peacekeeping mission, the defence ministry reported.\n\nThe team treated more than three thousand patients during its tour.\n",
    ),
    (
        "2025/harbour-drill.txt",
        "Harbour rescue drill tests two navies\n\nQuy Nhon, April 8 (Coastal Daily) – Rescue crews from two navies practised towing a disabled cargo ship out of the harbour mouth on Tuesday, the port authority said.\n\nThe drill ended with a joint review of radio procedures.\n",
    ),
];

/// The note the fake editor appends.
const NOTE: &str = "Ask the desk about the second source.";

/// An editor that appends [`NOTE`] to the file it is given, as a user typing would.
fn fake_editor(home: &Path) -> String {
    let script = home.join("editor.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho '{NOTE}' >> \"$1\"\n")).expect("script");
    let status = Command::new("chmod")
        .arg("+x")
        .arg(&script)
        .status()
        .expect("chmod");
    assert!(status.success());
    script.to_str().expect("utf-8 path").to_owned()
}

/// Types `keys` and waits for the status line to say `said`.
fn step(s: &mut Session, keys: &str, said: &str) {
    s.send(keys);
    s.wait_for(said);
}

/// The TUI session; the cadet exchange is first in the list, the field hospital second.
fn tui_session(home: &Path, c: &str) {
    let editor = fake_editor(home);
    let env = [("EDITOR", editor.as_str())];
    let mut s = Session::start_env(&["--corpus", c, "--watch"], home, &env);
    s.wait_loaded("Documents 3 · 3 unread");
    step(&mut s, "\r", "3 · 2 unread");
    step(&mut s, "u", "marked unread");
    step(&mut s, "u", "marked read");
    step(&mut s, "*", "starred");
    step(&mut s, "t", "tag:");
    step(&mut s, "visits\r", "tagged #visits");
    step(&mut s, "a", "note saved");
    s.wait_for(NOTE);
    // Back to the list, the next document, read it.
    s.send("\x1b[Z");
    s.send("j");
    let hospital = s.wait_until(PATIENCE, |screen, _| {
        reader_title(screen) == "Field hospital team returns from mission"
    });
    assert!(hospital.is_some(), "j did not select it:\n{}", s.screen());
    step(&mut s, "\r", "3 · 1 unread");
    s.send("R");
    s.wait_loaded("3 documents (0 new, 0 gone)");
    step(&mut s, "w", "wrote ./field-hospital.md");
    s.quit();
}

/// Runs the command line inside `home` on the corpus; its stdout.
fn cli(home: &Path, args: &[&str], c: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .args(["--corpus", c])
        .current_dir(home)
        .envs(scratch_env(home))
        .env("NO_COLOR", "1")
        .output()
        .expect("dossier runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_tui_session_and_the_command_line_never_write_inside_the_corpus() {
    let home = tempfile::tempdir().expect("temp home");
    let home = home.path();
    let corpus = home.join("corpus");
    write_corpus(&corpus, ARTICLES);
    let before = listing(&corpus);
    let c = corpus.to_str().expect("utf-8 path");

    tui_session(home, c);
    let shown = cli(home, &["show", "cadet-exchange"], c);
    assert!(
        shown.contains(&format!(
            "\nYours: read, starred\nTags: visits\nNote:\n  {NOTE}\n"
        )),
        "{shown}"
    );
    assert!(cli(home, &["show", "field-hospital"], c).contains("\nYours: read\n"));
    let tagged = cli(home, &["list", "--tag", "visits"], c);
    assert_eq!(tagged.lines().count(), 2, "a header and one:\n{tagged}");
    for args in [
        &["list"][..],
        &["list", "--format", "json"],
        &["export"],
        &["entities"],
        &["events"],
        &["compare", "cadet-exchange", "field-hospital"],
        &["compare", "--suggest"],
    ] {
        cli(home, args, c);
    }

    // Reopened: the marks are back.
    let mut s = Session::start(&["--corpus", c], home);
    let screen = s.wait_loaded("Documents 3 · 1 unread");
    assert!(screen.contains("★Cadet exchange"), "{screen}");
    s.quit();

    assert_eq!(listing(&corpus), before, "the corpus folder changed");
    // Everything dossier wrote is in the scratch home's own places: the state in the
    // data folder, the Markdown in the working directory; the note's temporary file is gone.
    assert!(home.join("data/dossier/state.sqlite").is_file());
    assert!(home.join("field-hospital.md").is_file());
    let tmp: Vec<_> = std::fs::read_dir(home.join("tmp"))
        .expect("temporary folder")
        .collect();
    assert!(tmp.is_empty(), "left in the temporary folder: {tmp:?}");
}
