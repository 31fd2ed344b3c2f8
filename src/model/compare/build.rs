//! Putting a comparison together: place both sides' sentences, read them, link the
//! changes, find what is one-sided, lay out the rows and write the digest.

use super::align::{self, Placed, Placement, UNASSIGNED};
use super::comparison::{Change, Comparison, Reference, Row, Sentence};
use super::digest::{SideNames, digest};
use super::facts::Side;
use super::limits::MAX_SIDE_BYTES;
use super::link::{Linked, Sides, link};
use super::meeting;
use super::one_sided::{OneSided, one_sided};
use super::topics::Lexicon;
use crate::model::corpus::Corpus;
use crate::model::date::Period;
use crate::model::document::{Document, Kind};
use rustc_hash::FxHashSet;

/// Aligns two documents (indices into `corpus.documents`) by topic and links their
/// differences. Out-of-range indices give a comparison with empty sides.
pub fn compare(corpus: &Corpus, left: usize, right: usize) -> Comparison {
    compare_within(corpus, (left, right), MAX_SIDE_BYTES)
}

/// [`compare`], reading at most `max_bytes` of each body.
pub(super) fn compare_within(
    corpus: &Corpus,
    (left, right): (usize, usize),
    max_bytes: usize,
) -> Comparison {
    let lex = Lexicon::embedded();
    let n = lex.topics.len();
    let conference = lex.topic("conference");
    let lp = align::place(corpus, left, lex, max_bytes);
    let rp = align::place(corpus, right, lex, max_bytes);
    let ls = Side::read(corpus, left, &lp.placed, lex, conference);
    let rs = Side::read(corpus, right, &rp.placed, lex, conference);
    let sides = Sides {
        left: (&ls, &lp.placed),
        right: (&rs, &rp.placed),
        topics: n,
        conference,
    };
    let mut links = link(&sides);
    meeting::roles(&sides, &mut links);
    meeting::format(&sides, &mut links);
    let lo = one_sided(&ls, &lp.placed, &rs, &links, 0, n + 1);
    let ro = one_sided(&rs, &rp.placed, &ls, &links, 1, n + 1);
    let lh = highlights(lp.placed.len(), &links.changes, 0, &lo);
    let rh = highlights(rp.placed.len(), &links.changes, 1, &ro);
    let docs = (corpus.documents.get(left), corpus.documents.get(right));
    let (left_label, right_label) = side_labels(docs.0, docs.1);
    let rows = rows(
        lex,
        (&lp.placed, &rp.placed),
        (&lh, &rh),
        (&lo, &ro),
        &links.changes,
    );
    let names = SideNames {
        left: &left_label,
        right: &right_label,
        right_is_later: right_is_later(docs.0, docs.1),
    };
    let id = |d: Option<&Document>| d.map(|d| d.id.clone()).unwrap_or_default();
    Comparison {
        left_index: left,
        right_index: right,
        left: id(docs.0),
        right: id(docs.1),
        summary: summary(docs.0, docs.1),
        digest: digest(&rows, names),
        note: note(&[(&lp, &left_label), (&rp, &right_label)]),
        left_label,
        right_label,
        rows,
    }
}

/// Per sentence of one side, the byte ranges to highlight.
fn highlights(
    len: usize,
    changes: &[Linked],
    side: usize,
    only: &OneSided,
) -> Vec<Vec<(usize, usize)>> {
    let mut out = vec![Vec::new(); len];
    let spots = changes
        .iter()
        .filter_map(|c| c.spots[side])
        .chain(only.spots.iter().copied());
    for (s, a, b) in spots {
        if let Some(list) = out.get_mut(s) {
            list.push((a, b));
        }
    }
    for list in &mut out {
        list.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(list.len());
        for &(a, b) in list.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *list = merged;
    }
    out
}

/// A placed sentence with its highlights (those that fit its text).
fn sentence(p: &Placed, marks: &[(usize, usize)]) -> Sentence {
    let mut s = p.sentence.clone();
    s.highlights = marks
        .iter()
        .copied()
        .filter(|&(a, b)| a < b && s.text.get(a..b).is_some())
        .collect();
    s
}

type Pair<T> = (T, T);

