use super::*;
use serde::Serialize;

/// The setting at `path`, checked: its value, and that its span holds `raw` in the paste.
#[track_caller]
fn at<'a>(c: &'a Config, text: &str, path: &str, value: &str, raw: &str) -> &'a Setting {
    let Some(s) = c.get(path) else {
        panic!(
            "no setting {path}; have: {:?}",
            c.settings
                .iter()
                .map(|s| s.path.as_str())
                .collect::<Vec<_>>()
        );
    };
    assert_eq!(s.value, value, "value of {path}");
    assert_eq!(&text[s.value_span.0..s.value_span.1], raw, "span of {path}");
    s
}

/// Replacing the value span keeps everything else byte-identical.
#[track_caller]
fn replace(text: &str, s: &Setting, new: &str) -> String {
    let (a, b) = s.value_span;
    let out = format!("{}{}{}", &text[..a], new, &text[b..]);
    assert_eq!(&out[..a], &text[..a]);
    assert_eq!(&out[a + new.len()..], &text[b..]);
    out
}

/// Every span of every setting lies on char boundaries inside the text.
#[track_caller]
fn spans_ok(c: &Config, text: &str) {
    for s in &c.settings {
        assert!(s.value_span.0 <= s.value_span.1, "{s:?}");
        assert!(text.get(s.value_span.0..s.value_span.1).is_some(), "{s:?}");
        if let Some((a, b)) = s.key_span {
            assert!(text.get(a..b).is_some(), "{s:?}");
        }
        assert!(s.block < c.blocks.len());
    }
    for b in &c.blocks {
        assert!(b.start <= b.end && b.end <= text.len(), "{b:?}");
    }
}

/// What a snapshot shows of a read: the input, its blocks, its settings in order, and the
/// paste's own notes (left out when there are none).
#[derive(Serialize)]
struct View<'a> {
    input: &'a str,
    blocks: Vec<BlockView<'a>>,
    settings: Vec<SettingView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
}

/// A block: its format, its byte range, the text it starts and ends with (its first line from
/// its start, its last line up to its end, 60 characters at most), its notes (left out when
/// there are none).
#[derive(Serialize)]
struct BlockView<'a> {
    format: &'static str,
    bytes: String,
    starts: &'a str,
    ends: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
}

/// A setting. `raw` is the text its value span covers, shown only when it is not `value`
/// itself (escapes): without `raw`, the span holds exactly the value. `key` is the text of the
/// key span; without it, the setting has no key span (a curl URL, an array element). Without
/// `quoted`, the value is not quoted; without `len`, it is not a container.
#[derive(Serialize)]
struct SettingView<'a> {
    path: &'a str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quoted: Option<char>,
    kind: ValueKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    len: Option<usize>,
    block: usize,
}

/// At most 60 characters of `s`: its first (`first`) or last ones.
fn cut(s: &str, first: bool) -> &str {
    let n = s.chars().count();
    if n <= 60 {
        return s;
    }
    let at = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(i, _)| i);
    if first {
        &s[..at(60)]
    } else {
        &s[at(n - 60)..]
    }
}

impl<'a> View<'a> {
    fn of(c: &'a Config, text: &'a str) -> View<'a> {
        let blocks = c
            .blocks
            .iter()
            .map(|b| {
                let t = &text[b.start..b.end];
                BlockView {
                    format: b.format.as_str(),
                    bytes: format!("{}..{}", b.start, b.end),
                    starts: cut(t.split('\n').next().unwrap_or(""), true),
                    ends: cut(t.rsplit('\n').next().unwrap_or(""), false),
                    notes: b.notes.iter().map(|n| n.to_string()).collect(),
                }
            })
            .collect();
        let settings = c
            .settings
            .iter()
            .map(|s| {
                let raw = &text[s.value_span.0..s.value_span.1];
                SettingView {
                    path: &s.path,
                    value: &s.value,
                    raw: (raw != s.value).then_some(raw),
                    key: s.key_span.map(|(a, b)| &text[a..b]),
                    quoted: s.quoted,
                    kind: s.kind,
                    len: s.len,
                    block: s.block,
                }
            })
            .collect();
        View {
            input: text,
            blocks,
            settings,
            notes: c.notes.iter().map(|n| n.to_string()).collect(),
        }
    }
}

