//! Facts read from a paste: HTTP statuses, endpoints and the provider/plan/region they belong
//! to, the tool in use, and keys (masked). Rules test them with `when` / `unless`
//! (`status:403`, `provider:kimi`, `plan:coding`, `tool:claude-code`, `key:plan`).

use crate::model::{Host, HOSTS};
use crate::secrets::Secret;
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Literal markers (lowercase) naming the tool a paste comes from.
pub const TOOL_MARKERS: &[(&str, &str)] = &[
    ("anthropic_base_url", "claude-code"),
    ("anthropic_auth_token", "claude-code"),
    ("anthropic_model", "claude-code"),
    ("claude code", "claude-code"),
    ("claude-code", "claude-code"),
    ("/.claude/", "claude-code"),
    ("\\.claude\\", "claude-code"),
    ("claude_code_", "claude-code"),
    ("[model_providers", "codex"),
    ("wire_api", "codex"),
    ("/.codex/", "codex"),
    ("codex cli", "codex"),
    ("codex exec", "codex"),
    ("codex-cli", "codex"),
    ("codex_home", "codex"),
    ("@openai/codex", "codex"),
    ("openclaw", "openclaw"),
    ("qwen code", "qwen-code"),
    ("qwen-code", "qwen-code"),
    ("/.qwen/", "qwen-code"),
    ("cline", "cline"),
    ("apibase", "continue"),
];

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
        Regex::new(r#"(?:enotfound|eai_again|could not resolve host:?|failed to resolve(?: host)?:?|lookup)[ \t]+\\?["']?([a-z0-9-]+(?:\.[a-z0-9-]+)+)"#)
            .unwrap_or_else(|e| panic!("dns regex: {e}"))
    })
}

/// Hosts named by failed lookups on one ASCII-lowercased line.
pub fn dns_hosts(lower_line: &str, facts: &mut Facts) {
    for c in dns_regex().captures_iter(lower_line).take(8) {
        if let Some(h) = c.get(1) {
            facts.add_host(h.as_str());
        }
    }
}

/// Literal markers that make a line worth the status regex.
pub const STATUS_MARKERS: &[&str] = &["error", "status", "http"];

#[derive(Debug, Default, Serialize)]
pub struct Facts {
    pub statuses: BTreeSet<u16>,
    pub tools: BTreeSet<&'static str>,
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
    /// Whether a `kind:value` fact holds.
    pub fn has(&self, fact: &str) -> bool {
        let Some((kind, value)) = fact.split_once(':') else {
            return false;
        };
        match kind {
            "status" => value.parse().is_ok_and(|s: u16| self.statuses.contains(&s)),
            "tool" => self.tools.contains(value),
            "provider" => self.providers.contains(value),
            "plan" => self.plans.contains(value),
            "region" => self.regions.contains(value),
            "host" => self.hosts.contains(value),
            "hostnear" => {
                self.near_hosts.contains(value) || (value == "*" && !self.near_hosts.is_empty())
            }
            "key" => self.keys.iter().any(|k| k.kind == value),
            "protocol" => self.endpoints.iter().any(|e| protocol_of(&e.path) == value),
            _ => false,
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
pub fn near_host(host: &str) -> Option<&'static str> {
    if host.len() < 6 || host.len() > 80 {
        return None;
    }
    HOSTS
        .iter()
        .filter(|h| !h.host.starts_with('.'))
        .map(|h| (crate::models::distance(host, h.host), h.host))
        .filter(|(d, _)| (1..=2).contains(d))
        .min_by_key(|(d, _)| *d)
        .map(|(_, h)| h)
}

/// The protocol a base URL path speaks, as far as the path tells.
pub fn protocol_of(path: &str) -> &'static str {
    let p = path.trim_end_matches('/');
    if p.contains("/apps/anthropic") || p.ends_with("/anthropic") || p.contains("/v1/messages") {
        "anthropic"
    } else if p.contains("/api/v1/services") || p.ends_with("/api/v1") {
        "dashscope"
    } else if p.contains(":generatecontent") || p.contains("/v1beta") {
        "gemini"
    } else if p.contains("/compatible-mode")
        || p.ends_with("/v1")
        || p.contains("/chat/completions")
        || p.contains("/responses")
    {
        "openai"
    } else {
        ""
    }
}

/// The catalog entry for a host: exact, or by a `.suffix` entry.
pub fn lookup_host(host: &str) -> Option<&'static Host> {
    let host = host.trim_end_matches('.');
    HOSTS.iter().find(|h| h.host == host).or_else(|| {
        HOSTS
            .iter()
            .find(|h| h.host.starts_with('.') && host.ends_with(h.host))
    })
}

fn status_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let p = concat!(
            r#"(?:error code|status[ _]?code|status|http/[0-9.]+|http|api error|internal error|"code"|'code'|\\"code\\"|error|code)"#,
            r#"[ \t:=\\"'(\[]{0,5}([1-5][0-9][0-9])(?-u:\b)"#,
            r#"|(?-u:\b)([1-5][0-9][0-9])[ \t]+(?:status code|unauthorized|forbidden|not found|too many requests|bad request|internal server error|service unavailable|bad gateway|gateway time-?out|payment required|method not allowed|request entity too large|overloaded|invalid access token|invalid api-key|incorrect api key)"#,
            r#"|^[ \t]*([45][0-9][0-9])[ \t]*[:-]?[ \t]+[a-z]"#,
        );
        Regex::new(p).unwrap_or_else(|e| panic!("status regex: {e}"))
    })
}

/// Whether a line holds a lone three-digit number from 100 to 599: the cheap test before the
/// status regex (most log lines that say "error" or "code" carry none).
fn has_status_number(line: &[u8]) -> bool {
    let mut run = 0usize;
    let mut first = 0u8;
    for (i, &b) in line.iter().enumerate() {
        if b.is_ascii_digit() {
            if run == 0 {
                first = b;
            }
            run += 1;
        } else {
            if run == 3 && (b'1'..=b'5').contains(&first) {
                return true;
            }
            run = 0;
        }
        if i + 1 == line.len() && run == 3 && (b'1'..=b'5').contains(&first) {
            return true;
        }
    }
    false
}

/// HTTP statuses stated on one ASCII-lowercased line.
pub fn statuses_in(lower_line: &str, out: &mut BTreeSet<u16>) {
    if !has_status_number(lower_line.as_bytes()) {
        return;
    }
    for c in status_regex().captures_iter(lower_line) {
        let m = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3));
        if let Some(s) = m.and_then(|m| m.as_str().parse::<u16>().ok()) {
            if (100..600).contains(&s) {
                out.insert(s);
            }
        }
    }
}

/// The URL starting at `pos` (at its scheme): its end, host and path.
pub fn url_at(text: &str, pos: usize) -> Option<(usize, String, String)> {
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
    // Userinfo (`user:pass@`) is not part of the host.
    let authority_end = url[after..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after + i);
    let bare = match url[after..authority_end].rfind('@') {
        Some(at) => format!("{}{}", &url[..after], &url[after + at + 1..]),
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
