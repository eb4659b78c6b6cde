//! The red-team suite (issue #11): fresh keys of every kind the catalog knows, and values only
//! a secret-named setting marks, pasted in every context people paste them in (config syntaxes,
//! code, headers, log wrappings, invisible characters, interrupted, split, truncated and escaped
//! keys, keys in the wrong field), each after an error line. For every case, every output the
//! engine makes — the report (every string in its JSON, notes and facts included), each
//! corrected text, each diff, the support bundle, the share text — may hold neither the key
//! nor any 8 characters in a row of its hidden middle (the key without its anchor and its last
//! 4, which a mask shows). Failures are collected and reported together: a run shows the whole
//! picture. The same cases through the CLI: `cli/tests/redteam_cli.rs`.
//!
//! Separately: command-injection strings in base URLs, model names and variable names never
//! reach a verify command or a corrected shell line where a shell would run them.
//!
//! The kinds, contexts and checks are in `fuzz/src/pastes.rs` (shared with the fuzz targets,
//! which plant the same families). Fixed seeds: every run makes the same cases.

mod common;
use common::pastes::{self, Case};
use common::Rng;
use llmdoctor_core::{diagnose, parse_rfc3339, share, support, Lang, Options};
use serde_json::Value;
use std::collections::BTreeMap;

const SEED: u64 = 0x7ed7_ea11_5eed_0011;

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
    let json = serde_json::to_value(&report).unwrap_or(Value::Null);
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
        support::bundle(&case.paste, &report, o.now, Lang::En).to_string(),
    ));
    out.push((
        "share",
        String::new(),
        share::redact_for_share(&case.paste).to_string(),
    ));
    out
}

#[test]
fn no_key_nor_piece_of_one_reaches_any_output() {
    let mut rng = Rng(SEED);
    let (cases, skipped) = pastes::cases(&mut rng);
    let kinds = pastes::kinds().len();
    assert!(kinds >= 20, "at least 20 kinds of keys: {kinds}");
    assert!(pastes::CONTEXTS.len() >= 40, "at least 40 contexts");
    assert_eq!(cases.len() + skipped, kinds * pastes::CONTEXTS.len());
    let mut leaks = Vec::new();
    let mut checks = 0;
    let mut per_output: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &cases {
        let secret = case.secret(1);
        // Per output, the places it leaked (a path in the report, or the whole text).
        let mut found: BTreeMap<&str, (Vec<String>, String)> = BTreeMap::new();
        let mut whole_report = None;
        for (output, path, text) in outputs(case) {
            let whole = path.is_empty();
            if whole || output != "report" {
                checks += 1;
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
        for (output, (paths, excerpt)) in found {
            let mut at = paths.iter().take(4).cloned().collect::<Vec<_>>().join(" ");
            if paths.len() > 4 {
                at.push_str(&format!(" +{} more", paths.len() - 4));
            }
            leaks.push(pastes::Leak {
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
    }
    println!(
        "red team: {kinds} kinds × {} contexts: {} cases ({skipped} pairs do not fit), {checks} checks {per_output:?}",
        pastes::CONTEXTS.len(),
        cases.len()
    );
    assert!(
        leaks.is_empty(),
        "{}",
        pastes::summary(&leaks, cases.len(), checks, skipped)
    );
}

/// Runs the injection cases: (failures, commands checked).
fn injections(payloads: &[&'static str]) -> (Vec<String>, usize) {
    let mut rng = Rng(SEED ^ 0x1);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (p, s, paste) in pastes::injection_cases(&mut rng, payloads) {
        for lang in [Lang::En, Lang::Zh] {
            let o = opts(lang);
            let report = diagnose(&paste, &o);
            let json = serde_json::to_value(&report).unwrap_or(Value::Null);
            let mut cmds = pastes::report_commands(&json);
            let bundle = support::bundle(&paste, &report, o.now, lang).to_string();
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
    }
    (failures, checked)
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
    let mut rng = Rng(SEED);
    for kind in pastes::kinds() {
        for _ in 0..20 {
            let key = kind.make(&mut rng);
            let secret = key_secret(&key);
            assert!(secret.find(&key.text).is_some(), "{}", key.text);
            let body = key.body();
            assert_eq!(key.random.len(), key.text.len());
            assert!(
                key.random.iter().filter(|r| **r).count() >= 8,
                "{}: random characters: {}",
                kind.id,
                key.text
            );
            if let pastes::Source::Shape(s) = kind.source {
                assert_eq!(s.match_at(key.text.as_bytes(), 0), Some(key.text.len()));
                assert!(key.text.starts_with(s.anchor));
            }
            // A piece from the hidden middle, in upper case, escaped or interrupted.
            let n = key.text.len();
            let mid = &key.text[n - 12..n - 4];
            if key.random[n - 12..n - 4].iter().all(|r| *r) {
                assert!(secret.find(&format!("x{}y", mid.to_uppercase())).is_some());
                let esc: String = mid.bytes().map(|b| format!("\\\\u{b:04x}")).collect();
                assert!(secret.find(&esc).is_some(), "{esc}");
                let cut = format!("{}\u{200b}{}", &mid[..4], &mid[4..]);
                assert!(secret.find(&cut).is_some(), "{cut}");
            }
            // The mask, and the anchor with the last 4, are not leaks.
            let masked = format!("{}…{}", key.anchor(), &key.text[n - 4..]);
            assert!(secret.find(&masked).is_none(), "{masked}");
            assert!(secret.find(body).is_some());
        }
    }
}

fn key_secret(key: &pastes::Key) -> pastes::Secret {
    pastes::Secret::new(key, 1)
}
