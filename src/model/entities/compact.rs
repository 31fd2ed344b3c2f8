//! A document's resolved candidates in the form the corpus-wide merge reads: each
//! distinct candidate once, its mentions as small records pointing at it. Every
//! document's marks wait for the merge, so they are packed ([`Marks`]): what they hold
//! bounds the peak memory.

use super::candidate::{Candidate, Source};
use super::resolve::Placed;
use crate::model::document::Field;
use crate::model::entity::{EntityKind, PackedField};
use rustc_hash::FxHashMap;

/// What the merge reads of a candidate, apart from its range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Info {
    /// Its kind.
    pub kind: EntityKind,
    /// The gazetteer entry it resolves by, if any.
    pub entry: Option<usize>,
    /// The name as written.
    pub name: String,
    /// A person's rank (canonical).
    pub rank: Option<String>,
    /// A person's office, as written.
    pub office: Option<String>,
    /// A person's role from the context.
    pub role: Option<&'static str>,
    /// An event's edition number.
    pub ordinal: Option<u32>,
    /// An event's series.
    pub series: Option<String>,
    /// An acronym defined for it in the text.
    pub acronym: Option<String>,
}

/// One mention: field (`None` outside the fields: byline, dateline), range, info.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The field, or `None` for a candidate outside the fields.
    pub field: Option<Field>,
    /// The highlighted range's first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Index into [`Compact::infos`].
    pub info: usize,
}

/// One document's candidates: marks in the order the merge takes them.
#[derive(Debug, Default)]
pub struct Compact {
    /// Distinct infos, in order of first mark.
    pub infos: Vec<Info>,
    /// Field candidates first (text order per field), then those outside the fields.
    pub marks: Vec<Mark>,
    /// How many infos (a prefix) belong to field candidates.
    pub in_text: usize,
}

impl Compact {
    /// Compacts a document's placed candidates and those outside its fields.
    pub fn new(placed: Vec<Placed>, unplaced: Vec<Candidate>) -> Compact {
        let mut seen: FxHashMap<Info, usize> = FxHashMap::default();
        let mut marks = Vec::with_capacity(placed.len() + unplaced.len());
        let mut push = |seen: &mut FxHashMap<Info, usize>, field, c: Candidate| {
            let (start, end) = (c.start, c.end);
            let n = seen.len();
            let info = *seen.entry(info_of(c)).or_insert(n);
            marks.push(Mark {
                field,
                start,
                end,
                info,
            });
        };
        for (f, c) in placed {
            push(&mut seen, Some(f), c);
        }
        let in_text = seen.len();
        for c in unplaced {
            push(&mut seen, None, c);
        }
        let mut infos: Vec<(Info, usize)> = seen.into_iter().collect();
        infos.sort_unstable_by_key(|(_, i)| *i);
        marks.shrink_to_fit();
        Compact {
            infos: infos.into_iter().map(|(info, _)| info).collect(),
            marks,
            in_text,
        }
    }
}

/// A mark in 16 bytes: the field packed with its index, the range and the info's
/// index as 32-bit numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Narrow {
    field: u32,
    start: u32,
    end: u32,
    info: u32,
}

/// The packed form of "no field" (no [`PackedField`] has these bits).
const NO_FIELD: u32 = u32::MAX;

fn pack_field(field: Option<Field>) -> Option<u32> {
    match field {
        None => Some(NO_FIELD),
        Some(f) => PackedField::new(f).map(PackedField::bits),
    }
}

fn unpack_field(packed: u32) -> Option<Field> {
    PackedField::from_bits(packed).map(PackedField::get)
}

impl Narrow {
    fn of(m: &Mark) -> Option<Narrow> {
        Some(Narrow {
            field: pack_field(m.field)?,
            start: u32::try_from(m.start).ok()?,
            end: u32::try_from(m.end).ok()?,
            info: u32::try_from(m.info).ok()?,
        })
    }

    fn wide(self) -> Mark {
        Mark {
            field: unpack_field(self.field),
            start: self.start as usize,
            end: self.end as usize,
            info: self.info as usize,
        }
    }
}

/// One document's marks while they wait for the merge: packed in 16 bytes each, or
/// kept whole when an offset or index does not fit in 32 bits (a field of 4 GB).
#[derive(Debug)]
pub enum Marks {
    /// Every mark fits the packed form.
    Narrow(Box<[Narrow]>),
    /// Some mark does not: all kept as they are.
    Wide(Box<[Mark]>),
}

impl Marks {
    /// Packs `marks` (their infos indices into whatever table the caller keeps).
    pub fn pack(marks: Vec<Mark>) -> Marks {
        match marks.iter().map(Narrow::of).collect::<Option<Box<[_]>>>() {
            Some(narrow) => Marks::Narrow(narrow),
            None => Marks::Wide(marks.into_boxed_slice()),
        }
    }

