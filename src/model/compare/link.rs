//! Linking the two sides' statements into change records: editions of one series
//! (from the entity model, else from the text), numbers with the same noun, event
//! statuses, roles and formats. Candidates come from hash buckets of what a value
//! counts, at most [`BUCKET_CAP`] per value, so the work stays linear.

use super::align::Placed;
use super::comparison::{Change, ChangeKind};
use super::facts::{Named, Side};
use super::values::{Value, ValueKind};
use super::words::event_noun_stems;
use crate::model::event::Status;
use crate::model::text::ordinal;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};

/// Candidates looked at per value.
pub const BUCKET_CAP: usize = 24;

/// A place in a side: (sentence index, start, end) within the sentence text.
pub type Spot = (usize, usize, usize);

/// A change and the row it belongs to.
#[derive(Debug, Clone)]
pub struct Linked {
    /// Row index (a topic index, or the number of topics for the unassigned row).
    pub row: usize,
    /// The record.
    pub change: Change,
    /// Where each side says it.
    pub spots: [Option<Spot>; 2],
}

/// All links of a comparison, and which values and names they account for.
#[derive(Debug, Default)]
pub struct Links {
    /// The change records.
    pub changes: Vec<Linked>,
    /// Per side and value: paired with the other side (changed or the same).
    pub values_used: [Vec<bool>; 2],
    /// Per side and named thing: an edition paired with the other side.
    pub named_used: [Vec<bool>; 2],
    /// Per side: ids of the people whose role is linked as a change (not one-sided then).
    pub role_holders: [FxHashSet<String>; 2],
    /// Candidate pairs looked at (the work done).
    pub examined: usize,
}

/// The two sides, read and placed.
pub struct Sides<'a> {
    /// Left side facts and sentences.
    pub left: (&'a Side, &'a [Placed]),
    /// Right side facts and sentences.
    pub right: (&'a Side, &'a [Placed]),
    /// Number of topics (the unassigned row's index).
    pub topics: usize,
    /// The conference topic's row, for roles and formats.
    pub conference: Option<usize>,
}

impl Sides<'_> {
    /// The row a link between two sentences belongs to: the one both sit in, preferring
    /// the left sentence's primary topic.
    pub(super) fn row_for(&self, l: usize, r: usize) -> usize {
        let n = self.topics;
        let (lp, rp) = (&self.left.1[l], &self.right.1[r]);
        if rp.in_row(lp.row(n), n) {
            lp.row(n)
        } else if lp.in_row(rp.row(n), n) {
            rp.row(n)
        } else {
            lp.row(n)
        }
    }
}

fn status_label(s: Option<Status>) -> Option<String> {
    s.map(|s| {
        match s {
            Status::Held => "held",
            Status::Upcoming => "upcoming",
            Status::InPreparation => "in preparation",
        }
        .to_owned()
    })
}

/// How a named edition is written: the ordinal or label value inside its span.
fn edition_text(side: &Side, n: &Named) -> (String, Option<usize>) {
    // Values are in sentence order: look only at this sentence's.
    let from = side.values.partition_point(|v| v.sentence < n.sentence);
    let found = n.span.and_then(|(a, b)| {
        side.values[from..]
            .iter()
            .take_while(|v| v.sentence == n.sentence)
            .position(|v| a <= v.start && v.end <= b && v.is_edition())
            .map(|k| from + k)
    });
    match found {
        Some(k) => (side.values[k].amount.clone(), Some(k)),
        None => (n.ordinal.map(ordinal).unwrap_or_default(), None),
    }
}

/// What an edition is of: its name without the edition ("Vietnam–China Border Defence
/// Friendship Exchange" of "the 8th Vietnam–China …", "Engineering Unit" of
/// "Engineering Unit Rotation 4").
fn edition_what(n: &Named, edition: &str) -> String {
    let name = n.name.as_str();
    let stripped = match name.find(edition).filter(|_| !edition.is_empty()) {
        Some(at) => format!("{} {}", &name[..at], &name[at + edition.len()..]),
        None => {
            let words: Vec<&str> = name.split_whitespace().collect();
            let ordinal_first = words
                .first()
                .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()));
            if ordinal_first {
                words[1..].join(" ")
            } else {
                name.to_owned()
            }
        }
    };
    let what = stripped.split_whitespace().collect::<Vec<_>>().join(" ");
    if what.is_empty() {
        n.series_name.clone().unwrap_or_default()
    } else {
        what
    }
}

