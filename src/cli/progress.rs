//! The loading progress bar on stderr (indicatif), shown only when stderr is a terminal so
//! scripts and pipes get clean output.

use crate::model::load::{Observer, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar that follows a corpus load; cleared when dropped. With `DOSSIER_TIMINGS` set
/// (to anything but `0` or nothing), each build stage's wall-clock time goes to stderr.
pub struct Bar(ProgressBar, bool);

impl Bar {
    /// A bar on stderr, hidden when stderr is not a terminal.
    pub fn on_stderr() -> Bar {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template("{msg:40} [{bar:30}] {percent:>3}%")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        let timings =
            std::env::var_os("DOSSIER_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
        Bar(bar, timings)
    }
}

impl Observer for Bar {
    fn progress(&self, progress: Progress) {
        match progress {
            Progress::Reading { done, total } | Progress::Building { done, total } => {
                self.0.set_length(total as u64);
                self.0.set_position(done as u64);
            }
            Progress::Counting { files: documents } | Progress::Linking { documents } => {
                self.0.set_length(documents as u64);
                self.0.set_position(documents as u64);
            }
        }
        self.0.set_message(progress.to_string());
    }

    fn stage(&self, name: &'static str, elapsed: std::time::Duration) {
        if self.1 {
            let line = format!("dossier: timing: {name}: {:.3} s", elapsed.as_secs_f64());
            self.0.suspend(|| super::output::to_stderr(&line));
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
