//! Model checks: a model id that differs from the catalog's only in case (`Qwen3-Coder-Plus`
//! for `qwen3-coder-plus`): endpoints compare ids exactly and refuse it.

use super::{value_edit, CheckHit, Ctx};
use crate::config::{Setting, ValueKind};
use crate::report::Applicability::Safe;

/// Settings that name a model: `model`, `ANTHROPIC_MODEL`, `ANTHROPIC_DEFAULT_SONNET_MODEL`,
/// `body.model`, `call.model`, OpenClaw's `agents.defaults.model.primary` and its
/// `models.providers.<id>.models.<n>.id`.
fn names_a_model(s: &Setting) -> bool {
    let name = s.name().to_ascii_lowercase();
    name == "model"
        || name.ends_with("_model")
        || name == "model_name"
        || (name == "primary" && s.path.contains("model"))
        || (name == "id" && s.path.contains(".models."))
}

/// Prefixes a model id may carry that do not change how the id itself is spelt (OpenClaw's
/// `bailian/<model>`). Others (`Qwen/…` on ModelScope or SiliconFlow, `openai/…` on
/// OpenRouter) name another catalog, where the case may be the right one.
const PREFIXES: &[&str] = &["", "bailian", "dashscope"];

pub fn model_id_case(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in ctx.cfg.settings.iter().filter(|s| names_a_model(s)) {
        if s.kind != ValueKind::Str {
            continue;
        }
        let v = s.value.trim();
        let (prefix, bare) = v.rsplit_once('/').unwrap_or(("", v));
        if !PREFIXES.contains(&prefix) || crate::models::lookup(bare).is_some() {
            continue;
        }
        let Some(m) = crate::model::MODELS
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(bare))
        else {
            continue;
        };
        let fixed = if prefix.is_empty() {
            m.name.to_string()
        } else {
            format!("{prefix}/{}", m.name)
        };
        let edit = Some(&fixed)
            .filter(|f| crate::escape::model_ok(f))
            .and_then(|f| value_edit(ctx, s, f));
        out.push(CheckHit {
            check: "model-id-case",
            spans: vec![s.value_span],
            edits: edit.into_iter().collect(),
            applicability: Safe,
        });
    }
}
