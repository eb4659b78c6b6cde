//! The vocabulary of a diagnosis: categories, severities, confidence, quota windows, output
//! languages; the compiled rule shape that `build.rs` generates from `rules/*.toml` and the rule
//! table ([`RULES`]); the provider catalog's types and tables from `rules/catalog.toml`
//! ([`HOSTS`], [`MODELS`]). (Model names in a paste and "did you mean": `model_names`.)

use crate::precondition::Fact;
use crate::tool::Tool;
use serde::Serialize;
use std::sync::OnceLock;

/// What kind of failure a diagnosis names (report contract, DESIGN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Auth,
    Permission,
    Balance,
    Quota,
    RateLimit,
    BaseUrl,
    Model,
    ContextLength,
    Parameter,
    ContentPolicy,
    Timeout,
    Network,
    Server,
    PlanRestriction,
    ClientConfig,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::Auth,
        Category::Permission,
        Category::Balance,
        Category::Quota,
        Category::RateLimit,
        Category::BaseUrl,
        Category::Model,
        Category::ContextLength,
        Category::Parameter,
        Category::ContentPolicy,
        Category::Timeout,
        Category::Network,
        Category::Server,
        Category::PlanRestriction,
        Category::ClientConfig,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Auth => "auth",
            Category::Permission => "permission",
            Category::Balance => "balance",
            Category::Quota => "quota",
            Category::RateLimit => "rate_limit",
            Category::BaseUrl => "base_url",
            Category::Model => "model",
            Category::ContextLength => "context_length",
            Category::Parameter => "parameter",
            Category::ContentPolicy => "content_policy",
            Category::Timeout => "timeout",
            Category::Network => "network",
            Category::Server => "server",
            Category::PlanRestriction => "plan_restriction",
            Category::ClientConfig => "client_config",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// How sure a diagnosis is (report schema 1, added): `high` — a specific rule matched the
/// message or the config; `medium` — a generic message, status or exception class; `low` — a
/// general finding from an error signal alone (a fallback rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// Which Coding Plan quota window a rule is about (`reset.window` in the report: `hour` is the
/// 5-hour rolling window).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reset {
    Hour,
    Week,
    Month,
}

impl Reset {
    pub fn as_str(self) -> &'static str {
        match self {
            Reset::Hour => "hour",
            Reset::Week => "week",
            Reset::Month => "month",
        }
    }
}

/// Output language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The language's code: `en`, `zh` (what [`Lang::parse`] reads back).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "cn" => Some(Lang::Zh),
            _ => None,
        }
    }
}

/// One rule, compiled from `rules/*.toml` (see rules/README.md for the meaning of each field).
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub file: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub specificity: u8,
    pub keywords: &'static [&'static str],
    pub patterns: &'static [&'static str],
    pub when: &'static [Fact],
    pub when_any: &'static [Fact],
    pub unless: &'static [Fact],
    pub supersedes: &'static [&'static str],
    pub reset: Option<Reset>,
    /// A config check (core/src/checks) whose findings make this rule fire, with fixes.
    pub check: Option<&'static str>,
    /// A general finding for an error signal (a status, an exception class): kept only when no
    /// other rule explains the paste.
    pub fallback: bool,
    /// The provider can queue a throttled request: the retry advice adds its queue header.
    pub retry_queue: bool,
    pub confidence: Confidence,
    /// A differential hypothesis: the categories of a first finding this rule joins
    /// (core/src/findings.rs, `differential`); empty for every other rule.
    pub follows: &'static [Category],
    /// Position in [`RULES`]: the rule's line in each language's texts (core/src/texts.rs).
    pub ord: u16,
}

/// A known host from `rules/catalog.toml`. A host starting with `.` matches any subdomain.
#[derive(Debug)]
pub struct Host {
    pub host: &'static str,
    pub provider: &'static str,
    pub plan: &'static str,
    pub region: &'static str,
    /// Base path an OpenAI-compatible client must use on this host ("" when unknown).
    pub openai_path: &'static str,
    /// Base path an Anthropic-compatible client (Claude Code) must use ("" when unknown).
    pub anthropic_path: &'static str,
}

