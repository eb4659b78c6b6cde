//! Environment variable lines: `.env` (`KEY=value`, comments), POSIX shells (`export KEY=…`,
//! several assignments on a line, `KEY=v command`), Windows cmd (`set KEY=value`,
//! `set "KEY=value"`, `setx KEY value`), PowerShell (`$env:KEY = "value"`) and fish
//! (`set -gx KEY value`). The path of a setting is the variable's name.

use super::Note;
use super::{line_end, skip_blank, trim_end, Ctx, Format, Outcome, Setting, ValueKind};

struct Assign {
    key: (usize, usize),
    value: (usize, usize),
    text: String,
    quoted: Option<char>,
    kind: ValueKind,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Bare,
    Export,
    Cmd,
    Setx,
    Fish,
    PowerShell,
}

fn is_key_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_key_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn starts_ci(text: &str, pos: usize, pat: &str) -> bool {
    text.as_bytes()
        .get(pos..pos + pat.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(pat.as_bytes()))
}

/// Reads an env block if the line at `ls..le` is an env line.
pub(crate) fn read(text: &str, ctx: &mut Ctx, ls: usize, le: usize) -> Option<Outcome> {
    let mut notes = Vec::new();
    let first = parse_line(text, ls, le, &mut notes)?;
    let block = ctx.next_block();
    let mut end = le;
    let mut all = first;
    let mut next = line_end(text, le).1;
    // Further env lines, with comments and blank lines between them.
    while next < text.len() {
        let (e, n) = line_end(text, next);
        let s = skip_blank(text, next, e);
        if s >= e || is_comment(text, s) {
            next = n;
            continue;
        }
        match parse_line(text, s, e, &mut notes) {
            Some(more) => {
                all.extend(more);
                end = e;
                next = n;
            }
            None => break,
        }
    }
    for a in all {
        let path = text.get(a.key.0..a.key.1).unwrap_or("").to_string();
        ctx.push(Setting {
            block,
            path,
            key_span: Some(a.key),
            value_span: a.value,
            value: a.text,
            quoted: a.quoted,
            kind: a.kind,
            len: None,
        });
    }
    ctx.add_block(Format::Env, ls, trim_end(text, ls, end), notes);
    Some(Outcome::Read { end })
}

/// A shell prompt before the command: `C:\Users\wang>`, `PS D:\code> `, `PS> `,
/// `user@host:~$ `, `% `, `# `. Returns where the command starts (or `ls` when there is none).
fn skip_prompt(text: &str, ls: usize, le: usize) -> usize {
    let Some(line) = text.get(ls..le.min(ls + 200)) else {
        return ls;
    };
    let lower = line.to_ascii_lowercase();
    for cmd in ["export ", "setx ", "set ", "$env:"] {
        let mut from = 0;
        while let Some(i) = lower
            .get(from..)
            .and_then(|r| r.find(cmd))
            .map(|i| i + from)
        {
            from = i + 1;
            if i == 0 {
                break;
            }
            let prefix = &line[..i];
            let before = prefix.as_bytes()[i - 1];
            let prompt_end = matches!(before, b'>' | b'$' | b'#' | b'%')
                || (before == b' '
                    && matches!(
                        prefix.trim_end().as_bytes().last(),
                        Some(b'>' | b'$' | b'#' | b'%')
                    ));
            let looks_prompt = prefix.len() < 120 && !prefix.contains('=') && !prefix.contains('"');
            if prompt_end && looks_prompt {
                return ls + i;
            }
        }
    }
    ls
}

fn is_comment(text: &str, s: usize) -> bool {
    starts_ci(text, s, "#") || starts_ci(text, s, "rem ") || starts_ci(text, s, "::")
}

