//! Fuzzes the loader on arbitrary bytes as one corpus file: see
//! `dossier_fuzz::check_loader` for what is checked.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| dossier_fuzz::check_loader(data));
