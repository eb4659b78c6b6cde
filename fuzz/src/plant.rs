//! A fresh key planted in a paste, and the check that it never leaves the engine unmasked.
//!
//! The key is of any kind the red-team suite knows (`pastes.rs`: every shape of
//! rules/secrets.toml and values only a secret-named setting marks), written in any of its
//! contexts (config syntaxes, code, headers, log wrappings, invisible characters, interrupted,
//! split, truncated and escaped keys, keys in the wrong field): the fuzzer plants what the suite
//! tests, from one list.

#[path = "pastes.rs"]
pub mod pastes;

use pastes::{kinds, Case, Rng, Secret, CONTEXTS};

/// FNV-1a: the planted key is a function of the input, so a crash reproduces from its file, and
/// the fuzzer cannot have copied the key into the input it derives from.
fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A paste with a key planted on lines of its own.
pub struct Planted {
    pub text: String,
    /// The key as made (for a truncated key, the part written).
    pub key: String,
    /// Which kind and context (`named-db-password in yaml-block-scalar`), for messages.
    pub what: String,
    secret: Secret,
}

impl Planted {
    /// Plants a key derived from `data` in `text` (the paste made from `data`), in a context
    /// and at a line boundary chosen by the data too.
    pub fn new(data: &[u8], mut text: String) -> Planted {
        let mut rng = Rng(fnv(data) | 1);
        let kinds = kinds();
        let kind = &kinds[rng.below(kinds.len())];
        let key = kind.make(&mut rng);
        // A context the key fits (a named one always does).
        let case: Case = (0..64)
            .find_map(|_| CONTEXTS[rng.below(CONTEXTS.len())].render(&key, &mut rng))
            .or_else(|| CONTEXTS.iter().find_map(|c| c.render(&key, &mut rng)))
            .unwrap_or_else(|| panic!("no context fits {}", key.kind));
        // Just after a line break (or at the start), so the context's lines are its own.
        let want = rng.below(text.len() + 1);
        let at = match text.get(want..).and_then(|s| s.find('\n')) {
            Some(i) => want + i + 1,
            None if want == 0 || text.is_empty() => 0,
            None => text.len(),
        };
        let mut insert = String::with_capacity(case.text.len() + 2);
        if at > 0 && !text[..at].ends_with('\n') {
            insert.push('\n');
        }
        insert.push_str(&case.text);
        insert.push('\n');
        text.insert_str(at, &insert);
        // Windows of 8 random characters only: the input may hold the shape's literal text and
        // the generator's fixed letters (the fuzzer learns them), never 8 random characters.
        let secret = case.secret(8);
        Planted {
            text,
            key: case.key.text.clone(),
            what: format!("{} in {}", case.kind, case.context),
            secret,
        }
    }

    /// Panics when `output` holds the key or 8 random characters of it in a row (also once
    /// escapes are decoded and invisible characters taken out).
    pub fn assert_not_in(&self, what: &str, output: &str) {
        if let Some(excerpt) = self.secret.find(output) {
            panic!(
                "{what}: the key {} ({}) leaked unmasked: {excerpt}",
                self.key, self.what
            );
        }
    }
}
