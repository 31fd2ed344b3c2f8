//! Lists of whole words and phrases, each found the way the regex
//! `(?i)\b(?:(A)|(B)|…)\b` finds it (A, B: groups of alternatives; ASCII word boundaries;
//! a space in a phrase matches any run of white space), but all lists in one automaton
//! pass over a text. Compiling those regexes was a fifth of the start-up time on the
//! seeds, and each question ("a review verb in this sentence?") scanned the sentence again.
//!
//! The automaton's finds stand for a text whose white space is single spaces and that
//! holds no letter folding to an ASCII one under Unicode case rules (Kelvin sign, long s):
//! every cleaned text. It notices any other text in the same pass, and that text is asked
//! of the list's regex, compiled the first time one is.

use crate::model::word_table as table;

use aho_corasick::MatchKind;
use aho_corasick::nfa::noncontiguous::NFA;
use regex::Regex;
use std::sync::OnceLock;

/// One list: its groups of words or phrases, in order (earlier ones win a tie).
pub type List = Vec<Vec<String>>;

/// Several lists compiled together.
pub struct WordLists {
    /// Every word of every list, in list then group order, then the literals; `None`
    /// when a word is not plain ASCII (then every text goes to the regexes).
    automaton: Option<table::Table>,
    /// The list and group of each of the automaton's patterns.
    tags: Vec<(usize, usize)>,
    /// Per list: its regex's source and the regex, compiled on first use.
    fallback: Vec<(String, OnceLock<Regex>)>,
}

/// A whole-word match: byte range and the group of the list it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The group of its list.
    pub group: usize,
}

/// Where a text's words were found: every occurrence of every list's words (whole
/// or not), by start then list order; `None` when the text is left to the regexes.
pub struct Scan<'t> {
    text: &'t str,
    found: Option<Vec<(usize, usize, usize)>>,
    /// The bits of the literals the text holds; `None` when the text is left to the
    /// regexes.
    literals: Option<u32>,
}

impl<'t> Scan<'t> {
    /// The text scanned.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Whether the text may hold a literal of `bits` (`WordLists::with_literals`): false
    /// only when the automaton read it and found none. The automaton reads only texts
    /// without the two non-ASCII letters that fold to ASCII ones, so there a literal
    /// found in any ASCII case is exactly one a case-insensitive regex finds.
    pub fn may_hold(&self, bits: u32) -> bool {
        self.literals.is_none_or(|l| l & bits != 0)
    }

    /// Whether the automaton read the text (not left to the regexes).
    #[cfg(test)]
    pub(crate) fn by_automaton(&self) -> bool {
        self.found.is_some()
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The bit of `Table::walk`'s result that the characters of `odd` set.
const ODD: u32 = 1 << 31;

/// What the regexes match and the automaton does not: white space other than one space
/// (`\s+` in the patterns: two spaces, ASCII control white space, U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and the letters that
/// fold to ASCII ones under Unicode case rules (Kelvin sign, long s). The automaton looks
/// for them in the same pass as the words, and a text that holds one goes to the regexes.
fn odd() -> impl Iterator<Item = String> {
    let chars = [
        '\t', '\n', '\u{b}', '\u{c}', '\r', '\u{85}', '\u{a0}', '\u{1680}', '\u{2028}', '\u{2029}',
        '\u{202f}', '\u{205f}', '\u{3000}', '\u{212a}', '\u{17f}',
    ];
    let wide = '\u{2000}'..='\u{200a}';
    std::iter::once("  ".to_owned()).chain(chars.into_iter().chain(wide).map(String::from))
}

/// Whether the automaton's ASCII case folding matches `c` as the regex does: an ASCII
/// character, or one with no other case (a curly quote, a dash).
fn caseless_or_ascii(c: char) -> bool {
    fn only(mut it: impl Iterator<Item = char>, c: char) -> bool {
        it.next() == Some(c) && it.next().is_none()
    }
    c.is_ascii() || only(c.to_lowercase(), c) && only(c.to_uppercase(), c)
}

/// A phrase with its white space made single spaces.
fn spaced(word: &str) -> String {
    word.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn source(list: &List) -> String {
    let groups: Vec<String> = list
        .iter()
        .map(|group| {
            let words: Vec<String> = group
                .iter()
                .map(|w| {
                    w.split_whitespace()
                        .map(regex::escape)
                        .collect::<Vec<_>>()
                        .join(r"\s+")
                })
                .collect();
            format!("({})", words.join("|"))
        })
        .collect();
    format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", groups.join("|"))
}

impl WordLists {
    /// The lists compiled into one automaton.
    #[cfg(test)]
    pub fn new(lists: &[List]) -> WordLists {
        WordLists::with_literals(lists, &[])
    }

    /// The lists and the literals (each with the bit it sets in `Scan::may_hold`, below
    /// bit 31; found in any ASCII case, whole word or not) compiled into one automaton.
    pub fn with_literals(lists: &[List], literals: &[(&str, u32)]) -> WordLists {
        let mut words = Vec::new();
        let mut tags = Vec::new();
        for (l, list) in lists.iter().enumerate() {
            for (g, group) in list.iter().enumerate() {
                for w in group {
                    words.push(spaced(w));
                    tags.push((l, g));
                }
            }
        }
        let listed = words.len();
        words.extend(literals.iter().map(|(l, _)| spaced(l)));
        let plain = words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(caseless_or_ascii));
        let mut bits: Vec<u32> = literals.iter().map(|&(_, b)| b & !ODD).collect();
        for o in odd() {
            words.push(o);
            bits.push(ODD);
        }
        // No prefilter: with this many words there is none worth having, and the table
        // copies only the transitions.
        let automaton = plain
            .then(|| {
                NFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .prefilter(false)
                    .build(&words)
                    .ok()
            })
            .flatten()
            .and_then(|nfa| table::Table::new(&nfa, &words, listed, &bits));
        let fallback = lists.iter().map(|l| (source(l), OnceLock::new())).collect();
        WordLists {
            automaton,
            tags,
            fallback,
        }
    }

    /// Finds every list's words in `text` in one pass.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        let to_regex = Scan {
            text,
            found: None,
            literals: None,
        };
        let Some(table) = self.automaton.as_ref() else {
            return to_regex;
        };
        // Room for a word every few words, so that the vector rarely grows.
        let mut found = Vec::with_capacity(text.len() / 16);
        let literals = table.walk(text.as_bytes(), &mut found);
        if literals & ODD != 0 {
            return to_regex;
        }
        found.sort_unstable();
        Scan {
            text,
            found: Some(found),
            literals: Some(literals),
        }
    }

