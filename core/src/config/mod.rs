//! Reading the configuration inside a paste. A paste mixes error text with settings files,
//! commands and code; [`read`] finds the blocks that hold configuration (JSON and JSON with
//! comments, TOML, env lines, curl commands, SDK calls, raw HTTP requests, YAML) and reads each
//! tolerantly into [`Setting`]s that carry byte spans into the paste, so a fix can replace
//! exactly a value and leave everything else byte-identical.
//!
//! Guarantees: linear time in the paste, no panics on any input, nesting bounded by
//! [`MAX_DEPTH`], at most [`MAX_SETTINGS`] settings and [`MAX_BLOCKS`] blocks (with a note when
//! a bound is hit), paths at most [`MAX_PATH`] bytes. Half-pasted or invalid blocks give what can
//! be read, with a note.
//!
//! Paths are normalised and dotted:
//!
//! | block | examples |
//! |---|---|
//! | JSON (`settings.json`, `openclaw.json`, `auth.json`, bodies) | `env.ANTHROPIC_BASE_URL`, `models.providers.bailian.apiKey`, `messages.0.role` |
//! | TOML (Codex `config.toml`) | `model_provider`, `model_providers.dashscope.base_url`, `rule.0.id` (`[[rule]]`) |
//! | env lines (`.env`, `export`, `set`, `setx`, `$env:`, fish `set -gx`) | `ANTHROPIC_BASE_URL` |
//! | curl | `url`, `method`, `header.Authorization`, `body`, `body.model`, `body.messages`, `user`, `proxy` |
//! | raw HTTP request | `method`, `url`, `header.Host`, `body.model` |
//! | SDK calls (Python, Node, Java, Go) | `call.base_url`, `call.api_key`, `call.model`, `call.messages`, `call.extra_body.enable_thinking` |
//! | YAML (Continue `config.yaml`, LiteLLM) | `models.0.apiBase`, `model_list.0.litellm_params.api_base` |
//!
//! Containers (objects, arrays) are settings too, with kind [`ValueKind::Object`] /
//! [`ValueKind::Array`], `len` = number of members or elements, and a span over the whole
//! `{…}` / `[…]`.

mod code;
mod env;
mod http;
/// The tolerant value reader the other readers share: JSON as people write it (comments,
/// single quotes, missing commas: JSONC, JSON5-ish), code literals, TOML values.
mod jsonish;
mod shell;
mod toml;
mod yaml;

#[cfg(test)]
mod tests;

use crate::keywords::Keywords;
use serde::Serialize;
use std::sync::OnceLock;

/// A note of the config readers: the paste's own text in it, not yet masked.
pub type Note = crate::notes::Note<String>;

/// Deepest nesting of `{`/`[` read; deeper content ends the block with a note.
pub const MAX_DEPTH: usize = 128;
/// Most settings kept from one paste; the rest are dropped with a note.
pub const MAX_SETTINGS: usize = 10_000;
/// Most blocks read from one paste.
pub const MAX_BLOCKS: usize = 2_000;
/// Containers whose raw text is longer than this keep an empty `value` (use `value_span`).
pub const MAX_RAW_VALUE: usize = 4096;
/// Longest setting path kept, in bytes; longer ones are cut and end in `…`.
pub const MAX_PATH: usize = 512;

/// The syntax a block is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Toml,
    Env,
    Curl,
    Code,
    Yaml,
    Http,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Toml => "toml",
            Format::Env => "env",
            Format::Curl => "curl",
            Format::Code => "code",
            Format::Yaml => "yaml",
            Format::Http => "http",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A block of configuration found in the paste: its format and byte span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub format: Format,
    pub start: usize,
    pub end: usize,
    /// What could not be read (`JSON block ends early at line 7`, ...).
    pub notes: Vec<Note>,
}

/// What a value is. `Expr` is code that is not a literal (`os.getenv("X")`,
/// `process.env.X`, `System.getenv("X")`): `value` holds the expression's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Str,
    Num,
    Bool,
    Null,
    Array,
    Object,
    Expr,
}

