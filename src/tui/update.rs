//! The one reducer: terminal events become actions (keys through the keymap, the mouse
//! through the view under the pointer), and actions change the state. The app handles
//! what is the same everywhere (quit, help, mouse, typing a filter, suspending) and
//! hands the rest to the view shown, then carries out the [`Effect`] it returns.

use super::app::App;
use super::keymap::action::Action;
use super::keymap::key::Key;
use super::mode::Mode;
use super::outside::Outside;
use super::views::help::{self, Help};
use super::views::view::{Effect, Request};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

impl App {
    /// Feeds one terminal event to the state.
    #[allow(
        clippy::needless_pass_by_value,
        reason = "events are handed over as the terminal reader makes them"
    )]
    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) => self.handle_key(k),
            Event::Mouse(m) if self.mouse => self.handle_mouse(m),
            Event::Resize(w, h) => self.resize(w, h),
            _ => {}
        }
    }

    /// Handles one key event (presses only; repeats count as presses).
    pub fn handle_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        self.shared.status = None;
        if let Some(action) = self
            .shared
            .keymap
            .lookup(Key::from_event(&ev), &self.contexts())
        {
            self.apply(action);
            return;
        }
        if !self.shared.typing && self.prompt.is_none() {
            return;
        }
        let ctrl = ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let mut q = self.query().unwrap_or_default().to_owned();
        match ev.code {
            KeyCode::Char(c) if !ctrl && !c.is_control() => q.push(c),
            KeyCode::Backspace => {
                q.pop();
            }
            _ => return,
        }
        self.set_query(q);
    }

    /// Handles one mouse event: the wheel scrolls the pane under the pointer, a click
    /// selects and focuses (in the help and while typing, the wheel scrolls the help
    /// or the focused list, and clicks do nothing).
    pub fn handle_mouse(&mut self, ev: MouseEvent) {
        if self.help.is_some() || self.shared.typing {
            let delta = match ev.kind {
                MouseEventKind::ScrollUp => -3,
                MouseEventKind::ScrollDown => 3,
                _ => return,
            };
            return self.apply(Action::Scroll(delta));
        }
        if let Some(action) = self.view().mouse(&ev) {
            self.apply(action);
        }
    }

    /// The text being typed into: the prompt's, the help's filter or the shown view's.
    fn query(&self) -> Option<&str> {
        if let Some(p) = &self.prompt {
            return Some(&p.text);
        }
        match &self.help {
            Some(h) => Some(&h.query),
            None => self.view().query(),
        }
    }

    fn set_query(&mut self, q: String) {
        if let Some(p) = self.prompt.as_mut() {
            p.text = q;
            return;
        }
        if let Some(h) = self.help.as_mut() {
            h.query = q;
            h.scroll = 0;
            return;
        }
        self.views.get_mut(self.mode).set_query(&mut self.shared, q);
        self.fit();
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.shared.status = Some(
                    if self.mouse {
                        "mouse on"
                    } else {
                        "mouse off: select text freely"
                    }
                    .into(),
                );
            }
            Action::Help => self.help = Some(Help::new(self.help_layers())),
            _ if self.prompt.is_some() => self.answer(action),
            _ if self.shared.typing => self.typing(action),
            Action::Reload => self.request_reload(),
            Action::Copy | Action::CopyText | Action::Write if self.help.is_none() => {
                self.export(action);
            }
            _ if self.help.is_some() => self.in_help(action),
            _ => {
                let effect = self
                    .views
                    .get_mut(self.mode)
                    .update(&mut self.shared, action);
                self.carry_out(effect);
            }
        }
        self.fit();
    }

    fn typing(&mut self, action: Action) {
        match action {
            Action::Enter => self.shared.typing = false,
            Action::Back => {
                self.shared.typing = false;
                self.set_query(String::new());
            }
            _ if self.help.is_some() => self.in_help(action),
            _ => {
                let effect = self
                    .views
                    .get_mut(self.mode)
                    .update(&mut self.shared, action);
                self.carry_out(effect);
            }
        }
    }

    fn in_help(&mut self, action: Action) {
        let height = help::page(self.area);
        let page = isize::try_from(height).unwrap_or(1);
        let Some(h) = self.help.as_mut() else { return };
        let keymap = &self.shared.keymap;
        match action {
            Action::Filter => self.shared.typing = true,
            Action::Back => self.help = None,
            Action::Up => h.scroll_by(keymap, -1, height),
            Action::Down => h.scroll_by(keymap, 1, height),
            Action::PageUp => h.scroll_by(keymap, -page, height),
            Action::PageDown => h.scroll_by(keymap, page, height),
            Action::Top => h.scroll = 0,
            Action::Bottom => h.scroll_to_end(keymap, height),
            Action::Scroll(d) => h.scroll_by(keymap, d.into(), height),
            _ => {}
        }
    }

    fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Type => self.shared.typing = self.view().query().is_some(),
            Effect::Back => self.mode = Mode::Main,
            Effect::Open(mode, request) => self.open(mode, request),
            Effect::Ask(ask) => self.ask(ask),
            Effect::EditNote(doc) => {
                let text = self
                    .shared
                    .workspace
                    .get(doc)
                    .and_then(|m| m.note.clone())
                    .unwrap_or_default();
                self.outside = Some(Outside::Note { doc, text });
            }
        }
    }

    /// Shows a view, opened with a request.
    pub fn open(&mut self, mode: Mode, request: Request) {
        let from = self.mode;
        self.mode = mode;
        self.fit();
        self.views.get_mut(mode).open(&mut self.shared, request);
        if from == Mode::Search && mode == Mode::Main {
            self.carry_search(request);
        }
    }

    /// A corpus-search hit opens with the query as the reader's search, so `n`/`N` go
    /// on through the hits in that article, from the one opened.
    fn carry_search(&mut self, request: Request) {
        let query = self.views.search.pick.query.trim().to_owned();
        let reader = &mut self.views.main.reader;
        reader.search(&self.shared.corpus, &query);
        if let Request::Place { field, start, .. } = request
            && let Some(k) = reader
                .found
                .hits
                .iter()
                .position(|h| h.field == field && h.start == start)
        {
            reader.found.current = Some(k);
        }
        if let Some(k) = reader.found.current {
            let n = reader.found.hits.len();
            self.shared.status = Some(format!("hit {} of {n}", k + 1));
        }
    }

    /// Applies the results of background work that arrived (every view's, so none
    /// piles up); true when the screen changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        for &mode in super::views::Views::MODES {
            changed |= self.views.get_mut(mode).poll(&mut self.shared) && mode == self.mode;
        }
        changed |= self.resume_place();
        if changed {
            self.fit();
        }
        changed
    }
}
