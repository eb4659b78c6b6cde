//! Model checks: a model id that differs from the catalog's only in case (`Qwen3-Coder-Plus`
//! for `qwen3-coder-plus`), or by a typo (`qwen3-coder-plsu`) where the paste says the model
//! was not found: endpoints compare ids exactly and refuse it.

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

/// Edit distance (Levenshtein, adjacent swaps counting one) between two short ASCII ids.
fn distance(a: &[u8], b: &[u8]) -> usize {
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; n + 1];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[n]
}

/// Whether two ids differ only in their digits and dots: a version (`qwen3.8-plus` and
/// `qwen3.7-plus`), which is a model of its own, not a typo.
fn same_but_version(a: &str, b: &str) -> bool {
    let letters = |s: &str| {
        s.bytes()
            .filter(|c| !c.is_ascii_digit() && *c != b'.')
            .collect::<Vec<u8>>()
    };
    letters(a) == letters(b)
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

/// A model id one or two keystrokes from exactly one catalog id (not in case or version only),
/// with the paste saying the model is unknown. Fix: the catalog's id (review: the user may mean
/// a model the catalog does not list).
pub fn model_id_typo(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    // The paste is searched for the message only once a setting is a candidate.
    let mut unknown: Option<bool> = None;
    for s in ctx.cfg.settings.iter().filter(|s| names_a_model(s)) {
        if s.kind != ValueKind::Str {
            continue;
        }
        let v = s.value.trim();
        let (prefix, bare) = v.rsplit_once('/').unwrap_or(("", v));
        if !PREFIXES.contains(&prefix) || bare.len() < 6 || crate::models::lookup(bare).is_some() {
            continue;
        }
        let lower = bare.to_ascii_lowercase();
        let mut near = crate::model::MODELS.iter().map(|m| m.name).filter(|name| {
            let n = name.to_ascii_lowercase();
            !same_but_version(&n, &lower) && distance(n.as_bytes(), lower.as_bytes()) <= 2
        });
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
    use super::distance;

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(distance(b"qwen3-coder-plus", b"qwen3-coder-plus"), 0);
        assert_eq!(distance(b"qwen3-coder-plsu", b"qwen3-coder-plus"), 1);
        assert_eq!(distance(b"qwen3-codr-plus", b"qwen3-coder-plus"), 1);
        assert_eq!(distance(b"qwen3-coder-pluss", b"qwen3-coder-plus"), 1);
        // One letter moved from the front to the end: a deletion and an insertion.
        assert_eq!(distance(b"kimi-k2.5", b"kimi-2.5k"), 2);
        assert_eq!(distance(b"ab", b"ba"), 1);
        assert_eq!(distance(b"abc", b"xyz"), 3);
        assert_eq!(distance(b"", b"abc"), 3);
    }
}
