//! Helpers that reducer tests share: an interface on the fixture, keys pressed and typed,
//! and the documents the list shows.

use super::app::{App, Setup};
use super::fixture;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// An interface on the fixture corpus with `setup`, at 120x40.
pub fn app_with(setup: Setup) -> App {
    let mut app = App::new(fixture::corpus(), setup);
    app.resize(120, 40);
    app
}

/// Presses `code` with no modifier.
pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Types every character of `s` as a key.
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The ids of the documents the list shows, in its order.
pub fn list_ids(app: &App) -> Vec<&str> {
    app.views
        .main
        .docs
        .pick
        .items
        .iter()
        .map(|&d| app.shared.corpus.documents[d].id.as_str())
        .collect()
}
