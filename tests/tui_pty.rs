//! End to end: runs the real binary in a pseudo-terminal, types keys and reads the screen;
//! checks the terminal is given back (alternate screen left, cursor shown, mouse
//! tracking off) after q, after each fatal signal, and around Ctrl-Z; that partial
//! escape sequences cannot freeze the input; that a user config rebinds keys and a
//! broken one is reported while the defaults still work.

mod common;

use common::pty::{PATIENCE, Session, reader_title};
use std::time::{Duration, Instant};

impl Session {
    /// The terminal was given back: alternate screen left, cursor shown, mouse off,
    /// each after the last time it was taken.
    fn assert_restored(&self) {
        let raw = String::from_utf8_lossy(&self.raw);
        let last = |s: &str| raw.rfind(s);
        assert!(
            last("\x1b[?1049l") > last("\x1b[?1049h"),
            "alternate screen left on"
        );
        assert!(last("\x1b[?25h") > last("\x1b[?25l"), "cursor left hidden");
        assert!(
            last("\x1b[?1000l") >= last("\x1b[?1000h"),
            "mouse tracking left on"
        );
        assert!(
            !self.parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!self.parser.screen().hide_cursor(), "cursor hidden");
    }
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp home")
}

#[test]
fn runs_in_a_terminal_and_restores_it() {
    let home = home();
    let mut s = Session::start(&[], home.path());
    let main = s.wait_for("Documents 5");
    assert!(
        main.contains("Reader") && main.contains("Entities"),
        "{main}"
    );
    s.send("?");
    s.wait_for("Keys");
    s.send("\x1b");
    s.send("/zzzzqq");
    s.wait_for("Documents 0 of 5");
    s.send("\x1b");
    s.wait_for("Documents 5");
    s.send("e");
    s.wait_for("Events");
    s.send("\x1b");
    s.send("c");
    s.wait_for("with…");
    s.send("\r");
    s.wait_for("Compare");
    s.send("\x1b");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn the_document_read_when_quitting_is_open_at_the_next_start() {
    let home = home();
    let mut s = Session::start(&[], home.path());
    let first = reader_title(&s.wait_loaded("Documents 5"));
    s.send("jj");
    let moved = s.wait_until(PATIENCE, |screen, _| {
        let title = reader_title(screen);
        !title.is_empty() && title != first
    });
    assert!(moved.is_some(), "j did not move:\n{}", s.screen());
    let third = reader_title(&s.screen());
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();

    let mut again = Session::start(&[], home.path());
    again.wait_loaded("Documents 5");
    let back = again.wait_until(PATIENCE, |screen, _| reader_title(screen) == third);
    assert!(back.is_some(), "not {third:?} again:\n{}", again.screen());
    again.send("q");
    assert!(again.wait_exit().success());
}

#[test]
fn each_fatal_signal_restores_the_terminal() {
    for (name, sig) in [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3)] {
        let home = home();
        let mut s = Session::start(&[], home.path());
        s.wait_for("Documents 5");
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), s.pid().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        let st = s.wait_exit();
        assert!(!st.success(), "SIG{name} ({sig}) ended with success");
        s.assert_restored();
    }
}

#[test]
fn partial_escape_sequences_cannot_freeze_the_input() {
    for partial in [&b"\x1b[?"[..], b"\x1b[<", b"\x1b[M"] {
        let home = home();
        let mut s = Session::start(&[], home.path());
        s.wait_for("Documents 5");
        s.send_bytes(partial);
        s.send("q");
        assert!(s.wait_exit().success(), "{partial:?} then q did not quit");
        s.assert_restored();
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let home = home();
    let mut s = Session::start(&[], home.path());
    s.wait_for("Documents 5");
    s.raw.clear();
    s.send("\x1a");
    // Stopped: the terminal is given back while it waits for the shell's fg.
    let deadline = Instant::now() + PATIENCE;
    while !String::from_utf8_lossy(&s.raw).contains("\x1b[?1049l") {
        assert!(
            Instant::now() < deadline,
            "Ctrl-Z did not give the terminal back"
        );
        s.pump(Duration::from_millis(50));
    }
    s.assert_restored();
    let cont = std::process::Command::new("kill")
        .args(["-CONT", &s.pid().to_string()])
        .status()
        .expect("kill -CONT");
    assert!(cont.success());
    s.raw.clear();
    s.wait_for("Documents 5");
    assert!(
        String::from_utf8_lossy(&s.raw).contains("\x1b[?1049h"),
        "screen taken again"
    );
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_user_config_rebinds_keys_in_the_running_program() {
    let home = home();
    let dir = home.path().join("config").join("dossier");
    std::fs::create_dir_all(&dir).expect("config dir");
    std::fs::write(dir.join("config.toml"), "[keys.main]\nevents = \"t\"\n").expect("config");
    let mut s = Session::start(&[], home.path());
    // The hint line is the last row drawn.
    s.wait_for("t events timeline");
    s.send("e");
    s.send("?");
    let help = s.wait_for("Keys");
    assert!(!help.contains("Events "), "e no longer opens the events");
    assert!(
        help.lines()
            .any(|l| l.contains(" t ") && l.contains("events timeline")),
        "{help}"
    );
    s.send("\x1b");
    s.send("t");
    s.wait_for("Events");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_broken_config_is_reported_with_its_line_and_the_defaults_work() {
    let home = home();
    let file = home.path().join("broken.toml");
    std::fs::write(&file, "theme = \"dark\"\n[keys.main]\nevents = \"t\n").expect("config");
    let arg = file.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--config", arg], home.path());
    s.wait_for("config: 1 problem");
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(
        raw.contains(&format!("{arg}:3:")),
        "no file:line on stderr:\n{raw}"
    );
    s.send("e");
    s.wait_for("Events");
    s.send("q");
    assert!(s.wait_exit().success());
}
