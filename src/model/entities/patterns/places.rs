//! Places named by their administrative noun: "Ba Dinh district", "Kratie Province",
//! "the central province of Quang Tri", "the Huu Nghi International Border Gate" (the
//! gate's locality), "Guangxi Zhuang Autonomous Region".

use super::super::candidate::Candidate;
use super::super::folded::is_mark;
use super::super::titles::Titles;
use super::triggers::{Hits, Words};
use crate::model::entity::EntityKind;

/// Words that describe a place without naming it ("Central Highland province").
const DESCRIPTORS: &[&str] = &[
    "Central",
    "Highland",
    "Highlands",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "North",
    "South",
    "East",
    "West",
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
    "Mountainous",
    "Coastal",
    "Border",
    "Mekong",
    "Delta",
    "Capital",
    "Provincial",
    "Municipal",
    "Rural",
];

/// Place candidates in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Place candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let titles = Titles::embedded();
    for &(at, end) in hits.words(Words::PlaceAfter) {
        let Some(stop) = text[..at].strip_suffix(' ').map(str::len) else {
            continue;
        };
        let start = name_start(text, stop, titles);
        if start >= stop {
            continue;
        }
        let noun = &text[at..end];
        let end = if super::words::PLACE_KEPT.contains(&noun) {
            end
        } else {
            stop
        };
        out.push(Candidate::new(
            EntityKind::Place,
            start,
            end,
            &text[start..end],
        ));
    }
    for &(_, end) in hits.words(Words::PlaceBefore) {
        let Some(from) = text[end..].strip_prefix(' ').map(|_| end + 1) else {
            continue;
        };
        let stop = run_end(text, from, titles);
        if stop > from {
            out.push(Candidate::new(
                EntityKind::Place,
                from,
                stop,
                &text[from..stop],
            ));
        }
    }
}

/// True for a word of a place name: capitalised, not a descriptor, not a word that
/// never names ("Party", "Border").
fn place_word(word: &str, titles: &Titles) -> bool {
    word.starts_with(char::is_uppercase)
        && !DESCRIPTORS.contains(&word)
        && !titles.is_not_name(word)
        && !word.ends_with(['\'', '’'])
        && !word.ends_with("’s")
        && !word.ends_with("'s")
}

/// True for a character of a word (letters, digits, marks, apostrophes).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\'' | '’')
}

/// The start of the run of up to four place words, joined by spaces, that ends at
/// `stop`. A possessive before it ends it ("Laos’ Attapeu").
fn name_start(text: &str, stop: usize, titles: &Titles) -> usize {
    let mut start = stop;
    for words in 0..4 {
        let mut before = &text[..start];
        if words > 0 {
            match before.strip_suffix(' ') {
                Some(b) => before = b,
                None => break,
            }
        }
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !word_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        // "He" (river) closes Chinese place names; alone it is the pronoun.
        let closing = words == 0 && CLOSING.contains(&word);
        if word.is_empty() || !closing && !place_word(word, titles) {
            break;
        }
        start = word_start;
    }
    // Part of a hyphenated compound ("Arts-Crafts Village") is no place's name.
    if CLOSING.contains(&&text[start..stop]) || text[..start].ends_with(['-', '–']) {
        return stop;
    }
    start
}

/// Words that end a place's name but never begin a sentence's subject before a
/// place noun on their own ("the Tian Bao border gate").
const CLOSING: &[&str] = &["He", "Shan", "Hu"];

/// The end of the run of up to four place words, joined by spaces, from `from`.
fn run_end(text: &str, from: usize, titles: &Titles) -> usize {
    let mut end = from;
    let mut pos = from;
    for _ in 0..4 {
        let rest = &text[pos..];
        let len = rest.find(|c: char| !word_char(c)).unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches("’s").trim_end_matches("'s");
        if word.is_empty() || !place_word(word, titles) {
            break;
        }
        end = pos + word.len();
        if word.len() < len || !text[end..].starts_with(' ') {
            break;
        }
        pos = end + 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn names_before_admin_nouns() {
        assert_eq!(
            places("in Muong Nhe district of the northern province of Dien Bien"),
            ["Muong Nhe", "Dien Bien"]
        );
        assert_eq!(
            places("Laos’ Sekong Province and Cambodia’s Koh Kong province"),
            ["Sekong", "Koh Kong"]
        );
        assert_eq!(
            places("at the Tay Trang International Border Gate"),
            ["Tay Trang"]
        );
        assert_eq!(
            places("near the Shui Kou He border gate of"),
            ["Shui Kou He"]
        );
        assert!(places("He district officials").is_empty());
        assert_eq!(places("ships anchored in Manila Bay"), ["Manila Bay"]);
        assert_eq!(
            places("the Ningxia Hui Autonomous Region and Thua Thien – Hue province"),
            ["Ningxia Hui Autonomous Region", "Hue"]
        );
    }

    #[test]
    fn descriptors_are_not_places() {
        assert!(places("the Central Highland province of").is_empty());
        assert!(places("the Party and State and the border gate").is_empty());
        assert!(places("the Arts-Crafts Village and").is_empty());
    }
}
