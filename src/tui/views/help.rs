//! The help overlay and the hint line, both generated from the live keymap for the
//! contexts in effect, so they list exactly the keys that work where you are.

use crate::model::text::fold;
use crate::tui::keymap::action::Action;
use crate::tui::keymap::key::Key;
use crate::tui::keymap::{Context, Entry, Keymap};
use crate::tui::layout::inner;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::wrap::{str_width, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The help overlay's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// The keys of the screen it was opened on, as layers of contexts that apply
    /// together (the screen's own, typing a filter, this help), each most specific first.
    pub layers: Vec<Vec<Context>>,
    /// Filter typed into the help.
    pub query: String,
    /// First visible row.
    pub scroll: usize,
}

/// One row of the help: a context heading or a binding.
pub enum HelpRow<'a> {
    /// A context's heading.
    Heading(Context),
    /// An action with its keys.
    Keys(Entry<'a>),
}

impl Help {
    /// The help of a screen whose keys are in `layers`.
    pub fn new(layers: Vec<Vec<Context>>) -> Help {
        Help {
            layers,
            ..Help::default()
        }
    }

    /// The rows for the current filter.
    pub fn rows<'a>(&self, keymap: &'a Keymap) -> Vec<HelpRow<'a>> {
        let q = fold(&self.query);
        let mut out = Vec::new();
        for layer in &self.layers {
            out.extend(layer_rows(keymap, layer, &q));
        }
        out
    }

    /// Scrolls by `delta` rows, at most until the last row is at the bottom of a box
    /// `height` rows tall.
    pub fn scroll_by(&mut self, keymap: &Keymap, delta: isize, height: usize) {
        let last = self.rows(keymap).len().saturating_sub(height.max(1));
        self.scroll = self.scroll.saturating_add_signed(delta).min(last);
    }

    /// Scrolls so that the last row is at the bottom of a box `height` rows tall.
    pub fn scroll_to_end(&mut self, keymap: &Keymap, height: usize) {
        self.scroll = self.rows(keymap).len().saturating_sub(height.max(1));
    }
}

/// The rows of one layer of contexts that apply together, matching the folded query.
fn layer_rows<'a>(keymap: &'a Keymap, layer: &[Context], q: &str) -> Vec<HelpRow<'a>> {
    let entries = keymap.active(layer);
    let mut out = Vec::new();
    for &cx in layer {
        let matching: Vec<Entry> = entries
            .iter()
            .filter(|e| e.context == cx)
            .filter(|e| {
                q.is_empty()
                    || fold(&format!("{} {} {}", e.keys_label(), e.desc, cx.title())).contains(q)
            })
            .cloned()
            .collect();
        if !matching.is_empty() {
            out.push(HelpRow::Heading(cx));
            out.extend(matching.into_iter().map(HelpRow::Keys));
        }
    }
    out
}

/// The overlay's rectangle inside the screen.
pub fn area(screen: Rect) -> Rect {
    let w = screen.width.saturating_sub(4).min(72);
    let h = screen.height.saturating_sub(2);
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Rows visible inside the overlay.
pub fn page(screen: Rect) -> usize {
    usize::from(area(screen).height.saturating_sub(2).max(1))
}

/// Draws the help overlay.
pub fn draw(help: &Help, shared: &Shared, frame: &mut Frame, screen: Rect) {
    let theme = shared.theme;
    let r = area(screen);
    let border = theme.style(Role::BorderFocus);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(" Keys ", border));
    if shared.typing || !help.query.is_empty() {
        let cursor = if shared.typing { "▏" } else { "" };
        block = block.title_bottom(Span::styled(
            format!(" /{}{cursor} ", help.query),
            theme.style(Role::Prompt),
        ));
    }
    let body = inner(r);
    let width = usize::from(body.width);
    let key_w = 14.min(width / 2);
    let rows = help.rows(&shared.keymap);
    let h = usize::from(body.height);
    if rows.len() > h {
        let last = (help.scroll + h).min(rows.len());
        let pos = format!(
            " {}–{last} of {} · j/k scroll ",
            help.scroll + 1,
            rows.len()
        );
        block = block.title_bottom(Line::styled(pos, theme.style(Role::Dim)).right_aligned());
    }
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        lines.push(Line::styled("No key matches.", theme.style(Role::Dim)));
    }
    for row in rows.iter().skip(help.scroll).take(h) {
        lines.push(match row {
            HelpRow::Heading(cx) => {
                Line::styled(truncate(cx.title(), width), theme.style(Role::Heading))
            }
            HelpRow::Keys(e) => {
                let keys = truncate(&e.keys_label(), key_w);
                let pad = " ".repeat(key_w.saturating_sub(str_width(&keys)));
                Line::from(vec![
                    Span::styled(format!("  {keys}{pad} "), theme.style(Role::Key)),
                    Span::styled(
                        truncate(e.desc, width.saturating_sub(key_w + 3)),
                        theme.style(Role::Text),
                    ),
                ])
            }
        });
    }
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// Draws the hint line: a line being typed (`lead`), the loading progress, the status
/// message, then the hinted keys of `contexts`, the way to every other key (help) first
/// and quit last.
pub fn draw_hints(
    shared: &Shared,
    contexts: &[Context],
    lead: Option<&str>,
    frame: &mut Frame,
    r: Rect,
) {
    let theme = shared.theme;
    let width = usize::from(r.width);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some(text) = lead {
        let t = truncate(text, width);
        used += str_width(&t) + 2;
        spans.push(Span::styled(t, theme.style(Role::Prompt)));
        spans.push(Span::raw("  "));
    }
    // While the corpus loads, how far it has got ("reading 1,200 / 20,000 files").
    for msg in [&shared.loading, &shared.status].into_iter().flatten() {
        let t = truncate(msg, width);
        used += str_width(&t) + 2;
        spans.push(Span::styled(t, theme.style(Role::Prompt)));
        spans.push(Span::raw("  "));
    }
    let mut hints: Vec<Entry> = shared
        .keymap
        .active(contexts)
        .into_iter()
        .filter(|e| e.hint)
        .collect();
    hints.sort_by_key(|e| match e.action {
        Action::Help => 0,
        Action::Quit => 2,
        _ => 1,
    });
    for e in hints {
        let key = e.keys.first().map(Key::label).unwrap_or_default();
        let item = str_width(&key) + 1 + str_width(e.desc) + 2;
        if used + item > width {
            break;
        }
        used += item;
        spans.push(Span::styled(key, theme.style(Role::Key)));
        spans.push(Span::styled(
            format!(" {}  ", e.desc),
            theme.style(Role::Dim),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), r);
}
