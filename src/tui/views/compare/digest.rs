//! Moving through the change digest: selecting an entry and going to the topic row it
//! sums up (turning off "only topics that differ" when that row is hidden).

use super::lines::{CompareLine, CompareLines};

impl CompareLines {
    /// Line index of the first line of digest entry `k`.
    #[must_use]
    pub fn digest_line(&self, k: usize) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| matches!(l, CompareLine::Digest(i, _) if *i == k))
    }

    /// Line index of the header of row `row`, when it is shown.
    #[must_use]
    pub fn header_of(&self, row: usize) -> Option<usize> {
        self.topics
            .iter()
            .copied()
            .find(|&t| self.lines.get(t) == Some(&CompareLine::Topic(row)))
    }

    /// Selects the next (`forward`) or previous digest entry, round the end, and
    /// scrolls it into view.
    pub fn select_digest(&mut self, forward: bool) {
        let n = self.cmp.digest.len();
        if n == 0 {
            return;
        }
        self.digest_at = if forward {
            (self.digest_at + 1) % n
        } else {
            (self.digest_at + n - 1) % n
        };
        self.reveal_digest();
    }

    /// Scrolls so that the selected entry's lines are on screen.
    fn reveal_digest(&mut self) {
        let Some(first) = self.digest_line(self.digest_at) else {
            return;
        };
        let last = self
            .lines
            .iter()
            .rposition(|l| matches!(l, CompareLine::Digest(i, _) if *i == self.digest_at))
            .unwrap_or(first);
        if first < self.scroll {
            self.scroll = first;
        } else if last >= self.scroll + self.height {
            self.scroll = (last + 1).saturating_sub(self.height).min(first);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Goes to the topic row of the selected digest entry; false when there is none.
    pub fn go_to_digest(&mut self) -> bool {
        let Some(row) = self.cmp.digest.get(self.digest_at).map(|d| d.topic_row) else {
            return false;
        };
        if self.header_of(row).is_none() && self.only_diffs {
            self.only_diffs = false;
            self.rebuild();
        }
        match self.header_of(row) {
            Some(h) => {
                self.scroll = h.min(self.max_scroll());
                true
            }
            None => false,
        }
    }

    /// Selects the digest entry drawn on screen line `line` (below the column
    /// headers) and goes to its row; false when that line is not a digest entry.
    pub fn click(&mut self, line: usize) -> bool {
        match self.lines.get(self.scroll + line) {
            Some(CompareLine::Digest(k, _)) => {
                self.digest_at = *k;
                self.go_to_digest()
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::{Comparison, DigestLine, Row};
    use ratatui::layout::Rect;

    fn row(label: &str, left: bool, right: bool, differs: bool) -> Row {
        let sentence = |t: &str| crate::model::compare::Sentence {
            text: t.into(),
            field: crate::model::Field::Body(0),
            start: 0,
            end: t.len(),
            highlights: Vec::new(),
            aspect: crate::model::compare::Aspect::Neutral,
        };
        let side = |on: bool| {
            if on {
                vec![sentence(&format!("Patrols along the {label} went on."))]
            } else {
                Vec::new()
            }
        };
        Row {
            topic: label.into(),
            label: label.into(),
            short: label.into(),
            left: side(left),
            right: side(right),
            left_refs: Vec::new(),
            right_refs: Vec::new(),
            only_left: Vec::new(),
            only_right: Vec::new(),
            changes: Vec::new(),
            differs,
        }
    }

    /// Rows 0 (same), 1 (differs), 2 (empty, never shown), 3 (left only); a digest
    /// about rows 3 then 1.
    fn lines(height: u16) -> CompareLines {
        let cmp = Comparison {
            left_index: 0,
            right_index: 1,
            left: "a".into(),
            right: "b".into(),
            left_label: "A".into(),
            right_label: "B".into(),
            summary: String::new(),
            digest: vec![
                DigestLine {
                    topic_row: 3,
                    text: "Ships: covered only by A.".into(),
                },
                DigestLine {
                    topic_row: 1,
                    text: "Drills: 4 → 6 drills.".into(),
                },
            ],
            rows: vec![
                row("coast", true, true, false),
                row("drills", true, true, true),
                row("empty", false, false, false),
                row("ships", true, false, true),
            ],
            note: None,
        };
        CompareLines::new(cmp, Rect::new(0, 0, 60, height))
    }

    #[test]
    fn the_digest_comes_first_and_empty_rows_are_left_out() {
        let v = lines(40);
        assert_eq!(v.lines[0], CompareLine::DigestHead);
        assert_eq!(v.digest_line(0), Some(1));
        assert_eq!(v.digest_line(1), Some(2));
        assert_eq!(v.topics.len(), 3, "the empty row has no header");
        assert_eq!(v.header_of(2), None);
        assert!(v.header_of(0) < v.header_of(1) && v.header_of(1) < v.header_of(3));
    }

    #[test]
    fn enter_goes_to_the_selected_entrys_row() {
        let mut v = lines(4);
        assert_eq!(v.digest_at, 0);
        assert!(v.go_to_digest());
        assert_eq!(
            Some(v.scroll),
            v.header_of(3).map(|h| h.min(v.max_scroll()))
        );
        v.select_digest(true);
        assert_eq!(v.digest_at, 1);
        assert!(
            v.scroll <= 2,
            "the selected entry is scrolled back into view"
        );
        assert!(v.go_to_digest());
        assert_eq!(Some(v.scroll), v.header_of(1));
        v.select_digest(true);
        assert_eq!(v.digest_at, 0, "round the end");
        v.select_digest(false);
        assert_eq!(v.digest_at, 1, "and back");
    }

    #[test]
    fn a_row_hidden_by_only_diffs_is_shown_again() {
        let mut v = lines(4);
        v.toggle_diffs();
        assert_eq!(
            v.header_of(0),
            None,
            "the row that does not differ is hidden"
        );
        v.cmp.digest[0].topic_row = 0;
        assert!(v.go_to_digest());
        assert!(!v.only_diffs);
        assert_eq!(Some(v.scroll), v.header_of(0));
        v.cmp.digest[0].topic_row = 2;
        assert!(!v.go_to_digest(), "an empty row has nowhere to go");
    }

    #[test]
    fn a_click_on_an_entry_goes_to_its_row() {
        let mut v = lines(4);
        assert!(!v.click(0), "the heading is not an entry");
        assert!(v.click(2));
        assert_eq!(v.digest_at, 1);
        assert_eq!(Some(v.scroll), v.header_of(1));
    }

    #[test]
    fn no_digest_no_selection() {
        let mut v = lines(30);
        v.cmp.digest.clear();
        v.rebuild();
        v.select_digest(true);
        assert_eq!(v.digest_at, 0);
        assert!(!v.go_to_digest());
    }
}
