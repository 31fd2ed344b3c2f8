//! Ranking documents for a query: every term must occur (AND), documents scored by
//! BM25 over the searched scope (the article, plus its related tail when asked).

use super::bm25::K1;
use super::index::SearchIndex;
use super::postings::Cursor;
use super::query::{SearchQuery, Term};

/// A document and its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// BM25 score summed over the query's terms.
    pub score: f32,
}

/// The best documents for a query and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RankedDocs {
    /// Best first; ties in document order.
    pub hits: Vec<Ranked>,
    /// Documents that contain every term.
    pub total: usize,
}

impl SearchIndex {
    /// The best `limit` documents containing every term of `query`, by BM25.
    pub fn rank(&self, query: &SearchQuery, related: bool, limit: usize) -> RankedDocs {
        let n = self.documents();
        if query.is_empty() || n == 0 {
            return RankedDocs::default();
        }
        let scope = usize::from(related);
        let mut score = vec![0f32; n];
        let mut matched = vec![0u8; n];
        for (t, term) in query.terms.iter().enumerate() {
            let counts = self.counts(term, related);
            if counts.is_empty() {
                return RankedDocs::default();
            }
            let df = counts.len() as f32;
            let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
            for (doc, count) in counts {
                let d = doc as usize;
                // Only documents that matched every earlier term can still match all.
                if matched[d] as usize != t {
                    continue;
                }
                let tf = count as f32;
                score[d] += idf * tf * (K1 + 1.0) / (tf + self.norm(d, scope));
                matched[d] += 1;
            }
        }
        let want = query.terms.len() as u8;
        let mut hits: Vec<Ranked> = (0..n)
            .filter(|&d| matched[d] == want)
            .map(|doc| Ranked {
                doc,
                score: score[doc],
            })
            .collect();
        let total = hits.len();
        let order = |a: &Ranked, b: &Ranked| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
        if limit < hits.len() {
            if limit == 0 {
                hits.clear();
            } else {
                hits.select_nth_unstable_by(limit - 1, order);
                hits.truncate(limit);
            }
        }
        hits.sort_unstable_by(order);
        RankedDocs { hits, total }
    }

    /// (document, occurrences) of a term, in document order.
    fn counts(&self, term: &Term, related: bool) -> Vec<(u32, u32)> {
        if term.is_phrase() {
            return self.phrase_counts(&term.words, related);
        }
        let mut out = Vec::new();
        if !term.prefix {
            if let Some(id) = self.term(&term.words[0]) {
                self.each_document(id, related, |d, c| out.push((d, c)));
            }
            return out;
        }
        let ids = self.with_prefix(&term.words[0]);
        if let [id] = ids {
            self.each_document(*id, related, |d, c| out.push((d, c)));
            return out;
        }
        let mut dense = vec![0u32; self.documents()];
        for &id in ids {
            self.each_document(id, related, |d, c| dense[d as usize] += c);
        }
        dense
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .map(|(d, c)| (d as u32, c))
            .collect()
    }

    /// (document, occurrences of the words in a row), in document order.
    fn phrase_counts(&self, words: &[String], related: bool) -> Vec<(u32, u32)> {
        let Some(ids) = words
            .iter()
            .map(|w| self.term(w))
            .collect::<Option<Vec<u32>>>()
        else {
            return Vec::new();
        };
        let mut per_word: Vec<Vec<(u32, Cursor<'_>)>> =
            ids.iter().map(|&id| self.cursors(id).collect()).collect();
        let mut out: Vec<(u32, u32)> = Vec::new();
        let mut push = |unit: u32, c: u32| {
            let doc = unit / 2;
            match out.last_mut() {
                Some((d, n)) if *d == doc => *n += c,
                _ => out.push((doc, c)),
            }
        };
        let first = std::mem::take(&mut per_word[0]);
        for (chunk, cursor) in first {
            let mut others: Vec<Cursor<'_>> = Vec::with_capacity(per_word.len() - 1);
            for segs in &per_word[1..] {
                match segs.iter().find(|(c, _)| *c == chunk) {
                    Some((_, cur)) => others.push(cur.clone()),
                    None => break,
                }
            }
            if others.len() + 1 < words.len() {
                continue;
            }
            phrase_in_chunk(cursor, &mut others, related, &mut push);
        }
        out
    }
}

/// Walks one chunk's postings of every word of a phrase together, calling
/// `push(unit, occurrences)` for each unit where the words stand in a row.
fn phrase_in_chunk(
    first: Cursor<'_>,
    others: &mut [Cursor<'_>],
    related: bool,
    push: &mut impl FnMut(u32, u32),
) {
    let mut heads: Vec<Option<super::postings::Posting>> =
        others.iter_mut().map(Iterator::next).collect();
    let (mut base, mut next, mut scratch) = (Vec::new(), Vec::new(), Vec::new());
    let lead = first.clone();
    'units: for p in first {
        if !related && p.unit % 2 == 1 {
            continue;
        }
        for (cur, head) in others.iter_mut().zip(heads.iter_mut()) {
            while head.is_some_and(|h| h.unit < p.unit) {
                *head = cur.next();
            }
            match head {
                Some(h) if h.unit == p.unit => {}
                Some(_) => continue 'units,
                None => return,
            }
        }
        lead.positions(&p, &mut base);
        for (k, (cur, head)) in others.iter().zip(&heads).enumerate() {
            let Some(h) = head else { return };
            cur.positions(h, &mut next);
            let shift = k as u32 + 1;
            scratch.clear();
            scratch.extend(
                base.iter()
                    .copied()
                    .filter(|&b| next.binary_search(&(b + shift)).is_ok()),
            );
            std::mem::swap(&mut base, &mut scratch);
            if base.is_empty() {
                continue 'units;
            }
        }
        push(p.unit, base.len() as u32);
    }
}
