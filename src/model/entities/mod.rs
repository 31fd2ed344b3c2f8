//! Entity extraction and resolution across the corpus.
//!
//! Per field: gazetteer hits ([`gazetteer`]) and general patterns ([`patterns`]) give
//! candidates; the longest of overlapping ones wins ([`candidate`], [`scan`]). Per
//! document, short references resolve to full names and defined acronyms
//! ([`resolve`]). Documents are scanned a part at a time; each part's candidates go
//! into one table for the corpus ([`interned`]), so that every document keeps only
//! small marks. Across the corpus, candidates with the same kind and key ([`keys`])
//! become one entity ([`merge`]).

pub mod anchored;
pub mod ascii;
pub mod candidate;
pub mod compact;
pub mod editions;
pub mod folded;
pub mod gazetteer;
pub mod interned;
pub mod keys;
pub mod merge;
pub mod patterns;
pub mod resolve;
pub mod scan;
pub mod series;
pub mod titles;

use super::document::Document;
use super::entity::{Entity, EntityKind, Mention};
use gazetteer::Gazetteer;
use rayon::prelude::*;
use scan::Scanner;
use std::sync::Mutex;

/// Documents scanned at a time. Their candidates wait only until the next part is
/// scanned, then every document keeps its packed marks alone: enough documents for both
/// cores to stay busy, few enough that the waiting candidates stay a few megabytes
/// (at 10,000 documents parts of 64 to 1,024 peak within 4 MB of each other).
const PART: usize = 512;

/// Extracts and resolves the entities of every document; returns the entities and,
/// per document (same order as `docs`), its mentions sorted by field and offset.
pub fn extract(docs: &[Document]) -> (Vec<Entity>, Vec<Vec<Mention>>) {
    extract_in_parts(docs, PART)
}

/// [`extract`], scanning `part` documents at a time: the result does not depend on it.
fn extract_in_parts(docs: &[Document], part: usize) -> (Vec<Entity>, Vec<Vec<Mention>>) {
    let gaz = Gazetteer::embedded();
    let scanners = Scanners::default();
    let mut interned = interned::Interned::new(gaz, docs.len());
    let mut scanned = Vec::new();
    for next in docs.chunks(part.max(1)) {
        let previous = std::mem::take(&mut scanned);
        // One core takes the previous part into the table while the next is scanned.
        ((), scanned) = rayon::join(
            || interned.take_all(previous),
            || {
                next.par_iter()
                    .map_init(
                        || scanners.lease(),
                        |lease, doc| scan(&mut lease.0, doc, gaz),
                    )
                    .collect()
            },
        );
    }
    interned.take_all(scanned);
    merge::merge(docs, interned.finish(), gaz)
}

/// One document's resolved candidates.
fn scan(scanner: &mut Scanner, doc: &Document, gaz: &Gazetteer) -> compact::Compact {
    let fields = doc
        .fields()
        .map(|(f, text)| (f, text, scanner.scan(text, gaz)))
        .collect();
    // The dateline's place belongs to the article but has no field to hold a
    // mention: it lists the document only. A byline credit is an attribute
    // of the document (`Document::byline`), not a person of the text.
    let mut unplaced = Vec::new();
    if let Some(d) = doc.dateline.as_deref() {
        let places = scanner.scan(d, gaz);
        unplaced.extend(places.into_iter().filter(|c| c.kind == EntityKind::Place));
    }
    compact::Compact::new(resolve::resolve(fields), unplaced)
}

/// Scanners handed from part to part, so that their caches of looked-up names last
/// the whole corpus.
#[derive(Default)]
struct Scanners(Mutex<Vec<Scanner>>);

/// A scanner taken from [`Scanners`]; given back when dropped.
struct Lease<'p>(Scanner, &'p Scanners);

impl Scanners {
    fn lease(&self) -> Lease<'_> {
        let scanner = self.0.lock().ok().and_then(|mut v| v.pop());
        Lease(scanner.unwrap_or_default(), self)
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Ok(mut v) = self.1.0.lock() {
            v.push(std::mem::take(&mut self.0));
        }
    }
}

