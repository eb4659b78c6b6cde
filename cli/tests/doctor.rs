//! `llmdoctor doctor` through the built binary, against fixture home directories built in a
//! temporary directory with the tools' real config layouts (docs/doctor.md): a wrong base URL,
//! a key in a variable the tool does not read, a variable shadowing a settings file, a correct
//! setup; `--fix` restoring a working setup with backups kept. Only fake keys.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CLAUDE_KEY: &str = "sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
const QWEN_KEY: &str = "sk-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const ENV_KEY: &str = "sk-99887766554433221100aabbccddeeff";

struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let root =
            std::env::temp_dir().join(format!("llmdoctor-doctor-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("home/proj/.git")).expect("fixture dirs");
        Fixture { root }
    }

    fn home(&self) -> PathBuf {
        self.root.join("home")
    }

    fn project(&self) -> PathBuf {
        self.home().join("proj")
    }

    /// Writes `rel` under home.
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.home().join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        std::fs::write(&p, text).expect("write fixture");
        p
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.home().join(rel)).unwrap_or_default()
    }

    /// Runs `llmdoctor doctor ARGS` in the project with only HOME and `env` set.
    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_llmdoctor"));
        c.arg("doctor")
            .args(args)
            .env_clear()
            .env("HOME", self.home())
            .env("USERPROFILE", self.home())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .current_dir(self.project());
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().expect("run llmdoctor doctor")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&[o.stdout.as_slice(), o.stderr.as_slice()].concat()).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn tool<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["tools"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["tool"] == id))
        .unwrap_or_else(|| panic!("no section {id} in {v}"))
}

