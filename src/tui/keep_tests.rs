//! What the user did on a preview of a loading corpus, or before a reload, is still
//! there once the new corpus replaces it.

use super::app::{App, Setup};
use super::fixture;
use super::keymap::action::Action as A;
use super::mode::Mode;
use super::test_keys::typed;
use super::views::main::layout::Focus;
use super::work::Waker;
use crate::model::{Corpus, Event, Field};
use std::time::{Duration, Instant};

/// The fixture's documents in another order and without entities or events, as the
/// loader's first batch is: indices differ from the finished corpus's.
fn preview() -> Corpus {
    let full = fixture::corpus();
    let mut docs = full.documents;
    docs.swap(0, 1);
    docs.truncate(2);
    Corpus::new(docs, Vec::new(), Vec::new(), Vec::new(), Vec::new())
}

/// An interface on the preview of a corpus still loading.
fn loading(waker: Option<Waker>) -> App {
    let empty = Corpus::new(Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut app = App::new(
        empty,
        Setup {
            loading: true,
            waker,
            ..Setup::default()
        },
    );
    app.resize(120, 40);
    app.replace_corpus(preview(), false);
    app
}

/// Selects the document with this id in the documents list.
fn select(app: &mut App, id: &str) {
    app.apply(A::Top);
    for _ in 0..app.views.main.docs.pick.len() {
        if selected(app).as_deref() == Some(id) {
            return;
        }
        app.apply(A::Down);
    }
    panic!("{id} is not listed");
}

fn selected(app: &App) -> Option<String> {
    let main = &app.views.main;
    let d = main.docs.pick.current()?;
    Some(app.shared.corpus.documents[d].id.clone())
}

fn shown_ids(app: &App) -> Vec<String> {
    let docs = &app.shared.corpus.documents;
    let items = &app.views.main.docs.pick.items;
    items.iter().map(|&d| docs[d].id.clone()).collect()
}

/// The first line of the document's text at the reader's top: its field and start.
fn top_text(app: &App) -> Option<(Option<Field>, usize)> {
    let reader = &app.views.main.reader;
    let line = reader
        .lines
        .iter()
        .skip(reader.scroll)
        .find(|l| l.field.is_some())?;
    Some((line.field, line.start))
}

#[test]
fn a_document_open_in_the_reader_stays_open_at_the_same_place() {
    let mut app = loading(None);
    select(&mut app, "a1");
    app.apply(A::FocusNext);
    app.apply(A::PageDown);
    app.apply(A::Down);
    let top = top_text(&app);
    assert!(app.views.main.reader.scroll > 0);
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(app.mode, Mode::Main);
    assert_eq!(selected(&app).as_deref(), Some("a1"));
    let main = &app.views.main;
    assert_eq!(main.focus, Focus::Reader);
    assert_eq!(main.reader.doc, main.docs.pick.current());
    // The finished corpus's reader has more lines above (entities), not other text.
    assert_eq!(top_text(&app), top);
    assert_eq!(app.shared.corpus.documents.len(), 3);
}

#[test]
fn a_filter_being_typed_runs_again_over_the_whole_corpus_and_typing_goes_on() {
    let mut app = loading(None);
    app.apply(A::Filter);
    typed(&mut app, "unrelat");
    // "Unrelated note" is not among the first documents.
    assert!(shown_ids(&app).is_empty());
    app.replace_corpus(fixture::corpus(), true);
    assert!(app.shared.typing, "typing was cut off");
    assert_eq!(app.views.main.docs.pick.query, "unrelat");
    assert_eq!(shown_ids(&app), ["c3"]);
    typed(&mut app, "ed note");
    assert_eq!(app.views.main.docs.pick.query, "unrelated note");
    assert_eq!(shown_ids(&app), ["c3"]);
}

#[test]
fn a_comparison_opened_on_the_preview_stays_open_on_the_same_two_documents() {
    let mut app = loading(None);
    select(&mut app, "b2");
    app.apply(A::Compare);
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Compare);
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(app.mode, Mode::Compare);
    let docs = &app.shared.corpus.documents;
    let pair = app
        .views
        .compare
        .pair()
        .map(|(l, r)| (&docs[l].id, &docs[r].id));
    assert_eq!(
        pair.map(|(l, r)| (l.as_str(), r.as_str())),
        Some(("b2", "a1"))
    );
    let shown = app.views.compare.shown.as_ref().map(|c| c.cmp.left_index);
    assert_eq!(shown, Some(1), "the comparison is of the finished corpus");
}

