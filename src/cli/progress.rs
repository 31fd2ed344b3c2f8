//! The loading progress bar on stderr (indicatif), shown only when stderr is a terminal so
//! scripts and pipes get clean output.

use crate::model::load::{Observer, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

/// A bar that follows a corpus load; cleared when dropped. With `DOSSIER_TIMINGS` set
/// (to anything but `0` or nothing), each build stage's wall-clock time goes to stderr,
/// with the CPU time it took and the peak memory so far where the system tells them.
pub struct Bar(ProgressBar, bool, Mutex<Option<Duration>>);

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
        Bar(bar, timings, Mutex::new(usage::cpu_time()))
    }
}

impl Observer for Bar {
    fn progress(&self, progress: Progress) {
        match progress {
            Progress::Reading { done, total } | Progress::Building { done, total } => {
                self.0.set_length(total as u64);
                self.0.set_position(done as u64);
            }
            Progress::Kept { .. } if self.1 => eprintln!("dossier: timing: {progress}"),
            Progress::Kept { .. } => {}
            Progress::Counting { files: documents } | Progress::Linking { documents } => {
                self.0.set_length(documents as u64);
                self.0.set_position(documents as u64);
            }
        }
        self.0.set_message(progress.to_string());
    }

    fn stage(&self, name: &'static str, elapsed: Duration) {
        if !self.1 {
            return;
        }
        let mut line = format!("dossier: timing: {name}: {:.3} s", elapsed.as_secs_f64());
        let now = usage::cpu_time();
        let mut last = self
            .2
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut notes = Vec::new();
        if let (Some(now), Some(before)) = (now, *last) {
            notes.push(format!(
                "CPU {:.3} s",
                now.saturating_sub(before).as_secs_f64()
            ));
        }
        *last = now;
        if let Some(peak) = usage::peak_memory_mb() {
            notes.push(format!("peak memory {peak} MB"));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join(", ")));
        }
        self.0.suspend(|| super::output::to_stderr(&line));
    }
}

/// What the process has used so far, from Linux's `/proc/self` (`None` elsewhere).
mod usage {
    use std::time::Duration;

    /// The CPU time of all threads, user and system. `/proc` counts it in ticks of
    /// USER_HZ, which Linux fixes at 100 a second for every architecture's ABI.
    pub fn cpu_time() -> Option<Duration> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        // The command name (field 2) may hold spaces; the fields after it do not.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
        let (user, system) = (ticks(11)?, ticks(12)?);
        Some(Duration::from_millis((user + system) * 10))
    }

    /// The peak resident memory, in MB.
    pub fn peak_memory_mb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024)
    }

    #[cfg(test)]
    mod tests {
        #[test]
        #[cfg(target_os = "linux")]
        fn the_process_has_used_some_cpu_and_memory() {
            let busy: u64 = (0..20_000_000u64).map(|i| i % 7).sum();
            assert!(busy > 0);
            assert!(super::cpu_time().is_some_and(|t| t > super::Duration::ZERO));
            assert!(super::peak_memory_mb().is_some_and(|mb| mb > 0));
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
