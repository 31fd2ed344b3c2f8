//! State transitions: key → action → new state. No drawing, no terminal.

use super::app::{App, Focus, Help, Mode};
use super::compare::CompareView;
use super::keymap::{Action, Context, lookup};
use super::layout::inner;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The keymap contexts in effect, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.typing {
        return vec![Context::Typing];
    }
    if app.help.is_some() {
        return vec![Context::Help, Context::Global];
    }
    match app.mode {
        Mode::Main if app.focus == Focus::Entities => {
            vec![Context::Sidebar, Context::Main, Context::Global]
        }
        Mode::Main if app.focus == Focus::Reader => {
            vec![Context::Reader, Context::Main, Context::Global]
        }
        Mode::Main => vec![Context::Main, Context::Global],
        Mode::Events => vec![Context::Events, Context::Global],
        Mode::Picker => vec![Context::Picker, Context::Global],
        Mode::Compare => vec![Context::Compare, Context::Global],
    }
}

/// Handles one key event (presses only; repeats count as presses).
pub fn handle_key(app: &mut App, ev: KeyEvent) {
    if ev.kind != KeyEventKind::Press {
        return;
    }
    app.status = None;
    if let Some(action) = lookup(&ev, &contexts(app)) {
        update(app, action);
    } else if app.typing {
        let ctrl = ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                let mut q = query(app).to_owned();
                q.push(c);
                set_query(app, q);
            }
            KeyCode::Backspace => {
                let mut q = query(app).to_owned();
                q.pop();
                set_query(app, q);
            }
            _ => {}
        }
    }
}

fn query(app: &App) -> &str {
    match (&app.help, app.mode, app.focus) {
        (Some(h), _, _) => &h.query,
        (None, Mode::Events, _) => &app.events.query,
        (None, Mode::Picker, _) => &app.picker.query,
        (None, _, Focus::Entities) => &app.sidebar.query,
        _ => &app.docs.query,
    }
}

/// Sets the filter of the list being typed into and refilters it.
pub fn set_query(app: &mut App, q: String) {
    if let Some(h) = app.help.as_mut() {
        h.query = q;
        h.scroll = 0;
        return;
    }
    match (app.mode, app.focus) {
        (Mode::Events, _) => {
            app.events.query = q;
            super::filters::events(app);
        }
        (Mode::Picker, _) => {
            app.picker.query = q;
            super::filters::picker(app);
        }
        (Mode::Main, Focus::Entities) => {
            app.sidebar.query = q;
            super::filters::entities(app);
        }
        _ => {
            app.docs.query = q;
            super::filters::documents(app);
        }
    }
    app.relayout();
}

/// Applies one action.
pub fn update(app: &mut App, action: Action) {
    use Action as A;
    match action {
        A::Quit => app.quit = true,
        A::Up => move_by(app, -1),
        A::Down => move_by(app, 1),
        A::PageUp => move_by(app, -(page(app) as isize)),
        A::PageDown => move_by(app, page(app) as isize),
        A::Top => move_by(app, isize::MIN / 2),
        A::Bottom => move_by(app, isize::MAX / 2),
        A::FocusNext | A::FocusPrev if app.mode == Mode::Main && app.help.is_none() => {
            let order = [Focus::Documents, Focus::Reader, Focus::Entities];
            let i = order.iter().position(|&f| f == app.focus).unwrap_or(0);
            let step = if action == A::FocusNext { 1 } else { 2 };
            app.focus = order[(i + step) % 3];
        }
        A::FocusNext | A::FocusPrev => {}
        A::Entities => {
            app.focus = if app.focus == Focus::Entities {
                Focus::Reader
            } else {
                Focus::Entities
            };
        }
        A::Enter => enter(app),
        A::Back => back(app),
        A::Filter => {
            if app.mode == Mode::Main && app.focus == Focus::Reader && app.help.is_none() {
                app.focus = Focus::Documents;
            }
            app.typing = app.mode != Mode::Compare || app.help.is_some();
        }
        A::Events => app.mode = Mode::Events,
        A::Compare => open_picker(app),
        A::Help => app.help = Some(Help::default()),
        A::NextMention => jump_mention(app, true),
        A::PrevMention => jump_mention(app, false),
        A::NextTopic | A::PrevTopic => {
            if let Some(cv) = app.compare.as_mut() {
                cv.jump_topic(action == A::NextTopic);
            }
        }
        A::Swap => {
            if let Some(cv) = app.compare.as_mut() {
                cv.swap(&app.corpus);
            }
        }
        A::OnlyDiffs => {
            if let Some(cv) = app.compare.as_mut() {
                cv.toggle_diffs();
            }
        }
        A::ToggleMouse => {
            app.mouse = !app.mouse;
            app.status = Some(
                if app.mouse {
                    "mouse on"
                } else {
                    "mouse off: select text freely"
                }
                .into(),
            );
        }
    }
    app.relayout();
}

