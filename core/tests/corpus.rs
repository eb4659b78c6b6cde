//! The corpus in tests/corpus (realistic pastes with expected results) and the verbatim guide
//! messages in tests/guides, run against the engine. Format: tests/README.md.

use llmdoctor_core::{diagnose, parse_rfc3339, Lang, Options, Severity};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

struct Case {
    name: String,
    category: String,
    rule: Option<String>,
    absent: Vec<String>,
    reset: Option<String>,
    corrected: Vec<String>,
    opts: Options,
    paste: String,
}

fn parse_case(name: &str, src: &str) -> Result<Case, String> {
    let (head, paste) = src
        .split_once("\n---\n")
        .ok_or_else(|| format!("{name}: no `---` line between header and paste"))?;
    let mut case = Case {
        name: name.to_string(),
        category: String::new(),
        rule: None,
        absent: Vec::new(),
        reset: None,
        corrected: Vec::new(),
        opts: Options::default(),
        paste: paste.to_string(),
    };
    for line in head.lines().filter(|l| !l.trim().is_empty()) {
        let (k, v) = line
            .split_once(':')
            .ok_or_else(|| format!("{name}: bad header line `{line}`"))?;
        let v = v.trim();
        match k.trim() {
            "expect-category" => case.category = v.to_string(),
            "expect-rule" => case.rule = Some(v.to_string()),
            "expect-absent" => case.absent = v.split(',').map(|s| s.trim().to_string()).collect(),
            "expect-reset" => case.reset = Some(v.to_string()),
            "expect-corrected" => case.corrected.push(v.to_string()),
            "note" => {}
            "options" => {
                for o in v.split_whitespace() {
                    let (ok, ov) = o
                        .split_once('=')
                        .ok_or_else(|| format!("{name}: bad option `{o}`"))?;
                    match ok {
                        "lang" => {
                            case.opts.lang =
                                Lang::parse(ov).ok_or_else(|| format!("{name}: bad lang"))?
                        }
                        "now" => {
                            case.opts.now =
                                Some(parse_rfc3339(ov).ok_or_else(|| format!("{name}: bad now"))?)
                        }
                        "billing-day" => {
                            case.opts.billing_day =
                                Some(ov.parse().map_err(|_| format!("{name}: bad billing-day"))?)
                        }
                        _ => return Err(format!("{name}: unknown option `{ok}`")),
                    }
                }
            }
            other => return Err(format!("{name}: unknown header `{other}`")),
        }
    }
    if case.category.is_empty() {
        return Err(format!("{name}: missing expect-category"));
    }
    Ok(case)
}

fn check(case: &Case) -> Result<(), String> {
    let report = diagnose(&case.paste, &case.opts);
    let first = report.diagnoses.first();
    let summary = || {
        report
            .diagnoses
            .iter()
            .map(|d| format!("{}({})", d.rule, d.category.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if case.category == "none" {
        if report
            .diagnoses
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            return Err(format!(
                "{}: expected no error, got [{}]",
                case.name,
                summary()
            ));
        }
    } else {
        let got = first.map_or("(nothing)", |d| d.category.as_str());
        if got != case.category {
            return Err(format!(
                "{}: expected {} first, got [{}]",
                case.name,
                case.category,
                summary()
            ));
        }
    }
    if let Some(rule) = &case.rule {
        if first.map(|d| d.rule) != Some(rule.as_str()) {
            return Err(format!(
                "{}: expected rule {rule} first, got [{}]",
                case.name,
                summary()
            ));
        }
    }
    for a in &case.absent {
        if report.diagnoses.iter().any(|d| d.rule == a) {
            return Err(format!(
                "{}: rule {a} must not appear, got [{}]",
                case.name,
                summary()
            ));
        }
    }
    if !case.corrected.is_empty() {
        check_corrected(case, &report)?;
    }
    if let Some(reset) = &case.reset {
        let got = first
            .and_then(|d| d.reset.as_ref())
            .and_then(|r| r.at.clone());
        if got.as_deref() != Some(reset.as_str()) {
            return Err(format!(
                "{}: expected reset {reset}, got {got:?}",
                case.name
            ));
        }
    }
    Ok(())
}

/// Runs every paste in `tests/<dir>`: (count, failures, per expected category).
fn run_dir(
    dir: &str,
) -> (
    usize,
    Vec<String>,
    std::collections::BTreeMap<String, usize>,
) {
    let dir = root().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut failures = Vec::new();
    let mut per_category = std::collections::BTreeMap::<String, usize>::new();
    for f in &files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let src = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let result = parse_case(&name, &src).and_then(|c| {
            *per_category.entry(c.category.clone()).or_default() += 1;
            check(&c)
        });
        if let Err(e) = result {
            failures.push(e);
        }
    }
    (files.len(), failures, per_category)
}

/// Each `expect-corrected` line must appear in a corrected snippet, and each snippet must be
/// its block of the paste with only the fix edits applied: the rest byte-identical.
fn check_corrected(case: &Case, report: &llmdoctor_core::Report) -> Result<(), String> {
    let all: Vec<&str> = report.corrected.iter().map(|c| c.text.as_str()).collect();
    for want in &case.corrected {
        if !all.iter().any(|t| t.contains(want.as_str())) {
            return Err(format!(
                "{}: no corrected snippet contains `{want}`; got {all:?}",
                case.name
            ));
        }
    }
    let edits: Vec<&llmdoctor_core::report::Edit> = report
        .diagnoses
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| f.edits.iter())
        .collect();
    for c in &report.corrected {
        let mut mine: Vec<_> = edits
            .iter()
            .filter(|e| e.start >= c.start && e.end <= c.end)
            .collect();
        mine.sort_by_key(|e| std::cmp::Reverse(e.start));
        mine.dedup_by_key(|e| e.start);
        let mut expected = case.paste.get(c.start..c.end).unwrap_or("").to_string();
        for e in mine {
            expected.replace_range(e.start - c.start..e.end - c.start, &e.replacement);
        }
        // Keys in the paste are masked in both (the report's text and edits are masked).
        if !secrets_free_eq(&expected, &c.text) {
            return Err(format!("{}: corrected snippet is not the block with only the edits applied:\n{}\n---\n{expected}", case.name, c.text));
        }
    }
    Ok(())
}

