//! Reducer tests of finding things: the reader's search.

use crate::tui::app::{App, Setup};
use crate::tui::keymap::action::Action as A;
use crate::tui::test_keys::{key, list_ids as ids, typed};
use crate::tui::views::main::layout::Focus;
use crossterm::event::KeyCode;

fn app() -> App {
    crate::tui::test_keys::app_with(Setup::default())
}

/// The fixture's a1 (second newest) in the reader, focused.
fn reading_a1() -> App {
    let mut app = app();
    app.apply(A::Down);
    app.apply(A::FocusNext);
    assert_eq!(app.views.main.focus, Focus::Reader);
    app
}

fn search(app: &mut App, q: &str) {
    typed(app, "/");
    assert!(app.shared.typing);
    typed(app, q);
    key(app, KeyCode::Enter);
    assert!(!app.shared.typing);
}

#[test]
fn slash_in_the_reader_searches_the_article_not_the_list() {
    let mut app = reading_a1();
    search(&mut app, "\"da lat\"");
    let main = &app.views.main;
    assert_eq!(main.focus, Focus::Reader);
    assert_eq!(main.docs.pick.len(), 3, "the list is not filtered");
    assert!(main.docs.pick.query.is_empty());
    // "Đà Lạt" once in each of the 30 paragraphs, folded, as one phrase.
    assert_eq!(main.reader.found.hits.len(), 30);
    assert_eq!(main.reader.found.current, Some(0));
    // Unquoted, each word is a term of its own: two hits a paragraph.
    search(&mut app, "da lat");
    assert_eq!(app.views.main.reader.found.hits.len(), 60);
}

#[test]
fn whole_words_by_default_a_star_for_word_starts() {
    let mut app = reading_a1();
    search(&mut app, "coast");
    assert!(app.views.main.reader.found.hits.is_empty());
    key(&mut app, KeyCode::Esc);
    search(&mut app, "COAST*");
    // The headline ("Coastal office …") and 30 paragraphs ("Coastal Guard Office").
    assert_eq!(app.views.main.reader.found.hits.len(), 31);
}

#[test]
fn n_and_shift_n_visit_the_hits_and_say_where() {
    let mut app = reading_a1();
    search(&mut app, "paragraph");
    assert_eq!(app.views.main.reader.found.hits.len(), 30);
    typed(&mut app, "n");
    assert_eq!(app.shared.status.as_deref(), Some("hit 2 of 30"));
    let second = app.views.main.reader.found.lines[1];
    assert!(app.views.main.reader.scroll <= second);
    typed(&mut app, "NN");
    assert_eq!(app.shared.status.as_deref(), Some("hit 30 of 30"));
    let last = app.views.main.reader.found.lines[29];
    let scroll = app.views.main.reader.scroll;
    assert!(scroll <= last && last < scroll + 38, "the hit is on screen");
    typed(&mut app, "n");
    assert_eq!(app.shared.status.as_deref(), Some("hit 1 of 30"));
}

#[test]
fn esc_clears_the_search_then_n_follows_the_chosen_entity_again() {
    let mut app = reading_a1();
    search(&mut app, "paragraph");
    key(&mut app, KeyCode::Esc);
    let main = &app.views.main;
    assert!(main.reader.found.query.is_empty() && main.reader.found.hits.is_empty());
    assert_eq!(main.docs.pick.len(), 3);
    // Choose an entity, come back to the reader: n visits its mentions.
    app.apply(A::Entities);
    assert_eq!(app.views.main.focus, Focus::Entities);
    assert!(app.views.main.selected_entity().is_some());
    app.apply(A::Entities);
    assert_eq!(app.views.main.focus, Focus::Reader);
    typed(&mut app, "n");
    let status = app.shared.status.clone().unwrap_or_default();
    assert!(status.contains("mention 1 of"), "{status}");
}

#[test]
fn no_hits_says_so_and_typing_esc_drops_the_search() {
    let mut app = reading_a1();
    search(&mut app, "\"office met\"");
    assert_eq!(app.views.main.reader.found.hits.len(), 30, "a phrase");
    search(&mut app, "zebra");
    typed(&mut app, "n");
    assert_eq!(app.shared.status.as_deref(), Some("no hits for zebra"));
    typed(&mut app, "/");
    typed(&mut app, "office");
    assert_eq!(
        app.views.main.reader.found.hits.len(),
        31,
        "lit while typing"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.views.main.reader.found.hits.is_empty());
}

