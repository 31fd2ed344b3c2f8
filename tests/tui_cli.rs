//! The interface's command-line side: no terminal gives a clear message, and
//! `--print-default-config` prints a config that reads back as the defaults.

use std::process::{Command, Stdio};

fn dossier() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    // Built models are cached under target/, never in the tester's home.
    c.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    c.env("NO_COLOR", "1").stdin(Stdio::null());
    c
}

#[test]
fn without_a_terminal_it_says_what_to_do() {
    let out = dossier().output().expect("run dossier");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dossier needs a terminal for the interface; try `dossier list`"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(out.stdout.is_empty(), "nothing drawn into a pipe");
}

#[test]
fn prints_a_default_config_that_reads_back() {
    let out = dossier()
        .arg("--print-default-config")
        .output()
        .expect("run dossier");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("theme = \"dark\""), "{text}");
    for table in [
        "[keys.global]",
        "[keys.main]",
        "[keys.compare]",
        "[keys.help]",
    ] {
        assert!(text.contains(table), "{table} missing");
    }
    let config = dossier::tui::config::parse(&text, "printed");
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    assert_eq!(config.keymap, dossier::tui::keymap::Keymap::default());
}
