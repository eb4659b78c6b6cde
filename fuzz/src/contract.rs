//! The report contract (docs/CONTRACT.md, schema 1) and the engine's robustness guarantees, checked on
//! any input. One oracle for the fuzz targets (`fuzz/fuzz_targets/*`) and for the adversarial
//! corpus and its regressions (`core/tests/adversarial.rs` includes this file by path), so a
//! crash the fuzzer finds replays against exactly the checks that caught it.
//!
//! Every check panics with a message naming what broke; nothing here depends on which rules
//! fired (no hard-coded answers).

use llmdoctor_core::config::{self, Config};
use llmdoctor_core::{Category, Report, Severity, RULES};
use serde_json::Value;

/// Evidence items one diagnosis may carry: a rule keeps `MAX_EVIDENCE` of its own and a config
/// check that absorbs a superseded finding adds as many again (core/src/findings.rs).
pub const MAX_EVIDENCE_ITEMS: usize = 2 * llmdoctor_core::testing::MAX_EVIDENCE;
/// Longest evidence `text`, in bytes: cut at 400 bytes plus `…` (core/src/diagnose/evidence.rs).
pub const MAX_EVIDENCE_TEXT: usize = 400 + '…'.len_utf8();
/// Longest evidence `context.text`, in characters: 120 on each side of an evidence text that
/// is itself cut, plus masks and the two `…` (core/src/diagnose/evidence.rs).
pub const MAX_CONTEXT_CHARS: usize = 2 * 120 + 2 + 1024;

/// The report JSON may not grow faster than the paste: every part of it is a bounded number
/// of (escaped) copies of disjoint pieces of the paste plus a bounded amount of rule text.
pub fn max_report_bytes(input_len: usize) -> usize {
    64 * input_len + 2 * 1024 * 1024
}

fn fail(name: &str, what: String) -> ! {
    panic!("{name}: {what}")
}

fn field<'a>(name: &str, v: &'a Value, key: &str, at: &str) -> &'a Value {
    v.get(key)
        .unwrap_or_else(|| fail(name, format!("{at}: missing `{key}`")))
}

fn string<'a>(name: &str, v: &'a Value, key: &str, at: &str) -> &'a str {
    field(name, v, key, at)
        .as_str()
        .unwrap_or_else(|| fail(name, format!("{at}.{key}: not a string")))
}

fn uint(name: &str, v: &Value, key: &str, at: &str) -> usize {
    field(name, v, key, at)
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or_else(|| fail(name, format!("{at}.{key}: not an unsigned integer")))
}

fn array<'a>(name: &str, v: &'a Value, key: &str, at: &str) -> &'a Vec<Value> {
    field(name, v, key, at)
        .as_array()
        .unwrap_or_else(|| fail(name, format!("{at}.{key}: not an array")))
}

fn strings(name: &str, v: &Value, key: &str, at: &str) {
    for (i, s) in array(name, v, key, at).iter().enumerate() {
        if !s.is_str() {
            fail(name, format!("{at}.{key}[{i}]: not a string"));
        }
    }
}

trait IsStr {
    fn is_str(&self) -> bool;
}
impl IsStr for Value {
    fn is_str(&self) -> bool {
        self.as_str().is_some()
    }
}

/// A byte range of the paste: ordered, inside it, on character boundaries.
fn span(name: &str, text: &str, start: usize, end: usize, at: &str, empty_ok: bool) {
    let ordered = if empty_ok { start <= end } else { start < end };
    if !ordered || end > text.len() {
        fail(
            name,
            format!(
                "{at}: span {start}..{end} is not inside the {}-byte paste",
                text.len()
            ),
        );
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        fail(
            name,
            format!("{at}: span {start}..{end} splits a character"),
        );
    }
}

