//! TOML as in Codex `config.toml`: `[tables]`, `[[arrays of tables]]` (element index in the
//! path: `rule.0.id`), dotted and quoted keys, basic/literal/multi-line strings, arrays, inline
//! tables. An unquoted string (`model = qwen-plus`) is kept, with a note.

use super::jsonish::{push_key, Dialect, Parser, Stop};
use super::Note;
use super::{line_end, skip_blank, trim_end, Ctx, Format, Outcome};

/// Reads a TOML block at `ls`: a `[table]` header (`header`) followed by `key = value`, or a
/// `key = value` line whose key has lower-case letters.
pub(crate) fn read(text: &str, ctx: &mut Ctx, ls: usize, header: bool) -> Option<Outcome> {
    let (le, next) = line_end(text, ls);
    if header {
        header_end(text, ls, le)?;
        // The next content line must be `key = value`.
        let mut pos = next;
        loop {
            if pos >= text.len() {
                return None;
            }
            let (e, n) = line_end(text, pos);
            let s = skip_blank(text, pos, e);
            if s >= e || text.as_bytes().get(s) == Some(&b'#') {
                pos = n;
                continue;
            }
            let (_, after) = kv_start(text, s, e)?;
            if !value_start_ok(text, after, e) {
                return None;
            }
            break;
        }
    } else {
        let (lower, after) = kv_start(text, ls, le)?;
        if !lower || !value_start_ok(text, after, le) {
            return None;
        }
    }
    Some(read_block(text, ctx, ls, !header))
}

fn read_block(text: &str, ctx: &mut Ctx, start: usize, strict: bool) -> Outcome {
    let b = text.as_bytes();
    let saved = ctx.settings.len();
    let mut p = Parser::new(text, ctx, Dialect::Toml, start);
    let mut table = String::new();
    let mut arrays: Vec<(String, usize)> = Vec::new();
    let mut end = start;
    let mut pos = start;
    while pos < text.len() {
        let (le, next) = line_end(text, pos);
        let s = skip_blank(text, pos, le);
        if s >= le || b.get(s) == Some(&b'#') {
            pos = next;
            continue;
        }
        if b.get(s) == Some(&b'[') {
            let Some((name, is_array)) = header_name(&mut p, s, le) else {
                break;
            };
            table = resolve(&name, &arrays);
            if is_array {
                let count = match arrays.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, c)) => {
                        *c += 1;
                        *c
                    }
                    None => {
                        arrays.push((name.clone(), 0));
                        0
                    }
                };
                push_key(&mut table, &count.to_string());
                // Re-register the element's path so `[[a.b]]` / `[a.c]` nest under it.
                if let Some(entry) = arrays.iter_mut().find(|(n, _)| *n == name) {
                    entry.1 = count;
                }
            }
            end = trim_end(text, s, le);
            pos = next;
            continue;
        }
        let Some((lower, after)) = kv_start(text, s, le) else {
            break;
        };
        if !value_start_ok(text, after, le) && !lower {
            break; // `KEY=value` env line: not ours
        }
        p.pos = s;
        let Some((name, ks, ke)) = p.toml_key() else {
            break;
        };
        p.blanks();
        if p.peek() != Some(b'=') {
            break;
        }
        p.pos += 1;
        p.blanks();
        let mut path = table.clone();
        push_key(&mut path, &name);
        match p.value(&mut path, Some((ks, ke))) {
            Ok(()) => {}
            Err(e) => {
                let line = p.line(p.pos.saturating_sub(1));
                let msg = match e {
                    Stop::Eof => Note::TomlEndsEarly { line },
                    _ => Note::TomlStops { line },
                };
                p.note(msg);
                let (le2, _) = line_end(text, p.pos.min(text.len().saturating_sub(1)));
                end = trim_end(text, s, le2.max(s));
                if matches!(e, Stop::Eof) {
                    end = trim_end(text, s, text.len());
                }
                break;
            }
        }
        p.blanks();
        let (vle, vnext) = line_end(text, p.pos);
        match p.peek() {
            None | Some(b'#' | b'\n' | b'\r') => {}
            Some(_) if strict && s == start => {
                // `time="…" level=error msg=…`: a logfmt line, not TOML.
                drop(p);
                ctx.settings.truncate(saved);
                return Outcome::Skip { resume: next };
            }
            Some(_) => {
                let line = p.line(p.pos);
                p.note(Note::TomlTextAfterValue { line });
            }
        }
        end = trim_end(text, s, vle);
        pos = vnext.max(next);
        if vnext <= p.pos && vnext >= text.len() {
            break;
        }
    }
    let notes = std::mem::take(&mut p.notes);
    drop(p);
    ctx.add_block(Format::Toml, start, end, notes);
    Outcome::Read { end }
}

/// `[a.b]` / `[[a.b]]` of an array-of-tables element resolved to the element's indexed path.
fn resolve(name: &str, arrays: &[(String, usize)]) -> String {
    let best = arrays
        .iter()
        .filter(|(n, _)| {
            name.len() > n.len()
                && name.starts_with(n.as_str())
                && name.as_bytes().get(n.len()) == Some(&b'.')
        })
        .max_by_key(|(n, _)| n.len());
    match best {
        Some((n, i)) => format!("{n}.{i}{}", name.get(n.len()..).unwrap_or("")),
        None => name.to_string(),
    }
}

