//! A sentence cut into words for reading its numbers: folded words, dash-linked
//! parties, and where a number (with a count's noun) starts and ends.

use super::topics::Lexicon;
use super::words::{Words, words};
use crate::model::date::parse_month;

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// An edition: "8th", "first" (before a name or an event noun).
    Ordinal,
    /// A numbered name: "Rotation 2", "Decree 79".
    Label,
    /// A count or amount: "22 locations", "five members", "40%".
    Count,
    /// A year: "2023".
    Year,
    /// A day of a month: "July 7", "27 August".
    Date,
}

/// Byte ranges of the words (runs of letters and digits) of a text.
pub(super) fn tokens(text: &str) -> Vec<(usize, usize)> {
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

pub(super) fn capitalised(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
}

/// A sentence cut into words, folded, with the dash-linked parties marked.
pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<(usize, usize)>,
    pub(super) folded: Vec<String>,
    pub(super) linked: Vec<bool>,
    pub(super) w: &'static Words,
}

impl<'a> Scan<'a> {
    pub(super) fn new(text: &'a str, lex: &Lexicon) -> Scan<'a> {
        let w = words();
        let toks = tokens(text);
        let mut folded: Vec<String> = toks
            .iter()
            .map(|&(a, b)| lex.fold_token(&text[a..b]))
            .collect();
        // Names written in two words ("Viet Nam") read as one; the second word is left empty.
        for k in 1..folded.len() {
            let spaced = text[toks[k - 1].1..toks[k].0]
                .chars()
                .all(char::is_whitespace);
            if spaced
                && w.joined
                    .iter()
                    .any(|j| j[0] == folded[k - 1] && j[1] == folded[k])
            {
                let second = std::mem::take(&mut folded[k]);
                folded[k - 1].push_str(&second);
            }
        }
        let mut scan = Scan {
            text,
            toks,
            folded,
            linked: Vec::new(),
            w,
        };
        scan.linked = scan.dash_links();
        scan
    }

    /// Words linked by dashes name the parties of a thing ("Vietnam – Laos – Cambodia").
    fn dash_links(&self) -> Vec<bool> {
        let n = self.toks.len();
        let mut linked = vec![false; n];
        let is_word = |j: usize| {
            let word = self.word_of(j);
            !word.is_empty() && !word.chars().any(|c| c.is_ascii_digit())
        };
        for k in 1..n {
            let between = self.text[self.toks[k - 1].1..self.toks[k].0].trim();
            if matches!(between, "-" | "–" | "—" | "‑") && is_word(k - 1) && is_word(k) {
                linked[k - 1] = true;
                linked[k] = true;
            }
        }
        linked
    }

    pub(super) fn word_of(&self, j: usize) -> &str {
        if self.folded[j].is_empty() && j > 0 {
            &self.folded[j - 1]
        } else {
            &self.folded[j]
        }
    }

    pub(super) fn tok(&self, k: usize) -> &'a str {
        &self.text[self.toks[k].0..self.toks[k].1]
    }

    /// The text between word `k - 1` and word `k`.
    pub(super) fn sep(&self, k: usize) -> &'a str {
        let from = if k == 0 { 0 } else { self.toks[k - 1].1 };
        &self.text[from..self.toks[k].0]
    }

    /// The text between word `k` and the next.
    pub(super) fn after(&self, k: usize) -> &'a str {
        let to = self.toks.get(k + 1).map_or(self.text.len(), |t| t.0);
        &self.text[self.toks[k].1..to]
    }

    pub(super) fn spaced_after(&self, k: usize) -> bool {
        k + 1 < self.toks.len() && self.after(k).chars().all(char::is_whitespace)
    }

    pub(super) fn spaced_before(&self, k: usize) -> bool {
        k > 0 && self.sep(k).chars().all(char::is_whitespace)
    }

    /// True when an event noun follows word `k` within a few words of the same clause.
    pub(super) fn event_noun_follows(&self, k: usize) -> bool {
        (k + 1..self.toks.len().min(k + 6))
            .take_while(|&j| !self.sep(j).contains([',', ';', ':', '(', ')']))
            .any(|j| self.w.event_nouns.contains(&self.folded[j]))
    }

    /// A qualifier ending right before word `k` ("more than" 100), as written.
    pub(super) fn qualifier(&self, k: usize) -> Option<(usize, String)> {
        self.w.qualifiers.iter().find_map(|q| {
            let parts: Vec<&str> = q.split(' ').collect();
            let n = parts.len();
            if n == 0 || n > k {
                return None;
            }
            let first = k - n;
            let same = (0..n).all(|i| {
                self.folded[first + i] == parts[i] && self.sep(first + i + 1).trim().is_empty()
            });
            same.then(|| {
                (
                    first,
                    self.text[self.toks[first].0..self.toks[k - 1].1].to_owned(),
                )
            })
        })
    }
}

/// A number found in a sentence, by word indices.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) number: u64,
    pub(super) kind: ValueKind,
    /// First word (a label's word, a date's month, or the number).
    pub(super) first: usize,
    /// Last word of the number itself.
    pub(super) number_last: usize,
    /// Last word of the value: the end of a count's noun.
    pub(super) last: usize,
}

