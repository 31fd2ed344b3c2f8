//! Entities of the real binary's `export` against hand-annotated gold, compared by
//! names as written: a gold name is found when, folded the way the dev set's scorer
//! folds names (lower case, no diacritics, punctuation as spaces, leading ranks and
//! titles dropped), it equals the name or an alias of an entity of that kind linked to
//! the document. Run on the embedded seeds (tests/gold/seeds.json) and on a made-up
//! corpus (tests/corpus/entities/, gold in tests/gold/corpus.json); precision and
//! recall are printed per kind. Every mention's byte range is checked against the text.

#![allow(
    clippy::panic,
    reason = "helpers name the document, field or range that failed"
)]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use unicode_normalization::UnicodeNormalization;

const KINDS: [(&str, &str); 4] = [
    ("persons", "person"),
    ("organisations", "org"),
    ("places", "place"),
    ("events", "event"),
];

/// Leading ranks and titles the scorer drops ("Sen Lt Gen", "Minister", "Dr").
const RANKS: &[&str] = &[
    "senior lieutenant general",
    "lieutenant general",
    "major general",
    "general",
    "sr lt gen",
    "sen lt gen",
    "lt gen",
    "gen",
    "deputy minister",
    "minister",
    "president",
    "prime minister",
    "pm",
    "mr",
    "ms",
    "mrs",
    "dr",
];

