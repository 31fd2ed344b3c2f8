//! Acronym definitions: "Full Name (ACR)". The full name is the shortest run of
//! capitalised words before the bracket whose initials spell the acronym.

use super::CAP;
use regex::Regex;
use std::sync::OnceLock;

/// One definition found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// Byte range of the full name.
    pub full: (usize, usize),
    /// Byte range of the acronym (inside the brackets).
    pub acronym: (usize, usize),
}

fn regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        super::build_regex(&format!(
            r"(?P<full>{CAP}(?:\s+(?:{CAP}|of|for|on|and|the|in))*)\s+\((?P<acr>[A-Z][A-Za-z&+\-]{{1,9}})\)$"
        ))
        .expect("acronym regex is valid")
    })
}

/// How far before a bracket a full name may start, in bytes.
const WINDOW: usize = 240;

/// Acronym definitions in `text`. The pattern runs only on the window that ends at each
/// bracketed capital ("(CMC)"), so text without one costs one byte scan.
pub fn find(text: &str, out: &mut Vec<Definition>) {
    let bytes = text.as_bytes();
    for open in memchr::memchr_iter(b'(', bytes) {
        if !bytes.get(open + 1).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let Some(close) = bytes[open..].iter().take(12).position(|&b| b == b')') else {
            continue;
        };
        let end = open + close + 1;
        let mut from = open.saturating_sub(WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        // Start at a word: after the first space of the window.
        if from > 0 {
            from = text[from..open].find(' ').map_or(open, |i| from + i + 1);
        }
        define(text, from, end, out);
    }
}

/// The definition whose bracket ends the window `from..end`, if any.
fn define(text: &str, from: usize, end: usize, out: &mut Vec<Definition>) {
    let window = &text[from..end];
    if let Some(m) = regex().captures(window) {
        let (Some(full), Some(acr)) = (m.name("full"), m.name("acr")) else {
            return;
        };
        let shift = |r: std::ops::Range<usize>| (from + r.start)..(from + r.end);
        let (full_range, acr_range) = (shift(full.range()), shift(acr.range()));
        let (full, acr) = (&text[full_range.clone()], &text[acr_range.clone()]);
        if acr.chars().filter(char::is_ascii_uppercase).count() < 2 {
            return;
        }
        if let Some(offset) = best_start(full, acr) {
            out.push(Definition {
                full: (full_range.start + offset, full_range.end),
                acronym: (acr_range.start, acr_range.end),
            });
        }
    }
}

/// Where the full name starts: the longest suffix whose capitalised initials spell
/// the acronym exactly, else the shortest whose capitals contain it in order.
fn best_start(full: &str, acr: &str) -> Option<usize> {
    let letters: Vec<char> = acr.chars().filter(char::is_ascii_uppercase).collect();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(full.match_indices(char::is_whitespace).map(|(i, _)| i + 1))
        .filter(|&i| full[i..].starts_with(char::is_uppercase))
        .collect();
    let initials = |s: &str| -> Vec<char> {
        s.split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect()
    };
    if let Some(&s) = starts.iter().find(|&&s| initials(&full[s..]) == letters) {
        return Some(s);
    }
    starts.iter().rev().copied().find(|&s| {
        let mut want = letters.iter().peekable();
        if full[s..].chars().next() != letters.first().copied() {
            return false;
        }
        for c in full[s..].chars() {
            if want.peek() == Some(&&c) {
                want.next();
            }
        }
        want.peek().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|d| {
                (
                    text[d.full.0..d.full.1].to_owned(),
                    text[d.acronym.0..d.acronym.1].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_the_full_name() {
        assert_eq!(
            defs("advising the Central Military Commission (CMC) and"),
            [("Central Military Commission".into(), "CMC".into())]
        );
        assert_eq!(
            defs("the Voice of Vietnam and the Vietnam News Agency (VNA) in"),
            [("Vietnam News Agency".into(), "VNA".into())]
        );
        assert_eq!(
            defs("the ASEAN Defence Ministers’ Meeting (ADMM) and"),
            [("ASEAN Defence Ministers’ Meeting".into(), "ADMM".into())]
        );
        assert_eq!(
            defs("the United Nations Interim Security Force for Abyei (UNISFA)")[0].1,
            "UNISFA"
        );
    }

    #[test]
    fn rejects_non_definitions() {
        assert!(defs("Hanoi (VNA) – The Ministry").is_empty());
        assert!(defs("Luong Cuong (in black suit)").is_empty());
    }
}
