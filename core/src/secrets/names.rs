//! Secret-named settings (rules/secrets.toml `[names]`) and their values on a line, in the
//! syntaxes pastes use: `NAME=v`, `NAME: v`, `"NAME": "v"`, `NAME = """v"""`, `$env:NAME="v"`,
//! `setx NAME v`, fish `set -x NAME v`, `os.environ["NAME"] = "v"`, `WithAPIKey("v")`,
//! `.apiKey("v")`, `Authorization: Bearer v`, YAML block scalars and lists, flow arrays; also
//! `user:password@` in URLs, `curl -u user:password`, and cookie values.

use super::shapes::{NAMES_CONTAINS, NAMES_EXCEPT, NAMES_HOLD_IDS, NAMES_LAST};
use std::sync::OnceLock;

/// How sure a name is that its value is a secret: `Strong` names (password, secret, …) hold one
/// whatever it looks like; `Key` names (`OPENAI_API_KEY`, `accessToken`: a credential's name,
/// not a word) one unless it is a variable's name; `Weak` ones (key, token, …) only when it
/// looks random.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    Strong,
    Key,
    Weak,
}

/// Last words of names that hold something about a credential, not the credential
/// (`API_KEY_ENV`, `api_key_name`, `apiKeyHeader`): their values stay weak.
const ABOUT_A_KEY: &[&str] = &[
    "env", "var", "variable", "name", "file", "path", "url", "type", "header", "id", "ids",
    "prefix", "helper", "command", "cmd", "source", "ref",
];

/// Last words that make a name strong.
const STRONG: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "passphrase",
    "credential",
    "credentials",
];

/// Literals (lowercase) that make a line worth reading for secret-named settings, derived from
/// the names table on first use.
pub fn markers() -> &'static [String] {
    static M: OnceLock<Vec<String>> = OnceLock::new();
    M.get_or_init(|| {
        let mut v: Vec<String> = Vec::new();
        for w in NAMES_LAST.iter().chain(NAMES_CONTAINS) {
            // Short words only as a name's last word (`DASHSCOPE_SK`, `AK=`, `PAT:`): `pat`,
            // `pin`, `sig` inside `path`, `ping`, `signal` would send most log lines here (a
            // 10 MB log took 3.5x the instructions). `key`, `pwd`, `jwt` stand in prose too.
            let forms: Vec<String> = if w.len() >= 4 || matches!(*w, "key" | "pwd" | "jwt") {
                vec![w.to_string(), w.replace('_', "")]
            } else {
                vec![format!("_{w}"), format!("{w}="), format!("{w}:")]
            };
            for f in forms {
                if !v.contains(&f) {
                    v.push(f);
                }
            }
        }
        for extra in ["setx ", "set -", "cookie"] {
            v.push(extra.to_string());
        }
        v.extend(CJK_NAMES.iter().map(|(w, _)| w.to_string()));
        v
    })
}

/// `accessKey`, `ACCESS-KEY`, `access.key` → `access_key`: the config readers' snake case, with
/// the separators of paths and prose read as `_` too.
pub(crate) fn normalize(name: &str) -> String {
    crate::config::snake(name).replace(['.', ' ', ':', '/'], "_")
}

/// `n` is `w`, or ends with `_` and `w` (without building `_w`: this runs on every word).
fn is_word_suffix(n: &str, w: &str) -> bool {
    n == w || n.strip_suffix(w).is_some_and(|head| head.ends_with('_'))
}

