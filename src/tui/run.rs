//! The event loop. One channel wakes it: bytes from the terminal (read on their own
//! thread), signals, and background work that finished ([`Waker`]). It draws, sleeps
//! until a message arrives, handles every message queued, and draws again, so only the
//! newest state is drawn and nothing polls.

use super::app::{App, Setup};
use super::config;
use super::input::{Decoder, ESC_TIMEOUT};
use super::options::Options;
use super::signals::{self, Signal};
use super::terminal;
use super::theme::Theme;
use super::work::Waker;
use crate::model::Corpus;
use crate::model::text::sanitize;
use crossterm::event::Event;
use std::io::Read;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};

/// A message for the event loop.
#[derive(Debug)]
enum Message {
    /// Bytes typed (or sent) by the terminal.
    Bytes(Vec<u8>),
    /// The terminal's input ended (hung up).
    Closed,
    /// A signal arrived.
    Signal(Signal),
    /// Background work finished.
    Wake,
}

/// Opens the terminal interface on a corpus and runs it until the user quits.
pub fn run(corpus: Corpus, options: &Options) -> anyhow::Result<()> {
    let tty = terminal::input()?;
    let config = config::load(options.config.as_deref());
    for p in &config.problems {
        eprintln!("dossier: warning: config: {}", sanitize(p));
    }
    let (tx, rx) = channel::<Message>();
    let wake_tx = tx.clone();
    let waker = Waker::new(move || {
        let _ = wake_tx.send(Message::Wake);
    });
    let problems = config.problems.len();
    let mut app = App::new(
        corpus,
        Setup {
            theme: Theme::from_env(config.palette),
            keymap: config.keymap,
            mouse: options.mouse,
            waker: Some(waker),
        },
    );
    if problems > 0 {
        app.shared.status = Some(format!(
            "config: {problems} problem(s), default keys kept for them; listed on stderr"
        ));
    }
    let sig_tx = tx.clone();
    let taken = signals::spawn(move |s| {
        let _ = sig_tx.send(Message::Signal(s));
    })?;
    let mut guard = terminal::setup(app.mouse)?;
    read_input(tty, tx);
    let size = guard.terminal.size()?;
    app.resize(size.width, size.height);
    let mut decoder = Decoder::default();
    let mut fatal = None;
    while !app.quit && fatal.is_none() {
        guard.terminal.draw(|f| app.draw(f))?;
        let mut events = Vec::new();
        for message in wait(&rx, &decoder) {
            match message {
                Message::Bytes(b) => decoder.feed(&b, &mut events),
                Message::Closed => app.quit = true,
                Message::Wake => {}
                Message::Signal(Signal::Fatal(n)) => {
                    taken.set();
                    fatal = Some(n);
                }
                Message::Signal(Signal::Stop) => app.suspend = true,
                Message::Signal(Signal::Continued) => guard.resume()?,
                Message::Signal(Signal::Resized) => {
                    let size = guard.terminal.size()?;
                    events.push(Event::Resize(size.width, size.height));
                }
            }
        }
        if rx_timed_out(&decoder, &events) {
            decoder.flush(&mut events);
        }
        for ev in events {
            app.handle_event(ev);
            if app.quit {
                break;
            }
        }
        app.poll();
        guard.set_mouse(app.mouse)?;
        if std::mem::take(&mut app.suspend) {
            guard.suspend()?;
            let size = guard.terminal.size()?;
            app.resize(size.width, size.height);
        }
    }
    drop(guard);
    if let Some(n) = fatal {
        signals::die(n);
    }
    Ok(())
}

/// True when the wait ended with nothing new while a sequence was unfinished.
fn rx_timed_out(decoder: &Decoder, events: &[Event]) -> bool {
    decoder.pending() && events.is_empty()
}

/// Waits for the next message (with an unfinished escape sequence pending, at most
/// [`ESC_TIMEOUT`]), then takes every message already queued.
fn wait(rx: &Receiver<Message>, decoder: &Decoder) -> Vec<Message> {
    let first = if decoder.pending() {
        match rx.recv_timeout(ESC_TIMEOUT) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => return Vec::new(),
            Err(RecvTimeoutError::Disconnected) => Message::Closed,
        }
    } else {
        rx.recv().unwrap_or(Message::Closed)
    };
    let mut all = vec![first];
    all.extend(rx.try_iter());
    all
}

/// Reads the terminal on its own thread, sending what arrives.
fn read_input(mut tty: Box<dyn Read + Send>, tx: Sender<Message>) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match tty.read(&mut buf) {
                Ok(0) | Err(_) => {
                    let _ = tx.send(Message::Closed);
                    return;
                }
                Ok(n) => {
                    if tx.send(Message::Bytes(buf[..n].to_vec())).is_err() {
                        return;
                    }
                }
            }
        }
    });
}
