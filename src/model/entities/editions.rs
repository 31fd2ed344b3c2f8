//! Editions of a named event, read around its name: "the 8th Moscow Conference on
//! International Security", "the 22nd edition of the Shangri-La Dialogue", "the 2019
//! Shangri-La Dialogue", "Vietnam International Defence Expo 2024", "ADMM-14". The
//! edition becomes the ordinal (a year counts as one) and the bare name the series, so
//! the long and short forms of one edition meet.

use super::candidate::{Candidate, Source};
use super::patterns::{ORDINAL, build_regex, parse_ordinal};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

struct Compiled {
    ordinal_before: Regex,
    year_before: Regex,
    year_after: Regex,
    number_after: Regex,
}

/// Builds the patterns now (see `entities::prepare`).
pub(super) fn prepare() {
    compiled();
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        ordinal_before: build_regex(&format!(
            r"(?-u:\b)(?P<ord>{ORDINAL})\s+(?:(?:edition|session|iteration)\s+of\s+(?:the\s+)?)?$"
        ))
        .expect("edition regex is valid"),
        year_before: build_regex(r"(?-u:\b)(?P<y>(?:19|20)\d\d)\s+$").expect("year regex is valid"),
        year_after: build_regex(r"^\s+(?P<y>(?:19|20)\d\d)(?-u:\b)(?:[^-–/\d]|$)")
            .expect("year regex is valid"),
        number_after: build_regex(r"^-(?P<n>\d{1,3})(?-u:\b)").expect("number regex is valid"),
    })
}

/// Extends each event candidate without an edition by the ordinal or year written
/// before or after it; the extended candidate keeps the name as written.
pub fn extend(text: &str, cands: &mut [Candidate], series_of: impl Fn(&Candidate) -> String) {
    let c = compiled();
    for cand in cands.iter_mut() {
        if cand.kind != EntityKind::Event || cand.ordinal.is_some() {
            continue;
        }
        // Look back a few words only: an edition sits right before the name.
        let from = floor_boundary(text, cand.start.saturating_sub(40));
        let before = &text[from..cand.start];
        let after = &text[cand.end..];
        let surface = &text[cand.start..cand.end];
        let (start, end, ordinal) = if let Some(m) = c.ordinal_before.captures(before) {
            let ord = m.name("ord").map_or("", |o| o.as_str());
            let at = from + m.name("ord").map_or(0, |o| o.start());
            (at, cand.end, parse_ordinal(ord))
        } else if let Some(m) = c.year_before.captures(before) {
            let y = m.name("y").map_or("", |y| y.as_str());
            let at = from + m.name("y").map_or(0, |y| y.start());
            (at, cand.end, y.parse().ok())
        } else if let Some(m) = c.year_after.captures(after) {
            let y = m.name("y").map_or(0..0, |y| y.range());
            (cand.start, cand.end + y.end, after[y].parse().ok())
        } else if surface.chars().all(|ch| ch.is_ascii_uppercase())
            && let Some(m) = c.number_after.captures(after)
        {
            let n = m.name("n").map_or(0..0, |n| n.range());
            (cand.start, cand.end + n.end, after[n].parse().ok())
        } else {
            continue;
        };
        let Some(ordinal) = ordinal else {
            continue;
        };
        cand.series = Some(series_of(cand));
        cand.ordinal = Some(ordinal);
        cand.start = start;
        cand.end = end;
        cand.cover = (start.min(cand.cover.0), end.max(cand.cover.1));
        cand.name = text[start..end].to_owned();
        cand.source = Source::Pattern;
    }
}

/// The nearest char boundary at or after `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, name: &str) -> (String, Option<u32>) {
        let start = text.find(name).unwrap_or(0);
        let mut cands = vec![Candidate::new(
            EntityKind::Event,
            start,
            start + name.len(),
            name,
        )];
        extend(text, &mut cands, |c| c.name.clone());
        (cands[0].name.clone(), cands[0].ordinal)
    }

    #[test]
    fn editions_before_and_after() {
        assert_eq!(
            run("at the 11th Jeju Peace Forum in May", "Jeju Peace Forum"),
            ("11th Jeju Peace Forum".into(), Some(11))
        );
        assert_eq!(
            run(
                "the fifth edition of the Hanoi Security Forum opened",
                "Hanoi Security Forum"
            ),
            ("fifth edition of the Hanoi Security Forum".into(), Some(5))
        );
        assert_eq!(
            run("at the 2021 Raisina Dialogue", "Raisina Dialogue"),
            ("2021 Raisina Dialogue".into(), Some(2021))
        );
        assert_eq!(
            run("visited Indo Defence 2022 in Jakarta", "Indo Defence"),
            ("Indo Defence 2022".into(), Some(2022))
        );
        assert_eq!(
            run("the ADSOM-12 was held", "ADSOM"),
            ("ADSOM-12".into(), Some(12))
        );
    }

    #[test]
    fn no_edition_no_change() {
        assert_eq!(
            run("the Raisina Dialogue 2021-2022 cycle", "Raisina Dialogue"),
            ("Raisina Dialogue".into(), None)
        );
        assert_eq!(run("a Forum", "Forum"), ("Forum".into(), None));
    }
}
