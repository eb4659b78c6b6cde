//! Request parameters a model refuses, where the paste shows the request: `max_tokens` to an
//! OpenAI o-series model, `enable_thinking` on a non-streaming DashScope call.

use super::{CheckHit, Ctx};
use crate::config::{Setting, ValueKind};
use crate::fix::structural::rename_key;
use crate::fix::Edit;
use crate::report::Applicability::{Review, Safe};

/// The request settings of a block under `prefix` (`body.` for curl and raw HTTP, `call.` for
/// SDK code), by their name.
fn field<'a>(ctx: &'a Ctx, block: usize, prefix: &str, name: &str) -> Option<&'a Setting> {
    ctx.cfg
        .settings
        .iter()
        .find(|s| s.block == block && s.path.strip_prefix(prefix) == Some(name))
}

/// Each request of the paste: (block, `body.` or `call.`, its model setting).
fn requests<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (usize, &'static str, &'a Setting)> + 'a {
    ctx.cfg
        .settings
        .iter()
        .filter_map(|s| match s.path.as_str() {
            "body.model" => Some((s.block, "body.", s)),
            "call.model" => Some((s.block, "call.", s)),
            _ => None,
        })
}

/// An OpenAI o-series model id (`o1`, `o1-mini`, `o3-mini`, `o4-mini`, `openai/o3`).
fn o_series(model: &str) -> bool {
    let m = model.trim().to_ascii_lowercase();
    let bare = m.rsplit('/').next().unwrap_or("");
    let b = bare.as_bytes();
    b.first() == Some(&b'o')
        && b.get(1).is_some_and(u8::is_ascii_digit)
        && b.get(2).is_none_or(|c| *c == b'-')
}

/// `max_tokens` to an o-series model: refused ("Use 'max_completion_tokens' instead"). Fix:
/// rename the key (safe: the same limit under the name those models read).
pub(super) fn max_completion_tokens(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, prefix, model) in requests(ctx) {
        if !o_series(&model.value) {
            continue;
        }
        let Some(mt) = field(ctx, block, prefix, "max_tokens") else {
            continue;
        };
        if field(ctx, block, prefix, "max_completion_tokens").is_some() {
            continue;
        }
        out.push(CheckHit {
            check: "max-completion-tokens",
            spans: vec![mt.key_span.unwrap_or(mt.value_span)],
            edits: rename_key(ctx.text, mt, "max_completion_tokens")
                .into_iter()
                .collect(),
            applicability: Safe,
        });
    }
}

/// The edit writing a boolean literal as `false`, in the literal's own spelling (`True` in
/// Python, `true` elsewhere).
fn to_false(ctx: &Ctx, s: &Setting) -> Option<Edit> {
    let (vs, ve) = s.value_span;
    let replacement = match ctx.text.get(vs..ve)? {
        "true" => "false",
        "True" => "False",
        _ => return None,
    };
    Some(Edit {
        start: vs,
        end: ve,
        replacement: replacement.into(),
    })
}

/// `enable_thinking: true` on a call that does not stream, to DashScope: refused
/// (`parameter.enable_thinking must be set to false for non-streaming calls`). Fix: set it to
/// false (review: the answer comes without thinking; streaming the call keeps it).
pub(super) fn enable_thinking_non_streaming(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, prefix, _) in requests(ctx) {
        let think = field(ctx, block, prefix, "enable_thinking")
            .or_else(|| field(ctx, block, prefix, "extra_body.enable_thinking"));
        let Some(t) = think.filter(|t| t.kind == ValueKind::Bool && t.value == "true") else {
            continue;
        };
        let streams = field(ctx, block, prefix, "stream")
            .is_some_and(|s| s.kind != ValueKind::Bool || s.value == "true");
        if streams || !super::to_dashscope(ctx, block) {
            continue;
        }
        out.push(CheckHit {
            check: "enable-thinking-non-streaming",
            spans: vec![t.value_span],
            edits: to_false(ctx, t).into_iter().collect(),
            applicability: Review,
        });
    }
}
