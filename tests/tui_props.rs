//! Property tests: random terminal sizes, keys, clicks and resizes never panic, and
//! keep every selection and scroll offset in range; random bytes loaded as a corpus
//! draw in every view at random sizes.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use dossier::model::Corpus;
use dossier::tui::mode::Mode;
use dossier::tui::pick::Pick;
use dossier::tui::views::view::Request;
use dossier::tui::{App, Setup, Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

fn seeds() -> Corpus {
    static SEEDS: OnceLock<Corpus> = OnceLock::new();
    let c = SEEDS.get_or_init(Corpus::seeds);
    Corpus::new(
        c.documents.clone(),
        c.entities.clone(),
        c.mentions.clone(),
        c.events.clone(),
        Vec::new(),
    )
}

fn open(corpus: Corpus, theme: Theme) -> App {
    App::new(
        corpus,
        Setup {
            theme,
            mouse: true,
            ..Setup::default()
        },
    )
}

const KEYS: &[KeyCode] = &[
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Backspace,
    KeyCode::Char('j'),
    KeyCode::Char('k'),
    KeyCode::Char('g'),
    KeyCode::Char('G'),
    KeyCode::Char('/'),
    KeyCode::Char('e'),
    KeyCode::Char('c'),
    KeyCode::Char('i'),
    KeyCode::Char('n'),
    KeyCode::Char('N'),
    KeyCode::Char('['),
    KeyCode::Char(']'),
    KeyCode::Char('s'),
    KeyCode::Char('d'),
    KeyCode::Char('m'),
    KeyCode::Char('?'),
    KeyCode::Char('a'),
    KeyCode::Char('ế'),
    KeyCode::Char(' '),
];

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => (0..KEYS.len()).prop_map(|i| Event::Key(KeyEvent::new(KEYS[i], KeyModifiers::NONE))),
        1 => (0u16..200, 0u16..80).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => (0u16..200, 0u16..80, 0u8..3).prop_map(|(x, y, k)| {
            let kind = match k {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            };
            Event::Mouse(MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE })
        }),
    ]
}

/// `row` maps an item to its screen row (the entities pane has kind headings).
fn in_range(p: &Pick, name: &str, row: impl Fn(usize) -> usize) -> Result<(), TestCaseError> {
    prop_assert!(
        p.selected < p.len().max(1),
        "{name} selection {} of {}",
        p.selected,
        p.len()
    );
    if !p.is_empty() {
        let r = row(p.selected);
        prop_assert!(
            p.offset <= r,
            "{name} offset {} past selection row {r}",
            p.offset
        );
    }
    Ok(())
}

fn check(app: &App) -> Result<(), TestCaseError> {
    let main = &app.views.main;
    in_range(&main.docs.pick, "documents", |i| i)?;
    in_range(&main.entities.pick, "entities", |i| main.entities.row_of(i))?;
    in_range(&app.views.events.pick, "events", |i| i)?;
    in_range(&app.views.picker.pick, "picker", |i| i)?;
    prop_assert!(
        main.reader.scroll <= main.reader.lines.len(),
        "reader scroll"
    );
    if let Some(cv) = &app.views.compare.shown {
        prop_assert!(cv.scroll <= cv.max_scroll(), "compare scroll");
    }
    if let Some(d) = main.docs.pick.current() {
        prop_assert_eq!(main.reader.doc, Some(d), "reader shows the selection");
    }
    Ok(())
}

fn draw(app: &App, w: u16, h: u16) {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
    t.draw(|f| app.draw(f)).expect("draw");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_stays_in_range(
        w in 0u16..200,
        h in 0u16..80,
        events in proptest::collection::vec(event(), 0..60),
    ) {
        let mut app = open(seeds(), Theme::default());
        app.resize(w, h);
        let mut size = (w, h);
        for ev in events {
            if let Event::Resize(w, h) = ev {
                size = (w, h);
            }
            app.handle_event(ev);
            if app.quit {
                break;
            }
            check(&app)?;
            draw(&app, size.0, size.1);
        }
    }

    #[test]
    fn empty_corpus_never_panics(
        w in 0u16..150,
        h in 0u16..60,
        events in proptest::collection::vec(event(), 0..30),
    ) {
        let mut app = open(Corpus::default(), Theme::mono());
        app.resize(w, h);
        for ev in events {
            app.handle_event(ev);
            check(&app)?;
            draw(&app, w, h);
        }
    }
}

/// Bytes that look like scraped articles more often than pure noise does: words,
/// newlines, dates, controls and invalid UTF-8 mixed.
fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,12}".prop_map(String::into_bytes),
        2 => Just(b" ".to_vec()),
        2 => Just(b"\n".to_vec()),
        1 => Just(b"\n\n".to_vec()),
        1 => Just(b"(Photo: VNA)\n".to_vec()),
        1 => Just("Hà Nội, ngày 7/7/2024 — ".as_bytes().to_vec()),
        1 => Just(b"\x1b[31m\x07\r".to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 1..8),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    // Each case builds a corpus (cleaning, metadata, entities, events): kept few and small.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_as_a_corpus_draw_in_every_view(
        files in proptest::collection::vec(article_bytes(), 1..4),
        sizes in proptest::collection::vec((0u16..160, 0u16..50), 1..3),
    ) {
        // Through the real loader: a folder of files, as a user would point it at.
        let dir = tempfile::tempdir().expect("temp dir");
        for (i, b) in files.iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{i}.txt")), b).expect("write");
        }
        let Ok(corpus) = Corpus::load_dir(dir.path()) else {
            // Every file was skipped (empty, binary): the CLI stops before the interface.
            return Ok(());
        };
        let mut app = open(corpus, Theme::default());
        let n = app.shared.corpus.documents.len();
        for &(w, h) in &sizes {
            app.resize(w, h);
            for mode in [Mode::Main, Mode::Events, Mode::Picker, Mode::Compare] {
                let request = match mode {
                    Mode::Picker => Request::Document(0),
                    Mode::Compare => Request::Pair(0, n.saturating_sub(1)),
                    _ => Request::Nothing,
                };
                if n > 0 || matches!(mode, Mode::Main | Mode::Events) {
                    app.open(mode, request);
                }
                draw(&app, w, h);
                for code in [KeyCode::PageDown, KeyCode::Tab, KeyCode::Char('?')] {
                    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
                    draw(&app, w, h);
                }
                app.help = None;
                check(&app)?;
            }
        }
    }
}
