//! Repeated text: duplicate captions and a lede repeated after the dateline.

use rustc_hash::FxHasher;
use std::hash::Hasher;

/// Shortest key for which containment counts as a near duplicate.
const MIN_NEAR_KEY: usize = 20;
/// Key characters hashed to find candidate repeats (equal keys are then compared whole).
const HASHED_KEY_CHARS: usize = 64;

/// The characters of the text with case, spaces and punctuation ignored.
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
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

fn key_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in key_chars(s).take(HASHED_KEY_CHARS) {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// Captions without exact or near duplicates (same key, or one key inside the other).
pub fn captions(list: Vec<String>) -> Vec<String> {
    let mut kept: Vec<(String, String)> = Vec::with_capacity(list.len());
    for c in list {
        let k = key(&c);
        let near = |other: &String| {
            other == &k
                || (k.len().min(other.len()) >= MIN_NEAR_KEY
                    && (other.contains(k.as_str()) || k.contains(other.as_str())))
        };
        match kept.iter_mut().find(|(ok, _)| near(ok)) {
            // Keep the fuller of two near duplicates.
            Some((ok, text)) if k.len() > ok.len() => (*ok, *text) = (k, c),
            Some(_) => {}
            None => kept.push((k, c)),
        }
    }
    kept.into_iter().map(|(_, c)| c).collect()
}

/// Paragraphs without repeats: of two paragraphs with the same key, one is kept at the
/// first position, with the better-spaced text of the two.
pub fn paragraphs(list: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    let mut hashes: Vec<u64> = Vec::with_capacity(list.len());
    for p in list {
        let h = key_hash(&p);
        let twin = (0..out.len()).find(|&i| hashes[i] == h && key_chars(&out[i]).eq(key_chars(&p)));
        match twin {
            Some(i) => {
                if spaces(&p) > spaces(&out[i]) {
                    out[i] = p;
                }
            }
            None => {
                hashes.push(h);
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
