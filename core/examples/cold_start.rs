//! The engine's one-time costs, for an instruction count (the page pays them as baseline wasm
//! on a first visit; docs/BENCHMARKS.md, "First diagnosis"):
//!
//! ```sh
//! cargo build --release --example cold_start -p llmdoctor-core
//! valgrind --tool=callgrind target/release/examples/cold_start warm   # keyword automaton
//! valgrind --tool=callgrind target/release/examples/cold_start first  # + first diagnosis
//! valgrind --tool=callgrind target/release/examples/cold_start none   # process baseline
//! ```

use llmdoctor_core::{diagnose, Options};

fn main() {
    let what = std::env::args().nth(1).unwrap_or_default();
    if what == "warm" || what == "first" {
        llmdoctor_core::warm();
    }
    if what == "first" {
        let report = diagnose(
            "API Error: 401 invalid access token or token expired",
            &Options::default(),
        );
        println!("{} diagnoses", report.diagnoses.len());
    }
}
