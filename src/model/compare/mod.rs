//! Side-by-side comparison of two articles, aligned by topic: each body sentence is
//! assigned to the topics of a defence-diplomacy review (assets/topics.json), the two
//! articles' sentences are laid out in one row per topic, and what differs within a
//! row (names on one side only, changed numbers and ordinals) is marked. A sentence
//! that clearly covers several topics appears in each of their rows.

mod align;
mod diff;
mod facts;
mod pairing;
mod suggest;
pub mod topics;
mod values;

pub use align::UNASSIGNED;
pub use suggest::{suggest, suggest_for};

use super::corpus::Corpus;
use super::document::Field;
use serde::Serialize;

/// One sentence of one side of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence text.
    pub text: String,
    /// Where it sits in its document.
    #[serde(flatten)]
    pub field: Field,
    /// Byte range of the sentence within the field's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Byte ranges within `text` that differ from the other side (entities, numbers, ordinals).
    pub highlights: Vec<(usize, usize)>,
}

/// A changed value between the two sides ("8th" → "9th").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The value on the left.
    pub from: String,
    /// The value on the right.
    pub to: String,
    /// What it is the value of ("Vietnam–China Border Defence Friendship Exchange").
    pub what: String,
}

/// One topic row of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The topic id from assets/topics.json, or [`UNASSIGNED`] for the last row of
    /// sentences that match no topic (present only when either side has any).
    pub topic: String,
    /// Its display label.
    pub label: String,
    /// The left article's sentences on this topic.
    pub left: Vec<Sentence>,
    /// The right article's sentences on this topic.
    pub right: Vec<Sentence>,
    /// Entities, events and values ("connecting 22 locations") present only on the left.
    pub only_left: Vec<String>,
    /// Entities, events and values present only on the right.
    pub only_right: Vec<String>,
    /// Changed ordinals and numbers.
    pub changes: Vec<Change>,
    /// True when the two sides differ in substance: one side is empty while the other
    /// is not, or names or values are on one side only, or values changed.
    pub differs: bool,
}

/// Two documents aligned by topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Index of the left document in `Corpus::documents`.
    #[serde(skip)]
    pub left_index: usize,
    /// Index of the right document.
    #[serde(skip)]
    pub right_index: usize,
    /// Left document id.
    pub left: String,
    /// Right document id.
    pub right: String,
    /// One row per topic, in the lexicon's fixed order, then an [`UNASSIGNED`] row when
    /// either side has sentences that match no topic.
    pub rows: Vec<Row>,
}

/// A comparison worth reading, proposed by the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Left document index.
    #[serde(skip)]
    pub left_index: usize,
    /// Right document index.
    #[serde(skip)]
    pub right_index: usize,
    /// Left document id.
    pub left: String,
    /// Right document id.
    pub right: String,
    /// Why ("half-year reviews of 2023 and 2025").
    pub reason: String,
    /// Higher is more worth reading.
    pub score: f32,
}

/// Aligns two documents (indices into `corpus.documents`) by topic.
/// Out-of-range indices give a comparison with empty sides.
pub fn compare(corpus: &Corpus, left: usize, right: usize) -> Comparison {
    let lex = topics::Lexicon::embedded();
    let placed = |i: usize| {
        corpus
            .documents
            .get(i)
            .map(|d| align::place(d, lex))
            .unwrap_or_default()
    };
    let (lp, rp) = (placed(left), placed(right));
    let facts = |i: usize, p: &[align::Placed]| {
        let all: Vec<Sentence> = p.iter().map(|x| x.sentence.clone()).collect();
        facts::Facts::of(corpus, i, &all, lex)
    };
    let (lf, rf) = (facts(left, &lp), facts(right, &rp));
    let rows = align::align(lex, &lp, &rp)
        .into_iter()
        .map(|mut a| {
            let d = diff::diff(
                corpus,
                (left, right),
                &mut a.left,
                &mut a.right,
                (&lf, &rf),
                lex,
            );
            let differs = a.left.is_empty() != a.right.is_empty()
                || !d.only_left.is_empty()
                || !d.only_right.is_empty()
                || !d.changes.is_empty();
            Row {
                topic: a.topic,
                label: a.label,
                left: a.left,
                right: a.right,
                only_left: d.only_left,
                only_right: d.only_right,
                changes: d.changes,
                differs,
            }
        })
        .collect();
    let id = |i: usize| {
        corpus
            .documents
            .get(i)
            .map(|d| d.id.clone())
            .unwrap_or_default()
    };
    Comparison {
        left_index: left,
        right_index: right,
        left: id(left),
        right: id(right),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::Document;
    use proptest::prelude::*;

    /// Two documents `d0` and `d1` with these bodies (shared by the compare tests).
    pub(super) fn corpus(bodies: [Vec<String>; 2]) -> Corpus {
        Corpus::new(
            bodies
                .into_iter()
                .enumerate()
                .map(|(i, body)| Document {
                    id: format!("d{i}"),
                    body,
                    ..Document::default()
                })
                .collect(),
            Vec::new(),
            vec![Vec::new(), Vec::new()],
            Vec::new(),
            Vec::new(),
        )
    }

    #[test]
    fn an_uncovered_topic_differs_and_a_shared_one_does_not() {
        let c = corpus([
            vec!["Peacekeeping went on. The hybrid conference was chaired by the minister.".into()],
            vec!["The conference, held online, was chaired by the minister.".into()],
        ]);
        let cmp = compare(&c, 0, 1);
        let row = |id: &str| cmp.rows.iter().find(|r| r.topic == id).expect("row");
        assert!(row("peacekeeping").differs);
        assert!(row("peacekeeping").right.is_empty());
        assert!(!row("conference").differs);
        assert!(!row("legal").differs);
        assert_eq!((cmp.left.as_str(), cmp.right.as_str()), ("d0", "d1"));
    }

    #[test]
    fn out_of_range_documents_give_empty_sides() {
        let c = corpus([vec![], vec![]]);
        let cmp = compare(&c, 7, 9);
        assert!(
            cmp.rows
                .iter()
                .all(|r| r.left.is_empty() && r.right.is_empty() && !r.differs)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics_and_highlights_stay_in_bounds(
            a in proptest::collection::vec(".{0,200}", 0..4),
            b in proptest::collection::vec("[A-Za-z0-9 .,;:()–-]{0,200}", 0..4),
        ) {
            let c = corpus([a, b]);
            let cmp = compare(&c, 0, 1);
            for row in &cmp.rows {
                for s in row.left.iter().chain(&row.right) {
                    for &(x, y) in &s.highlights {
                        prop_assert!(x < y && s.text.get(x..y).is_some());
                    }
                }
            }
        }
    }
}
