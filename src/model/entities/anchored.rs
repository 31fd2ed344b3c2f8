//! The longest of many needles that starts at a given offset, found by walking an
//! anchored Aho-Corasick DFA by hand: a search call per offset costs several times
//! the few steps most offsets take before no needle can match.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

/// Needles matched at one offset at a time, the longest winning.
#[derive(Debug)]
pub struct Longest {
    /// A leftmost-longest DFA for anchored searches only: the trie alone, without the
    /// failure transitions an unanchored search needs.
    dfa: DFA,
    /// Its anchored start state.
    start: StateID,
}

impl Longest {
    /// The automaton of `needles`; a needle's index is its pattern number.
    pub fn new<I, P>(needles: I) -> anyhow::Result<Longest>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .prefilter(false)
            .build(needles)?;
        let start = dfa.start_state(Anchored::Yes)?;
        Ok(Longest { dfa, start })
    }

    /// The longest needle starting at `at` in `bytes`: (pattern, end).
    #[inline]
    pub fn at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let mut found = None;
        for (i, &b) in bytes.get(at..)?.iter().enumerate() {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                if dfa.is_match(sid) {
                    let pid = dfa.match_pattern(sid, 0);
                    let end = at + i + 1;
                    // Match states also carry needles that start later (reached by
                    // failure in an unanchored search): not matches from `at`.
                    if end - dfa.pattern_len(pid) == at {
                        found = Some((pid.as_usize(), end));
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NEEDLES: [&str; 7] = ["Gen", "Gen.", "General", "Lt. Gen.", "Lt.", "a", "ab"];

    proptest! {
        #[test]
        fn the_walk_finds_what_an_anchored_search_finds(s in "(Gen|eral|Lt|\\.| |a|b|x){0,8}", at in 0usize..12) {
            let l = Longest::new(NEEDLES).expect("automaton");
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(NEEDLES)
                .expect("automaton");
            let want = (at <= s.len()).then(|| {
                let input = aho_corasick::Input::new(&s).range(at..).anchored(Anchored::Yes);
                ac.find(input).map(|m| (m.pattern().as_usize(), m.end()))
            }).flatten();
            prop_assert_eq!(l.at(s.as_bytes(), at), want);
        }
    }
}
