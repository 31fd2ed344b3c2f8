//! Organisations by head noun: capitalised runs headed by Ministry, Department,
//! Commission, Committee, Army, … with an optional "of/for/on …" complement.

use super::super::candidate::Candidate;
use super::{CAP, run_start, skip_leading, trigger_hits, triggers, trim_trailing};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

const HEADS: &str = "Ministry|Department|Commission|Committee|Assembly|Council|Army|Navy|Air Force|Coast Guard|Border Guard|Agency|Office|Secretariat|Bureau|Command|Academy|Institute|University|Corps|Division|Brigade|Regiment|Delegation|Union|Organisation|Organization|Association|Federation|Forces|Police|Court|Procuracy|Front|Corporation|Group|Headquarters|Museum";

/// Head-noun triggers and the pattern, anchored at the start of the capitalised
/// run before a head (so the text is scanned once, by the trigger automaton).
fn compiled() -> &'static (aho_corasick::AhoCorasick, Regex) {
    static R: OnceLock<(aho_corasick::AhoCorasick, Regex)> = OnceLock::new();
    R.get_or_init(|| {
        let regex = super::build_regex(&format!(
            r"^(?:{CAP}\s+){{0,5}}(?:{HEADS})(?-u:\b)(?:\s+(?:of|for|on)\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP})*)?"
        ))
        .expect("org regex is valid");
        (triggers(HEADS.split('|')), regex)
    })
}

/// Organisation candidates in `text`; a bare head ("the Ministry") is not one.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    let (heads, regex) = compiled();
    let mut done = 0;
    for (head, _) in trigger_hits(heads, text) {
        if head < done {
            continue;
        }
        let from = run_start(text, head, 5, false).max(done);
        let Some(m) = regex.find(&text[from..]) else {
            continue;
        };
        done = from + m.end();
        let s = m.as_str();
        let lead = skip_leading(s);
        let name = trim_trailing(&s[lead..]);
        // A bare head noun, or one preceded only by generic words, names nothing.
        if !name.contains(char::is_whitespace) {
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
    fn bare_heads_are_not_orgs() {
        assert!(orgs("The Ministry said the Army and the Party agreed.").is_empty());
    }
}
