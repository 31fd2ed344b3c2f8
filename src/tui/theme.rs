//! Every colour of the interface. Three palettes: `dark` (the default, for dark
//! backgrounds), `light` (for light backgrounds) and `ansi16` (only the 16 ANSI colours,
//! picked so that Solarized-style palettes, which remap the bright ones to greys, stay
//! readable). `dark` and `light` use 256-colour greys and blues when the terminal
//! advertises 256 colours or truecolor (`COLORTERM`, `TERM`) and fall back to `ansi16`
//! otherwise. With `NO_COLOR` set, a monochrome theme relies on bold, reverse,
//! underline and dim only. Headings and dim text never use a fixed white or black, so
//! they read on either background.

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
    /// The filter prompt and status messages.
    Prompt,
}

/// Every role, for tests and theme listings.
pub const ROLES: [Role; 14] = [
    Role::Text,
    Role::Dim,
    Role::Heading,
    Role::Meta,
    Role::Caption,
    Role::Selected,
    Role::SelectedIdle,
    Role::BorderFocus,
    Role::Border,
    Role::Match,
    Role::MentionSelected,
    Role::Differs,
    Role::Key,
    Role::Prompt,
];

/// A set of colours, chosen by name in the config file (`theme = "light"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// For dark backgrounds.
    #[default]
    Dark,
    /// For light backgrounds.
    Light,
    /// The 16 ANSI colours only, safe on any palette.
    Ansi16,
}

impl Palette {
    /// Every palette.
    pub const ALL: [Palette; 3] = [Palette::Dark, Palette::Light, Palette::Ansi16];

    /// The name in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Palette::Dark => "dark",
            Palette::Light => "light",
            Palette::Ansi16 => "ansi16",
        }
    }

    /// The palette a config name stands for.
    pub fn parse(name: &str) -> Option<Palette> {
        Palette::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// The theme in use: a palette, how many colours the terminal has, or monochrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// The palette asked for.
    pub palette: Palette,
    /// True when the terminal shows 256 colours or more.
    pub rich: bool,
    /// True for the monochrome theme (`NO_COLOR`).
    pub mono: bool,
}

/// True when `COLORTERM` or `TERM` advertises 256 colours or truecolor.
pub fn rich_colours(colorterm: Option<&str>, term: Option<&str>) -> bool {
    let truecolor = colorterm.is_some_and(|c| matches!(c, "truecolor" | "24bit"));
    truecolor || term.is_some_and(|t| t.contains("256color") || t.contains("direct"))
}

impl Theme {
    /// The palette asked for, adapted to the terminal: monochrome when `NO_COLOR` is set
    /// to anything non-empty (no-color.org), 16 colours unless more are advertised.
    pub fn from_env(palette: Palette) -> Theme {
        let var = |k: &str| std::env::var(k).ok();
        Theme {
            palette,
            rich: rich_colours(var("COLORTERM").as_deref(), var("TERM").as_deref()),
            mono: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        }
    }

    /// The monochrome theme.
    pub fn mono() -> Theme {
        Theme {
            mono: true,
            ..Theme::default()
        }
    }

    /// The style of a role.
    pub fn style(self, role: Role) -> Style {
        if self.mono {
            return mono(role);
        }
        match (self.palette, self.rich) {
            (Palette::Dark, true) => dark(role),
            (Palette::Light, true) => light(role),
            (Palette::Light, false) => light16(role),
            (Palette::Dark | Palette::Ansi16, _) => ansi16(role),
        }
    }

    /// The style of a mention of an entity of this kind.
    pub fn entity(self, kind: EntityKind) -> Style {
        let s = Style::default();
        if self.mono {
            return s.add_modifier(Modifier::UNDERLINED);
        }
        // People, organisations, places, events, laws; on light backgrounds no yellow.
        let colours = if self.palette == Palette::Light {
            [
                Color::Blue,
                Color::Green,
                Color::Magenta,
                Color::Red,
                Color::Cyan,
            ]
        } else {
            [
                Color::Cyan,
                Color::Green,
                Color::Magenta,
                Color::Yellow,
                Color::Blue,
            ]
        };
        let at = EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        s.fg(colours[at])
    }
}

const BOLD: Modifier = Modifier::BOLD;

fn mono(role: Role) -> Style {
    let s = Style::default();
    match role {
        Role::Text | Role::Border | Role::Meta => s,
        Role::Dim | Role::Caption => s.add_modifier(Modifier::DIM),
        Role::Heading | Role::BorderFocus | Role::Key | Role::Prompt => s.add_modifier(BOLD),
        Role::Selected | Role::MentionSelected => s.add_modifier(Modifier::REVERSED),
        Role::SelectedIdle => s.add_modifier(Modifier::UNDERLINED),
        Role::Match | Role::Differs => s.add_modifier(BOLD | Modifier::UNDERLINED),
    }
}

/// Only the eight normal ANSI colours plus modifiers: Solarized and similar palettes
/// map the bright ones (and "dark grey") to background tones.
fn ansi16(role: Role) -> Style {
    let s = Style::default();
    match role {
        Role::Text => s,
        Role::Dim | Role::Border => s.add_modifier(Modifier::DIM),
        Role::Heading => s.add_modifier(BOLD),
        Role::Meta => s.fg(Color::Cyan),
        Role::Caption => s.add_modifier(Modifier::ITALIC | Modifier::DIM),
        Role::Selected => s.add_modifier(Modifier::REVERSED | BOLD),
        Role::SelectedIdle => s.add_modifier(Modifier::REVERSED),
        Role::BorderFocus => s.fg(Color::Blue).add_modifier(BOLD),
        Role::Match => s
            .fg(Color::Yellow)
            .add_modifier(BOLD | Modifier::UNDERLINED),
        Role::MentionSelected => s.bg(Color::Yellow).fg(Color::Black),
        Role::Differs => s.fg(Color::Red).add_modifier(BOLD),
        Role::Key => s.fg(Color::Cyan).add_modifier(BOLD),
        Role::Prompt => s.fg(Color::Yellow).add_modifier(BOLD),
    }
}

