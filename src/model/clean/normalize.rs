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
            // The common case: text and single spaces between words, kept as they are.
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
