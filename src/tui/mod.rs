//! The terminal interface: documents, reader and entities; events; compare; help.
//!
//! # How it is built
//!
//! Layers point down only (a test checks there is no import circle):
//!
//! - bottom: [`keymap`] (actions, keys, contexts; the default keymap is
//!   `assets/keymap.toml`), [`config`] (the user's file), [`theme`], [`wrap`], [`pick`]
//!   (a filterable selection), [`layout`], [`work`] (work off the interface thread),
//!   [`input`] (terminal bytes → events), [`mode`] (the list of modes), [`shared`] (what
//!   every view reads: corpus, theme, keymap, status, waker);
//! - [`views`]: one module per full-screen view; each owns its state and implements
//!   [`views::view::View`]: its key contexts, `update` from an action, `draw` from its
//!   state and [`shared::Shared`], `mouse` → action, and the optional `query`,
//!   `open`, `poll`, `busy`;
//! - top: [`app`] (every view, the mode shown, the help overlay), [`update`] (the one
//!   reducer: keys and mouse → actions → views → effects), [`run`](mod@run) (the event loop,
//!   [`terminal`], [`signals`]).
//!
//! # Adding a view
//!
//! 1. Write `src/tui/views/NAME.rs`: a struct holding the view's state with
//!    `pub fn new(shared: &Shared) -> Self`, and `impl View` for it. `contexts` returns
//!    its own context first, then [`keymap::Context::Navigation`] if it scrolls; `update`
//!    handles the actions bound there and returns an [`views::view::Effect`] to go back or
//!    open another view; work whose cost grows with the corpus goes to a
//!    [`work::Latest`] built with `shared.waker`, and its results are taken in `poll`.
//! 2. Add its mode to [`mode::Mode`] and one line to the `registry!` in `views/mod.rs`
//!    (`Name => name: name::Name,`); declare the module there (`pub mod name;`).
//! 3. Add a `Context` variant with its table name and help title in `keymap/mod.rs`, and
//!    the view's keys to `assets/keymap.toml` (`{ on, run, desc, hint }`, one line each).
//!    A new action is one variant in `keymap/action.rs` (its snake_case name in
//!    `Action::name`). Help and hint line follow from the keymap by themselves.
//! 4. Open it from another view with `Effect::Open(Mode::Name, Request::…)`; add a
//!    snapshot at 120x40 and 80x24 to tests/tui_snapshots.rs and its mode to the
//!    key walk in tests/tui_keys.rs.
//!
//! Adding a key to an existing view is a line in `assets/keymap.toml` plus, for a new
//! action, its variant and a match arm in that view's `update`.

pub mod app;
mod arrived;
pub mod config;
pub mod effects;
pub mod export;
pub mod feed;
pub mod input;
pub mod keep;
pub mod kept;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod mode;
pub mod options;
pub mod outside;
pub mod pick;
pub mod run;
pub mod shared;
pub mod signals;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod views;
pub mod work;
pub mod workspace;
pub mod wrap;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod keep_tests;
#[cfg(test)]
mod test_keys;
#[cfg(test)]
mod update_tests;
#[cfg(test)]
mod workspace_tests;

pub use app::{App, Setup};
pub use options::Options;
pub use run::run;
pub use theme::Theme;
