//! The report as the contract's JSON (docs/CONTRACT.md, schema 1): the engine's [`Report`]
//! worded from a [`Catalog`] — each diagnosis's rule words, the engine's steps, retry advice,
//! reset notes, notes and verification sentences. Field names and order are the contract's;
//! docs/report.schema.json is generated from these types (the views below carry no doc
//! comment of their own where the schema has none).

use super::{
    BlockFact, ConfigFacts, Corrected, Diagnosis, Evidence, Facts, Fix, Report, ResetInfo, Retry,
    SettingFact, Snippet, SCHEMA,
};
use super::{EndpointFact, InputFact, KeyFact, RetryPolicy};
use crate::config::Format;
use crate::messages::Wording;
use crate::secrets::Masked;
use crate::texts::Catalog;
use crate::tool::Tool;
use crate::vocabulary::{Category, Confidence, Reset, Severity};
use serde::Serialize;
use std::borrow::Cow;

/// The report (docs/CONTRACT.md, schema 1; docs/report.schema.json is generated from these
/// types).
#[derive(Debug, Serialize)]
#[serde(rename = "Report")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportJson<'a> {
    pub schema: u32,
    pub diagnoses: Vec<DiagnosisJson<'a>>,
    pub corrected: Vec<CorrectedJson<'a>>,
    /// What the engine read from the paste (tools, endpoints, keys masked, statuses, config,
    /// notes).
    #[cfg_attr(feature = "schema", schemars(with = "Facts"))]
    pub facts: FactsJson<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename = "Diagnosis")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiagnosisJson<'a> {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// How sure the diagnosis is (schema 1 addition; docs/CONTRACT.md, Report).
    pub confidence: Confidence,
    pub title: &'a Masked,
    pub explanation: &'a Masked,
    pub evidence: &'a [Evidence],
    pub steps: Vec<Cow<'a, Masked>>,
    pub verify: &'a Masked,
    pub sources: &'a [Masked],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<&'a Fix>,
    /// How many places in the paste matched (evidence lists at most a few).
    pub count: usize,
    /// Whether and how to retry.
    pub retry: RetryJson<'a>,
    /// For quota windows: when the allowance comes back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset: Option<ResetJson<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename = "Retry")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RetryJson<'a> {
    pub policy: RetryPolicy,
    pub advice: Masked,
    /// Ready-to-use retry code, where retrying is right.
    #[serde(skip_serializing_if = "<[Snippet]>::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub snippets: &'a [Snippet],
}

#[derive(Debug, Serialize)]
#[serde(rename = "ResetInfo")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResetJson<'a> {
    pub window: Reset,
    /// RFC 3339 instant the quota comes back, when it can be known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<&'a str>,
    /// Whether `at` is the exact reset (week, month) or only the latest it can be (the 5-hour
    /// rolling window frees usage bit by bit).
    pub exact: bool,
    /// Start of the window that is used up, when it can be known (for a timeline).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_start: Option<&'a str>,
    pub note: Masked,
}

#[derive(Debug, Serialize)]
#[serde(rename = "Corrected")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CorrectedJson<'a> {
    pub format: Format,
    pub start: usize,
    pub end: usize,
    pub text: &'a Masked,
    /// Unified diff of the block before and after (masked too); empty for very long blocks.
    pub diff: &'a Masked,
    /// A command (or an instruction) that verifies the fixed endpoint; keys come from an
    /// environment variable, never inline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify: Option<Cow<'a, Masked>>,
}

// `facts` with its notes worded; the schema is `Facts`'s (the field's `schemars(with)`).
#[derive(Debug, Serialize)]
pub struct FactsJson<'a> {
    config: ConfigFactsJson<'a>,
    endpoints: &'a [EndpointFact],
    #[serde(skip_serializing_if = "Option::is_none")]
    inputs: Option<&'a [InputFact]>,
    keys: &'a [KeyFact],
    near_hosts: &'a [&'static str],
    notes: Vec<Masked>,
    plans: &'a [&'static str],
    providers: &'a [&'static str],
    regions: &'a [&'static str],
    statuses: &'a [u16],
    tools: &'a [Tool],
}

