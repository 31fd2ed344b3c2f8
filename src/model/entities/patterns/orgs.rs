//! Organisations by head noun: capitalised runs headed by Ministry, Department,
//! Commission, Committee, Army, … with an optional "of/for/on …" complement.

use super::super::candidate::Candidate;
use super::super::titles::Titles;
use super::shape::{ascii_boundary, cap_end, space_end, word_then_space};
use super::triggers::{Hits, Words};
use super::words::ORG_HEADS as HEADS;
use super::{skip_leading, trim_trailing};
use crate::model::entity::EntityKind;
use std::sync::OnceLock;

/// The end of the organisation pattern's match at `from`, the start of the capitalised
/// run before a head (so the text is scanned once, by the trigger automaton). The
/// pattern, matched as the regex `^(?:CAP\s+(?:and\s+)?){0,5}(?:HEADS)\b(?:\s+(?:of|for|on)\s+(?:the\s+)?CAP(?:\s+(?:and\s+)?CAP)*){0,3}`
/// would match it ([`super::CAP`]): up to five words before the head (the most
/// after which a head follows), then up to three complements; and for a mission abroad
/// (an embassy, consulate or attaché office) the "in …" of its host.
fn org_end(text: &str, from: usize) -> Option<usize> {
    // Where the head may start: after 0, 1, … 5 words.
    let mut starts = [from; 6];
    let mut words = 0;
    while words < 5 {
        let pos = starts[words];
        let Some(next) = cap_end(text, pos).and_then(|e| space_end(text, e)) else {
            break;
        };
        words += 1;
        starts[words] = word_then_space(text, next, "and").unwrap_or(next);
    }
    let mut end = (0..=words).rev().find_map(|k| head_end(text, starts[k]))?;
    for _ in 0..3 {
        match complement_end(text, end) {
            Some(e) => end = e,
            None => break,
        }
    }
    // A mission abroad is named with its host ("the Embassy of Vietnam in Laos").
    if MISSION_HEADS.iter().any(|h| text[from..end].contains(h))
        && let Some(e) = host_end(text, end)
    {
        end = e;
    }
    Some(end)
}

/// Names of a country's missions abroad, which are named with the place that hosts them.
const MISSION_HEADS: &[&str] = &["Embassy", "Consulate", "Attache Office", "Attaché Office"];

/// The end of an "in Name" complement after `at`: the place hosting a mission.
fn host_end(text: &str, at: usize) -> Option<usize> {
    let p = space_end(text, at)?;
    let p = word_then_space(text, p, "in")?;
    let mut end = cap_end(text, p)?;
    while let Some(e) = space_end(text, end).and_then(|q| cap_end(text, q)) {
        end = e;
    }
    Some(end)
}

/// The head nouns, in list order, split once (splitting at every lookup cost more
/// than the lookups).
fn heads() -> &'static [&'static str] {
    static H: OnceLock<Vec<&'static str>> = OnceLock::new();
    H.get_or_init(|| HEADS.split('|').collect())
}

/// The end of the first head (in list order) at `at` that ends at a word boundary.
fn head_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text.as_bytes()[at..];
    let first = *rest.first()?;
    heads()
        .iter()
        .find(|h| {
            h.as_bytes().first() == Some(&first)
                && rest.starts_with(h.as_bytes())
                && ascii_boundary(text, at + h.len())
        })
        .map(|h| at + h.len())
}

