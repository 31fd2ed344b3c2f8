//! Where dossier keeps its own files (XDG base directories), and the check that none of
//! them lies inside a corpus folder.

use std::path::{Path, PathBuf};

/// An XDG base directory from `var`, else `$HOME/fallback`; relative values are ignored, as
/// the XDG specification says.
fn base_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    let from_var = std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    from_var.or_else(|| {
        std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .map(|h| h.join(fallback))
    })
}

/// `$XDG_DATA_HOME/dossier/state.sqlite` (default `~/.local/share/dossier/state.sqlite`).
pub fn default_state_file() -> Option<PathBuf> {
    base_dir("XDG_DATA_HOME", ".local/share").map(|d| d.join("dossier").join("state.sqlite"))
}

/// `$XDG_CONFIG_HOME/dossier/overrides.toml` (default `~/.config/dossier/overrides.toml`).
pub fn default_overrides_file() -> Option<PathBuf> {
    base_dir("XDG_CONFIG_HOME", ".config").map(|d| d.join("dossier").join("overrides.toml"))
}

/// `$XDG_CACHE_HOME/dossier` (default `~/.cache/dossier`).
pub fn default_cache_dir() -> Option<PathBuf> {
    base_dir("XDG_CACHE_HOME", ".cache").map(|d| d.join("dossier"))
}

/// The path with symlinks resolved as far as it exists (the rest appended), so that a file
/// not yet created can still be compared with a folder.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // `..` is taken lexically, like the shell's `cd`.
    let mut lexical = PathBuf::new();
    for c in absolute.components() {
        match c {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            std::path::Component::CurDir => {}
            c => lexical.push(c),
        }
    }
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

/// True when `path` is `folder` or lies inside it (symlinks resolved).
pub fn is_inside(path: &Path, folder: &Path) -> bool {
    resolved(path).starts_with(resolved(folder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_files_inside_a_folder_even_before_they_exist() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        assert!(is_inside(&corpus.join("sub/../state.sqlite"), &corpus));
        assert!(is_inside(&corpus.join("new/deeper/x"), &corpus));
        assert!(!is_inside(&dir.path().join("state.sqlite"), &corpus));
        assert!(!is_inside(&dir.path().join("corpus2/x"), &corpus));
        assert!(!is_inside(&corpus.join("../elsewhere/x"), &corpus));
    }
}
