//! A corpus whose file and folder names carry terminal escapes (OSC 52 clipboard write,
//! OSC 0 title, CSI 2J clear screen, C1 CSI), bidi overrides, raw non-UTF-8 bytes and
//! very long names: every subcommand's stdout and stderr stay free of control bytes.

use super::{Run, article, assert_clean, run, write};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

const OSC52: &str = "\u{1b}]52;c;aGVsbG8=\u{7}";
const OSC0: &str = "\u{1b}]0;pwned\u{7}";
const CSI_2J: &str = "\u{1b}[2J";

/// The corpus: ids 000…, 001…, 002… (each prefix shared by two hostile names, so
/// prefix lookups are ambiguous), a very long id, a raw-byte name, a hostile folder.
fn corpus(d: &Path) -> Vec<String> {
    let names = [
        format!("000{OSC52}{OSC0}{CSI_2J}x.txt"),
        "000\u{9b}31m\u{202e}gnp.txt".to_owned(),
        "001\u{61c}\u{2066}\u{200f}abc\u{2069}.md".to_owned(),
        "001\u{202d}\u{7f}\u{200b}\u{feff}def.txt".to_owned(),
        format!("002_{}.txt", "long".repeat(60)),
        "002_plain.txt".to_owned(),
    ];
    for (n, name) in names.iter().enumerate() {
        write(d, name, article(n));
    }
    write(d, OsStr::from_bytes(b"003\x9b\xff\x1b[31m.txt"), article(7));
    // A folder with an escape in its name, holding a good file and a broken one.
    write(d, format!("{OSC0}dir/{CSI_2J}in.txt"), article(8));
    write(d, format!("{OSC0}dir/{OSC52}empty.txt"), "");
    // Escapes and bidi controls inside an article, too.
    write(
        d,
        "004_text.txt",
        format!(
            "Title with {OSC52} and \u{202e}reversed\n\n\
             Hanoi (VNA) – A delegation {CSI_2J} of the \u{9b}2J Vietnam People's Navy \
             visited Da Nang on June 2.\u{61c}\n"
        ),
    );
    names.to_vec()
}

/// Every subcommand with the arguments that put ids, file names, titles and queries on
/// stdout or stderr, in every output format.
fn invocations() -> Vec<Vec<String>> {
    let long = "x".repeat(100_000);
    let hostile_query = format!("{OSC52}{CSI_2J}\u{9b}\u{202e}");
    let mut all: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--format", "json"],
        vec!["show", "000"],
        vec!["show", "001", "--format", "json"],
        vec!["show", "002_long"],
        vec!["show", "002_long", "--format", "json"],
        vec!["show", "003"],
        vec!["show", "004"],
        vec!["show", "in"],
        vec!["show", ""],
        vec!["show", &long],
        vec!["show", &hostile_query],
        vec!["export"],
        vec!["entities"],
        vec!["entities", "--format", "json"],
        vec!["entities", "--doc", "000"],
        vec!["entities", "--doc", "004"],
        vec!["entities", "--doc", "004", "--format", "json"],
        vec!["entities", "--kind", &hostile_query],
        vec!["events"],
        vec!["events", "--format", "json"],
        vec!["events", "--filter", &hostile_query],
        vec!["events", "--series", &hostile_query],
        vec!["compare", "002_long", "004"],
        vec!["compare", "002_long", "004", "--format", "markdown"],
        vec!["compare", "002_long", "004", "--format", "json"],
        vec!["compare", "000", "001"],
        vec!["compare", "in", &hostile_query],
        vec!["compare", "--suggest"],
        vec!["compare", "--suggest", "--format", "json"],
        vec!["compare", "--suggest", "--format", "markdown"],
        vec!["show", "002_long", "extra", &hostile_query],
    ];
    let known: Vec<&str> = all.iter().map(|a| a[0]).collect();
    let others: Vec<String> = subcommands()
        .into_iter()
        .filter(|s| !known.contains(&s.as_str()))
        .collect();
    // A subcommand added later is run at least bare and with JSON output.
    for s in &others {
        all.push(vec![s]);
        all.push(vec![s, "--format", "json"]);
    }
    all.into_iter()
        .map(|a| a.into_iter().map(str::to_owned).collect())
        .collect()
}

