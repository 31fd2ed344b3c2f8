//! Markdown views of what the reader sees, fit to paste into a report: one document, a
//! (filtered) list of documents, the event timeline. Pure: each returns the text; the caller
//! writes it where it likes. Document text is escaped and sanitised.

use super::corpus::Corpus;
use super::document::Document;
use super::event::{Event, Status};
use super::events;
use super::overrides::MetaField;
use super::text::sanitize;
use std::fmt::Write;

/// Escapes the characters Markdown would read as markup, drops control characters and
/// folds line breaks, so the text stays one inline run (safe in a table cell).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize(s).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An id as inline code (ids come from file names, so backticks are replaced).
fn code(id: &str) -> String {
    format!("`{}`", sanitize(id).replace('`', "'"))
}

/// "1 event", "2 events".
fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{} {noun}s", super::load::thousands(n)),
    }
}

fn or_dash(v: Option<String>) -> String {
    v.unwrap_or_else(|| "—".to_owned())
}

/// The document at `doc`: title, a metadata table (fields set by the overrides file say so),
/// the body, its captions and, set apart, the related-news items.
pub fn document(corpus: &Corpus, doc: usize) -> String {
    let d = &corpus.documents[doc];
    let mut out = format!("# {}\n\n| | |\n|---|---|\n", escape(&d.title));
    let mark = |f: MetaField| {
        if d.overridden.contains(&f) {
            " (set by you)"
        } else {
            ""
        }
    };
    let mut row = |name: &str, value: String, f: Option<MetaField>| {
        let m = f.map_or("", mark);
        let _ = writeln!(out, "| {name} | {value}{m} |");
    };
    row("Document", code(&d.id), None);
    row("File", code(&d.path), None);
    row(
        "Outlet",
        escape(&or_dash(d.source.clone())),
        Some(MetaField::Outlet),
    );
    row(
        "Published",
        or_dash(d.published.map(|x| x.to_string())),
        Some(MetaField::Published),
    );
    row(
        "Event date",
        or_dash(d.event_date.map(|x| x.to_string())),
        Some(MetaField::EventDate),
    );
    row(
        "Period",
        or_dash(d.period.map(|p| p.label())),
        Some(MetaField::Period),
    );
    row("Kind", d.kind.label().to_owned(), Some(MetaField::Kind));
    row("Words", d.word_count().to_string(), None);
    if let Some(original) = corpus.duplicate_of(doc) {
        let of = &corpus.documents[original].id;
        row("Copy of", code(of), None);
    }
    if d.overridden.contains(&MetaField::Title) {
        out.push_str("\nThe title is set by you.\n");
    }
    for p in &d.body {
        let _ = write!(out, "\n{}\n", escape(p));
    }
    if !d.captions.is_empty() {
        out.push_str("\n## Captions\n\n");
        for c in &d.captions {
            let _ = writeln!(out, "- {}", escape(c));
        }
    }
    if !d.related.is_empty() {
        out.push_str("\n## Related news (not part of the article)\n\n");
        for r in &d.related {
            match &r.title {
                Some(t) => writeln!(out, "- **{}** {}", escape(t), escape(&r.text)),
                None => writeln!(out, "- {}", escape(&r.text)),
            }
            .unwrap_or(());
        }
    }
    out
}

/// The date shown for a document in lists: the event date, else the publication date.
fn list_date(d: &Document) -> String {
    or_dash(d.event_date.or(d.published).map(|x| x.to_string()))
}

/// A list of documents (the given indices, in that order) as a table under `heading`
/// (e.g. the filter that chose them); exact copies say which document they copy.
pub fn document_list(corpus: &Corpus, docs: &[usize], heading: &str) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n| Date | Outlet | Period | Kind | Title | Document |\n|---|---|---|---|---|---|\n",
        escape(heading),
        count(docs.len(), "document")
    );
    for &i in docs {
        let d = &corpus.documents[i];
        let copy = corpus
            .duplicate_of(i)
            .map(|o| format!(" (copy of {})", code(&corpus.documents[o].id)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {}{copy} |",
            list_date(d),
            escape(&or_dash(d.source.clone())),
            or_dash(d.period.map(|p| p.label())),
            d.kind.label(),
            escape(&d.title),
            code(&d.id)
        );
    }
    out
}

