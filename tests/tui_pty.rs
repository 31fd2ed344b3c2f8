//! End to end: runs the real binary in a pseudo-terminal, types keys and reads the screen;
//! checks the terminal is given back (alternate screen left, cursor shown, mouse
//! tracking off) after q, after each fatal signal, and around Ctrl-Z; that partial
//! escape sequences cannot freeze the input; that a user config rebinds keys and a
//! broken one is reported while the defaults still work.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Session {
    parser: vt100::Parser,
    raw: Vec<u8>,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

const ROWS: NonZeroU16 = NonZeroU16::new(30).expect("non-zero");
const COLS: NonZeroU16 = NonZeroU16::new(110).expect("non-zero");

impl Session {
    /// Starts dossier with `args` in a fresh pty, with `$HOME` and `$XDG_CONFIG_HOME`
    /// pointing at `home` (so no real user config is read).
    fn start(args: &[&str], home: &Path) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        let child = pair.slave.spawn_command(cmd).expect("spawn dossier");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        // The master must outlive the session: dropping it hangs up the terminal.
        std::mem::forget(pair.master);
        Session {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
            rx,
            writer,
            child,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
    }

    /// Reads output until the screen contains `text` (or times out).
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.parser.screen().contents();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write keys");
        self.writer.flush().expect("flush");
        // Longer than the escape timeout, so a lone Esc stays the Esc key.
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Waits for the process to end; its exit code and whether a signal ended it.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                break st;
            }
            assert!(
                Instant::now() < deadline,
                "dossier did not exit; screen:\n{}",
                self.parser.screen().contents()
            );
            self.pump(Duration::from_millis(50));
        };
        while let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(200)) {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
        status
    }

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

    fn pid(&self) -> i32 {
        i32::try_from(self.child.process_id().expect("pid")).expect("pid fits")
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
    let deadline = Instant::now() + Duration::from_secs(10);
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
