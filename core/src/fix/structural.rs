//! Structural edits beside value replacement: delete a setting with its separator and line,
//! insert a member into a JSON object, rename a key (requoting: [`super::quotes`]; a line
//! inserted into a TOML table: [`super::lines`]). Each is still a
//! span edit on the user's text ([`Edit`]), so everything around it stays byte-identical. Each
//! returns `None` where the text around the setting is not the plain layout it knows (a comment
//! between members, an escaped quote, another setting on the same line): the check then offers
//! no edit rather than a wrong one.

use super::{blank, line_end, line_start, plain_name, Edit};
use crate::config::{Config, Format, Setting, ValueKind};
use crate::escape;

/// Where a setting's value ends, its closing quote included.
pub(crate) fn value_end(text: &str, s: &Setting) -> usize {
    let end = s.value_span.1;
    match s.quoted {
        Some(q) if text.get(end..).is_some_and(|t| t.starts_with(q)) => end + q.len_utf8(),
        _ => end,
    }
}

/// A JSON member's key quote (`"`, `'`), or `None` for a bare JSON5 key; `Err` when the key is
/// written with an escaped quote (`\"key\"`, a body inside a shell string).
fn key_quote(text: &str, ks: usize) -> Result<Option<char>, ()> {
    let before = text.get(..ks).unwrap_or("");
    match before.chars().last() {
        Some(q @ ('"' | '\'')) => {
            if before[..before.len() - 1].ends_with('\\') {
                Err(())
            } else {
                Ok(Some(q))
            }
        }
        _ => Ok(None),
    }
}

/// A JSON member `"key": value`: from its key's opening quote to its value's end.
fn member_span(text: &str, s: &Setting) -> Option<(usize, usize)> {
    let (ks, _) = s.key_span?;
    let q = key_quote(text, ks).ok()?;
    let start = ks - q.map_or(0, char::len_utf8);
    let end = match s.kind {
        ValueKind::Str => value_end(text, s),
        _ => s.value_span.1,
    };
    (start < end).then_some((start, end))
}

/// Deletes setting `s` from its block: a JSON member with its comma (and its line when it
/// has one of its own) — in a JSON block or a request's body — or an env / TOML / YAML line
/// that holds this setting alone. The rest of
/// the block stays valid and byte-identical.
pub(crate) fn delete_setting(text: &str, cfg: &Config, s: &Setting) -> Option<Edit> {
    let block = cfg.blocks.get(s.block)?;
    let (start, end) = match block.format {
        Format::Json => delete_json_member(text, s, (block.start, block.end))?,
        Format::Env | Format::Toml | Format::Yaml => delete_line(text, cfg, s)?,
        // A member of a curl or raw HTTP request's JSON body, within the body (the body
        // rewrites' own edit: feature `cli-fixes`).
        #[cfg(feature = "cli-fixes")]
        Format::Curl | Format::Http if s.path.starts_with("body.") => {
            let body = cfg
                .settings
                .iter()
                .find(|b| b.block == s.block && b.path == "body")?;
            delete_json_member(text, s, body.value_span)?
        }
        _ => return None,
    };
    (block.start <= start && start <= end && end <= block.end).then(|| Edit {
        start,
        end,
        replacement: String::new(),
    })
}

fn delete_json_member(text: &str, s: &Setting, (bs, be): (usize, usize)) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let (ms, me) = member_span(text, s)?;
    let mut j = me;
    while j < be && b.get(j).is_some_and(u8::is_ascii_whitespace) {
        j += 1;
    }
    match b.get(j) {
        Some(b',') => {
            let after = j + 1;
            let mut k = after;
            while b.get(k).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r')) {
                k += 1;
            }
            let ls = line_start(text, ms);
            let own_line = blank(text.get(ls..ms)?)
                && !text.get(me..j)?.contains('\n')
                && (k >= text.len() || b.get(k) == Some(&b'\n'));
            if own_line {
                Some((ls, (k + 1).min(be)))
            } else {
                Some((ms, k))
            }
        }
        Some(b'}') => {
            let mut p = ms;
            while p > bs && b.get(p - 1).is_some_and(u8::is_ascii_whitespace) {
                p -= 1;
            }
            match b.get(p.checked_sub(1)?) {
                Some(b',') => Some((p - 1, me)),
                Some(b'{') => Some((p, me)),
                _ => None,
            }
        }
        _ => None,
    }
}

