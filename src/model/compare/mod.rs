//! Side-by-side comparison of two articles, aligned by topic.
//! (Placeholder: the full comparison replaces it.)
