//! `dossier search` run as a real binary, on the seeds and on the made-up corpus in
//! tests/corpus/search (five short articles written for these tests).

use std::process::{Command, Output};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/search");

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        // Built models are cached under target/, never in the tester's home.
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = dossier(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// The ids of the hits of a query on the made-up corpus, sorted.
fn found(query: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["search", "--corpus", CORPUS, "--format", "json", query];
    args.extend_from_slice(extra);
    let v = json(&args);
    let mut ids: Vec<String> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_owned())
        .collect();
    ids.sort();
    assert_eq!(v["total"].as_u64(), Some(ids.len() as u64), "{query}");
    ids
}

#[test]
fn seeds_xiangshan_lists_exactly_the_articles_with_the_word() {
    // Read from the seeds: only 003 (VNS, 2025 annual review) names the Xiangshan Forum.
    let o = dossier(&["search", "xiangshan"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .nth(1)
                .is_some_and(|id| id.contains('_'))
        })
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
    assert!(rows[0].contains("003_540d3e15a7462879"), "{out}");
    assert!(out.contains("«Xiangshan» Forum"), "{out}");
    assert!(out.ends_with("1 document matches\n"), "{out}");
}

#[test]
fn seeds_phrase_and_json_point_at_the_words() {
    let v = json(&["search", "--format", "json", "\"border guard\""]);
    assert_eq!(v["total"], 1);
    let hit = &v["hits"][0];
    assert!(hit["id"].as_str().unwrap().starts_with("000"));
    let text = hit["snippet"]["text"].as_str().unwrap();
    let start = hit["snippet"]["start"].as_u64().unwrap();
    let (a, b) = (
        hit["snippet"]["hits"][0][0].as_u64().unwrap(),
        hit["snippet"]["hits"][0][1].as_u64().unwrap(),
    );
    let word = &text[(a - start) as usize..(b - start) as usize];
    assert_eq!(word.to_lowercase(), "border guard");
    assert_eq!(hit["snippet"]["field"], "body");
}

#[test]
fn matches_whole_words_across_diacritics() {
    assert_eq!(
        found("hydrography", &[]),
        ["s01_naval_visit", "s03_hydrography"]
    );
    assert_eq!(
        found("\"KHANH HOA\"", &[]),
        ["s01_naval_visit", "s03_hydrography"]
    );
    assert_eq!(found("Khánh", &[]), ["s01_naval_visit", "s03_hydrography"]);
    // "mines" and "demining" are other words; a prefix asks for them.
    assert_eq!(found("mine", &[]), ["s05_mine_action"]);
    assert_eq!(found("mine*", &[]), ["s04_demining", "s05_mine_action"]);
    assert!(found("hydro", &[]).is_empty());
}

#[test]
fn every_word_must_occur_and_quotes_make_a_phrase() {
    assert_eq!(
        found("search rescue", &[]),
        ["s02_rescue_drill", "s04_demining"]
    );
    assert_eq!(found("\"search and rescue\"", &[]), ["s02_rescue_drill"]);
    assert!(found("hydrography rescue", &[]).is_empty());
}

#[test]
fn related_tails_only_when_asked() {
    assert_eq!(found("\"cam ranh\"", &[]), ["s01_naval_visit"]);
    assert_eq!(
        found("\"cam ranh\"", &["--related"]),
        ["s01_naval_visit", "s04_demining"]
    );
}

#[test]
fn limit_and_summary_say_how_many_match() {
    let o = dossier(&["search", "--corpus", CORPUS, "--limit", "1", "training"]);
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    assert!(
        out.contains("documents match (1 shown; --limit N for more)"),
        "{out}"
    );
    let o = dossier(&["search", "--corpus", CORPUS, "submarine"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).ends_with("no document matches\n"));
}

#[test]
fn a_query_without_words_is_an_error() {
    let o = dossier(&["search", "--corpus", CORPUS, " \"\" - "]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no words"));
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("evil.txt"),
        "Evil headline\n\nThe \u{1b}]0;owned\u{7} beacon text \u{1b}[2J is here, beacon again.\n",
    )
    .expect("write");
    let o = dossier(&["search", "--corpus", dir.path().to_str().unwrap(), "beacon"]);
    assert!(o.status.success());
    assert!(!o.stdout.contains(&0x1b) && !o.stdout.contains(&0x07));
    assert!(String::from_utf8_lossy(&o.stdout).contains("«beacon»"));
}

/// The event names `dossier events --filter Q` prints, in order.
fn filtered_events(q: &str) -> Vec<String> {
    let v = json(&["events", "--format", "json", "--filter", q]);
    v.as_array()
        .expect("an array")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_owned())
        .collect()
}

#[test]
fn events_filter_matches_kinds_and_sentences() {
    // The seeds' four UN rotations are peacekeeping, though no name says so.
    let mut got = filtered_events("peacekeeping");
    got.sort();
    assert_eq!(
        got,
        [
            "Engineering Company Rotation 2",
            "Engineering Unit Rotation 4",
            "Level-2 Field Hospital Rotation 5",
            "Level-2 Field Hospital Rotation 7"
        ]
    );
    // "the 4th Vietnam–Laos exchange of young border guard officers": found by its sentence.
    assert!(filtered_events("border").contains(&"4th Vietnam–Laos exchange".to_owned()));
    assert_eq!(
        filtered_events("border 9"),
        ["9th Việt Nam-China Border Defence Friendship Exchange"]
    );
    assert_eq!(filtered_events("xiangshan")[0], "Xiangshan Forum");
}