#[test]
fn the_search_stays_through_a_resize_and_to_the_next_document() {
    let mut app = reading_a1();
    search(&mut app, "paragraph");
    typed(&mut app, "nnn");
    app.resize(80, 24);
    let r = &app.views.main.reader;
    assert_eq!((r.found.hits.len(), r.found.current), (30, Some(3)));
    assert_eq!(r.found.lines.len(), 30);
    app.apply(A::FocusPrev);
    app.apply(A::Up);
    let r = &app.views.main.reader;
    assert_eq!(r.found.query, "paragraph");
    assert!(r.found.hits.is_empty(), "b2 has no paragraph");
}

#[test]
fn s_cycles_the_sort_and_keeps_the_selection() {
    let mut app = app();
    assert_eq!(ids(&app), ["b2", "a1", "c3"]);
    assert_eq!(app.views.main.docs.sort_label(), "date");
    app.apply(A::Down); // a1
    typed(&mut app, "s");
    assert_eq!(app.views.main.docs.sort_label(), "outlet");
    assert_eq!(ids(&app), ["c3", "a1", "b2"], "QDND, VNA, VNS");
    assert_eq!(
        app.views.main.docs.pick.current(),
        Some(0),
        "a1 stays selected"
    );
    typed(&mut app, "s");
    assert_eq!(app.views.main.docs.sort_label(), "kind");
    assert_eq!(ids(&app), ["b2", "a1", "c3"], "one kind: newest first");
    typed(&mut app, "s");
    assert_eq!(ids(&app), ["a1", "b2", "c3"], "Coastal, Forum, Unrelated");
    typed(&mut app, "s");
    assert_eq!(app.views.main.docs.sort_label(), "date");
}

#[test]
fn with_a_query_s_sorts_the_matches_and_comes_back_to_best_match() {
    let mut app = app();
    typed(&mut app, "/");
    typed(&mut app, "tran");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.views.main.docs.sort_label(), "match");
    let mut ranked = ids(&app);
    ranked.sort_unstable();
    assert_eq!(ranked, ["a1", "b2"], "the two that name Trần Văn Minh");
    let by_match = ids(&app).join(",");
    for label in ["date", "outlet", "kind", "title", "match"] {
        typed(&mut app, "s");
        assert_eq!(app.views.main.docs.sort_label(), label);
    }
    assert_eq!(ids(&app).join(","), by_match);
    typed(&mut app, "ss");
    assert_eq!(ids(&app), ["a1", "b2"], "by outlet: VNA, VNS");
}

#[test]
fn colon_jumps_to_a_date_as_it_is_typed_and_esc_goes_back() {
    let mut app = app();
    typed(&mut app, ":");
    assert!(app.shared.typing);
    typed(&mut app, "2024-03-05");
    assert_eq!(ids(&app)[app.views.main.docs.pick.selected], "a1");
    key(&mut app, KeyCode::Backspace);
    assert!(
        app.shared
            .status
            .as_deref()
            .unwrap_or("")
            .contains("2023-H1")
    );
    typed(&mut app, "2");
    // No document on the 2nd: the first one older.
    assert_eq!(ids(&app)[app.views.main.docs.pick.selected], "c3");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.views.main.docs.pick.selected, 0, "back where it was");
    assert_eq!(
        app.views.main.docs.pick.len(),
        3,
        "the list is not filtered"
    );
    typed(&mut app, ":1990");
    assert_eq!(
        app.shared.status.as_deref(),
        Some("nothing dated 1990 or after")
    );
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "/");
    assert!(app.views.main.docs.jump.is_none(), "/ is the filter again");
}

#[test]
fn colon_in_the_timeline_jumps_to_the_first_event_of_a_year() {
    use crate::model::filter::jump::{event_span, parse};
    use crate::tui::mode::Mode;
    let mut app = App::new(crate::model::Corpus::seeds(), Setup::default());
    app.resize(120, 40);
    typed(&mut app, "e");
    assert_eq!(app.mode, Mode::Events);
    let corpus = std::sync::Arc::clone(&app.shared.corpus);
    let year = parse("2025").expect("a year");
    let first = app
        .views
        .events
        .pick
        .items
        .iter()
        .position(|&i| event_span(&corpus, &corpus.events[i]).is_some_and(|s| s.overlaps(year)))
        .expect("the seeds have events in 2025");
    assert!(first > 0, "not already selected");
    typed(&mut app, ":2025");
    assert_eq!(app.views.events.pick.selected, first);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.views.events.pick.selected, 0);
    assert_eq!(app.mode, Mode::Events);
}

