//! Writing text into the user's config and into commands: one escaper per syntax, and the one
//! quoting function commands are rendered with.
//!
//! Every fix replacement goes through [`Place::value`] (a whole new value for a setting) or
//! [`Place::fragment`] (text inserted inside one), where [`place_of`] / [`layer_at`] tell the
//! syntax from the block's format, the value's quote and — for curl — the shell quoting state at
//! that byte of the paste. A value a syntax cannot hold safely is refused (`None`: the check
//! then offers no edit), never written half-escaped. Commands are argument lists ([`Arg`])
//! rendered by [`render`] for a POSIX shell, PowerShell or cmd.
//!
//! What is refused rather than escaped, and why:
//! - in shell double quotes, `$`, `` ` `` and `!` (escaping them differs between bash, dotenv
//!   readers and PowerShell; refusing is right in all of them), and control characters
//!   everywhere but JSON, TOML basic and YAML double-quoted strings, which spell them out;
//! - in cmd and `setx` lines, `%`, `!`, `"`, `^`, `&`, `|`, `<`, `>` (cmd has no escape that
//!   works inside quotes);
//! - in literal strings (TOML `'…'`, raw code strings, Go/JS backtick strings), their quote and
//!   `\`.

use crate::config::{Config, Format, Setting, ValueKind};
use crate::secrets::needs_escape;

/// The quoting state of a POSIX shell word at some byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quote {
    /// Outside quotes.
    None,
    /// `'…'`: everything literal.
    Single,
    /// `"…"`: `\`, `"`, `$`, `` ` `` special.
    Double,
    /// `$'…'`: backslash escapes.
    AnsiC,
}

/// The shell an environment line is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvShell {
    /// `.env` files, `export K=v`, `K=v`: read by POSIX shells and dotenv readers alike.
    Posix,
    /// `set K=v`, `set "K=v"`.
    Cmd,
    /// `setx K v`.
    Setx,
    /// `$env:K = "v"`.
    PowerShell,
    /// `set -gx K v`.
    Fish,
}

/// The syntax of the text around a place in the paste.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// Text with no syntax of its own: a curl argument (its shell layer does the quoting), a
    /// place between JSON tokens.
    Raw,
    /// A JSON string in this quote (`"`; `'` in JSON5 and dicts).
    Json(char),
    /// A TOML basic string, `"…"` or `"""…"""`.
    TomlBasic,
    /// A TOML literal string, `'…'` or `'''…'''`: no escapes at all.
    TomlLiteral,
    /// An unquoted TOML value (read with a note): a new value is written as a basic string.
    TomlBare,
    YamlDouble,
    YamlSingle,
    YamlPlain,
    /// A string literal in code (Python, JS, Java, Go).
    Code {
        quote: char,
        /// `r"…"`: no escapes.
        raw: bool,
        /// `f"…"`: `{` and `}` are code.
        interpolated: bool,
        /// `b"…"`: ASCII only.
        bytes: bool,
    },
    /// The value of an environment line, in the quote it sits in.
    Env(EnvShell, Quote),
    /// The value of a raw HTTP header line.
    HttpHeader,
    /// Nothing known: every new text is refused.
    Unknown,
}

/// Where new text goes: its syntax, and the shell quoting around it when it sits inside a
/// shell word (a curl header or JSON body).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub syntax: Syntax,
    pub shell: Option<Quote>,
}

impl Place {
    pub const UNKNOWN: Place = Place {
        syntax: Syntax::Unknown,
        shell: None,
    };

    /// `v` as a whole new value for a setting's value span (quotes may be added where the value
    /// had none), or `None` when this place cannot hold it safely.
    pub fn value(&self, v: &str) -> Option<String> {
        self.write(v, true)
    }

    /// `v` inserted inside an existing value or between tokens: never adds quotes around the
    /// whole, so refuses more.
    pub fn fragment(&self, v: &str) -> Option<String> {
        self.write(v, false)
    }

