//! Resolution keys and ids: one folded, spelling-normalised form per name, so that
//! "Việt Nam-China Border Defense" and "Vietnam – China border defence" meet.

use crate::model::entity::EntityKind;
use crate::model::text::fold_char;

/// Spelling variants applied word by word to a folded key (the gazetteer's).
/// A trait here, so that this module does not import the gazetteer that imports it.
pub trait Variants {
    /// `key` with its words' variant spellings replaced by the canonical ones (`key`
    /// itself when it has none).
    fn apply_variants(&self, key: String) -> String;
}

/// Folds `s` for matching: case and diacritics folded, curly quotes and dashes
/// unified, spaces around dashes dropped, white space collapsed, a leading "the "
/// dropped and the gazetteer's spelling variants applied word by word.
pub fn key(s: &str, gaz: &impl Variants) -> String {
    let mut out = String::with_capacity(s.len());
    // White space since the last character kept: the next one opens a word.
    let mut gap = false;
    for c in s.chars() {
        let f = match c {
            '’' | '‘' | '`' => '\'',
            '–' | '—' | '‑' | '−' => '-',
            c if c.is_whitespace() => {
                gap = true;
                continue;
            }
            c if c.is_ascii() => c.to_ascii_lowercase(),
            c => fold_char(c),
        };
        // Words are joined by one space, except next to a dash.
        if gap && !out.is_empty() && !out.ends_with('-') && f != '-' {
            out.push(' ');
        }
        gap = false;
        out.push(f);
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    gaz.apply_variants(out)
}

/// `key` with each word's plural or possessive ending dropped ("chiefs of defence
/// forces meeting" → "chief of defence force meeting", "ministers' meeting" →
/// "minister meeting"): a recurring forum's name is written with either number, and
/// this form lets both find it. Words of four letters or fewer, and those ending in
/// "ss", "us" or "is", are left as they are ("arms", "us", "congress").
pub fn number_free(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix('\''))
            .unwrap_or(word);
        let plural = word.len() > 4
            && word.ends_with('s')
            && !["ss", "us", "is"].iter().any(|e| word.ends_with(e));
        out.push_str(if plural {
            &word[..word.len() - 1]
        } else {
            word
        });
    }
    out
}

/// The readable id of an entity: kind, colon, the key reduced to ASCII letters,
/// digits and hyphens ("person:hoang-xuan-chien").
pub fn id(kind: EntityKind, key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 8);
    out.push_str(kind.as_str());
    out.push(':');
    let start = out.len();
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if out.len() > start && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entities::gazetteer::Gazetteer;
    use proptest::prelude::*;

    /// The key written in steps: fold every character, join the words, drop "the ",
    /// apply every variant. What the one-pass [`key`] must equal.
    fn in_steps(s: &str, g: &Gazetteer) -> String {
        let folded: String = s
            .chars()
            .map(|c| match c {
                '’' | '‘' | '`' => '\'',
                '–' | '—' | '‑' | '−' => '-',
                c if c.is_whitespace() => ' ',
                c => fold_char(c),
            })
            .collect();
        let mut out = String::new();
        for word in folded.split(' ').filter(|w| !w.is_empty()) {
            if word == "-" || out.ends_with('-') || word.starts_with('-') {
                out.push_str(word);
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        let out = out.strip_prefix("the ").map_or(out.clone(), str::to_owned);
        g.apply_variants(&out)
    }

    proptest! {
        #[test]
        fn one_pass_keys_equal_the_steps(
            s in "(the |The |Viet Nam|viet nam|Defense|defense|Việt|Hà Nội| - |–|—|-| |  |\u{a0}|\t|’s|`|a|B|Đ|ǅ|x){0,14}"
        ) {
            let g = Gazetteer::embedded();
            prop_assert_eq!(key(&s, g), in_steps(&s, g));
        }
    }

    #[test]
    fn keys_meet_across_spellings() {
        let g = Gazetteer::embedded();
        assert_eq!(
            key("Việt Nam - China Border Defense", g),
            key("Vietnam–China border defence", g)
        );
        assert_eq!(
            key("the Ministry of National Defense", g),
            "ministry of national defence"
        );
        assert_eq!(key("HÀ NỘI", g), key("Hà Nội", g));
    }

    #[test]
    fn number_free_keys_meet_across_singular_and_plural() {
        assert_eq!(
            number_free("asean chiefs of defence forces meeting"),
            number_free("asean chiefs of defence force meeting")
        );
        assert_eq!(
            number_free("asean defence ministers' meeting"),
            number_free("asean defence minister meeting")
        );
        assert_eq!(number_free("people's army"), "people army");
        for kept in ["arms", "congress", "us", "campus", "analysis", "laos"] {
            assert_eq!(number_free(kept), kept);
        }
        assert_ne!(number_free("defence talks"), number_free("defence forum"));
    }

    #[test]
    fn ids_are_folded_ascii() {
        let g = Gazetteer::embedded();
        assert_eq!(
            id(EntityKind::Person, &key("Hoàng Xuân Chiến", g)),
            "person:hoang-xuan-chien"
        );
        assert_eq!(
            id(EntityKind::Law, &key("Decree 234/2025/NĐ-CP", g)),
            "law:decree-234-2025-nd-cp"
        );
    }
}
