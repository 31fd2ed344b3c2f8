//! Any search off the input path: a thread that answers only the newest query (the
//! word filters, corpus search), so a keystroke never waits on a search.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

/// The answer to one query.
#[derive(Debug, Clone)]
pub struct Answer<R> {
    /// The number [`Latest::submit`] returned for the query.
    pub generation: u64,
    /// The query as submitted.
    pub query: String,
    /// What the search returned.
    pub result: R,
}

/// A background searcher: [`Latest::submit`] never blocks; queries that a newer one
/// overtook while waiting are skipped, and answers to them dropped.
#[derive(Debug)]
pub struct Latest<R> {
    requests: Sender<(u64, String)>,
    answers: Receiver<Answer<R>>,
    generation: u64,
}

impl<R: Send + 'static> Latest<R> {
    /// Starts the thread; `search` runs once per query that is still the newest when
    /// the thread gets to it. The thread ends when this value is dropped.
    pub fn spawn(search: impl Fn(&str) -> R + Send + 'static) -> Latest<R> {
        let (requests, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, answers) = mpsc::channel();
        thread::spawn(move || {
            while let Ok(mut req) = inbox.recv() {
                loop {
                    match inbox.try_recv() {
                        Ok(newer) => req = newer,
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
                let result = search(&req.1);
                let answer = Answer {
                    generation: req.0,
                    query: req.1,
                    result,
                };
                if outbox.send(answer).is_err() {
                    return;
                }
            }
        });
        Latest {
            requests,
            answers,
            generation: 0,
        }
    }

    /// Queues a query; returns its generation number.
    pub fn submit(&mut self, query: &str) -> u64 {
        self.generation += 1;
        let _ = self.requests.send((self.generation, query.to_owned()));
        self.generation
    }

    /// The answer to the newest submitted query, if it is ready (older ones dropped).
    pub fn try_latest(&self) -> Option<Answer<R>> {
        self.answers
            .try_iter()
            .filter(|a| a.generation == self.generation)
            .last()
    }

    /// Waits for the answer to the newest submitted query (for tests and the CLI).
    pub fn wait_latest(&self) -> Option<Answer<R>> {
        loop {
            let a = self.answers.recv().ok()?;
            if a.generation == self.generation {
                return Some(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_only_the_newest_query() {
        let mut w = Latest::spawn(|q: &str| q.len());
        for q in ["b", "bo", "bor", "border"] {
            w.submit(q);
        }
        let a = w.wait_latest().expect("an answer");
        assert_eq!((a.query.as_str(), a.result), ("border", 6));
        assert!(w.try_latest().is_none());
    }
}
