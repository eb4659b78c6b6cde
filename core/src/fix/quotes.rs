//! Changing how a value is quoted, as span edits: cmd's `set NAME="value"` (the quotes become
//! part of the value), a value between typographic quotes (`“sk-…”`, which no shell or config
//! file reads as quotes), a bare value after PowerShell's `$env:NAME =` (read as a command).
//! Each returns `None` unless the line is exactly the shape it knows and the value needs no
//! escaping in its new quotes: the check then offers no edit rather than a wrong one.

use super::{blank, line_end, line_start, Edit};
use crate::config::{Config, Format, Setting};

/// cmd's `set NAME="value"` keeps the quotes in the value: rewritten as `set "NAME=value"`
/// (the opening quote moves before the name; cmd drops the quotes of that form). Two edits;
/// `None` unless the line is exactly that shape with a value cmd holds as it is.
pub(crate) fn cmd_set_requote(text: &str, s: &Setting) -> Option<Vec<Edit>> {
    let (ks, ke) = s.key_span?;
    let q = s.quoted?;
    let (vs, ve) = s.value_span;
    // `NAME=` then the quote right before the value, the closing quote right after it.
    let open = vs.checked_sub(q.len_utf8())?;
    if text.get(ke..open) != Some("=")
        || !text.get(open..vs).is_some_and(|t| t.starts_with(q))
        || !text.get(ve..).is_some_and(|t| t.starts_with(q))
    {
        return None;
    }
    let after = ve + q.len_utf8();
    if !blank(text.get(after..line_end(text, after))?) {
        return None;
    }
    // The value as cmd will hold it: nothing cmd would read as an operator or expand.
    let v = text.get(vs..ve)?;
    if v.is_empty()
        || v.chars()
            .any(|c| c.is_control() || "%!\"'^&|<>".contains(c))
    {
        return None;
    }
    let mut edits = vec![
        Edit {
            start: ks,
            end: ks,
            replacement: "\"".into(),
        },
        Edit {
            start: open,
            end: vs,
            replacement: String::new(),
        },
    ];
    // `set NAME='value'`: cmd keeps single quotes too; the closing one becomes `"`.
    if q != '"' {
        edits.push(Edit {
            start: ve,
            end: after,
            replacement: "\"".into(),
        });
    }
    Some(edits)
}

/// Quote characters of prose and input methods that no syntax reads as quotes: “ ” „ ‟ ‘ ’ « »
/// and the full-width ＂ ＇ of Chinese input methods.
pub(crate) const TYPOGRAPHIC: &[char] = &[
    '\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '\u{2018}', '\u{2019}', '\u{00AB}', '\u{00BB}',
    '\u{FF02}', '\u{FF07}',
];

/// The value of `s` as written, when it sits between typographic quotes its place keeps as
/// part of the value (`“sk-…”`): the text inside them. PowerShell reads “ ” ‘ ’ as quotes
/// (about_Quoting_Rules), so there only the others count.
pub(crate) fn typographic_inner<'t>(text: &'t str, cfg: &Config, s: &Setting) -> Option<&'t str> {
    if s.quoted.is_some() {
        return None;
    }
    let raw = text.get(s.value_span.0..s.value_span.1)?;
    let (open, close) = (raw.chars().next()?, raw.chars().next_back()?);
    if !TYPOGRAPHIC.contains(&open) || !TYPOGRAPHIC.contains(&close) {
        return None;
    }
    let inner = raw.get(open.len_utf8()..raw.len().checked_sub(close.len_utf8())?)?;
    let ks = s.key_span.map_or(s.value_span.0, |k| k.0);
    let powershell_quote = |c: char| ('\u{2018}'..='\u{201E}').contains(&c);
    if powershell_quote(open)
        && powershell_quote(close)
        && assign_of(text, cfg, s, ks) == Assign::PowerShell
    {
        return None;
    }
    (!inner.is_empty()).then_some(inner)
}

/// How the line holding byte `ks` assigns: PowerShell's `$env:`, cmd's `set`, or anything
/// else (POSIX shell, an env file, TOML, YAML, code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Assign {
    PowerShell,
    Cmd,
    Other,
}

fn assign_of(text: &str, cfg: &Config, s: &Setting, ks: usize) -> Assign {
    let env = cfg
        .blocks
        .get(s.block)
        .is_some_and(|b| b.format == Format::Env);
    let before = text
        .get(line_start(text, ks)..ks)
        .unwrap_or("")
        .trim_end()
        .as_bytes();
    let ends_ci = |w: &[u8]| {
        before.len() >= w.len() && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
    };
    if !env {
        Assign::Other
    } else if ends_ci(b"$env:") {
        Assign::PowerShell
    } else if ends_ci(b"set")
        && (before.len() == 3 || matches!(before[before.len() - 4], b' ' | b'>' | b'\t'))
    {
        // `set NAME=` (fish's `set -gx NAME value` has the flags in between).
        Assign::Cmd
    } else {
        Assign::Other
    }
}

/// A token every syntax holds between `"` as it is (and cmd without quotes): no blank, no
/// quote, nothing a shell expands or reads as an operator.
fn plain_token(v: &str) -> bool {
    !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_graphic() && !"\"'`\\$%!^&|<>;(){}".contains(c))
}

/// A value between typographic quotes, rewritten between the quotes its place reads: `"` for a
/// shell, PowerShell (full-width quotes), an env file, TOML, YAML or code; none for cmd's `set` (whose `"` would
/// stay in the value too). One edit over the value as written.
pub(crate) fn typographic_requote(text: &str, cfg: &Config, s: &Setting) -> Option<Edit> {
    let inner = typographic_inner(text, cfg, s)?;
    if !plain_token(inner) {
        return None;
    }
    let ks = s.key_span.map_or(s.value_span.0, |k| k.0);
    let replacement = match assign_of(text, cfg, s, ks) {
        Assign::Cmd => inner.to_string(),
        Assign::PowerShell | Assign::Other => format!("\"{inner}\""),
    };
    Some(Edit {
        start: s.value_span.0,
        end: s.value_span.1,
        replacement,
    })
}

