//! Realistic pastes, one per tool, for the examples menu. Keys are fake (right shape, never
//! issued); the engine masks them like real ones.

use llmdoctor_core::Lang;

pub struct Example {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub text: &'static str,
}

impl Example {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "claude-code-404",
        en: "Claude Code: 404 with settings.json on /v1",
        zh: "Claude Code：settings.json 配成 /v1 后 404",
        text: r#"PS C:\Users\lin\src\shop-api> claude
╭───────────────────────────────────────────────────╮
│ ✻ Welcome to Claude Code!                         │
│                                                   │
│   cwd: C:\Users\lin\src\shop-api                  │
╰───────────────────────────────────────────────────╯

> 帮我看看 src/routes 下的结构

  ⎿  API Error: 404 status code (no body)

PS C:\Users\lin\src\shop-api> type $HOME\.claude\settings.json
{
  "env": {
    "ANTHROPIC_BASE_URL": "https://coding.dashscope.aliyuncs.com/v1",
    "ANTHROPIC_AUTH_TOKEN": "sk-sp-7f3c9a1e5b2d4f8a6c0e3b9d7a1f5c2e",
    "ANTHROPIC_MODEL": "qwen3-coder-plus"
  },
  "permissions": {
    "allow": ["Bash(npm run test:*)"]
  }
}
"#,
    },
    Example {
        id: "qwen-code-401",
        en: "Qwen Code: 401 invalid access token",
        zh: "Qwen Code：401 invalid access token",
        text: r#"$ qwen
> refactor src/utils/date.ts to use Intl.DateTimeFormat

✕ [API Error: 401 invalid access token or token expired]

$ cat ~/.qwen/.env
OPENAI_API_KEY="sk-4b8e2d6f1a9c3e7b5d0f2a8c6e4b1d9f"
OPENAI_BASE_URL="https://coding.dashscope.aliyuncs.com/v1"
OPENAI_MODEL="qwen3-coder-plus"
"#,
    },
    Example {
        id: "codex-wire-api-chat",
        en: "Codex: config.toml with wire_api = \"chat\"",
        zh: "Codex：config.toml 中 wire_api = \"chat\"",
        text: r#"$ codex
Error loading config.toml: `wire_api = "chat"` is no longer supported.
How to fix: set `wire_api = "responses"` in your provider config.

$ cat ~/.codex/config.toml
model = "qwen3-coder-plus"
model_provider = "bailian"
approval_policy = "on-request"

[model_providers.bailian]
name = "Alibaba Cloud Model Studio"
base_url = "https://dashscope.aliyuncs.com/compatible-mode/v1"
env_key = "DASHSCOPE_API_KEY"
wire_api = "chat"
"#,
    },
    Example {
        id: "openai-python-allocation-quota",
        en: "openai-python: RateLimitError Throttling.AllocationQuota",
        zh: "openai-python：RateLimitError Throttling.AllocationQuota",
        text: r#"2026-11-21 14:02:17,448 INFO batch 37/120: 64 documents
Traceback (most recent call last):
  File "/srv/summarizer/app/worker.py", line 88, in summarize
    resp = client.chat.completions.create(model="qwen-plus", messages=messages, temperature=0.2)
  File "/srv/summarizer/.venv/lib/python3.12/site-packages/openai/_utils/_utils.py", line 287, in wrapper
    return func(*args, **kwargs)
  File "/srv/summarizer/.venv/lib/python3.12/site-packages/openai/resources/chat/completions/completions.py", line 1147, in create
    return self._post(
  File "/srv/summarizer/.venv/lib/python3.12/site-packages/openai/_base_client.py", line 1259, in post
    return cast(ResponseT, self.request(cast_to, opts, stream=stream, stream_cls=stream_cls))
  File "/srv/summarizer/.venv/lib/python3.12/site-packages/openai/_base_client.py", line 1047, in request
    raise self._make_status_error_from_response(err.response) from None
openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://help.aliyun.com/zh/model-studio/error-code', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}, 'request_id': '9c2f4e1a-7b3d-4c8e-a5f6-0d1b2c3e4f5a'}
2026-11-21 14:02:17,452 ERROR upstream code Throttling.AllocationQuota: Token usage exceeded (TPM exceeded).
"#,
    },
    Example {
        id: "coding-plan-week-quota",
        en: "Coding Plan: weekly quota exceeded",
        zh: "Coding Plan：周额度用完",
        text: r#"> 继续把剩下的测试补完

  ⎿  API Error: 429 {"error":{"message":"week allocated quota exceeded","type":"rate_limit_error"},"request_id":"b7e1c2d3-4f5a-6b7c-8d9e-0a1b2c3d4e5f"} · Retrying in 8 seconds… (attempt 3/10)

  ⎿  API Error: 429 {"error":{"message":"week allocated quota exceeded","type":"rate_limit_error"},"request_id":"c8f2d3e4-5a6b-7c8d-9e0f-1a2b3c4d5e6f"} · Retrying in 16 seconds… (attempt 4/10)
"#,
    },
    Example {
        id: "openclaw-auth-profiles",
        en: "OpenClaw: auth.profiles Unrecognized key \"apiKey\"",
        zh: "OpenClaw：auth.profiles 无法识别 \"apiKey\"",
        text: r#"$ openclaw gateway restart
Invalid config at /home/mei/.openclaw/openclaw.json:
- auth.profiles.bailian: Unrecognized key: "apiKey"
Run "openclaw doctor --fix" to repair, then restart the gateway.

$ cat ~/.openclaw/openclaw.json
{
  "auth": {
    "profiles": {
      "bailian": {
        "provider": "bailian",
        "mode": "api_key",
        "apiKey": "sk-sp-2e8a4c6f0b1d3e5a7c9f8b6d4a2e0c1f"
      }
    }
  },
  "models": {
    "mode": "merge",
    "providers": {
      "bailian": {
        "baseUrl": "https://coding.dashscope.aliyuncs.com/v1",
        "api": "openai-completions",
        "models": [{ "id": "qwen3-coder-plus", "name": "Qwen3 Coder Plus", "contextWindow": 1000000 }]
      }
    }
  },
  "agents": { "defaults": { "model": { "primary": "bailian/qwen3-coder-plus" } } }
}
"#,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use llmdoctor_core::{diagnose, Options};

    #[test]
    fn ids_unique_and_keys_masked() {
        for (i, e) in EXAMPLES.iter().enumerate() {
            assert!(
                EXAMPLES[..i].iter().all(|o| o.id != e.id),
                "duplicate {}",
                e.id
            );
            let report = diagnose(e.text, &Options::default());
            let shown: String = report
                .diagnoses
                .iter()
                .flat_map(|d| d.evidence.iter().map(|v| v.text.to_string()))
                .collect();
            for key in [
                "7f3c9a1e5b2d4f8a6c0e3b9d7a1f5c2e",
                "4b8e2d6f1a9c3e7b5d0f2a8c6e4b1d9f",
                "2e8a4c6f0b1d3e5a7c9f8b6d4a2e0c1f",
            ] {
                assert!(!shown.contains(key), "{}: key shown unmasked", e.id);
            }
        }
    }
}
