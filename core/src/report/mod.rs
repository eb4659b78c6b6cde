//! The report (contract, schema 1 — docs/CONTRACT.md). Everything here is already redacted: front ends
//! render it as it is. The engine's report holds rule ids and structured data; a diagnosis's
//! words (title, explanation, the rule's steps, verification, sources) come from a
//! [`Catalog`] when it is rendered — as the contract's JSON by
//! [`Report::json`] (json.rs), or by a front end's own view.

mod facts;
mod json;

/// The notes in the report's facts (declared with the readers that make them, `crate::notes`).
pub use crate::notes::{Expected, Note, Quote};
pub use facts::{BlockFact, ConfigFacts, EndpointFact, Facts, InputFact, KeyFact, SettingFact};
pub use json::{CorrectedJson, DiagnosisJson, ReportJson};

use crate::config::Format;
use crate::messages::Wording;
use crate::secrets::{Masked, MaskedJson, Redactor, Revealed};
use crate::texts::{Catalog, Text};
use crate::vocabulary::{Category, Confidence, Lang, Severity};
use serde::Serialize;
use std::borrow::Cow;

pub const SCHEMA: u32 = 1;

/// What the engine found in a paste: ranked diagnoses, corrected configs, the facts read. Its
/// JSON (schema 1) is [`Report::json`].
#[derive(Debug)]
pub struct Report {
    pub diagnoses: Vec<Diagnosis>,
    pub corrected: Vec<Corrected>,
    /// What the engine read from the paste (tools, endpoints, keys masked, statuses, config,
    /// notes).
    pub facts: Facts,
    /// The language the engine's own words (retry advice, notes, reset notes) are in, and the
    /// one its diagnoses are worded in.
    pub lang: Lang,
    /// The redactor the report was masked with: front ends mask what they add (file names,
    /// values they quote) with [`Report::mask`]. Holds the keys; never serialized or printed.
    pub(crate) redactor: Redactor,
}

impl Report {
    /// The contract's JSON (schema 1), each diagnosis worded from `catalog` in the report's
    /// language.
    pub fn json<'a>(&'a self, catalog: &'a Catalog) -> ReportJson<'a> {
        ReportJson::new(self, catalog)
    }

    /// The words of `d` (a diagnosis of this report) in the report's language.
    pub fn text<'a>(&self, catalog: &'a Catalog, d: &Diagnosis) -> &'a Text {
        catalog.text_of(self.lang, d.rule)
    }

    /// `catalog` in the report's language: how a front end words the report's data (labels,
    /// notes, retry advice, reset notes).
    pub fn wording<'a>(&self, catalog: &'a Catalog) -> Wording<'a> {
        catalog.wording(self.lang)
    }

    /// The fix steps of `d`: the engine's own first, then the rule's.
    pub fn steps<'a>(&self, catalog: &'a Catalog, d: &'a Diagnosis) -> Vec<Cow<'a, Masked>> {
        let w = self.wording(catalog);
        d.lead_steps
            .iter()
            .map(|s| Cow::Owned(w.lead_step(s)))
            .chain(self.text(catalog, d).steps.iter().map(Cow::Borrowed))
            .collect()
    }

    /// `s` (text derived from the paste this report is about) with every key masked.
    pub fn mask(&self, s: &str, text: &str) -> Masked {
        self.redactor.scrub(s, text)
    }

    /// A JSON value a front end builds beside the report (the doctor's own fields), every
    /// string in it masked. Not for the report itself: its types mask what they hold.
    pub fn mask_json(&self, v: serde_json::Value, text: &str) -> MaskedJson {
        self.redactor.json(v, text)
    }

    /// Records the inputs the paste was joined from (`facts.inputs`): each name, masked, and
    /// the byte where its text starts in the paste `text`.
    pub fn set_inputs<'a>(
        &mut self,
        inputs: impl IntoIterator<Item = (&'a str, usize)>,
        text: &str,
    ) {
        let list = inputs
            .into_iter()
            .map(|(name, start)| InputFact {
                name: self.redactor.scrub(name, text),
                start,
            })
            .collect();
        self.facts.inputs = Some(list);
    }

    /// `text[start..end]` of the paste, masked.
    pub fn slice(&self, text: &str, start: usize, end: usize) -> Masked {
        self.redactor.slice(text, start, end)
    }
}

/// One finding: which rule, how bad and how sure, where in the paste, and what to do — without
/// the rule's words (see [`Report::text`]).
#[derive(Debug)]
pub struct Diagnosis {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub confidence: Confidence,
    pub evidence: Vec<Evidence>,
    /// Steps the engine puts before the rule's own, from the paste ("did you mean", models
    /// with a larger window).
    pub lead_steps: Vec<LeadStep>,
    pub fix: Option<Fix>,
    /// How many places in the paste matched (evidence lists at most a few).
    pub count: usize,
    pub retry: Retry,
    /// For quota windows: when the allowance comes back.
    pub reset: Option<ResetInfo>,
}

