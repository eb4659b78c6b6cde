//! Finding API keys in a paste and masking them. Masking happens here, in core, before anything
//! is rendered: every string that leaves the engine goes through [`Redactor`].

mod find;
mod kind;
mod masked;
pub(crate) mod names;
pub(crate) mod normal;
pub(crate) mod placeholder;
pub(crate) mod shapes;
mod values;

pub(crate) use find::{find, from_settings, random_enough, Finder};
pub use kind::KeyKind;
pub use masked::{escape_controls, needs_escape, Masked, MaskedJson, Revealed};
use serde::Serialize;
pub(crate) use values::{code_call, long_hex, looks_secret, random_token, symbolic, worth_masking};

#[derive(Clone, Serialize, PartialEq, Eq)]
pub struct Secret {
    pub start: usize,
    pub end: usize,
    /// The shape's kind (`plan`, `general`, `anthropic`, `openai`, … rules/secrets.toml), or
    /// `unknown` for a value held by a secret-named setting.
    pub kind: KeyKind,
    pub masked: String,
    /// A placeholder such as `sk-xxx` or `sk-your-api-key`: tells the key kind, hides nothing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub placeholder: bool,
    /// The key as it reads once what hid it is taken away (escapes decoded, invisible
    /// characters dropped, split pieces joined): the form fixes and notes may quote.
    #[serde(skip)]
    pub clean: String,
}

impl std::fmt::Debug for Secret {
    /// Without the clean form (the unmasked key).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Secret {{ {}..{}, {}, {:?}{} }}",
            self.start,
            self.end,
            self.kind,
            self.masked,
            if self.placeholder {
                ", placeholder"
            } else {
                ""
            }
        )
    }
}

impl Secret {
    /// The clean forms of the key(s) this span holds (two when overlapping keys were merged).
    pub fn cleans(&self) -> impl Iterator<Item = &str> {
        self.clean.split('\0').filter(|c| !c.is_empty())
    }
}

/// The anchor a key of `kind` starts with (`plan` → `sk-sp-`), or "" for unknown kinds.
pub(crate) fn anchor_of_kind(kind: KeyKind) -> &'static str {
    shapes::SHAPES
        .iter()
        .find(|s| s.kind == kind)
        .map_or("", |s| s.anchor)
}

/// Masks a key as its anchor + `…` + last 4 (`sk-sp-…3c1e`); short values keep no tail.
pub fn mask(value: &str) -> String {
    mask_value(shapes::of_value(value).map_or("", |s| s.anchor), value)
}

/// Masks `value` keeping `anchor` (if the value starts with it, in any case) and, for bodies of
/// 12 characters or more, the last 4.
pub(crate) fn mask_value(anchor: &str, value: &str) -> String {
    let keep = value
        .get(..anchor.len())
        .filter(|p| !anchor.is_empty() && p.eq_ignore_ascii_case(anchor))
        .unwrap_or("");
    let rest = &value[keep.len()..];
    let n = rest.chars().count();
    if n >= 12 {
        let tail: String = rest.chars().skip(n - 4).collect();
        format!("{keep}…{tail}")
    } else {
        format!("{keep}…")
    }
}

/// A key found once (in a config line, say) may stand elsewhere too, bare (an error message
/// quoting it): adds every verbatim occurrence of every found key, in one pass.
pub(crate) fn everywhere(text: &str, found: &mut Vec<Secret>) {
    // Each key as it stands in the paste and as it reads (escapes decoded, pieces joined).
    let mut model: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (i, s) in found.iter().enumerate().filter(|(_, s)| !s.placeholder) {
        if let Some(v) = text.get(s.start..s.end).filter(|v| v.len() >= 4) {
            model.entry(v).or_insert(i);
        }
        for c in s.cleans().filter(|c| c.len() >= 4) {
            model.entry(c).or_insert(i);
        }
    }
    let values: Vec<&str> = model.keys().copied().take(1024).collect();
    if values.is_empty() {
        return;
    }
    // A placeholder's place does not count as taken: a real key's text there is masked
    // (`"sk-or-ABC_API_KE` + a raw line break + `Y"` reads as `…API_KEY`, a placeholder).
    let mut taken: crate::hashing::Set<usize> = found
        .iter()
        .filter(|s| !s.placeholder)
        .map(|s| s.start)
        .collect();
    let mut extra = Vec::new();
    let mut add = |start: usize, v: &str| {
        let Some(&i) = model.get(v) else {
            return;
        };
        if taken.insert(start) {
            extra.push(Secret {
                start,
                end: start + v.len(),
                ..found[i].clone()
            });
        }
    };
    if values.len() <= 8 {
        // A few keys (the usual paste): one memchr-driven search each beats building an automaton.
        for v in &values {
            for (i, _) in text.match_indices(v) {
                add(i, v);
            }
        }
    } else {
        let ac = crate::keywords::Keywords::new(&values);
        for m in ac.find_all_longest(text.as_bytes()) {
            add(m.start, values[m.pattern]);
        }
    }
    found.extend(extra);
}

