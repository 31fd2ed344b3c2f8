//! Rendering snapshots of every view at 120x40 and 80x24, and the too-small screens.
//! They change whenever the model's output changes; review and accept with `cargo insta`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::model::Corpus;
use dossier::tui::{App, Theme, draw, handle_key};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(Corpus::seeds(), Theme::default(), true);
    app.resize(w, h);
    app
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\u{4}' => KeyCode::PageDown,
            c => KeyCode::Char(c),
        };
        handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| draw(app, f)).expect("draw");
    t.backend().to_string()
}

/// Every view: its name and the keys that reach it from the start.
const VIEWS: &[(&str, &str)] = &[
    ("main", ""),
    ("reader_scrolled", "j\t\u{4}j"),
    ("sidebar_entity", "\t\tjj"),
    ("filter", "/defence mini"),
    ("events", "e"),
    ("events_filtered", "e/con"),
    ("picker", "c"),
    ("compare", "c\n"),
    ("compare_scrolled", "c\n\u{4}"),
    ("help", "?"),
];

fn check(w: u16, h: u16) {
    for (name, k) in VIEWS {
        let mut a = app(w, h);
        keys(&mut a, k);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&a, w, h));
    }
}

#[test]
fn views_at_120x40() {
    check(120, 40);
}

#[test]
fn views_at_80x24() {
    check(80, 24);
}

#[test]
fn tiny_terminals_say_so() {
    for (w, h) in [(1, 1), (20, 5)] {
        let a = app(w, h);
        insta::assert_snapshot!(format!("tiny_{w}x{h}"), screen(&a, w, h));
    }
    let mut a = app(0, 0);
    keys(&mut a, "jjj\t?");
    let _ = screen(&a, 1, 1);
}

#[test]
fn no_color_theme_renders_the_same_text() {
    let mut a = app(80, 24);
    let colour = screen(&a, 80, 24);
    a.theme = Theme { mono: true };
    assert_eq!(screen(&a, 80, 24), colour);
}
