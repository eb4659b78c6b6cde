//! Model checks: a model id that differs from the catalog's only in case (`Qwen3-Coder-Plus`
//! for `qwen3-coder-plus`), or by one keystroke (`qwen3-coder-plsu`) where the paste says the
//! model was not found: endpoints compare ids exactly and refuse it.

use super::{value_edit, CheckHit, Ctx};
use crate::config::{Setting, ValueKind};
use crate::report::Applicability::{Review, Safe};

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

pub(super) fn model_id_case(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in ctx.cfg.settings.iter().filter(|s| names_a_model(s)) {
        if s.kind != ValueKind::Str {
            continue;
        }
        let v = s.value.trim();
        let (prefix, bare) = v.rsplit_once('/').unwrap_or(("", v));
        if !PREFIXES.contains(&prefix) || crate::model_names::lookup(bare).is_some() {
            continue;
        }
        let Some(m) = crate::vocabulary::MODELS
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

/// Whether `a` is one keystroke from `b` (ASCII case aside): a character missing, added or
/// changed, or two neighbours swapped — and not in a version number alone (`qwen3.8-plus` is
/// another model than `qwen3.7-plus`, not a typo of it).
fn one_typo(a: &[u8], b: &[u8]) -> bool {
    let same = |(x, y): (&u8, &u8)| x.eq_ignore_ascii_case(y);
    let p = a.iter().zip(b).take_while(|&(x, y)| same((x, y))).count();
    let (a, b) = (&a[p..], &b[p..]);
    let s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|&(x, y)| same((x, y)))
        .count();
    let (x, y) = (&a[..a.len() - s], &b[..b.len() - s]);
    let version = |t: &[u8]| t.iter().all(|c| c.is_ascii_digit() || *c == b'.');
    let typo = match (x.len(), y.len()) {
        (1, 0) | (0, 1) | (1, 1) => true,
        (2, 2) => same((&x[0], &y[1])) && same((&x[1], &y[0])),
        _ => false,
    };
    typo && !(version(x) && version(y))
}

/// Words of the paste that say a model was not found or does not exist.
fn says_model_unknown(text: &str) -> bool {
    use super::mentions;
    mentions(text, "model")
        && [
            "not found",
            "not exist",
            "model_not_found",
            "not supported",
            "invalid model",
            "unknown model",
        ]
        .iter()
        .any(|w| mentions(text, w))
}

/// A model id one keystroke from exactly one catalog id (not in case or version only),
/// with the paste saying the model is unknown. Fix: the catalog's id (review: the user may mean
/// a model the catalog does not list).
pub(super) fn model_id_typo(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    // The paste is searched for the message only once a setting is a candidate.
    let mut unknown: Option<bool> = None;
    for s in ctx.cfg.settings.iter().filter(|s| names_a_model(s)) {
        if s.kind != ValueKind::Str {
            continue;
        }
        let v = s.value.trim();
        let (prefix, bare) = v.rsplit_once('/').unwrap_or(("", v));
        if !PREFIXES.contains(&prefix)
            || bare.len() < 6
            || crate::model_names::lookup(bare).is_some()
        {
            continue;
        }
        let mut near = crate::vocabulary::MODELS
            .iter()
            .map(|m| m.name)
            .filter(|name| one_typo(name.as_bytes(), bare.as_bytes()));
        let (Some(name), None) = (near.next(), near.next()) else {
            continue;
        };
        if !*unknown.get_or_insert_with(|| says_model_unknown(ctx.text)) {
            return;
        }
        let fixed = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}/{name}")
        };
        let edit = Some(&fixed)
            .filter(|f| crate::escape::model_ok(f))
            .and_then(|f| value_edit(ctx, s, f));
        out.push(CheckHit {
            check: "model-id-typo",
            spans: vec![s.value_span],
            edits: edit.into_iter().collect(),
            applicability: Review,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::one_typo;

    #[test]
    fn one_keystroke_but_not_a_version() {
        let t = |a: &str, b: &str| one_typo(a.as_bytes(), b.as_bytes());
        assert!(t("qwen3-coder-plsu", "qwen3-coder-plus"));
        assert!(t("qwen3-codr-plus", "qwen3-coder-plus"));
        assert!(t("qwen3-coder-pluss", "qwen3-coder-plus"));
        assert!(t("qwen3-coder-plos", "qwen3-coder-plus"));
        assert!(t("Qwen3-Coder-Plsu", "qwen3-coder-plus"));
        // Equal (case aside), two edits, a version: no.
        assert!(!t("qwen3-coder-plus", "qwen3-coder-plus"));
        assert!(!t("Qwen3-Coder-Plus", "qwen3-coder-plus"));
        assert!(!t("qwen3-codr-plsu", "qwen3-coder-plus"));
        assert!(!t("qwen3.8-plus", "qwen3.7-plus"));
        assert!(!t("qwen3-max", "qwen3-max-2026-01-23"));
    }
}
