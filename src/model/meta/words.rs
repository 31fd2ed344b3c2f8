//! Lists of whole words and phrases, each found the way the regex
//! `(?i)\b(?:(A)|(B)|…)\b` finds it (A, B: groups of alternatives; ASCII word boundaries;
//! a space in a phrase matches any run of white space), but all lists in one automaton
//! pass over a text. Compiling those regexes was a fifth of the start-up time on the
//! seeds, and each question ("a review verb in this sentence?") scanned the sentence again.
//!
//! The automaton reads a text whose white space is single spaces and that holds no letter
//! folding to an ASCII one under Unicode case rules (Kelvin sign, long s): every cleaned
//! text. Any other text is asked of the list's regex, compiled the first time one is.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use regex::Regex;
use std::sync::OnceLock;

/// One list: its groups of words or phrases, in order (earlier ones win a tie).
pub type List = Vec<Vec<String>>;

/// Several lists compiled together.
pub struct WordLists {
    /// Every word of every list, in list then group order; `None` when a word is not
    /// plain ASCII (then every text goes to the regexes).
    automaton: Option<DFA>,
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
}

impl<'t> Scan<'t> {
    /// The text scanned.
    pub fn text(&self) -> &'t str {
        self.text
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

/// Whether the text holds what the regexes match and the automaton does not: white space
/// other than one space (`\s+` in the patterns), or a letter that folds to an ASCII one
/// under Unicode case rules (Kelvin sign, long s). The bytes are tested a block at a time
/// for two spaces, ASCII control white space and the first bytes of those characters
/// (without stopping early, and on blocks of a fixed size, so that the block's bytes are
/// tested together in vector code); only a block with one is read closer, and so is the
/// short end of the text.
pub fn needs_regex(text: &str) -> bool {
    const BLOCK: usize = 64;
    let b = text.as_bytes();
    let suspect =
        |x: u8| x.wrapping_sub(b'\t') < 5 || x == 0xC2 || x == 0xC5 || x.wrapping_sub(0xE1) < 3;
    // Whether `block` (with the byte after it, when there is one, in `next`) needs a
    // closer look.
    let flagged = |block: &[u8], next: &[u8]| {
        block.iter().fold(false, |a, &x| a | suspect(x))
            || block.iter().zip(next).fold(0u8, |a, (&x, &y)| {
                a | (u8::from(x == b' ') & u8::from(y == b' '))
            }) != 0
    };
    let mut start = 0;
    // Each block is read with the byte after it, for a space that ends it.
    while let Some(w) = b
        .get(start..=start + BLOCK)
        .and_then(|w| <&[u8; BLOCK + 1]>::try_from(w).ok())
    {
        if flagged(&w[..BLOCK], &w[1..]) && needs_regex_in(text, start, start + BLOCK) {
            return true;
        }
        start += BLOCK;
    }
    let rest = &b[start..];
    flagged(rest, rest.get(1..).unwrap_or_default()) && needs_regex_in(text, start, b.len())
}

/// `needs_regex` for the characters that start in `text[start..end]`.
fn needs_regex_in(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    (start..end).any(|i| match b[i] {
        b' ' => b.get(i + 1) == Some(&b' '),
        b'\t'..=b'\r' => true,
        // A first byte of a character: its encoding is compared with those of the white
        // space above U+007F and of the two letters, without decoding it (curly quotes
        // and dashes, which start with the same byte, are common).
        0xC2 | 0xC5 | 0xE1..=0xE3 => is_odd_char(&b[i..]),
        _ => false,
    })
}

/// Whether the UTF-8 character at the start of `c` is white space (U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) or the Kelvin sign or
/// the long s.
fn is_odd_char(c: &[u8]) -> bool {
    matches!(
        c,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xC5, 0xBF, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE2, 0x84, 0xAA, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
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

/// Every occurrence of every word of `dfa` in `text`, as (start, word, end), by end: what
/// an overlapping search finds, walked here a byte at a time. The search's iterator costs
/// a call and its state's bookkeeping per occurrence, and cue words occur every few words.
fn hits(dfa: &DFA, text: &str) -> Vec<(usize, usize, usize)> {
    // Room for a word every few words, so that the vector rarely grows.
    let mut found = Vec::with_capacity(text.len() / 16);
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return found;
    };
    for (i, &b) in text.as_bytes().iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) && dfa.is_match(sid) {
            for k in 0..dfa.match_len(sid) {
                let word = dfa.match_pattern(sid, k);
                let start = (i + 1).saturating_sub(dfa.pattern_len(word));
                found.push((start, word.as_usize(), i + 1));
            }
        }
    }
    found
}

impl WordLists {
    /// The lists compiled into one automaton.
    pub fn new(lists: &[List]) -> WordLists {
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
        let plain = words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(caseless_or_ascii));
        // No prefilter: with this many words there is none worth having, and without one
        // only match states are special, which the loop of `hits` relies on.
        let automaton = plain
            .then(|| {
                DFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .prefilter(false)
                    .build(&words)
                    .ok()
            })
            .flatten();
        let fallback = lists.iter().map(|l| (source(l), OnceLock::new())).collect();
        WordLists {
            automaton,
            tags,
            fallback,
        }
    }

    /// Finds every list's words in `text` in one pass.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        let found = self
            .automaton
            .as_ref()
            .filter(|_| !needs_regex(text))
            .map(|dfa| {
                let mut found = hits(dfa, text);
                found.sort_unstable();
                found
            });
        Scan { text, found }
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
