//! Property test: random keys, in every format a paste carries them, never leave the engine
//! unmasked — not in diagnoses, evidence, contexts, corrected text or facts — unless the caller
//! asked for them. A deterministic generator (no dependency) gives the same cases every run.

use llmdoctor_core::{diagnose, Options};

mod common;
use common::Rng;

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
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = 0;
    for _ in 0..40 {
        let (_, key) = rng.key();
        for f in formats(&key) {
            let err = rng.pick(ERRORS).replace("KEY", &key);
            let paste = format!("2026-11-22 10:30:01 ERROR {err}\n{f}\n");
            let report = diagnose(&paste, &Options::default());
            let json = serde_json::to_string(&report).unwrap_or_default();
            assert!(
                !json.contains(&key),
                "key escaped for format:\n{f}\noutput:\n{json}"
            );
            // The unmasked tail beyond the last four characters must not appear either.
            let core = &key[key.len() - 12..key.len() - 4];
            assert!(
                !json.contains(core),
                "part of the key escaped for format:\n{f}\noutput:\n{json}"
            );
            let shown = diagnose(
                &paste,
                &Options {
                    show_secrets: true,
                    ..Options::default()
                },
            );
            let shown = serde_json::to_string(&shown).unwrap_or_default();
            if json.contains(&llmdoctor_core::secrets::mask(&key)) {
                assert!(
                    shown.contains(&key),
                    "show_secrets must show the key it masked:\n{f}"
                );
            }
            cases += 1;
        }
    }
    assert_eq!(cases, 40 * formats("k").len());
}
