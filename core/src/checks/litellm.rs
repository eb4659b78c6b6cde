//! LiteLLM routes by the model's provider prefix (`openai/…`, `hosted_vllm/…`, `ollama/…`)
//! and calls `api_base` the way that route expects. Where the paste shows the model with its
//! `api_base` (a proxy `config.yaml`'s `litellm_params`, a `completion(…)` call), a prefix
//! that does not fit the server is fixed in place.

use super::{hit, split_url, url, CheckHit, Ctx};
use crate::config::{Setting, ValueKind};
use crate::report::Applicability::Review;

/// Each model setting with the base URL beside it: (model, api_base).
fn routes<'a>(ctx: &'a Ctx) -> Vec<(&'a Setting, &'a Setting)> {
    let litellm = ctx.facts.tools.contains(&crate::tool::Tool::Litellm);
    let mut out = Vec::new();
    for m in ctx.cfg.settings.iter().filter(|s| s.kind == ValueKind::Str) {
        let parent = match m.path.rsplit_once('.') {
            Some((p, "model")) if p.ends_with("litellm_params") || (p == "call" && litellm) => p,
            _ => continue,
        };
        let base = ctx.cfg.settings.iter().find(|s| {
            s.block == m.block
                && s.kind == ValueKind::Str
                && s.path
                    .rsplit_once('.')
                    .is_some_and(|(p, n)| p == parent && matches!(n, "api_base" | "base_url"))
        });
        if let Some(b) = base {
            out.push((m, b));
        }
    }
    out
}

/// `vllm/` runs vLLM inside the LiteLLM process; a vLLM server at `api_base` is
/// `hosted_vllm/` (LiteLLM docs, vLLM). Fix: the prefix (review: the user may mean the SDK).
pub(super) fn vllm_prefix(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (m, _) in routes(ctx) {
        if let Some(rest) = m.value.trim().strip_prefix("vllm/") {
            let fixed = Some(format!("hosted_vllm/{rest}")).filter(|f| crate::escape::model_ok(f));
            out.push(hit(ctx, "litellm-vllm-prefix", m, fixed, Review));
        }
    }
}

/// `ollama/` and `ollama_chat/` call Ollama's native API under `api_base`: a base that ends in
/// `/v1` (the OpenAI-compatible path) gives `/v1/api/generate`, a 404. Fix: the server root.
pub(super) fn ollama_api_base_v1(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (m, b) in routes(ctx) {
        let v = m.value.trim();
        if !(v.starts_with("ollama/") || v.starts_with("ollama_chat/")) {
            continue;
        }
        let base = b.value.trim();
        let Some(root) = base
            .strip_suffix("/v1/")
            .or_else(|| base.strip_suffix("/v1"))
        else {
            continue;
        };
        if split_url(root).is_none() {
            continue;
        }
        out.push(hit(
            ctx,
            "litellm-ollama-api-base-v1",
            b,
            url(root.to_string()),
            Review,
        ));
    }
}

/// `LLM Provider NOT provided` with a model that has no provider prefix and an `api_base` (the
/// message is needed: a bare OpenAI model name is routed without a prefix): an
/// OpenAI-compatible server is `openai/<model>` (LiteLLM docs, OpenAI-Compatible Endpoints).
/// Fix: the prefix (review: another provider's prefix may be the right one).
pub(super) fn provider_prefix_missing(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let mut said: Option<bool> = None;
    for (m, _) in routes(ctx) {
        let v = m.value.trim();
        if v.is_empty() || v.contains('/') {
            continue;
        }
        // The paste is searched for the message only once a model is a candidate.
        if !*said.get_or_insert_with(|| super::mentions(ctx.text, "llm provider not provided")) {
            return;
        }
        let fixed = Some(format!("openai/{v}")).filter(|f| crate::escape::model_ok(f));
        out.push(hit(
            ctx,
            "litellm-provider-prefix-missing",
            m,
            fixed,
            Review,
        ));
    }
}
