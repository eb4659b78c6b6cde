//! Facts read from a paste: HTTP statuses, endpoints and the provider/plan/region they belong
//! to, the tool in use, and keys (masked). Rules test them with `when` / `unless`
//! (`status:403`, `provider:kimi`, `plan:coding`, `tool:claude-code`, `key:plan`).

use crate::precondition::Fact;
use crate::re::Regex;
use crate::secrets::Secret;
use crate::tool::Tool;
use crate::vocabulary::{Host, HOSTS, PROTOCOLS};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Literal markers of a failed name lookup: the host it names is read (for `hostnear:`).
pub const DNS_MARKERS: &[&str] = &[
    "enotfound",
    "eai_again",
    "could not resolve host",
    "failed to resolve",
    "no such host",
    "lookup ",
];

fn dns_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::regex_limits::bounded_regex(r#"(?:enotfound|eai_again|could not resolve host:?|failed to resolve(?: host)?:?|lookup)[ \t]+\\?["']?([a-z0-9-]+(?:\.[a-z0-9-]+)+)"#)
            .unwrap_or_else(|e| panic!("dns regex: {e}"))
    })
}

/// Hosts named by failed lookups on one ASCII-lowercased line.
pub(crate) fn dns_hosts(lower_line: &str, facts: &mut Facts) {
    for c in dns_regex().captures_iter(lower_line).take(8) {
        if let Some(h) = c.get(1) {
            facts.add_host(h.as_str());
        }
    }
}

/// Literal markers that make a line worth the status regex.
pub const STATUS_MARKERS: &[&str] = &[
    "error",
    "status",
    "http",
    "状态码",
    "错误码",
    "错误代码",
    "返回码",
    // A status retold or named by its reason phrase alone: `the API returned 401`,
    // `(401) Unauthorized`, `返回404`.
    "returned",
    "responded",
    "unauthorized",
    "forbidden",
    "not found",
    "too many requests",
    "bad request",
    "bad gateway",
    "service unavailable",
    "返回",
    "报了",
    "报错",
    // Verbs a status is retold after (`经常触发 429`, `收到 403`): prose_status reads them.
    "触发",
    "收到",
    "❌",
    // `获取model 404错误`: STATUS_AFTER reads it.
    "错误",
];

#[derive(Debug, Default, Serialize)]
pub struct Facts {
    pub statuses: BTreeSet<u16>,
    pub tools: BTreeSet<Tool>,
    pub providers: BTreeSet<&'static str>,
    pub plans: BTreeSet<&'static str>,
    pub regions: BTreeSet<&'static str>,
    pub endpoints: Vec<Endpoint>,
    pub keys: Vec<Secret>,
    pub notes: Vec<String>,
    #[serde(skip)]
    pub hosts: BTreeSet<String>,
    /// Catalog hosts that a host in the paste misspells (`coding.dashscope.aliyuncs.con`).
    pub near_hosts: BTreeSet<&'static str>,
}

#[derive(Debug, Serialize, Clone)]
pub struct Endpoint {
    pub start: usize,
    pub end: usize,
    pub url: String,
    pub host: String,
    pub path: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub provider: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub plan: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub region: &'static str,
}

impl Facts {
    /// Whether a rule's precondition holds in the paste.
    pub fn holds(&self, fact: &Fact) -> bool {
        match *fact {
            Fact::Status(s) => self.statuses.contains(&s),
            Fact::Tool(t) => self.tools.contains(&t),
            Fact::Provider(v) => self.providers.contains(v),
            Fact::Plan(v) => self.plans.contains(v),
            Fact::Region(v) => self.regions.contains(v),
            Fact::Host(v) => self.hosts.contains(v),
            Fact::HostNear(v) => {
                self.near_hosts.contains(v) || (v == "*" && !self.near_hosts.is_empty())
            }
            Fact::Key(k) => self.keys.iter().any(|x| x.kind == k),
            Fact::Protocol(v) => self.endpoints.iter().any(|e| protocol_of(&e.path) == v),
        }
    }

    pub fn add_host(&mut self, host: &str) {
        if self.hosts.len() >= 256 || self.hosts.contains(host) {
            return;
        }
        if lookup_host(host).is_none() {
            if let Some(near) = near_host(host) {
                self.near_hosts.insert(near);
            }
        }
        if let Some(h) = lookup_host(host) {
            self.providers.insert(h.provider);
            if !h.plan.is_empty() {
                self.plans.insert(h.plan);
            }
            if !h.region.is_empty() {
                self.regions.insert(h.region);
            }
        }
        self.hosts.insert(host.to_string());
    }
}

