//! Acronym definitions: "Full Name (ACR)". The full name is the shortest run of
//! capitalised words before the bracket whose initials spell the acronym.

use super::shape::cap_end;

/// One definition found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// Byte range of the full name.
    pub full: (usize, usize),
    /// Byte range of the acronym (inside the brackets).
    pub acronym: (usize, usize),
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
    if let Some((full, acr)) = parse(window) {
        let shift = |r: (usize, usize)| (from + r.0)..(from + r.1);
        let (full_range, acr_range) = (shift(full), shift(acr));
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

/// The full name and the acronym of a window that ends with a bracketed acronym, as
/// the regex `(?P<full>CAP(?:\s+(?:CAP|of|for|on|and|the|in))*)\s+\((?P<acr>[A-Z][A-Za-z&+\-]{1,9})\)$`
/// finds them ([`super::CAP`]): the name ends at the space before the bracket and
/// starts as early as it can, at a capitalised word (or the capitalised end of a
/// longer token) followed only by capitalised words and connectors.
fn parse(window: &str) -> Option<((usize, usize), (usize, usize))> {
    let inner = window.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let acr = &inner.as_bytes()[open + 1..];
    let acr_ok = (2..=10).contains(&acr.len())
        && acr[0].is_ascii_uppercase()
        && acr[1..]
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || matches!(b, b'&' | b'+' | b'-'));
    let name_end = inner[..open].trim_end_matches(char::is_whitespace).len();
    if !acr_ok || name_end == open {
        return None;
    }
    let mut start = None;
    let mut end = name_end;
    while end > 0 {
        let token_start = window[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let token = &window[token_start..end];
        if cap_end(window, token_start) == Some(end) {
            start = Some(token_start);
        } else if !matches!(token, "of" | "for" | "on" | "and" | "the" | "in") {
            // The name may still start inside this token, and no earlier.
            if let Some(s) = token
                .char_indices()
                .map(|(i, _)| token_start + i)
                .find(|&i| cap_end(window, i) == Some(end))
            {
                start = Some(s);
            }
            break;
        }
        end = window[..token_start]
            .trim_end_matches(char::is_whitespace)
            .len();
    }
    Some(((start?, name_end), (open + 1, inner.len())))
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
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// The pattern as the regex it was written as: what `parse` must find.
    static REGEX: LazyLock<regex::Regex> = LazyLock::new(|| {
        let cap = super::super::CAP;
        regex::Regex::new(&format!(
            r"(?P<full>{cap}(?:\s+(?:{cap}|of|for|on|and|the|in))*)\s+\((?P<acr>[A-Z][A-Za-z&+\-]{{1,9}})\)$"
        ))
        .unwrap()
    });

    fn check(window: &str) {
        let want = REGEX.captures(window).map(|m| {
            let (f, a) = (&m["full"], m.name("acr").unwrap());
            let full = m.name("full").unwrap();
            assert_eq!(f, &window[full.range()]);
            ((full.start(), full.end()), (a.start(), a.end()))
        });
        assert_eq!(parse(window), want, "{window:?}");
    }

    const PIECES: &[&str] = &[
        "Central",
        "Military",
        "Commission",
        "People’s",
        "Ministers’",
        "Level-2",
        "Đà",
        "of",
        "for",
        "on",
        "and",
        "the",
        "in",
        "x",
        "xY",
        "(Foo",
        "Abc,",
        " ",
        " ",
        "  ",
        "\u{a0}",
    ];
    const TAILS: &[&str] = &[
        " (CMC)",
        " (VNA)",
        "(CMC)",
        " (C)",
        " (A-B&C+d)",
        " (ABCDEFGHIJK)",
        " (cMC)",
        " (A(BC)",
        "  (UNISFA)",
        " (AĐ)",
    ];

    proptest! {
        #[test]
        fn the_parse_is_the_regex_match(
            picks in proptest::collection::vec(proptest::sample::select(PIECES), 0..16),
            tail in proptest::sample::select(TAILS),
        ) {
            let spaced: String = picks.iter().flat_map(|p| [*p, " "]).collect();
            check(&format!("{}{tail}", picks.concat()));
            check(&format!("{}{tail}", spaced.trim_end()));
        }
    }

    #[test]
    fn the_parse_on_made_up_windows() {
        for w in [
            "the Voice of Vietnam and the Vietnam News Agency (VNA)",
            "said (the)Foo Bar of the Sea (FBS)",
            "Committee for Culture and the in of (CC)",
            "of the (OT)",
            " (AB)",
            "Hanoi(VNA)",
        ] {
            check(w);
        }
    }

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
