//! Unit tests of the state updates, one or more per action.

use super::app::{App, Focus, Mode};
use super::fixture;
use super::keymap::Action as A;
use super::theme::Theme;
use super::update::{handle_key, update};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn app() -> App {
    let mut app = App::new(fixture::corpus(), Theme::default(), true);
    app.resize(120, 40);
    app
}

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn starts_newest_first_with_the_reader_loaded() {
    let app = app();
    let ids: Vec<&str> = app
        .docs
        .items
        .iter()
        .map(|&d| app.corpus.documents[d].id.as_str())
        .collect();
    assert_eq!(ids, ["b2", "a1", "c3"]);
    assert_eq!(app.reader.doc, Some(app.docs.items[0]));
    assert!(!app.doc_entities.is_empty());
}

#[test]
fn down_up_top_bottom_move_the_document_selection() {
    let mut app = app();
    update(&mut app, A::Down);
    assert_eq!(app.docs.selected, 1);
    assert_eq!(app.reader.doc, Some(app.docs.items[1]));
    update(&mut app, A::Bottom);
    assert_eq!(app.docs.selected, 2);
    update(&mut app, A::Down);
    assert_eq!(app.docs.selected, 2);
    update(&mut app, A::Up);
    update(&mut app, A::Top);
    assert_eq!(app.docs.selected, 0);
}

#[test]
fn pages_scroll_the_reader_within_range() {
    let mut app = app();
    update(&mut app, A::Down); // a1, the long one
    update(&mut app, A::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    update(&mut app, A::PageDown);
    assert!(app.reader.scroll > 0);
    update(&mut app, A::Bottom);
    let h = app.rows_of(app.screen.reader);
    assert_eq!(app.reader.scroll, app.reader.lines.len() - h);
    update(&mut app, A::PageUp);
    update(&mut app, A::Top);
    assert_eq!(app.reader.scroll, 0);
}

#[test]
fn focus_cycles_both_ways() {
    let mut app = app();
    update(&mut app, A::FocusPrev);
    assert_eq!(app.focus, Focus::Entities);
    update(&mut app, A::FocusNext);
    assert_eq!(app.focus, Focus::Documents);
    update(&mut app, A::Entities);
    assert_eq!(app.focus, Focus::Entities);
    update(&mut app, A::Entities);
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn filter_is_live_ranked_and_cleared_by_esc() {
    let mut app = app();
    update(&mut app, A::Filter);
    assert!(app.typing);
    typed(&mut app, "forum dal");
    let ids: Vec<&str> = app
        .docs
        .items
        .iter()
        .map(|&d| app.corpus.documents[d].id.as_str())
        .collect();
    assert_eq!(ids[0], "b2");
    assert!(!ids.contains(&"c3"));
    assert!(!app.docs.marks[0].is_empty());
    typed(&mut app, "zzzz");
    assert!(app.docs.is_empty());
    assert_eq!(app.reader.doc, None);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Esc);
    assert!(!app.typing);
    assert_eq!(app.docs.len(), 3);
}

#[test]
fn enter_keeps_the_filter() {
    let mut app = app();
    update(&mut app, A::Filter);
    typed(&mut app, "unrelated");
    key(&mut app, KeyCode::Enter);
    assert!(!app.typing);
    assert_eq!(app.docs.len(), 1);
    update(&mut app, A::Back);
    assert_eq!(app.docs.len(), 3);
}

#[test]
fn n_in_the_reader_visits_the_chosen_entitys_mentions() {
    let mut app = app();
    update(&mut app, A::Down); // a1
    update(&mut app, A::Entities);
    let chosen = app.selected_entity();
    update(&mut app, A::FocusPrev); // back to the reader
    assert_eq!(app.focus, Focus::Reader);
    update(&mut app, A::NextMention);
    assert_eq!(app.mention_cursor, Some(0));
    assert_eq!(app.selected_entity(), chosen);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("mention 1 of"))
    );
}