fn rules(t: &serde_json::Value) -> Vec<String> {
    t["report"]["diagnoses"]
        .as_array()
        .map(|d| {
            d.iter()
                .filter_map(|d| d["rule"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn no_key_in(out: &str) {
    for k in [CLAUDE_KEY, QWEN_KEY, ENV_KEY] {
        assert!(!out.contains(k), "a key is printed unmasked:\n{out}");
        assert!(!out.contains(&k[3..20]), "part of a key is printed:\n{out}");
    }
}

const CLAUDE_BROKEN: &str = r#"{
  "env": {
    "ANTHROPIC_BASE_URL": "https://dashscope.aliyuncs.com/compatible-mode/v1",
    "DASHSCOPE_API_KEY": "sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    "ANTHROPIC_MODEL": "qwen3-coder-plus"
  }
}
"#;

const CLAUDE_OK: &str = r#"{
  "env": {
    "ANTHROPIC_BASE_URL": "https://dashscope.aliyuncs.com/apps/anthropic",
    "ANTHROPIC_AUTH_TOKEN": "sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
    "ANTHROPIC_MODEL": "qwen3-coder-plus"
  }
}
"#;

const CODEX_BROKEN: &str = r#"model = "qwen3-coder-plus"
model_provider = "bailian"

[model_providers.bailian]
name = "Bailian"
base_url = "https://dashscope.aliyuncs.com/api/v1"
env_key = "DASHSCOPE_API_KEY"
wire_api = "chat"
"#;

const QWEN_SETTINGS: &str = r#"{
  // Qwen Code on Model Studio (pay-as-you-go)
  "security": {
    "auth": {
      "selectedType": "openai",
      "baseUrl": "https://dashscope.aliyuncs.com/compatible-mode/v1",
      "apiKey": "sk-0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    }
  },
  "model": { "name": "qwen3-coder-plus" }
}
"#;

/// Claude Code with the OpenAI-compatible URL and its key under a name it does not read; Codex
/// with the native API path and `wire_api = "chat"`; Qwen Code with a `.env` whose
/// OPENAI_BASE_URL shadows the settings file.
fn broken(name: &str) -> Fixture {
    let f = Fixture::new(name);
    f.write(".claude/settings.json", CLAUDE_BROKEN);
    f.write(".codex/config.toml", CODEX_BROKEN);
    f.write(".qwen/settings.json", QWEN_SETTINGS);
    f.write(
        ".qwen/.env",
        "OPENAI_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\n",
    );
    f
}

fn correct(name: &str) -> Fixture {
    let f = Fixture::new(name);
    f.write(".claude/settings.json", CLAUDE_OK);
    f.write(
        ".codex/config.toml",
        &CODEX_BROKEN
            .replace("/api/v1", "/compatible-mode/v1")
            .replace("\"chat\"", "\"responses\""),
    );
    f.write(".qwen/settings.json", QWEN_SETTINGS);
    f
}

#[test]
fn a_broken_setup_is_named_with_file_line_and_the_setting_in_use() {
    let f = broken("named");
    let env = [("DASHSCOPE_API_KEY", ENV_KEY)];
    let out = f.run(&["--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    no_key_in(&text(&out));
    let v = json(&out);
    assert_eq!(v["schema"], 1);

    let claude = tool(&v, "claude-code");
    let r = rules(claude);
    assert!(
        r.contains(&"config-anthropic-base-path".to_string())
            && r.contains(&"config-claude-code-key-var".to_string()),
        "{r:?}"
    );
    let wheres = claude["where"].as_array().cloned().unwrap_or_default();
    let base = wheres
        .iter()
        .find(|w| w["rule"] == "config-anthropic-base-path")
        .expect("where of the base URL finding");
    assert_eq!(
        base["source"],
        format!("~{}.claude/settings.json", std::path::MAIN_SEPARATOR)
    );
    assert_eq!(base["line"], 3);
    assert_eq!(base["setting"], "ANTHROPIC_BASE_URL");
    assert_eq!(base["in_use"], true);
    let key = wheres
        .iter()
        .find(|w| w["rule"] == "config-claude-code-key-var")
        .expect("where of the key-variable finding");
    assert_eq!(key["line"], 4);
    assert_eq!(key["setting"], "DASHSCOPE_API_KEY");
    assert!(claude["files"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["role"] == "user settings")));

    let codex = tool(&v, "codex");
    let r = rules(codex);
    assert!(
        r.contains(&"config-codex-wire-api-chat".to_string())
            && r.contains(&"config-openai-base-path".to_string()),
        "{r:?}"
    );
    let lines: Vec<u64> = codex["where"]
        .as_array()
        .map(|w| w.iter().filter_map(|w| w["line"].as_u64()).collect())
        .unwrap_or_default();
    assert!(lines.contains(&8) && lines.contains(&6), "{lines:?}");
    let in_use: Vec<String> = codex["settings"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|s| s["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        in_use.contains(&"model_providers.bailian.base_url".to_string()),
        "{in_use:?}"
    );

    let qwen = tool(&v, "qwen-code");
    assert!(rules(qwen).contains(&"config-openai-base-path".to_string()));
    let w = &qwen["where"][0];
    assert_eq!(
        w["source"],
        format!(
            "~{}.qwen{}.env",
            std::path::MAIN_SEPARATOR,
            std::path::MAIN_SEPARATOR
        )
    );
    assert_eq!(
        w["in_use"], true,
        "the .env value is the one Qwen Code uses"
    );
    let shadow = qwen["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["kind"] == "overridden"))
        .expect("the shadowed settings value");
    assert_eq!(shadow["line"], 6);
    assert!(shadow["message"]
        .as_str()
        .is_some_and(|m| m.contains("OPENAI_BASE_URL") && m.contains(".env:1 wins")));

    // The human report names the same places.
    let out = f.run(&[], &env);
    let s = text(&out);
    no_key_in(&s);
    for want in [
        "━━ Claude Code ━━",
        ".claude/settings.json:3:28",
        ".codex/config.toml:8:13",
        ".qwen/.env:1:17",
        "this value is the one in use",
        "warning[overridden]: OPENAI_BASE_URL at ~",
    ] {
        assert!(s.contains(want), "no `{want}` in:\n{s}");
    }
}

#[test]
fn fix_restores_a_working_setup_and_keeps_backups() {
    let f = broken("fix");
    let env = [("DASHSCOPE_API_KEY", ENV_KEY)];
    // Review fixes (renaming the key variable, wire_api) need --unsafe-fixes: without it the
    // files holding them are left alone, with exit 2.
    let out = f.run(&["--fix"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(f.read(".claude/settings.json"), CLAUDE_BROKEN);
    assert!(text(&out).contains("need review"));

    let out = f.run(&["--fix", "--unsafe-fixes"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    no_key_in(&text(&out));
    assert_eq!(f.read(".claude/settings.json.bak"), CLAUDE_BROKEN);
    assert_eq!(f.read(".codex/config.toml.bak"), CODEX_BROKEN);
    assert_eq!(
        f.read(".qwen/.env.bak"),
        "OPENAI_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\n"
    );
    assert_eq!(
        f.read(".claude/settings.json"),
        CLAUDE_BROKEN
            .replace("compatible-mode/v1", "apps/anthropic")
            .replace("DASHSCOPE_API_KEY", "ANTHROPIC_AUTH_TOKEN"),
        "only the values changed, the key kept in full"
    );
    assert!(f
        .read(".codex/config.toml")
        .contains("wire_api = \"responses\""));
    assert!(f
        .read(".codex/config.toml")
        .contains("base_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\""));
    assert_eq!(
        f.read(".qwen/.env"),
        "OPENAI_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1\n"
    );
    assert_eq!(f.read(".qwen/settings.json"), QWEN_SETTINGS, "untouched");

    let out = f.run(&[], &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("0 findings"), "{}", text(&out));
}

#[test]
fn a_correct_setup_gives_no_error() {
    let f = correct("correct");
    let out = f.run(&["--format", "json"], &[("DASHSCOPE_API_KEY", ENV_KEY)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let v = json(&out);
    for id in ["claude-code", "codex", "qwen-code"] {
        let t = tool(&v, id);
        assert_eq!(rules(t), Vec::<String>::new(), "{id}");
        assert_eq!(t["findings"].as_array().map(Vec::len), Some(0), "{id}");
    }
    let out = f.run(&[], &[("DASHSCOPE_API_KEY", ENV_KEY)]);
    let s = text(&out);
    assert!(s.contains("Claude Code ok, Codex ok, Qwen Code ok"), "{s}");
    no_key_in(&s);
}

#[test]
fn an_environment_variable_shadowing_the_settings_file_is_named() {
    let f = correct("shadow");
    // Qwen Code reads the environment over security.auth.baseUrl: a stale export wins.
    let env = [
        ("DASHSCOPE_API_KEY", ENV_KEY),
        ("OPENAI_BASE_URL", "https://dashscope.aliyuncs.com/api/v1"),
        // Claude Code applies its settings' "env" over the shell: this export is not used.
        ("ANTHROPIC_BASE_URL", "https://api.anthropic.com"),
    ];
    let out = f.run(&["--format", "json"], &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v = json(&out);
    let qwen = tool(&v, "qwen-code");
    let shadow = qwen["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["kind"] == "overridden"))
        .expect("overridden");
    assert!(
        shadow["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("settings.json")),
        "{shadow}"
    );
    assert!(shadow["message"]
        .as_str()
        .is_some_and(|m| m.contains("environment:") && m.contains("wins")));
    assert!(rules(qwen).contains(&"config-openai-base-path".to_string()));
    assert_eq!(qwen["where"][0]["source"], "environment");
    let claude = tool(&v, "claude-code");
    let unused = claude["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["kind"] == "overridden"))
        .expect("the export Claude Code does not use");
    assert_eq!(unused["source"], "environment");
    assert!(unused["message"]
        .as_str()
        .is_some_and(|m| m.contains("settings.json:3 wins")));

    // --fix cannot change the environment: it says what to set, and writes nothing.
    let out = f.run(&["--fix"], &env);
    let s = text(&out);
    assert!(
        s.contains("--fix does not change environment variables")
            && s.contains("OPENAI_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1"),
        "{s}"
    );
    assert!(!f.home().join(".qwen/settings.json.bak").exists());
    assert_eq!(f.read(".qwen/settings.json"), QWEN_SETTINGS);
}

#[test]
fn a_variable_the_config_names_but_nobody_sets_is_named() {
    let f = correct("unset");
    let out = f.run(&["--format", "json"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let codex = tool(&v, "codex");
    let unset = &codex["findings"][0];
    assert_eq!(unset["kind"], "unset-variable");
    assert_eq!(unset["line"], 7);
    assert!(unset["message"]
        .as_str()
        .is_some_and(|m| m.contains("DASHSCOPE_API_KEY")));
}

#[test]
fn project_settings_win_over_user_settings() {
    let f = correct("project");
    f.write(
        "proj/.claude/settings.local.json",
        "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/v1\"\n  }\n}\n",
    );
    let out = f.run(&["--format", "json"], &[("DASHSCOPE_API_KEY", ENV_KEY)]);
    let v = json(&out);
    let claude = tool(&v, "claude-code");
    let base = claude["settings"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "ANTHROPIC_BASE_URL"))
        .expect("base URL in use");
    assert_eq!(
        base["source"],
        format!(".claude{}settings.local.json", std::path::MAIN_SEPARATOR)
    );
    assert_eq!(base["line"], 3);
    let w = &claude["where"][0];
    assert_eq!(w["in_use"], true);
    assert!(claude["findings"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["kind"] == "overridden")));
}

#[test]
fn a_file_that_does_not_parse_is_not_rewritten() {
    let f = Fixture::new("unparsable");
    let broken_json = CLAUDE_OK
        .replace("apps/anthropic", "compatible-mode/v1")
        .replace("\"qwen3-coder-plus\"", "\"qwen3-coder-plus\",");
    f.write(".claude/settings.json", &broken_json);
    let toml = CODEX_BROKEN.replace("[model_providers.bailian]", "[model_providers.bailian");
    f.write(".codex/config.toml", &toml);
    let out = f.run(
        &["--fix", "--unsafe-fixes"],
        &[("DASHSCOPE_API_KEY", ENV_KEY)],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let s = text(&out);
    assert!(
        s.contains("does not parse as JSON") && s.contains("does not parse as TOML"),
        "{s}"
    );
    assert_eq!(f.read(".claude/settings.json"), broken_json);
    assert_eq!(f.read(".codex/config.toml"), toml);
    assert!(!f.home().join(".claude/settings.json.bak").exists());
}

#[test]
fn codex_legacy_profile_selects_the_provider() {
    let f = Fixture::new("profile");
    f.write(
        ".codex/config.toml",
        "profile = \"bl\"\nmodel_provider = \"openai\"\n\n[profiles.bl]\nmodel_provider = \"bailian\"\n\n[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nenv_key = \"BAILIAN_KEY\"\nwire_api = \"responses\"\n",
    );
    let out = f.run(&["--format", "json"], &[]);
    let v = json(&out);
    let codex = tool(&v, "codex");
    let provider = codex["settings"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "model_provider"))
        .expect("provider in use");
    assert_eq!(provider["value"], "bailian");
    assert_eq!(provider["line"], 5);
    assert!(codex["findings"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["kind"] == "unset-variable"
            && f["message"]
                .as_str()
                .is_some_and(|m| m.contains("BAILIAN_KEY")))));
}

#[test]
fn other_tools_are_read_where_their_docs_put_them() {
    let f = Fixture::new("others");
    f.write(
        ".openclaw/openclaw.json",
        "{\n  // JSON5\n  models: {\n    providers: {\n      bailian: {\n        baseUrl: \"https://dashscope.aliyuncs.com/compatible-mode/v1\",\n        apiKey: \"${DASHSCOPE_API_KEY}\",\n      },\n    },\n  },\n}\n",
    );
    f.write(
        ".gemini/settings.json",
        "{\n  \"model\": {\"name\": \"gemini-2.5-pro\"}\n}\n",
    );
    f.write(
        ".continue/config.yaml",
        "name: Local\nmodels:\n  - name: qwen\n    provider: openai\n    model: qwen3-coder-plus\n    apiBase: https://dashscope.aliyuncs.com/compatible-mode/v1\n",
    );
    f.write(".aider.conf.yml", "model: openai/qwen3-coder-plus\nopenai-api-base: https://dashscope.aliyuncs.com/compatible-mode/v1\n");
    f.write(
        ".config/opencode/opencode.json",
        "{\n  \"model\": \"bailian/qwen3-coder-plus\"\n}\n",
    );
    f.write(
        ".cline/data/settings/providers.json",
        "{\n  \"providers\": {}\n}\n",
    );
    let out = f.run(
        &["--format", "json"],
        &[("HTTPS_PROXY", "http://127.0.0.1:7890")],
    );
    let v = json(&out);
    let ids: Vec<&str> = v["tools"]
        .as_array()
        .map(|t| t.iter().filter_map(|t| t["tool"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        ids,
        [
            "openclaw",
            "gemini-cli",
            "continue",
            "aider",
            "opencode",
            "cline"
        ],
        "{v}"
    );
    let openclaw = tool(&v, "openclaw");
    assert!(openclaw["findings"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["kind"] == "unset-variable")));
}

#[test]
fn nothing_found_and_the_environment_alone() {
    let f = Fixture::new("empty");
    let out = f.run(&[], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out).contains("No configuration"), "{}", text(&out));
    // Variables SDKs read, with no tool installed: diagnosed as their own section.
    let out = f.run(
        &["--format", "json"],
        &[
            ("OPENAI_BASE_URL", "https://dashscope.aliyuncs.com/api/v1"),
            ("OPENAI_API_KEY", ENV_KEY),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v = json(&out);
    let env = tool(&v, "environment");
    assert!(rules(env).contains(&"config-openai-base-path".to_string()));
    no_key_in(&text(&out));
}

#[test]
fn paths_follow_home_and_the_tools_own_variables() {
    let f = Fixture::new("vars");
    let elsewhere = f.root.join("codex-home");
    std::fs::create_dir_all(&elsewhere).expect("dir");
    std::fs::write(elsewhere.join("config.toml"), CODEX_BROKEN).expect("write");
    let out = f.run(
        &["--format", "json"],
        &[
            ("CODEX_HOME", elsewhere.to_str().unwrap_or("")),
            ("DASHSCOPE_API_KEY", ENV_KEY),
        ],
    );
    let v = json(&out);
    let codex = tool(&v, "codex");
    assert!(codex["files"]
        .as_array()
        .is_some_and(|f| f.iter().any(|f| f["name"]
            .as_str()
            .is_some_and(|n| Path::new(n).ends_with("codex-home/config.toml")))));
}
