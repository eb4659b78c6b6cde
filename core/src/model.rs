//! The vocabulary of a diagnosis: categories, severities, and the compiled rule shape that
//! `build.rs` generates from `rules/*.toml`.

use crate::texts;
pub use crate::texts::Text;
use serde::Serialize;

/// What kind of failure a diagnosis names (report contract, DESIGN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// Which Coding Plan quota window a rule is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reset {
    Hour,
    Week,
    Month,
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
    pub when: &'static [&'static str],
    pub when_any: &'static [&'static str],
    pub unless: &'static [&'static str],
    pub supersedes: &'static [&'static str],
    pub reset: Option<Reset>,
    /// A config check (core/src/checks) whose findings make this rule fire, with fixes.
    pub check: Option<&'static str>,
    /// A general finding for an error signal (a status, an exception class): kept only when no
    /// other rule explains the paste.
    pub fallback: bool,
    pub confidence: Confidence,
    /// Position in [`RULES`]: the rule's line in each language's texts (core/src/texts.rs).
    pub ord: u16,
}

impl Rule {
    /// The rule's title, explanation, steps and verification in `lang` (in the other language
    /// while `lang` is not loaded; empty while neither is — see [`crate::texts`]).
    pub fn text(&self, lang: Lang) -> &'static Text {
        texts::get(lang, self.ord)
    }
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
pub struct Model {
    pub name: &'static str,
    pub plans: &'static [&'static str],
    pub context: u32,
}

include!(concat!(env!("OUT_DIR"), "/rules_gen.rs"));
include!(concat!(env!("OUT_DIR"), "/catalog_gen.rs"));

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
