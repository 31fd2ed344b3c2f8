//! Organisations by head noun: capitalised runs headed by Ministry, Department,
//! Commission, Committee, Army, … with an optional "of/for/on …" complement.

use super::super::candidate::Candidate;
use super::super::titles::Titles;
use super::triggers::{Hits, Words};
use super::words::ORG_HEADS as HEADS;
use super::{CAP, skip_leading, trim_trailing};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

/// The pattern, anchored at the start of the capitalised run before a head (so the
/// text is scanned once, by the trigger automaton).
fn compiled() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        super::build_regex(&format!(
            r"^(?:{CAP}\s+(?:and\s+)?){{0,5}}(?:{HEADS})(?-u:\b)(?:\s+(?:of|for|on)\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP})*){{0,3}}"
        ))
        .expect("org regex is valid")
    })
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
    HEADS.split('|').any(|h| {
        before
            .strip_suffix(h)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ',']))
    }) || HEADS.split('|').any(|h| h == word)
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
    let regex = compiled();
    let mut done = 0;
    for &(head, _) in hits.words(Words::OrgHead) {
        if head < done {
            continue;
        }
        let from = run_start(text, head).max(done);
        let Some(m) = regex.find(&text[from..]) else {
            continue;
        };
        done = from + m.end();
        let s = m.as_str();
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
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn heads_and_complements() {
        assert_eq!(
            orgs("The Department of Foreign Relations under the ministry"),
            ["Department of Foreign Relations"]
        );
        assert_eq!(
            orgs("the General Political Department said"),
            ["General Political Department"]
        );
        assert_eq!(
            orgs("advised the Ministry of Industry and Trade on"),
            ["Ministry of Industry and Trade"]
        );
        assert_eq!(
            orgs("the Thai Royal Armed Forces"),
            ["Thai Royal Armed Forces"]
        );
    }

    #[test]
    fn runs_with_and_chains_and_a_title_after() {
        assert_eq!(
            orgs("the Central Science and Technology Commission met"),
            ["Central Science and Technology Commission"]
        );
        assert_eq!(
            orgs("the Committee for Culture of the National Assembly said"),
            ["Committee for Culture of the National Assembly"]
        );
        assert_eq!(
            orgs("Director of the Vietnam Department of Mine Action Col. Le Van Tam"),
            ["Vietnam Department of Mine Action"]
        );
        assert_eq!(
            orgs("the Ministry of Defence’s officers"),
            ["Ministry of Defence"]
        );
    }

    #[test]
    fn bare_heads_are_not_orgs() {
        assert!(orgs("The Ministry said the Army and the Party agreed.").is_empty());
        assert!(orgs("the Provincial Party Committee and the Standing Committee").is_empty());
        assert_eq!(
            orgs("the State and Central Highlands Steering Committee and Ministry of Health"),
            ["Central Highlands Steering Committee", "Ministry of Health"]
        );
        assert_eq!(
            orgs("the Navy, Coast Guard and Air Force"),
            ["Coast Guard", "Air Force"]
        );
    }
}
