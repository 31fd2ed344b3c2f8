//! The interface's speed budgets: startup to first frame on the seeds (< 50 ms), and
//! every key handled plus one frame drawn (< 16 ms, one frame at 60 Hz) on the
//! interface thread at 100,000 documents, with searches, suggestions and comparisons on
//! their worker threads as in the program. `every_key_within_a_frame_100k` walks every
//! view with every key, Enter on the most-mentioned entity included, and fails if any
//! one takes longer than a frame.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::model::Corpus;
use dossier::tui::views::main::documents::Lookup;
use dossier::tui::views::main::layout::Focus;
use dossier::tui::work::Waker;
use dossier::tui::{App, Setup};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

fn main() {
    divan::main();
}

/// One frame at 60 Hz.
const FRAME: Duration = Duration::from_millis(16);

/// 100,000 documents made by cloning the seeds under new ids (ingesting 500 MB would
/// measure the pipeline, not the interface). Mentions are cloned with their documents,
/// so an entity of every seed is named by every document.
fn big_corpus(n: usize) -> Corpus {
    let seeds = Corpus::seeds();
    let k = seeds.documents.len().max(1);
    let mut documents = Vec::with_capacity(n);
    let mut mentions = Vec::with_capacity(n);
    for i in 0..n {
        let mut d = seeds.documents[i % k].clone();
        d.id = format!("{i:06}_{}", d.id);
        d.title = format!("{} #{i}", d.title);
        documents.push(d);
        mentions.push(seeds.mentions.get(i % k).cloned().unwrap_or_default());
    }
    let mut entities = seeds.entities.clone();
    for e in &mut entities {
        // Document i is a copy of seed i % k.
        e.documents = (0..n)
            .filter(|i| e.documents.iter().any(|&s| s as usize == i % k))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
    }
    Corpus::new(documents, entities, mentions, seeds.events, Vec::new())
}

/// The interface with its worker threads (the waker does nothing: results are taken
/// when the next key comes, as the event loop would after a wake).
fn threaded() -> Setup {
    Setup {
        mouse: true,
        waker: Some(Waker::new(|| {})),
        ..Setup::default()
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn frame(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| app.draw(f)).expect("draw");
}

#[divan::bench(sample_count = 20)]
fn startup_to_first_frame_seeds() {
    let mut app = App::new(Corpus::seeds(), Setup::default());
    app.resize(120, 40);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    frame(&mut term, &app);
}

/// A scratch home for a whole-process run: no user file is read, nothing is left behind.
fn scratch_home() -> tempfile::TempDir {
    tempfile::tempdir().expect("scratch home")
}

/// The release binary, with its XDG folders in `home`.
fn scratch_env(home: &std::path::Path) -> Vec<(&'static str, std::path::PathBuf)> {
    ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME"]
        .into_iter()
        .map(|k| (k, home.to_path_buf()))
        .collect()
}

/// The whole process on the seeds, model only: `dossier list --no-cache` from exec to
/// exit, with every regex and automaton it needs built, as each start builds them.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn startup_whole_process_list_seeds(bencher: divan::Bencher) {
    let home = scratch_home();
    bencher.bench_local(|| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["list", "--no-cache", "--no-state"])
            .envs(scratch_env(home.path()))
            .env_remove("DOSSIER_TIMINGS")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("run dossier");
        assert!(status.success());
    });
}

