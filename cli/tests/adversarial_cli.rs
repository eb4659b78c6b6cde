//! The adversarial cases (tests/adversarial/cases, format in its README) through the CLI, as
//! files on disk: the exit code each case states (`cli-exit`), the warning or error it states
//! (`cli-stderr`), JSON on stdout whenever the exit is 0 or 1, and the cases' `expect-not-in-output`
//! strings (keys) nowhere in stdout or stderr. Only the committed pastes run here (what the CLI
//! adds is reading a file: invalid UTF-8, NUL bytes, a BOM); the generated, huge cases are
//! core/tests/adversarial.rs's and the benchmark's.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cases() -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/adversarial/cases");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .filter(|(n, p)| !n.starts_with('.') && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// A case's header lines, `(key, value)`.
type Header = Vec<(String, String)>;

/// Header lines and the paste's bytes.
fn split(bytes: &[u8]) -> Option<(Header, Vec<u8>)> {
    let sep = b"\n---\n";
    let at = bytes.windows(sep.len()).position(|w| w == sep)?;
    let header = String::from_utf8_lossy(&bytes[..at])
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some((header, bytes[at + sep.len()..].to_vec()))
}

#[test]
fn small_cases_through_the_cli() {
    let tmp = std::env::temp_dir().join(format!("llmdoctor-adversarial-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let mut errs = Vec::new();
    let mut ran = 0;
    for (name, path) in cases() {
        let bytes = std::fs::read(&path).expect("read case");
        let Some((header, paste)) = split(&bytes) else {
            errs.push(format!("{name}: no `---` line"));
            continue;
        };
        let get = |k: &'static str| {
            header
                .iter()
                .filter(move |(h, _)| h == k)
                .map(|(_, v)| v.clone())
                .collect::<Vec<String>>()
        };
        if !get("generate").is_empty() {
            continue;
        }
        let file = tmp.join(&name);
        std::fs::write(&file, &paste).expect("write case");
        let out = Command::new(env!("CARGO_BIN_EXE_llmdoctor"))
            .arg("--format")
            .arg("json")
            .arg(&file)
            .env("NO_COLOR", "1")
            .output()
            .expect("run llmdoctor");
        ran += 1;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        if let Some(want) = get("cli-exit").first() {
            if code.map(|c| c.to_string()).as_deref() != Some(want.as_str()) {
                errs.push(format!(
                    "{name}: exit {code:?}, expected {want}; stderr: {stderr}"
                ));
            }
        }
        for want in get("cli-stderr") {
            if !stderr.contains(want.as_str()) {
                errs.push(format!("{name}: stderr does not say `{want}`: {stderr}"));
            }
        }
        if matches!(code, Some(0 | 1))
            && serde_json::from_str::<serde_json::Value>(&stdout).is_err()
        {
            errs.push(format!("{name}: stdout is not one JSON report"));
        }
        for secret in get("expect-not-in-output") {
            if stdout.contains(secret.as_str()) || stderr.contains(secret.as_str()) {
                errs.push(format!("{name}: `{secret}` is in the output"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        ran >= 10,
        "the small adversarial cases are missing ({ran} ran)"
    );
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}