fn status(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Held) => "held",
        Some(Status::Upcoming) => "upcoming",
        Some(Status::InPreparation) => "in preparation",
        None => "—",
    }
}

/// Events (in the given order) as a timeline table under `heading`: when, status, outlets,
/// name with series and edition, the documents that report it.
pub fn timeline(corpus: &Corpus, shown: &[&Event], heading: &str) -> String {
    let mut out = format!(
        "# {}\n\n{}\n\n| When | Status | Outlets | Event | Documents |\n|---|---|---|---|---|\n",
        escape(heading),
        count(shown.len(), "event")
    );
    for e in shown {
        let mut name = escape(&e.name);
        let series = events::series(e);
        if !series.is_empty() {
            let _ = write!(name, " ({})", escape(&series));
        }
        if !e.inferred.is_empty() {
            let _ = write!(name, " — inferred: {}", escape(&e.inferred.join("; ")));
        }
        let docs: Vec<String> = e
            .documents
            .iter()
            .map(|&i| {
                code(
                    corpus
                        .documents
                        .get(i as usize)
                        .map_or("", |d| d.id.as_str()),
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {name} | {} |",
            escape(&events::when(corpus, e)),
            status(e.status),
            escape(&e.sources.join(", ")),
            docs.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Kind, Period};

    fn corpus() -> Corpus {
        let a = Document {
            id: "a1".into(),
            path: "x/a1.txt".into(),
            title: "Navy | coast guard *drill*".into(),
            source: Some("VNA".into()),
            published: Date::new(2024, 5, 2),
            period: Some(Period::Year(2024)),
            kind: Kind::AnnualReview,
            body: vec!["First\u{1b}[2J paragraph.".into(), "Second one.".into()].into(),
            captions: vec!["A ship in port.".into()].into(),
            overridden: vec![MetaField::Kind],
            ..Document::default()
        };
        let event = Event {
            id: "event:drill".into(),
            name: "2nd joint drill".into(),
            date: Date::new(2024, 4, 30),
            status: Some(Status::Held),
            documents: vec![0],
            sources: vec!["VNA".into()],
            ..Event::default()
        };
        Corpus::new(vec![a], vec![], vec![vec![]], vec![event], vec![])
    }

    #[test]
    fn renders_a_document_with_its_metadata() {
        let md = document(&corpus(), 0);
        assert!(
            md.starts_with("# Navy \\| coast guard \\*drill\\*\n"),
            "{md}"
        );
        assert!(md.contains("| Kind | annual review (set by you) |"), "{md}");
        assert!(md.contains("| Outlet | VNA |"), "{md}");
        assert!(md.contains("| Period | 2024 |"));
        assert!(
            md.contains("\nFirst \\[2J paragraph.\n\nSecond one.\n"),
            "{md}"
        );
        assert!(md.contains("## Captions\n\n- A ship in port.\n"));
        assert!(!md.contains('\u{1b}'));
    }

    #[test]
    fn renders_a_list_and_a_timeline() {
        let c = corpus();
        let list = document_list(&c, &[0], "Documents matching \"drill\"");
        assert!(list.contains("\n1 document\n"), "{list}");
        assert!(list.contains(
            "| 2024-05-02 | VNA | 2024 | annual review | Navy \\| coast guard \\*drill\\* | `a1` |"
        ), "{list}");
        let events: Vec<&Event> = c.events.iter().collect();
        let tl = timeline(&c, &events, "Timeline");
        assert!(
            tl.contains("| 2024-04-30 | held | VNA | 2nd joint drill | `a1` |"),
            "{tl}"
        );
    }

    #[test]
    fn escapes_markup_and_folds_lines() {
        assert_eq!(
            escape("a|b\n*c* [d](e) #f ~g"),
            "a\\|b \\*c\\* \\[d\\](e) \\#f \\~g"
        );
    }
}
