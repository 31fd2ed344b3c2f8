use super::*;
use crate::model::date::{Date, Period};

fn stamps(lines: &[&str]) -> Vec<Stamp> {
    lines
        .iter()
        .map(|l| Stamp {
            text: (*l).to_owned(),
            above_headline: false,
        })
        .collect()
}
use crate::model::document::{Kind, RelatedItem};

fn doc(body: &[&str]) -> Document {
    Document {
        title: "Headline".into(),
        body: body.iter().map(|s| s.to_string()).collect(),
        related: vec![RelatedItem {
            title: Some("Other news".into()),
            text: "A meeting reviewing the first half of 2019 was held on December 17.".into(),
            captions: Vec::new(),
        }],
        ..Document::default()
    }
}

#[test]
fn annotates_an_annual_review_published_on_a_thursday() {
    let mut d = doc(&[
        "HÀ NỘI — A conference reviewing defence diplomacy work in 2025 and outlining tasks for 2026 was chaired by the minister of the military.",
        "Held in Hà Nội on Thursday, the conference took place online.",
    ]);
    annotate(
        &mut d,
        &stamps(&["Thursday, December 18, 2025 18:01 (GMT+7)"]),
    );
    assert_eq!(d.published, Date::new(2025, 12, 18));
    assert_eq!(d.period, Some(Period::Year(2025)));
    assert_eq!(d.kind, Kind::AnnualReview);
    assert_eq!(d.event_date, Date::new(2025, 12, 18));
    let basis = d.event_date_basis.unwrap();
    assert_eq!(basis.evidence, "on Thursday");
}

#[test]
fn never_reads_the_related_tail_or_dates_in_the_text_as_publication() {
    let mut d = doc(&["Trade grew on 5 March 2025 and a ministry said so."]);
    annotate(&mut d, &stamps(&["Updated: 18:01"]));
    assert_eq!(d.published, None);
    assert_eq!(d.period, None);
    assert_eq!(d.kind, Kind::Other);
    assert_eq!(d.event_date, None);
    assert_eq!(d.event_date_basis, None);
}

#[test]
fn a_derived_title_is_not_read() {
    let mut d = doc(&["Nothing dated here."]);
    d.title =
        "The army's meeting reviewing the first half of 2025 of defence work was held on July 7"
            .into();
    d.title_derived = true;
    annotate(&mut d, &[]);
    assert_eq!(d.period, None);
    d.title_derived = false;
    annotate(&mut d, &[]);
    assert_eq!(
        d.period,
        Some(Period::Half {
            year: 2025,
            half: 1
        })
    );
    assert_eq!(d.event_date, Date::new(2025, 7, 7));
}

proptest::proptest! {
    #[test]
    fn never_panics_on_any_text(body in "\\PC{0,300}", stamp in "\\PC{0,60}") {
        let mut d = doc(&[&body]);
        d.captions = vec![body.chars().rev().collect::<String>()].into();
        annotate(&mut d, &stamps(&[&stamp]));
        if d.event_date.is_some() {
            proptest::prop_assert!(d.event_date_basis.is_some());
        }
    }

    #[test]
    fn never_panics_on_date_like_text(words in proptest::collection::vec(
        "(on|held|conference|first|half|of|in|2025|2016 – 2021|July|7|April14|Thursday|80th|anniversary|National Day|–|\\.|,|ệ|review|tasks|for)",
        0..40,
    )) {
        let text = words.join(" ");
        let mut d = doc(&[&text]);
        annotate(&mut d, &stamps(&[&text]));
    }
}

#[test]
fn publication_is_the_first_full_date_of_the_stamps() {
    let mut d = doc(&["Nothing here."]);
    let lines = stamps(&["Updated: 18:01", "19/12/2025 08:00", "December 20, 2025"]);
    annotate(&mut d, &lines);
    assert_eq!(d.published, Date::new(2025, 12, 19));
}
