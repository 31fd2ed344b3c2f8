//! One conference reported by several articles becomes one event.

use super::review::{Report, place_key};
use super::words::{WordSets, content_words};
use crate::model::date::{Date, Period};
use crate::model::document::Document;
use crate::model::entity::Entity;
use crate::model::event::Event;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// Merges reports of the same conference: documents, sources, sentences and
/// participants are joined, and a fact one report states fills the others' gap,
/// recorded in `inferred`. `docs_of` gives each report's document; `docs` and
/// `entities` are the corpus'. Reports come boxed (see `events::build`).
#[expect(
    clippy::vec_box,
    reason = "an unboxed list of a corpus's reports doubles large values as it grows"
)]
pub(super) fn merge_reports(
    reports: Vec<Box<Report>>,
    docs_of: &[&Document],
    (docs, entities): (&[Document], &[Entity]),
) -> Vec<Event> {
    // Only reports of the same kind and period can merge: bucket them first, so a
    // large corpus compares (and collects content words for) few pairs.
    let mut buckets: FxHashMap<(Option<&str>, Period), Vec<usize>> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        match r.event.period {
            Some(p) => buckets
                .entry((r.event.series.as_deref(), p))
                .or_default()
                .push(i),
            None => groups.push(vec![i]),
        }
    }
    let merged: Vec<Vec<Vec<usize>>> = buckets
        .into_values()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|members| match members.as_slice() {
            [one] => vec![vec![*one]],
            _ => group_bucket(&reports, docs_of, &members),
        })
        .collect();
    groups.extend(merged.into_iter().flatten());
    groups.sort_unstable();
    let mut slots: Vec<Option<Box<Report>>> = reports.into_iter().map(Some).collect();
    groups
        .into_iter()
        .filter_map(|g| {
            let mut members = g.iter().filter_map(|&i| slots[i].take());
            let first = members.next()?;
            Some(join(first, members.collect(), docs, entities))
        })
        .collect()
}

/// Reports whose content words are hashed together before being numbered.
const WORDS_AT_ONCE: usize = 1024;

/// Groups the reports `members` (one bucket: same kind and period, in document order)
/// by conference. Greedy, in document order: a report joins the first group it matches
/// every member of, so groups never chain unrelated reports.
fn group_bucket(
    reports: &[Box<Report>],
    docs_of: &[&Document],
    members: &[usize],
) -> Vec<Vec<usize>> {
    // A large bucket's hashed words would all wait for the numbering: take them a
    // part at a time.
    let parts = members.chunks(WORDS_AT_ONCE).map(|part| {
        part.par_iter()
            .map(|&i| docs_of.get(i).map(|d| content_words(d)).unwrap_or_default())
            .collect::<Vec<Vec<u64>>>()
    });
    let mut words = WordSets::from_parts(parts);
    let mut keys = Keys::default();
    let facts: Vec<Facts> = members
        .iter()
        .map(|&i| keys.facts(&reports[i].event))
        .collect();
    let mut local = Groups::default();
    for (k, f) in facts.iter().enumerate() {
        words.probe(k);
        let fits = |g: usize| {
            local.facts[g].agrees(f) && local.members[g].iter().all(|&j| words.overlaps_probe(j))
        };
        match local.candidates(f).into_iter().find(|&g| fits(g)) {
            Some(g) => local.add(g, k, f),
            None => local.open(k, f),
        }
    }
    local
        .members
        .into_iter()
        .map(|g| g.into_iter().map(|k| members[k]).collect())
        .collect()
}

/// The facts two reports of one conference must not disagree on (each unknown or the
/// same), as small keys: date, chair (an entity index) and place (compared loosely, by
/// [`place_key`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Facts {
    date: Option<Date>,
    chair: Option<u32>,
    place: Option<u32>,
}

impl Facts {
    /// True when no fact is known to both and different.
    fn agrees(&self, other: &Facts) -> bool {
        fn fits<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            !matches!((a, b), (Some(x), Some(y)) if x != y)
        }
        fits(self.date, other.date)
            && fits(self.chair, other.chair)
            && fits(self.place, other.place)
    }
}

/// Interns the place keys of one bucket as numbers.
#[derive(Default)]
struct Keys(FxHashMap<String, u32>);

impl Keys {
    fn key(&mut self, s: String) -> u32 {
        let next = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        *self.0.entry(s).or_insert(next)
    }

    fn facts(&mut self, e: &Event) -> Facts {
        Facts {
            date: e.date,
            chair: e.chair,
            place: e.place.as_deref().map(|p| self.key(place_key(p))),
        }
    }
}

/// The groups of one bucket, with an index of their known facts.
///
/// Blocking: a report is only tested against groups whose facts can agree with its
/// own: for the most selective fact it states, the groups stating the same value plus
/// those that did not state it when opened (`agrees` then rechecks all facts). This is
/// exact — it finds the same first matching group as testing every group — and makes
/// grouping near-linear when reports state dates, chairs or places. The trade-off: a
/// report stating none of them is still tested against every group of its bucket, and
/// groups opened without a fact stay candidates for that fact; corpora of mostly such
/// bare reports of one kind and period would fall back towards quadratic time.
#[derive(Default)]
struct Groups {
    members: Vec<Vec<usize>>,
    facts: Vec<Facts>,
    by_date: FactIndex<Date>,
    by_chair: FactIndex<u32>,
    by_place: FactIndex<u32>,
}

