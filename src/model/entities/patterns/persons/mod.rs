//! Persons introduced by ranks, offices and honorifics ("Sen. Lt. Gen. Hoang Xuan
//! Chien", "Vice Chairman of the Central Military Commission Zhou Minghai",
//! "Deputy Prime Minister and Defence Minister Samdech Pichey Sena Kong
//! Rithy"), named before an office in apposition ("Liu Wenbo, a State Councillor"),
//! untitled Vietnamese full names, and credit lines ("Translated by X"), which are
//! found only so that their names are not taken for persons of the text.

use super::super::candidate::Candidate;
use super::super::titles::Titles;
use super::names::find_initialled;
use super::names::vietnamese::find_vietnamese;
use super::triggers::{Any, Hits, Words};
use crate::model::entity::EntityKind;
use apposition::apposition_before;
use spellings::{Read, compiled};
use titled::titled;

mod apposition;
mod spellings;
mod titled;

/// Builds the patterns now (see `entities::prepare`).
pub(super) fn prepare() {
    compiled();
}

/// Titled persons, names in apposition, untitled Vietnamese or initialled names and
/// credits in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Person candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let c = compiled();
    let titles = Titles::embedded();
    let mut done = 0;
    for &(at, _) in hits.words(Words::Title) {
        if let Some(cand) = apposition_before(text, at, c, titles) {
            out.push(cand);
        }
        if at < done {
            continue;
        }
        let mut read = Read::default();
        let Some((start, end)) = titled(text, at, 0, false, c, titles, &mut read) else {
            continue;
        };
        done = end;
        let mut cand = Candidate::new(EntityKind::Person, start, end, &text[start..end]);
        cand.rank = read.rank;
        cand.office = read.office;
        out.push(cand);
    }
    find_vietnamese(text, out);
    find_initialled(text, titles, out);
    if hits.any(Any::Credit) {
        super::credits::find(text, titles, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let mut out = Vec::new();
        find(text, &mut out);
        let kept = super::super::super::candidate::select(out);
        kept.into_iter()
            .filter(|c| c.role.is_none())
            .map(|c| (c.name, c.rank, c.office))
            .collect()
    }

    #[test]
    fn titles_match_as_their_regex_alternation_did() {
        let spellings = &Titles::embedded().spellings;
        let alt: Vec<String> = spellings.iter().map(|s| regex::escape(s)).collect();
        let regex = regex::Regex::new(&format!("^(?:{})", alt.join("|"))).unwrap();
        let c = compiled();
        let mut texts: Vec<String> = spellings
            .iter()
            .flat_map(|s| {
                [
                    s.clone(),
                    format!("{s} Nguyen"),
                    format!("{s}s"),
                    s.chars().skip(1).collect(),
                ]
            })
            .collect();
        texts.extend(
            [
                "Sen. Lt. Gen. Le",
                "Deputy Minister of National Defence Senior",
                "x",
                "",
            ]
            .map(str::to_owned),
        );
        for t in &texts {
            assert_eq!(c.title(t), regex.find(t).map(|m| m.end()), "{t:?}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        persons(text).into_iter().map(|p| p.0).collect()
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
    fn an_office_for_a_portfolio_comes_before_the_name() {
        assert_eq!(
            names("New Zealand's Minister for Defence Judith Collins arrived."),
            ["Judith Collins"]
        );
        assert_eq!(
            names("The Secretary of State for Defence John Healey spoke."),
            ["John Healey"]
        );
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
    fn offices_with_nationality_and_bodies() {
        assert_eq!(
            names("Japanese Defence Minister Kenji Watanabe arrived."),
            ["Kenji Watanabe"]
        );
        assert_eq!(
            names("talks with Vice Chairman of Mongolia’s General Staff Council Bat Erdene on"),
            ["Bat Erdene"]
        );
        assert_eq!(
            names("the President of Peru Luisa Ramos and the Secretary of Defense Tom Hale"),
            ["Luisa Ramos", "Tom Hale"]
        );
        assert_eq!(
            names("Deputy Director of the Border Guard Department Col. Vo Minh Tri said"),
            ["Vo Minh Tri"]
        );
        assert_eq!(
            names("Secretary of the Da Nang City Party Committee Le Ngoc Quang said"),
            ["Le Ngoc Quang"]
        );
        assert_eq!(
            names(
                "Vice Chairman of the Central Military Commission General He Jianping and General Secretary To Van Loc"
            ),
            ["He Jianping", "To Van Loc"]
        );
    }

    #[test]
    fn honorifics_are_stripped_and_offices_chain() {
        assert_eq!(
            names(
                "Deputy Prime Minister and Defence Minister Samdech Pichey Sena Kong Rithy attended."
            ),
            ["Kong Rithy"]
        );
        assert_eq!(
            names("Defence Minister Dato’ Seri Ahmad Rosli spoke."),
            ["Ahmad Rosli"]
        );
        assert_eq!(names("with Tan Sri Lim Boon Keat, and"), ["Lim Boon Keat"]);
        assert_eq!(
            names("President Ferdinand R. Marcos Jr. welcomed them."),
            ["Ferdinand R. Marcos Jr."]
        );
    }

    #[test]
    fn apposition_names_the_person_before_the_office() {
        assert_eq!(
            names("Meanwhile, Zhou Liang, a State Councillor and Minister of Defence, will lead"),
            ["Zhou Liang"]
        );
        assert_eq!(
            names("The delegation was led by Kim Dae-ho, Chief of the Joint Chiefs of Staff."),
            ["Kim Dae-ho"]
        );
        assert!(names("In Hanoi, President Vo Van Minh said").contains(&"Vo Van Minh".to_owned()));
    }

    #[test]
    fn apposition_after_a_ranked_name_drops_the_rank() {
        assert_eq!(
            names("a talk by Rear Admiral Vo Van Tuan, Commander of the Navy."),
            ["Vo Van Tuan"]
        );
    }

    #[test]
    fn generic_titles_are_not_persons() {
        assert!(persons("The Deputy Minister also highlighted the Party and State.").is_empty());
        assert!(persons("the General Political Department and General Staff").is_empty());
        assert!(persons("the Minister on Thursday").is_empty());
        assert!(persons("the Chairman of the Political Department of the Army, and").is_empty());
    }

    #[test]
    fn credits_carry_a_role_and_are_not_persons_of_the_text() {
        let mut out = Vec::new();
        find("Translated by Minh Anh", &mut out);
        assert_eq!(out[0].name, "Minh Anh");
        assert_eq!(out[0].role, Some("translator"));
        assert!(names("Photo: Tran Van Hung").is_empty());
    }
}
