//! Rendering snapshots of every view at 120x40 and 80x24, and the too-small screens.
//! They change whenever the model's output changes; review and accept with `cargo insta`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::model::Corpus;
use dossier::tui::{App, Setup, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(
        Corpus::seeds(),
        Setup {
            mouse: true,
            ..Setup::default()
        },
    );
    app.resize(w, h);
    app
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

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| app.draw(f)).expect("draw");
    t.backend().to_string()
}

/// Every view: its name and the keys that reach it from the start.
const VIEWS: &[(&str, &str)] = &[
    ("main", ""),
    ("reader_scrolled", "j\t\u{4}j"),
    ("sidebar_entity", "\t\tjj"),
    ("filter", "/defence mini"),
    ("reader_search", "\t/defence\nnn"),
    ("sorted_by_outlet", "s"),
    ("date_jump", ":2023"),
    ("events_jump", "e:2025"),
    ("corpus_search", "Sdefence diplomacy\nj"),
    ("events", "e"),
    ("events_filtered", "e/con"),
    ("events_reports", "ejjjjjjjj\nj"),
    ("picker", "c"),
    ("compare", "c\n"),
    ("compare_scrolled", "c\n\u{4}"),
    ("compare_digest_jump", "c\n\t\n"),
    ("compare_only_diffs", "c\ndj"),
    ("help", "?"),
    ("marked", "*tborder\nj\n"),
    ("tag_prompt", "*tbord"),
    ("tag_filter", "tborder\njT"),
];

fn check(w: u16, h: u16) {
    for (name, k) in VIEWS {
        let mut a = app(w, h);
        keys(&mut a, k);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&a, w, h));
    }
}

#[test]
fn views_at_120x40() {
    check(120, 40);
}

#[test]
fn views_at_80x24() {
    check(80, 24);
}

#[test]
fn tiny_terminals_say_so() {
    for (w, h) in [(1, 1), (20, 5)] {
        let a = app(w, h);
        insta::assert_snapshot!(format!("tiny_{w}x{h}"), screen(&a, w, h));
    }
    let mut a = app(0, 0);
    keys(&mut a, "jjj\t?");
    let _ = screen(&a, 1, 1);
}

/// The monochrome theme: the same text, no colour anywhere, and the selection, headings
/// and focused border carried by reverse video and bold instead.
#[test]
fn no_color_theme_uses_modifiers_and_no_colours() {
    use ratatui::style::{Color, Modifier};
    let mut a = app(80, 24);
    let colour = screen(&a, 80, 24);
    a.shared.theme = Theme::mono();
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    t.draw(|f| a.draw(f)).expect("draw");
    let buf = t.backend().buffer();
    assert_eq!(t.backend().to_string(), colour, "same text");
    let cells: Vec<_> = buf.content().iter().collect();
    for c in &cells {
        assert!(
            matches!(c.fg, Color::Reset) && matches!(c.bg, Color::Reset),
            "a coloured cell {:?} under NO_COLOR",
            c.symbol()
        );
    }
    let with = |m: Modifier| cells.iter().filter(|c| c.modifier.contains(m)).count();
    // The selected document (two rows of the list) is in reverse video.
    assert!(
        with(Modifier::REVERSED) >= 2 * 20,
        "{}",
        with(Modifier::REVERSED)
    );
    assert!(with(Modifier::BOLD) > 0);
    // And the colour theme does use colour (so the check above can fail).
    a.shared.theme = Theme::default();
    t.draw(|f| a.draw(f)).expect("draw");
    let coloured = t
        .backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count();
    assert!(coloured > 0);
}
