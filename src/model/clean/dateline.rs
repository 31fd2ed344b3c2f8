//! Datelines at a paragraph start: "Hanoi (VNA) – ", "Hanoi, April 14 (VNA) - ",
//! "HÀ NỘI — ". The separator may be any run of dashes or stray non-Latin symbols.

use regex::{Captures, Regex};
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

/// A place word: capitalised, letters, combining marks, dots ("D.C."), apostrophes.
const WORD: &str = r"\p{Lu}[\p{L}\p{M}'’.]*";
/// An all-capitals place word.
const UPPER: &str = r"\p{Lu}[\p{Lu}\p{M}'’.]*";
/// Most words a place has after its first.
const MORE_WORDS: usize = 3;
/// Shortest and longest month word of a dated dateline ("Dec", "September").
const MONTH_CHARS: (usize, usize) = (3, 9);
/// Longest agency code, in characters ("Xinhua", "VNA/VOV").
const AGENCY_CHARS: usize = 12;

/// The two dateline patterns (with an agency code; in capitals), written with the bounds
/// above as counted repetitions when `exact`, else as open ones.
fn sources(exact: bool) -> [String; 2] {
    let (words, month, code) = if exact {
        let (lo, hi) = MONTH_CHARS;
        (
            format!("{{0,{MORE_WORDS}}}"),
            format!("{{{lo},{hi}}}"),
            format!("{{1,{}}}", AGENCY_CHARS - 1),
        )
    } else {
        ("*".to_owned(), "+".to_owned(), "+".to_owned())
    };
    let date = format!(r"(?:,\s*(?P<month>\p{{L}}{month})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?");
    [
        format!(
            r"^(?P<place>{WORD}(?:[ -]{WORD}){words}){date}\s*\((?P<agency>\p{{Lu}}[\p{{L}}/]{code})\)\s*(?P<sep>[^\p{{Latin}}\p{{N}}\s\x22“‘'(\[]*)\s*"
        ),
        format!(
            r"^(?P<place>{UPPER}(?:[ -]{UPPER}){words}){date}\s*(?P<sep>[^\p{{Latin}}\p{{N}}\s]*[—–-][^\p{{Latin}}\p{{N}}\s]*)\s+"
        ),
    ]
}

/// One dateline pattern, compiled twice. Counted repetitions of Unicode classes
/// (`\p{L}{3,9}`) compile into one copy of the class per count, which made these two
/// patterns a fifth of the start-up time; the open form has one copy of each. It
/// matches everything the exact form matches and prefers the same match whenever its
/// own keeps to the bounds, so only a match that breaks them is asked of the exact form
/// (built the first time one does).
struct Pattern {
    open: Regex,
    exact_src: String,
    exact: OnceLock<Regex>,
}

impl Pattern {
    fn captures<'a>(&self, para: &'a str) -> Option<Captures<'a>> {
        let caps = self.open.captures(para)?;
        if within_bounds(&caps) {
            return Some(caps);
        }
        self.exact
            .get_or_init(|| compile(&self.exact_src))
            .captures(para)
    }
}

/// Whether a match of an open pattern keeps to the exact pattern's counts. Place words
/// hold neither spaces nor hyphens, so those count the words after the first.
fn within_bounds(caps: &Captures) -> bool {
    let chars = |name| caps.name(name).map(|m| m.as_str().chars().count());
    let (lo, hi) = MONTH_CHARS;
    caps.name("place").is_some_and(|p| {
        p.as_str()
            .bytes()
            .filter(|&b| b == b' ' || b == b'-')
            .count()
            <= MORE_WORDS
    }) && chars("month").is_none_or(|n| (lo..=hi).contains(&n))
        && chars("agency").is_none_or(|n| n <= AGENCY_CHARS)
}

fn compile(src: &str) -> Regex {
    Regex::new(src).expect("the dateline pattern compiles")
}

/// Compiles the patterns now rather than on the first paragraph.
pub(super) fn prepare() {
    patterns();
}

