//! Entities of the seeds against a hand-annotated gold set (tests/gold/entities.json):
//! precision and recall per document at set level, and the resolution rules.

use dossier::model::entities::id_for;
use dossier::model::{Corpus, EntityKind, Field};
use std::collections::{BTreeMap, BTreeSet};

fn gold() -> BTreeMap<String, BTreeSet<String>> {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("gold/entities.json")).expect("gold file is JSON");
    let mut out = BTreeMap::new();
    for (doc, items) in v["documents"].as_object().expect("documents object") {
        let set = items
            .as_array()
            .expect("array")
            .iter()
            .map(|pair| {
                let kind = EntityKind::parse(pair[0].as_str().unwrap_or("")).expect("kind");
                id_for(kind, pair[1].as_str().unwrap_or(""))
            })
            .collect();
        out.insert(doc.clone(), set);
    }
    out
}

#[test]
fn precision_and_recall_on_the_seeds() {
    let corpus = Corpus::seeds();
    let gold = gold();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for d in &corpus.documents {
        let Some(want) = gold.get(&d.id) else {
            continue;
        };
        let got: BTreeSet<String> = corpus
            .entities
            .iter()
            .filter(|e| e.documents.contains(&d.id))
            .map(|e| e.id.clone())
            .collect();
        for extra in got.difference(want) {
            println!("{}: false positive {extra}", d.id);
        }
        for missed in want.difference(&got) {
            println!("{}: missed {missed}", d.id);
        }
        tp += got.intersection(want).count();
        fp += got.difference(want).count();
        fn_ += want.difference(&got).count();
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "entities on seeds: precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fn_})"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}

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
            m.entity == i && corpus.documents[d].text(m.field).get(m.start..m.end) == Some(short)
        });
        assert!(hit, "{short} in {doc}");
    }
    let translator = corpus.entity("person:tran-hoai").expect("translator found");
    assert_eq!(
        corpus.entities[translator]
            .attributes
            .get("role")
            .map(String::as_str),
        Some("translator")
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
    let decree = corpus
        .entity("law:decree-234-2025-nd-cp")
        .expect("decree found");
    assert_eq!(corpus.entities[decree].kind, EntityKind::Law);
    for (d, ms) in corpus.mentions.iter().enumerate() {
        for m in ms {
            assert!(
                corpus.documents[d]
                    .text(m.field)
                    .get(m.start..m.end)
                    .is_some()
            );
            assert!(!matches!(m.field, Field::Title) || !corpus.documents[d].title_derived);
        }
    }
}
