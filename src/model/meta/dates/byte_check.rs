//! The cheap byte pass that tells whether a text can hold a date expression at all,
//! so that most texts skip the pattern's scan.

/// Whether `text` can hold a date expression `find` keeps: each needs a capitalised month
/// name, an ASCII digit right before '-' or '/' (numeric dates; other digits never parse),
/// or "day" / "wee" in any case (weekdays, "yesterday", "today", "last week"; not "week":
/// its "k" also folds from the Kelvin sign). A byte pass is much cheaper than the
/// pattern's scan. "d", "w" and capitals are common, so the pass first tests blocks of
/// bytes for the first two letters of those words (`may_start`, on every byte of a block
/// at once, which compiles to vector code) and reads a block closer only when one is there.
pub(super) fn may_hold_date(text: &str) -> bool {
    const BLOCK: usize = 16;
    let b = text.as_bytes();
    let mut start = 0;
    // Each block is tested with the byte after it, the second byte of its last pair.
    while let Some(w) = b
        .get(start..=start + BLOCK)
        .and_then(|w| <&[u8; BLOCK + 1]>::try_from(w).ok())
    {
        let flagged = w[..BLOCK]
            .iter()
            .zip(&w[1..])
            .fold(0u8, |a, (&x, &y)| a | u8::from(may_start(x, y)))
            != 0;
        if flagged && (start..start + BLOCK).any(|i| date_starts_at(b, i)) {
            return true;
        }
        start += BLOCK;
    }
    (start..b.len()).any(|i| date_starts_at(b, i))
}

/// Whether the bytes `x`, `y` can begin what `date_starts_at` looks for. Every test is
/// made (`&`, `|`: no early exit) so that a block's pairs are tested together.
#[allow(clippy::needless_bitwise_bool)]
fn may_start(x: u8, y: u8) -> bool {
    let (lx, ly) = (x | 0x20, y | 0x20);
    (x.is_ascii_digit() & matches!(y, b'-' | b'/' | b'.'))
        | (lx == b'd') & (ly == b'a')
        | (lx == b'w') & (ly == b'e')
        | (x == b'J') & ((y == b'a') | (y == b'u'))
        | ((x == b'F') | (x == b'S') | (x == b'D')) & (y == b'e')
        | (x == b'M') & (y == b'a')
        | (x == b'A') & ((y == b'p') | (y == b'u'))
        | (x == b'O') & (y == b'c')
        | (x == b'N') & (y == b'o')
}

/// Whether a digit before '-', '/' or '.', a capitalised month name, or "day" / "wee"
/// in any ASCII case starts at byte `i` of `b`.
fn date_starts_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'0'..=b'9' => matches!(b.get(i + 1), Some(b'-' | b'/' | b'.')),
        b'd' | b'D' => {
            crate::model::meta::has_folded_at(b, i, b"day")
                || b.get(i..i + 3) == Some(b"Dec".as_slice())
        }
        b'w' | b'W' => crate::model::meta::has_folded_at(b, i, b"wee"),
        b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' => matches!(
            b.get(i..i + 3),
            Some(
                b"Jan"
                    | b"Feb"
                    | b"Mar"
                    | b"Apr"
                    | b"May"
                    | b"Jun"
                    | b"Jul"
                    | b"Aug"
                    | b"Sep"
                    | b"Oct"
                    | b"Nov"
            )
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::meta::dates::find;

    #[test]
    fn the_byte_check_passes_every_form_the_pattern_reads() {
        for t in [
            "2025-12-18",
            "18/12/2025",
            "Dec. 18",
            "5 March",
            "on Sunday",
            "YesterDay",
            "LAST WEEK",
        ] {
            assert!(may_hold_date(t), "{t}");
            assert!(!find(t).is_empty(), "{t}");
        }
        assert!(!may_hold_date(
            "the 2016 – 2021 term, 100 countries, a march"
        ));
    }

    #[test]
    fn the_byte_check_agrees_with_a_check_of_every_position() {
        // At each byte: a digit before '-', '/' or '.', a capitalised month name, or
        // "day" / "wee" in any ASCII case.
        let by_position = |t: &str| {
            let b = t.as_bytes();
            (0..b.len()).any(|i| {
                let at = |w: &str| b[i..].starts_with(w.as_bytes());
                b[i].is_ascii_digit() && matches!(b.get(i + 1), Some(b'-' | b'/' | b'.'))
                    || [
                        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                    ]
                    .iter()
                    .chain(&["Nov", "Dec"])
                    .any(|m| at(m))
                    || b[i..].len() >= 3 && b[i..i + 3].eq_ignore_ascii_case(b"day")
                    || b[i..].len() >= 3 && b[i..i + 3].eq_ignore_ascii_case(b"wee")
            })
        };
        for t in [
            "",
            "D",
            "De",
            "Dec",
            "dAY",
            "tuesdа",
            "a road, a window, a dock",
            "Đà Nẵng, Wednesday",
            "in Sept",
            "Nov",
            "the 3rd – 4.5 m",
            "3",
            "ngày 5 tháng 3",
            "Ja",
            "AUG",
            "We",
        ] {
            assert_eq!(may_hold_date(t), by_position(t), "{t}");
        }
        // At every offset of a text longer than a block, each form alone.
        let plain = "Border guards of Hà Nội met the navy, 100 officers in all, at a port. ";
        for form in [
            "1-", "7/", "3.", "Jan", "Jul", "Feb", "Sep", "Dec", "dAy", "WEE", "Nov",
        ] {
            for i in (0..=plain.len()).filter(|&i| plain.is_char_boundary(i)) {
                let t = format!("{}{form}{}", &plain[..i], &plain[i..]);
                assert!(may_hold_date(&t), "{t}");
                assert_eq!(may_hold_date(&t), by_position(&t), "{t}");
            }
        }
        assert!(!may_hold_date(plain) && !by_position(plain));
    }

    #[test]
    fn every_text_the_byte_check_passes_holds_a_literal_it_needs() {
        let needs = crate::model::meta::cues::date_needs();
        let holds = |t: &str| {
            let lower = t.to_ascii_lowercase();
            needs.iter().any(|l| lower.contains(l.as_str()))
        };
        for t in [
            "7-", "1/", "0.", "dAy", "WEE", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec",
        ] {
            let t = format!("x {t} y");
            assert!(may_hold_date(&t) && holds(&t), "{t}");
        }
        assert!(!holds("the 2016 – 2021 term, 100 countries"));
    }
}
