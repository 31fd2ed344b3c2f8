//! Terminal input bytes → key and mouse events, without ever waiting for bytes that may
//! not come.
//!
//! crossterm's own parser keeps an unfinished escape sequence until more bytes complete
//! it: after `ESC [ ?`, `ESC [ <` or `ESC [ M` arrive on their own (pasted text, a
//! broken terminal report), every later key, `q` included, is appended to that
//! sequence and lost. Upstream: crossterm-rs/crossterm#1104 ("Unrecognised CSI ? …
//! reports wedge the parser and swallow all later input"; fix proposed in #1106, not
//! released) and #993 (parsing depends on how `read` splits the bytes). No released
//! crossterm fixes it, so dossier reads the terminal itself and parses here: a control
//! byte always ends a sequence, a sequence longer than any real one is dropped, and the
//! event loop calls [`Decoder::flush`] when no byte followed for [`ESC_TIMEOUT`]: a
//! lone ESC is then the Esc key and any other unfinished sequence is dropped.

mod csi;
mod keys;
mod parsed;

use crossterm::event::{Event, KeyCode, KeyModifiers};
use csi::{parse_csi, ss3};
use keys::{ESC, control, key};
use parsed::Parsed;
use std::time::Duration;

/// How long an unfinished escape sequence waits for the rest of its bytes.
pub const ESC_TIMEOUT: Duration = Duration::from_millis(40);

/// The byte stream's parser; keeps an unfinished sequence between reads.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

impl Decoder {
    /// Parses `bytes` (after what was pending) into events.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while at < self.pending.len() {
            match parse(&self.pending[at..]) {
                Parsed::Event(ev, n) => {
                    out.push(ev);
                    at += n;
                }
                Parsed::Skip(n) => at += n.max(1),
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }

    /// True when an unfinished sequence waits for more bytes.
    pub fn pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// No more bytes came: a lone ESC is the Esc key; anything else unfinished is
    /// dropped (it is not a key anyone typed).
    pub fn flush(&mut self, out: &mut Vec<Event>) {
        if self.pending == [ESC] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        } else if self.pending.first() == Some(&ESC) && self.pending.get(1) == Some(&ESC) {
            // ESC ESC …: the first was the Esc key; the rest starts over.
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
            let rest = self.pending.split_off(1);
            self.pending.clear();
            self.feed(&rest, out);
            if self.pending() {
                self.flush(out);
            }
            return;
        }
        self.pending.clear();
    }
}

fn parse(b: &[u8]) -> Parsed {
    match b[0] {
        ESC => parse_escape(b),
        c if c < 0x20 || c == 0x7f => Parsed::Event(control(c, KeyModifiers::NONE), 1),
        _ => match utf8_char(b) {
            Some(Ok((c, n))) => Parsed::Event(key(KeyCode::Char(c), shift_of(c)), n),
            Some(Err(n)) => Parsed::Skip(n),
            None => Parsed::Incomplete,
        },
    }
}

fn shift_of(c: char) -> KeyModifiers {
    if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    }
}

/// The UTF-8 char at the start: `Ok((char, len))`, `Err(len)` for invalid bytes,
/// `None` when it needs more bytes.
fn utf8_char(b: &[u8]) -> Option<Result<(char, usize), usize>> {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    if b.len() < len {
        // Fail early when a continuation byte is already wrong.
        if b[1..].iter().any(|&x| x & 0xc0 != 0x80) {
            return Some(Err(1));
        }
        return None;
    }
    match std::str::from_utf8(&b[..len]) {
        Ok(s) => s.chars().next().map(|c| Ok((c, len))),
        Err(_) => Some(Err(1)),
    }
}

