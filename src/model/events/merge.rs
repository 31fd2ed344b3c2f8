//! One conference reported by several articles becomes one event.

use super::review::{Report, place_key, place_name};
use super::words::{WordSets, content_words};
use crate::model::date::{Date, Period};
use crate::model::document::Document;
use crate::model::entity::Entity;
use crate::model::event::{Event, Status};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// Merges reports of the same conference: documents, sources, sentences and
/// participants are joined, and a fact one report states fills the others' gap,
/// recorded in `inferred`. The events are appended to `out`, which is grown once.
/// `docs` and `entities` are the corpus'. Reports come boxed (see `events::build`).
#[expect(
    clippy::vec_box,
    reason = "an unboxed list of a corpus's reports doubles large values as it grows"
)]
pub(super) fn merge_reports(
    reports: Vec<Box<Report>>,
    (docs, entities): (&[Document], &[Entity]),
    out: &mut Vec<Event>,
) {
    let doc_of = |r: &Report| docs.get(r.doc as usize);
    // Only reports of the same kind and period can merge: bucket them first, so a
    // large corpus compares (and collects content words for) few pairs.
    let mut buckets: FxHashMap<(&str, Period), Vec<usize>> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        match doc_of(r).and_then(|d| Some((d.kind.label(), d.period?))) {
            Some(key) => buckets.entry(key).or_default().push(i),
            None => groups.push(vec![i]),
        }
    }
    let merged: Vec<Vec<Vec<usize>>> = buckets
        .into_values()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|members| match members.as_slice() {
            [one] => vec![vec![*one]],
            _ => group_bucket(&reports, docs, &members),
        })
        .collect();
    groups.extend(merged.into_iter().flatten());
    groups.sort_unstable();
    out.reserve_exact(groups.len());
    let mut slots: Vec<Option<Box<Report>>> = reports.into_iter().map(Some).collect();
    for g in groups {
        let members: Vec<Box<Report>> = g.iter().filter_map(|&i| slots[i].take()).collect();
        out.extend(join(members, docs, entities));
    }
}

/// Reports whose content words are hashed together before being numbered.
const WORDS_AT_ONCE: usize = 1024;

/// Groups the reports `members` (one bucket: same kind and period, in document order)
/// by conference. Greedy, in document order: a report joins the first group it matches
/// every member of, so groups never chain unrelated reports.
fn group_bucket(reports: &[Box<Report>], docs: &[Document], members: &[usize]) -> Vec<Vec<usize>> {
    // A large bucket's hashed words would all wait for the numbering: take them a
    // part at a time.
    let parts = members.chunks(WORDS_AT_ONCE).map(|part| {
        part.par_iter()
            .map(|&i| {
                let doc = reports.get(i).and_then(|r| docs.get(r.doc as usize));
                doc.map(content_words).unwrap_or_default()
            })
            .collect::<Vec<Vec<u64>>>()
    });
    let mut words = WordSets::from_parts(parts);
    let mut keys = Keys::default();
    let facts: Vec<Facts> = members
        .iter()
        .map(|&i| keys.facts(&reports[i], docs))
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

    fn facts(&mut self, r: &Report, docs: &[Document]) -> Facts {
        let doc = docs.get(r.doc as usize);
        let dateline = doc.and_then(|d| d.dateline.as_deref());
        Facts {
            date: doc.and_then(|d| d.event_date),
            chair: r.chair,
            place: dateline.map(|p| self.key(place_key(&place_name(p)))),
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

/// One event from the reports of one conference (in document order; `None` for no
/// reports): the first name that states what was reviewed, the documents, outlets,
/// participants and sentences of all, and each fact (date, place, chair) from the
/// first report stating it, recorded in `inferred` when another lacks it. `docs` and
/// `entities` are the corpus' (the documents a fact came from, and the chair, are
/// named by id).
#[expect(
    clippy::vec_box,
    reason = "the reports come boxed, see `merge_reports`"
)]
fn join(reports: Vec<Box<Report>>, docs: &[Document], entities: &[Entity]) -> Option<Event> {
    let doc_of = |r: &Report| docs.get(r.doc as usize);
    let id_of = |r: &Report| doc_of(r).map_or("", |d| d.id.as_str());
    let mut reports = reports.into_iter();
    let mut first = reports.next()?;
    let first_doc = doc_of(&first)?;
    let mut rest: Vec<Box<Report>> = reports.collect();
    if rest.is_empty() {
        return Some(first.conference(first_doc));
    }
    let all = || std::iter::once(&first).chain(&rest);
    // Facts stated by one report and missing from another, with who stated them.
    let date = all().find_map(|r| Some((doc_of(r)?.event_date?, id_of(r))));
    let place = all().find_map(|r| Some((place_name(doc_of(r)?.dateline.as_deref()?), id_of(r))));
    let chair = all().find_map(|r| Some((r.chair?, id_of(r))));
    let lacks = |f: &dyn Fn(&Report) -> bool| all().any(|r| f(r));
    let mut inferred = Vec::new();
    if let Some((d, from)) = &date
        && lacks(&|r| doc_of(r).is_none_or(|d| d.event_date.is_none()))
    {
        inferred.push(format!("date {d} from {from}"));
    }
    if let Some((p, from)) = &place
        && lacks(&|r| doc_of(r).is_none_or(|d| d.dateline.is_none()))
    {
        inferred.push(format!("place {p} from {from}"));
    }
    if let Some((c, from)) = &chair
        && lacks(&|r| r.chair.is_none())
    {
        let c = entities.get(*c as usize).map_or("", |e| e.id.as_str());
        inferred.push(format!("chair {c} from {from}"));
    }
    let (date, place, chair) = (date.map(|d| d.0), place.map(|p| p.0), chair.map(|c| c.0));
    if first.name.is_none() {
        first.name = rest.iter_mut().find_map(|r| r.name.take());
    }
    let mut out = first.conference(first_doc);
    for r in rest {
        if r.held {
            out.status = Some(Status::Held);
        }
        out.documents.push(r.doc);
        if let Some(s) = doc_of(&r).and_then(|d| d.source.as_ref())
            && !out.sources.contains(s)
        {
            out.sources.push(s.clone());
        }
        for p in r.participants {
            if !out.participants.contains(&p) {
                out.participants.push(p);
            }
        }
        out.sentences.extend(r.sentences);
    }
    out.sources.sort();
    out.date = date;
    out.place = place;
    out.chair = chair;
    out.inferred = inferred;
    Some(out)
}