/// A model from `rules/catalog.toml`: exact (case-sensitive) name, the plans offering it, and its
/// context window in tokens (0 when not documented).
#[derive(Debug)]
pub(crate) struct Model {
    pub name: &'static str,
    pub plans: &'static [&'static str],
    pub context: u32,
}

include!(concat!(env!("OUT_DIR"), "/catalog_gen.rs"));

/// Every rule of `rules/*.toml`, in file order: `RULES[i]`, `RULES.iter()`, `RULES.len()` and
/// `for r in RULES` read it as a slice. The table is decoded once, on first use, from the text
/// build.rs writes (`rules.txt`, see `gen_rules_table` there): as Rust statics the ~490 rules
/// weighed ~39 KB of the page's gzipped wasm, mostly addresses and lengths; as text, 25 KB.
#[derive(Clone, Copy, Debug)]
pub struct Rules;

/// The rule table (see [`Rules`]).
pub const RULES: Rules = Rules;

impl Rules {
    /// The rules as a slice.
    pub fn all(self) -> &'static [Rule] {
        static TABLE: OnceLock<Vec<Rule>> = OnceLock::new();
        TABLE.get_or_init(|| {
            decode(expand(
                include_str!(concat!(env!("OUT_DIR"), "/rules.txt")),
                include_str!(concat!(env!("OUT_DIR"), "/rules_dict.txt")),
            ))
        })
    }
}

impl std::ops::Deref for Rules {
    type Target = [Rule];
    fn deref(&self) -> &[Rule] {
        self.all()
    }
}

impl IntoIterator for Rules {
    type Item = &'static Rule;
    type IntoIter = std::slice::Iter<'static, Rule>;
    fn into_iter(self) -> Self::IntoIter {
        self.all().iter()
    }
}

/// The rule table with its dictionary's tokens put back (core/build/dictionary.rs): U+0001–U+0008
/// and U+000B–U+001B stand for words 0–24, U+001C and a character from `!` on for words 25 and
/// up. Once per process; the text lives as long as the rules that point into it.
fn expand(coded: &str, dict: &str) -> &'static str {
    let words: Vec<&str> = dict.split('\u{1f}').collect();
    let mut out = String::with_capacity(coded.len() * 8 / 5);
    let mut chars = coded.chars();
    while let Some(c) = chars.next() {
        let n = c as usize;
        let word = match n {
            0x01..=0x08 => n - 0x01,
            0x0b..=0x1b => n - 0x0b + 8,
            0x1c => chars
                .next()
                .and_then(|d| (d as usize).checked_sub(0x21))
                .map_or(usize::MAX, |d| d + 25),
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(words.get(word).copied().unwrap_or(""));
    }
    out.leak()
}

