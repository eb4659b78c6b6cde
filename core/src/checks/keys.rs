//! Key checks: the key's kind against the host (plan keys need plan URLs), defects in how it
//! was pasted (whitespace, placeholders, `os.getenv("sk-…")`), the Authorization header shape,
//! and Claude Code's two credential variables set at once.

use super::{
    base_urls, from_script, hit, host_name, key_settings, split_url, url, value_edit, CheckHit,
    Ctx, Protocol,
};
use crate::config::Setting;
use crate::escape;
use crate::facts::lookup_host;
use crate::fix::Edit;
use crate::report::Applicability::{Review, Safe};
use crate::vocabulary::HOSTS;

fn is_plan_key(v: &str) -> bool {
    v.trim().starts_with("sk-sp-")
}

fn is_general_key(v: &str) -> bool {
    let v = v.trim();
    v.starts_with("sk-")
        && !v.starts_with("sk-sp-")
        && !v.starts_with("sk-ant-")
        && !v.starts_with("sk-or-")
        && !v.starts_with("sk-proj-")
}

fn plan_of(s: &Setting) -> Option<(&'static str, &'static str)> {
    let u = split_url(&s.value)?;
    lookup_host(&host_name(u.host)).map(|h| (h.plan, h.region))
}

/// A Coding/Token Plan key (`sk-sp-`) with a general Model Studio URL: the URL is wrong, not
/// the key (GF: `403 invalid api-key`). Fix: the Coding Plan host of the same region (review:
/// a Token Plan key needs the Token Plan host instead).
pub(super) fn plan_key_general_host(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    if !key_settings(ctx.cfg).any(|k| is_plan_key(&k.value))
        && !ctx
            .facts
            .keys
            .iter()
            .any(|k| k.kind == crate::secrets::KeyKind::Plan)
    {
        return;
    }
    for (s, proto) in base_urls(ctx.cfg) {
        let Some(u) = split_url(&s.value) else {
            continue;
        };
        let Some(h) = lookup_host(&host_name(u.host)) else {
            continue;
        };
        if h.provider != "dashscope" || h.plan != "general" {
            continue;
        }
        // The Coding Plan host of the same region, with the path for the protocol (catalog).
        let Some(plan) = HOSTS
            .iter()
            .find(|p| p.provider == "dashscope" && p.plan == "coding" && p.region == h.region)
        else {
            continue;
        };
        let (host, path) = (
            plan.host,
            if proto == Protocol::Anthropic {
                plan.anthropic_path
            } else {
                plan.openai_path
            },
        );
        let scheme = if u.scheme.is_empty() {
            "https://"
        } else {
            u.scheme
        };
        // From curl, raw HTTP or a script the Coding Plan host refuses the call as well (only
        // coding agents may use it): there the fix is a general key, not this URL.
        let fixed = url(format!("{scheme}{host}{path}")).filter(|_| !from_script(ctx, s));
        out.push(hit(ctx, "plan-key-general-host", s, fixed, Review));
    }
}

/// A general `sk-` key with a Coding Plan URL: the plan refuses it (401 invalid access token).
/// The plan key itself we cannot know; the fix is the other way out the rule's steps name: the
/// general (pay-as-you-go) base URL of the plan's region, for the same protocol (review: it
/// bills the calls by use, and the key must belong to that region).
pub(super) fn general_key_plan_host(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let plan_urls: Vec<(&Setting, Protocol)> = base_urls(ctx.cfg)
        .into_iter()
        .filter(|(s, _)| plan_of(s).is_some_and(|(p, _)| p == "coding" || p == "token"))
        .collect();
    if plan_urls.is_empty() {
        return;
    }
    for k in key_settings(ctx.cfg).filter(|k| is_general_key(&k.value)) {
        let mut h = hit(ctx, "general-key-plan-host", k, None, Review);
        for (s, proto) in &plan_urls {
            h.spans.push(s.value_span);
            if let Some(e) = general_url(s, *proto).and_then(|u| value_edit(ctx, s, &u)) {
                h.edits.push(e);
            }
        }
        out.push(h);
    }
}

/// The general Model Studio base URL of plan URL `s`'s region, for `proto`.
fn general_url(s: &Setting, proto: Protocol) -> Option<String> {
    let u = split_url(&s.value)?;
    let (_, region) = plan_of(s)?;
    let general = HOSTS
        .iter()
        .find(|h| h.provider == "dashscope" && h.plan == "general" && h.region == region)?;
    let path = match proto {
        Protocol::Anthropic => general.anthropic_path,
        Protocol::OpenAi => general.openai_path,
    };
    let scheme = if u.scheme.is_empty() {
        "https://"
    } else {
        u.scheme
    };
    url(format!("{scheme}{}{path}", general.host))
}

