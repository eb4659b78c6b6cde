//! Commands never dangerous (issue #11, item 5): command-injection strings in base URLs, model
//! names, variable names, keys and headers of settings.json, .env, config.toml, YAML, curl and
//! SDK code pastes. For every paste:
//! - every verify command is absent, the Coding Plan's fixed sentence, or — read by a strict
//!   POSIX word splitter (tests/common/shell.rs) — `curl` with literal arguments only (and the
//!   key's variable), a base URL of plain characters and a JSON body that parses;
//! - every corrected JSON or TOML block (masked, and as `--fix` would write it) parses with a
//!   strict parser when the pasted block did, and has the same keys;
//! - every corrected shell line (env lines, curl) splits into literal words when the pasted
//!   line did; every corrected code line has balanced quotes when the pasted one had.

use llmdoctor_core::corrected::revealed;
use llmdoctor_core::testing::{key_ok, model_ok, var_ok};
use llmdoctor_core::{diagnose, Options, Report};

#[path = "common/shell.rs"]
mod sh;

const KEY: &str = "sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";

/// Injection strings: command substitution, operators, quotes, line breaks, cmd and PowerShell
/// variables, history expansion, escapes.
const PAYLOADS: &[&str] = &[
    "$(touch${IFS}pwned)",
    "`touch pwned`",
    ";touch pwned",
    "|touch pwned",
    "&&touch pwned",
    "'",
    "\"",
    "'$(touch pwned)'",
    "\"$(touch pwned)\"",
    "\ntouch pwned\n",
    "\r\ntouch pwned",
    "%COMSPEC% /c calc",
    "$env:USERPROFILE",
    "\"; Remove-Item -Recurse $env:TEMP; \"",
    "!!",
    "\\",
    "\\\"; touch pwned; \\\"",
    "${HOME}",
    "\u{1b}]0;pwned\u{7}",
];

