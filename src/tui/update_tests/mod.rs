//! Unit tests of the reducer, one or more per action; here the helpers they share.

use super::app::{App, Setup};
use super::fixture;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod main_view;
mod other_views;
mod terminal_events;

fn app() -> App {
    let mut app = App::new(
        fixture::corpus(),
        Setup {
            mouse: true,
            ..Setup::default()
        },
    );
    app.resize(120, 40);
    app
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}
