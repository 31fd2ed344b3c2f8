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

/// The key character of `c`: lowercase when alphanumeric, else `None`.
fn key_char(c: char) -> Option<char> {
    if c.is_ascii() {
        c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
    } else if c.is_alphanumeric() {
        Some(c.to_lowercase().next().unwrap_or(c))
    } else {
        None
    }
}

/// The characters of the text with case, spaces and punctuation ignored.
fn key_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    s.chars().filter_map(key_char)
}

/// The text with case, spaces and punctuation ignored.
pub fn key(s: &str) -> String {
    if s.is_ascii() {
        // Byte-wise: most captions are ASCII, and a char at a time costs several times more
        // (so does collecting chars into a string, which encodes each one).
        let bytes: Vec<u8> = s
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase())
            .collect();
        String::from_utf8(bytes).unwrap_or_default()
    } else {
        key_chars(s).collect()
    }
}

/// Whether two texts have the same key; compared as they are read, so most pairs differ
/// after a few characters and no key is built. Equal texts (a paragraph the page repeats)
/// are told at once.
pub fn same_key(a: &str, b: &str) -> bool {
    a == b || key_chars(a).eq(key_chars(b))
}

/// The key byte of each ASCII byte: its lowercase when alphanumeric, else 0.
const ASCII_KEY: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The first `HASHED_KEY_CHARS` key characters of `s`, then its last ones (last first),
/// hashed: what `key_chars(s).take(n)` and `key_chars(s).rev().take(n)` give, read a byte
/// at a time through a table where the text is ASCII (decoding and classifying every
/// char cost most of the deduplication).
fn key_hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while n < HASHED_KEY_CHARS && i < b.len() {
        if let Some(&k) = ASCII_KEY.get(usize::from(b[i])) {
            i += 1;
            if k != 0 {
                h.write_u32(u32::from(k));
                n += 1;
            }
            continue;
        }
        let c = s[i..].chars().next().unwrap_or('\0');
        i += c.len_utf8();
        if let Some(k) = key_char(c) {
            h.write_u32(k as u32);
            n += 1;
        }
    }
    let (mut i, mut n) = (b.len(), 0);
    while n < HASHED_KEY_CHARS && i > 0 {
        if let Some(&k) = ASCII_KEY.get(usize::from(b[i - 1])) {
            i -= 1;
            if k != 0 {
                h.write_u32(u32::from(k));
                n += 1;
            }
            continue;
        }
        let c = s[..i].chars().next_back().unwrap_or('\0');
        i -= c.len_utf8();
        if let Some(k) = key_char(c) {
            h.write_u32(k as u32);
            n += 1;
        }
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

    /// `key_hash` as the plain char iterators give it.
    fn key_hash_by_chars(s: &str) -> u64 {
        let mut h = FxHasher::default();
        for c in key_chars(s).take(HASHED_KEY_CHARS) {
            h.write_u32(c as u32);
        }
        for c in key_chars(s).rev().take(HASHED_KEY_CHARS) {
            h.write_u32(c as u32);
        }
        h.finish()
    }

    #[test]
    fn byte_wise_keys_match_the_char_wise_ones() {
        let long = "Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng – met ÉLAN officers. ";
        for s in [
            "",
            "—",
            "A b-C 12!",
            "Hà Nội (VNA) – The Ministry of National Defence.",
            "Ωmega ÀÉÎ straße ǅ 42",
            &long.repeat(3),
            &"The ASEAN defence ministers met. ".repeat(5),
        ] {
            assert_eq!(key_hash(s), key_hash_by_chars(s), "{s}");
            assert_eq!(key(s), key_chars(s).collect::<String>(), "{s}");
        }
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