/// A JSON string literal of `s` (an independent encoder: serde_json).
fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// A TOML basic string literal of `s` (the `toml` crate's own encoder).
fn ts(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// POSIX single quotes (a reference rendering, not the product's).
fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Python double-quoted string literal of `s`.
fn py(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The pastes for one payload `p`: (what, paste).
fn pastes(p: &str) -> Vec<(String, String)> {
    let err401 = "API Error: 401 invalid access token or token expired";
    let err404 = "API Error: 404 status code (no body)";
    let mut v: Vec<(&str, String)> = vec![
        // settings.json: the base URL (a fix rewrites it), the model, a variable's name.
        (
            "settings.json base URL",
            format!(
                "{{\"env\": {{\"ANTHROPIC_BASE_URL\": {}, \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\", \"ANTHROPIC_MODEL\": {}}}}}\n{err404}\n",
                js(&format!("https://dashscope.aliyuncs.com/api/v1?x={p}")),
                js(&format!("qwen-plus{p}"))
            ),
        ),
        (
            "settings.json relay path kept",
            format!(
                "{{\"env\": {{\"ANTHROPIC_BASE_URL\": {}, \"ANTHROPIC_AUTH_TOKEN\": \" {KEY}\\n\"}}}}\n{err404}\n",
                js(&format!("https://relay.example.com/v1/v1/{p}"))
            ),
        ),
        (
            "settings.json variable name",
            format!(
                "{{\"env\": {{\"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/v1\", {}: \"{KEY}\", \"DASHSCOPE_API_KEY\": \"{KEY}\"}}}}\n{err401}\n",
                js(&format!("X{p}"))
            ),
        ),
        (
            "settings.json key with whitespace",
            format!(
                "{{\"env\": {{\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic\", \"ANTHROPIC_AUTH_TOKEN\": {}}}}}\n{err401}\n",
                js(&format!(" {KEY}{p} "))
            ),
        ),
        // .env and shells.
        (
            ".env double-quoted",
            format!(
                "OPENAI_BASE_URL=\"https://relay.example.com/v1/chat/completions{}\"\nOPENAI_API_KEY=\" {KEY}\"\n{err404}\n",
                p.replace(['"', '\\', '$', '`', '\n', '\r'], "")
            ),
        ),
        (
            ".env single-quoted",
            format!(
                "export OPENAI_BASE_URL='https://relay.example.com/v1/v1/x{}'\n{err404}\n",
                p.replace(['\'', '\n', '\r'], "")
            ),
        ),
        (
            ".env bare",
            format!(
                "OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1?x={}\n{err404}\n",
                p.replace([' ', '\t', '\n', '\r'], "")
            ),
        ),
        (
            "export with key in quotes",
            format!(
                "export ANTHROPIC_BASE_URL=https://coding.dashscope.aliyuncs.com/v1\nexport ANTHROPIC_AUTH_TOKEN={}\n{err404}\n",
                sq(&format!("{KEY}{p}"))
            ),
        ),
        (
            "cmd set",
            format!(
                "C:\\> set ANTHROPIC_BASE_URL=https://relay.example.com/v1/v1/{}\n{err404}\n",
                p.replace(['\n', '\r'], "")
            ),
        ),
        (
            "PowerShell $env:",
            format!(
                "PS C:\\> $env:OPENAI_BASE_URL = \"https://relay.example.com/v1/v1/{}\"\n{err404}\n",
                p.replace(['"', '\n', '\r'], "")
            ),
        ),
        (
            "fish",
            format!(
                "set -gx OPENAI_BASE_URL 'https://relay.example.com/v1/v1/{}'\n{err404}\n",
                p.replace(['\'', '\\', '\n', '\r'], "")
            ),
        ),
        (
            ".env untouched line",
            format!(
                "export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nexport OPENAI_MODEL=\"qwen-plus{p}\"\nexport OPENAI_API_KEY=\" {KEY}\"\n{err404}\n"
            ),
        ),
        (
            ".env after a prompt",
            format!(
                "{} $ export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\n{err404}\n",
                p.replace(['\n', '\r'], " ")
            ),
        ),
        (
            ".env trailing command",
            format!(
                "OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1 {}\n{err404}\n",
                p.replace(['\n', '\r'], " ")
            ),
        ),
        (
            "curl untouched URL",
            format!(
                "curl \"https://dashscope.aliyuncs.com/apps/anthropic/v1/messages?x={}\" -H 'x-api-key: k' -d '{{\"model\": \"qwen-plus\", \"messages\": []}}'\n{err401}\n",
                p.replace(['\n', '\r'], " ")
            ),
        ),
        // Codex config.toml: base URL, env_key (a variable's name), model.
        (
            "config.toml",
            format!(
                "model = {}\nmodel_provider = \"bailian\"\n\n[model_providers.bailian]\nname = \"Bailian\"\nbase_url = {}\nenv_key = {}\nwire_api = \"chat\"\n{err404}\n",
                ts(&format!("qwen3-coder-plus{p}")),
                ts(&format!("https://relay.example.com/v1/v1/{p}")),
                ts(&format!("DASHSCOPE_API_KEY{p}"))
            ),
        ),
        (
            "config.toml literal strings",
            format!(
                "[model_providers.x]\nbase_url = 'https://relay.example.com/v1/chat/completions/{}'\nenv_key = 'K{}'\nwire_api = 'chat'\n{err404}\n",
                p.replace(['\'', '\n', '\r'], ""),
                p.replace(['\'', '\n', '\r'], "")
            ),
        ),
        (
            "config.toml env_key holds a key",
            format!(
                "[model_providers.bailian]\nbase_url = \"https://relay.example.com/v1/v1\"\nenv_key = \"{KEY}\"\nwire_api = \"chat\"\n{err404}\n"
            ),
        ),
        // YAML (Continue, LiteLLM).
        (
            "config.yaml",
            format!(
                "models:\n  - title: x\n    model: {}\n    apiBase: https://relay.example.com/v1/v1/{}\n{err404}\n",
                js(&format!("qwen{p}")),
                p.replace(['\n', '\r', ' ', '#', ':'], "")
            ),
        ),
        // curl: URL, headers, body, model.
        (
            "curl single-quoted body",
            format!(
                "curl -sS https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -H {} -H 'x-api-key: {KEY}' -d {}\n{err401}\n",
                sq(&format!("Authorization: Bearer Bearer {KEY}{p}")),
                sq(&format!(
                    "{{\"model\": {}, \"messages\": [{{\"role\": \"developer\", \"content\": {}}}]}}",
                    js(&format!("qwen-plus{p}")),
                    js(p)
                ))
            ),
        ),
        (
            "curl double-quoted body",
            format!(
                "curl https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -H \"Authorization: {KEY}\" -d \"{{\\\"model\\\": \\\"qwen-plus\\\", \\\"messages\\\": [{{\\\"role\\\": \\\"developer\\\", \\\"content\\\": \\\"{}\\\"}}]}}\"\n{err401}\n",
                p.replace(['"', '\\', '$', '`', '!', '\n', '\r'], "")
            ),
        ),
        (
            "curl unquoted header",
            format!(
                "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H Authorization:{KEY} -d '{{\"model\": \"qwen-plus{}\", \"messages\": []}}'\n{err401}\n",
                p.replace(['\'', '"', '\\', '\n', '\r'], "")
            ),
        ),
        // SDK code.
        (
            "python SDK",
            format!(
                "client = OpenAI(api_key=os.getenv({}), base_url={}, model={})\n{err404}\n",
                py(&format!("sk-abcdef0123456789abcdef{p}")),
                py(&format!("https://relay.example.com/v1/v1/{p}")),
                py(&format!("qwen-plus{p}"))
            ),
        ),
        (
            "node SDK",
            format!(
                "const client = new OpenAI({{ apiKey: {}, baseURL: {} }});\n{err404}\n",
                py(&format!(" {KEY}{p}")),
                py(&format!("https://dashscope.aliyuncs.com/api/v1{p}"))
            ),
        ),
    ];
    if p != PAYLOADS[0] {
        return v.into_iter().map(|(w, t)| (w.to_string(), t)).collect();
    }
    v.push((
        "issue #11's base URL",
        "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://coding.dashscope.aliyuncs.com/apps/anthropic?x=$(touch${IFS}pwned)\", \"ANTHROPIC_AUTH_TOKEN\": \" sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\\n\"}}\nAPI Error: 401\n".to_string(),
    ));
    v.into_iter().map(|(w, t)| (w.to_string(), t)).collect()
}

const CODING_PLAN: [&str; 2] = [
    "The Coding Plan answers only coding tools (curl is refused): restart your tool and send one short message.",
    "Coding Plan 只响应编程工具（curl 会被拒绝）：重启工具并发送一条简短消息。",
];

/// A verify command: absent, the fixed sentence, or a plain curl command.
fn check_verify(v: &str, what: &str) -> Result<bool, String> {
    if CODING_PLAN.contains(&v) {
        return Ok(false);
    }
    let words = sh::split(v).map_err(|e| format!("{what}: verify `{v}`: {e}"))?;
    let lits: Vec<String> = words.iter().map(sh::show).collect();
    if lits.first().map(String::as_str) != Some("curl")
        || lits.get(1).map(String::as_str) != Some("-sS")
    {
        return Err(format!("{what}: not a curl command: {v}"));
    }
    if words.len() != 9 && words.len() != 11 {
        return Err(format!("{what}: {} words: {v}", words.len()));
    }
    for w in &words {
        for s in w {
            if let sh::Seg::Var(name) = s {
                if !var_ok(name) || name.starts_with("sk") {
                    return Err(format!("{what}: variable `{name}` in {v}"));
                }
            }
        }
    }
    let url = &lits[2];
    let plain = url.starts_with("http")
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~/%:@+[]".contains(c));
    if !plain {
        return Err(format!("{what}: URL `{url}` in {v}"));
    }
    let body: serde_json::Value = serde_json::from_str(&lits[lits.len() - 1])
        .map_err(|e| format!("{what}: body of {v}: {e}"))?;
    let model = body["model"].as_str().unwrap_or("");
    if !model_ok(model) {
        return Err(format!("{what}: model `{model}` in {v}"));
    }
    Ok(true)
}

/// The (key, value) structure of a JSON text, or `None` when it does not parse.
fn json_shape(t: &str) -> Option<Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(t).ok()?;
    let mut out = Vec::new();
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
        if let Some(o) = v.as_object() {
            for (k, x) in o {
                walk(x, format!("{path}.{k}"), out);
            }
        } else {
            out.push(path);
        }
    }
    walk(&v, String::new(), &mut out);
    Some(out)
}