fn found(number: u64, kind: ValueKind, first: usize, last: usize) -> Found {
    Found {
        number,
        kind,
        first,
        number_last: last,
        last,
    }
}

/// The words of a count's noun from word `from`: up to three lower-case words ("fallen
/// soldiers", "defence zone exercises"), stopping before adverbs and participles.
fn noun_run(s: &Scan, from: usize) -> usize {
    let w = s.w;
    let mut last = from;
    while last + 1 < s.toks.len()
        && last < from + 2
        && s.spaced_after(last)
        && s.tok(last + 1).chars().all(char::is_lowercase)
    {
        let next = &s.folded[last + 1];
        let modifier_or_verb = ["ly", "wide", "ed", "ing"]
            .iter()
            .any(|x| next.ends_with(x));
        if w.boundaries.contains(next)
            || w.not_nouns.contains(next)
            || w.skip.contains(next)
            || modifier_or_verb
        {
            break;
        }
        last += 1;
    }
    last
}

/// The number starting at word `k`, if any.
pub(super) fn number_at(s: &Scan, k: usize) -> Option<Found> {
    let w = s.w;
    let n = s.toks.len();
    let tok = s.tok(k);
    // Numbers glued into codes or compounds ("Level-2", "234/2025/ND-CP") are parts of names.
    let glued_before = k > 0 && matches!(s.sep(k), "-" | "/" | "." | ",");
    let glued_after = k + 1 < n && matches!(s.after(k), "-" | "/");
    if glued_before || glued_after {
        return None;
    }
    let next_cap = s.spaced_after(k) && capitalised(s.tok(k + 1));
    let word_number = |list: &[String]| list.iter().position(|o| *o == s.folded[k]);
    let is_month = |t: Option<&str>| t.is_some_and(|t| t.len() >= 3 && parse_month(t).is_some());
    let word = |j: usize| (j < n).then(|| s.tok(j));
    if let Some(v) = digit_ordinal(tok) {
        // A day written as an ordinal ("December 31st", "the 3rd of May") is a date.
        let day = (1..=31).contains(&v);
        return Some(
            if day && k > 0 && s.spaced_before(k) && is_month(word(k - 1)) {
                found(v, ValueKind::Date, k - 1, k)
            } else if day && k + 1 < n && s.spaced_after(k) && is_month(word(k + 1)) {
                found(v, ValueKind::Date, k, k + 1)
            } else if day
                && k + 2 < n
                && s.folded[k + 1] == "of"
                && s.spaced_after(k + 1)
                && is_month(word(k + 2))
            {
                found(v, ValueKind::Date, k, k + 2)
            } else {
                found(v, ValueKind::Ordinal, k, k)
            },
        );
    }
    if let Some(i) = word_number(&w.ordinal_words)
        && (next_cap || s.event_noun_follows(k))
    {
        return Some(found(i as u64 + 1, ValueKind::Ordinal, k, k));
    }
    let next_is_noun = |last: usize| {
        s.spaced_after(last)
            && s.tok(last + 1).chars().all(char::is_lowercase)
            && !w.boundaries.contains(&s.folded[last + 1])
            && !w.not_nouns.contains(&s.folded[last + 1])
    };
    let refers_back = k > 0 && w.anaphora.contains(&s.folded[k - 1]);
    if let Some(i) = word_number(&w.cardinal_words)
        && next_is_noun(k)
        && !refers_back
        && !(k > 0 && capitalised(s.tok(k)) && s.spaced_before(k))
    {
        return Some(Found {
            number: i as u64 + 1,
            kind: ValueKind::Count,
            first: k,
            number_last: k,
            last: noun_run(s, k + 1),
        });
    }
    if !is_digits(tok) {
        return None;
    }
    // Digit groups ("1,200", "3.5") read as one number.
    let mut last = k;
    while last + 1 < n && matches!(s.after(last), "," | ".") && is_digits(s.tok(last + 1)) {
        last += 1;
    }
    let number: u64 = s.text[s.toks[k].0..s.toks[last].1]
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(u64::MAX);
    let prev = (k > 0).then(|| s.tok(k - 1));
    let next = s.toks.get(last + 1).map(|&(a, b)| &s.text[a..b]);
    Some(if s.spaced_before(k) && is_month(prev) {
        found(number, ValueKind::Date, k - 1, last)
    } else if s.spaced_after(last) && is_month(next) {
        found(number, ValueKind::Date, k, last + 1)
    } else if tok.len() == 4 && (1800..=2100).contains(&number) && last == k {
        found(number, ValueKind::Year, k, last)
    } else if s.spaced_before(k)
        && prev.is_some_and(capitalised)
        && !w.skip.contains(&s.folded[k - 1])
        && !w.boundaries.contains(&s.folded[k - 1])
    {
        found(number, ValueKind::Label, k - 1, last)
    } else if next_is_noun(last) {
        Found {
            number,
            kind: ValueKind::Count,
            first: k,
            number_last: last,
            last: noun_run(s, last + 1),
        }
    } else {
        found(number, ValueKind::Count, k, last)
    })
}
