//! The chooser of an event's reports: when several documents report one event, Enter
//! on it lists them (outlet, date, title; the selected one's sentence below) in a box
//! over the timeline; Enter opens that document at the sentence naming the event, Esc
//! goes back to the timeline.

use crate::model::{Corpus, Event, Field};
use crate::tui::keymap::action::Action;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::view::Request;
use crate::tui::views::widgets::{date_label, pad, row_style};
use crate::tui::wrap::{str_width, truncate, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Lines of the selected report's sentence shown under the list.
const SENTENCE: u16 = 3;

/// One report of the event: a document and its first sentence naming the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// Index into `Corpus::documents`.
    pub doc: usize,
    /// Index into the event's `sentences`.
    pub sentence: usize,
    /// Where that sentence sits.
    pub field: Field,
    /// Its first byte in the field.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// An open chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reports {
    /// Index into `Corpus::events`.
    pub event: usize,
    /// The reports, one per document, in the order the event lists its sentences.
    pub items: Vec<Report>,
    /// The selected report.
    pub selected: usize,
}

/// What a key did in the chooser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// Still choosing.
    Stay,
    /// Closed without choosing.
    Close,
    /// Open this place.
    Open(Request),
}

/// The event's reports: the first sentence of each document that names it (documents
/// missing from the corpus are left out).
#[must_use]
pub fn reports(corpus: &Corpus, event: &Event) -> Vec<Report> {
    let mut out: Vec<Report> = Vec::new();
    for (k, s) in event.sentences.iter().enumerate() {
        let doc = s.document();
        if doc >= corpus.documents.len() {
            continue;
        }
        if out.iter().any(|r| r.doc == doc) {
            continue;
        }
        out.push(Report {
            doc,
            sentence: k,
            field: s.field(),
            start: s.start(),
            end: s.end(),
        });
    }
    out
}

impl Report {
    /// The reader opened at this report's sentence.
    #[must_use]
    pub fn request(self) -> Request {
        Request::Place {
            doc: self.doc,
            field: self.field,
            start: self.start,
            end: self.end,
        }
    }
}

impl Reports {
    /// Applies a key of the chooser.
    pub fn update(&mut self, action: Action) -> Chosen {
        let n = self.items.len().max(1);
        match action {
            // Round the ends: the list is short, and a key always moves.
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Scroll(d) | Action::ScrollPane { delta: d, .. } => {
                self.selected = self.selected.saturating_add_signed(d.into()).min(n - 1);
            }
            Action::Enter => {
                return self
                    .items
                    .get(self.selected)
                    .map_or(Chosen::Close, |r| Chosen::Open(r.request()));
            }
            Action::Back => return Chosen::Close,
            _ => {}
        }
        Chosen::Stay
    }

    /// Draws the chooser in a box over the middle of `area`.
    pub fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        let theme = shared.theme;
        let corpus = &shared.corpus;
        let Some(event) = corpus.events.get(self.event) else {
            return;
        };
        let width = area.width.saturating_sub(4).min(96);
        let list = u16::try_from(self.items.len()).unwrap_or(u16::MAX);
        let height = list
            .saturating_add(3 + SENTENCE)
            .min(area.height.saturating_sub(2));
        if width < 10 || height < 3 {
            return;
        }
        let r = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        let inner_w = usize::from(width - 2);
        let border = theme.style(Role::BorderFocus);
        let title = truncate(
            &format!(" {} reports of {} ", self.items.len(), event.name),
            inner_w,
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(title, border));
        let rows = usize::from(height - 2);
        let list_rows = rows.saturating_sub(usize::from(SENTENCE) + 1).max(1);
        let first = self.selected.saturating_sub(list_rows - 1);
        let mut lines: Vec<Line> = self
            .items
            .iter()
            .enumerate()
            .skip(first)
            .take(list_rows)
            .map(|(k, rep)| report_line(shared, rep, k == self.selected, inner_w))
            .collect();
        if let Some(s) = self
            .items
            .get(self.selected)
            .and_then(|rep| event.sentences.get(rep.sentence))
        {
            lines.push(Line::styled("─".repeat(inner_w), theme.style(Role::Border)));
            for w in wrap(s.text(&corpus.documents), inner_w, &[])
                .into_iter()
                .take(usize::from(SENTENCE))
            {
                let t: String = w.segs.iter().map(|x| x.text.as_str()).collect();
                lines.push(Line::styled(t, theme.style(Role::Meta)));
            }
        }
        frame.render_widget(Clear, r);
        frame.render_widget(Paragraph::new(lines).block(block), r);
    }
}

/// "VNA     2025-07-08  Ministry reviews …": one report as a row of the chooser.
fn report_line(shared: &Shared, rep: &Report, selected: bool, width: usize) -> Line<'static> {
    let style = row_style(shared.theme, selected, true);
    let Some(d) = shared.corpus.documents.get(rep.doc) else {
        return Line::default();
    };
    let outlet = truncate(d.source.as_deref().unwrap_or("?"), 8);
    let head = format!("{outlet:<8} {:<10}  ", truncate(&date_label(d), 10));
    let title = truncate(&d.title, width.saturating_sub(str_width(&head)));
    pad(
        vec![Span::styled(format!("{head}{title}"), style)],
        width,
        style,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::event::EventSentence;

    fn sentence(doc: usize, start: usize) -> EventSentence {
        EventSentence::new(doc, Field::Body(1), start, start + 10).unwrap()
    }

    #[test]
    fn one_report_per_document_at_its_first_sentence() {
        let corpus = Corpus::seeds();
        let missing = corpus.documents.len();
        let event = Event {
            name: "Made-up exchange".into(),
            sentences: vec![
                sentence(2, 40),
                sentence(2, 90),
                sentence(missing, 5),
                sentence(0, 7),
            ],
            ..Event::default()
        };
        let found = reports(&corpus, &event);
        let got: Vec<(usize, usize, usize)> =
            found.iter().map(|r| (r.doc, r.sentence, r.start)).collect();
        assert_eq!(got, [(2, 0, 40), (0, 3, 7)]);
    }

    #[test]
    fn keys_move_open_and_close() {
        let report = |doc| Report {
            doc,
            sentence: 0,
            field: Field::Body(0),
            start: 3,
            end: 9,
        };
        let mut r = Reports {
            event: 0,
            items: vec![report(4), report(1), report(2)],
            selected: 0,
        };
        assert_eq!(r.update(Action::Up), Chosen::Stay);
        assert_eq!(r.selected, 2, "above the first, the last");
        r.update(Action::Down);
        r.update(Action::Down);
        assert_eq!(r.update(Action::Enter), Chosen::Open(report(1).request()));
        r.update(Action::Scroll(5));
        assert_eq!(r.selected, 2, "the wheel stops at the last");
        assert_eq!(r.update(Action::Back), Chosen::Close);
        r.items.clear();
        assert_eq!(r.update(Action::Enter), Chosen::Close);
    }
}
