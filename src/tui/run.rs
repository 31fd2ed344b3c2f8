//! The event loop. One channel wakes it: bytes from the terminal (read on their own
//! thread), signals, and background work that finished ([`Waker`]). It draws, sleeps
//! until a message arrives, handles every message queued, and draws again, so only the
//! newest state is drawn and nothing polls.

use super::app::{App, Setup};
use super::arrived::Arrived;
use super::config;
use super::feed::{Feed, Loads};
use super::input::{Decoder, ESC_TIMEOUT};
use super::keys::Keys;
use super::options::Options;
use super::outside::Outside;
use super::signals::{self, Signal};
use super::terminal;
use super::theme::Theme;
use super::views::main::documents::Lookup;
use super::work::Waker;
use super::workspace::StateSetup;
use crate::model::Corpus;
use crate::model::osc52::{MAX_COPY_BYTES, clipboard_text, osc52};
use crate::model::text::sanitize;
use crate::store::{CorpusKey, editor, files};
use crossterm::event::Event;
use std::io::Write;
use std::path::PathBuf;
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
    /// The corpus loading, or changes to its folder.
    Feed(Feed),
}

/// Opens the terminal interface, loads the corpus the options name (the first screen
/// shows as soon as its first documents are ready) and runs until the user quits.
pub fn run(options: &Options) -> anyhow::Result<()> {
    let (tty, fd) = terminal::input()?;
    let config = config::load(options.config.as_deref());
    let no_osc52 = config.no_osc52;
    let (tx, rx) = channel::<Message>();
    let mut app = new_app(options, config, &tx);
    let sig_tx = tx.clone();
    let taken = signals::spawn(move |s| {
        let _ = sig_tx.send(Message::Signal(s));
    })?;
    let guard = terminal::setup(app.mouse)?;
    let keys = {
        let tx = tx.clone();
        Keys::spawn(tty, fd, move |bytes| {
            let msg = bytes.map_or(Message::Closed, Message::Bytes);
            tx.send(msg).is_ok()
        })
    };
    let size = guard.terminal.size()?;
    app.resize(size.width, size.height);
    let feed_tx = tx.clone();
    let loads = Loads::new(
        options.corpus.clone(),
        (options.overrides.clone(), options.cache.clone()),
        Lookup::of,
        move |f| feed_tx.send(Message::Feed(f)).is_ok(),
    );
    let mut session = Session {
        decoder: Decoder::default(),
        arrived: Arrived::default(),
        loads,
        keys,
        guard,
        taken,
        fatal: None,
        no_osc52,
    };
    session.loads.start()?;
    if options.watch {
        session.loads.watch();
    }
    while !app.quit && session.fatal.is_none() {
        session.guard.terminal.draw(|f| app.draw(f))?;
        let mut events = Vec::new();
        for message in wait(&rx, &session.decoder) {
            session.receive(&mut app, message, &mut events)?;
        }
        if rx_timed_out(&session.decoder, &events) {
            session.decoder.flush(&mut events);
        }
        for ev in events {
            app.handle_event(ev);
            if app.quit {
                break;
            }
        }
        session.after_events(&mut app, options)?;
    }
    if session.arrived.complete {
        app.save_position();
    }
    drop(session.guard);
    for line in &session.arrived.notes {
        eprintln!("dossier: {}", sanitize(line));
    }
    if let Some(n) = session.fatal {
        signals::die(n);
    }
    // The state file is closed properly; the rest of the model is left to the exit,
    // since freeing a large corpus piece by piece keeps the shell waiting for a second.
    app.shared.workspace.close();
    std::mem::forget(app);
    Ok(())
}

