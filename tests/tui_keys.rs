//! Every key the help shows works where it is shown: for each place (each pane of the
//! main screen, each view, the help, typing a filter), every key of every help row is
//! pressed in a fresh interface brought to that place, and the screen or the program's
//! state must change. A key that may rightly do nothing there would be listed in
//! `NO_OPS` with the reason; there are none.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::model::Corpus;
use dossier::tui::keymap::action::Action;
use dossier::tui::keymap::key::Key;
use dossier::tui::keymap::{Context, Entry};
use dossier::tui::outside::Outside;
use dossier::tui::views::help::{Help, HelpRow};
use dossier::tui::{App, Setup};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::OnceLock;

/// (place, action): keys documented to do nothing there, and why.
const NO_OPS: &[(&str, Action, &str)] = &[];

fn seeds() -> Corpus {
    static SEEDS: OnceLock<Corpus> = OnceLock::new();
    let c = SEEDS.get_or_init(Corpus::seeds);
    Corpus::new(
        c.documents.clone(),
        c.entities.clone(),
        c.mentions.clone(),
        c.events.clone(),
        Vec::new(),
    )
}

/// A place, its size, and the keys that reach it from the start (chosen so that every
/// key has something to act on: a selection below the top, a kept filter, a scroll).
const PLACES: &[(&str, (u16, u16), &str)] = &[
    ("documents pane", (100, 30), "/a\nj"),
    ("reader pane", (100, 30), "/a\n\tjj"),
    ("entities pane", (100, 30), "/a\n\t\tj"),
    ("events timeline", (100, 30), "ej"),
    ("an event's reports", (100, 30), "ejjjjjjjj\nj"),
    ("compare picker", (100, 30), "cj"),
    ("comparison", (100, 30), "c\n\u{4}j"),
    ("corpus search", (100, 30), "Sdefence\nj"),
    ("help", (60, 14), "?j"),
    ("typing a filter", (100, 30), "j/"),
    ("typing a date", (100, 30), "j:2023"),
    ("answering a question", (100, 30), "jt"),
];

fn press(app: &mut App, key: Key) {
    app.handle_key(KeyEvent::new(key.code, key.mods));
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\u{4}' => KeyCode::PageDown,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn at(place: &str) -> App {
    let &(_, (w, h), path) = PLACES.iter().find(|p| p.0 == place).expect("a known place");
    let mut app = App::new(
        seeds(),
        Setup {
            mouse: true,
            ..Setup::default()
        },
    );
    app.resize(w, h);
    keys(&mut app, path);
    app
}

/// Everything a key can change: the screen (text and styles: a selection or a focus
/// is only a style) and the flags the event loop acts on (with what it is to do outside:
/// copy, write, edit a note, reload).
type Fingerprint = (Buffer, bool, bool, bool, bool, bool, Option<Outside>);

fn fingerprint(app: &App) -> Fingerprint {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("backend");
    t.draw(|f| app.draw(f)).expect("draw");
    (
        t.backend().buffer().clone(),
        app.quit,
        app.suspend,
        app.mouse,
        app.help.is_some(),
        app.shared.typing,
        app.outside.clone(),
    )
}

/// The help rows shown for a place: the screen's own keys, or (in the help and while
/// typing) the keys of that layer.
fn shown(app: &App, place: &str) -> Vec<(Context, Action, Vec<Key>)> {
    let layers = match place {
        "help" => vec![vec![Context::Help, Context::Navigation, Context::Global]],
        "typing a filter" => vec![vec![Context::Typing]],
        "typing a date" => vec![vec![Context::Jumping]],
        "answering a question" => vec![vec![Context::Prompt]],
        _ => app.help_layers().into_iter().take(1).collect(),
    };
    let help = Help::new(layers);
    help.rows(&app.shared.keymap)
        .into_iter()
        .filter_map(|r| match r {
            HelpRow::Keys(Entry {
                context,
                action,
                keys,
                ..
            }) => Some((context, action, keys)),
            HelpRow::Heading(_) => None,
        })
        .collect()
}

#[test]
fn every_key_the_help_shows_changes_something_where_it_is_shown() {
    let mut failures = Vec::new();
    let mut pressed = 0;
    for &(place, _, _) in PLACES {
        let rows = shown(&at(place), place);
        assert!(!rows.is_empty(), "{place}: the help shows no keys");
        for (context, action, keys) in rows {
            for key in keys {
                let mut app = at(place);
                let before = fingerprint(&app);
                press(&mut app, key);
                pressed += 1;
                let documented = NO_OPS.iter().any(|&(p, a, _)| p == place && a == action);
                if fingerprint(&app) == before && !documented {
                    failures.push(format!("{place}: {} ({context:?} {action:?})", key.label()));
                }
            }
        }
    }
    assert!(pressed > 60, "only {pressed} keys pressed");
    assert!(
        failures.is_empty(),
        "keys that did nothing:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_comparison_lists_no_filter_and_no_pane_keys() {
    let app = at("comparison");
    let actions: Vec<Action> = shown(&app, "comparison").into_iter().map(|r| r.1).collect();
    for absent in [
        Action::Filter,
        Action::FocusNext,
        Action::Events,
        Action::Compare,
    ] {
        assert!(
            !actions.contains(&absent),
            "{absent:?} shown in the comparison"
        );
    }
    for present in [
        Action::NextTopic,
        Action::Swap,
        Action::OnlyDiffs,
        Action::Back,
        Action::Quit,
    ] {
        assert!(
            actions.contains(&present),
            "{present:?} missing from the comparison"
        );
    }
}

#[test]
fn a_rebound_key_shows_in_the_help_and_the_hint_line_and_works() {
    let config = dossier::tui::config::parse("[keys.main]\nevents = \"t\"\n", "test.toml");
    assert!(config.problems.is_empty());
    let mut app = App::new(
        seeds(),
        Setup {
            keymap: config.keymap,
            mouse: true,
            ..Setup::default()
        },
    );
    app.resize(120, 40);
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    t.draw(|f| app.draw(f)).expect("draw");
    let screen = t.backend().to_string();
    let hints = screen.lines().last().unwrap_or_default();
    assert!(
        hints.contains("t events timeline") && !hints.contains("e events"),
        "{hints}"
    );
    let rows = shown(&app, "documents pane");
    let events = rows
        .iter()
        .find(|r| r.1 == Action::Events)
        .expect("events row");
    assert_eq!(events.2.iter().map(Key::label).collect::<Vec<_>>(), ["t"]);
    keys(&mut app, "e");
    assert_eq!(app.mode, dossier::tui::mode::Mode::Main, "e is unbound");
    keys(&mut app, "t");
    assert_eq!(app.mode, dossier::tui::mode::Mode::Events);
}