#[test]
fn entity_enter_filters_documents_and_mentions_jump() {
    let mut app = app();
    update(&mut app, A::Down); // a1
    update(&mut app, A::Entities);
    let person = app
        .selected_entity()
        .map(|e| app.corpus.entities[e].name.clone());
    assert_eq!(person.as_deref(), Some("Trần Văn Minh"));
    update(&mut app, A::NextMention);
    assert_eq!(app.mention_cursor, Some(0));
    update(&mut app, A::NextMention);
    update(&mut app, A::NextMention);
    let after_three = app.reader.scroll;
    assert!(after_three > 0);
    update(&mut app, A::PrevMention);
    assert_eq!(app.mention_cursor, Some(1));
    update(&mut app, A::Enter);
    assert_eq!(app.focus, Focus::Documents);
    assert_eq!(app.docs.len(), 2);
    update(&mut app, A::Back);
    assert_eq!(app.entity_filter, None);
    assert_eq!(app.docs.len(), 3);
}

#[test]
fn events_open_the_article_at_the_sentence() {
    let mut app = app();
    update(&mut app, A::Down);
    update(&mut app, A::Events);
    assert_eq!(app.mode, Mode::Events);
    update(&mut app, A::Filter);
    typed(&mut app, "highland");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.events.len(), 1);
    update(&mut app, A::Enter);
    assert_eq!(app.mode, Mode::Main);
    assert_eq!(app.focus, Focus::Reader);
    let doc = app.reader.doc.map(|d| app.corpus.documents[d].id.as_str());
    assert_eq!(doc, Some("b2"));
    assert!(app.reader.mark.is_some());
    update(&mut app, A::Events);
    update(&mut app, A::Back);
    assert_eq!(app.mode, Mode::Main);
}

#[test]
fn compare_picker_then_view_swap_diffs_topics_and_back() {
    let mut app = app();
    update(&mut app, A::Compare);
    assert_eq!(app.mode, Mode::Picker);
    assert_eq!(app.picker.len(), 2);
    assert!(!app.picker.items.contains(&app.docs.current().unwrap_or(99)));
    update(&mut app, A::Enter);
    assert_eq!(app.mode, Mode::Compare);
    let left = app.compare.as_ref().map(|c| c.cmp.left_index);
    update(&mut app, A::Swap);
    assert_ne!(app.compare.as_ref().map(|c| c.cmp.left_index), left);
    update(&mut app, A::OnlyDiffs);
    assert!(app.compare.as_ref().is_some_and(|c| c.only_diffs));
    update(&mut app, A::NextTopic);
    update(&mut app, A::PrevTopic);
    update(&mut app, A::PageDown);
    update(&mut app, A::Back);
    assert_eq!((app.mode, app.compare.is_none()), (Mode::Main, true));
}

#[test]
fn help_opens_filters_and_closes() {
    let mut app = app();
    update(&mut app, A::Help);
    assert!(app.help.is_some());
    update(&mut app, A::Filter);
    typed(&mut app, "swap");
    assert_eq!(app.help.as_ref().map(|h| h.query.as_str()), Some("swap"));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.help.is_none());
    assert!(!app.quit);
}

#[test]
fn quit_mouse_toggle_and_releases_ignored() {
    let mut app = app();
    update(&mut app, A::ToggleMouse);
    assert!(!app.mouse);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    handle_key(&mut app, release);
    assert!(!app.quit);
    handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert!(app.quit);
}

#[test]
fn resize_keeps_everything_in_range() {
    let mut app = app();
    update(&mut app, A::Down);
    update(&mut app, A::FocusNext);
    update(&mut app, A::Bottom);
    for (w, h) in [(1, 1), (0, 0), (20, 5), (80, 24), (300, 100), (120, 40)] {
        app.resize(w, h);
        assert!(app.reader.scroll <= app.reader.lines.len());
        assert!(app.docs.selected < app.docs.len().max(1));
    }
}

#[test]
fn document_text_never_reaches_the_screen_with_control_chars() {
    for keys in ["", "e", "c", "?"] {
        let mut a = App::new(fixture::corpus(), Theme::default(), true);
        a.resize(100, 30);
        typed(&mut a, keys);
        let mut t =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("backend");
        t.draw(|f| super::draw(&a, f)).expect("draw");
        let screen = t.backend().to_string();
        assert!(!screen.contains('\u{1b}'), "{keys:?}:\n{screen}");
        assert!(
            screen.contains("Forum in Đà Lạt opens") || !keys.is_empty(),
            "{screen}"
        );
    }
}