/// A step the engine puts before a rule's own, from a model name on the evidence lines (worded
/// by `Wording::lead_step`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadStep {
    /// The catalog model the user most likely meant instead of `name`; `case_only` when the
    /// two differ only in case.
    DidYouMean {
        meant: &'static str,
        name: Masked,
        case_only: bool,
    },
    /// A catalog model's context window and the larger ones on its plan (name, tokens; at
    /// most four, largest first).
    LargerWindow {
        name: &'static str,
        context: u32,
        larger: Vec<(&'static str, u32)>,
    },
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: Masked,
    /// The whole line around the evidence (masked, cut around the match when long), and where
    /// in it the evidence sits, in characters: enough for a caret or a highlight.
    pub context: Context,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Context {
    pub text: Masked,
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    Safe,
    Review,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: Masked,
    /// The replacement unmasked, for the explicit reveal path only.
    #[serde(skip)]
    pub revealed: Revealed,
}

/// A config block with its fixes applied (its JSON: [`CorrectedJson`]).
#[derive(Debug)]
pub struct Corrected {
    pub format: Format,
    pub start: usize,
    pub end: usize,
    pub text: Masked,
    /// Unified diff of the block before and after (masked too); empty for very long blocks.
    pub diff: Masked,
    /// How to check the fixed endpoint (worded by `Wording::verify`).
    pub verify: Option<Verify>,
}

/// How to check a corrected block's endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verify {
    /// A command; keys come from an environment variable, never inline.
    Command(Masked),
    /// The Coding Plan answers coding tools only: the check is the tool itself.
    CodingPlan,
}

/// Whether and when to retry (`retry.policy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RetryPolicy {
    /// The request or its configuration must change first.
    Never,
    /// Retry once the cause (network path, balance, flagged text) is fixed.
    AfterFix,
    /// The allowance comes back at its reset.
    AfterReset,
    /// Transient: exponential backoff.
    Backoff,
    /// Harmless (an `info` finding): nothing to retry.
    None,
}

impl RetryPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            RetryPolicy::Never => "never",
            RetryPolicy::AfterFix => "after_fix",
            RetryPolicy::AfterReset => "after_reset",
            RetryPolicy::Backoff => "backoff",
            RetryPolicy::None => "none",
        }
    }
}

/// Whether and how to retry (its JSON: `retry`, with the advice worded).
#[derive(Debug)]
pub struct Retry {
    pub policy: RetryPolicy,
    /// What to say (`Wording::advice`).
    pub advice: Advice,
    /// The provider can queue a throttled request: the advice adds its queue header.
    pub queue: bool,
    /// Ready-to-use retry code, where retrying is right.
    pub snippets: Vec<Snippet>,
}

/// Which retry advice to give: what `retry::guidance` decided from a finding's category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advice {
    /// An `info` finding: nothing to retry.
    Harmless,
    /// Per-minute and concurrency throttling: back off.
    RateLimit,
    /// A server error or a timeout: back off, then a fallback.
    Transient,
    /// The network path is broken: fix it first.
    Network,
    /// An allowance used up until its reset.
    Quota,
    /// No balance: top up first.
    Balance,
    /// Flagged content stays in the history.
    ContentPolicy,
    /// Anything else: the request or its configuration must change.
    Other,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Snippet {
    pub language: SnippetLanguage,
    pub code: &'static str,
}

/// The language a retry snippet is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SnippetLanguage {
    Python,
    Javascript,
    Shell,
}

impl SnippetLanguage {
    pub fn as_str(self) -> &'static str {
        match self {
            SnippetLanguage::Python => "python",
            SnippetLanguage::Javascript => "javascript",
            SnippetLanguage::Shell => "shell",
        }
    }
}

impl std::fmt::Display for SnippetLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a quota window's allowance comes back (its JSON adds the note, worded by
/// `Wording::reset_note`).
#[derive(Debug)]
pub struct ResetInfo {
    pub window: crate::vocabulary::Reset,
    /// RFC 3339 instant the quota comes back, when it can be known.
    pub at: Option<String>,
    /// Whether `at` is the exact reset (week, month) or only the latest it can be (the 5-hour
    /// rolling window frees usage bit by bit).
    pub exact: bool,
    /// Start of the window that is used up, when it can be known (for a timeline).
    pub window_start: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::RetryPolicy;
    use crate::vocabulary::Reset;

    #[test]
    fn policies_and_windows_keep_their_contract_names() {
        // The JSON values are the contract's (docs/CONTRACT.md); `as_str` is what the page's
        // data attributes carry: both must agree.
        for p in [
            RetryPolicy::Never,
            RetryPolicy::AfterFix,
            RetryPolicy::AfterReset,
            RetryPolicy::Backoff,
            RetryPolicy::None,
        ] {
            let json = serde_json::to_string(&p).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
        }
        let names: Vec<&str> = [RetryPolicy::AfterFix, RetryPolicy::None]
            .iter()
            .map(|p| p.as_str())
            .collect();
        assert_eq!(names, ["after_fix", "none"]);
        for (w, name) in [
            (Reset::Hour, "hour"),
            (Reset::Week, "week"),
            (Reset::Month, "month"),
        ] {
            assert_eq!(
                serde_json::to_string(&w).unwrap_or_default(),
                format!("\"{name}\"")
            );
            assert_eq!(w.as_str(), name);
        }
    }

    #[test]
    fn only_rules_marked_retry_queue_get_the_queue_header() {
        let first = |paste: &str| {
            let r = crate::diagnose(paste, &crate::Options::default());
            r.diagnoses.first().map_or(("", false), |d| {
                (
                    d.rule,
                    d.retry
                        .snippets
                        .iter()
                        .any(|s| s.language == super::SnippetLanguage::Shell),
                )
            })
        };
        let (rule, shell) = first("Throttling.BurstRate: Request rate increased too quickly");
        assert!(
            crate::rule(rule).is_some_and(|r| r.retry_queue) && shell,
            "{rule}"
        );
        let (rule, shell) = first("Error code: 429 - {'error': {'message': 'Too many requests'}}");
        assert!(!rule.is_empty() && !shell, "{rule}");
    }
}