    fn write(&self, v: &str, whole: bool) -> Option<String> {
        let inner = match self.syntax {
            Syntax::Raw => Some(v.to_string()),
            Syntax::Json(q) => Some(json_string(v, q)),
            Syntax::TomlBasic => Some(toml_basic(v)),
            Syntax::TomlLiteral => toml_literal(v),
            Syntax::TomlBare => whole.then(|| format!("\"{}\"", toml_basic(v))),
            Syntax::YamlDouble => Some(yaml_double(v)),
            Syntax::YamlSingle => yaml_single(v),
            Syntax::YamlPlain => yaml_plain(v, whole),
            Syntax::Code {
                quote,
                raw,
                interpolated,
                bytes,
            } => code_string(v, quote, raw, interpolated, bytes),
            Syntax::Env(shell, q) => env_value(v, shell, q, whole),
            Syntax::HttpHeader => {
                (!v.chars().any(|c| c.is_control() || needs_escape(c))).then(|| v.to_string())
            }
            Syntax::Unknown => None,
        }?;
        match self.shell {
            None => Some(inner),
            Some(q) => shell_fragment(&inner, q),
        }
    }
}

/// Characters that mean the same in every shell context, unquoted or not, and in every config
/// syntax's unquoted values.
pub fn inert(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '.' | '/' | ':' | '@' | '%' | '+' | '=' | ',')
}

fn hostile(c: char) -> bool {
    c.is_control() || needs_escape(c)
}

/// The content of a JSON string in quote `q` (`"`, or `'` for JSON5): `\`, the quote and
/// control characters escaped, and the characters [`needs_escape`] names as `\uXXXX` so the
/// text stays printable.
pub fn json_string(v: &str, q: char) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if hostile(c) => push_u4(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

fn push_u4(out: &mut String, c: char) {
    let mut buf = [0u16; 2];
    for unit in c.encode_utf16(&mut buf) {
        out.push_str(&format!("\\u{:04x}", unit));
    }
}

/// The content of a TOML basic string (single- or multi-line).
pub fn toml_basic(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if hostile(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The content of a TOML literal string: it has no escapes, so `'` or a control character
/// cannot be written.
pub fn toml_literal(v: &str) -> Option<String> {
    (!v.chars().any(|c| c == '\'' || hostile(c))).then(|| v.to_string())
}

/// The content of a YAML double-quoted string.
pub fn yaml_double(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if hostile(c) || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// The content of a YAML single-quoted string: `'` doubled; line breaks (folded by YAML) and
/// control characters refused.
pub fn yaml_single(v: &str) -> Option<String> {
    (!v.chars().any(hostile)).then(|| v.replace('\'', "''"))
}

/// A YAML plain scalar, if `v` reads back as exactly this string in YAML 1.1 and 1.2; as a
/// whole value, otherwise a double-quoted one.
fn yaml_plain(v: &str, whole: bool) -> Option<String> {
    if yaml_plain_ok(v, whole) {
        return Some(v.to_string());
    }
    whole.then(|| format!("\"{}\"", yaml_double(v)))
}

fn yaml_plain_ok(v: &str, whole: bool) -> bool {
    let lower = v.to_ascii_lowercase();
    let typed = matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
    );
    let first_ok = !whole
        || v.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
    !v.is_empty()
        && first_ok
        && !typed
        && !v.ends_with(':')
        && v.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(
                    c,
                    '#' | ',' | '[' | ']' | '{' | '}' | '"' | '\'' | '\\' | '`'
                )
        })
}

/// The content of a string literal in code.
fn code_string(v: &str, q: char, raw: bool, interpolated: bool, bytes: bool) -> Option<String> {
    if v.chars().any(hostile)
        || (bytes && !v.is_ascii())
        || (interpolated && v.contains(['{', '}']))
    {
        return None;
    }
    if q == '`' {
        // A JS template literal or a Go raw string: `\` means different things in each.
        return (!v.contains(['`', '\\', '$'])).then(|| v.to_string());
    }
    if raw {
        return (!v.contains([q, '\\'])).then(|| v.to_string());
    }
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        if c == '\\' || c == q {
            out.push('\\');
        }
        out.push(c);
    }
    Some(out)
}

