//! Jumping to a date or period: a target typed as `2023`, `2023-H1`, `H1 2023`,
//! `2023-Q3`, `2024-05`, `2024-05-17` or `2016-2021` becomes a range of days, and the
//! first document or event of a list that falls in it (or, failing that, the first one
//! past it in the list's direction) is found.

use crate::model::corpus::Corpus;
use crate::model::date::{Date, Period, days_in_month};
use crate::model::document::Document;
use crate::model::event::Event;

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

impl DateRange {
    /// True when the two ranges share a day.
    pub fn overlaps(self, other: DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The days of a period.
    pub fn of_period(p: Period) -> DateRange {
        let first = |y: i32, m: u8| Date {
            year: y,
            month: m,
            day: 1,
        };
        match p {
            Period::Half { year, half: 1 } => DateRange {
                start: first(year, 1),
                end: p.end_date(),
            },
            Period::Half { year, .. } => DateRange {
                start: first(year, 7),
                end: p.end_date(),
            },
            Period::Year(y) => DateRange {
                start: first(y, 1),
                end: p.end_date(),
            },
            Period::Span(a, _) => DateRange {
                start: first(a, 1),
                end: p.end_date(),
            },
        }
    }

    /// One day.
    pub fn day(d: Date) -> DateRange {
        DateRange { start: d, end: d }
    }
}

/// Which way a list runs in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Newest first (the document list sorted by date).
    NewestFirst,
    /// Oldest first (the events timeline).
    OldestFirst,
}