#[derive(Debug, Serialize)]
struct ConfigFactsJson<'a> {
    blocks: Vec<BlockFactJson>,
    settings: &'a [SettingFact],
    settings_total: usize,
}

#[derive(Debug, Serialize)]
struct BlockFactJson {
    end: usize,
    format: Format,
    notes: Vec<Masked>,
    start: usize,
}

impl<'a> ReportJson<'a> {
    pub(super) fn new(report: &'a Report, catalog: &'a Catalog) -> Self {
        let w = report.wording(catalog);
        ReportJson {
            schema: SCHEMA,
            diagnoses: report
                .diagnoses
                .iter()
                .map(|d| DiagnosisJson::new(report, d, catalog))
                .collect(),
            corrected: report
                .corrected
                .iter()
                .map(|c| CorrectedJson::new(c, &w))
                .collect(),
            facts: FactsJson::new(&report.facts, &w),
        }
    }
}

impl<'a> DiagnosisJson<'a> {
    fn new(report: &Report, d: &'a Diagnosis, catalog: &'a Catalog) -> Self {
        let t = report.text(catalog, d);
        let w = report.wording(catalog);
        DiagnosisJson {
            rule: d.rule,
            category: d.category,
            severity: d.severity,
            confidence: d.confidence,
            title: &t.title,
            explanation: &t.explanation,
            evidence: &d.evidence,
            steps: report.steps(catalog, d),
            verify: &t.verify,
            sources: &t.sources,
            fix: d.fix.as_ref(),
            count: d.count,
            retry: RetryJson::new(&d.retry, &w),
            reset: d.reset.as_ref().map(|r| ResetJson::new(r, &w)),
        }
    }
}

impl<'a> RetryJson<'a> {
    fn new(r: &'a Retry, w: &Wording) -> Self {
        RetryJson {
            policy: r.policy,
            advice: w.advice(r),
            snippets: &r.snippets,
        }
    }
}

impl<'a> ResetJson<'a> {
    fn new(r: &'a ResetInfo, w: &Wording) -> Self {
        ResetJson {
            window: r.window,
            at: r.at.as_deref(),
            exact: r.exact,
            window_start: r.window_start.as_deref(),
            note: w.reset_note(r),
        }
    }
}

impl<'a> CorrectedJson<'a> {
    fn new(c: &'a Corrected, w: &Wording) -> Self {
        CorrectedJson {
            format: c.format,
            start: c.start,
            end: c.end,
            text: &c.text,
            diff: &c.diff,
            verify: c.verify.as_ref().map(|v| w.verify(v)),
        }
    }
}

impl<'a> FactsJson<'a> {
    fn new(f: &'a Facts, w: &Wording) -> Self {
        let ConfigFacts {
            blocks,
            settings,
            settings_total,
        } = &f.config;
        FactsJson {
            config: ConfigFactsJson {
                blocks: blocks.iter().map(|b| BlockFactJson::new(b, w)).collect(),
                settings,
                settings_total: *settings_total,
            },
            endpoints: &f.endpoints,
            inputs: f.inputs.as_deref(),
            keys: &f.keys,
            near_hosts: &f.near_hosts,
            notes: f.notes.iter().map(|n| w.note(n)).collect(),
            plans: &f.plans,
            providers: &f.providers,
            regions: &f.regions,
            statuses: &f.statuses,
            tools: &f.tools,
        }
    }
}

impl BlockFactJson {
    fn new(b: &BlockFact, w: &Wording) -> Self {
        BlockFactJson {
            end: b.end,
            format: b.format,
            notes: b.notes.iter().map(|n| w.note(n)).collect(),
            start: b.start,
        }
    }
}