fn toml_shape(t: &str) -> Option<Vec<String>> {
    let v: toml::Table = t.parse().ok()?;
    let mut out = Vec::new();
    fn walk(v: &toml::Table, path: String, out: &mut Vec<String>) {
        for (k, x) in v {
            match x.as_table() {
                Some(t) => walk(t, format!("{path}.{k}"), out),
                None => out.push(format!("{path}.{k}")),
            }
        }
    }
    walk(&v, String::new(), &mut out);
    Some(out)
}

/// Code line whose string literals (`"…"`, `'…'`, backslash escapes) all close.
fn code_balanced(line: &str) -> bool {
    let mut q: Option<char> = None;
    let mut esc = false;
    for c in line.chars() {
        match q {
            Some(_) if esc => esc = false,
            Some(_) if c == '\\' => esc = true,
            Some(o) if c == o => q = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => q = Some(c),
            None => {}
        }
    }
    q.is_none()
}

/// Checks one corrected block against the pasted one.
fn check_block(format: &str, before: &str, after: &str, what: &str) -> Result<(), String> {
    match format {
        "json" => {
            if let Some(shape) = json_shape(before) {
                match json_shape(after) {
                    Some(s) if s == shape => {}
                    other => return Err(format!("{what}: corrected JSON {other:?}:\n{after}")),
                }
            }
        }
        "toml" => {
            if let Some(shape) = toml_shape(before) {
                match toml_shape(after) {
                    Some(s) if s == shape => {}
                    other => return Err(format!("{what}: corrected TOML {other:?}:\n{after}")),
                }
            }
        }
        "env" | "curl" => {
            // Offered to paste into a shell: no line may run more than itself, whatever the
            // paste held (continuations joined; PowerShell and cmd lines have unit tests).
            let joined = after.replace("\\\n", " ");
            // A curl command is one command (a quoted argument may span lines); env lines are
            // one command each.
            let commands: Vec<&str> = if format == "curl" {
                vec![joined.as_str()]
            } else {
                joined.lines().collect()
            };
            for a in commands {
                let a = a
                    .trim_start_matches("C:\\> ")
                    .trim_start_matches("PS C:\\> ");
                if a.starts_with("$env:") || a.starts_with("set ") && !a.starts_with("set -") {
                    continue;
                }
                if let Some(d) = sh::danger(a) {
                    return Err(format!("{what}: offered line `{a}`: {d}"));
                }
            }
            for (b, a) in before.lines().zip(after.lines()) {
                let b = b
                    .trim_start_matches("C:\\> ")
                    .trim_start_matches("PS C:\\> ");
                let a = a
                    .trim_start_matches("C:\\> ")
                    .trim_start_matches("PS C:\\> ");
                // PowerShell and cmd lines are not POSIX; their escaping has unit tests.
                if b.starts_with("$env:") || b.starts_with("set ") && !b.starts_with("set -") {
                    continue;
                }
                if sh::split(b).is_ok() {
                    sh::split(a).map_err(|e| format!("{what}: corrected line `{a}`: {e}"))?;
                }
            }
        }
        "code" => {
            for (b, a) in before.lines().zip(after.lines()) {
                if code_balanced(b) && !code_balanced(a) {
                    return Err(format!("{what}: corrected code line `{a}`"));
                }
            }
        }
        _ => {}
    }
    if before.lines().count() != after.lines().count() {
        return Err(format!(
            "{what}: line count changed:\n{before}\n---\n{after}"
        ));
    }
    Ok(())
}

