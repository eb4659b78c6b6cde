//! Human output escapes what a terminal would act on (issue #11, item 6): escape sequences,
//! carriage returns, bells and bidi overrides from the paste (or a file's name) are shown as
//! `\x1b`, `\r`, `\x07`, `\u{202e}`, in every mode — default, `--diff`, `--bundle`, `--fix`
//! messages — and carets still stand under the evidence.

use std::io::Write;
use std::path::PathBuf;
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

/// What a terminal acts on.
const HOSTILE: &[char] = &[
    '\u{1b}', '\r', '\u{7}', '\u{202e}', '\u{9b}', '\u{8}', '\u{0}',
];

fn assert_clean(what: &str, bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = s.chars().filter(|c| HOSTILE.contains(c)).collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{s}");
}

const NASTY: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\r\u{202e}\u{9b}31m\u{8}";

/// Pastes with the characters in an error line, a config value (corrected text, diff), a
/// curl command, notes.
fn pastes() -> Vec<String> {
    vec![
        format!("2026-11-22 ERROR {NASTY} API Error: 404 status code (no body) {NASTY}\r\n"),
        format!(
            "{{\"env\": {{\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\", \"NOTE\": \"{NASTY}\"}}}}\r\nAPI Error: 404 {NASTY}\r\n"
        ),
        format!(
            "export ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/v1 # {NASTY}\r\nexport ANTHROPIC_AUTH_TOKEN=sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\r\n403 invalid api-key {NASTY}\n"
        ),
        format!(
            "curl https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -H 'x-api-key: $K' -d '{{\"model\": \"qwen-plus{NASTY}\", \"messages\": [{{\"role\": \"developer\", \"content\": \"{NASTY}\"}}]}}'\nAPI Error: 400 {NASTY}\n"
        ),
        format!("model = \"\"\"qwen{NASTY}\n\"\"\"\nwire_api = \"chat{NASTY}\"\n[unclosed\n{NASTY}"),
    ]
}

#[test]
fn human_output_shows_control_characters_escaped() {
    let mut checked = 0;
    for paste in pastes() {
        for args in [
            &[][..],
            &["--diff"],
            &["--lang", "zh"],
            &["--bundle"],
            &[
                "--color",
                "never",
                "--diff",
                "--now",
                "2026-11-22T03:20:00Z",
            ],
        ] {
            let out = run(args, paste.as_bytes());
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{args:?}: {out:?}"
            );
            assert_clean(&format!("stdout of {args:?} for {paste:?}"), &out.stdout);
            assert_clean(&format!("stderr of {args:?} for {paste:?}"), &out.stderr);
            checked += 1;
        }
    }
    // The escaped form is what is shown.
    let out = run(&[], pastes()[0].as_bytes());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("\\x1b[2J") && s.contains("\\u{202e}") && s.contains("\\x07"),
        "{s}"
    );
    assert!(checked >= 25);
}

#[test]
fn file_names_and_fix_messages_are_escaped_too() {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("llmdoctor-escapes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("evil\u{1b}[2J\u{7}\u{202e}name.json");
    let paste = "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\"}}\nAPI Error: 404 status code (no body)\n";
    if std::fs::write(&file, paste).is_err() {
        // A file system that refuses such names has nothing to test here.
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    let name = file.to_string_lossy().into_owned();
    for args in [&[][..], &["--diff"], &["--bundle"], &["--fix"]] {
        let mut all: Vec<&str> = args.to_vec();
        all.push(&name);
        let out = run(&all, b"");
        assert_clean(&format!("stdout of {args:?}"), &out.stdout);
        assert_clean(&format!("stderr of {args:?}"), &out.stderr);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn carets_stand_under_the_evidence_in_escaped_lines() {
    for prefix in [
        "\u{1b}[31mERROR\u{1b}[0m\t",
        "\u{202e}\u{7}",
        "错误\u{1b}[1m：",
        "",
    ] {
        let paste = format!("{prefix}API Error: 429 week allocated quota exceeded\n");
        let json = run(&["--format", "json"], paste.as_bytes());
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
        let evidence = v["diagnoses"][0]["evidence"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(!evidence.is_empty(), "{v}");
        let out = run(&[], paste.as_bytes());
        let s = String::from_utf8_lossy(&out.stdout).into_owned();
        let lines: Vec<&str> = s.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("1 | "))
            .unwrap_or_else(|| panic!("no context line in\n{s}"));
        let (ctx, carets) = (lines[at], lines[at + 1]);
        // Display columns (CJK characters are two wide), as unicode-width counts them.
        let width = |t: &str| -> usize { unicode_width::UnicodeWidthStr::width(t) };
        let start = ctx
            .find(&evidence)
            .unwrap_or_else(|| panic!("{evidence} not in {ctx}"));
        let lead = carets
            .find('^')
            .unwrap_or_else(|| panic!("no caret in {carets}"));
        assert_eq!(
            width(&ctx[..start]),
            width(&carets[..lead]),
            "\n{ctx}\n{carets}"
        );
        assert_eq!(carets[lead..].len(), width(&evidence), "\n{ctx}\n{carets}");
    }
}
