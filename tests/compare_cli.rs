//! `dossier compare` output through the real binary: text within the width, Markdown
//! headed by outlet, kind and period with the digest first, the JSON shape, errors.

use std::process::{Command, Output};
use unicode_width::UnicodeWidthStr;

fn dossier(args: &[&str], columns: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    // Built models are cached under target/, never in the tester's home.
    cmd.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd.args(args).env("NO_COLOR", "1").env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    cmd.output().expect("the binary runs")
}

fn ok(args: &[&str], columns: Option<&str>) -> String {
    let o = dossier(args, columns);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn text_fits_the_asked_width_or_columns() {
    for (args, columns, width) in [
        (vec!["compare", "004", "000", "--width", "60"], None, 60),
        (vec!["compare", "004", "000"], Some("72"), 72),
        (vec!["compare", "004", "000"], None, 100),
        (
            vec!["compare", "001", "003", "--width", "150"],
            Some("72"),
            150,
        ),
    ] {
        let out = ok(&args, columns);
        let widest = out.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        assert!(
            widest <= width,
            "{args:?}: a line of {widest} columns over {width}\n{out}"
        );
        assert!(
            widest > width - 10,
            "{args:?}: uses the width ({widest} of {width})"
        );
        assert!(!out.contains('\u{1b}'));
    }
}

#[test]
fn text_starts_with_the_pair_and_the_digest() {
    let out = ok(&["compare", "004", "000", "--width", "100"], None);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        // 004 names no outlet of its own.
        Some("half-year review, 2023-H1 vs VNA half-year review, 2025-H1")
    );
    assert_eq!(
        lines.next(),
        Some("half-year reviews of 2023-H1 and 2025-H1")
    );
    let digest = out.find("What changed:").expect("a digest");
    let first_row = out.find("── ").expect("rows");
    assert!(digest < first_row);
    let notes = &out[digest..first_row];
    assert!(notes.contains("Border: 8th → 9th"), "{notes}");
    assert!(notes.contains("Rotation 2 → 4"), "{notes}");
}

#[test]
fn markdown_is_headed_by_outlet_kind_and_period_with_the_digest_first() {
    let out = ok(&["compare", "004", "000", "--format", "markdown"], None);
    let first = out.lines().next().unwrap_or("");
    assert_eq!(
        first,
        "# half-year review, 2023-H1 vs VNA half-year review, 2025-H1"
    );
    assert!(!first.contains("004_"), "no file ids in the heading");
    let digest = out.find("## What changed").expect("digest section");
    let border = out
        .find("## Border defence diplomacy")
        .expect("a section per row");
    assert!(digest < border);
    assert!(
        out[digest..border].contains("- **Border**: 8th → 9th"),
        "{out}"
    );
    assert!(out.contains("| 2023-H1 | 2025-H1 |"), "{out}");
}

#[test]
fn json_carries_rows_changes_one_sided_names_and_the_digest() {
    let out = ok(&["compare", "004", "000", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rows = v["rows"].as_array().expect("rows");
    for key in ["left", "right", "left_label", "right_label", "summary"] {
        assert!(v[key].is_string(), "{key}");
    }
    for d in v["digest"].as_array().expect("digest") {
        let row = d["row"].as_u64().expect("row index") as usize;
        assert!(row < rows.len());
        assert_eq!(d["topic"], rows[row]["topic"]);
    }
    let border = rows
        .iter()
        .find(|r| r["topic"] == "border")
        .expect("border row");
    let change = &border["changes"][0];
    assert_eq!(
        (
            change["kind"].as_str(),
            change["left"].as_str(),
            change["right"].as_str()
        ),
        (Some("edition"), Some("8th"), Some("9th"))
    );
    assert!(change["what"].as_str().is_some_and(|w| w.contains("China")));
    assert!(
        border["only_right"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "4th Vietnam–Laos exchange"))
    );
    assert!(rows.iter().all(|r| {
        r["left"]
            .as_array()
            .is_some_and(|a| a.iter().all(serde_json::Value::is_string))
    }));
    assert!(
        rows.iter()
            .all(|r| r["left_refs"].is_array() && r["right_refs"].is_array())
    );
}

#[test]
fn the_same_document_twice_is_an_error() {
    let o = dossier(&["compare", "000", "000_e17"], None);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("same document"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn suggestions_say_why_and_how_alike() {
    let out = ok(&["compare", "--suggest"], None);
    let first = out.lines().nth(1).unwrap_or("");
    assert!(
        first.contains("the same 2025-H1 half-year review reported by VNA and an unnamed outlet"),
        "{out}"
    );
    assert!(out.lines().skip(1).all(|l| l.contains("% alike")), "{out}");
}

#[test]
fn suggestions_skip_exact_copies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    for e in std::fs::read_dir(seeds).expect("seeds").flatten() {
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
    }
    // The 2025-H1 QDND review saved a second time under another name.
    let original = dir.path().join("001_adf30aaf1529f2ba.txt");
    std::fs::copy(&original, dir.path().join("009_copy.txt")).expect("copy");
    let path = dir.path().to_string_lossy().into_owned();
    let with_copy = ok(&["--corpus", &path, "compare", "--suggest"], None);
    assert!(!with_copy.contains("009_copy"), "{with_copy}");
    let without = ok(&["compare", "--suggest"], None);
    assert_eq!(
        with_copy.lines().count(),
        without.lines().count(),
        "{with_copy}\n---\n{without}"
    );
}
