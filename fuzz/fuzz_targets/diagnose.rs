//! Fuzz target `diagnose`: see `llmdoctor_fuzz::targets::diagnose` (fuzz/src/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| llmdoctor_fuzz::targets::diagnose(data));
