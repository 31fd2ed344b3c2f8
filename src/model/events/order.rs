//! Timeline order and stable ids.

use crate::model::date::{Date, Period};
use crate::model::document::Document;
use crate::model::event::{Event, Status};
use crate::model::text::fold;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;

/// Where an event sits on the timeline: its date; else, when it was held within a
/// period, that period's end; else the earliest date of an article reporting it
/// (event date, publication date or period end).
pub(super) fn anchor(e: &Event, docs: &[Document]) -> Option<Date> {
    e.date
        .or_else(|| {
            e.period
                .filter(|_| e.status == Some(Status::Held) || e.entity.is_none())
                .map(Period::end_date)
        })
        .or_else(|| {
            e.documents
                .iter()
                .filter_map(|&i| docs.get(i as usize).and_then(Document::sort_date))
                .min()
        })
}

/// Sorts by anchor date (undated last), then period, series, ordinal, name.
pub(super) fn sort_timeline(events: Vec<Event>, docs: &[Document]) -> Vec<Event> {
    let mut keyed: Vec<(Option<Date>, Event)> =
        events.into_iter().map(|e| (anchor(&e, docs), e)).collect();
    keyed.sort_by(|(da, ea), (db, eb)| {
        let period = |e: &Event| e.period.map(Period::sort_key);
        undated_last(*da, *db)
            .then_with(|| undated_last(period(ea), period(eb)))
            .then_with(|| ea.series.cmp(&eb.series))
            .then_with(|| ea.ordinal.cmp(&eb.ordinal))
            .then_with(|| ea.name.cmp(&eb.name))
            .then_with(|| ea.documents.cmp(&eb.documents))
    });
    keyed.into_iter().map(|(_, e)| e).collect()
}

fn undated_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Lower-case ASCII words joined by '-'.
pub(super) fn slug(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Gives every event a stable id: series and ordinal when it has both, else its name;
/// a review conference by kind and period. Clashes get "-2", "-3" in timeline order.
pub(super) fn assign_ids(events: &mut [Event]) {
    let mut seen: FxHashSet<String> = FxHashSet::default();
    // The next suffix to try per base: ids are never freed, so the search for a free
    // one resumes where the last clash of that base ended instead of at "-2".
    let mut next_suffix: FxHashMap<String, usize> = FxHashMap::default();
    for e in events {
        let base = match (&e.series, e.ordinal, &e.entity, e.period) {
            (Some(s), Some(n), Some(_), _) => format!("event:{}-{n}", slug(s)),
            (Some(s), _, None, Some(p)) => format!("event:{}-{}", slug(s), slug(&p.to_string())),
            _ => format!("event:{}", slug(&e.name)),
        };
        if seen.insert(base.clone()) {
            e.id = base;
            continue;
        }
        let n = next_suffix.entry(base.clone()).or_insert(2);
        let mut id = format!("{base}-{n}");
        while !seen.insert(id.clone()) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        *n += 1;
        e.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Event {
        Event {
            name: name.into(),
            ..Event::default()
        }
    }

    #[test]
    fn clashing_ids_get_the_first_free_suffix() {
        let mut events: Vec<Event> = ["Foo", "Foo", "Foo 2", "Foo", "Bar", "Foo"]
            .into_iter()
            .map(named)
            .collect();
        assign_ids(&mut events);
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "event:foo",
                "event:foo-2",
                "event:foo-2-2",
                "event:foo-3",
                "event:bar",
                "event:foo-4"
            ]
        );
    }
}