/// The rows, in the lexicon's order, then the unassigned row when it has sentences.
fn rows(
    lex: &Lexicon,
    placed: Pair<&[Placed]>,
    marks: Pair<&[Vec<(usize, usize)>]>,
    only: Pair<&OneSided>,
    changes: &[Linked],
) -> Vec<Row> {
    let n = lex.topics.len();
    let slots = align::slots(lex, placed.0, placed.1);
    let mut per_row: Vec<Vec<Change>> = vec![Vec::new(); n + 1];
    let mut seen: FxHashSet<&Change> = FxHashSet::default();
    for c in changes {
        if c.row <= n && seen.insert(&c.change) {
            per_row[c.row].push(c.change.clone());
        }
    }
    let mut out = Vec::with_capacity(n + 1);
    for (i, (slot, changes)) in slots.iter().zip(per_row).enumerate() {
        let (topic, label, short) = match lex.topics.get(i) {
            Some(t) => (t.id.clone(), t.label.clone(), t.short.clone()),
            None if slot.left.is_empty() && slot.right.is_empty() => break,
            None => (
                UNASSIGNED.to_owned(),
                "Not matched to a topic".to_owned(),
                "Other".to_owned(),
            ),
        };
        let full = |ps: &[Placed], ms: &[Vec<(usize, usize)>], idx: &[usize]| -> Vec<Sentence> {
            idx.iter().map(|&k| sentence(&ps[k], &ms[k])).collect()
        };
        let refs = |ps: &[Placed], ms: &[Vec<(usize, usize)>], idx: &[usize]| -> Vec<Reference> {
            idx.iter()
                .map(|&k| Reference {
                    sentence: sentence(&ps[k], &ms[k]),
                    row: ps[k].row(n),
                })
                .collect()
        };
        let left = full(placed.0, marks.0, &slot.left);
        let right = full(placed.1, marks.1, &slot.right);
        let only_left = only.0.items[i].clone();
        let only_right = only.1.items[i].clone();
        let differs = left.is_empty() != right.is_empty()
            || !only_left.is_empty()
            || !only_right.is_empty()
            || !changes.is_empty();
        out.push(Row {
            topic,
            label,
            short,
            left,
            right,
            left_refs: refs(placed.0, marks.0, &slot.left_refs),
            right_refs: refs(placed.1, marks.1, &slot.right_refs),
            only_left,
            only_right,
            changes,
            differs,
        });
    }
    out
}

/// The id's leading part ("004" of "004_6de3…").
fn short_id(id: &str) -> &str {
    id.split_once('_').map_or(id, |(a, _)| a)
}

/// Names for the two sides that tell them apart: outlet and period, period, outlet, or
/// the ids, whichever both sides have and differ in.
pub fn side_labels(l: Option<&Document>, r: Option<&Document>) -> (String, String) {
    let (Some(l), Some(r)) = (l, r) else {
        return ("left".into(), "right".into());
    };
    let differ = |a: Option<String>, b: Option<String>| match (a, b) {
        (Some(a), Some(b)) if a != b => Some((a, b)),
        _ => None,
    };
    let sources = differ(l.source.clone(), r.source.clone());
    let periods = differ(
        l.period.map(|p| p.to_string()),
        r.period.map(|p| p.to_string()),
    );
    match (sources, periods) {
        (Some((a, b)), Some((p, q))) => return (format!("{a} {p}"), format!("{b} {q}")),
        (Some(pair), None) | (None, Some(pair)) => return pair,
        (None, None) => {}
    }
    let (a, b) = (short_id(&l.id), short_id(&r.id));
    // One outlet known, the other not: the known one by its name, the other by its id.
    match (&l.source, &r.source) {
        (Some(s), None) if a != b => return (s.clone(), b.to_owned()),
        (None, Some(s)) if a != b => return (a.to_owned(), s.clone()),
        _ => {}
    }
    if a == b {
        (l.id.clone(), r.id.clone())
    } else {
        (a.to_owned(), b.to_owned())
    }
}

/// True when the right document is the later one.
fn right_is_later(l: Option<&Document>, r: Option<&Document>) -> bool {
    let (Some(l), Some(r)) = (l, r) else {
        return false;
    };
    match (l.period, r.period) {
        (Some(a), Some(b)) => b.sort_key() > a.sort_key(),
        _ => matches!((l.sort_date(), r.sort_date()), (Some(a), Some(b)) if b > a),
    }
}

/// What the pair is, in a phrase.
pub fn summary(l: Option<&Document>, r: Option<&Document>) -> String {
    let (Some(l), Some(r)) = (l, r) else {
        return String::new();
    };
    let describe = |d: &Document| {
        let mut s = d.source.clone().map_or(String::new(), |s| format!("{s} "));
        s.push_str(if d.kind == Kind::Other {
            "article"
        } else {
            d.kind.label()
        });
        if let Some(p) = d.period {
            s.push_str(&format!(" of {p}"));
        }
        s
    };
    match (l.kind, r.kind, l.period, r.period) {
        (a, b, Some(p), Some(q)) if a == b && a.is_review() && p == q && l.source != r.source => {
            format!(
                "the same {p} {} reported by {} and {}",
                a.label(),
                l.source.as_deref().unwrap_or("an unnamed outlet"),
                r.source.as_deref().unwrap_or("an unnamed outlet")
            )
        }
        (a, b, Some(p), Some(q)) if a == b && a.is_review() && p != q => {
            format!("{}s of {p} and {q}", a.label())
        }
        (
            Kind::HalfYearReview,
            Kind::AnnualReview,
            Some(p @ Period::Half { year, .. }),
            Some(Period::Year(y)),
        )
        | (
            Kind::AnnualReview,
            Kind::HalfYearReview,
            Some(Period::Year(y)),
            Some(p @ Period::Half { year, .. }),
        ) if y == year => {
            format!("the {p} half-year review and the {y} annual review")
        }
        _ => format!("{} and {}", describe(l), describe(r)),
    }
}

/// The note for sides too long to compare in full.
fn note(sides: &[(&Placement, &String)]) -> Option<String> {
    let parts: Vec<String> = sides
        .iter()
        .filter_map(|(p, label)| {
            p.cut.map(|(used, total)| {
                format!(
                    "the first {} KB of {} KB of {label}",
                    used / 1024,
                    total / 1024
                )
            })
        })
        .collect();
    (!parts.is_empty()).then(|| {
        format!(
            "too long to compare in full: compared {}",
            parts.join(" and ")
        )
    })
}
