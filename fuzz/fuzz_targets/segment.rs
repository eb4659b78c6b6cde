//! Fuzz target `segment`: see `llmdoctor_fuzz::targets::segment` (fuzz/src/targets.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| llmdoctor_fuzz::targets::segment(data));