#[test]
fn a_reload_keeps_the_place_in_a_comparison() {
    let mut app = loading(None);
    app.replace_corpus(fixture::corpus(), true);
    app.resize(80, 24);
    select(&mut app, "b2");
    app.apply(A::Compare);
    app.apply(A::Enter);
    app.apply(A::OnlyDiffs);
    app.apply(A::NextChange);
    app.apply(A::Down);
    app.apply(A::Down);
    let before = app.views.compare.place();
    let place = before.unwrap_or_default();
    assert!(place.only_diffs && place.scroll == 2, "{before:?}");
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(app.mode, Mode::Compare);
    assert_eq!(app.views.compare.place(), before);
}

#[test]
fn two_reloads_before_the_comparison_comes_keep_its_place() {
    let mut app = loading(Some(Waker::new(|| {})));
    app.replace_corpus(fixture::corpus(), true);
    app.resize(80, 24);
    select(&mut app, "b2");
    app.apply(A::Compare);
    app.apply(A::Enter);
    assert!(poll_until(&mut app, |a| a.views.compare.shown.is_some()));
    app.apply(A::OnlyDiffs);
    app.apply(A::NextChange);
    app.apply(A::Down);
    let before = app.views.compare.place();
    assert!(
        before.is_some_and(|p| p.only_diffs && p.scroll == 1),
        "{before:?}"
    );
    // No poll between the reloads: the first one's comparison is still on its way.
    app.replace_corpus(fixture::corpus(), true);
    app.replace_corpus(fixture::corpus(), true);
    assert!(poll_until(&mut app, |a| a.views.compare.shown.is_some()));
    assert_eq!(app.mode, Mode::Compare);
    assert_eq!(app.views.compare.place(), before);
}

#[test]
fn a_comparison_whose_document_went_away_closes_and_says_why() {
    let mut app = loading(None);
    app.replace_corpus(fixture::corpus(), true);
    select(&mut app, "c3");
    app.apply(A::Compare);
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Compare);
    app.replace_corpus(preview(), true);
    assert_eq!(app.mode, Mode::Main);
    let status = app.shared.status.clone().unwrap_or_default();
    assert!(status.contains("comparison closed"), "{status}");
}

#[test]
fn the_picker_keeps_its_left_document_and_filter() {
    let mut app = loading(None);
    select(&mut app, "a1");
    app.apply(A::Compare);
    app.apply(A::Filter);
    typed(&mut app, "forum");
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(app.mode, Mode::Picker);
    let picker = &app.views.picker;
    let docs = &app.shared.corpus.documents;
    assert_eq!(picker.left.map(|d| docs[d].id.as_str()), Some("a1"));
    assert_eq!(picker.pick.query, "forum");
    assert_eq!(
        picker.pick.current().map(|d| docs[d].id.as_str()),
        Some("b2")
    );
    assert!(app.shared.typing);
}

/// The fixture with another event that sorts first, so that the fixture's own event
/// moves down one row.
fn with_earlier_event() -> Corpus {
    let c = fixture::corpus();
    let mut events = c.events.clone();
    let mut early = events[0].clone();
    early.id = "event:highland-forum-2".into();
    early.name = "2nd Highland Forum".into();
    early.date = crate::model::Date::new(2023, 3, 9);
    early.ordinal = Some(2);
    events.insert(0, early);
    Corpus::new(c.documents, c.entities, c.mentions, events, Vec::new())
}

