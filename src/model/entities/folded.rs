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

/// Folds one character for the gazetteer automaton: as [`fold_match_char`], and
/// every separator except the ones names contain (. ' + &) becomes a space, so
/// that a name always follows a space.
pub fn fold_gazetteer_char(c: char) -> char {
    match fold_match_char(c) {
        c if c.is_alphanumeric() || matches!(c, '.' | '\'' | '+' | '&') => c,
        _ => ' ',
    }
}

/// Folds a gazetteer alias: a leading space, then its folded characters.
pub fn fold_str(s: &str) -> String {
    std::iter::once(' ')
        .chain(s.chars().map(fold_gazetteer_char))
        .collect()
}

/// A folded text and, per folded byte, the original byte offset of its character.
#[derive(Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original offset of folded byte `i`; `map[text.len()]` is the
    /// original length. Empty when the original is ASCII: then folded byte `i` is
    /// original byte `i - 1` (after the leading space).
    pub map: Vec<u32>,
}

impl Folded {
    /// Refills `self` from `original`, reusing its buffers. The folded text starts
    /// with a space (mapped to offset 0), so aliases can be matched as " alias".
    pub fn fill(&mut self, original: &str) {
        self.text.clear();
        self.map.clear();
        self.text.push(' ');
        if original.is_ascii() {
            // One byte per byte: no map needed.
            self.text.extend(original.bytes().map(|b| {
                if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'+' | b'&') {
                    b.to_ascii_lowercase() as char
                } else {
                    ' '
                }
            }));
            return;
        }
        self.map.push(0);
        let mut rest = original;
        let mut at = 0;
        while !rest.is_empty() {
            // ASCII runs are folded byte by byte; other characters one at a time.
            let ascii = rest.bytes().take_while(u8::is_ascii).count();
            for (k, b) in rest.as_bytes()[..ascii].iter().enumerate() {
                let f = if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'\'' | b'+' | b'&') {
                    b.to_ascii_lowercase()
                } else {
                    b' '
                };
                self.text.push(f as char);
                self.map.push(offset(at + k));
            }
            at += ascii;
            rest = &rest[ascii..];
            if let Some(c) = rest.chars().next() {
                let f = fold_gazetteer_char(c);
                self.text.push(f);
                self.map
                    .extend(std::iter::repeat_n(offset(at), f.len_utf8()));
                at += c.len_utf8();
                rest = &rest[c.len_utf8()..];
            }
        }
        self.map.push(offset(original.len()));
    }

    /// The original byte range of the folded range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.map.is_empty() {
            return (start.saturating_sub(1), end.saturating_sub(1));
        }
        let s = self.map.get(start).map_or(0, |&o| o as usize);
        let e = self.map.get(end).map_or(s, |&o| o as usize);
        (s, e)
    }
}

/// A byte offset as stored in the map (fields are far below 4 GiB; larger ones saturate).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(f.text, " the  u.n.  staff");
        let at = f.text.find("u.n.").unwrap_or(0);
        let (a, b) = f.original(at, at + 4);
        assert_eq!(&s[a..b], "U.N.");
    }
}
