//! A folded copy of a text (lower case, no diacritics, plain quotes and dashes) with a
//! map back to the original byte offsets, so gazetteer matches land on the original text.

use crate::model::text::fold_char;

/// Folds one character the way gazetteer matching sees it.
pub fn fold_match_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        '–' | '—' | '‑' | '−' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => fold_char(c),
    }
}

/// Folds a whole string for matching (no offset map).
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_match_char).collect()
}

/// A folded text and, per folded byte, the original byte offset of its character.
#[derive(Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original offset of folded byte `i`; `map[text.len()]` is the
    /// original length.
    pub map: Vec<usize>,
}

impl Folded {
    /// Refills `self` from `original`, reusing its buffers.
    pub fn fill(&mut self, original: &str) {
        self.text.clear();
        self.map.clear();
        for (i, c) in original.char_indices() {
            let f = fold_match_char(c);
            self.text.push(f);
            self.map.extend(std::iter::repeat_n(i, f.len_utf8()));
        }
        self.map.push(original.len());
    }

    /// The original byte range of the folded range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.map.get(start).copied().unwrap_or(0);
        let e = self.map.get(end).copied().unwrap_or(s);
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_original_offsets() {
        let mut f = Folded::default();
        let s = "in Hà Nội’s centre";
        f.fill(s);
        assert_eq!(f.text, "in ha noi's centre");
        let at = f.text.find("ha noi").unwrap_or(0);
        let (a, b) = f.original(at, at + "ha noi".len());
        assert_eq!(&s[a..b], "Hà Nội");
    }
}
