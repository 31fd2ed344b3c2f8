//! Display labels for events, shared by the CLI and the TUI.

use crate::model::corpus::Corpus;
use crate::model::event::Event;

/// When an event took place: its date, else its period, else "~" and the period (or
/// date) of the first article that reports it, else "—".
pub fn when(corpus: &Corpus, e: &Event) -> String {
    if let Some(d) = e.date {
        return d.to_string();
    }
    if let Some(p) = e.period {
        return p.to_string();
    }
    e.documents
        .iter()
        .filter_map(|&i| corpus.documents.get(i as usize))
        .find_map(|d| {
            d.period
                .map(|p| p.to_string())
                .or(d.event_date.or(d.published).map(|x| x.to_string()))
        })
        .map_or_else(|| "—".to_owned(), |w| format!("~{w}"))
}

/// Small words left lower-case inside a title.
const SMALL: &[&str] = &[
    "of", "and", "the", "on", "in", "for", "to", "a", "an", "at", "by", "with",
];

/// The series and edition, title-cased for reading ("Vietnam-China Border Defence
/// Friendship Exchange #9"); "" when the event has neither.
pub fn series(e: &Event) -> String {
    let title = e
        .series
        .as_deref()
        .map(|s| respell(&title_case(s), &e.name))
        .unwrap_or_default();
    match e.ordinal {
        Some(n) if title.is_empty() => format!("#{n}"),
        Some(n) => format!("{title} #{n}"),
        None => title,
    }
}

/// Capitalises each word (and each part of a hyphenated word) except small words
/// after the first.
fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL.contains(&w) {
                return w.to_owned();
            }
            w.split('-').map(capitalise).collect::<Vec<_>>().join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Takes each word's spelling from the event's name where the name has it, so series
/// keys (folded, lower-case) read "ASEAN" rather than "Asean".
fn respell(title: &str, name: &str) -> String {
    let is_sep = |c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—');
    let spelled: Vec<&str> = name.split(is_sep).filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(title.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let better = spelled.iter().find(|s| s.eq_ignore_ascii_case(word));
        out.push_str(better.map_or(word.as_str(), |s| s));
        word.clear();
    };
    for c in title.chars() {
        if is_sep(c) {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_labels_read_as_titles() {
        assert_eq!(
            title_case("vietnam-china border defence friendship exchange"),
            "Vietnam-China Border Defence Friendship Exchange"
        );
        assert_eq!(
            title_case("anniversary of national day"),
            "Anniversary of National Day"
        );
        assert_eq!(
            title_case("level-2 field hospital rotation"),
            "Level-2 Field Hospital Rotation"
        );
        assert_eq!(title_case(""), "");
        assert_eq!(
            respell(
                &title_case("asean-japan defence meeting"),
                "the ASEAN–Japan Defence Meeting"
            ),
            "ASEAN-Japan Defence Meeting"
        );
    }
}
