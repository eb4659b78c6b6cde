//! The escapers against strict readers: serde_json for JSON, the `toml` crate for TOML, a strict
//! POSIX word splitter (tests/common/shell.rs) for shell words and commands; and each syntax
//! found from real snippets by [`place_of`].

use super::*;

#[path = "../../tests/common/shell.rs"]
mod sh;

/// Hostile values: every character class an escaper must handle.
fn samples() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        "plain",
        "https://host/apps/anthropic?x=$(touch${IFS}pwned)",
        "a`id`b",
        "a;b|c&&d",
        "it's",
        "say \"hi\"",
        "back\\slash\\",
        "line\nbreak\r\n",
        "tab\there",
        "%PATH%",
        "$env:USERPROFILE",
        "!history",
        "{braces}",
        "bell\u{7}esc\u{1b}[31mdel\u{7f}nul\u{0}",
        "c1\u{85}\u{9b}",
        "bidi\u{202e}txt\u{2066}",
        "ls\u{2028}ps\u{2029}",
        "smart ‘quotes’ “double” „low‟",
        "emoji 😀 中文",
        "'''\"\"\"",
        "${{ secrets.KEY }}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every ASCII character alone.
    v.extend((0u8..128).map(|b| (b as char).to_string()));
    v
}

#[test]
fn json_strings_read_back_exactly() {
    for s in samples() {
        let doc = format!("{{\"k\": \"{}\"}}", json_string(&s, '"'));
        let back: serde_json::Value =
            serde_json::from_str(&doc).unwrap_or_else(|e| panic!("{doc:?}: {e}"));
        assert_eq!(back["k"], s.as_str(), "{doc:?}");
        assert!(!doc.chars().any(hostile), "printable: {doc:?}");
    }
}

#[test]
fn toml_strings_read_back_exactly() {
    for s in samples() {
        for doc in [
            format!("k = \"{}\"", toml_basic(&s)),
            format!("k = \"\"\"{}\"\"\"", toml_basic(&s)),
        ] {
            let t: toml::Table = doc.parse().unwrap_or_else(|e| panic!("{doc:?}: {e}"));
            assert_eq!(t["k"].as_str(), Some(s.as_str()), "{doc:?}");
        }
        if let Some(lit) = toml_literal(&s) {
            for doc in [format!("k = '{lit}'"), format!("k = '''{lit}'''")] {
                let t: toml::Table = doc.parse().unwrap_or_else(|e| panic!("{doc:?}: {e}"));
                assert_eq!(t["k"].as_str(), Some(s.as_str()), "{doc:?}");
            }
        } else {
            assert!(s.contains('\'') || s.chars().any(hostile), "{s:?} refused");
        }
        // A bare TOML value becomes a basic string.
        let place = Place {
            syntax: Syntax::TomlBare,
            shell: None,
        };
        let doc = format!("k = {}", place.value(&s).unwrap_or_default());
        let t: toml::Table = doc.parse().unwrap_or_else(|e| panic!("{doc:?}: {e}"));
        assert_eq!(t["k"].as_str(), Some(s.as_str()));
    }
}

/// A YAML double-quoted string decoded by the YAML 1.2 rules the escaper uses.
fn yaml_decode_double(s: &str) -> Option<String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        match cs[i] {
            '"' => return None,
            '\\' => {
                let e = *cs.get(i + 1)?;
                i += 2;
                match e {
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' => {
                        let h: String = cs.get(i..i + 4)?.iter().collect();
                        out.push(char::from_u32(u32::from_str_radix(&h, 16).ok()?)?);
                        i += 4;
                    }
                    _ => return None,
                }
            }
            c if c.is_control() => return None,
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Some(out)
}

