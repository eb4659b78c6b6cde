//! `llmdoctor doctor`: diagnoses this machine's own setup. For each tool found (tools.rs), its
//! files and the environment variables it reads become one paste, each part labelled; the
//! engine diagnoses it like any paste, and the evidence's byte offsets map back to file and
//! line (input.rs). Beside the engine's findings, doctor says which value wins where a setting
//! is set in several places (precedence as each tool documents it), and names a variable the
//! configuration points to that is not set.
//!
//! Read-only and offline: files are read, never executed; nothing is sent anywhere; `--fix`
//! writes only the files the paste came from, with a `.bak`, refusing those that do not parse.
//! Every string printed is masked by the report's redactor.

pub mod jsonc;
mod machine;
mod tools;

pub use machine::Machine;

use crate::input::{Input, Kind, Part};
use crate::render::{self, paint};
use llmdoctor_core::config::ValueKind;
use llmdoctor_core::labels::doctor::{self as words, Word};
use llmdoctor_core::report::Report;
use llmdoctor_core::{Catalog, Lang, Masked, Options};
use std::fmt::Write as _;
use std::path::PathBuf;
use tools::{Layer, Map, Tool};

pub struct Settings {
    pub engine: Options,
    pub json: bool,
    pub color: bool,
    pub diff: bool,
    pub fix: bool,
    pub unsafe_fixes: bool,
}

/// What doctor printed, and its exit code.
pub struct Outcome {
    pub stdout: String,
    pub stderr: Vec<String>,
    pub code: u8,
}

/// A setting found in one layer, under the name precedence is decided on.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    value: String,
    layer: usize,
    /// Byte offsets in the joined paste.
    key_span: Option<(usize, usize)>,
    value_span: (usize, usize),
    rank: u32,
    path: String,
}

impl Entry {
    fn contains(&self, pos: usize) -> bool {
        let (a, b) = self.value_span;
        (a <= pos && pos < b.max(a + 1)) || self.key_span.is_some_and(|(a, b)| a <= pos && pos < b)
    }
}

/// Something doctor itself found about precedence or a missing variable.
struct Finding {
    kind: &'static str,
    severity: &'static str,
    message: String,
    at: Option<usize>,
}

/// One tool, diagnosed.
struct Section {
    tool: Tool,
    input: Input,
    report: Report,
    entries: Vec<Entry>,
    /// For each name, the index of the winning entry.
    winners: Vec<(String, usize)>,
    findings: Vec<Finding>,
}

pub fn run(m: &Machine, s: &Settings) -> Outcome {
    let lang = s.engine.lang;
    let tools = tools::discover(m);
    let mut out = Outcome {
        stdout: String::new(),
        stderr: Vec::new(),
        code: 0,
    };
    let sections: Vec<Section> = tools
        .into_iter()
        .map(|t| diagnose(m, t, &s.engine, lang))
        .collect();
    let mut fixed_messages: Vec<(usize, String)> = Vec::new();
    if s.fix {
        let mut done: Vec<PathBuf> = Vec::new();
        for (i, sec) in sections.iter().enumerate() {
            let w = crate::wording(s.engine.lang);
            let o = crate::fix::apply(&sec.report, &sec.input, s.unsafe_fixes, &mut done, &w);
            // A section with no fix says nothing: the others' lines are what matters.
            let messages = if o.nothing { Vec::new() } else { o.messages };
            for msg in messages {
                let shown = sec.report.mask(&msg, &sec.input.text).printable();
                fixed_messages.push((i, shown.to_string()));
                out.stderr.push(format!("{}: {shown}", sec.tool.name));
            }
            if o.failed {
                out.code = 2;
            }
        }
    }
    let found = sections
        .iter()
        .any(|s| !s.report.diagnoses.is_empty() || !s.findings.is_empty());
    if out.code == 0 && found {
        out.code = 1;
    }
    out.stdout = if s.json {
        json(&sections, &fixed_messages)
    } else {
        human(m, &sections, lang, s)
    };
    out
}

