//! Finding API keys in a paste and masking them. Masking happens here, in core, before anything
//! is rendered: every string that leaves the engine goes through [`Redactor`].

use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// Known key prefixes, longest first, with the kind of key each denotes.
/// Sources: gateway-facts.md (DashScope `sk-`, plans `sk-sp-`, ModelScope `ms-`), provider docs.
pub const PREFIXES: &[(&str, &str)] = &[
    ("sk-sp-", "plan"),
    ("sk-ant-", "anthropic"),
    ("sk-proj-", "openai"),
    ("sk-or-", "openrouter"),
    ("sk-", "general"),
    ("AIza", "google"),
    ("ms-", "modelscope"),
];

/// Literal markers (lowercase) that make a line worth a look for field-held secrets.
pub const FIELD_MARKERS: &[&str] = &[
    "api_key",
    "key provided",
    "key=",
    "apikey",
    "api-key",
    "auth_token",
    "authtoken",
    "authorization",
    "bearer",
    "access_token",
    "secret",
    "token",
    "password",
    "passwd",
];

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Secret {
    pub start: usize,
    pub end: usize,
    /// `plan`, `general`, `anthropic`, `openai`, `openrouter`, `google`, `modelscope`, `unknown`.
    pub kind: &'static str,
    pub masked: String,
    /// A placeholder such as `sk-xxx` or `sk-your-api-key`: tells the key kind, hides nothing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub placeholder: bool,
}

/// Masks a key as prefix + `…` + last 4 (`sk-sp-…3c1e`); short values keep no tail.
pub fn mask(value: &str) -> String {
    let prefix = PREFIXES
        .iter()
        .map(|(p, _)| *p)
        .find(|p| value.starts_with(p))
        .unwrap_or("");
    let rest = &value[prefix.len()..];
    let n = rest.chars().count();
    if n >= 12 {
        let tail: String = rest.chars().skip(n - 4).collect();
        format!("{prefix}…{tail}")
    } else {
        format!("{prefix}…")
    }
}

fn is_key_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// A prefixed key starting at `pos` (where a prefix marker was found), if it is one: a word
/// boundary before, at least 16 characters after the prefix, and a digit among them (which
/// keeps `sk-your-api-key-here` and prose out).
pub fn prefixed_at(text: &str, pos: usize) -> Option<Secret> {
    let b = text.as_bytes();
    if pos > 0 && b.get(pos - 1).is_some_and(|&c| is_key_char(c)) {
        return None;
    }
    let rest = text.get(pos..)?;
    let (prefix, kind) = PREFIXES.iter().find(|(p, _)| rest.starts_with(p))?;
    let mut end = pos + prefix.len();
    while end < b.len() && (is_key_char(b[end]) || b[end] == b'*') {
        end += 1;
    }
    let body = &b[pos + prefix.len()..end];
    let value = text.get(pos..end)?;
    if is_placeholder(body) {
        return Some(Secret {
            start: pos,
            end,
            kind,
            masked: value.to_string(),
            placeholder: true,
        });
    }
    let digits = body.iter().filter(|c| c.is_ascii_digit()).count();
    let letters = body.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if body.len() < 16 || digits == 0 || letters == 0 || body.contains(&b'*') {
        return None;
    }
    Some(Secret {
        start: pos,
        end,
        kind,
        masked: mask(value),
        placeholder: false,
    })
}

/// `xxx`, `****`, `your-api-key-here`, `<replace-me>`-like bodies: documentation, not keys.
fn is_placeholder(body: &[u8]) -> bool {
    if body.len() >= 3
        && body
            .iter()
            .all(|c| matches!(c, b'x' | b'X' | b'*' | b'-' | b'_'))
    {
        return true;
    }
    let lower = body.to_ascii_lowercase();
    let has = |w: &[u8]| lower.windows(w.len()).any(|x| x == w);
    !body.iter().any(u8::is_ascii_digit)
        && [
            "your",
            "xxx",
            "here",
            "api-key",
            "apikey",
            "placeholder",
            "replace",
        ]
        .iter()
        .any(|w| has(w.as_bytes()))
}

