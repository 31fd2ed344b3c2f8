//! The word lists of assets/topics.json that steer how numbers and names are read
//! (`values` and `names`).

use super::topics::TOPICS_JSON;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::OnceLock;

/// Word lists for reading values and matching names.
#[derive(Debug, Deserialize)]
pub struct Words {
    /// Place names written in two words that read as one ("viet nam").
    pub joined: Vec<[String; 2]>,
    /// Words left out of a value's context.
    pub skip: FxHashSet<String>,
    /// Words that end a value's context.
    pub boundaries: FxHashSet<String>,
    /// Qualifiers kept with a count ("more than").
    pub qualifiers: Vec<String>,
    /// Spelled-out numbers, one = 1.
    pub cardinal_words: Vec<String>,
    /// Ordinal words, first = 1.
    pub ordinal_words: Vec<String>,
    /// Nouns that name an event an ordinal can count ("exchange").
    pub event_nouns: FxHashSet<String>,
    /// Label words whose number is an edition ("rotation").
    pub edition_labels: FxHashSet<String>,
    /// Words before a spelled-out number that make it refer back ("the two sides").
    pub anaphora: FxHashSet<String>,
    /// Words a count does not take as its noun ("percent", "years").
    pub not_nouns: FxHashSet<String>,
    /// Words dropped from a name's key ("of", "national").
    #[serde(skip)]
    pub optional_words: FxHashSet<String>,
    /// Words an acronym leaves out ("of").
    #[serde(skip)]
    pub function_words: FxHashSet<String>,
    /// Words read as another in names ("minister" as "ministry").
    #[serde(skip)]
    pub equivalents: rustc_hash::FxHashMap<String, String>,
}

#[derive(Deserialize)]
struct Names {
    optional_words: FxHashSet<String>,
    function_words: FxHashSet<String>,
    equivalents: rustc_hash::FxHashMap<String, String>,
}

#[derive(Deserialize)]
struct File {
    values: Words,
    names: Names,
}

/// The embedded word lists.
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let f: File = serde_json::from_str(TOPICS_JSON)
            .expect("assets/topics.json is valid (checked by a test)");
        Words {
            optional_words: f.names.optional_words,
            function_words: f.names.function_words,
            equivalents: f.names.equivalents,
            ..f.values
        }
    })
}

/// The stems of [`Words::event_nouns`], as a value's context holds its words.
pub fn event_noun_stems() -> &'static FxHashSet<String> {
    static S: OnceLock<FxHashSet<String>> = OnceLock::new();
    S.get_or_init(|| words().event_nouns.iter().map(|w| stem(w)).collect())
}

/// A crude English stem, so "connecting" and "connected", "location" and "locations",
/// "country" and "countries", "exchange" and "exchanges" count as the same word.
pub fn stem(word: &str) -> String {
    let long = |base: &str| base.chars().count() >= 4;
    let mut w: &str = word;
    if let Some(base) = w.strip_suffix("ies").filter(|b| b.chars().count() >= 3) {
        return format!("{base}y");
    }
    if let Some(base) = w.strip_suffix("ing").filter(|b| long(b)) {
        w = base;
    } else if let Some(base) = w.strip_suffix("ed").filter(|b| long(b)) {
        w = base;
    } else if let Some(base) = w.strip_suffix("es").filter(|b| {
        long(b) && (b.ends_with(['s', 'x', 'z']) || b.ends_with("ch") || b.ends_with("sh"))
    }) {
        w = base;
    } else if let Some(base) = w.strip_suffix('s').filter(|b| long(b) && !b.ends_with('s')) {
        w = base;
    }
    w.strip_suffix('e')
        .filter(|b| long(b))
        .unwrap_or(w)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let w = words();
        assert_eq!(w.ordinal_words.first().map(String::as_str), Some("first"));
        assert_eq!(w.cardinal_words.get(4).map(String::as_str), Some("five"));
        assert!(w.edition_labels.contains("rotation"));
        assert!(!w.edition_labels.contains("decree"));
        assert!(w.optional_words.contains("national"));
    }

    #[test]
    fn stems_word_forms_alike() {
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("locations"), stem("location"));
        assert_eq!(stem("connecting"), stem("connected"));
        assert_eq!(stem("exchanges"), stem("exchange"));
        assert_eq!(stem("exchanged"), stem("exchange"));
        assert_eq!(stem("matches"), stem("match"));
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("class"), "class");
    }
}
