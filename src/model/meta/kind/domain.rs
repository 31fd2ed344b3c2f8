//! Counts of the beat's words and of other sectors' words in one pass of one automaton,
//! the same counts as the two whole-word regexes' `find_iter`, which cost two scans each
//! trying every word of the lists.

use super::super::cues::cues;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// Both word lists in one automaton; ids below `split` are the beat's words.
struct Lexicon {
    automaton: AhoCorasick,
    split: usize,
}

fn lexicon() -> Option<&'static Lexicon> {
    static LEX: OnceLock<Option<Lexicon>> = OnceLock::new();
    LEX.get_or_init(|| {
        let cues = cues();
        let words: Vec<&String> = cues
            .defence_words
            .iter()
            .chain(&cues.other_sector_words)
            .collect();
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .ok()?;
        Some(Lexicon {
            automaton,
            split: cues.defence_words.len(),
        })
    })
    .as_ref()
}

/// Builds the automaton now rather than on the first article.
pub(super) fn prepare() {
    lexicon();
}

/// The counts of the beat's words and other sectors' words in `text`.
pub(super) fn count(text: &str) -> (usize, usize) {
    match lexicon() {
        Some(lex) if !needs_regex(text) => lex.count(text),
        _ => {
            let cues = cues();
            (
                cues.defence_terms.find_iter(text).count(),
                cues.other_sector_terms.find_iter(text).count(),
            )
        }
    }
}

/// Whether the text holds what the regexes match and the automaton does not: whitespace
/// other than one space between words (`\s+` in the patterns), or a letter that folds
/// to an ASCII one under Unicode case rules (Kelvin sign, long s).
fn needs_regex(text: &str) -> bool {
    text.contains("  ")
        || text
            .bytes()
            .any(|b| b != b' ' && b.is_ascii_whitespace() || b == 0x0B)
        || (!text.is_ascii()
            && text
                .chars()
                .any(|c| !c.is_ascii() && c.is_whitespace() || matches!(c, '\u{212A}' | '\u{17F}')))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Lexicon {
    /// The regexes' leftmost-first, whole-word, non-overlapping matches: at the leftmost
    /// start past the last match, the first listed word that ends on a word boundary.
    fn count(&self, text: &str) -> (usize, usize) {
        let bytes = text.as_bytes();
        let boundary = |i: usize| {
            let before = i
                .checked_sub(1)
                .and_then(|j| bytes.get(j))
                .is_some_and(|&b| is_word(b));
            let after = bytes.get(i).is_some_and(|&b| is_word(b));
            before != after
        };
        // (start, list, word id, end) of every whole-word occurrence.
        let mut hits: Vec<(usize, bool, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .filter(|m| boundary(m.start()) && boundary(m.end()))
            .map(|m| {
                let id = m.pattern().as_usize();
                (m.start(), id >= self.split, id, m.end())
            })
            .collect();
        hits.sort_unstable();
        let mut counts = [0, 0];
        let mut next = [0, 0];
        for (start, other, _, end) in hits {
            let list = usize::from(other);
            if start < next[list] {
                continue;
            }
            counts[list] += 1;
            next[list] = end;
        }
        (counts[0], counts[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_regex(text: &str) -> (usize, usize) {
        let cues = cues();
        (
            cues.defence_terms.find_iter(text).count(),
            cues.other_sector_terms.find_iter(text).count(),
        )
    }

    #[test]
    fn counts_whole_words_first_listed() {
        let text =
            "Border guards and the Defence Ministry met; GDP and export value rose, 3 per cent.";
        assert_eq!(count(text), (2, 3));
        assert_eq!(count("defenceless militaryish"), (0, 0));
    }

    #[test]
    fn falls_back_on_folding_letters_and_wide_spaces() {
        assert_eq!(
            count("armed\u{a0}forces, \u{212A}"),
            by_regex("armed\u{a0}forces, \u{212A}")
        );
        assert_eq!(count("armed  forces"), (1, 0));
        assert_eq!(count("nava\u{17F}ty army"), by_regex("nava\u{17F}ty army"));
    }

    fn piece() -> impl Strategy<Value = String> {
        let c = cues();
        let words: Vec<String> = c
            .defence_words
            .iter()
            .chain(&c.other_sector_words)
            .cloned()
            .collect();
        prop_oneof![
            proptest::sample::select(words.clone()),
            proptest::sample::select(words).prop_map(|w| w.to_uppercase()),
            proptest::sample::select(vec![
                " ", "  ", "\n", "\u{a0}", "-", ".", ",", "s", "ed", "_", "1", "é", "ẩ",
                "\u{212A}", "\u{17F}", "\u{201C}", "the", "of", "ministry", "x",
            ])
            .prop_map(str::to_owned),
        ]
    }

    proptest! {
        #[test]
        fn same_counts_as_the_regexes(pieces in proptest::collection::vec(piece(), 0..24)) {
            let text = pieces.concat();
            prop_assert_eq!(count(&text), by_regex(&text));
            let spaced = pieces.join(" ");
            prop_assert_eq!(count(&spaced), by_regex(&spaced));
        }
    }
}
