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

/// Sorts by anchor date (undated last), then period, series, ordinal, name (stable).
/// The events stay where they are while their order is worked out on indices, then
/// are moved into it in place: a large corpus's timeline is not copied.
pub(super) fn sort_timeline(events: &mut [Event], docs: &[Document]) {
    let anchors: Vec<Option<Date>> = events.iter().map(|e| anchor(e, docs)).collect();
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&events[a], &events[b]);
        let period = |e: &Event| e.period.map(Period::sort_key);
        undated_last(anchors[a], anchors[b])
            .then_with(|| undated_last(period(ea), period(eb)))
            .then_with(|| ea.series.cmp(&eb.series))
            .then_with(|| ea.ordinal.cmp(&eb.ordinal))
            .then_with(|| ea.name.cmp(&eb.name))
            .then_with(|| ea.documents.cmp(&eb.documents))
    });
    permute(events, order);
}

/// Reorders `items` so that position `k` holds what was at `order[k]` (a permutation
/// of the positions), by swaps.
fn permute<T>(items: &mut [T], order: Vec<usize>) {
    // `to[i]`: where the item now at position `i` belongs.
    let mut to = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        if let Some(slot) = to.get_mut(i) {
            *slot = k;
        }
    }
    drop(order);
    for i in 0..to.len() {
        // Each swap puts one item where it belongs, so a cycle ends within its length.
        while to[i] != i {
            let j = to[i];
            items.swap(i, j);
            to.swap(i, j);
        }
    }
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
    fn permuting_moves_each_item_to_its_place() {
        let mut rng = crate::model::synth::Rng::new(11);
        for n in [0, 1, 2, 5, 40] {
            // A random permutation (Fisher–Yates), then one reversed, then the identity.
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for order in [order.clone(), (0..n).rev().collect(), (0..n).collect()] {
                let mut items: Vec<String> = (0..n).map(|i| format!("item {i}")).collect();
                let want: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
                permute(&mut items, order);
                assert_eq!(items, want);
            }
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
