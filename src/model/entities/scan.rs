//! One field's candidates: gazetteer hits and pattern matches, mapped to the
//! gazetteer where their names are known, overlaps settled.

use super::candidate::{self, Candidate, Source};
use super::editions;
use super::folded::Folded;
use super::gazetteer::Gazetteer;
use super::keys;
use super::patterns::triggers::{Hits, Triggers};
use super::patterns::{acronyms, events, laws, orgs, persons, places, sessions, units};
use crate::model::entity::EntityKind;
use rustc_hash::FxHashMap;

/// Reusable buffers for scanning fields.
#[derive(Debug, Default)]
pub struct Scanner {
    folded: Folded,
    hits: Vec<super::gazetteer::Hit>,
    triggers: Hits,
    defs: Vec<acronyms::Definition>,
    known: Known,
}

/// The gazetteer entries of names already looked up by this scanner: the same names
/// come back in document after document, and a key costs far more than a lookup.
#[derive(Debug, Default)]
struct Known(FxHashMap<String, Option<usize>>);

impl Known {
    /// Names kept at most; past it the cache starts afresh, so memory stays bounded.
    const MAX: usize = 1 << 14;

    /// The entry whose key is the key of `name`.
    fn entry(&mut self, name: &str, gaz: &Gazetteer) -> Option<usize> {
        if let Some(&e) = self.0.get(name) {
            return e;
        }
        if self.0.len() >= Self::MAX {
            self.0.clear();
        }
        let e = gaz.by_key(&keys::key(name, gaz));
        self.0.insert(name.to_owned(), e);
        e
    }
}

impl Scanner {
    /// The selected candidates of one field's text.
    pub fn scan(&mut self, text: &str, gaz: &Gazetteer) -> Vec<Candidate> {
        let mut cands = Vec::new();
        self.folded.fill(text);
        self.hits.clear();
        gaz.find(text, &self.folded, &mut self.hits);
        for h in &self.hits {
            let e = &gaz.entries[h.entry];
            let mut c = Candidate::new(e.kind, h.start, h.end, &e.name);
            c.source = Source::Gazetteer(h.entry);
            cands.push(c);
        }
        let first_pattern = cands.len();
        Triggers::embedded().scan(text, &mut self.triggers);
        let t = &self.triggers;
        persons::find_at(text, t, &mut cands);
        places::find_at(text, t, &mut cands);
        orgs::find_at(text, t, &mut cands);
        events::find_at(text, t, &mut cands);
        sessions::find_at(text, t, &mut cands);
        units::find_at(text, t, &mut cands);
        laws::find_at(text, t, &mut cands);
        self.defs.clear();
        acronyms::find(text, &mut self.defs);
        for d in &self.defs {
            let full = &text[d.full.0..d.full.1];
            let acr = &text[d.acronym.0..d.acronym.1];
            let kind = if full.ends_with("Meeting")
                || full.ends_with("Forum")
                || full.ends_with("Dialogue")
            {
                EntityKind::Event
            } else {
                EntityKind::Org
            };
            let mut c = Candidate::new(kind, d.full.0, d.full.1, full);
            c.acronym = Some(acr.to_owned());
            let mut a = c.clone();
            (a.start, a.end, a.cover) = (d.acronym.0, d.acronym.1, d.acronym);
            cands.push(c);
            cands.push(a);
        }
        for c in &mut cands[first_pattern..] {
            to_gazetteer(c, text, gaz, &mut self.known);
        }
        editions::extend(text, &mut cands, |c| match c.source {
            Source::Gazetteer(i) => gaz.entries[i].name.clone(),
            _ => c.name.clone(),
        });
        mark_owners(text, &mut cands);
        // A name known only by its shape gives way to any overlapping gazetteer name.
        let hits = &self.hits;
        cands.retain(|c| {
            c.source != Source::Shape || !hits.iter().any(|h| h.start < c.end && c.start < h.end)
        });
        let mut kept = candidate::select(cands);
        // Credit lines hold their names only so that nothing else takes them.
        kept.retain(|c| c.role.is_none());
        kept
    }
}

