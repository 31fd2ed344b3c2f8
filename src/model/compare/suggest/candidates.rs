//! Each document's counterparts: the reviews grouped by kind, period and outlet, and
//! the rules that pair them (another outlet's report, another year's review).

use super::pair::{Reason, ordered};
use crate::model::compare::profile::Profile;
use crate::model::compare::topics::Lexicon;
use crate::model::corpus::Corpus;
use crate::model::date::Period;
use crate::model::document::Kind;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// How much lower a same-conference pair ranks when one outlet is not known.
const UNKNOWN_OUTLET: f32 = 0.05;

/// One group's documents by outlet (`None`: not known).
type ByOutlet<'a> = BTreeMap<Option<&'a str>, Vec<usize>>;

/// Review documents grouped by (kind, period), then by outlet, with their topic
/// profiles, worked out when first needed.
pub(super) struct Index<'a> {
    corpus: &'a Corpus,
    groups: BTreeMap<(Kind, Period), ByOutlet<'a>>,
    profiles: Vec<OnceLock<Option<Profile>>>,
}

impl<'a> Index<'a> {
    pub(super) fn new(corpus: &'a Corpus) -> Index<'a> {
        let mut groups: BTreeMap<_, BTreeMap<_, Vec<usize>>> = BTreeMap::new();
        for (i, d) in corpus.documents.iter().enumerate() {
            if corpus.duplicate_of(i).is_some() {
                continue;
            }
            if let (Some(p), true) = (d.period, d.kind.is_review()) {
                groups
                    .entry((d.kind, p))
                    .or_default()
                    .entry(d.source.as_deref())
                    .or_default()
                    .push(i);
            }
        }
        let profiles = (0..corpus.documents.len())
            .map(|_| OnceLock::new())
            .collect();
        Index {
            corpus,
            groups,
            profiles,
        }
    }

    /// The profile of a review whose opening reads like a review of the work.
    pub(super) fn profile(&self, i: usize) -> Option<&Profile> {
        self.profiles[i]
            .get_or_init(|| {
                let d = &self.corpus.documents[i];
                (d.period.is_some() && d.kind.is_review() && self.corpus.duplicate_of(i).is_none())
                    .then(|| Profile::of(d, Lexicon::embedded()))
                    .filter(Profile::looks_like_review)
            })
            .as_ref()
    }

    /// True when document `i` stands as a review on its own content.
    fn stands(&self, i: usize) -> bool {
        self.profile(i).is_some()
    }

    /// The documents of one group that stand as reviews, outlet by outlet.
    fn members(&self, kind: Kind, period: Period) -> impl Iterator<Item = usize> + '_ {
        self.groups
            .get(&(kind, period))
            .into_iter()
            .flat_map(|by_source| by_source.values().flatten().copied())
            .filter(|&i| self.stands(i))
    }

    /// The periods of one kind that have documents.
    fn periods(&self, kind: Kind) -> impl Iterator<Item = Period> + '_ {
        self.groups
            .keys()
            .filter(move |(k, _)| *k == kind)
            .map(|&(_, p)| p)
    }

    /// How alike two documents' topics are.
    pub(super) fn alike(&self, a: usize, b: usize) -> f32 {
        match (self.profile(a), self.profile(b)) {
            (Some(x), Some(y)) => x.similarity(y),
            _ => 0.0,
        }
    }
}

/// A candidate counterpart: (other document, score, reason).
type Candidate = (usize, f32, Reason);

/// The same conference reported by other outlets: same kind and period, another
/// source, and no conflicting conference dates. A report whose outlet is not known
/// pairs with those of known outlets (it is another report, if not surely another
/// outlet), a little lower; two reports of unknown outlets do not pair. At most `cap`,
/// spread over outlets.
fn other_outlets(
    corpus: &Corpus,
    index: &Index,
    d: usize,
    period: Period,
    cap: usize,
) -> Vec<Candidate> {
    let doc = &corpus.documents[d];
    let Some(by_source) = index.groups.get(&(doc.kind, period)) else {
        return Vec::new();
    };
    let mine = doc.source.as_deref();
    let per_outlet = cap.div_ceil(by_source.len().max(1)).max(1);
    let mut out = Vec::new();
    for (source, members) in by_source {
        let theirs = *source;
        if theirs == mine {
            continue;
        }
        let known = if mine.is_some() && theirs.is_some() {
            0.0
        } else {
            UNKNOWN_OUTLET
        };
        let found = members
            .iter()
            .filter(|&&j| index.stands(j))
            .filter_map(|&j| {
                let score = match (doc.event_date, corpus.documents[j].event_date) {
                    (Some(x), Some(y)) if x != y => return None,
                    (Some(_), Some(_)) => 1.0,
                    _ => 0.95,
                };
                let (l, r) = ordered(corpus, d, j);
                Some((j, score - known, Reason::SameConference(l, r)))
            });
        out.extend(found.take(per_outlet));
    }
    out
}

/// Counterparts of document `d`, at most `cap` per reason; the work per document is
/// bounded by `cap` and the number of periods and outlets, not by the corpus size.
pub(super) fn candidates(corpus: &Corpus, index: &Index, d: usize, cap: usize) -> Vec<Candidate> {
    let doc = &corpus.documents[d];
    let Some(period) = doc.period.filter(|_| index.stands(d)) else {
        return Vec::new();
    };
    let mut out = other_outlets(corpus, index, d, period, cap);
    // Periods of `kind` matching `keep`, nearest first, each with a score and a reason;
    // their documents are taken in that order up to `cap`.
    let mut nearest = |kind: Kind, keep: &dyn Fn(Period) -> Option<(f32, Reason)>| {
        let mut periods: Vec<(Period, f32, Reason)> = index
            .periods(kind)
            .filter_map(|p| keep(p).map(|(s, r)| (p, s, r)))
            .collect();
        periods.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let found: Vec<Candidate> = periods
            .iter()
            .flat_map(|&(p, score, reason)| index.members(kind, p).map(move |j| (j, score, reason)))
            .filter(|c| c.0 != d)
            .take(cap)
            .collect();
        out.extend(found);
    };
    let gap_score = |from: f32, gap: i32, floor: f32| {
        (from - 0.05 * (gap.unsigned_abs() as f32 - 1.0)).max(floor)
    };
    match (doc.kind, period) {
        (Kind::HalfYearReview, Period::Half { year, half }) => {
            nearest(Kind::HalfYearReview, &|p| match p {
                Period::Half { year: y, half: h } if h == half && y != year => {
                    let (a, b) = if y < year { (p, period) } else { (period, p) };
                    Some((gap_score(0.9, y - year, 0.5), Reason::Halves(a, b)))
                }
                _ => None,
            });
            nearest(Kind::AnnualReview, &|p| {
                (p == Period::Year(year)).then_some((0.8, Reason::HalfAndYear(period, year)))
            });
        }
        (Kind::AnnualReview, Period::Year(year)) => {
            nearest(Kind::HalfYearReview, &|p| match p {
                Period::Half { year: y, .. } if y == year => {
                    Some((0.8, Reason::HalfAndYear(p, year)))
                }
                _ => None,
            });
            nearest(Kind::AnnualReview, &|p| match p {
                Period::Year(y) if y != year => Some((
                    gap_score(0.75, y - year, 0.4),
                    Reason::Years(y.min(year), y.max(year)),
                )),
                _ => None,
            });
        }
        _ => {}
    }
    out
}
