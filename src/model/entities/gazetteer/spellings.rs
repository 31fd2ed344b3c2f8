//! The gazetteer's spelling variants ("defense" → "defence", "viet nam" → "vietnam"),
//! replaced word by word in folded keys.

use rustc_hash::FxHashMap;

/// The spelling variants, each with its canonical spelling.
#[derive(Debug)]
pub(super) struct Spellings {
    variants: FxHashMap<String, String>,
    /// The first words of the variants, as in [`may_open_variant`]: most words of a
    /// key are ruled out without a lookup.
    firsts: [u32; 256],
}

impl Spellings {
    /// The variants of `variants`, their first words tabled.
    pub(super) fn new(variants: FxHashMap<String, String>) -> Spellings {
        Spellings {
            firsts: variant_firsts(variants.keys()),
            variants,
        }
    }

    /// `key` with its variant spellings replaced word by word, two-word variants first.
    pub(super) fn apply(&self, key: &str) -> String {
        let mut out = String::with_capacity(key.len());
        let mut rest = key;
        while !rest.is_empty() {
            let word_end = rest.find([' ', '-']).unwrap_or(rest.len());
            let word = &rest[..word_end];
            let after = &rest[word_end..];
            // Two-word variants ("viet nam") first.
            if let Some(next) = after.strip_prefix(' ') {
                let next_end = next.find([' ', '-']).unwrap_or(next.len());
                let pair_len = word_end + 1 + next_end;
                if let Some(v) = self.variants.get(&rest[..pair_len]) {
                    out.push_str(v);
                    rest = &rest[pair_len..];
                    continue;
                }
            }
            match self.variants.get(word) {
                Some(v) => out.push_str(v),
                None => out.push_str(word),
            }
            if let Some(sep) = after.chars().next() {
                out.push(sep);
                rest = &after[sep.len_utf8()..];
            } else {
                rest = after;
            }
        }
        out
    }

    /// True when [`Spellings::apply`] would replace a word or pair of `key`: it
    /// looks up the same words, and without a replacement gives `key` back unchanged.
    pub(super) fn any_in(&self, key: &str) -> bool {
        let mut rest = key;
        while !rest.is_empty() {
            let word_end = rest.find([' ', '-']).unwrap_or(rest.len());
            let after = &rest[word_end..];
            if !may_open_variant(&self.firsts, &rest[..word_end]) {
                rest = after
                    .chars()
                    .next()
                    .map_or(after, |sep| &after[sep.len_utf8()..]);
                continue;
            }
            if let Some(next) = after.strip_prefix(' ') {
                let next_end = next.find([' ', '-']).unwrap_or(next.len());
                if self.variants.contains_key(&rest[..word_end + 1 + next_end]) {
                    return true;
                }
            }
            if self.variants.contains_key(&rest[..word_end]) {
                return true;
            }
            rest = after
                .chars()
                .next()
                .map_or(after, |sep| &after[sep.len_utf8()..]);
        }
        false
    }
}

/// Per first byte, a bit per length (31 for 31 and more) of the variants' first words
/// (up to a space or dash).
fn variant_firsts<'a>(keys: impl Iterator<Item = &'a String>) -> [u32; 256] {
    let mut t = [0; 256];
    for k in keys {
        let first = &k[..k.find([' ', '-']).unwrap_or(k.len())];
        if let Some(&b) = first.as_bytes().first() {
            t[usize::from(b)] |= 1 << first.len().min(31);
        }
    }
    t
}

/// False when no variant's first word can be `word`: its first byte and length are
/// none of theirs. A pair variant and a word variant both open with their first word.
fn may_open_variant(firsts: &[u32; 256], word: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|&b| firsts[usize::from(b)] & (1 << word.len().min(31)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entities::gazetteer::Gazetteer;

    #[test]
    fn variant_first_words_rule_out_other_words() {
        let keys = [
            "defense".to_owned(),
            "viet nam".to_owned(),
            "co-op".to_owned(),
        ];
        let t = variant_firsts(keys.iter());
        for w in ["defense", "viet", "co"] {
            assert!(may_open_variant(&t, w), "{w}");
        }
        for w in ["deter", "vietnam", "nam", "", "d", "cop"] {
            assert!(!may_open_variant(&t, w), "{w}");
        }
    }

    #[test]
    fn variants_apply_per_word() {
        let g = Gazetteer::embedded();
        assert_eq!(
            g.apply_variants("viet nam-china defense"),
            "vietnam-china defence"
        );
        assert_eq!(
            g.by_key("national defence ministry")
                .map(|i| g.entries[i].name.as_str()),
            Some("Ministry of National Defence")
        );
    }
}