impl std::fmt::Debug for Redactor {
    /// Counts only: a redactor holds the keys it masks.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Redactor {{ {} secrets, show: {} }}",
            self.secrets.len(),
            self.show
        )
    }
}

/// Secrets' lower-cased forms (raw and clean) by their first [`SCRUB_HEAD`] bytes, with the
/// index of the secret each belongs to.
type Heads = crate::hashing::Map<[u8; SCRUB_HEAD], Vec<(String, usize)>>;

/// Replaces every secret inside a range of the original text with its mask.
#[derive(Default)]
pub struct Redactor {
    /// Sorted by start, non-overlapping.
    secrets: Vec<Secret>,
    pub show: bool,
    /// Secrets by their first [`SCRUB_HEAD`] bytes, for [`Redactor::scrub`] (built once).
    heads: std::sync::OnceLock<Heads>,
}

impl Redactor {
    pub fn new(mut secrets: Vec<Secret>, show: bool) -> Redactor {
        sort_secrets(&mut secrets);
        let mut merged: Vec<Secret> = Vec::with_capacity(secrets.len());
        for s in secrets {
            push_merged(&mut merged, s);
        }
        Redactor {
            secrets: merged,
            show,
            heads: std::sync::OnceLock::new(),
        }
    }

    pub fn secrets(&self) -> &[Secret] {
        &self.secrets
    }

    /// A JSON value with every string in it (object keys too) scrubbed.
    pub fn json(&self, v: serde_json::Value, text: &str) -> MaskedJson {
        fn walk(r: &Redactor, v: serde_json::Value, text: &str) -> serde_json::Value {
            use serde_json::Value;
            match v {
                Value::String(s) => Value::String(r.scrub_raw(&s, text)),
                Value::Array(a) => Value::Array(a.into_iter().map(|x| walk(r, x, text)).collect()),
                Value::Object(o) => Value::Object(
                    o.into_iter()
                        .map(|(k, x)| (r.scrub_raw(&k, text), walk(r, x, text)))
                        .collect(),
                ),
                other => other,
            }
        }
        MaskedJson::new(walk(self, v, text))
    }

    /// `text[start..end]`, with secrets masked (a key cut by the range is masked whole).
    pub fn slice(&self, text: &str, start: usize, end: usize) -> Masked {
        Masked::new(self.slice_raw(text, start, end))
    }

    fn slice_raw(&self, text: &str, start: usize, end: usize) -> String {
        let Some(s) = text.get(start..end) else {
            return String::new();
        };
        if self.show {
            return s.to_string();
        }
        let first = self.secrets.partition_point(|k| k.end <= start);
        let mut out = String::with_capacity(s.len());
        let mut at = start;
        for k in self.secrets[first..].iter().take_while(|k| k.start < end) {
            if k.start > at {
                out.push_str(text.get(at..k.start).unwrap_or(""));
            }
            if k.end > at {
                out.push_str(&k.masked);
                at = k.end;
            }
        }
        if at < end {
            out.push_str(text.get(at..end).unwrap_or(""));
        }
        out
    }

    /// Masks any secret that appears in a string built from the paste elsewhere (an edit's
    /// replacement, a corrected snippet, a note quoting the paste): verbatim, or cut short
    /// (its first [`SCRUB_HEAD`] bytes or more, then `…` or the end: a quote that was cut).
    /// Longer secrets first, so one that holds another is masked whole. `text` is the paste the
    /// secrets were found in, the same on every call.
    pub fn scrub(&self, s: &str, text: &str) -> Masked {
        Masked::new(self.scrub_raw(s, text))
    }

    fn scrub_raw(&self, s: &str, text: &str) -> String {
        if self.show {
            return s.to_string();
        }
        // Only the secrets whose first bytes occur in `s`: linear in `s`, however many keys.
        // Compared ASCII-lowercased: a derived string may have changed the key's case.
        let heads = self.heads.get_or_init(|| {
            let mut m: Heads = Heads::default();
            for (i, k) in self
                .secrets
                .iter()
                .enumerate()
                .filter(|(_, k)| !k.placeholder)
            {
                let raw = text.get(k.start..k.end).unwrap_or("");
                for v in std::iter::once(raw).chain(k.cleans()).chain(pieces(raw)) {
                    let lower = v.to_ascii_lowercase();
                    let head = lower
                        .as_bytes()
                        .get(..SCRUB_HEAD)
                        .and_then(|h| <[u8; SCRUB_HEAD]>::try_from(h).ok());
                    // Values shorter than a head (a 4-character password) go under the
                    // all-zero head, which every string is checked against.
                    let h = head.or_else(|| (lower.len() >= 4).then_some([0; SCRUB_HEAD]));
                    if let Some(h) = h {
                        let e = m.entry(h).or_default();
                        if !e.iter().any(|(x, _)| *x == lower) {
                            e.push((lower, i));
                        }
                    }
                }
            }
            m
        });
        let lower_s = s.to_ascii_lowercase();
        let mut values: Vec<(&str, &str, usize)> = lower_s
            .as_bytes()
            .windows(SCRUB_HEAD)
            .filter_map(|w| <[u8; SCRUB_HEAD]>::try_from(w).ok())
            .filter_map(|w| heads.get(&w))
            .chain(heads.get(&[0; SCRUB_HEAD]))
            .flatten()
            .filter_map(|(v, i)| Some((v.as_str(), self.secrets.get(*i)?.masked.as_str(), *i)))
            .collect();
        // Longest first, then by secret, each in the order found (the engine's one sort: another
        // sort's code costs the page ~1 KB); a value met twice in a row is masked once.
        crate::order::sort_by_key(&mut values, |(v, _, i)| {
            (crate::order::desc(v.len()), crate::order::n(*i), 0)
        });
        values.dedup();
        let mut out = s.to_string();
        for (v, masked, _) in values {
            if let Some(m) = mask_heads(&out, v, masked) {
                out = m;
            }
        }
        out
    }
}

