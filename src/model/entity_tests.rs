use super::*;

#[test]
fn a_mention_takes_sixteen_bytes() {
    assert_eq!(std::mem::size_of::<Mention>(), 16);
}

/// Every variant, at index 0, a small index and the largest that packs.
fn fields() -> Vec<Field> {
    let top = (1 << 29) - 1;
    let mut all = vec![Field::Title];
    for i in [0, 7, 70_000, top] {
        all.extend([
            Field::Body(i),
            Field::Caption(i),
            Field::RelatedTitle(i),
            Field::RelatedText(i),
        ]);
    }
    all
}

#[test]
fn every_field_packs_and_comes_back() {
    for field in fields() {
        let packed = PackedField::new(field).unwrap();
        assert_eq!(packed.get(), field);
        assert_eq!(PackedField::from_bits(packed.bits()), Some(packed));
    }
}

#[test]
fn packed_fields_keep_the_order_of_fields() {
    let all = fields();
    for a in &all {
        for b in &all {
            let (pa, pb) = (PackedField::new(*a).unwrap(), PackedField::new(*b).unwrap());
            assert_eq!(pa.cmp(&pb), a.cmp(b), "{a:?} {b:?}");
        }
    }
}

#[test]
fn a_mention_gives_back_what_it_was_made_of() {
    let top = u32::MAX as usize;
    let m = Mention::new(top, Field::RelatedText(12), 40, top).unwrap();
    assert_eq!(m.entity(), top);
    assert_eq!(m.field(), Field::RelatedText(12));
    assert_eq!((m.start(), m.end(), m.range()), (40, top, 40..top));
    let moved = m.with_entity(3).unwrap();
    assert_eq!(
        (moved.entity(), moved.field(), moved.range()),
        (3, m.field(), m.range())
    );
    let earlier = Mention::new(9, Field::RelatedText(12), 39, 41).unwrap();
    let title = Mention::new(9, Field::Title, 1000, 1001).unwrap();
    assert!(earlier.order_key() < m.order_key());
    assert!(title.order_key() < earlier.order_key());
}

#[test]
fn numbers_too_large_to_hold_are_refused_not_wrapped() {
    let big = u32::MAX as usize + 1;
    assert_eq!(Mention::new(big, Field::Title, 0, 1), None);
    assert_eq!(Mention::new(0, Field::Title, big, big + 1), None);
    assert_eq!(Mention::new(0, Field::Title, 0, big), None);
    assert_eq!(Mention::new(0, Field::Body(1 << 29), 0, 1), None);
    assert_eq!(Mention::new(0, Field::Caption(usize::MAX), 0, 1), None);
    let m = Mention::new(0, Field::Title, 0, 1).unwrap();
    assert_eq!(m.with_entity(big), None);
    assert_eq!(PackedField::from_bits(5 << 29), None);
    assert_eq!(PackedField::from_bits(u32::MAX), None);
}

#[test]
fn a_mention_serialises_as_field_index_start_end() {
    let m = Mention::new(4, Field::Body(2), 10, 15).unwrap();
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(json, r#"{"field":"body","index":2,"start":10,"end":15}"#);
    let t = Mention::new(4, Field::Title, 0, 3).unwrap();
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        r#"{"field":"title","start":0,"end":3}"#
    );
    // The entity is not exported, so it reads back as 0.
    let back: Mention = serde_json::from_str(&json).unwrap();
    assert_eq!(back, m.with_entity(0).unwrap());
    let huge = r#"{"field":"body","index":2,"start":10,"end":99999999999}"#;
    assert!(serde_json::from_str::<Mention>(huge).is_err());
}
