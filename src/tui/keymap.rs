//! The one key table: every binding with its action, description and context. Input
//! handling, the help overlay and the hint bar all read it, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move the selection (or scroll) one line up.
    Up,
    /// One line down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first item / top.
    Top,
    /// To the last item / bottom.
    Bottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open / confirm.
    Enter,
    /// Close / clear / go back.
    Back,
    /// Leave the program.
    Quit,
    /// Start typing a fuzzy filter on the focused list.
    Filter,
    /// Open the events timeline.
    Events,
    /// Compare the selected document with another.
    Compare,
    /// Show the key help.
    Help,
    /// Jump to the next mention of the selected entity.
    NextMention,
    /// Jump to the previous mention.
    PrevMention,
    /// Jump to the next topic of a comparison.
    NextTopic,
    /// Jump to the previous topic.
    PrevTopic,
    /// Swap the two sides of a comparison.
    Swap,
    /// Show only the topics where the two sides differ.
    OnlyDiffs,
    /// Toggle mouse capture (off: the terminal's own text selection works).
    ToggleMouse,
    /// Show the entities pane (narrow terminals) / go back to the reader.
    Entities,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere (unless typing a filter).
    Global,
    /// The main screen (documents, reader, entities).
    Main,
    /// The entities pane.
    Sidebar,
    /// The reader pane.
    Reader,
    /// The events timeline.
    Events,
    /// The comparison picker.
    Picker,
    /// The comparison view.
    Compare,
    /// While typing a filter.
    Typing,
    /// The help overlay.
    Help,
}

impl Context {
    /// The heading shown in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "everywhere",
            Context::Main => "main screen",
            Context::Sidebar => "entities pane",
            Context::Reader => "reader pane",
            Context::Events => "events timeline",
            Context::Picker => "compare picker",
            Context::Compare => "comparison",
            Context::Typing => "typing a filter",
            Context::Help => "this help",
        }
    }
}

/// A key: code plus modifiers (Shift is implied by upper-case chars and BackTab).
pub type Key = (KeyCode, KeyModifiers);

const N: KeyModifiers = KeyModifiers::NONE;
const C: KeyModifiers = KeyModifiers::CONTROL;

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, first one shown first.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Where.
    pub context: Context,
    /// For the help overlay and the hint bar.
    pub description: &'static str,
    /// Shown in the hint bar.
    pub hint: bool,
}

const fn b(
    keys: &'static [Key],
    action: Action,
    context: Context,
    description: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        action,
        context,
        description,
        hint,
    }
}

use Action as A;
use Context as X;
use KeyCode as K;

/// The table. Earlier rows win when a key appears twice in one context.
pub const BINDINGS: &[Binding] = &[
    b(
        &[(K::Enter, N)],
        A::Enter,
        X::Typing,
        "keep the filter",
        true,
    ),
    b(&[(K::Esc, N)], A::Back, X::Typing, "clear the filter", true),
    b(
        &[(K::Up, N)],
        A::Up,
        X::Typing,
        "move up while typing",
        false,
    ),
    b(
        &[(K::Down, N)],
        A::Down,
        X::Typing,
        "move down while typing",
        false,
    ),
    b(&[(K::Char('c'), C)], A::Quit, X::Typing, "quit", false),
    b(
        &[(K::Char('/'), N)],
        A::Filter,
        X::Help,
        "filter this list",
        true,
    ),
    b(
        &[(K::Esc, N), (K::Char('?'), N), (K::Char('q'), N)],
        A::Back,
        X::Help,
        "close the help",
        true,
    ),
    b(
        &[(K::Char('n'), N)],
        A::NextMention,
        X::Sidebar,
        "next mention in the reader",
        true,
    ),
    b(
        &[(K::Char('N'), KeyModifiers::SHIFT)],
        A::PrevMention,
        X::Sidebar,
        "previous mention",
        true,
    ),
    b(
        &[(K::Enter, N)],
        A::Enter,
        X::Sidebar,
        "list documents that mention it",
        true,
    ),
    b(
        &[(K::Char('n'), N)],
        A::NextMention,
        X::Reader,
        "next mention of the chosen entity",
        false,
    ),
    b(
        &[(K::Char('N'), KeyModifiers::SHIFT)],
        A::PrevMention,
        X::Reader,
        "previous mention",
        false,
    ),
    b(
        &[(K::Enter, N)],
        A::Enter,
        X::Events,
        "open the article at the event",
        true,
    ),
    b(
        &[(K::Esc, N)],
        A::Back,
        X::Events,
        "back to documents",
        true,
    ),
    b(
        &[(K::Enter, N)],
        A::Enter,
        X::Picker,
        "compare with this document",
        true,
    ),
    b(&[(K::Esc, N)], A::Back, X::Picker, "cancel", true),
    b(
        &[(K::Char(']'), N)],
        A::NextTopic,
        X::Compare,
        "next topic",
        true,
    ),
    b(
        &[(K::Char('['), N)],
        A::PrevTopic,
        X::Compare,
        "previous topic",
        true,
    ),
    b(
        &[(K::Char('s'), N)],
        A::Swap,
        X::Compare,
        "swap sides",
        true,
    ),
    b(
        &[(K::Char('d'), N)],
        A::OnlyDiffs,
        X::Compare,
        "only topics that differ",
        true,
    ),
    b(
        &[(K::Esc, N)],
        A::Back,
        X::Compare,
        "back to documents",
        true,
    ),
    b(
        &[(K::Char('e'), N)],
        A::Events,
        X::Main,
        "events timeline",
        true,
    ),
    b(
        &[(K::Char('c'), N)],
        A::Compare,
        X::Main,
        "compare with…",
        true,
    ),
    b(
        &[(K::Char('i'), N)],
        A::Entities,
        X::Main,
        "entities pane",
        false,
    ),
    b(&[(K::Esc, N)], A::Back, X::Main, "clear filters", false),
    b(
        &[(K::Down, N), (K::Char('j'), N)],
        A::Down,
        X::Global,
        "down",
        false,
    ),
    b(
        &[(K::Up, N), (K::Char('k'), N)],
        A::Up,
        X::Global,
        "up",
        false,
    ),
    b(
        &[(K::PageDown, N), (K::Char('d'), C)],
        A::PageDown,
        X::Global,
        "page down",
        false,
    ),
    b(
        &[(K::PageUp, N), (K::Char('u'), C)],
        A::PageUp,
        X::Global,
        "page up",
        false,
    ),
    b(
        &[(K::Home, N), (K::Char('g'), N)],
        A::Top,
        X::Global,
        "first / top",
        false,
    ),
    b(
        &[(K::End, N), (K::Char('G'), KeyModifiers::SHIFT)],
        A::Bottom,
        X::Global,
        "last / bottom",
        false,
    ),
    b(&[(K::Tab, N)], A::FocusNext, X::Global, "next pane", true),
    b(
        &[(K::BackTab, KeyModifiers::SHIFT)],
        A::FocusPrev,
        X::Global,
        "previous pane",
        false,
    ),
    b(&[(K::Enter, N)], A::Enter, X::Global, "open", false),
    b(
        &[(K::Char('/'), N)],
        A::Filter,
        X::Global,
        "fuzzy filter",
        true,
    ),
    b(
        &[(K::Char('m'), N)],
        A::ToggleMouse,
        X::Global,
        "mouse capture on/off",
        false,
    ),
    b(&[(K::Char('?'), N)], A::Help, X::Global, "help", true),
    b(
        &[(K::Char('q'), N), (K::Char('c'), C)],
        A::Quit,
        X::Global,
        "quit",
        true,
    ),
];

