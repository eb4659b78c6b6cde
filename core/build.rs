//! Compiles `rules/*.toml` into Rust statics and validates them on the way: a bad regex, a
//! duplicate id, an unknown category, a missing translation or a rule without samples stops
//! the build with a message naming the file and the rule. Samples are run by `cargo test`
//! against the real engine (core/src/rules.rs, tests module).

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The limits every regex is compiled with at run time (core/src/regex_limits.rs), and the
// engines they are compiled for (core/src/re.rs): a pattern compiles here as it will there.
// The build compiles rule patterns only: the library's other constructors go unused here.
#[allow(dead_code)]
mod regex_limits {
    include!("src/regex_limits.rs");
}
use regex_limits::bounded_rule_regex;
#[allow(dead_code)]
#[path = "src/re.rs"]
mod re;

#[path = "build/dictionary.rs"]
mod dictionary;
#[path = "build/keywords.rs"]
mod keywords;
#[path = "build/marks.rs"]
mod marks;
#[path = "build/messages.rs"]
mod messages;
#[path = "build/secrets.rs"]
mod secrets;

const CATEGORIES: &[&str] = &[
    "auth",
    "permission",
    "balance",
    "quota",
    "rate_limit",
    "base_url",
    "model",
    "context_length",
    "parameter",
    "content_policy",
    "timeout",
    "network",
    "server",
    "plan_restriction",
    "client_config",
];
const SEVERITIES: &[&str] = &["error", "warning", "info"];
const RESETS: &[&str] = &["hour", "week", "month"];
const FACT_KINDS: &[&str] = &[
    "hostnear", "status", "provider", "plan", "region", "tool", "key", "host", "protocol",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    category: String,
    severity: String,
    #[serde(default = "default_specificity")]
    specificity: u8,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    when_any: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    supersedes: Vec<String>,
    #[serde(default)]
    reset: Option<String>,
    #[serde(default)]
    check: Option<String>,
    /// A config check whose finding no edit can fix (the user must supply what the paste
    /// cannot hold: the real key, another provider): its steps say so. Every other check rule
    /// gives a fix on one of its samples (core/tests/fix_coverage.rs).
    #[serde(default)]
    no_fix: bool,
    /// A general finding for an error signal, kept only when nothing else explains the paste.
    #[serde(default)]
    fallback: bool,
    /// The provider can queue a throttled request instead of refusing it: the retry advice
    /// adds its queue header (DashScope's `X-DashScope-Wait-Timeout`).
    #[serde(default)]
    retry_queue: bool,
    /// `high`, `medium`, `low`; by default `low` for fallbacks, `medium` under specificity 40,
    /// `high` otherwise.
    #[serde(default)]
    confidence: Option<String>,
    /// A differential hypothesis: no patterns of its own; it joins a report whose first finding
    /// has one of these categories (core/src/findings.rs, `differential`).
    #[serde(default)]
    follows: Vec<String>,
    sources: Vec<String>,
    en: Text,
    zh: Text,
    #[serde(default)]
    sample: Vec<Sample>,
}

fn default_specificity() -> u8 {
    50
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    title: String,
    explanation: String,
    steps: Vec<String>,
    verify: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    text: String,
    expect: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    host: Vec<Host>,
    model: Vec<Model>,
    /// Named pattern fragments (`[fragment]`): a rule pattern writes `{name:arg}` and gets the
    /// fragment with its `{arg}` replaced ([`expand`]).
    #[serde(default)]
    fragment: BTreeMap<String, String>,
    tool: Vec<ToolMarkers>,
    protocol: Vec<Protocol>,
    settings: SettingNames,
}

/// Setting names the config checks read (lowercase).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingNames {
    anthropic_base_url: Vec<String>,
    base_url: Vec<String>,
    api_key: Vec<String>,
}

/// A client tool and the literal markers that name it in a paste.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToolMarkers {
    id: String,
    markers: Vec<String>,
}