#[test]
fn yaml_strings_read_back_exactly() {
    for s in samples() {
        assert_eq!(
            yaml_decode_double(&yaml_double(&s)).as_deref(),
            Some(s.as_str())
        );
        if let Some(q) = yaml_single(&s) {
            assert!(!q.replace("''", "").contains('\''), "{q:?}");
            assert_eq!(q.replace("''", "'"), s);
            assert!(!q.chars().any(hostile));
        }
        let plain = Place {
            syntax: Syntax::YamlPlain,
            shell: None,
        };
        let v = plain.value(&s).unwrap_or_default();
        if let Some(inner) = v.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            assert_eq!(yaml_decode_double(inner).as_deref(), Some(s.as_str()));
        } else {
            // Kept plain: the project's reader reads it back as this string.
            let cfg = crate::config::read(&format!("models:\n  - apiBase: {v}\n"));
            let got = cfg.settings.iter().find(|x| x.name() == "apiBase");
            assert_eq!(got.map(|x| x.value.as_str()), Some(s.as_str()), "{v:?}");
            assert!(!matches!(s.as_str(), "true" | "null" | "yes" | "on"));
        }
    }
}

#[test]
fn shell_fragments_stay_literal_in_every_quoting() {
    for s in samples() {
        for (q, open, close) in [
            (Quote::None, "", ""),
            (Quote::Single, "'", "'"),
            (Quote::Double, "\"", "\""),
        ] {
            let Some(f) = shell_fragment(&s, q) else {
                continue;
            };
            let line = format!("curl x{open}{f}{close}y");
            let words =
                sh::split(&line).unwrap_or_else(|e| panic!("{s:?} in {q:?}: {line:?}: {e}"));
            assert_eq!(words.len(), 2, "{line:?}");
            assert_eq!(words[1], vec![sh::Seg::Lit(format!("x{s}y"))], "{line:?}");
        }
    }
    // What each quoting refuses.
    assert_eq!(shell_fragment("$(id)", Quote::Double), None);
    assert_eq!(shell_fragment("`id`", Quote::Double), None);
    assert_eq!(shell_fragment("it's", Quote::Single), None);
    assert_eq!(shell_fragment("a\nb", Quote::Single), None);
    assert_eq!(
        shell_fragment("Bearer ", Quote::None).as_deref(),
        Some("'Bearer '")
    );
}

#[test]
fn shell_quote_state_follows_the_paste() {
    let t = r#"curl -H 'a b' -d "x \" y" $'z\'w' -H x\'y end"#;
    let at = |needle: &str| t.find(needle).unwrap_or(0);
    assert_eq!(shell_quote_at(t, 0, at("a b")), Some(Quote::Single));
    assert_eq!(shell_quote_at(t, 0, at(" y\"")), Some(Quote::Double));
    assert_eq!(shell_quote_at(t, 0, at("w'")), Some(Quote::AnsiC));
    assert_eq!(shell_quote_at(t, 0, at("y end")), Some(Quote::None));
    assert_eq!(shell_quote_at(t, 0, at("end")), Some(Quote::None));
    // Inside an escape pair nothing can be written.
    assert_eq!(shell_quote_at(t, 0, at("\" y")), None);
}

fn place_in(text: &str, name: &str) -> Place {
    let cfg = crate::config::read(text);
    let s = cfg
        .settings
        .iter()
        .find(|s| s.name() == name)
        .unwrap_or_else(|| panic!("no {name} in {text:?}: {:?}", cfg.settings));
    place_of(text, &cfg, s)
}

