//! Unit tests of the reducer, one or more per action.

use super::app::{App, Setup};
use super::fixture;
use super::keymap::action::{Action as A, Pane};
use super::mode::Mode;
use super::views::main::layout::Focus;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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

fn ids(app: &App) -> Vec<&str> {
    let main = &app.views.main;
    main.docs
        .pick
        .items
        .iter()
        .map(|&d| app.shared.corpus.documents[d].id.as_str())
        .collect()
}

#[test]
fn starts_newest_first_with_the_reader_loaded() {
    let app = app();
    assert_eq!(ids(&app), ["b2", "a1", "c3"]);
    let main = &app.views.main;
    assert_eq!(main.reader.doc, Some(main.docs.pick.items[0]));
    assert!(!main.entities.list.is_empty());
}

#[test]
fn down_up_top_bottom_move_the_document_selection() {
    let mut app = app();
    app.apply(A::Down);
    let main = &app.views.main;
    assert_eq!(main.docs.pick.selected, 1);
    assert_eq!(main.reader.doc, Some(main.docs.pick.items[1]));
    app.apply(A::Bottom);
    assert_eq!(app.views.main.docs.pick.selected, 2);
    app.apply(A::Down);
    assert_eq!(app.views.main.docs.pick.selected, 2);
    app.apply(A::Up);
    app.apply(A::Top);
    assert_eq!(app.views.main.docs.pick.selected, 0);
}

#[test]
fn pages_scroll_the_reader_within_range() {
    let mut app = app();
    app.apply(A::Down); // a1, the long one
    app.apply(A::FocusNext);
    assert_eq!(app.views.main.focus, Focus::Reader);
    app.apply(A::PageDown);
    assert!(app.views.main.reader.scroll > 0);
    app.apply(A::Bottom);
    let main = &app.views.main;
    let h = super::layout::rows_in(main.panes.reader.expect("reader shown"));
    assert_eq!(main.reader.scroll, main.reader.lines.len() - h);
    app.apply(A::PageUp);
    app.apply(A::Top);
    assert_eq!(app.views.main.reader.scroll, 0);
}

#[test]
fn focus_cycles_both_ways() {
    let mut app = app();
    app.apply(A::FocusPrev);
    assert_eq!(app.views.main.focus, Focus::Entities);
    app.apply(A::FocusNext);
    assert_eq!(app.views.main.focus, Focus::Documents);
    app.apply(A::Entities);
    assert_eq!(app.views.main.focus, Focus::Entities);
    app.apply(A::Entities);
    assert_eq!(app.views.main.focus, Focus::Reader);
}

#[test]
fn filter_is_live_ranked_and_cleared_by_esc() {
    let mut app = app();
    app.apply(A::Filter);
    assert!(app.shared.typing);
    typed(&mut app, "forum lat");
    let found = ids(&app);
    assert_eq!(found[0], "b2");
    assert!(!found.contains(&"c3"));
    assert!(!app.views.main.docs.pick.marks[0].is_empty());
    typed(&mut app, "zzzz");
    assert!(app.views.main.docs.pick.is_empty());
    assert_eq!(app.views.main.reader.doc, None);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Esc);
    assert!(!app.shared.typing);
    assert_eq!(app.views.main.docs.pick.len(), 3);
}

#[test]
fn enter_keeps_the_filter() {
    let mut app = app();
    app.apply(A::Filter);
    typed(&mut app, "unrelated");
    key(&mut app, KeyCode::Enter);
    assert!(!app.shared.typing);
    assert_eq!(app.views.main.docs.pick.len(), 1);
    app.apply(A::Back);
    assert_eq!(app.views.main.docs.pick.len(), 3);
}

#[test]
fn slash_in_the_reader_searches_the_article() {
    let mut app = app();
    app.apply(A::FocusNext);
    key(&mut app, KeyCode::Char('/'));
    assert!(app.shared.typing);
    assert_eq!(app.views.main.focus, Focus::Reader);
}

#[test]
fn n_in_the_reader_visits_the_chosen_entitys_mentions() {
    let mut app = app();
    app.apply(A::Down); // a1
    app.apply(A::Entities);
    let chosen = app.views.main.selected_entity();
    app.apply(A::FocusPrev); // back to the reader
    assert_eq!(app.views.main.focus, Focus::Reader);
    app.apply(A::NextMention);
    assert_eq!(app.views.main.entities.mention_cursor, Some(0));
    assert_eq!(app.views.main.selected_entity(), chosen);
    assert!(
        app.shared
            .status
            .as_deref()
            .is_some_and(|s| s.contains("mention 1 of"))
    );
}

#[test]
fn entity_enter_filters_documents_and_mentions_jump() {
    let mut app = app();
    app.apply(A::Down); // a1
    app.apply(A::Entities);
    let person = app
        .views
        .main
        .selected_entity()
        .map(|e| app.shared.corpus.entities[e].name.clone());
    assert_eq!(person.as_deref(), Some("Trần Văn Minh"));
    app.apply(A::NextMention);
    assert_eq!(app.views.main.entities.mention_cursor, Some(0));
    app.apply(A::NextMention);
    app.apply(A::NextMention);
    assert!(app.views.main.reader.scroll > 0);
    app.apply(A::PrevMention);
    assert_eq!(app.views.main.entities.mention_cursor, Some(1));
    app.apply(A::Enter);
    assert_eq!(app.views.main.focus, Focus::Documents);
    assert_eq!(ids(&app), ["b2", "a1"], "the two documents naming him");
    app.apply(A::Back);
    assert_eq!(app.views.main.docs.entity, None);
    assert_eq!(app.views.main.docs.pick.len(), 3);
}