/// An environment line's value for `shell`, inside quote `q`.
fn env_value(v: &str, shell: EnvShell, q: Quote, whole: bool) -> Option<String> {
    if v.chars().any(hostile) {
        return None;
    }
    match (shell, q) {
        (EnvShell::Posix, Quote::Double) => {
            if v.contains(['$', '`', '!']) {
                return None;
            }
            Some(backslashed(v, &['\\', '"']))
        }
        (EnvShell::Posix, Quote::Single) => (!v.contains(['\'', '\\'])).then(|| v.to_string()),
        (EnvShell::Posix, _) => {
            if !v.is_empty() && v.chars().all(inert) {
                Some(v.to_string())
            } else if whole && !v.contains(['\'', '\\']) {
                Some(format!("'{v}'"))
            } else {
                None
            }
        }
        (EnvShell::Cmd | EnvShell::Setx, q) => {
            let bad = v.contains(['%', '!', '"', '^', '&', '|', '<', '>'])
                || (shell == EnvShell::Setx && (q == Quote::None && v.contains([' ', '\t'])))
                || (shell == EnvShell::Setx && v.ends_with('\\'));
            (!bad).then(|| v.to_string())
        }
        (EnvShell::PowerShell, Quote::Double) => {
            let mut out = String::with_capacity(v.len() + 2);
            for c in v.chars() {
                if matches!(c, '`' | '$' | '"' | '\u{201c}' | '\u{201d}' | '\u{201e}') {
                    out.push('`');
                }
                out.push(c);
            }
            Some(out)
        }
        (EnvShell::PowerShell, Quote::Single) => Some(ps_single(v)),
        (EnvShell::PowerShell, _) => {
            if !v.is_empty()
                && v.chars().all(inert)
                && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            {
                Some(v.to_string())
            } else {
                whole.then(|| format!("'{}'", ps_single(v)))
            }
        }
        (EnvShell::Fish, Quote::Double) => Some(backslashed(v, &['\\', '"', '$'])),
        (EnvShell::Fish, Quote::Single) => Some(backslashed(v, &['\\', '\''])),
        (EnvShell::Fish, _) => {
            if !v.is_empty() && v.chars().all(inert) {
                Some(v.to_string())
            } else {
                whole.then(|| format!("'{}'", backslashed(v, &['\\', '\''])))
            }
        }
    }
}

fn backslashed(v: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        if special.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Content of a PowerShell single-quoted string: every kind of single quote PowerShell knows
/// (it reads `‘ ’ ‚ ‛` as `'`) doubled.
fn ps_single(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}') {
            out.push(c);
        }
        out.push(c);
    }
    out
}

/// `v` written at a place of a POSIX shell word in quoting state `q` (a curl argument).
pub fn shell_fragment(v: &str, q: Quote) -> Option<String> {
    if v.chars().any(hostile) {
        return None;
    }
    match q {
        Quote::None => {
            if v.chars().all(inert) {
                Some(v.to_string())
            } else if v.contains('\'') {
                None
            } else {
                // Quoted parts join the word they sit in: `Authorization:'Bearer 'sk-…`.
                Some(format!("'{v}'"))
            }
        }
        Quote::Single => (!v.contains(['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}']))
            .then(|| v.to_string()),
        Quote::Double => {
            if v.contains(['$', '`', '!', '\u{201c}', '\u{201d}', '\u{201e}']) {
                return None;
            }
            Some(backslashed(v, &['\\', '"']))
        }
        Quote::AnsiC => Some(backslashed(v, &['\\', '\''])),
    }
}