fn diagnose(m: &Machine, tool: Tool, opts: &Options, lang: Lang) -> Section {
    let mut parts = Vec::new();
    let mut layer_source = Vec::new();
    let mut labelled: Vec<String> = Vec::new();
    for l in &tool.layers {
        if !labelled.contains(&l.display) {
            labelled.push(l.display.clone());
            parts.push(Part {
                name: l.display.clone(),
                path: None,
                kind: Kind::Label,
                syntax: None,
                line_offset: 0,
                // As `tail` heads each file of several: a line that is no config syntax,
                // so the part before ends its block there.
                text: format!("==> {} ({}: {}) <==\n", l.display, tool.name, l.role),
            });
        }
        layer_source.push(parts.len());
        parts.push(Part {
            name: l.display.clone(),
            path: l.path.clone(),
            kind: l.kind,
            syntax: l.syntax,
            line_offset: l.line_offset,
            text: l.text.clone(),
        });
    }
    let mut input = Input::join(parts);
    for (li, l) in tool.layers.iter().enumerate() {
        input.sources[layer_source[li]].altered = l.altered;
    }
    let mut report = llmdoctor_core::diagnose(&input.text, opts);
    report.set_inputs(
        input
            .sources
            .iter()
            .filter(|s| s.kind != Kind::Label)
            .map(|s| (s.name.as_str(), s.start)),
        &input.text,
    );

    let mut entries = Vec::new();
    for (li, l) in tool.layers.iter().enumerate() {
        let start = input.sources[layer_source[li]].start;
        for st in llmdoctor_core::config::read(&l.text).settings {
            if matches!(st.kind, ValueKind::Object | ValueKind::Array) {
                continue;
            }
            if let Some((name, rank)) = l.map.name(&st.path, l.rank) {
                entries.push(Entry {
                    name,
                    value: st.value.clone(),
                    layer: li,
                    key_span: st.key_span.map(|(a, b)| (a + start, b + start)),
                    value_span: (st.value_span.0 + start, st.value_span.1 + start),
                    rank,
                    path: st.path.clone(),
                });
            }
        }
    }
    // Aider's flat `key: value` YAML is not a block the engine's reader takes: read its
    // top-level lines here.
    for (li, l) in tool.layers.iter().enumerate() {
        if !matches!(l.map, Map::AiderYaml) {
            continue;
        }
        let start = input.sources[layer_source[li]].start;
        for (key, value, ks, vs) in flat_yaml(&l.text) {
            if entries.iter().any(|e| e.layer == li && e.path == key) {
                continue;
            }
            if let Some((name, rank)) = l.map.name(&key, l.rank) {
                entries.push(Entry {
                    name,
                    value,
                    layer: li,
                    key_span: Some((ks.0 + start, ks.1 + start)),
                    value_span: (vs.0 + start, vs.1 + start),
                    rank,
                    path: key,
                });
            }
        }
    }
    select_qwen_provider(&tool, &mut entries);
    let winners = winners(&entries);
    let mut findings = Vec::new();
    let winner_of = |name: &str| {
        winners
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, i)| &entries[*i])
    };
    // Overridden values: set in a lower layer to something else than the value in use.
    for (i, e) in entries.iter().enumerate() {
        let Some(w) = winner_of(&e.name) else {
            continue;
        };
        if std::ptr::eq(w, &entries[i]) || w.value.trim() == e.value.trim() {
            continue;
        }
        if !interesting(&e.name) {
            continue;
        }
        let lose = &tool.layers[e.layer];
        let win = &tool.layers[w.layer];
        let (lf, ll) = input.locate(input.line_of(e.value_span.0));
        let (wf, wl) = input.locate(input.line_of(w.value_span.0));
        let message = words::overridden(
            &crate::wording(lang),
            &words::Overridden {
                name: &e.name,
                tool: tool.name,
                lose: (lf, ll),
                win: (wf, wl),
                win_layer: &describe(win, lang),
                lose_layer: &describe(lose, lang),
            },
        );
        findings.push(Finding {
            kind: "overridden",
            severity: "warning",
            message,
            at: Some(e.value_span.0),
        });
    }
    // Variables the configuration names, not set anywhere the tool reads them.
    let provider = if tool.id == "codex" {
        Some(
            winner_of("model_provider")
                .map(|e| e.value.clone())
                .unwrap_or_else(|| "openai".into()),
        )
    } else {
        None
    };
    let mut seen: Vec<&str> = Vec::new();
    for n in &tool.named_vars {
        if n.provider.is_some() && n.provider != provider {
            continue;
        }
        if m.var(&n.var).is_some() || winner_of(&n.var).is_some() || seen.contains(&n.var.as_str())
        {
            continue;
        }
        seen.push(&n.var);
        let at = input.sources[layer_source[n.layer]].start + n.at;
        let (f, l) = input.locate(input.line_of(at));
        findings.push(Finding {
            kind: "unset-variable",
            severity: "warning",
            message: words::unset_variable(
                &crate::wording(lang),
                &n.setting,
                &n.var,
                (f, l),
                tool.name,
            ),
            at: Some(at),
        });
    }
    if let Some(p) = &provider {
        let builtin = matches!(p.as_str(), "openai" | "ollama" | "lmstudio" | "oss");
        let defined = entries
            .iter()
            .any(|e| e.path.starts_with(&format!("model_providers.{p}.")));
        if !builtin && !defined {
            if let Some(e) = winner_of("model_provider") {
                let (f, l) = input.locate(input.line_of(e.value_span.0));
                findings.push(Finding {
                    kind: "missing-provider",
                    severity: "error",
                    message: words::missing_provider(&crate::wording(lang), p, (f, l)),
                    at: Some(e.value_span.0),
                });
            }
        }
    }
    Section {
        tool,
        input,
        report,
        entries,
        winners,
        findings,
    }
}

