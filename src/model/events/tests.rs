use super::*;
use crate::model::date::{Date, Period};
use crate::model::document::{Field, Kind};
use crate::model::entity::EntityKind;
use crate::model::event::Status;

fn doc(id: &str, source: &str, body: &[&str]) -> Document {
    Document {
        id: id.into(),
        source: Some(source.into()),
        title: "A headline".into(),
        body: body.iter().map(|s| s.to_string()).collect(),
        ..Document::default()
    }
}

fn entity(kind: EntityKind, name: &str, series: Option<&str>, ordinal: Option<u32>) -> Entity {
    let prefix = kind.as_str();
    Entity {
        id: format!("{prefix}:{}", order::slug(name)),
        kind,
        name: name.into(),
        aliases: Vec::new(),
        documents: Vec::new(),
        related_documents: Vec::new(),
        mentions: 0,
        attributes: Default::default(),
        ordinal,
        series: series.map(Into::into),
    }
}

/// Mentions of entity `e` wherever `needle` occurs in the body of `d`.
fn mention(d: &Document, e: usize, needle: &str) -> Vec<Mention> {
    d.body
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.match_indices(needle)
                .map(move |(at, _)| Mention::new(e, Field::Body(i), at, at + needle.len()).unwrap())
        })
        .collect()
}

const SERIES: &str = "Vietnam–China Border Defence Friendship Exchange";

/// The ids of the documents `list` points at.
fn ids<'a>(docs: &'a [Document], list: &[u32]) -> Vec<&'a str> {
    list.iter().map(|&i| docs[i as usize].id.as_str()).collect()
}

fn exchanges() -> (Vec<Document>, Vec<Entity>, Vec<Vec<Mention>>) {
    let mut old = doc(
        "a_old",
        "QDND",
        &[
            "Units made thorough preparations for the 8th Vietnam–China Border Defence Friendship Exchange. Officials met.",
        ],
    );
    old.period = Some(Period::Half {
        year: 2023,
        half: 1,
    });
    old.kind = Kind::Other;
    let mut new = doc(
        "b_new",
        "VNA",
        &[
            "Highlights included the successful organisation of the 9th Vietnam–China border defence friendship exchange on March 21, with General Tran Van A.",
        ],
    );
    new.period = Some(Period::Half {
        year: 2025,
        half: 1,
    });
    new.published = Date::new(2025, 7, 8);
    let entities = vec![
        entity(
            EntityKind::Event,
            "9th Vietnam–China Border Defence Friendship Exchange",
            Some(SERIES),
            Some(9),
        ),
        entity(
            EntityKind::Event,
            "8th Vietnam–China Border Defence Friendship Exchange",
            Some(SERIES),
            Some(8),
        ),
        entity(EntityKind::Person, "Tran Van A", None, None),
    ];
    let mentions = vec![
        mention(
            &old,
            1,
            "8th Vietnam–China Border Defence Friendship Exchange",
        ),
        [
            mention(
                &new,
                0,
                "9th Vietnam–China border defence friendship exchange",
            ),
            mention(&new, 2, "Tran Van A"),
        ]
        .concat(),
    ];
    (vec![old, new], entities, mentions)
}

#[test]
fn editions_share_a_series_and_run_in_order() {
    let (docs, entities, mentions) = exchanges();
    let events = build(&docs, &entities, &mentions);
    let series: Vec<(Option<u32>, &str)> = events
        .iter()
        .filter(|e| e.series.as_deref() == Some(SERIES))
        .map(|e| (e.ordinal, e.id.as_str()))
        .collect();
    assert_eq!(
        series,
        [
            (
                Some(8),
                "event:vietnam-china-border-defence-friendship-exchange-8"
            ),
            (
                Some(9),
                "event:vietnam-china-border-defence-friendship-exchange-9"
            )
        ]
    );
}

#[test]
fn status_date_and_participants_come_from_the_sentence() {
    let (docs, entities, mentions) = exchanges();
    let events = build(&docs, &entities, &mentions);
    let eighth = &events[0];
    assert_eq!(eighth.status, Some(Status::InPreparation));
    assert_eq!(eighth.date, None);
    assert_eq!(ids(&docs, &eighth.documents), ["a_old"]);
    assert_eq!(
        eighth.sentences[0].text(&docs),
        docs[0].body[0].split(" Officials").next().unwrap_or("")
    );
    let ninth = &events[1];
    assert_eq!(ninth.status, Some(Status::Held));
    assert_eq!(ninth.date, Date::new(2025, 3, 21));
    assert_eq!(
        ninth.period,
        Some(Period::Half {
            year: 2025,
            half: 1
        })
    );
    let participants: Vec<&str> = ninth.participant_ids(&entities).ids().collect();
    assert_eq!(participants, ["person:tran-van-a"]);
    assert_eq!(ninth.sources, ["VNA"]);
}

