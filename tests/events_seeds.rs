//! The event timeline on the five embedded seeds (needs the clean, meta and entities
//! stages).

#![allow(clippy::panic, reason = "a helper names the edition it could not find")]

use dossier::model::event::{Event, Status};
use dossier::model::text::fold;
use dossier::model::{Corpus, Date, Period, events};
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(Corpus::seeds)
}

/// The Vietnam–China border defence friendship exchange of edition `n`.
fn exchange(n: u32) -> &'static Event {
    corpus()
        .events
        .iter()
        .find(|e| {
            let name = fold(&e.name);
            e.ordinal == Some(n)
                && name.contains("china border defen")
                && !name.contains("laos")
                && !name.contains("cambodia")
        })
        .unwrap_or_else(|| panic!("edition {n} of the Vietnam–China exchange"))
}

/// The ids of the seed documents `list` points at.
fn doc_ids(list: &[u32]) -> Vec<&'static str> {
    list.iter()
        .map(|&i| corpus().documents[i as usize].id.as_str())
        .collect()
}

/// True when a seed document whose id starts with `prefix` reports `e`.
fn cited_by(e: &Event, prefix: &str) -> bool {
    doc_ids(&e.documents).iter().any(|d| d.starts_with(prefix))
}

#[test]
fn eighth_and_ninth_vietnam_china_exchanges_are_one_series() {
    let (eighth, ninth) = (exchange(8), exchange(9));
    assert!(eighth.series.is_some());
    assert_eq!(eighth.series, ninth.series);
    assert_eq!(eighth.status, Some(Status::InPreparation));
    assert_eq!(ninth.status, Some(Status::Held));
    assert!(cited_by(eighth, "004"));
    assert!(cited_by(ninth, "000"));
    let pos = |e: &Event| corpus().events.iter().position(|x| x.id == e.id);
    assert!(
        pos(eighth) < pos(ninth),
        "the 8th comes first on the timeline"
    );
}

#[test]
fn field_hospital_rotations_5_and_7_are_one_series_in_order() {
    let rotation = |n: u32| {
        corpus()
            .events
            .iter()
            .find(|e| e.ordinal == Some(n) && fold(&e.name).contains("field hospital rotation"))
            .unwrap_or_else(|| panic!("rotation {n} on the timeline"))
    };
    let (fifth, seventh) = (rotation(5), rotation(7));
    assert!(fifth.series.is_some());
    assert_eq!(fifth.series, seventh.series);
    assert!(cited_by(fifth, "004"));
    assert!(cited_by(seventh, "000"));
    let pos = |e: &Event| corpus().events.iter().position(|x| x.id == e.id);
    assert!(pos(fifth) < pos(seventh), "rotation 5 comes first");
}

#[test]
fn vna_and_qdnd_report_one_h1_2025_review_conference() {
    let h1 = Some(Period::Half {
        year: 2025,
        half: 1,
    });
    let reviews: Vec<&Event> = corpus()
        .events
        .iter()
        .filter(|e| e.entity.is_none() && e.period == h1)
        .collect();
    assert_eq!(reviews.len(), 1, "{reviews:#?}");
    let conf = reviews[0];
    let docs: Vec<&str> = doc_ids(&conf.documents).iter().map(|d| &d[..3]).collect();
    assert_eq!(docs, ["000", "001"]);
    // 001 names no outlet ("Translated by" names a translator, issue 9).
    assert_eq!(conf.sources, ["VNA"]);
    assert_eq!(conf.date, Date::new(2025, 7, 7));
    assert!(
        conf.inferred
            .iter()
            .any(|i| i.starts_with("date 2025-07-07 from 000")),
        "{:?}",
        conf.inferred
    );
    assert_eq!(
        conf.name,
        "Review of international integration and defence diplomacy, H1 2025"
    );
    assert_eq!(
        conf.chair_id(&corpus().entities),
        Some("person:hoang-xuan-chien")
    );
}

#[test]
fn timeline_is_ordered_and_ids_are_unique() {
    let evs = &corpus().events;
    let mut ids: Vec<&str> = evs.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), evs.len());
    let dated: Vec<Date> = evs.iter().filter_map(|e| e.date).collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dated:?}");
}

#[test]
fn filter_finds_events_by_name_person_and_diacritics() {
    let c = corpus();
    let idx = events::index(&c.events, &c.entities);
    let first = |q: &str| idx.search(q).first().map(|h| c.events[h.index].id.clone());
    assert_eq!(first("border 9th"), Some(exchange(9).id.clone()));
    assert!(!idx.search("chiến").is_empty());
    assert!(!idx.search("viet nam").is_empty());
}
