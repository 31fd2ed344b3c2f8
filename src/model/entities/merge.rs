//! Resolution across the corpus: candidates with the same kind and key become one
//! entity listing every document, with its aliases, attributes, ordinal and series.

use super::compact::{Info, Mark};
use super::folded::fold_word;
use super::gazetteer::Gazetteer;
use super::interned::{Gathered, Surnames};
use super::keys;
use super::series::Series;
use crate::model::document::{Document, Field};
use crate::model::entity::{Entity, EntityKind, Mention, document_index};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// An entity under construction.
#[derive(Default)]
struct Acc {
    kind: Option<EntityKind>,
    canonical: Option<String>,
    names: Vec<(String, usize)>,
    surfaces: Vec<String>,
    documents: Vec<u32>,
    related: Vec<u32>,
    mentions: usize,
    attributes: BTreeMap<String, String>,
    ordinal: Option<u32>,
    series: Option<String>,
}

/// An info's entity slot and the full name a one-word person resolved to; `None`
/// when it is not an entity.
type Known<'s> = Option<(usize, Option<&'s str>)>;

/// The resolution key of a candidate known as `name`. An edition of a series is keyed
/// by its number and the series, so "ADMM-14" and "the 14th ASEAN Defence Ministers'
/// Meeting" meet; a year-named edition of an annual forum on record takes its number,
/// so "the 2019 Shangri-La Dialogue" meets "the 18th Shangri-La Dialogue".
pub fn key_of(c: &Info, name: &str, (gaz, forums): (&Gazetteer, &Series)) -> String {
    match (c.entry, c.ordinal, &c.series) {
        (Some(i), _, _) => gaz.entries[i].key.clone(),
        // A unit's rotation: the series and its number.
        (_, Some(n), Some(series)) if c.kind == EntityKind::Org => {
            format!("{} {n}", keys::key(series, gaz))
        }
        (_, Some(n), Some(series)) => {
            let (key, n) = edition(series, n, (gaz, forums));
            let edition = if n >= 1000 {
                n.to_string()
            } else {
                crate::model::text::ordinal(n)
            };
            format!("{edition} {key}")
        }
        _ => keys::key(name, gaz),
    }
}

/// The key of `series` and the number of its edition `n`: a year-named edition of an
/// annual forum on record takes the number of the edition held that year.
fn edition(series: &str, n: u32, (gaz, forums): (&Gazetteer, &Series)) -> (String, u32) {
    let (key, entry) = series_key(series, (gaz, forums));
    let n = match entry {
        Some(e) if n >= 1000 => forums.edition_in(e, n).unwrap_or(n),
        _ => n,
    };
    (key, n)
}

/// Words that decorate a series' name without telling editions apart ("the second
/// Border Defence Friendship Exchange Programme" = "the second Border Defence Exchange").
const DECORATIONS: &[&str] = &["friendship", "programme", "program"];

/// A series' key, decorations left out, and its gazetteer entry: the entry's key when
/// the series is a known forum (named in either number: "Chiefs of Defence Force(s)
/// Meeting").
fn series_key(series: &str, (gaz, forums): (&Gazetteer, &Series)) -> (String, Option<usize>) {
    let k = keys::key(series, gaz);
    let entry = forums.entry(gaz, &k);
    let k = entry.map_or(k, |i| gaz.entries[i].key.clone());
    let key = k
        .split(' ')
        .filter(|w| !DECORATIONS.contains(w))
        .collect::<Vec<_>>()
        .join(" ");
    (key, entry)
}