    /// How many marks.
    pub fn len(&self) -> usize {
        match self {
            Marks::Narrow(v) => v.len(),
            Marks::Wide(v) => v.len(),
        }
    }

    /// True when there is no mark.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The marks in order, unpacked.
    pub fn iter(&self) -> impl Iterator<Item = Mark> + '_ {
        (0..self.len()).filter_map(move |i| match self {
            Marks::Narrow(v) => v.get(i).map(|n| n.wide()),
            Marks::Wide(v) => v.get(i).copied(),
        })
    }
}

fn info_of(c: Candidate) -> Info {
    Info {
        kind: c.kind,
        entry: match c.source {
            Source::Gazetteer(i) => Some(i),
            Source::Pattern | Source::Shape => None,
        },
        name: c.name,
        rank: c.rank,
        office: c.office,
        role: c.role,
        ordinal: c.ordinal,
        series: c.series,
        acronym: c.acronym,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(kind: EntityKind, start: usize, name: &str) -> Candidate {
        Candidate::new(kind, start, start + name.len(), name)
    }

    #[test]
    fn expands_back_to_the_same_mentions() {
        let mut ranked = cand(EntityKind::Person, 30, "Tran Quoc Bao");
        ranked.rank = Some("Colonel".to_owned());
        let placed = vec![
            (Field::Title, cand(EntityKind::Place, 0, "Hue")),
            (
                Field::Body(0),
                cand(EntityKind::Person, 10, "Tran Quoc Bao"),
            ),
            (Field::Body(0), ranked.clone()),
            (Field::Body(1), cand(EntityKind::Place, 4, "Hue")),
            (Field::RelatedText(0), cand(EntityKind::Org, 2, "Navy")),
        ];
        let unplaced = vec![
            cand(EntityKind::Place, 0, "Hue"),
            cand(EntityKind::Place, 0, "Vinh"),
        ];
        let compact = Compact::new(placed.clone(), unplaced.clone());
        // Hue, Bao, Bao with a rank, Navy, then Vinh only outside the fields.
        assert_eq!(compact.infos.len(), 5);
        assert_eq!(compact.in_text, 4);
        let expanded: Vec<(Option<Field>, usize, usize, Info)> = compact
            .marks
            .iter()
            .map(|m| (m.field, m.start, m.end, compact.infos[m.info].clone()))
            .collect();
        let original: Vec<(Option<Field>, usize, usize, Info)> = placed
            .into_iter()
            .map(|(f, c)| (Some(f), c))
            .chain(unplaced.into_iter().map(|c| (None, c)))
            .map(|(f, c)| (f, c.start, c.end, info_of(c)))
            .collect();
        assert_eq!(expanded, original);
        assert_eq!(compact.infos[2].rank.as_deref(), Some("Colonel"));
    }

    fn mark(field: Option<Field>, start: usize, end: usize, info: usize) -> Mark {
        Mark {
            field,
            start,
            end,
            info,
        }
    }

    #[test]
    fn packed_marks_unpack_to_the_same() {
        let top = (1 << 29) - 1;
        let marks = vec![
            mark(Some(Field::Title), 0, 3, 0),
            mark(Some(Field::Body(top)), 7, 19, 4),
            mark(Some(Field::Caption(2)), 1, 2, 1),
            mark(Some(Field::RelatedTitle(0)), 5, 9, 2),
            mark(
                Some(Field::RelatedText(3)),
                0,
                u32::MAX as usize,
                u32::MAX as usize,
            ),
            mark(None, 0, 0, 3),
        ];
        let packed = Marks::pack(marks.clone());
        assert!(matches!(packed, Marks::Narrow(_)));
        assert_eq!(packed.iter().collect::<Vec<_>>(), marks);
        assert!(Marks::pack(Vec::new()).is_empty());
    }

    #[test]
    fn marks_too_large_to_pack_are_kept_whole() {
        let top = 1 << 29;
        let big = u32::MAX as usize + 1;
        for odd in [
            mark(Some(Field::Body(top)), 0, 1, 0),
            mark(Some(Field::Caption(usize::MAX)), 0, 1, 0),
            mark(Some(Field::Title), big, big + 1, 0),
            mark(None, 0, 1, big),
        ] {
            let marks = vec![mark(Some(Field::Title), 0, 3, 0), odd];
            let packed = Marks::pack(marks.clone());
            assert!(matches!(packed, Marks::Wide(_)));
            assert_eq!(packed.len(), 2);
            assert_eq!(packed.iter().collect::<Vec<_>>(), marks);
        }
    }
}
