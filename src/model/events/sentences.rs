//! Finding the sentence around a mention, and the entities inside a sentence.

use crate::model::document::Field;
use crate::model::entity::{Entity, EntityKind, Mention};
use crate::model::event::EventSentence;
use crate::model::text::fold_char;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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

/// Folds char by char, so char indices of the result match those of `s`.
pub(super) fn fold_chars(s: &str) -> String {
    let mut out = String::new();
    fold_chars_into(s, &mut out);
    out
}

/// [`fold_chars`] into `out` (cleared first), so a loop can reuse one buffer.
pub(super) fn fold_chars_into(s: &str, out: &mut String) {
    out.clear();
    // Most sentences are ASCII, where folding is lower-casing.
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.extend(s.chars().map(fold_fast));
    }
}

/// [`fold_char`], with its answers for the Latin letters (Latin-1 to Latin Extended-B,
/// and Latin Extended Additional, which holds Vietnamese's letters) read from a table
/// made from it once: the beat's texts are full of them, and folding one decomposes it.
fn fold_fast(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let i = c as usize;
    let folds = latin_folds();
    let known = match i {
        0x80..0x250 => folds.get(i - 0x80),
        0x1E00..0x1F00 => folds.get(i - 0x1E00 + 0x1D0),
        _ => None,
    };
    known.copied().unwrap_or_else(|| fold_char(c))
}

/// `fold_char` of U+0080..U+0250, then of U+1E00..U+1F00 (every one a char).
fn latin_folds() -> &'static [char] {
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x250u32)
            .chain(0x1E00..0x1F00)
            .map(|u| char::from_u32(u).map_or(char::REPLACEMENT_CHARACTER, fold_char))
            .collect()
    })
}

/// A text folded char by char, as [`fold_chars`] folds, with the folded offset of each
/// of its chars: the fold of any sentence of the text is then a slice of one fold,
/// instead of a fold of its own.
#[derive(Default)]
pub(super) struct FoldedText {
    text: String,
    /// True when the source is ASCII, whose offsets do not change in folding.
    ascii: bool,
    /// `at[i]`: where the char starting at byte `i` of the source starts in `text`, and
    /// `at[len]` its end. Empty for an ASCII source, and until [`FoldedText::index`].
    at: Vec<usize>,
}

impl FoldedText {
    /// Folds `source` and maps its offsets, replacing what was held.
    pub(super) fn fill(&mut self, source: &str) {
        self.fold(source);
        self.index(source);
    }

    /// Folds `source`, replacing what was held; its offsets are mapped by
    /// [`FoldedText::index`], so a text ruled out on its fold costs no map.
    pub(super) fn fold(&mut self, source: &str) {
        self.at.clear();
        self.ascii = source.is_ascii();
        fold_chars_into(source, &mut self.text);
    }

    /// Maps the offsets of `source`, the text last folded, for [`FoldedText::slice`].
    pub(super) fn index(&mut self, source: &str) {
        if self.ascii || !self.at.is_empty() {
            return;
        }
        self.at.reserve(source.len() + 1);
        let mut at = 0;
        for c in source.chars() {
            // Every byte of a char maps to its start; only the first is a boundary.
            self.at.extend(std::iter::repeat_n(at, c.len_utf8()));
            at += fold_fast(c).len_utf8();
        }
        self.at.push(at);
    }

    /// The whole folded text.
    pub(super) fn as_str(&self) -> &str {
        &self.text
    }

    /// The fold of the source's byte range `range` (char boundaries), as
    /// `fold_chars(&source[range.0..range.1])` would give it.
    pub(super) fn slice(&self, range: (usize, usize)) -> &str {
        let at = |i: usize| {
            if self.ascii {
                Some(i)
            } else {
                self.at.get(i).copied()
            }
        };
        at(range.0)
            .zip(at(range.1))
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }
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
        let mut buf = String::from("stale");
        fold_chars_into("Chiến ĐÀ", &mut buf);
        assert_eq!(buf, "chien da");
        fold_chars_into("ASCII Only", &mut buf);
        assert_eq!(buf, "ascii only");
    }

    #[test]
    fn a_sentence_folds_as_a_slice_of_its_text() {
        let mut f = FoldedText::default();
        for t in [
            "Đại tá Chiến spoke. The ĐỒNG exchange – held in Huế. Done.",
            "Plain ASCII. Two Sentences.",
            "",
        ] {
            f.fill(t);
            assert_eq!(f.as_str(), fold_chars(t));
            for (a, b) in crate::model::sentence::split(t) {
                assert_eq!(f.slice((a, b)), fold_chars(&t[a..b]), "{t:?} {a}..{b}");
            }
            assert_eq!(f.slice((0, t.len())), fold_chars(t));
        }
        f.fill("Huế");
        assert_eq!(f.slice((0, 99)), "");
        // Folded but not yet indexed: no slice, rather than a wrong one.
        f.fold("Đà Lạt. Huế.");
        assert_eq!(f.as_str(), "da lat. hue.");
        assert_eq!(f.slice((0, 4)), "");
        f.index("Đà Lạt. Huế.");
        assert_eq!(f.slice((0, 4)), "da");
        assert_eq!(char_index("Chiến x", "Chiến".len()), 5);
        assert_eq!(fold_chars("Chiến").chars().count(), 5);
    }

    #[test]
    fn the_table_folds_as_fold_char_does() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(fold_fast(c), fold_char(c), "{c:?} U+{:04X}", c as u32);
        }
        assert_eq!(fold_fast('Ệ'), 'e');
        assert_eq!(fold_fast('ư'), 'u');
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
