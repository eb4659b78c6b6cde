//! Fixes converge (issue 14), as Ruff tests its fixes: over every paste in tests/corpus,
//! tests/realworld/dev and every rule sample that yields a fix, the fixes are applied (the
//! reveal path, the one overlap policy) and the corrected text diagnosed again: the fixed rules
//! no longer fire, no new error appears, and applying fixes a second time changes nothing. Each
//! corrected JSON/TOML/YAML block parses strictly wherever the original block did.

use llmdoctor_core::corrected::{apply_revealed, fix_edits, revealed};
use llmdoctor_core::{diagnose, rule, Options, Report, Severity};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/samples_gen.rs"));

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

/// (name, paste) of every corpus and dev paste and every rule sample.
fn pastes() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["corpus", "realworld/dev"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            panic!("tests/{dir} is missing");
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let src = std::fs::read_to_string(&f).unwrap_or_default();
            let Some((_, paste)) = src.split_once("\n---\n") else {
                continue;
            };
            let file = f.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((
                format!("tests/{dir}/{}", file.unwrap_or_default()),
                paste.to_string(),
            ));
        }
    }
    for (i, &(id, text, _)) in SAMPLES.iter().enumerate() {
        out.push((format!("sample {i} of {id}"), text.to_string()));
    }
    out
}

fn apply_all(text: &str, r: &Report) -> String {
    apply_revealed(text, &fix_edits(r), 0, text.len())
}

/// Whether `s` parses strictly as `format` (`None`: a format with no strict parser here).
fn parses(format: &str, s: &str) -> Option<bool> {
    match format {
        "json" => Some(serde_json::from_str::<serde_json::Value>(s).is_ok()),
        "toml" => Some(s.parse::<toml::Table>().is_ok()),
        "yaml" => Some(serde_yaml::from_str::<serde_yaml::Value>(s).is_ok()),
        _ => None,
    }
}

#[test]
fn fixes_converge_and_corrected_blocks_parse() {
    let opts = Options::default();
    let (mut checked, mut fixes) = (0, 0);
    let mut failures = Vec::new();
    for (name, text) in pastes() {
        let r1 = diagnose(&text, &opts);
        let fixed_rules: Vec<&str> = r1
            .diagnoses
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()))
            .map(|d| d.rule)
            .collect();
        if fixed_rules.is_empty() {
            continue;
        }
        checked += 1;
        fixes += fixed_rules.len();

        // Strict parses: a block that parsed before still parses after.
        for (c, real) in r1.corrected.iter().zip(revealed(&text, &r1)) {
            let before = text.get(c.start..c.end).unwrap_or("");
            if parses(c.format.as_str(), before) == Some(true)
                && parses(c.format.as_str(), &real) != Some(true)
            {
                failures.push(format!(
                    "{name}: the corrected {} block does not parse:\n{real}",
                    c.format
                ));
            }
        }

        let once = apply_all(&text, &r1);
        let r2 = diagnose(&once, &opts);
        let blocks = llmdoctor_core::config::read(&once).blocks;
        let inside = |e: &llmdoctor_core::report::Evidence| {
            blocks.iter().any(|b| b.start <= e.start && e.end <= b.end)
        };
        let in_config = |d: &llmdoctor_core::report::Diagnosis| d.evidence.iter().any(inside);
        // The fixed rules no longer fire. One whose evidence is also the error log (the log
        // records the call before the fix, and stays in the paste) may fire again, but with
        // nothing left to fix.
        for id in &fixed_rules {
            let again = r2.diagnoses.iter().find(|d| d.rule == *id);
            let from_log = again.is_some_and(|d| {
                d.evidence.iter().any(|e| !inside(e))
                    && d.fix.as_ref().is_none_or(|f| f.edits.is_empty())
            });
            if again.is_some() && !from_log {
                failures.push(format!("{name}: `{id}` still fires after its fix"));
            }
        }
        // No new error: every error after the fix that points into the corrected config was
        // there before, or was one a fixed rule had absorbed. (The error message stays in the
        // paste; read against the corrected config it may name another cause, which is the
        // message's history, not a problem the fix made.)
        let known: Vec<&str> = r1
            .diagnoses
            .iter()
            .map(|d| d.rule)
            .chain(
                fixed_rules
                    .iter()
                    .filter_map(|id| rule(id))
                    .flat_map(|r| r.supersedes.iter().copied()),
            )
            .collect();
        // And no new config finding at all: a fix must not make another one.
        let config_rule = |id: &str| rule(id).is_some_and(|r| r.check.is_some());
        for d in r2.diagnoses.iter().filter(|d| {
            (d.severity == Severity::Error && in_config(d))
                || (d.severity <= Severity::Warning && config_rule(d.rule))
        }) {
            if !known.contains(&d.rule) {
                failures.push(format!(
                    "{name}: new error `{}` after the fix:\n{once}",
                    d.rule
                ));
            }
        }
        // Applying fixes a second time changes nothing.
        let twice = apply_all(&once, &r2);
        if twice != once {
            failures.push(format!(
                "{name}: a second round of fixes changes the text:\n{once}\n---\n{twice}"
            ));
        }
    }
    println!("fix convergence: {checked} pastes with fixes, {fixes} fixes checked");
    assert!(checked >= 30, "only {checked} pastes with a fix");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
