//! Tests of the linking: bounded work on long, number-dense sides, and the records.

use super::*;
use crate::model::compare::align::place;
use crate::model::compare::build::compare_within;
use crate::model::compare::tests::corpus;
use crate::model::compare::topics::Lexicon;

/// `n` sentences that each count officers sent on a mission: every value falls in one
/// bucket, the case that made pairing quadratic.
fn dense(n: usize, step: usize) -> Vec<String> {
    let sentences: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "The peacekeeping force sent {} officers to the mission.",
                3 + (i * step) % 997
            )
        })
        .collect();
    vec![sentences.join(" ")]
}

fn linked(bodies: [Vec<String>; 2]) -> (Links, usize) {
    let lex = Lexicon::embedded();
    let c = corpus(bodies);
    let (lp, rp) = (place(&c, 0, lex, usize::MAX), place(&c, 1, lex, usize::MAX));
    let conference = lex.topic("conference");
    let ls = Side::read(&c, 0, &lp.placed, lex, conference);
    let rs = Side::read(&c, 1, &rp.placed, lex, conference);
    let sides = Sides {
        left: (&ls, &lp.placed),
        right: (&rs, &rp.placed),
        topics: lex.topics.len(),
        conference,
    };
    (link(&sides), ls.values.len())
}

#[test]
fn linking_looks_at_a_bounded_number_of_candidates() {
    let n = 3000;
    let (links, values) = linked([dense(n, 7), dense(n, 11)]);
    assert_eq!(values, n);
    // Pairing every left value with every right one would look at n² = 9,000,000 pairs.
    assert!(
        links.examined <= 2 * BUCKET_CAP * n,
        "{} pairs examined",
        links.examined
    );
    assert!(links.changes.len() <= n);
}

#[test]
fn a_side_longer_than_the_limit_is_compared_in_part_with_a_note() {
    let c = corpus([dense(40, 7), dense(3, 11)]);
    let cmp = compare_within(&c, (0, 1), 500);
    let note = cmp.note.as_deref().unwrap_or("");
    assert!(note.starts_with("too long to compare in full"), "{note}");
    let shown: usize = cmp.rows.iter().map(|r| r.left.len()).sum();
    assert!(shown < 40 && shown > 0, "{shown}");
    assert!(compare_within(&c, (0, 1), usize::MAX).note.is_none());
}

#[test]
fn editions_and_counts_become_records_that_name_both_sides() {
    let (links, _) = linked([
        vec!["The 8th Vietnam - China Border Defense Friendship Exchange took place, connecting 22 locations.".into()],
        vec!["The 9th Vietnam–China border defence friendship exchange took place, connecting 20 locations.".into()],
    ]);
    let got: Vec<(ChangeKind, &str, &str)> = links
        .changes
        .iter()
        .map(|c| {
            (
                c.change.kind,
                c.change.left.as_str(),
                c.change.right.as_str(),
            )
        })
        .collect();
    assert!(
        got.contains(&(ChangeKind::Edition, "8th", "9th")),
        "{got:?}"
    );
    assert!(got.contains(&(ChangeKind::Number, "22", "20")), "{got:?}");
}

#[test]
fn different_parties_are_different_series() {
    let (links, _) = linked([
        vec![
            "It held the first Vietnam - Laos - Cambodia Border Defense Friendship Exchange."
                .into(),
        ],
        vec!["It held the 2nd Việt Nam-Cambodia Border Defence Friendship Exchange.".into()],
    ]);
    assert!(links.changes.is_empty(), "{:?}", links.changes);
}

#[test]
fn an_ordinal_links_only_to_an_ordinal_of_the_same_event() {
    // Each side has one ordinal in the row, but of different events: an edition of a
    // forum on one side, an anniversary on the other. That is no 5th → 60th change.
    let (links, _) = linked([
        vec!["In the coming period, the ministry will prepare well for the fifth Regional Security Forum.".into()],
        vec!["In the coming period, the ministry will prepare well for events marking the 60th anniversary of diplomatic relations.".into()],
    ]);
    assert!(links.changes.is_empty(), "{:?}", links.changes);
    // The same event, spelled out on one side and in figures on the other, still links.
    let (links, _) = linked([
        vec!["In the coming period, the ministry will prepare well for the fifth Regional Security Forum.".into()],
        vec!["In the coming period, the ministry will prepare well for the 6th Regional Security Forum.".into()],
    ]);
    let got: Vec<(&str, &str)> = links
        .changes
        .iter()
        .map(|c| (c.change.left.as_str(), c.change.right.as_str()))
        .collect();
    assert_eq!(got, [("fifth", "6th")], "{:?}", links.changes);
}
