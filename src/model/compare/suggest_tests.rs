//! Tests of the suggestions, on made-up documents.

use super::*;
use crate::model::document::{Document, Kind};

/// A made-up review opening: several subjects, none dominating.
const REVIEW: &[&str] = &[
    "Bilateral defence ties with strategic partners deepened through official visits and a defence policy dialogue.",
    "Multilateral work at ASEAN forums and the ADMM-Plus went on; border guards held a friendship exchange.",
    "A field hospital rotation deployed for UN peacekeeping, and mine action and the search for MIA remains went on.",
];

/// A made-up report of one border exchange.
const EXCHANGE: &[&str] = &[
    "Border guards of the two countries held a friendship exchange at the border gate.",
    "Officers of twinned border posts planted trees along the borderline and met border residents.",
    "The two sides agreed on joint border patrols and border management at border gates.",
];

fn doc(id: &str, kind: Kind, period: &str, source: &str, body: &[&str]) -> Document {
    Document {
        id: id.into(),
        kind,
        period: Period::parse(period),
        source: Some(source.into()),
        body: body.iter().map(|s| (*s).to_owned()).collect(),
        ..Document::default()
    }
}

fn corpus() -> Corpus {
    use Kind::*;
    Corpus::new(
        vec![
            doc("a-2025h1-vna", HalfYearReview, "2025-H1", "VNA", REVIEW),
            doc("b-2025h1-qdnd", HalfYearReview, "2025-H1", "QDND", REVIEW),
            doc("c-2023h1-qdnd", HalfYearReview, "2023-H1", "QDND", REVIEW),
            doc("d-2025-vns", AnnualReview, "2025", "VNS", REVIEW),
            doc("e-2016-2021", MultiYearReview, "2016-2021", "VNA", REVIEW),
            doc("f-other", Other, "2025", "VNA", REVIEW),
            doc("g-2024-vna", AnnualReview, "2024", "VNA", REVIEW),
            // Called a review by its metadata, but it reports one exchange.
            doc("h-2024-exchange", AnnualReview, "2024", "VNS", EXCHANGE),
            doc("i-2025h1-event", EventReport, "2025-H1", "VNS", EXCHANGE),
        ],
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    )
}

fn pairs(list: &[Suggestion]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|s| (s.left.as_str(), s.right.as_str()))
        .collect()
}

#[test]
fn proposes_the_three_kinds_of_pair_and_no_event_report() {
    let c = corpus();
    let list = suggest(&c);
    let got = pairs(&list);
    assert_eq!(got[0], ("b-2025h1-qdnd", "a-2025h1-vna"));
    assert!(
        list[0].reason.contains("QDND and VNA"),
        "{}",
        list[0].reason
    );
    for want in [
        ("c-2023h1-qdnd", "a-2025h1-vna"),
        ("c-2023h1-qdnd", "b-2025h1-qdnd"),
        ("a-2025h1-vna", "d-2025-vns"),
        ("g-2024-vna", "d-2025-vns"),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:?}");
    }
    for (l, r) in &got {
        for never in ['e', 'f', 'h', 'i'] {
            assert!(!l.starts_with(never) && !r.starts_with(never), "{l} / {r}");
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    assert!(got.iter().all(|p| seen.insert(*p)), "pairs are unique");
    assert!(list.windows(2).all(|w| w[0].score >= w[1].score));
    let c2023 = list
        .iter()
        .find(|s| s.left.starts_with('c'))
        .map(|s| s.reason.as_str());
    assert_eq!(
        c2023,
        Some("half-year reviews of 2023-H1 and 2025-H1; topics 100% alike")
    );
}

#[test]
fn counterparts_of_one_document() {
    let c = corpus();
    let got = suggest_for(&c, 2);
    let ids: Vec<&str> = got
        .iter()
        .map(|s| {
            if s.left_index == 2 {
                s.right.as_str()
            } else {
                s.left.as_str()
            }
        })
        .collect();
    assert_eq!(ids, ["a-2025h1-vna", "b-2025h1-qdnd"]);
    assert!(suggest_for(&c, 5).is_empty());
    assert!(
        suggest_for(&c, 7).is_empty(),
        "an event report in review's clothing"
    );
    assert!(suggest_for(&c, 99).is_empty());
}

#[test]
fn different_conference_dates_are_not_the_same_conference() {
    let mut c = corpus();
    c.documents[0].event_date = crate::model::Date::new(2025, 7, 7);
    c.documents[1].event_date = crate::model::Date::new(2025, 7, 8);
    assert!(!pairs(&suggest(&c)).contains(&("b-2025h1-qdnd", "a-2025h1-vna")));
}

#[test]
fn alike_topics_rank_higher() {
    let mut c = corpus();
    // The 2024 annual review now speaks of other subjects than the 2025 one.
    c.documents[6].body = vec![
        "Military training and exercises, combat readiness and logistics and technical work improved.".into(),
        "Party work and political education in the army, discipline and inspections went on.".into(),
    ].into();
    let list = suggest(&c);
    let score = |l: &str, r: &str| {
        list.iter()
            .find(|s| s.left == l && s.right == r)
            .map(|s| s.score)
    };
    let (alike, unlike) = (
        score("a-2025h1-vna", "d-2025-vns"),
        score("g-2024-vna", "d-2025-vns"),
    );
    assert!(alike.is_some() && unlike.is_some(), "{list:?}");
    assert!(alike > unlike, "{alike:?} vs {unlike:?}");
}

#[test]
fn a_report_of_an_unknown_outlet_pairs_with_known_ones_only() {
    let mut c = corpus();
    c.documents[1].source = None;
    let list = suggest(&c);
    let same = list
        .iter()
        .find(|s| s.reason.starts_with("the same 2025-H1"))
        .map(|s| (s.left.as_str(), s.right.as_str(), s.reason.as_str()));
    assert_eq!(
        same.map(|(l, r, _)| (l, r)),
        Some(("b-2025h1-qdnd", "a-2025h1-vna"))
    );
    assert!(
        same.is_some_and(|(_, _, why)| why.contains("VNA and an unnamed outlet")),
        "{same:?}"
    );
    c.documents[0].source = None;
    assert!(
        !suggest(&c)
            .iter()
            .any(|s| s.reason.starts_with("the same 2025-H1")),
        "two reports of unknown outlets may be one outlet's"
    );
}
