//! Document search off the interface thread: a keystroke only posts the query, so the
//! key is handled and the frame drawn at once even when ranking 100,000 documents takes
//! longer than a frame. A newer query cancels the one running; stale results are dropped.

use crate::model::filter::{FuzzyIndex, Matches, Searcher};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// Which list asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The documents pane.
    Documents,
    /// The comparison picker.
    Picker,
    /// The events timeline.
    Events,
}

struct Request {
    id: u64,
    query: String,
    limit: usize,
}

/// Results of one request.
#[derive(Debug)]
pub struct Response {
    /// The request's id.
    pub id: u64,
    /// The hits.
    pub matches: Matches,
}

/// A search thread over one index.
#[derive(Debug)]
pub struct Worker {
    tx: Sender<Request>,
    rx: Receiver<Response>,
    cancel: Arc<AtomicBool>,
    next: u64,
    /// The request whose results are wanted, and for which list.
    pub waiting: Option<(u64, Target)>,
}

impl Worker {
    /// Starts the thread. It ends when the worker is dropped.
    pub fn spawn(index: Arc<FuzzyIndex>) -> Worker {
        let (tx, requests) = channel::<Request>();
        let (responses, rx) = channel::<Response>();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let mut searcher = Searcher::new();
            while let Ok(mut req) = requests.recv() {
                // Only the latest query matters.
                while let Ok(newer) = requests.try_recv() {
                    req = newer;
                }
                flag.store(false, Ordering::SeqCst);
                if let Some(matches) =
                    searcher.search_cancellable(&index, &req.query, req.limit, &flag)
                    && responses
                        .send(Response {
                            id: req.id,
                            matches,
                        })
                        .is_err()
                {
                    break;
                }
            }
        });
        Worker {
            tx,
            rx,
            cancel,
            next: 0,
            waiting: None,
        }
    }

    /// Posts a query for a list, cancelling the one running.
    pub fn request(&mut self, target: Target, query: &str, limit: usize) {
        self.next += 1;
        self.cancel.store(true, Ordering::SeqCst);
        let req = Request {
            id: self.next,
            query: query.to_owned(),
            limit,
        };
        self.waiting = self.tx.send(req).is_ok().then_some((self.next, target));
    }

    /// Forgets the request waited for (its results will be dropped).
    pub fn forget(&mut self) {
        self.waiting = None;
    }

    /// The wanted results, if they have arrived.
    pub fn poll(&mut self) -> Option<(Target, Matches)> {
        loop {
            match self.rx.try_recv() {
                Ok(r) => {
                    if let Some((id, target)) = self.waiting
                        && id == r.id
                    {
                        self.waiting = None;
                        return Some((target, r.matches));
                    }
                }
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_query_answers() {
        let index = Arc::new(FuzzyIndex::new(["alpha", "beta", "gamma"]));
        let mut w = Worker::spawn(index);
        w.request(Target::Documents, "a", 10);
        w.request(Target::Picker, "bet", 10);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let got = loop {
            if let Some(r) = w.poll() {
                break r;
            }
            assert!(std::time::Instant::now() < deadline, "no answer");
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!(got.0, Target::Picker);
        assert_eq!(got.1.hits.iter().map(|h| h.index).collect::<Vec<_>>(), [1]);
        assert!(w.waiting.is_none());
    }
}
