use super::header::{FORMAT, MAGIC};
use super::*;
use crate::model::document::Document;
use crate::model::load::{Observer, Quiet};
use crate::model::overrides::Overrides;
use crate::model::snapshot::tests::assert_same;
use crate::model::synth;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts the batches of built documents (a load from the cache builds none) and the
/// stages that kept the documents of unchanged files.
#[derive(Default)]
struct Batches(AtomicUsize, AtomicUsize);

impl Observer for Batches {
    fn documents(&self, _first: usize, _batch: &[Document]) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    fn stage(&self, name: &'static str, _took: Duration) {
        if name == "reading new and changed files" {
            self.1.fetch_add(1, Ordering::Relaxed);
        }
    }
}

struct Setup {
    _tmp: tempfile::TempDir,
    corpus: PathBuf,
    cache: Cache,
}

impl Setup {
    fn new(articles: usize) -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("articles");
        synth::write_dir(&synth::corpus(articles, 7), &corpus).unwrap();
        age(&corpus);
        let cache = Cache::at(tmp.path().join("cache"));
        Setup {
            _tmp: tmp,
            corpus,
            cache,
        }
    }

    fn source(&self) -> CorpusSource {
        CorpusSource::Folder(self.corpus.clone())
    }

    /// Loads through the cache; also says whether anything was built.
    fn load(&self, overrides: Option<&Overrides>) -> (Corpus, bool) {
        let (corpus, built, _) = self.load_keeping(overrides);
        (corpus, built)
    }

    /// [`Setup::load`], also saying whether the documents of unchanged files were kept.
    fn load_keeping(&self, overrides: Option<&Overrides>) -> (Corpus, bool, bool) {
        let batches = Batches::default();
        let options = BuildOptions {
            overrides,
            observer: &batches,
        };
        let corpus = load(&self.source(), options, Some(&self.cache)).unwrap();
        let built = batches.0.load(Ordering::Relaxed) > 0;
        (corpus, built, batches.1.load(Ordering::Relaxed) > 0)
    }

    fn cache_file(&self) -> PathBuf {
        self.cache.dir().join(file_name(&self.source()))
    }
}

/// Dates every file under `dir` an hour back, as files that have settled.
fn age(dir: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path);
        } else {
            let file = fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(hour_ago).unwrap();
        }
    }
}

#[test]
fn an_unchanged_folder_comes_back_from_the_cache() {
    let s = Setup::new(12);
    let (first, built) = s.load(None);
    assert!(built);
    assert_eq!(first.cache_note, None);
    assert!(s.cache_file().is_file());
    let (second, built) = s.load(None);
    assert!(!built, "the second load must come from the cache");
    assert_eq!(second.cache_note, None);
    assert_same(&first, &second);
    let fresh = Corpus::load_dir(&s.corpus).unwrap();
    assert_same(&fresh, &second);
}

#[test]
fn a_new_hard_link_to_the_program_keeps_the_cache() {
    let s = Setup::new(3);
    let (first, _) = s.load(None);
    // A second name for the running binary changes its inode's change time only.
    let exe = std::env::current_exe().unwrap();
    let link = exe.with_file_name(format!("dossier-link-test-{}", std::process::id()));
    fs::hard_link(&exe, &link).unwrap();
    let (second, built) = s.load(None);
    fs::remove_file(&link).unwrap();
    assert!(!built, "a hard link is not a new program");
    assert_same(&first, &second);
}

#[test]
fn a_new_or_edited_file_rebuilds_the_model() {
    let s = Setup::new(6);
    let (before, _) = s.load(None);
    fs::write(
        s.corpus.join("extra.txt"),
        "Navy cadets visit Da Nang\n\nThe training ship docked on Monday for a three-day visit.",
    )
    .unwrap();
    age(&s.corpus);
    let (after, built) = s.load(None);
    assert!(built);
    assert_eq!(after.documents.len(), before.documents.len() + 1);
    assert!(after.document("extra").is_some());
    // An edit, even one that is not yet settled, is seen.
    fs::write(
        s.corpus.join("extra.txt"),
        "Navy cadets visit Hai Phong\n\nThe training ship docked on Monday for a three-day visit.",
    )
    .unwrap();
    let (edited, built) = s.load(None);
    assert!(built);
    let i = edited.document("extra").unwrap();
    assert!(edited.documents[i].title.contains("Hai Phong"));
}

/// Where the first segment of a cache file starts: after the header, the `KEY BASE
/// COUNT BASES` line and one table line per segment.
fn first_segment(saved: &[u8]) -> usize {
    let text = String::from_utf8_lossy(saved);
    let mut lines = text.split('\n');
    let (header, second) = (lines.next().unwrap(), lines.next().unwrap());
    let words: Vec<usize> = second
        .split(' ')
        .skip(2)
        .map(|w| w.parse().unwrap())
        .collect();
    header.len() + second.len() + 2 + (words[0] + words[1]) * TABLE_LINE
}

