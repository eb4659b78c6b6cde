//! A command that checks a corrected endpoint, reading the key from an environment variable —
//! never inlining it. The Coding Plan refuses curl (only coding agents may call it), so there
//! the check is the tool itself.

use crate::checks::{base_urls, host_name, split_url, Protocol};
use crate::config::Config;
use crate::facts::lookup_host;
use crate::fix::Edit;
use crate::model::Lang;

/// The verification for the first base URL in block `block`, after `edits`.
pub fn command(cfg: &Config, block: usize, edits: &[&Edit], lang: Lang) -> Option<String> {
    let (s, proto) = base_urls(cfg).into_iter().find(|(s, _)| s.block == block)?;
    let url = edits
        .iter()
        .find(|e| e.start == s.value_span.0 && e.end == s.value_span.1)
        .map_or(s.value.as_str(), |e| e.replacement.as_str());
    let host = lookup_host(&host_name(split_url(url)?.host));
    if host.is_some_and(|h| h.plan == "coding") {
        return Some(match lang {
            Lang::En => "The Coding Plan answers only coding tools (curl is refused): restart your tool and send one short message.".into(),
            Lang::Zh => "Coding Plan 只响应编程工具（curl 会被拒绝）：重启工具并发送一条简短消息。".into(),
        });
    }
    let base = url.trim_end_matches('/');
    let var = key_var(cfg, block, proto);
    let model = model(cfg, block).unwrap_or_else(|| "qwen-plus".into());
    Some(match proto {
        Protocol::Anthropic => format!(
            "curl -sS \"{base}/v1/messages\" -H \"x-api-key: ${var}\" -H \"anthropic-version: 2023-06-01\" -H \"content-type: application/json\" -d '{{\"model\": \"{model}\", \"max_tokens\": 16, \"messages\": [{{\"role\": \"user\", \"content\": \"ping\"}}]}}'"
        ),
        Protocol::OpenAi => format!(
            "curl -sS \"{base}/chat/completions\" -H \"Authorization: Bearer ${var}\" -H \"Content-Type: application/json\" -d '{{\"model\": \"{model}\", \"messages\": [{{\"role\": \"user\", \"content\": \"ping\"}}]}}'"
        ),
    })
}

/// The environment variable the user's config reads the key from, or the usual one.
fn key_var(cfg: &Config, block: usize, proto: Protocol) -> String {
    let in_block = |name: &str| {
        cfg.settings
            .iter()
            .find(|s| s.block == block && s.name().eq_ignore_ascii_case(name))
    };
    if let Some(env_key) = in_block("env_key") {
        if env_key
            .value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !env_key.value.is_empty()
        {
            return env_key.value.clone();
        }
    }
    let candidates: &[&str] = match proto {
        Protocol::Anthropic => &["ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_API_KEY"],
        Protocol::OpenAi => &["OPENAI_API_KEY", "DASHSCOPE_API_KEY"],
    };
    candidates
        .iter()
        .find(|c| in_block(c).is_some())
        .map_or("DASHSCOPE_API_KEY", |c| c)
        .to_string()
}

fn model(cfg: &Config, block: usize) -> Option<String> {
    cfg.settings
        .iter()
        .filter(|s| s.block == block)
        .find(|s| {
            matches!(s.name(), "ANTHROPIC_MODEL" | "OPENAI_MODEL" | "model")
                && s.value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-/:".contains(&b))
                && !s.value.is_empty()
        })
        .map(|s| s.value.clone())
}
