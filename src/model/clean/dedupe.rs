//! Repeated text: duplicate captions and a lede repeated after the dateline.

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::Hasher;

/// Shortest key for which containment counts as a near duplicate.
const MIN_NEAR_KEY: usize = 20;
/// Key characters hashed at each end to find candidate repeats (equal keys are then
/// compared whole). Both ends, so that paragraphs opening with the same sentence (common
/// in long generated or templated reports) do not pile into one bucket.
const HASHED_KEY_CHARS: usize = 64;
/// Captions kept that a new caption is compared with for near duplicates.
const NEAR_WINDOW: usize = 64;

/// The characters of the text with case, spaces and punctuation ignored.
fn key_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().filter(|c| c.is_alphanumeric()).map(|c| {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    })
}

/// The text with case, spaces and punctuation ignored.
pub fn key(s: &str) -> String {
    key_chars(s).collect()
}

/// Whether two texts have the same key; compared as they are read, so most pairs differ
/// after a few characters and no key is built.
pub fn same_key(a: &str, b: &str) -> bool {
    key_chars(a).eq(key_chars(b))
}

fn key_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in key_chars(s).take(HASHED_KEY_CHARS) {
        h.write_u32(c as u32);
    }
    for c in key_chars(s).rev().take(HASHED_KEY_CHARS) {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// Captions without exact or near duplicates (same key, or one key inside the other).
/// Exact repeats are found by hash anywhere; near duplicates among the last
/// `NEAR_WINDOW` captions kept, so a page with thousands of captions stays linear.
pub fn captions(list: Vec<String>) -> Vec<String> {
    let mut kept: Vec<(String, String)> = Vec::with_capacity(list.len());
    let mut exact: FxHashSet<String> = FxHashSet::default();
    for c in list {
        let k = key(&c);
        // An exact repeat keeps the first text, as a near one with no fuller key does.
        if exact.contains(&k) {
            continue;
        }
        let near = |other: &String| {
            k.len().min(other.len()) >= MIN_NEAR_KEY
                && (other.contains(k.as_str()) || k.contains(other.as_str()))
        };
        let from = kept.len().saturating_sub(NEAR_WINDOW);
        match kept[from..].iter().position(|(ok, _)| near(ok)) {
            // Keep the fuller of two near duplicates.
            Some(at) if k.len() > kept[from + at].0.len() => {
                exact.insert(k.clone());
                kept[from + at] = (k, c);
            }
            Some(_) => {}
            None => {
                exact.insert(k.clone());
                kept.push((k, c));
            }
        }
    }
    kept.into_iter().map(|(_, c)| c).collect()
}

/// Paragraphs without repeats: of two paragraphs with the same key, one is kept at the
/// first position, with the better-spaced text of the two.
pub fn paragraphs(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    // Paragraph indices by key hash: equal hashes are then compared whole.
    let mut by_hash: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for p in list {
        let h = key_hash(&p);
        let same = by_hash.entry(h).or_default();
        match same.iter().copied().find(|&i| same_key(&out[i], &p)) {
            Some(i) => {
                if spaces(&p) > spaces(&out[i]) {
                    out[i] = p;
                }
            }
            None => {
                same.push(out.len());
                out.push(p);
            }
        }
    }
    out
}

fn spaces(s: &str) -> usize {
    s.bytes().filter(|&b| b == b' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn drops_repeated_and_near_duplicate_captions() {
        let got = captions(strings(&[
            "The minister speaks at the conference. (Photo: qdnd.vn)",
            "The minister speaks at the conference. (Photo: qdnd.vn)",
            "Officers at the port",
            "The minister speaks at the conference.",
            "Officers at the port |",
        ]));
        assert_eq!(
            got,
            [
                "The minister speaks at the conference. (Photo: qdnd.vn)",
                "Officers at the port"
            ]
        );
    }

    #[test]
    fn many_paragraphs_sharing_a_start_stay_apart() {
        // Keys hash only their start: paragraphs alike in their first 64 key characters
        // are still told apart by their whole text.
        let start = "The ministry of national defence reported on its work in ".repeat(2);
        let list: Vec<String> = (0..500).map(|i| format!("{start}region {i}.")).collect();
        assert_eq!(paragraphs(list.clone()).len(), 500);
        let twice: Vec<String> = list.iter().chain(&list).cloned().collect();
        assert_eq!(paragraphs(twice), list);
    }

    #[test]
    fn keeps_the_better_spaced_lede_first() {
        let got = paragraphs(strings(&[
            "Vietnam has taken part in diplomacy on April 14.",
            "Second paragraph.",
            "Vietnam has taken part indiplomacy on April14.",
        ]));
        assert_eq!(
            got,
            [
                "Vietnam has taken part in diplomacy on April 14.",
                "Second paragraph."
            ]
        );
        let got = paragraphs(strings(&[
            "Glued ledetext here.",
            "Other.",
            "Glued lede text here.",
        ]));
        assert_eq!(got, ["Glued lede text here.", "Other."]);
    }
}
