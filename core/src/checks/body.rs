//! Request body checks (curl, raw HTTP, SDK calls): protocol mix-ups (Gemini `contents` ↔
//! OpenAI `messages`, Anthropic's top-level `system` on a chat endpoint), Claude Messages without
//! `max_tokens`, the `developer` role on DashScope, more than 100 messages
//! (routescope-gateway "Parameter Errors"; bailian-text Problem 3).

use super::{split_url, value_edit, CheckHit, Ctx};
use crate::config::{Setting, ValueKind};
use crate::escape;
use crate::fix::Edit;
use crate::report::Applicability::{Review, Safe};

/// Request blocks: (block index, its URL setting).
fn requests<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (usize, &'a Setting)> + 'a {
    ctx.cfg
        .settings
        .iter()
        .filter(|s| s.path == "url")
        .map(|s| (s.block, s))
}

fn body<'a>(ctx: &'a Ctx, block: usize, field: &str) -> Option<&'a Setting> {
    let path = format!("body.{field}");
    ctx.cfg
        .settings
        .iter()
        .find(|s| s.block == block && s.path == path)
}

fn url_path(url: &str) -> String {
    split_url(url)
        .map(|u| u.path.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Claude Messages (`…/v1/messages`) requires `max_tokens`. Fix: add it before `model`.
pub(super) fn anthropic_max_tokens(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, url) in requests(ctx) {
        if !url_path(&url.value).ends_with("/v1/messages")
            || body(ctx, block, "max_tokens").is_some()
        {
            continue;
        }
        let Some(model) = body(ctx, block, "model") else {
            continue;
        };
        let Some((ks, _)) = model.key_span else {
            continue;
        };
        // The key sits in quotes; insert a whole member before its opening quote, written for
        // the shell quoting around the body when it is a curl argument (`\"model\"` inside
        // `-d "…"`).
        let q = ctx
            .text
            .get(..ks)
            .and_then(|t| t.chars().last())
            .filter(|c| matches!(c, '"' | '\''))
            .unwrap_or('"');
        let quote_at = ks.saturating_sub(q.len_utf8());
        let escaped = ctx.text.get(..quote_at).is_some_and(|t| t.ends_with('\\'));
        let at = if escaped { quote_at - 1 } else { quote_at };
        let place = escape::layer_at(ctx.text, ctx.cfg, block, at);
        // `\"` is how a JSON quote is written inside shell double quotes, and only there.
        let edit = (!escaped || place.shell == Some(escape::Quote::Double))
            .then(|| place.fragment(&format!("{q}max_tokens{q}: 1024, ")))
            .flatten()
            .map(|replacement| Edit {
                start: at,
                end: at,
                replacement,
            });
        out.push(CheckHit {
            check: "anthropic-body-max-tokens",
            spans: vec![url.value_span, model.key_span.unwrap_or(model.value_span)],
            edits: edit.into_iter().collect(),
            applicability: Review,
        });
    }
}

/// Gemini's `contents[].parts[]` sent to an OpenAI Chat Completions URL.
pub(super) fn contents_to_chat(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, url) in requests(ctx) {
        if url_path(&url.value).ends_with("/chat/completions") {
            if let Some(c) = body(ctx, block, "contents") {
                out.push(CheckHit {
                    check: "gemini-contents-to-chat",
                    spans: vec![url.value_span, c.key_span.unwrap_or(c.value_span)],
                    edits: cli_fix!(contents_as_messages(ctx, block, c)),
                    applicability: Review,
                });
            }
        }
    }
}

