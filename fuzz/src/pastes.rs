//! Red-team pastes: fresh keys of every kind, the contexts people paste them in, and the leak
//! check. One file shared (by `#[path]`) by the `secrets` and `diagnose` fuzz targets
//! (`fuzz/src/plant.rs`), the red-team suite (`core/tests/redteam.rs`, through
//! `core/tests/common`) and its CLI half (`cli/tests/redteam_cli.rs`): the suite and the fuzzer
//! plant the same families, and there is one list of them.
//!
//! - [`kinds`]: one kind per key shape of rules/secrets.toml (`SHAPES`: no list of prefixes
//!   here), two variants the catalog names (`SK-` in upper case, `sk-` with a `.`), and values
//!   that no shape knows, marked only by the secret-named setting holding them
//!   (`AZURE_OPENAI_KEY=<32 hex>`, `AWS_SECRET_ACCESS_KEY=<40 base64>`, a password…);
//! - [`CONTEXTS`]: where a key stands in a paste — every config syntax, code, headers, log
//!   wrappings, invisible characters, interruptions, split and truncated keys, escapes, keys in
//!   the wrong field;
//! - [`Secret`]: what may not appear in any output — the key, or any 8 characters in a row of
//!   its hidden middle (the key without its anchor and its last 4, which a mask shows).
//!
//! Deterministic: everything random comes from [`Rng`], seeded by the caller (the fuzz targets
//! seed it from their input, the CLI suite and the browser suite's cases from a constant). The
//! engine's own suites make the same choices with proptest strategies instead
//! (`core/tests/common/strategies.rs`, which shrink a failing case to a minimal paste), through
//! the parts that take choices rather than an `Rng`: [`Kind::key`], [`Context::render_with`],
//! [`Placement::paste`], [`plausible`].

use llmdoctor_core::testing::shapes::{Shape, SHAPES};
use std::collections::BTreeMap;

/// xorshift64*: small, deterministic, no dependency (the fuzz targets, which share this file,
/// cannot take proptest's strategies: they derive every choice from the fuzzer's input).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

/// What a kind's keys are made from.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    /// A shape of rules/secrets.toml, as `Shape::example` makes it.
    Shape(&'static Shape),
    /// The shape's key in upper case (`SK-…`, as some config UIs show it).
    Upper(&'static Shape),
    /// The shape's key with a `.` in its body (relays' `sk-abc.def…`).
    Dotted(&'static Shape),
    /// No shape: a value only its setting's name marks as secret.
    Named {
        alphabet: &'static [u8],
        min: usize,
        max: usize,
    },
}

/// A kind of key: an id for reports, how to make one, and the setting name people keep it in.
#[derive(Clone, Debug)]
pub struct Kind {
    pub id: String,
    pub source: Source,
    /// The setting that holds it in named contexts (`{NAME}`): the kind's own name for values
    /// without a shape, else `None` (a name from [`KEY_NAMES`] is picked per case).
    pub name: Option<&'static str>,
}

const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX: &[u8] = b"0123456789abcdef";
const B64: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";

/// Settings that hold keys of a known shape (which one is picked per case).
pub const KEY_NAMES: &[&str] = &[
    "OPENAI_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "DASHSCOPE_API_KEY",
    "ANTHROPIC_API_KEY",
    "GEMINI_API_KEY",
    "API_KEY",
    "GITHUB_TOKEN",
];

fn shape(id: &str) -> &'static Shape {
    SHAPES
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("rules/secrets.toml has no shape `{id}` any more"))
}

/// Every kind: one per shape of the catalog, two variants, five values without a shape.
pub fn kinds() -> Vec<Kind> {
    let mut v: Vec<Kind> = SHAPES
        .iter()
        .map(|s| Kind {
            id: s.id.to_string(),
            source: Source::Shape(s),
            name: None,
        })
        .collect();
    let general = shape("sk-generic");
    v.push(Kind {
        id: "sk-generic-upper".into(),
        source: Source::Upper(general),
        name: None,
    });
    v.push(Kind {
        id: "sk-generic-dotted".into(),
        source: Source::Dotted(general),
        name: None,
    });
    let named = |id: &str, name, alphabet, min, max| Kind {
        id: id.to_string(),
        source: Source::Named { alphabet, min, max },
        name: Some(name),
    };
    v.push(named(
        "named-azure-openai-key",
        "AZURE_OPENAI_KEY",
        HEX,
        32,
        32,
    ));
    v.push(named(
        "named-aws-secret-access-key",
        "AWS_SECRET_ACCESS_KEY",
        B64,
        40,
        40,
    ));
    v.push(named("named-db-password", "DB_PASSWORD", ALNUM, 14, 24));
    v.push(named("named-openai-key", "OPENAI_KEY", ALNUM, 48, 48));
    v.push(named("named-qianfan-sk", "QIANFAN_SK", ALNUM, 32, 32));
    v
}

/// A fresh key: its text, how much of its start is the anchor a mask keeps, and which of its
/// bytes are random (the rest is the shape's literal text and the characters `Shape::example`
/// always puts first in a run).
#[derive(Clone, Debug)]
pub struct Key {
    pub kind: String,
    pub text: String,
    pub anchor_len: usize,
    pub random: Vec<bool>,
    /// The setting that holds it in named contexts.
    pub name: String,
    /// The shape it was made from (none for named values).
    pub shape: Option<&'static Shape>,
}

impl Key {
    pub fn anchor(&self) -> &str {
        &self.text[..self.anchor_len]
    }
    pub fn body(&self) -> &str {
        &self.text[self.anchor_len..]
    }
}

