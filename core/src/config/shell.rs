//! curl commands as pasted from bash, zsh, Windows cmd and PowerShell: continuation lines
//! (`\`, `^`, `` ` ``), single quotes (literal), double quotes (with `\"` escapes), `$'…'`.
//! Every argument keeps a map from its unescaped bytes back to the paste, so a header value or
//! a JSON body field inside a quoted argument still has an exact span.

use super::jsonish::{Dialect, Parser, Stop};
use super::Note;
use super::{skip_blank, Ctx, Format, Outcome, Setting, ValueKind};
use crate::notes::Quote;

/// One shell word, unescaped, with the paste offset of each of its bytes.
pub(crate) struct Word {
    pub text: String,
    pub map: Vec<usize>,
    pub end: usize,
    /// The quote around the whole word, when it is one quoted string.
    pub quote: Option<char>,
}

/// Whether a curl command starts on the line at `ls` (after an optional prompt such as `$ `,
/// `> `, `PS C:\> `). Returns the offset of `curl`.
pub(crate) fn curl_start(text: &str, ls: usize, le: usize) -> Option<usize> {
    let line = text.get(ls..le)?;
    let at = if is_curl(line) {
        0
    } else {
        // A prompt: a short prefix ending in `$`, `>`, `%` or `#`, then `curl`.
        let i = line.get(..line.len().min(120))?.find("curl")?;
        let prefix = line.get(..i)?.trim_end();
        if prefix.is_empty() || !prefix.ends_with(['$', '>', '%', '#']) || !is_curl(line.get(i..)?)
        {
            return None;
        }
        i
    };
    Some(ls + at)
}

fn is_curl(s: &str) -> bool {
    let rest = s
        .strip_prefix("curl.exe")
        .or_else(|| s.strip_prefix("curl"));
    rest.is_some_and(|r| r.starts_with([' ', '\t']) || r.starts_with(" \\") || r.starts_with('^'))
}

