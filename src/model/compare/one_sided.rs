//! Names and values one side has and the other does not name or say anywhere, once
//! aliases, acronyms, given names and the editions linked as changes are accounted for.

use super::align::Placed;
use super::facts::Side;
use super::limits::MAX_LISTED;
use super::link::{Links, Spot};
use super::values::ValueKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// What one side has alone, per row.
#[derive(Debug, Default)]
pub struct OneSided {
    /// Per row: the items, in reading order, at most [`MAX_LISTED`] and a count of the rest.
    pub items: Vec<Vec<String>>,
    /// Where they are written, to highlight.
    pub spots: Vec<Spot>,
}

/// The items of `mine` (side number `me`) that `theirs` lacks, in rows of `rows` rows.
pub fn one_sided(
    mine: &Side,
    placed: &[Placed],
    theirs: &Side,
    links: &Links,
    me: usize,
    rows: usize,
) -> OneSided {
    let topics = rows - 1;
    let mut out = OneSided {
        items: vec![Vec::new(); rows],
        spots: Vec::new(),
    };
    let mut listed: FxHashSet<(usize, String)> = FxHashSet::default();
    let mut extra = vec![0usize; rows];
    let mut push = |out: &mut OneSided, row: usize, text: &str, spot: Option<Spot>| {
        if let Some(s) = spot {
            out.spots.push(s);
        }
        if !listed.insert((row, text.to_owned())) {
            return;
        }
        if out.items[row].len() < MAX_LISTED {
            out.items[row].push(text.to_owned());
        } else {
            extra[row] += 1;
        }
    };
    // Spans of every name, per sentence: a value inside a name is the name's.
    let mut name_spans: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for (k, n) in mine.named.iter().enumerate() {
        if let Some(span) = n.span {
            name_spans.entry(n.sentence).or_default().push(span);
        }
        if links.named_used[me][k]
            || links.role_holders[me].contains(&n.id)
            || theirs.presence.has_any(&n.keys)
        {
            continue;
        }
        let row = placed[n.sentence].row(topics);
        push(
            &mut out,
            row,
            &n.name,
            n.span.map(|(a, b)| (n.sentence, a, b)),
        );
    }
    for (k, v) in mine.values.iter().enumerate() {
        if links.values_used[me][k] || matches!(v.kind, ValueKind::Year | ValueKind::Date) {
            continue;
        }
        let Some(key) = v.key() else {
            continue;
        };
        let inside_name = name_spans
            .get(&v.sentence)
            .is_some_and(|spans| spans.iter().any(|&(a, b)| a <= v.start && v.end <= b));
        if inside_name || v.context.is_empty() || theirs.said.contains(&(key, v.number)) {
            continue;
        }
        let row = placed[v.sentence].row(topics);
        push(&mut out, row, &v.phrase, Some((v.sentence, v.start, v.end)));
    }
    for (row, n) in extra.into_iter().enumerate() {
        if n > 0 {
            out.items[row].push(format!("… and {n} more"));
        }
    }
    out
}
