//! Where each tool keeps its configuration and which value wins, as the tools' own docs and
//! source code say (docs/doctor.md lists the sources). Each tool found becomes a [`Tool`]: its
//! files and the environment variables it reads, as [`Layer`]s ranked by precedence (a higher
//! rank wins), and the notes about what is not pasted (credential stores).
//!
//! Nothing here writes, and nothing leaves the machine: files are read, never executed.

use super::machine::{Machine, Os};
use crate::input::{Kind, Syntax};
use std::path::{Path, PathBuf};

/// How a layer's settings map to the names precedence is decided on.
#[derive(Clone, Debug)]
pub enum Map {
    /// `NAME=value` (the environment, `.env`): the variable's name.
    Vars,
    /// Settings with an `env` object (Claude Code): `env.NAME` is the variable `NAME` at
    /// `env_rank`; other paths are themselves.
    EnvObject { env_rank: u32 },
    /// Paths as they are (opencode, Gemini CLI, Continue, Cline).
    Paths,
    /// Codex `config.toml`: paths; with the legacy `profile = "NAME"`, `profiles.NAME.KEY` is
    /// `KEY` at `profile_rank`.
    Codex {
        profile: Option<String>,
        profile_rank: u32,
    },
    /// Qwen Code settings: `env.NAME` at `env_rank`; `security.auth.baseUrl`, `.apiKey` and
    /// `model.name` are the auth type's variables at `auth_rank` (the variables win over them).
    Qwen {
        env_rank: u32,
        auth_rank: u32,
        vars: AuthVars,
    },
    /// OpenClaw `openclaw.json`: `env.NAME` and `env.vars.NAME` at `env_rank`.
    OpenClaw { env_rank: u32 },
    /// Aider `.aider.conf.yml`: `KEY` is `AIDER_KEY` (what its environment variable is called).
    AiderYaml,
    /// Read and diagnosed, but in no precedence (Codex profile files, used with `--profile`).
    Unranked,
}

/// The variables a Qwen Code auth type reads (packages/core/src/models/constants.ts).
#[derive(Clone, Copy, Debug)]
pub struct AuthVars {
    pub base_url: &'static str,
    pub api_key: &'static str,
    pub model: &'static str,
}

impl Map {
    /// The name a setting at `path` is decided under, and its rank; `None`: not layered.
    pub fn name(&self, path: &str, rank: u32) -> Option<(String, u32)> {
        match self {
            Map::Vars => Some((path.to_string(), rank)),
            Map::Paths => Some((path.to_string(), rank)),
            Map::Unranked => None,
            Map::EnvObject { env_rank } => match path.strip_prefix("env.") {
                Some(v) if !v.contains('.') => Some((v.to_string(), *env_rank)),
                _ => Some((path.to_string(), rank)),
            },
            Map::Codex {
                profile,
                profile_rank,
            } => {
                if let Some(p) = profile {
                    if let Some(rest) = path
                        .strip_prefix("profiles.")
                        .and_then(|r| r.strip_prefix(p.as_str()))
                        .and_then(|r| r.strip_prefix('.'))
                    {
                        return Some((rest.to_string(), *profile_rank));
                    }
                }
                Some((path.to_string(), rank))
            }
            Map::Qwen {
                env_rank,
                auth_rank,
                vars,
            } => match path {
                "security.auth.baseUrl" => Some((vars.base_url.to_string(), *auth_rank)),
                "security.auth.apiKey" => Some((vars.api_key.to_string(), *auth_rank)),
                "model.name" => Some((vars.model.to_string(), *auth_rank)),
                _ => match path.strip_prefix("env.") {
                    Some(v) if !v.contains('.') => Some((v.to_string(), *env_rank)),
                    _ => Some((path.to_string(), rank)),
                },
            },
            Map::OpenClaw { env_rank } => {
                let var = path
                    .strip_prefix("env.vars.")
                    .or_else(|| path.strip_prefix("env."))
                    .filter(|v| !v.contains('.') && *v != "shellEnv" && *v != "vars");
                match var {
                    Some(v) => Some((v.to_string(), *env_rank)),
                    None => Some((path.to_string(), rank)),
                }
            }
            Map::AiderYaml => {
                if path.contains('.') {
                    return Some((path.to_string(), rank));
                }
                Some((
                    format!("AIDER_{}", path.to_ascii_uppercase().replace('-', "_")),
                    rank,
                ))
            }
        }
    }
}

/// One file (or the environment) a tool reads.
#[derive(Clone, Debug)]
pub struct Layer {
    pub display: String,
    pub path: Option<PathBuf>,
    /// What this layer is to the tool: `user settings`, `environment`, ...
    pub role: String,
    pub syntax: Option<Syntax>,
    pub kind: Kind,
    pub rank: u32,
    pub map: Map,
    pub text: String,
    /// Lines of the file before `text` (excerpts).
    pub line_offset: usize,
    /// Read changed (invalid UTF-8 replaced): `--fix` leaves it alone.
    pub altered: bool,
}

/// A fact about a file that is read but not pasted, worded by `Note::words`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A file over `MAX_FILE`.
    TooBig {
        file: String,
        size: u64,
    },
    CannotRead {
        file: String,
        error: String,
    },
    /// Codex's auth.json and what kind of login it holds.
    CodexAuth {
        file: String,
        holds: CodexLogin,
    },
    /// Continue's config.json beside its config.yaml.
    ContinueDeprecated {
        json: String,
        yaml: String,
    },
    /// opencode's auth.json and the providers it has credentials for.
    OpencodeAuth {
        file: String,
        providers: Vec<String>,
    },
}

