//! The user's config file: a theme and key rebindings, on top of the embedded defaults.
//! Found at `--config FILE`, else `$XDG_CONFIG_HOME/dossier/config.toml`, else
//! `~/.config/dossier/config.toml`. Every problem is reported with the file, the line
//! and the key at fault, and never stops dossier: a file that does not parse leaves the
//! defaults, a bad entry is skipped.
//!
//! ```toml
//! theme = "light"          # dark | light | ansi16
//! osc52 = false            # y/Y do not touch the clipboard
//! [keys.main]
//! events = "t"             # the events timeline on t instead of e
//! compare = ["c", "C"]     # several keys
//! entities = []            # unbound
//! ```

use super::keymap::action::Action;
use super::keymap::key::Key;
use super::keymap::{Context, Keymap, line_of};
use super::theme::Palette;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The configuration in effect.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The keys.
    pub keymap: Keymap,
    /// The palette.
    pub palette: Palette,
    /// What was wrong with the file, one line each (`FILE:LINE: what`).
    pub problems: Vec<String>,
    /// `osc52 = false`: `y` and `Y` do not send the clipboard sequence.
    pub no_osc52: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<Spanned<String>>,
    osc52: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<BTreeMap<String, Spanned<Keys>>>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// Where the config file is looked for when `--config` is not given.
pub fn default_path(xdg_config_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    let base = match xdg_config_home.filter(|p| p.is_absolute()) {
        Some(x) => x.to_path_buf(),
        None => home?.join(".config"),
    };
    Some(base.join("dossier").join("config.toml"))
}

/// Reads the config: `explicit` (which must exist), else the default place (which may
/// not). Never fails: problems are listed in the result.
pub fn load(explicit: Option<&Path>) -> Config {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path(env("XDG_CONFIG_HOME").as_deref(), env("HOME").as_deref()) {
            Some(p) if p.is_file() => p,
            _ => return Config::default(),
        },
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) => Config {
            problems: vec![format!("{}: {e} (using the default keys)", path.display())],
            ..Config::default()
        },
    }
}

/// Applies a config file's text (named `file` in messages) to the defaults.
pub fn parse(text: &str, file: &str) -> Config {
    let mut config = Config::default();
    let parsed: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            let msg = e.message().replace('\n', " ");
            config.problems.push(format!(
                "{file}:{line}: {} (the whole file is ignored; using the defaults)",
                msg.trim()
            ));
            return config;
        }
    };
    let at = |span: std::ops::Range<usize>| format!("{file}:{}", line_of(text, span.start));
    if let Some(theme) = &parsed.theme {
        match Palette::parse(theme.get_ref()) {
            Some(p) => config.palette = p,
            None => config.problems.push(format!(
                "{}: theme {:?} is not one of dark, light, ansi16 (ignored)",
                at(theme.span()),
                theme.get_ref()
            )),
        }
    }
    config.no_osc52 = parsed.osc52 == Some(false);
    let defaults = Keymap::default();
    for (table, actions) in &parsed.keys {
        let Some(context) = Context::parse(table) else {
            config.problems.push(format!(
                "{}: [keys.{table}] is not a context (ignored); contexts are {}",
                at(actions.span()),
                Context::ALL.map(Context::name).join(", ")
            ));
            continue;
        };
        for (name, keys) in actions.get_ref() {
            let place = format!("{}: [keys.{table}] {name}", at(keys.span()));
            match entry(&defaults, context, name, keys.get_ref()) {
                Ok((action, keys)) => config.keymap.rebind(context, action, &keys),
                Err(why) => config.problems.push(format!("{place}: {why} (ignored)")),
            }
        }
    }
    config
}

fn entry(
    defaults: &Keymap,
    context: Context,
    name: &str,
    keys: &Keys,
) -> Result<(Action, Vec<Key>), String> {
    let action = toml::Value::String(name.to_owned())
        .try_into::<Action>()
        .map_err(|_| format!("`{name}` is not an action"))?;
    if !defaults.actions_of(context).contains(&action) {
        let homes: Vec<&str> = Context::ALL
            .into_iter()
            .filter(|&c| defaults.actions_of(c).contains(&action))
            .map(Context::name)
            .collect();
        return Err(format!(
            "`{name}` does nothing in [{}]; it belongs to [{}]",
            context.name(),
            homes.join("], [")
        ));
    }
    let specs: Vec<&str> = match keys {
        Keys::One(s) => vec![s.as_str()],
        Keys::Many(v) => v.iter().map(String::as_str).collect(),
    };
    let keys = specs
        .iter()
        .map(|s| Key::parse(s).ok_or_else(|| format!("`{s}` is not a key")))
        .collect::<Result<Vec<Key>, String>>()?;
    Ok((action, keys))
}

