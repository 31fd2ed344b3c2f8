//! Numbers and ordinals read from the text itself ("8th", "Rotation 2", "22 locations"),
//! each with the words around it, and the pairing of the two sides' values by context.

use super::topics::Lexicon;
use crate::model::date::parse_month;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// An edition: "8th", "first" (before a name).
    Ordinal,
    /// A numbered name: "Rotation 2", "Decree 79".
    Label,
    /// A count or amount: "22 locations", "40%".
    Count,
    /// A year: "2023".
    Year,
    /// A day of a month: "July 7", "27 August".
    Date,
}

/// One number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Index of the sentence (within the row side) it was found in.
    pub sentence: usize,
    /// Byte range of `display` within the sentence text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The value as written ("8th", "Rotation 2", "22 locations").
    pub display: String,
    /// The number itself (ordinal words as numbers).
    pub number: u64,
    /// What it is.
    pub kind: ValueKind,
    /// Folded label word of a `Label` ("rotation").
    pub label: Option<String>,
    /// Folded content words around it, used to pair it with the other side.
    pub context: BTreeSet<String>,
    /// The words around it as written, without the value ("Vietnam–China border exchange").
    pub what: String,
    /// The value with the words around it ("8th Vietnam–China border exchange").
    pub phrase: String,
    /// Folded words linked by dashes in its context, the parties of the thing
    /// ({"vietnam", "china"}); two values with different parties are different things.
    pub parties: BTreeSet<String>,
}

#[derive(Deserialize)]
struct Words {
    joined: Vec<[String; 2]>,
    skip: BTreeSet<String>,
    boundaries: BTreeSet<String>,
    ordinal_words: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    values: Words,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        serde_json::from_str::<File>(include_str!("../../../assets/topics.json"))
            .map(|f| f.values)
            .expect("assets/topics.json is valid (checked by a test)")
    })
}

/// Byte ranges of the words (runs of letters and digits) of a text.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The digits of an ordinal written with digits ("8th" → 8).
fn digit_ordinal(tok: &str) -> Option<u64> {
    let split = tok.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = tok.split_at(split);
    let suffix = suffix.to_ascii_lowercase();
    (!digits.is_empty() && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th"))
        .then(|| digits.parse().ok())
        .flatten()
}

fn is_digits(tok: &str) -> bool {
    !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_digit())
}

fn capitalised(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
}

/// A crude English stem, so "connecting" and "connected" or "location" and
/// "locations" count as the same context word.
fn stem(word: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix)
            && base.chars().count() >= 4
        {
            return base.to_owned();
        }
    }
    word.to_owned()
}

