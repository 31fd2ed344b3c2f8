//! The keymap as data: `assets/keymap.toml` (embedded) lists every binding with its
//! context, action, description and whether the hint line shows it; a user config can
//! rebind or unbind actions ([`Keymap::rebind`]). Input handling, the help overlay and
//! the hint line all read the same [`Keymap`], so they cannot disagree.

pub mod action;
mod context;
pub mod key;

pub use context::Context;

use action::Action;
use key::Key;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The default keymap, embedded at build time.
pub const DEFAULT: &str = include_str!("../../../assets/keymap.toml");

/// One key bound to one action in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
    /// What the help says.
    pub desc: String,
    /// Also shown in the hint line.
    pub hint: bool,
}

/// A row of the help: one action in one context with all its keys, first key first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The context.
    pub context: Context,
    /// The action.
    pub action: Action,
    /// Its keys that are not shadowed by a more specific context.
    pub keys: Vec<Key>,
    /// What the help says.
    pub desc: &'a str,
    /// Shown in the hint line.
    pub hint: bool,
}

impl Entry<'_> {
    /// All keys, joined for the help ("↓ j").
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Why a keymap file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// 1-based line in the file.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    keymap: Vec<toml::Spanned<Line>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    on: String,
    run: Action,
    desc: String,
    #[serde(default)]
    hint: bool,
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Every binding, in file order within each context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        // The embedded file is checked by a unit test, so this cannot fail in a build
        // that passed its tests; an empty keymap would still leave Ctrl-c to quit.
        Keymap::parse(DEFAULT).unwrap_or_else(|_| Keymap {
            bindings: Vec::new(),
        })
    }
}

impl Keymap {
    /// Reads a keymap file in the format of assets/keymap.toml.
    pub fn parse(text: &str) -> Result<Keymap, KeymapError> {
        let tables: BTreeMap<String, toml::Spanned<Table>> =
            toml::from_str(text).map_err(|e| KeymapError {
                line: e.span().map_or(1, |s| line_of(text, s.start)),
                message: e.message().to_owned(),
            })?;
        let mut bindings = Vec::new();
        for context in Context::ALL {
            let Some(table) = tables.get(context.name()) else {
                continue;
            };
            for line in &table.get_ref().keymap {
                let l = line.get_ref();
                let key = Key::parse(&l.on).ok_or_else(|| KeymapError {
                    line: line_of(text, line.span().start),
                    message: format!("[{}] unknown key `{}`", context.name(), l.on),
                })?;
                bindings.push(Binding {
                    context,
                    key,
                    action: l.run,
                    desc: l.desc.clone(),
                    hint: l.hint,
                });
            }
        }
        if let Some((name, t)) = tables.iter().find(|(n, _)| Context::parse(n).is_none()) {
            return Err(KeymapError {
                line: line_of(text, t.span().start),
                message: format!("unknown context [{name}]"),
            });
        }
        Ok(Keymap { bindings })
    }

    /// Every binding.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action of a key in the given contexts (searched in order).
    pub fn lookup(&self, key: Key, contexts: &[Context]) -> Option<Action> {
        contexts.iter().find_map(|&cx| {
            self.bindings
                .iter()
                .find(|b| b.context == cx && b.key == key)
                .map(|b| b.action)
        })
    }