fn parse_escape(b: &[u8]) -> Parsed {
    let Some(&second) = b.get(1) else {
        return Parsed::Incomplete;
    };
    match second {
        b'[' => parse_csi(b),
        b'O' => match b.get(2) {
            None => Parsed::Incomplete,
            Some(&c) => match ss3(c) {
                Some(code) => Parsed::Event(key(code, KeyModifiers::NONE), 3),
                None => Parsed::Skip(2),
            },
        },
        // The first ESC was the Esc key; the second starts something new.
        ESC => Parsed::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        c if c < 0x20 || c == 0x7f => Parsed::Event(control(c, KeyModifiers::ALT), 2),
        _ => match utf8_char(&b[1..]) {
            Some(Ok((c, n))) => Parsed::Event(
                key(KeyCode::Char(c), KeyModifiers::ALT | shift_of(c)),
                1 + n,
            ),
            Some(Err(_)) => Parsed::Skip(2),
            None => Parsed::Incomplete,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

    fn events(chunks: &[&[u8]]) -> (Vec<Event>, bool) {
        let mut d = Decoder::default();
        let mut out = Vec::new();
        for c in chunks {
            d.feed(c, &mut out);
        }
        (out, d.pending())
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    #[test]
    fn keys_and_sequences() {
        let (out, pending) = events(&[b"jq\r\t\x7f\x03\x1a\x1b[A\x1b[6~\x1b[Z\x1bOH\x1b[1;5C"]);
        assert!(!pending);
        assert_eq!(
            out,
            [
                k(KeyCode::Char('j')),
                k(KeyCode::Char('q')),
                k(KeyCode::Enter),
                k(KeyCode::Tab),
                k(KeyCode::Backspace),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Char('z'), KeyModifiers::CONTROL),
                k(KeyCode::Up),
                k(KeyCode::PageDown),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                k(KeyCode::Home),
                key(KeyCode::Right, KeyModifiers::CONTROL),
            ]
        );
        let (out, _) = events(&["Gế".as_bytes(), b"\x1bx"]);
        assert_eq!(
            out,
            [
                key(KeyCode::Char('G'), KeyModifiers::SHIFT),
                k(KeyCode::Char('ế')),
                key(KeyCode::Char('x'), KeyModifiers::ALT),
            ]
        );
    }

    #[test]
    fn sequences_split_across_reads_still_parse() {
        let (out, pending) = events(&[
            b"\x1b",
            b"[",
            b"B",
            "ế".as_bytes().split_at(1).0,
            "ế".as_bytes().split_at(1).1,
        ]);
        assert!(!pending);
        assert_eq!(out, [k(KeyCode::Down), k(KeyCode::Char('ế'))]);
    }

    #[test]
    fn mouse_reports() {
        let (out, _) = events(&[b"\x1b[<0;11;4M\x1b[<65;2;3M\x1b[M !!"]);
        let at = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            out,
            [
                at(MouseEventKind::Down(MouseButton::Left), 10, 3),
                at(MouseEventKind::ScrollDown, 1, 2),
                at(MouseEventKind::Down(MouseButton::Left), 0, 0),
            ]
        );
    }

    #[test]
    fn modifiers_of_keys_and_mouse_reports() {
        // Keys: parameter 1 + shift 1 + alt 2 + ctrl 4; mouse: shift 4, alt 8, ctrl 16.
        let (out, _) = events(&[b"\x1b[1;2A\x1b[1;7B\x1b[<20;1;1M\x1b[<8;1;1M"]);
        let mods: Vec<KeyModifiers> = out
            .iter()
            .map(|e| match e {
                Event::Key(k) => k.modifiers,
                Event::Mouse(m) => m.modifiers,
                _ => KeyModifiers::NONE,
            })
            .collect();
        assert_eq!(
            mods,
            [
                KeyModifiers::SHIFT,
                KeyModifiers::ALT | KeyModifiers::CONTROL,
                KeyModifiers::SHIFT | KeyModifiers::CONTROL,
                KeyModifiers::ALT,
            ]
        );
    }

    #[test]
    fn unfinished_sequences_never_swallow_later_keys() {
        for partial in [
            &b"\x1b[?"[..],
            b"\x1b[<",
            b"\x1b[M",
            b"\x1b[",
            b"\x1b[1;",
            b"\xe1\xbb",
        ] {
            let mut d = Decoder::default();
            let mut out = Vec::new();
            d.feed(partial, &mut out);
            assert!(out.is_empty() && d.pending(), "{partial:?}");
            // No more bytes for a while: the loop flushes.
            d.flush(&mut out);
            assert!(!d.pending());
            assert!(out.iter().all(|e| *e != k(KeyCode::Char('q'))));
            d.feed(b"q", &mut out);
            assert_eq!(out.last(), Some(&k(KeyCode::Char('q'))), "{partial:?}");
        }
        // A control byte ends a sequence at once: Ctrl-c always gets through.
        let (out, pending) = events(&[b"\x1b[?1;2\x03"]);
        assert_eq!(out, [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
        assert!(!pending);
        // So does a new ESC.
        let (out, _) = events(&[b"\x1b[<12\x1b[A"]);
        assert_eq!(out, [k(KeyCode::Up)]);
        // Junk longer than any sequence is dropped without waiting.
        let mut junk = b"\x1b[".to_vec();
        junk.extend(std::iter::repeat_n(b'1', 100));
        let (_, pending) = events(&[&junk]);
        assert!(!pending);
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_once_flushed() {
        let mut d = Decoder::default();
        let mut out = Vec::new();
        d.feed(b"\x1b", &mut out);
        assert!(out.is_empty());
        d.flush(&mut out);
        assert_eq!(out, [k(KeyCode::Esc)]);
        let (out, _) = events(&[b"\x1b\x1b[A"]);
        assert_eq!(out, [k(KeyCode::Esc), k(KeyCode::Up)]);
    }

    #[test]
    fn device_reports_are_ignored() {
        let (out, pending) = events(&[b"\x1b[?62;22c\x1b[?2026;2$yj"]);
        assert_eq!(out, [k(KeyCode::Char('j'))]);
        assert!(!pending);
    }
}
