//! Datelines at a paragraph start: "Hanoi (VNA) – ", "Hanoi, April 14 (VNA) - ",
//! "HÀ NỘI — ". The separator may be any run of dashes or stray non-Latin symbols.

use regex::Regex;
use std::sync::OnceLock;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The place as written ("Hanoi", "HÀ NỘI").
    pub place: &'a str,
    /// The agency code in brackets ("VNA"), when written.
    pub agency: Option<&'a str>,
    /// The paragraph after the dateline.
    pub rest: &'a str,
}

fn patterns() -> &'static [Regex; 2] {
    static RE: OnceLock<[Regex; 2]> = OnceLock::new();
    RE.get_or_init(|| {
        // A place word: capitalised, letters, combining marks, dots ("D.C."), apostrophes.
        let word = r"\p{Lu}[\p{L}\p{M}'’.]*";
        let upper = r"\p{Lu}[\p{Lu}\p{M}'’.]*";
        let date = r"(?:,\s*\p{L}{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?";
        let agency = format!(
            r"^(?P<place>{word}(?:[ -]{word}){{0,3}}){date}\s*\((?P<agency>\p{{Lu}}[\p{{L}}/]{{1,11}})\)\s*(?P<sep>[^\p{{Latin}}\p{{N}}\s\x22“‘'(\[]*)\s*"
        );
        let caps = format!(
            r"^(?P<place>{upper}(?:[ -]{upper}){{0,3}}){date}\s*(?P<sep>[^\p{{Latin}}\p{{N}}\s]*[—–-][^\p{{Latin}}\p{{N}}\s]*)\s+"
        );
        [
            Regex::new(&agency).expect("the dateline pattern compiles"),
            Regex::new(&caps).expect("the dateline pattern compiles"),
        ]
    })
}

/// The dateline at the start of `para`, if it has one and text follows it.
pub fn parse(para: &str) -> Option<Dateline<'_>> {
    if !para.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let [with_agency, caps] = patterns();
    if let Some(m) = with_agency.captures(para) {
        let rest = &para[m.get(0)?.end()..];
        return starts_text(rest).then(|| Dateline {
            place: m.name("place").map_or("", |p| p.as_str()),
            agency: m.name("agency").map(|a| a.as_str()),
            rest,
        });
    }
    // Without an agency code, only a paragraph of sentences has a dateline, so that a
    // headline like "ASEAN – China talks open" keeps its first word.
    if !super::blocks::ends_sentence(para) {
        return None;
    }
    let m = caps.captures(para)?;
    let place = m.name("place")?.as_str();
    let rest = &para[m.get(0)?.end()..];
    // An all-capitals place needs two letters, so that "A – B" is not a dateline.
    (place.chars().filter(|c| c.is_alphabetic()).count() >= 2 && starts_text(rest)).then_some(
        Dateline {
            place,
            agency: None,
            rest,
        },
    )
}

/// The text after a dateline starts a sentence.
fn starts_text(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<(&str, Option<&str>, &str)> {
        parse(s).map(|d| (d.place, d.agency, d.rest))
    }

    #[test]
    fn agency_datelines() {
        assert_eq!(
            dl("Hanoi (VNA) – The ministry met."),
            Some(("Hanoi", Some("VNA"), "The ministry met."))
        );
        assert_eq!(
            dl("Hanoi (VNA) ꦰ- Vietnam has"),
            Some(("Hanoi", Some("VNA"), "Vietnam has"))
        );
        assert_eq!(
            dl("Ho Chi Minh City, April 14 (VNA) - Troops left."),
            Some(("Ho Chi Minh City", Some("VNA"), "Troops left."))
        );
        assert_eq!(
            dl("Vientiane (Xinhua) -- “We agree,” he said."),
            Some(("Vientiane", Some("Xinhua"), "“We agree,” he said."))
        );
        assert_eq!(
            dl("Bangkok (VNA) The talks ended."),
            Some(("Bangkok", Some("VNA"), "The talks ended."))
        );
    }

    #[test]
    fn capital_letter_datelines() {
        assert_eq!(
            dl("HÀ NỘI — The department was urged."),
            Some(("HÀ NỘI", None, "The department was urged."))
        );
        assert_eq!(
            dl("ĐÀ NẴNG – Ships docked."),
            Some(("ĐÀ NẴNG", None, "Ships docked."))
        );
        assert_eq!(
            dl("PHNOM PENH, Dec 18 — Cambodia said so."),
            Some(("PHNOM PENH", None, "Cambodia said so."))
        );
    }

    #[test]
    fn ordinary_paragraphs_have_none() {
        for s in [
            "The Ministry of National Defence (MND) – a key agency – met.",
            "Vietnam – China border defence exchange was held.",
            "In Hanoi (VNA) reporters were present.",
            "A – B.",
            "ASEAN – China defence talks open in Hanoi",
            "hanoi (VNA) – lower case",
        ] {
            assert_eq!(dl(s), None, "{s}");
        }
    }
}