/// Links the editions and numbers the two sides have in common but say differently
/// (`meeting` adds the roles and the format).
pub fn link(sides: &Sides) -> Links {
    let mut links = Links {
        values_used: [
            vec![false; sides.left.0.values.len()],
            vec![false; sides.right.0.values.len()],
        ],
        named_used: [
            vec![false; sides.left.0.named.len()],
            vec![false; sides.right.0.named.len()],
        ],
        ..Links::default()
    };
    editions(sides, &mut links);
    numbers(sides, &mut links);
    links
}

/// Editions of a series by the entity model: the same edition on both sides (its status
/// may have changed), or, when the sides share none, their editions paired in order.
fn editions(sides: &Sides, links: &mut Links) {
    fn by_series(side: &Side) -> BTreeMap<&str, BTreeMap<u32, usize>> {
        let mut map: BTreeMap<&str, BTreeMap<u32, usize>> = BTreeMap::new();
        for (k, n) in side.named.iter().enumerate() {
            if let (Some(s), Some(o)) = (n.series.as_deref(), n.ordinal) {
                map.entry(s).or_default().entry(o).or_insert(k);
            }
        }
        map
    }
    let (ls, rs) = (sides.left.0, sides.right.0);
    let (lm, rm) = (by_series(ls), by_series(rs));
    for (series, left) in &lm {
        let Some(right) = rm.get(series) else {
            continue;
        };
        let shared: Vec<u32> = left
            .keys()
            .filter(|o| right.contains_key(o))
            .copied()
            .collect();
        let mut pairs: Vec<(usize, usize)> = shared.iter().map(|o| (left[o], right[o])).collect();
        if shared.is_empty() {
            pairs.extend(left.values().copied().zip(right.values().copied()));
        }
        for (a, b) in pairs {
            let (ln, rn) = (&ls.named[a], &rs.named[b]);
            links.named_used[0][a] = true;
            links.named_used[1][b] = true;
            let (lt, lv) = edition_text(ls, ln);
            let (rt, rv) = edition_text(rs, rn);
            for (side, v) in [(0, lv), (1, rv)] {
                if let Some(v) = v {
                    links.values_used[side][v] = true;
                }
            }
            let row = sides.row_for(ln.sentence, rn.sentence);
            let spot = |n: &Named, v: Option<usize>, side: &Side| {
                v.map(|v| (n.sentence, side.values[v].start, side.values[v].end))
                    .or(n.span.map(|(x, y)| (n.sentence, x, y)))
            };
            let spots = [spot(ln, lv, ls), spot(rn, rv, rs)];
            let (lstat, rstat) = (status_label(ln.status), status_label(rn.status));
            let change = if ln.ordinal != rn.ordinal {
                Change {
                    kind: ChangeKind::Edition,
                    what: edition_what(ln, &lt),
                    left: lt,
                    right: rt,
                    left_status: lstat,
                    right_status: rstat,
                }
            } else if lstat.is_some() && rstat.is_some() && lstat != rstat {
                Change::new(
                    ChangeKind::Status,
                    rn.name.clone(),
                    lstat.unwrap_or_default(),
                    rstat.unwrap_or_default(),
                )
            } else {
                continue;
            };
            links.changes.push(Linked { row, change, spots });
        }
    }
}

/// How alike two values' contexts are (0..=1), or `None` when they cannot be the same thing.
fn similarity(a: &Value, b: &Value) -> Option<f32> {
    if a.kind != b.kind || a.label != b.label || a.context.is_empty() || b.context.is_empty() {
        return None;
    }
    if !a.parties.is_empty() && !b.parties.is_empty() && a.parties != b.parties {
        return None;
    }
    // An ordinal counts the event it names: the 3rd exhibition and an 80th anniversary
    // in one sentence are editions of two things, however alone each is in its row.
    if a.kind == ValueKind::Ordinal {
        fn events(v: &Value) -> BTreeSet<&str> {
            v.context
                .iter()
                .map(String::as_str)
                .filter(|w| event_noun_stems().contains(*w))
                .collect()
        }
        let (ea, eb) = (events(a), events(b));
        if !ea.is_empty() && !eb.is_empty() && ea.is_disjoint(&eb) {
            return None;
        }
    }
    let shared = a.context.intersection(&b.context).count() as f32;
    let union = a.context.union(&b.context).count() as f32;
    Some(shared / union)
}

/// Values that can be linked: editions and counts not yet accounted for.
fn linkable(v: &Value) -> bool {
    matches!(v.kind, ValueKind::Ordinal | ValueKind::Count) || v.is_edition()
}