/// Marks as nested the known bodies and places that an organisation's name gives as
/// its owner: after "of" ("… of the National Assembly") or as a possessive at its start
/// ("Ministry of Foreign Affairs’ Party Committee"), or as a mission's host after "in"
/// ("Embassy of Vietnam in Laos"). A country inside an army's own name ("Vietnam
/// People's Army") is neither.
fn mark_owners(text: &str, cands: &mut [Candidate]) {
    let mut orgs: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Org)
        .map(|c| c.cover)
        .collect();
    orgs.sort_unstable();
    for c in cands.iter_mut() {
        if !matches!(c.source, Source::Gazetteer(_))
            || !matches!(c.kind, EntityKind::Org | EntityKind::Place)
        {
            continue;
        }
        let upto = orgs.partition_point(|o| o.0 <= c.start);
        let owner = orgs[..upto].iter().rev().take(8).any(|&(s, e)| {
            if !(s <= c.start && c.end <= e && (s, e) != (c.start, c.end)) {
                return false;
            }
            let before = &text[s..c.start];
            before.ends_with(" of ")
                || before.ends_with(" of the ")
                || before.ends_with(" in ")
                || s == c.start && text[c.end..e].starts_with(['\'', '’'])
        });
        c.nested = owner;
    }
}

/// The name before a trailing "of Vietnam" ("Ministry of National Defence of Viet Nam"),
/// or before one of Vietnam's own bodies ("General Department of Politics of the Vietnam
/// People's Army").
fn home_owner<'a>(name: &'a str, gaz: &Gazetteer, known: &mut Known) -> Option<&'a str> {
    let at = name.rfind(" of ")?;
    let owner = &name[at + 4..];
    let owner = owner.strip_prefix("the ").unwrap_or(owner);
    known
        .entry(owner, gaz)
        .filter(|&i| {
            let e = &gaz.entries[i];
            match e.kind {
                EntityKind::Place => gaz.is_home_prefix(&e.name),
                EntityKind::Org => gaz.names_home_body(&e.name),
                _ => false,
            }
        })
        .map(|_| &name[..at])
}

/// Points a pattern candidate at the gazetteer entry of the same name; an
/// organisation also by a tail of two words or more ("Vietnamese Ministry of
/// National Defence"), never by a lone head ("Indonesian Navy" is not "Navy").
fn to_gazetteer(c: &mut Candidate, text: &str, gaz: &Gazetteer, known: &mut Known) {
    if c.kind == EntityKind::Org {
        drop_home_owner(c, text, gaz);
    }
    if c.kind == EntityKind::Person || c.kind == EntityKind::Law || c.ordinal.is_some() {
        return;
    }
    let name = c.name.clone();
    let mut offset = 0;
    loop {
        let tail = &name[offset..];
        let prefix = &name[..offset];
        let whole_or_long = offset == 0
            || tail.contains(' ')
                && (gaz.is_home_prefix(prefix) || home_owner_of(prefix, gaz, known));
        // "… of Vietnam" after a home body's name is the same body.
        let bare = home_owner(tail, gaz, known).unwrap_or(tail);
        if let Some(i) = known.entry(bare, gaz).filter(|_| whole_or_long) {
            let e = &gaz.entries[i];
            c.kind = e.kind;
            c.name = e.name.clone();
            c.source = Source::Gazetteer(i);
            if offset > 0 && text.get(c.start..c.end) == Some(name.as_str()) {
                c.start += offset;
                c.cover.0 = c.cover.0.max(c.start);
            }
            return;
        }
        if c.kind != EntityKind::Org {
            return;
        }
        match tail.find(' ') {
            Some(sp) => offset += sp + 1,
            None => break,
        }
    }
    // "China’s Central Military Commission": named in full, highlighted without the
    // owner, which is a name of its own.
    if c.kind == EntityKind::Org
        && text.get(c.start..c.end) == Some(name.as_str())
        && let Some(after) = possessive_end(&name)
    {
        c.start += after;
    }
}

/// Drops Vietnam as the possessive owner at the start of a body's name ("Viet Nam’s
/// Level-2 Field Hospital No. 8"): Vietnam's own body is named without it, as a known
/// one is ("Vietnam’s Ministry of National Defence"), so both spellings are one body.
fn drop_home_owner(c: &mut Candidate, text: &str, gaz: &Gazetteer) {
    let Some(apostrophe) = c.name.find(['\'', '’']) else {
        return;
    };
    let Some(space) = c.name[apostrophe..].find(' ').map(|i| apostrophe + i) else {
        return;
    };
    if !gaz.is_home_prefix(&c.name[..space]) {
        return;
    }
    let after = space + 1;
    if text.get(c.start..c.end) == Some(c.name.as_str()) {
        c.start += after;
        c.cover.0 = c.cover.0.max(c.start);
    }
    // A unit's series is named from the same words ("Level-2 Field Hospital Rotation").
    if let Some(series) = &mut c.series
        && series.get(..after) == c.name.get(..after)
    {
        series.drain(..after);
    }
    c.name.drain(..after);
}

