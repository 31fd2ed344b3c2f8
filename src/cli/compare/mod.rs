//! `dossier compare A B` (two articles aligned by topic, with a change digest) and
//! `dossier compare --suggest`.

mod json;
mod markdown;
mod suggestions;
mod text;

use super::CompareFormat;
use super::output;
use crate::model::compare::{self, Change, ChangeKind, Row, Sentence};
use crate::model::text::sanitize;
use crate::model::{Corpus, Document};
use anyhow::{Context, Result};
use std::io::Write;

/// Width of the text output when neither `--width` nor the terminal says.
const DEFAULT_WIDTH: usize = 100;
/// Narrowest text output.
const MIN_WIDTH: usize = 40;
/// Widest text output.
const MAX_WIDTH: usize = 1000;

/// What `dossier compare` was asked.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// Left document id or prefix.
    pub left: Option<&'a str>,
    /// Right document id or prefix.
    pub right: Option<&'a str>,
    /// List suggested pairs instead.
    pub suggest: bool,
    /// Output format.
    pub format: CompareFormat,
    /// Width of the text output (`--width`).
    pub width: Option<usize>,
}

/// Compares two documents, or lists suggested pairs.
pub fn run(corpus: &Corpus, req: Request, out: &mut dyn Write) -> Result<()> {
    if req.suggest {
        return suggestions::write(corpus, &compare::suggest(corpus), req.format, out);
    }
    let (Some(l), Some(r)) = (req.left, req.right) else {
        anyhow::bail!("give two document ids, or --suggest");
    };
    let li = corpus.find(l).context("left document")?;
    let ri = corpus.find(r).context("right document")?;
    if li == ri {
        anyhow::bail!(
            "{} and {} are the same document ({}): give two different documents",
            sanitize(l),
            sanitize(r),
            sanitize(&corpus.documents[li].id)
        );
    }
    let cmp = compare::compare(corpus, li, ri);
    let docs = (&corpus.documents[li], &corpus.documents[ri]);
    match req.format {
        CompareFormat::Json => output::json(out, &json::JsonComparison::new(&cmp, docs)),
        CompareFormat::Text => text::write(&cmp, docs, width(req.width), out),
        CompareFormat::Markdown => markdown::write(&cmp, docs, out),
    }
}

/// The text width: `--width`, else the terminal's, else `COLUMNS`, else 100.
fn width(asked: Option<usize>) -> usize {
    use std::io::IsTerminal;
    let from_terminal = || {
        std::io::stdout()
            .is_terminal()
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(w, _)| usize::from(w))
    };
    let from_env = || std::env::var("COLUMNS").ok()?.trim().parse::<usize>().ok();
    asked
        .or_else(from_terminal)
        .or_else(from_env)
        .unwrap_or(DEFAULT_WIDTH)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// "QDND half-year review, 2023-H1": outlet, kind and period, as far as known.
fn heading(d: &Document) -> String {
    let mut s = String::new();
    if let Some(src) = &d.source {
        s.push_str(src);
        s.push(' ');
    }
    s.push_str(if d.kind == crate::model::Kind::Other {
        "article"
    } else {
        d.kind.label()
    });
    match (d.period, d.event_date.or(d.published)) {
        (Some(p), _) => s.push_str(&format!(", {p}")),
        (None, Some(date)) => s.push_str(&format!(", {date}")),
        (None, None) => {}
    }
    s
}

/// A sentence with its highlights wrapped in `open`/`close`, sanitised.
fn marked(s: &Sentence, open: &str, close: &str, escape: fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in &s.highlights {
        let (Some(before), Some(hl)) = (s.text.get(at..a), s.text.get(a..b)) else {
            continue;
        };
        out.push_str(&escape(before));
        out.push_str(open);
        out.push_str(&escape(hl));
        out.push_str(close);
        at = b;
    }
    out.push_str(&escape(s.text.get(at..).unwrap_or("")));
    sanitize(&out).into_owned()
}

/// One change as a line of a row.
fn change_line(c: &Change) -> String {
    let what = if c.what.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.what)
    };
    let status = match (&c.left_status, &c.right_status) {
        (Some(l), Some(r)) if l != r => format!(", {l} → {r}"),
        (_, Some(r)) => format!(", {r}"),
        _ => String::new(),
    };
    match c.kind {
        ChangeKind::Edition | ChangeKind::Number => {
            format!("changed: {} → {}{what}{status}", c.left, c.right)
        }
        ChangeKind::Status | ChangeKind::Role | ChangeKind::Format => {
            format!("changed {}: {} → {}", c.what, c.left, c.right)
        }
    }
}

/// The differences of a row as lines ("changed: 8th → 9th (…)", "only in X: …").
fn differences(row: &Row, (l, r): (&str, &str)) -> Vec<String> {
    let mut out: Vec<String> = row.changes.iter().map(change_line).collect();
    if !row.only_left.is_empty() {
        out.push(format!("only in {l}: {}", row.only_left.join("; ")));
    }
    if !row.only_right.is_empty() {
        out.push(format!("only in {r}: {}", row.only_right.join("; ")));
    }
    out
}

/// True when a row has anything to show on either side.
fn has_content(row: &Row) -> bool {
    !(row.left.is_empty()
        && row.right.is_empty()
        && row.left_refs.is_empty()
        && row.right_refs.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_highlights_and_escapes_markdown() {
        let s = Sentence {
            text: "The 9th | exchange".into(),
            field: crate::model::Field::Body(0),
            start: 0,
            end: 18,
            highlights: vec![(4, 7)],
            aspect: compare::Aspect::Neutral,
        };
        assert_eq!(
            marked(&s, "**", "**", markdown::md_escape),
            "The **9th** \\| exchange"
        );
        assert_eq!(marked(&s, "«", "»", str::to_owned), "The «9th» | exchange");
    }

    #[test]
    fn width_is_asked_or_clamped() {
        assert_eq!(width(Some(72)), 72);
        assert_eq!(width(Some(3)), MIN_WIDTH);
    }

    #[test]
    fn the_same_document_twice_is_an_error() {
        let c = Corpus::seeds();
        let req = Request {
            left: Some("000"),
            right: Some("000_"),
            suggest: false,
            format: CompareFormat::Text,
            width: None,
        };
        let err = run(&c, req, &mut Vec::new()).expect_err("same document");
        assert!(err.to_string().contains("same document"), "{err}");
    }
}