/// Per value of a side: true when it is the edition of a name the entity model gives
/// a series ("12th" of "12th National Party Congress"). `editions` pairs those; two of
/// them it left apart are editions of two series ("… National Party Congress", "…
/// Military Party Congress"), however alike their words.
fn in_series(side: &Side) -> Vec<bool> {
    let mut spans: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for n in side.named.iter().filter(|n| n.series.is_some()) {
        if let Some(span) = n.span {
            spans.entry(n.sentence).or_default().push(span);
        }
    }
    side.values
        .iter()
        .map(|v| {
            spans
                .get(&v.sentence)
                .is_some_and(|s| s.iter().any(|&(a, b)| a <= v.start && v.end <= b))
        })
        .collect()
}

/// Pairs the remaining values by what they count, best match first.
fn numbers(sides: &Sides, links: &mut Links) {
    let (ls, rs) = (sides.left.0, sides.right.0);
    let series = [in_series(ls), in_series(rs)];
    let n = sides.topics;
    // Right values by what they count, and by that and their row.
    let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut row_buckets: FxHashMap<(String, usize), Vec<usize>> = FxHashMap::default();
    for (j, v) in rs.values.iter().enumerate() {
        if let Some(k) = v.key().filter(|_| linkable(v) && !links.values_used[1][j]) {
            let row = sides.right.1[v.sentence].row(n);
            row_buckets.entry((k.clone(), row)).or_default().push(j);
            buckets.entry(k).or_default().push(j);
        }
    }
    let mut left_count: FxHashMap<String, usize> = FxHashMap::default();
    for (i, v) in ls.values.iter().enumerate() {
        if let Some(k) = v.key().filter(|_| linkable(v) && !links.values_used[0][i]) {
            *left_count.entry(k).or_default() += 1;
        }
    }
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (i, a) in ls.values.iter().enumerate() {
        let Some(key) = a.key().filter(|_| linkable(a) && !links.values_used[0][i]) else {
            continue;
        };
        let Some(bucket) = buckets.get(&key) else {
            continue;
        };
        let lp = &sides.left.1[a.sentence];
        let unique = bucket.len() == 1 && left_count.get(&key) == Some(&1);
        // Candidates in the same row first, then any, each list up to the cap.
        let same_row = row_buckets
            .get(&(key, lp.row(n)))
            .map_or(&[][..], Vec::as_slice);
        let mut looked: Vec<usize> = Vec::with_capacity(2 * BUCKET_CAP);
        for &j in same_row
            .iter()
            .take(BUCKET_CAP)
            .chain(bucket.iter().take(BUCKET_CAP))
        {
            if looked.contains(&j) {
                continue;
            }
            looked.push(j);
            links.examined += 1;
            if series[0][i] && series[1][j] {
                continue;
            }
            let b = &rs.values[j];
            let Some(sim) = similarity(a, b) else {
                continue;
            };
            let rp = &sides.right.1[b.sentence];
            let together = rp.in_row(lp.row(n), n) || lp.in_row(rp.row(n), n);
            let score = sim
                + if together { 0.3 } else { 0.0 }
                + if a.number == b.number { 0.01 } else { 0.0 };
            if sim >= 0.5 || (together && (sim >= 0.2 || unique)) {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, i, j) in candidates {
        if links.values_used[0][i] || links.values_used[1][j] {
            continue;
        }
        links.values_used[0][i] = true;
        links.values_used[1][j] = true;
        let (a, b) = (&ls.values[i], &rs.values[j]);
        if a.number == b.number {
            continue;
        }
        let row = sides.row_for(a.sentence, b.sentence);
        links.changes.push(Linked {
            row,
            change: value_change(a, b),
            spots: [
                Some((a.sentence, a.start, a.end)),
                Some((b.sentence, b.start, b.end)),
            ],
        });
    }
}

/// The noun of a count as written ("locations" of "22 locations").
fn noun_text(v: &Value) -> &str {
    let digits = v.display.trim_start_matches(|c: char| !c.is_whitespace());
    digits.trim()
}

fn value_change(a: &Value, b: &Value) -> Change {
    let (kind, what) = if a.is_edition() {
        let what = if a.what.is_empty() { &b.what } else { &a.what };
        (ChangeKind::Edition, what.clone())
    } else {
        let noun = if noun_text(a).is_empty() {
            noun_text(b)
        } else {
            noun_text(a)
        };
        (ChangeKind::Number, noun.to_owned())
    };
    let amount = |v: &Value| {
        if kind == ChangeKind::Number {
            v.amount.clone()
        } else {
            v.display.clone()
        }
    };
    Change::new(kind, what, amount(a), amount(b))
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
