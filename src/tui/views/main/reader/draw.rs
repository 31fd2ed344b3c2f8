//! Drawing the reader pane: its title (where a search stands), its position, and each
//! line styled by kind, with mentions, the marked place and hits standing out.

use super::{LineKind, ReaderLine, ReaderView};
use crate::tui::layout::inner;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::wrap::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

impl ReaderView {
    /// The pane's title: with a search, where it stands ("hit 3 of 7 · defence").
    fn title(&self) -> String {
        let f = &self.found;
        if f.query.trim().is_empty() {
            return " Reader ".into();
        }
        let q = crate::tui::wrap::truncate(f.query.trim(), 24);
        match (f.hits.len(), f.current) {
            (0, _) => format!(" Reader · no hits for {q} "),
            (n, Some(c)) => format!(" Reader · hit {} of {n} · {q} ", c + 1),
            (n, None) => format!(" Reader · {n} hits · {q} "),
        }
    }

    /// Draws the pane; `selected` is the entity whose mentions stand out.
    pub fn draw(
        &self,
        shared: &Shared,
        frame: &mut Frame,
        area: Rect,
        focused: bool,
        selected: Option<usize>,
    ) {
        let theme = shared.theme;
        let body = inner(area);
        let h = usize::from(body.height);
        let total = self.lines.len();
        let scroll = self.scroll.min(total.saturating_sub(h));
        let position = if total == 0 {
            String::new()
        } else {
            let last = (scroll + h).min(total);
            let pct = if total <= h { 100 } else { last * 100 / total };
            format!(" {}–{last} of {total} · {pct}% ", scroll + 1)
        };
        let border = theme.style(if focused {
            Role::BorderFocus
        } else {
            Role::Border
        });
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(self.title(), border))
            .title_bottom(Line::from(position).right_aligned());
        let lines: Vec<Line> = if self.doc.is_none() {
            vec![Line::styled(
                "No document selected.",
                theme.style(Role::Dim),
            )]
        } else {
            self.lines
                .iter()
                .skip(scroll)
                .take(h)
                .map(|l| render_line(shared, l, selected, self.found.current))
                .collect()
        };
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

fn render_line<'a>(
    shared: &'a Shared,
    l: &'a ReaderLine,
    selected: Option<usize>,
    l_current: Option<usize>,
) -> Line<'a> {
    let theme = shared.theme;
    let base = match l.kind {
        LineKind::Title | LineKind::Heading => theme.style(Role::Heading),
        LineKind::Meta => theme.style(Role::Meta),
        LineKind::Caption => theme.style(Role::Caption),
        LineKind::Related => theme.style(Role::Dim),
        LineKind::Body | LineKind::Blank => theme.style(Role::Text),
    };
    let mut spans = vec![Span::styled(l.prefix, base)];
    for seg in &l.text.segs {
        let style = match seg.tag {
            Some(Tag::Mention(e)) if Some(e) == selected => theme.style(Role::MentionSelected),
            Some(Tag::Mention(e)) if l.kind != LineKind::Related => shared
                .corpus
                .entities
                .get(e)
                .map_or(base, |ent| base.patch(theme.entity(ent.kind))),
            Some(Tag::Hit(i)) if Some(i) == l_current => theme.style(Role::Selected),
            Some(Tag::Differs | Tag::Hit(_)) => base.patch(theme.style(Role::Match)),
            _ => base,
        };
        spans.push(Span::styled(
            seg.text.as_str(),
            Style::default().patch(style),
        ));
    }
    Line::from(spans)
}