/// PowerShell's `$env:NAME = value` with a bare value: PowerShell runs `value` as a command
/// (`The term 'sk-…' is not recognized`) and the variable is never set. The value is put
/// between `"`. `None` unless the line is a `$env:` assignment of a bare plain token.
pub(crate) fn powershell_quote(text: &str, cfg: &Config, s: &Setting) -> Option<Edit> {
    let (ks, _) = s.key_span?;
    if s.quoted.is_some() || assign_of(text, cfg, s, ks) != Assign::PowerShell {
        return None;
    }
    let (vs, ve) = s.value_span;
    let v = text.get(vs..ve)?;
    // A number, a variable or an expression is PowerShell's own and stays as it is.
    if !plain_token(v) || v.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if !blank(text.get(ve..line_end(text, ve))?) {
        return None;
    }
    Some(Edit {
        start: vs,
        end: ve,
        replacement: format!("\"{v}\""),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::read;
    use crate::fix::apply;

    fn requote(t: &str, path: &str) -> Option<String> {
        let cfg = read(t);
        let s = cfg.get(path)?;
        typographic_requote(t, &cfg, s).map(|e| apply(t, &[e]))
    }

    fn ps(t: &str, path: &str) -> Option<String> {
        let cfg = read(t);
        let s = cfg.get(path)?;
        powershell_quote(t, &cfg, s).map(|e| apply(t, &[e]))
    }

    #[test]
    fn requotes_a_cmd_set_line() {
        let t = "set ANTHROPIC_AUTH_TOKEN=\"sk-abc\"\r\nclaude\r\n";
        let cfg = read(t);
        let s = cfg.get("ANTHROPIC_AUTH_TOKEN").expect("setting");
        let e = cmd_set_requote(t, s).expect("edits");
        assert_eq!(
            apply(t, &e),
            "set \"ANTHROPIC_AUTH_TOKEN=sk-abc\"\r\nclaude\r\n"
        );
        // Something after the closing quote, or a value cmd would expand: no edit.
        let t = "set A=\"sk-abc\" x\n";
        let cfg = read(t);
        assert!(cfg
            .get("A")
            .is_some_and(|s| cmd_set_requote(t, s).is_none()));
        let t = "set A=\"sk-%X%\"\n";
        let cfg = read(t);
        assert!(cfg
            .get("A")
            .is_some_and(|s| cmd_set_requote(t, s).is_none()));
    }

    #[test]
    fn typographic_quotes_become_the_quotes_of_the_place() {
        assert_eq!(
            requote("export OPENAI_API_KEY=“sk-abc123”\n", "OPENAI_API_KEY").as_deref(),
            Some("export OPENAI_API_KEY=\"sk-abc123\"\n")
        );
        assert_eq!(
            requote(
                "OPENAI_BASE_URL=‘https://api.deepseek.com/v1’",
                "OPENAI_BASE_URL"
            )
            .as_deref(),
            Some("OPENAI_BASE_URL=\"https://api.deepseek.com/v1\"")
        );
        // PowerShell reads “ ” as quotes; not ＂.
        assert_eq!(
            requote(
                "PS C:\\> $env:ANTHROPIC_AUTH_TOKEN = “sk-abc”",
                "ANTHROPIC_AUTH_TOKEN"
            ),
            None
        );
        assert_eq!(
            requote(
                "PS C:\\> $env:ANTHROPIC_AUTH_TOKEN = ＂sk-abc＂",
                "ANTHROPIC_AUTH_TOKEN"
            )
            .as_deref(),
            Some("PS C:\\> $env:ANTHROPIC_AUTH_TOKEN = \"sk-abc\"")
        );
        // cmd keeps `"` in the value too: the quotes go.
        assert_eq!(
            requote(
                "C:\\Users\\me> set DASHSCOPE_API_KEY=＂sk-abc＂\r\n",
                "DASHSCOPE_API_KEY"
            )
            .as_deref(),
            Some("C:\\Users\\me> set DASHSCOPE_API_KEY=sk-abc\r\n")
        );
        // ASCII quotes, no quotes, or something a shell would expand inside `"`: no edit.
        assert_eq!(requote("export A=\"sk-abc\"\n", "A"), None);
        assert_eq!(requote("export A=sk-abc\n", "A"), None);
        assert_eq!(requote("export A=“sk-$abc”\n", "A"), None);
        assert_eq!(requote("export A=“”\n", "A"), None);
    }

    #[test]
    fn a_bare_powershell_value_is_quoted() {
        assert_eq!(
            ps(
                "PS C:\\> $env:OPENAI_API_KEY = sk-abc123\r\n",
                "OPENAI_API_KEY"
            )
            .as_deref(),
            Some("PS C:\\> $env:OPENAI_API_KEY = \"sk-abc123\"\r\n")
        );
        assert_eq!(
            ps(
                "$env:OPENAI_BASE_URL=https://api.deepseek.com/v1",
                "OPENAI_BASE_URL"
            )
            .as_deref(),
            Some("$env:OPENAI_BASE_URL=\"https://api.deepseek.com/v1\"")
        );
        // Quoted already, a number, a variable, or not PowerShell: no edit.
        assert_eq!(ps("$env:A = \"sk-abc\"", "A"), None);
        assert_eq!(ps("$env:A = 8080", "A"), None);
        assert_eq!(ps("$env:A = $B", "A"), None);
        assert_eq!(ps("export A=sk-abc", "A"), None);
    }
}
