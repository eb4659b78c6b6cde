//! Writing text into the user's config and into commands: one escaper per syntax, and the one
//! quoting function commands are rendered with.
//!
//! Every fix replacement goes through [`Place::value`] (a whole new value for a setting) or
//! [`Place::fragment`] (text inserted inside one), where [`place_of`] / [`layer_at`] tell the
//! syntax from the block's format, the value's quote and — for curl — the shell quoting state at
//! that byte of the paste. A value a syntax cannot hold safely is refused (`None`: the check
//! then offers no edit), never written half-escaped. Commands are argument lists of
//! [`Piece`]s (literal text, variable references) rendered by [`posix`] (what the verify
//! command uses).
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
pub(crate) enum Quote {
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
pub(crate) enum EnvShell {
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
pub(crate) enum Syntax {
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
pub(crate) struct Place {
    pub syntax: Syntax,
    pub shell: Option<Quote>,
}

impl Place {
    pub(crate) const UNKNOWN: Place = Place {
        syntax: Syntax::Unknown,
        shell: None,
    };

    /// `v` as a whole new value for a setting's value span (quotes may be added where the value
    /// had none), or `None` when this place cannot hold it safely.
    pub(crate) fn value(&self, v: &str) -> Option<String> {
        self.write(v, true)
    }

