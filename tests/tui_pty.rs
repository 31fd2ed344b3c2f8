//! End to end: runs the real binary in a pseudo-terminal, types keys and reads the screen.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Session {
    parser: vt100::Parser,
    raw: Vec<u8>,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
}

impl Session {
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
            if let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
                self.raw.extend(bytes);
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
        // A lone Esc must not merge with the next key into an Alt sequence.
        std::thread::sleep(Duration::from_millis(120));
    }
}

const ROWS: NonZeroU16 = NonZeroU16::new(30).expect("non-zero");
const COLS: NonZeroU16 = NonZeroU16::new(110).expect("non-zero");

#[test]
fn runs_in_a_terminal_and_restores_it() {
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
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn dossier");
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
    let mut s = Session {
        parser: vt100::Parser::new(ROWS, COLS, 0),
        raw: Vec::new(),
        rx,
        writer,
    };

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
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        assert!(Instant::now() < deadline, "dossier did not quit on q");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    while let Ok(bytes) = s.rx.recv_timeout(Duration::from_millis(200)) {
        s.raw.extend(bytes);
    }
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(raw.contains("\x1b[?1049l"), "alternate screen left");
}