/// Which bytes of keys of `shape` are random: the runs, minus offsets that every example has
/// alike (found by making a few: `Shape::example` may put a fixed letter and digit first).
fn randomness(shape: &Shape, key: &str) -> Vec<bool> {
    use llmdoctor_core::testing::shapes::Part;
    // Each run's span in `key`, read greedily over the alphabet the generator draws from (every
    // literal after a run starts with a character outside it).
    let b = key.as_bytes();
    let mut spans = Vec::new(); // (part index, start, end)
    let mut at = 0;
    for (i, p) in shape.parts.iter().enumerate() {
        match *p {
            Part::Lit(l) => at += l.len(),
            Part::Run(cs, _, max) => {
                let abc = cs.alphabet();
                let n = b[at.min(b.len())..]
                    .iter()
                    .take(max)
                    .take_while(|c| abc.contains(c))
                    .count();
                spans.push((i, at, at + n));
                at += n;
            }
        }
    }
    // Offsets into each run that a dozen examples all share are not random.
    let mut seed = Rng(0x5851_f42d_4c95_7f2d);
    let samples: Vec<String> = (0..12)
        .map(|_| shape.example(&mut |n| seed.below(n)))
        .collect();
    let sample_runs: Vec<Vec<(usize, usize)>> = samples
        .iter()
        .map(|s| {
            let mut v = Vec::new();
            let sb = s.as_bytes();
            let mut at = 0;
            for p in shape.parts {
                match *p {
                    Part::Lit(l) => at += l.len(),
                    Part::Run(cs, _, max) => {
                        let abc = cs.alphabet();
                        let n = sb[at.min(sb.len())..]
                            .iter()
                            .take(max)
                            .take_while(|c| abc.contains(c))
                            .count();
                        v.push((at, at + n));
                        at += n;
                    }
                }
            }
            v
        })
        .collect();
    let mut random = vec![false; b.len()];
    for (r, &(_, start, end)) in spans.iter().enumerate() {
        for off in 0..end - start {
            let same = sample_runs.iter().zip(&samples).all(|(runs, s)| {
                let (ss, se) = runs[r];
                ss + off < se && s.as_bytes()[ss + off] == b[start + off]
            });
            random[start + off] = !same;
        }
    }
    random
}

/// Whether a value drawn from `alphabet` looks like a real key or password: digits and letters
/// (both cases where the alphabet has them). [`Kind::make`] draws again until it does; the
/// suite's strategies (core/tests/common/strategies.rs) filter on it.
pub fn plausible(alphabet: &[u8], value: &[u8]) -> bool {
    let has = |f: fn(&u8) -> bool| value.iter().any(f);
    has(u8::is_ascii_digit)
        && has(u8::is_ascii_alphabetic)
        && (!alphabet.iter().any(u8::is_ascii_uppercase)
            || (has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase)))
}

fn draw(rng: &mut Rng, alphabet: &[u8], n: usize) -> String {
    loop {
        let s: String = (0..n)
            .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
            .collect();
        if plausible(alphabet, s.as_bytes()) {
            return s;
        }
    }
}

impl Kind {
    /// A fresh key of this kind.
    pub fn make(&self, rng: &mut Rng) -> Key {
        let name = match self.name {
            Some(n) => n.to_string(),
            None => rng.pick(KEY_NAMES).to_string(),
        };
        let text = match self.source {
            Source::Shape(s) | Source::Upper(s) | Source::Dotted(s) => {
                s.example(&mut |n| rng.below(n))
            }
            Source::Named { alphabet, min, max } => {
                let n = min + rng.below(max - min + 1);
                draw(rng, alphabet, n)
            }
        };
        let dot = match self.source {
            Source::Dotted(s) => rng.below((text.len() - s.anchor.len()) / 3),
            _ => 0,
        };
        self.key(text, name, dot)
    }

    /// The key of this kind made of `text` — what `Shape::example` made for the kind's shape,
    /// or for a named value the value itself — held by the setting `name`. A dotted key gets
    /// its `.` at `dot` characters past the first third of its body (`dot` below a third).
    pub fn key(&self, text: String, name: String, dot: usize) -> Key {
        match self.source {
            Source::Shape(s) | Source::Upper(s) | Source::Dotted(s) => {
                let mut text = text;
                let mut random = randomness(s, &text);
                if let Source::Upper(_) = self.source {
                    text = text.to_ascii_uppercase();
                }
                if let Source::Dotted(_) = self.source {
                    let body = text.len() - s.anchor.len();
                    let at = s.anchor.len() + body / 3 + dot;
                    text.insert(at, '.');
                    random.insert(at, false);
                }
                Key {
                    kind: self.id.clone(),
                    anchor_len: s.anchor.len(),
                    random,
                    text,
                    name,
                    shape: Some(s),
                }
            }
            Source::Named { .. } => Key {
                kind: self.id.clone(),
                anchor_len: 0,
                random: vec![true; text.len()],
                text,
                name,
                shape: None,
            },
        }
    }
}

/// What marks the key as a secret in a context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// A secret-named setting, header, argument or cookie: any kind.
    Named,
    /// Free text (a log, an error, the wrong field): only keys of a known shape.
    Free,
    /// The password of a URL's userinfo: any kind whose characters a URL keeps.
    Userinfo,
}

/// What sits right before the key when it is glued to a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glue {
    None,
    /// A letter or digit: the catalog finds only anchors with `glued = true`.
    AlphaNum,
    /// `_`: a word character, so only keys with an anchor.
    Underscore,
    /// `-`: any key.
    Dash,
}

/// How the key is written in the context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Plain,
    /// This text inside the key, in the middle of its body.
    Inside(&'static str),
    /// This text right before the key.
    Before(&'static str),
    /// The key in two pieces: `{A}` and `{B}`.
    Split,
    /// Only the anchor and the first 10–16 characters of the body.
    Truncated,
    /// Every character as a JSON `\u00XX` escape.
    UEscape,
}

/// A place in a paste where a key stands: `{KEY}` (or `{A}` `{B}`) is the key, `{NAME}` the
/// setting that holds it, `{name}` the same in lower case.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub id: &'static str,
    pub family: &'static str,
    pub holder: Holder,
    pub glue: Glue,
    pub form: Form,
    pub template: &'static str,
}

const fn ctx(
    id: &'static str,
    family: &'static str,
    holder: Holder,
    form: Form,
    template: &'static str,
) -> Context {
    Context {
        id,
        family,
        holder,
        glue: Glue::None,
        form,
        template,
    }
}

const fn glued(id: &'static str, glue: Glue, template: &'static str) -> Context {
    Context {
        id,
        family: "glued",
        holder: Holder::Free,
        glue,
        form: Form::Plain,
        template,
    }
}

