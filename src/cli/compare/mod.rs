//! `dossier compare A B` (two articles aligned by topic, with a change digest) and
//! `dossier compare --suggest`.

mod json;
mod markdown;
mod suggestions;
mod text;

use super::CompareFormat;
use super::output;
use crate::model::Corpus;
use crate::model::compare;
pub(super) use crate::model::compare::report::{differences, has_content, heading, marked};
use crate::model::text::sanitize;
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

#[cfg(test)]
mod tests {
    use super::*;

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