/// The catalog host that `host` most likely misspells: edit distance 1–2, not a subdomain.
pub(crate) fn near_host(host: &str) -> Option<&'static str> {
    if host.len() < 6 || host.len() > 80 {
        return None;
    }
    HOSTS
        .iter()
        .filter(|h| !h.host.starts_with('.'))
        .map(|h| (crate::model_names::distance(host, h.host), h.host))
        .filter(|(d, _)| (1..=2).contains(d))
        .min_by_key(|(d, _)| *d)
        .map(|(_, h)| h)
}

/// The protocol a base URL path speaks, as far as the path tells.
pub(crate) fn protocol_of(path: &str) -> &'static str {
    let p = path.trim_end_matches('/');
    PROTOCOLS
        .iter()
        .find(|(_, contains, ends)| {
            contains.iter().any(|c| p.contains(c)) || ends.iter().any(|e| p.ends_with(e))
        })
        .map_or("", |x| x.0)
}

/// The catalog entry for a host: exact, or by a `.suffix` entry.
pub(crate) fn lookup_host(host: &str) -> Option<&'static Host> {
    let host = host.trim_end_matches('.');
    HOSTS.iter().find(|h| h.host == host).or_else(|| {
        HOSTS
            .iter()
            .find(|h| h.host.starts_with('.') && host.ends_with(h.host))
    })
}

/// Words that introduce a status: `status: 429`, `Error code: 401`, `HTTP/1.1 403`, `"code": 400`.
/// Longest first where one ends another (`status code` before `code`).
const STATUS_BEFORE: &[&str] = &[
    "error code",
    "status code",
    "status_code",
    "statuscode",
    "status",
    "http",
    "api error",
    "internal error",
    // Retold: `the API returned 401`, `the server responded with 502`.
    "api returned",
    "server returned",
    "responded with",
    "\"code\"",
    "'code'",
    "\\\"code\\\"",
    "error",
    "code",
    // Chinese logs and UIs: `状态码: 400`, `错误代码422`, `返回码：429`.
    "状态码",
    "错误码",
    "错误代码",
    "返回码",
    "状态码：",
    "错误码：",
    "错误代码：",
    "返回码：",
    // .NET's HttpClient: `Response status code does not indicate success: 404 (Not Found).`
    "indicate success:",
    // Retold in prose: `返回404`, `报了429`, `报错 401`, `报429错误`.
    "返回",
    "报了",
    "报错",
    "报",
];

/// Words that follow a status: `401 Unauthorized`, `404 status code (no body)`.
const STATUS_AFTER: &[&str] = &[
    "status code",
    "unauthorized",
    "forbidden",
    "not found",
    "too many requests",
    "bad request",
    "internal server error",
    "service unavailable",
    "bad gateway",
    "gateway time-out",
    "gateway timeout",
    "payment required",
    "method not allowed",
    "request entity too large",
    "overloaded",
    "invalid access token",
    "invalid api-key",
    "incorrect api key",
    // Python requests' HTTPError: `404 Client Error: Not Found for url: …`.
    "client error",
    "server error",
    // As people name a 429: `429 Rate Limit errors`.
    "rate limit",
    // Chinese prose: `429错误`, `502 报错`.
    "错误",
    "报错",
];

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `head.ends_with(w)`. Natively the last bytes are compared first: most heads end in none of
/// the words' last bytes, and a log line can hold many numbers (28 M instructions less on the
/// 10 MB log of core/benches/cli_vs_ripgrep.py). The page keeps the plain call (143 B less).
#[inline(always)]
fn ends_with(head: &[u8], w: &[u8]) -> bool {
    #[cfg(feature = "fast-keywords")]
    if w.last() != head.last() {
        return false;
    }
    head.ends_with(w)
}

