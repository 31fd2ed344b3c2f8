//! Random bytes as corpus files, loaded from a folder as the binary loads them: loading
//! never panics, `export` is valid JSON, and neither `export`, `list` nor `show` lets a
//! control or format character out. In-process, so it can try many corpora quickly;
//! the binary's own paths (stderr, exit codes) are tested in `names` and `pipes`.

use super::{assert_clean, write};
use dossier::cli::{Command, Format, write_command};
use dossier::model::Corpus;
use proptest::prelude::*;

/// Pieces that random files are made of: words and sentences that reach the cleaning
/// and entity stages, plus every kind of hostile character and raw byte.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "The ", "Ministry of National Defence ", "Senior Lieutenant General Tran Van Anh ",
            "met ", "in Hanoi ", "on July 7, 2024. ", "(Photo: VNA) ", "ASEAN ", "the 3rd ",
            "Border Defence Friendship Exchange ", "Việt Nam ", "first half ", "./.", "— VNS",
            "Related news", "\n\n", "\n", "Decree 12/2023/ND-CP ", "U.N. ", "UN ",
        ]).prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::sample::select(vec![
            "\u{1b}]52;c;aGk=\u{7}", "\u{1b}]0;t\u{7}", "\u{1b}[2J", "\u{1b}[", "\u{9b}",
            "\u{202e}", "\u{61c}", "\u{2066}", "\u{200b}", "\u{feff}", "\u{7f}", "\u{b}",
            "\u{c}", "\r", "\t", "\u{85}", "\u{2028}", "\u{e0041}", "\u{301}", "…", "—",
        ]).prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..24),
    ]
}

fn file() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat()),
        1 => prop::collection::vec(any::<u8>(), 0..400),
    ]
}

/// The output of one subcommand over `corpus`.
fn output(corpus: &Corpus, command: Command) -> Vec<u8> {
    let mut out = Vec::new();
    write_command(corpus, command, None, &mut out).expect("the command runs");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_files_load_and_print_clean(files in prop::collection::vec(file(), 1..5)) {
        let dir = tempfile::tempdir().unwrap();
        for (i, bytes) in files.iter().enumerate() {
            write(dir.path(), format!("f{i}.txt"), bytes);
        }
        let corpus = Corpus::load_dir(dir.path()).unwrap();
        prop_assert_eq!(corpus.documents.len() + corpus.problems.iter().filter(|p| p.skipped).count(), files.len());
        for (doc, mentions) in corpus.documents.iter().zip(&corpus.mentions) {
            for m in mentions {
                let field = doc.text(m.field());
                prop_assert!(field.get(m.start()..m.end()).is_some(), "{:?} outside {:?}", m, field);
            }
        }
        let json = output(&corpus, Command::Export);
        assert_clean("export", &json);
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(v["documents"].as_array().map(Vec::len), Some(corpus.documents.len()));
        for format in [Format::Text, Format::Json] {
            assert_clean("list", &output(&corpus, Command::List { format, tag: None }));
            for d in &corpus.documents {
                let show = Command::Show { id: d.id.clone(), format };
                assert_clean("show", &output(&corpus, show));
            }
        }
    }
}
