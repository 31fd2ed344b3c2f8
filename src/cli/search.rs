//! `dossier search QUERY`: full-text search over the corpus (words and phrases, ranked
//! by BM25), the best sentence under each hit.

use super::Format;
use super::output::{self, fit, line};
use crate::model::search::{self, CorpusHit, SearchIndex, SearchQuery, Snippet};
use crate::model::{Corpus, Document, Field};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// The most title columns shown per hit in text output.
const TITLE_COLUMNS: usize = 90;

/// What `dossier search` was asked.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The query as typed (words, `"phrases"`, `prefix*`).
    pub query: &'a str,
    /// Search the related-news tails too.
    pub related: bool,
    /// The most hits shown.
    pub limit: usize,
}

#[derive(Serialize)]
struct JsonSnippet<'a> {
    #[serde(flatten)]
    snippet: &'a Snippet,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<String>,
    score: f32,
    snippet: Option<JsonSnippet<'a>>,
}

#[derive(Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    total: usize,
    hits: Vec<JsonHit<'a>>,
}

/// Runs the search and prints the hits, best first.
pub fn run(corpus: &Corpus, req: &Request, format: Format, out: &mut dyn Write) -> Result<()> {
    let index = SearchIndex::build(&corpus.documents);
    let query = SearchQuery::parse(req.query);
    if query.is_empty() {
        anyhow::bail!("the query has no words to search for");
    }
    let found = search::search(&corpus.documents, &index, &query, req.related, req.limit);
    match format {
        Format::Json => {
            let hits = found
                .hits
                .iter()
                .map(|h| json_hit(&corpus.documents[h.doc], h))
                .collect();
            let results = JsonResults {
                query: req.query,
                total: found.total,
                hits,
            };
            output::json(out, &results)
        }
        Format::Text => text(corpus, &found.hits, found.total, out),
    }
}

fn json_hit<'a>(d: &'a Document, h: &'a CorpusHit) -> JsonHit<'a> {
    JsonHit {
        id: &d.id,
        title: &d.title,
        source: d.source.as_deref(),
        date: d.event_date.or(d.published).map(|x| x.to_string()),
        score: h.score,
        snippet: h.snippet.as_ref().map(|s| JsonSnippet {
            snippet: s,
            text: &d.text(s.field)[s.start..s.end],
        }),
    }
}

/// Two lines per hit: score, id, date, outlet and title; then where the best sentence
/// is and the sentence with the hits in «guillemets».
fn text(corpus: &Corpus, hits: &[CorpusHit], total: usize, out: &mut dyn Write) -> Result<()> {
    let idw = hits
        .iter()
        .map(|h| corpus.documents[h.doc].id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    line(
        out,
        &format!(
            "{} {} {} {} TITLE",
            fit("SCORE", 6),
            fit("ID", idw),
            fit("DATE", 10),
            fit("SOURCE", 6)
        ),
    )?;
    for h in hits {
        let d = &corpus.documents[h.doc];
        let date = d
            .event_date
            .or(d.published)
            .map_or_else(|| "—".to_owned(), |x| x.to_string());
        line(
            out,
            &format!(
                "{:>6.2} {} {} {} {}",
                h.score,
                fit(&d.id, idw),
                fit(&date, 10),
                fit(d.source.as_deref().unwrap_or("—"), 6),
                clip(&d.title, TITLE_COLUMNS)
            ),
        )?;
        if let Some(s) = &h.snippet {
            line(
                out,
                &format!("       {}: {}", field_label(s.field), marked(d, s)),
            )?;
        }
    }
    let summary = match (total, hits.len()) {
        (0, _) => "no document matches".to_owned(),
        (t, n) if n < t => format!("{t} documents match ({n} shown; --limit N for more)"),
        (1, _) => "1 document matches".to_owned(),
        (t, _) => format!("{t} documents match"),
    };
    line(out, &summary)?;
    Ok(())
}

/// Where a sentence is, for people ("body ¶3", "caption 1", "related 2").
fn field_label(f: Field) -> String {
    match f {
        Field::Title => "headline".to_owned(),
        Field::Body(i) => format!("body ¶{}", i + 1),
        Field::Caption(i) => format!("caption {}", i + 1),
        Field::RelatedTitle(i) | Field::RelatedText(i) => format!("related {}", i + 1),
    }
}

/// The snippet's text with each hit in «guillemets», "…" where the sentence was cut.
fn marked(d: &Document, s: &Snippet) -> String {
    let text = d.text(s.field);
    let mut out = String::new();
    if s.start > 0 && !text[..s.start].trim_end().ends_with(['.', '!', '?']) {
        out.push('…');
    }
    let mut at = s.start;
    for &(a, b) in &s.hits {
        out.push_str(&text[at..a]);
        out.push('«');
        out.push_str(&text[a..b]);
        out.push('»');
        at = b;
    }
    out.push_str(&text[at..s.end]);
    if s.end < text.len() && !text[..s.end].ends_with(['.', '!', '?']) {
        out.push('…');
    }
    out
}

/// `s` cut to `columns` chars, with "…" when cut.
fn clip(s: &str, columns: usize) -> String {
    if s.chars().count() <= columns {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(columns - 1).collect();
    out.push('…');
    out
}