/// Whether a setting of this name holds a secret, and how surely.
pub(crate) fn secret_name(name: &str) -> Option<Strength> {
    let n = normalize(name);
    let n = n.trim_matches('_');
    if NAMES_EXCEPT.iter().any(|e| is_word_suffix(n, e)) {
        return None;
    }
    let last = n.rsplit('_').next().unwrap_or(n);
    // `TOKEN2`, `KEY_1`: a numbered setting is its name's kind.
    let last = match last.trim_end_matches(|c: char| c.is_ascii_digit()) {
        "" => n
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '_')
            .rsplit('_')
            .next()
            .unwrap_or(n),
        l => l,
    };
    // What an Authorization header or a bearer setting holds is a credential.
    if last == "authorization" || n.contains("bearer") {
        return Some(Strength::Key);
    }
    if STRONG.contains(&last)
        || n.contains("secret")
        || n.contains("password")
        || n.contains("private_key")
    {
        return Some(Strength::Strong);
    }
    if !n.is_ascii() {
        if let Some((_, strength)) = CJK_NAMES.iter().find(|(w, _)| n.contains(w)) {
            return Some(*strength);
        }
    }
    if NAMES_CONTAINS.iter().any(|c| n.contains(c)) {
        // An error code naming the key (`InvalidApiKey`, `API_KEY_INVALID`) is no setting.
        let error_code = [
            "invalid",
            "missing",
            "required",
            "error",
            "incorrect",
            "expired",
        ]
        .iter()
        .any(|w| n.contains(w));
        return Some(if error_code || ABOUT_A_KEY.contains(&last) {
            Strength::Weak
        } else {
            Strength::Key
        });
    }
    NAMES_LAST.contains(&last).then_some(Strength::Weak)
}

/// Whether a setting of this name holds an id, a hash or a version, which long hex values are
/// (`request_id`, `trace_id`, `sha256`, `commit`): shown, not masked.
pub(crate) fn names_an_id(name: &str) -> bool {
    let n = normalize(name);
    let last = n.rsplit('_').next().unwrap_or(&n);
    ID_WORDS.contains(&last)
        || ["request", "trace", "hash", "commit"]
            .iter()
            .any(|w| n.contains(w))
}

/// Last words of names that hold ids, hashes and versions ([`names_an_id`]).
const ID_WORDS: &[&str] = &[
    "id",
    "ids",
    "uuid",
    "sha",
    "sha1",
    "sha256",
    "digest",
    "checksum",
    "etag",
    "revision",
    "version",
    "fingerprint",
    "span",
];

/// Whether a setting of this name should hold a model id or a variable name.
pub(crate) fn holds_id(name: &str) -> bool {
    let n = normalize(name);
    let last = n.rsplit('.').next().unwrap_or(&n);
    NAMES_HOLD_IDS.iter().any(|h| is_word_suffix(last, h))
}

/// A value found on a line: offsets in the normalized text.
pub(crate) struct Value {
    pub start: usize,
    pub end: usize,
    pub strength: Strength,
}

fn ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'-'
}

/// Secret values on the line `ls..le` of `t`; block values (YAML, TOML `"""`) may go on below.
pub(crate) fn values_on_line(t: &str, ls: usize, le: usize, line: &str) -> Vec<Value> {
    let b = t.as_bytes();
    let lb = line.as_bytes();
    let mut out = Vec::new();
    commands(t, ls, line, &mut out);
    urls(ls, lb, &mut out);
    let mut i = 0;
    while i < lb.len() {
        if !ident(lb[i]) || (i > 0 && ident(lb[i - 1])) {
            i += 1;
            continue;
        }
        let s = i;
        while i < lb.len() && ident(lb[i]) {
            i += 1;
        }
        let name = &line[s..i];
        let Some(strength) = secret_name(name) else {
            continue;
        };
        let lname = name.to_ascii_lowercase();
        if lname == "cookie" || lname == "set-cookie" {
            cookies(ls, lb, i, &mut out);
            continue;
        }
        let quoted_name = s > 0 && matches!(lb[s - 1], b'"' | b'\'');
        let Some(at) = operator(lb, i, &lname, quoted_name) else {
            continue;
        };
        // A value after a word in prose (`key o82n…`, `my API key is …`), not after `=`, `:` or
        // a quote, is a key only when it looks random.
        let prose = !lb[i..at]
            .iter()
            .any(|c| matches!(c, b'=' | b':' | b'(' | b',') || *c >= 0x80);
        let strength = if prose && strength == Strength::Key {
            Strength::Weak
        } else {
            strength
        };
        let before = out.len();
        value_at(b, ls + at, le, ls, strength, &mut out);
        // A URL's query or fragment parameter (`?access_token=…&token_type=bearer`,
        // `#access_token=…`) ends at `&` or `#`.
        if s > 0 && matches!(lb[s - 1], b'?' | b'&' | b'#') {
            for v in &mut out[before..] {
                if let Some(cut) = b[v.start..v.end]
                    .iter()
                    .position(|&c| c == b'&' || c == b'#')
                {
                    v.end = v.start + cut;
                }
            }
        }
    }
    // Chinese names in prose, glued to what is around them (`令牌是…，报错 401`).
    if !line.is_ascii() {
        for (w, strength) in CJK_NAMES {
            let mut from = 0;
            while let Some(p) = line[from..].find(w) {
                let i = from + p + w.len();
                from = i;
                if let Some(at) = operator(lb, i, "key", false) {
                    value_at(b, ls + at, le, ls, strength, &mut out);
                }
            }
        }
    }
    out
}