impl Parser<'_, '_> {
    /// A TOML key (`a`, `a.b`, `"a b".c`) at `pos`.
    pub(crate) fn toml_key(&mut self) -> Option<(String, usize, usize)> {
        let c = self.peek()?;
        if matches!(c, b'"' | b'\'') {
            let (vs, ve, v, _) = self.string(c).ok()?;
            return self.toml_key_after(v, vs, ve);
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        let name = self.slice(start, self.pos).to_string();
        let end = self.pos;
        self.toml_key_after(name, start, end)
    }

    fn toml_key_after(
        &mut self,
        first: String,
        s: usize,
        e: usize,
    ) -> Option<(String, usize, usize)> {
        let mut name = first;
        let mut end = e;
        loop {
            let save = self.pos;
            self.blanks();
            if self.peek() != Some(b'.') {
                self.pos = save;
                return Some((name, s, end));
            }
            self.pos += 1;
            self.blanks();
            let c = self.peek()?;
            let part = if matches!(c, b'"' | b'\'') {
                self.string(c).ok()?.2
            } else {
                let st = self.pos;
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
                {
                    self.pos += 1;
                }
                if st == self.pos {
                    return None;
                }
                self.slice(st, self.pos).to_string()
            };
            push_key(&mut name, &part);
            end = self.pos;
        }
    }
}

/// The table name of a header line at `s`, and whether it is `[[…]]`.
fn header_name(p: &mut Parser<'_, '_>, s: usize, le: usize) -> Option<(String, bool)> {
    header_end(p.s, s, le)?;
    let b = p.s.as_bytes();
    let is_array = b.get(s + 1) == Some(&b'[');
    p.pos = s + if is_array { 2 } else { 1 };
    p.blanks();
    let (name, _, _) = p.toml_key()?;
    p.blanks();
    p.pos += if is_array { 2 } else { 1 };
    Some((name, is_array))
}

/// Where a `[table]` / `[[table]]` header line ends, if the line is one.
fn header_end(text: &str, s: usize, le: usize) -> Option<usize> {
    let b = text.as_bytes();
    let is_array = b.get(s + 1) == Some(&b'[');
    let mut i = s + if is_array { 2 } else { 1 };
    let mut any = false;
    while i < le {
        match b.get(i)? {
            b'"' | b'\'' => {
                let q = b[i];
                i += 1;
                while i < le && b.get(i) != Some(&q) {
                    i += 1;
                }
                i += 1;
                any = true;
            }
            c if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-') => {
                any = true;
                i += 1
            }
            b'.' | b' ' | b'\t' => i += 1,
            b']' => break,
            _ => return None,
        }
    }
    if !any || b.get(i) != Some(&b']') {
        return None;
    }
    i += 1;
    if is_array {
        if b.get(i) != Some(&b']') {
            return None;
        }
        i += 1;
    }
    let rest = skip_blank(text, i, le);
    (rest >= le || b.get(rest) == Some(&b'#')).then_some(i)
}

/// A `key = value` start at `s`: whether the key has a lower-case letter, and where the value
/// starts (after `=` and blanks).
fn kv_start(text: &str, s: usize, le: usize) -> Option<(bool, usize)> {
    let b = text.as_bytes();
    let mut i = s;
    let mut lower = false;
    let mut any = false;
    while i < le {
        let c = *b.get(i)?;
        match c {
            b'"' | b'\'' => {
                i += 1;
                while i < le && b.get(i) != Some(&c) {
                    i += 1;
                }
                if i >= le {
                    return None;
                }
                i += 1;
                any = true;
                lower = true;
            }
            b'=' => break,
            b' ' | b'\t' => {
                // Blanks only around dots or before `=`.
                let j = skip_blank(text, i, le);
                match b.get(j) {
                    Some(b'=' | b'.') => i = j,
                    _ if b.get(i.wrapping_sub(1)) == Some(&b'.') => i = j,
                    _ => return None,
                }
            }
            b'.' => i += 1,
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => {
                lower |= c.is_ascii_lowercase();
                any = true;
                i += 1;
            }
            _ => return None,
        }
    }
    if !any || b.get(i) != Some(&b'=') || b.get(i + 1) == Some(&b'=') {
        return None;
    }
    Some((lower, skip_blank(text, i + 1, le)))
}

/// Whether a TOML value can start at `v`.
fn value_start_ok(text: &str, v: usize, le: usize) -> bool {
    let b = text.as_bytes();
    let Some(&c) = b.get(v) else { return false };
    if v >= le {
        return false;
    }
    if matches!(c, b'"' | b'\'' | b'[' | b'{' | b'+' | b'-') || c.is_ascii_digit() {
        return true;
    }
    ["true", "false", "inf", "nan"].iter().any(|w| {
        text.get(v..v + w.len()) == Some(w)
            && !b
                .get(v + w.len())
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    })
}
