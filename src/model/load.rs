//! Loading progress: how far a corpus build has got, told to whoever shows it (a progress
//! bar on stderr, a line in the interface), and the documents as soon as they are built.

use super::document::Document;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One step of loading a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Files read from disk so far, of all the article files found.
    Reading {
        /// Files read (or found unreadable) so far.
        done: usize,
        /// Article files found.
        total: usize,
    },
    /// Every file is read; the corpus' vocabulary and the files' hashes are being computed
    /// (one step, before any document is built).
    Counting {
        /// The number of readable files.
        files: usize,
    },
    /// Documents cleaned and given their metadata so far, of all the readable files.
    Building {
        /// Documents built so far.
        done: usize,
        /// Documents to build.
        total: usize,
    },
    /// The documents of unchanged files were kept from the cache (once, before building).
    Kept {
        /// Documents kept as they were built before.
        kept: usize,
        /// Documents in the corpus.
        total: usize,
    },
    /// Every document is built; entities and the event timeline are being linked across them.
    Linking {
        /// The number of documents.
        documents: usize,
    },
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Progress::Reading { done, total } => {
                write!(
                    f,
                    "reading {} / {} files",
                    thousands(done),
                    thousands(total)
                )
            }
            Progress::Counting { files } => {
                write!(f, "counting the words of {} files", thousands(files))
            }
            Progress::Building { done, total } => write!(
                f,
                "building {} / {} documents",
                thousands(done),
                thousands(total)
            ),
            Progress::Kept { kept, total } => write!(
                f,
                "kept {} of {} documents unchanged since the last start",
                thousands(kept),
                thousands(total)
            ),
            Progress::Linking { documents } => write!(
                f,
                "linking entities and events across {} documents",
                thousands(documents)
            ),
        }
    }
}

/// `12400` → `"12,400"`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Told about a load as it happens. Called from worker threads, so it is `Sync` and should
/// return quickly (send on a channel, set an atomic); both methods default to doing nothing.
pub trait Observer: Sync {
    /// How far loading has got; sent about 200 times per stage at most, and at its end.
    fn progress(&self, _progress: Progress) {}

    /// A batch of documents, cleaned and with their metadata (and overrides) but no entities
    /// yet: `batch[k]` will be `corpus.documents[first + k]`. Batches arrive in order.
    fn documents(&self, _first: usize, _batch: &[Document]) {}

    /// A stage of the build has ended, taking `elapsed` of wall-clock time.
    fn stage(&self, _name: &'static str, _elapsed: Duration) {}
}

/// Times the stages of a build one after another, telling the observer of each.
pub struct Stopwatch<'a> {
    observer: &'a dyn Observer,
    since: Instant,
}

impl<'a> Stopwatch<'a> {
    /// Starts timing the first stage.
    pub fn start(observer: &'a dyn Observer) -> Stopwatch<'a> {
        Stopwatch {
            observer,
            since: Instant::now(),
        }
    }

    /// Ends the stage called `name` and starts the next.
    pub fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.observer.stage(name, now - self.since);
        self.since = now;
    }
}

/// An observer that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quiet;

impl Observer for Quiet {}

/// Wraps a closure that wants only progress.
pub struct OnProgress<F>(pub F);

impl<F: Fn(Progress) + Sync> Observer for OnProgress<F> {
    fn progress(&self, progress: Progress) {
        (self.0)(progress);
    }
}

/// Counts work done by many threads and reports it in about 200 steps.
pub struct Ticker<'a> {
    done: AtomicUsize,
    total: usize,
    step: usize,
    observer: &'a dyn Observer,
    stage: fn(usize, usize) -> Progress,
}

impl<'a> Ticker<'a> {
    /// A counter for `total` items of one stage (`stage` makes its [`Progress`]).
    pub fn new(
        total: usize,
        observer: &'a dyn Observer,
        stage: fn(usize, usize) -> Progress,
    ) -> Ticker<'a> {
        observer.progress(stage(0, total));
        Ticker {
            done: AtomicUsize::new(0),
            total,
            step: (total / 200).max(1),
            observer,
            stage,
        }
    }

    /// One more item done.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if done.is_multiple_of(self.step) || done == self.total {
            self.observer.progress((self.stage)(done, self.total));
        }
    }
}

/// The [`Progress::Reading`] stage, for [`Ticker::new`].
pub fn reading(done: usize, total: usize) -> Progress {
    Progress::Reading { done, total }
}

/// The [`Progress::Building`] stage, for [`Ticker::new`].
pub fn building(done: usize, total: usize) -> Progress {
    Progress::Building { done, total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(12_400), "12,400");
        assert_eq!(thousands(1_000_000), "1,000,000");
        let p = Progress::Reading {
            done: 12_400,
            total: 20_000,
        };
        assert_eq!(p.to_string(), "reading 12,400 / 20,000 files");
        let p = Progress::Counting { files: 20_000 };
        assert_eq!(p.to_string(), "counting the words of 20,000 files");
    }

    #[test]
    fn a_build_says_when_it_counts_words() {
        let seen = Mutex::new(Vec::new());
        let observer = OnProgress(|p| seen.lock().unwrap().push(p));
        let options = super::super::corpus::BuildOptions {
            overrides: None,
            observer: &observer,
        };
        super::super::Corpus::seeds_with(options);
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.first(), Some(&Progress::Counting { files: 5 }));
    }

    #[test]
    fn ticker_reports_in_steps_and_at_the_end() {
        let seen = Mutex::new(Vec::new());
        let observer = OnProgress(|p| seen.lock().unwrap().push(p));
        let ticker = Ticker::new(1000, &observer, building);
        for _ in 0..1000 {
            ticker.tick();
        }
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.len(), 201, "the start, then every 5 of 1000");
        assert_eq!(seen[0], building(0, 1000));
        assert_eq!(seen[200], building(1000, 1000));
    }
}
