//! How much of an article is compared, and how many items a row lists.

/// Body text compared per side; the rest of a longer article is left out, with a note.
pub const MAX_SIDE_BYTES: usize = 1 << 20;

/// Items listed per row and side (one-sided names and values); the rest are counted.
pub const MAX_LISTED: usize = 40;