/// A config file that sets every default explicitly, for `--print-default-config`.
pub fn default_text() -> String {
    let mut out = String::from(
        "# dossier's configuration, with every default spelled out. Save it as\n\
         # $XDG_CONFIG_HOME/dossier/config.toml (or ~/.config/dossier/config.toml, or pass\n\
         # --config FILE) and keep only what you change.\n\
         #\n\
         # theme: dark (for dark backgrounds), light, or ansi16 (the 16 ANSI colours only;\n\
         # also used when the terminal advertises neither 256 colours nor truecolor).\n\
         # NO_COLOR=1 always gives a monochrome screen.\n\
         theme = \"dark\"\n\
         \n\
         # y and Y copy to the clipboard with the OSC 52 escape sequence (works over ssh;\n\
         # in tmux, `set -g set-clipboard on`); false turns it off.\n\
         osc52 = true\n\
         \n\
         # Keys per context: action = \"key\" or [\"key\", \"key\"]; [] unbinds. Keys are\n\
         # one character or <…>: <Enter> <Esc> <Tab> <S-Tab> <C-d> <A-x> <PageDown> <F1>.\n",
    );
    let map = Keymap::default();
    for context in Context::ALL {
        out.push_str(&format!("\n[keys.{}]\n", context.name()));
        for action in map.actions_of(context) {
            let keys: Vec<String> = map
                .bindings()
                .iter()
                .filter(|b| b.context == context && b.action == action)
                .map(|b| format!("{:?}", b.key.spec()))
                .collect();
            let name = action.name().unwrap_or_default();
            let desc = map
                .bindings()
                .iter()
                .find(|b| b.context == context && b.action == action)
                .map_or("", |b| b.desc.as_str());
            let value = match keys.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            out.push_str(&format!("{name} = {value}  # {desc}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn rebinds_unbinds_and_picks_a_theme() {
        let c = parse(
            "theme = \"light\"\n[keys.main]\nevents = \"t\"\nentities = []\n[keys.navigation]\ndown = [\"j\", \"<C-n>\"]\n",
            "c.toml",
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.palette, Palette::Light);
        let main = [Context::Main, Context::Navigation, Context::Global];
        assert_eq!(c.keymap.lookup(key("t"), &main), Some(Action::Events));
        assert_eq!(c.keymap.lookup(key("e"), &main), None);
        assert_eq!(c.keymap.lookup(key("i"), &main), None);
        assert_eq!(c.keymap.lookup(key("<C-n>"), &main), Some(Action::Down));
        assert_eq!(c.keymap.lookup(key("<Down>"), &main), None);
    }

    #[test]
    fn a_file_that_does_not_parse_names_its_line_and_leaves_the_defaults() {
        let c = parse("theme = \"dark\"\n[keys.main]\nevents = \"t\n", "my.toml");
        assert_eq!(c.keymap, Keymap::default());
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].starts_with("my.toml:3:"), "{:?}", c.problems);
        let c = parse("colour = \"red\"\n", "my.toml");
        assert!(
            c.problems[0].starts_with("my.toml:1:") && c.problems[0].contains("colour"),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn bad_entries_name_file_line_and_key_and_the_rest_applies() {
        let text = "theme = \"neon\"\n[keys.main]\nevents = \"t\"\nswap = \"w\"\ncompare = \"<Nope>\"\nfly = \"f\"\n[keys.mian]\nx = \"y\"\n";
        let c = parse(text, "k.toml");
        let main = [Context::Main, Context::Global];
        assert_eq!(c.keymap.lookup(key("t"), &main), Some(Action::Events));
        assert_eq!(c.keymap.lookup(key("c"), &main), Some(Action::Compare));
        let all = c.problems.join("\n");
        for want in [
            "k.toml:1: theme \"neon\"",
            "k.toml:4: [keys.main] swap: `swap` does nothing in [main]; it belongs to [compare]",
            "k.toml:5: [keys.main] compare: `<Nope>` is not a key",
            "k.toml:6: [keys.main] fly: `fly` is not an action",
            "[keys.mian] is not a context",
        ] {
            assert!(all.contains(want), "missing {want:?} in\n{all}");
        }
        assert_eq!(c.problems.len(), 5);
    }

    #[test]
    fn the_printed_default_config_reads_back_as_the_defaults() {
        let text = default_text();
        let c = parse(&text, "default");
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.keymap, Keymap::default());
        assert_eq!(c.palette, Palette::Dark);
        assert!(
            text.contains("[keys.compare]") && text.contains("swap = \"s\""),
            "{text}"
        );
    }

    #[test]
    fn looks_in_xdg_then_home() {
        let p = default_path(Some(Path::new("/x/cfg")), Some(Path::new("/home/u")));
        assert_eq!(p, Some(PathBuf::from("/x/cfg/dossier/config.toml")));
        let p = default_path(Some(Path::new("relative")), Some(Path::new("/home/u")));
        assert_eq!(
            p,
            Some(PathBuf::from("/home/u/.config/dossier/config.toml"))
        );
        assert_eq!(default_path(None, None), None);
    }
}