#[test]
fn places_are_found_from_the_paste() {
    let p = |syntax| Place {
        syntax,
        shell: None,
    };
    let cases: &[(&str, &str, Place)] = &[
        (
            "{\"env\": {\"ANTHROPIC_BASE_URL\": \"https://h/v1\"}}",
            "ANTHROPIC_BASE_URL",
            p(Syntax::Json('"')),
        ),
        (
            "base_url = \"https://h/v1\"\nwire_api = 'chat'\n",
            "wire_api",
            p(Syntax::TomlLiteral),
        ),
        (
            "base_url = \"https://h/v1\"\nwire_api = \"chat\"\n",
            "wire_api",
            p(Syntax::TomlBasic),
        ),
        (
            "models:\n  - apiBase: https://h/v1\n",
            "apiBase",
            p(Syntax::YamlPlain),
        ),
        (
            "models:\n  - apiBase: 'https://h/v1'\n",
            "apiBase",
            p(Syntax::YamlSingle),
        ),
        (
            "export OPENAI_BASE_URL=\"https://h/v1\"\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::Posix, Quote::Double)),
        ),
        (
            "OPENAI_BASE_URL=https://h/v1\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::Posix, Quote::None)),
        ),
        (
            "C:\\> set OPENAI_BASE_URL=https://h/v1\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::Cmd, Quote::None)),
        ),
        (
            "set \"OPENAI_BASE_URL=https://h/v1\"\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::Cmd, Quote::Double)),
        ),
        (
            "setx OPENAI_BASE_URL \"https://h/v1\"\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::Setx, Quote::Double)),
        ),
        (
            "PS C:\\> $env:OPENAI_BASE_URL = 'https://h/v1'\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::PowerShell, Quote::Single)),
        ),
        (
            "set -gx OPENAI_BASE_URL https://h/v1\n",
            "OPENAI_BASE_URL",
            p(Syntax::Env(EnvShell::Fish, Quote::None)),
        ),
        (
            "client = OpenAI(api_key=\"k\", base_url=r\"https://h/v1\")\n",
            "base_url",
            p(Syntax::Code {
                quote: '"',
                raw: true,
                interpolated: false,
                bytes: false,
            }),
        ),
        (
            "client = OpenAI(api_key=\"k\", base_url='https://h/v1')\n",
            "base_url",
            p(Syntax::Code {
                quote: '\'',
                raw: false,
                interpolated: false,
                bytes: false,
            }),
        ),
    ];
    for (text, name, want) in cases {
        assert_eq!(place_in(text, name), *want, "{text}");
    }
    let curl = "curl https://h/v1/messages -H \"Authorization: sk-x\" -d '{\"model\": \"m\"}'";
    assert_eq!(
        place_in(curl, "Authorization"),
        Place {
            syntax: Syntax::Raw,
            shell: Some(Quote::Double)
        }
    );
    assert_eq!(
        place_in(curl, "model"),
        Place {
            syntax: Syntax::Json('"'),
            shell: Some(Quote::Single)
        }
    );
    let curl = "curl https://h/v1/messages -d \"{\\\"model\\\": \\\"m\\\"}\"";
    let p = place_in(curl, "model");
    assert_eq!(
        p,
        Place {
            syntax: Syntax::Json('"'),
            shell: Some(Quote::Double)
        }
    );
    // A JSON string inside shell double quotes: both layers escaped.
    assert_eq!(p.value("a\"b").as_deref(), Some("a\\\\\\\"b"));
}

