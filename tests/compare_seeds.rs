//! The comparison on the seed articles: the pairs users read side by side.

use dossier::model::Corpus;
use dossier::model::compare::{Comparison, Row, compare, suggest, suggest_for};

fn seeds() -> Corpus {
    Corpus::seeds()
}

fn doc(corpus: &Corpus, prefix: &str) -> usize {
    corpus.find(prefix).expect("seed document")
}

/// The rows where some left sentence contains `l` and some right sentence contains `r`.
fn rows_with<'a>(cmp: &'a Comparison, l: &str, r: &str) -> Vec<&'a Row> {
    cmp.rows
        .iter()
        .filter(|row| {
            row.left.iter().any(|s| s.text.contains(l))
                && row.right.iter().any(|s| s.text.contains(r))
        })
        .collect()
}

fn changed(row: &Row, from: &str, to: &str) -> bool {
    row.changes.iter().any(|c| c.left == from && c.right == to)
}

#[test]
fn border_exchanges_of_2023_and_2025_share_the_border_row() {
    let c = seeds();
    let cmp = compare(&c, doc(&c, "004"), doc(&c, "000"));
    let rows = rows_with(
        &cmp,
        "8th Vietnam - China Border",
        "9th Vietnam–China border",
    );
    let row = rows
        .iter()
        .find(|r| r.topic == "border")
        .expect("a border defence diplomacy row");
    assert!(row.differs);
    assert!(changed(row, "8th", "9th"), "{:?}", row.changes);
    let left = row
        .left
        .iter()
        .find(|s| s.text.contains("8th"))
        .expect("8th");
    assert!(
        left.highlights
            .iter()
            .any(|&(a, b)| left.text[a..b].starts_with("8th"))
    );
}

#[test]
fn engineering_rotations_share_the_peacekeeping_row() {
    let c = seeds();
    let cmp = compare(&c, doc(&c, "004"), doc(&c, "000"));
    let rows = rows_with(
        &cmp,
        "Engineering Company Rotation 2",
        "Engineering Unit Rotation 4",
    );
    let row = rows
        .iter()
        .find(|r| r.topic == "peacekeeping")
        .expect("a UN peacekeeping row");
    assert!(
        changed(row, "Rotation 2", "Rotation 4"),
        "{:?}",
        row.changes
    );
    assert!(
        changed(row, "Rotation 5", "Rotation 7"),
        "{:?}",
        row.changes
    );
}

#[test]
fn rows_follow_one_order_and_keep_every_sentence() {
    let c = seeds();
    for l in 0..c.documents.len() {
        for r in 0..c.documents.len() {
            let cmp = compare(&c, l, r);
            let topics: Vec<&str> = cmp.rows.iter().map(|r| r.topic.as_str()).collect();
            assert_eq!(topics[0], "conference");
            let last_topic = topics.iter().rposition(|t| *t != "unassigned").unwrap_or(0);
            assert_eq!(topics[last_topic], "tasks_ahead");
            for (side, d) in [(0, l), (1, r)] {
                let shown: usize = cmp
                    .rows
                    .iter()
                    .flat_map(|row| if side == 0 { &row.left } else { &row.right })
                    .map(|s| (s.field, s.start))
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                let rows: usize = cmp
                    .rows
                    .iter()
                    .map(|row| {
                        if side == 0 {
                            row.left.len()
                        } else {
                            row.right.len()
                        }
                    })
                    .sum();
                assert_eq!(
                    rows, shown,
                    "each sentence is shown in full in one row only"
                );
                let all: usize = c.documents[d]
                    .body
                    .iter()
                    .map(|p| dossier::model::sentence::split(p).len())
                    .sum();
                assert_eq!(
                    shown, all,
                    "every body sentence of {} is shown",
                    c.documents[d].id
                );
            }
            for row in &cmp.rows {
                for s in row.left.iter().chain(&row.right) {
                    for &(a, b) in &s.highlights {
                        assert!(a < b && s.text.get(a..b).is_some(), "highlight in bounds");
                    }
                }
            }
        }
    }
}

