//! Rank and office titles (assets/ranks.json): the words that introduce a person's
//! name and are kept as the person's `rank` and `office` attributes.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct RawRank {
    name: String,
    spellings: Vec<String>,
}

#[derive(Deserialize)]
struct RawTitles {
    ranks: Vec<RawRank>,
    offices: Vec<String>,
    office_heads: Vec<String>,
    portfolios: Vec<String>,
    of_heads: Vec<String>,
    honorifics: Vec<String>,
    not_name_words: Vec<String>,
}

/// What a title spelling stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title<'a> {
    /// A military rank, by canonical name.
    Rank(&'a str),
    /// An office, as written.
    Office,
    /// An honorific ("Samdech", "Dato'", "Mr."): stripped from the name, kept nowhere.
    Honorific,
}

/// The loaded titles.
#[derive(Debug)]
pub struct Titles {
    /// Every spelling (ranks and offices), longest first.
    pub spellings: Vec<String>,
    spelling_set: FxHashSet<String>,
    abbreviations: FxHashSet<String>,
    ranks: FxHashMap<String, String>,
    honorifics: FxHashSet<String>,
    /// Portfolios ("Defense", "Foreign Affairs"): an office's complement can end there.
    portfolios: FxHashSet<String>,
    not_name: FxHashSet<String>,
}

impl Titles {
    /// The embedded titles.
    pub fn embedded() -> &'static Titles {
        static T: OnceLock<Titles> = OnceLock::new();
        T.get_or_init(|| {
            Titles::from_json(include_str!("../../../assets/ranks.json"))
                .expect("assets/ranks.json is valid (checked by a test)")
        })
    }

    /// Parses a titles file.
    pub fn from_json(json: &str) -> anyhow::Result<Titles> {
        let raw: RawTitles = serde_json::from_str(json)?;
        let mut ranks = FxHashMap::default();
        for r in &raw.ranks {
            for s in &r.spellings {
                ranks.insert(s.clone(), r.name.clone());
            }
        }
        let mut spellings: Vec<String> = ranks.keys().cloned().collect();
        spellings.extend(raw.offices.iter().cloned());
        spellings.extend(raw.honorifics.iter().cloned());
        spellings.extend(raw.of_heads.iter().cloned());
        for head in &raw.office_heads {
            for p in &raw.portfolios {
                spellings.push(format!("{head} of {p}"));
            }
        }
        spellings.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        spellings.dedup();
        let abbreviations = spellings
            .iter()
            .filter_map(|s| {
                s.split([' ', '.'])
                    .next()
                    .filter(|w| s[w.len()..].starts_with('.'))
            })
            .map(str::to_owned)
            .collect();
        Ok(Titles {
            abbreviations,
            spelling_set: spellings.iter().cloned().collect(),
            spellings,
            ranks,
            honorifics: raw.honorifics.into_iter().collect(),
            portfolios: raw.portfolios.into_iter().collect(),
            not_name: raw.not_name_words.into_iter().collect(),
        })
    }

    /// Classifies one title spelling.
    pub fn classify(&self, spelling: &str) -> Title<'_> {
        match self.ranks.get(spelling) {
            Some(r) => Title::Rank(r),
            None if self.honorifics.contains(spelling) => Title::Honorific,
            None => Title::Office,
        }
    }

    /// True for a rank's spelling ("Colonel", "Col.").
    pub fn is_rank(&self, spelling: &str) -> bool {
        self.ranks.contains_key(spelling)
    }

    /// True for a rank, office or honorific spelling.
    pub fn is_title(&self, spelling: &str) -> bool {
        self.spelling_set.contains(spelling)
    }

    /// True for a word that opens a title when a period follows it ("Gen", "Sen").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// True for a portfolio ("Defense" in "Secretary of Defense").
    pub fn is_portfolio(&self, words: &str) -> bool {
        self.portfolios.contains(words)
    }

    /// True for capitalised words that are never part of a person's name.
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_name.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_rank_spellings() {
        let t = Titles::embedded();
        for s in [
            "Sr. Lt. Gen.",
            "Sen. Lt. Gen.",
            "Sen. Lt.Gen.",
            "Sen. Lieut. Gen.",
        ] {
            assert_eq!(
                t.classify(s),
                Title::Rank("Senior Lieutenant General"),
                "{s}"
            );
        }
        assert_eq!(t.classify("Rear Admiral"), Title::Rank("Rear Admiral"));
        assert_eq!(
            t.classify("Deputy Minister of National Defence"),
            Title::Office
        );
        assert!(t.spellings.iter().any(|s| s == "Minister of Finance"));
        assert!(t.is_not_name("Thursday"));
    }
}