/// The quoting state of a POSIX shell command at byte `at`, scanning from `from` (where the
/// command starts, outside quotes). `None` when `at` sits right after a backslash (inside an
/// escape pair, where nothing can be written).
pub fn shell_quote_at(text: &str, from: usize, at: usize) -> Option<Quote> {
    let b = text.as_bytes();
    let mut q = Quote::None;
    let mut i = from;
    while i < at {
        let c = *b.get(i)?;
        match (q, c) {
            (Quote::None | Quote::Double | Quote::AnsiC, b'\\') => {
                i += 2;
                continue;
            }
            (Quote::None, b'\'') => {
                q = if i > from && b.get(i - 1) == Some(&b'$') {
                    Quote::AnsiC
                } else {
                    Quote::Single
                }
            }
            (Quote::None, b'"') => q = Quote::Double,
            (Quote::Single | Quote::AnsiC, b'\'') | (Quote::Double, b'"') => q = Quote::None,
            _ => {}
        }
        i += 1;
    }
    (i == at).then_some(q)
}

/// Where a new value for setting `s` is written: the syntax of its block and quote.
pub fn place_of(text: &str, cfg: &Config, s: &Setting) -> Place {
    let Some(block) = cfg.blocks.get(s.block) else {
        return Place::UNKNOWN;
    };
    let syntax = |q: Option<char>| -> Syntax {
        match (block.format, q) {
            (Format::Json, Some(q @ ('"' | '\''))) => Syntax::Json(q),
            (Format::Json | Format::Code, Some(q)) => code_syntax(text, s.value_span.0, q),
            (Format::Toml, Some('"')) => Syntax::TomlBasic,
            (Format::Toml, Some('\'')) => Syntax::TomlLiteral,
            (Format::Toml, None) if s.kind == ValueKind::Str => Syntax::TomlBare,
            (Format::Yaml, Some('"')) => Syntax::YamlDouble,
            (Format::Yaml, Some('\'')) => Syntax::YamlSingle,
            (Format::Yaml, None) if s.kind == ValueKind::Str => Syntax::YamlPlain,
            (Format::Env, q) => Syntax::Env(
                env_shell(text, s.key_span.map_or(s.value_span.0, |k| k.0)),
                match q {
                    Some('"') => Quote::Double,
                    Some('\'') => Quote::Single,
                    _ => Quote::None,
                },
            ),
            (Format::Http, None) if s.path.starts_with("header.") => Syntax::HttpHeader,
            (Format::Http | Format::Curl, Some(q @ ('"' | '\'')))
                if s.path.starts_with("body.") =>
            {
                Syntax::Json(q)
            }
            (Format::Curl, _) if !s.path.starts_with("body.") => Syntax::Raw,
            _ => Syntax::Unknown,
        }
    };
    let mut place = Place {
        syntax: syntax(s.quoted),
        shell: None,
    };
    if block.format == Format::Curl {
        match shell_quote_at(text, block.start, s.value_span.0) {
            Some(q) => place.shell = Some(q),
            None => return Place::UNKNOWN,
        }
    }
    place
}

/// Where text inserted at byte `at` of block `block`, between tokens (not inside a string),
/// goes: raw text, under the shell quoting of a curl command.
pub fn layer_at(text: &str, cfg: &Config, block: usize, at: usize) -> Place {
    let Some(b) = cfg.blocks.get(block) else {
        return Place::UNKNOWN;
    };
    match b.format {
        Format::Curl => match shell_quote_at(text, b.start, at) {
            Some(q) => Place {
                syntax: Syntax::Raw,
                shell: Some(q),
            },
            None => Place::UNKNOWN,
        },
        Format::Json | Format::Code | Format::Http => Place {
            syntax: Syntax::Raw,
            shell: None,
        },
        _ => Place::UNKNOWN,
    }
}

