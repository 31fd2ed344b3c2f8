//! Terminal setup and restore: raw mode, alternate screen, hidden cursor, mouse
//! capture. Restored on quit, on error (the guard's drop), on panic (a hook that runs
//! before the report), on a fatal signal (`signals.rs`) and around a suspend (Ctrl-Z).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::fs::File;
use std::io::{IsTerminal, Read, Stdout, stdin, stdout};
use std::os::fd::{AsRawFd, RawFd};

/// The message when there is no terminal to draw on.
pub const NO_TERMINAL: &str = "dossier needs a terminal for the interface; try `dossier list`";

/// Where key presses come from: standard input when it is the terminal, else the
/// controlling terminal (`/dev/tty`), as crossterm's raw mode does; with its descriptor,
/// so that reading can wait for input without taking it (see `keys.rs`).
pub fn input() -> anyhow::Result<(Box<dyn Read + Send>, RawFd)> {
    if !stdout().is_terminal() {
        anyhow::bail!(NO_TERMINAL);
    }
    if stdin().is_terminal() {
        return Ok((Box::new(stdin()), stdin().as_raw_fd()));
    }
    match File::open("/dev/tty") {
        Ok(tty) => {
            let fd = tty.as_raw_fd();
            Ok((Box::new(tty), fd))
        }
        Err(_) => anyhow::bail!(NO_TERMINAL),
    }
}

/// The terminal in interface mode; dropping it restores the terminal.
pub struct Guard {
    /// The ratatui terminal.
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    mouse: bool,
}

/// Puts the terminal back as it was. Safe to call more than once, from any thread.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn enter(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode()?;
    let mut out = stdout();
    // Cleared here rather than with `Terminal::clear`, which queries the cursor position
    // (a round trip some terminals never answer).
    execute!(
        out,
        EnterAlternateScreen,
        Clear(ClearType::All),
        crossterm::cursor::Hide
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Enters interface mode and installs the panic hook.
pub fn setup(mouse: bool) -> anyhow::Result<Guard> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enter(mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    terminal.hide_cursor()?;
    Ok(Guard { terminal, mouse })
}

impl Guard {
    /// Turns mouse capture on or off.
    pub fn set_mouse(&mut self, on: bool) -> anyhow::Result<()> {
        if on != self.mouse {
            if on {
                execute!(self.terminal.backend_mut(), EnableMouseCapture)?;
            } else {
                execute!(self.terminal.backend_mut(), DisableMouseCapture)?;
            }
            self.mouse = on;
        }
        Ok(())
    }

    /// Gives the terminal back, stops the process until the shell's `fg`, then takes the
    /// terminal again and redraws everything.
    pub fn suspend(&mut self) -> anyhow::Result<()> {
        restore();
        // Stops the process as SIGTSTP's default would; returns once continued.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
        self.resume()
    }

    /// Takes the terminal again after the process was stopped and continued (by `fg`,
    /// or after an outside `kill -STOP`), forcing a full redraw.
    pub fn resume(&mut self) -> anyhow::Result<()> {
        enter(self.mouse)?;
        let size = self.terminal.size()?;
        // A resize clears the screen and the buffers without asking the terminal anything.
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
        Ok(())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