/// Every number of a sentence worth comparing.
pub fn values(sentence: usize, text: &str, lex: &Lexicon) -> Vec<Value> {
    let w = words();
    let toks = tokens(text);
    let mut folded: Vec<String> = toks
        .iter()
        .map(|&(a, b)| lex.normalize(&text[a..b]).trim().to_owned())
        .collect();
    // Names written in two words ("Viet Nam") read as one; the second word is left empty.
    for k in 1..folded.len() {
        let pair = (folded[k - 1].as_str(), folded[k].as_str());
        if text[toks[k - 1].1..toks[k].0]
            .chars()
            .all(char::is_whitespace)
            && w.joined
                .iter()
                .any(|j| (j[0].as_str(), j[1].as_str()) == pair)
        {
            folded[k - 1] = format!("{}{}", pair.0, pair.1);
            folded[k].clear();
        }
    }
    // Words linked by dashes name the parties of a thing ("Vietnam – Laos – Cambodia").
    let word_of = |j: usize| -> &str {
        if folded[j].is_empty() && j > 0 {
            &folded[j - 1]
        } else {
            &folded[j]
        }
    };
    let is_word =
        |j: usize| !word_of(j).is_empty() && !word_of(j).chars().any(|c| c.is_ascii_digit());
    let mut linked = vec![false; toks.len()];
    for k in 1..toks.len() {
        let between = text[toks[k - 1].1..toks[k].0].trim();
        if matches!(between, "-" | "–" | "—" | "‑") && is_word(k - 1) && is_word(k) {
            linked[k - 1] = true;
            linked[k] = true;
        }
    }
    let sep = |k: usize| -> &str {
        let from = if k == 0 { 0 } else { toks[k - 1].1 };
        &text[from..toks[k].0]
    };
    let after = |k: usize| -> &str {
        let to = toks.get(k + 1).map_or(text.len(), |t| t.0);
        &text[toks[k].1..to]
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let tok = &text[toks[k].0..toks[k].1];
        // Numbers glued into codes or compounds ("Level-2", "234/2025/ND-CP") are parts of names.
        let glued_before = k > 0 && matches!(sep(k), "-" | "/" | "." | ",");
        let glued_after = k + 1 < toks.len() && matches!(after(k), "-" | "/");
        let next_cap = k + 1 < toks.len()
            && after(k).trim().is_empty()
            && capitalised(&text[toks[k + 1].0..toks[k + 1].1]);
        let ordinal_word = w.ordinal_words.iter().position(|o| *o == folded[k]);
        let (number, kind, first, last) = if glued_before || glued_after {
            k += 1;
            continue;
        } else if let Some(n) = digit_ordinal(tok) {
            (n, ValueKind::Ordinal, k, k)
        } else if let Some(n) = ordinal_word.filter(|_| next_cap) {
            (n as u64 + 1, ValueKind::Ordinal, k, k)
        } else if is_digits(tok) {
            // Digit groups ("1,200", "3.5") read as one number.
            let mut last = k;
            while last + 1 < toks.len()
                && matches!(after(last), "," | ".")
                && is_digits(&text[toks[last + 1].0..toks[last + 1].1])
            {
                last += 1;
            }
            let number: u64 = text[toks[k].0..toks[last].1]
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(u64::MAX);
            let spaced_before = k > 0 && sep(k).chars().all(char::is_whitespace);
            let prev = (k > 0).then(|| &text[toks[k - 1].0..toks[k - 1].1]);
            let next = toks.get(last + 1).map(|&(a, b)| &text[a..b]);
            let spaced_after =
                last + 1 < toks.len() && after(last).chars().all(char::is_whitespace);
            let is_month =
                |t: Option<&str>| t.is_some_and(|t| t.len() >= 3 && parse_month(t).is_some());
            if spaced_before && is_month(prev) {
                (number, ValueKind::Date, k - 1, last)
            } else if spaced_after && is_month(next) {
                (number, ValueKind::Date, k, last + 1)
            } else if tok.len() == 4 && (1800..=2100).contains(&number) && last == k {
                (number, ValueKind::Year, k, last)
            } else if spaced_before
                && prev.is_some_and(capitalised)
                && !w.skip.contains(&folded[k - 1])
                && !w.boundaries.contains(&folded[k - 1])
            {
                (number, ValueKind::Label, k - 1, last)
            } else if spaced_after
                && next.is_some_and(|n| n.chars().all(char::is_lowercase))
                && !w.boundaries.contains(&folded[last + 1])
            {
                (number, ValueKind::Count, k, last + 1)
            } else {
                (number, ValueKind::Count, k, last)
            }
        } else {
            k += 1;
            continue;
        };
        let start = toks[first].0;
        let mut end = toks[last].1;
        if text[end..].starts_with('%') {
            end += 1;
        }
        // Context, within the clause: an ordinal names what follows it ("8th ... Exchange"),
        // a label what precedes it ("Engineering Unit Rotation 4", capitalised words
        // only); counts, years and dates take both sides.
        let is_stop = |j: usize, between: &str| {
            between.contains([',', ';', ':', '(', ')', '[', ']', '—'])
                || w.boundaries.contains(&folded[j])
                || folded[j].chars().any(|c| c.is_ascii_digit())
        };
        let gather_before = |context: &mut BTreeSet<String>, span: &mut (usize, usize)| {
            let (mut j, mut taken) = (first, 0);
            while j > 0 && taken < 3 && !is_stop(j - 1, sep(j)) {
                j -= 1;
                let word = &text[toks[j].0..toks[j].1];
                if kind == ValueKind::Label && !capitalised(word) {
                    break;
                }
                if !w.skip.contains(&folded[j]) && !folded[j].is_empty() {
                    context.insert(stem(&folded[j]));
                    taken += 1;
                    span.0 = j;
                }
            }
        };
        let gather_after = |context: &mut BTreeSet<String>, span: &mut (usize, usize)| {
            let (mut j, mut taken) = (last, 0);
            while j + 1 < toks.len() && taken < 7 && !is_stop(j + 1, after(j)) {
                j += 1;
                if !w.skip.contains(&folded[j]) && !folded[j].is_empty() {
                    context.insert(stem(&folded[j]));
                    taken += 1;
                    span.1 = j;
                }
            }
        };
        let mut context = BTreeSet::new();
        let mut span = (first, last);
        match kind {
            ValueKind::Ordinal => {
                gather_after(&mut context, &mut span);
                if context.is_empty() {
                    gather_before(&mut context, &mut span);
                }
            }
            ValueKind::Label => {
                gather_before(&mut context, &mut span);
                if context.is_empty() {
                    gather_after(&mut context, &mut span);
                }
            }
            _ => {
                gather_before(&mut context, &mut span);
                gather_after(&mut context, &mut span);
            }
        }
        let label = (kind == ValueKind::Label).then(|| folded[first].clone());
        for word in &folded[first..=last] {
            if !word.chars().any(|c| c.is_ascii_digit()) {
                context.insert(stem(word));
            }
        }
        let before = text[toks[span.0].0..start].trim();
        let behind = text[end.min(toks[span.1].1)..toks[span.1].1.max(end)].trim();
        let what = match (before.is_empty(), behind.is_empty()) {
            (false, false) => format!("{before} … {behind}"),
            (false, true) => before.to_owned(),
            (true, _) => behind.to_owned(),
        };
        let phrase = text[toks[span.0].0.min(start)..toks[span.1].1.max(end)].to_owned();
        let parties = (span.0.min(first)..=span.1.max(last))
            .filter(|&j| linked[j])
            .map(|j| word_of(j).to_owned())
            .collect();
        out.push(Value {
            sentence,
            parties,
            phrase,
            start,
            end,
            display: text[start..end].to_owned(),
            number,
            kind,
            label,
            context,
            what,
        });
        k = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<Value> {
        values(0, s, Lexicon::embedded())
    }

    fn shown(s: &str) -> Vec<(String, ValueKind)> {
        vals(s).into_iter().map(|v| (v.display, v.kind)).collect()
    }

    #[test]
    fn reads_ordinals_labels_counts_years_dates() {
        use ValueKind::*;
        assert_eq!(
            shown("The 8th Vietnam - China exchange and the first Vietnam - Laos talks, July 7."),
            [
                ("8th".into(), Ordinal),
                ("first".into(), Ordinal),
                ("July 7".into(), Date)
            ]
        );
        assert_eq!(
            shown(
                "It linked 22 locations in 2023 and sent Engineering Unit Rotation 4 abroad; 40% rise."
            ),
            [
                ("22 locations".into(), Count),
                ("2023".into(), Year),
                ("Rotation 4".into(), Label),
                ("40%".into(), Count)
            ]
        );
    }

    #[test]
    fn skips_numbers_inside_names_and_codes() {
        assert!(shown("Decree 234/2025/ND-CP covers COVID-19 and Level-2 care.").is_empty());
        assert!(shown("for the first time in the first half").is_empty());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "1",
            "8th",
            "Rotation",
            "July",
            "3,",
            ",4",
            "٣ ¾ 10²",
            "x 99999999999999999999999 y",
        ] {
            let _ = vals(s);
        }
    }
}