/// What Codex's auth.json holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodexLogin {
    ApiKey,
    ChatGpt,
    Nothing,
    NotJson,
}

impl Note {
    pub fn words(&self, w: &llmdoctor_core::Wording) -> String {
        use llmdoctor_core::Msg;
        match self {
            Note::TooBig { file, size } => w.fill(
                Msg::DoctorTooBig,
                &[
                    ("file", file),
                    ("size", size),
                    ("max", &(MAX_FILE / (1024 * 1024))),
                ],
            ),
            Note::CannotRead { file, error } => {
                w.fill(Msg::CliCannotRead, &[("name", file), ("error", error)])
            }
            Note::CodexAuth { file, holds } => {
                let kind = w.get(match holds {
                    CodexLogin::ApiKey => Msg::DoctorCodexAuthApiKey,
                    CodexLogin::ChatGpt => Msg::DoctorCodexAuthChatgpt,
                    CodexLogin::Nothing => Msg::DoctorCodexAuthNone,
                    CodexLogin::NotJson => Msg::DoctorCodexAuthNotJson,
                });
                w.fill(Msg::DoctorCodexAuth, &[("file", file), ("kind", &kind)])
            }
            Note::ContinueDeprecated { json, yaml } => w.fill(
                Msg::DoctorContinueDeprecated,
                &[("json", json), ("yaml", yaml)],
            ),
            Note::OpencodeAuth { file, providers } => {
                let list = if providers.is_empty() {
                    String::new()
                } else {
                    let joined = providers.join(", ");
                    w.fill(Msg::DoctorOpencodeAuthList, &[("providers", &joined)])
                };
                w.fill(
                    Msg::DoctorOpencodeAuth,
                    &[("file", file), ("count", &providers.len()), ("list", &list)],
                )
            }
        }
    }
}

pub struct Tool {
    pub id: &'static str,
    pub name: &'static str,
    /// In precedence order, lowest first (the paste shows them in this order).
    pub layers: Vec<Layer>,
    /// Facts about what is read but not pasted (credential stores: never their content).
    pub notes: Vec<Note>,
    /// The precedence, in one line, as docs/doctor.md documents it.
    pub precedence: &'static str,
    /// Variables the configuration names (`env_key`, `envKey`, `${VAR}`, `{env:VAR}`) and where.
    pub named_vars: Vec<NamedVar>,
}

/// A variable a setting names (Codex `env_key`, Qwen Code `envKey`, `${VAR}`): the tool reads
/// the key from it.
#[derive(Clone, Debug)]
pub struct NamedVar {
    pub var: String,
    /// Index of the layer holding the reference, and the byte offset in that layer's text.
    pub layer: usize,
    pub at: usize,
    /// The setting that names it (`model_providers.bailian.env_key`).
    pub setting: String,
    /// Only this provider's reference matters (Codex: the provider in use).
    pub provider: Option<String>,
}

/// Biggest file read; bigger ones are named in a note and not read.
const MAX_FILE: u64 = 4 * 1024 * 1024;

pub const PROXY_VARS: &[&str] = &[
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "https_proxy",
    "http_proxy",
    "all_proxy",
    "no_proxy",
];

/// Every tool found on the machine, in a fixed order, then the environment variables no tool
/// found reads.
pub fn discover(m: &Machine) -> Vec<Tool> {
    let mut tools: Vec<Tool> = [
        claude_code(m),
        codex(m),
        qwen_code(m),
        openclaw(m),
        gemini_cli(m),
        continue_dev(m),
        aider(m),
        opencode(m),
        cline(m),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.layers.is_empty())
    .map(sorted)
    .collect();
    if let Some(env) = environment(m, &tools) {
        tools.push(env);
    }
    tools
}

/// The tool with its layers in precedence order, lowest first (stable: equal ranks keep the
/// order they were found in), its named variables following their layers.
fn sorted(mut t: Tool) -> Tool {
    let mut order: Vec<usize> = (0..t.layers.len()).collect();
    order.sort_by_key(|&i| t.layers[i].rank);
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut layers: Vec<Option<Layer>> = t.layers.drain(..).map(Some).collect();
    t.layers = order.iter().filter_map(|&i| layers[i].take()).collect();
    for n in &mut t.named_vars {
        n.layer = new_index[n.layer];
    }
    t
}

