use super::*;
use proptest::prelude::*;

fn words(ws: &[&str]) -> Vec<String> {
    ws.iter().map(|w| (*w).to_owned()).collect()
}

/// Two lists: tense-like groups (done / to do) and one plain list.
fn lists() -> Vec<List> {
    vec![
        vec![
            words(&["sum up", "summed up", "review", "reviewed"]),
            words(&["task", "tasks", "sum"]),
        ],
        vec![words(&[
            "armed forces",
            "army",
            "send-off",
            "forces",
            "officers’ club",
        ])],
    ]
}

fn found<'t>(
    wl: &WordLists,
    text: &'t str,
    list: usize,
    range: (usize, usize),
) -> Vec<(&'t str, usize)> {
    wl.matches(&wl.scan(text), list, range)
        .into_iter()
        .map(|h| (&text[h.start..h.end], h.group))
        .collect()
}

#[test]
fn finds_whole_words_leftmost_first_listed() {
    let wl = WordLists::new(&lists());
    let text = "They Summed up tasks; the ARMED FORCES held a send-off at the Officers’ Club.";
    assert_eq!(
        found(&wl, text, 0, (0, text.len())),
        [("Summed up", 0), ("tasks", 1)]
    );
    assert_eq!(
        found(&wl, text, 1, (0, text.len())),
        [("ARMED FORCES", 0), ("send-off", 0), ("Officers’ Club", 0)]
    );
    let text = "a taskforce of armies";
    assert!(found(&wl, text, 0, (0, text.len())).is_empty());
    assert!(found(&wl, text, 1, (0, text.len())).is_empty());
    // "sum up" is listed before "sum", so the phrase wins where both start.
    assert_eq!(found(&wl, "sum up", 0, (0, 6)), [("sum up", 0)]);
    assert_eq!(found(&wl, "sum it up", 0, (0, 9)), [("sum", 1)]);
}

#[test]
fn a_range_has_word_boundaries_at_its_ends() {
    let wl = WordLists::new(&lists());
    let text = "the army reviewed";
    let scan = wl.scan(text);
    // "army" cut to "arm" is no match; "reviewed" cut to "review" is, as in the slice.
    assert!(!wl.is_match(&scan, 1, (4, 7)));
    assert!(wl.is_match(&scan, 1, (4, 8)));
    assert_eq!(found(&wl, text, 0, (9, 15)), [("review", 0)]);
    assert!(!wl.is_match(&scan, 0, (0, 8)));
}

#[test]
fn texts_the_automaton_cannot_read_go_to_the_regex() {
    let wl = WordLists::new(&lists());
    assert!(needs_regex("sum\nup"));
    assert!(needs_regex("a\u{a0}b"));
    assert!(!needs_regex("Hà Nội’s army, 2025."));
    // Every word is read by the automaton, the curly quote too.
    assert!(wl.scan("army").by_automaton());
    let all = |text: &str| (0, text.len());
    let text = "summed \n up";
    assert_eq!(found(&wl, text, 0, all(text)), [(text, 0)]);
    let text = "ta\u{17F}k";
    assert_eq!(found(&wl, text, 0, all(text)), [(text, 1)]);
    let text = "armed\u{2003}forces";
    assert_eq!(found(&wl, text, 1, all(text)), [(text, 0)]);
}

#[test]
fn only_the_kelvin_sign_and_long_s_fold_to_ascii_letters() {
    let re = regex::Regex::new("(?i)^[a-z]$").unwrap();
    let folding: Vec<char> = (0x80..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .filter(|c| re.is_match(c.encode_utf8(&mut [0; 4])))
        .collect();
    assert_eq!(folding, ['\u{17F}', '\u{212A}']);
}

fn piece() -> impl Strategy<Value = String> {
    let all: Vec<String> = lists().into_iter().flatten().flatten().collect();
    prop_oneof![
        proptest::sample::select(all.clone()),
        proptest::sample::select(all).prop_map(|w| w.to_uppercase()),
        proptest::sample::select(vec![
            " ", "  ", "\n", "\u{a0}", "-", ".", ",", "s", "ed", "_", "1", "é", "ẩ", "\u{212A}",
            "\u{17F}", "\u{201C}", "’", "the", "of", "up", "x",
        ])
        .prop_map(str::to_owned),
    ]
}

/// The regex of list `list` on `text[s..e]`: (start, end, group) with offsets into `text`.
fn by_regex(list: &List, text: &str, (s, e): (usize, usize)) -> Vec<Hit> {
    let re = crate::model::meta::pattern(&source(list));
    re.captures_iter(&text[s..e])
        .map(|c| {
            let m = c.get(0).unwrap();
            Hit {
                start: s + m.start(),
                end: s + m.end(),
                group: (1..c.len()).find(|&i| c.get(i).is_some()).unwrap() - 1,
            }
        })
        .collect()
}

/// Whether the scan leaves `text` to the regexes.
fn needs_regex(text: &str) -> bool {
    static LISTS: std::sync::OnceLock<WordLists> = std::sync::OnceLock::new();
    !LISTS
        .get_or_init(|| WordLists::new(&lists()))
        .scan(text)
        .by_automaton()
}

/// The definition `needs_regex` keeps to, three passes over the text.
fn needs_regex_plainly(text: &str) -> bool {
    text.contains("  ")
        || text
            .chars()
            .any(|c| c != ' ' && c.is_whitespace() || matches!(c, '\u{212A}' | '\u{17F}'))
}

#[test]
fn every_white_space_character_needs_the_regex() {
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let text = format!("a{c}b");
        assert_eq!(needs_regex(&text), needs_regex_plainly(&text), "{c:?}");
    }
}

