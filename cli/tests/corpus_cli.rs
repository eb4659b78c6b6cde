//! The engine-neutral corpus (tests/corpus) through the CLI: the first category printed by
//! `llmdoctor --format json` must be each paste's expected one, as it is through core.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn corpus_through_the_cli() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    assert!(files.len() >= 60, "corpus missing");
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_default();
        let Some((head, paste)) = src.split_once("\n---\n") else {
            continue;
        };
        let mut args = vec!["--format".to_string(), "json".to_string()];
        let mut want = String::new();
        for line in head.lines() {
            if let Some(v) = line.strip_prefix("expect-category:") {
                want = v.trim().to_string();
            }
            if let Some(v) = line.strip_prefix("options:") {
                for o in v.split_whitespace() {
                    if let Some((k, v)) = o.split_once('=') {
                        args.push(format!("--{k}"));
                        args.push(v.to_string());
                    }
                }
            }
        }
        if !args.iter().any(|a| a == "--now") {
            args.extend(["--now".to_string(), "2026-11-22T03:20:00Z".to_string()]);
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_llmdoctor"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn llmdoctor");
        if let Some(mut i) = child.stdin.take() {
            let _ = i.write_all(paste.as_bytes());
        }
        let out = child.wait_with_output().expect("run llmdoctor");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let diags = v["diagnoses"].as_array().cloned().unwrap_or_default();
        let ok = if want == "none" {
            !diags.iter().any(|d| d["severity"] == "error")
                && out.status.code().is_some_and(|c| c <= 1)
        } else {
            diags.first().and_then(|d| d["category"].as_str()) == Some(want.as_str())
                && out.status.code() == Some(1)
        };
        if !ok {
            let got: Vec<_> = diags
                .iter()
                .filter_map(|d| d["category"].as_str())
                .collect();
            failures.push(format!(
                "{}: expected {want}, got {got:?} (exit {:?})",
                f.display(),
                out.status.code()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus pastes differ through the CLI:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
