//! One conference reported by several articles becomes one event.

use super::review::{Report, same_place};
use crate::model::date::Period;
use crate::model::document::Document;
use crate::model::event::Event;
use crate::model::text::fold;
use rustc_hash::{FxHashMap, FxHashSet};

/// Share of the smaller article's content words the other must contain (besides the
/// same kind, period and chair) for two reports to be of one conference.
const MIN_OVERLAP: f64 = 0.3;

/// Words that carry content: five letters or more, folded.
fn content_words(doc: &Document) -> FxHashSet<String> {
    doc.body
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 5)
        .map(fold)
        .collect()
}

/// The overlap coefficient of two word sets.
fn overlap(a: &FxHashSet<String>, b: &FxHashSet<String>) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / small as f64
}

/// True when both values are known and differ.
fn conflict<T>(a: Option<T>, b: Option<T>, same: impl Fn(&T, &T) -> bool) -> bool {
    matches!((&a, &b), (Some(x), Some(y)) if !same(x, y))
}

/// Whether two reports (from different documents) describe the same conference.
fn same_conference(a: &Event, b: &Event, wa: &FxHashSet<String>, wb: &FxHashSet<String>) -> bool {
    a.series == b.series
        && a.period.is_some()
        && a.period == b.period
        && !conflict(a.date, b.date, |x, y| x == y)
        && !conflict(a.chair.as_ref(), b.chair.as_ref(), |x, y| x == y)
        && !conflict(a.place.as_ref(), b.place.as_ref(), |x, y| same_place(x, y))
        && overlap(wa, wb) >= MIN_OVERLAP
}

/// Merges reports of the same conference: documents, sources, sentences and
/// participants are joined, and a fact one report states fills the others' gap,
/// recorded in `inferred`. `docs_of` gives each report's document.
pub(super) fn merge_reports(reports: Vec<Report>, docs_of: &[&Document]) -> Vec<Event> {
    // Only reports of the same kind and period can merge: bucket them first, so a
    // large corpus compares (and collects content words for) few pairs.
    let mut buckets: FxHashMap<(Option<&str>, Period), Vec<usize>> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        match r.event.period {
            Some(p) => buckets.entry((r.event.series.as_deref(), p)).or_default().push(i),
            None => groups.push(vec![i]),
        }
    }
    for members in buckets.into_values() {
        if let [one] = members.as_slice() {
            groups.push(vec![*one]);
            continue;
        }
        let words: FxHashMap<usize, FxHashSet<String>> = members
            .iter()
            .map(|&i| (i, docs_of.get(i).map(|d| content_words(d)).unwrap_or_default()))
            .collect();
        // Greedy, in document order: a report joins the first group it matches every
        // member of, so groups never chain unrelated reports.
        let mut local: Vec<Vec<usize>> = Vec::new();
        for &i in &members {
            let fits = |g: &Vec<usize>| {
                g.iter()
                    .all(|&j| same_conference(&reports[j].event, &reports[i].event, &words[&j], &words[&i]))
            };
            match local.iter_mut().find(|g| fits(g)) {
                Some(g) => g.push(i),
                None => local.push(vec![i]),
            }
        }
        groups.extend(local);
    }
    groups.sort_unstable();
    let mut slots: Vec<Option<Report>> = reports.into_iter().map(Some).collect();
    groups
        .into_iter()
        .filter_map(|g| {
            let mut members = g.iter().filter_map(|&i| slots[i].take());
            let first = members.next()?;
            Some(join(first, members.collect()))
        })
        .collect()
}

/// One event from the reports of one conference (in document order).
fn join(first: Report, rest: Vec<Report>) -> Event {
    let mut named = first.named_from_text;
    let mut out = first.event;
    if rest.is_empty() {
        return out;
    }
    let all: Vec<&Event> = std::iter::once(&out)
        .chain(rest.iter().map(|r| &r.event))
        .collect();
    // Facts stated by one report and missing from another, with who stated them.
    let date = all.iter().find_map(|e| {
        e.date
            .map(|d| (d, e.documents.first().cloned().unwrap_or_default()))
    });
    let place = all.iter().find_map(|e| {
        e.place
            .clone()
            .map(|p| (p, e.documents.first().cloned().unwrap_or_default()))
    });
    let chair = all.iter().find_map(|e| {
        e.chair
            .clone()
            .map(|c| (c, e.documents.first().cloned().unwrap_or_default()))
    });
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
