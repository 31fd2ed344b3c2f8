//! What the terminal sends besides mapped keys (key releases, control keys, the mouse,
//! resizes) and what the screen shows.

use super::{app, typed};
use crate::tui::keymap::action::{Action as A, Pane};
use crate::tui::views::main::layout::Focus;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[test]
fn quit_mouse_toggle_and_releases_ignored() {
    let mut app = app();
    app.apply(A::ToggleMouse);
    assert!(!app.mouse);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.handle_key(release);
    assert!(!app.quit);
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.quit);
}

#[test]
fn ctrl_z_asks_the_loop_to_suspend() {
    let mut app = app();
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(app.suspend && !app.quit);
}

#[test]
fn clicks_and_the_wheel_are_actions_through_the_reducer() {
    let mut app = app();
    // The second document's title row in the documents pane (row 2 inside the border).
    app.apply(A::Click {
        pane: Pane::Documents,
        row: Some(2),
    });
    assert_eq!(app.views.main.docs.pick.selected, 1);
    app.apply(A::ScrollPane {
        pane: Pane::Reader,
        delta: 3,
    });
    assert_eq!(
        app.views.main.focus,
        Focus::Documents,
        "the wheel does not focus"
    );
    assert_eq!(app.views.main.reader.scroll, 3);
    app.apply(A::Click {
        pane: Pane::Entities,
        row: None,
    });
    assert_eq!(app.views.main.focus, Focus::Entities);
}

#[test]
fn resize_keeps_everything_in_range() {
    let mut app = app();
    app.apply(A::Down);
    app.apply(A::FocusNext);
    app.apply(A::Bottom);
    for (w, h) in [(1, 1), (0, 0), (20, 5), (80, 24), (300, 100), (120, 40)] {
        app.resize(w, h);
        let main = &app.views.main;
        assert!(main.reader.scroll <= main.reader.lines.len());
        assert!(main.docs.pick.selected < main.docs.pick.len().max(1));
    }
}

#[test]
fn document_text_never_reaches_the_screen_with_control_chars() {
    for keys in ["", "e", "c", "?"] {
        let mut a = app();
        a.resize(100, 30);
        typed(&mut a, keys);
        let mut t =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("backend");
        t.draw(|f| a.draw(f)).expect("draw");
        let screen = t.backend().to_string();
        assert!(!screen.contains('\u{1b}'), "{keys:?}:\n{screen}");
        assert!(
            screen.contains("Forum in Đà Lạt opens") || !keys.is_empty(),
            "{screen}"
        );
    }
}
