//! Finding the sentence around a mention, and the entities inside a sentence.

use crate::model::document::Field;
use crate::model::entity::{Entity, EntityKind, Mention};
use crate::model::event::EventSentence;
use rustc_hash::FxHashMap;

/// The byte range of the sentence that contains `start`, given `ranges`, a text's
/// sentences in order (from [`crate::model::sentence::split`]); the whole text, `(0, len)`, when none
/// does (e.g. an offset between sentences). Sentences do not overlap, so the only
/// candidate is the first one ending after `start`.
pub(super) fn sentence_in(ranges: &[(usize, usize)], start: usize, len: usize) -> (usize, usize) {
    let i = ranges.partition_point(|&(_, b)| b <= start);
    ranges
        .get(i)
        .copied()
        .filter(|&(a, _)| a <= start)
        .unwrap_or((0, len))
}

/// The sentence `range` of document `doc`'s `field` as an [`EventSentence`]; `None`
/// only for a document built in code past the 32-bit limits (see [`EventSentence`]).
pub(super) fn event_sentence(
    doc: usize,
    field: Field,
    range: (usize, usize),
) -> Option<EventSentence> {
    EventSentence::new(doc, field, range.0, range.1)
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
    let first = mentions.partition_point(|m| (m.field(), m.start()) < (field, range.0));
    mentions[first..]
        .iter()
        .take_while(move |m| m.field() == field && m.start() <= range.1)
        .filter(move |m| {
            m.end() <= range.1
                && entities
                    .get(m.entity())
                    .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org))
        })
}

/// Appends `x` unless already present (keeps first-seen order).
pub(super) fn push_unique<T: PartialEq>(list: &mut Vec<T>, x: T) {
    if !list.contains(&x) {
        list.push(x);
    }
}

/// The entity an event names for each entity index: the first entity with the same
/// id. Events list people and bodies by index but are written and compared by id, so
/// two entities of one id (distinct keys can give one id) are one participant.
pub(super) struct Canonical(Vec<u32>);

impl Canonical {
    /// The canonical index of every one of `entities`.
    pub(super) fn of(entities: &[Entity]) -> Canonical {
        let mut first: FxHashMap<&str, u32> = FxHashMap::default();
        let list = entities
            .iter()
            .enumerate()
            .map(|(i, e)| *first.entry(e.id.as_str()).or_insert(entity_index(i)))
            .collect();
        Canonical(list)
    }

    /// The canonical index of entity `i` (itself, for an index past the entities).
    pub(super) fn get(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or_else(|| entity_index(i))
    }
}

/// An entity's index as events list it; past 2^32 entities (which no corpus nears, as
/// a mention holds its entity in 32 bits) it saturates, naming no entity.
fn entity_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sentence_of_an_offset() {
        let around =
            |t: &str, at: usize| sentence_in(&crate::model::sentence::split(t), at, t.len());
        let t = "First one. The 9th exchange was held. Last.";
        let (a, b) = around(t, t.find("9th").unwrap_or(0));
        assert_eq!(&t[a..b], "The 9th exchange was held.");
        // Each sentence's first and last byte, and the spaces between (whole text).
        assert_eq!(around(t, 0), (0, 10));
        assert_eq!(around(t, 9), (0, 10));
        assert_eq!(around(t, 10), (0, t.len()));
        assert_eq!(around(t, 11), (11, 37));
        assert_eq!(around(t, t.len() - 1), (38, t.len()));
        assert_eq!(around(t, t.len()), (0, t.len()));
        assert_eq!(around("", 0), (0, 0));
    }

    /// An entity of `id` and `kind` with nothing else known.
    fn bare_entity(id: &str, kind: EntityKind) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name: String::new(),
            aliases: Vec::new(),
            documents: Vec::new(),
            related_documents: Vec::new(),
            mentions: 0,
            attributes: std::collections::BTreeMap::new(),
            ordinal: None,
            series: None,
        }
    }

    #[test]
    fn people_and_bodies_of_a_sentence_only() {
        let entity = |kind| bare_entity("", kind);
        let entities = [
            entity(EntityKind::Person),
            entity(EntityKind::Place),
            entity(EntityKind::Org),
        ];
        let at = |field, entity, start, end| Mention::new(entity, field, start, end).unwrap();
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
                .map(|m| (m.start(), m.end()))
                .collect()
        };
        assert_eq!(found(b0, (5, 30)), [(20, 25)]);
        assert_eq!(found(b0, (0, 14)), [(0, 4)]);
        assert_eq!(found(b0, (0, 40)), [(0, 4), (20, 25), (28, 34)]);
        assert_eq!(found(b1, (0, 3)), [(0, 3)]);
        assert!(found(Field::Caption(0), (0, 40)).is_empty());
    }

    #[test]
    fn entities_of_one_id_are_one() {
        let entity = |id| bare_entity(id, EntityKind::Person);
        let entities = [entity("person:a"), entity("person:b"), entity("person:a")];
        let canonical = Canonical::of(&entities);
        let got: Vec<u32> = (0..4).map(|i| canonical.get(i)).collect();
        assert_eq!(got, [0, 1, 0, 3]);
        let mut list = vec![1u32];
        push_unique(&mut list, 0);
        push_unique(&mut list, 1);
        assert_eq!(list, [1, 0]);
    }
}