/// Gemini's `"contents": [{"role": …, "parts": [{"text": …}]}]` rewritten as OpenAI chat's
/// `"messages": [{"role": …, "content": …}]` with the same text (`model` becomes `assistant`):
/// two edits, the key renamed and the array replaced, written for the body's shell quoting.
/// `None` for anything but text parts, one per turn (images, several parts, other fields in a
/// turn): those need a person.
#[cfg(feature = "cli-fixes")]
fn contents_as_messages(ctx: &Ctx, block: usize, c: &Setting) -> Option<Vec<Edit>> {
    if !array_named(ctx, c, "contents") {
        return None;
    }
    let field = |f: &str| body(ctx, block, f);
    let mut turns = Vec::new();
    for i in 0..c.len? {
        let turn = field(&format!("contents.{i}"))?;
        let role = field(&format!("contents.{i}.role"));
        let parts = field(&format!("contents.{i}.parts"))?;
        let part = field(&format!("contents.{i}.parts.0"))?;
        let text = field(&format!("contents.{i}.parts.0.text"))?;
        let members = 1 + usize::from(role.is_some());
        if turn.kind != ValueKind::Object
            || turn.len != Some(members)
            || parts.len != Some(1)
            || part.len != Some(1)
            || text.kind != ValueKind::Str
        {
            return None;
        }
        let role = match role.map_or("user", |r| r.value.as_str()) {
            "user" => "user",
            "model" => "assistant",
            _ => return None,
        };
        turns.push((role, text.value.as_str()));
    }
    turns_as(
        ctx,
        block,
        c,
        "messages",
        &turns,
        |role, text, colon, comma| {
            format!("{{\"role\"{colon}\"{role}\"{comma}\"content\"{colon}\"{text}\"}}")
        },
    )
}

/// Whether `s` is an array whose key is written `name` as it is (no escapes).
#[cfg(feature = "cli-fixes")]
fn array_named(ctx: &Ctx, s: &Setting, name: &str) -> bool {
    s.kind == ValueKind::Array
        && s.key_span
            .is_some_and(|(ks, ke)| ctx.text.get(ks..ke) == Some(name))
}

/// The two edits of a body rewrite: the array's key `(ks, ke)` renamed `key`, its value replaced
/// by `turns` written with `item(role, text, colon, comma)` in the body's own spacing (`"k": v, …`
/// or `"k":v,…`), the text JSON-escaped, both written for the body's shell quoting. `None` for
/// no turns or a place that cannot hold them.
#[cfg(feature = "cli-fixes")]
fn turns_as(
    ctx: &Ctx,
    block: usize,
    array: &Setting,
    key: &str,
    turns: &[(&str, &str)],
    item: impl Fn(&str, &str, &str, &str) -> String,
) -> Option<Vec<Edit>> {
    let (ks, ke) = array.key_span?;
    if turns.is_empty() {
        return None;
    }
    let raw = ctx.text.get(array.value_span.0..array.value_span.1)?;
    let (colon, comma) = if raw.contains(": ") {
        (": ", ", ")
    } else {
        (":", ",")
    };
    let items: Vec<String> = turns
        .iter()
        .map(|(role, text)| item(role, &escape::json_string(text, '"'), colon, comma))
        .collect();
    let value = format!("[{}]", items.join(comma));
    let at = |i| escape::layer_at(ctx.text, ctx.cfg, block, i);
    Some(vec![
        Edit {
            start: ks,
            end: ke,
            replacement: at(ks).fragment(key)?,
        },
        Edit {
            start: array.value_span.0,
            end: array.value_span.1,
            replacement: at(array.value_span.0).fragment(&value)?,
        },
    ])
}

/// The reverse of [`contents_as_messages`]: OpenAI chat's `"messages": [{"role", "content"}]`
/// (string contents, user and assistant turns) as Gemini's `"contents": [{"role", "parts":
/// [{"text"}]}]`. A system turn or a content array (images, parts) needs a person: `None`.
#[cfg(feature = "cli-fixes")]
fn messages_as_contents(ctx: &Ctx, block: usize, m: &Setting) -> Option<Vec<Edit>> {
    if !array_named(ctx, m, "messages") {
        return None;
    }
    let field = |f: &str| body(ctx, block, f);
    let mut turns = Vec::new();
    for i in 0..m.len? {
        let turn = field(&format!("messages.{i}"))?;
        let role = field(&format!("messages.{i}.role"))?;
        let content = field(&format!("messages.{i}.content"))?;
        if turn.kind != ValueKind::Object || turn.len != Some(2) || content.kind != ValueKind::Str {
            return None;
        }
        let role = match role.value.as_str() {
            "user" => "user",
            "assistant" => "model",
            _ => return None,
        };
        turns.push((role, content.value.as_str()));
    }
    turns_as(
        ctx,
        block,
        m,
        "contents",
        &turns,
        |role, text, colon, comma| {
            format!("{{\"role\"{colon}\"{role}\"{comma}\"parts\"{colon}[{{\"text\"{colon}\"{text}\"}}]}}")
        },
    )
}

