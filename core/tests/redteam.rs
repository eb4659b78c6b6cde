//! The red-team suite (issue #11): fresh keys of every kind the catalog knows, and values only
//! a secret-named setting marks, pasted in every context people paste them in (config syntaxes,
//! code, headers, log wrappings, invisible characters, interrupted, split, truncated and escaped
//! keys, keys in the wrong field), each after an error line. For every case, every output the
//! engine makes — the report (every string in its JSON, notes and facts included), each
//! corrected text, each diff, the support bundle, the share text — may hold neither the key
//! nor any 8 characters in a row of its hidden middle (the key without its anchor and its last
//! 4, which a mask shows). Failures are collected and reported together: a run shows the whole
//! picture. The same kinds and contexts through the CLI: `cli/tests/redteam_cli.rs`.
//!
//! Separately: command-injection strings in base URLs, model names and variable names never
//! reach a verify command or a corrected shell line where a shell would run them.
//!
//! The kinds, contexts and checks are in `fuzz/src/pastes.rs` (shared with the fuzz targets,
//! which plant the same families); the keys and choices come from proptest strategies
//! (`common/strategies.rs`). Fixed seeds: every run makes the same cases, and a failing case is
//! shrunk to a minimal paste.

mod common;
use common::pastes::{self, Case};
use common::strategies;
use llmdoctor_core::{diagnose, parse_rfc3339, share, support, Lang, Options};
use proptest::prelude::*;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

const SEED: u64 = 0x7ed7_ea11_5eed_0011;
/// Leaking pairs are shrunk to a minimal paste until this many leaks are found.
const SHRUNK_LEAKS: usize = 32;

/// Which output a report path belongs to, as the suite counts them.
fn output_of(path: &str) -> &'static str {
    if path.starts_with(".corrected[") && path.ends_with(".text") {
        "corrected text"
    } else if path.starts_with(".corrected[") && path.ends_with(".diff") {
        "diff"
    } else {
        "report"
    }
}

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        now: parse_rfc3339("2026-11-22T03:20:00Z"),
        show_secrets: false,
        ..Options::default()
    }
}

