//! Helpers for writing command output. Everything the subcommands print goes through
//! here, so it passes the one sanitiser (`model::text::sanitize`) on its way out.

use crate::model::export::write_json;
use crate::model::text::{is_unsafe, sanitize};
use std::io::{self, Write};

/// True when the error is a closed pipe (`dossier list | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// Writes a value as pretty JSON and a newline, with unsafe characters escaped.
pub fn json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    // As an io::Error, a closed pipe is recognised by `is_broken_pipe`.
    write_json(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a line of document-derived text, with control characters neutralised.
pub fn line(out: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", sanitize(text))
}

/// Pads or cuts `s` to exactly `width` terminal columns, unsafe characters shown as
/// spaces (so they count as the column they will take).
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    // Printable ASCII (most ids, dates and outlets) takes one column a byte.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        let cut = &s[..s.len().min(width)];
        let mut out = String::with_capacity(width);
        out.push_str(cut);
        out.extend(std::iter::repeat_n(' ', width - cut.len()));
        return out;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars().map(|c| if is_unsafe(c) { ' ' } else { c }) {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.extend(std::iter::repeat_n(' ', width - w));
    out
}

/// Prints `dossier: warning: MESSAGE` on stderr, sanitised to one line.
pub fn warn(message: &str) {
    to_stderr(&format!("dossier: warning: {}", sanitize(message)));
}

/// Prints `dossier: error: MESSAGE` on stderr, each line sanitised: a message may list
/// choices one a line (the series a corpus has).
pub fn error(message: &str) {
    to_stderr(&format!("dossier: error: {message}"));
}

/// Writes text to stderr, each line sanitised. A closed or full stderr is ignored: there
/// is nowhere left to report it, and it must not turn into a panic.
pub fn to_stderr(text: &str) {
    let mut err = io::stderr().lock();
    for l in text.lines() {
        if writeln!(err, "{}", sanitize(l)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_unsafe_characters_as_the_spaces_they_become() {
        assert_eq!(fit("a\u{1b}[2Jb", 4), "a [2");
        assert_eq!(fit("x\u{202e}", 3), "x  ");
        assert_eq!(fit("Việt", 6), "Việt  ");
    }

    #[test]
    fn fit_cuts_and_pads_plain_text_by_bytes() {
        assert_eq!(fit("gen_000001", 5), "gen_0");
        assert_eq!(fit("VNA", 6), "VNA   ");
        assert_eq!(fit("", 2), "  ");
        assert_eq!(fit("2025-H1", 7), "2025-H1");
    }

    #[test]
    fn json_errors_from_a_closed_pipe_are_broken_pipes() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let e = json(&mut Closed, &["x"]).unwrap_err();
        assert!(is_broken_pipe(&e), "{e:#}");
    }
}