#[test]
fn a_document_compared_with_itself_does_not_differ() {
    let c = seeds();
    for d in 0..c.documents.len() {
        let cmp = compare(&c, d, d);
        assert!(cmp.rows.iter().all(|r| !r.differs), "{}", c.documents[d].id);
    }
}

#[test]
fn suggestions_include_the_pairs_users_read() {
    let c = seeds();
    let list = suggest(&c);
    let has = |a: usize, b: usize| {
        list.iter().find(|s| {
            (s.left_index, s.right_index) == (a, b) || (s.left_index, s.right_index) == (b, a)
        })
    };
    let (d0, d1, d3, d4) = (
        doc(&c, "000"),
        doc(&c, "001"),
        doc(&c, "003"),
        doc(&c, "004"),
    );
    // 000 (VNA) and 001 report the same H1 2025 conference, but 001 names no outlet
    // ("Translated by" names a translator, issue 9), so it is not an outlets pair today.
    if let Some(outlets) = has(d0, d1) {
        assert!(outlets.reason.contains("2025-H1"), "{}", outlets.reason);
    }
    let years = has(d4, d0).expect("004 vs 000: H1 2023 vs H1 2025");
    assert_eq!(years.left_index, d4, "the older review on the left");
    assert!(years.reason.contains("2023") && years.reason.contains("2025"));
    assert!(
        has(d0, d3).is_some(),
        "000 vs 003: half-year and annual review of 2025"
    );
    let for_4: Vec<usize> = suggest_for(&c, d4)
        .iter()
        .map(|s| {
            if s.left_index == d4 {
                s.right_index
            } else {
                s.left_index
            }
        })
        .collect();
    assert!(for_4.contains(&d0) && for_4.contains(&d1));
}

#[test]
fn the_2023_and_2025_digest_names_editions_rotations_and_the_new_exchange() {
    let c = seeds();
    let cmp = compare(&c, doc(&c, "004"), doc(&c, "000"));
    let text: Vec<&str> = cmp.digest.iter().map(|d| d.text.as_str()).collect();
    let line = |needle: &str| {
        text.iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in the digest {text:#?}"))
    };
    assert!(line("8th → 9th").starts_with("Border:"));
    assert!(line("Rotation 2 → 4").starts_with("Peacekeeping:"));
    assert!(line("Rotation 5 → 7").starts_with("Peacekeeping:"));
    assert!(line("new: 4th Vietnam–Laos exchange").starts_with("Border:"));
    for d in &cmp.digest {
        assert!(
            cmp.rows[d.topic_row].differs,
            "{} points at a row that differs",
            d.text
        );
    }
    assert_eq!(cmp.summary, "half-year reviews of 2023-H1 and 2025-H1");
}

#[test]
fn two_outlets_of_one_conference_show_what_each_omits() {
    let c = seeds();
    let cmp = compare(&c, doc(&c, "001"), doc(&c, "000"));
    assert_eq!(
        cmp.summary,
        "the same 2025-H1 half-year review reported by an unnamed outlet and VNA"
    );
    // 001 names no outlet (its photo credit is not a dateline): it goes by its id.
    assert_eq!(
        (cmp.left_label.as_str(), cmp.right_label.as_str()),
        ("001", "VNA")
    );
    let text: Vec<&str> = cmp.digest.iter().map(|d| d.text.as_str()).collect();
    // VNA names the border exchanges and the rotations, 001 names neither.
    assert!(
        text.iter()
            .any(|l| l.starts_with("Border:") && l.contains("only in VNA")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|l| l.contains("only in VNA") && l.contains("Rotation")),
        "{text:#?}"
    );
    // 001 names the Central Military Commission, VNA does not.
    assert!(
        text.iter()
            .any(|l| l.contains("only in 001") && l.contains("Central Military Commission")),
        "{text:#?}"
    );
    // Shared names are not one-sided: both name the MND and Hoang Xuan Chien.
    for row in &cmp.rows {
        for item in row.only_left.iter().chain(&row.only_right) {
            assert!(!item.contains("Ministry of National Defen"), "{item}");
            assert!(!item.contains("Hoang Xuan Chien"), "{item}");
        }
    }
}
