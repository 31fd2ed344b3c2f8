//! The workspace from the command line, on the real binary: completions, the man page,
//! help examples and value lists, overrides, saved state, exact copies, and the promise
//! that nothing is ever written inside the corpus folder.

#![allow(clippy::unwrap_used, reason = "test helpers outside #[test] functions")]

mod common;

use common::files::listing;
use dossier::model::duplicates::ContentHash;
use dossier::store::{CorpusKey, DocKey, Store};
use std::path::PathBuf;
use std::process::{Command, Output};

/// A scratch home: data and config folders of its own, so no test touches the real ones.
struct Home(tempfile::TempDir);

impl Home {
    fn new() -> Home {
        Home(tempfile::tempdir().unwrap())
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .env("HOME", self.0.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs")
    }

    fn ok(&self, args: &[&str]) -> (String, String) {
        let o = self.run(args);
        let (out, err) = texts(&o);
        assert!(o.status.success(), "{args:?} failed: {err}");
        (out, err)
    }

    /// A corpus folder of made-up articles; `name` → text.
    fn corpus(&self, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.path("corpus");
        for (name, text) in files {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }
}

fn texts(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

const PORT_CALL: &str = "Navy ships make port call in Cam Ranh\n\nCam Ranh, March 3 (VNA) – Two frigates of a partner navy arrived at Cam Ranh International Port on March 3 for a four-day visit, the Navy said.\n\nThe crews will hold exchanges with Vietnamese sailors and play friendly sports matches.\n";
const DIALOGUE: &str = "Defence policy dialogue held in Hanoi\n\nHanoi, May 20 (VNA) – Vietnam and a European partner held their fifth defence policy dialogue in Hanoi on May 20, reviewing cooperation in training and peacekeeping.\n\nBoth sides agreed to expand officer exchanges next year.\n";

fn sample(home: &Home) -> PathBuf {
    home.corpus(&[
        ("2024/port-call.txt", PORT_CALL),
        ("2024/dialogue.md", DIALOGUE),
        ("mirror/port-call-saved-again.txt", PORT_CALL),
    ])
}

#[test]
fn bash_completion_completes_the_subcommands() {
    let home = Home::new();
    let (script, _) = home.ok(&["completions", "bash"]);
    let file = home.path("dossier.bash");
    std::fs::write(&file, &script).unwrap();
    let probe = format!(
        "source {}; complete -p dossier; COMP_WORDS=(dossier co); COMP_CWORD=1; COMP_LINE='dossier co'; COMP_POINT=10; _dossier dossier co dossier; echo \"REPLY: ${{COMPREPLY[*]}}\"",
        file.display()
    );
    let o = Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .unwrap();
    let (out, err) = texts(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("-F _dossier dossier"), "{out}");
    let reply = out.lines().find_map(|l| l.strip_prefix("REPLY: ")).unwrap();
    let words: Vec<&str> = reply.split_whitespace().collect();
    for sub in ["compare", "completions"] {
        assert!(words.contains(&sub), "{sub} missing from {reply:?}");
    }
    assert!(
        !words.contains(&"list"),
        "only words starting with \"co\": {reply:?}"
    );
}

#[test]
fn zsh_and_fish_completions_name_every_subcommand() {
    let home = Home::new();
    for shell in ["zsh", "fish"] {
        let (script, _) = home.ok(&["completions", shell]);
        for sub in [
            "list", "show", "export", "entities", "events", "compare", "man",
        ] {
            assert!(script.contains(sub), "{shell} script lacks {sub}");
        }
    }
    assert!(!home.run(&["completions", "powershell"]).status.success());
}

#[test]
fn the_man_page_renders() {
    let home = Home::new();
    let (roff, _) = home.ok(&["man"]);
    assert!(
        roff.starts_with(".ie") || roff.starts_with(".TH"),
        "{}",
        &roff[..80]
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH \"DOSSIER LIST\"",
    ] {
        assert!(roff.contains(section), "{section} missing");
    }
    let page = home.path("dossier.1");
    std::fs::write(&page, &roff).unwrap();
    let o = Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(&page)
        .env("MANWIDTH", "100")
        .output();
    // Where `man` is installed, it must read the page; the roff checks above hold anyway.
    if let Some(o) = o.ok().filter(|o| o.status.code() != Some(127)) {
        let (text, err) = texts(&o);
        assert!(o.status.success(), "man failed: {err}");
        assert!(text.contains("NAME"), "{text}");
        assert!(
            text.contains("dossier list"),
            "the examples are in the page:\n{text}"
        );
        assert!(text.contains("--no-state"), "{text}");
    }
}

#[test]
fn every_subcommand_help_has_two_examples() {
    let home = Home::new();
    for sub in [
        "list",
        "show",
        "export",
        "entities",
        "events",
        "compare",
        "completions",
        "man",
    ] {
        let (help, _) = home.ok(&[sub, "--help"]);
        let examples = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{sub}: {help}"));
        let commands = examples
            .lines()
            .filter(|l| l.starts_with("  dossier ") || l.starts_with("  source "))
            .count();
        assert_eq!(commands, 2, "{sub}:\n{help}");
    }
}

#[test]
fn flags_list_their_valid_values() {
    let home = Home::new();
    let (help, _) = home.ok(&["entities", "--help"]);
    assert!(help.contains("person, org, place, event, law"), "{help}");
    let o = home.run(&["entities", "--kind", "ship"]);
    let (_, err) = texts(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("[possible values: person, org, place, event, law]"),
        "{err}"
    );
    let (_, err) = texts(&home.run(&["list", "--format", "yaml"]));
    assert!(err.contains("[possible values: text, json]"), "{err}");
    let (_, err) = texts(&home.run(&["compare", "--suggest", "--format", "html"]));
    assert!(err.contains("text, markdown, json"), "{err}");
    // Series come from the corpus: an unknown one is answered with the known ones.
    let o = home.run(&["events", "--series", "no such series"]);
    let (_, err) = texts(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("no series matches \"no such series\"; the corpus has:"),
        "{err}"
    );
    assert!(
        err.lines().filter(|l| l.starts_with("  ")).count() >= 2,
        "{err}"
    );
    home.ok(&["entities", "--kind", "PERSON"]);
}

#[test]
fn overrides_apply_and_bad_entries_are_located() {
    let home = Home::new();
    let corpus = sample(&home);
    let file = home.path("fixes.toml");
    std::fs::write(
        &file,
        "[dialogue]\nkind = \"event report\"\noutlet = \"VOV\"\npublished = 2024-05-21\n\n[port-call]\nperiod = \"2024-H5\"\ntitle = \"Frigates visit Cam Ranh\"\n\n[missing-one]\nkind = \"other\"\n",
    )
    .unwrap();
    let c = corpus.to_str().unwrap();
    let f = file.to_str().unwrap();
    let (out, err) = home.ok(&[
        "show",
        "dialogue",
        "--corpus",
        c,
        "--overrides",
        f,
        "--no-state",
    ]);
    assert!(out.contains("source:     VOV  (set by you)"), "{out}");
    assert!(
        out.contains("published:  2024-05-21  (set by you)"),
        "{out}"
    );
    assert!(
        out.contains("kind:       event report  (set by you)"),
        "{out}"
    );
    assert!(
        err.contains(&format!("{f}:7: period = \"2024-H5\" is not a period")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{f}:10: no document has the id \"missing-one\"")),
        "{err}"
    );
    let (out, _) = home.ok(&[
        "show",
        "port-call",
        "--corpus",
        c,
        "--overrides",
        f,
        "--no-state",
    ]);
    assert!(
        out.starts_with("Frigates visit Cam Ranh\n"),
        "the good line of a bad table applies:\n{out}"
    );
    assert!(out.contains("title:      (set by you)"));
    // The default file in the config folder is read too; a named file that is missing is an error.
    std::fs::create_dir_all(home.path("config/dossier")).unwrap();
    std::fs::copy(&file, home.path("config/dossier/overrides.toml")).unwrap();
    let (out, _) = home.ok(&["list", "--corpus", c, "--format", "json", "--no-state"]);
    assert!(out.contains("\"source\": \"VOV\""), "{out}");
    let o = home.run(&[
        "list",
        "--corpus",
        c,
        "--overrides",
        "/nonexistent/fixes.toml",
    ]);
    assert!(!o.status.success());
}

#[test]
fn exact_copies_are_listed_as_copies() {
    let home = Home::new();
    let corpus = sample(&home);
    let c = corpus.to_str().unwrap();
    let (out, err) = home.ok(&["list", "--corpus", c, "--no-state"]);
    let copy = out
        .lines()
        .find(|l| l.starts_with("port-call-saved-again"))
        .unwrap();
    assert!(copy.ends_with("(exact copy of port-call)"), "{out}");
    assert_eq!(out.matches("exact copy").count(), 1, "{out}");
    assert!(
        err.contains("mirror/port-call-saved-again.txt is an exact copy of 2024/port-call.txt"),
        "{err}"
    );
    let (json, _) = home.ok(&["list", "--corpus", c, "--no-state", "--format", "json"]);
    assert!(json.contains("\"copy_of\": \"port-call\""), "{json}");
}

#[test]
fn saved_tags_and_notes_show_and_filter() {
    let home = Home::new();
    let corpus = sample(&home);
    let state = home.path("elsewhere/state.sqlite");
    {
        let mut s = Store::open(&state).unwrap();
        let key = CorpusKey::folder(&corpus);
        let doc = DocKey {
            id: "dialogue".into(),
            hash: ContentHash::of(DIALOGUE),
        };
        s.set_starred(&key, &doc, true).unwrap();
        s.add_tag(&key, &doc, "dialogues").unwrap();
        s.set_note(&key, &doc, Some("Compare with last year's.\nAsk the desk."))
            .unwrap();
    }
    let (c, st) = (corpus.to_str().unwrap(), state.to_str().unwrap());
    let (out, _) = home.ok(&["list", "--corpus", c, "--state", st, "--tag", "dialogues"]);
    assert_eq!(
        out.lines().count(),
        2,
        "the header and one document:\n{out}"
    );
    assert!(
        out.lines().nth(1).unwrap().starts_with("dialogue "),
        "{out}"
    );
    let (out, _) = home.ok(&["show", "dialogue", "--corpus", c, "--state", st]);
    assert!(out.contains("\nYours: unread, starred\nTags: dialogues\nNote:\n  Compare with last year's.\n  Ask the desk.\n"), "{out}");
    // Renaming the file keeps its state, recognised by its content.
    std::fs::rename(
        corpus.join("2024/dialogue.md"),
        corpus.join("2024/dialogue-renamed.md"),
    )
    .unwrap();
    let (out, err) = home.ok(&["list", "--corpus", c, "--state", st, "--tag", "dialogues"]);
    assert!(
        err.contains("dialogue was renamed to dialogue-renamed"),
        "{err}"
    );
    assert!(out.contains("dialogue-renamed"), "{out}");
    let o = home.run(&["list", "--corpus", c, "--no-state", "--tag", "dialogues"]);
    assert!(!o.status.success());
}

#[test]
fn an_unusable_state_file_is_reported_and_left_alone() {
    let home = Home::new();
    let corpus = sample(&home);
    let state = home.path("state.sqlite");
    std::fs::write(
        &state,
        "notes I keep in a text file, not a database\n".repeat(50),
    )
    .unwrap();
    let before = std::fs::read(&state).unwrap();
    let (out, err) = home.ok(&[
        "list",
        "--corpus",
        corpus.to_str().unwrap(),
        "--state",
        state.to_str().unwrap(),
    ]);
    assert!(out.contains("dialogue"), "dossier runs without it");
    assert!(err.contains("cannot use the state file"), "{err}");
    assert!(err.contains("left as it is"), "{err}");
    assert_eq!(std::fs::read(&state).unwrap(), before);
}

#[test]
fn nothing_is_ever_written_inside_the_corpus() {
    let home = Home::new();
    let corpus = sample(&home);
    let overrides = home.path("config/dossier/overrides.toml");
    std::fs::create_dir_all(overrides.parent().unwrap()).unwrap();
    std::fs::write(&overrides, "[dialogue]\nkind = \"event report\"\nbad = 1\n").unwrap();
    let before = listing(&corpus);
    let c = corpus.to_str().unwrap();
    let runs: [&[&str]; 10] = [
        &["list"],
        &["list", "--tag", "x"],
        &["show", "dialogue"],
        &["export"],
        &["entities"],
        &["events"],
        &["compare", "dialogue", "port-call"],
        &["compare", "--suggest"],
        &["completions", "bash"],
        &["man"],
    ];
    for args in runs {
        let mut all = args.to_vec();
        all.extend(["--corpus", c]);
        home.ok(&all);
    }
    // A state file asked for inside the corpus is refused, not created.
    let inside = corpus.join("state.sqlite");
    let (_, err) = home.ok(&["list", "--corpus", c, "--state", inside.to_str().unwrap()]);
    assert!(err.contains("inside the corpus folder"), "{err}");
    assert_eq!(listing(&corpus), before, "the corpus folder changed");
    // Reading marks needs no state file, so none was made.
    assert!(!home.path("data/dossier/state.sqlite").exists());
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let home = Home::new();
    let corpus = home.corpus(&[("a.txt", DIALOGUE)]);
    let (_, err) = home.ok(&["list", "--corpus", corpus.to_str().unwrap(), "--no-state"]);
    assert_eq!(err, "", "scripts get clean stderr");
}
