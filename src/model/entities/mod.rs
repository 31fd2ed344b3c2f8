//! Entity extraction and resolution across the corpus.
//!
//! Per field: gazetteer hits ([`gazetteer`]) and general patterns ([`patterns`]) give
//! candidates; the longest of overlapping ones wins ([`candidate`], [`scan`]). Per
//! document, short references resolve to full names and defined acronyms
//! ([`resolve`]). Across the corpus, candidates with the same kind and key
//! ([`keys`]) become one entity ([`merge`]).

pub mod ascii;
pub mod candidate;
pub mod compact;
pub mod editions;
pub mod folded;
pub mod gazetteer;
pub mod keys;
pub mod merge;
pub mod patterns;
pub mod resolve;
pub mod scan;
pub mod titles;

use super::document::Document;
use super::entity::{Entity, EntityKind, Mention};
use gazetteer::Gazetteer;
use rayon::prelude::*;
use scan::Scanner;

/// Extracts and resolves the entities of every document; returns the entities and,
/// per document (same order as `docs`), its mentions sorted by field and offset.
pub fn extract(docs: &[Document]) -> (Vec<Entity>, Vec<Vec<Mention>>) {
    let gaz = Gazetteer::embedded();
    let compact: Vec<_> = docs
        .par_iter()
        .map_init(Scanner::default, |scanner, doc| {
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
        })
        .collect();
    merge::merge(docs, compact, gaz)
}

/// The id an entity of `kind` named `name` gets ("person:hoang-xuan-chien").
pub fn id_for(kind: EntityKind, name: &str) -> String {
    let gaz = Gazetteer::embedded();
    let key = gaz
        .by_key(&keys::key(name, gaz))
        .map(|i| gaz.entries[i].key.clone())
        .unwrap_or_else(|| keys::key(name, gaz));
    keys::id(kind, &key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::{Document, RelatedItem};

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
        assert_eq!(tam.documents, ["a", "b"]);
        assert_eq!(tam.related_documents, ["c"]);
        assert_eq!(tam.mentions, 2);
        assert_eq!(
            tam.attributes.get("rank").map(String::as_str),
            Some("Major General")
        );
        let un = find("org:united-nations").expect("UN");
        assert_eq!(un.documents, ["c"]);
        assert!(un.related_documents.is_empty());
        let hanoi = find("place:hanoi").expect("Hanoi");
        assert_eq!(hanoi.documents, ["a", "b"]);
        assert_eq!(hanoi.related_documents, ["c"]);
        assert_eq!(mentions.len(), 3);
        for (d, ms) in docs.iter().zip(&mentions) {
            for m in ms {
                assert!(d.text(m.field).get(m.start..m.end).is_some());
            }
        }
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
}
