//! Events: "the 9th … Exchange", "the first border defence exchange", capitalised
//! "… Forum/Dialogue/Meetings" and anniversaries with their subject, with ordinal and
//! series. Editions written around a known name are read by [`super::super::editions`].

use super::super::candidate::Candidate;
use super::triggers::{Any, Hits, Words};
use super::words::EVENT_HEADS as HEADS;
use super::{CAP, ORDINAL, PLAIN_CAP, parse_ordinal, skip_leading, trim_trailing};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Heads after which an all-lower-case body still names an event ("the first border
/// defence exchange"); other heads need a capitalised word.
const LOWER_CASE_HEADS: &[&str] = &[
    "exchange",
    "dialogue",
    "forum",
    "conference",
    "summit",
    "congress",
    "festival",
    "expo",
    "exhibition",
    "games",
    "consultation",
    "consultations",
    "symposium",
    "exercise",
    "programme",
    "program",
    "plenum",
];

/// Lower-case words that show an ordinal phrase is not an event name.
const NOT_IN_NAME: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "was", "were", "is", "are", "be", "been",
    "held", "and", "with", "for", "by", "that", "this", "its", "their", "his", "her", "time",
    "which", "who", "as", "from", "half", "six", "months", "year", "years", "day", "days",
];

struct Compiled {
    ordinal_at: Regex,
    ordinal: Regex,
    named: Regex,
    anniversary: Regex,
}

/// Builds the patterns now (see `entities::prepare`).
pub(super) fn prepare() {
    compiled();
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let lower_heads = HEADS.to_lowercase();
        let ordinal = super::build_regex(&format!(
            r"^(?P<ord>{ORDINAL})\s+(?P<body>(?:[\p{{L}}\p{{M}}\d'’.]+(?:\s*[-–—]\s*|\s+)){{0,8}}?)(?P<head>(?i:{lower_heads}))(?-u:\b)"
        ))
        .expect("event regex is valid");
        Compiled {
            ordinal_at: super::build_regex(&format!(r"(?-u:\b)(?:{ORDINAL})(?-u:\b)"))
                .expect("ordinal regex is valid"),
            ordinal,
            named: super::build_regex(&format!(
                r"^{CAP}(?:(?:\s+|\s*[-–—]\s*)(?:{CAP}|of|on|for|and))*?(?:\s+|\s*[-–—]\s*)(?:{HEADS})(?-u:\b)"
            ))
            .expect("event regex is valid"),
            anniversary: super::build_regex(&format!(
                r"(?-u:\b)(?P<ord>{ORDINAL})\s+(?:founding\s+)?anniversary\s+of\s+(?:the\s+)?(?:{PLAIN_CAP}['’]s\s+)?(?P<obj>(?:(?:liberation|reunification|establishment|founding|signing|victory|birth|launch|normali[sz]ation)\s+of\s+(?:the\s+)?)?{PLAIN_CAP}(?:['’]s)?(?:(?:\s+|\s*[-–—]\s*)(?:{PLAIN_CAP}(?:['’]s)?|of|the|and))*)(?P<tail>(?:\s+[a-z]+){{1,2}}[\s,.;:(]|)"
            ))
            .expect("anniversary regex is valid"),
        }
    })
}

/// Event candidates in `text`. The series is filled with the name minus the ordinal;
/// resolution turns it into a key.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Event candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let c = compiled();
    // Each pattern runs only where its fixed words occur.
    if !hits.any(Any::EventHead) {
        anniversaries(text, hits, c, out);
        return;
    }
    if has_ordinal(text, hits) {
        ordinal_events(text, c, out);
    }
    let mut done = 0;
    for &(head, _) in hits.words(Words::EventHead) {
        if head < done {
            continue;
        }
        let from = super::run_start(text, head, 12, true).max(done);
        let Some(m) = c.named.find(&text[from..]) else {
            continue;
        };
        done = from + m.end();
        let lead = skip_leading(m.as_str());
        let name = &m.as_str()[lead..];
        if !name.contains(char::is_whitespace) {
            continue;
        }
        let start = from + lead;
        let mut cand = Candidate::new(EntityKind::Event, start, from + m.end(), name);
        cand.series = Some(name.to_owned());
        out.push(cand);
    }
    anniversaries(text, hits, c, out);
}

