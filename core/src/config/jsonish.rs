//! A tolerant value reader with spans, shared by the JSON, TOML, code, curl and HTTP readers.
//!
//! JSON as written by people: `//` and `/* */` comments, trailing and missing commas, single
//! quotes, Python literals (`True`, `None`), unquoted keys. The `Code` dialect adds `#`
//! comments, triple-quoted and prefixed strings, and non-literal expressions
//! (`os.getenv("X")`) kept as text. The `Toml` dialect reads TOML values (literal strings,
//! `=` in inline tables, dates). Truncation stops gracefully: everything read before the cut is
//! kept.

use super::Note;
use super::{Ctx, Format, Outcome, Setting, ValueKind, MAX_DEPTH, MAX_PATH, MAX_RAW_VALUE};
use crate::notes::Expected;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Dialect {
    Json,
    Code,
    Toml,
}

/// Why reading stopped early.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// The text ended inside a value.
    Eof,
    /// Something that is not part of a value, at this index.
    Bad(usize),
    /// Nesting deeper than [`MAX_DEPTH`].
    Deep,
}

pub(crate) type R<T> = Result<T, Stop>;

/// A reader over `s`, whose byte `i` sits at paste offset `base + i`, or at `map[i]` when the
/// text was unescaped (shell-quoted curl arguments).
pub(crate) struct Parser<'s, 'c> {
    pub s: &'s str,
    pub b: &'s [u8],
    pub base: usize,
    pub map: Option<&'s [usize]>,
    pub pos: usize,
    pub end: usize,
    pub dialect: Dialect,
    pub depth: usize,
    pub block: usize,
    pub ctx: &'c mut Ctx,
    pub notes: Vec<Note>,
    /// Settings pushed so far.
    pub emitted: usize,
    /// Settings pushed that are literals (strings, numbers, ...), not containers/expressions.
    pub literals: usize,
    missing_comma_noted: bool,
    /// Code: the object being read is an SDK call's options (`new OpenAI({ … })`); its keys
    /// are normalised (`baseURL` → `base_url`).
    pub code_root: bool,
}

impl<'s, 'c> Parser<'s, 'c> {
    pub(crate) fn new(s: &'s str, ctx: &'c mut Ctx, dialect: Dialect, pos: usize) -> Self {
        let block = ctx.next_block();
        Parser {
            s,
            b: s.as_bytes(),
            base: 0,
            map: None,
            pos,
            end: s.len(),
            dialect,
            depth: 0,
            block,
            ctx,
            notes: Vec::new(),
            emitted: 0,
            literals: 0,
            missing_comma_noted: false,
            code_root: false,
        }
    }

    /// Paste offset of byte `i` of `s`.
    pub(crate) fn off(&self, i: usize) -> usize {
        match self.map {
            None => self.base + i,
            Some(m) => match m.get(i) {
                Some(&o) => o,
                None => m.last().map_or(self.base, |&l| l + 1),
            },
        }
    }

    /// Paste offset just after the byte before index `e`.
    pub(crate) fn off_end(&self, e: usize) -> usize {
        if e == 0 {
            self.off(0)
        } else {
            self.off(e - 1) + 1
        }
    }

    pub(crate) fn line(&self, i: usize) -> usize {
        let o = self.off(i.min(self.end.saturating_sub(1)));
        self.ctx.line_of(o)
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        if self.pos < self.end {
            self.b.get(self.pos).copied()
        } else {
            None
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        if i < self.end {
            self.b.get(i).copied()
        } else {
            None
        }
    }

    fn starts(&self, pat: &str) -> bool {
        self.pos + pat.len() <= self.end
            && self.b.get(self.pos..self.pos + pat.len()) == Some(pat.as_bytes())
    }

    pub(crate) fn slice(&self, a: usize, e: usize) -> &'s str {
        self.s.get(a..e.min(self.end)).unwrap_or("")
    }

