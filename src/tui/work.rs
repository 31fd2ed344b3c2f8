//! Work off the interface thread. [`Latest`] runs a job on its own thread, newest request
//! winning: a request cancels the one running (the job sees its [`Cancel`] flag) and
//! replaces any still queued; results of older requests are dropped. When a result is
//! ready the thread calls the [`Waker`], which the event loop turns into a message on
//! its channel, so the loop sleeps until there is something to draw.
//!
//! Without a waker (tests, benches of the interface alone) a `Latest` runs its job in
//! place, at once, so every result is there by the next `poll`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// Wakes the event loop (cheap to clone; callable from any thread).
#[derive(Clone)]
pub struct Waker(Arc<dyn Fn() + Send + Sync>);

impl Waker {
    /// A waker that runs `wake` (e.g. sends a message into the loop's channel).
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Waker {
        Waker(Arc::new(wake))
    }

    /// Wakes the loop.
    pub fn wake(&self) {
        (self.0)();
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}

/// Set when a newer request makes the running one pointless; jobs check it now and then
/// and may return `None` early.
pub type Cancel = AtomicBool;

type Job<Q, R> = Box<dyn FnMut(Q, &Cancel) -> Option<R> + Send>;

struct Request<Q> {
    generation: u64,
    query: Q,
    cancel: Arc<Cancel>,
}

enum Runner<Q, R> {
    /// Runs each request at once, on the caller's thread.
    InPlace(Job<Q, R>, Option<(u64, R)>),
    /// A thread that runs the newest request.
    Thread(Sender<Request<Q>>, Receiver<(u64, R)>),
}

/// A job run off the interface thread, newest request winning.
pub struct Latest<Q, R> {
    runner: Runner<Q, R>,
    generation: u64,
    cancel: Arc<Cancel>,
    waiting: bool,
}

impl<Q, R> std::fmt::Debug for Latest<Q, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Latest")
            .field("generation", &self.generation)
            .field("waiting", &self.waiting)
            .finish_non_exhaustive()
    }
}

impl<Q: Send + 'static, R: Send + 'static> Latest<Q, R> {
    /// A job on its own thread that wakes the loop with `waker`, or run in place
    /// without one. The thread ends when the `Latest` is dropped.
    pub fn new(
        waker: Option<&Waker>,
        job: impl FnMut(Q, &Cancel) -> Option<R> + Send + 'static,
    ) -> Latest<Q, R> {
        let runner = match waker {
            None => Runner::InPlace(Box::new(job), None),
            Some(w) => spawn(w.clone(), Box::new(job)),
        };
        Latest {
            runner,
            generation: 0,
            cancel: Arc::new(AtomicBool::new(false)),
            waiting: false,
        }
    }

    /// Asks for `query`, cancelling the request before it.
    pub fn request(&mut self, query: Q) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.generation += 1;
        self.waiting = true;
        match &mut self.runner {
            Runner::InPlace(job, ready) => {
                *ready = job(query, &self.cancel).map(|r| (self.generation, r));
            }
            Runner::Thread(tx, _) => {
                let sent = tx.send(Request {
                    generation: self.generation,
                    query,
                    cancel: Arc::clone(&self.cancel),
                });
                self.waiting = sent.is_ok();
            }
        }
    }

    /// Drops interest in the request waited for (its result will be ignored).
    pub fn forget(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.waiting = false;
    }

    /// True while a result is awaited.
    pub fn busy(&self) -> bool {
        self.waiting
    }

    /// The result of the newest request, once it is ready.
    pub fn poll(&mut self) -> Option<R> {
        if !self.waiting {
            return None;
        }
        let found = match &mut self.runner {
            Runner::InPlace(_, ready) => ready.take(),
            Runner::Thread(_, rx) => loop {
                match rx.try_recv() {
                    Ok((g, r)) if g == self.generation => break Some((g, r)),
                    Ok(_) => {}
                    Err(TryRecvError::Empty | TryRecvError::Disconnected) => break None,
                }
            },
        };
        let (_, result) = found.filter(|(g, _)| *g == self.generation)?;
        self.waiting = false;
        Some(result)
    }
}

fn spawn<Q: Send + 'static, R: Send + 'static>(waker: Waker, mut job: Job<Q, R>) -> Runner<Q, R> {
    let (tx, requests) = channel::<Request<Q>>();
    let (results, rx) = channel();
    std::thread::spawn(move || {
        while let Ok(mut req) = requests.recv() {
            // Only the newest request matters.
            while let Ok(newer) = requests.try_recv() {
                req = newer;
            }
            if let Some(r) = job(req.query, &req.cancel) {
                if results.send((req.generation, r)).is_err() {
                    return;
                }
                waker.wake();
            }
        }
    });
    Runner::Thread(tx, rx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn in_place_answers_at_once() {
        let mut l: Latest<u32, u32> = Latest::new(None, |q, _| Some(q * 2));
        assert_eq!(l.poll(), None);
        l.request(4);
        assert!(l.busy());
        assert_eq!(l.poll(), Some(8));
        assert!(!l.busy());
        l.request(5);
        l.forget();
        assert_eq!(l.poll(), None);
    }

    #[test]
    fn a_thread_answers_only_the_newest_request_and_wakes() {
        let (tx, rx) = channel();
        let waker = Waker::new(move || {
            let _ = tx.send(());
        });
        let mut l: Latest<u64, u64> = Latest::new(Some(&waker), |q, cancel: &Cancel| {
            // A slow job that gives up when cancelled.
            let until = Instant::now() + Duration::from_millis(if q < 3 { 200 } else { 1 });
            while Instant::now() < until {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                std::thread::yield_now();
            }
            Some(q)
        });
        for q in 1..=3 {
            l.request(q);
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        let got = loop {
            rx.recv_timeout(Duration::from_secs(10)).expect("woken");
            if let Some(r) = l.poll() {
                break r;
            }
            assert!(Instant::now() < deadline, "no answer");
        };
        assert_eq!(got, 3);
        assert!(!l.busy());
    }
}
