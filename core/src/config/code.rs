//! SDK calls in code: Python and Node constructors and `create()` calls (`OpenAI(api_key=…,
//! base_url=…)`, `new OpenAI({ apiKey, baseURL })`, `Anthropic(…)`, `ChatOpenAI(…)`,
//! `dashscope.Generation.call(…)`), Java builders (`.baseUrl("…")`), Go options
//! (`option.WithBaseURL("…")`), and assignments (`dashscope.api_key = …`,
//! `os.environ["X"] = …`). Argument names are normalised under `call.` (`baseURL` →
//! `call.base_url`, `openai_api_key` → `call.api_key`); non-literal values (`os.getenv("X")`)
//! are kept as text with kind `Expr`.

use super::jsonish::{push_key, Dialect, Parser, Stop};
use super::Note;
use super::{snake, trim_end, Ctx, Format, Outcome};

/// The normalised name of an SDK argument.
pub(crate) fn norm(name: &str) -> String {
    let s = snake(name);
    match s.as_str() {
        "base_url" | "api_base" | "openai_api_base" | "openai_base_url" | "anthropic_api_url"
        | "base_path" => "base_url".into(),
        "api_key" | "openai_api_key" | "anthropic_api_key" | "dashscope_api_key" => {
            "api_key".into()
        }
        "model_name" => "model".into(),
        _ => s,
    }
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

/// An SDK call found at marker `ms..me` (the marker ends after `(`, `.builder()` or
/// `option.With`). `from` is where the statement starts on its line.
pub(crate) fn read_call(text: &str, ctx: &mut Ctx, from: usize, ms: usize, me: usize) -> Outcome {
    let saved = ctx.settings.len();
    let mut p = Parser::new(text, ctx, Dialect::Code, me);
    let marker = text.get(ms..me).unwrap_or("");
    let r = if marker == ".builder()" {
        chain(&mut p)
    } else if marker == "option.With" {
        p.pos = ms;
        go_options(&mut p)
    } else {
        args(&mut p)
    };
    if p.emitted == 0 {
        let p_end = p.pos;
        drop(p);
        ctx.settings.truncate(saved);
        // Nothing read: skip what was scanned (keeps the scan linear).
        return Outcome::Skip {
            resume: p_end.max(me),
        };
    }
    let end = p.pos.min(text.len());
    let mut notes = std::mem::take(&mut p.notes);
    if let Err(e) = r {
        let line = p.line(end.saturating_sub(1));
        notes.push(match e {
            Stop::Eof => Note::CodeEndsEarly { line },
            _ => Note::CodeStops { line },
        });
    }
    drop(p);
    let start = statement_start(text, from.min(ms), ms);
    ctx.add_block(Format::Code, start, trim_end(text, start, end), notes);
    Outcome::Read { end }
}

/// Where the statement holding the call at `ms` starts: after the last `;` between `from` (the
/// line's start) and the call, outside strings, blanks skipped. A corrected snippet then repeats
/// the call's statement, not what else the line does.
fn statement_start(text: &str, from: usize, ms: usize) -> usize {
    let Some(head) = text.get(from..ms) else {
        return from;
    };
    let mut q: Option<u8> = None;
    let mut after = 0;
    let mut escaped = false;
    for (i, c) in head.bytes().enumerate() {
        match q {
            Some(_) if escaped => escaped = false,
            Some(_) if c == b'\\' => escaped = true,
            Some(x) if c == x => q = None,
            Some(_) => {}
            None if matches!(c, b'"' | b'\'' | b'`') => q = Some(c),
            None if c == b';' => after = i + 1,
            None => {}
        }
    }
    let skipped = head[after..].len() - head[after..].trim_start().len();
    from + after + skipped
}

/// Reads an identifier at `pos`.
fn ident(p: &mut Parser<'_, '_>) -> Option<(usize, usize)> {
    let s = p.pos;
    while p.peek().is_some_and(is_ident) {
        p.pos += 1;
    }
    (p.pos > s).then_some((s, p.pos))
}

/// Call arguments up to the closing `)`: keyword arguments, an options object, positional
/// values (skipped).
fn args(p: &mut Parser<'_, '_>) -> Result<(), Stop> {
    loop {
        p.ws()?;
        match p.peek() {
            None => return Err(Stop::Eof),
            Some(b')') => {
                p.pos += 1;
                return Ok(());
            }
            Some(b',') => {
                p.pos += 1;
                continue;
            }
            Some(b'{') => {
                let mut path = String::from("call");
                let mut n = 0;
                p.depth += 1;
                p.code_root = true;
                let r = p.object(&mut path, false, &mut n);
                p.code_root = false;
                p.depth -= 1;
                r?;
                continue;
            }
            _ => {}
        }
        if p.starts_any(&["**", "*"]) {
            p.pos += 1;
            p.expr_end();
            continue;
        }
        let save = p.pos;
        if let Some((ks, ke)) = ident(p) {
            let after = p.pos;
            p.blanks();
            if p.peek() == Some(b'=') && p.peek_at(1) != Some(b'=') {
                p.pos += 1;
                let name = norm(p.slice(ks, ke));
                let mut path = String::from("call");
                push_key(&mut path, &name);
                p.value(&mut path, Some((ks, ke)))?;
                continue;
            }
            p.pos = after;
        }
        p.pos = save;
        let (le, _) = super::line_end(p.s, save);
        if !plausible(p.slice(save, le)) {
            // Not an argument list after all (a traceback line ending in `create(`).
            return Err(Stop::Bad(save));
        }
        p.expr_end();
        if p.pos == save {
            return Err(Stop::Bad(save));
        }
    }
}

/// Whether a positional argument (its first line) looks like code: no two words side by side
/// (`File "x.py", line 3` is a traceback, not an argument).
fn plausible(arg: &str) -> bool {
    let arg = arg.trim();
    let b = arg.as_bytes();
    let word_end = b.iter().position(|&c| !is_ident(c)).unwrap_or(b.len());
    let word = arg.get(..word_end).unwrap_or("");
    let rest = arg.get(word_end..).unwrap_or("");
    let next = rest.trim_start();
    let juxtaposed = word_end > 0
        && rest.len() > next.len()
        && next
            .bytes()
            .next()
            .is_some_and(|c| is_ident(c) || c == b'"' || c == b'\'');
    !juxtaposed
        || matches!(
            word,
            "new" | "await" | "lambda" | "not" | "typeof" | "yield"
        )
}

/// Java builder calls: `.apiKey(…).baseUrl("…").model("…").build()`.
fn chain(p: &mut Parser<'_, '_>) -> Result<(), Stop> {
    loop {
        let save = p.pos;
        if p.ws().is_err() || p.peek() != Some(b'.') {
            p.pos = save;
            return Ok(());
        }
        p.pos += 1;
        let Some((ks, ke)) = ident(p) else {
            p.pos = save;
            return Ok(());
        };
        if p.peek() != Some(b'(') {
            p.pos = save;
            return Ok(());
        }
        p.pos += 1;
        p.ws()?;
        if p.peek() == Some(b')') {
            p.pos += 1;
            continue;
        }
        let name = norm(p.slice(ks, ke));
        let mut path = String::from("call");
        push_key(&mut path, &name);
        p.value(&mut path, Some((ks, ke)))?;
        // Any further arguments are skipped.
        loop {
            p.ws()?;
            match p.peek() {
                Some(b')') => {
                    p.pos += 1;
                    break;
                }
                Some(b',') => {
                    p.pos += 1;
                    p.expr_end();
                }
                _ => return Err(Stop::Bad(p.pos)),
            }
        }
    }
}

/// Go options: `option.WithBaseURL("…"), option.WithAPIKey(…)`.
fn go_options(p: &mut Parser<'_, '_>) -> Result<(), Stop> {
    loop {
        let save = p.pos;
        if !p.starts_any(&["option.With"]) {
            p.pos = save;
            return Ok(());
        }
        p.pos += "option.With".len();
        let Some((ks, ke)) = ident(p) else {
            return Ok(());
        };
        if p.peek() != Some(b'(') {
            return Ok(());
        }
        p.pos += 1;
        let name = norm(p.slice(ks, ke));
        let mut path = String::from("call");
        push_key(&mut path, &name);
        p.value(&mut path, Some((ks, ke)))?;
        p.ws()?;
        if p.peek() == Some(b')') {
            p.pos += 1;
        }
        let after = p.pos;
        if p.ws().is_err() || p.peek() != Some(b',') {
            p.pos = after;
            return Ok(());
        }
        p.pos += 1;
        if p.ws().is_err() {
            p.pos = after;
            return Ok(());
        }
    }
}

/// Assignment statements that configure an SDK or the environment from code.
pub(crate) fn read_assignment(text: &str, ctx: &mut Ctx, ls: usize, le: usize) -> Option<Outcome> {
    let line = text.get(ls..le)?;
    let b = text.as_bytes();
    let mut i = ls;
    while i < le && b.get(i).is_some_and(|&c| is_ident(c) || c == b'.') {
        i += 1;
    }
    let target = text.get(ls..i)?;
    let (path, key) = match target {
        "dashscope.api_key" | "openai.api_key" | "anthropic.api_key" | "Constants.apiKey" => {
            ("call.api_key".to_string(), (ls, i))
        }
        "openai.api_base" | "openai.base_url" => ("call.base_url".to_string(), (ls, i)),
        "dashscope.base_http_api_url" | "Constants.baseHttpApiUrl" => {
            ("call.base_http_api_url".to_string(), (ls, i))
        }
        t if t.starts_with("process.env.") && t.len() > 12 => (t[12..].to_string(), (ls + 12, i)),
        "os.environ" => {
            // os.environ["X"] = …
            let rest = line.get(i - ls..)?;
            let q = rest.strip_prefix('[')?.chars().next()?;
            if q != '"' && q != '\'' {
                return None;
            }
            let ks = i + 2;
            let close = text.get(ks..le)?.find(q)? + ks;
            if b.get(close + 1) != Some(&b']') {
                return None;
            }
            i = close + 2;
            (text.get(ks..close)?.to_string(), (ks, close))
        }
        _ => return None,
    };
    let mut j = i;
    while matches!(b.get(j), Some(b' ' | b'\t')) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') || b.get(j + 1) == Some(&b'=') {
        return None;
    }
    let saved = ctx.settings.len();
    let mut p = Parser::new(text, ctx, Dialect::Code, j + 1);
    p.blanks();
    let mut path = path;
    let r = p.value(&mut path, Some(key));
    if p.emitted == 0 {
        drop(p);
        ctx.settings.truncate(saved);
        return None;
    }
    let end = p.pos.min(text.len());
    let mut notes = std::mem::take(&mut p.notes);
    if r.is_err() {
        notes.push(Note::CodeValueNotRead);
    }
    drop(p);
    ctx.add_block(Format::Code, ls, trim_end(text, ls, end), notes);
    Some(Outcome::Read { end })
}

impl Parser<'_, '_> {
    pub(crate) fn starts_any(&self, pats: &[&str]) -> bool {
        pats.iter().any(|pat| {
            self.pos + pat.len() <= self.end
                && self.b.get(self.pos..self.pos + pat.len()) == Some(pat.as_bytes())
        })
    }

    pub(crate) fn peek_at(&self, k: usize) -> Option<u8> {
        if self.pos + k < self.end {
            self.b.get(self.pos + k).copied()
        } else {
            None
        }
    }
}