/// The subcommands `dossier --help` lists.
fn subcommands() -> Vec<String> {
    let help = run(["--help"]).out();
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|s| *s != "help")
        .map(str::to_owned)
        .collect()
}

fn dossier(d: &Path, args: &[String]) -> Run {
    let mut all = vec!["--corpus".into(), d.as_os_str().to_owned()];
    all.extend(args.iter().map(Into::into));
    run(all)
}

#[test]
fn no_control_byte_reaches_stdout_or_stderr_from_any_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d);
    let invocations = invocations();
    assert!(invocations.len() >= 32);
    for args in &invocations {
        let r = dossier(d, args);
        assert_ne!(r.code, Some(101), "{args:?} panicked: {}", r.err());
        let what = format!(
            "{:?}",
            args.iter()
                .map(|a| a.chars().take(20).collect::<String>())
                .collect::<Vec<_>>()
        );
        assert_clean(&format!("stdout of {what}"), &r.stdout);
        assert_clean(&format!("stderr of {what}"), &r.stderr);
        assert!(
            r.stderr.len() < 4000,
            "{what}: stderr echoes too much:\n{}",
            r.err()
        );
        let json = args.iter().any(|a| a == "json") || args[0] == "export";
        if json && r.code == Some(0) {
            serde_json::from_slice::<serde_json::Value>(&r.stdout)
                .unwrap_or_else(|e| panic!("{what}: invalid JSON: {e}"));
        }
    }
}

#[test]
fn json_keeps_hostile_names_as_escapes_that_decode_to_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let names = corpus(dir.path());
    let r = dossier(
        dir.path(),
        &["list".into(), "--format".into(), "json".into()],
    );
    assert_eq!(r.code, Some(0), "{}", r.err());
    let text = r.out();
    assert!(
        text.contains(r"000\u001b]52;c;aGVsbG8=\u0007"),
        "C0 escaped"
    );
    assert!(
        text.contains(r"000\u009b31m\u202egnp"),
        "C1 and bidi escaped: {text}"
    );
    assert!(text.contains(r"001\u061c\u2066\u200fabc\u2069"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for name in &names {
        let stem = name.rsplit_once('.').unwrap().0;
        assert!(ids.contains(&stem), "{stem:?} not among {ids:?}");
    }
}

#[test]
fn ambiguous_and_unknown_ids_are_reported_readably() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let all = dossier(dir.path(), &["show".into(), "000".into()]).err();
    let errors: Vec<&str> = all
        .lines()
        .filter(|l| l.starts_with("dossier: error:"))
        .collect();
    assert_eq!(errors.len(), 1, "one line: {all}");
    let err = errors[0];
    // The matching names are shown with their escapes spelled out.
    assert!(
        err.contains(r#""000" matches several documents: "000\u{1b}]52;c;aGVsbG8=\u{7}"#),
        "{err}"
    );
    assert!(err.contains(r#""000\u{9b}31m\u{202e}gnp""#), "{err}");

    let err = dossier(dir.path(), &["show".into(), String::new()]).err();
    assert!(
        err.ends_with("dossier: error: the document id is empty (try `dossier list`)\n"),
        "{err}"
    );

    let all = dossier(dir.path(), &["show".into(), "q".repeat(100_000)]).err();
    let err = all.lines().last().unwrap();
    assert!(
        err.len() < 200,
        "a 100 KB id is echoed: {} bytes",
        err.len()
    );
    assert!(err.contains(&format!("\"{}…\"", "q".repeat(59))), "{err}");
}

#[test]
fn odd_file_names_are_reported_once_and_still_load() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let r = dossier(dir.path(), &["list".into()]);
    assert_eq!(r.code, Some(0), "{}", r.err());
    let err = r.err();
    let about = |needle: &str| err.lines().filter(|l| l.contains(needle)).count();
    assert_eq!(about("control or format characters"), 5, "{err}");
    assert_eq!(about("not valid UTF-8"), 1, "{err}");
    assert_eq!(about("empty file"), 1, "{err}");
    assert_eq!(
        r.out().lines().count(),
        1 + 9,
        "every article but the empty one loads:\n{}",
        r.out()
    );
}
