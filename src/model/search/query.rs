//! A search query: words and phrases, folded like the text.
//!
//! `border guard` is two terms (both must occur, anywhere); `"border guard"` is one
//! phrase (the words in a row); a word written with inner punctuation (`level-2`,
//! `minister's`) is a phrase of its parts, as the text is split the same way; a
//! trailing `*` (`defen*`) makes a single word match every word it starts.

use super::words::folded_words;

/// The most terms a query keeps (further ones are ignored).
pub const MAX_TERMS: usize = 16;

/// One thing a text must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words, in order (one for a word, several for a phrase).
    pub words: Vec<String>,
    /// True when a single word matches every word it starts (`defen*`).
    pub prefix: bool,
}

impl Term {
    /// True when the term is a phrase of several words.
    pub fn is_phrase(&self) -> bool {
        self.words.len() > 1
    }
}

/// A parsed query: its terms in the order typed, duplicates dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// The terms.
    pub terms: Vec<Term>,
}

impl SearchQuery {
    /// Parses a query as typed. Never fails: an unclosed quote runs to the end, and
    /// punctuation-only parts are dropped.
    pub fn parse(query: &str) -> SearchQuery {
        let mut terms: Vec<Term> = Vec::new();
        let mut push = |t: Term| {
            if !t.words.is_empty() && !terms.contains(&t) && terms.len() < MAX_TERMS {
                terms.push(t);
            }
        };
        for (i, part) in query.split('"').enumerate() {
            if i % 2 == 1 {
                push(Term {
                    words: folded_words(part),
                    prefix: false,
                });
                continue;
            }
            for raw in part.split_whitespace() {
                let words = folded_words(raw);
                let prefix = words.len() == 1 && raw.ends_with('*');
                push(Term { words, prefix });
            }
        }
        SearchQuery { terms }
    }

    /// True when there is nothing to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(q: &str) -> Vec<String> {
        SearchQuery::parse(q)
            .terms
            .iter()
            .map(|t| format!("{}{}", t.words.join("_"), if t.prefix { "*" } else { "" }))
            .collect()
    }

    #[test]
    fn splits_words_phrases_and_prefixes() {
        assert_eq!(show("Border  GUARD"), ["border", "guard"]);
        assert_eq!(show("\"border guard\" Laos"), ["border_guard", "laos"]);
        assert_eq!(show("Level-2 Minister’s"), ["level_2", "minister_s"]);
        assert_eq!(show("defen* Chiến"), ["defen*", "chien"]);
        assert_eq!(show("\"unclosed phrase here"), ["unclosed_phrase_here"]);
        assert_eq!(show("a a \"a\""), ["a"]);
        assert!(SearchQuery::parse(" - \"\" * ").is_empty());
    }

    #[test]
    fn keeps_at_most_max_terms() {
        let q = (0..40)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(SearchQuery::parse(&q).terms.len(), MAX_TERMS);
    }
}
