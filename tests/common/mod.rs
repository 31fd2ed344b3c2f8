//! Helpers shared by the integration tests: the real binary in a pseudo-terminal
//! ([`pty`]) and scratch folders of made-up articles, listed to see what changed
//! ([`files`]). Each test crate uses only some of them.

#![allow(
    dead_code,
    reason = "each test crate uses a different part of the helpers"
)]

pub mod files;
pub mod pty;
