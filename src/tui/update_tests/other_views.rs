//! The views over the main one: events and their reports, the comparison and its
//! picker, and help.

use super::{app, key, typed};
use crate::tui::app::{App, Setup};
use crate::tui::keymap::action::Action as A;
use crate::tui::mode::Mode;
use crate::tui::views::main::layout::Focus;
use crossterm::event::KeyCode;

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
    let page = crate::tui::views::help::page(app.area);
    assert_eq!(help.scroll, rows - page, "the last row sits at the bottom");
}
