//! YAML as in Continue `config.yaml` and LiteLLM `config.yaml`: `key: value` lines, nesting
//! by indentation, `- ` list items (index in the path: `models.0.apiBase`), quoted and plain
//! scalars, comments. Block scalars (`|`, `>`) are skipped; flow collections are kept raw.
//! A run of `key: value` lines counts as YAML only when it names a model/endpoint key, so
//! prose such as `Error: 401` is left alone.

use super::jsonish::push_key;
use super::Note;
use super::{line_end, skip_blank, trim_end, Ctx, Format, Outcome, Setting, ValueKind};

const MARKERS: &[&str] = &[
    "models",
    "model_list",
    "apiBase",
    "apiKey",
    "api_base",
    "api_key",
    "base_url",
    "baseUrl",
    "baseURL",
    "provider",
    "litellm_params",
    // Docker Compose: a service's `environment:` (map or `- NAME=value` list).
    "environment",
];

struct Frame {
    indent: isize,
    path: String,
    is_item: bool,
    seq: usize,
}

enum Line {
    Blank,
    Key {
        ks: usize,
        ke: usize,
        name: String,
        v: usize,
    },
    Item {
        content: usize,
    },
    Other,
}

fn classify(text: &str, s: usize, e: usize) -> Line {
    let b = text.as_bytes();
    let Some(&c) = b.get(s) else {
        return Line::Blank;
    };
    if s >= e || c == b'#' {
        return Line::Blank;
    }
    if c == b'-' && (s + 1 >= e || matches!(b.get(s + 1), Some(b' ' | b'\t'))) {
        return Line::Item {
            content: skip_blank(text, s + 1, e),
        };
    }
    key_at(text, s, e).unwrap_or(Line::Other)
}

/// `key:` or `key: value` at `s`.
fn key_at(text: &str, s: usize, e: usize) -> Option<Line> {
    let b = text.as_bytes();
    let c = *b.get(s)?;
    let (ks, ke, after) = if c == b'"' || c == b'\'' {
        let close = text.get(s + 1..e)?.find(c as char)? + s + 1;
        (s + 1, close, close + 1)
    } else {
        let mut i = s;
        while i < e
            && b.get(i).is_some_and(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'/')
            })
        {
            i += 1;
        }
        (s, i, i)
    };
    if ke <= ks || b.get(after) != Some(&b':') {
        return None;
    }
    if after + 1 < e && !matches!(b.get(after + 1), Some(b' ' | b'\t')) {
        return None;
    }
    Some(Line::Key {
        ks,
        ke,
        name: text.get(ks..ke)?.to_string(),
        v: skip_blank(text, after + 1, e),
    })
}

pub(crate) fn read(text: &str, ctx: &mut Ctx, start: usize) -> Option<Outcome> {
    let (le, _) = line_end(text, start);
    let s0 = skip_blank(text, start, le);
    if !matches!(classify(text, s0, le), Line::Key { .. } | Line::Item { .. }) {
        return None;
    }
    let saved = ctx.settings.len();
    let block = ctx.next_block();
    let mut frames = vec![Frame {
        indent: -1,
        path: String::new(),
        is_item: false,
        seq: 0,
    }];
    let mut pos = start;
    let mut end = s0;
    let mut lines = 0;
    let mut marked = false;
    let mut scalar_indent: Option<isize> = None; // inside a block scalar deeper than this
    let mut notes = Vec::new();
    while pos < text.len() {
        let (e, next) = line_end(text, pos);
        let s = skip_blank(text, pos, e);
        let indent = (s - pos) as isize;
        if let Some(si) = scalar_indent {
            if s >= e || indent > si {
                pos = next;
                end = e;
                continue;
            }
            scalar_indent = None;
        }
        match classify(text, s, e) {
            Line::Blank => {}
            Line::Other => break,
            Line::Key { ks, ke, name, v } => {
                lines += 1;
                marked |= MARKERS.contains(&name.as_str());
                if key_line(text, ctx, block, &mut frames, indent, (ks, ke), &name, v, e) {
                    scalar_indent = Some(indent);
                }
                end = e;
            }
            Line::Item { content } => {
                lines += 1;
                while frames.len() > 1
                    && frames
                        .last()
                        .is_some_and(|f| f.indent > indent || (f.indent == indent && f.is_item))
                {
                    frames.pop();
                }
                let mut item_path = String::new();
                if let Some(owner) = frames.last_mut() {
                    item_path = owner.path.clone();
                    push_key(&mut item_path, &owner.seq.to_string());
                    owner.seq += 1;
                }
                frames.push(Frame {
                    indent,
                    path: item_path.clone(),
                    is_item: true,
                    seq: 0,
                });
                if content < e {
                    let ci = (content - pos) as isize;
                    match key_at(text, content, e) {
                        Some(Line::Key { ks, ke, name, v }) => {
                            marked |= MARKERS.contains(&name.as_str());
                            if key_line(text, ctx, block, &mut frames, ci, (ks, ke), &name, v, e) {
                                scalar_indent = Some(ci);
                            }
                        }
                        _ if text.as_bytes().get(content) == Some(&b'-') => {}
                        _ => {
                            let owner = frames.iter().rev().nth(1).map_or("", |f| f.path.as_str());
                            if let Some((path, key, st)) = env_item(text, owner, content, e) {
                                push(ctx, block, path, Some(key), st);
                            } else if let Some(st) = scalar(text, content, e) {
                                push(ctx, block, item_path, None, st);
                            }
                        }
                    }
                }
                end = e;
            }
        }
        pos = next;
    }
    let resume = line_end(text, end).1.max(line_end(text, start).1);
    if !marked || lines < 2 {
        ctx.settings.truncate(saved);
        return Some(Outcome::Skip { resume });
    }
    if ctx.settings.len() == saved {
        notes.push(Note::YamlWithoutValues);
    }
    let end = trim_end(text, start, end);
    ctx.add_block(Format::Yaml, s0, end, notes);
    Some(Outcome::Read { end })
}

