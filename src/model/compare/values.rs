//! Numbers and ordinals read from the text itself ("8th", "seventh", "Rotation 2",
//! "more than 100 countries"), each with the words around it, so the two sides'
//! values can be paired by what they count.

use super::topics::Lexicon;
use super::words::{Words, stem, words};
use crate::model::date::parse_month;
use std::collections::BTreeSet;

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

/// One number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Index of the sentence it was found in (the caller's numbering).
    pub sentence: usize,
    /// Byte range of `display` within the sentence text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The value as written ("8th", "Rotation 2", "22 locations").
    pub display: String,
    /// The value as one side of a change ("8th", "Rotation 2", "more than 100").
    pub amount: String,
    /// The number itself (ordinal and number words as numbers).
    pub number: u64,
    /// What it is.
    pub kind: ValueKind,
    /// Folded label word of a `Label` ("rotation").
    pub label: Option<String>,
    /// Stem of the noun a `Count` counts ("location").
    pub noun: Option<String>,
    /// Folded stems of the content words around it, used to pair it with the other side.
    pub context: BTreeSet<String>,
    /// The words around it as written, without the value ("Vietnam–China border exchange").
    pub what: String,
    /// The value with the words around it ("8th Vietnam–China border exchange").
    pub phrase: String,
    /// Folded words linked by dashes in its context, the parties of the thing
    /// ({"vietnam", "china"}); two values with different parties are different things.
    pub parties: BTreeSet<String>,
}

impl Value {
    /// True for a number that counts editions of something: an ordinal, or a label
    /// such as "Rotation" (a decree's number is an identifier, not an edition).
    pub fn is_edition(&self) -> bool {
        match self.kind {
            ValueKind::Ordinal => true,
            ValueKind::Label => self
                .label
                .as_deref()
                .is_some_and(|l| words().edition_labels.contains(l)),
            _ => false,
        }
    }

    /// What pairs of values must share to be compared: the kind and what is counted or
    /// labelled; `None` for years and dates, which the periods of the two sides explain.
    pub fn key(&self) -> Option<String> {
        match self.kind {
            ValueKind::Ordinal => {
                let parties: Vec<&str> = self.parties.iter().map(String::as_str).collect();
                Some(format!("o|{}", parties.join("-")))
            }
            ValueKind::Label => self.label.as_ref().map(|l| format!("l|{l}")),
            ValueKind::Count => Some(format!("c|{}", self.noun.as_deref().unwrap_or(""))),
            ValueKind::Year | ValueKind::Date => None,
        }
    }
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

fn capitalised(tok: &str) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
}

