use super::*;
use proptest::prelude::*;
use std::sync::LazyLock;

/// The pattern as the regex it was written as: what `org_end` must match.
static REGEX: LazyLock<regex::Regex> = LazyLock::new(|| {
    let cap = super::super::CAP;
    regex::Regex::new(&format!(
        r"^(?:{cap}\s+(?:and\s+)?){{0,5}}(?:{HEADS})(?-u:\b)(?:\s+(?:of|for|on)\s+(?:the\s+)?{cap}(?:\s+(?:and\s+)?{cap})*){{0,3}}"
    ))
    .unwrap()
});

/// A possessive word in the run of capitalised words after an "and" ("and Viet Nam’s
/// Border Guard"): there the matcher ends before the "and", which the regex above cannot
/// say (it has no look-ahead); `an_owned_conjunct_starts_a_second_body` tests it.
static OWNED_CONJUNCT: LazyLock<regex::Regex> = LazyLock::new(|| {
    let cap = super::super::CAP;
    regex::Regex::new(&format!(
        r"and\s+(?:{cap}\s+)*\p{{Lu}}[\p{{L}}\p{{M}}\d]*(?:[-'’][\p{{L}}\p{{M}}\d]+)*?(?:['’]s|['’])(?:[^\p{{L}}\p{{M}}\d]|$)"
    ))
    .unwrap()
});

fn check(text: &str) {
    if OWNED_CONJUNCT.is_match(text) {
        return;
    }
    for (i, _) in text.char_indices() {
        let want = REGEX.find(&text[i..]).map(|m| i + m.end());
        assert_eq!(org_end(text, i), want, "{text:?} at {i}");
    }
}

const PIECES: &[&str] = &[
    "Ministry",
    "Committee",
    "Committees",
    "Air Force",
    "Air",
    "Force",
    "Border Guard",
    "Guard",
    "Army",
    "Armys",
    "Office_",
    "National",
    "People’s",
    "Defence’s",
    "Level-2",
    "Hà",
    "Nội",
    "and",
    "of",
    "for",
    "on",
    "the",
    "The",
    "by",
    "x",
    " ",
    " ",
    " ",
    "  ",
    "\u{a0}",
    ",",
    ".",
    "-",
    "'",
    "(",
    "2",
    "Đ",
    "ω",
];

proptest! {
    #[test]
    fn the_matcher_ends_where_the_regex_ends(
        picks in proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
    ) {
        let spaced: String = picks.iter().flat_map(|p| [*p, " "]).collect();
        check(&picks.concat());
        check(&spaced);
    }
}

#[test]
fn the_matcher_on_made_up_names() {
    for text in [
        "Vietnam Border Guard Command of the Ministry of National Defence and Border Guard",
        "Central Science and Technology Commission for Culture and Education of the People",
        "Thai Royal Armed Forces on the Sea Ministry of and the Committee of the",
        "Committee’s Office Department of Mine Action Col. Le Van Tam",
        "A B C D E F Ministry G H Ministry",
    ] {
        check(text);
    }
}

fn orgs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    find(text, &mut out);
    out.into_iter().map(|c| c.name).collect()
}

#[test]
fn a_mission_abroad_is_named_with_its_host() {
    assert_eq!(
        orgs("The Thai Embassy in Hanoi and the Consulate General of Laos in Da Nang met."),
        [
            "Thai Embassy in Hanoi",
            "Consulate General of Laos in Da Nang"
        ]
    );
    // Any other body ends before "in".
    assert_eq!(
        orgs("The Ministry of National Defence in Hanoi said."),
        ["Ministry of National Defence"]
    );
}

#[test]
fn heads_and_complements() {
    assert_eq!(
        orgs("The Department of Foreign Relations under the ministry"),
        ["Department of Foreign Relations"]
    );
    assert_eq!(
        orgs("the General Political Department said"),
        ["General Political Department"]
    );
    assert_eq!(
        orgs("advised the Ministry of Industry and Trade on"),
        ["Ministry of Industry and Trade"]
    );
    assert_eq!(
        orgs("the Thai Royal Armed Forces"),
        ["Thai Royal Armed Forces"]
    );
}

#[test]
fn runs_with_and_chains_and_a_title_after() {
    assert_eq!(
        orgs("the Central Science and Technology Commission met"),
        ["Central Science and Technology Commission"]
    );
    assert_eq!(
        orgs("the Committee for Culture of the National Assembly said"),
        ["Committee for Culture of the National Assembly"]
    );
    assert_eq!(
        orgs("Director of the Vietnam Department of Mine Action Col. Le Van Tam"),
        ["Vietnam Department of Mine Action"]
    );
    assert_eq!(
        orgs("the Ministry of Defence’s officers"),
        ["Ministry of Defence"]
    );
}

#[test]
fn bare_heads_are_not_orgs() {
    assert!(orgs("The Ministry said the Army and the Party agreed.").is_empty());
    assert!(orgs("the Provincial Party Committee and the Standing Committee").is_empty());
    assert_eq!(
        orgs("the State and Central Highlands Steering Committee and Ministry of Health"),
        ["Central Highlands Steering Committee", "Ministry of Health"]
    );
    assert_eq!(
        orgs("the Navy, Coast Guard and Air Force"),
        ["Coast Guard", "Air Force"]
    );
}

#[test]
fn an_owned_conjunct_starts_a_second_body() {
    assert_eq!(
        orgs("the Ministry of National Defence and Viet Nam’s Border Guard High Command met"),
        [
            "Ministry of National Defence",
            "Viet Nam’s Border Guard High Command"
        ]
    );
    assert_eq!(
        orgs("the Ministry of Culture and Laos's Ministry of Information"),
        ["Ministry of Culture", "Laos's Ministry of Information"]
    );
    // Without an owner, "and" still joins the parts of one name.
    assert_eq!(
        orgs("the Ministry of Natural Resources and Environment"),
        ["Ministry of Natural Resources and Environment"]
    );
    assert_eq!(
        orgs("the Ministry of Labour, War Invalids and Social Affairs"),
        ["Ministry of Labour"]
    );
}