/// "the 9th … Exchange": an ordinal, up to eight words and a head.
fn ordinal_events(text: &str, c: &Compiled, out: &mut Vec<Candidate>) {
    for at in c.ordinal_at.find_iter(text) {
        let from = at.start();
        if opens_no_name(&text[at.end()..]) {
            continue;
        }
        // The match alone: a search for its groups costs many times more.
        let Some(m) = c.ordinal.find(&text[from..]) else {
            continue;
        };
        let (ord, body, head) = groups(text, at.range(), from + m.end());
        let mut words = text[body.clone()]
            .split(|ch: char| ch.is_whitespace() || "-–—".contains(ch))
            .filter(|w| !w.is_empty());
        let lower_ok = LOWER_CASE_HEADS.contains(&text[head.clone()].to_ascii_lowercase().as_str());
        if words.clone().count() == 0
            || words.clone().any(|w| NOT_IN_NAME.contains(&w))
            || !lower_ok && !words.any(|w| w.starts_with(char::is_uppercase))
        {
            continue;
        }
        // "Exchange Programme": the programme is the same event.
        let end = ["Programme", "Program", "programme", "program"]
            .iter()
            .find_map(|p| {
                text[head.end..]
                    .strip_prefix(' ')
                    .filter(|r| r.starts_with(p))
                    .map(|_| head.end + 1 + p.len())
            })
            .unwrap_or(head.end);
        let mut cand = Candidate::new(EntityKind::Event, ord.start, end, &text[ord.start..end]);
        cand.ordinal = parse_ordinal(&text[ord]);
        cand.series = Some(text[body.start..end].to_owned());
        out.push(cand);
    }
}

/// The ord, body and head groups of the ordinal pattern's match that ends at `end`,
/// whose ordinal is `ord` (the one the ordinal search found there: no ordinal is a
/// prefix of another). The body starts after the white space that follows the
/// ordinal; the head is the run of letters that ends the match (white space or a dash
/// comes before it, and every head is letters).
fn groups(text: &str, ord: Range<usize>, end: usize) -> (Range<usize>, Range<usize>, Range<usize>) {
    let after = &text[ord.end..end];
    let body_start = end - after.trim_start().len();
    let head_start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| ch.is_alphabetic())
        .last()
        .map_or(end, |(i, _)| i);
    (ord, body_start..head_start, head_start..end)
}

/// True when the word after an ordinal ("first half", "first time") is one that no
/// event name has: whatever the ordinal pattern matched there would open its body with
/// that word and be dropped, so the pattern need not run. Exact: the word must end at
/// an ASCII byte outside the pattern's word class (a non-ASCII one may continue it).
fn opens_no_name(after: &str) -> bool {
    let word = after.trim_start_matches(char::is_whitespace);
    if word.len() == after.len() {
        return false;
    }
    let end = word
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric() && !matches!(b, b'.' | b'\''))
        .unwrap_or(word.len());
    let ends_here = word.as_bytes().get(end).is_none_or(|b| b.is_ascii());
    ends_here && NOT_IN_NAME.contains(&&word[..end])
}

/// "the 80th anniversary of …" with its subject.
fn anniversaries(text: &str, hits: &Hits, c: &Compiled, out: &mut Vec<Candidate>) {
    if !hits.any(Any::Anniversary) {
        return;
    }
    for m in c.anniversary.captures_iter(text) {
        let (Some(ord), Some(obj)) = (m.name("ord"), m.name("obj")) else {
            continue;
        };
        // After a pair of names ("Vietnam – Chile"), the lower-case words closing
        // the object ("diplomatic relations") belong to it.
        let pair = obj.as_str().contains(['-', '–', '—']);
        let tail = m.name("tail").filter(|_| pair).map_or("", |t| {
            t.as_str().trim_end_matches(|c: char| !c.is_alphabetic())
        });
        // "… Festival and the …": a second name starts after "and the".
        let own = obj.as_str().split(" and the ").next().unwrap_or("");
        let own = trim_trailing(own.trim_end_matches("’s").trim_end_matches("'s"));
        let object_end = if tail.is_empty() || own.len() < obj.as_str().len() {
            obj.start() + own.len()
        } else {
            obj.end() + tail.len()
        };
        let object = &text[obj.start()..object_end];
        // A person's anniversary ("of Prime Minister X's path") is not an event's name.
        if object.split(' ').any(is_office_word) || object.is_empty() {
            continue;
        }
        let end = object_end;
        let mut cand = Candidate::new(
            EntityKind::Event,
            ord.start(),
            end,
            &format!("{} anniversary of {object}", ord.as_str()),
        );
        cand.ordinal = parse_ordinal(ord.as_str());
        cand.series = Some(format!("anniversary of {object}"));
        out.push(cand);
    }
}

