//! Persons introduced by ranks, offices and honorifics ("Sen. Lt. Gen. Hoang Xuan
//! Chien", "Vice Chairman of the Central Military Commission Zhou Minghai",
//! "Deputy Prime Minister and Defence Minister Samdech Pichey Sena Kong
//! Rithy"), named before an office in apposition ("Liu Wenbo, a State Councillor"),
//! untitled Vietnamese full names, and credit lines ("Translated by X"), which are
//! found only so that their names are not taken for persons of the text.

use super::super::candidate::Candidate;
use super::super::titles::{Title, Titles};
use super::names::vietnamese::find_vietnamese;
use super::names::{find_initialled, name_at, skip_space};
use super::triggers::{Any, Hits, Words};
use crate::model::entities::anchored::Longest;
use crate::model::entity::EntityKind;
use std::sync::OnceLock;

/// The title spellings, matched at a given offset: the longest one that starts there
/// (what the alternation of them all, longest first, matched as a regex).
struct Compiled {
    titles: Longest,
}

impl Compiled {
    /// The length of the longest title spelling at the start of `s`.
    fn title(&self, s: &str) -> Option<usize> {
        self.titles.at(s.as_bytes(), 0).map(|(_, end)| end)
    }
}

/// Builds the patterns now (see `entities::prepare`).
pub(super) fn prepare() {
    compiled();
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        titles: Longest::new(&Titles::embedded().spellings)
            .expect("title spellings build an automaton"),
    })
}

/// The titles read before a name.
#[derive(Default)]
struct Read {
    rank: Option<String>,
    office: Option<String>,
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

/// The name after the titles starting at `pos`: titles, each office optionally with an
/// "of …" complement, joined by spaces, commas or "and", then the name.
fn titled(
    text: &str,
    pos: usize,
    depth: usize,
    via_of: bool,
    c: &Compiled,
    titles: &Titles,
    read: &mut Read,
) -> Option<(usize, usize)> {
    if depth > 8 {
        return None;
    }
    if let Some(len) = c.title(&text[pos..]) {
        let spelling = &text[pos..pos + len];
        let end = pos + len;
        let whole_word = !text[end..].starts_with(char::is_alphanumeric) || spelling.ends_with('.');
        if whole_word {
            let kind = titles.classify(spelling);
            let mut attempt = Read {
                rank: read.rank.clone(),
                office: read.office.clone(),
            };
            match kind {
                Title::Rank(r) => attempt.rank = attempt.rank.or_else(|| Some(r.to_owned())),
                Title::Office => {
                    attempt.office = attempt.office.or_else(|| Some(spelling.to_owned()));
                }
                Title::Honorific => {}
            }
            if kind == Title::Office && text[end..].starts_with(" of ") {
                for b in complement_ends(text, end + 4, titles) {
                    let next = separator_end(text, b);
                    if let Some(found) =
                        titled(text, next, depth + 1, true, c, titles, &mut attempt)
                    {
                        *read = attempt;
                        return Some(found);
                    }
                }
            }
            let next = separator_end(text, end);
            if next > end
                && let Some(found) = titled(text, next, depth + 1, via_of, c, titles, &mut attempt)
            {
                *read = attempt;
                return Some(found);
            }
        }
    }
    if depth == 0 {
        return None;
    }
    // After a body's name, the name is the rest of the capitalised run: one word may
    // still be part of the body, and a name that stops inside the run is a body's.
    let (end, words) = name_at(text, pos, titles)?;
    let run_goes_on =
        skip_space(text, end).is_some_and(|n| text[n..].starts_with(char::is_uppercase));
    (!via_of || words > 1 && !run_goes_on).then_some((pos, end))
}

/// Where the body or country of an office's "of …" complement may end: after each of
/// its capitalised words, up to twelve words ("China’s Central Military Commission").
fn complement_ends(text: &str, start: usize, titles: &Titles) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut pos = start;
    for _ in 0..12 {
        let rest = &text[pos..];
        let len = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        let word = &rest[..len];
        let bare = word.trim_end_matches(['\'', '’']).trim_end_matches("’s");
        let bare = bare.trim_end_matches("'s");
        if word.starts_with(char::is_uppercase) {
            // A title word opens the next title, not the body's name.
            if !titles.is_title(bare) || titles.is_portfolio(bare) {
                ends.push(pos + len);
            }
        } else if !matches!(word, "the" | "and" | "of" | "for" | "on" | "-" | "–") {
            break;
        }
        match text[pos + len..].strip_prefix(' ') {
            Some(_) => pos += len + 1,
            None => break,
        }
    }
    ends
}

/// The offset after a separator between titles or before the name: a space, or a
/// comma and a space, optionally followed by "and ".
fn separator_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let sep = if rest.starts_with(", ") {
        2
    } else if rest.starts_with(' ') || rest.starts_with('\u{a0}') {
        rest.chars().next().map_or(1, char::len_utf8)
    } else {
        return at;
    };
    let after = &rest[sep..];
    if after.starts_with("and ") {
        at + sep + 4
    } else {
        at + sep
    }
}

/// A name of two words or more right before ", " (or ", a ", ", the ") and the office
/// at `at`: "Liu Wenbo, a State Councillor".
fn apposition_before(text: &str, at: usize, c: &Compiled, titles: &Titles) -> Option<Candidate> {
    let before = &text[..at];
    let before = ["a ", "an ", "the "]
        .iter()
        .find_map(|a| before.strip_suffix(a))
        .unwrap_or(before);
    let before = before.strip_suffix(", ")?;
    let spelling = &text[at..at + c.title(&text[at..])?];
    if titles.classify(spelling) != Title::Office {
        return None;
    }
    // The run of capitalised words that ends at the comma.
    let mut start = before.len();
    for _ in 0..5 {
        let word_start = before[..start]
            .trim_end_matches(' ')
            .rfind(' ')
            .map_or(0, |i| i + 1);
        let word = &before[word_start..start].trim_end();
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            break;
        }
        start = word_start;
        if word_start == 0 || !before[..word_start].ends_with(' ') {
            break;
        }
    }
    // Drop words that are never names ("Meanwhile, Li ...": the comma ends those) and
    // the rank or title in front ("Rear Admiral X, Commander of ...").
    while start < before.len() {
        if let Some(t) = c.title(&before[start..])
            && before[start + t..].starts_with(' ')
        {
            start += t + 1;
            continue;
        }
        match name_at(text, start, titles) {
            Some((end, words)) if end == before.len() && words >= 2 => {
                return Some(Candidate::new(
                    EntityKind::Person,
                    start,
                    end,
                    &text[start..end],
                ));
            }
            _ => start += before[start..].find(' ')? + 1,
        }
    }
    None
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
