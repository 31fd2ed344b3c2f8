//! White-space normalisation: one pass over the raw text.

/// Normalises raw text: CRLF/CR → LF, tabs and Unicode spaces → space, zero-width and
/// control characters removed, runs of spaces collapsed, every line trimmed.
pub fn normalize(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    // raw[span..i] is text kept verbatim, copied in one go when something changes.
    let mut span = 0;
    // Whether a space is owed before the next visible character of the line.
    let mut pending_space = false;
    let mut at_line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !pending_space {
            // The common case: text and single spaces between words, kept as they are;
            // checked a block at a time, then a word at a time.
            if let Some(block) = bytes.get(i..=i + BLOCK)
                && is_plain_block(block)
                && (b != b' ' || !at_line_start)
            {
                at_line_start = false;
                i += BLOCK;
                continue;
            }
            if (0x21..0x7f).contains(&b) {
                at_line_start = false;
                i += 1;
                while i < bytes.len() && (0x21..0x7f).contains(&bytes[i]) {
                    i += 1;
                }
                continue;
            }
            if b == b' '
                && !at_line_start
                && bytes.get(i + 1).is_some_and(|n| (0x21..0x7f).contains(n))
            {
                i += 1;
                continue;
            }
        }
        if b == b'\n' && !pending_space {
            at_line_start = true;
            i += 1;
            continue;
        }
        let Some(c) = raw[i..].chars().next() else {
            break;
        };
        let class = class(c);
        if !pending_space && matches!(class, Class::Keep) {
            // Other letters and punctuation ("ệ", "’") are kept as they are too.
            at_line_start = false;
            i += c.len_utf8();
            continue;
        }
        out.push_str(&raw[span..i]);
        i += c.len_utf8();
        match class {
            Class::Newline => {
                if c == '\r' && bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                pending_space = false;
                at_line_start = true;
                out.push('\n');
            }
            Class::Space => pending_space = !at_line_start,
            Class::Drop => {}
            Class::Keep => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                at_line_start = false;
                out.push(c);
            }
        }
        span = i;
    }
    out.push_str(&raw[span..]);
    out
}

/// Bytes the fast path of `normalize` checks at a time.
const BLOCK: usize = 16;

/// Whether the first `BLOCK` bytes of `b` (which holds one more) are kept as they are:
/// printable ASCII, or a space before printable ASCII. Every byte is checked, without
/// branches, so that the check compiles to a few vector instructions.
fn is_plain_block(b: &[u8]) -> bool {
    let printable = |c: u8| c.wrapping_sub(0x21) < 0x5e;
    b.windows(2).take(BLOCK).fold(true, |ok, w| {
        ok & (printable(w[0]) | (w[0] == b' ') & printable(w[1]))
    })
}

enum Class {
    Newline,
    Space,
    Drop,
    Keep,
}

/// Markdown emphasis marks ("**QĐND**", "__Hanoi__") are syntax, not text.
pub fn strip_emphasis(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains("**") || text.contains("__") {
        text.replace("**", "").replace("__", "").into()
    } else {
        text.into()
    }
}

fn class(c: char) -> Class {
    match c {
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        ' '
        | '\t'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}' => Class::Space,
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Class::Drop,
        c if c.is_control() => Class::Space,
        _ => Class::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rules of `normalize`, a character at a time, without its fast paths.
    fn one_char_at_a_time(raw: &str) -> String {
        let mut out = String::new();
        let (mut pending_space, mut at_line_start) = (false, true);
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match class(c) {
                Class::Newline => {
                    if c == '\r' {
                        chars.next_if_eq(&'\n');
                    }
                    (pending_space, at_line_start) = (false, true);
                    out.push('\n');
                }
                Class::Space => pending_space = !at_line_start,
                Class::Drop => {}
                Class::Keep => {
                    if pending_space {
                        out.push(' ');
                    }
                    (pending_space, at_line_start) = (false, false);
                    out.push(c);
                }
            }
        }
        out
    }

    proptest! {
        #[test]
        fn fast_paths_keep_the_rules(raw in "([a-z]{0,20}[ .,]{0,3}|[ \t\r\n\u{a0}\u{200b}\u{7}é—]{1,3}){0,40}") {
            prop_assert_eq!(normalize(&raw), one_char_at_a_time(&raw));
        }
    }

    #[test]
    fn strips_markdown_emphasis() {
        assert_eq!(
            strip_emphasis("**QĐND** - On __March__ 5"),
            "QĐND - On March 5"
        );
        assert_eq!(strip_emphasis("a * b _c_"), "a * b _c_");
    }

    #[test]
    fn normalises_line_ends_and_spaces() {
        assert_eq!(normalize("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(
            normalize("  a \t b\u{a0}\u{a0}c  \n\u{2003}d\u{a0}"),
            "a b c\nd"
        );
        assert_eq!(
            normalize("zero\u{200b}width\u{feff} soft\u{ad}hyphen"),
            "zerowidth softhyphen"
        );
        assert_eq!(normalize("Việt Nam — “quoted”"), "Việt Nam — “quoted”");
        assert_eq!(normalize("bell\u{7}here\u{1b}[0m"), "bell here [0m");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("\n\n  \n"), "\n\n\n");
        assert_eq!(normalize("a  b \nc"), "a b\nc");
        assert_eq!(normalize("x\u{a0}y “z” \u{a0} w "), "x y “z” w");
    }
}
