//! The text view of a comparison: the pair, the change digest, then the topic rows in
//! two columns, every line within the width.

use super::{differences, has_content, heading, marked};
use crate::cli::output::{fit, line};
use crate::model::Document;
use crate::model::compare::{Comparison, Reference, Row, Sentence};
use crate::model::text::sanitize;
use anyhow::Result;
use std::io::Write;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Between the two columns.
const GUTTER: &str = " │ ";

/// Word-wraps to `width` columns; words wider than a line are cut.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
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

/// Cuts to `width` columns, ending in "…" when something was cut.
fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Writes `text` wrapped to `width`, the first line after `first`, the rest indented.
fn paragraph(out: &mut dyn Write, first: &str, text: &str, width: usize) -> std::io::Result<()> {
    let indent = " ".repeat(first.width());
    for (k, l) in wrap(&sanitize(text), width.saturating_sub(first.width()))
        .into_iter()
        .enumerate()
    {
        line(out, &format!("{}{l}", if k == 0 { first } else { &indent }))?;
    }
    Ok(())
}

/// One side of a row as wrapped lines: a bullet per sentence, then a line per reference.
fn column(sentences: &[Sentence], refs: &[Reference], rows: &[Row], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if sentences.is_empty() && refs.is_empty() {
        lines.push("(not covered)".into());
    }
    for s in sentences {
        let text = marked(s, "«", "»", str::to_owned);
        for (k, l) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
            lines.push(format!("{}{l}", if k == 0 { "• " } else { "  " }));
        }
    }
    for r in refs {
        let under = rows.get(r.row).map_or("", |row| row.short.as_str());
        let text = sanitize(&r.sentence.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(cut(&format!("↳ {under}: {text}"), width));
    }
    lines
}

/// The comparison as text fitting `width` columns.
pub(super) fn write(
    cmp: &Comparison,
    (ld, rd): (&Document, &Document),
    width: usize,
    out: &mut dyn Write,
) -> Result<()> {
    paragraph(
        out,
        "",
        &format!("{} vs {}", heading(ld), heading(rd)),
        width,
    )?;
    if !cmp.summary.is_empty() {
        paragraph(out, "", &cmp.summary, width)?;
    }
    if let Some(note) = &cmp.note {
        paragraph(out, "note: ", note, width)?;
    }
    for (label, d) in [(&cmp.left_label, ld), (&cmp.right_label, rd)] {
        paragraph(
            out,
            &format!("{label}: "),
            &format!("{} · {}", d.id, d.title),
            width,
        )?;
    }
    writeln!(out)?;
    if cmp.digest.is_empty() {
        paragraph(
            out,
            "",
            "What changed: nothing stands out (the same topics, names and numbers).",
            width,
        )?;
    } else {
        line(out, "What changed:")?;
        for d in &cmp.digest {
            paragraph(out, "• ", &d.text, width)?;
        }
    }
    let col = (width.saturating_sub(GUTTER.width()) / 2).max(1);
    writeln!(out)?;
    line(
        out,
        format!(
            "{}{GUTTER}{}",
            fit(&sanitize(&cmp.left_label), col),
            fit(&sanitize(&cmp.right_label), col)
        )
        .trim_end(),
    )?;
    let ids = (cmp.left_label.as_str(), cmp.right_label.as_str());
    for row in cmp.rows.iter().filter(|r| has_content(r)) {
        writeln!(out)?;
        let mark = if row.differs { " ≠" } else { "" };
        let title = cut(&format!("── {}{mark} ", row.label), width);
        let fill = width.saturating_sub(title.width());
        line(out, &format!("{title}{}", "─".repeat(fill)))?;
        let l = column(&row.left, &row.left_refs, &cmp.rows, col);
        let r = column(&row.right, &row.right_refs, &cmp.rows, col);
        for k in 0..l.len().max(r.len()) {
            let a = l.get(k).map_or("", String::as_str);
            let b = r.get(k).map_or("", String::as_str);
            line(out, format!("{}{GUTTER}{b}", fit(a, col)).trim_end())?;
        }
        for d in differences(row, ids) {
            paragraph(out, "» ", &d, width)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_width_and_cuts_long_words() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefg", 3), ["abc", "def", "g"]);
        assert!(wrap("", 4).is_empty());
    }

    #[test]
    fn cuts_with_an_ellipsis() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
