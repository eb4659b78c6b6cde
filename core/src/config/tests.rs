use super::*;

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

#[track_caller]
fn key_text<'a>(s: &Setting, text: &'a str) -> &'a str {
    let (a, b) = s.key_span.expect("key span");
    &text[a..b]
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

fn formats(c: &Config) -> Vec<&'static str> {
    c.blocks.iter().map(|b| b.format.as_str()).collect()
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

#[test]
fn claude_code_settings() {
    let c = read(CLAUDE);
    spans_ok(&c, CLAUDE);
    assert_eq!(formats(&c), ["json"]);
    let url = "https://coding.dashscope.aliyuncs.com/apps/anthropic";
    let s = at(&c, CLAUDE, "env.ANTHROPIC_BASE_URL", url, url);
    assert_eq!(key_text(s, CLAUDE), "ANTHROPIC_BASE_URL");
    assert_eq!(s.quoted, Some('"'));
    assert_eq!(s.kind, ValueKind::Str);
    at(
        &c,
        CLAUDE,
        "env.ANTHROPIC_MODEL",
        "qwen3-coder-plus",
        "qwen3-coder-plus",
    );
    let n = at(
        &c,
        CLAUDE,
        "env.CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS",
        "1",
        "1",
    );
    assert_eq!(n.kind, ValueKind::Num);
    let env = c.get("env").expect("env object");
    assert_eq!(env.kind, ValueKind::Object);
    assert_eq!(env.len, Some(4));
    assert!(CLAUDE[env.value_span.0..env.value_span.1].starts_with('{'));
    assert!(CLAUDE[env.value_span.0..env.value_span.1].ends_with('}'));
    let allow = c.get("permissions.allow").expect("array");
    assert_eq!((allow.kind, allow.len), (ValueKind::Array, Some(2)));
    at(
        &c,
        CLAUDE,
        "permissions.allow.0",
        "Bash(ls:*)",
        "Bash(ls:*)",
    );
    assert_eq!(
        c.get("includeCoAuthoredBy").map(|s| s.kind),
        Some(ValueKind::Bool)
    );
    assert!(c.blocks[0].notes.is_empty(), "{:?}", c.blocks[0].notes);
    // Replace the base URL: the rest is untouched and the result still reads.
    let fixed = replace(CLAUDE, s, "https://dashscope.aliyuncs.com/apps/anthropic");
    let c2 = read(&fixed);
    assert_eq!(
        c2.get("env.ANTHROPIC_BASE_URL").map(|s| s.value.as_str()),
        Some("https://dashscope.aliyuncs.com/apps/anthropic")
    );
    assert_eq!(c2.settings.len(), c.settings.len());
}

#[test]
fn codex_config_toml() {
    let text = r#"model_provider = "dashscope"
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
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["toml"], "{:?}", c.blocks);
    at(&c, text, "model_provider", "dashscope", "dashscope");
    let e = at(&c, text, "model_reasoning_effort", "high", "high");
    assert_eq!(e.quoted, Some('\''));
    let base = "https://dashscope.aliyuncs.com/compatible-mode/v1";
    let s = at(&c, text, "model_providers.dashscope.base_url", base, base);
    assert_eq!(key_text(s, text), "base_url");
    at(
        &c,
        text,
        "model_providers.dashscope.env_key",
        "DASHSCOPE_API_KEY",
        "DASHSCOPE_API_KEY",
    );
    let w = at(
        &c,
        text,
        "model_providers.dashscope.wire_api",
        "chat",
        "chat",
    );
    at(
        &c,
        text,
        "model_providers.dashscope.request_max_retries",
        "4",
        "4",
    );
    at(
        &c,
        text,
        "model_providers.dashscope.http_headers.X-Tag",
        "a",
        "a",
    );
    at(
        &c,
        text,
        "model_providers.dashscope.http_headers.n",
        "2",
        "2",
    );
    assert_eq!(
        c.get("model_providers.dashscope.query_params")
            .and_then(|s| s.len),
        Some(2)
    );
    at(
        &c,
        text,
        "model_providers.my-relay.base_url",
        "https://relay.example.com/v1",
        "https://relay.example.com/v1",
    );
    at(&c, text, "profiles.0.name", "one", "one");
    at(&c, text, "profiles.1.name", "two", "two");
    assert!(c.blocks[0].notes.is_empty(), "{:?}", c.blocks[0].notes);
    assert_eq!(c.blocks[0].start, 0);
    assert_eq!(c.blocks[0].end, text.trim_end().len());
    let fixed = replace(text, w, "responses");
    assert!(fixed.contains("wire_api = \"responses\"\n"));
    assert_eq!(
        read(&fixed)
            .get("model_providers.dashscope.wire_api")
            .map(|s| s.value.clone()),
        Some("responses".into())
    );
}

