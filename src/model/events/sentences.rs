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

/// Person and organisation mentions of `mentions` (one document's) that lie inside
/// the sentence `range` of `field`.
pub(super) fn people_and_bodies<'a>(
    mentions: &'a [Mention],
    entities: &'a [Entity],
    field: Field,
    range: (usize, usize),
) -> impl Iterator<Item = &'a Mention> {
    mentions.iter().filter(move |m| {
        m.field == field
            && m.start >= range.0
            && m.end <= range.1
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
}