/// Builds the entities and each document's mentions (sorted by field and offset).
/// Marks outside the fields (byline credits, the dateline's place) list the document
/// but have no mention range.
pub fn merge(
    docs: &[Document],
    gathered: Gathered,
    gaz: &Gazetteer,
) -> (Vec<Entity>, Vec<Vec<Mention>>) {
    let Gathered {
        infos,
        surnames,
        marks,
    } = gathered;
    let forums = Series::of(gaz);
    // Entities under construction, numbered in first-seen order.
    let mut slots: FxHashMap<(EntityKind, String), usize> = FxHashMap::default();
    let mut accs: Vec<((EntityKind, String), Acc)> = Vec::new();
    // Mentions point at slots until the entities are sorted.
    let mut mentions: Vec<Vec<Mention>> = Vec::with_capacity(docs.len());
    // Plain names' keys by spelling (bounded: cleared when full).
    let mut keyed: FxHashMap<String, String> = FxHashMap::default();
    // Per info: its slot and name after resolution (None: not an entity), found once.
    let mut resolved: Vec<Option<Known>> = vec![None; infos.len()];
    // Each document's marks are freed once taken.
    for (d, (doc, dm)) in docs.iter().zip(marks).enumerate() {
        let d = document_index(d);
        let mut ms = Vec::with_capacity(dm.len());
        for m in dm.iter() {
            let (Some(c), Some(cached)) = (infos.get(m.info), resolved.get_mut(m.info)) else {
                continue;
            };
            let known = *cached.get_or_insert_with(|| {
                slot_of(
                    c,
                    &surnames,
                    (gaz, &forums),
                    &mut slots,
                    &mut accs,
                    &mut keyed,
                )
            });
            let Some((slot, full)) = known else { continue };
            let name = full.unwrap_or(&c.name);
            add(&mut accs[slot].1, (d, doc), &m, c, name, (gaz, &forums));
            // A mark whose numbers do not fit a mention (only in a document built in
            // code: a file's field is at most 16 MiB) still counts; it is not shown.
            if let Some(mention) = m.field.and_then(|f| Mention::new(slot, f, m.start, m.end)) {
                ms.push(mention);
            }
        }
        ms.shrink_to_fit();
        mentions.push(ms);
    }
    let mut built: Vec<(usize, Entity)> = accs
        .into_iter()
        .enumerate()
        .map(|(slot, (id, acc))| (slot, finish(&id, acc)))
        .collect();
    built.sort_by(|a, b| (a.1.kind, &a.1.id).cmp(&(b.1.kind, &b.1.id)));
    // Slot → position in the sorted list.
    let mut index = vec![0; built.len()];
    for (i, (slot, _)) in built.iter().enumerate() {
        index[*slot] = i;
    }
    for ms in &mut mentions {
        for m in ms.iter_mut() {
            // Positions are below the slot count, which fit when the mention was made.
            let entity = index.get(m.entity()).copied().unwrap_or(m.entity());
            *m = m.with_entity(entity).unwrap_or(*m);
        }
        ms.sort_by_key(Mention::order_key);
    }
    (built.into_iter().map(|(_, e)| e).collect(), mentions)
}

/// The slot of an info's entity (made on first sight) and the full name a one-word
/// person resolves to; `None` when it is not an entity: a one-word name the document
/// did not resolve is the one person of the corpus with that first or last name, else
/// not a person.
fn slot_of<'s>(
    c: &Info,
    surnames: &'s Surnames,
    lookup: (&Gazetteer, &Series),
    slots: &mut FxHashMap<(EntityKind, String), usize>,
    accs: &mut Vec<((EntityKind, String), Acc)>,
    keyed: &mut FxHashMap<String, String>,
) -> Known<'s> {
    let mut full = None;
    if c.kind == EntityKind::Person && !c.name.contains([' ', '\u{a0}']) {
        full = Some(surnames.get(&fold_word(&c.name))?.as_deref()?);
    }
    let name = full.unwrap_or(&c.name);
    // A plain name's key is its spelling's: the same spellings recur across documents.
    let plain = c.entry.is_none() && (c.ordinal.is_none() || c.series.is_none());
    let key = match keyed.get(name).filter(|_| plain) {
        Some(k) => k.clone(),
        None => {
            let k = key_of(c, name, lookup);
            if plain {
                if keyed.len() >= 1 << 16 {
                    keyed.clear();
                }
                keyed.insert(name.to_owned(), k.clone());
            }
            k
        }
    };
    let id = (c.kind, key);
    let slot = match slots.get(&id) {
        Some(&slot) => slot,
        None => {
            slots.insert(id.clone(), accs.len());
            accs.push((id, Acc::default()));
            accs.len() - 1
        }
    };
    Some((slot, full))
}

