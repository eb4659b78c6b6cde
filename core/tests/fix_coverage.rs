//! Every config finding comes with its fix (issue 14): each rule with a `check` gives a fix
//! (span edits) on at least one of its own positive samples, or declares `no_fix = true` — the
//! finding cannot be fixed by an edit (the real key, another provider) and its words say so —
//! and then none of its samples may give one.

use llmdoctor_core::{diagnose, Options};
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/samples_gen.rs"));

/// (id, no_fix) of every rule with a check, read from rules/*.toml.
fn check_rules() -> Vec<(String, bool)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("rules/ is missing");
    };
    for e in entries.filter_map(Result::ok) {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        let Ok(t) = src.parse::<toml::Table>() else {
            panic!("{} does not parse", p.display());
        };
        for r in t
            .get("rule")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            if r.get("check").is_some() {
                let id = r.get("id").and_then(|v| v.as_str()).unwrap_or_default();
                let no_fix = r.get("no_fix").and_then(|v| v.as_bool()).unwrap_or(false);
                out.push((id.to_string(), no_fix));
            }
        }
    }
    out.sort();
    out
}

/// Whether diagnosing `text` gives rule `id` with at least one edit.
fn fixed(id: &str, text: &str) -> bool {
    diagnose(text, &Options::default())
        .diagnoses
        .iter()
        .any(|d| d.rule == id && d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()))
}

#[test]
fn every_check_rule_has_a_fix_or_says_why_not() {
    let rules = check_rules();
    assert!(rules.len() >= 25, "only {} check rules found", rules.len());
    let mut missing = Vec::new();
    let mut false_claims = Vec::new();
    let mut with_fix = 0;
    for (id, no_fix) in &rules {
        let positives: Vec<&str> = SAMPLES
            .iter()
            .filter(|(r, _, expect)| r == id && *expect)
            .map(|(_, t, _)| *t)
            .collect();
        let any = positives.iter().any(|t| fixed(id, t));
        match (no_fix, any) {
            (false, true) => with_fix += 1,
            (false, false) => missing.push(id.as_str()),
            (true, true) => false_claims.push(id.as_str()),
            (true, false) => {}
        }
    }
    eprintln!(
        "check rules: {}, with a fix on a sample: {with_fix}, declared no_fix: {}",
        rules.len(),
        rules.iter().filter(|r| r.1).count()
    );
    assert!(
        missing.is_empty(),
        "check rules whose samples give no fix (add one, or `no_fix = true` with words saying why): {missing:?}"
    );
    assert!(
        false_claims.is_empty(),
        "rules declared `no_fix` whose samples do give a fix: {false_claims:?}"
    );
}
