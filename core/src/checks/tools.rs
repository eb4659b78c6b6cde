//! Tool-specific checks: Codex `wire_api`, OpenClaw provider id and key placement, the Coding
//! Plan called from a script.

use super::{base_urls, from_script, hit, host_name, split_url, CheckHit, Ctx};
use crate::config::{Setting, ValueKind};
use crate::facts::lookup_host;
use crate::fix::structural::rename_key;
use crate::fix::Edit;
use crate::report::Applicability::{self, Review, Safe};

/// Codex refuses `wire_api = "chat"` at load (GF: Codex); `"responses"` is the only value.
pub(super) fn codex_wire_api_chat(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in ctx
        .cfg
        .settings
        .iter()
        .filter(|s| s.path.ends_with(".wire_api") || s.path == "wire_api")
    {
        if s.value.trim() == "chat" {
            out.push(hit(
                ctx,
                "codex-wire-api-chat",
                s,
                Some("responses".into()),
                Review,
            ));
        }
    }
}

/// OpenClaw with Bailian: the provider id must be `bailian` (GF: OpenClaw).
pub(super) fn openclaw_provider_id(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in &ctx.cfg.settings {
        let Some(rest) = s.path.strip_prefix("models.providers.") else {
            continue;
        };
        let Some((id, field)) = rest.split_once('.') else {
            continue;
        };
        if field != "baseUrl" || id == "bailian" {
            continue;
        }
        let on_dashscope = split_url(&s.value)
            .and_then(|u| lookup_host(&host_name(u.host)))
            .is_some_and(|h| h.provider == "dashscope");
        if on_dashscope {
            // The provider key itself: the path's id segment, right before the `baseUrl` key.
            let provider = ctx
                .cfg
                .settings
                .iter()
                .find(|k| k.block == s.block && k.path == format!("models.providers.{id}"));
            out.push(CheckHit {
                check: "openclaw-provider-id",
                spans: vec![provider.and_then(|k| k.key_span).unwrap_or(s.value_span)],
                edits: provider
                    .and_then(|p| rename_provider(ctx, p, id))
                    .unwrap_or_default(),
                applicability: Review,
            });
        }
    }
}

/// The provider `id` renamed `bailian`: its key under `models.providers`, and every reference
/// to it (`agents.defaults.model.primary` and `fallbacks` as `id/<model>`, a profile's
/// `provider`). `None` when `bailian` is taken or a reference cannot be rewritten.
fn rename_provider(ctx: &Ctx, provider: &Setting, id: &str) -> Option<Vec<Edit>> {
    let taken = ctx
        .cfg
        .settings
        .iter()
        .any(|o| o.block == provider.block && o.path.starts_with("models.providers.bailian"));
    if taken {
        return None;
    }
    let mut edits = vec![rename_key(ctx.text, provider, "bailian")?];
    let prefix = format!("{id}/");
    for o in ctx
        .cfg
        .settings
        .iter()
        .filter(|o| o.block == provider.block)
    {
        let model_ref = o.path.starts_with("agents.") && o.value.starts_with(&prefix);
        let profile =
            o.path.starts_with("auth.profiles.") && o.name() == "provider" && o.value == id;
        if o.kind != ValueKind::Str || !(model_ref || profile) {
            continue;
        }
        let new = if profile {
            "bailian".to_string()
        } else {
            format!("bailian/{}", o.value.get(prefix.len()..)?)
        };
        edits.push(super::value_edit(ctx, o, &new)?);
    }
    Some(edits)
}

/// OpenClaw: `apiKey` under `auth.profiles` is refused; it belongs in
/// `models.providers.bailian.apiKey` (bailian-ide Problem 4; GF: OpenClaw).
pub(super) fn openclaw_key_in_auth_profiles(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in &ctx.cfg.settings {
        if s.path.starts_with("auth.profiles.") && s.path.ends_with(".apiKey") {
            let (edits, applicability) =
                move_key_to_provider(ctx, s).unwrap_or((Vec::new(), Review));
            out.push(CheckHit {
                check: "openclaw-key-in-auth-profiles",
                spans: vec![s.key_span.unwrap_or(s.value_span)],
                edits,
                applicability,
            });
        }
    }
}

/// The move of an `auth.profiles.<name>.apiKey` to `models.providers.<id>.apiKey`: the provider
/// the profile names (its `provider`, else the name before `:`) when the paste has that
/// provider's object, else the only provider there is (review). A provider that already has a
/// key keeps it; the profile's key is then only deleted (review).
fn move_key_to_provider(ctx: &Ctx, s: &Setting) -> Option<(Vec<Edit>, Applicability)> {
    use crate::fix::structural::{delete_setting, insert_member};
    let profile = s.path.strip_suffix(".apiKey")?;
    let name = profile.strip_prefix("auth.profiles.")?;
    let named = ctx
        .cfg
        .get(&format!("{profile}.provider"))
        .filter(|p| p.block == s.block)
        .map_or_else(
            || name.split(':').next().unwrap_or(name),
            |p| p.value.as_str(),
        );
    let provider = |id: &str| {
        ctx.cfg.settings.iter().find(|o| {
            o.block == s.block
                && o.kind == ValueKind::Object
                && o.path.strip_prefix("models.providers.") == Some(id)
        })
    };
    let (target, sure) = match provider(named) {
        Some(t) => (t, true),
        None => {
            let mut all = ctx.cfg.settings.iter().filter(|o| {
                o.block == s.block
                    && o.kind == ValueKind::Object
                    && o.path
                        .strip_prefix("models.providers.")
                        .is_some_and(|id| !id.is_empty() && !id.contains('.'))
            });
            match (all.next(), all.next()) {
                (Some(t), None) => (t, false),
                _ => return None,
            }
        }
    };
    let delete = delete_setting(ctx.text, ctx.cfg, s)?;
    let has_key = ctx
        .cfg
        .get(&format!("{}.apiKey", target.path))
        .is_some_and(|k| !k.value.trim().is_empty());
    if has_key {
        return Some((vec![delete], Review));
    }
    let insert = insert_member(ctx.text, ctx.cfg, target, "apiKey", &s.value)?;
    let applicability = if sure { Safe } else { Review };
    Some((vec![insert, delete], applicability))
}