/// A code string literal whose content starts at `vs`: its prefix letters (`r`, `f`, `b`)
/// before the opening quote(s).
fn code_syntax(text: &str, vs: usize, q: char) -> Syntax {
    let before = text.get(..vs).unwrap_or("");
    let quotes = before.chars().rev().take_while(|&c| c == q).count().min(3);
    let lead = &before[..before.len() - quotes * q.len_utf8()];
    let prefix: String = lead
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    // Only a 1–2 letter string prefix counts (`rb"…"`), not the end of a name (`get"…"`).
    let is_prefix = prefix.len() <= 2 && prefix.chars().all(|c| "rbuf".contains(c));
    let has = |c: char| is_prefix && prefix.contains(c);
    Syntax::Code {
        quote: q,
        raw: has('r'),
        interpolated: has('f'),
        bytes: has('b'),
    }
}

/// The shell of the env line whose first name starts at `key_start`.
fn env_shell(text: &str, key_start: usize) -> EnvShell {
    let ls = text
        .get(..key_start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let prefix = text.get(ls..key_start).unwrap_or("").to_ascii_lowercase();
    if prefix.ends_with("$env:") {
        return EnvShell::PowerShell;
    }
    let word = |w: &str| {
        prefix.match_indices(w).find(|(i, _)| {
            *i == 0
                || prefix[..*i]
                    .chars()
                    .last()
                    .is_some_and(|c| matches!(c, ' ' | '\t' | '>' | '$' | '#' | '%'))
        })
    };
    if word("setx ").is_some() {
        return EnvShell::Setx;
    }
    if let Some((i, _)) = word("set ") {
        let rest = prefix[i + 4..].trim_start();
        return if rest.starts_with('-') {
            EnvShell::Fish
        } else {
            EnvShell::Cmd
        };
    }
    EnvShell::Posix
}

/// A URL a fix may write: an optional `scheme://`, a host, and only characters RFC 3986 allows
/// in the rest (no spaces, quotes, backslashes, backticks, braces or control characters).
pub fn url_ok(v: &str) -> bool {
    let rest = match v.find("://") {
        Some(i) => {
            let scheme = &v[..i];
            let ok = scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if !ok {
                return false;
            }
            &v[i + 3..]
        }
        None => v,
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '_' | '[' | ']'))
        && rest[host_end..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c))
}

/// An API key a fix may write: ASCII letters, digits and `-_.+/=:~` (every key format there
/// is), nothing that any syntax would need to escape.
pub fn key_ok(v: &str) -> bool {
    !v.is_empty()
        && v.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+' | '/' | '=' | ':' | '~')
        })
}

/// An environment variable's name: `[A-Za-z_][A-Za-z0-9_]*`.
pub fn var_ok(v: &str) -> bool {
    v.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A model id: letters, digits and `._-/:@` (`qwen3.5-plus`, `openai/gpt-4o`,
/// `claude-3@20240229`), at most 128 characters.
pub fn model_ok(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 128
        && v.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':' | '@'))
}

/// The shell a command is rendered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    Posix,
    PowerShell,
    Cmd,
}

/// One piece of a command argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text: the program receives exactly this.
    Lit(String),
    /// An environment variable's value (its name is checked with [`var_ok`]).
    Var(String),
}

/// One command argument: literal text and variable references.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg(pub Vec<Piece>);

impl Arg {
    pub fn lit(s: impl Into<String>) -> Arg {
        Arg(vec![Piece::Lit(s.into())])
    }
}

/// The command line for `args` in `shell`: the one quoting function. `None` when an argument
/// cannot be written there (a bad variable name, a control character, a cmd metacharacter).
pub fn render(args: &[Arg], shell: Shell) -> Option<String> {
    let mut words = Vec::with_capacity(args.len());
    for a in args {
        words.push(match shell {
            Shell::Posix => posix_word(a)?,
            Shell::PowerShell => ps_word(a)?,
            Shell::Cmd => cmd_word(a)?,
        });
    }
    Some(words.join(" "))
}