#[test]
fn toml_unquoted_value_is_kept_with_a_note() {
    let text = "[model_providers.x]\nbase_url = \"https://a/v1\"\nmodel = qwen-plus\n";
    let c = read(text);
    at(
        &c,
        text,
        "model_providers.x.model",
        "qwen-plus",
        "qwen-plus",
    );
    assert!(
        c.blocks[0]
            .notes
            .iter()
            .any(|n| n.to_string().contains("not a TOML value")),
        "{:?}",
        c.blocks
    );
}

#[test]
fn codex_auth_json() {
    let text = "~/.codex/auth.json:\n{\n  \"OPENAI_API_KEY\": \"sk-abcdef0123456789abcdef\"\n}\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["json"]);
    at(
        &c,
        text,
        "OPENAI_API_KEY",
        "sk-abcdef0123456789abcdef",
        "sk-abcdef0123456789abcdef",
    );
}

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

#[test]
fn openclaw_json() {
    let c = read(OPENCLAW);
    spans_ok(&c, OPENCLAW);
    at(
        &c,
        OPENCLAW,
        "models.providers.bailian.baseUrl",
        "https://coding.dashscope.aliyuncs.com/v1",
        "https://coding.dashscope.aliyuncs.com/v1",
    );
    at(
        &c,
        OPENCLAW,
        "models.providers.bailian.apiKey",
        "sk-sp-abcdef0123456789abcdef0123",
        "sk-sp-abcdef0123456789abcdef0123",
    );
    at(
        &c,
        OPENCLAW,
        "models.providers.bailian.models.0.id",
        "qwen3-coder-plus",
        "qwen3-coder-plus",
    );
    at(
        &c,
        OPENCLAW,
        "models.providers.bailian.models.0.contextWindow",
        "1000000",
        "1000000",
    );
    at(
        &c,
        OPENCLAW,
        "agents.defaults.model.primary",
        "bailian/qwen3-coder-plus",
        "bailian/qwen3-coder-plus",
    );
    at(
        &c,
        OPENCLAW,
        "auth.profiles.bailian:default.apiKey",
        "sk-x",
        "sk-x",
    );
    assert_eq!(
        c.get("models.providers.bailian.models").and_then(|s| s.len),
        Some(1)
    );
    assert!(c.find("apiKey").is_some());
}