use Form::{Before, Inside, Plain, Split, Truncated, UEscape};
use Holder::{Free, Named, Userinfo};

const ZWSP: &str = "\u{200b}";

/// Every context. Templates are the way people paste: whole config blocks, one-line commands,
/// log lines.
pub const CONTEXTS: &[Context] = &[
    // Config syntaxes.
    ctx("env", "config", Named, Plain, "{NAME}={KEY}"),
    ctx("env-double-quoted", "config", Named, Plain, "{NAME}=\"{KEY}\""),
    ctx("env-comment", "config", Named, Plain, "{NAME}={KEY}  # prod"),
    ctx("export", "config", Named, Plain, "export {NAME}={KEY}"),
    ctx("export-single-quoted", "config", Named, Plain, "export {NAME}='{KEY}'"),
    ctx("powershell", "config", Named, Plain, "$env:{NAME}=\"{KEY}\""),
    ctx("cmd-set", "config", Named, Plain, "set {NAME}={KEY}"),
    ctx("cmd-set-quoted", "config", Named, Plain, "set \"{NAME}={KEY}\""),
    ctx("setx", "config", Named, Plain, "setx {NAME} {KEY}"),
    ctx("fish", "config", Named, Plain, "set -x {NAME} {KEY}"),
    ctx(
        "claude-settings-json",
        "config",
        Named,
        Plain,
        "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic\",\n    \"{NAME}\": \"{KEY}\"\n  }\n}",
    ),
    ctx(
        "toml",
        "config",
        Named,
        Plain,
        "[model_providers.bailian]\nname = \"Bailian\"\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\n{name} = \"{KEY}\"",
    ),
    ctx("toml-triple-quoted", "config", Named, Plain, "[providers.qwen]\n{name} = \"\"\"{KEY}\"\"\""),
    ctx("toml-literal-multiline", "config", Named, Plain, "[providers.qwen]\n{name} = '''\n{KEY}'''"),
    ctx(
        "yaml",
        "config",
        Named,
        Plain,
        "models:\n  - name: qwen-plus\n    provider: openai\n    {name}: {KEY}\n    apiBase: https://dashscope.aliyuncs.com/compatible-mode/v1",
    ),
    ctx("yaml-quoted", "config", Named, Plain, "llm:\n  {name}: \"{KEY}\"\n  model: qwen-plus"),
    ctx(
        "yaml-block-scalar",
        "config",
        Named,
        Plain,
        "providers:\n  dashscope:\n    {name}: |\n      {KEY}\n    base_url: https://dashscope.aliyuncs.com/compatible-mode/v1",
    ),
    ctx("yaml-list", "config", Named, Plain, "{name}:\n  - {KEY}\nmodel: qwen-plus"),
    ctx(
        "json-array",
        "config",
        Named,
        Plain,
        "{\"{name}\": [\"{KEY}\"], \"base_url\": \"https://api.deepseek.com/v1\"}",
    ),
    ctx(
        "docker-compose",
        "config",
        Named,
        Plain,
        "services:\n  app:\n    environment:\n      - {NAME}={KEY}",
    ),
    // Code.
    ctx(
        "python-openai",
        "code",
        Named,
        Plain,
        "client = OpenAI(api_key=\"{KEY}\", base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\")",
    ),
    ctx("python-environ", "code", Named, Plain, "os.environ[\"{NAME}\"] = \"{KEY}\""),
    // Where a black-box hunt (session 13) found keys shown: typographic quotes, `<…>`, a key
    // passed to getenv, a Chinese name, the word `key` in prose.
    ctx("env-typographic-quotes", "config", Named, Plain, "{NAME}=\u{201c}{KEY}\u{201d}"),
    ctx("env-angle-brackets", "config", Named, Plain, "{NAME}=<{KEY}>"),
    ctx(
        "python-getenv-key",
        "code",
        Named,
        Plain,
        "client = OpenAI(api_key=os.getenv(\"{KEY}\"), base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\")",
    ),
    ctx(
        "json-chinese-name",
        "config",
        Named,
        Plain,
        "{\"密钥\": \"{KEY}\", \"base_url\": \"https://dashscope.aliyuncs.com/compatible-mode/v1\"}",
    ),
    ctx("prose-key-word", "log", Named, Plain, "key {KEY}: 401 invalid api key"),
    ctx("prose-key-shi", "log", Named, Plain, "我的key是{KEY}，调用返回401"),
    ctx(
        "go-option",
        "code",
        Named,
        Plain,
        "client := openai.NewClient(option.WithAPIKey(\"{KEY}\"), option.WithBaseURL(\"https://dashscope.aliyuncs.com/compatible-mode/v1/\"))",
    ),
    ctx(
        "java-builder",
        "code",
        Named,
        Plain,
        "OpenAIClient client = OpenAIOkHttpClient.builder().apiKey(\"{KEY}\").baseUrl(\"https://dashscope.aliyuncs.com/compatible-mode/v1\").build();",
    ),
    ctx(
        "node-client",
        "code",
        Named,
        Plain,
        "const client = new OpenAI({ apiKey: '{KEY}', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' });",
    ),
    ctx("node-process-env", "code", Named, Plain, "process.env.{NAME} = \"{KEY}\";"),
    // Headers and HTTP.
    ctx(
        "curl-bearer",
        "http",
        Named,
        Plain,
        "curl https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions \\\n  -H \"Authorization: Bearer {KEY}\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"model\": \"qwen-plus\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}'",
    ),
    ctx(
        "curl-x-api-key",
        "http",
        Named,
        Plain,
        "curl -sS https://api.anthropic.com/v1/messages -H 'x-api-key: {KEY}' -H 'anthropic-version: 2023-06-01'",
    ),
    ctx("curl-u", "http", Named, Plain, "curl -u :{KEY} https://api.openai.com/v1/models"),
    ctx(
        "cookie",
        "http",
        Named,
        Plain,
        "curl https://relay.example.com/v1/models -H \"Cookie: lang=en; token={KEY}\"",
    ),
    ctx(
        "http-raw",
        "http",
        Named,
        Plain,
        "POST /compatible-mode/v1/chat/completions HTTP/1.1\r\nHost: dashscope.aliyuncs.com\r\nAuthorization: Bearer {KEY}\r\nContent-Type: application/json\r\n",
    ),
    ctx("bearer-bearer", "http", Named, Plain, "Authorization: Bearer Bearer {KEY}"),
    ctx(
        "url-query",
        "http",
        Named,
        Plain,
        "GET https://generativelanguage.googleapis.com/v1beta/models?key={KEY}",
    ),
    ctx("leading-space", "config", Named, Plain, "{NAME}=\" {KEY}\""),
    ctx(
        "userinfo-base-url",
        "url",
        Userinfo,
        Plain,
        "OPENAI_BASE_URL=https://user:{KEY}@gateway.example.com/v1",
    ),
    ctx(
        "userinfo-proxy",
        "url",
        Userinfo,
        Plain,
        "export HTTPS_PROXY=http://admin:{KEY}@10.0.0.8:3128",
    ),
    // Logs.
    ctx(
        "error-quotes-key",
        "log",
        Free,
        Plain,
        "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: {KEY}.', 'code': 'invalid_api_key'}}",
    ),
    ctx("ansi-around", "log", Free, Plain, "\u{1b}[1m{KEY}\u{1b}[0m"),
    ctx(
        "ansi-before",
        "log",
        Free,
        Plain,
        "[INFO] using \u{1b}[33m{KEY}\u{1b}[39m for dashscope",
    ),
    ctx(
        "json-escaped-log",
        "log",
        Free,
        Plain,
        "{\"level\":\"error\",\"msg\":\"request failed\\n{KEY}\\nretrying\"}",
    ),
    ctx("python-bytes", "log", Free, Plain, "DEBUG send: b'\\n{KEY}'"),
    ctx(
        "url-encoded",
        "log",
        Free,
        Plain,
        "GET /proxy?h=Authorization%3A%20Bearer%20{KEY}&u=1 HTTP/1.1",
    ),
    glued("glued-letter", Glue::AlphaNum, "openai.Inter{KEY}"),
    glued("glued-digit", Glue::AlphaNum, "trace id 2026{KEY}"),
    glued("glued-underscore", Glue::Underscore, "header_{KEY}"),
    glued("glued-dash", Glue::Dash, "x-key-{KEY}"),
    // Invisible characters.
    ctx("zwsp-inside", "invisible", Named, Inside(ZWSP), "export {NAME}={KEY}"),
    ctx("zwsp-before", "invisible", Named, Before(ZWSP), "export {NAME}={KEY}"),
    ctx("zwsp-inside-log", "invisible", Free, Inside(ZWSP), "401 Incorrect API key provided: {KEY}"),
    ctx("nbsp-before", "invisible", Named, Before("\u{a0}"), "{NAME}={KEY}"),
    ctx(
        "bom-before",
        "invisible",
        Named,
        Before("\u{feff}"),
        "{\"env\": {\"{NAME}\": \"{KEY}\"}}",
    ),
    ctx("ideographic-space-inside", "invisible", Named, Inside("\u{3000}"), "{NAME}=\"{KEY}\""),
    ctx("soft-hyphen-inside", "invisible", Named, Inside("\u{ad}"), "{NAME}={KEY}"),
    // Interrupted keys.
    ctx("cr-inside", "interrupted", Named, Inside("\r"), "{NAME}={KEY}"),
    // The same pasted into the page: a text box turns a lone CR into a line break.
    ctx("lf-inside", "interrupted", Named, Inside("\n"), "{NAME}={KEY}"),
    ctx("ansi-reset-inside", "interrupted", Free, Inside("\u{1b}[0m"), "[auth] sending \u{1b}[2m{KEY}"),
    ctx("invalid-byte-inside", "interrupted", Named, Inside("\u{fffd}"), "{NAME}={KEY}"),
    ctx("space-inside", "interrupted", Named, Inside(" "), "{NAME}=\"{KEY}\""),
    ctx("tab-inside", "interrupted", Named, Inside("\t"), "export {NAME}=\"{KEY}\""),
    // Split keys.
    ctx(
        "python-concat",
        "split",
        Named,
        Split,
        "client = OpenAI(\n    api_key=\"{A}\"\n            \"{B}\",\n    base_url=\"https://dashscope.aliyuncs.com/compatible-mode/v1\",\n)",
    ),
    ctx("json-raw-newline", "split", Named, Split, "{\"env\": {\"{NAME}\": \"{A}\n{B}\"}}"),
    ctx("line-continuation", "split", Named, Split, "export {NAME}={A}\\\n{B}"),
    // Truncated keys.
    ctx("truncated-setting", "truncated", Named, Truncated, "{NAME}={KEY}"),
    ctx("truncated-log", "truncated", Free, Truncated, "401 Unauthorized: key {KEY}... is invalid"),
    // Escapes.
    ctx("json-u-escaped", "escaped", Named, UEscape, "{\"env\": {\"{NAME}\": \"{KEY}\"}}"),
    ctx("json-u-escaped-log", "escaped", Free, UEscape, "{\"msg\": \"bad key {KEY}\"}"),
    // Keys in the wrong place.
    ctx(
        "model-field",
        "misplaced",
        Free,
        Plain,
        "{\"model\": \"{KEY}\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
    ),
    ctx("model-env", "misplaced", Free, Plain, "ANTHROPIC_MODEL={KEY}"),
    ctx(
        "codex-env-key",
        "misplaced",
        Free,
        Plain,
        "[model_providers.dashscope]\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1\"\nenv_key = \"{KEY}\"\nwire_api = \"chat\"",
    ),
    ctx(
        "object-key",
        "misplaced",
        Free,
        Plain,
        "{\"{KEY}\": {\"base_url\": \"https://api.deepseek.com/v1\", \"model\": \"deepseek-chat\"}}",
    ),
    ctx(
        "url-path",
        "misplaced",
        Free,
        Plain,
        "POST https://gateway.example.com/v1/{KEY}/chat/completions 401",
    ),
    ctx("getenv-literal", "misplaced", Free, Plain, "api_key = os.getenv(\"{KEY}\")"),
];

