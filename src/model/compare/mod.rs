//! Side-by-side comparison of two articles, aligned by topic.
//! (Placeholder types and a trivial alignment: the full comparison replaces the functions.)

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
    /// The topic id from assets/topics.json.
    pub topic: String,
    /// Its display label.
    pub label: String,
    /// The left article's sentences on this topic.
    pub left: Vec<Sentence>,
    /// The right article's sentences on this topic.
    pub right: Vec<Sentence>,
    /// Entities (names) present only on the left.
    pub only_left: Vec<String>,
    /// Entities (names) present only on the right.
    pub only_right: Vec<String>,
    /// Changed ordinals and numbers.
    pub changes: Vec<Change>,
    /// True when the two sides differ in substance (coverage, entities or values).
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
    /// One row per topic, in the lexicon's fixed order.
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

/// Aligns two documents by topic.
pub fn compare(corpus: &Corpus, left: usize, right: usize) -> Comparison {
    let side = |i: usize| -> Vec<Sentence> {
        corpus.documents[i]
            .body
            .iter()
            .enumerate()
            .flat_map(|(p, text)| {
                super::sentence::split(text)
                    .into_iter()
                    .map(move |(start, end)| Sentence {
                        text: text[start..end].to_owned(),
                        field: Field::Body(p),
                        start,
                        end,
                        highlights: Vec::new(),
                    })
            })
            .collect()
    };
    let row = Row {
        topic: "all".into(),
        label: "All".into(),
        left: side(left),
        right: side(right),
        only_left: Vec::new(),
        only_right: Vec::new(),
        changes: Vec::new(),
        differs: true,
    };
    Comparison {
        left_index: left,
        right_index: right,
        left: corpus.documents[left].id.clone(),
        right: corpus.documents[right].id.clone(),
        rows: vec![row],
    }
}

/// Comparisons worth reading across the corpus, best first.
pub fn suggest(_corpus: &Corpus) -> Vec<Suggestion> {
    Vec::new()
}

/// Counterparts worth comparing with one document, best first.
pub fn suggest_for(corpus: &Corpus, doc: usize) -> Vec<Suggestion> {
    suggest(corpus)
        .into_iter()
        .filter(|s| s.left_index == doc || s.right_index == doc)
        .collect()
}