/// Whether the three digits at `s..s + 3` of `line` read as an HTTP status, by the words around
/// them (no regex: this runs on every log line that says "status" or "error").
fn status_at(line: &[u8], s: usize) -> bool {
    let e = s + 3;
    let first = line[s];
    // A word before it, then up to five of ` \t:=\"'([`: `status=429`, `Error code: 401`.
    let mut k = s;
    while k > 0 && s - k < 5 && b" \t:=\\\"'([".contains(&line[k - 1]) {
        k -= 1;
    }
    let bounded = line.get(e).is_none_or(|&b| !is_word(b));
    let before_ok = bounded
        && (k..=s).any(|k| {
            let head = &line[..k];
            STATUS_BEFORE.iter().any(|w| ends_with(head, w.as_bytes())) || http_version_before(head)
        });
    if before_ok {
        return true;
    }
    // A phrase after it: `401 Unauthorized`, `(401) Unauthorized`.
    if s == 0 || !is_word(line[s - 1]) {
        let close = usize::from(matches!(line.get(e), Some(b')' | b']')));
        let ws = line[e + close..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        if ws > 0 {
            let rest = &line[e + close + ws..];
            if STATUS_AFTER.iter().any(|p| rest.starts_with(p.as_bytes())) {
                return true;
            }
        }
    }
    if prose_status(line, s) {
        return true;
    }
    // At the start of the line, a 4xx/5xx and words: `429: Too Many Requests`, `503 - busy`.
    if matches!(first, b'4' | b'5') && line[..s].iter().all(|&b| b == b' ' || b == b'\t') {
        let blanks = |at: usize| {
            line.get(at..).map_or(0, |r| {
                r.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
            })
        };
        let ws = blanks(e);
        let (at, ws) = match line.get(e + ws) {
            Some(b':' | b'-') => (e + ws + 1, blanks(e + ws + 1)),
            _ => (e, ws),
        };
        if ws > 0 && line.get(at + ws).is_some_and(u8::is_ascii_lowercase) {
            return true;
        }
    }
    false
}

/// Verbs and arrows that retell a status: `I get a 401`, `returns 404`, `/v1 → 404`, `出现429`.
const PROSE_BEFORE: &[&str] = &[
    "got",
    "get",
    "gets",
    "getting",
    "return",
    "returns",
    "returning",
    "with",
    "in",
    "gives",
    "throws",
    "→",
    "❌",
    "->",
    "=>",
    "得到",
    "出现",
    "遇到",
    "提示",
    "显示",
    "触发",
    "收到",
    "❌",
    // `获取model 404错误`: STATUS_AFTER reads it.
    "错误",
];

/// Words that may follow a status retold in prose: the clause goes on about the failure.
const PROSE_AFTER: &[&str] = &[
    "error", "errors", "response", "from", "when", "on", "for", "and", "but", "again", "status",
    "code",
];

/// A common error status retold in prose, where nothing else marks it as one: after a verb or
/// an arrow (`I get a 401 when…`, `keeps failing with 403`, `/anthropic/v1 → 404`), or after a
/// word and a comma (`my key is invalid, 401`), and ending its clause (end of line, punctuation,
/// or a word such as `from`, `when`, `error`): `with 500 tokens` and `4, 500, 502` are no status.
fn prose_status(line: &[u8], s: usize) -> bool {
    let e = s + 3;
    // The statuses a failed API call is retold with.
    let n = line[s..e]
        .iter()
        .fold(0u16, |n, &d| n * 10 + u16::from(d.wrapping_sub(b'0')));
    if !matches!(n, 400..=405 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 502..=504 | 529) {
        return false;
    }
    let trim = |end: usize| {
        end - line[..end]
            .iter()
            .rev()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count()
    };
    let ends_word = |head: &[u8], w: &[u8]| {
        head.ends_with(w) && (head.len() == w.len() || !is_word(head[head.len() - w.len() - 1]))
    };
    let mut k = trim(s);
    // An article or two: `got a 401`, `returns an 404`, `returns the same 403 error`.
    for art in [&b"same"[..], b"the", b"an", b"a"] {
        if k < s && ends_word(&line[..k], art) && trim(k - art.len()) < k - art.len() {
            k = trim(k - art.len());
        }
    }
    let head = &line[..k];
    let after_verb = PROSE_BEFORE.iter().any(|w| {
        let w = w.as_bytes();
        if w[0].is_ascii_alphabetic() {
            k < s && ends_word(head, w)
        } else {
            head.ends_with(w)
        }
    });
    // A word, then a comma: `invalid, 401`, `无效，401`.
    let after_comma = [&b","[..], "，".as_bytes()].iter().any(|c| {
        head.ends_with(c)
            && head
                .len()
                .checked_sub(c.len() + 1)
                .is_some_and(|i| head[i].is_ascii_lowercase() || head[i] >= 0x80)
    });
    if !(after_verb || after_comma) {
        return false;
    }
    let ws = line[e..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let rest = &line[e + ws..];
    match rest.first() {
        None => true,
        Some(b')' | b']' | b'.' | b',' | b';' | b'!' | b'?' | b':' | b'|') => {
            rest.get(1).is_none_or(|b| !b.is_ascii_digit())
        }
        Some(_) => {
            [
                "。", "，", "！", "）", "错误", "报错", "限制", "限流", "问题", "异常",
            ]
            .iter()
            .any(|p| rest.starts_with(p.as_bytes()))
                || ws > 0
                    && PROSE_AFTER.iter().any(|w| {
                        rest.starts_with(w.as_bytes())
                            && rest.get(w.len()).is_none_or(|&b| !is_word(b))
                    })
        }
    }
}

/// Whether `head` ends with `http/` and a version (`http/1.1`, `http/2`).
fn http_version_before(head: &[u8]) -> bool {
    let v = head
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_digit() || b == b'.')
        .count();
    v > 0 && head[..head.len() - v].ends_with(b"http/")
}

/// HTTP statuses stated on one ASCII-lowercased line: every run of exactly three digits from
/// 100 to 599 that [`status_at`] accepts.
pub(crate) fn statuses_in(lower_line: &str, out: &mut BTreeSet<u16>) {
    let line = lower_line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        if !line[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = line[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 3 && (b'1'..=b'5').contains(&line[i]) && status_at(line, i) {
            let n = line[i..i + 3]
                .iter()
                .fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'));
            out.insert(n);
        }
        i += run;
    }
}

/// The URL starting at `pos` (at its scheme): its end, host and path.
pub(crate) fn url_at(text: &str, pos: usize) -> Option<(usize, String, String)> {
    let rest = text.get(pos..)?;
    let after = rest.find("://")? + 3;
    let end = rest[after..]
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | '`' | ')' | ']' | '>' | '<' | ',' | '}' | '\\' | '|'
                )
        })
        .map_or(rest.len(), |i| after + i);
    let url = rest[..end].trim_end_matches(['.', ';']);
    // Userinfo (`user:pass@`) is not part of the host. A password holding `/`, `?` or `#`
    // unencoded (`user:p4ss/w0rd@host`, as people type them) runs to the URL's last `@`, as
    // the secret detector reads it (secrets/names.rs `urls`): the host is after it.
    let authority_end = url[after..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after + i);
    let authority = &url[after..authority_end];
    let password = authority
        .split_once(':')
        .is_some_and(|(_, p)| !p.is_empty() && !p.bytes().all(|b| b.is_ascii_digit()));
    // Past the authority, an `@` before a host (`@gateway.example.com/v1`), not a path's
    // `@scope/pkg`.
    let far_at = url[authority_end..]
        .rfind('@')
        .map(|i| authority_end + i)
        .filter(|&at| {
            let host = url[at + 1..].split(['/', '?', '#']).next().unwrap_or("");
            host.contains(['.', ':']) || host.eq_ignore_ascii_case("localhost")
        });
    let userinfo_end = match far_at.filter(|_| password) {
        Some(at) => Some(at),
        None => authority.rfind('@').map(|at| after + at),
    };
    let bare = match userinfo_end {
        Some(at) => format!("{}{}", &url[..after], &url[at + 1..]),
        None => url.to_string(),
    };
    let u = crate::url::split_url(&bare)?;
    let host = crate::url::host_name(u.host);
    if host.is_empty()
        || !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
    {
        return None;
    }
    let path = u.path.split(['?', '#']).next().unwrap_or("").to_string();
    Some((pos + url.len(), host, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex the hand-written reader replaced (it cost a PikeVM run per log line).
    fn regex_statuses(lower_line: &str) -> BTreeSet<u16> {
        let p = concat!(
            r#"(?:error code|status[ _]?code|status|http/[0-9.]+|http|api error|internal error|"code"|'code'|\\"code\\"|error|code|状态码：?|错误码：?|错误代码：?|返回码：?|返回|报了|报错|报|indicate success:)"#,
            r#"[ \t:=\\"'(\[]{0,5}([1-5][0-9][0-9])(?-u:\b)"#,
            r#"|(?-u:\b)([1-5][0-9][0-9])[ \t]+(?:status code|unauthorized|forbidden|not found|too many requests|bad request|internal server error|service unavailable|bad gateway|gateway time-?out|payment required|method not allowed|request entity too large|overloaded|invalid access token|invalid api-key|incorrect api key|client error|server error|rate limit|错误|报错)"#,
            r#"|^[ \t]*([45][0-9][0-9])[ \t]*[:-]?[ \t]+[a-z]"#,
            r#"|(?:(?-u:\b)(?:got|get|gets|getting|return|returns|returning|with|in|gives|throws)(?:[ \t]+(?:an|a|the|same)){0,2}[ \t]+"#,
            r#"|(?:→|❌|->|=>|得到|出现|遇到|提示|显示|触发|收到|[a-z\x{80}-\x{10ffff}](?:,|，))(?:[ \t]+(?:an|a)[ \t]+|[ \t]*))"#,
            r#"(400|401|402|403|404|405|408|409|413|415|422|429|500|502|503|504|529)"#,
            r#"(?:[ \t]*(?:$|[)\].,;!?:|](?:[^0-9]|$)|。|，|！|）|错误|报错|限制|限流|问题|异常)"#,
            r#"|[ \t]+(?:errors?|response|from|when|on|for|and|but|again|status|code)(?-u:\b))"#,
        );
        let re = regex::Regex::new(p).expect("compiles");
        re.captures_iter(lower_line)
            .filter_map(|c| (1..=4).find_map(|i| c.get(i)))
            .filter_map(|m| m.as_str().parse::<u16>().ok())
            .filter(|s| (100..600).contains(s))
            .collect()
    }

    #[test]
    fn statuses_as_the_regex_read_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let mut lines: Vec<String> = Vec::new();
        for sub in ["corpus", "guides", "holdout"] {
            let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for f in rd.flatten() {
                if let Ok(t) = std::fs::read_to_string(f.path()) {
                    lines.extend(t.lines().map(str::to_ascii_lowercase));
                }
            }
        }
        assert!(lines.len() > 1000, "the corpus is there");
        let tricky = [
            "status 404x",
            "status404",
            "code500",
            "http/1.1 403 forbidden",
            "http/2 429",
            "404 x",
            "404: not found",
            "  503 - busy",
            "503-busy",
            "503 -busy",
            "404:x",
            "error code:  \"500",
            "status=200 code=401",
            "1404 not found",
            "x404 not found",
            "status code 404",
            "\\\"code\\\": 400",
            "'code': 429",
            "error(403)",
            "error[503]",
            "api error:     401",
            "api error:      401",
            "429\ttoo many requests",
            "http 404",
            "my key is invalid, 401",
            "key无效，401",
            "i get a 401 when calling the api",
            "getting an 429 again",
            "got 401: unauthorized",
            "(/anthropic/v1 → 404)",
            "出现429错误",
            "every message returns the same 403 error.",
            "returns the same 500 tokens",
            "经常触发 429",
            "fails with 503.",
            "with 500 tokens",
            "with 500.5 ms",
            "retry_on: 429, 500, 502",
            "got 500 records",
            "forget 401",
            "get401",
            "→ a404",
            "got a401",
            "alpha 401",
            "with 4010",
            "with 401ms",
            "一直提示 429",
            "显示401。",
            "get 429 rate limit errors",
            "a 500 ratelimit",
        ];
        lines.extend(tricky.iter().map(|s| s.to_string()));
        for l in &lines {
            let mut ours = BTreeSet::new();
            statuses_in(l, &mut ours);
            assert_eq!(ours, regex_statuses(l), "{l:?}");
        }
    }

    fn statuses(s: &str) -> Vec<u16> {
        let mut out = BTreeSet::new();
        statuses_in(&s.to_ascii_lowercase(), &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn reads_statuses_from_common_wrappings() {
        assert_eq!(
            statuses("openai.RateLimitError: Error code: 429 - {'error': {}}"),
            [429]
        );
        assert_eq!(
            statuses("✕ [API Error: 401 invalid access token or token expired]"),
            [401]
        );
        assert_eq!(statuses("Internal error: 401 Unauthorized"), [401]);
        assert_eq!(statuses("HTTP/1.1 403 Forbidden"), [403]);
        assert_eq!(statuses("404 status code (no body)"), [404]);
        assert_eq!(
            statuses("{\"status\": 400, \"code\": \"InvalidParameter\"}"),
            [400]
        );
        assert_eq!(statuses("403 invalid api-key"), [403]);
        assert_eq!(
            statuses("2026-11-22 10:30:01 INFO started in 401ms"),
            Vec::<u16>::new()
        );
        assert_eq!(statuses("processed 404 files"), Vec::<u16>::new());
        assert_eq!(statuses("保持v1就返回404，把V1删掉就返回500"), [404, 500]);
        assert_eq!(statuses("报了429之后，现在还是报429"), [429]);
        // Retold in prose: a verb or an arrow before it, the clause ending after it.
        assert_eq!(statuses("my key is invalid, 401"), [401]);
        assert_eq!(statuses("I get a 401 when calling the API"), [401]);
        assert_eq!(statuses("keeps failing with 403"), [403]);
        assert_eq!(statuses("URL 被加 /v1 (/anthropic/v1 → 404)"), [404]);
        assert_eq!(
            statuses("the model replied with 500 tokens"),
            Vec::<u16>::new()
        );
        assert_eq!(statuses("retry_on: 429, 500, 502"), Vec::<u16>::new());
        assert_eq!(statuses("got 500 records"), Vec::<u16>::new());
        assert_eq!(statuses("Every message returns the same 403 error."), [403]);
        assert_eq!(statuses("returns the same 500 tokens"), Vec::<u16>::new());
        assert_eq!(statuses("经常触发 429 "), [429]);
        assert_eq!(statuses("经常触发 429 限制。"), [429]);
        assert_eq!(statuses("easily results in a 429 error"), [429]);
        assert_eq!(statuses("| `https://x/...` | gemini-3 | ❌ 404 |"), [404]);
        assert_eq!(statuses("finished in 500 ms"), Vec::<u16>::new());
    }

    /// A password holding `@` and `/` runs to the last `@` before a host, as the secret
    /// detector reads it; a path's `@scope` stays the path.
    #[test]
    fn userinfo_runs_to_the_last_at_before_a_host() {
        let t = "https://user:p@ss/w0rd@gateway.example.com/v1";
        let (_, host, path) = url_at(t, 0).expect("url");
        assert_eq!(
            (host.as_str(), path.as_str()),
            ("gateway.example.com", "/v1")
        );
        let t = "https://user:pw@registry.example.com/@scope/pkg";
        let (_, host, path) = url_at(t, 0).expect("url");
        assert_eq!(
            (host.as_str(), path.as_str()),
            ("registry.example.com", "/@scope/pkg")
        );
        let t = "http://localhost:8080/@scope/pkg";
        let (_, host, path) = url_at(t, 0).expect("url");
        assert_eq!((host.as_str(), path.as_str()), ("localhost", "/@scope/pkg"));
    }

    #[test]
    fn parses_urls_and_catalog_hosts() {
        let t = "ANTHROPIC_BASE_URL=\"https://coding.dashscope.aliyuncs.com/v1\"";
        let pos = t.find("https").unwrap_or(0);
        let (end, host, path) = url_at(t, pos).expect("url");
        assert_eq!(
            (&t[pos..end], host.as_str(), path.as_str()),
            (
                "https://coding.dashscope.aliyuncs.com/v1",
                "coding.dashscope.aliyuncs.com",
                "/v1"
            )
        );
        let t = "proxy http://user:pa55@Proxy.Corp.example:8080/x?y=1 here";
        let pos = t.find("http").unwrap_or(0);
        let (end, host, path) = url_at(t, pos).expect("url with userinfo");
        assert_eq!(
            (&t[pos..end], host.as_str(), path.as_str()),
            (
                "http://user:pa55@Proxy.Corp.example:8080/x?y=1",
                "proxy.corp.example",
                "/x"
            )
        );
        let h = lookup_host("coding.dashscope.aliyuncs.com").expect("catalog host");
        assert_eq!((h.provider, h.plan), ("dashscope", "coding"));
        assert!(lookup_host("evil-dashscope.aliyuncs.com.example.org").is_none());
        assert_eq!(
            near_host("coding.dashscope.aliyuncs.con"),
            Some("coding.dashscope.aliyuncs.com")
        );
        assert_eq!(near_host("api.opneai.com"), Some("api.openai.com"));
        assert_eq!(near_host("example.com"), None);
        assert_eq!(protocol_of("/apps/anthropic"), "anthropic");
        assert_eq!(protocol_of("/compatible-mode/v1"), "openai");
        assert_eq!(protocol_of("/api/v1"), "dashscope");
    }
}