/// Top-level `key: value` lines of a YAML file (no indentation, a scalar value): the key, the
/// value unquoted, and their byte spans.
type FlatLine = (String, String, (usize, usize), (usize, usize));

fn flat_yaml(text: &str) -> Vec<FlatLine> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let l = line.trim_end_matches(['\n', '\r']);
        if l.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, rest)) = l.split_once(':') else {
            continue;
        };
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            continue;
        }
        let lead = rest.len() - rest.trim_start().len();
        let mut v = rest.trim_start();
        let mut vstart = start + key.len() + 1 + lead;
        if let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let Some(end) = v[1..].find(q) else { continue };
            v = &v[1..1 + end];
            vstart += 1;
        } else {
            v = v.split(" #").next().unwrap_or("").trim_end();
        }
        if v.is_empty() {
            continue;
        }
        out.push((
            key.to_string(),
            v.to_string(),
            (start, start + key.len()),
            (vstart, vstart + v.len()),
        ));
    }
    out
}

/// How a layer is named in a message: `environment`, `user settings (~/.claude/settings.json)`.
fn describe(l: &Layer, lang: Lang) -> String {
    if l.kind == Kind::Environment {
        words::word(&crate::wording(lang), Word::Environment).into()
    } else {
        format!("{} ({})", l.display, l.role)
    }
}

/// Qwen Code: the `modelProviders` entry whose `id` is the model in use gives the base URL, over
/// everything else (packages/core/src/models/modelConfigResolver.ts).
fn select_qwen_provider(tool: &Tool, entries: &mut Vec<Entry>) {
    let Some(vars) = tool.layers.iter().find_map(|l| match &l.map {
        Map::Qwen { vars, .. } => Some(*vars),
        _ => None,
    }) else {
        return;
    };
    let w = winners(entries);
    let Some(model) = w
        .iter()
        .find(|(n, _)| n == vars.model)
        .map(|(_, i)| entries[*i].value.clone())
    else {
        return;
    };
    let ids: Vec<String> = entries
        .iter()
        .filter(|e| {
            e.path.starts_with("modelProviders.") && e.path.ends_with(".id") && e.value == model
        })
        .map(|e| e.path.trim_end_matches("id").to_string())
        .collect();
    let mut add = Vec::new();
    for prefix in ids {
        for e in entries.iter() {
            if e.path == format!("{prefix}baseUrl") {
                add.push(Entry {
                    name: vars.base_url.to_string(),
                    rank: 1000,
                    ..e.clone()
                });
            }
        }
    }
    entries.extend(add);
}

/// The winning entry of each name: the highest rank; at equal rank the later one (a key set
/// twice in one file: the last is read).
fn winners(entries: &[Entry]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match out.iter_mut().find(|(n, _)| *n == e.name) {
            Some((_, w)) => {
                let cur = &entries[*w];
                if (e.rank, e.value_span.0) >= (cur.rank, cur.value_span.0) {
                    *w = i;
                }
            }
            None => out.push((e.name.clone(), i)),
        }
    }
    out
}