/// A dossier started in a pseudo-terminal, killed and reaped when dropped (outside the
/// timing: tearing the pty down takes as long as the start itself).
struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The whole process on the seeds as a user starts it (budget 50 ms): `dossier` in a
/// pseudo-terminal, from exec until its screen lists a seed's headline. Opening the pty
/// before and tearing it down after are not timed.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn startup_whole_process_first_frame_seeds(bencher: divan::Bencher) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let home = scratch_home();
    let headlines: Vec<String> = Corpus::seeds()
        .documents
        .iter()
        .map(|d| d.title.chars().take(16).collect())
        .collect();
    let size = |n| std::num::NonZeroU16::new(n).expect("non-zero");
    bencher
        .with_inputs(|| {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows: 40,
                    cols: 120,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("open a pty");
            let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
            cmd.args(["--no-cache", "--no-state"]);
            cmd.env("TERM", "xterm-256color");
            cmd.env_remove("DOSSIER_TIMINGS");
            for (k, v) in scratch_env(home.path()) {
                cmd.env(k, v);
            }
            let reader = pair.master.try_clone_reader().expect("reader");
            (
                pair,
                cmd,
                reader,
                vt100::Parser::new(size(40), size(120), 0),
            )
        })
        .bench_local_values(|(pair, cmd, mut reader, mut screen)| {
            let child = pair.slave.spawn_command(cmd).expect("spawn dossier");
            drop(pair.slave);
            let running = Running {
                child,
                _master: pair.master,
            };
            let mut buf = [0u8; 16384];
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                let n = reader.read(&mut buf).expect("read the terminal");
                assert!(n > 0 && Instant::now() < deadline, "no headline on screen");
                screen.process(&buf[..n]);
                let contents = screen.screen().contents();
                if headlines.iter().any(|h| contents.contains(h.as_str())) {
                    break;
                }
            }
            running
        });
}

fn big_app() -> (App, Terminal<TestBackend>) {
    let mut app = App::new(big_corpus(100_000), threaded());
    app.resize(120, 40);
    (
        app,
        Terminal::new(TestBackend::new(120, 40)).expect("backend"),
    )
}

#[divan::bench(sample_count = 3)]
fn open_100k(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| big_corpus(100_000))
        .bench_values(|c| App::new(c, threaded()));
}

/// What the interface thread does when a load of 100,000 documents finishes: the
/// corpus arrives with its lookups built on the feed thread (`tui::feed`).
#[divan::bench(sample_count = 3)]
fn load_finished_100k(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            let corpus = big_corpus(100_000);
            let lookup = Lookup::of(&corpus);
            let empty = Corpus::new(Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            (App::new(empty, threaded()), corpus, lookup)
        })
        .bench_values(|(mut app, corpus, lookup)| {
            app.replace_corpus_with(corpus, true, Some(lookup));
            app
        });
}

/// One key per iteration, alternating down and up so the selection stays put.
#[divan::bench(sample_count = 200)]
fn key_down_up_and_draw_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    let mut down = true;
    bencher.bench_local(|| {
        press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
        down = !down;
        frame(&mut term, &app);
    });
}

#[divan::bench(sample_count = 200)]
fn reader_page_and_draw_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    press(&mut app, KeyCode::Tab);
    let mut down = true;
    bencher.bench_local(|| {
        press(
            &mut app,
            if down {
                KeyCode::PageDown
            } else {
                KeyCode::PageUp
            },
        );
        down = !down;
        frame(&mut term, &app);
    });
}

/// One filter keystroke per iteration, cycling through typing "defence" and deleting it,
/// with search on the worker thread as in the program: what the key costs the interface.
#[divan::bench(sample_count = 200)]
fn filter_keystroke_and_draw_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    press(&mut app, KeyCode::Char('/'));
    let mut keys = typing_cycle();
    bencher.bench_local(|| {
        press(&mut app, keys.next().unwrap_or(KeyCode::Backspace));
        app.poll();
        frame(&mut term, &app);
    });
}

/// The same keystrokes, each waited on until its ranked results are drawn.
#[divan::bench(sample_count = 28)]
fn filter_keystroke_until_results_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    press(&mut app, KeyCode::Char('/'));
    let mut keys = typing_cycle();
    bencher.bench_local(|| {
        press(&mut app, keys.next().unwrap_or(KeyCode::Backspace));
        while app.busy() && !app.poll() {
            std::thread::yield_now();
        }
        frame(&mut term, &app);
    });
}

fn typing_cycle() -> impl Iterator<Item = KeyCode> {
    let word: Vec<KeyCode> = "defence".chars().map(KeyCode::Char).collect();
    let back = vec![KeyCode::Backspace; word.len()];
    word.into_iter().chain(back).cycle()
}

/// Selects, in the entities pane, the entity named by the most documents.
fn select_most_mentioned(app: &mut App) {
    press(app, KeyCode::Char('i'));
    let main = &mut app.views.main;
    let docs = |e: usize| app.shared.corpus.entities[e].documents.len();
    let best = (0..main.entities.pick.len()).max_by_key(|&i| {
        main.entities
            .pick
            .items
            .get(i)
            .map_or(0, |&k| docs(main.entities.list[k].0))
    });
    main.entities.pick.select(best.unwrap_or(0));
}

