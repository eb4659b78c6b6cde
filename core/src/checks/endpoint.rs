//! Base URL checks: the path a client needs on a known host, endpoint paths pasted into a base
//! URL, a doubled `/v1`, a missing scheme, `0.0.0.0` as a destination, a base URL the tool did
//! not read.

use super::{base_urls, hit, host_name, split_url, url, value_edit, CheckHit, Ctx, Protocol};
use crate::config::Setting;
use crate::facts::lookup_host;
use crate::fix::structural::rename_key;
use crate::fix::Edit;
use crate::report::Applicability::{Review, Safe};
use crate::vocabulary::Host;

/// Paths clients append themselves: a base URL must not end with them.
const ENDPOINTS: &[&str] = &[
    "/chat/completions",
    "/completions",
    "/v1/messages",
    "/messages",
    "/responses",
];

fn known(host: &str) -> Option<&'static Host> {
    lookup_host(&host_name(host)).filter(|h| !h.openai_path.is_empty())
}

fn base_path(ctx: &Ctx, out: &mut Vec<CheckHit>, want: Protocol, name: &'static str) {
    for (s, proto) in base_urls(ctx.cfg) {
        if proto != want {
            continue;
        }
        let Some(u) = split_url(&s.value) else {
            continue;
        };
        let Some(h) = known(u.host) else { continue };
        let expected = if want == Protocol::Anthropic {
            h.anthropic_path
        } else {
            h.openai_path
        };
        let path = u
            .path
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        if path != expected {
            let scheme = if u.scheme.is_empty() {
                "https://"
            } else {
                u.scheme
            };
            out.push(hit(
                ctx,
                name,
                s,
                url(format!("{scheme}{}{expected}", u.host)),
                Safe,
            ));
        }
    }
}

/// Claude Code (and other Anthropic-protocol clients) on a Model Studio host must use
/// `/apps/anthropic` (bailian-ide Problem 4; GF base URL table).
pub(super) fn anthropic_base_path(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    base_path(ctx, out, Protocol::Anthropic, "anthropic-base-path");
}

/// OpenAI-compatible clients on a Model Studio host: `/compatible-mode/v1` (general, Token
/// Plan, workspaces) or `/v1` (Coding Plan) — not the native `/api/v1`, not `/apps/anthropic`.
pub(super) fn openai_base_path(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    base_path(ctx, out, Protocol::OpenAi, "openai-base-path");
}

/// `…/v1/chat/completions` as a base URL: the client appends it again (GF: Claude Code appends
/// `/v1/messages`; OpenAI SDKs append `/chat/completions`).
pub(super) fn endpoint_in_base_url(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (s, _) in base_urls(ctx.cfg) {
        if let Some(fixed) = without_endpoint(&s.value) {
            out.push(hit(ctx, "endpoint-in-base-url", s, fixed, Safe));
        }
    }
}

/// A base URL on a host the catalog does not know (the base-path checks give the exact path
/// on those) whose path ends in an endpoint: `Some` of the URL without it (`None` inside when no
/// fix may write it).
fn without_endpoint(value: &str) -> Option<Option<String>> {
    let u = split_url(value)?;
    if known(u.host).is_some() {
        return None;
    }
    let path = u.path.trim_end_matches('/');
    let e = ENDPOINTS.iter().find(|e| path.ends_with(*e))?;
    let kept = &path[..path.len() - e.len()];
    Some(url(format!("{}{}{kept}", u.scheme, u.host)))
}

/// `/v1/v1`: the base URL already ends in `/v1` and something adds another.
pub(super) fn doubled_v1(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (s, _) in base_urls(ctx.cfg) {
        let Some(u) = split_url(&s.value) else {
            continue;
        };
        if known(u.host).is_none() && u.path.contains("/v1/v1") {
            out.push(hit(
                ctx,
                "doubled-v1",
                s,
                url(format!(
                    "{}{}{}",
                    u.scheme,
                    u.host,
                    u.path.replacen("/v1/v1", "/v1", 1)
                )),
                Safe,
            ));
        }
    }
}

/// A base URL without `https://` (Claude Code: `API Error: Invalid URL`).
pub(super) fn missing_scheme(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for (s, _) in base_urls(ctx.cfg) {
        let v = s.value.trim();
        if v.contains("://") || v.starts_with('$') || v.starts_with('{') {
            continue;
        }
        let Some(u) = split_url(v) else { continue };
        let host = host_name(u.host);
        if !host.contains('.') && host != "localhost" {
            continue;
        }
        let local = host == "localhost" || host.starts_with("127.") || host == "0.0.0.0";
        let scheme = if local { "http://" } else { "https://" };
        out.push(hit(
            ctx,
            "missing-scheme",
            s,
            url(format!("{scheme}{v}")),
            Safe,
        ));
    }
}

/// `0.0.0.0` is where a server listens, not an address to call.
pub(super) fn zero_host(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    // In Docker, 127.0.0.1 is no better: `docker-localhost` gives the host's name instead.
    if ctx.facts.tools.contains(&crate::tool::Tool::Docker) {
        return;
    }
    for (s, _) in base_urls(ctx.cfg) {
        let Some(u) = split_url(&s.value) else {
            continue;
        };
        if host_name(u.host) == "0.0.0.0" {
            let host = u.host.replacen("0.0.0.0", "127.0.0.1", 1);
            out.push(hit(
                ctx,
                "zero-host",
                s,
                url(format!("{}{host}{}", u.scheme, u.path)),
                Review,
            ));
        }
    }
}

/// Hosts clients call when no base URL reaches them.
const DEFAULT_HOSTS: &[&str] = &["api.openai.com", "api.anthropic.com"];

