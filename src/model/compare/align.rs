//! Splitting a document's body into sentences, giving each its topics, and laying the
//! two sides out in rows. One pass over the text; nothing here compares sentences
//! pairwise.

use super::assign::{Assigned, assign};
use super::comparison::Sentence;
use super::topics::Lexicon;
use crate::model::corpus::Corpus;
use crate::model::document::Field;
use crate::model::sentence;
use rustc_hash::FxHashMap;

/// The id of the row that gathers sentences matching no topic.
pub const UNASSIGNED: &str = "unassigned";

/// A body sentence with its topics and the entities it names.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The sentence.
    pub sentence: Sentence,
    /// Its topics.
    pub topics: Assigned,
    /// The entities it names: (entity index, start, end), relative to the sentence.
    pub names: Vec<(usize, usize, usize)>,
}

impl Placed {
    /// The row of its primary topic (`topics` for the unassigned row).
    pub fn row(&self, topics: usize) -> usize {
        self.topics.primary.unwrap_or(topics)
    }

    /// True when the sentence is shown or referred to in row `row`.
    pub fn in_row(&self, row: usize, topics: usize) -> bool {
        self.row(topics) == row || self.topics.secondary == Some(row)
    }
}

/// The placed sentences of one document, and how much of its body was left out.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// The sentences, in reading order.
    pub placed: Vec<Placed>,
    /// (bytes compared, bytes of body) when the body was longer than the limit.
    pub cut: Option<(usize, usize)>,
}

/// The body sentences of document `doc` with their topics, up to `max_bytes` of text.
pub fn place(corpus: &Corpus, doc: usize, lex: &Lexicon, max_bytes: usize) -> Placement {
    let Some(d) = corpus.documents.get(doc) else {
        return Placement::default();
    };
    let mut mentions: Vec<(Field, usize, usize, usize)> = corpus
        .mentions
        .get(doc)
        .into_iter()
        .flatten()
        .filter(|m| matches!(m.field(), Field::Body(_)))
        .map(|m| (m.field(), m.start(), m.end(), m.entity()))
        .collect();
    mentions.sort_unstable();
    let mut name_scores: FxHashMap<usize, Vec<f32>> = FxHashMap::default();
    let mut out = Placement::default();
    let mut used = 0;
    let mut next_mention = 0;
    'paragraphs: for (p, text) in d.body.iter().enumerate() {
        let field = Field::Body(p);
        let mut prev = None;
        for (start, end) in sentence::split(text) {
            if used + (end - start) > max_bytes {
                out.cut = Some((used, d.body.iter().map(str::len).sum()));
                break 'paragraphs;
            }
            used += end - start;
            while next_mention < mentions.len()
                && (mentions[next_mention].0, mentions[next_mention].1) < (field, start)
            {
                next_mention += 1;
            }
            let names: Vec<(usize, usize, usize)> = mentions[next_mention..]
                .iter()
                .take_while(|m| m.0 == field && m.1 < end)
                .filter(|m| m.2 <= end)
                .map(|m| (m.3, m.1 - start, m.2 - start))
                .collect();
            let text = &text[start..end];
            let normalized = lex.normalize(text);
            let mut scores = vec![0.0; lex.topics.len()];
            lex.score_normalized(&normalized, &mut scores);
            add_name_scores(corpus, lex, &names, &mut name_scores, &mut scores);
            let reading = lex.aspect.read(&normalized, d.period);
            let topics = assign(lex, scores, reading, prev);
            prev = topics.primary;
            out.placed.push(Placed {
                sentence: Sentence {
                    text: text.to_owned(),
                    field,
                    start,
                    end,
                    highlights: Vec::new(),
                    aspect: topics.aspect,
                },
                topics,
                names,
            });
        }
    }
    out
}

