//! A candidate mention found by the gazetteer or a pattern, before resolution,
//! and the choice among overlapping candidates (the longest wins).

use crate::model::entity::EntityKind;
use std::collections::BTreeMap;

/// What a candidate resolves by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A gazetteer entry.
    Gazetteer(usize),
    /// A pattern; the name is resolved by its key.
    Pattern,
    /// A name recognised by its shape alone (no title): gives way to any gazetteer hit.
    Shape,
}

/// One candidate mention in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its kind.
    pub kind: EntityKind,
    /// The highlighted range (the name, without titles).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The range it claims against other candidates (titles included).
    pub cover: (usize, usize),
    /// The name as written, without "the" and titles.
    pub name: String,
    /// Gazetteer entry or pattern.
    pub source: Source,
    /// A person's rank (canonical).
    pub rank: Option<String>,
    /// A person's office, as written.
    pub office: Option<String>,
    /// A person's role from the context ("translator").
    pub role: Option<&'static str>,
    /// An event's edition number.
    pub ordinal: Option<u32>,
    /// An event's series key.
    pub series: Option<String>,
    /// An acronym defined for it in the text ("CMC").
    pub acronym: Option<String>,
    /// A body or place named inside an organisation's name as its owner or parent
    /// ("the Committee for Culture of the National Assembly"): kept inside it.
    pub nested: bool,
}

impl Candidate {
    /// A candidate with only kind, range and name set.
    pub fn new(kind: EntityKind, start: usize, end: usize, name: &str) -> Candidate {
        Candidate {
            kind,
            start,
            end,
            cover: (start, end),
            name: name.to_owned(),
            source: Source::Pattern,
            rank: None,
            office: None,
            role: None,
            ordinal: None,
            series: None,
            acronym: None,
            nested: false,
        }
    }

    fn priority(&self) -> u8 {
        // A definition carries its acronym to later mentions: keep it over a twin.
        if self.acronym.is_some() {
            return 5;
        }
        match (&self.source, self.kind) {
            (_, EntityKind::Law) => 4,
            (Source::Gazetteer(_), _) => 3,
            (Source::Shape, _) => 0,
            (_, EntityKind::Event) | (_, EntityKind::Person) => 2,
            _ => 1,
        }
    }
}

/// Keeps the longest of overlapping candidates (ties: laws, gazetteer, events and
/// persons, then orgs), and nested owners inside the organisation that names them;
/// returned in text order. Near-linear: kept covers never overlap, so one ordered
/// lookup tells whether a candidate collides.
pub fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        let (la, lb) = (a.cover.1 - a.cover.0, b.cover.1 - b.cover.0);
        lb.cmp(&la)
            .then_with(|| b.priority().cmp(&a.priority()))
            .then_with(|| a.cover.0.cmp(&b.cover.0))
    });
    // Kept covers by start: (end, kind).
    let mut covers: BTreeMap<usize, (usize, EntityKind)> = BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    let mut nested = Vec::new();
    for c in cands {
        if c.nested {
            nested.push(c);
            continue;
        }
        // The kept cover that starts last before this one ends is the only one that
        // can overlap it.
        let (s, e) = c.cover;
        let clash = covers
            .range(..e.max(s + 1))
            .next_back()
            .is_some_and(|(_, &(end, _))| end > s);
        if !clash {
            covers.insert(s, (e, c.kind));
            kept.push(c);
        }
    }
    for c in nested {
        let (s, e) = c.cover;
        let inside = covers
            .range(..e.max(s + 1))
            .next_back()
            .is_some_and(|(&ps, &(pe, kind))| ps <= s && e <= pe && kind == EntityKind::Org);
        if inside {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_wins_then_priority() {
        let a = Candidate::new(EntityKind::Place, 0, 7, "Vietnam");
        let b = Candidate::new(
            EntityKind::Event,
            0,
            30,
            "Vietnam–China Friendship Exchange",
        );
        let c = Candidate::new(EntityKind::Place, 31, 36, "Hanoi");
        let kept = select(vec![a, b, c]);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].kind, EntityKind::Event);
        assert_eq!(kept[1].name, "Hanoi");
    }
}
