//! `dossier compare` on made-up pairs of reviews (tests/corpus/compare/*): which
//! statements share a row, which changes are linked as records, and which names are
//! (and are not) one-sided. The expectations are read off the articles' text.

use serde_json::Value;
use std::process::Command;

/// `dossier --corpus tests/corpus/compare/<pair> compare a_ b_ --format json`.
fn compare(pair: &str) -> Value {
    let dir = format!("{}/tests/corpus/compare/{pair}", env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        // Built models are cached under target/, never in the tester's home.
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(["--corpus", &dir, "compare", "a_", "b_", "--format", "json"])
        .output()
        .expect("the binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

fn rows(v: &Value) -> &Vec<Value> {
    v["rows"].as_array().expect("rows")
}

fn texts<'a>(row: &'a Value, side: &str) -> Vec<&'a str> {
    let full = row[side].as_array().into_iter().flatten();
    let refs = row[format!("{side}_refs")]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| &r["text"]);
    full.chain(refs).filter_map(Value::as_str).collect()
}

/// The topics of the rows where a left sentence containing `l` and a right one
/// containing `r` both are (in full or as a reference).
fn shared_rows(v: &Value, l: &str, r: &str) -> Vec<String> {
    rows(v)
        .iter()
        .filter(|row| {
            texts(row, "left").iter().any(|s| s.contains(l))
                && texts(row, "right").iter().any(|s| s.contains(r))
        })
        .filter_map(|row| row["topic"].as_str().map(str::to_owned))
        .collect()
}

/// The topic of the row showing in full the `side` sentence that contains `needle`.
fn row_of(v: &Value, side: &str, needle: &str) -> String {
    rows(v)
        .iter()
        .find(|row| {
            row[side].as_array().is_some_and(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .any(|s| s.contains(needle))
            })
        })
        .and_then(|row| row["topic"].as_str())
        .unwrap_or("")
        .to_owned()
}

fn assert_shared(v: &Value, l: &str, r: &str, topic: &str) {
    let got = shared_rows(v, l, r);
    assert!(
        got.iter().any(|t| t == topic),
        "{l:?} / {r:?} should share the {topic} row, share {got:?}"
    );
}

fn changes(v: &Value) -> Vec<(String, String, String, String)> {
    let s = |c: &Value, k: &str| c[k].as_str().unwrap_or("").to_owned();
    rows(v)
        .iter()
        .flat_map(|row| row["changes"].as_array().into_iter().flatten())
        .map(|c| (s(c, "kind"), s(c, "left"), s(c, "right"), s(c, "what")))
        .collect()
}

/// A change of `kind` from `left` to `right` whose "what" contains `what`.
fn assert_change(v: &Value, kind: &str, left: &str, right: &str, what: &str) {
    let all = changes(v);
    assert!(
        all.iter()
            .any(|(k, l, r, w)| k == kind && l == left && r == right && w.contains(what)),
        "no {kind} change {left} → {right} ({what}) in {all:#?}"
    );
}

fn one_sided(v: &Value) -> Vec<String> {
    rows(v)
        .iter()
        .flat_map(|row| {
            let l = row["only_left"].as_array().into_iter().flatten();
            let r = row["only_right"].as_array().into_iter().flatten();
            l.chain(r).filter_map(Value::as_str).map(str::to_owned)
        })
        .collect()
}

fn assert_not_one_sided(v: &Value, name: &str) {
    let all = one_sided(v);
    assert!(
        !all.iter().any(|s| s.contains(name)),
        "{name} is on both sides, not in {all:?}"
    );
}

fn assert_one_sided(v: &Value, name: &str) {
    let all = one_sided(v);
    assert!(
        all.iter().any(|s| s.contains(name)),
        "{name} should be one-sided: {all:?}"
    );
}

#[test]
fn half_year_reviews_of_two_years() {
    let v = compare("halves");
    assert_shared(&v, "5th Vietnam–China", "6th Việt Nam–China", "border");
    assert_shared(
        &v,
        "Field Hospital Rotation 3",
        "Field Hospital Rotation 4",
        "peacekeeping",
    );
    assert_shared(&v, "more than 90 countries", "95 countries", "bilateral");
    assert_shared(&v, "remains of 150", "remains of 172", "war_legacy");
    assert_shared(
        &v,
        "chaired by Deputy Minister",
        "was chaired by Deputy Minister",
        "conference",
    );
    assert_shared(
        &v,
        "For the second half",
        "In the coming time",
        "tasks_ahead",
    );
    // "In the last six months" reports the half under review, not a task.
    assert_eq!(row_of(&v, "left", "In the last six months"), "war_legacy");
    assert_change(
        &v,
        "edition",
        "5th",
        "6th",
        "Vietnam–China Border Defence Friendship Exchange",
    );
    assert_change(&v, "edition", "Rotation 3", "Rotation 4", "Field Hospital");
    assert_change(
        &v,
        "edition",
        "Rotation 1",
        "Rotation 2",
        "Engineering Unit",
    );
    assert_change(&v, "number", "more than 90", "95", "countries");
    assert_change(&v, "number", "30", "25", "locations");
    assert_change(&v, "number", "150", "172", "soldiers");
    assert_change(&v, "role", "Pham Duc Linh", "Vo Thanh Long", "chair");
    assert_change(&v, "format", "online", "hybrid", "format");
    // The right names the ministry in its deputy minister's title.
    assert_not_one_sided(&v, "Ministry of National Defence");
    assert_not_one_sided(&v, "ASEAN Defence Ministers");
    assert_one_sided(&v, "Cambodia");
    let digest: Vec<&str> = v["digest"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["text"].as_str())
        .collect();
    assert!(
        digest
            .iter()
            .any(|d| d.starts_with("Border:") && d.contains("5th → 6th")),
        "{digest:?}"
    );
}