/// A protocol and the endpoint paths that speak it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Protocol {
    name: String,
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    ends_with: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Model {
    name: String,
    plans: Vec<String>,
    #[serde(default)]
    context: u32,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Host {
    host: String,
    provider: String,
    #[serde(default)]
    plan: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    openai_path: String,
    #[serde(default)]
    anthropic_path: String,
    source: String,
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => fail(&format!("cannot read {}: {e}", dir.display())),
    };
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();

    let mut rules: Vec<(String, Rule)> = Vec::new();
    let mut catalog: Option<Catalog> = None;
    let mut secrets_src: Option<String> = None;
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!(
            "rules/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        let src = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
        if name == "rules/secrets.toml" {
            secrets_src = Some(src);
            continue;
        }
        if name == "rules/catalog.toml" {
            catalog = Some(toml::from_str(&src).unwrap_or_else(|e| fail(&format!("{name}: {e}"))));
            continue;
        }
        let file: RuleFile = toml::from_str(&src).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
        for r in file.rule {
            rules.push((name.clone(), r));
        }
    }

    let fragments = catalog
        .as_ref()
        .map(|c| c.fragment.clone())
        .unwrap_or_default();
    for (file, r) in &mut rules {
        for p in &mut r.patterns {
            *p = expand(p, &fragments)
                .unwrap_or_else(|e| fail(&format!("{file}: rule `{}`: {e}", r.id)));
        }
    }

    let mut errors = Vec::new();
    let mut ids = BTreeSet::new();
    for (file, r) in &rules {
        validate(file, r, &mut ids, &mut errors);
    }
    let all_ids: BTreeSet<&str> = rules.iter().map(|(_, r)| r.id.as_str()).collect();
    for (file, r) in &rules {
        for s in &r.supersedes {
            if !all_ids.contains(s.as_str()) {
                errors.push(format!(
                    "{file}: rule `{}`: supersedes unknown rule `{s}`",
                    r.id
                ));
            }
        }
    }
    let catalog = catalog.unwrap_or_else(|| fail("rules/catalog.toml is missing"));
    for h in &catalog.host {
        if h.host != h.host.to_ascii_lowercase() || h.host.is_empty() {
            errors.push(format!(
                "rules/catalog.toml: host `{}` must be lowercase",
                h.host
            ));
        }
        if h.source.is_empty() {
            errors.push(format!(
                "rules/catalog.toml: host `{}` needs a source",
                h.host
            ));
        }
    }
    let mut names = BTreeSet::new();
    for m in &catalog.model {
        if !names.insert(m.name.clone()) || m.source.is_empty() || m.plans.is_empty() {
            errors.push(format!(
                "rules/catalog.toml: model `{}` is duplicated or lacks plans/source",
                m.name
            ));
        }
    }
    for t in &catalog.tool {
        if t.markers.is_empty()
            || t.markers
                .iter()
                .any(|m| m.is_empty() || *m != m.to_ascii_lowercase())
        {
            errors.push(format!(
                "rules/catalog.toml: tool `{}` needs markers, each non-empty and lowercase (text is matched ASCII-lowercased)",
                t.id
            ));
        }
    }
    for p in &catalog.protocol {
        if p.contains.is_empty() && p.ends_with.is_empty() {
            errors.push(format!(
                "rules/catalog.toml: protocol `{}` needs `contains` or `ends_with` paths",
                p.name
            ));
        }
    }
    if !errors.is_empty() {
        fail(&errors.join("\n"));
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR unset")));
    let table = gen_rules_table(&rules);
    if let Some(c) = table.chars().find(|&c| dictionary::reserved(c)) {
        fail(&format!(
            "a rule holds the control character U+{:04X}, which the coded rule table reserves",
            c as u32
        ));
    }
    let (words, coded) = dictionary::code(&table);
    write(&out.join("rules.txt"), &coded);
    write(&out.join("rules_dict.txt"), &words.join("\u{1f}"));
    write(&out.join("rules_ref.rs"), &gen_rules(&rules));
    write(&out.join("texts_en.txt"), &gen_texts(&rules, |r| &r.en));
    write(&out.join("texts_zh.txt"), &gen_texts(&rules, |r| &r.zh));
    write(&out.join("samples_gen.rs"), &gen_samples(&rules));
    write(&out.join("catalog_gen.rs"), &gen_catalog(&catalog));
    let tables: Vec<_> = messages::LANGS
        .iter()
        .map(|lang| {
            let path = dir.join("messages").join(format!("{lang}.toml"));
            println!("cargo:rerun-if-changed={}", path.display());
            let name = format!("rules/messages/{lang}.toml");
            let src =
                std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
            messages::parse(&name, &src).unwrap_or_else(|e| fail(&e))
        })
        .collect();
    let compiled = messages::compile(&tables).unwrap_or_else(|e| fail(&e));
    write(&out.join("messages_gen.rs"), &compiled.code);
    for (lang, text) in &compiled.texts {
        write(&out.join(format!("messages_{lang}.txt")), text);
    }
    let secrets_src = secrets_src.unwrap_or_else(|| fail("rules/secrets.toml is missing"));
    write(
        &out.join("secrets_gen.rs"),
        &secrets::generate(&secrets_src).unwrap_or_else(|e| fail(&e)),
    );
}

fn validate(file: &str, r: &Rule, ids: &mut BTreeSet<String>, errors: &mut Vec<String>) {
    let mut err = |m: String| errors.push(format!("{file}: rule `{}`: {m}", r.id));
    let id_ok = !r.id.is_empty()
        && r.id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !r.id.starts_with('-')
        && !r.id.ends_with('-');
    if !id_ok {
        err("id must be kebab-case (a-z, 0-9, -)".into());
    }
    if !ids.insert(r.id.clone()) {
        err("duplicate id".into());
    }
    if !CATEGORIES.contains(&r.category.as_str()) {
        err(format!(
            "unknown category `{}`; expected one of {}",
            r.category,
            CATEGORIES.join(", ")
        ));
    }
    if !SEVERITIES.contains(&r.severity.as_str()) {
        err(format!(
            "unknown severity `{}`; expected one of {}",
            r.severity,
            SEVERITIES.join(", ")
        ));
    }
    if let Some(c) = &r.confidence {
        if !["high", "medium", "low"].contains(&c.as_str()) {
            err(format!(
                "unknown confidence `{c}`; expected high, medium or low"
            ));
        }
    }
    if let Some(reset) = &r.reset {
        if !RESETS.contains(&reset.as_str()) {
            err(format!(
                "unknown reset `{reset}`; expected one of {}",
                RESETS.join(", ")
            ));
        }
    }
    if r.specificity > 100 {
        err("specificity must be 0..=100".into());
    }
    if r.keywords.is_empty() && r.check.is_none() && r.follows.is_empty() {
        err(
            "needs at least one keyword (the prefilter finds candidate lines by them), a check or `follows`"
                .into(),
        );
    }
    if !r.follows.is_empty() {
        if r.check.is_some() || r.fallback || !r.supersedes.is_empty() {
            err("a rule with `follows` has no check, fallback or supersedes: it only joins another finding".into());
        }
        // Without patterns, a hypothesis; with them, the user's own words that point past the
        // first finding (`the key works in curl`): it leads that finding.
        let (severity, confidence) = if r.patterns.is_empty() {
            ("warning", "low")
        } else {
            ("error", "medium")
        };
        if r.severity != severity || r.confidence.as_deref() != Some(confidence) {
            err("a rule with `follows` is a hypothesis (severity `warning`, confidence `low`), or with patterns a lead (`error`, `medium`)".into());
        }
        for c in &r.follows {
            if !CATEGORIES.contains(&c.as_str()) || *c == r.category {
                err(format!(
                    "`follows` names `{c}`: a category other than the rule's own"
                ));
            }
        }
    }
    if r.no_fix && r.check.is_none() {
        err("`no_fix` belongs to a rule with a `check`".into());
    }
    if r.keywords.is_empty() != r.patterns.is_empty() {
        err("keywords and patterns go together (both or neither)".into());
    }
    for k in &r.keywords {
        if k.trim().is_empty() || *k != k.to_ascii_lowercase() || k.contains('\n') {
            err(format!("keyword `{k}` must be non-empty, one line and lowercase (text is matched ASCII-lowercased)"));
        }
    }
    for (i, p) in r.patterns.iter().enumerate() {
        if let Err(e) = bounded_rule_regex(p) {
            err(format!("pattern {} `{p}` does not compile (a byte regex without Unicode mode: use [0-9], [ \\t], \\b; no non-ASCII character inside a class):\n{e}", i + 1));
        }
        if has_uppercase_literal(p) {
            err(format!(
                "pattern {} `{p}` has an uppercase letter; text is matched ASCII-lowercased",
                i + 1
            ));
        }
    }
    for f in r.when.iter().chain(&r.when_any).chain(&r.unless) {
        let kind = f.split(':').next().unwrap_or("");
        if !f.contains(':') || !FACT_KINDS.contains(&kind) {
            err(format!(
                "fact `{f}` must be kind:value with kind one of {}",
                FACT_KINDS.join(", ")
            ));
        }
    }
    for (lang, t) in [("en", &r.en), ("zh", &r.zh)] {
        if t.title.trim().is_empty()
            || t.explanation.trim().is_empty()
            || t.verify.trim().is_empty()
        {
            err(format!("[rule.{lang}] needs title, explanation and verify"));
        }
        if t.steps.is_empty() || t.steps.iter().any(|s| s.trim().is_empty()) {
            err(format!("[rule.{lang}] needs at least one non-empty step"));
        }
    }
    if r.sources.is_empty() {
        err("needs at least one source".into());
    }
    if !r.sample.iter().any(|s| s.expect) || !r.sample.iter().any(|s| !s.expect) {
        err(
            "needs at least one positive (expect = true) and one negative (expect = false) sample"
                .into(),
        );
    }
}

/// Uppercase letters outside escapes like `\S`, `\B`, `\P{..}` and outside `(?-u:..)` flags.
fn has_uppercase_literal(p: &str) -> bool {
    let mut prev_backslash = false;
    for c in p.chars() {
        if prev_backslash {
            prev_backslash = false;
            continue;
        }
        if c == '\\' {
            prev_backslash = true;
            continue;
        }
        if c.is_ascii_uppercase() {
            return true;
        }
    }
    false
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// Categories as `Category` variants, for the reference statics.
fn category_list(v: &[String]) -> String {
    let items: Vec<String> = v
        .iter()
        .map(|c| format!("Category::{},", camel(c)))
        .collect();
    format!("&[{}]", items.concat())
}

/// Preconditions as `Fact` constructors (core/src/precondition.rs), for the reference statics:
/// a tool or key kind that names no variant fails to compile in core's tests.
fn fact_list(v: &[String]) -> String {
    let mut s = String::from("&[");
    for x in v {
        let (kind, value) = x.split_once(':').unwrap_or((x.as_str(), ""));
        let variant = camel(value);
        let _ = match kind {
            "status" => write!(s, "Fact::Status({value}),"),
            "tool" => write!(s, "Fact::Tool(crate::tool::Tool::{variant}),"),
            "key" => write!(s, "Fact::Key(crate::secrets::KeyKind::{variant}),"),
            "provider" => write!(s, "Fact::Provider({}),", lit(value)),
            "plan" => write!(s, "Fact::Plan({}),", lit(value)),
            "region" => write!(s, "Fact::Region({}),", lit(value)),
            "host" => write!(s, "Fact::Host({}),", lit(value)),
            "hostnear" => write!(s, "Fact::HostNear({}),", lit(value)),
            _ => write!(s, "Fact::Protocol({}),", lit(value)),
        };
    }
    s.push(']');
    s
}

fn list(v: &[String]) -> String {
    let mut s = String::from("&[");
    for x in v {
        let _ = write!(s, "{},", lit(x));
    }
    s.push(']');
    s
}

/// One language's rule texts, one line per rule in `RULES` order (core/src/texts.rs reads it):
/// `id TAB title TAB explanation TAB verify TAB sources TAB step TAB step ...`, the sources
/// joined by U+001F. Sources travel with the words, not in the engine: the page fetches them
/// with a rule's words instead of carrying every rule's in its first load.
fn gen_texts(rules: &[(String, Rule)], pick: fn(&Rule) -> &Text) -> String {
    let mut s = String::new();
    for (file, r) in rules {
        let t = pick(r);
        let sources = r.sources.join("\u{1f}");
        let fields = [&r.id, &t.title, &t.explanation, &t.verify, &sources]
            .into_iter()
            .chain(&t.steps);
        for (i, f) in fields.enumerate() {
            if f.contains(['\t', '\n', '\r']) {
                fail(&format!(
                    "{file}: rule {}: a text contains a tab or line break",
                    r.id
                ));
            }
            if i > 0 {
                s.push('\t');
            }
            s.push_str(f);
        }
        s.push('\n');
    }
    s
}

/// A Rust variant name from an id: `rate_limit` → `RateLimit`, `claude-code` → `ClaudeCode`.
fn camel(s: &str) -> String {
    s.split(['_', '-'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A rule's keywords as the engine sees them: its own, then those derived from its patterns.
fn all_keywords(r: &Rule) -> Vec<String> {
    let all = [
        r.keywords.clone(),
        keywords::derived(&r.keywords, &r.patterns),
    ]
    .concat();
    if r.patterns.is_empty() {
        // The keywords are the match: each one counts.
        return all;
    }
    // A keyword only wakes a rule's patterns: one holding another of the rule's keywords
    // (` api key` beside `api key`) wakes nothing more, and costs the page's table its bytes.
    let mut kept: Vec<String> = Vec::new();
    for (i, k) in all.iter().enumerate() {
        let redundant = all
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && k.contains(o.as_str()) && (o != k || j < i));
        if !redundant {
            kept.push(k.clone());
        }
    }
    kept
}

/// The rule table the engine decodes once at start (core/src/vocabulary.rs, `decode`): a record per
/// rule in `RULES` order, each ended by U+001D, its fields separated by U+001E —
/// `id file category severity specificity keywords patterns when when_any unless supersedes
/// reset check fallback retry_queue confidence follows` — and the items of a list by U+001F (an empty field is an
/// empty list, `None` or `false`; an empty file is the previous rule's; superseded rules are
/// written as their positions in the table). As text it weighs about two thirds of what the same rules
/// compiled as Rust statics weighed in the page's gzipped wasm (25 KB against ~39 KB): those
/// are mostly pointers (every `&str` and slice is an address and a length), which gzip cannot
/// shrink. `rules_ref.rs` (the statics,
/// compiled into core's unit tests only) is what the decoded table is compared with.
fn gen_rules_table(rules: &[(String, Rule)]) -> String {
    const SEPARATORS: [char; 3] = ['\u{1d}', '\u{1e}', '\u{1f}'];
    let ord: BTreeMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, (_, r))| (r.id.as_str(), i))
        .collect();
    let mut s = String::new();
    let mut last_file = "";
    for (file, r) in rules {
        // A file's rules are consecutive: its name is written at its first rule only.
        let file_field = if file == last_file { "" } else { file.as_str() };
        last_file = file;
        // Superseded rules by their position in the table (an id is written once, as its own).
        let supersedes: Vec<String> = r
            .supersedes
            .iter()
            .map(|id| ord.get(id.as_str()).map_or(String::new(), usize::to_string))
            .collect();
        let mut fields = vec![
            r.id.clone(),
            file_field.to_string(),
            r.category.clone(),
            r.severity.clone(),
            r.specificity.to_string(),
        ];
        // Keywords that a pattern holds are marked inside it (build/marks.rs).
        if r.patterns
            .iter()
            .chain(&r.keywords)
            .any(|x| x.contains(marks::MARK))
        {
            fail(&format!(
                "{file}: rule `{}`: U+007F is the rule table's keyword mark",
                r.id
            ));
        }
        let mut all = all_keywords(r);
        let (keywords, marked) = marks::encode(&all, &r.patterns);
        let mut read_back = marks::read_back(keywords.clone(), &marked);
        read_back.sort();
        all.sort();
        if read_back != all {
            fail(&format!(
                "{file}: rule `{}`: its keywords do not read back from the marks",
                r.id
            ));
        }
        for l in [
            keywords,
            if r.patterns.is_empty() {
                vec![]
            } else {
                vec![marked]
            },
            r.when.clone(),
            r.when_any.clone(),
            r.unless.clone(),
            supersedes,
        ] {
            if l.iter().any(|x| x.is_empty()) {
                fail(&format!("{file}: rule `{}`: an empty list item", r.id));
            }
            fields.push(l.join("\u{1f}"));
        }
        if r.check.as_deref() == Some("") {
            fail(&format!("{file}: rule `{}`: an empty check name", r.id));
        }
        fields.push(r.reset.clone().unwrap_or_default());
        fields.push(r.check.clone().unwrap_or_default());
        fields.push(if r.fallback { "1" } else { "" }.into());
        fields.push(if r.retry_queue { "1" } else { "" }.into());
        fields.push(confidence(r));
        fields.push(r.follows.join("\u{1f}"));
        for (i, f) in fields.iter().enumerate() {
            let inner = if (5..11).contains(&i) || i == 16 {
                &SEPARATORS[..2]
            } else {
                &SEPARATORS[..]
            };
            if f.contains(inner) {
                fail(&format!(
                    "{file}: rule `{}`: `{f}` holds U+001D, U+001E or U+001F (the rule table's separators)",
                    r.id
                ));
            }
        }
        s.push_str(&fields.join("\u{1e}"));
        s.push('\u{1d}');
    }
    s
}

/// The same rules as Rust statics: the reference core's unit tests compare the decoded table
/// with (core/src/vocabulary.rs).
fn gen_rules(rules: &[(String, Rule)]) -> String {
    let mut s = String::from("// Generated by core/build.rs from rules/*.toml. Do not edit.\npub static RULES_REF: &[Rule] = &[\n");
    for (ord, (file, r)) in rules.iter().enumerate() {
        let reset = match &r.reset {
            Some(x) => format!("Some(Reset::{})", camel(x)),
            None => "None".into(),
        };
        let _ = writeln!(
            s,
            "Rule {{ id: {}, file: {}, category: Category::{}, severity: Severity::{}, specificity: {}, keywords: {}, patterns: {}, when: {}, when_any: {}, unless: {}, supersedes: {}, reset: {}, check: {}, fallback: {}, retry_queue: {}, confidence: Confidence::{}, follows: {}, ord: {} }},",
            lit(&r.id),
            lit(file),
            camel(&r.category),
            camel(&r.severity),
            r.specificity,
            list(&marks::decoded(&all_keywords(r), &r.patterns)),
            list(&r.patterns),
            fact_list(&r.when),
            fact_list(&r.when_any),
            fact_list(&r.unless),
            list(&r.supersedes),
            reset,
            r.check.as_ref().map_or("None".to_string(), |c| format!("Some({})", lit(c))),
            r.fallback,
            r.retry_queue,
            camel(&confidence(r)),
            category_list(&r.follows),
            ord,
        );
    }
    s.push_str("];\n");
    s
}

fn confidence(r: &Rule) -> String {
    match &r.confidence {
        Some(c) => c.clone(),
        None if r.fallback => "low".into(),
        None if r.specificity < 40 => "medium".into(),
        None => "high".into(),
    }
}

fn gen_samples(rules: &[(String, Rule)]) -> String {
    let mut by_rule: BTreeMap<&str, Vec<(&str, bool)>> = BTreeMap::new();
    for (_, r) in rules {
        by_rule
            .entry(&r.id)
            .or_default()
            .extend(r.sample.iter().map(|s| (s.text.as_str(), s.expect)));
    }
    let mut s = String::from("// Generated by core/build.rs. Do not edit.\npub static SAMPLES: &[(&str, &str, bool)] = &[\n");
    for (id, samples) in by_rule {
        for (t, e) in samples {
            let _ = writeln!(s, "({}, {}, {e}),", lit(id), lit(t));
        }
    }
    s.push_str("];\n");
    s
}

/// A pattern with its named fragments written out: `{status:401}` becomes the catalog's
/// `status` fragment with `{arg}` = `401`. A `{` that does not start `{name:arg}` of a known
/// name (a repetition such as `{0,6}`) stays as it is; an unknown name is an error.
fn expand(p: &str, fragments: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let name_len = tail
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        let call = (name_len > 0 && tail.as_bytes().get(name_len) == Some(&b':'))
            .then(|| tail[name_len + 1..].find('}').map(|end| (name_len, end)))
            .flatten();
        match call {
            Some((n, end)) => {
                let name = &tail[..n];
                let arg = &tail[n + 1..n + 1 + end];
                let body = fragments
                    .get(name)
                    .ok_or_else(|| format!("unknown pattern fragment `{{{name}:…}}`"))?;
                out.push_str(&body.replace("{arg}", arg));
                rest = &tail[n + 2 + end..];
            }
            None => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn gen_catalog(c: &Catalog) -> String {
    let mut s = String::from("// Generated by core/build.rs from rules/catalog.toml. Do not edit.\npub static HOSTS: &[Host] = &[\n");
    for h in &c.host {
        let _ = writeln!(
            s,
            "Host {{ host: {}, provider: {}, plan: {}, region: {}, openai_path: {}, anthropic_path: {} }},",
            lit(&h.host),
            lit(&h.provider),
            lit(&h.plan),
            lit(&h.region),
            lit(&h.openai_path),
            lit(&h.anthropic_path)
        );
    }
    s.push_str("];\npub(crate) static MODELS: &[Model] = &[\n");
    for m in &c.model {
        let _ = writeln!(
            s,
            "Model {{ name: {}, plans: {}, context: {} }},",
            lit(&m.name),
            list(&m.plans),
            m.context
        );
    }
    // Tool ids name `Tool` variants: an unknown id fails to compile.
    s.push_str("];\n/// Literal markers (lowercase) naming the tool a paste comes from.\npub static TOOL_MARKERS: &[(&str, Tool)] = &[\n");
    for t in &c.tool {
        for m in &t.markers {
            let _ = writeln!(s, "({}, Tool::{}),", lit(m), camel(&t.id));
        }
    }
    let _ = writeln!(
        s,
        "];\n/// Setting names (lowercase) of an Anthropic base URL.\npub(crate) static ANTHROPIC_BASE_URL_SETTINGS: &[&str] = {};\n/// Setting names (lowercase) of an OpenAI-compatible base URL.\npub(crate) static BASE_URL_SETTINGS: &[&str] = {};\n/// Setting names (lowercase) of an API key.\npub(crate) static KEY_SETTINGS: &[&str] = {};",
        list(&c.settings.anthropic_base_url),
        list(&c.settings.base_url),
        list(&c.settings.api_key)
    );
    s.push_str("/// Protocols by endpoint path, in order: (name, contains, ends with).\npub(crate) static PROTOCOLS: &[(&str, &[&str], &[&str])] = &[\n");
    for p in &c.protocol {
        let _ = writeln!(
            s,
            "({}, {}, {}),",
            lit(&p.name),
            list(&p.contains),
            list(&p.ends_with)
        );
    }
    s.push_str("];\n");
    s
}

fn write(path: &Path, content: &str) {
    if let Err(e) = std::fs::write(path, content) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("\nllmdoctor rules are invalid:\n{msg}\n");
    std::process::exit(1)
}