    fn regex(&self, list: usize) -> Option<&Regex> {
        let (src, re) = self.fallback.get(list)?;
        Some(re.get_or_init(|| super::pattern(src)))
    }

    /// The matches of list `list` in `text[s..e]` (offsets into `text`), as the regex
    /// `find_iter` gives them: leftmost, the first listed word winning at one start.
    pub fn matches(&self, scan: &Scan, list: usize, (s, e): (usize, usize)) -> Vec<Hit> {
        let mut out = Vec::new();
        self.each(scan, list, (s, e), |hit| {
            out.push(hit);
            true
        });
        out
    }

    /// How many matches list `list` has in `text[s..e]` (`matches(…).len()`, without
    /// collecting them: the beat's words are counted in every passage).
    pub fn count(&self, scan: &Scan, list: usize, range: (usize, usize)) -> usize {
        let mut n = 0;
        self.each(scan, list, range, |_| {
            n += 1;
            true
        });
        n
    }

    /// Whether list `list` has a match in `text[s..e]`.
    pub fn is_match(&self, scan: &Scan, list: usize, range: (usize, usize)) -> bool {
        let mut any = false;
        self.each(scan, list, range, |_| {
            any = true;
            false
        });
        any
    }

    /// Calls `f` on each match of the list in `text[s..e]` in order, while it returns true.
    fn each(
        &self,
        scan: &Scan,
        list: usize,
        (s, e): (usize, usize),
        mut f: impl FnMut(Hit) -> bool,
    ) {
        let Some(slice) = scan.text.get(s..e) else {
            return;
        };
        let Some(found) = &scan.found else {
            let Some(re) = self.regex(list) else { return };
            for caps in re.captures_iter(slice) {
                let Some(m) = caps.get(0) else { continue };
                let group = (1..caps.len())
                    .find(|&i| caps.get(i).is_some())
                    .unwrap_or(1);
                let hit = Hit {
                    start: s + m.start(),
                    end: s + m.end(),
                    group: group - 1,
                };
                if !f(hit) {
                    return;
                }
            }
            return;
        };
        let bytes = slice.as_bytes();
        // A word boundary of the slice (`\b` sees nothing before or after it).
        let boundary = |i: usize| {
            let before = i
                .checked_sub(1)
                .is_some_and(|j| bytes.get(j).is_some_and(|&b| is_word(b)));
            before != bytes.get(i).is_some_and(|&b| is_word(b))
        };
        let mut next = s;
        let first = found.partition_point(|&(start, _, _)| start < s);
        for &(start, id, end) in found[first..]
            .iter()
            .take_while(|&&(start, _, _)| start < e)
        {
            let Some(&(l, group)) = self.tags.get(id) else {
                continue;
            };
            if l != list || start < next || end > e || !boundary(start - s) || !boundary(end - s) {
                continue;
            }
            next = end;
            if !f(Hit { start, end, group }) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests;