/// Settings worth showing: where the requests go, the key, the model, the provider, proxies
/// (judged on a dotted path's last segment).
fn interesting(name: &str) -> bool {
    let n = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
    [
        "base_url",
        "baseurl",
        "api_base",
        "apibase",
        "endpoint",
        "_key",
        "apikey",
        "api_key",
        "token",
        "model",
        "provider",
        "proxy",
        "env_key",
        "envkey",
        "wire_api",
        "selectedtype",
    ]
    .iter()
    .any(|k| n.contains(k))
}

/// Names whose values are credentials: shown as `(set)` unless the engine masked them.
fn secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    (n.contains("key") && !n.ends_with("env_key") && !n.ends_with("envkey"))
        || n.contains("token")
        || n.contains("secret")
        || n.contains("password")
}

impl Section {
    fn mask(&self, s: &str) -> Masked {
        self.report.mask(s, &self.input.text).printable()
    }

    fn winner(&self, name: &str) -> Option<&Entry> {
        self.winners
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, i)| &self.entries[*i])
    }

    fn at(&self, pos: usize) -> (String, usize) {
        let (f, l) = self.input.locate(self.input.line_of(pos));
        (f.to_string(), l)
    }

    /// A value as shown: masked; a credential the engine did not mask is `(set)`.
    fn shown_value(&self, e: &Entry) -> String {
        let masked = self.mask(&e.value).to_string();
        if secret(&e.name) && masked == e.value && !e.value.is_empty() {
            "(set)".into()
        } else {
            masked
        }
    }

    /// Codex: only the provider in use matters, and profiles not selected do not apply.
    fn relevant(&self, e: &Entry) -> bool {
        if self.tool.id != "codex" {
            return true;
        }
        if e.name.starts_with("profiles.") {
            return false;
        }
        match e.name.strip_prefix("model_providers.") {
            Some(rest) => {
                let provider = self
                    .winner("model_provider")
                    .map_or("openai", |w| w.value.as_str());
                rest.strip_prefix(provider)
                    .is_some_and(|r| r.starts_with('.'))
            }
            None => true,
        }
    }

    /// The settings in use worth showing, in paste order.
    fn in_use(&self) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self
            .winners
            .iter()
            .map(|(_, i)| &self.entries[*i])
            .filter(|e| {
                interesting(&e.name) && self.tool.layers[e.layer].map_ranked() && self.relevant(e)
            })
            .collect();
        v.sort_by_key(|e| e.value_span.0);
        v
    }

    /// For each diagnosis: where its first evidence is, and the setting there.
    fn wheres(&self) -> Vec<Where> {
        let mut out = Vec::new();
        for d in &self.report.diagnoses {
            let Some(e) = d.evidence.first() else {
                continue;
            };
            let (file, line) = self.at(e.start);
            let entry = self.entries.iter().find(|x| x.contains(e.start));
            let (setting, used, winner) = match entry {
                Some(x) => {
                    let w = self.winner(&x.name);
                    let used = w.is_none_or(|w| std::ptr::eq(w, x) || w.value == x.value);
                    let winner = w
                        .filter(|w| !used && !std::ptr::eq(*w, x))
                        .map(|w| self.at(w.value_span.0));
                    (Some(x.name.clone()), Some(used), winner)
                }
                None => (None, None, None),
            };
            out.push(Where {
                rule: d.rule,
                file,
                line,
                setting,
                used,
                winner,
            });
        }
        out
    }
}

impl Layer {
    fn map_ranked(&self) -> bool {
        !matches!(self.map, Map::Unranked)
    }
}

struct Where {
    rule: &'static str,
    file: String,
    line: usize,
    setting: Option<String>,
    used: Option<bool>,
    winner: Option<(String, usize)>,
}

