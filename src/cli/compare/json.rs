//! The JSON view of a comparison. A row's "left"/"right" are the texts of the
//! sentences shown in full (scripts rely on it); their positions and highlights are in
//! "*_detail", the one-line references in "*_refs".

use crate::model::Document;
use crate::model::compare::{Change, Comparison, Reference, Sentence};
use serde::Serialize;

/// The whole comparison.
#[derive(Serialize)]
pub(super) struct JsonComparison<'a> {
    left: &'a str,
    right: &'a str,
    left_title: &'a str,
    right_title: &'a str,
    left_label: &'a str,
    right_label: &'a str,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    digest: Vec<JsonDigest<'a>>,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonDigest<'a> {
    row: usize,
    topic: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonRef<'a> {
    text: &'a str,
    row: usize,
    topic: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    topic: &'a str,
    label: &'a str,
    left: Vec<&'a str>,
    right: Vec<&'a str>,
    left_refs: Vec<JsonRef<'a>>,
    right_refs: Vec<JsonRef<'a>>,
    differs: bool,
    changes: &'a [Change],
    only_left: &'a [String],
    only_right: &'a [String],
    left_detail: &'a [Sentence],
    right_detail: &'a [Sentence],
}

impl<'a> JsonComparison<'a> {
    pub(super) fn new(cmp: &'a Comparison, (l, r): (&'a Document, &'a Document)) -> Self {
        let topic = |i: usize| cmp.rows.get(i).map_or("", |row| row.topic.as_str());
        let texts = |s: &'a [Sentence]| s.iter().map(|x| x.text.as_str()).collect();
        let refs = |s: &'a [Reference]| {
            s.iter()
                .map(|x| JsonRef {
                    text: &x.sentence.text,
                    row: x.row,
                    topic: topic(x.row),
                })
                .collect()
        };
        JsonComparison {
            left: &cmp.left,
            right: &cmp.right,
            left_title: &l.title,
            right_title: &r.title,
            left_label: &cmp.left_label,
            right_label: &cmp.right_label,
            summary: &cmp.summary,
            note: cmp.note.as_deref(),
            digest: cmp
                .digest
                .iter()
                .map(|d| JsonDigest {
                    row: d.topic_row,
                    topic: topic(d.topic_row),
                    text: &d.text,
                })
                .collect(),
            rows: cmp
                .rows
                .iter()
                .map(|row| JsonRow {
                    topic: &row.topic,
                    label: &row.label,
                    left: texts(&row.left),
                    right: texts(&row.right),
                    left_refs: refs(&row.left_refs),
                    right_refs: refs(&row.right_refs),
                    differs: row.differs,
                    changes: &row.changes,
                    only_left: &row.only_left,
                    only_right: &row.only_right,
                    left_detail: &row.left,
                    right_detail: &row.right,
                })
                .collect(),
        }
    }
}
