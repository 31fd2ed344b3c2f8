use super::*;
use proptest::prelude::*;

fn run(raw: &str) -> Cleaned {
    clean(raw, Lexicon::embedded(), &Vocabulary::default())
}

#[test]
fn other_outlet_markdown_hard_wrapped_with_related_news() {
    let raw = "By Somchai Wong\r\n\r\n\
        # Thai and Lao navies hold first joint patrol on the Mekong\r\n\r\n\
        VIENTIANE, May 5 — The navies of Thailand and Laos held their first joint patrol on\r\n\
        the Mekong river on Monday, the Lao defence ministry said in a statement issued\r\n\
        in Vientiane.\r\n\r\n\
        Officers from both sides inspected 12 checkpoints along the river. (Photo: KPL)\r\n\r\n\
        The patrol will be repeated every quarter, thepeacekeepingforces said.\r\n\r\n\
        Related news\r\n\r\n\
        Cambodia hosts border talks\r\n\r\n\
        Officials from three countries met in Phnom Penh on Tuesday.\r\n";
    let c = run(raw);
    let d = &c.doc;
    assert_eq!(
        d.title,
        "Thai and Lao navies hold first joint patrol on the Mekong"
    );
    assert!(!d.title_derived);
    assert_eq!(d.byline.as_deref(), Some("By Somchai Wong"));
    assert_eq!(d.dateline.as_deref(), Some("VIENTIANE"));
    assert_eq!(d.source, None);
    assert_eq!(d.body.len(), 2);
    assert!(d.body[0].starts_with(
        "The navies of Thailand and Laos held their first joint patrol on the Mekong river on Monday"
    ));
    assert_eq!(
        &d.body[1],
        "The patrol will be repeated every quarter, the peacekeeping forces said."
    );
    assert_eq!(
        d.captions,
        ["Officers from both sides inspected 12 checkpoints along the river. (Photo: KPL)"]
    );
    assert_eq!(d.related.len(), 1);
    assert_eq!(
        d.related[0].title.as_deref(),
        Some("Cambodia hosts border talks")
    );
}

#[test]
fn no_headline_no_end_mark_stamp_and_agency_dateline() {
    let raw = "18/05/2024 09:30 GMT+7\n\
        The Ministry of National Defence and theArmy of Laos signed a training plan in Hanoi on May5, officials said.\n\
        Hanoi (VNA) – The plan covers 2024-2026 and includes exchanges of 100cadets.\n\
        Share\n";
    let c = run(raw);
    let d = &c.doc;
    let stamps: Vec<&str> = c.stamps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(stamps, ["18/05/2024 09:30 GMT+7"]);
    assert!(d.title_derived);
    assert_eq!(
        d.title,
        "The Ministry of National Defence and the Army of Laos signed a training plan in Hanoi on May 5…"
    );
    assert!(d.title.chars().count() <= 100);
    assert_eq!(d.source.as_deref(), Some("VNA"));
    assert_eq!(
        &d.body[1],
        "The plan covers 2024-2026 and includes exchanges of 100 cadets."
    );
    assert!(d.related.is_empty());
}

#[test]
fn end_mark_after_credit_priorities() {
    let raw = "Navy ships visit Da Nang\n\nThe ships docked on Monday.\n\nThey leave on Friday. — VNS\n\nTranslated by Tran Hoai\n";
    let d = run(raw).doc;
    assert_eq!(d.source.as_deref(), Some("VNS"));
    assert_eq!(d.byline.as_deref(), Some("Translated by Tran Hoai"));
    assert_eq!(
        d.body,
        ["The ships docked on Monday.", "They leave on Friday."]
    );
}

#[test]
fn a_closing_byline_of_a_short_article_is_not_a_header_line() {
    let raw = "Navy ships visit Da Nang\n\nThe two ships of the Royal Australian Navy docked at Tien Sa port on \
        Monday for a five-day visit, the city said in a statement.\n\nBy Thanh Ha\n\n\
        Army hosts a shooting contest\n\nTeams from ten countries took part.\n";
    let d = run(raw).doc;
    assert_eq!(d.byline.as_deref(), Some("By Thanh Ha"));
    assert_eq!(d.body.len(), 1);
    assert_eq!(d.related.len(), 1);
}

#[test]
fn markdown_marks_around_controls_leave_trimmed_paragraphs() {
    // Found by the property test below: stripping "**" must not leave a leading space.
    for raw in ["**\u{7f}A", "** A", "x **\n** y"] {
        for p in &run(raw).doc.body {
            assert!(
                !p.is_empty() && p.trim() == p && !p.contains("  "),
                "{raw:?} → {p:?}"
            );
        }
    }
}

