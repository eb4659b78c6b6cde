//! The red-team suite through the CLI binary (the engine's half: `core/tests/redteam.rs`): the
//! same kinds and contexts — every key kind in every context, `fuzz/src/pastes.rs` — run through
//! the built `llmdoctor` in every output mode: human, `--format json`, `--diff`, `--bundle`,
//! `--fix` (what it prints; the file it writes may hold the key) and `--lang zh`. stdout and
//! stderr may hold neither the key nor 8 characters in a row of its hidden middle.
//!
//! The whole cross product (2,155 cases × 6 modes) would spawn ~13,000 processes of the debug
//! build (60 ms of CPU each here); the CLI half runs a fixed, deterministic sample instead:
//! every context in every mode with two kinds, rotating so that a context meets twelve
//! different kinds over the six modes (852 runs). The engine half (`core/tests/redteam.rs`)
//! runs every case. All failures are collected and reported together.
//!
//! And the injection strings (`pastes::INJECTIONS`) in every placement, each (placement,
//! string) in one mode, rotating (every placement meets every mode): no verify command or
//! corrected shell line the CLI prints lets a shell run what the paste put there.

#[allow(dead_code)]
#[path = "../../fuzz/src/pastes.rs"]
mod pastes;

use pastes::{Case, Rng};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The generator's seed (the core suite draws its keys from proptest strategies instead, over
/// the same kinds and contexts).
const SEED: u64 = 0x7ed7_ea11_5eed_0011;
/// Kinds per context and mode (the leak sample).
const KINDS_PER_MODE: usize = 2;

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

/// Runs the CLI on `paste` in `mode` (`--fix` on a file of its own in `dir`): stdout and
/// stderr.
fn run(mode: &str, paste: &str, dir: &Path) -> String {
    static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
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
    // Each context's cases (one per kind that fits), in kind order; in mode m, context c takes
    // the ones at (5c + 2m + j) mod n, j < KINDS_PER_MODE.
    let mut by_context: Vec<Vec<usize>> = vec![Vec::new(); pastes::CONTEXTS.len()];
    for (i, case) in cases.iter().enumerate() {
        let c = pastes::CONTEXTS
            .iter()
            .position(|c| c.id == case.context)
            .unwrap_or(0);
        by_context[c].push(i);
    }
    let mut jobs: Vec<(usize, &Case, &'static str)> = Vec::new();
    for (c, list) in by_context.iter().enumerate() {
        for (m, mode) in MODES.iter().enumerate() {
            for j in 0..KINDS_PER_MODE.min(list.len()) {
                let i = list[(5 * c + KINDS_PER_MODE * m + j) % list.len()];
                jobs.push((i, &cases[i], mode));
            }
        }
    }
    let runs = jobs.len();
    let leaks: Vec<pastes::Leak> = parallel(jobs, |(_, case, mode)| {
        let out = run(mode, &case.paste, &dir.0);
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
        "red team CLI: {runs} runs ({} cases; every context in each of {} modes with {KINDS_PER_MODE} kinds)",
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
        .map(|(i, c)| (i, c, MODES[i % MODES.len()]))
        .collect();
    let runs = jobs.len();
    let results = parallel(jobs, |(_, (p, s, paste), mode)| {
        let out = run(mode, paste, &dir.0);
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