/// One key and its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// Index into [`Config::blocks`].
    pub block: usize,
    /// Normalised dotted path (see the module docs).
    pub path: String,
    /// The key's bytes in the paste (without quotes); `None` where there is no key (a curl URL,
    /// an array element).
    pub key_span: Option<(usize, usize)>,
    /// The value's bytes in the paste, without its quotes: replacing exactly this range with a
    /// new value (escaped for `quoted`) keeps the config valid.
    pub value_span: (usize, usize),
    /// The value unquoted and unescaped. Containers: their raw text (empty when longer than
    /// [`MAX_RAW_VALUE`]). Expressions: their text.
    pub value: String,
    /// The quote the value sits in, if any. For curl headers and bodies this is the shell quote
    /// around the whole argument.
    pub quoted: Option<char>,
    pub kind: ValueKind,
    /// Members of an object, elements of an array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub len: Option<usize>,
}

impl Setting {
    /// The last segment of the path: the key's own name (`ANTHROPIC_BASE_URL` for
    /// `env.ANTHROPIC_BASE_URL`).
    pub fn name(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or("")
    }
}

/// Everything read from a paste.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Config {
    pub blocks: Vec<Block>,
    /// Ordered by block, then by position.
    pub settings: Vec<Setting>,
    /// Notes about the paste as a whole (bounds hit).
    pub notes: Vec<Note>,
}

impl Config {
    /// Settings whose path is exactly `path`, in paste order.
    pub fn all<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Setting> + 'a {
        self.settings.iter().filter(move |s| s.path == path)
    }

    /// The first setting whose path is exactly `path`.
    pub fn get(&self, path: &str) -> Option<&Setting> {
        self.settings.iter().find(|s| s.path == path)
    }

    /// The first setting whose path ends with `.suffix` or is `suffix`, compared ASCII
    /// case-insensitively (`ANTHROPIC_BASE_URL` finds `env.ANTHROPIC_BASE_URL`).
    pub fn find(&self, suffix: &str) -> Option<&Setting> {
        self.settings
            .iter()
            .find(|s| path_ends_with(&s.path, suffix))
    }
}

fn path_ends_with(path: &str, suffix: &str) -> bool {
    let (p, s) = (path.as_bytes(), suffix.as_bytes());
    if p.len() < s.len() {
        return false;
    }
    let cut = p.len() - s.len();
    p[cut..].eq_ignore_ascii_case(s) && (cut == 0 || p[cut - 1] == b'.')
}

/// Reads every configuration block in `text`. Never panics; linear in `text`.
pub fn read(text: &str) -> Config {
    let mut ctx = Ctx::new(text);
    segment(text, &mut ctx);
    let mut settings = ctx.settings;
    crate::order::sort_by_key(&mut settings, |s| {
        let at = s.value_span.0.min(s.key_span.map_or(usize::MAX, |k| k.0));
        (s.block as u64, at as u64, 0)
    });
    Config {
        blocks: ctx.blocks,
        settings,
        notes: ctx.notes,
    }
}

/// Whether `s` reads as a number the way `f64::from_str` reads one (sign, digits with at most
/// one `.`, an exponent; `inf`, `infinity`, `nan` in any case) — without linking the float
/// parser into the page (~4 KB of wasm) for a yes-or-no.
pub(crate) fn is_decimal(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    if [&b"inf"[..], b"infinity", b"nan"]
        .iter()
        .any(|w| b.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let int = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac;
    }
    if int + frac == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

/// State shared by the block readers.
pub(crate) struct Ctx {
    line_starts: Vec<usize>,
    pub(crate) settings: Vec<Setting>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) notes: Vec<Note>,
    capped: bool,
}

impl Ctx {
    fn new(text: &str) -> Ctx {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Ctx {
            line_starts,
            settings: Vec::new(),
            blocks: Vec::new(),
            notes: Vec::new(),
            capped: false,
        }
    }

