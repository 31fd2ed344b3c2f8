//! The terminal interface: documents, reader and entities; events; compare; help.
//!
//! State lives in [`App`]; [`update`] turns keys into new state; [`draw`] only reads it.

pub mod app;
pub mod compare;
pub mod events;
pub mod filters;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod mouse;
pub mod pick;
pub mod picker;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod wrap;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod update_tests;

pub use app::{App, Focus, Mode};
pub use theme::Theme;
pub use update::{handle_key, update};

use crate::cli::TuiArgs;
use crate::model::Corpus;
use crossterm::event::{self, Event};
use layout::{MIN_HEIGHT, MIN_WIDTH, Screen};
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use std::time::Duration;

/// Draws the whole screen from the state. Never changes the state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let screen = if area == app.screen.area {
        app.screen
    } else {
        Screen::compute(area, app.mode, app.focus)
    };
    if screen.too_small {
        let msg = format!(
            "Terminal too small ({}x{}); dossier needs {MIN_WIDTH}x{MIN_HEIGHT}.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    match app.mode {
        Mode::Main => {
            if let Some(r) = screen.list {
                list::draw(app, frame, r);
            }
            if let Some(r) = screen.reader {
                reader::draw(app, frame, r);
            }
            if let Some(r) = screen.sidebar {
                sidebar::draw(app, frame, r);
            }
        }
        Mode::Events => {
            if let Some(r) = screen.full {
                events::draw(app, frame, r);
            }
        }
        Mode::Picker => {
            if let Some(r) = screen.full {
                picker::draw(app, frame, r);
            }
        }
        Mode::Compare => {
            if let Some(r) = screen.full {
                compare::draw(app, frame, r);
            }
        }
    }
    help::draw_hints(app, frame, screen.hints);
    if app.help.is_some() {
        help::draw(app, frame, area);
    }
}

/// Opens the terminal interface on a corpus and runs it until the user quits.
pub fn run(corpus: Corpus, args: &TuiArgs) -> anyhow::Result<()> {
    let mut app = App::new(corpus, Theme::from_env(), !args.no_mouse);
    app.search_in_background();
    let mut guard = terminal::setup(app.mouse)?;
    let size = guard.terminal.size()?;
    app.resize(size.width, size.height);
    while !app.quit {
        guard.terminal.draw(|f| draw(&app, f))?;
        wait_and_handle(&mut app)?;
        guard.set_mouse(app.mouse)?;
    }
    Ok(())
}

/// Waits for input (or search results), then handles every queued event before the
/// next frame, so only the latest state is drawn.
fn wait_and_handle(app: &mut App) -> anyhow::Result<()> {
    loop {
        let timeout = if app.searching() {
            Duration::from_millis(10)
        } else {
            Duration::from_secs(3600)
        };
        if event::poll(timeout)? {
            while event::poll(Duration::ZERO)? {
                handle_event(app, event::read()?);
                if app.quit {
                    return Ok(());
                }
            }
            app.poll_search();
            return Ok(());
        }
        if app.poll_search() {
            return Ok(());
        }
    }
}

/// Feeds one terminal event to the state.
pub fn handle_event(app: &mut App, ev: Event) {
    match ev {
        Event::Key(k) if k.kind == event::KeyEventKind::Press => handle_key(app, k),
        Event::Mouse(m) if app.mouse => mouse::handle_mouse(app, m),
        Event::Resize(w, h) => app.resize(w, h),
        _ => {}
    }
}