/// A file as a layer, when it exists.
fn file(
    m: &Machine,
    notes: &mut Vec<Note>,
    path: PathBuf,
    role: &str,
    syntax: Syntax,
    rank: u32,
    map: Map,
) -> Option<Layer> {
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let display = m.display(&path);
    if meta.len() > MAX_FILE {
        notes.push(Note::TooBig {
            file: display,
            size: meta.len(),
        });
        return None;
    }
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            notes.push(Note::CannotRead {
                file: display,
                error: e.to_string(),
            });
            return None;
        }
    };
    let (text, altered) = match String::from_utf8(bytes) {
        Ok(t) => (t, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Some(Layer {
        display,
        path: Some(path),
        role: role.to_string(),
        syntax: Some(syntax),
        kind: Kind::File,
        rank,
        map,
        text,
        line_offset: 0,
        altered,
    })
}

fn push(layers: &mut Vec<Layer>, l: Option<Layer>) {
    if let Some(l) = l {
        if !layers.iter().any(|x| x.path.is_some() && x.path == l.path) {
            layers.push(l);
        }
    }
}

/// The environment as a layer: `NAME=value` lines for the variables `wanted` selects, in name
/// order, and a comment for each named variable that is not set.
fn env_layer(
    m: &Machine,
    _tool: &str,
    rank: u32,
    wanted: impl Fn(&str) -> bool,
    named: &[NamedVar],
) -> Option<Layer> {
    let mut vars: Vec<(&str, &str)> = m
        .vars
        .iter()
        .filter(|(k, _)| wanted(k) || named.iter().any(|n| &n.var == k))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    vars.sort();
    vars.dedup_by(|a, b| a.0 == b.0);
    let mut text = String::new();
    for (k, v) in &vars {
        text.push_str(&env_line(k, v));
        text.push('\n');
    }
    let mut unset: Vec<&str> = named
        .iter()
        .map(|n| n.var.as_str())
        .filter(|v| m.var(v).is_none())
        .collect();
    unset.sort();
    unset.dedup();
    for v in unset {
        text.push_str(&format!("# {v} is not set\n"));
    }
    if text.is_empty() {
        return None;
    }
    Some(Layer {
        display: "environment".into(),
        path: None,
        role: "the variables it reads".into(),
        syntax: None,
        kind: Kind::Environment,
        rank,
        map: Map::Vars,
        text,
        line_offset: 0,
        altered: false,
    })
}

/// `NAME=value`, the value in double quotes when it needs them.
pub fn env_line(k: &str, v: &str) -> String {
    let plain = !v.is_empty()
        && v.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '"' | '\'' | '#' | '$' | '\\' | '`')
        });
    if plain {
        format!("{k}={v}")
    } else {
        let mut q = String::with_capacity(v.len() + 2);
        for c in v.chars() {
            match c {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                '\n' => q.push_str("\\n"),
                '\r' => q.push_str("\\r"),
                '\t' => q.push_str("\\t"),
                c => q.push(c),
            }
        }
        format!("{k}=\"{q}\"")
    }
}

fn starts(name: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| name.starts_with(p))
}

fn is_proxy(name: &str) -> bool {
    PROXY_VARS.contains(&name)
}

/// The managed / system settings directory of tools that use one.
fn system_dir(m: &Machine, unix: &str, mac: &str, windows: &str) -> Option<PathBuf> {
    match m.os {
        Os::Windows => Some(PathBuf::from(windows)),
        Os::Mac => Some(PathBuf::from(mac)),
        Os::Linux | Os::Other => Some(PathBuf::from(unix)),
    }
}

/// Top-level string values of a config text, read with the engine's own reader.
fn read_value(text: &str, path: &str) -> Option<String> {
    llmdoctor_core::config::read(text)
        .get(path)
        .map(|s| s.value.clone())
}

/// `${VAR}` / `$VAR` (OpenClaw, Qwen Code) or `{env:VAR}` (opencode) references in a text.
fn references(text: &str, opencode: bool) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let name_at = |from: usize| {
        let n = b[from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        (n > 0 && !b[from].is_ascii_digit()).then(|| text[from..from + n].to_string())
    };
    let mut i = 0;
    while i < b.len() {
        if opencode && text[i..].starts_with("{env:") {
            if let Some(n) = name_at(i + 5) {
                if b.get(i + 5 + n.len()) == Some(&b'}') {
                    out.push((n, i));
                }
            }
        } else if !opencode && b[i] == b'$' && b.get(i + 1) == Some(&b'{') {
            if let Some(n) = name_at(i + 2) {
                if b.get(i + 2 + n.len()) == Some(&b'}') {
                    out.push((n, i));
                }
            }
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Claude Code

fn claude_code(m: &Machine) -> Option<Tool> {
    let dir = m
        .var_path("CLAUDE_CONFIG_DIR")
        .or_else(|| m.home_join(".claude"))?;
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    let project = m.cwd.join(".claude");
    let found = dir.is_dir() || project.is_dir();
    if !found {
        return None;
    }
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            dir.join("settings.json"),
            "user settings",
            Syntax::Json,
            10,
            Map::EnvObject { env_rank: 10 },
        ),
    );
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            project.join("settings.json"),
            "project settings",
            Syntax::Json,
            20,
            Map::EnvObject { env_rank: 20 },
        ),
    );
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            project.join("settings.local.json"),
            "local project settings",
            Syntax::Json,
            30,
            Map::EnvObject { env_rank: 30 },
        ),
    );
    if let Some(sys) = system_dir(
        m,
        "/etc/claude-code",
        "/Library/Application Support/ClaudeCode",
        "C:\\Program Files\\ClaudeCode",
    ) {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                sys.join("managed-settings.json"),
                "managed settings",
                Syntax::Json,
                40,
                Map::EnvObject { env_rank: 40 },
            ),
        );
    }
    // ~/.claude.json holds state (projects, history) beside the login: only the lines that say
    // how Claude Code signs in are read into the paste, never written back.
    let state = match m.var_path("CLAUDE_CONFIG_DIR") {
        Some(d) => d.join(".claude.json"),
        None => m.home_join(".claude.json")?,
    };
    layers.extend(claude_state(m, &mut notes, &state));
    if let Some(env) = env_layer(
        m,
        "Claude Code",
        0,
        |k| {
            starts(k, &["ANTHROPIC_", "CLAUDE_CODE_"])
                || is_proxy(k)
                || k == "API_TIMEOUT_MS"
                || k == "CLAUDE_CONFIG_DIR"
        },
        &[],
    ) {
        layers.push(env);
    }
    Some(Tool {
        id: "claude-code",
        name: "Claude Code",
        layers,
        notes,
        precedence: "environment < ~/.claude/settings.json < .claude/settings.json < .claude/settings.local.json < managed settings (a settings file's \"env\" wins over the shell)",
        named_vars: Vec::new(),
    })
}