/// Spaces, tabs, line breaks or zero-width characters around or inside a key.
pub(super) fn key_whitespace(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for k in key_settings(ctx.cfg) {
        let bad = |c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}'
                )
        };
        let template = k.value.contains("${{")
            || k.value.contains("{{")
            || k.value.trim_start().starts_with('$');
        // Words with spaces between them (`'My API Key'` in an error's example): a placeholder,
        // not a key with blanks copied into it.
        let phrase = k.value.split_whitespace().count() > 1
            && k.value
                .split_whitespace()
                .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()));
        if k.value.chars().any(bad) && !k.value.trim().is_empty() && !template && !phrase {
            let cleaned: String = k.value.chars().filter(|c| !bad(*c)).collect();
            // Inner quotes from copying `"sk-…"` with its quotes.
            let cleaned = cleaned.trim_matches(['"', '\'']).to_string();
            // Only a value every syntax holds as it is: a key has nothing to escape.
            let cleaned = Some(cleaned).filter(|c| escape::key_ok(c));
            out.push(hit(ctx, "key-whitespace", k, cleaned, Safe));
        }
    }
}

/// `sk-xxx`, `your-api-key`, `<API_KEY>`: the example value was never replaced.
pub(super) fn key_placeholder(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for k in key_settings(ctx.cfg) {
        let v = k.value.trim();
        let lower = v.to_ascii_lowercase();
        let body = lower.trim_start_matches("sk-sp-").trim_start_matches("sk-");
        let placeholder = (body.len() >= 3
            && body.bytes().all(|b| matches!(b, b'x' | b'*' | b'.')))
            || lower.contains("your") && lower.contains("key")
            || lower.starts_with('<') && lower.ends_with('>')
            || lower == "sk-...";
        if placeholder {
            out.push(hit(ctx, "key-placeholder", k, None, Review));
        }
    }
}

fn headers<'a>(ctx: &'a Ctx, name: &'a str) -> impl Iterator<Item = &'a Setting> + 'a {
    ctx.cfg.settings.iter().filter(move |s| {
        s.path
            .strip_prefix("header.")
            .is_some_and(|h| h.eq_ignore_ascii_case(name))
    })
}

/// `Authorization: sk-…` without `Bearer`.
pub(super) fn bearer_missing(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for h in headers(ctx, "authorization") {
        let v = h.value.trim_start();
        let lower = v.to_ascii_lowercase();
        if !lower.starts_with("bearer")
            && !lower.starts_with("basic")
            && (v.starts_with("sk-") || v.starts_with('$'))
        {
            let at = h.value_span.0 + (h.value.len() - v.len());
            // Inserted inside the value: written for its quoting (a curl word's, say).
            let edit = escape::place_of(ctx.text, ctx.cfg, h)
                .fragment("Bearer ")
                .filter(|_| {
                    ctx.text.get(h.value_span.0..at) == h.value.get(..h.value.len() - v.len())
                })
                .map(|replacement| Edit {
                    start: at,
                    end: at,
                    replacement,
                });
            out.push(CheckHit {
                check: "bearer-missing",
                spans: vec![h.value_span],
                edits: edit.into_iter().collect(),
                applicability: Safe,
            });
        }
    }
}

/// `Authorization: Bearer Bearer sk-…` (a client adding `Bearer` to a value that has it).
pub(super) fn bearer_doubled(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in headers(ctx, "authorization").chain(key_settings(ctx.cfg)) {
        let lower = s.value.to_ascii_lowercase();
        let doubled_header = lower.trim_start().starts_with("bearer bearer ");
        let key_with_bearer =
            !s.path.starts_with("header.") && lower.trim_start().starts_with("bearer ");
        if doubled_header || key_with_bearer {
            let v = s.value.trim_start();
            let lead = s.value.len() - v.len();
            // What goes: `Bearer ` (doubled header) or `Bearer` and the blanks after it.
            let cut = if doubled_header {
                7
            } else {
                6 + (v[6..].len() - v[6..].trim_start().len())
            };
            // Deleting those bytes where the paste holds them as they are writes nothing new;
            // otherwise the rest of the value is written anew, escaped for its place.
            let (a, b) = (s.value_span.0 + lead, s.value_span.0 + lead + cut);
            let edit = if ctx.text.get(s.value_span.0..b) == s.value.get(..lead + cut) {
                Some(Edit {
                    start: a,
                    end: b,
                    replacement: String::new(),
                })
            } else {
                value_edit(ctx, s, &v[cut..])
            };
            out.push(CheckHit {
                check: "bearer-doubled",
                spans: vec![s.value_span],
                edits: edit.into_iter().collect(),
                applicability: Safe,
            });
        }
    }
}

