//! The human output as rustc and cargo draw theirs (issue #15, item 2): annotate-snippets writes
//! `error[rule]: title`, `--> file:line:col` (the paste's column, as the JSON has it) and the
//! line with carets, lined up under tabs, CJK and emoji text, every evidence span on that line
//! under it; anstream decides colour (`--color`, NO_COLOR, CLICOLOR_FORCE) and no byte a
//! terminal acts on leaves but the colours' own.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs llmdoctor with no colour variable but those in `env`.
fn run_env(args: &[&str], env: &[(&str, &str)], stdin: &[u8]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_llmdoctor"));
    c.args(args)
        .env("LANG", "C")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("spawn llmdoctor");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin);
    }
    child.wait_with_output().expect("run llmdoctor")
}

fn human(paste: &str) -> String {
    let o = run_env(&["--color", "never"], &[], paste.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(paste: &str) -> serde_json::Value {
    let o = run_env(&["--format", "json"], &[], paste.as_bytes());
    serde_json::from_slice(&o.stdout).expect("JSON")
}

/// The first diagnosis's title line and the four lines of its location and snippet.
fn head(out: &str) -> Vec<&str> {
    out.lines().take(5).collect()
}

const TITLE: &str = "error[coding-plan-week-quota]: ";

#[test]
fn carets_line_up_under_a_tab() {
    // A tab is drawn as four spaces (as rustc does); the column is the paste's: the tab is
    // one character.
    let out = human("\tAPI Error: 429 week allocated quota exceeded\n");
    let h = head(&out);
    assert!(h[0].starts_with(TITLE), "{out}");
    assert_eq!(
        h[1..],
        [
            " --> <stdin>:1:17",
            "  |",
            "1 |     API Error: 429 week allocated quota exceeded",
            "  |                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        ],
        "\n{out}"
    );
    // Tabs between words too: 4 + 5 + 4 columns before the evidence.
    let out = human("\tERROR\tweek allocated quota exceeded\n");
    assert_eq!(
        head(&out)[1..],
        [
            " --> <stdin>:1:8",
            "  |",
            "1 |     ERROR    week allocated quota exceeded",
            "  |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        ],
        "\n{out}"
    );
}

#[test]
fn carets_line_up_under_cjk_and_emoji() {
    // 错误：模型调用失败 is nine characters two columns wide, 🚀 is two wide: the evidence
    // starts at character 13 and at display column 23.
    let out = human("错误：模型调用失败 🚀 week allocated quota exceeded\n");
    let h = head(&out);
    assert!(h[0].starts_with(TITLE), "{out}");
    assert_eq!(
        h[1..],
        [
            " --> <stdin>:1:13",
            "  |",
            "1 | 错误：模型调用失败 🚀 week allocated quota exceeded",
            "  |                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        ],
        "\n{out}"
    );
    // Chinese evidence: one caret per display column.
    let out = human("网关返回：周额度已用完 week allocated quota exceeded（请稍后）\n");
    let h = head(&out);
    assert_eq!(
        h[3],
        "1 | 网关返回：周额度已用完 week allocated quota exceeded（请稍后）"
    );
    assert_eq!(
        h[4],
        format!("  | {}{}", " ".repeat(23), "^".repeat(29)),
        "\n{out}"
    );
}

#[test]
fn spans_on_one_line_share_one_snippet() {
    let paste = "2026 ERROR week allocated quota exceeded; retry: week allocated quota exceeded\nINFO ok\nweek allocated quota exceeded\n";
    let v = json(paste);
    let lines: Vec<u64> = v["diagnoses"][0]["evidence"]
        .as_array()
        .map(|e| e.iter().filter_map(|e| e["line"].as_u64()).collect())
        .unwrap_or_default();
    assert_eq!(lines, [1, 1, 3], "{v}");
    let out = human(paste);
    let h: Vec<&str> = out.lines().take(6).collect();
    assert_eq!(
        h[1..],
        [
            " --> <stdin>:1:12",
            "  |",
            "1 | 2026 ERROR week allocated quota exceeded; retry: week allocated quota exceeded",
            "  |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            " ::: <stdin>:3:1",
        ],
        "\n{out}"
    );
}

#[test]
fn the_location_is_the_pastes_column_where_the_line_shown_differs() {
    const KEY: &str = "sk-sp-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    for paste in [
        // A key before the evidence, masked shorter.
        format!("Error for {KEY}: week allocated quota exceeded\n"),
        // A line cut before the evidence.
        format!("{} week allocated quota exceeded\n", "x".repeat(300)),
        // A control character written out as four.
        "\u{1b}[1m week allocated quota exceeded\n".to_string(),
    ] {
        let v = json(&paste);
        let e = &v["diagnoses"][0]["evidence"][0];
        let want = format!(" --> <stdin>:1:{}", e["column"]);
        let out = human(&paste);
        assert_eq!(out.lines().nth(1), Some(want.as_str()), "\n{out}");
        assert!(!out.contains(KEY), "{out}");
        // The carets stand under the evidence as shown.
        let lines: Vec<&str> = out.lines().collect();
        let (ctx, carets) = (lines[3], lines[4]);
        let start = ctx.find("week allocated quota exceeded").unwrap_or(0);
        assert_eq!(
            carets.find('^'),
            Some(unicode_width::UnicodeWidthStr::width(&ctx[..start])),
            "\n{ctx}\n{carets}"
        );
    }
    let out = human(&format!("Error for {KEY}: week allocated quota exceeded\n"));
    assert!(
        out.contains("1 | Error for sk-sp-…b1a0: week allocated quota exceeded"),
        "{out}"
    );
}

const QUOTA: &[u8] = b"API Error: 429 week allocated quota exceeded\n";

fn has_escape(o: &Output) -> bool {
    o.stdout.contains(&0x1b)
}

#[test]
fn color_follows_the_flag_then_no_color_then_clicolor_force() {
    // auto into a pipe: no colour, unless CLICOLOR_FORCE; NO_COLOR wins over it.
    assert!(!has_escape(&run_env(&[], &[], QUOTA)));
    assert!(has_escape(&run_env(&[], &[("CLICOLOR_FORCE", "1")], QUOTA)));
    assert!(!has_escape(&run_env(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        QUOTA
    )));
    // An empty NO_COLOR is no NO_COLOR.
    assert!(has_escape(&run_env(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")],
        QUOTA
    )));
    assert!(!has_escape(&run_env(
        &["--color", "auto"],
        &[("NO_COLOR", "1")],
        QUOTA
    )));
    // The flag decides alone.
    assert!(has_escape(&run_env(
        &["--color", "always"],
        &[("NO_COLOR", "1")],
        QUOTA
    )));
    assert!(!has_escape(&run_env(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", "1")],
        QUOTA
    )));
    // JSON is never painted.
    let o = run_env(
        &["--format", "json", "--color", "always"],
        &[("CLICOLOR_FORCE", "1")],
        QUOTA,
    );
    assert!(!has_escape(&o));
    assert!(serde_json::from_slice::<serde_json::Value>(&o.stdout).is_ok());
}

#[test]
fn auto_colors_a_terminal_unless_no_color() {
    // A real terminal, through script(1) where it is installed.
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("no /usr/bin/script: the terminal case is not run");
        return;
    }
    let dir = temp("tty");
    let file = dir.join("quota.txt");
    std::fs::write(&file, QUOTA).expect("write");
    let cmd = format!(
        "'{}' '{}'",
        env!("CARGO_BIN_EXE_llmdoctor"),
        file.to_string_lossy()
    );
    let on_tty = |env: &[(&str, &str)]| -> Vec<u8> {
        let mut c = Command::new(script);
        c.args(["-qec", &cmd, "/dev/null"])
            .env("TERM", "xterm-256color")
            .env("LANG", "C")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR")
            // anstream colours a terminal in CI whatever TERM says (CI=true is set there).
            .env_remove("CI")
            .stdin(Stdio::null());
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().map(|o| o.stdout).unwrap_or_default()
    };
    let plain = on_tty(&[("NO_COLOR", "1")]);
    if !String::from_utf8_lossy(&plain).contains("coding-plan-week-quota") {
        eprintln!("script(1) ran nothing here: the terminal case is not run");
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    assert!(!plain.contains(&0x1b), "NO_COLOR on a terminal");
    assert!(on_tty(&[]).contains(&0x1b), "a terminal is coloured");
    assert!(!on_tty(&[("TERM", "dumb")]).contains(&0x1b), "TERM=dumb");
    let _ = std::fs::remove_dir_all(&dir);
}

/// What a paste holds to move a terminal: erase, retitle, bell, carriage return, bidi override,
/// C1 CSI, backspace.
const NASTY: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\r\u{202e}\u{9b}31m\u{8}";

fn pastes() -> Vec<String> {
    vec![
        format!("2026-11-22 ERROR {NASTY}\tAPI Error: 429 week allocated quota exceeded {NASTY}\r\n"),
        format!(
            "{{\"env\": {{\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\", \"NOTE\": \"{NASTY}\"}}}}\r\nAPI Error: 404 {NASTY}\r\n"
        ),
    ]
}

/// Every ESC in `s` starts an SGR sequence (`ESC [ digits;... m`): colour, nothing else.
fn only_sgr(s: &str) -> Result<(), String> {
    let mut rest = s;
    while let Some(i) = rest.find('\u{1b}') {
        let seq = &rest[i + 1..];
        let body = seq
            .strip_prefix('[')
            .ok_or_else(|| format!("ESC not CSI: {seq:.20?}"))?;
        let n = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(body.len());
        if !body[n..].starts_with('m') {
            return Err(format!("not SGR: {seq:.20?}"));
        }
        rest = &body[n + 1..];
    }
    Ok(())
}

#[test]
fn a_paste_holding_escape_bytes_prints_none() {
    for paste in pastes() {
        for args in [&[][..], &["--diff"], &["--lang", "zh"]] {
            // never: not one byte a terminal acts on, CLICOLOR_FORCE or not.
            let mut all = vec!["--color", "never"];
            all.extend_from_slice(args);
            let o = run_env(&all, &[("CLICOLOR_FORCE", "1")], paste.as_bytes());
            assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
            let s = String::from_utf8_lossy(&o.stdout);
            let bad: Vec<char> = s
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\t'))
                .chain(s.chars().filter(|c| ('\u{202a}'..='\u{202e}').contains(c)))
                .collect();
            assert!(bad.is_empty(), "{args:?}: {bad:?} in\n{s}");
            assert!(s.contains("\\x1b[2J") && s.contains("\\x07"), "{s}");
            // always: the colours' own SGR sequences and nothing else.
            let mut all = vec!["--color", "always"];
            all.extend_from_slice(args);
            let o = run_env(&all, &[], paste.as_bytes());
            let s = String::from_utf8_lossy(&o.stdout);
            assert!(s.contains('\u{1b}'), "{args:?}: no colour");
            only_sgr(&s).unwrap_or_else(|e| panic!("{args:?}: {e} in\n{s}"));
            let bad: Vec<char> = s
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\t' | '\u{1b}'))
                .collect();
            assert!(bad.is_empty(), "{args:?}: {bad:?} in\n{s}");
            assert!(
                !s.contains("4f9a8b7c6d5e4f3a2b1c0d9e8f7a"),
                "key printed:\n{s}"
            );
        }
    }
}

fn temp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("llmdoctor-render-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn doctor_is_painted_the_same_way() {
    let home = temp("doctor");
    std::fs::create_dir_all(home.join(".claude")).expect("dir");
    std::fs::write(
        home.join(".claude/settings.json"),
        "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\"}}\n",
    )
    .expect("write");
    let h = home.to_string_lossy().into_owned();
    let env = [("HOME", h.as_str()), ("USERPROFILE", h.as_str())];
    let mut c = Command::new(env!("CARGO_BIN_EXE_llmdoctor"));
    c.current_dir(&home)
        .env_clear()
        .envs(env)
        .env("LANG", "C")
        .stdin(Stdio::null());
    let o = c
        .args(["doctor", "--color", "always"])
        .output()
        .expect("run");
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("━━ Claude Code ━━"), "{s}");
    assert!(s.contains('\u{1b}'), "{s}");
    only_sgr(&s).unwrap_or_else(|e| panic!("{e} in\n{s}"));
    let mut c = Command::new(env!("CARGO_BIN_EXE_llmdoctor"));
    c.current_dir(&home)
        .env_clear()
        .envs(env)
        .env("LANG", "C")
        .env("CLICOLOR_FORCE", "1")
        .stdin(Stdio::null());
    let o = c
        .args(["doctor", "--color", "never"])
        .output()
        .expect("run");
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("[config-anthropic-base-path]: "), "{s}");
    assert!(!s.contains('\u{1b}'), "{s}");
    assert!(!s.contains("4f9a8b7c6d5e4f3a2b1c0d9e8f7a"), "{s}");
    let _ = std::fs::remove_dir_all(&home);
}