/// The offset after the last possessive word of `name` ("China’s ", "Laos’ ").
fn possessive_end(name: &str) -> Option<usize> {
    ["’s ", "'s ", "’ ", "' "]
        .iter()
        .filter_map(|p| name.rfind(p).map(|i| i + p.len()))
        .max()
}

/// True when `prefix` is a possessive owner that keeps the body after it Vietnam's
/// own or a known one: a known body ("the Ministry of National Defence’s") or Vietnam.
fn home_owner_of(prefix: &str, gaz: &Gazetteer, known: &mut Known) -> bool {
    let p = prefix.trim_end();
    let Some(owner) = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| p.strip_suffix(s))
    else {
        return false;
    };
    known.entry(owner, gaz).is_some_and(|i| {
        let e = &gaz.entries[i];
        e.kind == EntityKind::Org || e.kind == EntityKind::Place && gaz.is_home_prefix(&e.name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(EntityKind, String)> {
        let mut s = Scanner::default();
        s.scan(text, Gazetteer::embedded())
            .into_iter()
            .map(|c| (c.kind, c.name))
            .collect()
    }

    #[test]
    fn known_entries_are_the_gazetteer_lookups() {
        let g = Gazetteer::embedded();
        let mut k = Known::default();
        for name in [
            "Ministry of National Defense",
            "the Ministry of National Defence",
            "Nowhere Land Council",
            "Ministry of National Defense",
        ] {
            assert_eq!(k.entry(name, g), g.by_key(&keys::key(name, g)), "{name}");
        }
        assert!(k.entry("Ministry of National Defense", g).is_some());
        assert_eq!(k.entry("Nowhere Land Council", g), None);
        assert_eq!(k.0.len(), 3);
    }

    #[test]
    fn patterns_map_to_gazetteer_names() {
        let r =
            scan("the Vietnamese Ministry of National Defense and the Military Central Commission");
        assert_eq!(
            r,
            [
                (EntityKind::Org, "Ministry of National Defence".into()),
                (EntityKind::Org, "Central Military Commission".into())
            ]
        );
    }

    #[test]
    fn foreign_services_are_not_the_home_service() {
        let r = scan("the Indonesian Navy and the Navy");
        assert_eq!(r[0].1, "Indonesian Navy");
        assert_eq!(r[1].1, "Vietnam People's Navy");
    }

    #[test]
    fn nested_names_give_way_to_the_longer() {
        let r = scan("the Law on Participation in United Nations Peacekeeping Operations");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, EntityKind::Law);
    }

    #[test]
    fn a_mission_s_host_is_a_place_of_the_text_too() {
        let r = scan("the Embassy of Japan in Cambodia said");
        assert_eq!(
            r,
            [
                (EntityKind::Org, "Embassy of Japan in Cambodia".into()),
                (EntityKind::Place, "Japan".into()),
                (EntityKind::Place, "Cambodia".into())
            ]
        );
    }

    #[test]
    fn vietnam_as_owner_names_vietnam_s_own_body() {
        let orgs = |text: &str| -> Vec<String> {
            scan(text)
                .into_iter()
                .filter(|(k, _)| *k == EntityKind::Org)
                .map(|(_, n)| n)
                .collect()
        };
        assert_eq!(
            orgs(
                "Viet Nam’s Level-2 Field Hospital No. 9 left; the Level-2 Field Hospital No. 9 serves"
            ),
            ["Level-2 Field Hospital No. 9"; 2]
        );
        assert_eq!(
            orgs("Vietnam's Border Guard High Command and Thailand's Royal Thai Navy"),
            ["Border Guard High Command", "Thailand's Royal Thai Navy"]
        );
    }

    #[test]
    fn a_known_body_of_vietnam_s_army_is_that_body() {
        let r = scan(
            "the General Department of Politics of the Vietnam People's Army and \
             the General Political Department of the Lao People's Army",
        );
        let orgs: Vec<&str> = r
            .iter()
            .filter(|(k, _)| *k == EntityKind::Org)
            .map(|(_, n)| n.as_str())
            .collect();
        assert!(orgs.contains(&"General Political Department"), "{orgs:?}");
        assert!(
            orgs.contains(&"General Political Department of the Lao People's Army"),
            "{orgs:?}"
        );
        assert!(
            !orgs
                .iter()
                .any(|n| n.contains("Vietnam People's Army") && n.len() > 25),
            "{orgs:?}"
        );
    }

    #[test]
    fn acronym_definitions_yield_both_mentions() {
        let r = scan("the Cambodian Mine Action Centre (CMAC) said");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].1, r[1].1);
    }
}