#[test]
fn env_values_by_shell() {
    let v = |shell, q, s: &str| env_value(s, shell, q, true);
    use EnvShell::*;
    assert_eq!(
        v(Posix, Quote::None, "https://h/v1").as_deref(),
        Some("https://h/v1")
    );
    assert_eq!(
        v(Posix, Quote::None, "https://h/v1?a=1&b=2").as_deref(),
        Some("'https://h/v1?a=1&b=2'")
    );
    assert_eq!(v(Posix, Quote::Double, "https://h/$(id)"), None);
    assert_eq!(
        v(Posix, Quote::Double, "a\"b\\").as_deref(),
        Some("a\\\"b\\\\")
    );
    assert_eq!(v(Posix, Quote::Single, "it's"), None);
    assert_eq!(v(Cmd, Quote::None, "https://h/%PATH%"), None);
    assert_eq!(v(Cmd, Quote::Double, "a&b"), None);
    assert_eq!(v(Setx, Quote::None, "a b"), None);
    assert_eq!(
        v(PowerShell, Quote::Double, "a$env:X`\"").as_deref(),
        Some("a`$env:X```\"")
    );
    assert_eq!(
        v(PowerShell, Quote::Single, "it's ‘x’").as_deref(),
        Some("it''s ‘‘x’’")
    );
    assert_eq!(v(PowerShell, Quote::None, "a b").as_deref(), Some("'a b'"));
    assert_eq!(
        v(Fish, Quote::Double, "a$b\"").as_deref(),
        Some("a\\$b\\\"")
    );
    assert_eq!(v(Fish, Quote::Single, "it's").as_deref(), Some("it\\'s"));
    for shell in [Posix, Cmd, Setx, PowerShell, Fish] {
        for q in [Quote::None, Quote::Single, Quote::Double] {
            assert_eq!(v(shell, q, "a\nb"), None, "{shell:?} {q:?}");
            assert_eq!(v(shell, q, "a\u{1b}[31m"), None);
        }
    }
    // Every POSIX value the escaper writes reads back through a strict shell splitter.
    for s in samples() {
        for (q, open) in [
            (Quote::None, ""),
            (Quote::Single, "'"),
            (Quote::Double, "\""),
        ] {
            if let Some(e) = v(Posix, q, &s) {
                let line = format!("export K={open}{e}{open}");
                let words = sh::split(&line).unwrap_or_else(|err| panic!("{line:?}: {err}"));
                assert_eq!(words[1], vec![sh::Seg::Lit(format!("K={s}"))], "{line:?}");
            }
        }
    }
}

#[test]
fn code_strings() {
    let c = |q, raw, f, s: &str| code_string(s, q, raw, f, false);
    assert_eq!(
        c('"', false, false, "a\"b\\").as_deref(),
        Some("a\\\"b\\\\")
    );
    assert_eq!(
        c('\'', false, false, "it's \"x\"").as_deref(),
        Some("it\\'s \"x\"")
    );
    assert_eq!(c('"', true, false, "a\"b"), None);
    assert_eq!(c('"', false, true, "{x}"), None);
    assert_eq!(c('`', false, false, "${x}"), None);
    assert_eq!(c('"', false, false, "a\nb"), None);
}

