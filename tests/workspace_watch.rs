//! The corpus watcher on a real folder: new, changed and removed article files arrive
//! within a second, other files and hidden ones are ignored.

use dossier::store::watch::{Change, Watcher};
use std::time::{Duration, Instant};

/// Collects changes until `want` have all been seen or `limit` passes.
fn collect(w: &Watcher, want: &[Change], limit: Duration) -> Vec<Change> {
    let start = Instant::now();
    let mut seen = Vec::new();
    while start.elapsed() < limit && !want.iter().all(|c| seen.contains(c)) {
        if let Ok(batch) = w.changes().recv_timeout(Duration::from_millis(50)) {
            seen.extend(batch);
        }
    }
    seen
}

#[test]
fn reports_new_changed_and_removed_articles() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "An article about a port visit.").unwrap();
    std::fs::write(root.join("b.md"), "A second article.").unwrap();
    let w = Watcher::start(root).unwrap();
    std::fs::write(root.join("c.txt"), "A new article arrives.").unwrap();
    std::fs::write(
        root.join("a.txt"),
        "An article about a port visit, corrected.",
    )
    .unwrap();
    std::fs::remove_file(root.join("b.md")).unwrap();
    std::fs::write(root.join("notes.pdf"), "not an article").unwrap();
    std::fs::write(root.join(".hidden.txt"), "hidden").unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::write(root.join("sub/d.txt"), "In a new folder.").unwrap();
    let want = [
        Change::Added("c.txt".into()),
        Change::Changed("a.txt".into()),
        Change::Removed("b.md".into()),
        Change::Added("sub/d.txt".into()),
    ];
    let seen = collect(&w, &want, Duration::from_secs(5));
    for c in &want {
        assert!(seen.contains(c), "{c:?} not reported: {seen:?}");
    }
    assert!(
        seen.iter()
            .all(|c| !format!("{c:?}").contains("pdf") && !format!("{c:?}").contains(".hidden")),
        "{seen:?}"
    );
}

#[test]
fn a_removed_folder_removes_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("2024/may")).unwrap();
    std::fs::write(root.join("2024/may/x.txt"), "One.").unwrap();
    std::fs::write(root.join("2024/y.txt"), "Two.").unwrap();
    std::fs::write(root.join("z.txt"), "Three.").unwrap();
    let w = Watcher::start(root).unwrap();
    std::fs::remove_dir_all(root.join("2024")).unwrap();
    let want = [
        Change::Removed("2024/may/x.txt".into()),
        Change::Removed("2024/y.txt".into()),
    ];
    let seen = collect(&w, &want, Duration::from_secs(5));
    for c in &want {
        assert!(seen.contains(c), "{c:?} not reported: {seen:?}");
    }
    assert!(!seen.contains(&Change::Removed("z.txt".into())));
}
