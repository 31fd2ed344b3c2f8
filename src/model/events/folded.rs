//! Folding text char by char for matching cue phrases: a fold whose char indices
//! match the source's, and a field's fold from which each sentence's is a slice.

use crate::model::text::fold_char;
use std::sync::OnceLock;

/// Folds char by char, so char indices of the result match those of `s`.
pub(super) fn fold_chars(s: &str) -> String {
    let mut out = String::new();
    fold_chars_into(s, &mut out);
    out
}

/// [`fold_chars`] into `out` (cleared first), so a loop can reuse one buffer.
pub(super) fn fold_chars_into(s: &str, out: &mut String) {
    out.clear();
    fold_pieces(s, |piece, folded| push_fold(out, piece, folded));
}

/// Walks `s` as runs of ASCII and single other chars, calling `piece(run, None)` for
/// a run and `piece(char, Some(its fold))` for a char. Texts of the beat are ASCII
/// with a name or a dash here and there: a run is copied and lower-cased at once,
/// where a char at a time cost a decode and an encode per char.
fn fold_pieces(s: &str, mut piece: impl FnMut(&str, Option<char>)) {
    let mut rest = s;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, tail) = rest.split_at(run);
        if !ascii.is_empty() {
            piece(ascii, None);
        }
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        piece(&tail[..c.len_utf8()], Some(fold_fast(c)));
    }
}

/// Appends one piece of [`fold_pieces`] to `out`, folded.
fn push_fold(out: &mut String, piece: &str, folded: Option<char>) {
    match folded {
        Some(c) => out.push(c),
        None => {
            let from = out.len();
            out.push_str(piece);
            if let Some(run) = out.get_mut(from..) {
                run.make_ascii_lowercase();
            }
        }
    }
}

/// [`fold_char`], with its answers for the Latin letters (Latin-1 to Latin Extended-B,
/// and Latin Extended Additional, which holds Vietnamese's letters) read from a table
/// made from it once: the beat's texts are full of them, and folding one decomposes it.
fn fold_fast(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let i = c as usize;
    let folds = latin_folds();
    let known = match i {
        0x80..0x250 => folds.get(i - 0x80),
        0x1E00..0x1F00 => folds.get(i - 0x1E00 + 0x1D0),
        _ => None,
    };
    known.copied().unwrap_or_else(|| fold_char(c))
}

/// `fold_char` of U+0080..U+0250, then of U+1E00..U+1F00 (every one a char).
fn latin_folds() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x250u32)
            .chain(0x1E00..0x1F00)
            .map(|u| char::from_u32(u).map_or(char::REPLACEMENT_CHARACTER, fold_char))
            .collect()
    })
}

/// A text folded char by char, as [`fold_chars`] folds, with the folded offset of each
/// of its chars: the fold of any sentence of the text is then a slice of one fold,
/// instead of a fold of its own.
#[derive(Default)]
pub(super) struct FoldedText {
    text: String,
    /// True when the source is ASCII, whose offsets do not change in folding.
    ascii: bool,
    /// `at[i]`: where the char starting at byte `i` of the source starts in `text`, and
    /// `at[len]` its end. Empty for an ASCII source, and until [`FoldedText::index`].
    at: Vec<usize>,
}

impl FoldedText {
    /// Folds `source` and maps its offsets, replacing what was held.
    pub(super) fn fill(&mut self, source: &str) {
        self.at.clear();
        self.text.clear();
        self.ascii = source.is_ascii();
        if self.ascii {
            push_fold(&mut self.text, source, None);
            return;
        }
        // Folded and mapped in one walk.
        let (text, at) = (&mut self.text, &mut self.at);
        at.reserve(source.len() + 1);
        fold_pieces(source, |piece, folded| {
            map_piece(at, text.len(), piece, folded);
            push_fold(text, piece, folded);
        });
        at.push(text.len());
    }

    /// Folds `source`, replacing what was held; its offsets are mapped by
    /// [`FoldedText::index`], so a text ruled out on its fold costs no map.
    pub(super) fn fold(&mut self, source: &str) {
        self.at.clear();
        self.ascii = source.is_ascii();
        fold_chars_into(source, &mut self.text);
    }

