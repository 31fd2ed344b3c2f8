//! Tokens and pieces of text as the glued-word splitter and the corpus vocabulary see
//! them: white-space tokens without surrounding punctuation, cut at dashes and periods.

use super::lexicon::MAX_WORD;

/// Shortest all-lowercase token that is segmented.
pub const MIN_SEGMENTED: usize = 5;

/// Byte classes of the tokenizer: the white space that separates tokens, the lowercase
/// ASCII letters (most tokens are made of them alone), anything else.
const SPACE: u8 = 0;
const LOWER: u8 = 1;
const OTHER: u8 = 2;

/// The class of each byte, read once per byte of every text.
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
            table[b] = SPACE;
        } else if c.is_ascii_lowercase() {
            table[b] = LOWER;
        }
        b += 1;
    }
    table
};

/// Calls `f` with every white-space separated token of `text`, its byte offset and
/// whether it is all lowercase ASCII letters, found in the same pass over the bytes
/// (the callers test that first, and a second pass over each token cost as much as
/// finding it).
pub fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str, bool)) {
    let b = text.as_bytes();
    let class = |i: usize| CLASS[usize::from(b[i])];
    let n = b.len();
    let mut i = 0;
    loop {
        while i < n && class(i) == SPACE {
            i += 1;
        }
        if i == n {
            return;
        }
        let start = i;
        while i < n && class(i) == LOWER {
            i += 1;
        }
        let lower = i == n || class(i) == SPACE;
        while i < n && class(i) != SPACE {
            i += 1;
        }
        // White space is ASCII, so both ends are char boundaries.
        f(start, &text[start..i], lower);
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
    for_each_token(text, |_, token, lower| {
        // Most tokens are lowercase words: no punctuation to trim, no separator, one
        // piece (what `token_pieces` finds for them, without its passes over the token).
        if lower {
            if (MIN_SEGMENTED..=2 * MAX_WORD).contains(&token.len()) {
                f(token);
            }
        } else if may_hold_piece(token.as_bytes()) {
            token_pieces(token, &mut f);
        }
    });
}

/// False when `token` certainly has no piece for `token_pieces` to find. A piece is a run
/// of `MIN_SEGMENTED..=2 * MAX_WORD` lowercase ASCII letters, and what stands next to it
/// in the token (a separator, punctuation trimmed off the core, the token's ends) is never
/// an ASCII letter or digit; so a token without such a run ("Vietnam’s", "(Photo:",
/// "2025,") has none, and most capitalised words and numbers are passed over here.
pub fn may_hold_piece(token: &[u8]) -> bool {
    let fits = |run: usize| (MIN_SEGMENTED..=2 * MAX_WORD).contains(&run);
    let mut run = 0;
    // Whether the byte before the current run is not an ASCII letter or digit.
    let mut open = true;
    for &b in token {
        if b.is_ascii_lowercase() {
            run += 1;
            continue;
        }
        let closes = !b.is_ascii_alphanumeric();
        if open && closes && fits(run) {
            return true;
        }
        run = 0;
        open = closes;
    }
    open && fits(run)
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
    use proptest::prelude::*;

    #[test]
    fn tokens_cores_and_pieces() {
        let mut seen = Vec::new();
        for_each_token("a  “quoted” word\nnext", |at, t, _| seen.push((at, t)));
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

    /// The tokens as the plain definition gives them: the non-empty runs between
    /// white-space bytes, each with whether all its bytes are lowercase ASCII letters.
    fn plain_tokens(text: &str) -> Vec<(usize, &str, bool)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                if i > start {
                    out.push((start, &text[start..i], false));
                }
                start = i + 1;
            }
        }
        if start < text.len() {
            out.push((start, &text[start..], false));
        }
        for t in &mut out {
            t.2 = t.1.bytes().all(|b| b.is_ascii_lowercase());
        }
        out
    }

    /// The pieces as `token_pieces` finds them in every token, with no token passed over.
    fn plain_pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for (_, token, _) in plain_tokens(text) {
            token_pieces(token, &mut |p| out.push(p));
        }
        out
    }

    /// Text made of what tokens and pieces turn on: every kind of white space, both
    /// cases, digits, separators, punctuation, address marks and non-ASCII letters.
    fn texty() -> impl Strategy<Value = String> {
        let parts = prop::sample::select(vec![
            " ",
            "  ",
            "\n",
            "\t",
            "\r",
            "\u{a0}",
            "a",
            "e",
            "z",
            "A",
            "Q",
            "7",
            "0",
            "-",
            ".",
            ",",
            "(",
            ")",
            "'",
            "’",
            "–",
            "—",
            "“",
            "”",
            "@",
            "/",
            ":",
            "_",
            "#",
            "é",
            "Đ",
            "ſ",
            "K",
            "ab",
            "defence",
            "diplomacyin",
            "peacekeeping",
            "Ministry",
            "www.",
        ]);
        prop::collection::vec(parts, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn one_pass_tokens_are_the_plain_ones(text in texty()) {
            let mut seen = Vec::new();
            for_each_token(&text, |at, t, lower| seen.push((at, t, lower)));
            prop_assert_eq!(seen, plain_tokens(&text));
        }

        #[test]
        fn passing_over_tokens_loses_no_piece(text in texty()) {
            let mut fast = Vec::new();
            lowercase_pieces(&text, |p| fast.push(p));
            prop_assert_eq!(fast, plain_pieces(&text));
        }
    }

    #[test]
    fn tokens_without_a_bounded_lowercase_run_hold_no_piece() {
        for (token, may) in [
            ("Vietnam’s", false),
            ("(Photo:", false),
            ("2025,", false),
            ("peace-Keeping", true),
            ("“defence”", true),
            ("abcd.", false),
            ("Xabcde", false),
            ("abcde9", false),
            ("—abcde", true),
        ] {
            assert_eq!(may_hold_piece(token.as_bytes()), may, "{token}");
        }
    }
}
