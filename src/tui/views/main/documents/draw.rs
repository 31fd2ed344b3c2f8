//! Drawing the documents pane: a title that gives way part by part when narrow, and two
//! lines per document (title with the filter's matches; date, outlet, kind, marks).

use super::{Documents, ROW_HEIGHT};
use crate::model::text::sanitize;
use crate::store::DocState;
use crate::tui::layout::inner;
use crate::tui::shared::Shared;
use crate::tui::theme::{Role, Theme};
use crate::tui::views::jump;
use crate::tui::views::widgets::{date_label, dim_style, highlighted, pad, pane_block, row_style};
use crate::tui::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

impl Documents {
    /// Draws the pane.
    pub fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect, focused: bool) {
        let theme = shared.theme;
        let corpus = &shared.corpus;
        let block = self.block(shared, area, focused);
        let body = inner(area);
        let width = usize::from(body.width);
        let mut lines: Vec<Line> = Vec::new();
        if self.pick.is_empty() {
            let msg = if shared.loading.is_some() && corpus.documents.is_empty() {
                "Loading the corpus…"
            } else {
                "No matching documents (Esc clears)."
            };
            lines.push(Line::styled(msg, theme.style(Role::Dim)));
        }
        let shown = (usize::from(body.height) / ROW_HEIGHT).max(1);
        for (row, doc) in self.pick.visible(shown) {
            lines.extend(self.row(shared, row, doc, width, focused));
        }
        // Rows are cut to the width already; wrapping only affects the notes.
        let para = Paragraph::new(lines).wrap(Wrap { trim: false });
        frame.render_widget(para.block(block), area);
    }

    /// The pane's frame: counts, filters and order in the title (fitted to `area`), the
    /// `:` prompt below while typed.
    fn block(&self, shared: &Shared, area: Rect, focused: bool) -> Block<'static> {
        let theme = shared.theme;
        let corpus = &shared.corpus;
        let total = corpus.documents.len();
        let head = if self.matched != total || self.filtered() {
            format!(" Documents {} of {total} ", self.matched)
        } else {
            format!(" Documents {total} ")
        };
        // Each part with the order in which it gives way when the pane is narrow.
        let mut parts: Vec<(String, u8)> =
            vec![(format!("· {} unread ", shared.workspace.unread()), 1)];
        if let Some(show) = self.show.label() {
            parts.push((format!("· {} ", truncate(&show, 30)), 0));
        }
        if shared.workspace.problem.is_some() {
            parts.push(("· not saved ".into(), 0));
        }
        // An order the user chose outlasts the unread count; the default one does not.
        let sort = self.sort_label();
        let sort_rank = if matches!(sort, "date" | "match") {
            2
        } else {
            0
        };
        parts.push((format!("· by {sort} "), sort_rank));
        if self.busy() {
            parts.push(("· searching… ".into(), 0));
        }
        if let Some(e) = self.entity.and_then(|e| corpus.entities.get(e)) {
            parts.push((format!("· {} ", truncate(&e.name, 40)), 0));
        }
        let title = fit_title(head, parts, usize::from(area.width.saturating_sub(2)));
        let typing = shared.typing && focused;
        let mut block = pane_block(
            theme,
            focused,
            title,
            &self.pick,
            typing && self.jump.is_none(),
        );
        if let Some(j) = self.jump.as_ref().filter(|_| typing) {
            block = block.title_bottom(Span::styled(
                jump::prompt(&j.text),
                theme.style(Role::Prompt),
            ));
        }
        block
    }

    /// The two lines of document `doc` on list row `row`: the title, with the filter's
    /// matches; then date, outlet, kind, and the reader's tags and note.
    fn row<'a>(
        &self,
        shared: &'a Shared,
        row: usize,
        doc: usize,
        width: usize,
        focused: bool,
    ) -> Vec<Line<'a>> {
        let theme = shared.theme;
        let corpus = &shared.corpus;
        let Some(d) = corpus.documents.get(doc) else {
            return Vec::new();
        };
        let selected = row == self.pick.selected;
        let style = row_style(theme, selected, focused);
        let dim = dim_style(theme, style, selected);
        let title = highlighted(
            &d.title,
            self.pick.marks_of(row),
            style,
            theme,
            width.saturating_sub(1),
        );
        let marks = shared.workspace.get(doc);
        let mut first = vec![marker(theme, marks, style)];
        first.extend(title);
        let mut meta = format!(
            " {} · {} · {}",
            date_label(d),
            d.source.as_deref().unwrap_or("outlet unknown"),
            d.kind.label()
        );
        if let Some(original) = corpus.duplicate_of(doc) {
            let of = corpus.documents.get(original).map_or("", |o| o.id.as_str());
            meta = format!(" copy of {} ·{meta}", sanitize(of));
        }
        if let Some(m) = marks {
            for t in &m.tags {
                meta.push_str(&format!(" #{}", sanitize(t)));
            }
            if m.note.is_some() {
                meta.push_str(" ✎");
            }
        }
        vec![
            pad(first, width, style),
            pad(
                vec![Span::styled(truncate(&meta, width), dim)],
                width,
                style,
            ),
        ]
    }
}

/// `head` and the parts that fit in `width` columns, dropping the most expendable
/// (highest rank) first; the rest keep their order.
fn fit_title(head: String, mut parts: Vec<(String, u8)>, width: usize) -> String {
    let len = |parts: &[(String, u8)]| {
        head.chars().count() + parts.iter().map(|p| p.0.chars().count()).sum::<usize>()
    };
    while len(&parts) > width {
        let Some(most) = parts.iter().map(|p| p.1).max().filter(|&r| r > 0) else {
            break;
        };
        let Some(i) = parts.iter().rposition(|p| p.1 == most) else {
            break;
        };
        parts.remove(i);
    }
    parts.into_iter().fold(head, |mut t, p| {
        t.push_str(&p.0);
        t
    })
}

/// The mark before a title: ★ starred, ● unread, else a space.
fn marker(theme: Theme, marks: Option<&DocState>, style: Style) -> Span<'static> {
    match marks {
        Some(m) if m.starred => Span::styled("★", style.patch(theme.style(Role::Key))),
        Some(m) if m.read => Span::styled(" ", style),
        _ => Span::styled("●", style.patch(theme.style(Role::Key))),
    }
}

#[cfg(test)]
mod tests {
    use super::fit_title;

    fn parts() -> Vec<(String, u8)> {
        vec![
            ("· 5 unread ".into(), 1),
            ("· starred ".into(), 0),
            ("· by date ".into(), 2),
        ]
    }

    #[test]
    fn a_narrow_title_drops_the_order_then_the_unread_count() {
        let head = || " Documents 5 ".to_owned();
        assert_eq!(
            fit_title(head(), parts(), 80),
            " Documents 5 · 5 unread · starred · by date "
        );
        assert_eq!(
            fit_title(head(), parts(), 35),
            " Documents 5 · 5 unread · starred "
        );
        assert_eq!(fit_title(head(), parts(), 25), " Documents 5 · starred ");
        // What must stay stays, even when it does not fit.
        assert_eq!(fit_title(head(), parts(), 5), " Documents 5 · starred ");
    }
}
