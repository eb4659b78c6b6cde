//! Config checks: predicates over the settings read from a paste (core/src/config), each
//! finding the spans that show the problem and the span edits that fix it. A rule in `rules/`
//! names a check with `check = "<name>"`; its words live there, the logic here.

/// A fix's edits where the build has them (feature `cli-fixes`: the CLI and the tests; the
/// page builds without it to stay within its first-load budget), else none: the finding then
/// comes without that corrected part, and its steps say what to change.
macro_rules! cli_fix {
    ($e:expr) => {{
        #[cfg(feature = "cli-fixes")]
        let edits = $e.unwrap_or_default();
        #[cfg(not(feature = "cli-fixes"))]
        let edits = Vec::new();
        edits
    }};
}

mod body;
mod endpoint;
mod keys;
mod litellm;
mod models;
mod params;
mod quoting;
mod tools;

use crate::config::{Config, Setting};
use crate::facts::Facts;
use crate::fix::Edit;
use crate::report::Applicability;
pub(crate) use crate::url::{host_name, split_url};
use crate::vocabulary::{ANTHROPIC_BASE_URL_SETTINGS, BASE_URL_SETTINGS, KEY_SETTINGS};

/// What one check found.
#[derive(Clone, Debug)]
pub struct CheckHit {
    pub check: &'static str,
    pub spans: Vec<(usize, usize)>,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// Everything a check may look at.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub cfg: &'a Config,
    pub facts: &'a Facts,
}

type Check = fn(&Ctx, &mut Vec<CheckHit>);

/// Every check, by the name rules use.
pub const CHECKS: &[(&str, Check)] = &[
    ("anthropic-base-path", endpoint::anthropic_base_path),
    ("openai-base-path", endpoint::openai_base_path),
    ("endpoint-in-base-url", endpoint::endpoint_in_base_url),
    ("doubled-v1", endpoint::doubled_v1),
    ("missing-scheme", endpoint::missing_scheme),
    ("zero-host", endpoint::zero_host),
    ("docker-localhost", endpoint::docker_localhost),
    ("base-url-ignored", endpoint::base_url_ignored),
    ("plan-key-general-host", keys::plan_key_general_host),
    ("general-key-plan-host", keys::general_key_plan_host),
    ("key-whitespace", keys::key_whitespace),
    ("key-placeholder", keys::key_placeholder),
    ("bearer-missing", keys::bearer_missing),
    ("bearer-doubled", keys::bearer_doubled),
    ("key-as-env-name", keys::key_as_env_name),
    ("anthropic-both-keys", keys::anthropic_both_keys),
    ("cmd-set-quoted-key", keys::cmd_set_quoted_key),
    ("key-typographic-quotes", quoting::key_typographic_quotes),
    ("url-typographic-quotes", quoting::url_typographic_quotes),
    ("powershell-bare-value", quoting::powershell_bare_value),
    ("model-id-case", models::model_id_case),
    ("model-id-typo", models::model_id_typo),
    ("litellm-vllm-prefix", litellm::vllm_prefix),
    ("litellm-ollama-api-base-v1", litellm::ollama_api_base_v1),
    (
        "litellm-provider-prefix-missing",
        litellm::provider_prefix_missing,
    ),
    ("codex-wire-api-chat", tools::codex_wire_api_chat),
    ("openclaw-provider-id", tools::openclaw_provider_id),
    (
        "openclaw-key-in-auth-profiles",
        tools::openclaw_key_in_auth_profiles,
    ),
    ("coding-plan-from-script", tools::coding_plan_from_script),
    ("codex-chat-only-upstream", tools::codex_chat_only_upstream),
    ("claude-code-key-var", tools::claude_code_key_var),
    (
        "codex-model-provider-unset",
        tools::codex_model_provider_unset,
    ),
    ("anthropic-body-max-tokens", body::anthropic_max_tokens),
    ("gemini-contents-to-chat", body::contents_to_chat),
    ("messages-to-gemini", body::messages_to_gemini),
    ("anthropic-system-to-chat", body::system_to_chat),
    ("developer-role", body::developer_role),
    ("too-many-messages", body::too_many_messages),
    ("max-completion-tokens", params::max_completion_tokens),
    (
        "enable-thinking-non-streaming",
        params::enable_thinking_non_streaming,
    ),
];

