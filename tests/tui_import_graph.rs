//! The crate's module graph, read from its sources: every `use` (and every inline path)
//! starting with `crate::`, `super::`, `self::` or one of the module's own child
//! modules is an arrow from the module that writes it to the module that defines what
//! it names (a `pub use` re-export is followed to the original). There must be no
//! circle, `src/tui` must not point at `src/cli`, and `src/model` must not use the
//! terminal crates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `src/a/b.rs` → `[a, b]`; `src/a/mod.rs` → `[a]`; `src/lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Option<Module> {
    let rel = file.strip_prefix(src).ok()?;
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    match last.as_str() {
        "lib.rs" if parts.is_empty() => {}
        "main.rs" if parts.is_empty() => return None,
        "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_owned()),
    }
    Some(parts)
}

/// The code without comments and string literals (so docs and messages are not read).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if b[i] == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if b[i] == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == '\'' && b.get(i + 2) == Some(&'\'') {
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// The file without its inline test module (`#[cfg(test)] mod tests { … }`, last in the
/// file by this repository's convention): a module of its own, whose arrows are not
/// the file's.
fn without_inline_tests(text: &str) -> &str {
    let mut at = 0;
    while let Some(i) = text[at..].find("#[cfg(test)]") {
        let start = at + i;
        let rest = text[start + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod ")
            && rest
                .split('\n')
                .next()
                .is_some_and(|l| l.trim_end().ends_with('{'))
        {
            return &text[..start];
        }
        at = start + 1;
    }
    text
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.to_owned()];
    };
    let prefix = tree[..open].trim().trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| match p.as_str() {
            "self" => prefix.to_owned(),
            _ => format!("{prefix}::{p}"),
        })
        .collect()
}

/// Every `use` path of a file, and whether it is a `pub use` (a re-export).
fn uses(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = &rest[..at];
        let is_word = before
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let public = before.trim_end().ends_with("pub") || before.trim_end().ends_with(')');
        rest = &rest[at + 4..];
        if !is_word {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        for p in expand(&rest[..end]) {
            out.push((public, p.split_whitespace().collect::<String>()));
        }
        rest = &rest[end + 1..];
    }
    out
}

/// Inline paths (`crate::model::compare::suggest_for(..)`) outside `use` statements.
fn inline_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let text: String = chars.iter().collect();
    for root in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(root) {
            let at = from + i;
            from = at + root.len();
            if text[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            {
                continue;
            }
            let path: String = text[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path.trim_end_matches(':').to_owned());
        }
    }
    out
}

struct Crate {
    modules: BTreeSet<Module>,
    /// Per module, its `pub use` re-exports: name → absolute path.
    reexports: BTreeMap<Module, BTreeMap<String, Module>>,
}

/// An absolute path (as segments) of `path` written in module `m`, one of `modules`:
/// from the crate root, `self`, `super`, or one of `m`'s own child modules.
fn absolute(m: &Module, path: &str, modules: &BTreeSet<Module>) -> Option<Module> {
    let mut segs = path.split("::").filter(|s| !s.is_empty());
    let mut out: Module = match segs.next()? {
        "crate" => Vec::new(),
        "self" => m.clone(),
        "super" => {
            let mut p = m.clone();
            p.pop();
            p
        }
        child => {
            let mut p = m.clone();
            p.push(child.to_owned());
            if !modules.contains(&p) {
                return None;
            }
            p
        }
    };
    for s in segs {
        if s == "super" {
            out.pop();
        } else {
            out.push(s.to_owned());
        }
    }
    Some(out)
}