fn delete_line(text: &str, cfg: &Config, s: &Setting) -> Option<(usize, usize)> {
    let format = cfg.blocks.get(s.block)?.format;
    let (ks, _) = s.key_span?;
    if format == Format::Yaml && matches!(s.kind, ValueKind::Object | ValueKind::Array) {
        return None;
    }
    let ls = line_start(text, ks);
    let ve = value_end(text, s);
    let le = line_end(text, ve);
    // Nothing but blanks before a TOML or YAML key (an env line may have `export`, `set`, a
    // prompt); nothing but blanks or a comment after the value.
    if format != Format::Env && !blank(text.get(ls..ks)?) {
        return None;
    }
    let rest = text.get(ve..le)?.trim_start_matches([' ', '\t', '\r']);
    if !rest.is_empty() && !rest.starts_with('#') {
        return None;
    }
    // The setting alone on its line(s).
    let alone = cfg.settings.iter().all(|o| {
        std::ptr::eq(o, s) || {
            let at = o.key_span.map_or(o.value_span.0, |k| k.0);
            at < ls || at > le
        }
    });
    if !alone {
        return None;
    }
    if le < text.len() {
        Some((ls, le + 1))
    } else if ls > 0 {
        // The last line, without a line break after it: the break before it goes.
        Some((ls - 1, le))
    } else {
        Some((ls, le))
    }
}

/// Inserts `"key": "value"` as the last member of the JSON object `obj`, in the layout of its
/// members: on a line of its own with the last member's indentation, or inline after it; the
/// key and value quoted as the last member's key is.
pub(crate) fn insert_member(
    text: &str,
    cfg: &Config,
    obj: &Setting,
    key: &str,
    value: &str,
) -> Option<Edit> {
    let block = cfg.blocks.get(obj.block)?;
    if block.format != Format::Json || obj.kind != ValueKind::Object {
        return None;
    }
    let (os, oe) = obj.value_span;
    let prefix = format!("{}.", obj.path);
    let last = cfg
        .settings
        .iter()
        .filter(|c| {
            c.block == obj.block
                && c.path
                    .strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.is_empty() && !rest.contains('.'))
                && c.key_span.is_some_and(|(ks, _)| os < ks && ks < oe)
        })
        .max_by_key(|c| c.value_span.1)?;
    let (ms, me) = member_span(text, last)?;
    let q = key_quote(text, ms + 1).ok().flatten().unwrap_or('"');
    // The key is written as it is: only a plain name.
    if !plain_name(key) {
        return None;
    }
    let member = format!("{q}{key}{q}: {q}{}{q}", escape::json_string(value, q));
    let ls = line_start(text, ms);
    let indent = text.get(ls..ms)?;
    let own_line = blank(indent);
    // A trailing comma after the last member (JSON5): the new member goes after it.
    let b = text.as_bytes();
    let mut j = me;
    while j < oe && b.get(j).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r')) {
        j += 1;
    }
    let (at, replacement) = match (b.get(j) == Some(&b','), own_line) {
        (true, true) => (j + 1, format!("\n{indent}{member},")),
        (true, false) => (j + 1, format!(" {member},")),
        (false, true) => (me, format!(",\n{indent}{member}")),
        (false, false) => (me, format!(", {member}")),
    };
    Some(Edit {
        start: at,
        end: at,
        replacement,
    })
}

