//! The cleaning stage on the five embedded seeds.

use dossier::model::clean::Lexicon;
use dossier::model::{Corpus, Document};
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(Corpus::seeds)
}

fn doc(prefix: &str) -> &'static Document {
    let c = corpus();
    let i = c.find(prefix).expect("seed exists");
    &c.documents[i]
}

const IDS: [&str; 5] = ["000", "001", "002", "003", "004"];

#[test]
fn titles_are_headlines_or_derived() {
    assert_eq!(
        doc("000").title,
        "Ministry reviews defence diplomacy in first half, sets tasks toward year end"
    );
    assert_eq!(
        doc("003").title,
        "National Defence Ministry told to prioritise defence diplomatic capacity"
    );
    assert!(!doc("000").title_derived && !doc("003").title_derived);
    for (id, start) in [
        ("001", "The event, held in both online and offline formats"),
        (
            "002",
            "Vietnam has taken an active and responsible part in defence diplomacy",
        ),
        ("004", "The online event, connecting 22 locations"),
    ] {
        let d = doc(id);
        assert!(d.title_derived, "{id}");
        assert!(d.title.chars().count() <= 100, "{id}: {}", d.title);
        assert!(d.title.starts_with(start), "{id}: {}", d.title);
        assert!(
            !d.title.contains("leftcenterrightdel") && !d.title.contains("Photo"),
            "{id}"
        );
    }
}

#[test]
fn sources_and_datelines() {
    // 001 and 004 end with "Translated by Tran Hoai", which names a translator, not an
    // outlet (issue 9); no other line of theirs names one.
    let want = [
        ("000", Some("VNA")),
        ("001", None),
        ("002", Some("VNA")),
        ("003", Some("VNS")),
        ("004", None),
    ];
    for (id, source) in want {
        assert_eq!(doc(id).source.as_deref(), source, "{id}");
    }
    assert!(
        doc("000")
            .source_basis
            .as_deref()
            .is_some_and(|b| b.starts_with("dateline 'Hanoi (VNA) –'")),
        "{:?}",
        doc("000").source_basis
    );
    assert_eq!(doc("000").dateline.as_deref(), Some("Hanoi"));
    assert_eq!(doc("002").dateline.as_deref(), Some("Hanoi"));
    assert_eq!(doc("003").dateline.as_deref(), Some("HÀ NỘI"));
    assert_eq!(
        doc("001").byline.as_deref(),
        Some("Translated by Tran Hoai")
    );
    assert_eq!(
        doc("004").byline.as_deref(),
        Some("Translated by Tran Hoai")
    );
}

#[test]
fn bodies_have_no_debris_captions_marks_or_datelines() {
    let bad = [
        "leftcenterrightdel",
        "See more",
        "E-paper",
        "(Photo",
        "Photo qdnd",
        "./.",
        "— VNS",
        "Translated by",
        "(VNA)",
        "HÀ NỘI —",
        "💮",
        "ꦡ",
        "ꦰ",
        "\u{a0}",
        "  ",
    ];
    for id in IDS {
        let d = doc(id);
        assert!(!d.body.is_empty(), "{id}");
        for p in &d.body {
            assert!(!bad.iter().any(|b| p.contains(b)), "{id}: {p}");
            assert!(
                !p.ends_with('|') && p != "VNA" && p.trim() == p,
                "{id}: {p}"
            );
            assert!(p.starts_with(|c: char| c.is_uppercase()), "{id}: {p}");
        }
    }
}

#[test]
fn bodies_have_no_glued_words() {
    let lex = Lexicon::embedded();
    for id in IDS {
        for p in &doc(id).body {
            for token in p.split(' ') {
                let t = token.trim_matches(|c: char| !c.is_alphanumeric());
                let b = t.as_bytes();
                // camelCase inside a word ("ofNational"); digits glued to words ("April14").
                let camel = b
                    .windows(2)
                    .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
                let digit_word = b.windows(4).any(|w| {
                    w[0].is_ascii_digit() && w[1..].iter().all(u8::is_ascii_lowercase)
                        || w[..3].iter().all(u8::is_ascii_lowercase) && w[3].is_ascii_digit()
                });
                assert!(!camel && !digit_word, "{id}: {token:?} in {p}");
                for piece in t.split('-') {
                    if piece.len() >= 5 && piece.bytes().all(|c| c.is_ascii_lowercase()) {
                        assert!(lex.is_word(piece), "{id}: unknown word {piece:?} in {p}");
                    }
                }
            }
        }
    }
    let p002 = doc("002").body.join("\n");
    for spaced in [
        "territorial sovereignty",
        "on April 14",
        "of National Defence",
        "100 countries",
        "UN Security Council",
        "People's Army",
        "COVID-19 pandemic",
        "the Ministry of National",
        "achievements in overcoming",
        "to study",
        "focusing on",
        "and overcoming",
        "Sen. Lt.Gen.",
    ] {
        assert!(p002.contains(spaced), "{spaced}");
    }
    assert!(
        doc("002")
            .body
            .iter()
            .any(|p| p.starts_with("In addition, Vietnam"))
    );
    assert!(doc("002").body.iter().any(|p| p.starts_with("Along with")));
}

#[test]
fn related_tails_are_kept_out_of_bodies() {
    let d = doc("000");
    // Seven related stories follow "See more", each [caption] + headline + lede.
    assert_eq!(d.related.len(), 7);
    assert!(
        d.related
            .iter()
            .all(|r| r.title.is_some() && !r.text.is_empty())
    );
    assert_eq!(
        d.related[0].title.as_deref(),
        Some("PM directs tasks to boost economic growth")
    );
    assert_eq!(d.related[0].captions, ["Illustrative image (Source: VNA)"]);
    assert!(
        d.body
            .last()
            .is_some_and(|p| p.ends_with("sci-tech research."))
    );

    let d = doc("002");
    assert!(d.related.len() >= 15, "{}", d.related.len());
    assert!(
        d.related
            .iter()
            .all(|r| r.title.is_none() && !r.text.is_empty())
    );
    assert!(d.body.last().is_some_and(|p| p.ends_with("he went on.")));

    for id in ["001", "003", "004"] {
        assert!(doc(id).related.is_empty(), "{id}");
    }
    assert!(
        doc("003")
            .body
            .last()
            .is_some_and(|p| p.ends_with("outreach and impact."))
    );
}

#[test]
fn captions_are_deduplicated_and_moved_out() {
    let counts = [("000", 1), ("001", 3), ("002", 2), ("003", 1), ("004", 3)];
    for (id, n) in counts {
        assert_eq!(doc(id).captions.len(), n, "{id}: {:?}", doc(id).captions);
    }
    assert!(doc("001").captions.iter().all(|c| !c.contains('|')));
    assert_eq!(&doc("004").captions[0], "Delegates at the conference");
}

#[test]
fn lede_is_not_repeated() {
    let d = doc("002");
    let lede = "Vietnam has taken an active and responsible part";
    assert_eq!(d.body.iter().filter(|p| p.starts_with(lede)).count(), 1);
    assert!(d.body[0].starts_with(lede) && d.body[0].ends_with("heard a conference on April 14."));
}