/// Chinese secret names, with their strength: in settings (`{"密钥": "…"}`, `API密钥=…`) and in
/// prose, where no ASCII name boundary sets them apart (`令牌是…`).
const CJK_NAMES: [(&str, Strength); 6] = [
    ("密钥", Strength::Weak),
    ("秘钥", Strength::Weak),
    ("令牌", Strength::Weak),
    ("密码", Strength::Strong),
    ("口令", Strength::Strong),
    ("私钥", Strength::Strong),
];

/// After a name ending at `i`: the start of its value, past the quotes, the `=`, `:`, `(` or `,`
/// between them.
fn operator(lb: &[u8], mut i: usize, lname: &str, quoted_name: bool) -> Option<usize> {
    let start = i;
    // Backslashes too: the quotes of JSON escaped inside JSON (`{\\"KEY\\":\\"…\\"}`).
    while i < lb.len() && matches!(lb[i], b'"' | b'\'' | b'`' | b']' | b' ' | b'\t' | b'\\') {
        i += 1;
    }
    let rest = &lb[i..];
    // A typed assignment (`api_key: str = "…"`, `apiKey: string = '…'`): the value is after `=`.
    if let Some(eq) = typed_assignment(rest) {
        return Some(i + eq);
    }
    let op = if rest.starts_with(b":=") || rest.starts_with(b"=>") || rest.starts_with(b"==") {
        2
    } else if rest.starts_with(b" provided:") || rest.starts_with(b"provided:") {
        rest.iter().position(|&c| c == b':')? + 1
    } else if let Some(op) = ["：", "是", "为", "（"]
        .iter()
        .find(|w| rest.starts_with(w.as_bytes()))
    {
        // Chinese prose and full-width punctuation: `key是sk-…`, `API Key：…`.
        op.len()
    } else if matches!(rest.first(), Some(b'=' | b':' | b'('))
        // ("NAME", "value")
        || (quoted_name
            && rest.first() == Some(&b',')
            && lb[start..i].iter().any(|&c| c == b'"' || c == b'\''))
    {
        1
    } else if i > start
        && matches!(
            lname,
            "bearer" | "token" | "basic" | "key" | "apikey" | "api_key" | "api-key"
        )
    {
        // Bearer <token>; `key o82n9j…: 401`, `my API key to S3nVs^…` in prose (weak names: only
        // a random value counts).
        if rest.starts_with(b"to ") || rest.starts_with(b"is ") {
            3
        } else {
            0
        }
    } else {
        return None;
    };
    Some(i + op)
}

/// After a name, `: <type> =` (Python, TypeScript): where the value starts, past the `=`.
fn typed_assignment(rest: &[u8]) -> Option<usize> {
    let after = rest.strip_prefix(b":")?;
    let blanks = after
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let ty = after[blanks..]
        .iter()
        .take_while(|&&c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'[' | b']' | b',' | b' ' | b'.' | b'|')
        })
        .count();
    let first = after.get(blanks)?;
    let eq = 1 + blanks + ty;
    (first.is_ascii_alphabetic() && rest.get(eq) == Some(&b'=') && rest.get(eq + 1) != Some(&b'='))
        .then_some(eq + 1)
}

