//! The fixed words of every pattern family (place nouns, titles, organisation and event
//! heads, credit, law and ordinal words, the words of units, sittings and anniversaries),
//! found in one scan of a field by one ASCII-case-blind automaton.
//!
//! The automaton reports every occurrence, overlaps included; each family then keeps
//! its own: a case-sensitive family only the occurrences spelt exactly as its word,
//! and a family that runs at whole words the leftmost-longest choice among them (what
//! a leftmost-longest automaton over that family's words alone would report), so one
//! family's matches never hide another's.

use crate::model::word_table::Table;
use aho_corasick::MatchKind;
use aho_corasick::nfa::noncontiguous::NFA;
use families::{Family, families};
pub use kinds::{Any, Starts, Words};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

mod families;
mod kinds;

const WORD_FAMILIES: usize = 5;
const START_FAMILIES: usize = 2;
const ANY_FAMILIES: usize = 9;

/// What one automaton pattern stands for in one family.
#[derive(Debug)]
enum Role {
    /// A word of a whole-word family, matched with this exact spelling.
    Word(Words, Box<[u8]>),
    /// A word of an any-occurrence family; `None` when the family is case-blind.
    Any(Any, Option<Box<[u8]>>),
    /// A word of a family that runs at every occurrence, with this exact spelling.
    Starts(Starts, Box<[u8]>),
}

/// The combined automaton and, per pattern, the families it belongs to.
#[derive(Debug)]
pub struct Triggers {
    /// Every word, reported at every occurrence, as a flat table: a search call
    /// through the generic searcher cost several times a walk by hand, and a walk by
    /// hand through the automaton's own methods twice the table's.
    automaton: Table,
    roles: Vec<Vec<Role>>,
}

/// The trigger hits of one field.
#[derive(Debug, Default)]
pub struct Hits {
    /// Per whole-word family: the leftmost-longest whole-word hits, in text order.
    words: [Vec<(usize, usize)>; WORD_FAMILIES],
    /// Per any-occurrence family: whether one of its words occurs.
    any: [bool; ANY_FAMILIES],
    /// Per every-occurrence family: where its words start, ascending.
    starts: [Vec<usize>; START_FAMILIES],
    /// Scratch: every occurrence of every word, as the automaton reports them.
    found: Vec<(usize, usize, usize)>,
}

impl Hits {
    /// The whole-word hits of `family`: (start, end) byte ranges in text order.
    pub fn words(&self, family: Words) -> &[(usize, usize)] {
        &self.words[family as usize]
    }

    /// True when a word of `family` occurs in the field.
    pub fn any(&self, family: Any) -> bool {
        self.any[family as usize]
    }

    /// Where the words of `family` start in the field, ascending.
    pub fn starts(&self, family: Starts) -> &[usize] {
        &self.starts[family as usize]
    }

    /// The hits of `text` alone (for callers that scan one text once).
    pub fn of(text: &str) -> Hits {
        let mut h = Hits::default();
        Triggers::embedded().scan(text, &mut h);
        h
    }
}

impl Triggers {
    /// The automaton over every family's words, built once.
    pub fn embedded() -> &'static Triggers {
        static T: OnceLock<Triggers> = OnceLock::new();
        T.get_or_init(|| Triggers::new(&families()))
    }

    fn new(families: &[(Family, Vec<String>)]) -> Triggers {
        let mut index: FxHashMap<Vec<u8>, usize> = FxHashMap::default();
        let mut needles: Vec<String> = Vec::new();
        let mut roles: Vec<Vec<Role>> = Vec::new();
        for (family, words) in families {
            for w in words {
                let folded = w.to_ascii_lowercase();
                let p = *index.entry(folded.clone().into_bytes()).or_insert_with(|| {
                    needles.push(folded);
                    roles.push(Vec::new());
                    roles.len() - 1
                });
                let exact: Box<[u8]> = w.as_bytes().into();
                roles[p].push(match *family {
                    Family::Word(f) => Role::Word(f, exact),
                    Family::Any(f, case_blind) => Role::Any(f, (!case_blind).then_some(exact)),
                    Family::Starts(f) => Role::Starts(f, exact),
                });
            }
        }
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&needles)
            .expect("trigger words build an automaton");
        let automaton = Table::new(&nfa, &needles, needles.len(), &[])
            .expect("trigger words have fewer than 256 distinct bytes");
        Triggers { automaton, roles }
    }

    /// Every occurrence of every word in `bytes`, overlaps included (pattern, start,
    /// end), in the order of their ends: what an overlapping search reports.
    #[cfg(test)]
    fn each_occurrence(&self, bytes: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let mut all = Vec::new();
        self.automaton.walk(bytes, &mut all);
        for (start, pattern, end) in all {
            found(pattern, start, end);
        }
    }

    /// Fills `hits` with the trigger hits of `text`.
    pub fn scan(&self, text: &str, hits: &mut Hits) {
        for w in &mut hits.words {
            w.clear();
        }
        hits.any = [false; ANY_FAMILIES];
        for s in &mut hits.starts {
            s.clear();
        }
        let bytes = text.as_bytes();
        hits.found.clear();
        self.automaton.walk(bytes, &mut hits.found);
        for &(start, pattern, end) in &hits.found {
            let surface = &bytes[start..end];
            for role in &self.roles[pattern] {
                match role {
                    Role::Word(f, exact) if **exact == *surface => {
                        hits.words[*f as usize].push((start, end));
                    }
                    Role::Any(f, exact) if exact.as_deref().is_none_or(|e| e == surface) => {
                        hits.any[*f as usize] = true;
                    }
                    Role::Starts(f, exact) if **exact == *surface => {
                        hits.starts[*f as usize].push(start);
                    }
                    _ => {}
                }
            }
        }
        for w in &mut hits.words {
            leftmost_longest_whole_words(bytes, w);
        }
        // Occurrences come in the order of their ends.
        for s in &mut hits.starts {
            s.sort_unstable();
            s.dedup();
        }
    }
}

/// Keeps, of every occurrence in `hits`, what a leftmost-longest search reports (the
/// longest at the leftmost start, then again after its end), then the whole words.
fn leftmost_longest_whole_words(bytes: &[u8], hits: &mut Vec<(usize, usize)>) {
    hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut last_end = 0;
    hits.retain(|&(s, e)| {
        if s < last_end {
            return false;
        }
        last_end = e;
        true
    });
    hits.retain(|&(s, e)| {
        let before = s == 0 || !bytes[s - 1].is_ascii_alphanumeric();
        let after = e >= bytes.len() || !bytes[e].is_ascii_alphanumeric();
        before && after
    });
}

#[cfg(test)]
mod tests;
