//! A folded copy of a text (lower case, no diacritics, plain quotes and dashes) with a
//! map back to the original byte offsets, so gazetteer matches land on the original text.

use crate::model::text::fold_char;

/// Folds one character the way names are compared: case and diacritics folded,
/// curly quotes and dashes made plain.
pub fn fold_match_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        '–' | '—' | '‑' | '−' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => fold_char(c),
    }
}

/// True for a combining mark. ASCII has none, so the common case skips the
/// Unicode table lookup (a hot path: it runs on every character of every field).
pub fn is_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// Folds one character for the gazetteer automaton: as [`fold_match_char`], and
/// every separator except the ones names contain (. ' + &) becomes a space, so
/// that a name always follows a space.
pub fn fold_gazetteer_char(c: char) -> char {
    match fold_match_char(c) {
        c if c.is_alphanumeric() || matches!(c, '.' | '\'' | '+' | '&') => c,
        _ => ' ',
    }
}

/// Folds a gazetteer alias: a leading space, then its folded characters, runs of
/// separators made one space ("Ba Ria - Vung Tau" = "Ba Ria-Vung Tau").
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    out.push(' ');
    for c in s.chars().map(fold_gazetteer_char) {
        if c != ' ' || !out.ends_with(' ') {
            out.push(c);
        }
    }
    if out.len() > 1 && out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A folded text and, per folded byte, the original byte offset of its character.
#[derive(Debug, Default)]
pub struct Folded {
    /// The folded text: a leading space, then the folded characters, each run of
    /// separators one space.
    pub text: String,
    /// `map[i]` is the original offset of folded byte `i`; `map[text.len()]` is the
    /// original length.
    pub map: Vec<u32>,
}

/// The folded byte of an ASCII byte: letters lower-cased, name punctuation kept,
/// every other byte a separator.
const fn fold_ascii(b: u8) -> u8 {
    if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'+' | b'&') {
        b.to_ascii_lowercase()
    } else {
        b' '
    }
}

/// [`fold_ascii`] of every ASCII byte, looked up on the hot path.
const FOLD_ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = fold_ascii(b as u8);
        b += 1;
    }
    t
};

impl Folded {
    /// Refills `self` from `original`, reusing its buffers. The folded text starts
    /// with a space (mapped to offset 0), so aliases can be matched as " alias".
    pub fn fill(&mut self, original: &str) {
        let src = original.as_bytes();
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        // Both buffers are written by index, then cut to the folded length: at least
        // one slot per byte still to read (a folded byte never takes more than one
        // byte of ASCII; a longer folded character grows them first).
        bytes.clear();
        bytes.resize(src.len() + 1, b' ');
        self.map.clear();
        self.map.resize(src.len() + 1, 0);
        let mut n = 1;
        let mut at = 0;
        // Whether the last folded byte is a space (no multi-byte character ends in one).
        let mut after_space = true;
        while at < src.len() {
            let b = src[at];
            if b.is_ascii() {
                let f = FOLD_ASCII[usize::from(b)];
                // Written always, kept only when it is not a second separator.
                let keep = f != b' ' || !after_space;
                bytes[n] = f;
                self.map[n] = offset(at);
                n += usize::from(keep);
                after_space = f == b' ';
                at += 1;
                continue;
            }
            let c = original[at..].chars().next().unwrap_or(' ');
            let f = fold_gazetteer_char(c);
            if f != ' ' || !after_space {
                let mut buf = [0u8; 4];
                let enc = f.encode_utf8(&mut buf).as_bytes();
                let need = n + enc.len() + (src.len() - at);
                if need > bytes.len() {
                    bytes.resize(need, b' ');
                    self.map.resize(need, 0);
                }
                bytes[n..n + enc.len()].copy_from_slice(enc);
                self.map[n..n + enc.len()].fill(offset(at));
                n += enc.len();
                after_space = f == ' ';
            }
            at += c.len_utf8();
        }
        bytes.truncate(n);
        self.map.truncate(n);
        self.map.push(offset(original.len()));
        // Only whole characters were kept, so the bytes are UTF-8.
        self.text = String::from_utf8(bytes).unwrap_or_default();
    }

    /// The original byte range of the folded range `start..end`. A separator run
    /// keeps its first byte, so the byte after a match maps to the name's end.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map.get(start).map_or(0, |&o| o as usize);
        let e = self.map.get(end).map_or(s, |&o| o as usize);
        (s, e.max(s))
    }
}

/// A byte offset as stored in the map (fields are far below 4 GiB; larger ones saturate).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The folding written plainly, character by character (ASCII by its table, as
    /// `fill` has always folded it): what `fill` must equal.
    fn plain(original: &str) -> (String, Vec<u32>) {
        let mut text = String::from(" ");
        let mut map = vec![0];
        for (at, c) in original.char_indices() {
            let f = match u8::try_from(c) {
                Ok(b) if b.is_ascii() => char::from(FOLD_ASCII[usize::from(b)]),
                _ => fold_gazetteer_char(c),
            };
            if f != ' ' || !text.ends_with(' ') {
                text.push(f);
                map.extend(std::iter::repeat_n(offset(at), f.len_utf8()));
            }
        }
        map.push(offset(original.len()));
        (text, map)
    }

    proptest! {
        #[test]
        fn fill_equals_the_plain_folding(s in "[a-zA-Z0-9 .,'&+()\\-–—’\u{a0}\n]{0,40}|\\PC{0,40}|(Hà Nội|ǅ|İ|ẞ|ﬁ|Việt Nam’s|x|  |.){0,12}") {
            let mut f = Folded::default();
            f.fill("a longer text first, so that buffers are reused");
            f.fill(&s);
            let (text, map) = plain(&s);
            prop_assert_eq!(&f.text, &text);
            prop_assert_eq!(&f.map, &map);
        }
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let mut f = Folded::default();
        let s = "in Hà Nội’s centre";
        f.fill(s);
        assert_eq!(f.text, " in ha noi's centre");
        let at = f.text.find("ha noi").unwrap_or(0);
        let (a, b) = f.original(at, at + "ha noi".len());
        assert_eq!(&s[a..b], "Hà Nội");
        let s = "the (U.N.) staff";
        f.fill(s);
        assert_eq!(f.text, " the u.n. staff");
        let at = f.text.find("u.n.").unwrap_or(0);
        let (a, b) = f.original(at, at + 4);
        assert_eq!(&s[a..b], "U.N.");
    }
}
