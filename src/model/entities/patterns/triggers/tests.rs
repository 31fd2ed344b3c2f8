//! Checks that the one combined scan finds what each family's own automaton finds.

use super::*;
use aho_corasick::AhoCorasick;
use proptest::prelude::*;

/// The automaton's needles as `Triggers::new` numbers them: every word in ASCII
/// lower case, first spelling first.
fn needles() -> Vec<Vec<u8>> {
    let mut needles: Vec<Vec<u8>> = Vec::new();
    for (_, words) in families() {
        for w in words {
            let folded = w.as_bytes().to_ascii_lowercase();
            if !needles.contains(&folded) {
                needles.push(folded);
            }
        }
    }
    needles
}

#[test]
fn no_word_is_empty() {
    assert!(needles().iter().all(|n| !n.is_empty()));
}

/// What each family's own automaton finds: leftmost-longest whole words, or any
/// occurrence (case-blind where the family is).
fn alone(family: Family, words: &[String], text: &str) -> (Vec<(usize, usize)>, bool) {
    let builder = |kind| {
        let mut b = AhoCorasick::builder();
        b.match_kind(kind);
        b
    };
    match family {
        Family::Word(_) => {
            let ac = builder(MatchKind::LeftmostLongest)
                .build(words)
                .expect("automaton");
            let b = text.as_bytes();
            let hits = ac
                .find_iter(text)
                .filter(|m| {
                    (m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric())
                        && (m.end() >= b.len() || !b[m.end()].is_ascii_alphanumeric())
                })
                .map(|m| (m.start(), m.end()))
                .collect();
            (hits, false)
        }
        Family::Starts(_) => {
            let ac = builder(MatchKind::Standard)
                .build(words)
                .expect("automaton");
            let mut starts: Vec<usize> =
                ac.find_overlapping_iter(text).map(|m| m.start()).collect();
            starts.sort_unstable();
            starts.dedup();
            (starts.into_iter().map(|s| (s, s)).collect(), false)
        }
        Family::Any(_, case_blind) => {
            let ac = builder(MatchKind::Standard)
                .ascii_case_insensitive(case_blind)
                .build(words)
                .expect("automaton");
            (Vec::new(), ac.is_match(text))
        }
    }
}

fn check(text: &str) {
    let mut hits = Hits::default();
    Triggers::embedded().scan(text, &mut hits);
    for (family, words) in families() {
        let (want_words, want_any) = alone(family, &words, text);
        match family {
            Family::Word(f) => assert_eq!(hits.words(f), want_words, "{f:?} in {text:?}"),
            Family::Any(f, _) => assert_eq!(hits.any(f), want_any, "{f:?} in {text:?}"),
            Family::Starts(f) => {
                let want: Vec<usize> = want_words.iter().map(|w| w.0).collect();
                assert_eq!(hits.starts(f), want, "{f:?} in {text:?}");
            }
        }
    }
}

/// Pieces of made-up texts: every family's words (some in other cases or cut
/// short), filler words and separators, so that words overlap, nest and touch.
fn pieces() -> Vec<String> {
    let mut p: Vec<String> = families().into_iter().flat_map(|(_, w)| w).collect();
    let extra: Vec<String> = p
        .iter()
        .step_by(7)
        .flat_map(|w| {
            [
                w.to_uppercase(),
                w.to_lowercase(),
                w[..w.len() / 2].to_owned(),
            ]
        })
        .filter(|w| !w.is_empty())
        .collect();
    p.extend(extra);
    p.extend(
        [
            " ", " ", " ", "-", "of", "Lt.", "é", "x", "The", ", ", "’s", "s", "2nd", "(", ".",
        ]
        .map(str::to_owned),
    );
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn one_scan_finds_what_each_family_finds_alone(
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..40)
    ) {
        let pieces = pieces();
        let text: String = picks.iter().map(|i| i.get(&pieces).as_str()).collect();
        check(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn the_walk_reports_what_the_overlapping_search_reports(
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..40),
        noise in "\\PC{0,20}",
    ) {
        let pieces = pieces();
        let mut text: String = picks.iter().map(|i| i.get(&pieces).as_str()).collect();
        text.push_str(&noise);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(needles())
            .expect("automaton");
        let want: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(&text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        let mut got = Vec::new();
        Triggers::embedded().each_occurrence(text.as_bytes(), |p, s, e| got.push((p, s, e)));
        prop_assert_eq!(got, want);
    }
}

#[test]
fn nested_and_touching_words() {
    for text in [
        "Senior Lieutenant General and Lieutenant General",
        "the Deputy Minister of National Defence Department of Forums",
        "Kratie Province of and the province of Border Gate International Border Gate",
        "first, FIRST and Fifteenth anniversaries; Regional sessions No. Rotations",
        "Exchanges Exchange-Forum forum Meetings Programme Program",
    ] {
        check(text);
    }
}
