//! The fixed words of every pattern family (place nouns, titles, organisation and event
//! heads, credit, law and ordinal words, the words of units, sittings and anniversaries),
//! found in one scan of a field by one ASCII-case-blind automaton.
//!
//! The automaton reports every occurrence, overlaps included; each family then keeps
//! its own: a case-sensitive family only the occurrences spelt exactly as its word,
//! and a family that runs at whole words the leftmost-longest choice among them (what
//! a leftmost-longest automaton over that family's words alone would report), so one
//! family's matches never hide another's.

use super::words;
use crate::model::entities::titles::Titles;
use crate::model::word_table::Table;
use aho_corasick::MatchKind;
use aho_corasick::nfa::noncontiguous::NFA;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The families whose patterns start at whole-word trigger hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Nouns after a place's name ("district").
    PlaceAfter = 0,
    /// Nouns before a place's name ("province of").
    PlaceBefore,
    /// Rank, office and honorific spellings.
    Title,
    /// Organisation head nouns ("Ministry").
    OrgHead,
    /// Event head nouns, as capitalised ("Forum").
    EventHead,
}

/// The families whose patterns run only when one of their words occurs anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Any {
    /// Credit-line openers ("Translated").
    Credit = 0,
    /// Kinds of legal documents and "Law".
    Law,
    /// Event head nouns in any case.
    EventHead,
    /// Ordinal words in any case ("first").
    Ordinal,
    /// "anniversar" (anniversary, anniversaries).
    Anniversary,
    /// The lower-case parts of the sitting words ("ession", "lenum", "ongress").
    Sitting,
    /// "Rotation".
    Rotation,
    /// "No.".
    Number,
    /// The heads of commands named by a number ("Region").
    CommandHead,
}

/// The families whose patterns run at every occurrence of their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starts {
    /// Kinds of legal documents ("Decree").
    LawKind = 0,
    /// The words that open a named law ("Law", "Ordinance").
    LawName,
}

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

/// A family as given to the builder: whole-word, or any-occurrence and case-blind or not.
#[derive(Debug, Clone, Copy)]
enum Family {
    Word(Words),
    Any(Any, bool),
    Starts(Starts),
}

fn owned<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words.into_iter().map(str::to_owned).collect()
}

/// Every family with its words.
fn families() -> Vec<(Family, Vec<String>)> {
    let ordinals = super::ORDINAL_WORDS;
    vec![
        (
            Family::Word(Words::PlaceAfter),
            owned(words::PLACE_AFTER.iter().chain(words::PLACE_KEPT).copied()),
        ),
        (
            Family::Word(Words::PlaceBefore),
            owned(words::PLACE_BEFORE.iter().copied()),
        ),
        (
            Family::Word(Words::Title),
            Titles::embedded().spellings.clone(),
        ),
        (
            Family::Word(Words::OrgHead),
            owned(words::ORG_HEADS.split('|')),
        ),
        (
            Family::Word(Words::EventHead),
            owned(words::EVENT_HEADS.split('|')),
        ),
        (
            Family::Any(Any::Credit, false),
            owned(words::CREDIT_WORDS.iter().copied()),
        ),
        (
            Family::Any(Any::Law, false),
            owned(words::LAW_KINDS.split('|').chain(["Law", "Ordinance"])),
        ),
        (
            Family::Starts(Starts::LawKind),
            owned(words::LAW_KINDS.split('|')),
        ),
        (Family::Starts(Starts::LawName), owned(["Law", "Ordinance"])),
        (
            Family::Any(Any::EventHead, true),
            owned(words::EVENT_HEADS.split('|')),
        ),
        (
            Family::Any(Any::Ordinal, true),
            owned(ordinals.iter().copied()),
        ),
        (Family::Any(Any::Anniversary, false), owned(["anniversar"])),
        (
            Family::Any(Any::Sitting, false),
            owned(words::SITTING_WORDS.iter().copied()),
        ),
        (Family::Any(Any::Rotation, false), owned(["Rotation"])),
        (Family::Any(Any::Number, false), owned(["No."])),
        (
            Family::Any(Any::CommandHead, false),
            owned(words::COMMAND_HEADS.split('|')),
        ),
    ]
}

#[cfg(test)]
mod tests {
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
}