/// A sentence cut into words, folded, with the dash-linked parties marked.
struct Scan<'a> {
    text: &'a str,
    toks: Vec<(usize, usize)>,
    folded: Vec<String>,
    linked: Vec<bool>,
    w: &'static Words,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, lex: &Lexicon) -> Scan<'a> {
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

    fn word_of(&self, j: usize) -> &str {
        if self.folded[j].is_empty() && j > 0 {
            &self.folded[j - 1]
        } else {
            &self.folded[j]
        }
    }

    fn tok(&self, k: usize) -> &'a str {
        &self.text[self.toks[k].0..self.toks[k].1]
    }

    /// The text between word `k - 1` and word `k`.
    fn sep(&self, k: usize) -> &'a str {
        let from = if k == 0 { 0 } else { self.toks[k - 1].1 };
        &self.text[from..self.toks[k].0]
    }

    /// The text between word `k` and the next.
    fn after(&self, k: usize) -> &'a str {
        let to = self.toks.get(k + 1).map_or(self.text.len(), |t| t.0);
        &self.text[self.toks[k].1..to]
    }

    fn spaced_after(&self, k: usize) -> bool {
        k + 1 < self.toks.len() && self.after(k).chars().all(char::is_whitespace)
    }

    fn spaced_before(&self, k: usize) -> bool {
        k > 0 && self.sep(k).chars().all(char::is_whitespace)
    }

    /// True when an event noun follows word `k` within a few words of the same clause.
    fn event_noun_follows(&self, k: usize) -> bool {
        (k + 1..self.toks.len().min(k + 6))
            .take_while(|&j| !self.sep(j).contains([',', ';', ':', '(', ')']))
            .any(|j| self.w.event_nouns.contains(&self.folded[j]))
    }

    /// A qualifier ending right before word `k` ("more than" 100), as written.
    fn qualifier(&self, k: usize) -> Option<(usize, String)> {
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

/// A number found at a word: (number, kind, first word, last word).
type Found = (u64, ValueKind, usize, usize);

/// The number starting at word `k`, if any.
fn number_at(s: &Scan, k: usize) -> Option<Found> {
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
    if let Some(v) = digit_ordinal(tok) {
        return Some((v, ValueKind::Ordinal, k, k));
    }
    if let Some(i) = word_number(&w.ordinal_words)
        && (next_cap || s.event_noun_follows(k))
    {
        return Some((i as u64 + 1, ValueKind::Ordinal, k, k));
    }
    let next_is_noun = |last: usize| {
        s.spaced_after(last)
            && s.tok(last + 1).chars().all(char::is_lowercase)
            && !w.boundaries.contains(&s.folded[last + 1])
            && !w.not_nouns.contains(&s.folded[last + 1])
    };
    if let Some(i) = word_number(&w.cardinal_words)
        && next_is_noun(k)
        && !(k > 0 && capitalised(s.tok(k)) && s.spaced_before(k))
    {
        return Some((i as u64 + 1, ValueKind::Count, k, k + 1));
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
    let is_month = |t: Option<&str>| t.is_some_and(|t| t.len() >= 3 && parse_month(t).is_some());
    Some(if s.spaced_before(k) && is_month(prev) {
        (number, ValueKind::Date, k - 1, last)
    } else if s.spaced_after(last) && is_month(next) {
        (number, ValueKind::Date, k, last + 1)
    } else if tok.len() == 4 && (1800..=2100).contains(&number) && last == k {
        (number, ValueKind::Year, k, last)
    } else if s.spaced_before(k)
        && prev.is_some_and(capitalised)
        && !w.skip.contains(&s.folded[k - 1])
        && !w.boundaries.contains(&s.folded[k - 1])
    {
        (number, ValueKind::Label, k - 1, last)
    } else if next_is_noun(last) {
        (number, ValueKind::Count, k, last + 1)
    } else {
        (number, ValueKind::Count, k, last)
    })
}

/// The context of a value within its clause: an ordinal names what follows it ("8th …
/// Exchange"), a label what precedes it ("Engineering Unit Rotation 4", capitalised
/// words only); counts take both sides. Returns the stems and the span of words.
fn context(
    s: &Scan,
    (kind, first, last): (ValueKind, usize, usize),
) -> (BTreeSet<String>, (usize, usize)) {
    let w = s.w;
    let is_stop = |j: usize, between: &str| {
        between.contains([',', ';', ':', '(', ')', '[', ']', '—'])
            || w.boundaries.contains(&s.folded[j])
            || s.folded[j].chars().any(|c| c.is_ascii_digit())
    };
    let mut context = BTreeSet::new();
    let mut span = (first, last);
    let before = |context: &mut BTreeSet<String>, span: &mut (usize, usize)| {
        let (mut j, mut taken) = (first, 0);
        while j > 0 && taken < 3 && !is_stop(j - 1, s.sep(j)) {
            j -= 1;
            if kind == ValueKind::Label && !capitalised(s.tok(j)) {
                break;
            }
            if !w.skip.contains(&s.folded[j]) && !s.folded[j].is_empty() {
                context.insert(stem(&s.folded[j]));
                taken += 1;
                span.0 = j;
            }
        }
    };
    let after = |context: &mut BTreeSet<String>, span: &mut (usize, usize)| {
        let (mut j, mut taken) = (last, 0);
        while j + 1 < s.toks.len() && taken < 7 && !is_stop(j + 1, s.after(j)) {
            j += 1;
            if !w.skip.contains(&s.folded[j]) && !s.folded[j].is_empty() {
                context.insert(stem(&s.folded[j]));
                taken += 1;
                span.1 = j;
            }
        }
    };
    match kind {
        ValueKind::Ordinal => {
            after(&mut context, &mut span);
            if context.is_empty() {
                before(&mut context, &mut span);
            }
        }
        ValueKind::Label => {
            before(&mut context, &mut span);
            if context.is_empty() {
                after(&mut context, &mut span);
            }
        }
        _ => {
            before(&mut context, &mut span);
            after(&mut context, &mut span);
        }
    }
    (context, span)
}

/// Every number of a sentence worth comparing.
pub fn values(sentence: usize, text: &str, lex: &Lexicon) -> Vec<Value> {
    let s = Scan::new(text, lex);
    let mut out = Vec::new();
    let mut k = 0;
    while k < s.toks.len() {
        let Some((number, kind, first, last)) = number_at(&s, k) else {
            k += 1;
            continue;
        };
        out.push(value(&s, sentence, (number, kind, first, last)));
        k = last + 1;
    }
    out
}

/// The value found at words `first..=last`, with its context.
fn value(s: &Scan, sentence: usize, (number, kind, first, last): Found) -> Value {
    let start = s.toks[first].0;
    let mut end = s.toks[last].1;
    if s.text[end..].starts_with('%') {
        end += 1;
    }
    let (mut context, span) = context(s, (kind, first, last));
    let label = (kind == ValueKind::Label).then(|| s.folded[first].clone());
    let noun = (kind == ValueKind::Count && last > first).then(|| stem(s.word_of(last)));
    for word in &s.folded[first..=last] {
        if !word.chars().any(|c| c.is_ascii_digit()) && !word.is_empty() {
            context.insert(stem(word));
        }
    }
    let text = s.text;
    let before = text[s.toks[span.0].0..start].trim();
    let behind = text[end.min(s.toks[span.1].1)..s.toks[span.1].1.max(end)].trim();
    let what = match (before.is_empty(), behind.is_empty()) {
        (false, false) => format!("{before} … {behind}"),
        (false, true) => before.to_owned(),
        (true, _) => behind.to_owned(),
    };
    let phrase = text[s.toks[span.0].0.min(start)..s.toks[span.1].1.max(end)].to_owned();
    let parties = (span.0.min(first)..=span.1.max(last))
        .filter(|&j| s.linked[j])
        .map(|j| s.word_of(j).to_owned())
        .collect();
    let number_end = if kind == ValueKind::Count && last > first {
        s.toks[last - 1].1
    } else {
        end
    };
    let amount = match (kind, s.qualifier(first)) {
        (ValueKind::Count, Some((_, q))) => format!("{q} {}", &text[start..number_end]),
        _ => text[start..number_end].to_owned(),
    };
    Value {
        sentence,
        start,
        end,
        display: text[start..end].to_owned(),
        amount,
        number,
        kind,
        label,
        noun,
        context,
        what,
        phrase,
        parties,
    }
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
    fn spelled_out_numbers_and_qualifiers() {
        use ValueKind::*;
        let v = vals("It held the seventh such exchange with five neighbouring armies.");
        let got: Vec<(&str, u64, ValueKind)> = v
            .iter()
            .map(|v| (v.display.as_str(), v.number, v.kind))
            .collect();
        assert_eq!(
            got,
            [("seventh", 7, Ordinal), ("five neighbouring", 5, Count)]
        );
        let v = vals("Ties now reach more than 100 countries.");
        assert_eq!(v[0].amount, "more than 100");
        assert_eq!(v[0].noun.as_deref(), Some("country"));
        assert_eq!(vals("It has ties with 110 countries.")[0].key(), v[0].key());
        // "first" before a lower-case word that is no event is not an edition.
        assert!(shown("for the first time in the first half").is_empty());
    }

    #[test]
    fn editions_are_ordinals_and_edition_labels() {
        let v = vals("Decree 79 set up Rotation 3 and the 2nd Forum.");
        let ed: Vec<bool> = v.iter().map(Value::is_edition).collect();
        assert_eq!(ed, [false, true, true]);
    }

    #[test]
    fn skips_numbers_inside_names_and_codes() {
        assert!(shown("Decree 234/2025/ND-CP covers COVID-19 and Level-2 care.").is_empty());
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
            "more than",
            "over 5",
            "first",
            "Five",
            "five",
        ] {
            let _ = vals(s);
        }
    }
}
