//! `dossier list`, `dossier show` and `dossier export`.

use super::Format;
use super::output::{self, fit, line};
use crate::model::overrides::MetaField;
use crate::model::text::sanitize;
use crate::model::{Corpus, Document, export};
use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;

/// The widest SOURCE column of `dossier list`.
const MAX_SOURCE_WIDTH: usize = 16;

/// The date shown for a document: the event date, else the publication date.
fn date_cell(d: &Document) -> String {
    d.event_date
        .or(d.published)
        .map_or_else(|| "—".to_owned(), |d| d.to_string())
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    date: Option<String>,
    source: Option<&'a str>,
    period: Option<String>,
    kind: crate::model::Kind,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_of: Option<&'a str>,
}

/// The id of the document `d` is an exact copy of.
/// The id of the document that document `i` is an exact copy of.
fn copy_of(corpus: &Corpus, i: usize) -> Option<&str> {
    corpus
        .duplicate_of(i)
        .map(|o| corpus.documents[o].id.as_str())
}

/// `dossier list`: one line per document, newest first.
pub fn list(corpus: &Corpus, format: Format, out: &mut dyn Write) -> Result<()> {
    list_some(corpus, &|_| true, format, out)
}

/// `dossier list` of the documents `keep` accepts (by index).
pub fn list_some(
    corpus: &Corpus,
    keep: &dyn Fn(usize) -> bool,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let docs: Vec<(usize, &Document)> = corpus
        .newest_first()
        .into_iter()
        .filter(|&i| keep(i))
        .map(|i| (i, &corpus.documents[i]))
        .collect();
    match format {
        Format::Json => {
            let rows: Vec<ListRow> = docs
                .iter()
                .map(|&(i, d)| ListRow {
                    id: &d.id,
                    date: d.event_date.or(d.published).map(|x| x.to_string()),
                    source: d.source.as_deref(),
                    period: d.period.map(|p| p.to_string()),
                    kind: d.kind,
                    title: &d.title,
                    copy_of: copy_of(corpus, i),
                })
                .collect();
            output::json(out, &rows)
        }
        Format::Text => {
            let idw = docs
                .iter()
                .map(|(_, d)| d.id.chars().count())
                .max()
                .unwrap_or(2)
                .max(2);
            // Outlets are short names; a joint credit ("VNS/VNA") widens the column a little.
            let srcw = docs
                .iter()
                .filter_map(|(_, d)| d.source.as_deref())
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(6, MAX_SOURCE_WIDTH);
            line(
                out,
                &format!(
                    "{} {} {} {} {} TITLE",
                    fit("ID", idw),
                    fit("DATE", 10),
                    fit("SOURCE", srcw),
                    fit("PERIOD", 9),
                    fit("KIND", 17)
                ),
            )?;
            // Rows are rendered on every core (a warm start of a large corpus spends a
            // good part of its time here), then written in order.
            let rendered: Vec<String> = docs
                .par_chunks(ROWS_PER_CHUNK)
                .map(|chunk| {
                    let mut text = String::new();
                    for &(i, d) in chunk {
                        text.push_str(&sanitize(&text_row(corpus, i, d, idw, srcw)));
                        text.push('\n');
                    }
                    text
                })
                .collect();
            for text in rendered {
                out.write_all(text.as_bytes())?;
            }
            Ok(())
        }
    }
}

/// Rows of `dossier list` rendered together on one core.
const ROWS_PER_CHUNK: usize = 2048;

/// One row of `dossier list`'s table, before sanitising.
fn text_row(corpus: &Corpus, i: usize, d: &Document, idw: usize, srcw: usize) -> String {
    let period = d.period.map_or_else(|| "—".to_owned(), |p| p.to_string());
    let copy = copy_of(corpus, i)
        .map(|o| format!("  (exact copy of {o})"))
        .unwrap_or_default();
    format!(
        "{} {} {} {} {} {}{copy}",
        fit(&d.id, idw),
        fit(&date_cell(d), 10),
        fit(d.source.as_deref().unwrap_or("—"), srcw),
        fit(&period, 9),
        fit(d.kind.label(), 17),
        d.title
    )
}

