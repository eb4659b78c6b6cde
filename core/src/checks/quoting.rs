//! How a key or a base URL is quoted where the paste sets it: between typographic quotes
//! (`“sk-…”`, copied from a document or typed with a Chinese input method), which become part
//! of the value; bare after PowerShell's `$env:NAME =`, which PowerShell runs as a command.

use super::{base_urls, key_settings, CheckHit, Ctx};
use crate::config::Setting;
use crate::fix::quotes::{powershell_quote, typographic_inner, typographic_requote};
use crate::report::Applicability::Safe;

fn typographic<'a>(
    ctx: &Ctx,
    check: &'static str,
    settings: impl Iterator<Item = &'a Setting>,
    out: &mut Vec<CheckHit>,
) {
    for s in settings {
        if typographic_inner(ctx.text, ctx.cfg, s).is_some() {
            out.push(CheckHit {
                check,
                spans: vec![s.value_span],
                edits: typographic_requote(ctx.text, ctx.cfg, s)
                    .into_iter()
                    .collect(),
                applicability: Safe,
            });
        }
    }
}

/// A key between typographic quotes: they are sent as part of the key (401).
pub(super) fn key_typographic_quotes(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    typographic(ctx, "key-typographic-quotes", key_settings(ctx.cfg), out);
}

/// A base URL between typographic quotes: no client reads it as a URL.
pub(super) fn url_typographic_quotes(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    typographic(
        ctx,
        "url-typographic-quotes",
        base_urls(ctx.cfg).into_iter().map(|(s, _)| s),
        out,
    );
}

/// `$env:NAME = value` with a bare key or URL: PowerShell runs the value as a command and the
/// variable is never set.
pub(super) fn powershell_bare_value(ctx: &Ctx, out: &mut Vec<CheckHit>) {
    let urls = base_urls(ctx.cfg);
    for s in key_settings(ctx.cfg).chain(urls.iter().map(|(s, _)| *s)) {
        if let Some(e) = powershell_quote(ctx.text, ctx.cfg, s) {
            out.push(CheckHit {
                check: "powershell-bare-value",
                spans: vec![s.value_span],
                edits: vec![e],
                applicability: Safe,
            });
        }
    }
}
