use super::*;
use std::sync::atomic::AtomicBool;

fn texts(idx: &FuzzyIndex, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| idx.folded(h.index).to_owned())
        .collect()
}

#[test]
fn folds_diacritics_and_requires_all_terms() {
    let idx = FuzzyIndex::new(["Hoàng Xuân Chiến", "Việt Nam–China exchange 9th", "Laos"]);
    assert_eq!(idx.search("chien")[0].index, 0);
    assert_eq!(idx.search("CHIẾN")[0].index, 0);
    assert_eq!(idx.search("viet nam").len(), 1);
    assert_eq!(idx.search("exchange 9th")[0].index, 1);
    assert!(idx.search("exchange 8th").is_empty());
    assert_eq!(idx.search("").len(), 3);
    assert_eq!(idx.search("   ").len(), 3);
}

#[test]
fn positions_index_original_chars() {
    let idx = FuzzyIndex::new(["Chiến"]);
    let hit = &idx.search("en")[0];
    let chars: Vec<char> = "Chiến".chars().collect();
    assert_eq!(
        hit.positions.iter().map(|&p| chars[p]).collect::<String>(),
        "ến"
    );
}

#[test]
fn positions_of_several_terms_are_merged_ascending() {
    let idx = FuzzyIndex::new(["9th Việt Nam border exchange"]);
    let hit = &idx.search("border 9th")[0];
    assert!(hit.positions.windows(2).all(|w| w[0] < w[1]));
    let chars: Vec<char> = "9th Việt Nam border exchange".chars().collect();
    let picked: String = hit.positions.iter().map(|&p| chars[p]).collect();
    assert_eq!(picked, "9thborder");
}

#[test]
fn ranks_contiguous_and_word_start_matches_first() {
    let idx = FuzzyIndex::new([
        "b-o-r-d-e-r scattered letters",
        "Border Defence Friendship Exchange",
        "neighbouring order",
    ]);
    let hits = idx.search("border");
    assert_eq!(hits[0].index, 1);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn search_top_keeps_the_best_in_order() {
    let items: Vec<String> = (0..500).map(|i| format!("exchange {i}")).collect();
    let idx = FuzzyIndex::new(&items);
    let all = idx.search("exchange 1");
    let top = idx.search_top("exchange 1", 10);
    assert_eq!(top.len(), 10);
    assert_eq!(top, all[..10]);
    assert!(idx.search_top("exchange", 0).is_empty());
    assert_eq!(idx.search_top("", 5).len(), 5);
}

#[test]
fn searcher_narrows_and_widens_like_fresh_searches() {
    let items = [
        "9th Vietnam–China Border Defence Friendship Exchange",
        "8th Việt Nam – Trung Quốc giao lưu hữu nghị quốc phòng biên giới",
        "Level-2 Field Hospital Rotation 7",
        "Hội nghị tổng kết công tác đối ngoại quốc phòng",
        "Border guard officers exchange, Laos",
    ];
    let idx = FuzzyIndex::new(items);
    let mut s = Searcher::new();
    for q in [
        "b", "bo", "bor", "bord", "bord ", "bord e", "bord ex", "bord", "bo", "q", "qu", "quoc",
        "", "ho",
    ] {
        let m = s.search(&idx, q, 3);
        let fresh = idx.search(q);
        assert_eq!(m.total, fresh.len(), "{q}");
        assert_eq!(m.hits, fresh[..fresh.len().min(3)], "{q}");
    }
}

#[test]
fn cancelled_search_returns_nothing_and_keeps_history_sound() {
    let idx = FuzzyIndex::new(["alpha", "beta", "gamma"]);
    let mut s = Searcher::new();
    let cancel = AtomicBool::new(true);
    assert!(s.search_cancellable(&idx, "a", 10, &cancel).is_none());
    let m = s.search(&idx, "am", 10);
    assert_eq!(texts(&idx, &m.hits), ["gamma"]);
}

#[test]
fn odd_input_never_panics() {
    let idx = FuzzyIndex::new(["", "\u{0}\u{1b}[31m", "ꦰ- 💮 ℌ", "ǅ ß İ"]);
    for q in ["", "💮", "ß", "i", "\u{0}", "ꦰ", "ss", "-"] {
        for h in idx.search(q) {
            assert!(
                h.positions
                    .iter()
                    .all(|&p| p < idx.folded(h.index).chars().count())
            );
        }
    }
    assert_eq!(idx.folded(99), "");
}

#[test]
fn windowed_scores_equal_whole_text_scores() {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    let m = SkimMatcherV2::default().respect_case();
    let items = [
        "9th vietnam–china border defence friendship exchange 2025-03-21 lao cai",
        "xbxbx border-b 9 b",
        "bbb",
        "hoi nghi tong ket cong tac doi ngoai quoc phong ha noi",
        "ab",
    ];
    let idx = FuzzyIndex::new(items);
    for q in [
        "b", "bo", "border", "b9", "hn", "nghi", "a", "ab", "x", "quoc",
    ] {
        for h in idx.search(q) {
            let whole = m.fuzzy_indices(items[h.index], q);
            assert_eq!(
                whole,
                Some((h.score, h.positions.clone())),
                "{q} in {}",
                items[h.index]
            );
        }
        let expected = items
            .iter()
            .filter(|i| m.fuzzy_match(i, q).is_some())
            .count();
        assert_eq!(idx.search(q).len(), expected, "{q}");
    }
}