/// The sign-in lines of `~/.claude.json`: `primaryApiKey`, `oauthAccount` (its first line),
/// `hasCompletedOnboarding`, each an excerpt keeping its line numbers.
fn claude_state(m: &Machine, notes: &mut Vec<Note>, path: &Path) -> Vec<Layer> {
    let Some(whole) = file(
        m,
        notes,
        path.to_path_buf(),
        "Claude Code state (sign-in lines only)",
        Syntax::Json,
        5,
        Map::Unranked,
    ) else {
        return Vec::new();
    };
    let cfg = llmdoctor_core::config::read(&whole.text);
    let line_of = |pos: usize| whole.text[..pos].matches('\n').count();
    let mut out = Vec::new();
    for key in ["primaryApiKey", "oauthAccount", "hasCompletedOnboarding"] {
        let Some(s) = cfg.get(key) else { continue };
        let Some((ks, _)) = s.key_span else { continue };
        let first = line_of(ks);
        let last = if key == "oauthAccount" {
            first
        } else {
            line_of(s.value_span.1)
        };
        let text: String = whole
            .text
            .lines()
            .skip(first)
            .take(last - first + 1)
            .map(|l| format!("{l}\n"))
            .collect();
        out.push(Layer {
            kind: Kind::Excerpt,
            line_offset: first,
            text,
            ..whole.clone()
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Codex

fn codex(m: &Machine) -> Option<Tool> {
    let dir = m.var_path("CODEX_HOME").or_else(|| m.home_join(".codex"))?;
    let project_dirs: Vec<PathBuf> = project_chain(m)
        .into_iter()
        .map(|d| d.join(".codex"))
        .collect();
    if !dir.is_dir() && !project_dirs.iter().any(|d| d.join("config.toml").is_file()) {
        return None;
    }
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    let user_path = dir.join("config.toml");
    let user_text = std::fs::read_to_string(&user_path).unwrap_or_default();
    // The legacy `profile = "NAME"` selects `[profiles.NAME]` (Codex before 0.134).
    let profile = read_value(&user_text, "profile");
    let codex_map = |rank: u32| Map::Codex {
        profile: profile.clone(),
        profile_rank: 50 + rank / 10,
    };
    if m.os != Os::Windows {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                PathBuf::from("/etc/codex/config.toml"),
                "system config",
                Syntax::Toml,
                10,
                codex_map(10),
            ),
        );
    }
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            user_path,
            "user config",
            Syntax::Toml,
            20,
            codex_map(20),
        ),
    );
    // Project layers: from the project root down to the working directory, closest wins
    // (trusted projects only: Codex skips them in an untrusted one).
    for (i, d) in project_dirs.iter().rev().enumerate() {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                d.join("config.toml"),
                "project config (trusted projects only)",
                Syntax::Toml,
                30 + i as u32,
                codex_map(30),
            ),
        );
    }
    // Profile files (Codex 0.134+): `codex --profile NAME` layers ~/.codex/NAME.config.toml.
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut names: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".config.toml") && n != "config.toml")
            })
            .collect();
        names.sort();
        for p in names {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".config.toml"))
                .unwrap_or("")
                .to_string();
            push(
                &mut layers,
                file(
                    m,
                    &mut notes,
                    p,
                    &format!("profile file (only with `codex --profile {name}`)"),
                    Syntax::Toml,
                    45,
                    Map::Unranked,
                ),
            );
        }
    }
    // auth.json: what kind of login it holds, never its content.
    let auth = dir.join("auth.json");
    if auth.is_file() {
        let kind = std::fs::read_to_string(&auth)
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .map(|v| {
                let key = v
                    .get("OPENAI_API_KEY")
                    .and_then(|k| k.as_str())
                    .is_some_and(|k| !k.is_empty());
                let chatgpt = v.get("tokens").is_some_and(|t| !t.is_null());
                match (key, chatgpt) {
                    (true, _) => CodexLogin::ApiKey,
                    (false, true) => CodexLogin::ChatGpt,
                    _ => CodexLogin::Nothing,
                }
            })
            .unwrap_or(CodexLogin::NotJson);
        notes.push(Note::CodexAuth {
            file: m.display(&auth),
            holds: kind,
        });
    }
    // The provider in use: the legacy profile's, else the closest file's, else `openai`.
    let mut provider = "openai".to_string();
    for l in &layers {
        if let Some(p) = read_value(&l.text, "model_provider") {
            provider = p;
        }
    }
    if let Some(p) = profile
        .as_deref()
        .and_then(|p| read_value(&user_text, &format!("profiles.{p}.model_provider")))
    {
        provider = p;
    }
    let builtin_openai = provider == "openai";
    // The variables providers name with env_key.
    let mut named = Vec::new();
    for (li, l) in layers.iter().enumerate() {
        for s in llmdoctor_core::config::read(&l.text).settings {
            let Some(p) = s.path.strip_suffix(".env_key") else {
                continue;
            };
            let provider = p.rsplit('.').next().unwrap_or("").to_string();
            if is_var_name(&s.value) {
                named.push(NamedVar {
                    var: s.value.clone(),
                    layer: li,
                    at: s.value_span.0,
                    setting: s.path.clone(),
                    provider: Some(provider),
                });
            }
        }
    }
    if let Some(env) = env_layer(
        m,
        "Codex",
        60,
        |k| {
            (builtin_openai
                && matches!(
                    k,
                    "OPENAI_BASE_URL" | "OPENAI_API_KEY" | "OPENAI_ORGANIZATION" | "OPENAI_PROJECT"
                ))
                || starts(k, &["CODEX_"])
                || is_proxy(k)
        },
        &named,
    ) {
        layers.push(env);
    }
    Some(Tool {
        id: "codex",
        name: "Codex",
        layers,
        notes,
        precedence: "/etc/codex/config.toml < ~/.codex/config.toml < .codex/config.toml (trusted projects, closest wins) < profile < -c / flags; OPENAI_BASE_URL sets the built-in openai provider's URL; a custom provider's key comes from the variable its env_key names",
        named_vars: named,
    })
}

