//! The first line of every cache file: which dossier, file layout and data wrote it.

/// The first word of every cache file.
pub(super) const MAGIC: &str = "dossier-cache";
/// The layout of the file and of the snapshot in it; bump when either changes.
pub(super) const FORMAT: u32 = 8;

/// The line that says which dossier wrote a cache file.
pub(super) fn header() -> String {
    format!(
        "{MAGIC} {FORMAT} {} {}",
        env!("CARGO_PKG_VERSION"),
        env!("DOSSIER_DATA_HASH")
    )
}
