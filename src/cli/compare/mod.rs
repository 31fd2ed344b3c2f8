//! `dossier compare A B` (two articles aligned by topic) and `dossier compare --suggest`.

mod markdown;

use super::CompareFormat;
use super::output::{self, fit, line};
use crate::model::compare::{self, Comparison, Row, Sentence, Suggestion};
use crate::model::text::sanitize;
use crate::model::{Corpus, Document};
use anyhow::{Context, Result};
use serde::Serialize;
use std::io::Write;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of the text output.
const WIDTH: usize = 100;
/// Between the two columns.
const GUTTER: &str = " │ ";

/// Compares two documents, or lists suggested pairs.
pub fn run(
    corpus: &Corpus,
    left: Option<&str>,
    right: Option<&str>,
    suggest: bool,
    format: CompareFormat,
    out: &mut dyn Write,
) -> Result<()> {
    if suggest {
        return suggestions(corpus, &compare::suggest(corpus), format, out);
    }
    let (Some(l), Some(r)) = (left, right) else {
        anyhow::bail!("give two document ids, or --suggest");
    };
    let li = corpus.find(l).context("left document")?;
    let ri = corpus.find(r).context("right document")?;
    let cmp = compare::compare(corpus, li, ri);
    let docs = (&corpus.documents[li], &corpus.documents[ri]);
    match format {
        CompareFormat::Json => output::json(out, &JsonComparison::new(&cmp, docs)),
        CompareFormat::Text => text(&cmp, docs, out),
        CompareFormat::Markdown => markdown::markdown(&cmp, docs, out),
    }
}

/// The JSON view: "left"/"right" of a row are the sentences' texts (scripts rely on
/// it); the sentences with their positions and highlights are in "*_detail".
#[derive(Serialize)]
struct JsonComparison<'a> {
    left: &'a str,
    right: &'a str,
    left_title: &'a str,
    right_title: &'a str,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    topic: &'a str,
    label: &'a str,
    left: Vec<&'a str>,
    right: Vec<&'a str>,
    differs: bool,
    only_left: &'a [String],
    only_right: &'a [String],
    changes: &'a [compare::Change],
    left_detail: &'a [Sentence],
    right_detail: &'a [Sentence],
}

impl<'a> JsonComparison<'a> {
    fn new(cmp: &'a Comparison, (l, r): (&'a Document, &'a Document)) -> Self {
        let texts = |s: &'a [Sentence]| s.iter().map(|x| x.text.as_str()).collect();
        JsonComparison {
            left: &cmp.left,
            right: &cmp.right,
            left_title: &l.title,
            right_title: &r.title,
            rows: cmp
                .rows
                .iter()
                .map(|row| JsonRow {
                    topic: &row.topic,
                    label: &row.label,
                    left: texts(&row.left),
                    right: texts(&row.right),
                    differs: row.differs,
                    only_left: &row.only_left,
                    only_right: &row.only_right,
                    changes: &row.changes,
                    left_detail: &row.left,
                    right_detail: &row.right,
                })
                .collect(),
        }
    }
}

/// "QDND · 2023-H1 · half-year review".
fn describe(d: &Document) -> String {
    let mut parts = vec![d.source.clone().unwrap_or_else(|| "—".into())];
    if let Some(p) = d.period {
        parts.push(p.to_string());
    }
    if let Some(date) = d.event_date.or(d.published) {
        parts.push(date.to_string());
    }
    parts.push(d.kind.label().to_owned());
    parts.join(" · ")
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

/// Word-wraps to `width` columns; words wider than a line are cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let w = word.width();
        if !cur.is_empty() && cur.width() + 1 + w > width {
            lines.push(std::mem::take(&mut cur));
        }
        if w > width {
            for c in word.chars() {
                if cur.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut cur));
                }
                cur.push(c);
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// One side of a row as wrapped lines, a bullet per sentence.
fn column(sentences: &[Sentence], width: usize) -> Vec<String> {
    if sentences.is_empty() {
        return vec!["(not covered)".into()];
    }
    let mut lines = Vec::new();
    for s in sentences {
        let text = marked(s, "«", "»", str::to_owned);
        for (k, l) in wrap(&text, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            lines.push(format!("{}{l}", if k == 0 { "• " } else { "  " }));
        }
    }
    lines
}

fn differences(row: &Row, (l, r): (&str, &str)) -> Vec<String> {
    let mut out = Vec::new();
    for c in &row.changes {
        let what = if c.what.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.what)
        };
        out.push(format!("changed: {} → {}{what}", c.from, c.to));
    }
    if !row.only_left.is_empty() {
        out.push(format!("only in {l}: {}", row.only_left.join("; ")));
    }
    if !row.only_right.is_empty() {
        out.push(format!("only in {r}: {}", row.only_right.join("; ")));
    }
    out
}