/// OpenAI `messages` sent to Gemini `…:generateContent`.
pub(super) fn messages_to_gemini(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, url) in requests(ctx) {
        if url_path(&url.value).contains(":generatecontent")
            && body(ctx, block, "contents").is_none()
        {
            if let Some(m) = body(ctx, block, "messages") {
                out.push(CheckHit {
                    check: "messages-to-gemini",
                    spans: vec![url.value_span, m.key_span.unwrap_or(m.value_span)],
                    edits: cli_fix!(messages_as_contents(ctx, block, m)),
                    applicability: Review,
                });
            }
        }
    }
}

/// Anthropic's top-level `system` sent to an OpenAI chat endpoint (`…/chat/completions`):
/// OpenAI refuses the argument (`Unrecognized request argument supplied: system`), compatible
/// servers drop it silently. Fix: the text as the first message, role `system`.
pub(super) fn system_to_chat(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, url) in requests(ctx) {
        if !url_path(&url.value).ends_with("/chat/completions") {
            continue;
        }
        let Some(sys) = body(ctx, block, "system") else {
            continue;
        };
        if body(ctx, block, "messages").is_none() {
            continue;
        }
        out.push(CheckHit {
            check: "anthropic-system-to-chat",
            spans: vec![url.value_span, sys.key_span.unwrap_or(sys.value_span)],
            edits: cli_fix!(system_as_message(ctx, block, sys)),
            applicability: Review,
        });
    }
}

/// Two edits: the `system` member deleted, and `{"role": "system", "content": …}` put first in
/// `messages`, in the body's spacing and shell quoting. `None` for a system made of content
/// blocks (an array) or a `messages` written with escapes.
#[cfg(feature = "cli-fixes")]
fn system_as_message(ctx: &Ctx, block: usize, sys: &Setting) -> Option<Vec<Edit>> {
    let m = body(ctx, block, "messages")?;
    if sys.kind != ValueKind::Str || !array_named(ctx, m, "messages") {
        return None;
    }
    let delete = crate::fix::structural::delete_setting(ctx.text, ctx.cfg, sys)?;
    let raw = ctx.text.get(m.value_span.0..m.value_span.1)?;
    let (colon, comma) = if raw.contains(": ") || m.len == Some(0) {
        (": ", ", ")
    } else {
        (":", ",")
    };
    let text = escape::json_string(&sys.value, '"');
    let mut item = format!("{{\"role\"{colon}\"system\"{comma}\"content\"{colon}\"{text}\"}}");
    if m.len != Some(0) {
        item.push_str(comma);
    }
    let at = m.value_span.0 + 1;
    let insert = Edit {
        start: at,
        end: at,
        replacement: escape::layer_at(ctx.text, ctx.cfg, m.block, at).fragment(&item)?,
    };
    Some(vec![delete, insert])
}

/// The OpenAI `developer` role is not a DashScope role: `system` is.
pub(super) fn developer_role(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (block, _) in requests(ctx) {
        if !super::to_dashscope(ctx, block) {
            continue;
        }
        for s in ctx.cfg.settings.iter().filter(|s| {
            s.block == block && s.path.starts_with("body.messages.") && s.path.ends_with(".role")
        }) {
            if s.value == "developer" {
                out.push(CheckHit {
                    check: "developer-role",
                    spans: vec![s.value_span],
                    edits: value_edit(ctx, s, "system").into_iter().collect(),
                    applicability: Safe,
                });
            }
        }
    }
}

/// More than 100 messages in one request (bailian-text Problem 3).
pub(super) fn too_many_messages(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in ctx.cfg.settings.iter().filter(|s| {
        (s.path == "body.messages" || s.path == "call.messages" || s.path == "messages")
            && s.kind == ValueKind::Array
    }) {
        if s.len.unwrap_or(0) > 100 {
            let end = ctx
                .text
                .get(s.value_span.0..)
                .and_then(|t| t.find('\n'))
                .map_or(s.value_span.1, |i| s.value_span.0 + i);
            out.push(CheckHit {
                check: "too-many-messages",
                spans: vec![(s.value_span.0, end.min(s.value_span.1))],
                edits: Vec::new(),
                applicability: Review,
            });
        }
    }
}