fn field_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Matched against the ASCII-lowercased line; the capture is the value.
        let field = r#"[a-z0-9_.-]*(?:api[_-]?key|auth[_-]?token|access[_-]?token|secret(?:[_-]?key)?|token|password|passwd)"#;
        let pattern = format!(
            r#"(?:{field}(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?(?:bearer[ \t]+)?|authorization(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?(?:bearer|basic|token)?[ \t]*|bearer[ \t]+|key provided:[ \t]*|[?&]key=)([^ \t\r\n"'`,;{{}}()\[\]<>\\]+)"#
        );
        crate::regex_limits::bounded_regex(&pattern).unwrap_or_else(|e| panic!("field regex: {e}"))
    })
}

/// Values held by key-like fields on one line (`X_API_KEY=…`, `"apiKey": "…"`, `Bearer …`).
/// `line` and `lower` are the same line, original and ASCII-lowercased; `base` its offset.
pub fn in_fields(line: &str, lower: &str, base: usize, out: &mut Vec<Secret>) {
    for c in field_regex().captures_iter(lower) {
        let Some(m) = c.get(1) else { continue };
        let Some(value) = line.get(m.start()..m.end()) else {
            continue;
        };
        if is_reference(value) || !looks_secret(value) {
            continue;
        }
        let kind = PREFIXES
            .iter()
            .find(|(p, _)| value.starts_with(p))
            .map_or("unknown", |(_, k)| k);
        out.push(Secret {
            start: base + m.start(),
            end: base + m.end(),
            kind,
            masked: mask(value),
            placeholder: false,
        });
    }
}

/// `$VAR`, `${VAR}`, `%VAR%`, `process.env.X`, `os.environ[...]` and the like hold no secret.
fn is_reference(v: &str) -> bool {
    v.starts_with('$')
        || v.starts_with('%')
        || v.starts_with("process.env")
        || v.starts_with("os.environ")
        || v.starts_with("os.getenv")
        || v.starts_with("env.")
        || v.starts_with("System.getenv")
        || v.eq_ignore_ascii_case("null")
        || v.eq_ignore_ascii_case("none")
        || v.eq_ignore_ascii_case("true")
        || v.eq_ignore_ascii_case("false")
}

/// Entropy floor: at least 8 characters with a digit, or 20 of mixed case/symbols.
fn looks_secret(v: &str) -> bool {
    let n = v.len();
    let digits = v.bytes().any(|b| b.is_ascii_digit());
    let upper = v.bytes().any(|b| b.is_ascii_uppercase());
    let lower = v.bytes().any(|b| b.is_ascii_lowercase());
    (n >= 8 && digits && (upper || lower)) || (n >= 20 && upper && lower)
}

/// A key found once (in a config line, say) may stand elsewhere too, bare (an error message
/// quoting it): adds every verbatim occurrence of every found key, in one pass.
pub fn everywhere(text: &str, found: &mut Vec<Secret>) {
    let mut values: Vec<&str> = found
        .iter()
        .filter(|s| !s.placeholder)
        .filter_map(|s| text.get(s.start..s.end))
        .collect::<std::collections::BTreeSet<&str>>()
        .into_iter()
        .collect();
    values.truncate(1024);
    if values.is_empty() {
        return;
    }
    // Lookups by value and by start, so that thousands of keys stay linear.
    let mut model: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, s) in found.iter().enumerate() {
        if let Some(v) = text.get(s.start..s.end) {
            model.entry(v).or_insert(i);
        }
    }
    let mut taken: std::collections::HashSet<usize> = found.iter().map(|s| s.start).collect();
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

/// Replaces every secret inside a range of the original text with its mask.
#[derive(Debug, Default)]
pub struct Redactor {
    /// Sorted by start, non-overlapping.
    secrets: Vec<Secret>,
    pub show: bool,
    /// Secrets by their first [`SCRUB_HEAD`] bytes, for [`Redactor::scrub`] (built once).
    heads: std::sync::OnceLock<std::collections::HashMap<[u8; SCRUB_HEAD], Vec<usize>>>,
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