/// Adds the weighted topic scores of the names of the entities a sentence names (each
/// entity once), so a sentence naming "Rotation 4" of a field hospital counts as
/// peacekeeping.
fn add_name_scores(
    corpus: &Corpus,
    lex: &Lexicon,
    names: &[(usize, usize, usize)],
    cache: &mut FxHashMap<usize, Vec<f32>>,
    scores: &mut [f32],
) {
    let mut seen: Vec<usize> = Vec::new();
    for &(e, ..) in names {
        if seen.contains(&e) || seen.len() > 32 {
            continue;
        }
        seen.push(e);
        let s = cache.entry(e).or_insert_with(|| {
            corpus.entities.get(e).map_or_else(Vec::new, |ent| {
                let words = format!("{} {}", ent.name, ent.series.as_deref().unwrap_or(""));
                lex.score(&words)
            })
        });
        for (t, v) in s.iter().enumerate() {
            if let Some(x) = scores.get_mut(t) {
                *x += v * lex.thresholds.entity_weight;
            }
        }
    }
}

/// Which sentences of each side a row holds: indices into the sides' placed sentences.
#[derive(Debug, Clone, Default)]
pub struct Slots {
    /// Left sentences whose primary topic the row is.
    pub left: Vec<usize>,
    /// Right sentences whose primary topic the row is.
    pub right: Vec<usize>,
    /// Left sentences whose secondary topic the row is.
    pub left_refs: Vec<usize>,
    /// Right sentences whose secondary topic the row is.
    pub right_refs: Vec<usize>,
}

/// One slot per topic in the lexicon's order, then one for unassigned sentences.
pub fn slots(lex: &Lexicon, left: &[Placed], right: &[Placed]) -> Vec<Slots> {
    let n = lex.topics.len();
    let mut rows = vec![Slots::default(); n + 1];
    for (i, p) in left.iter().enumerate() {
        rows[p.row(n)].left.push(i);
        if let Some(s) = p.topics.secondary {
            rows[s].left_refs.push(i);
        }
    }
    for (i, p) in right.iter().enumerate() {
        rows[p.row(n)].right.push(i);
        if let Some(s) = p.topics.secondary {
            rows[s].right_refs.push(i);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::tests::corpus;

    #[test]
    fn each_sentence_has_one_row_and_topics_follow_the_lexicon() {
        let lex = Lexicon::embedded();
        let c = corpus([
            vec![
                "The hybrid conference was chaired by Lt. Gen. Tran Van Binh. Multilateral defence diplomacy in ASEAN forums went well.".into(),
                "Peacekeeping went on: the Field Hospital Rotation 3 deployed to South Sudan.".into(),
            ],
            vec!["Bilateral ties with neighbouring countries deepened. The 2nd Border Defence Friendship Exchange took place.".into()],
        ]);
        let a = place(&c, 0, lex, usize::MAX);
        let b = place(&c, 1, lex, usize::MAX);
        let rows = slots(lex, &a.placed, &b.placed);
        assert_eq!(rows.len(), lex.topics.len() + 1);
        let row = |id: &str| &rows[lex.topic(id).unwrap_or(0)];
        assert_eq!(row("conference").left, [0]);
        assert_eq!(row("multilateral").left, [1]);
        assert_eq!(row("peacekeeping").left, [2]);
        assert_eq!(row("bilateral").right, [0]);
        assert_eq!(row("border").right, [1]);
        let shown: usize = rows.iter().map(|r| r.left.len()).sum();
        assert_eq!(shown, a.placed.len());
        assert_eq!(
            a.placed[0].sentence.text,
            "The hybrid conference was chaired by Lt. Gen. Tran Van Binh."
        );
        assert!(a.cut.is_none());
    }

    #[test]
    fn unmatched_sentences_go_to_the_last_slot() {
        let lex = Lexicon::embedded();
        let c = corpus([vec!["The weather was fine all week.".into()], vec![]]);
        let a = place(&c, 0, lex, usize::MAX);
        let rows = slots(lex, &a.placed, &[]);
        assert_eq!(rows.last().map(|r| r.left.clone()), Some(vec![0]));
    }

    #[test]
    fn a_body_over_the_limit_is_cut_at_a_sentence() {
        let lex = Lexicon::embedded();
        let c = corpus([
            vec!["One ship came. Two ships came. Three ships came.".into()],
            vec![],
        ]);
        let a = place(&c, 0, lex, 30);
        assert_eq!(a.placed.len(), 2);
        assert_eq!(a.cut, Some((29, 48)));
    }
}