/// The value that starts at `at` (after the operator), quoted or not, or the block below it.
fn value_at(b: &[u8], at: usize, le: usize, ls: usize, strength: Strength, out: &mut Vec<Value>) {
    let mut i = at;
    while i < le && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    // `f"…"`, `r'…'`, `b"…"`: a string prefix.
    if i + 1 < le && matches!(b[i], b'f' | b'r' | b'b') && matches!(b[i + 1], b'"' | b'\'') {
        i += 1;
    }
    // `\\"…\\"`: a quote escaped (JSON inside JSON).
    let escaped = b[i..le].iter().take_while(|&&c| c == b'\\').count();
    if escaped > 0 && matches!(b.get(i + escaped), Some(b'"' | b'\'')) {
        i += escaped;
    }
    let mut quote = None;
    if i < le && matches!(b[i], b'"' | b'\'' | b'`') {
        quote = Some(b[i]);
        let triple = b
            .get(i..i + 3)
            .is_some_and(|q| q.iter().all(|&c| c == b[i]));
        i += if triple { 3 } else { 1 };
        if triple && i >= le {
            // TOML `"""` / `'''`: the value starts on the next line.
            block(b, le, ls, true, strength, out);
            return;
        }
    }
    while i < le && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    // `Bearer Bearer <token>`, `Basic <base64>`, `Token <t>`.
    loop {
        let rest = &b[i..le];
        let scheme = ["bearer ", "basic ", "token "]
            .iter()
            .find(|s| rest.len() > s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()));
        match scheme {
            Some(s) => {
                i += s.len();
                while i < le && b[i] == b' ' {
                    i += 1;
                }
            }
            None => break,
        }
    }
    if quote.is_none() && i < le && b[i] == b'[' {
        array(b, i + 1, strength, out);
        return;
    }
    // A call's quoted argument (`api_key=os.getenv("Qwy…")`, `System.getenv("…")`): the
    // argument is the value (a variable's name there stays unmasked, a key does not).
    if quote.is_none() {
        let call = b[i..le]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_'))
            .count();
        if call > 0
            && b.get(i + call) == Some(&b'(')
            && matches!(b.get(i + call + 1), Some(b'"' | b'\''))
        {
            i += call + 1;
            quote = Some(b[i]);
            i += 1;
        }
    }
    // `<…>` around a value (`OPENAI_KEY=<5Z5V…>`): read to its `>`. A typographic opening quote
    // (`“…”`, `「…」`) is passed over; the value then ends at the closing one (non-ASCII).
    if quote.is_none() && i < le && b[i] == b'<' {
        quote = Some(b'>');
        i += 1;
    } else if quote.is_none() {
        if let Some(q) = ["“", "‘", "「"]
            .iter()
            .find(|q| b[i..le].starts_with(q.as_bytes()))
        {
            i += q.len();
        }
    }
    let s = i;
    match quote {
        Some(q) => {
            while i < le && b[i] != q {
                i += 1;
            }
        }
        None => {
            // Prose after an unquoted value in another script ends it (`key是sk-…，调用返回401`).
            // Symbols a password holds (`p0UT@SfG5w9~])K^^i`) do not; the closing brackets,
            // commas and semicolons of code after it do (`f(api_key=abc123)`,
            // `key=abc123, model=gpt-4o`), see `unquoted_end`.
            while i < le
                && !(b[i] >= 0x80 && i > s)
                && !matches!(b[i], b' ' | b'\t' | b'"' | b'\'' | b'`')
            {
                i += 1;
            }
            i = unquoted_end(b, s, i);
        }
    }
    let mut e = i;
    // A quoted value escaped inside JSON ends before its escaping backslashes.
    while quote.is_some() && escaped > 0 && e > s && b[e - 1] == b'\\' {
        e -= 1;
    }
    while e > s && matches!(b[e - 1], b' ' | b'\t') {
        e -= 1;
    }
    // An unquoted value at a sentence's end (`key provided: sk-….`, `key o82n…: 401`): the
    // full stop or colon is prose.
    while quote.is_none() && e > s && matches!(b[e - 1], b'.' | b':') {
        e -= 1;
    }
    if e > s {
        let v = &b[s..e];
        let block_marker =
            quote.is_none() && matches!(v, b"|" | b">" | b"|-" | b">-" | b"|+" | b">+");
        if !block_marker {
            out.push(Value {
                start: s,
                end: e,
                strength,
            });
            return;
        }
    }
    if quote.is_none()
        && b[s..le]
            .iter()
            .all(|c| matches!(c, b'|' | b'>' | b'-' | b'+' | b' ' | b'\t' | b'{'))
    {
        // `NAME:` alone, or `NAME: |`: a YAML block scalar or list below.
        block(b, le, ls, false, strength, out);
    }
}