    /// `text[start..end]`, with secrets masked (a key cut by the range is masked whole).
    pub fn slice(&self, text: &str, start: usize, end: usize) -> String {
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
    pub fn scrub(&self, s: &str, text: &str) -> String {
        if self.show {
            return s.to_string();
        }
        // Only the secrets whose first bytes occur in `s`: linear in `s`, however many keys.
        let heads = self.heads.get_or_init(|| {
            let mut m: std::collections::HashMap<[u8; SCRUB_HEAD], Vec<usize>> =
                std::collections::HashMap::new();
            for (i, k) in self.secrets.iter().enumerate() {
                let head = text
                    .as_bytes()
                    .get(k.start..k.end)
                    .and_then(|v| v.get(..SCRUB_HEAD))
                    .and_then(|h| <[u8; SCRUB_HEAD]>::try_from(h).ok());
                if let (Some(h), false) = (head, k.placeholder) {
                    m.entry(h).or_default().push(i);
                }
            }
            m
        });
        let mut candidates: Vec<usize> = s
            .as_bytes()
            .windows(SCRUB_HEAD)
            .filter_map(|w| <[u8; SCRUB_HEAD]>::try_from(w).ok())
            .filter_map(|w| heads.get(&w))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut values: Vec<(&str, &str)> = candidates
            .into_iter()
            .filter_map(|i| self.secrets.get(i))
            .filter_map(|k| Some((text.get(k.start..k.end)?, k.masked.as_str())))
            .collect();
        values.sort_by_key(|(v, _)| std::cmp::Reverse(v.len()));
        let mut out = s.to_string();
        for (v, masked) in values {
            if let Some(m) = mask_heads(&out, v, masked) {
                out = m;
            }
        }
        out
    }
}

/// The first bytes of a secret that, cut short there (followed by `…` or the end), count as the
/// secret quoted.
pub const SCRUB_HEAD: usize = 8;

/// `s` with every occurrence of `v`, and every run of `v`'s first [`SCRUB_HEAD`] bytes or more
/// that ends with `…` or the end of `s`, replaced by `masked`; `None` when there is none.
fn mask_heads(s: &str, v: &str, masked: &str) -> Option<String> {
    let mut n = SCRUB_HEAD.min(v.len());
    while !v.is_char_boundary(n) {
        n -= 1;
    }
    let head = v.get(..n).filter(|h| !h.is_empty())?;
    if !s.contains(head) {
        return None;
    }
    let (sb, vb) = (s.as_bytes(), v.as_bytes());
    let mut out = String::new();
    let mut at = 0;
    for (i, _) in s.match_indices(head) {
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
pub fn merge_overlapping(secrets: &mut Vec<Secret>) {
    let mut merged: Vec<Secret> = Vec::with_capacity(secrets.len());
    for s in secrets.drain(..) {
        push_merged(&mut merged, s);
    }
    *secrets = merged;
}

fn push_merged(merged: &mut Vec<Secret>, s: Secret) {
    match merged.last_mut() {
        Some(last) if s.start < last.end => {
            if s.end > last.end {
                last.end = s.end;
                last.masked.push_str(&s.masked);
                last.placeholder &= s.placeholder;
            }
        }
        _ => merged.push(s),
    }
}

/// By start, the longest first among those starting at the same place.
pub fn sort_secrets(secrets: &mut Vec<Secret>) {
    crate::order::sort_by_key(secrets, |s| (s.start as u64, crate::order::desc(s.end), 0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_with_prefix_and_last_four() {
        assert_eq!(mask("sk-sp-0123456789abcdef3c1e"), "sk-sp-…3c1e");
        assert_eq!(mask("sk-0123456789abcdefABCD"), "sk-…ABCD");
        assert_eq!(mask("AIzaSyA1234567890abcdefgh"), "AIza…efgh");
        assert_eq!(mask("short"), "…");
    }

    #[test]
    fn prefixed_keys_need_length_digit_and_boundary() {
        let t = "key sk-sp-a1b2c3d4e5f6a7b8c9d0 end";
        let s = prefixed_at(t, 4).expect("a plan key");
        assert_eq!(
            (s.kind, &t[s.start..s.end]),
            ("plan", "sk-sp-a1b2c3d4e5f6a7b8c9d0")
        );
        let p = prefixed_at("sk-your-api-key-here-please", 0).expect("a placeholder");
        assert!(p.placeholder && p.kind == "general" && p.masked == "sk-your-api-key-here-please");
        let p = prefixed_at("\"sk-sp-xxxxxxxx\"", 1).expect("a placeholder");
        assert!(p.placeholder && p.kind == "plan");
        assert!(prefixed_at("sk-learn is a package", 0).is_none(), "prose");
        assert!(prefixed_at("sk-abc123", 0).is_none(), "too short");
        let t = "task-sk-a1b2c3d4e5f6a7b8c9d0";
        assert!(prefixed_at(t, 5).is_none(), "inside a word");
    }

    #[test]
    fn field_values_are_found_but_references_are_not() {
        let cases = [
            (
                "export DASHSCOPE_API_KEY=abcd1234efgh5678",
                Some("abcd1234efgh5678"),
            ),
            (
                "set OPENAI_API_KEY=\"Zx9fQ2mP8rT4vW6yB1nC\"",
                Some("Zx9fQ2mP8rT4vW6yB1nC"),
            ),
            (
                "Authorization: Bearer eyJhbGciOi123456789",
                Some("eyJhbGciOi123456789"),
            ),
            (
                "\"apiKey\": \"a8f5f167f44f4964e6c998dee827110c\",",
                Some("a8f5f167f44f4964e6c998dee827110c"),
            ),
            ("x-api-key: 0a1b2c3d4e5f", Some("0a1b2c3d4e5f")),
            ("OPENAI_API_KEY=$DASHSCOPE_API_KEY", None),
            ("api_key=os.environ[\"KEY\"]", None),
            ("\"apiKey\": \"your-api-key\"", None),
            ("the token is invalid", None),
        ];
        for (line, want) in cases {
            let mut out = Vec::new();
            in_fields(line, &line.to_ascii_lowercase(), 0, &mut out);
            let got = out.first().map(|s| &line[s.start..s.end]);
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn overlapping_secrets_are_masked_as_one_span() {
        let text = "T=AUTH_TOKEN=sk-rT4k4Qm8x9y0z1a2b3c4d5e6 end";
        let field = Secret {
            start: 2,
            end: 15,
            kind: "unknown",
            masked: mask("AUTH_TOKEN=sk"),
            placeholder: false,
        };
        let key = prefixed_at(text, 13).expect("a key");
        let r = Redactor::new(vec![field, key], false);
        let out = r.slice(text, 0, text.len());
        assert!(
            !out.contains("rT4k4Qm8x9"),
            "the later key's body is masked: {out}"
        );
        assert!(out.ends_with(" end") && out.starts_with("T="), "{out}");
    }

    #[test]
    fn redactor_masks_inside_and_across_ranges() {
        let text = "A=sk-sp-a1b2c3d4e5f6a7b8c9d0 B";
        let s = prefixed_at(text, 2).expect("key");
        let r = Redactor::new(vec![s], false);
        assert_eq!(r.slice(text, 0, text.len()), "A=sk-sp-…c9d0 B");
        assert_eq!(r.slice(text, 10, text.len()), "sk-sp-…c9d0 B");
        assert_eq!(r.slice(text, 0, 4), "A=sk-sp-…c9d0");
        assert_eq!(
            r.scrub("x sk-sp-a1b2c3d4e5f6a7b8c9d0 y", text),
            "x sk-sp-…c9d0 y"
        );
        // A quote cut short (a note shows 40 characters of a line) is masked too.
        assert_eq!(
            r.scrub("`OpenAI(api_key=\"sk-sp-a1b2c3d4e5…` is not", text),
            "`OpenAI(api_key=\"sk-sp-…c9d0…` is not"
        );
        assert_eq!(
            r.scrub("sk-sp-a1b2…, sk-sp-a1b2c3d4e5X, sk-sp-a1b.", text),
            "sk-sp-…c9d0…, sk-sp-a1b2c3d4e5X, sk-sp-a1b.",
            "cut short and then `…` is the key; going on otherwise, or shorter, is not"
        );
        let shown = Redactor::new(r.secrets().to_vec(), true);
        assert_eq!(shown.slice(text, 0, text.len()), text);
    }
}
