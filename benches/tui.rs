//! The interface's speed budgets: startup to first frame on the seeds (< 50 ms), and one
//! key handled plus one frame drawn (< 16 ms) on a 100,000-article corpus.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::model::Corpus;
use dossier::tui::{App, Theme, draw, handle_key};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// 100,000 documents made by cloning the seeds under new ids (ingesting 500 MB would
/// measure the pipeline, not the interface).
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
    Corpus::new(
        documents,
        seeds.entities,
        mentions,
        seeds.events,
        Vec::new(),
    )
}

fn press(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn frame(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| draw(app, f)).expect("draw");
}

#[divan::bench(sample_count = 20)]
fn startup_to_first_frame_seeds() {
    let mut app = App::new(Corpus::seeds(), Theme::default(), true);
    app.resize(120, 40);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    frame(&mut term, &app);
}

fn big_app() -> (App, Terminal<TestBackend>) {
    let mut app = App::new(big_corpus(100_000), Theme::default(), true);
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
        .bench_values(|c| App::new(c, Theme::default(), true));
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
    app.search_in_background();
    press(&mut app, KeyCode::Char('/'));
    let mut keys = typing_cycle();
    bencher.bench_local(|| {
        press(&mut app, keys.next().unwrap_or(KeyCode::Backspace));
        app.poll_search();
        frame(&mut term, &app);
    });
}

/// The same keystrokes, each waited on until its ranked results are drawn.
#[divan::bench(sample_count = 28)]
fn filter_keystroke_until_results_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    app.search_in_background();
    press(&mut app, KeyCode::Char('/'));
    let mut keys = typing_cycle();
    bencher.bench_local(|| {
        press(&mut app, keys.next().unwrap_or(KeyCode::Backspace));
        while app.searching() && !app.poll_search() {
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

#[divan::bench(sample_count = 100)]
fn compare_scroll_and_draw_100k(bencher: divan::Bencher) {
    let (mut app, mut term) = big_app();
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
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

/// The model's ranked search alone, over the same documents' search texts.
#[divan::bench(sample_count = 10)]
fn doc_search_only_100k(bencher: divan::Bencher) {
    let (app, _) = big_app();
    bencher.bench_local(|| app.doc_index.search_top("defence", 1000).len());
}