    /// 1-based line number of a byte offset.
    pub(crate) fn line_of(&self, pos: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= pos).max(1)
    }

    /// Start of the line holding `pos`.
    pub(crate) fn line_start(&self, pos: usize) -> usize {
        let i = self.line_starts.partition_point(|&s| s <= pos);
        self.line_starts
            .get(i.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// Index the next block will get.
    pub(crate) fn next_block(&self) -> usize {
        self.blocks.len()
    }

    /// Whether no more settings are kept.
    pub(crate) fn full(&self) -> bool {
        self.settings.len() >= MAX_SETTINGS
    }

    /// Notes (once) that settings were dropped.
    pub(crate) fn cap_note(&mut self) {
        if !self.capped {
            self.capped = true;
            self.notes.push(Note::TooManySettings { max: MAX_SETTINGS });
        }
    }

    pub(crate) fn push(&mut self, s: Setting) {
        if self.settings.len() >= MAX_SETTINGS {
            self.cap_note();
            return;
        }
        self.settings.push(s);
    }

    pub(crate) fn add_block(&mut self, format: Format, start: usize, end: usize, notes: Vec<Note>) {
        self.blocks.push(Block {
            format,
            start,
            end: end.max(start),
            notes,
        });
    }
}

/// A position in the paste with its line: `(content_end, next_line_start)`; content excludes
/// the line break (`\n` or `\r\n`).
pub(crate) fn line_end(text: &str, pos: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let nl = b
        .get(pos..)
        .and_then(|r| r.iter().position(|&c| c == b'\n'))
        .map(|i| pos + i);
    match nl {
        Some(n) => {
            let end = if n > pos && b.get(n - 1) == Some(&b'\r') {
                n - 1
            } else {
                n
            };
            (end, n + 1)
        }
        None => (b.len(), b.len()),
    }
}

/// Skips spaces, tabs and a byte-order mark from `pos` up to `end`.
pub(crate) fn skip_blank(text: &str, mut pos: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while pos < end {
        match b.get(pos) {
            Some(b' ' | b'\t') => pos += 1,
            Some(0xEF) if b.get(pos + 1..pos + 3) == Some(&[0xBB, 0xBF]) => pos += 3,
            _ => break,
        }
    }
    pos
}

/// Trailing spaces/tabs trimmed from `[start, end)`.
pub(crate) fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    let b = text.as_bytes();
    while end > start && matches!(b.get(end - 1), Some(b' ' | b'\t' | b'\r')) {
        end -= 1;
    }
    end
}

/// Converts a name to snake_case (`baseURL` → `base_url`, `APIKey` → `api_key`).
pub(crate) fn snake(name: &str) -> String {
    let c: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &ch) in c.iter().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            let prev = c[i - 1];
            let next_lower = c.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        if ch == '-' {
            out.push('_');
        } else {
            out.push(ch.to_ascii_lowercase());
        }
    }
    out
}

/// Code markers that open an SDK call (the match ends just after `(` or `.builder()`).
const CODE_MARKERS: &[&str] = &[
    "OpenAI(",
    "Anthropic(",
    "Compatible(",
    "Generation.call(",
    "Conversation.call(",
    "Application.call(",
    ".completions.create(",
    ".messages.create(",
    ".responses.create(",
    // LiteLLM's `completion(…)` / `acompletion(…)`, CrewAI's `LLM(…)`.
    "completion(",
    "LLM(",
    ".builder()",
    "option.With",
];

fn code_markers() -> &'static Keywords {
    static AC: OnceLock<Keywords> = OnceLock::new();
    AC.get_or_init(|| Keywords::new(CODE_MARKERS))
}

/// What a reader did with a candidate block.
pub(crate) enum Outcome {
    /// A block `[start, end)` was read and added.
    Read { end: usize },
    /// Not a block after all; carry on scanning from `resume`.
    Skip { resume: usize },
}

