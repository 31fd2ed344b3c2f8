//! Property tests: random terminal sizes, keys, clicks and resizes never panic, and
//! keep every selection and scroll offset in range.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use dossier::model::Corpus;
use dossier::tui::pick::Pick;
use dossier::tui::{App, Theme, draw, handle_event};
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
    in_range(&app.docs, "documents", |i| i)?;
    in_range(&app.sidebar, "entities", |i| app.sidebar_row(i))?;
    in_range(&app.events, "events", |i| i)?;
    in_range(&app.picker, "picker", |i| i)?;
    prop_assert!(app.reader.scroll <= app.reader.lines.len(), "reader scroll");
    if let Some(cv) = &app.compare {
        prop_assert!(cv.scroll <= cv.max_scroll(), "compare scroll");
    }
    if let Some(d) = app.docs.current() {
        prop_assert_eq!(app.reader.doc, Some(d), "reader shows the selection");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_stays_in_range(
        w in 0u16..200,
        h in 0u16..80,
        events in proptest::collection::vec(event(), 0..60),
    ) {
        let mut app = App::new(seeds(), Theme::default(), true);
        app.resize(w, h);
        let mut size = (w, h);
        for ev in events {
            if let Event::Resize(w, h) = ev {
                size = (w, h);
            }
            handle_event(&mut app, ev);
            if app.quit {
                break;
            }
            check(&app)?;
            let mut t = Terminal::new(TestBackend::new(size.0, size.1)).expect("backend");
            t.draw(|f| draw(&app, f)).expect("draw");
        }
    }

    #[test]
    fn empty_corpus_never_panics(
        w in 0u16..150,
        h in 0u16..60,
        events in proptest::collection::vec(event(), 0..30),
    ) {
        let mut app = App::new(Corpus::default(), Theme { mono: true }, true);
        app.resize(w, h);
        for ev in events {
            handle_event(&mut app, ev);
            check(&app)?;
            let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
            t.draw(|f| draw(&app, f)).expect("draw");
        }
    }
}
