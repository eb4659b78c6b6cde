//! Argument handling through the built binary: subcommands, `--`, file names that are not
//! UTF-8, completions, the man page, every flag, usage errors exiting 2, and the progress bar
//! staying off stderr when it is not a terminal.

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn run_in(dir: Option<&PathBuf>, args: &[&OsStr], stdin: &[u8]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_llmdoctor"));
    c.args(args)
        .env("LANG", "C")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        c.current_dir(d);
    }
    let mut child = c.spawn().expect("spawn llmdoctor");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin);
    }
    child.wait_with_output().expect("run llmdoctor")
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let a: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_in(None, &a, stdin)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("llmdoctor-args-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

const QUOTA: &[u8] = b"API Error: 429 week allocated quota exceeded\n";

#[test]
fn help_and_version_exit_0() {
    for flag in ["--help", "-h"] {
        let o = run(&[flag], b"");
        assert_eq!(o.status.code(), Some(0));
        let s = out(&o);
        for want in [
            "doctor",
            "completions",
            "man",
            "--billing-day",
            "--unsafe-fixes",
            "Exit status",
        ] {
            assert!(s.contains(want), "{flag} lacks {want}:\n{s}");
        }
    }
    for flag in ["--version", "-V"] {
        let o = run(&[flag], b"");
        assert_eq!(o.status.code(), Some(0));
        assert!(out(&o).starts_with("llmdoctor ") && out(&o).contains(" rules)"));
    }
    let o = run(&["doctor", "--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("Claude Code"), "{}", out(&o));
}

#[test]
fn usage_errors_exit_2_and_say_what_is_valid() {
    for args in [
        &["--frobnicate"][..],
        &["--format"],
        &["--format", "yaml"],
        &["--color", "sometimes"],
        &["--lang", "fr"],
        &["--billing-day", "0"],
        &["--billing-day", "x"],
        &["--unsafe-fixes"],
        &["explain"],
        &["explain", "a", "b"],
        &["completions"],
        &["completions", "tcsh"],
        &["rules", "extra"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(!err(&o).is_empty(), "{args:?} says nothing");
        assert!(out(&o).is_empty(), "{args:?} prints to stdout");
    }
    let e = err(&run(&["--format", "yaml"], b""));
    assert!(e.contains("human") && e.contains("json"), "{e}");
    let e = err(&run(&["--color", "x"], b""));
    assert!(e.contains("always") && e.contains("never"), "{e}");
    assert!(err(&run(&["--now", "soon"], b"")).contains("RFC 3339"));
    assert!(err(&run(&["--unsafe-fixes"], b"")).contains("--fix"));
}

#[test]
fn subcommands_and_flags_in_any_order() {
    let o = run(&["rules", "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("rules as JSON");
    assert!(v.as_array().is_some_and(|a| a.len() > 100));
    let o = run(&["--format", "json", "rules"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).trim_start().starts_with('['));
    let o = run(&["--lang", "zh", "explain", "coding-plan-week-quota"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("周额度"));
}

#[test]
fn a_file_named_like_a_subcommand_is_read_after_double_dash() {
    let d = temp("dashdash");
    for name in ["rules", "doctor", "explain", "man"] {
        std::fs::write(d.join(name), QUOTA).expect("write");
    }
    let rules = run_in(Some(&d), &[OsStr::new("rules")], b"");
    assert_eq!(rules.status.code(), Some(0), "without --, the subcommand");
    assert!(out(&rules).contains("coding-plan-week-quota"));
    for name in ["rules", "doctor", "explain", "man"] {
        let o = run_in(
            Some(&d),
            &[
                OsStr::new("--format"),
                OsStr::new("json"),
                OsStr::new("--"),
                OsStr::new(name),
            ],
            b"",
        );
        assert_eq!(o.status.code(), Some(1), "{name}: {}", err(&o));
        let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("a report");
        assert_eq!(v["diagnoses"][0]["category"], "quota");
        assert_eq!(v["facts"]["inputs"][0]["name"], name);
    }
    // After --, what looks like a flag is a file name too.
    let o = run_in(Some(&d), &[OsStr::new("--"), OsStr::new("--fix")], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--fix: cannot read"), "{}", err(&o));
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_read_without_panicking() {
    use std::os::unix::ffi::OsStrExt;
    let d = temp("nonutf8");
    let name = OsStr::from_bytes(b"caf\xe9-error.log");
    std::fs::write(d.join(name), QUOTA).expect("write a non-UTF-8 name");
    let o = run_in(Some(&d), &[name], b"");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(out(&o).contains("caf\u{fffd}-error.log:1:"), "{}", out(&o));
    let o = run_in(
        Some(&d),
        &[OsStr::new("--format"), OsStr::new("json"), name],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("JSON");
    assert_eq!(v["facts"]["inputs"][0]["name"], "caf\u{fffd}-error.log");
    // Missing: unreadable input, exit 2, never 101.
    let o = run_in(Some(&d), &[OsStr::from_bytes(b"no\xffne")], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("cannot read"));
    // A value that must be text and is not: a usage error.
    let o = run_in(
        Some(&d),
        &[OsStr::new("--lang"), OsStr::from_bytes(b"z\xffh")],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    // --fix writes back to the real (non-UTF-8) name.
    let settings = OsStr::from_bytes(b"settings-\xe9.json");
    let original = "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"}}\n";
    std::fs::write(d.join(settings), original).expect("write");
    let o = run_in(Some(&d), &[settings, OsStr::new("--fix")], b"");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let fixed = std::fs::read_to_string(d.join(settings)).expect("read back");
    assert!(fixed.contains("/apps/anthropic"), "{fixed}");
    let mut bak = settings.to_os_string();
    bak.push(".bak");
    assert_eq!(std::fs::read_to_string(d.join(bak)).expect("bak"), original);
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn completions_for_each_shell_and_the_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell], b"");
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let s = out(&o);
        assert!(s.len() > 500, "{shell}: {} bytes", s.len());
        assert!(
            s.contains("llmdoctor") && s.contains("doctor") && s.contains("billing-day"),
            "{shell}"
        );
    }
    let o = run(&["man"], b"");
    assert_eq!(o.status.code(), Some(0));
    let s = out(&o);
    assert!(s.contains(".TH llmdoctor 1"), "{s}");
    for want in ["doctor", "completions", "billing\\-day", "unsafe\\-fixes"] {
        assert!(s.contains(want), "man page lacks {want}");
    }
}

#[test]
fn color_is_asked_for_or_refused() {
    let o = run(&["--color", "always"], QUOTA);
    assert!(out(&o).contains("\x1b["), "always colours");
    let o = run(&["--color", "never"], QUOTA);
    assert!(!out(&o).contains("\x1b["));
    // auto: stdout is a pipe here, so no colour.
    let o = run(&[], QUOTA);
    assert!(!out(&o).contains("\x1b["));
}

#[test]
fn billing_day_lang_and_diff_change_the_report() {
    let month = b"API Error: 429 month allocated quota exceeded\n";
    let args = ["--format", "json", "--now", "2026-11-22T03:20:00Z"];
    let o = run(&args, month);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("JSON");
    assert_eq!(v["diagnoses"][0]["reset"]["exact"], false);
    let o = run(&[&args[..], &["--billing-day", "5"]].concat(), month);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("JSON");
    assert_eq!(
        v["diagnoses"][0]["reset"]["at"],
        "2026-12-05T00:00:00+08:00"
    );
    let o = run(&["--lang", "zh"], QUOTA);
    assert!(out(&o).contains("修复步骤"), "{}", out(&o));
    let cfg =
        b"{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\"}}\n";
    let o = run(&["--diff"], cfg);
    assert!(
        out(&o)
            .lines()
            .any(|l| l.trim_start().starts_with('+') && l.contains("/apps/anthropic")),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("@@"), "a unified diff:\n{}", out(&o));
}

#[test]
fn a_big_input_draws_no_progress_when_stderr_is_not_a_terminal() {
    // 5 MiB, over the progress threshold (4 MiB): stderr is a pipe here, so nothing is drawn.
    let mut big = "INFO request ok latency=12ms path=/v1/chat/completions\n".repeat(100_000);
    big.push_str("API Error: 429 week allocated quota exceeded\n");
    assert!(big.len() > 5 * 1024 * 1024);
    let o = run(&["--format", "json"], big.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).is_empty(), "stderr: {}", err(&o));
    let d = temp("big");
    let f = d.join("big.log");
    std::fs::write(&f, &big).expect("write");
    let o = run_in(None, &[f.as_os_str()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).is_empty(), "stderr: {}", err(&o));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn doctor_refuses_bundle() {
    let o = run(&["doctor", "--bundle"], b"");
    assert_eq!(o.status.code(), Some(2));
}
