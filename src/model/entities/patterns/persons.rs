//! Persons introduced by a rank or office ("Sen. Lt. Gen. Hoang Xuan Chien",
//! "Minister of Finance Nguyen Van Thang") and credited in bylines ("Translated by X").

use super::super::candidate::Candidate;
use super::super::titles::{Title, Titles};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

const NAME_WORD: &str = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]+)?";

struct Compiled {
    titles: aho_corasick::AhoCorasick,
    titled: Regex,
    title: Regex,
    byline: Regex,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let alt = Titles::embedded().alternation();
        let titled = format!(
            r"^(?P<t>(?:(?:{alt})\s+)+)(?P<n>{NAME_WORD}(?:[ \u{{a0}}]{NAME_WORD}){{0,3}})"
        );
        Compiled {
            titles: super::triggers(&Titles::embedded().spellings),
            titled: super::build_regex(&titled).expect("title regex is valid"),
            title: super::build_regex(&format!(r"^(?:{alt})")).expect("title regex is valid"),
            byline: super::build_regex(&format!(
                r"(?-u:\b)(?P<v>Translated|Written|Reported|Compiled|Edited|Photos?)\s+by\s+(?P<n>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
            ))
            .expect("byline regex is valid"),
        }
    })
}

/// Titled persons and byline credits in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    let c = compiled();
    let titles = Titles::embedded();
    let mut done = 0;
    for (at, _) in super::trigger_hits(&c.titles, text) {
        if at < done {
            continue;
        }
        // Anchored at a title: only the words after it are read.
        let Some(m) = c.titled.captures(&text[at..]) else {
            continue;
        };
        let (Some(t), Some(n)) = (m.name("t"), m.name("n")) else {
            continue;
        };
        done = at + n.end();
        let Some(name_end) = name_end(n.as_str(), titles) else {
            continue;
        };
        let name_start = at + n.start();
        let mut cand = Candidate::new(
            EntityKind::Person,
            name_start,
            name_start + name_end,
            &n.as_str()[..name_end],
        );
        cand.cover = (at + t.start(), name_start + name_end);
        let mut rest = t.as_str();
        while let Some(tm) = c.title.find(rest) {
            let spelling = tm.as_str();
            match titles.classify(spelling) {
                Title::Rank(r) => cand.rank = cand.rank.or_else(|| Some(r.to_owned())),
                Title::Office => cand.office = cand.office.or_else(|| Some(spelling.to_owned())),
            }
            rest = rest[tm.end()..].trim_start();
        }
        out.push(cand);
    }
    if !text.contains(" by ") {
        return;
    }
    for m in c.byline.captures_iter(text) {
        let (Some(v), Some(n)) = (m.name("v"), m.name("n")) else {
            continue;
        };
        let Some(end) = name_end(n.as_str(), titles) else {
            continue;
        };
        let mut cand = Candidate::new(
            EntityKind::Person,
            n.start(),
            n.start() + end,
            &n.as_str()[..end],
        );
        cand.cover = (v.start(), n.start() + end);
        cand.role = Some(match v.as_str() {
            "Translated" => "translator",
            "Written" => "author",
            "Reported" => "reporter",
            "Compiled" => "compiler",
            "Edited" => "editor",
            _ => "photographer",
        });
        out.push(cand);
    }
}

/// The length of the name part before the first word that is never a name.
fn name_end(name: &str, titles: &Titles) -> Option<usize> {
    let mut end = 0;
    for (i, w) in name.split([' ', '\u{a0}']).enumerate() {
        if titles.is_not_name(w) {
            break;
        }
        end = if i == 0 { w.len() } else { end + 1 + w.len() };
    }
    (end > 0).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|c| (c.name, c.rank, c.office))
            .collect()
    }

    #[test]
    fn rank_and_office_are_attributes() {
        let p = persons(
            "Deputy Minister of National Defence Senior Lieutenant General Hoang Xuan Chien spoke.",
        );
        assert_eq!(
            p,
            [(
                "Hoang Xuan Chien".into(),
                Some("Senior Lieutenant General".into()),
                Some("Deputy Minister of National Defence".into())
            )]
        );
        let p = persons("Rear Admiral Tran Thanh Nghiem and Maj. Gen. Le Van Tam met.");
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].1.as_deref(), Some("Major General"));
    }

    #[test]
    fn abbreviations_and_short_forms() {
        assert_eq!(
            persons("Sen. Lt.Gen. Pham Hoai Nam said")[0].1.as_deref(),
            Some("Senior Lieutenant General")
        );
        assert_eq!(persons("Gen. Nam praised the units")[0].0, "Nam");
        assert_eq!(
            persons("Minister of Finance Ho Duc Phoc said")[0]
                .2
                .as_deref(),
            Some("Minister of Finance")
        );
    }

    #[test]
    fn generic_titles_are_not_persons() {
        assert!(persons("The Deputy Minister also highlighted the Party and State.").is_empty());
        assert!(persons("the General Political Department and General Staff").is_empty());
        assert!(persons("the Minister on Thursday").is_empty());
    }

    #[test]
    fn bylines_carry_a_role() {
        let mut out = Vec::new();
        find("Translated by Minh Anh", &mut out);
        assert_eq!(out[0].name, "Minh Anh");
        assert_eq!(out[0].role, Some("translator"));
    }
}
