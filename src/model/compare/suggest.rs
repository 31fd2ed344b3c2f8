//! Comparisons worth reading: half-year reviews of different years, the same
//! conference from two outlets, a half-year review and the same year's annual review,
//! annual reviews of different years. Built from `Document::{kind, period, source}`.

use super::Suggestion;
use crate::model::corpus::Corpus;
use crate::model::date::Period;
use crate::model::document::{Document, Kind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;

/// Counterparts listed per reason for one document (`suggest_for`).
const PER_REASON_FOR_ONE: usize = 8;
/// Counterparts kept per reason and document across the corpus (`suggest`), so the
/// list stays readable at 100,000 articles.
const PER_REASON_CORPUS: usize = 3;

/// Review documents grouped by (kind, period), then by outlet.
struct Index {
    groups: BTreeMap<(Kind, Period), BTreeMap<Option<String>, Vec<usize>>>,
}

impl Index {
    fn new(corpus: &Corpus) -> Index {
        let mut groups: BTreeMap<_, BTreeMap<_, Vec<usize>>> = BTreeMap::new();
        for (i, d) in corpus.documents.iter().enumerate() {
            if let (Some(p), true) = (d.period, d.kind.is_review()) {
                groups
                    .entry((d.kind, p))
                    .or_default()
                    .entry(d.source.clone())
                    .or_default()
                    .push(i);
            }
        }
        Index { groups }
    }

    /// The documents of one group, outlet by outlet.
    fn members(&self, kind: Kind, period: Period) -> impl Iterator<Item = usize> + '_ {
        self.groups
            .get(&(kind, period))
            .into_iter()
            .flat_map(|by_source| by_source.values().flatten().copied())
    }

    /// The periods of one kind that have documents.
    fn periods(&self, kind: Kind) -> impl Iterator<Item = Period> + '_ {
        self.groups
            .keys()
            .filter(move |(k, _)| *k == kind)
            .map(|&(_, p)| p)
    }
}

/// A candidate counterpart: (other document, score, reason).
type Candidate = (usize, f32, String);

/// Orders a pair: older period first, then by outlet and id.
fn ordered(corpus: &Corpus, a: usize, b: usize) -> (usize, usize) {
    let key = |i: usize| {
        let d = &corpus.documents[i];
        (
            d.period.map(Period::sort_key),
            d.source.as_deref(),
            d.id.as_str(),
        )
    };
    if key(a) <= key(b) { (a, b) } else { (b, a) }
}

/// The same conference reported by other outlets: same kind and period, another
/// source, and no conflicting conference dates. At most `cap`, spread over outlets.
fn other_outlets(
    corpus: &Corpus,
    index: &Index,
    d: usize,
    period: Period,
    cap: usize,
) -> Vec<Candidate> {
    let doc = &corpus.documents[d];
    let Some(mine) = doc.source.as_deref() else {
        return Vec::new();
    };
    let Some(by_source) = index.groups.get(&(doc.kind, period)) else {
        return Vec::new();
    };
    let per_outlet = cap.div_ceil(by_source.len().max(1)).max(1);
    let mut out = Vec::new();
    for (source, members) in by_source {
        let Some(theirs) = source.as_deref().filter(|s| *s != mine) else {
            continue;
        };
        let found = members.iter().filter_map(|&j| {
            let score = match (doc.event_date, corpus.documents[j].event_date) {
                (Some(x), Some(y)) if x != y => return None,
                (Some(_), Some(_)) => 1.0,
                _ => 0.95,
            };
            let (l, _) = ordered(corpus, d, j);
            let (a, b) = if l == d {
                (mine, theirs)
            } else {
                (theirs, mine)
            };
            let reason = format!(
                "the same {period} {} reported by {a} and {b}",
                doc.kind.label()
            );
            Some((j, score, reason))
        });
        out.extend(found.take(per_outlet));
    }
    out
}

/// Counterparts of document `d`, at most `cap` per reason; the work per document is
/// bounded by `cap` and the number of periods and outlets, not by the corpus size.
fn candidates(corpus: &Corpus, index: &Index, d: usize, cap: usize) -> Vec<Candidate> {
    let doc: &Document = &corpus.documents[d];
    let Some(period) = doc.period.filter(|_| doc.kind.is_review()) else {
        return Vec::new();
    };
    let mut out = other_outlets(corpus, index, d, period, cap);
    // Periods of `kind` matching `keep`, nearest first, each with a score and a reason;
    // their documents are taken in that order up to `cap`.
    let mut nearest = |kind: Kind, keep: &dyn Fn(Period) -> Option<(f32, String)>| {
        let mut periods: Vec<(Period, f32, String)> = index
            .periods(kind)
            .filter_map(|p| keep(p).map(|(s, r)| (p, s, r)))
            .collect();
        periods.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let found: Vec<Candidate> = periods
            .iter()
            .flat_map(|(p, score, reason)| {
                index
                    .members(kind, *p)
                    .map(move |j| (j, *score, reason.clone()))
            })
            .filter(|c| c.0 != d)
            .take(cap)
            .collect();
        out.extend(found);
    };
    match (doc.kind, period) {
        (Kind::HalfYearReview, Period::Half { year, half }) => {
            nearest(Kind::HalfYearReview, &|p| match p {
                Period::Half { year: y, half: h } if h == half && y != year => {
                    let gap = (y - year).unsigned_abs() as f32;
                    let (a, b) = if y < year { (p, period) } else { (period, p) };
                    Some((
                        (0.9 - 0.05 * (gap - 1.0)).max(0.5),
                        format!("half-year reviews of {a} and {b}"),
                    ))
                }
                _ => None,
            });
            nearest(Kind::AnnualReview, &|p| {
                (p == Period::Year(year)).then(|| {
                    (
                        0.8,
                        format!("the {period} half-year review and the {year} annual review"),
                    )
                })
            });
        }
        (Kind::AnnualReview, Period::Year(year)) => {
            nearest(Kind::HalfYearReview, &|p| match p {
                Period::Half { year: y, .. } if y == year => Some((
                    0.8,
                    format!("the {p} half-year review and the {year} annual review"),
                )),
                _ => None,
            });
            nearest(Kind::AnnualReview, &|p| match p {
                Period::Year(y) if y != year => {
                    let gap = (y - year).unsigned_abs() as f32;
                    let reason = format!("annual reviews of {} and {}", y.min(year), y.max(year));
                    Some(((0.75 - 0.05 * (gap - 1.0)).max(0.4), reason))
                }
                _ => None,
            });
        }
        _ => {}
    }
    out
}

