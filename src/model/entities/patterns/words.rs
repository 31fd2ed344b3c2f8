//! The fixed words of the pattern families that the trigger automaton
//! ([`super::triggers`]) looks for, apart from the modules that use them, so that the
//! automaton and the patterns both import them.

/// Nouns that follow a place's name and are not part of it ("Snuol district").
pub const PLACE_AFTER: &[&str] = &[
    "province",
    "Province",
    "district",
    "District",
    "commune",
    "Commune",
    "ward",
    "Ward",
    "town",
    "township",
    "county",
    "County",
    "prefecture",
    "Prefecture",
    "city",
    "municipality",
    "region",
    "state",
    "village",
    "Village",
    "island",
    "hamlet",
    "Hamlet",
    "border gate",
    "Border Gate",
    "International Border Gate",
    "international border gate",
    "border crossing",
    "border area",
    "border areas",
];

/// Nouns that follow a place's name and stay in it ("Guangxi Zhuang Autonomous Region").
pub const PLACE_KEPT: &[&str] = &[
    "Autonomous Region",
    "Autonomous Prefecture",
    "Autonomous County",
    "Bay",
    "Island",
    "Islands",
    "Peninsula",
];

/// Nouns that take the place's name after "of" ("the province of Kon Tum").
pub const PLACE_BEFORE: &[&str] = &[
    "province of",
    "Province of",
    "district of",
    "city of",
    "town of",
    "commune of",
];

/// Head nouns of organisations' names ("Ministry", "Border Guard").
pub const ORG_HEADS: &str = "Ministry|Department|Commission|Committee|Assembly|Council|Army|Navy|Air Force|Coast Guard|Border Guard|Agency|Office|Secretariat|Bureau|Command|Academy|Institute|University|Corps|Division|Brigade|Regiment|Delegation|Union|Organisation|Organization|Association|Federation|Forces|Police|Court|Procuracy|Front|Corporation|Group|Headquarters|Museum|Embassy|Consulate General|Consulate|Gendarmerie";

/// Head nouns of events' names ("Forum", "Exchange").
pub const EVENT_HEADS: &str = "Exchange|Exchanges|Forum|Forums|Dialogue|Dialogues|Meeting|Meetings|Conference|Conferences|Summit|Summits|Exhibition|Expo|Congress|Festival|Games|Talks|Consultation|Consultations|Retreat|Symposium|Seminar|Workshop|Exercise|Exercises|Plenum|Programme|Program";

/// The words that open a credit line ("Translated by", "Photo:").
pub const CREDIT_WORDS: &[&str] = &[
    "Translated",
    "Written",
    "Reported",
    "Compiled",
    "Edited",
    "Photo",
    "Photos",
    "Source",
    "Video",
];

/// Kinds of numbered legal documents ("Decree", "Resolution").
pub const LAW_KINDS: &str =
    "Decree|Decision|Circular|Directive|Resolution|Conclusion|Ordinance|Regulation|Instruction";

/// The lower-case parts of the sitting words: no sitting without one of them.
pub const SITTING_WORDS: [&str; 3] = ["ession", "lenum", "ongress"];

/// Nouns of standing commands named by a number ("Military Region 7", "Naval Region 3",
/// "Army Corps 12"): the number is part of the name, not an edition.
pub const COMMAND_HEADS: &str = "Region|Zone|Corps|Division|Fleet";
