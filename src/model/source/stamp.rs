//! What a file looked like when it was read: enough to tell later, without reading it,
//! whether it may have changed (the size and times `git status` trusts).

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A file's size and its modification and change times, in nanoseconds since 1970
/// (0 when the system does not say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileStamp {
    /// Bytes (`u64::MAX` for a file that could not be looked at).
    pub size: u64,
    /// When its content last changed.
    pub modified_ns: u64,
    /// When its content or its inode last changed (a rename, a new link).
    pub changed_ns: u64,
}

impl FileStamp {
    /// The stamp of `path` now; a file that cannot be looked at gets a stamp no real
    /// file has, so it never matches.
    pub fn of(path: &Path) -> FileStamp {
        fs::metadata(path).map_or(
            FileStamp {
                size: u64::MAX,
                ..FileStamp::default()
            },
            |m| FileStamp::of_metadata(&m),
        )
    }

    /// The stamp in `meta`.
    pub fn of_metadata(meta: &fs::Metadata) -> FileStamp {
        let since = |t: SystemTime| t.duration_since(SystemTime::UNIX_EPOCH).ok();
        let nanos = |d: Duration| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
        FileStamp {
            size: meta.len(),
            modified_ns: meta.modified().ok().and_then(since).map_or(0, nanos),
            changed_ns: changed_ns(meta),
        }
    }

    /// The stamp as bytes, to hash into a key.
    pub fn bytes(&self) -> [u8; 24] {
        let mut out = [0; 24];
        out[..8].copy_from_slice(&self.size.to_le_bytes());
        out[8..16].copy_from_slice(&self.modified_ns.to_le_bytes());
        out[16..].copy_from_slice(&self.changed_ns.to_le_bytes());
        out
    }

    /// True when the file was last modified at least `age` before `now`: a second edit
    /// within the file system's timestamp granularity would not change the stamp.
    pub fn older_than(&self, age: Duration, now: SystemTime) -> bool {
        let modified = SystemTime::UNIX_EPOCH + Duration::from_nanos(self.modified_ns);
        self.modified_ns > 0 && now.duration_since(modified).is_ok_and(|since| since >= age)
    }
}

#[cfg(unix)]
fn changed_ns(m: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let seconds = u64::try_from(m.ctime()).unwrap_or(0);
    let nanos = u64::try_from(m.ctime_nsec()).unwrap_or(0);
    seconds.saturating_mul(1_000_000_000).saturating_add(nanos)
}

#[cfg(not(unix))]
fn changed_ns(_: &fs::Metadata) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewritten_file_gets_another_stamp_and_a_missing_one_matches_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        fs::write(&path, "one").expect("write");
        let first = FileStamp::of(&path);
        assert_eq!(first.size, 3);
        assert_eq!(first, FileStamp::of(&path), "nothing changed");
        fs::write(&path, "three").expect("write");
        assert_ne!(first, FileStamp::of(&path));
        let missing = FileStamp::of(&dir.path().join("b.txt"));
        assert_eq!(missing.size, u64::MAX);
    }

    #[test]
    fn a_file_just_written_is_not_yet_settled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        fs::write(&path, "one").expect("write");
        let stamp = FileStamp::of(&path);
        let now = SystemTime::now();
        assert!(!stamp.older_than(Duration::from_secs(2), now));
        assert!(stamp.older_than(Duration::from_secs(2), now + Duration::from_secs(3)));
        assert!(
            !FileStamp::default().older_than(Duration::ZERO, now),
            "no time known"
        );
    }
}
