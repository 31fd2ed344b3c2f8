//! Whole-line patterns of web chrome (assets/cleaning.json `debris_patterns`), each
//! compiled the first time a line could match it.
//!
//! Compiling them all at start took a fifth of the seeds' start-up: counted repetitions
//! of wide classes (`[^{}]{0,300}`) compile into one copy of the class per count. A
//! pattern anchored at the line start can only match a line that starts with one of its
//! prefix literals (regex-syntax works them out without compiling anything), so it waits
//! until such a line comes; the others are compiled together at once, as before.

use regex::{Regex, RegexSet};
use regex_syntax::hir::Look;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::sync::OnceLock;

/// The debris patterns: those compiled at once, and those waiting for a line.
#[derive(Debug, Default)]
pub struct LinePatterns {
    /// Patterns without a usable prefix, compiled together (none when there are none).
    eager: Option<RegexSet>,
    /// Patterns anchored at the line start, each behind its prefixes.
    gated: Vec<Gated>,
}

/// One anchored pattern and the literals every match of it starts with.
#[derive(Debug)]
struct Gated {
    source: String,
    /// Whether a line starting with this byte may start with one of `prefixes`.
    first: Box<[bool; 256]>,
    /// The prefixes, sorted, looked up by binary search (there are up to a few hundred:
    /// each case of "home").
    prefixes: Vec<Vec<u8>>,
    /// The lengths the prefixes have, each once.
    lengths: Vec<usize>,
    /// Compiled on first use; `None` if it does not compile (never for the embedded list,
    /// which a test compiles).
    regex: OnceLock<Option<Regex>>,
}

impl LinePatterns {
    /// The patterns of `sources`; none at all when one of them is not a valid pattern,
    /// as a set of them would not compile either.
    pub fn new(sources: &[String]) -> LinePatterns {
        let mut eager = Vec::new();
        let mut gated = Vec::new();
        for source in sources {
            let Ok(hir) = regex_syntax::parse(source) else {
                return LinePatterns::default();
            };
            match anchored_prefixes(&hir) {
                Some(prefixes) => gated.push(Gated::new(source, prefixes)),
                None => eager.push(source.as_str()),
            }
        }
        let eager = if eager.is_empty() {
            None
        } else {
            match RegexSet::new(eager) {
                Ok(set) => Some(set),
                Err(_) => return LinePatterns::default(),
            }
        };
        LinePatterns { eager, gated }
    }

    /// Whether one of the patterns matches `line`.
    pub fn is_match(&self, line: &str) -> bool {
        self.eager.as_ref().is_some_and(|s| s.is_match(line))
            || self.gated.iter().any(|g| g.is_match(line))
    }
}

/// The literals every match of `hir` starts with, when it can only match at the start of
/// the text and they are known and none is empty.
fn anchored_prefixes(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let literals = seq.literals()?;
    let prefixes: Vec<Vec<u8>> = literals.iter().map(|l| l.as_bytes().to_vec()).collect();
    (!prefixes.is_empty() && prefixes.iter().all(|p| !p.is_empty())).then_some(prefixes)
}

impl Gated {
    fn new(source: &str, mut prefixes: Vec<Vec<u8>>) -> Gated {
        prefixes.sort_unstable();
        prefixes.dedup();
        let mut lengths: Vec<usize> = prefixes.iter().map(Vec::len).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let mut first = Box::new([false; 256]);
        for p in &prefixes {
            if let Some(&b) = p.first() {
                first[usize::from(b)] = true;
            }
        }
        Gated {
            source: source.to_owned(),
            first,
            prefixes,
            lengths,
            regex: OnceLock::new(),
        }
    }

    fn is_match(&self, line: &str) -> bool {
        let bytes = line.as_bytes();
        let may = bytes.first().is_some_and(|&b| self.first[usize::from(b)])
            && self.lengths.iter().any(|&n| {
                bytes.get(..n).is_some_and(|head| {
                    self.prefixes
                        .binary_search_by(|p| p.as_slice().cmp(head))
                        .is_ok()
                })
            });
        may && self
            .regex
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
            .is_some_and(|r| r.is_match(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn embedded() -> Vec<String> {
        super::super::lexicon::Lexicon::embedded()
            .markers
            .debris_patterns
            .clone()
    }

    #[test]
    fn every_embedded_pattern_compiles_and_the_costly_ones_wait() {
        let sources = embedded();
        for s in &sources {
            assert!(Regex::new(s).is_ok(), "{s}");
        }
        let p = LinePatterns::new(&sources);
        assert!(p.gated.iter().any(|g| g.source.contains("{0,300}")));
        assert!(p.gated.iter().any(|g| g.source.contains("{5,200}")));
        assert!(p.gated.iter().all(|g| g.regex.get().is_none()));
        assert!(!p.is_match("The ministry met on Monday."));
        assert!(p.gated.iter().all(|g| g.regex.get().is_none()));
    }

    #[test]
    fn unanchored_and_invalid_patterns() {
        let p = LinePatterns::new(&["share$".to_owned(), "^(?i:tags?):".to_owned()]);
        assert!(p.eager.is_some() && p.gated.len() == 1);
        assert!(p.is_match("click to share") && p.is_match("TAGS: army"));
        assert!(!p.is_match("shared news") && !p.is_match("a tag: x"));
        let bad = LinePatterns::new(&["^ok".to_owned(), "(".to_owned()]);
        assert!(!bad.is_match("ok"));
        assert!(!LinePatterns::new(&[]).is_match(""));
    }

    fn same_as_a_set(line: &str) {
        static BOTH: OnceLock<(LinePatterns, RegexSet)> = OnceLock::new();
        let (patterns, set) = BOTH.get_or_init(|| {
            let sources = embedded();
            (
                LinePatterns::new(&sources),
                RegexSet::new(&sources).unwrap(),
            )
        });
        assert_eq!(patterns.is_match(line), set.is_match(line), "{line:?}");
    }

    #[test]
    fn lines_of_chrome_match_as_with_a_set() {
        for line in [
            "Share Print Email",
            "share · tweet · zalo",
            "Return icon",
            "Link https://example.org/a",
            "{\"id\": 3, \"type\": \"ad\"}",
            "{}",
            "[Photo gallery: the parade]",
            "[abc]",
            "Keywords: navy",
            "TAGS{",
            "Home › News › Defence",
            "Trang chủ | Quốc Phòng | Tin Tức | Thế Giới",
            "Home",
            "Mời quý độc giả xem",
            "The navy held drills.",
            "",
        ] {
            same_as_a_set(line);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn generated_lines_match_as_with_a_set(
            line in "(Home|HOME|home|Trang chủ|TRANG CHỦ|Share|tags?|Keywords|Link|Mời|\\{|\\[|)\
                     ([A-Za-zÀ-ỹ&|›»>/·:{}\\[\\] -]{0,12}|[ A-Z][a-z]{0,4}){0,8}(\\}|\\]|)"
        ) {
            same_as_a_set(&line);
        }
    }
}
