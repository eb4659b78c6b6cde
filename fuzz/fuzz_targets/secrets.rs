//! Fuzz target `secrets`: see `llmdoctor_fuzz::targets::secrets` (fuzz/src/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| llmdoctor_fuzz::targets::secrets(data));