/// A plausible environment variable name (what `env_key` should hold).
pub fn is_var_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The working directory and its parents up to the git root (or just the working directory
/// outside a repository), nearest first.
fn project_chain(m: &Machine) -> Vec<PathBuf> {
    let Some(root) = m.git_root() else {
        return if m.home.as_deref() == Some(m.cwd.as_path()) {
            Vec::new()
        } else {
            vec![m.cwd.clone()]
        };
    };
    m.dirs_up()
        .into_iter()
        .take_while(|d| d.starts_with(&root))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Qwen Code

fn qwen_code(m: &Machine) -> Option<Tool> {
    let dir = m.var_path("QWEN_HOME").or_else(|| m.home_join(".qwen"))?;
    let project = m.cwd.join(".qwen");
    if !dir.is_dir() && !project.join("settings.json").is_file() {
        return None;
    }
    let mut notes = Vec::new();
    let sys = system_dir(
        m,
        "/etc/qwen-code",
        "/Library/Application Support/QwenCode",
        "C:\\ProgramData\\qwen-code",
    );
    let files: Vec<(PathBuf, &str)> = [
        (
            m.var_path("QWEN_CODE_SYSTEM_DEFAULTS_PATH")
                .or_else(|| sys.as_ref().map(|s| s.join("system-defaults.json"))),
            "system defaults",
        ),
        (Some(dir.join("settings.json")), "user settings"),
        (
            Some(project.join("settings.json")),
            "project settings (trusted folders)",
        ),
        (
            Some(project.join("settings.local.json")),
            "local project settings (trusted folders)",
        ),
        (
            m.var_path("QWEN_CODE_SYSTEM_SETTINGS_PATH")
                .or_else(|| sys.as_ref().map(|s| s.join("settings.json"))),
            "system settings",
        ),
    ]
    .into_iter()
    .filter_map(|(p, r)| p.map(|p| (p, r)))
    .collect();
    // The auth type decides which variables the base URL, key and model come from.
    let mut selected = None;
    for (p, _) in &files {
        if let Some(v) = std::fs::read_to_string(p)
            .ok()
            .and_then(|t| read_value(&t, "security.auth.selectedType"))
        {
            selected = Some(v);
        }
    }
    let vars = match selected.as_deref() {
        Some("anthropic") => AuthVars {
            base_url: "ANTHROPIC_BASE_URL",
            api_key: "ANTHROPIC_API_KEY",
            model: "ANTHROPIC_MODEL",
        },
        Some("gemini") => AuthVars {
            base_url: "GEMINI_BASE_URL",
            api_key: "GEMINI_API_KEY",
            model: "GEMINI_MODEL",
        },
        _ => AuthVars {
            base_url: "OPENAI_BASE_URL",
            api_key: "OPENAI_API_KEY",
            model: "OPENAI_MODEL",
        },
    };
    let mut layers = Vec::new();
    for (i, (p, role)) in files.into_iter().enumerate() {
        let rank = 10 + i as u32;
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                p,
                role,
                Syntax::Jsonc,
                rank,
                Map::Qwen {
                    env_rank: rank + 10,
                    auth_rank: rank - 10,
                    vars,
                },
            ),
        );
    }
    // .env: the first `.qwen/.env` or `.env` from the working directory up to home, then
    // ~/.qwen/.env and ~/.env; for each variable the first file that sets it wins, and none
    // overrides a variable already in the environment.
    let mut env_files = Vec::new();
    'up: for d in m.dirs_up() {
        for p in [d.join(".qwen").join(".env"), d.join(".env")] {
            if p.is_file() {
                env_files.push(p);
                break 'up;
            }
        }
    }
    env_files.push(dir.join(".env"));
    if let Some(h) = m.home_join(".env") {
        env_files.push(h);
    }
    let n = env_files.len() as u32;
    let mut env_layers: Vec<Layer> = Vec::new();
    for (i, p) in env_files.into_iter().enumerate() {
        push(
            &mut env_layers,
            file(
                m,
                &mut notes,
                p,
                ".env file",
                Syntax::Dotenv,
                40 + n - i as u32,
                Map::Vars,
            ),
        );
    }
    env_layers.reverse();
    layers.extend(env_layers);
    let mut named = Vec::new();
    for (li, l) in layers.iter().enumerate() {
        for s in llmdoctor_core::config::read(&l.text).settings {
            if s.path.starts_with("modelProviders.")
                && s.path.ends_with(".envKey")
                && is_var_name(&s.value)
            {
                named.push(NamedVar {
                    var: s.value.clone(),
                    layer: li,
                    at: s.value_span.0,
                    setting: s.path.clone(),
                    provider: None,
                });
            }
        }
        for (v, at) in references(&l.text, false) {
            named.push(NamedVar {
                setting: format!("${{{v}}}"),
                var: v,
                layer: li,
                at,
                provider: None,
            });
        }
    }
    let auth_vars = [vars.base_url, vars.api_key, vars.model];
    if let Some(env) = env_layer(
        m,
        "Qwen Code",
        60,
        |k| {
            auth_vars.contains(&k)
                || starts(k, &["QWEN_", "DASHSCOPE_", "BAILIAN_"])
                || k == "OPENAI_API_KEY"
                || k == "OPENAI_BASE_URL"
                || k == "OPENAI_MODEL"
                || is_proxy(k)
        },
        &named,
    ) {
        layers.push(env);
    }
    Some(Tool {
        id: "qwen-code",
        name: "Qwen Code",
        layers,
        notes,
        precedence: "security.auth / model.name in settings < settings \"env\" < .env files < environment < the selected modelProviders entry; settings files: system defaults < ~/.qwen/settings.json < .qwen/settings.json < .qwen/settings.local.json < system settings",
        named_vars: named,
    })
}