#[test]
fn an_entity_filter_and_a_query_combine() {
    let mut app = app();
    app.apply(A::Down); // a1
    app.apply(A::Entities);
    app.apply(A::Enter); // documents naming Trần Văn Minh: b2, a1
    app.apply(A::Filter);
    typed(&mut app, "coastal");
    assert_eq!(ids(&app), ["a1"]);
    assert_eq!(app.views.main.docs.matched, 1);
}

#[test]
fn events_open_the_article_at_the_sentence() {
    let mut app = app();
    app.apply(A::Down);
    app.apply(A::Events);
    assert_eq!(app.mode, Mode::Events);
    app.apply(A::Filter);
    typed(&mut app, "highland");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.views.events.pick.len(), 1);
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Main);
    let main = &app.views.main;
    assert_eq!(main.focus, Focus::Reader);
    let doc = main
        .reader
        .doc
        .map(|d| app.shared.corpus.documents[d].id.as_str());
    assert_eq!(doc, Some("b2"));
    assert!(main.reader.mark.is_some());
    app.apply(A::Events);
    app.apply(A::Back);
    assert_eq!(app.mode, Mode::Main);
}

#[test]
fn an_event_with_two_reports_offers_them_and_opens_the_one_chosen() {
    let mut app = App::new(crate::model::Corpus::seeds(), Setup::default());
    app.resize(100, 30);
    app.apply(A::Events);
    let corpus = std::sync::Arc::clone(&app.shared.corpus);
    let two = corpus.events.iter().position(|e| {
        let docs: std::collections::BTreeSet<usize> = e
            .sentences
            .iter()
            .map(crate::model::event::EventSentence::document)
            .collect();
        docs.len() == 2
    });
    let Some(two) = two else {
        panic!("the seeds have an event that two documents report")
    };
    let row = app.views.events.pick.items.iter().position(|&i| i == two);
    app.views.events.pick.select(row.unwrap_or(0));
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Events, "a chooser, not the reader");
    assert_eq!(
        app.views.events.reports.as_ref().map(|r| r.items.len()),
        Some(2)
    );
    app.apply(A::Back);
    assert!(app.views.events.reports.is_none());
    assert_eq!(app.mode, Mode::Events, "Esc closes the chooser only");
    app.apply(A::Enter);
    app.apply(A::Down);
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Main);
    let first = Some(corpus.events[two].sentences[0].document());
    let doc = app.views.main.reader.doc;
    assert!(
        doc.is_some() && doc != first,
        "the second report, not the first"
    );
    assert!(
        corpus.events[two]
            .sentences
            .iter()
            .any(|s| Some(s.document()) == doc)
    );
    assert!(app.views.main.reader.mark.is_some(), "at the sentence");
}

#[test]
fn compare_picker_then_view_swap_diffs_topics_and_back() {
    let mut app = app();
    app.apply(A::Compare);
    assert_eq!(app.mode, Mode::Picker);
    let current = app.views.main.docs.pick.current();
    assert_eq!(app.views.picker.pick.len(), 2);
    assert!(!app.views.picker.pick.items.contains(&current.unwrap_or(99)));
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Compare);
    let left = app.views.compare.shown.as_ref().map(|c| c.cmp.left_index);
    assert_eq!(left, current);
    app.apply(A::Swap);
    assert_ne!(
        app.views.compare.shown.as_ref().map(|c| c.cmp.left_index),
        left
    );
    app.apply(A::Swap);
    assert_eq!(
        app.views.compare.shown.as_ref().map(|c| c.cmp.left_index),
        left
    );
    app.apply(A::OnlyDiffs);
    assert!(
        app.views
            .compare
            .shown
            .as_ref()
            .is_some_and(|c| c.only_diffs)
    );
    app.apply(A::NextTopic);
    app.apply(A::PrevTopic);
    app.apply(A::PageDown);
    app.apply(A::Back);
    assert_eq!(
        (app.mode, app.views.compare.shown.is_none()),
        (Mode::Main, true)
    );
}

#[test]
fn help_opens_filters_and_closes() {
    let mut app = app();
    app.apply(A::Help);
    assert!(app.help.is_some());
    app.apply(A::Filter);
    typed(&mut app, "quit");
    assert_eq!(app.help.as_ref().map(|h| h.query.as_str()), Some("quit"));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('q'));
    assert!(app.help.is_none());
    assert!(!app.quit);
}

#[test]
fn help_end_stops_at_the_last_row() {
    let mut app = app();
    app.resize(80, 12);
    app.apply(A::Help);
    app.apply(A::Bottom);
    let help = app.help.as_ref().expect("help");
    let rows = help.rows(&app.shared.keymap).len();
    let page = super::views::help::page(app.area);
    assert_eq!(help.scroll, rows - page, "the last row sits at the bottom");
}

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
