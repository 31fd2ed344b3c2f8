//! The names of the trigger families: whole-word, any-occurrence and every-occurrence.

/// The families whose patterns start at whole-word trigger hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Nouns after a place's name ("district").
    PlaceAfter = 0,
    /// Nouns before a place's name ("province of").
    PlaceBefore,
    /// Rank, office and honorific spellings.
    Title,
    /// Organisation head nouns ("Ministry").
    OrgHead,
    /// Event head nouns, as capitalised ("Forum").
    EventHead,
}

/// The families whose patterns run only when one of their words occurs anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Any {
    /// Credit-line openers ("Translated").
    Credit = 0,
    /// Kinds of legal documents and "Law".
    Law,
    /// Event head nouns in any case.
    EventHead,
    /// Ordinal words in any case ("first").
    Ordinal,
    /// "anniversar" (anniversary, anniversaries).
    Anniversary,
    /// The lower-case parts of the sitting words ("ession", "lenum", "ongress").
    Sitting,
    /// "Rotation".
    Rotation,
    /// "No.".
    Number,
    /// The heads of commands named by a number ("Region").
    CommandHead,
}

/// The families whose patterns run at every occurrence of their words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Starts {
    /// Kinds of legal documents ("Decree").
    LawKind = 0,
    /// The words that open a named law ("Law", "Ordinance").
    LawName,
}