/// True for a word that opens an office title ("Minister", "President").
fn is_office_word(word: &str) -> bool {
    let titles = super::super::titles::Titles::embedded();
    titles.is_title(word)
        && titles.classify(word) == super::super::titles::Title::Office
        && titles.is_not_name(word)
}

/// True when `text` may hold an ordinal ("9th", "first"): a digit followed by an
/// ordinal suffix, or an ordinal word.
fn has_ordinal(text: &str, hits: &Hits) -> bool {
    let b = text.as_bytes();
    let numeric = b.windows(3).any(|w| {
        w[0].is_ascii_digit()
            && matches!(
                &[w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()],
                b"st" | b"nd" | b"rd" | b"th"
            )
    });
    numeric || hits.any(Any::Ordinal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, Option<u32>, Option<String>)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|c| (c.name, c.ordinal, c.series))
            .collect()
    }

    #[test]
    fn ordinal_events_have_series() {
        let e = events("the 9th Vietnam–China Border Defence Friendship Exchange");
        assert!(e.contains(&(
            "9th Vietnam–China Border Defence Friendship Exchange".into(),
            Some(9),
            Some("Vietnam–China Border Defence Friendship Exchange".into())
        )));
        let e = events("preparing the third Thailand - Malaysia Naval Dialogue next year");
        assert!(e.iter().any(|x| x.1 == Some(3)));
    }

    /// The groups worked out from the match are the ones a search for them finds.
    fn same_groups(text: &str) {
        let c = compiled();
        for at in c.ordinal_at.find_iter(text) {
            let from = at.start();
            let Some(caps) = c.ordinal.captures(&text[from..]) else {
                continue;
            };
            let shift = |name: &str| {
                caps.name(name)
                    .map(|g| (from + g.start())..(from + g.end()))
            };
            let want = (shift("ord"), shift("body"), shift("head"));
            let end = from + caps.get(0).map_or(0, |m| m.end());
            let (o, b, h) = groups(text, at.range(), end);
            assert_eq!((Some(o), Some(b), Some(h)), want, "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        #[test]
        fn groups_follow_from_the_match(
            picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 0..30)
        ) {
            let mut pieces: Vec<&str> = HEADS.split('|').collect();
            pieces.extend(super::super::ORDINAL_WORDS);
            pieces.extend([
                " ", " ", "  ", "\u{a0}", " - ", "–", " — ", "9th", "21st", "1234th", "FIRST",
                "Border", "defence", "Việt", "the", "s", "EXCHANGE", "Talkſ", "x", ".", "’",
            ]);
            let text: String = picks.iter().map(|i| *i.get(&pieces)).collect();
            same_groups(&text);
        }
    }

    #[test]
    fn groups_of_made_up_editions() {
        for text in [
            "the 9th Vietnam–China Border Defence Friendship Exchange",
            "the third  Thailand - Malaysia Naval Dialogue and the first\u{a0}exchange",
            "the 21st  Forum, the second ASEAN — Japan Meetings ",
        ] {
            same_groups(text);
        }
    }

    #[test]
    fn ordinal_phrases_that_are_not_events() {
        assert!(events("for the first time the two sides held a meeting").is_empty());
        assert!(events("the first half of the year saw a conference").is_empty());
    }

    #[test]
    fn anniversaries() {
        let e = events("the 80th anniversary of Vietnam’s National Day (September 2)");
        assert_eq!(
            e[0],
            (
                "80th anniversary of National Day".into(),
                Some(80),
                Some("anniversary of National Day".into())
            )
        );
    }

    #[test]
    fn anniversary_objects_keep_closing_lower_case_words() {
        let e = events(
            "the 50th founding anniversary of Vietnam – Chile diplomatic relations (1971 – 2021)",
        );
        assert_eq!(
            e[0].0,
            "50th anniversary of Vietnam – Chile diplomatic relations"
        );
        let e = events("the 50th anniversary of the reunification of the South and");
        assert_eq!(e[0].0, "50th anniversary of reunification of the South");
        let e = events("the 80th anniversary of National Day was celebrated.");
        assert_eq!(e[0].0, "80th anniversary of National Day");
    }

    #[test]
    fn capitalised_forums() {
        assert_eq!(
            events("at the Jeju Peace Forum in May")[0].0,
            "Jeju Peace Forum"
        );
        assert!(events("The Conference opened").is_empty());
    }
}