    /// Maps the offsets of `source`, the text last folded, for [`FoldedText::slice`].
    pub(super) fn index(&mut self, source: &str) {
        if self.ascii || !self.at.is_empty() {
            return;
        }
        self.at.reserve(source.len() + 1);
        let mut end = 0;
        let at = &mut self.at;
        fold_pieces(source, |piece, folded| {
            map_piece(at, end, piece, folded);
            end += folded.map_or(piece.len(), char::len_utf8);
        });
        at.push(end);
    }

    /// The whole folded text.
    pub(super) fn as_str(&self) -> &str {
        &self.text
    }

    /// The fold of the source's byte range `range` (char boundaries), as
    /// `fold_chars(&source[range.0..range.1])` would give it.
    pub(super) fn slice(&self, range: (usize, usize)) -> &str {
        let at = |i: usize| {
            if self.ascii {
                Some(i)
            } else {
                self.at.get(i).copied()
            }
        };
        at(range.0)
            .zip(at(range.1))
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }
}

/// Appends to `at` the folded offsets of the bytes of one piece of [`fold_pieces`],
/// whose fold starts at `from`: an ASCII run's bytes keep their spacing, and every
/// byte of a char maps to its start (only the first is a boundary).
fn map_piece(at: &mut Vec<usize>, from: usize, piece: &str, folded: Option<char>) {
    match folded {
        Some(_) => at.extend(std::iter::repeat_n(from, piece.len())),
        None => at.extend(from..from + piece.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::events::sentences::char_index;

    #[test]
    fn folds_into_a_reused_buffer() {
        let mut buf = String::from("stale");
        fold_chars_into("Chiến ĐÀ", &mut buf);
        assert_eq!(buf, "chien da");
        fold_chars_into("ASCII Only", &mut buf);
        assert_eq!(buf, "ascii only");
    }

    #[test]
    fn a_sentence_folds_as_a_slice_of_its_text() {
        let mut f = FoldedText::default();
        for t in [
            "Đại tá Chiến spoke. The ĐỒNG exchange – held in Huế. Done.",
            "Plain ASCII. Two Sentences.",
            "",
        ] {
            f.fill(t);
            assert_eq!(f.as_str(), fold_chars(t));
            for (a, b) in crate::model::sentence::split(t) {
                assert_eq!(f.slice((a, b)), fold_chars(&t[a..b]), "{t:?} {a}..{b}");
            }
            assert_eq!(f.slice((0, t.len())), fold_chars(t));
        }
        f.fill("Huế");
        assert_eq!(f.slice((0, 99)), "");
        // Folded but not yet indexed: no slice, rather than a wrong one.
        f.fold("Đà Lạt. Huế.");
        assert_eq!(f.as_str(), "da lat. hue.");
        assert_eq!(f.slice((0, 4)), "");
        f.index("Đà Lạt. Huế.");
        assert_eq!(f.slice((0, 4)), "da");
        assert_eq!(char_index("Chiến x", "Chiến".len()), 5);
        assert_eq!(fold_chars("Chiến").chars().count(), 5);
    }

    /// The offsets map as defined: every byte of a char at its fold's start.
    fn map_by_chars(s: &str) -> Vec<usize> {
        let mut at = Vec::new();
        let mut end = 0;
        for c in s.chars() {
            at.extend(std::iter::repeat_n(end, c.len_utf8()));
            end += fold_fast(c).len_utf8();
        }
        at.push(end);
        at
    }

    proptest::proptest! {
        #[test]
        fn runs_fold_and_map_as_chars_do(s in "(Ab|ĐỒ|Huế|ệ|x|\\.| |–|’|中|𝔸){0,12}") {
            let want: String = s.chars().map(fold_fast).collect();
            let mut got = String::from("stale");
            fold_chars_into(&s, &mut got);
            proptest::prop_assert_eq!(&got, &want);
            let mut f = FoldedText::default();
            f.fill(&s);
            proptest::prop_assert_eq!(f.as_str(), want.as_str());
            let map = if s.is_ascii() { Vec::new() } else { map_by_chars(&s) };
            proptest::prop_assert_eq!(&f.at, &map);
            f.fold(&s);
            f.index(&s);
            proptest::prop_assert_eq!(&f.at, &map);
        }
    }

    #[test]
    fn the_table_folds_as_fold_char_does() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(fold_fast(c), fold_char(c), "{c:?} U+{:04X}", c as u32);
        }
        assert_eq!(fold_fast('Ệ'), 'e');
        assert_eq!(fold_fast('ư'), 'u');
    }
}
