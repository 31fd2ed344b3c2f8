//! Through the real binary: stage timings on request, and a command line that reads
//! marks without creating a state file.

use std::path::Path;
use std::process::{Command, Output};

fn dossier(args: &[&str], data_home: &Path, timings: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(args)
        .env("XDG_DATA_HOME", data_home)
        .env("XDG_CONFIG_HOME", data_home.join("config"))
        .env("XDG_CACHE_HOME", data_home.join("cache"))
        .env_remove("DOSSIER_TIMINGS");
    if let Some(v) = timings {
        cmd.env("DOSSIER_TIMINGS", v);
    }
    cmd.output().expect("dossier runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn timings_name_each_stage_only_when_asked() {
    let home = tempfile::tempdir().expect("temp dir");
    let quiet = dossier(&["list"], home.path(), None);
    assert!(quiet.status.success());
    assert!(!stderr(&quiet).contains("timing"), "{}", stderr(&quiet));
    let off = dossier(&["list"], home.path(), Some("0"));
    assert!(!stderr(&off).contains("timing"), "{}", stderr(&off));

    // A build's stages (from the cache, the model is read, not built).
    let timed = dossier(&["list", "--no-cache"], home.path(), Some("1"));
    assert!(timed.status.success());
    let err = stderr(&timed);
    for stage in ["cleaning and metadata", "entities", "events"] {
        let line = err
            .lines()
            .find(|l| l.starts_with(&format!("dossier: timing: {stage}: ")))
            .unwrap_or_else(|| panic!("no timing for {stage}:\n{err}"));
        let rest = &line[format!("dossier: timing: {stage}: ").len()..];
        let seconds = rest.split_once(" s").map(|(s, _)| s);
        assert!(
            seconds.and_then(|s| s.parse::<f64>().ok()).is_some(),
            "{line}"
        );
        if cfg!(target_os = "linux") {
            assert!(
                line.contains("CPU ") && line.contains("peak memory "),
                "{line}"
            );
        }
    }
    // Timings go to stderr only: stdout is the same list either way.
    assert_eq!(quiet.stdout, timed.stdout);
}

#[test]
fn list_and_show_create_no_state_file() {
    let home = tempfile::tempdir().expect("temp dir");
    for args in [&["list"][..], &["show", "003"][..]] {
        let o = dossier(args, home.path(), None);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    // The cache of built models (XDG_CACHE_HOME, here inside the same folder) is not state.
    let left: Vec<_> = std::fs::read_dir(home.path())
        .expect("readable")
        .map(|e| e.expect("an entry").file_name())
        .filter(|name| name != "cache")
        .collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

/// The binary's allocator is jemalloc with the options `src/allocator.rs` gives it:
/// jemalloc prints its options when asked for statistics at exit.
#[cfg(not(target_env = "msvc"))]
#[test]
fn the_binary_runs_on_jemalloc_with_its_options() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("list")
        .env("XDG_DATA_HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("_RJEM_MALLOC_CONF", "stats_print:true")
        .output()
        .expect("dossier runs");
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("opt.narenas: 1\n"), "{err}");
    assert!(err.contains("opt.tcache_max: 4096\n"), "{err}");
}
