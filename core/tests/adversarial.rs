//! Hostile and huge input (tests/adversarial/README.md):
//!
//! - every case in `tests/adversarial/cases/` (generated ones built here from their recipe) is
//!   diagnosed and must keep the report contract (`fuzz/src/contract.rs`, the fuzz targets'
//!   own oracle) and its stated expectations;
//! - every small case also goes through every fuzz target's checks;
//! - every input a fuzz target ever failed on (`tests/adversarial/regressions/<target>/`) is
//!   replayed through that target.
//!
//! The CLI side of the cases (exit codes, warnings, invalid UTF-8 read from a file) is in
//! `cli/tests/adversarial_cli.rs`.

#[allow(dead_code)]
#[path = "../../fuzz/src/contract.rs"]
mod contract;
#[allow(dead_code)]
#[path = "../../fuzz/src/plant.rs"]
mod plant;
#[allow(dead_code)]
#[path = "../../fuzz/src/targets.rs"]
mod targets;

use llmdoctor_core::{diagnose, Options, Report};
use std::path::{Path, PathBuf};

fn dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/adversarial")
        .join(sub)
}

fn files(sub: &str) -> Vec<(String, Vec<u8>)> {
    let Ok(rd) = std::fs::read_dir(dir(sub)) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = rd
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (!name.starts_with('.')).then(|| (name, std::fs::read(e.path()).unwrap_or_default()))
        })
        .collect();
    out.sort();
    out
}

/// One case: its header lines and its paste, generated from the recipe if it has one.
struct Case {
    name: String,
    header: Vec<(String, String)>,
    paste: String,
    generated: bool,
}