/// Checks `report` for the paste `text` it was made from, through its JSON serialisation (what
/// `llmdoctor --format json` prints and the page renders). Returns the JSON.
pub fn check_report(name: &str, text: &str, report: &Report) -> String {
    let json = serde_json::to_string(&report.json(llmdoctor_core::Catalog::embedded()))
        .unwrap_or_else(|e| fail(name, format!("the report does not serialise: {e}")));
    if json.len() > max_report_bytes(text.len()) {
        fail(
            name,
            format!(
                "the report is {} bytes for a {}-byte paste: output must stay linear",
                json.len(),
                text.len()
            ),
        );
    }
    let v: Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| fail(name, format!("the report JSON does not parse back: {e}")));
    if v.get("schema").and_then(Value::as_u64) != Some(1) {
        fail(name, "`schema` is not 1".into());
    }
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    let severities = [Severity::Error, Severity::Warning, Severity::Info].map(Severity::as_str);
    // Line starts, to check each evidence line number.
    let newlines: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let mut seen_rules = Vec::new();
    for (i, d) in array(name, &v, "diagnoses", "report").iter().enumerate() {
        let at = format!("diagnoses[{i}]");
        let rule = string(name, d, "rule", &at);
        if !RULES.iter().any(|r| r.id == rule) {
            fail(name, format!("{at}: unknown rule `{rule}`"));
        }
        if seen_rules.contains(&rule) {
            fail(
                name,
                format!(
                    "{at}: rule `{rule}` reported twice (repeats are one diagnosis with a count)"
                ),
            );
        }
        seen_rules.push(rule);
        let category = string(name, d, "category", &at);
        if !categories.contains(&category) {
            fail(
                name,
                format!("{at}: category `{category}` is not in the contract"),
            );
        }
        let severity = string(name, d, "severity", &at);
        if !severities.contains(&severity) {
            fail(
                name,
                format!("{at}: severity `{severity}` is not in the contract"),
            );
        }
        let confidence = string(name, d, "confidence", &at);
        if !["high", "medium", "low"].contains(&confidence) {
            fail(
                name,
                format!("{at}: confidence `{confidence}` is not in the contract"),
            );
        }
        for key in ["title", "explanation"] {
            if string(name, d, key, &at).trim().is_empty() {
                fail(name, format!("{at}.{key} is empty"));
            }
        }
        string(name, d, "verify", &at);
        strings(name, d, "steps", &at);
        strings(name, d, "sources", &at);
        let evidence = array(name, d, "evidence", &at);
        if evidence.len() > MAX_EVIDENCE_ITEMS {
            fail(
                name,
                format!(
                    "{at}: {} evidence items (at most {MAX_EVIDENCE_ITEMS})",
                    evidence.len()
                ),
            );
        }
        let count = uint(name, d, "count", &at);
        if count < evidence.len().min(1) {
            fail(name, format!("{at}: count {count} with evidence"));
        }
        for (j, e) in evidence.iter().enumerate() {
            let at = format!("{at}.evidence[{j}]");
            let (start, end) = (uint(name, e, "start", &at), uint(name, e, "end", &at));
            span(name, text, start, end, &at, false);
            let line = uint(name, e, "line", &at);
            let want = newlines.partition_point(|&n| n < start) + 1;
            if line != want {
                fail(
                    name,
                    format!("{at}: line {line}, but offset {start} is on line {want}"),
                );
            }
            if uint(name, e, "column", &at) < 1 {
                fail(name, format!("{at}: column 0 (columns are 1-based)"));
            }
            let t = string(name, e, "text", &at);
            if t.len() > MAX_EVIDENCE_TEXT + 64 {
                fail(
                    name,
                    format!("{at}.text is {} bytes: evidence must be cut", t.len()),
                );
            }
            let ctx = field(name, e, "context", &at);
            let ct = string(name, ctx, "text", &format!("{at}.context"));
            let chars = ct.chars().count();
            if chars > MAX_CONTEXT_CHARS {
                fail(
                    name,
                    format!("{at}.context.text is {chars} characters: context must be cut"),
                );
            }
            let (from, to) = (
                uint(name, ctx, "from", &format!("{at}.context")),
                uint(name, ctx, "to", &format!("{at}.context")),
            );
            if from > to || to > chars {
                fail(
                    name,
                    format!("{at}.context: {from}..{to} outside its {chars} characters"),
                );
            }
        }
        if let Some(fix) = d.get("fix") {
            let at = format!("{at}.fix");
            let a = string(name, fix, "applicability", &at);
            if a != "safe" && a != "review" {
                fail(name, format!("{at}: applicability `{a}`"));
            }
            let edits = array(name, fix, "edits", &at);
            if edits.is_empty() {
                fail(name, format!("{at}: a fix without edits"));
            }
            for (j, e) in edits.iter().enumerate() {
                let at = format!("{at}.edits[{j}]");
                let (start, end) = (uint(name, e, "start", &at), uint(name, e, "end", &at));
                span(name, text, start, end, &at, true);
                string(name, e, "replacement", &at);
            }
        }
        let retry = field(name, d, "retry", &at);
        let policy = string(name, retry, "policy", &format!("{at}.retry"));
        if !["never", "after_fix", "after_reset", "backoff", "none"].contains(&policy) {
            fail(name, format!("{at}.retry.policy `{policy}`"));
        }
    }
    for (i, c) in array(name, &v, "corrected", "report").iter().enumerate() {
        let at = format!("corrected[{i}]");
        string(name, c, "format", &at);
        string(name, c, "text", &at);
        let (start, end) = (uint(name, c, "start", &at), uint(name, c, "end", &at));
        span(name, text, start, end, &at, true);
    }
    let facts = field(name, &v, "facts", "report");
    if !facts.is_object() {
        fail(name, "`facts` is not an object".into());
    }
    json
}

/// What [`config::read`] returns for any input: blocks and settings inside the paste, on
/// character boundaries, within the documented bounds.
pub fn check_config(name: &str, text: &str, cfg: &Config) {
    if cfg.blocks.len() > config::MAX_BLOCKS {
        fail(
            name,
            format!(
                "{} blocks (at most {})",
                cfg.blocks.len(),
                config::MAX_BLOCKS
            ),
        );
    }
    if cfg.settings.len() > config::MAX_SETTINGS {
        fail(
            name,
            format!(
                "{} settings (at most {})",
                cfg.settings.len(),
                config::MAX_SETTINGS
            ),
        );
    }
    for (i, b) in cfg.blocks.iter().enumerate() {
        span(name, text, b.start, b.end, &format!("blocks[{i}]"), true);
    }
    let mut last = (0usize, 0usize);
    for (i, s) in cfg.settings.iter().enumerate() {
        let at = format!("settings[{i}] `{}`", s.path.escape_debug());
        if s.block >= cfg.blocks.len() {
            fail(name, format!("{at}: block {} does not exist", s.block));
        }
        let (a, b) = s.value_span;
        span(name, text, a, b, &format!("{at}.value_span"), true);
        if let Some((ka, kb)) = s.key_span {
            span(name, text, ka, kb, &format!("{at}.key_span"), true);
        }
        let order = (s.block, a.min(s.key_span.map_or(usize::MAX, |k| k.0)));
        if order < last {
            fail(
                name,
                format!("{at}: settings are not ordered by block and position"),
            );
        }
        last = order;
        if s.value.len() > config::MAX_RAW_VALUE.max(b - a) * 6 + 64 {
            fail(
                name,
                format!(
                    "{at}: value of {} bytes for a {}-byte span",
                    s.value.len(),
                    b - a
                ),
            );
        }
    }
}