/// Splits a shell command starting at `start` into words. Stops at an unquoted line break
/// (without continuation), a `|`, `;`, `&`, `>`, `<` or `#` between words. Returns the words
/// and the offset where the command ends.
pub(crate) fn words(
    text: &str,
    start: usize,
    notes: &mut Vec<Note>,
    ctx: &Ctx,
) -> (Vec<Word>, usize) {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = start;
    let mut end = start;
    'cmd: loop {
        // Between words: blanks and continuations.
        loop {
            match b.get(i) {
                Some(b' ' | b'\t') => i += 1,
                Some(b'\\' | b'^' | b'`') if is_line_break(b, i + 1) => i = after_break(b, i + 1),
                _ => break,
            }
        }
        match b.get(i) {
            None | Some(b'\n' | b'\r' | b'|' | b';' | b'&' | b'>' | b'<' | b'#') => break 'cmd,
            _ => {}
        }
        let ws = i;
        let mut text_out = String::new();
        let mut map = Vec::new();
        let mut quotes = 0usize;
        let mut whole_quote = None;
        let mut unquoted_bytes = 0usize;
        while i < n {
            let c = b[i];
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | b'|' | b';' | b'&' | b'>' | b'<' => break,
                b'\'' | b'"' => {
                    quotes += 1;
                    whole_quote = Some(c as char);
                    let ansi = c == b'\'' && i > ws && b.get(i - 1) == Some(&b'$');
                    if ansi {
                        // `$'…'`: drop the `$` already copied.
                        text_out.pop();
                        map.pop();
                        unquoted_bytes = unquoted_bytes.saturating_sub(1);
                    }
                    let open = i;
                    i += 1;
                    let mut closed = false;
                    while i < n {
                        let d = b[i];
                        if d == c {
                            closed = true;
                            i += 1;
                            break;
                        }
                        if d == b'\n' && blank_line_follows(b, i) {
                            break;
                        }
                        let escapes = c == b'"' || ansi;
                        if d == b'\\' && escapes {
                            match b.get(i + 1) {
                                Some(b'\n') if c == b'"' => {
                                    i += 2;
                                    continue;
                                }
                                Some(&e)
                                    if c == b'"' && matches!(e, b'"' | b'\\' | b'$' | b'`') =>
                                {
                                    text_out.push(e as char);
                                    map.push(i + 1);
                                    i += 2;
                                    continue;
                                }
                                Some(&e) if ansi && matches!(e, b'\'' | b'\\' | b'"') => {
                                    text_out.push(e as char);
                                    map.push(i + 1);
                                    i += 2;
                                    continue;
                                }
                                Some(b'n') if ansi => {
                                    text_out.push('\n');
                                    map.push(i + 1);
                                    i += 2;
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        push_char(text, &mut i, &mut text_out, &mut map);
                    }
                    if !closed {
                        let line = ctx.line_of(open);
                        notes.push(Note::ShellUnclosedQuote {
                            quote: if c == b'"' {
                                Quote::Double
                            } else {
                                Quote::Single
                            },
                            line,
                        });
                        out.push(Word {
                            text: text_out,
                            map,
                            end: i,
                            quote: None,
                        });
                        end = i;
                        break 'cmd;
                    }
                }
                b'\\' => {
                    if is_line_break(b, i + 1) {
                        i = after_break(b, i + 1);
                        break;
                    }
                    if i + 1 < n {
                        i += 1;
                        unquoted_bytes += 1;
                        push_char(text, &mut i, &mut text_out, &mut map);
                    } else {
                        i += 1;
                    }
                }
                b'^' | b'`' if is_line_break(b, i + 1) => {
                    i = after_break(b, i + 1);
                    break;
                }
                _ => {
                    unquoted_bytes += 1;
                    push_char(text, &mut i, &mut text_out, &mut map);
                }
            }
        }
        let quote = if quotes == 1 && unquoted_bytes == 0 {
            whole_quote
        } else {
            None
        };
        end = i;
        out.push(Word {
            text: text_out,
            map,
            end: i,
            quote,
        });
        if i <= ws {
            break;
        }
    }
    (out, end.max(start))
}

fn push_char(text: &str, i: &mut usize, out: &mut String, map: &mut Vec<usize>) {
    let ch = text
        .get(*i..)
        .and_then(|r| r.chars().next())
        .unwrap_or('\u{fffd}');
    let len = ch.len_utf8();
    out.push(ch);
    for k in 0..len {
        map.push(*i + k);
    }
    *i += len.max(1);
}

fn is_line_break(b: &[u8], i: usize) -> bool {
    matches!(b.get(i), Some(b'\n')) || (b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n'))
}

fn after_break(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b'\r') {
        i + 2
    } else {
        i + 1
    }
}

/// A line break followed by a blank line: where an unclosed quote is given up.
fn blank_line_follows(b: &[u8], i: usize) -> bool {
    let mut j = i + 1;
    while matches!(b.get(j), Some(b' ' | b'\t' | b'\r')) {
        j += 1;
    }
    matches!(b.get(j), Some(b'\n') | None)
}

/// curl options that take an argument (short letters and long names).
const SHORT_WITH_ARG: &[u8] = b"HdXuxoAemMbcFTwrEKCyYzUDPtQ";
const LONG_WITH_ARG: &[&str] = &[
    "header",
    "data",
    "data-raw",
    "data-binary",
    "data-ascii",
    "data-urlencode",
    "json",
    "user",
    "request",
    "url",
    "proxy",
    "output",
    "user-agent",
    "referer",
    "max-time",
    "connect-timeout",
    "cookie",
    "cookie-jar",
    "form",
    "upload-file",
    "write-out",
    "range",
    "cert",
    "key",
    "cacert",
    "capath",
    "config",
    "resolve",
    "connect-to",
    "retry",
    "retry-delay",
    "retry-max-time",
    "proxy-user",
    "oauth2-bearer",
    "interface",
    "limit-rate",
    "max-filesize",
    "dump-header",
    "trace",
    "trace-ascii",
    "unix-socket",
    "aws-sigv4",
    "variable",
    "expand-url",
    "expand-data",
    "expand-header",
    "expand-json",
    "form-string",
    "keepalive-time",
    "noproxy",
    "proto",
    "tls-max",
    "ciphers",
    "pinnedpubkey",
    "stderr",
    "preproxy",
    "socks5",
    "socks5-hostname",
];

/// Reads the curl command at `start`.
pub(crate) fn read_curl(text: &str, ctx: &mut Ctx, start: usize) -> Outcome {
    let mut notes = Vec::new();
    let (ws, end) = words(text, start, &mut notes, ctx);
    let block = ctx.next_block();
    let mut i = 1; // words[0] is `curl`
    while i < ws.len() {
        let w = &ws[i];
        i += 1;
        let t = w.text.as_str();
        if let Some(long) = t.strip_prefix("--") {
            if long.is_empty() {
                continue;
            }
            if LONG_WITH_ARG.contains(&long) {
                if let Some(arg) = ws.get(i) {
                    i += 1;
                    option(text, ctx, block, long, arg, 0, &mut notes);
                }
            }
            continue;
        }
        if t.len() > 1 && t.starts_with('-') {
            // A cluster of short options: `-sS`, `-XPOST`, `-H'…'`.
            for (k, c) in t.bytes().enumerate().skip(1) {
                if SHORT_WITH_ARG.contains(&c) {
                    let long = short_name(c);
                    if k + 1 < t.len() {
                        option(text, ctx, block, long, w, k + 1, &mut notes);
                    } else if let Some(arg) = ws.get(i) {
                        i += 1;
                        option(text, ctx, block, long, arg, 0, &mut notes);
                    }
                    break;
                }
            }
            continue;
        }
        option(text, ctx, block, "url", w, 0, &mut notes);
    }
    if ws.len() <= 1 {
        notes.push(Note::CurlWithoutArguments);
    }
    let end = end.max(start + 4).min(text.len());
    let trimmed = super::trim_end(text, start, end);
    ctx.add_block(Format::Curl, start, trimmed, notes);
    Outcome::Read { end }
}

fn short_name(c: u8) -> &'static str {
    match c {
        b'H' => "header",
        b'd' => "data",
        b'X' => "request",
        b'u' => "user",
        b'x' => "proxy",
        b'm' => "max-time",
        _ => "",
    }
}

