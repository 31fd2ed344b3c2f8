//! `y` on a comparison row through the real binary (issue 14): the terminal receives an
//! OSC 52 sequence whose text is the row (its topic, then each side's sentences),
//! sanitised; `osc52 = false` in the config sends nothing.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::files::write_corpus;
use common::pty::Session;

/// Two made-up reports of one visit. The first hides a terminal sequence of its own (an
/// OSC 52 that would copy "evil"), a right-to-left override and a screen clear in a
/// sentence.
const LEFT: &str = "Defence minister receives visiting army chief\n\nHanoi, March 12, 2025 (National Wire) – Defence Minister General Tran Quoc Dung received the visiting chief of staff of a partner army, General Anders Holm, in Hanoi on March 12.\n\nThe two sides agreed to expand \u{1b}]52;c;ZXZpbA==\u{7}officer\u{202e} training\u{1b}[2J and to hold a joint engineering exercise in October.\n\nGeneral Holm said his army would send ten instructors to the engineering school next year.\n";
const RIGHT: &str = "Army chief's visit ends with training deal\n\nHANOI, March 13, 2025 (Evening Post) - A partner army's chief of staff, General Anders Holm, met Defence Minister General Tran Quoc Dung in Hanoi on Wednesday, March 12.\n\nThey signed a plan to expand officer training and agreed on a joint engineering exercise in November.\n\nHolm's delegation also visited a military hospital in the capital.\n";

/// Starts dossier on the two reports (with `config` as the user's config file, if any),
/// opens their comparison showing only the topics that differ, and copies the top row.
fn copy_top_row(config: Option<&str>) -> (tempfile::TempDir, Session) {
    let home = tempfile::tempdir().expect("temp home");
    let corpus = home.path().join("corpus");
    write_corpus(&corpus, &[("visit-a.txt", LEFT), ("visit-b.txt", RIGHT)]);
    if let Some(text) = config {
        let dir = home.path().join("config/dossier");
        std::fs::create_dir_all(&dir).expect("config folder");
        std::fs::write(dir.join("config.toml"), text).expect("config");
    }
    let c = corpus.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--corpus", c, "--no-state"], home.path());
    s.wait_loaded("Documents 2");
    s.send("c");
    s.wait_for("with…");
    s.send("\r");
    s.wait_for("topic 1 of");
    s.send("d");
    s.wait_for("only differing topics");
    s.raw.clear();
    s.send("y");
    (home, s)
}

/// The texts of every OSC 52 sequence in `raw` (ended by BEL or by ST), decoded.
fn osc52_texts(raw: &[u8]) -> Vec<String> {
    let raw = String::from_utf8_lossy(raw);
    raw.split("\u{1b}]52;c;")
        .skip(1)
        .map(|rest| {
            let end = rest
                .find(['\u{7}', '\u{1b}'])
                .expect("an OSC 52 sequence is ended");
            let bytes = STANDARD.decode(&rest[..end]).expect("base64");
            String::from_utf8(bytes).expect("utf-8")
        })
        .collect()
}

/// The words (letters and digits) of `text`, so that runs of words can be compared
/// whatever spaces and stray characters sat between them.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The side of a copied row, `ID: sentences` (or `ID: —`), is made of words of the
/// article, in their order, without a gap.
fn assert_side_from(line: &str, id: &str, article: &str) {
    let text = line.strip_prefix(&format!("{id}: "));
    assert!(text.is_some(), "{line:?} is not {id}'s side");
    let text = text.unwrap_or_default();
    if text == "—" {
        return;
    }
    let (side, all) = (words(text), words(article));
    assert!(!side.is_empty(), "{line:?}");
    assert!(
        all.windows(side.len()).any(|w| w == side.as_slice()),
        "{line:?} is not a run of {id}'s sentences"
    );
}

#[test]
fn y_on_a_comparison_row_sends_its_sanitised_text_in_osc52() {
    let (_home, mut s) = copy_top_row(None);
    let screen = s.wait_for("copied the comparison row");
    let copied = osc52_texts(&s.raw);
    assert_eq!(copied.len(), 1, "one copy, one sequence: {copied:?}");
    let text = &copied[0];
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "topic, left side, right side: {text:?}");
    // The topic is the first one shown (the change digest comes above it).
    let top = screen
        .lines()
        .find(|l| l.contains("── "))
        .unwrap_or_default();
    assert!(
        top.contains(&format!("── {} ", lines[0])),
        "{:?} is not the top topic:\n{screen}",
        lines[0]
    );
    assert_side_from(lines[1], "visit-a", LEFT);
    assert_side_from(lines[2], "visit-b", RIGHT);
    assert!(
        lines[1..].iter().any(|l| !l.ends_with(": —")),
        "a topic that differs has a sentence: {text:?}"
    );
    let count = format!("({} characters)", text.chars().count());
    assert!(screen.contains(&count), "status counts {count}:\n{screen}");
    // Sanitised: nothing left that a terminal would act on when it is pasted.
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    assert!(!text.chars().any(unsafe_char), "{text:?}");
    // The document's own sequence never reached the terminal as one.
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        !raw.contains("\u{1b}]52;c;ZXZpbA=="),
        "the article's OSC 52 ran"
    );
    s.quit();
}

#[test]
fn osc52_false_in_the_config_sends_nothing() {
    let (_home, mut s) = copy_top_row(Some("osc52 = false\n"));
    s.wait_for("copying is off");
    s.send("Y");
    s.quit();
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(!raw.contains("\u{1b}]52"), "a clipboard sequence was sent");
}
