//! What differs between the two sides of a row: entities and events named on one side
//! only, and numbers or ordinals that changed (read from the text, so the diff works
//! even without entities).

use super::facts::{Facts, Named, named};
use super::pairing;
use super::topics::Lexicon;
use super::values::{self, Value, ValueKind};
use super::{Change, Sentence};
use crate::model::corpus::Corpus;
use crate::model::text::fold;

/// The differences of one row.
#[derive(Debug, Default)]
pub struct RowDiff {
    /// Names and values only on the left.
    pub only_left: Vec<String>,
    /// Names and values only on the right.
    pub only_right: Vec<String>,
    /// Changed values.
    pub changes: Vec<Change>,
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_owned());
    }
}

fn highlight(sentences: &mut [Sentence], (i, start, end): (usize, usize, usize)) {
    if let Some(s) = sentences.get_mut(i)
        && start < end
        && end <= s.text.len()
        && s.text.is_char_boundary(start)
        && s.text.is_char_boundary(end)
    {
        s.highlights.push((start, end));
    }
}

/// Sorts and merges each sentence's highlight ranges.
fn tidy(sentences: &mut [Sentence]) {
    for s in sentences {
        s.highlights.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(s.highlights.len());
        for &(a, b) in &s.highlights {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        s.highlights = merged;
    }
}

/// Compares the two sides of a row and marks what differs in their `highlights`.
pub fn diff(
    corpus: &Corpus,
    (left_doc, right_doc): (usize, usize),
    left: &mut [Sentence],
    right: &mut [Sentence],
    (left_facts, right_facts): (&Facts, &Facts),
    lex: &Lexicon,
) -> RowDiff {
    let mut out = RowDiff::default();
    let side_values = |side: &[Sentence]| -> Vec<Value> {
        side.iter()
            .enumerate()
            .flat_map(|(i, s)| values::values(i, &s.text, lex))
            .collect()
    };
    let (lv, rv) = (side_values(left), side_values(right));
    let (pairs, only_l, only_r) = pairing::pair(&lv, &rv);
    let mut changed_numbers = Vec::new();
    for (i, j) in pairs {
        let (a, b) = (&lv[i], &rv[j]);
        if a.number != b.number {
            let what = if a.what.is_empty() { &b.what } else { &a.what };
            out.changes.push(Change {
                from: a.display.clone(),
                to: b.display.clone(),
                what: what.clone(),
            });
            changed_numbers.push((a.number, b.number));
            highlight(left, (a.sentence, a.start, a.end));
            highlight(right, (b.sentence, b.start, b.end));
        }
    }

    // Entities and events: a series on both sides with different editions is a change.
    let (ln, rn) = (
        named(corpus, left_doc, left, &left_facts.events),
        named(corpus, right_doc, right, &right_facts.events),
    );
    let one_sided = |mine: &[Named], theirs: &[Named], their_doc: &Facts| -> Vec<usize> {
        (0..mine.len())
            .filter(|&i| {
                !theirs.iter().any(|t| t.key == mine[i].key) && !their_doc.names(&mine[i].key)
            })
            .collect()
    };
    let (mut lo, mut ro) = (
        one_sided(&ln, &rn, right_facts),
        one_sided(&rn, &ln, left_facts),
    );
    let series_key = |n: &Named| n.series.as_deref().map(fold);
    let mut paired = Vec::new();
    for &i in &lo {
        let found = ro.iter().copied().find(|&j| {
            series_key(&ln[i]).is_some()
                && series_key(&ln[i]) == series_key(&rn[j])
                && !paired.iter().any(|&(_, pj)| pj == j)
        });
        if let Some(j) = found {
            paired.push((i, j));
        }
    }
    for &(i, j) in &paired {
        let (a, b) = (&ln[i], &rn[j]);
        if let (Some(x), Some(y)) = (a.ordinal, b.ordinal)
            && !changed_numbers.contains(&(u64::from(x), u64::from(y)))
        {
            out.changes.push(Change {
                from: crate::model::text::ordinal(x),
                to: crate::model::text::ordinal(y),
                what: a.series.clone().unwrap_or_default(),
            });
        }
        a.spots.iter().for_each(|&s| highlight(left, s));
        b.spots.iter().for_each(|&s| highlight(right, s));
    }
    let (lo_all, ro_all) = (lo.clone(), ro.clone());
    // An edition whose series the other document also names elsewhere (its own review
    // conference, another rotation) is placed differently, not missing.
    lo.retain(|&i| {
        !paired.iter().any(|p| p.0 == i) && !right_facts.has_series(ln[i].series.as_deref())
    });
    ro.retain(|&j| {
        !paired.iter().any(|p| p.1 == j) && !left_facts.has_series(rn[j].series.as_deref())
    });
    let only = |names: &[Named], idx: &[usize], list: &mut Vec<String>, side: &mut [Sentence]| {
        for &i in idx {
            push_unique(list, &names[i].name);
            names[i].spots.iter().for_each(|&s| highlight(side, s));
        }
    };
    only(&ln, &lo, &mut out.only_left, left);
    only(&rn, &ro, &mut out.only_right, right);

    // Values on one side only, unless a name on that side already shows them (years and
    // dates are left to the documents' periods).
    let covered = |names: &[Named], idx: &[usize], v: &Value| {
        idx.iter().any(|&i| {
            names[i]
                .spots
                .iter()
                .any(|&(s, a, b)| s == v.sentence && a <= v.start && v.end <= b)
        })
    };
    for (vals, idx, names, named_idx, list, side, other) in [
        (
            &lv,
            &only_l,
            &ln,
            &lo_all,
            &mut out.only_left,
            &mut *left,
            right_facts,
        ),
        (
            &rv,
            &only_r,
            &rn,
            &ro_all,
            &mut out.only_right,
            &mut *right,
            left_facts,
        ),
    ] {
        for &k in idx {
            let v = &vals[k];
            if matches!(v.kind, ValueKind::Year | ValueKind::Date)
                || covered(names, named_idx, v)
                || other.says(v)
            {
                continue;
            }
            push_unique(list, &v.phrase);
            highlight(side, (v.sentence, v.start, v.end));
        }
    }
    tidy(left);
    tidy(right);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::Field;

    fn sentence(text: &str) -> Sentence {
        Sentence {
            text: text.to_owned(),
            field: Field::Body(0),
            start: 0,
            end: text.len(),
            highlights: Vec::new(),
        }
    }

    fn corpus([l, r]: [&str; 2]) -> Corpus {
        super::super::tests::corpus([vec![l.to_owned()], vec![r.to_owned()]])
    }

    #[test]
    fn changed_ordinals_and_one_sided_counts_stand_out() {
        let l = "The 8th Vietnam - China Border Defense Friendship Exchange was held, connecting 22 locations.";
        let r = "The 9th Vietnam–China border defence friendship exchange was held.";
        let c = corpus([l, r]);
        let (mut left, mut right) = (vec![sentence(l)], vec![sentence(r)]);
        let lex = Lexicon::embedded();
        let facts = (Facts::of(&c, 0, &left, lex), Facts::of(&c, 1, &right, lex));
        let d = diff(&c, (0, 1), &mut left, &mut right, (&facts.0, &facts.1), lex);
        assert_eq!(d.changes.len(), 1);
        assert_eq!(
            (d.changes[0].from.as_str(), d.changes[0].to.as_str()),
            ("8th", "9th")
        );
        assert_eq!(
            d.changes[0].what,
            "Vietnam - China Border Defense Friendship Exchange"
        );
        assert_eq!(d.only_left, ["connecting 22 locations"]);
        assert!(d.only_right.is_empty());
        let shown: Vec<&str> = left[0].highlights.iter().map(|&(a, b)| &l[a..b]).collect();
        assert_eq!(shown, ["8th", "22 locations"]);
        assert_eq!(right[0].highlights, [(4, 7)]);
    }

    #[test]
    fn equal_values_do_not_differ() {
        let t = "The 80th anniversary of National Day (September 2) was marked in 2025.";
        let c = corpus([t, t]);
        let (mut left, mut right) = (vec![sentence(t)], vec![sentence(t)]);
        let lex = Lexicon::embedded();
        let facts = (Facts::of(&c, 0, &left, lex), Facts::of(&c, 1, &right, lex));
        let d = diff(&c, (0, 1), &mut left, &mut right, (&facts.0, &facts.1), lex);
        assert!(d.changes.is_empty() && d.only_left.is_empty() && d.only_right.is_empty());
        assert!(left[0].highlights.is_empty());
    }

    #[test]
    fn what_the_other_document_says_elsewhere_is_not_one_sided() {
        let l = "It linked 22 locations.";
        let r = "The hybrid event took place.";
        let c = corpus([l, r]);
        let lex = Lexicon::embedded();
        let (mut left, mut right) = (vec![sentence(l)], vec![sentence(r)]);
        let elsewhere = [sentence(r), sentence("Staff at 22 locations linked up.")];
        let facts = (
            Facts::of(&c, 0, &left, lex),
            Facts::of(&c, 1, &elsewhere, lex),
        );
        let d = diff(&c, (0, 1), &mut left, &mut right, (&facts.0, &facts.1), lex);
        assert!(d.only_left.is_empty(), "{:?}", d.only_left);
    }

    #[test]
    fn events_cited_on_one_side_only() {
        use crate::model::event::{Event, EventSentence};
        let l = "A donor conference for mine action was held.";
        let r = "Mine action went on.";
        let mut c = corpus([l, r]);
        c.events = vec![Event {
            id: "e1".into(),
            name: "Donor conference on mine action".into(),
            documents: vec!["d0".into()],
            sentences: vec![EventSentence {
                document: "d0".into(),
                field: Field::Body(0),
                start: 0,
                end: l.len(),
                text: l.into(),
            }],
            ..Event::default()
        }];
        let lex = Lexicon::embedded();
        let (mut left, mut right) = (vec![sentence(l)], vec![sentence(r)]);
        let facts = (Facts::of(&c, 0, &left, lex), Facts::of(&c, 1, &right, lex));
        let d = diff(&c, (0, 1), &mut left, &mut right, (&facts.0, &facts.1), lex);
        assert_eq!(d.only_left, ["Donor conference on mine action"]);
        assert!(d.only_right.is_empty());
    }

    #[test]
    fn entities_on_one_side_and_editions_of_a_series() {
        use crate::model::entity::{Entity, EntityKind, Mention};
        let l = "Minister Alpha attended the 3rd Delta Forum.";
        let r = "The 4th Delta Forum opened.";
        let mut c = corpus([l, r]);
        let entity = |id: &str, name: &str, ordinal: Option<u32>| Entity {
            id: id.into(),
            kind: EntityKind::Event,
            name: name.into(),
            aliases: Vec::new(),
            documents: Vec::new(),
            related_documents: Vec::new(),
            mentions: 1,
            attributes: Default::default(),
            ordinal,
            series: ordinal.map(|_| "Delta Forum".into()),
        };
        c.entities = vec![
            entity("person:alpha", "Alpha", None),
            entity("event:3-delta", "3rd Delta Forum", Some(3)),
            entity("event:4-delta", "4th Delta Forum", Some(4)),
        ];
        let m = |entity, start, end| Mention {
            entity,
            field: Field::Body(0),
            start,
            end,
        };
        c.mentions = vec![vec![m(0, 9, 14), m(1, 28, 43)], vec![m(2, 4, 19)]];
        let (mut left, mut right) = (vec![sentence(l)], vec![sentence(r)]);
        let lex = Lexicon::embedded();
        let facts = (Facts::of(&c, 0, &left, lex), Facts::of(&c, 1, &right, lex));
        let d = diff(&c, (0, 1), &mut left, &mut right, (&facts.0, &facts.1), lex);
        assert_eq!(d.only_left, ["Alpha"]);
        assert!(d.only_right.is_empty());
        assert_eq!(d.changes.len(), 1, "{:?}", d.changes);
        assert_eq!(
            (d.changes[0].from.as_str(), d.changes[0].to.as_str()),
            ("3rd", "4th")
        );
        assert!(left[0].highlights.contains(&(9, 14)));
    }
}
