//! Finding the sentence around a mention, and the entities inside a sentence.

use crate::model::document::{Document, Field};
use crate::model::entity::{Entity, EntityKind, Mention};
use crate::model::event::EventSentence;
use crate::model::sentence;
use crate::model::text::fold_char;

/// The byte range of the sentence of `text` that contains `start`; the whole text when
/// the splitter finds none (e.g. an offset between sentences).
pub(super) fn sentence_around(text: &str, start: usize) -> (usize, usize) {
    sentence::split(text)
        .into_iter()
        .find(|&(a, b)| a <= start && start < b)
        .unwrap_or((0, text.len()))
}

/// The sentence `range` of `doc`'s `field` as an [`EventSentence`].
pub(super) fn event_sentence(doc: &Document, field: Field, range: (usize, usize)) -> EventSentence {
    let text = doc.text(field);
    EventSentence {
        document: doc.id.clone(),
        field,
        start: range.0,
        end: range.1,
        text: text.get(range.0..range.1).unwrap_or("").to_owned(),
    }
}

/// Folds char by char, so char indices of the result match those of `s`.
pub(super) fn fold_chars(s: &str) -> String {
    // Most sentences are ASCII, where folding is lower-casing.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(fold_char).collect()
}

/// Number of chars of `s` before byte `at` (clamped to a char boundary).
pub(super) fn char_index(s: &str, at: usize) -> usize {
    s.char_indices().take_while(|&(i, _)| i < at).count()
}

/// Person and organisation mentions of `mentions` (one document's, sorted by field and
/// start as the corpus keeps them) that lie inside the sentence `range` of `field`.
/// The sentence's mentions are found by binary search: a book-length document has
/// thousands of sentences and mentions, and a scan per sentence would be quadratic.
pub(super) fn people_and_bodies<'a>(
    mentions: &'a [Mention],
    entities: &'a [Entity],
    field: Field,
    range: (usize, usize),
) -> impl Iterator<Item = &'a Mention> {
    let first = mentions.partition_point(|m| (m.field, m.start) < (field, range.0));
    mentions[first..]
        .iter()
        .take_while(move |m| m.field == field && m.start <= range.1)
        .filter(move |m| {
            m.end <= range.1
                && entities
                    .get(m.entity)
                    .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org))
        })
}

/// Appends `id` unless already present (keeps first-seen order).
pub(super) fn push_unique(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence_of_an_offset() {
        let t = "First one. The 9th exchange was held. Last.";
        let (a, b) = sentence_around(t, t.find("9th").unwrap_or(0));
        assert_eq!(&t[a..b], "The 9th exchange was held.");
        assert_eq!(sentence_around("", 0), (0, 0));
        assert_eq!(char_index("Chiến x", "Chiến".len()), 5);
        assert_eq!(fold_chars("Chiến").chars().count(), 5);
    }

    #[test]
    fn people_and_bodies_of_a_sentence_only() {
        let entity = |kind| Entity {
            id: String::new(),
            kind,
            name: String::new(),
            aliases: Vec::new(),
            documents: Vec::new(),
            related_documents: Vec::new(),
            mentions: 0,
            attributes: std::collections::BTreeMap::new(),
            ordinal: None,
            series: None,
        };
        let entities = [
            entity(EntityKind::Person),
            entity(EntityKind::Place),
            entity(EntityKind::Org),
        ];
        let at = |field, entity, start, end| Mention {
            entity,
            field,
            start,
            end,
        };
        let (b0, b1) = (Field::Body(0), Field::Body(1));
        let mentions = [
            at(b0, 0, 0, 4),
            at(b0, 1, 10, 14),
            at(b0, 2, 20, 25),
            at(b0, 0, 28, 34),
            at(b1, 0, 0, 3),
        ];
        let found = |field, range| -> Vec<(usize, usize)> {
            people_and_bodies(&mentions, &entities, field, range)
                .map(|m| (m.start, m.end))
                .collect()
        };
        assert_eq!(found(b0, (5, 30)), [(20, 25)]);
        assert_eq!(found(b0, (0, 14)), [(0, 4)]);
        assert_eq!(found(b0, (0, 40)), [(0, 4), (20, 25), (28, 34)]);
        assert_eq!(found(b1, (0, 3)), [(0, 3)]);
        assert!(found(Field::Caption(0), (0, 40)).is_empty());
    }
}