/// Error lines to diagnose alongside (the engine needs something to diagnose).
pub const ERRORS: &[&str] = &[
    "API Error: 401 invalid access token or token expired",
    "{\"code\":\"InvalidApiKey\",\"message\":\"Invalid API-key provided.\",\"request_id\":\"1b2c\"}",
    "Error code: 401 - {'error': {'message': 'Incorrect API key provided.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}",
    "404 status code (no body)",
    "API Error: 429 {\"error\":{\"message\":\"hour allocated quota exceeded\"}}",
    "API Error: 429 week allocated quota exceeded",
    "{\"statusCode\":400,\"message\":\"Access denied, please make sure your account is in good standing.\",\"code\":\"Arrearage\"}",
    "Error code: 404 - {'error': {'message': 'The model `qwen-max-latest` does not exist or you do not have access to it.', 'code': 'model_not_found'}}",
    "403 Forbidden: AccessDenied.Unpurchased",
    "Connection error: [Errno 111] Connection refused",
];

/// A context with a key in it: the text, and what may not appear in any output.
#[derive(Clone, Debug)]
pub struct Case {
    pub kind: String,
    pub context: &'static str,
    pub family: &'static str,
    /// The context's text with the key in it.
    pub text: String,
    /// An error line and the context: what is diagnosed.
    pub paste: String,
    /// The key that may not appear (only its start, for a truncated key).
    pub key: Key,
}