/// Reads `text`, checks its spans and that settings come grouped by block in paste order, and
/// compares what was read with the snapshot `name` (snapshots/, reviewed by hand).
#[track_caller]
fn snapshot(name: &str, text: &str) {
    let c = read(text);
    spans_ok(&c, text);
    let blocks: Vec<usize> = c.settings.iter().map(|s| s.block).collect();
    assert!(
        blocks.windows(2).all(|w| w[0] <= w[1]),
        "{name}: settings are grouped by block in paste order"
    );
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_yaml_snapshot!(name, View::of(&c, text));
    });
}

const CLAUDE: &str = r#"{
  // Claude Code user settings
  "env": {
    "ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/apps/anthropic",
    "ANTHROPIC_AUTH_TOKEN": "sk-sp-0123456789abcdef0123456789abcdef",
    "ANTHROPIC_MODEL": "qwen3-coder-plus",
    "CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS": 1,
  },
  "permissions": { "allow": ["Bash(ls:*)", "Read"] },
  "includeCoAuthoredBy": false,
}
"#;

const CODEX_TOML: &str = r#"model_provider = "dashscope"
model = "qwen3-coder-plus"
model_reasoning_effort = 'high'   # literal string

[model_providers.dashscope]
name = "DashScope"
base_url = "https://dashscope.aliyuncs.com/compatible-mode/v1"
env_key = "DASHSCOPE_API_KEY"
wire_api = "chat"
request_max_retries = 4
http_headers = { "X-Tag" = "a", n = 2 }
query_params = ["a", "b",]

[model_providers."my-relay"]
base_url = "https://relay.example.com/v1"

[[profiles]]
name = "one"
[[profiles]]
name = "two"
"#;

const ENV_FILE: &str = "# .env\nDASHSCOPE_API_KEY=sk-0123456789abcdef0123\nOPENAI_BASE_URL=\"https://dashscope.aliyuncs.com/compatible-mode/v1\"\n\nexport ANTHROPIC_AUTH_TOKEN='sk-sp-xyz0123456789abcdefgh'  # token\nexport A_B=1 C_D=\"two words\"\nhttps_proxy=http://127.0.0.1:7890\nEMPTY=\n";

const OPENCLAW: &str = r#"{
  "models": {
    "mode": "merge",
    "providers": {
      "bailian": {
        "baseUrl": "https://coding.dashscope.aliyuncs.com/v1",
        "apiKey": "sk-sp-abcdef0123456789abcdef0123",
        "api": "openai-completions",
        "models": [
          { "id": "qwen3-coder-plus", "name": "Qwen3 Coder Plus", "contextWindow": 1000000, "maxTokens": 65536 }
        ]
      }
    }
  },
  "agents": { "defaults": { "model": { "primary": "bailian/qwen3-coder-plus" } } },
  "auth": { "profiles": { "bailian:default": { "provider": "bailian", "mode": "api_key", "apiKey": "sk-x" } } }
}"#;

const CURL: &str = "$ curl -sS -X POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions \\\n  -H \"Authorization: Bearer sk-0123456789abcdef0123\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\n    \"model\": \"qwen-plus\",\n    \"messages\": [{\"role\": \"user\", \"content\": \"it is \\u4f60\"}],\n    \"max_tokens\": 100000\n  }'\n";

