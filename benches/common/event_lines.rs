//! Generated event lines and events for the filter benches: ~100-char names in English
//! and Vietnamese, with and without diacritics, dates, periods, places, people, outlets.

use dossier::model::text::fold;

pub const EN: [&str; 32] = [
    "Border",
    "Defence",
    "Friendship",
    "Exchange",
    "Conference",
    "Review",
    "International",
    "Integration",
    "Diplomacy",
    "Peacekeeping",
    "Engineering",
    "Unit",
    "Rotation",
    "Level-2",
    "Field",
    "Hospital",
    "Strategic",
    "Dialogue",
    "Security",
    "Young",
    "Officers",
    "Guard",
    "Delegation",
    "Talks",
    "Forum",
    "Naval",
    "Training",
    "Exercise",
    "Annual",
    "Meeting",
    "Ministerial",
    "Cooperation",
];
pub const VI: [&str; 24] = [
    "Hội nghị",
    "tổng kết",
    "công tác",
    "đối ngoại",
    "quốc phòng",
    "hội nhập",
    "quốc tế",
    "giao lưu",
    "hữu nghị",
    "biên giới",
    "gìn giữ hòa bình",
    "bệnh viện dã chiến",
    "đội công binh",
    "luân phiên",
    "cấp 2",
    "sơ kết",
    "6 tháng đầu năm",
    "năm",
    "đối thoại",
    "chiến lược",
    "sĩ quan trẻ",
    "biên phòng",
    "Bộ Quốc phòng",
    "Việt Nam",
];
pub const PLACES: [&str; 10] = [
    "Hà Nội",
    "Lào Cai",
    "Hà Giang",
    "Cao Bằng",
    "Vientiane",
    "Phnom Penh",
    "Beijing",
    "Đà Nẵng",
    "Hồ Chí Minh City",
    "Lạng Sơn",
];
pub const PEOPLE: [&str; 6] = [
    "Hoàng Xuân Chiến",
    "Nguyễn Tân Cương",
    "Phan Văn Giang",
    "Lê Huy Vịnh",
    "Trịnh Văn Quyết",
    "Võ Minh Lương",
];
pub const COUNTRIES: [&str; 6] = [
    "China",
    "Laos",
    "Cambodia",
    "Trung Quốc",
    "Lào",
    "Campuchia",
];
pub const SOURCES: [&str; 3] = ["VNA", "VNS", "QDND"];

/// A small deterministic generator (xorshift), so runs are comparable.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

/// One event line like the events view's haystack: name, date, period, place, people, source.
pub fn line(rng: &mut Rng) -> String {
    let ordinal = 1 + rng.next() % 12;
    let suffix = match ordinal {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    let vietnamese = rng.next().is_multiple_of(3);
    let mut s = if vietnamese {
        let mut s = format!("{} lần thứ {ordinal}", rng.pick(&VI));
        while s.chars().count() < 50 {
            s.push(' ');
            s.push_str(rng.pick(&VI));
        }
        s
    } else {
        let mut s = format!("{ordinal}{suffix} Vietnam–{}", rng.pick(&COUNTRIES));
        while s.chars().count() < 50 {
            s.push(' ');
            s.push_str(rng.pick(&EN));
        }
        s
    };
    let year = 2015 + rng.next() % 11;
    let (month, day) = (1 + rng.next() % 12, 1 + rng.next() % 28);
    s.push_str(&format!(
        " {year}-{month:02}-{day:02} {year}-H{} {} {} {}",
        1 + rng.next() % 2,
        rng.pick(&PLACES),
        rng.pick(&PEOPLE),
        rng.pick(&SOURCES)
    ));
    // A third of the lines are typed without diacritics, as many sources print them.
    if rng.next().is_multiple_of(3) {
        fold(&s)
    } else {
        s
    }
}

/// One generated event of the timeline: a name like [`line`]'s, its series, status,
/// place, date, outlets and a sentence naming it (with a person and a place), and the
/// document that sentence is read from, to be document `doc` of the corpus.
pub fn event(rng: &mut Rng, doc: usize) -> (dossier::model::Event, dossier::model::Document) {
    use dossier::model::event::{EventSentence, Status};
    use dossier::model::{Date, Field, Period};
    let full = line(rng);
    // The name is the part before the date (see `line`).
    let cut = full.find(" 20").unwrap_or(full.len());
    let name = full[..cut].to_owned();
    let series = name
        .split_once(' ')
        .map_or(name.clone(), |(_, rest)| rest.to_owned());
    let year = 2015 + (rng.next() % 11) as i32;
    let date = Date::new(
        year,
        1 + (rng.next() % 12) as u8,
        1 + (rng.next() % 28) as u8,
    );
    let place = rng.pick(&PLACES).to_owned();
    let person = rng.pick(&PEOPLE);
    let status = [Status::Held, Status::Upcoming, Status::InPreparation][rng.next() % 3];
    let text = format!(
        "Senior Lieutenant General {person} said the {name} in {place} had strengthened trust with neighbouring countries."
    );
    let event = dossier::model::Event {
        id: format!("event:{}", rng.next()),
        name,
        date: date.filter(|_| rng.next().is_multiple_of(2)),
        period: Some(Period::Half {
            year,
            half: 1 + (rng.next() % 2) as u8,
        }),
        series: Some(series),
        status: Some(status),
        place: Some(place),
        sources: vec![rng.pick(&SOURCES).to_owned()],
        sentences: EventSentence::new(doc, Field::Body(0), 0, text.len())
            .into_iter()
            .collect(),
        ..dossier::model::Event::default()
    };
    let document = dossier::model::Document {
        id: format!("doc{doc}"),
        body: vec![text].into(),
        ..dossier::model::Document::default()
    };
    (event, document)
}