#[test]
fn empty_and_debris_only_files() {
    let d = run("").doc;
    assert!(d.body.is_empty() && d.title.is_empty());
    let d = run("leftcenterrightdel\n|\n  |\nSee more\nE-paper\n").doc;
    assert!(d.body.is_empty() && d.captions.is_empty() && d.related.is_empty());
}

proptest! {
    #[test]
    fn never_panics_and_bodies_are_trimmed(raw in "(?s).{0,400}") {
        let d = run(&raw).doc;
        for p in &d.body {
            prop_assert!(!p.is_empty() && p.trim() == p && !p.contains("  ") && !p.contains('\n'));
        }
        prop_assert!(d.title.chars().count() <= 150 || !d.title_derived);
    }

    #[test]
    fn never_panics_on_article_like_text(
        lines in proptest::collection::vec("[A-Za-z0-9 ,.|()’'—–:/-]{0,80}", 0..12)
    ) {
        let raw = lines.join("\n");
        let _ = run(&raw);
    }
}

#[test]
fn a_masthead_line_above_the_story_is_neither_its_source_nor_its_lede() {
    let raw = "Navy chiefs meet in Da Nang\n\nTuoi Tre News\n\n\
        Navy chiefs of four countries met in Da Nang on Tuesday to discuss search and rescue.\n\n\
        They agreed to hold drills in the autumn.\n";
    let d = run(raw).doc;
    assert_eq!(d.title, "Navy chiefs meet in Da Nang");
    assert_eq!(d.source, None);
    assert_eq!(d.body.len(), 2);
    assert!(d.body[0].starts_with("Navy chiefs of four countries"));
    assert!(d.related.is_empty());
}

#[test]
fn a_short_story_s_closing_credit_still_names_its_source() {
    let d = run("Drill ends\n\nThe drill ended.\n\nVNA\n").doc;
    assert_eq!(d.source.as_deref(), Some("VNA"));
}

#[test]
fn a_menu_line_above_the_headline_is_not_the_headline() {
    let raw = "Tin tức | Thời sự\n\nNavy chiefs meet in Da Nang\n\n\
        Navy chiefs of four countries met in Da Nang on Tuesday to discuss search and rescue.\n";
    let d = run(raw).doc;
    assert_eq!(d.title, "Navy chiefs meet in Da Nang");
    assert_eq!(d.body.len(), 1);
}

#[test]
fn a_question_headline_is_still_above_its_byline_and_date_line() {
    let raw = "Border guards had a hard winter. Will the spring be easier?\n\
        By Tran Thu Ha\nMarch 3, 2027\n\n\
        Border guards in Ha Giang patrolled through heavy snow for most of January.\n";
    let c = run(raw);
    assert_eq!(
        c.doc.title,
        "Border guards had a hard winter. Will the spring be easier?"
    );
    assert_eq!(c.doc.byline.as_deref(), Some("By Tran Thu Ha"));
    assert_eq!(c.stamps.len(), 1);
    assert_eq!(c.stamps[0].text, "March 3, 2027");
    assert_eq!(c.doc.body.len(), 1);
}

#[test]
fn only_one_question_is_passed_over_as_the_headline() {
    // The second question is the story's first paragraph: the header ends there, and the
    // date line below it is the story's text.
    let raw = "Will the spring be easier for the border guards of Ha Giang province?\n\n\
        Who will patrol the passes of the northern border when the snow returns next year?\n\n\
        March 3, 2027\n";
    let c = run(raw);
    assert!(c.stamps.is_empty());
    assert_eq!(c.doc.body.len(), 2);
}

#[test]
fn a_labelled_date_line_right_under_the_headline_is_not_part_of_it() {
    let raw = "Navy chiefs meet in Da Nang for talks on sea rescue\n\
        Source: Asia Wire | 2027-04-09 10:12:40 | Editor: Kim Lan\n\n\
        Navy chiefs of four countries met in Da Nang on Tuesday to discuss search and rescue.\n";
    let c = run(raw);
    assert_eq!(
        c.doc.title,
        "Navy chiefs meet in Da Nang for talks on sea rescue"
    );
    assert_eq!(c.stamps.len(), 1);
    assert!(
        c.stamps[0]
            .text
            .starts_with("Source: Asia Wire | 2027-04-09")
    );
}
