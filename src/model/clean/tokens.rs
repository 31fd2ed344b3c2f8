//! Tokens and pieces of text as the glued-word splitter and the corpus vocabulary see
//! them: white-space tokens without surrounding punctuation, cut at dashes and periods.

use super::lexicon::MAX_WORD;

/// Shortest all-lowercase token that is segmented.
pub const MIN_SEGMENTED: usize = 5;

/// Calls `f` with every white-space separated token of `text` and its byte offset.
pub fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
            if i > start {
                f(start, &text[start..i]);
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        f(start, &text[start..]);
    }
}

/// The token without surrounding punctuation, and its offset; `None` for addresses.
pub fn core(token: &str) -> Option<(usize, &str)> {
    let b = token.as_bytes();
    // ASCII punctuation around the word (the common case) is trimmed byte-wise.
    let lead = b.iter().take_while(|c| c.is_ascii_punctuation()).count();
    let trail = b[lead..]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_punctuation())
        .count();
    let plain = |c: Option<&u8>| c.is_some_and(u8::is_ascii_alphanumeric);
    let (lead, core) =
        if plain(b.get(lead)) && plain(b.len().checked_sub(trail + 1).and_then(|i| b.get(i))) {
            (lead, &token[lead..token.len() - trail])
        } else {
            let core = token.trim_start_matches(|c: char| !c.is_alphanumeric());
            let lead = token.len() - core.len();
            (lead, core.trim_end_matches(|c: char| !c.is_alphanumeric()))
        };
    let address = core
        .bytes()
        .any(|c| matches!(c, b'@' | b'/' | b'\\' | b'_' | b'#' | b'=' | b':'))
        || core.starts_with("www.");
    (core.len() >= 2 && !address).then_some((lead, core))
}

/// The length of the piece separator ('-', '.', '–', '—') at the start of `b`, or 0.
pub fn separator_len(b: &[u8]) -> usize {
    match b {
        [b'-' | b'.', ..] => 1,
        // U+2013 EN DASH and U+2014 EM DASH in UTF-8.
        [0xe2, 0x80, 0x93 | 0x94, ..] => 3,
        _ => 0,
    }
}

/// Calls `f` with every all-lowercase ASCII piece of `text` long enough to be segmented,
/// exactly as the splitter sees them.
pub fn lowercase_pieces<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    for_each_token(text, |_, token| {
        // Most tokens are lowercase words: no punctuation to trim, no separator, one
        // piece (what `token_pieces` finds for them, without its passes over the token).
        if token.bytes().all(|b| b.is_ascii_lowercase()) {
            if (MIN_SEGMENTED..=2 * MAX_WORD).contains(&token.len()) {
                f(token);
            }
            return;
        }
        token_pieces(token, &mut f);
    });
}

/// Calls `f` with every all-lowercase ASCII piece of `token` long enough to be segmented.
fn token_pieces<'a>(token: &'a str, f: &mut impl FnMut(&'a str)) {
    let Some((_, core)) = core(token) else {
        return;
    };
    let b = core.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= b.len() {
        let sep = if i == b.len() {
            1
        } else {
            separator_len(&b[i..])
        };
        if sep > 0 {
            let p = &b[start..i];
            if p.len() >= MIN_SEGMENTED
                && p.len() <= 2 * MAX_WORD
                && p.iter().all(u8::is_ascii_lowercase)
            {
                f(&core[start..i]);
            }
            start = i + sep;
            i += sep;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cores_and_pieces() {
        let mut seen = Vec::new();
        for_each_token("a  “quoted” word\nnext", |at, t| seen.push((at, t)));
        assert_eq!(
            seen,
            [(0, "a"), (3, "“quoted”"), (16, "word"), (21, "next")]
        );
        assert_eq!(core("“quoted”,"), Some(("“".len(), "quoted")));
        assert_eq!(core("https://x.vn/a"), None);
        assert_eq!(separator_len("—x".as_bytes()), 3);
        let mut pieces = Vec::new();
        lowercase_pieces(
            "The peace-keeping, world—order and Zzyzx abc.defgh",
            |p| pieces.push(p.to_owned()),
        );
        assert_eq!(pieces, ["peace", "keeping", "world", "order", "defgh"]);
    }

    #[test]
    fn lowercase_words_are_the_pieces_the_general_path_finds() {
        let long = "a".repeat(2 * MAX_WORD);
        let longer = "a".repeat(2 * MAX_WORD + 1);
        for token in [
            "a",
            "abcd",
            "abcde",
            "peacekeeping",
            &long,
            &longer,
            "ab—cdefg",
            "hà",
            "www",
            "wwwexample",
            "défense",
            "“quoted”",
            "abc.defgh",
        ] {
            let mut fast = Vec::new();
            lowercase_pieces(token, |p| fast.push(p));
            let mut general = Vec::new();
            token_pieces(token, &mut |p| general.push(p));
            assert_eq!(fast, general, "{token}");
        }
        let mut seen = Vec::new();
        lowercase_pieces(&format!("{long} {longer} abcde abcd"), |p| {
            seen.push(p.len());
        });
        assert_eq!(seen, [2 * MAX_WORD, 5]);
    }
}
