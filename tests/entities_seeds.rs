//! Resolution rules on the seeds: one person across documents and short forms, the
//! translator as a document attribute, series of exchanges and rotations, laws.
//! (Precision and recall against names as written: tests/entities_gold.rs.)

use dossier::model::{Corpus, EntityKind, Field};
use std::collections::BTreeSet;

#[test]
fn one_person_across_all_documents_with_short_forms_resolved() {
    let corpus = Corpus::seeds();
    let i = corpus
        .entity("person:hoang-xuan-chien")
        .expect("Hoang Xuan Chien is found");
    let e = &corpus.entities[i];
    assert_eq!(e.documents.len(), 5, "{:?}", e.documents);
    assert_eq!(
        e.attributes.get("rank").map(String::as_str),
        Some("Senior Lieutenant General")
    );
    assert!(
        e.attributes
            .get("office")
            .is_some_and(|o| o.contains("Minister"))
    );
    let chiens = corpus
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.id.ends_with("chien"))
        .count();
    assert_eq!(chiens, 1);
    // "Gen. Chien" in 004 and "Chiến" in 003 are mentions of him.
    for (doc, short) in [("004", "Chien"), ("003", "Chiến"), ("001", "Chien")] {
        let d = corpus.find(doc).expect("seed exists");
        let hit = corpus.mentions[d].iter().any(|m| {
            m.entity() == i
                && corpus.documents[d].text(m.field()).get(m.start()..m.end()) == Some(short)
        });
        assert!(hit, "{short} in {doc}");
    }
    // The translator is credited by the document, not named by the text.
    assert!(corpus.entity("person:tran-hoai").is_none());
    let d = corpus.find("001").expect("seed exists");
    assert!(
        corpus.documents[d]
            .byline
            .as_deref()
            .is_some_and(|b| b.contains("Tran Hoai"))
    );
}

#[test]
fn exchanges_share_a_series_and_laws_are_found() {
    let corpus = Corpus::seeds();
    let ex: Vec<_> = corpus
        .entities
        .iter()
        .filter(|e| e.series.as_deref() == Some("vietnam-china border defence friendship exchange"))
        .collect();
    let ordinals: BTreeSet<u32> = ex.iter().filter_map(|e| e.ordinal).collect();
    assert_eq!(ordinals, BTreeSet::from([8, 9]));
    let ninth = ex
        .iter()
        .find(|e| e.ordinal == Some(9))
        .expect("9th exchange");
    assert_eq!(ninth.documents.len(), 2, "{:?}", ninth.documents);
    let rotations: Vec<_> = corpus
        .entities
        .iter()
        .filter(|e| e.series.as_deref() == Some("engineering unit rotation"))
        .collect();
    assert_eq!(rotations.len(), 2);
    assert!(rotations.iter().all(|e| e.kind == EntityKind::Org));
    let decree = corpus
        .entity("law:decree-234-2025-nd-cp")
        .expect("decree found");
    assert_eq!(corpus.entities[decree].kind, EntityKind::Law);
    for (d, ms) in corpus.mentions.iter().enumerate() {
        for m in ms {
            assert!(
                corpus.documents[d]
                    .text(m.field())
                    .get(m.start()..m.end())
                    .is_some()
            );
            assert!(!matches!(m.field(), Field::Title) || !corpus.documents[d].title_derived);
        }
    }
}
