//! Sittings of a numbered body ("the fifth plenum of the 13th Party Central Committee",
//! "the 9th session of the 15th National Assembly") and named years ("the Vietnam–Laos
//! Friendship and Solidarity Year 2027", "Vietnam-Cambodia, Cambodia-Vietnam Friendship
//! Year"), as events.

use super::super::candidate::Candidate;
use super::triggers::{Any, Hits};
use super::{CAP, ORDINAL, PLAIN_CAP, parse_ordinal, run_start, skip_leading};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

/// Words of a named year's name that make it a celebration year without a number.
const YEAR_WORDS: &[&str] = &[
    "Friendship",
    "Solidarity",
    "Cooperation",
    "Exchange",
    "Culture",
    "Tourism",
];

struct Compiled {
    sitting: Regex,
    year_word: memchr::memmem::Finder<'static>,
    year: Regex,
    pair: Regex,
}

/// Builds the patterns now (see `entities::prepare`).
pub(super) fn prepare() {
    compiled();
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        year_word: memchr::memmem::Finder::new("Year"),
        sitting: super::build_regex(&format!(
            r"(?-u:\b)(?P<ord>{ORDINAL})\s+(?P<what>(?i:plenum|plenary session|plenary meeting|extraordinary session|session|congress))\s+of\s+the\s+(?P<body>(?:{ORDINAL})\s+(?:{CAP}\s+){{0,4}}(?:Committee|Assembly|Congress|Council|Commission))(?-u:\b)"
        ))
        .expect("sitting regex is valid"),
        year: super::build_regex(r"^Year(?:\s+(?P<y>(?:19|20)\d\d)(?-u:\b))?")
            .expect("year regex is valid"),
        pair: super::build_regex(&format!(r"{PLAIN_CAP}\s*[-–—]\s*{PLAIN_CAP},\s+$"))
            .expect("pair regex is valid"),
    })
}

/// Sitting and named-year candidates in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Sitting and named-year candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let c = compiled();
    if hits.any(Any::Sitting) {
        sittings(text, c, out);
    }
    let mut at = 0;
    while let Some(i) = c.year_word.find(&text.as_bytes()[at..]) {
        let head = at + i;
        at = head + 4;
        let Some(m) = c.year.captures(&text[head..]) else {
            continue;
        };
        let end = head + m.get(0).map_or(4, |x| x.end());
        let year = m.name("y").and_then(|y| y.as_str().parse().ok());
        let mut start = run_start(text, head, 10, true);
        // "A-B, B-A Friendship Year": the mirrored pair opens the name.
        let from = window_start(text, start);
        if let Some(p) = c.pair.find(&text[from..start]) {
            start = from + p.start();
        }
        let start = start + skip_leading(&text[start..head]);
        let words = &text[start..head];
        let mut parts = words.split([' ', '-', '–', ',']).filter(|w| !w.is_empty());
        let named = parts.clone().any(|w| YEAR_WORDS.contains(&w))
            && parts.any(|w| !YEAR_WORDS.contains(&w) && w != "and" && w != "of");
        if start >= head || !(named || year.is_some() && words.contains(' ')) {
            continue;
        }
        let name_of: &str = &text[start..end];
        if !name_of.contains(char::is_whitespace) || !name_of.starts_with(char::is_uppercase) {
            continue;
        }
        let mut cand = Candidate::new(EntityKind::Event, start, end, name_of);
        cand.ordinal = year;
        cand.series = year.map(|_| text[start..head + 4].to_owned());
        out.push(cand);
        at = end;
    }
}

/// "the 5th plenum of the 13th Party Central Committee".
fn sittings(text: &str, c: &Compiled, out: &mut Vec<Candidate>) {
    for m in c.sitting.captures_iter(text) {
        let (Some(ord), Some(what), Some(body), Some(all)) =
            (m.name("ord"), m.name("what"), m.name("body"), m.get(0))
        else {
            continue;
        };
        let mut cand = Candidate::new(
            EntityKind::Event,
            ord.start(),
            all.end(),
            &text[ord.start()..all.end()],
        );
        cand.ordinal = parse_ordinal(ord.as_str());
        cand.series = Some(format!(
            "{} of the {}",
            what.as_str().to_lowercase(),
            body.as_str()
        ));
        out.push(cand);
    }
}

/// The start of a window of about 60 bytes that ends at `at`, on a char boundary.
fn window_start(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, Option<u32>)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|c| (c.name, c.ordinal)).collect()
    }

    #[test]
    fn sittings_of_numbered_bodies() {
        assert_eq!(
            events("adopted at the eighth plenum of the 14th Party Central Committee in"),
            [(
                "eighth plenum of the 14th Party Central Committee".into(),
                Some(8)
            )]
        );
        assert_eq!(
            events("during the 10th session of the 16th National Assembly,")[0].1,
            Some(10)
        );
    }

    #[test]
    fn named_years() {
        assert_eq!(
            events("as the two sides mark the Vietnam–Laos Friendship and Solidarity Year 2027."),
            [(
                "Vietnam–Laos Friendship and Solidarity Year 2027".into(),
                Some(2027)
            )]
        );
        assert_eq!(
            events("in the Laos-Vietnam, Vietnam-Laos Friendship Year, the"),
            [("Laos-Vietnam, Vietnam-Laos Friendship Year".into(), None)]
        );
        assert!(events("Last Year the ministry; in the New Year").is_empty());
        assert!(events("2026 is their Friendship Year").is_empty());
    }
}
