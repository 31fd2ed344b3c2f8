//! The main view: moving through the documents, focus, the filter, the reader and the
//! entities pane.

use super::{app, key, list_ids as ids, typed};
use crate::tui::keymap::action::Action as A;
use crate::tui::views::main::layout::Focus;
use crossterm::event::KeyCode;

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
    let h = crate::tui::layout::rows_in(main.panes.reader.expect("reader shown"));
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