fn text(cmp: &Comparison, (ld, rd): (&Document, &Document), out: &mut dyn Write) -> Result<()> {
    let col = (WIDTH - GUTTER.width()) / 2;
    let head = |d: &Document| vec![d.id.clone(), d.title.clone(), describe(d)];
    let (lh, rh) = (head(ld), head(rd));
    for (a, b) in lh.iter().zip(&rh) {
        line(
            out,
            format!(
                "{}{GUTTER}{}",
                fit(&sanitize(a), col),
                fit(&sanitize(b), col)
            )
            .trim_end(),
        )?;
    }
    let ids = short_ids(&cmp.left, &cmp.right);
    for row in &cmp.rows {
        writeln!(out)?;
        let mark = if row.differs { " ≠" } else { "" };
        let title = format!("── {}{mark} ", row.label);
        let fill = WIDTH.saturating_sub(title.width());
        line(
            out,
            fit(&format!("{title}{}", "─".repeat(fill)), WIDTH).trim_end(),
        )?;
        let (l, r) = (column(&row.left, col), column(&row.right, col));
        for k in 0..l.len().max(r.len()) {
            let a = l.get(k).map_or("", String::as_str);
            let b = r.get(k).map_or("", String::as_str);
            line(out, format!("{}{GUTTER}{b}", fit(a, col)).trim_end())?;
        }
        for d in differences(row, ids) {
            for (k, l) in wrap(&sanitize(&d), WIDTH - 2).into_iter().enumerate() {
                line(out, &format!("{}{l}", if k == 0 { "» " } else { "  " }))?;
            }
        }
    }
    Ok(())
}

/// Short names for the two sides: the ids' leading parts ("004" of "004_6de3…") when
/// they tell the documents apart, else the whole ids.
fn short_ids<'a>(left: &'a str, right: &'a str) -> (&'a str, &'a str) {
    let lead = |id: &'a str| id.split_once('_').map_or(id, |(a, _)| a);
    let (l, r) = (lead(left), lead(right));
    if l != r || left == right {
        (l, r)
    } else {
        (left, right)
    }
}

fn suggestions(
    corpus: &Corpus,
    list: &[Suggestion],
    format: CompareFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let title = |i: usize| corpus.documents.get(i).map_or("", |d| d.title.as_str());
    match format {
        CompareFormat::Json => output::json(out, &list),
        CompareFormat::Text => {
            if list.is_empty() {
                return Ok(writeln!(
                    out,
                    "no suggested comparisons (they need reviews with a known kind, period and source)"
                )?);
            }
            let idw = list
                .iter()
                .flat_map(|s| [s.left.width(), s.right.width()])
                .max()
                .unwrap_or(4)
                .max(4);
            line(
                out,
                &format!("SCORE {} {} WHY", fit("LEFT", idw), fit("RIGHT", idw)),
            )?;
            for s in list {
                line(
                    out,
                    &format!(
                        "{:>5.2} {} {} {}",
                        s.score,
                        fit(&s.left, idw),
                        fit(&s.right, idw),
                        s.reason
                    ),
                )?;
            }
            Ok(())
        }
        CompareFormat::Markdown => {
            writeln!(out, "| Score | Left | Right | Why |\n|---|---|---|---|")?;
            for s in list {
                let doc = |id: &str, i: usize| {
                    format!(
                        "`{}` {}",
                        id.replace('`', "'"),
                        markdown::md_escape(title(i))
                    )
                };
                line(
                    out,
                    &format!(
                        "| {:.2} | {} | {} | {} |",
                        s.score,
                        doc(&s.left, s.left_index),
                        doc(&s.right, s.right_index),
                        markdown::md_escape(&s.reason)
                    ),
                )?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_stay_distinct() {
        assert_eq!(short_ids("004_ab", "000_cd"), ("004", "000"));
        assert_eq!(short_ids("vna_1", "vna_2"), ("vna_1", "vna_2"));
        assert_eq!(short_ids("plain", "other"), ("plain", "other"));
    }

    #[test]
    fn wraps_to_width_and_cuts_long_words() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefg", 3), ["abc", "def", "g"]);
        assert!(wrap("", 4).is_empty());
    }

    #[test]
    fn marks_highlights_and_escapes_markdown() {
        let s = Sentence {
            text: "The 9th | exchange".into(),
            field: crate::model::Field::Body(0),
            start: 0,
            end: 18,
            highlights: vec![(4, 7)],
        };
        assert_eq!(
            marked(&s, "**", "**", markdown::md_escape),
            "The **9th** \\| exchange"
        );
        assert_eq!(marked(&s, "«", "»", str::to_owned), "The «9th» | exchange");
    }

    #[test]
    fn text_lines_fit_in_100_columns() {
        let corpus = Corpus::seeds();
        let mut buf = Vec::new();
        let (a, b) = (&corpus.documents[4].id, &corpus.documents[0].id);
        run(
            &corpus,
            Some(a),
            Some(b),
            false,
            CompareFormat::Text,
            &mut buf,
        )
        .expect("compare");
        let text = String::from_utf8(buf).expect("utf-8");
        assert!(text.lines().all(|l| l.width() <= WIDTH), "{text}");
        assert!(text.contains("Border defence diplomacy"));
    }

    #[test]
    fn json_rows_have_sentence_texts() {
        let corpus = Corpus::seeds();
        let mut buf = Vec::new();
        run(
            &corpus,
            Some("000"),
            Some("001"),
            false,
            CompareFormat::Json,
            &mut buf,
        )
        .expect("compare");
        let v: serde_json::Value = serde_json::from_slice(&buf).expect("json");
        assert!(v["left"].as_str().is_some_and(|s| s.starts_with("000")));
        let rows = v["rows"].as_array().expect("rows");
        assert!(rows.iter().all(|r| {
            r["topic"].is_string()
                && r["left"]
                    .as_array()
                    .is_some_and(|a| a.iter().all(serde_json::Value::is_string))
                && r["right"]
                    .as_array()
                    .is_some_and(|a| a.iter().all(serde_json::Value::is_string))
        }));
    }
}