    /// The help rows of the given contexts, without keys shadowed by an earlier context
    /// (an action whose keys are all shadowed is left out).
    pub fn active(&self, contexts: &[Context]) -> Vec<Entry<'_>> {
        let mut seen: Vec<Key> = Vec::new();
        let mut out: Vec<Entry> = Vec::new();
        for &cx in contexts {
            let start = out.len();
            for b in self.bindings.iter().filter(|b| b.context == cx) {
                if seen.contains(&b.key) {
                    continue;
                }
                seen.push(b.key);
                match out[start..]
                    .iter_mut()
                    .find(|e| e.action == b.action && e.desc == b.desc)
                {
                    Some(e) => {
                        e.keys.push(b.key);
                        e.hint |= b.hint;
                    }
                    None => out.push(Entry {
                        context: cx,
                        action: b.action,
                        keys: vec![b.key],
                        desc: &b.desc,
                        hint: b.hint,
                    }),
                }
            }
        }
        out
    }

    /// The actions bound anywhere in a context.
    pub fn actions_of(&self, context: Context) -> Vec<Action> {
        let mut out: Vec<Action> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context) {
            if !out.contains(&b.action) {
                out.push(b.action);
            }
        }
        out
    }

    /// Sets the keys of an action in a context (none: unbound), keeping its description;
    /// the new keys take precedence over other bindings of the same keys there.
    pub fn rebind(&mut self, context: Context, action: Action, keys: &[Key]) {
        let old: Vec<Binding> = self
            .bindings
            .iter()
            .filter(|b| b.context == context && b.action == action)
            .cloned()
            .collect();
        let (desc, hint) = old.first().map_or_else(
            || (action.name().unwrap_or_default().replace('_', " "), false),
            |b| (b.desc.clone(), old.iter().any(|b| b.hint)),
        );
        let goes =
            |b: &Binding| b.context == context && (b.action == action || keys.contains(&b.key));
        // The new keys take the place of the old ones (or open the context's table).
        let first = self
            .bindings
            .iter()
            .position(|b| b.context == context && b.action == action)
            .or_else(|| self.bindings.iter().position(|b| b.context == context))
            .unwrap_or(self.bindings.len());
        let at = self.bindings[..first].iter().filter(|b| !goes(b)).count();
        self.bindings.retain(|b| !goes(b));
        let new = keys.iter().enumerate().map(|(i, &key)| Binding {
            context,
            key,
            action,
            desc: desc.clone(),
            // The hint line shows an action once, by its first key.
            hint: hint && i == 0,
        });
        self.bindings.splice(at..at, new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(spec: &str) -> Key {
        Key::parse(spec).unwrap_or_else(|| panic!("{spec}"))
    }

    #[test]
    fn the_embedded_keymap_parses_and_covers_every_context() {
        let map = Keymap::parse(DEFAULT).expect("assets/keymap.toml");
        for cx in Context::ALL {
            assert!(!map.actions_of(cx).is_empty(), "{cx:?} has no keys");
        }
        assert_eq!(map, Keymap::default());
    }

    #[test]
    fn context_order_decides() {
        let map = Keymap::default();
        let main = [
            Context::Entities,
            Context::Main,
            Context::Navigation,
            Context::Global,
        ];
        assert_eq!(map.lookup(key("<Enter>"), &main), Some(Action::Enter));
        let shifted = Key::from_event(&KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT));
        assert_eq!(map.lookup(shifted, &main), Some(Action::PrevMention));
        assert_eq!(map.lookup(key("<C-c>"), &main), Some(Action::Quit));
        assert_eq!(map.lookup(key("c"), &main), Some(Action::Compare));
        assert_eq!(map.lookup(key("z"), &main), None);
        let help = [Context::Help, Context::Navigation, Context::Global];
        assert_eq!(map.lookup(key("q"), &help), Some(Action::Back));
    }

    #[test]
    fn active_groups_keys_and_hides_shadowed_ones() {
        let map = Keymap::default();
        let rows = map.active(&[Context::Help, Context::Navigation, Context::Global]);
        let down = rows
            .iter()
            .find(|e| e.action == Action::Down)
            .expect("down");
        assert_eq!(down.keys_label(), "↓ j");
        assert!(
            rows.iter().all(|e| e.action != Action::Help),
            "? closes the help"
        );
        let close = rows
            .iter()
            .find(|e| e.action == Action::Back)
            .expect("close");
        assert_eq!(close.keys_label(), "Esc ? q");
    }

    #[test]
    fn rebinding_moves_an_action_and_unbinding_removes_it() {
        let mut map = Keymap::default();
        map.rebind(Context::Main, Action::Events, &[key("t")]);
        let main = [Context::Main, Context::Global];
        assert_eq!(map.lookup(key("t"), &main), Some(Action::Events));
        assert_eq!(map.lookup(key("e"), &main), None);
        let row = map
            .active(&main)
            .into_iter()
            .find(|e| e.action == Action::Events);
        assert_eq!(
            row.map(|e| (e.keys_label(), e.hint, e.desc.to_owned())),
            Some(("t".into(), true, "events timeline".into()))
        );
        map.rebind(Context::Main, Action::Compare, &[]);
        assert_eq!(map.lookup(key("c"), &main), None);
        map.rebind(Context::Main, Action::Entities, &[key("t")]);
        assert_eq!(
            map.lookup(key("t"), &main),
            Some(Action::Entities),
            "the newer binding wins"
        );
    }

    #[test]
    fn bad_files_name_the_line() {
        let text =
            "[main]\nkeymap = [\n  { on = \"<Nope>\", run = \"events\", desc = \"x\" },\n]\n";
        let err = Keymap::parse(text).expect_err("bad key");
        assert_eq!(err.line, 3, "{err:?}");
        assert!(err.message.contains("<Nope>"));
        let err =
            Keymap::parse("[main]\nkeymap = [\n { on = \"e\", run = \"fly\", desc = \"x\" },\n]\n")
                .expect_err("bad action");
        assert_eq!(err.line, 3, "{err:?}");
        let err = Keymap::parse("[mian]\nkeymap = []\n").expect_err("bad context");
        assert!(err.message.contains("mian"));
    }
}