/// The assignments on one line, if it is an env line.
fn parse_line(text: &str, ls: usize, le: usize, notes: &mut Vec<Note>) -> Option<Vec<Assign>> {
    let b = text.as_bytes();
    let mut p = skip_prompt(text, ls, le);
    if starts_ci(text, p, "$ ") {
        p = skip_blank(text, p + 2, le);
    }
    let mode = if starts_ci(text, p, "export ") {
        p = skip_blank(text, p + 7, le);
        Mode::Export
    } else if starts_ci(text, p, "$env:") {
        p += 5;
        Mode::PowerShell
    } else if starts_ci(text, p, "setx ") {
        p = skip_blank(text, p + 5, le);
        Mode::Setx
    } else if starts_ci(text, p, "set ") {
        p = skip_blank(text, p + 4, le);
        if b.get(p) == Some(&b'-') {
            // fish: set -gx KEY value
            while p < le && b.get(p) == Some(&b'-') {
                while p < le && !matches!(b.get(p), Some(b' ' | b'\t')) {
                    p += 1;
                }
                p = skip_blank(text, p, le);
            }
            Mode::Fish
        } else {
            Mode::Cmd
        }
    } else {
        Mode::Bare
    };
    let mut out = Vec::new();
    if mode == Mode::Cmd && b.get(p) == Some(&b'"') {
        // set "KEY=value"
        let ks = p + 1;
        let ke = key_end(b, ks, le)?;
        if b.get(ke) != Some(&b'=') {
            return None;
        }
        let vs = ke + 1;
        let close = (vs..le).rev().find(|&i| b.get(i) == Some(&b'"'));
        let ve = match close {
            Some(c) => c,
            None => {
                notes.push(Note::SetUnclosedQuote { offset: ls });
                trim_end(text, vs, le)
            }
        };
        out.push(assign(text, (ks, ke), vs, ve, Some('"'), ValueKind::Str));
        return Some(out);
    }
    loop {
        let ks = p;
        if !b.get(ks).copied().is_some_and(is_key_start) {
            break;
        }
        let ke = key_end(b, ks, le)?;
        let key = text.get(ks..ke)?;
        if mode == Mode::Bare && !bare_key_ok(key) {
            return None;
        }
        let mut v = ke;
        match mode {
            Mode::Setx | Mode::Fish => {
                if !matches!(b.get(v), Some(b' ' | b'\t')) {
                    return None;
                }
                v = skip_blank(text, v, le);
            }
            Mode::PowerShell => {
                v = skip_blank(text, v, le);
                if b.get(v) != Some(&b'=') {
                    return None;
                }
                v = skip_blank(text, v + 1, le);
            }
            _ => {
                if b.get(v) != Some(&b'=') {
                    return None;
                }
                v += 1;
            }
        }
        let (a, after) = value(text, (ks, ke), v, le, mode, notes);
        out.push(a);
        // More assignments on the same line (`A=1 B=2 command`, `export A=1 B=2`)?
        let next = skip_blank(text, after, le);
        if matches!(mode, Mode::Bare | Mode::Export)
            && next > after
            && b.get(next).copied().is_some_and(is_key_start)
            && key_end(b, next, le).is_some_and(|e| b.get(e) == Some(&b'='))
        {
            p = next;
            continue;
        }
        break;
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

fn key_end(b: &[u8], ks: usize, le: usize) -> Option<usize> {
    let mut i = ks;
    while i < le && b.get(i).copied().is_some_and(is_key_char) {
        i += 1;
    }
    (i > ks).then_some(i)
}

/// Bare `KEY=value` lines: upper-case names (`ANTHROPIC_BASE_URL`) and the proxy variables.
fn bare_key_ok(key: &str) -> bool {
    let upper = key
        .bytes()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
        && key.bytes().any(|c| c.is_ascii_uppercase());
    upper
        || matches!(
            key,
            "http_proxy" | "https_proxy" | "no_proxy" | "all_proxy" | "ftp_proxy"
        )
}

fn assign(
    text: &str,
    key: (usize, usize),
    vs: usize,
    ve: usize,
    quoted: Option<char>,
    kind: ValueKind,
) -> Assign {
    let ve = ve.max(vs);
    Assign {
        key,
        value: (vs, ve),
        text: text.get(vs..ve).unwrap_or("").to_string(),
        quoted,
        kind,
    }
}

/// The value at `v`; returns it and where it ends (after a closing quote).
fn value(
    text: &str,
    key: (usize, usize),
    v: usize,
    le: usize,
    mode: Mode,
    notes: &mut Vec<Note>,
) -> (Assign, usize) {
    let b = text.as_bytes();
    let q = b.get(v).copied().filter(|&c| c == b'"' || c == b'\'');
    if let Some(q) = q {
        if mode == Mode::Cmd {
            notes.push(Note::CmdSetKeepsQuotes {
                name: text.get(key.0..key.1).unwrap_or("").to_string(),
            });
        }
        let vs = v + 1;
        let mut i = vs;
        let mut out = String::new();
        let mut run = vs;
        let escapes = q == b'"' && matches!(mode, Mode::Bare | Mode::Export | Mode::Fish);
        while i < le {
            let c = b.get(i).copied().unwrap_or(0);
            if c == q {
                out.push_str(text.get(run..i).unwrap_or(""));
                let a = Assign {
                    key,
                    value: (vs, i),
                    text: out,
                    quoted: Some(q as char),
                    kind: ValueKind::Str,
                };
                return (a, i + 1);
            }
            if c == b'\\' && escapes && matches!(b.get(i + 1), Some(b'"' | b'\\' | b'$' | b'`')) {
                out.push_str(text.get(run..i).unwrap_or(""));
                run = i + 1;
                i += 2;
                continue;
            }
            i += 1;
        }
        notes.push(Note::UnclosedQuoteInValue {
            name: text.get(key.0..key.1).unwrap_or("").to_string(),
        });
        let ve = trim_end(text, vs, le);
        out.push_str(text.get(run..ve.max(run)).unwrap_or(""));
        let a = Assign {
            key,
            value: (vs, ve),
            text: out,
            quoted: Some(q as char),
            kind: ValueKind::Str,
        };
        return (a, le);
    }
    match mode {
        Mode::Cmd => {
            // cmd keeps everything after `=` (trailing blanks included, but we trim them).
            let ve = trim_end(text, v, le);
            (assign(text, key, v, ve, None, ValueKind::Str), le)
        }
        Mode::PowerShell => {
            let ve = trim_end(text, v, le);
            let raw = text.get(v..ve).unwrap_or("");
            let kind = if raw.starts_with('$') || raw.contains('(') {
                ValueKind::Expr
            } else {
                ValueKind::Str
            };
            (assign(text, key, v, ve, None, kind), le)
        }
        _ => {
            let mut i = v;
            while i < le && !matches!(b.get(i), Some(b' ' | b'\t' | b'\r')) {
                i += 1;
            }
            (assign(text, key, v, i, None, ValueKind::Str), i)
        }
    }
}