fn seeds() -> App {
    let mut app = App::new(crate::model::Corpus::seeds(), Setup::default());
    app.resize(120, 40);
    app
}

#[test]
fn the_events_filter_matches_kinds_and_shows_status() {
    let mut app = seeds();
    typed(&mut app, "e/peacekeeping");
    key(&mut app, KeyCode::Enter);
    let corpus = std::sync::Arc::clone(&app.shared.corpus);
    let names: Vec<&str> = app
        .views
        .events
        .pick
        .items
        .iter()
        .map(|&i| corpus.events[i].name.as_str())
        .collect();
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|n| n.contains("Rotation")),
        "only the rotations: {names:?}"
    );
    let rotations = corpus
        .events
        .iter()
        .filter(|e| e.name.contains("Rotation"))
        .count();
    assert_eq!(names.len(), rotations, "every rotation");
}

#[test]
fn the_document_filter_matches_body_words_not_scattered_letters() {
    let mut app = seeds();
    typed(&mut app, "/xiangshan");
    key(&mut app, KeyCode::Enter);
    let corpus = std::sync::Arc::clone(&app.shared.corpus);
    let mut shown: Vec<usize> = app.views.main.docs.pick.items.clone();
    shown.sort_unstable();
    let q = crate::model::search::SearchQuery::parse("xiangshan");
    let with_word: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| {
            !crate::model::search::find_in_document(&corpus.documents[d], &q, false).is_empty()
        })
        .collect();
    assert!(!with_word.is_empty());
    assert_eq!(shown, with_word);
}

#[test]
fn capital_s_searches_every_article_and_enter_opens_the_hit() {
    use crate::tui::mode::Mode;
    let mut app = seeds();
    typed(&mut app, "S");
    assert_eq!(app.mode, Mode::Search);
    assert!(app.shared.typing, "straight to the query");
    typed(&mut app, "xiangshan");
    key(&mut app, KeyCode::Enter);
    let corpus = std::sync::Arc::clone(&app.shared.corpus);
    let q = crate::model::search::SearchQuery::parse("xiangshan");
    let mut with_word: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| {
            !crate::model::search::find_in_document(&corpus.documents[d], &q, false).is_empty()
        })
        .collect();
    let s = &app.views.search;
    let mut found: Vec<usize> = s.results.hits.iter().map(|h| h.doc).collect();
    found.sort_unstable();
    with_word.sort_unstable();
    assert_eq!(found, with_word);
    let hit = s.results.hits[0].clone();
    let snippet = hit.snippet.clone().expect("a sentence under the hit");
    let text = corpus.documents[hit.doc].text(snippet.field);
    let (a, b) = snippet.hits[0];
    assert!(text[a..b].eq_ignore_ascii_case("xiangshan"));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Main);
    let main = &app.views.main;
    assert_eq!(main.focus, Focus::Reader);
    assert_eq!(main.reader.doc, Some(hit.doc));
    assert_eq!(main.reader.mark, Some((snippet.field, a, b)));
}

#[test]
fn r_adds_related_news_and_esc_goes_back() {
    use crate::tui::mode::Mode;
    let mut app = seeds();
    typed(&mut app, "Sdefence");
    key(&mut app, KeyCode::Enter);
    let without = app.views.search.results.total;
    assert!(without > 0);
    typed(&mut app, "r");
    assert!(app.views.search.related);
    assert!(app.views.search.results.total >= without);
    typed(&mut app, "/");
    assert!(app.shared.typing);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Main);
}

#[test]
fn a_corpus_hit_opens_with_its_query_as_the_readers_search() {
    let mut app = seeds();
    typed(&mut app, "Sdefence");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "j");
    let s = &app.views.search;
    let hit = s
        .pick
        .current()
        .and_then(|i| s.results.hits.get(i))
        .cloned();
    let hit = hit.expect("a second hit");
    let (a, _) = hit.snippet.as_ref().map_or((0, 0), |s| s.hits[0]);
    key(&mut app, KeyCode::Enter);
    let found = &app.views.main.reader.found;
    assert_eq!(found.query, "defence");
    let n = found.hits.len();
    assert!(n > 1, "the article has several hits: {n}");
    let at = found.current.expect("a hit visited");
    assert_eq!(found.hits[at].start, a, "the one opened");
    assert_eq!(
        app.shared.status.as_deref(),
        Some(format!("hit {} of {n}", at + 1).as_str())
    );
    typed(&mut app, "n");
    assert_eq!(app.views.main.reader.found.current, Some((at + 1) % n));
}