/// Renames the key of `s` to `new`, where the key is written as it reads (no escapes) and
/// `new` is a plain name that needs none either.
pub(crate) fn rename_key(text: &str, s: &Setting, new: &str) -> Option<Edit> {
    let (ks, ke) = s.key_span?;
    (text.get(ks..ke) == Some(s.name()) && plain_name(s.name()) && plain_name(new)).then(|| Edit {
        start: ks,
        end: ke,
        replacement: new.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::read;

    use crate::fix::apply;

    fn del(text: &str, path: &str) -> Option<String> {
        let cfg = read(text);
        let s = cfg.get(path)?;
        delete_setting(text, &cfg, s).map(|e| apply(text, &[e]))
    }

    #[test]
    fn deletes_a_json_member_with_its_comma_and_line() {
        let t = "{\n  \"env\": {\n    \"A\": \"1\",\n    \"B\": \"2\",\n    \"C\": \"3\"\n  }\n}";
        assert_eq!(
            del(t, "env.A").as_deref(),
            Some("{\n  \"env\": {\n    \"B\": \"2\",\n    \"C\": \"3\"\n  }\n}")
        );
        assert_eq!(
            del(t, "env.B").as_deref(),
            Some("{\n  \"env\": {\n    \"A\": \"1\",\n    \"C\": \"3\"\n  }\n}")
        );
        assert_eq!(
            del(t, "env.C").as_deref(),
            Some("{\n  \"env\": {\n    \"A\": \"1\",\n    \"B\": \"2\"\n  }\n}")
        );
        let inline = r#"{"env": {"A": "1", "B": 2, "C": "3"}}"#;
        assert_eq!(
            del(inline, "env.A").as_deref(),
            Some(r#"{"env": {"B": 2, "C": "3"}}"#)
        );
        assert_eq!(
            del(inline, "env.B").as_deref(),
            Some(r#"{"env": {"A": "1", "C": "3"}}"#)
        );
        assert_eq!(
            del(inline, "env.C").as_deref(),
            Some(r#"{"env": {"A": "1", "B": 2}}"#)
        );
        assert_eq!(
            del(r#"{"env": {"A": "1"}}"#, "env.A").as_deref(),
            Some(r#"{"env": {}}"#)
        );
        // A comment between members: not a layout this knows.
        assert_eq!(del("{\"A\": \"1\" // x\n, \"B\": 2}", "A"), None);
    }

    #[test]
    #[cfg(feature = "cli-fixes")]
    fn deletes_a_member_of_a_curl_body() {
        let t = "curl https://h/v1/chat/completions -d '{\"model\": \"m\", \"system\": \"Be brief.\", \"messages\": []}'";
        assert_eq!(
            del(t, "body.system").as_deref(),
            Some("curl https://h/v1/chat/completions -d '{\"model\": \"m\", \"messages\": []}'")
        );
        assert_eq!(
            del(t, "body.messages").as_deref(),
            Some("curl https://h/v1/chat/completions -d '{\"model\": \"m\", \"system\": \"Be brief.\"}'")
        );
        // The URL is not a body member.
        assert_eq!(del(t, "url"), None);
    }

    #[test]
    fn deletes_env_toml_and_yaml_lines() {
        assert_eq!(
            del("export A=1\nexport B=2\nexport C=3", "B").as_deref(),
            Some("export A=1\nexport C=3")
        );
        assert_eq!(
            del("export A=1\nexport B=2", "B").as_deref(),
            Some("export A=1")
        );
        assert_eq!(del("export A=1 B=2\n", "A"), None);
        assert_eq!(
            del("[p]\nx = \"1\"\ny = \"2\" # c\nz = 3\n", "p.y").as_deref(),
            Some("[p]\nx = \"1\"\nz = 3\n")
        );
        assert_eq!(
            del(
                "models:\n  - name: a\n    apiKey: k\n    apiBase: u\n",
                "models.0.apiKey"
            )
            .as_deref(),
            Some("models:\n  - name: a\n    apiBase: u\n")
        );
    }

    #[test]
    fn inserts_a_member_in_the_objects_layout() {
        let ins = |t: &str, path: &str| {
            let cfg = read(t);
            let o = cfg.get(path).expect("object");
            insert_member(t, &cfg, o, "apiKey", "sk-1").map(|e| apply(t, &[e]))
        };
        assert_eq!(
            ins("{\"p\": {\n    \"a\": \"x\",\n    \"b\": 1\n}}", "p").as_deref(),
            Some("{\"p\": {\n    \"a\": \"x\",\n    \"b\": 1,\n    \"apiKey\": \"sk-1\"\n}}")
        );
        assert_eq!(
            ins(r#"{"p": {"a": "x"}}"#, "p").as_deref(),
            Some(r#"{"p": {"a": "x", "apiKey": "sk-1"}}"#)
        );
        assert_eq!(
            ins("{p: {\n  'a': 'x',\n}}", "p").as_deref(),
            Some("{p: {\n  'a': 'x',\n  'apiKey': 'sk-1',\n}}")
        );
    }

    #[test]
    fn renames_a_key() {
        let t = r#"{"env": {"OPENAI_API_KEY": "k"}}"#;
        let cfg = read(t);
        let s = cfg.get("env.OPENAI_API_KEY").expect("setting");
        let e = rename_key(t, s, "ANTHROPIC_AUTH_TOKEN").expect("edit");
        assert_eq!(apply(t, &[e]), r#"{"env": {"ANTHROPIC_AUTH_TOKEN": "k"}}"#);
    }
}
