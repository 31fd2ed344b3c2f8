//! A comparison laid out as screen lines: the change digest and a legend first, then
//! one block per topic with a header across both columns, the two sides' sentences
//! wrapped to their column, the row's linked changes under it, all scrolled together.

use super::notes;
use crate::model::compare::{Comparison, Reference, Row, Sentence};
use crate::tui::wrap::{Seg, Tag, Wrapped, truncate, wrap};
use ratatui::layout::Rect;

/// One screen line of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareLine {
    /// The digest's heading ("What changed:", or that nothing stands out).
    DigestHead,
    /// A line of digest entry `k` (index into `Comparison::digest`); its first line
    /// carries the bullet.
    Digest(usize, Wrapped),
    /// What the marks and colours mean.
    Legend,
    /// A topic header across both columns (index into `Comparison::rows`).
    Topic(usize),
    /// A line of each column (`None`: that side has nothing on this topic).
    Pair(Option<Wrapped>, Option<Wrapped>),
    /// A line of a row's linked changes or one-sided names, across both columns.
    Change(Wrapped),
    /// Space between blocks.
    Blank,
}

/// Where the reader is in a comparison, kept across a reload of the corpus: the same
/// two documents give the same lines, so a line offset finds the same place again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ComparePlace {
    /// Only topics whose two sides differ.
    pub only_diffs: bool,
    /// The selected digest entry.
    pub digest_at: usize,
    /// First visible line.
    pub scroll: usize,
}

/// The state of an open comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareLines {
    /// The aligned rows from the model.
    pub cmp: Comparison,
    /// Only topics whose two sides differ.
    pub only_diffs: bool,
    /// The selected digest entry (Enter goes to its topic).
    pub digest_at: usize,
    /// The width the lines were wrapped for.
    pub width: u16,
    /// The lines at that width.
    pub lines: Vec<CompareLine>,
    /// Line index of each shown topic header.
    pub topics: Vec<usize>,
    /// First visible line (both columns scroll together).
    pub scroll: usize,
    /// Visible lines (below the column headers).
    pub height: usize,
}

impl CompareLines {
    /// Lays out a comparison for the inner area of the pane.
    #[must_use]
    pub fn new(cmp: Comparison, area: Rect) -> CompareLines {
        let mut v = CompareLines {
            cmp,
            only_diffs: false,
            digest_at: 0,
            width: 0,
            lines: Vec::new(),
            topics: Vec::new(),
            scroll: 0,
            height: 1,
        };
        v.fit(area);
        v
    }

