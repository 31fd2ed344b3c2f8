use super::*;
use crate::model::event::EventSentence;

/// Segments of two documents and three events, so that every corpus has several.
fn small_segments(corpus: &Corpus) -> Vec<Vec<u8>> {
    let mut segments = Vec::new();
    write_each_in(corpus, 2, 3, |s| {
        segments.push(s);
        Ok::<_, ()>(())
    })
    .unwrap();
    assert_eq!(segments.len(), parts(corpus, 2, 3).len());
    segments
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

#[test]
fn the_seeds_come_back_exactly() {
    let seeds = Corpus::seeds();
    assert_same(&read_back(&write(&seeds)).unwrap(), &seeds);
    let segments = small_segments(&seeds);
    assert!(segments.len() > 4, "{} segments", segments.len());
    assert_same(&read_back(&segments).unwrap(), &seeds);
}

#[test]
fn the_segments_are_counted_before_they_are_made() {
    let seeds = Corpus::seeds();
    let segments = write(&seeds);
    assert_eq!(segment_count(&seeds), segments.len());
    assert_eq!(segments[0][0], HEAD);
    let stopped: Result<(), usize> = write_each(&seeds, |s| Err(s.len()));
    assert_eq!(
        stopped,
        Err(segments[0].len()),
        "the sink's error ends the writing"
    );
}

#[test]
fn sentence_texts_are_saved_once_in_their_documents() {
    let seeds = Corpus::seeds();
    let sentence = seeds.events[0].sentences[0]
        .text(&seeds.documents)
        .as_bytes();
    assert!(sentence.len() > 20, "{sentence:?}");
    let segments = small_segments(&seeds);
    let events: Vec<&Vec<u8>> = segments.iter().filter(|s| s[0] == EVENTS).collect();
    assert!(!events.is_empty());
    for segment in events {
        assert!(!segment.windows(sentence.len()).any(|w| w == sentence));
    }
    let mut documents = segments.iter().filter(|s| s[0] == DOCUMENTS);
    assert!(documents.any(|s| s.windows(sentence.len()).any(|w| w == sentence)));
}

#[test]
fn a_sentence_of_no_document_or_out_of_its_text_is_refused() {
    let mut seeds = Corpus::seeds();
    let s = seeds.events[1].sentences[0];
    seeds.events[1].sentences[0] =
        EventSentence::new(seeds.documents.len(), s.field(), s.start(), s.end()).unwrap();
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("cites no document"), "{err}");
    let mut seeds = Corpus::seeds();
    let s = seeds.events[2].sentences[0];
    seeds.events[2].sentences[0] =
        EventSentence::new(s.document(), s.field(), s.start(), 1_000_000).unwrap();
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("out of its text"), "{err}");
}

#[test]
fn an_event_naming_no_entity_is_refused() {
    let past = u32::try_from(Corpus::seeds().entities.len()).unwrap();
    let mut seeds = Corpus::seeds();
    seeds.events[0].participants.push(past);
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("names no such entity"), "{err}");
    let mut seeds = Corpus::seeds();
    seeds.events[1].chair = Some(past);
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("names no such entity"), "{err}");
}

#[test]
fn a_document_list_past_the_corpus_is_refused() {
    let past = u32::try_from(Corpus::seeds().documents.len()).unwrap();
    let mut seeds = Corpus::seeds();
    seeds.entities[0].related_documents.push(past);
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("lists no such document"), "{err}");
    let mut seeds = Corpus::seeds();
    seeds.events[0].documents.push(past + 7);
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("lists no such document"), "{err}");
}

#[test]
fn a_mention_out_of_its_text_is_refused() {
    let mut seeds = Corpus::seeds();
    let m = seeds.mentions[0][0];
    seeds.mentions[0][0] = Mention::new(m.entity(), m.field(), m.start(), 1_000_000).unwrap();
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("out of its text"), "{err}");
}

#[test]
fn a_mention_of_no_entity_is_refused() {
    let mut seeds = Corpus::seeds();
    let m = seeds.mentions[0][0];
    seeds.mentions[0][0] = m.with_entity(u32::MAX as usize).unwrap();
    let err = read_back(&small_segments(&seeds)).err().unwrap();
    assert!(err.contains("names no entity"), "{err}");
}

#[test]
fn an_unknown_segment_or_bytes_after_its_end_are_refused() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    let mut unknown = segments.clone();
    unknown[1][0] = 7;
    let err = read_back(&unknown).unwrap_err();
    assert!(err.contains("unknown kind of segment"), "{err}");
    let mut longer = segments.clone();
    longer[1].push(0);
    let err = read_back(&longer).unwrap_err();
    assert!(err.contains("after the end"), "{err}");
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
        let cuts = (0..whole.len()).step_by(whole.len() / 60 + 1);
        for cut in cuts.chain([whole.len() - 1]) {
            let mut damaged = segments.clone();
            damaged[i] = whole[..cut].to_vec();
            assert!(read_back(&damaged).is_err(), "segment {i} cut at {cut}");
        }
    }
}

#[test]
fn any_changed_byte_reads_without_panic() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    for i in [0, 1, segments.len() - 1] {
        for at in (0..segments[i].len()).step_by(segments[i].len() / 40 + 1) {
            for value in [0, 0x7f, 0x80, 0xff] {
                let mut damaged = segments.clone();
                damaged[i][at] = value;
                let _ = read_back(&damaged);
            }
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

#[test]
fn the_documents_alone_come_back_in_order_with_their_hashes() {
    let seeds = Corpus::seeds();
    let segments = small_segments(&seeds);
    let parsed = parse(segments.len(), |i| Ok(segments[i].clone())).unwrap();
    let (documents, hashes) = parsed.documents();
    assert_eq!(documents, seeds.documents);
    let expected: Vec<ContentHash> = (0..seeds.documents.len())
        .map(|i| seeds.content_hash(i).unwrap())
        .collect();
    assert_eq!(hashes, expected);
    let mut damaged = segments.clone();
    let last = damaged[1].len() - 1;
    damaged[1].truncate(last);
    assert!(parse(damaged.len(), |i| Ok(damaged[i].clone())).is_err());
}