/// Normalises a key event: Shift on a char is carried by its case; BackTab always has Shift.
fn normalise(ev: &KeyEvent) -> Key {
    let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::SHIFT | KeyModifiers::ALT);
    match ev.code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => mods |= KeyModifiers::SHIFT,
        KeyCode::Char(_) => mods -= KeyModifiers::SHIFT,
        KeyCode::BackTab => mods |= KeyModifiers::SHIFT,
        _ => {}
    }
    (ev.code, mods)
}

/// The action of a key in the given contexts (searched in order).
pub fn lookup(ev: &KeyEvent, contexts: &[Context]) -> Option<Action> {
    let key = normalise(ev);
    contexts.iter().find_map(|&cx| {
        BINDINGS
            .iter()
            .find(|b| b.context == cx && b.keys.contains(&key))
            .map(|b| b.action)
    })
}

/// The bindings active in the given contexts, without keys shadowed by an earlier context.
pub fn active(contexts: &[Context]) -> Vec<&'static Binding> {
    let mut seen: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    for &cx in contexts {
        for bnd in BINDINGS.iter().filter(|b| b.context == cx) {
            if bnd.keys.iter().all(|k| seen.contains(k)) {
                continue;
            }
            seen.extend(bnd.keys.iter().copied());
            out.push(bnd);
        }
    }
    out
}

/// A key's display name ("↓", "Ctrl-d", "PgDn", "N").
pub fn key_name(key: &Key) -> String {
    let (code, mods) = key;
    let base = match code {
        K::Char(' ') => "Space".to_owned(),
        K::Char(c) => c.to_string(),
        K::Up => "↑".into(),
        K::Down => "↓".into(),
        K::Left => "←".into(),
        K::Right => "→".into(),
        K::PageUp => "PgUp".into(),
        K::PageDown => "PgDn".into(),
        K::Home => "Home".into(),
        K::End => "End".into(),
        K::Tab => "Tab".into(),
        K::BackTab => "Shift-Tab".into(),
        K::Enter => "Enter".into(),
        K::Esc => "Esc".into(),
        K::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// All keys of a binding, joined ("↓ j").
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_name).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn context_order_decides() {
        let enter = key(K::Enter, N);
        assert_eq!(
            lookup(&enter, &[X::Sidebar, X::Main, X::Global]),
            Some(A::Enter)
        );
        let n = key(K::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&n, &[X::Sidebar, X::Global]), Some(A::PrevMention));
        let n_no_shift = key(K::Char('N'), N);
        assert_eq!(lookup(&n_no_shift, &[X::Sidebar]), Some(A::PrevMention));
        assert_eq!(
            lookup(&key(K::Char('c'), C), &[X::Main, X::Global]),
            Some(A::Quit)
        );
        assert_eq!(
            lookup(&key(K::Char('c'), N), &[X::Main, X::Global]),
            Some(A::Compare)
        );
        assert_eq!(lookup(&key(K::Char('z'), N), &[X::Global]), None);
    }

    #[test]
    fn active_hides_shadowed_keys() {
        let list = active(&[X::Help, X::Global]);
        assert!(
            list.iter()
                .any(|b| b.context == X::Help && b.action == A::Back)
        );
        assert_eq!(list.iter().filter(|b| b.action == A::Filter).count(), 1);
        assert_eq!(key_name(&(K::Char('d'), C)), "Ctrl-d");
    }
}
