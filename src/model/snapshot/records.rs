//! The model's types in the snapshot's binary encoding ([`super::wire`]). Values that
//! have rules (dates, halves, enum tags) are checked on reading, so damaged bytes give
//! an error instead of a value the rest of dossier assumes cannot exist.

use super::input::{Damaged, Input};
use super::wire::{Wire, record};
use crate::model::date::{Date, Period};
use crate::model::document::{DateBasis, Document, Field, Kind, MetaField, RelatedItem};
use crate::model::duplicates::ContentHash;
use crate::model::entity::{EntityKind, Mention, PackedField};
use crate::model::event::{EventSentence, Status};
use crate::model::paragraphs::Paragraphs;
use crate::model::source::Problem;

impl Wire for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.year.put(out);
        self.month.put(out);
        self.day.put(out);
    }
    fn take(input: &mut Input<'_>) -> Result<Date, Damaged> {
        let (year, month, day) = (i32::take(input)?, u8::take(input)?, u8::take(input)?);
        Date::new(year, month, day).ok_or(Damaged("a date that does not exist"))
    }
}

impl Wire for Period {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Period::Half { year, half } => {
                out.push(0);
                year.put(out);
                half.put(out);
            }
            Period::Year(year) => {
                out.push(1);
                year.put(out);
            }
            Period::Span(first, last) => {
                out.push(2);
                first.put(out);
                last.put(out);
            }
        }
    }
    fn take(input: &mut Input<'_>) -> Result<Period, Damaged> {
        match input.byte()? {
            0 => {
                let (year, half) = (i32::take(input)?, u8::take(input)?);
                if half == 1 || half == 2 {
                    Ok(Period::Half { year, half })
                } else {
                    Err(Damaged("a half that is neither 1 nor 2"))
                }
            }
            1 => Ok(Period::Year(i32::take(input)?)),
            2 => Ok(Period::Span(i32::take(input)?, i32::take(input)?)),
            _ => Err(Damaged("an unknown kind of period")),
        }
    }
}

/// Implements [`Wire`] for an enum of plain variants as one tag byte, in the order
/// given. `put` matches every variant, so a variant added to the enum and not here
/// does not compile.
macro_rules! tags {
    ($ty:ident [$($variant:ident),* $(,)?]) => {
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                let tag = match self { $($ty::$variant)|* => ALL.iter().position(|v| v == self) };
                out.push(tag.unwrap_or(0) as u8);
            }
            fn take(input: &mut Input<'_>) -> Result<$ty, Damaged> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                ALL.get(usize::from(input.byte()?))
                    .copied()
                    .ok_or(Damaged(concat!("an unknown ", stringify!($ty))))
            }
        }
    };
}

tags!(Kind [HalfYearReview, AnnualReview, MultiYearReview, EventReport, Other]);
tags!(MetaField [Title, Outlet, Published, EventDate, Period, Kind]);
tags!(EntityKind [Person, Org, Place, Event, Law]);
tags!(Status [Held, Upcoming, InPreparation]);

/// Written as a list of strings, as the `Vec<String>` it replaced was.
impl Wire for Paragraphs {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for p in self {
            p.len().put(out);
            out.extend_from_slice(p.as_bytes());
        }
    }
    fn take(input: &mut Input<'_>) -> Result<Paragraphs, Damaged> {
        let n = input.length()?;
        // Borrowed first, so that the one string is allocated at its final size.
        let mut texts = Vec::with_capacity(n);
        for _ in 0..n {
            texts.push(input.str()?);
        }
        Ok(texts.into_iter().collect())
    }
}

impl Wire for Field {
    fn put(&self, out: &mut Vec<u8>) {
        let (tag, index) = match *self {
            Field::Title => (0, 0),
            Field::Body(i) => (1, i),
            Field::Caption(i) => (2, i),
            Field::RelatedTitle(i) => (3, i),
            Field::RelatedText(i) => (4, i),
        };
        out.push(tag);
        index.put(out);
    }
    fn take(input: &mut Input<'_>) -> Result<Field, Damaged> {
        let tag = input.byte()?;
        let index = usize::take(input)?;
        Ok(match tag {
            0 => Field::Title,
            1 => Field::Body(index),
            2 => Field::Caption(index),
            3 => Field::RelatedTitle(index),
            4 => Field::RelatedText(index),
            _ => return Err(Damaged("an unknown field")),
        })
    }
}

impl Wire for ContentHash {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(input: &mut Input<'_>) -> Result<ContentHash, Damaged> {
        Ok(ContentHash(<[u8; 32]>::take(input)?))
    }
}

