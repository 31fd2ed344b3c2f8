//! The corpus' candidates gathered document by document as they are scanned: each
//! distinct info once for the whole corpus, and per document only its packed marks
//! pointing into that table. Names, ranks and offices recur from document to document,
//! so what waits for the merge grows with the mentions, not with their strings. The
//! full person names that resolve one-word names are folded in on the way.

use super::compact::{Compact, Info, Mark, Marks};
use super::folded::fold_word;
use super::gazetteer::Gazetteer;
use super::keys;
use crate::model::entity::EntityKind;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// Folded first or last word of a full person name → the one full name that has it
/// (`None` when several people share it).
pub type Surnames = FxHashMap<String, Option<String>>;

/// What the merge reads: the corpus' infos, its surnames and every document's marks
/// (their `info` indexes `infos`), in document order.
#[derive(Debug, Default)]
pub struct Gathered {
    /// The distinct infos, in order of first sight.
    pub infos: Vec<Info>,
    /// The full person name each first or last word resolves to.
    pub surnames: Surnames,
    /// Per document, its marks.
    pub marks: Vec<Marks>,
}

/// The table under construction.
pub struct Interned<'g> {
    gaz: &'g Gazetteer,
    ids: FxHashMap<Info, usize>,
    /// Per info: met in a field already (only those count for surnames).
    in_text: Vec<bool>,
    /// Per word: the key and name of the first full name with it, `None` once a second
    /// key has it.
    by_word: FxHashMap<String, Option<(String, String)>>,
    marks: Vec<Marks>,
}

impl<'g> Interned<'g> {
    /// An empty table for a corpus of about `docs` documents.
    pub fn new(gaz: &'g Gazetteer, docs: usize) -> Interned<'g> {
        Interned {
            gaz,
            ids: FxHashMap::default(),
            in_text: Vec::new(),
            by_word: FxHashMap::default(),
            marks: Vec::with_capacity(docs),
        }
    }

    /// Takes the next documents' candidates, in document order.
    pub fn take_all(&mut self, compact: Vec<Compact>) {
        for cd in compact {
            self.take(cd);
        }
    }

    /// Takes the next document's candidates.
    pub fn take(&mut self, cd: Compact) {
        let mut global = Vec::with_capacity(cd.infos.len());
        for (i, info) in cd.infos.into_iter().enumerate() {
            let text = i < cd.in_text;
            let next = self.ids.len();
            let id = match self.ids.entry(info) {
                Entry::Occupied(o) => {
                    let id = *o.get();
                    // Repeats of an info change no surname: only its first time in a field.
                    if let Some(seen) = self.in_text.get_mut(id).filter(|seen| text && !**seen) {
                        *seen = true;
                        fold_surnames(&mut self.by_word, o.key(), self.gaz);
                    }
                    id
                }
                Entry::Vacant(v) => {
                    if text {
                        fold_surnames(&mut self.by_word, v.key(), self.gaz);
                    }
                    v.insert(next);
                    self.in_text.push(text);
                    next
                }
            };
            global.push(id);
        }
        let marks = cd
            .marks
            .into_iter()
            .filter_map(|m| {
                Some(Mark {
                    info: *global.get(m.info)?,
                    ..m
                })
            })
            .collect();
        self.marks.push(Marks::pack(marks));
    }

    /// The gathered corpus.
    pub fn finish(self) -> Gathered {
        let mut infos: Vec<(Info, usize)> = self.ids.into_iter().collect();
        infos.sort_unstable_by_key(|(_, i)| *i);
        Gathered {
            infos: infos.into_iter().map(|(info, _)| info).collect(),
            surnames: self
                .by_word
                .into_iter()
                .map(|(w, v)| (w, v.map(|(_, name)| name)))
                .collect(),
            marks: self.marks,
        }
    }
}

/// Counts a full person name met in a field under its first and last words.
fn fold_surnames(
    by_word: &mut FxHashMap<String, Option<(String, String)>>,
    c: &Info,
    gaz: &Gazetteer,
) {
    if c.kind != EntityKind::Person || !c.name.contains([' ', '\u{a0}']) {
        return;
    }
    let key = keys::key(&c.name, gaz);
    let mut words = c.name.split([' ', '\u{a0}']);
    for w in [words.clone().next(), words.next_back()]
        .into_iter()
        .flatten()
    {
        by_word
            .entry(fold_word(w))
            .and_modify(|known| {
                if known.as_ref().is_some_and(|(k, _)| *k != key) {
                    *known = None;
                }
            })
            .or_insert_with(|| Some((key.clone(), c.name.clone())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::Field;
    use crate::model::entities::candidate::Candidate;

    fn person(start: usize, name: &str) -> Candidate {
        Candidate::new(EntityKind::Person, start, start + name.len(), name)
    }

    #[test]
    fn documents_share_one_info_per_candidate() {
        let gaz = Gazetteer::embedded();
        let mut table = Interned::new(gaz, 2);
        let hue = Candidate::new(EntityKind::Place, 0, 3, "Hue");
        table.take(Compact::new(
            vec![
                (Field::Body(0), hue.clone()),
                (Field::Body(1), person(4, "Le Van Tam")),
            ],
            Vec::new(),
        ));
        table.take(Compact::new(
            vec![
                (Field::Title, person(0, "Le Van Tam")),
                (Field::Body(0), hue),
            ],
            Vec::new(),
        ));
        let g = table.finish();
        assert_eq!(g.infos.len(), 2);
        assert_eq!(g.infos[0].name, "Hue");
        let infos = |d: usize| g.marks[d].iter().map(|m| m.info).collect::<Vec<_>>();
        assert_eq!(infos(0), [0, 1]);
        assert_eq!(infos(1), [1, 0]);
        assert_eq!(g.surnames.get("tam"), Some(&Some("Le Van Tam".to_owned())));
        assert_eq!(g.surnames.get("le"), Some(&Some("Le Van Tam".to_owned())));
    }

    #[test]
    fn only_names_met_in_a_field_give_surnames() {
        let gaz = Gazetteer::embedded();
        let mut table = Interned::new(gaz, 3);
        // Outside the fields first: no surname yet.
        table.take(Compact::new(Vec::new(), vec![person(0, "Tran Quoc Bao")]));
        table.take(Compact::new(
            vec![(Field::Body(0), person(0, "Pham Van Bao"))],
            Vec::new(),
        ));
        // In a field later: now a second Bao, so "Bao" is nobody; "Tran" is him.
        table.take(Compact::new(
            vec![(Field::Body(0), person(0, "Tran Quoc Bao"))],
            Vec::new(),
        ));
        let g = table.finish();
        assert_eq!(g.infos.len(), 2);
        assert_eq!(g.surnames.get("bao"), Some(&None));
        assert_eq!(
            g.surnames.get("tran"),
            Some(&Some("Tran Quoc Bao".to_owned()))
        );
        assert_eq!(
            g.surnames.get("pham"),
            Some(&Some("Pham Van Bao".to_owned()))
        );
    }
}