/// Enter on the entity named by all 100,000 documents (the list narrows to them), then
/// Esc (back to every document): one pair per iteration.
#[divan::bench(sample_count = 50)]
fn entity_enter_and_back_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    bencher.bench_local(|| {
        select_most_mentioned(&mut app);
        press(&mut app, KeyCode::Enter);
        frame(&mut term, &app);
        press(&mut app, KeyCode::Esc);
        frame(&mut term, &app);
    });
}

#[divan::bench(sample_count = 100)]
fn compare_scroll_and_draw_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    while app.busy() && !app.poll() {
        std::thread::yield_now();
    }
    let mut down = true;
    bencher.bench_local(|| {
        press(
            &mut app,
            if down {
                KeyCode::PageDown
            } else {
                KeyCode::PageUp
            },
        );
        down = !down;
        frame(&mut term, &app);
    });
}

/// Every view, every key, one at a time as a person types them; each key handled and
/// a frame drawn on the interface thread, timed. Fails when any takes over a frame.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn every_key_within_a_frame_100k() {
    use KeyCode as K;
    let (mut app, mut term) = big_app();
    let mut worst = (Duration::ZERO, String::new());
    let mut timed = |app: &mut App, what: &str, code: KeyCode| {
        let start = Instant::now();
        press(app, code);
        app.poll();
        frame(&mut term, app);
        let took = start.elapsed();
        if took > worst.0 {
            worst = (took, what.to_owned());
        }
    };
    let nav = [
        K::Down,
        K::Up,
        K::PageDown,
        K::PageUp,
        K::End,
        K::Home,
        K::Char('j'),
        K::Char('k'),
    ];
    // Documents pane.
    for k in nav {
        timed(&mut app, &format!("documents {k:?}"), k);
    }
    for c in "defence".chars() {
        timed(&mut app, "documents filter /", K::Char('/'));
        timed(&mut app, &format!("typing {c}"), K::Char(c));
        timed(&mut app, "typing Enter", K::Enter);
    }
    timed(&mut app, "Esc clears", K::Esc);
    // Reader and entities panes.
    timed(&mut app, "Tab", K::Tab);
    for k in nav {
        timed(&mut app, &format!("reader {k:?}"), k);
    }
    timed(&mut app, "Tab", K::Tab);
    for k in nav.into_iter().chain([K::Char('n'), K::Char('N')]) {
        timed(&mut app, &format!("entities {k:?}"), k);
    }
    assert_eq!(app.views.main.focus, Focus::Entities);
    select_most_mentioned(&mut app);
    timed(&mut app, "Enter on the most-mentioned entity", K::Enter);
    assert!(
        app.views.main.docs.matched >= 50_000,
        "{}",
        app.views.main.docs.matched
    );
    for k in nav {
        timed(&mut app, &format!("entity-filtered documents {k:?}"), k);
    }
    timed(&mut app, "Esc clears the entity", K::Esc);
    // Events, picker, comparison, help.
    timed(&mut app, "e", K::Char('e'));
    for k in nav
        .into_iter()
        .chain([K::Char('/'), K::Char('b'), K::Enter])
    {
        timed(&mut app, &format!("events {k:?}"), k);
    }
    timed(&mut app, "events Enter opens", K::Enter);
    timed(&mut app, "c", K::Char('c'));
    for k in nav {
        timed(&mut app, &format!("picker {k:?}"), k);
    }
    timed(&mut app, "picker Enter", K::Enter);
    for k in nav.into_iter().chain([
        K::Char(']'),
        K::Char('['),
        K::Char('s'),
        K::Char('d'),
        K::Char('d'),
    ]) {
        timed(&mut app, &format!("comparison {k:?}"), k);
    }
    timed(&mut app, "comparison Esc", K::Esc);
    timed(&mut app, "?", K::Char('?'));
    for k in nav.into_iter().chain([K::Esc]) {
        timed(&mut app, &format!("help {k:?}"), k);
    }
    println!(
        "worst key at 100,000 documents: {:?} ({})",
        worst.0, worst.1
    );
    assert!(
        worst.0 <= FRAME,
        "{} took {:?} on the interface thread (budget {FRAME:?})",
        worst.1,
        worst.0
    );
}
