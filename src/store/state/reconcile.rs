//! Matching saved state to the corpus as loaded: renamed or moved files keep their marks,
//! edited ones keep them with the new hash.

use super::{Store, StoreError, now, write_error};
use crate::model::duplicates::ContentHash;
use crate::store::types::{CorpusKey, DocKey, Reconciled};
use rusqlite::{TransactionBehavior, params};
use rustc_hash::FxHashMap;

impl Store {
    /// Matches saved state to the corpus as loaded (`docs`: every document's id and hash):
    /// a saved id that is gone but whose content is now under a new id (a renamed or moved
    /// file) has its state moved to the new id; a saved id whose content changed keeps its
    /// state with the new hash. One transaction; nothing is written when nothing changed.
    pub fn reconcile(
        &mut self,
        corpus: &CorpusKey,
        docs: &[DocKey],
    ) -> Result<Reconciled, StoreError> {
        let mut out = Reconciled::default();
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(out);
        };
        let saved = self.saved_hashes(cid).map_err(write_error)?;
        let current: FxHashMap<&str, &ContentHash> =
            docs.iter().map(|d| (d.id.as_str(), &d.hash)).collect();
        let mut by_hash: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for d in docs.iter().filter(|d| !saved.contains_key(&d.id)) {
            by_hash.entry(d.hash.to_string()).or_default().push(&d.id);
        }
        let mut ids: Vec<&String> = saved.keys().collect();
        ids.sort();
        for id in ids {
            let hash = &saved[id];
            match current.get(id.as_str()) {
                Some(h) if h.to_string() == *hash => {}
                Some(_) => out.edited.push(id.clone()),
                None => match by_hash.get_mut(hash).and_then(std::vec::Vec::pop) {
                    Some(new) => out.renamed.push((id.clone(), new.to_owned())),
                    None => out.missing.push(id.clone()),
                },
            }
        }
        if out.renamed.is_empty() && out.edited.is_empty() {
            return Ok(out);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_error)?;
        for (old, new) in &out.renamed {
            tx.execute(
                "UPDATE documents SET doc_id = ?3, updated = ?4 WHERE corpus = ?1 AND doc_id = ?2",
                params![cid, old, new, now()],
            )
            .map_err(write_error)?;
        }
        for id in &out.edited {
            tx.execute(
                "UPDATE documents SET hash = ?3, updated = ?4 WHERE corpus = ?1 AND doc_id = ?2",
                params![cid, id, current[id.as_str()].to_string(), now()],
            )
            .map_err(write_error)?;
        }
        tx.commit().map_err(write_error)?;
        Ok(out)
    }

    fn saved_hashes(&self, cid: i64) -> rusqlite::Result<FxHashMap<String, String>> {
        let mut st = self
            .conn
            .prepare("SELECT doc_id, hash FROM documents WHERE corpus = ?1")?;
        let rows = st.query_map([cid], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }
}