/// A Coding Plan endpoint called from curl, a raw request or SDK code: only coding agents may
/// call it (bailian-ide FAQ; GF: refused with "only available for Coding Agents").
pub(super) fn coding_plan_from_script(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let urls = ctx
        .cfg
        .settings
        .iter()
        .filter(|s| s.path == "url")
        .chain(base_urls(ctx.cfg).into_iter().map(|(s, _)| s));
    for s in urls {
        if !from_script(ctx, s) {
            continue;
        }
        let plan = split_url(&s.value)
            .and_then(|u| lookup_host(&host_name(u.host)))
            .map(|h| h.plan);
        if plan == Some("coding") {
            out.push(CheckHit {
                check: "coding-plan-from-script",
                spans: vec![s.value_span],
                edits: Vec::new(),
                applicability: Review,
            });
        }
    }
}

/// Codex always calls `{base_url}/responses`; ModelScope serves chat completions only (GF:
/// other providers' hosts), so Codex pointed there gets 404.
pub(super) fn codex_chat_only_upstream(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in ctx
        .cfg
        .settings
        .iter()
        .filter(|s| s.path.starts_with("model_providers.") && s.path.ends_with(".base_url"))
    {
        let chat_only = split_url(&s.value)
            .and_then(|u| lookup_host(&host_name(u.host)))
            .is_some_and(|h| h.provider == "modelscope");
        if chat_only {
            out.push(CheckHit {
                check: "codex-chat-only-upstream",
                spans: vec![s.value_span],
                edits: Vec::new(),
                applicability: Review,
            });
        }
    }
}

/// Claude Code reads its key from ANTHROPIC_AUTH_TOKEN (or ANTHROPIC_API_KEY): a gateway key
/// set as DASHSCOPE_API_KEY or OPENAI_API_KEY beside ANTHROPIC_BASE_URL is never sent.
/// Fix: rename the variable (review: the other name may be used by another tool too).
pub(super) fn claude_code_key_var(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let name = |s: &crate::config::Setting| s.name().to_ascii_uppercase();
    for base in ctx
        .cfg
        .settings
        .iter()
        .filter(|s| name(s) == "ANTHROPIC_BASE_URL")
    {
        let same_block = |n: &str| {
            ctx.cfg
                .settings
                .iter()
                .find(|s| s.block == base.block && name(s) == n)
        };
        if same_block("ANTHROPIC_AUTH_TOKEN").is_some() || same_block("ANTHROPIC_API_KEY").is_some()
        {
            continue;
        }
        if let Some(k) = same_block("DASHSCOPE_API_KEY").or_else(|| same_block("OPENAI_API_KEY")) {
            if let Some(span) = k.key_span {
                out.push(CheckHit {
                    check: "claude-code-key-var",
                    spans: vec![span],
                    edits: rename_key(ctx.text, k, "ANTHROPIC_AUTH_TOKEN")
                        .into_iter()
                        .collect(),
                    applicability: Review,
                });
            }
        }
    }
}

/// Codex with one `[model_providers.<id>]` table and no `model_provider` choosing it: Codex
/// uses its default, `openai`, so the requests go to api.openai.com with the wrong key (401)
/// (OpenAI Codex docs, Sample Configuration: `model_provider`, default "openai"). Fix: insert
/// `model_provider = "<id>"` at the root (review: it changes the provider every session uses).
pub(super) fn codex_model_provider_unset(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    use crate::config::Format;
    for (block, b) in ctx.cfg.blocks.iter().enumerate() {
        if b.format != Format::Toml {
            continue;
        }
        // One pass: a `model_provider` anywhere (root or profile) is a choice made; a paste of
        // the provider table alone does not show the root, so a root key (`model`) must be
        // there; exactly one provider with a base URL.
        let (mut chosen, mut root, mut many) = (false, false, false);
        let mut provider: Option<(&str, &crate::config::Setting)> = None;
        for s in ctx.cfg.settings.iter().filter(|s| s.block == block) {
            chosen |= s.name() == "model_provider";
            root |= !s.path.contains('.');
            let id = s
                .path
                .strip_prefix("model_providers.")
                .and_then(|r| r.strip_suffix(".base_url"))
                .filter(|id| !id.contains('.'));
            match (id, provider) {
                (Some(id), None) => provider = Some((id, s)),
                (Some(id), Some((first, _))) => many |= id != first,
                _ => {}
            }
        }
        let Some((id, url)) = provider else { continue };
        // Codex's built-in ids are chosen the same way, but overriding them is another story.
        if chosen || !root || many || matches!(id, "openai" | "oss" | "ollama" | "lmstudio") {
            continue;
        }
        out.push(CheckHit {
            check: "codex-model-provider-unset",
            spans: vec![url.key_span.unwrap_or(url.value_span)],
            edits: cli_fix!(crate::fix::lines::insert_toml(
                ctx.text,
                ctx.cfg,
                block,
                "",
                "model_provider",
                id,
            )
            .map(|e| vec![e])),
            applicability: Review,
        });
    }
}