/// The outputs of one case: (output, where in it, text).
fn outputs(case: &Case) -> Vec<(&'static str, String, String)> {
    let o = opts(Lang::En);
    let report = diagnose(&case.paste, &o);
    let json = serde_json::to_value(report.json(llmdoctor_core::Catalog::embedded()))
        .unwrap_or(Value::Null);
    let mut all = Vec::new();
    pastes::json_strings(&json, &mut String::new(), &mut all);
    let mut out: Vec<(&'static str, String, String)> = Vec::new();
    // The report as a whole (what `--format json` prints), then each string for its path.
    out.push((
        "report",
        String::new(),
        serde_json::to_string(&json).unwrap_or_default(),
    ));
    for (path, s) in all {
        let o = output_of(&path);
        out.push((o, path, s));
    }
    out.push((
        "bundle",
        String::new(),
        support::bundle(
            &case.paste,
            &report,
            llmdoctor_core::Catalog::embedded(),
            o.now,
            Lang::En,
        )
        .to_string(),
    ));
    out.push((
        "share",
        String::new(),
        share::redact_for_share(&case.paste).to_string(),
    ));
    out
}

/// The leaks of one case: one per output that holds the key or a piece of it, with where
/// (report paths, four at most) and an excerpt; and how many outputs were checked, per output.
fn leaks(case: &Case, per_output: &mut BTreeMap<&'static str, usize>) -> Vec<pastes::Leak> {
    let secret = case.secret(1);
    // Per output, the places it leaked (a path in the report, or the whole text).
    let mut found: BTreeMap<&str, (Vec<String>, String)> = BTreeMap::new();
    let mut whole_report = None;
    for (output, path, text) in outputs(case) {
        let whole = path.is_empty();
        if whole || output != "report" {
            *per_output.entry(output).or_default() += 1;
        }
        let Some(excerpt) = secret.find(&text) else {
            continue;
        };
        if whole && output == "report" {
            whole_report = Some(excerpt);
            continue;
        }
        let e = found.entry(output).or_insert_with(|| (Vec::new(), excerpt));
        if !whole {
            e.0.push(path);
        }
    }
    if let (Some(excerpt), false) = (whole_report, found.contains_key("report")) {
        found.insert("report", (vec!["(whole JSON)".into()], excerpt));
    }
    let mut out = Vec::new();
    for (output, (paths, excerpt)) in found {
        let mut at = paths.iter().take(4).cloned().collect::<Vec<_>>().join(" ");
        if paths.len() > 4 {
            at.push_str(&format!(" +{} more", paths.len() - 4));
        }
        out.push(pastes::Leak {
            kind: case.kind.clone(),
            context: case.context,
            family: case.family,
            output: if at.is_empty() {
                output.to_string()
            } else {
                format!("{output} {at}")
            },
            output_name: output,
            excerpt,
            paste: case.paste.clone(),
        });
    }
    out
}

/// Every kind in every context, a fresh key each (one proptest case per pair, its own fixed
/// seed). A pair that leaks is shrunk to its minimal failing paste; every pair runs, and the
/// leaks of all are reported together.
#[test]
fn no_key_nor_piece_of_one_reaches_any_output() {
    let kinds = pastes::kinds();
    assert!(
        kinds.len() >= 20,
        "at least 20 kinds of keys: {}",
        kinds.len()
    );
    assert!(pastes::CONTEXTS.len() >= 40, "at least 40 contexts");
    let (cases, skipped) = (Cell::new(0), Cell::new(0));
    let mut per_output: BTreeMap<&str, usize> = BTreeMap::new();
    let mut all_leaks = Vec::new();
    let mut pair = 0u64;
    for kind in &kinds {
        for context in pastes::CONTEXTS {
            pair += 1;
            let strategy = strategies::case(kind, context);
            // The case as first drawn is counted; the shrinking that follows a leak is not.
            let first = Cell::new(true);
            let counts = RefCell::new(BTreeMap::new());
            let mut config = strategies::config(1, strategies::nth_seed(SEED, pair));
            if all_leaks.len() >= SHRUNK_LEAKS {
                // Enough minimal pastes to read: the rest are reported as drawn, and a run
                // where everything leaks still ends in minutes.
                config.max_shrink_iters = 0;
            }
            let failed = strategies::check_with(config, &strategy, |case| {
                let Some(case) = case else {
                    if first.replace(false) {
                        skipped.set(skipped.get() + 1);
                    }
                    return Ok(());
                };
                let mut seen = BTreeMap::new();
                let found = leaks(&case, &mut seen);
                if first.replace(false) {
                    cases.set(cases.get() + 1);
                    *counts.borrow_mut() = seen;
                }
                if found.is_empty() {
                    Ok(())
                } else {
                    Err(TestCaseError::fail(format!("{} leaks", found.len())))
                }
            });
            for (o, n) in counts.into_inner() {
                *per_output.entry(o).or_default() += n;
            }
            if let Some((Some(minimal), _)) = failed {
                all_leaks.extend(leaks(&minimal, &mut BTreeMap::new()));
            }
        }
    }
    let (cases, skipped) = (cases.get(), skipped.get());
    let checks: usize = per_output.values().sum();
    assert_eq!(cases + skipped, kinds.len() * pastes::CONTEXTS.len());
    println!(
        "red team: {} kinds × {} contexts: {cases} cases ({skipped} pairs do not fit), {checks} checks {per_output:?}",
        kinds.len(),
        pastes::CONTEXTS.len(),
    );
    assert!(
        all_leaks.is_empty(),
        "{}",
        pastes::summary(&all_leaks, cases, checks, skipped)
    );
}

/// What in the commands of one injection paste a shell would run: (failures, commands checked).
fn dangers(p: &pastes::Placement, s: &str, paste: &str) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for lang in [Lang::En, Lang::Zh] {
        let o = opts(lang);
        let report = diagnose(paste, &o);
        let json = serde_json::to_value(report.json(llmdoctor_core::Catalog::embedded()))
            .unwrap_or(Value::Null);
        let mut cmds = pastes::report_commands(&json);
        let bundle = support::bundle(
            paste,
            &report,
            llmdoctor_core::Catalog::embedded(),
            o.now,
            lang,
        )
        .to_string();
        for c in pastes::curl_commands(&bundle) {
            cmds.push(("bundle".into(), c));
        }
        for (where_, cmd) in cmds {
            checked += 1;
            let d = pastes::shell_dangers(&cmd);
            if !d.is_empty() {
                failures.push(format!(
                    "{} ({}) with {s:?}, {lang:?}, {where_}: {} in {cmd:?}",
                    p.id,
                    p.field,
                    d.join(", ")
                ));
            }
        }
    }
    (failures, checked)
}