#[test]
fn env_files_and_shells() {
    let text = "# .env\nDASHSCOPE_API_KEY=sk-0123456789abcdef0123\nOPENAI_BASE_URL=\"https://dashscope.aliyuncs.com/compatible-mode/v1\"\n\nexport ANTHROPIC_AUTH_TOKEN='sk-sp-xyz0123456789abcdefgh'  # token\nexport A_B=1 C_D=\"two words\"\nhttps_proxy=http://127.0.0.1:7890\nEMPTY=\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["env"], "{:?}", c.blocks);
    at(
        &c,
        text,
        "DASHSCOPE_API_KEY",
        "sk-0123456789abcdef0123",
        "sk-0123456789abcdef0123",
    );
    let u = at(
        &c,
        text,
        "OPENAI_BASE_URL",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
    assert_eq!(u.quoted, Some('"'));
    let t = at(
        &c,
        text,
        "ANTHROPIC_AUTH_TOKEN",
        "sk-sp-xyz0123456789abcdefgh",
        "sk-sp-xyz0123456789abcdefgh",
    );
    assert_eq!(t.quoted, Some('\''));
    assert_eq!(key_text(t, text), "ANTHROPIC_AUTH_TOKEN");
    at(&c, text, "A_B", "1", "1");
    at(&c, text, "C_D", "two words", "two words");
    at(
        &c,
        text,
        "https_proxy",
        "http://127.0.0.1:7890",
        "http://127.0.0.1:7890",
    );
    let e = at(&c, text, "EMPTY", "", "");
    let fixed = replace(text, e, "x");
    assert!(fixed.ends_with("EMPTY=x\n"));
}

#[test]
fn windows_set_setx_and_powershell() {
    let text = "C:\\> rem windows\nset ANTHROPIC_BASE_URL=https://dashscope.aliyuncs.com/apps/anthropic\nset \"ANTHROPIC_AUTH_TOKEN=sk-0123456789abcdef0123\"\nsetx DASHSCOPE_API_KEY \"sk-aaaa0123456789bbbb\"\n";
    let c = read(text);
    spans_ok(&c, text);
    at(
        &c,
        text,
        "ANTHROPIC_BASE_URL",
        "https://dashscope.aliyuncs.com/apps/anthropic",
        "https://dashscope.aliyuncs.com/apps/anthropic",
    );
    let t = at(
        &c,
        text,
        "ANTHROPIC_AUTH_TOKEN",
        "sk-0123456789abcdef0123",
        "sk-0123456789abcdef0123",
    );
    assert_eq!(t.quoted, Some('"'));
    at(
        &c,
        text,
        "DASHSCOPE_API_KEY",
        "sk-aaaa0123456789bbbb",
        "sk-aaaa0123456789bbbb",
    );

    let ps = "PS C:\\Users\\me> $env:ANTHROPIC_BASE_URL = \"https://dashscope.aliyuncs.com/apps/anthropic\"\n$env:ANTHROPIC_MODEL='qwen3-max'\n";
    let ps = &ps["PS C:\\Users\\me> ".len()..];
    let c = read(ps);
    spans_ok(&c, ps);
    assert_eq!(formats(&c), ["env"]);
    at(
        &c,
        ps,
        "ANTHROPIC_BASE_URL",
        "https://dashscope.aliyuncs.com/apps/anthropic",
        "https://dashscope.aliyuncs.com/apps/anthropic",
    );
    at(&c, ps, "ANTHROPIC_MODEL", "qwen3-max", "qwen3-max");

    let fish = "set -gx OPENAI_API_KEY sk-fish0123456789abcd\n";
    let c = read(fish);
    at(
        &c,
        fish,
        "OPENAI_API_KEY",
        "sk-fish0123456789abcd",
        "sk-fish0123456789abcd",
    );
}

const CURL: &str = "$ curl -sS -X POST https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions \\\n  -H \"Authorization: Bearer sk-0123456789abcdef0123\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\n    \"model\": \"qwen-plus\",\n    \"messages\": [{\"role\": \"user\", \"content\": \"it is \\u4f60\"}],\n    \"max_tokens\": 100000\n  }'\n";

#[test]
fn curl_multiline() {
    let c = read(CURL);
    spans_ok(&c, CURL);
    assert_eq!(formats(&c), ["curl"], "{:?}", c);
    let url = "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions";
    let u = at(&c, CURL, "url", url, url);
    assert_eq!(u.key_span, None);
    at(&c, CURL, "method", "POST", "POST");
    let a = at(
        &c,
        CURL,
        "header.Authorization",
        "Bearer sk-0123456789abcdef0123",
        "Bearer sk-0123456789abcdef0123",
    );
    assert_eq!(key_text(a, CURL), "Authorization");
    assert_eq!(a.quoted, Some('"'));
    let ct = at(
        &c,
        CURL,
        "header.Content-Type",
        "application/json",
        "application/json",
    );
    assert_eq!(ct.quoted, Some('\''));
    let m = at(&c, CURL, "body.model", "qwen-plus", "qwen-plus");
    assert_eq!(key_text(m, CURL), "model");
    let msgs = c.get("body.messages").expect("messages");
    assert_eq!((msgs.kind, msgs.len), (ValueKind::Array, Some(1)));
    at(&c, CURL, "body.messages.0.role", "user", "user");
    // JSON escapes are decoded; the span keeps the raw text.
    at(
        &c,
        CURL,
        "body.messages.0.content",
        "it is \u{4f60}",
        "it is \\u4f60",
    );
    let mt = at(&c, CURL, "body.max_tokens", "100000", "100000");
    assert_eq!(mt.kind, ValueKind::Num);
    assert_eq!(c.get("body").map(|s| s.kind), Some(ValueKind::Object));
    let b = &c.blocks[0];
    assert_eq!(&CURL[b.start..b.start + 4], "curl");
    assert!(CURL[..b.end].ends_with("}'"), "{:?}", &CURL[b.start..b.end]);
    let fixed = replace(CURL, mt, "8192");
    assert_eq!(
        read(&fixed).get("body.max_tokens").map(|s| s.value.clone()),
        Some("8192".into())
    );
}

#[test]
fn curl_double_quoted_windows_body() {
    let text = "curl https://api.example.com/v1/chat/completions ^\n  -H \"x-api-key: sk-ant-abc0123456789defghij\" ^\n  --data-raw \"{\\\"model\\\": \\\"qwen-max\\\", \\\"stream\\\": true}\"\n";
    let c = read(text);
    spans_ok(&c, text);
    at(
        &c,
        text,
        "url",
        "https://api.example.com/v1/chat/completions",
        "https://api.example.com/v1/chat/completions",
    );
    at(
        &c,
        text,
        "header.x-api-key",
        "sk-ant-abc0123456789defghij",
        "sk-ant-abc0123456789defghij",
    );
    let m = at(&c, text, "body.model", "qwen-max", "qwen-max");
    assert_eq!(key_text(m, text), "model");
    at(&c, text, "body.stream", "true", "true");
}

#[test]
fn curl_json_user_and_attached_options() {
    let text = "curl --json '{\"model\":\"glm-4.5\"}' -u user:pa55 -XPOST -H'Accept: */*' 'https://x.example/v1/messages' | jq .\n";
    let c = read(text);
    spans_ok(&c, text);
    at(&c, text, "body.model", "glm-4.5", "glm-4.5");
    at(&c, text, "user", "user:pa55", "user:pa55");
    at(&c, text, "method", "POST", "POST");
    at(&c, text, "header.Accept", "*/*", "*/*");
    let u = at(
        &c,
        text,
        "url",
        "https://x.example/v1/messages",
        "https://x.example/v1/messages",
    );
    assert_eq!(u.quoted, Some('\''));
    assert_eq!(c.settings.iter().filter(|s| s.path == "url").count(), 1);
}

#[test]
fn python_sdk() {
    let text = r#"from openai import OpenAI
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
"#;
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["code", "code"], "{:?}", c.blocks);
    let k = at(
        &c,
        text,
        "call.api_key",
        "os.getenv(\"DASHSCOPE_API_KEY\")",
        "os.getenv(\"DASHSCOPE_API_KEY\")",
    );
    assert_eq!(k.kind, ValueKind::Expr);
    assert_eq!(key_text(k, text), "api_key");
    let b = at(
        &c,
        text,
        "call.base_url",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
    assert_eq!(b.quoted, Some('"'));
    at(&c, text, "call.model", "qwen-plus", "qwen-plus");
    assert_eq!(c.get("call.messages").and_then(|s| s.len), Some(2));
    at(&c, text, "call.messages.1.content", "你好", "你好");
    let t = at(
        &c,
        text,
        "call.extra_body.enable_thinking",
        "False",
        "False",
    );
    assert_eq!(t.kind, ValueKind::Bool);
    at(&c, text, "call.max_tokens", "8192", "8192");
    assert_eq!(c.blocks[0].start, text.find("client = OpenAI").unwrap_or(0));
}

#[test]
fn python_assignments_and_langchain() {
    let text = "import dashscope\ndashscope.base_http_api_url = 'https://dashscope-intl.aliyuncs.com/api/v1'\nos.environ[\"OPENAI_API_KEY\"] = \"sk-abc0123456789abcdef\"\nllm = ChatOpenAI(model_name=\"qwen-max\", openai_api_base=\"https://x/v1\", openai_api_key=key)\nresponse = dashscope.Generation.call(api_key=os.getenv('DASHSCOPE_API_KEY'), model='qwen-turbo', messages=msgs)\n";
    let c = read(text);
    spans_ok(&c, text);
    at(
        &c,
        text,
        "call.base_http_api_url",
        "https://dashscope-intl.aliyuncs.com/api/v1",
        "https://dashscope-intl.aliyuncs.com/api/v1",
    );
    at(
        &c,
        text,
        "OPENAI_API_KEY",
        "sk-abc0123456789abcdef",
        "sk-abc0123456789abcdef",
    );
    at(&c, text, "call.model", "qwen-max", "qwen-max");
    at(&c, text, "call.base_url", "https://x/v1", "https://x/v1");
    assert_eq!(c.get("call.api_key").map(|s| s.kind), Some(ValueKind::Expr));
    assert!(c.all("call.model").any(|s| s.value == "qwen-turbo"));
    assert_eq!(formats(&c), ["code", "code", "code", "code"]);
}

#[test]
fn node_sdk() {
    let text = "import OpenAI from \"openai\";\nconst openai = new OpenAI({\n  apiKey: process.env.DASHSCOPE_API_KEY, // key\n  baseURL: \"https://dashscope.aliyuncs.com/compatible-mode/v1\",\n  timeout: 20 * 1000,\n});\nconst completion = await openai.chat.completions.create({\n  model: `qwen-plus`,\n  messages: [{ role: \"user\", content: \"Hi\" }],\n});\n";
    let c = read(text);
    spans_ok(&c, text);
    let k = at(
        &c,
        text,
        "call.api_key",
        "process.env.DASHSCOPE_API_KEY",
        "process.env.DASHSCOPE_API_KEY",
    );
    assert_eq!(k.kind, ValueKind::Expr);
    assert_eq!(key_text(k, text), "apiKey");
    at(
        &c,
        text,
        "call.base_url",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
    at(&c, text, "call.timeout", "20 * 1000", "20 * 1000");
    let m = at(&c, text, "call.model", "qwen-plus", "qwen-plus");
    assert_eq!(m.quoted, Some('`'));
    assert_eq!(c.get("call.messages").and_then(|s| s.len), Some(1));
    at(&c, text, "call.messages.0.role", "user", "user");
}

#[test]
fn java_builder_and_go_options() {
    let text = "OpenAIClient client = OpenAIOkHttpClient.builder()\n        .apiKey(System.getenv(\"DASHSCOPE_API_KEY\"))\n        .baseUrl(\"https://dashscope.aliyuncs.com/compatible-mode/v1\")\n        .build();\nChatCompletionCreateParams params = ChatCompletionCreateParams.builder()\n        .addUserMessage(\"Hi\")\n        .model(\"qwen-plus\")\n        .build();\n";
    let c = read(text);
    spans_ok(&c, text);
    let k = at(
        &c,
        text,
        "call.api_key",
        "System.getenv(\"DASHSCOPE_API_KEY\")",
        "System.getenv(\"DASHSCOPE_API_KEY\")",
    );
    assert_eq!(k.kind, ValueKind::Expr);
    at(
        &c,
        text,
        "call.base_url",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
    at(&c, text, "call.model", "qwen-plus", "qwen-plus");
    assert_eq!(formats(&c), ["code", "code"]);

    let go = "client := openai.NewClient(\n\toption.WithAPIKey(os.Getenv(\"DASHSCOPE_API_KEY\")),\n\toption.WithBaseURL(\"https://dashscope.aliyuncs.com/compatible-mode/v1/\"),\n)\n";
    let c = read(go);
    spans_ok(&c, go);
    assert_eq!(c.get("call.api_key").map(|s| s.kind), Some(ValueKind::Expr));
    at(
        &c,
        go,
        "call.base_url",
        "https://dashscope.aliyuncs.com/compatible-mode/v1/",
        "https://dashscope.aliyuncs.com/compatible-mode/v1/",
    );
}

#[test]
fn raw_http_request() {
    let text = "POST /compatible-mode/v1/chat/completions HTTP/1.1\r\nHost: dashscope.aliyuncs.com\r\nAuthorization: Bearer sk-0123456789abcdef0123\r\nContent-Type: application/json\r\n\r\n{\"model\": \"qwen-max\", \"messages\": []}\r\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["http"]);
    at(&c, text, "method", "POST", "POST");
    at(
        &c,
        text,
        "url",
        "/compatible-mode/v1/chat/completions",
        "/compatible-mode/v1/chat/completions",
    );
    let h = at(
        &c,
        text,
        "header.Host",
        "dashscope.aliyuncs.com",
        "dashscope.aliyuncs.com",
    );
    assert_eq!(key_text(h, text), "Host");
    at(
        &c,
        text,
        "header.Authorization",
        "Bearer sk-0123456789abcdef0123",
        "Bearer sk-0123456789abcdef0123",
    );
    at(&c, text, "body.model", "qwen-max", "qwen-max");
    assert_eq!(c.get("body.messages").and_then(|s| s.len), Some(0));
    assert!(text[..c.blocks[0].end].ends_with('}'));
}

#[test]
fn continue_yaml() {
    let text = "name: My Config\nversion: 0.0.1\nschema: v1\nmodels:\n  - name: Qwen3 Coder\n    provider: openai\n    model: qwen3-coder-plus\n    apiBase: https://dashscope.aliyuncs.com/compatible-mode/v1  # DashScope\n    apiKey: \"sk-0123456789abcdef0123\"\n    roles:\n      - chat\n      - edit\n  - name: Other\n    apiBase: 'https://x.example/v1'\ncontext:\n  - provider: code\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["yaml"], "{:?}", c.blocks);
    at(&c, text, "name", "My Config", "My Config");
    at(&c, text, "models.0.name", "Qwen3 Coder", "Qwen3 Coder");
    let b = at(
        &c,
        text,
        "models.0.apiBase",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
    assert_eq!(key_text(b, text), "apiBase");
    let k = at(
        &c,
        text,
        "models.0.apiKey",
        "sk-0123456789abcdef0123",
        "sk-0123456789abcdef0123",
    );
    assert_eq!(k.quoted, Some('"'));
    at(&c, text, "models.0.roles.1", "edit", "edit");
    at(
        &c,
        text,
        "models.1.apiBase",
        "https://x.example/v1",
        "https://x.example/v1",
    );
    at(&c, text, "context.0.provider", "code", "code");
    let v = at(&c, text, "version", "0.0.1", "0.0.1");
    assert_eq!(v.kind, ValueKind::Str);
}

#[test]
fn yaml_zero_indented_list_and_litellm() {
    let text = "model_list:\n- model_name: qwen\n  litellm_params:\n    model: openai/qwen-plus\n    api_base: https://dashscope.aliyuncs.com/compatible-mode/v1\n    api_key: os.environ/DASHSCOPE_API_KEY\n";
    let c = read(text);
    spans_ok(&c, text);
    at(&c, text, "model_list.0.model_name", "qwen", "qwen");
    at(
        &c,
        text,
        "model_list.0.litellm_params.api_base",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
    at(
        &c,
        text,
        "model_list.0.litellm_params.api_key",
        "os.environ/DASHSCOPE_API_KEY",
        "os.environ/DASHSCOPE_API_KEY",
    );
}

#[test]
fn yaml_compose_environment_list_and_map() {
    let text = "services:\n  webui:\n    environment:\n      - OLLAMA_BASE_URL=http://localhost:11434\n      - WEBUI_AUTH=false # off\n      - \"9000:8080\"\n  relay:\n    environment:\n      OPENAI_API_BASE: https://api.deepseek.com/v1\n";
    let c = read(text);
    spans_ok(&c, text);
    at(
        &c,
        text,
        "services.webui.environment.OLLAMA_BASE_URL",
        "http://localhost:11434",
        "http://localhost:11434",
    );
    at(
        &c,
        text,
        "services.webui.environment.WEBUI_AUTH",
        "false",
        "false",
    );
    at(
        &c,
        text,
        "services.webui.environment.2",
        "9000:8080",
        "9000:8080",
    );
    at(
        &c,
        text,
        "services.relay.environment.OPENAI_API_BASE",
        "https://api.deepseek.com/v1",
        "https://api.deepseek.com/v1",
    );
    let key = c
        .get("services.webui.environment.OLLAMA_BASE_URL")
        .and_then(|s| s.key_span);
    assert_eq!(
        key.and_then(|(a, b)| text.get(a..b)),
        Some("OLLAMA_BASE_URL")
    );
}

#[test]
fn prose_is_not_yaml() {
    let text = "Error: 401 Unauthorized\nStatus: failed\nmessage: Invalid API key\n";
    let c = read(text);
    assert!(c.blocks.is_empty(), "{c:?}");
}

#[test]
fn mixed_paste() {
    let text = "I get this in Claude Code:\n\n  ⎿  API Error: 401 {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}\n\nmy ~/.claude/settings.json:\n```json\n{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic/v1/messages\",\n    \"ANTHROPIC_API_KEY\": \"sk-0123456789abcdef0123\"\n  }\n}\n```\nand curl works:\n```\ncurl https://dashscope.aliyuncs.com/compatible-mode/v1/models -H \"Authorization: Bearer $DASHSCOPE_API_KEY\"\n```\nopenai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(
        formats(&c),
        ["json", "json", "curl", "json"],
        "{:#?}",
        c.blocks
    );
    at(
        &c,
        text,
        "error.message",
        "invalid x-api-key",
        "invalid x-api-key",
    );
    at(
        &c,
        text,
        "env.ANTHROPIC_BASE_URL",
        "https://dashscope.aliyuncs.com/apps/anthropic/v1/messages",
        "https://dashscope.aliyuncs.com/apps/anthropic/v1/messages",
    );
    at(
        &c,
        text,
        "env.ANTHROPIC_API_KEY",
        "sk-0123456789abcdef0123",
        "sk-0123456789abcdef0123",
    );
    at(
        &c,
        text,
        "header.Authorization",
        "Bearer $DASHSCOPE_API_KEY",
        "Bearer $DASHSCOPE_API_KEY",
    );
    at(
        &c,
        text,
        "url",
        "https://dashscope.aliyuncs.com/compatible-mode/v1/models",
        "https://dashscope.aliyuncs.com/compatible-mode/v1/models",
    );
    assert!(c
        .all("error.code")
        .any(|s| s.value == "invalid_api_key" && s.quoted == Some('\'')));
    // Settings are grouped by block in paste order.
    let blocks: Vec<usize> = c.settings.iter().map(|s| s.block).collect();
    assert!(blocks.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn truncated_json_keeps_what_was_read() {
    let text = "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://a.example/anthropic\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"sk-012345";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["json"]);
    at(
        &c,
        text,
        "env.ANTHROPIC_BASE_URL",
        "https://a.example/anthropic",
        "https://a.example/anthropic",
    );
    at(
        &c,
        text,
        "env.ANTHROPIC_AUTH_TOKEN",
        "sk-012345",
        "sk-012345",
    );
    assert!(
        c.blocks[0]
            .notes
            .contains(&super::Note::JsonEndsEarly { line: 4 }),
        "{:?}",
        c.blocks[0].notes
    );
}

#[test]
fn json_pasted_from_the_middle() {
    let text = "    \"ANTHROPIC_BASE_URL\": \"https://a.example\",\n    \"ANTHROPIC_MODEL\": \"qwen3-max\"\n  }\n}\n";
    let c = read(text);
    spans_ok(&c, text);
    at(
        &c,
        text,
        "ANTHROPIC_BASE_URL",
        "https://a.example",
        "https://a.example",
    );
    at(&c, text, "ANTHROPIC_MODEL", "qwen3-max", "qwen3-max");
    assert!(c.blocks[0]
        .notes
        .iter()
        .any(|n| n.to_string().contains("without its opening")));
}

#[test]
fn jsonc_block_comments_single_quotes_missing_commas() {
    let text = "{ /* c */ 'a': 'x\\'y', b: 2 \"c\": [1 2], \"d\": null, }";
    let c = read(text);
    spans_ok(&c, text);
    at(&c, text, "a", "x'y", "x\\'y");
    at(&c, text, "b", "2", "2");
    at(&c, text, "c.1", "2", "2");
    assert_eq!(c.get("d").map(|s| s.kind), Some(ValueKind::Null));
    assert!(c.blocks[0]
        .notes
        .iter()
        .any(|n| n.to_string().contains("missing ','")));
}

#[test]
fn crlf_and_bom() {
    let text = "\u{feff}{\r\n  \"env\": {\r\n    \"ANTHROPIC_MODEL\": \"qwen3-max\"\r\n  }\r\n}\r\nOPENAI_API_KEY=sk-0123456789abcdef0123\r\nmodel = \"x\"\r\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["json", "env", "toml"]);
    at(&c, text, "env.ANTHROPIC_MODEL", "qwen3-max", "qwen3-max");
    at(
        &c,
        text,
        "OPENAI_API_KEY",
        "sk-0123456789abcdef0123",
        "sk-0123456789abcdef0123",
    );
    at(&c, text, "model", "x", "x");
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
fn unbalanced_quotes_in_curl() {
    let text = "curl https://a.example/v1 -H 'Authorization: Bearer sk-0123456789abcdef0123' \\\n  -d '{\"model\": \"qwen\"\n\nOPENAI_API_KEY=sk-zz0123456789abcdefgh\n";
    let c = read(text);
    spans_ok(&c, text);
    assert!(c.blocks.first().is_some_and(|b| b.format == Format::Curl));
    assert!(
        c.blocks[0]
            .notes
            .iter()
            .any(|n| n.to_string().contains("unclosed")),
        "{:?}",
        c.blocks
    );
    at(
        &c,
        text,
        "OPENAI_API_KEY",
        "sk-zz0123456789abcdefgh",
        "sk-zz0123456789abcdefgh",
    );
    let text = "curl \"https://a.example -d \"{";
    spans_ok(&read(text), text);
}

#[test]
fn nul_bytes_and_odd_chars() {
    let text =
        "{\"a\u{0}\": \"b\u{0}\", \"é\": \"ü\\ud83d\\ude00\", \"x\": \"\\ud800\"}\nKEY=\u{0}v\n";
    let c = read(text);
    spans_ok(&c, text);
    at(&c, text, "é", "ü😀", "ü\\ud83d\\ude00");
    assert_eq!(c.get("x").map(|s| s.value.as_str()), Some("\u{fffd}"));
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
}

#[test]
fn traceback_line_is_not_a_call() {
    let text = "Traceback (most recent call last):\n  File \"run.py\", line 14, in <module>\n    resp = client.chat.completions.create(\n  File \"C:\\venv\\openai\\_utils.py\", line 287, in wrapper\n    return func(*args, **kwargs)\nopenai.PermissionDeniedError: Error code: 403 - {'error': {'message': 'invalid api-key'}}\n\nrun.py:\nclient = OpenAI(\n    api_key=\"sk-sp-5b0e7d2c9a1f4e8b6c3d7a9f0e2b4c61\",\n    base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\",\n)\n";
    let c = read(text);
    spans_ok(&c, text);
    assert_eq!(formats(&c), ["json", "code"], "{:#?}", c.blocks);
    at(
        &c,
        text,
        "error.message",
        "invalid api-key",
        "invalid api-key",
    );
    at(
        &c,
        text,
        "call.api_key",
        "sk-sp-5b0e7d2c9a1f4e8b6c3d7a9f0e2b4c61",
        "sk-sp-5b0e7d2c9a1f4e8b6c3d7a9f0e2b4c61",
    );
    at(
        &c,
        text,
        "call.base_url",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
        "https://dashscope.aliyuncs.com/compatible-mode/v1",
    );
}

#[test]
fn logfmt_is_not_toml() {
    let text = "time=\"2026-05-02T09:11:03Z\" level=error msg=\"chat completion failed\"\n";
    assert!(read(text).blocks.is_empty());
}

#[test]
fn cmd_set_with_quotes_gets_a_note() {
    let text = "set ANTHROPIC_BASE_URL=\"https://x.example\"\n";
    let c = read(text);
    at(
        &c,
        text,
        "ANTHROPIC_BASE_URL",
        "https://x.example",
        "https://x.example",
    );
    assert!(c.blocks[0]
        .notes
        .iter()
        .any(|n| n.to_string().contains("keeps the quotes")));
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
