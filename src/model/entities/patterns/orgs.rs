//! Organisations by head noun: capitalised runs headed by Ministry, Department,
//! Commission, Committee, Army, … with an optional "of/for/on …" complement.

use super::super::candidate::Candidate;
use super::{CAP, skip_leading, trim_trailing};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

const HEADS: &str = "Ministry|Department|Commission|Committee|Assembly|Council|Army|Navy|Air Force|Coast Guard|Border Guard|Agency|Office|Secretariat|Bureau|Command|Academy|Institute|University|Corps|Division|Brigade|Regiment|Delegation|Union|Organisation|Organization|Association|Federation|Forces|Police|Court|Procuracy|Front|Corporation|Group|Headquarters|Museum";

fn regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        super::build_regex(&format!(
            r"(?:{CAP}\s+){{0,5}}(?:{HEADS})(?-u:\b)(?:\s+(?:of|for|on)\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP})*)?"
        ))
        .expect("org regex is valid")
    })
}

/// Organisation candidates in `text`; a bare head ("the Ministry") is not one.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    for m in regex().find_iter(text) {
        let s = m.as_str();
        let lead = skip_leading(s);
        let name = trim_trailing(&s[lead..]);
        // A bare head noun, or one preceded only by generic words, names nothing.
        if !name.contains(char::is_whitespace) {
            continue;
        }
        let start = m.start() + lead;
        out.push(Candidate::new(EntityKind::Org, start, start + name.len(), name));
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
        assert_eq!(orgs("The Department of Foreign Relations under the ministry"), ["Department of Foreign Relations"]);
        assert_eq!(orgs("the General Political Department said"), ["General Political Department"]);
        assert_eq!(orgs("advised the Ministry of Industry and Trade on"), ["Ministry of Industry and Trade"]);
        assert_eq!(orgs("the Thai Royal Armed Forces"), ["Thai Royal Armed Forces"]);
    }

    #[test]
    fn bare_heads_are_not_orgs() {
        assert!(orgs("The Ministry said the Army and the Party agreed.").is_empty());
    }
}
