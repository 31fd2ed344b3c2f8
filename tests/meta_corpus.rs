//! The metadata pass through the real binary on tests/corpus/meta: made-up articles in
//! different outlets' styles (reviews, event reports, other sectors, quarters), checked
//! against tests/corpus/meta/expected.json.

use serde_json::Value;
use std::process::Command;
use std::sync::OnceLock;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/meta");
const FIELDS: [&str; 5] = ["published", "event_date", "period", "kind", "source"];

fn run(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        // Built models are cached under target/, never in the tester's home.
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .args(["--corpus", CORPUS])
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn export() -> &'static Value {
    static E: OnceLock<Value> = OnceLock::new();
    E.get_or_init(|| serde_json::from_str(&run(&["export"])).expect("valid JSON"))
}

fn expected() -> Value {
    let text = std::fs::read_to_string(format!("{CORPUS}/expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("valid expected.json")
}

fn document(id: &str) -> Option<&'static Value> {
    export()["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["id"] == id)
}

#[test]
fn every_article_has_its_expected_metadata() {
    let expected = expected();
    let want = expected["documents"].as_object().expect("documents");
    assert!(want.len() >= 20, "at least 20 articles");
    let mut wrong = Vec::new();
    for (id, fields) in want {
        let Some(got) = document(id) else {
            wrong.push(format!("{id} is not in the export"));
            continue;
        };
        for field in FIELDS {
            if got[field] != fields[field] {
                wrong.push(format!(
                    "{id}: {field} is {} (want {})",
                    got[field], fields[field]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let docs = export()["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), want.len(), "every article has expectations");
}

#[test]
fn every_found_value_says_how_it_was_found() {
    for d in export()["documents"].as_array().expect("documents") {
        for (value, basis) in [
            ("published", "published_basis"),
            ("source", "source_basis"),
            ("event_date", "event_date_basis"),
        ] {
            assert_eq!(
                d[value].is_null(),
                d[basis].is_null(),
                "{}: {basis}",
                d["id"]
            );
        }
        if !d["period"].is_null() {
            assert!(d["period_basis"].is_string(), "{}", d["id"]);
        }
    }
}

#[test]
fn titles_and_bodies_carry_no_date_lines_captions_or_chrome() {
    let chrome = [
        "date 20",
        "Share Print",
        "return icon",
        "{border guard",
        "Mời quý",
        "Home Politics",
        "VOV.VN -",
        "VTV.vn -",
        "NDO –",
        "WVR -",
        "Published:",
        "by VTV4",
        "(Photo:",
        "speaks at the conference",
        "An overview of",
    ];
    for d in export()["documents"].as_array().expect("documents") {
        let title = d["title"].as_str().expect("title");
        let body: Vec<&str> = d["body"]
            .as_array()
            .expect("body")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for text in std::iter::once(title).chain(body.iter().copied()) {
            for c in chrome {
                assert!(!text.contains(c), "{}: {c:?} in {text:?}", d["id"]);
            }
        }
        assert!(!body.contains(&title), "{}: headline repeated", d["id"]);
    }
    assert_eq!(
        document("15_vns_meeting_reviews_exchange").expect("in the export")["dateline"],
        "HÀ NỘI"
    );
    assert_eq!(
        document("03_qdnd_last_year_undated").expect("in the export")["captions"][0],
        "Colonel Ha Van Tuan speaks at the conference."
    );
}

#[test]
fn list_and_show_tell_kind_and_basis() {
    let list = run(&["list"]);
    assert!(list.contains("event report"), "{list}");
    assert!(!list.contains(" date 20"), "{list}");
    let show = run(&["show", "12_journal"]);
    assert!(
        show.contains("published:  2026-01-12  (the date line directly above the headline"),
        "{show}"
    );
    assert!(show.contains("period:     2025  ("), "{show}");
    let show = run(&["show", "14_joint"]);
    assert!(
        show.contains("source:     VNS/VNA  (closing credit 'VNS/VNA' after the last paragraph)"),
        "{show}"
    );
    let show = run(&["show", "16_qdnd"]);
    assert!(show.contains("period:     —  ("), "{show}");
}
