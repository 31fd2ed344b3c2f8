//! The JSON shape of `dossier export`, which scripts rely on.

use super::corpus::Corpus;
use super::document::Document;
use super::entity::{Entity, Mention};
use super::event::Event;
use super::source::Problem;
use serde::Serialize;

/// The whole model as exported.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    /// Every document with its entity mentions.
    pub documents: Vec<DocumentExport<'a>>,
    /// Every entity.
    pub entities: &'a [Entity],
    /// The event timeline.
    pub events: &'a [Event],
    /// Files skipped or repaired while loading.
    pub problems: &'a [Problem],
}

/// A document plus its entities.
#[derive(Debug, Serialize)]
pub struct DocumentExport<'a> {
    /// The document's own fields.
    #[serde(flatten)]
    pub document: &'a Document,
    /// Entities mentioned in the main article and its captions.
    pub entities: Vec<DocumentEntity<'a>>,
    /// Entities mentioned only in the related-news tail, kept apart.
    pub related_entities: Vec<DocumentEntity<'a>>,
}

/// One entity's mentions in one document.
#[derive(Debug, Serialize)]
pub struct DocumentEntity<'a> {
    /// The entity id.
    pub id: &'a str,
    /// Where it is mentioned.
    pub mentions: Vec<&'a Mention>,
}

/// Groups a document's mentions by entity, main text apart from the related tail.
pub fn document_entities<'a>(
    corpus: &'a Corpus,
    doc: usize,
    related: bool,
) -> Vec<DocumentEntity<'a>> {
    let mut out: Vec<DocumentEntity<'a>> = Vec::new();
    let Some(mentions) = corpus.mentions.get(doc) else {
        return out;
    };
    for m in mentions.iter().filter(|m| m.field.is_related() == related) {
        let Some(e) = corpus.entities.get(m.entity) else {
            continue;
        };
        match out.iter_mut().find(|d| d.id == e.id) {
            Some(d) => d.mentions.push(m),
            None => out.push(DocumentEntity {
                id: &e.id,
                mentions: vec![m],
            }),
        }
    }
    out
}

/// Builds the export view of a corpus.
pub fn export(corpus: &Corpus) -> Export<'_> {
    let documents = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, document)| DocumentExport {
            document,
            entities: document_entities(corpus, i, false),
            related_entities: document_entities(corpus, i, true),
        })
        .collect();
    Export {
        documents,
        entities: &corpus.entities,
        events: &corpus.events,
        problems: &corpus.problems,
    }
}
