//! Unit tests of the reducer, one or more per action; here the helpers they share.

use super::app::{App, Setup};
use super::test_keys::{key, list_ids, typed};

mod main_view;
mod other_views;
mod terminal_events;

fn app() -> App {
    super::test_keys::app_with(Setup {
        mouse: true,
        ..Setup::default()
    })
}
