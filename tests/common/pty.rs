//! The real binary in a pseudo-terminal: keys typed, the screen read through a vt100
//! parser, and every byte dossier wrote kept (escape sequences such as OSC 52 that the
//! parser does not show).

use super::files::scratch_env;
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long any wait lasts before the test fails: generous, for a loaded CI machine.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// One run of dossier in its own pty.
pub struct Session {
    /// The screen as a terminal would show it.
    pub parser: vt100::Parser,
    /// Every byte dossier wrote to the terminal (clear it to look only at what follows).
    pub raw: Vec<u8>,
    /// When the process was started.
    pub started: Instant,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

/// The terminal's size.
pub const ROWS: NonZeroU16 = NonZeroU16::new(30).expect("non-zero");
/// The terminal's size.
pub const COLS: NonZeroU16 = NonZeroU16::new(110).expect("non-zero");

impl Session {
    /// Starts dossier with `args` in a fresh pty, inside the scratch `home` (its XDG
    /// folders, temporary folder and working directory), so no real user file is read.
    pub fn start(args: &[&str], home: &Path) -> Session {
        Session::start_env(args, home, &[])
    }

    /// [`Session::start`] with more environment variables set.
    pub fn start_env(args: &[&str], home: &Path, env: &[(&str, &str)]) -> Session {
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
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        for var in ["VISUAL", "EDITOR", "DOSSIER_TIMINGS", "NO_COLOR"] {
            cmd.env_remove(var);
        }
        for (k, v) in scratch_env(home) {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let started = Instant::now();
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
            started,
            rx,
            writer,
            child,
        }
    }

    /// Takes what dossier wrote, waiting at most `wait` for it.
    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.rx.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until `done(screen, raw bytes)` holds, and returns how long that took;
    /// `None` after `limit`.
    pub fn wait_until(
        &mut self,
        limit: Duration,
        mut done: impl FnMut(&str, &[u8]) -> bool,
    ) -> Option<Duration> {
        let start = Instant::now();
        loop {
            if done(&self.screen(), &self.raw) {
                return Some(start.elapsed());
            }
            if start.elapsed() >= limit {
                return None;
            }
            self.pump(Duration::from_millis(20));
        }
    }

    /// Reads output until the screen contains `text`; fails after [`PATIENCE`].
    pub fn wait_for(&mut self, text: &str) -> String {
        let found = self.wait_until(PATIENCE, |screen, _| screen.contains(text));
        assert!(
            found.is_some(),
            "timed out waiting for {text:?}; screen:\n{}",
            self.screen()
        );
        self.screen()
    }

    /// Waits until the corpus has loaded (no progress in the hint line) and the screen
    /// contains `text`: keys typed while only the first documents are shown act on views
    /// that the whole corpus, once built, starts over.
    pub fn wait_loaded(&mut self, text: &str) -> String {
        let found = self.wait_until(PATIENCE * 3, |screen, _| {
            screen.contains(text) && !loading(screen)
        });
        assert!(
            found.is_some(),
            "timed out waiting for {text:?} after loading; screen:\n{}",
            self.screen()
        );
        self.screen()
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    /// Sends `bytes` as typed.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write keys");
        self.writer.flush().expect("flush");
        // Longer than the escape timeout, so a lone Esc stays the Esc key.
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Waits for the process to end; its exit code and whether a signal ended it.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                break st;
            }
            assert!(
                Instant::now() < deadline,
                "dossier did not exit; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        };
        while let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(200)) {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
        status
    }

    /// Types `q` and checks dossier ended well.
    pub fn quit(&mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(
            status.success(),
            "q ended with {status:?}; output:\n{}",
            String::from_utf8_lossy(&self.raw)
        );
    }

    /// The process id.
    pub fn pid(&self) -> i32 {
        i32::try_from(self.child.process_id().expect("pid")).expect("pid fits")
    }
}

impl Drop for Session {
    /// A failed test must not leave dossier running.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}

/// The first line of the reader pane's text on `screen`, the title of the selected
/// document: the second of the main screen's three boxes, on its second row.
pub fn reader_title(screen: &str) -> String {
    let row = screen.lines().nth(1).unwrap_or_default();
    row.split('│').nth(3).unwrap_or_default().trim().to_owned()
}

/// True while the hint line, the screen's last row, says the corpus is loading.
pub fn loading(screen: &str) -> bool {
    let hint = screen
        .lines()
        .nth(usize::from(ROWS.get()) - 1)
        .unwrap_or_default();
    ["loading the corpus", "reading ", "building ", "linking "]
        .iter()
        .any(|p| hint.starts_with(p))
}