/// Where an unquoted value read from `s` to the next blank or quote (`e`) ends: before a `,` or
/// `;` that starts the next setting (`, model=…`) and before the closing brackets, commas and
/// semicolons at its end (`abc123)`, `abc123},`); symbols inside stay (`5w9~])K^^i`).
fn unquoted_end(b: &[u8], s: usize, e: usize) -> usize {
    let v = &b[s..e];
    let mut end = v.len();
    for (k, &c) in v.iter().enumerate() {
        if matches!(c, b',' | b';' | b'&') {
            let name = v[k + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'.')
                .count();
            if name > 0 && matches!(v.get(k + 1 + name), Some(b'=' | b':')) {
                end = k;
                break;
            }
        }
    }
    while end > 0 && matches!(v[end - 1], b',' | b';' | b')' | b'}' | b']' | b'>') {
        end -= 1;
    }
    s + end
}

/// Lines below the line ending at `le` that hold its value: more indented than it (YAML), or up
/// to the closing `"""` (TOML); each line's content, list dashes and quotes taken off.
fn block(b: &[u8], le: usize, ls: usize, toml: bool, strength: Strength, out: &mut Vec<Value>) {
    let indent = b[ls..le]
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let mut at = le + 1;
    for _ in 0..16 {
        if at >= b.len() {
            break;
        }
        let end = b[at..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| at + i);
        let line = &b[at..end];
        let ind = line
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        if !toml && (ind <= indent && !line.iter().all(|c| c.is_ascii_whitespace())) {
            break;
        }
        let mut s = at + ind;
        let mut e = end;
        if !toml && b.get(s) == Some(&b'-') {
            s += 1;
            while s < e && b[s] == b' ' {
                s += 1;
            }
        }
        let closing = toml && line.windows(3).any(|w| w == b"\"\"\"" || w == b"'''");
        while e > s && matches!(b[e - 1], b' ' | b'\t' | b'\r' | b'"' | b'\'' | b',') {
            e -= 1;
        }
        while s < e && matches!(b[s], b'"' | b'\'') {
            s += 1;
        }
        if e > s {
            out.push(Value {
                start: s,
                end: e,
                strength,
            });
        }
        if closing {
            break;
        }
        at = end + 1;
    }
}

/// Quoted strings of a flow array (`["k1", "k2"]`), up to its `]`, over a few lines.
fn array(b: &[u8], mut i: usize, strength: Strength, out: &mut Vec<Value>) {
    let stop = (i + 4096).min(b.len());
    while i < stop && b[i] != b']' {
        if matches!(b[i], b'"' | b'\'') {
            let q = b[i];
            let s = i + 1;
            let Some(n) = b[s..stop].iter().position(|&c| c == q || c == b'\n') else {
                return;
            };
            if n > 0 {
                out.push(Value {
                    start: s,
                    end: s + n,
                    strength,
                });
            }
            i = s + n + 1;
        } else {
            i += 1;
        }
    }
}

