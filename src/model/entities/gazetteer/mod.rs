//! The gazetteer of well-known bodies, forums and places (assets/gazetteer.json),
//! matched on folded text with one Aho-Corasick automaton, run from each space.

use super::anchored::Longest;
use super::folded::{Folded, fold_str};
use super::keys;
use crate::model::entity::EntityKind;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use spellings::Spellings;
use std::sync::OnceLock;

mod spellings;

#[derive(Deserialize)]
struct RawEntry {
    name: String,
    kind: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RawGazetteer {
    entries: Vec<RawEntry>,
    #[serde(default)]
    spelling_variants: FxHashMap<String, String>,
    #[serde(default)]
    home_prefixes: Vec<String>,
}

/// The embedded gazetteer files: bodies and forums, then places (assets/places/).
const FILES: [&str; 5] = [
    include_str!("../../../../assets/gazetteer.json"),
    include_str!("../../../../assets/places/countries.json"),
    include_str!("../../../../assets/places/subdivisions.json"),
    include_str!("../../../../assets/places/cities.json"),
    include_str!("../../../../assets/places/regions.json"),
];

/// One well-known thing.
#[derive(Debug)]
pub struct Entry {
    /// The canonical name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Other names, acronyms among them.
    pub aliases: Vec<String>,
    /// Its resolution key.
    pub key: String,
}

/// How one automaton pattern must match.
#[derive(Debug)]
struct Pattern {
    entry: usize,
    /// An all-capitals alias ("UN", "U.N.") must match exactly as written.
    exact: Option<String>,
}

/// The loaded gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    /// The folded aliases (see [`needles_of`]), matched anchored: every one starts with
    /// a space, so a search from each space finds what an unanchored one finds.
    automaton: Longest,
    by_key: FxHashMap<String, usize>,
    spellings: Spellings,
    /// Words before a body's name that keep it Vietnam's own ("Vietnamese").
    home_prefixes: Vec<String>,
}

/// A gazetteer hit in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The entry index.
    pub entry: usize,
    /// Original byte range.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Gazetteer {
    /// The embedded gazetteer.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_json_files(&FILES)
                .expect("the gazetteer files are valid (checked by a test)")
        })
    }

    /// Parses one gazetteer file.
    pub fn from_json(json: &str) -> anyhow::Result<Gazetteer> {
        Gazetteer::from_json_files(&[json])
    }

    /// Parses gazetteer files in order; an entry whose kind and name an earlier one has
    /// adds its aliases to it.
    pub fn from_json_files(files: &[&str]) -> anyhow::Result<Gazetteer> {
        let mut raw = Vec::new();
        let mut variants = FxHashMap::default();
        let mut home_prefixes = Vec::new();
        for json in files {
            let file: RawGazetteer = serde_json::from_str(json)?;
            variants.extend(file.spelling_variants);
            home_prefixes.extend(file.home_prefixes);
            raw.extend(file.entries);
        }
        let mut g = Gazetteer {
            entries: Vec::new(),
            patterns: Vec::new(),
            automaton: Longest::new(["\u{0}"])?,
            by_key: FxHashMap::default(),
            spellings: Spellings::new(variants),
            home_prefixes,
        };
        let mut by_name: FxHashMap<(EntityKind, String), usize> = FxHashMap::default();
        for e in raw {
            let kind = EntityKind::parse(&e.kind)
                .ok_or_else(|| anyhow::anyhow!("unknown kind {:?} for {:?}", e.kind, e.name))?;
            let key = keys::key(&e.name, &g);
            match by_name.get(&(kind, key.clone())) {
                Some(&i) => {
                    let known = &mut g.entries[i].aliases;
                    for a in e.aliases {
                        if !known.contains(&a) {
                            known.push(a);
                        }
                    }
                }
                None => {
                    by_name.insert((kind, key.clone()), g.entries.len());
                    g.entries.push(Entry {
                        name: e.name,
                        kind,
                        aliases: e.aliases,
                        key,
                    });
                }
            }
        }
        let needles;
        (needles, g.patterns) = needles_of(&g.entries);
        for (i, e) in g.entries.iter().enumerate() {
            for alias in &e.aliases {
                let k = keys::key(alias, &g);
                g.by_key.entry(k).or_insert(i);
            }
        }
        for (i, e) in g.entries.iter().enumerate() {
            g.by_key.insert(e.key.clone(), i);
        }
        g.automaton = Longest::new(&needles)?;
        Ok(g)
    }

    /// Replaces spelling variants word by word ("defense" → "defence", "viet nam" → "vietnam").
    pub fn apply_variants(&self, key: &str) -> String {
        self.spellings.apply(key)
    }

    /// True when `prefix` (the words before a known body's name) still names Vietnam's
    /// own body: empty, or home-country words ("Vietnamese", "Viet Nam’s").
    pub fn is_home_prefix(&self, prefix: &str) -> bool {
        let p = prefix.trim();
        p.is_empty() || self.home_prefixes.iter().any(|h| h == p)
    }

    /// True when `name` starts with home-country words and more ("Vietnam People's
    /// Army", "Viet Nam Coast Guard"): the name of one of Vietnam's own bodies.
    pub fn names_home_body(&self, name: &str) -> bool {
        self.home_prefixes.iter().any(|h| {
            name.strip_prefix(h.as_str())
                .is_some_and(|rest| rest.starts_with(' ') && rest.len() > 1)
        })
    }

    /// The entry whose name or alias has this resolution key.
    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The leftmost-longest matches of the needles in `bytes` (pattern, start, end),
    /// whose spaces are at `spaces` (ascending): at each space from the end of the
    /// last match, the longest needle there. A word that opens no needle is left after
    /// a few bytes, where an unanchored search reads every byte.
    fn matches<'t>(
        &'t self,
        bytes: &'t [u8],
        spaces: &'t [usize],
    ) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        let mut from = 0;
        let mut spaces = spaces.iter();
        std::iter::from_fn(move || {
            for &at in spaces.by_ref() {
                if at < from {
                    continue;
                }
                match self.automaton.at(bytes, at) {
                    Some((pattern, end)) => {
                        from = end;
                        return Some((pattern, at, end));
                    }
                    None => from = at + 1,
                }
            }
            None
        })
    }

    /// Whole-word, case-checked hits in `original`, whose folded form is `folded`.
    pub fn find(&self, original: &str, folded: &Folded, out: &mut Vec<Hit>) {
        let bytes = folded.text.as_bytes();
        for (pattern, m_start, m_end) in self.matches(bytes, &folded.spaces) {
            // Needles start with the space before the name.
            let after_ok = m_end >= bytes.len() || !is_word_byte(bytes[m_end]);
            if !after_ok {
                continue;
            }
            let p = &self.patterns[pattern];
            let (start, end) = folded.original(m_start + 1, m_end);
            let surface = original.get(start..end).unwrap_or("");
            let case_ok = match &p.exact {
                Some(exact) => surface == exact,
                None => surface.chars().next().is_some_and(char::is_uppercase),
            };
            if case_ok {
                out.push(Hit {
                    entry: p.entry,
                    start,
                    end,
                });
            }
        }
    }
}