/// A `key: value` line at `indent`. Returns whether a block scalar (`|`, `>`) starts.
#[allow(clippy::too_many_arguments)]
fn key_line(
    text: &str,
    ctx: &mut Ctx,
    block: usize,
    frames: &mut Vec<Frame>,
    indent: isize,
    key: (usize, usize),
    name: &str,
    v: usize,
    e: usize,
) -> bool {
    while frames.len() > 1 && frames.last().is_some_and(|f| f.indent >= indent) {
        frames.pop();
    }
    let mut path = frames.last().map(|f| f.path.clone()).unwrap_or_default();
    push_key(&mut path, name);
    let b = text.as_bytes();
    let value_here = v < e && b.get(v) != Some(&b'#');
    if !value_here {
        frames.push(Frame {
            indent,
            path,
            is_item: false,
            seq: 0,
        });
        return false;
    }
    if matches!(b.get(v), Some(b'|' | b'>')) {
        return true;
    }
    if let Some(st) = scalar(text, v, e) {
        push(ctx, block, path, Some(key), st);
    }
    false
}

/// A Docker Compose `environment:` list item `- NAME=value`: the setting `<owner>.NAME`, its
/// key the name, its value what follows `=`.
fn env_item(
    text: &str,
    owner: &str,
    content: usize,
    e: usize,
) -> Option<(String, (usize, usize), Scalar)> {
    if owner.rsplit('.').next() != Some("environment") {
        return None;
    }
    let b = text.as_bytes();
    let mut i = content;
    while i < e
        && b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        i += 1;
    }
    if i == content || b.get(i) != Some(&b'=') || b.get(content).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let name = text.get(content..i)?;
    // The value as the YAML item reads it (a ` #` comment is YAML's, not the value's); always a
    // string, as in an env file: the item `NAME=false` is one YAML string, not a boolean.
    let mut st = scalar(text, i + 1, e)?;
    st.kind = ValueKind::Str;
    let mut path = owner.to_string();
    push_key(&mut path, name);
    Some((path, (content, i), st))
}

struct Scalar {
    span: (usize, usize),
    value: String,
    quoted: Option<char>,
    kind: ValueKind,
}

fn push(ctx: &mut Ctx, block: usize, path: String, key: Option<(usize, usize)>, s: Scalar) {
    ctx.push(Setting {
        block,
        path,
        key_span: key,
        value_span: s.span,
        value: s.value,
        quoted: s.quoted,
        kind: s.kind,
        len: None,
    });
}

/// A scalar (or a flow collection, kept raw) at `v`, up to the line end `e`.
fn scalar(text: &str, v: usize, e: usize) -> Option<Scalar> {
    let b = text.as_bytes();
    let c = *b.get(v)?;
    if c == b'"' || c == b'\'' {
        let mut i = v + 1;
        let mut out = String::new();
        let mut run = i;
        while i < e {
            let d = *b.get(i)?;
            if c == b'\'' && d == b'\'' && b.get(i + 1) == Some(&b'\'') {
                out.push_str(text.get(run..i + 1)?);
                i += 2;
                run = i;
                continue;
            }
            if d == c {
                break;
            }
            if c == b'"' && d == b'\\' && i + 1 < e {
                out.push_str(text.get(run..i)?);
                let esc = *b.get(i + 1)?;
                match esc {
                    b'n' => out.push('\n'),
                    b't' => out.push('\t'),
                    b'"' | b'\\' | b'/' => out.push(esc as char),
                    _ => {
                        out.push('\\');
                        out.push(esc as char);
                    }
                }
                i += 2;
                run = i;
                continue;
            }
            i += 1;
        }
        let ve = i.min(e);
        out.push_str(text.get(run..ve.max(run)).unwrap_or(""));
        return Some(Scalar {
            span: (v + 1, ve),
            value: out,
            quoted: Some(c as char),
            kind: ValueKind::Str,
        });
    }
    // Plain scalar: up to ` #` or the line end.
    let mut ve = e;
    let mut i = v;
    while i + 1 < e {
        if matches!(b.get(i), Some(b' ' | b'\t')) && b.get(i + 1) == Some(&b'#') {
            ve = i;
            break;
        }
        i += 1;
    }
    let ve = trim_end(text, v, ve);
    let raw = text.get(v..ve)?;
    let kind = match raw {
        "true" | "false" | "True" | "False" | "TRUE" | "FALSE" => ValueKind::Bool,
        "null" | "~" | "Null" | "NULL" => ValueKind::Null,
        _ if c == b'[' => ValueKind::Array,
        _ if c == b'{' => ValueKind::Object,
        _ if super::is_decimal(raw) => ValueKind::Num,
        _ => ValueKind::Str,
    };
    Some(Scalar {
        span: (v, ve),
        value: raw.to_string(),
        quoted: None,
        kind,
    })
}
