//! Raw HTTP requests: `POST /compatible-mode/v1/chat/completions HTTP/1.1`, header lines, a
//! blank line, a JSON body. Also `POST https://…` with headers (REST-client files).

use super::jsonish::{Dialect, Parser, Stop};
use super::Note;
use super::{
    line_end, skip_blank, skip_ws_any, trim_end, Ctx, Format, Outcome, Setting, ValueKind,
};

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

fn setting(
    block: usize,
    path: String,
    key: Option<(usize, usize)>,
    vs: usize,
    ve: usize,
    text: &str,
) -> Setting {
    Setting {
        block,
        path,
        key_span: key,
        value_span: (vs, ve),
        value: text.get(vs..ve).unwrap_or("").to_string(),
        quoted: None,
        kind: ValueKind::Str,
        len: None,
    }
}

/// A header line `Name: value` at `s..e`: (name end, value start).
fn header_line(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = s;
    while i < e
        && b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
    {
        i += 1;
    }
    if i == s || b.get(i) != Some(&b':') {
        return None;
    }
    Some((i, skip_blank(text, i + 1, e)))
}

pub(crate) fn read(text: &str, ctx: &mut Ctx, ls: usize, le: usize) -> Option<Outcome> {
    let b = text.as_bytes();
    let line = text.get(ls..le)?;
    let method = METHODS
        .iter()
        .find(|m| line.starts_with(*m) && line.as_bytes().get(m.len()) == Some(&b' '))?;
    let ts = skip_blank(text, ls + method.len(), le);
    let mut te = ts;
    while te < le && !matches!(b.get(te), Some(b' ' | b'\t')) {
        te += 1;
    }
    let target = text.get(ts..te)?;
    let rest = text.get(te..le)?.trim();
    let absolute = target.starts_with("http://") || target.starts_with("https://");
    if !(target.starts_with('/') || absolute) {
        return None;
    }
    let versioned = rest.starts_with("HTTP/");
    let (_, mut next) = line_end(text, le);
    if !versioned {
        // Without a version the next line must be a header (or the target a full URL).
        let (e, _) = line_end(text, next);
        let s = skip_blank(text, next, e);
        if !(rest.is_empty() && (absolute || header_line(text, s, e).is_some())) {
            return None;
        }
    }
    let block = ctx.next_block();
    ctx.push(setting(
        block,
        "method".into(),
        None,
        ls,
        ls + method.len(),
        text,
    ));
    ctx.push(setting(block, "url".into(), None, ts, te, text));
    let mut end = trim_end(text, ls, le);
    // Headers.
    while next < text.len() {
        let (e, n) = line_end(text, next);
        let s = skip_blank(text, next, e);
        if s >= e {
            break;
        }
        let Some((ne, vs)) = header_line(text, s, e) else {
            break;
        };
        let ve = trim_end(text, vs, e);
        let name = text.get(s..ne).unwrap_or("");
        ctx.push(setting(
            block,
            format!("header.{name}"),
            Some((s, ne)),
            vs,
            ve,
            text,
        ));
        end = ve.max(ne + 1);
        next = n;
    }
    let mut notes = Vec::new();
    // A JSON body after the blank line.
    let bs = skip_ws_any(text, next);
    let blank = {
        let (e, _) = line_end(text, next);
        skip_blank(text, next, e) >= e
    };
    if next < text.len() && blank && matches!(b.get(bs), Some(b'{' | b'[')) {
        let mut p = Parser::new(text, ctx, Dialect::Json, bs);
        p.block = block;
        let mut path = String::from("body");
        let r = p.value(&mut path, None);
        notes = std::mem::take(&mut p.notes);
        if let Err(e) = r {
            let line = p.line(p.pos.saturating_sub(1));
            notes.push(match e {
                Stop::Eof => Note::HttpBodyEndsEarly { line },
                _ => Note::HttpBodyStops { line },
            });
        }
        end = p.pos.min(text.len());
        let mut t = end;
        while t > bs && matches!(b.get(t - 1), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            t -= 1;
        }
        end = t;
    }
    ctx.add_block(Format::Http, ls, end, notes);
    Some(Outcome::Read { end })
}
