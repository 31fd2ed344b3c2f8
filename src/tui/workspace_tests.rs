//! Unit tests of the workspace keys: read marks, stars, tags and their filter, notes,
//! the saved position, and what is handed to the event loop (copy, write, reload).

use super::app::{App, Setup};
use super::fixture;
use super::keymap::action::Action as A;
use super::mode::Mode;
use super::outside::Outside;
use super::views::main::documents::Show;
use super::views::main::layout::Focus;
use super::workspace::StateSetup;
use crate::store::{CorpusKey, Store};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

fn app_with(state: StateSetup) -> App {
    let mut app = App::new(
        fixture::corpus(),
        Setup {
            mouse: true,
            state,
            ..Setup::default()
        },
    );
    app.resize(120, 40);
    app
}

fn app() -> App {
    app_with(StateSetup::Off)
}

fn saved(path: &Path) -> StateSetup {
    StateSetup::Open(Store::open(path).unwrap(), CorpusKey::seeds())
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    t.backend().to_string()
}

fn current(app: &App) -> usize {
    app.views.main.docs.pick.current().unwrap()
}

fn id(app: &App, doc: usize) -> &str {
    &app.shared.corpus.documents[doc].id
}

#[test]
fn opening_a_document_marks_it_read_and_u_toggles() {
    let mut app = app();
    assert_eq!(app.shared.workspace.unread(), 3);
    assert!(screen(&app).contains("Documents 3 · 3 unread"));
    let doc = current(&app);
    app.apply(A::Down);
    app.apply(A::Up);
    assert!(
        !app.shared.workspace.is_read(doc),
        "moving over it is not reading it"
    );
    app.apply(A::Enter);
    assert_eq!(app.views.main.focus, Focus::Reader);
    assert!(app.shared.workspace.is_read(doc));
    assert!(screen(&app).contains("· 2 unread"));
    app.apply(A::ToggleRead);
    assert!(!app.shared.workspace.is_read(doc));
    assert_eq!(app.shared.status.as_deref(), Some("marked unread"));
    app.apply(A::ToggleRead);
    assert!(app.shared.workspace.is_read(doc));
}

#[test]
fn stars_show_in_the_list_and_the_reader() {
    let mut app = app();
    let doc = current(&app);
    app.apply(A::Star);
    assert!(app.shared.workspace.get(doc).unwrap().starred);
    let s = screen(&app);
    assert!(s.contains("★Forum in"), "{s}");
    assert!(s.contains("★ starred"), "the reader's header says so");
    app.apply(A::Star);
    assert!(!app.shared.workspace.get(doc).unwrap().starred);
    assert!(!screen(&app).contains('★'));
}

#[test]
fn a_tag_is_typed_added_filtered_by_and_removed() {
    let mut app = app();
    let first = current(&app);
    typed(&mut app, "tborder talks\n");
    assert_eq!(app.shared.status.as_deref(), Some("tagged #border talks"));
    assert!(app.prompt.is_none());
    assert_eq!(
        app.shared.workspace.get(first).unwrap().tags,
        ["border talks"]
    );
    assert!(screen(&app).contains("#border talks"));
    // Esc cancels a tag being typed.
    app.apply(A::Down);
    typed(&mut app, "tnope\u{1b}");
    assert!(app.prompt.is_none());
    assert!(
        app.shared
            .workspace
            .get(current(&app))
            .unwrap()
            .tags
            .is_empty()
    );
    // The tag filter lists the tags used, and shows only the tagged document.
    typed(&mut app, "T");
    let s = screen(&app);
    assert!(s.contains("show tag (border talks 1;"), "{s}");
    typed(&mut app, "border talks\n");
    assert_eq!(
        app.views.main.docs.show,
        Show::Tagged("border talks".into())
    );
    assert_eq!(app.views.main.docs.pick.items, [first]);
    assert!(screen(&app).contains("Documents 1 of 3"));
    // Typing the tag again on the document removes it; Esc clears the filter.
    typed(&mut app, "tborder talks\n");
    assert!(app.shared.workspace.get(first).unwrap().tags.is_empty());
    app.apply(A::Back);
    assert_eq!(app.views.main.docs.show, Show::All);
    assert_eq!(app.views.main.docs.pick.len(), 3);
}

#[test]
fn f_cycles_all_unread_starred() {
    let mut app = app();
    app.apply(A::Enter); // the first is read now
    app.apply(A::FocusPrev);
    app.apply(A::CycleFilter);
    assert_eq!(app.views.main.docs.show, Show::Unread);
    assert_eq!(app.views.main.docs.pick.len(), 2);
    app.apply(A::Star); // stars the first unread one
    let starred = current(&app);
    app.apply(A::CycleFilter);
    assert_eq!(app.views.main.docs.show, Show::Starred);
    assert_eq!(app.views.main.docs.pick.items, [starred]);
    app.apply(A::CycleFilter);
    assert_eq!(app.views.main.docs.pick.len(), 3);
}