/// Equal once every `prefix…tail` mask and every key it stands for are set aside.
fn secrets_free_eq(raw: &str, masked: &str) -> bool {
    let strip = |s: &str| -> String {
        s.split(|c: char| c.is_whitespace() || "\"',;=:".contains(c))
            .filter(|w| {
                !(w.contains('…')
                    || w.starts_with("sk-")
                    || w.starts_with("AIza")
                    || w.starts_with("ms-"))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    strip(raw) == strip(masked)
}

#[test]
fn corpus_pastes_give_their_expected_first_diagnosis() {
    let (n, failures, per_category) = run_dir("corpus");
    eprintln!(
        "corpus: {n} pastes, {} failing; per expected category: {per_category:?}",
        failures.len()
    );
    assert!(
        n >= 60,
        "the corpus must hold at least 60 pastes; found {n}"
    );
    assert!(
        failures.is_empty(),
        "{} of {n} corpus pastes fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The blind holdout (written without reading the rules) estimates accuracy on unseen pastes:
/// it must stay at or above 90% first-category accuracy, the product's target. Misses are
/// printed, not hidden; tuning rules on these files would spoil the estimate.
#[test]
fn blind_holdout_accuracy_is_at_least_90_percent() {
    let (n, failures, _) = run_dir("holdout");
    assert!(
        n >= 50,
        "the holdout must hold at least 50 pastes; found {n}"
    );
    let accuracy = (n - failures.len()) as f64 / n as f64;
    eprintln!(
        "holdout: {}/{n} = {:.1}%\n{}",
        n - failures.len(),
        accuracy * 100.0,
        failures.join("\n")
    );
    assert!(
        accuracy >= 0.90,
        "holdout accuracy {:.1}% < 90%:\n{}",
        accuracy * 100.0,
        failures.join("\n")
    );
}

#[test]
fn guide_messages_give_their_category_first() {
    #[derive(serde::Deserialize)]
    struct File {
        message: Vec<Message>,
    }
    #[derive(serde::Deserialize)]
    struct Message {
        text: String,
        category: String,
        #[allow(dead_code)]
        source: String,
    }
    let dir = root().join("guides");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    let (mut total, mut failures) = (0, Vec::new());
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for m in file.message {
            total += 1;
            let r = diagnose(&m.text, &Options::default());
            let got = r
                .diagnoses
                .first()
                .map_or("(nothing)", |d| d.category.as_str());
            if got != m.category {
                let all: Vec<_> = r
                    .diagnoses
                    .iter()
                    .map(|d| format!("{}({})", d.rule, d.category.as_str()))
                    .collect();
                failures.push(format!(
                    "{}: `{}`: expected {}, got [{}]",
                    f.display(),
                    m.text,
                    m.category,
                    all.join(", ")
                ));
            }
        }
    }
    eprintln!(
        "guides: {total} verbatim messages, {} failing",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} guide messages fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