/// Reads build.rs's rule table: a record per rule ended by U+001D, fields separated by U+001E
/// in the order of [`Rule`]'s fields (a struct expression evaluates its fields in the order
/// written), list items by U+001F; an empty file is the previous rule's, superseded rules are
/// positions in the table. The table is build.rs's own output, so nothing here fails: a
/// malformed field would read as empty (core's unit tests compare every decoded rule with the
/// same rules compiled as statics).
fn decode(table: &'static str) -> Vec<Rule> {
    fn list(field: &'static str) -> &'static [&'static str] {
        if field.is_empty() {
            return &[];
        }
        field.split('\u{1f}').collect::<Vec<_>>().leak()
    }
    // Preconditions read once, here: build.rs checked their kinds, core's tests that each reads.
    fn facts(field: &'static str) -> &'static [Fact] {
        if field.is_empty() {
            return &[];
        }
        field
            .split('\u{1f}')
            .filter_map(Fact::parse)
            .collect::<Vec<_>>()
            .leak()
    }
    let records = || table.split_terminator('\u{1d}');
    let ids: Vec<&'static str> = records()
        .map(|r| r.split('\u{1e}').next().unwrap_or(""))
        .collect();
    let mut file = "";
    // A rule's patterns are read with its keywords (the marked ones are inside them), then
    // placed by the field below it: a struct expression evaluates its fields in order.
    let mut patterns: &'static [&'static str] = &[];
    records()
        .enumerate()
        .map(|(ord, record)| {
            let mut f = record.split('\u{1e}');
            let mut next = || f.next().unwrap_or("");
            Rule {
                id: next(),
                file: {
                    let own = next();
                    if !own.is_empty() {
                        file = own;
                    }
                    file
                },
                category: {
                    let c = next();
                    Category::ALL
                        .into_iter()
                        .find(|x| x.as_str() == c)
                        .unwrap_or(Category::Server)
                },
                severity: match next() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    _ => Severity::Info,
                },
                specificity: next().parse().unwrap_or(0),
                keywords: {
                    let (k, p) = keywords_and_patterns(next(), next());
                    patterns = p;
                    k
                },
                patterns,
                when: facts(next()),
                when_any: facts(next()),
                unless: facts(next()),
                supersedes: {
                    let ords = next();
                    if ords.is_empty() {
                        &[]
                    } else {
                        ords.split('\u{1f}')
                            .filter_map(|n| ids.get(n.parse::<usize>().ok()?).copied())
                            .collect::<Vec<_>>()
                            .leak()
                    }
                },
                reset: match next() {
                    "hour" => Some(Reset::Hour),
                    "week" => Some(Reset::Week),
                    "month" => Some(Reset::Month),
                    _ => None,
                },
                check: Some(next()).filter(|c| !c.is_empty()),
                fallback: !next().is_empty(),
                retry_queue: !next().is_empty(),
                confidence: match next() {
                    "high" => Confidence::High,
                    "medium" => Confidence::Medium,
                    _ => Confidence::Low,
                },
                follows: list(next())
                    .iter()
                    .filter_map(|c| Category::ALL.into_iter().find(|x| x.as_str() == *c))
                    .collect::<Vec<_>>()
                    .leak(),
                ord: u16::try_from(ord).unwrap_or(u16::MAX),
            }
        })
        .collect()
}

/// A rule's keywords and patterns. A keyword that a pattern holds is written there, marked by
/// U+007F where it starts, and runs to the next regex metacharacter or the pattern's end
/// (core/build/marks.rs): the keywords are those of the list, then the marked ones.
fn keywords_and_patterns(
    keywords: &'static str,
    marked: &'static str,
) -> (&'static [&'static str], &'static [&'static str]) {
    let split = |f: &'static str| f.split('\u{1f}').filter(|x| !x.is_empty());
    let plain: &'static str = marked.replace('\u{7f}', "").leak();
    let mut out: Vec<&'static str> = split(keywords).collect();
    let mut at = 0;
    for (i, piece) in marked.split('\u{7f}').enumerate() {
        if i > 0 {
            let rest = &plain[at..];
            let end = rest.find(|c| "[](){}\\?|.*+^$\u{1f}".contains(c));
            out.push(&rest[..end.unwrap_or(rest.len())]);
        }
        at += piece.len();
    }
    (out.leak(), split(plain).collect::<Vec<_>>().leak())
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.all().iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    include!(concat!(env!("OUT_DIR"), "/rules_ref.rs"));

    /// The decoded table is the rules as build.rs read them: every field of every rule, in
    /// order, equals the same rules compiled as Rust statics.
    #[test]
    fn decoded_rules_equal_the_statics() {
        assert_eq!(RULES.len(), RULES_REF.len());
        for (d, r) in RULES.iter().zip(RULES_REF) {
            assert_eq!(format!("{d:?}"), format!("{r:?}"), "rule {}", r.id);
        }
    }
}
