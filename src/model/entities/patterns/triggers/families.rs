//! Which words make up each trigger family, and how each family matches them.

use super::kinds::{Any, Starts, Words};
use crate::model::entities::patterns::{ORDINAL_WORDS, words};
use crate::model::entities::titles::Titles;

/// A family as given to the builder: whole-word, or any-occurrence and case-blind or not.
#[derive(Debug, Clone, Copy)]
pub(super) enum Family {
    Word(Words),
    Any(Any, bool),
    Starts(Starts),
}

fn owned<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words.into_iter().map(str::to_owned).collect()
}

/// Every family with its words.
pub(super) fn families() -> Vec<(Family, Vec<String>)> {
    let ordinals = ORDINAL_WORDS;
    vec![
        (
            Family::Word(Words::PlaceAfter),
            owned(words::PLACE_AFTER.iter().chain(words::PLACE_KEPT).copied()),
        ),
        (
            Family::Word(Words::PlaceBefore),
            owned(words::PLACE_BEFORE.iter().copied()),
        ),
        (
            Family::Word(Words::Title),
            Titles::embedded().spellings.clone(),
        ),
        (
            Family::Word(Words::OrgHead),
            owned(words::ORG_HEADS.split('|')),
        ),
        (
            Family::Word(Words::EventHead),
            owned(words::EVENT_HEADS.split('|')),
        ),
        (
            Family::Any(Any::Credit, false),
            owned(words::CREDIT_WORDS.iter().copied()),
        ),
        (
            Family::Any(Any::Law, false),
            owned(words::LAW_KINDS.split('|').chain(["Law", "Ordinance"])),
        ),
        (
            Family::Starts(Starts::LawKind),
            owned(words::LAW_KINDS.split('|')),
        ),
        (Family::Starts(Starts::LawName), owned(["Law", "Ordinance"])),
        (
            Family::Any(Any::EventHead, true),
            owned(words::EVENT_HEADS.split('|')),
        ),
        (
            Family::Any(Any::Ordinal, true),
            owned(ordinals.iter().copied()),
        ),
        (Family::Any(Any::Anniversary, false), owned(["anniversar"])),
        (
            Family::Any(Any::Sitting, false),
            owned(words::SITTING_WORDS.iter().copied()),
        ),
        (Family::Any(Any::Rotation, false), owned(["Rotation"])),
        (Family::Any(Any::Number, false), owned(["No."])),
        (
            Family::Any(Any::CommandHead, false),
            owned(words::COMMAND_HEADS.split('|')),
        ),
    ]
}