    /// Skips whitespace (line breaks included) and comments. `Err(Eof)` at the end.
    pub(crate) fn ws(&mut self) -> R<()> {
        loop {
            match self.peek() {
                None => return Err(Stop::Eof),
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.pos += 1,
                Some(0xEF) if self.starts("\u{feff}") => self.pos += 3,
                Some(b'/')
                    if self.dialect != Dialect::Toml && self.at(self.pos + 1) == Some(b'/') =>
                {
                    self.skip_line()
                }
                Some(b'/')
                    if self.dialect != Dialect::Toml && self.at(self.pos + 1) == Some(b'*') =>
                {
                    let from = self.pos + 2;
                    match self.find2(from, b'*', b'/') {
                        Some(i) => self.pos = i + 2,
                        None => {
                            self.pos = self.end;
                            return Err(Stop::Eof);
                        }
                    }
                }
                Some(b'#') if self.dialect != Dialect::Json => self.skip_line(),
                Some(_) => return Ok(()),
            }
        }
    }

    /// Skips spaces and tabs only.
    pub(crate) fn blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'\n' {
                break;
            }
            self.pos += 1;
        }
    }

    fn find2(&self, from: usize, a: u8, c: u8) -> Option<usize> {
        let mut i = from;
        while i + 1 < self.end {
            if self.b.get(i) == Some(&a) && self.b.get(i + 1) == Some(&c) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    pub(crate) fn note(&mut self, msg: Note) {
        if self.notes.len() < 8 {
            self.notes.push(msg);
        }
    }

    fn bad(&mut self, expected: Expected) -> Stop {
        let line = self.line(self.pos);
        let found = self
            .s
            .get(self.pos..)
            .and_then(|r| r.chars().next())
            .map(|c| c.escape_default().to_string());
        self.note(Note::Unexpected {
            found,
            line,
            expected,
        });
        Stop::Bad(self.pos)
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn emit(
        &mut self,
        path: &str,
        key: Option<(usize, usize)>,
        vs: usize,
        ve: usize,
        value: String,
        quoted: Option<char>,
        kind: ValueKind,
        len: Option<usize>,
    ) {
        if path.is_empty() {
            return;
        }
        if self.ctx.full() {
            // Counted (the block is still useful) but not kept.
            self.emitted += 1;
            self.literals += 1;
            self.ctx.cap_note();
            return;
        }
        let value_span = if vs >= ve {
            (self.off(vs), self.off(vs))
        } else {
            (self.off(vs), self.off_end(ve).max(self.off(vs)))
        };
        self.emitted += 1;
        if !matches!(kind, ValueKind::Array | ValueKind::Object | ValueKind::Expr) {
            self.literals += 1;
        }
        let key_span = key.map(|(a, e)| (self.off(a), self.off_end(e).max(self.off(a))));
        self.ctx.push(Setting {
            block: self.block,
            path: path.to_string(),
            key_span,
            value_span,
            value,
            quoted,
            kind,
            len,
        });
    }

    /// Reads one value at `pos` and records it (and everything inside it) under `path`.
    pub(crate) fn value(&mut self, path: &mut String, key: Option<(usize, usize)>) -> R<()> {
        self.ws()?;
        let start = self.pos;
        let c = self.peek().ok_or(Stop::Eof)?;
        match c {
            b'{' | b'[' if self.ctx.full() => {
                self.emitted += 1;
                self.literals += 1;
                self.skip_container(0)
            }
            b'{' | b'[' => {
                if self.depth >= MAX_DEPTH {
                    let line = self.line(self.pos);
                    self.note(Note::TooDeep {
                        max: MAX_DEPTH,
                        line,
                    });
                    return Err(Stop::Deep);
                }
                self.depth += 1;
                let mut n = 0;
                let r = if c == b'{' {
                    self.object(path, false, &mut n)
                } else {
                    self.array(path, &mut n)
                };
                self.depth -= 1;
                let end = match r {
                    Ok(()) => self.pos,
                    Err(_) => self.trimmed_end(start, self.pos),
                };
                let raw = if end - start <= MAX_RAW_VALUE && !self.ctx.full() {
                    self.slice(start, end).to_string()
                } else {
                    String::new()
                };
                let kind = if c == b'{' {
                    ValueKind::Object
                } else {
                    ValueKind::Array
                };
                self.emit(path, key, start, end, raw, None, kind, Some(n));
                r
            }
            b'"' | b'\'' | b'`' => {
                let q = c;
                let (vs, ve, v, _) = self.string(q)?;
                if q == b'`' && v.contains("${") {
                    let raw = self.slice(start, self.pos).to_string();
                    self.emit(path, key, start, self.pos, raw, None, ValueKind::Expr, None);
                } else {
                    self.emit(path, key, vs, ve, v, Some(q as char), ValueKind::Str, None);
                }
                Ok(())
            }
            _ => self.bare(path, key),
        }
    }

    /// Skips a container without recording anything (after [`MAX_SETTINGS`]): brackets and
    /// strings balanced, comments skipped.
    fn skip_container(&mut self, mut depth: usize) -> R<()> {
        self.ctx.cap_note();
        loop {
            let Some(c) = self.peek() else {
                return Err(Stop::Eof);
            };
            match c {
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    self.pos += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                b'"' | b'\'' => {
                    self.pos += 1;
                    let rest = self.b.get(self.pos..self.end).unwrap_or(&[]);
                    let mut i = 0;
                    while i < rest.len() {
                        match rest[i] {
                            b'\\' => i += 2,
                            b'\n' => break,
                            x if x == c => {
                                i += 1;
                                break;
                            }
                            _ => i += 1,
                        }
                    }
                    self.pos = (self.pos + i).min(self.end);
                }
                b'/' | b'#' => {
                    let before = self.pos;
                    self.ws()?;
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// End of content read so far, without trailing whitespace.
    fn trimmed_end(&self, start: usize, mut end: usize) -> usize {
        end = end.min(self.end);
        while end > start && matches!(self.b.get(end - 1), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            end -= 1;
        }
        end
    }

    /// Object members up to `}`. `implicit`: the `{` was not pasted; end quietly at the first
    /// thing that is not a member.
    pub(crate) fn object(&mut self, path: &mut String, implicit: bool, n: &mut usize) -> R<()> {
        if !implicit {
            self.pos += 1;
        }
        let mut need_sep = false;
        loop {
            if self.ctx.full() && !implicit {
                return self.skip_container(1);
            }
            match self.ws() {
                Ok(()) => {}
                Err(Stop::Eof) if implicit => return Ok(()),
                Err(e) => return Err(e),
            }
            let c = self.peek().ok_or(Stop::Eof)?;
            if c == b'}' {
                self.pos += 1;
                return Ok(());
            }
            if c == b',' {
                self.pos += 1;
                need_sep = false;
                continue;
            }
            if self.dialect == Dialect::Code && (self.starts("...") || self.starts("**")) {
                self.pos += if self.starts("...") { 3 } else { 2 };
                self.expr_end();
                continue;
            }
            let before = self.pos;
            let key = match self.key() {
                Some(k) => k,
                None if implicit => {
                    self.pos = before;
                    return Ok(());
                }
                None => return Err(self.bad(Expected::KeyOrBrace)),
            };
            if need_sep {
                self.missing_comma(before);
            }
            let (name, ks, ke) = key;
            let sep_ok = self.ws_inline_or_any();
            if sep_ok.is_err() {
                return Err(Stop::Eof);
            }
            let want = if self.dialect == Dialect::Toml {
                b'='
            } else {
                b':'
            };
            match self.peek() {
                Some(x) if x == want || (x == b'=' && self.dialect == Dialect::Json) => {
                    self.pos += 1
                }
                Some(b',' | b'}') if self.dialect == Dialect::Code => {
                    // JS shorthand `{ apiKey }`.
                    let l = path.len();
                    push_key(path, &name);
                    let raw = self.slice(ks, ke).to_string();
                    self.emit(
                        path,
                        Some((ks, ke)),
                        ks,
                        ke,
                        raw,
                        None,
                        ValueKind::Expr,
                        None,
                    );
                    path.truncate(l);
                    *n += 1;
                    continue;
                }
                None => return Err(Stop::Eof),
                _ if implicit => {
                    self.pos = before;
                    return Ok(());
                }
                _ => return Err(self.bad(Expected::Colon)),
            }
            let l = path.len();
            push_key(path, &name);
            let r = self.value(path, Some((ks, ke)));
            path.truncate(l);
            *n += 1;
            r?;
            need_sep = true;
        }
    }

    fn ws_inline_or_any(&mut self) -> R<()> {
        self.ws()
    }

    fn missing_comma(&mut self, at: usize) {
        if !self.missing_comma_noted {
            self.missing_comma_noted = true;
            let line = self.line(at);
            self.note(Note::MissingComma { line });
        }
    }

    fn array(&mut self, path: &mut String, n: &mut usize) -> R<()> {
        self.pos += 1;
        let mut need_sep = false;
        loop {
            if self.ctx.full() {
                return self.skip_container(1);
            }
            self.ws()?;
            let c = self.peek().ok_or(Stop::Eof)?;
            if c == b']' {
                self.pos += 1;
                return Ok(());
            }
            if c == b',' {
                self.pos += 1;
                need_sep = false;
                continue;
            }
            if matches!(c, b'}' | b')') {
                return Err(self.bad(Expected::Bracket));
            }
            if need_sep {
                self.missing_comma(self.pos);
            }
            let l = path.len();
            let idx = n.to_string();
            push_key(path, &idx);
            let before = self.pos;
            let r = self.value(path, None);
            path.truncate(l);
            r?;
            if self.pos == before {
                return Err(self.bad(Expected::Value));
            }
            *n += 1;
            need_sep = true;
        }
    }

    /// A key: quoted, or a bare word (TOML: dotted). Returns (name, span start, span end).
    fn key(&mut self) -> Option<(String, usize, usize)> {
        if self.dialect == Dialect::Toml {
            return self.toml_key();
        }
        let c = self.peek()?;
        if matches!(c, b'"' | b'\'') {
            let (vs, ve, v, _) = self.string(c).ok()?;
            return Some((v, vs, ve));
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'-') || c >= 0x80
        }) {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        let name = self.slice(start, self.pos).to_string();
        let name = if self.dialect == Dialect::Code && self.depth == 1 && self.code_root {
            super::code::norm(&name)
        } else {
            name
        };
        Some((name, start, self.pos))
    }

    /// A string starting at the quote `q`. Returns (content start, content end, decoded,
    /// closed). A string cut by a line break (not allowed there) ends at the break with a note.
    pub(crate) fn string(&mut self, q: u8) -> R<(usize, usize, String, bool)> {
        let triple = self.dialect != Dialect::Json
            && q != b'`'
            && self.at(self.pos + 1) == Some(q)
            && self.at(self.pos + 2) == Some(q);
        let open = if triple { 3 } else { 1 };
        let start = self.pos + open;
        self.pos = start;
        let escapes = q == b'"' || q == b'`' || (q == b'\'' && self.dialect != Dialect::Toml);
        let multiline = triple || q == b'`';
        let mut out = String::new();
        let mut run = start; // start of the literal run not yet copied
        loop {
            let Some(c) = self.peek() else {
                out.push_str(self.slice(run, self.pos));
                let line = self.line(start);
                self.note(Note::StringNotClosedSince { line });
                return Ok((start, self.pos, out, false));
            };
            if c == q
                && (!triple
                    || (self.at(self.pos + 1) == Some(q) && self.at(self.pos + 2) == Some(q)))
            {
                out.push_str(self.slice(run, self.pos));
                let end = self.pos;
                self.pos += open;
                return Ok((start, end, out, true));
            }
            if c == b'\n' && !multiline {
                out.push_str(self.slice(run, self.pos));
                let end = self.trimmed_cr(start, self.pos);
                let line = self.line(start);
                self.note(Note::StringNotClosed { line });
                return Ok((start, end, out.trim_end_matches('\r').to_string(), false));
            }
            if c == b'\\' && escapes {
                out.push_str(self.slice(run, self.pos));
                self.pos += 1;
                self.escape(&mut out);
                run = self.pos;
                continue;
            }
            // Jump to the next byte that matters.
            let rest = self.b.get(self.pos + 1..self.end).unwrap_or(&[]);
            let skip = rest
                .iter()
                .position(|&x| x == q || x == b'\\' || x == b'\n')
                .unwrap_or(rest.len());
            self.pos += 1 + skip;
        }
    }

    fn trimmed_cr(&self, start: usize, end: usize) -> usize {
        if end > start && self.b.get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        }
    }

    /// Decodes the escape after a backslash (already consumed).
    fn escape(&mut self, out: &mut String) {
        let Some(c) = self.peek() else {
            out.push('\\');
            return;
        };
        self.pos += 1;
        match c {
            b'n' => out.push('\n'),
            b't' => out.push('\t'),
            b'r' => out.push('\r'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'0' if self.dialect != Dialect::Json => out.push('\0'),
            b'u' => {
                let Some(hi) = self.hex(4) else {
                    out.push_str("\\u");
                    return;
                };
                if (0xD800..0xDC00).contains(&hi) && self.starts("\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    match self.hex(4) {
                        Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            return;
                        }
                        _ => self.pos = save,
                    }
                }
                out.push(char::from_u32(hi).unwrap_or('\u{fffd}'));
            }
            b'U' if self.dialect != Dialect::Json => match self.hex(8) {
                Some(cp) => out.push(char::from_u32(cp).unwrap_or('\u{fffd}')),
                None => out.push_str("\\U"),
            },
            b'x' if self.dialect == Dialect::Code => match self.hex(2) {
                Some(cp) => out.push(char::from_u32(cp).unwrap_or('\u{fffd}')),
                None => out.push_str("\\x"),
            },
            b'\n' if self.dialect != Dialect::Json => {
                // Line continuation inside a string.
                if self.dialect == Dialect::Toml {
                    while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                        self.pos += 1;
                    }
                }
            }
            _ => {
                // `\"`, `\\`, `\/`, `\'` and unknown escapes: keep the character.
                self.pos -= 1;
                let ch = self
                    .s
                    .get(self.pos..)
                    .and_then(|r| r.chars().next())
                    .unwrap_or('\\');
                self.pos += ch.len_utf8();
                out.push(ch);
            }
        }
    }

    fn hex(&mut self, n: usize) -> Option<u32> {
        let digits = self.s.get(self.pos..self.pos + n)?;
        if self.pos + n > self.end || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(digits, 16).ok()?;
        self.pos += n;
        Some(v)
    }

    /// A value that is not quoted and not a container: a number, a literal, a TOML date, or
    /// (Code) an expression.
    fn bare(&mut self, path: &str, key: Option<(usize, usize)>) -> R<()> {
        let start = self.pos;
        // Python string prefixes: r"..", b"..", u"..", f"..".
        if self.dialect == Dialect::Code {
            let mut i = start;
            while i < start + 2 && self.at(i).is_some_and(|c| b"rRbBuUfF".contains(&c)) {
                i += 1;
            }
            if i > start && matches!(self.at(i), Some(b'"' | b'\'')) {
                let prefix = self.slice(start, i).to_ascii_lowercase();
                let q = self.at(i).unwrap_or(b'"');
                self.pos = i;
                if prefix.contains('r') {
                    // Raw: read it as a TOML literal string would be read (no escapes).
                    self.dialect = Dialect::Toml;
                    let r = self.string(q);
                    self.dialect = Dialect::Code;
                    let (vs, ve, v, _) = r?;
                    if !prefix.contains('f') {
                        self.emit(path, key, vs, ve, v, Some(q as char), ValueKind::Str, None);
                        return Ok(());
                    }
                } else {
                    let (vs, ve, v, _) = self.string(q)?;
                    if !prefix.contains('f') || !v.contains('{') {
                        self.emit(path, key, vs, ve, v, Some(q as char), ValueKind::Str, None);
                        return Ok(());
                    }
                }
                let raw = self.slice(start, self.pos).to_string();
                self.emit(path, key, start, self.pos, raw, None, ValueKind::Expr, None);
                return Ok(());
            }
        }
        if self.dialect == Dialect::Code {
            self.expr_end();
        } else {
            while let Some(c) = self.peek() {
                let stop = match self.dialect {
                    Dialect::Toml => {
                        matches!(c, b',' | b']' | b'}' | b'#' | b'\n' | b'\r')
                            || ((c == b' ' || c == b'\t') && !self.toml_datetime_space(start))
                    }
                    _ => matches!(
                        c,
                        b',' | b']'
                            | b'}'
                            | b')'
                            | b' '
                            | b'\t'
                            | b'\r'
                            | b'\n'
                            | b'/'
                            | b':'
                            | b'"'
                            | b'\''
                    ),
                };
                if stop {
                    break;
                }
                self.pos += 1;
            }
        }
        let end = self.trimmed_end(start, self.pos);
        let raw = self.slice(start, end);
        if raw.is_empty() {
            return Err(if self.pos >= self.end {
                Stop::Eof
            } else {
                self.bad(Expected::Value)
            });
        }
        let kind = literal_kind(raw, self.dialect);
        match kind {
            Some(k) => self.emit(path, key, start, end, raw.to_string(), None, k, None),
            None if self.dialect == Dialect::Code => {
                let v = raw.to_string();
                self.emit(path, key, start, end, v, None, ValueKind::Expr, None)
            }
            None if self.dialect == Dialect::Toml => {
                let line = self.line(start);
                self.note(Note::NotTomlValue {
                    line,
                    text: short(raw),
                });
                self.emit(
                    path,
                    key,
                    start,
                    end,
                    raw.to_string(),
                    None,
                    ValueKind::Str,
                    None,
                )
            }
            None => {
                self.pos = start;
                return Err(self.bad(Expected::Value));
            }
        }
        Ok(())
    }

    /// TOML `1979-05-27 07:32:00`: a space between date and time.
    fn toml_datetime_space(&self, start: usize) -> bool {
        let raw = self.slice(start, self.pos);
        raw.len() == 10
            && raw.as_bytes().get(4) == Some(&b'-')
            && self.at(self.pos + 1).is_some_and(|c| c.is_ascii_digit())
    }

    /// Moves to the end of a code expression: `,` `)` `]` `}` `;` or a line break at depth 0,
    /// with brackets and strings balanced.
    pub(crate) fn expr_end(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                b',' | b';' | b'\n' if depth == 0 => return,
                b'"' | b'\'' | b'`' => {
                    let notes = self.notes.len();
                    let _ = self.string(c);
                    self.notes.truncate(notes);
                    continue;
                }
                _ => {}
            }
            self.pos += 1;
        }
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Appends `.name` (or `name` at the root) to a path. A path stops growing at [`MAX_PATH`]
/// bytes (ending in `…`): every setting keeps a copy of its path, so a 1 MB key over 10,000
/// settings would otherwise take 10 GB.
pub(crate) fn push_key(path: &mut String, name: &str) {
    if path.len() >= MAX_PATH {
        if !path.ends_with('…') {
            path.push('…');
        }
        return;
    }
    if !path.is_empty() {
        path.push('.');
    }
    let room = MAX_PATH.saturating_sub(path.len());
    if name.len() <= room {
        path.push_str(name);
    } else {
        let mut cut = room;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        path.push_str(&name[..cut]);
        path.push('…');
    }
}

/// The kind of a bare literal, if it is one in this dialect.
fn literal_kind(raw: &str, dialect: Dialect) -> Option<ValueKind> {
    match raw {
        "true" | "false" => return Some(ValueKind::Bool),
        "null" => return (dialect != Dialect::Toml).then_some(ValueKind::Null),
        "True" | "False" if dialect != Dialect::Toml => return Some(ValueKind::Bool),
        "None" | "undefined" | "nil" if dialect != Dialect::Toml => return Some(ValueKind::Null),
        "inf" | "+inf" | "-inf" | "nan" | "+nan" | "-nan" if dialect == Dialect::Toml => {
            return Some(ValueKind::Num)
        }
        "NaN" | "Infinity" | "-Infinity" if dialect != Dialect::Toml => {
            return Some(ValueKind::Num)
        }
        _ => {}
    }
    let b = raw.as_bytes();
    let first = *b.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    let cleaned: std::borrow::Cow<str> = if raw.contains('_') {
        raw.chars().filter(|&c| c != '_').collect::<String>().into()
    } else {
        raw.into()
    };
    let body = cleaned.trim_start_matches(['-', '+']);
    let is_num = super::is_decimal(&cleaned)
        || (body.len() > 2
            && (body.starts_with("0x") || body.starts_with("0o") || body.starts_with("0b"))
            && body.bytes().skip(2).all(|c| c.is_ascii_hexdigit()))
        || (dialect == Dialect::Code
            && super::is_decimal(body.trim_end_matches(['L', 'l', 'f', 'F', 'd', 'D'])));
    if is_num {
        return Some(ValueKind::Num);
    }
    // TOML dates and times.
    if dialect == Dialect::Toml
        && first.is_ascii_digit()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'.' | b'+' | b' '))
        && (raw.contains('-') || raw.contains(':'))
    {
        return Some(ValueKind::Str);
    }
    None
}