#[test]
fn needs_regex_at_every_offset_of_a_long_text() {
    let plain = "Hà Nội’s army reviewed its work in 2025, and set tasks for 2026. ".repeat(4);
    assert!(!needs_regex(&plain));
    let cuts: Vec<usize> = (0..=plain.len())
        .filter(|&i| plain.is_char_boundary(i))
        .collect();
    for odd in [
        "  ", "\n", "\t", "\u{a0}", "\u{3000}", "\u{212A}", "\u{17F}", "\u{2009}",
    ] {
        for &i in &cuts {
            let text = format!("{}{odd}{}", &plain[..i], &plain[i..]);
            assert_eq!(
                needs_regex(&text),
                needs_regex_plainly(&text),
                "{odd:?} at {i}"
            );
        }
    }
}

proptest! {
    #[test]
    fn needs_regex_as_defined(text in "[ a\\s\u{17F}\u{212A}ẩễ’\u{80}-\u{3100}]{0,12}") {
        prop_assert_eq!(needs_regex(&text), needs_regex_plainly(&text));
    }


    #[test]
    fn same_matches_as_the_regexes(
        pieces in proptest::collection::vec(piece(), 0..24),
        cut in (0usize..200, 0usize..200),
    ) {
        let lists = lists();
        let wl = WordLists::new(&lists);
        for text in [pieces.concat(), pieces.join(" ")] {
            let scan = wl.scan(&text);
            let mut s = cut.0.min(text.len());
            while !text.is_char_boundary(s) { s -= 1; }
            let mut e = (s + cut.1).min(text.len());
            while !text.is_char_boundary(e) { e -= 1; }
            for (l, list) in lists.iter().enumerate() {
                for range in [(0, text.len()), (s, e)] {
                    let want = by_regex(list, &text, range);
                    prop_assert_eq!(wl.matches(&scan, l, range), want.clone());
                    prop_assert_eq!(wl.is_match(&scan, l, range), !want.is_empty());
                    prop_assert_eq!(wl.count(&scan, l, range), want.len());
                }
            }
        }
    }
}

/// Checks that the scan of `text` holds every occurrence an overlapping search of the
/// lists' words finds, and returns them.
fn overlapping(lists: &[List], text: &str) -> Vec<(usize, usize, usize)> {
    let wl = WordLists::new(lists);
    let words: Vec<String> = lists
        .iter()
        .flatten()
        .flatten()
        .map(|w| spaced(w))
        .collect();
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .unwrap();
    let mut want: Vec<(usize, usize, usize)> = ac
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.pattern().as_usize(), m.end()))
        .collect();
    want.sort_unstable();
    assert_eq!(
        wl.scan(text).found.as_deref(),
        Some(want.as_slice()),
        "{text}"
    );
    want
}

#[test]
fn the_byte_walk_finds_what_an_overlapping_search_finds() {
    let mut lists = lists();
    lists.push(vec![words(&[
        "a", "an", "and", "and the", "the", "he", "e", "officers",
    ])]);
    let text = "They summed up the tasks; the ARMED FORCES and the army held a send-off.";
    assert_eq!(overlapping(&lists, text).len(), 34);
    for text in [
        "",
        "a",
        "Hà Nội’s officers’ club and the Officers’ Club; sum up summed up sum",
        "ANANDTHE theherearmies",
        "send-off send-offs; forces-forces",
    ] {
        overlapping(&lists, text);
    }
}

/// Literals that overlap the lists' words and each other, with their bits.
const LITERALS: [(&str, u32); 5] = [("sum", 1), ("forces", 2), ("20", 4), ("rm", 4), ("’ c", 8)];

proptest! {
    #[test]
    fn the_table_walk_finds_what_an_overlapping_search_finds(
        pieces in proptest::collection::vec(piece(), 0..24),
    ) {
        let mut lists = lists();
        lists.push(vec![words(&["a", "an", "and the", "the", "he", "e", "officers"])]);
        for text in [pieces.concat(), pieces.join(" ")] {
            if !needs_regex(&text) {
                overlapping(&lists, &text);
            }
        }
    }

    #[test]
    fn literals_are_found_in_any_ascii_case(
        pieces in proptest::collection::vec(piece(), 0..24),
        digits in "[0-9]{0,3}",
    ) {
        let wl = WordLists::with_literals(&lists(), &LITERALS);
        let plain = WordLists::new(&lists());
        let text = format!("{}{digits}", pieces.join(" "));
        let scan = wl.scan(&text);
        // The literals change no word found.
        prop_assert_eq!(&scan.found, &plain.scan(&text).found);
        let lower = text.to_ascii_lowercase();
        for bits in [1, 2, 4, 8, 3, 12] {
            let holds = LITERALS
                .iter()
                .any(|&(l, b)| b & bits != 0 && lower.contains(l));
            if scan.by_automaton() {
                prop_assert_eq!(scan.may_hold(bits), holds, "{} {}", text, bits);
            } else {
                prop_assert!(scan.may_hold(bits));
            }
        }
    }
}