/// `os.getenv("sk-…")`: the key itself passed as the variable name (GF: InvalidApiKey causes).
pub(super) fn key_as_env_name(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for s in &ctx.cfg.settings {
        let v = &s.value;
        for call in [
            "os.getenv(",
            "os.environ.get(",
            "os.environ[",
            "System.getenv(",
            "process.env[",
        ] {
            let Some(i) = v.find(call) else { continue };
            let arg = &v[i + call.len()..];
            let q = arg.chars().next().filter(|c| matches!(c, '"' | '\''));
            let Some(q) = q else { continue };
            let inner_end = arg[1..].find(q).map(|e| e + 1);
            let Some(e) = inner_end else { continue };
            let name = &arg[1..e];
            // The name's bytes as the paste holds them (no escapes in between).
            let raw = ctx
                .text
                .get(s.value_span.0 + i + call.len() + 1..)
                .unwrap_or("");
            if (name.starts_with("sk-") || name.starts_with("AIza")) && raw.starts_with(name) {
                let start = s.value_span.0 + i + call.len() + 1;
                let var = if name.starts_with("AIza") {
                    "GEMINI_API_KEY"
                } else {
                    "DASHSCOPE_API_KEY"
                };
                // A variable's name in the call's string literal: nothing to escape, but
                // written through the code string escaper all the same.
                let syntax = escape::Place {
                    syntax: escape::Syntax::Code {
                        quote: q,
                        raw: false,
                        interpolated: false,
                        bytes: false,
                    },
                    shell: None,
                };
                let edit = syntax.fragment(var).map(|replacement| Edit {
                    start,
                    end: start + name.len(),
                    replacement,
                });
                out.push(CheckHit {
                    check: "key-as-env-name",
                    spans: vec![(start, start + name.len())],
                    edits: edit.into_iter().collect(),
                    applicability: Review,
                });
            }
        }
    }
}

/// Both `ANTHROPIC_API_KEY` and `ANTHROPIC_AUTH_TOKEN` set: Claude Code refuses ("Auth
/// conflict"). Claude Code with a gateway wants the token; the API key should go.
pub(super) fn anthropic_both_keys(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let find = |name: &str| {
        ctx.cfg.settings.iter().find(|s| {
            s.path
                .rsplit('.')
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(name))
                && !s.value.trim().is_empty()
        })
    };
    if let (Some(key), Some(token)) = (find("ANTHROPIC_API_KEY"), find("ANTHROPIC_AUTH_TOKEN")) {
        // The API key goes: its member with its comma and line (settings.json), or its line
        // (`export`, `.env`, `set`). Review: which credential the gateway expects is the
        // user's to confirm.
        let edit = crate::fix::structural::delete_setting(ctx.text, ctx.cfg, key);
        out.push(CheckHit {
            check: "anthropic-both-keys",
            spans: vec![
                key.key_span.unwrap_or(key.value_span),
                token.key_span.unwrap_or(token.value_span),
            ],
            edits: edit.into_iter().collect(),
            applicability: Review,
        });
    }
}

/// cmd's `set NAME="sk-…"` keeps the quotes in the value: the key is sent with them and
/// refused. Fix: `set "NAME=sk-…"`, the form whose quotes cmd drops.
pub(super) fn cmd_set_quoted_key(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    for k in key_settings(ctx.cfg) {
        let place = escape::place_of(ctx.text, ctx.cfg, k);
        if !matches!(
            place.syntax,
            escape::Syntax::Env(
                escape::EnvShell::Cmd,
                escape::Quote::Double | escape::Quote::Single
            )
        ) {
            continue;
        }
        // `NAME="…"`: the quote right after `=` (not the `set "NAME=…"` form).
        let Some((_, ke)) = k.key_span else { continue };
        let q = k.quoted.map_or(0, char::len_utf8);
        if q == 0 || k.value_span.0 != ke + 1 + q {
            continue;
        }
        out.push(CheckHit {
            check: "cmd-set-quoted-key",
            spans: vec![(ke + 1, crate::fix::structural::value_end(ctx.text, k))],
            edits: crate::fix::quotes::cmd_set_requote(ctx.text, k).unwrap_or_default(),
            applicability: Safe,
        });
    }
}