/// Rows in the pane that up/down act on.
fn page(app: &App) -> usize {
    if app.help.is_some() {
        return super::help::area(app.screen.area)
            .height
            .saturating_sub(2)
            .max(1) as usize;
    }
    match app.mode {
        Mode::Main if app.focus == Focus::Documents => {
            (app.rows_of(app.screen.list) / super::list::ROW_HEIGHT).max(1)
        }
        Mode::Main => app.rows_of(app.screen.pane(app.focus)),
        Mode::Compare => app.compare.as_ref().map_or(1, |c| c.height),
        _ => app.rows_of(app.screen.full),
    }
}

/// Moves the selection or scroll of whatever has focus.
pub fn move_by(app: &mut App, delta: isize) {
    if let Some(h) = app.help.as_mut() {
        let n = super::help::rows(&h.query).len();
        h.scroll = h
            .scroll
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
        return;
    }
    match app.mode {
        Mode::Events => app.events.move_by(delta),
        Mode::Picker => app.picker.move_by(delta),
        Mode::Compare => {
            if let Some(cv) = app.compare.as_mut() {
                cv.scroll = cv.scroll.saturating_add_signed(delta).min(cv.max_scroll());
            }
        }
        Mode::Main => match app.focus {
            Focus::Documents => app.docs.move_by(delta),
            Focus::Entities => {
                app.sidebar.move_by(delta);
                app.mention_cursor = None;
            }
            Focus::Reader => {
                let h = app.rows_of(app.screen.reader);
                let max = app.reader.lines.len().saturating_sub(h);
                app.reader.scroll = app.reader.scroll.saturating_add_signed(delta).min(max);
            }
        },
    }
}

fn enter(app: &mut App) {
    if app.typing {
        app.typing = false;
        return;
    }
    match app.mode {
        Mode::Main => match app.focus {
            Focus::Documents => app.focus = Focus::Reader,
            Focus::Reader => {}
            Focus::Entities => {
                if let Some(e) = app.selected_entity() {
                    app.entity_filter = Some(e);
                    app.focus = Focus::Documents;
                    super::filters::documents(app);
                }
            }
        },
        Mode::Events => open_event(app),
        Mode::Picker => {
            if let (Some(l), Some(r), Some(full)) =
                (app.reader.doc, app.picker.current(), app.screen.full)
            {
                app.compare = Some(CompareView::new(&app.corpus, l, r, inner(full)));
                app.mode = Mode::Compare;
            }
        }
        Mode::Compare => {}
    }
}

fn back(app: &mut App) {
    if app.typing {
        app.typing = false;
        set_query(app, String::new());
        return;
    }
    if app.help.take().is_some() {
        return;
    }
    match app.mode {
        Mode::Main => {
            app.entity_filter = None;
            app.docs.query.clear();
            app.sidebar.query.clear();
            super::filters::documents(app);
            super::filters::entities(app);
        }
        Mode::Events | Mode::Picker => app.mode = Mode::Main,
        Mode::Compare => {
            app.mode = Mode::Main;
            app.compare = None;
        }
    }
}

fn open_picker(app: &mut App) {
    let Some(left) = app.docs.current() else {
        app.status = Some("no document to compare".into());
        return;
    };
    let suggestions = crate::model::compare::suggest_for(&app.corpus, left);
    let (docs, reasons) = suggestions
        .into_iter()
        .map(|s| {
            let other = if s.left_index == left {
                s.right_index
            } else {
                s.left_index
            };
            (other, s.reason)
        })
        .filter(|&(d, _)| d != left && d < app.corpus.documents.len())
        .unzip();
    app.suggested = docs;
    app.suggested_reasons = reasons;
    app.picker = Default::default();
    super::filters::picker(app);
    app.mode = Mode::Picker;
}

fn open_event(app: &mut App) {
    let Some(ev) = app.events.current().and_then(|i| app.corpus.events.get(i)) else {
        return;
    };
    let Some(s) = ev.sentences.first().cloned() else {
        app.status = Some("no sentence recorded for this event".into());
        return;
    };
    let Ok(doc) = app.corpus.find(&s.document) else {
        return;
    };
    app.mode = Mode::Main;
    app.focus = Focus::Reader;
    if !app.docs.items.contains(&doc) {
        app.entity_filter = None;
        app.docs.query.clear();
        super::filters::documents(app);
    }
    if let Some(row) = app.docs.items.iter().position(|&d| d == doc) {
        app.docs.select(row);
    }
    app.relayout();
    app.show_in_reader(s.field, s.start, s.end);
}

fn jump_mention(app: &mut App, forward: bool) {
    let Some(e) = app.selected_entity() else {
        return;
    };
    let lines: Vec<usize> = app
        .reader
        .mentions
        .iter()
        .filter(|m| m.0 == e)
        .map(|m| m.1)
        .collect();
    if lines.is_empty() {
        return;
    }
    let n = lines.len();
    let next = match (app.mention_cursor, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(c), true) => (c + 1) % n,
        (Some(c), false) => (c + n - 1) % n,
    };
    app.mention_cursor = Some(next);
    let h = app.rows_of(app.screen.reader);
    let max = app.reader.lines.len().saturating_sub(h);
    app.reader.scroll = lines[next].saturating_sub(2).min(max);
    let name = app.corpus.entities.get(e).map_or("", |x| x.name.as_str());
    app.status = Some(format!("{name}: mention {} of {n}", next + 1));
}
