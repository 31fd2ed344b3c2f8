//! What a comparison is made of: its rows of sentences, the changes linked across
//! the sides, the digest lines, and the suggestions of pairs worth comparing.

use super::aspect::Aspect;
use crate::model::document::Field;
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
    /// Whether it reviews the past period or sets tasks ahead.
    pub aspect: Aspect,
}

/// A sentence shown in full in another row (its primary topic's) and referred to here,
/// its secondary topic, in one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The sentence.
    pub sentence: Sentence,
    /// Index into `Comparison::rows` of the row that shows it in full.
    pub row: usize,
}

/// What a change is a change of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The edition of a series: "8th → 9th", "Rotation 2 → Rotation 4".
    Edition,
    /// A number with its noun: "22 → 20 locations".
    Number,
    /// The status of the same event: "in preparation → held".
    Status,
    /// Who held a role: the chair, the head of delegation.
    Role,
    /// How the meeting was held: "online → hybrid".
    Format,
}

/// A record that names both sides of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// What it is a value of ("Vietnam–China Border Defence Friendship Exchange",
    /// "locations", "chair", "format").
    pub what: String,
    /// The value on the left ("8th", "more than 100", "online").
    pub left: String,
    /// The value on the right.
    pub right: String,
    /// For an edition: the left one's status ("in preparation"), when the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_status: Option<String>,
    /// For an edition: the right one's status ("held").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_status: Option<String>,
}

impl Change {
    /// A change of `what` from `left` to `right`, with no edition statuses.
    pub fn new(
        kind: ChangeKind,
        what: impl Into<String>,
        left: impl Into<String>,
        right: impl Into<String>,
    ) -> Change {
        Change {
            kind,
            what: what.into(),
            left: left.into(),
            right: right.into(),
            left_status: None,
            right_status: None,
        }
    }
}

/// One topic row of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The topic id from assets/topics.json, or [`UNASSIGNED`](super::UNASSIGNED) for
    /// the last row of sentences that match no topic (present only when either side has
    /// any).
    pub topic: String,
    /// Its display label.
    pub label: String,
    /// Its short name, as in the digest ("Border").
    pub short: String,
    /// The left article's sentences whose primary topic this is, in reading order.
    pub left: Vec<Sentence>,
    /// The right article's.
    pub right: Vec<Sentence>,
    /// Left sentences whose secondary topic this is (shown in full in another row).
    pub left_refs: Vec<Reference>,
    /// Right sentences whose secondary topic this is.
    pub right_refs: Vec<Reference>,
    /// Names and values ("connecting 22 locations") in this row's left sentences that
    /// the right article does not name or say anywhere.
    pub only_left: Vec<String>,
    /// The same for the right.
    pub only_right: Vec<String>,
    /// Linked changes between the two sides.
    pub changes: Vec<Change>,
    /// True when the two sides differ in substance: one side is empty while the other
    /// is not, or names or values are on one side only, or values changed.
    pub differs: bool,
}

/// One line of the change digest, about one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestLine {
    /// Index into `Comparison::rows` of the row it sums up.
    pub topic_row: usize,
    /// The line ("Border: 8th → 9th Vietnam–China exchange (held); new: …").
    pub text: String,
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
    /// A short name for the left side in notes ("QDND 2023-H1"), telling it from the right.
    pub left_label: String,
    /// A short name for the right side.
    pub right_label: String,
    /// What the pair is ("half-year reviews of 2023-H1 and 2025-H1").
    pub summary: String,
    /// The few lines an analyst would note, each pointing at its row.
    pub digest: Vec<DigestLine>,
    /// One row per topic, in the lexicon's fixed order, then an
    /// [`UNASSIGNED`](super::UNASSIGNED) row when either side has sentences that match no
    /// topic.
    pub rows: Vec<Row>,
    /// Set when a side was too long to compare in full (what was left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
    /// Why ("half-year reviews of 2023 and 2025; topics 82% alike").
    pub reason: String,
    /// Higher is more worth reading.
    pub score: f32,
}
