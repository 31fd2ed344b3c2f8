//! Moving about the main screen: selections and scrolling, focus, Enter, the chosen
//! entity's mentions and the reader's hits, clicks.

use super::Main;
use super::documents::ROW_HEIGHT;
use super::layout::Focus;
use crate::tui::layout::rows_in;
use crate::tui::pick::step_around;
use crate::tui::shared::Shared;

impl Main {
    /// Rows a page moves in the focused pane.
    pub(super) fn page(&self) -> isize {
        let rows = self.panes.get(self.focus).map_or(1, rows_in);
        let rows = if self.focus == Focus::Documents {
            (rows / ROW_HEIGHT).max(1)
        } else {
            rows
        };
        isize::try_from(rows).unwrap_or(1)
    }

    /// Moves the selection (or scrolls the reader) of a pane by `delta` rows.
    pub(super) fn move_by(&mut self, focus: Focus, delta: isize) {
        match focus {
            Focus::Documents => self.docs.pick.move_by(delta),
            Focus::Entities => {
                self.entities.pick.move_by(delta);
                self.entities.mention_cursor = None;
            }
            Focus::Reader => self.reader.scroll_by(delta, self.panes.reader),
        }
    }

    /// Home/End: the first or last row of the focused pane.
    pub(super) fn jump_to_end(&mut self, last: bool) {
        match self.focus {
            Focus::Documents if last => self.docs.pick.last(),
            Focus::Documents => self.docs.pick.first(),
            Focus::Entities => {
                if last {
                    self.entities.pick.last();
                } else {
                    self.entities.pick.first();
                }
                self.entities.mention_cursor = None;
            }
            Focus::Reader if last => self.reader.scroll = self.reader.max_scroll(self.panes.reader),
            Focus::Reader => self.reader.scroll = 0,
        }
    }

    /// Tab/Shift-Tab: documents → reader → entities and round.
    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let order = [Focus::Documents, Focus::Reader, Focus::Entities];
        let i = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        self.focus = order[(i + if forward { 1 } else { 2 }) % 3];
    }

    /// Enter: a document opens in the reader; an entity narrows the documents to it.
    pub(super) fn enter(&mut self) {
        match self.focus {
            Focus::Documents => self.focus = Focus::Reader,
            Focus::Reader => {}
            Focus::Entities => {
                if let Some(e) = self.selected_entity() {
                    self.docs.set_entity(Some(e));
                    self.focus = Focus::Documents;
                }
            }
        }
    }

    /// The next (or previous) mention of the chosen entity in the reader, wrapping.
    pub(super) fn jump_mention(&mut self, shared: &mut Shared, forward: bool) {
        let Some(e) = self.selected_entity() else {
            return;
        };
        let lines: Vec<usize> = self
            .reader
            .mentions
            .iter()
            .filter(|m| m.0 == e)
            .map(|m| m.1)
            .collect();
        let n = lines.len();
        if n == 0 {
            return;
        }
        let next = step_around(self.entities.mention_cursor, n, forward);
        self.entities.mention_cursor = Some(next);
        self.reader.scroll = lines[next]
            .saturating_sub(2)
            .min(self.reader.max_scroll(self.panes.reader));
        let name = shared
            .corpus
            .entities
            .get(e)
            .map_or("", |x| x.name.as_str());
        shared.status = Some(format!("{name}: mention {} of {n}", next + 1));
    }

    /// `n`/`N` in the reader: the search's hits, or without a search the chosen
    /// entity's mentions.
    pub(super) fn visit_hit(&mut self, shared: &mut Shared, forward: bool) {
        if self.reader.found.query.trim().is_empty() {
            return self.jump_mention(shared, forward);
        }
        shared.status = Some(
            self.reader
                .visit(forward, self.panes.reader)
                .unwrap_or_else(|| format!("no hits for {}", self.reader.found.query.trim())),
        );
    }

    /// A click focuses its pane and selects the row under it.
    pub(super) fn click(&mut self, focus: Focus, row: Option<u16>) {
        self.focus = focus;
        let Some(row) = row else { return };
        match focus {
            Focus::Documents => self.docs.pick.select(self.docs.at_row(row)),
            Focus::Entities => self.entities.click(row),
            Focus::Reader => {}
        }
    }
}
