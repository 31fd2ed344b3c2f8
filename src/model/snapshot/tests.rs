use super::*;

/// Segments of two documents and three events, so that every corpus has several.
fn small_segments(corpus: &Corpus) -> Vec<Vec<u8>> {
    write_in(corpus, 2, 3).unwrap()
}

fn read_back(segments: &[Vec<u8>]) -> Result<Corpus, String> {
    read(segments.len(), |i| Ok(segments[i].clone()))
}

/// Asserts that two corpora hold the same model, content hashes included.
pub(crate) fn assert_same(back: &Corpus, corpus: &Corpus) {
    assert_eq!(back.documents, corpus.documents);
    assert_eq!(back.entities, corpus.entities);
    assert_eq!(back.mentions, corpus.mentions);
    assert_eq!(back.events, corpus.events);
    assert_eq!(back.problems, corpus.problems);
    assert_eq!(back.duplicates(), corpus.duplicates());
    for i in 0..corpus.documents.len() {
        assert_eq!(back.content_hash(i), corpus.content_hash(i));
    }
}

/// Segment `i` as JSON, changed by `edit`.
fn edited(segments: &[Vec<u8>], i: usize, edit: impl Fn(&mut serde_json::Value)) -> Vec<Vec<u8>> {
    let mut value: serde_json::Value = serde_json::from_slice(&segments[i]).unwrap();
    edit(&mut value);
    let mut out = segments.to_vec();
    out[i] = serde_json::to_vec(&value).unwrap();
    out
}

#[test]
fn the_seeds_come_back_exactly() {
    let seeds = Corpus::seeds();
    assert_same(&read_back(&write(&seeds).unwrap()).unwrap(), &seeds);
    let segments = small_segments(&seeds);
    assert!(segments.len() > 4, "{} segments", segments.len());
    assert_same(&read_back(&segments).unwrap(), &seeds);
}

#[test]
fn sentence_texts_are_saved_once_in_their_documents() {
    let seeds = Corpus::seeds();
    let sentence = &seeds.events[0].sentences[0];
    let segments = small_segments(&seeds);
    let needle = serde_json::to_string(&sentence.text).unwrap();
    let events: Vec<&Vec<u8>> = segments
        .iter()
        .filter(|s| s.starts_with(b"{\"Events\""))
        .collect();
    assert!(!events.is_empty());
    for segment in events {
        let json = String::from_utf8_lossy(segment);
        assert!(!json.contains(needle.trim_matches('"')), "{json}");
    }
}

#[test]
fn a_sentence_text_that_is_not_its_slice_comes_back_as_it_was() {
    let mut seeds = Corpus::seeds();
    seeds.events[1].sentences[0].text = "A text of its own.".into();
    seeds.events[2].sentences[0].text = String::new();
    let back = read_back(&small_segments(&seeds)).unwrap();
    assert_eq!(back.events, seeds.events);
}

#[test]
fn a_mention_out_of_its_text_is_refused() {
    let seeds = Corpus::seeds();
    let damaged = edited(&small_segments(&seeds), 1, |v| {
        v["Documents"]["mentions"][0][4] = serde_json::json!(1_000_000);
    });
    let err = read_back(&damaged).err().unwrap();
    assert!(err.contains("out of its text"), "{err}");
}

#[test]
fn a_mention_of_no_entity_is_refused() {
    let seeds = Corpus::seeds();
    let damaged = edited(&small_segments(&seeds), 1, |v| {
        v["Documents"]["mentions"][0][0] = serde_json::json!(usize::MAX);
    });
    let err = read_back(&damaged).err().unwrap();
    assert!(err.contains("names no entity"), "{err}");
}

#[test]
fn a_mention_of_unknown_field_or_length_is_refused() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    let bad_field = edited(&segments, 1, |v| {
        v["Documents"]["mentions"][0][1] = serde_json::json!(9);
    });
    let short = edited(&segments, 1, |v| {
        v["Documents"]["mentions"][0].as_array_mut().unwrap().pop();
    });
    for damaged in [bad_field, short] {
        let err = read_back(&damaged).err().unwrap();
        assert!(err.contains("damaged"), "{err}");
    }
}

#[test]
fn a_missing_or_repeated_segment_is_refused() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    let mut missing = segments.clone();
    missing.remove(1);
    assert!(
        read_back(&missing)
            .unwrap_err()
            .contains("number of documents")
    );
    let mut two_heads = segments.clone();
    two_heads.insert(1, segments[0].clone());
    assert!(read_back(&two_heads).unwrap_err().contains("two heads"));
    assert!(read_back(&segments[1..]).unwrap_err().contains("head"));
}

#[test]
fn truncated_bytes_are_refused() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    for i in [0, 1, segments.len() - 1] {
        let whole = &segments[i];
        for cut in [0, 1, whole.len() / 2, whole.len() - 1] {
            let mut damaged = segments.clone();
            damaged[i] = whole[..cut].to_vec();
            assert!(read_back(&damaged).is_err(), "segment {i} cut at {cut}");
        }
    }
}

#[test]
fn an_unreadable_segment_stops_the_read() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    let err = read(segments.len(), |i| {
        if i == 2 {
            Err("segment 2 is damaged".to_owned())
        } else {
            Ok(segments[i].clone())
        }
    })
    .err()
    .unwrap();
    assert_eq!(err, "segment 2 is damaged");
}