fn suggestion(corpus: &Corpus, a: usize, b: usize, score: f32, reason: String) -> Suggestion {
    let (l, r) = ordered(corpus, a, b);
    Suggestion {
        left_index: l,
        right_index: r,
        left: corpus.documents[l].id.clone(),
        right: corpus.documents[r].id.clone(),
        reason,
        score,
    }
}

fn best_first(list: &mut [Suggestion]) {
    list.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| (&a.left, &a.right).cmp(&(&b.left, &b.right)))
    });
}

/// Comparisons worth reading across the corpus, best first (each pair once).
pub fn suggest(corpus: &Corpus) -> Vec<Suggestion> {
    let index = Index::new(corpus);
    let found: Vec<(usize, usize, f32, String)> = (0..corpus.documents.len())
        .into_par_iter()
        .flat_map_iter(|d| {
            candidates(corpus, &index, d, PER_REASON_CORPUS)
                .into_iter()
                .map(move |(j, score, reason)| {
                    let (l, r) = ordered(corpus, d, j);
                    (l, r, score, reason)
                })
        })
        .collect();
    let mut best: FxHashMap<(usize, usize), (f32, String)> = FxHashMap::default();
    for (l, r, score, reason) in found {
        match best.entry((l, r)) {
            Entry::Occupied(mut e) if e.get().0 < score => {
                e.insert((score, reason));
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(e) => {
                e.insert((score, reason));
            }
        }
    }
    let mut list: Vec<Suggestion> = best
        .into_iter()
        .map(|((l, r), (score, reason))| suggestion(corpus, l, r, score, reason))
        .collect();
    best_first(&mut list);
    list
}

/// Counterparts worth comparing with one document, best first. `left`/`right` keep
/// the pair's reading order (older first), so `doc` may be on either side.
pub fn suggest_for(corpus: &Corpus, doc: usize) -> Vec<Suggestion> {
    if doc >= corpus.documents.len() {
        return Vec::new();
    }
    let index = Index::new(corpus);
    let mut list: Vec<Suggestion> = Vec::new();
    for (j, score, reason) in candidates(corpus, &index, doc, PER_REASON_FOR_ONE) {
        if !list.iter().any(|s| {
            s.left_index.min(s.right_index) == doc.min(j)
                && s.left_index.max(s.right_index) == doc.max(j)
        }) {
            list.push(suggestion(corpus, doc, j, score, reason));
        }
    }
    best_first(&mut list);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, kind: Kind, period: &str, source: &str) -> Document {
        Document {
            id: id.into(),
            kind,
            period: Period::parse(period),
            source: Some(source.into()),
            ..Document::default()
        }
    }

    fn corpus() -> Corpus {
        use Kind::*;
        Corpus::new(
            vec![
                doc("a-2025h1-vna", HalfYearReview, "2025-H1", "VNA"),
                doc("b-2025h1-qdnd", HalfYearReview, "2025-H1", "QDND"),
                doc("c-2023h1-qdnd", HalfYearReview, "2023-H1", "QDND"),
                doc("d-2025-vns", AnnualReview, "2025", "VNS"),
                doc("e-2016-2021", MultiYearReview, "2016-2021", "VNA"),
                doc("f-other", Other, "2025", "VNA"),
                doc("g-2024-vna", AnnualReview, "2024", "VNA"),
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
    fn proposes_the_three_kinds_of_pair() {
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
        assert!(!got.iter().any(|(l, r)| l.starts_with('e')
            || r.starts_with('e')
            || l.starts_with('f')
            || r.starts_with('f')));
        let mut seen = std::collections::BTreeSet::new();
        assert!(got.iter().all(|p| seen.insert(*p)), "pairs are unique");
        assert!(list.windows(2).all(|w| w[0].score >= w[1].score));
        let c2023 = list
            .iter()
            .find(|s| s.left.starts_with('c'))
            .map(|s| s.reason.as_str());
        assert_eq!(c2023, Some("half-year reviews of 2023-H1 and 2025-H1"));
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
        assert!(suggest_for(&c, 99).is_empty());
    }

    #[test]
    fn different_conference_dates_are_not_the_same_conference() {
        let mut c = corpus();
        c.documents[0].event_date = crate::model::Date::new(2025, 7, 7);
        c.documents[1].event_date = crate::model::Date::new(2025, 7, 8);
        assert!(!pairs(&suggest(&c)).contains(&("b-2025h1-qdnd", "a-2025h1-vna")));
    }
}
