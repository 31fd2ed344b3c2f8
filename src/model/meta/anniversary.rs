//! Anniversaries as year evidence: "the 80th anniversary of National Day" → 1945 + 80 = 2025.

use crate::model::date::Date;
use crate::model::text::fold;
use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Entry {
    name: String,
    date: String,
    aliases: Vec<String>,
    exclude: Vec<String>,
}

#[derive(Deserialize)]
struct AnniversaryFile {
    anniversaries: Vec<Entry>,
}

/// A commemorated event with its base date.
struct Anniversary {
    name: String,
    date: Date,
    aliases: Vec<String>,
    exclude: Vec<String>,
}

/// A year implied by an anniversary named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnniversaryYear {
    /// The year being celebrated.
    pub year: i32,
    /// The words of the text ("80th anniversary of").
    pub evidence: String,
    /// The commemorated event, from the data file.
    pub name: String,
    /// The month of the anniversary day.
    pub month: u8,
    /// Byte offset of the words in the text.
    pub start: usize,
    /// True when the text speaks of it as still to come ("prepare for the 80th
    /// anniversary"); set by the caller, which knows the sentence's tense.
    pub ahead: bool,
}

/// Folds case and diacritics and unifies apostrophes, dashes and spacing, so
/// "Vietnam’s National Day" and "Việt Nam – Laos" match the data file's aliases.
pub fn normalise(s: &str) -> String {
    let folded: String = fold(s)
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '–' | '—' | '‑' => '-',
            c => c,
        })
        .collect();
    let spaced = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    spaced.replace(" - ", "-").replace("viet nam", "vietnam")
}

/// Builds the table, its finder and pattern now rather than on the first text.
pub(super) fn prepare() {
    alias_finder();
    pattern();
}

fn table() -> &'static [Anniversary] {
    static TABLE: OnceLock<Vec<Anniversary>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: AnniversaryFile =
            serde_json::from_str(include_str!("../../../assets/anniversaries.json"))
                .expect("assets/anniversaries.json is valid (checked by a test)");
        file.anniversaries
            .into_iter()
            .filter_map(|e| {
                Some(Anniversary {
                    date: Date::parse_iso(&e.date)?,
                    name: e.name,
                    aliases: e.aliases.iter().map(|a| normalise(a)).collect(),
                    exclude: e.exclude.iter().map(|a| normalise(a)).collect(),
                })
            })
            .collect()
    })
}

/// One automaton over every alias of the table, in table order (anniversary by
/// anniversary, alias by alias), so a window is read once to learn which aliases occur.
fn alias_finder() -> &'static AhoCorasick {
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    FINDER.get_or_init(|| {
        AhoCorasick::new(table().iter().flat_map(|a| &a.aliases))
            .expect("anniversary aliases build an automaton")
    })
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::pattern(r"(?i)\b(\d{1,3})(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary\s+of\s+")
    })
}

/// Byte position of the first whole-word occurrence of `word` in `hay`.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        !is_word(hay[..i].chars().next_back()) && !is_word(hay[i + word.len()..].chars().next())
    })
}

/// The commemorated event the words after "anniversary of" name: the earliest alias
/// in the window wins, the longer one on a tie.
fn lookup(window: &str) -> Option<&'static Anniversary> {
    // Only aliases that occur somewhere are searched for as whole words.
    let mut occurs: Vec<bool> = table()
        .iter()
        .flat_map(|a| &a.aliases)
        .map(String::is_empty)
        .collect();
    for m in alias_finder().find_overlapping_iter(window) {
        if let Some(o) = occurs.get_mut(m.pattern().as_usize()) {
            *o = true;
        }
    }
    let mut best: Option<(usize, usize, &Anniversary)> = None;
    let mut occurs = occurs.into_iter();
    for a in table() {
        for alias in &a.aliases {
            if occurs.next() != Some(true) {
                continue;
            }
            let Some(pos) = find_word(window, alias) else {
                continue;
            };
            if a.exclude
                .iter()
                .any(|x| find_word(&window[..pos], x).is_some())
            {
                continue;
            }
            let better = best.is_none_or(|(p, l, _)| pos < p || (pos == p && alias.len() > l));
            if better {
                best = Some((pos, alias.len(), a));
            }
        }
    }
    best.map(|(_, _, a)| a)
}

/// Every anniversary in `text` that names a known commemorated event.
pub fn years(text: &str) -> Vec<AnniversaryYear> {
    let mut out = Vec::new();
    // A plain substring search skips most texts far faster than the pattern can.
    if !text.contains("nniversar") && !text.contains("NNIVERSAR") {
        return out;
    }
    for caps in pattern().captures_iter(text) {
        let (Some(whole), Some(n)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let Ok(n) = n.as_str().parse::<i32>() else {
            continue;
        };
        let mut cut = (whole.end() + 90).min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = normalise(&text[whole.end()..cut]);
        if let Some(a) = lookup(&window) {
            out.push(AnniversaryYear {
                year: a.date.year + n,
                evidence: whole.as_str().trim_end().to_owned(),
                name: a.name.clone(),
                month: a.date.month,
                start: whole.start(),
                ahead: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_of(text: &str) -> Option<i32> {
        years(text).first().map(|a| a.year)
    }

    #[test]
    fn data_file_loads_completely() {
        assert_eq!(table().len(), 13);
    }

    #[test]
    fn resolves_known_anniversaries() {
        assert_eq!(
            year_of("celebrating the 80th anniversary of Vietnam’s National Day (September 2)"),
            Some(2025)
        );
        assert_eq!(
            year_of("the 81st anniversary of the founding of the Vietnam People's Army"),
            Some(2025)
        );
        assert_eq!(
            year_of(
                "the 50th anniversary of the Liberation of the South and National Reunification"
            ),
            Some(2025)
        );
        assert_eq!(
            year_of("the 63rd anniversary of Việt Nam – Laos diplomatic relations"),
            Some(2025)
        );
        assert_eq!(
            year_of("the 30th anniversary of Vietnam's ASEAN membership"),
            Some(2025)
        );
        assert_eq!(
            year_of("the 58th founding anniversary of ASEAN"),
            Some(2025)
        );
    }

    #[test]
    fn skips_unknown_and_foreign_days() {
        assert_eq!(year_of("the 50th anniversary of Laos' National Day"), None);
        assert_eq!(year_of("the 10th anniversary of the local club"), None);
        assert_eq!(year_of("an anniversary of National Day"), None);
    }
}