impl Case {
    /// The leak check for this case's key (see [`Secret::new`]).
    pub fn secret(&self, min_random: usize) -> Secret {
        Secret::new(&self.key, min_random)
    }
}

fn url_safe(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

impl Context {
    /// Whether keys of `key`'s kind belong in this context: free text needs a shape; a glued
    /// letter or digit needs an anchor the catalog finds glued (`glued = true`); a truncated
    /// key needs a shape masked when cut short (`truncated > 0`).
    pub fn fits(&self, key: &Key) -> bool {
        let anchored = key.shape.is_some_and(|s| !s.anchor.is_empty());
        let holder = match self.holder {
            Holder::Named => true,
            Holder::Free => key.shape.is_some(),
            Holder::Userinfo => url_safe(&key.text),
        };
        let glue = match self.glue {
            Glue::None | Glue::Dash => true,
            Glue::AlphaNum => anchored && key.shape.is_some_and(|s| s.glued),
            Glue::Underscore => anchored,
        };
        let form = match self.form {
            Form::Truncated => key.shape.is_none_or(|s| s.truncated > 0),
            _ => true,
        };
        holder && glue && form
    }

    /// This context with `key` in it, or `None` when the key does not fit it.
    pub fn render(&self, key: &Key, rng: &mut Rng) -> Option<Case> {
        self.render_with(key, &mut |n| rng.below(n))
    }

    /// [`Context::render`] with its choices made by `pick` (a number below its argument): how
    /// much of its body a truncated key keeps, then the error line.
    pub fn render_with(&self, key: &Key, pick: &mut dyn FnMut(usize) -> usize) -> Option<Case> {
        if !self.fits(key) {
            return None;
        }
        let k = &key.text;
        // The middle of the body, where a context puts what interrupts or splits a key.
        let mid = key.anchor_len + (k.len() - key.anchor_len) / 2;
        let mut secret_key = key.clone();
        let mut text = self
            .template
            .replace("{NAME}", &key.name)
            .replace("{name}", &key.name.to_ascii_lowercase());
        match self.form {
            Form::Plain => text = text.replace("{KEY}", k),
            Form::Inside(s) => {
                text = text.replace("{KEY}", &format!("{}{s}{}", &k[..mid], &k[mid..]))
            }
            Form::Before(s) => text = text.replace("{KEY}", &format!("{s}{k}")),
            Form::Split => text = text.replace("{A}", &k[..mid]).replace("{B}", &k[mid..]),
            Form::Truncated => {
                let body = k.len() - key.anchor_len;
                let lo = key.shape.map_or(10, |s| s.truncated.max(10));
                let hi = 16.min(body.saturating_sub(1));
                if lo > hi {
                    return None;
                }
                let n = lo + pick(hi - lo + 1);
                let cut = key.anchor_len + n;
                secret_key.text.truncate(cut);
                secret_key.random.truncate(cut);
                text = text.replace("{KEY}", &secret_key.text);
            }
            Form::UEscape => {
                let esc: String = k.bytes().map(|b| format!("\\u{b:04x}")).collect();
                text = text.replace("{KEY}", &esc);
            }
        }
        let err = ERRORS[pick(ERRORS.len())];
        let paste = format!("2026-11-22 10:30:01 ERROR {err}\n{text}\n");
        Some(Case {
            kind: key.kind.clone(),
            context: self.id,
            family: self.family,
            text,
            paste,
            key: secret_key,
        })
    }
}

/// Every (kind, context) pair that fits, kind by kind, each with a fresh key from `rng`; and
/// how many pairs do not fit.
pub fn cases(rng: &mut Rng) -> (Vec<Case>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    for kind in kinds() {
        for c in CONTEXTS {
            let key = kind.make(rng);
            match c.render(&key, rng) {
                Some(case) => out.push(case),
                None => skipped += 1,
            }
        }
    }
    (out, skipped)
}

/// What may not appear in an output: the key (ASCII case ignored), and every 8 bytes in a row
/// of its hidden middle that hold at least `min_random` random bytes.
#[derive(Clone, Debug)]
pub struct Secret {
    pub key: String,
    lower: Vec<u8>,
    windows: Vec<[u8; 8]>,
    /// Two-byte starts of the windows, for a quick pass over long outputs.
    starts: Vec<bool>,
}

impl Secret {
    pub fn new(key: &Key, min_random: usize) -> Secret {
        let b = key.text.as_bytes();
        let (from, to) = (key.anchor_len, b.len().saturating_sub(4));
        let mut windows: Vec<[u8; 8]> = Vec::new();
        let mut i = from;
        while i + 8 <= to {
            if key.random[i..i + 8].iter().filter(|r| **r).count() >= min_random {
                let mut w = [0u8; 8];
                w.copy_from_slice(&b[i..i + 8]);
                w.make_ascii_lowercase();
                windows.push(w);
            }
            i += 1;
        }
        windows.sort_unstable();
        windows.dedup();
        let mut starts = vec![false; 1 << 16];
        for w in &windows {
            starts[usize::from(w[0]) << 8 | usize::from(w[1])] = true;
        }
        Secret {
            key: key.text.clone(),
            lower: key.text.to_ascii_lowercase().into_bytes(),
            windows,
            starts,
        }
    }

    /// Where in `out` (a byte offset and length) the key or a window of it stands.
    fn find_raw(&self, out: &[u8]) -> Option<(usize, usize)> {
        let lower = out.to_ascii_lowercase();
        if !self.lower.is_empty() {
            if let Some(i) = lower
                .windows(self.lower.len())
                .position(|w| w == self.lower.as_slice())
            {
                return Some((i, self.lower.len()));
            }
        }
        if self.windows.is_empty() || lower.len() < 8 {
            return None;
        }
        for i in 0..=lower.len() - 8 {
            if self.starts[usize::from(lower[i]) << 8 | usize::from(lower[i + 1])]
                && self
                    .windows
                    .binary_search_by(|w| w[..].cmp(&lower[i..i + 8]))
                    .is_ok()
            {
                return Some((i, 8));
            }
        }
        None
    }

    /// An excerpt of `output` around the key or a piece of it, if there is one: in `output`
    /// itself, or once escapes are decoded and what can hide a key inside it is taken out
    /// ([`decoded`]).
    /// The windows checked, as text (the browser suite checks them in the page).
    pub fn windows(&self) -> Vec<String> {
        self.windows
            .iter()
            .map(|w| String::from_utf8_lossy(w).into_owned())
            .collect()
    }

    pub fn find(&self, output: &str) -> Option<String> {
        if let Some((i, n)) = self.find_raw(output.as_bytes()) {
            return Some(excerpt(output, i, n));
        }
        let d = decoded(output);
        self.find_raw(d.as_bytes())
            .map(|(i, n)| format!("(decoded) {}", excerpt(&d, i, n)))
    }
}

/// `text` around bytes `i..i+n`, 50 bytes either side, control and invisible characters shown
/// as escapes.
pub fn excerpt(text: &str, i: usize, n: usize) -> String {
    let (mut from, mut to) = (i.saturating_sub(50), (i + n + 50).min(text.len()));
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let mut s = String::new();
    for c in text[from..to].chars() {
        match c {
            '\n' => s.push_str("\\n"),
            '\u{20}'..='\u{7e}' => s.push(c),
            c if c.is_control() || INVISIBLE.contains(&c) => {
                s.push_str(&format!("\\u{{{:x}}}", u32::from(c)))
            }
            c => s.push(c),
        }
    }
    format!("…{s}…")
}

/// Characters that hide inside a key: invisible, spaces, U+FFFD.
pub const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{a0}', '\u{3000}',
    '\u{fffd}', '\r', '\t', ' ',
];