fn checked(a: &Arg) -> Option<()> {
    for p in &a.0 {
        match p {
            Piece::Lit(s) if s.chars().any(hostile) => return None,
            Piece::Var(v) if !var_ok(v) => return None,
            _ => {}
        }
    }
    Some(())
}

fn literal_only(a: &Arg) -> Option<String> {
    a.0.iter()
        .map(|p| match p {
            Piece::Lit(s) => Some(s.as_str()),
            Piece::Var(_) => None,
        })
        .collect()
}

/// Whether the text after a variable reference would continue its name.
fn continues_name(a: &Arg, i: usize) -> bool {
    match a.0.get(i + 1) {
        Some(Piece::Lit(s)) => s
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'),
        _ => false,
    }
}

/// Opens quote `want` unless it is the open one (closing the other first).
fn switch_quote(out: &mut String, open: &mut Option<char>, want: char) {
    if *open != Some(want) {
        if let Some(q) = *open {
            out.push(q);
        }
        out.push(want);
        *open = Some(want);
    }
}

fn posix_word(a: &Arg) -> Option<String> {
    checked(a)?;
    if let Some(s) = literal_only(a) {
        return Some(if !s.is_empty() && s.chars().all(inert) {
            s
        } else {
            format!("'{}'", s.replace('\'', "'\\''"))
        });
    }
    // Runs of double-quoted text (variables, and characters that are plain inside `"…"`) and
    // single-quoted text (`$ ` \ " !`), joined into one word.
    let mut out = String::new();
    let mut open = None;
    for (i, p) in a.0.iter().enumerate() {
        match p {
            Piece::Var(v) => {
                switch_quote(&mut out, &mut open, '"');
                if continues_name(a, i) {
                    out.push_str(&format!("${{{v}}}"));
                } else {
                    out.push('$');
                    out.push_str(v);
                }
            }
            Piece::Lit(s) => {
                for c in s.chars() {
                    let plain_in_double = !matches!(c, '$' | '`' | '"' | '\\' | '!');
                    switch_quote(
                        &mut out,
                        &mut open,
                        if plain_in_double { '"' } else { '\'' },
                    );
                    out.push(c);
                }
            }
        }
    }
    if let Some(q) = open {
        out.push(q);
    }
    Some(out)
}

fn ps_word(a: &Arg) -> Option<String> {
    checked(a)?;
    if let Some(s) = literal_only(a) {
        return Some(format!("'{}'", ps_single(&s)));
    }
    let mut out = String::from("\"");
    for (i, p) in a.0.iter().enumerate() {
        match p {
            Piece::Var(v) if continues_name(a, i) => out.push_str(&format!("${{env:{v}}}")),
            Piece::Var(v) => {
                out.push_str("$env:");
                out.push_str(v);
            }
            Piece::Lit(s) => {
                for c in s.chars() {
                    if matches!(c, '`' | '$' | '"' | '\u{201c}' | '\u{201d}' | '\u{201e}') {
                        out.push('`');
                    }
                    out.push(c);
                }
            }
        }
    }
    out.push('"');
    Some(out)
}

fn cmd_word(a: &Arg) -> Option<String> {
    checked(a)?;
    let mut out = String::from("\"");
    for p in &a.0 {
        match p {
            Piece::Var(v) => {
                out.push('%');
                out.push_str(v);
                out.push('%');
            }
            Piece::Lit(s) => {
                if s.contains(['"', '%', '!', '\n', '\r']) {
                    return None;
                }
                out.push_str(s);
            }
        }
    }
    // A backslash before the closing quote would escape it for the program's argument parser.
    if out.ends_with('\\') {
        return None;
    }
    out.push('"');
    Some(out)
}

#[cfg(test)]
mod tests;
