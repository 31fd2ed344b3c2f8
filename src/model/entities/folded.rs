//! A folded copy of a text (lower case, no diacritics, plain quotes and dashes) with a
//! map back to the original byte offsets, so gazetteer matches land on the original text.

use super::ascii::{HIGH, ONES, ascii_end, at_least, equal, word};
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

/// A word folded for lookups: lower case, no diacritics, plain quotes.
pub fn fold_word(word: &str) -> String {
    word.chars().map(fold_match_char).collect()
}

/// [`fold_word`] into a reused buffer (a lookup per word must not allocate).
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().map(fold_match_char));
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

/// A folded text and a map back to the original byte offsets.
#[derive(Debug, Default)]
pub struct Folded {
    /// The folded text: a leading space, then the folded characters, each run of
    /// separators one space.
    pub text: String,
    /// Where the distance between folded and original offsets changes: `(folded,
    /// original)` pairs, ascending. Folded byte `i` comes from original offset
    /// `o + (i - f)` of the last pair `(f, o)` with `f <= i`. Most bytes are folded one
    /// for one, so a pair is kept only after a dropped separator or a character whose
    /// folded length differs (every byte of a longer folded character maps to its start).
    anchors: Vec<(usize, usize)>,
    /// The offsets of the spaces of `text`, ascending: noted while folding, so that
    /// the gazetteer, which starts a walk at each, need not look for them again.
    pub spaces: Vec<usize>,
    /// The original length, which the folded length maps to.
    len: usize,
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

/// Where the folding of one text stands.
struct Run<'a> {
    /// The folded bytes, room for one per original byte still to read.
    out: &'a mut Vec<u8>,
    /// How many folded bytes are written.
    n: usize,
    /// Whether the last folded byte is a separator.
    after_space: bool,
    /// Whether a byte was dropped or folded to another length since the last pair.
    moved: bool,
    anchors: &'a mut Vec<(usize, usize)>,
    /// Where the folded spaces are written.
    spaces: &'a mut Vec<usize>,
}

impl Run<'_> {
    /// Folds the ASCII bytes `src` found at original offset `base`. Eight bytes at a
    /// time when none of them is dropped (a second separator): letters lower-cased
    /// and separators made spaces at once, the distance of offsets unchanged.
    fn ascii(&mut self, src: &[u8], base: usize) {
        let mut i = 0;
        while let Some(chunk) = src.get(i..i + 8) {
            let w = word(chunk);
            let lower = w | (ONES * 0x20);
            let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
            let kept = letter
                | (at_least(w, b'0') & !at_least(w, b'9' + 1))
                | equal(w, b'.')
                | equal(w, b'\'')
                | equal(w, b'+')
                | equal(w, b'&');
            let sep = !kept & HIGH;
            let drops = (sep & (sep << 8)) != 0 || (self.after_space && (sep & 0x80) != 0);
            if drops || self.out.len() < self.n + 8 {
                self.bytes(chunk, base + i);
            } else {
                if self.moved {
                    self.anchors.push((self.n, base + i));
                    self.moved = false;
                }
                let spaces = (sep >> 7) * 0xff;
                let folded = ((w | (letter >> 2)) & !spaces) | (sep >> 2);
                self.out[self.n..self.n + 8].copy_from_slice(&folded.to_le_bytes());
                let mut left = sep;
                while left != 0 {
                    self.spaces
                        .push(self.n + (left.trailing_zeros() / 8) as usize);
                    left &= left - 1;
                }
                self.n += 8;
                self.after_space = sep >> 63 != 0;
            }
            i += 8;
        }
        self.bytes(src.get(i..).unwrap_or_default(), base + i);
    }

    /// Folds the ASCII bytes `src` found at original offset `base`, one by one.
    fn bytes(&mut self, src: &[u8], base: usize) {
        for (i, &b) in src.iter().enumerate() {
            let f = FOLD_ASCII[usize::from(b & 0x7f)];
            let sep = f == b' ';
            if sep && self.after_space {
                self.moved = true;
                continue;
            }
            self.put(f, base + i);
            self.after_space = sep;
        }
    }

    /// Writes folded byte `f` of the character at original offset `at`.
    fn put(&mut self, f: u8, at: usize) {
        if self.moved {
            self.anchors.push((self.n, at));
            self.moved = false;
        }
        if self.n >= self.out.len() {
            self.out.resize(self.n + 1, b' ');
        }
        if f == b' ' {
            self.spaces.push(self.n);
        }
        self.out[self.n] = f;
        self.n += 1;
    }

    /// Folds the non-ASCII character `c` at original offset `at`: every byte of its
    /// folded form maps to `at`.
    fn char(&mut self, c: char, at: usize) {
        let f = fold_gazetteer_char(c);
        if f != ' ' || !self.after_space {
            let mut buf = [0u8; 4];
            for &byte in f.encode_utf8(&mut buf).as_bytes() {
                self.moved = true;
                self.put(byte, at);
            }
            self.after_space = f == ' ';
        }
        self.moved = true;
    }
}