/// Records one option's argument (`w.text[from..]`).
fn option(
    text: &str,
    ctx: &mut Ctx,
    block: usize,
    long: &str,
    w: &Word,
    from: usize,
    notes: &mut Vec<Note>,
) {
    let t = w.text.get(from..).unwrap_or("");
    let span = |a: usize, e: usize| -> (usize, usize) {
        let a = a + from;
        let e = e + from;
        let s = w.map.get(a).copied().unwrap_or(w.end);
        let en = if e > a {
            w.map.get(e - 1).map_or(w.end, |&x| x + 1)
        } else {
            s
        };
        (s, en.max(s))
    };
    // An argument attached to its option (`-H'Accept: */*'`): the word as a whole is not one
    // quoted string, but the argument is when a quote opens right before it and closes after.
    let quote = w.quote.or_else(|| {
        let b = text.as_bytes();
        let first = *w.map.get(from)?;
        let last = *w.map.get(w.text.len().checked_sub(1)?)?;
        let q = *b.get(first.checked_sub(1)?)?;
        (from > 0 && matches!(q, b'\'' | b'"') && b.get(last + 1) == Some(&q)).then_some(q as char)
    });
    let simple = |path: &str, ctx: &mut Ctx| {
        let (s, e) = span(0, t.len());
        ctx.push(Setting {
            block,
            path: path.to_string(),
            key_span: None,
            value_span: (s, e),
            value: t.to_string(),
            quoted: quote,
            kind: ValueKind::Str,
            len: None,
        });
    };
    match long {
        "header" => {
            let Some(colon) = t.find([':', ';']) else {
                return;
            };
            let name = t.get(..colon).unwrap_or("").trim();
            if name.is_empty() || name.starts_with('@') {
                return;
            }
            let name_start = t.find(|c: char| !c.is_whitespace()).unwrap_or(0);
            let vs = colon
                + 1
                + t.get(colon + 1..)
                    .map_or(0, |r| r.len() - r.trim_start().len());
            let ve = t.trim_end().len().max(vs);
            ctx.push(Setting {
                block,
                path: format!("header.{name}"),
                key_span: Some(span(name_start, name_start + name.len())),
                value_span: span(vs, ve),
                value: t.get(vs..ve).unwrap_or("").to_string(),
                quoted: quote,
                kind: ValueKind::Str,
                len: None,
            });
        }
        "data" | "data-raw" | "data-binary" | "data-ascii" | "json" => {
            let body_start = t.len() - t.trim_start().len();
            if t.get(body_start..)
                .is_some_and(|r| r.starts_with(['{', '[']))
            {
                body(ctx, block, w, from + body_start, notes);
            } else {
                simple("body", ctx);
            }
        }
        "request" => simple("method", ctx),
        "url" => simple("url", ctx),
        "user" => simple("user", ctx),
        "proxy" => simple("proxy", ctx),
        "max-time" => simple("max_time", ctx),
        "connect-timeout" => simple("connect_timeout", ctx),
        "oauth2-bearer" => simple("oauth2_bearer", ctx),
        _ => {}
    }
}

/// A JSON body inside a shell word: read with the word's map so spans land in the paste.
fn body(ctx: &mut Ctx, block: usize, w: &Word, at: usize, notes: &mut Vec<Note>) {
    let mut p = Parser::new(&w.text, ctx, Dialect::Json, at);
    p.block = block;
    p.map = Some(&w.map);
    let mut path = String::from("body");
    let r = p.value(&mut path, None);
    let mut more = std::mem::take(&mut p.notes);
    if let Err(e) = r {
        let line = p.line(p.pos.saturating_sub(1));
        more.push(match e {
            Stop::Eof => Note::CurlBodyEndsEarly { line },
            _ => Note::CurlBodyStops { line },
        });
    } else {
        let rest = skip_blank(&w.text, p.pos, w.text.len());
        if rest < w.text.len() {
            more.push(Note::CurlBodyTextAfter);
        }
    }
    notes.extend(more);
}