    /// Rewraps to the inner area of the pane (when its width changed).
    pub fn fit(&mut self, area: Rect) {
        self.height = usize::from(area.height).saturating_sub(1).max(1);
        if self.width != area.width || self.lines.is_empty() {
            self.width = area.width;
            self.rebuild();
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// The largest useful scroll offset.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    /// Rebuilds the lines (after a swap, a toggle or a resize).
    pub fn rebuild(&mut self) {
        let col = column_width(self.width);
        let full = usize::from(self.width).max(1);
        self.lines = vec![CompareLine::DigestHead];
        let digest = notes::digest_lines(&self.cmp, full);
        self.lines
            .extend(digest.into_iter().map(|(k, w)| CompareLine::Digest(k, w)));
        self.lines.extend([CompareLine::Legend, CompareLine::Blank]);
        self.topics.clear();
        self.digest_at = self.digest_at.min(self.cmp.digest.len().saturating_sub(1));
        for (i, row) in self.cmp.rows.iter().enumerate() {
            if !has_content(row) || (self.only_diffs && !row.differs) {
                continue;
            }
            self.topics.push(self.lines.len());
            self.lines.push(CompareLine::Topic(i));
            let rows = &self.cmp.rows;
            let left = side_lines(&row.left, &row.left_refs, rows, col);
            let right = side_lines(&row.right, &row.right_refs, rows, col);
            let n = left.len().max(right.len()).max(1);
            let mut l = left.into_iter();
            let mut r = right.into_iter();
            for _ in 0..n {
                self.lines.push(CompareLine::Pair(l.next(), r.next()));
            }
            let labels = (self.cmp.left_label.as_str(), self.cmp.right_label.as_str());
            let changes = notes::change_lines(row, labels, full);
            self.lines
                .extend(changes.into_iter().map(CompareLine::Change));
            self.lines.push(CompareLine::Blank);
        }
    }

    /// Where the reader is.
    #[must_use]
    pub fn place(&self) -> ComparePlace {
        ComparePlace {
            only_diffs: self.only_diffs,
            digest_at: self.digest_at,
            scroll: self.scroll,
        }
    }

    /// Goes back to `place` (within range, should the comparison have changed).
    pub fn go_to(&mut self, place: ComparePlace) {
        if self.only_diffs != place.only_diffs {
            self.only_diffs = place.only_diffs;
            self.rebuild();
        }
        self.digest_at = place.digest_at.min(self.cmp.digest.len().saturating_sub(1));
        self.scroll = place.scroll.min(self.max_scroll());
    }

    /// Shows a new comparison of the same pair (the sides swapped), keeping the place.
    pub fn replace(&mut self, cmp: Comparison) {
        self.cmp = cmp;
        self.rebuild();
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Scrolls by `delta` lines, within range.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Toggles "only topics that differ".
    pub fn toggle_diffs(&mut self) {
        self.only_diffs = !self.only_diffs;
        self.rebuild();
        self.scroll = 0;
    }

    /// Scrolls to the next (`forward`) or previous topic header.
    pub fn jump_topic(&mut self, forward: bool) {
        let target = if forward {
            self.topics.iter().find(|&&t| t > self.scroll).copied()
        } else {
            self.topics
                .iter()
                .rev()
                .find(|&&t| t < self.scroll)
                .copied()
        };
        if let Some(t) = target {
            self.scroll = t.min(self.max_scroll());
        }
    }
}

/// True when a row has anything to show on either side.
fn has_content(row: &Row) -> bool {
    !(row.left.is_empty()
        && row.right.is_empty()
        && row.left_refs.is_empty()
        && row.right_refs.is_empty())
}

/// Which topic (1-based) is at the top of the screen: the last whose header is at or
/// above the first visible line; 0 when there are none.
#[must_use]
pub fn topic_at(topics: &[usize], scroll: usize) -> usize {
    match topics.iter().take_while(|&&t| t <= scroll).count() {
        0 => usize::from(!topics.is_empty()),
        n => n,
    }
}

/// The width of each of the two columns in a pane this wide.
#[must_use]
pub fn column_width(width: u16) -> usize {
    usize::from((width.saturating_sub(3) / 2).max(1))
}

fn note(text: String) -> Wrapped {
    Wrapped {
        segs: vec![Seg {
            text,
            tag: Some(Tag::Note),
        }],
        start: 0,
    }
}

/// A side's sentences, each wrapped with a bullet, then a line per sentence shown in
/// full under another topic; "(not covered)" when the side has neither.
fn side_lines(
    sentences: &[Sentence],
    refs: &[Reference],
    rows: &[Row],
    width: usize,
) -> Vec<Wrapped> {
    let mut out = Vec::new();
    if sentences.is_empty() && refs.is_empty() {
        out.push(note("(not covered)".into()));
    }
    for s in sentences {
        let tags: Vec<(usize, usize, Tag)> = s
            .highlights
            .iter()
            .map(|&(a, b)| (a, b, Tag::Differs))
            .collect();
        for (k, mut w) in wrap(&s.text, width.saturating_sub(2).max(1), &tags)
            .into_iter()
            .enumerate()
        {
            let bullet = if k == 0 { "• " } else { "  " };
            w.segs.insert(
                0,
                Seg {
                    text: bullet.into(),
                    tag: None,
                },
            );
            out.push(w);
        }
    }
    for r in refs {
        let under = rows.get(r.row).map_or("", |row| row.short.as_str());
        let text = r
            .sentence
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push(note(truncate(&format!("↳ {under}: {text}"), width)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::topic_at;

    #[test]
    fn the_topic_at_the_top_is_the_last_header_above_it() {
        let headers = [0, 5, 9];
        assert_eq!(topic_at(&headers, 0), 1);
        assert_eq!(topic_at(&headers, 4), 1);
        assert_eq!(topic_at(&headers, 5), 2);
        assert_eq!(topic_at(&headers, 30), 3);
        assert_eq!(topic_at(&[2, 6], 0), 1, "above the first header, the first");
        assert_eq!(topic_at(&[], 3), 0);
    }
}