fn patterns() -> &'static [Pattern; 2] {
    static RE: OnceLock<[Pattern; 2]> = OnceLock::new();
    RE.get_or_init(|| {
        let [agency, caps] = sources(false);
        let [exact_agency, exact_caps] = sources(true);
        [
            Pattern {
                open: compile(&agency),
                exact_src: exact_agency,
                exact: OnceLock::new(),
            },
            Pattern {
                open: compile(&caps),
                exact_src: exact_caps,
                exact: OnceLock::new(),
            },
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
    if !super::measure::ends_sentence(para) {
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
    use proptest::prelude::*;

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

    /// The patterns as written before the open forms, kept here to hold them to.
    fn original() -> &'static [Regex; 2] {
        static RE: OnceLock<[Regex; 2]> = OnceLock::new();
        RE.get_or_init(|| {
        let word = r"\p{Lu}[\p{L}\p{M}'’.]*";
        let upper = r"\p{Lu}[\p{Lu}\p{M}'’.]*";
        let date = r"(?:,\s*\p{L}{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?";
        let agency = format!(
            r"^(?P<place>{word}(?:[ -]{word}){{0,3}}){date}\s*\((?P<agency>\p{{Lu}}[\p{{L}}/]{{1,11}})\)\s*(?P<sep>[^\p{{Latin}}\p{{N}}\s\x22“‘'(\[]*)\s*"
        );
        let caps = format!(
            r"^(?P<place>{upper}(?:[ -]{upper}){{0,3}}){date}\s*(?P<sep>[^\p{{Latin}}\p{{N}}\s]*[—–-][^\p{{Latin}}\p{{N}}\s]*)\s+"
        );
        [Regex::new(&agency).unwrap(), Regex::new(&caps).unwrap()]
        })
    }

    type Groups = Vec<Option<(usize, usize)>>;

    fn groups(c: Option<Captures>) -> Option<Groups> {
        let c = c?;
        let at = |n: &str| c.name(n).map(|m| (m.start(), m.end()));
        Some(vec![
            at("place"),
            at("agency"),
            at("sep"),
            c.get(0).map(|m| (m.start(), m.end())),
        ])
    }

    fn same_as_original(s: &str) {
        let original = original();
        for (p, o) in patterns().iter().zip(original) {
            assert_eq!(groups(p.captures(s)), groups(o.captures(s)), "{s:?}");
        }
    }

    #[test]
    fn open_patterns_match_as_the_original_at_and_past_their_bounds() {
        for s in [
            "Ho Chi Minh City, April 14 (VNA) - Troops left.",
            "One Two Three Four Five (VNA) - Too many words.",
            "One Two Three Four Five, May 2 (VNA) - Too many words.",
            "Hanoi, Septembers 14 (VNA) - A long month.",
            "Hanoi, Sept 14, 2024 (VNA) - A date.",
            "Hanoi, Ma 14 (VNA) - A short month.",
            "Hanoi (Abcdefghijkl) - A long agency.",
            "Hanoi (Abcdefghijklm) - Too long an agency.",
            "A-B-C-D-Ω— X.",
            "A-B-C-D-E — X.",
            "HÀ NỘI, THÁNG 14 — X.",
            "ĐÀ NẴNG – Ships docked.",
        ] {
            same_as_original(s);
        }
    }

    /// Characters datelines are made of, and a few that break them.
    const ALPHABET: &[char] = &[
        'A', 'B', 'Ω', 'Đ', 'À', 'a', 'b', 'ệ', '\u{301}', ' ', ' ', '-', '—', '–', ',', '.', '\'',
        '’', '(', ')', '1', '2', '/', '"', '“', 'ꦰ', '\n', 'X', 'N', 'V',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn open_patterns_match_as_the_original(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..40)
        ) {
            let s: String = picks.into_iter().map(|i| ALPHABET[i]).collect();
            same_as_original(&s);
        }

        #[test]
        fn open_patterns_match_datelines_as_the_original(
            words in proptest::collection::vec("[A-ZĐÀΩ][a-zệ'.]{0,3}|[A-Z]{1,4}", 1..7),
            joins in proptest::collection::vec("[ -]", 6),
            month in proptest::option::of("[A-Za-zệ]{1,11}\\.? [0-9]{1,3}(, [0-9]{4})?"),
            agency in proptest::option::of("[A-ZΩ][A-Za-z/]{0,13}"),
            sep in "[-—–ꦰ ]{0,3}",
            rest in "[A-Z“a(][a-z .]{0,5}",
        ) {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    s.push_str(&joins[i - 1]);
                }
                s.push_str(w);
            }
            if let Some(m) = month {
                s.push_str(", ");
                s.push_str(&m);
            }
            if let Some(a) = agency {
                s.push_str(&format!(" ({a})"));
            }
            s.push_str(&format!(" {sep} {rest}"));
            same_as_original(&s);
        }
    }
}
