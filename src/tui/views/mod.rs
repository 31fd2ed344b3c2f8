//! Every full-screen view, one module each, and the registry that holds them. The help
//! overlay is not a mode: it sits over whichever view is shown.

pub mod compare;
pub mod events;
pub mod events_reports;
pub mod help;
pub mod jump;
pub mod main;
pub mod picker;
pub mod search;
pub mod search_filters;
pub mod search_index;
#[cfg(test)]
mod search_tests;
pub mod view;
pub mod widgets;

use crate::tui::mode::Mode;
use crate::tui::shared::Shared;
use view::View;

/// Declares the registry: one line per view, `Mode => field: Type`.
macro_rules! registry {
    ($($mode:ident => $field:ident: $ty:ty,)*) => {
        /// Every view's state, one field per mode.
        #[derive(Debug)]
        pub struct Views {
            $(
                #[doc = concat!("The view of [`Mode::", stringify!($mode), "`].")]
                pub $field: $ty,
            )*
        }

        impl Views {
            /// Every view over the shared state.
            pub fn new(shared: &Shared) -> Views {
                Views { $($field: <$ty>::new(shared),)* }
            }

            /// The view of a mode.
            pub fn get(&self, mode: Mode) -> &dyn View {
                match mode { $(Mode::$mode => &self.$field,)* }
            }

            /// The view of a mode, to change it.
            pub fn get_mut(&mut self, mode: Mode) -> &mut dyn View {
                match mode { $(Mode::$mode => &mut self.$field,)* }
            }

            /// Every mode, in registry order.
            pub const MODES: &[Mode] = &[$(Mode::$mode,)*];
        }
    };
}

registry! {
    Main => main: main::Main,
    Events => events: events::Events,
    Picker => picker: picker::Picker,
    Compare => compare: compare::Compare,
    Search => search: search::Search,
}
