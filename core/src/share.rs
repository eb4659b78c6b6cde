//! A paste made safe to put in a share link: every key the engine finds (the same detection
//! that masks keys in reports, every occurrence of each) is replaced by a placeholder that
//! keeps only the key's kind, so the shared paste is diagnosed the same way and carries nothing
//! of the secret — no last four characters either.

use crate::scan::scan;
use crate::secrets::{anchor_of_kind, shapes::SHAPES};

/// The body that follows a kind's prefix in a placeholder. The engine reads
/// `sk-sp-REDACTED-xxxx` as a placeholder plan key (kind kept, never a real key) and the
/// key-placeholder check does not take it for an unreplaced example value.
pub const REDACTED: &str = "REDACTED-xxxx";

/// The placeholder for a key of `kind` (`plan` → `sk-sp-REDACTED-xxxx`); keys of no known
/// prefix (`unknown`, values held by key fields) become `REDACTED-xxxx`.
pub fn placeholder(kind: &str) -> String {
    format!("{}{REDACTED}", anchor_of_kind(kind))
}

/// `text` with every detected key replaced by [`placeholder`] of its kind, and keys that the
/// paste shows half-masked by a provider (`sk-proj-abc1********wxyz`) cut to their prefix.
/// Placeholders already in the paste (`sk-xxx`) stay as they are.
pub fn redact_for_share(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let keys = scan(text, &lower).facts.keys;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    // Sorted by start and non-overlapping (scan merges them).
    for k in keys.iter().filter(|k| !k.placeholder) {
        let Some(value) = text.get(k.start..k.end).filter(|_| k.start >= at) else {
            continue;
        };
        out.push_str(&text[at..k.start]);
        out.push_str(&placeholder(k.kind));
        // A field value read up to the sentence's full stop (`key provided: sk-….`): no key
        // ends in a dot, so the dot stays.
        at = k.start + value.trim_end_matches('.').len();
    }
    out.push_str(&text[at..]);
    cut_half_masked(&out)
}

/// Provider error messages quote keys half-masked (`sk-abc1************wxyz`): the engine does
/// not count them as keys, but their visible ends are still parts of a key. Each becomes its
/// prefix and `…` (`sk-…`), which is no key either, so the facts stay the same.
fn cut_half_masked(text: &str) -> String {
    let b = text.as_bytes();
    let key_byte = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'*');
    let mut out = String::with_capacity(text.len());
    let (mut at, mut i) = (0, 0);
    while i < b.len() {
        let boundary = i == 0 || !key_byte(b[i - 1]);
        let prefix = SHAPES
            .iter()
            .map(|s| s.anchor)
            .filter(|a| !a.is_empty() && boundary && b[i..].starts_with(a.as_bytes()))
            .max_by_key(|a| a.len());
        let Some(p) = prefix else {
            i += 1;
            continue;
        };
        let body_start = i + p.len();
        let mut end = body_start;
        while end < b.len() && key_byte(b[end]) {
            end += 1;
        }
        let body = &b[body_start..end];
        let stars = body.iter().filter(|&&c| c == b'*').count();
        let visible = body.iter().filter(|c| c.is_ascii_alphanumeric()).count();
        if stars >= 3 && visible > 0 && body.iter().any(u8::is_ascii_digit) {
            out.push_str(&text[at..body_start]);
            out.push('…');
            at = end;
        }
        i = end.max(i + 1);
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_keep_the_kind_and_are_no_keys() {
        for shape in SHAPES.iter().filter(|s| !s.anchor.is_empty()) {
            let p = placeholder(shape.kind);
            assert!(p.starts_with(anchor_of_kind(shape.kind)), "{p}");
            let found = crate::secrets::find(&p, &p.to_ascii_lowercase());
            assert!(
                found.iter().all(|s| s.placeholder),
                "{p} must read as a placeholder, not a key: {found:?}"
            );
        }
        assert_eq!(placeholder("unknown"), REDACTED);
    }

    #[test]
    fn keys_become_placeholders_of_their_kind() {
        let text = "ANTHROPIC_AUTH_TOKEN=sk-sp-7d2c9e4f1a8b3c6d5e0f9a2b4c7d1e3f\n\
                    Incorrect API key provided: sk-sp-7d2c9e4f1a8b3c6d5e0f9a2b4c7d1e3f.\n\
                    Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abc123def456\n\
                    placeholder stays: sk-xxxxxxxx";
        let got = redact_for_share(text);
        assert_eq!(
            got,
            "ANTHROPIC_AUTH_TOKEN=sk-sp-REDACTED-xxxx\n\
             Incorrect API key provided: sk-sp-REDACTED-xxxx.\n\
             Authorization: Bearer eyJREDACTED-xxxx\n\
             placeholder stays: sk-xxxxxxxx"
        );
    }

    #[test]
    fn half_masked_keys_lose_their_visible_ends() {
        let text = "Your key sk-proj-ab12************************wxyz is not valid.";
        assert_eq!(
            redact_for_share(text),
            "Your key sk-proj-REDACTED-xxxx is not valid."
        );
        let text = "Your key sk-ab12************************wxyz is not valid.";
        assert_eq!(redact_for_share(text), "Your key sk-… is not valid.");
        // Where a key field holds it, it is read as a key and replaced like one.
        let text = "Incorrect API key provided: sk-proj-ab12*****************wxyz. You can";
        assert_eq!(
            redact_for_share(text),
            "Incorrect API key provided: sk-proj-REDACTED-xxxx. You can"
        );
        // All stars is a placeholder already; prose and short tokens are left alone.
        for same in ["sk-****", "sk-learn ab**", "task-sk-ab1********xyz"] {
            assert_eq!(redact_for_share(same), same);
        }
    }
}
