//! Keys as keymap files write them (`j`, `G`, `<C-d>`, `<PageDown>`, `<S-Tab>`) and as
//! the help shows them (`j`, `G`, `Ctrl-d`, `PgDn`, `Shift-Tab`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key: code plus modifiers. Shift is carried by the case of a char, and BackTab
/// always has it, so `N` and Shift-n are one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl, Alt and (for non-chars) Shift.
    pub mods: KeyModifiers,
}

impl Key {
    /// A key from a terminal event, normalised as described on [`Key`].
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::SHIFT | KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char(c) if c.is_uppercase() => mods |= KeyModifiers::SHIFT,
            KeyCode::Char(_) => mods -= KeyModifiers::SHIFT,
            KeyCode::BackTab => mods |= KeyModifiers::SHIFT,
            _ => {}
        }
        Key {
            code: ev.code,
            mods,
        }
    }

    /// Parses the keymap notation: one character, or `<…>` with optional `C-`, `A-`,
    /// `S-` prefixes and a name (`Enter`, `Esc`, `Tab`, `Backspace`, `Space`, `Up`,
    /// `Down`, `Left`, `Right`, `Home`, `End`, `PageUp`, `PageDown`, `Delete`, `Insert`,
    /// `F1`…`F12`) or a character.
    pub fn parse(spec: &str) -> Option<Key> {
        let mut chars = spec.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then(|| Key::from_event(&KeyEvent::from(KeyCode::Char(c))));
        }
        let mut inner = spec.strip_prefix('<')?.strip_suffix('>')?;
        let mut mods = KeyModifiers::NONE;
        while let Some((m, rest)) = inner
            .split_once('-')
            .filter(|(m, r)| m.len() == 1 && !r.is_empty())
        {
            mods |= match m {
                "C" => KeyModifiers::CONTROL,
                "A" => KeyModifiers::ALT,
                "S" => KeyModifiers::SHIFT,
                _ => return None,
            };
            inner = rest;
        }
        let code = match inner {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Space" => KeyCode::Char(' '),
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Delete" => KeyCode::Delete,
            "Insert" => KeyCode::Insert,
            other => match other.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                Some(n @ 1..=12) => KeyCode::F(n),
                _ => {
                    let mut cs = other.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                        _ => return None,
                    }
                }
            },
        };
        Some(Key::from_event(&KeyEvent::new(code, mods)))
    }

    /// The keymap notation of this key (what [`Key::parse`] reads back).
    pub fn spec(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c)
                if self
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                c.to_string()
            }
            KeyCode::Char(c) => return c.to_string(),
            KeyCode::BackTab => return "<S-Tab>".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::PageUp => "PageUp".to_owned(),
            KeyCode::PageDown => "PageDown".to_owned(),
            other => format!("{other:?}"),
        };
        let mut out = String::from("<");
        for (m, p) in [
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            let shift_in_char = m == KeyModifiers::SHIFT && matches!(self.code, KeyCode::Char(_));
            if self.mods.contains(m) && !shift_in_char {
                out.push_str(p);
            }
        }
        out.push_str(&base);
        out.push('>');
        out
    }

    /// The name the help and hint line show ("↓", "Ctrl-d", "PgDn", "N").
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out.push_str(&base);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_notation() {
        for spec in [
            "j",
            "G",
            "?",
            "/",
            "[",
            "<C-d>",
            "<PageDown>",
            "<S-Tab>",
            "<Esc>",
            "<Space>",
            "<A-x>",
            "<F5>",
            "<C-z>",
        ] {
            let key = Key::parse(spec).unwrap_or_else(|| panic!("{spec}"));
            assert_eq!(key.spec(), spec);
            assert_eq!(Key::parse(&key.spec()), Some(key));
        }
        assert_eq!(
            Key::parse("<C-d>").map(|k| k.label()),
            Some("Ctrl-d".into())
        );
        assert_eq!(Key::parse("<Down>").map(|k| k.label()), Some("↓".into()));
        for bad in ["", "jj", "<Foo>", "<X-a>", "<C->", "<>", "\u{7}"] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn shift_is_carried_by_case() {
        let shifted = Key::from_event(&KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT));
        let plain = Key::from_event(&KeyEvent::new(KeyCode::Char('N'), KeyModifiers::NONE));
        assert_eq!(shifted, plain);
        assert_eq!(Key::parse("N"), Some(plain));
        let n = Key::from_event(&KeyEvent::new(KeyCode::Char('n'), KeyModifiers::SHIFT));
        assert_eq!(Key::parse("n"), Some(n));
    }
}