/// Groups by one fact: those that state each value, and those opened without it.
struct FactIndex<T> {
    stated: FxHashMap<T, Vec<usize>>,
    unstated: Vec<usize>,
}

impl<T> Default for FactIndex<T> {
    fn default() -> Self {
        FactIndex {
            stated: FxHashMap::default(),
            unstated: Vec::new(),
        }
    }
}

impl<T: Copy + Eq + Hash> FactIndex<T> {
    /// The groups that may agree with a report stating `v`, or `None` if it states none.
    fn candidates(&self, v: Option<T>) -> Option<(usize, [&[usize]; 2])> {
        let stated = self.stated.get(&v?).map_or(&[][..], Vec::as_slice);
        Some((stated.len() + self.unstated.len(), [stated, &self.unstated]))
    }

    /// Records that group `g` states `v` (or, when it was just opened, does not).
    fn note(&mut self, g: usize, v: Option<T>, opened: bool) {
        match v {
            Some(v) => self.stated.entry(v).or_default().push(g),
            None if opened => self.unstated.push(g),
            None => {}
        }
    }
}

impl Groups {
    /// Groups worth testing for a report with facts `f`, in the order they were opened.
    fn candidates(&self, f: &Facts) -> Vec<usize> {
        let narrowest = [
            self.by_date.candidates(f.date),
            self.by_chair.candidates(f.chair),
            self.by_place.candidates(f.place),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|(n, _)| *n);
        let Some((_, lists)) = narrowest else {
            return (0..self.members.len()).collect();
        };
        let mut out: Vec<usize> = lists.concat();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Opens a group with report `k`.
    fn open(&mut self, k: usize, f: &Facts) {
        let g = self.members.len();
        self.members.push(vec![k]);
        self.facts.push(*f);
        self.by_date.note(g, f.date, true);
        self.by_chair.note(g, f.chair, true);
        self.by_place.note(g, f.place, true);
    }

    /// Adds report `k` to group `g`; facts the group lacked and `k` states fill in.
    fn add(&mut self, g: usize, k: usize, f: &Facts) {
        self.members[g].push(k);
        let known = &mut self.facts[g];
        if known.date.is_none() && f.date.is_some() {
            known.date = f.date;
            self.by_date.note(g, f.date, false);
        }
        if known.chair.is_none() && f.chair.is_some() {
            known.chair = f.chair;
            self.by_chair.note(g, f.chair, false);
        }
        if known.place.is_none() && f.place.is_some() {
            known.place = f.place;
            self.by_place.note(g, f.place, false);
        }
    }
}

/// The id of the first document reporting `e`.
fn first_id(e: &Event, docs: &[Document]) -> String {
    e.documents
        .first()
        .and_then(|&i| docs.get(i as usize))
        .map_or_else(String::new, |d| d.id.clone())
}

/// One event from the reports of one conference (in document order); `docs` and
/// `entities` name the documents a fact was inferred from and the chair.
#[expect(
    clippy::vec_box,
    reason = "the reports come boxed, see `merge_reports`"
)]
fn join(
    first: Box<Report>,
    rest: Vec<Box<Report>>,
    docs: &[Document],
    entities: &[Entity],
) -> Event {
    let mut named = first.named_from_text;
    let mut out = first.event;
    if rest.is_empty() {
        return out;
    }
    let all: Vec<&Event> = std::iter::once(&out)
        .chain(rest.iter().map(|r| &r.event))
        .collect();
    // Facts stated by one report and missing from another, with who stated them.
    let date = all
        .iter()
        .find_map(|e| e.date.map(|d| (d, first_id(e, docs))));
    let place = all
        .iter()
        .find_map(|e| e.place.clone().map(|p| (p, first_id(e, docs))));
    let chair = all
        .iter()
        .find_map(|e| e.chair.map(|c| (c, first_id(e, docs))));
    let missing = |f: &dyn Fn(&Event) -> bool| all.iter().any(|e| f(e));
    let mut inferred = Vec::new();
    if let Some((d, from)) = &date
        && missing(&|e| e.date.is_none())
    {
        inferred.push(format!("date {d} from {from}"));
    }
    if let Some((p, from)) = &place
        && missing(&|e| e.place.is_none())
    {
        inferred.push(format!("place {p} from {from}"));
    }
    if let Some((c, from)) = &chair
        && missing(&|e| e.chair.is_none())
    {
        let c = entities.get(*c as usize).map_or("", |e| e.id.as_str());
        inferred.push(format!("chair {c} from {from}"));
    }
    for r in rest {
        let e = r.event;
        if r.named_from_text && !named {
            out.name = e.name;
            named = true;
        }
        out.status = out.status.or(e.status);
        out.documents.extend(e.documents);
        for s in e.sources {
            if !out.sources.contains(&s) {
                out.sources.push(s);
            }
        }
        for p in e.participants {
            if !out.participants.contains(&p) {
                out.participants.push(p);
            }
        }
        out.sentences.extend(e.sentences);
    }
    out.sources.sort();
    out.date = date.map(|(d, _)| d);
    out.place = place.map(|(p, _)| p);
    out.chair = chair.map(|(c, _)| c);
    out.inferred = inferred;
    out
}
