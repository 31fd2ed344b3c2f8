//! `dossier events`: the timeline, optionally limited to one series and filtered
//! (ranked by match when filtered, in timeline order otherwise).

use super::Format;
use super::output::{self, fit, line};
use crate::model::event::{Event, Status};
use crate::model::filter::EventFilter;
use crate::model::text::fold;
use crate::model::{Corpus, events};
use anyhow::Result;
use std::io::Write;

/// Prints the event timeline, optionally fuzzy-filtered and limited to one series.
pub fn run(
    corpus: &Corpus,
    filter: Option<&str>,
    series: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<()> {
    let shown = select(corpus, filter, series);
    match format {
        Format::Json => {
            let json: Vec<_> = shown
                .iter()
                .map(|e| e.json(&corpus.documents, &corpus.entities))
                .collect();
            output::json(out, &json)
        }
        Format::Text => text(corpus, &shown, out),
    }
}

/// The events to show: those of the series (folded substring match), then ranked by
/// the events word filter when one is given.
pub fn select<'a>(
    corpus: &'a Corpus,
    filter: Option<&str>,
    series: Option<&str>,
) -> Vec<&'a Event> {
    let wanted = series.map(fold);
    let in_series: Vec<&Event> = corpus
        .events
        .iter()
        .filter(|e| match &wanted {
            None => true,
            Some(w) => e
                .series
                .as_deref()
                .is_some_and(|s| fold(s).contains(w.as_str())),
        })
        .collect();
    let Some(query) = filter.filter(|q| !q.trim().is_empty()) else {
        return in_series;
    };
    EventFilter::build(corpus, &in_series)
        .search(query, usize::MAX)
        .hits
        .into_iter()
        .filter_map(|h| in_series.get(h.index).copied())
        .collect()
}

fn status_label(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Held) => "held",
        Some(Status::Upcoming) => "upcoming",
        Some(Status::InPreparation) => "in preparation",
        None => "—",
    }
}

/// One line per event: when, status, sources, name, series and edition.
fn text(corpus: &Corpus, shown: &[&Event], out: &mut dyn Write) -> Result<()> {
    line(
        out,
        &format!(
            "{} {} {} NAME",
            fit("WHEN", 11),
            fit("STATUS", 14),
            fit("SOURCES", 10)
        ),
    )?;
    for e in shown {
        let when = events::when(corpus, e);
        let mut name = e.name.clone();
        let series = events::series(e);
        if !series.is_empty() {
            name.push_str(&format!("  [{series}]"));
        }
        if !e.inferred.is_empty() {
            name.push_str(&format!("  (inferred: {})", e.inferred.join("; ")));
        }
        line(
            out,
            &format!(
                "{} {} {} {}",
                fit(&when, 11),
                fit(status_label(e.status), 14),
                fit(&e.sources.join(","), 10),
                name
            ),
        )?;
    }
    Ok(())
}
