//! Editing a note in the user's editor, the way git does: `$VISUAL`, else `$EDITOR`, else
//! `vi`, run through `sh -c` (so `EDITOR="code --wait"` works) on a temporary file outside
//! the corpus. The interface leaves the alternate screen around the call.

use std::fmt;
use std::io::Write;
use std::process::Command;

/// Why editing did not produce a text.
#[derive(Debug)]
pub enum EditError {
    /// The temporary file could not be written or read back.
    Io(std::io::Error),
    /// The editor could not be started.
    Spawn(String, std::io::Error),
    /// The editor exited with a failure (`:cq` in vi); the note is left unchanged.
    Failed(String, std::process::ExitStatus),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = |s: &str| crate::model::text::sanitize(s).into_owned();
        match self {
            EditError::Io(e) => write!(f, "the note's temporary file: {e}"),
            EditError::Spawn(cmd, e) => write!(f, "cannot start the editor {:?}: {e}", clean(cmd)),
            EditError::Failed(cmd, status) => {
                write!(
                    f,
                    "the editor {:?} failed ({status}); note unchanged",
                    clean(cmd)
                )
            }
        }
    }
}

impl std::error::Error for EditError {}

/// The editor command the user chose: `$VISUAL`, else `$EDITOR`, else `vi` (blank values
/// are skipped).
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| v.trim().to_owned())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Opens `text` in the user's editor ([`editor_command`]) and returns the saved text.
/// The caller must give the editor the terminal (leave raw mode and the alternate screen).
pub fn edit(text: &str) -> Result<String, EditError> {
    edit_with(&editor_command(), text)
}

/// Opens `text` in `editor` (a shell command, given the file as its last argument) and
/// returns the saved text with trailing blank lines removed. The temporary file is
/// `dossier-note-*.md` in the system's temporary folder, removed afterwards.
pub fn edit_with(editor: &str, text: &str) -> Result<String, EditError> {
    let mut file = tempfile::Builder::new()
        .prefix("dossier-note-")
        .suffix(".md")
        .tempfile()
        .map_err(EditError::Io)?;
    file.write_all(text.as_bytes()).map_err(EditError::Io)?;
    if !text.is_empty() && !text.ends_with('\n') {
        file.write_all(b"\n").map_err(EditError::Io)?;
    }
    file.flush().map_err(EditError::Io)?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(file.path())
        .status()
        .map_err(|e| EditError::Spawn(editor.to_owned(), e))?;
    if !status.success() {
        return Err(EditError::Failed(editor.to_owned(), status));
    }
    // Editors often replace the file rather than write into it: read it by path.
    let bytes = std::fs::read(file.path()).map_err(EditError::Io)?;
    let saved = String::from_utf8_lossy(&bytes);
    Ok(saved.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn returns_what_the_editor_saved() {
        let got = edit_with("sed -i 's/draft/final/'", "a draft note").unwrap();
        assert_eq!(got, "a final note");
        // An editor that replaces the file instead of writing into it.
        let got = edit_with(
            "f() { printf 'new\\n\\n' > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"; }; f",
            "old",
        )
        .unwrap();
        assert_eq!(got, "new");
    }

    #[test]
    fn a_failing_editor_changes_nothing() {
        let err = edit_with("false", "keep me").unwrap_err();
        assert!(matches!(err, EditError::Failed(..)), "{err}");
        assert!(err.to_string().contains("note unchanged"));
    }

    #[test]
    fn the_file_is_outside_the_current_folder_and_removed() {
        let got = edit_with("f() { printf '%s' \"$1\" > \"$1\"; }; f", "").unwrap();
        let path = std::path::Path::new(&got);
        assert!(path.starts_with(std::env::temp_dir()), "{got}");
        assert_eq!(path.extension().and_then(|e| e.to_str()), Some("md"));
        assert!(!path.exists(), "the temporary file is removed");
    }
}