/// Builds the automatons and patterns of entity and event extraction, each on a core of
/// its own. They are built on first use otherwise, one after another while the first
/// document waits: most of a small corpus' start-up.
pub fn prepare() {
    let mut jobs: Vec<fn()> = patterns::preparations().to_vec();
    jobs.extend([
        || {
            Gazetteer::embedded();
        },
        || {
            titles::Titles::embedded();
        },
        editions::prepare,
        super::events::prepare,
    ]);
    jobs.into_par_iter().for_each(|job| job());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::{Document, RelatedItem};

    /// The ids of the documents `list` points at.
    fn ids<'a>(docs: &'a [Document], list: &[u32]) -> Vec<&'a str> {
        list.iter().map(|&i| docs[i as usize].id.as_str()).collect()
    }

    fn doc(id: &str, body: &[&str], related: &[&str]) -> Document {
        Document {
            id: id.to_owned(),
            body: body.iter().map(|s| (*s).to_owned()).collect(),
            related: related
                .iter()
                .map(|t| RelatedItem {
                    text: (*t).to_owned(),
                    ..RelatedItem::default()
                })
                .collect(),
            title_derived: true,
            ..Document::default()
        }
    }

    #[test]
    fn one_entity_across_documents_and_spellings() {
        let docs = [
            doc(
                "a",
                &["Major General Lê Văn Tám met delegates in Hà Nội."],
                &[],
            ),
            doc(
                "b",
                &["Maj. Gen. Le Van Tam arrived in HANOI on Friday."],
                &[],
            ),
            doc(
                "c",
                &["The U.N. praised Vietnam."],
                &["Maj. Gen. Le Van Tam spoke in Hanoi at the UN."],
            ),
        ];
        let (entities, mentions) = extract(&docs);
        let find = |id: &str| entities.iter().find(|e| e.id == id);
        let tam = find("person:le-van-tam").expect("one person");
        assert_eq!(ids(&docs, &tam.documents), ["a", "b"]);
        assert_eq!(ids(&docs, &tam.related_documents), ["c"]);
        assert_eq!(tam.mentions, 2);
        assert_eq!(
            tam.attributes.get("rank").map(String::as_str),
            Some("Major General")
        );
        let un = find("org:united-nations").expect("UN");
        assert_eq!(ids(&docs, &un.documents), ["c"]);
        assert!(un.related_documents.is_empty());
        let hanoi = find("place:hanoi").expect("Hanoi");
        assert_eq!(ids(&docs, &hanoi.documents), ["a", "b"]);
        assert_eq!(ids(&docs, &hanoi.related_documents), ["c"]);
        assert_eq!(mentions.len(), 3);
        for (d, ms) in docs.iter().zip(&mentions) {
            for m in ms {
                assert!(d.text(m.field()).get(m.start()..m.end()).is_some());
            }
        }
    }

    #[test]
    fn editions_of_a_forum_meet_in_either_number_and_by_year() {
        let docs = [
            doc(
                "a",
                &["The 21st ASEAN Chiefs of Defence Force Meeting opened in Vientiane."],
                &[],
            ),
            doc("b", &["At ACDFM-21 the chiefs discussed sea rescue."], &[]),
            doc(
                "c",
                &["Delegates flew in for the 2023 Shangri-La Dialogue."],
                &[],
            ),
            doc(
                "d",
                &["At the 20th Shangri-La Dialogue the minister spoke."],
                &[],
            ),
            doc("e", &["The 2021 Shangri-La Dialogue was called off."], &[]),
        ];
        let (entities, _) = extract(&docs);
        let of = |id: &str| {
            entities
                .iter()
                .filter(|e| e.documents.iter().any(|&d| docs[d as usize].id == id))
                .filter(|e| e.kind == EntityKind::Event)
                .map(|e| (e.id.as_str(), e.ordinal))
                .collect::<Vec<_>>()
        };
        assert_eq!(of("a").len(), 1, "{:?}", of("a"));
        assert_eq!(of("a"), of("b"));
        assert_eq!(of("c"), [("event:20th-shangri-la-dialogue", Some(20))]);
        assert_eq!(of("c"), of("d"));
        // Not held that year: the year stays the edition's name.
        assert_eq!(of("e"), [("event:2021-shangri-la-dialogue", Some(2021))]);
    }

    #[test]
    fn equally_frequent_spellings_show_the_one_with_diacritics() {
        let docs = [
            doc("a", &["Colonel Do Minh Khoa spoke."], &[]),
            doc("b", &["Colonel Đỗ Minh Khoa spoke."], &[]),
        ];
        let (entities, _) = extract(&docs);
        let khoa = entities.iter().find(|e| e.kind == EntityKind::Person);
        assert_eq!(khoa.map(|e| e.name.as_str()), Some("Đỗ Minh Khoa"));
    }

    #[test]
    fn a_surname_resolves_by_a_person_of_a_later_part() {
        let docs = [
            doc("a", &["Colonel Khoa told reporters in Hue."], &[]),
            doc("b", &["General Vinh and Colonel Khoa spoke."], &[]),
            doc(
                "c",
                &["Colonel Do Minh Khoa met Senior Colonel Pham Quang Vinh."],
                &[],
            ),
            doc(
                "d",
                &["Colonel Nguyen Van Vinh arrived in Hue on Monday."],
                &[],
            ),
        ];
        let whole = extract_in_parts(&docs, docs.len());
        let find = |id: &str| whole.0.iter().find(|e| e.id == id);
        let khoa = find("person:do-minh-khoa").expect("Khoa");
        assert_eq!(ids(&docs, &khoa.documents), ["a", "b", "c"]);
        // Two people are called Vinh: the bare name is nobody.
        assert_eq!(
            find("person:pham-quang-vinh").map(|e| ids(&docs, &e.documents)),
            Some(vec!["c"])
        );
        assert!(!whole.0.iter().any(|e| e.name == "Vinh"));
        for part in [1, 2, 3] {
            assert_eq!(extract_in_parts(&docs, part), whole, "parts of {part}");
        }
    }
}