/// For light backgrounds in 16 colours: no yellow text (it vanishes on white).
fn light16(role: Role) -> Style {
    let s = Style::default();
    match role {
        Role::Meta => s.fg(Color::Blue),
        Role::Match => s.fg(Color::Red).add_modifier(BOLD | Modifier::UNDERLINED),
        Role::Key => s.fg(Color::Blue).add_modifier(BOLD),
        Role::Prompt => s.fg(Color::Magenta).add_modifier(BOLD),
        other => ansi16(other),
    }
}

fn dark(role: Role) -> Style {
    let s = Style::default();
    let grey = Color::Indexed(245);
    match role {
        Role::Text | Role::Heading => ansi16(role),
        Role::Dim | Role::Border => s.fg(grey),
        Role::Meta => s.fg(Color::Indexed(250)),
        Role::Caption => s.fg(Color::Indexed(250)).add_modifier(Modifier::ITALIC),
        Role::Selected => s
            .bg(Color::Indexed(25))
            .fg(Color::Indexed(231))
            .add_modifier(BOLD),
        Role::SelectedIdle => s.bg(Color::Indexed(238)).fg(Color::Indexed(231)),
        Role::BorderFocus => s.fg(Color::Indexed(75)).add_modifier(BOLD),
        Role::Match => s
            .fg(Color::Indexed(221))
            .add_modifier(BOLD | Modifier::UNDERLINED),
        Role::MentionSelected => s.bg(Color::Indexed(221)).fg(Color::Indexed(16)),
        Role::Differs => s.fg(Color::Indexed(210)).add_modifier(BOLD),
        Role::Key => s.fg(Color::Indexed(117)).add_modifier(BOLD),
        Role::Prompt => s.fg(Color::Indexed(221)).add_modifier(BOLD),
    }
}

fn light(role: Role) -> Style {
    let s = Style::default();
    let grey = Color::Indexed(242);
    match role {
        Role::Text | Role::Heading => ansi16(role),
        Role::Dim | Role::Border => s.fg(grey),
        Role::Meta => s.fg(Color::Indexed(24)),
        Role::Caption => s.fg(Color::Indexed(240)).add_modifier(Modifier::ITALIC),
        Role::Selected => s
            .bg(Color::Indexed(153))
            .fg(Color::Indexed(16))
            .add_modifier(BOLD),
        Role::SelectedIdle => s.bg(Color::Indexed(252)).fg(Color::Indexed(16)),
        Role::BorderFocus | Role::Key => s.fg(Color::Indexed(25)).add_modifier(BOLD),
        Role::Match => s
            .fg(Color::Indexed(160))
            .add_modifier(BOLD | Modifier::UNDERLINED),
        Role::MentionSelected => s.bg(Color::Indexed(229)).fg(Color::Indexed(16)),
        Role::Differs => s.fg(Color::Indexed(160)).add_modifier(BOLD),
        Role::Prompt => s.fg(Color::Indexed(90)).add_modifier(BOLD),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes() -> Vec<Theme> {
        let mut out = vec![Theme::mono()];
        for palette in Palette::ALL {
            for rich in [false, true] {
                out.push(Theme {
                    palette,
                    rich,
                    mono: false,
                });
            }
        }
        out
    }

    #[test]
    fn mono_uses_no_colours() {
        let t = Theme::mono();
        for role in ROLES {
            let s = t.style(role);
            assert_eq!((s.fg, s.bg), (None, None), "{role:?}");
        }
        assert_eq!(t.entity(EntityKind::Person).fg, None);
        assert_eq!(t.style(Role::Selected).add_modifier, Modifier::REVERSED);
    }

    #[test]
    fn without_256_colours_only_the_ansi_ones_are_used() {
        for theme in themes().into_iter().filter(|t| !t.rich) {
            for role in ROLES {
                let s = theme.style(role);
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Indexed(_) | Color::Rgb(..)),
                        "{theme:?} {role:?} uses {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn text_readable_on_any_background_never_uses_fixed_white_black_or_bright() {
        // Headings and dim text sit on the terminal's own background, whatever it is;
        // Solarized maps the bright colours (and dark grey) to background tones.
        let risky = |c: Color| {
            matches!(
                c,
                Color::White
                    | Color::Black
                    | Color::Gray
                    | Color::DarkGray
                    | Color::LightRed
                    | Color::LightGreen
                    | Color::LightYellow
                    | Color::LightBlue
                    | Color::LightMagenta
                    | Color::LightCyan
            )
        };
        for theme in themes() {
            for role in ROLES {
                let s = theme.style(role);
                if s.bg.is_none() {
                    assert!(!s.fg.is_some_and(risky), "{theme:?} {role:?}: {:?}", s.fg);
                }
            }
            for kind in EntityKind::ALL {
                assert!(
                    !theme.entity(kind).fg.is_some_and(risky),
                    "{theme:?} {kind:?}"
                );
            }
        }
    }

    #[test]
    fn colour_depth_comes_from_the_environment() {
        assert!(rich_colours(Some("truecolor"), Some("xterm")));
        assert!(rich_colours(None, Some("xterm-256color")));
        assert!(!rich_colours(None, Some("xterm")));
        assert!(!rich_colours(None, None));
        assert_eq!(Palette::parse("light"), Some(Palette::Light));
        assert_eq!(Palette::parse("neon"), None);
    }
}