#[test]
fn commands_render_as_literal_words() {
    use Piece::{Lit, Var};
    let args: &[&[Piece]] = &[
        &[Lit("curl")],
        &[Lit("-sS")],
        &[Lit("https://host/v1/chat/completions")],
        &[Lit("-H")],
        &[Lit("Authorization: Bearer "), Var("OPENAI_API_KEY")],
        &[Var("A"), Lit("b$`\"\\!'c")],
        &[Lit("{\"model\": \"it's\"}")],
        &[Lit("")],
    ];
    let line = posix(args).unwrap_or_default();
    assert_eq!(
        line,
        "curl -sS https://host/v1/chat/completions -H \"Authorization: Bearer $OPENAI_API_KEY\" \"${A}b\"'$`\"\\!'\"'c\" '{\"model\": \"it'\\''s\"}' ''"
    );
    let words = sh::split(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
    assert_eq!(words.len(), args.len());
    for (w, a) in words.iter().zip(args) {
        let want: Vec<sh::Seg> = a
            .iter()
            .map(|p| match p {
                Lit(s) => sh::Seg::Lit(s.to_string()),
                Var(v) => sh::Seg::Var(v.to_string()),
            })
            .collect();
        assert_eq!(w, &want, "{line}");
    }
    for s in samples() {
        if let Some(line) = posix(&[&[Lit("echo")], &[Lit(&s)]]) {
            let words = sh::split(&line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            assert_eq!(words[1], vec![sh::Seg::Lit(s.clone())]);
        } else {
            assert!(s.chars().any(hostile), "{s:?} refused");
        }
    }
    // Bad variable names are refused, not written.
    assert_eq!(posix(&[&[Var("A;id")]]), None);
}

#[test]
fn validators() {
    assert!(url_ok("https://dashscope.aliyuncs.com/compatible-mode/v1"));
    assert!(url_ok("coding.dashscope.aliyuncs.com/v1"));
    assert!(url_ok("http://127.0.0.1:4000/v1?x=1&y=$z"));
    for bad in [
        "https://h/v1 x",
        "https://h/v1\"",
        "https://h/`id`",
        "https://h/${IFS}",
        "https://h/a\\b",
        "https://h/\n",
        "$(id)://h/v1",
        "://h",
        "https://h/中文",
    ] {
        assert!(!url_ok(bad), "{bad:?}");
    }
    assert!(key_ok("sk-sp-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"));
    assert!(key_ok("bce-v3/ALTAK-abc/def+g="));
    assert!(!key_ok("sk-\"x"));
    assert!(!key_ok("sk-$(id)"));
    assert!(var_ok("DASHSCOPE_API_KEY") && var_ok("_x1"));
    assert!(!var_ok("1X") && !var_ok("A-B") && !var_ok("") && !var_ok("A B"));
    assert!(model_ok("qwen3.5-plus") && model_ok("openai/gpt-4o") && model_ok("claude-3@2024"));
    assert!(!model_ok("m\"; rm -rf ~") && !model_ok("$(id)") && !model_ok("-x"));
}

#[test]
fn lines_that_run_only_themselves() {
    use EnvShell::*;
    for (line, shell) in [
        ("export A=\"https://h/v1?a=1&b=2\" # note; $(x)", Posix),
        ("export A='$(x)`y`;|&'", Posix),
        ("A=$HOME/x B=${IFS}", Posix),
        ("curl -d '{\"a\":\n 1}' https://h", Posix),
        ("$env:A = 'it''s $(x)'", PowerShell),
        ("$env:A = \"https://h/$env:X\"", PowerShell),
        ("set \"A=a&b|c>d\"", Cmd),
        ("set A=%PATH%", Cmd),
        ("set -gx A 'b;c'", Fish),
    ] {
        assert!(runs_only_itself(line, shell), "{line}");
    }
    for (line, shell) in [
        ("export A=\"$(touch x)\"", Posix),
        ("export A=`id`", Posix),
        ("export A=1; id", Posix),
        ("export A=1 | id", Posix),
        ("export A=1 > ~/.bashrc", Posix),
        ("export A=\"x", Posix),
        ("export A=!!", Posix),
        ("export A=(id)", Posix),
        ("export A=x\nid", Posix),
        ("export A=x # c\nid", Posix),
        ("$env:A = \"$(calc)\"", PowerShell),
        ("$env:A = 'x'; calc", PowerShell),
        ("$env:A = 'x’; calc; ‘", PowerShell),
        ("$env:A = @(calc)", PowerShell),
        ("set A=x&calc", Cmd),
        ("set \"A=x\"&calc", Cmd),
        ("set A=x^&calc", Cmd),
    ] {
        assert!(!runs_only_itself(line, shell), "{line}");
    }
}

#[test]
fn env_heads() {
    use EnvShell::*;
    for (prefix, want) in [
        ("", Some(Posix)),
        ("export ", Some(Posix)),
        ("$ export ", Some(Posix)),
        ("dev@build-01:~/proj$ export ", Some(Posix)),
        ("C:\\Users\\wang>set ", Some(Cmd)),
        ("set \"", Some(Cmd)),
        ("setx ", Some(Setx)),
        ("PS D:\\code> $env:", Some(PowerShell)),
        ("set -gx ", Some(Fish)),
        ("rm -rf ~ $ export ", None),
        ("sudo reboot # export ", None),
        ("x;id>set ", None),
        ("unexport ", None),
    ] {
        assert_eq!(env_head(prefix), want, "{prefix:?}");
    }
}