fn check(paste: &str, what: &str, r: &Report, stats: &mut [usize; 3]) -> Result<(), String> {
    let real = revealed(paste, r);
    for (c, real) in r.corrected.iter().zip(&real) {
        let before = paste.get(c.start..c.end).unwrap_or("");
        check_block(
            c.format.as_str(),
            before,
            real,
            &format!("{what} (as written)"),
        )?;
        check_block(
            c.format.as_str(),
            before,
            &c.text,
            &format!("{what} (masked)"),
        )?;
        stats[1] += 1;
        if let Some(v) = &c.verify {
            let v = llmdoctor_core::Catalog::embedded()
                .wording(llmdoctor_core::Lang::En)
                .verify(v);
            if check_verify(v.as_str(), what)? {
                stats[2] += 1;
            }
        }
    }
    // Every replacement a fix writes holds no line break and no payload outside its escaping:
    // the whole-value ones that are keys are keys.
    for d in &r.diagnoses {
        for e in d.fix.iter().flat_map(|f| f.edits.iter()) {
            let t = e.revealed.reveal();
            if t.contains(['\n', '\r']) || t.contains('\u{1b}') {
                return Err(format!("{what}: {} writes {t:?}", d.rule));
            }
            if d.rule == "config-key-whitespace" && !key_ok(t) {
                return Err(format!("{what}: key fix writes {t:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn injection_strings_never_reach_a_command_or_break_a_config() {
    let opts = Options {
        now: llmdoctor_core::parse_rfc3339("2026-11-22T03:20:00Z"),
        ..Options::default()
    };
    let mut failures = Vec::new();
    // pastes, corrected blocks checked, curl verify commands checked
    let mut stats = [0usize; 3];
    for p in PAYLOADS {
        for (what, paste) in pastes(p) {
            stats[0] += 1;
            let what = format!("{what} with {p:?}");
            // The masked report; `revealed` gives what `--fix` and "Copy with my key" write.
            let r = diagnose(&paste, &opts);
            if let Err(e) = check(&paste, &what, &r, &mut stats) {
                failures.push(e);
            }
        }
    }
    eprintln!(
        "injection: {} pastes, {} corrected blocks, {} curl verify commands checked",
        stats[0], stats[1], stats[2]
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // The suite reaches what it tests.
    assert!(stats[1] > 250 && stats[2] > 80, "{stats:?}");
}

/// The verify command of a clean paste is exactly what a user should run.
#[test]
fn verify_command_is_a_plain_argument_list() {
    let paste = "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/api/v1\", \"ANTHROPIC_AUTH_TOKEN\": \"sk-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c\", \"ANTHROPIC_MODEL\": \"qwen3-coder-plus\"}}\nAPI Error: 404\n";
    let r = diagnose(paste, &Options::default());
    let v = r.corrected[0]
        .verify
        .as_ref()
        .map(|v| {
            llmdoctor_core::Catalog::embedded()
                .wording(llmdoctor_core::Lang::En)
                .verify(v)
                .to_string()
        })
        .unwrap_or_default();
    assert_eq!(
        v,
        "curl -sS https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -H \"x-api-key: $ANTHROPIC_AUTH_TOKEN\" -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json' -d '{\"model\": \"qwen3-coder-plus\", \"max_tokens\": 16, \"messages\": [{\"role\": \"user\", \"content\": \"ping\"}]}'"
    );
    let paste = "[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/api/v1\"\nenv_key = \"MY_KEY\"\nwire_api = \"responses\"\n";
    let r = diagnose(paste, &Options::default());
    let v = r.corrected[0]
        .verify
        .as_ref()
        .map(|v| {
            llmdoctor_core::Catalog::embedded()
                .wording(llmdoctor_core::Lang::En)
                .verify(v)
                .to_string()
        })
        .unwrap_or_default();
    assert_eq!(
        v,
        "curl -sS https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H \"Authorization: Bearer $MY_KEY\" -H 'Content-Type: application/json' -d '{\"model\": \"qwen-plus\", \"messages\": [{\"role\": \"user\", \"content\": \"ping\"}]}'"
    );
}

/// The replacements written into each syntax for the fixes that keep a piece of the paste.
#[test]
fn replacements_are_escaped_for_their_place() {
    let cases: &[(&str, &str)] = &[
        // .env double quotes: `$` cannot be written there safely, so no edit.
        (
            "OPENAI_BASE_URL=\"https://relay.example.com/v1/v1/x$HOME\"\n",
            "OPENAI_BASE_URL=\"https://relay.example.com/v1/v1/x$HOME\"\n",
        ),
        // A bare value that needs quoting gets single quotes.
        (
            "OPENAI_BASE_URL=https://relay.example.com/v1/v1?a=1&b=2\n",
            "OPENAI_BASE_URL='https://relay.example.com/v1?a=1&b=2'\n",
        ),
        // A bare TOML string becomes a basic string.
        (
            "[model_providers.x]\nbase_url = \"https://h.example.com/v1\"\nwire_api = chat\n",
            "[model_providers.x]\nbase_url = \"https://h.example.com/v1\"\nwire_api = \"responses\"\n",
        ),
        // `Bearer ` inserted into an unquoted curl word: quoted where it joins.
        (
            "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H Authorization:$KEY\n",
            "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H Authorization:'Bearer '$KEY\n",
        ),
        // `max_tokens` inserted into a double-quoted curl body: written with `\"`.
        (
            "curl https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -d \"{\\\"model\\\": \\\"m\\\", \\\"messages\\\": []}\"\n",
            "curl https://dashscope.aliyuncs.com/apps/anthropic/v1/messages -d \"{\\\"max_tokens\\\": 1024, \\\"model\\\": \\\"m\\\", \\\"messages\\\": []}\"\n",
        ),
        // `Bearer Bearer $KEY`: the extra word deleted, the variable kept as it was.
        (
            "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H \"Authorization: Bearer Bearer $DASHSCOPE_API_KEY\"\n",
            "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions -H \"Authorization: Bearer $DASHSCOPE_API_KEY\"\n",
        ),
    ];
    for (paste, want) in cases {
        let r = diagnose(paste, &Options::default());
        let mut edits: Vec<_> = r
            .diagnoses
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| f.edits.iter())
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.start));
        edits.dedup_by_key(|e| e.start);
        let mut out = paste.to_string();
        for e in edits {
            out.replace_range(e.start..e.end, e.revealed.reveal());
        }
        assert_eq!(&out, want, "{paste}");
    }
}

/// A block whose lines would run more than themselves is not offered at all (the finding and
/// its fix edits stay: `--fix` writes only the fixed values into the user's own file).
#[test]
fn shell_blocks_that_would_run_more_are_not_offered() {
    let paste = |extra: &str| {
        format!("export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nexport OPENAI_MODEL={extra}\nAPI Error: 404\n")
    };
    let r = diagnose(&paste("qwen-plus"), &Options::default());
    assert_eq!(r.corrected.len(), 1, "the clean block is offered");
    for extra in [
        "\"qwen$(touch pwned)\"",
        "qwen;touch pwned",
        "qwen`id`",
        "qwen && touch pwned",
        "qwen touch pwned",
        "'qwen",
    ] {
        let r = diagnose(&paste(extra), &Options::default());
        assert!(
            r.corrected.is_empty(),
            "{extra}: {:?}",
            r.corrected.first().map(|c| c.text.to_string())
        );
        assert!(
            r.diagnoses.iter().any(|d| d.fix.is_some()),
            "{extra}: the fix itself stays"
        );
    }
    // A prompt that is a command is not a prompt.
    let r = diagnose(
        "rm -rf ~ $ export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nAPI Error: 404\n",
        &Options::default(),
    );
    assert!(r.corrected.is_empty());
    let r = diagnose(
        "dev@box:~/p$ export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nAPI Error: 404\n",
        &Options::default(),
    );
    assert_eq!(r.corrected.len(), 1);
}