fn fold(s: &str) -> String {
    let s = s.replace('đ', "d").replace('Đ', "D");
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    let spaced: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold_name(s: &str) -> String {
    let mut f = fold(s);
    loop {
        let next = RANKS
            .iter()
            .find_map(|r| f.strip_prefix(&format!("{r} ")).map(str::to_owned));
        match next {
            Some(n) => f = n,
            None => return f,
        }
    }
}

fn export(corpus: Option<&str>) -> Value {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    // Built models are cached under target/, never in the tester's home.
    cmd.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    if let Some(dir) = corpus {
        cmd.args(["--corpus", dir]);
    }
    let out = cmd.args(["export"]).output().expect("dossier runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("export is JSON")
}

/// The names (folded) of every entity of each kind linked to each document.
type Linked = BTreeMap<String, Vec<(String, BTreeSet<String>)>>;

fn linked(export: &Value) -> Linked {
    let mut names: BTreeMap<&str, (&str, BTreeSet<String>)> = BTreeMap::new();
    for e in export["entities"].as_array().into_iter().flatten() {
        let mut set: BTreeSet<String> = BTreeSet::new();
        set.insert(fold_name(e["name"].as_str().unwrap_or("")));
        for a in e["aliases"].as_array().into_iter().flatten() {
            set.insert(fold_name(a.as_str().unwrap_or("")));
        }
        set.remove("");
        names.insert(
            e["id"].as_str().unwrap_or(""),
            (e["kind"].as_str().unwrap_or(""), set),
        );
    }
    let mut out = Linked::new();
    for d in export["documents"].as_array().into_iter().flatten() {
        let id = d["id"].as_str().unwrap_or("").to_owned();
        let list = d["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|de| names.get(de["id"].as_str().unwrap_or("")))
            .map(|(k, s)| ((*k).to_owned(), s.clone()))
            .collect();
        out.insert(id, list);
    }
    out
}

/// Per kind: (gold found, gold total, predictions good, predictions total).
fn score(export: &Value, gold: &Value, label: &str) -> BTreeMap<&'static str, [usize; 4]> {
    let linked = linked(export);
    let mut tally: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    for (doc, want) in gold["documents"].as_object().expect("documents") {
        let got = linked
            .get(doc)
            .unwrap_or_else(|| panic!("{label}: {doc} exported"));
        for (gkey, kind) in KINDS {
            let wanted: BTreeSet<String> = want[gkey]
                .as_array()
                .into_iter()
                .flatten()
                .map(|x| fold_name(x.as_str().unwrap_or("")))
                .collect();
            let preds: Vec<&BTreeSet<String>> = got
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, s)| s)
                .collect();
            let t = tally.entry(gkey).or_default();
            for w in &wanted {
                if preds.iter().any(|p| p.contains(w)) {
                    t[0] += 1;
                } else {
                    println!("{label} {doc}: missed {kind} {w:?}");
                }
            }
            t[1] += wanted.len();
            for p in &preds {
                if p.iter().any(|n| wanted.contains(n)) {
                    t[2] += 1;
                } else {
                    println!("{label} {doc}: extra {kind} {p:?}");
                }
            }
            t[3] += preds.len();
        }
    }
    for (kind, [hit, n, good, np]) in &tally {
        println!(
            "{label} {kind}: recall {hit}/{n} = {:.3}, precision {good}/{np} = {:.3}",
            ratio(*hit, *n),
            ratio(*good, *np)
        );
    }
    tally
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn totals(t: &BTreeMap<&'static str, [usize; 4]>) -> (f64, f64) {
    let sum = |i: usize| t.values().map(|v| v[i]).sum::<usize>();
    (ratio(sum(0), sum(1)), ratio(sum(2), sum(3)))
}

/// Every mention's range lies on char boundaries of its field, and the text there is
/// one of the entity's names as written.
fn mentions_match_text(export: &Value) {
    let mut spellings: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for e in export["entities"].as_array().into_iter().flatten() {
        let set = spellings.entry(e["id"].as_str().unwrap_or("")).or_default();
        set.insert(fold(e["name"].as_str().unwrap_or("")));
        for a in e["aliases"].as_array().into_iter().flatten() {
            set.insert(fold(a.as_str().unwrap_or("")));
        }
    }
    let mut checked = 0;
    for d in export["documents"].as_array().into_iter().flatten() {
        for de in d["entities"].as_array().into_iter().flatten() {
            let id = de["id"].as_str().unwrap_or("");
            for m in de["mentions"].as_array().into_iter().flatten() {
                let i = m["index"].as_u64().unwrap_or(0) as usize;
                let text = match m["field"].as_str().unwrap_or("") {
                    "title" => d["title"].as_str(),
                    "body" => d["body"][i].as_str(),
                    "caption" => d["captions"][i].as_str(),
                    other => panic!("main-article mention in field {other:?}"),
                }
                .expect("the field exists");
                let (s, e) = (
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                );
                let surface = text
                    .get(s..e)
                    .unwrap_or_else(|| panic!("{id}: range {s}..{e} outside or inside a char"));
                assert!(
                    spellings[id].contains(&fold(surface)),
                    "{id}: the text at {s}..{e} is {surface:?}, not one of its names"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no mention was checked");
}

fn gold(json: &str) -> Value {
    serde_json::from_str(json).expect("gold is JSON")
}

#[test]
fn seeds_names_as_written() {
    let export = export(None);
    let t = score(&export, &gold(include_str!("gold/seeds.json")), "seeds");
    let (recall, precision) = totals(&t);
    println!("seeds: recall {recall:.3}, precision {precision:.3}");
    assert!(recall >= 0.97, "recall {recall:.3}");
    assert!(precision >= 0.97, "precision {precision:.3}");
    mentions_match_text(&export);
}

#[test]
fn made_up_corpus_names_as_written() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/entities");
    let export = export(Some(dir));
    let t = score(&export, &gold(include_str!("gold/corpus.json")), "corpus");
    let (recall, precision) = totals(&t);
    println!("corpus: recall {recall:.3}, precision {precision:.3}");
    let persons = t["persons"];
    assert!(
        ratio(persons[0], persons[1]) >= 0.9,
        "person recall {persons:?}"
    );
    assert!(
        ratio(persons[2], persons[3]) >= 0.9,
        "person precision {persons:?}"
    );
    assert!(recall >= 0.85, "recall {recall:.3}");
    assert!(precision >= 0.85, "precision {precision:.3}");
    mentions_match_text(&export);
}
