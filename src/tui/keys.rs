//! Reading the terminal on its own thread, with a pause: while the user's editor has
//! the terminal, nothing it is typed may be taken by dossier. The thread waits for input
//! with `poll(2)` (which takes nothing) and reads only while not paused, under a lock
//! that [`Keys::pause`] takes, so once `pause(true)` returns no read is under way.

use std::io::Read;
use std::os::fd::RawFd;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How long one wait for input lasts before the pause flag is looked at again.
const TICK: Duration = Duration::from_millis(50);

/// The thread that reads the terminal.
pub struct Keys {
    paused: Arc<Mutex<bool>>,
}

impl Keys {
    /// Starts reading `tty` (whose descriptor is `fd`), calling `send` with what arrives
    /// (`None` once the input ended); reading stops when `send` returns false.
    pub fn spawn(
        mut tty: Box<dyn Read + Send>,
        fd: RawFd,
        send: impl Fn(Option<Vec<u8>>) -> bool + Send + 'static,
    ) -> Keys {
        let paused = Arc::new(Mutex::new(false));
        let flag = Arc::clone(&paused);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                if !readable(fd, TICK) {
                    continue;
                }
                let got = {
                    let paused = flag.lock().unwrap_or_else(PoisonError::into_inner);
                    if *paused {
                        None
                    } else {
                        Some(tty.read(&mut buf))
                    }
                };
                match got {
                    // Paused with input waiting: leave it for the editor.
                    None => std::thread::sleep(TICK),
                    Some(Ok(0) | Err(_)) => {
                        send(None);
                        return;
                    }
                    Some(Ok(n)) => {
                        if !send(Some(buf[..n].to_vec())) {
                            return;
                        }
                    }
                }
            }
        });
        Keys { paused }
    }

    /// Stops (true) or restarts (false) reading; when stopping, returns once no read is
    /// under way.
    pub fn pause(&self, on: bool) {
        *self.paused.lock().unwrap_or_else(PoisonError::into_inner) = on;
    }
}

/// True when `fd` has input (or hung up) within `wait`.
fn readable(fd: RawFd, wait: Duration) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(wait.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: `p` is one valid pollfd for the duration of the call.
    let n = unsafe { libc::poll(&raw mut p, 1, ms) };
    n > 0 && p.revents != 0
}
