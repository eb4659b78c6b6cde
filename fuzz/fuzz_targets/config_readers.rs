//! Fuzz target `config_readers`: see `llmdoctor_fuzz::targets::config_readers` (fuzz/src/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| llmdoctor_fuzz::targets::config_readers(data));