impl Case {
    fn get(&self, key: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// `\n`, `\r`, `\t`, `\0`, `\s` (space), `\\`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('s') => out.push(' '),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

/// 32 hex digits that differ for every `n`.
fn hex(n: usize) -> String {
    let x = (n as u128 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835);
    format!("{x:032x}")
}

/// Applies `generate:` recipes in order: `fill NAME COUNT TEXT` replaces `{NAME}` with TEXT
/// repeated COUNT times; `repeat COUNT` repeats the whole paste, `{n}` becoming the copy's
/// number and `{h}` 32 hex digits that differ per copy.
fn generate(name: &str, mut paste: String, recipe: &str) -> String {
    let mut words = recipe.splitn(4, ' ');
    let op = words.next().unwrap_or("");
    match op {
        "fill" => {
            let var = words.next().unwrap_or("");
            let count: usize = words
                .next()
                .and_then(|c| c.parse().ok())
                .unwrap_or_else(|| panic!("{name}: `fill` needs a count"));
            let text = unescape(words.next().unwrap_or(""));
            let hole = format!("{{{var}}}");
            assert!(paste.contains(&hole), "{name}: no {hole} to fill");
            paste = paste.replace(&hole, &text.repeat(count));
        }
        "repeat" => {
            let count: usize = words
                .next()
                .and_then(|c| c.parse().ok())
                .unwrap_or_else(|| panic!("{name}: `repeat` needs a count"));
            let mut out = String::with_capacity(paste.len() * count + 64 * count);
            for n in 0..count {
                out.push_str(&paste.replace("{n}", &n.to_string()).replace("{h}", &hex(n)));
            }
            paste = out;
        }
        _ => panic!("{name}: unknown recipe `{recipe}`"),
    }
    paste
}

fn parse(name: &str, bytes: &[u8]) -> Case {
    let sep = b"\n---\n";
    let at = bytes
        .windows(sep.len())
        .position(|w| w == sep)
        .unwrap_or_else(|| panic!("{name}: no `---` line between the header and the paste"));
    let head = String::from_utf8_lossy(&bytes[..at]);
    // The paste is read the way the CLI reads a file: invalid UTF-8 becomes U+FFFD.
    let mut paste = String::from_utf8_lossy(&bytes[at + sep.len()..]).into_owned();
    let mut header = Vec::new();
    for line in head.lines().filter(|l| !l.trim().is_empty()) {
        let (k, v) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{name}: bad header line `{line}`"));
        header.push((k.trim().to_string(), v.trim().to_string()));
    }
    let mut generated = false;
    for (k, v) in &header {
        if k == "generate" {
            paste = generate(name, paste, v);
            generated = true;
        }
    }
    Case {
        name: name.to_string(),
        header,
        paste,
        generated,
    }
}

fn check_expectations(c: &Case, r: &Report, json: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let name = &c.name;
    let first = r.diagnoses.first();
    for (k, v) in &c.header {
        match k.as_str() {
            "what" | "generate" | "cli-exit" | "cli-stderr" => {}
            "expect-diagnoses" => {
                let want: usize = v.parse().unwrap_or(usize::MAX);
                if r.diagnoses.len() != want {
                    errs.push(format!(
                        "{name}: {} diagnoses ({:?}), expected {want}",
                        r.diagnoses.len(),
                        r.diagnoses.iter().map(|d| d.rule).collect::<Vec<_>>()
                    ));
                }
            }
            "expect-first-rule" => {
                if first.map(|d| d.rule) != Some(v.as_str()) {
                    errs.push(format!(
                        "{name}: first rule {:?}, expected {v}",
                        first.map(|d| d.rule)
                    ));
                }
            }
            "expect-first-category" => {
                if first.map(|d| d.category.as_str()) != Some(v.as_str()) {
                    errs.push(format!(
                        "{name}: first category {:?}, expected {v}",
                        first.map(|d| d.category.as_str())
                    ));
                }
            }
            "expect-count" => {
                let (rule, n) = v.split_once('=').unwrap_or((v, ""));
                let got: Vec<usize> = r
                    .diagnoses
                    .iter()
                    .filter(|d| d.rule == rule)
                    .map(|d| d.count)
                    .collect();
                if got != [n.parse().unwrap_or(usize::MAX)] {
                    errs.push(format!(
                        "{name}: {rule} diagnosed with counts {got:?}, expected one with {n}"
                    ));
                }
            }
            "expect-evidence-max" => {
                let max: usize = v.parse().unwrap_or(0);
                for d in r.diagnoses.iter().filter(|d| d.evidence.len() > max) {
                    errs.push(format!(
                        "{name}: {} has {} evidence items, at most {max}",
                        d.rule,
                        d.evidence.len()
                    ));
                }
            }
            "expect-evidence-line" => {
                let want: usize = v.parse().unwrap_or(0);
                let got = first.and_then(|d| d.evidence.first()).map(|e| e.line);
                if got != Some(want) {
                    errs.push(format!(
                        "{name}: first evidence on line {got:?}, expected {want}"
                    ));
                }
            }
            "expect-context-max" => {
                let max: usize = v.parse().unwrap_or(0);
                for e in r.diagnoses.iter().flat_map(|d| &d.evidence) {
                    let n = e.context.text.chars().count();
                    if n > max {
                        errs.push(format!(
                            "{name}: a context of {n} characters, at most {max}"
                        ));
                    }
                }
            }
            "expect-note" => {
                let w = r.wording(llmdoctor_core::Catalog::embedded());
                let notes: Vec<String> = r
                    .facts
                    .notes
                    .iter()
                    .chain(r.facts.config.blocks.iter().flat_map(|b| &b.notes))
                    .map(|n| w.note(n).to_string())
                    .collect();
                if !notes.iter().any(|n| n.contains(v.as_str())) {
                    errs.push(format!("{name}: no note saying `{v}`; notes: {notes:?}"));
                }
            }
            "expect-setting" => {
                let found = r.facts.config.settings.iter().any(|s| s.path == v.as_str());
                if !found {
                    errs.push(format!("{name}: setting `{v}` not read"));
                }
            }
            "expect-not-in-output" => {
                if json.contains(v.as_str()) {
                    errs.push(format!("{name}: `{v}` is in the output"));
                }
            }
            "expect-output-max" => {
                let max: usize = v.parse().unwrap_or(0);
                if json.len() > max {
                    errs.push(format!(
                        "{name}: report of {} bytes, at most {max}",
                        json.len()
                    ));
                }
            }
            other => errs.push(format!("{name}: unknown header `{other}`")),
        }
    }
    errs
}

#[test]
fn every_case_keeps_the_contract_and_its_expectations() {
    let cases = files("cases");
    assert!(cases.len() >= 20, "the adversarial cases are missing");
    let mut errs = Vec::new();
    for (name, bytes) in &cases {
        let c = parse(name, bytes);
        let r = diagnose(&c.paste, &Options::default());
        let json = contract::check_report(name, &c.paste, &r);
        errs.extend(check_expectations(&c, &r, &json));
        if c.get("what").is_none() {
            errs.push(format!("{name}: no `what:` line"));
        }
        if c.get("cli-exit").is_none() {
            errs.push(format!("{name}: no `cli-exit:` line"));
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

#[test]
fn every_small_case_passes_every_fuzz_target() {
    for (name, bytes) in files("cases") {
        let c = parse(&name, &bytes);
        if c.generated {
            continue; // the generated ones are big: diagnosed above
        }
        for (target, run) in targets::ALL {
            let at = bytes
                .windows(5)
                .position(|w| w == b"\n---\n")
                .map_or(0, |i| i + 5);
            let paste = &bytes[at..];
            std::panic::catch_unwind(|| run(paste))
                .unwrap_or_else(|_| panic!("{name}: fuzz target `{target}` fails"));
        }
    }
}

#[test]
fn every_fuzz_regression_replays_clean() {
    let mut n = 0;
    for (target, run) in targets::ALL {
        for (name, bytes) in files(&format!("regressions/{target}")) {
            std::panic::catch_unwind(|| run(&bytes))
                .unwrap_or_else(|_| panic!("regressions/{target}/{name} fails again"));
            n += 1;
        }
    }
    assert!(n >= 1, "the regressions are missing");
}
