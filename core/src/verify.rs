//! A command that checks a corrected endpoint, reading the key from an environment variable —
//! never inlining it. The Coding Plan refuses curl (only coding agents may call it), so there
//! the check is the tool itself.
//!
//! The command is an argument list rendered by [`crate::escape::render`] (POSIX shell). What
//! comes from the paste is checked first and left out when it is not what it should be: a base
//! URL that is not a plain `http(s)://host/path` gives no command; a model that is not a model
//! id, or a key variable that is not a variable name (or looks like a key), is replaced by the
//! usual one.

use crate::checks::{base_urls, host_name, split_url, Protocol};
use crate::config::Config;
use crate::escape::{self, Piece};
use crate::facts::lookup_host;
use crate::fix::Edit;

/// The verification for the first base URL in block `block`, after `edits`.
pub(crate) fn command(cfg: &Config, block: usize, edits: &[&Edit]) -> Option<Check> {
    let (s, proto) = base_urls(cfg).into_iter().find(|(s, _)| s.block == block)?;
    let url = match edits
        .iter()
        .find(|e| e.start == s.value_span.0 && e.end == s.value_span.1)
    {
        // A fix's replacement is the new URL escaped for where it is written; a URL this
        // accepts has nothing to escape, but may have gained quotes around it.
        Some(e) => unquoted(&e.replacement),
        None => s.value.as_str(),
    };
    let host = lookup_host(&host_name(split_url(url)?.host));
    if host.is_some_and(|h| h.plan == "coding") {
        return Some(Check::CodingPlan);
    }
    let base = base_url(url)?;
    let var = key_var(cfg, block, proto);
    let model = escape::json_string(model(cfg, block).unwrap_or("qwen-plus"), '"');
    let anthropic = proto == Protocol::Anthropic;
    let (path, auth, content_type, max_tokens) = if anthropic {
        (
            "/v1/messages",
            "x-api-key: ",
            "content-type: application/json",
            "\"max_tokens\": 16, ",
        )
    } else {
        (
            "/chat/completions",
            "Authorization: Bearer ",
            "Content-Type: application/json",
            "",
        )
    };
    let url = format!("{base}{path}");
    let body = format!(
        "{{\"model\": \"{model}\", {max_tokens}\"messages\": [{{\"role\": \"user\", \"content\": \"ping\"}}]}}"
    );
    let (url, key, ct, body) = (
        [Piece::Lit(&url)],
        [Piece::Lit(auth), Piece::Var(&var)],
        [Piece::Lit(content_type)],
        [Piece::Lit(&body)],
    );
    let h: &[Piece] = &[Piece::Lit("-H")];
    let version: &[Piece] = &[Piece::Lit("anthropic-version: 2023-06-01")];
    let mut args: Vec<&[Piece]> = vec![&[Piece::Lit("curl")], &[Piece::Lit("-sS")], &url, h, &key];
    if anthropic {
        args.extend([h, version]);
    }
    args.extend([h, &ct, &[Piece::Lit("-d")], &body]);
    escape::posix(&args).map(Check::Command)
}

/// How to check a corrected endpoint, before masking.
pub(crate) enum Check {
    /// A curl command.
    Command(String),
    /// The Coding Plan refuses curl: the check is the tool itself.
    CodingPlan,
}

/// `v` without one pair of quotes around it.
fn unquoted(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// A base URL a verify command may call, without its trailing `/`: `http` or `https`, a host
/// name or IP (with a port), and a path of unreserved characters, `%`-escapes, `/`, `:`, `@`,
/// `+`. No query, fragment, user info or anything a shell, curl or JSON treats specially.
pub(crate) fn base_url(url: &str) -> Option<&str> {
    let base = url.trim().trim_end_matches('/');
    let lower = base.get(..8).unwrap_or(base).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &base[8..]
    } else if lower.starts_with("http://") {
        &base[7..]
    } else {
        return None;
    };
    let host_end = rest.find('/').unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let (name, port) = match host.find(']') {
        Some(i) if host.starts_with('[') => match &host[i + 1..] {
            "" => (&host[..=i], None),
            p => (&host[..=i], Some(p.strip_prefix(':')?)),
        },
        _ => match host.split_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        },
    };
    let name_ok = if let Some(v6) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        !v6.is_empty()
            && v6
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !name.is_empty()
            && !name.starts_with(['-', '.'])
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    let path_ok = path.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~' | '/' | '%' | ':' | '@' | '+')
    });
    (name_ok && port_ok && path_ok).then_some(base)
}

/// The environment variable the user's config reads the key from, or the usual one.
fn key_var(cfg: &Config, block: usize, proto: Protocol) -> String {
    let in_block = |name: &str| {
        cfg.settings
            .iter()
            .find(|s| s.block == block && s.name().eq_ignore_ascii_case(name))
    };
    if let Some(env_key) = in_block("env_key") {
        // A key pasted where its variable's name belongs is not a variable name.
        if escape::var_ok(&env_key.value) && !crate::secrets::looks_secret(&env_key.value) {
            return env_key.value.clone();
        }
    }
    let candidates: &[&str] = match proto {
        Protocol::Anthropic => &["ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_API_KEY"],
        Protocol::OpenAi => &["OPENAI_API_KEY", "DASHSCOPE_API_KEY"],
    };
    candidates
        .iter()
        .find(|c| in_block(c).is_some())
        .map_or("DASHSCOPE_API_KEY", |c| c)
        .to_string()
}

fn model(cfg: &Config, block: usize) -> Option<&str> {
    cfg.settings
        .iter()
        .filter(|s| s.block == block)
        .find(|s| {
            matches!(s.name(), "ANTHROPIC_MODEL" | "OPENAI_MODEL" | "model")
                && escape::model_ok(&s.value)
        })
        .map(|s| s.value.as_str())
}

#[cfg(test)]
mod tests {
    use super::base_url;

    #[test]
    fn base_urls_a_command_may_call() {
        for ok in [
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            "https://coding.dashscope.aliyuncs.com/apps/anthropic/",
            "http://localhost:4000",
            "http://127.0.0.1:8000/v1",
            "http://[::1]:8080/v1",
            "http://[::1]/v1",
            "HTTPS://Host.example/openai/deployments/gpt-4o",
        ] {
            assert!(base_url(ok).is_some(), "{ok}");
        }
        for bad in [
            "https://host/apps/anthropic?x=$(touch${IFS}pwned)",
            "https://host/v1`id`",
            "https://host/v1;id",
            "https://host/v1|id",
            "https://host/v1&&id",
            "https://host/v1'",
            "https://host/v1\"",
            "https://host/v1\nid",
            "https://host/%VAR%x y",
            "https://host/$env:HOME",
            "https://user:pass@host/v1",
            "ftp://host/v1",
            "host/v1",
            "https://-host/v1",
            "https://host:99999999/v1",
            "https://",
        ] {
            assert!(base_url(bad).is_none(), "{bad:?}");
        }
    }
}
