//! What has arrived of the corpus from its loads (the preview, the finished corpus, the
//! folder's changes), handed to the interface, and what to say about it after quitting.

use super::app::App;
use super::feed::{Feed, Loads};
use super::views::main::documents::Lookup;
use crate::model::Corpus;
use crate::store::loader::LoadMessage;

/// What has arrived of the corpus, and what to say about it after quitting.
#[derive(Default)]
pub(super) struct Arrived {
    /// The whole corpus has been shown once.
    pub(super) complete: bool,
    /// The preview of the first load has been shown.
    previewed: bool,
    /// Lines for stderr after quitting (problem files, copies, a failed watch).
    pub(super) notes: Vec<String>,
}

impl Arrived {
    /// Takes one message of the feed.
    pub(super) fn take(
        &mut self,
        app: &mut App,
        loads: &mut Loads,
        feed: Feed,
    ) -> anyhow::Result<()> {
        match feed {
            Feed::Load(m, lookup) => self.load(app, loads, *m, lookup)?,
            Feed::Changed(batch) => {
                app.shared.status = Some(format!(
                    "{} file(s) changed in the corpus folder: loading it again",
                    batch.len()
                ));
                loads.start()?;
            }
            Feed::WatchFailed(why) => {
                app.shared.status = Some(why.clone());
                self.notes.push(format!("warning: {why}"));
            }
        }
        Ok(())
    }

    /// Takes one message of the load running.
    fn load(
        &mut self,
        app: &mut App,
        loads: &mut Loads,
        m: LoadMessage,
        lookup: Option<Lookup>,
    ) -> anyhow::Result<()> {
        match m {
            LoadMessage::Progress(p) => app.shared.loading = Some(p.to_string()),
            LoadMessage::Documents { first, batch } => {
                if !self.complete && !self.previewed && first == 0 {
                    self.previewed = true;
                    let preview =
                        Corpus::new(batch, Vec::new(), Vec::new(), Vec::new(), Vec::new());
                    app.replace_corpus(preview, false);
                }
            }
            LoadMessage::Done(result) => {
                app.shared.loading = None;
                loads.finished()?;
                match *result {
                    Ok(c) if c.documents.is_empty() && !self.complete => {
                        anyhow::bail!("no readable articles in the corpus")
                    }
                    Ok(c) => {
                        self.note(&c);
                        let first = !self.complete;
                        app.replace_corpus_with(c, true, lookup);
                        self.complete = true;
                        if first {
                            app.shared.status = app.shared.workspace.problem.clone().or_else(|| {
                                let n = self.notes.len();
                                (n > 0).then(|| format!("{n} note(s) on the corpus files: listed on stderr after quitting"))
                            });
                        }
                    }
                    Err(e) if !self.complete => return Err(e.into()),
                    Err(e) => app.shared.status = Some(format!("reload failed: {e}")),
                }
            }
        }
        Ok(())
    }

    /// Keeps the problem files and exact copies of a corpus to list after quitting.
    fn note(&mut self, c: &Corpus) {
        self.notes.clear();
        self.notes
            .extend(c.cache_note.iter().map(|n| format!("warning: {n}")));
        for (original, copy) in c.duplicates().pairs() {
            self.notes.push(format!(
                "note: {} is an exact copy of {} (listed as a copy, not a second report)",
                c.documents[copy].path, c.documents[original].path
            ));
        }
        for p in &c.problems {
            self.notes.push(format!("warning: {p}"));
        }
    }
}
