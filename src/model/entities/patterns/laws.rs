//! Legal documents: numbered decrees, resolutions, conclusions ("Decree 234/2025/NĐ-CP",
//! "Resolutions 57, 59 and 68") and named laws ("the Law on National Defence").

use super::super::candidate::Candidate;
use super::triggers::{Any, Hits};
use super::words::LAW_KINDS as KINDS;
use super::{CAP, trim_trailing};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

struct Compiled {
    numbered: Regex,
    list: Regex,
    number: Regex,
    named: Regex,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        numbered: super::build_regex(&format!(
            r"(?-u:\b)(?P<k>{KINDS})\s+(?:No\.?\s*)?(?P<num>\d+(?:[/-][\p{{L}}\d]+)*)"
        ))
        .expect("law regex is valid"),
        list: super::build_regex(&format!(
            r"(?-u:\b)(?P<k>(?:{KINDS})s)\s+(?:Nos?\.?\s*)?(?P<nums>\d+(?:(?:,\s*|,?\s+and\s+)\d+)+)"
        ))
        .expect("law list regex is valid"),
        number: super::build_regex(r"\d+").expect("number regex is valid"),
        named: super::build_regex(&format!(
            r"(?-u:\b)(?:Law|Ordinance) on\s+(?:the\s+)?{CAP}(?:\s+(?:{CAP}|in|of|and|on|for|the))*"
        ))
        .expect("named law regex is valid"),
    })
}

/// Law candidates in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Law candidates in `text`, whose trigger hits are `hits`: the patterns run only where
/// one of the words they all need occurs.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    if !hits.any(Any::Law) {
        return;
    }
    let c = compiled();
    for m in c.numbered.captures_iter(text) {
        let (Some(k), Some(num)) = (m.name("k"), m.name("num")) else {
            continue;
        };
        let name = format!("{} {}", k.as_str(), num.as_str());
        let whole = m
            .get(0)
            .map_or((k.start(), num.end()), |w| (w.start(), w.end()));
        out.push(Candidate::new(EntityKind::Law, whole.0, whole.1, &name));
    }
    for m in c.list.captures_iter(text) {
        let (Some(k), Some(nums)) = (m.name("k"), m.name("nums")) else {
            continue;
        };
        let singular = k.as_str().trim_end_matches('s');
        for (i, n) in c.number.find_iter(nums.as_str()).enumerate() {
            let start = if i == 0 {
                k.start()
            } else {
                nums.start() + n.start()
            };
            let end = nums.start() + n.end();
            out.push(Candidate::new(
                EntityKind::Law,
                start,
                end,
                &format!("{singular} {}", n.as_str()),
            ));
        }
    }
    for m in c.named.find_iter(text) {
        let name = trim_trailing(m.as_str());
        out.push(Candidate::new(
            EntityKind::Law,
            m.start(),
            m.start() + name.len(),
            name,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laws(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn numbered_documents() {
        assert_eq!(
            laws("under Decree 234/2025/NĐ-CP of 27 August"),
            ["Decree 234/2025/NĐ-CP"]
        );
        assert_eq!(
            laws("Resolution No. 57-NQ/TW on science"),
            ["Resolution 57-NQ/TW"]
        );
        assert_eq!(laws("Conclusion 35 was adopted."), ["Conclusion 35"]);
    }

    #[test]
    fn lists_give_one_law_each() {
        let l = laws("the Politburo's Resolutions 57, 59, 66, and 68 focus");
        assert_eq!(
            l,
            [
                "Resolution 57",
                "Resolution 59",
                "Resolution 66",
                "Resolution 68"
            ]
        );
    }

    #[test]
    fn named_laws() {
        assert_eq!(
            laws("the Law on Participation in United Nations Peacekeeping Operations and"),
            ["Law on Participation in United Nations Peacekeeping Operations"]
        );
        assert_eq!(
            laws("amending the Law on the People's Army of Laos."),
            ["Law on the People's Army of Laos"]
        );
    }
}
