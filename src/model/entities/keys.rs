//! Resolution keys and ids: one folded, spelling-normalised form per name, so that
//! "Việt Nam-China Border Defense" and "Vietnam – China border defence" meet.

use crate::model::entity::EntityKind;
use crate::model::text::fold_char;

/// Spelling variants applied word by word to a folded key (the gazetteer's).
/// A trait here, so that this module does not import the gazetteer that imports it.
pub trait Variants {
    /// `key` with its words' variant spellings replaced by the canonical ones.
    fn apply_variants(&self, key: &str) -> String;
}

/// Folds `s` for matching: case and diacritics folded, curly quotes and dashes
/// unified, spaces around dashes dropped, white space collapsed, a leading "the "
/// dropped and the gazetteer's spelling variants applied word by word.
pub fn key(s: &str, gaz: &impl Variants) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' => folded.push('\''),
            '–' | '—' | '‑' | '−' => folded.push('-'),
            c if c.is_whitespace() => folded.push(' '),
            c => folded.push(fold_char(c)),
        }
    }
    let mut out = String::with_capacity(folded.len());
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
    let out = out.strip_prefix("the ").map(str::to_owned).unwrap_or(out);
    gaz.apply_variants(&out)
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