// ---------------------------------------------------------------------------------------------
// OpenClaw

fn openclaw(m: &Machine) -> Option<Tool> {
    let home = m.var_path("OPENCLAW_HOME").or_else(|| m.home.clone())?;
    let state = m
        .var_path("OPENCLAW_STATE_DIR")
        .unwrap_or_else(|| home.join(".openclaw"));
    let config = m
        .var_path("OPENCLAW_CONFIG_PATH")
        .unwrap_or_else(|| state.join("openclaw.json"));
    if !config.is_file() && !state.is_dir() {
        return None;
    }
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            config,
            "config",
            Syntax::Json5,
            10,
            Map::OpenClaw { env_rank: 10 },
        ),
    );
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            state.join(".env"),
            "global .env",
            Syntax::Dotenv,
            20,
            Map::Vars,
        ),
    );
    if m.home.as_deref() != Some(m.cwd.as_path()) {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                m.cwd.join(".env"),
                "working-directory .env",
                Syntax::Dotenv,
                30,
                Map::Vars,
            ),
        );
    }
    let mut named = Vec::new();
    for (li, l) in layers.iter().enumerate() {
        for (v, at) in references(&l.text, false) {
            named.push(NamedVar {
                setting: format!("${{{v}}}"),
                var: v,
                layer: li,
                at,
                provider: None,
            });
        }
    }
    if let Some(env) = env_layer(
        m,
        "OpenClaw",
        40,
        |k| starts(k, &["OPENCLAW_"]) || is_proxy(k),
        &named,
    ) {
        layers.push(env);
    }
    Some(Tool {
        id: "openclaw",
        name: "OpenClaw",
        layers,
        notes,
        precedence: "openclaw.json \"env\" < ~/.openclaw/.env < ./.env < environment (none overrides a variable already set)",
        named_vars: named,
    })
}

// ---------------------------------------------------------------------------------------------
// Gemini CLI