/// What segmentation knows about the line it is in, so that work on one long line stays
/// linear however many blocks start on it: its end, and the next code marker and inline object
/// after some position (found once, reused until passed).
#[derive(Default)]
struct Ahead {
    /// `line_end` answered for positions `line_from..=line.0`.
    line_from: usize,
    line: Option<(usize, usize)>,
    /// Next code marker at or after `marker_from`, on the line ending at `marker_le`.
    marker_le: usize,
    marker_from: usize,
    marker: Option<Option<(usize, usize)>>,
    /// Next inline object at or after `brace_from`, on the line ending at `brace_le`.
    brace_le: usize,
    brace_from: usize,
    brace: Option<Option<usize>>,
}

impl Ahead {
    fn line_end(&mut self, text: &str, pos: usize) -> (usize, usize) {
        if let Some((le, next)) = self.line {
            if pos >= self.line_from && pos <= le {
                return (le, next);
            }
        }
        let r = line_end(text, pos);
        self.line_from = pos;
        self.line = Some(r);
        r
    }

    /// The next code marker `(start, end)` in `pos..le`.
    fn marker(&mut self, text: &str, pos: usize, le: usize) -> Option<(usize, usize)> {
        let valid = self.marker_le == le
            && pos >= self.marker_from
            && self.marker.is_some_and(|m| m.is_none_or(|(s, _)| s >= pos));
        if !valid {
            let m = text
                .get(pos..le)
                .and_then(|s| code_markers().find(s.as_bytes(), true))
                .map(|m| (pos + m.start, pos + m.end));
            (self.marker_le, self.marker_from, self.marker) = (le, pos, Some(m));
        }
        self.marker.flatten()
    }

    /// The next inline object in `pos..le`.
    fn brace(&mut self, b: &[u8], pos: usize, le: usize) -> Option<usize> {
        let valid = self.brace_le == le
            && pos >= self.brace_from
            && self.brace.is_some_and(|x| x.is_none_or(|s| s >= pos));
        if !valid {
            let x = next_inline_object(b, pos, le);
            (self.brace_le, self.brace_from, self.brace) = (le, pos, Some(x));
        }
        self.brace.flatten()
    }
}

fn segment(text: &str, ctx: &mut Ctx) {
    let n = text.len();
    let mut pos = 0;
    let mut yaml_off_until = 0;
    let mut ahead = Ahead::default();
    while pos < n {
        if ctx.blocks.len() >= MAX_BLOCKS {
            ctx.notes.push(Note::TooManyBlocks { max: MAX_BLOCKS });
            return;
        }
        let (le, next) = ahead.line_end(text, pos);
        let ls = skip_blank(text, pos, le);
        let mut resume = next;
        let at_line_start = pos == 0 || text.as_bytes().get(pos - 1) == Some(&b'\n');
        let found = if at_line_start {
            line_start_block(text, ctx, pos, ls, le, &mut yaml_off_until)
        } else {
            None
        };
        if let Some(out) = found {
            match out {
                Outcome::Read { end } => {
                    pos = after_block(text, &mut ahead, end, pos);
                    continue;
                }
                Outcome::Skip { resume: r } => resume = r.max(next),
            }
        }
        // Nothing starts at the line's beginning: look inside it for an SDK call or an
        // inline JSON object (`Error code: 400 - {'error': ...}`).
        match mid_line_block(text, ctx, &mut ahead, ls, le) {
            Outcome::Read { end } => pos = after_block(text, &mut ahead, end, pos),
            Outcome::Skip { resume: r } => {
                pos = if r > le {
                    jsonish::line_start_or_next(text, ctx, r).max(resume)
                } else {
                    resume
                }
            }
        }
    }
}

/// Where scanning resumes after a block that ends at `end`: the next line when only blanks or
/// punctuation remain on the block's last line.
fn after_block(text: &str, ahead: &mut Ahead, end: usize, prev: usize) -> usize {
    let end = end.max(prev + 1).min(text.len());
    let (le, next) = ahead.line_end(text, end);
    let b = text.as_bytes();
    let rest_blank = (end..le).all(|i| {
        matches!(
            b.get(i),
            Some(b' ' | b'\t' | b',' | b';' | b')' | b'}' | b']' | b'\r')
        )
    });
    if rest_blank || end >= le {
        next.max(end)
    } else {
        end
    }
}