/// The interface before any document arrived: the config's keys and palette, the state
/// file, and a waker that sends [`Message::Wake`]. Config problems go to stderr (seen
/// after quitting) and, counted, to the status line.
fn new_app(options: &Options, config: config::Config, tx: &Sender<Message>) -> App {
    for p in &config.problems {
        eprintln!("dossier: warning: config: {}", sanitize(p));
    }
    let wake_tx = tx.clone();
    let waker = Waker::new(move || {
        let _ = wake_tx.send(Message::Wake);
    });
    let problems = config.problems.len();
    let state = open_state(options);
    let empty = Corpus::new(Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut app = App::new(
        empty,
        Setup {
            loading: true,
            theme: Theme::from_env(config.palette),
            keymap: config.keymap,
            mouse: options.mouse,
            waker: Some(waker),
            state,
        },
    );
    if problems > 0 {
        app.shared.status = Some(format!(
            "config: {problems} problem(s), default keys kept for them; listed on stderr"
        ));
    }
    app
}

/// What the event loop holds besides the interface. Fields drop in this order.
struct Session {
    /// Turns the terminal's bytes into events.
    decoder: Decoder,
    /// What has arrived of the corpus.
    arrived: Arrived,
    /// The corpus loads (and the folder watch).
    loads: Loads,
    /// The thread reading the terminal.
    keys: Keys,
    /// The terminal, restored when dropped.
    guard: terminal::Guard,
    /// Set when a fatal signal is being handled.
    taken: signals::Taken,
    /// The fatal signal that ends the loop, to die of once the terminal is restored.
    fatal: Option<i32>,
    /// `osc52 = false` in the config.
    no_osc52: bool,
}

impl Session {
    /// Takes one message: bytes become events, the rest is acted on.
    fn receive(
        &mut self,
        app: &mut App,
        message: Message,
        events: &mut Vec<Event>,
    ) -> anyhow::Result<()> {
        match message {
            Message::Bytes(b) => self.decoder.feed(&b, events),
            Message::Closed => app.quit = true,
            Message::Wake => {}
            Message::Feed(f) => self.arrived.take(app, &mut self.loads, f)?,
            Message::Signal(Signal::Fatal(n)) => {
                self.taken.set();
                self.fatal = Some(n);
            }
            Message::Signal(Signal::Stop) => app.suspend = true,
            Message::Signal(Signal::Continued) => self.guard.resume()?,
            Message::Signal(Signal::Resized) => {
                let size = self.guard.terminal.size()?;
                events.push(Event::Resize(size.width, size.height));
            }
        }
        Ok(())
    }

    /// After the events: background results, what the interface asked of the world
    /// outside, the mouse setting and a suspend.
    fn after_events(&mut self, app: &mut App, options: &Options) -> anyhow::Result<()> {
        app.poll();
        if let Some(o) = app.outside.take() {
            if o == Outside::Reload {
                self.loads.start()?;
            } else {
                outside(app, &mut self.guard, o, &self.keys, options, self.no_osc52)?;
            }
        }
        self.guard.set_mouse(app.mouse)?;
        if std::mem::take(&mut app.suspend) {
            self.guard.suspend()?;
            let size = self.guard.terminal.size()?;
            app.resize(size.width, size.height);
        }
        Ok(())
    }
}

/// Does what the interface asked of the world outside it, and says how it went.
fn outside(
    app: &mut App,
    guard: &mut terminal::Guard,
    what: Outside,
    keys: &Keys,
    options: &Options,
    no_osc52: bool,
) -> anyhow::Result<()> {
    match what {
        Outside::Copy { what, text } => {
            app.shared.status = Some(if no_osc52 {
                "copying is off (osc52 = false in the config)".into()
            } else {
                match osc52(&text) {
                    Some(seq) => {
                        let out = guard.terminal.backend_mut();
                        out.write_all(seq.as_bytes())?;
                        out.flush()?;
                        let n = clipboard_text(&text).chars().count();
                        format!("copied {what} ({n} characters)")
                    }
                    None => format!("{what} is too long to copy (over {MAX_COPY_BYTES} bytes)"),
                }
            });
        }
        Outside::Write { name, text } => {
            let dir = options.out.clone().unwrap_or_else(|| PathBuf::from("."));
            app.shared.status = Some(
                match files::write_markdown(&dir, options.corpus.as_deref(), &name, &text) {
                    Ok(path) => format!("wrote {}", sanitize(&path.display().to_string())),
                    Err(e) => format!(
                        "cannot write Markdown in {}: {e}",
                        sanitize(&dir.display().to_string())
                    ),
                },
            );
        }
        Outside::Note { doc, text } => {
            // The editor reads the terminal: nothing of what is typed there may reach us.
            keys.pause(true);
            terminal::restore();
            let result = editor::edit(&text);
            guard.resume()?;
            keys.pause(false);
            app.note_edited(doc, result);
        }
        Outside::Reload => {}
    }
    Ok(())
}

/// Opens the state file the options name; a file that cannot be used is reported on
/// stderr (seen after quitting) and in the interface, which runs without it.
fn open_state(options: &Options) -> StateSetup {
    let Some(path) = &options.state else {
        return StateSetup::Off;
    };
    let key = options
        .corpus
        .as_deref()
        .map_or_else(CorpusKey::seeds, CorpusKey::folder);
    match files::open_state(path, options.corpus.as_deref()) {
        Ok(store) => StateSetup::Open(store, key),
        Err(e) => {
            let msg = e.to_string();
            eprintln!("dossier: warning: {msg}");
            StateSetup::Unavailable(msg)
        }
    }
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
