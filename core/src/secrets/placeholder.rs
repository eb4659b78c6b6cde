//! Keys replaced by placeholders of their kind (`sk-sp-REDACTED-xxxx`), for text that leaves
//! the machine on purpose (the page's share link): not even the last four characters stay.

use super::{anchor_of_kind, shapes::SHAPES, KeyKind, Masked, Redactor};

/// The body that follows a kind's anchor in a placeholder. The engine reads
/// `sk-sp-REDACTED-xxxx` as a placeholder plan key (kind kept, never a real key) and the
/// key-placeholder check does not take it for an unreplaced example value.
pub(crate) const REDACTED: &str = "REDACTED-xxxx";

/// The placeholder for a key of `kind` (`plan` → `sk-sp-REDACTED-xxxx`); keys of no known
/// anchor (`unknown`, values held by secret-named settings) become `REDACTED-xxxx`.
pub fn placeholder(kind: KeyKind) -> String {
    format!("{}{REDACTED}", anchor_of_kind(kind))
}

impl Redactor {
    /// `text` with every secret replaced by [`placeholder`] of its kind, and keys that the
    /// paste shows half-masked by a provider (`sk-proj-abc1********wxyz`) cut to their anchor.
    /// Placeholders already in the paste (`sk-xxx`) stay as they are.
    pub fn with_placeholders(&self, text: &str) -> Masked {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        // Sorted by start and non-overlapping.
        for k in self.secrets().iter().filter(|k| !k.placeholder) {
            if k.start < at || text.get(k.start..k.end).is_none() {
                continue;
            }
            out.push_str(&text[at..k.start]);
            out.push_str(&placeholder(k.kind));
            at = k.end;
        }
        out.push_str(&text[at..]);
        Masked::new(cut_half_masked(&out))
    }
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