/// What interrupts a key's characters in a paste: a blank, a control character, a quote
/// (typographic ones too: `“…”`, `「…」`) or a line-continuing `\`.
pub(crate) fn interrupts(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '"' | '\'' | '\\' | '“' | '”' | '‘' | '’' | '「' | '」')
}

/// The pieces of a key interrupted (see [`interrupts`]: `abc…\rdef…`) that are long enough to
/// be one on their own: a string quoting the paste up to the interruption (a reader's note), or
/// a correction that dropped the quotes or joined the lines, holds one of them.
fn pieces(raw: &str) -> impl Iterator<Item = &str> {
    let interrupted = raw.chars().any(interrupts);
    raw.split(interrupts)
        .map(|p| p.trim_end_matches('.'))
        .filter(move |p| interrupted && p.len() >= SCRUB_HEAD && random_enough(p.as_bytes()))
}

/// The first bytes of a secret that, cut short there (followed by `…` or the end), count as the
/// secret quoted.
pub(crate) const SCRUB_HEAD: usize = 8;

/// `s` with every occurrence of `v`, and every run of `v`'s first [`SCRUB_HEAD`] bytes or more
/// that ends with `…` or the end of `s`, replaced by `masked`; `None` when there is none.
fn mask_heads(s: &str, v: &str, masked: &str) -> Option<String> {
    let mut n = SCRUB_HEAD.min(v.len());
    while !v.is_char_boundary(n) {
        n -= 1;
    }
    let head = v.get(..n).filter(|h| !h.is_empty())?;
    // `v` is lower case; `s` is compared lower-cased (same byte offsets: ASCII only changes).
    let ls = s.to_ascii_lowercase();
    if !ls.contains(head) {
        return None;
    }
    let (sb, vb) = (ls.as_bytes(), v.as_bytes());
    let mut out = String::new();
    let mut at = 0;
    for (i, _) in ls.match_indices(head) {
        if i < at {
            continue;
        }
        let mut m = n;
        while m < vb.len() && sb.get(i + m) == Some(&vb[m]) {
            m += 1;
        }
        while !v.is_char_boundary(m) {
            m -= 1;
        }
        let cut_short = s
            .get(i + m..)
            .is_some_and(|r| r.is_empty() || r.starts_with('…'));
        if m < vb.len() && !cut_short {
            continue;
        }
        out.push_str(s.get(at..i).unwrap_or(""));
        out.push_str(masked);
        at = i + m;
    }
    if at == 0 && out.is_empty() {
        return None;
    }
    out.push_str(s.get(at..).unwrap_or(""));
    Some(out)
}

/// Merges overlapping secrets (sorted by start) into one span each, masks joined: dropping the
/// later one left its tail unmasked (a field value `THROPIC_AUTH_TOKEN=sk` overlapping the key
/// `sk-rT4k…` that followed it showed the key without its `sk`; found by the secrets fuzz target).
pub(crate) fn merge_overlapping(secrets: &mut Vec<Secret>) {
    let mut merged: Vec<Secret> = Vec::with_capacity(secrets.len());
    for s in secrets.drain(..) {
        push_merged(&mut merged, s);
    }
    *secrets = merged;
}

fn push_merged(merged: &mut Vec<Secret>, s: Secret) {
    match merged.last_mut() {
        Some(last) if s.start < last.end => {
            if last.placeholder && !s.placeholder {
                // A real key inside what read as a placeholder: the span is the key's.
                last.placeholder = false;
                last.kind = s.kind;
                last.masked.clone_from(&s.masked);
                last.end = last.end.max(s.end);
            } else if s.end > last.end {
                last.end = s.end;
                last.masked.push_str(&s.masked);
                last.placeholder &= s.placeholder;
            }
            // Both keys' clean forms stay known to scrubbing.
            if !s.clean.is_empty() && !last.cleans().any(|c| c == s.clean) {
                last.clean.push('\0');
                last.clean.push_str(&s.clean);
            }
        }
        _ => merged.push(s),
    }
}

/// By start, the longest first among those starting at the same place.
pub(crate) fn sort_secrets(secrets: &mut Vec<Secret>) {
    crate::order::sort_by_key(secrets, |s| (s.start as u64, crate::order::desc(s.end), 0));
}

#[cfg(test)]
mod tests;