/// `s` with `\uXXXX`, `\u{X…}` and `\xXX` escapes (any number of backslashes before them) and
/// `%XX` decoded, and
/// ANSI sequences, invisible characters, spaces and tabs (raw or as `\r` `\t` escapes) taken
/// out: a key written escaped or interrupted reads whole again.
pub fn decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |x: &[u8]| -> Option<u32> {
        std::str::from_utf8(x)
            .ok()
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    while i < b.len() {
        match b[i] {
            b'\\' => {
                let mut j = i;
                while j < b.len() && b[j] == b'\\' {
                    j += 1;
                }
                // `\u{200b}`, `\x1b`: how a terminal-safe output shows what it escaped.
                if b.get(j) == Some(&b'u') && b.get(j + 1) == Some(&b'{') {
                    if let Some(k) = b[j + 2..].iter().take(7).position(|&c| c == b'}') {
                        if let Some(c) = hex(&b[j + 2..j + 2 + k]).and_then(char::from_u32) {
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            i = j + 3 + k;
                            continue;
                        }
                    }
                }
                if b.get(j) == Some(&b'x') && j + 3 <= b.len() {
                    if let Some(c) = hex(&b[j + 1..j + 3]).and_then(char::from_u32) {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        i = j + 3;
                        continue;
                    }
                }
                if b.get(j) == Some(&b'u') && j + 5 <= b.len() {
                    if let Some(c) = hex(&b[j + 1..j + 5]).and_then(char::from_u32) {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        i = j + 5;
                        continue;
                    }
                }
                if matches!(b.get(j), Some(b'r' | b't')) {
                    i = j + 1;
                    continue;
                }
                out.extend_from_slice(&b[i..j]);
                i = j;
            }
            b'%' if i + 3 <= b.len() => match hex(&b[i + 1..i + 3]) {
                Some(v) if (0x21..0x7f).contains(&v) => {
                    out.push(v as u8);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    let s = String::from_utf8_lossy(&out);
    let mut clean = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\u{1b}' {
            // ESC [ params final
            if it.peek() == Some(&'[') {
                it.next();
                for c in it.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        if !INVISIBLE.contains(&c) {
            clean.push(c);
        }
    }
    clean
}

/// Command-injection strings a paste may carry in a base URL, a model name or a variable name.
pub const INJECTIONS: &[&str] = &[
    "$(touch${IFS}pwned)",
    "`touch pwned`",
    ";touch pwned;",
    "|touch pwned",
    "&&touch pwned",
    "\";touch pwned;\"",
    "';touch pwned;'",
    // A newline once the JSON, TOML or YAML string is read.
    "\\ntouch pwned\\n",
];

/// Where an injection string stands: `{P}` is the string, `{KEY}` a fresh key. Each sits in a
/// block the engine corrects (a base path it fixes, a key of the wrong plan), so the corrected
/// block and its verify command are built from the same settings.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    pub id: &'static str,
    /// `base-url`, `model` or `variable`.
    pub field: &'static str,
    pub template: &'static str,
}

pub const PLACEMENTS: &[Placement] = &[
    Placement {
        id: "env-anthropic-base-query",
        field: "base-url",
        template: "export ANTHROPIC_BASE_URL=\"https://dashscope.aliyuncs.com/apps/anthropic?x={P}\"\nexport ANTHROPIC_AUTH_TOKEN={KEY}\nexport ANTHROPIC_MODEL=qwen3-coder-plus",
    },
    Placement {
        id: "env-base-query-key-space",
        field: "base-url",
        template: "export OPENAI_BASE_URL=\"https://dashscope.aliyuncs.com/compatible-mode/v1?x={P}\"\nexport OPENAI_API_KEY=\" {KEY}\"",
    },
    Placement {
        id: "claude-settings-base-query-key-space",
        field: "base-url",
        template: "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic?x={P}\",\n    \"ANTHROPIC_AUTH_TOKEN\": \" {KEY}\"\n  }\n}",
    },
    Placement {
        id: "codex-base-query-key-space",
        field: "base-url",
        template: "[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/compatible-mode/v1?x={P}\"\nexperimental_bearer_token = \" {KEY}\"\nwire_api = \"chat\"",
    },
    Placement {
        id: "env-model-key-space",
        field: "model",
        template: "export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1\nexport OPENAI_API_KEY=\" {KEY}\"\nexport OPENAI_MODEL=\"qwen-plus{P}\"",
    },
    Placement {
        id: "env-openai-base-path",
        field: "base-url",
        template: "export OPENAI_BASE_URL=\"https://dashscope.aliyuncs.com/api/v1/{P}\"\nexport OPENAI_API_KEY={KEY}",
    },
    Placement {
        id: "env-openai-base-query",
        field: "base-url",
        template: "OPENAI_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions?x={P}\nOPENAI_API_KEY={KEY}",
    },
    Placement {
        id: "powershell-base",
        field: "base-url",
        template: "$env:OPENAI_BASE_URL=\"https://dashscope.aliyuncs.com/api/v1?x={P}\"\n$env:OPENAI_API_KEY=\"{KEY}\"",
    },
    Placement {
        id: "claude-settings-base",
        field: "base-url",
        template: "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic/v1?x={P}\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\"\n  }\n}",
    },
    Placement {
        id: "codex-toml-base",
        field: "base-url",
        template: "[model_providers.bailian]\nname = \"Bailian\"\nbase_url = \"https://dashscope.aliyuncs.com/api/v1?x={P}\"\nenv_key = \"DASHSCOPE_API_KEY\"\nwire_api = \"chat\"",
    },
    Placement {
        id: "python-base",
        field: "base-url",
        template: "client = OpenAI(api_key=\"{KEY}\", base_url=\"https://dashscope.aliyuncs.com/api/v1?x={P}\")",
    },
    Placement {
        id: "curl-url",
        field: "base-url",
        template: "curl \"https://dashscope.aliyuncs.com/api/v1/chat/completions?x={P}\" -H \"Authorization: Bearer {KEY}\" -d '{\"model\": \"qwen-plus\"}'",
    },
    Placement {
        id: "yaml-base",
        field: "base-url",
        template: "models:\n  - name: qwen\n    provider: openai\n    apiKey: {KEY}\n    apiBase: https://dashscope.aliyuncs.com/api/v1?x={P}",
    },
    Placement {
        id: "env-model",
        field: "model",
        template: "export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nexport OPENAI_API_KEY={KEY}\nexport OPENAI_MODEL=\"qwen-plus{P}\"",
    },
    Placement {
        id: "claude-settings-model",
        field: "model",
        template: "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic/v1\",\n    \"ANTHROPIC_AUTH_TOKEN\": \"{KEY}\",\n    \"ANTHROPIC_MODEL\": \"qwen3-coder-plus{P}\"\n  }\n}",
    },
    Placement {
        id: "codex-toml-model",
        field: "model",
        template: "model = \"qwen3-coder-plus{P}\"\nmodel_provider = \"bailian\"\n\n[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/api/v1\"\nenv_key = \"DASHSCOPE_API_KEY\"",
    },
    Placement {
        id: "request-body-model",
        field: "model",
        template: "curl https://dashscope.aliyuncs.com/api/v1/chat/completions -H \"Authorization: Bearer {KEY}\" -d '{\"model\": \"qwen-plus{P}\", \"messages\": []}'",
    },
    Placement {
        id: "codex-toml-env-key",
        field: "variable",
        template: "[model_providers.bailian]\nbase_url = \"https://dashscope.aliyuncs.com/api/v1\"\nenv_key = \"DASHSCOPE_API_KEY{P}\"\nwire_api = \"chat\"",
    },
    Placement {
        id: "export-name",
        field: "variable",
        template: "export OPENAI_BASE_URL=https://dashscope.aliyuncs.com/api/v1\nexport OPENAI_API_KEY{P}={KEY}",
    },
    Placement {
        id: "claude-settings-name",
        field: "variable",
        template: "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://dashscope.aliyuncs.com/apps/anthropic/v1\",\n    \"ANTHROPIC_AUTH_TOKEN{P}\": \"{KEY}\"\n  }\n}",
    },
];

/// The injection cases: every string in every placement, after an error line, with a fresh
/// general key: (placement, injection string, paste).
pub fn injection_cases(
    rng: &mut Rng,
    payloads: &[&'static str],
) -> Vec<(Placement, &'static str, String)> {
    let general = injection_key_shape();
    let mut out = Vec::new();
    for p in PLACEMENTS {
        for &s in payloads {
            let key = general.example(&mut |n| rng.below(n));
            let err = rng.pick(INJECTION_ERRORS);
            out.push((*p, s, p.paste(s, &key, err)));
        }
    }
    out
}

/// The shape of the keys in injection cases: a general key.
pub fn injection_key_shape() -> &'static Shape {
    shape("sk-generic")
}

/// The error lines injection cases start with.
pub const INJECTION_ERRORS: &[&str] = &[ERRORS[0], ERRORS[1], ERRORS[2], ERRORS[3]];

impl Placement {
    /// The paste of an injection case: `err`, then the placement with `payload` and `key` in it.
    pub fn paste(&self, payload: &str, key: &str, err: &str) -> String {
        let text = self.template.replace("{P}", payload).replace("{KEY}", key);
        format!("{err}\n{text}\n")
    }
}

/// What in `cmd` (one shell command or line) a shell would run beyond the command itself:
/// `$(` or a backtick outside single quotes, `;` `|` `&` or a line break outside any quotes,
/// a quote left open. POSIX rules (`\` escapes outside single quotes, `#` starts a comment at
/// a word's start); PowerShell's `$(` in double quotes is caught the same way.
pub fn shell_dangers(cmd: &str) -> Vec<String> {
    #[derive(PartialEq)]
    enum Q {
        No,
        Single,
        Double,
    }
    let mut q = Q::No;
    let mut found = Vec::new();
    let b: Vec<char> = cmd.chars().collect();
    let mut i = 0;
    let mut word_start = true;
    while i < b.len() {
        let c = b[i];
        match q {
            Q::Single => {
                if c == '\'' {
                    q = Q::No;
                }
            }
            Q::Double => match c {
                '"' => q = Q::No,
                '\\' => i += 1,
                '`' => found.push("` inside double quotes".to_string()),
                '$' if b.get(i + 1) == Some(&'(') => found.push("$( inside double quotes".into()),
                _ => {}
            },
            Q::No => match c {
                '\'' => q = Q::Single,
                '"' => q = Q::Double,
                '\\' => i += 1,
                '#' if word_start => break,
                '`' => found.push("` unquoted".into()),
                '$' if b.get(i + 1) == Some(&'(') => found.push("$( unquoted".into()),
                ';' | '|' | '&' => found.push(format!("{c} unquoted")),
                '\n' => found.push("line break unquoted".into()),
                _ => {}
            },
        }
        word_start = q == Q::No && b.get(i).is_some_and(|c| c.is_whitespace());
        i += 1;
    }
    match q {
        Q::No => {}
        Q::Single => found.push("a single quote left open".into()),
        Q::Double => found.push("a double quote left open".into()),
    }
    found
}

/// The shell commands in an output's text: from each `curl ` to the end of its line (a `\`
/// at a line's end continues it).
pub fn curl_commands(text: &str) -> Vec<String> {
    let joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
    let mut out = Vec::new();
    for line in joined.lines() {
        if let Some(i) = line.find("curl ") {
            out.push(line[i..].to_string());
        }
    }
    out
}

/// Every string of a JSON value (object member names too), with its path.
pub fn json_strings(v: &serde_json::Value, path: &mut String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path.clone(), s.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let n = path.len();
                path.push_str(&format!("[{i}]"));
                json_strings(x, path, out);
                path.truncate(n);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                let n = path.len();
                path.push('.');
                path.push_str(k);
                out.push((format!("{path} (member name)"), k.clone()));
                json_strings(x, path, out);
                path.truncate(n);
            }
        }
        _ => {}
    }
}