record!(RelatedItem {
    title,
    text,
    captions
});
record!(DateBasis {
    evidence,
    reasoning
});
record!(Document {
    id,
    path,
    title,
    title_derived,
    source,
    source_basis,
    published,
    published_basis,
    event_date,
    event_date_basis,
    period,
    period_basis,
    kind,
    dateline,
    body,
    captions,
    byline,
    related,
    warnings,
    overridden,
});
/// Four little-endian 32-bit words: the entity, the packed field, start and end. Mentions
/// are the most numerous records of a snapshot, and fixed words read back several times
/// faster than four varints.
impl Wire for Mention {
    fn put(&self, out: &mut Vec<u8>) {
        let (field, start) = self.order_key();
        // A mention holds each number in 32 bits, so none saturates here.
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        for word in [narrow(self.entity()), field, start, narrow(self.end())] {
            out.extend_from_slice(&word.to_le_bytes());
        }
    }
    fn take(input: &mut Input<'_>) -> Result<Mention, Damaged> {
        let bytes = <[u8; 16]>::take(input)?;
        let mut words = [0u32; 4];
        for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(4)) {
            *word = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        let [entity, _, start, end] = words.map(|w| w as usize);
        let field = PackedField::from_bits(words[1]).ok_or(Damaged("an unknown field"))?;
        Mention::new(entity, field.get(), start, end).ok_or(Damaged("a mention too large to hold"))
    }
}
/// The same bytes as a record of `document`, `field`, `start` and `end` as `usize`s
/// (varints), so packing event sentences changed no snapshot.
impl Wire for EventSentence {
    fn put(&self, out: &mut Vec<u8>) {
        self.document().put(out);
        self.field().put(out);
        self.start().put(out);
        self.end().put(out);
    }
    fn take(input: &mut Input<'_>) -> Result<EventSentence, Damaged> {
        let (document, field) = (usize::take(input)?, Field::take(input)?);
        let (start, end) = (usize::take(input)?, usize::take(input)?);
        EventSentence::new(document, field, start, end)
            .ok_or(Damaged("an event sentence too large to hold"))
    }
}
record!(Problem {
    path,
    reason,
    skipped
});

#[cfg(test)]
mod tests {
    use super::*;

    fn back<T: Wire>(value: &T) -> Result<T, Damaged> {
        let mut out = Vec::new();
        value.put(&mut out);
        T::take(&mut Input::new(&out))
    }

    #[test]
    fn every_tag_comes_back() {
        for kind in [
            Kind::HalfYearReview,
            Kind::AnnualReview,
            Kind::MultiYearReview,
            Kind::EventReport,
            Kind::Other,
        ] {
            assert_eq!(back(&kind), Ok(kind));
        }
        for field in MetaField::ALL {
            assert_eq!(back(&field), Ok(field));
        }
        for kind in EntityKind::ALL {
            assert_eq!(back(&kind), Ok(kind));
        }
        for field in [Field::Title, Field::Body(3), Field::RelatedText(70_000)] {
            assert_eq!(back(&field), Ok(field));
        }
        for (entity, field, start, end) in [
            (0, Field::Title, 0, 0),
            (7, Field::Caption(2), 300, 312),
            (
                u32::MAX as usize,
                Field::RelatedText((1 << 29) - 1),
                9,
                u32::MAX as usize,
            ),
        ] {
            let m = Mention::new(entity, field, start, end).unwrap();
            assert_eq!(back(&m), Ok(m));
            let s = EventSentence::new(entity, field, start, end).unwrap();
            assert_eq!(back(&s), Ok(s));
        }
        let periods = [
            Period::Half {
                year: 2025,
                half: 2,
            },
            Period::Year(2021),
            Period::Span(2016, 2021),
        ];
        for period in periods {
            assert_eq!(back(&period), Ok(period));
        }
    }

    #[test]
    fn values_the_model_cannot_hold_are_refused() {
        assert!(Kind::take(&mut Input::new(&[5])).is_err());
        assert!(Field::take(&mut Input::new(&[9, 0])).is_err());
        // A mention cut short, and one whose field has no kind.
        let mut whole = Vec::new();
        Mention::new(3, Field::Body(2), 10, 20)
            .unwrap()
            .put(&mut whole);
        assert_eq!(whole.len(), 16);
        assert!(Mention::take(&mut Input::new(&whole[..15])).is_err());
        whole[7] = 0xff;
        assert!(Mention::take(&mut Input::new(&whole)).is_err());
        // An event sentence whose end needs 33 bits.
        let mut too_far = vec![0, 1, 0, 0];
        (u32::MAX as usize + 1).put(&mut too_far);
        assert!(EventSentence::take(&mut Input::new(&too_far)).is_err());
        // February 30th, and a third half of 2025.
        let mut bad_date = Vec::new();
        2025i32.put(&mut bad_date);
        bad_date.extend([2, 30]);
        assert!(Date::take(&mut Input::new(&bad_date)).is_err());
        let mut bad_half = vec![0];
        2025i32.put(&mut bad_half);
        bad_half.push(3);
        assert!(Period::take(&mut Input::new(&bad_half)).is_err());
    }
}
