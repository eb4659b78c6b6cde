//! The red-team suite through the CLI binary (the engine's half: `core/tests/redteam.rs`): the
//! same generated cases — every key kind in every context, `fuzz/src/pastes.rs` — run through
//! the built `llmdoctor` in every output mode: human, `--format json`, `--diff`, `--bundle`,
//! `--fix` (what it prints; the file it writes may hold the key) and `--lang zh`. stdout and
//! stderr may hold neither the key nor 8 characters in a row of its hidden middle.
//!
//! The whole cross product (~2,150 cases × 6 modes) would spawn ~13,000 processes of the debug
//! build (30–80 ms each here); each mode runs a fixed, deterministic twelfth of the cases
//! instead (case i in mode m when (i + m) % 12 == 0: ~1,080 runs), so every context meets two
//! or three kinds in every mode, and every kind most contexts. All failures are collected and
//! reported together.
//!
//! And the injection strings (`pastes::INJECTIONS`) in every placement: each (placement,
//! string) in two of the six modes, every mode a third of them (case i in mode m when
//! (i + m) % 3 == 0): no verify command or corrected shell line the CLI prints lets a shell run
//! what the paste put there.

#[allow(dead_code)]
#[path = "../../fuzz/src/pastes.rs"]
mod pastes;

use pastes::{Case, Rng};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The core suite's seed: the same cases.
const SEED: u64 = 0x7ed7_ea11_5eed_0011;
/// Case i runs in mode m when (i + m) % STRIDE == 0 (leaks), % INJECTION_STRIDE (injections).
const STRIDE: usize = 12;
const INJECTION_STRIDE: usize = 3;

const MODES: &[&str] = &["human", "json", "diff", "bundle", "fix", "zh"];

fn args(mode: &str) -> &'static [&'static str] {
    match mode {
        "json" => &["--format", "json"],
        "diff" => &["--diff"],
        "bundle" => &["--bundle"],
        "fix" => &["--fix"],
        "zh" => &["--lang", "zh"],
        _ => &[],
    }
}

/// A scratch directory of this test run, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("llmdoctor-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("scratch dir");
        Scratch(d)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the CLI on `paste` in `mode` (`--fix` on a file in `dir`): stdout and stderr.
fn run(mode: &str, paste: &str, dir: &Path, n: usize) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_llmdoctor"));
    cmd.args(args(mode))
        .args(["--now", "2026-11-22T03:20:00Z"])
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let file = dir.join(format!("paste-{n}.txt"));
    if mode == "fix" {
        std::fs::write(&file, paste).expect("write the paste");
        cmd.arg(&file);
    }
    let mut child = cmd.spawn().expect("spawn llmdoctor");
    if let Some(mut i) = child.stdin.take() {
        if mode != "fix" {
            let _ = i.write_all(paste.as_bytes());
        }
    }
    let out = child.wait_with_output().expect("run llmdoctor");
    if mode == "fix" {
        let _ = std::fs::remove_file(&file);
        let _ = std::fs::remove_file(dir.join(format!("paste-{n}.txt.bak")));
    }
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    s.push_str("\n--- stderr ---\n");
    s.push_str(&String::from_utf8_lossy(&out.stderr));
    s
}

/// Runs `jobs` on two threads (the machine's cores are shared), results in order.
fn parallel<T: Send, R: Send>(jobs: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(2));
    let jobs: Vec<(usize, T)> = jobs.into_iter().enumerate().collect();
    let queue = std::sync::Mutex::new(jobs);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let job = queue.lock().map(|mut q| q.pop()).ok().flatten();
                let Some((i, job)) = job else { break };
                let r = f(job);
                if let Ok(mut v) = results.lock() {
                    v.push((i, r));
                }
            });
        }
    });
    let mut v = results.into_inner().unwrap_or_default();
    v.sort_by_key(|(i, _)| *i);
    v.into_iter().map(|(_, r)| r).collect()
}