fn gemini_cli(m: &Machine) -> Option<Tool> {
    let base = m.var_path("GEMINI_CLI_HOME").or_else(|| m.home.clone())?;
    let dir = base.join(".gemini");
    let project = m.cwd.join(".gemini");
    if !dir.is_dir() && !project.join("settings.json").is_file() {
        return None;
    }
    let mut notes = Vec::new();
    let sys = system_dir(
        m,
        "/etc/gemini-cli",
        "/Library/Application Support/GeminiCli",
        "C:\\ProgramData\\gemini-cli",
    );
    let files: Vec<(Option<PathBuf>, &str)> = vec![
        (
            m.var_path("GEMINI_CLI_SYSTEM_DEFAULTS_PATH")
                .or_else(|| sys.as_ref().map(|s| s.join("system-defaults.json"))),
            "system defaults",
        ),
        (Some(dir.join("settings.json")), "user settings"),
        (Some(project.join("settings.json")), "project settings"),
        (
            m.var_path("GEMINI_CLI_SYSTEM_SETTINGS_PATH")
                .or_else(|| sys.as_ref().map(|s| s.join("settings.json"))),
            "system settings",
        ),
    ];
    let mut layers = Vec::new();
    for (i, (p, role)) in files.into_iter().enumerate() {
        if let Some(p) = p {
            push(
                &mut layers,
                file(
                    m,
                    &mut notes,
                    p,
                    role,
                    Syntax::Jsonc,
                    10 + i as u32,
                    Map::Paths,
                ),
            );
        }
    }
    // One .env file: the first `.gemini/.env` or `.env` from the working directory up, else
    // ~/.gemini/.env, else ~/.env. It does not override the environment.
    let mut candidates = Vec::new();
    for d in m.dirs_up() {
        candidates.push(d.join(".gemini").join(".env"));
        candidates.push(d.join(".env"));
        if d.join(".git").exists() {
            break;
        }
    }
    candidates.push(dir.join(".env"));
    if let Some(h) = m.home_join(".env") {
        candidates.push(h);
    }
    if let Some(p) = candidates.into_iter().find(|p| p.is_file()) {
        push(
            &mut layers,
            file(m, &mut notes, p, ".env file", Syntax::Dotenv, 20, Map::Vars),
        );
    }
    if let Some(env) = env_layer(
        m,
        "Gemini CLI",
        30,
        |k| {
            starts(k, &["GEMINI_", "GOOGLE_GENAI_", "GOOGLE_CLOUD_"])
                || matches!(
                    k,
                    "GOOGLE_API_KEY" | "GOOGLE_GEMINI_BASE_URL" | "GOOGLE_APPLICATION_CREDENTIALS"
                )
                || is_proxy(k)
        },
        &[],
    ) {
        layers.push(env);
    }
    Some(Tool {
        id: "gemini-cli",
        name: "Gemini CLI",
        layers,
        notes,
        precedence: "system defaults < ~/.gemini/settings.json < .gemini/settings.json < system settings; one .env file < environment",
        named_vars: Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// Continue

fn continue_dev(m: &Machine) -> Option<Tool> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = m.var_path("CONTINUE_GLOBAL_DIR") {
        dirs.push(d);
    } else {
        dirs.extend(m.home_join(".continue"));
        if m.os == Os::Linux {
            dirs.extend(m.config_home().map(|c| c.join("continue")));
        }
    }
    let dir = dirs.into_iter().find(|d| d.is_dir())?;
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            dir.join(".env"),
            "secrets for ${{ secrets.NAME }}",
            Syntax::Dotenv,
            5,
            Map::Vars,
        ),
    );
    let yaml = dir.join("config.yaml");
    let json = dir.join("config.json");
    if yaml.is_file() && json.is_file() {
        notes.push(Note::ContinueDeprecated {
            json: m.display(&json),
            yaml: m.display(&yaml),
        });
    }
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            yaml.clone(),
            "config",
            Syntax::Yaml,
            10,
            Map::Paths,
        ),
    );
    if !yaml.is_file() {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                json,
                "config (deprecated format)",
                Syntax::Json,
                10,
                Map::Paths,
            ),
        );
    }
    if layers.is_empty() {
        return None;
    }
    Some(Tool {
        id: "continue",
        name: "Continue",
        layers,
        notes,
        precedence: "~/.continue/config.yaml (config.json only when there is no config.yaml); ${{ secrets.NAME }} from ~/.continue/.env",
        named_vars: Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// Aider

fn aider(m: &Machine) -> Option<Tool> {
    let home = m.home.clone()?;
    let root = m.git_root();
    let mut dirs = vec![home.clone()];
    dirs.extend(root.clone());
    dirs.push(m.cwd.clone());
    let conf: Vec<PathBuf> = dirs.iter().map(|d| d.join(".aider.conf.yml")).collect();
    if !conf.iter().any(|p| p.is_file()) && !home.join(".aider").is_dir() {
        return None;
    }
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    let roles = ["home", "git root", "working directory"];
    let role = |i: usize| {
        if root.is_none() && i == 1 {
            roles[2]
        } else {
            roles[i.min(2)]
        }
    };
    for (i, p) in conf.into_iter().enumerate() {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                p,
                &format!("config ({})", role(i)),
                Syntax::Yaml,
                10 + i as u32,
                Map::AiderYaml,
            ),
        );
    }
    let mut env_files = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        push(
            &mut env_files,
            file(
                m,
                &mut notes,
                d.join(".env"),
                &format!("dotenv ({}; overrides the environment)", role(i)),
                Syntax::Dotenv,
                30 + i as u32,
                Map::Vars,
            ),
        );
    }
    if let Some(env) = env_layer(
        m,
        "Aider",
        20,
        |k| {
            starts(k, &["AIDER_", "OPENAI_", "ANTHROPIC_"])
                || k.ends_with("_API_KEY")
                || k.ends_with("_API_BASE")
                || is_proxy(k)
        },
        &[],
    ) {
        layers.push(env);
    }
    layers.extend(env_files);
    Some(Tool {
        id: "aider",
        name: "Aider",
        layers,
        notes,
        precedence: ".aider.conf.yml (home < git root < working directory) < environment < .env (home < git root < working directory; loaded with override) < command line",
        named_vars: Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// opencode

fn opencode(m: &Machine) -> Option<Tool> {
    let cfg = m.config_home()?.join("opencode");
    let chain = project_chain(m);
    let project_files: Vec<PathBuf> = chain
        .iter()
        .rev()
        .flat_map(|d| [d.join("opencode.json"), d.join("opencode.jsonc")])
        .collect();
    if !cfg.is_dir() && !project_files.iter().any(|p| p.is_file()) {
        return None;
    }
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    for name in ["config.json", "opencode.json", "opencode.jsonc"] {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                cfg.join(name),
                "global config",
                Syntax::Jsonc,
                10,
                Map::Paths,
            ),
        );
    }
    if let Some(p) = m.var_path("OPENCODE_CONFIG") {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                p,
                "OPENCODE_CONFIG file",
                Syntax::Jsonc,
                20,
                Map::Paths,
            ),
        );
    }
    for (i, p) in project_files.into_iter().enumerate() {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                p,
                "project config",
                Syntax::Jsonc,
                30 + i as u32,
                Map::Paths,
            ),
        );
    }
    for name in ["opencode.json", "opencode.jsonc"] {
        push(
            &mut layers,
            file(
                m,
                &mut notes,
                m.cwd.join(".opencode").join(name),
                ".opencode directory config",
                Syntax::Jsonc,
                40,
                Map::Paths,
            ),
        );
    }
    if let Some(auth) = m.data_home().map(|d| d.join("opencode").join("auth.json")) {
        if auth.is_file() {
            let providers: Vec<String> = std::fs::read_to_string(&auth)
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
                .unwrap_or_default();
            notes.push(Note::OpencodeAuth {
                file: m.display(&auth),
                providers,
            });
        }
    }
    let mut named = Vec::new();
    for (li, l) in layers.iter().enumerate() {
        for (v, at) in references(&l.text, true) {
            named.push(NamedVar {
                setting: format!("{{env:{v}}}"),
                var: v,
                layer: li,
                at,
                provider: None,
            });
        }
    }
    if let Some(env) = env_layer(
        m,
        "opencode",
        0,
        |k| starts(k, &["OPENCODE_"]) || is_proxy(k),
        &named,
    ) {
        layers.push(env);
    }
    Some(Tool {
        id: "opencode",
        name: "opencode",
        layers,
        notes,
        precedence: "~/.config/opencode/opencode.json < $OPENCODE_CONFIG < opencode.json (project) < .opencode/opencode.json < $OPENCODE_CONFIG_CONTENT; provider keys from {env:NAME} or auth.json",
        named_vars: named,
    })
}