/// Parses a jump target; `None` when it is not one of the accepted forms or not a real
/// date.
pub fn parse(target: &str) -> Option<DateRange> {
    let s = target.trim().to_ascii_uppercase();
    let year = |y: &str| {
        (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            .then(|| y.parse::<i32>().ok())
            .flatten()
    };
    let month = |y: i32, m: u8| -> Option<DateRange> {
        let start = Date::new(y, m, 1)?;
        Some(DateRange {
            start,
            end: Date::new(y, m, days_in_month(y, m))?,
        })
    };
    if let Some((h, y)) = s.split_once(' ')
        && let (Some(y), Some(half)) = (year(y.trim()), h.strip_prefix('H'))
    {
        return half_year(y, half);
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] => Some(DateRange::of_period(Period::Year(year(y)?))),
        [y, h] if h.starts_with('H') => half_year(year(y)?, &h[1..]),
        [y, q] if q.starts_with('Q') => {
            let q: u8 = q[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
            let y = year(y)?;
            let (a, b) = (month(y, 3 * q - 2)?, month(y, 3 * q)?);
            Some(DateRange {
                start: a.start,
                end: b.end,
            })
        }
        [a, b] if b.len() == 4 => {
            let (a, b) = (year(a)?, year(b)?);
            (a <= b).then(|| DateRange::of_period(Period::Span(a, b)))
        }
        [y, m] if (1..=2).contains(&m.len()) => month(year(y)?, m.parse().ok()?),
        [y, m, d] if (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) => {
            Date::new(year(y)?, m.parse().ok()?, d.parse().ok()?).map(DateRange::day)
        }
        _ => None,
    }
}

fn half_year(year: i32, half: &str) -> Option<DateRange> {
    let half: u8 = half.parse().ok().filter(|h| *h == 1 || *h == 2)?;
    Some(DateRange::of_period(Period::Half { year, half }))
}

/// The days a document is about: its event or publication date, else its period.
pub fn document_span(d: &Document) -> Option<DateRange> {
    d.event_date
        .or(d.published)
        .map(DateRange::day)
        .or_else(|| d.period.map(DateRange::of_period))
}

/// The days an event is placed at: its date, else its period, else the period (or
/// date) of the first article that reports it (as the timeline shows it, with "~").
pub fn event_span(corpus: &Corpus, e: &Event) -> Option<DateRange> {
    if let Some(d) = e.date {
        return Some(DateRange::day(d));
    }
    if let Some(p) = e.period {
        return Some(DateRange::of_period(p));
    }
    e.documents.iter().find_map(|&i| {
        let d = corpus.documents.get(i as usize)?;
        d.period
            .map(DateRange::of_period)
            .or_else(|| document_span(d))
    })
}

/// The position in a list (given as each item's days, in list order) of the first item
/// inside `target`; else of the first item past it in the list's direction.
pub fn position(
    spans: impl IntoIterator<Item = Option<DateRange>>,
    target: DateRange,
    direction: Direction,
) -> Option<usize> {
    let mut past = None;
    for (i, span) in spans.into_iter().enumerate() {
        let Some(s) = span else { continue };
        if s.overlaps(target) {
            return Some(i);
        }
        let beyond = match direction {
            Direction::OldestFirst => s.start > target.end,
            Direction::NewestFirst => s.end < target.start,
        };
        if beyond && past.is_none() {
            past = Some(i);
        }
    }
    past
}

/// The position in `order` (document indices) of the first document at `target`.
pub fn document_position(
    corpus: &Corpus,
    order: &[usize],
    target: DateRange,
    direction: Direction,
) -> Option<usize> {
    let spans = order
        .iter()
        .map(|&i| corpus.documents.get(i).and_then(document_span));
    position(spans, target, direction)
}

/// The position in `order` (event indices) of the first event at `target`.
pub fn event_position(
    corpus: &Corpus,
    order: &[usize],
    target: DateRange,
    direction: Direction,
) -> Option<usize> {
    let spans = order
        .iter()
        .map(|&i| corpus.events.get(i).and_then(|e| event_span(corpus, e)));
    position(spans, target, direction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn range(s: &str) -> (String, String) {
        let r = parse(s).unwrap_or_else(|| panic!("{s} parses"));
        (r.start.to_string(), r.end.to_string())
    }

    #[test]
    fn parses_every_form() {
        let r = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(range("2023"), r("2023-01-01", "2023-12-31"));
        assert_eq!(range("2023-H1"), r("2023-01-01", "2023-06-30"));
        assert_eq!(range("2023-h2"), r("2023-07-01", "2023-12-31"));
        assert_eq!(range(" H1 2025 "), r("2025-01-01", "2025-06-30"));
        assert_eq!(range("2024-Q1"), r("2024-01-01", "2024-03-31"));
        assert_eq!(range("2024-02"), r("2024-02-01", "2024-02-29"));
        assert_eq!(range("2024-5"), r("2024-05-01", "2024-05-31"));
        assert_eq!(range("2024-05-17"), r("2024-05-17", "2024-05-17"));
        assert_eq!(range("2016-2021"), r("2016-01-01", "2021-12-31"));
        for bad in [
            "",
            "23",
            "2023-H3",
            "2023-13",
            "2023-02-30",
            "20233",
            "May",
            "2021-2016",
            "2024-Q5",
            "२०२३",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_the_first_item_in_or_past_the_target() {
        let day = |y, m, dd| Some(DateRange::day(d(y, m, dd)));
        let newest = [
            day(2025, 7, 7),
            day(2024, 5, 1),
            None,
            day(2023, 3, 1),
            day(2021, 4, 14),
        ];
        let target = parse("2023").unwrap();
        assert_eq!(position(newest, target, Direction::NewestFirst), Some(3));
        // Nothing in 2022: the first older one.
        assert_eq!(
            position(newest, parse("2022").unwrap(), Direction::NewestFirst),
            Some(4)
        );
        assert_eq!(
            position(newest, parse("2019").unwrap(), Direction::NewestFirst),
            None
        );
        let oldest: Vec<_> = newest.iter().rev().copied().collect();
        assert_eq!(
            position(
                oldest.clone(),
                parse("2022").unwrap(),
                Direction::OldestFirst
            ),
            Some(1)
        );
        assert_eq!(
            position(oldest, parse("2024-05").unwrap(), Direction::OldestFirst),
            Some(3)
        );
        let period = Some(DateRange::of_period(Period::Half {
            year: 2023,
            half: 1,
        }));
        assert_eq!(
            position(
                [period],
                parse("2023-05-02").unwrap(),
                Direction::OldestFirst
            ),
            Some(0)
        );
    }
}
