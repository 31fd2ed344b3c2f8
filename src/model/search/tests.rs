use super::*;
use crate::model::RelatedItem;

fn doc(title: &str, body: &[&str], related: &str) -> Document {
    Document {
        title: title.to_owned(),
        body: body.iter().map(|s| (*s).to_owned()).collect(),
        related: if related.is_empty() {
            Vec::new()
        } else {
            vec![RelatedItem {
                title: None,
                text: related.to_owned(),
                captions: Vec::new(),
            }]
        },
        ..Document::default()
    }
}

fn corpus() -> Vec<Document> {
    vec![
        doc(
            "Forum opens",
            &["The Xiangshan Forum opened in Beijing. Delegates talked."],
            "",
        ),
        doc(
            "Border exchange",
            &["Young border guard officers of both countries met at the border gate."],
            "Xiangshan Forum news from last year.",
        ),
        doc(
            "Hội nghị",
            &["Bộ Quốc phòng tổng kết công tác đối ngoại quốc phòng."],
            "",
        ),
        doc(
            "Misc",
            &[
                "Scattered letters x i a n g s h a n do not make a word; xiangshanforum is one word.",
            ],
            "",
        ),
    ]
}

fn ids(index: &SearchIndex, q: &str, related: bool) -> Vec<usize> {
    index
        .rank(&SearchQuery::parse(q), related, 100)
        .hits
        .iter()
        .map(|h| h.doc)
        .collect()
}

#[test]
fn matches_whole_words_not_letters() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "xiangshan", false), [0]);
    assert_eq!(ids(&index, "XIANGSHAN", true), [0, 1]);
    assert_eq!(ids(&index, "xiang", false), Vec::<usize>::new());
    assert_eq!(ids(&index, "xiang*", false), [0, 3]);
    assert_eq!(ids(&index, "quoc phong", false), [2]);
    assert_eq!(ids(&index, "QUỐC", false), [2]);
}

#[test]
fn every_term_must_occur_and_phrases_need_order() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "border officers", false), [1]);
    assert_eq!(ids(&index, "border beijing", false), Vec::<usize>::new());
    assert_eq!(ids(&index, "\"border guard\"", false), [1]);
    assert_eq!(ids(&index, "\"guard border\"", false), Vec::<usize>::new());
    assert_eq!(ids(&index, "\"doi ngoai quoc phong\"", false), [2]);
    // A phrase does not run from the headline into the body.
    assert_eq!(ids(&index, "\"opens the\"", false), Vec::<usize>::new());
    assert_eq!(
        index.rank(&SearchQuery::parse("border"), false, 10).total,
        1
    );
}

#[test]
fn ranks_by_bm25_more_occurrences_first() {
    let docs = vec![
        doc(
            "a",
            &["border talks and more talks and more words here"],
            "",
        ),
        doc("b", &["border border border talks"], ""),
        doc("c", &["nothing here"], ""),
    ];
    let index = SearchIndex::build(&docs);
    let r = index.rank(&SearchQuery::parse("border"), false, 10);
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [1, 0]);
    assert!(r.hits[0].score > r.hits[1].score);
    let top = index.rank(&SearchQuery::parse("border"), false, 1);
    assert_eq!((top.hits.len(), top.total), (1, 2));
}

#[test]
fn spans_many_chunks_and_agrees_with_reader_search() {
    let words = [
        "border", "guard", "forum", "hội", "nghị", "laos", "exchange", "the",
    ];
    let mut rng = crate::model::synth::Rng::new(11);
    let docs: Vec<Document> = (0..1500)
        .map(|_| {
            let body: Vec<String> = (0..3)
                .map(|_| {
                    (0..=rng.below(12))
                        .map(|_| *rng.pick(&words))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let related = (0..rng.below(4))
                .map(|_| *rng.pick(&words))
                .collect::<Vec<_>>();
            let mut d = doc("", &[], &related.join(" "));
            d.title_derived = true;
            d.body = body.into();
            d
        })
        .collect();
    let index = SearchIndex::build(&docs);
    for q in [
        "border",
        "\"border guard\"",
        "hoi nghi",
        "\"nghị laos\"",
        "ex*",
        "the the",
        "\"the the\"",
    ] {
        for related in [false, true] {
            let query = SearchQuery::parse(q);
            let want: Vec<usize> = (0..docs.len())
                .filter(|&i| {
                    let hits = find_in_document(&docs[i], &query, related);
                    query
                        .terms
                        .iter()
                        .enumerate()
                        .all(|(t, _)| hits.iter().any(|h| h.term == t))
                })
                .collect();
            let mut got = ids(&index, q, related);
            let total = index.rank(&query, related, usize::MAX).total;
            got = if got.len() < total {
                index
                    .rank(&query, related, usize::MAX)
                    .hits
                    .iter()
                    .map(|h| h.doc)
                    .collect()
            } else {
                got
            };
            got.sort_unstable();
            assert_eq!(got, want, "{q} related={related}");
        }
    }
}

#[test]
fn search_gives_the_best_sentence() {
    let docs = corpus();
    let index = SearchIndex::build(&docs);
    let r = search(&docs, &index, &SearchQuery::parse("xiangshan"), true, 10);
    assert_eq!(r.total, 2);
    let s = r.hits[1].snippet.as_ref().unwrap();
    assert_eq!(s.field, crate::model::Field::RelatedText(0));
    let s0 = r.hits[0].snippet.as_ref().unwrap();
    assert_eq!(
        &docs[0].body[0][s0.start..s0.end],
        "The Xiangshan Forum opened in Beijing."
    );
    assert!(
        search(&docs, &index, &SearchQuery::parse(""), false, 10)
            .hits
            .is_empty()
    );
    assert_eq!(
        SearchIndex::build(&[])
            .rank(&SearchQuery::parse("x"), true, 5)
            .total,
        0
    );
}

mod props {
    use super::super::words::Words;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every hit of a word taken from the text is that word (folded), hits are in
        /// order and apart, and there are as many as the text has of it.
        #[test]
        fn reader_hits_are_exactly_the_words(
            text in "[a-zA-Zàếđ̂ĐỆ0-9 ,.\\-–'’\u{1b}\u{301}]{0,120}",
            pick in 0usize..40,
        ) {
            let words = Words::new(&text);
            prop_assume!(!words.is_empty());
            let word = words.folded(pick % words.len()).to_owned();
            let hits = find_in_text(&text, &SearchQuery::parse(&word));
            let expected = words.iter().filter(|(w, _)| *w == word).count();
            prop_assert_eq!(hits.len(), expected);
            let mut last = 0;
            for (s, e, _) in hits {
                prop_assert!(s >= last && s < e && text.is_char_boundary(s) && text.is_char_boundary(e));
                let inside = Words::new(&text[s..e]);
                prop_assert_eq!(inside.len(), 1);
                prop_assert_eq!(inside.folded(0), word.as_str());
                last = e;
            }
        }
    }
}