/// `dossier show ID`: the cleaned article with its metadata.
pub fn show(corpus: &Corpus, id: &str, format: Format, out: &mut dyn Write) -> Result<()> {
    let i = corpus.find(id)?;
    let d = &corpus.documents[i];
    if format == Format::Json {
        let view = export::DocumentExport {
            document: d,
            entities: export::document_entities(corpus, i, false),
            related_entities: export::document_entities(corpus, i, true),
        };
        return output::json(out, &view);
    }
    show_metadata(corpus, i, out)?;
    show_text(d, out)
}

/// The headline, then each metadata field with its basis (or "set by you").
fn show_metadata(corpus: &Corpus, i: usize, out: &mut dyn Write) -> Result<()> {
    let d = &corpus.documents[i];
    line(out, &d.title)?;
    line(out, &"=".repeat(d.title.chars().count().clamp(3, 80)))?;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
    // A value set by the reader has no inferred basis to tell.
    let field = |f: MetaField, v: Option<String>, basis: Option<&str>| match (
        d.overridden.contains(&f),
        basis,
    ) {
        (true, _) => format!("{}  (set by you)", opt(v)),
        (false, Some(b)) => format!("{}  ({b})", opt(v)),
        (false, None) => opt(v),
    };
    line(out, &format!("id:         {}", d.id))?;
    if let Some(o) = corpus.duplicate_of(i) {
        line(
            out,
            &format!(
                "copy of:    {} (the same file text)",
                corpus.documents[o].id
            ),
        )?;
    }
    if d.overridden.contains(&MetaField::Title) {
        line(out, "title:      (set by you)")?;
    }
    let source = field(
        MetaField::Outlet,
        d.source.clone(),
        d.source_basis.as_deref(),
    );
    line(out, &format!("source:     {source}"))?;
    let published = field(
        MetaField::Published,
        d.published.map(|x| x.to_string()),
        d.published_basis.as_deref(),
    );
    line(out, &format!("published:  {published}"))?;
    let event_date = field(
        MetaField::EventDate,
        d.event_date.map(|x| x.to_string()),
        d.event_date_basis.as_ref().map(|b| b.reasoning.as_str()),
    );
    line(out, &format!("event date: {event_date}"))?;
    let period = field(
        MetaField::Period,
        d.period.map(|p| p.to_string()),
        d.period_basis.as_deref(),
    );
    line(out, &format!("period:     {period}"))?;
    let kind = field(MetaField::Kind, Some(d.kind.label().to_owned()), None);
    line(out, &format!("kind:       {kind}"))?;
    line(out, &format!("words:      {}", d.word_count()))?;
    if let Some(b) = &d.byline {
        line(out, &format!("byline:     {b}"))?;
    }
    Ok(())
}

/// The article's paragraphs, its captions and its related news, set apart.
fn show_text(d: &Document, out: &mut dyn Write) -> Result<()> {
    for p in &d.body {
        writeln!(out)?;
        line(out, p)?;
    }
    if !d.captions.is_empty() {
        writeln!(out, "\nCaptions:")?;
        for c in &d.captions {
            line(out, &format!("  • {c}"))?;
        }
    }
    if !d.related.is_empty() {
        writeln!(out, "\nRelated news (not part of the article):")?;
        for r in &d.related {
            match &r.title {
                Some(t) => line(out, &format!("  • {t} — {}", r.text))?,
                None => line(out, &format!("  • {}", r.text))?,
            }
        }
    }
    Ok(())
}

/// `dossier export`: the whole model as JSON.
pub fn export(corpus: &Corpus, out: &mut dyn Write) -> Result<()> {
    output::json(out, &export::export(corpus))
}