#[test]
fn spelled_out_and_numeric_ordinals_in_two_spellings() {
    let v = compare("ordinals");
    assert_shared(
        &v,
        "seventh Vietnam - China",
        "8th Việt Nam-China",
        "border",
    );
    assert_shared(&v, "third Vietnam - Laos", "4th Việt Nam-Laos", "border");
    assert_shared(
        &v,
        "fifth Vietnam - India",
        "6th Việt Nam-India",
        "bilateral",
    );
    assert_change(
        &v,
        "edition",
        "seventh",
        "8th",
        "China Border Defense Friendship Exchange",
    );
    assert_change(
        &v,
        "edition",
        "third",
        "4th",
        "Laos Border Defense Friendship Exchange",
    );
    assert_change(
        &v,
        "edition",
        "fifth",
        "6th",
        "India Defense Policy Dialogue",
    );
    assert_not_one_sided(&v, "Defence Expo");
    assert_not_one_sided(&v, "Defense Expo");
    // The digest writes editions as numbers.
    let digest = v["digest"].to_string();
    assert!(digest.contains("7th → 8th"), "{digest}");
}

#[test]
fn whole_military_annual_reviews() {
    let v = compare("military");
    for (l, r, topic) in [
        ("120,000 troops", "150,000 troops", "disaster"),
        (
            "Combat readiness was maintained",
            "Combat readiness remained",
            "readiness",
        ),
        (
            "absolute security for major political events",
            "absolute security for major",
            "event_security",
        ),
        (
            "Defence zone exercises were held",
            "Defence zone exercises took place",
            "defence_zones",
        ),
        (
            "Party work and political work",
            "Party work and political education",
            "party_work",
        ),
        (
            "Military training quality improved",
            "Military training quality rose",
            "military_training",
        ),
        (
            "Logistics and technical work met",
            "Logistics and technical work improved",
            "logistics",
        ),
        (
            "Discipline was tightened",
            "Military discipline was strict",
            "discipline",
        ),
    ] {
        assert_shared(&v, l, r, topic);
    }
    assert_change(&v, "number", "120,000", "150,000", "troops");
    assert_change(&v, "number", "3,000", "3,400", "vehicles");
    assert_change(&v, "number", "12", "9", "storms");
    assert_change(&v, "number", "1,200", "1,450", "people");
    assert_change(&v, "number", "14", "18", "provinces");
    assert_change(&v, "number", "95%", "97%", "");
    assert_change(&v, "number", "12%", "8%", "");
    assert_one_sided(&v, "80th anniversary of");
}

#[test]
fn a_half_year_review_and_the_same_year_s_annual_review() {
    let v = compare("half_and_year");
    assert_eq!(
        v["summary"],
        "the 2023-H1 half-year review and the 2023 annual review"
    );
    assert_shared(
        &v,
        "2nd Vietnam International Defence Expo",
        "2nd Việt Nam International Defence Expo",
        "industry",
    );
    assert_change(&v, "status", "in preparation", "held", "Defence Expo");
    assert_change(&v, "number", "150", "174", "foreign firms");
    assert_change(&v, "number", "40,000", "95,000", "troops");
    assert_change(&v, "number", "6", "15", "defence zone exercises");
    assert_not_one_sided(&v, "Engineering Unit Rotation 3");
    assert_one_sided(&v, "Field Hospital Rotation 5");
}

#[test]
fn one_conference_from_two_outlets() {
    let v = compare("outlets");
    assert_eq!(
        v["summary"],
        "the same 2024-H1 half-year review reported by VNA and QDND"
    );
    assert_shared(
        &v,
        "22 delegation exchanges",
        "22 delegation exchanges",
        "bilateral",
    );
    assert_shared(
        &v,
        "chaired by Deputy Minister",
        "Chairing the event",
        "conference",
    );
    assert!(changes(&v).is_empty(), "{:#?}", changes(&v));
    // The MND, its acronym and a general called by his given name are on both sides.
    assert_not_one_sided(&v, "Ministry of National Defen");
    assert_not_one_sided(&v, "Vo Thanh Long");
    assert_not_one_sided(&v, "MND");
    assert_one_sided(&v, "ADMM Retreat");
    assert_one_sided(&v, "Field Hospital Rotation 6");
    assert_one_sided(&v, "Ministry of Foreign Affairs");
}

#[test]
fn chairs_and_heads_of_delegation() {
    let v = compare("chairs");
    assert_change(&v, "role", "Ngo Quang Tuan", "Le Minh Khoa", "chair");
    assert_change(
        &v,
        "role",
        "Dao Van Binh",
        "Hoang Van Son",
        "head of delegation",
    );
    assert_change(&v, "number", "more than 80", "87", "countries");
    assert_not_one_sided(&v, "Shangri-La Dialogue");
    assert_not_one_sided(&v, "Ngo Quang Tuan");
}

#[test]
fn editions_of_different_things_and_place_names_written_two_ways() {
    let v = compare("series");
    let changes = changes(&v);
    // Congresses of two bodies, a forum and an anniversary: editions of four things, no
    // change between them; days written as ordinals are dates, not editions.
    for (_, left, right, _) in &changes {
        for ordinal in ["12th", "11th", "fourth", "70th", "3rd", "21st"] {
            assert!(
                left != ordinal && right != ordinal,
                "{ordinal} linked: {changes:?}"
            );
        }
    }
    for name in ["3rd", "21st", "Danang", "Đà Nẵng", "Da Nang"] {
        assert!(
            !one_sided(&v).iter().any(|s| s.contains(name)),
            "{name} one-sided: {:?}",
            one_sided(&v)
        );
    }
}
