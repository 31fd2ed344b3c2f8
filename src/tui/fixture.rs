//! A small made-up corpus with entities, mentions and an event, for unit tests.

use crate::model::entity::document_index;
use crate::model::event::EventSentence;
use crate::model::paragraphs::Paragraphs;
use crate::model::{
    Corpus, Date, Document, Entity, EntityKind, Event, Field, Kind, Mention, Period,
};

fn doc(id: &str, title: &str, source: &str, day: u8, body: &[&str]) -> Document {
    Document {
        id: id.into(),
        path: format!("{id}.txt"),
        title: title.into(),
        source: Some(source.into()),
        event_date: Date::new(2024, 3, day),
        period: Some(Period::Year(2023)),
        kind: Kind::AnnualReview,
        body: body.iter().map(ToString::to_string).collect(),
        captions: if id == "a1" {
            vec!["Général Trần Văn Minh at the forum (Photo: X)".into()].into()
        } else {
            Paragraphs::new()
        },
        ..Document::default()
    }
}

/// Three documents; "Trần Văn Minh" (person), "Coastal Guard Office" (org) and
/// "Đà Lạt" (place) mentioned in them; one event with a sentence in the second.
pub fn corpus() -> Corpus {
    let long: Vec<String> = (0..30)
        .map(|i| {
            format!("Paragraph {i} says the Coastal Guard Office met in Đà Lạt with Trần Văn Minh.")
        })
        .collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let documents = vec![
        doc("a1", "Coastal office reviews the year", "VNA", 5, &long),
        doc(
            "b2",
            "Forum in Đà Lạt opens \u{1b}[31m",
            "VNS",
            9,
            &[
                "The 3rd Highland Forum opened in Đà Lạt.",
                "Trần Văn Minh spoke.",
            ],
        ),
        doc("c3", "Unrelated note", "QDND", 1, &["Nothing to see here."]),
    ];
    let names = [
        ("Trần Văn Minh", EntityKind::Person),
        ("Coastal Guard Office", EntityKind::Org),
        ("Đà Lạt", EntityKind::Place),
    ];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); documents.len()];
    for (e, (name, kind)) in names.iter().enumerate() {
        let mut docs = Vec::new();
        let mut count = 0;
        for (d, document) in documents.iter().enumerate() {
            for (field, text) in document.fields() {
                for (start, _) in text.match_indices(name) {
                    mentions[d].extend(Mention::new(e, field, start, start + name.len()));
                    count += 1;
                    let d = document_index(d);
                    if !docs.contains(&d) {
                        docs.push(d);
                    }
                }
            }
        }
        entities.push(Entity {
            id: format!("{}:{e}", kind.as_str()),
            kind: *kind,
            name: name.to_string(),
            aliases: Vec::new(),
            documents: docs,
            related_documents: Vec::new(),
            mentions: count,
            attributes: std::collections::BTreeMap::default(),
            ordinal: None,
            series: None,
        });
    }
    for m in &mut mentions {
        m.sort_by_key(|m| (m.field(), m.start()));
    }
    let sentence = "The 3rd Highland Forum opened in Đà Lạt.";
    let events = vec![Event {
        id: "event:highland-forum-3".into(),
        name: "3rd Highland Forum".into(),
        date: Date::new(2024, 3, 9),
        series: Some("Highland Forum".into()),
        ordinal: Some(3),
        place: Some("Đà Lạt".into()),
        documents: vec![1],
        sources: vec!["VNS".into()],
        sentences: EventSentence::new(1, Field::Body(0), 0, sentence.len())
            .into_iter()
            .collect(),
        ..Event::default()
    }];
    Corpus::new(documents, entities, mentions, events, Vec::new())
}