#[test]
fn no_key_nor_piece_of_one_in_any_cli_output() {
    let mut rng = Rng(SEED);
    let (cases, skipped) = pastes::cases(&mut rng);
    let dir = Scratch::new("redteam");
    let jobs: Vec<(usize, &Case, &'static str)> = cases
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            MODES
                .iter()
                .enumerate()
                .filter(move |(m, _)| (i + m) % STRIDE == 0)
                .map(move |(_, mode)| (i, c, *mode))
        })
        .collect();
    let runs = jobs.len();
    let leaks: Vec<pastes::Leak> = parallel(jobs, |(i, case, mode)| {
        let out = run(mode, &case.paste, &dir.0, i);
        case.secret(1).find(&out).map(|excerpt| pastes::Leak {
            kind: case.kind.clone(),
            context: case.context,
            family: case.family,
            output: format!("--{mode}"),
            output_name: mode,
            excerpt,
            paste: case.paste.clone(),
        })
    })
    .into_iter()
    .flatten()
    .collect();
    println!(
        "red team CLI: {runs} runs ({} cases × {} modes, one in {STRIDE})",
        cases.len(),
        MODES.len()
    );
    assert!(
        leaks.is_empty(),
        "through the CLI, {runs} runs:\n{}",
        pastes::summary(&leaks, cases.len(), runs, skipped)
    );
}

/// The commands in a human output: each verify line's command, and the lines of corrected env
/// and curl blocks (their text, or their diff's `+` and context lines).
fn human_commands(out: &str) -> Vec<(String, String)> {
    let mut cmds = Vec::new();
    let mut shell_block = false;
    for line in out.lines() {
        let t = line.trim_start();
        if let Some(v) = t
            .strip_prefix("verify: ")
            .or_else(|| t.strip_prefix("验证： "))
        {
            shell_block = false;
            for c in pastes::curl_commands(v) {
                cmds.push(("verify".to_string(), c));
            }
            continue;
        }
        if !line.starts_with(' ') {
            shell_block = [
                "corrected env",
                "corrected curl",
                "修正后的配置（env",
                "修正后的配置（curl",
            ]
            .iter()
            .any(|h| line.starts_with(h));
            continue;
        }
        if shell_block && line.starts_with("  ") {
            let l = &line[2..];
            let l = match l.as_bytes().first() {
                Some(b'+') if !l.starts_with("+++") => &l[1..],
                Some(b'-' | b'@') => continue,
                _ => l,
            };
            if !l.trim().is_empty() {
                cmds.push(("corrected".to_string(), l.to_string()));
            }
        }
    }
    cmds
}

#[test]
fn no_injection_from_the_paste_in_any_cli_command() {
    let mut rng = Rng(SEED ^ 0x1);
    let cases = pastes::injection_cases(&mut rng, pastes::INJECTIONS);
    let dir = Scratch::new("redteam-injection");
    let jobs: Vec<(usize, &(pastes::Placement, &str, String), &str)> = cases
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            MODES
                .iter()
                .enumerate()
                .filter(move |(m, _)| (i + m) % INJECTION_STRIDE == 0)
                .map(move |(_, mode)| (i, c, *mode))
        })
        .collect();
    let runs = jobs.len();
    let results = parallel(jobs, |(i, (p, s, paste), mode)| {
        let out = run(mode, paste, &dir.0, i);
        let cmds = if mode == "json" {
            let stdout = out.split("\n--- stderr ---\n").next().unwrap_or("");
            let v: serde_json::Value = serde_json::from_str(stdout).unwrap_or_default();
            pastes::report_commands(&v)
        } else {
            human_commands(&out)
        };
        let n = cmds.len();
        let bad: Vec<String> = cmds
            .into_iter()
            .filter_map(|(w, c)| {
                let d = pastes::shell_dangers(&c);
                (!d.is_empty()).then(|| {
                    format!(
                        "{} ({}) with {s:?}, --{mode}, {w}: {} in {c:?}",
                        p.id,
                        p.field,
                        d.join(", ")
                    )
                })
            })
            .collect();
        (n, bad)
    });
    let checked: usize = results.iter().map(|r| r.0).sum();
    let failures: Vec<String> = results.into_iter().flat_map(|r| r.1).collect();
    println!("injection CLI: {runs} runs, {checked} commands and shell lines checked");
    assert!(checked > runs, "commands seen: {checked} in {runs} runs");
    assert!(
        failures.is_empty(),
        "{} commands or shell lines the CLI prints would run what the paste put there:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
