//! The red-team cases for the page's browser suite (`tests/e2e/redteam.test.mjs`), as JSON on
//! stdout: every context of `fuzz/src/pastes.rs` with three kinds that fit (kinds taken in
//! turn), then every kind not used yet in the first context it fits. Each case: the paste,
//! the key, and the 8-character windows of its hidden middle that may appear in no output.
//!
//! `cargo run -q -p llmdoctor-core --example redteam_cases > cases.json`. Fixed seed: the same
//! cases on every run.
//!
//! The choices come from `pastes::Rng`, the generator the fuzz targets share, not from proptest
//! (the engine's suites): this is a program that prints one fixed list, not a property test —
//! nothing to shrink — and the browser suite's cases must not change when proptest's value
//! generation changes between versions.

#[allow(dead_code)]
#[path = "../../fuzz/src/pastes.rs"]
mod pastes;

use pastes::{kinds, Case, Rng, CONTEXTS};
use serde_json::json;

const SEED: u64 = 0x7ed7_ea11_5eed_0022;
/// Kinds per context (the engine's suite, core/tests/redteam.rs, runs every pair).
const PER_CONTEXT: usize = 3;

fn main() {
    let mut rng = Rng(SEED);
    let kinds = kinds();
    let mut used = vec![false; kinds.len()];
    let mut cases: Vec<Case> = Vec::new();
    for (i, c) in CONTEXTS.iter().enumerate() {
        let mut taken = 0;
        for j in 0..kinds.len() {
            let k = (PER_CONTEXT * i + j) % kinds.len();
            if let Some(case) = c.render(&kinds[k].make(&mut rng), &mut rng) {
                used[k] = true;
                cases.push(case);
                taken += 1;
                if taken == PER_CONTEXT {
                    break;
                }
            }
        }
    }
    for (kind, _) in kinds.iter().zip(&used).filter(|(_, u)| !**u) {
        if let Some(case) = CONTEXTS
            .iter()
            .find_map(|c| c.render(&kind.make(&mut rng), &mut rng))
        {
            cases.push(case);
        }
    }
    let out: Vec<serde_json::Value> = cases
        .iter()
        .map(|c| {
            json!({
                "kind": c.kind,
                "context": c.context,
                "family": c.family,
                "paste": c.paste,
                "key": c.key.text,
                "windows": c.secret(8).windows(),
            })
        })
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("\"{e}\""))
    );
}