impl Folded {
    /// Refills `self` from `original`, reusing its buffers. The folded text starts
    /// with a space (mapped to offset 0), so aliases can be matched as " alias".
    pub fn fill(&mut self, original: &str) {
        let src = original.as_bytes();
        let mut out = std::mem::take(&mut self.text).into_bytes();
        out.clear();
        // A folded byte per original byte, written in place (a longer folded
        // character grows it), then cut to the folded length.
        out.resize(src.len() + 1, b' ');
        self.anchors.clear();
        self.anchors.push((0, 0));
        self.spaces.clear();
        self.spaces.push(0);
        let mut run = Run {
            out: &mut out,
            n: 1,
            after_space: true,
            moved: true,
            anchors: &mut self.anchors,
            spaces: &mut self.spaces,
        };
        let mut at = 0;
        while at < src.len() {
            let end = ascii_end(src, at);
            run.ascii(&src[at..end], at);
            at = end;
            let Some(c) = original.get(at..).and_then(|r| r.chars().next()) else {
                break;
            };
            run.char(c, at);
            at += c.len_utf8();
            // Room again for a folded byte per original byte still to read.
            let need = run.n + (src.len() - at) + 1;
            if run.out.len() < need {
                run.out.resize(need, b' ');
            }
        }
        let n = run.n;
        out.truncate(n);
        self.len = src.len();
        // Only whole characters were kept, so the bytes are UTF-8.
        self.text = String::from_utf8(out).unwrap_or_default();
    }

    /// The original offset of folded byte `i` (the original length for the folded
    /// length); `None` past the end.
    fn offset(&self, i: usize) -> Option<usize> {
        if i >= self.text.len() {
            return (i == self.text.len()).then_some(self.len);
        }
        let k = self.anchors.partition_point(|a| a.0 <= i);
        let (f, o) = self
            .anchors
            .get(k.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        Some(o + (i - f))
    }

    /// The original byte range of the folded range `start..end`. A separator run
    /// keeps its first byte, so the byte after a match maps to the name's end.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.offset(start).unwrap_or(0);
        let e = self.offset(end).unwrap_or(s);
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The folding written plainly, character by character (ASCII by its table, as
    /// `fill` has always folded it): what `fill` must equal.
    fn plain(original: &str) -> (String, Vec<usize>) {
        let mut text = String::from(" ");
        let mut map = vec![0];
        for (at, c) in original.char_indices() {
            let f = match u8::try_from(c) {
                Ok(b) if b.is_ascii() => char::from(FOLD_ASCII[usize::from(b)]),
                _ => fold_gazetteer_char(c),
            };
            if f != ' ' || !text.ends_with(' ') {
                text.push(f);
                map.extend(std::iter::repeat_n(at, f.len_utf8()));
            }
        }
        map.push(original.len());
        (text, map)
    }

    proptest! {
        #[test]
        fn fill_equals_the_plain_folding(s in "[a-zA-Z0-9 .,'&+()\\-–—’\u{a0}\n]{0,80}|\\PC{0,40}|(Hà Nội|ǅ|İ|ẞ|ﬁ|Việt Nam’s|x|  |.){0,12}") {
            let mut f = Folded::default();
            f.fill("a longer text first, so that buffers are reused");
            f.fill(&s);
            let (text, map) = plain(&s);
            prop_assert_eq!(&f.text, &text);
            let spaces: Vec<usize> = memchr::memchr_iter(b' ', text.as_bytes()).collect();
            prop_assert_eq!(&f.spaces, &spaces);
            let offsets: Vec<usize> = (0..=f.text.len()).filter_map(|i| f.offset(i)).collect();
            prop_assert_eq!(&offsets, &map);
            prop_assert_eq!(f.offset(f.text.len() + 1), None);
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
