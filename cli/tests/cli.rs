//! The CLI contract (docs/CONTRACT.md): flags, JSON fields, exit codes 0 / 1 / 2, masking.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_llmdoctor"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn llmdoctor");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin);
    }
    child.wait_with_output().expect("run llmdoctor")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

const KEY: &str = "sk-sp-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

#[test]
fn found_is_exit_1_with_contract_fields() {
    let paste = format!("DASHSCOPE_API_KEY={KEY}\nAPI Error: 429 week allocated quota exceeded\n");
    let out = run(
        &["--format", "json", "--now", "2026-11-22T03:20:00Z"],
        paste.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["schema"], 1);
    let d = &v["diagnoses"][0];
    for field in [
        "rule",
        "category",
        "severity",
        "title",
        "explanation",
        "evidence",
        "steps",
        "verify",
        "sources",
    ] {
        assert!(!d[field].is_null(), "diagnosis lacks {field}");
    }
    assert_eq!(d["category"], "quota");
    let e = &d["evidence"][0];
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(2), Some(16))
    );
    let (s, t) = (
        e["start"].as_u64().unwrap_or(0) as usize,
        e["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&paste[s..t], "week allocated quota exceeded");
    assert_eq!(d["reset"]["at"], "2026-11-23T00:00:00+08:00");
    assert!(v["corrected"].is_array());
    assert!(v["facts"].is_object());
}

#[test]
fn nothing_found_is_exit_0_and_self_check() {
    let out = run(&[], b"hello, world\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("self-check"));
    let out = run(&["--format", "json"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["diagnoses"].as_array().map(Vec::len), Some(0));
}

#[test]
fn usage_and_unreadable_input_are_exit_2() {
    assert_eq!(run(&["--format", "yaml"], b"").status.code(), Some(2));
    assert_eq!(run(&["--now", "tomorrow"], b"").status.code(), Some(2));
    let out = run(&["/nonexistent/llmdoctor-test.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let out = run(&["-"], b"\x7fELF\x02\x01\x00\x00binary");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
    assert_eq!(
        run(&["explain", "no-such-rule"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let out = run(
        &["--format", "json"],
        b"week allocated quota exceeded \xff\xfe\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}

#[test]
fn keys_are_masked_unless_asked() {
    let paste = format!(
        "export ANTHROPIC_AUTH_TOKEN={KEY}\nError: week allocated quota exceeded for {KEY}\n"
    );
    for format in ["json", "human"] {
        let out = run(&["--format", format], paste.as_bytes());
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        let s = String::from_utf8_lossy(&all);
        assert!(!s.contains(KEY), "{format} output leaks the key:\n{s}");
        assert!(
            s.contains("sk-sp-…b1a0"),
            "{format} output lacks the mask:\n{s}"
        );
    }
    let out = run(&["--format", "json", "--show-secrets"], paste.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).contains(KEY));
}

#[test]
fn several_files_read_as_one_paste() {
    let dir = std::env::temp_dir().join(format!("llmdoctor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let a = dir.join("settings.json");
    let b = dir.join("error.txt");
    std::fs::write(&a, "{\"env\": {}}").expect("write");
    std::fs::write(&b, "line one\nweek allocated quota exceeded\n").expect("write");
    let out = run(&[a.to_str().unwrap_or(""), b.to_str().unwrap_or("")], b"");
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        s.contains("error.txt:2:1"),
        "location names the file and its own line:\n{s}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rules_and_explain_list_the_rule_set() {
    let out = run(&["rules"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("coding-plan-week-quota"));
    let out = run(&["explain", "coding-plan-week-quota", "--lang", "zh"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("周额度"));
}

#[test]
fn chinese_output_names_severity_and_category_in_chinese() {
    let paste = b"API Error: 429 week allocated quota exceeded\n";
    let out = run(&["--lang", "zh"], paste);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    // The catalog's words for "error" and "quota" (rules/messages/zh.toml), written as escapes.
    assert!(
        text.contains("\u{9519}\u{8bef}[coding-plan-week-quota]"),
        "{text}"
    );
    assert!(text.contains("(\u{989d}\u{5ea6})"), "{text}");
    assert!(
        !text.contains("error[") && !text.contains("(quota)"),
        "{text}"
    );
    // English keeps rustc's shape and the category's id.
    let out = run(&[], paste);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("error[coding-plan-week-quota]") && text.contains("(quota)"),
        "{text}"
    );
}

#[test]
fn the_cli_own_lines_speak_the_chosen_language() {
    // An unreadable file, an unknown rule, --fix on stdin: the catalog's Chinese, not English.
    let missing = std::env::temp_dir().join("llmdoctor-no-such-file.txt");
    let missing = missing.to_str().unwrap_or("");
    let cases: [(&[&str], &[u8], &str, &str); 3] = [
        (&[missing], b"", "\u{65e0}\u{6cd5}\u{8bfb}\u{53d6}", "cannot read"),
        (&["explain", "no-such-rule"], b"", "\u{6ca1}\u{6709}\u{89c4}\u{5219}", "no rule"),
        (
            &["--fix"],
            b"[model_providers.x]\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nwire_api = \"chat\"\n",
            "--fix \u{4e0d}\u{4f1a}\u{6539}\u{5199}",
            "does not rewrite",
        ),
    ];
    for (args, stdin, zh, en) in cases {
        let mut with_lang = vec!["--lang", "zh"];
        with_lang.extend_from_slice(args);
        let err = String::from_utf8_lossy(&run(&with_lang, stdin).stderr).to_string();
        assert!(err.contains(zh) && !err.contains(en), "{args:?}: {err}");
        let err = String::from_utf8_lossy(&run(args, stdin).stderr).to_string();
        assert!(err.contains(en), "{args:?}: {err}");
    }
}

#[test]
fn fix_rewrites_files_keeps_a_backup_and_refuses_review_fixes() {
    let dir = std::env::temp_dir().join(format!("llmdoctor-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let settings = dir.join("settings.json");
    let original = "{\n  // mine\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"\n  }\n}\n";
    std::fs::write(&settings, original).expect("write");
    let path = settings.to_str().unwrap_or("");
    let out = run(&[path, "--diff"], b"");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("+    \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\","), "{s}");
    assert!(
        !s.contains("4f9a8b7c6d5e4f3a2b1c0d9e8f7a"),
        "diff leaks the key:\n{s}"
    );
    run(&[path, "--fix"], b"");
    let fixed = std::fs::read_to_string(&settings).expect("read");
    assert_eq!(
        fixed,
        original.replace("aliyuncs.com/v1\"", "aliyuncs.com/apps/anthropic\""),
        "only the value changed, the key kept in full"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("settings.json.bak")).expect("bak"),
        original
    );

    let toml = dir.join("config.toml");
    let codex = "[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nwire_api = \"chat\"\n";
    std::fs::write(&toml, codex).expect("write");
    let t = toml.to_str().unwrap_or("");
    let out = run(&[t, "--fix"], b"");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a review fix is refused without --unsafe-fixes"
    );
    assert_eq!(std::fs::read_to_string(&toml).expect("read"), codex);
    run(&[t, "--fix", "--unsafe-fixes"], b"");
    assert_eq!(
        std::fs::read_to_string(&toml).expect("read"),
        codex.replace("\"chat\"", "\"responses\"")
    );
    let out = run(&["--fix"], codex.as_bytes());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not rewrite stdin"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bundle_is_sanitized() {
    let out = run(
        &["--bundle", "--now", "2026-11-22T03:20:00Z"],
        format!("OPENAI_API_KEY={KEY}\nAPI Error: 429 week allocated quota exceeded\n").as_bytes(),
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("support bundle")
            && s.contains("sk-sp-…b1a0")
            && s.contains("week allocated quota exceeded"),
        "{s}"
    );
    assert!(!s.contains(KEY));
}
