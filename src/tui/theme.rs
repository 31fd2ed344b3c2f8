//! Every colour of the interface. With `NO_COLOR` set, a monochrome theme that relies on
//! bold, reverse, underline and dim only.

use crate::model::EntityKind;
use ratatui::style::{Color, Modifier, Style};

/// What a piece of screen is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text.
    Text,
    /// Less important text (related news, hints' descriptions, empty notes).
    Dim,
    /// Titles and headings.
    Heading,
    /// Metadata line in the reader header.
    Meta,
    /// Photo captions.
    Caption,
    /// The selected row of a focused list.
    Selected,
    /// The selected row of an unfocused list.
    SelectedIdle,
    /// Border of the focused pane.
    BorderFocus,
    /// Border of other panes.
    Border,
    /// Matched characters of a fuzzy filter.
    Match,
    /// Mentions of the selected entity.
    MentionSelected,
    /// Differing parts of a comparison.
    Differs,
    /// Keys in the hint bar and help.
    Key,
    /// The filter prompt.
    Prompt,
}

/// The palette, chosen once at startup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// True for the monochrome theme.
    pub mono: bool,
}

impl Theme {
    /// Monochrome when `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            mono: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }

    /// The style of a role.
    pub fn style(self, role: Role) -> Style {
        let s = Style::default();
        let bold = Modifier::BOLD;
        if self.mono {
            return match role {
                Role::Text | Role::Border | Role::Meta => s,
                Role::Dim | Role::Caption => s.add_modifier(Modifier::DIM),
                Role::Heading | Role::BorderFocus | Role::Key | Role::Prompt => {
                    s.add_modifier(bold)
                }
                Role::Selected | Role::MentionSelected => s.add_modifier(Modifier::REVERSED),
                Role::SelectedIdle => s.add_modifier(Modifier::UNDERLINED),
                Role::Match | Role::Differs => s.add_modifier(bold | Modifier::UNDERLINED),
            };
        }
        match role {
            Role::Text => s,
            Role::Dim => s.fg(Color::DarkGray),
            Role::Heading => s.fg(Color::White).add_modifier(bold),
            Role::Meta => s.fg(Color::Gray),
            Role::Caption => s.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            Role::Selected => s.bg(Color::Blue).fg(Color::White).add_modifier(bold),
            Role::SelectedIdle => s.bg(Color::DarkGray).fg(Color::White),
            Role::BorderFocus => s.fg(Color::LightBlue).add_modifier(bold),
            Role::Border => s.fg(Color::DarkGray),
            Role::Match => s
                .fg(Color::LightYellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            Role::MentionSelected => s.bg(Color::Yellow).fg(Color::Black),
            Role::Differs => s.fg(Color::LightRed).add_modifier(bold),
            Role::Key => s.fg(Color::LightCyan).add_modifier(bold),
            Role::Prompt => s.fg(Color::LightYellow).add_modifier(bold),
        }
    }

    /// The style of a mention of an entity of this kind.
    pub fn entity(self, kind: EntityKind) -> Style {
        let s = Style::default();
        if self.mono {
            return s.add_modifier(Modifier::UNDERLINED);
        }
        s.fg(match kind {
            EntityKind::Person => Color::LightCyan,
            EntityKind::Org => Color::LightGreen,
            EntityKind::Place => Color::LightMagenta,
            EntityKind::Event => Color::Yellow,
            EntityKind::Law => Color::LightBlue,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_uses_no_colours() {
        let t = Theme { mono: true };
        for role in [
            Role::Text,
            Role::Selected,
            Role::Match,
            Role::Differs,
            Role::Dim,
        ] {
            let s = t.style(role);
            assert_eq!((s.fg, s.bg), (None, None));
        }
        assert_eq!(t.entity(EntityKind::Person).fg, None);
        assert_eq!(t.style(Role::Selected).add_modifier, Modifier::REVERSED);
    }
}