/// Whether the line at `ls` starts a JSON member (`"key": ...`).
pub(crate) fn is_member_start(text: &str, ls: usize, le: usize) -> bool {
    let b = text.as_bytes();
    let mut i = ls + 1;
    while i < le {
        match b.get(i) {
            Some(b'\\') => i += 2,
            Some(b'"') => break,
            Some(_) => i += 1,
            None => return false,
        }
    }
    if i >= le {
        return false;
    }
    i += 1;
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i < le && b.get(i) == Some(&b':')
}

/// Reads a JSON block starting at `start` (a `{` or `[`, or with `implicit` a member of an
/// object whose `{` was not pasted). `inline`: found inside a line of prose, so it must hold
/// at least one member to count.
pub(crate) fn read_block(
    text: &str,
    ctx: &mut Ctx,
    start: usize,
    inline: bool,
    implicit: bool,
) -> Outcome {
    let saved = ctx.settings.len();
    let mut p = Parser::new(text, ctx, Dialect::Json, start);
    let mut path = String::new();
    let r = if implicit {
        let mut n = 0;
        let r = p.object(&mut path, true, &mut n);
        if r.is_ok() {
            p.note(Note::JsonNoOpeningBrace);
        }
        r
    } else {
        p.value(&mut path, None)
    };
    let end = match r {
        Ok(()) => p.pos,
        Err(_) => p.trimmed_end(start, p.pos),
    };
    let closed_ok = r.is_ok() && !implicit && end > start + 1;
    let useful = p.literals > 0
        || (closed_ok && !inline)
        || (!inline && p.emitted > 0 && !matches!(r, Err(Stop::Bad(_))));
    let stop_pos = p.pos;
    let mut notes = std::mem::take(&mut p.notes);
    let emitted = p.emitted;
    let last_line = p.line(end.saturating_sub(1).max(start));
    drop(p);
    if !useful || (matches!(r, Err(Stop::Bad(_))) && emitted == 0) {
        ctx.settings.truncate(saved);
        let resume = if inline {
            stop_pos
        } else {
            ctx.line_start(stop_pos)
        };
        return Outcome::Skip {
            resume: resume.max(start + 1),
        };
    }
    match r {
        Err(Stop::Eof) => notes.push(Note::JsonEndsEarly { line: last_line }),
        Err(Stop::Bad(_)) => notes.push(Note::JsonStops { line: last_line }),
        _ => {}
    }
    ctx.add_block(Format::Json, start, end, notes);
    Outcome::Read { end }
}

/// Where to resume after a failed candidate that scanned up to `r`: the start of `r`'s line
/// when `r` is inside a line, else `r`.
pub(crate) fn line_start_or_next(text: &str, ctx: &Ctx, r: usize) -> usize {
    if r >= text.len() {
        return text.len();
    }
    ctx.line_start(r)
}