#[test]
fn the_events_view_keeps_its_selected_event_by_id_across_a_reload() {
    let mut app = loading(None);
    app.replace_corpus(fixture::corpus(), true);
    app.apply(A::Events);
    assert_eq!(app.mode, Mode::Events);
    let id = |app: &App| -> Option<String> {
        let e = app.views.events.pick.current()?;
        let events: &[Event] = &app.shared.corpus.events;
        Some(events[e].id.clone())
    };
    assert_eq!(id(&app).as_deref(), Some("event:highland-forum-3"));
    app.replace_corpus(with_earlier_event(), true);
    assert_eq!(app.mode, Mode::Events);
    assert_eq!(app.views.events.pick.len(), 2);
    assert_eq!(id(&app).as_deref(), Some("event:highland-forum-3"));
}

#[test]
fn an_untouched_preview_gives_way_to_the_last_runs_position() {
    let saved = r#"{"doc":"c3","pane":"reader"}"#;
    let mut app = loading(None);
    app.pending_position = Some(saved.into());
    app.replace_corpus(preview(), false);
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(selected(&app).as_deref(), Some("c3"));
    assert_eq!(app.views.main.focus, Focus::Reader);
}

#[test]
fn what_the_user_did_on_the_preview_wins_over_the_last_runs_position() {
    let saved = r#"{"doc":"c3","pane":"reader"}"#;
    let mut app = loading(None);
    app.pending_position = Some(saved.into());
    app.replace_corpus(preview(), false);
    app.apply(A::Events);
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(app.mode, Mode::Events);
    app.apply(A::Back);
    assert_eq!(selected(&app).as_deref(), Some("b2"));
    assert_eq!(app.views.main.focus, Focus::Documents);
}

/// Polls the app's background work until `done` or a few seconds passed.
fn poll_until(app: &mut App, done: impl Fn(&App) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        app.poll();
        if done(app) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

#[test]
fn with_a_filter_searched_in_the_background_the_reader_place_comes_back_too() {
    let mut app = loading(Some(Waker::new(|| {})));
    app.apply(A::Filter);
    typed(&mut app, "coastal");
    app.apply(A::Enter);
    assert!(poll_until(&mut app, |a| shown_ids(a) == ["a1"]));
    app.apply(A::FocusNext);
    app.apply(A::PageDown);
    let top = top_text(&app);
    assert!(app.views.main.reader.scroll > 0);
    app.replace_corpus(fixture::corpus(), true);
    let back = poll_until(&mut app, |a| {
        a.views.main.docs.pending.is_none() && a.views.main.reader.doc.is_some()
    });
    assert!(back, "the filter's results never came");
    assert_eq!(selected(&app).as_deref(), Some("a1"));
    let main = &app.views.main;
    assert_eq!(main.docs.pick.query, "coastal");
    assert_eq!(main.focus, Focus::Reader);
    assert_eq!(main.reader.doc, main.docs.pick.current());
    assert_eq!(top_text(&app), top);
}

#[test]
fn the_entities_pane_keeps_its_filter_and_entity_across_a_reload() {
    let mut app = loading(None);
    app.replace_corpus(fixture::corpus(), true);
    select(&mut app, "a1");
    app.apply(A::FocusPrev);
    assert_eq!(app.views.main.focus, Focus::Entities);
    app.apply(A::Filter);
    typed(&mut app, "o");
    app.apply(A::Down);
    let entity = |app: &App| -> Option<String> {
        let pane = &app.views.main.entities;
        let (e, _) = pane.list[pane.pick.current()?];
        Some(app.shared.corpus.entities[e].id.clone())
    };
    let before = entity(&app);
    assert!(before.is_some());
    app.replace_corpus(fixture::corpus(), true);
    assert_eq!(app.views.main.focus, Focus::Entities);
    assert_eq!(app.views.main.entities.pick.query, "o");
    assert_eq!(entity(&app), before);
    assert!(app.shared.typing);
}
