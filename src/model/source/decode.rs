//! Deciding whether a file's bytes are an article, and decoding them.

/// A line longer than this is not prose (minified data, a dump): the file is skipped.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Decodes a file's bytes, or says why it is not an article. Warnings (a lossy
/// decoding) come with the text.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] of bytes it may keep: valid UTF-8 becomes the text without a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<(String, Vec<String>), String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let nul = memchr::memchr_iter(0, &bytes).count();
    if nul > 0 {
        return Err(format!("binary data ({nul} NUL bytes), not text"));
    }
    let longest = longest_line(&bytes);
    if longest > MAX_LINE_BYTES {
        return Err(format!(
            "a single line of {} (over the {} limit): not an article",
            byte_count(longest as u64),
            megabytes(MAX_LINE_BYTES as u64)
        ));
    }
    let mut warnings = Vec::new();
    let text = String::from_utf8(bytes).unwrap_or_else(|e| {
        let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let bad = s.matches('\u{fffd}').count();
        warnings.push(format!(
            "not valid UTF-8; decoded lossily ({bad} bad sequences replaced)"
        ));
        s
    });
    if text.chars().all(char::is_whitespace) {
        return Err("empty (only whitespace)".into());
    }
    let controls = controls(&text);
    // A few stray control characters are sanitised later; many mean it is not text.
    if controls >= 16 && controls * 20 > text.chars().count() {
        return Err(format!(
            "binary data ({controls} control characters), not text"
        ));
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Err("no letters or digits, only spaces, punctuation or symbols".into());
    }
    Ok((text, warnings))
}

/// How many characters of `text` are controls and not whitespace (vertical tabs and
/// form feeds are whitespace, not signs of binary data). Counted on bytes: the C0
/// controls and DEL are single bytes, and the C1 controls (U+0080–U+009F) are 0xC2
/// followed by 0x80–0x9F, U+0085 (next line) being whitespace.
fn controls(text: &str) -> usize {
    let bytes = text.as_bytes();
    let c0 = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !(0x09..=0x0d).contains(&b)) || b == 0x7f)
        .count();
    let c1 = memchr::memchr_iter(0xc2, bytes)
        .filter(|&i| {
            bytes
                .get(i + 1)
                .is_some_and(|&b| (0x80..=0x9f).contains(&b) && b != 0x85)
        })
        .count();
    c0 + c1
}

/// The length in bytes of the longest line (lines end at `\n` or `\r`).
fn longest_line(bytes: &[u8]) -> usize {
    let mut longest = 0;
    let mut start = 0;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        longest = longest.max(end - start);
        start = end + 1;
    }
    longest.max(bytes.len() - start)
}

/// "1,048,577 bytes".
pub fn byte_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 6);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out.push_str(if n == 1 { " byte" } else { " bytes" });
    out
}

/// "16 MB" for a limit that is a whole number of mebibytes.
pub fn megabytes(n: u64) -> String {
    format!("{} MB", n / (1024 * 1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_bad_bytes() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert!(decode(b"abc\0def").unwrap_err().contains("binary"));
        let (text, w) = decode(b"Vi\xe1t Nam").unwrap();
        assert!(text.contains('\u{fffd}') && w[0].contains("lossily"));
        assert!(decode(&[1u8; 100]).unwrap_err().contains("binary"));
        assert!(
            decode(b"a \x1b[2J b").is_ok(),
            "a few escapes are sanitised, not fatal"
        );
        assert_eq!(decode("\u{feff}Hà Nội".as_bytes()).unwrap().0, "Hà Nội");
    }

    #[test]
    fn whitespace_files_are_empty_not_binary() {
        for ws in [
            &b"  \n\n"[..],
            b"\x0b\x0c\x0b\x0c\x0b\x0c\x0b\x0c\x0b\x0c\x0b\x0c\x0b\x0c\x0b\x0c\x0b\x0c\n",
        ] {
            assert_eq!(decode(ws).unwrap_err(), "empty (only whitespace)", "{ws:?}");
        }
        let unicode_spaces = "\u{3000}\u{2003}\u{a0}\u{85}\u{2028}\n".repeat(20);
        assert_eq!(
            decode(unicode_spaces.as_bytes()).unwrap_err(),
            "empty (only whitespace)"
        );
        let text = "Border\x0bguards\x0cmet.\n".repeat(20);
        assert!(
            decode(text.as_bytes()).is_ok(),
            "form feeds in prose are fine"
        );
    }

    #[test]
    fn files_without_a_word_are_reported() {
        let punct = "\u{3000} …… — !! ?? «» ・ ** \n".repeat(10);
        let reason = decode(punct.as_bytes()).unwrap_err();
        assert!(reason.contains("no letters or digits"), "{reason}");
        assert!(decode("… 9 …".as_bytes()).is_ok(), "a digit is text");
        assert!(decode("— Hà —".as_bytes()).is_ok());
    }

    #[test]
    fn long_lines_are_measured_exactly() {
        let mut long = vec![b'a'; MAX_LINE_BYTES + 1];
        assert_eq!(
            decode(&long).unwrap_err(),
            "a single line of 1,048,577 bytes (over the 1 MB limit): not an article"
        );
        long[MAX_LINE_BYTES / 2] = b'\r';
        assert!(decode(&long).is_ok(), "a carriage return ends a line");
        assert!(
            decode(&vec![b'a'; MAX_LINE_BYTES]).is_ok(),
            "the limit itself is allowed"
        );
    }

    proptest::proptest! {
        #[test]
        fn controls_are_counted_as_characters_would_be(
            text in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}]){0,40}",
        ) {
            let by_chars = text
                .chars()
                .filter(|c| c.is_control() && !c.is_whitespace())
                .count();
            proptest::prop_assert_eq!(controls(&text), by_chars);
        }
    }

    #[test]
    fn a_byte_order_mark_is_dropped_from_owned_bytes() {
        let bytes = "\u{feff}Hà Nội, 12 June".as_bytes().to_vec();
        let (text, warnings) = decode_owned(bytes).unwrap();
        assert_eq!((text.as_str(), warnings.len()), ("Hà Nội, 12 June", 0));
    }

    #[test]
    fn writes_sizes() {
        assert_eq!(byte_count(0), "0 bytes");
        assert_eq!(byte_count(1), "1 byte");
        assert_eq!(byte_count(999), "999 bytes");
        assert_eq!(byte_count(1000), "1,000 bytes");
        assert_eq!(byte_count(16 * 1024 * 1024 + 1), "16,777,217 bytes");
        assert_eq!(megabytes(16 * 1024 * 1024), "16 MB");
    }
}