fn starts_with_at(text: &str, pos: usize, pat: &str) -> bool {
    text.as_bytes()
        .get(pos..pos + pat.len())
        .is_some_and(|s| s == pat.as_bytes())
}

fn line_start_block(
    text: &str,
    ctx: &mut Ctx,
    line_pos: usize,
    ls: usize,
    le: usize,
    yaml_off_until: &mut usize,
) -> Option<Outcome> {
    let b = text.as_bytes();
    let first = *b.get(ls)?;
    if ls >= le || starts_with_at(text, ls, "```") {
        return None;
    }
    if let Some(c) = shell::curl_start(text, ls, le) {
        return Some(shell::read_curl(text, ctx, c));
    }
    if let Some(o) = http::read(text, ctx, ls, le) {
        return Some(o);
    }
    if let Some(o) = code::read_assignment(text, ctx, ls, le) {
        return Some(o);
    }
    match first {
        b'[' => {
            if let Some(o) = toml::read(text, ctx, ls, true) {
                return Some(o);
            }
            if b.get(skip_ws_any(text, ls + 1))
                .is_some_and(|c| matches!(c, b'{' | b'[' | b'"' | b']') || c.is_ascii_digit())
            {
                return Some(jsonish::read_block(text, ctx, ls, false, false));
            }
            return None;
        }
        b'{' => {
            if code_markers()
                .find(text.get(ls..le)?.as_bytes(), true)
                .is_none()
            {
                return Some(jsonish::read_block(text, ctx, ls, false, false));
            }
            return None;
        }
        b'"' if jsonish::is_member_start(text, ls, le) => {
            return Some(jsonish::read_block(text, ctx, ls, false, true));
        }
        _ => {}
    }
    if let Some(o) = env::read(text, ctx, ls, le) {
        return Some(o);
    }
    if let Some(o) = toml::read(text, ctx, ls, false) {
        return Some(o);
    }
    if line_pos >= *yaml_off_until {
        match yaml::read(text, ctx, line_pos) {
            Some(Outcome::Read { end }) => return Some(Outcome::Read { end }),
            Some(Outcome::Skip { resume }) => *yaml_off_until = resume,
            None => {}
        }
    }
    None
}

/// Skips any whitespace including line breaks.
pub(crate) fn skip_ws_any(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    while matches!(b.get(pos), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        pos += 1;
    }
    pos
}

fn mid_line_block(text: &str, ctx: &mut Ctx, ahead: &mut Ahead, from: usize, le: usize) -> Outcome {
    let b = text.as_bytes();
    let mut pos = from;
    while pos < le {
        let marker = ahead.marker(text, pos, le);
        let brace = ahead.brace(b, pos, le);
        let (out, at) = match (marker, brace) {
            (None, None) => break,
            (Some((ms, me)), br) if br.is_none_or(|x| ms <= x) => {
                (code::read_call(text, ctx, from, ms, me), ms)
            }
            (_, Some(x)) => (jsonish::read_block(text, ctx, x, true, false), x),
            (Some(_), None) => break, // taken by the arm above
        };
        match out {
            Outcome::Read { end } => return Outcome::Read { end },
            // A failed candidate may have scanned past this line: never scan that again.
            Outcome::Skip { resume } => pos = resume.max(at + 1),
        }
    }
    Outcome::Skip { resume: pos }
}

/// The next `{` on this line that is followed (after blanks) by a quote: an inline object.
fn next_inline_object(b: &[u8], from: usize, le: usize) -> Option<usize> {
    let mut i = from;
    while i < le {
        let off = b.get(i..le)?.iter().position(|&c| c == b'{')?;
        let at = i + off;
        let mut j = at + 1;
        while matches!(b.get(j), Some(b' ' | b'\t')) && j < le {
            j += 1;
        }
        if matches!(b.get(j), Some(b'"' | b'\'')) && j < le {
            return Some(at);
        }
        i = at + 1;
    }
    None
}