/// Runs the named checks (those some rule uses) over the config.
pub(crate) fn run(ctx: &Ctx, wanted: &[&str]) -> Vec<CheckHit> {
    let mut out = Vec::new();
    if ctx.cfg.settings.is_empty() {
        return out;
    }
    for (name, check) in CHECKS {
        if wanted.contains(name) {
            check(ctx, &mut out);
        }
    }
    out
}

/// A hit on one setting's value, with an optional replacement of the whole value. The
/// replacement is written for where the value sits ([`crate::escape`]); one that place cannot
/// hold safely gives the hit without an edit.
fn hit(
    ctx: &Ctx,
    check: &'static str,
    s: &Setting,
    replacement: Option<String>,
    applicability: Applicability,
) -> CheckHit {
    CheckHit {
        check,
        spans: vec![s.value_span],
        edits: replacement
            .and_then(|r| value_edit(ctx, s, &r))
            .into_iter()
            .collect(),
        applicability,
    }
}

/// An edit replacing `s`'s whole value with `v`, escaped for its place; `None` when refused.
fn value_edit(ctx: &Ctx, s: &Setting, v: &str) -> Option<Edit> {
    let replacement = crate::escape::place_of(ctx.text, ctx.cfg, s).value(v)?;
    Some(Edit {
        start: s.value_span.0,
        end: s.value_span.1,
        replacement,
    })
}

/// Whether `s` sits in curl, a raw HTTP request or SDK code: a script, not a coding tool's
/// settings.
fn from_script(ctx: &Ctx, s: &Setting) -> bool {
    ctx.cfg.blocks.get(s.block).is_some_and(|b| {
        matches!(
            b.format,
            crate::config::Format::Code | crate::config::Format::Curl | crate::config::Format::Http
        )
    })
}

/// Whether the paste holds `needle` (lowercase ASCII) in any case: message evidence a check
/// asks for beside the settings it fixes.
fn mentions(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether the block's request goes to DashScope (its URL or base URL).
fn to_dashscope(ctx: &Ctx, block: usize) -> bool {
    ctx.cfg.settings.iter().any(|s| {
        s.block == block
            && matches!(s.path.as_str(), "url" | "call.base_url")
            && split_url(&s.value)
                .and_then(|u| crate::facts::lookup_host(&host_name(u.host)))
                .is_some_and(|h| h.provider == "dashscope")
    })
}

/// A new URL from pieces of the paste, if it is one a fix may write ([`crate::escape::url_ok`]).
fn url(v: String) -> Option<String> {
    crate::escape::url_ok(&v).then_some(v)
}

/// The protocol a client setting speaks, from where it sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Protocol {
    OpenAi,
    Anthropic,
}

/// Settings that hold a base URL a client appends its own paths to, with the protocol (their
/// names: rules/catalog.toml `[settings]`).
pub(crate) fn base_urls(cfg: &Config) -> Vec<(&Setting, Protocol)> {
    let mut out = Vec::new();
    for s in &cfg.settings {
        let last = s.name();
        let lower = last.to_ascii_lowercase();
        let name = lower.as_str();
        let proto = if ANTHROPIC_BASE_URL_SETTINGS.contains(&name) {
            Some(Protocol::Anthropic)
        } else if BASE_URL_SETTINGS.contains(&name) {
            // OpenClaw names the protocol beside the URL: `api = "anthropic-messages"`.
            let sibling = s.path.rsplit_once('.').map(|(p, _)| format!("{p}.api"));
            let anthropic = sibling
                .and_then(|p| cfg.get(&p))
                .is_some_and(|a| a.value.starts_with("anthropic"));
            Some(if anthropic {
                Protocol::Anthropic
            } else {
                Protocol::OpenAi
            })
        } else {
            None
        };
        if let Some(p) = proto {
            if s.kind == crate::config::ValueKind::Str && !s.value.trim().is_empty() {
                out.push((s, p));
            }
        }
    }
    out
}

/// Settings that hold an API key (rules/catalog.toml `[settings]`, or a name ending in `_api_key`).
pub(crate) fn key_settings(cfg: &Config) -> impl Iterator<Item = &Setting> {
    cfg.settings.iter().filter(|s| {
        let last = s.name().to_ascii_lowercase();
        KEY_SETTINGS.contains(&last.as_str()) || last.ends_with("_api_key")
    })
}

#[cfg(test)]
mod tests;
