//! Runs the real `dossier` binary on the embedded seeds and on made-up corpora.

use std::path::Path;
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        // Built models are cached under target/, never in the tester's home.
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = dossier(args);
    assert!(o.status.success(), "{args:?} failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

#[test]
fn list_shows_every_seed_newest_first() {
    let o = dossier(&["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let ids: Vec<&str> = out.lines().skip(1).map(|l| &l[..3]).collect();
    assert_eq!(ids, ["003", "000", "001", "004", "002"], "{out}");
    assert!(
        out.contains("National Defence Ministry told to prioritise defence diplomatic capacity")
    );
    assert!(out.lines().all(|l| !l.contains('\u{1b}')));
}

#[test]
fn list_json_has_the_metadata() {
    let v = json(&["list", "--format", "json"]);
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 5);
    let by_id = |p: &str| {
        rows.iter()
            .find(|r| r["id"].as_str().unwrap().starts_with(p))
            .unwrap()
    };
    assert_eq!(by_id("003")["source"], "VNS");
    assert_eq!(by_id("003")["period"], "2025");
    assert_eq!(by_id("003")["kind"], "annual_review");
    assert_eq!(by_id("002")["period"], "2016-2021");
    assert_eq!(by_id("004")["period"], "2023-H1");
    assert_eq!(by_id("000")["date"], "2025-07-07");
}

#[test]
fn show_accepts_a_unique_prefix_and_prints_clean_text() {
    let o = dossier(&["show", "003"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("National Defence Ministry told to prioritise defence diplomatic capacity")
    );
    assert!(out.contains("published:  2025-12-18"));
    assert!(out.contains("Hoàng Xuân Chiến"), "diacritics are kept");
    for debris in ["E-paper", "— VNS", "HÀ NỘI —"] {
        assert!(!out.contains(debris), "{debris:?} left in:\n{out}");
    }
}

#[test]
fn show_rejects_unknown_and_ambiguous_ids() {
    let o = dossier(&["show", "zzz"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no document matches \"zzz\""),
        "{}",
        stderr(&o)
    );
    let o = dossier(&["show", "00"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("matches several documents"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn export_has_the_documented_shape() {
    let v = json(&["export"]);
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    for d in docs {
        for key in [
            "id",
            "title",
            "source",
            "published",
            "event_date",
            "period",
            "kind",
            "body",
            "captions",
            "related",
            "entities",
        ] {
            assert!(d.get(key).is_some(), "document lacks {key}");
        }
        let body = d["body"].as_array().unwrap();
        assert!(!body.is_empty());
        let text: String = body
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        for debris in [
            "leftcenterrightdel",
            "See more",
            "E-paper",
            "./.",
            "\u{a0}",
            " |",
        ] {
            assert!(
                !text.contains(debris),
                "{}: {debris:?} left in body",
                d["id"]
            );
        }
    }
    assert!(v["entities"].is_array());
    assert!(v["events"].is_array());
}

#[test]
fn version_and_help_work() {
    let o = dossier(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("dossier "));
    let o = dossier(&["--help"]);
    assert!(stdout(&o).contains("--corpus"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("test file system")).expect("test file system");
    std::fs::write(p, bytes).expect("test file system");
}

/// Every file under `dir` with its size and modification time.
fn listing(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("test file system") {
            let e = e.expect("test file system");
            let m = e.metadata().expect("test file system");
            if m.is_dir() {
                stack.push(e.path());
            }
            out.push((
                e.path().display().to_string(),
                m.len(),
                m.modified().expect("test file system"),
            ));
        }
    }
    out.sort();
    out
}

const ARTICLE: &str = "Navy delegation visits Singapore for maritime talks\n\n\
    Singapore (VNA) – A Vietnam People's Navy delegation led by Rear Admiral Tran Thanh Nghiem held talks \
    with the Republic of Singapore Navy on March 5, discussing maritime security cooperation.\n\n\
    Both sides agreed to expand training exchanges.\n";

#[test]
fn a_broken_corpus_reports_each_bad_file_and_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(
        d,
        "sub/notes.md",
        b"# Border guards meet\n\nBorder guards of Vietnam and Laos met in Dien Bien.\n",
    );
    write(d, "empty.txt", b"");
    write(d, "binary.txt", b"\x00\x01\x02PNG\x00\x00data");
    write(
        d,
        "latin1.txt",
        b"Ha Noi caf\xe9 talks\n\nThe delegates met in Ha Noi caf\xe9 district.\n",
    );
    let mut huge = vec![b'x'; 2 * 1024 * 1024];
    huge.push(b'\n');
    write(d, "huge.txt", &huge);
    write(d, "data.json", b"{\"not\": \"an article\"}");
    write(
        d,
        "escape.txt",
        "Alert \u{1b}]0;pwned\u{7} title\n\nBody with \u{1b}[2J a clear-screen.\n".as_bytes(),
    );
    let before = listing(d);

    let o = dossier(&["list", "--corpus", d.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "lossily"),
        ("huge.txt", "single line"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no report for {file}:\n{err}"));
        assert!(line.contains(reason), "{line}");
    }
    let out = stdout(&o);
    assert_eq!(
        out.lines().count(),
        1 + 4,
        "good, notes, latin1 and escape load:\n{out}"
    );
    assert!(out.contains("Navy delegation visits Singapore"));
    assert!(!out.contains("data"), "non-article files are ignored");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{7}'),
        "control characters reach the terminal"
    );

    let shown = stdout(&dossier(&[
        "show",
        "escape",
        "--corpus",
        d.to_str().unwrap(),
    ]));
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    assert_eq!(listing(d), before, "dossier never writes to a corpus");
}

#[test]
fn a_missing_or_empty_corpus_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = dossier(&["list", "--corpus", dir.path().to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no .txt or .md files"),
        "{}",
        stderr(&o)
    );
    let missing = dir.path().join("nope");
    let o = dossier(&["list", "--corpus", missing.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot read corpus folder"),
        "{}",
        stderr(&o)
    );
}