/// Counts mark `m` of document `doc` (number `d`) towards the entity of `acc`.
fn add(
    acc: &mut Acc,
    (d, doc): (u32, &Document),
    m: &Mark,
    c: &Info,
    name: &str,
    (gaz, forums): (&Gazetteer, &Series),
) {
    let field = m.field;
    acc.kind = Some(c.kind);
    if let Some(i) = c.entry {
        acc.canonical = Some(gaz.entries[i].name.clone());
    }
    match acc.names.iter_mut().find(|(n, _)| *n == name) {
        Some((_, count)) => *count += 1,
        None => acc.names.push((name.to_owned(), 1)),
    }
    // Documents arrive in order, so a repeat is always the last one listed.
    let related = field.is_some_and(Field::is_related);
    if let Some(f) = field {
        let surface = doc.text(f).get(m.start..m.end).unwrap_or("");
        if surface.chars().any(char::is_alphabetic) && !acc.surfaces.iter().any(|s| s == surface) {
            acc.surfaces.push(surface.to_owned());
        }
    }
    if related {
        if acc.related.last() != Some(&d) {
            acc.related.push(d);
        }
    } else {
        if field.is_some() {
            acc.mentions += 1;
        }
        if acc.documents.last() != Some(&d) {
            acc.documents.push(d);
        }
    }
    // Attributes from the main article win over the related tail.
    let mut set = |k: &str, v: &str| {
        if !acc.attributes.contains_key(k)
            || !related && acc.attributes.get(k).is_some_and(|x| x.is_empty())
        {
            acc.attributes.insert(k.to_owned(), v.to_owned());
        }
    };
    if let Some(r) = &c.rank {
        set("rank", r);
    }
    if let Some(o) = &c.office {
        set("office", o);
    }
    if let Some(a) = &c.acronym {
        set("acronym", a);
    }
    if let Some(role) = c.role {
        acc.attributes.insert("role".to_owned(), role.to_owned());
    } else if c.kind == EntityKind::Person && matches!(field, Some(Field::Caption(_))) {
        set("role", "pictured");
    }
    if acc.ordinal.is_none() {
        acc.ordinal = match (c.ordinal, &c.series) {
            (Some(n), Some(series)) if c.kind == EntityKind::Event => {
                Some(edition(series, n, (gaz, forums)).1)
            }
            (n, _) => n,
        };
    }
    if acc.series.is_none() {
        acc.series = c.series.as_deref().map(|s| keys::key(s, gaz));
    }
}

fn finish(id: &(EntityKind, String), acc: Acc) -> Entity {
    let kind = acc.kind.unwrap_or(id.0);
    let upper = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
    // Between spellings as frequent, the one with its diacritics is the name as written
    // in its own language ("Nguyễn Tân Cương" over "Nguyen Tan Cuong").
    let marked = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    let name = acc.canonical.clone().unwrap_or_else(|| {
        acc.names
            .iter()
            .max_by(|a, b| {
                let ka = if kind == EntityKind::Event {
                    (upper(&a.0), a.1)
                } else {
                    (a.1, marked(&a.0))
                };
                let kb = if kind == EntityKind::Event {
                    (upper(&b.0), b.1)
                } else {
                    (b.1, marked(&b.0))
                };
                ka.cmp(&kb)
            })
            .map(|n| n.0.clone())
            .unwrap_or_default()
    });
    let mut aliases: Vec<String> = acc.surfaces.into_iter().filter(|s| *s != name).collect();
    aliases.sort();
    aliases.dedup();
    // The lists grew one document at a time; the model keeps them as they are now.
    aliases.shrink_to_fit();
    let mut documents = acc.documents;
    documents.shrink_to_fit();
    Entity {
        id: keys::id(kind, &id.1),
        kind,
        name,
        aliases,
        related_documents: {
            // Both lists are in corpus order.
            let mut related = acc.related;
            related.retain(|d| documents.binary_search(d).is_err());
            related.shrink_to_fit();
            related
        },
        documents,
        mentions: acc.mentions,
        attributes: acc.attributes,
        ordinal: acc.ordinal,
        series: acc.series,
    }
}
