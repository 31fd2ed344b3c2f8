//! OSC 52: the escape sequence that asks the terminal to put text on the system clipboard
//! (it works over ssh and inside tmux with `set-clipboard on`). The text is sanitised first,
//! so that nothing copied from a document can drive the terminal it is later pasted into.

use super::text::sanitize;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The most text one copy sends; terminals cap the sequence, and an article is far smaller.
pub const MAX_COPY_BYTES: usize = 100_000;

/// The text that will reach the clipboard: lines sanitised (control characters, escape
/// introducers and bidi overrides become spaces), line ends made `\n`, ends trimmed.
pub fn clipboard_text(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|l| sanitize(l).trim_end().to_owned())
        .collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

/// The OSC 52 sequence (`ESC ] 52 ; c ; BASE64 BEL`) that copies `text`, sanitised, to the
/// clipboard; `None` when the sanitised text is longer than [`MAX_COPY_BYTES`].
pub fn osc52(text: &str) -> Option<String> {
    let clean = clipboard_text(text);
    (clean.len() <= MAX_COPY_BYTES)
        .then(|| format!("\u{1b}]52;c;{}\u{7}", STANDARD.encode(clean.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_the_text_in_base64() {
        // "hello" is "aGVsbG8=" in base64 (RFC 4648's alphabet, with padding).
        assert_eq!(osc52("hello").unwrap(), "\u{1b}]52;c;aGVsbG8=\u{7}");
        let seq = osc52("Đà Nẵng").unwrap();
        let payload = seq
            .trim_start_matches("\u{1b}]52;c;")
            .trim_end_matches('\u{7}');
        let back = STANDARD.decode(payload).unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), "Đà Nẵng");
    }

    #[test]
    fn strips_what_could_drive_a_terminal() {
        let copied = clipboard_text("a\u{1b}]52;c;evil\u{7}b\r\nsecond\u{9b}2J line\n\n");
        assert_eq!(copied, "a ]52;c;evil b\nsecond 2J line");
        let seq = osc52("x\u{1b}[31my").unwrap();
        assert_eq!(
            seq.matches('\u{1b}').count(),
            1,
            "only the sequence's own ESC"
        );
    }

    #[test]
    fn refuses_text_too_long_for_a_terminal() {
        assert!(osc52(&"a".repeat(MAX_COPY_BYTES)).is_some());
        assert!(osc52(&"a".repeat(MAX_COPY_BYTES + 1)).is_none());
    }
}