fn human(m: &Machine, sections: &[Section], lang: Lang, s: &Settings) -> String {
    let mut out = String::new();
    let c = s.color;
    if sections.is_empty() {
        let home = m
            .home
            .as_ref()
            .map_or("(no home directory)".to_string(), |h| {
                llmdoctor_core::escape_controls(&h.to_string_lossy())
            });
        let _ = writeln!(
            out,
            "{}",
            words::nothing_found(&crate::wording(lang), &home)
        );
        return out;
    }
    let mut summary = Vec::new();
    for sec in sections {
        let title = format!("━━ {} ━━", sec.tool.name);
        let _ = writeln!(out, "{}", paint(c, render::SECTION, &title));
        let files: Vec<String> = sec
            .tool
            .layers
            .iter()
            .map(|l| format!("{} ({})", l.display, l.role))
            .fold(Vec::new(), |mut v, x| {
                if !v.contains(&x) {
                    v.push(x);
                }
                v
            });
        let _ = writeln!(
            out,
            "{} {}",
            paint(
                c,
                render::BOLD,
                words::word(&crate::wording(lang), Word::Read)
            ),
            sec.mask(&files.join(", "))
        );
        let _ = writeln!(
            out,
            "{} {}",
            paint(
                c,
                render::DIM,
                words::word(&crate::wording(lang), Word::Precedence)
            ),
            paint(c, render::DIM, sec.tool.precedence)
        );
        let w = crate::wording(lang);
        for n in &sec.tool.notes {
            let note = w.get(llmdoctor_core::Msg::CliNote);
            let _ = writeln!(
                out,
                "{}: {}",
                paint(c, render::NOTE, note),
                sec.mask(&n.words(&w))
            );
        }
        out.push('\n');
        let problems = sec.report.diagnoses.len() + sec.findings.len();
        if sec.report.diagnoses.is_empty() && sec.report.corrected.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                paint(
                    c,
                    render::GOOD,
                    words::word(&crate::wording(lang), Word::NoProblem)
                )
            );
        } else {
            out.push_str(&crate::human::render(
                &sec.report,
                Catalog::embedded(),
                &sec.input,
                &crate::human::Style { color: c },
                s.diff,
            ));
        }
        let wheres = sec.wheres();
        if wheres.iter().any(|w| w.setting.is_some()) {
            let _ = writeln!(
                out,
                "{}",
                paint(
                    c,
                    render::BOLD,
                    words::word(&crate::wording(lang), Word::WhereFindings)
                )
            );
            for w in &wheres {
                let Some(setting) = &w.setting else { continue };
                let state = match (w.used, &w.winner) {
                    (Some(true), _) => words::word(&crate::wording(lang), Word::InUse).to_string(),
                    (_, Some((f, l))) => words::not_in_use(&crate::wording(lang), f, l),
                    _ => String::new(),
                };
                let line = format!("  {}  {}:{}  {setting}: {state}", w.rule, w.file, w.line);
                let _ = writeln!(out, "{}", sec.mask(&line));
            }
        }
        let in_use = sec.in_use();
        if !in_use.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                paint(
                    c,
                    render::BOLD,
                    words::word(&crate::wording(lang), Word::SettingsInUse)
                )
            );
            let w = in_use.iter().map(|e| e.name.len()).max().unwrap_or(0);
            for e in in_use {
                let (f, l) = sec.at(e.value_span.0);
                let how = if e.path == e.name {
                    String::new()
                } else {
                    format!(" {}", e.path)
                };
                let line = format!("  {:w$}  {}  ({f}:{l}{how})", e.name, sec.shown_value(e));
                let _ = writeln!(out, "{}", sec.mask(&line));
            }
        }
        for f in &sec.findings {
            let head = paint(
                c,
                if f.severity == "error" {
                    render::ERROR
                } else {
                    render::WARNING
                },
                &format!("{}[{}]", f.severity, f.kind),
            );
            let _ = writeln!(out, "{head}: {}", sec.mask(&f.message));
        }
        out.push('\n');
        summary.push(if problems == 0 {
            format!("{} ok", sec.tool.name)
        } else {
            format!("{} {problems}", sec.tool.name)
        });
    }
    let total: usize = sections
        .iter()
        .map(|s| s.report.diagnoses.len() + s.findings.len())
        .sum();
    let line = words::summary(&crate::wording(lang), sections.len(), total, &summary);
    let _ = writeln!(out, "{}", paint(c, render::BOLD, &line));
    out
}