/// Runs the injection cases, every payload in every placement (one proptest case each, its own
/// fixed seed; a failing one is shrunk to its minimal paste): (failures, commands checked).
fn injections(payloads: &[&'static str]) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let checked = Cell::new(0);
    let mut n = 0u64;
    for p in pastes::PLACEMENTS {
        for &s in payloads {
            n += 1;
            let first = Cell::new(true);
            let failed = strategies::check(
                1,
                strategies::nth_seed(SEED ^ 0x1, n),
                &strategies::injection_paste(*p, s),
                |paste| {
                    let (found, c) = dangers(p, s, &paste);
                    if first.replace(false) {
                        checked.set(checked.get() + c);
                    }
                    if found.is_empty() {
                        Ok(())
                    } else {
                        Err(TestCaseError::fail(found.join("\n")))
                    }
                },
            );
            if let Some((minimal, _)) = failed {
                failures.extend(dangers(p, s, &minimal).0);
            }
        }
    }
    (failures, checked.get())
}

#[test]
fn no_injection_from_the_paste_reaches_a_command() {
    let (failures, checked) = injections(pastes::INJECTIONS);
    println!(
        "injection: {} placements × {} strings × 2 languages, {checked} commands and shell lines checked",
        pastes::PLACEMENTS.len(),
        pastes::INJECTIONS.len()
    );
    assert!(
        failures.is_empty(),
        "{} commands or shell lines would run what the paste put there:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The check itself: the same placements with nothing injected give commands, none flagged.
#[test]
fn injection_check_flags_nothing_in_benign_commands() {
    let (failures, checked) = injections(&[""]);
    assert!(checked >= 10, "commands to check: {checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(pastes::shell_dangers("curl -sS \"https://h/v1?x=$(id)\"").len() == 1);
    assert!(pastes::shell_dangers("curl -sS 'https://h/v1?x=$(id);`x`|y'").is_empty());
    assert!(pastes::shell_dangers("export X=a;b").len() == 1);
    assert!(pastes::shell_dangers("export X=\"a").len() == 1);
}

/// The generator: keys of every kind are made from the catalog, fit their shape, and the leak
/// check sees a key and its pieces (raw, escaped, interrupted) and nothing else.
#[test]
fn generator_and_leak_check() {
    for (i, kind) in pastes::kinds().into_iter().enumerate() {
        let failed = strategies::check(
            20,
            strategies::nth_seed(SEED ^ 0x2, i as u64),
            &strategies::key(&kind),
            |key| {
                let secret = key_secret(&key);
                prop_assert!(secret.find(&key.text).is_some(), "{}", key.text);
                let body = key.body();
                prop_assert_eq!(key.random.len(), key.text.len());
                prop_assert!(
                    key.random.iter().filter(|r| **r).count() >= 8,
                    "{}: random characters: {}",
                    kind.id,
                    key.text
                );
                if let pastes::Source::Shape(s) = kind.source {
                    prop_assert_eq!(s.match_at(key.text.as_bytes(), 0), Some(key.text.len()));
                    prop_assert!(key.text.starts_with(s.anchor));
                }
                // A piece from the hidden middle, in upper case, escaped or interrupted.
                let n = key.text.len();
                let mid = &key.text[n - 12..n - 4];
                if key.random[n - 12..n - 4].iter().all(|r| *r) {
                    let upper = format!("x{}y", mid.to_uppercase());
                    prop_assert!(secret.find(&upper).is_some(), "{}", upper);
                    let esc: String = mid.bytes().map(|b| format!("\\\\u{b:04x}")).collect();
                    prop_assert!(secret.find(&esc).is_some(), "{}", esc);
                    let cut = format!("{}\u{200b}{}", &mid[..4], &mid[4..]);
                    prop_assert!(secret.find(&cut).is_some(), "{}", cut);
                }
                // The mask, and the anchor with the last 4, are not leaks.
                let masked = format!("{}…{}", key.anchor(), &key.text[n - 4..]);
                prop_assert!(secret.find(&masked).is_none(), "{}", masked);
                prop_assert!(secret.find(body).is_some());
                Ok(())
            },
        );
        if let Some((key, reason)) = failed {
            panic!("{}: {reason}\nminimal key: {key:?}", kind.id);
        }
    }
}

fn key_secret(key: &pastes::Key) -> pastes::Secret {
    pastes::Secret::new(key, 1)
}