/// A leak the suite found: which case, which output, an excerpt, the paste.
pub struct Leak {
    pub kind: String,
    pub context: &'static str,
    pub family: &'static str,
    pub output: String,
    pub output_name: &'static str,
    pub excerpt: String,
    pub paste: String,
}

/// Every leak, grouped by context and by output, with the shortest failing paste of each
/// context first: what a failing run prints.
pub fn summary(leaks: &[Leak], cases: usize, checks: usize, skipped: usize) -> String {
    let mut by_context: BTreeMap<(&str, &str), (usize, Vec<&str>)> = BTreeMap::new();
    let mut by_output: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cases_failing = std::collections::BTreeSet::new();
    for l in leaks {
        let e = by_context.entry((l.family, l.context)).or_default();
        e.0 += 1;
        if !e.1.contains(&l.kind.as_str()) {
            e.1.push(&l.kind);
        }
        *by_output.entry(l.output_name).or_default() += 1;
        cases_failing.insert((l.kind.as_str(), l.context));
    }
    let mut s = format!(
        "{} leaks in {} of {cases} cases ({checks} checks; {skipped} kind × context pairs do not fit)\n\nby context (family/context: leaks, kinds):\n",
        leaks.len(),
        cases_failing.len()
    );
    for ((f, c), (n, kinds)) in &by_context {
        s.push_str(&format!("  {f}/{c}: {n} [{}]\n", kinds.join(", ")));
    }
    s.push_str("\nby output:\n");
    for (o, n) in &by_output {
        s.push_str(&format!("  {o}: {n}\n"));
    }
    s.push_str("\nshortest failing paste per context:\n");
    let mut shortest: BTreeMap<&str, &Leak> = BTreeMap::new();
    for l in leaks {
        let e = shortest.entry(l.context).or_insert(l);
        if l.paste.len() < e.paste.len() {
            *e = l;
        }
    }
    for (c, l) in &shortest {
        s.push_str(&format!("  {c} ({}): {:?}\n", l.kind, l.paste));
    }
    s.push_str("\nevery leak (kind / context / output: excerpt):\n");
    for l in leaks {
        s.push_str(&format!(
            "  {} / {} / {}: {}\n",
            l.kind, l.context, l.output, l.excerpt
        ));
    }
    s
}

/// The shell commands and shell lines of a report: verify commands, and each line of corrected
/// blocks in env and curl format (text and the diff's `+` lines).
pub fn report_commands(json: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut all = Vec::new();
    json_strings(json, &mut String::new(), &mut all);
    for (path, s) in &all {
        if path.ends_with(".verify") {
            for c in curl_commands(s) {
                out.push((path.clone(), c));
            }
        }
    }
    for (i, c) in json["corrected"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let format = c["format"].as_str().unwrap_or("");
        if !matches!(format, "env" | "curl") {
            continue;
        }
        let text = c["text"].as_str().unwrap_or("");
        let diff: String = c["diff"]
            .as_str()
            .unwrap_or("")
            .lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .map(|l| format!("{}\n", &l[1..]))
            .collect();
        for (what, t) in [("text", text), ("diff", diff.as_str())] {
            let t = t.replace("\\\r\n", " ").replace("\\\n", " ");
            for line in t.lines().filter(|l| !l.trim().is_empty()) {
                out.push((
                    format!(".corrected[{i}].{what} ({format})"),
                    line.to_string(),
                ));
            }
        }
    }
    out
}