impl Crate {
    /// The module that defines what an absolute path names, following re-exports.
    fn resolve(&self, path: &Module, depth: usize) -> Option<Module> {
        let module = (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| self.modules.contains(p))?;
        if depth < 8
            && let Some(name) = path.get(module.len())
            && let Some(target) = self.reexports.get(&module).and_then(|r| r.get(name))
        {
            let mut full = target.clone();
            full.extend(path[module.len() + 1..].iter().cloned());
            return self.resolve(&full, depth + 1).or(Some(module));
        }
        Some(module)
    }
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut code: BTreeMap<Module, String> = BTreeMap::new();
    for f in &all {
        if let Some(m) = module_of(&src, f) {
            let text = std::fs::read_to_string(f).expect("read a source file");
            code.insert(m, code_only(without_inline_tests(&text)));
        }
    }
    let mut krate = Crate {
        modules: code.keys().cloned().collect(),
        reexports: BTreeMap::new(),
    };
    for (m, c) in &code {
        for (public, p) in uses(c) {
            if let (true, Some(abs)) = (public, absolute(m, &p, &krate.modules)) {
                let name = abs.last().cloned().unwrap_or_default();
                krate
                    .reexports
                    .entry(m.clone())
                    .or_default()
                    .insert(name, abs);
            }
        }
    }
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, c) in &code {
        let paths = uses(c).into_iter().map(|u| u.1).chain(inline_paths(c));
        for p in paths {
            let Some(abs) = absolute(m, &p, &krate.modules) else {
                continue;
            };
            // A child naming something its ancestor defines is an arrow too.
            if let Some(target) = krate.resolve(&abs, 0)
                && &target != m
            {
                edges.entry(m.clone()).or_default().insert(target);
            }
        }
        edges.entry(m.clone()).or_default();
    }
    edges
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        format!("crate::{}", m.join("::"))
    }
}

/// A circle in the graph, if there is one.
fn find_circle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        m: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        marks.insert(m.clone(), Mark::Open);
        stack.push(m.clone());
        for next in edges.get(m).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = stack.iter().position(|s| s == next).unwrap_or(0);
                    let mut circle = stack[from..].to_vec();
                    circle.push(next.clone());
                    return Some(circle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, edges, marks, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(m.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for m in edges.keys() {
        if marks.get(m).copied().unwrap_or(Mark::New) == Mark::New
            && let Some(c) = visit(m, edges, &mut marks, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

#[test]
fn there_is_no_import_circle_in_src() {
    let edges = graph();
    assert!(edges.len() > 50, "only {} modules read", edges.len());
    if let Some(circle) = find_circle(&edges) {
        let shown: Vec<String> = circle.iter().map(name).collect();
        panic!("import circle: {}", shown.join(" → "));
    }
}

#[test]
fn the_interface_imports_nothing_from_the_command_line() {
    for (m, targets) in graph() {
        if m.first().map(String::as_str) == Some("tui") {
            for t in targets {
                assert_ne!(
                    t.first().map(String::as_str),
                    Some("cli"),
                    "{} → {}",
                    name(&m),
                    name(&t)
                );
            }
        }
    }
}

#[test]
fn the_model_uses_no_terminal_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("model");
    let mut all = Vec::new();
    files(&src, &mut all);
    for f in all {
        let code = code_only(&std::fs::read_to_string(&f).expect("read"));
        for banned in ["ratatui", "crossterm"] {
            assert!(!code.contains(banned), "{} uses {banned}", f.display());
        }
    }
}

#[test]
fn the_reader_of_the_graph_sees_circles() {
    // The checker itself: a made-up pair of modules naming each other is a circle,
    // a re-export is followed to where the item lives, and comments are not read.
    let a: Module = vec!["a".into()];
    let b: Module = vec!["b".into()];
    let mut edges = BTreeMap::new();
    edges.insert(a.clone(), BTreeSet::from([b.clone()]));
    edges.insert(b.clone(), BTreeSet::from([a.clone()]));
    assert!(find_circle(&edges).is_some());
    edges.insert(b, BTreeSet::new());
    assert!(find_circle(&edges).is_none());
    assert_eq!(
        expand("super::{app::App, keymap::{Context, key::Key}, self}"),
        [
            "super::app::App",
            "super::keymap::Context",
            "super::keymap::key::Key",
            "super"
        ]
    );
    assert_eq!(
        code_only("x // use crate::cli;\n\"use crate::cli\""),
        "x \n\"\""
    );
    let krate = Crate {
        modules: BTreeSet::from([vec![], vec!["m".into()], vec!["m".into(), "inner".into()]]),
        reexports: BTreeMap::from([(
            vec!["m".into()],
            BTreeMap::from([(
                "Thing".to_owned(),
                vec!["m".into(), "inner".into(), "Thing".into()],
            )]),
        )]),
    };
    assert_eq!(
        krate.resolve(&vec!["m".into(), "Thing".into()], 0),
        Some(vec!["m".to_owned(), "inner".to_owned()])
    );
    // A path through one of the module's own children is read; any other bare path
    // (an outside crate's) is not.
    let m: Module = vec!["m".into()];
    assert_eq!(
        absolute(&m, "inner::Thing", &krate.modules),
        Some(vec!["m".to_owned(), "inner".to_owned(), "Thing".to_owned()])
    );
    assert_eq!(absolute(&m, "serde::Deserialize", &krate.modules), None);
}
