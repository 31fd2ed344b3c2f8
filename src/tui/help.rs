//! The help overlay and the hint bar, both generated from the keymap.

use super::app::App;
use super::keymap::{Action, BINDINGS, Binding, Context, active, keys_label};
use super::theme::Role;
use super::wrap::{str_width, truncate};
use crate::model::text::fold;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Every context, in the order the help lists them.
const ORDER: [Context; 9] = [
    Context::Global,
    Context::Main,
    Context::Sidebar,
    Context::Reader,
    Context::Events,
    Context::Picker,
    Context::Compare,
    Context::Typing,
    Context::Help,
];

/// The help's rows for a filter: `None` is a context heading, else a binding.
pub fn rows(query: &str) -> Vec<(Context, Option<&'static Binding>)> {
    let q = fold(query);
    let mut out = Vec::new();
    for cx in ORDER {
        let matching: Vec<&Binding> = BINDINGS
            .iter()
            .filter(|b| b.context == cx)
            .filter(|b| {
                q.is_empty()
                    || fold(&format!(
                        "{} {} {}",
                        keys_label(b),
                        b.description,
                        cx.title()
                    ))
                    .contains(&q)
            })
            .collect();
        if !matching.is_empty() {
            out.push((cx, None));
            out.extend(matching.into_iter().map(|b| (cx, Some(b))));
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

/// Draws the help overlay.
pub fn draw(app: &App, frame: &mut Frame, screen: Rect) {
    let Some(help) = &app.help else { return };
    let theme = app.theme;
    let r = area(screen);
    let border = theme.style(Role::BorderFocus);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(" Keys ", border));
    if app.typing || !help.query.is_empty() {
        let cursor = if app.typing { "▏" } else { "" };
        block = block.title_bottom(Span::styled(
            format!(" /{}{cursor} ", help.query),
            theme.style(Role::Prompt),
        ));
    }
    let inner = super::layout::inner(r);
    let width = inner.width as usize;
    let key_w = 14.min(width / 2);
    let rows = rows(&help.query);
    let h = inner.height as usize;
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
    for (cx, b) in rows.iter().skip(help.scroll).take(inner.height as usize) {
        lines.push(match b {
            None => Line::styled(truncate(cx.title(), width), theme.style(Role::Heading)),
            Some(b) => {
                let keys = truncate(&keys_label(b), key_w);
                let pad = " ".repeat(key_w.saturating_sub(str_width(&keys)));
                Line::from(vec![
                    Span::styled(format!("  {keys}{pad} "), theme.style(Role::Key)),
                    Span::styled(
                        truncate(b.description, width.saturating_sub(key_w + 3)),
                        theme.style(Role::Text),
                    ),
                ])
            }
        });
    }
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

/// Draws the one-line hint bar: a status message, then the active keys.
pub fn draw_hints(app: &App, frame: &mut Frame, r: Rect) {
    let theme = app.theme;
    let width = r.width as usize;
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some(msg) = &app.status {
        let t = truncate(msg, width);
        used += str_width(&t) + 2;
        spans.push(Span::styled(t, theme.style(Role::Prompt)));
        spans.push(Span::raw("  "));
    }
    let contexts = super::update::contexts(app);
    // In the help only its own keys apply in practice (plus Ctrl-c).
    let contexts = if app.help.is_some() {
        &contexts[..1]
    } else {
        &contexts[..]
    };
    let mut hints: Vec<&Binding> = active(contexts).into_iter().filter(|b| b.hint).collect();
    // The way to every other key comes first, so it shows at any width.
    hints.sort_by_key(|b| b.action != Action::Help);
    // Pane focus only means something on the main screen.
    hints.retain(|b| app.mode == super::app::Mode::Main || b.action != Action::FocusNext);
    hints.retain(|b| app.mode != super::app::Mode::Compare || b.action != Action::Filter);
    for b in hints {
        let key = b
            .keys
            .first()
            .map(super::keymap::key_name)
            .unwrap_or_default();
        let item = str_width(&key) + 1 + str_width(b.description) + 2;
        if used + item > width {
            break;
        }
        used += item;
        spans.push(Span::styled(key, theme.style(Role::Key)));
        spans.push(Span::styled(
            format!(" {}  ", b.description),
            theme.style(Role::Dim),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), r);
}
