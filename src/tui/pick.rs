//! A filterable, scrollable selection over a list of items.

/// The state of one list pane: the items shown (after filtering), their matched
/// characters, the selection and the first visible row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pick {
    /// What is shown, in order (indices into the pane's source).
    pub items: Vec<usize>,
    /// Per shown item, the char positions the filter matched (may be empty).
    pub marks: Vec<Vec<usize>>,
    /// Index into `items` of the selection (0 when empty).
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// The fuzzy filter typed so far.
    pub query: String,
}

impl Pick {
    /// Replaces the items, keeping `keep` selected when it is still shown.
    pub fn set(&mut self, items: Vec<usize>, marks: Vec<Vec<usize>>, keep: Option<usize>) {
        self.selected = keep
            .and_then(|k| items.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.items = items;
        self.marks = marks;
        self.offset = self.offset.min(self.selected);
    }

    /// The selected source index.
    pub fn current(&self) -> Option<usize> {
        self.items.get(self.selected).copied()
    }

    /// The number of shown items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing is shown.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The matched char positions of shown item `row`.
    pub fn marks_of(&self, row: usize) -> &[usize] {
        self.marks.get(row).map_or(&[], Vec::as_slice)
    }

    /// Moves the selection by `delta`, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.offset = self.offset.min(self.selected);
    }

    /// Selects the item at `index` (clamped).
    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.items.len().saturating_sub(1));
        // Even in a hidden pane the first shown row never passes the selection.
        self.offset = self.offset.min(self.selected);
    }

    /// Selects the first item.
    pub fn first(&mut self) {
        self.select(0);
    }

    /// Selects the last item.
    pub fn last(&mut self) {
        self.select(self.items.len().saturating_sub(1));
    }

    /// The rows a pane `height` items tall shows, from the first visible one: each as
    /// (row, item), where `row` indexes `items` (for the selection and the marks) and
    /// `item` is the pane's source index.
    pub fn visible(&self, height: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.items
            .iter()
            .copied()
            .enumerate()
            .skip(self.offset)
            .take(height)
    }

    /// Keeps the selection in range and visible in a pane `height` rows tall.
    pub fn fit(&mut self, height: usize) {
        self.select(self.selected);
        self.reveal(self.selected, height, self.len());
    }

    /// Scrolls so that `row` is visible in a pane `height` rows tall with `rows` rows.
    pub fn reveal(&mut self, row: usize, height: usize, rows: usize) {
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        self.offset = self.offset.min(rows.saturating_sub(height));
    }
}

/// The place after (or before) `current` among `n`, wrapping around; with none visited
/// yet, the first (or the last). 0 when there are none.
pub fn step_around(current: Option<usize>, n: usize, forward: bool) -> usize {
    if n == 0 {
        return 0;
    }
    match (current, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(c), true) => (c + 1) % n,
        (Some(c), false) => (c + n - 1) % n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_wrap_around_both_ways() {
        assert_eq!(step_around(None, 3, true), 0);
        assert_eq!(step_around(None, 3, false), 2);
        assert_eq!(step_around(Some(2), 3, true), 0);
        assert_eq!(step_around(Some(0), 3, false), 2);
        assert_eq!(step_around(Some(1), 3, true), 2);
        assert_eq!(step_around(None, 0, false), 0);
    }

    #[test]
    fn moves_within_bounds_and_reveals() {
        let mut p = Pick::default();
        p.move_by(3);
        assert_eq!((p.selected, p.current()), (0, None));
        p.set((10..30).collect(), Vec::new(), Some(12));
        assert_eq!(p.current(), Some(12));
        p.move_by(100);
        assert_eq!(p.selected, 19);
        p.reveal(19, 5, 20);
        assert_eq!(p.offset, 15);
        let shown: Vec<(usize, usize)> = p.visible(3).collect();
        assert_eq!(shown, [(15, 25), (16, 26), (17, 27)]);
        assert_eq!(p.visible(10).count(), 5, "no row past the last item");
        p.move_by(-100);
        p.reveal(0, 5, 20);
        assert_eq!((p.selected, p.offset), (0, 0));
        p.set(vec![1], Vec::new(), None);
        assert_eq!((p.selected, p.offset), (0, 0));
        assert!(p.marks_of(5).is_empty());
    }
}
