//! Share links carry `share::redact_for_share(paste)`: no generated key, nor any 8-character
//! piece of one, survives it, and the redacted paste is diagnosed as the original was (same
//! rules in the same order) across the corpus.

use llmdoctor_core::share::redact_for_share;
use llmdoctor_core::testing::placeholder;
use llmdoctor_core::{diagnose, KeyKind, Options};
use std::path::Path;

mod common;
use common::{formats, strategies};
use proptest::prelude::*;
use std::cell::Cell;

#[test]
fn no_generated_key_or_piece_of_one_survives() {
    let cases = Cell::new(0);
    let failed = strategies::check(
        60,
        0x243f_6a88_85a3_08d3,
        &strategies::any_key(),
        |(prefix, key)| {
            for f in formats(&key) {
                // The format alone (its own field or prefix gives the key away), and after an
                // error that quotes the key bare.
                let quoted = format!("2026-11-22 10:30:01 ERROR 401 Invalid API-key: {key}\n{f}\n");
                for paste in [f.clone(), quoted] {
                    let shared = redact_for_share(&paste);
                    let body = &key[prefix.len()..];
                    for i in 0..=body.len() - 8 {
                        let piece = &body[i..i + 8];
                        prop_assert!(
                            !shared.contains(piece),
                            "`{}` of {} survived:\n{}",
                            piece,
                            key,
                            shared
                        );
                    }
                    // Nothing left to redact.
                    prop_assert_eq!(redact_for_share(&shared), shared.clone(), "{}", shared);
                }
                cases.set(cases.get() + 1);
            }
            Ok(())
        },
    );
    if let Some(((_, key), reason)) = failed {
        panic!("{reason}\nminimal key: {key}");
    }
    assert_eq!(cases.get(), 60 * formats("k").len());
}

#[test]
fn placeholder_keeps_the_kind_the_engine_reads() {
    let key = "sk-sp-7d2c9e4f1a8b3c6d5e0f9a2b4c7d1e3f";
    let paste = format!("ANTHROPIC_AUTH_TOKEN={key}\nANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\n403 invalid api-key");
    let shared = redact_for_share(&paste);
    assert!(shared.contains(&placeholder(KeyKind::Plan)), "{shared}");
    let report = diagnose(&shared, &Options::default());
    let kinds: Vec<KeyKind> = report.facts.keys.iter().map(|k| k.kind).collect();
    assert_eq!(kinds, [KeyKind::Plan], "{shared}");
    let rules: Vec<&str> = report.diagnoses.iter().map(|d| d.rule).collect();
    assert!(
        !rules.contains(&"config-key-placeholder"),
        "the placeholder is not an unreplaced example value: {rules:?}"
    );
    assert_eq!(
        rules,
        diagnose(&paste, &Options::default())
            .diagnoses
            .iter()
            .map(|d| d.rule)
            .collect::<Vec<_>>()
    );
}

/// Every paste of the corpus and every guide message: the shared paste gets the same rules, in
/// the same order (so the same first category), and its corrected blocks differ only where keys
/// were.
#[test]
fn corpus_diagnoses_are_unchanged_by_redaction() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    assert!(files.len() > 100, "the corpus is there: {}", files.len());
    let mut changed_texts = 0;
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_default();
        let Some((_, paste)) = src.split_once("\n---\n") else {
            continue;
        };
        let shared = redact_for_share(paste);
        if shared != paste {
            changed_texts += 1;
        }
        let rules = |t: &str| -> Vec<(&'static str, &'static str)> {
            diagnose(t, &Options::default())
                .diagnoses
                .iter()
                .map(|d| (d.rule, d.category.as_str()))
                .collect()
        };
        let (before, after) = (rules(paste), rules(&shared));
        if before != after {
            failures.push(format!("{}:\n  {before:?}\n  {after:?}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        changed_texts > 50,
        "most corpus pastes hold a key to redact: {changed_texts}"
    );
}