/// JSON as people paste it: settings files, comments, single quotes, missing commas, a
/// block cut short or pasted from its middle, NUL bytes and surrogate escapes.
#[test]
fn json_files() {
    snapshot("claude_code_settings", CLAUDE);
    snapshot(
        "codex_auth_json",
        "~/.codex/auth.json:\n{\n  \"OPENAI_API_KEY\": \"sk-abcdef0123456789abcdef\"\n}\n",
    );
    snapshot("openclaw_json", OPENCLAW);
    snapshot("truncated_json_keeps_what_was_read", "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://a.example/anthropic\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"sk-012345");
    snapshot("json_pasted_from_the_middle", "    \"ANTHROPIC_BASE_URL\": \"https://a.example\",\n    \"ANTHROPIC_MODEL\": \"qwen3-max\"\n  }\n}\n");
    snapshot(
        "jsonc_block_comments_single_quotes_missing_commas",
        "{ /* c */ 'a': 'x\\'y', b: 2 \"c\": [1 2], \"d\": null, }",
    );
    snapshot(
        "json_nul_bytes_and_odd_chars",
        "{\"a\u{0}\": \"b\u{0}\", \"é\": \"ü\\ud83d\\ude00\", \"x\": \"\\ud800\"}\nKEY=\u{0}v\n",
    );
}

/// TOML: Codex `config.toml` (tables, arrays of tables, inline tables, literal strings), a
/// bare value kept with a note.
#[test]
fn toml_files() {
    snapshot("codex_config_toml", CODEX_TOML);
    snapshot(
        "toml_unquoted_value_is_kept_with_a_note",
        "[model_providers.x]\nbase_url = \"https://a/v1\"\nmodel = qwen-plus\n",
    );
}

/// Env lines: `.env`, `export`, cmd `set`/`setx`, PowerShell `$env:`, fish `set -gx`.
#[test]
fn env_lines_and_shells() {
    snapshot("env_files_and_shells", ENV_FILE);
    snapshot("windows_set_and_setx", "C:\\> rem windows\nset ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\nset \"ANTHROPIC_AUTH_TOKEN=sk-0123456789abcdef0123\"\nsetx DASHSCOPE_API_KEY \"sk-aaaa0123456789bbbb\"\n");
    snapshot("powershell_env", "$env:ANTHROPIC_BASE_URL = \"https://dashscope.aliyuncs.com/apps/anthropic\"\n$env:ANTHROPIC_MODEL='qwen3-max'\n");
    snapshot(
        "fish_set_gx",
        "set -gx OPENAI_API_KEY sk-fish0123456789abcd\n",
    );
    snapshot(
        "cmd_set_with_quotes_gets_a_note",
        "set ANTHROPIC_BASE_URL=\"https://x.example\"\n",
    );
}

/// curl commands (multi-line, Windows `^`, attached options, unbalanced quotes) and raw HTTP
/// requests.
#[test]
fn curl_and_http_requests() {
    snapshot("curl_multiline", CURL);
    snapshot("curl_double_quoted_windows_body", "curl https://api.example.com/v1/chat/completions ^\n  -H \"x-api-key: sk-ant-abc0123456789defghij\" ^\n  --data-raw \"{\\\"model\\\": \\\"qwen-max\\\", \\\"stream\\\": true}\"\n");
    snapshot("curl_json_user_and_attached_options", "curl --json '{\"model\":\"glm-4.5\"}' -u user:pa55 -XPOST -H'Accept: */*' 'https://x.example/v1/messages' | jq .\n");
    snapshot("unbalanced_quotes_in_curl", "curl https://a.example/v1 -H 'Authorization: Bearer sk-0123456789abcdef0123' \\\n  -d '{\"model\": \"qwen\"\n\nOPENAI_API_KEY=sk-zz0123456789abcdefgh\n");
    snapshot("raw_http_request", "POST /compatible-mode/v1/chat/completions HTTP/1.1\r\nHost: dashscope.aliyuncs.com\r\nAuthorization: Bearer sk-0123456789abcdef0123\r\nContent-Type: application/json\r\n\r\n{\"model\": \"qwen-max\", \"messages\": []}\r\n");
}

/// SDK calls in Python, Node, Java and Go; a traceback's code line is not a call.
#[test]
fn sdk_calls_in_code() {
    snapshot(
        "python_sdk",
        r#"from openai import OpenAI
import os

client = OpenAI(
    api_key=os.getenv("DASHSCOPE_API_KEY"),  # key from env
    base_url="https://dashscope.aliyuncs.com/compatible-mode/v1",
)
completion = client.chat.completions.create(
    model="qwen-plus",
    messages=[{'role': 'system', 'content': 'You are helpful.'}, {'role': 'user', 'content': '你好'}],
    extra_body={"enable_thinking": False},
    max_tokens=8192,
)
"#,
    );
    snapshot("python_assignments_and_langchain", "import dashscope\ndashscope.base_http_api_url = 'https://dashscope-intl.aliyuncs.com/api/v1'\nos.environ[\"OPENAI_API_KEY\"] = \"sk-abc0123456789abcdef\"\nllm = ChatOpenAI(model_name=\"qwen-max\", openai_api_base=\"https://x/v1\", openai_api_key=key)\nresponse = dashscope.Generation.call(api_key=os.getenv('DASHSCOPE_API_KEY'), model='qwen-turbo', messages=msgs)\n");
    snapshot("node_sdk", "import OpenAI from \"openai\";\nconst openai = new OpenAI({\n  apiKey: process.env.DASHSCOPE_API_KEY, // key\n  baseURL: \"https://dashscope.aliyuncs.com/compatible-mode/v1\",\n  timeout: 20 * 1000,\n});\nconst completion = await openai.chat.completions.create({\n  model: `qwen-plus`,\n  messages: [{ role: \"user\", content: \"Hi\" }],\n});\n");
    snapshot("java_builder", "OpenAIClient client = OpenAIOkHttpClient.builder()\n        .apiKey(System.getenv(\"DASHSCOPE_API_KEY\"))\n        .baseUrl(\"https://dashscope.aliyuncs.com/compatible-mode/v1\")\n        .build();\nChatCompletionCreateParams params = ChatCompletionCreateParams.builder()\n        .addUserMessage(\"Hi\")\n        .model(\"qwen-plus\")\n        .build();\n");
    snapshot("go_options", "client := openai.NewClient(\n\toption.WithAPIKey(os.Getenv(\"DASHSCOPE_API_KEY\")),\n\toption.WithBaseURL(\"https://dashscope.aliyuncs.com/compatible-mode/v1/\"),\n)\n");
    snapshot("traceback_line_is_not_a_call", "Traceback (most recent call last):\n  File \"run.py\", line 14, in <module>\n    resp = client.chat.completions.create(\n  File \"C:\\venv\\openai\\_utils.py\", line 287, in wrapper\n    return func(*args, **kwargs)\nopenai.PermissionDeniedError: Error code: 403 - {'error': {'message': 'invalid api-key'}}\n\nrun.py:\nclient = OpenAI(\n    api_key=\"sk-sp-5b0e7d2c9a1f4e8b6c3d7a9f0e2b4c61\",\n    base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\",\n)\n");
}

/// YAML: Continue's `config.yaml`, LiteLLM's zero-indented lists, Compose environments.
#[test]
fn yaml_files() {
    snapshot("continue_yaml", "name: My Config\nversion: 0.0.1\nschema: v1\nmodels:\n  - name: Qwen3 Coder\n    provider: openai\n    model: qwen3-coder-plus\n    apiBase: https://dashscope.aliyuncs.com/compatible-mode/v1  # DashScope\n    apiKey: \"sk-0123456789abcdef0123\"\n    roles:\n      - chat\n      - edit\n  - name: Other\n    apiBase: 'https://x.example/v1'\ncontext:\n  - provider: code\n");
    snapshot("yaml_zero_indented_list_and_litellm", "model_list:\n- model_name: qwen\n  litellm_params:\n    model: openai/qwen-plus\n    api_base: https://dashscope.aliyuncs.com/compatible-mode/v1\n    api_key: os.environ/DASHSCOPE_API_KEY\n");
    snapshot("yaml_compose_environment_list_and_map", "services:\n  webui:\n    environment:\n      - OLLAMA_BASE_URL=http://localhost:11434\n      - WEBUI_AUTH=false # off\n      - \"9000:8080\"\n  relay:\n    environment:\n      OPENAI_API_BASE: https://api.deepseek.com/v1\n");
}

/// Pastes that mix prose, errors and several blocks; CRLF line ends and a BOM.
#[test]
fn mixed_pastes() {
    snapshot("mixed_paste", "I get this in Claude Code:\n\n  ⎿  API Error: 401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}\n\nmy ~/.claude/settings.json:\n```json\n{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic/v1/messages\",\n    \"ANTHROPIC_API_KEY\": \"sk-0123456789abcdef0123\"\n  }\n}\n```\nand curl works:\n```\ncurl https://dashscope.aliyuncs.com/compatible-mode/v1/models -H \"Authorization: Bearer $DASHSCOPE_API_KEY\"\n```\nopenai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}\n");
    snapshot("crlf_and_bom", "\u{feff}{\r\n  \"env\": {\r\n    \"ANTHROPIC_MODEL\": \"qwen3-max\"\r\n  }\r\n}\r\nOPENAI_API_KEY=sk-0123456789abcdef0123\r\nmodel = \"x\"\r\n");
}

/// Replacing exactly a value's span rewrites that value and nothing else: the result reads
/// again, with the new value.
#[test]
fn replacing_a_value_span_keeps_the_rest() {
    let c = read(CLAUDE);
    let url = "https://coding.dashscope.aliyuncs.com/apps/anthropic";
    let s = at(&c, CLAUDE, "env.ANTHROPIC_BASE_URL", url, url);
    let fixed = replace(CLAUDE, s, "https://dashscope.aliyuncs.com/apps/anthropic");
    let c2 = read(&fixed);
    assert_eq!(
        c2.get("env.ANTHROPIC_BASE_URL").map(|s| s.value.as_str()),
        Some("https://dashscope.aliyuncs.com/apps/anthropic")
    );
    assert_eq!(c2.settings.len(), c.settings.len());

    let c = read(CODEX_TOML);
    let w = at(
        &c,
        CODEX_TOML,
        "model_providers.dashscope.wire_api",
        "chat",
        "chat",
    );
    let fixed = replace(CODEX_TOML, w, "responses");
    assert!(fixed.contains("wire_api = \"responses\"\n"));
    assert_eq!(
        read(&fixed)
            .get("model_providers.dashscope.wire_api")
            .map(|s| s.value.clone()),
        Some("responses".into())
    );

    let text = ENV_FILE;
    let c = read(text);
    let e = at(&c, text, "EMPTY", "", "");
    let fixed = replace(text, e, "x");
    assert!(fixed.ends_with("EMPTY=x\n"));

    let c = read(CURL);
    let mt = at(&c, CURL, "body.max_tokens", "100000", "100000");
    let fixed = replace(CURL, mt, "8192");
    assert_eq!(
        read(&fixed).get("body.max_tokens").map(|s| s.value.clone()),
        Some("8192".into())
    );
}

#[test]
fn prose_is_not_yaml() {
    let text = "Error: 401 Unauthorized\nStatus: failed\nmessage: Invalid API key\n";
    let c = read(text);
    assert!(c.blocks.is_empty(), "{c:?}");
}

#[test]
fn empty_and_blank() {
    for t in [
        "",
        " ",
        "\n\n\t\n",
        "\r\n",
        "\u{feff}",
        "{",
        "[",
        "\"",
        "curl",
        "curl ",
        "POST / HTTP/1.1",
        "- ",
        "a:",
        "export",
        "set \"",
        "$env:",
        "[x]",
        "OpenAI(",
        ".builder()",
        "option.With",
        "curl \"https://a.example -d \"{",
    ] {
        let c = read(t);
        spans_ok(&c, t);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    for open in ["[", "{\"a\":", "{"] {
        let text = open.repeat(100_000);
        let c = read(&text);
        spans_ok(&c, &text);
        assert!(c.settings.len() <= MAX_SETTINGS);
    }
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let c = read(&text);
    spans_ok(&c, &text);
    assert!(c.blocks.iter().any(|b| b
        .notes
        .iter()
        .any(|n| n.to_string().contains("nesting deeper"))));
    let text = format!("x = {}", "[".repeat(100_000));
    spans_ok(&read(&text), &text);
    let text = format!("client = OpenAI(a={})", "(".repeat(100_000));
    spans_ok(&read(&text), &text);
}

#[test]
fn huge_single_line() {
    // 5 MB on one line: a JSON object with one long string, then prose.
    let long = "a".repeat(5 * 1024 * 1024);
    let text = format!("{{\"k\": \"{long}\", \"model\": \"m\"}} trailing");
    let c = read(&text);
    spans_ok(&c, &text);
    assert_eq!(c.get("model").map(|s| s.value.as_str()), Some("m"));
    // 5 MB of prose with many braces and markers.
    let text = "x: {\"a\" OpenAI( curl { ".repeat(5 * 1024 * 1024 / 24);
    let c = read(&text);
    spans_ok(&c, &text);
    // 5 MB of one minified JSON array of objects: capped at MAX_SETTINGS.
    let text = format!("[{}]", "{\"a\":1},".repeat(5 * 1024 * 1024 / 8));
    let c = read(&text);
    spans_ok(&c, &text);
    assert_eq!(c.settings.len(), MAX_SETTINGS);
    assert!(!c.notes.is_empty());
}

#[test]
fn many_lines_of_blocks() {
    let text = "{\"a\":\n".repeat(20_000);
    spans_ok(&read(&text), &text);
    let text = "curl 'x\n".repeat(20_000);
    spans_ok(&read(&text), &text);
    let text = "A=1\n[t]\nk = \"v\"\n".repeat(20_000);
    let c = read(&text);
    spans_ok(&c, &text);
    assert!(c.blocks.len() <= MAX_BLOCKS);
}

#[test]
fn fuzz_prefixes_never_panic() {
    let samples = [CLAUDE, OPENCLAW, CURL];
    for s in samples {
        for (i, _) in s.char_indices() {
            let t = &s[..i];
            spans_ok(&read(t), t);
            let t = &s[i..];
            spans_ok(&read(t), t);
        }
    }
}

#[test]
fn snake_case_names() {
    assert_eq!(snake("baseURL"), "base_url");
    assert_eq!(snake("APIKey"), "api_key");
    assert_eq!(snake("maxTokens"), "max_tokens");
    assert_eq!(snake("base_url"), "base_url");
    assert_eq!(code::norm("openai_api_base"), "base_url");
    assert_eq!(code::norm("apiKey"), "api_key");
}

#[test]
fn find_by_suffix() {
    let c = read(CLAUDE);
    assert_eq!(
        c.find("anthropic_model").map(|s| s.path.as_str()),
        Some("env.ANTHROPIC_MODEL")
    );
    assert!(c.find("MODEL").is_none());
    assert!(read(OPENCLAW).find("apiKey").is_some());
}

#[test]
fn logfmt_is_not_toml() {
    let text = "time=\"2026-05-02T09:11:03Z\" level=error msg=\"chat completion failed\"\n";
    assert!(read(text).blocks.is_empty());
}

#[test]
fn many_unclosed_calls_stay_linear() {
    let text = "x = OpenAI( a {\n".repeat(50_000);
    spans_ok(&read(&text), &text);
    let text = "resp = client.chat.completions.create(\n  File \"x\", line 1\n".repeat(20_000);
    spans_ok(&read(&text), &text);
}

#[test]
fn is_decimal_reads_numbers_as_f64_from_str_does() {
    let mut cases: Vec<String> = [
        "0",
        "1",
        "-1",
        "+1",
        "1.",
        ".5",
        ".",
        "-.",
        "1e5",
        "1E+5",
        "1e-5",
        "1e",
        "1e+",
        "e5",
        "1.5e3",
        "inf",
        "-inf",
        "+Infinity",
        "NaN",
        "nan1",
        "infinit",
        "1_000",
        "0x10",
        "1.2.3",
        "",
        "-",
        "+",
        "١",
        "1 ",
        " 1",
        "12abc",
        "1.e5",
        ".e5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every string of up to four characters over the alphabet numbers are made of.
    let alphabet = ['1', '.', 'e', '+', '-', 'E', '0'];
    let mut level = vec![String::new()];
    for _ in 0..4 {
        level = level
            .iter()
            .flat_map(|p| alphabet.iter().map(move |c| format!("{p}{c}")))
            .collect();
        cases.extend(level.iter().cloned());
    }
    for s in &cases {
        assert_eq!(super::is_decimal(s), s.parse::<f64>().is_ok(), "{s:?}");
    }
}