/// The end of an "of/for/on (the) Name (and) Name …" complement after `at`.
fn complement_end(text: &str, at: usize) -> Option<usize> {
    let p = space_end(text, at)?;
    let p = ["of", "for", "on"]
        .iter()
        .find_map(|w| word_then_space(text, p, w))?;
    let p = word_then_space(text, p, "the")
        .filter(|&q| cap_end(text, q).is_some())
        .unwrap_or(p);
    let mut end = cap_end(text, p)?;
    while let Some(q) = space_end(text, end) {
        let q = word_then_space(text, q, "and")
            .filter(|&r| cap_end(text, r).is_some() && !owns_a_body(text, r))
            .unwrap_or(q);
        match cap_end(text, q) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// True when the capitalised words at `at` hold a possessive ("Viet Nam’s Border Guard"):
/// after "and", they start a second body with its owner, not more of the first's name
/// ("the Ministry of National Defence and Viet Nam’s Border Guard").
fn owns_a_body(text: &str, at: usize) -> bool {
    let mut at = at;
    while let Some(end) = cap_end(text, at) {
        if text[..end].ends_with(['\'', '’'])
            || text[..end].ends_with("'s")
            || text[..end].ends_with("’s")
        {
            return true;
        }
        match space_end(text, end) {
            Some(next) => at = next,
            None => break,
        }
    }
    false
}

/// Words that name no body on their own ("the Standing Committee", "Party Committee").
const GENERIC: &[&str] = &[
    "Party",
    "Committee",
    "Committees",
    "Central",
    "Standing",
    "Provincial",
    "Executive",
    "Commission",
    "Council",
    "Command",
    "Military",
    "People's",
    "People’s",
    "Permanent",
    "Office",
    "Department",
    "Agency",
    "Union",
    "Group",
    "Delegation",
    "Forces",
    "Army",
    "Border",
    "Guard",
    "Police",
    "Local",
    "National",
    "Municipal",
    "District",
    "Steering",
    "Organising",
    "Organizing",
    "Ministry",
    "Ministries",
];

/// The start of the run of up to five capitalised words (joined by spaces or "and")
/// that ends right before `at`.
fn run_start(text: &str, at: usize) -> usize {
    let mut start = at;
    let mut pos = at;
    for _ in 0..6 {
        let Some(before) = text[..pos].strip_suffix(' ') else {
            break;
        };
        let word_start = before.rfind([' ', '(', '"']).map_or(0, |i| i + 1);
        let word = &before[word_start..];
        if word.ends_with([',', ';', ':', '.', ')']) {
            break;
        }
        if word.starts_with(char::is_uppercase) {
            start = word_start;
        } else if word != "and" || joins_bodies(&before[..word_start]) {
            break;
        }
        pos = word_start;
    }
    start
}

/// Months and weekdays: "on" before them starts a date, not a complement.
const DATES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// True when the word before an "and" ends a body's name of its own ("the Government
/// and National Assembly"): then "and" joins two bodies, not two words of one name.
fn joins_bodies(before: &str) -> bool {
    let before = before.trim_end();
    let word = before.rsplit(' ').next().unwrap_or("");
    heads().iter().any(|h| {
        before
            .strip_suffix(h)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ',']))
    }) || heads().contains(&word)
        || matches!(word, "Party" | "State" | "Government" | "Nation" | "People")
}

/// The name up to a rank or title written after it ("… Operations Col. Le Van A") or
/// a date ("… Defence on November 13").
fn before_title(name: &str) -> &str {
    let titles = Titles::embedded();
    let mut at = 0;
    let mut prev = "";
    let mut words = name.split(' ').peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches('.');
        // A rank opens a person's name only when a name word follows it: "General
        // Department" is a body's name.
        let next_is_name = words
            .peek()
            .is_some_and(|n| n.starts_with(char::is_uppercase) && !titles.is_not_name(n));
        let title = titles.is_abbreviation(bare) || titles.is_rank(word) && next_is_name;
        if at > 0 && title {
            return name[..at].trim_end();
        }
        if DATES.contains(&word) && matches!(prev, "on" | "of" | "for") {
            return name[..at - prev.len() - 1].trim_end();
        }
        prev = word;
        at += word.len() + 1;
    }
    name
}

/// Organisation candidates in `text`; a bare head ("the Ministry") is not one.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Organisation candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let mut done = 0;
    for &(head, _) in hits.words(Words::OrgHead) {
        if head < done {
            continue;
        }
        let mut from = run_start(text, head).max(done);
        // Right after the body before ("… Ministry of Culture and Laos’s Ministry of
        // Information"): past the space and the "and" between the two.
        if from == done && done > 0 {
            let p = space_end(text, from).unwrap_or(from);
            from = word_then_space(text, p, "and").unwrap_or(p);
        }
        let Some(end) = org_end(text, from) else {
            continue;
        };
        done = end;
        let s = &text[from..end];
        let lead = skip_leading(s);
        let name = before_title(&s[lead..]);
        // "… Committee and Ministry of Health": two bodies.
        let name = name
            .match_indices(" and ")
            .find(|(i, _)| joins_bodies(&name[..*i]))
            .map_or(name, |(i, _)| &name[..i]);
        let name = trim_trailing(name.trim_end_matches("’s").trim_end_matches("'s"));
        if name.len() < s.len() - lead {
            done = from + lead + name.len();
        }
        // A bare head noun, or one preceded only by generic words, names nothing.
        if !name.contains(char::is_whitespace) || name.split(' ').all(|w| GENERIC.contains(&w)) {
            continue;
        }
        let start = from + lead;
        out.push(Candidate::new(
            EntityKind::Org,
            start,
            start + name.len(),
            name,
        ));
    }
}

#[cfg(test)]
#[path = "orgs_tests.rs"]
mod tests;
