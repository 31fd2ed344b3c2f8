//! Escape sequences after `ESC [` (CSI) and `ESC O` (SS3): cursor and function keys,
//! the kitty keyboard protocol's `CSI … u`, and mouse reports (X10 and SGR). Device
//! reports and anything unknown are skipped whole.

use super::keys::{control, key};
use super::parsed::{MAX_SEQUENCE, Parsed};
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// The key of `ESC O c`, if it is one.
pub(super) fn ss3(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return None,
    })
}

/// The sequence at the start of `b`, which begins `ESC [`.
pub(super) fn parse_csi(b: &[u8]) -> Parsed {
    if b.get(2) == Some(&b'M') {
        // X10 mouse: three raw bytes follow (any value).
        return match b.get(3..6) {
            Some(&[cb, cx, cy]) => Parsed::Event(
                mouse(
                    u16::from(cb.saturating_sub(32)),
                    u16::from(cx.saturating_sub(33)),
                    u16::from(cy.saturating_sub(33)),
                    true,
                ),
                6,
            ),
            _ => Parsed::Incomplete,
        };
    }
    for (i, &c) in b.iter().enumerate().skip(2) {
        match c {
            0x20..=0x3f => {}
            0x40..=0x7e => {
                return csi_event(&b[2..i], c)
                    .map_or(Parsed::Skip(i + 1), |ev| Parsed::Event(ev, i + 1));
            }
            // A control byte (ESC included) or a non-ASCII byte ends the sequence
            // unfinished: drop it and read that byte afresh.
            _ => return Parsed::Skip(i),
        }
    }
    if b.len() > MAX_SEQUENCE {
        Parsed::Skip(b.len())
    } else {
        Parsed::Incomplete
    }
}

/// The `;`-separated numbers of a parameter string (a `:` sub-parameter ignored, junk 0).
fn numbers(params: &[u8]) -> Vec<u16> {
    params
        .split(|&c| c == b';')
        .map(|p| {
            std::str::from_utf8(p)
                .ok()
                .and_then(|s| s.split(':').next())
                .and_then(|s| s.parse().ok())
                .unwrap_or(0)
        })
        .collect()
}

/// Modifiers of an xterm parameter (1 + shift·1 + alt·2 + ctrl·4).
fn modifiers(p: Option<&u16>) -> KeyModifiers {
    modifier_bits(p.map_or(0, |p| p.saturating_sub(1)), 1)
}

/// Shift, Alt and Ctrl from three bits of `bits`, Shift's being `shift` (Alt's and
/// Ctrl's the next two up): keys put them at 1, mouse reports at 4.
fn modifier_bits(bits: u16, shift: u16) -> KeyModifiers {
    let mut m = KeyModifiers::NONE;
    for (bit, flag) in [
        (shift, KeyModifiers::SHIFT),
        (shift << 1, KeyModifiers::ALT),
        (shift << 2, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            m |= flag;
        }
    }
    m
}

/// The event of a complete CSI sequence: its parameter bytes and final byte.
fn csi_event(params: &[u8], fin: u8) -> Option<Event> {
    if let Some(rest) = params.strip_prefix(b"<") {
        let n = numbers(rest);
        let (&cb, &x, &y) = (n.first()?, n.get(1)?, n.get(2)?);
        return Some(mouse(
            cb,
            x.saturating_sub(1),
            y.saturating_sub(1),
            fin == b'M',
        ));
    }
    if params.first().is_some_and(|c| (0x3c..=0x3f).contains(c)) {
        // Device reports (`ESC [ ? … c`, `ESC [ > … c`): nothing a user typed.
        return None;
    }
    if params.iter().any(|c| (0x20..=0x2f).contains(c)) {
        return None;
    }
    let n = numbers(params);
    let code = match fin {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'P'..=b'S' => KeyCode::F(fin - b'P' + 1),
        b'~' => match n.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            f @ 11..=15 => KeyCode::F(u8::try_from(f - 10).ok()?),
            f @ 17..=21 => KeyCode::F(u8::try_from(f - 11).ok()?),
            f @ 23..=24 => KeyCode::F(u8::try_from(f - 12).ok()?),
            _ => return None,
        },
        b'u' => {
            let c = char::from_u32(u32::from(*n.first()?))?;
            return Some(match u8::try_from(c).ok() {
                Some(b) if b < 0x20 || b == 0x7f => control(b, modifiers(n.get(1))),
                _ => key(KeyCode::Char(c), modifiers(n.get(1))),
            });
        }
        _ => return None,
    };
    Some(key(code, modifiers(n.get(1))))
}

/// A mouse report: button code (xterm encoding), 0-based column and row.
fn mouse(cb: u16, column: u16, row: u16, press: bool) -> Event {
    let button = match cb & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 64 != 0 {
        match cb & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 0b11 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if !press || cb & 0b11 == 3 {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    let modifiers = modifier_bits(cb, 4);
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    })
}
