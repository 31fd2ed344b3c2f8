//! Filtering off the input path: a thread that owns a [`Searcher`], always works on the
//! newest query, and abandons a search as soon as a newer query arrives.

use super::{FuzzyIndex, Matches, Searcher};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

/// A query sent to the worker, with the flag that cancels it.
struct Request {
    generation: u64,
    query: String,
    cancel: Arc<AtomicBool>,
}

/// The result of one query.
#[derive(Debug, Clone)]
pub struct Response {
    /// The number [`FilterWorker::submit`] returned for the query.
    pub generation: u64,
    /// The query as submitted.
    pub query: String,
    /// Its best hits and match count.
    pub matches: Matches,
}

/// A background filter: [`FilterWorker::submit`] never blocks, and only the newest
/// query is answered (older ones are skipped or cancelled mid-scan).
#[derive(Debug)]
pub struct FilterWorker {
    requests: Sender<Request>,
    responses: Receiver<Response>,
    generation: u64,
    current: Arc<AtomicBool>,
}

impl FilterWorker {
    /// Starts the worker thread over `index`, answering with at most `limit` hits.
    pub fn spawn(index: Arc<FuzzyIndex>, limit: usize) -> FilterWorker {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, responses) = mpsc::channel();
        thread::spawn(move || {
            let mut searcher = Searcher::new();
            while let Ok(mut req) = inbox.recv() {
                // Skip to the newest request waiting.
                loop {
                    match inbox.try_recv() {
                        Ok(newer) => req = newer,
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
                let found = searcher.search_cancellable(&index, &req.query, limit, &req.cancel);
                if let Some(matches) = found {
                    let reply = Response {
                        generation: req.generation,
                        query: req.query,
                        matches,
                    };
                    if outbox.send(reply).is_err() {
                        return;
                    }
                }
            }
        });
        FilterWorker {
            requests,
            responses,
            generation: 0,
            current: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Queues `query`, cancelling the one in progress; returns its generation number.
    pub fn submit(&mut self, query: &str) -> u64 {
        self.current.store(true, Ordering::Relaxed);
        self.current = Arc::new(AtomicBool::new(false));
        self.generation += 1;
        let _ = self.requests.send(Request {
            generation: self.generation,
            query: query.to_owned(),
            cancel: Arc::clone(&self.current),
        });
        self.generation
    }

    /// The newest response that is ready, if any; older ready ones are dropped.
    pub fn try_latest(&self) -> Option<Response> {
        self.responses.try_iter().last()
    }

    /// Waits for the response to the last submitted query (for tests and the CLI).
    pub fn wait_latest(&self) -> Option<Response> {
        loop {
            let r = self.responses.recv().ok()?;
            if r.generation == self.generation {
                return Some(r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_the_newest_query() {
        let items: Vec<String> = (0..5000).map(|i| format!("border exchange {i}")).collect();
        let mut w = FilterWorker::spawn(Arc::new(FuzzyIndex::new(&items)), 5);
        for q in ["b", "bo", "bor", "border 4999"] {
            w.submit(q);
        }
        let r = w.wait_latest().expect("a response");
        assert_eq!(r.query, "border 4999");
        assert_eq!(r.matches.hits[0].index, 4999);
        assert!(w.try_latest().is_none());
    }
}
