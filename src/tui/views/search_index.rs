//! The corpus search index, built once, on the first search that needs it (the
//! document filter's body words, the corpus search view), on that search's thread, and
//! shared by both. It remembers which corpus it indexes: after a reload the next
//! search builds a new one.

use crate::model::Corpus;
use crate::model::search::SearchIndex;
use std::sync::{Arc, Mutex, PoisonError, Weak};

/// The index built and the corpus it indexes.
type Built = Option<(Weak<Corpus>, Arc<SearchIndex>)>;

/// The lazily built index (cheap to clone; every clone shares it).
#[derive(Debug, Clone, Default)]
pub struct BodyIndex(Arc<Mutex<Built>>);

impl BodyIndex {
    /// The index of `corpus`, built now if it is not yet (blocks a second caller until
    /// the first has built it: both run off the interface thread).
    pub fn get(&self, corpus: &Arc<Corpus>) -> Arc<SearchIndex> {
        let mut slot = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((of, index)) = slot.as_ref()
            && of.upgrade().is_some_and(|c| Arc::ptr_eq(&c, corpus))
        {
            return Arc::clone(index);
        }
        let index = Arc::new(SearchIndex::build(&corpus.documents));
        *slot = Some((Arc::downgrade(corpus), Arc::clone(&index)));
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_once_per_corpus() {
        let cell = BodyIndex::default();
        let a = Arc::new(Corpus::seeds());
        let first = cell.get(&a);
        assert!(Arc::ptr_eq(&first, &cell.clone().get(&a)));
        let b = Arc::new(Corpus::seeds());
        assert!(
            !Arc::ptr_eq(&first, &cell.get(&b)),
            "another corpus, another index"
        );
        assert_eq!(first.documents(), a.documents.len());
    }
}
