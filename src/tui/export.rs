//! `y`, `Y` and `w`: what the view shown has under the cursor, as text for the
//! clipboard, and the whole view as Markdown for a file. The text is handed to the event
//! loop ([`Outside`]), which sanitises it on the way out.

use super::app::App;
use super::keymap::action::Action;
use super::mode::Mode;
use super::outside::Outside;
use super::views::compare::lines::CompareLine;
use super::views::main::layout::Focus;
use crate::model::compare::{Comparison, report};
use crate::model::markdown;
use crate::model::{Corpus, Field, sentence};

impl App {
    /// Copies (`y`, `Y`) or writes (`w`) what the view shown has.
    pub(super) fn export(&mut self, action: Action) {
        let out = match action {
            Action::Write => self
                .markdown()
                .map(|(name, text)| Outside::Write { name, text }),
            Action::CopyText => self.document_text().map(|text| Outside::Copy {
                what: "the document's text".into(),
                text,
            }),
            _ => self
                .under_cursor()
                .map(|(what, text)| Outside::Copy { what, text }),
        };
        match out {
            Some(o) => self.outside = Some(o),
            None => self.shared.status = Some("nothing here to copy or write".into()),
        }
    }

    /// The document the view shown is about.
    fn current_doc(&self) -> Option<usize> {
        match self.mode {
            Mode::Main => self.views.main.docs.pick.current(),
            Mode::Compare => self.views.compare.shown.as_ref().map(|c| c.cmp.left_index),
            Mode::Picker => self.views.picker.pick.current(),
            Mode::Events => None,
            Mode::Search => self.views.search.current_doc(),
        }
    }

    /// `Y`: the document's clean text (title, then paragraphs).
    fn document_text(&self) -> Option<String> {
        let d = self.shared.corpus.documents.get(self.current_doc()?)?;
        let mut text = d.title.clone();
        for p in &d.body {
            text.push_str("\n\n");
            text.push_str(p);
        }
        Some(text)
    }

    /// `y`: the sentence at the top of the reader, the chosen entity, the selected event
    /// or document, or the comparison's topic at the top of the screen.
    fn under_cursor(&self) -> Option<(String, String)> {
        let corpus = &self.shared.corpus;
        match self.mode {
            Mode::Main => {
                let main = &self.views.main;
                match main.focus {
                    Focus::Entities => {
                        let e = corpus.entities.get(main.selected_entity()?)?;
                        Some(("the entity".into(), e.name.clone()))
                    }
                    Focus::Reader => {
                        let line = main
                            .reader
                            .lines
                            .get(main.reader.scroll..)?
                            .iter()
                            .find(|l| l.field.is_some_and(|f| f != Field::Title))?;
                        let text = sentence_at(corpus, main.reader.doc?, line.field?, line.start)?;
                        Some(("the sentence".into(), text))
                    }
                    Focus::Documents => {
                        let d = corpus.documents.get(main.docs.pick.current()?)?;
                        Some(("the title".into(), d.title.clone()))
                    }
                }
            }
            Mode::Events => {
                let e = corpus.events.get(self.views.events.pick.current()?)?;
                let date = e.date.map(|d| format!("{d} ")).unwrap_or_default();
                let place = e
                    .place
                    .as_ref()
                    .map(|p| format!(", {p}"))
                    .unwrap_or_default();
                Some(("the event".into(), format!("{date}{}{place}", e.name)))
            }
            Mode::Compare => {
                let shown = self.views.compare.shown.as_ref()?;
                let row = topic_at(&shown.lines, shown.scroll)?;
                Some(("the comparison row".into(), row_text(&shown.cmp, row)?))
            }
            Mode::Picker => {
                let d = corpus.documents.get(self.views.picker.pick.current()?)?;
                Some(("the title".into(), d.title.clone()))
            }
            Mode::Search => {
                let d = corpus.documents.get(self.views.search.current_doc()?)?;
                Some(("the title".into(), d.title.clone()))
            }
        }
    }

    /// `w`: the view shown as Markdown, with a name for its file.
    fn markdown(&self) -> Option<(String, String)> {
        let corpus = &self.shared.corpus;
        match self.mode {
            Mode::Main if self.views.main.focus == Focus::Documents => {
                let docs = &self.views.main.docs;
                let heading = if docs.filtered() {
                    "Documents (filtered)"
                } else {
                    "Documents"
                };
                Some((
                    "documents".into(),
                    markdown::document_list(corpus, &docs.pick.items, heading),
                ))
            }
            Mode::Main | Mode::Picker | Mode::Search => {
                let doc = self.current_doc()?;
                Some((
                    corpus.documents.get(doc)?.id.clone(),
                    markdown::document(corpus, doc),
                ))
            }
            Mode::Events => {
                let shown: Vec<_> = self
                    .views
                    .events
                    .pick
                    .items
                    .iter()
                    .filter_map(|&i| corpus.events.get(i))
                    .collect();
                Some((
                    "timeline".into(),
                    markdown::timeline(corpus, &shown, "Events timeline"),
                ))
            }
            Mode::Compare => {
                let cmp = &self.views.compare.shown.as_ref()?.cmp;
                let docs = (
                    corpus.documents.get(cmp.left_index)?,
                    corpus.documents.get(cmp.right_index)?,
                );
                Some((
                    format!("compare-{}-{}", cmp.left, cmp.right),
                    report::markdown(cmp, docs),
                ))
            }
        }
    }
}

/// The sentence of `field` that holds byte `at` (the whole field when it has none).
fn sentence_at(corpus: &Corpus, doc: usize, field: Field, at: usize) -> Option<String> {
    let d = corpus.documents.get(doc)?;
    let text = d.fields().find(|(f, _)| *f == field)?.1;
    let spans = sentence::split(text);
    let (s, e) = spans
        .iter()
        .copied()
        .find(|&(s, e)| at >= s && at < e)
        .or_else(|| spans.iter().copied().find(|&(s, _)| s >= at))
        .unwrap_or((0, text.len()));
    text.get(s..e).map(|t| t.trim().to_owned())
}

/// The topic row shown at or above line `scroll` of a comparison.
fn topic_at(lines: &[CompareLine], scroll: usize) -> Option<usize> {
    let upto = scroll.min(lines.len().checked_sub(1)?);
    lines[..=upto]
        .iter()
        .rev()
        .chain(lines[upto..].iter())
        .find_map(|l| match l {
            CompareLine::Topic(r) => Some(*r),
            _ => None,
        })
}

/// One comparison row as plain text: the topic, then each side's sentences.
fn row_text(cmp: &Comparison, row: usize) -> Option<String> {
    let r = cmp.rows.get(row)?;
    let side = |id: &str, s: &[crate::model::compare::Sentence]| {
        let text: Vec<&str> = s.iter().map(|x| x.text.as_str()).collect();
        let text = if text.is_empty() {
            "—".to_owned()
        } else {
            text.join(" ")
        };
        format!("{id}: {text}")
    };
    Some(format!(
        "{}\n{}\n{}",
        r.label,
        side(&cmp.left, &r.left),
        side(&cmp.right, &r.right)
    ))
}
