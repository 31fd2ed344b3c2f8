use super::*;
use crate::model::snapshot::tests::assert_same;
use std::sync::Mutex;

/// A short wire report with one glued word missing from the word list.
const GLUED: &str = "Navy chiefs meet in Da Nang\n\nDA NANG, March 4 (Coastal News) - \
    Navy chiefs of four countries met here on Tuesday to discuss seastrength and \
    search-and-rescue drills planned for the autumn.";
/// Another report using the same word often enough to make it a word of the corpus.
const REPEATS: &str = "Seastrength on the agenda\n\nHAI PHONG, March 6 (Harbour Daily) - \
    Officers said seastrength matters. The seastrength of a fleet, they said, is \
    its crews.";

fn file(name: &str, text: &str) -> RawFile {
    RawFile {
        id: name.into(),
        path: format!("{name}.txt"),
        text: text.into(),
        warnings: Vec::new(),
        stamp: Some(FileStamp {
            size: text.len() as u64,
            modified_ns: 1,
            changed_ns: 1,
        }),
    }
}

/// The corpus of `files` built from scratch, and its documents' bases.
fn built(files: &[RawFile]) -> (Corpus, Vec<Basis>) {
    let mut corpus = Corpus::build(files.to_vec(), Vec::new());
    let bases = corpus.take_basis();
    (corpus, bases)
}

/// Document `i` of `corpus` as a kept input, its title changed to tell it apart.
fn kept(corpus: &Corpus, bases: &[Basis], i: usize, title: &str) -> Input {
    let mut document = corpus.documents[i].clone();
    document.title = title.into();
    Input::Kept(Box::new(Kept {
        id: document.id.clone(),
        document,
        hash: corpus.content_hash(i).expect("hashed"),
        basis: bases[i].clone(),
    }))
}

#[test]
fn the_basis_says_what_the_cleaning_looked_up() {
    let (corpus, bases) = built(&[file("a", GLUED)]);
    assert!(corpus.documents[0].body[0].contains("discuss sea strength and"));
    assert_eq!(
        bases[0].asked.iter().collect::<Vec<_>>(),
        [("seastrength", false)]
    );
    assert_eq!(
        bases[0].words.iter().collect::<Vec<_>>(),
        [("seastrength", 1)]
    );
    assert_eq!(bases[0].file, file("a", GLUED).stamp);
}

#[test]
fn a_document_that_still_holds_is_kept_as_it_was() {
    let (first, bases) = built(&[file("a", GLUED), file("b", REPEATS)]);
    let inputs = vec![
        kept(&first, &bases, 0, "as kept"),
        Input::Read(file("b", REPEATS)),
    ];
    let never =
        |p: &str| -> Result<(String, Vec<String>, FileStamp), String> { panic!("{p} read again") };
    let corpus = build(inputs, Vec::new(), BuildOptions::default(), &never);
    assert_eq!(corpus.documents[0].title, "as kept");
    assert_eq!(corpus.documents[1], first.documents[1]);
}

#[test]
fn a_document_whose_counts_changed_is_read_and_cleaned_again() {
    let (alone, bases) = built(&[file("a", GLUED)]);
    let asked = Mutex::new(Vec::new());
    let again = |p: &str| {
        asked.lock().unwrap().push(p.to_owned());
        let f = file("a", GLUED);
        Ok((f.text, f.warnings, f.stamp.unwrap()))
    };
    let inputs = vec![
        kept(&alone, &bases, 0, "stale"),
        Input::Read(file("b", REPEATS)),
    ];
    let mut corpus = build(inputs, Vec::new(), BuildOptions::default(), &again);
    assert_eq!(*asked.lock().unwrap(), ["a.txt"]);
    // Three uses in the corpus make it a word: no longer split.
    assert!(corpus.documents[0].body[0].contains("discuss seastrength and"));
    let (fresh, fresh_bases) = built(&[file("a", GLUED), file("b", REPEATS)]);
    assert_same(&corpus, &fresh);
    assert_eq!(corpus.take_basis(), fresh_bases);
}

#[test]
fn a_stale_file_that_cannot_be_read_again_is_reported_and_left_out() {
    let (alone, bases) = built(&[file("a", GLUED)]);
    let gone = |_: &str| Err("No such file or directory".to_owned());
    let inputs = vec![
        kept(&alone, &bases, 0, "stale"),
        Input::Read(file("b", REPEATS)),
    ];
    let corpus = build(inputs, Vec::new(), BuildOptions::default(), &gone);
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].id, "b");
    assert_eq!(
        corpus.problems,
        [Problem::skipped(
            "a.txt".into(),
            "No such file or directory".into()
        )]
    );
}

#[test]
fn a_folder_loads_the_same_corpus_as_its_files_built_whole() {
    let files = [file("a", GLUED), file("b", REPEATS)];
    let dir = tempfile::tempdir().expect("a scratch folder");
    for f in &files {
        std::fs::write(dir.path().join(&f.path), &f.text).expect("written");
    }
    let loaded = Corpus::load_dir(dir.path()).expect("the folder loads");
    let (whole, _) = built(&files);
    assert_same(&loaded, &whole);
}