#[test]
fn a_note_goes_to_the_editor_and_comes_back_to_the_reader() {
    let mut app = app();
    let doc = current(&app);
    app.apply(A::Note);
    assert_eq!(
        app.outside.take(),
        Some(Outside::Note {
            doc,
            text: String::new()
        })
    );
    app.note_edited(
        doc,
        Ok("Check the \u{1b}[31mdate\nwith the ministry".into()),
    );
    assert_eq!(app.shared.status.as_deref(), Some("note saved"));
    let s = screen(&app);
    assert!(
        s.contains("✎ Check the  [31mdate") || s.contains("✎ Check the"),
        "{s}"
    );
    assert!(!s.contains('\u{1b}'));
    assert!(s.contains("✎ with the ministry"));
    app.apply(A::Note);
    assert!(
        matches!(app.outside.take(), Some(Outside::Note { text, .. }) if text.contains("ministry"))
    );
    app.note_edited(doc, Ok(String::new()));
    assert_eq!(app.shared.status.as_deref(), Some("note removed"));
    assert!(app.shared.workspace.get(doc).unwrap().note.is_none());
}

/// The first line of text from the reader's top: its field and where it starts.
fn top_text(app: &App) -> (Option<crate::model::Field>, usize) {
    let r = &app.views.main.reader;
    let l = r.lines[r.scroll..]
        .iter()
        .find(|l| l.field.is_some())
        .unwrap();
    (l.field, l.start)
}

#[test]
fn marks_and_position_persist_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite");
    let mut app = app_with(saved(&path));
    app.apply(A::Down);
    let doc = current(&app);
    let doc_id = id(&app, doc).to_owned();
    app.apply(A::Star);
    typed(&mut app, "tkeep\n");
    app.apply(A::Enter);
    app.apply(A::PageDown);
    assert!(app.views.main.reader.scroll > 0);
    let top = top_text(&app);
    app.save_position();
    drop(app);

    let app = app_with(saved(&path));
    let again = current(&app);
    assert_eq!(id(&app, again), doc_id, "the same document is selected");
    let marks = app.shared.workspace.get(again).unwrap();
    assert!(marks.read && marks.starred);
    assert_eq!(marks.tags, ["keep"]);
    assert_eq!(app.views.main.focus, Focus::Reader);
    assert_eq!(top_text(&app), top, "the reader opens where it was");
    assert_eq!(app.shared.workspace.unread(), 2);
}

#[test]
fn a_broken_state_file_is_reported_and_marks_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.sqlite");
    std::fs::write(&path, b"not a database at all, just bytes").unwrap();
    let err = Store::open(&path).unwrap_err();
    let mut app = app_with(StateSetup::Unavailable(err.to_string()));
    let s = screen(&app);
    assert!(s.contains("not saved"), "{s}");
    assert!(
        app.shared
            .status
            .as_deref()
            .unwrap()
            .contains("cannot use the state file")
    );
    app.apply(A::Star);
    assert!(app.shared.workspace.get(current(&app)).unwrap().starred);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"not a database at all, just bytes"
    );
}

#[test]
fn copy_write_and_reload_are_handed_to_the_event_loop() {
    let mut app = app();
    app.apply(A::Copy);
    let title = app.shared.corpus.documents[current(&app)].title.clone();
    assert_eq!(
        app.outside.take(),
        Some(Outside::Copy {
            what: "the title".into(),
            text: title
        })
    );
    app.apply(A::FocusNext);
    app.apply(A::CopyText);
    assert!(
        matches!(app.outside.take(), Some(Outside::Copy { text, .. }) if text.contains("Highland Forum opened"))
    );
    app.apply(A::Write);
    assert!(
        matches!(app.outside.take(), Some(Outside::Write { name, text }) if name == "b2" && text.starts_with("# Forum in"))
    );
    app.apply(A::FocusPrev);
    app.apply(A::Write);
    assert!(matches!(app.outside.take(), Some(Outside::Write { name, .. }) if name == "documents"));
    app.apply(A::Reload);
    assert_eq!(app.outside.take(), Some(Outside::Reload));
}

#[test]
fn y_copies_the_sentence_entity_event_and_comparison_row() {
    let mut app = app();
    app.apply(A::FocusNext);
    app.apply(A::Down); // the reader, one line down: still the title block
    app.apply(A::Copy);
    assert!(
        matches!(app.outside.take(), Some(Outside::Copy { what, text }) if what == "the sentence" && text == "The 3rd Highland Forum opened in Đà Lạt.")
    );
    app.apply(A::FocusNext);
    app.apply(A::Copy);
    assert!(matches!(app.outside.take(), Some(Outside::Copy { what, .. }) if what == "the entity"));
    app.apply(A::Events);
    assert_eq!(app.mode, Mode::Events);
    app.apply(A::Copy);
    assert!(
        matches!(app.outside.take(), Some(Outside::Copy { text, .. }) if text == "2024-03-09 3rd Highland Forum, Đà Lạt")
    );
    app.apply(A::Write);
    assert!(matches!(app.outside.take(), Some(Outside::Write { name, .. }) if name == "timeline"));
}

#[test]
fn w_in_the_comparison_writes_the_reports_markdown() {
    let mut app = app();
    app.apply(A::Compare);
    app.apply(A::Enter);
    assert_eq!(app.mode, Mode::Compare);
    app.apply(A::Write);
    let Some(Outside::Write { name, text }) = app.outside.take() else {
        panic!("w writes a file");
    };
    assert!(name.starts_with("compare-"), "{name}");
    let first = text.lines().next().unwrap_or("");
    assert!(first.starts_with("# ") && first.contains(" vs "), "{first}");
    assert!(text.contains("\n## What changed\n"), "{text}");
}
