//! Key events from key codes and from control bytes (Enter, Tab, Backspace, Esc,
//! Ctrl-letter), as plain bytes and escape sequences both decode them.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The escape byte, which starts every escape sequence.
pub(super) const ESC: u8 = 0x1b;

/// The key event of `code` with `mods`.
pub(super) fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

/// A control byte as a key (Enter, Tab, Backspace, Ctrl-letter).
pub(super) fn control(c: u8, mods: KeyModifiers) -> Event {
    match c {
        b'\r' | b'\n' => key(KeyCode::Enter, mods),
        b'\t' => key(KeyCode::Tab, mods),
        0x7f | 0x08 => key(KeyCode::Backspace, mods),
        ESC => key(KeyCode::Esc, mods),
        0 => key(KeyCode::Char(' '), mods | KeyModifiers::CONTROL),
        1..=0x1a => key(
            KeyCode::Char(char::from(c - 1 + b'a')),
            mods | KeyModifiers::CONTROL,
        ),
        _ => key(
            KeyCode::Char(char::from(c - 0x1c + b'4')),
            mods | KeyModifiers::CONTROL,
        ),
    }
}