fn json(sections: &[Section], fixed: &[(usize, String)]) -> String {
    let mut tools = Vec::new();
    for (i, sec) in sections.iter().enumerate() {
        let mut files: Vec<serde_json::Value> = Vec::new();
        for l in &sec.tool.layers {
            if files
                .iter()
                .any(|f| f["name"] == l.display.as_str() && f["role"] == l.role.as_str())
            {
                continue;
            }
            files.push(serde_json::json!({
                "name": l.display,
                "role": l.role,
                "kind": match l.kind {
                    Kind::Environment => "environment",
                    Kind::Excerpt => "excerpt",
                    _ => "file",
                },
                "rank": l.map_ranked().then_some(l.rank),
            }));
        }
        let settings: Vec<serde_json::Value> = sec
            .in_use()
            .into_iter()
            .map(|e| {
                let (f, l) = sec.at(e.value_span.0);
                serde_json::json!({
                    "name": e.name,
                    "value": sec.shown_value(e),
                    "source": f,
                    "line": l,
                    "setting": e.path,
                })
            })
            .collect();
        let findings: Vec<serde_json::Value> = sec
            .findings
            .iter()
            .map(|f| {
                let (file, line) = f.at.map(|a| sec.at(a)).unzip();
                serde_json::json!({
                    "kind": f.kind,
                    "severity": f.severity,
                    "message": f.message,
                    "source": file,
                    "line": line,
                })
            })
            .collect();
        let wheres: Vec<serde_json::Value> = sec
            .wheres()
            .into_iter()
            .map(|w| {
                serde_json::json!({
                    "rule": w.rule,
                    "source": w.file,
                    "line": w.line,
                    "setting": w.setting,
                    "in_use": w.used,
                    "winner": w.winner.map(|(f, l)| serde_json::json!({"source": f, "line": l})),
                })
            })
            .collect();
        let extras = serde_json::json!({
            "files": files,
            "precedence": sec.tool.precedence,
            "notes": sec.tool.notes.iter().map(|n| n.words(&sec.report.wording(Catalog::embedded()))).collect::<Vec<_>>(),
            "settings": settings,
            "findings": findings,
            "where": wheres,
            "fixes": fixed.iter().filter(|(t, _)| *t == i).map(|(_, m)| m.as_str()).collect::<Vec<_>>(),
        });
        let extras = sec.report.mask_json(extras, &sec.input.text);
        let mut obj = serde_json::Map::new();
        obj.insert("tool".into(), sec.tool.id.into());
        obj.insert("name".into(), sec.tool.name.into());
        if let Some(e) = extras.value().as_object() {
            for (k, v) in e {
                obj.insert(k.clone(), v.clone());
            }
        }
        obj.insert(
            "report".into(),
            serde_json::to_value(sec.report.json(Catalog::embedded())).unwrap_or_default(),
        );
        tools.push(serde_json::Value::Object(obj));
    }
    let v = serde_json::json!({ "schema": 1, "doctor": 1, "tools": tools });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_yaml_reads_top_level_scalars_with_spans() {
        let t = "model: gpt-4o # main\nopenai-api-base: \"https://x/v1\"\n  nested: no\n- item\nempty:\n";
        let v = flat_yaml(t);
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].0.as_str(), v[0].1.as_str()), ("model", "gpt-4o"));
        assert_eq!(&t[v[1].3 .0..v[1].3 .1], "https://x/v1");
        assert_eq!(&t[v[1].2 .0..v[1].2 .1], "openai-api-base");
    }

    #[test]
    fn the_highest_rank_wins_then_the_last() {
        let e = |name: &str, value: &str, rank, at| Entry {
            name: name.into(),
            value: value.into(),
            layer: 0,
            key_span: None,
            value_span: (at, at + 1),
            rank,
            path: name.into(),
        };
        let entries = vec![e("A", "1", 10, 0), e("A", "2", 5, 10), e("A", "3", 10, 20)];
        assert_eq!(winners(&entries), [("A".to_string(), 2)]);
    }

    #[test]
    fn credentials_are_told_from_other_settings() {
        assert!(secret("ANTHROPIC_AUTH_TOKEN") && secret("models.0.apiKey"));
        assert!(!secret("model_providers.x.env_key") && !secret("OPENAI_BASE_URL"));
        assert!(
            interesting("model_providers.x.base_url") && !interesting("model_providers.x.name")
        );
    }
}
