//! Entity extraction and resolution across the corpus.
//!
//! Per field: gazetteer hits ([`gazetteer`]) and general patterns ([`patterns`]) give
//! candidates; the longest of overlapping ones wins ([`candidate`], [`scan`]). Per
//! document, short references resolve to full names and defined acronyms
//! ([`resolve`]). Across the corpus, candidates with the same kind and key
//! ([`keys`]) become one entity ([`merge`]).

pub mod candidate;
pub mod folded;
pub mod gazetteer;
pub mod keys;
pub mod merge;
pub mod patterns;
pub mod resolve;
pub mod scan;
pub mod titles;

use super::document::Document;
use super::entity::{Entity, EntityKind, Mention};
use gazetteer::Gazetteer;
use rayon::prelude::*;
use scan::Scanner;

/// Extracts and resolves the entities of every document; returns the entities and,
/// per document (same order as `docs`), its mentions sorted by field and offset.
pub fn extract(docs: &[Document]) -> (Vec<Entity>, Vec<Vec<Mention>>) {
    let gaz = Gazetteer::embedded();
    let (placed, bylines): (Vec<_>, Vec<_>) = docs
        .par_iter()
        .map_init(Scanner::default, |scanner, doc| {
            let fields = doc
                .fields()
                .map(|(f, text)| (f, text, scanner.scan(text, gaz)))
                .collect();
            let byline = doc
                .byline
                .as_deref()
                .map(|b| {
                    let mut out = Vec::new();
                    patterns::persons::find(b, &mut out);
                    out.retain(|c| c.kind == EntityKind::Person && c.role.is_some());
                    out
                })
                .unwrap_or_default();
            (resolve::resolve(fields), byline)
        })
        .unzip();
    merge::merge(docs, placed, bylines, gaz)
}

/// The id an entity of `kind` named `name` gets ("person:hoang-xuan-chien").
pub fn id_for(kind: EntityKind, name: &str) -> String {
    let gaz = Gazetteer::embedded();
    let key = gaz
        .by_key(&keys::key(name, gaz))
        .map(|i| gaz.entries[i].key.clone())
        .unwrap_or_else(|| keys::key(name, gaz));
    keys::id(kind, &key)
}
