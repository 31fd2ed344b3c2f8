//! A word automaton copied into a flat transition table that `walk` reads with the
//! table in registers. Walking the automaton through its own methods reloaded its
//! fields from memory at every byte (the loop writes found words, which might alias
//! them) and cost about twenty instructions a byte; the metadata's cue scan and the
//! entities' trigger scan read every byte of every article. The table is made from the automaton's NFA, the step before its DFA:
//! making the DFA and the table from it cost half as much again (30 against 20 million
//! instructions at start-up).

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::automaton::StateID;
use aho_corasick::nfa::noncontiguous::NFA;

/// The automaton's states as rows of a table, a column per class of bytes.
#[derive(Debug)]
pub(crate) struct Table {
    /// The column of each byte.
    classes: [u8; 256],
    /// Columns per row.
    stride: u32,
    /// The next state of each state and column; a state's id is its row's offset.
    trans: Vec<u32>,
    /// The start state.
    start: u32,
    /// The states from this id on are the match states.
    first_match: u32,
    /// Per match state, in row order: its range in `ends` and its literal bits.
    ends_of: Vec<(u32, u32, u32)>,
    /// The words that end in a match state: (word, its length in bytes).
    ends: Vec<(u32, u32)>,
}

/// The column of each byte: every byte of no pattern shares column 0 (from any state it
/// leads where a byte of no pattern can: to the state of no prefix read); each other
/// byte has a column of its own, shared with its other ASCII case (the automaton
/// folds ASCII case). `None` when there are more than 256 columns.
fn classes(patterns: &[String]) -> Option<([u8; 256], usize)> {
    let mut classes = [0u8; 256];
    let mut n = 1;
    for b in patterns.iter().flat_map(|p| p.bytes()) {
        let b = b.to_ascii_lowercase();
        if classes[usize::from(b)] == 0 {
            let c = u8::try_from(n).ok()?;
            classes[usize::from(b)] = c;
            classes[usize::from(b.to_ascii_uppercase())] = c;
            n += 1;
        }
    }
    Some((classes, n))
}

impl Table {
    /// The table of `nfa`, built (ASCII case-insensitive, unanchored) from `patterns`:
    /// its first `words` are words whose ends `walk` gives, each later one a literal
    /// that sets bit `bits[i - words]` of what `walk` returns.
    pub(crate) fn new(nfa: &NFA, patterns: &[String], words: usize, bits: &[u32]) -> Option<Table> {
        let (classes, stride) = classes(patterns)?;
        // A byte of each column (column 0: the first byte of no pattern).
        let mut reps = vec![None; stride];
        for b in (0..=255u8).rev() {
            reps[usize::from(classes[usize::from(b)])] = Some(b);
        }
        let reps: Vec<u8> = reps.into_iter().collect::<Option<_>>()?;
        // Every state the start state reaches, in the order found, with the index (in
        // that order) of its next state per column. The automaton's ids index `order`.
        let start = nfa.start_state(Anchored::No).ok()?;
        let mut order: Vec<u32> = Vec::new();
        let mut index = |sid: StateID, states: &mut Vec<StateID>| {
            let k = sid.as_usize();
            if order.len() <= k {
                order.resize(k + 1, u32::MAX);
            }
            if order[k] == u32::MAX {
                order[k] = u32::try_from(states.len()).ok()?;
                states.push(sid);
            }
            Some(order[k])
        };
        let mut states = Vec::new();
        index(start, &mut states)?;
        let mut next = Vec::new();
        let mut i = 0;
        while let Some(&s) = states.get(i) {
            for &b in &reps {
                next.push(index(nfa.next_state(Anchored::No, s, b), &mut states)?);
            }
            i += 1;
        }
        // Rows: the states that match nothing first, then the match states.
        let matching: Vec<bool> = states.iter().map(|&s| nfa.is_match(s)).collect();
        let rows: Vec<usize> = (0..states.len())
            .filter(|&k| !matching[k])
            .chain((0..states.len()).filter(|&k| matching[k]))
            .collect();
        let width = u32::try_from(stride).ok()?;
        let mut id = vec![0u32; states.len()];
        for (r, &k) in (0u32..).zip(&rows) {
            id[k] = r.checked_mul(width)?;
        }
        let first_match = u32::try_from(matching.iter().filter(|&&m| !m).count() * stride).ok()?;
        let mut trans = Vec::with_capacity(rows.len() * stride);
        let mut ends_of = Vec::new();
        let mut ends = Vec::new();
        for &k in &rows {
            trans.extend(
                next[k * stride..(k + 1) * stride]
                    .iter()
                    .map(|&t| id[t as usize]),
            );
            if !matching[k] {
                continue;
            }
            let s = states[k];
            let from = u32::try_from(ends.len()).ok()?;
            let mut lits = 0;
            for m in 0..nfa.match_len(s) {
                let p = nfa.match_pattern(s, m);
                match p.as_usize().checked_sub(words) {
                    Some(lit) => lits |= bits.get(lit)?,
                    None => ends.push((p.as_u32(), u32::try_from(nfa.pattern_len(p)).ok()?)),
                }
            }
            ends_of.push((from, u32::try_from(ends.len()).ok()?, lits));
        }
        Some(Table {
            classes,
            stride: width,
            trans,
            start: id[0],
            first_match,
            ends_of,
            ends,
        })
    }

    /// Pushes every occurrence of every word in `text` as (start, word, end), by end,
    /// as an overlapping search finds them; returns the bits of the literals it holds.
    pub(crate) fn walk(&self, text: &[u8], found: &mut Vec<(usize, usize, usize)>) -> u32 {
        let (classes, trans) = (&self.classes, self.trans.as_slice());
        // In a local, not reloaded after each push.
        let first_match = self.first_match as usize;
        let step = |sid: usize, b: u8| trans[sid + usize::from(classes[usize::from(b)])] as usize;
        let mut lits = 0;
        let mut sid = self.start as usize;
        let mut chunks = text.chunks_exact(4);
        // Four bytes between tests of the loop's end; `i` is the offset past the byte.
        for (k, chunk) in chunks.by_ref().enumerate() {
            for (j, &b) in chunk.iter().enumerate() {
                sid = step(sid, b);
                if sid >= first_match {
                    self.ended(sid - first_match, 4 * k + j + 1, &mut lits, found);
                }
            }
        }
        let done = text.len() - chunks.remainder().len();
        for (j, &b) in chunks.remainder().iter().enumerate() {
            sid = step(sid, b);
            if sid >= first_match {
                self.ended(sid - first_match, done + j + 1, &mut lits, found);
            }
        }
        lits
    }

    /// Records the words and literals of the match state `first_match + off` reached
    /// with the byte before offset `i`.
    #[inline(never)]
    fn ended(&self, off: usize, i: usize, lits: &mut u32, found: &mut Vec<(usize, usize, usize)>) {
        // Ids are below `u32::MAX` (`new`), and the division is cheaper on 32 bits.
        let row = off as u32 / self.stride;
        let Some(&(from, to, bits)) = self.ends_of.get(row as usize) else {
            return;
        };
        *lits |= bits;
        for &(word, len) in self
            .ends
            .get(from as usize..to as usize)
            .unwrap_or_default()
        {
            found.push((i.saturating_sub(len as usize), word as usize, i));
        }
    }
}