// ---------------------------------------------------------------------------------------------
// Cline

fn cline(m: &Machine) -> Option<Tool> {
    let dir = m.var_path("CLINE_DIR").or_else(|| m.home_join(".cline"))?;
    let data = m
        .var_path("CLINE_DATA_DIR")
        .unwrap_or_else(|| dir.join("data"));
    let settings = data.join("settings");
    let mut notes = Vec::new();
    let mut layers = Vec::new();
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            settings.join("providers.json"),
            "providers (API keys and provider configuration)",
            Syntax::Json,
            10,
            Map::Paths,
        ),
    );
    push(
        &mut layers,
        file(
            m,
            &mut notes,
            settings.join("global-settings.json"),
            "global settings",
            Syntax::Json,
            10,
            Map::Paths,
        ),
    );
    if layers.is_empty() {
        return None;
    }
    Some(Tool {
        id: "cline",
        name: "Cline",
        layers,
        notes,
        precedence: "~/.cline/data/settings/providers.json (one file; the VS Code extension's own storage is not a file llmdoctor reads)",
        named_vars: Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// The environment no tool found reads

/// Variables that configure LLM clients in general (SDKs, scripts).
pub fn is_llm_var(k: &str) -> bool {
    let u = k.to_ascii_uppercase();
    starts(&u, &["ANTHROPIC_", "OPENAI_", "DASHSCOPE_", "BAILIAN_"])
        || u.ends_with("_API_KEY")
        || u.ends_with("_BASE_URL")
        || u.ends_with("_API_BASE")
        || u.ends_with("_AUTH_TOKEN")
        || PROXY_VARS.contains(&u.as_str())
}

fn environment(m: &Machine, tools: &[Tool]) -> Option<Tool> {
    let read_by_tools = |k: &str| {
        tools.iter().any(|t| {
            t.layers.iter().any(|l| {
                l.kind == Kind::Environment
                    && l.text
                        .lines()
                        .any(|line| line.split_once('=').is_some_and(|(n, _)| n == k))
            })
        })
    };
    let env = env_layer(
        m,
        "LLM SDKs and scripts",
        0,
        |k| is_llm_var(k) && !read_by_tools(k),
        &[],
    )?;
    Some(Tool {
        id: "environment",
        name: "Environment",
        layers: vec![env],
        notes: Vec::new(),
        precedence: "the process environment, as SDKs and scripts read it",
        named_vars: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_by_tool() {
        let claude = Map::EnvObject { env_rank: 10 };
        assert_eq!(
            claude.name("env.ANTHROPIC_BASE_URL", 10),
            Some(("ANTHROPIC_BASE_URL".into(), 10))
        );
        assert_eq!(claude.name("model", 10), Some(("model".into(), 10)));
        let codex = Map::Codex {
            profile: Some("bl".into()),
            profile_rank: 52,
        };
        assert_eq!(
            codex.name("profiles.bl.model_provider", 20),
            Some(("model_provider".into(), 52))
        );
        assert_eq!(
            codex.name("profiles.other.model", 20),
            Some(("profiles.other.model".into(), 20))
        );
        let qwen = Map::Qwen {
            env_rank: 21,
            auth_rank: 1,
            vars: AuthVars {
                base_url: "OPENAI_BASE_URL",
                api_key: "OPENAI_API_KEY",
                model: "OPENAI_MODEL",
            },
        };
        assert_eq!(
            qwen.name("security.auth.baseUrl", 11),
            Some(("OPENAI_BASE_URL".into(), 1))
        );
        assert_eq!(
            qwen.name("env.OPENAI_BASE_URL", 11),
            Some(("OPENAI_BASE_URL".into(), 21))
        );
        assert_eq!(
            Map::AiderYaml.name("openai-api-base", 10),
            Some(("AIDER_OPENAI_API_BASE".into(), 10))
        );
        assert_eq!(
            Map::OpenClaw { env_rank: 10 }.name("env.vars.GROQ_API_KEY", 10),
            Some(("GROQ_API_KEY".into(), 10))
        );
    }

    #[test]
    fn env_lines_quote_what_needs_it() {
        assert_eq!(env_line("A", "https://x/v1"), "A=https://x/v1");
        assert_eq!(env_line("A", "a b\"c"), "A=\"a b\\\"c\"");
        assert_eq!(env_line("A", ""), "A=\"\"");
    }

    #[test]
    fn references_are_found() {
        let r = references(
            "{\"apiKey\": \"${DASHSCOPE_API_KEY}\", \"x\": \"$5\"}",
            false,
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "DASHSCOPE_API_KEY");
        let r = references("{\"apiKey\": \"{env:MY_KEY}\"}", true);
        assert_eq!(r[0].0, "MY_KEY");
    }
}
