//! Whether a name one side uses is found on the other: through the entity model's
//! spellings and aliases, acronyms ("MND"), the words that names drop ("Ministry of
//! Defence" for "Ministry of National Defence") and a person's given name ("Trong"
//! for "Nguyen Phu Trong"), looked up in the other side's names and words.

use super::topics::Lexicon;
use super::words::words;
use rustc_hash::FxHashSet;

/// Longest run of words of a text kept for lookups.
const MAX_GRAM: usize = 6;

/// Longest run of words also looked up written as one word: place names are written
/// apart or together ("Ha Noi", "Hanoi"; "Da Nang", "Danang"; "Ha Long", "Halong").
const MAX_JOINED: usize = 4;

/// The hash of one word.
fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

/// Extends the hash of a run of words by one word's hash.
fn extend(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// The hash of a run of words.
fn run_hash<S: AsRef<str>>(words: &[S]) -> u64 {
    words
        .iter()
        .fold(0, |h, w| extend(h, word_hash(w.as_ref())))
}

/// The key of a run of words written as one word ("ha noi" as "hanoi").
fn joined_key<S: AsRef<str>>(words: &[S], buf: &mut String) -> u64 {
    buf.clear();
    for w in words {
        buf.push_str(w.as_ref());
    }
    extend(0, word_hash(buf))
}

/// The folded words of a name or text, without the words names may drop.
fn core_words(lex: &Lexicon, s: &str) -> (Vec<String>, Vec<String>) {
    let optional = &words().optional_words;
    let equivalents = &words().equivalents;
    let all: Vec<String> = lex
        .normalize(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| equivalents.get(w).cloned().unwrap_or_else(|| w.to_owned()))
        .collect();
    let core = all
        .iter()
        .filter(|w| !optional.contains(w.as_str()))
        .cloned()
        .collect();
    (all, core)
}

/// The keys a name can be found under on the other side. `person` adds the given
/// name (the last word), by which the beat's texts refer back to a named person.
pub fn keys_of(lex: &Lexicon, names: &[&str], person: bool) -> Vec<u64> {
    let mut keys = Vec::new();
    for name in names {
        let (all, core) = core_words(lex, name);
        if all.is_empty() {
            continue;
        }
        keys.push(run_hash(&all));
        if (2..=MAX_JOINED).contains(&all.len()) {
            keys.push(joined_key(&all, &mut String::new()));
        }
        if !core.is_empty() {
            keys.push(run_hash(&core));
        }
        let initials =
            |ws: &[String]| -> String { ws.iter().filter_map(|w| w.chars().next()).collect() };
        if all.len() >= 2 {
            keys.push(run_hash(&[initials(&all)]));
        }
        if core.len() >= 2 {
            keys.push(run_hash(&[initials(&core)]));
        }
        let content: Vec<String> = all
            .iter()
            .filter(|w| !words().function_words.contains(w.as_str()))
            .cloned()
            .collect();
        if content.len() >= 2 {
            keys.push(run_hash(&[initials(&content)]));
        }
        if person && let Some(last) = all.last() {
            keys.push(run_hash(&[last]));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Everything one side names or says, as keys to look the other side's names up in.
#[derive(Debug, Default)]
pub struct Presence {
    keys: FxHashSet<u64>,
}

impl Presence {
    /// Adds the runs of up to six words of a text (the words names may drop left out),
    /// and its runs of two to [`MAX_JOINED`] words written as one.
    pub fn add_text(&mut self, lex: &Lexicon, text: &str) {
        let (all, core) = core_words(lex, text);
        for ws in [&all, &core] {
            let hashes: Vec<u64> = ws.iter().map(|w| word_hash(w)).collect();
            for i in 0..hashes.len() {
                let mut h = 0;
                for &w in hashes.iter().skip(i).take(MAX_GRAM) {
                    h = extend(h, w);
                    self.keys.insert(h);
                }
            }
        }
        let mut buf = String::new();
        for i in 0..all.len() {
            for n in 2..=MAX_JOINED.min(all.len() - i) {
                self.keys.insert(joined_key(&all[i..i + n], &mut buf));
            }
        }
    }

    /// Adds the keys of a name.
    pub fn add_keys(&mut self, keys: &[u64]) {
        self.keys.extend(keys.iter().copied());
    }

    /// True when any of the keys is present.
    pub fn has_any(&self, keys: &[u64]) -> bool {
        keys.iter().any(|k| self.keys.contains(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn present(text: &str, other_names: &[&str], name: &[&str], person: bool) -> bool {
        let lex = Lexicon::embedded();
        let mut p = Presence::default();
        p.add_text(lex, text);
        for n in other_names {
            p.add_keys(&keys_of(lex, &[n], false));
        }
        p.has_any(&keys_of(lex, name, person))
    }

    #[test]
    fn acronyms_dropped_words_and_given_names_count_as_shared() {
        assert!(present(
            "The MND held talks.",
            &[],
            &["Ministry of National Defence"],
            false
        ));
        assert!(present(
            "The Ministry of Defence held talks.",
            &[],
            &["Ministry of National Defence"],
            false
        ));
        assert!(present("Trong spoke.", &[], &["Nguyen Phu Trong"], true));
        assert!(present(
            "The Vietnamese and Chinese delegations met.",
            &[],
            &["Vietnam"],
            false
        ));
        assert!(present(
            "The Vietnamese and Chinese delegations met.",
            &[],
            &["China"],
            false
        ));
        assert!(present(
            "Deputy Minister of National Defence Le Van Ba spoke.",
            &[],
            &["Ministry of National Defence"],
            false
        ));
        assert!(present(
            "He met Gen. Nguyen Phu Trong.",
            &[],
            &["Trong"],
            true
        ));
        assert!(present(
            "the People's Army",
            &[],
            &["Vietnam People's Army"],
            false
        ));
        assert!(present(
            "Officials of the Ministry of National Defense.",
            &[],
            &["MND", "Ministry of National Defence"],
            false
        ));
        assert!(present(
            "",
            &["Central Military Commission"],
            &["CMC"],
            false
        ));
    }

    #[test]
    fn names_written_apart_or_together_or_without_diacritics_are_shared() {
        assert!(present(
            "Talks were held in Hanoi.",
            &[],
            &["Hà Nội"],
            false
        ));
        assert!(present(
            "Talks were held in Hà Nội.",
            &[],
            &["Hanoi"],
            false
        ));
        assert!(present("A port call at Danang.", &[], &["Đà Nẵng"], false));
        assert!(present(
            "Ships visited Ha Long Bay.",
            &[],
            &["Halong Bay"],
            false
        ));
        assert!(present("", &["Ha Noi"], &["Hanoi"], false));
        // Joined words are looked up whole, not as a part of a longer word.
        assert!(!present("Talks were held in Hanoi.", &[], &["Ha"], false));
        assert!(!present(
            "The Hai Phong delegation met.",
            &[],
            &["Hanoi"],
            false
        ));
    }

    #[test]
    fn different_names_are_not_shared() {
        assert!(!present(
            "The Ministry of Public Security met.",
            &[],
            &["Ministry of National Defence"],
            false
        ));
        assert!(!present(
            "Lao officers met.",
            &[],
            &["Nguyen Phu Trong"],
            true
        ));
        assert!(!present("Trong spoke.", &[], &["Nguyen Phu Trong"], false));
        assert!(!present("", &[], &["ASEAN"], false));
    }
}
