//! Property test: random keys, in every format a paste carries them, never leave the engine
//! unmasked — not in diagnoses, evidence, contexts, corrected text or facts — unless the caller
//! asked for them. Keys and error lines come from proptest strategies with a fixed seed: the
//! same cases every run, and a failure shrinks to a minimal paste.

use llmdoctor_core::{diagnose, Options};
use proptest::prelude::*;
use proptest::sample::Index;
use std::cell::Cell;

mod common;
use common::strategies;

const ERRORS: &[&str] = &[
    "API Error: 401 invalid access token or token expired",
    "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: KEY. You can find your API key at https://platform.openai.com/account/api-keys.', 'code': 'invalid_api_key'}}",
    "{\"code\":\"InvalidApiKey\",\"message\":\"Invalid API-key provided.\",\"request_id\":\"1\"}",
    "API Error: 429 week allocated quota exceeded",
    "404 status code (no body)",
];

/// The shared formats, and a key passed where `os.getenv` wants a variable name (in the
/// place it always had, so the cases stay the same).
fn formats(key: &str) -> Vec<String> {
    let mut f = common::formats(key);
    f.insert(13, format!("api_key = os.getenv(\"{key}\")"));
    f
}

#[test]
fn no_generated_key_escapes_in_any_output() {
    let n = formats("k").len();
    // A key, and for each format the error line before it.
    let strategy = (
        strategies::any_key(),
        prop::collection::vec(any::<Index>(), n),
    );
    let cases = Cell::new(0);
    let failed = strategies::check(40, 0x9e37_79b9_7f4a_7c15, &strategy, |((_, key), errs)| {
        for (f, e) in formats(&key).iter().zip(&errs) {
            let err = ERRORS[e.index(ERRORS.len())].replace("KEY", &key);
            let paste = format!("2026-11-22 10:30:01 ERROR {err}\n{f}\n");
            let report = diagnose(&paste, &Options::default());
            let json = serde_json::to_string(&report.json(llmdoctor_core::Catalog::embedded()))
                .unwrap_or_default();
            prop_assert!(
                !json.contains(&key),
                "key escaped for format:\n{}\noutput:\n{}",
                f,
                json
            );
            // The unmasked tail beyond the last four characters must not appear either.
            let core = &key[key.len() - 12..key.len() - 4];
            prop_assert!(
                !json.contains(core),
                "part of the key escaped for format:\n{}\noutput:\n{}",
                f,
                json
            );
            let shown = diagnose(
                &paste,
                &Options {
                    show_secrets: true,
                    ..Options::default()
                },
            );
            let shown = serde_json::to_string(&shown.json(llmdoctor_core::Catalog::embedded()))
                .unwrap_or_default();
            if json.contains(&llmdoctor_core::testing::mask(&key)) {
                prop_assert!(
                    shown.contains(&key),
                    "show_secrets must show the key it masked:\n{}",
                    f
                );
            }
            cases.set(cases.get() + 1);
        }
        Ok(())
    });
    if let Some((((_, key), errs), reason)) = failed {
        panic!("{reason}\nminimal key: {key}, error lines {errs:?}");
    }
    assert_eq!(cases.get(), 40 * n);
}