/// `setx NAME value`, fish `set -x NAME value`, `curl -u user:password`.
fn commands(t: &str, ls: usize, line: &str, out: &mut Vec<Value>) {
    let lb = line.as_bytes();
    let trimmed = line.trim_start();
    let off = line.len() - trimmed.len();
    let words: Vec<(usize, &str)> = trimmed
        .split([' ', '\t'])
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((off + at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let cmd = words.first().map(|(_, w)| w.to_ascii_lowercase());
    let named_value = match cmd.as_deref() {
        Some("setx") => words.get(1).zip(words.get(2)),
        Some("set") => {
            let rest: Vec<&(usize, &str)> = words[1..]
                .iter()
                .filter(|(_, w)| !w.starts_with('-'))
                .collect();
            let flagged = words.get(1).is_some_and(|(_, w)| w.starts_with('-'));
            if flagged {
                rest.first().copied().zip(rest.get(1).copied())
            } else {
                None
            }
        }
        _ => None,
    };
    if let Some(((_, name), (at, _))) = named_value {
        if let Some(strength) = secret_name(name) {
            let _ = t;
            let mut s = *at;
            let mut e = lb.len();
            while e > s && matches!(lb[e - 1], b' ' | b'\t' | b'\r') {
                e -= 1;
            }
            while s < e && matches!(lb[s], b'"' | b'\'') {
                s += 1;
            }
            while e > s && matches!(lb[e - 1], b'"' | b'\'') {
                e -= 1;
            }
            if e > s {
                out.push(Value {
                    start: ls + s,
                    end: ls + e,
                    strength,
                });
            }
        }
    }
    // curl -u user:password / --user user:password / -u :key
    for (i, w) in words.iter().enumerate() {
        let val = match w.1 {
            "-u" | "--user" => words.get(i + 1).copied(),
            x if x.starts_with("--user=") => Some((w.0 + 7, &x[7..])),
            _ => None,
        };
        let Some((at, v)) = val else { continue };
        let v_trim = v.trim_matches(|c| c == '"' || c == '\'');
        let q = v.len() - v.trim_start_matches(['"', '\'']).len();
        if let Some(c) = v_trim.find(':') {
            let s = at + q + c + 1;
            let e = at + q + v_trim.len();
            if e > s {
                out.push(Value {
                    start: ls + s,
                    end: ls + e,
                    strength: Strength::Strong,
                });
            } else if c > 0 {
                // `-u <key>:`, the key as the user and no password (Stripe-style APIs).
                out.push(Value {
                    start: ls + at + q,
                    end: ls + at + q + c,
                    strength: Strength::Weak,
                });
            }
        }
    }
}

/// `scheme://user:password@host`: the password (any), or a lone token before `@`.
fn urls(ls: usize, lb: &[u8], out: &mut Vec<Value>) {
    let mut from = 0;
    while let Some(p) = lb[from..].windows(3).position(|w| w == b"://") {
        let s = from + p + 3;
        let end = lb[s..]
            .iter()
            .position(|&c| {
                matches!(
                    c,
                    b'/' | b'?' | b'#' | b' ' | b'\t' | b'"' | b'\'' | b'`' | b'<' | b'>'
                )
            })
            .map_or(lb.len(), |i| s + i);
        // A password holding `/`, `?`, `#` or `@` unencoded (`user:p4ss#w0rd@host`), as people
        // type them: an `@` past the authority's end, within the same token, after `user:` and
        // something that is no port (`host:8080/@scope/pkg` keeps its path).
        let token_end = lb[end..]
            .iter()
            .position(|&c| matches!(c, b' ' | b'\t' | b'"' | b'\'' | b'`' | b'<' | b'>'))
            .map_or(lb.len(), |i| end + i);
        path_tokens(ls, lb, end, token_end, out);
        let far_at = lb[end..token_end]
            .iter()
            .rposition(|&c| c == b'@')
            .map(|i| end + i);
        let colon = lb[s..end].iter().position(|&c| c == b':').map(|c| s + c);
        if let (Some(at), Some(c)) = (far_at, colon) {
            let before_end = &lb[c + 1..end];
            if !before_end.is_empty() && !before_end.iter().all(u8::is_ascii_digit) {
                out.push(Value {
                    start: ls + c + 1,
                    end: ls + at,
                    strength: Strength::Strong,
                });
                token_as_user(ls, s, c, out);
                from = token_end.max(s);
                continue;
            }
        }
        // A lone token holding `/` before the `@` (`https://wfi3…+h8Y/xGWW…@api.openai.com`): weak,
        // counted only when random (`registry.npmjs.org/@scope` is not).
        if let (Some(at), None) = (far_at, colon) {
            if !lb[s..end].contains(&b'@') {
                out.push(Value {
                    start: ls + s,
                    end: ls + at,
                    strength: Strength::Weak,
                });
                from = token_end.max(s);
                continue;
            }
        }
        if let Some(at) = lb[s..end].iter().rposition(|&c| c == b'@') {
            let info = &lb[s..s + at];
            match info.iter().position(|&c| c == b':') {
                Some(c) if c + 1 < info.len() => {
                    out.push(Value {
                        start: ls + s + c + 1,
                        end: ls + s + at,
                        strength: Strength::Strong,
                    });
                    token_as_user(ls, s, s + c, out);
                }
                Some(c) => token_as_user(ls, s, s + c, out),
                None if !info.is_empty() => out.push(Value {
                    start: ls + s,
                    end: ls + s + at,
                    strength: Strength::Weak,
                }),
                None => {}
            }
        }
        from = end.max(s);
    }
}

/// A key written into a URL's path, query or fragment (`https://gateway.example/Zx8kLm2Q…/v1`,
/// as some relays and webhooks take it, `?appkey=…`, `#…`): a piece of `from..to` that reads
/// as a random token ([`super::random_token`]) or 32 hex digits ([`super::long_hex`]); model
/// names, versions and ids (`Llama-3-8B-Instruct`, `2024-02-15-preview`) do not.
fn path_tokens(ls: usize, lb: &[u8], from: usize, to: usize, out: &mut Vec<Value>) {
    // Path, query and fragment pieces alike (`/v1#<token>`, `/#/<token>`, `?appkey=<token>`):
    // what separates them is no part of a token.
    let mut s = from;
    for seg in lb[from..to].split(|&c| matches!(c, b'/' | b'?' | b'#' | b'&' | b'=')) {
        if std::str::from_utf8(seg).is_ok_and(|v| super::random_token(v) || super::long_hex(v)) {
            out.push(Value {
                start: ls + s,
                end: ls + s + seg.len(),
                strength: Strength::Strong,
            });
        }
        s += seg.len() + 1;
    }
}

/// A token as a URL's user (`https://<token>:x-oauth-basic@github.com`, `https://<token>:@host`),
/// from `s` to the colon at `c`: counted when random (`admin`, `user` are not).
fn token_as_user(ls: usize, s: usize, c: usize, out: &mut Vec<Value>) {
    if c > s {
        out.push(Value {
            start: ls + s,
            end: ls + c,
            strength: Strength::Weak,
        });
    }
}

/// `Cookie: a=v1; b=v2`: every value.
fn cookies(ls: usize, lb: &[u8], mut i: usize, out: &mut Vec<Value>) {
    while i < lb.len() && matches!(lb[i], b':' | b' ' | b'"' | b'\'') {
        i += 1;
    }
    for part in lb[i..].split(|&c| c == b';') {
        let base = part.as_ptr() as usize - lb.as_ptr() as usize;
        if let Some(eq) = part.iter().position(|&c| c == b'=') {
            let s = base + eq + 1;
            let e = base + part.len()
                - part
                    .iter()
                    .rev()
                    .take_while(|c| matches!(c, b' ' | b'"' | b'\'' | b'\r'))
                    .count();
            if e > s {
                out.push(Value {
                    start: ls + s,
                    end: ls + e,
                    strength: Strength::Weak,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for n in [
            "AZURE_OPENAI_KEY",
            "OPENAI_KEY",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "PRIVATE_KEY",
            "DASHSCOPE_AK",
            "ALIYUN_SK",
            "TENCENT_SECRET_ID",
            "PASS",
            "PWD",
            "credentials",
            "bearer",
            "key",
            "accessKey",
            "license_key",
            "signing_key",
            "x-api-key",
            "apiKey",
            "WithAPIKey",
            "Authorization",
        ] {
            assert!(secret_name(n).is_some(), "{n}");
        }
        for n in [
            "max_tokens",
            "model",
            "base_url",
            "keyboard",
            "monkey",
            "tokens",
            "token_type",
            "bypass",
        ] {
            assert!(secret_name(n).is_none(), "{n}");
        }
        assert_eq!(normalize("WithAPIKey"), "with_api_key");
        assert_eq!(normalize("accessKey"), "access_key");
    }
}
