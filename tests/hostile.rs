//! Hostile input through the real binary: file names that carry terminal escapes, files
//! that are not files (FIFOs, devices, sockets), folders that go too deep or loop, closed
//! pipes and a full stderr, and random bytes. Nothing may hang, panic, or let a control
//! character reach stdout or stderr.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    missing_docs,
    reason = "test helpers outside #[test] functions fail loudly by design"
)]

#[path = "hostile/files.rs"]
mod files;
#[path = "hostile/names.rs"]
mod names;
#[path = "hostile/pipes.rs"]
mod pipes;
#[path = "hostile/props.rs"]
mod props;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a debug build on a busy machine; a FIFO or /dev/zero read would never
/// end, so this only tells a hang from a slow run.
const HANG_GUARD: Duration = Duration::from_secs(30);

/// What one run of the binary produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Run {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// The binary with these arguments, `NO_COLOR` set and no stdin.
pub fn command<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    // Built models are cached under target/, never in the tester's home.
    c.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    c.args(args).env("NO_COLOR", "1").stdin(Stdio::null());
    c
}

/// Runs the binary, its output captured in files (so a full pipe cannot stall it), and
/// kills it if it has not finished within [`HANG_GUARD`].
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.as_ref().into()).collect();
    let dir = tempfile::tempdir().expect("a temp dir");
    let (o, e) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = command(&args)
        .stdout(std::fs::File::create(&o).expect("stdout file"))
        .stderr(std::fs::File::create(&e).expect("stderr file"))
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dossier {args:?} still running after {HANG_GUARD:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code(),
        stdout: std::fs::read(o).expect("stdout"),
        stderr: std::fs::read(e).expect("stderr"),
    }
}

/// Characters that must never reach a terminal, listed here independently of the
/// sanitiser under test: C0 (but newline), DEL, C1, bidi marks, embeddings, overrides
/// and isolates, zero-width and other invisible format characters, line separators.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{61c}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
}

/// Panics, naming `what`, if `bytes` are not UTF-8 or hold a forbidden character.
pub fn assert_clean(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|e| panic!("{what}: not UTF-8 ({e}), a raw byte got through"));
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
        let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
        panic!(
            "{what}: {c:?} reaches the terminal at byte {i}: {:?}",
            &text[from..(i + c.len_utf8())]
        );
    }
}

/// Writes `bytes` to `dir/name`, creating folders.
pub fn write(dir: &Path, name: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("a parent")).expect("folders");
    std::fs::write(p, bytes).expect("a test file");
}

/// A short made-up article in a wire-service style, different for each `n`.
pub fn article(n: usize) -> String {
    let cities = ["Vientiane", "Phnom Penh", "Jakarta", "Canberra", "Manila"];
    let city = cities[n % cities.len()];
    format!(
        "Coast guards of two neighbours hold talks in {city}\n\n\
         {city} (VNA) – Officers of the Vietnam Coast Guard met counterparts in {city} on \
         May {day} to review joint patrols, search and rescue drills and a hotline set up \
         last year.\n\n\
         Senior Colonel Nguyen Van {given} said the {ord}th round of talks would focus on \
         training exchanges and on curbing illegal fishing.\n\n\
         The two delegations signed minutes of the meeting./.\n",
        day = 3 + n % 20,
        given = ["Binh", "Cuong", "Dung", "Hai", "Khanh"][n % 5],
        ord = 4 + n,
    )
}
