//! Helpers for writing command output.

use crate::model::text::sanitize;
use std::io::{self, Write};

/// True when the error is a closed pipe (`dossier list | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// Writes a value as pretty JSON and a newline.
pub fn json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a line of document-derived text, with control characters neutralised.
pub fn line(out: &mut dyn Write, text: &str) -> io::Result<()> {
    writeln!(out, "{}", sanitize(text))
}

/// Pads or cuts `s` to exactly `width` terminal columns.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
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