#[test]
fn a_changed_folder_keeps_the_documents_of_unchanged_files() {
    let s = Setup::new(12);
    s.load(None);
    let edited = s.corpus.join("gen/gen_000003.txt");
    let mut text = fs::read_to_string(&edited).unwrap();
    text.push_str("\n\nThe delegation also visited a naval academy in Nha Trang.\n");
    fs::write(&edited, text).unwrap();
    fs::remove_file(s.corpus.join("gen/gen_000007.txt")).unwrap();
    fs::write(
        s.corpus.join("gen/added.txt"),
        "Coast guards train together\n\nHAI PHONG (Port Herald) - Coast guard crews of two \
         countries held a joint search-and-rescue drill on Friday.",
    )
    .unwrap();
    age(&s.corpus);
    let (after, built, kept) = s.load_keeping(None);
    assert!(
        built && kept,
        "unchanged documents are kept, the rest built"
    );
    assert_eq!(after.cache_note, None);
    let fresh = Corpus::load_dir(&s.corpus).unwrap();
    assert_same(&fresh, &after);
    assert!(after.document("gen_000007").is_none());
    let i = after.document("gen_000003").unwrap();
    assert!(
        after.documents[i]
            .fields()
            .any(|(_, t)| t.contains("Nha Trang"))
    );
    let (again, built) = s.load(None);
    assert!(!built, "the rebuilt model is cached whole");
    assert_same(&fresh, &again);
}

#[test]
fn damaged_bases_rebuild_a_changed_folder_from_scratch_with_one_note() {
    let s = Setup::new(6);
    s.load(None);
    let mut saved = fs::read(s.cache_file()).unwrap();
    // The bases are the last segment; flip a byte in it.
    let last = saved.len() - 3;
    saved[last] ^= 0x01;
    fs::write(s.cache_file(), saved).unwrap();
    fs::write(
        s.corpus.join("gen/added.txt"),
        "Drills\n\nNavy drills began on Monday.",
    )
    .unwrap();
    age(&s.corpus);
    let (after, built, kept) = s.load_keeping(None);
    assert!(built && !kept);
    let note = after.cache_note.clone().unwrap_or_default();
    assert!(note.contains("damaged"), "{note}");
    assert_same(&Corpus::load_dir(&s.corpus).unwrap(), &after);
}

#[test]
fn other_overrides_rebuild_the_model() {
    let s = Setup::new(4);
    s.load(None);
    let o = Overrides::parse("[\"gen_000001\"]\ntitle = \"A corrected headline\"\n");
    assert!(o.problems().is_empty());
    let (corrected, built) = s.load(Some(&o));
    assert!(built);
    let i = corrected.document("gen_000001").unwrap();
    assert_eq!(corrected.documents[i].title, "A corrected headline");
    let (again, built) = s.load(Some(&o));
    assert!(!built);
    assert_eq!(again.documents[i].title, "A corrected headline");
}

#[test]
fn a_damaged_cache_is_rebuilt_with_one_note() {
    let s = Setup::new(5);
    let (good, _) = s.load(None);
    let saved = fs::read(s.cache_file()).unwrap();
    let mut flipped = saved.clone();
    flipped[first_segment(&saved) + 3] ^= 0x20;
    // The header and the table are text lines; the segments after them are binary.
    let mut other_version = format!("{MAGIC} 999 ").into_bytes();
    other_version.extend(&saved[format!("{MAGIC} {FORMAT} ").len()..]);
    assert!(saved.starts_with(format!("{MAGIC} {FORMAT} ").as_bytes()));
    let line_ends: Vec<usize> = saved
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .take(3)
        .collect();
    let table_line = std::str::from_utf8(&saved[line_ends[1] + 1..line_ends[2]]).unwrap();
    let sum = table_line.split_once(' ').unwrap().1;
    let mut overflowing = saved[..=line_ends[1]].to_vec();
    overflowing.extend(format!("{} {sum}", u64::MAX).into_bytes());
    overflowing.extend(&saved[line_ends[2]..]);
    let damages: [(&str, Vec<u8>, &str); 6] = [
        ("segment length past any file", overflowing, "damaged"),
        ("truncated", saved[..saved.len() / 2].to_vec(), "truncated"),
        ("empty", Vec::new(), "not a dossier cache"),
        (
            "random",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "not a dossier cache",
        ),
        ("other version", other_version, "another version"),
        ("one byte flipped", flipped, "damaged"),
    ];
    for (what, bytes, reason) in damages {
        fs::write(s.cache_file(), bytes).unwrap();
        let (rebuilt, built) = s.load(None);
        assert!(built, "{what}");
        let note = rebuilt.cache_note.clone().unwrap_or_default();
        let note: &str = &note;
        assert!(note.contains(reason), "{what}: {note}");
        assert_same(&good, &rebuilt);
        let (next, built) = s.load(None);
        assert!(!built && next.cache_note.is_none(), "{what}: written anew");
    }
}

#[test]
fn files_written_a_moment_ago_are_not_cached() {
    let s = Setup::new(3);
    fs::write(
        s.corpus.join("just-now.txt"),
        "Fresh text\n\nWritten a moment ago.",
    )
    .unwrap();
    s.load(None);
    assert!(!s.cache_file().exists());
}

#[test]
fn a_cache_folder_inside_the_corpus_is_never_written() {
    let s = Setup::new(3);
    let inside = Cache::at(s.corpus.join("cache"));
    let options = BuildOptions {
        overrides: None,
        observer: &Quiet,
    };
    load(&s.source(), options, Some(&inside)).unwrap();
    assert!(!s.corpus.join("cache").exists());
}

#[test]
fn the_seeds_are_cached_too() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path().to_path_buf());
    let options = BuildOptions {
        overrides: None,
        observer: &Quiet,
    };
    let first = load(&CorpusSource::Seeds, options, Some(&cache)).unwrap();
    assert!(tmp.path().join("seeds.cache").is_file());
    let second = load(&CorpusSource::Seeds, options, Some(&cache)).unwrap();
    assert_same(&first, &second);
}
