//! `dossier entities`: entities of the corpus (or of one document), most mentioned first.

use super::Format;
use super::output::{self, fit, line};
use crate::model::entity::{EntityJson, document_index};
use crate::model::{Corpus, Entity, EntityKind};
use anyhow::{Result, bail};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    json: EntityJson<'a>,
    #[serde(skip)]
    entity: &'a Entity,
    /// Mentions counted for this listing (in the chosen document, or in all).
    count: usize,
}

/// Lists the entities that main articles (not their related-news tails) name, optionally
/// of one kind or one document, sorted by mentions.
pub fn run(
    corpus: &Corpus,
    kind: Option<&str>,
    doc: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let kind = match kind {
        None => None,
        Some(k) => match EntityKind::parse(k) {
            Some(k) => Some(k),
            None => bail!("unknown entity kind {k:?} (person, org, place, event or law)"),
        },
    };
    let doc = doc.map(|d| corpus.find(d)).transpose()?;
    let mut counts = vec![0usize; corpus.entities.len()];
    match doc {
        Some(d) => {
            for m in corpus.mentions.get(d).into_iter().flatten() {
                if let Some(c) = counts
                    .get_mut(m.entity())
                    .filter(|_| !m.field().is_related())
                {
                    *c += 1;
                }
            }
        }
        None => {
            for (c, e) in counts.iter_mut().zip(&corpus.entities) {
                *c = e.mentions;
            }
        }
    }
    let mut rows: Vec<Row> = corpus
        .entities
        .iter()
        .zip(counts)
        .filter(|(e, _)| kind.is_none_or(|k| e.kind == k))
        // Entities named only in related-news tails belong to other articles.
        .filter(|(e, c)| match doc {
            Some(d) => *c > 0 || e.documents.binary_search(&document_index(d)).is_ok(),
            None => !e.documents.is_empty(),
        })
        .map(|(entity, count)| Row {
            json: entity.json(&corpus.documents),
            entity,
            count,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.entity.name.cmp(&b.entity.name))
    });
    match format {
        Format::Json => output::json(out, &rows),
        Format::Text => {
            line(
                out,
                &format!(
                    "{} {} {} DOCUMENTS",
                    fit("MENTIONS", 8),
                    fit("KIND", 6),
                    fit("NAME (ALIASES)", 60)
                ),
            )?;
            for r in &rows {
                let e = r.entity;
                let mut name = e.name.clone();
                if !e.aliases.is_empty() {
                    name.push_str(&format!(" ({})", e.aliases.join("; ")));
                }
                line(
                    out,
                    &format!(
                        "{:>8} {} {} {}",
                        r.count,
                        fit(e.kind.as_str(), 6),
                        fit(&name, 60),
                        r.json.documents().ids().collect::<Vec<_>>().join(", ")
                    ),
                )?;
            }
            Ok(())
        }
    }
}
