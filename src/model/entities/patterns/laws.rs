//! Legal documents: numbered decrees, resolutions, conclusions ("Decree 234/2025/NĐ-CP",
//! "Resolutions 57, 59 and 68") and named laws ("the Law on National Defence").

use super::super::candidate::Candidate;
use super::triggers::{Any, Hits, Starts};
use super::words::LAW_KINDS as KINDS;
use super::{CAP, trim_trailing};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

/// The patterns, each as written to search a whole text; compiled anchored ([`compiled`]),
/// they run only at the words they start with.
fn patterns() -> [String; 3] {
    [
        format!(r"(?-u:\b)(?P<k>{KINDS})\s+(?:No\.?\s*)?(?P<num>\d+(?:[/-][\p{{L}}\d]+)*)"),
        format!(
            r"(?-u:\b)(?P<k>(?:{KINDS})s)\s+(?:Nos?\.?\s*)?(?P<nums>\d+(?:(?:,\s*|,?\s+and\s+)\d+)+)"
        ),
        format!(
            r"(?-u:\b)(?:Law|Ordinance) on\s+(?:the\s+)?{CAP}(?:\s+(?:{CAP}|in|of|and|on|for|the))*"
        ),
    ]
}

struct Compiled {
    numbered: Regex,
    list: Regex,
    number: Regex,
    named: Regex,
}

/// Builds the patterns now (see `entities::prepare`).
pub(super) fn prepare() {
    compiled();
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let [numbered, list, named] =
            patterns().map(|p| super::build_regex(&format!("^{p}")).expect("law regex is valid"));
        Compiled {
            numbered,
            list,
            number: super::build_regex(r"\d+").expect("number regex is valid"),
            named,
        }
    })
}

/// Law candidates in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Law candidates in `text`, whose trigger hits are `hits`: the patterns run only where
/// one of the words they all need occurs, and there only at those words.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    if !hits.any(Any::Law) {
        return;
    }
    let c = compiled();
    let kinds = hits.starts(Starts::LawKind);
    each_at(text, kinds, |at| {
        let m = c.numbered.captures(&text[at..])?;
        numbered(&m, at, out);
        Some(at + m.get(0)?.end())
    });
    each_at(text, kinds, |at| {
        let m = c.list.captures(&text[at..])?;
        listed(&m, at, c, out);
        Some(at + m.get(0)?.end())
    });
    each_at(text, hits.starts(Starts::LawName), |at| {
        let m = c.named.find(&text[at..])?;
        named(m.as_str(), at, out);
        Some(at + m.end())
    });
}

/// Runs `found` at each of `starts` (ascending) that opens a word and lies after the
/// last match, as a search of the whole text meets them: every match of the patterns
/// opens with a word that `starts` holds. `found` gives the end of its match.
fn each_at(text: &str, starts: &[usize], mut found: impl FnMut(usize) -> Option<usize>) {
    let b = text.as_bytes();
    let mut done = 0;
    for &at in starts {
        let word_start = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_');
        if at < done || !word_start {
            continue;
        }
        if let Some(end) = found(at) {
            done = end;
        }
    }
}

/// "Decree 234/2025/NĐ-CP", matched at `at`.
fn numbered(m: &regex::Captures<'_>, at: usize, out: &mut Vec<Candidate>) {
    let (Some(k), Some(num)) = (m.name("k"), m.name("num")) else {
        return;
    };
    let name = format!("{} {}", k.as_str(), num.as_str());
    let whole = m
        .get(0)
        .map_or((k.start(), num.end()), |w| (w.start(), w.end()));
    out.push(Candidate::new(
        EntityKind::Law,
        at + whole.0,
        at + whole.1,
        &name,
    ));
}

/// "Resolutions 57, 59 and 68", matched at `at`: one law each.
fn listed(m: &regex::Captures<'_>, at: usize, c: &Compiled, out: &mut Vec<Candidate>) {
    let (Some(k), Some(nums)) = (m.name("k"), m.name("nums")) else {
        return;
    };
    let singular = k.as_str().trim_end_matches('s');
    for (i, n) in c.number.find_iter(nums.as_str()).enumerate() {
        let start = if i == 0 {
            k.start()
        } else {
            nums.start() + n.start()
        };
        let end = nums.start() + n.end();
        out.push(Candidate::new(
            EntityKind::Law,
            at + start,
            at + end,
            &format!("{singular} {}", n.as_str()),
        ));
    }
}

/// "the Law on National Defence", matched at `at`.
fn named(matched: &str, at: usize, out: &mut Vec<Candidate>) {
    let name = trim_trailing(matched);
    out.push(Candidate::new(EntityKind::Law, at, at + name.len(), name));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The patterns searched through the whole text, one match after another: what
    /// running them at their words must find.
    fn searched(text: &str) -> Vec<Candidate> {
        let c = compiled();
        let [numbered_re, list_re, named_re] =
            patterns().map(|p| super::super::build_regex(&p).expect("valid"));
        let mut out = Vec::new();
        for m in numbered_re.captures_iter(text) {
            numbered(&m, 0, &mut out);
        }
        for m in list_re.captures_iter(text) {
            listed(&m, 0, c, &mut out);
        }
        for m in named_re.find_iter(text) {
            named(m.as_str(), m.start(), &mut out);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn laws_at_their_words_are_the_laws_searched(
            picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..30)
        ) {
            let mut pieces: Vec<&str> = KINDS.split('|').collect();
            pieces.extend([
                "Law", "Ordinance", "s", " ", " ", " on ", " on the ", "No. ", "Nos. ", "57", "234/2025/NĐ-CP",
                ", ", " and ", "-", "_", "x", "People’s", "Army", "of", "Việt", "Decrees", "Law on",
            ]);
            let text: String = picks.iter().map(|i| *i.get(&pieces)).collect();
            let mut out = Vec::new();
            find(&text, &mut out);
            prop_assert_eq!(out, searched(&text));
        }
    }

    fn laws(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn numbered_documents() {
        assert_eq!(
            laws("under Decree 234/2025/NĐ-CP of 27 August"),
            ["Decree 234/2025/NĐ-CP"]
        );
        assert_eq!(
            laws("Resolution No. 57-NQ/TW on science"),
            ["Resolution 57-NQ/TW"]
        );
        assert_eq!(laws("Conclusion 35 was adopted."), ["Conclusion 35"]);
    }

    #[test]
    fn lists_give_one_law_each() {
        let l = laws("the Politburo's Resolutions 57, 59, 66, and 68 focus");
        assert_eq!(
            l,
            [
                "Resolution 57",
                "Resolution 59",
                "Resolution 66",
                "Resolution 68"
            ]
        );
    }

    #[test]
    fn named_laws() {
        assert_eq!(
            laws("the Law on Participation in United Nations Peacekeeping Operations and"),
            ["Law on Participation in United Nations Peacekeeping Operations"]
        );
        assert_eq!(
            laws("amending the Law on the People's Army of Laos."),
            ["Law on the People's Army of Laos"]
        );
    }
}