/// The automaton's needles, every alias folded with a leading space ("the" dropped),
/// and how each must match.
fn needles_of(entries: &[Entry]) -> (Vec<String>, Vec<Pattern>) {
    let mut needles = Vec::new();
    let mut patterns = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for alias in std::iter::once(&e.name).chain(&e.aliases) {
            // "the Philippines": the article is matched as any other "the".
            let alias = alias.strip_prefix("the ").unwrap_or(alias);
            let exact = (!alias.chars().any(char::is_lowercase)).then(|| alias.to_owned());
            needles.push(fold_str(alias));
            patterns.push(Pattern { entry: i, exact });
        }
    }
    (needles, patterns)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl keys::Variants for Gazetteer {
    fn apply_variants(&self, key: String) -> String {
        if self.spellings.any_in(&key) {
            self.spellings.apply(&key)
        } else {
            key
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let g = Gazetteer::embedded();
        let mut f = Folded::default();
        f.fill(text);
        let mut hits = Vec::new();
        g.find(text, &f, &mut hits);
        hits.iter()
            .map(|h| g.entries[h.entry].name.clone())
            .collect()
    }

    /// Pieces of made-up texts: folded aliases whole and cut short, words and
    /// separators, so that aliases touch, nest and stop inside words.
    fn pieces(needles: &[String]) -> Vec<String> {
        let mut p: Vec<String> = needles.iter().step_by(3).cloned().collect();
        let cut: Vec<String> = needles
            .iter()
            .step_by(11)
            .map(|n| n.chars().take(n.chars().count() / 2 + 1).collect())
            .collect();
        p.extend(cut);
        p.extend([" ", " ", "x", "s", "n", "the", " of", ".", "'", "&", "1"].map(str::to_owned));
        p
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn searches_from_spaces_equal_the_unanchored_search(
            picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 0..30)
        ) {
            let g = Gazetteer::embedded();
            let (needles, _) = needles_of(&g.entries);
            let unanchored = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&needles)
                .expect("automaton");
            let pieces = pieces(&needles);
            let text: String = picks.iter().map(|i| i.get(&pieces).as_str()).collect();
            let want: Vec<(usize, usize, usize)> = unanchored
                .find_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let spaces: Vec<usize> = memchr::memchr_iter(b' ', text.as_bytes()).collect();
            proptest::prop_assert_eq!(g.matches(text.as_bytes(), &spaces).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn matches_both_spellings_and_acronyms() {
        assert_eq!(
            names("HÀ NỘI — Delegates from Hà Nội and Hanoi"),
            ["Hanoi", "Hanoi", "Hanoi"]
        );
        assert_eq!(
            names("the U.N. and the UN Security Council"),
            ["United Nations", "United Nations Security Council"]
        );
        assert_eq!(names("Việt Nam’s role"), ["Vietnam"]);
    }

    #[test]
    fn rejects_lower_case_acronyms_and_word_parts() {
        assert!(names("let us go to the vietnamese market").is_empty());
        assert!(names("Vietnamese troops").is_empty());
    }
}
