//! docs/report.schema.json: generated from core's report types (feature `schema`), checked in,
//! and what `llmdoctor --format json` prints for every corpus paste validates against it.
//! After changing the report's types: `LLMDOCTOR_BLESS=1 cargo test -p llmdoctor --test schema`
//! rewrites the file.

use std::path::{Path, PathBuf};
use std::process::Command;

fn schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/report.schema.json")
}

#[test]
fn checked_in_schema_is_the_generated_one() {
    let generated = llmdoctor_core::schema::report_schema();
    let path = schema_path();
    if std::env::var_os("LLMDOCTOR_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/report.schema.json");
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "docs/report.schema.json differs from the report's types: run \
         `LLMDOCTOR_BLESS=1 cargo test -p llmdoctor --test schema` and commit the file"
    );
}

#[test]
fn schema_names_the_contract_fields() {
    let v: serde_json::Value =
        serde_json::from_str(&llmdoctor_core::schema::report_schema()).expect("schema is JSON");
    let required = |def: &serde_json::Value| -> Vec<String> {
        def["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    let mut top = required(&v);
    top.sort();
    assert_eq!(
        top,
        ["corrected", "diagnoses", "facts", "schema"],
        "the report's top level"
    );
    let facts = &v["definitions"]["Facts"];
    let mut fields = required(facts);
    fields.sort();
    assert_eq!(
        fields,
        [
            "config",
            "endpoints",
            "keys",
            "near_hosts",
            "notes",
            "plans",
            "providers",
            "regions",
            "statuses",
            "tools"
        ],
        "facts: every field but the front end's `inputs` is always there"
    );
    let policies = v["definitions"]["RetryPolicy"].to_string();
    for p in ["never", "after_fix", "after_reset", "backoff", "none"] {
        assert!(policies.contains(&format!("\"{p}\"")), "{p}: {policies}");
    }
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
}

#[test]
fn cli_json_for_every_corpus_paste_validates() {
    // The generated schema, which the test above holds equal to docs/report.schema.json (read
    // from memory: a blessing run rewrites the file while this runs).
    let schema: serde_json::Value =
        serde_json::from_str(&llmdoctor_core::schema::report_schema()).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let files = corpus();
    assert!(files.len() >= 60, "corpus missing");
    let mut checked = 0;
    let mut failures = Vec::new();
    for f in &files {
        for lang in ["en", "zh"] {
            let out = Command::new(env!("CARGO_BIN_EXE_llmdoctor"))
                .args(["--format", "json", "--lang", lang])
                .args(["--now", "2026-11-22T03:20:00Z"])
                .arg(f)
                .output()
                .expect("run llmdoctor");
            let name = f.file_name().map(|n| n.to_string_lossy().to_string());
            let Ok(v) = serde_json::from_slice::<serde_json::Value>(&out.stdout) else {
                failures.push(format!("{name:?} ({lang}): not JSON"));
                continue;
            };
            let errors: Vec<String> = validator
                .iter_errors(&v)
                .take(3)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            if !errors.is_empty() {
                failures.push(format!("{name:?} ({lang}): {}", errors.join("; ")));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, files.len() * 2);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_report_that_breaks_the_schema_is_caught() {
    // The validation above means something: a wrong type where the schema says otherwise fails.
    // The generated schema, which the test above holds equal to docs/report.schema.json (read
    // from memory: a blessing run rewrites the file while this runs).
    let schema: serde_json::Value =
        serde_json::from_str(&llmdoctor_core::schema::report_schema()).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let out = Command::new(env!("CARGO_BIN_EXE_llmdoctor"))
        .args(["--format", "json", "--now", "2026-11-22T03:20:00Z"])
        .arg(corpus().first().expect("a corpus paste"))
        .output()
        .expect("run llmdoctor");
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(validator.is_valid(&v));
    v["facts"]["tools"] = serde_json::json!(["not-a-tool"]);
    assert!(!validator.is_valid(&v), "an unknown tool is refused");
    v["facts"]["tools"] = serde_json::json!([]);
    v["facts"]["notes"] = serde_json::json!([1]);
    assert!(!validator.is_valid(&v), "notes are strings");
}
