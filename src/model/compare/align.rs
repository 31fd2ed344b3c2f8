//! Splitting a document's body into sentences and grouping them by topic.

use super::Sentence;
use super::topics::Lexicon;
use crate::model::document::{Document, Field};
use crate::model::sentence;

/// The id of the row that gathers sentences matching no topic.
pub const UNASSIGNED: &str = "unassigned";

/// A body sentence with the topics it was assigned to.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The sentence.
    pub sentence: Sentence,
    /// Indices into `Lexicon::topics`, best first; empty when no topic matched.
    pub topics: Vec<usize>,
}

/// The body sentences of a document, in reading order, with their topics.
pub fn place(doc: &Document, lex: &Lexicon) -> Vec<Placed> {
    let mut out = Vec::new();
    for (p, text) in doc.body.iter().enumerate() {
        let ranges = sentence::split(text);
        let texts: Vec<&str> = ranges.iter().map(|&(a, b)| &text[a..b]).collect();
        let topics = lex.assign_paragraph(&texts);
        for ((start, end), topics) in ranges.into_iter().zip(topics) {
            out.push(Placed {
                sentence: Sentence {
                    text: text[start..end].to_owned(),
                    field: Field::Body(p),
                    start,
                    end,
                    highlights: Vec::new(),
                },
                topics,
            });
        }
    }
    out
}

/// One topic's sentences on both sides, before the diff.
#[derive(Debug, Clone)]
pub struct Aligned {
    /// Topic id.
    pub topic: String,
    /// Topic label.
    pub label: String,
    /// Left sentences, in reading order.
    pub left: Vec<Sentence>,
    /// Right sentences, in reading order.
    pub right: Vec<Sentence>,
}

/// One row per topic in the lexicon's order, then a row of unassigned sentences when
/// either side has any.
pub fn align(lex: &Lexicon, left: &[Placed], right: &[Placed]) -> Vec<Aligned> {
    let side = |placed: &[Placed], topic: Option<usize>| -> Vec<Sentence> {
        placed
            .iter()
            .filter(|p| match topic {
                Some(t) => p.topics.contains(&t),
                None => p.topics.is_empty(),
            })
            .map(|p| p.sentence.clone())
            .collect()
    };
    let mut rows: Vec<Aligned> = lex
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| Aligned {
            topic: topic.id.clone(),
            label: topic.label.clone(),
            left: side(left, Some(t)),
            right: side(right, Some(t)),
        })
        .collect();
    let (l, r) = (side(left, None), side(right, None));
    if !l.is_empty() || !r.is_empty() {
        rows.push(Aligned {
            topic: UNASSIGNED.to_owned(),
            label: "Not matched to a topic".to_owned(),
            left: l,
            right: r,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &[&str]) -> Document {
        Document {
            id: "x".into(),
            body: body.iter().map(|s| (*s).to_owned()).collect(),
            ..Document::default()
        }
    }

    #[test]
    fn rows_follow_the_lexicon_and_show_uncovered_topics_as_empty() {
        let lex = Lexicon::embedded();
        let a = place(
            &doc(&[
                "The hybrid conference was chaired by Lt. Gen. Tran Van Binh. Multilateral defence diplomacy in ASEAN forums went well.",
                "Peacekeeping went on: the Field Hospital Rotation 3 deployed to South Sudan.",
            ]),
            lex,
        );
        let b = place(
            &doc(&[
                "Bilateral ties with neighbouring countries deepened. The 2nd Border Defence Friendship Exchange took place.",
            ]),
            lex,
        );
        let rows = align(lex, &a, &b);
        let ids: Vec<&str> = rows.iter().map(|r| r.topic.as_str()).collect();
        let lex_ids: Vec<&str> = lex.topics.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, lex_ids);
        let row = |id: &str| rows.iter().find(|r| r.topic == id).expect("row");
        assert_eq!(row("conference").left.len(), 1);
        assert!(row("conference").right.is_empty());
        assert_eq!(row("multilateral").left.len(), 1);
        assert_eq!(row("peacekeeping").left.len(), 1);
        assert_eq!(row("bilateral").right.len(), 1);
        assert_eq!(row("border").right.len(), 1);
        assert!(row("legal").left.is_empty() && row("legal").right.is_empty());
        assert_eq!(
            row("conference").left[0].text,
            "The hybrid conference was chaired by Lt. Gen. Tran Van Binh."
        );
    }

    #[test]
    fn unmatched_sentences_get_their_own_last_row() {
        let lex = Lexicon::embedded();
        let a = place(&doc(&["The weather was fine all week."]), lex);
        let rows = align(lex, &a, &[]);
        let last = rows.last().expect("rows");
        assert_eq!(last.topic, UNASSIGNED);
        assert_eq!(last.left.len(), 1);
        assert!(last.right.is_empty());
    }
}
