//! Signals: SIGTERM, SIGINT, SIGHUP and SIGQUIT end the interface with the terminal
//! restored (then the process dies of the same signal, as shells expect, except SIGQUIT,
//! which exits with 131 rather than dumping core); SIGTSTP suspends cleanly; SIGCONT and
//! SIGWINCH redraw. A thread turns each into a message for the event loop; if the loop
//! does not take a fatal one within two seconds (stuck), the thread restores the terminal
//! and exits itself.

use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What a signal asks of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// End now (the signal number).
    Fatal(i32),
    /// Stop until continued (SIGTSTP from outside).
    Stop,
    /// Continued after a stop we did not make: take the terminal again.
    Continued,
    /// The terminal changed size.
    Resized,
}

/// Set by the event loop once it has taken a fatal signal.
#[derive(Debug, Clone, Default)]
pub struct Taken(Arc<AtomicBool>);

impl Taken {
    /// Marks the fatal signal as handled by the loop.
    pub fn set(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Starts the signal thread; `send` delivers to the event loop.
pub fn spawn(send: impl Fn(Signal) + Send + 'static) -> std::io::Result<Taken> {
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH])?;
    let taken = Taken::default();
    let flag = taken.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let what = match sig {
                SIGTSTP => Signal::Stop,
                SIGCONT => Signal::Continued,
                SIGWINCH => Signal::Resized,
                other => Signal::Fatal(other),
            };
            send(what);
            if let Signal::Fatal(n) = what {
                let deadline = Instant::now() + Duration::from_secs(2);
                while Instant::now() < deadline && !flag.0.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(20));
                }
                if !flag.0.load(Ordering::SeqCst) {
                    super::terminal::restore();
                    die(n);
                }
            }
        }
    });
    Ok(taken)
}

/// Ends the process as the signal would have (the terminal already restored).
pub fn die(sig: i32) -> ! {
    if sig != SIGQUIT {
        let _ = signal_hook::low_level::emulate_default_handler(sig);
    }
    std::process::exit(128 + sig);
}