/// Words of an error line naming the host a request went to.
const ERROR_WORDS: &[&str] = &[
    "error",
    "failed",
    "exceeded",
    "refused",
    "timed out",
    "timeout",
    "host=",
];

/// The variable the official SDKs read their base URL from, for a request that went to
/// `host`, when `name` is another variable of that vendor's family (`OPENAI_API_BASE`,
/// `OPENAI_API_URL`, `ANTHROPIC_API_URL`): the SDK never read it. `None` when the name is already
/// the one read (the cause is elsewhere: a file the tool does not load) or not a variable.
fn read_name(host: &str, name: &str) -> Option<&'static str> {
    let (prefix, read) = match host {
        "api.openai.com" => ("OPENAI_", "OPENAI_BASE_URL"),
        "api.anthropic.com" => ("ANTHROPIC_", "ANTHROPIC_BASE_URL"),
        _ => return None,
    };
    let env_like = name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
    (env_like && name.starts_with(prefix) && name != read).then_some(read)
}

/// The base URL setting renamed to the variable read (see [`read_name`]), its value without an
/// endpoint the SDK would append again (`…/v1/completions` → `…/v1`).
fn renamed(ctx: &Ctx, s: &Setting, host: &str) -> Option<Vec<Edit>> {
    let mut edits = vec![rename_key(ctx.text, s, read_name(host, s.name())?)?];
    if let Some(fixed) = without_endpoint(&s.value) {
        edits.push(value_edit(ctx, s, &fixed?)?);
    }
    Some(edits)
}

/// A base URL setting names another host, yet an error line outside the config shows the
/// request going to a default host (`HTTPSConnectionPool(host='api.openai.com', …)`): the tool
/// did not read the setting (another variable name, a URL written into its own config).
pub(super) fn base_url_ignored(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let is_base_url = |name: &str| {
        let n = name.to_ascii_lowercase().replace('-', "_");
        [
            "base_url", "api_base", "api_url", "baseurl", "apibase", "apiurl",
        ]
        .iter()
        .any(|e| n.ends_with(e))
    };
    let Some(setting) = ctx.cfg.settings.iter().find(|s| {
        is_base_url(s.name())
            && split_url(&s.value).is_some_and(|u| {
                let h = host_name(u.host);
                !h.is_empty() && !DEFAULT_HOSTS.contains(&h.as_str())
            })
    }) else {
        return;
    };
    let in_block = |i: usize| ctx.cfg.blocks.iter().any(|b| b.start <= i && i < b.end);
    for host in DEFAULT_HOSTS {
        for (i, _) in ctx.text.match_indices(host) {
            if in_block(i) {
                continue;
            }
            let ls = ctx.text[..i].rfind('\n').map_or(0, |p| p + 1);
            let le = ctx.text[i..].find('\n').map_or(ctx.text.len(), |p| i + p);
            let line = ctx.text[ls..le].to_ascii_lowercase();
            if ERROR_WORDS.iter().any(|w| line.contains(w)) {
                out.push(CheckHit {
                    check: "base-url-ignored",
                    spans: vec![setting.value_span, (i, i + host.len())],
                    edits: renamed(ctx, setting, host).unwrap_or_default(),
                    applicability: Review,
                });
                return;
            }
        }
    }
}

/// Hosts that are the container itself when the tool runs in Docker.
fn container_local(host: &str) -> bool {
    host == "localhost" || host.starts_with("127.") || host == "0.0.0.0"
}

/// The tool runs in Docker (fact `tool:docker`) and its base URL names localhost: that is the
/// container, not the machine where the server listens. Fix: `host.docker.internal`, and in a
/// Compose service the `host-gateway` mapping Linux needs for it (review: a server in another
/// container is reached by its service name instead). Not with host networking, where localhost
/// is the machine.
pub(super) fn docker_localhost(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    if !ctx.facts.tools.contains(&crate::tool::Tool::Docker) {
        return;
    }
    // Compose's host networking: localhost is the machine there.
    if ctx
        .cfg
        .settings
        .iter()
        .any(|s| s.name() == "network_mode" && s.value.trim() == "host")
    {
        return;
    }
    for s in ctx.cfg.settings.iter().filter(|s| {
        let n = s.name().to_ascii_lowercase();
        s.kind == crate::config::ValueKind::Str
            && (n.contains("base") || n.contains("api") || n.contains("endpoint"))
    }) {
        let Some(u) = split_url(s.value.trim()) else {
            continue;
        };
        let host = host_name(u.host);
        if u.scheme.is_empty() || !container_local(&host) {
            continue;
        }
        let fixed = u.host.replacen(&host, "host.docker.internal", 1);
        let mut edits: Vec<Edit> = url(format!("{}{fixed}{}", u.scheme, u.path))
            .and_then(|v| value_edit(ctx, s, &v))
            .into_iter()
            .collect();
        if !edits.is_empty() {
            edits.extend(cli_fix!(host_gateway(ctx, s)));
        }
        out.push(CheckHit {
            check: "docker-localhost",
            spans: vec![s.value_span],
            edits,
            applicability: Review,
        });
    }
}

/// In a Compose service, the mapping Linux needs to resolve host.docker.internal (Docker
/// Desktop accepts it too): `extra_hosts` inserted into the service of setting `s`.
#[cfg(feature = "cli-fixes")]
fn host_gateway(ctx: &Ctx, s: &Setting) -> Option<Vec<Edit>> {
    let svc = s.path.strip_prefix("services.")?.split('.').next()?;
    crate::fix::lines::insert_yaml(
        ctx.text,
        ctx.cfg,
        s.block,
        &format!("services.{svc}"),
        "extra_hosts",
        "[\"host.docker.internal:host-gateway\"]",
    )
    .map(|e| vec![e])
}
