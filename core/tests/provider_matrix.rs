//! Provider × kind matrix (issue #12, item 1): every provider's auth, permission,
//! balance/quota, rate-limit, model-not-found, context-length and server-overload messages,
//! as the provider's API or SDK really prints them (tests/providers/<provider>.toml, each case
//! with its official page or public issue thread), run through `diagnose`. The first non-info
//! diagnosis must have the case's category. A provider without a kind needs a `[[gap]]` with
//! its reason: `open = true` marks an evidence gap (the provider surely has such a message, but
//! no verbatim text from an official page or a public thread was found yet), printed `open`;
//! without it the provider has no such message at all (e.g. a local server has no balance).
//! Prints the table (✓ / ✗ / gap / open) and the counts.

use llmdoctor_core::{diagnose, Options, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The kinds every provider covers, with the categories a case of that kind may expect.
const KINDS: &[(&str, &[&str])] = &[
    ("auth", &["auth"]),
    ("permission", &["permission"]),
    ("balance_or_quota", &["balance", "quota"]),
    ("rate_limit", &["rate_limit"]),
    ("model", &["model"]),
    ("context_length", &["context_length"]),
    ("server", &["server"]),
];

/// The providers of issue #12, item 1 (file stems under tests/providers/), in table order.
const PROVIDERS: &[&str] = &[
    "openai",
    "azure-openai",
    "anthropic",
    "gemini",
    "vertex",
    "bedrock",
    "openrouter",
    "deepseek",
    "moonshot",
    "zhipu",
    "minimax",
    "volcengine",
    "qianfan",
    "hunyuan",
    "siliconflow",
    "groq",
    "together",
    "fireworks",
    "mistral",
    "xai",
    "cohere",
    "ollama",
    "vllm",
    "lmstudio",
    "litellm",
    "relays",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    provider: String,
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    gap: Vec<Gap>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    kind: String,
    text: String,
    expect: String,
    source: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gap {
    kind: String,
    reason: String,
    #[serde(default)]
    open: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Missing,
    Gap,
    Open,
    Pass,
    Fail,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/providers")
}

#[test]
fn provider_matrix() {
    let mut problems = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();

    let mut loaded: BTreeMap<String, File> = BTreeMap::new();
    for f in &files {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !PROVIDERS.contains(&stem.as_str()) {
            problems.push(format!(
                "tests/providers/{stem}.toml: not a provider of the matrix"
            ));
            continue;
        }
        let src = std::fs::read_to_string(f).unwrap_or_default();
        match toml::from_str::<File>(&src) {
            Ok(file) => {
                loaded.insert(stem, file);
            }
            Err(e) => problems.push(format!("tests/providers/{stem}.toml: {e}")),
        }
    }

    let (mut cases, mut passed, mut gaps, mut open) = (0usize, 0usize, 0usize, 0usize);
    let mut table = String::new();
    let width = 15;
    table.push_str(&format!("{:<24}", "provider"));
    for (k, _) in KINDS {
        let short = match *k {
            "balance_or_quota" => "balance/quota",
            "context_length" => "context",
            other => other,
        };
        table.push_str(&format!("{short:<width$}"));
    }
    table.push('\n');

    for &p in PROVIDERS {
        let Some(file) = loaded.get(p) else {
            problems.push(format!("tests/providers/{p}.toml: missing"));
            continue;
        };
        let name = &file.provider;
        let mut cells: BTreeMap<&str, (Cell, usize, usize)> = BTreeMap::new();
        for c in &file.case {
            let Some(&(kind, allowed)) = KINDS.iter().find(|(k, _)| *k == c.kind) else {
                problems.push(format!("{p}: unknown kind `{}`", c.kind));
                continue;
            };
            if !allowed.contains(&c.expect.as_str()) {
                problems.push(format!(
                    "{p}/{kind}: expect `{}` is not one of {allowed:?}",
                    c.expect
                ));
            }
            if !c.source.starts_with("https://") {
                problems.push(format!(
                    "{p}/{kind}: source must be an https URL, got `{}`",
                    c.source
                ));
            }
            if c.text.trim().is_empty() {
                problems.push(format!("{p}/{kind}: empty text"));
            }
            cases += 1;
            let r = diagnose(&c.text, &Options::default());
            let first = r.diagnoses.iter().find(|d| d.severity != Severity::Info);
            let ok = first.is_some_and(|d| d.category.as_str() == c.expect);
            let e = cells.entry(kind).or_insert((Cell::Pass, 0, 0));
            e.1 += 1;
            if ok {
                passed += 1;
                e.2 += 1;
            } else {
                e.0 = Cell::Fail;
                let got = first.map_or("nothing".to_string(), |d| {
                    format!("{} ({})", d.category.as_str(), d.rule)
                });
                let excerpt: String = c.text.trim().chars().take(90).collect();
                problems.push(format!(
                    "{p}/{kind}: expected {}, got {got} — {excerpt}",
                    c.expect
                ));
            }
        }
        for g in &file.gap {
            if !KINDS.iter().any(|(k, _)| *k == g.kind) {
                problems.push(format!("{p}: gap of unknown kind `{}`", g.kind));
                continue;
            }
            if g.reason.trim().is_empty() {
                problems.push(format!("{p}/{}: gap without a reason", g.kind));
            }
            if cells.contains_key(g.kind.as_str()) {
                problems.push(format!("{p}/{}: both cases and a gap", g.kind));
                continue;
            }
            let cell = if g.open {
                open += 1;
                Cell::Open
            } else {
                gaps += 1;
                Cell::Gap
            };
            let kind = KINDS.iter().find(|(k, _)| *k == g.kind).map(|(k, _)| *k);
            if let Some(kind) = kind {
                cells.insert(kind, (cell, 0, 0));
            }
        }
        let label: String = name.chars().take(23).collect();
        table.push_str(&format!("{label:<24}"));
        for (k, _) in KINDS {
            let (cell, n, ok) = cells.get(k).copied().unwrap_or((Cell::Missing, 0, 0));
            let mark = match cell {
                Cell::Pass => format!("✓ {ok}/{n}"),
                Cell::Fail => format!("✗ {ok}/{n}"),
                Cell::Gap => "gap".to_string(),
                Cell::Open => "open".to_string(),
                Cell::Missing => {
                    problems.push(format!("{p}/{k}: no case and no [[gap]]"));
                    "—".to_string()
                }
            };
            table.push_str(&format!("{mark:<width$}"));
        }
        table.push('\n');
    }
    println!(
        "\n{table}\n{} providers, {cases} cases, {passed} right first, {} wrong, \
         {gaps} gaps (no such message), {open} open (message exists, no verbatim text found)\n",
        loaded.len(),
        cases - passed
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
