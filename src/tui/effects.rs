//! The reducer's side of the workspace: the lines the hint line asks for (a tag, a tag
//! filter), a note back from the editor, the saved position, and asking for a reload.
//! What touches the world outside is left in [`App::outside`] for the event loop.

use super::app::App;
use super::keymap::action::Action;
use super::mode::Mode;
use super::outside::{Outside, Prompt};
use super::views::main::documents::Show;
use super::views::main::marks::Position;
use super::views::view::Ask;
use crate::model::text::sanitize;
use crate::store::editor::EditError;
use crate::tui::wrap::truncate;

impl App {
    /// Starts typing the answer to a question in the hint line.
    pub fn ask(&mut self, ask: Ask) {
        let label = match ask {
            Ask::Tag(doc) => {
                let has = self
                    .shared
                    .workspace
                    .get(doc)
                    .map(|m| m.tags.join(", "))
                    .filter(|t| !t.is_empty());
                match has {
                    Some(t) => format!("tag (has {}; typing one removes it): ", sanitize(&t)),
                    None => "tag: ".to_owned(),
                }
            }
            Ask::TagFilter => {
                let tags: Vec<String> = self
                    .shared
                    .workspace
                    .tags()
                    .into_iter()
                    .take(6)
                    .map(|(t, n)| format!("{} {n}", sanitize(&t)))
                    .collect();
                if tags.is_empty() {
                    "show tag (none used yet; empty shows all): ".to_owned()
                } else {
                    format!("show tag ({}; empty shows all): ", tags.join(", "))
                }
            }
        };
        self.prompt = Some(Prompt {
            ask,
            text: String::new(),
            label,
        });
    }

    /// An action while a prompt is open: Enter answers, Esc cancels, the rest waits.
    pub(super) fn answer(&mut self, action: Action) {
        match action {
            Action::Enter => {
                if let Some(p) = self.prompt.take() {
                    self.answered(&p);
                }
            }
            Action::Back => self.prompt = None,
            _ => {}
        }
    }

    fn answered(&mut self, p: &Prompt) {
        let shared = &mut self.shared;
        let text = p.text.trim();
        match p.ask {
            Ask::Tag(doc) => {
                let (on, err) = shared.workspace.toggle_tag(&shared.corpus, doc, text);
                let tag = truncate(&sanitize(text), 40);
                shared.status = err.or_else(|| match on {
                    Some(true) => Some(format!("tagged #{tag}")),
                    Some(false) => Some(format!("#{tag} removed")),
                    None => Some("no tag given".into()),
                });
                self.views.main.reader.width = 0;
            }
            Ask::TagFilter => {
                let show = crate::store::state::normalize_tag(text).map_or(Show::All, Show::Tagged);
                let main = &mut self.views.main;
                main.docs.set_show(show, &shared.workspace);
                shared.status = Some(match main.docs.show.label() {
                    Some(l) => format!("showing {l} ({} documents)", main.docs.matched),
                    None => "showing all documents".into(),
                });
                self.mode = Mode::Main;
            }
        }
        self.fit();
    }

    /// The editor's result for the note of `doc`.
    pub fn note_edited(&mut self, doc: usize, result: Result<String, EditError>) {
        let shared = &mut self.shared;
        shared.status = Some(match result {
            Ok(text) => {
                let before = shared.workspace.get(doc).and_then(|m| m.note.clone());
                let err = shared.workspace.set_note(&shared.corpus, doc, &text);
                match err {
                    Some(e) => e,
                    None if before.as_deref().unwrap_or_default() == text.trim() => {
                        "note unchanged".into()
                    }
                    None if text.trim().is_empty() => "note removed".into(),
                    None => "note saved".into(),
                }
            }
            Err(e) => e.to_string(),
        });
        // The reader shows the note: build it again.
        self.views.main.reader.width = 0;
        self.fit();
    }

    /// Asks the event loop to load the corpus again (kept until it does).
    pub fn request_reload(&mut self) {
        self.outside = Some(Outside::Reload);
        self.shared.status = Some("reloading the corpus…".into());
    }

    /// The position to save for next time, as JSON.
    pub fn position(&self) -> String {
        let p = self.views.main.position(&self.shared);
        serde_json::to_string(&p).unwrap_or_default()
    }

    /// Saves the position in the state file (quitting, reloading).
    pub fn save_position(&mut self) {
        let p = self.position();
        if let Some(e) = self.shared.workspace.save_position(&p) {
            self.shared.status = Some(e);
        }
    }

    /// Goes back to a saved position (ignored when it does not parse).
    pub fn restore_position(&mut self, saved: &str) {
        if let Ok(p) = serde_json::from_str::<Position>(saved) {
            self.mode = Mode::Main;
            self.views.main.restore(&mut self.shared, &p);
            self.fit();
        }
    }
}