    /// `v` inserted inside an existing value or between tokens: never adds quotes around the
    /// whole, so refuses more.
    pub(crate) fn fragment(&self, v: &str) -> Option<String> {
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
pub(crate) fn inert(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '.' | '/' | ':' | '@' | '%' | '+' | '=' | ',')
}

fn hostile(c: char) -> bool {
    c.is_control() || needs_escape(c)
}

/// Whether `v` holds any character of `set`.
fn has(v: &str, set: &str) -> bool {
    v.chars().any(|c| set.contains(c))
}

/// `v` with `\`, the quote `q`, line breaks, tabs, `\b`, `\f` and every other character a
/// terminal or editor would act on (control characters, bidi overrides, line separators, the
/// BOM) written as backslash escapes: the escapes JSON, TOML basic strings and YAML
/// double-quoted strings share (every such character is in the BMP: `\uXXXX` is one unit).
fn escaped(v: &str, q: char) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        let short = match c {
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\u{8}' => 'b',
            '\u{c}' => 'f',
            _ => c,
        };
        if c == '\\' || c == q || short != c {
            out.push('\\');
            out.push(short);
        } else if hostile(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
            out.push_str("\\u");
            for k in (0..4).rev() {
                out.push(char::from_digit((c as u32 >> (4 * k)) & 15, 16).unwrap_or('0'));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The content of a JSON string in quote `q` (`"`, or `'` for JSON5).
pub(crate) fn json_string(v: &str, q: char) -> String {
    escaped(v, q)
}

/// The content of a TOML basic string (single- or multi-line).
pub(crate) fn toml_basic(v: &str) -> String {
    escaped(v, '"')
}

/// The content of a TOML literal string: it has no escapes, so `'` or a control character
/// cannot be written.
pub(crate) fn toml_literal(v: &str) -> Option<String> {
    (!v.chars().any(|c| c == '\'' || hostile(c))).then(|| v.to_string())
}

/// The content of a YAML double-quoted string.
pub(crate) fn yaml_double(v: &str) -> String {
    escaped(v, '"')
}

/// The content of a YAML single-quoted string: `'` doubled; line breaks (folded by YAML) and
/// control characters refused.
pub(crate) fn yaml_single(v: &str) -> Option<String> {
    (!v.chars().any(hostile)).then(|| marked(v, "'", None))
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
    let typed = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]
    .iter()
    .any(|w| v.eq_ignore_ascii_case(w));
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
    if v.chars().any(hostile) || (bytes && !v.is_ascii()) || (interpolated && has(v, "{}")) {
        return None;
    }
    if q == '`' {
        // A JS template literal or a Go raw string: `\` means different things in each.
        return (!has(v, "`\\$")).then(|| v.to_string());
    }
    if raw {
        return (!v.contains(q) && !v.contains('\\')).then(|| v.to_string());
    }
    // No control character is left: only `\` and the quote get a backslash.
    Some(escaped(v, q))
}

/// An environment line's value for `shell`, inside quote `q`.
fn env_value(v: &str, shell: EnvShell, q: Quote, whole: bool) -> Option<String> {
    if v.chars().any(hostile) {
        return None;
    }
    match (shell, q) {
        (EnvShell::Posix, Quote::Double) => {
            if has(v, "$`!") {
                return None;
            }
            Some(backslashed(v, "\\\""))
        }
        (EnvShell::Posix, Quote::Single) => (!has(v, "'\\")).then(|| v.to_string()),
        (EnvShell::Posix, _) => {
            if !v.is_empty() && v.chars().all(inert) {
                Some(v.to_string())
            } else if whole && !has(v, "'\\") {
                Some(format!("'{v}'"))
            } else {
                None
            }
        }
        (EnvShell::Cmd | EnvShell::Setx, q) => {
            let bad = has(v, "%!\"^&|<>")
                || (shell == EnvShell::Setx && (q == Quote::None && has(v, " \t")))
                || (shell == EnvShell::Setx && v.ends_with('\\'));
            (!bad).then(|| v.to_string())
        }
        (EnvShell::PowerShell, Quote::Double) => Some(ps_double(v)),
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
        (EnvShell::Fish, Quote::Double) => Some(backslashed(v, "\\\"$")),
        (EnvShell::Fish, Quote::Single) => Some(backslashed(v, "\\'")),
        (EnvShell::Fish, _) => {
            if !v.is_empty() && v.chars().all(inert) {
                Some(v.to_string())
            } else {
                whole.then(|| format!("'{}'", backslashed(v, "\\'")))
            }
        }
    }
}

fn backslashed(v: &str, special: &str) -> String {
    marked(v, special, Some('\\'))
}

/// `v` with each character of `special` preceded by `mark`, or doubled when `mark` is `None`.
fn marked(v: &str, special: &str, mark: Option<char>) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        if special.contains(c) {
            out.push(mark.unwrap_or(c));
        }
        out.push(c);
    }
    out
}

/// Content of a PowerShell single-quoted string: every kind of single quote PowerShell knows
/// (it reads `‘ ’ ‚ ‛` as `'`) doubled.
fn ps_single(v: &str) -> String {
    marked(v, "'\u{2018}\u{2019}\u{201a}\u{201b}", None)
}

/// Content of a PowerShell double-quoted string: `` ` ``, `$` and every kind of double quote
/// PowerShell knows (`“ ” „`) escaped by a backtick.
fn ps_double(v: &str) -> String {
    marked(v, "`$\"\u{201c}\u{201d}\u{201e}", Some('`'))
}

/// `v` written at a place of a POSIX shell word in quoting state `q` (a curl argument).
pub(crate) fn shell_fragment(v: &str, q: Quote) -> Option<String> {
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
        Quote::Single => (!has(v, "'\u{2018}\u{2019}\u{201a}\u{201b}")).then(|| v.to_string()),
        Quote::Double => {
            if has(v, "$`!\u{201c}\u{201d}\u{201e}") {
                return None;
            }
            Some(backslashed(v, "\\\""))
        }
        Quote::AnsiC => Some(backslashed(v, "\\'")),
    }
}

/// The quoting state of a POSIX shell command at byte `at`, scanning from `from` (where the
/// command starts, outside quotes). `None` when `at` sits right after a backslash (inside an
/// escape pair, where nothing can be written).
pub(crate) fn shell_quote_at(text: &str, from: usize, at: usize) -> Option<Quote> {
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
pub(crate) fn place_of(text: &str, cfg: &Config, s: &Setting) -> Place {
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
pub(crate) fn layer_at(text: &str, cfg: &Config, block: usize, at: usize) -> Place {
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
    let b = text.as_bytes();
    let mut i = vs.min(b.len());
    // Past the opening quote(s), then the letters before them.
    let mut quotes = 0;
    while quotes < 3 && i > 0 && char::from(b[i - 1]) == q {
        i -= 1;
        quotes += 1;
    }
    let mut j = i;
    while j > 0 && (b[j - 1].is_ascii_alphanumeric() || b[j - 1] == b'_') {
        j -= 1;
    }
    let prefix = &b[j..i];
    // Only a 1–2 letter string prefix counts (`rb"…"`), not the end of a name (`get"…"`).
    let is_prefix = prefix.len() <= 2 && prefix.iter().all(|c| b"rRbBuUfF".contains(c));
    let prefixed = |c: u8| is_prefix && prefix.iter().any(|p| p.to_ascii_lowercase() == c);
    Syntax::Code {
        quote: q,
        raw: prefixed(b'r'),
        interpolated: prefixed(b'f'),
        bytes: prefixed(b'b'),
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

/// Whether a corrected block may be offered as text to copy. Env lines and curl commands get
/// pasted into a shell: they are offered only when running them runs nothing but what they say
/// — every line of an env block is a prompt-free (or harmless-prompt) assignment with at most a
/// comment after it, and no line holds command substitution, an operator, a redirection or an
/// open quote in the syntax of the shell it is written for, and a curl command has only options
/// that neither read nor write a file (`curl.rs`). Code is offered only when it runs nothing but
/// the SDK call it configures (`code.rs`). `fixed` is the block with the fixes applied; other
/// formats are data and always offered.
pub(crate) fn offerable(text: &str, cfg: &Config, block: usize, fixed: &str) -> bool {
    let Some(b) = cfg.blocks.get(block) else {
        return false;
    };
    match b.format {
        Format::Env => {
            env_offerable(text, cfg, block, fixed) || {
                // A fix deleted lines (a setting removed): the lines no longer pair up with
                // the original's, so the corrected block is read on its own terms: one env
                // block, the whole of it, every line of it held to the same test.
                let lines = |t: &str| t.split('\n').count();
                let own = crate::config::read(fixed);
                let whole = own.blocks.first().is_some_and(|o| {
                    own.blocks.len() == 1
                        && o.format == Format::Env
                        && fixed.get(..o.start).is_some_and(|t| t.trim().is_empty())
                        && fixed.get(o.end..).is_some_and(|t| t.trim().is_empty())
                });
                text.get(b.start..b.end)
                    .is_some_and(|o| lines(o) > lines(fixed))
                    && whole
                    && own.blocks.first().is_some_and(|o| {
                        fixed
                            .get(o.start..o.end)
                            .is_some_and(|f| env_offerable(fixed, &own, 0, f))
                    })
            }
        }
        Format::Curl => {
            // One command: its continuation lines joined (`\` POSIX, `^` cmd, `` ` ``
            // PowerShell), read in the shell the continuation names.
            let mut shell = EnvShell::Posix;
            let mut joined = String::with_capacity(fixed.len());
            let mut cs = fixed.chars().peekable();
            while let Some(c) = cs.next() {
                let next = cs.peek().copied();
                let cont = matches!(c, '\\' | '^' | '`') && matches!(next, Some('\n' | '\r'));
                if cont {
                    shell = match c {
                        '^' => EnvShell::Cmd,
                        '`' => EnvShell::PowerShell,
                        _ => shell,
                    };
                    while cs.next_if(|&n| n == '\r' || n == '\n').is_some() {}
                    joined.push(' ');
                } else {
                    joined.push(c);
                }
            }
            runs_only_itself(&joined, shell) && curl::options_safe(&joined)
        }
        Format::Code => code::inert(fixed),
        _ => true,
    }
}

fn env_offerable(text: &str, cfg: &Config, block: usize, fixed: &str) -> bool {
    let (Some(b), Some(orig)) = (
        cfg.blocks.get(block),
        cfg.blocks.get(block).and_then(|b| text.get(b.start..b.end)),
    ) else {
        return false;
    };
    // The settings of the block, in paste order.
    let mut mine = cfg.settings.iter().filter(|s| s.block == block).peekable();
    let mut fixed_lines = fixed.split('\n');
    let mut ls = b.start;
    for line in orig.split('\n') {
        let le = ls + line.len();
        let Some(fline) = fixed_lines.next() else {
            return false;
        };
        let key_at = |s: &Setting| s.key_span.map_or(usize::MAX, |k| k.0);
        let ok = match mine.next_if(|s| key_at(s) < le) {
            None => {
                let t = line.trim().to_ascii_lowercase();
                t.is_empty() || t.starts_with('#') || t.starts_with("rem ") || t.starts_with("::")
            }
            Some(first) => {
                let start = key_at(first);
                let shell = text.get(ls..start).and_then(env_head);
                // Between assignments only blanks; after the last one a comment at most.
                let mut end = value_end(text, first);
                let mut gaps_ok = true;
                while let Some(s) = mine.next_if(|s| key_at(s) < le) {
                    gaps_ok &= text
                        .get(end..key_at(s))
                        .is_some_and(|g| g.trim().is_empty());
                    end = value_end(text, s);
                }
                let tail = text.get(end..le).unwrap_or("").trim();
                match shell {
                    Some(shell) if gaps_ok && (tail.is_empty() || tail.starts_with('#')) => fline
                        .get(start - ls..)
                        .is_some_and(|rest| runs_only_itself(rest.trim_end_matches('\r'), shell)),
                    _ => false,
                }
            }
        };
        if !ok {
            return false;
        }
        ls = le + 1;
    }
    fixed_lines.next().is_none()
}

/// Where a setting's value ends in the paste, its closing quote included.
fn value_end(text: &str, s: &Setting) -> usize {
    let end = s.value_span.1;
    match s.quoted {
        Some(q) if text.get(end..).is_some_and(|t| t.starts_with(q)) => end + q.len_utf8(),
        _ => end,
    }
}

/// The shell an env line is written for, from the text before its first name: a command word
/// (`export`, `set`, `setx`, `set -gx`, `$env:`) or none, after nothing or a harmless prompt
/// (one word of path characters ending in `$ # % >`, maybe after `PS `). `None` for anything
/// else before the name — a shell would run it.
fn env_head(prefix: &str) -> Option<EnvShell> {
    let lower = prefix.to_ascii_lowercase();
    let t = lower.trim_end();
    let (rest, shell) = if let Some(r) = t.strip_suffix("$env:") {
        (r, EnvShell::PowerShell)
    } else if let Some(r) = t.strip_suffix("export") {
        (r, EnvShell::Posix)
    } else if let Some(r) = t.strip_suffix("setx") {
        (r, EnvShell::Setx)
    } else if let Some(r) = t.strip_suffix("set \"").or_else(|| t.strip_suffix("set")) {
        (r, EnvShell::Cmd)
    } else if let Some(i) = t.rfind("set -") {
        let flags_ok = t[i + 4..]
            .split_whitespace()
            .all(|w| w.starts_with('-') && w[1..].chars().all(|c| c.is_ascii_alphabetic()));
        (if flags_ok { &t[..i] } else { "?" }, EnvShell::Fish)
    } else {
        (t, EnvShell::Posix)
    };
    let bounded = rest.is_empty() || rest.ends_with([' ', '\t', '>', '$', '#', '%']);
    let p = rest.trim();
    let p = p.strip_prefix("ps ").map_or(p, str::trim_start);
    let prompt = p.is_empty()
        || (p.ends_with(['$', '#', '%', '>'])
            && p[..p.len() - 1]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "@:~/\\._-".contains(c)));
    (bounded && prompt).then_some(shell)
}

/// Whether running `line` in `shell` runs only the command its words spell: no command
/// substitution, backtick, operator, redirection, subshell, history expansion or open quote
/// (a trailing comment is fine). Strict: it may refuse what a shell would run harmlessly.
pub(crate) fn runs_only_itself(line: &str, shell: EnvShell) -> bool {
    let b: Vec<char> = line.chars().collect();
    let at = |i: usize| b.get(i).copied();
    let history = |i: usize| !matches!(at(i + 1), None | Some(' ' | '\t' | '\n' | '=' | '"'));
    let (single, double): (&[char], &[char]) = match shell {
        EnvShell::PowerShell => (
            &['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'],
            &['"', '\u{201c}', '\u{201d}', '\u{201e}'],
        ),
        EnvShell::Cmd | EnvShell::Setx => (&[], &['"']),
        _ => (&['\''], &['"']),
    };
    let mut q = Quote::None;
    let mut word_start = true;
    let mut i = 0;
    while let Some(c) = at(i) {
        match (q, shell) {
            (Quote::Single | Quote::AnsiC, _)
                if single.contains(&c) || c == '\'' && q == Quote::AnsiC =>
            {
                if shell == EnvShell::PowerShell && at(i + 1).is_some_and(|n| single.contains(&n)) {
                    i += 1; // `''` inside '…'
                } else {
                    q = Quote::None;
                }
            }
            (Quote::AnsiC, _) if c == '\\' => i += 1,
            (Quote::Single | Quote::AnsiC, _) => {}
            (Quote::Double, EnvShell::Cmd | EnvShell::Setx) => {
                if c == '"' {
                    q = Quote::None;
                }
            }
            (Quote::Double, _) => {
                if double.contains(&c) {
                    q = Quote::None;
                } else if c == '`' || (c == '$' && at(i + 1) == Some('(')) {
                    return false;
                } else if c == '\\' && shell != EnvShell::PowerShell {
                    i += 1;
                } else if c == '!' && shell != EnvShell::PowerShell && history(i) {
                    return false;
                }
            }
            (Quote::None, EnvShell::Cmd | EnvShell::Setx) => match c {
                '"' => q = Quote::Double,
                '&' | '|' | '<' | '>' | '^' | '\n' | '\r' => return false,
                _ => {}
            },
            (Quote::None, _) => {
                if single.contains(&c) {
                    q = if shell != EnvShell::PowerShell && i > 0 && at(i - 1) == Some('$') {
                        Quote::AnsiC
                    } else {
                        Quote::Single
                    };
                } else if double.contains(&c) {
                    q = Quote::Double;
                } else if c == '#' && word_start {
                    // A comment, to the end of the line.
                    while at(i + 1).is_some_and(|n| n != '\n') {
                        i += 1;
                    }
                } else if c == '\\' && shell != EnvShell::PowerShell {
                    i += 1;
                } else if matches!(
                    c,
                    ';' | '|' | '&' | '<' | '>' | '(' | ')' | '`' | '\n' | '\r'
                ) || (c == '$' && at(i + 1) == Some('('))
                    || (c == '!' && shell != EnvShell::PowerShell && history(i))
                    || (shell == EnvShell::PowerShell && matches!(c, '{' | '}' | '@'))
                {
                    return false;
                }
            }
        }
        word_start = q == Quote::None && c.is_whitespace();
        i += 1;
    }
    q == Quote::None
}

/// A URL a fix may write: an optional `scheme://`, a host, and only characters RFC 3986 allows
/// in the rest (no spaces, quotes, backslashes, backticks, braces or control characters).
pub(crate) fn url_ok(v: &str) -> bool {
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

/// One piece of a command argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Literal text: the program receives exactly this.
    Lit(&'a str),
    /// An environment variable's value (its name is checked with [`var_ok`]).
    Var(&'a str),
}

/// A command: its arguments, each made of pieces.
pub(crate) type Args<'a, 'b> = &'b [&'b [Piece<'a>]];

/// Whether every piece of `args` can be written: no control character, variable names only.
fn writable(args: Args) -> bool {
    args.iter().flat_map(|a| a.iter()).all(|p| match p {
        Piece::Lit(s) => !s.chars().any(hostile),
        Piece::Var(v) => var_ok(v),
    })
}

/// Whether the text after piece `i` of `a` would continue a variable's name.
fn continues_name(a: &[Piece], i: usize) -> bool {
    match a.get(i + 1) {
        Some(Piece::Lit(s)) => s
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'),
        _ => false,
    }
}

/// The command line for `args` in a POSIX shell — the one quoting function of the commands
/// llmdoctor offers. Literal arguments: bare when every character is [`inert`], otherwise in
/// single quotes (`'` written `'\''`). Arguments with variables: `"…$NAME…"`, the characters
/// special inside double quotes (`$ ` \ " !`) in single-quoted runs joined to the word.
/// `None` when an argument cannot be written (a control character, a bad variable name).
pub(crate) fn posix(args: Args) -> Option<String> {
    if !writable(args) {
        return None;
    }
    let mut out = String::new();
    for (n, a) in args.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        if let [Piece::Lit(s)] = a {
            if !s.is_empty() && s.chars().all(inert) {
                out.push_str(s);
            } else {
                out.push('\'');
                out.push_str(&s.replace('\'', "'\\''"));
                out.push('\'');
            }
            continue;
        }
        let mut open: Option<char> = None;
        let mut run = |out: &mut String, want: char| {
            if open != Some(want) {
                if let Some(q) = open {
                    out.push(q);
                }
                out.push(want);
                open = Some(want);
            }
        };
        for (i, p) in a.iter().enumerate() {
            match *p {
                Piece::Var(v) => {
                    run(&mut out, '"');
                    out.push('$');
                    if continues_name(a, i) {
                        out.push('{');
                        out.push_str(v);
                        out.push('}');
                    } else {
                        out.push_str(v);
                    }
                }
                Piece::Lit(s) => {
                    for c in s.chars() {
                        run(&mut out, if "$`\"\\!".contains(c) { '\'' } else { '"' });
                        out.push(c);
                    }
                }
            }
        }
        if let Some(q) = open {
            out.push(q);
        }
    }
    Some(out)
}

mod code;
mod curl;

#[cfg(test)]
mod tests;