/// Two outlets' reports of one review conference, and a third of another period.
fn reports() -> (Vec<Document>, Vec<Entity>, Vec<Vec<Mention>>) {
    let h1 = Some(Period::Half {
        year: 2031,
        half: 1,
    });
    let mut a = doc(
        "a_vna",
        "VNA",
        &[
            "The Ministry convened a conference on July 3 to review coastal logistics and engineering support during the first half.",
            "Chairing the meeting, Colonel Le Thi Binh praised the engineering brigades, river transport units and logistics depots for their coastal readiness.",
        ],
    );
    a.kind = Kind::HalfYearReview;
    a.period = h1;
    a.event_date = Date::new(2031, 7, 3);
    a.dateline = Some("ĐÀ NẴNG".into());
    let mut b = doc(
        "b_qdnd",
        "QDND",
        &[
            "The event was chaired by Colonel Le Thi Binh.",
            "Engineering brigades, river transport units and logistics depots improved coastal readiness and engineering support in the first half.",
        ],
    );
    b.kind = Kind::HalfYearReview;
    b.period = h1;
    let mut c = b.clone();
    c.id = "c_qdnd".into();
    c.period = Some(Period::Half {
        year: 2030,
        half: 2,
    });
    let entities = vec![entity(EntityKind::Person, "Le Thi Binh", None, None)];
    let mentions = vec![
        mention(&a, 0, "Le Thi Binh"),
        mention(&b, 0, "Le Thi Binh"),
        mention(&c, 0, "Le Thi Binh"),
    ];
    (vec![a, b, c], entities, mentions)
}

#[test]
fn one_conference_reported_twice_is_one_event_with_inferred_facts() {
    let (docs, entities, mentions) = reports();
    let events = build(&docs, &entities, &mentions);
    assert_eq!(events.len(), 2, "{events:#?}");
    let earlier = &events[0];
    assert_eq!(ids(&docs, &earlier.documents), ["c_qdnd"]);
    assert_eq!(earlier.name, "Half-year review conference, H2 2030");
    let merged = &events[1];
    assert_eq!(ids(&docs, &merged.documents), ["a_vna", "b_qdnd"]);
    assert_eq!(merged.sources, ["QDND", "VNA"]);
    assert_eq!(
        merged.name,
        "Review of coastal logistics and engineering support, H1 2031"
    );
    assert_eq!(merged.date, Date::new(2031, 7, 3));
    assert_eq!(merged.place.as_deref(), Some("Đà Nẵng"));
    assert_eq!(merged.chair_id(&entities), Some("person:le-thi-binh"));
    assert_eq!(merged.status, Some(Status::Held));
    assert_eq!(
        merged.inferred,
        ["date 2031-07-03 from a_vna", "place Đà Nẵng from a_vna"]
    );
    assert_eq!(merged.id, "event:half-year-review-2031-h1");
}

#[test]
fn a_later_report_names_the_conference_when_the_first_cannot() {
    let (mut docs, entities, mut mentions) = reports();
    // The report that says what was reviewed now comes second.
    docs.swap(0, 1);
    mentions.swap(0, 1);
    let events = build(&docs, &entities, &mentions);
    let merged = &events[1];
    assert_eq!(ids(&docs, &merged.documents), ["b_qdnd", "a_vna"]);
    assert_eq!(
        merged.name,
        "Review of coastal logistics and engineering support, H1 2031"
    );
    assert_eq!(
        merged.inferred,
        ["date 2031-07-03 from a_vna", "place Đà Nẵng from a_vna"]
    );
    assert_eq!(merged.chair_id(&entities), Some("person:le-thi-binh"));
    assert_eq!(merged.participants, [0]);
    let texts: Vec<&str> = merged.sentences.iter().map(|s| s.text(&docs)).collect();
    assert_eq!(
        texts.first(),
        Some(&"The event was chaired by Colonel Le Thi Binh.")
    );
    assert!(texts.len() >= 3, "{texts:?}");
}

#[test]
fn reports_that_disagree_stay_apart() {
    let (mut docs, entities, mentions) = reports();
    docs[1].event_date = Date::new(2031, 7, 10);
    let events = build(&docs, &entities, &mentions);
    assert_eq!(events.len(), 3);
    let (mut docs, entities, mentions) = reports();
    docs[1].body =
        vec!["The event was chaired by Colonel Le Thi Binh. Weather was mild.".into()].into();
    assert_eq!(build(&docs, &entities, &mentions).len(), 3);
}

#[test]
fn undated_events_sit_at_their_report_and_ids_are_unique() {
    let (docs, mut entities, mut mentions) = exchanges();
    // The same name twice (e.g. two unrelated entities) still gets two ids.
    entities.push(entities[1].clone());
    mentions[0].extend(mention(&docs[0], 3, "8th"));
    let events = build(&docs, &entities, &mentions);
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids.len(), unique.len());
    assert!(ids.contains(&"event:vietnam-china-border-defence-friendship-exchange-8-2"));
    // Both 8th editions come from the H1 2023 report, before the 2025 one.
    assert_eq!(events.last().map(|e| e.ordinal), Some(Some(9)));
}

#[test]
fn empty_and_inconsistent_input_is_harmless() {
    assert!(build(&[], &[], &[]).is_empty());
    let (docs, entities, _) = exchanges();
    let bad = vec![vec![Mention::new(99, Field::Body(7), 5, 1).unwrap()]];
    // Entities that no valid main-text mention names make no timeline entries.
    let events = build(&docs, &entities, &bad);
    assert!(
        events
            .iter()
            .all(|e| e.entity.is_none() && e.sentences.is_empty())
    );
}

#[test]
fn haystack_has_what_the_filter_matches() {
    let (docs, entities, mentions) = reports();
    let events = build(&docs, &entities, &mentions);
    let hay = haystacks(&events, &entities);
    assert!(hay[1].contains("2031-07-03") && hay[1].contains("2031-H1"));
    assert!(
        hay[1].contains("Đà Nẵng") && hay[1].contains("Le Thi Binh") && hay[1].contains("QDND")
    );
    let idx = index(&events, &entities);
    assert_eq!(idx.search("da nang binh")[0].index, 1);
}
